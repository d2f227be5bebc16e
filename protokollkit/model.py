"""The typed document model: one Protocol that every reader produces and every writer consumes.

Nothing in this module knows about files, formats or parsing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from protokollkit.diagnostics import Diagnostic

PersonForm = Literal["comma", "parens"]


@dataclass(frozen=True)
class Person:
    """A participant, speaker or presenter: a name with an optional affiliation (Einrichtung).

    ``form`` remembers how a speaker line was written: ``Name, Einrichtung`` ("comma") or
    ``Name (Einrichtung)`` ("parens"), so that writing it back keeps the author's choice.
    """

    name: str
    affiliation: str | None = None
    form: PersonForm = "comma"


@dataclass(frozen=True)
class Point:
    """One point of a block (a ``- `` line), with optional nested sub-points."""

    text: str
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Block:
    """What one speaker reported under an agenda item: the speaker line and its points.

    ``speaker`` is None for points without a speaker line. ``note`` holds a free paragraph that
    the layout rules could not place (kept where it stood, and reported as a warning).
    """

    speaker: Person | None = None
    points: tuple[Point, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    """A numbered agenda item (TOP) with its title, optional presenter and blocks."""

    number: int
    title: str
    presenter: Person | None = None
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class NextMeeting:
    """The ``Nächster Termin:`` line: the text as written, and the date when it names one."""

    text: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Protocol:
    """The protocol of one meeting.

    ``front`` and ``back`` keep free paragraphs found before the first agenda item and after the
    next-meeting line. ``diagnostics`` are the warnings collected while reading; they do not take
    part in equality.
    """

    title: str
    meeting: str
    date: dt.date | None
    participants: tuple[Person, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    next_meeting: NextMeeting | None = None
    front: tuple[str, ...] = ()
    back: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False, repr=False)

    def all_points(self) -> list[Point]:
        """Every point of every item, depth first, in document order."""
        result: list[Point] = []

        def visit(points: tuple[Point, ...]) -> None:
            for point in points:
                result.append(point)
                visit(point.points)

        for item in self.items:
            for block in item.blocks:
                visit(block.points)
        return result
