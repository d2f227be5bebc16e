"""Plausibility of the dates and times a protocol names: what cannot be is reported, not guessed.

:func:`check_plausibility` looks at the title, the metadata, every point and paragraph, the
next-meeting line and the free paragraphs, and returns warnings located like a compiler's:

- impossible dates (``29.02.2023``, ``25.13.2022``, ``32.12.``) and times (``25 Uhr``,
  ``14:60``, ``24:00`` as a start);
- ranges that end before they start (``22.–20.01.2023``, ``17-14.30 Uhr``);
- a weekday that does not fit its date (``Fr 19.11.2022``);
- a year far from the meeting's (more than :data:`MAX_YEARS_AWAY` years);
- a title year outside :data:`PLAUSIBLE_YEARS` (``2202``, ``1899``) or a title date that
  disagrees with the file name ``YYYY-MM-DD-….txt``;
- an appointment at a time the clock skips or shows twice in Rostock (``2:30 Uhr`` in the night
  the clocks go forward or back): its calendar entry would not be at the time meant.

The ``check`` command and ``build`` call it; the readers do not, so reading stays fast and pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from protokollkit.dates import (
    WEEKDAYS,
    DateRange,
    find_date,
    find_date_ranges,
    find_dates,
    german_date,
    impossible_dates,
    impossible_times,
    search_before,
)
from protokollkit.diagnostics import Diagnostic, LineFinder
from protokollkit.model import Protocol

MAX_YEARS_AWAY = 1
"""A date whose written year is further than this from the meeting's year is reported."""

PLAUSIBLE_YEARS = range(1990, 2100)
"""Years a protocol's title may name without a warning."""

FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[-_.]|$)")
"""An archive file name: ``2022-11-10-stadtteiltisch.txt``."""

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")
"""Sources whose text is read to find columns (other formats have no lines to point at)."""


_DIGIT = re.compile(r"\d")

_TWO_AT_NIGHT = re.compile(r"(?<![\d.:])0?2(?:[:.][0-5]\d(?!\d)|\s*Uhr)")
"""A time in the hour the clocks change (``2:30``, ``02.15``, ``2 Uhr``): only then are the
appointments worked out (termine costs more than the rest of the check)."""

ZONE = "Europe/Berlin"

_REFERENCE_BEFORE = re.compile(
    r"\b(?:seit|stand:?|vom|datiert|gegründet|geboren|Gründung)\s*(?:dem\s+)?(?:am\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Text:
    """A text of the protocol to check and the source line it starts on (0: unknown)."""

    text: str
    line: int


class _Locator:
    """Finds lines and columns of texts in the source, when the source text is known."""

    def __init__(self, source_text: str | None) -> None:
        self.lines = source_text.splitlines() if source_text else []
        self._finder = LineFinder(self.lines)

    def line_of(self, text: str, hint: int = 0) -> int:
        """The line ``text`` starts on: the model's line when known, else the next line that
        holds its start (:class:`~protokollkit.diagnostics.LineFinder`)."""
        if hint or not self.lines or not text:
            return hint
        return self._finder.find(text[:40])

    def position(self, written: str, line: int) -> tuple[int, int]:
        """Line and column of ``written`` at or after ``line`` (a point may wrap)."""
        if not self.lines or line <= 0:
            return line, 0
        for number in range(line, min(line + 8, len(self.lines) + 1)):
            column = self.lines[number - 1].find(written)
            if column >= 0:
                return number, column + 1
        return line, 0


def _source_text(source: str) -> str | None:
    """The text of ``source`` when it is a readable text file (for columns), else None."""
    from protokollkit.diagnostics import ProtokollkitError
    from protokollkit.files import MAX_TEXT_BYTES, decode_text, read_bytes

    path = Path(source)
    if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
        return None
    try:
        return decode_text(read_bytes(path, MAX_TEXT_BYTES), source)[0]
    except (ProtokollkitError, OSError):
        return None


def _texts(protocol: Protocol) -> list[_Text]:
    """Every text of the protocol that may name a date, with its source line where the model
    knows it (0 otherwise: found in the source only for a text with a finding, since searching
    the source for every text took minutes for a file of thousands of lines)."""
    result: list[_Text] = []
    for field in protocol.meta:
        result.append(_Text(field.value, 0))
    for text in protocol.front:
        result.append(_Text(text, 0))
    blocks = [(None, protocol.preamble)] + [(item, item.blocks) for item in protocol.all_items()]
    for item, item_blocks in blocks:
        if item is not None:
            result.append(_Text(item.title, item.line))
        for block in item_blocks:
            if block.note:
                result.append(_Text(block.note, block.line))
            stack = list(reversed(block.points))
            while stack:
                point = stack.pop()
                result.append(_Text(point.text, point.line))
                stack.extend(reversed(point.points))
    if protocol.next_meeting is not None:
        text = protocol.next_meeting.text
        result.append(_Text(text, 0))
    for text in protocol.back:
        result.append(_Text(text, 0))
    return result


def _weekday_mismatches(
    text: str, reference: dt.date | None, spans: list[DateRange] | None = None
) -> list[tuple[str, str]]:
    """(message, written) for a weekday written before a date it does not fit (``spans``: the
    date ranges of ``text`` when already found)."""
    result: list[tuple[str, str]] = []
    if spans is None:
        spans = find_date_ranges(text, reference)[0]
    for span in spans:
        if span.weekday is None or span.weekday == span.start.weekday():
            continue
        written = text[span.begin : span.stop].strip()
        actual = WEEKDAYS[span.start.weekday()]
        result.append(
            (
                f"„{written}“: der {german_date(span.start)} ist ein {actual}, kein "
                f"{WEEKDAYS[span.weekday]}.",
                written,
            )
        )
    return result


def _far_years(text: str, reference: dt.date | None) -> list[tuple[str, str]]:
    if reference is None:
        return []
    result: list[tuple[str, str]] = []
    for match in find_dates(text, reference):
        if search_before(_REFERENCE_BEFORE, text, match.start):
            continue  # "seit 1.1.2020", "Schreiben vom 3.11.2019": history, not a typo
        if match.year_given and abs(match.date.year - reference.year) > MAX_YEARS_AWAY:
            written = text[match.start : match.end].strip()
            result.append(
                (
                    f"Datum „{written}“ liegt weit vom Jahr der Sitzung ({reference.year}) – "
                    "Tippfehler?",
                    written,
                )
            )
    return result


def _findings(text: str, reference: dt.date | None) -> list[tuple[str, str]]:
    """(message, written) for everything implausible in one text, in order of appearance."""
    if not _DIGIT.search(text):
        return []  # every date and time is written with a digit
    found: list[tuple[int, str, str]] = []
    for oddity in impossible_dates(text, reference):
        found.append((oddity.start, oddity.message, text[oddity.start : oddity.end].strip()))
    for oddity in impossible_times(text):
        found.append((oddity.start, oddity.message, text[oddity.start : oddity.end].strip()))
    spans, backwards = find_date_ranges(text, reference)
    for oddity in backwards:
        found.append((oddity.start, oddity.message, text[oddity.start : oddity.end].strip()))
    for message, written in _weekday_mismatches(text, reference, spans) + _far_years(
        text, reference
    ):
        found.append((text.find(written), message, written))
    found.sort(key=lambda f: f[0])
    return [(message, written) for _start, message, written in found]


def _file_date(source: str) -> dt.date | None:
    """The date an archive file name starts with (``2022-11-10-stadtteiltisch.txt``), or None."""
    m = FILE_DATE.match(Path(source).name)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title_diagnostics(protocol: Protocol, source: str, locate: _Locator) -> list[Diagnostic]:
    result: list[Diagnostic] = []
    line = locate.line_of(protocol.title) or 1

    def warn(message: str, written: str) -> None:
        at_line, column = locate.position(written, line)
        result.append(Diagnostic("warning", message, source, at_line, column))

    date = protocol.date
    if date is not None and date.year not in PLAUSIBLE_YEARS:
        written = str(date.year)
        title_date = find_date(protocol.title)
        if title_date is not None:
            written = protocol.title[title_date.start : title_date.end].strip()
        warn(
            f"Jahr {date.year} im Titel („{written}“) ist unwahrscheinlich – Tippfehler?",
            written,
        )
    named = _file_date(source)
    if named is not None and date is not None and named != date:
        title_date = find_date(protocol.title)
        written = (
            protocol.title[title_date.start : title_date.end].strip()
            if title_date
            else protocol.title
        )
        warn(
            f"Datum im Titel ({german_date(date)}) und im Dateinamen ({named.isoformat()}) "
            "stimmen nicht überein.",
            written,
        )
    for message, written in _findings(protocol.title, None):
        warn(message, written)
    return result


def _clock_change(day: dt.date, time: dt.time) -> str | None:
    """Why ``time`` on ``day`` is no single moment in Germany, or None when it is."""
    from zoneinfo import ZoneInfo

    local = dt.datetime.combine(day, time, ZoneInfo(ZONE))
    try:
        back = local.astimezone(dt.UTC).astimezone(ZoneInfo(ZONE))
    except OverflowError:  # the first or last hours of the calendar
        return None
    clock = f"{time.hour}:{time.minute:02d} Uhr"
    if back.replace(tzinfo=None) != local.replace(tzinfo=None):
        return (
            f"{clock} gibt es am {german_date(day)} nicht: in dieser Nacht wird die Uhr von 2 "
            f"auf 3 Uhr vorgestellt (Sommerzeit); Kalender zeigen den Termin um "
            f"{back.hour}:{back.minute:02d} Uhr – bitte die Uhrzeit prüfen."
        )
    if local.utcoffset() != local.replace(fold=1).utcoffset():
        return (
            f"{clock} gibt es am {german_date(day)} zweimal: in dieser Nacht wird die Uhr von 3 "
            "auf 2 Uhr zurückgestellt (Winterzeit); Kalender nehmen die erste, noch in der "
            "Sommerzeit – bitte die Uhrzeit prüfen."
        )
    return None


def _clock_diagnostics(protocol: Protocol, source: str, locate: _Locator) -> list[Diagnostic]:
    """Appointments at a time the clock skips or shows twice (DST switches)."""
    from protokollkit.termine import upcoming

    result: list[Diagnostic] = []
    for appointment in upcoming(protocol):
        days = [appointment.start]
        if appointment.end is not None and appointment.recurrence is None:
            span = (appointment.end - appointment.start).days
            days += [appointment.start + dt.timedelta(days=n) for n in range(1, min(span, 366) + 1)]
        times = [t for t in (appointment.start_time, appointment.end_time) if t is not None]
        for day in days:
            for time in times:
                if time.hour != 2:
                    continue
                message = _clock_change(day, time)
                if message is None:
                    continue
                text = appointment.source or appointment.title
                written = _TWO_AT_NIGHT.search(text)
                line, column = locate.position(
                    written.group() if written else text, locate.line_of(text)
                )
                result.append(Diagnostic("warning", message, source, line, column))
    return result


def check_plausibility(
    protocol: Protocol, source: str, source_text: str | None = None
) -> list[Diagnostic]:
    """Warnings about dates and times in ``protocol`` that cannot be what they say.

    ``source`` names the file (its name is compared with the title's date); ``source_text`` is
    its text, used to find lines and columns (read from ``source`` when it is a text file).
    """
    if source_text is None:
        source_text = _source_text(source)
    locate = _Locator(source_text)
    from protokollkit.termine import meeting_reference

    reference = meeting_reference(protocol)
    if reference is not None and reference.year not in PLAUSIBLE_YEARS:
        reference = _file_date(source)  # the title's year is reported; do not measure by it
    result = _title_diagnostics(protocol, source, locate)
    seen: set[tuple[int, int, str]] = set()
    entries = _texts(protocol)
    for entry in entries:
        findings = _findings(entry.text, reference)
        start = locate.line_of(entry.text, entry.line) if findings else 0
        for message, written in findings:
            line, column = locate.position(written, start)
            key = (line, column, message)
            if key not in seen:
                seen.add(key)
                result.append(Diagnostic("warning", message, source, line, column))
    if any(_TWO_AT_NIGHT.search(entry.text) for entry in entries):
        result += _clock_diagnostics(protocol, source, locate)
    return result


__all__ = ["MAX_YEARS_AWAY", "PLAUSIBLE_YEARS", "check_plausibility"]
