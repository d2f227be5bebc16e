"""The Markdown writer: golden output, and rendering checked with markdown-it-py."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

import protokollkit
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.writers.markdown import write_markdown
from tests.conftest import assert_golden
from tests.strategies import protocols


def render_all(markdown: str) -> str:
    """HTML as a CommonMark renderer shows it (with GFM tables and strikethrough)."""
    rendered: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return rendered


def render(markdown: str) -> str:
    """The rendered HTML without the Termine section (derived from the points)."""
    return re.sub(r"<h2>Termine</h2>\n<ul>.*?</ul>\n", "", render_all(markdown), flags=re.S)


def tags(rendered: str) -> set[str]:
    """The names of the HTML elements in the rendered output."""
    return set(re.findall(r"<([a-z][a-z0-9]*)", rendered))


def count(tag: str, rendered: str) -> int:
    return len(re.findall(f"<{tag}>", rendered))


def list_item_texts(rendered: str) -> list[str]:
    """The text of every ``<li>`` up to its nested list, unescaped, in document order."""
    return [html.unescape(m) for m in re.findall(r"<li>(.*?)(?:\n<ul>|</li>)", rendered)]


def one_point(*texts: str, speaker: Person | None = None) -> Protocol:
    return Protocol(
        "Protokoll Stadtteiltisch 10.11.22",
        "Stadtteiltisch",
        None,
        items=(
            AgendaItem(1, "Aktuelles", None, (Block(speaker, tuple(Point(t) for t in texts)),)),
        ),
    )


def test_reference_markdown_matches_golden(seed_text: str) -> None:
    assert_golden("2022-11-10-stadtteiltisch.md", write_markdown(protokollkit.read(seed_text)))


def test_reference_renders_title_items_and_every_point(seed_text: str) -> None:
    protocol = protokollkit.read(seed_text)
    rendered = render(write_markdown(protocol))
    assert count("h1", rendered) == 1
    assert "<h1>Protokoll Stadtteiltisch 10.11.22</h1>" in rendered
    assert re.findall(r"<h2>(.*?)</h2>", rendered) == [
        "1 Aktuelles aus den Einrichtungen",
        "2 Sozialraumorientierung in Rostock weiterdenken",
        "3 Europäisches Jugendtreffen Taizé",
        "4 RoDeFa – wie geht's weiter? Ilona Eckhardt (IBS / RoDeFa)",
    ]
    assert list_item_texts(rendered) == [p.text for p in protocol.all_points()]
    assert count("li", rendered) == 34
    assert tags(rendered) == {"h1", "h2", "p", "strong", "ul", "li"}
    speakers = sum(1 for item in protocol.items for b in item.blocks if b.speaker)
    assert count("strong", rendered) == speakers + 2  # plus the two labels
    assert "<p><strong>Teilnehmende:</strong> Robin Czarnecki, " in rendered
    assert "<p><strong>Nächster Termin:</strong> noch offen</p>" in rendered
    assert "<p><strong>Sebastian Eberhard, FAW gGmbH, Beratungsstelle „COME IN“</strong></p>" in (
        rendered
    )


def test_termine_section_has_a_heading_at_the_top(seed_text: str) -> None:
    rendered = render_all(write_markdown(protokollkit.read(seed_text)))
    assert "<blockquote>" not in rendered
    assert rendered.index("<h2>Termine</h2>") < rendered.index("<h2>1 Aktuelles")
    section = rendered.split("<h2>Termine</h2>", 1)[1].split("<p>", 1)[0]
    assert list_item_texts(section) == [
        "Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen",
        "Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt (Aufbau ab 12:30 Uhr)",
        "Mi 07.12.2022, 9:00–12:00 Uhr: Abschlussveranstaltung für den Nordwesten"
        " (Ort: Likedeeler)",
        "Fr 09.12.2022, 15:30–17:30 Uhr: Adventssingen mit RoSi im Signalgastweg",
    ]


def test_typography_is_written_as_literal_characters(seed_text: str) -> None:
    markdown = write_markdown(protokollkit.read(seed_text))
    for fragment in ("„COME IN“", "Planung – Jugend", "→ wer möchte", "geht's"):
        assert fragment in markdown
    assert "&" + "ldquo;" not in markdown and "&#" not in markdown


def test_gender_asterisks_in_one_line_are_not_emphasis() -> None:
    text = "Klient*innen und Expert*innen, auch *Mieter*innen*"
    markdown = write_markdown(one_point(text))
    assert "Klient\\*innen und Expert\\*innen" in markdown
    rendered = render(markdown)
    assert tags(rendered) == {"h1", "h2", "ul", "li"}
    assert list_item_texts(rendered) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "18.11. Weihnachtsverkauf",
        "18. November Weihnachtsverkauf",
        "2020 Projektbeginn",
        "2020) Projektbeginn",
        "1.",
        "7)",
    ],
)
def test_numbers_at_point_start_are_not_ordered_lists(text: str) -> None:
    rendered = render(write_markdown(one_point(text)))
    assert tags(rendered) == {"h1", "h2", "ul", "li"}
    assert list_item_texts(rendered) == [text]


LEADING = [
    "# keine Überschrift",
    "## auch nicht",
    "+ kein Unterpunkt",
    "> kein Zitat",
    "- kein Unterpunkt",
    "---",
    "* * *",
    "_x_ und __y__",
    "`code` und ``mehr``",
    "```",
    "~~~ und ~~durch~~",
    "[Link](https://example.org) und [Link]",
    "![Bild](bild.png)",
    "<b>fett</b> und <https://example.org>",
    "\\ am Anfang und am Ende \\",
    "\\*kein\\* Stern",
    "&amp; &#42; &copy; & Co",
    "= = =",
    "Kosten $5 bis $10",
    "Ende mit #",
    "| a | b |",
]


@pytest.mark.parametrize("text", LEADING)
def test_markdown_syntax_in_point_text_is_shown_literally(text: str) -> None:
    rendered = render(write_markdown(one_point(text, "zweiter Punkt")))
    assert list_item_texts(rendered) == [text, "zweiter Punkt"]
    assert tags(rendered) == {"h1", "h2", "ul", "li"}


@pytest.mark.parametrize("text", LEADING)
def test_markdown_syntax_in_notes_and_headings_is_shown_literally(text: str) -> None:
    protocol = Protocol(
        f"Protokoll {text}",
        text,
        None,
        items=(AgendaItem(1, text, None, (Block(note=text),)),),
        next_meeting=NextMeeting(text),
        back=(text,),
    )
    rendered = render(write_markdown(protocol))
    assert re.findall(r"<h1>(.*?)</h1>", rendered) == [html.escape(f"Protokoll {text}", False)]
    assert re.findall(r"<h2>(.*?)</h2>", rendered) == [html.escape(f"1 {text}", False)]
    paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", rendered)]
    assert paragraphs == [text, f"<strong>Nächster Termin:</strong> {text}", text]
    assert tags(rendered) == {"h1", "h2", "p", "strong"}


def test_nested_points_are_nested_lists() -> None:
    protocol = one_point("oben")
    inner = Point("oben", (Point("mitte", (Point("unten"),)), Point("mitte 2")))
    item = AgendaItem(1, "Aktuelles", None, (Block(None, (inner, Point("zwei"))),))
    protocol = Protocol(protocol.title, protocol.meeting, None, items=(item,))
    markdown = write_markdown(protocol)
    assert "- oben\n  - mitte\n    - unten\n  - mitte 2\n- zwei\n" in markdown
    rendered = render(markdown)
    assert count("ul", rendered) == 3
    assert list_item_texts(rendered) == ["oben", "mitte", "unten", "mitte 2", "zwei"]


@given(protocols())
@settings(max_examples=100, deadline=None)
def test_random_protocols_render_as_intended(protocol: Protocol) -> None:
    rendered = render(write_markdown(protocol))
    assert count("h1", rendered) == 1
    assert count("h2", rendered) == len(protocol.items)
    assert list_item_texts(rendered) == [p.text for p in protocol.all_points()]
    assert tags(rendered) <= {"h1", "h2", "p", "strong", "ul", "li"}
    speakers = sum(1 for item in protocol.items for b in item.blocks if b.speaker)
    labels = bool(protocol.participants) + (protocol.next_meeting is not None)
    assert count("strong", rendered) == speakers + labels
