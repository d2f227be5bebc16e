"""Content sniffing (:mod:`protokollkit.readers.sniff`): the first bytes, not the file's name,
choose the reader – Word saves .rtf and .docx as .doc, Word 97 files get renamed to .docx, and
pages saved from a browser or Word start with a byte order mark, an XML declaration or a
comment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import protokollkit
from protokollkit.diagnostics import ParseError
from protokollkit.files import MAX_INPUT_BYTES
from protokollkit.readers import read_bytes
from protokollkit.readers.doc import find_soffice
from protokollkit.readers.sniff import WINDOW, sniff
from tests.conftest import TESTS
from tests.readers import zip_of

LEGACY = TESTS / "fixtures" / "legacy"
needs_soffice = pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) ist nicht installiert (in CI läuft dieser Test immer)",
)
CORRUPT = (LEGACY / "corrupt.docx").read_bytes()
"""A .docx cut off before its zip directory."""


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ((LEGACY / "reference.docx").read_bytes(), "docx"),
        ((LEGACY / "reference.odt").read_bytes(), "odt"),
        ((LEGACY / "reference.rtf").read_bytes(), "rtf"),
        ((LEGACY / "reference.doc").read_bytes(), "doc"),
        ((LEGACY / "password.docx").read_bytes(), "encrypted"),
        ((LEGACY / "corrupt.docx").read_bytes(), "zip"),
        (b"Protokoll Stadtteiltisch 10.11.22\n", "text"),
        (b"", "text"),
    ],
)
def test_the_fixtures_are_told_apart(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


@pytest.mark.parametrize(
    ("entries", "kind"),
    [
        ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}, "docx"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<r/>"}, "odt"),
        ({"xl/workbook.xml": b"<x/>"}, "zip"),  # a spreadsheet: no reader
    ],
)
def test_a_zip_is_told_by_its_main_part(entries: dict[str, bytes], kind: str) -> None:
    assert sniff(zip_of(entries)) == kind


def test_a_cut_off_zip_is_a_zip_not_text() -> None:
    whole = zip_of({"word/document.xml": b"<w:document/>" * 100})
    assert sniff(whole[:30]) == "zip"  # the reader then says it is damaged


@pytest.mark.parametrize(
    "data",
    [
        b"{\\rtf1\\ansi Protokoll}",
        b"\xef\xbb\xbf{\\rtf1\\ansi Protokoll}",  # UTF-8 byte order mark
        b"\r\n  {\\rtf1\\ansi Protokoll}",  # blank lines before it
    ],
)
def test_rtf(data: bytes) -> None:
    assert sniff(data) == "rtf"


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body>x</body></html>",
        b"<HTML><BODY>x</BODY></HTML>",  # old pages in capitals
        b"<html>",
        b"<head><title>Protokoll</title></head>",
        b"<body><p>Protokoll</p></body>",
        b'<meta charset="utf-8"><p>Protokoll</p>',
        b"<title>Protokoll</title><p>Text</p>",
        b"\xef\xbb\xbf  <!DOCTYPE html><html><body>x</body></html>",
        "<html><body>ü</body></html>".encode("utf-16"),  # with the byte order mark of the machine
        b"\xff\xfe" + "<html><body>ü</body></html>".encode("utf-16-le"),
        b"\xfe\xff" + "<html><body>ü</body></html>".encode("utf-16-be"),
        b'<?xml version="1.0"?>\n<!-- Word -->\n<html xmlns:o="urn:x">',  # saved by Word
        b"<!-- eins --><!-- zwei -->\n<html>",
        b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html>',
        # Word's "Web page" keeps a second processing instruction before <html>
        b'<?xml version="1.0" encoding="utf-8"?>\r\n<?mso-application progid="Word.Document"?>'
        b'\r\n<html xmlns:w="urn:schemas-microsoft-com:office:word">',
        b'<?xml version="1.0"?><?xml-stylesheet href="p.css"?><!-- Export --><?php ?><html>',
        # comments and processing instructions inside the page do not matter
        b"<!-- Word --><html><head><!--[if gte mso 9]><xml></xml><![endif]--><style>",
        b"<html><body><?php echo $protokoll ?></body></html>",
        b'<?xml version="1.0"?>\n<html><p>Stand: <?php echo $datum ?></p>',
    ],
)
def test_html(data: bytes) -> None:
    assert sniff(data) == "html"


@pytest.mark.parametrize(
    "data",
    [
        b"Protokoll Stadtteiltisch\n<html> steht erst in Zeile 2\n",
        b'<?xml version="1.0"?><note>kein HTML</note>',  # other XML
        b"<?xml version=",  # an XML declaration that never ends
        b'<?xml version="1.0"?><?mso-application progid=',  # … the second one never ends
        # Word 2003 XML: processing instructions in front of a Word document, not a page
        b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>',
        b"<!-- ein Kommentar, der nie endet <html>",
        b"\xff\xfe" + "Protokoll Stadtteiltisch\r\n".encode("utf-16-le"),  # Notepad's Unicode
        b"\xef\xbb\xbfProtokoll Stadtteiltisch\n",
        b"  \n\tProtokoll {\\rtf1 im Text}\n",
    ],
)
def test_text(data: bytes) -> None:
    assert sniff(data) == "text"


def test_the_first_2_kib_are_looked_at() -> None:
    """A page whose ``<html`` ends within the first 2048 bytes is a page; one beyond is not."""
    comment = b"<!-- " + b"Vorlage Ortsbeirat " * 200
    inside = comment[: WINDOW - len(b"--><html")] + b"--><html>"
    assert sniff(inside) == "html"
    assert sniff(b" " + inside) == "text"


def test_damaged_utf16_is_still_told_apart_and_does_not_crash() -> None:
    """A UTF-16 file with a broken character (half a surrogate pair) near its start."""
    broken = (
        "<html><body>".encode("utf-16-le") + b"\x00\xd8" + "x</body></html>".encode("utf-16-le")
    )
    assert sniff(b"\xff\xfe" + broken) == "html"
    assert sniff(b"\xff\xfe" + b"\x00\xd8" + "Protokoll".encode("utf-16-le")) == "text"


def test_a_word_web_page_named_doc_is_read_as_the_page() -> None:
    """Word saves "Webseite" under the name .doc too; the page, not LibreOffice, is read."""
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\r\n<?mso-application progid="Word.Document"?>\r\n'
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
        "</head><body><p class=MsoTitle>Protokoll Stadtteiltisch 16.03.2023</p>"
        "<p class=MsoNormal>Anwesend: Kathrin Krug, Dirk Malner</p>"
        "<h1>TOP 1 Frühlingsfest</h1><ul><li>Fest am 22.04.2023 im SBZ</li></ul></body></html>"
    ).encode()
    protocol = read_bytes(page, "Protokoll.doc", "doc")
    assert protocol.title == "Protokoll Stadtteiltisch 16.03.2023"
    assert [p.name for p in protocol.participants] == ["Kathrin Krug", "Dirk Malner"]
    assert [item.title for item in protocol.items] == ["Frühlingsfest"]
    assert [p.text for p in protocol.items[0].blocks[0].points] == ["Fest am 22.04.2023 im SBZ"]
    assert protocol.diagnostics == ()


# --- the registry: the content chooses the reader, the name only where the content does not ---


@pytest.mark.parametrize(
    ("fixture", "named"),
    [
        ("reference.docx", "protokoll.odt"),
        ("reference.odt", "protokoll.docx"),
        ("reference.rtf", "protokoll.doc"),
        ("reference.docx", "protokoll.doc"),
        ("reference.rtf", "protokoll.html"),
    ],
)
def test_the_content_not_the_name_chooses_the_reader(
    fixture: str, named: str, tmp_path: Path
) -> None:
    renamed = tmp_path / named
    renamed.write_bytes((LEGACY / fixture).read_bytes())
    archive = protokollkit.read(TESTS.parent / "archiv" / "2022-11-10-stadtteiltisch.txt")
    assert protokollkit.read(renamed) == archive


def test_an_encrypted_office_file_is_refused_whatever_its_name() -> None:
    data = (LEGACY / "password.docx").read_bytes()
    for fmt in ("docx", "odt", "doc"):
        with pytest.raises(ParseError, match="Passwort") as info:
            read_bytes(data, f"geheim.{fmt}", fmt)
        [diagnostic] = info.value.diagnostics
        assert diagnostic.source == f"geheim.{fmt}"


@pytest.mark.parametrize(
    ("data", "named", "message"),
    [
        # a zip without its directory (a cut-off download): the name says which reader explains
        (CORRUPT, "odt", "kein vollständiges LibreOffice-Dokument (.odt) (ZIP-Verzeichnis fehlt)"),
        (CORRUPT, "docx", "kein vollständiges Word-Dokument (.docx) (ZIP-Verzeichnis fehlt)"),
        (CORRUPT, "rtf", "kein vollständiges Word-Dokument (.docx) (ZIP-Verzeichnis fehlt)"),
        (CORRUPT, "doc", "kein vollständiges Word-Dokument (.docx) (ZIP-Verzeichnis fehlt)"),
        # text under an office document's name: the reader of the name says what is wrong
        (b"Protokoll Stadtteiltisch\n", "docx", "kein Word-Dokument (.docx) (kein ZIP-Container)"),
        (b"Protokoll Stadtteiltisch\n", "odt", "kein LibreOffice-Dokument (.odt) (kein ZIP"),
        (b"Protokoll Stadtteiltisch\n", "rtf", "kein RTF-Dokument (beginnt nicht mit „{\\rtf“)"),
        (
            b"Protokoll Stadtteiltisch\n",
            "doc",
            "kein Word-Dokument (.doc): unbekannter Dateianfang",
        ),
    ],
)
def test_what_the_content_does_not_tell_the_name_decides(
    data: bytes, named: str, message: str
) -> None:
    with pytest.raises(ParseError) as info:
        read_bytes(data, f"protokoll.{named}", named)
    [diagnostic] = info.value.diagnostics
    assert diagnostic.source == f"protokoll.{named}"
    assert message in diagnostic.message


def test_an_office_file_too_large_is_refused_before_it_is_looked_at() -> None:
    data = (LEGACY / "reference.rtf").read_bytes()
    with pytest.raises(ParseError, match="zu groß") as info:
        read_bytes(data + b" " * MAX_INPUT_BYTES, "riesig.rtf", "rtf")
    assert info.value.diagnostics[0].source == "riesig.rtf"


@needs_soffice
def test_a_word_97_file_named_docx_is_converted_and_read_as_docx(private_tmp: Path) -> None:
    """OLE2 content under any office name goes through LibreOffice, then the .docx reader;
    the warnings name the file as it was given."""
    name = "protokoll.docx"
    protocol = read_bytes((LEGACY / "tracked_changes.doc").read_bytes(), name, "docx")
    assert protocol == read_bytes((LEGACY / "tracked_changes.docx").read_bytes(), name, "docx")
    assert [(d.source, d.message[:40]) for d in protocol.diagnostics] == [
        (name, "Kommentar nicht übernommen: „Kathrin Kru"),
        (name, "Kein Datum gefunden (weder im Titel noch"),
        (name, "Datum aus den Dokumenteigenschaften über"),
    ]
    assert list(private_tmp.iterdir()) == []  # LibreOffice's files are gone
