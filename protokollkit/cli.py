"""The ``protokollkit`` command: thin click commands over the library API."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from protokollkit import cli_messages
from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError
from protokollkit.writers import WRITERS

P = ParamSpec("P")
R = TypeVar("R")

CONTEXT = {"help_option_names": ["-h", "--help"]}

cli_messages.install()


def report(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> None:
    """Print diagnostics to stderr like a compiler: ``datei:zeile:spalte: warnung: …``."""
    for diagnostic in diagnostics:
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
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"{where}fehler: {exc.strerror or exc}", err=True)
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


def diagnostics_of(exc: ProtokollkitError | OSError, path: Path) -> tuple[Diagnostic, ...]:
    """An error that stopped reading ``path``, as diagnostics."""
    if isinstance(exc, ParseError):
        return exc.diagnostics
    message = str(exc) if isinstance(exc, ProtokollkitError) else str(exc.strerror or exc)
    return (Diagnostic("error", message, str(path)),)


def read_diagnostics(path: Path) -> tuple[Diagnostic, ...]:
    """The diagnostics of reading one file and of its dates' plausibility, by line.

    An error that stops reading becomes one of them.
    """
    import protokollkit
    from protokollkit.plausibility import check_plausibility

    try:
        protocol = protokollkit.read(path)
    except (ProtokollkitError, OSError) as exc:
        return diagnostics_of(exc, path)
    found = [*protocol.diagnostics, *check_plausibility(protocol, str(path))]
    return tuple(sorted(found, key=lambda d: (d.line, d.col)))


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="protokollkit", message="protokollkit %(version)s")
def main() -> None:
    """Protokolle des Stadtteiltischs lesen, prüfen und in andere Formate bringen."""


@main.command()
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
    "-f", "--from", "from_", default=None, help="Eingabeformat (sonst aus der Dateiendung)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Ausgabedatei (sonst Standardausgabe).",
)
@friendly_errors
def convert(eingabe: Path, to: str, from_: str | None, output: Path | None) -> None:
    """Ein Protokoll lesen und in einem anderen Format ausgeben."""
    import protokollkit
    from protokollkit.files import write_atomic

    protocol = protokollkit.read(eingabe, from_)
    report(protocol.diagnostics)
    result = protokollkit.write(protocol, to)
    if output is not None:
        write_atomic(output, result)
    elif isinstance(result, str):
        click.echo(result, nl=False)
    elif sys.stdout.isatty():
        raise ProtokollkitError(f"„{to}“ ist ein Binärformat: bitte mit -o eine Datei angeben.")
    else:
        sys.stdout.buffer.write(result)


@main.command()
@click.argument(
    "dateien", metavar="DATEI...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@friendly_errors
def check(dateien: tuple[Path, ...]) -> None:
    """Protokolle prüfen und Warnungen und Fehler wie ein Compiler melden."""
    errors = warnings = 0
    for path in dateien:
        diagnostics = read_diagnostics(path)
        report(diagnostics)
        errors += sum(1 for d in diagnostics if d.level == "error")
        warnings += sum(1 for d in diagnostics if d.level == "warning")
    files = "Datei" if len(dateien) == 1 else "Dateien"
    click.echo(f"{len(dateien)} {files} geprüft: {errors} Fehler, {warnings} Warnungen.", err=True)
    sys.exit(1 if errors else 0)


# --- build (writers issue): `protokollkit build` ---------------------------------------------


@main.command("build")
@click.argument("eingabe", metavar="EINGABE", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "ausgabe",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ausgabe"),
    show_default=True,
    help="Ordner für die erzeugten Dateien.",
)
@click.option("--force", is_flag=True, help="Alles neu bauen, auch wenn sich nichts geändert hat.")
@friendly_errors
def build_command(eingabe: Path, ausgabe: Path, force: bool) -> None:
    """Alle Formate eines Protokolls erzeugen: DOCX, Markdown, PDF, Mail-Text und .eml.

    Ein zweiter Aufruf baut nur neu, wenn sich das Protokoll, eine Vorlage oder protokollkit
    geändert hat (oder eine erzeugte Datei fehlt oder verändert wurde).
    """
    from protokollkit.build import build

    result = build(eingabe, ausgabe, force=force)
    report(result.diagnostics)
    if result.up_to_date:
        click.echo(
            f"Nichts zu tun: die Dateien in {ausgabe}/ für {eingabe.name} sind aktuell "
            "(neu bauen mit --force)."
        )
        return
    for path in result.written:
        click.echo(f"geschrieben: {path}")
    click.echo(f"Fertig: {len(result.written)} Dateien in {ausgabe}/.")


# --- import (legacy Word issue): `protokollkit import` ---------------------------------------


@main.command("import")
@click.argument(
    "quellen", metavar="QUELLE...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--archiv",
    "archiv",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("archiv"),
    show_default=True,
    help="Ordner, in den die Protokolle geschrieben werden.",
)
@click.option("--force", is_flag=True, help="Vorhandene Archivdateien überschreiben.")
@friendly_errors
def import_(quellen: tuple[Path, ...], archiv: Path, force: bool) -> None:
    """Alte Protokolle (.docx, .doc, .odt, .rtf, .html) ins Archiv übernehmen.

    QUELLE ist eine Datei oder ein Ordner (wird mit Unterordnern durchsucht). Jedes Dokument wird
    zu archiv/JJJJ-MM-TT-<gremium>.txt; vorhandene Dateien bleiben unverändert (außer mit
    --force). Eine fehlerhafte Datei wird gemeldet und übersprungen; dann ist der Rückgabewert 1.
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


@main.command()
@click.argument("eingabe", metavar="EINGABE", type=click.Path(path_type=Path))
@click.option(
    "--verteiler",
    type=click.Path(path_type=Path),
    default=None,
    help="Verteiler-Datei (sonst vorlagen/verteiler.txt).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Einstellungen (sonst ./protokollkit.toml, dann ~/.config/protokollkit/).",
)
@click.option("-n", "--dry-run", is_flag=True, help="Nur zeigen, was gesendet würde.")
@click.option("-y", "--yes", is_flag=True, help="Ohne Rückfrage senden.")
@click.option("--force", is_flag=True, help="Auch senden, wenn es schon verschickt wurde.")
@friendly_errors
def send(
    eingabe: Path,
    verteiler: Path | None,
    config_file: Path | None,
    dry_run: bool,
    yes: bool,
    force: bool,
) -> None:
    """Das Protokoll per Mail an den Verteiler schicken (alle Empfänger*innen als Bcc).

    Das Passwort kommt aus der Umgebungsvariable PROTOKOLLKIT_SMTP_PASSWORD oder wird
    nachgefragt.
    """
    from protokollkit import config
    from protokollkit import send as sending

    if dry_run and config_file is None and config.find_config() is None:
        settings = None
    else:
        settings = config.load_settings(config_file)
    outgoing = sending.prepare(eingabe, verteiler, settings)
    report(outgoing.diagnostics)
    previous = sending.previous_sends(outgoing)
    if dry_run or settings is None:
        click.echo(sending.describe(outgoing, settings, previous))
        return
    if previous and not force:
        raise ProtokollkitError(
            sending.already_sent(outgoing, previous) + " Erneut senden nur mit --force."
        )
    if previous:
        warning = sending.already_sent(outgoing, previous)
        click.echo(f"warnung: {warning} Mit --force wird erneut gesendet.", err=True)
    outgoing = sending.fresh_message_id(outgoing)
    try:
        if not yes:
            count = len(outgoing.recipients)
            question = (
                f"„{outgoing.subject}“ an {count} Empfänger*innen über {settings.host} senden?"
                " [j/N]"
            )
            if not click.prompt(question, default="n", show_default=False, value_proc=_yes_or_no):
                click.echo("Nichts gesendet.", err=True)
                sys.exit(1)
        password = sending.password_from_environment()
        if settings.user and password is None:
            password = click.prompt(
                f"Passwort für {settings.user} auf {settings.host}", hide_input=True
            )
    except click.Abort:
        click.echo("\nAbgebrochen – nichts gesendet.", err=True)
        sys.exit(1)
    delivery = sending.send(outgoing, settings, password)
    click.echo(sending.report(outgoing, delivery))
    sys.exit(0 if delivery.complete else 1)


# --- termine (appointments issue): `protokollkit termine`, `protokollkit new` -----------------


@main.command()
@click.argument(
    "dateien", metavar="DATEI...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--alle",
    is_flag=True,
    help="Auch vergangene Termine zeigen (als „vergangen“ markiert).",
)
@friendly_errors
def termine(dateien: tuple[Path, ...], alle: bool) -> None:
    """Kommende Termine aus Protokollen auflisten, über alle Dateien nach Datum sortiert."""
    import protokollkit
    from protokollkit.termine import format_appointment, iter_appointments

    protocols: list[protokollkit.Protocol] = []
    sources: list[Path] = []
    failed = False
    for path in dateien:
        try:
            protocols.append(protokollkit.read(path))
            sources.append(path)
        except (ProtokollkitError, OSError) as exc:
            report(diagnostics_of(exc, path))
            failed = True
    count = 0
    for index, appointment in iter_appointments(protocols, include_past=alle):
        marker = "(vergangen) " if appointment.past else ""
        click.echo(f"{marker}{format_appointment(appointment)} [{sources[index]}]")
        count += 1
    if not count and not failed:
        click.echo("Keine Termine gefunden.", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.option(
    "--datum",
    default=None,
    help="Datum der Sitzung: 12.01.2023, 12.1.23 oder 2023-01-12 "
    "(sonst der „Nächste Termin“ des letzten Protokolls).",
)
@click.option(
    "--archiv",
    type=click.Path(path_type=Path),
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
    click.echo(f"Neues Protokoll angelegt: {path}")
