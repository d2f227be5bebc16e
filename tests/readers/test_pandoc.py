"""The office readers against real documents: ``protokollkit.read`` (.docx and .odt through the
direct readers, .rtf and .html through pandoc's JSON AST) and the pandoc functions themselves.

The fixtures in tests/fixtures/legacy/ were made by LibreOffice (and one by hand in Word's own
XML); each ``NAME.expected.txt`` is what a perfect import gives. Pandoc is the real binary from
pypandoc-binary. tests/readers/test_direct.py reads every .docx/.odt through both paths.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import protokollkit
from protokollkit.cli import main
from protokollkit.diagnostics import ParseError
from protokollkit.model import Point, Protocol
from protokollkit.readers import pandoc
from protokollkit.readers.docx import read_docx as read_docx_direct
from protokollkit.readers.pandoc import ast_lines, read_docx, read_html, read_odt, read_rtf
from protokollkit.safety import MAX_UNZIPPED_BYTES, check_zip
from protokollkit.writers.json import to_data
from tests.conftest import TESTS
from tests.readers import zip_of
from tests.strategies import expected_warning, protocols

LEGACY = TESTS / "fixtures" / "legacy"
PROTOCOLS = ["reference", "habits", "table_participants", "tracked_changes"]
FORMATS = ["docx", "odt", "rtf"]
PROPERTY_DATES = {"tracked_changes": dt.date(2023, 4, 13)}
"""Fixtures whose title has no date: the date comes from the document's properties."""


def model(protocol: Protocol) -> dict[str, Any]:
    """The JSON interchange of a protocol without its diagnostics (they are not the model)."""
    data = to_data(protocol, positions=False)
    del data["diagnostics"]
    return data


def expected(name: str) -> dict[str, Any]:
    """The model of ``NAME.expected.txt`` (with the property date where the title has none)."""
    protocol = protokollkit.read(LEGACY / f"{name}.expected.txt")
    if name in PROPERTY_DATES:
        protocol = dataclasses.replace(protocol, date=PROPERTY_DATES[name])
    return model(protocol)


# --- the fixtures made by office software -----------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", PROTOCOLS)
def test_office_fixture_imports_to_its_expected_model(name: str, fmt: str) -> None:
    protocol = protokollkit.read(LEGACY / f"{name}.{fmt}")
    assert model(protocol) == expected(name)


def test_word_like_docx_imports_to_its_expected_model() -> None:
    protocol = protokollkit.read(LEGACY / "word_like.docx")
    assert model(protocol) == expected("word_like")
    # no warning; what Word keeps outside the page's text is named in notes
    assert [(d.level, d.message) for d in protocol.diagnostics] == [
        (
            "info",
            "Kommentar nicht übernommen: „Marén Wiese: Betrag noch offen – bitte beim OBR "
            "nachfragen“",
        ),
        ("info", "Kopfzeile nicht übernommen: „Stadtteiltisch Groß Klein – Protokoll“"),
    ]


@pytest.mark.parametrize("name", PROTOCOLS)
def test_same_protocol_from_docx_odt_and_rtf_gives_the_same_model(name: str) -> None:
    docx, odt, rtf = (protokollkit.read(LEGACY / f"{name}.{fmt}") for fmt in FORMATS)
    assert docx == odt == rtf


@pytest.mark.parametrize("fmt", FORMATS)
def test_reference_protocol_from_office_equals_the_archive_file(fmt: str) -> None:
    archive = protokollkit.read(TESTS.parent / "archiv" / "2022-11-10-stadtteiltisch.txt")
    protocol = protokollkit.read(LEGACY / f"reference.{fmt}")
    assert protocol == archive
    assert protokollkit.write(protocol, "text") == protokollkit.write(archive, "text")
    assert protocol.diagnostics == ()


@pytest.mark.parametrize("fmt", FORMATS)
def test_typography_and_gender_asterisks_survive_exactly(fmt: str) -> None:
    text = protokollkit.write(protokollkit.read(LEGACY / f"habits.{fmt}"), "text")
    assert isinstance(text, str)
    for kept in ("Kita „Sonnenschein“", "– ca. 300 Besucher*innen", "→ Einladung", "10–12 Uhr"):
        assert kept in text
    for gone in ("\u00a0", "\u00ad", "\u2011"):
        assert gone not in text
    assert "Kay-Sören Engler" in text
    assert "Ehrenamtlichen" in text
    assert "Weihnachtsmarkt am 6.12.2022" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_tracked_changes_accepted_and_comments_headers_footers_left_out(fmt: str) -> None:
    protocol = protokollkit.read(LEGACY / f"tracked_changes.{fmt}")
    text = protokollkit.write(protocol, "text")
    assert isinstance(text, str)
    assert "Frühlingsfest am 22.04.2023, 14–17 Uhr im SBZ" in text  # insertion kept
    assert "voraussichtlich" not in text  # deletion gone
    assert "noch offen" not in text
    assert "Nächster Termin: 11.05.2023, 14 Uhr, SBZ" in text
    assert "WIRO abstimmen" not in text  # the comment
    assert "Seite" not in text  # the footer
    assert text.count("Groß Klein") == 1  # only in the body, not from the header


@pytest.mark.parametrize("fmt", FORMATS)
def test_date_from_document_properties_comes_with_a_warning(fmt: str) -> None:
    protocol = protokollkit.read(LEGACY / f"tracked_changes.{fmt}")
    assert protocol.title == "Protokoll Stadtteiltisch"
    assert protocol.date == dt.date(2023, 4, 13)
    messages = [d.message for d in protocol.diagnostics if d.level == "warning"]
    assert any("Dokumenteigenschaften" in m and "13.04.2023" in m for m in messages)
    assert all(d.source.endswith(f"tracked_changes.{fmt}") for d in protocol.diagnostics)


def test_habits_items_from_outline_numbering_bold_and_tab_typed_numbers() -> None:
    protocol = protokollkit.read(LEGACY / "habits.docx")
    assert [(i.number, i.title) for i in protocol.items] == [
        (1, "Rückblick Weihnachtsmarkt"),
        (2, "Sozialraumorientierung – Stand der Planung"),
        (3, "Europäisches Jugendtreffen Taizé"),
        (4, "Verschiedenes"),
    ]
    taize = protocol.items[2].blocks[0]
    assert taize.speaker is not None and taize.speaker.name == "Barbara und Bernard"
    assert len(taize.points) == 2  # speaker and points in one paragraph (Shift+Enter)
    nested = protocol.items[0].blocks[1].points[0]
    assert nested.points == (Point("Dank an WIRO für die Unterstützung"),)


def test_participants_table_under_the_label_becomes_the_participant_list() -> None:
    protocol = protokollkit.read(LEGACY / "table_participants.docx")
    assert [(p.name, p.affiliation) for p in protocol.participants][-3:] == [
        ("Sebastian Eberhard", "FAW gGmbH, Beratungsstelle „COME IN“"),
        ("Iris Drenkhahn", "Ortsbeirat"),
        ("Lucia Ziegler", None),
    ]


# --- round trip through a real Word document -------------------------------------------------


@given(protocols())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_docx_written_by_our_writer_reads_back_to_the_same_protocol(protocol: Protocol) -> None:
    data = protokollkit.write(protocol, "docx")
    assert isinstance(data, bytes)
    again = read_docx_direct(data, "protokoll.docx")
    assert again == protocol
    assert read_docx(data, "protokoll.docx") == again  # pandoc reads it the same way
    assert all(expected_warning(d.message) for d in again.diagnostics)


# --- HTML and smaller cases, written here ----------------------------------------------------


def html(body: str, head: str = "") -> bytes:
    """A small HTML page."""
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    ).encode()


PAGE = html(
    "<h1>Protokoll Stadtteiltisch 10.11.22</h1>"
    "<p>Teilnehmende: Kathrin Krug, Dirk Malner (WIRO)</p>"
    "<h2>1 Aktuelles aus den Einrichtungen</h2>"
    "<p><b>Kathrin Krug, SBZ</b></p>"
    "<ul><li>Weihnachtsmarkt: 6.12.2022<ul><li>Aufbau ab 12.30 Uhr</li></ul></li>"
    "<li>2 Stände neu</li></ul>"
    "<p><u>Dirk Malner</u><br>- Mieter-App für Mieter*innen<br>- „Einkaufskorb“</p>"
    "<h2>Verschiedenes</h2>"
    "<ol><li>erstens</li><li>zweitens</li></ol>"
    "<p>Nächster Termin: 12.01.2023</p>",
    head="<title>Protokoll Stadtteiltisch 10.11.22</title>",
)


def test_html_page_reads_like_the_text_layout() -> None:
    protocol = read_html(PAGE, "seite.html")
    assert protokollkit.write(protocol, "text") == (
        "Protokoll Stadtteiltisch 10.11.22\n\n"
        "Teilnehmende: Kathrin Krug, Dirk Malner (WIRO)\n\n"
        "1 Aktuelles aus den Einrichtungen\n\n"
        "Kathrin Krug, SBZ\n\n"
        "- Weihnachtsmarkt: 6.12.2022\n"
        "  - Aufbau ab 12.30 Uhr\n"
        "- 2 Stände neu\n\n"
        "Dirk Malner\n\n"
        "- Mieter-App für Mieter*innen\n"
        "- „Einkaufskorb“\n\n"
        "2 Verschiedenes\n\n"
        "- 1. erstens\n"
        "- 2. zweitens\n\n"
        "Nächster Termin: 12.01.2023\n"
    )
    assert protocol.diagnostics == ()


def test_a_bullet_point_starting_with_a_number_is_not_an_agenda_item() -> None:
    protocol = read_html(PAGE, "seite.html")
    assert len(protocol.items) == 2
    assert protocol.items[0].blocks[0].points[1].text == "2 Stände neu"


WORD_WEB_PAGE = html(
    "<p class=MsoTitle>Protokoll Stadtteiltisch 10.11.22</p><h1>1 Aktuelles</h1>"
    "<p class=MsoNormal><b>Kathrin Krug, SBZ</b></p>"
    "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
    "<![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp;&nbsp;"
    "&nbsp;&nbsp;&nbsp; </span></span><![endif]>Punkt eins</p>"
    "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><![if !supportLists]>"
    "<span style='font-family:\"Courier New\"'>o<span>&nbsp;&nbsp; </span></span><![endif]>"
    "Unterpunkt</p>"
)


def test_word_web_page_bullets_written_as_text_become_points() -> None:
    protocol = read_html(WORD_WEB_PAGE, "word.htm")
    assert protocol.items[0].blocks[0].points == (Point("Punkt eins", (Point("Unterpunkt"),)),)
    assert protocol.diagnostics == ()


def test_html_in_windows_1252_is_read() -> None:
    page = PAGE.decode("utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    protocol = read_html(page.replace("„", '"').replace("“", '"').encode("cp1252"), "alt.html")
    assert protocol.participants[0].name == "Kathrin Krug"
    assert protocol.items[0].blocks[1].points[0].text == "Mieter-App für Mieter*innen"


def test_first_bold_paragraph_with_a_date_is_the_title() -> None:
    protocol = read_html(
        html("<p><b>Stadtteiltisch am 10.11.2022</b></p><p>1 Aktuelles</p><p>- Punkt</p>"), "x"
    )
    assert protocol.title == "Stadtteiltisch am 10.11.2022"
    assert protocol.date == dt.date(2022, 11, 10)
    assert protocol.items[0].blocks[0].points == (Point("Punkt"),)


def test_unplaced_paragraph_is_reported_with_file_and_paragraph_number() -> None:
    page = html(
        "<p>Protokoll AG Wohnen 1.2.2023</p>"
        "<p>1 Aktuelles</p>"
        "<p>Kathrin Krug</p>"
        "<p>Das war eine lange und freie Bemerkung ohne Punkt davor.</p>"
    )
    protocol = read_html(page, "ag.html")
    assert not [d for d in protocol.diagnostics if d.level != "info"]
    [paragraph] = protocol.items[0].blocks[0].points
    assert (paragraph.text, paragraph.kind, paragraph.line) == (
        "Das war eine lange und freie Bemerkung ohne Punkt davor.",
        "paragraph",
        4,
    )


def test_table_cells_are_kept_and_images_reported() -> None:
    page = html(
        "<p>Protokoll AG Wohnen 1.2.2023</p><p>1 Aktuelles</p>"
        '<p>Kathrin Krug</p><ul><li>Bild dazu <img src="x.png" alt="Plakat"></li></ul>'
        "<table><tr><td>Zeit</td><td>Ort</td></tr></table>"
    )
    protocol = read_html(page, "ag.html")
    assert protocol.items[0].blocks[0].points == (
        Point("Bild dazu"),
        Point("Zeit | Ort", kind="paragraph"),
    )
    assert any("Bild" in d.message for d in protocol.diagnostics)


def test_speaker_style_counts_as_bold_and_title_style_as_title() -> None:
    document = {
        "pandoc-api-version": [1, 23, 1],
        "meta": {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Protokoll AG 1.2.23"}]}},
        "blocks": [
            {
                "t": "Div",
                "c": [
                    ["", [], [["custom-style", "Sprecher"]]],
                    [{"t": "Para", "c": [{"t": "Str", "c": "2"}, {"t": "Space"},
                                         {"t": "Str", "c": "Kathrin"}]}],
                ],
            }
        ],
    }  # fmt: skip
    lines, _notes = ast_lines(document, "docx")
    title, speaker = (line for line in lines if line.text)
    assert (title.text, title.number, title.hints.title) == ("Protokoll AG 1.2.23", 1, True)
    assert (speaker.text, speaker.number) == ("2 Kathrin", 2)
    assert speaker.hints.bold and not speaker.hints.title


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("corrupt.docx", "beschädigt"),
        ("empty.docx", "leer"),
        ("password.docx", "Passwort"),
        ("zipbomb.docx", "ZIP-Bombe"),
    ],
)
def test_bad_documents_give_a_clear_german_error(name: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        protokollkit.read(LEGACY / name)
    assert all(d.source.endswith(name) for d in info.value.diagnostics)


def test_zip_bomb_is_refused_before_pandoc_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    def pandoc_must_not_run(*args: object, **kwargs: object) -> object:
        raise AssertionError("pandoc ran on a zip bomb")

    monkeypatch.setattr(pandoc, "run_pandoc", pandoc_must_not_run)
    with pytest.raises(ParseError, match="ZIP-Bombe"):
        read_docx((LEGACY / "zipbomb.docx").read_bytes(), "zipbomb.docx")


def test_zip_that_lies_about_its_sizes_is_refused() -> None:
    data = zip_of({"word/document.xml": b"<w:document>" + b" " * 3_000_000 + b"</w:document>"})
    size = (3_000_000 + 25).to_bytes(4, "little")
    lying = data.replace(size, (1000).to_bytes(4, "little"))
    assert lying != data
    with pytest.raises(ParseError, match="beschädigt"):  # inflating it fails its size/CRC
        check_zip(lying, "luege.docx", "docx")


def test_highly_compressed_entry_is_refused_even_under_the_total_limit() -> None:
    data = zip_of({"word/document.xml": b"A" * (MAX_UNZIPPED_BYTES // 4)})
    with pytest.raises(ParseError, match="Verdächtig stark gepackt"):
        check_zip(data, "gepackt.docx", "docx")


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (read_docx, b"Hallo, ich bin keine Word-Datei", "kein Word-Dokument"),
        (read_docx, zip_of({"content.xml": b"<x/>"}), "word/document.xml fehlt"),
        (read_odt, zip_of({"word/document.xml": b"<x/>"}), "content.xml fehlt"),
        (read_rtf, b"Hallo", "kein RTF"),
        (read_rtf, b"", "leer"),
    ],
)
def test_wrong_or_empty_content_gives_a_german_error(
    reader: Any, data: bytes, message: str
) -> None:
    with pytest.raises(ParseError, match=message):
        reader(data, "datei")


def test_pandoc_failure_becomes_a_german_error() -> None:
    broken = zip_of({"content.xml": b"<office:document-content><<kaputt", "mimetype": b"x"})
    with pytest.raises(ParseError, match="kann nicht gelesen werden: es ist beschädigt"):
        read_odt(broken, "kaputt.odt")


def test_pandoc_is_stopped_after_its_timeout() -> None:
    data = (LEGACY / "reference.docx").read_bytes()
    with pytest.raises(ParseError, match=r"nach 0\.001 s nicht gelesen; abgebrochen"):
        pandoc.run_pandoc(data, "docx", "langsam.docx", timeout=0.001)


def test_rtf_deletions_are_dropped_but_strikethrough_text_is_kept() -> None:
    rtf = (
        rb"{\rtf1\ansi Protokoll AG 1.2.2023\par 1 Aktuelles\par "
        rb"- alt {\strike durchgestrichen} {\deleted geloescht}neu\par}"
    )
    protocol = read_rtf(rtf, "x.rtf")
    assert protocol.items[0].blocks[0].points == (Point("alt durchgestrichen neu"),)


def test_no_temporary_files_are_left_behind(private_tmp: Path) -> None:
    for fmt in FORMATS:
        protokollkit.read(LEGACY / f"habits.{fmt}")
    for name in ("corrupt.docx", "zipbomb.docx", "password.docx"):
        with pytest.raises(ParseError):
            protokollkit.read(LEGACY / name)
    assert list(private_tmp.iterdir()) == []


def test_convert_command_reads_a_docx() -> None:
    result = CliRunner().invoke(main, ["convert", str(LEGACY / "word_like.docx"), "-t", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (LEGACY / "word_like.expected.txt").read_text("utf-8")


def test_convert_command_reports_a_bad_docx_without_traceback() -> None:
    result = CliRunner().invoke(main, ["convert", str(LEGACY / "corrupt.docx"), "-t", "json"])
    assert result.exit_code == 1
    assert "fehler: Die Datei ist beschädigt" in result.stderr
    assert "Traceback" not in result.output
