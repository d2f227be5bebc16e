"""Reader for the protocol layout as plain text (the archive format)."""

from __future__ import annotations

from protokollkit.files import decode_text
from protokollkit.layout import Line, parse_lines
from protokollkit.model import Protocol


def lines_of(text: str) -> list[Line]:
    """Split text into numbered lines (CRLF, CR and LF all end a line)."""
    return [Line(t, n) for n, t in enumerate(text.splitlines(), start=1)]


def read_text(text: str, source: str = "<text>") -> Protocol:
    """Read a protocol from a string in the protocol layout."""
    text = text.removeprefix("\ufeff")
    return parse_lines(lines_of(text), source)


def read_text_bytes(data: bytes, source: str = "<text>") -> Protocol:
    """Read a protocol from the bytes of a text file (UTF-8, UTF-16 or Windows-1252)."""
    text, notes = decode_text(data, source)
    protocol = read_text(text, source)
    if notes:
        from dataclasses import replace

        protocol = replace(protocol, diagnostics=tuple(notes) + protocol.diagnostics)
    return protocol
