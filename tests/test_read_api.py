"""The public API: read_text, read_file, read_bytes, read (the convenience), render and write."""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest

import protokollkit
from protokollkit import ParseError, ProtokollkitError, Rendered, Stamp
from protokollkit.diagnostics import Diagnostic
from protokollkit.writers import OUTPUT_FORMATS, WRITERS
from tests.conftest import SEED

ONE_LINE = "Protokoll Stadtteiltisch 10.11.2022"
"""A text without a line break: ``read`` takes it for a file name, ``read_text`` for a text."""


def test_read_text_takes_a_one_line_text_as_text() -> None:
    with pytest.raises(ParseError, match=r"Unbekanntes Dateiformat „\.2022“"):
        protokollkit.read(ONE_LINE)
    protocol = protokollkit.read_text(ONE_LINE)
    assert protocol.title == ONE_LINE
    assert protocol.date == dt.date(2022, 11, 10)
    assert protocol.meeting == "Stadtteiltisch"


def test_read_text_names_its_source_in_the_diagnostics() -> None:
    with pytest.raises(ParseError) as caught:
        protokollkit.read_text("", name="eingabe.txt")
    assert caught.value.diagnostics[0].source == "eingabe.txt"


def test_read_text_reads_markdown_and_json() -> None:
    reference = protokollkit.read_file(SEED)
    markdown = protokollkit.write(reference, "markdown")
    assert protokollkit.read_text(markdown, format="markdown") == reference
    assert protokollkit.read_text(protokollkit.to_json(reference), format="json") == reference


KNOWN = "(bekannt: text, json, markdown, docx, odt, rtf, html, doc)."
TEXTS = "als Text lesbar sind text, json, markdown"


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("docx", f"„docx“ ist kein Textformat: {TEXTS}; Dateien anderer Formate bitte mit "
         "read_file() lesen."),
        ("odt", f"„odt“ ist kein Textformat: {TEXTS}; Dateien anderer Formate bitte mit "
         "read_file() lesen."),
        ("pdf", f"Unbekanntes Eingabeformat „pdf“ {KNOWN}"),
    ],
)  # fmt: skip
def test_read_text_refuses_formats_that_are_not_text(fmt: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        protokollkit.read_text("Protokoll\n", name="notiz.txt", format=fmt)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.message, diagnostic.source) == (message, "notiz.txt")


def test_an_unknown_input_format_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text("Protokoll AG 1.2.2023\n", "utf-8")
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: protokollkit.read_file(path, format="pdf"), str(path)),
        (lambda: protokollkit.read_bytes(b"Protokoll\n", "pdf", "alt.pdf"), "alt.pdf"),
    ]
    for read, source in cases:
        with pytest.raises(ParseError) as caught:
            read()
        [diagnostic] = caught.value.diagnostics
        assert (diagnostic.message, diagnostic.source) == (
            f"Unbekanntes Eingabeformat „pdf“ {KNOWN}",
            source,
        )


def test_read_file_takes_a_str_or_a_path(tmp_path: Path) -> None:
    by_path = protokollkit.read_file(SEED)
    assert protokollkit.read_file(str(SEED)) == by_path
    assert by_path.items[0].title == "Aktuelles aus den Einrichtungen"
    copy = tmp_path / "protokoll.md"
    copy.write_text(protokollkit.write(by_path, "markdown"), "utf-8")
    assert protokollkit.read_file(copy) == by_path
    text = tmp_path / "protokoll.daten"
    text.write_bytes(SEED.read_bytes())
    assert protokollkit.read_file(text, format="text") == by_path


def test_read_file_names_the_file_in_the_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "leer.txt"
    path.write_text("\n\n", "utf-8")
    with pytest.raises(ParseError) as caught:
        protokollkit.read_file(path)
    assert caught.value.diagnostics[0].source == str(path)


def test_read_bytes_decodes_windows_1252() -> None:
    text = "Protokoll Stadtteiltisch 10.11.2022\n\nTeilnehmende: Jürgen Groß (SBZ)\n"
    protocol = protokollkit.read_bytes(text.encode("cp1252"), name="alt.txt")
    assert protocol == protokollkit.read_text(text)
    assert protocol.diagnostics == (
        Diagnostic("warning", "Datei ist nicht UTF-8; als Windows-1252 gelesen.", "alt.txt", 3, 1),
    )


def test_the_decoding_warning_comes_before_the_layout_warnings_and_both_name_the_file() -> None:
    text = "Protokoll Stadtteiltisch\n\nTeilnehmende: Jürgen Groß (SBZ)\n"
    protocol = protokollkit.read_bytes(text.encode("cp1252"), name="alt.txt")
    assert [(d.message[:30], d.source) for d in protocol.diagnostics] == [
        ("Datei ist nicht UTF-8; als Win", "alt.txt"),
        ("Kein Datum gefunden (weder im ", "alt.txt"),
    ]


def test_a_text_that_starts_with_a_byte_order_mark_is_read_without_it() -> None:
    """A file read with ``encoding="utf-8"`` (not ``utf-8-sig``) keeps Notepad's BOM."""
    protocol = protokollkit.read_text("\ufeffProtokoll Stadtteiltisch 10.11.2022\n")
    assert protocol.title == "Protokoll Stadtteiltisch 10.11.2022"
    assert protocol.meeting == "Stadtteiltisch"


def test_the_text_reader_names_text_without_a_name_text() -> None:
    from protokollkit.readers.text import read_text, read_text_bytes

    reads: list[Callable[[], object]] = [lambda: read_text(""), lambda: read_text_bytes(b"")]
    for read in reads:
        with pytest.raises(ParseError) as caught:
            read()
        assert caught.value.diagnostics[0].source == "<text>"


def test_read_stays_the_convenience_it_was() -> None:
    text = SEED.read_text("utf-8")
    reference = protokollkit.read_text(text)
    assert protokollkit.read(text) == reference
    assert protokollkit.read(SEED) == reference
    assert protokollkit.read(str(SEED)) == reference
    assert protokollkit.read(text.encode("utf-8")) == reference
    assert protokollkit.read(protokollkit.to_json(reference), "json") == reference


# --- writing: typed results, one registry ----------------------------------------------------

STAMP = Stamp(dt.datetime(2022, 11, 11, 9, 0, tzinfo=dt.UTC))


@pytest.fixture(scope="module")
def reference() -> protokollkit.Protocol:
    return protokollkit.read_file(SEED)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "email", "email-html", "ics", "html"])
def test_render_gives_text_formats_with_their_media_type(
    reference: protokollkit.Protocol, fmt: str
) -> None:
    rendered = protokollkit.render(reference, fmt, stamp=STAMP)
    assert isinstance(rendered, Rendered)
    assert not rendered.binary
    assert rendered.format == fmt
    assert rendered.media_type == WRITERS[fmt].media_type
    assert rendered.suffix == WRITERS[fmt].suffix
    assert rendered.text == rendered.data.decode("utf-8")
    assert protokollkit.write(reference, fmt, stamp=STAMP) == rendered.text


def test_render_gives_binary_formats_as_bytes_only(reference: protokollkit.Protocol) -> None:
    rendered = protokollkit.render(reference, "docx")
    assert rendered.binary and rendered.data[:2] == b"PK"
    assert rendered.media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    with pytest.raises(ProtokollkitError, match="Binärformat"):
        _ = rendered.text


def test_the_registry_declares_every_format_once() -> None:
    names = [f.name for f in OUTPUT_FORMATS]
    assert len(names) == len(set(names))
    suffixes = [f.suffix for f in OUTPUT_FORMATS if f.name != "html"]
    assert len(suffixes) == len(set(suffixes)), "two formats would overwrite each other"
    assert {f.name for f in OUTPUT_FORMATS if f.binary} == {"docx", "pdf", "eml"}
    assert {f.name for f in OUTPUT_FORMATS if f.stamped} == {"ics", "eml"}
    # the names write()'s type knows are those of the registry
    assert set(get_args(protokollkit.TextFormat)) == {
        f.name for f in OUTPUT_FORMATS if not f.binary
    }
    assert set(get_args(protokollkit.BinaryFormat)) == {f.name for f in OUTPUT_FORMATS if f.binary}


def test_unknown_output_format_is_a_german_error(reference: protokollkit.Protocol) -> None:
    with pytest.raises(ProtokollkitError, match="Unbekanntes Ausgabeformat „odt“"):
        protokollkit.render(reference, "odt")


# --- pure writers: the same input gives the same bytes ---------------------------------------


@pytest.mark.parametrize("fmt", [f.name for f in OUTPUT_FORMATS])
def test_the_same_protocol_and_stamp_give_the_same_bytes(
    reference: protokollkit.Protocol, fmt: str
) -> None:
    first = protokollkit.render(reference, fmt, stamp=STAMP)
    again = protokollkit.render(protokollkit.read_file(SEED), fmt, stamp=STAMP)
    assert first.data == again.data


def test_the_stamp_is_the_only_moment_in_the_eml(reference: protokollkit.Protocol) -> None:
    first = protokollkit.write(reference, "eml", stamp=STAMP)
    later = Stamp(STAMP.moment + dt.timedelta(minutes=1))
    second = protokollkit.write(reference, "eml", stamp=later)
    assert first != second
    assert b"Date: Fri, 11 Nov 2022 09:00:00 +0000\r\n" in first
    assert b"Date: Fri, 11 Nov 2022 09:01:00 +0000\r\n" in second


def test_message_id_is_made_from_the_message(reference: protokollkit.Protocol) -> None:
    def message_id(data: bytes) -> str:
        parsed = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
        return str(parsed["Message-ID"])

    first = message_id(protokollkit.write(reference, "eml", stamp=STAMP))
    assert re.fullmatch(r"<20221111090000\.[0-9a-f]{32}@[a-z0-9.-]+>", first)
    changed = protokollkit.write(replace(reference, meeting="AG Wohnen"), "eml", stamp=STAMP)
    assert message_id(changed) != first
    given = Stamp(STAMP.moment, message_id="<fest@example.org>")
    assert message_id(protokollkit.write(reference, "eml", stamp=given)) == "<fest@example.org>"


def test_a_stamp_needs_a_time_zone() -> None:
    with pytest.raises(ProtokollkitError, match="Zeitzone"):
        Stamp(dt.datetime(2022, 11, 11, 9, 0))


def test_without_a_stamp_the_edge_reads_source_date_epoch(
    reference: protokollkit.Protocol, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1668157200")
    assert protokollkit.write(reference, "ics") == protokollkit.write(reference, "ics", stamp=STAMP)
