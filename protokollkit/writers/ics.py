"""Writer for the protocol's appointments as an iCalendar file (RFC 5545, via icalendar).

Each upcoming appointment (:func:`protokollkit.termine.upcoming`: nothing before the meeting,
nothing the text puts in the past) becomes one VEVENT:

- without a time an all-day event (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the last
  day); with a time ``DTSTART;TZID=Europe/Berlin`` and, when an end is known, ``DTEND``
  (a start-only time such as ``14 Uhr`` has no ``DTEND``: RFC 5545 reads it as an instant);
  several days with a time repeat daily (``RRULE:FREQ=DAILY;COUNT=n``); a series
  (``jeden 1. Donnerstag im Monat``) carries its ``RRULE`` from its first occurrence on;
  a deadline is an all-day event on its last day;
- ``SUMMARY`` the title without the place when that is the ``LOCATION``, ``DESCRIPTION`` the
  notes, the point as written and where it stands (meeting, date, TOP, speaker);
- ``UID`` derived from the meeting, the protocol's date, the appointment's date and title, so
  that importing a corrected protocol again updates its events instead of duplicating them.

The calendar carries a ``VTIMEZONE`` for Europe/Berlin (the EU daylight-saving rules).
``DTSTAMP`` is the moment of writing, given as ``write_ics(protocol, stamp=…)`` (a
:class:`protokollkit.writers.Stamp`; the command line takes it from the clock or from
``SOURCE_DATE_EPOCH``): the same protocol and stamp give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from protokollkit.dates import german_date
from protokollkit.model import Protocol
from protokollkit.termine import Appointment, normalise_times, upcoming

if TYPE_CHECKING:
    import icalendar

    from protokollkit.writers import Stamp

TZID = "Europe/Berlin"
"""The time zone of every timed event."""

PRODID = "-//Stadtteiltisch Groß Klein//protokollkit//DE"
"""The product identifier written into every calendar."""

UID_DOMAIN = "protokollkit"
"""The right-hand side of every UID."""


BERLIN_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
"""Europe/Berlin by the EU rules in force since 1996 (last Sunday of March and of October).

Written as rules rather than computed from the time zone database per calendar: the same for
every year of a protocol, and it saves the ~60 ms that computing the transitions takes."""

BERLIN_RULES = (
    # kind, first transition (local time), offset before and after (hours), name, month
    ("DAYLIGHT", dt.datetime(1981, 3, 29, 2), 1, 2, "CEST", 3),
    ("STANDARD", dt.datetime(1996, 10, 27, 3), 2, 1, "CET", 10),
)
""":data:`BERLIN_VTIMEZONE` as data: the component is built from it, not parsed from the text
(parsing a VTIMEZONE makes icalendar list every zone of the time zone database, ~5 ms)."""


@functools.lru_cache(maxsize=1)
def _timezone() -> icalendar.Timezone:
    import icalendar

    kinds = {"DAYLIGHT": icalendar.TimezoneDaylight, "STANDARD": icalendar.TimezoneStandard}
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    for kind, start, before, after, name, month in BERLIN_RULES:
        part = kinds[kind]()
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "protokoll"


def uid_for(protocol: Protocol, appointment: Appointment) -> str:
    """A UID that stays the same when the same protocol is exported again.

    It depends on the meeting, the protocol's date, the appointment's first day and its title,
    not on times, place or notes: correcting those updates the event in a calendar.
    """
    basis = "|".join(
        [
            protocol.meeting,
            protocol.date.isoformat() if protocol.date else protocol.title,
            appointment.start.isoformat(),
            appointment.title,
        ]
    )
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]
    day = protocol.date.strftime("%Y%m%d") if protocol.date else "ohne-datum"
    return f"{day}-{_slug(protocol.meeting)}-{digest}@{UID_DOMAIN}"


def description(protocol: Protocol, appointment: Appointment) -> str:
    """The event's description: notes, the point as written and where it comes from."""
    lines = [normalise_times(note) for note in appointment.notes]
    if appointment.source:
        lines.append(f"„{appointment.source}“")
    written = german_date(protocol.date) if protocol.date else protocol.title
    where = f"Aus dem Protokoll {protocol.meeting} vom {written}"
    if appointment.item is not None:
        where += f", TOP {appointment.item}"
        if appointment.item_title:
            where += f" {appointment.item_title}"
    if appointment.speaker:
        where += f", {appointment.speaker}"
    lines.append(where + ".")
    return "\n".join(lines)


def _event(
    protocol: Protocol, appointment: Appointment, uid: str, stamp: dt.datetime
) -> icalendar.Event:
    import icalendar

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", appointment.summary)
    a = appointment
    if a.start_time is None:
        event.add("dtstart", a.start)
        try:
            event.add("dtend", (a.end or a.start) + dt.timedelta(days=1))
        except OverflowError:  # no date after 31.12.9999: the length says where it ends
            event.add("duration", dt.timedelta(days=((a.end or a.start) - a.start).days + 1))
        event.add("transp", "TRANSPARENT")
    else:
        zone = ZoneInfo(TZID)
        event.add("dtstart", dt.datetime.combine(a.start, a.start_time, zone))
        if a.end_time is not None:
            past_midnight = a.end_time < a.start_time
            try:
                end_day = a.start + dt.timedelta(days=1 if past_midnight else 0)
                event.add("dtend", dt.datetime.combine(end_day, a.end_time, zone))
            except OverflowError:  # past midnight of 31.12.9999
                day = dt.date(2000, 1, 1)
                length = dt.datetime.combine(day, a.end_time) - dt.datetime.combine(
                    day, a.start_time
                )
                event.add("duration", length + dt.timedelta(days=1 if past_midnight else 0))
        if a.end is not None and a.end > a.start and a.recurrence is None:
            event.add("rrule", {"freq": "daily", "count": (a.end - a.start).days + 1})
    if a.recurrence is not None:
        rule = a.recurrence.rrule()
        until = a.recurrence.until
        if until is not None:
            # RFC 5545: with a zoned DTSTART, UNTIL is a UTC date-time
            rule["until"] = (
                until
                if a.start_time is None
                else dt.datetime.combine(until, dt.time(23, 59, 59), ZoneInfo(TZID)).astimezone(
                    dt.UTC
                )
            )
        event.add("rrule", rule)
    if a.place:
        event.add("location", a.place)
    event.add("description", description(protocol, appointment))
    return event


def write_ics(protocol: Protocol, *, stamp: Stamp) -> str:
    """The protocol's appointments as an iCalendar text (CRLF line ends, UTF-8 characters);
    ``stamp`` gives ``DTSTAMP``."""
    import icalendar

    appointments = upcoming(protocol)
    when = stamp.moment.astimezone(dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    written = german_date(protocol.date) if protocol.date else protocol.title
    calendar.add("x-wr-calname", f"Termine {protocol.meeting} {written}".strip())
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_timezone())
    seen: dict[str, int] = {}
    for appointment in appointments:
        uid = uid_for(protocol, appointment)
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        calendar.add_component(_event(protocol, appointment, uid, when))
    data: bytes = calendar.to_ical()
    return data.decode("utf-8")


__all__ = ["PRODID", "TZID", "UID_DOMAIN", "description", "uid_for", "write_ics"]
