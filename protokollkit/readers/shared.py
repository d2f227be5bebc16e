"""What several readers share and that is no reader itself: decoding a text file's bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from protokollkit.files import decode_text
from protokollkit.model import Protocol


def read_decoded(data: bytes, source: str, parse: Callable[[str, str], Protocol]) -> Protocol:
    """Decode a text file's bytes and ``parse`` them; the decoding's warnings come first."""
    text, notes = decode_text(data, source)
    protocol = parse(text, source)
    if not notes:
        return protocol
    return replace(protocol, diagnostics=(*notes, *protocol.diagnostics))
