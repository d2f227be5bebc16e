"""Bad input gives a clear German ParseError, never a traceback of another kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.files import MAX_INPUT_BYTES, MAX_TEXT_BYTES
from tests.conftest import examples


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    with pytest.raises(protokollkit.ParseError, match="leer"):
        protokollkit.read(path)


def test_blank_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "leer.txt"
    path.write_bytes(b"\n\n  \r\n")
    with pytest.raises(protokollkit.ParseError, match="leer"):
        protokollkit.read(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(protokollkit.ParseError, match="keine Textdatei"):
        protokollkit.read(path)


def test_a_byte_that_is_neither_utf8_nor_windows_1252_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes(b"Protokoll X 1.1.22\n\n1 A\n\n- Gr\xfc\xdfe \x81 und mehr\n")
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read(path)
    [diagnostic] = info.value.diagnostics
    assert (diagnostic.line, diagnostic.col) == (5, 9)
    assert "0x81" in diagnostic.message


def test_text_without_protocol_title_or_date_is_read_with_a_warning() -> None:
    text = "Einkaufsliste\nMilch\nBrot\nButter\nKäse\nÄpfel\nBirnen\n"
    protocol = protokollkit.read(text)
    assert protocol.title == "Einkaufsliste"
    assert [p.text for p in protocol.all_points()] == text.split()[1:]
    [warning] = [d for d in protocol.diagnostics if d.level == "warning"]
    assert "Kein Datum" in warning.message


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(protokollkit.ParseError, match="Ordner"):
        protokollkit.read(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(protokollkit.ParseError, match="nicht gefunden"):
        protokollkit.read(tmp_path / "fehlt.txt")


@pytest.mark.parametrize("name", ["se\x00ed.txt", "\x00", "a\x00.docx"])
def test_a_nul_character_in_a_file_name_is_a_parse_error(name: str) -> None:
    with pytest.raises(protokollkit.ParseError, match="NUL-Zeichen"):
        protokollkit.read_file(name)
    with pytest.raises(protokollkit.ParseError, match="NUL-Zeichen"):
        protokollkit.read(Path(name))


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(protokollkit.ParseError, match="zu groß"):
        protokollkit.read(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json"])
def test_oversized_text_file_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lang{suffix}"
    path.write_bytes(b"Protokoll Stadtteiltisch 1.1.22\n" + b"- Punkt\n" * (MAX_TEXT_BYTES // 8))
    with pytest.raises(protokollkit.ParseError, match="zu groß"):
        protokollkit.read(path)


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.xyz"
    path.write_text("Protokoll X 1.1.22\n")
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read(path)
    [diagnostic] = info.value.diagnostics
    assert diagnostic.message == (
        "Unbekanntes Dateiformat „.xyz“ (bekannt: .doc, .docx, .htm, .html, .json, .markdown, "
        ".md, .odt, .rtf, .text, .txt)."
    )
    assert diagnostic.source == str(path)


@given(st.binary(max_size=400))
@settings(max_examples=examples(300), deadline=None)
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        protocol = protokollkit.read(data)
    except protokollkit.ParseError as exc:
        assert exc.diagnostics and all(d.message for d in exc.diagnostics)
    else:
        assert protocol.title


@given(st.lists(st.text(max_size=40), max_size=30).map("\n".join))
@settings(max_examples=examples(300), deadline=None)
@example(
    text="0\n\x0c0\x850",
).via("discovered failure: '0 0' read back as item 0")
@example(
    text="0\n\x0c0\x85:",
).via("discovered failure: '0 :' read back as item 0")
@example(
    text="0\n\x0c0\x85<",
).via("discovered failure: '0 <' read back as item 0")
@example(
    text="- 0\na\nA\n- 0",
).via("discovered failure: the paragraph 'A' of a protocol without items read back as a topic")
@example(
    text="\x0cÀ\n" + "0" * 40 + "\x0c0 0\x0c0",
).via("discovered failure: the short paragraph 'À' (not A–Z) read back as a topic heading")
@example(
    text="UHRZEIT\n\n0\n0",
).via("discovered failure: the guarded paragraph ' UHRZEIT' read back as a bare metadata label")
@example(
    text="uHRZEIT\n\n0\n0",
).via("discovered failure: a paragraph 'uHRZEIT' before the items read back as a metadata label")
@example(
    text="-DATUM\n0",
).via("discovered failure: '-DATUM' over '0' read as a bare metadata label, written '-DATUM: 0'")
def test_arbitrary_text_is_kept_or_reported(text: str) -> None:
    text = "Protokoll Stadtteiltisch 1.1.22\n" + text
    try:
        protocol = protokollkit.read(text)
    except protokollkit.ParseError:
        return
    written = protokollkit.write(protocol)
    assert isinstance(written, str)
    assert protokollkit.read(written) == protocol


def test_line_separators_inside_a_line_do_not_shift_line_numbers() -> None:
    text = "Protokoll X 1.1.22\n\n1 A\n\n- a\u2028b\n- c\x0cd\n- e\x1df\n\nTOP 5 B\n"
    protocol = protokollkit.read(text)
    assert [(p.text, p.line) for p in protocol.all_points()] == [
        ("a b", 5),
        ("c d", 6),
        ("e f", 7),
    ]
    [warning] = [d for d in protocol.diagnostics if d.level == "warning"]
    assert warning.line == 9


def test_points_nested_500_deep_are_kept_without_error() -> None:
    lines = "\n".join(f"{'  ' * depth}- Punkt {depth}" for depth in range(500))
    protocol = protokollkit.read(f"Protokoll X 1.1.22\n\n1 A\n\n{lines}\n")
    assert len(protocol.all_points()) == 500
    assert any("verschachtelt" in d.message for d in protocol.diagnostics)


@pytest.mark.parametrize(
    "entry",
    [
        "-  – 242  will Teilnehmen.de beim l:etzten Weihnackeine Gegenstimmenhtsmarkt",
        "[ ]   - [ ] x",
        "- –  : Pro.tokoll: Pia. NeumeyeRosa schlägt vorr",
    ],
)
def test_entries_with_an_empty_label_are_read_without_error(entry: str) -> None:
    """Found by fuzzing mutated protocols: a label of nothing but blanks before ``:`` or
    ``–`` made the decision and task rules index an empty list."""
    protocol = protokollkit.read(f"Protokoll Stadtteiltisch 1.1.22\n\n1 Aktuelles\n\n{entry}\n")
    assert protocol.items[0].blocks
    assert protokollkit.read(str(protokollkit.write(protocol))) == protocol
