"""PDF writer: the protocol as Typst source (writers/typst.py), laid out by vorlagen/protokoll.typ.

Typst compiles in-process (the ``typst`` package); nothing is written to disk. The template's
folder is the Typst root, so a logo or a font file beside the template is found. The result is
PDF/A-2a and PDF/UA-1: embedded fonts, XMP metadata with title, author and language, and a
structure tree (Title, H1/H2, P, L/LI, Link) that screen readers and archive checkers read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.templates import vorlage
from protokollkit.writers.typst import TEMPLATE_NAME, write_typst

PDF_STANDARDS = ("a-2a", "ua-1")
"""PDF/A-2a (archivable, tagged) and PDF/UA-1 (accessible): title, author, language, tags."""


STANDARDS_HINT = (
    "das PDF wird als archivierbares PDF/A-2a und barrierefreies PDF/UA-1 erzeugt: jedes Bild "
    'in der Vorlage braucht einen Alternativtext, z. B. image("logo.png", alt: "Logo")'
)


def write_pdf(protocol: Protocol) -> bytes:
    """The protocol as a tagged A4 PDF/A-2a (page numbers, header with meeting and date)."""
    import typst

    template = vorlage(TEMPLATE_NAME)
    folder = str(template.parent)
    source = write_typst(protocol).encode("utf-8")
    # A fixed timestamp keeps the PDF byte-identical for the same protocol and template.
    day = protocol.date or dt.date(2000, 1, 1)
    timestamp = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    try:
        # typst's stub ties input, root and font paths to one type; bytes in, folder as str.
        compile_pdf = cast("Callable[..., bytes]", typst.compile)
        pdf = compile_pdf(
            source,
            root=folder,
            font_paths=[folder],
            timestamp=timestamp,
            pdf_standards=list(PDF_STANDARDS),
        )
    except typst.TypstError as exc:
        detail = exc.message.strip() or str(exc)
        if "PDF/A" in detail or "PDF/UA" in detail:
            detail += f" – {STANDARDS_HINT}"
        raise ProtokollkitError(
            f"PDF konnte nicht erzeugt werden – Fehler in der Vorlage {template}: {detail}"
        ) from None
    return pdf
