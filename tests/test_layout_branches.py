"""The layout rules branch by branch, on small invented inputs.

Written against mutmut's survivors (``python benchmarks/mutation.py --functions GLOB layout``,
see the README's *Mutation testing*): each test gives the few lines one branch of
:mod:`protokollkit.layout` reads and asserts what the reader makes of them – the lines a public
step hands on, or the protocol :func:`protokollkit.read_text` returns. Cases that read best as a
protocol and its outline stand in ``tests/fixtures/cases/layout.txt``.
"""

from __future__ import annotations

import pytest

import protokollkit
from protokollkit.diagnostics import ParseError
from protokollkit.layout import Hints, Line, parse_lines, split_front_matter
from protokollkit.model import Point

# --- YAML front matter ---------------------------------------------------------------------------


def test_front_matter_lines_keep_their_numbers_and_lose_carriage_returns() -> None:
    text = "---  \r\ntitle: Runder Tisch\r\n\r\nort: SBZ\r\n---  \r\n# Protokoll\r\n"
    lines, rest, used = split_front_matter(text)
    assert [(line.text, line.number) for line in lines] == [
        ("title: Runder Tisch", 2),
        ("", 3),
        ("ort: SBZ", 4),
    ]
    assert all(line.hints.front_matter for line in lines)
    assert rest == "# Protokoll\r\n"
    assert used == 5


def test_front_matter_may_close_with_three_dots() -> None:
    lines, rest, used = split_front_matter("---\ntitle: x\n...\nText\n")
    assert [line.text for line in lines] == ["title: x"]
    assert (rest, used) == ("Text\n", 3)


def test_no_front_matter_without_keys_or_with_an_indented_opening() -> None:
    for text in (
        "---\n---\nText\n",  # nothing between the rules
        "---\nDas ist ein Satz.\n---\nText\n",  # a sentence, no key
        " ---\ntitle: x\n---\n",  # the rule indented: markup of the text, no front matter
        "--- x\ntitle: x\n---\n",
    ):
        assert split_front_matter(text) == ([], text, 0), text


def test_front_matter_closes_within_eighty_lines() -> None:
    keys = "".join(f"k{n}: v\n" for n in range(78))
    lines, _rest, used = split_front_matter(f"---\n{keys}---\nText\n")
    assert (len(lines), used) == (78, 80)
    far = f"---\n{keys}k78: v\n---\nText\n"  # the closing rule on line 81
    assert split_front_matter(far) == ([], far, 0)


# --- metadata without delimiters (MultiMarkdown, Pelican) ----------------------------------------


def test_metadata_block_up_to_the_first_blank_line() -> None:
    lines, rest, used = split_front_matter("Titel: Runder Tisch\r\nDate: 2022-11-10\r\n\r\nText\n")
    assert [(line.text, line.number) for line in lines] == [
        ("Titel: Runder Tisch", 1),
        ("Date: 2022-11-10", 2),
    ]
    assert all(line.hints.front_matter for line in lines)
    assert (rest, used) == ("\r\nText\n", 2)


def test_no_metadata_block_without_a_title_first_or_with_other_lines() -> None:
    for text in (
        "Date: 2022-11-10\nTitle: Runder Tisch\n\nText\n",  # the title is not first
        "Title: Runder Tisch\n\nText\n",  # a title alone
        "Title: Runder Tisch\nOrt: SBZ\n\nText\n",  # a key of the protocol, not of the blog
        "Title: Runder Tisch\nDas ist Text.\n",
    ):
        assert split_front_matter(text) == ([], text, 0), text


def test_metadata_block_ends_after_forty_lines() -> None:
    text = "Title: Runder Tisch\n" + "Tags: x\n" * 45 + "\nText\n"
    lines, rest, used = split_front_matter(text)
    assert (len(lines), used) == (40, 40)
    assert rest.startswith("Tags: x\n")


# --- list entries a reader marked (Word, ODT, pandoc: list level and marker as hints) ------------


def _points(points: tuple[Point, ...]) -> list[object]:
    """Kind, text, marker and the points below, of each point."""
    return [(p.kind, p.text, p.marker, _points(p.points)) for p in points]


def test_hinted_list_entries_keep_their_marker_only_when_numbered() -> None:
    entries = [
        ("Erstens", 0, "1."),
        ("Unterpunkt", 1, "a)"),
        ("Strich", 0, "-"),
        ("Stern", 0, "*"),
        ("Plus", 0, "+"),
        ("Ohne Zeichen", 0, None),
    ]
    lines = [
        Line("Protokoll Stadtteiltisch 10.11.22", 1),
        Line("", 2),
        Line("Aktuelles", 3, Hints(heading=1)),
        *(
            Line(text, 4 + n, Hints(list_level=level, list_marker=marker))
            for n, (text, level, marker) in enumerate(entries)
        ),
    ]
    (item,) = parse_lines(lines).items
    assert _points(item.blocks[0].points) == [
        ("numbered", "Erstens", "1.", [("numbered", "Unterpunkt", "a)", [])]),
        ("bullet", "Strich", None, []),
        ("bullet", "Stern", None, []),
        ("bullet", "Plus", None, []),
        ("bullet", "Ohne Zeichen", None, []),
    ]


# --- nesting --------------------------------------------------------------------------------------


def test_points_nest_thirty_levels_deep_and_no_deeper() -> None:
    entries = "".join("  " * depth + f"- Ebene {depth + 1}\n" for depth in range(31))
    protocol = protokollkit.read_text(
        f"Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n{entries}"
    )
    points, depth = protocol.items[0].blocks[0].points, 0
    while points:
        depth += 1
        *_, last = points
        points = last.points
    assert depth == 30
    assert [(d.level, d.line, d.message) for d in protocol.diagnostics] == [
        (
            "warning",
            35,
            "Punkte sind tiefer als 30 Ebenen verschachtelt; dieser Punkt steht auf Ebene 30.",
        )
    ]
    (deepest,) = [
        p for p in _all_points(protocol.items[0].blocks[0].points) if p.text == "Ebene 31"
    ]
    assert deepest.points == ()


def _all_points(points: tuple[Point, ...]) -> list[Point]:
    return [q for p in points for q in (p, *_all_points(p.points))]


# --- mutB: survivors of the second half of layout.py's functions ---------------------------------


def _outline(text: str, fmt: str = "text") -> list[str]:
    from tests.test_layout_cases import outline

    return outline(protokollkit.read_text(text, name="layout.txt", format=fmt))


_SMALLEST = "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n"
_HEAD = ["Titel: Protokoll Stadtteiltisch 10.11.22", "Sitzung: Stadtteiltisch", "Datum: 2022-11-10"]


def test_office_control_characters_inside_a_line_are_spaces() -> None:
    # a vertical tab, form feed or group separator in plain ASCII text ends no line
    for mark in ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e"):
        assert _outline(f"{_SMALLEST}- Punkt{mark}eins\n- Punkt zwei\n") == [
            *_HEAD,
            "TOP 1: Aktuelles",
            "  Block: -",
            "    - Punkt eins",
            "    - Punkt zwei",
        ], repr(mark)


def test_carriage_returns_alone_end_lines() -> None:
    text = "Protokoll Stadtteiltisch 10.11.22\r\r1 Aktuelles\r\r- Punkt\r- Zweiter Punkt\r"
    assert _outline(text) == [
        *_HEAD,
        "TOP 1: Aktuelles",
        "  Block: -",
        "    - Punkt",
        "    - Zweiter Punkt",
    ]


def test_front_matter_lines_keep_their_trailing_spaces() -> None:
    lines, _rest, _used = split_front_matter("---\ntitle: Runder Tisch  \n---\nText\n")
    assert [line.text for line in lines] == ["title: Runder Tisch  "]


def test_a_comment_in_front_matter_is_a_metadata_field_of_its_own() -> None:
    text = "---\n# Vorlage Stadtteiltisch\ntitle: Protokoll Stadtteiltisch 10.11.22\n---\n\n"
    assert _outline(f"{text}1 Aktuelles\n\n- Punkt\n", "markdown")[3:5] == [
        "Meta # (other): Vorlage Stadtteiltisch",
        "Meta title (other): Protokoll Stadtteiltisch 10.11.22",
    ]


def test_a_bare_item_number_on_the_last_line_is_an_item_without_title() -> None:
    assert _outline(f"{_SMALLEST}- Punkt\n\nTOP 2")[-1] == "TOP 2: "


def test_a_bare_place_label_takes_a_value_of_up_to_eighty_characters_below() -> None:
    place = "Stadtteil- und Begegnungszentrum Groß Klein, Gerüstbauerring 28, 18109 Rostock"
    for value, taken in ((place + " a", True), (place + " ab", False)):
        text = f"Protokoll Stadtteiltisch 10.11.22\n\nVersammlungsort\n{value}\n\n"
        meta = _outline(f"{text}1 Aktuelles\n\n- Punkt\n")[3]
        assert (meta == f"Meta Versammlungsort (place): {value}") == taken, len(value)
    assert len(place + " a") == 80


def test_a_title_goes_on_with_a_line_of_up_to_two_hundred_characters() -> None:
    start = "über die öffentliche Sitzung des Ortsbeirates Groß Klein"
    for length, goes_on in ((200, True), (201, False)):
        below = f"{start} {'und des Ortsbeirates Schmarl ' * 6}"[: length - 14] + " am 14.02.2024"
        assert len(below) == length
        protocol = protokollkit.read_text(f"Niederschrift\n{below}\n\n1 Eröffnung\n\nText.\n")
        assert (protocol.title == f"Niederschrift {below}") == goes_on, length


def test_a_next_meeting_heading_over_one_line_of_up_to_eighty_characters() -> None:
    # one short line under ``## Nächste Sitzung``: the next meeting; a longer one: an item
    place = "Mittwoch, 14.12.2022, 17 Uhr im Stadtteil- und Begegnungszentrum Groß Klein"
    for value, taken in ((f"{place}, R 1", True), (f"{place}, R 12", False)):
        text = "# Protokoll Stadtteiltisch 10.11.22\n\n## 1 Aktuelles\n\nText.\n\n"
        lines = _outline(f"{text}## Nächste Sitzung\n\n{value}\n", "markdown")
        assert (f"Nächste Sitzung: {value} (2022-12-14)" in lines) == taken, len(value)
        assert ("TOP 2: Nächste Sitzung" in lines) != taken, len(value)
    assert len(f"{place}, R 1") == 80


def test_lines_with_only_spaces_are_an_empty_file() -> None:
    with pytest.raises(ParseError) as raised:
        parse_lines([Line("   ", 1), Line("", 2)], source="leer.txt")
    assert [(d.level, d.message, d.source, d.line) for d in raised.value.diagnostics] == [
        ("error", "Die Datei ist leer.", "leer.txt", 1)
    ]


# --- mutA: survivors of the mutation sample (attendance, front matter, agenda, titles) -----------


def _table(rows: list[tuple[str, ...]], start: int = 4) -> list[Line]:
    """Rows of a Word table (cells as hints, the text as a reader joins them)."""
    return [
        Line(" | ".join(cells), start + n, Hints(table_row=cells)) for n, cells in enumerate(rows)
    ]


def test_bold_column_heads_of_an_attendance_table_are_no_person() -> None:
    lines = [
        Line("Protokoll Stadtteiltisch 10.11.22", 1),
        Line("", 2),
        Line("Anwesend:", 3),
        *_table([("**Name**", "**Einrichtung**"), ("Anna Berg", "SBZ"), ("Karl Moor", "")]),
    ]
    protocol = parse_lines(lines)
    assert [(p.name, p.affiliation) for p in protocol.participants] == [
        ("Anna Berg", "SBZ"),
        ("Karl Moor", None),
    ]
    (heads,) = [p.text for b in protocol.preamble for p in b.points]  # kept as a paragraph
    assert "Name" in heads and "Einrichtung" in heads


def test_a_line_cleaned_of_special_spaces_keeps_its_number() -> None:
    protocol = protokollkit.read_text("Protokoll\u00a0Stadtteiltisch\n\n1 Aktuelles\n\n- Punkt\n")
    assert protocol.title == "Protokoll Stadtteiltisch"
    assert [(d.line, d.message) for d in protocol.diagnostics] == [
        (1, "Kein Datum gefunden (weder im Titel noch im Text oder im Dateinamen).")
    ]


def test_the_date_from_the_file_name_is_noted_at_the_title() -> None:
    protocol = protokollkit.read_text(
        "Protokoll Stadtteiltisch\n\n1 Aktuelles\n\n- Punkt\n", name="2022-11-10 Protokoll.txt"
    )
    assert protocol.date is not None and protocol.date.isoformat() == "2022-11-10"
    assert [(d.level, d.message, d.line, d.col) for d in protocol.diagnostics] == [
        ("info", "Datum aus dem Dateinamen übernommen.", 1, 1)
    ]
