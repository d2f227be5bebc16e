"""The line rules of the protocol layout, shared by every reader.

A reader turns its source into a stream of :class:`Line` objects (text plus optional *hints*
such as "heading level 2", "bold" or "list item, level 1, marker ``1.``" that Markdown or a Word
document provides) and calls :func:`parse_lines`. The rules are small functions in one ordered
list, :data:`RULES`; the first rule that accepts a line consumes it. Adding a rule is adding a
line to that list (and its trigger to :data:`TRIGGERS`: the :class:`Kind` of line it can take,
so that :data:`RULER` calls it only for those). After the rules,
:func:`protokollkit.annotations.annotate` reads what each entry records (speaker, decision,
task) out of its text.

What the rules understand, in order: the title (any first line or heading), YAML front matter,
meeting metadata (``Ort:``, ``Beginn:``, ``Protokoll:`` …), attendance in every form (a label
line, a heading with a list, groups such as ``Gäste``), the planned agenda, agenda items and
sub-items (``TOP 3``, ``3.``, headings of any level, bold lines), speaker lines, points (bullets,
numbers, ``a)``) nested by indentation, prose paragraphs, the next meeting and closing matter.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, replace
from pathlib import PurePath
from typing import NamedTuple

from protokollkit.annotations import annotate, reports_speech
from protokollkit.annotations import forget as _forget_annotations
from protokollkit.dates import DateMatch, find_date, find_dates
from protokollkit.dates import forget as _forget_dates
from protokollkit.diagnostics import Diagnostic, ParseError
from protokollkit.grammar import nominative
from protokollkit.labels import (
    AGENDA_LABELS,
    ANYWHERE_META,
    ATTENDANCE_LABELS,
    CANONICAL_NEXT_MEETING_LABEL,
    CANONICAL_PARTICIPANTS_LABEL,
    DECISION_LABELS,
    MEETING_WORD,
    META_LABELS,
    NEXT_MEETING,
    NEXT_MEETING_SENTENCE,
    PRESENT_LABELS,
    SECTION_MARKERS,
    TASK_LABELS,
    TASK_TABLE_COLUMNS,
    alternation,
    label_key,
    meta_kind,
)
from protokollkit.model import (
    AgendaItem,
    AttendanceGroup,
    AttendanceKind,
    Block,
    MetaField,
    MetaKind,
    NextMeeting,
    Person,
    Point,
    PointKind,
    Protocol,
    names_nobody,
)
from protokollkit.people import (
    ParticipantIndex,
    format_person,
    is_name_word,
    looks_like_name,
    parse_participant,
    parse_person,
    plausible_name,
    role_word,
    split_parens,
    split_participants,
    split_top_level,
)

__all__ = [
    "CANONICAL_NEXT_MEETING_LABEL",
    "CANONICAL_PARTICIPANTS_LABEL",
    "MAX_DEPTH",
    "NO_HINTS",
    "RULER",
    "RULES",
    "TITLE",
    "TRIGGERS",
    "Hints",
    "Kind",
    "Line",
    "LineRule",
    "Ruler",
    "State",
    "clean",
    "format_person",
    "indent_width",
    "looks_like_name",
    "parse_lines",
    "parse_person",
    "parse_title",
    "split_front_matter",
    "split_participants",
    "split_presenter",
    "split_top_level",
    "tracing",
]


@dataclass(frozen=True)
class Hints:
    """What a structured source knows about a line beyond its text.

    ``heading`` is the heading level as the source has it (Markdown ``##`` → 2, Word
    "Heading 1" → 1); ``number`` an automatic heading number; ``list_level`` and ``list_marker``
    describe a list item (``"-"`` for a bullet, ``"1."`` or ``"a)"`` for a numbered one).
    """

    title: bool = False
    heading: int | None = None
    number: int | None = None
    bold: bool = False
    underline: bool = False
    list_level: int | None = None
    list_marker: str | None = None
    table_row: tuple[str, ...] = ()
    table_header: bool = False
    front_matter: bool = False
    section: bool = False  # a heading that is a section, never the document's title


NO_HINTS = Hints()
_BOLD_ONLY = Hints(bold=True)


def _plain(hints: Hints) -> bool:
    """No hints (most lines share :data:`NO_HINTS`: no field-by-field comparison then)."""
    return hints is NO_HINTS or hints == NO_HINTS


class Line(NamedTuple):
    """One line of input: its text, its 1-based line number in the source, and hints.

    A named tuple rather than a dataclass: a parse makes one per input line, and a tuple is
    built several times faster.
    """

    text: str
    number: int
    hints: Hints = NO_HINTS


MAX_DEPTH = 30
"""Deepest nesting of points that is kept as nesting; deeper points are kept at this depth."""

# --- patterns -------------------------------------------------------------------------------

TITLE = re.compile(
    r"^\s*(?:(?:Sitzungs|Ergebnis|Verlaufs|Gedächtnis|Beschluss)?(?:[Pp]rotokoll|[Nn]iederschrift)"
    r"|PROTOKOLL|NIEDERSCHRIFT)\b"
    r"(?!\s*:)"
)
LABEL = re.compile(
    r"^\s*([^\W\d](?:[\w*/.\-]|:(?!\s))*(?:[ \-][\w*/.\-]+){0,4}?)\s*+(?:\(([^()]{1,40})\))?"
    r"\s*:(?:\s+(.*)|\s*)$"
)
TOP = (
    r"((?:TOP-Punkt|TOP|Top|top|Tagesordnungspunkt|Punkt|Pkt\.)(?:\s?N?Ö(?=\s?\d))?"
    r"|N?Ö(?=\s?\d))"
)
"""The word before an item's number, with the ``Ö`` (öffentlich) of council information systems:
``TOP Ö 5: …``, ``Ö 1``."""
EXPLICIT_ITEM = re.compile(
    rf"^\s*{TOP}\s*(\d{{1,3}}(?:\.\d{{1,2}})*)\.?\s*(?:[:.)\-–—]\s*|\s+|$)(.*)$"
)
NUMBERED_ITEM = re.compile(r"^(\d{1,2})(?:\.0(?=[\t ])|[.)])?[\t ]+(\S.*)$")
"""``1 Titel``, ``1. Titel``, ``1) Titel``, ``1.0 Titel`` (the main point of ``1.1``, ``1.2``)."""
_SECTION_SIGN_ITEM = re.compile(r"^§\s?(\d{1,3})\.?\s+([A-ZÄÖÜ„\"].*)$")
"""``§ 3 Gebäudekonzept``: items numbered like the paragraphs of a statute."""
REFERENCE_ITEM = re.compile(
    r"^((?:zu|Zu|ZU)\s+(?:TOP|Top|Punkt|Tagesordnungspunkt)?)\s*(\d{1,3})(?:\.(\d{1,2}))?\.?\)?"
    r"\s*:?\s*(.*)$"
)
"""``zu TOP 1.1`` (the title on the next line), ``Zu 3: Titel`` or ``Zu Punkt 1.)``: the
minutes of an item."""
DATED_ITEM = re.compile(r"^(\d{2}\.\d{2}\.\d{4} -)\s+(\d{1,3}(?:\.\d{1,2})?)\s+(\S.*)$")
"""``02.12.2024 - 5 Bericht aus dem Kinder- und Jugendparlament``: an item page of a council
information system (ALLRIS), the meeting's date before the item's number."""
SUB_ITEM = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?[\t ]+(\S.*)$")
HEADING_NUMBER = re.compile(r"^(?:(\d{1,3}(?:\.\d{1,2})*)[.)]?|[IVX]{1,4}\.|[A-H][.)])[\t ]+(?=\S)")
BULLET = re.compile(
    r"^([ \t]*)([-–•*‣▪●◦○■□➢➤►→\u2023\u25aa\u25cf\uf0b7\uf0a7]|[o§](?=\t)|(?<=[ \t])o(?= ))"
    r"(?:[ \t]+(.*))?$"
)
"""A bullet and its text; ``o`` and ``§`` as Word writes its second and third levels into plain
text (``\to\tAngebote …``): before a tab, or ``o`` indented before a space."""
NUMBER_MARKER = re.compile(
    r"^([ \t]*)(\d{1,3}[.)]|\d{1,3}\.0(?=[ \t])|[a-z][.)]|[A-Z]\)|\((?:\d{1,3}|[a-z]|[ivx]{1,4})\)"
    r"|[ivx]{1,4}[.)])[ \t]+(\S.*)$"
)
_BULLET_START = frozenset(" \t-–•*‣▪●◦○■□➢➤►→\u2023\u25aa\u25cf\uf0b7\uf0a7o§")


def _bullet(text: str) -> re.Match[str] | None:
    """:data:`BULLET` matched, after a look at the first character (most lines are words)."""
    return BULLET.match(text) if text[:1] in _BULLET_START else None


DECORATION = re.compile(r"^\s*([=\-~*_#+^`.])\1{2,}\s*$")
SIGNATURE = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß.\- ]{1,40},\s*(?:den\s+|am\s+)?\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zäÄ]+)"
    r"\s?\d{2,4}\s*$"
    r"|^(?:gez\.|Gez\.|Unterschrift|Für die Richtigkeit|F\.d\.R\.|_{4,})"
)
DATE_ONLY = re.compile(
    r"^(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?,?|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag"
    r"|Sonntag),?|am|vom|den)?\s*[\d.\s]+(?:[A-Za-zäÄ]+\.?\s*\d{4})?\s*"
    r"(?:,?\s*(?:von\s+|ab\s+|um\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[-–]\s*\d{1,2}(?:[:.]\d{2})?)?\s*(?:Uhr)?)?$",
    re.IGNORECASE,
)
FILE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
TITLE_CONNECTORS = re.compile(
    r"^(?:des|der|vom|am|zum|zur|zu|über\s+die|über\s+das|(?:Bericht\s+)?(?:aus|von)\s+de[rm])(?:\s+|$)"
    r"|\s+(?:vom|am)$",
    re.I,
)
NO_TITLE = "Keine Titelzeile gefunden; der Titel wurde aus Datum und Dateiname gebildet."
MARKUP = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*(:?)\s*$")
"""Markdown bold around a whole line (every match holds ``**`` or ``__``: looked for first)."""

TRANSLATE = str.maketrans(
    {
        "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2011": "-",
        "\u00ad": None, "\ufeff": None, "\u200b": None, "\t": "\t", "\u000b": " ",
        "\u000c": " ", "\u001c": " ", "\u001d": " ", "\u001e": " ", "\u0085": " ",
        "\u2028": " ", "\u2029": " ",
    }
)  # fmt: skip
_SPECIAL = re.compile(
    "[\u00a0\u202f\u2007\u2009\u2011\u00ad\ufeff\u200b\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]"
)


_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?=[\s:.,;)]|$)")
"""A letter-spaced word of four letters or more (``T a g e s o r d n u n g``, ``T i e d e m a n
n``): text copied out of a PDF whose headings and surnames were set with wide spacing. It is
read as the word; four single letters in a row (``a b c d``) are the one text that does not
read back as written."""


_SPACED_HINT = re.compile(r" [^\W\d_] [^\W\d_] ")
"""What every letter-spaced word holds (`` b c `` of ``a b c d``): a search with a literal
first character, several times faster than :data:`_SPACED` with its look-behind."""
_SPACED_ANY = re.compile(r" \w \w ")
"""What every match of :data:`_SPACED_HINT` holds, a letter being a ``\\w``: the cheaper class
(one look instead of three) searched first."""


def _spaced_hint(text: str) -> bool:
    """:data:`_SPACED_HINT` is found (after the cheaper :data:`_SPACED_ANY`)."""
    return _SPACED_ANY.search(text) is not None and _SPACED_HINT.search(text) is not None


def _unspaced(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def clean(text: str) -> str:
    """Normalise what office software puts into text: no-break spaces and hyphens, soft hyphens,
    letter-spaced words."""
    if text.isascii():
        if "\x0b" in text or "\x0c" in text or "\x1c" in text or "\x1d" in text or "\x1e" in text:
            text = text.translate(TRANSLATE)
    elif not (text.isprintable() and "\u2011" not in text) and _SPECIAL.search(text):
        text = text.translate(TRANSLATE)  # (of the special characters only U+2011 prints)
    if _spaced_hint(text) and _SPACED.search(text):
        text = _SPACED.sub(_unspaced, text)
    return text.rstrip()


_NUMBERED_COLUMNS = re.compile(r"^(\d{1,3})\.[ \t]{2,}(?:(\S.*?)[ \t]{3,})?(\S.*?)$")
"""``3.      Geschäftsf. GR       Maria Hofbauer``: number, office column, name column."""


_DOUBLE_MARKER = re.compile(r"^([ \t]*\d{1,3}\.)\)(?=[ \t])")
"""``1.)      Bürgermeister  Name``: a number with point and parenthesis (Austrian minutes)."""
_DITTO = re.compile(r"^([ \t]*\d{1,3}\.[ \t]+)(?:[\"„〃][ \t]{2,})+(?=\S)")
"""``4.)    "      "      Karl Steiner``: ditto marks for the office of the line above."""


def _double_markers(lines: list[Line]) -> list[Line]:
    """``1.)`` read as the ``1.`` it means, in plain lines, and ditto marks after it read as
    the office of the entry above: ``3.)  Gemeinderat   Andrea Pichler`` /
    ``4.)  "   "   Karl Steiner`` is entry 4, ``Gemeinderat   Karl Steiner``. Lines without
    such a marker are returned as they are."""
    result = lines
    office = ""
    for index, line in enumerate(lines):
        text = line.text
        if ".)" not in text[:8] or line.hints is not NO_HINTS:
            continue
        marked = _DOUBLE_MARKER.sub(r"\1", text, count=1)
        if marked == text:
            continue
        ditto = _DITTO.match(marked)
        if ditto:
            marked = f"{ditto.group(1)}{office}{'   ' if office else ''}{marked[ditto.end() :]}"
        else:
            columns = _NUMBERED_COLUMNS.match(marked.strip())
            office = columns.group(2) if columns and columns.group(2) else ""
        if result is lines:
            result = list(lines)
        result[index] = Line(marked, line.number, line.hints)
    return result


def _cleaned(lines: list[Line]) -> list[Line]:
    """:func:`clean` for every line; one search of the whole text for letter-spacing
    (:data:`_SPACED_HINT` cannot match across a line break) instead of one per line, so that a
    line without special characters only loses its trailing space."""
    texts = [line.text for line in lines]
    if _spaced_hint("\n".join(texts)):
        return [
            line if (text := clean(line.text)) is line.text else Line(text, line.number, line.hints)
            for line in lines
        ]
    if _plain_text("".join(texts)):  # (no line has anything to translate: the usual text)
        return [
            line
            if (text := line.text.rstrip()) is line.text
            else Line(text, line.number, line.hints)
            for line in lines
        ]
    result: list[Line] = []
    for line in lines:
        text = line.text
        text = text.rstrip() if _plain_text(text) else clean(text)
        result.append(line if text is line.text else Line(text, line.number, line.hints))
    return result


def _plain_text(text: str) -> bool:
    """Nothing in the text that :func:`clean` translates (it may still translate less: an
    unprintable character that is none of :data:`_SPECIAL`)."""
    if text.isascii():
        return not ("\x0b" in text or "\x0c" in text or "\x1c" in text or "\x1d" in text
                    or "\x1e" in text)  # fmt: skip
    return text.isprintable() and "\u2011" not in text


def indent_width(whitespace: str) -> int:
    """Width of leading whitespace, a tab counting as four spaces."""
    return len(whitespace) + 3 * whitespace.count("\t")


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_presenter(title: str, participants: Iterable[Person]) -> tuple[str, Person | None]:
    """``RoDeFa – wie geht's weiter? Ilona Eckhardt (IBS / RoDeFa)`` → title and presenter.

    A title ends with a presenter when it ends with ``Name (Einrichtung)`` and the name is a
    participant's, or follows a sentence mark (``?``, ``!``, ``:``, ``–``); or when it ends with
    ``(Name)`` and the name is a participant's.
    """
    resident = _RESIDENT.match(title) if title[:1] in "HF" else None
    if resident:
        return title, Person(resident.group(1))  # ``Herr Tessmer, Am Kiefernhang 12``
    split = split_parens(title)
    if not split:
        return title, None
    head, affiliation = split
    resident = _RESIDENT.match(head) if head[:1] in "HF" else None
    if resident and resident.group(1) == affiliation:
        return head, Person(affiliation)  # (as the text writer writes the resident's item)
    people = list(participants)
    for participant in people:
        if head.endswith(" " + participant.name) and len(head) > len(participant.name) + 1:
            rest = head[: -len(participant.name)].rstrip()
            return rest, Person(participant.name, affiliation or None)
    match = _SENTENCE_AND_NAME.match(head)
    if match and looks_like_name(match.group(2)) and plausible_name(match.group(2)):
        return match.group(1), Person(match.group(2), affiliation or None)
    known = ParticipantIndex(people)
    if head and known and known.knows(affiliation) and plausible_name(affiliation, known):
        return head, Person(affiliation)
    return title, None


_RESIDENT = re.compile(
    r"^((?:Herrn?|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?),\s+"
    r"(?:(?:Am|An\s+der|Im|In\s+der|Auf\s+dem|Auf\s+der|Zum|Zur)\s+[A-ZÄÖÜ][\wäöüß-]+"
    r"|[A-ZÄÖÜ][\wäöüß-]*(?:straße|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|markt))"
    r"\s\d{1,4}[a-z]?$"
)
"""A resident and the address: ``Herr Tessmer, Am Kiefernhang 12``, ``Frau Dahlke, Seestraße 3``."""
_WEEKDAY_END = re.compile(
    r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b,?\s*$"
)


def parse_title(title: str) -> tuple[str, dt.date | None]:
    """The meeting name and date (or None) written in a title line."""
    if title[:1] in "BSbs" and _MAIL_SUBJECT.match(title):
        title = _MAIL_PREFIX.sub("", title)  # ``Betreff: AW: Protokoll …`` names ``Protokoll …``
    found = find_date(title)
    rest = title
    if found:
        rest = (title[: found.start] + " " + title[found.end :]).strip()
        rest = _STOP_AT_END.sub("", rest)  # the sentence's full stop after the date
    rest = _WEEKDAY_END.sub("", rest).strip()
    rest = TITLE.sub("", rest, count=1).strip(" ,–-:|")
    for _ in range(2):
        rest = TITLE_CONNECTORS.sub("", nominative(rest)).strip(" ,–-:|")
    return rest, (found.date if found else None)


_STOP_AT_END = re.compile(r"\s+[.,;]$")
_SENTENCE_AND_NAME = re.compile(r"^(.*[?!:–])\s+(\S+(?: \S+){1,3})$")
_COUNT_AND_WORD = re.compile(r"\d+\s+\w+")
_SHORT_WORDS = re.compile(r"[^\W\d][\w.\- ]{0,29}")
_LIST_SEPARATOR = re.compile(r"[;,]\s*|(?<!\s)\s+[;,]\s*")  # a run of spaces: tried once
_NON_DIGITS = re.compile(r"\D")
_NON_WORD = re.compile(r"[^\w]+")
_BRACKETED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w+")
_FRONT_TITLE = re.compile(r"(?i)^(?:title|titel)\s*[:=]\s*\S")
_DATE_FIELD = re.compile(r"^(?:Datum|DATUM)(?:\s+der\s+Sitzung)?\s*:\s*\S")
_DATE_LEAD = re.compile(
    r"\b(?:am|vom|den)\s*$|\b(?:[Aa]m|[Vv]om)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag"
    r"|Samstag|Sonnabend|Sonntag),?\s*(?:den|dem)?\s*$"
)
"""What leads a meeting's date in a sentence: ``am``, ``vom``, ``am Dienstag, dem``."""
_MEETING_LEAD = re.compile(
    r"(?:[Ss]itzung|[Vv]ersammlung|[Tt]reffen|[Tt]agung|[Bb]esprechung|[Kk]onferenz|[Rr]unde"
    r"|[Tt]isch|[Ff]orum|[Pp]lenum|trafen\s+sich|fand)\w*\s+(?:am|vom)\s*$"
)
"""A date led by the meeting it is of (``Sitzung vom``, ``Am … trafen sich``): the meeting's,
before a date that may be the publication's (``Artikel vom``)."""


# --- front matter and decorations -----------------------------------------------------------

_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[Line]:
    """Numbered lines of a text: CRLF, CR and LF end a line, and nothing else does (a form
    feed, U+2028 or U+001D inside a line is a space, so later line numbers stay right)."""
    parts = _LINE_END.split(text) if "\r" in text else text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    # named tuples built without their Python-level __new__, and without a Python loop
    line = functools.partial(tuple.__new__, Line)
    return list(map(line, zip(parts, itertools.count(1), itertools.repeat(NO_HINTS))))


_FRONT_KEY = re.compile(r"^[\w\-]+\s*:(?:\s|$)|^\s+-\s|^\s*#|^\s+\S")


_METADATA_KEY = re.compile(r"^([A-Za-z][\w\-]{0,20})\s*:\s*\S")
_METADATA_KEYS = {
    "title", "titel", "slug", "date", "datum", "author", "authors", "autor", "lang",
    "language", "tags", "category", "categories", "summary", "status", "layout", "modified",
    "template", "url", "save_as", "description",
}  # fmt: skip


def _metadata_block(text: str) -> tuple[list[Line], str, int]:
    """MultiMarkdown or Pelican metadata (``Title: …``, ``Slug: …``, ``Date: …`` up to the
    first blank line) at the very start: front matter without delimiters."""
    first = _METADATA_KEY.match(text)
    if first is None or first.group(1).lower() not in ("title", "titel"):
        return [], text, 0
    lines = text.split("\n")
    block: list[str] = []
    for raw in lines[:40]:
        if not raw.strip():
            break
        key = _METADATA_KEY.match(raw)
        if key is None or key.group(1).lower() not in _METADATA_KEYS:
            return [], text, 0
        block.append(raw)
    if len(block) < 2:
        return [], text, 0
    front = [Line(x.rstrip("\r"), n + 1, Hints(front_matter=True)) for n, x in enumerate(block)]
    return front, "\n".join(lines[len(block) :]), len(block)


def split_front_matter(text: str) -> tuple[list[Line], str, int]:
    """YAML front matter (``---`` … ``---``), or Hugo's TOML (``+++`` … ``+++``), at the start:
    its lines, the rest, lines used.

    The delimiter lines are markup; the lines in between come with ``front_matter`` hints.
    """
    if text.startswith("+++"):
        return _delimited_front_matter(text, "+++", ("+++",), _TOML_LINE)
    if not text.startswith("---"):
        return _metadata_block(text)
    return _delimited_front_matter(text, "---", ("---", "..."), _FRONT_KEY)


_TOML_LINE = re.compile(r"^\s*(?:#.*|\[[\w.\-]+\]|[\w.\-]+\s*=\s*\S.*)$")
"""A line of TOML front matter: ``title = "…"``, ``[params]``, a comment."""
_TOML_KEY = re.compile(r"^([\w.\-]+)\s*=\s*(.*)$")


def _delimited_front_matter(
    text: str, opener: str, closers: tuple[str, ...], line: re.Pattern[str]
) -> tuple[list[Line], str, int]:
    """The lines between ``opener`` on the first line and one of ``closers`` (within 80
    lines), each blank or matching ``line``; nothing when one does not."""
    lines = text.split("\n")
    if lines[0].rstrip() != opener:
        return [], text, 0
    for index in range(1, min(len(lines), 80)):
        if lines[index].rstrip() in closers:
            inner = lines[1:index]
            if not inner or not all(not x.strip() or line.match(x) for x in inner):
                return [], text, 0
            result = [
                Line(x.rstrip("\r"), n + 2, Hints(front_matter=True)) for n, x in enumerate(inner)
            ]
            return result, "\n".join(lines[index + 1 :]), index + 1
    return [], text, 0


_ASCIIDOC_HEADING = re.compile(r"^(={1,5})[ \t]+(\S.*?)[ \t]*$")
_HARD_BREAK = re.compile(r"[ \t]\+$")
_ASCIIDOC_BOLD = re.compile(r"^\*(?!\*)([^*\s][^*]{0,58}?:)\*(?!\*)")
"""``*Nächstes Treffen:*``: AsciiDoc's bold label, written as Markdown's ``**…:**``."""


def _asciidoc(lines: list[Line]) -> list[Line]:
    """A plain text written in AsciiDoc (``= Protokoll Gruppe 9`` as its first line, or two
    ``== Abschnitt`` lines): ``=`` to ``=====`` headings become heading hints, the hard line
    break `` +`` at a line's end is markup, and a bold label ``*Nächstes Treffen:*`` is read as
    Markdown's ``**…:**``. Other texts are returned as they are."""
    if not any(line.text.startswith("=") for line in lines):
        return lines
    first = next((line for line in lines if line.text.strip()), None)
    sections = sum(1 for line in lines if line.text.startswith("== "))
    if first is None or not (first.text.startswith("= ") or sections >= 2):
        return lines
    result: list[Line] = []
    for line in lines:
        heading = _ASCIIDOC_HEADING.match(line.text) if line.hints is NO_HINTS else None
        if heading:
            level = len(heading.group(1))
            result.append(Line(heading.group(2), line.number, Hints(heading=level)))
        elif line.hints is NO_HINTS and (_HARD_BREAK.search(line.text) or line.text[:1] == "*"):
            text = _ASCIIDOC_BOLD.sub(r"**\1**", _HARD_BREAK.sub("", line.text))
            result.append(Line(text, line.number, line.hints))
        else:
            result.append(line)
    return result


_WIKI_HEADING = re.compile(r"^(={1,6})[ \t]+([^=\s](?:[^=]*[^=\s])?)[ \t]+(={1,6})[ \t]*$")
"""``= Mitgliederverwaltung =``, ``== Bank ==``: a heading of MoinMoin or MediaWiki markup, the
same number of ``=`` on both sides of its title (DokuWiki's ``====== Title ======`` too)."""


def _wiki_levels(counts: list[int]) -> dict[int, int]:
    """The heading level of each number of ``=``: as many as written (MoinMoin, MediaWiki:
    ``=`` the top, ``==`` below it) – or the other way round in a DokuWiki page, which starts
    with its deepest run of ``=`` (``====== Sitzung ======``, then ``===== Organisatorisches
    =====`` and ``==== Protokollkontrolle ====`` below it): seven less the count there."""
    dokuwiki = counts[0] == max(counts) >= 4 and min(counts) < counts[0]
    return {n: 7 - n if dokuwiki else n for n in set(counts)}


def _wiki_headings(lines: list[Line]) -> list[Line]:
    """A text written in wiki markup (MoinMoin, MediaWiki): its ``= Title =`` to
    ``===== Title =====`` lines become heading hints – where at least two lines of the text are
    such headings and each has as many ``=`` after its title as before. Other texts are
    returned as they are."""
    found = {}
    for index, line in enumerate(lines):
        if line.hints is NO_HINTS and line.text[:1] == "=":
            match = _WIKI_HEADING.match(line.text)
            if (
                match
                and match.group(1) == match.group(3)
                and re.search(r"[^\W\d_]", match.group(2))
            ):
                found[index] = match
    if len(found) < 2:
        return lines
    levels = _wiki_levels([len(match.group(1)) for match in found.values()])
    sections = _untitled_page(lines, found, levels)
    result = list(lines)
    for index, match in found.items():
        level = levels[len(match.group(1))]
        hints = Hints(heading=level, section=level in sections)
        result[index] = Line(match.group(2), lines[index].number, hints)
    return result


def _untitled_page(
    lines: list[Line], found: dict[int, re.Match[str]], levels: dict[int, int]
) -> set[int]:
    """The heading levels that are sections only: a wiki page's source holds no title (the
    wiki shows the page's name above it), so where the page starts with a heading of its top
    level and another heading has that level too (``== What are you currently working on?
    ==`` … ``== Say Thank you ==``), the first is a section like the others, not the title."""
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if first is None or first not in found:
        return set()
    top = min(levels[len(match.group(1))] for match in found.values())
    if levels[len(found[first].group(1))] != top:
        return set()
    same = sum(1 for match in found.values() if levels[len(match.group(1))] == top)
    return {top} if same >= 2 else set()


_STAR_LABEL = re.compile(r"^\*(?![*\s])([^*\n]{1,40}?:)\*(?!\*)(?=\s|$)")
"""``*Anwesend:*``, ``*TOP1:*``: a label in a mail's or chat's bold (one star on each side)."""


def _star_labels(lines: list[Line]) -> list[Line]:
    """A plain text whose labels stand in single stars (a mail, a chat message: ``*Anwesend:*
    Ingo, Kathrin``, ``*TOP1:* Die Website``): they are read as the labels they mark, without
    the stars – where at least two lines of the text start so. Other texts are returned as
    they are."""
    found = [
        index
        for index, line in enumerate(lines)
        if line.text[:1] == "*" and line.hints is NO_HINTS and _STAR_LABEL.match(line.text)
    ]
    if len(found) < 2:
        return lines
    result = list(lines)
    for index in found:
        line = lines[index]
        result[index] = Line(_STAR_LABEL.sub(r"\1", line.text, count=1), line.number, line.hints)
    return result


_STARS_BULLET = re.compile(r"^(\*{2,4})[ \t]+(?=\S)")
"""``** Pelle hat eine Box besorgt.``: a bullet of a deeper level in wiki markup (MediaWiki,
Creole, AsciiDoc), as many stars as its level."""


def _wiki_bullets(lines: list[Line]) -> list[Line]:
    """A text whose lists are written in wiki markup (``* Eintrag`` / ``** Unterpunkt``): each
    deeper bullet becomes an indented ``*`` bullet, two spaces a level – where the text has
    ``*`` bullets at the start of a line and at least one ``**`` bullet. (Markdown's bold
    ``**Anwesend:**`` has no space after its stars.) Other texts are returned as they are."""
    deeper = [
        index
        for index, line in enumerate(lines)
        if line.text[:2] == "**" and line.hints is NO_HINTS and _STARS_BULLET.match(line.text)
    ]
    if not deeper or not any(line.text[:2] in ("* ", "*\t") for line in lines):
        return lines
    result = list(lines)
    for index in deeper:
        line = lines[index]
        stars = _STARS_BULLET.match(line.text)
        assert stars is not None
        indent = "  " * (len(stars.group(1)) - 1)
        text = f"{indent}* {line.text[stars.end() :]}"
        result[index] = Line(text, line.number, line.hints)
    return result


_TEMPLATE_OPEN = re.compile(r"^\{\{\s*([^{}|=\s][^{}|]{0,80}?)\s*$")
_TEMPLATE_FIELD = re.compile(r"^\s*\|\s*([^\W\d][^=|{}]{0,40}?)\s*=\s*([^|{}]*?)\s*$")
_TEMPLATE_CLOSE = re.compile(r"^\s*\}\}\s*$")
_TEMPLATE_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*Uhr)?$")
_TEMPLATE_TIMES = {"von": "Beginn von", "bis": "Ende bis"}


def _template_head(lines: list[Line]) -> list[Line]:
    """A wiki page whose head is a template call, one field a line (DokuWiki's
    ``{{template>:vorlagen:Protokoll`` / ``|Sitzungsleitung=Name`` / ``}}``, MediaWiki's
    ``{{Protokoll`` …): its fields are read as front matter (``Sitzungsleitung: Name``), the
    template's name as the field ``template``; ``von=19:05``/``bis=21:40`` are the session's
    start and end (``Beginn von: 19:05``). Other texts are returned as they are."""
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if first is None or lines[first].hints is not NO_HINTS:
        return lines
    opening = _TEMPLATE_OPEN.match(lines[first].text)
    if opening is None:
        return lines
    fields: list[Line] = []
    for index in range(first + 1, min(len(lines), first + 40)):
        line = lines[index]
        if _TEMPLATE_CLOSE.match(line.text):
            if not fields:
                return lines
            front = Hints(front_matter=True)
            kind, _, name = opening.group(1).rpartition(">")  # ``template>:vorlagen:…``
            head = Line(f"{kind or 'template'}: {name}", lines[first].number, front)
            close = Line("", line.number, NO_HINTS)
            return [*lines[:first], head, *fields, close, *lines[index + 1 :]]
        field_match = _TEMPLATE_FIELD.match(line.text) if line.hints is NO_HINTS else None
        if field_match is None:
            return lines
        key, value = field_match.group(1), field_match.group(2)
        if key.lower() in _TEMPLATE_TIMES and _TEMPLATE_CLOCK.match(value):
            key = _TEMPLATE_TIMES[key.lower()]  # ``von=19:05``: the start
        fields.append(Line(f"{key}: {value}", line.number, Hints(front_matter=True)))
    return lines


_GLUED_ENTRY = re.compile(r"^(\S+(?:\s+\S+){3,}?[.!?])\s+-\s+([A-ZÄÖÜ][^.!?;]{2,100})$")
"""``… eröffnet die Versammlung. - Feststellung der Einladung``: a list copied from a web page
whose entries lost their line breaks, each title glued to the end of the text above it."""


def _unglued(lines: list[Line]) -> list[Line]:
    """Lines whose end is the next entry's title (:data:`_GLUED_ENTRY`), split in two – where
    at least three lines of the document end so (one such line is a dash in a sentence)."""
    if sum(" - " in line.text for line in lines) < 3:
        return lines
    found = [
        (index, match)
        for index, line in enumerate(lines)
        if line.hints is NO_HINTS
        and " - " in line.text
        and (match := _GLUED_ENTRY.match(line.text.strip())) is not None
        and len(match.group(2).split()) <= 12
        and not match.group(2).rstrip().endswith((",", "-"))
    ]
    if len(found) < 3:
        return lines
    result = list(lines)
    heading = Hints(heading=2)  # (the titles of the list's entries, as a heading each)
    for index, match in reversed(found):
        line = lines[index]
        result[index : index + 1] = [
            Line(match.group(1), line.number, line.hints),
            Line(match.group(2).strip(), line.number, heading),
        ]
    first = found[0][0]  # (the lines before the first split one kept their places)
    above = next((i for i in range(first - 1, -1, -1) if result[i].text.strip()), None)
    entry = _BULLET_TITLE.match(result[above].text) if above is not None else None
    if above is not None and entry and result[above].hints is NO_HINTS:
        result[above] = Line(entry.group(1), result[above].number, heading)  # ``- Begrüßung``
    return result


_BULLET_TITLE = re.compile(r"^\s*-\s+([A-ZÄÖÜ][^.!?;:]{2,100})$")


def _mark_structure(lines: list[Line]) -> list[Line]:
    """Setext and reStructuredText headings become heading hints; rule lines are markup."""
    for line in lines:  # (a loop, not any() over a generator: one look per line)
        text = line.text
        if text[:1] in _DECORATION_START and text[1:3] == text[0] * 2 and DECORATION.match(text):
            break
    else:
        return lines  # (both need a rule line that starts at its first character)
    result: list[Line] = []
    count = len(lines)
    index = 0
    while index < count:
        line = lines[index]
        text = line.text
        if (
            text
            and text[1:3] == text[0] * 2  # (a rule starts with one character three times)
            and text[0] in "=-~*_#+^`."
            and line.hints is NO_HINTS
            and DECORATION.match(text)
        ):
            index += 1  # a rule or an overline: markup
            continue
        if (
            index + 1 < count
            and text.strip()
            and line.hints is NO_HINTS
            and lines[index + 1].hints is NO_HINTS
            and lines[index + 1].text[:1] in ("=", "-", "~", "^")
            and DECORATION.match(lines[index + 1].text)
            and not _bullet(text)
            and len(lines[index + 1].text.strip()) >= max(3, len(text.strip()) // 2)
        ):
            level = 1 if lines[index + 1].text.strip()[0] == "=" else 2
            result.append(Line(text.strip(), line.number, Hints(heading=level)))
            index += 2
            continue
        result.append(line)
        index += 1
    return result


# --- the parser state -----------------------------------------------------------------------


_new = object.__new__
_set = object.__setattr__
_POINT_FIELDS = ("text", "points", "kind", "marker", "speaker", "decision", "task", "line")
_BLOCK_FIELDS = ("speaker", "points", "note", "line")
assert tuple(f.name for f in fields(Point)) == _POINT_FIELDS
assert tuple(f.name for f in fields(Block)) == _BLOCK_FIELDS


def _frozen_point(
    text: str, points: tuple[Point, ...], kind: PointKind, marker: str | None, line: int
) -> Point:
    """``Point(text, points, kind, marker, line=line)``, built without the frozen dataclass's
    ``__init__`` that sets its eight fields one by one (a parse freezes every entry)."""
    point: Point = _new(Point)
    values: dict[str, object] = {"text": text, "points": points, "kind": kind, "marker": marker}
    values.update(speaker=None, decision=None, task=None, line=line)
    _set(point, "__dict__", values)
    return point


def _frozen_block(speaker: Person | None, points: tuple[Point, ...], line: int) -> Block:
    """``Block(speaker, points, None, line=line)``, built as :func:`_frozen_point` builds."""
    block: Block = _new(Block)
    _set(block, "__dict__", {"speaker": speaker, "points": points, "note": None, "line": line})
    return block


@dataclass(slots=True)
class _PointBuilder:
    text: str
    line: int
    kind: PointKind = "bullet"
    marker: str | None = None
    children: list[_PointBuilder] = field(default_factory=list)

    def freeze(self) -> Point:
        return _frozen_point(
            self.text,
            tuple([c.freeze() for c in self.children]) if self.children else (),
            self.kind,
            self.marker,
            self.line,
        )


@dataclass(slots=True)
class _BlockBuilder:
    speaker: Person | None = None
    line: int = 0
    points: list[_PointBuilder] = field(default_factory=list)

    def freeze(self) -> Block:
        return _frozen_block(self.speaker, tuple([p.freeze() for p in self.points]), self.line)


@dataclass(slots=True)
class _ItemBuilder:
    number: int
    title: str
    presenter: Person | None
    line: int
    level: int = 0
    blocks: list[_BlockBuilder] = field(default_factory=list)
    items: list[_ItemBuilder] = field(default_factory=list)

    def freeze(self) -> AgendaItem:
        return AgendaItem(
            self.number,
            self.title,
            self.presenter,
            tuple([b.freeze() for b in self.blocks]),
            tuple([i.freeze() for i in self.items]) if self.items else (),
            line=self.line,
        )


@dataclass(slots=True)
class _Attendance:
    """An attendance list that is still open (a label or heading whose names follow)."""

    kind: AttendanceKind | None  # None: the participants
    label: str
    heading: bool = False
    level: int | None = None  # the heading level of an attendance heading (``### Anwesend``)
    roles: bool | None = None  # each list entry is ``Name, Rolle`` (decided at the first one)
    entries_only: bool = False  # opened by a bare ``Anwesend`` line: only list entries follow
    numbered: int = 0  # the last number of a numbered list of office and name columns


_UNWRAPPED_END = (".", "!", "?", ":")
"""What ends a line of running text where it ends a sentence or introduces what follows."""
_MID_PHRASE = (",", "-", "–", "/", "(", "&", "+")


@dataclass
class State:
    """Everything the rules read and build while going through the lines."""

    source: str
    lines: list[Line] = field(default_factory=list)
    index: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str | None = None
    title_index: int = -1
    meeting_heading: int | None = None
    """The heading under a title ``# Protokoll`` that names the meeting: part of the title."""
    title_line: int = 0
    participants: list[Person] = field(default_factory=list)
    participants_label: str | None = None
    groups: list[AttendanceGroup] = field(default_factory=list)
    meta: list[MetaField] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    agenda_label: str | None = None
    preamble: list[_BlockBuilder] = field(default_factory=list)
    items: list[_ItemBuilder] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    pending_next: str | None = None
    front: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    section: str = "front"
    previous: str = "blank"
    blank_before: bool = True
    point_stack: list[tuple[int, _PointBuilder]] = field(default_factory=list)
    attendance: _Attendance | None = None
    agenda_open: bool = False
    agenda_level: int | None = None
    agenda_marker: str | None = None  # how the plan's first entry is marked (``top``, …)
    agenda_last_marker: str | None = None
    agenda_unmarked: bool = False
    agenda_number: int | None = None
    agenda_from: int = -1
    agenda_spaced: bool = False
    """The plan's entries stand between blank lines (the first one after a blank line)."""
    """The index of a second plan's first entry (session data lines stand above it)."""
    """The number of the plan's last entry (``02``): ``03`` after a blank line goes on."""
    """The plan's entries are short lines without a marker (``Die Themen waren`` above them)."""
    """The heading level of a ``## Tagesordnung`` heading: its sub-headings belong to it."""
    item_level: int | None = None
    list_items: bool = False
    implicit_items: bool = False
    table_header: tuple[str, ...] = ()
    row_group: str = ""
    """The group label of the attendance table rows above (``SPD:``, ``Sachkundige Einwohner:``)."""
    presence_table: bool = False
    """The open attendance list is a table whose first column holds presence marks."""
    item_prefix: str = ""
    item_text: str = ""  # the first sentence of an item written after ``TOP 1:`` as its title
    first_prefix: str = ""
    last_rule: str = ""
    known: ParticipantIndex = field(default_factory=ParticipantIndex)
    skip: int = -1
    skip_until: int = -1
    """Lines before this index are taken already (the value lines under ``Ort:``)."""
    lettered: bool = False
    bracketed: tuple[AttendanceKind, str] | None = None
    """A legend ``(verhindert waren)`` said that names in brackets belong to this group."""
    """The attendance list has lettered groups (``a) Mitglieder:``, ``b) Verwaltung``)."""
    """A line already taken by the line before it (the title under ``zu TOP 1.1``)."""
    titles: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)
    width: int = -1
    """The wrap width (:meth:`wrap_width`), -1 until asked for."""

    def title_parts(self, title: str) -> tuple[str, dt.date | None]:
        """:func:`parse_title`, remembered for this parse (the title is asked for several
        times)."""
        parts = self.titles.get(title)
        if parts is None:
            parts = self.titles[title] = parse_title(title)
        return parts

    def items_from_headings(self) -> bool:
        """True when the agenda items so far were headings (not bold lines or typed numbers)."""
        return self.item_level is not None and 0 < self.item_level < 99

    def warn(self, line: Line, message: str, col: int = 1) -> None:
        """A warning at a line: a human should look."""
        self.diagnostics.append(Diagnostic("warning", message, self.source, line.number, col))

    def note(self, line: Line, message: str) -> None:
        """An info at a line: what the rules decided on purpose."""
        self.diagnostics.append(Diagnostic("info", message, self.source, line.number, 1))

    def wrap_width(self) -> int:
        """The width the document's paragraphs were hard-wrapped at, judged from the lines that
        certainly were (a long line without a sentence end, the next one going on in lower
        case); 0 when no line shows it (computed once)."""
        if self.width < 0:
            self.width = 0
            before = ""
            for line in self.lines:
                text = line.text if line.hints == NO_HINTS else ""
                if text[:1].islower() and len(before) >= 50 and not before.endswith(_UNWRAPPED_END):
                    self.width = max(self.width, len(before))
                before = text.rstrip()
        return self.width

    def broken_on_purpose(self, line: Line) -> bool:
        """The line before ``line`` ended where the writer pressed Enter, not where an editor
        wrapped it: the document shows no wrapping and the line does not break off mid-phrase
        (``,``, ``-``, a word in lower case: German nouns and names are capitalised, the words
        that end a line mid-sentence mostly are not), or this line's first word would have
        fitted on it."""
        before = self.lines[self.index - 1].text.rstrip() if self.index > 0 else ""
        width = self.wrap_width()
        if not width:
            last = before.rsplit(maxsplit=1)[-1] if before else ""
            return not (before.endswith(_MID_PHRASE) or last[:1].islower())
        first = line.text.split(maxsplit=1)[0] if line.text.strip() else ""
        return len(before) + 1 + len(first) <= width

    def next_line(self) -> Line | None:
        """The next line that is not blank, or None."""
        for line in self.lines[self.index + 1 :]:
            if line.text.strip():
                return line
        return None

    # --- where content goes ---

    def current_item(self) -> _ItemBuilder | None:
        """The innermost open agenda item or sub-item."""
        if not self.items:
            return None
        item = self.items[-1]
        while item.items:
            item = item.items[-1]
        return item

    def blocks(self) -> list[_BlockBuilder]:
        """The blocks that content goes into now: the current item's, or the preamble."""
        item = self.current_item() if self.section == "items" else None
        return item.blocks if item is not None else self.preamble

    def block(self, line: Line) -> _BlockBuilder:
        """The current block (opened when there is none)."""
        blocks = self.blocks()
        if not blocks:
            blocks.append(_BlockBuilder(line=line.number))
        return blocks[-1]

    def open_group(self, kind: AttendanceKind, label: str) -> None:
        """Keep a group's label even before (or without) anyone in it."""
        if not any(g.kind == kind and g.label == label for g in self.groups):
            self.groups.append(AttendanceGroup(label, kind, ()))

    def add_person(self, person: Person, kind: AttendanceKind | None, label: str) -> None:
        """Add someone to the participants (kind None) or to a group."""
        if person.name in ("", "-", "–"):
            return
        self.known.add(person)
        if kind is None:
            self.participants.append(person)
            return
        index = self.group_index(kind, label)
        if index < 0:
            self.groups.append(AttendanceGroup(label, kind, (person,)))
        else:
            group = self.groups[index]
            self.groups[index] = replace(group, people=(*group.people, person))

    def listed_again(self, person: Person, kind: AttendanceKind | None, label: str) -> bool:
        """True when someone of ``person``'s name already stands in the participants (kind
        None) or the group (``Anwesende: … R. Gisler …`` and below it ``Vorsitz: R. Gisler``)."""
        if kind is None:
            return any(listed.name == person.name for listed in self.participants)
        index = self.group_index(kind, label)
        return index >= 0 and any(p.name == person.name for p in self.groups[index].people)

    def group_index(self, kind: AttendanceKind, label: str) -> int:
        """Where the group of this kind and label stands in :attr:`groups`, or -1."""
        for index, group in enumerate(self.groups):
            if group.kind == kind and group.label == label:
                return index
        return -1

    def last_person(self, kind: AttendanceKind | None, label: str) -> Person | None:
        """The last one added to the participants (kind None) or to a group, or None."""
        if kind is None:
            return self.participants[-1] if self.participants else None
        index = self.group_index(kind, label)
        people = self.groups[index].people if index >= 0 else ()
        return people[-1] if people else None

    def replace_last_person(self, kind: AttendanceKind | None, label: str, person: Person) -> None:
        """Put ``person`` in the place of the last one added to the participants (kind None)
        or to a group."""
        self.known.add(person)
        if kind is None:
            self.participants[-1] = person
            return
        index = self.group_index(kind, label)
        group = self.groups[index]
        self.groups[index] = replace(group, people=(*group.people[:-1], person))


Rule = Callable[[State, Line], bool]


class Kind:
    """What a line is at a glance: bits computed once per line (:func:`line_kinds`) and from
    the parser's state (:func:`state_kinds`); a rule's trigger (:data:`TRIGGERS`) names the
    kinds without which it cannot take the line."""

    BLANK = 1 << 0
    """Nothing but whitespace."""
    HINTED = 1 << 1
    """The source gave hints (heading, bold, list item, table row, front matter …)."""
    FRONT_MATTER = 1 << 2
    COLON = 1 << 3
    """A ``:`` somewhere: every ``Label: value`` form."""
    ITEM_START = 1 << 4
    """Starts (after space) like an item: a digit, ``T``/``t``/``P`` (``TOP``, ``Punkt``),
    ``§``, ``z``/``Z`` (``zu TOP``), or Markdown bold (``**``, ``__``)."""
    MARKER = 1 << 5
    """Could start with a list marker: a bullet, a digit, ``(``, or a letter with ``.``/``)``
    right after it (``a)``, ``iv.``)."""
    UPPER = 1 << 6
    """Starts with a capital, ``@`` or Markdown bold: could be a speaker line."""
    DECORATION = 1 << 7
    """No hints and starts with a character a horizontal rule is made of."""
    NEXT_WORD = 1 << 8
    """Holds a word of a next-meeting label (``nächst``, ``Termin``, ``Datum``)."""
    CLOSING_WORD = 1 << 10
    """Starts like a signature line: ``Ort, den …`` (a comma in the first 42 characters) or
    ``gez.``, ``Unterschrift``, ``Für die Richtigkeit``, ``F.d.R.``, ``____``."""
    SHORT = 1 << 11
    """At most 30 characters (a bare label such as ``Anwesend``)."""
    TEXT = 1 << 12
    """Not blank (every such line has it: rules without a trigger see every line)."""
    LABEL = 1 << 13
    """A ``:`` in a line that is no list entry (neither hinted nor a typed bullet)."""
    # from the state, per line
    FRONT = 1 << 16
    """Before the first item (section ``front``)."""
    BACK = 1 << 17
    """After the next-meeting line or a signature (section ``back``)."""
    TITLE_LINE = 1 << 18
    """The line the pre-scan chose as the title."""
    ATTENDANCE_OPEN = 1 << 19
    AGENDA_OPEN = 1 << 20
    AGENDA_KNOWN = 1 << 21
    AGENDA_LABEL = 1 << 25
    """No planned agenda read yet (or one, but no item yet: a second session's plan), not after
    the minutes, and the line holds a word of an agenda label (``Tagesordnung``, ``Agenda``,
    ``TOP``, ``Themen``, ``Inhalt`` …)."""
    COLON_EARLY = 1 << 26
    """A ``:`` in a line before the second item (a list entry may still be attendance)."""
    """A planned agenda was read: an item may be named by one of its entries."""
    PENDING_NEXT = 1 << 22
    """A next-meeting heading waits for its text on this line."""
    IMPLICIT_HEADING = 1 << 23
    """No marked items in the document, and the line starts with a capital."""
    BARE_LABEL = 1 << 24
    """Before the first item and short."""
    ANY = (1 << 32) - 1


_MARKER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DECORATION_START = frozenset("=-~*_#+^`.")
_ITEM_START = frozenset("TtP§zZ*_ÖN")
_MARKER_START = frozenset("-–•*‣▪●◦○■□➢➤►→\u2023\u25aa\u25cf\uf0b7\uf0a7(")
_K_BLANK, _K_TEXT, _K_HINTED, _K_FRONT_MATTER = (
    Kind.BLANK,
    Kind.TEXT,
    Kind.HINTED,
    Kind.FRONT_MATTER,
)
_K_COLON, _K_LABEL, _K_ITEM_START, _K_MARKER = Kind.COLON, Kind.LABEL, Kind.ITEM_START, Kind.MARKER
_K_UPPER, _K_DECORATION, _K_SHORT = Kind.UPPER, Kind.DECORATION, Kind.SHORT
_K_NEXT_WORD, _K_CLOSING_WORD = Kind.NEXT_WORD, Kind.CLOSING_WORD
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


_LETTER = 1 << 40  # (bits of the character table only, beyond every trigger)
_RULE_CHARACTER = 1 << 41
_FIRST_KINDS: dict[str, int] = {}
"""The kinds a line's first character gives, filled as characters are met (a table of
characters, not of texts)."""


def _first_kinds(first: str) -> int:
    kinds = _K_TEXT
    if first.isdigit():
        kinds |= _K_ITEM_START | _K_MARKER
    else:
        if first in _ITEM_START:
            kinds |= _K_ITEM_START
        if first in _MARKER_START:
            kinds |= _K_MARKER
        elif first in _MARKER_LETTERS:
            kinds |= _LETTER  # a marker when ``.`` or ``)`` follows (``a)``, ``iv.``)
    if first.isupper() or first in "@*_":
        kinds |= _K_UPPER
    if first in _DECORATION_START:
        kinds |= _RULE_CHARACTER
    _FIRST_KINDS[first] = kinds
    return kinds


def line_kinds(line: Line) -> int:
    """The :class:`Kind` bits of a line itself (computed once per line and parse)."""
    text = line.text
    stripped = text.strip()
    if not stripped:
        return _K_BLANK
    first = stripped[0]
    kinds = _FIRST_KINDS.get(first) or _first_kinds(first)
    if kinds & _LETTER and ("." in stripped[1:6] or ")" in stripped[1:6]):
        kinds |= _K_MARKER
    elif first in "o§" and stripped[1:2] in ("\t", " "):
        kinds |= _K_MARKER  # Word's lower bullet levels in plain text (:data:`BULLET`)
    hints = line.hints
    if hints is not NO_HINTS:
        if hints != NO_HINTS:
            kinds |= _K_HINTED
        if hints.front_matter:
            kinds |= _K_FRONT_MATTER
    elif kinds & _RULE_CHARACTER and stripped[1:3] == first + first:
        kinds |= _K_DECORATION  # (a rule is three or more of one character)
    if first in _BULLET_START and ("agesordnungspunkt" in text or "TOP" in text):
        kinds |= _K_ITEM_START  # ``• Tagesordnungspunkt 1``: an item (its title below)
    if ":" in text:
        kinds |= _K_COLON
        if hints.list_level is None and not (first in _BULLET_START and _bullet(text)):
            kinds |= _K_LABEL
    if len(stripped) <= 30:
        kinds |= _K_SHORT
    if "chst" in text or "CHST" in text or "Termin" in text or "Datum" in text:
        kinds |= _K_NEXT_WORD  # (``chst`` covers ``nächsten``)
    if first in "gGUF_" or (first in _CAPITALS and "," in stripped[2:42]):
        kinds |= _K_CLOSING_WORD  # (how :data:`SIGNATURE` starts)
    return kinds


def state_kinds(state: State, line: Line, kinds: int) -> int:
    """The :class:`Kind` bits that the state gives the current line (``kinds``: its own)."""
    section = state.section
    if section == "front":
        kinds |= Kind.FRONT | (Kind.BARE_LABEL if kinds & Kind.SHORT else 0)
    elif section == "back":
        kinds |= Kind.BACK
    elif kinds & Kind.SHORT and len(state.items) <= 1:
        kinds |= Kind.BARE_LABEL  # (a bare ``Teilnehmer`` under the first item too)
    if state.index == state.title_index:
        kinds |= Kind.TITLE_LINE
    if state.attendance is not None:
        kinds |= Kind.ATTENDANCE_OPEN
    if state.agenda_open:
        kinds |= Kind.AGENDA_OPEN
    if state.agenda:
        kinds |= Kind.AGENDA_KNOWN
    if (section != "back" or not state.items) and (
        not state.agenda or (section == "front" and not state.items)
    ):
        text = line.text
        if (
            "gend" in text
            or "agesordnung" in text
            or "AGESORDNUNG" in text
            or "TOP" in text
            or "Them" in text
            or "THEM" in text
            or "nhalt" in text
            or "ontents" in text
            or "bersicht" in text
        ):
            kinds |= Kind.AGENDA_LABEL
    if kinds & Kind.COLON and len(state.items) <= 1:
        kinds |= Kind.COLON_EARLY
    if state.pending_next is not None:
        kinds |= Kind.PENDING_NEXT
    if state.implicit_items and kinds & Kind.UPPER:
        kinds |= Kind.IMPLICIT_HEADING
    return kinds


_BOLD_LABEL = re.compile(r"^(\*\*|__)([^*_]{1,60}?)(:?)\1(:?)\s*")


def _unbold_label(text: str) -> str:
    """``**Ort:** Haus`` or ``**Ort**: …`` (Markdown typed into a text file) → ``Ort: …``."""
    match = _BOLD_LABEL.match(text)
    if match and (match.group(3) or match.group(4)) and match.end() < len(text):
        return f"{match.group(2)}: {text[match.end() :]}"
    return text


@functools.lru_cache(maxsize=8192)
def _label(text: str) -> tuple[str, str | None, str] | None:
    """``Label: value`` → (label, sub-label in brackets, value); markup around it removed."""
    if ":" not in text:
        return None  # (every label ends in a colon)
    text = _unbold_label(text)
    match = LABEL.match(text)
    if not match:
        return None
    label = match.group(1).strip().strip("*_").strip()
    if len(label) > 40:
        return None
    return label, match.group(2), (match.group(3) or "").strip().strip("*_").strip()


def _heading_text(line: Line) -> str:
    return line.text.strip().rstrip(":").strip()


def _attendance_kind(key: str) -> tuple[bool, AttendanceKind | None]:
    """(is an attendance label, kind): kind None for the participants themselves."""
    if key in PRESENT_LABELS:
        return True, None
    if key in ATTENDANCE_LABELS:
        return True, ATTENDANCE_LABELS[key]
    words = key.split()
    if 2 <= len(words) <= 3 and words[0] in _GROUP_WORDS:
        # ``Anwesende Rätys``, ``Entschuldigte Mitglieder``, ``Gäste (extern)``
        return _attendance_kind(words[0])
    if 3 <= len(words) <= 6 and words[0] in ("sonstige", "weitere") and words[1] in _GROUP_WORDS:
        # ``Sonstige anwesende (nicht) stimmberechtigte Studierende``
        group = _attendance_kind(words[1])[1]
        if group is None:
            return True, "guests" if "nicht" in words else "present"
        return True, group
    if 3 <= len(words) <= 7 and words[0] in ("vom", "von") and words[-1] == "anwesend":
        if words[-2] in ("sind", "waren"):
            return True, None  # ``Von den geladenen Mitgliedern sind anwesend``: the members
        return True, "present"  # ``Vom Beirat anwesend``, ``Von der Verwaltung anwesend``
    if words and words[-1] == "bei" and ("wohnte" in words or "wohnten" in words):
        return True, "present"  # ``Den Verhandlungen wohnte noch bei``
    return False, None


_LONG_LABEL = re.compile(r"^([^\W\d][^:()]{2,70}?)\s*(?:\(([^()]{1,80})\))?\s*:(?:\s+(.*)|\s*)$")
_ONE_CELL = re.compile(r"^\|\s*([^|]*?)\s*\|$")
_GROUP_WORDS = {
    "anwesend", "anwesende", "teilnehmende", "teilnehmer", "entschuldigt", "entschuldigte",
    "abwesend", "abwesende", "gäste", "gast", "fehlend", "fehlende",
}  # fmt: skip


# --- the rules, in order --------------------------------------------------------------------


def rule_blank(state: State, line: Line) -> bool:
    """Blank lines separate blocks; they end a participant list and a point's continuation."""
    if line.text.strip():
        return False
    state.blank_before = True
    if state.previous not in ("attendance", "agenda"):
        state.previous = "blank"
    return True


def rule_front_matter(state: State, line: Line) -> bool:
    """YAML front matter: ``title:`` is the title, other keys are metadata or attendance."""
    if not line.hints.front_matter:
        return False
    text = line.text
    stripped = text.strip()
    if stripped.startswith("#"):
        state.meta.append(MetaField("#", stripped[1:].strip(), "other"))
        return True
    if text[:1].isspace() and stripped.startswith("- "):
        value = stripped[2:].strip().strip("\"'")
        if state.attendance is not None:
            state.add_person(
                parse_participant(value), state.attendance.kind, state.attendance.label
            )
        elif state.meta:
            last = state.meta[-1]
            joined = f"{last.value}, {value}" if last.value else value
            state.meta[-1] = replace(last, value=joined)
        return True
    toml = _TOML_KEY.match(stripped) if "=" in stripped.partition(":")[0] else None
    if toml is not None:  # ``title = "…"`` of Hugo's ``+++`` block
        key, value = _toml_table(state) + toml.group(1), toml.group(2).strip().strip("\"'")
    elif stripped[:1] == "[" and stripped.endswith("]"):
        return True  # ``[params]``: a table's name, living on in its keys (``params.image``)
    else:
        key, _, value = stripped.partition(":")
        value = value.strip().strip("\"'")
    if text[:1].isspace():
        key = _nested_key(state, key.strip())
    folded = label_key(key)

    state.attendance = None
    if folded in ("title", "titel") and state.title is None and value and state.title_index < 0:
        state.title, state.title_line = value, line.number
    is_attendance, kind = _attendance_kind(folded)
    if is_attendance:
        if kind is None:
            state.participants_label = key.strip()
        state.attendance = _Attendance(kind, key.strip())
        for name in split_participants(value):
            state.add_person(parse_participant(name), kind, key.strip())
        return True
    state.meta.append(MetaField(key.strip(), value, meta_kind(folded) or "other"))
    return True


def _toml_table(state: State) -> str:
    """``params.`` for a key below ``[params]`` in TOML front matter, else nothing."""
    for line in reversed(state.lines[: state.index]):
        if not line.hints.front_matter:
            break
        text = line.text.strip()
        if text[:1] == "[" and text.endswith("]"):
            return text[1:-1].strip() + "."
    return ""


def _nested_key(state: State, key: str) -> str:
    """``banner:`` and below it ``  image: …``: the key ``banner.image`` (the parent without a
    value of its own is no field: its name lives on in its keys)."""
    last = state.meta[-1] if state.meta else None
    if last is None or last.kind != "other":
        return key
    if not last.value and "." not in last.label:
        state.meta.pop()
        return f"{last.label}.{key}"
    parent, dot, _ = last.label.rpartition(".")
    return f"{parent}.{key}" if dot else key


def rule_title(state: State, line: Line) -> bool:
    """The title: the line the pre-scan chose (any first line, heading or ``Protokoll …``)."""
    if state.index != state.title_index:
        return False
    text = line.text.strip()
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold:
        text = bold.group(1) + bold.group(2)
    state.title = text.strip()
    state.title_line = line.number
    state.previous = "title"
    if label_key(text) in _TITLE_WORDS:
        _title_goes_on(state)
    return True


_TITLE_WORDS = {
    "niederschrift", "protokoll", "ergebnisprotokoll", "sitzungsprotokoll", "verlaufsprotokoll",
    "beschlussprotokoll",
}  # fmt: skip
_TITLE_GOES_ON = re.compile(
    r"^(?:über|der|des|zur|zum|vom|von|am|für)\s+\S"
    r"|^(?:\w*[Ss]itzung|\w*[Vv]ersammlung)\s+(?:des|der|vom|am)\s+\S"
)


def _title_goes_on(state: State) -> None:
    """``Niederschrift`` (often letter-spaced) and, a line or two below, ``über die Sitzung
    des Beirates am 12.06.2024``: one title over two lines. Under a heading ``# Protokoll``,
    a heading one level down that names the meeting (``## Elternabend der Gruppe
    Wiesenzwerge, 24.09.2025``) goes on the title after a dash."""
    if state.meeting_heading is not None:
        below = state.lines[state.meeting_heading]
        state.title = f"{state.title} – {_heading_text(below).strip()}"
        state.skip_until = state.meeting_heading + 1
        return
    index, pattern = state.index + 1, _TITLE_GOES_ON
    for index in range(state.index + 1, min(state.index + 8, len(state.lines))):
        below = state.lines[index]
        text = below.text.strip()
        if not text:
            continue
        plain = _plain(below.hints) or below.hints == _BOLD_ONLY  # (a bold second paragraph)
        if not (plain and len(text) <= 200 and pattern.match(text)):
            return
        state.title = f"{state.title} {text}"
        state.skip_until = index + 1
        if not _OPEN_END.search(text):
            if pattern is _TITLE_MORE:
                continue  # ``mit Neuwahl`` / ``am Montag, 21. Juli 2025 um 19 Uhr``
            pattern = _TITLE_MORE
            continue
        pattern = _TITLE_ENDS  # ``über die Sitzung 1/2025 des`` / ``Samtgemeinderates``


_TITLE_MORE = re.compile(r"^(?:mit|am|vom)\s+(?!.*\s(?:im|in)\s)[^;]{1,60}(?<![.;,])$")
"""A title's further line in lower case, right below it: ``mit Neuwahl``, ``am Montag, 21. Juli
2025 um 19 Uhr`` (each a paragraph of its own under ``über die Jahreshauptversammlung``); not a
session line with its place (``am Dienstag, … um 19:30 Uhr im Sitzungssaal.``)."""
_OPEN_END = re.compile(r"\s(?:des|der|den|dem|vom|von|zur|zum|am|im|für|über)$")
"""A title line that stops in the middle: the next line ends it."""
_TITLE_ENDS = re.compile(r"^[A-ZÄÖÜ][\w.-]*(?:\s+[\w.-]+){0,5}$")


def _meeting_heading(lines: list[Line], title_index: int) -> int | None:
    """The index of the heading right under a title heading ``# Protokoll`` that names the
    meeting (``## Elternabend der Gruppe Wiesenzwerge, 24.09.2025``): part of the title."""
    if not 0 <= title_index < len(lines) or lines[title_index].hints.heading is None:
        return None
    if label_key(_heading_text(lines[title_index]).strip()) not in _TITLE_WORDS:
        return None
    for index in range(title_index + 1, min(title_index + 4, len(lines))):
        if lines[index].text.strip():
            return index if _names_the_meeting(lines[title_index], lines[index]) else None
    return None


def _names_the_meeting(title: Line, below: Line) -> bool:
    """A heading under the title heading that names the meeting (its kind or its date), not a
    section (``## Anwesend``, ``## Tagesordnung``, ``## TOP 1 …``, ``## Begrüßung``)."""
    level, sub = title.hints.heading, below.hints.heading
    if level is None or sub is None or sub <= level:
        return False
    text = _heading_text(below).strip()
    key = label_key(text)
    return (
        0 < len(text) <= 150
        and not _attendance_kind(key)[0]
        and key not in SECTION_MARKERS
        and not _AGENDA_SENTENCE.search(text)
        and not EXPLICIT_ITEM.match(text)
        and not NUMBERED_ITEM.match(text)
        and (bool(MEETING_WORD.search(text)) or bool(find_dates(text)))
    )


def rule_decoration(state: State, line: Line) -> bool:
    """A horizontal rule (``---``, ``***``, ``===``) is markup, not text."""
    text = line.text
    return not (
        line.hints is not NO_HINTS
        or text.lstrip()[:1] not in "=-~*_#+^`."
        or not DECORATION.match(text)
    )


def rule_attendance(state: State, line: Line) -> bool:
    """``Anwesend: A, B (Einrichtung)``, ``### Anwesende``, ``Entschuldigt: C``, ``Gäste:`` …"""
    listed = line.hints.list_level is not None
    if listed and state.attendance is None:
        return _listed_attendance(state, line, line.text.strip())
    text = line.text.strip()
    if (
        line.hints.heading is not None
        or (line.hints.bold and not _label(text))
        or _bare_attendance_label(state, line, text)
    ):
        key = label_key(_heading_text(line))
        is_attendance, kind = _attendance_kind(key)
        if not is_attendance:
            return False
        if line.hints.heading is not None and kind is None and _present_label_below(state):
            # ``## 👥 Teilnehmer`` over ``**Anwesend:**`` and ``**Abwesend:**``: a section
            # heading kept as a paragraph, the labels below name the groups
            return rule_paragraph(state, line)
        label = _heading_text(line).strip("*_ ")
        if kind is None and state.participants_label is None:
            state.participants_label = label
        if kind is not None:
            state.open_group(kind, label)
        following = state.next_line()
        people_below = (
            following is not None
            and _plain(following.hints)
            and not _bullet(following.text)
            and (
                _PERSON_WITH_ROLE.match(following.text.strip()) is not None
                or ("," in following.text and _names_line(following.text.strip()) is not None)
            )
        )  # ``Teilnehmer`` / ``Aylin Çetin (Familienhebamme)`` one a line, or a comma line
        state.attendance = _Attendance(
            kind,
            label,
            heading=line.hints.heading is not None or _plain(line.hints),
            level=line.hints.heading,
            entries_only=_plain(line.hints) and not people_below,
        )
        state.previous = "attendance"
        return True
    bullet = _bullet(line.text) if state.attendance is None else None
    if bullet:
        return _listed_attendance(state, line, (bullet.group(3) or "").strip())
    parsed = _label(text)
    if parsed is None and " anwesend:" in text[:80]:
        # ``Von den geladenen Mitgliedern sind anwesend:``: a label too long for :data:`LABEL`
        end = text.index(" anwesend:") + len(" anwesend")
        parsed = (text[:end], None, text[end + 1 :].strip())
    long_label = _LONG_LABEL.match(text) if parsed is None and "nwesend" in text[:80] else None
    if long_label and _attendance_kind(label_key(long_label.group(1)))[0]:
        # ``Sonstige anwesende stimmberechtigte Studierende: …``: too long for :func:`_label`
        parsed = (long_label.group(1), long_label.group(2), (long_label.group(3) or "").strip())
    if parsed is None:
        return False
    label, sub, value = parsed
    if _SEE_ELSEWHERE.match(value) or _HEAD_COUNT.match(value) or _head_counts(value):
        return False  # ``Anwesend: siehe Anwesenheitsliste``, ``Teilnehmer*innen: 19``: no names
    is_attendance, kind = _attendance_kind(label_key(label))
    if not is_attendance:
        return _group_after_attendance(state, line, label, sub, value)
    if sub is not None and kind is None and _HEAD_COUNT_SUB.fullmatch(sub.strip()):
        label = f"{label} ({sub})"  # ``Teilnehmende (12):``: how many, not a group's name
    elif sub is not None:
        kind_of_sub = _attendance_kind(label_key(sub))
        if kind is None and not kind_of_sub[0]:
            kind, label = "present", sub
        elif kind is None and kind_of_sub[0]:
            label, kind = sub, kind_of_sub[1] or "present"
        else:
            label = f"{label} ({sub})"
    if kind == "absent" and value.endswith("entschuldigt)") and _ALL_EXCUSED.search(value):
        kind = "excused"  # ``Abwesend: A, B, C (alle entschuldigt)``
    if kind is None:
        if state.participants and state.participants_label is not None:
            state.note(line, "Teilnehmende sind schon einmal angegeben; die Liste wird ergänzt.")
        if state.participants_label is None:
            state.participants_label = label
    # A label without names (``Anwesend:``) opens a list that may follow after a blank line.
    # Names given on the line close it, unless an attendance heading above (``### Anwesend``)
    # holds the lists below it together.
    heading = not value or (
        state.attendance is not None
        and state.attendance.heading
        and state.attendance.level is not None
    )
    state.attendance = _Attendance(kind, label, heading=heading)
    if kind is not None:
        state.open_group(kind, label)
    for name in split_participants(value):
        _add_listed(state, name, kind, label)
    state.previous = "attendance"
    return True


_HEAD_COUNT_SUB = re.compile(
    r"\d{1,4}(?:\s+(?:Personen|Teilnehmende|Mitglieder|Anwesende))?"
    r"|(?:lt\.|laut|s\.|siehe|gem\.|gemäß|vgl\.)\s.{0,40}"
)
"""The brackets of ``Teilnehmende (12):``, ``Anwesend (8 Personen):`` or ``Teilnehmer (lt. Liste,
s. Anlage):``: a head count or a reference, not the name of a group."""


def _present_label_below(state: State) -> bool:
    """True when the next line is a label of those present without names (``Anwesend:``)."""
    below = state.next_line()
    if below is None or below.hints.heading is not None or below.hints.list_level is not None:
        return False
    parsed = _label(below.text.strip())
    return parsed is not None and not parsed[2] and label_key(parsed[0]) in PRESENT_LABELS


def _bare_attendance_label(state: State, line: Line, text: str) -> bool:
    """``Anwesend`` alone on a line before the first item, the names in a list right below it
    (a wiki page whose headings were lost)."""
    if not _plain(line.hints) or ":" in text or len(text) > 30:
        return False
    if state.section != "front" and (len(state.items) > 1 or state.section == "back"):
        return False  # (under the first item too: a template's ``Ziel des Treffens`` above)
    if not _attendance_kind(label_key(text))[0]:
        return False
    index = state.index + 1
    following = state.lines[index] if index < len(state.lines) else None
    if following is None or not following.text.strip():
        return False
    bullet = _bullet(following.text)
    entry = (bullet.group(3) or "") if bullet else following.text
    if not bullet and _plain(following.hints) and _PERSON_WITH_ROLE.match(entry.strip()):
        person = parse_person(entry.strip(), state.known)
        return person is not None and person.affiliation is not None  # ``Aylin Çetin (Hebamme)``
    if not bullet and _plain(following.hints) and "," in entry:
        names = _names_line(entry.strip())  # ``Anna Berg, Tom Kurz, Uwe Sand und Lea Wolf``
        return names is not None and len(names) >= 2
    return bool(bullet or following.hints.list_level is not None) and (
        entry.strip() in ("–", "-", "") or _names_line(entry.strip()) is not None
    )


_ALL_EXCUSED = re.compile(r"\((?:alle|beide|jeweils)\s+entschuldigt\)$")
"""``(alle entschuldigt)`` after a list of those absent: they are excused."""
_PERSON_WITH_ROLE = re.compile(r"^[^\W\d][^()]{2,60}\([^()]{1,80}\)$")


_HEAD_COUNT = re.compile(
    r"^(?:ca\.\s*|circa\s+|etwa\s+|rund\s+)?\d{1,4}(?:\s+[^\W\d]+(?:\*innen)?)?\s*\.?$"
)
"""``19``, ``ca. 40 Personen``: how many came, not who."""
_COUNT_SEPARATOR = re.compile(r"[,;]\s*|(?<!\s)\s+(?:[,;]\s*|(?:und|sowie)\s+)")
"""Tried once per run of spaces (``\\s*[,;]`` from every space of a long run took seconds)."""


def _head_counts(value: str) -> bool:
    """``16 Mitglieder, 2 Gäste.``: counts of those who came, by group – no names."""
    parts = [part for part in _COUNT_SEPARATOR.split(value.strip()) if part]
    return len(parts) >= 2 and all(_HEAD_COUNT.match(part) for part in parts)


_SEE_ELSEWHERE = re.compile(r"^(?:siehe|s\.|vgl\.|laut|lt\.|gem\.|gemäß)\s", re.IGNORECASE)


def _group_after_attendance(
    state: State, line: Line, label: str, sub: str | None, value: str
) -> bool:
    """``QM: Frau Okafor, Herr Tamm`` before the first item: a group of those present, named
    by an unknown label, when every entry is a person (``Herr``/``Frau``/a participant)."""
    if not value and sub is None and state.attendance is not None:
        return _more_present(state, label)  # right after a list of those present
    if sub is None and _role_group(state, label, value):
        return True
    if (
        state.section != "front"
        or state.items
        or sub is not None
        or not value
        or len(label.split()) > 2
        or meta_kind(label_key(label)) is not None
    ):
        return False
    names = _names_line(value)
    if names is None or not all(_TITLED.match(name) or state.known.knows(name) for name in names):
        return False
    kind: AttendanceKind = "guests" if _others_label(label) else "present"
    state.open_group(kind, label)
    for name in names:
        _add_listed(state, name, kind, label)
    state.previous = "attendance"
    return True


def _others_label(label: str) -> bool:
    """``Außerdem:``, ``Ferner anwesend:`` under the members: others there (guests)."""
    words = label_key(label).split()
    return bool(words) and words[0] in _MORE_PRESENT and words[1:] in ([], ["anwesend"])


_TITLED = re.compile(r"^(?:Herr|Frau|Dr\.|Prof\.)\s+[A-ZÄÖÜ]")


def _role_group(state: State, label: str, value: str) -> bool:
    """``Von den geladenen Mitgliedern sind anwesend:`` and below it ``Der Vorsitzende: Markus
    Engelhardt``, ``Die Ratsmitglieder: A, B, C``: people of the open attendance list named
    under their office (also right after ``Entschuldigt fehlen: …``). A chair or minute taker
    stays metadata too."""
    attendance = state.attendance
    if (
        attendance is None
        or not (attendance.heading or state.previous == "attendance")
        or state.section != "front"
        or state.items
        or not _office_label(label)
    ):
        return False
    kind = meta_kind(label_key(label))
    if kind in ("chair", "minute_taker") and attendance.kind in ("absent", "excused"):
        return False  # ``Meeting-Leiter: …`` below ``Abwesend:``: who led was there
    names = _names_line(value)
    if names is None:
        return False
    words = label.split()
    role = " ".join(words[1:] if words[0] in ("Der", "Die", "Das") else words)
    for name in names:
        person = parse_participant(name.strip())
        if person.affiliation is None:
            person = Person(person.name, role)
        if not state.listed_again(person, attendance.kind, attendance.label):
            state.add_person(person, attendance.kind, attendance.label)
    if kind in ("chair", "minute_taker"):
        state.meta.append(MetaField(label, value, kind))
    state.previous = "attendance"
    return True


def _office_label(label: str) -> bool:
    """``Der Vorsitzende``, ``Erste Beigeordnete``, ``Die Ratsmitglieder``, ``Schriftführerin``:
    an office (or its plural), with an article or an ordinal before it."""
    words = label.split()
    if not 1 <= len(words) <= 3:
        return False
    last = words[-1]
    return role_word(last) or (last.endswith("er") and role_word(last[:-2]))


def _listed_attendance(state: State, line: Line, entry: str) -> bool:
    """A list entry with an attendance label (``* Anwesend: A, B, C (Gast)``) before the first
    item or in the first one: the attendance, like the label line it stands for."""
    if len(state.items) > 1 or state.attendance is not None or line.hints.heading is not None:
        return False
    parsed = _label(entry)
    if parsed is None or not parsed[2] or parsed[1] is not None:
        return False
    label, _sub, value = parsed
    is_attendance, kind = _attendance_kind(label_key(label))
    if not is_attendance or _names_line(value) is None or any(c.isdigit() for c in value):
        return False
    if state.items and state.items[-1].blocks:
        return False  # the first item has content already: an ordinary entry
    if kind is None:
        if state.participants_label is None:
            state.participants_label = label
        elif state.participants:
            return False  # participants named already: an ordinary entry
    else:
        state.open_group(kind, label)
    for name in split_participants(value):
        _add_listed(state, name, kind, label)
    state.previous = "attendance"
    return True


_PREFIX_GROUP = re.compile(r"^\(([^()]{2,30})\)\s+(\S.*)$")


def _add_listed(state: State, text: str, kind: AttendanceKind | None, label: str) -> None:
    """One entry of an attendance list: ``Name``, ``Name (Rolle)``, ``(Gast) Ben``."""
    text = text.strip().strip("*_").strip()
    if ") " in text and _names_after_a_role(state, text):
        for entry in _ROLE_THEN_NAME.split(text):  # ``A (Kita-Leitung) B``: two people
            _add_listed(state, entry, kind, label)
        return
    prefix = _PREFIX_GROUP.match(text) if text[:1] == "(" else None
    if prefix:
        is_attendance, group_kind = _attendance_kind(label_key(prefix.group(1)))
        if is_attendance and group_kind is not None:
            state.add_person(parse_participant(prefix.group(2)), group_kind, prefix.group(1))
            return
    if not text:
        return
    status = _DASH_STATUS.match(text) if ("–" in text or " -" in text) else None
    if status:
        is_attendance, group_kind = _attendance_kind(label_key(status.group(2)))
        if is_attendance and group_kind is not None and group_kind != kind:
            # ``Miriam Abendroth – entschuldigt`` in a list of those absent: excused
            state.add_person(parse_participant(status.group(1)), group_kind, status.group(2))
            return
        name, reason = status.group(1).strip(), status.group(2).strip()
        current = state.lines[state.index]
        alone = current.hints.list_level is not None or _bullet(current.text) is not None
        if alone and looks_like_name(name) and len(name.split()) <= 3:
            # one entry a list line: ``Katja Brenner - Koordination``, the role after the dash
            if kind == "absent" and label_key(reason) in _EXCUSES:
                # ``Sabine Roth - krank`` under ``Abwesend``: a reason given, so excused
                state.add_person(Person(name, reason), "excused", "Entschuldigt")
                return
            state.add_person(Person(name, reason), kind, label)
            return
    role = _ROLE_LABEL.match(text) if ":" in text else None
    if role and role_word(role.group(1)):
        # ``Schriftführerin: Frau Bräuninger`` as an entry of the list
        state.add_person(Person(role.group(2), role.group(1)), kind, label)
        return
    only = _ONLY_AT.match(text) if text.startswith(("bei ", "zu ", "ab ")) else None
    if only:
        # ``bei TOP 2 Frau Schaible (Kreisjugendamt)``: there for one item
        person = parse_participant(only.group(2))
        extra = f"{person.affiliation}, {only.group(1)}" if person.affiliation else only.group(1)
        state.add_person(Person(person.name, extra), kind, label)
        return
    two = _two_names(state, text)
    if two is not None:
        line = state.lines[state.index]
        state.note(line, f"„{_short(text)}“ als zwei Personen gelesen (zwei Spalten einer Liste).")
        for name in two:
            state.add_person(parse_participant(name), kind, label)
        return
    person = parse_participant(text)
    if kind is None and person.affiliation and len(person.affiliation) <= 20:
        # ``Pia (Gast)`` in the list of those present: a guest
        is_attendance, group_kind = _attendance_kind(label_key(person.affiliation))
        if is_attendance and group_kind is not None:
            state.add_person(Person(person.name), group_kind, person.affiliation)
            return
    state.add_person(_name_dash_body(person), kind, label)


_NAME_DASH = re.compile(r"^(\S.{1,40}?)\s+[–-]\s+(\S.{0,60})$")


def _name_dash_body(person: Person) -> Person:
    """``Melanie Brandt – Spatzengruppe (Vorsitzende)``: the name before the dash, the group or
    body after it with the role (``Spatzengruppe, Vorsitzende``); anything else as it is."""
    match = _NAME_DASH.match(person.name) if "-" in person.name or "–" in person.name else None
    if match is None:
        return person
    name, body = match.group(1).strip(), match.group(2).strip()
    words = name.split()
    if not (1 < len(words) <= 4) or "(" in body or ")" in body:
        return person
    if not (words[0] in ("Frau", "Herr", "Dr.") or looks_like_name(name)):
        return person
    affiliation = ", ".join(part for part in (body, person.affiliation) if part)
    return Person(name, affiliation, person.form)


_EXCUSES = frozenset((
    "krank", "erkrankt", "krankheit", "urlaub", "im urlaub", "beruflich", "beruflich verhindert",
    "privat", "privat verhindert", "dienstlich", "dienstlich verhindert", "dienstreise",
))  # fmt: skip
"""Reasons after a name in a list of those absent: they were excused."""
_DASH_STATUS = re.compile(r"^(\S.{1,60}?)\s+[–—-]\s+([^\W\d][\w ]{2,24})$")
_ROLE_LABEL = re.compile(r"^([^\W\d][\w/]{3,30}):\s+((?:Herrn?|Frau|Dr\.)\s+\S.{1,40})$")
_ONLY_AT = re.compile(
    r"^((?:bei|zu|ab)\s+TOP\s+\d{1,2}(?:\.\d{1,2})?)\s+((?:Herrn?|Frau)\s+\S.{1,60})$"
)
"""``Name – entschuldigt``: a person and how they attend, after a dash."""
_ABOUT = re.compile(r"^(?:ca\.|circa|etwa|rund|ungefähr|über|knapp|mehr als)\s", re.IGNORECASE)


_INITIAL_END = re.compile(r"(?<=[^\W\d_]\s)[A-ZÄÖÜ]\.$")
"""``Hannes K.``: a first name and the initial of the surname, as student minutes write them."""


def _names_line(text: str) -> list[str] | None:
    """The names of a line that lists people, or None when the line says something else."""
    parts = split_participants(text)
    if not parts or len(text) > 600:
        return None
    for part in parts:
        person = parse_participant(part.strip("*_ "))
        name = person.name.strip()
        prefix = _PREFIX_GROUP.match(name) if name[:1] == "(" else None
        if prefix:
            name = prefix.group(2)
        if not name or len(name) > 50 or name.endswith(("!", "?")):
            return None
        if name.endswith(".") and not _INITIAL_END.search(name):
            return None  # (a sentence's end; ``Ronja P.``: a surname's initial)
        words = name.split()
        if len(words) > 5:
            return None
        if name[:1].isdigit() and not _COUNT_AND_WORD.fullmatch(name):
            return None
        if _ABOUT.match(name):
            return None  # ``ca. 10 Bürger``: a count, not a name
        if not (looks_like_name(name) or name.startswith("@") or _SHORT_WORDS.fullmatch(name)):
            dashed = _DASH_STATUS.match(name) if "–" in name or "—" in name else None
            if not (dashed and looks_like_name(dashed.group(1).strip())):
                return None  # (``Lena Ohm – Kasse``: a name and her role after a dash)
    return parts


def _attendance_subheading(state: State, line: Line, open_list: _Attendance) -> bool:
    """``##### Team`` under ``### Anwesenheit`` with names below it: a group of those present
    (or of the open list's kind), labelled with the heading."""
    level = line.hints.heading
    text = line.text.strip().strip("*_ ").rstrip(":").strip()
    if (
        open_list.level is None
        or level is None
        or level <= open_list.level
        or not text
        or len(text) > 40
        or len(text.split()) > 4
        or EXPLICIT_ITEM.match(text)
        or HEADING_NUMBER.match(text)
    ):
        return False
    following = state.next_line()
    if following is None or following.hints.heading is not None:
        return False
    entry = following.text.strip()
    bullet = _bullet(following.text) if following.hints.list_level is None else None
    if bullet:
        entry = (bullet.group(3) or "").strip()
    if _label(entry) is not None or _names_line(entry) is None:
        return False
    kind: AttendanceKind = open_list.kind or "present"
    state.open_group(kind, text)
    state.attendance = _Attendance(kind, text, heading=True, level=open_list.level)
    state.previous = "attendance"
    return True


_LEGEND = re.compile(r"^\(([^()]{3,40})\)$")


def _legend_or_sublabel(state: State, text: str) -> bool:
    """In a list of names on lines of their own: ``(verhindert waren)`` says that the names
    in brackets below are excused; ``Verwaltung:`` with names below is a group."""
    legend = _LEGEND.match(text)
    if legend:
        is_attendance, kind = _attendance_kind(label_key(legend.group(1)))
        if not is_attendance or kind is None:
            return False
        state.bracketed = (kind, legend.group(1))
        state.open_group(kind, legend.group(1))
        state.previous = "attendance"
        return True
    parsed = _label(text)
    if parsed is None or parsed[2] or parsed[1] is not None or len(parsed[0].split()) > 3:
        return False
    following = state.next_line()
    if following is None or not _plain(following.hints):
        return False
    entry = following.text.strip()
    if _label(entry) is not None or (
        _names_line(entry) is None and not _NAME_WITH_ROLE.match(entry)
    ):
        return False
    label = parsed[0]
    is_attendance, kind = _attendance_kind(label_key(label))
    group_kind: AttendanceKind = kind if is_attendance and kind is not None else "present"
    if _others_label(label):
        group_kind = "guests"
    state.open_group(group_kind, label)
    state.attendance = _Attendance(group_kind, label, heading=True, level=None)
    state.previous = "attendance"
    return True


_LETTERED = re.compile(r"^(?:[a-h][.)]|[A-H]\)|\d{1,2}\))\s+([^\d:,;]{2,50}?)\s*:?\s*$")


def _lettered_group(state: State, line: Line, entry: str, open_list: _Attendance) -> bool:
    """``a) Mitglieder der Bezirksvertretung:`` under ``Anwesend:``: a group of those present
    whose names follow on the next lines."""
    if line.hints.list_level is not None:
        return False
    if open_list.kind not in (None, "present") and not state.lettered:
        return False
    match = _LETTERED.match(entry)
    if match is None:
        return False
    state.lettered = True
    label = match.group(1).strip()
    is_attendance, kind = _attendance_kind(label_key(label))
    group_kind: AttendanceKind = kind if is_attendance and kind is not None else "present"
    state.open_group(group_kind, label)
    state.attendance = _Attendance(group_kind, label, heading=True, level=open_list.level)
    state.previous = "attendance"
    return True


def _own_present_label(open_list: _Attendance, label: str) -> bool:
    """``==== Anwesenheit ====`` / ``* Anwesende Mitglieder: A, B``: an entry under an
    attendance heading that names those present with a label of its own keeps that label (as a
    group of those present), so that neither the heading's word nor the entry's is lost."""
    return (
        open_list.heading
        and open_list.kind is None
        and label_key(label) != label_key(open_list.label)
    )


def rule_attendance_continued(state: State, line: Line) -> bool:
    """The names after an attendance label or heading: comma lines, one per line, bullets,
    table rows, sub-groups (``Gäste: …``, ``- Vorstand: A, B``)."""
    open_list = state.attendance
    if open_list is None:
        return False
    if line.hints.heading is not None or line.hints.title:
        if _attendance_subheading(state, line, open_list):
            return True
        state.attendance = None
        return False
    text = line.text.strip()
    cells = line.hints.table_row
    if cells and (line.hints.table_header or _column_heads(cells)):
        # ``Name | Bekannt aus``, ``Name | Einrichtung``: the column heads are kept as the
        # line they are (nothing of the input is lost); the rows below are the people
        return rule_paragraph(state, line)
    if not cells and open_list.heading and _office_line(state, text, open_list):
        return True
    if not cells and _numbered_columns(state, line, open_list):
        return True
    if not cells and open_list.heading and _names_after_a_role(state, text):
        _add_listed(state, text, open_list.kind, open_list.label)  # (no item title: names)
        state.previous = "attendance"
        return True
    if not cells and (_item_of(state, line) is not None or label_key(text) in AGENDA_LABELS):
        state.attendance = None  # an item or ``Tagesordnung`` alone: the names are over
        return False
    if cells:
        name = cells[0].strip()
        affiliation = " – ".join(c.strip() for c in cells[1:] if c.strip())
        if name:
            state.add_person(Person(name, affiliation or None), open_list.kind, open_list.label)
        return True
    if not state.blank_before and _role_broken_off(state, open_list, text):
        state.previous = "attendance"
        return True
    if state.blank_before and not open_list.heading:
        if _aligned_entry(state, line):
            _add_listed(state, text, open_list.kind, open_list.label)
            state.previous = "attendance"
            return True
        state.attendance = None
        return False
    if open_list.entries_only and line.hints.list_level is None and not _bullet(line.text):
        state.attendance = None
        return False
    if open_list.heading and line.hints.list_level is None and _legend_or_sublabel(state, text):
        return True
    bullet = _bullet(line.text)
    if line.hints.list_level is not None:
        entry = text
    elif bullet:
        entry = (bullet.group(3) or "").strip()
        if not entry:  # ``-`` alone between two names: skipped as under an item
            state.note(line, "Leerer Punkt übersprungen.")
            return True
    else:
        cell = _ONE_CELL.match(text) if text[:1] == "|" else None
        entry = cell.group(1) if cell else text  # ``| Paula |``: a table row of one cell
    if _lettered_group(state, line, entry, open_list):
        return True
    parsed = _label(entry)
    if parsed and not parsed[2] and _more_present(state, parsed[0]):
        return True
    if parsed and parsed[2]:
        label, _sub, value = parsed
        is_attendance, kind = _attendance_kind(label_key(label))
        names = _names_line(value)
        if names is not None and (
            is_attendance
            or (bullet or line.hints.list_level is not None)
            or label.startswith(("vom ", "von ", "für "))  # ``vom Vorstand: Ilse Brandt``
        ):
            group_kind: AttendanceKind | None = kind if is_attendance else "present"
            if is_attendance and kind is None:
                if _own_present_label(open_list, label):
                    group_kind = "present"
                else:
                    group_kind, label = (open_list.kind, open_list.label)
            for name in names:
                _add_listed(state, name, group_kind, label if group_kind else open_list.label)
            state.previous = "attendance"
            return True
        state.attendance = None
        return False
    if bullet or line.hints.list_level is not None:
        if open_list.roles is None:
            open_list.roles = _entries_with_roles(state)
        if open_list.roles:
            name, _, role = entry.partition(", ")
            if looks_like_name(name.strip()) and len(name.split()) <= 3:
                person = Person(name.strip(), role.strip() or None)
                state.add_person(person, open_list.kind, open_list.label)
                state.previous = "attendance"
                return True
        names = _names_line(entry)
        if names is None:
            state.attendance = None
            return False
        if not _name_and_role(state, entry, names, open_list):
            for name in names:
                _add_listed(state, name, open_list.kind, open_list.label)
        state.previous = "attendance"
        return True
    if state.bracketed is not None and entry.startswith("("):
        inner = _BRACKETED_NAME.match(entry)  # ``(Bezirksratsherr Deppe) (Piraten)``
        if inner:
            kind, label = state.bracketed
            state.add_person(Person(inner.group(1), inner.group(2)), kind, label)
            state.previous = "attendance"
            return True
    if _two_names(state, entry) is not None:
        _add_listed(state, entry, open_list.kind, open_list.label)
        state.previous = "attendance"
        return True
    names = _names_line(entry)
    if (
        names is not None
        and len(names) == 1
        and not looks_like_name(parse_participant(names[0]).name)
        and _NAME_WITH_ROLE.match(entry)
    ):
        names = None  # ``Uwe Graf ab TOP 2``: a name and what follows it, tried below
    if names is None and open_list.heading and _SEVERAL_IN_BRACKETS.match(entry):
        # ``Frau Nolte (Grüne) Herr Ohlsen (SPD)``: two columns run together
        for name, affiliation in _ONE_IN_BRACKETS.findall(entry):
            state.add_person(Person(name.strip(), affiliation), open_list.kind, open_list.label)
        state.previous = "attendance"
        return True
    extra = _NAME_PARENS_EXTRA.match(entry) if names is None and open_list.heading else None
    if extra and plausible_name(extra.group(1), state.known):
        # ``Bezirksratsfrau Lüders (SPD) 19.00 - 20.30 Uhr``
        affiliation = f"{extra.group(2)}, {extra.group(3)}"
        state.add_person(Person(extra.group(1), affiliation), open_list.kind, open_list.label)
        state.previous = "attendance"
        return True
    if names is None and open_list.heading and state.section == "front":
        named = _NAME_WITH_ROLE.match(entry)  # ``Uwe Grabowski ab TOP 5.1``
        if (
            named
            and not entry.endswith((".", "!", "?", ":"))
            and plausible_name(named.group(1), state.known)
            and find_date(entry) is None
        ):
            role = _LEADING_DASH.sub("", named.group(2).strip()) or named.group(2).strip()
            person = Person(named.group(1), role)  # (``Scholz - Samtgemeinde``: no dash kept)
            state.add_person(person, open_list.kind, open_list.label)
            state.previous = "attendance"
            return True
    if names is None or NUMBERED_ITEM.match(entry) or EXPLICIT_ITEM.match(entry):
        state.attendance = None
        return False
    if open_list.heading and _name_and_role(state, entry, names, open_list):
        return True
    if _name_broken_off(state, open_list, names[0]):
        names = names[1:]
    for name in names:
        _add_listed(state, name, open_list.kind, open_list.label)
    state.previous = "attendance"
    return True


_NAME_END = re.compile(r"\s[–-]\s|,|\(")
"""Where a name in an attendance entry ends: a spaced dash, a comma or a bracket."""


def _numbered_columns(state: State, line: Line, open_list: _Attendance) -> bool:
    """``Anwesend waren:`` / ``1.)      Bürgermeister        Ing. Johann Eder`` /
    ``4.)         "        "             Karl Steiner``: a numbered list of office and name in
    columns (wide gaps; the ditto marks are gone by now), blank lines or none between them,
    counting from 1 under the label. The name column is the person, the office their role
    (True: taken)."""
    text = line.text.strip()
    if not _plain(line.hints) or not text[:1].isdigit():
        return False
    match = _NUMBERED_COLUMNS.match(text)
    if match is None:
        return False
    number = int(match.group(1))
    counted = open_list.numbered if number > 1 else 0
    if number != counted + 1 or (number == 1 and state.previous != "attendance"):
        return False
    office, name = match.group(2), match.group(3)
    person = parse_participant(name)
    if not looks_like_name(person.name) or len(person.name.split()) > 5:
        return False
    if office and not person.affiliation:
        person = Person(person.name, " ".join(office.split()))
    state.add_person(person, open_list.kind, open_list.label)
    open_list.numbered = number
    state.previous = "attendance"
    return True


def _aligned_entry(state: State, line: Line) -> bool:
    """``Anwesende:   Melanie Brandt – Spatzengruppe`` / blank / ``                    Jana Köhler –
    Igelgruppe``: names indented under the label's value, a blank line between each (Word's
    paragraph spacing, typed out): the list goes on."""
    text = line.text.strip()
    if not _plain(line.hints) or state.previous != "attendance":
        return False
    if len(text) > 90 or text.endswith((".", ":", "!", "?")) or _bullet(line.text):
        return False
    name = _NAME_END.split(text, maxsplit=1)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 4:
        return False
    if words[0] in ("Frau", "Herr"):
        return len(words) >= 2  # ``  Frau Ilse  B r o c k m ö l l e r`` under the label
    return line.text.startswith("    ") and (words[0] == "Dr." or looks_like_name(name))


def _name_broken_off(state: State, open_list: _Attendance, first: str) -> bool:
    """``Teilnehmende: …, Ilona`` / ``Eckhardt, Kay-Sören Engler``: a comma list wrapped
    inside a name (the line above ends without a comma and its last entry is one bare word):
    the first word of this line completes that name (True: it was added to it)."""
    above = state.lines[state.index - 1] if state.index > 0 else None
    if above is None or above.hints != NO_HINTS or "," not in above.text:
        return False  # (one name per line: every line a whole name)
    if above.text.rstrip().endswith((",", ";")):
        return False
    if not _BARE_WORD.fullmatch(first.strip()):
        return False
    last = state.last_person(open_list.kind, open_list.label)
    if last is None or last.affiliation or not _BARE_WORD.fullmatch(last.name):
        return False
    if not above.text.rstrip().endswith(last.name):
        return False
    whole = replace(last, name=f"{last.name} {first.strip()}")
    state.replace_last_person(open_list.kind, open_list.label, whole)
    return True


def _role_broken_off(state: State, open_list: _Attendance, text: str) -> bool:
    """``…, Frau Cordes`` / ``(Jugendamt, Protokoll)``: a comma list wrapped before the last
    name's brackets – they are that person's (True: they were added). So is a role in brackets
    on the line below one entry of a list (``Herr E. Brandl`` / ``(1. Vorsitzender)``: a line
    break typed inside a Word list entry)."""
    if not (text.startswith("(") and text.endswith(")")) or text.count("(") != 1:
        return False
    above = state.lines[state.index - 1] if state.index > 0 else None
    if above is None or above.text.rstrip().endswith((",", ";", ")")):
        return False
    if "," not in above.text and not (
        above.hints.list_level is not None and _role_in_brackets(text[1:-1])
    ):
        return False
    last = state.last_person(open_list.kind, open_list.label)
    if last is None or last.affiliation or not above.text.rstrip().endswith(last.name):
        return False
    state.replace_last_person(
        open_list.kind, open_list.label, replace(last, affiliation=text[1:-1])
    )
    return True


def _role_in_brackets(inner: str) -> bool:
    """``1. Vorsitzender``, ``Kassiererin``: a short bracket that names an office (not ``siehe
    Anlage``)."""
    words = inner.replace(".", " ").split()
    return 0 < len(words) <= 4 and any(role_word(w) for w in words)


_BARE_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")
"""One capitalised word (a first or a last name alone)."""


_PAIR_LABEL = re.compile(r"^\s*([^\W\d][\w.-]*),\s+([^\W\d][\w.-]*)\s*:\s+(\S.*)$")


def rule_meta_pair(state: State, line: Line) -> bool:
    """``Raum, Ort: Bürgerhaus``, ``Datum, Uhrzeit: …``: two metadata words joined by a comma
    label one value (the place when one of them names it)."""
    if state.section != "front" or not _plain(line.hints) or ", " not in line.text[:30]:
        return False
    match = _PAIR_LABEL.match(line.text)
    if match is None:
        return False
    kinds = [meta_kind(label_key(match.group(i))) for i in (1, 2)]
    if kinds[0] is None or kinds[1] is None:
        return False
    kind: MetaKind = "place" if "place" in kinds else kinds[0]
    label = f"{match.group(1)}, {match.group(2)}"
    state.meta.append(MetaField(label, match.group(3).strip(), kind))
    state.previous = "meta"
    return True


_ATTENDANCE_ROLES = frozenset((
    "mitglieder", "ortsvorsteher", "ortsvorsteherin", "vorsitz", "vorsitzende", "vorsitzender",
    "schriftführung", "schriftführer", "schriftführerin", "protokoll", "protokollführung",
    "verwaltung", "beratende mitglieder", "stimmberechtigte mitglieder", "ratsmitglieder",
    "stadtverordnete", "bürgermeister", "bürgermeisterin", "beigeordnete", "beigeordneter",
    "sitzungsleitung", "vertreter der verwaltung", "von der verwaltung",
))  # fmt: skip
"""Role and group lines without colon inside an attendance list (``Anwesend:`` / ``Ortsvorsteher`` /
``Herr Klaus Mewes`` / ``Mitglieder`` / …): the group of the names below, never a name."""
_PERSON_LINE = re.compile(r"^(?:(?:Herr|Frau|Dr\.|Prof\.)\s+)+[A-ZÄÖÜ][\w\-]+")


def rule_attendance_role(state: State, line: Line) -> bool:
    """In an open attendance list of one name a line: a role or group line (``Mitglieder``,
    ``Schriftführung``) over ``Herr/Frau`` names opens that group (of the list's kind); a part
    heading (``Öffentliche Sitzung``) ends the list."""
    open_list = state.attendance
    if open_list is None or not _plain(line.hints):
        return False
    text = line.text.strip()
    if "ffentlich" in text and PART.match(text.strip("*_ ")):
        state.attendance = None  # the minutes' public part begins
        return False
    key = label_key(text.rstrip(":"))
    if key not in _ATTENDANCE_ROLES or text.endswith(":"):
        return False
    following = state.next_line()
    if following is None or not _plain(following.hints):
        return False
    if not _PERSON_LINE.match(following.text.strip()):
        return False
    kind: AttendanceKind = open_list.kind or "present"
    label = text if kind == "present" else f"{open_list.label.split(' (')[0]} ({text})"
    state.open_group(kind, label)  # (``Entschuldigt (Mitglieder)``: as the text layout writes it)
    state.attendance = _Attendance(kind, label, heading=True)
    state.previous = "attendance"
    return True


_ROW_TITLES = {
    "herr", "frau", "dr.", "hr.", "fr.", "stadtrat", "stadträtin", "ratsherr", "ratsfrau",
    "gemeinderat", "gemeinderätin", "bürgermeister", "bürgermeisterin", "ortsvorsteher",
    "ortsvorsteherin",
}  # fmt: skip
"""A table cell of its own before the name cell: the salutation or office (``Frau | Bayer``)."""

_PRESENCE_MARKS: dict[str, AttendanceKind | None] = {
    "x": None, "ja": None, "✓": None, "✔": None,
    "e": "excused", "entsch.": "excused", "entschuldigt": "excused",
    "-": "absent", "–": "absent", "nein": "absent", "✗": "absent",
}  # fmt: skip
"""The first cell of a presence table (``| x | Merle | Hansen |``): present, excused, absent."""

_PERSON_COLUMNS = {
    "name", "namen", "vorname", "nachname", "person", "teilnehmende", "teilnehmer", "wer",
    "einrichtung", "institution", "organisation", "funktion", "rolle", "verein", "träger",
    "partei", "fraktion", "amt", "bereich", "nr", "nr.", "",
}  # fmt: skip
"""The column heads of an attendance table that the people below it stand for."""
_PRESENCE_HEADERS = {"anwesend", "anwesenheit", "da", "status"}


def _column_heads(cells: tuple[str, ...]) -> bool:
    """``Name | Einrichtung`` as a table's first row without a header mark (a Word table whose
    heads are only bold): the heads of an attendance table's columns, not a person."""
    first = cells[0].strip().strip("*_ ").lower() if cells else ""
    return first in ("name", "namen", "teilnehmende", "teilnehmer", "person", "wer") and all(
        label_key(c.strip().strip("*_ ")) in _PERSON_COLUMNS for c in cells
    )


def _row_person(cells: tuple[str, ...], group: str = "") -> Person | None:
    """The person in a table row's cells after the label cell: ``Herr | Celik`` is ``Herr
    Celik``; further cells and the group of the rows above (``SPD``) are the affiliation."""
    rest = [c.strip() for c in cells if c.strip()]
    if not rest:
        return None
    if len(rest) >= 2 and rest[0].lower() in _ROW_TITLES:
        name, more = f"{rest[0]} {rest[1]}", rest[2:]
    else:
        name, more = rest[0], rest[1:]
    affiliation = " – ".join([*([group] if group else []), *more])
    return Person(name, affiliation or None)


def rule_attendance_table(state: State, line: Line) -> bool:
    """Attendance as a table with a label column (Word): ``Teilnehmende: | |``, ``SPD: | Stadtrat
    | Ohnmacht`` (a group of the rows below), `` | Herr | Celik`` (no label: the group above),
    ``entschuldigt fehlen: | …``, ``Protokollführung: | Herr | Sauter`` (metadata: the list
    ends); a presence table whose first column holds marks (``| x | Merle | Hansen |``, ``e``
    excused, ``-`` absent). A row is never dropped: its cells are a person or metadata."""
    cells = line.hints.table_row
    if not cells:
        return False
    if line.hints.table_header:
        return _presence_header(state, line)
    if state.attendance is not None and _presence_row(state, cells):
        return True
    first = cells[0].strip().strip("*_ ")
    label = first[:-1].strip() if first.endswith(":") else ""
    value = " ".join(c.strip() for c in cells[1:] if c.strip())
    if label and len(cells) >= 3 and not _HEAD_COUNT.match(value):
        is_attendance, kind = _attendance_kind(label_key(label))
        if is_attendance:
            if kind is None and state.participants_label is None:
                state.participants_label = label
            if kind is not None:
                state.open_group(kind, label)
            state.attendance = _Attendance(kind, label, heading=True)
            state.row_group = ""
            person = _row_person(cells[1:])
            if person is not None:
                state.add_person(person, kind, label)
            state.previous = "attendance"
            return True
    open_list = state.attendance
    if open_list is None or not open_list.heading or (first and not label):
        return False
    if label and (meta_kind(label_key(label)) is not None or _HEAD_COUNT.match(value) or not value):
        state.attendance = None  # ``Protokollführung: | Herr | Sauter``: the list is over
        state.meta.append(MetaField(label, value, meta_kind(label_key(label)) or "other"))
        state.previous = "meta"
        return True
    if label:
        state.row_group = label  # ``SPD: | Stadtrat | Ohnmacht``: the group of the rows below
    person = _row_person(cells[1:], state.row_group)
    if person is not None:
        state.add_person(person, open_list.kind, open_list.label)
    state.previous = "attendance"
    return True


def _presence_header(state: State, line: Line) -> bool:
    """``| Anwesend | Vorname | Nachname |`` in an open attendance list: the header of a presence
    table, kept as a paragraph (its words name the columns, not people)."""
    cells = line.hints.table_row
    if (
        state.attendance is None
        or len(cells) < 2
        or label_key(cells[0].strip().strip("*_ ")) not in _PRESENCE_HEADERS
    ):
        return False
    open_list = state.attendance
    rule_paragraph(state, line)
    state.attendance = open_list
    state.presence_table = True
    state.previous = "attendance"
    return True


def _presence_row(state: State, cells: tuple[str, ...]) -> bool:
    """A row of a presence table: its mark says the group, the other cells the person's name."""
    if not state.presence_table or len(cells) < 2:
        return False
    mark = cells[0].strip().strip("*_ ").lower()
    if mark not in _PRESENCE_MARKS:
        return False
    name = " ".join(" ".join(c.split()) for c in cells[1:3] if c.strip())
    if not name:
        return True
    person = Person(name, " – ".join(c.strip() for c in cells[3:] if c.strip()) or None)
    kind = _PRESENCE_MARKS[mark]
    open_list = state.attendance
    if kind is None and open_list is not None:
        state.add_person(person, open_list.kind, open_list.label)
    elif kind is not None:
        label = "Entschuldigt" if kind == "excused" else "Abwesend"
        state.open_group(kind, label)
        state.add_person(person, kind, label)
    state.previous = "attendance"
    return True


_ORDINAL_OFFICE = re.compile(
    r"^(\d{1,2}\.\s+(?:stellv\.|stv\.|stellvertretende[rs]?|Stellvertreter(?:in)?)\s+\S.*?)"
    r"\s+((?:Dr\.\s+)?[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,2})(\s*\(e\))?$"
)
_EXCUSED_MARK = re.compile(r"^(.{3,80}?)\s*\((?:e|E|entsch\.?|entschuldigt)\)$")
EXCUSED_LABEL = "Entschuldigt (e)"
_ALSO_AS = re.compile(r"^(\S.{2,80}?),\s+((?:zugleich|gleichzeitig)\s+\S.{2,40})$")
"""``Herr Hass vom Amt, zugleich als Protokollführer``: one person, the rest is a role."""


def _office_line(state: State, text: str, open_list: _Attendance) -> bool:
    """One entry a line under an attendance label: ``1. stellv. Bürgermeister Jens Thießen``
    (an ordinal office, no item) and ``Gemeindevertreter Uwe Kröger (e)`` (``(e)``: excused)."""
    ordinal = _ORDINAL_OFFICE.match(text) if text[:1].isdigit() else None
    marked = _EXCUSED_MARK.match(text) if text.endswith(")") else None
    also = _ALSO_AS.match(text) if "zugleich" in text or "gleichzeitig" in text else None
    if also is not None:
        person = parse_participant(also.group(1))
        role = f"{person.affiliation}, {also.group(2)}" if person.affiliation else also.group(2)
        state.add_person(Person(person.name, role), open_list.kind, open_list.label)
        state.previous = "attendance"
        return True
    if ordinal is None and marked is None:
        return False
    if ordinal is not None:
        person = Person(ordinal.group(2), ordinal.group(1))
        excused = ordinal.group(3) is not None
    else:
        assert marked is not None
        person = parse_participant(marked.group(1))
        if not looks_like_name(person.name.split()[-1]) or len(person.name.split()) > 4:
            return False
        excused = True
    if excused and open_list.kind in (None, "absent", "excused"):
        state.add_person(person, "excused", EXCUSED_LABEL)
    else:
        state.add_person(person, open_list.kind, open_list.label)
    state.previous = "attendance"
    return True


_MORE_PRESENT = frozenset(("weiter", "weiterhin", "ferner", "außerdem", "sowie"))


def _more_present(state: State, label: str) -> bool:
    """``Weiter die Mitglieder :`` inside a list of those present: a group of those present
    whose names follow."""
    words = label_key(label).split()
    if not 2 <= len(words) <= 4 or words[0] not in _MORE_PRESENT or state.section != "front":
        return False
    label = label.strip()
    state.open_group("present", label)
    state.attendance = _Attendance("present", label, heading=True)
    state.previous = "attendance"
    return True


_TWO_NAMES = re.compile(
    r"^((?:(?:Dr\.|Prof\.)\s+)?[A-ZÄÖÜ][\w\-]+\s+[A-ZÄÖÜ][\w\-]+(?:\s+\([^()]{1,30}\))?)\s+"
    r"((?:(?:Dr\.|Prof\.)\s+)?[A-ZÄÖÜ][\w\-]+\s+[A-ZÄÖÜ][\w\-]+(?:\s+\([^()]{1,30}\))?)$"
)
"""``Reinhard Albers Dr. Marlies Behnke``: two columns of a name table run together."""


def _two_names(state: State, text: str) -> tuple[str, str] | None:
    """Two ``Firstname Surname`` of a column table on one line of an attendance list (a
    careful reader's choice: four name words are two people; noted as such)."""
    if text.count(" ") < 3 or "," in text:
        return None
    match = _TWO_NAMES.match(text)
    if match is None or state.section != "front":
        return None
    first, second = match.group(1), match.group(2)
    words = _BRACKETED.sub("", f"{first} {second}").split()
    if not all(is_name_word(w) for w in words):  # (``Dr.`` and ``Prof.`` are name words)
        return None
    return first, second


_ROLE_THEN_NAME = re.compile(r"(?<=\))\s+(?=[A-ZÄÖÜ])")
"""Where a name in a Word list starts right after the role of the one before."""


def _names_after_a_role(state: State, text: str) -> bool:
    """``Sandra Pohl (Protokollführerin) Carina Voigt-Kessler``, ``Anke Bergmann (Kita-Leitung)
    Simone Dembski``: the names of a Word attendance list set in columns, run together into
    one line, each but the last with its role in brackets – when every part is a name."""
    parts = _ROLE_THEN_NAME.split(text)
    if len(parts) < 2 or len(parts) > 4 or "," in text:
        return False
    names = [_BRACKETED.sub("", part).strip() for part in parts]
    return all(
        2 <= len(name.split()) <= 3 and plausible_name(name, state.known) for name in names
    ) and all(part.endswith(")") for part in parts[:-1])


def _entries_with_roles(state: State) -> bool:
    """True when the list starting at this line gives one person per entry with a role after
    a comma (``* Lukas, Kernteam`` / ``* Mirjam, Pfadi Seeland seit Anfang an dabei``)."""
    entries: list[str] = []
    for line in state.lines[state.index : state.index + 40]:
        bullet = _bullet(line.text) if line.hints.list_level is None else None
        if line.hints.list_level is None and bullet is None:
            break
        entries.append(((bullet.group(3) or "") if bullet else line.text).strip())
    with_role = [e for e in entries if e.count(", ") == 1]
    if len(entries) < 2 or len(with_role) * 5 < len(entries) * 3:
        return False
    roles = [e.partition(", ")[2] for e in with_role]
    return any(len(r.split()) > 1 or not r[:1].isupper() for r in roles) or len(set(roles)) < len(
        roles
    )


def _name_and_role(state: State, entry: str, names: list[str], open_list: _Attendance) -> bool:
    """``Lea Brandt, Kasse`` on a line of its own: one person and her role, not two people."""
    comma = entry.find(", ")
    if not (
        comma > 0 and len(names) == 2 and len(names[0].split()) >= 2 and len(names[1].split()) == 1
    ):
        return False
    state.add_person(Person(names[0], names[1]), open_list.kind, open_list.label)
    state.previous = "attendance"
    return True


_SEVERAL_IN_BRACKETS = re.compile(r"^(?:[A-ZÄÖÜ][^()]{1,60}\([^()]{1,60}\)\s*){2,4}$")
_ONE_IN_BRACKETS = re.compile(r"([A-ZÄÖÜ][^()]{1,60}?)\s*\(([^()]{1,60})\)")
_NAME_PARENS_EXTRA = re.compile(
    r"^([^()]{2,60}?)\s*\(([^()]{1,60})\)\s+(?:[-–]\s+)?([^()]{1,40}(?:\s\([^()]{1,40}\))?)$"
)
"""``Ratsfrau Hinrichs (SPD) - Ahlden (ab TOP 3)``, ``Bezirksratsfrau Lüders (SPD) 19.00 -
20.30 Uhr``: a name, its party and what follows (a dash before it is no part of it)."""
_LEADING_DASH = re.compile(r"^[-–]\s+")
_BRACKETED_NAME = re.compile(r"^\(([^()]{2,60})\)(?:\s*\(([^()]{1,60})\))?$")
_NAME_WITH_ROLE = re.compile(
    r"^((?:(?:Dr|Prof)\.\s+)*(?:(?:Herr|Frau)\s+)?[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})"
    r"\s+(\S[^()]{0,60})$"
)
"""A name and the role after it on a line of an attendance list (``Simone Hartung StA 33``)."""


def rule_next_meeting(state: State, line: Line) -> bool:
    """``Nächster Termin: …`` (also ``Nächste Sitzung``, ``Nächstes Treffen`` …), a heading
    ``## Nächste Sitzung`` with the text below it; a date in it is recognised."""
    if state.pending_next is not None:
        label = state.pending_next
        state.pending_next = None
        if line.hints.heading is None and not EXPLICIT_ITEM.match(line.text):
            bullet = _bullet(line.text) if line.hints.list_level is None else None
            value = (bullet.group(3) or "") if bullet else line.text
            _set_next_meeting(state, line, label, value.strip())
            return True
    if line.hints.list_level is not None or _bullet(line.text):
        return False
    raw = line.text
    if not (
        "chst" in raw or "CHST" in raw or "ächsten" in raw or "Termin" in raw or "Datum" in raw
    ):
        return False  # fast path: no next-meeting label can be in this line
    text = _unbold_label(_SYMBOLS.sub("", raw.strip()))
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold:
        text = bold.group(1) + bold.group(2)
    match = NEXT_MEETING.match(text)
    if not match:
        return False
    label = text[: match.start(1)].strip().rstrip(":").strip().strip("*_").strip()
    value = match.group(1).strip()
    if not value and (line.hints.heading is not None or bold):
        if line.hints.heading is not None and not _single_entry_section(state):
            return False  # a whole section: an item (its entries name the next meeting)
        state.pending_next = label
        state.previous = "next"
        return True
    if not value and not text.endswith(":"):
        return False
    _set_next_meeting(state, line, label, value)
    return True


def _single_entry_section(state: State) -> bool:
    """True when the heading at the current line has at most three short lines under it, then
    a heading or the end (``## Nächste Sitzung`` / ``12.06.2024, 18 Uhr``)."""
    section: list[Line] = []
    for line in state.lines[state.index + 1 :]:
        if line.hints.heading is not None or line.hints.title:
            break
        if line.text.strip():
            section.append(line)
    return len(section) <= 3 and all(len(line.text.strip()) <= 80 for line in section)


_SYMBOLS = re.compile(r"^[^\w„\"(*_]+\s*")
"""Emoji and symbols before a heading's words (``📅 Nächstes Meeting``)."""


def _set_next_meeting(state: State, line: Line, label: str, value: str) -> None:
    if state.next_meeting is not None:
        state.warn(line, "Ein zweiter „Nächster Termin“; der erste bleibt als Text erhalten.")
        state.back.append(f"{state.next_meeting.label}: {state.next_meeting.text}")
    reference = state.title_parts(state.title or "")[1] or _meeting_date(state, None)[0]
    found = find_date(value, reference)
    state.next_meeting = NextMeeting(value, found.date if found else None, label)
    state.section = "back"
    state.previous = "next"
    state.point_stack = []


def _intro_under_agenda_heading(state: State, raw: str) -> bool:
    """``== Tagesordnung ==`` / ``Folgende Tagesordnungspunkte sind geplant, weitere kann jeder
    gern hier eintragen:`` / the list: a sentence ending with a colon right under a heading
    that names the agenda (read as an item of its own) introduces the plan; the sentence stays
    the heading's paragraph."""
    return (
        raw.endswith(":")
        and len(raw) <= 160
        and bool(state.items)
        and not state.items[-1].items
        and _item_is_empty(state)
        and label_key(state.items[-1].title) in AGENDA_LABELS
        and "agesordnung" in raw
    )


def rule_agenda(state: State, line: Line) -> bool:
    """The planned agenda: ``Tagesordnung:`` (or a heading) and the list below it."""
    if state.agenda_open:
        return _agenda_entry(state, line)
    if (state.section == "back" and state.items) or line.hints.list_level is not None:
        return False  # (a next-meeting line before any item does not end the plan's place)
    if state.agenda and (state.items or state.section != "front"):
        return False
    raw = line.text.strip()
    if "<ref" in raw:
        raw = _REFERENCE.sub("", raw).strip()  # ``Tagesordnung<ref>Quelle: …</ref>`` (wiki)
        line = line._replace(text=raw)
    if not (
        "gend" in raw
        or "agesordnung" in raw
        or "AGESORDNUNG" in raw
        or "TOP" in raw
        or "Them" in raw
        or "THEM" in raw
        or "nhalt" in raw
        or "ontents" in raw
        or "bersicht" in raw
    ):
        return False  # fast path: no agenda label in this line
    text = _heading_text(line)
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold:
        text = bold.group(1)
    parsed = _label(raw)
    inline = ""
    sentence = raw.endswith(":") and len(raw) <= 120 and bool(_AGENDA_SENTENCE.search(raw))
    if _intro_under_agenda_heading(state, raw):
        # the sentence stays the heading's paragraph; the list below it is the plan
        state.block(line).points.append(_PointBuilder(raw, line.number, "paragraph"))
        state.agenda_label = state.items[-1].title
        state.agenda_open, state.agenda_level = True, None
        state.previous = "agenda"
        return True
    topics = "hem" in raw and bool(_TOPICS_SENTENCE.match(raw))
    if parsed and label_key(parsed[0]) in AGENDA_LABELS:
        text, inline = parsed[0], parsed[2]
    elif sentence or topics:
        text = raw.rstrip(":").strip()  # ``Der Vorsitzende verliest die Tagesordnung:``
    elif label_key(text) not in AGENDA_LABELS:
        return False
    if (
        state.section != "front"
        and not (sentence or topics)
        and line.hints.heading is None
        and not (
            parsed is None
            and line.hints.list_level is None
            and not _bullet(line.text)
            and _item_is_empty(state)
        )  # (``- Themen`` as a point over its list is content)
        and not (inline and not state.items)
    ):
        return False
    following = state.next_line()
    if state.agenda:  # a second plan (of a second session) before the minutes
        if inline or sentence or topics or "tagesordnung" not in label_key(text):
            return False  # (a table of contents under the plan is no second plan)
        first = _first_entry_below(state)
        if first is None:
            return False
        state.agenda_from, state.agenda_open, state.agenda_number = first, True, None
        state.previous = "agenda"
        return True
    if state.list_items and following is not None and following.hints.list_level == 0:
        return False  # the numbered list below is the minutes, not a plan
    unmarked = topics and following is not None and not inline and _unmarked_entry(state, following)
    if following is None or (
        (not inline and following.hints.heading is not None)
        or (not inline and not unmarked and not _is_agenda_entry(following))
    ):
        return False  # a heading that only opens the minutes: kept as a paragraph
    if sentence and len(raw.split()) > 3 and not inline and _minutes_follow_announcement(state):
        return False  # ``Die Tagesordnung sah wie folgt aus:`` over the items themselves
    state.agenda_unmarked = unmarked
    state.agenda_label = text.strip("*_ ")
    if inline:
        numbered = _INLINE_NUMBERS.split(inline) if _INLINE_NUMBERS.match(inline) else None
        parts = numbered[1:] if numbered else _LIST_SEPARATOR.split(inline)
        state.agenda.extend(_plan_entry(p) for p in parts if p.strip())
    state.agenda_open = True
    state.agenda_level = line.hints.heading
    state.previous = "agenda"
    return True


_INLINE_NUMBERS = re.compile(r"(?:^|\s+)\d{1,2}[.)]\s+(?=\S)")
"""``TAGESORDNUNGSPUNKTE: 1) Schulsozialarbeit 2) Schulbuffet …``: the plan on one line."""
_REFERENCE = re.compile(r"<ref\b[^>]*?(?:/>|>.*?</ref>)")
"""A wiki footnote left in the text: its source stands again under ``Einzelnachweise``."""
_AGENDA_SENTENCE = re.compile(r"\b(?:Tagesordnung|Agenda)\b")
_TOPICS_SENTENCE = re.compile(
    r"^(?:Die\s+)?Themen(?:\s+(?:des|der|dieses|dieser|am|beim)\s+[\wäöüß]+)?"
    r"\s+(?:waren|sind|lauteten|lauten)\s*:?$",
    re.IGNORECASE,
)
"""A sentence that announces the topics: ``Die Themen waren``, ``Themen des Abends waren:``."""


def _minutes_follow_announcement(state: State) -> bool:
    """``Die Tagesordnung der 322. Sitzung sah wie folgt aus:`` over ``TOP 0. Sprechstunde``
    and, right below that entry, a sentence of minutes (``Keine Wortmeldung.``): the sentence
    announced the items themselves, not a plan listed before them."""
    below = [
        i for i in range(state.index + 1, min(len(state.lines), state.index + 8))
        if state.lines[i].text.strip()
    ][:2]  # fmt: skip
    if len(below) < 2:
        return False
    after = state.lines[below[1]]
    text = after.text.strip()
    return (
        _plain(after.hints)
        and not _is_agenda_entry(after)
        and _label(text) is None
        and (text.endswith((".", "!", "?")) or len(text) > 80)
    )


def _item_is_empty(state: State) -> bool:
    """True when nothing was written under the current item yet (or there is no item): a bare
    ``Themen`` line over a list right under a meeting heading is the plan, not a topic."""
    if state.agenda:
        return False
    item = state.current_item()
    return item is None or not any(block.points for block in item.blocks)


def _unmarked_entry(state: State, line: Line) -> bool:
    """A planned entry without a marker under ``Die Themen waren``: a short plain line that
    reads as a title (no sentence end, few words)."""
    text = line.text.strip()
    return (
        _plain(line.hints)
        and _short_title(text)
        and not text.endswith(("!", "?"))
        and len(text.split()) <= 10
        and _label(text) is None
    )


def _is_agenda_entry(line: Line) -> bool:
    if line.hints.heading is not None:
        return False
    if line.hints.list_level is not None or line.hints.table_row:
        return True
    text = line.text
    bullet = _bullet(text)
    if bullet:
        explicit = EXPLICIT_ITEM.match(bullet.group(3) or "")
        return not (explicit and not explicit.group(3).strip())  # ``• TOP 1`` opens an item
    return bool(NUMBER_MARKER.match(text) or EXPLICIT_ITEM.match(text)
                or NUMBERED_ITEM.match(text.strip()) or PART.match(text.strip()))  # fmt: skip


_BARE_MARKER = re.compile(r"^\s*[-*•]\s*$")


def _agenda_entry(state: State, line: Line) -> bool:
    if state.agenda_unmarked:
        if not _unmarked_entry(state, line):
            state.agenda_open = state.agenda_unmarked = False
            return False
        state.agenda.append(line.text.strip())  # (blank lines between entries go on)
        state.previous = "agenda"
        return True
    if state.index < state.agenda_from:
        return False  # ``am: Dienstag, …`` between a second plan's label and its entries
    if state.index == state.agenda_from:
        state.agenda_spaced = state.blank_before
        state.blank_before, state.previous = False, "agenda"
    if _entry_note(state, line):
        state.agenda[-1] = f"{state.agenda[-1]} {line.text.strip()}"
        return True
    if _plain(line.hints) and _BARE_MARKER.match(line.text):
        # ``-`` alone over each entry: a list copied from a web page, its marker on a line
        # of its own; the plan goes on below it
        state.previous = "agenda"
        return True
    level = state.agenda_level
    if level is not None and (line.hints.heading or 0) > level:
        state.agenda.append(_heading_text(line).strip("*_ "))  # ``### Technik`` in the plan
        state.previous = "agenda"
        return True
    if level is not None and line.hints.heading is None and _is_agenda_entry(line):
        state.blank_before = False  # the plan under a heading goes on over blank lines
    if (
        state.agenda
        and not state.blank_before
        and _plain(line.hints)
        and _WORD_BROKEN.search(state.agenda[-1])
        and line.text[:1].islower()
    ):
        # ``… Organisation der Ar-`` / ``beitseinsätze``: a word broken at the line's end
        state.agenda[-1] = f"{state.agenda[-1]} {line.text.strip()}"
        state.previous = "agenda"
        return True
    if (
        state.agenda
        and not state.blank_before
        and _plain(line.hints)
        and line.text[:1].isspace()
        and not _is_agenda_entry(line)
    ):
        # ``  Beschlussvorlage - 4/2024`` indented under its entry: part of that entry
        state.agenda[-1] = f"{state.agenda[-1]} {line.text.strip()}"
        state.previous = "agenda"
        return True
    if _plan_sub_entry(state, line):
        return True
    if not _is_agenda_entry(line) or (state.blank_before and state.previous != "agenda"):
        state.agenda_open = False
        return False
    number = _entry_number(line)
    if state.blank_before and state.agenda and not _counts_on(state, number):
        # A blank line after the list: the agenda is over unless the list goes on.
        state.agenda_open = False
        return False
    marker = _entry_marker(line)
    if state.agenda and not line.text[:1].isspace() and _marker_changes(state, marker):
        state.agenda_open = False  # ``TOP 1 …`` lines, then ``1. …``: the minutes begin
        return False
    if line.hints.table_row:
        cells = [c for c in line.hints.table_row if c]
        if line.hints.table_header and len(cells) > 1 and not state.agenda:
            state.previous = "agenda"  # ``Nr. | Punkt``: the plan's column heads
            return True
        if len(cells) > 1 and _NUMBER_CELL.match(cells[0]):
            cells = cells[1:]  # ``1. | Genehmigung der Tagesordnung``: the number is no title
        text = " | ".join(cells)
    else:
        text = _plan_entry(line.text, line.hints.list_level is None)
    if (
        text
        and state.agenda
        and re.match(r"^\s*(?:TOP\s*)?0?1\b", line.text)
        and _fold_title(text) == _fold_title(state.agenda[0])
    ):
        state.agenda_open = False  # ``1.`` and the first entry again: the minutes begin
        return False
    if text:
        if state.index != state.agenda_from:
            state.agenda_spaced = state.blank_before or (
                state.agenda_spaced and state.agenda_number is not None
            )
        state.agenda.append(text)
        state.agenda_number = number
        if state.agenda_marker is None and not line.text[:1].isspace():
            state.agenda_marker = marker
        state.agenda_last_marker = marker
    state.previous = "agenda"
    return True


_PLAN_NUMBER_HEAD = re.compile(r"^(?:TOP|TOP-Nr\.?|TOP\s+Nr\.?|Nr\.?|Punkt|Pkt\.?|lfd\.\s*Nr\.?)$")
_PLAN_TITLE_HEAD = {
    "bezeichnung", "betreff", "gegenstand", "beratungsgegenstand", "thema", "titel",
    "tagesordnungspunkt", "inhalt", "punkt",
}  # fmt: skip


def rule_plan_table(state: State, line: Line) -> bool:
    """A table whose first row names a number column and a title column (``TOP-Nr. |
    Bezeichnung``, ``Nr. | Betreff``) before the minutes: the planned agenda, its rows the
    entries (the header row stays a paragraph: its words are the table's)."""
    cells = line.hints.table_row
    if (
        not cells
        or len(cells) < 2
        or state.agenda
        or state.agenda_open
        or state.items
        or state.section != "front"
        or state.attendance is not None
        or not _PLAN_NUMBER_HEAD.match(cells[0].strip().strip("*_ "))
        or label_key(cells[1].strip().strip("*_ ")) not in _PLAN_TITLE_HEAD
    ):
        return False
    following = state.next_line()
    if following is None or not following.hints.table_row:
        return False
    rule_paragraph(state, line)
    state.agenda_label = "Tagesordnung"
    state.agenda_open = True
    state.agenda_level = None
    state.previous = "agenda"
    return True


def _first_entry_below(state: State) -> int | None:
    """The index of the first typed entry under a plan's label when at most five short lines
    that are no sentences stand between (``zur: Sitzung des Stadtrates``, ``Öffentlich``)."""
    between = 0
    for index in range(state.index + 1, min(len(state.lines), state.index + 12)):
        below = state.lines[index]
        text = below.text.strip()
        if not text:
            continue
        if _is_agenda_entry(below) and _entry_number(below) is not None:
            return index
        between += 1
        if between > 5 or len(text) > 60 or text.endswith(".") or below.hints.heading:
            return None
    return None


def _entry_note(state: State, line: Line) -> bool:
    """A short line under a numbered entry, the next entry (numbered one up) after a blank
    line: a note to that entry (``00 Anträge zur Tagesordnung`` / ``SPD: Verlegung von …``)."""
    if state.agenda_number is None or not _plain(line.hints) or _is_agenda_entry(line):
        return False
    if len(line.text.strip()) > 100:
        return False
    below = state.next_line()
    return below is not None and _counts_on(state, _entry_number(below))


def _entry_number(line: Line) -> int | None:
    """The number a typed plan entry starts with (``01 Title``, ``2. Title``, ``TOP 3``)."""
    text = line.text.strip()
    if not text[:1].isdigit() and not text.startswith(("TOP", "Top")):
        return None
    match = EXPLICIT_ITEM.match(text) or NUMBERED_ITEM.match(text)
    if match is None:
        return None
    number = match.group(1)
    return int(number) if number.isdigit() else None


def _counts_on(state: State, number: int | None) -> bool:
    """True when an entry after a blank line carries the number after the last entry's: a
    plan written with blank lines between its entries (``01 …`` / blank / ``02 …``)."""
    return (
        state.agenda_spaced
        and number is not None
        and state.agenda_number is not None
        and number == state.agenda_number + 1
    )


_NUMBER_CELL = re.compile(r"^(?:TOP\s*)?\d{1,3}(?:\.\d{1,2})*[.):]?$")


def _plan_entry(text: str, marked: bool = True) -> str:
    """A planned entry's title without its marker: ``- ``/``1.`` (where the text carries it,
    ``marked``), then ``TOP 1`` or ``1``."""
    if marked:
        for pattern in (BULLET, NUMBER_MARKER):
            match = pattern.match(text)
            if match:
                text = match.group(3) or ""
                break
    text = text.strip()
    explicit = EXPLICIT_ITEM.match(text)
    if explicit:
        return explicit.group(3).strip()
    numbered = NUMBERED_ITEM.match(text)
    return numbered.group(2).strip() if numbered else text


def _marker_changes(state: State, marker: str | None) -> bool:
    """True when an entry is marked unlike the plan so far: ``TOP n`` entries, then ``1.``
    (or the other way round), or a bullet after a numbered entry that opens no sub-list
    (``3. Bericht aus dem Vorstand:`` / ``- Seniorenmesse`` goes on)."""
    first = state.agenda_marker
    if marker is None or first is None or marker == first:
        return False
    if marker == "bullet":
        last = state.agenda_last_marker
        return last != "bullet" and not state.agenda[-1].endswith(":")
    return {marker, first} == {"top", "number"}


def _entry_marker(line: Line) -> str | None:
    """How an agenda entry is marked: ``TOP``, a number, a bullet, a list or table of the
    document; None for a part line (``II. Nichtöffentlicher Teil``) which goes with any."""
    text = line.text.strip()
    if line.hints.table_row:
        return "table"
    if line.hints.list_level is not None:
        return "list"
    if PART.match(text):
        return None
    if EXPLICIT_ITEM.match(text):
        return "top"
    if _bullet(line.text):
        return "bullet"
    return "number"


_INNER_LABEL = re.compile(
    r"(?:^|\s*\|\s*|\s+-\s+|\s+)("
    + alternation(
        [
            *sorted(k for k in META_LABELS if len(k) >= 3 and "/" not in k),
            *("was", "anwesend", "abwesend", "entschuldigt", "gäste", "vorheriges treffen"),
            *("nächstes treffen", "nächster termin", "nächste sitzung", "anlass"),
        ]
    )
    + r")\s*:\s",
    re.IGNORECASE,
)


def _several_labels(state: State, label: str, value: str) -> bool:
    """``Ort: Geschäftsstelle Datum: 08.02.2024 Uhrzeit: 19:40 Protokoll: Mareike`` (a table
    flattened into one line): one metadata field for each label; a label of the excused,
    absent or guests with names (``Anwesende: siehe Unterschriftenliste; entschuldigt: Gertrud
    Lanz``) their group."""
    starts = [m for m in _INNER_LABEL.finditer(value) if m.start(1) > 0]
    if not starts:
        return False
    pieces: list[tuple[str, str]] = []
    current, begin = label, 0
    for match in starts:
        pieces.append((current, value[begin : match.start()].strip(" |-,;·•")))  # (separators)
        current, begin = match.group(1), match.end()
    pieces.append((current, value[begin:].strip(" |-·•")))
    if any(not piece_value for _, piece_value in pieces):
        return False
    for piece_label, piece_value in pieces:
        if state.next_meeting is None and NEXT_MEETING.match(f"{piece_label}: {piece_value}"):
            # ``Zeit: 20:05 Uhr | Nächstes Treffen: 04. März``: the next meeting in the header
            reference = state.title_parts(state.title or "")[1] or _meeting_date(state, None)[0]
            found = find_date(piece_value, reference)
            date = found.date if found else None
            state.next_meeting = NextMeeting(piece_value, date, piece_label)
            continue
        is_attendance, group = _attendance_kind(label_key(piece_label))
        names = _names_line(piece_value) if is_attendance and group is not None else None
        if group is not None and names:  # ``Anwesende: siehe Liste; entschuldigt: Gertrud Lanz``
            state.open_group(group, piece_label)
            for name in names:
                _add_listed(state, name, group, piece_label)
            continue
        kind = meta_kind(label_key(piece_label)) or "other"
        state.meta.append(MetaField(piece_label, piece_value, kind))
    state.previous = "meta"
    return True


def _bare_meta(state: State, text: str) -> bool:
    """``Versammlungsleiter`` alone on a line and ``Jonas Brockmann`` right below it (a wiki
    page whose headings were lost): one metadata field."""
    if ":" in text or len(text) > 30 or not text[:1].isalpha():
        return False  # (``1 Versammlungsort`` is a numbered heading, ``-DATUM`` no label)
    key = label_key(text)
    if key in ("protokoll", "termin", "tag", "wann", "wo"):
        return False
    kind = META_LABELS.get(key) or (meta_kind(key) if key.endswith(("ort", "zeit")) else None)
    if kind is None:
        return False
    index = state.index + 1
    value = _plain_text_below(state, 80)
    if not value and _blank_between_paragraphs(state, index):
        # ``Versammlungsort`` / (empty paragraph) / ``Nachbarschaftscafé …`` / (empty): a
        # document that separates all its paragraphs by empty ones
        state.index += 1
        value = _plain_text_below(state, 80)
        state.index -= 1
        index += 1
    after = state.lines[index + 1] if index + 1 < len(state.lines) else None
    if (
        not value
        or value != value.strip("*_")  # (markup a ``Label: value`` line would drop)
        or (after is not None and after.text.strip() and after.text[:1].isspace())
    ):
        return False
    state.meta.append(MetaField(text, value, kind))
    state.skip = index
    state.previous = "meta"
    return True


def _blank_between_paragraphs(state: State, index: int) -> bool:
    """The line at ``index`` is blank, and so are the lines before the current one and after
    the next: every paragraph stands between empty ones (as in an office document)."""
    lines = state.lines
    return (
        state.index >= 1
        and index + 2 < len(lines)
        and not lines[index].text.strip()
        and not lines[state.index - 1].text.strip()
        and not lines[index + 2].text.strip()
    )


def _value_below(state: State) -> str:
    """The short plain lines right under an empty label (up to a blank line), joined with
    commas; they are taken (skipped by the rules)."""
    taken: list[str] = []
    index = state.index + 1
    while index < len(state.lines) and len(taken) < 4:
        line = state.lines[index]
        text = line.text.strip()
        if (
            not text
            or not _plain(line.hints)
            or len(text) > 60
            or _label(text) is not None
            or _bullet(line.text)
            or text.endswith(",")
        ):
            break
        taken.append(text)
        index += 1
    if not taken or (index < len(state.lines) and state.lines[index].text.strip()):
        return ""  # not a block of its own: leave the lines to the rules
    state.skip_until = index
    return ", ".join(taken)


_DASH_META = re.compile(r"^([^\W\d][\w*/.]*(?: [\w*/.]+){0,2})\s+[-–]\s+(\S.*)$")


_ADDRESS = re.compile(
    r"\b\d{5}\s+[A-ZÄÖÜ]"
    r"|[a-zäöüß](?:straße|str\.|ring|weg|platz|allee|gasse|damm|ufer|chaussee)\s+\d+[a-z]?\b",
)
"""A postcode before a town (``18109 Rostock``) or a street with its number
(``Gerüstbauerring 28``, ``Dörpfeldstraße 54-56``)."""


def _place_under_date(state: State, line: Line, text: str) -> bool:
    """``14. Juli 2022, 14 – 15:50 Uhr`` / ``SBZ Groß Klein, Gerüstbauerring 28, 18109 Rostock``:
    an address right under the head's date line is the meeting's place (not a speaker line)."""
    return (
        state.section == "front"
        and not state.items
        and state.last_rule == "meta"
        and not state.blank_before
        and _plain(line.hints)
        and bool(state.meta)
        and state.meta[-1].kind == "date"
        and not any(f.kind == "place" for f in state.meta)
        and len(text) <= 120
        and not text.endswith((".", ":"))
        and _label(text) is None
        and _ADDRESS.search(text) is not None
    )


def rule_meta(state: State, line: Line) -> bool:
    """``Ort: Gemeindehaus``, ``Beginn: 19:05``, ``Protokoll: Lea`` … before the first item;
    ``Ende: 21:10`` and ``Protokoll: …`` anywhere; a line that is only a date before the first
    item; unknown ``Label: value`` pairs before any content."""
    if line.hints.list_level is not None and state.section != "front":
        return False
    text = line.text.strip()
    if line.hints.list_level is None and _bullet(line.text):
        bullet = _bullet(line.text)
        if state.section != "front" or bullet is None:
            return False
        text = (bullet.group(3) or "").strip()
    if line.hints.table_row and len(line.hints.table_row) == 2 and state.section == "front":
        key, value = (c.strip().rstrip(":").strip("*_ ") for c in line.hints.table_row)
        kind = meta_kind(label_key(key))
        if kind is not None:
            state.meta.append(MetaField(key, value, kind))
            return True
        return False
    if (
        state.section == "front"
        and not state.items
        and DATE_ONLY.match(text)
        and find_date(text)
        and not any(f.kind == "date" for f in state.meta)
        and len(text) >= 6
    ):
        state.meta.append(MetaField("", text, "date"))
        state.previous = "meta"
        return True
    if _place_under_date(state, line, text):
        state.meta.append(MetaField("", text, "place"))
        state.previous = "meta"
        return True
    if (
        state.last_rule == "title"
        and state.section == "front"
        and line.hints.heading is None
        and not _label(text)
        and TITLE.match(text)
        and find_date(text)
        and not any(f.kind == "date" for f in state.meta)
    ):
        # ``Runder Tisch Nordstadt`` / ``Protokoll der Sitzung am 15.09.2022``: the line under
        # the title that gives the date
        state.meta.append(MetaField("", text, "date"))
        state.previous = "meta"
        return True
    if (
        state.section == "front"
        and _plain(line.hints)
        and not line.text[:1].isspace()  # (`` UHRZEIT``: the text writer's guarded paragraph)
        and _bare_meta(state, text)
    ):
        return True
    parsed = _label(text)
    if parsed is None and state.section == "front" and (" - " in text or " – " in text):
        dashed = _DASH_META.match(text)  # ``Ort - P502``, ``Protokollführer – Jonas``
        kind = meta_kind(label_key(dashed.group(1))) if dashed else None
        if dashed and kind is not None:
            state.meta.append(MetaField(dashed.group(1), dashed.group(2).strip(), kind))
            state.previous = "meta"
            return True
    if parsed is None or parsed[1] is not None or EXPLICIT_ITEM.match(text):
        return False
    label, _sub, value = parsed
    if state.section == "front" and ": " in value and _several_labels(state, label, value):
        return True
    key = label_key(label)
    first_word = key.split()[0] if key else ""
    kind = None
    if first_word not in DECISION_LABELS and first_word not in TASK_LABELS:
        kind = meta_kind(key)
    if kind is None:
        if (
            state.section != "front"
            or state.preamble
            or not value
            or len(label.split()) > 3
            or key in DECISION_LABELS
            or (key in TASK_LABELS and key != "was")  # ``Was: Vorstandssitzung`` is no task
            or state.known.knows(label)
            or line.hints.heading is not None
            or _attendance_kind(key)[0]
        ):
            return False  # (an attendance label whose value is no list of names: content)
        kind = "other"
    elif (state.section != "front" and kind not in ANYWHERE_META) or (
        state.section != "front" and not value
    ):
        return False
    if kind == "minute_taker" and label_key(label) == "protokoll" and not value:
        return False
    if not value and kind in ("place", "chair", "minute_taker", "time", "start", "end"):
        value = _value_below(state)  # ``Ort:`` and the address on the lines below
    state.meta.append(MetaField(label, value, kind))
    state.previous = "meta"
    return True


def rule_closing(state: State, line: Line) -> bool:
    """Closing matter after the minutes (``Rostock, 4. Mai 2024``, ``gez. …``) and everything
    after the next-meeting line that is not an item."""
    if state.section == "back":
        if _item_of(state, line) is not None:
            return False
        state.back.append(line.text.strip())
        return True
    closing = "," in line.text or "gez" in line.text or "__" in line.text or "F.d.R" in line.text
    if (
        closing
        and state.items
        and line.hints.list_level is None
        and _signature(line.text.strip())
        and not _items_below(state)
    ):
        state.section = "back"
        state.back.append(line.text.strip())
        return True
    signed = _SIGNED_BY.match(line.text.strip()) if closing and ":" in line.text else None
    if signed and state.items and line.hints.list_level is None and not _items_below(state):
        # ``Nordhagen, 22.10.2025    Protokoll: Waltraud Kemper``: place and date, then who
        # wrote the minutes (the minute-taker, a metadata field)
        state.section = "back"
        state.back.append(signed.group(1))
        state.meta.append(MetaField(signed.group(2), signed.group(3).strip(), "minute_taker"))
        return True
    return False


_SIGNED_BY = re.compile(
    r"^([A-ZÄÖÜ][\wäöüß.\- ]{1,40},\s*(?:den\s+|am\s+)?\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zäÄ]+)"
    r"\s?\d{2,4})\s{2,}(Protokoll|Protokollführung|Protokollführer(?:in)?|Schriftführer(?:in)?"
    r"|Protokollant(?:in)?)\s*:\s*([A-ZÄÖÜ][^:]{1,60})$"
)
"""A signature line with the minute-taker after a wide gap (a Word tab): ``Nordhagen,
22.10.2025    Protokoll: Waltraud Kemper``."""


_ANY_DIGIT = re.compile(r"\d")


def _items_below(state: State) -> bool:
    """True when a heading or a ``TOP n`` line follows: a signature field in the opening item
    (``Unterschrift: ____`` under ``## Top 0: Regularia``) does not end the minutes."""
    for below in state.lines[state.index + 1 :]:
        if below.hints.heading is not None or EXPLICIT_ITEM.match(below.text.strip()):
            return True
    return False


def _signature(text: str) -> bool:
    """:data:`SIGNATURE` matches. Its date form has a digit after the comma and its other forms
    start with ``g``, ``G``, ``U``, ``F`` or ``_``: looked at first (speaker lines have commas)."""
    if text[:1] not in "gGUF_" and _ANY_DIGIT.search(text, text.find(",") + 1) is None:
        return False
    return SIGNATURE.match(text) is not None


def _top_item(state: State) -> _ItemBuilder | None:
    return state.items[-1] if state.items else None


PART = re.compile(
    r"^(?:[IVX]{1,4}\.?\s+|[A-D][.)]\s+)?(?:nicht[- ]?)?öffentliche[rs]?\s+"
    r"(?:Teil|Sitzungsteil|Sitzung)\s*:?$",
    re.IGNORECASE,
)
"""``I. Öffentlicher Teil``, ``Nichtöffentliche Sitzung``: the part of a council meeting the
items below belong to, in the agenda and in the minutes; no item itself."""


def _after_part(state: State) -> bool:
    """True right after ``III. Öffentlicher Teil``: the items between were not public, so the
    numbers may leave a gap."""
    for line in reversed(state.lines[: state.index]):
        if line.text.strip():
            return PART.match(line.text.strip().strip("*_ ")) is not None
    return False


_CONTAINERS = {
    "diskussionspunkte", "besprechungspunkte", "gesprächspunkte", "themen", "discussion",
    "discussion points", "notes", "meeting notes", "topics",
}  # fmt: skip
"""Headings that hold the topics below them; right over a deeper heading, no item."""


def _deeper_heading_below(state: State, line: Line) -> bool:
    below = state.next_line()
    level = line.hints.heading
    return (
        below is not None
        and level is not None
        and below.hints.heading is not None
        and below.hints.heading > level
    )


_TABLE_ITEM_NUMBER = re.compile(r"(?:TOP\s*)?(\d{1,2})\.?")


def _item_in_table(state: State, cells: tuple[str, ...]) -> tuple[int, None, str, int] | None:
    """``1 | Begrüßung und Sitzungsleitung`` in a table of the minutes (a head row ``TOP |
    Themen / Beschlussfassungen``, rows with an empty first cell holding what was said): an
    item, its title the other cells."""
    number = _TABLE_ITEM_NUMBER.fullmatch(cells[0].strip().strip("*_ ")) if cells else None
    if number is None or len(cells) < 2 or not _in_minutes_table(state):
        return None
    title = " | ".join(c.strip() for c in cells[1:] if c.strip())
    return (int(number.group(1)), None, title, 0) if title else None


def _in_minutes_table(state: State) -> bool:
    """The current line is a row of a table whose head row names a number column (``TOP``,
    ``Nr.``) and which holds rows with an empty first cell (the minutes, not a plan): looked
    for at most 300 rows back and 300 ahead."""
    start = state.index - 1
    while start >= 0 and start > state.index - 300:
        cells = state.lines[start].hints.table_row
        first = cells[0].strip().strip("*_ ") if cells else ""
        if not cells or _PLAN_NUMBER_HEAD.match(first):
            break
        if first and not _TABLE_ITEM_NUMBER.fullmatch(first):
            return False  # (a row of another kind: not a table of the minutes)
        start -= 1
    head = state.lines[start].hints.table_row if start >= 0 else ()
    if not head or not _PLAN_NUMBER_HEAD.match(head[0].strip().strip("*_ ")):
        return False
    for line in state.lines[start + 1 : start + 300]:
        cells = line.hints.table_row
        if not cells:
            break
        if not cells[0].strip() and any(c.strip() for c in cells[1:]):
            return True
    return False


def _item_of(state: State, line: Line) -> tuple[int, int | None, str, int] | None:
    """(number, sub-number, title, heading level) if the line opens an agenda item."""
    hints = line.hints
    text = line.text.strip()
    if "ffentlich" in text and PART.match(text.strip("*_ ")):
        return None
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold and hints.heading is None:
        text = bold.group(1) + bold.group(2)
        hints = replace(hints, bold=True)
    if hints.list_level is not None and hints.bold and not state.list_items:
        numbered = NUMBERED_ITEM.match(text)
        if numbered:  # a bold numbered list entry: how RTF keeps ``1 Titel``
            return int(numbered.group(1)), None, numbered.group(2).strip(), 99
        return None
    if hints.list_level is not None:
        if not (
            state.list_items and hints.list_level == 0 and (hints.list_marker or "")[:1].isdigit()
        ):
            return None
        marker = hints.list_marker or "1."
        return int(_NON_DIGITS.sub("", marker) or 1), None, text, 0
    if hints.table_row:
        return _item_in_table(state, hints.table_row)
    explicit = EXPLICIT_ITEM.match(text)
    level = hints.heading if hints.heading is not None else (0 if not hints.bold else 99)
    if explicit:
        numbers = [int(n) for n in explicit.group(2).split(".")]
        title = explicit.group(3).strip()
        if _point_of_a_motion(explicit.group(1), title, hints):
            return None  # ``Punkt 1 des Antrags wird einstimmig angenommen.``: a sentence
        if not title and hints is NO_HINTS:
            title = _title_below(state) or _title_after_blank(state)  # ``Top 1`` / ``Begrüßung``
        elif hints is NO_HINTS and _REFERENCE_ONLY.match(title):
            below = _title_after_blank(state)  # ``Ö 3 - 22-1047`` / … / ``Sommerprogramm``
            title = f"{title} {below}" if below else title
        state.item_prefix = explicit.group(1)
        colon = text[: explicit.start(3)].rstrip().endswith(":")
        if colon and hints == NO_HINTS:  # (also a Word paragraph without marks)
            title, state.item_text = _run_in_item(title)
        if len(numbers) > 1:
            return numbers[0], numbers[1], title, level
        return numbers[0], None, title, level
    if hints.heading is not None:
        key = label_key(_heading_text(line))
        if (key in SECTION_MARKERS or _meta_section(key)) and not state.items:
            return None
        if key in _CONTAINERS and not state.items and _deeper_heading_below(state, line):
            return None  # ``## 📝 Diskussionspunkte`` right over ``### Topic 1: …``
        match = HEADING_NUMBER.match(text)
        if match and match.group(1):
            numbers = [int(n) for n in match.group(1).split(".")]
            title = text[match.end() :].strip()
            if numbers[1:] == [0]:
                numbers = numbers[:1]  # ``2.0 Projektvorstellung``: the item over 2.1, 2.2
            if len(numbers) > 1:
                return numbers[0], numbers[1], title, level
            return numbers[0], None, title, level
        if hints.number is not None:
            return hints.number, None, text, level
        return -1, None, text.strip("*_ "), level
    dated = DATED_ITEM.match(text) if text[:1].isdigit() and " - " in text[:16] else None
    if dated and _plain(hints):
        numbers = [int(n) for n in dated.group(2).split(".")]
        state.item_prefix = dated.group(1)  # ``02.12.2024 -``: kept as written
        return numbers[0], (numbers[1] if len(numbers) > 1 else None), dated.group(3).strip(), 0
    bullet = _bullet(line.text) if hints is NO_HINTS else None
    listed = EXPLICIT_ITEM.match(bullet.group(3) or "") if bullet else None
    if listed and not listed.group(3).strip():
        title = _title_below(state)  # ``  • Tagesordnungspunkt 2`` / ``    Titel``
        if title:
            state.item_prefix = listed.group(1)
            numbers = [int(n) for n in listed.group(2).split(".")]
            return numbers[0], (numbers[1] if len(numbers) > 1 else None), title, 0
    if line.text[:1].isspace() and not (
        not state.items and state.last_rule in ("title", "meta", "attendance", "front_matter")
    ):
        return None  # indented: a sub-point or a continuation, not an item
    section_sign = _SECTION_SIGN_ITEM.match(text) if text[:1] == "§" else None
    if section_sign and _plain(hints):
        number = int(section_sign.group(1))
        if not state.items or number == _expected_number(state):
            state.item_prefix = "§"
            return number, None, section_sign.group(2).strip(), 0  # ``§3 Gebäudekonzept``
    reference = REFERENCE_ITEM.match(text) if text[:1] in "zZ" else None
    if reference and (_plain(hints) or hints == _BOLD_ONLY):
        title = (
            reference.group(4).strip()
            or _title_below(state)
            or _planned_title(state, int(reference.group(2)))
        )
        if not title:
            return None
        state.item_prefix = reference.group(1).strip()  # ``Zu TOP``, kept as written
        sub_number = int(reference.group(3)) if reference.group(3) else None
        return int(reference.group(2)), sub_number, title, 0
    digit = text[:1].isdigit()  # (both numbered forms start with a digit)
    sub = SUB_ITEM.match(text) if digit else None
    top = _top_item(state)
    if (
        sub
        and top is not None
        and int(sub.group(1)) == top.number
        and (state.blank_before or hints.bold or _short_title(sub.group(3)))
        and not _prose_paragraph(sub.group(3))
    ):
        expected_sub = top.items[-1].number + 1 if top.items else 1
        if int(sub.group(2)) == expected_sub or hints.bold:
            return int(sub.group(1)), int(sub.group(2)), sub.group(3).strip(), level
    numbered = NUMBERED_ITEM.match(text) if digit else None
    if numbered and _ordinal_office(line):
        return None  # ``2. Vorsitzender: Jonas Albrecht``: an office, not item 2
    if numbered:
        number = int(numbered.group(1))
        title = numbered.group(2).strip()
        if not state.items and text[len(numbered.group(1)) : len(numbered.group(1)) + 1] == ".":
            first = title.split(maxsplit=1)[0].lower().rstrip(",")
            if first.endswith(("sitzung", "treffen", "versammlung", "tagung", "konferenz")):
                return None  # ``9. Sitzung in der IX. Wahlperiode …``: which meeting, no item
        if hints.bold and not state.list_items:
            return number, None, title, level
        dotted = text[len(numbered.group(1)) : len(numbered.group(1)) + 1] in (".", ")")
        lower = dotted and title[:1].islower()
        # Right under a paragraph or point a number goes on with that text; under the title,
        # metadata or a speaker line it starts an item just as after a blank line.
        under_point = not state.blank_before and state.last_rule in ("point", "continued")
        planned = (
            len(state.agenda) >= number
            and not _list_goes_on(state, number)  # (``2. aa`` under ``1. …``: a list)
            and number == _expected_number(state)
            and _fold_title(title) in {_fold_title(e) for e in state.agenda}
        )  # ``2. Situation Spielplatz`` as planned: an item even right under a point
        if not planned and (
            under_point or _continues(state, line) or lower or state.previous == "numbered"
        ):
            return None
        if (
            state.items
            and number != _expected_number(state)
            and not _restarts_agenda(state, number, title)
        ):
            return None
        if not state.items and state.section == "front" and _looks_like_list(state, number):
            return None
        if not state.items and not planned and _numbered_prose(title, number):
            return None
        return number, None, title, level
    if not state.items and _section_marker(text):
        return None  # ``V e r l a u f   d e r   S i t z u n g :``, ``Niederschrift``: no item
    if state.agenda and _matches_agenda(state, text):
        return -1, None, text.rstrip(":"), 50
    plain = hints in (NO_HINTS, _BOLD_ONLY)  # a Markdown paragraph line as a plain text line
    if state.implicit_items and plain and _looks_like_heading(state, line, text):
        return -1, None, text.rstrip(":"), 50
    if hints.bold and level == 99 and not state.items_from_headings():
        if parse_person(text, state.known) or _label(text) or len(text) > 80:
            return None
        if text.endswith((".", ",", ";")) or not state.blank_before:
            return None
        following = state.next_line()
        if following is None:
            return None
        return -1, None, text.rstrip(":"), level
    return None


def _planned_title(state: State, number: int) -> str:
    """The planned agenda's entry ``number`` for a bare reference with nothing but a sentence
    below (``Zu Punkt 3.)`` / blank / ``Der Bürgermeister bringt …``): the item is the plan's
    third entry. Empty without a plan of that length or before it."""
    if state.agenda_open or not 0 < number <= len(state.agenda):
        return ""
    return state.agenda[number - 1]


def _list_goes_on(state: State, number: int) -> bool:
    """True when the open item's last block holds a numbered point ``number - 1``: a line
    numbered ``number`` goes on with that list (even below its nested points)."""
    item = state.current_item()
    if item is None or not item.blocks or state.blank_before:
        return False
    before = (f"{number - 1}.", f"{number - 1})")
    return any(p.kind == "numbered" and p.marker in before for p in item.blocks[-1].points)


def _short_title(text: str) -> bool:
    """Words that read as a title, not a sentence: ``6.1. Anschaffung eines Rasentraktors``
    right under the text of TOP 6 starts its first sub-item as after a blank line."""
    text = text.strip()
    return len(text) <= 70 and not text.endswith((".", ",", ";", ":")) and text[:1].isupper()


def _title_below(state: State) -> str:
    """The title on the line under an item number standing alone (``zu TOP 1.1``, ``Top 2``,
    ``• Tagesordnungspunkt 1``), right below or after blank lines when the number stands in a
    list of its own; that line is taken. Empty when the next line is no title."""
    index = state.index + 1
    title = _plain_text_below(state, 150) or _title_label_below(state)
    if title and not state.lines[index].text[:1].isspace():
        if REFERENCE_ITEM.match(title) or EXPLICIT_ITEM.match(state.lines[index].text):
            return ""
        state.skip = index
        return title
    if not state.lines[state.index].text[:1].isspace():
        return ""
    for index in range(state.index + 1, min(state.index + 4, len(state.lines))):
        below = state.lines[index]
        text = below.text.strip()
        if not text:
            continue
        if (
            not _plain(below.hints)
            or len(text) > 150
            or _bullet(below.text)
            or _label(text) is not None
            or EXPLICIT_ITEM.match(text)
        ):
            return ""
        state.skip_until = index + 1  # ``  • Tagesordnungspunkt 1`` / ``    Bekanntgaben``
        return text
    return ""


_REFERENCE_ONLY = re.compile(r"^(?:[-–]\s*)?\d[\d/.-]*\d$")
"""``22-1047``: a document number where the item's title would stand."""
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def _title_after_blank(state: State) -> str:
    """The title a blank line below a bare item number (``Ö 1`` / blank / ``Öffentliche
    Fragestunde`` / blank): a short plain line standing alone, not a sentence. That line is
    taken; empty when there is none."""
    lines = state.lines
    index = state.index + 1
    if index >= len(lines) or lines[index].text.strip():
        return ""
    index += 1
    if index >= len(lines):
        return ""
    below = lines[index]
    text = below.text.strip()
    if (
        not text
        or below.hints is not NO_HINTS
        or len(text) > 200
        or text.endswith(_SENTENCE_END)
        or below.text[:1].isspace()
        or _bullet(below.text)
        or _label(text) is not None
        or EXPLICIT_ITEM.match(text)
        or (index + 1 < len(lines) and lines[index + 1].text.strip())
    ):
        return ""
    state.skip_until = index + 1
    return text


_LETTERED_ENTRY = re.compile(r"^\s*([a-z])\)\s+(\S.{0,120})$")


def _plan_sub_entry(state: State, line: Line) -> bool:
    """``6) Neuwahl des Vorstandes`` / ``a) Wahl des Wahlleiters`` / ``b) Wahl`` / ``7) …``:
    lettered entries under a numbered one are part of the plan (kept with their letter), not
    the end of it (True: the line was taken)."""
    if not state.agenda or state.previous != "agenda" or not _plain(line.hints):
        return False
    match = _LETTERED_ENTRY.match(line.text)
    if match is None:
        return False
    last = _LETTERED_ENTRY.match(state.agenda[-1])
    expected = chr(ord(last.group(1)) + 1) if last else "a"
    if match.group(1) != expected or (last is None and state.agenda_number is None):
        return False
    state.agenda.append(f"{match.group(1)}) {match.group(2).strip()}")
    state.previous = "agenda"
    return True


def _title_label_below(state: State) -> str:
    """``TOP 5`` / ``Gemeindebrief:``: the line right below a bare item number is a title
    written as a label with nothing after it (not a label of the layout's own, such as
    ``Beschluss:`` or ``Anwesend:``); the title without its colon, or empty."""
    index = state.index + 1
    below = state.lines[index] if index < len(state.lines) else None
    if below is None or not _plain(below.hints):
        return ""
    text = below.text.strip()
    nothing = text.rstrip("-– ").endswith(":") and text.endswith(("-", "–"))
    if not (text.endswith(":") or nothing) or len(text) > 80 or not text[:1].isupper():
        return ""
    parsed = _label(text)
    if parsed is None or (parsed[2] and not nothing):
        return ""
    key = label_key(parsed[0])
    if (
        meta_kind(key) is not None
        or _attendance_kind(key)[0]
        or key in AGENDA_LABELS
        or key in DECISION_LABELS
        or key in TASK_LABELS
    ):
        return ""
    if nothing:
        return " ".join(text.split())  # ``Andacht (Pfr. Hägele):    -``: nothing to report
    return text[:-1].rstrip()


def _plain_text_below(state: State, limit: int) -> str:
    """The text of the line right below the current one when it is a short plain line (no
    hints, no list entry, no ``Label:``); empty otherwise."""
    index = state.index + 1
    below = state.lines[index] if index < len(state.lines) else None
    if below is None or not (
        _plain(below.hints) or below.hints == state.lines[state.index].hints == _BOLD_ONLY
    ):
        return ""  # (``Zu TOP 4.`` and its title in one bold paragraph: both bold)
    text = below.text.strip()
    if (
        len(text) > limit
        or _bullet(below.text)
        or NUMBER_MARKER.match(below.text)
        or _label(text) is not None
    ):
        return ""
    return text


def _fold_title(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _matches_agenda(state: State, text: str) -> bool:
    """True when a line names an entry of the planned agenda (``Organisatorisches``)."""
    if len(text) > 120 or not state.blank_before or text[:1] in "-–•*":
        return False
    folded = _fold_title(text)
    if len(folded) < 4:
        return False
    for entry in state.agenda:
        other = _fold_title(entry)
        if other == folded or (other.startswith(folded + " ") and len(folded) >= 8):
            return True
    return False


_PAGE_LABELS = {
    "reduzieren", "erweitern", "wortprotokoll", "sachverhalt", "beschlussvorschlag",
    "protokoll", "beschluss", "abstimmungsergebnis", "erläuterungen und hinweise",
    "allris - auszug", "auszug", "inhalt der datei", "öffentliche niederschrift",
}  # fmt: skip
"""The fixed labels of a council information system's item page (``Reduzieren``,
``Wortprotokoll``, ``Sachverhalt``): parts of the page, never topics of their own."""


_INITIALS_LABEL = re.compile(r"[A-ZÄÖÜ]{2,3}:$")


def _looks_like_heading(state: State, line: Line, text: str) -> bool:
    """A short line standing alone above content: a topic heading in a protocol that has no
    numbered items or heading styles (``Organisatorisches``)."""
    if line.text[:1].isspace() or len(text) > 60 or state.previous == "continued":
        return False
    if not text[:1].isupper() or text.endswith((".", ",", ";", "!")) or len(text.split()) > 7:
        return False
    parsed = _label(text)
    if parsed and (
        parsed[2]
        or label_key(parsed[0]) in DECISION_LABELS
        or label_key(parsed[0]) in AGENDA_LABELS
    ):
        return False  # ``Beschluss:`` above its wording, ``Tagesordnung:``: a label, not a topic
    if parse_person(text, state.known) is not None or state.known.knows(text.rstrip(":")):
        return False
    if _INITIALS_LABEL.match(text):
        return False  # ``KB:`` above a list: a speaker's initials, not a topic
    if text[:1] in "NnDd" and NEXT_MEETING_SENTENCE.match(text) and find_date(text):
        return False  # ``Nächstes Meeting 16.05.2023`` above its agenda: the next meeting
    if label_key(text) in _PAGE_LABELS:
        return False
    after = state.next_line()
    if after is None or after.hints.heading is not None:
        return False
    if after.hints.list_level is not None or _bullet(after.text):
        return True
    following = after.text.strip()
    return len(following) >= 30 and len(following.split()) >= 4


def _looks_like_list(state: State, number: int) -> bool:
    """A numbered line before the first item that starts a plain list: the very next line goes
    on with the next number (``1. …`` / ``2. …``)."""
    following = state.lines[state.index + 1] if state.index + 1 < len(state.lines) else None
    if following is None:
        return False
    numbered = NUMBERED_ITEM.match(following.text.strip())
    return bool(numbered and int(numbered.group(1)) == number + 1)


_SPACED_LETTERS = re.compile(r"(?<=\b\w) (?=\w\b)")


_PROSE_VERB = re.compile(
    r"\b(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|liegt|liegen|lag|lagen"
    r"|findet|fand|gibt|begrüßt|begrüßte|eröffnet|eröffnete|berichtet|berichtete|stellt|stellte)\b"
)


def _point_of_a_motion(prefix: str, title: str, hints: Hints) -> bool:
    """``Punkt 1 des Antrags …``, ``Punkt 2 wird mit 2 Ja-Stimmen … abgelehnt``: ``Punkt`` and
    a number going on with an article or a verb is a sentence about a motion's point, not an
    item."""
    first = title.split(maxsplit=1)[0] if title else ""
    return prefix in ("Punkt", "Pkt.") and first in _SENTENCE_GOES_ON and hints.heading is None


_SENTENCE_GOES_ON = frozenset((
    "des", "der", "die", "das", "dem", "den", "wird", "wurde", "werden", "wurden", "ist", "sind",
    "war", "waren", "bleibt", "soll", "sollte", "muss", "kann",
))  # fmt: skip
"""Words after ``Punkt 1`` that go on with a sentence (``Punkt 1 des Antrags wird …``), where a
title (even one in lower case: ``Punkt 2 verschiedenes``) would start."""


def _prose_paragraph(title: str) -> bool:
    """``1.1       Ich wohne seit 2004 … Wie lange soll das noch dauern?``: a numbered
    paragraph of prose (two sentences, or a long question), not a sub-item's title."""
    title = title.strip()
    return len(title) > 80 and (title.endswith("?") or _TWO_SENTENCES.search(title) is not None)


_RUN_IN_LABEL = re.compile(r"([^\W\d][^:.!?]{1,60}?):\s+(?=[A-ZÄÖÜ])")
"""``Regularien: Teilnehmerlisten werden …``: a short label, its colon, then the text."""


def _run_in_item(title: str) -> tuple[str, str]:
    """(title, first entry) of what follows ``TOP 1:`` on the item's own line. A sentence of the
    minutes instead of a title (``TOP 1: Obmann X eröffnet … um 19:10 Uhr.``) is the first entry
    of an item without a title; a short label before a colon and such a sentence (``Top 2:
    Regularien: Teilnehmerlisten werden unterzeichnet … festgestellt.``, the whole item run
    into one Word paragraph) is the title, the rest its first entry."""
    label = _RUN_IN_LABEL.match(title)
    if label and len(label.group(1).split()) <= 5 and _PROSE_VERB.search(label.group(1)) is None:
        rest = title[label.end() :]
        if _prose_title(rest):
            return label.group(1).strip(), rest
    if _prose_title(title):
        return "", title
    return title, ""


def _prose_title(title: str) -> bool:
    """``TOP 1: Obmann Frank Siemers eröffnet die Jahreshauptversammlung um 19:10 Uhr und …``:
    the minutes' first sentence written right after the item's number and colon instead of a
    title (a long sentence with a verb, ended by a full stop) – the item has no title, the
    sentence is its first entry. ``TOP 3: Genehmigung des Protokolls der Sitzung vom
    12.03.2024.`` is a title (no verb); so is a title written without the colon (``TOP 5 In §3
    … soll … ersetzt werden.``, as the archive text writes one)."""
    return (
        len(title) <= 600
        and title.endswith((".", "!"))
        and len(title.split()) >= 8
        and _PROSE_VERB.search(title) is not None
    )


def _section_marker(text: str) -> bool:
    """A plain line that only says the minutes start here (``Verlauf der Sitzung:``,
    ``Niederschrift``), also with a short word still letter-spaced (``Verlauf   d e r
    Sitzung :``)."""
    if len(text) > 60:
        return False
    key = label_key(text.rstrip(": "))
    return key in SECTION_MARKERS or _SPACED_LETTERS.sub("", key) in SECTION_MARKERS


def _numbered_prose(title: str, number: int) -> bool:
    """``1. Juristisch die Mieterhöhung überprüfen lassen. Die anwesende Anwältin …`` /
    ``2. Politisch Druck machen. Ein offener Brief … soll …`` in a report, before any item:
    the options the text goes through, written as sentences – not items. A title is no
    sentence that goes on after its full stop; the first entry must also say more than a
    title before it (``1. Begrüßung. Die Vorsitzende begrüßt alle.`` is item 1)."""
    head, stop, rest = title.partition(". ")
    if not stop or len(rest.split()) < 4 or not title.endswith((".", "!", "?")):
        return False
    return number > 1 or len(head.split()) >= 4


def _restarts_agenda(state: State, number: int, title: str) -> bool:
    """True when the numbering starts again with the first item's title while the items so far
    hold next to nothing: they were the planned agenda, printed before the minutes (the layout
    of a council's Niederschrift)."""
    if len(state.items) < 2 or state.agenda or number != state.items[0].number:
        return False
    if any(item.number != state.items[0].number + i for i, item in enumerate(state.items)):
        return False  # the plan counts up: 1, 2, 3 …
    first, again = _fold_title(state.items[0].title), _fold_title(title)
    if len(again) < 4 or not (
        first == again or (min(len(first), len(again)) >= 8 and first.startswith(again))
    ):
        return False
    items = [i for top in state.items for i in (top, *top.items)]
    if any(i.presenter is not None for i in items):
        return False
    small = [
        len(b.points) <= 2 and all(len(p.text) <= 80 for p in b.points) for b in _blocks(items[:-1])
    ]
    return all(small)


def _blocks(items: list[_ItemBuilder]) -> list[_BlockBuilder]:
    return [b for i in items for b in i.blocks]


def _items_to_agenda(state: State, line: Line) -> None:
    """The items read so far become the planned agenda; what stood under them is kept before
    the first item (the preamble)."""
    items = [i for top in state.items for i in (top, *top.items)]
    state.agenda = [i.title for i in items]
    for block in _blocks(items):
        if block.speaker is None and state.preamble and state.preamble[-1].speaker is None:
            state.preamble[-1].points.extend(block.points)  # one block, as the text reads back
        else:
            state.preamble.append(block)
    state.items = []
    state.item_level = None
    state.first_prefix = ""
    state.note(line, "Die Punkte davor waren die Tagesordnung; hier beginnt das Protokoll.")


def _expected_number(state: State) -> int:
    return state.items[-1].number + 1 if state.items else 1


def rule_item(state: State, line: Line) -> bool:
    """``1 Titel``, ``1. Titel``, ``TOP 1: Titel``, ``TOP 5.2``, a heading of any level, a bold
    line, or a top-level numbered list entry when the agenda is written as a list."""
    state.item_prefix = ""
    state.item_text = ""
    if state.index < state.title_index and not line.hints.heading:
        return False  # a plain line above the title (``Jahresbericht von …``): no item
    found = _item_of(state, line)
    if found is None:
        state.item_text = ""
        return False
    prefix = state.item_prefix
    number, sub, title, level = found
    state.attendance = None
    state.agenda_open = False
    top = _top_item(state)
    is_sub = sub is not None or (
        sub is None
        and top is not None
        and level != 99
        and state.item_level is not None
        and level > state.item_level
        and number == -1
    )
    if is_sub and top is not None:
        expected = top.items[-1].number + 1 if top.items else 1
        sub_number = sub if sub is not None else expected
        if sub is not None and number != top.number:
            state.warn(line, f"Unterpunkt {number}.{sub} steht unter TOP {top.number}.")
        title, presenter = split_presenter(title, state.participants)
        top.items.append(_ItemBuilder(sub_number, title, presenter, line.number, level))
    else:
        if number != -1 and _restarts_agenda(state, number, title):
            _items_to_agenda(state, line)
        if number == -1:
            number = _expected_number(state)
        elif state.items and number != _expected_number(state) and not _after_part(state):
            state.warn(line, f"Tagesordnungspunkt {number} folgt auf {state.items[-1].number}.")
        if state.item_level is None or level < state.item_level:
            state.item_level = level
        title, presenter = split_presenter(title, state.participants)
        if not state.items and not top:
            state.first_prefix = prefix
        state.items.append(_ItemBuilder(number, title, presenter, line.number, level))
    state.section = "items"
    state.previous = "item"
    state.point_stack = []
    if state.item_text:
        state.block(line).points.append(_PointBuilder(state.item_text, line.number, "paragraph"))
        state.item_text = ""
    return True


_TASK_COLUMNS = TASK_TABLE_COLUMNS


def rule_flat_table(state: State, line: Line) -> bool:
    """A task table whose cells were flattened one a line (``Aufgabe`` / ``Verantwortlich`` /
    ``Deadline`` / ``Status``, then four lines a row): a paragraph per row, each cell after its
    header as in a table row (``Aufgabe: … | Verantwortlich: … | Deadline: …``)."""
    if line.hints is not NO_HINTS or label_key(line.text) not in _TASK_COLUMNS:
        return False
    lines = state.lines
    start = state.index
    header: list[str] = []
    index = start
    while index < len(lines) and len(header) < 6:
        text = lines[index].text.strip()
        if lines[index].hints is not NO_HINTS or label_key(text) not in _TASK_COLUMNS:
            break
        header.append(text)
        index += 1
    columns = {_TASK_COLUMNS[label_key(h)] for h in header}
    width = len(header)
    if width < 3 or not {"what", "who"} <= columns:
        return False
    rows: list[list[Line]] = []
    while index + width <= len(lines):
        row = lines[index : index + width]
        if any(r.hints is not NO_HINTS or not r.text.strip() or len(r.text) > 200 for r in row):
            break
        if any(label_key(r.text) in _TASK_COLUMNS for r in row):
            break
        rows.append(row)
        index += width
    if not rows:
        return False
    block = state.block(line)
    block.points.append(_PointBuilder(" | ".join(header), line.number, "paragraph"))
    for row in rows:
        text = " | ".join(f"{h}: {r.text.strip()}" for h, r in zip(header, row, strict=True))
        block.points.append(_PointBuilder(text, row[0].number, "paragraph"))
    state.skip_until = index
    state.point_stack = []
    state.previous = "paragraph"
    return True


_LETTERED_HEADING = re.compile(r"^([a-h])\)\s+(\S.{2,100})$")


def rule_lettered_heading(state: State, line: Line) -> bool:
    """``a) JAHRESBERICHT WEHRFÜHRER`` under an item, in capitals on a line of its own: a
    sub-item (typed minutes mark their sub-headings so), not a point; indented by spaces or a
    tab alike."""
    text = line.text.lstrip()
    if text[1:2] != ")" or state.section != "items" or not _plain(line.hints):
        return False
    match = _LETTERED_HEADING.match(text.rstrip())
    top = _top_item(state)
    if match is None or top is None:
        return False
    title = match.group(2).strip()
    number = ord(match.group(1)) - ord("a") + 1
    expected = top.items[-1].number + 1 if top.items else 1
    if number != expected:
        return False
    capitals = title.isupper() and sum(c.isalpha() for c in title) >= 6
    if not (capitals and not title.endswith(":")) and not _lettered_alone(state, title, top):
        return False
    top.items.append(_ItemBuilder(number, title, None, line.number, top.level + 1))
    state.previous = "item"
    state.point_stack = []
    return True


def _lettered_alone(state: State, title: str, top: _ItemBuilder) -> bool:
    """`` a) Kollektenplan 2025`` between blank lines, prose below it (or after an earlier
    lettered sub-item): a sub-heading of the item, not a point of a lettered list."""
    if not state.blank_before or not _short_title(title.split(":")[0]) or "," in title:
        return False
    below = state.lines[state.index + 1] if state.index + 1 < len(state.lines) else None
    if below is None or below.text.strip():
        return False  # (a line right below: a list of lettered points)
    if top.items:
        return True
    after = state.next_line()
    return (
        after is not None
        and _plain(after.hints)
        and _marker_of(after) is None
        and len(after.text.strip()) > len(title)
    )


def _marker_of(line: Line) -> tuple[int, str, PointKind, str | None] | None:
    """(indent, text, kind, marker) when the line is a list entry."""
    hints = line.hints
    if hints.list_level is not None:
        marker = hints.list_marker
        numbered = marker is not None and marker not in ("-", "*", "+")
        return (
            hints.list_level * 2,
            line.text.strip(),
            "numbered" if numbered else "bullet",
            (marker if numbered else None),
        )
    text = line.text
    first = text.lstrip()[:1]
    if (first.isalpha() and first not in _MARKER_LETTERS) or not first:
        return None  # fast path: a word, not a list marker
    bullet = _bullet(text)
    if bullet:
        indent = bullet.group(1)
        width = indent_width(indent) if indent else 0  # (most bullets start the line)
        return width, (bullet.group(3) or "").strip(), "bullet", None
    number = NUMBER_MARKER.match(text)
    if number:
        return indent_width(number.group(1)), number.group(3).strip(), "numbered", number.group(2)
    return None


_META_SECTION_WORDS = frozenset(("zeit", "ort", "datum", "termin", "uhrzeit"))
_FILLERS = frozenset(("und", "der", "des", "die", "das", "sitzung", "versammlung", "treffens"))


def _meta_section(key: str) -> bool:
    """``Zeit und Ort der Versammlung``, ``Datum, Zeit und Ort``: a heading over the meeting's
    metadata, not an item."""
    if "ort" not in key and "zeit" not in key and "datum" not in key:
        return False
    words = set(key.replace(",", " ").split())
    return bool(words & _META_SECTION_WORDS) and words <= _META_SECTION_WORDS | _FILLERS


_ORDINAL_OFFICE_START = re.compile(
    r"^\s*\d{1,2}\.\s+(?:stellv\.\s+|stellvertretende[rn]?\s+)?(?:Vorsitzende[rn]?|Vorsitz"
    r"|Schützenmeister(?:in)?|Bürgermeister(?:in)?|Kassier(?:er)?(?:in)?|Schriftführer(?:in)?"
    r"|Beigeordnete[rn]?|Stellvertreter(?:in)?|Sprecher(?:in)?|Kommandant(?:in)?|Hauptmann"
    r"|Präsident(?:in)?|Beisitzer(?:in)?|Jugendwart(?:in)?|Kassenprüfer(?:in)?)\b"
)


def _ordinal_office(line: Line) -> bool:
    """``2. Schützenmeister Florian Eckert geht …``, ``1. Vorsitzende: Miriam Fenske``: an office
    with its ordinal (the second chairman), not a numbered entry or item."""
    hints = line.hints
    if hints.list_level is not None:  # Markdown made ``2. Schützenmeister …`` a list entry
        marker = hints.list_marker or ""
        return (
            hints.list_level == 0
            and marker[:1].isdigit()
            and _ORDINAL_OFFICE_START.match(f"{marker} {line.text.strip()}") is not None
        )
    return line.text.lstrip()[:1].isdigit() and _ORDINAL_OFFICE_START.match(line.text) is not None


def rule_point(state: State, line: Line) -> bool:
    """``- Punkt`` (also ``–``, ``•``, ``*``), ``1.``, ``a)``, nested by indentation."""
    found = _marker_of(line)
    if found is None:
        return False
    if found[2] == "numbered" and _ordinal_office(line):
        if line.hints.list_level is None:
            return False  # a paragraph (:func:`rule_paragraph`)
        block = state.block(line)  # the list entry, written back as the paragraph it was
        block.points.append(_PointBuilder(f"{found[3]} {found[1]}", line.number, "paragraph"))
        state.point_stack = []
        state.previous = "paragraph"
        return True
    indent, text, kind, marker = found
    if state.list_items and line.hints.list_level is not None and indent >= 2:
        indent -= 2  # the agenda is a numbered list; its entries' sub-lists are the content
    if not text:
        state.note(line, "Leerer Punkt übersprungen.")
        return True
    block = state.block(line)
    point = _PointBuilder(text, line.number, kind, marker)
    stack = state.point_stack
    while stack and stack[-1][0] >= indent:
        stack.pop()
    if len(stack) >= MAX_DEPTH:
        state.warn(line, f"Punkte sind tiefer als {MAX_DEPTH} Ebenen verschachtelt; "
                         f"dieser Punkt steht auf Ebene {MAX_DEPTH}.")  # fmt: skip
        stack.pop()
    if stack:
        stack[-1][1].children.append(point)
    else:
        block.points.append(point)
    stack.append((indent, point))
    state.previous = "numbered" if kind == "numbered" else "point"
    return True


def _abbreviation_end(text: str) -> bool:
    """The final dot belongs to an abbreviation (``e.V.``, ``u.a.``, ``Dr.``), not a sentence."""
    last = text.rsplit(None, 1)[-1]
    return "." in last[:-1] or len(last) <= 3


def rule_speaker(state: State, line: Line) -> bool:
    """``Name, Einrichtung``, ``Name (Einrichtung)``, ``Name:`` or a participant's name alone
    on a line opens a new block."""
    if line.hints.list_level is not None or line.hints.heading is not None:
        return False
    text = line.text.strip()
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold:
        text = bold.group(1) + bold.group(2)
    if len(text) > 150 or (not text[:1].isupper() and text[:1] != "@") or "    " in text:
        return False  # (wide gaps: the columns of a signature block, not a name)
    if "FFENTLICH" in text.upper() and PART.match(text):
        return False  # ``I. ÖFFENTLICHER TEIL``: a part of the meeting, nobody speaking
    person = parse_person(text, state.known)
    if person is None and text.endswith(":"):
        name = text[:-1].strip()
        if plausible_name(name, state.known) and label_key(name) not in DECISION_LABELS:
            person = Person(name)
    if person is None:
        return False
    if (
        person.affiliation
        and text.endswith(".")
        and not _abbreviation_end(text)
        and len(person.affiliation.split()) >= 3
        and reports_speech(person.affiliation)
    ):
        return False  # ``Der Vorsitzende, Herr Feddersen, eröffnet die Sitzung …``: a sentence
    if (
        not state.items
        and not state.preamble
        and not person.affiliation
        and not (state.participants and state.known.knows(person.name))
    ):
        # before any content a name alone is a speaker when it is a participant's (``Titel
        # Logo`` above the minutes is none) or when its points are listed right below
        following = state.next_line()
        listed = following is not None and (
            following.hints.list_level is not None or _bullet(following.text) is not None
        )
        if not (text.endswith(":") and listed):
            return False  # (``KB:`` with its points right below is a speaker even here)
    state.blocks().append(_BlockBuilder(person, line.number))
    state.point_stack = []
    state.previous = "speaker"
    return True


def _continuation_target(state: State, line: Line) -> _PointBuilder | None:
    """The point or paragraph that this line would continue (see :func:`rule_continued`)."""
    if state.blank_before or state.previous not in ("point", "numbered", "paragraph", "continued"):
        return None
    if line.hints.list_level is not None or line.hints.heading is not None or line.hints.table_row:
        return None
    text = line.text.strip()
    if text[:1] in "o§" and _bullet(line.text):
        return None  # ``\to\tAngebote …``: Word's second-level bullet, no lower-case word
    blocks = state.blocks()
    if state.previous == "paragraph" or (state.previous == "continued" and not state.point_stack):
        target = blocks[-1].points[-1] if blocks and blocks[-1].points else None
    else:
        target = state.point_stack[-1][1] if state.point_stack else None
    if target is None:
        return None
    indented = line.text[:1].isspace()
    long_line = len(target.text) >= 50 or len(state.lines[state.index - 1].text.strip()) >= 50
    wrapped = (
        long_line and not target.text.endswith(_UNWRAPPED_END) and not state.broken_on_purpose(line)
    )
    if target.kind == "paragraph":
        # A hard-wrapped paragraph: the line before is long and the sentence goes on – unless
        # the line is a field of its own (``Datum: 19.02.2025``, ``Ort: …``).
        if not text[:1].islower() and _known_field(text):
            return None
        return target if wrapped or (long_line and text[:1].islower()) else None
    if (indented and state.point_stack) or text[:1].islower() or wrapped:
        return target
    if target.text.endswith(",") and text[:1].isdigit() and not _item_of(state, line):
        return target  # ``• … im November: 27 Ja,`` / ``2 Nein, 2 Enthaltungen.``: mid-count
    return None


def _known_field(text: str) -> bool:
    """``Datum: 19.02.2025``, ``Anwesend: …``: a label of the layout's vocabulary with a value."""
    parsed = _label(text) if ":" in text[:40] else None
    if parsed is None or not parsed[2]:
        return False
    key = label_key(parsed[0])
    return meta_kind(key) is not None or _attendance_kind(key)[0] or key in AGENDA_LABELS


def _continues(state: State, line: Line) -> bool:
    return _continuation_target(state, line) is not None


_WORD_BROKEN = re.compile(r"[^\W\d_][a-zäöüß]-$")
"""A line that ends in a word broken off with a hyphen (``Organisation der Ar-``)."""


def rule_continued(state: State, line: Line) -> bool:
    """A line right after a point or paragraph continues it: indented, or starting in lower
    case, or after a long line that does not end a sentence (a hard-wrapped paragraph); a
    line in lower case right under an item's title that ends in a broken word finishes it."""
    item = state.current_item() if state.previous == "item" else None
    if (
        item is not None
        and not state.blank_before
        and not item.blocks
        and _plain(line.hints)
        and line.text[:1].islower()
        and _WORD_BROKEN.search(item.title)
    ):
        item.title = f"{item.title} {line.text.strip()}"  # ``TOP 4 | … der Ar-`` / ``beits…``
        state.previous = "continued"
        return True
    target = _continuation_target(state, line)
    if target is None:
        return False
    target.text = f"{target.text} {line.text.strip()}"
    state.previous = "continued"
    return True


def rule_paragraph(state: State, line: Line) -> bool:
    """Anything else is a prose paragraph, kept where it stood: ordinary protocol content."""
    text = line.text.strip()
    cells = line.hints.table_row
    if cells and line.hints.table_header:
        state.table_header = cells
        text = " | ".join(cells)
    elif cells and not cells[0].strip() and state.items and _in_minutes_table(state):
        # `` | Thomas Diebold`` under ``1 | Begrüßung …``: what was said, the empty cell of the
        # number column dropped
        text = " | ".join(c.strip() for c in cells[1:] if c.strip())
        if rule_speaker(state, line._replace(text=text, hints=NO_HINTS)):
            return True  # ``Thomas Diebold`` alone: as the archive text reads the same line
    elif cells and len(state.table_header) == len(cells):
        labels = (h.strip().rstrip(":").strip("*_ ") for h in state.table_header)
        text = " | ".join(f"{h}: {c}" if h and c else c for h, c in zip(labels, cells, strict=True))
    elif cells:
        text = " | ".join(cells)
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold and line.hints.heading is None:
        text = bold.group(1) + bold.group(2)
    text = text.strip()
    if state.section == "back":
        state.back.append(text)
        return True
    if line.hints.heading is not None:
        key = label_key(_heading_text(line))
        if key in SECTION_MARKERS or key in AGENDA_LABELS:
            state.note(line, f"Überschrift „{_short(text)}“ als Absatz übernommen.")
    block = state.block(line)
    block.points.append(_PointBuilder(text, line.number, "paragraph"))
    state.point_stack = []
    state.previous = "paragraph"
    return True


RULES: list[tuple[str, Rule]] = [
    ("blank", rule_blank),
    ("front_matter", rule_front_matter),
    ("title", rule_title),
    ("decoration", rule_decoration),
    ("next_meeting", rule_next_meeting),
    ("attendance_table", rule_attendance_table),
    ("attendance", rule_attendance),
    ("attendance_role", rule_attendance_role),
    ("attendance_continued", rule_attendance_continued),
    ("plan_table", rule_plan_table),
    ("agenda", rule_agenda),
    ("meta_pair", rule_meta_pair),
    ("meta", rule_meta),
    ("closing", rule_closing),
    ("flat_table", rule_flat_table),
    ("item", rule_item),
    ("lettered_heading", rule_lettered_heading),
    ("point", rule_point),
    ("speaker", rule_speaker),
    ("continued", rule_continued),
    ("paragraph", rule_paragraph),
]
"""The rules in the order they are tried; the first that accepts a line consumes it."""

TRIGGERS: dict[str, int] = {
    "blank": Kind.BLANK,
    "front_matter": Kind.FRONT_MATTER,
    "title": Kind.TITLE_LINE,
    "decoration": Kind.DECORATION,
    "next_meeting": Kind.PENDING_NEXT | Kind.NEXT_WORD,
    "attendance_table": Kind.HINTED,
    "attendance": Kind.HINTED | Kind.LABEL | Kind.COLON_EARLY | Kind.BARE_LABEL,
    "attendance_role": Kind.ATTENDANCE_OPEN,
    "attendance_continued": Kind.ATTENDANCE_OPEN,
    "plan_table": Kind.HINTED,
    "agenda": Kind.AGENDA_OPEN | Kind.AGENDA_LABEL,
    "meta_pair": Kind.FRONT,
    "meta": Kind.FRONT | Kind.LABEL,
    "closing": Kind.BACK | Kind.CLOSING_WORD,
    "item": Kind.HINTED | Kind.ITEM_START | Kind.AGENDA_KNOWN | Kind.IMPLICIT_HEADING,
    "flat_table": Kind.SHORT,
    "lettered_heading": Kind.MARKER,
    "point": Kind.HINTED | Kind.MARKER,
    "speaker": Kind.UPPER,
}
"""When a rule is worth trying: it is tried only for a line whose :class:`Kind` shares a bit
with its trigger (a rule without an entry is tried for every line). A trigger is a promise:
for a line without those kinds the rule would return False and change nothing."""


@dataclass(frozen=True)
class LineRule:
    """A rule in the :class:`Ruler`: its name, its function, its trigger (:class:`Kind` bits)
    and whether it is tried at all."""

    name: str
    function: Rule
    trigger: int = Kind.ANY
    enabled: bool = True


class Ruler:
    """The ordered, named rules (in the spirit of markdown-it-py's ``Ruler``): each line goes
    to the first enabled rule whose trigger fits it and that accepts it.

    ``Ruler(RULES, TRIGGERS)`` is :data:`RULER`, the one :func:`parse_lines` uses; a copy
    (:meth:`copy`) can have rules switched off (:meth:`disable`), added (:meth:`before`,
    :meth:`after`, :meth:`push`) or replaced (:meth:`at`) without touching it.
    """

    def __init__(
        self, rules: Iterable[tuple[str, Rule]] = (), triggers: dict[str, int] | None = None
    ) -> None:
        triggers = triggers or {}
        self._rules = [LineRule(n, f, triggers.get(n, Kind.ANY)) for n, f in rules]
        self._active: tuple[tuple[str, Rule, int], ...] | None = None
        self._dispatch: dict[int, tuple[tuple[str, Rule], ...]] = {}

    def copy(self) -> Ruler:
        """An independent copy (changing it leaves this ruler as it is)."""
        other = Ruler()
        other._rules = list(self._rules)
        return other

    def names(self, enabled_only: bool = False) -> list[str]:
        """The rules' names in order."""
        return [r.name for r in self._rules if r.enabled or not enabled_only]

    def rule(self, name: str) -> LineRule:
        """The rule called ``name`` (KeyError when there is none)."""
        return self._rules[self._index(name)]

    def _index(self, name: str) -> int:
        for index, rule in enumerate(self._rules):
            if rule.name == name:
                return index
        raise KeyError(f"Keine Regel „{name}“")

    def _changed(self) -> None:
        self._active = None
        self._dispatch = {}

    def at(self, name: str, function: Rule, trigger: int = Kind.ANY) -> None:
        """Replace the function (and trigger) of the rule ``name``."""
        index = self._index(name)
        self._rules[index] = replace(self._rules[index], function=function, trigger=trigger)
        self._changed()

    def before(self, name: str, new: str, function: Rule, trigger: int = Kind.ANY) -> None:
        """Add the rule ``new`` right before ``name``."""
        self._rules.insert(self._index(name), LineRule(new, function, trigger))
        self._changed()

    def after(self, name: str, new: str, function: Rule, trigger: int = Kind.ANY) -> None:
        """Add the rule ``new`` right after ``name``."""
        self._rules.insert(self._index(name) + 1, LineRule(new, function, trigger))
        self._changed()

    def push(self, new: str, function: Rule, trigger: int = Kind.ANY) -> None:
        """Add the rule ``new`` at the end (after the catch-all ``paragraph``: rarely useful)."""
        self._rules.append(LineRule(new, function, trigger))
        self._changed()

    def enable(self, *names: str) -> None:
        """Try these rules again."""
        self._switch(names, True)

    def disable(self, *names: str) -> None:
        """Stop trying these rules (their lines go to the rules after them)."""
        self._switch(names, False)

    def _switch(self, names: tuple[str, ...], enabled: bool) -> None:
        for name in names:
            index = self._index(name)
            self._rules[index] = replace(self._rules[index], enabled=enabled)
        self._changed()

    def active(self) -> tuple[tuple[str, Rule, int], ...]:
        """(name, function, trigger) of the enabled rules, in order (what the parser loops
        over; rebuilt only after a change)."""
        if self._active is None:
            self._active = tuple((r.name, r.function, r.trigger) for r in self._rules if r.enabled)
        return self._active

    def for_kinds(self, kinds: int) -> tuple[tuple[str, Rule], ...]:
        """(name, function) of the enabled rules whose trigger shares a bit with ``kinds``, in
        order: the rules a line of these kinds goes to. A table of bit patterns (a line's kinds
        take a few hundred values at most), not of texts; rebuilt only after a change."""
        rules = self._dispatch.get(kinds)
        if rules is None:
            if len(self._dispatch) >= 4096:
                self._dispatch.clear()  # (a bound, never reached by real lines)
            rules = tuple((n, f) for n, f, trigger in self.active() if trigger & kinds)
            self._dispatch[kinds] = rules
        return rules


RULER = Ruler(RULES, TRIGGERS)
"""The rules as :func:`parse_lines` applies them."""


# --- before and after the rules -------------------------------------------------------------


def _is_label_line(text: str) -> bool:
    parsed = _label(text)
    if parsed is None:
        return False
    key = label_key(parsed[0])
    return (
        key in META_LABELS
        or key in PRESENT_LABELS
        or key in ATTENDANCE_LABELS
        or key in AGENDA_LABELS
        or bool(NEXT_MEETING.match(text))
    )


_GENERIC_WORDS = {"sitzung", "treffen", "der", "des", "die", "vom", "am", "zur", "zum", "sitzungen"}


def _generic_title(text: str) -> bool:
    """``Protokoll der Sitzung am 15.09.2022``: a title line that names no meeting itself."""
    meeting = _BRACKETED.sub(" ", parse_title(text)[0])
    return all(word.lower() in _GENERIC_WORDS for word in _WORD.findall(meeting))


_TWO_SENTENCES = re.compile(r"[^\W\d]{4,}+\. [A-ZÄÖÜ]")
"""A sentence's end after a word of four letters or more (taken whole: no letter is a dot)."""


_KICKER_SEPARATORS = frozenset(("·", "|", "•", "/"))


_MEETING_NOUN = re.compile(
    r"\w*(?:[Ss]itzung|[Tt]reffen|[Vv]ersammlung|[Pp]lenum|[Kk]onferenz|[Rr]unde|[Bb]esprechung"
    r"|[Tt]agung|[Mm]eeting)\b"
)


def _head_label(key: str) -> bool:
    """A label of a protocol's head: attendance, agenda, the meeting's place, date or time."""
    if key in PRESENT_LABELS or key in ATTENDANCE_LABELS or key in AGENDA_LABELS:
        return True
    return meta_kind(key) in ("place", "date", "time", "start", "end", "chair")


def _meeting_under_residue(candidates: list[tuple[int, Line]]) -> int:
    """``Einwohnerverein Lindenau von 1991 e.V.`` / an address / a web line / ``Stadtteilbeirat
    Lindenau – Sitzung vom 26. November 2025``: a letterhead or a page's lines above the line
    that names the meeting and its date – that line is the title. Only two lines or more below
    the first, which names neither a meeting nor a date (``Arbeitskreis Wohnen`` / ``Sitzung am
    …`` keeps its first line); -1 when the document does not start so."""
    first_line = candidates[0][1]
    first = first_line.text.strip().strip("*_#")
    if first_line.hints.heading is not None or first_line.hints.list_level is not None:
        return -1  # (a Markdown page's headings: its structure, not a letterhead)
    if TITLE.match(first) or find_date(first) or _MEETING_NOUN.search(first):
        return -1
    for position, (index, line) in enumerate(candidates[:6]):
        text = line.text.strip().strip("*_#").strip()
        if len(text) > 60 and text.endswith("."):
            return -1  # an introduction in sentences: the first line names the round
        parsed = _label(text) if position else None
        if parsed is not None and _head_label(label_key(parsed[0])):
            return -1  # ``Anwesende: Alle`` below the first line: the head has begun
        if position < 2:
            continue
        if EXPLICIT_ITEM.match(text):
            return -1  # ``TOP 4  Barrierefreiheit …`` above: an item page, not a letterhead
        if line.hints.list_level is not None or _bullet(line.text) or len(text) > 120:
            continue
        if text.endswith((".", "?", "!")) or not _MEETING_NOUN.search(text):
            continue
        found = find_date(text)
        if found is not None and not _is_label_line(text):
            rest = text[: found.start] + text[found.end :]
            if any(w[:1].isupper() and w not in _GENERIC_HEAD_WORDS for w in rest.split()):
                return index  # (``Sitzung vom 10.09.2025`` alone names no meeting)
    return -1


_GENERIC_HEAD_WORDS = frozenset({
    "Sitzung", "Treffen", "Versammlung", "Plenum", "Konferenz", "Runde", "Besprechung",
    "Tagung", "Meeting", "Protokoll", "Aus", "Bericht", "Am", "Vom", "Öffentliche",
    "Nichtöffentliche", "Ordentliche", "Außerordentliche",
})  # fmt: skip


def _headline_under_kicker(candidates: list[tuple[int, Line]]) -> int:
    """``Vereinsleben`` / ``08.07.2025`` / a first-level heading: a web page's category word
    (a plain line of at most three words, or four in parts such as ``Senioren · Rathaus
    Kellersried``) and its date above the headline – the headline is the title; in a text
    without headings the plain line under the date (``Veranstaltung`` / ``14. Juni 2025 um
    19:00 Uhr`` / ``Vorbereitungstreffen``). -1 when the document does not start so."""
    first = candidates[0][1]
    text = first.text.strip().strip("*_")
    if (
        len(candidates) > 2
        and first.hints == NO_HINTS
        and DATE_ONLY.match(text)
        and find_date(text) is not None
        and _plain_headline(candidates[1][1])
        and candidates[2][0] > candidates[1][0] + 1  # (the headline stands alone)
    ):
        return candidates[1][0]  # a blog's ``Freitag, 7. Februar 2025`` over ``Ehrenamtstreffen``
    words = [w for w in text.split() if w not in _KICKER_SEPARATORS]
    if (
        first.hints != NO_HINTS
        or len(text) > 40
        or len(words) > (4 if len(words) < len(text.split()) else 3)
    ):
        return -1
    if text.endswith((".", ":", "!", "?")) or TITLE.match(text) or find_date(text):
        return -1
    dated = False
    for index, line in candidates[1:3]:
        if line.hints.heading == 1:
            return index
        if dated and _plain_headline(line):
            return index  # (a text without headings: ``Veranstaltung`` / date / headline)
        if line.hints != NO_HINTS or not DATE_ONLY.match(line.text.strip()):
            return -1
        dated = True
    return -1


def _plain_headline(line: Line) -> bool:
    """A plain line of one to six words without a closing stop or a colon: the headline of a
    copied web page under its category word and date (``Vorbereitungstreffen``)."""
    text = line.text.strip()
    return (
        line.hints == NO_HINTS
        and 0 < len(text.split()) <= 6
        and text[:1].isupper()
        and not text.endswith((".", ":", "!", "?", ","))
        and ":" not in text
        and find_date(text) is None
    )


_NAVIGATION = {
    "zum hauptinhalt springen", "zum inhalt springen", "direkt zum inhalt", "zum inhalt",
    "inhalt überspringen", "navigation überspringen", "skip to content", "skip to main content",
    "menü", "hauptmenü", "navigation", "nach oben", "seitenanfang", "zum seitenanfang", "zurück",
    "drucken", "seite drucken", "teilen", "startseite", "sie sind hier", "suche", "suchen",
    "close", "schließen", "menu",
}  # fmt: skip
"""Lines of a web page's navigation that a copied protocol keeps at its top."""


_BREADCRUMB = re.compile(r"^\s*[^›»]{1,40}(?:\s[›»]\s[^›»]{1,40}){1,6}\s*$")


_MAIL_PREFIX = re.compile(
    r"^\s*(?:Betreff|Subject)\s*:\s*(?:(?:AW|WG|Re|Fwd?)\s*:\s*)*", re.IGNORECASE
)
_MAIL_FROM = re.compile(r"^\s*(?:Von|From|Absender)\s*:\s*\S", re.IGNORECASE)
_MAIL_SUBJECT = re.compile(r"^\s*(?:Betreff|Subject)\s*:\s*\S", re.IGNORECASE)


def _mail_subject(candidates: list[tuple[int, Line]]) -> int:
    """``Von: …`` / ``Gesendet: …`` / ``An: …`` / ``Betreff: Protokoll …``: a protocol sent as
    the body of an e-mail starts with its header; the subject line names it (-1: no header)."""
    if not candidates or not _MAIL_FROM.match(candidates[0][1].text):
        return -1
    for index, line in candidates[1:6]:
        if _MAIL_SUBJECT.match(line.text):
            return index
    return -1


def find_title(lines: list[Line]) -> int:
    """The index of the title line, or -1 when the document has none."""
    candidates: list[tuple[int, Line]] = []
    for i, line in enumerate(lines):
        if line.text.strip() and not line.hints.front_matter and not line.hints.section:
            if len(line.text) <= 40 and label_key(line.text) in _NAVIGATION:
                continue  # ``Zum Hauptinhalt springen``: the page's navigation, no title
            if ("›" in line.text or "»" in line.text) and _BREADCRUMB.match(line.text):
                continue  # ``Nachrichten › Stadtteile › Weidenau``: where the page stands
            candidates.append((i, line))
            if len(candidates) == 15:
                break
    front = None
    for x in lines[:80]:
        if x.hints.front_matter and _FRONT_TITLE.match(x.text):
            front = x
            break
    if front is not None:
        # the front matter's ``title:`` is the title (Jekyll, Hugo) over a paragraph or a
        # section heading; a first-level heading (or the same text) is the document's own
        if not candidates:
            return -1
        index, first = candidates[0]
        separator = "=" if _TOML_KEY.match(front.text.strip()) else ":"
        value = front.text.partition(separator)[2].strip().strip("\"'")
        same = _fold_title(first.text.strip("#*_ ")) == _fold_title(value)
        own = first.hints.heading == 1 and label_key(first.text) not in SECTION_MARKERS
        if own and not same:
            # ``# Bachelorarbeit`` / … / ``# Fragen Kick-Off-Meeting``: where ``#`` marks every
            # section, the first one is a section too, and ``title:`` names the document
            own = sum(1 for x in lines if x.hints.heading == 1) < 2
        return index if same or own else -1
    for index, line in candidates:
        if line.hints.title:
            return index
    subject = _mail_subject(candidates)
    if subject >= 0:
        return subject
    if (
        len(candidates) >= 2
        and candidates[1][0] == candidates[0][0] + 1
        and candidates[0][1].hints.list_level is None
        and TITLE.match(candidates[1][1].text.strip())
        and find_date(candidates[1][1].text)
        and not TITLE.match(candidates[0][1].text.strip())
        and not _is_label_line(candidates[0][1].text)
        and not _bullet(candidates[0][1].text)
        and not find_date(candidates[0][1].text)
        and len(candidates[0][1].text.strip()) <= 80
        and _generic_title(candidates[1][1].text.strip())
    ):
        return candidates[0][0]  # a name line above ``Protokoll der Sitzung am …``
    for index, line in candidates[:8]:
        if (
            _plain(line.hints)
            and line.text.rstrip().endswith(".")
            and (line.text[:1].isspace() or _TWO_SENTENCES.search(line.text))
        ):
            continue  # `` Protokoll und Tagesordnung wird zugestimmt. Die …``: body text
        if line.hints.list_level is None and TITLE.match(line.text.strip().strip("*_#")):
            text = line.text.strip().strip("*_# ")
            if index != candidates[0][0] and label_key(text) in SECTION_MARKERS:
                after = [c for c in candidates if c[0] > index][:1]
                if not (
                    label_key(text) in _TITLE_WORDS
                    and after
                    and after[0][0] <= index + 2
                    and _TITLE_GOES_ON.match(after[0][1].text.strip())
                ):
                    continue  # ``Protokoll`` alone after the plan: where the minutes begin
                # ``Protokoll`` / ``über die Jahreshauptversammlung 2025`` under a letterhead
            if not _label(text) or find_date(text):
                return index
    if not candidates:
        return -1
    kicker = _headline_under_kicker(candidates)
    if kicker >= 0:
        return kicker
    below = _meeting_under_residue(candidates)
    if below >= 0:
        return below
    index, line = candidates[0]
    text = line.text.strip()
    bold = MARKUP.match(text) if "**" in text or "__" in text else None
    if bold:
        text = bold.group(1)
    hinted = line.hints.heading is not None or line.hints.bold or bool(bold)
    if line.hints.list_level is not None or line.hints.table_row or _bullet(line.text):
        return -1
    if _is_label_line(text) and not hinted:
        return -1
    key = label_key(text)
    if key in PRESENT_LABELS or key in AGENDA_LABELS or key in ATTENDANCE_LABELS:
        return -1
    if (EXPLICIT_ITEM.match(text) or DATED_ITEM.match(text)) and not hinted:
        return -1
    if len(text) > 160:
        return -1
    if DATE_ONLY.match(text) and not hinted:
        for other_index, other in candidates[1:3]:
            if other.hints.heading is not None or other.hints.title:
                return other_index
    return index


_FILE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](\d{2})(?![-_.]?\d)")
"""A year and a month in a file name: ``kirchenvorstand-bericht-2025-02.txt``."""


def _month_from_source(source: str) -> dt.date | None:
    """The first day of the month a file name gives without a day (``…-2024-11.txt``): the
    year of a date written without one in the text (``Am Samstag, dem 16.11. fand …``)."""
    name = PurePath(source).name if source and not source.startswith("<") else ""
    match = _FILE_MONTH.search(name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def _date_from_source(source: str) -> dt.date | None:
    name = PurePath(source).name if source and not source.startswith("<") else ""
    match = FILE_DATE.search(name)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


_REFERENCE_TOP = re.compile(r"^[Zz]u\s+(?:TOP|Top|Tagesordnungspunkt)\s*\d")


def _has_explicit_items(lines: list[Line], title_index: int, subtitle: int | None) -> bool:
    """True when the document marks its agenda items: headings, ``TOP n`` or ``1 Titel``
    (the title's lines are none)."""
    blank = True
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            blank = True
            continue
        if index not in (title_index, subtitle) and not line.hints.front_matter:
            if line.hints.heading is not None:
                key = label_key(text.rstrip(":"))
                labels = (PRESENT_LABELS, ATTENDANCE_LABELS, AGENDA_LABELS, SECTION_MARKERS,
                          META_LABELS)  # fmt: skip
                if not any(key in group for group in labels) and not NEXT_MEETING.match(text):
                    return True
            elif line.hints.list_level is None and (
                EXPLICIT_ITEM.match(text)
                or (blank and NUMBERED_ITEM.match(text))
                or (text[:3] in ("Zu ", "zu ") and _REFERENCE_TOP.match(text))
            ):
                return True  # (``Zu TOP 1 Genehmigung …`` marks the items too)
        blank = False
    return False


_PLAIN_NUMBERED = re.compile(r"^( +)(\d{1,2})\.[\t ]+(\S.*)$")


def _plain_list_items(lines: list[Line]) -> list[Line] | None:
    """A plain text whose minutes are an indented numbered list (``  3. Rückblick``, the
    bullets of its content indented deeper below it: ``    • Florian dankt …``) and that has
    no item headings and no planned agenda: the numbered entries as the entries of a
    top-level list (the items, as :func:`_find_list_items` finds them in Markdown); None when
    the text is not written so."""
    entries: list[tuple[int, int, int, str]] = []  # (index, indent, number, title)
    deeper: list[int] = []  # the indentation of each bullet line
    for index, line in enumerate(lines):
        if line.hints is not NO_HINTS:
            if line.hints.heading is not None and not line.hints.title:
                return None
            continue
        text = line.text
        first = text.lstrip()[:1]
        if first.isdigit() and text[:1] == " ":
            match = _PLAIN_NUMBERED.match(text)
            if match:
                entries.append((index, len(match.group(1)), int(match.group(2)), match.group(3)))
        elif first.isdigit() and NUMBERED_ITEM.match(text):
            return None  # numbered lines at the margin: the indented ones are nested in them
        elif first and first in "•-*–":
            deeper.append(len(text) - len(text.lstrip()))
        elif first.isalpha() and (
            EXPLICIT_ITEM.match(text.strip())
            or label_key(text.strip().rstrip(":")) in AGENDA_LABELS
        ):
            return None  # item headings or a planned agenda: the numbered lists are content
    if len(entries) < 2:
        return None
    indent = min(e[1] for e in entries)
    top = [e for e in entries if e[1] == indent]
    if (
        len(top) < 2
        or [e[2] for e in top] != list(range(1, len(top) + 1))
        or not deeper
        or min(deeper) <= indent  # (a list around the numbered one: it is content)
    ):
        return None
    result = list(lines)
    for index, _indent, number, title in top:
        line = lines[index]
        result[index] = Line(title, line.number, Hints(list_level=0, list_marker=f"{number}."))
    return result


_FIRST_ENTRY = re.compile(r"^\s*1[.)]\s+(?=\S)")


def _restarted_lists(lines: list[Line]) -> list[Line]:
    """A Word document whose every item heading is a numbered list of its own, the counter
    starting again at each (so each shows the ``1.`` Word wrote into the text), with text
    between them: the headings as the plain lines ``1. Eröffnung``, ``2. Feststellung der
    Tagesordnung`` … they stand for (three at least, text between two of them at least, and
    no other list entry at the top level); the lines unchanged otherwise."""
    entries = [i for i, line in enumerate(lines) if line.hints.list_level == 0]
    if len(entries) < 3 or any(
        lines[i].hints.list_marker is not None or not _FIRST_ENTRY.match(lines[i].text)
        for i in entries
    ):
        return lines
    gaps = sum(
        any(line.text.strip() and line.hints.list_level is None for line in lines[a + 1 : b])
        for a, b in itertools.pairwise(entries)
    )
    if gaps < 2:
        return lines
    result = list(lines)
    for count, index in enumerate(entries, start=1):
        line = lines[index]
        title = _FIRST_ENTRY.sub("", line.text).strip()
        result[index] = Line(f"{count}. {title}", line.number, NO_HINTS)
    return result


def _find_list_items(lines: list[Line]) -> bool:
    """True when the agenda items are written as a top-level numbered Markdown list: numbered
    entries at level 0 with content nested below them, and no item heading after them."""
    for line in lines:
        if line.hints is not NO_HINTS:
            break
    else:
        return False  # (plain text: no list entries at all, so none numbered)
    nested = False
    numbered = 0
    for line in lines:
        hints = line.hints
        if hints.heading is not None and not hints.title:
            text = line.text.strip()
            if EXPLICIT_ITEM.match(text) or HEADING_NUMBER.match(text):
                return False  # numbered item headings: the lists are content
        if hints.list_level == 0 and (hints.list_marker or "")[:1].isdigit():
            numbered += 1
        elif hints.list_level is not None and hints.list_level >= 1 and numbered:
            nested = True
        elif numbered and hints.heading is not None:
            key = label_key(line.text.strip().rstrip(":"))
            if not (
                NEXT_MEETING.match(line.text) or key in META_LABELS or key in ATTENDANCE_LABELS
            ):
                return False
        elif hints is NO_HINTS and EXPLICIT_ITEM.match(line.text):
            return False
    return numbered >= 2 and nested


_PUBLISHED = re.compile(r"^(?:Veröffentlicht|Erstellt|Publiziert|Stand)(?:\s+am)?\s*:?\s*\d")


def _published(state: State) -> dt.date | None:
    """The date a web page says it was published (``Veröffentlicht: 19.06.2025, 16:40 Uhr``)."""
    for block in state.preamble[:2]:
        for point in block.points[:4]:
            if _PUBLISHED.match(point.text):
                found = find_date(point.text)
                return found.date if found else None
    return None


def _meeting_date(state: State, meeting_date: dt.date | None) -> tuple[dt.date | None, str]:
    """The meeting's date and where it was found (for the diagnostic)."""
    if meeting_date is not None:
        return meeting_date, "title"
    from_file = _date_from_source(state.source)
    for kinds in (("date",), ("time", "start")):  # ``Zeit: 14.10.2024 (16:30 Uhr bis …)``
        for meta in state.meta:
            if meta.kind in kinds:
                found = find_date(meta.value, from_file)
                if found:
                    return found.date, "meta"
    # ``Am 3.9. trafen sich …``: the opening sentences; where the file name has a date, only a
    # date led by the meeting (``für den Stand am 14.06.`` is an event, ``Artikel vom …`` when
    # it was published)
    first: dt.date | None = None
    # (the year of ``am 17. Juni``: from the file's date, the page's, or the file name's month)
    reference = from_file or _published(state) or _month_from_source(state.source)
    for block in state.preamble[:2]:
        for point in block.points[:3]:
            dates = find_dates(point.text, reference)
            if dates and _report_date(point.text, dates[0]):
                return dates[0].date, "text"  # ``Am 25.04.2025 fand die … statt``
            lead = point.text[: dates[0].start] if dates else ""
            if dates and _DATE_LEAD.search(lead):
                if _MEETING_LEAD.search(lead):
                    return dates[0].date, "text"  # ``Aus der Gemeinderatssitzung vom …``
                first = first or dates[0].date  # ``Artikel vom 19.12.2024``: perhaps
    if first is not None and from_file is None:
        return first, "text"
    for block in state.items[0].blocks[:1] if state.items else ():
        for point in block.points[:2]:  # a page line read as the first item above the report
            dates = find_dates(point.text, from_file)
            if dates and _report_date(point.text, dates[0]):
                return dates[0].date, "text"
        for point in block.points[:8]:  # ``## Top 0: Regularia`` / ``Datum: 14.05.2025``
            if point.text[:5] in ("Datum", "DATUM") and _DATE_FIELD.match(point.text):
                found = find_date(point.text, from_file)
                if found:
                    return found.date, "meta"
    written = state.first_prefix or state.item_prefix
    prefix = DATED_ITEM.match(f"{written} 1 x") if written else None
    if prefix:  # ``02.12.2024 - 5 Bericht …``: the item pages carry the meeting's date
        found = find_date(prefix.group(1))
        if found:
            return found.date, "text"
    if from_file is not None:
        return from_file, "file"
    return None, ""


_REPORT_LEAD = re.compile(
    r"^(?:Am|Bei\s+der\s+Sitzung\s+am)\s+(?:[A-ZÄÖÜ]\w+tag,?\s+(?:de[nm]\s+)?)?$"
)
_REPORT_VERB = re.compile(
    r"^\s*,?\s*(?:um\s+\d{1,2}(?:[:.]\d{2})?\s*Uhr\s*,?\s*)?(?:fand|fanden|trafen|traf|tagte"
    r"|tagten|versammelten|kamen|kam)\b"
)


def _report_date(text: str, date: DateMatch) -> bool:
    """``Am 25.04.2025 fand die 173. Generalversammlung … statt``, ``Am Dienstag, 11. März 2025,
    traf sich der Runde Tisch …``: a report's first sentence that opens with the meeting's date,
    its year written, and goes on with the meeting taking place."""
    return (
        date.year_given
        and _REPORT_LEAD.match(text[: date.start]) is not None
        and _REPORT_VERB.match(text[date.end :]) is not None
    )


_TRACE: ContextVar[list[tuple[int, str]] | None] = ContextVar("_TRACE", default=None)


@contextmanager
def tracing() -> Iterator[list[tuple[int, str]]]:
    """Record which rule took each line in every parse inside the ``with`` block, whatever
    reader calls the rules: ``with tracing() as trace: read_file(path)`` gives (line number,
    rule name) pairs (``benchmarks/corpus_report.py -v`` shows them beside lost lines)."""
    trace: list[tuple[int, str]] = []
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)


def _forget() -> None:
    """Empty the caches keyed on texts and labels: they serve one parse, never the next parse
    of the same text (a benchmark that parses one text again and again measures the rules)."""
    _label.cache_clear()
    label_key.cache_clear()
    _forget_dates()
    _forget_annotations()


def parse_lines(
    lines: Iterable[Line],
    source: str = "<text>",
    *,
    ruler: Ruler | None = None,
    trace: list[tuple[int, str]] | None = None,
) -> Protocol:
    """Apply the rules (:data:`RULER`, or ``ruler``) to the lines and build the Protocol; raise
    ParseError if unusable. ``trace`` receives (line number, name of the rule that took it)
    for every line, in order (a line taken with the line above it is not listed)."""
    _forget()
    if trace is None:
        trace = _TRACE.get()
    cleaned = _double_markers(_cleaned(lines if isinstance(lines, list) else list(lines)))
    prepared = _mark_structure(
        _asciidoc(_wiki_headings(_template_head(_star_labels(_wiki_bullets(_unglued(cleaned))))))
    )
    title_index = find_title(prepared)
    prepared = _subtitle_as_text(prepared, title_index)
    plain_items = _plain_list_items(prepared)
    if plain_items is not None:
        prepared = plain_items
    prepared = _restarted_lists(prepared)
    state = State(source, prepared)
    state.title_index = title_index
    state.list_items = plain_items is not None or _find_list_items(prepared)
    state.meeting_heading = _meeting_heading(prepared, title_index)
    explicit = not state.list_items and _has_explicit_items(
        prepared, state.title_index, state.meeting_heading
    )
    state.implicit_items = not explicit and not state.list_items
    for_kinds = (ruler or RULER).for_kinds
    dispatch = (ruler or RULER)._dispatch  # (the table for_kinds fills: looked up here first)
    blank = Kind.BLANK
    for index, line in enumerate(prepared):
        state.index = index
        if index == state.skip or index < state.skip_until:
            continue
        own = line_kinds(line)
        kinds = own if own == blank else state_kinds(state, line, own)
        for name, rule in dispatch.get(kinds) or for_kinds(kinds):
            if rule(state, line):
                if name != "blank":
                    state.last_rule = name
                if trace is not None:
                    trace.append((line.number, name))
                break
        if own != blank:
            state.blank_before = False
        if not line.hints.table_row:
            state.table_header = ()
    if state.title is None and not any(line.text.strip() for line in prepared):
        first = prepared[0].number if prepared else 0
        raise ParseError(
            [Diagnostic("error", "Die Datei ist leer.", source, first, 1 if first else 0)]
        )
    return _finish(state)


def _subtitle_as_text(lines: list[Line], title_index: int) -> list[Line]:
    """``# Titel`` / ``## Zusammenschrift des Gesprächs …`` / ``### Diskussionspunkte``: the
    only second-level heading, right under a first-level title and right over deeper headings,
    is a subtitle (a paragraph of the preamble), not the one item all sections would fall
    under."""
    if title_index < 0 or lines[title_index].hints.heading != 1:
        return lines
    following = [i for i in range(title_index + 1, min(len(lines), title_index + 6))]
    shown = [i for i in following if lines[i].text.strip()][:2]
    if len(shown) < 2:
        return lines
    sub, below = shown
    subtitle = lines[sub]
    if (
        subtitle.hints.heading != 2
        or (lines[below].hints.heading or 0) <= 2
        or label_key(subtitle.text) in SECTION_MARKERS
        or any((line.hints.heading or 9) <= 2 for line in lines[sub + 1 :])
    ):
        return lines
    result = list(lines)
    result[sub] = Line(subtitle.text, subtitle.number, replace(subtitle.hints, heading=None))
    return result


_PLAN_ENTRY = re.compile(r"^(\d{1,2})[.)]\s+(\S.{1,150})$")
"""``3. Anträge zur Durchführung der Generalversammlung``: a numbered entry as its text."""


def _same_topic(entry: str, title: str) -> bool:
    """An agenda entry and an item's title name the same topic: equal when folded, or one the
    start of the other (``Bericht des Vorstandes`` / ``Bericht des Vorstandes 2024``)."""
    a, b = _fold_title(entry), _fold_title(title)
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def _agenda_in_first_items(state: State) -> None:
    """``1) Begrüßung`` / ``Obmann … begrüßt die Mitglieder …`` / ``1. Begrüßung und Verlesung der
    Tagesordnung`` … ``8. Allfälliges`` / ``2) Feststellung der Stimmberechtigten``: a numbered
    list in one of the first two items whose entries name the items after it (at least three,
    and half of the list) is the agenda read out at the start, not points of that item – where
    the protocol has no agenda of its own."""
    if state.agenda or len(state.items) < 4:
        return
    for position, item in enumerate(state.items[:2]):
        later = [i.title for i in state.items[position + 1 :]]
        for block in item.blocks:
            run = [
                (index, entry)
                for index, point in enumerate(block.points)
                if not point.children and (entry := _plan_entry_of(point)) is not None
            ]
            if len(run) < 3 or [n for _, (n, _text) in run] != list(range(1, len(run) + 1)):
                continue
            if run[-1][0] - run[0][0] != len(run) - 1:
                continue  # (the entries one after the other)
            named = sum(1 for _, (_n, text) in run if any(_same_topic(text, t) for t in later))
            if named < 3 or named * 2 < len(run):
                continue
            state.agenda = [text for _, (_n, text) in run]
            del block.points[run[0][0] : run[-1][0] + 1]
            return


def _plan_entry_of(point: _PointBuilder) -> tuple[int, str] | None:
    """A point's number and text where it is a numbered entry: ``1.`` as its marker (a list
    the reader numbered) or at the start of its text (``1. Begrüßung`` as Word's list gives
    it)."""
    marker = re.fullmatch(r"(\d{1,2})[.)]", point.marker or "")
    if point.kind != "bullet" and marker:
        return int(marker.group(1)), point.text.strip()
    match = _PLAN_ENTRY.match(point.text)
    return (int(match.group(1)), match.group(2).strip()) if match else None


def _finish(state: State) -> Protocol:
    source = state.source
    _agenda_in_first_items(state)
    title = state.title
    title_date = state.title_parts(title)[1] if title else None
    date, found_in = _meeting_date(state, title_date)
    if title is None:
        title = "Protokoll" + (f" {date.day:02d}.{date.month:02d}.{date.year}" if date else "")
        if found_in in ("meta", "text"):
            title = "Protokoll"
        state.diagnostics.append(Diagnostic("warning", NO_TITLE, source, 0, 0))
        title_date = state.title_parts(title)[1]
        date, found_in = _meeting_date(state, title_date)
    meeting, _ = state.title_parts(title)
    if date is None:
        state.diagnostics.append(
            Diagnostic(
                "warning",
                "Kein Datum gefunden (weder im Titel noch im Text oder im Dateinamen).",
                source,
                state.title_line,
                1 if state.title_line else 0,
            )
        )
    elif found_in == "file":
        state.diagnostics.append(
            Diagnostic("info", "Datum aus dem Dateinamen übernommen.", source, state.title_line, 1)
        )
    protocol = Protocol(
        title=title,
        meeting=meeting,
        date=date,
        participants=tuple(state.participants),
        items=tuple(i.freeze() for i in state.items),
        next_meeting=state.next_meeting,
        front=tuple(state.front),
        back=tuple(state.back),
        meta=tuple(state.meta),
        attendance=tuple(state.groups),
        agenda=tuple(state.agenda),
        preamble=tuple(b.freeze() for b in state.preamble),
        participants_label=state.participants_label or CANONICAL_PARTICIPANTS_LABEL.rstrip(":"),
        agenda_label=state.agenda_label or "Tagesordnung",
        item_prefix=state.first_prefix,
        diagnostics=tuple(state.diagnostics),
    )
    return annotate(protocol, _present_index(state))


def _present_index(state: State) -> ParticipantIndex | None:
    """The rules' index of names (:attr:`State.known`) when it holds just those present and the
    guests (someone listed, and every group one of those present or of guests), so that
    :func:`annotate` need not build the same index again; else None."""
    if any(group.kind not in ("present", "partial", "guests") for group in state.groups):
        return None
    if not state.participants and not any(
        group.people for group in state.groups if group.kind != "guests"
    ):
        return None  # (nobody listed: those present are read from the opening's sentences)
    if names_nobody(tuple(state.participants)) and not any(
        group.people for group in state.groups if group.kind != "guests"
    ):
        return None  # (``Anwesend: der Vorstand (3), …``: groups and counts, no names)
    return state.known
