"""Reader for the protocol layout as plain text (the archive format)."""

from __future__ import annotations

from protokollkit.layout import Line, parse_lines, split_lines
from protokollkit.model import Protocol
from protokollkit.readers.shared import read_decoded


def lines_of(text: str) -> list[Line]:
    """Split text into numbered lines (see :func:`protokollkit.layout.split_lines`)."""
    return split_lines(text)


def read_text(text: str, source: str = "<text>") -> Protocol:
    """Read a protocol from a string in the protocol layout (a byte order mark is one of the
    invisible characters the layout drops)."""
    return parse_lines(lines_of(text), source)


def read_text_bytes(data: bytes, source: str = "<text>") -> Protocol:
    """Read a protocol from the bytes of a text file (UTF-8, UTF-16 or Windows-1252)."""
    return read_decoded(data, source, read_text)
