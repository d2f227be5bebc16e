"""German date forms in titles and in the next-meeting line."""

from __future__ import annotations

import datetime as dt

import pytest

from protokollkit.dates import find_date

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
