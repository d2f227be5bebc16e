"""protokollkit: read, check and write the protocols of the Stadtteiltisch Groß Klein.

>>> import protokollkit
>>> p = protokollkit.read_file("archiv/2022-11-10-stadtteiltisch.txt")
>>> p.items[0].title
'Aktuelles aus den Einrichtungen'
>>> text = protokollkit.write(p, "text")
>>> protokollkit.read_text(text) == p
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

if TYPE_CHECKING:
    from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError
    from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
    from protokollkit.writers import Rendered, Stamp

_DIAGNOSTICS = frozenset({"Diagnostic", "ParseError", "ProtokollkitError"})
_MODEL = frozenset({"AgendaItem", "Block", "NextMeeting", "Person", "Point", "Protocol"})
_WRITERS = frozenset({"Rendered", "Stamp"})
"""Names of :mod:`protokollkit.model` offered here, imported on first use: ``protokollkit
--help`` (and every command that needs no model) starts without building its classes, and
``import protokollkit`` imports nothing that takes time (Ctrl-C while the console script
imports the command line is caught there, not here)."""


def __getattr__(name: str) -> object:
    if name in _DIAGNOSTICS:
        from protokollkit import diagnostics

        return getattr(diagnostics, name)
    if name in _MODEL:
        from protokollkit import model

        return getattr(model, name)
    if name in _WRITERS:
        from protokollkit import writers

        return getattr(writers, name)
    raise AttributeError(f"module 'protokollkit' has no attribute {name!r}")


__version__ = "0.1.0"


def read_text(text: str, name: str = "<text>", format: str = "text") -> Protocol:
    """Read a protocol from its text, whatever the text looks like.

    ``format`` is a text format (``text``, ``markdown``, ``json``); ``name`` stands for the
    source in diagnostics (``name:line: warnung: …``). Warnings are in ``protocol.diagnostics``;
    errors raise :class:`ParseError`.
    """
    from protokollkit.readers import text_reader

    return text_reader(format, name)(text, name)


def read_file(path: str | os.PathLike[str], format: str | None = None) -> Protocol:
    """Read a protocol from a file; its suffix chooses the reader (``format`` overrides; office
    documents: their content decides). Diagnostics name the file."""
    from protokollkit.files import read_bytes
    from protokollkit.readers import format_of, reader

    path = Path(path)
    return reader(format or format_of(path), str(path))(read_bytes(path), str(path))


def read_bytes(data: bytes, format: str = "text", name: str = "<bytes>") -> Protocol:
    """Read a protocol from a file's bytes (text files: UTF-8, UTF-16 or Windows-1252)."""
    from protokollkit.readers import reader

    return reader(format, name)(data, name)


def read(source: str | os.PathLike[str] | bytes, format: str | None = None) -> Protocol:
    """A convenience that guesses what ``source`` is: prefer :func:`read_text`,
    :func:`read_file` and :func:`read_bytes`, which do not guess.

    A ``str`` containing a line break is the protocol's text (:func:`read_text`); any other
    ``str`` or a ``Path`` is a file name (:func:`read_file`) – so a one-line text such as
    ``"Protokoll Stadtteiltisch 10.11.2022"`` is taken for a file name. Bytes are read as
    ``format`` (default: text).
    """
    if isinstance(source, bytes):
        return read_bytes(source, format or "text")
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        if format in (None, "text", "markdown", "json"):
            return read_text(source, format=format or "text")
        return read_bytes(source.encode("utf-8"), format or "text", "<text>")
    return read_file(source, format)


TextFormat = Literal["text", "json", "markdown", "email", "email-html", "ics", "html"]
"""The output formats that are text; :func:`write` gives them as ``str``."""
BinaryFormat = Literal["docx", "pdf", "eml"]
"""The output formats that are bytes."""


def render(protocol: Protocol, format: str = "text", *, stamp: Stamp | None = None) -> Rendered:
    """Write a protocol as ``format``: a :class:`Rendered` with the bytes, the media type and
    the usual file name suffix (``.text`` decodes a text format).

    Before every format but ``text`` and ``json`` the protocol is validated
    (:mod:`protokollkit.validate`): what a writer cannot hold is a :class:`ParseError` naming
    the line, the same that ``check`` reports. ``text`` and ``json`` are lossless and write
    whatever was read. ``stamp`` is the moment of writing (``DTSTAMP`` of the .ics, ``Date``
    and ``Message-ID`` of the .eml); without one the clock is read (or
    ``SOURCE_DATE_EPOCH``). Everything else depends on the protocol alone: the same protocol
    and stamp give the same bytes.
    """
    from protokollkit.validate import ensure_writable
    from protokollkit.writers import now, output_format
    from protokollkit.writers import render as render_format

    output_format(format)
    if format not in ("text", "json"):
        ensure_writable(protocol, formats={format})
    return render_format(protocol, format, stamp or now())


@overload
def write(
    protocol: Protocol, format: TextFormat = "text", *, stamp: Stamp | None = None
) -> str: ...
@overload
def write(protocol: Protocol, format: BinaryFormat, *, stamp: Stamp | None = None) -> bytes: ...
@overload
def write(protocol: Protocol, format: str, *, stamp: Stamp | None = None) -> str | bytes: ...
def write(protocol: Protocol, format: str = "text", *, stamp: Stamp | None = None) -> str | bytes:
    """Write a protocol: text formats give ``str``, ``docx``, ``pdf`` and ``eml`` ``bytes``
    (the type checker knows which from the format name). :func:`render` says more."""
    rendered = render(protocol, format, stamp=stamp)
    return rendered.data if rendered.binary else rendered.text


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
    "Rendered",
    "Stamp",
    "from_json",
    "read",
    "read_bytes",
    "read_file",
    "read_text",
    "render",
    "to_json",
    "write",
]
