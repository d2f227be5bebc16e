"""Agenda items numbered by the heading's automatic numbering (Word, LibreOffice).

The fixtures in tests/fixtures/numbering/ were made by LibreOffice from hand-written Flat ODT
(``make_numbering.py``, which also checks that LibreOffice shows the expected numbers), and one
.docx by hand in Word's own XML. Pandoc is the real binary from pypandoc-binary.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

import protokollkit
from protokollkit.diagnostics import ParseError
from protokollkit.layout import parse_lines
from protokollkit.readers.docx import read_docx as read_docx_direct
from protokollkit.readers.numbering import heading_numbers
from protokollkit.readers.pandoc import ast_lines, read_docx, run_pandoc
from protokollkit.writers.json import to_data
from tests.conftest import TESTS

NUMBERING = TESTS / "fixtures" / "numbering"
LEGACY = TESTS / "fixtures" / "legacy"

ITEMS = {
    "continued_restart": [3, 4, 5],
    "continued_outline": [3, 4, 5],
    "unnumbered_heading": [1, 2, 3, 3, 4],
    "word_start_override": [5, 6, 7],
}
"""The agenda item numbers each fixture must give."""

FIXTURES = [
    *(
        f"{name}.{fmt}"
        for name in ITEMS
        if name != "word_start_override"
        for fmt in ("docx", "odt")
    ),
    "word_start_override.docx",
]


def model(protocol: protokollkit.Protocol) -> dict[str, Any]:
    data = to_data(protocol, positions=False)
    del data["diagnostics"]
    return data


def replace_part(path: Path, part: str, old: bytes, new: bytes) -> bytes:
    """The bytes of ``path`` with one string in one zip part replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                assert old in data
                data = data.replace(old, new)
            copy.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("fixture", FIXTURES)
def test_items_get_the_numbers_the_heading_numbering_shows(fixture: str) -> None:
    path = NUMBERING / fixture
    protocol = protokollkit.read(path)
    assert [item.number for item in protocol.items] == ITEMS[path.stem]
    expected = (NUMBERING / f"{path.stem}.expected.txt").read_text(encoding="utf-8")
    assert protokollkit.write(protocol, "text") == expected
    assert protokollkit.read(expected) == protocol  # the archive text reads back


@pytest.mark.parametrize("name", ["continued_restart", "continued_outline", "unnumbered_heading"])
def test_docx_and_odt_from_libreoffice_give_the_same_model(name: str) -> None:
    docx = protokollkit.read(NUMBERING / f"{name}.docx")
    odt = protokollkit.read(NUMBERING / f"{name}.odt")
    assert model(docx) == model(odt)


@pytest.mark.parametrize("fixture", ["continued_restart.docx", "continued_restart.odt"])
def test_continuing_numbering_adds_no_warning(fixture: str) -> None:
    assert protokollkit.read(NUMBERING / fixture).diagnostics == ()


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_unnumbered_headings_show_no_number_and_do_not_count(fmt: str) -> None:
    data = (NUMBERING / f"unnumbered_heading.{fmt}").read_bytes()
    # "No List" on the guest's heading, LibreOffice's "unnumbered entry" on the last one.
    assert heading_numbers(data, fmt) == [1, 2, None, 3, None]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_unnumbered_heading_takes_the_next_number_and_a_clash_is_reported(fmt: str) -> None:
    protocol = protokollkit.read(NUMBERING / f"unnumbered_heading.{fmt}")
    titles = [(item.number, item.title) for item in protocol.items]
    assert titles[2:4] == [
        (3, "Gast aus dem Polizeirevier Lütten Klein"),
        (3, "Verschiedenes"),
    ]
    assert [d.message for d in protocol.diagnostics] == ["Tagesordnungspunkt 3 folgt auf 3."]


def test_word_style_numbering_restarts_at_its_start_override_and_accepts_tracked_changes() -> None:
    data = (NUMBERING / "word_start_override.docx").read_bytes()
    # The deleted heading "Haushalt 2024" would be 6 with the changes shown; accepted, the
    # inserted heading is 6.
    assert heading_numbers(data, "docx") == [5, 6, 7]
    assert "Haushalt" not in protokollkit.write(
        protokollkit.read(NUMBERING / "word_start_override.docx"), "text"
    )


def test_typed_number_in_the_heading_text_wins_over_the_automatic_number() -> None:
    data = replace_part(
        NUMBERING / "word_start_override.docx",
        "word/document.xml",
        b"<w:t>Verschiedenes</w:t>",
        b"<w:t>9 Verschiedenes</w:t>",
    )
    protocol = read_docx(data, "typed.docx")
    assert [(item.number, item.title) for item in protocol.items][-1] == (9, "Verschiedenes")
    assert [d.message for d in protocol.diagnostics] == ["Tagesordnungspunkt 9 folgt auf 6."]


def test_heading_numbers_are_ignored_when_pandoc_sees_a_different_number_of_headings() -> None:
    data = (NUMBERING / "continued_outline.docx").read_bytes()
    document = run_pandoc(data, "docx", "continued_outline.docx")
    numbered, _ = ast_lines(document, "docx", [3, 4, 5])
    assert [line.hints.number for line in numbered if line.hints.heading] == [3, 4, 5]
    lines, notes = ast_lines(document, "docx", [3, 4])
    assert [line.hints.number for line in lines if line.hints.heading] == [None, None, None]
    assert notes == []
    protocol = parse_lines(lines, "continued_outline.docx")
    assert [item.number for item in protocol.items] == [1, 2, 3]
    assert protocol.diagnostics == ()


@pytest.mark.parametrize(
    ("fixture", "numbers"),
    [
        ("habits.docx", [1]),  # item 1's "1." comes from the outline numbering
        ("habits.odt", [1]),
        ("reference.docx", [None, None, None, None]),  # numbers typed in the text
        ("reference.odt", [None, None, None, None]),
        ("word_like.docx", [None, None]),
    ],
)
def test_legacy_fixtures_heading_numbers(fixture: str, numbers: list[int | None]) -> None:
    path = LEGACY / fixture
    assert heading_numbers(path.read_bytes(), path.suffix[1:]) == numbers


@pytest.mark.parametrize("part", ["word/document.xml", "word/numbering.xml", "word/styles.xml"])
def test_unreadable_xml_is_a_german_error_naming_file_and_part(part: str) -> None:
    path = NUMBERING / "word_start_override.docx"
    with zipfile.ZipFile(path) as archive:
        start = archive.read(part)[:60]
    broken = replace_part(path, part, start, start[:-20])
    with pytest.raises(ParseError, match=f"„{part}“ ist kein gültiges XML") as info:
        heading_numbers(broken, "docx", "kaputt.docx")
    assert info.value.diagnostics[0].source == "kaputt.docx"
    with pytest.raises(ParseError, match="kein gültiges XML"):
        read_docx_direct(broken, "kaputt.docx")


def test_a_document_that_is_no_zip_is_a_german_error() -> None:
    with pytest.raises(ParseError, match="beschädigt"):
        heading_numbers(b"PK\x03\x04 nothing", "docx", "x.docx")
    with pytest.raises(ParseError, match="beschädigt"):
        heading_numbers((LEGACY / "reference.rtf").read_bytes(), "odt", "x.odt")


def test_archive_text_of_a_protocol_continuing_at_item_3_reads_back() -> None:
    protocol = protokollkit.read(NUMBERING / "continued_outline.expected.txt")
    assert [item.number for item in protocol.items] == [3, 4, 5]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_list_labels_are_the_ones_libreoffice_shows(fmt: str) -> None:
    """Lettered and roman lists (``a)``, ``(iv)`` from a start value, ``C.``, ``II.``) keep the
    label LibreOffice shows before each point (list_labels.fodt, converted by LibreOffice)."""
    protocol = protokollkit.read(NUMBERING / f"list_labels.{fmt}")
    expected = (NUMBERING / "list_labels.expected.txt").read_text("utf-8")
    assert protokollkit.write(protocol, "text") == expected
    assert protocol.title == "Protokoll Ortsbeirat Lütten Klein 08.06.2023"  # the Title style
    assert protocol.diagnostics == ()
