"""PDF writer: the protocol as Typst source (writers/typst.py), laid out by vorlagen/protokoll.typ.

Typst compiles in-process (the ``typst`` package); nothing is written to disk. The template's
folder is the Typst root, so a logo or a font file beside the template is found. The result is
PDF/A-2a and PDF/UA-1: embedded fonts, XMP metadata with title, author and language, and a
structure tree (Title, H1/H2, P, L/LI, Link) that screen readers and archive checkers read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import cast

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.templates import vorlage
from protokollkit.writers.typst import TEMPLATE_NAME, write_typst

PDF_STANDARDS = ("a-2a", "ua-1")
"""PDF/A-2a (archivable, tagged) and PDF/UA-1 (accessible): title, author, language, tags."""


STANDARDS_HINT = (
    "das PDF wird als archivierbares PDF/A-2a und barrierefreies PDF/UA-1 erzeugt: jedes Bild "
    'in der Vorlage braucht einen Alternativtext, z. B. image("logo.png", alt: "Logo")'
)


MISSING_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed with font `"(.+?)"`')
"""Typst's (English) message for a character the font cannot show."""


def write_pdf(protocol: Protocol) -> bytes:
    """The protocol as a tagged A4 PDF/A-2a (page numbers, header with meeting and date)."""
    import typst

    template = vorlage(TEMPLATE_NAME)
    folder = str(template.parent)
    source = write_typst(protocol).encode("utf-8")
    # A fixed timestamp keeps the PDF byte-identical for the same protocol and template.
    day = protocol.date or dt.date(2000, 1, 1)
    timestamp = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    try:
        # typst's stub ties input, root and font paths to one type; bytes in, folder as str.
        compile_pdf = cast("Callable[..., bytes]", typst.compile)
        pdf = compile_pdf(
            source,
            root=folder,
            font_paths=[folder],
            timestamp=timestamp,
            pdf_standards=list(PDF_STANDARDS),
        )
    except typst.TypstError as exc:
        detail = exc.message.strip() or str(exc)
        missing = MISSING_GLYPH.search(detail)
        if missing:  # not the template's fault: a character of the protocol
            char, font = missing.groups()
            codes = " ".join(f"U+{ord(c):04X}" for c in char)
            raise ProtokollkitError(
                f"Das Zeichen „{char}“ ({codes}) kann im PDF nicht dargestellt werden: die "
                f"Schrift „{font}“ hat es nicht. Bitte das Zeichen im Protokoll ersetzen oder eine "
                f"Schriftdatei mit diesem Zeichen neben {template} legen."
            ) from None
        if "PDF/A" in detail or "PDF/UA" in detail:
            detail = f"Typst meldet „{detail}“ – {STANDARDS_HINT}"
        else:
            detail = typst_reason(detail)
        where = template_position(str(getattr(exc, "diagnostic", "") or ""))
        raise ProtokollkitError(
            f"PDF konnte nicht erzeugt werden – Fehler in der Vorlage {template}{where}: {detail}"
        ) from None
    return pdf


TYPST_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"^unclosed delimiter$", "eine geöffnete Klammer wird nicht geschlossen"),
        (r"^unclosed string$", "ein Text in Anführungszeichen wird nicht geschlossen"),
        (r"^unexpected closing (?:bracket|brace|paren)", "eine Klammer zu viel wird geschlossen"),
        (r"^expected expression$", "hier fehlt ein Ausdruck"),
        (r"^unknown variable: (.+)$", "unbekannter Name „{0}“"),
        (r"^file not found \(searched at (.+)\)$", "die Datei {0} gibt es nicht"),
        (r"^file is not valid UTF-8$", "die Datei ist nicht in UTF-8 gespeichert"),
        (
            r"^unresolved import$",
            "die Vorlage definiert nicht alles, was protokollkit aufruft (protokoll, metadaten, "
            "teilnehmende, tagesordnung, top …)",
        ),
        (r"^expected (.+), found (.+)$", "falscher Wert: erwartet {0}, gefunden {1} (Typst-Typen)"),
        (r'^expected ((?:"[^"]*", )*(?:or )?"[^"]*")$', "unbekannter Wert (erlaubt: {0})"),
    )
)
"""Typst's (English) messages for the mistakes made when editing a template, in German."""


def typst_reason(message: str) -> str:
    """The German reason for a Typst error in the template; an unknown one is quoted as Typst's."""
    for pattern, german in TYPST_REASONS:
        found = pattern.match(message)
        if found:
            words = (re.sub(r",? or ", " oder ", group) for group in found.groups())
            return german.format(*words)
    return f"Typst meldet „{message}“"


TEMPLATE_POSITION = re.compile(rf"┌─ (?:.*/)?{re.escape(TEMPLATE_NAME)}:(\d+):(\d+)")
"""Where Typst's diagnostic places the error inside the template (``protokoll.typ:3:9``)."""


def template_position(diagnostic: str) -> str:
    """``:ZEILE:SPALTE`` of the error in the template, or nothing when it is elsewhere."""
    found = TEMPLATE_POSITION.search(diagnostic)
    # Typst counts lines from 1 but columns from 0; messages here count both from 1.
    return f":{found.group(1)}:{int(found.group(2)) + 1}" if found else ""
