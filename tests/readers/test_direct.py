"""The direct .docx/.odt readers (zip + lxml), the format registry and the cross-check with pandoc.

Every .docx and .odt fixture is read through both paths – the direct reader that
``protokollkit.read`` uses and pandoc (:mod:`protokollkit.readers.pandoc`) – and must give the
same model. Where pandoc reads a document differently, the difference is listed below with its
reason; each listed difference must still be there (and be the only one).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.diagnostics import ParseError
from protokollkit.model import Point, Protocol
from protokollkit.readers import pandoc
from protokollkit.readers.doc import find_soffice
from protokollkit.readers.docx import read_docx
from protokollkit.readers.odt import read_odt
from protokollkit.readers.office import LEFT_OUT
from protokollkit.writers.json import to_data
from tests.conftest import TESTS
from tests.readers import zip_of

FIXTURES = TESTS / "fixtures"
OFFICE = FIXTURES / "office"
LEGACY = FIXTURES / "legacy"
DOCUMENTS = sorted(
    path.relative_to(FIXTURES).as_posix()
    for pattern in ("**/*.docx", "**/*.odt")
    for path in FIXTURES.glob(pattern)
)
"""Every .docx and .odt fixture, also the broken ones (both paths must refuse them)."""

PANDOC_DIFFERENCES: dict[str, dict[str, list[str]]] = {
    "office/features.docx": {
        # Pandoc keeps hidden text (w:vanish); Word and LibreOffice do not show it.
        "Kuchenbasar mit Kay-Sören GEHEIM und Team": ["Kuchenbasar mit Kay-Sören und Team"],
        # Pandoc's Word reader puts a text box in place of the paragraph that holds it and
        # loses that paragraph's own text ("Aushang:").
        "Aushang im Schaukasten": ["Aushang:", "Aushang im Schaukasten"],
    },
    "office/word_features.docx": {
        "Plakat ENTWURF hängt": ["Plakat hängt"],  # hidden through a character style
        # Pandoc loses a HYPERLINK field written as w:fldSimple, label and all.
        "Mehr:": ["Mehr: [Ortsbeirat online](https://ortsbeirat.example.org/)"],
    },
    "office/features.odt": {
        "Kuchenbasar mit Kay-Sören GEHEIM und Team": ["Kuchenbasar mit Kay-Sören und Team"],
        "Stand vom , 30 Stände": ["Stand vom 09.03.2023, 30 Stände"],  # the date field's value
        "Aushang:": ["Aushang:", "Aushang im Schaukasten"],  # pandoc drops .odt text boxes
    },
}
"""Fixture → pandoc's line → the direct reader's lines: where pandoc reads the document wrong.
Compared on the lines the readers give the layout (so the list does not depend on the rules)."""

PANDOC_NESTING: dict[str, str] = {
    "heldout4/kirchenvorstand-bericht-2024-12.docx": (
        "pandoc nests a paragraph without numbering (w:numId 0) after a nested list into the"
        " list; Word and the direct reader show it as a plain paragraph"
    ),
}
"""Fixture → why pandoc gives the same lines at another list level (the direct reader is right)."""

PANDOC_HINTS: dict[str, str] = {
    "heldout12/stadtteiltisch-2023-04-13.odt": (
        "the same line texts, but on the pandoc path the bold-only paragraph `Teilnehmende`"
        " over the Name/Einrichtung table is no attendance label, so the rows are no"
        " participants; found with the blind heldout12 set, not analysed further"
    ),
    "heldout15/jha-jugendarbeit-mobil-2025-05-19.odt": (
        "the same line texts, but pandoc's ODT reader loses the bold of the paragraph"
        " `Wortprotokoll` (set in bold as a whole); found with the blind heldout15 set"
    ),
}
"""Fixture → why pandoc gives the same line texts with other hints (the direct reader is right)."""

PANDOC_LINE_NUMBERS: dict[str, str] = {
    "heldout15/kita-ausschuss-2025-04-28.docx": (
        "the same lines and the same model, but the pandoc path counts the spacer paragraphs of"
        " one no-break space, so the entries have other source line numbers; found with the"
        " blind heldout15 set"
    ),
    "heldout5/pgr-sitzung-2024-09-27.docx": (
        "the same lines and the same model, but the pandoc path gives the entries (and the"
        " warning) other source line numbers (paragraphs joined by line breaks, spacer"
        " paragraphs of one no-break space); found with the blind heldout5 set, not analysed"
    ),
    "heldout6/gemeindevertretung-2025-03-04.docx": (
        "the same model, but other source line numbers on the pandoc path (Word tables of"
        " a)/b)/c) findings and of the agenda); found with the blind heldout6 set, not analysed"
    ),
    "heldout12/stadtteiltisch-2021-09-09.docx": (
        "the same model, but other source line numbers on the pandoc path (spacer paragraphs"
        " of one no-break space between the paragraphs); found with the blind heldout12 set"
    ),
    "heldout6/sga-sitzung-2024-11-18.docx": (
        "the same model, but other source line numbers on the pandoc path (a label/value table"
        " with line breaks in a cell); found with the blind heldout6 set, not analysed"
    ),
    "heldout11/sozialraumkonferenz-2025-10-23.docx": (
        "the same model, but other source line numbers on the pandoc path (spacer paragraphs"
        " of one no-break space between the paragraphs of a report); found with heldout11"
    ),
    "heldout14/ausschuss-praevention-2025-12-02.docx": (
        "the same model, but other source line numbers on the pandoc path (spacer paragraphs"
        " of one no-break space between an ALLRIS item's paragraphs); found with heldout14"
    ),
}
"""Fixture → why only the source line numbers of the two paths differ."""


needs_soffice = pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) ist nicht installiert (in CI läuft dieser Test immer)",
)


def model(protocol: Protocol) -> dict[str, Any]:
    """The JSON interchange without diagnostics, with the source line of every entry."""
    data = to_data(protocol)
    del data["diagnostics"]
    return data


def without_lines(value: Any) -> Any:
    """A model without source lines: for comparing documents of different formats."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def read_direct(path: Path) -> Protocol:
    reader = read_docx if path.suffix == ".docx" else read_odt
    return reader(path.read_bytes(), path.name)


def read_pandoc(path: Path) -> Protocol:
    reader = pandoc.read_docx if path.suffix == ".docx" else pandoc.read_odt
    return reader(path.read_bytes(), path.name)


def outcome(read: Any, path: Path) -> tuple[str, Any]:
    try:
        protocol = read(path)
    except ParseError as exc:
        return "fehler", exc.diagnostics[0].message
    return "ok", protocol


# --- the cross-check ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_direct_reader_and_pandoc_give_the_same_model(name: str) -> None:
    path = FIXTURES / name
    direct_kind, direct = outcome(read_direct, path)
    pandoc_kind, through_pandoc = outcome(read_pandoc, path)
    assert direct_kind == pandoc_kind, (direct, through_pandoc)
    if direct_kind == "fehler":
        return  # both refuse it (the messages may differ: pandoc's come from pandoc)
    if name in PANDOC_NESTING:
        direct_lines, pandoc_lines = reader_lines(path)
        assert direct_lines == pandoc_lines
        pytest.xfail(PANDOC_NESTING[name])
    if name in PANDOC_HINTS:
        direct_lines, pandoc_lines = reader_lines(path)
        assert direct_lines == pandoc_lines
        assert model(direct) != model(through_pandoc)
        pytest.xfail(PANDOC_HINTS[name])
    if name in PANDOC_LINE_NUMBERS:
        assert without_lines(model(direct)) == without_lines(model(through_pandoc))
        assert model(direct) != model(through_pandoc)
        pytest.xfail(PANDOC_LINE_NUMBERS[name])
    if name not in PANDOC_DIFFERENCES:
        assert model(direct) == model(through_pandoc)
        # The same warnings at the same paragraph numbers (only the direct readers name the
        # comments, headers, footers and hidden text they leave out; pandoc drops them unsaid).
        assert [
            (d.level, d.message, d.line, d.col)
            for d in direct.diagnostics
            if not d.message.startswith(tuple(LEFT_OUT.values()))
        ] == [(d.level, d.message, d.line, d.col) for d in through_pandoc.diagnostics]
        return
    direct_lines, pandoc_lines = reader_lines(path)
    assert direct_lines != pandoc_lines
    corrected: list[str] = []
    seen: set[str] = set()
    for line in pandoc_lines:
        replacement = PANDOC_DIFFERENCES[name].get(line)
        corrected.extend(replacement if replacement is not None else [line])
        if replacement is not None:
            seen.add(line)
    assert seen == set(PANDOC_DIFFERENCES[name]), "a listed difference is gone: remove it"
    assert corrected == direct_lines


def reader_lines(path: Path) -> tuple[list[str], list[str]]:
    """The non-empty line texts the direct reader and the pandoc path give the layout rules."""
    from protokollkit.layout import clean
    from protokollkit.readers.numbering import heading_numbers
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package, odf, wordml

    fmt = path.suffix[1:]
    data = path.read_bytes()
    module: Any = wordml if fmt == "docx" else odf
    direct = document_lines(module.read_package(Package(data, path.name)).blocks)
    ast = pandoc.run_pandoc(data, fmt, path.name)
    through_pandoc, _notes = pandoc.ast_lines(ast, fmt, heading_numbers(data, fmt), path.name)
    return (
        [clean(line.text) for line in direct if line.text],
        [clean(line.text) for line in through_pandoc if line.text],
    )


@pytest.mark.parametrize("name", ["features.docx", "features.odt", "word_features.docx"])
def test_feature_fixture_imports_to_its_expected_text(name: str) -> None:
    protocol = protokollkit.read(OFFICE / name)
    expected = (OFFICE / f"{name.split('.')[0]}.expected.txt").read_text("utf-8")
    assert protokollkit.write(protocol, "text") == expected


def test_docx_and_odt_saved_by_libreoffice_from_one_source_give_the_same_model() -> None:
    assert protokollkit.read(OFFICE / "features.docx") == protokollkit.read(OFFICE / "features.odt")


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_links_keep_their_target_hidden_text_and_tracked_changes_do_not(fmt: str) -> None:
    protocol = protokollkit.read(OFFICE / f"features.{fmt}")
    points = protocol.items[0].blocks[0].points
    assert (
        points[0].text == "Alles zum Fest unter [Fest-Seite des SBZ](https://sbz.example.org/fest)"
    )
    assert points[1].text == "Anmeldung: https://example.org/anmeldung"
    assert points[2] == Point(
        "Kuchenbasar mit Kay-Sören und Team", (Point("Fest am 22.04.2023, 14–17 Uhr"),)
    )
    assert protocol.date is not None and protocol.date.isoformat() == "2023-03-09"


def test_word_constructs_sdt_fields_moves_and_deleted_paragraph_marks() -> None:
    protocol = protokollkit.read(OFFICE / "word_features.docx")
    assert protocol.title == "Protokoll Stadtteiltisch 16.03.2023"  # in a content control
    assert [p.name for p in protocol.participants] == [
        "Kathrin Krug",
        "Dirk Malner",
        "Iris Drenkhahn",
    ]
    assert [p.text for p in protocol.items[0].blocks[0].points] == [
        "Infos: [SBZ-Seite](https://sbz.example.org/)",  # a HYPERLINK field
        "Frühlingsfest am 22.04.2023 im SBZ",  # the deleted paragraph mark joins two points
        "Helfer*innen gesucht",  # w:moveFrom is gone …
        "Aufbau ab 12 Uhr für das Kuchenbuffet",  # … and w:moveTo kept
    ]
    text = protokollkit.write(protocol, "text")
    assert isinstance(text, str)
    assert "Kuchen | Saal" in text and "Grill" not in text  # the deleted row is gone
    iris = protocol.items[1].blocks[1]
    assert iris.speaker is not None and iris.speaker.name == "Iris Drenkhahn"  # bold char style
    assert [p.text for p in iris.points] == [
        "Plakat hängt",  # "ENTWURF " is hidden through its character style
        "Mehr: [Ortsbeirat online](https://ortsbeirat.example.org/)",  # w:fldSimple HYPERLINK
    ]


@needs_soffice
@pytest.mark.parametrize("name", ["word_features.docx", "features.docx"])
def test_libreoffice_reads_the_word_xml_the_same_way(name: str, tmp_path: Path) -> None:
    """A third opinion: LibreOffice opens the .docx (accepting its tracked changes when it saves
    them as .odt) and the .odt reader gives the model the .docx reader gives."""
    soffice = find_soffice()
    assert soffice is not None
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(OFFICE / name)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    converted = tmp_path / name.replace(".docx", ".odt")
    assert protokollkit.read(converted) == protokollkit.read(OFFICE / name)


LIBREOFFICE_TEMPLATES = sorted(
    path
    for path in Path("/usr/lib/libreoffice/share/template").rglob("*.ott")
    if path.parent.name != "styles"  # style-only templates have no content.xml
)
"""Real documents made by LibreOffice's authors (letters, faxes, agendas, CVs …), where present."""


@pytest.mark.skipif(not LIBREOFFICE_TEMPLATES, reason="LibreOffice-Vorlagen nicht installiert")
def test_the_odt_reader_keeps_every_word_pandoc_finds_in_libreoffice_templates() -> None:
    """Pandoc's .odt reader misses frames, shapes, fields and merged cells; the direct reader
    must never miss what pandoc finds."""
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package
    from protokollkit.readers.xml.odf import read_package

    for path in LIBREOFFICE_TEMPLATES:
        data = path.read_bytes()
        blocks = read_package(Package(data, path.name)).blocks
        direct = " ".join(line.text for line in document_lines(blocks))
        lines, _notes = pandoc.ast_lines(pandoc.run_pandoc(data, "odt", path.name), "odt")
        words = {w.strip(",.;:") for line in lines for w in line.text.split()}
        missing = sorted(w for w in words if w and w not in direct)
        assert not missing, (path.name, missing)


FUZZ_WORDS = ["Protokoll", "AG", "1.2.2023", "Kathrin", "Krug,", "SBZ", "-", "•", "Punkt",
              " ", "  ", "\t", "Ä", "*innen", "„x“", "2", "TOP", "3.", "Nächster Termin:",
              "(WIRO)"]  # fmt: skip
FUZZ_STYLES = ["Normal", "List Bullet", "List Bullet 2", "List Number", "Heading 1",
               "Heading 2", "Quote", "List Paragraph"]  # fmt: skip


def random_word_document(rng: random.Random, title: bool = True) -> bytes:
    """A .docx of random paragraphs (styles, bold/underline runs, breaks, tabs) and tables
    (merged cells), written with python-docx; the first paragraph may be a Title."""
    import docx

    document = docx.Document()
    for index in range(rng.randint(1, 12)):
        if rng.random() < 0.1:
            rows, cols = rng.randint(1, 3), rng.randint(1, 3)
            table = document.add_table(rows=rows, cols=cols)
            for row in range(rows):
                for col in range(cols):
                    table.cell(row, col).text = rng.choice([*FUZZ_WORDS, ""])
            if rows > 1 and rng.random() < 0.5:
                table.cell(0, 0).merge(table.cell(1, 0))
            elif cols > 1 and rng.random() < 0.5:
                table.cell(0, 0).merge(table.cell(0, 1))
            continue
        style = "Title" if title and index == 0 and rng.random() < 0.3 else rng.choice(FUZZ_STYLES)
        paragraph = document.add_paragraph(style=style)
        for _ in range(rng.randint(0, 5)):
            run = paragraph.add_run(" ".join(rng.choice(FUZZ_WORDS) for _ in range(3)))
            run.bold = rng.choice([None, True, False])
            run.underline = rng.choice([None, True])
            if rng.random() < 0.1:
                run.add_break()
            if rng.random() < 0.05:
                run.add_tab()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@given(st.randoms(use_true_random=False))
@settings(max_examples=20, deadline=None)
def test_random_word_documents_give_the_same_lines_through_both_paths(rng: random.Random) -> None:
    """Lines with hints and paragraph numbers agree, spaces collapsed: pandoc keeps two spaces
    where a blank ends one formatting and the next begins (Word shows both; we keep one).
    Pandoc keeps only the last of several Title paragraphs, so only the first may be one."""
    from protokollkit.readers.numbering import heading_numbers
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package
    from protokollkit.readers.xml.wordml import read_package

    data = random_word_document(rng)
    blocks = read_package(Package(data, "zufall.docx")).blocks
    direct = [(" ".join(x.text.split()), x.number, x.hints) for x in document_lines(blocks)]
    ast = pandoc.run_pandoc(data, "docx", "zufall.docx")
    numbers = heading_numbers(data, "docx", "zufall.docx")
    lines, _notes = pandoc.ast_lines(ast, "docx", numbers, "zufall.docx")
    assert direct == [(" ".join(x.text.split()), x.number, x.hints) for x in lines]


def _direct_lines(path: Path) -> list[tuple[str, Any]]:
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package, odf, wordml

    module: Any = wordml if path.suffix == ".docx" else odf
    blocks = module.read_package(Package(path.read_bytes(), path.name)).blocks
    return [(" ".join(x.text.split()), x.hints) for x in document_lines(blocks) if x.text]


@needs_soffice
def test_random_word_documents_saved_as_odt_by_libreoffice_read_the_same(tmp_path: Path) -> None:
    """The .odt reader against the .docx reader: LibreOffice saves random Word documents as
    .odt (without a leading Title: pandoc's Word reader makes that metadata, one line)."""
    soffice = find_soffice()
    assert soffice is not None
    documents = []
    for seed in range(12):
        path = tmp_path / f"zufall{seed:02d}.docx"
        path.write_bytes(random_word_document(random.Random(seed), title=False))
        documents.append(path)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), *map(str, documents)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    for path in documents:
        # Word's table look "header row" (pandoc's and our heading row) is only formatting
        # to LibreOffice: it does not make the row an ODF heading row.
        odt = [(text, replace(h, table_header=False)) for text, h in _direct_lines(path)]
        assert _direct_lines(path.with_suffix(".odt")) == odt, path.name


def test_word_strict_open_xml_reads_like_the_transitional_document() -> None:
    """Word's "Strict Open XML Document" writes the same elements in other namespaces."""
    strict = {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
            b"http://purl.oclc.org/ooxml/wordprocessingml/main"
        ),
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(OFFICE / "word_features.docx") as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            data = source.read(info)
            for transitional, replacement in strict.items():
                data = data.replace(transitional, replacement)
            copy.writestr(info.filename, data)
    expected = protokollkit.read(OFFICE / "word_features.docx")
    assert read_docx(buffer.getvalue(), "strikt.docx") == expected


# --- the registry (which reader the content chooses: tests/readers/test_sniff.py) -------------


def test_no_reader_imports_another() -> None:
    code = (
        "import sys, protokollkit.readers.doc, protokollkit.readers.pandoc, "
        "protokollkit.readers.docx, protokollkit.readers.odt\n"
        "print(sorted(m for m in sys.modules if m.startswith('protokollkit.readers.')))"
    )
    for module in ("doc", "pandoc", "docx", "odt"):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sys, protokollkit.readers.{module}\n" + code.split("\n")[1],
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        loaded = {m.rsplit(".", 1)[1] for m in eval(result.stdout)}
        others = {"doc", "pandoc", "docx", "odt", "text", "markdown", "json"} - {module}
        assert not loaded & others, (module, loaded)


def test_reading_a_docx_runs_no_pandoc_and_imports_no_pypandoc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def pandoc_must_not_run(*args: object, **kwargs: object) -> object:
        raise AssertionError("pandoc ran")

    monkeypatch.setattr(pandoc, "run_pandoc", pandoc_must_not_run)
    protokollkit.read(LEGACY / "word_like.docx")
    protokollkit.read(LEGACY / "habits.odt")
    code = (
        "import sys, protokollkit\n"
        f"protokollkit.read({str(LEGACY / 'habits.rtf')!r})\n"
        "print('pypandoc' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"  # even the pandoc path does not import pypandoc


def test_pandoc_is_found_through_pypandoc_pandoc_first(monkeypatch: pytest.MonkeyPatch) -> None:
    pandoc.pandoc_path.cache_clear()
    monkeypatch.setenv("PYPANDOC_PANDOC", "/opt/mein-pandoc/bin/pandoc")
    try:
        assert pandoc.pandoc_path() == "/opt/mein-pandoc/bin/pandoc"
        with pytest.raises(ParseError, match="Pandoc kann nicht gestartet werden") as info:
            pandoc.read_rtf((LEGACY / "habits.rtf").read_bytes(), "habits.rtf")
        assert info.value.diagnostics[0].source == "habits.rtf"
    finally:
        pandoc.pandoc_path.cache_clear()
    monkeypatch.delenv("PYPANDOC_PANDOC")
    assert Path(pandoc.pandoc_path()).name.startswith("pandoc")
    pandoc.pandoc_path.cache_clear()


# --- hostile and broken documents --------------------------------------------------------------

WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document: bytes) -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": document})


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIMNIS", "utf-8")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {WORD_NS}><w:body>"
        "<w:p><w:r><w:t>Protokoll AG Wohnen 1.2.2023 &x;</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    protocol = read_docx(_docx(document), "xxe.docx")
    assert "GEHEIMNIS" not in protocol.title


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_unresolved_entity_keeps_the_text_after_it(fmt: str, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIMNIS", "utf-8")
    doctype = f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}"><!ENTITY y "Y">]>'
    text = "Protokoll &x;AG Wohnen &y;1.2.2023"
    if fmt == "docx":
        data = _docx(
            f'<?xml version="1.0"?>{doctype}<w:document {WORD_NS}><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>".encode()
        )
        reader: Any = read_docx
    else:
        ns = (
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        )
        content = (
            f"<?xml version='1.0'?>{doctype}<office:document-content {ns}><office:body>"
            f"<office:text><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>"
        )
        data = zip_of({"content.xml": content.encode()})
        reader = read_odt
    protocol = reader(data, f"entität.{fmt}")  # the odt reader crashed on the entity node
    assert protocol.title == "Protokoll AG Wohnen 1.2.2023"


def test_entity_expansion_bomb_is_not_expanded() -> None:
    entities = '<!ENTITY a "AAAAAAAAAA">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {WORD_NS}><w:body>"
        "<w:p><w:r><w:t>Protokoll AG Wohnen 1.2.2023 &i;</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    with pytest.raises(ParseError, match="sich vervielfachende XML-Entitäten") as info:
        read_docx(_docx(document), "lol.docx")  # libxml2 refuses the amplification
    assert info.value.diagnostics[0].source == "lol.docx"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_too_deeply_nested_xml_is_refused_without_a_traceback(fmt: str) -> None:
    if fmt == "docx":
        nested = "<w:sdt><w:sdtContent>" * 300 + "</w:sdtContent></w:sdt>" * 300
        data = _docx(f"<w:document {WORD_NS}><w:body>{nested}</w:body></w:document>".encode())
        reader: Any = read_docx
    else:
        ns = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        nested = "<text:span>" * 300 + "Protokoll" + "</text:span>" * 300
        data = zip_of({"content.xml": f"<r {ns}><text:p>{nested}</text:p></r>".encode()})
        reader = read_odt
    with pytest.raises(ParseError, match="zu tief verschachtelt"):
        reader(data, f"tief.{fmt}")


def test_zip_bomb_is_refused_before_any_xml_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from protokollkit.readers import xml

    def must_not_parse(*args: object, **kwargs: object) -> object:
        raise AssertionError("XML parsed")

    monkeypatch.setattr(xml, "parse", must_not_parse)
    with pytest.raises(ParseError, match="ZIP-Bombe"):
        read_docx((LEGACY / "zipbomb.docx").read_bytes(), "zipbomb.docx")


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (read_docx, _docx(b"<w:document"), "„word/document.xml“ ist kein gültiges XML"),
        (
            read_odt,
            zip_of({"content.xml": b"<office:document-content><<"}),
            "„content.xml“ ist kein",
        ),
        (read_docx, b"Hallo, ich bin keine Word-Datei", "kein Word-Dokument"),
        (read_odt, zip_of({"word/document.xml": b"<x/>"}), "content.xml fehlt"),
        (read_docx, b"", "leer"),
    ],
)
def test_broken_documents_give_a_german_error_naming_the_file(
    reader: Any, data: bytes, message: str
) -> None:
    with pytest.raises(ParseError, match=message) as info:
        reader(data, "kaputt")
    assert [d.source for d in info.value.diagnostics] == ["kaputt"]


@pytest.mark.parametrize("reader", [read_odt, pandoc.read_odt])
def test_a_password_protected_odt_is_refused_before_it_is_parsed(reader: Any) -> None:
    with pytest.raises(ParseError, match="Passwort") as info:
        reader((OFFICE / "password.odt").read_bytes(), "geheim.odt")
    assert info.value.diagnostics[0].source == "geheim.odt"


# --- the pandoc path's visitor -------------------------------------------------------------------


def test_unknown_pandoc_node_is_reported_with_its_position_not_dropped() -> None:
    document = {
        "blocks": [
            {"t": "Para", "c": [{"t": "Str", "c": "Protokoll AG 1.2.2023"}]},
            {"t": "Wundertüte", "c": []},
            {"t": "Para", "c": [{"t": "Str", "c": "a"}, {"t": "Zauberei", "c": "x"}]},
        ]
    }
    _lines, notes = pandoc.ast_lines(document, "html", source="neu.html")
    assert [(n.message, n.source, n.line) for n in notes] == [
        ("Unbekanntes Element „Wundertüte“ im Dokument nicht übernommen.", "neu.html", 2),
        ("Unbekanntes Element „Zauberei“ im Dokument nicht übernommen.", "neu.html", 2),
    ]


def test_image_warning_names_the_document() -> None:
    page = b"<html><body><p>Protokoll AG 1.2.2023</p><p><img src='x.png'></p></body></html>"
    protocol = pandoc.read_html(page, "bild.html")
    (warning,) = protocol.diagnostics
    assert warning.source == "bild.html" and "Bild" in warning.message


def test_links_in_the_pandoc_path_follow_the_model_convention() -> None:
    page = (
        b"<html><body><p>Protokoll AG 1.2.2023</p><p>1 Aktuelles</p><ul>"
        b"<li><a href='https://x.example/satzung'>Satzung</a></li>"
        b"<li><a href='https://x.example/'>https://x.example/</a></li>"
        b"<li><a href='#oben'>nach oben</a></li>"
        b"<li><a href='mailto:info@x.example'>info@x.example</a></li>"
        b"</ul></body></html>"
    )
    points = pandoc.read_html(page, "links.html").items[0].blocks[0].points
    assert [p.text for p in points] == [
        "[Satzung](https://x.example/satzung)",
        "https://x.example/",
        "nach oben",
        "mailto:info@x.example",
    ]


def test_pandoc_inline_kinds_become_text() -> None:
    def s(text: str) -> dict[str, Any]:
        return {"t": "Str", "c": text}

    attr: list[Any] = ["", [], []]
    paragraph = [
        {"t": "Quoted", "c": [{"t": "DoubleQuote"}, [s("Einkaufskorb")]]},
        {"t": "Space"},
        {"t": "Quoted", "c": [{"t": "SingleQuote"}, [s("App")]]},
        {"t": "Space"},
        {"t": "Code", "c": [attr, "x=1"]},
        {"t": "Space"},
        s("m"),
        {"t": "Superscript", "c": [s("2")]},
        {"t": "Space"},
        {"t": "Math", "c": [{"t": "InlineMath"}, "a+b"]},
        {"t": "Space"},
        {"t": "Cite", "c": [[], [s("[Krug]")]]},
        {"t": "Note", "c": [{"t": "Para", "c": [s("Fußnote")]}]},
        {"t": "RawInline", "c": ["html", "<br>"]},
        {"t": "Image", "c": [attr, [s("Plakat")], ["x.png", ""]]},
    ]
    document = {"blocks": [{"t": "Para", "c": paragraph}, {"t": "HorizontalRule"}]}
    lines, notes = pandoc.ast_lines(document, "html", source="inline.html")
    assert [line.text for line in lines if line.text] == [
        "„Einkaufskorb“ ‚App‘ x=1 m2 a+b [Krug]",
        "Fußnote",  # the footnote follows its paragraph
    ]
    assert [(n.message, n.source) for n in notes] == [
        ("1 Bild(er) im Dokument nicht übernommen (nur Text).", "inline.html")
    ]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2023-04-13T21:59:00Z", "2023-04-13"),  # 23:59 in Rostock (summer time)
        ("2023-04-13T22:30:00Z", "2023-04-14"),  # already the next day in Germany
        ("2023-01-31T23:30:00Z", "2023-02-01"),  # winter time: UTC+1
        ("2023-04-13T16:45:00", "2023-04-13"),  # no zone: as written
        ("1601-01-01T00:00:00Z", None),  # Word's "never"
        ("kein Datum", None),
    ],
)
def test_creation_date_is_the_day_in_germany(stamp: str, day: str | None) -> None:
    from protokollkit.readers.office import iso_local_date

    found = iso_local_date(stamp)
    assert (found.isoformat() if found else None) == day


def test_a_paragraph_of_only_a_line_break_counts_in_both_paths() -> None:
    """Pandoc keeps a paragraph that holds nothing but blanks and a line break (as a
    LineBreak); the direct reader counts it too, so later paragraph numbers agree."""
    import docx

    from protokollkit.readers.numbering import heading_numbers
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package
    from protokollkit.readers.xml.wordml import read_package

    document = docx.Document()
    document.add_paragraph("Protokoll")
    run = document.add_paragraph(style="List Number").add_run()
    run.add_tab()
    run.add_text("    ")
    run.add_break()
    run.bold = run.underline = True  # pandoc keeps the break inside the formatting
    document.add_paragraph("Kathrin Krug, SBZ")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    blocks = read_package(Package(data, "umbruch.docx")).blocks
    direct = [(x.text.strip(), x.number) for x in document_lines(blocks) if x.text.strip()]
    ast = pandoc.run_pandoc(data, "docx", "umbruch.docx")
    numbers = heading_numbers(data, "docx", "umbruch.docx")
    lines, _notes = pandoc.ast_lines(ast, "docx", numbers, "umbruch.docx")
    assert direct == [(x.text.strip(), x.number) for x in lines if x.text.strip()]
    assert direct == [("Protokoll", 1), ("Kathrin Krug, SBZ", 3)]
