"""The 10.11.22 protocol: lossless round trip, golden text and JSON."""

from __future__ import annotations

from pathlib import Path

import protokollkit
from protokollkit.model import Person
from tests.conftest import SEED, assert_golden


def test_reference_round_trip_is_line_for_line(seed_text: str) -> None:
    assert seed_text.startswith("\n\nProtokoll") and not seed_text.endswith("\n")
    protocol = protokollkit.read(seed_text)
    assert protokollkit.write(protocol, "text") == seed_text.removeprefix("\n\n") + "\n"


def test_reference_reads_without_warnings(seed_text: str) -> None:
    assert protokollkit.read(seed_text).diagnostics == ()


def test_archive_copy_is_canonical(seed_text: str) -> None:
    assert SEED.read_text(encoding="utf-8") == protokollkit.write(protokollkit.read(seed_text))


def test_reference_structure(seed_text: str) -> None:
    p = protokollkit.read(seed_text)
    assert p.title == "Protokoll Stadtteiltisch 10.11.22"
    assert p.meeting == "Stadtteiltisch"
    assert p.date is not None and p.date.isoformat() == "2022-11-10"
    assert len(p.participants) == 14
    assert p.participants[2] == Person("Barbara und Bernard", "Taizé")
    assert [i.number for i in p.items] == [1, 2, 3, 4]
    assert p.items[3].title == "RoDeFa – wie geht's weiter?"
    assert p.items[3].presenter == Person("Ilona Eckhardt", "IBS / RoDeFa")
    speakers = [b.speaker for b in p.items[0].blocks]
    assert speakers[0] == Person("Robin Czarnecki", "Väterarbeit Charisma e.V.")
    assert speakers[1] == Person("Jörg Utpatel")
    assert p.items[0].blocks[0].points == ()
    assert p.items[1].blocks[0].speaker == Person(
        "Antonia Scheller", "Amt für Finanzen und Planung – Jugend und Soziales", "parens"
    )
    assert p.items[2].blocks[0].speaker is None
    assert p.next_meeting is not None and p.next_meeting.text == "noch offen"
    assert p.next_meeting.date is None
    assert len(p.all_points()) == 34


def test_typography_survives(seed_text: str) -> None:
    text = protokollkit.write(protokollkit.read(seed_text), "text")
    assert isinstance(text, str)
    for fragment in (
        "„COME IN“",
        "Planung – Jugend",
        "→ wer möchte",
        "Klient*innen",
        "Expert*innen",
    ):
        assert fragment in text


def test_reference_golden_text(seed_text: str) -> None:
    assert_golden("2022-11-10-stadtteiltisch.txt", protokollkit.write(protokollkit.read(seed_text)))


def test_reference_golden_json(seed_text: str) -> None:
    assert_golden(
        "2022-11-10-stadtteiltisch.json", protokollkit.write(protokollkit.read(seed_text), "json")
    )


def test_read_accepts_path_and_str_path() -> None:
    assert (
        protokollkit.read(SEED)
        == protokollkit.read(str(SEED))
        == protokollkit.read(Path(SEED).read_bytes())
    )
