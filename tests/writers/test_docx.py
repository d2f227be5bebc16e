"""The DOCX writer: read by pandoc, inspected with python-docx, restyled templates, round trip."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pypandoc
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle
from hypothesis import HealthCheck, given, settings

import protokollkit
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.layout import format_person
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.writers.docx import write_docx
from protokollkit.writers.present import apostrophes
from tests.conftest import ROOT, SEED
from tests.strategies import protocols
from tests.writers.conftest import classic, rich_protocol, typographic

TEMPLATE = ROOT / "vorlagen" / "protokoll.docx"
HAS_PANDOC_READER = importlib.util.find_spec("protokollkit.readers.pandoc") is not None
needs_pandoc_reader = pytest.mark.skipif(
    not HAS_PANDOC_READER, reason="protokollkit/readers/pandoc.py (issue 4) not there yet"
)
Json = Any


@pytest.fixture(scope="module")
def reference() -> Protocol:
    return protokollkit.read(SEED)


@pytest.fixture(scope="module")
def written(reference: Protocol, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "2022-11-10-stadtteiltisch.docx"
    path.write_bytes(write_docx(reference))
    return path


@pytest.fixture(scope="module")
def ast(written: Path) -> Json:
    return json.loads(pypandoc.convert_file(str(written), "json", format="docx+styles"))


def nested_protocol(reference: Protocol) -> Protocol:
    """The reference with a point nested three levels deep in the first item."""
    nested = Point("Oberpunkt", (Point("Unterpunkt", (Point("Unter-Unterpunkt"),)),))
    item = reference.items[0]
    block = replace(item.blocks[-1], points=(nested, *item.blocks[-1].points))
    items = (replace(item, blocks=(*item.blocks[:-1], block)), *reference.items[1:])
    return replace(reference, items=items)


# --- pandoc ---------------------------------------------------------------------------------


def inline_text(inlines: list[Json]) -> str:
    parts: list[str] = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Strong", "Emph", "Underline", "Strikeout"):
            parts.append(inline_text(content))
        elif kind == "Span":
            parts.append(inline_text(content[1]))
        elif kind == "Quoted":
            parts.append(f"„{inline_text(content[1])}“")
    return "".join(parts)


def paragraphs(blocks: list[Json]) -> Iterator[tuple[str, Json]]:
    """(custom style or "", block) for every Para/Header, looking into Divs."""
    for block in blocks:
        if block["t"] == "Div":
            attributes = dict(block["c"][0][2])
            for style, inner in paragraphs(block["c"][1]):
                yield style or attributes.get("custom-style", ""), inner
        else:
            yield "", block


def bullet_items(blocks: list[Json], depth: int = 0) -> Iterator[tuple[int, str]]:
    """(depth, text) of every item of every BulletList, depth first."""
    for block in blocks:
        if block["t"] == "BulletList":
            for item in block["c"]:
                first = next(b for _s, b in paragraphs(item) if b["t"] in ("Para", "Plain"))
                yield depth, inline_text(first["c"])
                yield from bullet_items(item, depth + 1)
        elif block["t"] == "Div":
            yield from bullet_items(block["c"][1], depth)


def test_pandoc_finds_every_point_as_a_bullet_list_item(reference: Protocol, ast: Json) -> None:
    found = [text for _depth, text in bullet_items(ast["blocks"])]
    assert found == [apostrophes(p.text) for p in reference.all_points()]
    assert len(found) == 34
    assert not any(b["t"] == "OrderedList" for _s, b in paragraphs(ast["blocks"]))


def test_pandoc_finds_title_and_item_headers(reference: Protocol, ast: Json) -> None:
    assert inline_text(ast["meta"]["title"]["c"]) == "Protokoll Stadtteiltisch 10.11.22"
    headers = [b for _s, b in paragraphs(ast["blocks"]) if b["t"] == "Header"]
    assert [h["c"][0] for h in headers] == [1, 1, 1, 1]
    assert [inline_text(h["c"][2]) for h in headers] == [
        f"{item.number} {apostrophes(item.title)}" for item in reference.items
    ]  # the presenter is a paragraph of its own, not part of the heading


def test_pandoc_sees_speaker_lines_in_their_own_style(reference: Protocol, ast: Json) -> None:
    speakers = [
        inline_text(b["c"]) for style, b in paragraphs(ast["blocks"]) if style == "Sprecher"
    ]
    expected = [
        format_person(b.speaker) for item in reference.items for b in item.blocks if b.speaker
    ]
    assert speakers == expected
    assert len(speakers) == 12
    assert "Antonia Scheller (Amt für Finanzen und Planung – Jugend und Soziales)" in speakers


def test_pandoc_reads_nested_points_as_nested_lists(reference: Protocol, tmp_path: Path) -> None:
    path = tmp_path / "nested.docx"
    path.write_bytes(write_docx(nested_protocol(reference)))
    document = json.loads(pypandoc.convert_file(str(path), "json", format="docx"))
    items = list(bullet_items(document["blocks"]))
    start = items.index((0, "Oberpunkt"))
    assert items[start : start + 4] == [
        (0, "Oberpunkt"),
        (1, "Unterpunkt"),
        (2, "Unter-Unterpunkt"),
        (0, reference.items[0].blocks[-1].points[0].text),
    ]


# --- python-docx inspection -----------------------------------------------------------------


def open_docx(data: bytes | Path) -> Document:
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def num_pr(element: Any) -> tuple[int, int] | None:
    """(numId, ilvl) of a paragraph's or a style's ``w:numPr``, or None."""
    found = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if found is None:
        return None
    num_id, ilvl = found.find(qn("w:numId")), found.find(qn("w:ilvl"))
    level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return int(num_id.get(qn("w:val"))), level


def numbering_levels(document: Document, num_id: int) -> dict[int, str]:
    """numFmt by level of the abstract numbering that ``num_id`` refers to."""
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(abstract_id):
            return {
                int(lvl.get(qn("w:ilvl"))): lvl.find(qn("w:numFmt")).get(qn("w:val"))
                for lvl in abstract.findall(qn("w:lvl"))
            }
    raise AssertionError(f"no abstractNum {abstract_id}")


def test_paragraph_styles_title_heading_speaker_and_lists(
    reference: Protocol, written: Path
) -> None:
    document = open_docx(written)
    styles = [p.style.name if p.style else "" for p in document.paragraphs]
    texts = [p.text for p in document.paragraphs]
    assert (styles[0], texts[0]) == ("Title", "Protokoll Stadtteiltisch 10.11.22")
    assert [t for s, t in zip(styles, texts, strict=True) if s == "Heading 1"] == [
        "1 Aktuelles aus den Einrichtungen",
        "2 Sozialraumorientierung in Rostock weiterdenken",
        "3 Europäisches Jugendtreffen Taizé",
        "4 RoDeFa – wie geht’s weiter?",
    ]
    assert styles.count("Sprecher") == 12
    assert [t for s, t in zip(styles, texts, strict=True) if s.startswith("List Bullet")] == [
        apostrophes(p.text) for p in reference.all_points()
    ]
    speaker = next(p for p in document.paragraphs if p.style and p.style.name == "Sprecher")
    assert all(run.bold is None for run in speaker.runs)  # bold comes from the styles


def test_participants_and_next_meeting_have_bold_labels(written: Path) -> None:
    document = open_docx(written)
    participants = document.paragraphs[1]
    assert participants.text.startswith("Teilnehmende: Robin Czarnecki, Jörg Utpatel, ")
    assert participants.runs[0].text == "Teilnehmende:" and participants.runs[0].bold
    assert participants.style is not None and participants.style.name == "Normal"
    last = document.paragraphs[-1]
    assert last.text == "Nächster Termin: noch offen"
    assert last.runs[0].text == "Nächster Termin:" and last.runs[0].bold
    assert last.style is not None and last.style.name == "Nächster Termin"


def test_every_point_is_a_real_word_bullet_with_its_level(reference: Protocol) -> None:
    protocol = nested_protocol(reference)
    document = open_docx(write_docx(protocol))
    points = [p for p in document.paragraphs if p.style and p.style.name.startswith("List")]
    assert len(points) == len(protocol.all_points()) == 37
    levels = []
    for paragraph in points:
        numbering = num_pr(paragraph._p)
        assert numbering is not None
        levels.append(numbering[1])
        formats = numbering_levels(document, numbering[0])
        assert [formats[level] for level in range(3)] == ["bullet"] * 3
    texts = [p.text for p in points]
    start = texts.index("Oberpunkt")
    assert levels[start : start + 4] == [0, 1, 2, 0]
    styles = [p.style.name if p.style else "" for p in points[start : start + 3]]
    assert styles == ["List Bullet", "List Bullet 2", "List Bullet 3"]
    assert levels.count(0) == 35
    assert not any(p.text.startswith(("-", "–", "•")) for p in points)


def part_xml(path: Path | bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as archive:
        return archive.read(name).decode("utf-8")


def test_header_shows_meeting_and_date_and_footer_page_numbers(written: Path) -> None:
    document = open_docx(written)
    section = document.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    assert "Stadtteiltisch · Protokoll vom 10.11.2022" in header
    assert "TT.MM" not in header
    footer = section.footer._element
    instructions = [e.text.strip() for e in footer.iter(qn("w:instrText")) if e.text]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert " ".join(p.text for p in section.footer.paragraphs).startswith("Seite 1 von 1")
    header_instructions = [
        e.text.strip() for e in section.header._element.iter(qn("w:instrText")) if e.text
    ]
    assert header_instructions == ["SUBJECT"]


def test_document_properties_page_and_language(written: Path) -> None:
    document = open_docx(written)
    core = document.core_properties
    assert core.title == "Protokoll Stadtteiltisch 10.11.22"
    assert core.subject == "Stadtteiltisch · Protokoll vom 10.11.2022"
    assert core.created is not None and core.created.date() == dt.date(2022, 11, 10)
    assert core.language == "de-DE"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    styles_xml = part_xml(written, "word/styles.xml")
    defaults = styles_xml[
        styles_xml.index("<w:docDefaults>") : styles_xml.index("</w:docDefaults>")
    ]
    assert 'w:lang w:val="de-DE"' in defaults
    assert "<w:autoHyphenation/>" in part_xml(written, "word/settings.xml")


def test_template_sample_content_is_gone(written: Path) -> None:
    template_text = " ".join(p.text for p in open_docx(TEMPLATE).paragraphs)
    assert "Tagesordnungspunkt" in template_text
    document_xml = part_xml(written, "word/document.xml")
    for sample in ("Tagesordnungspunkt", "TT.MM", "Vorname Name", "Unter-Unterpunkt"):
        assert sample not in document_xml


def test_typography_survives_in_the_document_xml(written: Path) -> None:
    document_xml = part_xml(written, "word/document.xml")
    for fragment in (
        "„COME IN“",
        "Planung – Jugend",
        "→ wer möchte",
        "Klient*innen",
        "Expert*innen",
        "geht’s weiter",
    ):
        assert fragment in document_xml
    assert "geht's" not in document_xml


def test_equal_protocols_give_equal_bytes(reference: Protocol, written: Path) -> None:
    assert write_docx(reference) == written.read_bytes()


def test_control_characters_are_refused_in_german(reference: Protocol) -> None:
    broken = replace(reference, next_meeting=NextMeeting("noch\x0boffen"))
    with pytest.raises(ProtokollkitError, match="Steuerzeichen U\\+000B"):
        write_docx(broken)


def test_protocol_without_date_has_no_made_up_dates() -> None:
    protocol = Protocol("Protokoll AG Wohnen", "AG Wohnen", None)
    document = open_docx(write_docx(protocol))
    assert document.core_properties.created is None
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "AG Wohnen · Protokoll" in header and "TT.MM" not in header


def test_unreadable_template_is_a_clear_error(reference: Protocol, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"kein zip")
    with pytest.raises(ProtokollkitError, match=r"Word-Vorlage .* kein lesbares"):
        write_docx(reference, template=broken)


# --- the template ---------------------------------------------------------------------------


def template_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_docx_template", ROOT / "vorlagen" / "make_docx_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_template_script_is_reproducible_and_makes_the_needed_styles() -> None:
    script = template_script()
    data = script.build()
    assert data == script.build()
    document = open_docx(data)
    names = {s.name for s in document.styles}
    assert {"Title", "Heading 1", "Sprecher", "List Bullet", "List Bullet 2"} <= names
    assert "SUBJECT" in part_xml(data, "word/header1.xml")
    assert "PAGE" in part_xml(data, "word/footer1.xml")


def test_shipped_template_has_what_the_writer_relies_on() -> None:
    document = open_docx(TEMPLATE)
    names = {s.name for s in document.styles}
    assert {"Title", "Heading 1", "Sprecher", "List Bullet", "Normal"} <= names
    list_style = document.styles["List Bullet"]
    numbering = num_pr(list_style.element)
    assert numbering is not None and numbering[1] == 0
    assert numbering_levels(document, numbering[0])[2] == "bullet"


# --- restyled templates ---------------------------------------------------------------------


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A small grey PNG, made here so that the test needs no file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def restyled_template(path: Path) -> Path:
    """A copy of the template as a user might change it: fonts, colours, a logo in the header."""
    document = open_docx(TEMPLATE)
    title = document.styles["Title"]
    speaker = document.styles["Sprecher"]
    assert isinstance(title, ParagraphStyle) and isinstance(speaker, ParagraphStyle)
    title.font.name, title.font.size = "Liberation Serif", Pt(26)
    speaker.font.name, speaker.font.italic = "Liberation Sans", True
    speaker.font.color.rgb = RGBColor(0xAA, 0x00, 0x00)
    header = document.sections[0].header
    logo = header.paragraphs[0].insert_paragraph_before()
    logo.add_run().add_picture(io.BytesIO(tiny_png()), width=docx.shared.Mm(20))
    document.save(str(path))
    return path


def test_writer_keeps_the_restyled_fonts_and_logo(reference: Protocol, tmp_path: Path) -> None:
    template = restyled_template(tmp_path / "eigene-vorlage.docx")
    data = write_docx(reference, template=template)
    document = open_docx(data)
    title = document.styles["Title"]
    speaker = document.styles["Sprecher"]
    assert isinstance(title, ParagraphStyle) and isinstance(speaker, ParagraphStyle)
    assert (title.font.name, title.font.size) == ("Liberation Serif", Pt(26))
    assert speaker.font.italic is True
    header = document.sections[0].header
    assert header._element.xpath(".//a:blip")
    assert any(part.partname.endswith(".png") for part in document.part.package.iter_parts())
    assert "Stadtteiltisch · Protokoll vom 10.11.2022" in " ".join(
        p.text for p in header.paragraphs
    )
    points = [p for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert len(points) == 34 and all(num_pr(p._p) is not None for p in points)


def test_writer_adds_what_a_bare_template_lacks(reference: Protocol, tmp_path: Path) -> None:
    bare = tmp_path / "leer.docx"
    docx.Document().save(str(bare))  # python-docx's own template: no Sprecher, no fields
    document = open_docx(write_docx(reference, template=bare))
    assert sum(1 for p in document.paragraphs if p.style and p.style.name == "Sprecher") == 12
    section = document.sections[0]
    assert "Protokoll vom 10.11.2022" in " ".join(p.text for p in section.header.paragraphs)
    footer_fields = [e.text.strip() for e in section.footer._element.iter(qn("w:instrText"))]
    assert "PAGE" in footer_fields
    point = next(p for p in document.paragraphs if p.style and p.style.name == "List Bullet")
    numbering = num_pr(point._p)
    assert numbering is not None
    assert numbering_levels(document, numbering[0])[1] == "bullet"


def test_writer_adds_page_numbers_when_the_user_deleted_them(
    reference: Protocol, tmp_path: Path
) -> None:
    document = open_docx(TEMPLATE)
    for paragraph in document.sections[0].footer.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    template = tmp_path / "ohne-seitenzahlen.docx"
    document.save(str(template))
    written = open_docx(write_docx(reference, template=template))
    footer = written.sections[0].footer._element
    assert [e.text.strip() for e in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_writer_works_on_a_template_saved_by_libreoffice(
    reference: Protocol, tmp_path: Path
) -> None:
    assert SOFFICE is not None
    source = tmp_path / "vorlage.docx"
    shutil.copy(TEMPLATE, source)
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo-out"),
         str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    template = tmp_path / "lo-out" / "vorlage.docx"
    data = write_docx(reference, template=template)
    document = open_docx(data)
    heading_texts = [
        p.text for p in document.paragraphs if p.style and p.style.name.lower() == "heading 1"
    ]
    assert "1 Aktuelles aus den Einrichtungen" in heading_texts
    written = tmp_path / "aus-libreoffice-vorlage.docx"
    written.write_bytes(data)
    ast = json.loads(pypandoc.convert_file(str(written), "json", format="docx"))
    assert [t for _d, t in bullet_items(ast["blocks"])] == [p.text for p in reference.all_points()]
    if HAS_PANDOC_READER:
        assert protokollkit.read(written) == typographic(reference)


# --- round trip through the DOCX reader (issue 4) -------------------------------------------


@needs_pandoc_reader
def test_reference_round_trip_through_docx(reference: Protocol, written: Path) -> None:
    again = protokollkit.read(written)
    assert again == typographic(reference)  # ’ is what the document shows
    assert again.diagnostics == ()


@needs_pandoc_reader
def test_nested_points_round_trip_through_docx(reference: Protocol, tmp_path: Path) -> None:
    protocol = nested_protocol(reference)
    path = tmp_path / "nested.docx"
    path.write_bytes(write_docx(protocol))
    assert protokollkit.read(path) == typographic(protocol)


@needs_pandoc_reader
@given(protocols())
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_docx_round_trip(protocol: Protocol) -> None:
    protocol = classic(protocol)
    data = write_docx(protocol)
    again = protokollkit.read(data, "docx")
    assert again == typographic(protocol)


def test_every_kind_of_block_is_written() -> None:
    protocol = Protocol(
        "Protokoll AG Wohnen 1.2.2023",
        "AG Wohnen",
        dt.date(2023, 2, 1),
        participants=(Person("Kathrin Krug", "SBZ"),),
        items=(
            AgendaItem(
                1,
                "Wohnen",
                Person("Kathrin Krug", "SBZ"),
                (Block(None, (Point("a"),)), Block(None, (), "Eine Notiz.")),
            ),
        ),
        next_meeting=NextMeeting("1.3.2023", dt.date(2023, 3, 1)),
        front=("Vorne frei.",),
        back=("Hinten frei.",),
    )
    document = open_docx(write_docx(protocol))
    assert [(p.style.name if p.style else "", p.text) for p in document.paragraphs] == [
        ("Title", "Protokoll AG Wohnen 1.2.2023"),
        ("Normal", "Teilnehmende: Kathrin Krug (SBZ)"),
        ("Normal", "Vorne frei."),
        ("Heading 1", "1 Wohnen"),
        ("Vortragende", "Kathrin Krug (SBZ)"),
        ("List Bullet", "a"),
        ("Normal", "Eine Notiz."),
        ("Nächster Termin", "Nächster Termin: 1.3.2023"),
        ("Normal", "Hinten frei."),
    ]


# --- issue 14: what a reader sees -------------------------------------------------------------


def styled(document: Document) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


def test_presenter_is_a_paragraph_of_its_own_under_the_heading(written: Path) -> None:
    document = open_docx(written)
    pairs = styled(document)
    index = pairs.index(("Heading 1", "4 RoDeFa – wie geht’s weiter?"))
    assert pairs[index + 1] == ("Vortragende", "Ilona Eckhardt (IBS / RoDeFa)")
    assert not any("Eckhardt" in text for style, text in pairs if style.startswith("Heading"))
    presenter = document.styles["Vortragende"]
    assert isinstance(presenter, ParagraphStyle)
    assert presenter.font.italic is True and presenter.paragraph_format.keep_with_next is True


def test_speaker_name_is_bold_by_a_character_style_and_the_affiliation_is_not(
    written: Path,
) -> None:
    document = open_docx(written)
    speaker_style = document.styles["Sprecher"]
    assert isinstance(speaker_style, ParagraphStyle) and not speaker_style.font.bold
    name_style = document.styles["Sprechername"]
    assert name_style.type == 2 and name_style.font.bold is True  # WD_STYLE_TYPE.CHARACTER
    speaker = next(p for p in document.paragraphs if p.text == "Kathrin Krug, SBZ")
    runs = [(run.text, run.style.name if run.style else None) for run in speaker.runs]
    assert runs == [("Kathrin Krug", "Sprechername"), (", SBZ", "Default Paragraph Font")]
    assert all(run.bold is None for run in speaker.runs)


def test_next_meeting_has_space_above_it(written: Path) -> None:
    document = open_docx(written)
    style = document.styles["Nächster Termin"]
    assert isinstance(style, ParagraphStyle)
    space = style.paragraph_format.space_before
    assert space is not None and space.pt >= 12
    last_point = [p for p in document.paragraphs if p.style and p.style.name == "List Bullet"][-1]
    assert (last_point.paragraph_format.space_after or Pt(0)).pt < space.pt


def test_template_comment_does_not_leak_into_the_document(written: Path) -> None:
    template = open_docx(TEMPLATE).core_properties
    assert template.comments.startswith("Vorlage für protokollkit")
    core = open_docx(written).core_properties
    assert core.comments == ""
    assert core.author == "Stadtteiltisch"
    assert "Vorlage" not in part_xml(written, "docProps/core.xml")


@pytest.fixture(scope="module")
def rich_document() -> Document:
    return open_docx(write_docx(rich_protocol()))


def test_rich_protocol_metadata_attendance_and_agenda_come_first(rich_document: Document) -> None:
    pairs = styled(rich_document)
    assert pairs[:15] == [
        ("Title", "Protokoll der Mitgliederversammlung"),
        ("Angaben", "Datum: Donnerstag, 14. März 2024"),
        ("Angaben", "Ort: Gemeindehaus „Am Markt“"),
        ("Angaben", "Beginn: 19:05 Uhr"),
        ("Angaben", "Ende: 21:10 Uhr"),
        ("Angaben", "Sitzungsleitung: Lea Sommer"),
        ("Angaben", "Protokoll: Bernd Ott"),
        ("Angaben", "Beschlussfähigkeit: gegeben"),
        ("Normal", "Teilnehmende: Lea Sommer, Bernd Ott (Kasse), Mia Hahn"),
        ("Normal", "Entschuldigt: Jonas Krüger"),
        ("Normal", "Gäste: Ute Brandt (Ortsbeirat)"),
        ("Angaben", "Tagesordnung"),
        ("List Number", "Begrüßung"),
        ("List Number", "Finanzen"),
        ("List Number", "Verschiedenes"),
    ]
    agenda = [p for p in rich_document.paragraphs[12:15]]
    numbering = [num_pr(p._p) for p in agenda]
    assert numbering[0] is not None and len(set(numbering)) == 1
    assert numbering_levels(rich_document, numbering[0][0])[0] == "decimal"
    labels = [p.runs[0] for p in rich_document.paragraphs[1:11]]
    assert all(run.bold for run in labels)


def test_rich_protocol_items_sub_items_paragraphs_and_numbered_points(
    rich_document: Document,
) -> None:
    pairs = styled(rich_document)
    assert ("Heading 2", "2.1 Förderanträge") in pairs
    assert ("Normal", "Lea begrüßt alle; die Einladung ging fristgerecht raus.") in pairs
    numbered = [p for p in rich_document.paragraphs if p.style and "Number" in p.style.name][3:]
    assert [(p.style.name if p.style else "", p.text) for p in numbered] == [
        ("List Number", "Haushalt 2024 vorgelegt"),
        ("List Number", "Kassenprüfung ohne Beanstandung"),
        ("List Number 2", "Belege vollständig"),
    ]
    first, second, nested = (num_pr(p._p) for p in numbered)
    assert first is not None and second == first and nested is not None
    assert numbering_levels(rich_document, first[0])[0] == "decimal"
    assert nested[1] == 1 and numbering_levels(rich_document, nested[0])[1] == "lowerLetter"
    speaker = next(p for p in rich_document.paragraphs if p.text.startswith("Jonas Krüger:"))
    assert speaker.runs[0].text == "Jonas Krüger"
    assert speaker.runs[0].style is not None and speaker.runs[0].style.name == "Sprechername"


def test_rich_protocol_decisions_are_set_off_with_their_counts(rich_document: Document) -> None:
    decisions = [p for p in rich_document.paragraphs if p.style and p.style.name == "Beschluss"]
    assert [p.text for p in decisions] == [
        "Beschluss: Der Haushalt 2024 wird angenommen.\nJa 6 · Nein 1 · Enthaltung 0 – angenommen",
        "Antrag auf neue Flyer\neinstimmig angenommen",
    ]
    assert decisions[0].runs[-1].bold and decisions[0].runs[-1].text.startswith("Ja 6")
    style = decisions[0].style
    assert style is not None
    ppr = style.element.find(qn("w:pPr"))
    assert ppr.find(qn("w:shd")) is not None and ppr.find(qn("w:pBdr")) is not None


def test_rich_protocol_tasks_are_marked_and_links_are_hyperlinks(rich_document: Document) -> None:
    task = next(p for p in rich_document.paragraphs if p.text.startswith("Aufgabe: Flyer"))
    assert task.text == (
        "Aufgabe: Flyer bestellen, Vorlage in der Satzung (Lea Sommer, Bernd Ott, bis 15.05.2024)"
    )
    assert task.runs[0].text == "Aufgabe:" and task.runs[0].bold
    links = rich_document.element.body.findall(f".//{qn('w:hyperlink')}")
    targets = [rich_document.part.rels[link.get(qn("r:id"))].target_ref for link in links]
    assert targets == ["https://example.org/satzung", "https://example.org/foerderung"]
    labels = ["".join(t.text for t in link.iter(qn("w:t"))) for link in links]
    assert labels == ["Satzung", "https://example.org/foerderung"]
    assert all(rich_document.part.rels[link.get(qn("r:id"))].is_external for link in links)


def test_names_are_never_hyphenated(written: Path) -> None:
    document = open_docx(written)
    participants = document.paragraphs[1]
    assert participants._p.find(f"{qn('w:pPr')}/{qn('w:suppressAutoHyphens')}") is not None
    for name in ("Sprecher", "Vortragende"):
        style = document.styles[name]
        assert style.element.find(f"{qn('w:pPr')}/{qn('w:suppressAutoHyphens')}") is not None
