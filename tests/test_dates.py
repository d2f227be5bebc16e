"""German date forms in titles and in the next-meeting line."""

from __future__ import annotations

import datetime as dt

import pytest

from protokollkit.dates import (
    find_date,
    find_date_ranges,
    find_times,
    impossible_dates,
    impossible_times,
)

MEETING = dt.date(2022, 12, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.11.22", dt.date(2022, 11, 10)),
        ("10.11.2022", dt.date(2022, 11, 10)),
        ("10.11. 2022", dt.date(2022, 11, 10)),
        ("10. November 2022", dt.date(2022, 11, 10)),
        ("2022-11-10", dt.date(2022, 11, 10)),
        ("18.11.", dt.date(2022, 11, 18)),
        ("02.01.", dt.date(2023, 1, 2)),
        ("6. Dezember", dt.date(2022, 12, 6)),
    ],
)
def test_date_forms(text: str, expected: dt.date) -> None:
    found = find_date(text, MEETING)
    assert found is not None and found.date == expected


def test_time_after_a_date_without_year_is_not_a_year() -> None:
    found = find_date("Nächster Termin: 12.01. 14 Uhr", MEETING)
    assert found is not None and found.date == dt.date(2023, 1, 12)
    assert not found.year_given


@pytest.mark.parametrize("text", ["48 Wohnungen", "18-25 Jahre", "ALG2", "31.02.2022", "1.2.3.4"])
def test_no_date(text: str) -> None:
    assert find_date(text, MEETING) is None


def test_date_without_year_needs_a_reference() -> None:
    assert find_date("18.11.") is None


# --- one grammar: ranges, times, impossible values ------------------------------------------

MEETING_2023 = dt.date(2023, 1, 12)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("20.–22.01.2023", dt.date(2023, 1, 20), dt.date(2023, 1, 22)),
        ("20. bis 22. Januar", dt.date(2023, 1, 20), dt.date(2023, 1, 22)),
        ("20.01.–22.01.2023", dt.date(2023, 1, 20), dt.date(2023, 1, 22)),
        ("3./4.03.", dt.date(2023, 3, 3), dt.date(2023, 3, 4)),
        ("28.12.–1.1.2023", dt.date(2022, 12, 28), dt.date(2023, 1, 1)),
        ("vom 27.03. bis 07.04.", dt.date(2023, 3, 27), dt.date(2023, 4, 7)),
    ],
)
def test_date_ranges(text: str, start: dt.date, end: dt.date) -> None:
    (found,), oddities = find_date_ranges(text, MEETING_2023)
    assert (found.start, found.end, oddities) == (start, end, [])


@pytest.mark.parametrize("text", ["22.–20.01.2023", "30.–2.01.", "22.01.–20.01.2023"])
def test_a_range_that_runs_backwards_is_no_date_but_an_oddity(text: str) -> None:
    found, oddities = find_date_ranges(text, MEETING_2023)
    assert found == []
    assert [o.message for o in oddities] == [f"Zeitraum „{text}“ endet vor seinem Anfang."]


def test_weekday_before_a_date_belongs_to_it() -> None:
    (found,), _ = find_date_ranges("Lesung Freitag, den 20.01. um 19 Uhr", MEETING_2023)
    assert (found.begin, found.weekday, found.start) == (7, 4, dt.date(2023, 1, 20))


def test_the_next_meeting_form_of_issue_15_is_a_date() -> None:
    found = find_date("Nächster Termin: ca.18.11., 14 Uhr", dt.date(2022, 11, 10))
    assert found is not None and found.date == dt.date(2022, 11, 18)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("29.02.2023", "Datum „29.02.2023“ gibt es nicht (kein Schaltjahr)."),
        ("25.13.2022", "Datum „25.13.2022“ gibt es nicht (einen Monat 13 gibt es nicht)."),
        ("32.12.", "Datum „32.12.“ gibt es nicht (der Dezember hat keinen 32. Tag)."),
        ("31.04.2023", "Datum „31.04.2023“ gibt es nicht (der April hat keinen 31. Tag)."),
    ],
)
def test_impossible_dates(text: str, message: str) -> None:
    assert [o.message for o in impossible_dates(f"Fest {text}", MEETING_2023)] == [message]


def test_yearless_29_february_needs_a_leap_year_near_the_meeting() -> None:
    message = "Datum „29.02.“ gibt es nicht (kein Schaltjahr in der Nähe der Sitzung)."
    assert [o.message for o in impossible_dates("29.02.", dt.date(2022, 12, 8))] == [message]
    assert impossible_dates("29.02.", MEETING_2023) == []  # 2024 is near enough


@pytest.mark.parametrize("text", ["18.11.", "29.02.2024", "um 17.30.", "12.10. Uhr", "1.2.3.4"])
def test_possible_or_no_dates_are_not_impossible(text: str) -> None:
    assert impossible_dates(text, MEETING_2023) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("um 25 Uhr", "Uhrzeit „25 Uhr“ gibt es nicht."),
        ("um 14:60", "Uhrzeit „14:60“ gibt es nicht."),
        ("um 14.60 Uhr", "Uhrzeit „14.60 Uhr“ gibt es nicht."),
        ("ab 24:00 Uhr", "Uhrzeit „24:00 Uhr“: gemeint ist wohl 0:00 Uhr am nächsten Tag oder "
         "23:59 Uhr."),
        ("17-14.30 Uhr", "Zeitraum „17-14.30 Uhr“ endet vor seinem Anfang."),
    ],
)  # fmt: skip
def test_impossible_times(text: str, written: str) -> None:
    assert [o.message for o in impossible_times(text)] == [written]


@pytest.mark.parametrize("text", ["20-24 Uhr", "20-1 Uhr", "bis 24 Uhr", "14:30", "9-12 Uhr"])
def test_possible_times_are_not_impossible(text: str) -> None:
    assert impossible_times(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("14.30-17 Uhr", dt.time(14, 30), dt.time(17)),
        ("20-1 Uhr", dt.time(20), dt.time(1)),
        ("17-14.30 Uhr", dt.time(17), None),  # backwards: only the start is kept
        ("um 14:30", dt.time(14, 30), None),
    ],
)
def test_times(text: str, start: dt.time, end: dt.time | None) -> None:
    (found,) = find_times(text)
    assert (found.start, found.end) == (start, end)
