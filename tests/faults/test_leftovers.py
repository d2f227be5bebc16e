"""The faults the earlier campaigns found and left (README, Reliability): each one fixed here."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from protokollkit import read_file, write
from tests.archive.conftest import make_archive
from tests.conftest import SEED
from tests.faults.conftest import assert_german, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["click", "protokollkit.writers", "protokollkit.cli"])
def test_ctrl_c_while_the_command_line_is_imported_ends_without_a_traceback(module: str) -> None:
    # Ctrl-C arrives while Python imports the command line: a finder raises KeyboardInterrupt
    # the moment the module is looked for, as the signal would in the middle of an import.
    program = textwrap.dedent(
        f"""
        import sys

        class CtrlC:
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:
                    raise KeyboardInterrupt
                return None

        sys.meta_path.insert(0, CtrlC())
        from protokollkit.__main__ import run
        sys.argv = ["protokollkit", "--help"]
        run()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 1
    assert done.stderr == "\nAbgebrochen.\n"
    assert done.stdout == ""


def test_the_console_script_and_python_m_run_the_same_command_line() -> None:
    for command in (
        [sys.executable, "-m", "protokollkit", "--help"],
        [sys.executable, "-c", "from protokollkit.__main__ import run; run()", "--help"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        assert done.returncode == 0, done.stderr
        assert "Protokolle des Stadtteiltischs" in done.stdout


@pytest.mark.parametrize(
    "template",
    [
        "Hallo zusammen,\n\nanbei das Protokoll.\n\nViele Grüße\n",
        "# {protokoll} steht hier nur im Kommentar\nHallo,\n\n{termine}\n",
        "Hallo,\nhier: {{protokoll}}\n",
    ],
)
def test_a_mail_template_without_the_protocol_is_refused_before_anything_is_written(
    project: Path, template: str
) -> None:
    vorlagen = project / "vorlagen"
    vorlagen.mkdir()
    (vorlagen / "email.txt").write_text(template, "utf-8")
    result = run("build", "archiv/" + SEED.name, "-o", "ausgabe", cwd=project)
    assert_german(result, 1, "vorlagen/email.txt")
    assert "fehlt {protokoll}" in result.err
    assert not (project / "ausgabe").exists()


def test_a_mail_template_with_the_protocol_indented_is_accepted(project: Path) -> None:
    vorlagen = project / "vorlagen"
    vorlagen.mkdir()
    (vorlagen / "email.txt").write_text("Moin,\n\n  {protokoll}\n\nTschüss\n", "utf-8")
    result = run("build", "archiv/" + SEED.name, "-o", "ausgabe", cwd=project)
    assert result.code == 0, result.err
    body = (project / "ausgabe" / "2022-11-10-stadtteiltisch.email.txt").read_text("utf-8")
    assert body.startswith("Moin,\n\nProtokoll Stadtteiltisch 10.11.22\n")


def test_website_refuses_a_linked_folder_in_its_output_and_touches_nothing_behind_it(
    tmp_path: Path,
) -> None:
    archive = make_archive(tmp_path / "archiv")
    output = tmp_path / "website"
    elsewhere = tmp_path / "woanders"
    elsewhere.mkdir()
    (elsewhere / "wichtig.html").write_text("nicht anfassen", "utf-8")
    output.mkdir()
    (output / "protokoll").symlink_to(elsewhere, target_is_directory=True)
    result = run("website", "--archiv", archive, "-o", output, "--ohne-dokumente", "--ohne-suche")
    assert_german(result, 1, str(output / "protokoll"), "symbolischer Link")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["wichtig.html"]
    assert (elsewhere / "wichtig.html").read_text("utf-8") == "nicht anfassen"


def test_website_into_a_linked_output_folder_itself_is_fine(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archiv")
    real = tmp_path / "www"
    real.mkdir()
    (tmp_path / "website").symlink_to(real, target_is_directory=True)
    result = run(
        "website", "--archiv", archive, "-o", tmp_path / "website", "--ohne-dokumente",
        "--ohne-suche",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert (real / "index.html").is_file()


MARKDOWN_LINKS = """\
# Protokoll Vorstand 12.03.2024

Anwesend: Anna Berg, Ben Kahl

## TOP 1 Satzung

- Die [Satzung](https://example.org/satzung "Fassung 2023") wurde besprochen
- Siehe [Bericht][brcht] und ![Foto](bild.png 'Gruppenfoto')
- Der [Plan][PLAN] liegt vor, ebenso die [Kasse](https://example.org/kasse)

[plan]: https://example.org/plan "Der Plan"
[bericht]: https://example.org/bericht
[kasse]: https://example.org/kasse
"""


def test_markdown_link_titles_and_unused_definitions_are_named_at_their_lines(
    tmp_path: Path,
) -> None:
    source = tmp_path / "vorstand.md"
    source.write_text(MARKDOWN_LINKS, "utf-8")
    protocol = read_file(source)
    said = [(d.level, d.line, d.message) for d in protocol.diagnostics]
    assert said == [
        ("info", 7, "Titel des Links nicht übernommen: „Fassung 2023“"),
        ("info", 8, "Titel des Links nicht übernommen: „Gruppenfoto“"),
        ("info", 9, "Titel des Links nicht übernommen: „Der Plan“"),
        (
            "warning",
            12,
            "Linkdefinition von keinem Link benutzt, nicht übernommen (Markdown zeigt sie "
            "nicht): „[bericht]: https://example.org/bericht“",
        ),
    ]
    # the used definition's target is in the model; the misspelt reference stays as written
    text = write(protocol, "text")
    assert "[Plan](https://example.org/plan)" in text
    assert "[Bericht][brcht]" in text
    result = run("check", source)
    assert_german(result, 0, "vorstand.md:12:1: warnung: Linkdefinition")


def test_markdown_without_titles_or_definitions_says_nothing_about_links(tmp_path: Path) -> None:
    source = tmp_path / "vorstand.md"
    source.write_text(MARKDOWN_LINKS.split("\n[plan]")[0].replace(' "Fassung 2023"', ""), "utf-8")
    protocol = read_file(source)
    assert [d.message for d in protocol.diagnostics if "Link" in d.message] == [
        "Titel des Links nicht übernommen: „Gruppenfoto“"
    ]
