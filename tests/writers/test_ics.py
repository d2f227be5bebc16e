"""The .ics writer: parsed back with icalendar, golden file, stable UIDs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings

import protokollkit
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.termine import upcoming
from protokollkit.writers import Stamp, now
from protokollkit.writers.ics import BERLIN_VTIMEZONE, TZID, write_ics
from tests.conftest import assert_golden
from tests.strategies import protocols

MOMENT = dt.datetime(2022, 11, 11, 9, 0, tzinfo=dt.UTC)
STAMP = Stamp(MOMENT)
BERLIN = ZoneInfo("Europe/Berlin")


def events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).events


def protocol_with(*points: str, next_text: str | None = None) -> Protocol:
    block = Block(Person("Kathrin Krug", "SBZ"), tuple(Point(p) for p in points))
    return Protocol(
        title="Protokoll Stadtteiltisch 01.12.22",
        meeting="Stadtteiltisch",
        date=dt.date(2022, 12, 1),
        items=(AgendaItem(1, "Aktuelles aus den Einrichtungen", None, (block,)),),
        next_meeting=NextMeeting(next_text) if next_text else None,
    )


def test_golden_ics_of_reference(seed_text: str) -> None:
    assert_golden(
        "2022-11-10-stadtteiltisch.ics", write_ics(protokollkit.read(seed_text), stamp=STAMP)
    )


def test_the_time_zone_is_the_documented_vtimezone() -> None:
    calendar = icalendar.Calendar.from_ical(write_ics(protocol_with("nichts"), stamp=STAMP))
    (zone,) = calendar.walk("VTIMEZONE")
    documented = icalendar.Timezone.from_ical(BERLIN_VTIMEZONE.replace("\n", "\r\n"))
    assert zone.to_ical() == documented.to_ical()


def test_reference_events_parse_back(seed_text: str) -> None:
    text = write_ics(protokollkit.read(seed_text), stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert [z.tz_name for z in calendar.timezones] == [TZID]
    found = events(text)
    assert [e.summary for e in found] == [
        "Weihnachtsverkauf",  # the place is the LOCATION, not repeated
        "Weihnachtsmarkt",
        "Abschlussveranstaltung für den Nordwesten",
        "Adventssingen mit RoSi",
    ]
    all_day = found[0]
    assert all_day.start == dt.date(2022, 11, 18)
    assert not isinstance(all_day.start, dt.datetime)
    assert all_day["DTSTART"].params["VALUE"] == "DATE"
    assert all_day.end == dt.date(2022, 11, 19)
    assert all_day.location == "Wühlmäuschen"
    market = found[1]
    assert market.start == dt.datetime(2022, 12, 6, 14, 30, tzinfo=BERLIN)
    assert market["DTSTART"].params["TZID"] == TZID
    assert market.end == dt.datetime(2022, 12, 6, 17, 0, tzinfo=BERLIN)
    assert market["DTEND"].params["TZID"] == TZID
    assert "LOCATION" not in market
    description = market.description or ""
    assert "Aufbau ab 12:30 Uhr" in description
    assert "„Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr“" in description
    assert "TOP 1 Aktuelles aus den Einrichtungen, Kathrin Krug" in description
    assert found[2].location == "Likedeeler"
    assert "TOP 4 RoDeFa – wie geht's weiter?, Ilona Eckhardt" in (found[2].description or "")
    assert found[2].start == dt.datetime(2022, 12, 7, 9, 0, tzinfo=BERLIN)
    assert found[3].location == "Signalgastweg"
    assert all(e.stamp == MOMENT for e in found)


def test_rfc5545_lines_crlf_and_folded(seed_text: str) -> None:
    text = write_ics(protokollkit.read(seed_text), stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert "\n" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75


def test_uids_are_stable_across_exports_and_corrections(seed_text: str) -> None:
    protocol = protokollkit.read(seed_text)
    first = [e.uid for e in events(write_ics(protocol, stamp=STAMP))]
    again = [e.uid for e in events(write_ics(protocol, stamp=Stamp(MOMENT + dt.timedelta(1))))]
    assert first == again and len(set(first)) == 4
    corrected = protokollkit.read(seed_text.replace("14.30-17 Uhr", "15-18 Uhr"))
    assert [e.uid for e in events(write_ics(corrected, stamp=STAMP))] == first


def test_same_title_and_day_twice_gets_distinct_uids() -> None:
    text = write_ics(protocol_with("Treffen 6.12. 10 Uhr", "Treffen 6.12. 15 Uhr"), stamp=STAMP)
    uids = [e.uid for e in events(text)]
    assert len(uids) == 2 and len(set(uids)) == 2


def test_next_meeting_event_has_start_without_end_and_place() -> None:
    text = write_ics(protocol_with(next_text="12.01.2023, 14 Uhr, SBZ"), stamp=STAMP)
    (event,) = events(text)
    assert event.summary == "Stadtteiltisch"
    assert event.start == dt.datetime(2023, 1, 12, 14, 0, tzinfo=BERLIN)
    assert "DTEND" not in event
    assert event.location == "SBZ"


def test_multi_day_all_day_event_ends_the_day_after() -> None:
    (event,) = events(write_ics(protocol_with("Fahrt 20.–22.01.2023"), stamp=STAMP))
    assert (event.start, event.end) == (dt.date(2023, 1, 20), dt.date(2023, 1, 23))
    assert "RRULE" not in event


def test_multi_day_with_times_repeats_daily() -> None:
    (event,) = events(write_ics(protocol_with("Seminar 14.–15.02.2023, 10-16 Uhr"), stamp=STAMP))
    assert event.start == dt.datetime(2023, 2, 14, 10, 0, tzinfo=BERLIN)
    assert event.end == dt.datetime(2023, 2, 14, 16, 0, tzinfo=BERLIN)
    assert event["RRULE"].to_ical() == b"FREQ=DAILY;COUNT=2"


def test_event_past_midnight_ends_next_day() -> None:
    (event,) = events(write_ics(protocol_with("Silvester 31.12. 20-1 Uhr"), stamp=STAMP))
    assert event.end == dt.datetime(2023, 1, 1, 1, 0, tzinfo=BERLIN)
    calendar = icalendar.Calendar.from_ical(
        write_ics(protocol_with("Silvester 31.12. 20-1 Uhr"), stamp=STAMP)
    )
    zone = calendar.timezones[0].to_tz()
    assert dt.datetime(2023, 3, 26, 1, 30, tzinfo=zone).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2023, 3, 26, 3, 30, tzinfo=zone).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2023, 10, 29, 3, 30, tzinfo=zone).utcoffset() == dt.timedelta(hours=1)


def test_typography_survives_in_summary_and_description() -> None:
    point = "Lesung „Mein Groß Klein“ für Klient*innen – mit Tee → 6.12. 19 Uhr"
    (event,) = events(write_ics(protocol_with(point), stamp=STAMP))
    assert event.summary == "Lesung „Mein Groß Klein“ für Klient*innen – mit Tee"
    assert point in (event.description or "")


def occurrences(event: icalendar.Event, count: int) -> list[dt.date]:
    """The first days of a recurring event, expanded by dateutil from its RRULE as written."""
    from dateutil.rrule import rrulestr

    start = event.start
    assert isinstance(start, dt.datetime)
    written = event["RRULE"].to_ical()
    assert isinstance(written, bytes)
    rule = rrulestr(written.decode(), dtstart=start)
    return [day.date() for day in list(rule)[:count]]


def test_monthly_series_repeats_from_its_named_start_until_its_end() -> None:
    point = "Elterncafé jeden 1. Donnerstag im Monat ab 02.02.2023 bis 30.06.2023, 15-17 Uhr im SBZ"
    (event,) = events(write_ics(protocol_with(point), stamp=STAMP))
    assert event.summary == "Elterncafé"
    assert event.location == "SBZ"
    assert event.start == dt.datetime(2023, 2, 2, 15, 0, tzinfo=BERLIN)
    assert event.end == dt.datetime(2023, 2, 2, 17, 0, tzinfo=BERLIN)
    assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;UNTIL=20230630T215959Z;BYDAY=1TH"
    assert occurrences(event, 10) == [
        dt.date(2023, 2, 2),
        dt.date(2023, 3, 2),
        dt.date(2023, 4, 6),
        dt.date(2023, 5, 4),
        dt.date(2023, 6, 1),
    ]


def test_weekly_series_without_a_date_starts_after_the_meeting() -> None:
    (event,) = events(write_ics(protocol_with("jeden Freitag 16 Uhr Spieleabend"), stamp=STAMP))
    assert event.summary == "Spieleabend"
    assert event.start == dt.datetime(2022, 12, 2, 16, 0, tzinfo=BERLIN)  # meeting: Thu 1.12.
    assert occurrences(event, 3) == [
        dt.date(2022, 12, 2),
        dt.date(2022, 12, 9),
        dt.date(2022, 12, 16),
    ]


def test_fortnightly_series_on_its_named_weekday() -> None:
    point = "Repair-Café 14-täglich freitags ab 13.01.2023, 15-18 Uhr"
    (event,) = events(write_ics(protocol_with(point), stamp=STAMP))
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
    assert occurrences(event, 3) == [
        dt.date(2023, 1, 13),
        dt.date(2023, 1, 27),
        dt.date(2023, 2, 10),
    ]


def test_deadline_is_an_all_day_event_named_as_a_deadline() -> None:
    (event,) = events(
        write_ics(protocol_with("Anträge bis 31.03.2023 an das Quartiersbüro"), stamp=STAMP)
    )
    assert event.summary == "Frist: Anträge an das Quartiersbüro"
    assert (event.start, event.end) == (dt.date(2023, 3, 31), dt.date(2023, 4, 1))


def test_closure_keeps_its_word() -> None:
    (event,) = events(
        write_ics(protocol_with("Kleiderkammer vom 27.03. bis 07.04. geschlossen"), stamp=STAMP)
    )
    assert event.summary == "Kleiderkammer geschlossen"
    assert (event.start, event.end) == (dt.date(2023, 3, 27), dt.date(2023, 4, 8))


def test_past_and_non_events_are_not_in_the_calendar() -> None:
    text = write_ics(
        protocol_with(
            "Herbstfest am 14.10. war ein voller Erfolg",
            "Basar 30.11. im SBZ",
            "Hausmeisterstelle ab 01.03. wieder besetzt",
            "Lichterfest 16.12. im SBZ",
        ),
        stamp=STAMP,
    )
    assert [e.summary for e in events(text)] == ["Lichterfest"]


def test_protocol_without_appointments_is_still_a_valid_calendar() -> None:
    text = write_ics(protocol_with("Keine Termine", next_text="noch offen"), stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert events(text) == []
    assert len(calendar.timezones) == 1


def test_source_date_epoch_fixes_the_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1668157200")
    (event,) = events(write_ics(protocol_with("Treffen 6.12."), stamp=now()))
    assert event.stamp == dt.datetime(2022, 11, 11, 9, 0, tzinfo=dt.UTC)


def test_the_stamp_is_dtstamp_in_utc() -> None:
    berlin = Stamp(dt.datetime(2022, 11, 11, 10, 0, tzinfo=BERLIN))
    (event,) = events(write_ics(protocol_with("Treffen 6.12."), stamp=berlin))
    assert event.stamp == MOMENT


def test_registry_writes_ics_as_text(seed_text: str) -> None:
    result = protokollkit.write(protokollkit.read(seed_text), "ics")
    assert isinstance(result, str) and result.count("BEGIN:VEVENT") == 4


@settings(max_examples=40, deadline=None)
@given(protocols())
def test_every_appointment_of_arbitrary_protocols_becomes_an_event(protocol: Protocol) -> None:
    found = upcoming(protocol)
    parsed = events(write_ics(protocol, stamp=STAMP))
    assert [e.summary for e in parsed] == [a.summary for a in found]
    for event, appointment in zip(parsed, found, strict=True):
        start = event.start
        if appointment.all_day:
            assert start == appointment.start and not isinstance(start, dt.datetime)
        else:
            assert isinstance(start, dt.datetime) and start.date() == appointment.start
            assert event["DTSTART"].params["TZID"] == TZID
