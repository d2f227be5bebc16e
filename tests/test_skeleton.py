"""`protokollkit new`: the next protocol's skeleton from the newest one in the archive."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.cli import main
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.skeleton import (
    is_open_topic,
    open_topics,
    parse_date_argument,
    skeleton,
    title_for,
)
from protokollkit.writers.text import write_text
from tests.conftest import SEED, assert_golden
from tests.strategies import protocols

runner = CliRunner()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A copy of the archive with the reference protocol."""
    folder = tmp_path / "archiv"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def new(archive: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["new", "--archiv", str(archive), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_golden_skeleton_after_reference(archive: Path) -> None:
    code, out, err = new(archive, "--datum", "12.01.2023")
    path = archive / "2023-01-12-stadtteiltisch.txt"
    assert (code, err) == (0, "")
    assert out == f"Neues Protokoll angelegt: {path}\n"
    assert_golden("skeleton/2023-01-12-stadtteiltisch.txt", path.read_text("utf-8"))


def test_skeleton_reads_back_clean_and_check_passes(archive: Path) -> None:
    new(archive, "--datum", "12.01.2023")
    path = archive / "2023-01-12-stadtteiltisch.txt"
    protocol = protokollkit.read(path)
    assert protocol.diagnostics == ()
    assert protocol.title == "Protokoll Stadtteiltisch 12.01.23"
    assert protocol.date == dt.date(2023, 1, 12)
    reference = protokollkit.read(SEED)
    assert protocol.participants == reference.participants
    first, second = protocol.items
    assert (first.number, first.title) == (1, "Aktuelles aus den Einrichtungen")
    assert [b.speaker for b in first.blocks] == [b.speaker for b in reference.items[0].blocks]
    assert all(b.points == () for b in first.blocks)
    assert (second.number, second.title) == (2, "Offene Themen")
    assert [p.text for p in second.blocks[0].points] == [
        "Blumenrabatte Gerüstbauerring wird neu bepflanzt (Initiative OBR und STM) → wer möchte "
        "Patenschaft für die Rabatte übernehmen? (aus dem Protokoll vom 10.11.2022, TOP 1, "
        "Marén Wiese)",
        "Fläche Troika soll nochmal besprochen werden (aus dem Protokoll vom 10.11.2022, TOP 1, "
        "Marén Wiese)",
    ]
    assert protocol.next_meeting == NextMeeting("")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert "1 Datei geprüft: 0 Fehler, 0 Warnungen." in result.stderr


@pytest.mark.parametrize("written", ["12.01.2023", "12.1.23", "2023-01-12", " 12.1.2023 "])
def test_date_forms_accepted(archive: Path, written: str) -> None:
    code, _out, err = new(archive, "--datum", written)
    assert code == 0, err
    assert (archive / "2023-01-12-stadtteiltisch.txt").exists()


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("12.01.", "ist kein Datum. Erlaubt sind z. B. 12.01.2023, 12.1.23 oder 2023-01-12."),
        ("morgen", "ist kein Datum"),
        ("31.02.2023", "„31.02.2023“ ist kein gültiges Datum."),
        ("2023-13-01", "ist kein gültiges Datum"),
    ],
)
def test_bad_date_is_a_german_error(archive: Path, written: str, message: str) -> None:
    code, _out, err = new(archive, "--datum", written)
    assert code == 1
    assert message in err
    assert sorted(p.name for p in archive.iterdir()) == [SEED.name]


def test_date_defaults_to_the_next_meeting_of_the_newest_protocol(archive: Path) -> None:
    newer = archive / "2022-12-08-stadtteiltisch.txt"
    newer.write_text(
        "Protokoll Stadtteiltisch 08.12.2022\n\nTeilnehmende: Kathrin Krug (SBZ)\n\n"
        "1 Aktuelles aus den Einrichtungen\n\nKathrin Krug, SBZ\n\n- Termin für das Sommerfest "
        "noch offen\n\nNächster Termin: 12.01.2023, 14 Uhr, SBZ\n",
        "utf-8",
    )
    code, out, err = new(archive)
    assert code == 0, err
    path = archive / "2023-01-12-stadtteiltisch.txt"
    assert out == f"Neues Protokoll angelegt: {path}\n"
    assert path.read_text("utf-8") == (
        "Protokoll Stadtteiltisch 12.01.2023\n\nTeilnehmende: Kathrin Krug (SBZ)\n\n"
        "1 Aktuelles aus den Einrichtungen\n\nKathrin Krug, SBZ\n\n2 Offene Themen\n\n"
        "- Termin für das Sommerfest noch offen (aus dem Protokoll vom 08.12.2022, TOP 1, "
        "Kathrin Krug)\n\nNächster Termin:\n"
    )


def test_default_date_from_a_yearless_next_meeting_with_time(archive: Path) -> None:
    newer = archive / "2022-12-08-stadtteiltisch.txt"
    newer.write_text(
        "Protokoll Stadtteiltisch 08.12.22\n\nNächster Termin: 12.01. 14 Uhr im SBZ\n", "utf-8"
    )
    code, _out, err = new(archive)
    assert code == 0, err
    assert (archive / "2023-01-12-stadtteiltisch.txt").exists()


def test_without_date_and_open_next_meeting_is_a_german_error(archive: Path) -> None:
    code, _out, err = new(archive)
    assert code == 1
    assert err == (
        "fehler: Im letzten Protokoll 2022-11-10-stadtteiltisch.txt steht kein Datum für den "
        "nächsten Termin („noch offen“). Bitte das Datum angeben, z. B. --datum 12.01.2023.\n"
    )


def test_new_after_a_fresh_skeleton_shows_no_empty_quotes(archive: Path) -> None:
    assert new(archive, "--datum", "12.01.2023")[0] == 0
    code, _out, err = new(archive)
    assert code == 1
    assert "(„“)" not in err and "nächsten Termin. Bitte das Datum angeben" in err


def test_never_overwrites_an_existing_file(archive: Path) -> None:
    target = archive / "2023-01-12-stadtteiltisch.txt"
    target.write_text("Protokoll Stadtteiltisch 12.01.23\n\nschon begonnen\n", "utf-8")
    before = target.read_bytes()
    code, _out, err = new(archive, "--datum", "12.01.2023")
    assert code == 1
    assert f"{target} gibt es schon; die Datei wird nicht überschrieben." in err
    assert target.read_bytes() == before


def test_running_new_twice_keeps_the_first_skeleton(archive: Path) -> None:
    assert new(archive, "--datum", "12.01.2023")[0] == 0
    target = archive / "2023-01-12-stadtteiltisch.txt"
    first = target.read_bytes()
    code, _out, err = new(archive, "--datum", "12.01.2023")
    assert code == 1 and "wird nicht überschrieben" in err
    assert target.read_bytes() == first


def test_date_not_after_the_newest_protocol_is_refused(archive: Path) -> None:
    code, _out, err = new(archive, "--datum", "01.11.2022")
    assert code == 1
    assert "liegt nicht nach dem letzten Protokoll" in err


def test_missing_or_empty_archive_is_a_german_error(tmp_path: Path) -> None:
    code, _out, err = new(tmp_path / "fehlt", "--datum", "12.01.2023")
    assert code == 1 and "nicht gefunden" in err
    empty = tmp_path / "leer"
    empty.mkdir()
    (empty / "notizen.txt").write_text("kein Protokoll", "utf-8")
    code, _out, err = new(empty, "--datum", "12.01.2023")
    assert code == 1 and "liegt kein Protokoll" in err


def test_newest_protocol_is_chosen_by_date_in_the_name(archive: Path) -> None:
    older = archive / "2021-05-06-stadtteiltisch.txt"
    older.write_text("Protokoll Stadtteiltisch 06.05.21\n\nNächster Termin: 01.07.2021\n", "utf-8")
    assert new(archive, "--datum", "12.01.2023")[0] == 0
    text = (archive / "2023-01-12-stadtteiltisch.txt").read_text("utf-8")
    assert "Fläche Troika" in text


# --- pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Protokoll Stadtteiltisch 10.11.22", "Protokoll Stadtteiltisch 12.01.23"),
        ("Protokoll Stadtteiltisch 10.11.2022", "Protokoll Stadtteiltisch 12.01.2023"),
        ("Protokoll Stadtteiltisch 1.2.2022", "Protokoll Stadtteiltisch 12.1.2023"),
        ("Protokoll Stadtteiltisch 10. November 2022", "Protokoll Stadtteiltisch 12. Januar 2023"),
        ("Protokoll AG Wohnen vom 10.11.22 (SBZ)", "Protokoll AG Wohnen vom 12.01.23 (SBZ)"),
        ("Protokoll Stadtteiltisch", "Protokoll Stadtteiltisch 12.01.23"),
    ],
)
def test_title_keeps_the_date_style_of_the_last_protocol(title: str, expected: str) -> None:
    last = protokollkit.read(f"{title}\n")
    assert title_for(last, dt.date(2023, 1, 12)) == expected


@pytest.mark.parametrize(
    ("title", "date", "expected"),
    [
        (
            "Protokoll Stadtteiltisch 10.11.22",
            dt.date(1999, 1, 12),
            "Protokoll Stadtteiltisch 12.01.1999",
        ),
        (
            "Protokoll Stadtteiltisch 10.11.22",
            dt.date(9999, 12, 31),
            "Protokoll Stadtteiltisch 31.12.9999",
        ),
        ("Protokoll Stadtteiltisch", dt.date(2100, 1, 1), "Protokoll Stadtteiltisch 01.01.2100"),
        (
            "Protokoll Stadtteiltisch 10.11.22",
            dt.date(2099, 1, 1),
            "Protokoll Stadtteiltisch 01.01.99",
        ),
    ],
)
def test_a_two_digit_year_is_written_only_where_it_reads_back_as_that_year(
    title: str, date: dt.date, expected: str
) -> None:
    """``new --datum 12.1.1999`` wrote ``12.01.99``, which reads back as 2099."""
    written = title_for(protokollkit.read(f"{title}\n"), date)
    assert written == expected
    assert protokollkit.read(f"{written}\n").date == date


@pytest.mark.parametrize(
    ("text", "is_open"),
    [
        ("Fläche Troika soll nochmal besprochen werden", True),
        ("→ wer möchte Patenschaft für die Rabatte übernehmen?", True),
        ("Termin noch offen", True),
        ("Zahlen werden nachgereicht", True),
        ("Wer hat Interesse an einem Stand", True),
        ("Finanzierung ist noch zu klären", True),
        ("Thema wurde vertagt", True),
        ("Wie geht es weiter?", True),
        ("In der nächsten Sitzung berichtet das SBZ", True),
        ("Was sind unsere Probleme? 1. Zunahme von schwierigen Lebenssituationen", False),
        ("Interessierte können sich gern an das SBZ wenden", False),
        ("Sozialraumbudget soll als neue Finanzierungsmethode eingeführt werden", False),
        ("Öffnungszeiten richten sich danach, ob Klient*innen mitarbeiten", False),
    ],
)
def test_open_topic_recognition(text: str, is_open: bool) -> None:
    assert is_open_topic(text) is is_open


def test_open_point_is_carried_with_its_sub_points_and_reference_once() -> None:
    last = Protocol(
        title="Protokoll Stadtteiltisch 10.11.22",
        meeting="Stadtteiltisch",
        date=dt.date(2022, 11, 10),
        items=(
            AgendaItem(
                3,
                "Taizé",
                Person("Lucia Ziegler", "Taizé"),
                (
                    Block(
                        None,
                        (
                            Point("Wer möchte Gäste aufnehmen?", (Point("bis 1.12. melden"),)),
                            Point("Alt (aus dem Protokoll vom 06.10.2022, TOP 2, Jörg Utpatel)"),
                        ),
                    ),
                ),
            ),
        ),
    )
    assert open_topics(last) == (
        Point(
            "Wer möchte Gäste aufnehmen? (aus dem Protokoll vom 10.11.2022, TOP 3, Lucia Ziegler)",
            (Point("bis 1.12. melden"),),
        ),
        Point("Alt (aus dem Protokoll vom 06.10.2022, TOP 2, Jörg Utpatel)"),
    )


def test_parse_date_argument_forms() -> None:
    assert parse_date_argument("12.1.23") == dt.date(2023, 1, 12)
    assert parse_date_argument("2023-01-12") == dt.date(2023, 1, 12)
    with pytest.raises(ProtokollkitError, match="kein Datum"):
        parse_date_argument("12/01/2023")


@settings(max_examples=60, deadline=None)
@given(protocols(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 28)))
def test_skeleton_of_any_protocol_reads_back_without_errors_or_warnings(
    last: Protocol, date: dt.date
) -> None:
    model = skeleton(last, date)
    again = protokollkit.read(write_text(model))
    assert again.diagnostics == ()
    assert again == model
    assert again.date == date
