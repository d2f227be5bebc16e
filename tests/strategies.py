"""Hypothesis strategies for random protocols that the canonical layout can express.

Shared by the round-trip tests of every writer. ``protocols()`` gives the parts every writer
renders (title, participants, items, speakers, points, next meeting); ``protocols(rich=True)``
adds everything the richer model has (metadata, attendance groups, planned agenda, preamble,
sub-items, numbered points, paragraphs, decisions, tasks, links, closing matter). What the
reader derives from the text (speakers in entries, decisions, tasks, an inline next meeting) is
set with :func:`protokollkit.annotations.annotate`, as reading would.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume
from hypothesis import strategies as st

from protokollkit.annotations import annotate
from protokollkit.dates import MONTH_NAMES
from protokollkit.labels import ATTENDANCE_LABELS, PRESENT_LABELS, label_key
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
    Protocol,
)
from protokollkit.people import plausible_name, split_role

UPPER = "ABCDEFGHIJKLMNOPRSTUVWZÄÖÜ"
LOWER = "abcdefghijklmnoprstuvwzäöüßé"
TYPOGRAPHY = ["„Mein Groß Klein“", "–", "→", "Klient*innen", "Expert*innen", "Mieter*innen", "&"]

words = st.text(alphabet=LOWER, min_size=2, max_size=10)
capitalised = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(UPPER),
    st.text(alphabet=LOWER, min_size=1, max_size=9),
)
"""A capitalised word of two letters or more: four single letters in a row (``A B C D``) are
read as one letter-spaced word (``layout._SPACED``), the one text that does not read back."""
name_word = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(UPPER),
    st.text(alphabet="aeiolnrstuk", min_size=2, max_size=7),
)
name = (
    st.lists(name_word, min_size=2, max_size=3)
    .map(" ".join)
    .filter(lambda n: plausible_name(n) and split_role(n) is None)
)
"""A person's name; not one whose first word names a function (``Asenator Uwe Berg`` reads as
the role ``Asenator`` of Uwe Berg, as ``Gemeindevertreter Olaf Carstensen`` does)."""
affiliation = st.lists(
    st.one_of(capitalised, words, st.sampled_from(["e.V.", "gGmbH", "/", "–", "IB Nord,", "SBZ"])),
    min_size=1,
    max_size=5,
).map(" ".join)
plain_affiliation = affiliation.filter(lambda a: not any(c in a for c in "(),;"))
participant_affiliation = plain_affiliation.filter(
    lambda a: not any(w in ATTENDANCE_LABELS or w in PRESENT_LABELS for w in label_key(a).split())
)
"""A participant's affiliation: not an attendance word (``Pia (Gast)`` is read as a guest)."""

point_word = st.one_of(
    words, capitalised, st.sampled_from(TYPOGRAPHY), st.integers(0, 2030).map(str),
    st.sampled_from(["18.11.", "6.12.2022", "14.30-17", "(100 in Rostock)", "ALG2", "z.B.", "#1",
                     "+", ">", "_x_", "`code`", "[Link]", "<b>", "\\"]),
)  # fmt: skip
point_text = st.lists(point_word, min_size=1, max_size=8).map(" ".join)
rich_point_text = st.one_of(
    point_text,
    st.sampled_from(
        [
            "Beschluss: Der Stadtteiltisch unterstützt den Antrag",
            "Abstimmung: Ja: 6 / Nein: 1 / Enthaltung: 0 – angenommen",
            "Antrag abgelehnt (2/5/1)",
            "einstimmig angenommen",
            "ToDo: Raum buchen bis 15.05.",
            "Aufgabe (Lea Weber): Flyer drucken",
            "Plakate verteilen → Tom Berger",
            "Siehe [Satzung](https://example.org/satzung) und https://example.org/a_(b)",
            "[ ] Einladung verschicken",
        ]
    ),
)


def points(depth: int = 0, rich: bool = False) -> st.SearchStrategy[tuple[Point, ...]]:
    """Up to four points, nested up to two levels below; numbered ones in rich protocols."""
    children = points(depth + 1, rich) if depth < 2 else st.just(())
    text = rich_point_text if rich else point_text
    bullets = st.lists(st.builds(Point, text, children), max_size=4 if depth == 0 else 2)
    if not rich:
        return bullets.map(tuple)
    numbered = st.lists(st.tuples(text, children), max_size=3).map(
        lambda entries: [Point(t, c, "numbered", f"{i + 1}.") for i, (t, c) in enumerate(entries)]
    )
    return st.one_of(bullets, numbered).map(tuple)


speaker = st.builds(
    Person, name, st.one_of(st.none(), affiliation), st.sampled_from(["comma", "parens"])
).map(lambda p: p if p.affiliation else Person(p.name))
note = st.builds(lambda a, b: f"Die {a} wurde {b} besprochen.", words, words)
paragraph = st.builds(lambda text: Point(text, kind="paragraph"), note)


@st.composite
def entries(draw: st.DrawFn, rich: bool) -> tuple[Point, ...]:
    """A block's entries: points, and in rich protocols paragraphs between them."""
    result = list(draw(points(rich=rich)))
    if rich and draw(st.booleans()):
        # Between two numbered points a paragraph would make ``2.`` an agenda item.
        result.insert(draw(st.sampled_from([0, len(result)])), draw(paragraph))
    return tuple(result)


@st.composite
def blocks(draw: st.DrawFn, rich: bool = False) -> tuple[Block, ...]:
    """A speakerless first block is possible; later blocks have a speaker."""
    result: list[Block] = []
    first = draw(entries(rich))
    if draw(st.booleans()) and first:
        result.append(Block(None, first))
    for _ in range(draw(st.integers(0, 3))):
        result.append(Block(draw(speaker), draw(entries(rich))))
    return tuple(result)


item_title = st.lists(st.one_of(capitalised, words, st.sampled_from(TYPOGRAPHY)), min_size=1,
                      max_size=6).map(" ".join)  # fmt: skip
dates = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 28))

META: list[tuple[str, MetaKind]] = [
    ("Ort", "place"), ("Beginn", "start"), ("Ende", "end"), ("Sitzungsleitung", "chair"),
    ("Protokoll", "minute_taker"), ("Gremium", "other"), ("Beschlussfähigkeit", "quorum"),
]  # fmt: skip
GROUPS: list[tuple[str, AttendanceKind]] = [
    ("Entschuldigt", "excused"), ("Gäste", "guests"), ("Abwesend", "absent"),
    ("Vorstand", "present"), ("teilweise anwesend", "partial"),
]  # fmt: skip


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
def _items(draw: st.DrawFn, participants: tuple[Person, ...], rich: bool) -> list[AgendaItem]:
    items = []
    # Mostly 1, 2, 3 …; sometimes an agenda continued from the last meeting (starting at 3) or
    # a number repeated or skipped, as automatic Word numbering produces.
    number = draw(st.sampled_from([1, 1, 1, 3] if rich else [1, 1, 1, 3, 0]))
    for index in range(draw(st.integers(0, 4))):
        if index:
            number += draw(st.sampled_from([1, 1, 1, 0, 2]))
        presenter = None
        if draw(st.booleans()) and participants:
            chosen = draw(st.sampled_from(participants))
            if chosen.affiliation:
                presenter = Person(chosen.name, chosen.affiliation)
        subs: tuple[AgendaItem, ...] = ()
        if rich and draw(st.booleans()):
            subs = tuple(
                AgendaItem(n, draw(item_title), None, draw(blocks(rich)))
                for n in range(1, draw(st.integers(1, 3)) + 1)
            )
        title = draw(item_title)
        items.append(AgendaItem(number, title, presenter, draw(blocks(rich)), subs))
    return items


@st.composite
def protocols(draw: st.DrawFn, rich: bool = False) -> Protocol:
    """A random protocol that the canonical text layout can express exactly."""
    meeting = draw(st.sampled_from(["Stadtteiltisch", "Stadtteiltisch Groß Klein", "AG Wohnen"]))
    date = draw(dates)
    participants = tuple(
        draw(st.lists(st.builds(Person, name, st.one_of(st.none(), participant_affiliation)),
                      max_size=5, unique_by=lambda p: p.name.split()[-1]))
    )  # fmt: skip
    items = draw(_items(participants, rich))
    next_meeting = draw(
        st.one_of(
            st.none(),
            st.just(NextMeeting("noch offen")),
            dates.map(lambda d: NextMeeting(f"{d.day:02d}.{d.month:02d}.{d.year}, 14 Uhr", d)),
        )
    )
    protocol = Protocol(
        title=title_for(meeting, date, draw(st.integers(0, 2))),
        meeting=meeting,
        date=date,
        participants=participants,
        items=tuple(items),
        next_meeting=next_meeting,
    )
    if rich:
        return annotate(_enrich(draw, protocol))
    # The classic parts only: no entry that reads as a task, decision or inline speaker.
    assume(annotate(protocol) == protocol)
    return protocol


def _enrich(draw: st.DrawFn, protocol: Protocol) -> Protocol:
    """Metadata, attendance groups, agenda, preamble, labels and closing matter."""
    from dataclasses import replace

    meta = tuple(
        MetaField(label, draw(st.lists(capitalised, min_size=1, max_size=3).map(" ".join)), kind)
        for label, kind in draw(st.lists(st.sampled_from(META), max_size=4, unique=True))
    )
    groups = tuple(
        AttendanceGroup(label, kind, tuple(draw(st.lists(st.builds(Person, name), max_size=3))))
        for label, kind in draw(st.lists(st.sampled_from(GROUPS), max_size=3, unique=True))
    )
    agenda = tuple(draw(st.lists(item_title, max_size=4)))
    preamble: tuple[Block, ...] = ()
    if draw(st.booleans()):
        preamble = (Block(None, (draw(paragraph),)),)
    items = protocol.items
    next_meeting = protocol.next_meeting
    if next_meeting is not None:
        next_meeting = replace(
            next_meeting,
            label=draw(st.sampled_from(["Nächster Termin", "Nächste Sitzung", "Nächstes Treffen"])),
        )
    elif draw(st.booleans()) and items:
        sentence = Point(
            "Die nächste Sitzung findet am 12.06.2024 um 18 Uhr statt.", kind="paragraph"
        )
        last = items[-1]
        content = last.blocks or (Block(),)
        content = (*content[:-1], replace(content[-1], points=(*content[-1].points, sentence)))
        items = (*items[:-1], replace(last, blocks=content))
    back: tuple[str, ...] = ()
    if draw(st.booleans()) and items:
        back = ("Rostock, 4. Mai 2024", "gez. Lea Weber")
    return replace(
        protocol,
        meta=meta,
        attendance=groups,
        agenda=agenda,
        preamble=preamble,
        items=items,
        next_meeting=next_meeting,
        back=back,
        participants_label=draw(st.sampled_from(["Teilnehmende", "Anwesend", "Anwesende"])),
        item_prefix=draw(st.sampled_from(["", "TOP"])) if items else "",
    )


def expected_warning(message: str) -> bool:
    """The warnings a generated protocol may give: agenda numbers out of order."""
    return message.startswith(("Zeile nicht zugeordnet", "Tagesordnungspunkt", "Unterpunkt"))
