"""Appointments (Termine) read out of a protocol's points and its ``Nächster Termin:`` line.

How a point becomes an appointment (decided here, tested in ``tests/test_termine.py``):

- **Dates**: ``18.11.``, ``7.12.22``, ``6.12.2022``, ``6. Dezember``, ``6. Dez. 2022``,
  ``2022-12-06``; ranges ``20.–22.01.2023``, ``20. bis 22. Januar``, ``20.01.–22.01.2023``,
  ``20./21.01.``. A weekday before the date (``Fr 18.11.``, ``Freitag, den 18.11.``) belongs
  to it. A date without a year gets the year that puts it nearest the meeting (a protocol
  without a date has no yearless appointments). A date after ``seit``, ``Stand`` or ``vom`` is a
  reference, not an appointment. Numbers without a day-and-month form (``48 Wohnungen``,
  ``18-25 Jahre``, ``Projektbeginn 2023``) are never dates.
- **Times** need ``Uhr`` (or ``h``) unless written with a colon: ``14.30-17 Uhr``, ``9-12 Uhr``,
  ``von 15.30-17.30 Uhr``, ``ab 12.30 Uhr``, ``14 Uhr``, ``14:30–17:00``. A time belongs to the
  date written before it (or to the first date if it comes first); the first time wins. An end
  before the start means the appointment ends after midnight.
- **Title**: the point's text without dates and times. If the point starts with its date, the
  title is the first part after it (up to a comma, a time or the next date); otherwise it is the
  last part before the date. Connecting words at either end are dropped (``am``, ``um``, ``von``,
  ``findet … statt``). So ``9.12. Adventssingen mit RoSi im Signalgastweg von 15.30-17.30 Uhr,
  unterstützt durch WIRO`` → ``Adventssingen mit RoSi im Signalgastweg`` and ``Abschluss­
  veranstaltung für den Nordwesten 7.12.22, 9-12 Uhr auf der Likedeeler`` → ``Abschluss­
  veranstaltung für den Nordwesten``. A point that is only a date takes the title of its parent
  point, else of its agenda item.
- **Place**: the capitalised words after ``im``, ``in``, ``in der``, ``auf der``, ``an der``,
  ``beim`` … anywhere in the point (``im Signalgastweg`` → ``Signalgastweg``, ``auf der
  Likedeeler`` → ``Likedeeler``). The title keeps the words it had.
- **Several dates** in one point joined by ``und`` or a comma share title and time; otherwise
  each date gets the text beside it.
- **Notes**: sub-points of an appointment's point without a date of their own, and the points
  right after it in the same list that give a time but no date (``Aufbau ab 12.30 Uhr``).
- **Next meeting**: ``Nächster Termin: 12.01.2023, 14 Uhr, SBZ`` is an appointment titled with
  the meeting's name (``Stadtteiltisch``), place ``SBZ``; ``noch offen`` is none.

Only points and the next-meeting line are read; free paragraphs and item titles are not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from protokollkit.dates import ISO_DATE, MONTHS, NAMED_DATE, full_year, make_date
from protokollkit.layout import CANONICAL_NEXT_MEETING_LABEL
from protokollkit.model import Point, Protocol

WEEKDAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
"""German weekday abbreviations, Monday first (``date.weekday()`` indexes them)."""

SECTION_HEADING = "Termine"
"""The heading of the section that :func:`termine_lines` writes."""


@dataclass(frozen=True)
class Appointment:
    """One appointment found in a protocol.

    ``end`` is the last day of an appointment over several days (``20.–22.01.2023``), else None;
    with times, the times hold on each of those days. ``end_time`` earlier than ``start_time``
    means the appointment ends on the following day. ``item`` and ``speaker`` say where in the
    protocol it was written (None for the next meeting); ``source`` is that text as written.
    """

    title: str
    start: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    end: dt.date | None = None
    place: str | None = None
    item: int | None = None
    item_title: str | None = None
    speaker: str | None = None
    source: str = ""
    notes: tuple[str, ...] = ()

    @property
    def all_day(self) -> bool:
        """True when no time is given: the appointment takes the whole day (or days)."""
        return self.start_time is None

    @property
    def last_day(self) -> dt.date:
        """The last day the appointment takes place on (``end`` or ``start``)."""
        return self.end or self.start

    def sort_key(self) -> tuple[dt.date, int, dt.time]:
        """Date first; on the same day all-day appointments before timed ones, then by time."""
        return (self.start, 0 if self.all_day else 1, self.start_time or dt.time.min)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary: ISO dates, ``HH:MM`` times, ``null`` where nothing is known."""
        return {
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "all_day": self.all_day,
            "place": self.place,
            "item": self.item,
            "item_title": self.item_title,
            "speaker": self.speaker,
            "source": self.source,
            "notes": list(self.notes),
        }


# --- dates ----------------------------------------------------------------------------------

# Like protokollkit.dates.NUMERIC_DATE, but a two-digit year must follow the month's dot
# directly: in "6.12. 14.30-17 Uhr" the 14 is an hour, not the year 2014.
_NUMERIC = re.compile(
    r"(?<!\d)(?<!\d\.)(\d{1,2})\.\s?(\d{1,2})\.(?:(\d{4}|\d{2})|\s(\d{4}))?(?![\d])"
)
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?:am|den)\s+)?\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend"
    r"|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\b\.?,?\s*(?:\bden\s+)?$"
)
_RANGE_PREFIX = re.compile(r"(?<![\d.])(\d{1,2})\.?\s*(?:[-–—/]|\bbis(?:\s+zum)?)\s*$")
_RANGE_JOIN = re.compile(r"^\s*(?:[-–—/]|\bbis(?:\s+zum)?)\s*$")
_NOT_AN_APPOINTMENT = re.compile(r"\b(?:seit|stand:?|datiert)\s*(?:dem\s+)?$", re.IGNORECASE)
_REFERENCE_VOM = re.compile(r"\bvom\s*$", re.IGNORECASE)
_GROUP_JOIN = re.compile(r"^\s*(?:,|;|und|sowie|&|u\.)?\s*(?:am\s+)?$")
_MAX_RANGE_DAYS = 366
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _DateSpan:
    start: dt.date
    end: dt.date | None
    begin: int
    stop: int
    year_given: bool


def _range_start(day: int, end: dt.date) -> dt.date | None:
    """``20.–22.01.``: the day before the dash, in the end's month (or the month before)."""
    for months_back in (0, 1):
        year, month = end.year, end.month - months_back
        if month == 0:
            year, month = year - 1, 12
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate < end:
            return candidate
    return None


def _raw_dates(text: str, reference: dt.date | None) -> list[_DateSpan]:
    """Every single date in ``text`` with its span; no ranges yet."""
    found: list[_DateSpan] = []
    for m in ISO_DATE.finditer(text):
        date = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)), reference)
        if date:
            found.append(_DateSpan(date, None, m.start(), m.end(), True))
    for m in _NUMERIC.finditer(text):
        written = m.group(3) or m.group(4)
        year = full_year(written) if written else None
        date = make_date(int(m.group(1)), int(m.group(2)), year, reference)
        if date:
            found.append(_DateSpan(date, None, m.start(), m.end(), year is not None))
    for m in NAMED_DATE.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        date = make_date(int(m.group(1)), MONTHS[m.group(2).lower()], year, reference)
        if date:
            found.append(_DateSpan(date, None, m.start(), m.end(), year is not None))
    found.sort(key=lambda d: d.begin)
    result: list[_DateSpan] = []
    for span in found:
        if result and span.begin < result[-1].stop:
            continue
        if re.match(r"\s*Uhr\b|h\b", text[span.stop :]):
            continue  # "bis 12.10. Uhr": a time written with a stray dot
        result.append(span)
    return result


def _find_dates(text: str, reference: dt.date | None) -> list[_DateSpan]:
    """Dates and date ranges in ``text``; each span includes a weekday written before it."""
    raw = _raw_dates(text, reference)
    merged: list[_DateSpan] = []
    for span in raw:
        previous = merged[-1] if merged else None
        joined = previous is not None and _RANGE_JOIN.match(text[previous.stop : span.begin])
        if previous is not None and previous.end is None and joined:
            first: dt.date | None = previous.start
            if not previous.year_given and span.year_given:
                # "20.01.–22.01.2023": the first date takes the year of the second
                first = make_date(previous.start.day, previous.start.month, span.start.year, None)
                if first is not None and first > span.start:
                    first = make_date(first.day, first.month, first.year - 1, None)
            if first and first < span.start and (span.start - first).days <= _MAX_RANGE_DAYS:
                merged[-1] = _DateSpan(first, span.start, previous.begin, span.stop, True)
                continue
        before = text[: span.begin]
        prefix = _RANGE_PREFIX.search(before)
        if prefix:
            begin_day = _range_start(int(prefix.group(1)), span.start)
            if begin_day is not None:
                merged.append(_DateSpan(begin_day, span.start, prefix.start(), span.stop, True))
                continue
        merged.append(span)
    result: list[_DateSpan] = []
    for span in merged:
        before = text[: span.begin]
        weekday = _WEEKDAY_BEFORE.search(before)
        begin = weekday.start() if weekday else span.begin
        if _NOT_AN_APPOINTMENT.search(text[:begin]):
            continue
        if span.end is None and _REFERENCE_VOM.search(text[:begin]):
            continue
        result.append(replace(span, begin=begin))
    return result


# --- times ----------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class _TimeSpan:
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


def _find_times(text: str) -> list[_TimeSpan]:
    """Clock times and time ranges in ``text``, in order, not overlapping."""
    if not _DIGIT.search(text):
        return []
    found: list[_TimeSpan] = []
    taken: list[tuple[int, int]] = []
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < stop and begin < m.end() for begin, stop in taken):
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
            if end == start:
                end = None
            found.append(_TimeSpan(start, end, m.start(), m.end(), (m.group("prefix") or "")))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t.begin)
    return found


def format_time(time: dt.time) -> str:
    """``9:00``, ``14:30``: hours without a leading zero, as in German text."""
    return f"{time.hour}:{time.minute:02d}"


def normalise_times(text: str) -> str:
    """Write every clock time in ``text`` as ``12:30``: ``Aufbau ab 12.30 Uhr`` → ``… 12:30 Uhr``.

    A date in the text is left alone.
    """
    times = [t for t in _find_times(text) if not _inside_date(text, t)]
    for span in reversed(times):
        written = format_time(span.start)
        if span.end is not None:
            written += "–" + format_time(span.end)
        prefix = f"{span.prefix} " if span.prefix else ""
        text = f"{text[: span.begin]}{prefix}{written} Uhr{text[span.stop :]}"
    return text


def _inside_date(text: str, span: _TimeSpan) -> bool:
    return any(d.begin <= span.begin < d.stop for d in _find_dates(text, dt.date(2000, 1, 1)))


# --- titles and places ----------------------------------------------------------------------

_MASK = "\x00"
_EDGE_CHARS = " \t,;:–—-/→|" + _MASK
_LEADING_WORDS = re.compile(
    r"^(?:am|um|ab|von|vom|bis|zum|zur|den|dem|jeweils|und|sowie|ca\.|gegen|ist|sind|findet"
    r"|finden|ganztägig|termin|uhr|im\s+zeitraum)\b\s*",
    re.IGNORECASE,
)
_TRAILING_WORDS = re.compile(
    r"\s*\b(?:am|um|ab|von|vom|bis|zum|zur|den|dem|jeweils|und|sowie|ca\.|gegen|ist|sind"
    r"|findet|finden|statt|ganztägig|uhr|termin|zeitraum|im\s+zeitraum)$",
    re.IGNORECASE,
)
_EMPTY_PARENS = re.compile(r"\(\s*[,;]?\s*\)")
_PLACE_WORD = r"(?:[A-ZÄÖÜ„\"][\w\-.’'/&“\"]*)"
_PLACE_PHRASE = (
    rf"{_PLACE_WORD}(?:\s+(?:(?:der|des|dem|am|an\s+der|von|vom|zum|zur|und|&)\s+)?"
    rf"(?:{_PLACE_WORD}|\d+[a-z]?\b))*"
)
_PLACE = re.compile(
    r"(?<![\w-])(?:im|in\s+der|in\s+dem|in\s+den|in|auf\s+der|auf\s+dem|an\s+der|an\s+dem"
    rf"|beim|vor\s+dem|vor\s+der|Treffpunkt:?|Ort:?)\s+(?P<place>{_PLACE_PHRASE})"
)
_PLACE_ONLY = re.compile(rf"^(?:(?:im|in|in der|auf der|an der|beim)\s+)?({_PLACE_PHRASE})$")
_NOT_PLACES = {
    "Rahmen", "Anschluss", "Vorfeld", "Jahr", "Monat", "Wechsel", "Moment", "Zuge",
    "Auftrag", "Namen", "Sinne", "Bereich", "Kooperation", "Zusammenarbeit", "Planung",
    "Vorbereitung", "Arbeit", "Höhe", "Form", "Präsenz", "Person", "Ort", "Folge", "Zukunft",
    "Vergangenheit", "Zeitraum", "Laufe", "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember", "Montag", "Dienstag",
    "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag", "Frühjahr",
    "Sommer", "Herbst", "Winter", "Advent", "Adventszeit", "Weihnachtszeit", "Ferien",
    "Sommerferien", "Winterferien", "Herbstferien", "Osterferien", "Uhr",
}  # fmt: skip


def _clean_segment(segment: str) -> str:
    text = _EMPTY_PARENS.sub("", segment.replace(_MASK, " "))
    text = re.sub(r"\s+", " ", text)
    previous = None
    while previous != text:
        previous = text
        text = text.strip(_EDGE_CHARS)
        text = _LEADING_WORDS.sub("", text)
        text = _TRAILING_WORDS.sub("", text)
        if re.search(r"(?<![A-ZÄÖÜ.])\.$", text):
            text = text[:-1]
    if text.count("(") > text.count(")") and text.startswith("("):
        text = text[1:]
    if text.count(")") > text.count("(") and text.endswith(")"):
        text = text[:-1]
    return text.strip(_EDGE_CHARS)


def _segments(masked: str) -> list[str]:
    """Parts of ``masked`` between masked spans, commas and semicolons (outside parentheses)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in masked:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == _MASK or (ch in ",;" and depth == 0):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [cleaned for part in parts if (cleaned := _clean_segment(part))]


def _place_in(masked: str) -> str | None:
    for m in _PLACE.finditer(masked):
        place = m.group("place").rstrip(".,;:")
        if place.split()[0] not in _NOT_PLACES:
            return place
    return None


def _place_only(segment: str) -> str | None:
    """A leftover part that is nothing but a place (``SBZ``, ``im SBZ Groß Klein``)."""
    m = _PLACE_ONLY.match(segment)
    if m and m.group(1).split()[0] not in _NOT_PLACES:
        return m.group(1)
    return None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for begin, stop in spans:
        for index in range(begin, stop):
            chars[index] = _MASK
    return "".join(chars)


# --- one text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: dt.date
    end: dt.date | None
    time: _TimeSpan | None
    title: str
    place: str | None
    leftovers: tuple[str, ...]


def _analyse(text: str, reference: dt.date | None) -> list[_Found]:
    """The appointments written in one text, with titles as far as the text gives them."""
    if not _DIGIT.search(text):
        return []
    dates = _find_dates(text, reference)
    if not dates:
        return []
    times = [t for t in _find_times(text) if not any(d.begin <= t.begin < d.stop for d in dates)]
    groups: list[list[_DateSpan]] = []
    for span in dates:
        if groups and _GROUP_JOIN.match(text[groups[-1][-1].stop : span.begin]):
            groups[-1].append(span)
        else:
            groups.append([span])
    bounds = [(g[0].begin, g[-1].stop) for g in groups]
    group_times: list[_TimeSpan | None] = [None] * len(groups)
    for time in times:
        owner = 0
        for index, (begin, _stop) in enumerate(bounds):
            if begin <= time.begin:
                owner = index
        if group_times[owner] is None:
            group_times[owner] = time
    masked = _mask(text, [(d.begin, d.stop) for d in dates] + [(t.begin, t.stop) for t in times])
    date_first = not _clean_segment(masked[: bounds[0][0]])
    found: list[_Found] = []
    previous_title = ""
    for index, (begin, stop) in enumerate(bounds):
        previous_stop = bounds[index - 1][1] if index else 0
        next_begin = bounds[index + 1][0] if index + 1 < len(bounds) else len(text)
        if date_first:
            title_parts = _segments(masked[stop:next_begin])
            place_region = masked[begin:next_begin]
        else:
            title_parts = _segments(masked[previous_stop:begin])[-1:]
            title_parts = title_parts or _segments(masked[stop:next_begin])
            place_region = masked[previous_stop:next_begin]
        title = title_parts[0] if title_parts else previous_title
        previous_title = title
        place = _place_in(place_region)
        leftovers = tuple(_segments(masked[stop:next_begin]))
        for span in groups[index]:
            found.append(_Found(span.start, span.end, group_times[index], title, place, leftovers))
    return found


def _has_time(text: str) -> bool:
    return bool(_find_times(text))


def _title_of(text: str, reference: dt.date | None) -> str:
    """A parent point's text as a title for its date-only sub-points."""
    spans = [(d.begin, d.stop) for d in _find_dates(text, reference)]
    spans += [(t.begin, t.stop) for t in _find_times(text)]
    parts = _segments(_mask(text, spans))
    return parts[0] if parts else ""


def _appointment(
    found: _Found,
    fallback_title: str,
    source: str,
    item: int | None = None,
    item_title: str | None = None,
    speaker: str | None = None,
) -> Appointment:
    time = found.time
    return Appointment(
        title=found.title or fallback_title,
        start=found.start,
        start_time=time.start if time else None,
        end_time=time.end if time else None,
        end=found.end,
        place=found.place,
        item=item,
        item_title=item_title,
        speaker=speaker,
        source=source,
    )


# --- the protocol ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """Where in the protocol the points stand."""

    reference: dt.date | None
    item: int
    item_title: str
    speaker: str | None


def _from_points(
    points: tuple[Point, ...], fallback_title: str, context: _Context, result: list[Appointment]
) -> None:
    reference = context.reference
    attach_to: list[int] = []
    for point in points:
        found = _analyse(point.text, reference)
        if found:
            attach_to = []
            for one in found:
                attach_to.append(len(result))
                result.append(
                    _appointment(
                        one,
                        fallback_title,
                        point.text,
                        item=context.item,
                        item_title=context.item_title,
                        speaker=context.speaker,
                    )
                )
            notes = tuple(c.text for c in point.points if not _find_dates(c.text, reference))
            for index in attach_to:
                result[index] = replace(result[index], notes=result[index].notes + notes)
        elif attach_to and _has_time(point.text):
            for index in attach_to:
                result[index] = replace(result[index], notes=(*result[index].notes, point.text))
        else:
            attach_to = []
        if point.points:
            child_title = _title_of(point.text, reference) or fallback_title
            _from_points(point.points, child_title, context, result)


def next_meeting_appointment(protocol: Protocol) -> Appointment | None:
    """The ``Nächster Termin:`` line as an appointment, or None when it names no date.

    Titled with the meeting's name; the place is a place phrase or a leftover part such as
    ``SBZ`` in ``12.01.2023, 14 Uhr, SBZ``.
    """
    meeting = protocol.next_meeting
    if meeting is None:
        return None
    found = _analyse(meeting.text, protocol.date)
    if not found:
        return None
    first = found[0]
    place = first.place
    if place is None:
        for part in first.leftovers:
            place = _place_only(part)
            if place:
                break
    title = protocol.meeting or "Nächster Termin"
    source = f"{CANONICAL_NEXT_MEETING_LABEL} {meeting.text}"
    return replace(_appointment(first, title, source), title=title, place=place)


def extract(protocol: Protocol) -> list[Appointment]:
    """Every appointment in the protocol's points and its next-meeting line, sorted by date."""
    result: list[Appointment] = []
    for item in protocol.items:
        for block in item.blocks:
            person = block.speaker or item.presenter
            speaker = person.name if person else None
            context = _Context(protocol.date, item.number, item.title, speaker)
            _from_points(block.points, item.title, context, result)
    following = next_meeting_appointment(protocol)
    if following is not None:
        result.append(following)
    return sorted(result, key=Appointment.sort_key)


# --- plain-text section ---------------------------------------------------------------------


def format_day(date: dt.date, *, year: bool = True) -> str:
    """``Di 06.12.2022`` (or ``Di 06.12.`` without the year)."""
    written = f"{date.day:02d}.{date.month:02d}." + (str(date.year) if year else "")
    return f"{WEEKDAY_ABBREVIATIONS[date.weekday()]} {written}"


def format_when(appointment: Appointment) -> str:
    """When, in German: ``Di 06.12.2022, 14:30–17:00 Uhr`` or ``Fr 18.11.2022 (ganztägig)``.

    Several days: ``Fr 20.01.–So 22.01.2023 (ganztägig)`` or ``…, jeweils 10:00–16:00 Uhr``.
    """
    a = appointment
    if a.end is not None and a.end != a.start:
        same_year = a.start.year == a.end.year
        day = f"{format_day(a.start, year=not same_year)}–{format_day(a.end)}"
    else:
        day = format_day(a.start)
    if a.start_time is None:
        return f"{day} (ganztägig)"
    clock = format_time(a.start_time)
    if a.end_time is not None:
        clock += "–" + format_time(a.end_time)
    each = "jeweils " if a.end is not None and a.end != a.start else ""
    return f"{day}, {each}{clock} Uhr"


def format_appointment(appointment: Appointment) -> str:
    """One line without the list marker: ``Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt …``.

    The place is added as ``Ort: …`` when the title does not name it; notes follow, with their
    times written as ``12:30``.
    """
    extras: list[str] = []
    if appointment.place and appointment.place not in appointment.title:
        extras.append(f"Ort: {appointment.place}")
    extras.extend(normalise_times(note) for note in appointment.notes)
    line = f"{format_when(appointment)}: {appointment.title}"
    return f"{line} ({'; '.join(extras)})" if extras else line


def termine_lines(protocol: Protocol) -> list[str]:
    """The German ``Termine`` section as plain-text lines, or ``[]`` when there is none.

    The first line is the heading ``Termine``, then one ``- …`` line per appointment in date
    order. Email and Markdown writers put it at the top of their output.
    """
    appointments = extract(protocol)
    if not appointments:
        return []
    return [SECTION_HEADING, *(f"- {format_appointment(a)}" for a in appointments)]


def iter_appointments(protocols: list[Protocol]) -> Iterator[tuple[int, Appointment]]:
    """Appointments of several protocols sorted by date, each with its protocol's index."""
    pairs = [(index, a) for index, p in enumerate(protocols) for a in extract(p)]
    pairs.sort(key=lambda pair: pair[1].sort_key())
    yield from pairs


__all__ = [
    "SECTION_HEADING",
    "WEEKDAY_ABBREVIATIONS",
    "Appointment",
    "extract",
    "format_appointment",
    "format_day",
    "format_time",
    "format_when",
    "iter_appointments",
    "next_meeting_appointment",
    "normalise_times",
    "termine_lines",
]
