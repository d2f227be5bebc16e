"""German date and time forms: titles, the ``Nächster Termin:`` line and appointments.

The one grammar of dates and clock times in protokollkit; the reader, :mod:`protokollkit.termine`
and :mod:`protokollkit.plausibility` all use it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
import sys
from dataclasses import dataclass, replace

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

NUMERIC_DATE = re.compile(
    r"(?<!\d)(?<!\d\.)(\d{1,2})\.\s?(\d{1,2})\.(?:(\d{4}|\d{2})|\s(\d{4}))?(?!\d)"
)
"""``10.11.22``, ``10.11.2022``, ``10.11. 2022``, ``18.11.``, ``ca.18.11.`` — a two-digit year
only right after the dot, so that ``12.01. 14 Uhr`` is not the year 2014."""
NAMED_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_ALTERNATION})\.?(?:\s+(\d{{4}}))?(?![\wäöü])",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME_AFTER = re.compile(r"\s*Uhr\b|h\b")
_DIGIT = re.compile(r"\d")

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
"""German weekday names, Monday first (``date.weekday()`` indexes them)."""

WEEKDAY_NUMBERS: dict[str, int] = {
    "montag": 0, "mo": 0, "dienstag": 1, "di": 1, "mittwoch": 2, "mi": 2,
    "donnerstag": 3, "do": 3, "freitag": 4, "fr": 4, "samstag": 5, "sonnabend": 5, "sa": 5,
    "sonntag": 6, "so": 6,
}  # fmt: skip

_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?:am|den)\s+)?\b(?P<weekday>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag"
    r"|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\b\.?,?\s*(?:\bden\s+)?$"
)
_RANGE_PREFIX = re.compile(r"(?<![\d.])(\d{1,2})\.?\s*(?:[-–—/]|\bbis(?:\s+zum)?)\s*$")
_RANGE_JOIN = re.compile(r"^\s*(?:[-–—/]|\bbis(?:\s+zum)?)\s*$")
MAX_RANGE_DAYS = 366
"""A range of dates longer than a year is read as two separate dates."""

LAST_DAYS = dt.date(dt.MAXYEAR, 1, 1)
"""In the year 9999, counting on from a date (the next Friday, the end of next January, a
weekly series) may run past 31.12.9999, the last day Python knows: such a count finds
nothing (it ended in „interner Fehler“)."""

REACH = 64
"""How many characters other than white space a pattern read by :func:`search_before` holds at
most (``zuletzt veröffentlicht am: dem`` has 27)."""
_NOT_SPACE = re.compile(r"\S")


def search_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern that ends at ``end`` (``…\\s*$``) and
    holds at most :data:`REACH` characters other than white space.

    The search starts where those characters can begin, not at the start of the text: a line of
    thousands of dates is not read once more for each date (that took minutes). ``\\b`` and
    look-behinds still see the text before that start, so the match is the same.
    """
    start, seen, step = end, 0, REACH
    while start > 0 and seen <= REACH:
        lower = max(0, start - step)
        seen += len(_NOT_SPACE.findall(text, lower, start))
        start, step = lower, step * 2
    return pattern.search(text, start, end)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text, with where it stood and whether the year was written."""

    date: dt.date
    start: int
    end: int
    year_given: bool


@dataclass(frozen=True)
class DateRange:
    """A date or a range of dates (``20.–22.01.2023``) with where it stood in the text.

    ``end`` is the last day of a range, else None. ``begin`` includes a weekday written before
    the date (``Fr 18.11.``, ``Freitag, den 18.11.``); ``weekday`` is that weekday (0 = Monday).
    """

    start: dt.date
    end: dt.date | None
    begin: int
    stop: int
    year_given: bool
    weekday: int | None = None


@dataclass(frozen=True)
class Oddity:
    """Something date- or time-like that cannot be what it says, with where it stood.

    ``message`` is German and names the value as written.
    """

    message: str
    start: int
    end: int


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


@dataclass(frozen=True)
class _Written:
    """A day-and-month form as written, valid or not."""

    day: int
    month: int
    year: int | None
    start: int
    end: int


@functools.lru_cache(maxsize=256)
def _written_dates(text: str) -> tuple[_Written, ...]:
    """Every day-and-month form in ``text``, in order, not overlapping; no time (``12.10. Uhr``).

    Remembered for the last few texts: the plausibility check and the appointments ask for the
    dates of the same text several times (with different reference days)."""
    found: list[_Written] = []
    if not _DIGIT.search(text):
        return ()
    dotted = "." in text  # (the numeric and the named forms have a dot after the day)
    for m in ISO_DATE.finditer(text) if "-" in text else ():
        found.append(_Written(int(m.group(3)), int(m.group(2)), int(m.group(1)), *m.span()))
    for m in NUMERIC_DATE.finditer(text) if dotted else ():
        written = m.group(3) or m.group(4)
        year = full_year(written) if written else None
        found.append(_Written(int(m.group(1)), int(m.group(2)), year, *m.span()))
    for m in NAMED_DATE.finditer(text) if dotted else ():
        year = int(m.group(3)) if m.group(3) else None
        found.append(_Written(int(m.group(1)), MONTHS[m.group(2).lower()], year, *m.span()))
    found.sort(key=lambda w: w.start)
    result: list[_Written] = []
    for written in found:
        if result and written.start < result[-1].end:
            continue
        if _TIME_AFTER.match(text, written.end):
            continue  # "bis 12.10. Uhr": a time written with a stray dot
        result.append(written)
    return tuple(result)


_new = object.__new__
_set = object.__setattr__


def _date_match(date: dt.date, start: int, end: int, year_given: bool) -> DateMatch:
    """``DateMatch(date, start, end, year_given)``, built without the frozen dataclass's
    ``__init__`` that sets its fields one by one (every date found makes one)."""
    match: DateMatch = _new(DateMatch)
    _set(match, "__dict__", {"date": date, "start": start, "end": end, "year_given": year_given})
    return match


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """All dates in ``text``, in order. A date without a year needs ``reference`` (the meeting).

    The one grammar of German dates in protokollkit: titles, the next-meeting line and the
    appointments all read dates with it.
    """
    found: list[DateMatch] = []
    for w in _written_dates(text):
        date = make_date(w.day, w.month, w.year, reference)
        if date:
            found.append(_date_match(date, w.start, w.end, w.year is not None))
    return found


def find_date(text: str, reference: dt.date | None = None) -> DateMatch | None:
    """The first date in ``text``, or None."""
    dates = find_dates(text, reference)
    return dates[0] if dates else None


def impossible_dates(text: str, reference: dt.date | None = None) -> list[Oddity]:
    """Day-and-month forms that name no day: ``29.02.2023``, ``25.13.2022``, ``32.12.``.

    A form whose month is over 12 without a year (``17.30.``) is taken for a time, not a date.
    """
    found: list[Oddity] = []
    for w in _written_dates(text):
        if w.month > 12 and w.year is None:
            continue
        if w.year is None and reference is None:
            if 1 <= w.month <= 12 and 1 <= w.day <= 31:
                continue
        elif make_date(w.day, w.month, w.year, reference) is not None:
            continue
        written = text[w.start : w.end].strip()
        if not 1 <= w.month <= 12:
            reason = f"einen Monat {w.month} gibt es nicht"
        elif w.day == 29 and w.month == 2:
            reason = "kein Schaltjahr" if w.year else "kein Schaltjahr in der Nähe der Sitzung"
        else:
            reason = f"der {MONTH_NAMES[w.month - 1]} hat keinen {w.day}. Tag"
        found.append(Oddity(f"Datum „{written}“ gibt es nicht ({reason}).", w.start, w.end))
    return found


def _range_start(day: int, end: dt.date) -> dt.date | None:
    """``20.–22.01.``: the day before the dash, in the end's month; None when it is not before."""
    try:
        candidate = dt.date(end.year, end.month, day)
    except ValueError:
        return None
    return candidate if candidate < end else None


def find_date_ranges(
    text: str, reference: dt.date | None = None
) -> tuple[list[DateRange], list[Oddity]]:
    """Dates and ranges of dates in ``text``, and the ranges that run backwards.

    Ranges: ``20.–22.01.2023``, ``20. bis 22. Januar``, ``20.01.–22.01.2023``, ``20./21.01.``,
    ``28.12.–1.1.2023`` (over the turn of the year). A range that ends before it starts
    (``22.–20.01.2023``) is no date at all and is returned as an oddity.
    """
    ranges, oddities = _date_ranges(text, reference)
    return list(ranges), list(oddities)


@functools.lru_cache(maxsize=512)
def _date_ranges(
    text: str, reference: dt.date | None
) -> tuple[tuple[DateRange, ...], tuple[Oddity, ...]]:
    oddities: list[Oddity] = []
    merged: list[DateRange] = []
    for match in find_dates(text, reference):
        previous = merged[-1] if merged else None
        joined = previous is not None and _RANGE_JOIN.match(text[previous.stop : match.start])
        if previous is not None and previous.end is None and joined:
            first: dt.date | None = previous.start
            if not previous.year_given and match.year_given and first is not None:
                # "20.01.–22.01.2023": the first date takes the year of the second
                wrap = first.month > match.date.month
                year = match.date.year - 1 if wrap else match.date.year
                first = make_date(first.day, first.month, year, None)
            if first is not None and first >= match.date:
                written = text[previous.begin : match.end].strip()
                oddities.append(
                    Oddity(
                        f"Zeitraum „{written}“ endet vor seinem Anfang.",
                        previous.begin,
                        match.end,
                    )
                )
                merged.pop()
                continue
            if first is not None and (match.date - first).days <= MAX_RANGE_DAYS:
                merged[-1] = DateRange(first, match.date, previous.begin, match.end, True)
                continue
        prefix = search_before(_RANGE_PREFIX, text, match.start)
        if prefix:
            begin_day = _range_start(int(prefix.group(1)), match.date)
            if begin_day is not None:
                merged.append(DateRange(begin_day, match.date, prefix.start(), match.end, True))
                continue
            if re.search(r"\.|bis", prefix.group(0)):
                written = text[prefix.start() : match.end].strip()
                oddities.append(
                    Oddity(
                        f"Zeitraum „{written}“ endet vor seinem Anfang.",
                        prefix.start(),
                        match.end,
                    )
                )
                continue
        merged.append(DateRange(match.date, None, match.start, match.end, match.year_given))
    result: list[DateRange] = []
    for span in merged:
        weekday = search_before(_WEEKDAY_BEFORE, text, span.begin)
        if weekday:
            number = WEEKDAY_NUMBERS[weekday.group("weekday").lower()]
            span = replace(span, begin=weekday.start(), weekday=number)
        result.append(span)
    return tuple(result), tuple(oddities)


# --- clock times ----------------------------------------------------------------------------

_H = r"(?:[01]?\d|2[0-4])"
_M = r"[0-5]\d"
_TIME_PATTERNS = (
    re.compile(
        rf"(?<![\d.:])(?:(?P<prefix>von|zwischen)\s+)?(?P<h1>{_H})(?:[.:](?P<m1>{_M}))?\s*"
        rf"(?:Uhr\s*)?(?:[-–—]|\bbis\b|\bund\b)\s*(?P<h2>{_H})(?:[.:](?P<m2>{_M}))?"
        r"(?:\s*Uhr\b|h\b)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\d.:])(?:(?P<prefix>von|zwischen)\s+)?(?P<h1>{_H}):(?P<m1>{_M})\s*"
        rf"(?:[-–—]|\bbis\b|\bund\b)\s*(?P<h2>{_H}):(?P<m2>{_M})(?![\d:])(?:\s*Uhr\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\d.:])(?:(?P<prefix>ab|um|gegen|ca\.)\s+)?(?P<h1>{_H})(?:[.:](?P<m1>{_M}))?"
        r"(?:\s*Uhr\b|h\b)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\d.:])(?:(?P<prefix>ab|um|gegen|ca\.)\s+)?(?P<h1>{_H}):(?P<m1>{_M})(?![\d:])",
        re.IGNORECASE,
    ),
)
_LOOSE_TIMES = (
    re.compile(r"(?<![\d.:,])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b"),
    re.compile(r"(?<![\d.:,])(\d{1,2}):(\d{2})(?![\d:])"),
)
_LOOSE_RANGE_START = re.compile(
    r"(?:(?<![\d.:,])(\d{1,2})(?:[.:](\d{2}))?\s*(?:Uhr\s*)?[-–—]|\bbis)\s*$", re.IGNORECASE
)
_TIME_HINT = re.compile(r"\d\s*(?:Uhr\b|h\b)|\d:[0-5]\d", re.IGNORECASE)
_ANY_TIME = re.compile(r"\d\s*(?:Uhr\b|h\b)|\d:\d\d", re.IGNORECASE)
"""What every pattern :func:`impossible_times` looks for contains: a digit before ``Uhr``/``h``,
or a colon between digits (``14:60`` too, which :data:`_TIME_HINT` leaves out)."""
LATEST_OVERNIGHT_END = dt.time(6)
"""A time range ending before it starts runs past midnight only when it ends by 6:00."""


@dataclass(frozen=True)
class TimeMatch:
    """A clock time or time range found in a text (``14.30-17 Uhr``, ``ab 12.30 Uhr``).

    ``end`` earlier than ``start`` means past midnight (``20-1 Uhr``). ``prefix`` is the word
    written before it (``ab``, ``um``, ``von`` …) or ``""``.
    """

    start: dt.time
    end: dt.time | None
    begin: int
    stop: int
    prefix: str


def _time(hour: str, minute: str | None, *, end: bool) -> dt.time | None:
    h, m = int(hour), int(minute or 0)
    if h == 24:
        return dt.time(0, 0) if end and m == 0 else None
    return dt.time(h, m)


def find_times(text: str) -> list[TimeMatch]:
    """Clock times and time ranges in ``text``, in order, not overlapping.

    A time needs ``Uhr`` (or ``h``) unless written with a colon. A range that ends before it
    starts and not in the small hours (``17-14.30 Uhr``) keeps only its start.
    """
    return list(_times(text))


@functools.lru_cache(maxsize=512)
def _times(text: str) -> tuple[TimeMatch, ...]:
    if not _TIME_HINT.search(text):
        return ()  # every time form ends in "Uhr"/"h" after a digit or has a colon
    found: list[TimeMatch] = []
    taken: list[tuple[int, int]] = []  # sorted and apart: only the last one before can overlap
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            before = bisect.bisect_left(taken, (m.end(),)) - 1
            if before >= 0 and m.start() < taken[before][1]:
                continue
            groups = m.groupdict()
            start = _time(m.group("h1"), m.group("m1"), end=False)
            end = None
            if groups.get("h2") is not None:
                end = _time(groups["h2"], groups.get("m2"), end=True)
                if end is None:
                    continue
            if start is None:
                continue
            if end == start or (end is not None and start > end > LATEST_OVERNIGHT_END):
                end = None
            found.append(TimeMatch(start, end, m.start(), m.end(), (m.group("prefix") or "")))
            bisect.insort(taken, (m.start(), m.end()))
    found.sort(key=lambda t: t.begin)
    return tuple(found)


def impossible_times(text: str) -> list[Oddity]:
    """Clock times that cannot be: ``25 Uhr``, ``14:60``, ``24:00`` as a start, and time ranges
    that end before they start outside the small hours (``17-14.30 Uhr``)."""
    if not _ANY_TIME.search(text):
        return []
    found: list[Oddity] = []
    dates = sorted((d.start, d.end) for d in find_dates(text, dt.date(2000, 1, 1)))
    furthest = list(itertools.accumulate((e for _b, e in dates), max))  # end of dates so far
    seen: set[int] = set()
    for pattern in _LOOSE_TIMES:
        for m in pattern.finditer(text):
            started = bisect.bisect_right(dates, (m.start(), sys.maxsize)) - 1
            if m.start() in seen or (started >= 0 and m.start() < furthest[started]):
                continue  # inside a date
            seen.add(m.start())
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            written = m.group(0)
            range_end = bool(search_before(_LOOSE_RANGE_START, text, m.start()))
            if hour > 24 or minute > 59:
                found.append(Oddity(f"Uhrzeit „{written}“ gibt es nicht.", *m.span()))
            elif hour == 24 and (minute or not range_end):
                found.append(
                    Oddity(
                        f"Uhrzeit „{written}“: gemeint ist wohl 0:00 Uhr am nächsten Tag "
                        "oder 23:59 Uhr.",
                        *m.span(),
                    )
                )
    for pattern in _TIME_PATTERNS[:2]:
        for m in pattern.finditer(text):
            start = _time(m.group("h1"), m.group("m1"), end=False)
            end = _time(m.group("h2"), m.group("m2"), end=True)
            if start is not None and end is not None and start > end > LATEST_OVERNIGHT_END:
                found.append(
                    Oddity(f"Zeitraum „{m.group(0).strip()}“ endet vor seinem Anfang.", *m.span())
                )
    found.sort(key=lambda o: o.start)
    return found


def german_date(date: dt.date) -> str:
    """``10.11.2022``: the form used in subjects and headers."""
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def german_long_date(date: dt.date) -> str:
    """``10. November 2022``."""
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


def forget() -> None:
    """Empty the caches of texts seen (the parser calls it at the start of every parse: what
    is remembered serves the checks of one protocol, not the next parse of the same text)."""
    _written_dates.cache_clear()
    _date_ranges.cache_clear()
    _times.cache_clear()
