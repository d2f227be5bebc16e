"""Tests of the readers; ``zip_of`` builds the zip archives that office-document cases need."""

from __future__ import annotations

import io
import zipfile


def zip_of(entries: dict[str, bytes]) -> bytes:
    """A zip archive (deflated) with the given members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()
