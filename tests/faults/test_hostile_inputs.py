"""Hostile and odd inputs: each ends in a precise German message (or simply works)."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.faults.conftest import Unchanged, assert_german, run
from tests.readers.test_pandoc import LEGACY

TITLE = "Protokoll Stadtteiltisch 10.11.22"


def protocol_with(point: str, title: str = TITLE) -> str:
    return f"{title}\n\nTeilnehmende: Jörg Utpatel\n\n1 Aktuelles\n\n- {point}\n"


def nested(depth: int) -> str:
    lines = [TITLE, "", "1 Aktuelles", ""]
    lines += [f"{'  ' * level}- Ebene {level + 1}" for level in range(depth)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(6))
def test_a_bit_flipped_docx_is_reported_as_damaged(tmp_path: Path, seed: int) -> None:
    data = bytearray((LEGACY / "reference.docx").read_bytes())
    rng = random.Random(seed)
    for _ in range(3):
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
    damaged = tmp_path / "kaputt.docx"
    damaged.write_bytes(bytes(data))
    guard = Unchanged(damaged)
    result = run("convert", damaged, "-t", "text")
    assert result.code in (0, 1)
    assert_german(result, None)
    if result.code:
        assert "kaputt.docx" in result.err
    guard.check()


def test_a_title_over_255_characters_goes_into_the_docx(tmp_path: Path) -> None:
    source = tmp_path / "lang.txt"
    source.write_text(protocol_with("Punkt", TITLE + " – " + "sehr lang " * 40), "utf-8")
    result = run("convert", source, "-t", "docx", "-o", tmp_path / "lang.docx")
    assert_german(result, 0, "geschrieben:")
    with zipfile.ZipFile(tmp_path / "lang.docx") as package:
        assert "sehr lang" in package.read("docProps/core.xml").decode("utf-8")


@pytest.mark.parametrize("year", ["1850", "2150"])
def test_a_year_outside_zip_timestamps_still_gives_a_docx(tmp_path: Path, year: str) -> None:
    source = tmp_path / "jahr.txt"
    source.write_text(protocol_with("Punkt", f"Protokoll Stadtteiltisch 10.11.{year}"), "utf-8")
    result = run("convert", source, "-t", "docx", "-o", tmp_path / "jahr.docx")
    assert_german(result, 0)
    assert zipfile.is_zipfile(tmp_path / "jahr.docx")


def test_deep_json_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "tief.json"
    source.write_text('{"title": "x",\n "items": ' + "[" * 5000 + "]" * 5000 + "}", "utf-8")
    guard = Unchanged(source)
    result = run("check", source)
    assert_german(result, 1, "tief.json:2:", "zu tief verschachtelt")
    assert_german(run("convert", source, "-t", "docx", "-o", source), 1, "überschreiben")
    guard.check()


def test_json_syntax_errors_are_german(tmp_path: Path) -> None:
    source = tmp_path / "kaputt.json"
    source.write_text('{"title": "x",\n "items" []}', "utf-8")
    result = run("check", source)
    assert_german(result, 1, "kaputt.json:2:", "„:“ fehlt")


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<div>", "</div>"), ("<ul><li>", "</li></ul>"), ("<ul><li>", "</ul>")],
)
def test_deeply_nested_html_is_refused_with_its_line(
    tmp_path: Path, opening: str, closing: str
) -> None:
    source = tmp_path / "tief.html"
    body = f"<p>{TITLE}</p>\n<h1>1 Aktuelles</h1>\n" + opening * 400 + "Text" + closing * 400
    source.write_text(f"<html><body>{body}</body></html>", "utf-8")
    result = run("convert", source, "-t", "text")
    assert_german(result, 1, "tief.html:3:", "zu tief verschachtelt")


def test_deep_points_and_control_characters_fail_check_as_they_would_fail_build(
    tmp_path: Path,
) -> None:
    deep = tmp_path / "tief.txt"
    deep.write_text(nested(35), "utf-8")
    escape = tmp_path / "escape.txt"
    escape.write_text(protocol_with("Klingel \a und Escape \x1b[31m"), "utf-8")
    for source, words in ((deep, ("Ebenen",)), (escape, ("escape.txt:7:", "U+0007"))):
        checked = run("check", source)
        assert_german(checked, 1, *words)
        built = run("build", source, "-o", tmp_path / "ausgabe")
        assert_german(built, 1, *words)
        assert not (tmp_path / "ausgabe" / f"{source.stem}.pdf").exists()


def test_a_fifo_as_input_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "rohr.txt"
    os.mkfifo(fifo)
    guard = Unchanged(tmp_path)
    assert_german(run("check", fifo, timeout=60), 1, "keine gewöhnliche Datei")
    assert_german(run("convert", fifo, timeout=60), 1, "keine gewöhnliche Datei")
    guard.check()
    docx = tmp_path / "rohr.docx"
    os.mkfifo(docx)
    result = run("import", docx, "--archiv", tmp_path / "archiv", timeout=60)
    assert_german(result, 1, "keine gewöhnliche Datei")


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "schleife.txt"
    loop.symlink_to(loop)
    assert_german(run("check", loop), 1, "Verweisschleife")


def test_a_file_name_that_is_not_utf8_is_built_and_shown(tmp_path: Path) -> None:
    source = tmp_path / os.fsdecode(b"protokoll-\xe4.txt")
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "ausgabe"
    result = run("build", source, "-o", out)
    assert_german(result, 0, "Fertig: 6 Dateien", "\\xe4")
    assert run("build", source, "-o", out).out.startswith("Nichts zu tun")


@pytest.mark.parametrize("value", ["inf", "nan", "1e300", "-1", "0"])
def test_odd_timeouts_in_the_settings_are_refused(project: Path, value: str) -> None:
    (project / "protokollkit.toml").write_text(
        f'[smtp]\nhost = "mail.example.org"\ntimeout = {value}\n', "utf-8"
    )
    result = run("send", "archiv/" + SEED.name, "--dry-run", cwd=project)
    assert_german(result, 1, "protokollkit.toml:3:", "„timeout“")


def test_settings_that_are_a_folder_or_broken_toml_get_german_messages(project: Path) -> None:
    (project / "protokollkit.toml").mkdir()
    result = run("send", "archiv/" + SEED.name, "--yes", cwd=project)
    assert_german(result, 1, "ist hier ein Ordner")
    (project / "protokollkit.toml").rmdir()
    (project / "protokollkit.toml").write_text('[smtp]\nhost "x"\n', "utf-8")
    result = run("send", "archiv/" + SEED.name, "--yes", cwd=project)
    assert_german(result, 1, "protokollkit.toml:2:", "„=“")


def test_an_encrypted_odt_gives_the_password_message(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", os.urandom(2000))
        package.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
    source = tmp_path / "geheim.odt"
    source.write_bytes(buffer.getvalue())
    assert_german(run("import", source, "--archiv", tmp_path / "archiv"), 1, "Passwort")


def test_a_broken_document_shows_no_pandoc_text(tmp_path: Path) -> None:
    source = tmp_path / "kaputt.rtf"
    source.write_bytes(b"{\\rtf1 {\\b unvollst\xe4ndig")
    result = run("convert", source, "-t", "text")
    assert result.code in (0, 1)
    assert_german(result, None)


def test_no_password_prompt_without_a_terminal_shows_no_python_warning(project: Path) -> None:
    (project / "protokollkit.toml").write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\ntimeout = 5\n', "utf-8"
    )
    result = run("send", "archiv/" + SEED.name, "--yes", cwd=project)
    assert_german(result, 1, "nicht erreichbar")
    assert "GetPassWarning" not in result.output


def test_two_versions_of_one_meeting_in_one_batch_are_not_skipped_silently(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "erste.docx", tmp_path / "zweite.docx"
    assert_german(run("convert", SEED, "-t", "docx", "-o", first), 0)
    corrected = tmp_path / "korrigiert.txt"
    corrected.write_text(
        SEED.read_text("utf-8").replace("- Wühlmäuschen", "- Neu: Wühlmäuschen"), "utf-8"
    )
    assert_german(run("convert", corrected, "-t", "docx", "-o", second), 0)
    archiv = tmp_path / "archiv"
    result = run("import", first, second, "--archiv", archiv)
    assert_german(result, 1, "geändert", "gleiche Sitzung wie", "Punkte: 1 geändert")
    archived = Unchanged(archiv)
    again = run("import", second, "--archiv", archiv)
    assert_german(again, 1, "geändert", "Punkte: 1 geändert", "--force")
    archived.check()


def test_a_character_the_pdf_font_lacks_is_named_not_blamed_on_the_template(
    tmp_path: Path,
) -> None:
    source = tmp_path / "emoji.txt"
    source.write_text(protocol_with("Knall 💥 beim Feuerwerk"), "utf-8")
    guard = Unchanged(source)
    checked = run("check", source)
    assert_german(checked, 1, "emoji.txt:7:", "„💥“ (U+1F4A5)", "im PDF nicht dargestellt")
    result = run("convert", source, "-t", "pdf", "-o", tmp_path / "p.pdf")
    assert_german(result, 1, "emoji.txt:7:", "„💥“ (U+1F4A5)", "im PDF nicht dargestellt")
    assert "Fehler in der Vorlage" not in result.output
    assert_german(run("convert", source, "-t", "markdown"), 0, "💥")
    guard.check()


def test_the_characters_taken_as_safe_are_in_the_pdf_fonts() -> None:
    from protokollkit.validate import SAFE_EXTRA, _probe

    assert _probe("".join(sorted(SAFE_EXTRA))) is None
    assert _probe("Knall 💥") == "💥"
