"""Each counting rule of :mod:`protokollkit.readers.numbering`, on small hand-written XML.

The fixtures of ``test_numbering.py`` show that real LibreOffice and Word files come out with
the numbers those programs show. Here every rule the module documents is pinned on its own, in
the few lines of Word or ODF XML that make it matter: which paragraph is numbered (its own
``w:numPr``, its style's, the default style's, ``numId`` 0), at which level (the paragraph's,
the style's, the level that names the style), from which start (``w:start``,
``w:startOverride``, a redefined level, a ``w:numStyleLink``), what a level shows (bullets,
``none``, a ``w:lvlText`` without the number), how tracked changes count, and the same for
LibreOffice's outline numbering.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from protokollkit.diagnostics import ParseError
from protokollkit.readers.numbering import Numbers, WordCounter, heading_numbers
from protokollkit.readers.xml import parse

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


# --- Word -----------------------------------------------------------------------------------


def w_styles(*styles: str) -> str:
    return f'<w:styles xmlns:w="{W_NS}">{"".join(styles)}</w:styles>'


def w_style(
    style_id: str | None,
    name: str | None = None,
    *,
    based_on: str | None = None,
    num: str | None = None,
    ilvl: int | None = None,
    kind: str = "paragraph",
    default: str | None = None,
) -> str:
    attributes = f' w:type="{kind}"'
    if style_id is not None:
        attributes += f' w:styleId="{style_id}"'
    if default is not None:
        attributes += f' w:default="{default}"'
    inner = f'<w:name w:val="{name}"/>' if name is not None else ""
    if based_on is not None:
        inner += f'<w:basedOn w:val="{based_on}"/>'
    if num is not None or ilvl is not None:
        inner += f"<w:pPr>{num_pr(num, ilvl)}</w:pPr>"
    return f"<w:style{attributes}>{inner}</w:style>"


def num_pr(num: str | None, ilvl: int | str | None = None) -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    number = f'<w:numId w:val="{num}"/>' if num is not None else ""
    return f"<w:numPr>{level}{number}</w:numPr>"


def lvl(
    ilvl: int | None,
    *,
    start: int | None = None,
    fmt: str | None = "decimal",
    text: str | None = None,
    style: str | None = None,
) -> str:
    inner = f'<w:start w:val="{start}"/>' if start is not None else ""
    if fmt is not None:
        inner += f'<w:numFmt w:val="{fmt}"/>'
    if text is not None:
        inner += f'<w:lvlText w:val="{text}"/>'
    if style is not None:
        inner += f'<w:pStyle w:val="{style}"/>'
    level = f' w:ilvl="{ilvl}"' if ilvl is not None else ""
    return f"<w:lvl{level}>{inner}</w:lvl>"


def abstract(abstract_id: str, *levels: str, link: str | None = None) -> str:
    inner = "".join(levels) + (f'<w:numStyleLink w:val="{link}"/>' if link else "")
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{inner}</w:abstractNum>'


def num(num_id: str, abstract_id: str, *overrides: str) -> str:
    inner = f'<w:abstractNumId w:val="{abstract_id}"/>{"".join(overrides)}'
    return f'<w:num w:numId="{num_id}">{inner}</w:num>'


def override(ilvl: int, *, start: int | None = None, level: str = "") -> str:
    inner = (f'<w:startOverride w:val="{start}"/>' if start is not None else "") + level
    return f'<w:lvlOverride w:ilvl="{ilvl}">{inner}</w:lvlOverride>'


def w_numbering(*definitions: str) -> str:
    return f'<w:numbering xmlns:w="{W_NS}">{"".join(definitions)}</w:numbering>'


def para(text: str = "Punkt", style: str | None = None, numbering: str = "", rpr: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style is not None else ""
    ppr += numbering + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def docx_numbers(body: str, styles: str = "", numbering: str = "") -> Numbers:
    parts = {
        "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    }
    if styles:
        parts["word/styles.xml"] = styles
    if numbering:
        parts["word/numbering.xml"] = numbering
    return heading_numbers(_zip(parts), "docx", "regel.docx")


HEADING = w_style("Heading1", "heading 1")
DECIMAL = abstract("1", lvl(0), lvl(1))
"""An abstract numbering with a decimal level 0 and 1, used by num 1."""


def counter(styles: str = "", numbering: str = "") -> WordCounter:
    return WordCounter(
        parse(styles.encode(), "styles", "t") if styles else None,
        parse(numbering.encode(), "numbering", "t") if numbering else None,
    )


def counted(wc: WordCounter, *paragraphs: str) -> list[tuple[int, int, bool] | None]:
    """(level, number, shown) of each paragraph as the counter sees it in document order."""
    result: list[tuple[int, int, bool] | None] = []
    for paragraph in paragraphs:
        element = parse(f'<w:body xmlns:w="{W_NS}">{paragraph}</w:body>'.encode(), "d", "t")[0]
        found = wc.count(element.find(f"{{{W_NS}}}pPr"))
        result.append(None if found is None else (found.ilvl, found.number, found.level.shown))
    return result


def test_all_nums_of_one_abstract_continue_one_count_and_an_override_restarts_it() -> None:
    numbering = w_numbering(
        DECIMAL, num("1", "1"), num("2", "1", override(0, start=10)), num("3", "1")
    )
    body = "".join(
        para(f"TOP {i}", "Heading1", num_pr(n, 0)) for i, n in enumerate("12213", start=1)
    )
    # num 2 restarts at 10 where it is first used only; num 1 and 3 go on with the same count
    assert docx_numbers(body, w_styles(HEADING), numbering) == [1, 10, 11, 12, 13]


def test_the_level_start_is_the_first_number() -> None:
    numbering = w_numbering(abstract("1", lvl(0, start=3)), num("1", "1"))
    body = para("A", "Heading1", num_pr("1", 0)) * 2
    assert docx_numbers(body, w_styles(HEADING), numbering) == [3, 4]


def test_a_deeper_level_counts_from_its_start_again_under_each_higher_entry() -> None:
    wc = counter(numbering=w_numbering(DECIMAL, num("1", "1")))
    top, sub = para(numbering=num_pr("1", 0)), para(numbering=num_pr("1", 1))
    assert counted(wc, top, sub, sub, top, sub) == [
        (0, 1, True), (1, 1, True), (1, 2, True), (0, 2, True), (1, 1, True),
    ]  # fmt: skip


@pytest.mark.parametrize(("written", "level"), [("12", 8), ("-1", 0), ("x", 0), ("8", 8)])
def test_levels_outside_word_s_nine_are_clamped(written: str, level: int) -> None:
    wc = counter(numbering=w_numbering(DECIMAL, num("1", "1")))
    assert counted(wc, para(numbering=num_pr("1", written))) == [(level, 1, True)]


@pytest.mark.parametrize(
    ("level", "shown"),
    [
        (lvl(0, fmt="bullet", text="•"), False),
        (lvl(0, fmt="none", text=""), False),
        (lvl(0, text="Teil A"), False),  # the text does not show the level's number
        (lvl(0, text="(%1)"), True),
        (lvl(0, fmt=None), True),  # no format: decimal
        (lvl(0, fmt=None, text=None), True),
    ],
)
def test_what_a_level_shows(level: str, shown: bool) -> None:
    numbering = w_numbering(abstract("1", level), num("1", "1"))
    body = para("Bericht", "Heading1", num_pr("1", 0))
    assert docx_numbers(body, w_styles(HEADING), numbering) == [1 if shown else None]


def test_a_level_without_text_or_format_is_decimal_with_its_number_and_a_dot() -> None:
    wc = counter(
        numbering=w_numbering(abstract("1", lvl(0, fmt=None), lvl(1, fmt=None)), num("1", "1"))
    )
    for ilvl in (0, 1):
        element = parse(f'<w:pPr xmlns:w="{W_NS}">{num_pr("1", ilvl)}</w:pPr>'.encode(), "d", "t")
        found = wc.count(element)
        assert found is not None
        assert (found.num_id, found.level.format, found.level.text) == (
            "1",
            "decimal",
            f"%{ilvl + 1}.",
        )


def test_a_level_with_no_definition_counts_from_one() -> None:
    # abstract 1 defines level 0 only; level 3 has no w:lvl
    wc = counter(numbering=w_numbering(abstract("1", lvl(0, start=5)), num("1", "1")))
    assert counted(wc, para(numbering=num_pr("1", 3)), para(numbering=num_pr("1", 0))) == [
        (3, 1, True),
        (0, 5, True),
    ]


def test_levels_are_found_by_their_ilvl_attribute() -> None:
    # listed out of order, and a w:lvl without ilvl is level 0 (its text "%1.")
    numbering = w_numbering(
        abstract("1", lvl(1, start=7), lvl(None, start=4, fmt="")), num("1", "1")
    )
    wc = counter(numbering=numbering)
    assert counted(wc, para(numbering=num_pr("1", 0)), para(numbering=num_pr("1", 1))) == [
        (0, 4, True),
        (1, 7, True),
    ]
    first = wc.numbering.abstract_level("1", 0)
    assert (first.format, first.text) == ("decimal", "%1.")  # an empty format is decimal


def test_num_id_0_and_unknown_ids_are_not_numbered() -> None:
    styles = w_styles(w_style("Heading1", "heading 1", num="1"))
    numbering = w_numbering(
        '<w:num w:numId="9"/>', DECIMAL, num("0", "1"), num("1", "1"), num("5", "99")
    )
    body = (
        para("A", "Heading1")
        + para("B", "Heading1", num_pr("0"))  # numId 0: "not numbered" over the style's
        + para("C", "Heading1", num_pr("7"))  # no such num
        + para("D", "Heading1", num_pr("9"))  # a num without its abstract
        + para("E", "Heading1")
        + para("F", "Heading1", num_pr("5"))  # an abstract that is not there: from 1
    )
    assert docx_numbers(body, styles, numbering) == [1, None, None, None, 2, 1]


def test_numbering_and_heading_level_come_through_based_on() -> None:
    styles = w_styles(
        w_style("Heading1", "heading 1", num="1", ilvl=0),
        w_style("TOP", "TOP-Überschrift", based_on="Heading1"),
        w_style("TOProt", "TOP rot", based_on="TOP"),
        w_style("Loop", "Schleife", based_on="Loop"),  # a cycle is cut
    )
    numbering = w_numbering(DECIMAL, num("1", "1"))
    body = para("A", "TOProt") + para("B", "TOP") + para("C", "Loop") + para("D", "Heading1")
    assert docx_numbers(body, styles, numbering) == [1, 2, 3]


@pytest.mark.parametrize("flag", ["1", "true", "on"])
def test_a_paragraph_without_style_takes_the_default_style_s_numbering(flag: str) -> None:
    styles = w_styles(
        w_style("Standard", "Normal", num="1", default=flag), w_style("Body", "Body Text")
    )
    wc = counter(styles, w_numbering(DECIMAL, num("1", "1")))
    assert wc.default_style == "Standard"
    assert counted(wc, para(), para(style="Body"), para()) == [(0, 1, True), None, (0, 2, True)]


def test_a_default_flag_that_is_off_names_no_default() -> None:
    styles = w_styles(w_style("Standard", "Normal", num="1", default="0"))
    assert counter(styles, w_numbering(DECIMAL, num("1", "1"))).default_style is None


def test_the_level_comes_from_the_paragraph_then_the_style_then_the_level_naming_the_style() -> (
    None
):
    styles = w_styles(
        w_style("Heading1", "heading 1", num="1"),
        w_style("Heading2", "heading 2", num="1"),
        w_style("Sub", "Unterpunkt", num="1", ilvl=1),
    )
    numbering = w_numbering(
        abstract("1", lvl(0, style="Heading1"), lvl(1, start=4, style="Heading2")), num("1", "1")
    )
    wc = counter(styles, numbering)
    assert counted(
        wc,
        para(style="Heading1"),
        para(style="Heading2"),  # level 1: the abstract's w:lvl names Heading2
        para(style="Sub"),  # level 1: the style's own ilvl
        para(style="Heading2", numbering=num_pr(None, 0)),  # the paragraph's ilvl wins
        para(style="Sub", numbering=num_pr(None, "x")),  # even when it is no number: 0
    ) == [(0, 1, True), (1, 4, True), (1, 5, True), (0, 2, True), (0, 3, True)]


def test_a_paragraph_numbered_without_level_anywhere_is_level_0() -> None:
    wc = counter(w_styles(w_style("Liste", "Liste")), w_numbering(DECIMAL, num("1", "1")))
    assert counted(wc, para(style="Liste", numbering=num_pr("1"))) == [(0, 1, True)]


def test_a_num_style_link_takes_the_levels_of_the_linked_style_s_numbering() -> None:
    styles = w_styles(HEADING, w_style("TOPListe", "TOP-Liste", num="2"))
    numbering = w_numbering(
        abstract("1", link="TOPListe"),
        abstract("2", lvl(0, start=4)),
        num("1", "1"),
        num("2", "2"),
    )
    body = para("A", "Heading1", num_pr("1", 0)) + para("B", "Heading1", num_pr("2", 0))
    # both count in abstract 2: one list
    assert docx_numbers(body, styles, numbering) == [4, 5]


def test_a_num_style_link_to_an_unnumbered_style_keeps_the_own_levels() -> None:
    styles = w_styles(HEADING, w_style("Leer", "Leer", num="7"))
    numbering = w_numbering(abstract("1", lvl(0, start=2), link="Leer"), num("1", "1"))
    body = para("A", "Heading1", num_pr("1", 0))
    assert docx_numbers(body, styles, numbering) == [2]


@pytest.mark.parametrize(
    ("level_override", "numbers"),
    [
        (override(0, level=lvl(0, start=7)), [7, 8]),  # a redefined level with its start
        (override(0, start=9, level=lvl(0, start=7)), [9, 10]),  # startOverride wins
        (override(0, level=lvl(0)), [1, 2]),  # no start: counts on, not restarted
        (override(0, level=lvl(0, fmt="bullet", text="•")), [None, None]),
        (override(1, start=5), [1, 2]),  # another level's override
        (override(0, start=0), [0, 1]),
        ('<w:lvlOverride><w:startOverride w:val="5"/></w:lvlOverride>', [5, 6]),  # level 0
    ],
)
def test_level_overrides(level_override: str, numbers: list[int | None]) -> None:
    numbering = w_numbering(DECIMAL, num("1", "1", level_override))
    body = para("A", "Heading1", num_pr("1", 0)) * 2
    assert docx_numbers(body, w_styles(HEADING), numbering) == numbers


def test_a_start_override_without_value_restarts_at_1() -> None:
    numbering = w_numbering(
        DECIMAL, num("1", "1"), num("2", "1", override(0, level="<w:startOverride/>"))
    )
    body = para("A", "Heading1", num_pr("1", 0)) * 2 + para("B", "Heading1", num_pr("2", 0))
    assert docx_numbers(body, w_styles(HEADING), numbering) == [1, 2, 1]


def test_an_override_restarts_a_count_that_another_num_began() -> None:
    numbering = w_numbering(
        DECIMAL, num("1", "1"), num("2", "1", override(0, level=lvl(0, start=20)))
    )
    body = para("A", "Heading1", num_pr("1", 0)) * 2 + para("B", "Heading1", num_pr("2", 0))
    assert docx_numbers(body, w_styles(HEADING), numbering) == [1, 2, 20]


@pytest.mark.parametrize(
    ("style", "heading"),
    [
        (w_style("Heading1", "heading 1"), True),
        (w_style("berschrift1", "Überschrift 1"), True),
        (w_style("berschrift1", None), True),  # Word's id for "Überschrift 1"
        (w_style("Heading1", None), True),
        (w_style("berschrift1", "Eigene Überschrift"), True),  # the id says it
        (w_style("Titel1", "Heading 1"), True),
        (w_style("X", "heading 1", kind="character"), False),
        (w_style("Heading0", "heading 0"), False),
        (w_style("Heading2", "heading 2"), False),
        (w_style("Standard", "Normal"), False),
    ],
)
def test_which_styles_are_level_1_headings(style: str, heading: bool) -> None:
    style_id = style.split('w:styleId="')[1].split('"')[0]
    numbering = w_numbering(DECIMAL, num("1", "1"))
    body = para("A", style_id, num_pr("1", 0))
    assert docx_numbers(body, w_styles(style), numbering) == ([1] if heading else [])


def test_a_style_without_id_is_skipped_and_the_styles_after_it_count() -> None:
    styles = w_styles(w_style(None, "heading 1"), HEADING)
    numbering = w_numbering(DECIMAL, num("1", "1"))
    assert docx_numbers(para("A", "Heading1", num_pr("1", 0)), styles, numbering) == [1]


def test_tracked_changes_are_accepted_before_counting() -> None:
    deleted_mark = "<w:del w:id='1' w:author='a'/>"
    body = (
        para("A", "Heading1", num_pr("1", 0))
        + f"<w:del w:id='2' w:author='a'>{para('Gestrichen', 'Heading1', num_pr('1', 0))}</w:del>"
        + '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="1"/></w:numPr>'
        f"<w:rPr>{deleted_mark}</w:rPr></w:pPr><w:del w:id='3' w:author='a'><w:r><w:delText>"
        "Weg</w:delText></w:r></w:del></w:p>"  # mark and text deleted: gone
        + para("B", "Heading1", num_pr("1", 0), rpr=deleted_mark)  # mark only: joins, counts
        + para("", "Heading1", num_pr("1", 0))  # no text: counts, no entry
        + para(" ", "Heading1", num_pr("1", 0))  # blank text: the same
        + f"<w:ins w:id='4' w:author='a'>{para('Neu', 'Heading1', num_pr('1', 0))}</w:ins>"
        + f"<w:moveFrom w:id='5' w:author='a'>{para('Alt', 'Heading1', num_pr('1', 0))}"
        + "</w:moveFrom>"
    )
    numbering = w_numbering(DECIMAL, num("1", "1"))
    assert docx_numbers(body, w_styles(HEADING), numbering) == [1, 2, 5]


def test_text_inside_a_deletion_is_no_text() -> None:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr><w:del w:id='1' w:author='a'><w:r><w:t>Weg</w:t></w:r></w:del></w:p>"
        + para("A", "Heading1", num_pr("1", 0))
    )
    numbering = w_numbering(DECIMAL, num("1", "1"))
    assert docx_numbers(body, w_styles(HEADING), numbering) == [2]


def test_a_document_without_styles_numbering_or_body() -> None:
    assert docx_numbers(para("A")) == []
    assert (
        heading_numbers(_zip({"word/document.xml": f'<w:document xmlns:w="{W_NS}"/>'}), "docx")
        == []
    )


# --- ODT ------------------------------------------------------------------------------------

ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def outline(num_format: str = "1", start: int | None = None, name: str = "Outline") -> str:
    start_value = f' text:start-value="{start}"' if start is not None else ""
    return (
        f'<text:outline-style style:name="{name}">'
        '<text:outline-level-style text:level="2" style:num-format="a" text:start-value="9"/>'
        f'<text:outline-level-style text:level="1" style:num-format="{num_format}"{start_value}/>'
        "</text:outline-style>"
    )


def odt_style(name: str, parent: str | None = None, list_style: str | None = None) -> str:
    attributes = f' style:name="{name}" style:family="paragraph"'
    if parent is not None:
        attributes += f' style:parent-style-name="{parent}"'
    if list_style is not None:
        attributes += f' style:list-style-name="{list_style}"'
    return f"<style:style{attributes}/>"


def h(text: str = "Punkt", level: str | None = "1", style: str | None = None, **extra: str) -> str:
    attributes = f' text:outline-level="{level}"' if level is not None else ""
    if style is not None:
        attributes += f' text:style-name="{style}"'
    for key, value in extra.items():
        attributes += f' text:{key.replace("_", "-")}="{value}"'
    return f"<text:h{attributes}>{text}</text:h>"


def odt_numbers(body: str, styles: str | None = "", automatic: str = "") -> Numbers:
    content = (
        f"<office:document-content {ODF}><office:automatic-styles>{automatic}"
        f"</office:automatic-styles><office:body><office:text>{body}</office:text>"
        "</office:body></office:document-content>"
    )
    parts = {"content.xml": content}
    if styles is not None:
        parts["styles.xml"] = (
            f"<office:document-styles {ODF}><office:styles>{styles}</office:styles>"
            "</office:document-styles>"
        )
    return heading_numbers(_zip(parts), "odt", "regel.odt")


def test_odt_outline_numbering_counts_level_1_headings_from_its_start() -> None:
    body = h("A") + h("Unterpunkt", level="2") + h("B") + h("", level="1") + h("C", level=None)
    body += h(" <text:span> </text:span> ")  # only blanks: no text either
    # the empty heading counts but has no entry; no outline-level attribute means level 1
    assert odt_numbers(body, outline(start=3)) == [3, 4, 6]


def test_odt_outline_without_a_number_format_numbers_nothing() -> None:
    assert odt_numbers(h("A") + h("B"), outline(num_format="")) == [None, None]
    assert odt_numbers(h("A"), "") == [None]  # no outline style
    assert odt_numbers(h("A"), None) == [None]  # no styles.xml


def test_odt_unnumbered_headings_do_not_count() -> None:
    styles = outline() + odt_style("Ohne", list_style="") + odt_style("Andere", list_style="L1")
    styles += odt_style("Kind", parent="Ohne") + odt_style("Umriss", list_style="Outline")
    styles += '<style:style style:name="Zeichen" style:family="text" style:list-style-name=""/>'
    styles += '<style:style style:family="paragraph" style:list-style-name=""/>'  # no name
    body = (
        h("A")
        + h("Kopf", is_list_header="true")
        + h("Keine Liste", style="Ohne")
        + h("Andere Liste", style="Andere")
        + h("Geerbt", style="Kind")
        + h("B", style="Umriss")
        + h("C", is_list_header="false", style="Zeichen")  # a text style says nothing
        + "<text:list><text:list-item>" + h("In Liste") + "</text:list-item></text:list>"
        + h("D")
    )  # fmt: skip
    assert odt_numbers(body, styles) == [1, None, None, None, None, 2, 3, None, 4]


def test_odt_styles_from_content_and_a_parent_cycle() -> None:
    automatic = odt_style("P1", parent="Ohne") + odt_style("Kreis", parent="Kreis")
    styles = outline() + odt_style("Ohne", list_style="")
    body = h("A", style="P1") + h("B", style="Kreis") + h("C", style="Unbekannt")
    assert odt_numbers(body, styles, automatic) == [None, 1, 2]


def test_odt_restart_numbering_needs_the_restart_flag() -> None:
    body = (
        h("A")
        + h("B", start_value="7")  # start-value alone is ignored, as in LibreOffice
        + h("C", restart_numbering="true", start_value="10")
        + h("D")
        + h("E", restart_numbering="true")  # no start-value: the outline's start
    )
    assert odt_numbers(body, outline(start=2)) == [2, 3, 10, 11, 2]


def test_odt_deleted_text_comments_and_footnotes_are_not_headings() -> None:
    body = (
        "<text:tracked-changes><text:changed-region><text:deletion>"
        + h("Gelöscht")
        + "</text:deletion></text:changed-region></text:tracked-changes>"
        + h("A")
        + f"<text:p>Satz<office:annotation>{h('Kommentar')}</office:annotation>"
        + f"<text:note><text:note-body>{h('Fußnote')}</text:note-body></text:note></text:p>"
        + "<text:section>"
        + h("B")
        + "</text:section>"
    )
    assert odt_numbers(body, outline()) == [1, 2]


def test_odt_without_body_has_no_headings() -> None:
    content = f"<office:document-content {ODF}/>"
    assert heading_numbers(_zip({"content.xml": content}), "odt") == []


def test_errors_name_the_document_when_no_name_is_given() -> None:
    with pytest.raises(ParseError) as info:
        heading_numbers(b"kein zip", "docx")
    assert info.value.diagnostics[0].source == "<dokument>"
