"""Reader for Word documents (.docx), straight from the zip's XML (no pandoc).

The XML work happens in :mod:`protokollkit.readers.xml.wordml`; this module checks the bytes
first (:mod:`protokollkit.safety`: size, zip bomb, encryption), turns the paragraphs into
lines (:func:`protokollkit.readers.office.document_lines`) and applies the layout rules.

The ``line`` of a diagnostic is the paragraph's position among the document's non-empty
paragraphs and table rows (1-based), as in the pandoc path.
"""

from __future__ import annotations

from protokollkit.model import Protocol
from protokollkit.readers.office import (
    date_in,
    document_lines,
    images_note,
    iso_local_date,
    left_out_notes,
    protocol_of,
)
from protokollkit.safety import check_size, check_zip


def read_docx(data: bytes, source: str = "<docx>") -> Protocol:
    """Read a Word document (.docx)."""
    from protokollkit.readers.xml import Package
    from protokollkit.readers.xml.wordml import STRICT, read_package

    check_size(data, source)
    check_zip(data, source, "docx")
    document = read_package(Package(data, source, STRICT))
    fallback = date_in(document.date_texts)
    if fallback is None and document.created:
        created = iso_local_date(document.created)
        fallback = (created, "erstellt am") if created else None
    lines = document_lines(document.blocks)
    notes = [*images_note(document.images, source), *left_out_notes(document.left_out, source)]
    return protocol_of(lines, source, notes, fallback)
