"""German date forms as they appear in titles and in the ``Nächster Termin:`` line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "jänner": 1,
    "februar": 2, "feb": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}  # fmt: skip

MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip

_MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:(\d{4}|\d{2})|\s(\d{4}))?(?!\d)")
"""``10.11.22``, ``10.11.2022``, ``10.11. 2022``, ``18.11.`` — a two-digit year only right after
the dot, so that ``12.01. 14 Uhr`` is not the year 2014."""
NAMED_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_ALTERNATION})\.?(?:\s+(\d{{4}}))?(?![\wäöü])",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text, with where it stood and whether the year was written."""

    date: dt.date
    start: int
    end: int
    year_given: bool


def full_year(year: str) -> int:
    """``22`` → 2022; a four-digit year as it is."""
    value = int(year)
    return 2000 + value if len(year) == 2 else value


def nearest_year(day: int, month: int, reference: dt.date) -> dt.date | None:
    """The date with this day and month nearest to ``reference`` (last, this or next year)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - reference).days))


def make_date(day: int, month: int, year: int | None, reference: dt.date | None) -> dt.date | None:
    """The date, or None if there is no such day; without a year the one nearest ``reference``."""
    if year is None:
        return nearest_year(day, month, reference) if reference else None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """All dates in ``text``, in order. A date without a year needs ``reference`` (the meeting)."""
    found: list[DateMatch] = []
    for m in ISO_DATE.finditer(text):
        date = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)), reference)
        if date:
            found.append(DateMatch(date, m.start(), m.end(), True))
    for m in NUMERIC_DATE.finditer(text):
        written = m.group(3) or m.group(4)
        year = full_year(written) if written else None
        date = make_date(int(m.group(1)), int(m.group(2)), year, reference)
        if date:
            found.append(DateMatch(date, m.start(), m.end(), year is not None))
    for m in NAMED_DATE.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        date = make_date(int(m.group(1)), MONTHS[m.group(2).lower()], year, reference)
        if date:
            found.append(DateMatch(date, m.start(), m.end(), year is not None))
    found.sort(key=lambda d: d.start)
    return found


def find_date(text: str, reference: dt.date | None = None) -> DateMatch | None:
    """The first date in ``text``, or None."""
    dates = find_dates(text, reference)
    return dates[0] if dates else None


def german_date(date: dt.date) -> str:
    """``10.11.2022``: the form used in subjects and headers."""
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def german_long_date(date: dt.date) -> str:
    """``10. November 2022``."""
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
