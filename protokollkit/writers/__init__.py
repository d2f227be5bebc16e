"""Writers: each turns a Protocol into one output format. Looked up by name, imported lazily."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from protokollkit.diagnostics import ProtokollkitError

if TYPE_CHECKING:  # the model is built on first use, not for ``--help``
    from protokollkit.model import Protocol

Writer = Callable[["Protocol"], "str | bytes"]

WRITERS: dict[str, tuple[str, str, str]] = {
    "text": ("protokollkit.writers.text", "write_text", ".txt"),
    "json": ("protokollkit.writers.json", "write_json", ".json"),
    "markdown": ("protokollkit.writers.markdown", "write_markdown", ".md"),
    "docx": ("protokollkit.writers.docx", "write_docx", ".docx"),
    "pdf": ("protokollkit.writers.pdf", "write_pdf", ".pdf"),
    "email": ("protokollkit.writers.email", "write_email_body", ".txt"),
    "email-html": ("protokollkit.writers.email", "write_email_html", ".html"),
    "eml": ("protokollkit.writers.email", "write_eml", ".eml"),
    "ics": ("protokollkit.writers.ics", "write_ics", ".ics"),
    "html": ("protokollkit.writers.html", "write_html", ".html"),
}
"""Format name → (module, function, file suffix). Text formats return str, others bytes."""


def writer(name: str) -> Writer:
    """The writer function for a format name."""
    if name not in WRITERS:
        raise ProtokollkitError(
            f"Unbekanntes Ausgabeformat „{name}“ (bekannt: {', '.join(WRITERS)})."
        )
    module, function, _suffix = WRITERS[name]
    result: Writer = getattr(importlib.import_module(module), function)
    return result


def suffix(name: str) -> str:
    """The usual file suffix of an output format."""
    return WRITERS[name][2]
