"""The meeting's name out of a title: the genitive of ``Protokoll des …`` back in the nominative."""

from __future__ import annotations

import pytest

from protokollkit import read_text, render
from protokollkit.grammar import from_the, nominative
from protokollkit.layout import parse_title
from protokollkit.termine import next_meeting_appointment

TITLES = [
    ("Protokoll Stadtteiltisch 10.11.22", "Stadtteiltisch"),
    ("Protokoll des Stadtteiltischs vom 12.01.2023", "Stadtteiltisch"),
    ("Protokoll der Sitzung des Stadtteiltisches am 1.2.2023", "Stadtteiltisch"),
    ("Protokoll zur Sitzung des Jugendhilfeausschusses", "Jugendhilfeausschuss"),
    ("Ergebnisprotokoll des Runden Tisches Klimaschutz", "Runder Tisch Klimaschutz"),
    ("Protokoll des erweiterten Vorstands 2023-01-02", "erweiterter Vorstand"),
    ("Protokoll des Erweiterten Plenums", "Erweitertes Plenum"),
    ("Protokoll des Arbeitskreises Jugend", "Arbeitskreis Jugend"),
    ("Protokoll des Beirates", "Beirat"),
    ("Protokoll des Aktionsbündnisses", "Aktionsbündnis"),
    ("Protokoll des Vereins Nordwerk", "Verein Nordwerk"),
    ("Protokoll des 5. Treffens der Initiative", "Initiative"),
    ("Niederschrift über die öffentliche Sitzung des Finanzausschusses", "Finanzausschuss"),
    ("Protokoll der ordentlichen Mitgliederversammlung", "ordentliche Mitgliederversammlung"),
    (
        "Protokoll der Mitgliederversammlung des Fördervereins Groß Klein e.V. vom 3.3.2023",
        "Mitgliederversammlung des Fördervereins Groß Klein e.V.",
    ),
    ("Protokoll der Sitzung des FSR Informatik", "FSR Informatik"),
    ("Protokoll des Makerspace Musterstadt", "Makerspace Musterstadt"),
    ("Protokoll der Elternbeiratssitzung am 19.10.2023", "Elternbeiratssitzung"),
    ("Protokoll des Komitees", "Komitee"),
    (
        "Protokoll zur ordentlichen Mitgliederversammlung 2024 des Hackspace Musterstadt e. V.",
        "ordentliche Mitgliederversammlung 2024 des Hackspace Musterstadt e. V.",
    ),
]


@pytest.mark.parametrize(("title", "meeting"), TITLES, ids=[t for t, _ in TITLES])
def test_meeting_name_in_the_nominative(title: str, meeting: str) -> None:
    assert parse_title(title)[0] == meeting


def test_names_without_a_genitive_stay_as_written() -> None:
    for name in ("Stadtteiltisch", "Niederschrift über die Sitzung des Ortsbeirates", "des AStA"):
        assert nominative(name) == (name if not name.startswith("des ") else "AStA")


def test_the_name_is_what_mail_and_appointment_use() -> None:
    protocol = read_text(
        "Protokoll des Stadtteiltischs vom 12.01.2023\n\nAnwesend: Anna Berg, Tim Ott\n\n"
        "1 Aktuelles\n\n- nichts Neues\n\nNächster Termin: 9.2.2023, 14 Uhr\n"
    )
    assert protocol.meeting == "Stadtteiltisch"
    assert b"Subject: Protokoll Stadtteiltisch vom 12.01.2023" in render(protocol, "eml").data
    appointment = next_meeting_appointment(protocol)
    assert appointment is not None
    assert appointment.title == "Stadtteiltisch"


@pytest.mark.parametrize(
    ("meeting", "phrase"),
    [
        ("Stadtteiltisch", "vom Stadtteiltisch"),
        ("Mitgliederversammlung", "von der Mitgliederversammlung"),
        ("ordentliche Mitgliederversammlung", "von der ordentlichen Mitgliederversammlung"),
        ("Runder Tisch Klimaschutz", "vom Runden Tisch Klimaschutz"),
        ("Erweitertes Plenum", "vom Erweiterten Plenum"),
        ("AG Wohnen", "von der AG Wohnen"),
        ("Quartiersrunde", "von der Quartiersrunde"),
        ("Jahreshauptversammlung 2024 des TSV", "von der Jahreshauptversammlung 2024 des TSV"),
        ("Fachtag", "vom Fachtag"),
        ("", "vom Treffen"),
    ],
)
def test_the_name_after_von_takes_its_article(meeting: str, phrase: str) -> None:
    assert from_the(meeting) == phrase


def test_the_mail_greets_with_the_article_the_name_needs() -> None:
    for title, words in (
        ("Protokoll der Mitgliederversammlung 01.02.2024", "von der Mitgliederversammlung am"),
        ("Protokoll 01.02.2024", "vom Treffen am 01.02.2024"),
    ):
        mail = render(read_text(f"{title}\n\nTOP 1 A\n\n- x\n"), "email").data.decode()
        assert words in " ".join(mail.split())
