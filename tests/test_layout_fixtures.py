"""Each file in tests/fixtures/layout/ reads to the model in the JSON beside it.

A new case is a new pair of files: ``NAME.txt`` and ``NAME.json`` (``make golden`` writes the
JSON from the current reader; review it before committing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import protokollkit
from protokollkit.writers.json import to_data
from tests.conftest import TESTS, UPDATE_GOLDEN

FIXTURES = TESTS / "fixtures" / "layout"
CASES = sorted(FIXTURES.glob("*.txt"))


def actual_data(path: Path) -> dict[str, object]:
    protocol = protokollkit.read(path)
    data = to_data(protocol, positions=False)
    for diagnostic in data["diagnostics"]:
        diagnostic["source"] = path.name
    return data


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_layout_fixture(path: Path) -> None:
    expected_path = path.with_suffix(".json")
    data = actual_data(path)
    if UPDATE_GOLDEN:
        expected_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert data == json.loads(expected_path.read_text("utf-8"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture_survives_canonical_round_trip(path: Path) -> None:
    protocol = protokollkit.read(path)
    canonical = protokollkit.write(protocol)
    assert isinstance(canonical, str)
    assert protokollkit.read(canonical) == protocol


def test_cp1252_is_read_with_warning() -> None:
    protocol = protokollkit.read(FIXTURES / "windows_1252.txt")
    assert protocol.participants[0].name == "Jörg Utpatel"
    assert "„Mein Groß Klein“" in protocol.all_points()[1].text
    assert any("Windows-1252" in d.message for d in protocol.diagnostics)


def test_unplaced_lines_are_kept_with_line_numbers() -> None:
    protocol = protokollkit.read(FIXTURES / "unplaced_lines.txt")
    assert protocol.front[:1] == ("Vorlage Stadtteiltisch",)
    assert "Die Sitzung begann pünktlich um 14 Uhr." in protocol.front
    assert protocol.items[0].blocks[0].note is not None
    assert protocol.back == ("Protokoll: Kathrin Krug",)
    lines = {d.line for d in protocol.diagnostics}
    assert lines == {1, 5, 7, 11, 17, 21}
    written = protokollkit.write(protocol)
    assert isinstance(written, str)
    for kept in (
        "Vorlage Stadtteiltisch",
        "Entschuldigt fehlten",
        "Beamer ausfiel",
        "Protokoll: K",
    ):
        assert kept in written


def test_gender_asterisk_point_marker_is_not_confused() -> None:
    protocol = protokollkit.read(FIXTURES / "point_markers.txt")
    texts = [p.text for p in protocol.all_points()]
    assert texts[3] == "Sternchen mit Klient*innen"
    assert len(texts) == 5


def test_next_meeting_year_is_inferred_from_the_protocol_date() -> None:
    protocol = protokollkit.read(FIXTURES / "next_meeting_date.txt")
    assert protocol.next_meeting is not None
    assert protocol.next_meeting.date is not None
    assert protocol.next_meeting.date.isoformat() == "2023-01-12"
