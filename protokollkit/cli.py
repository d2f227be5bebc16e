"""The ``protokollkit`` command: thin click commands over the library API."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from protokollkit import cli_messages
from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError
from protokollkit.writers import WRITERS

if TYPE_CHECKING:
    import datetime as dt

    from protokollkit.model import Protocol

P = ParamSpec("P")
R = TypeVar("R")

CONTEXT = {"help_option_names": ["-h", "--help"]}
OPTIONS = "[OPTIONEN]"
"""The options part of every usage line (click's default is English)."""

cli_messages.install()


def report(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], infos: bool = False) -> None:
    """Print diagnostics to stderr like a compiler: ``datei:zeile:spalte: warnung: …``.

    Notes of level ``info`` (what the rules decided on purpose) only when ``infos`` is set.
    """
    for diagnostic in diagnostics:
        if infos or diagnostic.level != "info":
            click.echo(str(diagnostic), err=True)


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn our errors and OS errors into one German message and exit code 1, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ParseError as exc:
            report(exc.diagnostics)
            sys.exit(1)
        except ProtokollkitError as exc:
            click.echo(f"fehler: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:
            from protokollkit.files import display, os_reason

            where = f"{display(exc.filename)}: " if exc.filename else ""
            click.echo(f"{where}fehler: {os_reason(exc)}.", err=True)
            sys.exit(1)
        except RecursionError:
            click.echo(
                "fehler: Die Eingabe ist zu tief verschachtelt, um sie zu verarbeiten.", err=True
            )
            sys.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except Exception as exc:  # a bug of ours: still one message, details on request
            if os.environ.get("PROTOKOLLKIT_DEBUG"):
                raise
            click.echo(
                f"fehler: interner Fehler ({type(exc).__name__}: {exc}). Bitte melden; "
                "Einzelheiten mit PROTOKOLLKIT_DEBUG=1.",
                err=True,
            )
            sys.exit(1)

    return wrapper


def require_stdout(hint: str = "die Ausgabe ginge verloren") -> None:
    """Refuse to run a command whose result goes to a standard output that was closed when it
    started (``>&-``): Python has none then, and click would drop every line silently."""
    if sys.stdout is None:
        raise ProtokollkitError(f"Die Standardausgabe ist geschlossen: {hint}.")


def diagnostics_of(exc: ProtokollkitError | OSError, path: Path) -> tuple[Diagnostic, ...]:
    """An error that stopped reading ``path``, as diagnostics."""
    if isinstance(exc, ParseError):
        return exc.diagnostics
    from protokollkit.files import display, os_reason

    message = str(exc) if isinstance(exc, ProtokollkitError) else os_reason(exc)
    return (Diagnostic("error", message, display(path)),)


def read_protocol(path: Path, format: str | None = None) -> Protocol:
    """Read a protocol from a file, or from standard input for ``-`` (text unless ``format``)."""
    import protokollkit

    if path == Path("-"):
        from protokollkit.files import read_bytes
        from protokollkit.readers import reader

        return reader(format or "text", "<stdin>")(read_bytes(path), "<stdin>")
    return protokollkit.read(path, format)


def read_diagnostics(path: Path) -> tuple[Diagnostic, ...]:
    """The diagnostics of reading and validating one file and of its dates' plausibility, by
    line. An error that stops reading becomes one of them.

    The file is read and decoded once: the same text serves the reader, the plausibility check
    and the validation (which use it to find lines and columns).
    """
    from protokollkit.plausibility import TEXT_SUFFIXES, check_plausibility
    from protokollkit.validate import problems

    try:
        protocol, shown, text = _read_with_text(path)
    except (ProtokollkitError, OSError) as exc:
        return diagnostics_of(exc, path)
    # plausibility reads the file named ``shown`` itself when given None (and finds no text
    # for other suffixes): hand it the text only where it would have read the same
    plausible_text = (
        text if path.suffix.lower() in TEXT_SUFFIXES and shown == os.fspath(path) else None
    )
    found = [
        *protocol.diagnostics,
        *check_plausibility(protocol, shown, plausible_text),
        *problems(protocol, shown, text),
    ]
    return tuple(sorted(found, key=lambda d: (d.line, d.col)))


SOURCE_SUFFIXES = ("", ".txt", ".text", ".md", ".markdown", ".json")
"""Suffixes whose text ``check`` uses to find lines (as :func:`protokollkit.files.source_text`)."""


def _read_with_text(path: Path) -> tuple[Protocol, str, str | None]:
    """The protocol in ``path``, the name to show, and its source text when it is text-like."""
    from protokollkit.files import MAX_TEXT_BYTES, decode_text, display, read_bytes
    from protokollkit.readers import format_of, reader
    from protokollkit.readers.shared import read_decoded
    from protokollkit.readers.text import read_text, read_text_bytes

    if path == Path("-"):
        return read_protocol(path), "<stdin>", None
    fmt = format_of(path)
    data = read_bytes(path)
    read = reader(fmt)
    decoded: list[str] = []
    if read is read_text_bytes:

        def parse(text: str, source: str) -> Protocol:
            decoded.append(text)
            return read_text(text, source)

        protocol: Protocol = read_decoded(data, str(path), parse)
    else:
        protocol = read(data, str(path))
    shown = display(path)
    # the text as files.source_text finds it: text-like suffixes, not above the text limit
    if path.suffix.lower() not in SOURCE_SUFFIXES or len(data) > MAX_TEXT_BYTES:
        return protocol, shown, None
    if decoded:
        return protocol, shown, decoded[0]
    try:
        return protocol, shown, decode_text(data, shown)[0]
    except ProtokollkitError:
        return protocol, shown, None


@click.group(
    context_settings=CONTEXT,
    options_metavar=OPTIONS,
    subcommand_metavar="BEFEHL [ARGUMENTE]...",
)
@click.version_option(package_name="protokollkit", message="protokollkit %(version)s")
def main() -> None:
    """Protokolle des Stadtteiltischs lesen, prüfen und in andere Formate bringen."""
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not UTF-8 is shown with \x escapes instead of crashing the output.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


@main.command(options_metavar=OPTIONS)
@click.argument("eingabe", metavar="EINGABE", type=click.Path(path_type=Path))
@click.option(
    "-t",
    "--to",
    "to",
    type=click.Choice(sorted(WRITERS)),
    default="text",
    show_default=True,
    help="Ausgabeformat.",
)
@click.option(
    "-f",
    "--from",
    "from_",
    default=None,
    metavar="FORMAT",
    help="Eingabeformat (sonst aus der Dateiendung; bei - Text).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="DATEI",
    default=None,
    help="Ausgabedatei (sonst oder bei - die Standardausgabe).",
)
@friendly_errors
def convert(eingabe: Path, to: str, from_: str | None, output: Path | None) -> None:
    """Ein Protokoll lesen und in einem anderen Format ausgeben (EINGABE - liest die
    Standardeingabe)."""
    import protokollkit
    from protokollkit.files import STDIN, check_output, display, write_atomic

    if output == STDIN:  # ``-o -``: standard output, as ``-`` is standard input
        output = None
    if output is not None:
        check_output(output, [eingabe])
    else:
        require_stdout("bitte mit -o eine Ausgabedatei angeben")
    protocol = read_protocol(eingabe, from_)
    report(protocol.diagnostics)
    if to not in ("text", "json"):  # the same check as `check`, with the lines of the file
        from protokollkit.files import source_text
        from protokollkit.validate import ensure_writable

        stdin = eingabe == Path("-")
        ensure_writable(
            protocol,
            "<stdin>" if stdin else display(eingabe),
            None if stdin else source_text(eingabe),
            {to},
        )
    from protokollkit.writers import now

    result = protokollkit.render(protocol, to, stamp=now())
    if output is not None:
        write_atomic(output, result.data)
        click.echo(f"geschrieben: {display(output)}")
    elif not result.binary:
        click.echo(result.text, nl=False)
    elif sys.stdout.isatty():
        raise ProtokollkitError(f"„{to}“ ist ein Binärformat: bitte mit -o eine Datei angeben.")
    else:
        sys.stdout.buffer.write(result.data)


@main.command(options_metavar=OPTIONS)
@click.argument(
    "dateien", metavar="DATEI...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--hinweise", is_flag=True, help="Auch zeigen, was protokollkit bewusst entschieden hat."
)
@friendly_errors
def check(dateien: tuple[Path, ...], hinweise: bool) -> None:
    """Protokolle prüfen und Warnungen und Fehler wie ein Compiler melden (- liest die
    Standardeingabe).

    Geprüft wird alles, was die Ausgabeformate brauchen: was check annimmt, kann build
    schreiben.
    """
    errors = warnings = 0
    for path in dateien:
        diagnostics = read_diagnostics(path)
        report(diagnostics, infos=hinweise)
        errors += sum(1 for d in diagnostics if d.level == "error")
        warnings += sum(1 for d in diagnostics if d.level == "warning")
    files = "Datei" if len(dateien) == 1 else "Dateien"
    warned = "1 Warnung" if warnings == 1 else f"{warnings} Warnungen"
    click.echo(f"{len(dateien)} {files} geprüft: {errors} Fehler, {warned}.", err=True)
    sys.exit(1 if errors else 0)


# --- build (writers issue): `protokollkit build` ---------------------------------------------


@main.command("build", options_metavar=OPTIONS)
@click.argument("eingabe", metavar="EINGABE", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "ausgabe",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="ORDNER",
    default=Path("ausgabe"),
    show_default=True,
    help="Ordner für die erzeugten Dateien.",
)
@click.option("--force", is_flag=True, help="Alles neu bauen, auch wenn sich nichts geändert hat.")
@friendly_errors
def build_command(eingabe: Path, ausgabe: Path, force: bool) -> None:
    """Alle Formate eines Protokolls erzeugen: DOCX, PDF, Markdown, Mail-Text, Kalenderdatei
    (.ics) und .eml.

    EINGABE ist eine Protokolldatei oder ein Ordner (dann das neueste Protokoll darin, das schon
    Inhalt hat). Ein zweiter Aufruf baut nur neu, wenn sich das Protokoll, eine Vorlage oder
    protokollkit geändert hat (oder eine erzeugte Datei fehlt oder verändert wurde). Die Dateien
    werden als Satz geschrieben: schlägt etwas fehl, bleiben die alten unverändert.
    """
    from protokollkit.build import build, newest_with_content
    from protokollkit.files import display

    parsed = None
    if eingabe.is_dir():
        folder = eingabe
        eingabe, skipped, parsed = newest_with_content(folder)
        note = (
            f" (übersprungen, noch ohne Inhalt: {', '.join(p.name for p in skipped)})"
            if skipped
            else ""
        )
        click.echo(f"Baue das neueste Protokoll mit Inhalt: {display(eingabe)}{note}")
    result = build(
        eingabe,
        ausgabe,
        force=force,
        progress=lambda line: click.echo(line, err=True),
        parsed=parsed,
    )
    report(result.diagnostics)
    if result.up_to_date:
        click.echo(
            f"Nichts zu tun: die Dateien in {display(ausgabe)}/ für {display(eingabe.name)} sind "
            "aktuell (neu bauen mit --force)."
        )
        return
    for path in result.written:
        click.echo(f"geschrieben: {display(path)}")
    click.echo(f"Fertig: {len(result.written)} Dateien in {display(ausgabe)}/.")


# --- import (legacy Word issue): `protokollkit import` ---------------------------------------


@main.command("import", options_metavar=OPTIONS)
@click.argument(
    "quellen", metavar="QUELLE...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--archiv",
    "archiv",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="ORDNER",
    default=Path("archiv"),
    show_default=True,
    help="Ordner, in den die Protokolle geschrieben werden.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Geänderte Archivdateien überschreiben (die alte Fassung bleibt als NAME.vorher.txt).",
)
@friendly_errors
def import_(quellen: tuple[Path, ...], archiv: Path, force: bool) -> None:
    """Alte Protokolle (.docx, .doc, .odt, .rtf, .html) ins Archiv übernehmen.

    QUELLE ist eine Datei oder ein Ordner (wird mit Unterordnern durchsucht). Jedes Dokument wird
    zu archiv/JJJJ-MM-TT-<gremium>.txt. Gibt es die Archivdatei schon, wird der Inhalt
    verglichen: gleich heißt „unverändert“; anders heißt „geändert“ (mit einer kurzen
    Zusammenfassung) und wird nur mit --force geschrieben – die alte Fassung bleibt als
    NAME.vorher.txt daneben. Eine fehlerhafte oder geänderte Datei ergibt den Rückgabewert 1.
    """
    from protokollkit.importer import collect_sources, import_files, summary_table, totals_line

    sources = collect_sources(quellen)
    if not sources:
        raise ProtokollkitError("Keine Dokumente gefunden (.docx, .doc, .odt, .rtf, .html).")
    if len(sources) > 3:
        with click.progressbar(
            length=len(sources), label="Importiere", file=sys.stderr, show_pos=True
        ) as bar:
            report_ = import_files(
                quellen, archiv, force=force, sources=sources, progress=lambda _p: bar.update(1)
            )
    else:
        report_ = import_files(quellen, archiv, force=force, sources=sources)
    for result in report_.results:
        report(result.diagnostics)
    click.echo(summary_table(report_, Path.cwd()))
    click.echo(totals_line(report_), err=True)
    sys.exit(1 if report_.failed else 0)


# --- send (SMTP issue): `protokollkit send` ---------------------------------------------------


def _yes_or_no(value: str) -> bool:
    """A German (or English) yes/no answer; anything else is asked again."""
    answer = value.strip().lower()
    if answer in ("j", "ja", "y", "yes"):
        return True
    if answer in ("", "n", "nein", "no"):
        return False
    raise click.UsageError("Bitte „j“ (ja) oder „n“ (nein) eingeben.")


def ask_password(user: str, host: str) -> str:
    """The SMTP password, asked without echo; without a terminal it is read from stdin."""
    question = f"Passwort für {user} auf {host}"
    if sys.stdin is not None and sys.stdin.isatty():
        answer: str = click.prompt(question, hide_input=True)
        return answer
    # No terminal: getpass would warn in English and might echo; read one line instead.
    click.echo(f"{question}: ", nl=False)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ProtokollkitError(
            "Kein Passwort: keine Eingabe möglich (kein Terminal). Bitte das Passwort in der "
            "Umgebungsvariable PROTOKOLLKIT_SMTP_PASSWORD angeben."
        )
    click.echo()
    return line.rstrip("\r\n")


@main.command(options_metavar=OPTIONS)
@click.argument("eingabe", metavar="EINGABE", type=click.Path(path_type=Path))
@click.option(
    "--verteiler",
    type=click.Path(path_type=Path),
    metavar="DATEI",
    default=None,
    help="Verteiler-Datei (sonst vorlagen/verteiler.txt).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    metavar="DATEI",
    default=None,
    help="Einstellungen (sonst ./protokollkit.toml, dann ~/.config/protokollkit/).",
)
@click.option("-n", "--dry-run", is_flag=True, help="Nur zeigen, was gesendet würde.")
@click.option("-y", "--yes", is_flag=True, help="Ohne Rückfrage senden.")
@click.option("--force", is_flag=True, help="An alle senden, auch wenn es schon verschickt wurde.")
@click.option(
    "--nur-fehlgeschlagene",
    "failed_only",
    is_flag=True,
    help="Nur an die senden, bei denen der letzte Versand abgelehnt wurde oder scheiterte.",
)
@click.option(
    "--unbekannte-erneut",
    "unknown_again",
    is_flag=True,
    help="Nur an die senden, bei denen unbekannt ist, ob die Mail ankam.",
)
@click.option(
    "--als-zugestellt",
    "mark_delivered",
    is_flag=True,
    help="Vermerken, dass die Mail mit unbekanntem Ergebnis angekommen ist (sendet nichts).",
)
@friendly_errors
def send(
    eingabe: Path,
    verteiler: Path | None,
    config_file: Path | None,
    dry_run: bool,
    yes: bool,
    force: bool,
    failed_only: bool,
    unknown_again: bool,
    mark_delivered: bool,
) -> None:
    """Das Protokoll per Mail an den Verteiler schicken (alle Empfänger*innen als Bcc).

    Jeder Versand steht in archiv/versand.log.jsonl, bevor etwas gesendet wird: niemand bekommt
    die Mail doppelt. Das Passwort kommt aus der Umgebungsvariable PROTOKOLLKIT_SMTP_PASSWORD
    oder wird nachgefragt.
    """
    from dataclasses import replace

    from protokollkit import config
    from protokollkit import send as sending

    if sum((force, failed_only, unknown_again, mark_delivered)) > 1:
        raise ProtokollkitError(
            "Bitte nur eine von --force, --nur-fehlgeschlagene, --unbekannte-erneut und "
            "--als-zugestellt angeben."
        )
    if dry_run and config_file is None and config.find_config() is None:
        settings = None
    else:
        settings = config.load_settings(config_file)
    outgoing = sending.prepare(eingabe, verteiler, settings)
    report(outgoing.diagnostics)
    with contextlib.ExitStack() as stack:
        if not dry_run and settings is not None:
            # From the look at the send log to its last entry, no second send of this archive.
            stack.enter_context(sending.send_lock(outgoing.log_path))
        previous = sending.previous_sends(outgoing)
        unknown = sending.recipients_with(outgoing, sending.UNKNOWN)
        if dry_run or settings is None:
            click.echo(sending.describe(outgoing, settings, previous))
            if unknown:
                click.echo("Achtung: " + sending.unknown_outcome(outgoing, unknown))
            return
        if mark_delivered:
            marked = sending.mark_delivered(outgoing, settings)
            click.echo(
                f"Vermerkt: die Mail ist bei {len(marked)} Empfänger*innen angekommen "
                f"({outgoing.log_path}). Nichts gesendet."
            )
            return
        if failed_only or unknown_again:
            wanted = (sending.REFUSED, sending.FAILED) if failed_only else (sending.UNKNOWN,)
            chosen = sending.recipients_with(outgoing, *wanted)
            if not chosen:
                what = "abgelehnt oder gescheitert" if failed_only else "unbekannt"
                click.echo(f"Niemand zu senden: bei niemandem ist der letzte Versand {what}.")
                return
            outgoing = replace(outgoing, recipients=chosen)
            if failed_only and unknown:
                click.echo(
                    "warnung: " + sending.unknown_outcome(outgoing, unknown).split("\n")[0],
                    err=True,
                )
        elif unknown and not force:
            raise ProtokollkitError(sending.unknown_outcome(outgoing, unknown))
        elif previous and not force:
            failed = sending.recipients_with(outgoing, sending.REFUSED, sending.FAILED)
            hint = (
                f" Nur an die {len(failed)} Empfänger*innen, bei denen es scheiterte: "
                "--nur-fehlgeschlagene."
                if failed
                else ""
            )
            raise ProtokollkitError(
                sending.already_sent(outgoing, previous) + " Erneut senden nur mit --force." + hint
            )
        elif previous:
            warning = sending.already_sent(outgoing, previous)
            click.echo(f"warnung: {warning} Mit --force wird erneut gesendet.", err=True)
        outgoing = sending.fresh_message_id(outgoing)
        settings_ = settings
        try:
            if not yes:
                count = len(outgoing.recipients)
                question = (
                    f"„{outgoing.subject}“ an {count} Empfänger*innen über {settings.host} senden?"
                    " [j/N]"
                )
                if not click.prompt(
                    question, default="n", show_default=False, value_proc=_yes_or_no
                ):
                    click.echo("Nichts gesendet.", err=True)
                    sys.exit(1)

            def password() -> str | None:
                secret = sending.password_from_environment()
                if secret is None and settings_.user:
                    secret = ask_password(settings_.user, f"{settings_.host}:{settings_.port}")
                return secret

            delivery = sending.send(outgoing, settings, password)
        except click.Abort:
            click.echo("\nAbgebrochen – nichts gesendet.", err=True)
            sys.exit(1)
        click.echo(sending.report(outgoing, delivery))
        sys.exit(0 if delivery.complete else 1)


# --- termine (appointments issue): `protokollkit termine`, `protokollkit new` -----------------


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """``--ab``/``--bis``: a German date (``12.01.2023``, ``12.1.23``) or ISO ``2023-01-12``."""
    if value is None:
        return None
    from protokollkit.skeleton import parse_date_argument

    try:
        return parse_date_argument(value)
    except ProtokollkitError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(options_metavar=OPTIONS)
@click.argument(
    "dateien", metavar="DATEI...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--alle",
    is_flag=True,
    help="Auch vergangene Termine zeigen (als „vergangen“ markiert).",
)
@click.option(
    "--ab", "since", metavar="DATUM", callback=_date_option, help="Nur Termine ab diesem Tag."
)
@click.option(
    "--bis", "until", metavar="DATUM", callback=_date_option, help="Nur Termine bis zu diesem Tag."
)
@click.option(
    "--ohne-cache",
    "no_cache",
    is_flag=True,
    help="Alle Dateien neu lesen, ohne den Zwischenspeicher der Termine "
    "(~/.cache/protokollkit/termine.json).",
)
@friendly_errors
def termine(
    dateien: tuple[Path, ...],
    alle: bool,
    since: dt.date | None,
    until: dt.date | None,
    no_cache: bool,
) -> None:
    """Kommende Termine aus Protokollen auflisten, über alle Dateien nach Datum sortiert.

    Mit --ab (auch vergangene) und --bis nur die Termine in diesem Zeitraum. Was in einer
    unveränderten Datei steht, kommt aus dem Zwischenspeicher.
    """
    from protokollkit.appointment_cache import AppointmentCache, appointment_rows
    from protokollkit.dates import german_date
    from protokollkit.files import display

    require_stdout()
    if since is not None and until is not None and since > until:
        raise click.UsageError(
            f"--ab {german_date(since)} liegt nach --bis {german_date(until)}: in diesem "
            "Zeitraum kann es keinen Termin geben."
        )
    cache = None if no_cache else AppointmentCache()
    # Only the lines to print are kept, with their sort key (one protocol at a time is read).
    found: list[tuple[tuple[int, int, int], int, str]] = []
    failed = False
    include_past = alle or since is not None
    first = since.toordinal() if since is not None else None
    last = until.toordinal() if until is not None else None
    for path, outcome in zip(dateien, appointment_rows(dateien, cache), strict=True):
        if isinstance(outcome, tuple):
            report(outcome)
            failed = True
            continue
        shown = display(path)
        for start, timed, seconds, last_day, past, text in outcome:
            if past and not include_past:
                continue
            if first is not None and last_day < first:
                continue
            if last is not None and start > last:
                continue
            marker = "(vergangen) " if past else ""
            found.append(((start, timed, seconds), len(found), f"{marker}{text} [{shown}]"))
    if cache is not None:
        cache.save()
    found.sort(key=lambda entry: (entry[0], entry[1]))
    for _key, _order, line in found:
        click.echo(line)
    count = len(found)
    if not count and not failed:
        click.echo("Keine Termine gefunden.", err=True)
    sys.exit(1 if failed else 0)


@main.command(options_metavar=OPTIONS)
@click.option(
    "--datum",
    default=None,
    metavar="DATUM",
    help="Datum der Sitzung: 12.01.2023, 12.1.23 oder 2023-01-12 "
    "(sonst der „Nächste Termin“ des letzten Protokolls).",
)
@click.option(
    "--archiv",
    type=click.Path(path_type=Path),
    metavar="ORDNER",
    default=Path("archiv"),
    show_default=True,
    help="Ordner mit den Protokollen.",
)
@friendly_errors
def new(datum: str | None, archiv: Path) -> None:
    """Das Gerüst des nächsten Protokolls in den Archivordner schreiben (nie überschreiben)."""
    from protokollkit.skeleton import create_next, parse_date_argument

    date = parse_date_argument(datum) if datum is not None else None
    path = create_next(archiv, date)
    from protokollkit.files import display

    click.echo(f"Neues Protokoll angelegt: {display(path)}")


# --- archive (issue 13): `protokollkit suche`, `statistik`, `website` -------------------------
from protokollkit.archive.commands import register  # noqa: E402

register(main)
