"""Appointments read out of protocols: the reference protocol, tricky forms, and `termine`."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.cli import main
from protokollkit.model import (
    AgendaItem,
    Block,
    MetaField,
    NextMeeting,
    Person,
    Point,
    Protocol,
    Task,
)
from protokollkit.termine import (
    Appointment,
    Recurrence,
    extract,
    format_appointment,
    normalise_times,
    termine_lines,
    upcoming,
)
from tests.conftest import SEED, TESTS, UPDATE_GOLDEN, assert_golden
from tests.strategies import protocols

FIXTURES = TESTS / "fixtures" / "termine"
CASES = sorted(p for p in FIXTURES.glob("*.txt") if p.stem != "corpus")
runner = CliRunner()


def protocol_with(
    *points: str | Point, date: dt.date | None = dt.date(2022, 12, 8), next_text: str = ""
) -> Protocol:
    """A one-item protocol whose only block holds these points."""
    block = Block(
        Person("Kathrin Krug", "SBZ"),
        tuple(p if isinstance(p, Point) else Point(p) for p in points),
    )
    return Protocol(
        title="Protokoll Stadtteiltisch",
        meeting="Stadtteiltisch",
        date=date,
        items=(AgendaItem(1, "Aktuelles aus den Einrichtungen", None, (block,)),),
        next_meeting=NextMeeting(next_text) if next_text else None,
    )


def only(text: str, date: dt.date = dt.date(2022, 12, 8)) -> Appointment:
    """The single appointment found in one point."""
    found = extract(protocol_with(text, date=date))
    assert len(found) == 1, found
    return found[0]


# --- the reference protocol -----------------------------------------------------------------


def test_reference_protocol_has_exactly_the_four_appointments(seed_text: str) -> None:
    found = extract(protokollkit.read(seed_text))
    assert [(a.start, a.start_time, a.end_time, a.title, a.place) for a in found] == [
        (dt.date(2022, 11, 18), None, None, "Weihnachtsverkauf im Wühlmäuschen", "Wühlmäuschen"),
        (dt.date(2022, 12, 6), dt.time(14, 30), dt.time(17), "Weihnachtsmarkt", None),
        (
            dt.date(2022, 12, 7),
            dt.time(9),
            dt.time(12),
            "Abschlussveranstaltung für den Nordwesten",
            "Likedeeler",
        ),
        (
            dt.date(2022, 12, 9),
            dt.time(15, 30),
            dt.time(17, 30),
            "Adventssingen mit RoSi im Signalgastweg",
            "Signalgastweg",
        ),
    ]
    assert found[0].all_day and not any(a.all_day for a in found[1:])
    assert found[1].notes == ("Aufbau ab 12.30 Uhr",)
    assert [n for a in found for n in a.notes] == ["Aufbau ab 12.30 Uhr"]
    assert [(a.item, a.speaker) for a in found] == [
        (1, "Maren Müller-Hinrichs"),
        (1, "Kathrin Krug"),
        (4, "Ilona Eckhardt"),
        (1, "Marén Wiese"),
    ]
    assert found[2].item_title == "RoDeFa – wie geht's weiter?"
    assert found[1].source == "Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr"


def test_golden_termine_section_of_reference(seed_text: str) -> None:
    lines = termine_lines(protokollkit.read(seed_text))
    assert lines[:3] == [
        "Termine",
        "- Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen",
        "- Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt (Aufbau ab 12:30 Uhr)",
    ]
    assert_golden("termine/2022-11-10-stadtteiltisch.txt", "\n".join(lines) + "\n")


def test_golden_appointments_of_reference_as_json(seed_text: str) -> None:
    data = [a.to_dict() for a in extract(protokollkit.read(seed_text))]
    assert_golden(
        "termine/2022-11-10-stadtteiltisch.json",
        json.dumps(data, ensure_ascii=False, indent=2) + "\n",
    )


# --- fixtures: tricky forms -----------------------------------------------------------------


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_termine_fixture(path: Path) -> None:
    protocol = protokollkit.read(path)
    assert protocol.diagnostics == ()
    data = [a.to_dict() for a in extract(protocol)]
    expected_path = path.with_suffix(".json")
    if UPDATE_GOLDEN:
        expected_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert data == json.loads(expected_path.read_text("utf-8"))


def test_tricky_fixture_finds_every_form_once() -> None:
    found = extract(protokollkit.read(FIXTURES / "tricky.txt"))
    by_title = {a.title: a for a in found}
    assert len(found) == 22
    assert by_title["Neujahrsempfang"].start == dt.date(2023, 1, 2)  # next year's 02.01.
    assert by_title["Weihnachtsverkauf im Wühlmäuschen"].start == dt.date(2022, 11, 18)
    taize = by_title["Europäisches Jugendtreffen Taizé"]
    assert (taize.start, taize.end, taize.place) == (
        dt.date(2022, 12, 28),
        dt.date(2023, 1, 1),
        "Rostock",
    )
    assert (by_title["Fahrt"].start, by_title["Fahrt"].end) == (
        dt.date(2023, 1, 20),
        dt.date(2023, 1, 22),
    )
    assert by_title["Seminar"].end == dt.date(2023, 2, 15)
    assert by_title["Kita-Fest"].end == dt.date(2023, 5, 21)
    assert by_title["Elternabend"].end_time == dt.time(20)
    assert by_title["Silvesterfeier"].end_time == dt.time(1)
    assert by_title["Stadtteilfest"].notes == ("Aufbau ab 11 Uhr",)
    assert by_title["Bastelnachmittag für Klient*innen"].notes == ("Material wird gestellt",)
    assert by_title["Lesung „Mein Groß Klein“"].start_time == dt.time(19, 30)
    assert [a.start for a in found if a.title == "Sprechstunden"] == [
        dt.date(2022, 12, 12),
        dt.date(2022, 12, 19),
    ]
    weihnachtsmarkt = [a for a in found if a.title == "Weihnachtsmarkt"]
    assert [(a.item, a.start_time) for a in weihnachtsmarkt] == [
        (2, dt.time(14)),
        (1, dt.time(14, 30)),
    ]
    assert not any("Wohnungen" in a.source or "Öffnungszeiten" in a.source for a in found)
    assert [a.start for a in found] == sorted(a.start for a in found)


# --- single points --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "48 Wohnungen für ukrainische Geflüchtete in Groß Klein (100 in Rostock)",
        "Beratungen jeglicher Art für Jugendliche 18-25 Jahre",
        "Voraussetzung: Anspruch ALG2",
        "(100 in Rostock)",
        "Modellregionen sind Groß Klein und Toitenwinkel, Projektbeginn 2023",
        "2020 Projektbeginn, endet zum Jahresende, keine Anschlussfinanzierung",
        "4 Sozialcoaches, 1 Psychologin",
        "Fachkonzept arbeitet mit 5 Prinzipien: 1. Wille und Interesse der Menschen, 2. Vernetzung",
        "Öffnungszeiten Mo–Fr 9-12 Uhr",
        "Schreiben vom 3.11. liegt vor",
        "Zuständig seit 1.1.2020",
        "Stand: 1.11.2022",
        "bis 12.10. Uhr",
        "Familienplaner 2023",
        "Version 3.1.2 der App",
    ],
)
def test_point_without_a_date_yields_nothing(text: str) -> None:
    assert extract(protocol_with(text)) == []


@pytest.mark.parametrize(
    ("meeting", "written", "expected"),
    [
        (dt.date(2022, 12, 8), "18.11.", dt.date(2022, 11, 18)),
        (dt.date(2022, 12, 8), "02.01.", dt.date(2023, 1, 2)),
        (dt.date(2023, 1, 12), "20.12.", dt.date(2022, 12, 20)),
        (dt.date(2022, 7, 1), "6. Dezember", dt.date(2022, 12, 6)),
        (dt.date(2022, 6, 1), "6. Dezember", dt.date(2021, 12, 6)),
        (dt.date(2022, 12, 8), "7.12.22", dt.date(2022, 12, 7)),
        (dt.date(2022, 12, 8), "6.12.2019", dt.date(2019, 12, 6)),
        (dt.date(2022, 12, 8), "2023-03-01", dt.date(2023, 3, 1)),
        (dt.date(2024, 1, 10), "29.02.", dt.date(2024, 2, 29)),
    ],
)
def test_year_is_the_one_nearest_the_meeting(
    meeting: dt.date, written: str, expected: dt.date
) -> None:
    assert only(f"Treffen {written}", meeting).start == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr", dt.time(14, 30), dt.time(17)),
        ("Treffen 6.12., 9-12 Uhr", dt.time(9), dt.time(12)),
        ("Treffen 6.12. ab 12.30 Uhr", dt.time(12, 30), None),
        ("Treffen 6.12. von 15.30-17.30 Uhr", dt.time(15, 30), dt.time(17, 30)),
        ("Treffen 6.12., 14 Uhr", dt.time(14), None),
        ("Treffen 6.12. 14:30–17:00", dt.time(14, 30), dt.time(17)),
        ("Treffen 6.12. von 10 bis 12 Uhr", dt.time(10), dt.time(12)),
        ("Treffen 6.12. 14h", dt.time(14), None),
        ("Party 6.12. 20-24 Uhr", dt.time(20), dt.time(0)),
        ("Treffen 6.12. 14-14 Uhr", dt.time(14), None),
    ],
)
def test_time_forms(text: str, start: dt.time, end: dt.time | None) -> None:
    found = only(text)
    assert (found.start, found.start_time, found.end_time) == (dt.date(2022, 12, 6), start, end)


def test_a_duration_is_not_a_time() -> None:
    assert only("Workshop 6.12., Dauer 2 h").all_day


def test_two_digit_number_after_a_yearless_date_is_an_hour_not_a_year() -> None:
    found = only("Weihnachtsmarkt: 6.12. 14.30-17 Uhr")
    assert (found.start, found.start_time) == (dt.date(2022, 12, 6), dt.time(14, 30))


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        (
            "9.12. Adventssingen mit RoSi im Signalgastweg von 15.30-17.30 Uhr, unterstützt durch "
            "WIRO",
            "Adventssingen mit RoSi im Signalgastweg",
            "Signalgastweg",
        ),
        ("Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr", "Weihnachtsmarkt", None),
        (
            "Abschlussveranstaltung für den Nordwesten 7.12.22, 9-12 Uhr auf der Likedeeler",
            "Abschlussveranstaltung für den Nordwesten",
            "Likedeeler",
        ),
        ("Weihnachtsfeier findet am 6. Dezember um 15 Uhr im SBZ statt", "Weihnachtsfeier", "SBZ"),
        ("Fr 18.11. Weihnachtsverkauf", "Weihnachtsverkauf", None),
        ("Freitag, den 18.11. Weihnachtsverkauf", "Weihnachtsverkauf", None),
        (
            "Tag der offenen Tür am 3.12. in der Kita „Sonnenschein“",
            "Tag der offenen Tür",
            "Kita „Sonnenschein“",
        ),
        ("Feier im Rahmen der Adventszeit am 6.12.", "Feier im Rahmen der Adventszeit", None),
        ("Fest der Expert*innen (SBZ) 6.12.", "Fest der Expert*innen (SBZ)", None),
    ],
)
def test_title_and_place(text: str, title: str, place: str | None) -> None:
    found = only(text)
    assert (found.title, found.place) == (title, place)


def test_point_that_is_only_a_date_takes_its_parent_or_item_title() -> None:
    nested = Point("Stadtteilfest", (Point("3.6.23, 14 Uhr"),))
    found = extract(protocol_with(nested, "6.12., 14-17 Uhr"))
    assert [(a.title, a.start) for a in found] == [
        ("Aktuelles aus den Einrichtungen", dt.date(2022, 12, 6)),
        ("Stadtteilfest", dt.date(2023, 6, 3)),
    ]


def test_time_points_attach_only_right_after_an_appointment() -> None:
    found = extract(
        protocol_with(
            "Weihnachtsmarkt 6.12. 14-17 Uhr",
            "Aufbau ab 12.30 Uhr",
            "Abbau ab 17 Uhr",
            "Organisation durch das SBZ",
            "Sprechstunde dienstags 10-12 Uhr",
        )
    )
    assert len(found) == 1
    assert found[0].notes == ("Aufbau ab 12.30 Uhr", "Abbau ab 17 Uhr")


def test_sub_points_without_date_are_notes_and_with_date_their_own_appointment() -> None:
    point = Point(
        "Weihnachtsmarkt 6.12. 14-17 Uhr",
        (Point("Stände bitte im SBZ anmelden"), Point("Generalprobe 5.12. 16 Uhr")),
    )
    found = extract(protocol_with(point))
    assert [(a.title, a.notes) for a in found] == [
        ("Generalprobe", ()),
        ("Weihnachtsmarkt", ("Stände bitte im SBZ anmelden",)),
    ]


def test_dates_joined_by_und_share_title_time_and_place() -> None:
    found = extract(protocol_with("Sprechstunden am 12.12. und 19.12., jeweils 10-12 Uhr im SBZ"))
    assert [(a.title, a.start.day, a.start_time, a.place) for a in found] == [
        ("Sprechstunden", 12, dt.time(10), "SBZ"),
        ("Sprechstunden", 19, dt.time(10), "SBZ"),
    ]


def test_each_date_gets_the_text_beside_it() -> None:
    found = extract(protocol_with("5.12. Sprechstunde im SBZ, 12.12. Elternabend in der Schule"))
    assert [(a.title, a.place) for a in found] == [
        ("Sprechstunde im SBZ", "SBZ"),
        ("Elternabend in der Schule", "Schule"),
    ]


def test_protocol_without_date_keeps_only_dates_with_a_year() -> None:
    found = extract(protocol_with("Markt 6.12.", "Fest 7.12.2022", date=None))
    assert [a.title for a in found] == ["Fest"]


# --- the next meeting -----------------------------------------------------------------------


def test_next_meeting_noch_offen_is_no_appointment() -> None:
    assert extract(protocol_with(next_text="noch offen")) == []


def test_next_meeting_with_date_time_and_place() -> None:
    found = extract(protocol_with(next_text="12.01.2023, 14 Uhr, SBZ"))
    assert found == [
        Appointment(
            title="Stadtteiltisch",
            start=dt.date(2023, 1, 12),
            start_time=dt.time(14),
            place="SBZ",
            source="Nächster Termin: 12.01.2023, 14 Uhr, SBZ",
        )
    ]
    assert format_appointment(found[0]) == "Do 12.01.2023, 14:00 Uhr: Stadtteiltisch (Ort: SBZ)"


def test_next_meeting_leftover_that_is_no_place_is_not_taken() -> None:
    found = extract(protocol_with(next_text="12.01.2023 (Ort wird noch bekannt gegeben)"))
    assert [(a.title, a.place, a.all_day) for a in found] == [("Stadtteiltisch", None, True)]


def test_next_meeting_without_a_meeting_name_is_titled_as_such() -> None:
    protocol = replace(protocol_with(next_text="13.01.2023, 17 Uhr"), meeting="(Videokonferenz)")
    assert [a.title for a in extract(protocol)] == ["Nächster Termin"]


# --- the section and formatting -------------------------------------------------------------


def test_termine_lines_is_empty_without_appointments() -> None:
    assert termine_lines(protocol_with("Keine Termine", next_text="noch offen")) == []


def test_multi_day_and_midnight_are_written_plainly() -> None:
    lines = termine_lines(
        protocol_with(
            "Jugendtreffen 28.12.–1.1.2023 in Rostock",
            "Seminar 14.–15.02.2023, 10-16 Uhr",
            "Silvester 31.12. 20-1 Uhr",
        )
    )
    assert lines == [
        "Termine",
        "- Mi 28.12.2022–So 01.01.2023 (ganztägig): Jugendtreffen (Ort: Rostock)",
        "- Sa 31.12.2022, 20:00–1:00 Uhr: Silvester",
        "- Di 14.02.–Mi 15.02.2023, jeweils 10:00–16:00 Uhr: Seminar",
    ]


def test_deadlines_are_labelled_by_their_word_and_colons_in_titles_stay() -> None:
    lines = termine_lines(
        protocol_with(
            "Anmeldeschluss für den Basar: 15.12.",
            "Abgabe bis 15.12.",
            "Fördermittel: Anträge bis 31.1.2023 einreichen",
            "Lesung mit Frau Krug: Lyrik am 14.12.",
            "Weihnachtsmarkt 16.12. 14-17 Uhr",
            "Aufbau ab 12.30 Uhr",
        )
    )
    assert lines == [
        "Termine",
        "- Mi 14.12.2022 (ganztägig): Lesung mit Frau Krug: Lyrik",
        "- Do 15.12.2022 (Anmeldeschluss): Basar",
        "- Do 15.12.2022 (Frist): Abgabe",
        "- Fr 16.12.2022, 14:00–17:00 Uhr: Weihnachtsmarkt (Aufbau ab 12:30 Uhr)",
        "- Di 31.01.2023 (Frist): Fördermittel: Anträge einreichen",
    ]


def test_a_series_every_few_weeks_in_words() -> None:
    assert Recurrence("weekly", 3, (0,)).words() == "alle 3 Wochen am Montag"
    assert Recurrence("weekly", 2, (4,)).words() == "14-täglich am Freitag"
    assert Recurrence("weekly", 1, (0, 2)).words() == "jeden Montag und Mittwoch"


def test_normalise_times_leaves_dates_alone() -> None:
    assert normalise_times("Aufbau ab 12.30 Uhr am 6.12.") == "Aufbau ab 12:30 Uhr am 6.12."
    assert normalise_times("von 15.30-17.30 Uhr") == "von 15:30–17:30 Uhr"
    assert normalise_times("Beginn 9.30 Uhr") == "Beginn 9:30 Uhr"


def test_a_series_as_an_icalendar_rule() -> None:
    monthly = Recurrence("monthly", weekdays=(3,), ordinals=(1,), until=dt.date(2023, 3, 2))
    assert monthly.rrule_text() == "FREQ=MONTHLY;UNTIL=20230302;BYDAY=1TH"
    assert Recurrence("weekly", 2, (2,)).rrule_text() == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert Recurrence("monthly", month_day=15).rrule_text() == "FREQ=MONTHLY;BYMONTHDAY=15"
    series = Appointment("Gartengruppe", dt.date(2022, 12, 14), recurrence=Recurrence("weekly"))
    assert series.to_dict()["recurrence"] == "FREQ=WEEKLY"
    assert Appointment("Basar", dt.date(2022, 12, 14)).to_dict()["recurrence"] is None


def test_a_deadline_without_a_label_is_a_frist_and_extras_are_listed() -> None:
    day = dt.date(2022, 12, 15)
    deadline = Appointment("Abgabe der Anträge", day, kind="deadline")
    assert format_appointment(deadline) == "Do 15.12.2022 (Frist): Abgabe der Anträge"
    market = Appointment("Weihnachtsmarkt", day, place="SBZ", notes=("Aufbau ab 12.30 Uhr",))
    assert format_appointment(market) == (
        "Do 15.12.2022 (ganztägig): Weihnachtsmarkt (Ort: SBZ; Aufbau ab 12:30 Uhr)"
    )


# --- robustness -----------------------------------------------------------------------------

date_like = st.sampled_from(
    ["18.11.", "7.12.22", "6.12.2022", "6. Dezember", "20.–22.01.2023", "14.30-17 Uhr", "9-12",
     "ab 12.30 Uhr", "von", "bis", "Uhr", "im", "auf der", "SBZ", ",", "–", "-", "/", ".", "(",
     ")", "31.02.", "99.99.", "0.0.", "24 Uhr", "25:61", "Fr", "am", "seit", "2023-02-30"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=12), date_like), max_size=12).map(" ".join),
    st.one_of(st.none(), st.dates()),
)
def test_arbitrary_text_never_crashes_the_extractor(text: str, meeting: dt.date | None) -> None:
    protocol = protocol_with(text, date=meeting, next_text=text.strip() or "x")
    for appointment in extract(protocol):
        assert appointment.title
        assert appointment.end is None or appointment.end > appointment.start
        assert format_appointment(appointment)


@settings(max_examples=50, deadline=None)
@given(protocols())
def test_arbitrary_protocols_never_crash_and_sort_by_date(protocol: Protocol) -> None:
    found = extract(protocol)
    assert [a.sort_key() for a in found] == sorted(a.sort_key() for a in found)
    coming = upcoming(protocol)
    assert all(a in found and not a.past for a in coming)
    lines = termine_lines(protocol)
    assert len(lines) == (len(coming) + 1 if coming else 0)


# --- the corpus -----------------------------------------------------------------------------


def test_corpus_precision_and_recall() -> None:
    from benchmarks.termine_corpus import evaluate, load_cases

    cases = load_cases()
    assert len(cases) >= 80
    assert sum(1 for c in cases if not c.expected) >= 30  # negatives: past, facts, no dates
    assert sum(1 for c in cases if c.expected) >= 50
    report = evaluate(cases)
    misses = "\n".join(
        f"corpus.txt:{case.line}: erwartet {list(case.expected)}, gefunden {found}"
        for case, found in report.misses
    )
    assert report.precision >= 0.97, misses
    assert report.recall >= 0.95, misses


# --- upcoming, events, deadlines, closures ---------------------------------------------------

MEETING = dt.date(2023, 1, 12)


def upcoming_lines(*points: str | Point, date: dt.date = MEETING, next_text: str = "") -> list[str]:
    """What the mail's Termine box shows for these points."""
    return [
        format_appointment(a)
        for a in upcoming(protocol_with(*points, date=date, next_text=next_text))
    ]


def test_nothing_before_the_meeting_or_in_the_past_tense_is_upcoming() -> None:
    protocol = protocol_with(
        "Basar 10.01. im SBZ",
        "Herbstfest am 14.01. war ein voller Erfolg",
        "Am 20.01. fand die Versammlung statt",
        "Lichterfest 16.01. im SBZ",
        date=MEETING,
    )
    assert [(a.title, a.past) for a in extract(protocol)] == [
        ("Basar", True),
        ("Herbstfest", True),
        ("Lichterfest", False),
        ("Versammlung", True),
    ]
    assert [a.title for a in upcoming(protocol)] == ["Lichterfest"]


def test_on_the_meeting_day_what_ends_before_the_meeting_begins_is_past() -> None:
    points = (
        "Frühstück 12.01. 8-10 Uhr",
        "Aufbau 12.01. 12-14 Uhr",  # ends as the meeting begins
        "Mittagessen 12.01. 13-15 Uhr",  # still going on
        "Gespräch 12.01. 11 Uhr",  # no end: it may last into the meeting
        "Basar 12.01.",  # the whole day
        "Empfang 12.01. 18 Uhr",
        "Neujahrsputz 11.01. 18-20 Uhr",  # the day before
    )
    block = Block(None, tuple(Point(p) for p in points))
    protocol = Protocol(
        "Protokoll Stadtteiltisch", "Stadtteiltisch", MEETING,
        items=(AgendaItem(1, "Aktuelles", None, (block,)),),
        meta=(MetaField("Beginn", "14:00 Uhr", "start"),),
    )  # fmt: skip
    assert [(a.title, a.past) for a in extract(protocol)] == [
        ("Neujahrsputz", True),
        ("Basar", False),
        ("Frühstück", True),
        ("Gespräch", False),
        ("Aufbau", True),
        ("Mittagessen", False),
        ("Empfang", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hausmeisterstelle ab 01.03. wieder besetzt",
        "Neue Öffnungszeiten gelten ab 01.02.2023",
        "Die neue Hausordnung gilt ab 1. April",
        "Kita-Gebühren steigen ab 01.08.2023",
        "Ab sofort ist Frau Beispiel zuständig",
        "Büro bis 20.01. geschlossen",
        "Ausstellung noch bis 15.02. im Rathaus",
    ],
)
def test_facts_are_no_appointments(text: str) -> None:
    assert extract(protocol_with(text, date=MEETING)) == []


def test_deadline_is_all_day_and_named_as_a_deadline() -> None:
    (found,) = extract(protocol_with("Anträge bis 31.03.2023, 12 Uhr an das Quartiersbüro"))
    assert (found.kind, found.title, found.all_day) == (
        "deadline",
        "Frist: Anträge an das Quartiersbüro",
        True,
    )
    assert format_appointment(found) == "Fr 31.03.2023 (Frist): Anträge an das Quartiersbüro"


def test_deadline_word_names_the_deadline() -> None:
    (found,) = extract(protocol_with("Anmeldeschluss für die Ferienfahrt: 15.05.", date=MEETING))
    assert found.title == "Anmeldeschluss: Ferienfahrt"


def test_a_decision_is_not_a_deadline() -> None:
    (found,) = extract(protocol_with("Sitzung am 15.02. – Beschluss über den Haushalt"))
    assert (found.kind, found.title) == ("event", "Sitzung")


def test_a_task_with_owners_is_a_to_do_not_a_deadline() -> None:
    point = Point("Raum buchen bis 31.03.", task=Task(("Jasper",), dt.date(2023, 3, 31)))
    assert extract(protocol_with(point, date=MEETING)) == []
    assert [a.kind for a in extract(protocol_with("Raum buchen bis 31.03.", date=MEETING))] == [
        "deadline"
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kleiderkammer vom 27.03. bis 07.04. geschlossen", "Kleiderkammer geschlossen"),
        ("Am 17.02. bleibt das SBZ geschlossen", "SBZ geschlossen"),
        ("Die Sprechstunde am 14.02. fällt aus", "Sprechstunde fällt aus"),
        ("Sitzung fällt am 26.01. aus", "Sitzung fällt aus"),
        ("Schließzeit der Kita 24.07.–11.08.2023", "Schließzeit der Kita"),
    ],
)
def test_closure_keeps_its_word(text: str, title: str) -> None:
    (found,) = extract(protocol_with(text, date=MEETING))
    assert (found.kind, found.title) == ("closure", title)


# --- recurrence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "first", "words"),
    [
        (
            "Elterncafé jeden 1. Donnerstag im Monat ab 02.02.2023, 15-17 Uhr",
            "FREQ=MONTHLY;BYDAY=1TH",
            dt.date(2023, 2, 2),
            "jeden 1. Donnerstag im Monat",
        ),
        ("jeden Freitag 16 Uhr Spieleabend", "FREQ=WEEKLY;BYDAY=FR", dt.date(2023, 1, 13),
         "jeden Freitag"),
        ("Seniorentreff wöchentlich mittwochs", "FREQ=WEEKLY;BYDAY=WE", dt.date(2023, 1, 18),
         "jeden Mittwoch"),
        ("Repair-Café 14-täglich ab 21.01.", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
         dt.date(2023, 1, 21), "14-täglich am Samstag"),
        ("Seniorensport monatlich ab 01.02.2023", "FREQ=MONTHLY;BYMONTHDAY=1",
         dt.date(2023, 2, 1), "monatlich am 1."),
        ("Mieterberatung jeden letzten Mittwoch im Monat", "FREQ=MONTHLY;BYDAY=-1WE",
         dt.date(2023, 1, 25), "jeden letzten Mittwoch im Monat"),
        ("Jugendclub jeden Freitag bis 31.03.2023", "FREQ=WEEKLY;UNTIL=20230331;BYDAY=FR",
         dt.date(2023, 1, 13), "jeden Freitag"),
        ("Wochenmarkt ab April wieder jeden Donnerstag", "FREQ=WEEKLY;BYDAY=TH",
         dt.date(2023, 4, 6), "jeden Donnerstag"),
    ],
)  # fmt: skip
def test_recurrence(text: str, rule: str, first: dt.date, words: str) -> None:
    (found,) = extract(protocol_with(text, date=MEETING))
    assert found.recurrence is not None
    assert (found.recurrence.rrule_text(), found.start, found.recurrence.words()) == (
        rule,
        first,
        words,
    )


def test_a_series_is_shown_once_in_words() -> None:
    assert upcoming_lines("Elterncafé jeden 1. Donnerstag im Monat ab 02.02.2023, 15-17 Uhr") == [
        "Jeden 1. Donnerstag im Monat ab Do 02.02.2023, 15:00–17:00 Uhr: Elterncafé"
    ]


def test_a_series_without_day_or_date_is_none() -> None:
    assert extract(protocol_with("Sprechstunde der Polizei wöchentlich", date=MEETING)) == []


def test_a_series_that_ended_before_the_meeting_is_not_upcoming() -> None:
    assert upcoming_lines("Bis 31.12.2022 gab es jeden Montag ein Frühstück") == []


# --- titles ---------------------------------------------------------------------------------


def test_title_is_never_cut_inside_brackets() -> None:
    (found,) = extract(
        protocol_with("Büro über Ostern nur vormittags geöffnet (06.04.–10.04., 9-12 Uhr)")
    )
    assert found.title == "Büro über Ostern nur vormittags geöffnet"


def test_long_title_is_cut_at_a_word_break_outside_quotes() -> None:
    (found,) = extract(
        protocol_with(
            "Workshop „Gut leben im Alter – Wohnen, Pflege und Nachbarschaft in Groß Klein“ "
            "und Austausch mit der Wohnungsgesellschaft am 15.02.2023"
        )
    )
    assert found.title == (
        "Workshop „Gut leben im Alter – Wohnen, Pflege und Nachbarschaft in Groß Klein“"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # 60 characters stay whole, 61 are cut at the last word break
        (
            "Informationsabend zur Sanierung der Wohnanlage Kolumbusplatz",
            "Informationsabend zur Sanierung der Wohnanlage Kolumbusplatz",
        ),
        (
            "Informationsabend zur Sanierung der Wohnanlage Kolumbusstraße",
            "Informationsabend zur Sanierung der Wohnanlage",
        ),
        # a cut at half the length (30 characters) is no stub; a shorter one takes the quote
        (
            "Lesung und Gespräch mit Gästen „Erinnerungen an das alte Groß Klein“",
            "Lesung und Gespräch mit Gästen",
        ),
        (
            "Lesung mit Gästen aus Dierkow „Erinnerungen an das alte Groß Klein“",
            "Lesung mit Gästen aus Dierkow „Erinnerungen an das alte Groß Klein“",
        ),
        # the quote is taken when it closes within 90 characters, not at 91
        (
            "Workshop „Gut leben im Alter – Wohnen, Pflege und Nachbarschaft in Groß Klein und "
            "Dierkow“ und Austausch",
            "Workshop „Gut leben im Alter – Wohnen, Pflege und Nachbarschaft in Groß Klein und "
            "Dierkow“",
        ),
        (
            "Workshop „Gut leben im Alter – Wohnen, Pflege und Nachbarschaft in Groß Klein und "
            "Südstadt“ und Austausch",
            "Workshop",
        ),
    ],
)
def test_title_length_boundaries(text: str, title: str) -> None:
    (found,) = extract(protocol_with(f"{text} am 15.02.2023"))
    assert found.title == title


def test_summary_leaves_out_the_place_that_is_the_location() -> None:
    (found,) = extract(protocol_with("Adventssingen mit RoSi im Signalgastweg am 9.12."))
    assert (found.title, found.summary, found.place) == (
        "Adventssingen mit RoSi im Signalgastweg",
        "Adventssingen mit RoSi",
        "Signalgastweg",
    )


def test_event_of_a_decision_is_the_meeting_that_takes_it() -> None:
    (found,) = extract(
        protocol_with("Entscheidung über den Antrag in der Sitzung des Ortsbeirats am 14.03.")
    )
    assert found.title == "Sitzung des Ortsbeirats: Entscheidung über den Antrag"


def test_inline_speaker_is_the_appointments_speaker() -> None:
    point = Point("Lesung am 20.01.", speaker=Person("Jonas"))
    (found,) = extract(protocol_with(point, date=MEETING))
    assert found.speaker == "Jonas"


def test_sub_items_are_read_too() -> None:
    sub = AgendaItem(1, "Unterpunkt", None, (Block(None, (Point("Fest 20.01."),)),))
    protocol = Protocol(
        "Protokoll Stadtteiltisch", "Stadtteiltisch", MEETING,
        items=(AgendaItem(2, "Aktuelles", None, (), (sub,)),),
    )  # fmt: skip
    assert [(a.title, a.item_title) for a in extract(protocol)] == [("Fest", "Unterpunkt")]


def test_next_meeting_date_agrees_with_the_model() -> None:
    protocol = protokollkit.read(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n- nichts\n\n"
        "Nächster Termin: ca.18.11., 14 Uhr\n"
    )
    (found,) = extract(protocol)
    assert protocol.next_meeting is not None
    assert protocol.next_meeting.date == found.start == dt.date(2022, 11, 18)
    assert found.start_time == dt.time(14)


def test_mail_termine_box_shows_only_what_is_to_come_and_a_series_once() -> None:
    from protokollkit.writers.email import write_email_body

    protocol = protocol_with(
        "Herbstfest am 14.12. war ein voller Erfolg",
        "Elterncafé jeden 1. Donnerstag im Monat ab 02.02.2023, 15-17 Uhr",
        "Anträge bis 31.03.2023 an das Quartiersbüro",
        date=MEETING,
    )
    assert termine_lines(protocol) == [
        "Termine",
        "- Jeden 1. Donnerstag im Monat ab Do 02.02.2023, 15:00–17:00 Uhr: Elterncafé",
        "- Fr 31.03.2023 (Frist): Anträge an das Quartiersbüro",
    ]
    body = write_email_body(protocol)
    box = body.split("Termine", 1)[1].split("Protokoll Stadtteiltisch", 1)[0]
    assert box.count("Jeden 1. Donnerstag im Monat") == 1
    assert "Herbstfest" not in box


# --- the command ----------------------------------------------------------------------------


def test_termine_command_lists_several_protocols_sorted_by_date(tmp_path: Path) -> None:
    later = tmp_path / "2022-12-08-stadtteiltisch.txt"
    later.write_text(
        "Protokoll Stadtteiltisch 08.12.22\n\n1 Aktuelles\n\n- 1.12. Lichterfest im SBZ\n\n"
        "Nächster Termin: 12.01.2023, 14 Uhr, SBZ\n",
        "utf-8",
    )
    result = runner.invoke(main, ["termine", "--alle", str(later), str(SEED)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen [{SEED}]",
        f"(vergangen) Do 01.12.2022 (ganztägig): Lichterfest im SBZ [{later}]",
        f"Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt (Aufbau ab 12:30 Uhr) [{SEED}]",
        f"Mi 07.12.2022, 9:00–12:00 Uhr: Abschlussveranstaltung für den Nordwesten "
        f"(Ort: Likedeeler) [{SEED}]",
        f"Fr 09.12.2022, 15:30–17:30 Uhr: Adventssingen mit RoSi im Signalgastweg [{SEED}]",
        f"Do 12.01.2023, 14:00 Uhr: Stadtteiltisch (Ort: SBZ) [{later}]",
    ]


def test_termine_command_leaves_out_past_appointments_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "2022-12-08-stadtteiltisch.txt"
    path.write_text(
        "Protokoll Stadtteiltisch 08.12.22\n\n1 Aktuelles\n\n- 1.12. Lichterfest im SBZ\n"
        "- Der Basar am 14.12. war ein voller Erfolg\n- 15.12. Adventsfeier im SBZ\n",
        "utf-8",
    )
    result = runner.invoke(main, ["termine", str(path)])
    assert result.stdout.splitlines() == [
        f"Do 15.12.2022 (ganztägig): Adventsfeier im SBZ [{path}]"
    ]
    result = runner.invoke(main, ["termine", "--alle", str(path)])
    assert result.stdout.splitlines() == [
        f"(vergangen) Do 01.12.2022 (ganztägig): Lichterfest im SBZ [{path}]",
        f"(vergangen) Mi 14.12.2022 (ganztägig): Basar [{path}]",
        f"Do 15.12.2022 (ganztägig): Adventsfeier im SBZ [{path}]",
    ]


def test_termine_command_reports_bad_files_in_german_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["termine", str(tmp_path / "fehlt.txt"), str(empty), str(SEED)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'fehlt.txt'}: fehler: Datei nicht gefunden." in result.stderr
    assert f"{empty}: fehler: Die Datei ist leer." in result.stderr
    assert "Weihnachtsmarkt" in result.stdout
    assert "Traceback" not in result.output


def test_termine_command_says_when_there_are_none(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("Protokoll Stadtteiltisch 08.12.22\n\n1 Aktuelles\n\n- nichts\n", "utf-8")
    result = runner.invoke(main, ["termine", str(path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Keine Termine gefunden." in result.stderr


# --- the cache of `termine` -----------------------------------------------------------------


def _archive(folder: Path, count: int) -> list[Path]:
    """``count`` small protocols with appointments, each different."""
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"2022-{1 + n % 12:02d}-{1 + n % 27:02d}-stadtteiltisch-{n}.txt"
        path.write_text(
            f"Protokoll Stadtteiltisch\n\n1 Aktuelles\n\n- {1 + n % 28}.{1 + n % 12}. Fest {n} "
            f"im SBZ, {10 + n % 8} Uhr\n- Der Basar am 3.{1 + n % 12}. war schön\n\n"
            f"Nächster Termin: {1 + n % 28}.{1 + n % 12}.2023\n",
            "utf-8",
        )
        paths.append(path)
    return paths


def _cache_file() -> Path:
    from protokollkit.appointment_cache import cache_path

    return cache_path()


def test_termine_cache_gives_the_same_lines_and_sees_an_edit_of_the_same_size(
    tmp_path: Path,
) -> None:
    path = tmp_path / "2022-12-08-stadtteiltisch.txt"
    path.write_text("Protokoll Stadtteiltisch 08.12.22\n\n1 A\n\n- 15.12. Adventsfeier\n", "utf-8")
    files = [str(path), str(SEED)]
    uncached = runner.invoke(main, ["termine", "--alle", "--ohne-cache", *files])
    assert not _cache_file().exists()
    first = runner.invoke(main, ["termine", "--alle", *files])
    assert _cache_file().exists()
    assert oct(_cache_file().stat().st_mode & 0o777) == "0o600"
    second = runner.invoke(main, ["termine", "--alle", *files])
    assert uncached.stdout == first.stdout == second.stdout
    assert "Adventsfeier" in second.stdout
    # same size, same modification time, other bytes: read again
    info = path.stat()
    path.write_text("Protokoll Stadtteiltisch 08.12.22\n\n1 A\n\n- 15.12. Adventsbasar\n", "utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    third = runner.invoke(main, ["termine", "--alle", *files])
    assert "Adventsbasar" in third.stdout
    assert "Adventsfeier" not in third.stdout


def test_termine_cache_that_is_damaged_or_of_other_code_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "2022-12-08-stadtteiltisch.txt"
    path.write_text("Protokoll Stadtteiltisch 08.12.22\n\n1 A\n\n- 15.12. Adventsfeier\n", "utf-8")
    expected = runner.invoke(main, ["termine", str(path)]).stdout
    cache = json.loads(_cache_file().read_text("utf-8"))
    for entry in cache["entries"].values():
        entry[1][0][5] = "erfunden"
    cache["code"] = "eine andere Version"
    _cache_file().write_text(json.dumps(cache), "utf-8")
    assert runner.invoke(main, ["termine", str(path)]).stdout == expected
    _cache_file().write_text("{kaputt", "utf-8")
    result = runner.invoke(main, ["termine", str(path)])
    assert result.exit_code == 0
    assert result.stdout == expected


def test_termine_cache_keeps_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/2022-12-08-stadtteiltisch-\xff.txt"))
    path.write_text("Protokoll Stadtteiltisch 08.12.22\n\n1 A\n\n- 15.12. Adventsfeier\n", "utf-8")
    first = runner.invoke(main, ["termine", str(path)])
    second = runner.invoke(main, ["termine", str(path)])
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    assert "Adventsfeier" in first.stdout and "\\xff" in first.stdout


def test_termine_cache_drops_entries_unused_for_long(tmp_path: Path) -> None:
    from protokollkit.appointment_cache import KEEP_DAYS, AppointmentCache

    today = dt.date(2024, 5, 1)
    cache = AppointmentCache(tmp_path / "c.json", today)
    cache.put("alt", [])
    cache.entries["alt"][0] = today.toordinal() - KEEP_DAYS - 1
    cache.put("neu", [(1, 0, 0, 1, False, "x")])
    cache.save()
    again = AppointmentCache(tmp_path / "c.json", today)
    assert list(again.entries) == ["neu"]
    assert again.get("neu") == [(1, 0, 0, 1, False, "x")]


def test_termine_reads_many_files_on_all_cores_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from protokollkit import appointment_cache

    paths = [str(p) for p in _archive(tmp_path / "archiv", 12)]
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    files = [*paths[:5], str(empty), str(tmp_path / "fehlt.txt"), *paths[5:]]
    alone = runner.invoke(main, ["termine", "--alle", "--ohne-cache", *files])
    monkeypatch.setattr(appointment_cache, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    shared = runner.invoke(main, ["termine", "--alle", *files])
    cached = runner.invoke(main, ["termine", "--alle", *files])
    assert alone.exit_code == shared.exit_code == cached.exit_code == 1
    assert alone.stdout == shared.stdout == cached.stdout
    assert alone.stderr == shared.stderr == cached.stderr
    assert alone.stdout.count("\n") == 36
    assert "fehlt.txt: fehler: Datei nicht gefunden." in shared.stderr


SESSION_BLOCK = """Niederschrift über die Sitzung des Beirates

am Dienstag, dem 11.02.2025 um 19:30 Uhr im Sitzungssaal der Ortsgemeinde.

TOP 1 Mitteilungen

Die nächste Sitzung des Beirates findet am 15.04.2025 um 18:00 Uhr im Ratssaal statt.
"""


def test_the_session_block_above_the_items_is_the_meeting_itself_not_an_appointment() -> None:
    protocol = protokollkit.read_text(SESSION_BLOCK)
    assert protocol.date == dt.date(2025, 2, 11)
    found = extract(protocol)
    assert [(a.start, a.title, a.place) for a in found] == [
        (dt.date(2025, 4, 15), "Beirat", "Ratssaal")
    ]
