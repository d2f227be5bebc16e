"""Reader for OpenDocument text (.odt, LibreOffice), straight from the zip's XML (no pandoc).

The XML work happens in :mod:`protokollkit.readers.xml.odf`; this module checks the bytes
first (:mod:`protokollkit.safety`), turns the paragraphs into lines and applies the layout
rules. The ``line`` of a diagnostic is the paragraph's position among all paragraphs (empty
ones too, as .odt keeps them) and table rows, 1-based, as in the pandoc path.
"""

from __future__ import annotations

from protokollkit.model import Protocol
from protokollkit.readers.office import (
    document_lines,
    images_note,
    iso_local_date,
    left_out_notes,
    protocol_of,
)
from protokollkit.safety import check_size, check_zip


def read_odt(data: bytes, source: str = "<odt>") -> Protocol:
    """Read a LibreOffice/OpenOffice text document (.odt)."""
    from protokollkit.readers.xml import Package
    from protokollkit.readers.xml.odf import read_package

    check_size(data, source)
    check_zip(data, source, "odt")
    document = read_package(Package(data, source))
    created = iso_local_date(document.created) if document.created else None
    fallback = (created, "erstellt am") if created else None
    lines = document_lines(document.blocks)
    notes = [*images_note(document.images, source), *left_out_notes(document.left_out, source)]
    return protocol_of(lines, source, notes, fallback)
