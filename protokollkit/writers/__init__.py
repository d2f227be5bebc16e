"""Writers: each turns a Protocol into one output format. Registered here, imported lazily.

:data:`OUTPUT_FORMATS` is the one place where an output format is registered: its name, the
module and function that write it, its file name suffix and its media type. :func:`render`
runs a writer and gives a :class:`Rendered` – the bytes with what they are – so no caller has
to ask whether it got ``str`` or ``bytes``.

Writers are pure: the same protocol and the same :class:`Stamp` give the same bytes. What a
writer cannot know from the protocol – the moment of writing (``DTSTAMP`` of the .ics, ``Date``
of the .eml) and the mail's ``Message-ID`` – comes in as a :class:`Stamp`; only the edges (the
command line, :func:`protokollkit.write`) read the clock, through :func:`now`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from protokollkit.diagnostics import ProtokollkitError

if TYPE_CHECKING:  # the model is built on first use, not for ``--help``; datetime likewise
    import datetime as dt

    from protokollkit.model import Protocol

Writer = Callable[..., "str | bytes"]


@dataclass(frozen=True)
class OutputFormat:
    """An output format: which function writes it, and what its result is."""

    name: str
    module: str
    function: str
    """Takes the Protocol (and, when ``stamped``, ``stamp=``); gives ``str`` for text formats
    (encoded as UTF-8 by :func:`render`) or ``bytes``."""
    suffix: str
    """The file name suffix ``build`` gives it (``NAME.email.txt`` beside ``NAME.txt``)."""
    media_type: str
    stamped: bool = False
    """The writer takes the moment of writing (and a Message-ID) as ``stamp=``."""

    @property
    def binary(self) -> bool:
        """True for formats that are not text (DOCX, PDF, .eml)."""
        return not (
            self.media_type.startswith("text/") or self.media_type.startswith("application/json")
        )


_UTF8 = "; charset=utf-8"

OUTPUT_FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("text", "protokollkit.writers.text", "write_text", ".txt", "text/plain" + _UTF8),
    OutputFormat("json", "protokollkit.writers.json", "write_json", ".json", "application/json"),
    OutputFormat(
        "markdown",
        "protokollkit.writers.markdown",
        "write_markdown",
        ".md",
        "text/markdown" + _UTF8,
    ),
    OutputFormat(
        "docx",
        "protokollkit.writers.docx",
        "write_docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    OutputFormat("pdf", "protokollkit.writers.pdf", "write_pdf", ".pdf", "application/pdf"),
    OutputFormat(
        "email",
        "protokollkit.writers.email",
        "write_email_body",
        ".email.txt",
        "text/plain" + _UTF8 + "; format=flowed; delsp=yes",
    ),
    OutputFormat(
        "email-html",
        "protokollkit.writers.email",
        "write_email_html",
        ".email.html",
        "text/html" + _UTF8,
    ),
    OutputFormat(
        "eml", "protokollkit.writers.email", "write_eml", ".eml", "message/rfc822", stamped=True
    ),
    OutputFormat(
        "ics",
        "protokollkit.writers.ics",
        "write_ics",
        ".ics",
        "text/calendar" + _UTF8,
        stamped=True,
    ),
    OutputFormat("html", "protokollkit.writers.html", "write_html", ".html", "text/html" + _UTF8),
)

WRITERS: dict[str, OutputFormat] = {f.name: f for f in OUTPUT_FORMATS}
"""Format name → its registration; derived from :data:`OUTPUT_FORMATS`."""


@dataclass(frozen=True)
class Stamp:
    """What a writer cannot take from the protocol: when it writes, and the mail's identity.

    ``message_id`` ``None`` means one derived from the message itself (its moment, sender and
    content), so that it, too, is the same for the same input.
    """

    moment: dt.datetime
    """An aware date and time (``DTSTAMP`` of the .ics in UTC, ``Date`` of the .eml)."""
    message_id: str | None = None

    def __post_init__(self) -> None:
        if self.moment.tzinfo is None:
            raise ProtokollkitError("Der Zeitpunkt des Schreibens braucht eine Zeitzone.")


def now() -> Stamp:
    """The moment of writing, for the edges: ``SOURCE_DATE_EPOCH`` (reproducible builds) when
    set, else the clock, to the second, in local time."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return Stamp(dt.datetime.now().astimezone().replace(microsecond=0))
    try:
        if not epoch.isascii() or not epoch.isdigit():
            raise ValueError(epoch)
        return Stamp(dt.datetime.fromtimestamp(int(epoch), dt.UTC))
    except (ValueError, OverflowError, OSError):
        from protokollkit.diagnostics import ProtokollkitError

        shown = epoch if len(epoch) <= 30 else epoch[:29] + "…"
        raise ProtokollkitError(
            f"Die Umgebungsvariable SOURCE_DATE_EPOCH („{shown}“) ist keine gültige Zeit: "
            "erwartet sind ganze Sekunden seit dem 1.1.1970 (UTC) bis zum Jahr 9999, z. B. "
            "1668038400."
        ) from None


@dataclass(frozen=True)
class Rendered:
    """A written output: its bytes, its format and media type, and the text of a text format."""

    format: str
    data: bytes
    media_type: str
    suffix: str

    @property
    def binary(self) -> bool:
        """True for DOCX, PDF and .eml; then :attr:`text` is refused."""
        return WRITERS[self.format].binary

    @property
    def text(self) -> str:
        """The text of a text format (decoded UTF-8)."""
        if self.binary:
            raise ProtokollkitError(f"„{self.format}“ ist ein Binärformat und hat keinen Text.")
        return self.data.decode("utf-8")


def output_format(name: str) -> OutputFormat:
    """The registration of an output format, or a German error naming the known ones."""
    if name not in WRITERS:
        raise ProtokollkitError(
            f"Unbekanntes Ausgabeformat „{name}“ (bekannt: {', '.join(WRITERS)})."
        )
    return WRITERS[name]


def writer(name: str) -> Writer:
    """The writer function for a format name."""
    fmt = output_format(name)
    result: Writer = getattr(importlib.import_module(fmt.module), fmt.function)
    return result


def render(protocol: Protocol, name: str, stamp: Stamp, **options: Any) -> Rendered:
    """Write ``protocol`` as format ``name``; ``stamp`` reaches the writers that need one,
    ``options`` (such as ``rendered=`` of the .eml) the writer itself."""
    fmt = output_format(name)
    function = writer(name)
    if fmt.stamped:
        options["stamp"] = stamp
    result = function(protocol, **options)
    data = result.encode("utf-8") if isinstance(result, str) else result
    return Rendered(fmt.name, data, fmt.media_type, fmt.suffix)
