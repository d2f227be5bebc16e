"""Appointments (:mod:`protokollkit.termine`) against hand-written cases.

``tests/fixtures/cases/termine.txt``: each case is the points of one block (``- `` a point,
``  - `` a sub-point of the one before, ``Nächster Termin: …`` the next-meeting line) of a
protocol of the Stadtteiltisch dated 8.12.2022 (``[sitzung=…]`` another day, ``keine`` none);
the expected lines are the appointments as :func:`describe` writes them.
"""

from __future__ import annotations

import datetime as dt

from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.termine import Appointment, extract
from tests.cases import Case, parametrize

MEETING = dt.date(2022, 12, 8)


def protocol_of(case: Case) -> Protocol:
    """A one-item protocol whose only block holds the case's points."""
    value = case.options.get("sitzung")
    date = MEETING if value is None else None if value == "keine" else dt.date.fromisoformat(value)
    points: list[Point] = []
    next_meeting = None
    for line in case.input.split("\n"):
        if line.startswith("Nächster Termin:"):
            next_meeting = NextMeeting(line.removeprefix("Nächster Termin:").strip())
        elif line.startswith("  - "):
            last = points.pop()
            points.append(Point(last.text, (*last.points, Point(line[4:]))))
        elif line.startswith("- "):
            points.append(Point(line[2:]))
        elif line.strip():
            raise ValueError(f"case line {case.line}: not a point: {line!r}")
    block = Block(Person("Kathrin Krug", "SBZ"), tuple(points))
    return Protocol(
        title="Protokoll Stadtteiltisch",
        meeting="Stadtteiltisch",
        date=date,
        items=(AgendaItem(1, "Aktuelles aus den Einrichtungen", None, (block,)),),
        next_meeting=next_meeting,
    )


def describe(a: Appointment) -> str:
    """``2022-12-06 14:30–17:00 Weihnachtsmarkt @ SBZ (Frist) [jeden Freitag] vergangen
    + Aufbau ab 12.30 Uhr`` – days, times, title, place, kind, series, past, notes."""
    when = a.start.isoformat() + (f" – {a.end.isoformat()}" if a.end else "")
    if a.start_time is not None:
        when += " " + a.start_time.strftime("%H:%M")
        if a.end_time is not None:
            when += "–" + a.end_time.strftime("%H:%M")
    text = f"{when} {a.title}"
    if a.place:
        text += f" @ {a.place}"
    if a.kind != "event":
        text += {"deadline": " (Frist)", "closure": " (geschlossen)"}.get(a.kind, f" ({a.kind})")
    if a.recurrence is not None:
        until = a.recurrence.until
        text += f" [{a.recurrence.words()}{f' bis {until.isoformat()}' if until else ''}]"
    if a.past:
        text += " vergangen"
    return text + "".join(f"\n  + {note}" for note in a.notes)


@parametrize("termine.txt")
def test_appointments(case: Case) -> None:
    found = [line for a in extract(protocol_of(case)) for line in describe(a).split("\n")]
    assert found == list(case.expected)
