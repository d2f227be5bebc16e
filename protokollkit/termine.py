"""Appointments (Termine) read out of a protocol's points and its ``Nächster Termin:`` line.

How a point becomes an appointment (decided here, tested in ``tests/test_termine.py`` and over
the corpus ``tests/fixtures/termine/corpus.txt``):

- **Dates and times** are read with the one grammar of :mod:`protokollkit.dates`: ``18.11.``,
  ``7.12.22``, ``6. Dezember``, ranges ``20.–22.01.2023``, a weekday before the date; times
  ``14.30-17 Uhr``, ``ab 12.30 Uhr``, ``14:30``. A date without a year gets the year nearest
  the meeting. A time belongs to the date written before it (or the first date); the first
  time wins.
- **Events, not facts**: a date after ``seit``, ``Stand``, ``vom`` (a reference) or one that
  only says when something starts to hold (``ab 01.03. wieder besetzt``, ``gilt ab``, ``ab``
  without a time) is no appointment.
- **Deadlines** (``bis 31.03.2023``, ``Frist``, ``Anmeldeschluss``) are all-day entries named
  as a deadline: ``Frist: Anträge an das Quartiersbüro``. **Closures** keep their word:
  ``Kleiderkammer geschlossen``. A state that only ends (``bis 06.01. geschlossen``, ``noch
  bis``) is none, and so is a to-do with a due date (``Jasper prüft den Raum, bis 31.03.``, a
  point whose ``task`` names owners).
- **Past**: a date before the meeting, or a clause in the past tense (``war``, ``fand …
  statt``, ``wurde … durchgeführt``), makes the appointment ``past``; the mail and the .ics
  show only :func:`upcoming` ones, ``termine --alle`` all of them.
- **Recurrence**: ``jeden 1. Donnerstag im Monat``, ``jeden Freitag``, ``wöchentlich``,
  ``14-täglich``, ``monatlich`` become a :class:`Recurrence` (an iCalendar RRULE). It starts at
  the first occurrence on or after the date named (``ab 02.02.2023``), else the first after
  the meeting; ``bis …`` ends it.
- **Title**: the event phrase of the point without dates and times: if the point starts with
  its date, the first part after it, else the last part before it; connecting words at the
  ends dropped (``am``, ``um``, ``findet … statt``); never cut inside brackets or quotes; at
  most :data:`MAX_TITLE` characters at a word break. A point that is only a date takes the
  title of its parent point, else of its agenda item. ``Entscheidung in der Sitzung des
  Ortsbeirats`` is titled by its event: ``Sitzung des Ortsbeirats: Entscheidung``.
- **Place**: the capitalised words after ``im``, ``in der``, ``auf der``, ``beim`` …; the
  calendar :attr:`Appointment.summary` leaves the place out when it is the LOCATION.
- **Notes**: sub-points without a date of their own, and points right after it in the same
  list that give a time but no date (``Aufbau ab 12.30 Uhr``).
- **Next meeting**: the model's next-meeting date (else the one in its text), titled with the
  meeting's name, place from the text (``12.01.2023, 14 Uhr, SBZ``); ``noch offen`` is none.

Only points and the next-meeting line are read; item titles are not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from protokollkit.dates import (
    LAST_DAYS,
    MONTH_NAMES,
    MONTHS,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
    DateRange,
    TimeMatch,
    find_date,
    find_date_ranges,
    find_times,
    search_before,
)
from protokollkit.model import Point, Protocol

WEEKDAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
"""German weekday abbreviations, Monday first (``date.weekday()`` indexes them)."""

SECTION_HEADING = "Termine"
"""The heading of the section that :func:`termine_lines` writes."""

MAX_TITLE = 60
"""Titles longer than this are cut at a word break (never inside brackets or quotes)."""

AppointmentKind = Literal["event", "deadline", "closure"]
Frequency = Literal["weekly", "monthly"]

_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Recurrence:
    """How an appointment repeats, as an iCalendar RRULE says it.

    ``weekdays`` count from 0 = Monday. ``ordinals`` (1–4, -1 for the last) make a monthly rule
    ``jeden 1. Donnerstag im Monat``; ``month_day`` one on a day of the month; ``until`` is the
    last day it may fall on.
    """

    freq: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    ordinals: tuple[int, ...] = ()
    month_day: int | None = None
    until: dt.date | None = None

    def rrule(self) -> dict[str, object]:
        """The rule as icalendar's ``vRecur`` takes it (``UNTIL`` added by the caller)."""
        rule: dict[str, object] = {"freq": self.freq.upper()}
        if self.interval != 1:
            rule["interval"] = self.interval
        if self.ordinals:
            rule["byday"] = [f"{n}{_RRULE_DAYS[d]}" for n in self.ordinals for d in self.weekdays]
        elif self.weekdays:
            rule["byday"] = [_RRULE_DAYS[d] for d in self.weekdays]
        if self.month_day is not None:
            rule["bymonthday"] = [self.month_day]
        return rule

    def rrule_text(self) -> str:
        """``FREQ=MONTHLY;BYDAY=1TH`` (with ``UNTIL=YYYYMMDD`` when it ends)."""
        import icalendar

        rule = dict(self.rrule())
        if self.until is not None:
            rule["until"] = self.until
        to_ical: Callable[[], bytes] = icalendar.vRecur(rule).to_ical
        return to_ical().decode("ascii")

    def first_on_or_after(self, day: dt.date) -> dt.date | None:
        """The first day of the series on or after ``day`` (None when it has ended by then)."""
        from dateutil.rrule import rrulestr

        start = dt.datetime.combine(day, dt.time())
        rule = rrulestr(self.rrule_text(), dtstart=start)
        hit = rule.after(start, inc=True)
        return hit.date() if hit is not None else None

    def words(self) -> str:
        """The rule in German: ``jeden 1. Donnerstag im Monat``, ``14-täglich am Freitag``."""
        days = " und ".join(WEEKDAYS[d] for d in self.weekdays)
        if self.freq == "monthly":
            if self.ordinals:
                ordinals = " und ".join("letzten" if n == -1 else f"{n}." for n in self.ordinals)
                return f"jeden {ordinals} {days} im Monat"
            return f"monatlich am {self.month_day}."
        if self.interval == 1:
            return f"jeden {days}"
        if self.interval == 2:
            return f"14-täglich am {days}"
        return f"alle {self.interval} Wochen am {days}"


@dataclass(frozen=True)
class Appointment:
    """One appointment found in a protocol.

    ``end`` is the last day of an appointment over several days (``20.–22.01.2023``), else None;
    with times, the times hold on each of those days. ``end_time`` earlier than ``start_time``
    means the appointment ends on the following day. ``item`` and ``speaker`` say where in the
    protocol it was written (None for the next meeting); ``source`` is that text as written.
    ``kind`` says whether it is an event, a deadline or a closure; ``recurrence`` how it repeats
    (``start`` is then its first occurrence); ``past`` whether it lies before the meeting or the
    text puts it in the past.
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
    kind: AppointmentKind = "event"
    recurrence: Recurrence | None = None
    past: bool = False

    @property
    def all_day(self) -> bool:
        """True when no time is given: the appointment takes the whole day (or days)."""
        return self.start_time is None

    @property
    def last_day(self) -> dt.date:
        """The last day the appointment takes place on (``end`` or ``start``)."""
        if self.recurrence is not None:
            return self.recurrence.until or dt.date.max
        return self.end or self.start

    @property
    def summary(self) -> str:
        """The title for a calendar: without the place phrase when the place is the LOCATION."""
        if not self.place:
            return self.title
        shorter = re.sub(
            rf"\s*{_PLACE_PREPOSITION}\s+{re.escape(self.place)}(?!\w)", "", self.title
        )
        shorter = _clean_segment(shorter)
        return shorter if shorter else self.title

    def sort_key(self) -> tuple[dt.date, int, dt.time]:
        """Date first; on the same day all-day appointments before timed ones, then by time."""
        return (self.start, 0 if self.all_day else 1, self.start_time or dt.time.min)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary: ISO dates, ``HH:MM`` times, ``null`` where nothing is known."""
        return {
            "title": self.title,
            "summary": self.summary,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "all_day": self.all_day,
            "recurrence": self.recurrence.rrule_text() if self.recurrence else None,
            "past": self.past,
            "place": self.place,
            "item": self.item,
            "item_title": self.item_title,
            "speaker": self.speaker,
            "source": self.source,
            "notes": list(self.notes),
        }


# --- what a date stands for -----------------------------------------------------------------

_NOT_AN_APPOINTMENT = re.compile(
    r"\b(?:seit|stand:?|datiert|(?:zuletzt\s+)?(?:erstellt|aktualisiert|geändert|veröffentlicht"
    r"|abgerufen|gedruckt)(?:\s+am)?:?)\s*(?:dem\s+)?$",
    re.IGNORECASE,
)
"""What a date is the state or the making of, not an appointment (``Stand: …``, ``Erstellt``)."""
_REFERENCE_VOM = re.compile(r"\bvom\s*$", re.IGNORECASE)
_STARTS_TO_HOLD = re.compile(r"\b(?:ab|gilt\s+ab|gültig\s+ab|ab\s+dem)\s*$", re.IGNORECASE)
_FACT = re.compile(
    r"\b(?:besetzt|gilt|gelten|gültig|in\s+Kraft|zuständig|übernimmt|übernehmen|vertritt"
    r"|umgezogen|umziehen|Umzug|zieht\b[^,;]{0,40}\bum|ändert\s+sich|ändern\s+sich|erhältlich|verfügbar|buchbar|freigeschaltet|ab\s+sofort"
    r"|wieder\s+(?:geöffnet|offen|da|erreichbar|im\s+Dienst|in\s+Betrieb))\b",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:bis|spätestens)(?:\s+(?:zum|zur|am|spätestens))?\s*$", re.IGNORECASE)
_TASK = re.compile(
    r"(?:→|->)(?!\s*(?:Anmeldung|Rückmeldung|Abgabe|Bewerbung|Meldung)(?:en)?\b)|\bkümmer\w*\s+sich\b|\b(?:klärt|prüft|erledigt|fragt|schickt|verteilt|besorgt"
    r"|organisiert|kontaktiert|informiert|übernimmt|schreibt|ruft)\b"
)
_STILL_UNTIL = re.compile(r"\bnoch\s+bis(?:\s+zum)?\s*$", re.IGNORECASE)
_DEADLINE_LABEL = (
    r"(?:Anmelde|Einsende|Redaktions|Bewerbungs|Melde|Abgabe|Annahme|Buchungs|Antrags)schluss"
    r"|\w*frist|Frist\w*|Deadline|Abgabetermin"
)
_DEADLINE_WORD = re.compile(rf"\b(?:{_DEADLINE_LABEL}|spätestens)\b", re.IGNORECASE)
_CLOSURE = re.compile(
    r"\b(?:geschlossen|Schließzeit\w*|Schließtag\w*|Schließung|Betriebsferien|Betriebsurlaub"
    r"|f(?:ällt|allen)\b[^,;]{0,25}?\baus|entfällt|entfallen|abgesagt"
    r"|nicht\s+besetzt"
    r"|nicht\s+erreichbar"
    r"|(?:bleibt|bleiben|ist|sind|macht|machen)\b[^,;]{0,40}?\bzu(?=\s*(?:[,;.!?)–]|$)))\b",
    re.IGNORECASE,
)
"""A closure; its separable verb may stand around the date (``bleibt am 24.12. zu``), but a
``zu`` that starts an infinitive (``ist am 15.12. zu beachten``) is none."""
_PAST = re.compile(
    r"\b(?:war|waren|fand|fanden|stattgefunden|gab\s+es|hat\s+\w+(?:\s+\w+)?\s+teilgenommen"
    r"|teilgenommen|durchgeführt|gelaufen|besucht\s+(?:haben|hatten)|kamen|besuchten"
    r"|Rückblick|Auswertung|ausgewertet)\b",
    re.IGNORECASE,
)
_FUTURE_DESPITE_PAST = re.compile(
    r"\b(?:verschoben|verlegt|festgelegt|beschlossen|geplant|vereinbart|angesetzt|terminiert"
    r"|wird|werden|findet|finden)\b",
    re.IGNORECASE,
)
_GROUP_JOIN = re.compile(r"^\s*+(?:,|;|und|sowie|&|u\.)?\s*(?:am\s+)?$")
_NOT_ABBREVIATED = "".join(
    rf"(?<!\b{word}\.)" for word in ("St", "Str", "Dr", "Prof", "Nr", "Hl", "Pl", "ev", "kath")
)
_CLAUSE_END = re.compile(
    rf"[;.!?]{_NOT_ABBREVIATED}(?<!\d\.)(?<!\b[A-ZÄÖÜ]\.)\s+(?=[A-ZÄÖÜ])|(?<!\s)\s+(?:→|->|⇒)\s+"
)
"""Where a sentence ends: not after an abbreviation (``St. Johannis``), an ordinal (``Das 5.
Treffen``) or an initial (``bei A. Peters``); an arrow starts a consequence of its own
(``…, Treffpunkt SBZ → Anmeldung bis 15.03.``)."""


def _in_past_tense(clause: str) -> bool:
    return bool(_PAST.search(clause)) and not _FUTURE_DESPITE_PAST.search(clause)


# --- recurrence -----------------------------------------------------------------------------

_WD = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_WD_LIST = rf"{_WD}(?:\s*(?:,|und|&|sowie)\s*{_WD})*"
_ORD = r"(?:[1-4]\.|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?|letzte[nrs]?)"
_ORD_LIST = rf"{_ORD}(?:\s*(?:,|und|&)\s*{_ORD})*"
_ADVERB_DAYS = re.compile(
    r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s\b",
    re.IGNORECASE,
)
_NAMED_DAYS = re.compile(_WD, re.IGNORECASE)
_MONTHLY_BYDAY = re.compile(
    rf"\b(?:(?:jede[nrs]?|immer|monatlich)\s+(?:am\s+|jeden\s+)?|am\s+)?(?P<ords>{_ORD_LIST})\s+"
    rf"(?P<days>{_WD_LIST})(?:\s+(?:im|eines|des|jeden|pro)\s+Monats?\b)?",
    re.IGNORECASE,
)
_EVERY_SECOND = re.compile(
    rf"\bjede[nrs]?\s+(?:zweiten?|2\.)\s+(?P<days>{_WD_LIST})", re.IGNORECASE
)
_EVERY = re.compile(rf"\b(?:jede[nrs]?|immer\s+am)\s+(?P<days>{_WD_LIST})\b", re.IGNORECASE)
_BIWEEKLY = re.compile(
    r"\b(?:14-?tägig|14-?täglich|vierzehntägig|vierzehntäglich|zweiwöchentlich|zweiwöchig|alle\s+(?:zwei|2)\s+Wochen"
    r"|alle\s+14\s+Tage|jede\s+zweite\s+Woche)\w*",
    re.IGNORECASE,
)
_WEEKLY = re.compile(
    r"\b(?:wöchentlich|jede\s+Woche|einmal\s+(?:in\s+der|pro|die)\s+Woche"
    r"|immer\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s)\w*",
    re.IGNORECASE,
)
_MONTHLY = re.compile(
    r"\b(?:monatlich|jeden\s+Monat|einmal\s+(?:im|pro)\s+Monat)\w*", re.IGNORECASE
)
_NOW = re.compile(r"\bab\s+sofort\b", re.IGNORECASE)
_NEXT_TIME = re.compile(
    r"\bnächste[rsn]?\s+(?:Termin|Mal|Treffen|Sitzung)\w*\s*:?\s*(?:am\s+)?$", re.IGNORECASE
)
_RECURRENCE_HINT = re.compile(r"jede|immer|wöch|tägig|täglich|monat|zwei|alle\s")
"""Searched in the lower-cased text (much faster than ignoring case)."""
_ORDINAL_WORDS = {"ers": 1, "zwe": 2, "dri": 3, "vie": 4, "let": -1}
"""Ordinals written as words, by their first three letters (``ersten``, ``letzter``)."""
_SINCE_OR_FROM = re.compile(
    r"\b(?:ab|seit|beginnend|beginnt|startet|ab\s+dem|seit\s+dem|erstmals|erster\s+Termin)"
    r"(?:\s+am)?\s*$",
    re.IGNORECASE,
)


def _days(text: str) -> tuple[int, ...]:
    found = [WEEKDAY_NUMBERS[m.group(0).lower()] for m in _NAMED_DAYS.finditer(text)]
    return tuple(dict.fromkeys(found))


def _ordinals(text: str) -> tuple[int, ...]:
    result: list[int] = []
    for word in re.findall(_ORD, text, re.IGNORECASE):
        word = word.lower()
        if word[0].isdigit():
            result.append(int(word[0]))
        else:
            result.append(_ORDINAL_WORDS[word[:3]])
    return tuple(dict.fromkeys(result))


def _monthly_ordinals(ords: str) -> bool:
    """``jeden 2. und 4. Freitag``, ``jeden 1. Montag``, ``jeden letzten Freitag``: days of the
    month even without ``im Monat``; not ``jeden 2. Dienstag`` alone (every other one)."""
    ordinals = _ordinals(ords)
    return len(ordinals) > 1 or ordinals[0] != 2


def _recurrence_in(text: str) -> tuple[Recurrence, tuple[int, int]] | None:
    """The recurrence a text names and where it stands, or None."""
    if not _RECURRENCE_HINT.search(text.lower()):
        return None
    m = _MONTHLY_BYDAY.search(text)
    if m and (
        re.search(r"Monat", m.group(0), re.IGNORECASE)
        or "monatlich" in text.lower()
        or (m.group(0)[:4].lower() == "jede" and _monthly_ordinals(m["ords"]))
    ):
        rule = Recurrence("monthly", weekdays=_days(m.group("days")), ordinals=_ordinals(m["ords"]))
        return rule, m.span()
    m = _EVERY_SECOND.search(text)
    if m:
        return Recurrence("weekly", 2, _days(m.group("days"))), m.span()
    m = _EVERY.search(text)
    if m and not re.match(r"\s*(?:im|des|pro)\s+Monat", text[m.end() :]):
        return Recurrence("weekly", 1, _days(m.group("days"))), m.span()
    adverbs = tuple(dict.fromkeys(WEEKDAY_NUMBERS[a.lower()] for a in _ADVERB_DAYS.findall(text)))
    for pattern, freq, interval in (
        (_BIWEEKLY, "weekly", 2),
        (_WEEKLY, "weekly", 1),
        (_MONTHLY, "monthly", 1),
    ):
        m = pattern.search(text)
        if m:
            days = adverbs or _days(text)
            frequency: Frequency = "weekly" if freq == "weekly" else "monthly"
            return Recurrence(frequency, interval, days), m.span()
    return None


_FROM_MONTH = re.compile(
    rf"\b(?:ab|seit|im)\s+(?:Anfang\s+)?(?P<month>{'|'.join(MONTH_NAMES)})\b(?:\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)


def _month_start(text: str, reference: dt.date) -> dt.date | None:
    """``ab April``: the first of that month, the next one after the meeting; a month that has
    begun by the meeting (``ab Dezember`` in a meeting on 8 December): the day after it."""
    m = _FROM_MONTH.search(text)
    if m is None or m.group(0).lower().startswith("seit"):
        return None  # "seit Februar": running already, from the meeting on
    month = MONTHS[m.group("month").lower()]
    if reference >= LAST_DAYS:
        return None  # a meeting in 9999: the month may lie in the year 10000
    if m.group("year"):
        first = dt.date(int(m.group("year")), month, 1)
    else:
        first = dt.date(reference.year + (1 if month < reference.month else 0), month, 1)
    return max(first, reference + dt.timedelta(days=1))


def _recurring(
    text: str,
    reference: dt.date | None,
    clause_dates: list[DateRange],
    found: tuple[Recurrence, tuple[int, int]],
) -> tuple[Recurrence, dt.date, tuple[int, int]] | None:
    """The recurrence ``found`` in the text with its first day, or None when it cannot start."""
    rule, span = found
    if not rule.weekdays and any(_NEXT_TIME.search(text, 0, d.begin) for d in clause_dates):
        return None  # "einmal im Monat, nächster Termin 03.02.": that one date
    start: dt.date | None = None
    for date in clause_dates:
        before = text[: date.begin]
        if date.end is not None:
            start = start or date.start
            rule = replace(rule, until=date.end)
        elif _UNTIL.search(before):
            rule = replace(rule, until=date.start)
        elif start is None:
            start = date.start
    if not rule.weekdays and rule.month_day is None:
        if start is None:
            return None
        if rule.freq == "weekly":
            rule = replace(rule, weekdays=(start.weekday(),))
        else:
            rule = replace(rule, month_day=start.day)
    if start is None and reference is not None:
        start = _month_start(text, reference)
    if start is None:
        if reference is None or reference >= LAST_DAYS:
            return None
        start = reference + dt.timedelta(days=1)
    if start >= LAST_DAYS:
        return None  # no series fits before the calendar ends (31.12.9999)
    # The first matching day on or after the start: a series every other week has no week of
    # its own before it starts ("jeden zweiten Dienstag" after a Thursday: the next Tuesday).
    first = replace(rule, interval=1).first_on_or_after(start)
    if first is None:
        return None
    return rule, first, span


# --- titles and places ----------------------------------------------------------------------

_MASK = "\x00"
_EDGE_CHARS = " \t,;:–—-/→|" + _MASK
_LEADING_WORDS = re.compile(
    r"^(?:am|um|ab|von|vom|bis|zum|zur|den|dem|jeweils|und|sowie|ca\.|gegen|ist|sind|findet"
    r"|finden|ganztägig|termin|uhr|im\s+zeitraum|noch|wieder|immer|nächste[rs]?\s+termin"
    r"|spätestens|beginnend|erstmals|nächste[rsn]?|fand|fanden|war|waren|wurde|wurden|gibt\s+es"
    r"|es\s+gibt|schon|bereits|dass|ob|wenn|weil|damit|sodass)\b\s*",
    re.IGNORECASE,
)
_TRAILING_WORDS = re.compile(
    r"\s*\b(?:am|um|ab|von|vom|bis|zum|zur|den|dem|jeweils|und|sowie|ca\.|gegen|ist|sind"
    r"|findet|finden|statt|ganztägig|uhr|termin|zeitraum|im\s+zeitraum|mit|für|der|die|das"
    r"|des|im|in|an|auf|beim|noch|wieder|immer|spätestens|beginnend|ab\s+sofort|erstmals|verschoben\s+auf|verlegt\s+auf|auf"
    r"|trifft\s+sich|treffen\s+sich|einmal\s+im\s+Monat|monatlich|wöchentlich|bitte|aus|über"
    r"|zu|nach|bei|Treffpunkt|endet|beginnt|startet|läuft|verschoben|verlegt|öffnet|gibt\s+es"
    r"|am\s+(?:Wochenende|Ostersamstag|Ostersonntag|Ostermontag|Karfreitag|Pfingstsonntag"
    r"|Pfingstmontag|Heiligabend|Silvester|Neujahr|Nikolaus|Reformationstag|Himmelfahrt))$",
    re.IGNORECASE,
)
_TRAILING_REACH = 32
"""More than the longest of :data:`_TRAILING_WORDS` with the space before it."""
_TRAILING_ENDINGS = (
    "am", "um", "ab", "von", "vom", "bis", "den", "dem", "jeweils", "und", "sowie", "ca.",
    "gegen", "ist", "sind", "findet", "finden", "statt", "ganztägig", "uhr", "termin",
    "zeitraum", "mit", "für", "der", "die", "das", "des", "im", "in", "an", "auf", "beim",
    "noch", "wieder", "immer", "spätestens", "beginnend", "sofort", "erstmals", "sich", "monat",
    "monatlich", "wöchentlich", "bitte", "aus", "über", "zu", "zur", "nach", "bei", "treffpunkt",
    "endet", "beginnt", "startet", "läuft", "verschoben", "verlegt", "öffnet", "es", "wochenende",
    "ostersamstag", "ostersonntag", "ostermontag", "karfreitag", "pfingstsonntag",
    "pfingstmontag", "heiligabend", "silvester", "neujahr", "nikolaus", "reformationstag",
    "himmelfahrt",
)  # fmt: skip
"""How the words of :data:`_TRAILING_WORDS` end: a text ending otherwise has none of them."""
_LEADING_ARTICLE = re.compile(
    r"^(?:[dD]er|[dD]ie|[dD]as|den|dem|ein|eine|einen|erste[rsn]?|letzte[rsn]?)\s+(?=\S)"
)
_EMPTY_PARENS = re.compile(r"\(\s*[,;:–-]?\s*\)")
_PLACE_PREPOSITION = (
    r"(?:im|ins|in\s+der|in\s+dem|in\s+den|in|auf\s+der|auf\s+dem|an\s+der|an\s+dem|beim|vor\s+dem"
    r"|vor\s+der|Treffpunkt:?|Ort:?)"
)
_PLACE_WORD = r"(?:[A-ZÄÖÜ„\"][\w\-.’'/&“\"]*)"
_PLACE_PHRASE = (
    rf"{_PLACE_WORD}(?:\s+(?:(?:der|des|dem|am|an\s+der|von|vom|zum|zur|und|&)\s+)?"
    rf"(?:{_PLACE_WORD}|\d+[a-z]?\b))*"
)
_PLACE = re.compile(rf"(?<![\w-]){_PLACE_PREPOSITION}\s+(?P<place>{_PLACE_PHRASE})")
_PLACE_ONLY = re.compile(rf"^(?:(?:im|in|in der|auf der|an der|beim)\s+)?({_PLACE_PHRASE})$")
_NOT_PLACES = {
    "Rahmen", "Anschluss", "Vorfeld", "Jahr", "Monat", "Wechsel", "Moment", "Zuge",
    "Auftrag", "Namen", "Sinne", "Bereich", "Kooperation", "Zusammenarbeit", "Planung",
    "Vorbereitung", "Arbeit", "Höhe", "Form", "Präsenz", "Person", "Ort", "Folge", "Zukunft",
    "Vergangenheit", "Zeitraum", "Laufe", "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember", "Montag", "Dienstag",
    "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag", "Frühjahr",
    "Sommer", "Herbst", "Winter", "Advent", "Adventszeit", "Weihnachtszeit", "Ferien",
    "Sommerferien", "Winterferien", "Herbstferien", "Osterferien", "Uhr", "Sitzung",
    "Versammlung", "Mitgliederversammlung", "Woche", "Regel", "Zeit", "Runde", "Gespräch",
    "Kalender", "Protokoll", "Mail", "E-Mail", "Newsletter", "Stadtteilzeitung", "Zeitung",
    "Stadtteil", "Quartier", "Internet", "Netz", "Elternzeit", "Urlaub", "Thema", "Themen",
    "Schluss", "Abschluss", "Beginn", "Ende", "Anlass", "Tagesordnung",
}  # fmt: skip
_EVENT_BY_ITS_OCCASION = re.compile(
    r"^(?P<head>(?:Entscheidung|Beschluss|Abstimmung|Beratung|Bericht|Info|Information"
    r"|Rückmeldung|Thema|Vorstellung|Antwort|Ergebnis|Wahl)\b.*?)\s+"
    r"(?:in\s+der|im|auf\s+der|bei\s+der|beim|während\s+der|zur|zum)\s+"
    r"(?P<event>(?:\w+)?(?:[Ss]itzung|[Vv]ersammlung|[Kk]onferenz|[Tt]reffen|[Rr]unde"
    r"|[Aa]usschuss|[Bb]eirat|[Bb]ürgerschaft|[Ss]tadtteiltisch)\b.*)$"
)
_TIME_ONLY_PARENS = re.compile(r"\(\s*(?:[-–,;:/]|\b(?:ab|bis|von|um|jeweils)\b|\s)*\)")


_OPENERS = re.compile(r'[(„\[»"]')


def _balanced_prefix(text: str) -> str:
    """``text`` up to an opening bracket or quote that is never closed (dropping what follows)."""
    if not _OPENERS.search(text):
        return text
    stack: list[tuple[str, int]] = []
    pairs = {"(": ")", "„": "“", "[": "]", "»": "«"}
    for index, ch in enumerate(text):
        if ch in pairs:
            stack.append((pairs[ch], index))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                stack.pop()
            else:
                stack.append(('"', index))
    if stack:
        return text[: stack[0][1]]
    return text


def _without_unopened_closers(text: str) -> str:
    while text.count(")") > text.count("(") and ")" in text:
        index = text.index(")")
        text = text[:index] + text[index + 1 :]
    return text


_WHITESPACE_RUN = re.compile(r"\s+")
_FINAL_DOT = re.compile(r"(?<![A-ZÄÖÜ.])\.$")
_BITTE = re.compile(r"\bbitte\b")


_BLANK_SEGMENT = re.compile(rf"[\s{re.escape(_EDGE_CHARS)}]*")
"""A segment of nothing but spaces and edge characters: every step below only removes or turns
into a space, so it comes out empty (two in three segments of a protocol are such)."""


def _clean_segment(segment: str) -> str:
    if _BLANK_SEGMENT.fullmatch(segment):
        return ""
    text = segment.replace(_MASK, " ")
    text = _TIME_ONLY_PARENS.sub("", _EMPTY_PARENS.sub("", text))
    text = _WHITESPACE_RUN.sub(" ", text)
    text = _without_unopened_closers(_balanced_prefix(text))
    previous = None
    while previous != text:
        previous = text
        text = text.strip(_EDGE_CHARS)
        if m := _LEADING_WORDS.match(text):
            text = text[m.end() :]
        if m := _LEADING_ARTICLE.match(text):
            text = text[m.end() :]
        # the words at the end are short: looking at the last few characters finds them
        if text.lower().endswith(_TRAILING_ENDINGS) and (
            m := _TRAILING_WORDS.search(text, max(0, len(text) - _TRAILING_REACH))
        ):
            text = text[: m.start()]
        if text.endswith(".") and _FINAL_DOT.search(text):
            text = text[:-1]
    return text.strip(_EDGE_CHARS)


def _shorten(title: str, limit: int = MAX_TITLE) -> str:
    """At most ``limit`` characters, cut at a word break outside brackets and quotes; where
    that would leave a stub (a quoted name that does not fit), up to 30 characters more."""
    if len(title) <= limit:
        return title
    breaks = [
        title[: m.start()]
        for m in re.finditer(r"\s", title)
        if _balanced_prefix(title[: m.start()]) == title[: m.start()]
    ]
    within = [b for b in breaks if len(b) <= limit]
    best = within[-1] if within else ""
    if len(best) < limit // 2:  # a quoted name is not cut to a stub: close it a little later
        best = next((b for b in [*breaks, title] if limit < len(b) <= limit + 30), best)
    return _clean_segment(best) or title[:limit]


_FINITE_VERB = re.compile(
    r"\s+(?:war|waren|ist|sind|bleibt|bleiben|wird|werden|wurde|wurden|hat|haben|hatte|hatten"
    r"|macht|machen|fand|fanden)\b"
)


def _subject(title: str) -> str:
    """The subject of a sentence, the words before its finite verb: ``Sommerfest war gut
    besucht`` → ``Sommerfest`` (a verb inside quotes or brackets belongs to a name)."""
    if not title[:1].isupper():
        return title
    for m in _FINITE_VERB.finditer(title):
        head = title[: m.start()]
        if _balanced_prefix(head) == head:
            return head
    return title


def _event_phrase(title: str) -> str:
    """``Entscheidung in der Sitzung des Beirats`` → ``Sitzung des Beirats: Entscheidung``."""
    m = _EVENT_BY_ITS_OCCASION.match(title)
    if not m:
        return title
    event = m.group("event")
    return f"{event[0].upper()}{event[1:]}: {m.group('head')}"


_REGISTRATION_FOR = re.compile(
    r"^(?:Anmeldung|Anmeldungen|Karten|Tickets|Infos?|Informationen)\s+"
    r"(?:für\s+(?:den|die|das)|zum|zur)\s+(?=[A-ZÄÖÜ„\"])"
)


def _nouns_first(parts: list[str]) -> list[str]:
    """The parts with a noun first ahead of those that start with a verb (``bietet …``)."""
    return sorted(parts, key=lambda part: part[0].islower())


_NESTING = re.compile('[()\\[\\]„“"»«]')
_SEPARATORS = re.compile(f"[{_MASK},;→⇒]")


def _segments(masked: str) -> list[str]:
    """Parts of ``masked`` between masked spans, commas, semicolons and arrows (outside
    parentheses)."""
    if "->" in masked:
        masked = masked.replace("->", "→")
    if not _NESTING.search(masked):  # nothing nests: every separator splits
        return [cleaned for part in _SEPARATORS.split(masked) if (cleaned := _clean_segment(part))]
    parts: list[str] = []
    depth = 0
    quoted = False
    current: list[str] = []
    for ch in masked:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in "„»":
            quoted = True
        elif ch in "“«":
            quoted = False
        elif ch == '"':
            quoted = not quoted
        if ch == _MASK or (ch in ",;→⇒" and depth == 0 and not quoted):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [cleaned for part in parts if (cleaned := _clean_segment(part))]


_NOT_WHERE = re.compile(
    r"\s*(?:Anmeldung|Anmeldungen|Infos?|Informationen|Kontakt|Karten|Tickets|Rückfragen"
    r"|Rückmeldung|Anträge)\b"
)
_GENITIVE_BEFORE = re.compile(r"\b(?:des|der)\s+[A-ZÄÖÜ]\w*\s+$")


def _place_in(masked: str) -> str | None:
    for m in _PLACE.finditer(masked):
        if _balanced_prefix(masked[: m.start()]) != masked[: m.start()]:
            continue  # inside a quoted title: „Gut leben im Alter“
        if _NOT_WHERE.match(_SEPARATORS.split(masked[: m.start()])[-1]):
            continue  # "Anmeldung im Club": where to register, not where it happens
        if m.group(0).startswith("an ") and _GENITIVE_BEFORE.search(masked, 0, m.start()):
            continue  # "Umgestaltung des Spielplatzes an der Ostseeallee": what, not where
        place = m.group("place").rstrip(".,;:")
        if place.split()[0] not in _NOT_PLACES:
            return _without_unopened_closers(_balanced_prefix(place)).strip() or None
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


_UNTIL_WORDS = re.compile(r"\b(?:bis|spätestens)(?:\s+(?:zum|zur|am))?\s*(?=\x00)", re.IGNORECASE)


_ACTION = re.compile(r"(?:Anmeldung|Rückmeldung|Abgabe|Bewerbung|Meldung)(?:en)?\b")


def _mask_to_space(masked: str, span: tuple[int, int]) -> str:
    """The masked text of ``span`` with each masked run as one mask character."""
    text = re.sub(f"{_MASK}+", _MASK, masked[span[0] : span[1]])
    return re.sub(f"{_MASK}(?:[\\s,]*{_MASK})*\\s*,?", _MASK, text)


def _deadline_title(subject: str, context: str) -> str:
    """``Frist: Anträge an das Quartiersbüro``; ``Anmeldeschluss: Ferienfahrt``."""
    word = re.search(rf"\b(?P<word>{_DEADLINE_LABEL})\b\W*", subject, re.IGNORECASE)
    if word:
        rest = _clean_segment(f"{subject[: word.start()]} {subject[word.end() :]}")
        label = word.group("word")
        label = label[0].upper() + label[1:]
        rest = re.sub(r"^(?:(?:für|zur|zum|der|die|das|des|den|dem)\s+)+", "", rest)
        rest = rest or context
        return f"{label}: {rest}" if rest else label
    needs_context = not subject or " " not in subject or bool(_ACTION.match(subject))
    if context and needs_context and context != subject:
        subject = " – ".join(part for part in (subject, context) if part)
    return f"Frist: {subject}" if subject else "Frist"


_CLOSURE_NOUNS = ("schließ", "betrieb")
"""Closures named by a noun (``Schließtag``, ``Betriebsferien``): that noun is a title."""


_CLOSURE_VERBS = re.compile(r"\b(?:bleibt|bleiben|ist|sind|wird|werden|hat|haben|fällt|fallen)\b")


def _closure_title(title: str, said: str) -> str:
    """A closure keeps its word (``said``: how its sentence says it): ``Kleiderkammer`` →
    ``Kleiderkammer geschlossen``, ``bleibt das SBZ geschlossen`` → ``SBZ geschlossen``."""
    in_title = _CLOSURE.search(title)
    word = in_title.group(0) if in_title else said
    lowered = word.lower()
    if lowered.startswith(_CLOSURE_NOUNS):
        return title if in_title else ": ".join(part for part in (word, title) if part)
    subject = _clean_segment(_CLOSURE_VERBS.sub(" ", _CLOSURE.sub(" ", title)))
    if lowered.startswith("fällt"):
        word = "fällt aus"
    elif lowered.startswith("fallen"):
        word = "fallen aus"  # "Die Kurse fallen am 27.12. aus"
    elif lowered.endswith(" zu"):
        word = "geschlossen"  # "bleibt am 24.12. zu"
    elif lowered == "entfallen":
        word = "entfällt"
    return f"{subject} {word}" if subject else word


# --- one text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: dt.date
    end: dt.date | None
    time: TimeMatch | None
    title: str
    place: str | None
    leftovers: tuple[str, ...]
    kind: AppointmentKind = "event"
    recurrence: Recurrence | None = None
    past_tense: bool = False
    rest: str | None = None
    """The masked text after the date, split into ``leftovers`` only when asked (rarely)."""

    def all_leftovers(self) -> tuple[str, ...]:
        """``leftovers``, or the segments of ``rest`` when they were left for later."""
        return self.leftovers if self.rest is None else tuple(_segments(self.rest))


_DATE_LIKE = re.compile(r"\d[.-]")
"""Every written date has a digit before a dot (``18.11.``, ``6. Dezember``) or a hyphen
(``2022-12-06``): a text without one has no date."""


def _dates(text: str, reference: dt.date | None) -> list[DateRange]:
    """The dates of ``text`` that may be appointments (no references such as ``seit 1.1.``)."""
    if not _DATE_LIKE.search(text):
        return []
    return _appointment_dates(text, find_date_ranges(text, reference)[0])


def _appointment_dates(text: str, every_date: list[DateRange]) -> list[DateRange]:
    result: list[DateRange] = []
    for span in every_date:
        if search_before(_NOT_AN_APPOINTMENT, text, span.begin):
            continue
        if span.end is None and search_before(_REFERENCE_VOM, text, span.begin):
            continue
        result.append(span)
    return result


_LABELLED_PLACE = re.compile(r"[;.!?]?\s*(?:(?:→|->|⇒)\s*)?(?:Ort|Treffpunkt)\b")
_MEETING_POINT = re.compile(r"^(?:Treffpunkt|Ort)\b:?\s*(?:am\s+|im\s+|vor\s+dem\s+)?(.+)$")
_NEXT_ONE = re.compile(
    r"(?:^|[,;\x00])\s*(?:(?:der|die|das|den)\s+)?nächste[rsn]?(?:\s+(?:Termin|Mal|Treffen))?"
    r"(?:\s+(?:ist|findet|folgt))?(?:\s+(?:am|um))?\s*$",
    re.IGNORECASE,
)
"""Only ``nächster`` before a date: the next one of what was named before it."""
_ANAPHOR = re.compile(r"^(?:die|der|das)?\s*(?:nächste[rsn]?)?\s*(?:ist|findet|wird)?$", re.I)
_ORDINAL_START = re.compile(r"^(?:erste[rsn]?|letzte[rsn]?|zweite[rsn]?)\s+", re.IGNORECASE)


_PART_END = re.compile(rf"[,;]| [–-] |{_CLAUSE_END.pattern}")


def _around(text: str, begin: int, stop: int, previous_stop: int, next_begin: int) -> str:
    """The date with the parts just before and after it (up to a comma, a semicolon or a
    dash): where its verb stands."""
    before = _PART_END.split(text[previous_stop:begin])[-1]
    after = _PART_END.split(text[stop:next_begin])[0]
    return f"{before}{text[begin:stop]}{after}"


_REMARK = re.compile(r"\.?\s*:\s")


def _before_remark(text: str, span: tuple[int, int], stop: int) -> str:
    """The clause of a date up to a colon right after it: ``Stadtteilfest 02.09.: Stände können
    ab sofort angemeldet werden`` – what follows the colon is said about the event, and
    ``ab sofort`` there does not make the date a state."""
    remark = _REMARK.match(text, stop)
    return text[span[0] : stop] if remark else text[span[0] : span[1]]


_ARROW_TAIL = re.compile(r"\s*(?:→|->|⇒)\s*(?P<rest>.*)$")
_NAMES_ONLY = re.compile(r"[A-ZÄÖÜ@][\w.\-]*(?:\s+(?:und\s+|&\s+)?[A-ZÄÖÜ][\w.\-]*){0,3}")


def _to_someone(text: str, end: int) -> bool:
    """The clause ending at ``end`` is followed by an arrow to a doer (``… bis 20.03. klären →
    Kathrin``, ``→ Herr Malner prüft``): a to-do; ``→ Formulare im Stadtteilbüro`` is none."""
    tail = _ARROW_TAIL.match(text, end)
    if tail is None:
        return False
    rest = tail.group("rest").strip(" .!")
    return bool(_TASK.search(rest)) or _NAMES_ONLY.fullmatch(rest) is not None


def _clause_ends(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` end (start and end of each ``. ``), read once per text."""
    return [m.span() for m in _CLAUSE_END.finditer(text)]


def _clause_bounds(
    text: str, begin: int, stop: int, ends: list[tuple[int, int]]
) -> tuple[int, int]:
    """The sentence (``;``/``.``-separated) around ``begin``–``stop``; ``ends`` are
    :func:`_clause_ends` of ``text`` (searching the text again for each date took minutes on a
    line of thousands of dates)."""
    # an end right before ``begin`` needs the capital at ``begin``: not one before it
    before = bisect.bisect_left(ends, begin, key=lambda span: span[1]) - 1
    left = ends[before][1] if before >= 0 else 0
    after = bisect.bisect_left(ends, stop, key=lambda span: span[0])
    return left, ends[after][0] if after < len(ends) else len(text)


def _analyse(text: str, reference: dt.date | None, fallback_title: str = "") -> list[_Found]:
    """The appointments written in one text, with titles as far as the text gives them."""
    date_like = _DATE_LIKE.search(text) is not None
    series = _recurrence_in(text)
    if not date_like and series is None:
        return []
    every_date = find_date_ranges(text, reference)[0] if date_like else []
    dates = _appointment_dates(text, every_date)
    if not dates and series is None:
        return []
    times = find_times(text)  # a time never lies inside a date
    recurring = _recurring(text, reference, dates, series) if series is not None else None
    if recurring is not None:
        return [_recurring_found(text, dates, times, recurring, fallback_title)]
    if not dates:
        return []
    groups: list[list[DateRange]] = []
    for span in dates:
        if groups and _GROUP_JOIN.match(text[groups[-1][-1].stop : span.begin]):
            groups[-1].append(span)
        else:
            groups.append([span])
    groups = _decided(text, groups)
    if not groups:
        return []
    bounds = [(g[0].begin, g[-1].stop) for g in groups]
    group_times: list[TimeMatch | None] = [None] * len(groups)
    begins = [begin for begin, _stop in bounds]
    for clock in times:
        owner = max(bisect.bisect_right(begins, clock.begin) - 1, 0)  # the last group before
        if group_times[owner] is None:
            group_times[owner] = clock
    masked = _mask(
        text, [(d.begin, d.stop) for d in every_date] + [(t.begin, t.stop) for t in times]
    )
    date_first = not _clean_segment(masked[: bounds[0][0]])
    labelled = date_first and _DATE_LABEL.match(masked[: bounds[0][0]]) is not None
    found: list[_Found] = []
    previous_title = ""
    titles: list[str] = []
    ends = _clause_ends(text)
    for index, (begin, stop) in enumerate(bounds):
        previous_stop = bounds[index - 1][1] if index else 0
        next_begin = bounds[index + 1][0] if index + 1 < len(bounds) else len(text)
        if date_first:
            title_parts = _nouns_first(_segments(masked[stop:next_begin]))
        else:
            before_parts = _segments(masked[previous_stop:begin])
            title_parts = before_parts[-1:]
            if len(before_parts) > 1 and _RELATIVE.match(before_parts[-1]):
                # ``… besprachen wir die KiJuPa-Wahl 2024, welche am …``: what it refers to
                referred = _REFERRED.search(before_parts[-2])
                title_parts = [referred.group(1)] if referred else before_parts[-2:-1]
            title_parts = title_parts or _segments(masked[stop:next_begin])
        title = _subject(title_parts[0]) if title_parts else previous_title
        if "l" in title and _INVITES.search(title):  # ``Ortsbeirat lädt am 16.05. zur …``
            invited = _INVITED_TO.search(masked, stop, next_begin)
            if invited:
                title = invited.group(1)
        if title[:1].islower() and not date_first:
            event = _EVENT_BEFORE.search(masked, previous_stop, begin)
            if event:  # ``wird … zur Handlungs-Versammlung am 17.07. mitgenommen``
                title = event.group(1)
        if index and not date_first and _NEXT_ONE.search(masked[previous_stop:begin]):
            title = _ORDINAL_START.sub("", previous_title)  # "…, nächster am 14.1."
        previous_title = title
        titles.append(title)
    for index, (begin, stop) in enumerate(bounds):
        previous_stop = bounds[index - 1][1] if index else 0
        next_begin = bounds[index + 1][0] if index + 1 < len(bounds) else len(text)
        clause_begin, clause_end = _clause_bounds(text, begin, stop, ends)
        region_begin = max(begin if date_first else previous_stop, clause_begin)
        place_region = masked[region_begin : min(clause_end, next_begin)]
        clause_span = (max(clause_begin, previous_stop), min(clause_end, next_begin))
        clause = text[clause_span[0] : clause_span[1]]
        before = text[max(clause_begin, previous_stop) : begin]
        title = titles[index]
        meeting_point = _MEETING_POINT.match(title)
        if meeting_point:
            title = ""  # "Termin: 25.03., Treffpunkt Marktplatz": where, not what
        if index and _ANAPHOR.match(title):
            title = _ORDINAL_START.sub("", titles[index - 1])  # "…, die nächste ist am 06.02."
        kind: AppointmentKind = "event"
        single = all(span.end is None for span in groups[index])
        if _FACT.search(_before_remark(text, clause_span, stop)) or (
            single and _STARTS_TO_HOLD.search(before) and group_times[index] is None
        ):
            continue
        if single and _STILL_UNTIL.search(before):
            continue
        closure = _CLOSURE.search(clause)
        if closure:
            if single and _UNTIL.search(before):
                continue  # closed until …: a state without a start
            kind = "closure"
            title = _closure_title(title, closure.group(0))
            if _CLOSURE.fullmatch(title) and not title.lower().startswith(_CLOSURE_NOUNS):
                continue  # "Der Termin am 02.02. wurde abgesagt": nothing left to name
        elif (single and _UNTIL.search(before)) or _DEADLINE_WORD.search(clause):
            if _TASK.search(clause) or _to_someone(text, clause_span[1]):
                continue  # "Jasper prüft den Raum, bis 31.03.": a to-do, not a date for all
            kind = "deadline"
            context = next((t for i, t in enumerate(titles) if i != index and t), "")
            subject = _UNTIL_WORDS.sub(" ", _mask_to_space(masked, clause_span))
            subject = _clean_segment(_BITTE.sub(" ", subject))
            subject = _subject(_balanced_prefix(subject.split(", ")[0])) or title
            if subject[:1].islower() and titles[0][:1].isupper():
                subject = titles[0]  # "Anmeldungen … nimmt Frau B. bis 25.04. entgegen"
            title = _deadline_title(subject, context if context != subject else "")
        if kind == "event":
            title = _REGISTRATION_FOR.sub("", title)  # "Anmeldung zum Sommerfest am 3.6."
        place = meeting_point.group(1) if meeting_point else _place_in(place_region)
        own_time = group_times[index]
        if (
            place is None
            and labelled
            and own_time is not None
            and title
            and _WHERE_ALONE.fullmatch(title)
            and masked.rfind(title) > own_time.stop
        ):
            place, title = title, ""  # ``Termin: 02.09.2023, 14–18 Uhr, Festwiese``: where
        if place is None and date_first and not labelled and title and "," in text:
            place = _place_after(title, _segments(masked[stop:next_begin]))
        if place is None and _LABELLED_PLACE.match(masked, clause_end, next_begin):
            place = _place_in(masked[clause_end:next_begin])  # "… um 15 Uhr. Ort: SBZ"
        rest = masked[stop:next_begin]
        time: TimeMatch | None = group_times[index] if kind != "deadline" else None
        past = _in_past_tense(_around(text, begin, stop, previous_stop, next_begin))
        for span in groups[index]:
            found.append(
                _Found(span.start, span.end, time, title, place, (), kind, None, past, rest)
            )
    return found


_PLACE_NOUN = re.compile(
    r"(?:amt|haus|saal|raum|räume|zentrum|büro|kirche|schule|platz|straße|str\.|weg|park|halle"
    r"|bibliothek|treff|café|cafe|rathaus|garten|hof|kita|ring|markt|center|zentrale)$"
    r"|^(?:SBZ|KiTa|Kita|Aula|Turnhalle|Gemeindehaus|Ortsamt|Rathaus|Marktplatz)$"
)


def _place_after(title: str, parts: list[str]) -> str | None:
    """``21.03.2023, 18:30 Uhr: Ortsbeirat, Ortsamt Nordwest``: in a list of dates, a short
    name after the title that names a building or a square is where it takes place."""
    for index, part in enumerate(parts[:-1]):
        if part == title:
            where = parts[index + 1]
            if _WHERE_ALONE.fullmatch(where) and any(
                _PLACE_NOUN.search(word) for word in where.split()
            ):
                return where
            return None
    return None


_INVITES = re.compile(r"\b(?:lädt|laden|lud|luden)(?:\s+(?:alle|herzlich|uns|euch))?$")
_INVITED_TO = re.compile(
    r"\bzu[mr]\s+((?:[a-zäöüß]+\s+)?[A-ZÄÖÜ„][\w\-“]*(?:\s+[A-ZÄÖÜ„][\w\-“]*){0,3})"
)
"""``… lädt am 16.05.2023 um 18 Uhr zur Bürgersprechstunde ins Ortsamt ein``: the invitation
names the event after the date."""


_DATE_LABEL = re.compile(r"^\W*(?:Termin|Datum|Wann|Zeit|Zeitpunkt)\s*:\s*$", re.IGNORECASE)
"""A label that says the date comes next: what follows the date and time is where."""
_WHERE_ALONE = re.compile(r"[A-ZÄÖÜ][\w.\-]*(?:\s+[A-ZÄÖÜ0-9][\w.\-]*){0,2}")
"""A short name alone (``Festwiese``, ``SBZ``, ``Haus 2``): a place after a labelled date."""
_EVENT_BEFORE = re.compile(
    r"\b(?:zur|zum|beim|bei\s+der|bei\s+dem)\s+([A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?)"
    r"\s+(?:am|vom|den)?\s*$"
)
"""The event a date belongs to, named right before it: ``zur Handlungs-Versammlung am``."""
_MEETING_WORD = re.compile(
    r"Sitzung|Treffen|Versammlung|Runde|Tisch|Konferenz|Beirat|Rat\b|Ausschuss|Plenum", re.I
)
_ALTERNATIVE = re.compile(r"^\s*+,?\s*(?:oder|bzw\.?|beziehungsweise)\s+(?:am\s+|den\s+)?$")
"""Between two dates that are options, not both appointments (``25.03. oder 01.04.?``)."""


def _decided(text: str, groups: list[list[DateRange]]) -> list[list[DateRange]]:
    """The groups of dates without those offered as alternatives to each other: until one is
    chosen, neither is an appointment."""
    options: set[int] = set()
    for index in range(1, len(groups)):
        if _ALTERNATIVE.match(text[groups[index - 1][-1].stop : groups[index][0].begin]):
            options.update((index - 1, index))
    return [g for i, g in enumerate(groups) if i not in options] if options else groups


def _recurring_found(
    text: str,
    dates: list[DateRange],
    times: list[TimeMatch],
    recurring: tuple[Recurrence, dt.date, tuple[int, int]],
    fallback_title: str,
) -> _Found:
    rule, first, span = recurring
    spans = [(d.begin, d.stop) for d in dates] + [(t.begin, t.stop) for t in times] + [span]
    masked = _mask(text, spans)
    masked = _ADVERB_DAYS.sub(lambda m: _MASK * len(m[0]), masked)
    masked = _NOW.sub(lambda m: _MASK * len(m[0]), masked)
    masked = _FROM_MONTH.sub(lambda m: _MASK * len(m[0]), masked)
    parts = _nouns_first(_segments(masked))
    said = [part for part in parts if not _REPORTING.search(part)]
    title = _subject(said[0]) if said else fallback_title  # not ``Vorsitzende informiert``
    place = _place_in(masked)
    time = times[0] if times else None
    past = rule.until is not None and _in_past_tense(text)
    return _Found(first, None, time, title, place, tuple(parts), "event", rule, past)


_NOT_A_NOTE = re.compile(
    r"Öffnungszeit|Sprechzeit|\bab\s+(?:sofort|Januar|Februar|März|April|Mai"
    r"|Juni|Juli|August|September|Oktober|November|Dezember)\b",
    re.IGNORECASE,
)


def _has_time(text: str) -> bool:
    return bool(find_times(text))


def _title_of(text: str, reference: dt.date | None) -> str:
    """A parent point's text as a title for its date-only sub-points."""
    spans = [(d.begin, d.stop) for d in find_date_ranges(text, reference)[0]]
    spans += [(t.begin, t.stop) for t in find_times(text)]
    parts = _segments(_mask(text, spans))
    return parts[0] if parts else ""


_LABEL_TITLES = frozenset(
    {"ergebnis", "abstimmung", "beschluss", "termin", "termine", "datum", "zeitpunkt", "wann",
     "neuer termin", "vorschlag", "festlegung", "entscheidung", "einigung"}
)  # fmt: skip
"""Words that label a date rather than name what happens on it."""
_SAID_HEAD = re.compile(r"^(?P<head>[^:]{1,60}?)\s*:\s+(?P<rest>\S.*)$")
_REPORTING = re.compile(
    r"\b(?:berichtet|berichten|informiert|informieren|erzählt|teilt\s+mit|sagt|erklärt"
    r"|ergänzt|weist\s+darauf\s+hin|kündigt\s+an|lädt\s+ein)$"
)


def _fold_word(text: str) -> str:
    return " ".join(text.lower().split())


_LOWER_BEFORE_NOUN = re.compile(r"[a-zäöüß]+\s+[A-ZÄÖÜ„\"]")
"""``alle Einrichtungen geschlossen``: a small word before a noun still names something."""
_REFERRED = re.compile(
    r"\b(?:der|die|das|den|dem|ein|eine|einen|einem|einer|unser|unsere|unseren|unserem)\s+"
    r"([A-ZÄÖÜ][\w\-]*(?:\s+(?:\d{4}|[A-ZÄÖÜ][\w\-]*))?)$"
)
_RELATIVE = re.compile(r"^(?:welche[rsmn]?|wo|was)(?:\s+[a-zäöüß]|$)")
"""A clause that refers back (``…, welche am 06.06. stattfindet``): the part before names it."""
_REPORTED = re.compile(
    r"^(?:.{0,60}?\s)?(?:berichtet|berichtete|berichten|informiert|informierte|erzählt|erzählte"
    r"|spricht|sprach|weist|wies|verweist|verwies|erinnert|erinnerte|lädt|lud|wirbt|warb)"
    r"\s+(?:(?:der|die|den)\s+\w+\s+)?(?:über|auf|an|von|für|zu[mr]?|ein\s+zu[mr]?)\s+(?P<what>.+)$"
)
"""``Frau Schepmann berichtete über das Stadtteilfest``: what is reported is the title."""
_REPORTED_ONLY = re.compile(
    r"^.{0,60}?\s(?:berichtet|berichtete|informiert|informierte|erläutert|erläuterte|bedankt\s+sich"
    r"|bedanken\s+sich|dankt|weist|wies|teilt\s+mit|teilte\s+mit)$"
)


def _reported(title: str) -> str:
    """A title without the report around it: ``Herr Grünberg informiert über die Schließung``
    → ``Schließung``; ``Vorsitzende erläutert`` → nothing (the item's title will do)."""
    said = _REPORTED.match(title)
    if said:
        what = _LEADING_ARTICLE.sub("", said.group("what")).strip()
        return what[:1].upper() + what[1:] if what else ""
    return "" if _REPORTED_ONLY.match(title) else title


def _own_title(title: str, speaker: str | None) -> str:
    """A title without who said it: ``Frau Scheller berichtet: Die Auftaktveranstaltung`` →
    ``Auftaktveranstaltung``; ``Herr Utpatel: Osterfrühstück`` → ``Osterfrühstück``."""
    said = _SAID_HEAD.match(title)
    if said is None:
        return title
    head = said.group("head")
    if not (_REPORTING.search(head) or (speaker and head.strip() == speaker)):
        return title
    rest = _LEADING_ARTICLE.sub("", said.group("rest"))
    return rest[:1].upper() + rest[1:]


def _appointment(
    found: _Found,
    fallback_title: str,
    source: str,
    reference: dt.date | None,
    meeting_start: dt.time | None = None,
    item: int | None = None,
    item_title: str | None = None,
    speaker: str | None = None,
) -> Appointment:
    time = found.time
    title = _reported(_own_title(found.title, speaker))
    if (title[:1].islower() and not _LOWER_BEFORE_NOUN.match(title)) or title[:1] in "(-–*|":
        title = ""  # ``entgegen``, ``(Mi.) soll die Bestellung …``: no name for it
    if _fold_word(title) in _LABEL_TITLES:
        title = ""  # ``Ergebnis: 25.03.2023 (6 dafür …)``: what the item is about
    title = _shorten(_event_phrase(title or fallback_title))
    appointment = Appointment(
        title=title,
        start=found.start,
        start_time=time.start if time else None,
        end_time=time.end if time else None,
        end=found.end,
        place=found.place,
        item=item,
        item_title=item_title,
        speaker=speaker,
        source=source,
        kind=found.kind,
        recurrence=found.recurrence,
        past=found.past_tense,
    )
    if found.past_tense or not _before(appointment, reference, meeting_start):
        return appointment
    return replace(appointment, past=True)


def _before(
    appointment: Appointment, reference: dt.date | None, meeting_start: dt.time | None
) -> bool:
    """Whether the appointment lies before the meeting (on its day: ends before it begins)."""
    if reference is None:
        return False
    last = appointment.last_day
    if last != reference or meeting_start is None or appointment.start_time is None:
        return last < reference
    finish = appointment.end_time or appointment.start_time
    return appointment.end_time is not None and appointment.start_time <= finish <= meeting_start


# --- the protocol ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """Where in the protocol the points stand."""

    reference: dt.date | None
    meeting_start: dt.time | None
    item: int | None
    item_title: str | None
    speaker: str | None


def _from_points(
    points: tuple[Point, ...], fallback_title: str, context: _Context, result: list[Appointment]
) -> None:
    reference = context.reference
    attach_to: list[int] = []
    label = ""
    for point in points:
        found = _analyse(point.text, reference, fallback_title)
        if found and _NOT_AN_APPOINTMENT.search(label):
            found = []  # ``Erstellt`` / ``15.04.24, 10:12`` on two lines: when it was made
        label = point.text if len(point.text) <= 30 else ""
        if point.task is not None and point.task.owners:
            found = [f for f in found if f.kind != "deadline"]  # a to-do, not a date for all
        if found:
            attach_to = []
            speaker = point.speaker.name if point.speaker else context.speaker
            for one in found:
                attach_to.append(len(result))
                result.append(
                    _appointment(
                        one,
                        fallback_title,
                        point.text,
                        reference,
                        context.meeting_start,
                        item=context.item,
                        item_title=context.item_title,
                        speaker=speaker,
                    )
                )
            notes = tuple(c.text for c in point.points if not _dates(c.text, reference))
            if notes:
                for index in attach_to:
                    result[index] = replace(result[index], notes=result[index].notes + notes)
        elif attach_to and _has_time(point.text) and not _NOT_A_NOTE.search(point.text):
            for index in attach_to:
                result[index] = replace(result[index], notes=(*result[index].notes, point.text))
        else:
            attach_to = []
        if point.points:
            child_title = _title_of(point.text, reference) or fallback_title
            _from_points(point.points, child_title, context, result)


def meeting_reference(protocol: Protocol) -> dt.date | None:
    """The meeting's date: the protocol's, else a date in its metadata (``Datum: …``)."""
    if protocol.date is not None:
        return protocol.date
    for field_ in protocol.meta:
        if field_.kind == "date":
            found = find_date(field_.value)
            if found is not None:
                return found.date
    return None


def meeting_start(protocol: Protocol) -> dt.time | None:
    """When the meeting began, from its metadata (``Beginn: 14:00``, ``Zeit: 14–16 Uhr``)."""
    for field_ in protocol.meta:
        if field_.kind in ("start", "time"):
            times = find_times(field_.value) or find_times(f"{field_.value} Uhr")
            if times:
                return times[0].start
    return None


def next_meeting_appointment(protocol: Protocol) -> Appointment | None:
    """The ``Nächster Termin:`` line as an appointment, or None when it names no date.

    Titled with the meeting's name; the date is the model's next-meeting date when it has one;
    the place is a place phrase or a leftover part such as ``SBZ`` in ``12.01.2023, 14 Uhr, SBZ``.
    """
    meeting = protocol.next_meeting
    if meeting is None:
        return None
    reference = meeting_reference(protocol)
    found = [f for f in _analyse(meeting.text, reference) if f.kind == "event"]
    if not found and meeting.date is None:
        return None
    title = protocol.meeting if re.match(r"\w", protocol.meeting) else ""
    said = _reported(found[0].title) if found else ""
    if not title and _MEETING_WORD.search(said) and not said[:1].islower():
        title = said  # ``Die nächste Sitzung des Beirates findet am …``
    title = title or "Nächster Termin"
    if found:
        first = found[0]
        if meeting.date is not None and first.recurrence is None:
            first = replace(first, start=meeting.date)
    else:
        assert meeting.date is not None
        first = _Found(meeting.date, None, None, title, None, ())
    place = first.place
    if place is None:
        for part in first.all_leftovers():
            place = _place_only(part)
            if place:
                break
    source = f"{meeting.label}: {meeting.text}" if meeting.label else meeting.text
    appointment = _appointment(first, title, source, reference, meeting_start(protocol))
    return replace(appointment, title=title, place=place, kind="event")


def extract(protocol: Protocol) -> list[Appointment]:
    """Every appointment in the protocol's points and its next-meeting line, sorted by date.

    Past ones included (``past`` says which); :func:`upcoming` leaves them out.
    """
    result: list[Appointment] = []
    reference = meeting_reference(protocol)
    start = meeting_start(protocol)
    for block in protocol.preamble:
        speaker = block.speaker.name if block.speaker else None
        _from_points(
            block.points, protocol.meeting, _Context(reference, start, None, None, speaker), result
        )
    # ``am Dienstag, dem 11.02.2025 um 19:30 Uhr im Sitzungssaal`` above the items: the
    # meeting itself, not an appointment for later
    result = [a for a in result if not _the_meeting_itself(a, reference)]
    for item in protocol.all_items():
        for block in item.blocks:
            person = block.speaker or item.presenter
            speaker = person.name if person else None
            context = _Context(reference, start, item.number, item.title, speaker)
            _from_points(block.points, item.title, context, result)
    following = next_meeting_appointment(protocol)
    if following is not None:
        result = [
            a for a in result if not (a.start == following.start and a.source in following.source)
        ]
        result.append(following)
    return sorted(result, key=Appointment.sort_key)


def _the_meeting_itself(appointment: Appointment, reference: dt.date | None) -> bool:
    """A single day on the meeting's date, without a series: the meeting the protocol is of."""
    return (
        reference is not None
        and appointment.start == reference
        and appointment.end in (None, reference)
        and appointment.recurrence is None
    )


def upcoming(protocol: Protocol) -> list[Appointment]:
    """The appointments still to come: what the mail's ``Termine`` box and the .ics show."""
    return [a for a in extract(protocol) if not a.past]


# --- plain-text section ---------------------------------------------------------------------


def format_day(date: dt.date, *, year: bool = True) -> str:
    """``Di 06.12.2022`` (or ``Di 06.12.`` without the year)."""
    written = f"{date.day:02d}.{date.month:02d}." + (str(date.year) if year else "")
    return f"{WEEKDAY_ABBREVIATIONS[date.weekday()]} {written}"


def format_time(time: dt.time) -> str:
    """``9:00``, ``14:30``: hours without a leading zero, as in German text."""
    return f"{time.hour}:{time.minute:02d}"


def _clock(appointment: Appointment) -> str:
    assert appointment.start_time is not None
    clock = format_time(appointment.start_time)
    if appointment.end_time is not None:
        clock += "–" + format_time(appointment.end_time)
    return f"{clock} Uhr"


def format_when(appointment: Appointment) -> str:
    """When, in German: ``Di 06.12.2022, 14:30–17:00 Uhr`` or ``Fr 18.11.2022 (ganztägig)``.

    Several days: ``Fr 20.01.–So 22.01.2023 (ganztägig)`` or ``…, jeweils 10:00–16:00 Uhr``.
    A series: ``Jeden 1. Donnerstag im Monat ab Do 02.02.2023, 15:00–17:00 Uhr``; a deadline:
    ``Fr 31.03.2023 (Frist)``.
    """
    a = appointment
    if a.recurrence is not None:
        words = a.recurrence.words()
        when = f"{words[0].upper()}{words[1:]} ab {format_day(a.start)}"
        if a.recurrence.until is not None:
            when += f" bis {format_day(a.recurrence.until)}"
        return f"{when}, {_clock(a)}" if a.start_time else when
    if a.kind == "deadline":
        label = a.title.split(": ")[0] if ": " in a.title else "Frist"
        return f"{format_day(a.start)} ({label})"
    if a.end is not None and a.end != a.start:
        same_year = a.start.year == a.end.year
        day = f"{format_day(a.start, year=not same_year)}–{format_day(a.end)}"
    else:
        day = format_day(a.start)
    if a.start_time is None:
        return f"{day} (ganztägig)"
    each = "jeweils " if a.end is not None and a.end != a.start else ""
    return f"{day}, {each}{_clock(a)}"


def format_appointment(appointment: Appointment) -> str:
    """One line without the list marker: ``Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt …``.

    The place is added as ``Ort: …`` when the title does not name it; notes follow, with their
    times written as ``12:30``.
    """
    extras: list[str] = []
    if appointment.place and appointment.place not in appointment.title:
        extras.append(f"Ort: {appointment.place}")
    extras.extend(normalise_times(note) for note in appointment.notes)
    title = appointment.title
    if appointment.kind == "deadline" and ": " in title:
        title = title.partition(": ")[2]
    line = f"{format_when(appointment)}: {title}"
    return f"{line} ({'; '.join(extras)})" if extras else line


def normalise_times(text: str) -> str:
    """Write every clock time in ``text`` as ``12:30``: ``Aufbau ab 12.30 Uhr`` → ``… 12:30 Uhr``.

    A date in the text is left alone.
    """
    for span in reversed(find_times(text)):
        written = format_time(span.start)
        if span.end is not None:
            written += "–" + format_time(span.end)
        prefix = f"{span.prefix} " if span.prefix else ""
        text = f"{text[: span.begin]}{prefix}{written} Uhr{text[span.stop :]}"
    return text


def termine_lines(protocol: Protocol) -> list[str]:
    """The German ``Termine`` section as plain-text lines, or ``[]`` when nothing is to come.

    The first line is the heading ``Termine``, then one ``- …`` line per upcoming appointment in
    date order, a series once, in words. Email and Markdown writers put it at the top.
    """
    appointments = upcoming(protocol)
    if not appointments:
        return []
    return [SECTION_HEADING, *(f"- {format_appointment(a)}" for a in appointments)]


def iter_appointments(
    protocols: list[Protocol], *, include_past: bool = False
) -> Iterator[tuple[int, Appointment]]:
    """Appointments of several protocols sorted by date, each with its protocol's index.

    Only upcoming ones unless ``include_past``.
    """
    pairs = [
        (index, a)
        for index, p in enumerate(protocols)
        for a in extract(p)
        if include_past or not a.past
    ]
    pairs.sort(key=lambda pair: pair[1].sort_key())
    yield from pairs


__all__ = [
    "MAX_TITLE",
    "SECTION_HEADING",
    "WEEKDAY_ABBREVIATIONS",
    "Appointment",
    "AppointmentKind",
    "Recurrence",
    "extract",
    "format_appointment",
    "format_day",
    "format_time",
    "format_when",
    "iter_appointments",
    "meeting_reference",
    "meeting_start",
    "next_meeting_appointment",
    "normalise_times",
    "termine_lines",
    "upcoming",
]
