"""The pandoc reader's AST walk, fed pandoc JSON ASTs directly: one branch each, no pandoc run.

The ASTs are small and hand-written in the shape ``pandoc -f html|rtf|docx -t json`` gives
(pandoc-types 1.23). What pandoc makes of a real document is tested in
``tests/readers/test_pandoc.py``; here the walk from the AST to paragraphs, rows and lines,
the dates from the document's properties, the checks before pandoc runs, its command line and
the German messages for its failures. The few tests that start a program run a small stand-in
script or pandoc on a page of a few bytes (milliseconds): the ``pandoc`` target of
``benchmarks/mutation.py`` runs this file for every mutant.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from protokollkit.diagnostics import Diagnostic, ParseError
from protokollkit.layout import Hints, Line
from protokollkit.readers import pandoc, read_bytes
from protokollkit.readers.office import BREAK, Paragraph, Row, Run, paragraph_text, protocol_of
from protokollkit.readers.pandoc import (
    PANDOC_FORMATS,
    Node,
    _HeadingNumbers,
    _Walker,
    ast_lines,
    document_date,
    hide_rtf_deletions,
    pandoc_command,
    pandoc_failure,
    pandoc_path,
    read_document,
    read_html,
    run_pandoc,
)
from protokollkit.safety import PASSWORD_MESSAGE
from tests.conftest import TESTS
from tests.readers import zip_of

# --- building ASTs ----------------------------------------------------------------------------

SPACE: Node = {"t": "Space"}
NO_ATTR: list[Any] = ["", [], []]


def words(text: str) -> list[Node]:
    """The inlines pandoc makes of a text: ``Str`` per word, ``Space`` between."""
    inlines: list[Node] = []
    for index, word in enumerate(text.split(" ")):
        if index:
            inlines.append(SPACE)
        inlines.append({"t": "Str", "c": word})
    return inlines


def para(*inlines: Node | str) -> Node:
    """A ``Para`` of inlines; a ``str`` stands for its words."""
    content: list[Node] = []
    for inline in inlines:
        content.extend(words(inline) if isinstance(inline, str) else [inline])
    return {"t": "Para", "c": content}


def plain(text: str) -> Node:
    return {"t": "Plain", "c": words(text)}


def header(level: int, text: str) -> Node:
    return {"t": "Header", "c": [level, NO_ATTR, words(text)]}


def div(blocks: list[Node], classes: list[str] | None = None, style: str | None = None) -> Node:
    pairs = [["custom-style", style]] if style else []
    return {"t": "Div", "c": [["", classes or [], pairs], blocks]}


def span(inlines: list[Node], style: str) -> Node:
    return {"t": "Span", "c": [["", [], [["custom-style", style]]], inlines]}


def inline(kind: str, content: Any = None) -> Node:
    return {"t": kind} if content is None else {"t": kind, "c": content}


def cell(*blocks: Node, rows: int = 1, columns: int = 1) -> list[Any]:
    return [NO_ATTR, {"t": "AlignDefault"}, rows, columns, list(blocks)]


def row(*cells: list[Any]) -> list[Any]:
    return [NO_ATTR, list(cells)]


def table(
    head: list[list[Any]],
    bodies: list[tuple[list[list[Any]], list[list[Any]]]],
    foot: list[list[Any]] | None = None,
    caption: list[Node] | None = None,
) -> Node:
    """A ``Table``: head rows, bodies (their head rows and rows), foot rows, caption blocks."""
    return {
        "t": "Table",
        "c": [
            NO_ATTR,
            [None, caption or []],
            [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]],
            [NO_ATTR, head],
            [[NO_ATTR, 0, body_head, body_rows] for body_head, body_rows in bodies],
            [NO_ATTR, foot or []],
        ],
    }


def walked(blocks: list[Node], **options: Any) -> _Walker:
    walker = _Walker("seite.html", **options)
    walker.walk(blocks)
    return walker


def runs_of(*inlines: Node) -> list[Run]:
    """The runs of a paragraph of these inlines."""
    [paragraph] = walked([para(*inlines)]).blocks
    assert isinstance(paragraph, Paragraph)
    return paragraph.runs


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines if line.text]


# --- blocks -----------------------------------------------------------------------------------


def test_para_and_plain_become_paragraphs_of_their_text() -> None:
    assert walked([para("Hallo Welt"), plain("kurz")]).blocks == [
        Paragraph([Run("Hallo Welt")]),
        Paragraph([Run("kurz")]),
    ]


def test_header_keeps_its_level() -> None:
    assert walked([header(2, "Aktuelles")]).blocks == [Paragraph([Run("Aktuelles")], heading=2)]


def test_level_one_headers_take_the_heading_numbers_in_order() -> None:
    walker = walked(
        [header(1, "Eins"), header(2, "Unter"), header(1, "Zwei")],
        headings=_HeadingNumbers([3, 7]),
    )
    assert [(b.heading, b.number) for b in walker.blocks if isinstance(b, Paragraph)] == [
        (1, 3),
        (2, None),
        (1, 7),
    ]


def test_an_empty_level_one_header_takes_no_number() -> None:
    walker = walked(
        [{"t": "Header", "c": [1, NO_ATTR, [SPACE]]}, header(1, "Eins")],
        headings=_HeadingNumbers([4]),
    )
    assert [(b.heading, b.number) for b in walker.blocks if isinstance(b, Paragraph)] == [
        (1, None),
        (1, 4),
    ]


def test_without_heading_numbers_a_level_one_header_has_none() -> None:
    assert walked([header(1, "Eins")]).blocks == [Paragraph([Run("Eins")], heading=1)]


def test_heading_numbers_run_out_quietly() -> None:
    numbers = _HeadingNumbers([5])
    assert (numbers.take(), numbers.take(), numbers.take()) == (5, None, None)


def test_a_header_in_an_aside_section_is_no_heading_and_takes_no_number() -> None:
    walker = walked(
        [div([header(1, "Termine")], classes=["Termine"]), header(1, "Eins")],
        headings=_HeadingNumbers([1]),
    )
    assert walker.blocks == [
        Paragraph([Run("Termine")]),
        Paragraph([Run("Eins")], heading=1, number=1),
    ]


def test_div_styles_mark_speaker_title_and_presenter() -> None:
    walker = walked(
        [
            div([para("Kathrin Krug")], style="Sprecher"),
            div([para("Protokoll AG 1.2.2023")], style=" Titel "),
            div([para("Ilona Eckhardt")], classes=["Vortragende"]),
            div([para("Frei")], style="Standard"),
        ]
    )
    assert walker.blocks == [
        Paragraph([Run("Kathrin Krug", bold=True)], bold_style=True),
        Paragraph([Run("Protokoll AG 1.2.2023")], title_style=True),
        Paragraph([Run("Ilona Eckhardt")], presenter=True),
        Paragraph([Run("Frei")]),
    ]


def test_presenter_style_name_in_a_docx_custom_style() -> None:
    walker = walked([div([para("Ilona Eckhardt")], style="Presenter")])
    assert walker.blocks == [Paragraph([Run("Ilona Eckhardt")], presenter=True)]


def test_other_attributes_of_a_div_change_nothing() -> None:
    node: Node = {"t": "Div", "c": [["x", ["fett"], [["lang", "Sprecher"]]], [para("Text")]]}
    assert walked([node]).blocks == [Paragraph([Run("Text")])]


def test_block_quote_is_walked_like_its_content() -> None:
    walker = walked([div([{"t": "BlockQuote", "c": [para("zitiert")]}], style="Sprecher")])
    assert walker.blocks == [Paragraph([Run("zitiert", bold=True)], bold_style=True)]


def test_bullet_list_items_get_their_level_and_nested_lists_the_next() -> None:
    nested = {"t": "BulletList", "c": [[plain("Unterpunkt")]]}
    walker = walked([{"t": "BulletList", "c": [[plain("Punkt"), nested], [para("Zweiter")]]}])
    assert walker.blocks == [
        Paragraph([Run("Punkt")], list_level=0),
        Paragraph([Run("Unterpunkt")], list_level=1),
        Paragraph([Run("Zweiter")], list_level=0),
    ]


def test_a_further_paragraph_of_an_item_continues_it() -> None:
    walker = walked([{"t": "BulletList", "c": [[para("Punkt"), para("weiter"), plain("noch")]]}])
    assert walker.blocks == [
        Paragraph([Run("Punkt")], list_level=0),
        Paragraph([Run("weiter")], continued=True),
        Paragraph([Run("noch")], continued=True),
    ]


def test_an_item_that_starts_with_a_list_walks_it_one_level_deeper() -> None:
    inner = {"t": "BulletList", "c": [[plain("tief")]]}
    walker = walked([{"t": "BulletList", "c": [[inner, plain("danach")]]}])
    assert walker.blocks == [
        Paragraph([Run("tief")], list_level=1),
        Paragraph([Run("danach")], continued=True),
    ]


def test_list_items_in_a_block_quote_keep_the_outer_level() -> None:
    quote = {"t": "BlockQuote", "c": [{"t": "BulletList", "c": [[plain("a")]]}]}
    walker = walked([{"t": "BulletList", "c": [[plain("Punkt"), quote]]}])
    assert walker.blocks == [
        Paragraph([Run("Punkt")], list_level=0),
        Paragraph([Run("a")], list_level=1),
    ]


@pytest.mark.parametrize(
    ("start", "number_style", "delimiter", "labels"),
    [
        (1, "Decimal", "Period", ["1.", "2."]),
        (3, "LowerAlpha", "OneParen", ["c)", "d)"]),
        (4, "UpperRoman", "TwoParens", ["(IV)", "(V)"]),
        (9, "DefaultStyle", "DefaultDelim", ["9.", "10."]),
    ],
)
def test_ordered_list_items_keep_their_numbers_as_shown(
    start: int, number_style: str, delimiter: str, labels: list[str]
) -> None:
    attributes = [start, {"t": number_style}, {"t": delimiter}]
    walker = walked([{"t": "OrderedList", "c": [attributes, [[plain("eins")], [plain("zwei")]]]}])
    assert walker.blocks == [
        Paragraph([Run("eins")], list_level=0, label=labels[0]),
        Paragraph([Run("zwei")], list_level=0, label=labels[1]),
    ]


def test_a_list_style_named_level_two_makes_a_second_level_point() -> None:
    item = div([div([para("Unterpunkt")], style="List Bullet 2")], style="Standard")
    walker = walked([{"t": "BulletList", "c": [[item]]}])
    assert walker.blocks == [Paragraph([Run("Unterpunkt")], list_level=1)]


def test_the_deeper_of_list_level_and_style_level_counts() -> None:
    item = div([para("tief")], style="Aufzählungszeichen 2")
    inner = {"t": "BulletList", "c": [[plain("a"), {"t": "BulletList", "c": [[item]]}]]}
    walker = walked([{"t": "BulletList", "c": [[plain("Punkt"), inner]]}])
    assert [b.list_level for b in walker.blocks if isinstance(b, Paragraph)] == [0, 1, 2]


def test_a_speaker_style_on_a_list_item_makes_it_bold() -> None:
    item = div([para("Kathrin Krug")], style="Sprecher")
    walker = walked([{"t": "BulletList", "c": [[item, div([para("mehr")], style="Sprecher")]]}])
    assert walker.blocks == [
        Paragraph([Run("Kathrin Krug", bold=True)], list_level=0, bold_style=True),
        Paragraph([Run("mehr", bold=True)], continued=True, bold_style=True),
    ]


def test_an_empty_div_in_a_list_item_is_no_paragraph() -> None:
    walker = walked([{"t": "BulletList", "c": [[div([]), plain("Text")]]}])
    assert walker.blocks == [Paragraph([Run("Text")], continued=True)]


def test_a_div_around_a_list_in_an_item_is_walked_as_a_list() -> None:
    inner = div([{"t": "BulletList", "c": [[plain("innen")]]}])
    walker = walked([{"t": "BulletList", "c": [[inner]]}])
    assert walker.blocks == [Paragraph([Run("innen")], list_level=1)]


def test_line_block_is_one_paragraph_with_hard_breaks() -> None:
    walker = walked([{"t": "LineBlock", "c": [words("erste Zeile"), words("zweite")]}])
    assert walker.blocks == [
        Paragraph([Run("erste Zeile"), BREAK, Run("zweite"), BREAK]),
    ]


def test_code_block_keeps_its_lines() -> None:
    walker = walked([{"t": "CodeBlock", "c": [NO_ATTR, "a = 1\nb = 2"]}])
    assert walker.blocks == [Paragraph([Run("a = 1"), BREAK, Run("b = 2"), BREAK])]


def test_table_rows_become_rows_head_rows_marked() -> None:
    node = table(
        head=[row(cell(plain("Name")), cell(plain("Einrichtung")))],
        bodies=[
            ([row(cell(plain("Zwischenkopf")))], [row(cell(plain("Lea")), cell(plain("SBZ")))]),
            ([], [row(cell(plain("Tom"), plain("Sommer")), cell())])],
        foot=[row(cell(plain("Summe")))],
        caption=[plain("Teilnehmende")],
    )  # fmt: skip
    assert walked([node]).blocks == [
        Paragraph([Run("Teilnehmende")]),
        Row(("Name", "Einrichtung"), header=True),
        Row(("Zwischenkopf",)),
        Row(("Lea", "SBZ")),
        Row(("Tom Sommer", "")),
        Row(("Summe",)),
    ]


def test_a_merged_cell_is_one_cell() -> None:
    node = table(
        head=[],
        bodies=[
            ([], [row(cell(plain("beide"), columns=2)), row(cell(plain("a")), cell(plain("b")))])
        ],
    )
    assert walked([node]).blocks == [Row(("beide",)), Row(("a", "b"))]


def test_images_and_notes_in_table_cells_are_counted_once() -> None:
    image = inline("Image", [NO_ATTR, [], ["bild.png", ""]])
    unknown = inline("Blink", [])
    node = table(head=[], bodies=[([], [row(cell(para(image, unknown)), cell(para(unknown)))])])
    walker = walked([node])
    assert walker.images == 1
    assert walker.blocks == [Row(("", ""))]
    assert [n.message for n in walker.notes] == [
        "Unbekanntes Element „Blink“ im Dokument nicht übernommen."
    ]


def test_figure_gives_its_content_then_its_caption() -> None:
    figure: Node = {"t": "Figure", "c": [NO_ATTR, [None, [plain("Abb. 1")]], [plain("Bildtext")]]}
    assert walked([figure]).blocks == [Paragraph([Run("Bildtext")]), Paragraph([Run("Abb. 1")])]


def test_definition_list_gives_term_then_definitions() -> None:
    node: Node = {
        "t": "DefinitionList",
        "c": [[words("Ort"), [[plain("SBZ")], [plain("Saal")]]], [words("Zeit"), [[plain("14")]]]],
    }
    assert walked([node]).blocks == [
        Paragraph([Run("Ort")]),
        Paragraph([Run("SBZ")]),
        Paragraph([Run("Saal")]),
        Paragraph([Run("Zeit")]),
        Paragraph([Run("14")]),
    ]


def test_rules_raw_blocks_and_nulls_carry_no_text_and_no_warning() -> None:
    walker = walked(
        [
            {"t": "HorizontalRule"},
            {"t": "RawBlock", "c": ["html", "<!-- x -->"]},
            {"t": "Null"},
            para("Text", inline("RawInline", ["html", "<wbr>"])),
        ]
    )
    assert walker.blocks == [Paragraph([Run("Text")])]
    assert walker.notes == []


def test_unknown_block_kind_is_reported_once_with_its_position() -> None:
    walker = walked([para("eins"), {"t": "Gadget", "c": []}, para("zwei"), {"t": "Gadget"}])
    assert walker.notes == [
        Diagnostic(
            "warning", "Unbekanntes Element „Gadget“ im Dokument nicht übernommen.", "seite.html", 2
        )
    ]
    assert len(walker.blocks) == 2


def test_unknown_inline_kind_is_reported_with_its_paragraph() -> None:
    walker = walked([para("eins"), para("zwei", inline("Sparkle", "x")), para(inline("Glow"))])
    assert [(n.message, n.line) for n in walker.notes] == [
        ("Unbekanntes Element „Sparkle“ im Dokument nicht übernommen.", 2),
        ("Unbekanntes Element „Glow“ im Dokument nicht übernommen.", 3),
    ]
    assert walker.blocks[1] == Paragraph([Run("zwei")])


def test_unknown_kinds_reach_the_lines_notes() -> None:
    _lines, notes = ast_lines({"blocks": [{"t": "Gadget"}]}, "html", source="g.html")
    message = "Unbekanntes Element „Gadget“ im Dokument nicht übernommen."
    assert notes == [Diagnostic("warning", message, "g.html", 1)]


# --- inlines ----------------------------------------------------------------------------------


def test_spaces_and_soft_breaks_are_spaces_and_line_breaks_split() -> None:
    assert runs_of(
        inline("Str", "a"), SPACE, inline("Str", "b"), inline("SoftBreak"), inline("Str", "c"),
        inline("LineBreak"), inline("Str", "d"),
    ) == [Run("a b c"), BREAK, Run("d")]  # fmt: skip


def test_text_after_a_break_starts_a_new_run() -> None:
    runs = runs_of(inline("LineBreak"), inline("Str", "x"))
    assert runs == [BREAK, Run("x")]
    assert runs[1] is not BREAK and BREAK.text == "\n"


def test_strong_and_underline_mark_their_runs() -> None:
    assert runs_of(
        inline("Strong", words("Kathrin Krug")), inline("Str", ":"),
        inline("Underline", [inline("Strong", [inline("Str", "beides")])]),
        inline("Underline", [inline("Str", "nur")]),
    ) == [
        Run("Kathrin Krug", bold=True), Run(":"), Run("beides", bold=True, underline=True),
        Run("nur", underline=True),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "kind", ["Emph", "Strikeout", "Superscript", "Subscript", "SmallCaps"]
)  # fmt: skip
def test_other_character_formats_keep_just_their_text(kind: str) -> None:
    assert runs_of(inline("Str", "m"), inline(kind, [inline("Str", "2")]), inline("Str", "!")) == [
        Run("m2!")
    ]
    assert runs_of(inline("Strong", [inline(kind, [inline("Str", "f")])])) == [Run("f", True)]


def test_span_with_a_speaker_style_is_bold() -> None:
    assert runs_of(span(words("Lea Sommer"), "Sprecher"), inline("Str", ":")) == [
        Run("Lea Sommer", bold=True),
        Run(":"),
    ]
    assert runs_of(span(words("Lea"), "Standard")) == [Run("Lea")]
    assert runs_of(inline("Underline", [span(words("Lea"), "Standard")])) == [
        Run("Lea", underline=True)
    ]


def link(label: list[Node], target: str) -> Node:
    return inline("Link", [NO_ATTR, label, [target, ""]])


def test_link_keeps_its_target() -> None:
    assert runs_of(inline("Str", "siehe "), link(words("Flyer"), "https://x.de/f.pdf")) == [
        Run("siehe [Flyer](https://x.de/f.pdf)")
    ]


def test_link_with_its_url_as_label_is_the_bare_url() -> None:
    assert runs_of(link(words("https://x.de"), "https://x.de")) == [Run("https://x.de")]


def test_link_inside_the_document_is_its_label() -> None:
    assert runs_of(link([inline("Strong", words("oben"))], "#anker")) == [Run("oben", bold=True)]


def test_link_label_formatting_and_breaks_are_kept() -> None:
    label = [inline("Strong", words("fett")), inline("LineBreak"), inline("Str", "zwei")]
    assert runs_of(link(label, "#a")) == [Run("fett", bold=True), BREAK, Run("zwei")]
    assert runs_of(inline("Underline", [link(words("Plan"), "https://p.de")])) == [
        Run("[Plan](https://p.de)", underline=True)
    ]


def test_cite_gives_its_text() -> None:
    assert runs_of(inline("Cite", [[{"citationId": "x"}], words("(Krug 2022)")])) == [
        Run("(Krug 2022)")
    ]


def test_quoted_text_gets_german_quotation_marks() -> None:
    double = inline("Quoted", [{"t": "DoubleQuote"}, words("Einkaufskorb")])
    single = inline("Quoted", [{"t": "SingleQuote"}, words("Korb")])
    assert runs_of(double, SPACE, single) == [Run("„Einkaufskorb“ ‚Korb‘")]
    assert runs_of(inline("Strong", [double])) == [Run("„Einkaufskorb“", bold=True)]


def test_code_and_math_keep_their_text() -> None:
    code = inline("Code", [NO_ATTR, "make test"])
    math = inline("Math", [{"t": "InlineMath"}, "x^2"])
    assert runs_of(code, SPACE, math) == [Run("make test x^2")]
    assert runs_of(inline("Underline", [code])) == [Run("make test", underline=True)]


def test_image_is_counted_and_left_out() -> None:
    image = inline("Image", [NO_ATTR, words("Plakat"), ["plakat.png", ""]])
    walker = walked([para("Bild", image, " dazu"), para(image)])
    assert walker.images == 2
    assert walker.blocks[0] == Paragraph([Run("Bild dazu")])


def test_image_warning_names_the_source() -> None:
    image = inline("Image", [NO_ATTR, [], ["plakat.png", ""]])
    _lines, notes = ast_lines({"blocks": [para(image), para(image)]}, "html", source="ag.html")
    assert notes == [
        Diagnostic("warning", "2 Bild(er) im Dokument nicht übernommen (nur Text).", "ag.html")
    ]


def test_footnotes_follow_their_paragraph_as_free_paragraphs() -> None:
    note = inline("Note", [para("Fußnote"), header(1, "Kein Punkt")])
    walker = walked(
        [para("Text", note, " weiter"), header(1, "Zwei")], headings=_HeadingNumbers([8])
    )
    assert walker.blocks == [
        Paragraph([Run("Text weiter")]),
        Paragraph([Run("Fußnote")]),
        Paragraph([Run("Kein Punkt")], heading=1),
        Paragraph([Run("Zwei")], heading=1, number=8),
    ]
    assert not walker.in_note and walker.footnotes == []


def test_a_header_in_a_table_in_a_footnote_takes_no_number() -> None:
    note = inline("Note", [table(head=[], bodies=[([], [row(cell(header(1, "Fuß")))])])])
    walker = walked([para("Text", note), header(1, "Eins")], headings=_HeadingNumbers([2]))
    assert walker.blocks[-1] == Paragraph([Run("Eins")], heading=1, number=2)


# --- metadata and lines -------------------------------------------------------------------------


def meta_inlines(text: str) -> Node:
    return {"t": "MetaInlines", "c": words(text)}


def test_docx_metadata_paragraphs_come_first_in_their_order() -> None:
    document = {
        "meta": {
            "abstract": {"t": "MetaBlocks", "c": [para("Kurzfassung")]},
            "date": {"t": "MetaString", "c": "10.11.2022"},
            "author": {"t": "MetaList", "c": [meta_inlines("Lea"), meta_inlines("Tom")]},
            "subtitle": meta_inlines("Untertitel"),
            "title": meta_inlines("Protokoll AG"),
            "keywords": meta_inlines("nicht im Text"),
        },
        "blocks": [para("Text")],
    }
    lines, notes = ast_lines(document, "docx")
    assert texts(lines) == [
        "Protokoll AG", "Untertitel", "Lea", "Tom", "10.11.2022", "Kurzfassung", "Text",
    ]  # fmt: skip
    assert [(line.number, line.hints.title) for line in lines if line.text][:2] == [
        (1, True),
        (2, False),
    ]
    assert notes == []


def test_metadata_of_other_formats_is_not_body_text() -> None:
    document = {"meta": {"title": meta_inlines("Seitentitel")}, "blocks": [para("Text")]}
    assert texts(ast_lines(document, "html")[0]) == ["Text"]
    assert texts(ast_lines(document, "odt")[0]) == ["Text"]


def test_unknown_metadata_value_kind_gives_nothing() -> None:
    document = {"meta": {"title": {"t": "MetaBool", "c": True}}, "blocks": [para("Text")]}
    assert texts(ast_lines(document, "docx")[0]) == ["Text"]


def test_lines_are_numbered_by_paragraph_with_their_hints() -> None:
    document = {"blocks": [header(2, "Aktuelles"), {"t": "BulletList", "c": [[plain("Punkt")]]}]}
    lines, _notes = ast_lines(document, "html", source="x.html")
    assert [line for line in lines if line.text] == [
        Line("Aktuelles", 1, Hints(heading=2)),
        Line("Punkt", 2, Hints(list_level=0)),
    ]


def test_an_empty_document_has_no_lines() -> None:
    assert ast_lines({}, "html") == ([], [])


def everywhere(name: str) -> list[Node]:
    """Level-1 headers inside every container pandoc has."""

    def h(n: int) -> Node:
        return header(1, f"{name}{n}")

    return [
        h(1),
        div([h(2)]),
        {"t": "BlockQuote", "c": [h(3)]},
        {"t": "BulletList", "c": [[h(4)]]},
        {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], [[h(5)]]]},
        {"t": "Figure", "c": [NO_ATTR, [None, [h(7)]], [h(6)]]},
        {"t": "DefinitionList", "c": [[words("Begriff"), [[h(8)]]]]},
        table(head=[row(cell(h(10)))], bodies=[([], [row(cell(h(11)))])], caption=[h(9)]),
        header(2, "nicht gezählt"),
        {"t": "Header", "c": [1, NO_ATTR, []]},
        para("Text", inline("Note", [h(99)])),
        h(12),
    ]


def test_heading_numbers_reach_level_one_headers_in_every_container() -> None:
    numbers = list(range(101, 113))
    lines, _notes = ast_lines({"blocks": everywhere("H")}, "docx", numbers)
    numbered = {line.text: line.hints.number for line in lines if line.hints.heading == 1}
    # H10 and H11 are in table cells (rows, no headings): they take their numbers all the same
    assert numbered == {**{f"H{n}": 100 + n for n in (*range(1, 10), 12)}, "H99": None}


def test_heading_numbers_of_another_count_are_ignored() -> None:
    for numbers in (list(range(101, 112)), list(range(101, 114))):
        lines, _notes = ast_lines({"blocks": everywhere("H")}, "docx", numbers)
        assert {line.hints.number for line in lines} == {None}


def test_ast_lines_read_through_the_layout() -> None:
    document = {
        "blocks": [
            para(inline("Strong", words("Protokoll AG Wohnen 1.2.2023"))),
            header(1, "Aktuelles"),
            {"t": "BulletList", "c": [[plain("Punkt")]]},
        ]
    }
    lines, notes = ast_lines(document, "html", source="x")
    protocol = protocol_of(lines, "x", notes, None)
    assert (protocol.title, protocol.date) == ("Protokoll AG Wohnen 1.2.2023", dt.date(2023, 2, 1))
    assert [(i.number, i.title) for i in protocol.items] == [(1, "Aktuelles")]


# --- dates from the document's properties ---------------------------------------------------


def test_date_metadata_is_the_fallback_date() -> None:
    document = {"meta": {"date": meta_inlines("Rostock, 3. März 2023")}}
    assert document_date(document, b"", "html") == (dt.date(2023, 3, 3), "Datumsfeld")


def test_date_metadata_without_a_date_falls_back_to_the_creation_date() -> None:
    core = b"<cp:coreProperties><dcterms:created xsi:type='x'> 2023-04-13T09:00:00Z </dcterms"
    data = zip_of({"docProps/core.xml": core})
    document = {"meta": {"date": {"t": "MetaString", "c": "bald"}}}
    assert document_date(document, data, "docx") == (dt.date(2023, 4, 13), "erstellt am")


def test_creation_date_is_the_day_in_germany() -> None:
    late = zip_of({"docProps/core.xml": b"<dcterms:created>2023-04-12T22:30:00Z</dcterms:created>"})
    assert document_date({}, late, "docx") == (dt.date(2023, 4, 13), "erstellt am")
    early = zip_of(
        {"docProps/core.xml": b"<dcterms:created>2023-04-12T21:30:00Z</dcterms:created>"}
    )
    assert document_date({}, early, "docx") == (dt.date(2023, 4, 12), "erstellt am")


def test_odt_creation_date_comes_from_meta_xml() -> None:
    meta = b"<office:meta><meta:creation-date>2022-11-10T18:05:00</meta:creation-date>"
    data = zip_of({"meta.xml": meta, "docProps/core.xml": b"<dcterms:created>2001-01-01Z<"})
    assert document_date({}, data, "odt") == (dt.date(2022, 11, 10), "erstellt am")
    assert document_date({}, zip_of({"meta.xml": meta}), "docx") is None


@pytest.mark.parametrize(
    "data",
    [
        zip_of({"word/document.xml": b"<x/>"}),
        zip_of({"docProps/core.xml": b"<dcterms:created>gestern</dcterms:created>"}),
        zip_of({"docProps/core.xml": b"<dcterms:created>1980-01-01T00:00:00</dcterms:created>"}),
        zip_of({"docProps/core.xml": b"<dcterms:modified>2023-01-01</dcterms:modified>"}),
        b"PK\x03\x04 kein zip",
    ],
)
def test_no_usable_creation_date_gives_none(data: bytes) -> None:
    assert document_date({}, data, "docx") is None


def test_rtf_creation_date_from_its_info_group() -> None:
    rtf = rb"{\rtf1{\info{\creatim\yr2023 \mo4\dy13\hr9\min5}}Text}"
    assert document_date({}, rtf, "rtf") == (dt.date(2023, 4, 13), "erstellt am")
    assert document_date({}, rtf.replace(rb"\mo4", rb"\mo13"), "rtf") is None
    assert document_date({}, rb"{\rtf1{\info{\revtim\yr2023\mo4\dy13}}}", "rtf") is None
    assert document_date({}, rtf, "html") is None


def test_html_has_no_creation_date() -> None:
    assert document_date({}, b"<p>2023-04-13</p>", "html") is None


# --- before pandoc runs ---------------------------------------------------------------------


def test_rtf_deletions_become_hidden_text() -> None:
    assert hide_rtf_deletions(rb"{\deleted weg}") == rb"{\v weg}"
    assert hide_rtf_deletions(rb"\\\deleted x") == rb"\\\v x"  # an escaped backslash before
    assert hide_rtf_deletions(rb"\\deleted") == rb"\\deleted"  # the text \deleted
    assert hide_rtf_deletions(rb"\deletedx \deleted1") == rb"\deletedx \v1"


def test_rtf_is_checked_and_its_deletions_hidden() -> None:
    prepare = PANDOC_FORMATS["rtf"].prepare
    assert prepare(rb"{\rtf1 {\deleted x}}", "a.rtf") == rb"{\rtf1 {\v x}}"
    with pytest.raises(ParseError, match="kein RTF"):
        prepare(b"Hallo", "a.rtf")


@pytest.mark.parametrize(("fmt", "entry"), [("docx", "word/document.xml"), ("odt", "content.xml")])
def test_packages_are_checked_before_pandoc(fmt: str, entry: str) -> None:
    data = zip_of({entry: b"<x/>"})
    assert PANDOC_FORMATS[fmt].prepare(data, "a") == data
    assert PANDOC_FORMATS[fmt].package
    with pytest.raises(ParseError, match=f"{entry} fehlt") as info:
        PANDOC_FORMATS[fmt].prepare(zip_of({"x": b""}), "kaputt")
    assert info.value.diagnostics[0].source == "kaputt"


def test_html_and_rtf_are_no_packages() -> None:
    assert not PANDOC_FORMATS["html"].package and not PANDOC_FORMATS["rtf"].package
    assert [f.reader for f in PANDOC_FORMATS.values()] == ["docx+styles", "odt", "rtf", "html"]


def test_html_in_utf8_is_passed_on_unchanged() -> None:
    page = "<p>Grüße „hier“</p>".encode()
    assert PANDOC_FORMATS["html"].prepare(page, "a.html") is page


def test_html_in_windows_1252_is_reencoded_as_utf8() -> None:
    page = "<meta charset=windows-1252><p>Grüße „hier“</p>".encode("cp1252")
    assert (
        PANDOC_FORMATS["html"]
        .prepare(page, "a.html")
        .decode("utf-8")
        .endswith("<p>Grüße „hier“</p>")
    )


def test_too_deeply_nested_html_is_refused_even_in_windows_1252() -> None:
    deep = "<div>" * 300 + "ä"
    for page in (deep.encode(), deep.encode("cp1252")):
        with pytest.raises(ParseError, match="verschachtelt"):
            PANDOC_FORMATS["html"].prepare(page, "tief.html")


def test_too_large_or_empty_input_is_refused_before_pandoc(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="zu groß") as info:
        read_document(b"<p>" * (7 * 1024 * 1024), "riesig.html", "html")
    assert info.value.diagnostics[0].source == "riesig.html"
    with pytest.raises(ParseError, match="leer"):
        read_html(b"", "leer.html")


# --- pandoc itself ----------------------------------------------------------------------------


def test_pandoc_command_reads_stdin_in_a_sandbox_with_a_heap_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYPANDOC_PANDOC", "/opt/pandoc")
    pandoc_path.cache_clear()
    assert pandoc_command("docx") == [
        "/opt/pandoc", "+RTS", "-M1024m", "-RTS", "--sandbox", "-f", "docx+styles", "-t", "json",
        "--track-changes=accept",
    ]  # fmt: skip
    pandoc_path.cache_clear()


def test_pandoc_path_is_the_bundled_binary_without_configuration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYPANDOC_PANDOC", raising=False)
    pandoc_path.cache_clear()
    found = Path(pandoc_path())
    pandoc_path.cache_clear()
    assert found.is_file() and found.name == "pandoc"
    assert found.parent.name == "files" and found.parent.parent.name == "pypandoc"


def stand_in(tmp_path: Path, script: str) -> str:
    """A small program in place of pandoc (a shell script)."""
    program = tmp_path / "pandoc"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(program)


@pytest.fixture
def use_pandoc(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``run_pandoc`` with the given program as pandoc."""

    def use(program: str) -> None:
        monkeypatch.setenv("PYPANDOC_PANDOC", program)
        pandoc_path.cache_clear()

    yield use
    pandoc_path.cache_clear()


def test_pandoc_reads_the_bytes_from_stdin(tmp_path: Path, use_pandoc: Any) -> None:
    use_pandoc(stand_in(tmp_path, 'test "$*" = "+RTS -M1024m -RTS --sandbox -f html -t json '
                                  '--track-changes=accept" && exec cat'))  # fmt: skip
    document = {"blocks": [para("Hallo")]}
    assert run_pandoc(json.dumps(document).encode(), "html", "a.html") == document


def test_pandoc_that_cannot_start_names_the_program_and_the_variable(
    tmp_path: Path, use_pandoc: Any
) -> None:
    use_pandoc(str(tmp_path / "fehlt"))
    with pytest.raises(ParseError) as info:
        run_pandoc(b"x", "html", "a.html")
    [diagnostic] = info.value.diagnostics
    assert diagnostic.message.startswith("Pandoc kann nicht gestartet werden: ")
    assert "fehlt: " in diagnostic.message
    assert diagnostic.message.endswith(" (Umgebungsvariable PYPANDOC_PANDOC prüfen).")
    assert diagnostic.source == "a.html"


def test_failing_pandoc_gives_the_german_reason(tmp_path: Path, use_pandoc: Any) -> None:
    use_pandoc(stand_in(tmp_path, "echo 'Unknown reader' >&2; exit 3"))
    with pytest.raises(ParseError) as info:
        run_pandoc(b"x", "odt", "kaputt.odt")
    assert info.value.diagnostics == (
        Diagnostic("error", pandoc_failure(b"", "odt"), "kaputt.odt"),
    )


@pytest.mark.parametrize(
    "script", ["printf 'kein json'", "python3 -c \"print('[' * 100000)\""]
)  # fmt: skip
def test_unreadable_pandoc_output_gives_a_german_error(
    tmp_path: Path, use_pandoc: Any, script: str
) -> None:
    use_pandoc(stand_in(tmp_path, script))
    with pytest.raises(ParseError) as info:
        run_pandoc(b"x", "html", "a.html")
    assert info.value.diagnostics == (
        Diagnostic("error", "Pandoc hat keine lesbare Ausgabe geliefert.", "a.html"),
    )


def test_pandoc_is_stopped_after_its_timeout(tmp_path: Path, use_pandoc: Any) -> None:
    use_pandoc(stand_in(tmp_path, "exec sleep 10"))
    with pytest.raises(ParseError) as info:
        run_pandoc(b"x", "html", "langsam.html", timeout=0.3)
    assert info.value.diagnostics == (
        Diagnostic(
            "error",
            "Pandoc hat das Dokument nach 0.3 s nicht gelesen; abgebrochen.",
            "langsam.html",
        ),
    )
    assert pandoc.PANDOC_TIMEOUT == 60.0


@pytest.mark.parametrize(
    "stderr",
    [b"pandoc: Heap exhausted;", b"use `+RTS -M<size>' to increase it", b"heap overflow"],
)
def test_pandoc_out_of_memory_names_the_limit(stderr: bytes) -> None:
    assert pandoc_failure(stderr, "docx") == (
        "Das Word-Dokument (.docx) braucht beim Lesen mehr als 1024 MiB Arbeitsspeicher; die "
        "Datei wird nicht gelesen. Bitte in Word oder LibreOffice öffnen, Bilder verkleinern "
        "oder entfernen und erneut speichern."
    )


@pytest.mark.parametrize("stderr", [b"file is Encrypted", b"PASSWORD required"])
def test_pandoc_on_an_encrypted_document_asks_for_it_without_password(stderr: bytes) -> None:
    assert pandoc_failure(stderr, "odt") == PASSWORD_MESSAGE


def test_other_pandoc_failures_say_the_document_is_damaged() -> None:
    assert pandoc_failure(b"\xff parse error", "rtf") == (
        "Das RTF-Dokument kann nicht gelesen werden: es ist beschädigt oder kein gültiges "
        "Dokument. Bitte in Word oder LibreOffice öffnen und neu speichern."
    )
    assert pandoc_failure(b"", "xyz").startswith("Das xyz kann nicht gelesen werden")


# --- the whole way, on a few bytes (real pandoc, milliseconds) --------------------------------


def test_html_is_read_through_pandoc_with_its_images_noted() -> None:
    page = (
        b"<p><b>Protokoll AG Wohnen 1.2.2023</b></p><h1>Aktuelles</h1>"
        b'<ul><li>Punkt <img src="a.png"></li></ul>'
    )
    protocol = read_html(page, "ag.html")
    assert (protocol.title, protocol.items[0].title) == (
        "Protokoll AG Wohnen 1.2.2023",
        "Aktuelles",
    )
    assert protocol.diagnostics == (
        Diagnostic("warning", "1 Bild(er) im Dokument nicht übernommen (nur Text).", "ag.html"),
    )


def test_date_metadata_of_a_page_is_the_fallback_date_with_a_warning() -> None:
    page = (
        '<html><head><meta name="date" content="3. März 2023"><title>Seite</title></head>'
        "<body><p>Protokoll AG</p><h1>Eins</h1></body></html>"
    ).encode()
    protocol = read_html(page, "ag.html")
    assert (protocol.title, protocol.date) == ("Protokoll AG", dt.date(2023, 3, 3))
    assert protocol.diagnostics[-1] == Diagnostic(
        "warning",
        "Datum aus den Dokumenteigenschaften übernommen (Datumsfeld: 03.03.2023); bitte prüfen "
        "und in die Titelzeile schreiben.",
        "ag.html",
    )


NUMBERING = TESTS / "fixtures" / "numbering"


@pytest.mark.parametrize(
    ("name", "numbers"),
    [("word_start_override.docx", [5, 6, 7]), ("continued_outline.odt", [3, 4, 5])],
)
def test_package_headings_keep_the_numbers_their_numbering_shows(
    name: str, numbers: list[int]
) -> None:
    data = (NUMBERING / name).read_bytes()
    reader = pandoc.read_docx if name.endswith(".docx") else pandoc.read_odt
    protocol = reader(data, name)
    assert [item.number for item in protocol.items] == numbers
    assert protocol == read_bytes(data, name, name.rpartition(".")[2])  # the direct reader


def test_a_cell_of_two_paragraphs_joins_them_with_one_space() -> None:
    """A name broken over two paragraphs of a cell was „Tom  Sommer“ (with two spaces)."""
    page = (
        b"<p>Protokoll AG 1.2.2023</p><p>Teilnehmende:</p><table><tr><td><p>Tom</p>"
        b"<ul><li>Sommer</li></ul></td><td>SBZ</td></tr></table>"
    )
    protocol = read_html(page, "ag.html")
    assert [(p.name, p.affiliation) for p in protocol.participants] == [("Tom Sommer", "SBZ")]


# --- what the first mutation run left alive -------------------------------------------------------


def test_a_caption_inherits_the_style_around_its_table() -> None:
    node = table(head=[], bodies=[([], [row(cell(plain("a")))])], caption=[plain("Sprecher")])
    assert walked([div([node], style="Sprecher")]).blocks == [
        Paragraph([Run("Sprecher", bold=True)], bold_style=True),
        Row(("a",)),
    ]


def test_lists_in_figures_and_definitions_inside_a_list_item_go_one_level_deeper() -> None:
    def bullets(text: str) -> Node:
        return {"t": "BulletList", "c": [[plain(text)]]}

    figure = {"t": "Figure", "c": [NO_ATTR, [None, [bullets("Unterschrift")]], [bullets("Bild")]]}
    definitions = {"t": "DefinitionList", "c": [[words("Ort"), [[bullets("SBZ")]]]]}
    walker = walked([{"t": "BulletList", "c": [[plain("Punkt"), figure, definitions]]}])
    found = [(paragraph_text(b), b.list_level) for b in walker.blocks if isinstance(b, Paragraph)]
    assert found == [("Punkt", 0), ("Bild", 1), ("Unterschrift", 1), ("Ort", None), ("SBZ", 1)]


def test_notes_from_table_cells_name_the_source() -> None:
    node = table(head=[], bodies=[([], [row(cell(para(inline("Blink", []))))])])
    assert walked([node]).notes == [
        Diagnostic(
            "warning", "Unbekanntes Element „Blink“ im Dokument nicht übernommen.", "seite.html", 1
        )
    ]


def test_class_and_custom_style_of_a_div_both_count() -> None:
    node: Node = {
        "t": "Div",
        "c": [["", ["vortragende"], [["custom-style", "Sprecher"]]], [para("x")]],
    }
    assert walked([node]).blocks == [
        Paragraph([Run("x", bold=True)], bold_style=True, presenter=True)
    ]


def test_a_level_one_header_of_only_breaks_and_spaces_takes_no_number() -> None:
    empty: Node = {"t": "Header", "c": [1, NO_ATTR, [SPACE, inline("LineBreak"), SPACE]]}
    just_break: Node = {"t": "Header", "c": [1, NO_ATTR, [inline("LineBreak")]]}
    walker = walked([empty, just_break, header(1, "Eins")], headings=_HeadingNumbers([6]))
    assert [b.number for b in walker.blocks if isinstance(b, Paragraph)] == [None, None, 6]
    lines, _notes = ast_lines({"blocks": [empty, just_break, header(1, "Eins")]}, "docx", [6])
    assert [line.hints.number for line in lines if line.text] == [6]


def test_metadata_paragraphs_carry_no_formatting() -> None:
    walker = _Walker()
    pandoc._meta_paragraphs("title", meta_inlines("Protokoll AG"), walker)
    pandoc._meta_paragraphs("date", {"t": "MetaString", "c": "1.2.2023"}, walker)
    assert walker.blocks == [
        Paragraph([Run("Protokoll AG")], meta="title"),
        Paragraph([Run("1.2.2023")], meta="date"),
    ]


def test_a_title_given_as_metadata_string_or_list_is_the_title() -> None:
    for value in (
        {"t": "MetaString", "c": "Protokoll AG 1.2.2023"},
        {"t": "MetaList", "c": [{"t": "MetaString", "c": "Protokoll AG 1.2.2023"}]},
    ):
        lines, _notes = ast_lines({"meta": {"title": value}, "blocks": []}, "docx")
        assert [line for line in lines if line.text] == [
            Line("Protokoll AG 1.2.2023", 1, Hints(title=True))
        ]


def test_without_a_source_the_notes_name_the_document() -> None:
    _lines, notes = ast_lines({"blocks": [{"t": "Gadget"}]}, "html")
    assert [n.source for n in notes] == ["<dokument>"]


def test_a_creation_date_with_foreign_bytes_is_no_date() -> None:
    core = "<dcterms:created>2023-04-13T09:00:00ä</dcterms:created>".encode()
    assert document_date({}, zip_of({"docProps/core.xml": core}), "docx") is None


def test_an_rtf_is_read_through_pandoc_with_its_creation_date() -> None:
    rtf = (
        rb"{\rtf1\ansi{\info{\creatim\yr2023\mo4\dy13}}Protokoll AG Wohnen\par "
        rb"1 Aktuelles\par - Punkt\par}"
    )
    protocol = pandoc.read_rtf(rtf)
    assert (protocol.title, protocol.date) == ("Protokoll AG Wohnen", dt.date(2023, 4, 13))
    assert protocol.items[0].blocks[0].points[0].text == "Punkt"
    assert {d.source for d in protocol.diagnostics} == {"<rtf>"}
    assert any("erstellt am: 13.04.2023" in d.message for d in protocol.diagnostics)


@pytest.mark.parametrize(
    ("reader", "name"),
    [(pandoc.read_docx, "word_start_override.docx"), (pandoc.read_odt, "continued_outline.odt")],
)
def test_package_readers_name_their_source(reader: Any, name: str) -> None:
    default = f"<{name.rpartition('.')[2]}>"
    data = (NUMBERING / name).read_bytes()
    broken = zip_of({"x": b""})
    for source, expected in ((name, name), (None, default)):
        arguments = (source,) if source else ()
        with pytest.raises(ParseError) as info:
            reader(broken, *arguments)
        assert {d.source for d in info.value.diagnostics} == {expected}
        # the image warning of a picture pandoc saw: the source, too
        protocol = reader(data, *arguments)
        assert {d.source for d in protocol.diagnostics} <= {expected}


def test_html_without_a_source_is_named_html() -> None:
    with pytest.raises(ParseError) as info:
        read_html(b"\x00\x01\x02\xff\xfe binary")
    assert [d.source for d in info.value.diagnostics] == ["<html>"]


def test_binary_html_names_its_file() -> None:
    with pytest.raises(ParseError, match="Binärdaten") as info:
        PANDOC_FORMATS["html"].prepare(b"\x00\x01\x02\xff\xfe binary", "bild.html")
    assert [d.source for d in info.value.diagnostics] == ["bild.html"]


def test_pandoc_failing_inside_the_reader_names_the_file() -> None:
    broken = zip_of({"content.xml": b"<office:document-content><<kaputt", "mimetype": b"x"})
    with pytest.raises(ParseError, match="kann nicht gelesen werden") as info:
        pandoc.read_odt(broken, "kaputt.odt")
    assert [d.source for d in info.value.diagnostics] == ["kaputt.odt"]


def test_a_broken_numbering_part_is_an_error_naming_the_file() -> None:
    """Pandoc reads past it; the heading numbers cannot be counted, so the reader refuses."""
    original = zipfile.ZipFile(io.BytesIO((NUMBERING / "word_start_override.docx").read_bytes()))
    parts = {name: original.read(name) for name in original.namelist()}
    parts["word/numbering.xml"] = b"<w:numbering><<kaputt"
    with pytest.raises(ParseError) as info:
        pandoc.read_docx(zip_of(parts), "nummern.docx")
    assert info.value.diagnostics == (
        Diagnostic(
            "error",
            "Die Datei ist beschädigt: „word/numbering.xml“ ist kein gültiges XML (Zeile 1).",
            "nummern.docx",
        ),
    )


def test_an_unknown_kind_in_a_table_cell_is_reported_at_its_row() -> None:
    """It was reported at the cell's own paragraph number (always 1 for a one-paragraph cell)."""
    blink = para(inline("Blink", []))
    node = table(
        head=[row(cell(plain("Name")))],
        bodies=[([], [row(cell(plain("a")), cell(para("b"), blink))])],
    )
    walker = walked([para("eins"), para("zwei"), node, blink, para(inline("Glow"))])
    assert [(n.message, n.line) for n in walker.notes] == [
        ("Unbekanntes Element „Blink“ im Dokument nicht übernommen.", 4),
        ("Unbekanntes Element „Glow“ im Dokument nicht übernommen.", 6),
    ]


def test_a_kind_reported_before_a_table_is_not_reported_again_in_it() -> None:
    blink = para(inline("Blink", []))
    node = table(head=[], bodies=[([], [row(cell(blink))])])
    walker = walked([blink, node])
    assert [n.line for n in walker.notes] == [1]
