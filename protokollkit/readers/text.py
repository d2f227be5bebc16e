"""Reader for the protocol layout as plain text (the archive format)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from protokollkit.files import decode_text
from protokollkit.layout import Line, parse_lines, split_lines
from protokollkit.model import Protocol


def lines_of(text: str) -> list[Line]:
    """Split text into numbered lines (see :func:`protokollkit.layout.split_lines`)."""
    return split_lines(text)


def read_text(text: str, source: str = "<text>") -> Protocol:
    """Read a protocol from a string in the protocol layout."""
    text = text.removeprefix("\ufeff")
    return parse_lines(lines_of(text), source)


def read_decoded(data: bytes, source: str, parse: Callable[[str, str], Protocol]) -> Protocol:
    """Decode a text file's bytes and ``parse`` them; the decoding's warnings come first."""
    text, notes = decode_text(data, source)
    protocol = parse(text, source)
    if not notes:
        return protocol
    return replace(protocol, diagnostics=(*notes, *protocol.diagnostics))


def read_text_bytes(data: bytes, source: str = "<text>") -> Protocol:
    """Read a protocol from the bytes of a text file (UTF-8, UTF-16 or Windows-1252)."""
    return read_decoded(data, source, read_text)
