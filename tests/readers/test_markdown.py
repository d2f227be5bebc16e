"""The Markdown reader: what the writer writes reads back equal; hand-written Markdown reads too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings

import protokollkit
from protokollkit.diagnostics import Diagnostic
from protokollkit.layout import Hints
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.readers.markdown import markdown_lines, read_markdown, read_markdown_bytes
from protokollkit.writers.markdown import escape_block, write_markdown
from tests.conftest import GOLDEN, examples
from tests.strategies import expected_warning, protocols

GOLDEN_MD = GOLDEN / "2022-11-10-stadtteiltisch.md"


def test_reference_round_trip_through_markdown(seed_text: str) -> None:
    protocol = protokollkit.read(seed_text)
    again = read_markdown(write_markdown(protocol))
    assert again == protocol
    assert again.diagnostics == ()


def test_golden_markdown_file_reads_to_the_reference(seed_text: str, tmp_path: Path) -> None:
    protocol = protokollkit.read(GOLDEN_MD)
    assert protocol == protokollkit.read(seed_text)
    assert protocol.diagnostics == ()
    assert protokollkit.write(protocol, "text") == protokollkit.write(
        protokollkit.read(seed_text), "text"
    )


@given(protocols(rich=True))
@settings(max_examples=examples(150), deadline=None)
@example(
    protocol=Protocol(
        title="Protokoll Stadtteiltisch 01.01.00",
        meeting="Stadtteiltisch",
        date=dt.date(2000, 1, 1),
        items=(AgendaItem(1, "aa", blocks=(Block(Person("Aaa Aaa", "stellt e.V.")),)),),
    )
).via("discovered failure: a speaker line whose affiliation starts with a verb read as a sentence")
def test_markdown_round_trip(protocol: Protocol) -> None:
    written = write_markdown(protocol)
    again = read_markdown(written)
    assert again == protocol
    assert all(expected_warning(d.message) for d in again.diagnostics)
    assert write_markdown(again) == written


SYNTAX = [
    "Klient*innen und Expert*innen",
    "18. November",
    "2020) Projektbeginn",
    "# kein Titel",
    "+ plus",
    "> kein Zitat",
    "- Strich",
    "_x_ `code` [Link](x) <b> \\ &amp;",
    "~~nicht durchgestrichen~~ $5",
    "***",
]


@pytest.mark.parametrize("text", SYNTAX)
def test_escaped_text_reads_back_exactly_everywhere(text: str) -> None:
    written = Protocol(
        "Protokoll Stadtteiltisch 10.11.22",
        "Stadtteiltisch",
        dt.date(2022, 11, 10),
        participants=(Person("Kathrin Krug", text.replace(")", "").replace("(", "")),),
        items=(
            AgendaItem(
                1,
                text,
                None,
                (
                    Block(
                        Person("Kathrin Krug", text),
                        (
                            Point(text, (Point(text),)),
                            Point(f"Die {text} wurde besprochen.", kind="paragraph"),
                            Point(text),
                        ),
                    ),
                ),
            ),
        ),
        next_meeting=NextMeeting(text),
    )
    protocol = protokollkit.read(str(protokollkit.write(written, "text")))  # dates as read
    paragraph = f"Die {text} wurde besprochen."
    assert [p.text for p in protocol.all_points()] == [text, text, paragraph, text]
    assert protocol.items[0].title == text
    assert read_markdown(write_markdown(protocol)) == protocol


def test_bytes_in_utf8_with_bom_and_crlf_are_read() -> None:
    data = ("\ufeff" + GOLDEN_MD.read_text(encoding="utf-8").replace("\n", "\r\n")).encode()
    assert read_markdown_bytes(data, "p.md") == read_markdown(GOLDEN_MD.read_text("utf-8"))


def test_windows_1252_markdown_is_read_with_a_warning() -> None:
    data = "# Protokoll AG Wohnen 1.2.2023\n\n## 1 Grüße\n\n- Öffnungszeiten\n".encode("cp1252")
    protocol = read_markdown_bytes(data, "alt.md")
    assert protocol.all_points() == [Point("Öffnungszeiten")]
    assert [d.message for d in protocol.diagnostics] == [
        "Datei ist nicht UTF-8; als Windows-1252 gelesen."
    ]


HAND_WRITTEN = """\
Protokoll *AG Wohnen* 1.2.2023
==============================

Teilnehmende: Robin Czarnecki, Jörg Utpatel (SBZ),
Kathrin Krug

# 1 Aktuelles

__Kathrin Krug, SBZ__

* erster Punkt mit *Betonung* und `Code`
    * eingerückt mit vier Leerzeichen
* Punkt über
  zwei Zeilen

1. nummeriert
2. auch nummeriert

### 2 Wohnen

Ein freier Absatz.

Nächster Termin: 1.3.2023, 14 Uhr
"""


def test_hand_written_markdown_follows_the_layout_rules() -> None:
    protocol = read_markdown(HAND_WRITTEN, "hand.md")
    assert protocol.title == "Protokoll AG Wohnen 1.2.2023"
    assert protocol.meeting == "AG Wohnen"
    assert [p.name for p in protocol.participants] == [
        "Robin Czarnecki",
        "Jörg Utpatel",
        "Kathrin Krug",
    ]
    assert [(i.number, i.title) for i in protocol.items] == [(1, "Aktuelles"), (2, "Wohnen")]
    first = protocol.items[0].blocks[0]
    assert first.speaker == Person("Kathrin Krug", "SBZ")
    assert first.points == (
        Point("erster Punkt mit Betonung und Code", (Point("eingerückt mit vier Leerzeichen"),)),
        Point("Punkt über zwei Zeilen"),
        Point("nummeriert", (), "numbered", "1."),
        Point("auch nummeriert", (), "numbered", "2."),
    )
    assert protocol.items[1].blocks == (
        Block(points=(Point("Ein freier Absatz.", kind="paragraph"),)),
    )
    assert protocol.next_meeting is not None
    assert protocol.next_meeting.date is not None and protocol.next_meeting.date.month == 3


def test_a_paragraph_is_ordinary_content_with_its_markdown_line() -> None:
    protocol = read_markdown(HAND_WRITTEN, "hand.md")
    assert not [d for d in protocol.diagnostics if d.level != "info"]
    [paragraph] = protocol.items[1].blocks[0].points
    assert (paragraph.text, paragraph.kind, paragraph.line) == (
        "Ein freier Absatz.",
        "paragraph",
        21,
    )


def test_participants_in_a_table_are_read() -> None:
    text = (
        "# Protokoll Stadtteiltisch 10.11.22\n\nTeilnehmende:\n\n"
        "| Name | Einrichtung |\n|---|---|\n| Kathrin Krug | SBZ |\n| Jörg Utpatel | |\n"
    )
    protocol = read_markdown(text)
    assert protocol.participants == (Person("Kathrin Krug", "SBZ"), Person("Jörg Utpatel"))


def test_lines_carry_hints_for_the_layout_rules() -> None:
    lines = markdown_lines(GOLDEN_MD.read_text(encoding="utf-8"))
    title = next(line for line in lines if line.hints.heading == 1)
    assert (title.text, title.number) == ("Protokoll Stadtteiltisch 10.11.22", 1)
    headings = [line.text for line in lines if line.hints.heading == 2]
    assert headings[:2] == ["Termine", "1 Aktuelles aus den Einrichtungen"]
    speakers = [line.text for line in lines if line.hints.bold]
    assert speakers[0] == "Robin Czarnecki, Väterarbeit Charisma e.V."
    points = [line for line in lines if line.hints.list_level is not None]
    assert len(points) == 4 + 34  # the Termine section, then every point
    assert points[4].text == "Stelle Gemeindepädagogik weiterhin nicht besetzt"
    assert {p.hints.list_marker for p in points} == {"-"}


def test_termine_section_is_dropped_when_it_matches_and_kept_when_edited(seed_text: str) -> None:
    protocol = protokollkit.read(seed_text)
    markdown = write_markdown(protocol)
    assert "\n## Termine\n" in markdown
    assert read_markdown(markdown) == protocol
    assert read_markdown(markdown).diagnostics == ()
    edited = markdown.replace("Weihnachtsverkauf im Wühlmäuschen\n", "Weihnachtsverkauf!\n", 1)
    kept = read_markdown(edited, "protokoll.md")
    assert kept != protocol
    assert any("Weihnachtsverkauf!" in p.text for p in kept.all_points())
    assert kept.diagnostics == (
        Diagnostic(
            "warning",
            "Der Abschnitt „Termine“ passt nicht mehr zu den Punkten; er bleibt als Text erhalten.",
            "protokoll.md",
            3,  # the section's heading
            1,
        ),
    )
    assert [item.title for item in kept.items] == [item.title for item in protocol.items]


def test_termine_block_quote_of_older_versions_is_still_dropped(seed_text: str) -> None:
    from protokollkit.termine import termine_lines

    protocol = protokollkit.read(seed_text)
    lines = termine_lines(protocol)
    quote = f"> **{lines[0]}**\n>\n" + "".join(f"> {line}\n" for line in lines[1:])
    markdown = write_markdown(protocol)
    start = markdown.index("## Termine")
    end = markdown.index("**Teilnehmende:**")
    assert read_markdown(markdown[:start] + quote + "\n" + markdown[end:]) == protocol


def test_points_that_look_like_other_lines_stay_points() -> None:
    texts = ["2 Termine", "Teilnehmende: alle", "Nächster Termin: 1.3.2023", "Protokoll", "– aa"]
    protocol = read_markdown(
        "# Protokoll AG Wohnen 1.2.2023\n\n## 1 Aktuelles\n\n"
        + "".join(f"- {escape_block(t)}\n  - {escape_block(t)}\n" for t in texts)
    )
    assert [p.text for p in protocol.all_points()] == [t for t in texts for _ in (1, 2)]
    assert protocol.participants == () and protocol.items[0].number == 1
    # The next meeting named in a point is the protocol's next meeting; the point stays.
    assert protocol.next_meeting == NextMeeting(
        "Nächster Termin: 1.3.2023", dt.date(2023, 3, 1), ""
    )


def test_empty_markdown_is_a_clear_error() -> None:
    with pytest.raises(protokollkit.ParseError) as info:
        read_markdown_bytes(b"  \n\n", "leer.md")
    assert str(info.value) == "leer.md: fehler: Die Datei ist leer."
    with pytest.raises(protokollkit.ParseError) as info:
        read_markdown_bytes(b"")
    assert info.value.diagnostics[0].source == "<markdown>"


def test_markdown_without_title_is_read_with_a_warning() -> None:
    protocol = read_markdown("- a\n- b\n- c\n- d\n- e\n- f\n- g\n", "ohne.md")
    assert protocol.title == "Protokoll"
    assert [p.text for p in protocol.all_points()] == list("abcdefg")
    assert any("Keine Titelzeile" in d.message for d in protocol.diagnostics)


def test_lists_nested_deeper_than_markdown_can_parse_keep_every_line() -> None:
    lines = "\n".join(f"{'  ' * depth}- Punkt{depth}" for depth in range(500))
    protocol = read_markdown(f"# Protokoll X 1.1.22\n\n## 1 A\n\n{lines}\n", "tief.md")
    written = str(protokollkit.write(protocol, "text"))
    assert all(f"Punkt{depth}" in written for depth in range(500))
    assert protocol.diagnostics[0] == Diagnostic(
        "warning",
        "Listen tiefer als 30 Ebenen: als Text gelesen, nicht als Markdown.",
        "tief.md",
        0,
        0,
    )
    assert {d.source for d in protocol.diagnostics} == {"tief.md"}


def test_lists_25_levels_deep_are_still_read_as_markdown() -> None:
    lines = "\n".join(f"{'  ' * depth}- Punkt{depth}" for depth in range(25))
    protocol = read_markdown(f"# Protokoll X 1.1.22\n\n## 1 A\n\n{lines}\n", "tief.md")
    point, depth = protocol.items[0].blocks[0].points[0], 0
    while point.points:
        assert point.text == f"Punkt{depth}"
        point, depth = point.points[0], depth + 1
    assert (point.text, depth) == ("Punkt24", 24)
    assert protocol.diagnostics == ()


def test_a_markdown_text_with_a_byte_order_mark_keeps_its_title_heading() -> None:
    protocol = read_markdown("\ufeff# Protokoll AG 1.2.2023\n\n## 1 Aktuelles\n\n- Fest\n")
    assert protocol.title == "Protokoll AG 1.2.2023"
    assert [item.title for item in protocol.items] == ["Aktuelles"]


INLINE = """\
# Protokoll Stadtteiltisch 09.02.2023

Teilnehmende: Kathrin Krug, Marén Wiese, Dirk Malner

## 1 Aktuelles aus den Einrichtungen

**Kathrin Krug, SBZ**

- Infos unter [SBZ-Seite](https://sbz.example.org/) und <https://sbz.example.org/fest>
- Kontakt: <kathrin.krug@sbz.example.org>
- Ferienprogramm<br>liegt aus
- Aushang mit\\
  hartem Umbruch
- Anmeldung über das [Formular
  der Stadt](https://rostock.example.org/formular)
- Kuchen <u>bitte</u> bis Freitag, Raum <2.14>
- ![Plakat Frühlingsfest](plakat.png) und ![](foto.jpg)

**Marén Wiese**, Stadtteilmanagement

- **Wichtig:** Fest am 22.04.2023
- [**Fest-Seite**](https://sbz.example.org/fest)
- Protokolle: [](https://sbz.example.org/protokolle)

## 2 Verschiedenes

**Dirk Malner**<br>
WIRO

- Mieter-App jetzt auf Ukrainisch

[Fotos vom Fest](https://sbz.example.org/fotos)

Nächster Termin: 09.03.2023, 14 Uhr
"""
"""Markdown as people write it by hand: links of every kind, line breaks inside points and
after a speaker, inline HTML, images, bold at the start of a point."""


def test_inline_markup_of_hand_written_markdown() -> None:
    protocol = read_markdown(INLINE, "hand.md")
    assert protocol.diagnostics == ()
    first, second = protocol.items[0].blocks
    assert first.speaker == Person("Kathrin Krug", "SBZ")
    assert [(p.text, p.line) for p in first.points] == [
        # a labelled link, an autolink (its own label: the bare URL)
        ("Infos unter [SBZ-Seite](https://sbz.example.org/) und https://sbz.example.org/fest", 9),
        ("Kontakt: mailto:kathrin.krug@sbz.example.org", 10),  # as the office readers keep it
        ("Ferienprogramm liegt aus", 11),  # <br> inside a point
        ("Aushang mit hartem Umbruch", 12),  # a backslash at the end of the line
        ("Anmeldung über das [Formular der Stadt](https://rostock.example.org/formular)", 14),
        ("Kuchen bitte bis Freitag, Raum <2.14>", 16),  # <u> dropped, no tag kept
        ("[Plakat Frühlingsfest](plakat.png) und [Bild](foto.jpg)", 17),
    ]
    # only the name bold: still the speaker line; a point that starts bold is no speaker
    assert second.speaker == Person("Marén Wiese", "Stadtteilmanagement")
    assert [(p.text, p.kind) for p in second.points] == [
        ("Wichtig: Fest am 22.04.2023", "bullet"),
        ("[Fest-Seite](https://sbz.example.org/fest)", "bullet"),
        ("Protokolle: https://sbz.example.org/protokolle", "bullet"),  # a link without label
    ]
    [third] = protocol.items[1].blocks
    assert third.speaker == Person("Dirk Malner")  # the line break ends the bold line
    assert [(p.text, p.kind, p.line) for p in third.points] == [
        ("WIRO", "paragraph", 29),
        ("Mieter-App jetzt auf Ukrainisch", "bullet", 30),
        # a paragraph that is only a link is not bold: no speaker
        ("[Fotos vom Fest](https://sbz.example.org/fotos)", "paragraph", 32),
    ]


STRUCTURED = """\
---
sitzung: Stadtteiltisch
ort: SBZ
---
# Protokoll Stadtteiltisch 09.03.2023

Teilnehmende: Kathrin Krug, Marén Wiese

## 1 Post

**Kathrin Krug, SBZ**

> Liebe Runde,
> > ursprüngliche Nachricht der Stadt
>
> Viele Grüße aus dem Stadtamt

1) Antrag gestellt
2) Antwort abwarten

   Rückfrage bei der Stadt am 15.03.2023

- Fest

  vorbereitet

```
Kasse: 412 €
```

Nächster Termin: 13.04.2023
"""
"""Front matter, a quoted e-mail with a quote inside, ``1)`` items with a second paragraph,
a loose list item and a code block: every line keeps its line in the file."""


def test_block_structure_of_hand_written_markdown_keeps_the_file_lines() -> None:
    protocol = read_markdown(STRUCTURED, "hand.md")
    assert protocol.diagnostics == ()
    assert [(m.label, m.value) for m in protocol.meta] == [
        ("sitzung", "Stadtteiltisch"),
        ("ort", "SBZ"),
    ]
    assert [p.name for p in protocol.participants] == ["Kathrin Krug", "Marén Wiese"]
    [block] = protocol.items[0].blocks
    assert block.speaker == Person("Kathrin Krug", "SBZ")
    assert [(p.text, p.kind, p.marker, p.line) for p in block.points] == [
        ("Liebe Runde,", "paragraph", None, 13),
        ("ursprüngliche Nachricht der Stadt", "paragraph", None, 14),
        ("Viele Grüße aus dem Stadtamt", "paragraph", None, 16),
        ("Antrag gestellt", "numbered", "1)", 18),
        ("Antwort abwarten Rückfrage bei der Stadt am 15.03.2023", "numbered", "2)", 19),
        ("Fest vorbereitet", "bullet", None, 23),
        ("Kasse: 412 €", "paragraph", None, 28),
    ]
    assert protocol.next_meeting == NextMeeting("13.04.2023", dt.date(2023, 4, 13))


BLOCKS = """\
# Protokoll Stadtteiltisch 13.04.2023

Teilnehmende:

| Name | Einrichtung |
|---|---|
| Kathrin Krug | SBZ |
| Marén Wiese | Stadtteilmanagement |

<div align="center">
<b>Entschuldigt:</b> Dirk Malner
</div>

<hr>

## 1 Kasse

**Kathrin Krug, SBZ**

- Kasse geprüft
  - Belege vollständig
- Bericht folgt

```vote-success
Kassenbericht angenommen
einstimmig
```

    Stand 412 €
    Spenden 80 €

| Aufgabe | Wer | Bis |
|---|---|---|
| Plakate | Marén | 20.04.2023 |

Nächster Termin: 11.05.2023
"""
"""Tables (participants, tasks), HTML blocks, a fenced block with an info string, an indented
code block and a nested list."""


def test_block_kinds_become_lines_with_their_hints_and_file_lines() -> None:
    NONE = Hints()
    assert [(line.number, line.text, line.hints) for line in markdown_lines(BLOCKS)] == [
        (1, "Protokoll Stadtteiltisch 13.04.2023", Hints(heading=1)),
        (1, "", NONE),
        (3, "Teilnehmende:", NONE),
        (5, "Name | Einrichtung", Hints(table_row=("Name", "Einrichtung"), table_header=True)),
        (7, "Kathrin Krug | SBZ", Hints(table_row=("Kathrin Krug", "SBZ"))),
        (8, "Marén Wiese | Stadtteilmanagement",
         Hints(table_row=("Marén Wiese", "Stadtteilmanagement"))),
        (8, "", NONE),
        (11, "Entschuldigt:  Dirk Malner", NONE),  # tags become spaces (the layout folds them)
        (11, "", NONE),
        (16, "1 Kasse", Hints(heading=2)),
        (16, "", NONE),
        (18, "Kathrin Krug, SBZ", Hints(bold=True)),
        (18, "", NONE),
        (20, "Kasse geprüft", Hints(list_level=0, list_marker="-")),
        (21, "Belege vollständig", Hints(list_level=1, list_marker="-")),
        (22, "Bericht folgt", Hints(list_level=0, list_marker="-")),
        (22, "", NONE),
        (24, "vote-success", NONE),  # a fence's info says something
        (25, "Kassenbericht angenommen", NONE),
        (26, "einstimmig", NONE),
        (26, "", NONE),
        (29, "Stand 412 €", NONE),  # an indented code block
        (30, "Spenden 80 €", NONE),
        (32, "Aufgabe | Wer | Bis", Hints(table_row=("Aufgabe", "Wer", "Bis"), table_header=True)),
        (34, "Plakate | Marén | 20.04.2023", Hints(table_row=("Plakate", "Marén", "20.04.2023"))),
        (34, "", NONE),
        (36, "Nächster Termin: 11.05.2023", NONE),
        (36, "", NONE),
    ]  # fmt: skip


WRAPPED = """\
Protokoll Stadtteiltisch
11.05.2023
==========

| Name | Einrichtung |
|---|---|
| Kathrin Krug<br>(Leitung) | SBZ |

## 1 Fest

- Aufbau
  - Zelte ab 12 Uhr

  Nachtrag: Strom vom SBZ
- Abbau
"""
"""A title over two lines (setext), a line break inside a table cell, and a list item's second
paragraph after its sub-list."""


def test_an_item_s_paragraph_after_its_sub_list_is_its_own_entry() -> None:
    """Not the tail of the sub-list's last point: markdown-it ends the sub-list before it."""
    points = read_markdown(WRAPPED).items[0].blocks[0].points
    assert [(p.kind, p.text, [c.text for c in p.points]) for p in points] == [
        ("bullet", "Aufbau", ["Zelte ab 12 Uhr"]),
        ("paragraph", "Nachtrag: Strom vom SBZ", []),
        ("bullet", "Abbau", []),
    ]


def test_wrapped_titles_cells_and_item_paragraphs_keep_their_words() -> None:
    NONE = Hints()
    assert [(line.number, line.text, line.hints) for line in markdown_lines(WRAPPED)] == [
        (1, "Protokoll Stadtteiltisch 11.05.2023", Hints(heading=1)),
        (5, "Name | Einrichtung", Hints(table_row=("Name", "Einrichtung"), table_header=True)),
        (7, "Kathrin Krug (Leitung) | SBZ",
         Hints(table_row=("Kathrin Krug (Leitung)", "SBZ"))),
        (7, "", NONE),
        (9, "1 Fest", Hints(heading=2)),
        (9, "", NONE),
        (11, "Aufbau", Hints(list_level=0, list_marker="-")),
        (12, "Zelte ab 12 Uhr", Hints(list_level=1, list_marker="-")),
        (12, "", NONE),  # the paragraph is not the sub-point's continuation
        (14, "  Nachtrag: Strom vom SBZ", NONE),  # indented, no list hint
        (15, "Abbau", Hints(list_level=0, list_marker="-")),
        (15, "", NONE),
    ]  # fmt: skip


JEKYLL = """\
---
title: "Lokale Versammlung Südstadt"
date: 2025-06-19
banner:
  image: /bilder/versammlung.jpg
  heading_style: "font-size: 4em; color: gold"
tags:
  - versammlung
---

## 1 Spielplätze

- Der Spielplatz an der Hafenstraße wird erneuert.
"""


def test_front_matter_title_nested_keys_and_values_with_colons() -> None:
    """A Jekyll post: the front matter's title over a section heading; nested keys as dotted
    labels (the parent has no value of its own); a value with colons stays one value."""
    protocol = read_markdown(JEKYLL, "2025-06-19-versammlung.md")
    assert protocol.title == "Lokale Versammlung Südstadt"
    assert [(f.label, f.value) for f in protocol.meta] == [
        ("title", "Lokale Versammlung Südstadt"),
        ("date", "2025-06-19"),
        ("banner.image", "/bilder/versammlung.jpg"),
        ("banner.heading_style", "font-size: 4em; color: gold"),
        ("tags", "versammlung"),
    ]
    assert [(item.number, item.title) for item in protocol.items] == [(1, "Spielplätze")]
    assert protokollkit.read_text(protokollkit.write(protocol, "text")) == protocol


def test_a_first_level_heading_is_the_title_over_the_front_matter_s() -> None:
    text = "---\ntitle: Alle Beschlüsse\n---\n\n# Beschlüsse des Plenums\n\n- Hafermilch\n"
    assert read_markdown(text).title == "Beschlüsse des Plenums"


SUBTITLED = """\
# Nachbarschaftsgarten Lindenhof: Saisonplanung
## Zusammenschrift des Gesprächs zur Gartensaison 2025

### Diskussionspunkte

- Hochbeete für Ältere

### Entscheidungen

- Ein dritter Komposter wird gekauft.
"""


def test_a_subtitle_under_the_title_is_no_item() -> None:
    """The only ``##`` right under the ``#`` title and over ``###`` sections is a subtitle: the
    sections are the items (not sub-items of one item named like the subtitle)."""
    protocol = read_markdown(SUBTITLED, "2025-04-08-garten.md")
    assert [(i.number, i.title, len(i.items)) for i in protocol.items] == [
        (1, "Diskussionspunkte", 0),
        (2, "Entscheidungen", 0),
    ]
    assert [p.text for b in protocol.preamble for p in b.points] == [
        "Zusammenschrift des Gesprächs zur Gartensaison 2025"
    ]
    text = str(protokollkit.write(protocol, "text"))
    assert protokollkit.read_text(text, name="2025-04-08-garten.txt") == protocol
    # a second ``##`` makes them sections of their own
    two = SUBTITLED.replace("### Entscheidungen", "## Entscheidungen")
    assert (
        read_markdown(two).items[0].title == "Zusammenschrift des Gesprächs zur Gartensaison 2025"
    )


INITIALS = """\
Wer macht was?

KB:
- Artikel für den Fachtag fertig

RM:
- Umfrage vorbereitet
  - Fragebogen liegt im Ordner
- Plakat für den Stand am 14.06.

---

Termine:

- Freitag, 06.06., Bi-Weekly
"""


def test_initials_are_speakers_and_a_short_paragraph_above_a_list_is_a_topic() -> None:
    """``KB:`` above a list is a person's initials (a speaker), ``Termine:`` alone above a list
    a topic: in Markdown as in plain text, and the archive text reads back the same. The date in
    the file name wins over a date further down the text (``für den Stand am 14.06.``)."""
    for protocol in (
        read_markdown(INITIALS, "2025-06-03.md"),
        protokollkit.read_text(INITIALS, name="2025-06-03.txt"),
    ):
        assert [b.speaker.name for b in protocol.preamble if b.speaker] == ["KB", "RM"]
        assert [i.title for i in protocol.items] == ["Termine"]
        assert protocol.date == dt.date(2025, 6, 3)
        text = str(protokollkit.write(protocol, "text"))
        assert protokollkit.read_text(text, name="2025-06-03.txt") == protocol
    # a topic in capitals and small letters stays a topic
    topic = read_markdown(INITIALS.replace("KB:", "Kb:"), "2025-06-03.md")
    assert [i.title for i in topic.items][:1] == ["Kb"]


def test_a_quoted_greeting_is_no_speaker() -> None:
    """``> Gruß, Stadtamt`` in a quoted letter is text: a greeting word is no person's name."""
    protocol = read_markdown(
        "Protokoll Treffen 01.02.2025\n\nTOP 1 Post\n\n"
        "> Gruß, Stadtamt\n\n> Wir bitten um Antwort.\n"
    )
    (block,) = protocol.items[0].blocks
    assert block.speaker is None
    assert [p.text for p in block.points] == ["Gruß, Stadtamt", "Wir bitten um Antwort."]


def test_the_next_meeting_with_its_date_above_a_list_is_no_topic() -> None:
    """``Nächstes Meeting 16.05.2023`` alone above a list names the next meeting; a short line
    like it without a date (``Organisatorisches``) is a topic."""
    text = (
        "Protokoll Projektgruppe 09.05.2023\n\nOrganisatorisches\n- Raum gebucht\n\n"
        "Nächstes Meeting 16.05.2023\n- Jeder stellt seinen Teil vor.\n"
    )
    protocol = read_markdown(text)
    assert [i.title for i in protocol.items] == ["Organisatorisches"]
    assert protocol.next_meeting is not None
    assert protocol.next_meeting.date == dt.date(2023, 5, 16)


def test_a_bold_paragraph_under_a_bare_title_word_goes_on_with_the_title() -> None:
    """``# Niederschrift`` and a bold ``über die … Sitzung …`` paragraph below it (Word exports
    write the title in two paragraphs): one title. A bold line that does not go on (``Bericht
    des Vorsitzenden``) stays what it was."""
    text = "# Niederschrift\n\n**{}**\n\n## 1 Begrüßung\n\nText.\n"
    protocol = read_markdown(text.format("über die öffentliche Sitzung des Beirats am 12.06.2024"))
    assert protocol.title == "Niederschrift über die öffentliche Sitzung des Beirats am 12.06.2024"
    assert protocol.date == dt.date(2024, 6, 12)
    assert [i.title for i in protocol.items] == ["Begrüßung"]
    other = read_markdown(text.format("Bericht des Vorsitzenden"))
    assert other.title == "Niederschrift"
    assert [i.title for i in other.items][:1] == ["Bericht des Vorsitzenden"]


def test_a_plan_as_a_table_and_items_as_bold_zu_top_lines_with_the_title_below() -> None:
    """A plan as a table (number cell, title cell; the column heads are no entry) and the
    minutes' items as one bold paragraph ``Zu TOP 1.`` + line break + title, as Word
    Niederschriften write them. Two bold lines that are no ``Zu TOP`` stay as they were."""
    text = (
        "# Niederschrift über die Sitzung des Beirats am 12.06.2024\n\n## Tagesordnung\n\n"
        "| Nr. | Punkt |\n|---|---|\n| 1. | Begrüßung |\n| 2. | Haushalt 2025 |\n\n"
        "**Zu TOP 1.**  \n**Begrüßung**\n\nDie Vorsitzende begrüßt die Anwesenden.\n\n"
        "**Zu TOP 2.**  \n**Haushalt 2025**\n\nDer Haushalt wird einstimmig beschlossen.\n\n"
        "**Zu den Akten**  \n**genommen**\n"
    )
    protocol = read_markdown(text)
    assert protocol.agenda == ("Begrüßung", "Haushalt 2025")
    assert [(i.number, i.title) for i in protocol.items] == [(1, "Begrüßung"), (2, "Haushalt 2025")]
    assert [p.text for b in protocol.items[1].blocks for p in b.points][-1] == "genommen"


TEMPLATE = """# Meeting: Orgatreffen Nachbarschaftshilfe 11.02.2025

## 📅 Meeting Info

**Zeit:** 19:00 - 20:45␣␣
**Ort/Platform:** Nachbarschaftstreff, Raum 2␣␣

## 👥 Teilnehmer

**Anwesend:**
- Katja Brenner - Koordination
- Paul Wendt - Kasse

**Abwesend:**
- Sabine Roth - krank
- Jan Ohm - Kasse

**Meeting-Leiter:** Katja Brenner␣␣

## 📋 Agenda

1. **Einkaufshilfe** (15 min)
2. **Finanzen** (15 min)

## 1. Einkaufshilfe

Im Januar 14 Einsätze.
""".replace("␣", " ")  # (two spaces: a Markdown hard line break)


def test_a_meeting_template_with_emoji_sections() -> None:
    """Emoji before a heading do not hide its label: ``📅 Meeting Info`` opens the metadata
    (``Ort/Platform``: the place, ``Meeting-Leiter``: the chair), ``👥 Teilnehmer`` over
    ``**Anwesend:**`` is a section whose labels name the groups, ``📋 Agenda`` the plan.
    ``Name - Rolle`` list entries keep the role apart; ``Name - krank`` under ``Abwesend`` was
    excused, ``Name - Kasse`` there stays absent."""
    protocol = read_markdown(TEMPLATE)
    assert protocol.meta_value("place") == "Nachbarschaftstreff, Raum 2"
    assert protocol.meta_value("chair") == "Katja Brenner"
    assert (protocol.meta_value("start"), protocol.meta_value("end")) == ("19:00", "20:45")
    assert protocol.participants_label == "Anwesend"
    assert [(p.name, p.affiliation) for p in protocol.participants] == [
        ("Katja Brenner", "Koordination"),
        ("Paul Wendt", "Kasse"),
    ]
    assert [p.name for p in protocol.attendance_of("excused")] == ["Sabine Roth"]
    assert [p.name for p in protocol.attendance_of("absent")] == ["Jan Ohm"]
    assert protocol.agenda[:1] == ("Einkaufshilfe (15 min)",)
    assert [i.title for i in protocol.items] == ["Einkaufshilfe"]


def test_a_lone_dash_is_a_list_marker_not_an_underline() -> None:
    """A pad's header typed line under line, and ``-`` alone over each planned entry (a list
    copied from a web page): CommonMark makes each paragraph over a lone ``-`` a setext
    heading, which would turn the whole header into one title and the plan into items. One
    character is no underline: the lines run on as they stand."""
    text = (
        "Protokoll der 12. Sitzung des Vorstands vom 27. Januar 2025\n"
        "Anwesend: Lea Domke, Finn Hasselbach\n"
        "Beginn: 19:04 Uhr Ende: 21:37 Uhr\n"
        "Tagesordnung\n"
        "-\n"
        "TOP 1 – Wahlen\n"
        "-\n"
        "TOP 2 – Gäste\n"
        "TOP 1 – Wahlen\n"
        "Keine Wahlen.\n"
        "TOP 2 – Gäste\n"
        "Tim stellt das Sommerfest vor.\n"
    )
    protocol = protokollkit.read(text, "markdown")
    assert protocol.title == "Protokoll der 12. Sitzung des Vorstands vom 27. Januar 2025"
    assert [p.name for p in protocol.participants] == ["Lea Domke", "Finn Hasselbach"]
    assert protocol.meta_value("start") == "19:04 Uhr"
    assert protocol.agenda == ("Wahlen", "Gäste")
    assert [item.title for item in protocol.items] == ["Wahlen", "Gäste"]


def test_label_lines_over_an_underline_are_lines_not_one_heading() -> None:
    """Label lines typed one under the other over a ``---`` underline: only the last line is
    the heading; a title wrapped over two lines above ``===`` stays one heading."""
    text = (
        "Protokoll der Sitzung vom 27. Januar 2025\n"
        "Anwesend: Lea Domke, Finn Hasselbach\n"
        "Beginn: 19:04 Uhr\n"
        "Begrüßung\n"
        "---------\n"
        "Keine Wahlen.\n"
    )
    protocol = protokollkit.read(text, "markdown")
    assert [p.name for p in protocol.participants] == ["Lea Domke", "Finn Hasselbach"]
    assert [item.title for item in protocol.items] == ["Begrüßung"]
    wrapped = protokollkit.read(
        "Protokoll der Sitzung\nvom 27. Januar 2025\n===\n\nText.\n", "markdown"
    )
    assert wrapped.title == "Protokoll der Sitzung vom 27. Januar 2025"
