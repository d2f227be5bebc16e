"""The date and time grammar (:mod:`protokollkit.dates`) against hand-written cases.

The cases are in ``tests/fixtures/cases/``: ``dates.txt`` (dates and ranges), ``times.txt``
(clock times) and ``impossible.txt`` (what cannot be). Each expected line is written by hand.
"""

from __future__ import annotations

import datetime as dt

from protokollkit.dates import (
    WEEKDAYS,
    find_date_ranges,
    find_times,
    german_date,
    german_long_date,
    impossible_dates,
    impossible_times,
)
from tests.cases import Case, parametrize

MEETING = dt.date(2022, 11, 10)
"""The reference day of every case without ``[bezug=…]``: the reference protocol's meeting."""


def reference(case: Case) -> dt.date | None:
    value = case.options.get("bezug")
    if value is None:
        return MEETING
    return None if value == "keiner" else dt.date.fromisoformat(value)


def _clock(time: dt.time) -> str:
    return time.strftime("%H:%M")


def dates_found(text: str, bezug: dt.date | None) -> list[str]:
    """``2022-12-30 – 2023-01-02  „30.12.–2.01.“``; a date without a written year says so; a
    weekday before it is named; a range that runs backwards is a line with ``!``."""
    ranges, oddities = find_date_ranges(text, bezug)
    lines: list[tuple[int, str]] = []
    for r in ranges:
        when = r.start.isoformat() + (f" – {r.end.isoformat()}" if r.end else "")
        notes = ""
        if r.end is None and not r.year_given:
            notes += " ohne Jahr"
        if r.weekday is not None:
            notes += f" ({WEEKDAYS[r.weekday]})"
        lines.append((r.begin, f"{when}  „{text[r.begin : r.stop]}“{notes}"))
    for o in oddities:
        lines.append((o.start, f"! „{text[o.start : o.end]}“ {o.message}"))
    return [line for _, line in sorted(lines)]


def times_found(text: str) -> list[str]:
    """``14:30 – 17:00  „14.30-17 Uhr“``, with the word before it in brackets."""
    lines = []
    for t in find_times(text):
        when = _clock(t.start) + (f" – {_clock(t.end)}" if t.end else "")
        prefix = f" [{t.prefix}]" if t.prefix else ""
        lines.append(f"{when}  „{text[t.begin : t.stop]}“{prefix}")
    return lines


def oddities(text: str, bezug: dt.date | None) -> list[str]:
    """``„29.02.2023“ Datum „29.02.2023“ gibt es nicht (kein Schaltjahr).``: the text where the
    oddity stands, then its message; dates first, then times, each in order."""
    found = [*impossible_dates(text, bezug), *impossible_times(text)]
    return [f"„{text[o.start : o.end]}“ {o.message}" for o in found]


@parametrize("dates.txt")
def test_dates(case: Case) -> None:
    assert dates_found(case.input, reference(case)) == list(case.expected)


@parametrize("times.txt")
def test_times(case: Case) -> None:
    assert times_found(case.input) == list(case.expected)


@parametrize("impossible.txt")
def test_impossible(case: Case) -> None:
    assert oddities(case.input, reference(case)) == list(case.expected)


def test_written_forms_of_a_date() -> None:
    assert german_date(dt.date(2023, 1, 5)) == "05.01.2023"
    assert german_long_date(dt.date(2023, 1, 5)) == "5. Januar 2023"
    assert german_long_date(dt.date(2022, 12, 24)) == "24. Dezember 2022"
