"""Readers: each turns one source format into a Protocol. Registered here, imported lazily.

:data:`FORMATS` is the one place where an input format is registered: its name, the module
and function that read it, its file name suffixes, and whether the content decides (office
documents: :func:`protokollkit.readers.sniff.sniff` chooses the reader by the first bytes, so a
.doc that is really an .rtf is read as RTF and no reader calls another). A format with
``converts_to`` is turned into that format first (``.doc`` → ``.docx`` by LibreOffice).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protokollkit.diagnostics import error
from protokollkit.model import Protocol

ByteReader = Callable[[bytes, str], Protocol]


@dataclass(frozen=True)
class Format:
    """An input format: how it is read and which file names it has."""

    name: str
    module: str
    function: str
    """Takes the file's bytes and its name for diagnostics; gives a Protocol (or, with
    ``converts_to``, the bytes of that format)."""
    suffixes: tuple[str, ...]
    sniffed: bool = False
    """An office document: its content chooses the reader, its suffix only when it cannot."""
    converts_to: str | None = None
    text_function: str | None = None
    """For a text format: the function of ``module`` that reads a ``str`` (and a name for
    diagnostics), used by :func:`protokollkit.read_text`."""


FORMATS: tuple[Format, ...] = (
    Format(
        "text",
        "protokollkit.readers.text",
        "read_text_bytes",
        (".txt", ".text", ""),
        text_function="read_text",
    ),
    Format(
        "json",
        "protokollkit.readers.json",
        "read_json_bytes",
        (".json",),
        text_function="read_json",
    ),
    Format(
        "markdown",
        "protokollkit.readers.markdown",
        "read_markdown_bytes",
        (".md", ".markdown"),
        text_function="read_markdown",
    ),
    Format("docx", "protokollkit.readers.docx", "read_docx", (".docx",), sniffed=True),
    Format("odt", "protokollkit.readers.odt", "read_odt", (".odt",), sniffed=True),
    Format("rtf", "protokollkit.readers.pandoc", "read_rtf", (".rtf",), sniffed=True),
    Format("html", "protokollkit.readers.pandoc", "read_html", (".html", ".htm"), sniffed=True),
    Format(
        "doc",
        "protokollkit.readers.doc",
        "convert_to_docx",
        (".doc",),
        sniffed=True,
        converts_to="docx",
    ),
)

_BY_NAME = {f.name: f for f in FORMATS}

READERS: dict[str, tuple[str, str]] = {f.name: (f.module, f.function) for f in FORMATS}
"""Format name → (module, function); derived from :data:`FORMATS`."""

SUFFIXES: dict[str, str] = {suffix: f.name for f in FORMATS for suffix in f.suffixes}
"""File name suffix → reader format; derived from :data:`FORMATS`."""


def format_of(path: Path) -> str:
    """The reader format for a file name, or a ParseError naming the formats we know."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(s for s in SUFFIXES if s))
        raise error(f"Unbekanntes Dateiformat „{suffix}“ (bekannt: {known}).", str(path))
    return SUFFIXES[suffix]


def _function(fmt: Format) -> Callable[[bytes, str], Any]:
    function: Callable[[bytes, str], Any] = getattr(
        importlib.import_module(fmt.module), fmt.function
    )
    return function


def reader(name: str, source: str = "<text>") -> ByteReader:
    """The reader function for a format name (office formats look at the content first);
    an unknown name is a ParseError naming ``source`` (the file to be read)."""
    if name not in _BY_NAME:
        raise error(f"Unbekanntes Eingabeformat „{name}“ (bekannt: {', '.join(_BY_NAME)}).", source)
    fmt = _BY_NAME[name]
    if fmt.sniffed:
        return functools.partial(read_office, declared=name)
    return _function(fmt)


TextReader = Callable[[str, str], Protocol]


def text_reader(name: str, source: str = "<text>") -> TextReader:
    """The reader of a text format (text, markdown, json) that takes a ``str``; another name is
    a ParseError naming ``source``."""
    if name not in _BY_NAME:
        raise error(f"Unbekanntes Eingabeformat „{name}“ (bekannt: {', '.join(_BY_NAME)}).", source)
    fmt = _BY_NAME[name]
    if fmt.text_function is None:
        texts = ", ".join(f.name for f in FORMATS if f.text_function)
        raise error(
            f"„{name}“ ist kein Textformat: als Text lesbar sind {texts}; "
            "Dateien anderer Formate bitte mit read_file() lesen.",
            source,
        )
    function: TextReader = getattr(importlib.import_module(fmt.module), fmt.text_function)
    return function


def read_office(data: bytes, source: str, declared: str) -> Protocol:
    """Read an office document: the content chooses the reader, ``declared`` (the suffix's
    format) only where the content does not tell."""
    from protokollkit.readers.sniff import sniff
    from protokollkit.safety import PASSWORD_MESSAGE, check_size

    check_size(data, source)
    kind = sniff(data)
    if kind == "encrypted":
        raise error(PASSWORD_MESSAGE, source)
    if kind == "zip":
        kind = "odt" if declared == "odt" else "docx"
    elif kind == "text":
        kind = declared  # its reader says what is wrong with the file
    fmt = _BY_NAME[kind]
    if fmt.converts_to is not None:
        converted: bytes = _function(fmt)(data, source)
        return read_office(converted, source, fmt.converts_to)
    protocol: Protocol = _function(fmt)(data, source)
    return protocol


def read_bytes(data: bytes, source: str, fmt: str) -> Protocol:
    """Read a file's bytes as format ``fmt`` (for office formats: as its content says)."""
    return reader(fmt)(data, source)
