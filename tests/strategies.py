"""Hypothesis strategies for random protocols that the canonical layout can express.

Shared by the round-trip tests of every writer.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from protokollkit.dates import MONTH_NAMES
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol

UPPER = "ABCDEFGHIJKLMNOPRSTUVWZÄÖÜ"
LOWER = "abcdefghijklmnoprstuvwzäöüßé"
TYPOGRAPHY = ["„Mein Groß Klein“", "–", "→", "Klient*innen", "Expert*innen", "Mieter*innen", "&"]

words = st.text(alphabet=LOWER, min_size=2, max_size=10)
capitalised = st.builds(
    lambda first, rest: first + rest, st.sampled_from(UPPER), st.text(alphabet=LOWER, max_size=9)
)
name = st.lists(capitalised, min_size=1, max_size=3).map(" ".join)
affiliation = st.lists(
    st.one_of(capitalised, words, st.sampled_from(["e.V.", "gGmbH", "/", "–", "IB Nord,", "SBZ"])),
    min_size=1,
    max_size=5,
).map(" ".join)

point_word = st.one_of(
    words, capitalised, st.sampled_from(TYPOGRAPHY), st.integers(0, 2030).map(str),
    st.sampled_from(["18.11.", "6.12.2022", "14.30-17", "(100 in Rostock)", "ALG2", "z.B.", "#1",
                     "+", ">", "_x_", "`code`", "[Link]", "<b>", "\\"]),
)  # fmt: skip
point_text = st.lists(point_word, min_size=1, max_size=8).map(" ".join)


def points(depth: int = 0) -> st.SearchStrategy[tuple[Point, ...]]:
    """Up to four points, nested up to two levels below."""
    children = points(depth + 1) if depth < 2 else st.just(())
    return st.lists(st.builds(Point, point_text, children), max_size=4 if depth == 0 else 2).map(
        tuple
    )


speaker = st.builds(
    Person, name, st.one_of(st.none(), affiliation), st.sampled_from(["comma", "parens"])
).map(lambda p: p if p.affiliation else Person(p.name))
note = st.builds(lambda a, b: f"Die {a} wurde {b} besprochen.", words, words)
speaker_block = st.builds(Block, speaker, points())
note_block = st.builds(Block, st.none(), points(), note)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[Block, ...]:
    """A speakerless first block is possible; later blocks have a speaker or a note."""
    result: list[Block] = []
    first_points = draw(points())
    if draw(st.booleans()) and first_points:
        result.append(Block(None, first_points))
    result.extend(draw(st.lists(st.one_of(speaker_block, note_block), max_size=4)))
    return tuple(result)


item_title = st.lists(st.one_of(capitalised, words, st.sampled_from(TYPOGRAPHY)), min_size=1,
                      max_size=6).map(" ".join)  # fmt: skip
dates = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 28))


def title_for(meeting: str, date: dt.date, style: int) -> str:
    """A title line in one of the three written date forms."""
    if style == 0:
        written = f"{date.day:02d}.{date.month:02d}.{date.year % 100:02d}"
    elif style == 1:
        written = f"{date.day}.{date.month}.{date.year}"
    else:
        written = f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
    return f"Protokoll {meeting} {written}"


@st.composite
def protocols(draw: st.DrawFn) -> Protocol:
    """A random protocol that the canonical text layout can express exactly."""
    meeting = draw(st.sampled_from(["Stadtteiltisch", "Stadtteiltisch Groß Klein", "AG Wohnen"]))
    date = draw(dates)
    participants = tuple(
        draw(st.lists(st.builds(Person, name, st.one_of(st.none(), affiliation.filter(
            lambda a: "(" not in a and ")" not in a and "," not in a))), max_size=5,
            unique_by=lambda p: p.name.split()[-1]))
    )  # fmt: skip
    items = []
    # Mostly 1, 2, 3 …; sometimes an agenda continued from the last meeting (starting at 3) or
    # a number repeated or skipped, as automatic Word numbering produces.
    number = draw(st.sampled_from([1, 1, 1, 3, 0]))
    for index in range(draw(st.integers(0, 4))):
        if index:
            number += draw(st.sampled_from([1, 1, 1, 0, 2]))
        presenter = None
        if draw(st.booleans()) and participants:
            chosen = draw(st.sampled_from(participants))
            if chosen.affiliation:
                presenter = Person(chosen.name, chosen.affiliation)
        title = draw(item_title)
        items.append(AgendaItem(number, title, presenter, draw(blocks())))
    next_meeting = draw(
        st.one_of(
            st.none(),
            st.just(NextMeeting("noch offen")),
            dates.map(lambda d: NextMeeting(f"{d.day:02d}.{d.month:02d}.{d.year}, 14 Uhr", d)),
        )
    )
    return Protocol(
        title=title_for(meeting, date, draw(st.integers(0, 2))),
        meeting=meeting,
        date=date,
        participants=participants,
        items=tuple(items),
        next_meeting=next_meeting,
    )


def expected_warning(message: str) -> bool:
    """The warnings a generated protocol may give: its notes, and agenda numbers out of order."""
    return message.startswith(("Zeile nicht zugeordnet", "Tagesordnungspunkt"))
