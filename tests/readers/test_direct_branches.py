"""The direct .docx/.odt readers branch by branch, on small hand-written Word and ODF XML.

Written against mutmut's survivors (``python benchmarks/mutation.py office``): each test builds
the few elements one branch of :mod:`protokollkit.readers.xml.wordml`,
:mod:`protokollkit.readers.xml.odf` or :mod:`protokollkit.readers.office` reads, and asserts
what the reader makes of them – the lines (text, paragraph number, hints) it gives the layout
rules, or the protocol :func:`read_docx`/:func:`read_odt` return.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from protokollkit.diagnostics import ParseError
from protokollkit.layout import Hints
from protokollkit.readers.docx import read_docx
from protokollkit.readers.odt import read_odt
from protokollkit.readers.office import Block, Paragraph, Row, Run, document_lines
from protokollkit.readers.xml import Package, odf, wordml
from tests.readers import zip_of

# --- Word ----------------------------------------------------------------------------------------

W_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def docx(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    rels: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    core: str | None = None,
) -> bytes:
    """A .docx of ``body`` (the children of ``w:body``) and the other parts' children."""
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": (
            f"<w:document {W_NAMESPACES}><w:body>{body}</w:body></w:document>".encode()
        ),
    }
    wrapped = {
        "word/styles.xml": ("w:styles", styles),
        "word/numbering.xml": ("w:numbering", numbering),
        "word/footnotes.xml": ("w:footnotes", footnotes),
        "word/endnotes.xml": ("w:endnotes", endnotes),
    }
    for name, (tag, children) in wrapped.items():
        if children is not None:
            parts[name] = f"<{tag} {W_NAMESPACES}>{children}</{tag}>".encode()
    if rels is not None:
        parts["word/_rels/document.xml.rels"] = (
            f"<Relationships {RELS_NS}>{rels}</Relationships>".encode()
        )
    if core is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"{core}</cp:coreProperties>"
        ).encode()
    return zip_of(parts)


def word(body: str, **parts: str) -> wordml.WordDocument:
    return wordml.read_package(Package(docx(body, **parts), "t.docx"))


def lines_of(blocks: list[Block]) -> list[tuple[str, int, Hints]]:
    """The non-empty lines the reader gives the layout: text, paragraph number, hints."""
    return [(x.text, x.number, x.hints) for x in document_lines(blocks) if x.text]


def word_lines(body: str, **parts: str) -> list[tuple[str, int, Hints]]:
    return lines_of(word(body, **parts).blocks)


def word_texts(body: str, **parts: str) -> list[str]:
    return [text for text, _number, _hints in word_lines(body, **parts)]


def p(*runs: str, ppr: str = "") -> str:
    """A Word paragraph of the given inline XML (``r(…)`` runs and the like)."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def r(text: str = "", rpr: str = "", extra: str = "") -> str:
    """A Word run of ``text`` (spaces kept) with run properties ``rpr`` and more content."""
    t = f'<w:t xml:space="preserve">{text}</w:t>' if text else ""
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{t}{extra}</w:r>"


def style(style_id: str, kind: str = "paragraph", name: str | None = None, inner: str = "") -> str:
    named = f'<w:name w:val="{name}"/>' if name is not None else ""
    return f'<w:style w:type="{kind}" w:styleId="{style_id}">{named}{inner}</w:style>'


def pstyle(style_id: str) -> str:
    return f'<w:pStyle w:val="{style_id}"/>'


# --- ODF -----------------------------------------------------------------------------------------

ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt(
    text: str, *, automatic: str = "", styles: str | None = None, meta: str | None = None
) -> bytes:
    """An .odt of ``text`` (the children of ``office:text``), automatic styles in content.xml,
    ``styles`` (the children of ``office:styles``) in styles.xml, ``meta`` in meta.xml."""
    parts = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": (
            f"<office:document-content {ODF_NAMESPACES}>"
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{text}</office:text></office:body>"
            "</office:document-content>"
        ).encode(),
    }
    if styles is not None:
        parts["styles.xml"] = (
            f"<office:document-styles {ODF_NAMESPACES}><office:styles>{styles}</office:styles>"
            "</office:document-styles>"
        ).encode()
    if meta is not None:
        parts["meta.xml"] = (
            f"<office:document-meta {ODF_NAMESPACES}><office:meta>{meta}</office:meta>"
            "</office:document-meta>"
        ).encode()
    return zip_of(parts)


def opendoc(text: str, **parts: str) -> odf.OdfDocument:
    return odf.read_package(Package(odt(text, **parts), "t.odt"))


def odt_lines(text: str, **parts: str) -> list[tuple[str, int, Hints]]:
    return lines_of(opendoc(text, **parts).blocks)


def odt_texts(text: str, **parts: str) -> list[str]:
    return [line for line, _number, _hints in odt_lines(text, **parts)]


def text_style(name: str, props: str, family: str = "text", extra: str = "") -> str:
    return (
        f'<style:style style:name="{name}" style:family="{family}"{extra}>'
        f"<style:text-properties {props}/></style:style>"
    )


BOLD = Hints(bold=True)
PLAIN = Hints()


def runs(blocks: list[Block]) -> list[Any]:
    """Each paragraph's runs as (text, bold, underline); a table row as its cells."""
    return [
        [(x.text, x.bold, x.underline) for x in b.runs] if isinstance(b, Paragraph) else b.cells
        for b in blocks
    ]


# --- Word: runs ------------------------------------------------------------------------------


def test_word_run_formatting_toggles_and_underline_values() -> None:
    body = p(
        r("fett ", "<w:b/>"),
        r("an ", '<w:b w:val="1"/>'),
        r("aus ", '<w:b w:val="0"/>'),
        r("False ", '<w:b w:val="FALSE"/>'),
        r("off ", '<w:b w:val="off"/>'),
        r("unter ", "<w:u/>"),
        r("doppelt ", '<w:u w:val="double"/>'),
        r("keine ", '<w:u w:val="none"/>'),
        r("None", '<w:u w:val="NONE"/>'),
    )
    assert runs(word(body).blocks) == [
        [
            ("fett ", True, False),
            ("an ", True, False),
            ("aus ", False, False),
            ("False ", False, False),
            ("off ", False, False),
            ("unter ", False, True),
            ("doppelt ", False, True),
            ("keine ", False, False),
            ("None", False, False),
        ]
    ]


def test_word_character_styles_give_formatting_through_their_based_on_chain() -> None:
    styles = (
        '<w:style w:type="character"><w:rPr><w:b/></w:rPr></w:style>'  # no id: ignored
        + style("Basis", "character", inner='<w:rPr><w:b/><w:u w:val="single"/></w:rPr>')
        + style(
            "Mitte",
            "character",
            inner='<w:basedOn w:val="Basis"/><w:rPr><w:u w:val="none"/></w:rPr>',
        )
        + style("Oben", "character", inner='<w:basedOn w:val="Mitte"/>')
        + style("Versteckt", "character", inner="<w:rPr><w:vanish/></w:rPr>")
        + style(
            "Sichtbar",
            "character",
            inner='<w:basedOn w:val="Versteckt"/><w:rPr><w:vanish w:val="0"/></w:rPr>',
        )
        + style("Kreis1", "character", inner='<w:basedOn w:val="Kreis2"/><w:rPr><w:b/></w:rPr>')
        + style("Kreis2", "character", inner='<w:basedOn w:val="Kreis1"/><w:rPr><w:u/></w:rPr>')
        + style("Absatz", "paragraph", inner="<w:rPr><w:b/></w:rPr>")
    )
    body = p(
        r("a ", '<w:rStyle w:val="Oben"/>'),
        r("b ", '<w:rStyle w:val="Oben"/><w:b w:val="0"/>'),
        r("c ", '<w:rStyle w:val="Mitte"/><w:u/>'),
        r("GEHEIM ", '<w:rStyle w:val="Versteckt"/>'),
        r("d ", '<w:rStyle w:val="Sichtbar"/>'),
        r("e ", '<w:rStyle w:val="Versteckt"/><w:vanish w:val="false"/>'),
        r("f ", '<w:rStyle w:val="Kreis1"/>'),
        r("g ", '<w:rStyle w:val="Absatz"/>'),
        r("h", '<w:rStyle w:val="Unbekannt"/>'),
        r("a ", '<w:rStyle w:val="Oben"/>'),
    )
    assert runs(word(body, styles=styles).blocks) == [
        [
            ("a ", True, False),
            ("b ", False, False),
            ("c ", True, True),
            ("d ", False, False),
            ("e ", False, False),
            ("f ", True, True),
            ("g ", False, False),  # a paragraph style is no character style
            ("h", False, False),
            ("a ", True, False),  # cached: the same answer again
        ]
    ]


def test_word_run_content_tabs_breaks_hyphens_and_symbols() -> None:
    body = p(
        r("A", extra="<w:tab/>"),
        r("B", extra="<w:ptab/>"),
        r("C", extra="<w:noBreakHyphen/>"),
        r("D", extra="<w:softHyphen/>"),
        r("E", extra='<w:sym w:font="Symbol" w:char="F0B7"/>'),
        r("", extra='<w:sym w:char="00e4"/>'),
        r("", extra='<w:sym w:char="1F600"/>'),
        r("", extra='<w:sym w:char="0020"/>'),
        r("", extra='<w:sym w:char="10FFFF"/>'),
        r("", extra='<w:sym w:char="001F"/>'),  # a control code
        r("", extra='<w:sym w:char="D800"/>'),  # half a surrogate pair
        r("", extra='<w:sym w:char="DFFF"/>'),
        r("", extra='<w:sym w:char="110000"/>'),  # beyond Unicode
        r("", extra='<w:sym w:char="1000000"/>'),  # seven digits
        r("", extra='<w:sym w:char="zz"/>'),
        r("", extra='<w:sym w:char=""/>'),
        r("", extra="<w:sym/>"),
        r("F", extra="<w:br/>"),
        r("G", extra="<w:cr/>"),
        r("H"),
    )
    (block,) = word(body).blocks
    assert isinstance(block, Paragraph)
    text = "".join("|" if x.text == "\n" else x.text for x in block.runs)
    assert text == "A B C\u2011D\u00adE\uf0b7ä\U0001f600 \U0010ffffF|G|H"


def test_word_symbol_keeps_the_run_formatting() -> None:
    body = p(
        r("x", "<w:b/><w:u/>", '<w:sym w:char="2013"/><w:tab/><w:noBreakHyphen/><w:softHyphen/>')
    )
    assert runs(word(body).blocks) == [
        [
            ("x", True, True),
            ("\u2013", True, True),
            (" ", True, True),
            ("\u2011", True, True),
            ("\u00ad", True, True),
        ]
    ]


def test_word_hidden_text_is_left_out_with_its_tabs_and_breaks() -> None:
    body = p(
        r("Sichtbar"),
        r("GEHEIM", "<w:vanish/>", "<w:tab/><w:br/><w:noBreakHyphen/>"),
        r(" auch", '<w:vanish w:val="0"/>'),
    )
    assert word_texts(body) == ["Sichtbar auch"]


def test_word_line_breaks_split_a_paragraph_into_lines_of_one_number() -> None:
    body = p(r("Eins", extra="<w:br/>"), r("Zwei")) + p(r("Drei"))
    assert word_lines(body) == [("Eins", 1, PLAIN), ("Zwei", 1, PLAIN), ("Drei", 2, PLAIN)]


def test_word_a_paragraph_of_a_bold_or_underlined_break_counts_a_plain_one_does_not() -> None:
    for rpr, counted in (("<w:b/>", True), ("<w:u/>", True), ("", False)):
        body = p(r("Eins")) + p(r("", rpr, "<w:br/>")) + p(r("Drei"))
        numbers = [number for _text, number, _hints in word_lines(body)]
        assert numbers == ([1, 3] if counted else [1, 2]), rpr
    # the flag belongs to one paragraph: the next one starts without it
    body = p(r("Eins", "<w:b/>", "<w:br/>")) + p(r("", "", "<w:br/>")) + p(r("Drei"))
    assert [n for _t, n, _h in word_lines(body)] == [1, 2]


# --- Word: fields, links, containers ---------------------------------------------------------


def fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def test_word_complex_field_shows_its_result_not_its_instruction() -> None:
    body = p(
        r("Stand vom "),
        fld("begin"),
        instr(" DATE \\@ "),
        instr('"dd.MM.yyyy" '),
        fld("separate"),
        r("09.03.2023"),
        fld("end"),
        r(", fertig"),
    )
    assert word_texts(body) == ["Stand vom 09.03.2023, fertig"]


def test_word_hyperlink_field_becomes_a_link_with_its_target() -> None:
    body = (
        p(
            r("Infos: "),
            fld("begin"),
            instr('HYPERLINK "https://sbz.example.org/"'),
            fld("separate"),
            r("SBZ-Seite", "<w:b/>"),
            fld("end"),
        )
        + p(
            fld("begin"),
            instr("HYPERLINK https://x.example/a \\l "),
            instr('"teil"'),
            fld("separate"),
            r("Teil"),
            fld("end"),
        )
        + p(
            fld("begin"),
            instr('HYPERLINK \\l "oben"'),
            fld("separate"),
            r("nach oben"),
            fld("end"),
        )
        + p(
            fld("begin"),
            instr('HYPERLINK "https://y.example/"'),
            fld("end"),  # no result: nothing shown
            r("Ende"),
        )
    )
    (first, *rest) = word(body).blocks
    assert isinstance(first, Paragraph)
    assert [(x.text, x.bold) for x in first.runs] == [
        ("Infos: ", False),
        ("[", True),
        ("SBZ-Seite", True),
        ("](https://sbz.example.org/)", True),
    ]
    assert [t for t, _n, _h in lines_of(rest)] == [
        "[Teil](https://x.example/a#teil)",
        "nach oben",
        "Ende",
    ]


def test_word_nested_fields_and_a_field_left_open_by_a_broken_paragraph() -> None:
    body = (
        p(
            fld("begin"),
            instr('HYPERLINK "https://a.example/"'),
            fld("separate"),
            r("Seite "),
            fld("begin"),
            instr(" PAGE "),
            fld("separate"),
            r("3"),
            fld("end"),
            fld("end"),
        )
        + p(
            r("Kaputt "),
            fld("begin"),
            instr(" DATE "),  # the instruction never ends in this paragraph
        )
        + p(r("Weiter"))
    )
    assert word_texts(body) == ["[Seite 3](https://a.example/)", "Kaputt", "Weiter"]


def test_word_field_result_spanning_paragraphs_keeps_its_text() -> None:
    body = p(
        r("Vor "),
        fld("begin"),
        instr("TOC"),
        fld("separate"),
        r("Eintrag eins"),
    ) + p(r("Eintrag zwei"), fld("end"), r(" danach"))
    assert word_texts(body) == ["Vor Eintrag eins", "Eintrag zwei danach"]


def test_word_field_chars_without_a_begin_are_ignored() -> None:
    body = p(fld("separate"), r("A"), fld("end"), instr("NICHTS"), r("B"), fld("unbekannt"))
    assert word_texts(body) == ["AB"]


def test_word_simple_fields() -> None:
    body = (
        p(
            r("Mehr: "),
            "<w:fldSimple w:instr=' HYPERLINK \"https://o.example/\" '>"
            + r("Ortsbeirat")
            + "</w:fldSimple>",
        )
        + p(
            r("Seite "),
            '<w:fldSimple w:instr=" PAGE ">' + r("7") + "</w:fldSimple>",
        )
        + p('<w:fldSimple w:instr="">' + r("leer") + "</w:fldSimple>")
    )
    assert word_texts(body) == [
        "Mehr: [Ortsbeirat](https://o.example/)",
        "Seite 7",
        "leer",
    ]


def test_word_hyperlinks_by_relationship_anchor_or_neither() -> None:
    rels = (
        f'<Relationship Id="rId7" Type="{HYPERLINK_TYPE}" Target="https://x.example/satzung"'
        ' TargetMode="External"/>'
        f'<Relationship Id="rId8" Type="{HYPERLINK_TYPE}" Target="mailto:info@x.example"/>'
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="media/bild.png"/>'
    )
    body = (
        p('<w:hyperlink r:id="rId7">' + r("Satzung", "<w:u/>") + "</w:hyperlink>")
        + p('<w:hyperlink r:id="rId8">' + r("info@x.example") + "</w:hyperlink>")
        + p('<w:hyperlink w:anchor="oben">' + r("nach oben") + "</w:hyperlink>")
        + p('<w:hyperlink r:id="rId9" w:anchor="unten">' + r("Bild") + "</w:hyperlink>")
        + p('<w:hyperlink r:id="rId9">' + r("kein Ziel") + "</w:hyperlink>")
        + p('<w:hyperlink r:id="rId7">' + r(" ") + "</w:hyperlink>")
    )
    document = word(body, rels=rels)
    assert [t for t, _n, _h in lines_of(document.blocks)] == [
        "[Satzung](https://x.example/satzung)",
        "mailto:info@x.example",
        "nach oben",
        "Bild",
        "kein Ziel",
        "https://x.example/satzung",
    ]
    assert runs(document.blocks)[0] == [
        ("[", False, True),
        ("Satzung", False, True),
        ("](https://x.example/satzung)", False, True),
    ]


def test_word_inline_containers_insertions_deletions_and_content_controls() -> None:
    body = p(
        r("A"),
        "<w:ins>" + r("B") + "</w:ins>",
        "<w:del>" + r("X") + "</w:del>",
        "<w:moveFrom>" + r("Y") + "</w:moveFrom>",
        "<w:moveTo>" + r("C") + "</w:moveTo>",
        "<w:smartTag>" + r("D") + "</w:smartTag>",
        "<w:customXml>" + r("E") + "</w:customXml>",
        "<w:dir>" + r("F") + "</w:dir>",
        "<w:bdo>" + r("G") + "</w:bdo>",
        "<w:sdt><w:sdtPr/><w:sdtContent>" + r("H") + "</w:sdtContent></w:sdt>",
        "<w:sdt><w:sdtPr/></w:sdt>",
        "<mc:AlternateContent><mc:Choice>"
        + r("I")
        + "</mc:Choice><mc:Fallback>"
        + r("Z")
        + "</mc:Fallback></mc:AlternateContent>",
        "<mc:AlternateContent><mc:Fallback>" + r("J") + "</mc:Fallback></mc:AlternateContent>",
        "<w:proofErr/>",
        r("K"),
    )
    assert word_texts(body) == ["ABCDEFGHIJK"]


def test_word_block_containers() -> None:
    body = (
        p(r("Eins"))
        + "<w:sdt><w:sdtPr/><w:sdtContent>" + p(r("Zwei")) + "</w:sdtContent></w:sdt>"
        + "<w:sdt><w:sdtPr/></w:sdt>"
        + "<w:ins>" + p(r("Drei")) + "</w:ins>"
        + "<w:customXml>" + p(r("Vier")) + "</w:customXml>"
        + "<w:del>" + p(r("Weg")) + "</w:del>"
        + "<w:moveFrom>" + p(r("Weg")) + "</w:moveFrom>"
        + "<mc:AlternateContent><mc:Choice>" + p(r("Fünf")) + "</mc:Choice>"
        + "<mc:Fallback>" + p(r("Weg")) + "</mc:Fallback></mc:AlternateContent>"
        + "<mc:AlternateContent>" + p(r("Sechs")) + "</mc:AlternateContent>"
        + "<w:sectPr/>"
    )  # fmt: skip
    assert word_lines(body) == [
        ("Eins", 1, PLAIN),
        ("Zwei", 2, PLAIN),
        ("Drei", 3, PLAIN),
        ("Vier", 4, PLAIN),
        ("Fünf", 5, PLAIN),
        ("Sechs", 6, PLAIN),
    ]


# --- Word: notes, text boxes, pictures ------------------------------------------------------------


def test_word_footnotes_and_endnotes_follow_their_paragraph() -> None:
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1">' + p(r("TRENNER")) + "</w:footnote>"
        '<w:footnote w:id="1">' + p(r("Fußnote eins")) + "</w:footnote>"
        '<w:footnote w:type="normal" w:id="2">' + p(r("Fußnote zwei")) + "</w:footnote>"
    )
    endnotes = '<w:endnote w:id="1">' + p(r("Endnote eins")) + "</w:endnote>"
    body = p(
        r("Text"),
        r("", extra='<w:footnoteReference w:id="2"/>'),
        r("", extra='<w:endnoteReference w:id="1"/>'),
        r("", extra='<w:footnoteReference w:id="1"/>'),
        r("", extra='<w:footnoteReference w:id="-1"/>'),
        r("", extra='<w:footnoteReference w:id="99"/>'),
        r(" weiter"),
    ) + p(r("Danach"))
    assert word_lines(body, footnotes=footnotes, endnotes=endnotes) == [
        ("Text weiter", 1, PLAIN),
        ("Fußnote zwei", 2, PLAIN),
        ("Endnote eins", 3, PLAIN),
        ("Fußnote eins", 4, PLAIN),
        ("Danach", 5, PLAIN),
    ]


def textbox(*paragraphs: str) -> str:
    return (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


PICTURE = (
    "<w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill>"
    '<a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing>"
)


def test_word_text_boxes_follow_their_paragraph_a_nested_box_once() -> None:
    inner = textbox(p(r("Innen")))
    body = p(
        r("Aushang:"),
        r("", extra=textbox(p(r("Im Kasten")), p(r("Zeile zwei", extra=inner)))),
    ) + p(r("Danach"))
    document = word(body)
    assert [t for t, _n, _h in lines_of(document.blocks)] == [
        "Aushang:",
        "Im Kasten",
        "Zeile zwei",
        "Innen",
        "Danach",
    ]
    assert document.images == 0  # a text box is no picture


def test_word_pictures_are_counted_and_warned_about() -> None:
    vml = '<w:pict><v:shape><v:imagedata r:id="rId6"/></v:shape></w:pict>'
    ole = '<w:object><v:shape><v:imagedata r:id="rId6"/></v:shape></w:object>'
    choice = f"<mc:AlternateContent><mc:Choice>{PICTURE}</mc:Choice></mc:AlternateContent>"
    shape = "<w:pict><v:rect/></w:pict>"  # a drawn shape: no picture
    body = p(r("Protokoll AG Wohnen 1.2.2023")) + p(
        r("Plakat", extra=PICTURE + vml + ole + choice + shape)
    )
    document = word(body)
    assert document.images == 4
    assert word_texts(body) == ["Protokoll AG Wohnen 1.2.2023", "Plakat"]
    protocol = read_docx(docx(body), "bild.docx")
    assert [(d.level, d.message, d.source) for d in protocol.diagnostics] == [
        ("warning", "4 Bild(er) im Dokument nicht übernommen (nur Text).", "bild.docx")
    ]
    assert read_docx(docx(p(r("Protokoll AG Wohnen 1.2.2023"))), "x").diagnostics == ()


def test_word_pictures_in_table_cells_are_counted() -> None:
    body = f"<w:tbl><w:tr><w:tc>{p(r('A', extra=PICTURE))}</w:tc></w:tr></w:tbl>"
    assert word(body).images == 1


def test_word_hyperlink_field_to_a_bookmark_is_its_label() -> None:
    """Word writes a link inside the document as ``HYPERLINK \\l "anchor"`` (no target): pandoc
    reads it as a link to ``#anchor``, i.e. its label. The reader took ``\\l`` for the target
    and gave ``[nach oben](\\l)``; a ``HYPERLINK`` without any target is its label too."""
    body = (
        p(fld("begin"), instr('HYPERLINK \\l "oben"'), fld("separate"), r("nach oben"), fld("end"))
        + p("<w:fldSimple w:instr='HYPERLINK \\l \"a\"'>" + r("Anker") + "</w:fldSimple>")
        + p(fld("begin"), instr("HYPERLINK"), fld("separate"), r("ohne Ziel"), fld("end"))
        + p(fld("begin"), instr('HYPERLINKS "u"'), fld("separate"), r("kein Link"), fld("end"))
    )
    assert word_texts(body) == ["nach oben", "Anker", "ohne Ziel", "kein Link"]


# --- Word: paragraphs, styles, headings, lists ----------------------------------------------------

PARAGRAPH_STYLES = (
    style("Normal", name="Normal")
    + style("Heading1", name="heading 1")
    + style("berschrift2", name="Überschrift 2")
    + style("Kapitel", name="Kapitel", inner='<w:basedOn w:val="Heading1"/>')
    + style("Sprecher", name="Sprecher")
    + style("Strong", name=" STRONG ")
    + style("MeinTitel", name="Title")
    + style("Titel")  # no name: the id is the name
    + style("Vortragende", name="Vortragende")
    + style("Presenter", name="presenter")
    + style("ListBullet2", name="List Bullet 2")
    + style("Liste3", name="Liste 3")
    + style("Aufz", name="Aufzählungszeichen2")
)


def test_word_paragraph_styles_give_headings_bold_title_and_presenter() -> None:
    body = (
        p(r("Einleitung"))
        + p(r("Eins"), ppr=pstyle("Heading1"))
        + p(r("Zwei"), ppr=pstyle("berschrift2"))
        + p(r("Kapitel"), ppr=pstyle("Kapitel"))
        + p(r("Kathrin Krug:"), ppr=pstyle("Sprecher"))
        + p(r("Stark"), ppr=pstyle("Strong"))
        + p(r("Unbekannt"), ppr=pstyle("Fehlt"))
    )
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [
        ("Einleitung", 1, PLAIN),
        ("Eins", 2, Hints(heading=1)),
        ("Zwei", 3, Hints(heading=2)),
        ("Kapitel", 4, Hints(heading=1)),
        ("Kathrin Krug:", 5, BOLD),
        ("Stark", 6, BOLD),
        ("Unbekannt", 7, PLAIN),
    ]


def test_word_title_style_is_a_title_hint_but_not_on_a_heading() -> None:
    styles = PARAGRAPH_STYLES + style(
        "TitelUeberschrift", name="Titel", inner='<w:basedOn w:val="Heading1"/>'
    )
    body = (
        p(r("Vorweg"))
        + p(r("Protokoll AG Wohnen"), ppr=pstyle("MeinTitel"))
        + p(r("Protokoll vom 1.2.2023"), ppr=pstyle("Titel"))
        + p(r("Protokoll Kopf"), ppr=pstyle("TitelUeberschrift"))
    )
    blocks = word(body, styles=styles).blocks
    assert [(b.title_style, b.heading) for b in blocks if isinstance(b, Paragraph)] == [
        (False, None),
        (True, None),
        (True, None),
        (True, 1),
    ]
    assert [h.title for _t, _n, h in lines_of(blocks)] == [False, True, True, False]


def test_word_presenter_paragraph_joins_the_heading_above() -> None:
    body = (
        p(r("Haushalt"), ppr=pstyle("Heading1"))
        + p(r("  Kathrin   Krug "), ppr=pstyle("Vortragende"))
        + p(r("Text"))
        + p(r("Dirk Malner"), ppr=pstyle("Presenter"))
        + p(r("Verschiedenes"), ppr=pstyle("Heading1"))
        + p(r("", extra="<w:br/>"), ppr=pstyle("Presenter"))
    )
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [
        ("Haushalt Kathrin Krug", 1, Hints(heading=1)),
        ("Text", 3, PLAIN),
        ("Dirk Malner", 4, PLAIN),  # no heading above: a paragraph of its own
        ("Verschiedenes", 5, Hints(heading=1)),
    ]


def test_word_meta_paragraphs_at_the_start_are_one_line_each() -> None:
    styles = (
        PARAGRAPH_STYLES
        + style("Untertitel", name="Subtitle")
        + style("Autor")
        + (style("Datum", name="Date"))
    )
    body = (
        p(r("Protokoll", "<w:b/>"), r("", extra="<w:br/>"), r("AG Wohnen"), ppr=pstyle("MeinTitel"))
        + p(r("Sitzung im März"), ppr=pstyle("Untertitel"))
        + p(r("Kathrin Krug"), ppr=pstyle("Autor"))
        + p(r("am 1.2.2023, abends"), ppr=pstyle("Datum"))
        + p(r("Erster Absatz"))
        + p(r("Später"), ppr=pstyle("Untertitel"))
        + p(r("3.4.2024"), ppr=pstyle("Datum"))
    )
    document = word(body, styles=styles)
    assert [b.meta for b in document.blocks if isinstance(b, Paragraph)] == [
        "title",
        "subtitle",
        "author",
        "date",
        None,
        None,
        None,
    ]
    assert document.date_texts == ["am 1.2.2023, abends"]
    assert lines_of(document.blocks) == [
        ("Protokoll AG Wohnen", 1, Hints(title=True)),
        ("Sitzung im März", 2, PLAIN),
        ("Kathrin Krug", 3, PLAIN),
        ("am 1.2.2023, abends", 4, PLAIN),
        ("Erster Absatz", 5, PLAIN),
        ("Später", 6, PLAIN),
        ("3.4.2024", 7, PLAIN),
    ]
    # each meta paragraph is one line after a blank line of its own
    lines = document_lines(document.blocks)
    assert [(x.text, x.number) for x in lines[:4]] == [
        ("", 1),
        ("Protokoll AG Wohnen", 1),
        ("", 2),
        ("Sitzung im März", 2),
    ]


def test_word_meta_ends_at_a_heading_or_list_item_even_an_empty_one() -> None:
    for opener in (
        p(ppr=pstyle("Heading1")),
        p(ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
        p(r("Text")),
    ):
        body = (
            p(r("Titel eins"), ppr=pstyle("MeinTitel"))
            + opener
            + (p(r("Titel zwei"), ppr=pstyle("MeinTitel")))
        )
        blocks = word(body, styles=PARAGRAPH_STYLES, numbering=NUMBERING).blocks
        metas = [b.meta for b in blocks if isinstance(b, Paragraph) and b.runs]
        assert metas[0] == "title" and metas[-1] is None, opener
    # an empty plain paragraph does not end it
    body = (
        p(r("Titel eins"), ppr=pstyle("MeinTitel"))
        + p()
        + (p(r("Protokoll zwei"), ppr=pstyle("MeinTitel")))
    )
    blocks = word(body, styles=PARAGRAPH_STYLES).blocks
    assert [b.meta for b in blocks if isinstance(b, Paragraph)] == ["title", "title"]


def test_word_meta_is_not_read_in_tables_notes_or_text_boxes() -> None:
    footnotes = '<w:footnote w:id="1">' + p(r("Notiz"), ppr=pstyle("MeinTitel")) + "</w:footnote>"
    body = (
        p(r("A", extra='<w:footnoteReference w:id="1"/>'), ppr=pstyle("MeinTitel"))
        + f"<w:tbl><w:tr><w:tc>{p(r('Zelle'), ppr=pstyle('MeinTitel'))}</w:tc></w:tr></w:tbl>"
        + p(r("Danach"), ppr=pstyle("MeinTitel"))
    )
    blocks = word(body, styles=PARAGRAPH_STYLES, footnotes=footnotes).blocks
    assert [b.meta if isinstance(b, Paragraph) else b.cells for b in blocks] == [
        "title",
        None,  # the footnote's paragraph
        ("Zelle",),
        None,  # a table ends the metadata
    ]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="(%3)"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
    '<w:lvl w:ilvl="4"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Teil"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
)


def numpr(num_id: str, ilvl: int | None = None) -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'


def test_word_numbered_paragraphs_show_their_labels_and_levels() -> None:
    body = (
        p(r("erstens"), ppr=numpr("1", 0))
        + p(r("a-Punkt", "<w:b/>"), ppr=numpr("1", 1))
        + p(r("b-Punkt"), ppr=numpr("1", 1))
        + p(r("römisch"), ppr=numpr("1", 2))
        + p(r("Punkt"), ppr=numpr("1", 3))
        + p(r("ohne Nummer"), ppr=numpr("1", 4))
        + p(r("zweitens"), ppr=numpr("1", 0))
        + p(r("Aufzählung"), ppr=numpr("2", 0))
        + p(r("sieben"), ppr=numpr("3", 0))
        + p(r("kein Listenpunkt"), ppr=numpr("0", 0))
        + p(r("unbekannte Liste"), ppr=numpr("9", 0))
    )
    assert word_lines(body, numbering=NUMBERING) == [
        ("1. erstens", 1, Hints(list_level=0)),
        ("a) a-Punkt", 2, Hints(bold=True, list_level=1)),
        ("b) b-Punkt", 3, Hints(list_level=1)),
        ("(i) römisch", 4, Hints(list_level=2)),
        ("Punkt", 5, Hints(list_level=3)),
        ("ohne Nummer", 6, Hints(list_level=4)),
        ("2. zweitens", 7, Hints(list_level=0)),
        ("Aufzählung", 8, Hints(list_level=0)),
        ("7. sieben", 9, Hints(list_level=0)),
        ("kein Listenpunkt", 10, PLAIN),
        ("unbekannte Liste", 11, PLAIN),
    ]


def test_word_list_style_names_give_a_deeper_level_than_the_numbering() -> None:
    body = (
        p(r("zwei"), ppr=pstyle("ListBullet2") + numpr("2", 0))
        + p(r("drei"), ppr=pstyle("Liste3") + numpr("2", 0))
        + p(r("auch zwei"), ppr=pstyle("Aufz") + numpr("2", 0))
        + p(r("tiefer"), ppr=pstyle("ListBullet2") + numpr("1", 3))
        + p(r("ohne Stil"), ppr=pstyle("Fehlt") + numpr("2", 0))
    )
    levels = [
        h.list_level for _t, _n, h in word_lines(body, styles=PARAGRAPH_STYLES, numbering=NUMBERING)
    ]
    assert levels == [1, 2, 1, 3, 0]


def test_word_numbered_heading_one_keeps_its_number_deeper_ones_do_not() -> None:
    styles = PARAGRAPH_STYLES + style("Heading2", name="heading 2")
    body = (
        p(r("Begrüßung"), ppr=pstyle("Heading1") + numpr("1", 0))
        + p(r("Unterpunkt"), ppr=pstyle("Heading2") + numpr("1", 1))
        + p(r("Haushalt"), ppr=pstyle("Heading1") + numpr("1", 0))
        + p(r("ohne Zahl"), ppr=pstyle("Heading1") + numpr("2", 0))
        + p(r("Text"), ppr=numpr("1", 0))
    )
    assert word_lines(body, styles=styles, numbering=NUMBERING) == [
        ("Begrüßung", 1, Hints(heading=1, number=1)),
        ("Unterpunkt", 2, Hints(heading=2)),
        ("Haushalt", 3, Hints(heading=1, number=2)),
        ("ohne Zahl", 4, Hints(heading=1)),  # a bullet shows no number
        ("3. Text", 5, Hints(list_level=0)),
    ]


def test_word_empty_paragraphs_are_left_out_but_counted_as_pandoc_does() -> None:
    body = p(r("Eins")) + p() + p(r("   ")) + p(ppr=pstyle("Heading1")) + p(r("Zwei"))
    blocks = word(body, styles=PARAGRAPH_STYLES).blocks
    assert len(blocks) == 3  # the empty heading counts
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [("Eins", 1, PLAIN), ("Zwei", 3, PLAIN)]


DELETED_MARK = "<w:rPr><w:del/></w:rPr>"
MOVED_MARK = "<w:rPr><w:moveFrom/></w:rPr>"


def test_word_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    body = (
        p(r("Frühlingsfest am 22.04.2023 "), ppr=DELETED_MARK)
        + p(r("im SBZ"))
        + p(r("Erst "), ppr=MOVED_MARK)
        + p(r("dann "), ppr=DELETED_MARK)
        + p(r("zuletzt"))
        + p(r("offen am Ende"), ppr=DELETED_MARK)
    )
    assert word_lines(body) == [
        ("Frühlingsfest am 22.04.2023 im SBZ", 1, PLAIN),
        ("Erst dann zuletzt", 2, PLAIN),
        ("offen am Ende", 3, PLAIN),
    ]


def test_word_a_heading_deleted_as_a_whole_still_counts_as_a_paragraph() -> None:
    body = (
        p(r("Eins"), ppr=pstyle("Heading1"))
        + p(ppr=pstyle("Heading1") + DELETED_MARK)
        + p(ppr=DELETED_MARK)
        + p(r("Zwei"))
    )
    blocks = word(body, styles=PARAGRAPH_STYLES).blocks
    assert [
        (type(b).__name__, b.heading if isinstance(b, Paragraph) else None) for b in blocks
    ] == [
        ("Paragraph", 1),
        ("Paragraph", 1),
        ("Paragraph", None),
    ]
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [
        ("Eins", 1, Hints(heading=1)),
        ("Zwei", 3, PLAIN),
    ]


def test_word_numbered_paragraph_with_deleted_mark_still_advances_the_count() -> None:
    body = (
        p(r("eins "), ppr=numpr("1", 0) + DELETED_MARK)
        + p(r("weiter"))
        + p(r("zwei"), ppr=numpr("1", 0))
        + p(ppr=numpr("1", 0) + DELETED_MARK)  # empty: counts nothing
        + p(r("drei"), ppr=numpr("1", 0))
    )
    assert word_texts(body, numbering=NUMBERING) == ["eins weiter", "2. zwei", "3. drei"]


def test_word_deleted_marks_in_footnotes_do_not_count_numbers() -> None:
    footnotes = (
        '<w:footnote w:id="1">'
        + p(r("Notiz "), ppr=numpr("1", 0) + DELETED_MARK)
        + p(r("Ende"))
        + "</w:footnote>"
    )
    body = p(r("A", extra='<w:footnoteReference w:id="1"/>')) + p(r("eins"), ppr=numpr("1", 0))
    assert word_texts(body, numbering=NUMBERING, footnotes=footnotes) == [
        "A",
        "Notiz Ende",
        "1. eins",
    ]


def test_word_numbered_paragraphs_in_footnotes_and_text_boxes_are_no_list_items() -> None:
    footnotes = '<w:footnote w:id="1">' + p(r("Notiz"), ppr=numpr("1", 0)) + "</w:footnote>"
    body = p(
        r("A", extra='<w:footnoteReference w:id="1"/>' + textbox(p(r("Box"), ppr=numpr("1", 0))))
    ) + p(r("eins"), ppr=numpr("1", 0))
    assert word_lines(body, numbering=NUMBERING, footnotes=footnotes) == [
        ("A", 1, PLAIN),
        ("Notiz", 2, PLAIN),
        ("Box", 3, PLAIN),
        ("1. eins", 4, Hints(list_level=0)),
    ]


# --- Word: tables ------------------------------------------------------------------------------


def tc(text: str, props: str = "") -> str:
    return (
        f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(r(text)) if text else p()}</w:tc>"
    )


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, look: str = "") -> str:
    return f"<w:tbl>{f'<w:tblPr>{look}</w:tblPr>' if look else ''}{''.join(rows)}</w:tbl>"


def rows_of(body: str) -> list[tuple[tuple[str, ...], bool]]:
    return [(b.cells, b.header) for b in word(body).blocks if isinstance(b, Row)]


def test_word_table_rows_cells_and_vertically_merged_cells() -> None:
    body = tbl(
        tr(tc("Was"), tc("Wer")),
        tr(tc("Kuchen", '<w:vMerge w:val="restart"/>'), tc("Saal")),
        tr(tc("", "<w:vMerge/>"), tc("Küche")),
        tr(tc("x", '<w:vMerge w:val="continue"/>'), tc("Hof")),
        tr(tc(""), tc("")),  # an empty row: no line
        tr(tc("Grill"), tc("Wiese"), props="<w:del/>"),
        tr(tc("Zelt"), tc("Wiese"), props="<w:moveFrom/>"),
        tr(tc("Bier"), tc("Garten"), props="<w:ins/><w:cantSplit/>"),
        "<w:sdt><w:sdtContent>"
        + tr(tc("In"), "<w:customXml>" + tc("Control") + "</w:customXml>")
        + "</w:sdtContent></w:sdt>",
        "<w:customXml>"
        + tr(tc("Eigene"), "<w:sdt><w:sdtContent>" + tc("XML") + "</w:sdtContent></w:sdt>")
        + "</w:customXml>",
        "<w:bookmarkStart/>",
    )
    assert rows_of(body) == [
        (("Was", "Wer"), False),
        (("Kuchen", "Saal"), False),
        (("Küche",), False),
        (("Hof",), False),
        (("", ""), False),
        (("Bier", "Garten"), False),
        (("In", "Control"), False),
        (("Eigene", "XML"), False),
    ]
    assert [(t, n, h.table_row) for t, n, h in word_lines(body)][:2] == [
        ("Was | Wer", 1, ("Was", "Wer")),
        ("Kuchen | Saal", 2, ("Kuchen", "Saal")),
    ]
    assert [n for _t, n, _h in word_lines(body)] == [1, 2, 3, 4, 6, 7, 8]


def test_word_table_cells_join_their_paragraphs_and_lines() -> None:
    cell = "<w:tc>" + p(r("Zeile", extra="<w:br/>"), r("zwei")) + p(r("Absatz")) + p() + "</w:tc>"
    nested = "<w:tc>" + tbl(tr(tc("innen"))) + "</w:tc>"
    # one space between paragraphs as between lines (it was two: „Tom  Sommer“ as a name)
    assert rows_of(tbl(tr(cell, nested))) == [(("Zeile zwei Absatz", "innen"), False)]


def test_word_heading_rows_repeated_or_by_table_look() -> None:
    header = "<w:tblHeader/>"
    assert [
        h
        for _c, h in rows_of(tbl(tr(tc("A"), props=header), tr(tc("B"), props=header), tr(tc("C"))))
    ] == [True, True, False]
    assert [
        h for _c, h in rows_of(tbl(tr(tc("A"), props='<w:tblHeader w:val="0"/>'), tr(tc("B"))))
    ] == [False, False]
    # a repeated heading row not at the top does not count
    assert [h for _c, h in rows_of(tbl(tr(tc("A")), tr(tc("B"), props=header)))] == [False, False]
    looks = {
        '<w:tblLook w:firstRow="1"/>': True,
        '<w:tblLook w:firstRow="true"/>': True,
        '<w:tblLook w:firstRow="ON"/>': True,
        '<w:tblLook w:firstRow="0" w:val="0020"/>': False,
        '<w:tblLook w:val="04A0"/>': True,
        '<w:tblLook w:val="0020"/>': True,
        '<w:tblLook w:val="0400"/>': False,
        '<w:tblLook w:val="0100"/>': False,  # last column only (0x121 read in base 17)
        '<w:tblLook w:val="0001"/>': False,  # only bit 0x20 is the first row
        '<w:tblLook w:val="zz"/>': False,
        "<w:tblLook/>": False,
        "<w:tblStyle w:val='x'/>": False,
    }
    for look, expected in looks.items():
        assert [h for _c, h in rows_of(tbl(tr(tc("A")), tr(tc("B")), look=look))] == [
            expected,
            False,
        ], look
    # only the table's own tblPr counts, not a nested table's
    nested = "<w:tc>" + tbl(tr(tc("innen")), look='<w:tblLook w:firstRow="1"/>') + "</w:tc>"
    assert rows_of(tbl(tr(nested), tr(tc("B")))) == [(("innen",), False), (("B",), False)]


def test_word_heading_row_takes_the_rows_its_merged_cells_cover() -> None:
    merged = tbl(
        tr(tc("Kopf", '<w:vMerge w:val="restart"/>'), tc("A"), props="<w:tblHeader/>"),
        tr(tc("", "<w:vMerge/>"), tc("B")),
        tr(tc("", '<w:vMerge w:val="continue"/>'), tc("C")),
        tr(tc("D", '<w:vMerge w:val="restart"/>'), tc("E")),
        tr(tc("", "<w:vMerge/>"), tc("F")),
    )
    assert [h for _c, h in rows_of(merged)] == [True, True, True, False, False]
    # no heading row: a merge at the top takes nothing along
    plain = tbl(tr(tc("A", '<w:vMerge w:val="restart"/>')), tr(tc("", "<w:vMerge/>")))
    assert [h for _c, h in rows_of(plain)] == [False, False]
    # every row a heading row, merged to the end
    whole = tbl(
        tr(tc("A", '<w:vMerge w:val="restart"/>'), props="<w:tblHeader/>"),
        tr(tc("", "<w:vMerge/>")),
    )
    assert [h for _c, h in rows_of(whole)] == [True, True]


def test_word_table_ends_the_metadata_and_a_table_in_a_cell_keeps_its_rows() -> None:
    body = tbl(tr(tc("A"))) + p(r("Protokoll"), ppr=pstyle("MeinTitel"))
    blocks = word(body, styles=PARAGRAPH_STYLES).blocks
    assert isinstance(blocks[1], Paragraph) and blocks[1].meta is None
    assert blocks[1].title_style


def test_word_list_counters_go_on_inside_table_cells() -> None:
    body = (
        p(r("eins"), ppr=numpr("1", 0))
        + tbl(tr("<w:tc>" + p(r("zwei"), ppr=numpr("1", 0)) + "</w:tc>"))
        + p(r("drei"), ppr=numpr("1", 0))
    )
    assert word_texts(body, numbering=NUMBERING) == ["1. eins", "2. zwei", "3. drei"]


def test_word_field_open_across_a_table_cell() -> None:
    body = (
        p(fld("begin"), instr('HYPERLINK "https://t.example/"'), fld("separate"), r("Vor"))
        + tbl(tr("<w:tc>" + p(r("Zelle"), fld("end")) + "</w:tc>"))
        + p(r("Nach"))
    )
    assert word_texts(body) == ["Vor", "[Zelle](https://t.example/)", "Nach"]


# --- ODF: inline text -----------------------------------------------------------------------------


def odt_runs(text: str, **parts: str) -> list[Any]:
    return runs(opendoc(text, **parts).blocks)


ODF_TEXT_STYLES = (
    '<style:style style:family="text">'  # no name: ignored, the styles after it are read
    + '<style:text-properties fo:font-weight="bold"/></style:style>'
    + text_style("F", 'fo:font-weight="bold"')
    + text_style("F600", 'fo:font-weight="600"')
    + text_style("F500", 'fo:font-weight="500"')
    + text_style("Normal", 'fo:font-weight="normal"')
    + text_style("U", 'style:text-underline-style="solid"')
    + text_style("OhneU", 'style:text-underline-style="none"')
    + text_style("Versteckt", 'text:display="none"')
    + text_style("Sichtbar", 'text:display="true"', extra=' style:parent-style-name="Versteckt"')
    + text_style("FU", 'style:text-underline-style="dotted"', extra=' style:parent-style-name="F"')
    + text_style("Kind", 'fo:font-weight="bold"', extra=' style:parent-style-name="Versteckt"')
    + text_style("Kreis1", 'fo:font-style="italic"', extra=' style:parent-style-name="Kreis2"')
    + text_style("Kreis2", 'fo:font-weight="700"', extra=' style:parent-style-name="Kreis1"')
    + '<style:style style:name="Leer" style:family="text"/>'
)


def span(style_name: str, inner: str) -> str:
    return f'<text:span text:style-name="{style_name}">{inner}</text:span>'


def test_odt_span_styles_give_bold_underline_and_hide_text() -> None:
    body = (
        "<text:p>"
        + span("F", "a ")
        + span("F600", "b ")
        + span("F500", "c ")
        + span("U", "d ")
        + span("FU", "e ")
        + span("F", span("Normal", "f ") + span("OhneU", "g "))
        + span("U", span("OhneU", "h ") + span("Leer", "i "))
        + span("Versteckt", "GEHEIM ")
        + span("Kind", "AUCH GEHEIM ")  # hidden through its parent
        + span("Sichtbar", "j ")
        + span("Kreis1", "k ")
        + span("Unbekannt", "l ")
        + "<text:span>m</text:span>"
        + "</text:p>"
    )
    assert odt_runs(body, automatic=ODF_TEXT_STYLES) == [
        [
            ("a ", True, False),
            ("b ", True, False),
            ("c ", False, False),
            ("d ", False, True),
            ("e ", True, True),
            ("f ", False, False),
            ("g ", True, False),
            ("h ", False, False),
            ("i ", False, True),
            ("j ", False, False),
            ("k ", True, False),
            ("l ", False, False),
            ("m", False, False),
        ]
    ]


def test_odt_paragraph_style_formats_its_text_and_spans_inherit_it() -> None:
    automatic = ODF_TEXT_STYLES + (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:text-properties fo:font-weight="bold" style:text-underline-style="solid"/>'
        "</style:style>"
    )
    body = '<text:p text:style-name="P1">fett ' + span("Normal", "normal") + " wieder</text:p>"
    assert odt_runs(body, automatic=automatic) == [
        [("fett ", True, True), ("normal", False, True), (" wieder", True, True)]
    ]
    assert odt_lines(body, automatic=automatic) == [
        ("fett normal wieder", 1, Hints(underline=True))
    ]


def test_odt_hidden_paragraph_style_hides_the_paragraph_but_counts_it() -> None:
    automatic = (
        '<style:style style:name="Weg" style:family="paragraph">'
        '<style:text-properties text:display="none"/></style:style>'
    )
    body = (
        "<text:p>Eins</text:p>"
        '<text:p text:style-name="Weg">GEHEIM<text:note><text:note-body>'
        "<text:p>Notiz</text:p></text:note-body></text:note></text:p>"
        "<text:p>Drei</text:p>"
    )
    assert odt_lines(body, automatic=automatic) == [("Eins", 1, PLAIN), ("Drei", 3, PLAIN)]


def test_odt_spaces_tabs_breaks_and_tails() -> None:
    body = (
        "<text:p>A<text:s/>B<text:s text:c='3'/>C<text:tab/>D<text:line-break/>E"
        "<text:s text:c='x'/>F<text:s text:c='-2'/>G<text:soft-page-break/>H</text:p>"
    )
    (block,) = opendoc(body).blocks
    assert isinstance(block, Paragraph)
    assert [x.text for x in block.runs] == [
        "A",
        " ",
        "B",
        " ",
        "C",
        " ",
        "D",
        "\n",
        "E",
        " ",
        "F",
        " ",
        "G",
        "H",  # the page break is no space
    ]
    assert odt_lines(body) == [("A B C D", 1, PLAIN), ("E F GH", 1, PLAIN)]


def test_odt_repeated_spaces_are_capped() -> None:
    body = "<text:p><text:span text:style-name='F'>A<text:s text:c='100000'/>B</text:span></text:p>"
    document = opendoc(body, automatic=ODF_TEXT_STYLES)
    (block,) = document.blocks
    assert isinstance(block, Paragraph)
    assert block.runs[1].bold
    assert block.runs[1].text == " "  # squeezed: a thousand spaces at most went in
    from protokollkit.readers.xml.odf import MAX_SPACES

    assert MAX_SPACES == 1000


def test_odt_tab_and_space_keep_the_span_formatting() -> None:
    body = "<text:p>" + span("F", "a<text:tab/>b<text:s/>c") + "</text:p>"
    assert odt_runs(body, automatic=ODF_TEXT_STYLES) == [
        [
            ("a", True, False),
            (" ", True, False),
            ("b", True, False),
            (" ", True, False),
            ("c", True, False),
        ]
    ]


def test_odt_links_notes_fields_and_skipped_elements() -> None:
    body = (
        "<text:p>Alles unter "
        '<text:a xlink:href="https://sbz.example.org/fest">' + span("F", "Fest-Seite") + "</text:a>"
        ' und <text:a xlink:href="https://x.example/">https://x.example/</text:a>'
        ' und <text:a xlink:href="#oben">oben</text:a>'
        " und <text:a>ohne</text:a>"
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Fußnote</text:p></text:note-body></text:note>"
        "<text:note><text:note-citation>2</text:note-citation></text:note>"
        " Stand <text:date>09.03.2023</text:date>"
        "<office:annotation><text:p>Kommentar</text:p></office:annotation>"
        "<office:annotation-end/>"
        "<text:bookmark text:name='x'/>"
        "<text:hidden-text text:string-value='GEHEIM'>GEHEIM</text:hidden-text>"
        "<text:change text:change-id='c1'/>"
        " Ende</text:p>"
        "<text:p>Danach</text:p>"
    )
    assert odt_texts(body) == [
        "Alles unter [Fest-Seite](https://sbz.example.org/fest) und https://x.example/ und oben"
        " und ohne Stand 09.03.2023 Ende",
        "Fußnote",
        "Danach",
    ]
    (first, *_rest) = opendoc(body, automatic=ODF_TEXT_STYLES).blocks
    assert isinstance(first, Paragraph)
    assert [(x.text, x.bold) for x in first.runs[1:4]] == [
        ("[", True),
        ("Fest-Seite", True),
        ("](https://sbz.example.org/fest)", True),
    ]


def test_odt_frames_text_boxes_shapes_and_pictures() -> None:
    body = (
        "<text:p>Aushang:"
        "<draw:frame><draw:text-box><text:p>Im Kasten</text:p>"
        "<text:h text:outline-level='2'>Kopf</text:h></draw:text-box></draw:frame>"
        "<draw:frame><draw:image xlink:href='Pictures/a.png'/></draw:frame>"
        "<draw:a><draw:frame><draw:object/></draw:frame></draw:a>"
        "<draw:frame><draw:object-ole/></draw:frame>"
        "<draw:custom-shape><text:p>Form</text:p></draw:custom-shape>"
        "<draw:rect/>"
        " fertig</text:p>"
        "<text:p>Danach</text:p>"
    )
    document = opendoc(body)
    assert document.images == 3
    assert lines_of(document.blocks) == [
        ("Aushang: fertig", 1, PLAIN),
        ("Im Kasten", 2, PLAIN),
        ("Kopf", 3, Hints(heading=2)),
        ("Form", 4, PLAIN),
        ("Danach", 5, PLAIN),
    ]
    protocol = read_odt(odt("<text:p>Protokoll AG 1.2.2023</text:p>" + body), "bild.odt")
    assert [(d.message, d.source) for d in protocol.diagnostics] == [
        ("3 Bild(er) im Dokument nicht übernommen (nur Text).", "bild.odt")
    ]


def test_odt_pictures_in_table_cells_are_counted() -> None:
    body = (
        "<table:table><table:table-row><table:table-cell><text:p>A"
        "<draw:frame><draw:image/></draw:frame></text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    assert opendoc(body).images == 1


# --- ODF: blocks ----------------------------------------------------------------------------------


def test_odt_body_containers_and_skipped_parts() -> None:
    body = (
        "<text:sequence-decls><text:sequence-decl text:name='x'/></text:sequence-decls>"
        "<text:p>Eins</text:p>"
        "<text:section><text:p>Zwei</text:p></text:section>"
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>Gelöscht</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<office:forms><text:p>Formular</text:p></office:forms>"
        "<table:named-expressions><text:p>Ausdruck</text:p></table:named-expressions>"
        "<text:index-body><text:p>Verzeichnis</text:p></text:index-body>"
        "<text:p>Drei</text:p>"
    )
    assert odt_lines(body) == [
        ("Eins", 1, PLAIN),
        ("Zwei", 2, PLAIN),
        ("Verzeichnis", 3, PLAIN),
        ("Drei", 4, PLAIN),
    ]


def test_odt_empty_paragraphs_count() -> None:
    assert odt_lines("<text:p>Eins</text:p><text:p/><text:p> </text:p><text:p>Vier</text:p>") == [
        ("Eins", 1, PLAIN),
        ("Vier", 4, PLAIN),
    ]


def test_odt_headings_levels_and_their_style_does_not_make_them_bold() -> None:
    automatic = (
        '<style:style style:name="H" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold" style:text-underline-style="solid"/>'
        "</style:style>"
    )
    body = (
        '<text:h text:style-name="H" text:outline-level="1">Eins ' + span("F", "fett") + "</text:h>"
        '<text:h text:outline-level="2">Zwei</text:h>'
        "<text:h>Ohne Ebene</text:h>"
        '<text:h text:outline-level="0">Null</text:h>'
        '<text:h text:outline-level="-3">Negativ</text:h>'
        '<text:h text:outline-level="x">Kaputt</text:h>'
    )
    blocks = opendoc(body, automatic=automatic + ODF_TEXT_STYLES).blocks
    assert runs(blocks)[0] == [("Eins ", False, False), ("fett", True, False)]
    assert [b.heading for b in blocks if isinstance(b, Paragraph)] == [1, 2, 1, 1, 1, 1]


OUTLINE = (
    '<text:outline-style style:name="Outline">'
    '<text:outline-level-style text:level="1" style:num-format="1"/>'
    '<text:outline-level-style text:level="2" style:num-format="1"/>'
    "</text:outline-style>"
)


def test_odt_level_one_headings_carry_the_outline_number_deeper_ones_do_not() -> None:
    body = (
        '<text:h text:outline-level="1">Begrüßung</text:h>'
        '<text:h text:outline-level="2">Unterpunkt</text:h>'
        '<text:h text:outline-level="1">Haushalt</text:h>'
        "<text:p>Text<text:note><text:note-body>"
        '<text:h text:outline-level="1">In der Fußnote</text:h>'
        "</text:note-body></text:note></text:p>"
        '<text:h text:outline-level="1">Verschiedenes</text:h>'
    )
    assert odt_lines(body, styles=OUTLINE) == [
        ("Begrüßung", 1, Hints(heading=1, number=1)),
        ("Unterpunkt", 2, Hints(heading=2)),
        ("Haushalt", 3, Hints(heading=1, number=2)),
        ("Text", 4, PLAIN),
        ("In der Fußnote", 5, Hints(heading=1)),
        ("Verschiedenes", 6, Hints(heading=1, number=3)),
    ]


def test_odt_heading_in_a_list_is_a_heading_not_a_list_item() -> None:
    body = (
        '<text:list><text:list-item><text:h text:outline-level="1">Im Punkt</text:h>'
        "</text:list-item></text:list>"
        '<text:h text:outline-level="1">Danach</text:h>'
    )
    assert odt_lines(body, styles=OUTLINE) == [
        ("Im Punkt", 1, Hints(heading=1)),  # in a list: the outline numbering skips it
        ("Danach", 2, Hints(heading=1, number=1)),
    ]


def test_odt_paragraph_styles_bold_title_presenter_through_automatic_styles() -> None:
    styles = (
        '<style:style style:name="Sprecher" style:family="paragraph"/>'
        '<style:style style:name="Titel_20_Stil" style:display-name="Title"'
        ' style:family="paragraph"/>'
        '<style:style style:name="Vortragende" style:family="paragraph"/>'
        '<style:style style:name="Strong_20_Text" style:family="paragraph"'
        ' style:parent-style-name="Sprecher"/>'
    )
    automatic = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Sprecher"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="P3"/>'
        '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="P2"/>'
        '<style:style style:name="P4" style:family="paragraph"'
        ' style:parent-style-name="Titel_20_Stil"/>'
    )
    body = (
        '<text:h text:outline-level="1">Haushalt</text:h>'
        '<text:p text:style-name="Vortragende">Kathrin Krug</text:p>'
        '<text:p text:style-name="P1">Dirk Malner:</text:p>'
        '<text:p text:style-name="P2">Kreis</text:p>'
        '<text:p text:style-name="P4">Protokoll vom 1.2.2023</text:p>'
        '<text:p text:style-name="Strong_20_Text">Kind</text:p>'
        '<text:p text:style-name="Sprecher">Fremd</text:p>'
        '<text:p text:style-name="Unbekannt">Unbekannt</text:p>'
    )
    document = opendoc(body, automatic=automatic, styles=styles)
    assert lines_of(document.blocks) == [
        ("Haushalt Kathrin Krug", 1, Hints(heading=1)),
        ("Dirk Malner:", 3, BOLD),
        ("Kreis", 4, PLAIN),
        ("Protokoll vom 1.2.2023", 5, Hints(title=True)),
        ("Kind", 6, PLAIN),  # a user style is its own style, not its parent
        ("Fremd", 7, BOLD),
        ("Unbekannt", 8, PLAIN),
    ]


def test_odt_style_display_names() -> None:
    styles = (
        '<style:style style:name="List_20_Bullet_20_2" style:family="paragraph"/>'
        '<style:style style:name="x1" style:display-name="Liste 3" style:family="paragraph"/>'
        '<style:style style:display-name="Sprecher" style:family="paragraph"/>'  # no name
    )
    body = (
        "<text:list><text:list-item>"
        '<text:p text:style-name="List_20_Bullet_20_2">zwei</text:p>'
        "</text:list-item><text:list-item>"
        '<text:p text:style-name="x1">drei</text:p>'
        "</text:list-item><text:list-item>"
        '<text:p text:style-name="Fehlt">null</text:p>'
        "</text:list-item></text:list>"
    )
    assert [h.list_level for _t, _n, h in odt_lines(body, styles=styles)] == [1, 2, 0]


LIST_STYLES = (
    '<text:list-style style:name="N">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
    '<text:list-level-style-number text:level="3" style:num-format="i" style:num-prefix="("'
    ' style:num-suffix=")"/>'
    '<text:list-level-style-number text:level="4" style:num-format="A" text:start-value="3"/>'
    '<text:list-level-style-number text:level="5" style:num-format=""/>'
    '<text:list-level-style-bullet text:level="6" text:bullet-char="•"/>'
    '<text:list-level-style-number text:level="7" style:num-format="I" text:start-value="x"/>'
    "</text:list-style>"
    '<text:list-style style:name="B">'
    '<text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
    '<text:list-style style:name="D">'
    "<text:list-level-style-number/>"
    "</text:list-style>"
)


def item(text: str, *more: str, header: bool = False, start: str | None = None) -> str:
    tag = "text:list-header" if header else "text:list-item"
    attr = f' text:start-value="{start}"' if start is not None else ""
    return f"<{tag}{attr}><text:p>{text}</text:p>{''.join(more)}</{tag}>"


def text_list(*items: str, name: str | None = "N", attrs: str = "") -> str:
    style_attr = f' text:style-name="{name}"' if name else ""
    return f"<text:list{style_attr}{attrs}>{''.join(items)}</text:list>"


def test_odt_ordered_lists_show_their_labels_at_each_level() -> None:
    deep = text_list(
        item(
            "vier",
            text_list(
                item(
                    "fünf",
                    text_list(item("sechs", text_list(item("sieben"), name=None)), name=None),
                ),
                name=None,
            ),
        ),
        name=None,
    )
    body = text_list(
        item("eins"),
        item(
            "zwei",
            text_list(
                item("a-Punkt"),
                item("b-Punkt", text_list(item("römisch", deep), name=None)),
                name=None,
            ),
        ),
        item("drei"),
    )
    assert odt_lines(body, automatic=LIST_STYLES) == [
        ("1. eins", 1, Hints(list_level=0)),
        ("2. zwei", 2, Hints(list_level=0)),
        ("a) a-Punkt", 3, Hints(list_level=1)),
        ("b) b-Punkt", 4, Hints(list_level=1)),
        ("(i) römisch", 5, Hints(list_level=2)),
        ("C. vier", 6, Hints(list_level=3)),
        ("fünf", 7, Hints(list_level=4)),
        ("sechs", 8, Hints(list_level=5)),
        ("I. sieben", 9, Hints(list_level=6)),
        ("3. drei", 10, Hints(list_level=0)),
    ]


def test_odt_list_start_values_headers_and_continued_numbering() -> None:
    body = (
        text_list(item("eins"), item("fünf", start="5"), item("sechs"), item("Kopf", header=True))
        + "<text:p>Zwischentext</text:p>"
        + text_list(item("neu"))
        + text_list(item("weiter"), attrs=' text:continue-numbering="true"')
        + text_list(item("auch weiter"), attrs=' text:continue-list="L1"')
        + text_list(item("nicht weiter"), attrs=' text:continue-numbering="false"')
        + text_list(item("kaputt", start="x"), item("danach", start="-4"))
    )
    assert odt_texts(body, automatic=LIST_STYLES) == [
        "1. eins",
        "5. fünf",
        "6. sechs",
        "Kopf",
        "Zwischentext",
        "1. neu",
        "2. weiter",
        "3. auch weiter",
        "1. nicht weiter",
        "1. kaputt",
        "2. danach",
    ]


def test_odt_list_header_is_at_the_level_but_unnumbered_and_does_not_count() -> None:
    body = text_list(item("Kopf", header=True), item("eins"))
    assert odt_lines(body, automatic=LIST_STYLES) == [
        ("Kopf", 1, Hints(list_level=0)),
        ("1. eins", 2, Hints(list_level=0)),
    ]


def test_odt_bullet_and_unknown_lists_have_no_labels() -> None:
    body = (
        text_list(item("Punkt"), name="B")
        + text_list(item("Unbekannt"), name="Fehlt")
        + text_list(item("Ohne Stil"), name=None)
        + text_list(item("Standardebene"), name="D")
    )
    assert odt_lines(body, automatic=LIST_STYLES) == [
        ("Punkt", 1, Hints(list_level=0)),
        ("Unbekannt", 2, Hints(list_level=0)),
        ("Ohne Stil", 3, Hints(list_level=0)),
        ("1. Standardebene", 4, Hints(list_level=0)),
    ]


def test_odt_list_item_paragraphs_continue_and_tables_in_items() -> None:
    table = (
        "<table:table><table:table-row><table:table-cell><text:p>Zelle</text:p>"
        "</table:table-cell></table:table-row></table:table>"
    )
    body = text_list(
        "<text:list-item><text:p>eins</text:p><text:p>mehr dazu</text:p>"
        "<text:h text:outline-level='2'>Kopf</text:h></text:list-item>",
        f"<text:list-item>{table}<text:p>nach Tabelle</text:p></text:list-item>",
        "<text:list-item><text:list><text:list-item><text:p>tiefer</text:p></text:list-item>"
        "</text:list><text:p>danach</text:p></text:list-item>",
        "<text:p>kein Punkt</text:p>",
        "<text:list-item><text:soft-page-break/><text:p>zwei</text:p></text:list-item>",
    )
    lines = odt_lines(body, automatic=LIST_STYLES)
    assert lines == [
        ("1. eins", 1, Hints(list_level=0)),
        ("    mehr dazu", 2, PLAIN),
        ("Kopf", 3, Hints(heading=2)),  # a heading continues no item
        ("Zelle", 4, Hints(table_row=("Zelle",))),
        ("    nach Tabelle", 5, PLAIN),
        ("a) tiefer", 6, Hints(list_level=1)),
        ("    danach", 7, PLAIN),
        ("4. zwei", 8, Hints(list_level=0)),
    ]
    # a continued paragraph has no blank line before it
    texts = [x.text for x in document_lines(opendoc(body, automatic=LIST_STYLES).blocks)]
    assert texts[:5] == ["", "1. eins", "    mehr dazu", "", "Kopf"]


def cell(text: str, attrs: str = "") -> str:
    return f"<table:table-cell{attrs}><text:p>{text}</text:p></table:table-cell>"


def test_odt_tables_heading_rows_groups_and_covered_cells() -> None:
    body = (
        "<table:table><table:table-columns><table:table-column/></table:table-columns>"
        "<table:table-header-rows><table:table-row>" + cell("Was") + cell("Wer")
        + "</table:table-row></table:table-header-rows>"
        "<table:table-rows><table:table-row>" + cell("Kuchen", ' table:number-columns-spanned="2"')
        + "<table:covered-table-cell/></table:table-row></table:table-rows>"
        "<table:table-row-group><table:table-row>" + cell("Grill") + cell("Hof")
        + "</table:table-row></table:table-row-group>"
        "<table:table-row>" + cell("") + cell("") + "</table:table-row>"
        "<table:table-row><table:table-cell><table:table><table:table-row>" + cell("innen")
        + "</table:table-row></table:table></table:table-cell></table:table-row>"
        "</table:table>"
    )  # fmt: skip
    blocks = opendoc(body).blocks
    assert [(b.cells, b.header) for b in blocks if isinstance(b, Row)] == [
        (("Was", "Wer"), True),
        (("Kuchen",), False),
        (("Grill", "Hof"), False),
        (("", ""), False),
        (("innen",), False),  # a nested table's rows are its cell's text
    ]
    assert [(t, n, h.table_header) for t, n, h in lines_of(blocks)] == [
        ("Was | Wer", 1, True),
        ("Kuchen", 2, False),
        ("Grill | Hof", 3, False),
        ("innen", 5, False),
    ]


def test_odt_table_cells_are_read_without_counting_headings() -> None:
    body = (
        "<table:table><table:table-row><table:table-cell>"
        '<text:h text:outline-level="1">In der Zelle</text:h>'
        "</table:table-cell></table:table-row></table:table>"
        '<text:h text:outline-level="1">Danach</text:h>'
    )
    assert odt_lines(body, styles=OUTLINE)[-1] == ("Danach", 2, Hints(heading=1, number=1))


# --- creation date and the whole readers --------------------------------------------------------


NO_DATE = "Kein Datum gefunden (weder im Titel noch im Text oder im Dateinamen)."


def test_odt_creation_date_is_the_fallback_date_with_a_warning() -> None:
    meta = "<meta:creation-date>2023-04-13T22:30:00Z</meta:creation-date>"
    protocol = read_odt(odt("<text:p>Protokoll AG Wohnen</text:p>", meta=meta), "ag.odt")
    assert protocol.date == dt.date(2023, 4, 14)  # already the 14th in Germany
    assert [(d.level, d.message, d.source) for d in protocol.diagnostics] == [
        ("warning", NO_DATE, "ag.odt"),
        (
            "warning",
            "Datum aus den Dokumenteigenschaften übernommen (erstellt am: 14.04.2023); bitte "
            "prüfen und in die Titelzeile schreiben.",
            "ag.odt",
        ),
    ]
    # a date in the title wins, without a warning
    titled = read_odt(odt("<text:p>Protokoll AG Wohnen 1.2.2023</text:p>", meta=meta), "ag.odt")
    assert titled.date == dt.date(2023, 2, 1) and titled.diagnostics == ()
    # no creation date, or one that is no date: no date
    for meta_xml in ("<meta:generator>x</meta:generator>", "<meta:creation-date/>", None):
        parts = {"meta": meta_xml} if meta_xml is not None else {}
        untitled = read_odt(odt("<text:p>Protokoll AG Wohnen</text:p>", **parts), "ag.odt")
        assert untitled.date is None, meta_xml
    assert opendoc("<text:p/>", meta=meta).created == "2023-04-13T22:30:00Z"


def test_docx_date_field_then_creation_date_are_fallback_dates() -> None:
    styles = style("Datum", name="Date") + style("MeinTitel", name="Title")
    core = "<dcterms:created>2023-01-31T23:30:00Z</dcterms:created>"
    title = p(r("Protokoll AG Wohnen"), ppr=pstyle("MeinTitel"))
    # an ISO date in the Date paragraph, which the layout does not take from the text
    dated = docx(title + p(r("2023-03-07"), ppr=pstyle("Datum")), styles=styles, core=core)
    protocol = read_docx(dated, "ag.docx")
    assert protocol.date == dt.date(2023, 3, 7)
    assert [d.message for d in protocol.diagnostics] == [
        NO_DATE,
        "Datum aus den Dokumenteigenschaften übernommen (Datumsfeld: 07.03.2023); bitte prüfen "
        "und in die Titelzeile schreiben.",
    ]
    # a Date paragraph without a date: the creation date (1 February in Germany)
    undated = docx(title + p(r("demnächst"), ppr=pstyle("Datum")), styles=styles, core=core)
    protocol = read_docx(undated, "ag.docx")
    assert protocol.date == dt.date(2023, 2, 1)
    assert [d.message for d in protocol.diagnostics] == [
        NO_DATE,
        "Datum aus den Dokumenteigenschaften übernommen (erstellt am: 01.02.2023); bitte prüfen "
        "und in die Titelzeile schreiben.",
    ]
    # Word's "never" and a missing or empty creation date give none
    for created in (
        "<dcterms:created>1601-01-01T00:00:00Z</dcterms:created>",
        "<dcterms:created/>",
        "",
    ):
        protocol = read_docx(docx(title, styles=styles, core=created), "ag.docx")
        assert protocol.date is None, created
        assert [d.message for d in protocol.diagnostics] == [NO_DATE], created
    assert read_docx(docx(title, styles=styles), "ag.docx").date is None


def test_docx_first_date_paragraph_with_a_date_wins() -> None:
    styles = style("Datum", name="Date")
    body = (
        p(r("kein Datum"), ppr=pstyle("Datum"))
        + p(r("2023-03-02"), ppr=pstyle("Datum"))
        + p(r("2023-05-04"), ppr=pstyle("Datum"))
        + p(r("Protokoll der AG"))
    )
    protocol = read_docx(docx(body, styles=styles), "ag.docx")
    assert protocol.date == dt.date(2023, 3, 2)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("  2023-04-13T16:45:00  ", dt.date(2023, 4, 13)),  # blanks around it
        ("1990-01-01T12:00:00", dt.date(1990, 1, 1)),  # the first year taken
        ("1989-12-31T12:00:00", None),
        ("1990-01-01T00:30:00+02:00", None),  # 31.12.1989 in Germany
        ("2023-06-30T23:30:00-02:00", dt.date(2023, 7, 1)),
    ],
)
def test_creation_date_edges(stamp: str, day: dt.date | None) -> None:
    from protokollkit.readers.office import iso_local_date

    assert iso_local_date(stamp) == day


def test_creation_date_without_the_zone_database_keeps_the_written_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zoneinfo

    from protokollkit.readers.office import iso_local_date

    def no_zone(key: str) -> object:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", no_zone)
    assert iso_local_date("2023-04-13T22:30:00Z") == dt.date(2023, 4, 13)


def test_readers_refuse_empty_oversized_and_broken_documents() -> None:
    from protokollkit.files import MAX_INPUT_BYTES

    for reader, fmt in ((read_docx, "docx"), (read_odt, "odt")):
        with pytest.raises(ParseError, match="leer") as info:
            reader(b"", f"leer.{fmt}")
        assert info.value.diagnostics[0].source == f"leer.{fmt}"
        big = b"PK" + b"\0" * MAX_INPUT_BYTES
        with pytest.raises(ParseError, match="zu groß"):
            reader(big, f"gross.{fmt}")
        with pytest.raises(ParseError, match="kein ZIP-Container"):
            reader(b"Hallo", f"text.{fmt}")
    with pytest.raises(ParseError, match="Word-Dokument"):
        read_docx(zip_of({"content.xml": b"<x/>"}), "falsch.docx")
    with pytest.raises(ParseError, match=r"content\.xml fehlt"):
        read_odt(zip_of({"word/document.xml": b"<x/>"}), "falsch.odt")


def test_package_errors_name_the_file_and_the_part() -> None:
    with pytest.raises(ParseError) as info:
        Package(b"kein zip", "kaputt.docx")
    assert [(d.message, d.source) for d in info.value.diagnostics] == [
        ("Die Datei ist beschädigt (kein lesbarer ZIP-Container).", "kaputt.docx")
    ]
    package = Package(zip_of({"a.xml": b"<a>Text</a>", "b.xml": b"<b>"}), "p.docx")
    assert "a.xml" in package and "fehlt.xml" not in package
    assert package.raw("fehlt.xml") is None and package.xml("fehlt.xml") is None
    assert package.raw("a.xml") == b"<a>Text</a>"
    parsed = package.xml("a.xml")
    assert parsed is not None and parsed.text == "Text"
    assert package.required("a.xml").tag == "a"
    with pytest.raises(ParseError, match=r"„fehlt\.xml“ fehlt") as info:
        package.required("fehlt.xml")
    assert info.value.diagnostics[0].source == "p.docx"
    with pytest.raises(ParseError, match=r"„b.xml“ ist kein gültiges XML \(Zeile 1\)"):
        package.xml("b.xml")
    with pytest.raises(ParseError, match=r"„b.xml“ ist kein gültiges XML"):
        package.required("b.xml")


def test_package_part_that_cannot_be_inflated_is_damage() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document>Text</w:document>")
    data = bytes(buffer.getvalue()).replace(b">Text<", b">Tuxt<", 1)  # the CRC no longer fits
    package = Package(bytes(data), "kaputt.docx")
    with pytest.raises(ParseError, match=r"Teil „word/document\.xml“ ist nicht lesbar") as info:
        package.raw("word/document.xml")
    assert info.value.diagnostics[0].source == "kaputt.docx"


def test_package_aliases_replace_namespace_uris_in_quotes_only() -> None:
    data = zip_of({"a.xml": b'<a xmlns="urn:alt"><b>urn:alt</b></a>'})
    package = Package(data, "p", {b"urn:alt": b"urn:neu"})
    root = package.required("a.xml")
    assert root.tag == "{urn:neu}a"
    assert root[0].text == "urn:alt"  # text is no namespace declaration
    assert Package(data, "p").required("a.xml").tag == "{urn:alt}a"


def test_parse_error_messages_for_depth_and_line() -> None:
    from protokollkit.readers.xml import MAX_DEPTH, parse

    with pytest.raises(ParseError, match=r"„x.xml“ ist kein gültiges XML \(Zeile 3\)\.") as info:
        parse(b"<a>\n<b>\n</a>", "x.xml", "quelle")
    assert info.value.diagnostics[0].source == "quelle"
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(ParseError, match=f"mehr als {MAX_DEPTH} Ebenen"):
        parse(deep, "tief.xml", "quelle")
    assert parse(b"<a>" * 200 + b"</a>" * 200, "x", "q").tag == "a"


# --- the shared paragraph → line step (office.py) ------------------------------------------------


def titled(body: str, **parts: str) -> list[tuple[str, bool]]:
    """The non-empty lines of a .docx with their title hint after :func:`title_hint`."""
    from protokollkit.readers.office import title_hint

    lines = title_hint(document_lines(word(body, **parts).blocks))
    return [(x.text, x.hints.title) for x in lines if x.text]


def test_a_first_bold_paragraph_is_a_title_when_it_names_a_date_or_a_protocol() -> None:
    bold = "<w:b/>"
    assert titled(p(r("Stadtteiltisch 10.11.2022", bold)) + p(r("Text")))[0] == (
        "Stadtteiltisch 10.11.2022",
        True,
    )
    assert titled(p(r("Protokoll der AG", bold)) + p(r("Text")))[0] == ("Protokoll der AG", True)
    assert titled(p(r("Einkaufsliste", bold)) + p(r("Text")))[0] == ("Einkaufsliste", False)
    # not bold, or not the first text: no title hint
    assert titled(p(r("Stadtteiltisch 10.11.2022")))[0] == ("Stadtteiltisch 10.11.2022", False)
    assert titled(p(r("Vorweg")) + p(r("Stadtteiltisch 10.11.2022", bold)))[1] == (
        "Stadtteiltisch 10.11.2022",
        False,
    )


def test_a_first_bold_paragraph_is_no_title_when_a_title_follows_within_six_lines() -> None:
    bold = "<w:b/>"
    head = p(r("Stadtteiltisch 10.11.2022", bold))
    below = titled(head + p(r("a")) + p(r("b")) + p(r("c")) + p(r("d")) + p(r("Protokoll")))
    assert below[0] == ("Stadtteiltisch 10.11.2022", False)
    styled = titled(
        head + p(r("a")) + p(r("Kein Titel"), ppr=pstyle("MeinTitel")), styles=PARAGRAPH_STYLES
    )
    assert styled[0] == ("Stadtteiltisch 10.11.2022", False)
    assert styled[2] == ("Kein Titel", False)  # a title style without a date or "Protokoll"
    far = titled(head + "".join(p(r(x)) for x in "abcde") + p(r("Protokoll")))
    assert far[0] == ("Stadtteiltisch 10.11.2022", True)  # the seventh line is too far down


def test_title_style_with_a_date_or_protocol_is_a_title() -> None:
    body = p(r("Sitzung am 3.4.2024"), ppr=pstyle("MeinTitel")) + p(r("Text"))
    assert titled(body, styles=PARAGRAPH_STYLES) == [
        ("Sitzung am 3.4.2024", True),
        ("Text", False),
    ]


def test_word_web_page_bullets_written_as_text_become_list_items() -> None:
    nbsp = "\u00a0"
    body = (
        p(r(f"·{nbsp}{nbsp} Punkt"))
        + p(r(f"o{nbsp}{nbsp}{nbsp}Unterpunkt"))
        + p(r(f"§{nbsp} {nbsp}Tiefer"))
        + p(r(f"\uf0b7{nbsp}{nbsp}Symbol"))
        + p(r(f"\uf0a7{nbsp}{nbsp}Symbol zwei"))
        + p(r(f"▪{nbsp}{nbsp}Quadrat"))
        + p(r(f"o{nbsp}einfach"))  # one no-break space: text
        + p(r("o   offen"))  # plain spaces: text
        + p(r(f"x{nbsp}{nbsp}kein Zeichen"))
        + p(r(f"·{nbsp}{nbsp}im Listenpunkt"), ppr=numpr("1", 3))
    )
    assert [(t, h.list_level) for t, _n, h in word_lines(body, numbering=NUMBERING)] == [
        ("Punkt", 0),
        ("Unterpunkt", 1),
        ("Tiefer", 2),
        ("Symbol", 0),
        ("Symbol zwei", 2),
        ("Quadrat", 2),
        (f"o{nbsp}einfach", None),
        ("o offen", None),
        (f"x{nbsp}{nbsp}kein Zeichen", None),
        (f"·{nbsp}{nbsp}im Listenpunkt", 3),
    ]


def test_a_line_break_in_a_list_item_continues_the_item() -> None:
    body = p(r("erstens", extra="<w:br/>"), r("weiter", "<w:b/>"), ppr=numpr("1", 0)) + p(
        r("Punkt", extra="<w:br/>"), r("mehr"), ppr=numpr("2", 0)
    )
    assert word_lines(body, numbering=NUMBERING) == [
        ("1. erstens", 1, Hints(list_level=0)),
        ("    weiter", 1, PLAIN),
        ("Punkt", 2, Hints(list_level=0)),
        ("    mehr", 2, PLAIN),
    ]


def test_breaks_and_blanks_around_a_list_item_are_trimmed() -> None:
    body = p(
        r("  "),
        r("", extra="<w:br/>"),
        r("  "),
        r("erstens", "<w:u/>"),
        r(" "),
        r("", extra="<w:br/>"),
        r(" ", extra="<w:br/>"),
        ppr=numpr("1", 0),
    )
    assert word_lines(body, numbering=NUMBERING) == [
        ("1. erstens", 1, Hints(underline=True, list_level=0))
    ]
    bold = p(r("", extra="<w:br/>"), r("fett", "<w:b/><w:u/>"), ppr=numpr("1", 0))
    (block,) = word(bold, numbering=NUMBERING).blocks
    lines = document_lines([block])
    assert [(x.text, x.hints.bold, x.hints.underline) for x in lines if x.text] == [
        ("1. fett", True, True)
    ]


def test_an_empty_list_item_shows_no_label() -> None:
    body = text_list(item(""), item("zwei"))
    assert odt_texts(body, automatic=LIST_STYLES) == ["2. zwei"]


def test_spaces_are_squeezed_across_runs_and_no_break_spaces_kept() -> None:
    body = p(
        r(" \t Anfang  "),
        r("  mitte\u00a0\u00a0"),
        r(" ende \n", extra="<w:br/>"),
        r("  neu "),
        r(extra="<w:t/>"),
        r(" schluss"),
    )
    (block,) = word(body).blocks
    assert isinstance(block, Paragraph)
    assert [x.text for x in block.runs] == [
        "Anfang ",
        "mitte\u00a0\u00a0",
        " ende ",
        "\n",
        "neu ",
        "",
        "schluss",
    ]


def test_numbers_as_lists_show_them_letters_and_roman_numerals() -> None:
    styles = (
        '<text:list-style style:name="A">'
        '<text:list-level-style-number text:level="1" style:num-format="a" text:start-value="25"'
        ' style:num-suffix="."/></text:list-style>'
        '<text:list-style style:name="R">'
        '<text:list-level-style-number text:level="1" style:num-format="i" text:start-value="1994"'
        ' style:num-prefix="(" style:num-suffix=")"/></text:list-style>'
        '<text:list-style style:name="RR">'
        '<text:list-level-style-number text:level="1" style:num-format="I" text:start-value="3999"'
        "/></text:list-style>"
        '<text:list-style style:name="Z">'
        '<text:list-level-style-number text:level="1" style:num-format="i" text:start-value="0"'
        ' style:num-suffix=")"/></text:list-style>'
        '<text:list-style style:name="ZA">'
        '<text:list-level-style-number text:level="1" style:num-format="A" text:start-value="0"'
        "/></text:list-style>"
    )
    body = (
        text_list(item("y"), item("z"), item("zu weit"), name="A")
        + text_list(item("a"), item("b"), name="R")
        + text_list(item("groß"), item("größer"), name="RR")
        + text_list(item("null"), name="Z")
        + text_list(item("null"), name="ZA")
    )
    assert odt_texts(body, automatic=styles) == [
        "y. y",
        "z. z",
        "27. zu weit",
        "(mcmxciv) a",
        "(mcmxcv) b",
        "MMMCMXCIX. groß",
        "MMMM. größer",
        "0) null",
        "0. null",
    ]


def test_word_number_formats_and_their_delimiters() -> None:
    formats = {
        "decimalZero": ("%1.", "1."),
        "upperLetter": ("%1)", "A)"),
        "upperRoman": ("(%1)", "(I)"),
        "lowerRoman": ("%1.", "i."),
        "ordinal": ("%1.", "1."),
        "": ("%1.", "1."),
    }
    for fmt, (text, label) in formats.items():
        numbering = (
            f'<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>'
        )
        body = p(r("Punkt"), ppr=numpr("5", 0))
        assert word_texts(body, numbering=numbering) == [f"{label} Punkt"], fmt


def test_odt_number_formats() -> None:
    for fmt, label in {"1": "1.", "a": "a.", "A": "A.", "i": "i.", "I": "I.", "١": "1."}.items():
        styles = (
            '<text:list-style style:name="X">'
            f'<text:list-level-style-number text:level="1" style:num-format="{fmt}"/>'
            "</text:list-style>"
        )
        assert odt_texts(text_list(item("Punkt"), name="X"), automatic=styles) == [
            f"{label} Punkt"
        ], fmt


def test_list_style_names_are_matched_whole() -> None:
    styles = (
        style("LN3", name="List Number 3")
        + style("LN", name="Listennummer 2")
        + style("LB", name="List Bullet")
        + style("LBx", name="List Bullet 2x")
        + style("Sp", name="  liste 4  ")
        + style("Ein", name="Einfache Liste 2")
    )
    body = "".join(
        p(r(x), ppr=pstyle(x) + numpr("2", 0)) for x in ("LN3", "LN", "LB", "LBx", "Sp", "Ein")
    )
    # a style id alone (no such style defined) gives no level
    body += p(r("Liste3"), ppr=pstyle("Liste3") + numpr("2", 0))
    levels = [h.list_level for _t, _n, h in word_lines(body, styles=styles, numbering=NUMBERING)]
    assert levels == [2, 1, 0, 0, 3, 0, 0]


def test_style_flags_names_in_any_case() -> None:
    styles = (
        style("a", name="Speaker")
        + style("b", name="FETT")
        + style("c", name="titel")
        + style("d", name="Presenter")
        + style("e", name="Sprecherin")
    )
    body = (
        p(r("Eins"), ppr=pstyle("a"))
        + p(r("Zwei"), ppr=pstyle("b"))
        + p(r("Drei"), ppr=pstyle("c"))
        + p(r("Vier"), ppr=pstyle("d"))
        + p(r("Fünf"), ppr=pstyle("e"))
    )
    blocks = [b for b in word(body, styles=styles).blocks if isinstance(b, Paragraph)]
    assert [(b.bold_style, b.title_style, b.presenter) for b in blocks] == [
        (True, False, False),
        (True, False, False),
        (False, True, False),
        (False, False, True),
        (False, False, False),
    ]


def test_link_brackets_take_the_formatting_of_the_first_and_last_visible_runs() -> None:
    rels = f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}" Target="https://x.example/"/>'
    body = p(
        '<w:hyperlink r:id="rId1">'
        + r(" ")
        + r("Fest", "<w:b/>")
        + r("seite", "<w:u/>")
        + r(" ")
        + "</w:hyperlink>"
    ) + p(
        '<w:hyperlink r:id="rId1">'
        + r(" ")
        + r(" https://x.example/ ", "<w:u/>")
        + "</w:hyperlink>"
    )
    first, second = runs(word(body, rels=rels).blocks)
    assert first[0] == ("[", True, False)
    assert first[-1] == ("](https://x.example/)", False, True)
    assert second == [("https://x.example/", False, True)]


def test_link_label_with_a_line_break() -> None:
    rels = f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}" Target="https://x.example/"/>'
    body = p(
        '<w:hyperlink r:id="rId1">' + r("Fest", extra="<w:br/>") + r("Seite") + "</w:hyperlink>"
    )
    assert word_texts(body, rels=rels) == ["[Fest", "Seite](https://x.example/)"]
    anchor = p(
        '<w:hyperlink w:anchor="x">' + r("Fest", extra="<w:br/>") + r("Seite") + "</w:hyperlink>"
    )
    assert word_texts(anchor) == ["Fest", "Seite"]
    same = p(
        '<w:hyperlink r:id="rId1">' + r("https://x.example/", extra="<w:br/>") + "</w:hyperlink>"
    )
    assert word_texts(same, rels=rels) == ["https://x.example/"]


def test_document_lines_of_blocks_count_from_first() -> None:
    from protokollkit.readers.office import document_lines as lines

    blocks: list[Block] = [Paragraph([Run("A")]), Row(("x", "y"), header=True), Row(("", ""))]
    assert [(x.text, x.number) for x in lines(blocks) if x.text] == [("A", 1), ("x | y", 2)]
    assert [(x.text, x.number) for x in lines(blocks, 5) if x.text] == [("A", 5), ("x | y", 6)]
    assert lines(blocks)[-1].hints == Hints(table_row=("x", "y"), table_header=True)


def test_word_field_char_of_an_unknown_kind_does_not_end_the_field() -> None:
    body = p(
        fld("begin"),
        instr('HYPERLINK "https://x.example/"'),
        fld("separate"),
        r("Fest"),
        fld("unbekannt"),
        r("seite"),
        fld("end"),
    )
    assert word_texts(body) == ["[Festseite](https://x.example/)"]


def test_word_hyperlink_field_with_an_empty_result_shows_its_target() -> None:
    body = p(
        r("Siehe "),
        fld("begin"),
        instr('HYPERLINK "https://x.example/"'),
        fld("separate"),
        fld("end"),
    )
    assert word_texts(body) == ["Siehe https://x.example/"]


def test_word_drawings_count_pictures_by_any_of_their_picture_elements() -> None:
    only_pic = "<w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic/></a:graphicData>"
    only_pic += "</a:graphic></wp:inline></w:drawing>"
    only_blip = "<w:drawing><wp:anchor><wps:wsp><wps:spPr><a:blipFill><a:blip/></a:blipFill>"
    only_blip += "</wps:spPr></wps:wsp></wp:anchor></w:drawing>"
    box_with_picture = textbox(p(r("Box", extra=PICTURE)))
    for drawing, count in ((only_pic, 1), (only_blip, 1), (box_with_picture, 1), (PICTURE, 1)):
        assert word(p(r("A", extra=drawing))).images == count, drawing
    assert word(p(r("A", extra=PICTURE + PICTURE))).images == 2


def test_odt_list_counters_are_kept_per_list_style() -> None:
    body = (
        text_list(item("eins"), item("zwei"))
        + text_list(item("Punkt"), name="B")
        + text_list(item("anders"), name="A2")
        + text_list(item("drei"), attrs=' text:continue-numbering="true"')
    )
    automatic = LIST_STYLES + (
        '<text:list-style style:name="A2">'
        '<text:list-level-style-number text:level="1" style:num-format="1" text:start-value="5"/>'
        "</text:list-style>"
    )
    assert odt_texts(body, automatic=automatic) == [
        "1. eins",
        "2. zwei",
        "Punkt",
        "5. anders",
        "3. drei",
    ]


def test_odt_a_first_list_that_continues_numbering_starts_at_one() -> None:
    body = text_list(item("eins"), attrs=' text:continue-numbering="true"')
    assert odt_texts(body, automatic=LIST_STYLES) == ["1. eins"]


def test_odt_a_new_list_restarts_the_deeper_levels_too() -> None:
    continued = ' text:continue-numbering="true"'
    body = text_list(item("eins", text_list(item("a"), item("b"), name=None))) + text_list(
        item("neu", text_list(item("weiter?"), name=None, attrs=continued))
    )
    assert odt_texts(body, automatic=LIST_STYLES) == [
        "1. eins",
        "a) a",
        "b) b",
        "1. neu",
        "a) weiter?",
    ]


def test_odt_a_level_one_heading_later_in_a_list_item_shows_no_outline_number() -> None:
    body = (
        text_list(
            '<text:list-item><text:p>eins</text:p><text:h text:outline-level="1">Kopf</text:h>'
            "</text:list-item>",
            name=None,
        )
        + '<text:h text:outline-level="1">Danach</text:h>'
    )
    assert odt_lines(body, styles=OUTLINE) == [
        ("eins", 1, Hints(list_level=0)),
        ("Kopf", 2, Hints(heading=1)),
        ("Danach", 3, Hints(heading=1, number=1)),
    ]


def test_odt_formatting_reaches_links_fields_tails_and_notes_inside_them() -> None:
    inner = (
        "vor"
        '<text:a xlink:href="https://x.example/">Seite</text:a>'
        "<text:date>09.03.2023</text:date>"
        "<text:tab/>"
        "<text:s/>"
        "nach"
        "<text:note><text:note-body><text:p>Fußnote im Span</text:p></text:note-body></text:note>"
        '<text:a xlink:href="https://y.example/">Link<text:note><text:note-body>'
        "<text:p>Fußnote im Link</text:p></text:note-body></text:note></text:a>"
        "<text:meta>Feld<text:note><text:note-body><text:p>Fußnote im Feld</text:p>"
        "</text:note-body></text:note></text:meta>"
    )
    body = "<text:p>" + span("FU", inner) + "</text:p>"
    document = opendoc(body, automatic=ODF_TEXT_STYLES)
    first, *notes = document.blocks
    assert runs([first]) == [
        [
            ("vor", True, True),
            ("[", True, True),
            ("Seite", True, True),
            ("](https://x.example/)", True, True),
            ("09.03.2023", True, True),
            (" ", True, True),
            ("", True, True),  # squeezed into the tab's space
            ("nach", True, True),
            ("[", True, True),
            ("Link", True, True),
            ("](https://y.example/)", True, True),
            ("Feld", True, True),
        ]
    ]
    assert [t for t, _n, _h in lines_of(notes)] == [
        "Fußnote im Span",
        "Fußnote im Link",
        "Fußnote im Feld",
    ]


def test_odt_paragraph_text_and_tails_keep_bold_apart_from_underline() -> None:
    automatic = ODF_TEXT_STYLES + (
        '<style:style style:name="PF" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="PU" style:family="paragraph">'
        '<style:text-properties style:text-underline-style="solid"/></style:style>'
    )
    body = (
        '<text:p text:style-name="PF">fett<text:tab/>nach<text:s/>'
        "<text:date>1.2.2023</text:date></text:p>"
        '<text:p text:style-name="PU">unter<text:tab/>nach</text:p>'
    )
    assert odt_runs(body, automatic=automatic) == [
        [
            ("fett", True, False),
            (" ", True, False),
            ("nach", True, False),
            (" ", True, False),
            ("1.2.2023", True, False),
        ],
        [("unter", False, True), (" ", False, True), ("nach", False, True)],
    ]


def test_odt_an_undefined_paragraph_style_still_means_what_its_name_says() -> None:
    body = '<text:p text:style-name="Sprecher">Kathrin Krug:</text:p><text:p>Text</text:p>'
    assert odt_lines(body) == [("Kathrin Krug:", 1, BOLD), ("Text", 2, PLAIN)]


def test_odt_table_cells_with_lists_and_pictures_before_and_in_the_table() -> None:
    picture = "<draw:frame><draw:image/></draw:frame>"
    body = (
        f"<text:p>Vorher{picture}</text:p>"
        "<table:table><table:table-row><table:table-cell>"
        + text_list(item("eins"), item("zwei"))
        + f"</table:table-cell><table:table-cell><text:p>B{picture}</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    document = opendoc(body, automatic=LIST_STYLES)
    assert document.images == 2
    assert [b.cells for b in document.blocks if isinstance(b, Row)] == [("1. eins 2. zwei", "B")]


def test_word_pictures_before_and_in_a_table_add_up() -> None:
    body = p(r("Vorher", extra=PICTURE)) + tbl(tr("<w:tc>" + p(r("A", extra=PICTURE)) + "</w:tc>"))
    assert word(body).images == 2


def test_word_symbol_codes_at_the_edges() -> None:
    body = p(
        r("", extra='<w:sym w:char="E000"/>'),  # private use: a character
        r("", extra='<w:sym w:char="DBFF"/>'),  # half a surrogate pair
        r("", extra='<w:sym w:char="0000041"/>'),  # seven digits: not read
        r("", extra='<w:sym w:char="000041"/>'),
        r("", extra='<w:sym w:char="0X42"/>'),  # no hex digits
    )
    assert word_texts(body) == ["\ue000A"]


def test_word_field_instruction_pieces_add_up_even_after_an_empty_one() -> None:
    body = p(
        fld("begin"),
        "<w:r><w:instrText/></w:r>",
        instr("HYPERLINK "),
        "<w:r><w:instrText/></w:r>",
        instr('"https://x.example/"'),
        fld("separate"),
        r("Seite"),
        fld("end"),
    )
    assert word_texts(body) == ["[Seite](https://x.example/)"]


def test_word_a_whole_field_in_one_run() -> None:
    run = (
        '<w:r><w:fldChar w:fldCharType="begin"/>'
        '<w:instrText>HYPERLINK "https://x.example/"</w:instrText>'
        "<w:t>unsichtbar</w:t><w:tab/>"
        '<w:fldChar w:fldCharType="separate"/><w:t>Seite</w:t>'
        '<w:fldChar w:fldCharType="end"/><w:t> danach</w:t></w:r>'
    )
    assert word_texts(p(run)) == ["[Seite](https://x.example/) danach"]


def test_every_paragraph_with_text_is_one_blank_line_and_its_lines() -> None:
    body = "<text:p>Eins</text:p><text:p/><text:p>Drei<text:line-break/>vier</text:p>"
    lines = document_lines(opendoc(body).blocks)
    assert [(x.text, x.number) for x in lines] == [
        ("", 1),
        ("Eins", 1),
        ("", 3),
        ("Drei", 3),
        ("vier", 3),
    ]


def test_warnings_come_in_order_images_layout_fallback_date() -> None:
    core = "<dcterms:created>2023-04-13T10:00:00Z</dcterms:created>"
    body = p(r("Protokoll AG Wohnen")) + p(r("Plakat", extra=PICTURE))
    protocol = read_docx(docx(body, core=core), "ag.docx")
    assert [d.message for d in protocol.diagnostics] == [
        "1 Bild(er) im Dokument nicht übernommen (nur Text).",
        NO_DATE,
        "Datum aus den Dokumenteigenschaften übernommen (erstellt am: 13.04.2023); bitte prüfen "
        "und in die Titelzeile schreiben.",
    ]
    assert all(d.source == "ag.docx" for d in protocol.diagnostics)


def test_a_presenter_paragraph_at_the_very_start_is_a_paragraph_of_its_own() -> None:
    body = p(r("Kathrin Krug"), ppr=pstyle("Vortragende")) + p(r("Text"))
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [
        ("Kathrin Krug", 1, PLAIN),
        ("Text", 2, PLAIN),
    ]


def test_word_notes_of_a_paragraph_with_a_deleted_mark_follow_the_joined_paragraph() -> None:
    """The paragraph joins the next one; its notes and text boxes follow that joined paragraph.
    The reader read them at once, so the next note's paragraph took the pending text: "Erst
    Notiz", then "dann"."""
    footnotes = (
        '<w:footnote w:id="1">' + p(r("Notiz")) + "</w:footnote>"
        '<w:footnote w:id="2">' + p(r("Zweite")) + "</w:footnote>"
    )
    body = (
        p(r("Erst ", extra='<w:footnoteReference w:id="1"/>'), ppr=DELETED_MARK)
        + p(r("dann", extra='<w:footnoteReference w:id="2"/>'))
        + p(r("Box ", extra=textbox(p(r("im Kasten")))), ppr=DELETED_MARK)
        + p(r("und Text"))
    )
    assert word_texts(body, footnotes=footnotes) == [
        "Erst dann",
        "Notiz",
        "Zweite",
        "Box und Text",
        "im Kasten",
    ]
    # at the end of the document too
    end = p(r("Schluss", extra='<w:footnoteReference w:id="1"/>'), ppr=DELETED_MARK)
    assert word_texts(end, footnotes=footnotes) == ["Schluss", "Notiz"]


def test_word_meta_paragraphs_are_neither_headings_nor_list_items() -> None:
    styles = PARAGRAPH_STYLES + style(
        "TitelKopf", name="Titel", inner='<w:basedOn w:val="Heading1"/>'
    )
    body = (
        p(r("Protokoll"), ppr=pstyle("TitelKopf"))
        + p(r("Protokoll 2"), ppr=pstyle("MeinTitel") + numpr("1", 0))
        + p(r("Text"))
    )
    blocks = [b for b in word(body, styles=styles, numbering=NUMBERING).blocks]
    assert [
        (b.meta, b.heading, b.list_level, b.label) for b in blocks if isinstance(b, Paragraph)
    ] == [("title", None, None, None), ("title", None, None, None), (None, None, None, None)]


def test_word_an_empty_title_paragraph_at_the_start_counts() -> None:
    body = p(ppr=pstyle("MeinTitel")) + p(r("Text"))
    assert word_lines(body, styles=PARAGRAPH_STYLES) == [("Text", 2, PLAIN)]


def test_word_metadata_goes_on_after_a_note_of_its_own() -> None:
    styles = PARAGRAPH_STYLES + style("Untertitel", name="Subtitle")
    footnotes = '<w:footnote w:id="1">' + p(r("Notiz")) + "</w:footnote>"
    body = p(r("Titel", extra='<w:footnoteReference w:id="1"/>'), ppr=pstyle("MeinTitel")) + p(
        r("Untertitel"), ppr=pstyle("Untertitel")
    )
    blocks = word(body, styles=styles, footnotes=footnotes).blocks
    assert [b.meta for b in blocks if isinstance(b, Paragraph)] == ["title", None, "subtitle"]


def test_word_hyperlink_relationship_without_a_target_is_just_the_label() -> None:
    rels = f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}"/>'
    body = p('<w:hyperlink r:id="rId1">' + r("Satzung") + "</w:hyperlink>")
    assert word_texts(body, rels=rels) == ["Satzung"]


def test_word_document_without_a_body_is_empty() -> None:
    data = zip_of(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": f"<w:document {W_NAMESPACES}/>".encode(),
        }
    )
    document = wordml.read_package(Package(data, "leer.docx"))
    assert (document.blocks, document.images, document.date_texts, document.created) == (
        [],
        0,
        [],
        None,
    )


def test_word_notes_of_other_types_are_left_out() -> None:
    footnotes = (
        '<w:footnote w:type="continuationSeparator" w:id="0">' + p(r("WEITER")) + "</w:footnote>"
        '<w:footnote w:type="continuationNotice" w:id="2">' + p(r("HINWEIS")) + "</w:footnote>"
    )
    body = p(
        r("Text"),
        r("", extra='<w:footnoteReference w:id="0"/><w:footnoteReference w:id="2"/>'),
    )
    assert word_texts(body, footnotes=footnotes) == ["Text"]


def test_word_notes_inside_links_fields_changes_and_controls_follow_the_paragraph() -> None:
    footnotes = "".join(
        f'<w:footnote w:id="{n}">' + p(r(f"Notiz {n}")) + "</w:footnote>" for n in range(1, 6)
    )

    def ref(n: int) -> str:
        return r(str(n), extra=f'<w:footnoteReference w:id="{n}"/>')

    rels = f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}" Target="https://x.example/"/>'
    body = p(
        '<w:hyperlink r:id="rId1">' + ref(1) + "</w:hyperlink>",
        '<w:fldSimple w:instr=" PAGE ">' + ref(2) + "</w:fldSimple>",
        "<w:ins>" + ref(3) + "</w:ins>",
        "<w:sdt><w:sdtContent>" + ref(4) + "</w:sdtContent></w:sdt>",
        "<mc:AlternateContent><mc:Choice>" + ref(5) + "</mc:Choice></mc:AlternateContent>",
    )
    assert word_texts(body, footnotes=footnotes, rels=rels) == [
        "[1](https://x.example/)2345",
        "Notiz 1",
        "Notiz 2",
        "Notiz 3",
        "Notiz 4",
        "Notiz 5",
    ]


def test_word_endnotes_without_footnotes() -> None:
    endnotes = '<w:endnote w:id="1">' + p(r("Endnote")) + "</w:endnote>"
    body = p(r("Text", extra='<w:endnoteReference w:id="1"/>'))
    assert word_texts(body, endnotes=endnotes) == ["Text", "Endnote"]


def test_word_relationships_without_a_type_are_no_links() -> None:
    rels = (
        '<Relationship Id="rId0" Target="https://falsch.example/"/>'
        f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}" Target="https://x.example/"/>'
    )
    body = p('<w:hyperlink r:id="rId0">' + r("A") + "</w:hyperlink>") + p(
        '<w:hyperlink r:id="rId1">' + r("B") + "</w:hyperlink>"
    )
    assert word_texts(body, rels=rels) == ["A", "[B](https://x.example/)"]


def test_readers_name_a_document_without_a_source() -> None:
    picture_docx = docx(p(r("Protokoll AG 1.2.2023")) + p(r("A", extra=PICTURE)))
    assert [d.source for d in read_docx(picture_docx).diagnostics] == ["<docx>"]
    picture_odt = odt(
        "<text:p>Protokoll AG 1.2.2023</text:p><text:p><draw:frame><draw:image/></draw:frame>"
        "</text:p>"
    )
    assert [d.source for d in read_odt(picture_odt).diagnostics] == ["<odt>"]
    undated = read_odt(odt("<text:p>Protokoll AG</text:p>"))
    assert [(d.message, d.source) for d in undated.diagnostics] == [(NO_DATE, "<odt>")]
    undated_docx = read_docx(docx(p(r("Protokoll AG"))))
    assert [(d.message, d.source) for d in undated_docx.diagnostics] == [(NO_DATE, "<docx>")]


def test_odt_paragraph_and_list_styles_of_the_same_name_are_both_read() -> None:
    """Style names are per family: LibreOffice has a paragraph style and a list style "List 1"
    (``List_20_1``) alike; neither hides the other."""
    styles = (
        '<style:style style:name="List_20_1" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<text:list-style style:name="List_20_1">'
        '<text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>'
        '<text:list-style style:name="List_20_2">'
        '<text:list-level-style-number text:level="1" style:num-format="a"/></text:list-style>'
        '<style:style style:name="List_20_2" style:family="paragraph">'
        '<style:text-properties style:text-underline-style="solid"/></style:style>'
    )
    body = (
        '<text:list text:style-name="List_20_1"><text:list-item>'
        '<text:p text:style-name="List_20_1">eins</text:p></text:list-item></text:list>'
        '<text:list text:style-name="List_20_2"><text:list-item>'
        '<text:p text:style-name="List_20_2">zwei</text:p></text:list-item></text:list>'
    )
    assert odt_lines(body, styles=styles) == [
        ("1. eins", 1, Hints(bold=True, list_level=0)),
        ("a. zwei", 2, Hints(underline=True, list_level=0)),
    ]


def test_odt_a_cycle_of_automatic_styles_names_no_style() -> None:
    automatic = (
        '<style:style style:name="Strong" style:family="paragraph"'
        ' style:parent-style-name="Fett"/>'
        '<style:style style:name="Fett" style:family="paragraph"'
        ' style:parent-style-name="Strong"/>'
    )
    assert odt_lines('<text:p text:style-name="Strong">Text</text:p>', automatic=automatic) == [
        ("Text", 1, PLAIN)
    ]


def test_a_document_without_text_is_refused_as_empty() -> None:
    for reader, data in ((read_docx, docx(p())), (read_odt, odt("<text:p/>"))):
        with pytest.raises(ParseError, match="Die Datei ist leer") as info:
            reader(data, "leer")
        assert info.value.diagnostics[0].source == "leer"


def test_a_first_bold_paragraph_is_no_title_with_a_protocol_line_right_below() -> None:
    body = p(r("Stadtteiltisch 10.11.2022", "<w:b/>")) + p(r("Protokoll der AG"))
    assert titled(body) == [("Stadtteiltisch 10.11.2022", False), ("Protokoll der AG", False)]


def test_word_date_paragraph_of_several_runs() -> None:
    styles = style("Datum", name="Date")
    body = p(r("am "), r("2023-03-07", "<w:b/>"), ppr=pstyle("Datum"))
    assert word(body, styles=styles).date_texts == ["am 2023-03-07"]


def test_word_hidden_run_still_ends_a_field() -> None:
    body = p(
        fld("begin"),
        instr('HYPERLINK "https://x.example/"'),
        fld("separate"),
        r("Seite"),
        r("GEHEIM", "<w:vanish/>", '<w:fldChar w:fldCharType="end"/>'),
        r(" danach"),
    )
    assert word_texts(body) == ["[Seite](https://x.example/) danach"]


def test_word_table_cells_read_styles_links_and_notes() -> None:
    styles = style("Fett", "character", inner="<w:rPr><w:vanish/></w:rPr>")
    rels = f'<Relationship Id="rId1" Type="{HYPERLINK_TYPE}" Target="https://x.example/"/>'
    footnotes = '<w:footnote w:id="1">' + p(r("Notiz")) + "</w:footnote>"
    cell = (
        "<w:tc>"
        + p(
            r("Sichtbar "),
            r("GEHEIM", '<w:rStyle w:val="Fett"/>'),
            '<w:hyperlink r:id="rId1">' + r("Link") + "</w:hyperlink>",
            r("", extra='<w:footnoteReference w:id="1"/>'),
        )
        + "</w:tc>"
    )
    blocks = word(tbl(tr(cell)), styles=styles, rels=rels, footnotes=footnotes).blocks
    assert [b.cells for b in blocks if isinstance(b, Row)] == [
        ("Sichtbar [Link](https://x.example/) Notiz",)
    ]


def test_word_numbered_paragraphs_in_a_table_in_a_footnote_are_not_counted() -> None:
    cell = "<w:tc>" + p(r("in der Notiz"), ppr=numpr("1", 0)) + "</w:tc>"
    footnotes = '<w:footnote w:id="1">' + tbl(tr(cell)) + "</w:footnote>"
    body = p(r("A", extra='<w:footnoteReference w:id="1"/>')) + p(r("eins"), ppr=numpr("1", 0))
    assert word_texts(body, numbering=NUMBERING, footnotes=footnotes) == [
        "A",
        "in der Notiz",
        "1. eins",
    ]


def test_word_heading_rows_at_the_edges() -> None:
    header = "<w:tblHeader/>"
    assert [h for _c, h in rows_of(tbl(tr(tc("A"), props=header)))] == [True]
    # a continuing merge in the first row makes no heading row
    first = tbl(tr(tc("A", "<w:vMerge/>")), tr(tc("B")))
    assert [h for _c, h in rows_of(first)] == [False, False]
    # the heading row's merge covers one row, not the ones after it
    one = tbl(
        tr(tc("Kopf", '<w:vMerge w:val="restart"/>'), tc("A"), props=header),
        tr(tc("", "<w:vMerge/>"), tc("B")),
        tr(tc("C"), tc("D")),
        tr(tc("E", '<w:vMerge w:val="restart"/>'), tc("F")),
        tr(tc("", "<w:vMerge/>"), tc("G")),
    )
    assert [h for _c, h in rows_of(one)] == [True, True, False, False, False]


def test_word_notes_with_bookmarks_and_comment_marks_inside() -> None:
    footnotes = (
        '<w:footnote w:id="1">'
        + p('<w:bookmarkStart w:id="1" w:name="x"/>', r("Notiz"), '<w:bookmarkEnd w:id="1"/>')
        + "</w:footnote>"
    )
    body = p(r("Text", extra='<w:footnoteReference w:id="1"/>'))
    assert word_texts(body, footnotes=footnotes) == ["Text", "Notiz"]


def test_entity_loops_and_bombs_are_named_as_such() -> None:
    from protokollkit.readers.xml import parse

    bomb = (
        "Die Datei ist beschädigt: „x.xml“ enthält sich vervielfachende XML-Entitäten"
        " (eine XML-Bombe?)."
    )
    loop = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><r>&a;</r>'
    entities = '<!ENTITY a "AAAAAAAAAA">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    laughs = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&i;</r>'.encode()
    for document in (loop, laughs):
        with pytest.raises(ParseError) as info:
            parse(document, "x.xml", "quelle")
        assert [(d.message, d.source) for d in info.value.diagnostics] == [(bomb, "quelle")]


def test_line_breaks_and_blanks_make_no_empty_lines() -> None:
    body = p(r("a", extra="<w:br/>"), r(" "), r(" "), r("", extra="<w:br/>"), r("b"))
    assert [(x.text, x.number) for x in document_lines(word(body).blocks)] == [
        ("", 1),
        ("a", 1),
        ("b", 1),
    ]


def test_every_line_break_in_a_list_item_continues_it() -> None:
    body = p(r("a", extra="<w:br/>"), r("b", extra="<w:br/>"), r("c"), ppr=numpr("1", 0))
    assert word_texts(body, numbering=NUMBERING) == ["1. a", "    b", "    c"]
