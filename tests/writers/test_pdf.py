"""The PDF writer: Typst escaping, the text inside the PDF, page layout and the template."""

from __future__ import annotations

import io
import shutil
import unicodedata
from pathlib import Path

import pypdf
import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.writers.pdf import write_pdf
from protokollkit.writers.typst import escape, write_typst
from tests.conftest import ROOT, SEED
from tests.strategies import protocols

TEMPLATE = ROOT / "vorlagen" / "protokoll.typ"


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without whitespace and hyphens, so that line breaks and hyphenation do not matter."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-\u00ad")


def expected_texts(protocol: Protocol) -> list[str]:
    """Every piece of text the protocol holds: title, people, item titles, points, notes."""
    texts = [protocol.title, protocol.meeting]
    for person in protocol.participants:
        texts.append(person.name)
        texts.extend([person.affiliation] if person.affiliation else [])
    for item in protocol.items:
        texts.append(item.title)
        if item.presenter:
            texts.append(item.presenter.name)
        for block in item.blocks:
            if block.speaker:
                texts.append(block.speaker.name)
                texts.extend([block.speaker.affiliation] if block.speaker.affiliation else [])
            texts.extend([block.note] if block.note else [])
    texts.extend(point.text for point in protocol.all_points())
    if protocol.next_meeting:
        texts.append(protocol.next_meeting.text)
    return texts


@pytest.fixture(scope="module")
def reference() -> Protocol:
    return protokollkit.read(SEED)


@pytest.fixture(scope="module")
def reference_pdf(reference: Protocol) -> bytes:
    data = protokollkit.write(reference, "pdf")
    assert isinstance(data, bytes)
    return data


def test_every_point_of_the_reference_is_in_the_pdf_text(
    reference: Protocol, reference_pdf: bytes
) -> None:
    text = squeeze("\n".join(pdf_pages(reference_pdf)))
    missing = [t for t in expected_texts(reference) if squeeze(t) not in text]
    assert missing == []
    assert len(reference.all_points()) == 34


def test_typography_survives_in_the_pdf(reference_pdf: bytes) -> None:
    text = " ".join(" ".join(pdf_pages(reference_pdf)).split())
    for piece in ["→", "„COME IN“", "„Achtsamerer Staat“", "RoDeFa – wie geht's weiter?",
                  "Klient*innen", "Mieter*innen", "Expert*innen", "Groß Klein", "Öffnungszeiten",
                  "18.11. Weihnachtsverkauf", "2020 Projektbeginn", "14.30-17 Uhr"]:  # fmt: skip
        assert piece in text


def test_gender_asterisks_are_escaped_not_bold(reference: Protocol) -> None:
    source = write_typst(reference)
    assert "Klient\\*innen mitarbeiten" in source
    assert "*innen" not in source.replace("\\*innen", "")


def test_pdf_is_a4_with_header_and_page_numbers(reference_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(reference_pdf))
    pages = pdf_pages(reference_pdf)
    assert len(pages) >= 2
    for number, (page, text) in enumerate(zip(reader.pages, pages, strict=True), start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert text.startswith("Protokoll Stadtteiltisch vom 10.11.2022")
        assert f"Seite {number} von {len(pages)}" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Protokoll Stadtteiltisch 10.11.22"


def test_items_are_pdf_bookmarks(reference_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(reference_pdf))
    titles = [
        " ".join(str(entry.title).split())
        for entry in reader.outline
        if isinstance(entry, pypdf.generic.Destination)
    ]
    assert titles == [
        "1 Aktuelles aus den Einrichtungen",
        "2 Sozialraumorientierung in Rostock weiterdenken",
        "3 Europäisches Jugendtreffen Taizé",
        "4 RoDeFa – wie geht's weiter?",
    ]


def test_same_protocol_gives_the_same_pdf_bytes(reference: Protocol, reference_pdf: bytes) -> None:
    assert write_pdf(reference) == reference_pdf


SPECIAL = ["„", "“", "–", "→", "http://", "//", "/*", "...", "-?", "--", "18.", "= "]
MARKUP_TEXT = (
    st.lists(
        st.sampled_from([*"aäbß 019.,:;!?()/\\*_`#$@<>[]{}~'\"-+=&%^|", *SPECIAL]),
        min_size=1,
        max_size=30,
    )
    .map("".join)
    .filter(lambda s: any(not ch.isspace() for ch in s))
)


@settings(max_examples=20, deadline=None)
@given(st.lists(MARKUP_TEXT, min_size=1, max_size=20))
def test_escaped_text_renders_exactly_as_written(texts: list[str]) -> None:
    # One paragraph per text on a page as wide as it needs: no line breaks, no hyphenation.
    paragraphs = "\n\n".join(escape(text) for text in texts)
    source = '#set page(width: auto, height: auto, margin: 4pt)\n#set text(lang: "de")\n\n'
    pages = pdf_pages(typst.compile((source + paragraphs).encode("utf-8")))
    lines = [" ".join(line.split()) for line in pages[0].splitlines()]
    assert lines == [" ".join(text.split()) for text in texts]


@settings(max_examples=15, deadline=None)
@given(protocols())
def test_every_point_of_a_generated_protocol_is_in_the_pdf(protocol: Protocol) -> None:
    text = squeeze("\n".join(pdf_pages(write_pdf(protocol))))
    assert [t for t in expected_texts(protocol) if squeeze(t) not in text] == []


def test_restyled_template_keeps_working(
    reference: Protocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = TEMPLATE.read_text("utf-8")
    restyled = restyled.replace('("Libertinus Serif", "DejaVu Sans")', '("DejaVu Sans",)')
    restyled = restyled.replace('rgb("#1f4e79")', 'rgb("#8b0000")')
    (tmp_path / "protokoll.typ").write_text(restyled, "utf-8")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    data = write_pdf(reference)
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert any("DejaVuSans" in name for name in fonts)
    assert not any("Libertinus" in name for name in fonts)
    assert squeeze("Öffnungszeiten richten sich danach") in squeeze("".join(pdf_pages(data)))


def test_broken_template_gives_a_german_error(
    reference: Protocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(TEMPLATE, tmp_path / "protokoll.typ")
    with (tmp_path / "protokoll.typ").open("a", encoding="utf-8") as handle:
        handle.write("#let kaputt = (\n")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    with pytest.raises(ProtokollkitError, match="PDF konnte nicht erzeugt werden"):
        write_pdf(reference)
