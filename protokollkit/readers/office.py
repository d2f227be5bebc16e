"""What every office reader shares: a small description of the document, and its lines.

Office documents are read in two stages, like pandoc's own Word reader: first the source (the
.docx/.odt XML in :mod:`protokollkit.readers.xml`, or pandoc's JSON AST in
:mod:`protokollkit.readers.pandoc`) becomes a list of :class:`Paragraph` and :class:`Row`
objects – text runs with bold/underline, heading level, list level, a paragraph style's
meaning – and then :func:`document_lines` turns that list into
:class:`~protokollkit.layout.Line` objects with hints for the shared layout rules. Both paths
meet here, so they cannot map a paragraph differently.

This module knows nothing of XML or JSON.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from protokollkit.dates import find_date
from protokollkit.diagnostics import Diagnostic
from protokollkit.layout import TITLE, Hints, Line, parse_lines
from protokollkit.model import Protocol

BOLD_STYLES = frozenset({"sprecher", "speaker", "strong", "fett"})
"""Paragraph styles whose text counts as bold (``Sprecher`` is our DOCX writer's speaker style)."""

TITLE_STYLES = frozenset({"title", "titel"})
"""Paragraph styles of a document title (Word's built-in ``Title``, German ``Titel``)."""

WORD_BULLET_LEVELS = {"·": 0, "\uf0b7": 0, "o": 1, "§": 2, "\uf0a7": 2, "▪": 2}
WORD_HTML_BULLET = re.compile("^([·o§▪\uf0b7\uf0a7])(?=[ \u00a0]*\u00a0[ \u00a0]*\u00a0)[ \u00a0]+")
"""A bullet glyph followed by Word's run of no-break spaces (at least two)."""

_LEVEL_STYLE = re.compile(
    r"^(?:list bullet|list number|aufzählungszeichen|listennummer|liste)\s*(\d)$", re.IGNORECASE
)


@dataclass
class Run:
    """A piece of inline text with its formatting."""

    text: str
    bold: bool = False
    underline: bool = False


BREAK = Run("\n")
"""A hard line break (Shift+Enter) inside a paragraph."""


@dataclass
class Paragraph:
    """One paragraph as the layout needs it.

    ``list_level`` is set for the first paragraph of a list item; ``label`` is an ordered list
    item's number as shown (``3.``, ``c)``); ``continued`` marks a further paragraph of a list
    item, which continues the item's text. ``number`` is the number an automatic heading
    numbering shows.
    """

    runs: list[Run] = field(default_factory=list)
    heading: int | None = None
    number: int | None = None
    list_level: int | None = None
    label: str | None = None
    continued: bool = False
    bold_style: bool = False
    title_style: bool = False
    presenter: bool = False
    """An item's presenter in a paragraph of its own: joins the heading line above."""
    meta: str | None = None
    """``title``, ``subtitle``, ``author`` or ``date``: a Word paragraph of that style at the
    start of the document, which pandoc moves into its metadata; it is one line (its breaks
    become spaces) without formatting hints, only ``title`` for the title."""


@dataclass
class Row:
    """One table row: the text of each cell (merged cells once); ``header`` for a heading row
    (Word's "repeat as header row", ODF's ``table:table-header-rows``, HTML's ``thead``)."""

    cells: tuple[str, ...]
    header: bool = False


Block = Paragraph | Row


PRESENTER_STYLES = frozenset({"vortragende", "presenter"})
"""Paragraph styles (DOCX, ODT) or classes (HTML) of an item's presenter, written by our writers
in a paragraph of its own under the heading: read as the end of the heading line, where the
text layout writes the presenter."""

ASIDE_CLASSES = frozenset({"termine", "aufgaben"})
"""Sections our HTML writer adds beside the protocol (appointments, the mail's task list): their
headings are no agenda items; their text is kept as free paragraphs."""


def style_flags(name: str) -> frozenset[str]:
    """What a paragraph style's name or id means for us: ``bold`` (a speaker style),
    ``title``, ``presenter``."""
    key = name.strip().lower()
    flags = set()
    if key in BOLD_STYLES:
        flags.add("bold")
    if key in TITLE_STYLES:
        flags.add("title")
    if key in PRESENTER_STYLES:
        flags.add("presenter")
    return frozenset(flags)


def style_list_level(name: str) -> int:
    """Word's ``List Bullet 2`` (``Aufzählungszeichen 2``) is a second-level point even when its
    numbering, as in Word's own template, has a single level."""
    match = _LEVEL_STYLE.match(name.strip())
    return int(match.group(1)) - 1 if match else 0


ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def number_label(number: int, number_style: str, delimiter: str) -> str:
    """``3.``, ``c)``, ``(iv)``: the number Word or LibreOffice shows before a list item.

    ``number_style`` and ``delimiter`` use pandoc's names (``LowerAlpha``, ``OneParen`` …).
    """
    if number_style in ("LowerAlpha", "UpperAlpha") and 1 <= number <= 26:
        label = chr(ord("a") + number - 1)
    elif number_style in ("LowerRoman", "UpperRoman") and number > 0:
        label, rest = "", number
        for value, letters in ROMAN:
            while rest >= value:
                label, rest = label + letters, rest - value
    else:
        label = str(number)
    if number_style.startswith("Upper"):
        label = label.upper()
    if delimiter == "OneParen":
        return f"{label})"
    if delimiter == "TwoParens":
        return f"({label})"
    return f"{label}."


def link_text(label: str, target: str) -> str:
    """A link as the model keeps it: ``[label](target)``, or the bare URL when both agree.

    A link inside the document (``#anker``) or without a target is just its label.
    """
    if not target or target.startswith("#"):
        return label
    if label.strip() in (target, target.removeprefix("mailto:")) or not label.strip():
        return target
    return f"[{label}]({target})"


def link_runs(label: list[Run], target: str) -> list[Run]:
    """A link's runs in the model's convention (see :func:`link_text`), formatting kept."""
    text = "".join(r.text for r in label if r is not BREAK)
    written = link_text(text, target)
    if written == text:
        return label
    if written == target:
        first = next((r for r in label if r.text.strip()), Run(""))
        return [Run(target, first.bold, first.underline)]
    first = next((r for r in label if r.text.strip()), Run(""))
    last = next((r for r in reversed(label) if r.text.strip()), first)
    return [
        Run("[", first.bold, first.underline),
        *label,
        Run(f"]({target})", last.bold, last.underline),
    ]


_SPACES = re.compile(r"[ \t\r\n]+")


def normalize_spaces(runs: list[Run]) -> None:
    """Runs of spaces, tabs and line feeds become one space, also across runs (in place).

    Pandoc's readers do the same (``Space`` between ``Str``); no-break spaces are kept.
    """
    space_before = True
    for run in runs:
        if run is BREAK:
            space_before = True
            continue
        text = _SPACES.sub(" ", run.text)
        if space_before and text.startswith(" "):
            text = text[1:]
        if text:
            space_before = text.endswith(" ")
        run.text = text


_NUMBER_STYLES = {
    "decimal": "Decimal",
    "decimalZero": "Decimal",
    "lowerLetter": "LowerAlpha",
    "upperLetter": "UpperAlpha",
    "lowerRoman": "LowerRoman",
    "upperRoman": "UpperRoman",
    "1": "Decimal",
    "a": "LowerAlpha",
    "A": "UpperAlpha",
    "i": "LowerRoman",
    "I": "UpperRoman",
}


def number_style(name: str) -> str | None:
    """Pandoc's name for a Word ``w:numFmt`` or an ODF ``style:num-format``; None for bullets
    and formats without a number."""
    if name in _NUMBER_STYLES:
        return _NUMBER_STYLES[name]
    return None if name in ("bullet", "none", "") else "Decimal"


# --- blocks → lines -------------------------------------------------------------------------


def _split_runs(runs: list[Run]) -> Iterator[list[Run]]:
    segment: list[Run] = []
    for run in runs:
        if run is BREAK:
            yield segment
            segment = []
        else:
            segment.append(run)
    yield segment


def _trim_breaks(runs: list[Run]) -> list[Run]:
    """Without line breaks (and the blanks around them) at the paragraph's start and end, as
    pandoc's readers trim them: a list item's number then stays with its text."""
    start, end = 0, len(runs)
    while start < end and (runs[start] is BREAK or not runs[start].text.strip()):
        start += 1
    while end > start and (runs[end - 1] is BREAK or not runs[end - 1].text.strip()):
        end -= 1
    return runs[start:end]


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, hard line breaks as spaces."""
    return "".join(" " if r is BREAK else r.text for r in paragraph.runs)


def cell_text(blocks: Sequence[Block]) -> str:
    """The text of a table cell: its paragraphs and lines joined by one space each."""
    lines = document_lines(blocks)
    return " ".join(text for line in lines if (text := line.text.strip()))


def document_lines(blocks: Sequence[Block], first: int = 1) -> list[Line]:
    """The lines of a document: paragraphs separated by a blank line, like the text layout.

    Every block counts one paragraph number (from ``first``), empty ones too.
    """
    lines: list[Line] = []
    for number, block in enumerate(blocks, first):
        if isinstance(block, Row):
            if any(block.cells):
                hints = Hints(table_row=block.cells, table_header=block.header)
                lines.append(Line(" | ".join(block.cells), number, hints))
        elif not (block.presenter and _join_presenter(block, lines)):
            _paragraph_lines(block, number, lines)
    return lines


def _join_presenter(paragraph: Paragraph, lines: list[Line]) -> bool:
    """Append a presenter paragraph to the heading line right above it (if there is one)."""
    text = " ".join(paragraph_text(paragraph).split())
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].text.strip()), None)
    if not text or last is None or lines[last].hints.heading is None:
        return False
    lines[last] = lines[last]._replace(text=f"{lines[last].text} {text}")
    return True


def _paragraph_lines(paragraph: Paragraph, number: int, lines: list[Line]) -> None:
    """One paragraph: split at hard line breaks into lines sharing the paragraph number.

    A list item's first line carries ``list_level``; a numbered item keeps its number as shown
    at the start of its text (``1. erstens``; the layout reads RTF's numbered item headings
    from it), so ``list_marker`` stays unset.
    """
    if paragraph.meta is not None:
        lines.append(Line("", number))
        text = paragraph_text(paragraph).strip()
        if text:
            lines.append(Line(text, number, Hints(title=paragraph.meta == "title")))
        return
    runs = _trim_breaks(paragraph.runs)
    if paragraph.label and runs:
        first = next((r for r in runs if r.text.strip()), Run(""))
        runs = [Run(paragraph.label, first.bold, first.underline), Run(" ", first.bold), *runs]
    segments = [s for s in _split_runs(runs) if "".join(r.text for r in s).strip()]
    indent = "    " if paragraph.continued else ""
    if segments and not indent:
        lines.append(Line("", number))
    listed = paragraph.list_level is not None
    for index, segment in enumerate(segments):
        text = "".join(r.text for r in segment).strip()
        visible = [r for r in segment if r.text.strip()]
        if index and listed:
            # Shift+Enter inside a bullet point continues that point's text.
            lines.append(Line("    " + text, number, Hints()))
            continue
        list_level = paragraph.list_level
        if not listed and (glyph := WORD_HTML_BULLET.match(text)):
            # Word's "Save as web page" writes a list's bullet and its spacing as text.
            text = text[glyph.end() :]
            list_level = WORD_BULLET_LEVELS[glyph.group(1)]
        hints = Hints(
            title=paragraph.title_style and paragraph.heading is None,
            heading=paragraph.heading,
            number=paragraph.number,
            bold=paragraph.bold_style or all(r.bold for r in visible),
            underline=all(r.underline for r in visible),
            list_level=list_level,
        )
        lines.append(Line(indent + text, number, hints))


def title_hint(lines: list[Line]) -> list[Line]:
    """Keep the title hint only where the text names a date or starts with ``Protokoll``.

    A Title-styled ``Einkaufsliste für Samstag`` is no protocol title; a first bold paragraph
    ``Stadtteiltisch 10.11.2022`` is one.
    """
    texts = [line for line in lines if line.text.strip()][:6]
    first = texts[0] if texts else None
    title_below = any(TITLE.match(line.text) or line.hints.title for line in texts[1:])
    result: list[Line] = []
    for line in lines:
        hints = line.hints
        if hints.title or (line is first and hints.bold and not title_below):
            plausible = bool(TITLE.match(line.text) or find_date(line.text))
            hints = replace(hints, title=plausible)
        result.append(line if hints == line.hints else line._replace(hints=hints))
    return result


def images_note(images: int, source: str) -> list[Diagnostic]:
    """The warning that images were left out (none when there were none)."""
    if not images:
        return []
    return [
        Diagnostic("warning", f"{images} Bild(er) im Dokument nicht übernommen (nur Text).", source)
    ]


LEFT_OUT = {
    "hidden": "Verborgener Text nicht übernommen (das Dokument zeigt ihn nicht)",
    "comment": "Kommentar nicht übernommen",
    "header": "Kopfzeile nicht übernommen",
    "footer": "Fußzeile nicht übernommen",
}
"""How a note names each kind of text an office document holds outside its shown body."""


_PAGE_NUMBER = re.compile(r"(?:(?:Seite|S\.|Page)\s*)?\d+(?:\s*(?:von|/|of)\s*\d+)?\Z", re.I)
"""A header or footer that only numbers the pages."""

_WORD = re.compile(r"[^\W\d_]{4,}")
"""A word that says something (four letters or more; numbers and dates left aside)."""


def body_words(blocks: Sequence[Block]) -> set[str]:
    """The lower-cased words of the body's paragraphs and table cells."""
    words: set[str] = set()
    for block in blocks:
        text = " ".join(block.cells) if isinstance(block, Row) else paragraph_text(block)
        words.update(_WORD.findall(text.lower()))
    return words


def says_nothing_new(header: str, words: set[str]) -> bool:
    """True for a header or footer not worth a note: page numbers, or only words the body
    has (the meeting's name and the date, as our own writers put them there)."""
    return bool(_PAGE_NUMBER.match(header)) or set(_WORD.findall(header.lower())) <= words


def left_out_notes(left_out: Sequence[tuple[str, str]], source: str) -> list[Diagnostic]:
    """A note (``hinweis``) for each text left out: hidden text, comments, headers, footers –
    not the protocol's text, but named, so that nothing goes unsaid."""
    return [
        Diagnostic("info", f"{LEFT_OUT[kind]}: „{shortened(' '.join(text.split()))}“", source)
        for kind, text in left_out
        if text.strip()
    ]


def shortened(text: str, limit: int = 80) -> str:
    """``text``, cut with „…“ after ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def protocol_of(
    lines: list[Line],
    source: str,
    notes: Sequence[Diagnostic],
    fallback_date: tuple[dt.date, str] | None,
) -> Protocol:
    """Apply the layout rules; without a date in the title take ``fallback_date``, with a
    warning."""
    protocol = parse_lines(title_hint(lines), source)
    diagnostics = (*notes, *protocol.diagnostics)
    if protocol.date is None and fallback_date is not None:
        date, where = fallback_date
        diagnostics += (
            Diagnostic(
                "warning",
                f"Datum aus den Dokumenteigenschaften übernommen ({where}: "
                f"{date:%d.%m.%Y}); bitte prüfen und in die Titelzeile schreiben.",
                source,
            ),
        )
        protocol = replace(protocol, date=date)
    return replace(protocol, diagnostics=tuple(diagnostics))


def date_in(texts: Sequence[str]) -> tuple[dt.date, str] | None:
    """The first date in a Date paragraph's texts, as a fallback date."""
    for text in texts:
        found = find_date(text)
        if found:
            return found.date, "Datumsfeld"
    return None


def iso_local_date(text: str) -> dt.date | None:
    """The calendar date in Germany of an ISO 8601 timestamp (``2023-04-13T16:45:00Z``)."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        with contextlib.suppress(ZoneInfoNotFoundError):
            try:
                moment = moment.astimezone(ZoneInfo("Europe/Berlin"))
            except OverflowError:  # ``9999-12-31T23:59:59Z`` is in the year 10000 in Germany
                return None
    if moment.year < 1990:
        return None
    return moment.date()
