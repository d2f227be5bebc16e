"""Newcomer friction: German usage lines, stdin, what convert wrote, --ab/--bis, package data,
the newest protocol with content, .gitignore."""

from __future__ import annotations

import fnmatch
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from protokollkit.cli import main
from tests.conftest import ROOT, SEED
from tests.faults.conftest import assert_german, run

COMMANDS = ["build", "check", "convert", "import", "new", "send", "termine"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_usage_lines_and_help_are_german(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="protokollkit")
    assert result.exit_code == 0
    for english in ("[OPTIONS]", "COMMAND", "[ARGS]", " TEXT", " PATH", "DIRECTORY", " FILE"):
        assert english not in result.output, (english, result.output)
    assert "Aufruf: protokollkit" in result.output


def test_build_help_names_every_output_format() -> None:
    result = CliRunner().invoke(main, ["build", "--help"])
    for name in ("DOCX", "PDF", "Markdown", "Mail-Text", ".ics", ".eml"):
        assert name in result.output


def test_check_and_convert_read_standard_input() -> None:
    data = SEED.read_bytes()
    assert_german(run("check", "-", input=data), 0, "1 Datei geprüft: 0 Fehler")
    converted = run("convert", "-", "-t", "markdown", input=data)
    assert_german(converted, 0)
    assert converted.out.startswith("# Protokoll Stadtteiltisch")


def test_termine_from_and_until(project: Path) -> None:
    everything = run("termine", "archiv/" + SEED.name, cwd=project)
    assert_german(everything, 0)
    assert "18.11.2022" in everything.out and "06.12.2022" in everything.out
    window = run(
        "termine", "archiv/" + SEED.name, "--ab", "1.12.22", "--bis", "31.12.2022", cwd=project
    )
    assert_german(window, 0, "06.12.2022")
    assert "18.11.2022" not in window.out
    assert_german(run("termine", SEED, "--ab", "morgen"), 2, "--ab")


def test_build_of_a_folder_takes_the_newest_protocol_with_content(project: Path) -> None:
    kept = project / "archiv" / f"{SEED.stem}.vorher.txt"  # kept by import --force
    kept.write_text("Protokoll Stadtteiltisch 10.11.22\n\n1 Alt\n\n- alter Punkt\n", "utf-8")
    assert_german(run("new", "--datum", "12.01.2023", cwd=project), 0)
    result = run("build", "archiv", "-o", "ausgabe", cwd=project)
    assert_german(result, 0, f"Baue das neueste Protokoll mit Inhalt: archiv/{SEED.name}")
    assert "2023-01-12" in result.out  # the skipped skeleton is named
    assert (project / "ausgabe" / f"{SEED.stem}.pdf").exists()


def test_templates_are_package_data() -> None:
    from protokollkit.templates import PROJECT_VORLAGEN

    assert PROJECT_VORLAGEN.parent == ROOT / "protokollkit"
    assert PROJECT_VORLAGEN.resolve() == (ROOT / "vorlagen").resolve()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["protokollkit"]
    for template in ("protokoll.docx", "protokoll.typ", "email.txt", "verteiler.txt"):
        assert any(fnmatch.fnmatch(f"vorlagen/{template}", p) for p in patterns), template


def test_settings_and_send_log_are_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    assert "protokollkit.toml" in ignored
    assert "versand.log.jsonl" in ignored


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pip_install_layout_has_the_templates_link() -> None:
    link = ROOT / "protokollkit" / "vorlagen"
    assert link.is_symlink() and link.resolve() == (ROOT / "vorlagen").resolve()
