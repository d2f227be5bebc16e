"""Plausibility of dates and times: what `check` and `build` report, with line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import protokollkit
from protokollkit.cli import main
from protokollkit.model import AgendaItem, Block, Point, Protocol
from protokollkit.plausibility import check_plausibility
from tests.conftest import SEED, TESTS

FIXTURES = TESTS / "fixtures" / "termine" / "plausibility"
runner = CliRunner()


def messages(protocol_text: str, name: str = "p.txt") -> list[str]:
    """The plausibility warnings of a protocol text, as `check` prints them."""
    protocol = protokollkit.read(protocol_text)
    return [str(d) for d in check_plausibility(protocol, name, protocol_text)]


def test_check_reports_every_impossible_value_with_line_and_column() -> None:
    path = FIXTURES / "2023-01-12-stadtteiltisch.txt"
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0  # warnings, not errors
    expected = (FIXTURES / "2023-01-12-stadtteiltisch.expected").read_text("utf-8")
    assert result.stderr.replace(f"{FIXTURES}/", "") == expected
    assert "Traceback" not in result.output


def test_the_reference_protocol_is_plausible() -> None:
    text = SEED.read_text("utf-8")
    assert check_plausibility(protokollkit.read(text), str(SEED), text) == []


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            "Protokoll Stadtteiltisch 12.01.2202",
            "p.txt:1:26: warnung: Jahr 2202 im Titel („12.01.2202“) ist unwahrscheinlich – "
            "Tippfehler?",
        ),
        (
            "Protokoll Stadtteiltisch 12.01.1899",
            "p.txt:1:26: warnung: Jahr 1899 im Titel („12.01.1899“) ist unwahrscheinlich – "
            "Tippfehler?",
        ),
    ],
)
def test_title_year_far_from_now_is_reported(title: str, message: str) -> None:
    assert messages(f"{title}\n\n1 Aktuelles\n\n- nichts\n") == [message]


def test_title_date_that_disagrees_with_the_file_name_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "2022-11-11-stadtteiltisch.txt"
    path.write_text("Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n- nichts\n", "utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert result.stderr.splitlines()[0] == (
        f"{path}:1:26: warnung: Datum im Titel (10.11.2022) und im Dateinamen (2022-11-11) "
        "stimmen nicht überein."
    )


def test_a_file_name_without_a_date_is_not_compared(tmp_path: Path) -> None:
    path = tmp_path / "stadtteiltisch.txt"
    path.write_text("Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n- nichts\n", "utf-8")
    assert check_plausibility(protokollkit.read(path), str(path)) == []


def test_history_dates_are_not_typos() -> None:
    text = (
        "Protokoll Stadtteiltisch 12.01.2023\n\n1 Aktuelles\n\n- Zuständig seit 1.1.2015\n"
        "- Schreiben vom 3.11.2019 liegt vor\n- Jubiläum 12.05.2029\n"
    )
    assert messages(text) == [
        "p.txt:7:12: warnung: Datum „12.05.2029“ liegt weit vom Jahr der Sitzung (2023) – "
        "Tippfehler?"
    ]


def test_midnight_as_an_end_and_overnight_ranges_are_plausible() -> None:
    text = (
        "Protokoll Stadtteiltisch 12.01.2023\n\n1 Aktuelles\n\n- Party 14.01. 20-24 Uhr\n"
        "- Silvester 31.12. 20-1 Uhr\n- Tanz am 15.01. bis 24:00 Uhr\n"
    )
    assert messages(text) == []


def test_without_source_text_the_model_line_is_used() -> None:
    block = Block(points=(Point("Fest am 29.02.2023", line=7),))
    protocol = Protocol(
        "Protokoll Stadtteiltisch", "Stadtteiltisch", dt.date(2023, 1, 12),
        items=(AgendaItem(1, "Aktuelles", None, (block,)),),
    )  # fmt: skip
    (found,) = check_plausibility(protocol, "<dokument>")
    assert (found.line, found.col, found.level) == (7, 0, "warning")
    assert found.message == "Datum „29.02.2023“ gibt es nicht (kein Schaltjahr)."


def test_build_reports_the_warnings_too(tmp_path: Path) -> None:
    source = tmp_path / "2023-01-12-stadtteiltisch.txt"
    source.write_text(
        "Protokoll Stadtteiltisch 12.01.2023\n\n1 Aktuelles\n\n- Fest am 32.01.\n", "utf-8"
    )
    from protokollkit.build import build

    result = build(source, tmp_path / "ausgabe")
    assert [str(d) for d in result.diagnostics] == [
        f"{source}:5:11: warnung: Datum „32.01.“ gibt es nicht (der Januar hat keinen 32. Tag)."
    ]


CLOCK_CHANGE = """Protokoll Stadtteiltisch 12.03.26

1 Aktuelles

- Nachtwanderung am 29.03.2026 um 2:30 Uhr am Bahnhof
- Laternenumzug am 25.10.2026 von 1:30 bis 2:15 Uhr
- Sternegucken am 15.06.2026 um 2:30 Uhr
- Mondfest am 28.03.2027 um 2 Uhr
"""


def test_a_time_the_clock_skips_or_shows_twice_is_reported() -> None:
    assert messages(CLOCK_CHANGE) == [
        "p.txt:5:35: warnung: 2:30 Uhr gibt es am 29.03.2026 nicht: in dieser Nacht wird die Uhr"
        " von 2 auf 3 Uhr vorgestellt (Sommerzeit); Kalender zeigen den Termin um 3:30 Uhr –"
        " bitte die Uhrzeit prüfen.",
        "p.txt:6:44: warnung: 2:15 Uhr gibt es am 25.10.2026 zweimal: in dieser Nacht wird die"
        " Uhr von 3 auf 2 Uhr zurückgestellt (Winterzeit); Kalender nehmen die erste, noch in"
        " der Sommerzeit – bitte die Uhrzeit prüfen.",
        "p.txt:8:29: warnung: 2:00 Uhr gibt es am 28.03.2027 nicht: in dieser Nacht wird die Uhr"
        " von 2 auf 3 Uhr vorgestellt (Sommerzeit); Kalender zeigen den Termin um 3:00 Uhr –"
        " bitte die Uhrzeit prüfen.",
    ]


def test_two_oclock_on_other_nights_and_three_oclock_on_the_night_are_no_warning() -> None:
    text = CLOCK_CHANGE.replace("29.03.2026 um 2:30", "29.03.2026 um 3:30").replace(
        "bis 2:15", "bis 3:15"
    )
    assert [m for m in messages(text) if "28.03.2027" not in m] == []


def test_the_check_command_names_the_clock_change(tmp_path: Path) -> None:
    path = tmp_path / "2026-03-12-stadtteiltisch.txt"
    path.write_text(CLOCK_CHANGE, "utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert "vorgestellt (Sommerzeit)" in result.stderr
    assert "zurückgestellt (Winterzeit)" in result.stderr
