"""Which reader a document needs, decided by its first bytes (not by its name).

Word saves .rtf and .docx under the name .doc, Word 97 files get renamed to .docx, and an
encrypted .docx is no zip at all. One step looks at the content, like pandoc's own format
detection, so that no reader has to call another.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Callable

from protokollkit.safety import OLE2_SIGNATURE, ZIP_SIGNATURE, is_encrypted_ooxml

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
_PROLOG = ((b"<?", b"?>"), (b"<!--", b"-->"))
"""What may stand in front of a page's first element: processing instructions and comments."""
_BOMS: dict[bytes, Callable[[bytes, str], tuple[str, int]] | None] = {
    codecs.BOM_UTF8: None,
    codecs.BOM_UTF16_LE: codecs.utf_16_le_decode,
    codecs.BOM_UTF16_BE: codecs.utf_16_be_decode,
}
"""Byte order marks and how the text behind them is decoded (UTF-8: not at all)."""
WINDOW = 2048
"""How many bytes are looked at: a page's first element comes within them."""


def sniff(data: bytes) -> str:
    """The kind of a document's bytes.

    ``encrypted`` (a password-protected Office file), ``doc`` (another OLE2 file: Word 97–2003),
    ``docx`` (zip with ``word/document.xml``), ``odt`` (zip with ``content.xml``), ``zip`` (any
    other zip, also a damaged one), ``rtf``, ``html`` or ``text``.
    """
    if data.startswith(OLE2_SIGNATURE):
        return "encrypted" if is_encrypted_ooxml(data) else "doc"
    if data.startswith(ZIP_SIGNATURE):
        return _zip_kind(data)
    head = data[:WINDOW]
    for bom, decode in _BOMS.items():
        if head.startswith(bom):
            head = head[len(bom) :]
            if decode is not None:  # UTF-16: looked at as UTF-8 like every other page
                head = decode(head, "replace")[0].encode()
            break
    head = head.lstrip()
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _after_prolog(head.lower()).startswith(_HTML_STARTS):
        return "html"
    return "text"


def _after_prolog(head: bytes) -> bytes:
    """What follows the declarations and comments in front of a page, in any number and order:
    Word saves ``<?xml …?>``, then ``<?mso-application …?>``, comments and only then ``<html>``.
    One that never ends (in the window) ends the prolog."""
    while True:
        for start, end in _PROLOG:
            if head.startswith(start) and end in head:
                head = head[head.find(end) + len(end) :].lstrip()
                break
        else:
            return head


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        return "odt"
    return "zip"
