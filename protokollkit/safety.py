"""Checks on untrusted office documents before any converter sees them.

Word, LibreOffice and Excel files are zip containers; a small file can inflate to gigabytes
(a *zip bomb*). Everything here runs on the bytes in memory with the standard library only,
refuses what is too large, broken or encrypted with a German message, and never writes a file.
"""

from __future__ import annotations

import io
import zipfile

from protokollkit.diagnostics import ParseError, error
from protokollkit.files import MAX_INPUT_BYTES

MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
"""The entries of one document may inflate to at most this many bytes together (100 MiB)."""

MAX_ZIP_ENTRIES = 5000
"""More entries than this in one document are refused."""

MAX_RATIO = 200
"""An entry larger than :data:`RATIO_FLOOR` may be at most this many times its packed size."""

RATIO_FLOOR = 1024 * 1024
"""Entries below this size are not ratio-checked (small XML parts compress very well)."""

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE2 compound file: Word 97–2003 (.doc) or an encrypted Office file."""

ZIP_SIGNATURE = b"PK\x03\x04"

_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

PASSWORD_MESSAGE = (
    "Das Dokument ist mit einem Passwort geschützt (verschlüsselt). Bitte in Word oder "
    "LibreOffice öffnen und ohne Passwort speichern, dann erneut importieren."
)

REQUIRED_ENTRY = {"docx": "word/document.xml", "odt": "content.xml"}
"""The part every document of a zip format has; without it the file is something else."""

FORMAT_NAMES = {
    "docx": "Word-Dokument (.docx)",
    "odt": "LibreOffice-Dokument (.odt)",
    "rtf": "RTF-Dokument",
    "html": "HTML-Dokument",
    "doc": "Word-97-Dokument (.doc)",
}


def is_ole2(data: bytes) -> bool:
    """True for an OLE2 compound file (a .doc, or an encrypted .docx/.xlsx)."""
    return data.startswith(OLE2_SIGNATURE)


def is_encrypted_ooxml(data: bytes) -> bool:
    """True for a password-protected Office Open XML file: an OLE2 file with EncryptedPackage."""
    return is_ole2(data) and _ENCRYPTED_PACKAGE in data


def check_size(data: bytes, source: str, limit: int = MAX_INPUT_BYTES) -> None:
    """Refuse empty input and input larger than ``limit`` bytes."""
    if not data:
        raise error("Die Datei ist leer (0 Bytes).", source)
    if len(data) > limit:
        raise error(
            f"Datei ist zu groß ({len(data) // 1024} KiB; höchstens {limit // 1024} KiB).", source
        )


def check_zip(
    data: bytes,
    source: str,
    fmt: str,
    *,
    max_total: int = MAX_UNZIPPED_BYTES,
    max_ratio: int = MAX_RATIO,
) -> None:
    """Refuse a broken, encrypted or inflating zip container before pandoc reads it.

    Checks the sizes the zip directory declares, then inflates every entry as a stream (without
    keeping it) so that a directory that lies about sizes is caught too; this also verifies the
    CRC of every entry.
    """
    name = FORMAT_NAMES.get(fmt, fmt)
    if is_encrypted_ooxml(data):
        raise error(PASSWORD_MESSAGE, source)
    if not data.startswith(ZIP_SIGNATURE):
        raise error(f"Die Datei ist kein {name} (kein ZIP-Container).", source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # a damaged directory raises many kinds of errors; all mean "damaged"
        raise error(
            f"Die Datei ist beschädigt: kein vollständiges {name} (ZIP-Verzeichnis fehlt).", source
        ) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise error(f"Zu viele Teile im Dokument ({len(entries)}).", source)
        seen: set[str] = set()
        for info in entries:
            if info.filename in seen:  # Word and protokollkit would read different parts
                raise error(
                    f"Die Datei ist beschädigt: der Teil „{info.filename}“ steht zweimal im "
                    f"{name}; welcher gilt, ist nicht eindeutig.",
                    source,
                )
            seen.add(info.filename)
        if fmt in REQUIRED_ENTRY and REQUIRED_ENTRY[fmt] not in archive.namelist():
            raise error(
                f"Die Datei ist kein {name} ({REQUIRED_ENTRY[fmt]} fehlt im Container).", source
            )
        if _odf_encrypted(archive):
            raise error(PASSWORD_MESSAGE, source)
        declared = sum(info.file_size for info in entries)
        if declared > max_total:
            raise _bomb(source, declared, max_total)
        for info in entries:
            if info.flag_bits & 0x1:
                raise error(PASSWORD_MESSAGE, source)
            if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(
                info.compress_size, 1
            ):
                raise error(
                    f"Verdächtig stark gepackter Teil „{info.filename}“ "
                    f"({info.file_size // info.compress_size if info.compress_size else 0}:1); "
                    "die Datei wird nicht gelesen (ZIP-Bombe?).",
                    source,
                )
        _inflate_all(archive, entries, source, max_total, name)


def _inflate_all(
    archive: zipfile.ZipFile,
    entries: list[zipfile.ZipInfo],
    source: str,
    max_total: int,
    name: str,
) -> None:
    total = 0
    for info in entries:
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(1 << 16):
                    total += len(chunk)
                    if total > max_total:
                        raise _bomb(source, total, max_total)
        except ParseError:
            raise
        except Exception as exc:  # zlib.error, BadZipFile, EOFError …: a damaged entry
            if "password" in str(exc).lower() or "encrypted" in str(exc).lower():
                raise error(PASSWORD_MESSAGE, source) from None
            raise error(
                f"Die Datei ist beschädigt: Teil „{info.filename}“ ist nicht lesbar ({name}).",
                source,
            ) from None


def _odf_encrypted(archive: zipfile.ZipFile) -> bool:
    """True for a password-protected OpenDocument file: its manifest lists encryption data."""
    try:
        info = archive.getinfo("META-INF/manifest.xml")
    except KeyError:
        return False
    if info.file_size > RATIO_FLOOR:
        return False  # no manifest of a text document is this large; the checks below judge it
    try:
        return b"encryption-data" in archive.read(info)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        return False  # damaged: reported with the entry by the inflating check


def _bomb(source: str, size: int, limit: int) -> ParseError:
    return error(
        f"Das Dokument würde entpackt {size // (1024 * 1024)} MiB groß "
        f"(höchstens {limit // (1024 * 1024)} MiB); die Datei wird nicht gelesen (ZIP-Bombe?).",
        source,
    )


MAX_HTML_DEPTH = 200
"""HTML elements nested deeper than this are refused before pandoc reads the page (deeper
nesting exhausts the recursion of the JSON reader)."""

MAX_HTML_LISTS = 10
"""Lists (``ul``, ``ol``) nested deeper than this are refused: pandoc's HTML reader takes
exponential time on deep lists with unbalanced tags (16 levels: 4 s, 18: 23 s)."""

LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})


def check_html_depth(text: str, source: str, limit: int = MAX_HTML_DEPTH) -> None:
    """Refuse HTML whose elements are nested deeper than ``limit``, naming the line."""
    from html.parser import HTMLParser

    void = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }  # fmt: skip

    class Depth(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in void:
                return
            self.open.append(tag)
            lists = sum(1 for t in self.open if t in LIST_TAGS) if tag in LIST_TAGS else 0
            if len(self.open) > limit or lists > MAX_HTML_LISTS:
                line, col = self.getpos()
                what = (
                    f"Listen sind zu tief verschachtelt (mehr als {MAX_HTML_LISTS} Ebenen)"
                    if lists > MAX_HTML_LISTS
                    else f"das HTML-Dokument ist zu tief verschachtelt (mehr als {limit} Ebenen)"
                )
                raise error(
                    f"{what[0].upper()}{what[1:]}; die Datei wird nicht gelesen.",
                    source,
                    line,
                    col + 1,
                )

        def handle_endtag(self, tag: str) -> None:
            if tag in self.open:
                while self.open and self.open.pop() != tag:
                    pass

    parser = Depth()
    parser.feed(text)
    parser.close()


def check_rtf(data: bytes, source: str) -> None:
    """Refuse a file that does not start like an RTF document."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise error("Die Datei ist kein RTF-Dokument (beginnt nicht mit „{\\rtf“).", source)
