"""protokollkit: read, check and write the protocols of the Stadtteiltisch Groß Klein.

>>> import protokollkit
>>> p = protokollkit.read("archiv/2022-11-10-stadtteiltisch.txt")
>>> p.items[0].title
'Aktuelles aus den Einrichtungen'
>>> text = protokollkit.write(p, "text")
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError

if TYPE_CHECKING:
    from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol

_MODEL = frozenset({"AgendaItem", "Block", "NextMeeting", "Person", "Point", "Protocol"})
"""Names of :mod:`protokollkit.model` offered here, imported on first use: ``protokollkit
--help`` (and every command that needs no model) starts without building its classes."""


def __getattr__(name: str) -> object:
    if name in _MODEL:
        from protokollkit import model

        return getattr(model, name)
    raise AttributeError(f"module 'protokollkit' has no attribute {name!r}")


__version__ = "0.1.0"


def read(source: str | os.PathLike[str] | bytes, format: str | None = None) -> Protocol:
    """Read a protocol from a path, from text, or from a file's bytes.

    A ``str`` containing a line break is the protocol's text; any other ``str`` or a ``Path`` is a
    file name whose suffix chooses the reader (``format`` overrides). Bytes are read as ``format``
    (default: text). Warnings are in ``protocol.diagnostics``; errors raise :class:`ParseError`.
    """
    from protokollkit.files import read_bytes
    from protokollkit.readers import format_of, reader

    if isinstance(source, bytes):
        return reader(format or "text")(source, "<bytes>")
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        if format in (None, "text"):
            from protokollkit.readers.text import read_text

            return read_text(source)
        return reader(format)(source.encode("utf-8"), "<text>")
    path = Path(source)
    fmt = format or format_of(path)
    return reader(fmt)(read_bytes(path), str(path))


def write(protocol: Protocol, format: str = "text") -> str | bytes:
    """Write a protocol: ``text`` and ``json`` give ``str``; binary formats give ``bytes``.

    Before every other format the protocol is validated (:mod:`protokollkit.validate`): what a
    writer cannot hold is a :class:`ParseError` naming the line, the same that ``check`` reports.
    ``text`` and ``json`` are lossless and write whatever was read.
    """
    from protokollkit.validate import ensure_writable
    from protokollkit.writers import writer

    write_format = writer(format)
    if format not in ("text", "json"):
        ensure_writable(protocol, formats={format})
    return write_format(protocol)


def to_json(protocol: Protocol) -> str:
    """The protocol as protokollkit JSON (see the README for the stable keys)."""
    from protokollkit.writers.json import write_json

    return write_json(protocol)


def from_json(text: str) -> Protocol:
    """The protocol from protokollkit JSON; the inverse of :func:`to_json`."""
    from protokollkit.readers.json import read_json

    return read_json(text)


__all__ = [
    "AgendaItem",
    "Block",
    "Diagnostic",
    "NextMeeting",
    "ParseError",
    "Person",
    "Point",
    "Protocol",
    "ProtokollkitError",
    "from_json",
    "read",
    "to_json",
    "write",
]
