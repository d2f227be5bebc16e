"""The command line through click's CliRunner, and that --help stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from protokollkit.cli import main
from tests.conftest import SEED

runner = CliRunner()


def test_convert_to_stdout() -> None:
    result = runner.invoke(main, ["convert", str(SEED), "-t", "text"])
    assert result.exit_code == 0
    assert result.stdout == SEED.read_text("utf-8")


def test_convert_json_to_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "p.json"
    result = runner.invoke(main, ["convert", str(SEED), "-t", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text("utf-8"))["date"] == "2022-11-10"
    assert [p.name for p in target.parent.iterdir()] == ["p.json"]


def test_convert_json_back_to_text(tmp_path: Path) -> None:
    json_path = tmp_path / "p.json"
    runner.invoke(main, ["convert", str(SEED), "-t", "json", "-o", str(json_path)])
    result = runner.invoke(main, ["convert", str(json_path), "-t", "text"])
    assert result.exit_code == 0
    assert result.stdout == SEED.read_text("utf-8")


def test_check_reports_like_a_compiler(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("Protokoll Stadtteiltisch\n\n1 Aktuelles\n\nDas ist ein Satz.\n\nTOP 3 Ende\n")
    result = runner.invoke(main, ["check", str(path), str(SEED)])
    assert result.exit_code == 0
    assert f"{path}:1:1: warnung: Kein Datum gefunden" in result.stderr
    assert f"{path}:7:1: warnung: Tagesordnungspunkt 3 folgt auf 1." in result.stderr
    assert "Das ist ein Satz" not in result.stderr  # a paragraph is ordinary content
    assert "2 Dateien geprüft: 0 Fehler, 2 Warnungen." in result.stderr


def test_check_exits_1_on_error(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["check", str(empty), str(SEED)])
    assert result.exit_code == 1
    assert f"{empty}: fehler: Die Datei ist leer." in result.stderr


def test_bad_inputs_give_one_german_message(tmp_path: Path) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    cases = [
        (tmp_path / "fehlt.txt", "nicht gefunden"),
        (tmp_path, "Ordner"),
        (binary, "keine Textdatei"),
    ]
    for path, message in cases:
        result = runner.invoke(main, ["convert", str(path)])
        assert result.exit_code == 1, path
        assert message in result.stderr
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


HEAVY = (
    "docx",
    "pypandoc",
    "lxml",
    "typst",
    "icalendar",
    "markdown_it",
    "matplotlib",
    "email.mime",
    "sqlite3",
    "urllib.request",
    "protokollkit.model",
    "protokollkit.layout",
)
"""Modules ``--help`` must not load: libraries for one command only, and the model and parser
(built on first use: start-up is measured against ``python -c pass`` in ``make bench``)."""


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from protokollkit.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"
    assert "convert" in result.stdout


def test_click_messages_are_german() -> None:
    result = runner.invoke(main, ["--help"])
    assert "Aufruf: " in result.stdout and "Befehle:" in result.stdout
    assert "Diese Hilfe anzeigen und beenden." in result.stdout
    result = runner.invoke(main, ["convert", "-t", "xyz", "x"])
    assert result.exit_code == 2
    assert "Fehler: Ungültiger Wert für '-t' / '--to': 'xyz' ist keins von" in result.stderr
    result = runner.invoke(main, ["conver"])
    assert "Unbekannter Befehl 'conver'. Meinten Sie 'convert'?" in result.stderr
    result = runner.invoke(main, ["convert"])
    assert "Es fehlt das Argument 'EINGABE'." in result.stderr


def test_check_reports_a_reader_error_that_is_not_a_parse_error(tmp_path: Path) -> None:
    # A .doc needs LibreOffice; with an empty PATH it is missing: a German error, no traceback.
    doc = tmp_path / "alt.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = runner.invoke(main, ["check", str(doc)], env={"PATH": str(tmp_path)})
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{doc}: fehler:" in result.stderr
    assert "1 Datei geprüft: 1 Fehler" in result.stderr


def test_an_internal_error_is_one_message_without_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import protokollkit.writers.text as text_writer

    def broken(protocol: object) -> str:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(text_writer, "write_text", broken)
    result = runner.invoke(main, ["convert", str(SEED)])
    assert result.exit_code == 1
    assert "fehler: interner Fehler (RuntimeError: kaputt)" in result.stderr
    assert "Traceback" not in result.output


def test_check_shows_the_rules_decisions_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "2023-03-09-runde.txt"
    path.write_text("Runde Tisch\n\n1 Aktuelles\n\n- Punkt\n", "utf-8")
    quiet = runner.invoke(main, ["check", str(path)])
    assert quiet.exit_code == 0 and "hinweis" not in quiet.stderr
    told = runner.invoke(main, ["check", "--hinweise", str(path)])
    assert f"{path}:1:1: hinweis: Datum aus dem Dateinamen übernommen." in told.stderr
