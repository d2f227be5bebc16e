"""Forms of real protocols the rules understand: one small case each, asserted on the model.

Each case comes from a layout seen in a held-out protocol (tests/fixtures/heldout/) and is
written here in general form, with invented content.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import protokollkit
from protokollkit.annotations import decision_in, inline_speaker, task_in
from protokollkit.layout import NO_HINTS, Hints, Line, parse_lines
from protokollkit.model import Person
from protokollkit.people import ParticipantIndex, attendance_in_sentences, people_in_prose

NOBODY = ParticipantIndex(())


@pytest.mark.parametrize(
    ("text", "result", "unanimous"),
    [
        ("Wir nehmen das Protokoll der letzten Sitzung einstimmig an", "accepted", True),
        ("Alle Gewählten nahmen die Wahl an.", "accepted", False),
        ("Es wurde vereinbart, dass der Flyer gedruckt wird.", "accepted", False),
        ("Die Anwesenden einigen sich auf den 3. Mai.", "accepted", False),
        ("Wir stimmen dem Vorschlag zu.", "accepted", False),
        ("durch Abstimmung sprachen sich alle Anwesenden für einen Verein aus", "accepted", False),
        ("Allgemeiner Konsens: Ja, wir nehmen das Wiki", "accepted", False),
    ],
)
def test_decisions_in_active_voice(text: str, result: str, unanimous: bool) -> None:
    decision = decision_in(text)
    assert decision is not None
    assert decision.result == result
    assert decision.unanimous is unanimous


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Nach einigen Wortmeldungen wird sich darauf verständigt, dass der Antrag kommt.",
         "accepted"),
        ("Einem Baugesuch auf Neubau einer Garage wurde das Einvernehmen erteilt.", "accepted"),
        ("Einem Baugesuch auf Anbau eines Balkons wurde das Einvernehmen nicht erteilt, da …",
         "rejected"),
        ("Es gibt keine Einwände, die Niederschriften gelten somit als genehmigt.", "accepted"),
    ],
)  # fmt: skip
def test_decisions_in_impersonal_and_council_phrasing(text: str, result: str) -> None:
    decision = decision_in(text)
    assert decision is not None
    assert decision.result == result


@pytest.mark.parametrize(
    "text",
    [
        "Die Verwaltung hat das Einvernehmen noch nicht erteilt.",
        "Das gilt als Vorbild für andere Stadtteile.",
        "Wir haben uns verständigt, später darüber zu reden.",
    ],
)
def test_no_decision_in_near_phrasing(text: str) -> None:
    assert decision_in(text) is None


def test_entries_after_a_line_introducing_agreements_are_decisions() -> None:
    p = protokollkit.read(
        "# Netzwerktreffen 23.10.2024\n\n## Dialog\n\n"
        "Wir sprechen über Öffentlichkeitsarbeit. Es wird sich auf folgendes geeinigt:\n\n"
        "**Kommunikation:**\n\n- Ein Mailverteiler wird angelegt\n- Eine Karte wird erstellt\n\n"
        "Danach gibt es Kaffee und Kuchen für alle Anwesenden im Hof.\n\n- Der Hof ist schön\n",
        "markdown",
    )
    points = p.items[0].blocks[0].points
    decided = [q.text for q in points if q.decision is not None and q.kind == "bullet"]
    assert decided == ["Ein Mailverteiler wird angelegt", "Eine Karte wird erstellt"]


@pytest.mark.parametrize(
    "text",
    [
        "Es wurde noch nicht entschieden, ob der Markt stattfindet.",
        "Frau Kranz nimmt an der Sitzung teil und bringt Kuchen an.",
        "Wühlmäuschen nimmt am Weihnachtsmarkt teil",
        "Die Stadt spricht sich für den Ausbau aus",
    ],
)
def test_no_decision(text: str) -> None:
    assert decision_in(text) is None


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Woche gestreckt. Florian übernimmt die Anpassung bis Freitag.", ("Florian",)),
        ("Abrechnung soll ins Wiki (Okan macht Eintrag)", ("Okan",)),
        ("Pia, Theo, Jannik kümmern sich", ("Pia", "Theo", "Jannik")),
        ("Jannik baut das Anmeldeformular bis Dezember", ("Jannik",)),
        ("JR erklärt sich bereit das Testkonzept zu verfassen", ("JR",)),
        ("Einweisungstermine planen – Mareike", ("Mareike",)),
        # two full names joined by "und"; passing something on is a task
        ("Monika Aigner und Sabine Pledl übernehmen die Einladungen.",
         ("Monika Aigner", "Sabine Pledl")),
        ("Franz Eichinger gibt die Anfrage an die Kirchenverwaltung weiter.",
         ("Franz Eichinger",)),
        ("Der Bürgermeister gibt die Meldung an das Bayernwerk weiter.", ("Bürgermeister",)),
    ],
)  # fmt: skip
def test_tasks_with_owners(text: str, owners: tuple[str, ...]) -> None:
    task = task_in(text, NOBODY, None)
    assert task is not None
    assert task.owners == owners


@pytest.mark.parametrize(
    "text",
    [
        "Das macht Sinn.",
        "Es macht Spaß, hier zu sein.",
        "Wir machen weiter wie bisher.",
        "Es gibt keine weiteren Fragen.",
        "Das gibt es so nicht weiter.",
    ],
)
def test_no_task(text: str) -> None:
    assert task_in(text, NOBODY, None) is None


def test_items_titled_todos_in_any_spelling_make_tasks() -> None:
    for title in ("ToDo's", "To-Dos", "Todo-Liste", "Wer macht was?"):
        text = f"Protokoll 01.02.2024\n\nTOP 1 {title}\n\n- Ben: Schlüssel abholen\n"
        (point,) = protokollkit.read(text).all_points()
        assert point.task is not None and point.task.owners == ("Ben",), title


def test_attendance_as_list_entries_with_guests() -> None:
    text = (
        "# Protokoll 18.01.24\n\n* Anwesend: Hanne, Mirko, Pia (Gast)\n* Protokoll: Bastian\n\n"
        "## 1. Organisatorisches\n\n* Wo trifft sich der FSR?\n"
    )
    p = protokollkit.read(text, "markdown")
    assert [x.name for x in p.participants] == ["Hanne", "Mirko"]
    assert [x.name for x in p.attendance_of("guests")] == ["Pia"]
    assert p.meta_value("minute_taker") == "Bastian"
    assert [i.title for i in p.items] == ["Organisatorisches"]


def test_attendance_heading_with_sub_headings() -> None:
    text = (
        "# Protokoll 13.11.2018\n\n### **Anwesenheit**\n##### Team\n> Jonas Riedel  \n"
        "> Clara Wendt\n\n##### Betreuer\n> Tobias Reuter\n\n### 1. Themen\n\n- eins\n"
    )
    p = protokollkit.read(text, "markdown")
    assert [(g.label, [x.name for x in g.people]) for g in p.attendance] == [
        ("Team", ["Jonas Riedel", "Clara Wendt"]),
        ("Betreuer", ["Tobias Reuter"]),
    ]
    assert [i.title for i in p.items] == ["Themen"]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_metadata_with_a_dash() -> None:
    p = protokollkit.read(
        "Protokoll 13.11.2018\n\nOrt - P502\nProtokollführer – Jonas\n\nTOP 1 A\n"
    )
    assert p.meta_value("place") == "P502"
    assert p.meta_value("minute_taker") == "Jonas"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Protokoll 14.01.2019 12:15 - 13:45\n\nTOP 1 A\n\n- x\n", "12:15", "13:45"),
        (
            "Protokoll 01.02.2020\n\nTOP 1 A\n\n- Die Sitzung ging ca. drei Stunden von 18:15"
            " bis 21:20\n",
            "18:15",
            "21:20",
        ),
        (
            "Protokoll 01.02.2020\n\nTOP 1 A\n\n- Die Sitzung wird um 19:05 Uhr eröffnet.\n"
            "- Der Markt endet um 18 Uhr.\n- Ende der Sitzung um 21:10 Uhr\n",
            "19:05 Uhr",
            "21:10 Uhr",
        ),
        (
            "Protokoll 04.03.2020\n\n1 Begrüßung\n\nTara begrüßte alle und begann die Sitzung"
            " um 17 Uhr.\n\n2 Ende\n\nFrau Dr. Albrecht schloss die Sitzung um 18:05 Uhr.\n",
            "17 Uhr",
            "18:05 Uhr",
        ),
        (
            "Netzwerktreffen 19.02.2020\nZiel des Treffens\nAustausch zu den Angeboten im ersten"
            " Halbjahr, Planung des Familienfests\nZeit: 09:30- 11:15 Uhr\nOrt: Familienzentrum\n"
            "\nHauptpunkte\nDas Elterncafé wird ab März auch donnerstags angeboten.\n",
            "09:30",
            "11:15 Uhr",
        ),
        (
            "Bericht 13.11.2019\n\nAm 13. November 2019 um 19:00 Uhr fanden sich 34 Mitglieder"
            " ein.\n\nBeginn der Mitgliederversammlung ist 19:10 Uhr.\n",
            "19:00 Uhr",
            None,
        ),
    ],
)
def test_start_and_end_from_title_or_sentence(text: str, start: str, end: str | None) -> None:
    p = protokollkit.read(text)
    assert (p.meta_value("start"), p.meta_value("end")) == (start, end)
    assert p.date is not None and p.date.year in (2019, 2020)
    assert isinstance(p.date, dt.date)


def test_multimarkdown_metadata_is_front_matter() -> None:
    text = (
        "Title: Frühling 2019 Treffen\nSlug: 2019-03-30-treffen\nDate: 2019-03-30\n\n"
        "# Treffen März 2019 (Werkstatt)\n\nOrt:\nWerkstatt 23\nMühlegasse 7\n\n"
        "## Vorstellungsrunde\n\n* alle stellen sich vor\n"
    )
    p = protokollkit.read(text, "markdown")
    assert p.title == "Treffen März 2019 (Werkstatt)"
    assert p.meta_value("place") == "Werkstatt 23, Mühlegasse 7"
    assert [i.title for i in p.items] == ["Vorstellungsrunde"]
    assert p.date == dt.date(2019, 3, 30)


def test_agenda_printed_before_the_minutes() -> None:
    text = (
        "Niederschrift über die 18. Sitzung am 18.05.2016\n\nTagesordnung (öffentlich)\n\n"
        "1. Regularien\n\n1.1 Feststellung der Tagesordnung\n\n2. Eingaben\n\n"
        "Die Sitzung wird eröffnet.\n\n1. Regularien\n\n"
        "zu TOP 1.1\nFeststellung der Tagesordnung\n\n"
        "Die Tagesordnung wird einstimmig festgestellt.\n\n2. Eingaben\n\n- keine\n"
    )
    p = protokollkit.read(text)
    assert p.agenda == ("Regularien", "Feststellung der Tagesordnung", "Eingaben")
    assert [(i.title, [s.title for s in i.items]) for i in p.items] == [
        ("Regularien", ["Feststellung der Tagesordnung"]),
        ("Eingaben", []),
    ]
    (decision,) = p.decisions()
    assert decision.decision is not None and decision.decision.unanimous
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_lettered_attendance_groups_with_roles() -> None:
    text = (
        "Niederschrift 18.05.2016\n\nAnwesend:\n\na) Mitglieder:\n\nDr. Anna Brandt Vorsitzende\n"
        "Uwe Graf ab TOP 2\n\nb) Verwaltung\n\nSimone Hart StA 33, Schriftführerin\n\n"
        "TOP 1 Eingaben\n\n- keine\n"
    )
    p = protokollkit.read(text)
    groups = [(g.label, [(x.name, x.affiliation) for x in g.people]) for g in p.attendance]
    assert groups == [
        ("Mitglieder", [("Dr. Anna Brandt Vorsitzende", None), ("Uwe Graf", "ab TOP 2")]),
        ("Verwaltung", [("Simone Hart StA 33", "Schriftführerin")]),
    ]
    assert p.meta_value("minute_taker") == "Simone Hart StA 33"
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Die nächste Sitzung der Gemeindevertretung findet am 22. Mai 2014 statt.", "2014-05-22"),
        (
            "Das 5. Meeting mit der Betreuerin findet am Do. 18.05.14 um 10:00 Uhr statt.",
            "2014-05-18",
        ),
    ],
)
def test_next_meeting_named_with_its_body_or_number(sentence: str, date: str) -> None:
    p = protokollkit.read(f"Protokoll 27.03.2014\n\nTOP 1 Termine\n\n{sentence}\n")
    assert p.next_meeting is not None and str(p.next_meeting.date) == date


def test_council_attendance_with_legend_and_groups() -> None:
    text = (
        "Sitzung des Bezirksrates am 12.06.2017\n\nAnwesend:\n(verhindert waren)\n\n"
        "(Bezirksbürgermeisterin Gerd) (SPD)\nBezirksratsherr Albers (SPD)\n"
        "Bezirksratsfrau Lüders (SPD) 19.00 - 20.30 Uhr\n"
        "Bezirksratsfrau Nolte (Grüne) Bezirksratsherr Ohm (SPD)\n\n"
        "Verwaltung:\nFrau Reinholz Stadtplanung\n\nTOP 1 Eröffnung\n\n- eröffnet\n"
    )
    p = protokollkit.read(text)
    assert [x.name for x in p.participants] == [
        "Bezirksratsherr Albers",
        "Bezirksratsfrau Lüders",
        "Bezirksratsfrau Nolte",
        "Bezirksratsherr Ohm",
    ]
    assert [x.name for x in p.attendance_of("excused")] == ["Bezirksbürgermeisterin Gerd"]
    assert [(g.label, len(g.people)) for g in p.attendance if g.kind == "present"] == [
        ("Verwaltung", 1)
    ]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_several_labels_on_one_line() -> None:
    text = (
        "Protokoll Vorstand\nWas: Kreisverband Lindenfeld - Vorstand Ort: Geschäftsstelle"
        " Datum: 08.02.2024 Uhrzeit: 19:40 - Versammlungsleiter: Jonas Brock"
        " Protokoll: Mareike Tews\n\nTOP 1 A\n"
    )
    p = protokollkit.read(text)
    assert [(f.label, f.value) for f in p.meta] == [
        ("Was", "Kreisverband Lindenfeld - Vorstand"),
        ("Ort", "Geschäftsstelle"),
        ("Datum", "08.02.2024"),
        ("Uhrzeit", "19:40"),
        ("Versammlungsleiter", "Jonas Brock"),
        ("Protokoll", "Mareike Tews"),
    ]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("Begrüßung durch die Vorsitzende Lea Brunn. Danach Grußworte.", "chair", "Lea Brunn"),
        ("Um 21:50 Uhr schloss Jochen Baum die Versammlung.", "end", "21:50 Uhr"),
        ("Beginn 19.00 Uhr", "start", "19.00 Uhr"),
        ("Es moderierte wie immer Katrin Haase.", "chair", "Katrin Haase"),
        # the chair greeting the members, opening with the verb first, elected or greeting
        (
            "Martin Seibert begrüßte die Vereinsmitglieder und die Gäste und stellte die"
            " Beschlussfähigkeit fest.",
            "chair",
            "Martin Seibert",
        ),
        ("Frau Schütt begrüßt alle anwesenden Ortsbeiratsmitglieder.", "chair", "Frau Schütt"),
        ("Danach eröffnet Frau Dir. Rainer die Sitzung.", "chair", "Rainer"),
        (
            "Dann eröffnete Synodenpräsident Hinrich Ahlers die Beratungen.",
            "chair",
            "Hinrich Ahlers",
        ),
        (
            "Dann wurde die Generalversammlung durch die Aufsichtsratsvorsitzende Helena Wirth"
            " eröffnet.",
            "chair",
            "Helena Wirth",
        ),
        (
            "Die Sitzung wird vom Bezirksbürgermeister - Herrn Dr. Bräutigam - eröffnet.",
            "chair",
            "Herrn Dr. Bräutigam",
        ),
        (
            "Hierzu konnte um 19.00 Uhr der Vereinsvorsitzende Jens Kröger 43 Mitglieder begrüßen.",
            "chair",
            "Jens Kröger",
        ),
        (
            "Hierzu konnte um 19.00 Uhr der Vereinsvorsitzende Jens Kröger 43 Mitglieder begrüßen.",
            "start",
            "19.00 Uhr",
        ),
        (
            "Es werden Malte Ort als Versammlungsleiter und als Protokollant Pit bestimmt.",
            "chair",
            "Malte Ort",
        ),
        (
            "Es werden Malte Ort als Versammlungsleiter und als Protokollant Pit bestimmt.",
            "minute_taker",
            "Pit",
        ),
        ("Als Versammlungsleiter wird Rainer Hofmann gewählt.", "chair", "Rainer Hofmann"),
        (
            "Am 12. März konnte Dietmar Overbeck als erster Vorsitzender 34 Mitglieder begrüßen.",
            "chair",
            "Dietmar Overbeck",
        ),
        (
            "Die Versammlung wählt Mauersegler bei einer Enthaltung zum Protokollführer.",
            "minute_taker",
            "Mauersegler",
        ),
        (
            "Das Protokoll wurde vom Schriftführer Peter Hall verlesen.",
            "minute_taker",
            "Peter Hall",
        ),
        # the time: a span with both labels, a span alone on its line, the start after a comma,
        # the end after thanks or as a time-stamped entry
        ("Beginn und Ende der Versammlung:    15:05 Uhr bis 16:50 Uhr", "start", "15:05 Uhr"),
        ("Beginn und Ende der Versammlung:    15:05 Uhr bis 16:50 Uhr", "end", "16:50 Uhr"),
        ("Von 18:30 Uhr bis 21:10 Uhr", "start", "18:30 Uhr"),
        ("18:00 Uhr bis 20:35 Uhr", "end", "20:35 Uhr"),
        ("am 01.02.2024 im Saal, Beginn: 10:00 Uhr", "start", "10:00 Uhr"),
        (
            "Um 21:40 Uhr bedankte sich Martin Seibert bei allen und beendete die Versammlung.",
            "end",
            "21:40 Uhr",
        ),
        ("17:20 Uhr: Ronja Weidlich verabschiedet die Versammlung.", "end", "17:20 Uhr"),
        # the place right after the meeting's date
        (
            "am 01.02.2024 im Saal der Gaststätte „Zur Linde“, Beginn: 10:00 Uhr",
            "place",
            "Saal der Gaststätte „Zur Linde“",
        ),
        (
            "Sitzung am 01.02.2024 um 19:00 Uhr im Bürgersaal der Alten Kelter, Lauterbach",
            "place",
            "Bürgersaal der Alten Kelter",
        ),
        (
            "am Donnerstag, 1. Februar 2024 im Feuerwehrhaus in Lingenau.",
            "place",
            "Feuerwehrhaus in Lingenau",
        ),
        ("Fest am 02.07. ab 14 Uhr auf dem Schulhof", "place", None),
        ("Am 1. Februar 2024, in der Zeit von 17.00 bis 18.10 Uhr", "place", None),
        (
            "Die Akten liegen ab 01.02.2024 im Pfarramt aus und können dort eingesehen werden.",
            "place",
            None,
        ),
    ],
)
def test_metadata_in_sentences(sentence: str, kind: str, value: str | None) -> None:
    p = protokollkit.read(f"Protokoll 01.02.2024\n\n{sentence}\n\nTOP 1 A\n\n- x\n")
    assert p.meta_value(kind) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("closing", "minute_taker"),
    [
        ("gez. Lea Brunn                 gez. Johanna Pfaff", "Johanna Pfaff"),
        ("Für das Protokoll: Frau Jansen", "Frau Jansen"),
    ],
)
def test_minute_taker_signing_the_minutes(closing: str, minute_taker: str) -> None:
    text = (
        "Protokoll 01.02.2024\n\nBegrüßung durch die Vorsitzende Lea Brunn.\n\nTOP 1 A\n\n"
        f"- x\n\n{closing}\n"
    )
    assert protokollkit.read(text).meta_value("minute_taker") == minute_taker


def test_an_empty_label_names_no_place() -> None:
    p = protokollkit.read("Protokoll 01.02.2024\nOrt:\nZeit:\n\nTOP 1 A\n\n- x\n")
    assert p.meta_value("place") is None


def test_group_of_titled_people_and_notes_instead_of_names() -> None:
    text = (
        "Protokoll der Quartiersratsitzung\nDatum: 25.04.2024\n"
        "Anwesende QR: siehe Anwesenheitsliste im Anhang\nQM: Frau Okafor, Herr Tamm\n"
        "TOP 1\nBegrüßung\nHerr Wolters übernimmt kurzfristig die Moderation der Sitzung.\n"
        "TOP 2\nTermine\nNächste QR-Sitzung: 30.05.2024, 18.30 Uhr\n"
    )
    p = protokollkit.read(text)
    assert p.participants == ()
    assert [(g.label, [x.name for x in g.people]) for g in p.attendance] == [
        ("QM", ["Frau Okafor", "Herr Tamm"])
    ]
    assert [i.title for i in p.items] == ["Begrüßung", "Termine"]
    assert p.meta_value("chair") == "Herr Wolters"
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2024, 5, 30)


def test_wiki_page_without_its_headings() -> None:
    lines = [
        "2024-02-08 - Protokoll Vorstand", "Inhaltsverzeichnis", "- 1 Anwesend",
        "- 2 Versammlungsleiter", "- 3 Themen", "Anwesend", "- Jonas Brock", "- Mareike Tews",
        "Abwesend", "- Bernd Rehl", "Versammlungsleiter", "Jonas Brock", "Themen",
        "- Stammtisch [https://example.org/s]",
    ]  # fmt: skip
    text = "\n".join(lines) + "\n"
    p = protokollkit.read(text)
    assert p.agenda == ("Anwesend", "Versammlungsleiter", "Themen")
    assert [x.name for x in p.participants] == ["Jonas Brock", "Mareike Tews"]
    assert [x.name for x in p.attendance_of("absent")] == ["Bernd Rehl"]
    assert p.meta_value("chair") == "Jonas Brock"
    assert [link.target for point in p.all_points() for link in point.links] == [
        "https://example.org/s"
    ]


def test_attendance_list_with_a_role_per_entry() -> None:
    lines = [
        "# Protokoll Community Meeting 14.3.2024", "", "Anwesend:", "* Lukas, Kernteam",
        "* Reto, Kernteam", "* Mirjam, Pfadi Seeland seit Anfang an dabei", "", "## 1. Ziele",
        "", "* Kernteam erarbeitet x",
    ]  # fmt: skip
    text = "\n".join(lines) + "\n"
    p = protokollkit.read(text, "markdown")
    assert [(x.name, x.affiliation) for x in p.participants] == [
        ("Lukas", "Kernteam"),
        ("Reto", "Kernteam"),
        ("Mirjam", "Pfadi Seeland seit Anfang an dabei"),
    ]


def test_metadata_as_entries_of_the_opening_item() -> None:
    lines = [
        "## Protokoll vom 10.05.2023", "", "## Top 0: Regularia", "", "- Redeleitung: Chiara",
        "- Protokoll: Jonas Wendt", "- ** Geplante Beginnzeit:** 18:00 Uhr",
        "- ** Tatsächliche Beginnzeit:** 18:15 Uhr", "- Endzeit: 20:02", "",
        "## Top 1: Berichte", "", "- Protokoll: wird nachgereicht",
    ]  # fmt: skip
    p = protokollkit.read("\n".join(lines) + "\n", "markdown")
    assert p.meta_value("chair") == "Chiara"
    assert p.meta_value("minute_taker") == "Jonas Wendt"
    assert p.meta_value("start") == "18:15 Uhr"
    assert p.meta_value("end") == "20:02"
    assert [len(i.blocks[0].points) for i in p.items] == [5, 1]  # the entries stay content


@pytest.mark.parametrize(
    ("content", "text", "date"),
    [
        (
            "- Die nächste Mitgliederversammlung findet im Frühjahr 2025 statt.",
            "Die nächste Mitgliederversammlung findet im Frühjahr 2025 statt.",
            None,
        ),
        (
            "Der Bgm dankt allen. Die nächste Sitzung der Gv findet am 22.02.2024 statt.",
            "Der Bgm dankt allen. Die nächste Sitzung der Gv findet am 22.02.2024 statt.",
            dt.date(2024, 2, 22),
        ),
        ("  * 14.01.2024 nächstes Treffen, da", "14.01.2024 nächstes Treffen, da",
         dt.date(2024, 1, 14)),
        ("Herr Brandt weist auf die nächste Sitzung am 11.01.2024 hin und schließt die Sitzung.",
         "Herr Brandt weist auf die nächste Sitzung am 11.01.2024 hin und schließt die Sitzung.",
         dt.date(2024, 1, 11)),
        ("Frau Roth teilt mit, dass die nächste Sitzung des Ausschusses am 16.01.2024 stattfinde.",
         "Frau Roth teilt mit, dass die nächste Sitzung des Ausschusses am 16.01.2024 stattfinde.",
         dt.date(2024, 1, 16)),
        # a later sentence of the paragraph: its own date, a month alone invents no day
        ("Lea übernimmt das bis Ende Januar. Die nächste Versammlung soll im Mai 2024 stattfinden.",
         "Lea übernimmt das bis Ende Januar. Die nächste Versammlung soll im Mai 2024 stattfinden.",
         None),
        ("Der Basar ist am 14. Dezember. Die nächste Sitzung findet am 5. Januar 2024 statt.",
         "Der Basar ist am 14. Dezember. Die nächste Sitzung findet am 5. Januar 2024 statt.",
         dt.date(2024, 1, 5)),
        ("„Wir sind zufrieden. Das nächste Kiezforum ist für den 25. Juni 2024 geplant.“",
         "„Wir sind zufrieden. Das nächste Kiezforum ist für den 25. Juni 2024 geplant.“",
         dt.date(2024, 6, 25)),
        # adjectives between "nächste" and the meeting; a day without year after the meeting's
        ("Das nächste und vorerst letzte Treffen findet am 10.01. statt.",
         "Das nächste und vorerst letzte Treffen findet am 10.01. statt.",
         dt.date(2024, 1, 10)),
        # inside any sentence: "das nächste Treffen am <day>"
        ("Das Thema für das nächste Treffen am 5.01. (19 Uhr) steht fest: Wohnen.",
         "Das Thema für das nächste Treffen am 5.01. (19 Uhr) steht fest: Wohnen.",
         dt.date(2024, 1, 5)),
    ],
)  # fmt: skip
def test_next_meeting_in_more_sentences(content: str, text: str, date: dt.date | None) -> None:
    p = protokollkit.read(f"Protokoll 14.12.2023\n\nTOP 1 Verschiedenes\n\n{content}\n")
    assert p.next_meeting is not None
    assert (p.next_meeting.text, p.next_meeting.date) == (text, date)


@pytest.mark.parametrize(
    "content",
    [
        "Die nächste Frage zur Sitzung am 20.12.2023 stellt Frau Roth.",
        "Für die nächste Woche am 18.12. ist ein Putztag geplant.",
        "Frau Roth berichtet. Im Mai 2024 soll das Fest stattfinden.",
        "Die letzte Sitzung fand am 5.12. statt. Die nächste Frage betrifft den Haushalt.",
    ],
)
def test_no_next_meeting_in_sentences(content: str) -> None:
    p = protokollkit.read(f"Protokoll 14.12.2023\n\nTOP 1 Verschiedenes\n\n{content}\n")
    assert p.next_meeting is None


def test_next_meeting_without_year_takes_the_year_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2017-06-11-treffen.md"
    path.write_text(
        "# Treffen\n\n## Themen\n\n* Flyer\n\n## Nächstes Treffen\nMontag, 19.06., 19 Uhr\n"
    )
    p = protokollkit.read(path)
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2017, 6, 19)


def test_reported_speech_names_the_speaker() -> None:
    text = (
        "Protokoll 04.09.2024\n\nTOP 1 Berichte\n\n"
        "Frau Okafor berichtet über das Programm der Interkulturellen Woche.\n\n"
        "Herr Brandes (Verwaltung) schlägt vor, die Sitzungen per Video abzuhalten.\n\n"
        "Der Integrationsrat benennt einstimmig Frau Okafor.\n"
    )
    p = protokollkit.read(text)
    assert [(s.name, s.affiliation) for s in p.speakers()] == [
        ("Frau Okafor", None),
        ("Herr Brandes", "Verwaltung"),
    ]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_initials_above_their_points_right_under_the_title_are_speakers() -> None:
    text = "# Wer ist wodran?\n\nKB:\n- Artikel fertig\n\nRM:\n- Umfrage vorbereitet\n"
    p = protokollkit.read(text, "markdown")
    speakers = [b.speaker.name if b.speaker else None for b in p.preamble]
    assert speakers == ["KB", "RM"]


def test_attendance_named_in_sentences() -> None:
    text = (
        "# Bericht vom 04.03.2024\n\n"
        "Wir waren beschlussfähig. Die anwesenden Mitglieder waren Ida, Jan, Mo und Lea. "
        "Entschuldigt haben sich Tim und Ute.\n\n"
        "Ida begrüßte alle und begann die Sitzung um 17 Uhr.\n\n"
        "Der Kassenwart Max Roth ließ sich entschuldigen.\n"
    )
    p = protokollkit.read(text, "markdown")
    assert [x.name for x in p.present()] == ["Ida", "Jan", "Mo", "Lea"]
    assert [x.name for x in p.attendance_of("excused")] == ["Tim", "Ute", "Kassenwart Max Roth"]
    assert p.meta_value("chair") == "Ida"
    assert p.participants == ()  # the sentences stay content
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    "sentence",
    [
        "Anwesend waren 16 Mitglieder.",
        "Es fehlten noch die Unterlagen zum Haushalt.",
        "Die Sitzung wird von Lea geleitet und hat sich entschuldigt bei allen.",
    ],
)
def test_no_attendance_in_ordinary_sentences(sentence: str) -> None:
    p = protokollkit.read(f"Protokoll 04.03.2024\n\n{sentence}\n\nTOP 1 Bericht\n\n- x\n")
    assert p.listed_present() == () and p.attendance_of("absent") == ()
    assert p.attendance_of("excused") == ()


def test_without_attendance_those_who_took_part_are_present() -> None:
    """No list and no sentence of those present: the chair, the minute-taker, speakers and
    owners of tasks named in full took part; nobody is made a participant of the model."""
    text = (
        "Protokoll der Jahreshauptversammlung 14.03.2025\n\n"
        "Sabine Kortmann eröffnet um 19.35 Uhr die Jahreshauptversammlung.\n\n"
        "TOP 1 Kassenbericht\n\n"
        "Kassier Bernd Auer trägt den Kassenbericht vor.\n\n"
        "Die Kassenprüfer empfehlen die Entlastung. Grüße vom Landesverband.\n\n"
        "- Festschrift drucken – Jana Wolf bis 30.04.\n"
    )
    p = protokollkit.read(text)
    assert [x.name for x in p.present()] == ["Sabine Kortmann", "Bernd Auer", "Jana Wolf"]
    assert p.participants == () and p.listed_present() == ()
    listed = protokollkit.read(text.replace("\n\nSabine", "\n\nAnwesend: Ute Brandt\n\nSabine"))
    assert [x.name for x in listed.present()] == ["Ute Brandt"]


def test_council_columns_of_names_read_back() -> None:
    text = (
        "Niederschrift über die Sitzung des Beirates am 14.02.2024\n\n"
        "Vom Beirat anwesend: Vorsitzender: Gerd Albers\nWeiter die Mitglieder :\n"
        "Reinhard Dose Dr. Marlies Ebert\nAnna Maria Schulte\nAbgesagt haben: Horst Jansen\n\n"
        "TOP 1: Eröffnung\n\nDer Vorsitzende eröffnet die Sitzung.\n"
    )
    p = protokollkit.read(text)
    assert [x.name for x in p.present()] == [
        "Gerd Albers", "Reinhard Dose", "Dr. Marlies Ebert", "Anna Maria Schulte",
    ]  # fmt: skip
    assert p.meta_value("chair") == "Gerd Albers"
    assert [x.name for x in p.attendance_of("excused")] == ["Horst Jansen"]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        ("Frau Lüdtke vom Stadtteilzentrum stellt die Planungen vor.", "Frau Lüdtke",
         "Stadtteilzentrum"),
        ("Herr Sadiku von der Fachverwaltung weist darauf hin, dass …", "Herr Sadiku",
         "Fachverwaltung"),
        ("Von Frau Yilmaz erfolgen nochmals allgemeine Informationen.", "Frau Yilmaz", None),
        ("Kassierer Frank Pauly trug den Kassenbericht vor.", "Frank Pauly", "Kassierer"),
        ("Präsident Walter Schanz eröffnet die Versammlung.", "Walter Schanz", "Präsident"),
        ("Frau Nehls begründet den Antrag der Fraktion.", "Frau Nehls", None),
    ],
)  # fmt: skip
def test_more_reported_speech(text: str, name: str, affiliation: str | None) -> None:
    speaker = inline_speaker(text, NOBODY)
    assert speaker is not None
    assert (speaker.name, speaker.affiliation) == (name, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "Kinder Jugendliche Eltern Familien berichten gemeinsam.",
        "Vom Vorstand erfolgen keine Einwände.",
        "Neue Mitglieder Anna Berg stellt sich vor.",
        "Mitglied Der Verein stellt fest, dass …",
    ],
)
def test_no_reported_speech(text: str) -> None:
    assert inline_speaker(text, NOBODY) is None


TEAM = ParticipantIndex(
    (Person("Rosa Walser"), Person("Kilian Stark"), Person("Josef Reischl"), Person("Ottilie"))
)


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        # an office, its abbreviation or a title before the name; a first name after the office
        ("RF Könemann bittet um Auskunft, ob das geplant sei.", "RF Könemann", None),
        ("FBL Harms führt aus, dass der Beirat formlos gewählt werde.", "FBL Harms", None),
        ("Ratsmitglied Carina Dörr fragt nach dem Sachstand.", "Carina Dörr", "Ratsmitglied"),
        ("Gemeinderätin Sabine Beck fragt, ob die Straße gesperrt wird.",
         "Sabine Beck", "Gemeinderätin"),
        ("Pfr. Wimmer erläutert das Schutzkonzept.", "Pfr. Wimmer", None),
        ("Frau Haddad wendet ein, dass vier Sitzungen zu wenig seien.", "Frau Haddad", None),
        # a participant by first name, a full name; the verb before a comma
        ("Kilian bittet, ob die Ministranten mithelfen können.", "Kilian", None),
        ("Franz Eichinger gibt die Anfrage weiter.", "Franz Eichinger", None),
        # a later sentence or clause, the sentence after a topic label
        ("Das Fest am 21. Juli war gut besucht. Josef Reischl berichtet, dass Helfer fehlten.",
         "Josef Reischl", None),
        ("Die Gruppe hatte zu wenige Kinder; Rosa schlägt vor, Firmlinge zu fragen.", "Rosa", None),
        ("Hochbeete für Ältere: Ottilie schlug vor, zwei Beete anzulegen.", "Ottilie", None),
        # the name between commas after the office, also with an office of its own
        ("Der Vorsitzende, Herr Feddersen, eröffnet die Sitzung.", "Herr Feddersen", "Vorsitzende"),
        ("Der Vorsitzende, Ortsbürgermeister Markus Engel, eröffnet um 19.30 Uhr die Sitzung.",
         "Ortsbürgermeister Markus Engel", "Vorsitzende"),
        # a sentence after one that ends with a year
        ("Der Verein beantragt einen Zuschuss für 2025. Ratsmitglied Ingrid Hamm erläutert das.",
         "Ratsmitglied Ingrid Hamm", None),
        # the party in brackets after the titled name; a view held by someone
        ("Frau Soltau (CDU) sieht Handlungsbedarf im Bereich Alkohol.", "Frau Soltau", "CDU"),
        ("Für Herrn Gottschalk (SPD) ist es ein Strukturproblem, Kinder stören.",
         "Herr Gottschalk", "SPD"),
        ("Dies sieht auch Frau Schäfer so, es ist eine Folge des Wandels.", "Frau Schäfer", None),
    ],
)  # fmt: skip
def test_speakers_in_sentences(text: str, name: str, affiliation: str | None) -> None:
    speaker = inline_speaker(text, TEAM)
    assert speaker is not None
    assert (speaker.name, speaker.affiliation) == (name, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "Antrag: Die Gruppe bittet um einen Zuschuss.",  # a label, no person
        "Sachverhalt: Der Vorstand berichtet.",
        "Diese Woche gibt es keinen Termin.",
        "Elf Teilnehmer berichten.",
        "Breminale Es gab Anmerkungen zum Aufbau.",
        "Hier gibt es noch Bedarf. Sie erklärt sich bereit.",
        "Kassenbericht berichtet von Zahlen.",  # one word not known as a participant
        "Die Stadt informiert am 3. Mai. Weiterhin gibt es Kuchen.",
        "Der Verein, Die Linke, berichtet.",
        "Dies erklärt den Anstieg der Kosten.",  # (``Dies`` names nobody)
        "Für Frau und Kind ist es ein Angebot.",
    ],
)
def test_no_speaker_in_sentences(text: str) -> None:
    assert inline_speaker(text, TEAM) is None


def test_next_meeting_of_a_body_in_a_protocol_without_date() -> None:
    text = (
        "# Bericht von der Sitzung im Dezember 2024\n\n- Der Haushalt wurde beschlossen.\n"
        "- Ein Café öffnet im Januar.\n- Der Besuchsdienst wird fortgesetzt.\n"
        "- Die nächste Sitzung des Kirchenvorstands findet am 21. Januar 2025 statt.\n"
    )
    p = protokollkit.read(text, "markdown")
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2025, 1, 21)


@pytest.mark.parametrize(
    ("closing", "chair"),
    [
        ("Frau Dr. Albrecht schließt die Sitzung um 18:05 Uhr.", "Frau Dr. Albrecht"),
        ("Abschließend dankte die Ausschussvorsitzende Frau Hüttner den Gästen.", "Frau Hüttner"),
        ("Der Vorsitzende schließt die Sitzung.", None),
    ],
)
def test_chair_named_where_the_minutes_end(closing: str, chair: str | None) -> None:
    p = protokollkit.read(
        f"Protokoll 04.03.2020\n\nTOP 1 Bericht\n\n- x\n\nTOP 2 Ende\n\n{closing}\n"
    )
    assert p.meta_value("chair") == chair


def test_start_of_a_compound_meeting_word() -> None:
    p = protokollkit.read(
        "Protokoll 23.11.2020\n\nBeginn der Mitgliederversammlung ist 14:10 Uhr.\n"
    )
    assert p.meta_value("start") == "14:10 Uhr"


def test_capital_lettered_sub_items_read_back() -> None:
    text = (
        "Jahresbericht 2024\nProtokoll der Jahreshauptversammlung am 20.01.2024\n"
        "1. JAHRESBERICHTE\na) JAHRESBERICHT DES VORSITZENDEN\nEr blickt zurück.\n"
        "b) JAHRESBERICHT DER KASSE\nDie Kasse stimmt.\n2. VERSCHIEDENES\nNichts.\n"
    )
    p = protokollkit.read(text)
    assert [(i.number, i.title, len(i.items)) for i in p.items] == [
        (1, "JAHRESBERICHTE", 2),
        (2, "VERSCHIEDENES", 0),
    ]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_present_for_one_item_and_role_labels_in_the_list_read_back() -> None:
    text = (
        "Sitzung der Verbandsversammlung am 26.11.2024\n\nDen Verhandlungen wohnte noch bei:"
        " Herr Gräf, bei TOP 2 Frau Sauter (Kreisjugendamt), Schriftführerin: Frau Brand\n\n"
        "TOP 1: Bekanntgaben\n\nEs gibt keine Bekanntgaben.\n"
    )
    p = protokollkit.read(text)
    assert p.meta_value("minute_taker") == "Frau Brand"
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_flattened_task_table_reads_back() -> None:
    text = (
        "Protokoll 19.02.2025\n\n1 Planung\n\nAufgabe\nVerantwortlich\nDeadline\nStatus\n"
        "Stand beantragen\nJens Marx\n15.03.2025\noffen\n\n2 Sonstiges\n\n- nichts\n"
    )
    p = protokollkit.read(text)
    (task,) = p.tasks()
    assert task.task is not None and task.task.owners == ("Jens Marx",)
    assert task.task.due == dt.date(2025, 3, 15)
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_bare_item_numbers_with_the_title_after_a_blank_line_read_back() -> None:
    text = Path(__file__).parent.joinpath("fixtures", "cases", "layout.txt").read_text("utf-8")
    start = text.index("Protokoll\nSitzung des Regionalausschusses Nord")
    p = protokollkit.read(text[start : text.index("\n.\n", start)] + "\n")
    assert [i.title for i in p.items][:2] == [
        "Öffentliche Fragestunde",
        "22-1047 Sommerprogramm im Quartier (Referierende: Nachbarschaftshaus)",
    ]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_next_meeting_beside_the_time_in_the_header_reads_back() -> None:
    text = (
        "Protokoll 19.02.2024\nZeit: 20:05 Uhr | Nächstes Treffen: 04.03.2024\n\nTOP 1 A\n\n- x\n"
    )
    p = protokollkit.read(text)
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2024, 3, 4)
    assert p.meta_value("start") == "20:05 Uhr"
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("text", "owners", "due"),
    [
        ("Frau Roth berichtet. Die Verwaltung sagt zu, die Flyer bis zum 13.09.2024 zu"
         " verschicken.", ("Verwaltung",), dt.date(2024, 9, 13)),
        ("Herr Jessen fragt nach. Der Bgm sagt zu, dies bis Ende Januar zu klären.", ("Bgm",),
         dt.date(2025, 1, 31)),
        ("Das Bezirksamt wird gebeten, bis zur Sitzung am 11.06.2024 einen Vorschlag vorzulegen.",
         ("Bezirksamt",), dt.date(2024, 6, 11)),
        ("Der Vorstand bittet Henning, den Vertrag zu unterschreiben.", ("Henning",), None),
        ("Die Woche geht vom 22. bis 29.09.2024. Lea kümmert sich bis 20.09.2024 um Flyer.",
         ("Lea",), dt.date(2024, 9, 20)),
        ("Sascha bittet alle Aktiven, sich bis Ende Februar für die Übung einzutragen.", (),
         dt.date(2025, 2, 28)),
    ],
)  # fmt: skip
def test_tasks_of_offices_and_requests(
    text: str, owners: tuple[str, ...], due: dt.date | None
) -> None:
    task = task_in(text, NOBODY, dt.date(2024, 5, 14))
    assert task is not None
    assert (task.owners, task.due) == (owners, due)


@pytest.mark.parametrize(
    "text",
    [
        "Der Elternbeirat stimmt einstimmig dafür, 400 € für Bücher zu verwenden.",
        "Die Gemeindevertretung (Gv) stimmt jeweils einstimmig den unter a-c genannten Änderungen"
        " zu.",
        "Der Tagesordnung wird in der vorliegenden Form zugestimmt.",
        "Es gab einen Gewinn.  Die Versammlung beschloss einstimmig die Entlastung des Vorstands.",
        "Die Erweiterung wird einvernehmlich befürwortet.",
        "Herr Brandes schlägt vor, per Video zu tagen. Die Mitglieder stimmen dem Vorschlag zu.",
        "Der Ausschuss bewilligt dem Förderverein einen Zuschuss von 2.500 €.",
    ],
)
def test_more_decisions_of_a_body(text: str) -> None:
    decision = decision_in(text)
    assert decision is not None and decision.result == "accepted"


@pytest.mark.parametrize(
    "text", ["Das stimmt so nicht, sagt Lea.", "Die Zahlen stimmen nicht.", "Die Kasse stimmt."]
)
def test_agreeing_words_that_decide_nothing(text: str) -> None:
    assert decision_in(text) is None


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("Josef Kuhn eröffnete gegen 20:00 Uhr die Jahreshauptversammlung des Vereins.", "chair",
         "Josef Kuhn"),
        ("Josef Kuhn eröffnete gegen 20:00 Uhr die Jahreshauptversammlung des Vereins.", "start",
         "20:00 Uhr"),
        ("Herr Lorenz eröffnet die Mitgliederversammlung und stellt die Beschlussfähigkeit fest.",
         "chair", "Herr Lorenz"),
        ("Redeleitung übernimmt Jonte Albers", "chair", "Jonte Albers"),
        ("Protokollführung übernimmt Svea Kroll", "minute_taker", "Svea Kroll"),
        ("Sie wird vom Vorsitzenden, Herrn Bürgermeister Kienzler, eröffnet.", "chair",
         "Herrn Bürgermeister Kienzler"),
        ("Öffentliche Sitzung, 19:00 Uhr bis 20:15 Uhr", "start", "19:00 Uhr"),
        ("Öffentliche Sitzung, 19:00 Uhr bis 20:15 Uhr", "end", "20:15 Uhr"),
        ("Am Mittwoch in der Zeit von 17.00 bis 18.10 Uhr begrüßten wir die Eltern zu unserer"
         " Elternversammlung.", "start", "17.00"),
    ],
)  # fmt: skip
def test_opening_sentence_and_session_line(sentence: str, kind: str, value: str) -> None:
    """The chair and start in the opening sentence (``X eröffnete gegen 20:00 Uhr die …``), a
    chair or minute taker taking over (``Redeleitung übernimmt X``), an unlabelled time span
    after the session's name or in ``in der Zeit von … bis …`` before the meeting's name."""
    p = protokollkit.read(f"Protokoll 01.02.2024\n\n{sentence}\n\nTOP 1 A\n\n- x\n")
    assert p.meta_value(kind) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Die Stadt eröffnet um 10 Uhr die neue Halle.", "start"),
        ("Die Ausstellung ist in der Zeit von 10.00 bis 18.00 Uhr geöffnet.", "start"),
        ("Nächste Sitzung, 19:00 Uhr bis 21:00 Uhr", "start"),
        ("Die Leitung übernimmt vorerst niemand.", "chair"),
    ],
)
def test_opening_sentence_near_misses(sentence: str, kind: str) -> None:
    """Not the meeting's chair or start: another thing opened, another time span, the next
    meeting's hours, no name after ``übernimmt``."""
    p = protokollkit.read(f"Protokoll 01.02.2024\n\n{sentence}\n\nTOP 1 A\n\n- x\n")
    assert p.meta_value(kind) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "result", "counts"),
    [
        ("Die Versammlung genehmigt die Änderung der Tagesordnung einstimmig (38, 0, 0).",
         "accepted", (38, 0, 0)),
        ("Der Vorstand wird bei Enthaltung der Vorstandsmitglieder entlastet (32, 0, 6).",
         "accepted", (32, 0, 6)),
        ("Das Protokoll wird einstimmig mit einer Enthaltung genehmigt (37, 0, 1).", "accepted",
         (37, 0, 1)),
        ("Antrag auf 300 €. Ja: 8 Nein: 0 Enth: 1", "accepted", (8, 0, 1)),
        ("Die Wahl verlief einstimmig (6 „ja“-Stimmen und 1 Enthaltung).", "accepted",
         (6, 0, 1)),
        ("Zur Kassiererin wird Petra Lüttich mit 58 von 63 abgegebenen Stimmen gewählt.",
         "accepted", (58, None, None)),
        ("Die Versammlung sprach sich für eine weitere Teilnahme aus.", "accepted",
         (None, None, None)),
        ("Die Versammlung stimmte mehrheitlich für die Beibehaltung der Uniform.", "accepted",
         (None, None, None)),
        ("In dieser Sitzung entschied der Kirchenvorstand, dass es einen Stimmbezirk gibt.",
         "accepted", (None, None, None)),
        ("Auch hier war eine starke Mehrheit der Versammlung dafür, dass gefeiert wird.",
         "accepted", (None, None, None)),
        ("Die Beratung wurde auf Antrag der Fraktion auf die nächste Sitzung vertagt.",
         "postponed", (None, None, None)),
        ("Abstimmungsergebnis: Einstimmiger Beschluss ( 27 Ja-Stimmen)", "accepted",
         (27, 0, None)),
    ],
)  # fmt: skip
def test_decisions_of_assemblies(
    text: str, result: str | None, counts: tuple[int | None, ...]
) -> None:
    """Tallies as a bare triple in brackets, ``Enth:``, a quoted ``„ja“``, a share of the votes;
    agreements of a body without the words of a resolution; a postponement."""
    decision = decision_in(text)
    assert decision is not None
    assert decision.result == result
    assert (decision.yes, decision.no, decision.abstain) == counts


@pytest.mark.parametrize(
    "text",
    [
        "Die Schulleiterin sprach sich für längere Pausen aus.",
        "Die Stadt entschied, dass gebaut wird.",
        "Die Mehrheit der Eltern ist berufstätig.",
        "Es kamen (12, 3, 4) Gäste aus drei Orten.",
        "Die Kinder stimmten ein Lied an.",
    ],
)
def test_decisions_of_assemblies_near_misses(text: str) -> None:
    """One person's opinion, a decision of someone outside the meeting, a majority that decides
    nothing, a bracketed triple without a vote, ``stimmten … an``."""
    assert decision_in(text) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Generalversammlung 2025\n\nAm 25.04.2025 fand die 173. Generalversammlung unseres"
         " Vereins statt.\nDer Vorstand wurde entlastet.\n", dt.date(2025, 4, 25)),
        ("Runder Tisch\n\nAm Dienstag, 11. März 2025, traf sich der Runde Tisch im Rathaus.\n",
         dt.date(2025, 3, 11)),
        ("Bericht vom Treffen\n\nAktuelles, Runde Tische\n\nAm 25.04.2025 trafen sich die"
         " Nachbarn im Café.\n", dt.date(2025, 4, 25)),
        ("Bericht\n\nAm 25.04.2025 beginnt der Umbau der Halle.\n", None),
        ("Bericht\n\nAm 17. Juni fand das Treffen statt.\n", None),
    ],
)  # fmt: skip
def test_date_in_a_reports_first_sentence(text: str, date: dt.date | None) -> None:
    """``Am DATE fand … statt``: the report's first sentence dates the meeting when its year is
    written and the meeting takes place in it (not a building project, not a date without
    year)."""
    assert protokollkit.read_text(text).date == date


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Aus dem Regionalausschuss berichtet Jens Mölders, dass der Umbau erst 2026 beginnt.",
         "Jens Mölders"),
        ("Zu Anfang bittet Sabine Kortmann die Anwesenden um eine Schweigeminute.",
         "Sabine Kortmann"),
        ("Im Anschluss an die Pause berichtet Anna Weber über den Haushalt.", "Anna Weber"),
        ("Nach dem Gedenken an die Verstorbenen des vergangenen Jahres verlas Stefan Hüser das"
         " Protokoll.", "Stefan Hüser"),
        ("Kassier Bernd Auer trägt den Kassenbericht vor.", "Bernd Auer"),
        ("Nach der Pause, die lange dauerte, berichtet Anna Weber.", None),
        ("Zu Beginn berichtet Die Linke über ihre Anfrage.", None),
        ("Im Folgenden gibt sie einen Überblick über das Vereinsjahr.", None),
        ("Zu Anfang wird eine Schweigeminute gehalten.", None),
    ],
)  # fmt: skip
def test_speaker_after_an_opening_adverbial(text: str, speaker: str | None) -> None:
    """An adverbial first (``Aus dem Regionalausschuss``, ``Zu Anfang``), then the verb, then the
    full name: the speaker; the adverbial itself is never a name (``Zu Anfang`` was read as
    one), nor is a party or a pronoun after the verb."""
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Eine Einwohnerin fragt nach der Haltestelle. Herr Tiedemann von der Verwaltung sagt"
         " zu, die Frage bis zur nächsten Sitzung zu beantworten.", ("Herr Tiedemann",)),
        ("Herr Obert, Hochbau, sagt zu, den Zeitplan nachzureichen.", ("Herr Obert",)),
        ("Der Umzug startet um 17 Uhr. J. Albrecht fragt bei der Feuerwehr wegen der"
         " Absicherung nach.", ("J. Albrecht",)),
        ("Olaf fragt bei den Stadtwerken nach.", ("Olaf",)),
    ],
)  # fmt: skip
def test_tasks_of_commitments_and_asking_elsewhere(text: str, owners: tuple[str, ...]) -> None:
    """A commitment with an apposition between name and verb (``von der Verwaltung``, ``,
    Hochbau,``), asking at another body (``fragt bei der Feuerwehr … nach``), an initial as
    the first name."""
    task = task_in(text, NOBODY, None)
    assert task is not None and task.owners == owners


@pytest.mark.parametrize(
    "text",
    [
        "Eine Anwohnerin fragt beim Bezirksamt nach.",
        "Eine Einwohnerin fragt bei der Stadt wegen der Bänke nach.",
        "Herr Maier von der Presse sagt, er komme später.",
    ],
)
def test_tasks_of_commitments_near_misses(text: str) -> None:
    """Someone not named takes on nothing; ``sagt`` without ``zu`` commits to nothing."""
    assert task_in(text, NOBODY, None) is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Protokoll 01.02.2024\n\nDer Vorsitzende, Herr Lindemann, begrüßte die Mitglieder.\n"
         "\nTOP 1 A\n\n- x\n", "chair", "Herr Lindemann"),
        ("Protokoll 01.02.2024\n\nTOP 1 A\n\n- x\n\nUm 22:15 Uhr schließt Georg Hüttner seine"
         " letzte Generalversammlung als Schützenmeister.\n", "chair", "Georg Hüttner"),
        ("Protokoll 01.02.2024\n\nTOP 1 A\n\n- x\n\nNächste Sitzung: 05.02.2025\n"
         "Jonte schließt die Sitzung um 20:02 Uhr\n", "end", "20:02 Uhr"),
        ("Protokoll 01.02.2024\n\nTop 0: Regularia\n\nSitzungsstart: 17:05 Uhr\n\nTOP 1 A\n",
         "start", "17:05 Uhr"),
    ],
)  # fmt: skip
def test_chair_and_times_in_more_forms(text: str, kind: str, value: str) -> None:
    """The chair in an apposition (``Der Vorsitzende, Herr X, begrüßte …``) or closing his
    meeting (``schließt X seine letzte Generalversammlung``), the end after the next meeting's
    line, ``Sitzungsstart:``."""
    assert protokollkit.read_text(text).meta_value(kind) == value  # type: ignore[arg-type]


def test_chair_in_more_forms_near_miss() -> None:
    """Someone closing a window closes no meeting; a chair who only greets is no apposition."""
    text = (
        "Protokoll 01.02.2024\n\nTOP 1 A\n\nZum Schluss schließt Georg Hüttner das Fenster.\n"
        "Die Vorsitzende begrüßte alle.\n"
    )
    assert protokollkit.read_text(text).meta_value("chair") is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Protokoll 01.02.2024\n\nEröffnung der Sitzung durch Vorsitzende Katrin Sommer,"
         " 19.40 Uhr.\n\nTOP 1 A\n\n- x\n", "chair", "Katrin Sommer"),
        ("Protokoll 01.02.2024\n\nEröffnung der Sitzung durch Vorsitzende Katrin Sommer,"
         " 19.40 Uhr.\n\nTOP 1 A\n\n- x\n", "start", "19.40 Uhr"),
        ("Protokoll 01.02.2024\n\nNach der Begrüßung der Anwesenden durch die stellvertretende"
         " Vorsitzende Christa Hofbauer las Verena Gruber einen Text.\n\nTOP 1 A\n\n- x\n",
         "chair", "Christa Hofbauer"),
        ("Protokoll 01.02.2024\n\nBürgermeister Kraus begrüßt Frau Nöth als Schriftführerin.\n"
         "\nTOP 1 A\n\n- x\n", "minute_taker", "Frau Nöth"),
        ("Protokoll 01.02.2024\n\nTOP 1 A\n\n- x\n\nf.d.R. Tobias Wagner (Schriftführer)\n",
         "minute_taker", "Tobias Wagner"),
        ("Niederschrift\nüber die Sitzung des Gemeinderates\nam Dienstag, dem 11.02.2025 um"
         " 19:30 Uhr im Sitzungssaal.\n\nTOP 1 A\n\n- x\n", "start", "19:30 Uhr"),
    ],
)  # fmt: skip
def test_chair_minutes_and_start_in_opening_and_signature(text: str, kind: str, value: str) -> None:
    """``Eröffnung der Sitzung durch Vorsitzende X, 19.40 Uhr``, ``Begrüßung der Anwesenden
    durch die stellvertretende Vorsitzende X``, ``Frau X als Schriftführerin``, a signature
    ``X (Schriftführer)``, the session line ``am DATE um 19:30 Uhr im …``."""
    assert protokollkit.read_text(text).meta_value(kind) == value  # type: ignore[arg-type]


def test_minute_taker_near_miss() -> None:
    """A role in brackets inside an early entry is no signature; ``als Gast`` is no role."""
    text = (
        "Protokoll 01.02.2024\n\nTOP 1 A\n\n- Frau Weber (Protokoll) verteilt die Liste.\n- y\n"
        "- z\n- w\n\nHerr Kluge nimmt als Gast teil.\n- v\n- u\n- t\n"
    )
    assert protokollkit.read_text(text).meta_value("minute_taker") is None


@pytest.mark.parametrize(
    ("text", "place", "start"),
    [
        ("Gemeinderat - öffentliche Sitzung am 22.01.2025\nSitzungssaal Rathaus I, 18:00 Uhr\n"
         "\nTOP 4   Jugendrat\n\nx\n", "Sitzungssaal Rathaus I", "18:00 Uhr"),
        ("Protokoll 2. Sitzung des Studierendenrates 2025\n22.01.2025, 18:15 Uhr, Raum 0.13"
         " (Marstallhof)\n\nTOP 1 Wahlen\n\nx\n", "Raum 0.13 (Marstallhof)", "18:15 Uhr"),
        ("Bericht von der öffentlichen Sitzung\nam 04.02.2025, 19.30 Uhr\n\nim Gemeindehaus"
         " Lindenstraße, Großer Saal\n\nTOP 1: A\n\nx\n",
         "im Gemeindehaus Lindenstraße, Großer Saal", "19.30 Uhr"),
        ("Protokoll 01.02.2025\n\nKaffee und Kuchen, 15 Uhr\n\nTOP 1 A\n\n- x\n", None, None),
        ("# Beschlussprotokoll\n\n## Treffen Arbeitsgruppe Dorfladen\n\nDonnerstag, 6.3.25,"
         " 19:30 Uhr, Pfarrheim, Oberweiler\n\n## Laden\n\n- x\n", "Pfarrheim", "19:30 Uhr"),
        ("Protokoll 01.02.2025\n\nIm Anschluss gab es Kaffee im Gemeindehaus.\n\nTOP 1 A\n\n- x\n",
         None, None),
    ],
)  # fmt: skip
def test_unlabelled_session_line(text: str, place: str | None, start: str | None) -> None:
    """A session line of the opening without labels: a place named by a room word or ``im …``
    and a time beside it or beside the date; a time with neither (``Kaffee und Kuchen, 15 Uhr``)
    and a sentence are no session line."""
    p = protokollkit.read_text(text)
    assert (p.meta_value("place"), p.meta_value("start")) == (place, start)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Aaa Aaa, aa sagt e.V.", "Aaa Aaa"),  # (found by hypothesis: the dot of ``e.V.``)
        ("Jana Wolf, Vorsitzende des Fördervereins e.V.", "Jana Wolf"),
        ("Der Vorsitzende, Herr Feddersen, eröffnet die Sitzung.", None),
    ],
)
def test_speaker_line_ending_in_an_abbreviation(line: str, speaker: str | None) -> None:
    """A speaker line whose affiliation reports speech reads as a sentence only when it ends
    like one: the dot of an abbreviation (``e.V.``) is no sentence end."""
    text = f"Protokoll 01.02.2024\n\nTOP 1 A\n\n{line}\n\n- x\n"
    block = protokollkit.read_text(text).items[0].blocks[0]
    assert (block.speaker.name if block.speaker else None) == speaker


def test_minute_taker_and_chair_by_office_in_the_lists() -> None:
    """``Protokollführer Lenz`` among the administration and ``Ortsvorsteher Brandt`` among the
    members: the minute taker and the chair, named without the office."""
    text = (
        "Protokoll über die Sitzung des Ortsrates am 12.05.2025\n\nRatsmitglieder:\n\n"
        "Ortsvorsitzender Brandt (CDU) - Nordheim\nRatsherr Kühl (GRÜNE) - Nordheim\n\n"
        "Verwaltung:\n\nProtokollführer Lenz - Gemeinde Nordheim\n\nTOP 1 Eröffnung\n\nx\n"
    )
    p = protokollkit.read_text(text)
    assert (p.meta_value("minute_taker"), p.meta_value("chair")) == ("Lenz", "Brandt")


@pytest.mark.parametrize(
    ("entry", "minute_taker", "chair"),
    [
        ("Petra Unger – Eichhörnchengruppe (Protokollführung)", "Petra Unger", "Melanie Brandt"),
        ("Petra Unger – Eichhörnchengruppe (stellv. Vorsitzende)", None, "Melanie Brandt"),
    ],
)
def test_role_after_the_body_in_an_attendance_entry(
    entry: str, minute_taker: str | None, chair: str
) -> None:
    """A role after the group or body of an entry (``– Igelgruppe (Protokollführung)``) names
    the minute taker or chair; a deputy chair is not the chair. The start in the greeting
    (``begrüßt die Anwesenden um 18:00 Uhr``)."""
    text = (
        "Protokoll zur Kuratoriumssitzung am 04.11.2025\n\n"
        "Anwesende:   Melanie Brandt – Spatzengruppe (Vorsitzende)\n\n"
        f"                    {entry}\n\n1. Begrüßung\n\n"
        "Frau Brandt begrüßt die Anwesenden um 18:00 Uhr.\n"
    )
    p = protokollkit.read_text(text)
    assert (p.meta_value("minute_taker"), p.meta_value("chair")) == (minute_taker, chair)
    assert p.meta_value("start") == "18:00 Uhr"


def test_chair_and_start_of_a_members_meeting_in_prose() -> None:
    """``Begrüßung erfolgt durch Ulrike Kessler, 1. Vorsitzende.`` names the chair; a session
    line ending with the date and the time (``… am Mittwoch 15. Januar 2025 20 Uhr``) the start;
    an election (``Vorsitzende: Ulrike Kessler (einstimmig)``) is no chair field."""
    p = protokollkit.read_text(
        "Mitgliederversammlung 2025\n\nMitgliederversammlung am Mittwoch 15. Januar 2025 20 Uhr"
        "\n\n1) Wahl\n\nVorsitzende: Ulrike Kessler (einstimmig)\n\n2) Bericht\n\n"
        "Begrüßung erfolgt durch Ulrike Kessler, 1. Vorsitzende.\n"
    )
    assert (p.meta_value("chair"), p.meta_value("start")) == ("Ulrike Kessler", "20 Uhr")


def test_an_iso_date_is_no_time_span() -> None:
    """Front matter ``date: 2025-02-11`` before ``**Zeit:** 19:00 - 20:45``: the start and end
    are the clock times, not the month and day of the date."""
    p = protokollkit.read_text(
        "---\ndate: 2025-02-11\n---\n\n# Orgatreffen\n\n**Zeit:** 19:00 - 20:45\n\n"
        "## Kasse\n\n- x\n",
        "markdown",
    )
    assert (p.meta_value("start"), p.meta_value("end")) == ("19:00", "20:45")


def test_people_in_the_prose_of_a_report() -> None:
    """Without any attendance list: those greeted (``begrüßt unseren Bürgermeister Manfred
    Lenz sowie unseren Gaupräsidenten Stefan Roth``) and a talk's speaker (``Impulsreferat von
    Malte Severin``) are guests; an office and a full name (``Die Kassenprüfer Rita Schöll und
    Hans Popp``) are present; a name without an office (``Ehrenmitglieds Alois Brunner``) is
    neither."""
    p = protokollkit.read_text(
        "Generalversammlung 2025\n\nAm 4. Januar 2025 kamen 60 Mitglieder zusammen.\n\n"
        "Schützenmeister Georg Hüttner begrüßt unseren Bürgermeister Manfred Lenz sowie unseren"
        " Gaupräsidenten Stefan Roth. Danach folgt ein Impulsreferat von Malte Severin zur"
        " Jugendarbeit.\n\nWir gedenken unseres Ehrenmitglieds Alois Brunner.\n\n"
        "Die Kassenprüfer Rita Schöll und Hans Popp bescheinigen eine einwandfreie Kasse.\n"
    )
    assert [g.name for g in p.attendance_of("guests")] == [
        "Manfred Lenz",
        "Stefan Roth",
        "Malte Severin",
    ]
    assert [x.name for x in p.present()] == ["Georg Hüttner", "Rita Schöll", "Hans Popp"]


@pytest.mark.parametrize(
    ("text", "present", "excused", "guests"),
    [
        ("Protokoll 19.02.2025\n\nTOP 1: Begrüßung\n\nDer Abteilungsvorstand ist vertreten mit"
         " Frank Siemers, Anke Tiedemann und Ralf Köhnke. Marc Pietsch und Zeynep Yilmaz fehlen"
         " entschuldigt.\n\nAls Gäste seitens des Hauptvereins werden Thomas Quast und Katrin"
         " Behrmann begrüßt.\n",
         ["Frank Siemers", "Anke Tiedemann", "Ralf Köhnke"], ["Marc Pietsch", "Zeynep Yilmaz"],
         ["Thomas Quast", "Katrin Behrmann"]),
        ("Konstituierung des Elternbeirates 06.10.2025\n\nWeitere Mitglieder sind Frau Ament,"
         " Herr Bohrer und Frau Seuffert.\n",
         ["Frau Ament", "Herr Bohrer", "Frau Seuffert"], [], []),
        # ``Anwesend waren …`` without the colon, ``An der Sitzung nahmen … teil``, one excused
        # with the reason after a comma, several excused with a remark in brackets
        ("Protokoll 01.02.2024\n\nAnwesend waren Anna Berg und Tom Kurz. Entschuldigt war Ralf"
         " Dirks, der krankheitshalber fehlte.\n\nTOP 1 A\n\n- x\n",
         ["Anna Berg", "Tom Kurz"], ["Ralf Dirks"], []),
        ("Protokoll 01.02.2024\n\nAn der Sitzung nahmen Anna Berg, Tom Kurz und Uwe Sand teil."
         "\n\nEntschuldigt abwesend waren Eva Wallner, Gruber Lukas (ich hoffe, das passt so);"
         " der Rat war beschlussfähig.\n\nTOP 1 A\n\n- x\n",
         ["Anna Berg", "Tom Kurz", "Uwe Sand"], ["Eva Wallner", "Gruber Lukas"], []),
    ],
)  # fmt: skip
def test_attendance_in_sentences_more_forms(
    text: str, present: list[str], excused: list[str], guests: list[str]
) -> None:
    """The board ``ist vertreten mit …``, ``Weitere Mitglieder sind …``, ``… fehlen
    entschuldigt`` and ``Als Gäste … werden … begrüßt`` name those present, excused and the
    guests in a sentence of the opening."""
    p = protokollkit.read_text(text)
    assert [x.name for x in p.present()] == present
    assert [x.name for x in p.attendance_of("excused")] == excused
    assert [x.name for x in p.attendance_of("guests")] == guests


@pytest.mark.parametrize(
    ("line", "present"),
    [
        ("Anwesend: Anna Berg, Tom Kurz und Uwe Sand.", ["Anna Berg", "Tom Kurz", "Uwe Sand"]),
        ("Anwesend: Anna Berg und Tom Kurz", ["Anna Berg", "Tom Kurz"]),
        ("Anwesend: Frau Berg und Herr Kurz", ["Frau Berg", "Herr Kurz"]),
        ("Anwesend: Anna, Tom und Lisa", ["Anna", "Tom", "Lisa"]),
        (
            "Es waren anwesend: Anna Berg, Tom Kurz und Uwe Sand.",
            ["Anna Berg", "Tom Kurz", "Uwe Sand"],
        ),
        (
            "Anwesende\nAnna Berg, Tom Kurz, Uwe Sand und Lea Wolf",
            ["Anna Berg", "Tom Kurz", "Uwe Sand", "Lea Wolf"],
        ),
        # near misses: a body with ``und`` in its name; one word each side without a list
        ("Anwesend: Kinder- und Jugendhaus, SBZ", ["Kinder- und Jugendhaus", "SBZ"]),
        ("Anwesend: Haus und Grund", ["Haus und Grund"]),
    ],
)
def test_attendance_list_joined_by_und(line: str, present: list[str]) -> None:
    """The last two people of a list joined by ``und`` are two; a bare ``Anwesende`` over a
    comma line of names is the attendance, and the numbered items below stay items."""
    p = protokollkit.read(f"Protokoll 01.02.2024\n{line}\n1. Begrüßung\nText.\n2. Kasse\nGut.\n")
    assert [x.name for x in p.participants] == present
    assert [i.title for i in p.items] == ["Begrüßung", "Kasse"]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_attendance_in_sentences_more_forms_near_miss() -> None:
    """``Die Mitglieder sind herzlich eingeladen``, ``Die Stadt ist vertreten mit einem Stand``
    and ``Als Gäste werden alle Interessierten begrüßt`` name nobody."""
    text = (
        "Protokoll 19.02.2025\n\nTOP 1: Begrüßung\n\nDie Stadt ist vertreten mit einem Stand auf"
        " dem Markt. Weitere Mitglieder sind herzlich eingeladen. Als Gäste werden alle"
        " Interessierten begrüßt.\n"
    )
    p = protokollkit.read_text(text)
    assert p.listed_present() == ()
    assert p.attendance_of("guests") == ()


def test_top_with_the_first_sentence_after_the_colon() -> None:
    """``TOP 1: Obmann X eröffnet … um 19:10 Uhr …`` – the minutes' first sentence where the
    title would stand – is item 1 without a title, the sentence its first entry; a title with a
    full stop but no verb, and a sentence without the colon, stay titles."""
    text = (
        "Protokoll 19.02.2025\n\nTOP 1: Obmann Frank Siemers eröffnet die Versammlung um 19:10"
        " Uhr und begrüßt die Mitglieder.\n\nTOP 2: Genehmigung des Protokolls der Sitzung vom"
        " 12.03.2024 und des Haushaltsplans.\n\nx\n\nTOP 3 Der Vorstand stimmt über den Antrag"
        " wie folgt ab und nimmt ihn an.\n\ny\n"
    )
    p = protokollkit.read_text(text)
    assert [i.title for i in p.items] == [
        "",
        "Genehmigung des Protokolls der Sitzung vom 12.03.2024 und des Haushaltsplans.",
        "Der Vorstand stimmt über den Antrag wie folgt ab und nimmt ihn an.",
    ]
    assert p.items[0].blocks[0].points[0].text.startswith("Obmann Frank Siemers eröffnet")
    assert p.meta_value("start") == "19:10 Uhr"


def test_top_with_a_label_and_the_minutes_run_in() -> None:
    """``Top 2: Regularien: Teilnehmerlisten werden …`` – the whole item run into one paragraph
    of a Word document (no marks on it): the label before the second colon is the title, the
    sentences after it the item's entries, read like any other (the election's tally); a
    sentence alone after ``Top 1:`` is the first entry of an item without a title."""
    texts = [
        "Protokoll der Versammlung am 20.10.2025",
        "Top 1: Die neue Referentin Marlene Aust stellt sich vor. Sie gibt einen Einblick.",
        "Top 2: Regularien: Teilnehmerlisten werden unterzeichnet. Die Beschlussfähigkeit wird"
        " mit 23 Anwesenden festgestellt.",
        "Top 3: Wahl der Kassenprüferin: Ingrid Volkmer wird einstimmig bei einer Enthaltung zur"
        " Kassenprüferin gewählt.",
    ]
    lines = [Line(text, number, Hints()) for number, text in enumerate(texts, start=1)]
    p = parse_lines(lines)
    assert [i.title for i in p.items] == ["", "Regularien", "Wahl der Kassenprüferin"]
    assert p.items[0].blocks[0].points[0].text.startswith("Die neue Referentin")
    assert p.items[1].blocks[0].points[0].text.startswith("Teilnehmerlisten werden")
    decision = p.items[2].blocks[0].points[0].decision
    assert decision is not None and decision.abstain == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bericht 04.09.2025\n\nWegen Bauarbeiten fand die Versammlung auf der Terrasse des"
         " Tennisheims statt.\n\nTOP 1\n\nx\n", "Terrasse des Tennisheims"),
        ("Bericht von der Oktobersitzung\n\nWie geplant traf sich der Kirchenvorstand am 9."
         " Oktober zur Sitzung in der Markuskirche.\n\nx\n", "Markuskirche"),
        ("Niederschrift 18.08.2025\n\nüber die 14. ordentliche Sitzung des Gemeinderates am"
         " Montag, dem 18. August 2025, im Gemeindesaal (Hauptplatz 3) Kirchbach.\n\n1 A\n\nx\n",
         "Gemeindesaal (Hauptplatz 3) Kirchbach"),
        ("Protokoll 01.02.2025\n\nDie Einladung zur Sitzung hing im Schaukasten des Ortsamtes"
         " aus.\n\nTOP 1 A\n\nx\n", None),
        ("Protokoll 01.02.2025\n\nDie Sitzung wurde im Vorfeld gut vorbereitet.\n\nTOP 1 A\n\nx\n",
         None),
        ("Protokoll 01.02.2025\n\nIm Garten blühen die Rosen im Beet am Zaun.\n\nTOP 1 A\n\nx\n",
         None),
    ],
)  # fmt: skip
def test_place_in_a_sentence_about_the_meeting(text: str, place: str | None) -> None:
    """The place in a sentence of the opening about the meeting (``fand … statt``, ``traf
    sich … in der …``, ``über die Sitzung … im …``); not where the invitation hung, not ``im
    Vorfeld``, and not in a sentence that is not about the meeting."""
    assert protokollkit.read_text(text).meta_value("place") == place


@pytest.mark.parametrize(
    ("text", "counts", "result"),
    [
        ("Nach kurzer Aussprache stimmten 31 Mitglieder dafür, 6 dagegen, 3 enthielten sich.",
         (31, 6, 3), "accepted"),
        ("Es stimmten 4 Mitglieder dafür und 9 dagegen.", (4, 9, None), "rejected"),
        ("Die Mitglieder haben keine Einwände gegen das Protokoll: 70 Ja-Stimmen, 1 Enthaltung",
         (70, None, 1), "accepted"),
        ("Der Kirchenvorstand hat die Abrechnung beschlussmäßig festgestellt.",
         (None, None, None), "accepted"),
    ],
)  # fmt: skip
def test_votes_in_words_and_counts_without_result(
    text: str, counts: tuple[int | None, ...], result: str
) -> None:
    """A vote told in words (``31 Mitglieder dafür, 6 dagegen, 3 enthielten sich``), yes votes
    and abstentions with nobody against (accepted), ``beschlussmäßig festgestellt``."""
    decision = decision_in(text)
    assert decision is not None
    assert (decision.yes, decision.no, decision.abstain) == counts
    assert decision.result == result


def test_votes_in_words_near_miss() -> None:
    """Yes votes alone decide nothing (``12 Ja-Stimmen`` may be one of several options); a
    number before ``dafür`` in a sentence with no vote against is no tally."""
    decision = decision_in("Für den Vorschlag A gab es 12 Ja-Stimmen.")
    assert decision is None or decision.result is None
    assert decision_in("Es sprechen 3 Gründe dafür, den Termin zu verschieben.") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anke berichtet über Einnahmen und Ausgaben des Jahres.", "Anke"),
        ("Anke erläutert Einnahmen und Ausgaben des Jahres.", "Anke"),
        ("Dort antwortet Herr Baran ausführlich.", "Herr Baran"),
        ("Klaus-Peter eröffnet die 151. Jahreshauptversammlung.", "Klaus-Peter"),
        ("Leider gab es im Winter zwei Rohrbrüche.", None),
        ("Gleichzeitig verabschiedete sie die Kassiererin.", None),
        ("Darauf antwortet Herr Baran ausführlich.", "Herr Baran"),
    ],
)
def test_first_name_alone_without_a_list(text: str, name: str | None) -> None:
    """In minutes that list nobody, a first name alone before a verb of reported speech is
    the speaker; an adverb before the verb (``Leider``, ``Gleichzeitig … sie``) is not."""
    speaker = inline_speaker(text, NOBODY)
    assert (speaker.name if speaker else None) == name


def test_first_name_alone_near_miss_with_a_list() -> None:
    """With a list of those present, a single word has to be on it."""
    known = ParticipantIndex((Person("Tom Berg"),))
    assert inline_speaker("Anke berichtet über Einnahmen und Ausgaben.", known) is None


def test_attendance_as_counts_by_group() -> None:
    """``Anwesend: 16 Mitglieder, 2 Gäste.`` counts who came, by group – nobody by name; the
    minutes then show who took part. A list of names (``Anwesend: Ida Roth, Uwe Kern``) and a
    name with a count of its own are names."""
    text = (
        "Protokoll der Abteilungsversammlung vom 21.11.2025\n\nAnwesend: 16 Mitglieder,"
        " 2 Gäste.\n\nProtokollant: Jörn Ahrens\n\nTOP 1: Wahlen\n\n- Iris wird einstimmig"
        " gewählt.\n"
    )
    p = protokollkit.read_text(text)
    assert p.listed_present() == ()
    assert "Jörn Ahrens" in [x.name for x in p.present()]
    names = protokollkit.read_text(text.replace("16 Mitglieder, 2 Gäste.", "Ida Roth, Uwe Kern"))
    assert [x.name for x in names.listed_present()] == ["Ida Roth", "Uwe Kern"]


def test_elected_people_took_part() -> None:
    """Without an attendance list, those elected in the minutes took part (``Als
    Versammlungsleiter wird Rainer Hofmann gewählt``, ``Birgit wurde wieder als
    Rechnungsprüferin gewählt``); an office (``Zur 2. Vorsitzenden wurde … gewählt``) is
    nobody."""
    text = (
        "Jahreshauptversammlung am 14. März 2025\nAls Versammlungsleiter wird Rainer Hofmann"
        " gewählt.\nBirgit wurde wieder als Rechnungsprüferin gewählt.\nZur 2. Vorsitzenden"
        " wurde in geheimer Wahl gewählt:\nAnschließend wurde Heinz Terhorst zum Wahlleiter"
        " gewählt.\nDie Versammlung endete um 22:10 Uhr.\n"
    )
    names = [x.name for x in protokollkit.read_text(text).present()]
    assert names == ["Rainer Hofmann", "Birgit", "Heinz Terhorst"]


@pytest.mark.parametrize(
    ("text", "meeting", "owners", "due"),
    [
        ("Martina Rohlfs bildet dafür einen Festausschuss.", dt.date(2025, 1, 26),
         ("Martina Rohlfs",), None),
        ("Petra und Yusuf entwerfen den Brief bis zum 5. März.", dt.date(2025, 2, 24),
         ("Petra", "Yusuf"), dt.date(2025, 3, 5)),
        ("Frau Albers (Vertrauenslehrerin) bereitet die nächste Sitzung vor.",
         dt.date(2025, 9, 30), ("Frau Albers",), None),
        ("Paul erstellt bis Freitag einen ersten Entwurf.", dt.date(2025, 10, 27), ("Paul",),
         dt.date(2025, 10, 31)),
        ("Nina kümmert sich bis Ende Februar um die Anmeldung.", dt.date(2025, 7, 14),
         ("Nina",), dt.date(2026, 2, 28)),
        ("Frau Rieder und Frau Kwon organisieren den Kuchenverkauf.", dt.date(2023, 11, 14),
         ("Frau Rieder", "Frau Kwon"), None),
        ("Frau Grabowski nimmt den Hinweis mit.", dt.date(2024, 11, 14), ("Frau Grabowski",),
         None),
    ],
)  # fmt: skip
def test_more_task_verbs_and_due_dates_in_words(
    text: str, meeting: dt.date, owners: tuple[str, ...], due: dt.date | None
) -> None:
    """``bildet``, ``entwerfen``, a role in parentheses after the owner; ``bis Freitag`` (the
    next Friday after the meeting) and ``bis Ende Februar`` (its last day)."""
    task = task_in(text, NOBODY, meeting)
    assert task is not None
    assert (task.owners, task.due) == (owners, due)


def test_a_handle_in_lower_case_owns_a_task_when_listed() -> None:
    """``nilo regelt die Details``: a lower-case handle before a task verb is the owner when the
    attendance lists it; an unlisted lower-case word (``dann``) is not, nor ``nimmt … teil``."""
    listed = ParticipantIndex([Person("nilo"), Person("kaba")])
    task = task_in("nilo regelt die Details, sobald der Raum steht.", listed, None)
    assert task is not None and task.owners == ("nilo",)
    assert task_in("dann regelt das jemand", listed, None) is None
    assert task_in("Frau Grabowski nimmt an der Sitzung teil.", NOBODY, None) is None


def test_due_dates_in_words_near_miss() -> None:
    """``bis Juli`` (no ``Ende``) and ``bis Ende Freitag`` name no day; without the meeting's
    date a weekday counts from nothing."""
    for text, meeting in (
        ("Nina kümmert sich bis Juli um die Anmeldung.", dt.date(2025, 7, 14)),
        ("Paul erstellt bis Freitag einen Entwurf.", None),
    ):
        task = task_in(text, NOBODY, meeting)
        assert task is not None and task.due is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Für den Männerchor berichtet Egon gewohnt ausführlich.", "Egon"),
        ("Der Bericht des Rechners wird von Matthias vorgetragen.", "Matthias"),
        ("Im Anschluss berichtet Kassenwart über die Finanzen.", None),
        ("Zum Schluss berichtet Vorstand und Beirat gemeinsam.", None),
    ],
)
def test_first_name_after_the_verb_without_a_list(text: str, name: str | None) -> None:
    """In minutes that list nobody, a first name after the verb of reported speech, or the one
    a report is given by (``wird von Matthias vorgetragen``), is the speaker; an office is
    not."""
    speaker = inline_speaker(text, NOBODY)
    assert (speaker.name if speaker else None) == name


def test_first_name_after_the_verb_near_miss_with_a_list() -> None:
    """With a list of those present, the name has to be on it."""
    known = ParticipantIndex((Person("Tom Berg"),))
    assert inline_speaker("Für den Männerchor berichtet Egon gewohnt ausführlich.", known) is None


@pytest.mark.parametrize(
    ("lead", "decided"),
    [
        ("… und so wurde es ein knappes Rennen mit folgendem Ergebnis:", True),
        ("Die Klassensprecher stellen sich vor:", False),
    ],
)
def test_election_results_under_their_lead(lead: str, decided: bool) -> None:
    """``… mit folgendem Ergebnis:`` and below it ``Schülersprecherin: Mila (4b)``: each line an
    election decision, the elected present when nobody is listed; under another sentence the
    same lines are no decisions."""
    p = protokollkit.read_text(
        f"Schülerparlament am 30.09.2025\n\n{lead}\nSchülersprecherin: Mila (4b)\n"
        "Schülersprecher: Jonas (3a)\n"
    )
    assert len(p.decisions()) == (2 if decided else 0)
    assert {"Mila", "Jonas"} <= {x.name for x in p.present()} or not decided


def test_chair_by_office_and_minute_taker_signing_with_a_comma() -> None:
    """``Obmann Frank Siemers eröffnet die Jahreshauptversammlung`` names the chair; ``Merle
    Dose, Schriftwartin`` alone under the minutes the minute taker."""
    p = protokollkit.read_text(
        "Protokoll der Jahreshauptversammlung vom 19. Februar 2025\n\nTOP 1: Obmann Frank Siemers"
        " eröffnet die Jahreshauptversammlung um 19:10 Uhr.\n\nTOP 2: Verschiedenes\n\n"
        "Der Obmann schließt die Versammlung um 20:45 Uhr.\n\nMerle Dose, Schriftwartin\n"
    )
    assert (p.meta_value("chair"), p.meta_value("minute_taker")) == ("Frank Siemers", "Merle Dose")


def test_minute_taker_elected_in_a_later_item() -> None:
    """``Ines Hartwig wird als Protokollführerin gewählt.`` under ``Wahl einer
    Protokollführerin`` (the fifth item) names the minute taker."""
    p = protokollkit.read_text(
        "Protokoll der Mitgliederversammlung am 13.10.2025\n\n1. Begrüßung\n\nx\n\n"
        "2. Einladung\n\nx\n\n3. Beschlussfähigkeit\n\nx\n\n4. Wahl einer Versammlungsleitung\n\n"
        "x\n\n5. Wahl einer Protokollführerin\n\nInes Hartwig wird als Protokollführerin gewählt.\n"
    )
    assert p.meta_value("minute_taker") == "Ines Hartwig"


def test_names_joined_to_an_office_after_brackets() -> None:
    """``Pfarrer Jonas Evers (Kirchengemeinde Rastede) und Meike Harms (…)``: both present when
    nobody is listed."""
    p = protokollkit.read_text(
        "Kreissynode, 21.05.2025\n\nAnschließend verpflichtete Synodenpräsident Hinrich Ahlers"
        " als neue Synodale: Pfarrer Jonas Evers (Kirchengemeinde Rastede) und Meike Harms"
        " (Kirchengemeinde Bad Zwischenahn).\n"
    )
    assert [x.name for x in p.present()] == ["Hinrich Ahlers", "Jonas Evers", "Meike Harms"]


APP_VOTES = """# Eigentümerversammlung 2025

**Datum:** 26.06.2025

### TOP 2: Fahrradbügel

Die Eigentümer beschließen die Anschaffung von sechs Fahrradbügeln.

- Ja-Stimmen: 1 (110 MEA)
- Nein-Stimmen: 3 (255 MEA)
- Enthaltungen: 1 (88 MEA)

**Endergebnis: Abgelehnt** (Einfache Mehrheit)
"""


def test_count_lines_with_weights_and_a_result_line_go_to_the_motion() -> None:
    """Counts on lines of their own with a weight in parentheses (``Ja-Stimmen: 1 (110 MEA)``)
    are the motion's votes; ``Endergebnis: Abgelehnt`` below them is its result – no end time."""
    p = protokollkit.read(APP_VOTES, "markdown")
    (motion,) = [pt.decision for pt in p.all_points() if pt.decision is not None]
    assert (motion.yes, motion.no, motion.abstain, motion.result) == (1, 3, 1, "rejected")
    assert p.meta_value("end") is None


def test_count_lines_near_miss_a_sentence_with_parentheses_and_a_closing_word() -> None:
    """A line that only starts like a count (``Ja, 5 Leute (alle neu)``) is no vote, and
    ``Schlusswort`` or ``Endergebnis`` are no end time; ``Ende: 21 Uhr`` still is."""
    p = protokollkit.read(
        "Protokoll Treffen 03.03.2025\nEnde: 21:00 Uhr\n\nTOP 1 Helfer\n"
        "- Ja, 5 Leute (alle neu)\n- Schlusswort: Danke an alle\n"
    )
    assert not any(pt.decision for pt in p.all_points())
    assert p.meta_value("end") == "21:00 Uhr"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Der zweite Netzwerkabend am 12. März 2025 im Bürgerhaus Lindenhof war gut besucht.",
         "Bürgerhaus Lindenhof"),
        ("Die Koordination hat am 9. Oktober 2025 zu einem Austausch ins Jugendzentrum Kesselhaus "
         "eingeladen.", "Jugendzentrum Kesselhaus"),
        ("Das Seniorenbüro hat am 7. November 2025 zu einem Fachtag in die Alte Feuerwache "
         "eingeladen.", "Alte Feuerwache"),
        ("Am 16.08.2025 trafen sich im Nachbarschaftsladen Fliederhof wieder Initiativen.",
         "Nachbarschaftsladen Fliederhof"),
        ("Bei der Sitzung am 5. Juni 2025 im kleinen Sitzungssaal des Rathauses wurde gewählt.",
         "kleinen Sitzungssaal des Rathauses"),
        ("Die Konferenz trifft sich am 3. März 2025 im Monat einmal im Gemeindehaus.",
         "Gemeindehaus"),
    ],
)  # fmt: skip
def test_the_place_in_the_opening_sentence(sentence: str, place: str) -> None:
    """A meeting word (also ``Netzwerkabend``, ``Fachtag``, ``Austausch``), then ``im``/``ins``/
    ``in die`` and a name (after an adjective, joined by ``des``): the place, up to the next
    lower-case word; ``im Monat`` names none."""
    p = protokollkit.read(f"Bericht\n\n{sentence}\n")
    assert p.meta_value("place") == place


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Sitzung am 3. März 2025 wurde im Städtischen Anzeiger bekannt gemacht.",
        "Beim Treffen am 3. März 2025 ging es um Beteiligung im Quartier und den Weg dahin.",
        "Am 3. März 2025 fanden sich die in der Anwesenheitsliste genannten Personen ein.",
    ],
)
def test_the_place_in_the_opening_sentence_near_miss(sentence: str) -> None:
    """A paper the meeting was announced in, the neighbourhood talked about, a list: no place."""
    assert protokollkit.read(f"Bericht\n\n{sentence}\n").meta_value("place") is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Frau Lindner bittet um eine Prüfung. Die Verwaltung holt bis zum 31.08.2025 zwei "
         "Angebote ein.", "Verwaltung"),
        ("Herr Kahn fragt, wann die Ampel repariert wird. Die Verwaltung sagt eine schriftliche "
         "Antwort bis zur nächsten Sitzung zu.", "Verwaltung"),
        ("Wir treffen uns im Frühjahr wieder; die Stadtteilkoordination lädt dazu ein.",
         "Stadtteilkoordination"),
        ("Die Genossenschaft will zwei Musterwohnungen für Besichtigungen öffnen.",
         "Genossenschaft"),
        ("Die Verwaltung wird die Anwohner bis zum 15.06.2025 schriftlich informieren.",
         "Verwaltung"),
        ("Die Koordination übernimmt Elias Grünewald.", "Elias Grünewald"),
        ("Lea fragt beim Bauamt nach.", "Lea"),
    ],
)  # fmt: skip
def test_a_body_that_acts_owns_the_task(text: str, owner: str) -> None:
    """A body after an article (``Die Verwaltung``, ``die Stadtteilkoordination``) before a task
    verb – also in a later sentence, with ``wird``/``will``, or ``sagt … zu`` around an object –
    owns the task; a person after the verb comes first."""
    task = task_in(text, NOBODY, dt.date(2025, 6, 1))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Herr Kahn fragt, wann die Ampel repariert wird.",
        "Herr Pohlmann fragt nach dem Sachstand der Beleuchtung.",
        "Er sagt, es sei zu teuer.",
        "Die Sitzungen werden künftig im Rathaus stattfinden.",
    ],
)
def test_a_body_that_acts_near_miss(text: str) -> None:
    """A question asked in the meeting (``fragt, wann``, ``fragt nach dem …``), ``zu`` of
    another phrase, a thing as the subject: no task."""
    assert task_in(text, NOBODY, dt.date(2025, 6, 1)) is None


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("Wilfried Assmann begrüßt die Versammlung. Er stellt die Beschlussfähigkeit fest.",
         "Wilfried Assmann"),
        ("Es war eine gelungene Veranstaltung, die von Sabine Obermaier moderiert wurde.",
         "Sabine Obermaier"),
        ("Die Berichte werden besprochen.\n\nFrau Zöllner schließt den öffentlichen Teil der "
         "Sitzung.", "Frau Zöllner"),
    ],
)  # fmt: skip
def test_the_chair_in_a_sentence(text: str, chair: str) -> None:
    """The one who greets the assembly, moderates (``die von Name moderiert wurde``) or
    closes the public part of the sitting chairs it."""
    assert protokollkit.read(f"Bericht vom 3. März 2025\n\n{text}\n").meta_value("chair") == chair


@pytest.mark.parametrize(
    "text",
    [
        "Der Vorsitzende begrüßt die Versammlung.",
        "Frau Lenz begrüßt die Planung ausdrücklich.",
        "Frau Kahn schließt den Vortrag mit einem Dank.",
    ],
)
def test_the_chair_in_a_sentence_near_miss(text: str) -> None:
    """No name, a plan greeted, a talk closed: no chair."""
    assert protokollkit.read(f"Bericht vom 3. März 2025\n\n{text}\n").meta_value("chair") is None


def test_excused_by_the_one_who_opens() -> None:
    """``Er entschuldigt die Vorsitzende X und Mitglied Y``: both excused (without their
    offices), and not present though the prose names them."""
    p = protokollkit.read(
        "Ortsausschuss vom 08.04.2025\n\nWilfried Assmann begrüßt die Versammlung. Er "
        "entschuldigt die Ortsausschussvorsitzende Renate Kuhlbrodt und Ortsausschussmitglied "
        "Peter Wintermeyer.\n"
    )
    assert [x.name for x in p.attendance_of("excused")] == ["Renate Kuhlbrodt", "Peter Wintermeyer"]
    assert [x.name for x in p.present()] == ["Wilfried Assmann"]


def test_excused_by_the_one_who_opens_near_miss() -> None:
    """``Er entschuldigt sich für …`` names nobody; a joined name of three words stays one."""
    p = protokollkit.read(
        "Treffen vom 08.04.2025\n\nLea Hahn begrüßt die Versammlung. Er entschuldigt sich für "
        "die Verspätung. Die Kassenprüfer Rita Schöll und Hans Peter Popp berichten.\n"
    )
    assert p.attendance_of("excused") == ()
    assert "Hans Peter Popp" in [x.name for x in p.present()]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Der nächste Netzwerkabend findet am 14.05.2025 um 18 Uhr im Bürgerhaus statt.",
         "2025-05-14"),
        ("Die nächste Mitgliederversammlung ist für das Frühjahr 2026 geplant.", "Frühjahr 2026"),
        ("Alle wollen sich im Frühjahr 2026 erneut treffen; die Koordination lädt ein.",
         "Frühjahr 2026"),
    ],
)  # fmt: skip
def test_next_meeting_by_its_own_name_or_a_season(text: str, wanted: str) -> None:
    """The meeting's own compound (``Netzwerkabend``), ``für das Frühjahr``, ``sich … erneut
    treffen``: the next meeting."""
    p = protokollkit.read(f"Bericht vom 12.03.2025\n\nEs gab Kuchen.\n\n{text}\n")
    assert p.next_meeting is not None
    assert wanted in (str(p.next_meeting.date) + p.next_meeting.text)


@pytest.mark.parametrize(
    "text",
    [
        "Am nächsten Abend gingen einige noch ins Kino.",
        "Die Gruppen wollen sich künftig öfter austauschen und treffen.",
    ],
)
def test_next_meeting_by_its_own_name_near_miss(text: str) -> None:
    """``Abend`` alone is no meeting; meeting more often is no next meeting."""
    assert protokollkit.read(f"Bericht vom 12.03.2025\n\n{text}\n").next_meeting is None


@pytest.mark.parametrize(
    "text",
    [
        "Am Ende verständigten sich die Anwesenden darauf, im Mai die Beete zu bepflanzen.",
        "Die Netzwerkerinnen und Netzwerker waren sich einig, dass jeder mitmachen darf.",
        "Der KGR ist sich einig: Das Gemeindehaus wird weiter benötigt.",
        "Einigkeit bestand darüber, dass es eine feste Struktur braucht.",
    ],
)
def test_agreement_in_words(text: str) -> None:
    """``verständigten sich … darauf``, ``waren sich einig``, ``Einigkeit bestand``: agreed."""
    decision = decision_in(text)
    assert decision is not None and decision.result == "accepted"


@pytest.mark.parametrize(
    "text",
    [
        "Sie waren sich nicht einig, ob das reicht.",
        "Es herrschte keine Einigkeit über den Termin.",
        "Frau Kahn verständigt sich mit dem Amt über die Termine.",
    ],
)
def test_agreement_in_words_near_miss(text: str) -> None:
    """Not agreed, or agreeing with someone outside the meeting: no decision."""
    assert decision_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rh. Brückner (CDU) fragt nach den Kosten für die Bäume.", "Rh. Brückner"),
        ("Herr Bezirksvorsteher Kahlert eröffnet die Sitzung.", "Herr Bezirksvorsteher Kahlert"),
        ("Der Bezirksvorsteher, Herr Henning Kahlert (SPD), verpflichtet zwei neue Mitglieder.",
         "Herr Henning Kahlert"),
    ],
)  # fmt: skip
def test_council_abbreviations_and_the_apposition_with_a_party(text: str, name: str) -> None:
    """``Rh.``/``Rf.`` and district offices before a surname, and an apposition with the
    party in brackets, name the speaker; swearing in is the chair's act."""
    speaker = inline_speaker(text, NOBODY)
    assert speaker is not None and speaker.name == name


def test_council_abbreviations_near_miss() -> None:
    """``verpflichtet`` as an adjective after a body is no speech."""
    assert inline_speaker("Die Stadt ist verpflichtet, zu handeln.", NOBODY) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Das gibt solchen Orten eine Bedeutung.“ (Zitat Frau Okafor)", "Frau Okafor"),
        ("Erster Bürgermeister Anton Reischl dankte den ausscheidenden Mitgliedern.",
         "Bürgermeister Anton Reischl"),
        ("Den Tätigkeitsbericht trug die Vorsitzende Dorothee Lambrecht vor.",
         "Dorothee Lambrecht"),
        ("Die Kassenprüferin Jutta Merkens bescheinigte eine einwandfreie Kassenführung.",
         "Jutta Merkens"),
    ],
)  # fmt: skip
def test_speakers_quoted_after_an_ordinal_or_after_the_verb(text: str, name: str) -> None:
    """``(Zitat Frau X)`` after a quotation, an ordinal before the office, a report given by
    an office and a full name after the verb: the speaker."""
    speaker = inline_speaker(text, NOBODY)
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Natürlich unterstrich auch das schöne Wetter die Atmosphäre.",
        "Als Gäste begrüßt der Vorsitzende Hanna Claußen und Okan Demir.",
        "Erste Ergebnisse stellte die Gruppe im Mai vor.",
    ],
)
def test_speakers_quoted_after_an_ordinal_or_after_the_verb_near_miss(text: str) -> None:
    """An adverb before the verb, the greeted after the greeting chair, a plain ordinal: none
    of them speaks."""
    assert inline_speaker(text, NOBODY) is None


def test_elected_with_zur_and_the_deputy_and_offices_in_the_dative() -> None:
    """``Zur Vorsitzenden wurde X gewählt, ihr Stellvertreter ist Y``: both elected; ``dankte
    den ausscheidenden Mitgliedern A und B``: an office in the dative plural before names."""
    p = protokollkit.read(
        "Bericht vom 05.06.2025\n\nDer Bürgermeister dankte den ausscheidenden Mitgliedern "
        "Hildegard Brunner und Otto Graf. Zur Vorsitzenden wurde Irmgard Stolle einstimmig "
        "gewählt, ihr Stellvertreter ist Bernd Kaltenecker.\n"
    )
    names = [x.name for x in p.present()]
    for name in ("Hildegard Brunner", "Otto Graf", "Irmgard Stolle", "Bernd Kaltenecker"):
        assert name in names


def test_elected_with_zur_near_miss() -> None:
    """``Zur Sitzung wurde Kaffee gereicht``, a deputy named without an election, a dative
    that is no office: nobody."""
    p = protokollkit.read(
        "Bericht vom 05.06.2025\n\nZur Sitzung wurde Kaffee gereicht. Ihr Stellvertreter ist "
        "Bernd Kaltenecker. Wir danken den Freunden Hilde Berg und Otto Graf.\n"
    )
    assert [x.name for x in p.present()] == []


MEMBERS_BELOW = """# Seniorenbeirat am 05.06.2025

Der Beirat hat sich neu gebildet. Dem neuen Seniorenbeirat gehören außerdem an:

- Franz Obermeier
- Rosa Lechner

Als Nächstes plant der Beirat eine Sitzbank-Aktion.
"""


def test_members_listed_below_the_sentence_that_introduces_them() -> None:
    """``… gehören außerdem an:`` over a list of names: those members took part."""
    names = [x.name for x in protokollkit.read(MEMBERS_BELOW, "markdown").present()]
    assert "Franz Obermeier" in names and "Rosa Lechner" in names


def test_members_listed_near_miss_topics_below_an_introduction() -> None:
    """A list of topics (not names) below such a sentence, or names below another one: nobody."""
    text = MEMBERS_BELOW.replace("Franz Obermeier", "Sitzbänke am Rundweg").replace(
        "gehören außerdem an:", "liegen diese Themen vor:"
    )
    names = [x.name for x in protokollkit.read(text, "markdown").present()]
    assert "Rosa Lechner" not in names and "Sitzbänke am Rundweg" not in names


def test_later_sentences_and_due_at_the_years_end() -> None:
    """A speaker with his body in a later sentence after ``(siehe Bilder).``, an ordinal office
    in a later sentence, ``bis zum Jahresende``, a body with its name as the owner."""
    assert inline_speaker(
        "Wir fragten nach (siehe Bilder). Herr Lindemann vom Mieterbeirat schlug vor, eine Bank "
        "aufzustellen.",
        NOBODY,
    ) == Person("Herr Lindemann", "Mieterbeirat")
    speaker = inline_speaker(
        "Nun war es so weit. Erster Bürgermeister Anton Reischl dankte allen.", NOBODY
    )
    assert speaker is not None and speaker.name == "Bürgermeister Anton Reischl"
    task = task_in(
        "Frau Ahlgrimm sagte zu, die Idee bis zum Jahresende einzubringen.",
        NOBODY,
        dt.date(2025, 11, 7),
    )
    assert task is not None and task.due == dt.date(2025, 12, 31)
    task = task_in(
        "Es wurde vereinbart, sich öfter zu treffen. Die Mietergemeinschaft Hafenstraße kümmert "
        "sich um einen Flyer.",
        NOBODY,
        None,
    )
    assert task is not None and task.owners == ("Mietergemeinschaft Hafenstraße",)


def test_later_sentences_and_due_at_the_years_end_near_miss() -> None:
    """``am 21. Juli`` ends no sentence; ``Ende des Monats`` is no year's end; a body that
    owns a task is not among those present."""
    assert inline_speaker("Am 21. Herr Lindemann vom Beirat schlug vor, zu gehen.", NOBODY) is None
    task = task_in("Lea kümmert sich bis Ende des Monats darum.", NOBODY, dt.date(2025, 11, 7))
    assert task is not None and task.due != dt.date(2025, 12, 31)
    p = protokollkit.read(
        "Treffen am 16.08.2025\n\nDie Mietergemeinschaft Hafenstraße kümmert sich um einen Flyer.\n"
    )
    assert [x.name for x in p.present()] == []


OFFICERS = """# Eigentümerversammlung am 26.06.2025

## Versammlungsleitung

- Verena Schuster – Versammlungsleiterin (Hausverwaltung)
- Thomas Kurz – Protokollführer

## Teilnehmer

Anwesend: Thomas Kurz, Elif Aydın

## TOP 1: Jahresabrechnung

Die Jahresabrechnung wird genehmigt.
"""


def test_officers_in_name_and_role_lines() -> None:
    """``Name – Versammlungsleiterin``, ``Name – Protokollführer``: chair and minute-taker."""
    p = protokollkit.read(OFFICERS, "markdown")
    assert p.meta_value("chair") == "Verena Schuster"
    assert p.meta_value("minute_taker") == "Thomas Kurz"


def test_officers_near_miss_other_roles() -> None:
    """``Name – Stimmzählerin``, ``Name – Kasse``: no chair and no minute-taker."""
    text = OFFICERS.replace("Versammlungsleiterin", "Stimmzählerin").replace(
        "Protokollführer", "Kasse"
    )
    p = protokollkit.read(text, "markdown")
    assert p.meta_value("chair") is None and p.meta_value("minute_taker") is None


def test_elected_with_the_body_in_brackets_and_the_tally() -> None:
    """``Als neues Mitglied … wurde X (Familienzentrum) mit 21 Ja-Stimmen … gewählt``: X took
    part; a bracket that is no name's (``Als Ort wurde (wie immer) der Saal gewählt``) none."""
    from protokollkit.people import elected_in

    assert elected_in(
        ["Als neues Mitglied im Vorstand wurde Selin Karakaya (Familienzentrum Südstern) mit 21 "
         "Ja-Stimmen bei 2 Enthaltungen gewählt."]
    ) == ["Selin Karakaya"]  # fmt: skip
    assert elected_in(["Als Ort wurde (wie immer) der Saal im Rathaus gewählt."]) == []


def test_titled_full_names_in_the_prose_took_part() -> None:
    """``Frau Ilona Pretzsch wird … vertreten``, ``Herr Pastor Riekenberg``: a title before a
    first name (or an office) and a surname, when nobody is listed; ``Herr Brandt`` stays the
    speaker's form and ``Frau Rechtsanwältin Dr`` no name."""
    p = protokollkit.read(
        "Sitzung am 13.02.2025\n\nFrau Ilona Pretzsch wird in Zukunft die Fraktion vertreten. "
        "Es sprach Herr Pastor Riekenberg.\n"
    )
    names = [x.name for x in p.present()]
    assert "Frau Ilona Pretzsch" in names and "Herr Pastor Riekenberg" in names


def test_titled_full_names_near_miss() -> None:
    """A title and a surname alone, or a title before an abbreviation: not added from prose."""
    p = protokollkit.read(
        "Sitzung am 13.02.2025\n\nEs wurde über Herrn Brandts Antrag gesprochen und die Frau "
        "Rechtsanwältin Dr. zitiert.\n"
    )
    assert [x.name for x in p.present()] == []


def test_the_one_who_opens_the_evening_is_a_guest() -> None:
    """``Den Auftakt lieferte Malte Urbanek vom Repair-Café``: the opening talk's speaker is a
    guest; ``Den Auftakt bildete ein Rundgang`` names nobody."""
    p = protokollkit.read(
        "Netzwerkabend am 12.03.2025\n\nDen Auftakt lieferte Malte Urbanek vom Repair-Café.\n"
    )
    assert [x.name for x in p.attendance_of("guests")] == ["Malte Urbanek"]
    p = protokollkit.read(
        "Netzwerkabend am 12.03.2025\n\nDen Auftakt bildete ein Rundgang durch den Garten.\n"
    )
    assert p.attendance_of("guests") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Lea Brandt war der Meinung, dass das Jugendforum ein Erfolg gewesen sei.", "Lea Brandt"),
        ("Jonas Keller fand, dass die Workshops gut funktioniert hätten.", "Jonas Keller"),
    ],
)
def test_opinions_in_reported_speech_name_the_speaker(text: str, speaker: str) -> None:
    """``Name war der Meinung, dass …``, ``Name fand, dass …``: an opinion reported, so a
    speaker (and, without an attendance list, one who took part)."""
    found = inline_speaker(text, NOBODY)
    assert found is not None and found.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Die Mehrheit war der Meinung, dass es reicht.",
        "Das Sommerfest fand, wie jedes Jahr, im Mai statt.",
        "Gartenfest Lindenhof fand im Mai statt.",
    ],
)
def test_opinions_near_miss(text: str) -> None:
    """A body's opinion or an event that took place (``fand … statt``): no speaker."""
    assert inline_speaker(text, NOBODY) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Alle kamen pünktlich. Mirko Albers, Quartiersmanager und neuer Leiter des "
         "Quartiersbüros, stellte sich auch in diesem Kreis vor.", "Mirko Albers"),
        ("Die Verwaltung hatte eingeladen. Die Bauamtsleiterin, Kerstin Marquardt begrüßte die "
         "Teilnehmer.", "Kerstin Marquardt"),
        ("Es ging um die Ämter. Anna-Lena Huber vom Helferkreis Oberhausen berichtete von ihren "
         "Erfahrungen.", "Anna-Lena Huber"),
    ],
)  # fmt: skip
def test_speakers_in_appositions_of_a_later_sentence(text: str, speaker: str) -> None:
    """A later sentence of a report names its speaker with an apposition (perhaps without the
    closing comma) or with the body spoken for."""
    found = inline_speaker(text, NOBODY)
    assert found is not None and found.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Am Ende gab es Kuchen. Rote Grütze, Vanillesoße und Sahne, gab es auch.",
        "Es ging um den Hof. Der Garten, die Bänke und der Zaun stellte sich als Problem heraus.",
    ],
)
def test_speakers_in_appositions_near_miss(text: str) -> None:
    """A list of things before the verb, or a verb with ``es`` after it: nobody spoke."""
    assert inline_speaker(text, NOBODY) is None


def _word_list(role: str) -> list[Line]:
    """The lines a Word attendance list gives when each entry holds a typed line break before
    the second line (``Herr E. Brandl`` / ``(…)``)."""
    entry = Hints(list_level=0)
    return [
        Line("Bewohnerbeirat – Sitzung vom 09.09.2025", 1, Hints(heading=1)),
        Line("Anwesend waren:", 2),
        Line("", 3),
        Line("Herr E. Brandl", 3, entry),
        Line(f"    ({role})", 3),
        Line("", 4),
        Line("Frau I. Lux", 4, entry),
        Line("Frau M. Bader", 5, entry),
        Line("1. Speiseplan", 6, Hints(heading=2)),
        Line("Fisch am Freitag.", 7),
    ]


def test_role_on_the_line_below_a_word_list_entry() -> None:
    """``Herr E. Brandl`` / ``(1. Vorsitzender)``: the role is that person's, the list goes
    on, and the first chair of a club (``1. Vorsitzender``) chairs."""
    p = parse_lines(_word_list("1. Vorsitzender"))
    assert [x.name for x in p.present()] == ["Herr E. Brandl", "Frau I. Lux", "Frau M. Bader"]
    assert p.present()[0].affiliation == "1. Vorsitzender"
    assert p.meta_value("chair") == "Herr E. Brandl"


def test_role_below_a_word_list_entry_near_miss() -> None:
    """A bracket that names no office (``(siehe Anlage)``) is no role: not the entry's."""
    p = parse_lines(_word_list("siehe Anlage"))
    assert all(x.affiliation != "siehe Anlage" for x in p.present())
    assert p.meta_value("chair") is None


@pytest.mark.parametrize(
    "text",
    [
        "Verabredet wurde, sich künftig einmal im Monat zu treffen.",
        "Fazit des Tages war, dass sich die Helferkreise künftig zweimal im Jahr treffen wollen.",
        "Letztlich verständigte man sich darauf, dass die Konferenz im April stattfinden soll.",
        "Bei der Jahreshauptversammlung wurde der Vorstand im Amt bestätigt.",
        "Der Helferkreis hat sich nach diesem Treffen in fünf Arbeitskreisen konstituiert.",
    ],
)
def test_agreements_of_a_report_in_words(text: str) -> None:
    """Agreements a report writes without the words of a resolution: the participle first,
    the day's conclusion of what the group wants, ``man`` agreeing, a board confirmed in
    office, a group constituting itself."""
    decision = decision_in(text)
    assert decision is not None and decision.result == "accepted"


@pytest.mark.parametrize(
    "text",
    [
        "Fazit des Tages war, dass es zu wenige Räume gibt.",
        "Verabredet hatten sich nur drei Nachbarn.",
        "Das Gremium wird sich im Mai konstituieren.",
        "Er bestätigt die Zahlen des Amtes.",
    ],
)
def test_agreements_of_a_report_near_miss(text: str) -> None:
    """A conclusion that is a finding, people who had arranged to meet, a constitution still
    to come, a confirmation that is no election: no decision."""
    assert decision_in(text) is None


def test_the_verb_before_a_full_name_in_a_later_sentence() -> None:
    """``Daran erinnerte Hartwig Lüders in seinem Bericht``: the speaker after the verb, before
    his report; the adverb that opens the sentence is nobody."""
    text = "Helfen zählt zum Kernanliegen. Daran erinnerte Hartwig Lüders in seinem Bericht."
    found = inline_speaker(text, NOBODY)
    assert found is not None and found.name == "Hartwig Lüders"


def test_the_verb_before_a_full_name_near_miss() -> None:
    """``Daran erinnerte das Plakat in seinem Text``: no name after the verb, and ``Daran`` is
    no first name."""
    text = "Helfen zählt zum Kernanliegen. Daran erinnerte das Plakat in seinem Text."
    assert inline_speaker(text, NOBODY) is None


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("Nach der Vorstellung durch Anne Kessler übernahm Bea Hofmann die Moderation.",
         "Bea Hofmann"),
        ("Die Vorsitzende, Bürgermeisterin Dr. Sabine Krauß, eröffnete die Sitzung.",
         "Dr. Sabine Krauß"),
    ],
)  # fmt: skip
def test_chair_taking_over_or_in_an_apposition_with_office(text: str, chair: str) -> None:
    """``übernahm Name die Moderation``; ``Die Vorsitzende, Bürgermeisterin Name, eröffnete``."""
    p = protokollkit.read(f"Sitzung am 12.11.2025\n\n{text}\n")
    assert p.meta_value("chair") == chair


def test_chair_taking_over_near_miss() -> None:
    """``übernahm die Stadt die Kosten``: nobody takes over the chair."""
    p = protokollkit.read("Sitzung am 12.11.2025\n\nFür das Fest übernahm die Stadt die Kosten.\n")
    assert p.meta_value("chair") is None


def test_officers_named_in_a_report_took_part() -> None:
    """A report of a general meeting names the board after its offices: they took part."""
    from protokollkit.people import people_in_prose

    found = people_in_prose([
        "Vorsitzender des Vorstands bleibt Hartwig Lüders. Seine Stellvertreterinnen sind Amira "
        "Cordes und Claudia Fehse. Als Kassenwartin fungiert Helga Brünjes. Birgit Grothmann "
        "wird die Schriftführung fortsetzen.",
        "Die seitherigen Sprecher*innen des Quartiersrates Henrike Vollmer und Uwe Sasse "
        "begrüßten die Anwesenden.",
    ])  # fmt: skip
    assert found["present"] == [
        "Hartwig Lüders", "Amira Cordes", "Claudia Fehse", "Helga Brünjes", "Birgit Grothmann",
        "Henrike Vollmer", "Uwe Sasse",
    ]  # fmt: skip


def test_officers_named_near_miss() -> None:
    """An office with no name after it (``Der Vorsitzende ist Mitglied seit 1990``), a word
    that is no office (``Die Kasse ist Sache des Vorstands``): nobody."""
    assert people_in_prose([
        "Der Vorsitzende ist Mitglied seit 1990. Die Kasse ist Sache des Vorstands.",
    ]) == {}  # fmt: skip


def test_names_in_brackets_behind_topics_and_a_photo_caption_took_part() -> None:
    """``a) Lesepaten (Nadine Kurz), b) … (Christa Heim/ Ralf Kober)``: those who brought up
    each topic; ``Von links nach rechts: Name (Area); Herr Name (Area)``: those in the picture
    of the meeting."""
    from protokollkit.people import people_in_prose

    found = people_in_prose([
        "Es reichte von a) Lesepaten (Nadine Kurz), b) Presse (Christa Heim/ Ralf Kober), "
        "c) Moderation (Jens Hartung).",
        "Von links nach rechts: Doreen Weiß (Kundenbetreuung); Herr Fröhlich (Leibnizviertel); "
        "Herr Dr. Kessel – Vorsitzender – (Stadtmitte)",
    ])  # fmt: skip
    assert found["present"] == [
        "Nadine Kurz", "Christa Heim", "Ralf Kober", "Jens Hartung", "Doreen Weiß", "Herr Fröhlich",
        "Herr Dr. Kessel",
    ]  # fmt: skip


def test_names_in_brackets_and_captions_near_miss() -> None:
    """Places in brackets (``(Haus Regenbogen)``, ``(Alte Post)``), one bracket alone, a
    caption of places: nobody."""
    assert people_in_prose([
        "Angebote in der Kita (Haus Regenbogen), im Treff (Alte Post) und (Beratung Schulden).",
        "Der Flyer kam von der Druckerei (Jana Ott).",
        "Von links nach rechts: Rathaus, Kirche und Markt.",
    ]) == {}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Der Beirat hat sich am 09.09.2025 um 10:00 Uhr im Café des Hauses getroffen.",
         "Café des Hauses"),
        ("Mitte November haben sich in Penzing 34 Koordinatoren zu einem Treffen getroffen.",
         "Penzing"),
        ("Wenige Jugendliche waren am Donnerstag ins Jugendhaus am Steinweg gekommen.",
         "Jugendhaus am Steinweg"),
        ("Bürgermeisterin Katrin Oswald begrüßte die Gäste im Ratssaal.", "Ratssaal"),
    ],
)  # fmt: skip
def test_the_place_where_people_met_in_a_sentence(text: str, place: str) -> None:
    """The place before the verb of meeting, or where the guests were greeted."""
    assert protokollkit.read(f"Bericht\n\n{text}\n").meta_value("place") == place


@pytest.mark.parametrize(
    "text",
    [
        "Wir haben uns im Vorfeld getroffen.",
        "Sie hat sich im Januar mit der Stadt getroffen.",
        "Er begrüßte die Gäste im Namen des Vorstands.",
    ],
)
def test_the_place_where_people_met_near_miss(text: str) -> None:
    """``im Vorfeld``, ``im Januar``, ``im Namen``: no place."""
    assert protokollkit.read(f"Bericht\n\n{text}\n").meta_value("place") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Die nächste Sozialraumkonferenz soll im Frühsommer 2026 stattfinden.",
        "Das nächste Treffen soll im April nächsten Jahres stattfinden.",
    ],
)
def test_next_meeting_in_an_early_season_or_next_year(sentence: str) -> None:
    """``im Frühsommer 2026``, ``im April nächsten Jahres``: the next meeting without a day."""
    p = protokollkit.read(f"Konferenz am 16.04.2025\n\nEs war gut.\n\n{sentence}\n")
    assert p.next_meeting is not None and p.next_meeting.text == sentence


def test_next_meeting_in_a_season_near_miss() -> None:
    """``Im Frühsommer 2026 wird der Spielplatz eröffnet``: a season, but no next meeting."""
    p = protokollkit.read(
        "Konferenz am 16.04.2025\n\nEs war gut.\n\n"
        "Im Frühsommer 2026 wird der Spielplatz eröffnet.\n"
    )
    assert p.next_meeting is None


def test_consensus_of_all_present_in_a_later_sentence() -> None:
    """``… Konsens bei allen Anwesenden war, dass …`` after another sentence: a decision; the
    same words without ``dass`` (``war nicht zu erreichen``) none."""
    decision = decision_in(
        "Die Bürgermeisterin begrüßte die Gäste. Konsens bei allen Anwesenden war, dass "
        "Kommunikation gefördert werden muss."
    )
    assert decision is not None and decision.result == "accepted"
    assert (
        decision_in(
            "Die Bürgermeisterin begrüßte die Gäste. Konsens bei allen Anwesenden war nicht "
            "zu erreichen."
        )
        is None
    )


def test_the_region_is_no_place_of_the_meeting() -> None:
    """``… die Vernetzung der Helferkreise in der Region``: no place; the town where they met
    (``haben sich in Penzing … getroffen``) is."""
    p = protokollkit.read(
        "Bericht\n\nMitte November haben sich in Penzing 34 Koordinatorinnen und Koordinatoren aus "
        "19 Helferkreisen zu einem ersten gemeinsamen Vernetzungstreffen getroffen. Anliegen "
        "der Pfarrerin, die das Treffen einberufen hatte, war die Vernetzung in der Region.\n"
    )
    assert p.meta_value("place") == "Penzing"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Darum will sich der Vorstand bemühen.", "Vorstand"),
        ("Bürgermeister Lorenz Abt versprach, die Skateanlage für 2026 anzumelden.", "Lorenz Abt"),
        ("Auf Nachfrage eines Anwohners sagte Frau Marquardt zu, die Pläne zu versenden.",
         "Frau Marquardt"),
    ],
)  # fmt: skip
def test_tasks_promised_or_taken_on_by_a_body(text: str, owner: str) -> None:
    """A body that will see to it, a promise, the verb of a commitment before the one who
    makes it: tasks with their owner."""
    task = task_in(text, NOBODY, dt.date(2025, 11, 24))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte Frau Müller zu, dass es klappt.",
        "Die Kinder versprachen, leise zu sein.",
        "Das Wetter will sich einfach nicht bessern.",
    ],
)
def test_tasks_promised_near_miss(text: str) -> None:
    """The one promised to (dative), a group's promise of good behaviour, weather: no task."""
    assert task_in(text, NOBODY, dt.date(2025, 11, 24)) is None


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("Seit 2005 gibt es den Beirat, inzwischen hat Dr. Gerold Kessel den Vorsitz.",
         "Dr. Gerold Kessel"),
        ("Die Verwaltung hatte eingeladen. Die Bauamtsleiterin, Kerstin Marquardt begrüßte die "
         "Teilnehmer.", "Kerstin Marquardt"),
    ],
)  # fmt: skip
def test_chair_who_has_the_chair_or_greets_in_an_apposition(text: str, chair: str) -> None:
    """``hat Name den Vorsitz``; ``Die Bauamtsleiterin, Name begrüßte die Teilnehmer``."""
    assert protokollkit.read(f"Bericht vom 30.01.2025\n\n{text}\n").meta_value("chair") == chair


def test_chair_who_has_the_chair_near_miss() -> None:
    """``hat … den Vorsitz abgegeben`` names no one; greeting one guest is no chairing."""
    p = protokollkit.read(
        "Bericht vom 30.01.2025\n\nDer Verein hat 2024 den Vorsitz im Netzwerk abgegeben. "
        "Die Kassiererin, Jana Ott begrüßte ihre Nachbarin.\n"
    )
    assert p.meta_value("chair") is None


def test_surname_on_meister_after_a_first_name_speaks() -> None:
    """``Emil Hoffmeister fand, dass …``: a surname that ends like an office, after a first
    name; ``Der Hausmeister fand, …`` names nobody."""
    found = inline_speaker("Emil Hoffmeister fand, dass es gut war.", NOBODY)
    assert found is not None and found.name == "Emil Hoffmeister"
    assert inline_speaker("Der Hausmeister fand, dass es gut war.", NOBODY) is None


def test_guest_who_also_took_part_and_presenters() -> None:
    """``nahm auch Frau Dr. Ursula von Hagen vom Freundeskreis … teil``: a guest (a name with
    a particle); ``Vorstellung … durch Anne Kessler und erweitert Martina Vogt``: presenters
    who took part; ``sich am DATE um 10:00 Uhr im Café … getroffen``: the start."""
    p = protokollkit.read(
        "Bericht\n\nDer Kreis hat sich am 29.10.2025 um 10:00 Uhr im Café Hansa getroffen. "
        "Neben dem Bürgermeister nahm auch Frau Dr. Ursula von Hagen vom Freundeskreis an dem "
        "Treffen teil. Nach kurzer Vorstellung des Konzeptes durch Anne Kessler und erweitert "
        "Martina Vogt ging es los.\n"
    )
    assert [x.name for x in p.attendance_of("guests")] == ["Frau Dr. Ursula von Hagen"]
    names = [x.name for x in p.present()]
    assert "Anne Kessler" in names and "Martina Vogt" in names
    assert (p.meta_value("start") or "").startswith("10:00")


def test_guest_who_also_took_part_and_presenters_near_miss() -> None:
    """``nahm auch die Presse teil``, ``Vorstellung durch die Verwaltung``: nobody named."""
    p = protokollkit.read(
        "Bericht\n\nAn dem Treffen nahm auch die Presse teil. Nach der Vorstellung durch die "
        "Verwaltung ging es los.\n"
    )
    assert p.attendance_of("guests") == () and p.present() == ()


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Wir werden die Forderungen in einem Brief an den Beirat weitergeben. Danach Kaffee.", ()),
        ("Diese Geschäftsordnung wird nun in der Stadtverwaltung überprüft.", ("Stadtverwaltung",)),
    ],
)
def test_plans_of_we_and_checks_of_the_administration(text: str, owners: tuple[str, ...]) -> None:
    """``Wir werden … weitergeben.``: a plan, a task of the group; ``wird nun in der
    Stadtverwaltung überprüft``: a task of the administration."""
    task = task_in(text, NOBODY, dt.date(2025, 11, 24))
    assert task is not None and task.owners == owners


@pytest.mark.parametrize(
    "text",
    ["Wir werden sehen.", "Wir werden alle älter.", "Der Antrag wurde in der Verwaltung geprüft."],
)
def test_plans_of_we_near_miss(text: str) -> None:
    """No plan (``Wir werden sehen``), and a check that is done (``wurde … geprüft``)."""
    assert task_in(text, NOBODY, dt.date(2025, 11, 24)) is None


def test_every_sentence_of_a_report_names_who_took_part() -> None:
    """A paragraph records one speaker; the full names later sentences name as speakers
    took part too (``… leitete Jonas Pfeiffer, Sachgebietsleiter …, die Konferenz ein``), and
    names with letters of other languages (``Dragana Petrović``) are names."""
    from protokollkit.people import people_in_prose

    p = protokollkit.read(
        "Konferenz am 16.04.2025\n\nBürgermeisterin Katrin Oswald begrüßte die Gäste. Mit einer "
        "Vorstellung des Konzeptes leitete Jonas Pfeiffer, Sachgebietsleiter Soziales, die "
        "Konferenz ein.\n"
    )
    names = [x.name for x in p.present()]
    assert "Katrin Oswald" in names and "Jonas Pfeiffer" in names
    found = people_in_prose(
        ["Es ging um a) Kieztouren (Dragana Petrović), b) Presse (Ralf Kober)."]
    )
    assert found["present"] == ["Dragana Petrović", "Ralf Kober"]


def test_every_sentence_of_a_report_near_miss() -> None:
    """A later sentence whose subject is a thing (``Die Stadtteilzeitung berichtete …``):
    nobody more."""
    p = protokollkit.read(
        "Konferenz am 16.04.2025\n\nBürgermeisterin Katrin Oswald begrüßte die Gäste. Die "
        "Stadtteilzeitung berichtete ausführlich.\n"
    )
    assert [x.name for x in p.present()] == ["Katrin Oswald"]


def _rows(*rows: tuple[str, ...]) -> list[Line]:
    head = [
        Line("Protokoll des Stadtteiltisches am 13. April 2023", 1, NO_HINTS),
        Line("", 2, NO_HINTS),
        Line("Teilnehmende", 3, Hints(bold=True)),
    ]
    body = [Line(" | ".join(r), 4 + i, Hints(table_row=r)) for i, r in enumerate(rows)]
    tail = [
        Line("", 20, NO_HINTS),
        Line("TOP 1: Aktuelles", 21, NO_HINTS),
        Line("Gut.", 22, NO_HINTS),
    ]
    return head + body + tail


def test_unmarked_column_heads_of_an_attendance_table_are_kept() -> None:
    # a Word table whose heads are only bold: the first row names the columns, it is kept
    p = parse_lines(_rows(("Name", "Einrichtung"), ("Dana Witt", "WIRO"), ("Ole Brandt", "SBZ")))
    assert [x.name for x in p.present()] == ["Dana Witt", "Ole Brandt"]
    assert "Name | Einrichtung" in str(protokollkit.write(p, "text"))


def test_a_first_row_naming_a_person_is_no_column_head() -> None:
    p = parse_lines(_rows(("Nadine Ehlers", "Einrichtung"), ("Dana Witt", "WIRO")))
    assert [x.name for x in p.present()] == ["Nadine Ehlers", "Dana Witt"]


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        ("Heike S. (Familienzentrum) berichtete, dass das Elterncafé wieder öffnet.", "Heike S.",
         "Familienzentrum"),
        ("Jens M. (Ortsbeirat) wies darauf hin, dass der Ortsbeirat öffentlich tagt.", "Jens M.",
         "Ortsbeirat"),
        ("Die Stadtteilmanagerin Frau Jessen (Stadtteilmanagement) gab einen Überblick.",
         "Frau Jessen", "Stadtteilmanagement"),
        ("Der Vorsitzende Herr Vogt eröffnet die Sitzung um 14 Uhr.", "Herr Vogt", None),
        ("Zu guter Letzt brachte Frau Raddatz (Johanniter) den Vorschlag ein.", "Frau Raddatz",
         "Johanniter"),
        ("Frau Kaminski (Ev. Kirchengemeinde) lädt zum Martinsumzug ein.", "Frau Kaminski",
         "Ev. Kirchengemeinde"),
    ],
)  # fmt: skip
def test_speakers_with_an_initial_a_role_before_or_an_invitation(
    text: str, name: str, affiliation: str | None
) -> None:
    speaker = inline_speaker(text, NOBODY)
    assert speaker is not None
    assert (speaker.name, speaker.affiliation) == (name, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "Die Aktion brachte 300 Euro für die Kleiderkammer ein.",
        "Die Kirchengemeinde lädt zum Gemeindefest ein.",
        "Die Sanierung Haus B. (WIRO) begann im Mai.",
        "Die neue Kollegin Frau Berg wurde herzlich begrüßt.",
    ],
)
def test_no_speaker_in_near_forms(text: str) -> None:
    assert inline_speaker(text, NOBODY) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Frau Jahnke (Stadtteilmanagement) wird bei den Stadtwerken nachfragen.", "Frau Jahnke"),
        ("Es gab eine Beschwerde über volle Papierkörbe. Stadtteilbüro wird nachhaken.",
         "Stadtteilbüro"),
    ],
)  # fmt: skip
def test_will_with_a_verb_of_following_up_is_a_task(text: str, owner: str) -> None:
    task = task_in(text, NOBODY, None)
    assert task is not None
    assert task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Das Fest wird im September stattfinden.",
        "Frau Kohl wird nachfragen, ob der Raum frei ist.",
        "Das Thema wird im Mai geklärt.",
    ],
)
def test_will_without_a_follow_up_verb_at_the_end_is_no_task(text: str) -> None:
    assert task_in(text, NOBODY, None) is None


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Die Ideenwerkstatt wird im Zuge des nächsten Stadtteiltisches am 10.10.2019 stattfinden.",
         "2019-10-10"),
        ("Das nächste Netzwerkfrühstück ist für Donnerstag, den 24. Oktober, um 9 Uhr geplant.",
         "2019-10-24"),
        ("- 12.09.2019, 14 Uhr: nächster Stadtteiltisch im SBZ", "2019-09-12"),
    ],
)  # fmt: skip
def test_next_meeting_in_the_genitive_as_a_breakfast_or_in_a_dates_list(
    sentence: str, date: str
) -> None:
    p = protokollkit.read(f"Protokoll 22.08.2019\n\nTOP 1 Termine\n\n{sentence}\n")
    assert p.next_meeting is not None and str(p.next_meeting.date) == date


@pytest.mark.parametrize(
    "sentence",
    [
        "- 12.09.2019, 14 Uhr: nächste Schritte im SBZ besprechen",
        "- 12.09.2019: Sommerfest der Kita",
        "Das Frühstück der Kita kostet ab dem 24. Oktober 2 Euro.",
    ],
)
def test_no_next_meeting_in_near_entries(sentence: str) -> None:
    p = protokollkit.read(f"Protokoll 22.08.2019\n\nTOP 1 Termine\n\n{sentence}\n")
    assert p.next_meeting is None


def test_an_institution_is_known_by_its_first_word() -> None:
    known = ParticipantIndex(
        (Person("Dana Witt", "WIRO KundenCenter"), Person("Malik Haddad", "Migrationsberatung AWO"))
    )
    assert known.knows("WIRO") and known.knows("Migrationsberatung")
    text = (
        "Protokoll des Stadtteiltisches am 13. April 2023\n\n"
        "Teilnehmende: Dana Witt (WIRO KundenCenter), Malik Haddad (Migrationsberatung AWO)\n\n"
        "1 Aktuelles aus den Einrichtungen\n\n"
        "WIRO: Die Mieter-App hat eine neue Funktion.\n\n"
        "Migrationsberatung: Zwei neue Sprachkurse, es gibt noch freie Plätze.\n"
    )
    speakers = [x.name for x in protokollkit.read(text).speakers()]
    assert "WIRO" in speakers and "Migrationsberatung" in speakers


def test_a_short_or_dotted_first_word_of_an_institution_is_no_name() -> None:
    known = ParticipantIndex((Person("Anna Berg", "AG Kinder"), Person("Olaf Rehm", "St. Marien")))
    assert not known.knows("AG") and not known.knows("St.")


def test_a_time_in_the_title_is_the_start_and_a_moderated_round_no_chair() -> None:
    p = protokollkit.read("Protokoll – Stadtteiltisch 14.12.2023 14.00Uhr\n\n1 A\n\n- x\n")
    assert p.meta_value("start") == "14.00"
    q = protokollkit.read(
        "Protokoll Stadtteiltisch 14.12.2023\n\nEs moderierte die Runde sehr zügig.\n\n1 A\n\n- x\n"
    )
    assert q.meta_value("start") is None and q.meta_value("chair") is None


@pytest.mark.parametrize(
    "text",
    [
        "Stände: Einrichtungen melden sich bis 30.09.2022 beim SBZ",
        "Einrichtungen melden Termine für den Familienplaner an Frau Marten (bis 20.12.2023)",
        "Frühjahrsputz? → alle Einrichtungen melden sich bis Ende Februar 2025 bei Dana.",
    ],
)
def test_a_request_to_a_group_of_actors_names_them_as_owners(text: str) -> None:
    task = task_in(text, NOBODY, dt.date(2022, 7, 14))
    assert task is not None and task.owners[0].endswith("Einrichtungen")


def test_a_request_without_a_group_of_actors_has_no_owner() -> None:
    task = task_in("Anträge melden bis 30.09.2022 beim SBZ", NOBODY, dt.date(2022, 7, 14))
    assert task is not None and task.owners == ()


@pytest.mark.parametrize(
    "text",
    [
        "Der Sozialausschuss nimmt den Bericht der Verwaltung zur Kenntnis.",
        "Der Ortschaftsrat ist damit einverstanden.",
        "Die Versammlung sprach sich mit großer Mehrheit dafür aus, den Hof zu begrünen.",
        "Die Hausgemeinschaft hat sich darauf verständigt, im Juli ein Fest zu feiern.",
        "Eine Mehrheit der Anwesenden votierte für den neuen Termin.",
    ],
)
def test_a_body_taking_note_consenting_or_a_majority_voting_is_a_decision(text: str) -> None:
    decision = decision_in(text)
    assert decision is not None and decision.result == "accepted"


@pytest.mark.parametrize(
    "text",
    [
        "Frau Lorenz nimmt den Hinweis zur Kenntnis.",
        "Herr Abt ist damit einverstanden.",
        "Der Ortschaftsrat ist damit nicht einverstanden.",
        "Die Hausgemeinschaft konnte sich nicht darauf verständigen.",
        "Eine Minderheit votierte für den neuen Termin.",
    ],
)
def test_a_person_taking_note_or_a_minority_voting_is_no_decision(text: str) -> None:
    assert decision_in(text) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Der Mieterbeirat wird eine Liste der Mängel erstellen.", "Mieterbeirat"),
        ("Die Geschäftsstelle wird einen Entwurf der Satzung formulieren.", "Geschäftsstelle"),
        ("Herr Brandt wird dem Beirat eine Stellungnahme vorlegen.", "Herr Brandt"),
    ],
)
def test_will_with_a_verb_of_producing_a_paper_is_a_task(text: str, owner: str) -> None:
    task = task_in(text, NOBODY, dt.date(2025, 4, 16))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Der Bericht wird die Zahlen des Vorjahres vorlegen.",
        "Die Liste der Mängel wird weiter wachsen.",
        "Der Mieterbeirat wird die Liste nicht mehr brauchen.",
    ],
)
def test_will_with_a_thing_as_subject_or_no_paper_is_no_task(text: str) -> None:
    assert task_in(text, NOBODY, dt.date(2025, 4, 16)) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Die Hausverwaltung hat zugesagt, die Mieter vor den Arbeiten zu informieren.",
            "Hausverwaltung",
        ),
        ("Frau Lenz hat bereits zugesagt, den Raum für Juni zu buchen.", "Frau Lenz"),
    ],
)
def test_a_promise_in_the_perfect_is_a_task(text: str, owner: str) -> None:
    task = task_in(text, NOBODY, dt.date(2025, 6, 12))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Die Hausverwaltung hat nicht zugesagt, die Mieter vor den Arbeiten zu informieren.",
        "Die Hausverwaltung hat die Arbeiten für Juni angekündigt.",
    ],
)
def test_no_promise_in_the_perfect_is_no_task(text: str) -> None:
    assert task_in(text, NOBODY, dt.date(2025, 6, 12)) is None


def test_a_yes_in_the_perfect_without_what_is_promised_is_no_task() -> None:
    text = "Der Posaunenchor hat zugesagt. Frau Kessler koordiniert die Kuchenspenden."
    task = task_in(text, NOBODY, dt.date(2024, 5, 13))
    assert task is not None and task.owners == ("Frau Kessler",)
    assert task_in("Der Posaunenchor hat zugesagt.", NOBODY, dt.date(2024, 5, 13)) is None


def test_a_task_verb_after_the_body_a_person_comes_from() -> None:
    text = "Lena Brandt vom Nachbarschaftstreff kümmert sich um Tische und Bänke."
    task = task_in(text, NOBODY, dt.date(2025, 8, 21))
    assert task is not None and task.owners == ("Lena Brandt",)
    near = "Lena Brandt vom Nachbarschaftstreff berichtet über Tische und Bänke."
    assert task_in(near, NOBODY, dt.date(2025, 8, 21)) is None


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        ("Rund 30 Mieter waren gekommen. Moderiert hat unsere Vorsitzende Ute Kranz.", "Ute Kranz"),
        ("Die Sitzung leitete wie immer Beiratssprecherin Olga Brand.", "Olga Brand"),
        ("Der Arbeitskreis trifft sich unter der Leitung von Frau Dr. Eva Sommer.", "Eva Sommer"),
        ("Die Sitzung fand unter der Leitung von Frau Anna Berg statt.", "Anna Berg"),
    ],
)
def test_the_chair_after_the_verb_or_under_the_lead_of(sentence: str, chair: str) -> None:
    p = protokollkit.read(f"Protokoll des Beirats 12.05.2025\n\n{sentence}\n\n1 Aktuelles\n\n- x\n")
    found = p.meta_value("chair")
    assert found is not None and found.endswith(chair)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moderiert hat die Vorsitzende die Runde sehr zügig.",
        "Die Sitzung leitete wie immer zu lebhaften Debatten über.",
        "Der Umbau erfolgt unter der Leitung von Architekt Bernd Haas und dauert zwei Jahre.",
    ],
)
def test_no_chair_in_near_sentences_of_moderating_or_leading(sentence: str) -> None:
    p = protokollkit.read(f"Protokoll des Beirats 12.05.2025\n\n{sentence}\n\n1 Aktuelles\n\n- x\n")
    assert p.meta_value("chair") is None


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Der Treff trifft sich weiterhin im zweiwöchigen Turnus, das nächste Mal am "
            "4. September 2025 um 18 Uhr.",
            dt.date(2025, 9, 4),
        ),
        (
            "Die Runde trifft sich jeden zweiten Mittwoch um 10:00 Uhr, das nächste Mal am "
            "12.11.2025.",
            dt.date(2025, 11, 12),
        ),
    ],
)
def test_the_next_time_after_a_rhythm_of_meetings(sentence: str, date: dt.date) -> None:
    p = protokollkit.read(f"Protokoll des Treffs 21.08.2025\n\n1 Aktuelles\n\n{sentence}\n")
    assert p.next_meeting is not None and p.next_meeting.date == date


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Kita trifft sich mit den Eltern, das nächste Mal geht es um Ausflüge am 12.11.2025.",
        "Der Chor probt jeden Dienstag, das nächste Mal am 12.11.2025.",
    ],
)
def test_no_next_meeting_after_a_rhythm_of_something_else(sentence: str) -> None:
    p = protokollkit.read(f"Protokoll des Treffs 21.08.2025\n\n1 Aktuelles\n\n{sentence}\n")
    assert p.next_meeting is None


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        ("Die Vorsitzende, Frau Albers, dankte der AG für den Bericht.", "Frau Albers"),
        ("Die Vorsitzende der AG, Frau Albers, dankte für den Bericht.", None),
        ("Die Vorsitzende, Frau Albers, und Herr Kern berichten.", None),
    ],
)
def test_the_chair_in_apposition_before_a_verb_late_in_the_minutes(
    sentence: str, chair: str | None
) -> None:
    text = (
        "Protokoll des Ausschusses 05.06.2025\n\n1 Bericht\n\nFrau Hanke erklärte den Bericht.\n\n"
        f"2 Anfragen\n\n- keine\n\n3 Verschiedenes\n\n{sentence}\n"
    )
    assert protokollkit.read(text).meta_value("chair") == chair


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Herr Vogt nimmt die Empfehlung auf und berichtet in der nächsten Konferenz.",
            "Herr Vogt",
        ),
        ("Frau Lenz berichtet in der nächsten Sitzung über den Stand.", "Frau Lenz"),
    ],
)
def test_a_report_promised_for_the_next_meeting_is_a_task(text: str, owner: str) -> None:
    task = task_in(text, NOBODY, dt.date(2025, 3, 19))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Frau Lenz berichtet über die letzte Sitzung.",
        "Frau Lenz berichtet, dass in der nächsten Sitzung gewählt wird.",
    ],
)
def test_a_report_about_a_meeting_is_no_task(text: str) -> None:
    assert task_in(text, NOBODY, dt.date(2025, 3, 19)) is None


@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    [
        (
            "Quartiersmanagerin Anja Wolters stellte die Arbeit des Quartiersbüros vor. "
            "Mieterbeirat Yusuf Arslan berichtete über die geplante Sanierung der Aufzüge.",
            ["Anja Wolters", "Yusuf Arslan"],
        ),
        (  # near miss: the later sentence names someone who did not speak
            "Frau Kessler berichtete vom Sommerfest. Das Fest wurde von Tom Berger organisiert.",
            ["Frau Kessler"],
        ),
        (  # near miss: the same speaker again in the later sentence
            "Anja Wolters stellte das Quartiersbüro vor. Anja Wolters berichtete auch vom Fest.",
            ["Anja Wolters"],
        ),
    ],
)
def test_the_later_sentences_of_a_report_paragraph_name_speakers_too(
    paragraph: str, speakers: list[str]
) -> None:
    text = f"Bewohnertreffen am 12.06.2025\n\n{paragraph}\n"
    p = protokollkit.read(text)
    assert [s.name for s in p.speakers()] == speakers
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


LISTED = ParticipantIndex((Person("Anna Dombrowski"), Person("Jens Vogt")))


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Frau Yıldız und Herr Nowak bereiten das Spielfest vor.",
            ("Frau Yıldız", "Herr Nowak"),
        ),
        ("Hr. Brenner kümmert sich um Bierbänke und Zelte.", ("Hr. Brenner",)),
        ("Frau Vogt übernimmt die Einladungen.", ("Frau Vogt",)),
        # near misses: no title before the unlisted name, or a plural that only looks like one
        ("Kita Sonnenhaus übernimmt die Einladungen.", None),
        ("Frauen und Kinder übernehmen die Dekoration.", None),
    ],
)
def test_a_titled_name_owns_a_task_where_a_list_does_not_hold_it(
    text: str, owners: tuple[str, ...] | None
) -> None:
    task = task_in(text, LISTED, dt.date(2025, 3, 19))
    assert (task.owners if task is not None else None) == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Frau Brune übernimmt bis zum 30.11.2025 die Aktualisierung der Mitgliederliste. "
            "Herr Gerstner nimmt Kontakt mit möglichen Sponsoren auf.",
            ("Frau Brune", "Herr Gerstner"),
        ),
        (
            "Geplant ist ein Quiz. Frau Albers (Vertrauenslehrerin) bereitet mit den vier "
            "Gewählten die nächste Sitzung vor.",
            ("Frau Albers",),
        ),
        # near miss: the later sentence reports what was done, no task
        (
            "Frau Brune übernimmt die Mitgliederliste. Herr Gerstner hat die Sponsoren "
            "bereits im Mai kontaktiert.",
            ("Frau Brune",),
        ),
        # near miss: no sentence records a task
        ("Das Fest war gut besucht. Herr Gerstner berichtet über die Kasse.", None),
    ],
)
def test_each_sentence_of_an_entry_may_record_a_task(
    text: str, owners: tuple[str, ...] | None
) -> None:
    p = protokollkit.read(f"Protokoll vom 23.10.2025\n\n{text}\n")
    (point,) = p.all_points()
    assert (point.task.owners if point.task is not None else None) == owners
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "KGRin Petra Vollmer wird den Dank an den Posaunenchor im Gemeindebrief formulieren.",
            ("KGRin Petra Vollmer",),
        ),
        (
            "Pfarrer Markus Lindner wird die Gespräche mit der Diakonie führen.",
            ("Pfarrer Markus Lindner",),
        ),
        (
            "Der Fragebogen liegt vor; Pfarrerin Ulrike Fahrner wird die Ergebnisse in der "
            "Aprilsitzung vorstellen.",
            ("Pfarrerin Ulrike Fahrner",),
        ),
        # near misses: no person as the subject, or a past report
        ("Die neue Baustelle wird zu langen Umwegen führen.", None),
        ("Der Runde Tisch Nord wird im Herbst sein Programm vorstellen.", None),
        ("KGRin Petra Vollmer hat den Dank im Gemeindebrief formuliert.", None),
    ],
)
def test_an_office_before_a_full_name_announces_a_task(
    text: str, owners: tuple[str, ...] | None
) -> None:
    task = task_in(text, NOBODY, dt.date(2025, 5, 14))
    assert (task.owners if task is not None else None) == owners


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Polizeioberkommissarin Reuter bot an, im März zwei Kontrollen durchzuführen.",
            "Polizeioberkommissarin Reuter",
        ),
        ("Kundenbetreuer Dennis Brandt bietet eine Sprechstunde an.", "Dennis Brandt"),
        # near misses: a body offers; the rank and name without a verb of speech
        ("Die Polizei bot an, im März zwei Kontrollen durchzuführen.", None),
        ("Polizeioberkommissarin Reuter war leider verhindert.", None),
    ],
)
def test_a_rank_before_a_surname_names_the_speaker(text: str, speaker: str | None) -> None:
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


@pytest.mark.parametrize(
    ("sentence", "guests"),
    [
        (
            "Diesmal waren **Herr Kowalski** (Schulleitung), **Frau Brandes** von der "
            "Verkehrswacht und **Polizeioberkommissarin Reuter** zu Gast.",
            ["Herr Kowalski", "Frau Brandes", "Polizeioberkommissarin Reuter"],
        ),
        ("Heute waren Anna Berg und Tom Weiß zu Gast.", ["Anna Berg", "Tom Weiß"]),
        # near misses: a group among the names, a body as the guest
        ("Diesmal waren viele Nachbarn und Herr Kowalski zu Gast.", []),
        ("Im Mai war der Posaunenchor zu Gast.", []),
    ],
)
def test_guests_named_before_zu_gast(sentence: str, guests: list[str]) -> None:
    assert people_in_prose([sentence]).get("guests", []) == guests


@pytest.mark.parametrize(
    ("sentence", "guests"),
    [
        ("Frau Ahlers (Architekturbüro Nordplan) stellt den Entwurf vor.", ["Frau Ahlers"]),
        ("Referentin Dörte Lind (Verkehrsverbund) stellt die Tarife vor.", ["Dörte Lind"]),
        ("Frau Gerdes von der Koordinierungsstelle stellt die Liste vor.", ["Frau Gerdes"]),
        ("Grace Oka, Architektin im Büro Grün, stellt das Projekt vor.", ["Grace Oka"]),
        (
            "Zu diesem Punkt war Herr Kessler vom Planungsbüro Grünraum aus Ravensburg anwesend.",
            ["Herr Kessler"],
        ),
        ("Die anwesende Anwältin Frau Dr. Kessler erklärte Grundsätze.", ["Frau Dr. Kessler"]),
        ("Er gab der anwesenden Frau Görgens das Wort.", ["Frau Görgens"]),
        # near misses: the council's own administration presents; a newcomer introduces
        # himself; a member presents without a body named
        ("Frau Lenz (Fachbereich Stadtplanung) stellt die Planung vor.", []),
        ("Herr Albrecht (Jugendamt) stellt das Sozialraumteam vor.", []),
        ("Mirko Alb, Quartiersmanager, stellte sich auch in diesem Kreis vor.", []),
        ("Tim Berg stellt das Projekt vor.", []),
    ],
)
def test_guests_presenting_for_a_body(sentence: str, guests: list[str]) -> None:
    assert people_in_prose([sentence]).get("guests", []) == guests


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Jörg Kaminski und Aylin Sert stellten den Anwesenden Ablauf und Erfahrungen vor.",
            "Jörg Kaminski und Aylin Sert",
        ),
        (
            "Frau Anna Berg und Herr Tom Weiß berichten vom Fest.",
            "Frau Anna Berg und Herr Tom Weiß",
        ),
        # near misses: no verb of speech; two bodies, not people
        ("Anna Berg und Tom Weiß waren leider verhindert.", None),
        ("Verein Lindenhof und Schule Nord stellten ihre Angebote vor.", None),
        ("Der Chor und die Theatergruppe stellten ihr Programm vor.", None),
    ],
)
def test_two_presenters_joined_by_und(text: str, speaker: str | None) -> None:
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


def test_two_presenters_joined_by_und_are_both_present() -> None:
    text = (
        "Runder Tisch am 09.10.2025\n\nSeit dem Frühjahr gibt es Sprechstunden. Jörg Kaminski "
        "und Aylin Sert stellten den Anwesenden Ablauf und erste Erfahrungen vor.\n"
    )
    p = protokollkit.read(text)
    assert [x.name for x in p.present()] == ["Jörg Kaminski", "Aylin Sert"]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("sentence", "chair", "speaker"),
    [
        (
            "Die Sprecherin auf Mieter:innenseite, Olga Petrenko, eröffnete die Runde und "
            "stellte die Themen vor.",
            "Olga Petrenko",
            "Olga Petrenko",
        ),
        (
            "Der Vorsitzende des Fördervereins, Frank Wellmann, eröffnete die Sitzung.",
            "Frank Wellmann",
            "Frank Wellmann",
        ),
        # near misses: a thing with a qualifier before the name (no role); the role's speaker
        # who does not open the meeting
        ("Die Ausstellung im Foyer, Anna Berg, eröffnete die Runde.", None, None),
        (
            "Die Sprecherin auf Mieter:innenseite, Olga Petrenko, berichtete vom Hoffest.",
            None,
            "Olga Petrenko",
        ),
    ],
)
def test_a_chair_s_role_with_a_qualifier_then_the_name_in_apposition(
    sentence: str, chair: str | None, speaker: str | None
) -> None:
    text = f"Bewohner:innentreff am 21.08.2025\n\nEs kamen 20 Leute. {sentence}\n"
    p = protokollkit.read(text)
    assert p.meta_value("chair") == chair
    assert [s.name for s in p.speakers()] == ([speaker] if speaker else [])
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Miriam Albrecht berichtet über die Pflanzaktionen 2024.", "Miriam Albrecht"),
        ("Jens Lamprecht stellt den Kassenbericht vor.", "Jens Lamprecht"),
        # near miss: a right, not a name, before the verb
        ("Das Wahlrecht stellt die Satzung klar.", None),
    ],
)
def test_a_surname_on_brecht_is_a_name(text: str, speaker: str | None) -> None:
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Wer Zeit hat, trifft sich am 24.5. um 9 Uhr zum Ausräumen.", dt.date(2025, 5, 24)),
        ("Wer mithelfen kann, meldet sich bis zum 20.05. bei Frau Lenz.", dt.date(2025, 5, 20)),
        ("Wer Lust hat, kommt zum Aufbau.", None),
    ],
)
def test_a_call_to_whoever_can_is_a_task_without_an_owner(text: str, due: dt.date | None) -> None:
    task = task_in(text, NOBODY, dt.date(2025, 5, 14))
    assert task is not None and task.owners == () and task.due == due


@pytest.mark.parametrize(
    "text",
    [
        "Wer Zeit hatte, kam am 24.5. zum Ausräumen.",  # past: a report
        "Wer Zeit hat, ist noch unklar.",  # nobody is asked to do anything
        "Wer Zeit hat, trifft sich wann?",  # a question
    ],
)
def test_a_sentence_about_whoever_had_time_is_no_task(text: str) -> None:
    assert task_in(text, NOBODY, dt.date(2025, 5, 14)) is None


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Viele fragten nach barrierefreien Wohnungen. Die Genossenschaft will zwei "
            "Musterwohnungen für Besichtigungen öffnen. Ein Termin steht noch nicht fest.",
            ("Genossenschaft",),
        ),
        # near miss: what the body wants to know is no task
        (
            "Viele fragten nach Wohnungen. Die Genossenschaft will wissen, ob Bedarf besteht. "
            "Ein Termin steht noch nicht fest.",
            None,
        ),
    ],
)
def test_an_announced_task_in_a_middle_sentence(text: str, owners: tuple[str, ...] | None) -> None:
    p = protokollkit.read(f"Runder Tisch Wohnen am 07.11.2025\n\n{text}\n")
    (point,) = p.all_points()
    assert (point.task.owners if point.task is not None else None) == owners


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Im Gottesdienst stellte Kreispfarrerin Anja Rosenthal in ihrer Predigt die Frage "
            "nach der Zukunft kleiner Gemeinden in den Mittelpunkt.",
            Person("Anja Rosenthal", "Kreispfarrerin"),
        ),
        # near misses: no office before the name; the office's name after an article (object)
        ("Im Mai stellte Kita Sonnenschein Nord ihr Programm vor.", None),
        ("Anschließend dankte er Pfarrerin Anja Rosenthal für die Predigt.", None),
    ],
)
def test_the_verb_then_an_office_and_a_full_name(text: str, speaker: Person | None) -> None:
    assert inline_speaker(text, NOBODY) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Die Vorsitzende stellte Pfarrerin Anja Rosenthal den Anwesenden vor.",
        "Anschließend verpflichtete Synodenpräsident Hinrich Ahlers die neuen Synodalen.",
    ],
)
def test_the_verb_then_an_office_and_a_name_as_the_object(text: str) -> None:
    found = inline_speaker(text, NOBODY)
    assert found is None or found.name != "Anja Rosenthal"
    assert found is None or found.name != "Hinrich Ahlers"


@pytest.mark.parametrize(
    ("paragraph", "owners"),
    [
        (
            "Bgm. Kuhnert sagt, dass vorne ebenfalls Senioren gesessen seien. Er werde das "
            "Anliegen an den Festausschuss weitergeben.",
            ("Bgm. Kuhnert",),
        ),
        (
            "Frau Lenz berichtet vom Spielplatz. Sie werde beim Grünflächenamt nachfragen.",
            ("Frau Lenz",),
        ),
        # near misses: what he thinks will happen, and a report without a speaker
        ("Bgm. Kuhnert sagt, die Bühne sei zu klein. Er werde im Herbst 60 Jahre alt.", None),
        ("Der Platz ist zu klein. Er werde das Anliegen weitergeben.", None),
    ],
)
def test_reported_speech_with_a_pronoun_announces_the_speaker_s_task(
    paragraph: str, owners: tuple[str, ...] | None
) -> None:
    p = protokollkit.read(f"Gemeinderat am 21.07.2025\n\n{paragraph}\n")
    (point,) = p.all_points()
    assert (point.task.owners if point.task is not None else None) == owners
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Protokoll 06.12.2025\n\nIn Abwesenheit des Schriftführers wurde Nadine Vogel zur"
         " Protokollantin benannt.\n\nTOP 1 Begrüßung\n\n- x\n", "minute_taker", "Nadine Vogel"),
        ("Protokoll 06.12.2025\n\n1. Begrüßung\nZur Protokollführerin wurde Tanja Eilers"
         " bestimmt.\n2. Berichte\n- x\n", "minute_taker", "Tanja Eilers"),
        ("Protokoll 06.12.2025\n\nTOP 1: Begrüßung\n\nDer 1. Vorsitzende, Tobias Brandl, eröffnete"
         " um 17:15 Uhr die Versammlung.\n\nTOP 2: Berichte\n\n- x\n", "chair", "Tobias Brandl"),
    ],
)  # fmt: skip
def test_minute_taker_and_chair_named_after_the_verb_or_an_ordinal(
    text: str, kind: str, value: str
) -> None:
    """``wurde X zur Protokollantin benannt``, ``Zur Protokollführerin wurde X bestimmt``, ``Der
    1. Vorsitzende, X, eröffnete …``: the officer after the verb or after an ordinal office."""
    p = protokollkit.read_text(text)
    assert p.meta_value(kind) == value  # type: ignore[arg-type]
    assert value in [person.name for person in p.present()]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zur Protokollführerin wurde noch niemand bestimmt.",
        "Es wurde Frau Kühn zur Wahl als Kassenprüferin vorgeschlagen.",
        "Der 1. Vorsitzende eröffnete um 17:15 Uhr die Versammlung.",
    ],
)
def test_no_officer_in_near_sentences(sentence: str) -> None:
    """Nobody named, another office, or the office without a name: no minute-taker, no chair."""
    p = protokollkit.read_text(f"Protokoll 06.12.2025\n\nTOP 1 Begrüßung\n\n{sentence}\n\n- x\n")
    assert p.meta_value("minute_taker") is None
    assert p.meta_value("chair") is None


def test_chair_and_minute_taker_of_the_head_are_present_beside_a_partial_list() -> None:
    """``Versammlungsleitung: Frank Dietrich (Vorsitzender)`` and ``Protokollführerin: Sabine
    Albers`` over ``Weitere anwesende Vorstandsmitglieder: …``: the officers were there too."""
    text = (
        "Protokoll zur Vereinsversammlung am 13.09.2025\n"
        "Versammlungsleitung: Frank Dietrich (Vorsitzender)\n"
        "Protokollführerin: Sabine Albers\n"
        "Weitere anwesende Vorstandsmitglieder: Jana Krüger, Mehmet Aydin\n\n"
        "TOP 1 Begrüßung\n\n- x\n"
    )
    names = [p.name for p in protokollkit.read_text(text).present()]
    assert names == ["Jana Krüger", "Mehmet Aydin", "Frank Dietrich", "Sabine Albers"]


@pytest.mark.parametrize(
    ("head", "names"),
    [
        # the chair is a body, the minute-taker a first name alone: no person's name
        ("Leitung: Vorstand\nProtokoll: Merle\n", ["Jana Krüger", "Mehmet Aydin"]),
        # already listed by surname, or excused
        (
            "Leitung: Frau Krüger\nProtokoll: Sabine Albers\nEntschuldigt: Sabine Albers\n",
            ["Jana Krüger", "Mehmet Aydin"],
        ),
    ],
)
def test_no_officer_added_to_the_present_when_no_name_or_listed(
    head: str, names: list[str]
) -> None:
    text = f"Protokoll 13.09.2025\n{head}Anwesend: Jana Krüger, Mehmet Aydin\n\nTOP 1 A\n\n- x\n"
    assert [p.name for p in protokollkit.read_text(text).present()] == names


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Herr Petrović fragt, ob das Arbeitspapier in einfacher Sprache erscheint. Beig."
            " Hartmann sagt zu, das Arbeitspapier bis zur nächsten Sitzung vorzulegen.",
            "Beig. Hartmann",
        ),
        (
            "Frau Dreyer trägt weiter Kontaktdaten von Ansprechpartnern zusammen.",
            "Frau Dreyer",
        ),
    ],
)
def test_task_after_a_question_and_gathering_as_a_task(text: str, owner: str) -> None:
    """A later sentence's promise after a question (``fragt, ob …. X sagt zu, …``), and
    ``trägt … zusammen``: tasks with their owner."""
    task = task_in(text, NOBODY, dt.date(2025, 3, 12))
    assert task is not None and task.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "Herr Petrović fragt, ob das Papier erscheint. Frau Kühn informiert über den Stand.",
        "Frau Dreyer trägt den Bericht vor.",
        "Frau Dreyer trägt die Verantwortung für das Fest.",
    ],
)
def test_no_task_in_questions_reports_and_carrying(text: str) -> None:
    assert task_in(text, NOBODY, dt.date(2025, 3, 12)) is None


def test_council_meeting_next_time_in_a_sentence() -> None:
    """``… tagt das nächste Mal am DATE``: the next meeting in a report's last sentence."""
    text = (
        "Kriminalpräventiver Rat gegründet\n\nAm 20. Mai 2025 trafen sich 28 Menschen. Die Gruppen"
        " treffen sich eigenständig; der Rat tagt das nächste Mal am 16. September 2025.\n"
    )
    p = protokollkit.read_text(text)
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2025, 9, 16)


def test_council_that_met_last_time_names_no_next_meeting() -> None:
    text = (
        "Kriminalpräventiver Rat\n\nAm 20. Mai 2025 trafen sich 28 Menschen. Der Rat tagte das"
        " letzte Mal am 16. Januar 2025.\n"
    )
    assert protokollkit.read_text(text).next_meeting is None


def test_front_matter_title_where_every_section_is_a_first_level_heading() -> None:
    """YAML ``title:`` over ``# Bachelorarbeit`` … ``# Beschlüsse``: ``#`` marks the sections, so
    the front matter names the document; one ``#`` heading alone is the document's own."""
    text = (
        "---\ntitle: Kick-Off Protokoll\ndate: 18.3.2025\n---\n\n# Bachelorarbeit\nThema\n\n"
        "# Beschlüsse\n\n- Beim Review wird das Datum festgelegt.\n"
    )
    assert protokollkit.read_text(text, format="markdown").title == "Kick-Off Protokoll"
    single = "---\ntitle: Notizen\n---\n\n# Vorstandssitzung am 18.3.2025\n\n- x\n"
    assert (
        protokollkit.read_text(single, format="markdown").title == "Vorstandssitzung am 18.3.2025"
    )


def test_guests_named_with_their_title_after_the_word() -> None:
    """``… bei der die Jugendlichen und die Gäste Frau Behrens und Herr Szymański sich
    vorstellten``: both are guests."""
    text = (
        "# Sitzungsprotokoll Oktober 2025\n\nDie Sitzung am 26. Oktober 2025 begann pünktlich.\n\n"
        "Es erfolgte eine Vorstellungsrunde, bei der die Jugendlichen und die Gäste Frau Behrens"
        " und Herr Szymański sich vorstellten.\n"
    )
    p = protokollkit.read_text(text, format="markdown")
    assert [x.name for x in p.attendance_of("guests")] == ["Frau Behrens", "Herr Szymański"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Frau Behrens begrüßte die Gäste. Herr Szymański stellte den Plan vor.",
        "Die Gäste aus dem Stadtteil stellten sich vor.",
    ],
)
def test_no_guests_where_no_title_follows_the_word(sentence: str) -> None:
    text = f"# Sitzung am 26. Oktober 2025\n\n{sentence}\n"
    p = protokollkit.read_text(text, format="markdown")
    assert "Herr Szymański" not in [x.name for x in p.attendance_of("guests")]
    assert "Frau Behrens" not in [x.name for x in p.attendance_of("guests")]


def test_who_speaks_in_a_later_sentence_of_an_entry_is_a_speaker() -> None:
    """``Frau Yilmaz regt an, …. Herr Petrović fragt, ob …``: both speak."""
    text = (
        "Protokoll 12.03.2025\n\nTOP 1 Integrationskonzept\n\nFrau Yilmaz regt an, die Vereine"
        " früh anzuschreiben. Herr Petrović fragt, ob das Papier in einfacher Sprache erscheint.\n"
    )
    names = [s.name for s in protokollkit.read_text(text).speakers()]
    assert names == ["Frau Yilmaz", "Herr Petrović"]


def test_no_second_speaker_where_a_later_sentence_names_nobody_speaking() -> None:
    """A later sentence about someone (``Herr Petrović ist neu im Rat``) names no speaker."""
    text = (
        "Protokoll 12.03.2025\n\nTOP 1 Integrationskonzept\n\nFrau Yilmaz regt an, die Vereine"
        " früh anzuschreiben. Herr Petrović ist neu im Rat.\n"
    )
    names = [s.name for s in protokollkit.read_text(text).speakers()]
    assert names == ["Frau Yilmaz"]


def test_an_attendance_of_groups_and_counts_leaves_the_present_to_the_minutes() -> None:
    """``Anwesend: der Vorstand (3), weitere 11 Mitglieder``: no names; those the minutes show
    at work are present, and their tasks have owners."""
    text = (
        "Protokoll 21.07.2025\n\nAnwesend: der Vorstand (3), weitere 11 Mitglieder\n\n"
        "TOP 1 Kassenbericht\n\nDie Kassiererin Monika Straub erläutert die Einnahmen.\n\n"
        "TOP 2 Planung\n\nFrau Lorenz klärt bis Ende August den Termin.\n"
    )
    p = protokollkit.read_text(text)
    names = [x.name for x in p.present()]
    assert "Monika Straub" in names and "Frau Lorenz" in names
    tasks = p.tasks()
    assert tasks and tasks[0].task is not None and tasks[0].task.owners == ("Frau Lorenz",)


def test_an_attendance_with_names_keeps_the_present_to_those_listed() -> None:
    text = (
        "Protokoll 21.07.2025\n\nAnwesend: Jana Krüger, Mehmet Aydin\n\n"
        "TOP 1 Kassenbericht\n\nDie Kassiererin Monika Straub erläutert die Einnahmen.\n"
    )
    names = [x.name for x in protokollkit.read_text(text).present()]
    assert names == ["Jana Krüger", "Mehmet Aydin"]


@pytest.mark.parametrize(
    "text",
    [
        "Die anwesenden Mitglieder genehmigen die Tagesordnung.",
        "Die Mitglieder genehmigen das Protokoll.",
    ],
)
def test_members_approving_in_the_active_voice(text: str) -> None:
    """``Die anwesenden Mitglieder genehmigen die Tagesordnung``: an accepted decision."""
    decision = decision_in(text)
    assert decision is not None and decision.result == "accepted"


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("Die anwesenden Mitglieder diskutieren die Tagesordnung.", False),
        ("Die Mitglieder genehmigen das Protokoll nicht.", True),
    ],
)
def test_members_discussing_or_not_approving_is_no_accepted_decision(
    text: str, decided: bool
) -> None:
    decision = decision_in(text)
    assert (decision is not None) == decided
    assert decision is None or decision.result != "accepted"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Bericht des Rechners wird von Matthias vorgetragen.", "Matthias"),
        ("Die Ortschronik 2024 wurde anschließend von Maria Tölle verlesen.", "Maria Tölle"),
        ("Dies wird von Herrn Yılmaz bestätigt.", "Herr Yılmaz"),
        ("Der Bericht wurde von der Kassenwartin Ute Sand verlesen.", "Ute Sand"),
        (
            "Es folgte ein Beitrag, vorgetragen durch Frau Rechtsanwältin Dr. Sabine Kuhnert, zur"
            " Heizkostenverordnung.",
            "Sabine Kuhnert",
        ),
        # near misses: a body, a group, everyone
        ("Der Antrag wurde von der Verwaltung vorgestellt.", None),
        ("Die Tagesordnung wurde einstimmig von den Teilnehmern bestätigt.", None),
        ("Die Tagesordnung wird von allen bestätigt.", None),
    ],
)
def test_the_speaker_of_a_sentence_in_the_passive(text: str, speaker: str | None) -> None:
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Einwohnerverein Lindenau e.V.\nPer Adresse Stadtteilbüro, Marktplatz 4\n"
            "www.ev-lindenau.example – info@ev-lindenau.example\n\n"
            "Stadtteilbeirat Lindenau – Sitzung vom 26. November 2025\n\n1. Spielplatz\nText.\n",
            "Stadtteilbeirat Lindenau – Sitzung vom 26. November 2025",
        ),
        (
            "Mieterinitiativen & Treffs\n\nWer wohnt denn eigentlich nebenan?\n\n"
            "Treffen der Mieterinitiative am 7. Mai 2025\n\nText.\n",
            "Treffen der Mieterinitiative am 7. Mai 2025",
        ),
        # near misses: one line above (the round's name), an introduction in sentences, a
        # head below the first line, a Markdown heading above
        (
            "Arbeitskreis Wohnen\nSitzung am 01.02.2024\n\n1. Kasse\nText.\n",
            "Arbeitskreis Wohnen",
        ),
        (
            "Runder Tisch Seniorenarbeit\nSeit Juni 2019 gibt es in Friedrichsfelde den Runden"
            " Tisch Seniorenarbeit.\nEr trifft sich regelmäßig.\n\nAus dem Treffen am 10.09.2025\n"
            "Text.\n",
            "Runder Tisch Seniorenarbeit",
        ),
        (
            "Protokolle\nAutor: Lukas Brenner\n\nAnwesende: Alle\n\nMeeting 2 - Ideen 09.05.2023\n"
            "\nText.\n",
            "Protokolle",
        ),
        # an item page: the item above, ``Sitzung vom …`` alone names no meeting
        (
            "Seniorenbeirat der Stadt Grünberg\nTOP 4  Barrierefreiheit – Sachstand\nSitzung vom"
            " 10.09.2025\n\nProtokoll:\n\nText.\n",
            "Seniorenbeirat der Stadt Grünberg",
        ),
        (
            "Seniorenbeirat der Stadt Grünberg\nAm Markt 1\nSitzung vom 10.09.2025\n\nText.\n",
            "Seniorenbeirat der Stadt Grünberg",
        ),
    ],
)
def test_the_meeting_line_under_a_letterhead_is_the_title(text: str, title: str) -> None:
    p = protokollkit.read(text)
    assert p.title == title
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Bereits der 13.10. wurde als Termin für die nächste Sitzung, bei der die Planung im"
            " Mittelpunkt steht, vereinbart.",
            "2025-10-13",
        ),
        # near misses: the date in the sentence before; an event evaluated at the next meeting
        (
            "Am 20.10. ist Flohmarkt. Der Termin für die nächste Sitzung steht noch nicht fest.",
            None,
        ),
        ("Der Flohmarkt am 20.10. wird in der nächsten Sitzung ausgewertet.", None),
    ],
)
def test_the_date_before_termin_fuer_die_naechste_sitzung(sentence: str, date: str | None) -> None:
    p = protokollkit.read(f"Protokoll 06.10.2025\n\nTOP 1 Planung\n\n{sentence}\n")
    assert (str(p.next_meeting.date) if p.next_meeting and p.next_meeting.date else None) == date


def _word_paragraphs(*texts: str, listed: tuple[int, ...] = ()) -> list[Line]:
    """Word paragraphs as the office reader gives them: a blank line after each; the entries
    whose index is in ``listed`` are numbered list entries (the number kept in the text)."""
    lines: list[Line] = []
    for index, text in enumerate(texts):
        hints = Hints(list_level=0) if index in listed else Hints()
        lines += [Line(text, index + 1, hints), Line("", index + 1, Hints())]
    return lines


def test_word_attendance_in_groups_for_whom() -> None:
    """``Teilnehmende:`` over ``für den Träger:`` / ``für die Eltern:`` (the first name after a
    run of no-break spaces, the others below it, two to a paragraph when the columns ran
    together, ``(entschuldigt)`` behind a name), ``Gäste: A (Kita-Leitung) B``: every name
    read, none lost; the line that names the group is kept."""
    lines = _word_paragraphs(
        "Protokoll der Sitzung des Kita-Ausschusses am 28.04.2025",
        "Teilnehmende:",
        "für den Träger:\xa0\xa0\xa0\xa0\xa0\xa0 Paul Osterkamp",
        "Irene Falk (entschuldigt)",
        "für die Eltern:\xa0\xa0\xa0\xa0 René Castell",
        "Sandra Pohl (Protokollführerin) Carina Voigt-Kessler",
        "Gäste: Anke Bergmann (Kita-Leitung) Simone Dembski",
        "1. Eröffnung der Sitzung",
        "Der Vorsitzende begrüßt alle.",
    )
    p = parse_lines(lines)
    present = [person.name for person in p.present()]
    assert {"Paul Osterkamp", "René Castell", "Sandra Pohl", "Carina Voigt-Kessler"} <= set(present)
    assert [person.name for person in p.attendance_of("excused")] == ["Irene Falk"]
    assert [person.name for person in p.attendance_of("guests")] == [
        "Anke Bergmann",
        "Simone Dembski",
    ]
    text = str(protokollkit.write(p, "text"))
    assert "Teilnehmende" in text and "für den Träger" in text


def test_word_items_each_a_list_of_its_own() -> None:
    """Each item heading a numbered Word list of one entry, the counter starting again each
    time (``1. Eröffnung`` … ``1. Verschiedenes``, text between): items 1 to 4. Three entries
    of one list (no text between) stay a list."""
    lines = _word_paragraphs(
        "Protokoll der Sitzung am 28.04.2025",
        "1. Eröffnung",
        "Die Vorsitzende eröffnet die Sitzung.",
        "1. Feststellung der Tagesordnung",
        "Die Tagesordnung wird angenommen.",
        "1. Essensversorgung",
        "Die Eltern berichten.",
        "1. Verschiedenes",
        "Nichts.",
        listed=(1, 3, 5, 7),
    )
    p = parse_lines(lines)
    assert [(i.number, i.title) for i in p.items] == [
        (1, "Eröffnung"),
        (2, "Feststellung der Tagesordnung"),
        (3, "Essensversorgung"),
        (4, "Verschiedenes"),
    ]
    one_list = _word_paragraphs(
        "Protokoll der Sitzung am 28.04.2025",
        "Notizen",
        "1. Kuchen",
        "1. Kaffee",
        "1. Tee",
        listed=(2, 3, 4),
    )
    assert [i.title for i in parse_lines(one_list).items if "Kuchen" in i.title] == []


def test_excused_after_a_list_kept_elsewhere_in_one_line() -> None:
    """``Anwesende: siehe Unterschriftenliste beim Vorstand; entschuldigt: Gertrud Lanz``:
    the list of those present is elsewhere (a metadata field), the excused are named."""
    p = protokollkit.read_text(
        "Protokoll der Versammlung am 20.10.2025\n\nAnwesende: siehe Unterschriftenliste beim"
        " Vorstand; entschuldigt: Gertrud Lanz, Otto Brenner\n\n1. Begrüßung\n\nx\n"
    )
    assert [person.name for person in p.attendance_of("excused")] == [
        "Gertrud Lanz",
        "Otto Brenner",
    ]
    assert any("Unterschriftenliste" in field.value for field in p.meta)


def test_speakers_of_later_sentences_after_the_verb_or_with_a_view() -> None:
    """A Wortprotokoll's paragraphs: the speaker named after the verb at a sentence's end
    (``…, erläutert Frau Hengsbach.``) and a view held in a later sentence (``Dies sieht auch
    Frau Schäfer (SPD) so``) name those who spoke and took part."""
    p = protokollkit.read_text(
        "Auszug vom 19.05.2025\n\nHerr Aßmann stellt die Frage nach dem Verhältnis Stadt-Land."
        " Informelle Treffs gibt es überall, erläutert Frau Hengsbach.\n\nFür Herrn Gottschalk"
        " (SPD) ist es ein Strukturproblem. Dies sieht auch Frau Schäfer (SPD) so, es ist eine"
        " Folge des Wandels.\n"
    )
    speakers = [person.name for person in p.speakers()]
    for name in ("Herr Aßmann", "Frau Hengsbach", "Herr Gottschalk", "Frau Schäfer"):
        assert name in speakers


def test_signature_with_the_minute_taker_after_a_gap() -> None:
    """``Nordhagen, 22.10.2025    Protokoll: Waltraud Kemper`` under the minutes: place and
    date close them, the name after ``Protokoll:`` is the minute-taker; with one space only
    the line stays text."""
    p = protokollkit.read_text(
        "Protokoll der Versammlung am 20.10.2025\n\nTop 1: Begrüßung\n\nx\n\n"
        "Nordhagen, 22.10.2025\xa0\xa0\xa0\xa0Protokoll: Waltraud Kemper\n"
    )
    assert p.meta_value("minute_taker") == "Waltraud Kemper"
    assert p.back == ("Nordhagen, 22.10.2025",)
    q = protokollkit.read_text(
        "Protokoll der Versammlung am 20.10.2025\n\nTop 1: Begrüßung\n\nx\n\n"
        "Es folgt die Aussprache, Protokoll: siehe Anlage\n"
    )
    assert q.meta_value("minute_taker") is None


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Die nächste Mitarbeiter:innen-Versammlung ist am 16. März 2026 um 14.00 Uhr.", 16),
        ("Die nächste Bürger*innen-Versammlung findet am 12. März 2026 statt.", 12),
        ("Das Folgetreffen ist am 9. März 2026 im Bürgerhaus.", 9),
    ],
)
def test_next_meeting_with_a_gendered_word_or_as_a_follow_up(sentence: str, day: int) -> None:
    """A meeting word with a gender colon or star (``Mitarbeiter:innen-Versammlung``) and the
    ``Folgetreffen`` name the next meeting."""
    p = protokollkit.read_text(
        f"Protokoll am 20.10.2025\n\n1. Termine\n\nDer Basar ist am 3. Dezember. {sentence}\n"
    )
    assert p.next_meeting is not None and p.next_meeting.date == dt.date(2026, 3, day)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a page's residue, the category word and the date over the headline
        (
            "Close\n\nVeranstaltung\n14. Juni 2025 um 19:00 Uhr\n\nVorbereitungstreffen\n\n"
            "Vorbereitung des Nachbarschaftsabends\n\nTN: Heiner, Birgit\n\nVorbereitung:\n"
            "* Birgit holt die Schlüssel\n",
            "Vorbereitungstreffen",
        ),
        # a blog's post date over the post's title
        (
            "Freitag, 7. Februar 2025\n\nEhrenamtstreffen\n\n\n\nViele Informationen beim "
            "Ehrenamtstreffen\n\nObwohl es Abmeldungen gab, kamen viele.\n",
            "Ehrenamtstreffen",
        ),
    ],
)
def test_headline_under_a_date_in_a_text_without_headings(text: str, title: str) -> None:
    p = protokollkit.read_text(text)
    assert p.title == title
    assert p.date is not None


def test_owners_in_brackets_at_the_end_with_a_note_of_their_own() -> None:
    """``Gemeindehaus vorbereiten (Tische & Stühle, etc.) (Svenja, Antje, Birgit
    (Schlüssel))``: the last brackets name the owners, one with what she brings."""
    team = ParticipantIndex([Person(name) for name in ("Svenja", "Antje", "Birgit")])
    task = task_in(
        "Gemeindehaus vorbereiten (Tische & Stühle, etc.) (Svenja, Antje, Birgit (Schlüssel))",
        team,
        dt.date(2025, 6, 14),
    )
    assert task is not None and task.owners == ("Svenja", "Antje", "Birgit")
    assert task_in("Tische stellen (Stühle (alle))", team, dt.date(2025, 6, 14)) is None


def test_guest_of_honour_named_in_a_report() -> None:
    """``… und unseren Ehrengast, Gerd Hallmann von der Regionalstelle …``: a guest."""
    found = people_in_prose(
        [
            "Das ergab 153 Teilnehmer und unseren Ehrengast, Gerd Hallmann von der "
            "Regionalstelle West. Norbert Kaiser eröffnete die Veranstaltung."
        ]
    )
    assert found["guests"] == ["Gerd Hallmann"]
    assert "Gerd Hallmann" not in found.get("present", [])


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Ein weiteres Treffen ist für den 5. November geplant.", "2025-11-05"),
        ("Eine weitere Sitzung findet am 12.11. statt.", "2025-11-12"),
        ("Folgekonferenzen wird es am 5.3.2026 geben.", "2026-03-05"),
        # near miss: another meeting that was
        ("Ein weiteres Treffen mit dem Bürgermeister gab es am 1.10.", None),
    ],
)
def test_another_meeting_of_the_same_is_the_next(sentence: str, date: str | None) -> None:
    p = protokollkit.read(f"Protokoll 06.10.2025\n\nTOP 1 Planung\n\n{sentence}\n")
    assert (str(p.next_meeting.date) if p.next_meeting and p.next_meeting.date else None) == date


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("Es kamen 153 Mitglieder. Norbert Kaiser eröffnete die Veranstaltung.", "Norbert Kaiser"),
        ("Anna Berg eröffnet das Treffen.", "Anna Berg"),
        # near miss: a role, no name
        ("Es kamen 153 Mitglieder. Die Sprecherin eröffnete die Runde.", None),
    ],
)
def test_who_opened_the_event_or_the_meeting_chairs(text: str, chair: str | None) -> None:
    p = protokollkit.read(f"Protokoll 01.02.2024\n\nTOP 1 A\n\n{text}\n")
    assert p.meta_value("chair") == chair


def test_the_board_receiving_a_unanimous_discharge_is_a_decision() -> None:
    decision = decision_in("Der Vorstand erhielt einstimmige Entlastung.")
    assert decision is not None and decision.unanimous and decision.result == "accepted"
    assert decision_in("Der Verein erhielt einstimmige Glückwünsche.") is None


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Das Plenum hat nichts dagegen. Damit ist dem Antrag stattgegeben.", "accepted"),
        ("Dem Antrag wird stattgegeben.", "accepted"),
        ("Dem Antrag wurde nicht stattgegeben.", "rejected"),
        (
            "Wir haben uns nun definitiv auf ein Wiki geeinigt, da die Vorteile klar sind.",
            "accepted",
        ),
    ],
)
def test_a_motion_granted_or_an_agreement_reached(text: str, result: str) -> None:
    decision = decision_in(text)
    assert decision is not None and decision.result == result


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Rektor Stefan Pfeuffer", "Stefan Pfeuffer", "Rektor"),
        ("PGR-Obmann Florian Hauser", "Florian Hauser", "PGR-Obmann"),
        ("Sozialarbeiterin Jana Wöstmann", "Jana Wöstmann", "Sozialarbeiterin"),
    ],
)
def test_school_church_and_club_offices_before_a_name(text: str, name: str, role: str) -> None:
    p = protokollkit.read(
        f"Protokoll 01.02.2024\n\nAnwesend: {text}, Anna Berg\n\nTOP 1 A\n\n- x\n"
    )
    assert (p.participants[0].name, p.participants[0].affiliation) == (name, role)
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


@pytest.mark.parametrize(
    ("name", "text", "date"),
    [
        ("kv-bericht-2025-02.txt", "Aus dem Kirchenvorstand\n\nIn der Sitzung am 20. Februar"
         " stellte sich die neue Sekretärin vor.\n", dt.date(2025, 2, 20)),
        ("austausch-2024-11.txt", "Austausch der Mieter\n\nAm Samstag, dem 16.11. fand mit 45"
         " Teilnehmer:innen eine Veranstaltung statt.\n", dt.date(2024, 11, 16)),
        # near miss: no month in the file name, no year anywhere
        ("austausch.txt", "Austausch der Mieter\n\nAm Samstag, dem 16.11. fand eine Veranstaltung"
         " statt.\n", None),
    ],
)  # fmt: skip
def test_the_file_names_month_gives_the_year_of_the_meetings_date(
    tmp_path: Path, name: str, text: str, date: dt.date | None
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert protokollkit.read(path).date == date


def test_hugo_toml_front_matter() -> None:
    """Hugo's ``+++`` block: ``title = "…"`` is the title, ``startdate`` the date,
    ``location`` the place; a key below a table is named with it (``params.image``); the archive
    text reads back the same."""
    text = (
        '+++\ntitle = "Community-Treffen September"\n\nstartdate = 2025-09-04T19:00:00Z\n'
        'location = "Werkhaus im 1. OG"\n[params]\nimage = "bild.jpg"\n+++\n\n'
        "Wir treffen uns jeden Monat.\n\n## Runde\n\n- Lea berichtet vom Fest.\n"
    )
    p = protokollkit.read(text, "markdown")
    assert (p.title, p.date, p.meta_value("place")) == (
        "Community-Treffen September",
        dt.date(2025, 9, 4),
        "Werkhaus im 1. OG",
    )
    assert [f.label for f in p.meta] == ["title", "startdate", "location", "params.image"]
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p


def test_two_fields_joined_by_a_dot_in_the_opening() -> None:
    """``Moderation: Lea · Protokoll: Fabian`` under the first heading: chair and minute-taker."""
    p = protokollkit.read(
        "# Treffen 01.02.2024\n\n## Runde\n\nModeration: Lea · Protokoll: Fabian\n\n- x\n",
        "markdown",
    )
    assert (p.meta_value("chair"), p.meta_value("minute_taker")) == ("Lea", "Fabian")


def test_two_listed_people_announcing_a_task() -> None:
    """``Uwe und Marco werden … einholen``: both own the task when listed (or full names);
    ``Kinder und Eltern werden sich freuen`` is none."""
    listed = ParticipantIndex([Person("Uwe Brand"), Person("Marco Sahl")])
    task = task_in("Uwe und Marco werden Kostenvoranschläge einholen.", listed, None)
    assert task is not None and task.owners == ("Uwe", "Marco")
    assert task_in("Kinder und Eltern werden sich freuen.", NOBODY, None) is None


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("Wir haben verabredet, die Liste der Mängel an die Genossenschaft zu schicken.", True),
        ("Es wurde verabredet, dass Tom die Liste schickt.", True),
        ("Anna hat sich mit Tom verabredet.", False),
    ],
)
def test_what_we_agreed_on_is_a_decision(text: str, decided: bool) -> None:
    assert (decision_in(text) is not None) == decided


def test_hour_and_room_after_the_date_in_the_title() -> None:
    """``Protokoll der Vollversammlung … vom 28.10.2025, 18 Uhr, Ratssaal``: start and place;
    a title naming a café (``Trägercafé im Kreishaus: …``) is no place of its own."""
    p = protokollkit.read(
        "Protokoll der Vollversammlung des Elternrats vom 28.10.2025, 18 Uhr, Ratssaal\n\n"
        "TOP 1 A\n\n- x\n"
    )
    assert (p.meta_value("start"), p.meta_value("place")) == ("18 Uhr", "Ratssaal")
    p = protokollkit.read("Trägercafé im Kreishaus: Jugendhilfe 01.02.2024\n\nTOP 1 A\n\n- x\n")
    assert p.meta_value("place") != "Trägercafé im Kreishaus: Jugendhilfe 01.02.2024"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Wir sind stolz“, erklärte der Vorsitzende des Gremiums Gerhard Pohlmann.",
            "Gerhard Pohlmann",
        ),
        (
            "Das Projekt sei wichtig, betonte Bürgermeister Tobias Vahlenkamp bei der Feier.",
            "Tobias Vahlenkamp",
        ),
        ("„Gut“, so die Sprecherin Anna Berg.", "Anna Berg"),
        ("„Toll“, sagte Frau Berg.", "Frau Berg"),
        (
            "Jugendpfleger Niklas Haberkorn informierte, dass die Halle saniert wird.",
            "Niklas Haberkorn",
        ),
        # near misses: a name inside what was said; no name
        ("Er sagte, dass Anna Berg kommt.", None),
        ("„Gut“, sagte die Verwaltung.", None),
    ],
)
def test_words_attributed_after_the_fact_name_the_speaker(text: str, speaker: str | None) -> None:
    found = inline_speaker(text, NOBODY)
    assert (found.name if found else None) == speaker


def test_the_minutes_as_a_table_of_tops() -> None:
    """``| TOP | Themen |`` with ``| 1 | Begrüßung |`` and ``|  | what was said |`` rows: the
    numbered rows are the items, the rows with an empty first cell their content; a table of
    numbers and titles alone before the minutes stays the plan."""
    minutes = (
        "Protokoll 01.02.2024\n\n| TOP | Themen |\n|---|---|\n| 1 | Begrüßung |\n"
        "|  | Der Rat beschließt einstimmig, im Juli zu tagen. |\n| 2 | Kasse |\n"
        "|  | Alles gut. |\n"
    )
    p = protokollkit.read(minutes, "markdown")
    assert [i.title for i in p.items] == ["Begrüßung", "Kasse"]
    first = p.items[0].blocks[0].points[0]
    assert first.text.startswith("Der Rat beschließt") and first.decision is not None
    assert protokollkit.read(str(protokollkit.write(p, "text"))) == p
    plan = (
        "Protokoll 01.02.2024\n\n| TOP | Thema |\n|---|---|\n| 1 | Begrüßung |\n| 2 | Kasse |\n\n"
        "TOP 1 Begrüßung\n\nText.\n\nTOP 2 Kasse\n\nGut.\n"
    )
    p = protokollkit.read(plan, "markdown")
    assert p.agenda == ("Begrüßung", "Kasse")
    assert [i.title for i in p.items] == ["Begrüßung", "Kasse"]


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        (
            "Dabei waren Irmgard Sölter, Jürgen Pahl, Familie Demir aus dem Birkenweg und ich.",
            ["Irmgard Sölter", "Jürgen Pahl"],
        ),
        # near misses: groups, not people; one name only
        ("Dabei waren Kinder und Eltern.", []),
        ("Dabei waren viele Nachbarn und Anna Berg.", []),
    ],
)
def test_those_who_were_there(sentence: str, present: list[str]) -> None:
    assert attendance_in_sentences([sentence]).get("present", []) == present
