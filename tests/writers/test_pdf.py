"""The PDF writer: Typst escaping, the text inside the PDF, page layout and the template."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.writers.pdf import write_pdf
from protokollkit.writers.present import Text, inline_parts, shown_title
from protokollkit.writers.typst import escape, write_typst
from tests.conftest import ROOT, SEED
from tests.strategies import protocols
from tests.writers.conftest import rich_protocol

TEMPLATE = ROOT / "vorlagen" / "protokoll.typ"


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without whitespace and hyphens, so that line breaks and hyphenation do not matter."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-\u00ad")


def visible(text: str) -> str:
    """What a reader sees of a text: link labels instead of ``[label](target)``, typographic ’."""
    return "".join(
        part.text if isinstance(part, Text) else part.label for part in inline_parts(text)
    )


def expected_texts(protocol: Protocol) -> list[str]:
    """Every piece of text the protocol holds: title, people, item titles, points, notes."""
    return [visible(text) for text in _texts(protocol)]


def _texts(protocol: Protocol) -> list[str]:
    texts = [protocol.title, protocol.meeting]
    for person in protocol.participants:
        texts.append(person.name)
        texts.extend([person.affiliation] if person.affiliation else [])
    for item in protocol.all_items():
        texts.append(shown_title(item))  # (without a dash that led to the presenter)
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
    for piece in ["→", "„COME IN“", "„Achtsamerer Staat“", "RoDeFa – wie geht’s weiter?",
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
        "4 RoDeFa – wie geht’s weiter?",
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


@pytest.mark.parametrize(
    ("line", "position", "german"),
    [
        ("#let kaputt = (", ":3:15", "eine geöffnete Klammer wird nicht geschlossen"),
        ("#unbekannt", ":3:2", "unbekannter Name „unbekannt“"),
        ('#image("fehlt.png", alt: "Logo")', ":3:8", "die Datei /"),
        ('#set page(paper: "xx")', ":3:18", 'unbekannter Wert (erlaubt: "a0", "a1"'),
        ('#set text(size: "x")', ":3:17", "falscher Wert: erwartet length, gefunden string"),
    ],
)
def test_a_mistake_in_the_template_is_named_with_its_line_in_german(
    reference: Protocol,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    position: str,
    german: str,
) -> None:
    template = tmp_path / "protokoll.typ"
    template.write_text("// eigene Vorlage\n" + TEMPLATE.read_text("utf-8") + "\n", "utf-8")
    lines = template.read_text("utf-8").split("\n")
    lines.insert(2, line)
    template.write_text("\n".join(lines), "utf-8")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    with pytest.raises(ProtokollkitError) as caught:
        write_pdf(reference)
    message = str(caught.value)
    assert f"Fehler in der Vorlage {template}{position}: {german}" in message, message
    for english in ("unclosed", "unknown variable", "file not found", "expected", "found"):
        assert english not in message, message


# --- issue 14: what a reader sees -------------------------------------------------------------


class MarkedText:
    """The text of each marked-content sequence (by page and MCID) as pypdf extracts it."""

    def __init__(self, reader: pypdf.PdfReader) -> None:
        self.texts: dict[tuple[int, int], list[str]] = {}
        self.page = 0
        self.stack: list[int | None] = [None]
        for self.page, page in enumerate(reader.pages):
            self.stack = [None]
            page.extract_text(visitor_text=self.visit, visitor_operand_before=self.before)

    def visit(self, text: str, *_args: Any) -> None:
        mcid = self.stack[-1]
        if mcid is not None:
            self.texts.setdefault((self.page, mcid), []).append(text)

    def before(self, operator: bytes, operands: list[Any], *_args: Any) -> None:
        if operator == b"BDC":
            props = operands[1] if len(operands) > 1 else None
            mcid = props.get("/MCID") if isinstance(props, dict) else None
            self.stack.append(int(mcid) if mcid is not None else self.stack[-1])
        elif operator == b"BMC":
            self.stack.append(self.stack[-1])
        elif operator == b"EMC" and len(self.stack) > 1:
            self.stack.pop()


def struct_elements(data: bytes) -> list[tuple[str, str]]:
    """(structure type, text) of every element of the PDF's structure tree, in reading order.

    The text is what the element's marked content shows (as pypdf extracts it per MCID).
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    marked = MarkedText(reader)
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}  # type: ignore[union-attr]
    result: list[tuple[str, str]] = []

    def kids_of(node: Any) -> list[Any]:
        kids = node.get("/K")
        return kids if isinstance(kids, list) else [kids] if kids is not None else []

    def page_of(node: Any, page: int | None) -> int | None:
        return pages.get(node.raw_get("/Pg").idnum, page) if "/Pg" in node else page

    def own_text(node: Any, page: int | None) -> str:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, int):
            return "".join(marked.texts.get((page, node), [])) if page is not None else ""
        if not isinstance(node, dict):
            return ""
        page = page_of(node, page)
        if node.get("/Type") == "/MCR":
            return own_text(node["/MCID"], page)
        return "".join(own_text(kid, page) for kid in kids_of(node))

    def walk(node: Any, page: int | None) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, dict):
            return
        page = page_of(node, page)
        if "/S" in node:
            result.append((str(node["/S"]), " ".join(own_text(node, page).split())))
        for kid in kids_of(node):
            walk(kid, page)

    root: Any = reader.trailer["/Root"]
    walk(root["/StructTreeRoot"], None)
    return result


def test_the_date_is_said_once_in_the_body(reference_pdf: bytes) -> None:
    first = pdf_pages(reference_pdf)[0]
    header, *body = first.splitlines()
    assert header == "Protokoll Stadtteiltisch vom 10.11.2022"  # the header may keep it
    body_text = "\n".join(body)
    assert "Sitzung vom" not in body_text
    assert body_text.count("10.11.22") == 1  # the title
    assert "10.11.2022" not in body_text


def test_pdf_is_pdf_a_2a_and_pdf_ua_1_with_title_author_language(reference_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(reference_pdf))
    root: Any = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "<rdf:li>Stadtteiltisch</rdf:li>" in xmp  # dc:creator, the round table
    assert reader.metadata is not None
    assert reader.metadata.author == "Stadtteiltisch"
    assert reader.metadata.title == "Protokoll Stadtteiltisch 10.11.22"
    assert root["/Lang"] == "de-DE"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (BooleanObject)
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/OutputIntents" in root  # PDF/A: the colour space is declared


def test_title_participants_and_speakers_are_tagged_title_and_paragraphs(
    reference_pdf: bytes,
) -> None:
    elements = struct_elements(reference_pdf)
    kinds = [kind for kind, _text in elements]
    assert "/Span" not in kinds  # nothing generic left
    assert elements[1] == ("/Title", "Protokoll Stadtteiltisch 10.11.22")
    paragraphs = [text for kind, text in elements if kind == "/P"]
    assert paragraphs[0].startswith("Teilnehmende: Robin Czarnecki, Jörg Utpatel")
    assert "Kathrin Krug, SBZ" in paragraphs
    assert "Sebastian Eberhard, FAW gGmbH, Beratungsstelle „COME IN“" in paragraphs
    assert [text for kind, text in elements if kind == "/H1"][3] == "4 RoDeFa – wie geht’s weiter?"
    assert "Ilona Eckhardt (IBS / RoDeFa)" in paragraphs  # the presenter: its own paragraph
    assert kinds.count("/LI") == 34


def test_copied_text_has_no_soft_hyphens_and_names_are_never_split(reference_pdf: bytes) -> None:
    text = "\n".join(pdf_pages(reference_pdf))
    assert "\u00ad" not in text
    words = text.split()
    for word in ("Steuerung", "Sebastian", "Sozialraumorientierung", "Strukturwandel"):
        assert word in words or any(w.startswith(word) for w in words), word


def test_points_are_ragged_right_and_not_hyphenated() -> None:
    template = TEMPLATE.read_text("utf-8")
    assert "justify: true" not in template
    assert "hyphenate: true" not in template


def text_positions(data: bytes, page: int = 0) -> dict[str, float]:
    """The x position where each extracted text run starts on a page."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    positions: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], *_args: object) -> None:
        if text.strip():
            positions.setdefault(text.strip(), float(tm[4]))

    reader.pages[page].extract_text(visitor_text=visit)
    return positions


def test_presenter_line_starts_where_the_heading_text_starts() -> None:
    protocol = protokollkit.read(
        "Protokoll Stadtteiltisch 10.11.22\n\nTeilnehmende: Ilona Eckhardt\n\n"
        "4 RoDeFa – wie geht's weiter? Ilona Eckhardt (IBS / RoDeFa)\n\n- Gespräche laufen\n"
    )
    assert protocol.items[0].presenter is not None
    positions = text_positions(write_pdf(protocol))
    title = next(x for text, x in positions.items() if text.startswith("RoDeFa"))
    presenter = next(x for text, x in positions.items() if text.startswith("Ilona Eckhardt ("))
    assert abs(title - presenter) < 0.5  # points; the issue saw about 6 (2 mm)


@pytest.fixture(scope="module")
def rich_pdf() -> bytes:
    return write_pdf(rich_protocol())


def test_rich_protocol_shows_metadata_attendance_and_agenda(rich_pdf: bytes) -> None:
    text = " ".join(" ".join(pdf_pages(rich_pdf)).split())
    for piece in ["Datum: Donnerstag, 14. März 2024", "Ort: Gemeindehaus „Am Markt“",
                  "Beginn: 19:05 Uhr", "Ende: 21:10 Uhr", "Sitzungsleitung: Lea Sommer",
                  "Protokoll: Bernd Ott", "Beschlussfähigkeit: gegeben",
                  "Teilnehmende: Lea Sommer, Bernd Ott (Kasse), Mia Hahn",
                  "Entschuldigt: Jonas Krüger", "Gäste: Ute Brandt (Ortsbeirat)",
                  "Tagesordnung 1. Begrüßung 2. Finanzen 3. Verschiedenes"]:  # fmt: skip
        assert piece in text
    order = [text.index(s) for s in ("Mitgliederversammlung", "Datum:", "Teilnehmende:",
                                     "Entschuldigt:", "Tagesordnung", "1 Begrüßung")]  # fmt: skip
    assert order == sorted(order)


def test_rich_protocol_shows_sub_items_paragraphs_numbers_and_speakers(rich_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rich_pdf))
    outline: list[Any] = list(reader.outline)
    assert [str(e.title) for e in outline if isinstance(e, pypdf.generic.Destination)] == [
        "1\u00a0Begrüßung",
        "2\u00a0Finanzen – wie geht’s weiter?",
        "3\u00a0Verschiedenes",
    ]
    assert [" ".join(str(e.title).split()) for e in outline[2]] == ["2.1 Förderanträge"]
    elements = struct_elements(rich_pdf)
    assert ("/H2", "2.1 Förderanträge") in elements
    paragraphs = [text for kind, text in elements if kind == "/P"]
    assert "Lea begrüßt alle; die Einladung ging fristgerecht raus." in paragraphs
    labels = [text for kind, text in elements if kind == "/Lbl"]
    assert labels == [
        *("Datum", "Ort", "Beginn", "Ende", "Sitzungsleitung", "Protokoll", "Beschlussfähigkeit"),
        *("1.", "2.", "3."),  # the planned agenda
        *("•", "1.", "2.", "a)", "•"),  # item 2: speaker's point, numbered points as written
        *("•", "•"),  # 2.1 and 3
    ]
    text = " ".join(" ".join(pdf_pages(rich_pdf)).split())
    assert "Jonas Krüger: Könnten wir die Klient*innen fragen?" in text
    strong = [text for kind, text in elements if kind == "/Strong"]
    assert "Jonas Krüger" in strong and "Mia Hahn" in strong


def test_rich_protocol_sets_decisions_off_with_their_counts(rich_pdf: bytes) -> None:
    text = " ".join(" ".join(pdf_pages(rich_pdf)).split())
    assert (
        "Beschluss: Der Haushalt 2024 wird angenommen. Ja 6 · Nein 1 · Enthaltung 0 – angenommen"
        in text
    )
    assert "Beschluss: Beschluss:" not in text  # the text's own label is not repeated
    assert "Antrag auf neue Flyer einstimmig angenommen" in text
    source = write_typst(rich_protocol())
    assert source.count("#beschluss(") == 2


def test_rich_protocol_marks_tasks_and_makes_real_links(rich_pdf: bytes) -> None:
    text = " ".join(" ".join(pdf_pages(rich_pdf)).split())
    assert (
        "Aufgabe: Flyer bestellen, Vorlage in der Satzung (Lea Sommer, Bernd Ott, bis 15.05.2024)"
        in text
    )
    assert "Aufgabe: Sommerfest „Groß Klein“ am 6.7." in text
    assert "[Satzung]" not in text and "(https://example.org/satzung)" not in text
    reader = pypdf.PdfReader(io.BytesIO(rich_pdf))
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert uris == ["https://example.org/satzung", "https://example.org/foerderung"]
    assert [kind for kind, _text in struct_elements(rich_pdf)].count("/Link") == 2


@pytest.mark.parametrize(("title", "meeting", "expected"), [
    ("", "Stadtteiltisch", "Protokoll Stadtteiltisch"),
    ("", "", "Protokoll"),
    ("Sitzung", "", "Sitzung"),
])  # fmt: skip
def test_protocol_without_title_or_date_is_still_an_archivable_pdf(
    reference: Protocol, title: str, meeting: str, expected: str
) -> None:
    protocol = replace(reference, title=title, meeting=meeting, date=None)
    reader = pypdf.PdfReader(io.BytesIO(write_pdf(protocol)))
    assert reader.metadata is not None and reader.metadata.title == expected
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")  # type: ignore[index]
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<xmp:CreateDate>2000-01-01" in xmp


PDFINFO = shutil.which("pdfinfo")


@pytest.mark.skipif(PDFINFO is None, reason="poppler-utils (pdfinfo) not installed")
def test_pdfinfo_sees_a_tagged_pdf_a_2a_with_title_and_author(
    reference_pdf: bytes, tmp_path: Path
) -> None:
    assert PDFINFO is not None
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(reference_pdf)
    info = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    assert fields["Title"] == "Protokoll Stadtteiltisch 10.11.22"
    assert fields["Author"] == "Stadtteiltisch"
    assert fields["Tagged"] == "yes"
    if "PDF subtype" in fields:  # poppler 23 and later name the standard
        assert fields["PDF subtype"] == "PDF/A-2a"
    assert fields["Page size"].startswith("595.") and "(A4)" in fields["Page size"]
