"""The line rules of the protocol layout, shared by every reader.

A reader turns its source into a stream of :class:`Line` objects (text plus optional *hints*
such as "heading", "bold" or "list item, level 1" that a Word document provides) and calls
:func:`parse_lines`. The rules are small functions in one ordered list, :data:`RULES`; the
first rule that accepts a line consumes it. Adding a rule is adding a line to that list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from protokollkit.dates import find_date
from protokollkit.diagnostics import Diagnostic, ParseError
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol


@dataclass(frozen=True)
class Hints:
    """What a structured source knows about a line beyond its text."""

    title: bool = False
    heading: int | None = None
    number: int | None = None
    bold: bool = False
    underline: bool = False
    list_level: int | None = None
    table_row: tuple[str, ...] = ()


NO_HINTS = Hints()


@dataclass(frozen=True)
class Line:
    """One line of input: its text, its 1-based line number in the source, and hints."""

    text: str
    number: int
    hints: Hints = NO_HINTS


# --- patterns -------------------------------------------------------------------------------

TITLE = re.compile(r"^\s*Protokoll\b", re.IGNORECASE)
PARTICIPANTS = re.compile(
    r"^\s*(?:Teilnehmende|Teilnehmer\*innen|Teilnehmer:innen|Teilnehmer_innen|TeilnehmerInnen"
    r"|Teilnehmer|Anwesende|Anwesend)\s*:\s*(.*)$",
    re.IGNORECASE,
)
NEXT_MEETING = re.compile(
    r"^\s*(?:Nächster Termin|Nächste Sitzung|Nächstes Treffen)\s*:\s*(.*)$", re.IGNORECASE
)
ITEM = re.compile(r"^\s*(?:(TOP)\s*(\d{1,2})\s*[:.)]?|(\d{1,2})[.)]?)[\t ]+(\S.*)$")
POINT = re.compile(r"^([ \t]*)[-–•*\u2023\u25aa\u25cf\uf0b7]([ \t]+(.*))?$")
NAME_PARTICLES = {"und", "von", "van", "de", "der", "den", "zu", "zur", "vom", "da", "di", "&"}
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’\-]*$")
TITLE_CONNECTORS = re.compile(r"^(?:des|der|vom|am|zum|zur)\s+|\s+(?:vom|am)$", re.IGNORECASE)

NO_TITLE = "Keine Titelzeile gefunden: ein Protokoll beginnt mit „Protokoll <Gremium> <Datum>“."
CANONICAL_PARTICIPANTS_LABEL = "Teilnehmende:"
CANONICAL_NEXT_MEETING_LABEL = "Nächster Termin:"

TRANSLATE = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u00ad": None, "\ufeff": None}
)


def clean(text: str) -> str:
    """Normalise what office software puts into text: no-break spaces and hyphens, soft hyphens."""
    return text.translate(TRANSLATE).rstrip()


def indent_width(whitespace: str) -> int:
    """Width of leading whitespace, a tab counting as four spaces."""
    return sum(4 if ch == "\t" else 1 for ch in whitespace)


# --- person lines ---------------------------------------------------------------------------


def looks_like_name(name: str) -> bool:
    """A person's name: one to six words, each capitalised except particles (``und``, ``von``)."""
    words = name.split()
    if not 1 <= len(words) <= 6 or (name.endswith((".", ":")) and len(words[-1]) > 2):
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES and word is not words[0]:
            continue
        if not NAME_WORD.match(word) or not word[0].isupper():
            return False
    return True


def _split_parens(text: str) -> tuple[str, str] | None:
    """``Name (Einrichtung)`` → (name, affiliation) when the parentheses close at the end."""
    if not text.endswith(")"):
        return None
    start = text.find(" (")
    if start <= 0:
        return None
    inner = text[start + 2 : -1]
    depth = 0
    for ch in inner:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return None
    return (text[:start].strip(), inner.strip()) if depth == 0 else None


def parse_person(text: str) -> Person | None:
    """Read a speaker line in either written form, or None when it does not look like one.

    A trailing colon (``Dirk Malner (WIRO):``) is allowed when the line names an affiliation or
    a name of two words or more; it is not kept.
    """
    text = text.strip()
    if text.endswith(":"):
        person = parse_person(text[:-1])
        if person and (person.affiliation or len(person.name.split()) > 1):
            return person
        return None
    comma = text.find(", ")
    paren = text.find(" (")
    if comma > 0 and (paren < 0 or comma < paren):
        name, affiliation = text[:comma].strip(), text[comma + 2 :].strip()
        return Person(name, affiliation or None, "comma") if looks_like_name(name) else None
    split = _split_parens(text)
    if split:
        name, affiliation = split
        return Person(name, affiliation or None, "parens") if looks_like_name(name) else None
    return Person(text) if looks_like_name(text) else None


def split_participants(text: str) -> list[str]:
    """Split a participant list at commas, or at semicolons when the author used those."""
    parts = split_top_level(text, ";")
    return parts if len(parts) > 1 else split_top_level(text, ",")


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split at ``separator`` outside parentheses."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_participant(text: str) -> Person:
    """``Name (Einrichtung)`` or ``Name``: in a participant list the comma separates people."""
    split = _split_parens(text)
    if split and split[0]:
        return Person(split[0], split[1] or None)
    return Person(text)


def format_person(person: Person, form: Literal["comma", "parens"] | None = None) -> str:
    """Write a person back in the given form (default: the form it was read in)."""
    if not person.affiliation:
        return person.name
    if (form or person.form) == "parens":
        return f"{person.name} ({person.affiliation})"
    return f"{person.name}, {person.affiliation}"


def split_presenter(title: str, participants: Iterable[Person]) -> tuple[str, Person | None]:
    """``RoDeFa – wie geht's weiter? Ilona Eckhardt (IBS / RoDeFa)`` → title and presenter.

    A title ends with a presenter when it ends with ``Name (Einrichtung)`` and the name is a
    participant's, or follows a sentence mark (``?``, ``!``, ``:``, ``–``).
    """
    split = _split_parens(title)
    if not split:
        return title, None
    head, affiliation = split
    for participant in participants:
        if head.endswith(" " + participant.name) and len(head) > len(participant.name) + 1:
            rest = head[: -len(participant.name)].rstrip()
            return rest, Person(participant.name, affiliation or None)
    match = re.match(r"^(.*[?!:–])\s+(\S+(?: \S+){1,3})$", head)
    if match and looks_like_name(match.group(2)):
        return match.group(1), Person(match.group(2), affiliation or None)
    return title, None


def parse_title(title: str) -> tuple[str, dt.date | None]:
    """The meeting name and date (or None) written in a title line."""
    found = find_date(title)
    rest = title
    if found:
        rest = (title[: found.start] + " " + title[found.end :]).strip()
    rest = TITLE.sub("", rest, count=1).strip(" ,–-:")
    rest = TITLE_CONNECTORS.sub("", rest).strip(" ,–-:")
    rest = TITLE_CONNECTORS.sub("", rest).strip(" ,–-:")
    return rest, (found.date if found else None)


# --- the parser state -----------------------------------------------------------------------


@dataclass
class _PointBuilder:
    text: str
    children: list[_PointBuilder] = field(default_factory=list)

    def freeze(self) -> Point:
        return Point(self.text, tuple(c.freeze() for c in self.children))


@dataclass
class _BlockBuilder:
    speaker: Person | None = None
    note: str | None = None
    points: list[_PointBuilder] = field(default_factory=list)

    def freeze(self) -> Block:
        return Block(self.speaker, tuple(p.freeze() for p in self.points), self.note)


@dataclass
class _ItemBuilder:
    number: int
    title: str
    presenter: Person | None
    blocks: list[_BlockBuilder] = field(default_factory=list)

    def freeze(self) -> AgendaItem:
        return AgendaItem(
            self.number, self.title, self.presenter, tuple(b.freeze() for b in self.blocks)
        )


Section = Literal["start", "front", "items", "back"]


@dataclass
class State:
    """Everything the rules read and build while going through the lines."""

    source: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str | None = None
    title_line: int = 0
    participants: list[Person] = field(default_factory=list)
    items: list[_ItemBuilder] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    front: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    section: Section = "start"
    previous: str = "blank"
    point_stack: list[tuple[int, _PointBuilder]] = field(default_factory=list)
    before_title: list[Line] = field(default_factory=list)

    def fail(self, message: str, line_number: int) -> ParseError:
        """A ParseError with every diagnostic so far and this error."""
        col = 1 if line_number else 0
        error = Diagnostic("error", message, self.source, line_number, col)
        return ParseError([*self.diagnostics, error])

    def warn(self, line: Line, message: str, col: int = 1) -> None:
        self.diagnostics.append(Diagnostic("warning", message, self.source, line.number, col))

    def keep_unplaced(self, line: Line, text: str) -> None:
        """Keep a line no rule could place as a free paragraph where it stood, with a warning."""
        if self.section == "items" and self.items:
            self.items[-1].blocks.append(_BlockBuilder(note=text))
            self.point_stack = []
        elif self.section == "back":
            self.back.append(text)
        else:
            self.front.append(text)
        self.warn(line, f"Zeile nicht zugeordnet, als freier Absatz übernommen: „{_short(text)}“")


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


Rule = Callable[[State, Line], bool]


# --- the rules, in order --------------------------------------------------------------------


def rule_blank(state: State, line: Line) -> bool:
    """Blank lines separate blocks; they end a participant list and a point's continuation."""
    if line.text.strip():
        return False
    state.previous = "blank"
    return True


def rule_title(state: State, line: Line) -> bool:
    """The first line that starts with ``Protokoll`` (or has the Title style) is the title."""
    if state.title is not None:
        return False
    if TITLE.match(line.text) or line.hints.title:
        state.title = line.text.strip()
        state.title_line = line.number
        state.section = "front"
        state.previous = "title"
        for earlier in state.before_title:
            state.keep_unplaced(earlier, earlier.text.strip())
        state.before_title = []
        return True
    state.before_title.append(line)
    if len(state.before_title) > 5:
        raise state.fail(NO_TITLE, line.number)
    return True


def rule_participants(state: State, line: Line) -> bool:
    """``Teilnehmende: A, B (Einrichtung), …`` and its labels ``Teilnehmer:``, ``Anwesend:`` …"""
    match = PARTICIPANTS.match(line.text)
    if not match or state.section not in ("front", "items"):
        return False
    if state.participants:
        state.warn(line, "Teilnehmende sind schon einmal angegeben; die Liste wird ergänzt.")
    state.participants.extend(parse_participant(p) for p in split_participants(match.group(1)))
    state.previous = "participants"
    return True


def rule_participants_table(state: State, line: Line) -> bool:
    """A table row (``Name | Einrichtung``) right after the participant label."""
    cells = line.hints.table_row
    if not cells or state.previous not in ("participants", "participants-row"):
        return False
    name = cells[0].strip()
    affiliation = cells[1].strip() if len(cells) > 1 else ""
    if name.lower() in ("name", "teilnehmende", "teilnehmer") and (
        not affiliation or affiliation.lower() in ("einrichtung", "institution", "organisation")
    ):
        state.previous = "participants-row"
        return True
    if name:
        state.participants.append(Person(name, affiliation or None))
    state.previous = "participants-row"
    return True


def rule_next_meeting(state: State, line: Line) -> bool:
    """``Nächster Termin: …`` (or ``Nächste Sitzung:``); a date in it is recognised."""
    match = NEXT_MEETING.match(line.text)
    if not match or state.section == "start":
        return False
    if state.next_meeting is not None:
        state.warn(line, "Ein zweiter „Nächster Termin“; der erste wird ersetzt.")
        state.front.append(f"{CANONICAL_NEXT_MEETING_LABEL} {state.next_meeting.text}")
    text = match.group(1).strip()
    found = find_date(text, parse_title(state.title or "")[1])
    state.next_meeting = NextMeeting(text, found.date if found else None)
    state.section = "back"
    state.previous = "next"
    return True


def rule_participants_continued(state: State, line: Line) -> bool:
    """A participant list wrapped onto the next line (no blank line in between)."""
    if state.previous != "participants" or ITEM.match(line.text) or line.hints.heading:
        return False
    people = [parse_participant(p) for p in split_participants(line.text)]
    if not people or not all(looks_like_name(p.name) for p in people):
        return False
    state.participants.extend(people)
    return True


def _expected_number(state: State) -> int:
    return state.items[-1].number + 1 if state.items else 1


def rule_item(state: State, line: Line) -> bool:
    """``1 Titel``, ``1. Titel``, ``TOP 1 Titel``, ``TOP 1: Titel``, or a Heading 1 paragraph."""
    if state.section == "start":
        return False
    match = ITEM.match(line.text)
    number: int | None = None
    text = line.text.strip()
    if match:
        number = int(match.group(2) or match.group(3))
        text = match.group(4).strip()
        explicit = bool(match.group(1)) or line.hints.heading is not None or line.hints.bold
        if line.hints.list_level is not None and not explicit:
            return False  # a plain Word bullet point that starts with a number stays a point
        # A typed number must be the next one, except for the first item: a meeting may
        # continue the agenda of the last one (``3 Wohnumfeld``). Others need ``TOP``.
        if not explicit and state.items and number != _expected_number(state):
            return False
    elif line.hints.heading is not None and line.hints.heading <= 2:
        number = line.hints.number if line.hints.number is not None else _expected_number(state)
    else:
        return False
    if state.items and number != _expected_number(state):
        state.warn(line, f"Tagesordnungspunkt {number} folgt auf {state.items[-1].number}.")
    title, presenter = split_presenter(text, state.participants)
    state.items.append(_ItemBuilder(number, title, presenter))
    state.section = "items"
    state.previous = "item"
    state.point_stack = []
    return True


def rule_point(state: State, line: Line) -> bool:
    """``- Punkt`` (also ``–``, ``•``, ``*``), nested by indentation, or a Word list item."""
    if line.hints.list_level is not None:
        # The bullet of a Word list is in its numbering, never in the text: a leading "–" or
        # "-" in a list item's text is the author's own (``- – aa`` in the text layout).
        indent, text = line.hints.list_level * 2, line.text.strip()
    else:
        marker = POINT.match(line.text)
        if not marker:
            return False
        indent, text = indent_width(marker.group(1)), (marker.group(3) or "").strip()
    if state.section != "items":
        state.keep_unplaced(line, line.text.strip())
        return True
    if not text:
        state.warn(line, "Leerer Punkt übersprungen.")
        return True
    item = state.items[-1]
    if not item.blocks:
        item.blocks.append(_BlockBuilder())
    point = _PointBuilder(text)
    stack = state.point_stack
    while stack and stack[-1][0] >= indent:
        stack.pop()
    if stack:
        stack[-1][1].children.append(point)
    else:
        item.blocks[-1].points.append(point)
    stack.append((indent, point))
    state.previous = "point"
    return True


def rule_point_continued(state: State, line: Line) -> bool:
    """An indented line right after a point continues that point's text."""
    if state.previous != "point" or not line.text[:1].isspace() or not state.point_stack:
        return False
    point = state.point_stack[-1][1]
    point.text = f"{point.text} {line.text.strip()}"
    return True


def rule_speaker(state: State, line: Line) -> bool:
    """``Name, Einrichtung`` or ``Name (Einrichtung)`` or just ``Name`` opens a new block."""
    if state.section != "items":
        return False
    person = parse_person(line.text)
    if person is None:
        return False
    state.items[-1].blocks.append(_BlockBuilder(speaker=person))
    state.point_stack = []
    state.previous = "speaker"
    return True


def rule_unplaced(state: State, line: Line) -> bool:
    """Anything else is kept as a free paragraph where it stood, with a warning."""
    state.keep_unplaced(line, line.text.strip())
    state.previous = "unplaced"
    return True


RULES: list[tuple[str, Rule]] = [
    ("blank", rule_blank),
    ("title", rule_title),
    ("participants", rule_participants),
    ("participants_table", rule_participants_table),
    ("next_meeting", rule_next_meeting),
    ("participants_continued", rule_participants_continued),
    ("item", rule_item),
    ("point", rule_point),
    ("point_continued", rule_point_continued),
    ("speaker", rule_speaker),
    ("unplaced", rule_unplaced),
]


def parse_lines(lines: Iterable[Line], source: str = "<text>") -> Protocol:
    """Apply :data:`RULES` to the lines and build the Protocol; raise ParseError if unusable."""
    state = State(source)
    for line in lines:
        line = Line(clean(line.text), line.number, line.hints)
        for _name, rule in RULES:
            if rule(state, line):
                break
    if state.title is None:
        first = state.before_title[0].number if state.before_title else 0
        raise state.fail(NO_TITLE if first else "Die Datei ist leer.", first)
    meeting, date = parse_title(state.title)
    if date is None:
        state.diagnostics.append(
            Diagnostic(
                "warning", "Kein Datum in der Titelzeile gefunden.", source, state.title_line, 1
            )
        )
    return Protocol(
        title=state.title,
        meeting=meeting,
        date=date,
        participants=tuple(state.participants),
        items=tuple(i.freeze() for i in state.items),
        next_meeting=state.next_meeting,
        front=tuple(state.front),
        back=tuple(state.back),
        diagnostics=tuple(state.diagnostics),
    )
