"""The fifth fault campaign: hostile line lengths for the patterns, the environment, the
appointments around odd days, and the archive commands on an archive that is not there. Each
case failed before its fix; each ends in a German message naming the file (and line), never in
a traceback or English text."""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest

import protokollkit
from protokollkit import termine
from protokollkit.plausibility import check_plausibility
from tests.conftest import ROOT
from tests.faults.conftest import Unchanged, assert_german, run

OFFICE = ROOT / "tests" / "fixtures" / "office"


def _seconds(unit: str, count: int, variant: int, step: str) -> float:
    """Seconds ``step`` takes on one point that repeats ``unit`` ``count`` times."""
    point = unit * count + f"Variante {variant}"  # a new text each time: no cache answers
    source = f"Protokoll Treffen 1.2.2024\n\nTOP 1 Test\n- {point}\n"
    protocol = protokollkit.read_text(source)
    began = time.perf_counter()
    if step == "termine":
        termine.extract(protocol)
    else:
        check_plausibility(protocol, "<text>", source)
    return time.perf_counter() - began


@pytest.mark.parametrize(
    ("unit", "step"),
    [
        ("Am 1.1., ", "termine"),
        ("Mo 1.1. 10 Uhr; ", "termine"),
        ("Mo 1.1. 10 Uhr; ", "check"),
        ("seit 1.1.1990, 25 Uhr, ", "check"),
    ],
)
def test_a_point_of_thousands_of_dates_is_read_in_linear_time(unit: str, step: str) -> None:
    """A point listing 2,400 dates (20,000 characters, far below the size limit) took 17 s
    in ``termine`` and ``check`` took 10 s for 40,000 characters of dates and times: for each
    date or time, the text before it was searched again from its start (``seit``, ``Stand:``,
    a weekday, a range's first part, the sentence's start), and each time was compared with
    every time before it. Eight times the dates must take about eight times as long, not
    sixty-four (a linear baseline measured in the same run, never a fixed number of seconds)."""
    small = min(_seconds(unit, 300, variant, step) for variant in range(3))
    large = _seconds(unit, 2400, 9, step)
    assert large < 25 * max(small, 0.005), (small, large)


NEAR_THE_END = """Protokoll Treffen {date}

TOP 1 Aufgaben und Termine
- Anna prüft den Raum bis Freitag
- Bert schreibt den Bericht bis Ende Januar
- Carla schickt die Liste bis 3.5.
- Sprechstunde jeden Montag im Raum 2
- Gartengruppe jeden Mittwoch ab Januar
"""


@pytest.mark.parametrize("date", ["31.12.9999", "30.11.9999", "15.6.9999"])
def test_a_meeting_in_the_year_9999_is_checked_and_its_appointments_listed(
    tmp_path: Path, date: str
) -> None:
    """A meeting in 9999 (a typo for 1999 or 2023): ``bis Ende Januar``, ``bis Freitag`` and
    ``jeden Montag`` were counted on into the year 10000, and ``check``, ``convert`` and
    ``termine`` ended in „interner Fehler (ValueError: year 10000 is out of range)“. Now such a
    count finds nothing; the year itself is a warning as before."""
    source = tmp_path / "9999-treffen.txt"
    source.write_text(NEAR_THE_END.format(date=date), encoding="utf-8")
    guard = Unchanged(source)
    assert_german(run("check", source), 0, "Jahr 9999 im Titel", "1 Warnung")
    assert_german(run("termine", "--alle", source), 0)
    written = tmp_path / "out.ics"
    assert_german(run("convert", source, "-t", "ics", "-o", written), 0)
    assert b"BEGIN:VCALENDAR" in written.read_bytes()
    guard.check()


def test_a_meeting_in_the_year_9998_still_counts_on_into_9999(tmp_path: Path) -> None:
    """The near miss: a day before the last year, ``bis Ende Januar`` is 31 January 9999."""
    source = tmp_path / "9998-treffen.txt"
    source.write_text(NEAR_THE_END.format(date="31.12.9998"), encoding="utf-8")
    result = run("convert", source, "-t", "json", "-o", "-")
    assert_german(result, 0)
    assert '"due": "9999-01-31"' in result.out
    assert '"due": "9999-01-01"' in result.out  # bis Freitag


def _docx_created(target: Path, created: str) -> Path:
    """The office fixture with ``created`` as the creation time in ``docProps/core.xml``."""
    with (
        zipfile.ZipFile(OFFICE / "features.docx") as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for name in original.namelist():
            data = original.read(name)
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:created[^>]*>)[^<]*<", rb"\g<1>" + created.encode() + b"<", data
                )
                assert created.encode() in data
            copy.writestr(name, data)
    return target


@pytest.mark.parametrize(
    "created", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "kein Datum", "0000-00-00"]
)
def test_a_docx_created_at_the_end_of_time_is_read(tmp_path: Path, created: str) -> None:
    """``9999-12-31T23:59:59Z`` is in the year 10000 in Germany: converting it to German time
    ended ``check``, ``convert`` and ``import`` in „interner Fehler (OverflowError)“. A creation
    time that is no date in the calendar is now no creation date, like garbage."""
    document = _docx_created(tmp_path / "alt.docx", created)
    guard = Unchanged(document)
    assert_german(run("check", document), 0)
    assert_german(run("convert", document, "-t", "text", "-o", "-"), 0, "Protokoll")
    guard.check()


RTF = rb"{\rtf1\ansi Protokoll Treffen 1.2.2024\par TOP 1 Aktuelles\par - Punkt \{eins\}\par"


def test_text_after_the_end_of_an_rtf_document_is_named_with_its_line(tmp_path: Path) -> None:
    """Text after the brace that closes an RTF document (a script appended to the file) was
    left out without a word: Word and pandoc stop at that brace. Now a warning names it with
    its line; escaped braces (``\\}``) and ``\\binN`` data do not end the document."""
    if shutil.which("pandoc") is None and importlib.util.find_spec("pypandoc") is None:
        pytest.skip("RTF is read through pandoc")
    source = tmp_path / "angehaengt.rtf"
    source.write_bytes(RTF + rb"{\*\blob\bin3 }}}}\par}" + b"\r\n- Punkt zwei, angehaengt\r\n")
    guard = Unchanged(source)
    result = run("check", source)
    assert_german(result, 0, "angehaengt.rtf:2:", "Nach dem Ende des RTF-Dokuments", "Punkt zwei")
    guard.check()


def test_an_rtf_document_padded_after_its_end_has_no_warning(tmp_path: Path) -> None:
    """The near miss: line ends, NUL bytes and the DOS end-of-file mark after the last brace."""
    if shutil.which("pandoc") is None and importlib.util.find_spec("pypandoc") is None:
        pytest.skip("RTF is read through pandoc")
    source = tmp_path / "sauber.rtf"
    source.write_bytes(RTF + b"}\r\n\x00\x00\x1a")
    result = run("check", source)
    assert_german(result, 0, "0 Warnungen")


def _markdown_seconds(spaces: int, variant: int) -> float:
    """Seconds to write as Markdown a point with a run of ``spaces`` spaces in it."""
    protocol = protokollkit.read_text(
        f"Protokoll Treffen 1.2.2024\n\nTOP 1 Test\n- Anna{' ' * spaces}berichtet {variant}\n"
    )
    began = time.perf_counter()
    protokollkit.write(protocol, "markdown")
    return time.perf_counter() - began


def test_a_long_run_of_spaces_is_written_as_markdown_in_linear_time() -> None:
    """20,000 spaces in a point (a pasted table, a stuck key) took 2 s in the Markdown writer
    and every command that writes it (``build``, ``send``): ``[ \\t]*`` before a line break was
    tried again from every space of the run. Eight times the spaces, about eight times as long
    (a linear baseline measured in the same run)."""
    small = min(_markdown_seconds(2500, variant) for variant in range(3))
    large = _markdown_seconds(20000, 9)
    assert large < 25 * max(small, 0.002), (small, large)


def test_line_breaks_in_a_point_still_become_single_spaces_in_markdown() -> None:
    """The near miss: the spaces and tabs around each line break become one space, a run of
    spaces without a break stays as it is."""
    from protokollkit.writers.markdown import escape_inline

    assert escape_inline("a \t\r\n\t b\n\n c  d") == "a b  c  d"
    assert escape_inline("a" + " " * 5 + "b") == "a     b"


def _read_seconds(line: str, variant: int) -> float:
    """Seconds to read a protocol with ``line`` and find its appointments."""
    began = time.perf_counter()
    protocol = protokollkit.read_text(f"Protokoll Treffen 1.2.2024\n\nTOP 1 A\n{line} {variant}\n")
    termine.extract(protocol)
    return time.perf_counter() - began


@pytest.mark.parametrize(
    "line",
    [
        "Anwesend:{w}Anna,{w}Bert{w}(SBZ)",  # the separators of names and head counts
        "- Fest am 1.1.{w}oder{w}2.1.",  # two dates offered as alternatives
        "- Fest am 1.1.{w}x{w}2.1.",  # what joins two dates
        "Leitung:{w}Anna{w}Berg{w}(SBZ)",  # a weight in brackets after a count
        "- siehe{w}https://example.org/{w}x",  # a label before a colon
    ],
)
def test_long_runs_of_spaces_between_words_are_read_in_linear_time(line: str) -> None:
    """A run of 20,000 spaces (a pasted table, a stuck key) between the names of an attendance
    line took 4 s, before a colon or a bracket 4 s at 40,000 spaces, and between two dates more
    than 30 s for ``build``: ``\\s*[,;]`` and
    ``^\\s*,?\\s*oder`` tried every way to share the run between two ``\\s*``. Eight times the
    spaces, about eight times as long (a linear baseline measured in the same run)."""
    small = min(_read_seconds(line.format(w=" " * 2500), variant) for variant in range(3))
    large = _read_seconds(line.format(w=" " * 20000), 9)
    assert large < 25 * max(small, 0.005), (small, large)


def _read_with_meta_seconds(unit: str, count: int, variant: int) -> float:
    """Seconds one read (with the derived metadata) takes on a point repeating ``unit``."""
    point = unit * count + f"Variante {variant}"
    source = f"Protokoll 06.10.2025\n\nTOP 1 Test\n\n{point}\n"
    began = time.perf_counter()
    protocol = protokollkit.read_text(source)
    for kind in ("place", "start", "end", "chair", "minute_taker"):
        protocol.meta_value(kind)
    protocol.speakers()
    return time.perf_counter() - began


@pytest.mark.parametrize(
    "unit",
    [
        "Termin für die nächste Sitzung ",  # the date before the phrase, sentence by sentence
        "wurde von Anna vorgetragen und ",
        "am 06.10.2025 im Saal der Linde, ",
    ],
)
def test_sentences_of_the_eighth_of_december_are_read_in_linear_time(unit: str) -> None:
    """``Termin für die nächste Sitzung`` 12,000 times took 31 s: for each, the text before it
    was searched back to the sentence's start (there was none). Eight times the text must take
    about eight times as long (a baseline measured in the same run)."""
    small = min(_read_with_meta_seconds(unit, 500, variant) for variant in range(3))
    large = _read_with_meta_seconds(unit, 4000, 9)
    assert large < 25 * max(small, 0.005), (small, large)
