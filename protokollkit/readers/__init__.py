"""Readers: each turns one source format into a Protocol. Looked up by name, imported lazily."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from protokollkit.diagnostics import error
from protokollkit.model import Protocol

ByteReader = Callable[[bytes, str], Protocol]

READERS: dict[str, tuple[str, str]] = {
    "text": ("protokollkit.readers.text", "read_text_bytes"),
    "json": ("protokollkit.readers.json", "read_json_bytes"),
    "markdown": ("protokollkit.readers.markdown", "read_markdown_bytes"),
    "docx": ("protokollkit.readers.pandoc", "read_docx"),
    "odt": ("protokollkit.readers.pandoc", "read_odt"),
    "rtf": ("protokollkit.readers.pandoc", "read_rtf"),
    "html": ("protokollkit.readers.pandoc", "read_html"),
    "doc": ("protokollkit.readers.doc", "read_doc"),
}
"""Format name → (module, function taking the file's bytes and its name for diagnostics)."""

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".html": "html",
    ".htm": "html",
    ".doc": "doc",
}
"""File name suffix → reader format."""


def format_of(path: Path) -> str:
    """The reader format for a file name, or a ParseError naming the formats we know."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(s for s in SUFFIXES if s))
        raise error(f"Unbekanntes Dateiformat „{suffix}“ (bekannt: {known}).", str(path))
    return SUFFIXES[suffix]


def reader(name: str) -> ByteReader:
    """The reader function for a format name."""
    if name not in READERS:
        raise error(f"Unbekanntes Eingabeformat „{name}“ (bekannt: {', '.join(READERS)}).")
    module, function = READERS[name]
    result: ByteReader = getattr(importlib.import_module(module), function)
    return result
