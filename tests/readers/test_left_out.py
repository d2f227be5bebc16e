"""What a Word document holds outside its shown body – hidden text, comments, headers and
footers – is not the protocol's text, but each is named in a note (``hinweis``): nothing of the
input goes unsaid. A header that only numbers pages or repeats the body's words is not."""

from __future__ import annotations

import io
import zipfile

from protokollkit.readers.docx import read_docx
from protokollkit.readers.odt import read_odt
from protokollkit.readers.office import Row
from protokollkit.readers.xml import Package, wordml
from tests.readers import zip_of
from tests.readers.test_direct_branches import ODF_NAMESPACES, W_NAMESPACES, docx, odt

BODY = (
    "<w:p><w:r><w:t>Protokoll Stadtteiltisch 12.01.2023</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>1 Aktuelles</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>- Weihnachtsmarkt war gut besucht</w:t></w:r>"
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space='preserve'> (intern: </w:t></w:r>"
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Kasse prüfen)</w:t></w:r></w:p>"
)


def with_parts(body: str, **extra: str) -> bytes:
    """``docx(body)`` with further parts (name → the part's XML text)."""
    base = zipfile.ZipFile(io.BytesIO(docx(body)))
    parts = {name: base.read(name) for name in base.namelist()}
    parts.update({name: text.encode() for name, text in extra.items()})
    return zip_of(parts)


def part(tag: str, children: str) -> str:
    return f"<w:{tag} {W_NAMESPACES}>{children}</w:{tag}>"


def notes(data: bytes) -> list[tuple[str, str]]:
    protocol = read_docx(data, "protokoll.docx")
    return [(d.level, d.message) for d in protocol.diagnostics if d.level == "info"]


def test_hidden_text_is_named_once_per_paragraph_and_not_read() -> None:
    protocol = read_docx(docx(BODY), "protokoll.docx")
    assert protocol.items[0].blocks[0].points[0].text == "Weihnachtsmarkt war gut besucht"
    assert notes(docx(BODY)) == [
        (
            "info",
            "Verborgener Text nicht übernommen (das Dokument zeigt ihn nicht): "
            "„(intern: Kasse prüfen)“",
        )
    ]


def test_comments_headers_and_footers_are_named_with_author() -> None:
    data = with_parts(
        BODY.replace("<w:rPr><w:vanish/></w:rPr>", ""),
        **{
            "word/comments.xml": part(
                "comments",
                "<w:comment w:id='0' w:author='Marén Wiese'><w:p><w:r><w:t>Betrag offen"
                "</w:t></w:r></w:p><w:p><w:r><w:t>bitte nachfragen</w:t></w:r></w:p></w:comment>"
                "<w:comment w:id='1'><w:p><w:r><w:t>ohne Namen</w:t></w:r></w:p></w:comment>"
                "<w:comment w:id='2' w:author='Leer'><w:p/></w:comment>",
            ),
            "word/header1.xml": part(
                "hdr", "<w:p><w:r><w:t>Caritas Rostock – intern</w:t></w:r></w:p>"
            ),
            "word/header2.xml": part(
                "hdr", "<w:p><w:r><w:t>Caritas Rostock – intern</w:t></w:r></w:p>"
            ),
            "word/footer1.xml": part(
                "ftr",
                "<w:p><w:r><w:t>Gedruckt am </w:t></w:r><w:del><w:r><w:delText>x</w:delText>"
                "</w:r></w:del><w:r><w:t>Montag</w:t></w:r></w:p>",
            ),
        },
    )
    assert notes(data) == [
        ("info", "Kommentar nicht übernommen: „Marén Wiese: Betrag offen bitte nachfragen“"),
        ("info", "Kommentar nicht übernommen: „ohne Namen“"),
        ("info", "Kopfzeile nicht übernommen: „Caritas Rostock – intern“"),
        ("info", "Fußzeile nicht übernommen: „Gedruckt am Montag“"),
    ]


def test_page_numbers_and_a_header_repeating_the_body_are_not_named() -> None:
    data = with_parts(
        BODY.replace("<w:rPr><w:vanish/></w:rPr>", ""),
        **{
            "word/header1.xml": part(
                "hdr", "<w:p><w:r><w:t>Stadtteiltisch · Protokoll vom 12.01.2023</w:t></w:r></w:p>"
            ),
            "word/footer1.xml": part("ftr", "<w:p><w:r><w:t>Seite 1 von 3</w:t></w:r></w:p>"),
            "word/footer2.xml": part("ftr", "<w:p><w:r><w:t>2/3</w:t></w:r></w:p>"),
        },
    )
    assert notes(data) == []


def test_a_damaged_header_is_named_and_the_document_still_read() -> None:
    data = with_parts(BODY, **{"word/header1.xml": "<w:hdr"})
    protocol = read_docx(data, "protokoll.docx")
    assert protocol.title == "Protokoll Stadtteiltisch 12.01.2023"
    assert (
        "info",
        "Kopfzeile nicht übernommen: „(Teil „word/header1.xml“ nicht lesbar)“",
    ) in notes(data)


ODT_BODY = (
    "<text:p>Protokoll Stadtteiltisch 12.01.2023</text:p>"
    "<text:h text:outline-level='1'>Aktuelles</text:h>"
    "<text:p>Weihnachtsmarkt war gut besucht<text:span text:style-name='H'> (intern: Kasse"
    " prüfen)</text:span><office:annotation><dc:creator>Marén Wiese</dc:creator>"
    "<dc:date>2023-01-13T10:00:00</dc:date><text:p>Betrag offen</text:p></office:annotation>"
    "</text:p>"
    "<text:p text:style-name='HP'>Ganzer Absatz verborgen</text:p>"
)
ODT_STYLES = (
    f"<office:document-styles {ODF_NAMESPACES}><office:master-styles>"
    "<style:master-page style:name='Standard'>"
    "<style:header><text:p>Caritas Rostock – intern</text:p></style:header>"
    "<style:header-left><text:p>Stadtteiltisch Protokoll</text:p></style:header-left>"
    "<style:footer><text:p>Seite <text:page-number>1</text:page-number></text:p></style:footer>"
    "</style:master-page></office:master-styles></office:document-styles>"
)


def test_odt_hidden_text_comments_and_headers_are_named_the_same_way() -> None:
    base = zipfile.ZipFile(io.BytesIO(odt(ODT_BODY, automatic=HIDDEN_STYLES)))
    parts = {name: base.read(name) for name in base.namelist()}
    parts["styles.xml"] = ODT_STYLES.encode()
    protocol = read_odt(zip_of(parts), "protokoll.odt")
    assert protocol.items[0].blocks[0].points[0].text == "Weihnachtsmarkt war gut besucht"
    assert [(d.level, d.message) for d in protocol.diagnostics if d.level == "info"] == [
        (
            "info",
            "Verborgener Text nicht übernommen (das Dokument zeigt ihn nicht): "
            "„(intern: Kasse prüfen)“",
        ),
        (
            "info",
            "Verborgener Text nicht übernommen (das Dokument zeigt ihn nicht): "
            "„Ganzer Absatz verborgen“",
        ),
        ("info", "Kommentar nicht übernommen: „Marén Wiese: Betrag offen“"),
        ("info", "Kopfzeile nicht übernommen: „Caritas Rostock – intern“"),
    ]


HIDDEN_STYLES = (
    "<style:style style:name='H' style:family='text'>"
    "<style:text-properties text:display='none'/></style:style>"
    "<style:style style:name='HP' style:family='paragraph'>"
    "<style:text-properties text:display='none'/></style:style>"
)


def test_a_table_cell_whose_last_paragraph_mark_is_deleted_keeps_its_text() -> None:
    cell = (
        "<w:tc><w:p><w:r><w:t>Kathrin Krug</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:rPr><w:del w:id='1' w:author='A'/></w:rPr></w:pPr>"
        "<w:r><w:t>SBZ</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>intern</w:t></w:r></w:p></w:tc>"
    )
    body = (
        "<w:p><w:r><w:t>Protokoll Stadtteiltisch 12.01.2023</w:t></w:r></w:p>"
        f"<w:tbl><w:tr>{cell}<w:tc><w:p><w:r><w:t>anwesend</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    document = wordml.read_package(Package(docx(body), "t.docx"))
    # as if the two paragraphs were one cell's two paragraphs
    kept = wordml.read_package(
        Package(docx(body.replace("<w:del w:id='1' w:author='A'/>", "")), "t.docx")
    )
    rows = [b.cells for b in document.blocks if isinstance(b, Row)]
    assert rows == [b.cells for b in kept.blocks if isinstance(b, Row)]
    assert [" ".join(cell.split()) for cell in rows[0]] == ["Kathrin Krug SBZ", "anwesend"]
    assert document.left_out == [("hidden", "intern")]
