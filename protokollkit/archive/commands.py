"""The archive's commands: ``suche``, ``statistik`` and ``website`` (registered in cli.py).

Only click is imported here; the work is done by the modules of this package, imported when a
command runs, so that ``protokollkit --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from protokollkit.diagnostics import ProtokollkitError

if TYPE_CHECKING:  # datetime is imported where a date is made, not for ``--help``
    import datetime as dt

OPTIONS = "[OPTIONEN]"
"""The options part of the usage line, as in cli.py (click's default is English)."""


class _AtLeastOne(click.IntRange):
    """A whole number of at least 1, described in German (click says ``x>=1``)."""

    def __init__(self) -> None:
        super().__init__(min=1)

    def _describe_range(self) -> str:
        return "mindestens 1"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        # more rows than any archive has are all rows (SQLite takes no number above 2**63)
        return min(int(super().convert(value, param, ctx)), MAX_ROWS)


MAX_ROWS = 1_000_000
"""``-n`` above this means "all": no archive has a million hits or names."""


AT_LEAST_ONE = _AtLeastOne()

ARCHIVE_OPTION = click.option(
    "--archiv",
    "archiv",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("archiv"),
    show_default=True,
    help="Ordner mit den Protokollen.",
)


def _date(value: str | None, *, end: bool) -> dt.date | None:
    """``12.01.2023``, ``2023-01-12`` or a bare year (its first or last day)."""
    if value is None:
        return None
    import datetime as dt

    from protokollkit.skeleton import parse_date_argument

    text = value.strip()
    if text.isdigit() and len(text) == 4:
        if int(text) < dt.MINYEAR:
            raise ProtokollkitError(f"„{value}“ ist kein gültiges Jahr.")
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    return parse_date_argument(text)


def _update(index: object) -> None:
    """Update the index; report problems and what changed on stderr."""
    from protokollkit.archive.index import ArchiveIndex

    assert isinstance(index, ArchiveIndex)
    result = index.update()
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if index.in_memory:
        from protokollkit.files import display

        click.echo(
            f"Hinweis: {display(index.path)} kann nicht geschrieben werden (schreibgeschützt); "
            "der Suchindex wird nur für diesen Aufruf im Arbeitsspeicher aufgebaut.",
            err=True,
        )
    elif result.touched:
        click.echo(
            f"Suchindex aktualisiert: {len(result.added)} neu, {len(result.changed)} geändert, "
            f"{len(result.removed)} entfernt"
            + (f", {len(result.unreadable)} nicht lesbar." if result.unreadable else "."),
            err=True,
        )


def _highlight(text: str, prefixes: tuple[str, ...], width: int = 200) -> str:
    """A snippet of ``text`` around the first match, matches marked (bold on a terminal)."""
    from protokollkit.archive.words import word_spans

    spans = word_spans(text, prefixes)
    start = 0
    if spans and len(text) > width:
        start = max(0, spans[0][0] - width // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    stop = min(len(text), start + width)
    tty = sys.stdout.isatty()
    out: list[str] = ["…" if start else ""]
    position = start
    for begin, finish in spans:
        if begin < start or finish > stop:
            continue
        out.append(text[position:begin])
        word = text[begin:finish]
        out.append(click.style(word, bold=True, underline=True) if tty else f"»{word}«")
        position = finish
    out.append(text[position:stop])
    if stop < len(text):
        out.append("…")
    return "".join(out)


@click.command("suche", options_metavar=OPTIONS)
@click.argument("begriffe", metavar="BEGRIFF...", nargs=-1)
@ARCHIVE_OPTION
@click.option(
    "--ab",
    metavar="DATUM",
    default=None,
    help="Nur Protokolle ab diesem Datum (12.01.2023 oder 2023).",
)
@click.option("--bis", metavar="DATUM", default=None, help="Nur Protokolle bis zu diesem Datum.")
@click.option(
    "--person",
    metavar="NAME",
    default=None,
    help="Nur was diese Person berichtet hat (Teil des Namens).",
)
@click.option(
    "--einrichtung",
    metavar="NAME",
    default=None,
    help="Nur Berichte dieser Einrichtung (Teil des Namens).",
)
@click.option(
    "-n",
    "--anzahl",
    type=AT_LEAST_ONE,
    metavar="ZAHL",
    default=20,
    show_default=True,
    help="Höchstens so viele Treffer.",
)
def suche(
    begriffe: tuple[str, ...],
    archiv: Path,
    ab: str | None,
    bis: str | None,
    person: str | None,
    einrichtung: str | None,
    anzahl: int,
) -> None:
    """Im ganzen Archiv suchen: Treffer mit Datum, TOP, Sprecher*in und Textstelle.

    Alle BEGRIFFE müssen vorkommen; Groß- und Kleinschreibung, Umlaute (ä/ae, ß/ss) und Endungen
    spielen keine Rolle: „Weihnachtsmarkt“ findet auch „Weihnachtsmärkte“. Mehrere Wörter in
    Anführungszeichen sind eine Wortgruppe. Der Suchindex liegt als Cache im Archivordner und
    wird bei jedem Aufruf aus den geänderten Dateien nachgeführt. Rückgabewert 1: kein Treffer.
    """
    from protokollkit.archive.index import ArchiveIndex
    from protokollkit.cli import require_stdout
    from protokollkit.dates import german_date
    from protokollkit.files import display

    if not begriffe and not (person or einrichtung):
        raise click.UsageError("Bitte einen Suchbegriff angeben (oder --person/--einrichtung).")
    require_stdout()
    start, end = _date(ab, end=False), _date(bis, end=True)
    if start is not None and end is not None and start > end:
        raise click.UsageError(
            f"--ab {german_date(start)} liegt nach --bis {german_date(end)}: in diesem "
            "Zeitraum kann es kein Protokoll geben."
        )
    with ArchiveIndex(archiv) as index:
        _update(index)
        hits, prefixes = index.search(
            list(begriffe),
            start=start,
            end=end,
            person=person,
            institution=einrichtung,
            limit=anzahl,
        )
    for hit in hits:
        where = [german_date(hit.date) if hit.date else hit.title]
        if hit.item_label:
            where.append(f"TOP {hit.item_label} {hit.item_title}")
        if hit.speaker:
            where.append(hit.speaker + (f" ({hit.affiliation})" if hit.affiliation else ""))
        click.echo(
            click.style(" · ".join(where), bold=True) if sys.stdout.isatty() else " · ".join(where)
        )
        click.echo(f"  {_highlight(hit.text, prefixes)}")
        line = f":{hit.line}" if hit.line else ""
        click.echo(f"  {display(archiv / hit.name)}{line}")
    if not hits:
        click.echo("Keine Treffer.", err=True)
        sys.exit(1)
    protocols = len({h.name for h in hits})
    more = " (mit -n mehr zeigen)" if len(hits) == anzahl else ""
    click.echo(
        f"{len(hits)} Treffer in {protocols} "
        f"{'Protokoll' if protocols == 1 else 'Protokollen'}{more}.",
        err=True,
    )


@click.command("statistik", options_metavar=OPTIONS)
@ARCHIVE_OPTION
@click.option(
    "--diagramme",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Ordner, in den die Diagramme als SVG geschrieben werden.",
)
@click.option(
    "-n",
    "--anzahl",
    type=AT_LEAST_ONE,
    metavar="ZAHL",
    default=15,
    show_default=True,
    help="Zeilen der Ranglisten.",
)
def statistik(archiv: Path, diagramme: Path | None, anzahl: int) -> None:
    """Sitzungen pro Jahr, Anwesenheit nach Personen und Einrichtungen, Umfang der Sitzungen.

    Zeigt Tabellen im Terminal; mit --diagramme ORDNER zusätzlich Diagramme als SVG
    (sitzungen.svg, umfang.svg, personen.svg, einrichtungen.svg).
    """
    from protokollkit.archive.index import ArchiveIndex
    from protokollkit.archive.stats import collect, text_report
    from protokollkit.cli import require_stdout

    require_stdout()

    with ArchiveIndex(archiv) as index:
        _update(index)
        stats = collect(index.summaries())
    if not stats.protocols:
        raise ProtokollkitError(f"Im Archiv „{archiv}“ liegt kein lesbares Protokoll.")
    click.echo(text_report(stats, anzahl), nl=False)
    if diagramme is not None:
        from protokollkit.archive.stats import write_charts

        for path in write_charts(stats, diagramme, anzahl):
            click.echo(f"geschrieben: {path}", err=True)


@click.command("website", options_metavar=OPTIONS)
@ARCHIVE_OPTION
@click.option(
    "-o",
    "--output",
    "ausgabe",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ausgabe/website"),
    show_default=True,
    help="Ordner der Website.",
)
@click.option(
    "--url",
    metavar="ADRESSE",
    default=None,
    help="Adresse, unter der die Website erscheint (z. B. https://example.org/protokolle/); "
    "nötig für den OParl-Export in oparl/.",
)
@click.option("--ohne-dokumente", is_flag=True, help="Keine Word- und PDF-Dateien erzeugen.")
@click.option("--ohne-suche", is_flag=True, help="Den Suchindex (Pagefind) nicht erneuern.")
@click.option(
    "--stichtag",
    metavar="DATUM",
    default=None,
    help="Datum, ab dem Termine als kommend gelten (sonst heute), z. B. 01.12.2022.",
)
def website(
    archiv: Path,
    ausgabe: Path,
    url: str | None,
    ohne_dokumente: bool,
    ohne_suche: bool,
    stichtag: str | None,
) -> None:
    """Eine statische Website des ganzen Archivs schreiben (HTML + CSS, Suche mit Pagefind).

    Ein zweiter Aufruf schreibt nur die Seiten neu, die sich geändert haben. Den Ordner kann
    jeder Webspace ausliefern: einfach den ganzen Inhalt hochladen.
    """
    from protokollkit.archive.site import build_site

    if url is not None and not _web_address(url):
        raise ProtokollkitError(f"--url „{url}“ ist keine Web-Adresse (http:// oder https://).")
    result = build_site(
        archiv,
        ausgabe,
        today=_date(stichtag, end=False),
        documents=not ohne_dokumente,
        search=not ohne_suche,
        base_url=url,
    )
    for problem in result.update.problems:
        click.echo(str(problem), err=True)
    click.echo(
        f"Website in {ausgabe}/: {len(result.written)} Dateien geschrieben, "
        f"{result.unchanged} unverändert, {len(result.removed)} entfernt"
        + ("; Suche neu angelegt." if result.search else ".")
    )
    if url is None:
        click.echo("Hinweis: ohne --url kein OParl-Export.", err=True)
    click.echo(f"Startseite: {ausgabe / 'index.html'}")


def _web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host and nothing a link cannot hold
    (spaces, quotes, angle brackets, control characters)."""
    from urllib.parse import urlsplit

    if any(ch.isspace() or ch in '"<>\\`' or not ch.isprintable() for ch in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is no port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


COMMANDS = (suche, statistik, website)
"""The archive's commands, in the order ``protokollkit --help`` lists them."""


def register(group: click.Group) -> None:
    """Add the archive's commands to the ``protokollkit`` command group (with German errors)."""
    from protokollkit.cli import friendly_errors

    for command in COMMANDS:
        assert command.callback is not None
        command.callback = friendly_errors(command.callback)
        group.add_command(command)


__all__ = ["COMMANDS", "register", "statistik", "suche", "website"]
