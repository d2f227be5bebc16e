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
        if "string is longer than" in detail:
            detail = (
                "ein Text ist zu lang für ein archivierbares PDF (PDF/A erlaubt höchstens "
                "32 767 Bytes in einer Zeichenkette)"
            )
        elif "PDF/A" in detail or "PDF/UA" in detail:
            detail = f"Typst meldet „{detail}“ – {STANDARDS_HINT}"
        else:
            detail = typst_reason(detail)
        where = template_position(str(getattr(exc, "diagnostic", "") or ""))
        raise ProtokollkitError(
            f"PDF konnte nicht erzeugt werden – Fehler in der Vorlage {template}{where}: {detail}"
        ) from None
    return pdf


TYPST_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), german)
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
        (r"^module `(.+)` does not contain `(.+)`$", "„{1}“ gibt es in {0} nicht"),
        (r"^URL is too long$", "eine Web-Adresse ist zu lang für einen Link"),
        (r"^unexpected argument: (.+)$", "unbekannter Parameter „{0}“"),
        (r"^unexpected argument$", "ein Argument zu viel"),
        (r"^duplicate argument: (.+)$", "der Parameter „{0}“ steht zweimal da"),
        (r"^missing argument: (.+)$", "der Parameter „{0}“ fehlt"),
        (r"^duplicate key: (.+)$", "der Schlüssel „{0}“ steht zweimal da"),
        (r"^panicked with: (.+)$", "die Vorlage bricht mit panic ab: {0}"),
        (r"^panicked$", "die Vorlage bricht mit panic ab"),
        (r"^assertion failed(?:: (.*))?$", "eine Bedingung (assert) ist nicht erfüllt {0}"),
        (r"^cannot add (.+) and (.+)$", "{0} und {1} lassen sich nicht addieren (Typst-Typen)"),
        (r"^cannot subtract (.+) from (.+)$", "{1} minus {0} geht nicht (Typst-Typen)"),
        (r"^cannot multiply (.+) with (.+)$", "{0} mal {1} geht nicht (Typst-Typen)"),
        (r"^cannot divide by zero$", "Division durch null"),
        (r"^cannot take square root of negative number$", "keine Wurzel aus einer negativen Zahl"),
        (r"^cannot divide (.+) by (.+)$", "{0} durch {1} geht nicht (Typst-Typen)"),
        (r"^cannot join (.+) with (.+)$", "{0} und {1} lassen sich nicht verbinden (Typst-Typen)"),
        (
            r"^cannot compare (.+) (?:and|with) (.+)$",
            "{0} und {1} lassen sich nicht vergleichen (Typst-Typen)",
        ),
        (r"^cannot apply '(.+)' to (.+)$", "„{0}“ geht nicht mit {1} (Typst-Typen)"),
        (r"^cannot access fields on type (.+)$", "{0} hat keine Felder (Typst-Typen)"),
        (r"^type (.+) has no method `(.+)`$", "{0} hat keine Methode „{1}“ (Typst-Typen)"),
        (r'^(.+) does not (?:have|contain) field "(.+)"$', "{0} hat kein Feld „{1}“"),
        (r'^dictionary does not contain key "(.+)"', "das Wörterbuch hat keinen Schlüssel „{0}“"),
        (
            r"^.*?(?:array|string) index out of bounds \(index: (-?\d+), len: (\d+)\)",
            "die Stelle {0} gibt es nicht (Länge {1})",
        ),
        (
            r"^string index (-?\d+) is not a character boundary$",
            "die Stelle {0} liegt in einem Zeichen",
        ),
        (r"^cannot loop over (.+)$", "über {0} kann for nicht laufen (Typst-Typen)"),
        (r"^cannot (break|continue) outside of loop$", "{0} steht außerhalb einer Schleife"),
        (r"^cannot return outside of function$", "return steht außerhalb einer Funktion"),
        (
            r"^maximum (?:function call|show rule|layout|call) depth exceeded$",
            "zu tief verschachtelt: eine Funktion oder Regel ruft sich ohne Ende selbst auf",
        ),
        (r"^string contains invalid digits$", "der Text ist keine Zahl"),
        (r"^number must be positive$", "die Zahl muss größer als null sein"),
        (r"^number must be at least zero$", "die Zahl darf nicht negativ sein"),
        (r"^(.+) must be between (.+) and (.+)$", "{0} muss zwischen {1} und {2} liegen"),
        (r"^the result is too large$", "das Ergebnis ist zu groß"),
        (r"^(\w+) is invalid$", "der Wert für {0} ist ungültig"),
        (r"^(\w+) is incomplete$", "die Angabe ({0}) ist unvollständig"),
        (r"^color string ", 'keine gültige Farbe (erwartet z. B. rgb("#1f4e79"))'),
        (r"^expected semicolon or line break$", "hier fehlt ein Zeilenumbruch oder Semikolon"),
        (r"^expected (?:pattern|identifier)$", "hier fehlt ein Name"),
        (r"^expected comma$", "hier fehlt ein Komma"),
        (r"^expected an? (?:\w+ )?number$", "hier steht keine gültige Zahl"),
        (r"^invalid number suffix: `(.+)`$", "„{0}“ ist keine Einheit hinter einer Zahl"),
        (r"^unclosed raw text$", "ein Code-Abschnitt mit ` wird nicht geschlossen"),
        (
            r"^unclosed (?:label|block comment)",
            "eine Markierung oder ein Kommentar wird nicht geschlossen",
        ),
        (r"^not enough elements to destructure$", "zu wenige Werte zum Zerlegen"),
        (r"^too many elements to destructure$", "zu viele Werte zum Zerlegen"),
        (r"^invalid numbering pattern$", "ungültiges Nummerierungsmuster"),
        (r"^regex parse error", "ungültiger regulärer Ausdruck"),
        (r"^failed to parse (\w+)", "die {0}-Daten sind fehlerhaft"),
        (r"^failed to (?:decode|load) image", "das Bild kann nicht gelesen werden"),
        (r"^failed to load file \((.+)\)", "die Datei kann nicht gelesen werden"),
        (
            r"^failed to download package",
            "ein Typst-Paket (@preview/…) kann nicht geladen werden: protokollkit lädt nichts "
            "aus dem Netz; bitte die Dateien des Pakets in den Vorlagenordner legen",
        ),
        (
            r"^path .* would escape the project root$",
            "der Pfad führt aus dem Vorlagenordner hinaus (Bilder und Schriften gehören in ihn)",
        ),
        (
            r"^expected two or three letter language code",
            'erwartet ein Sprachkürzel aus zwei oder drei Buchstaben (z. B. "de")',
        ),
    )
)
"""Typst's (English) messages for the mistakes made when editing a template, in German."""


def typst_reason(message: str) -> str:
    """The German reason for a Typst error in the template; an unknown one is quoted as Typst's."""
    for pattern, german in TYPST_REASONS:
        found = pattern.match(message)
        if found:
            words = (re.sub(r",? or ", " oder ", group) for group in found.groups(""))
            return german.format(*words).strip()
    return f"Typst meldet „{message}“"


TEMPLATE_POSITION = re.compile(rf"┌─ (?:.*/)?{re.escape(TEMPLATE_NAME)}:(\d+):(\d+)")
"""Where Typst's diagnostic places the error inside the template (``protokoll.typ:3:9``)."""


def template_position(diagnostic: str) -> str:
    """``:ZEILE:SPALTE`` of the error in the template, or nothing when it is elsewhere."""
    found = TEMPLATE_POSITION.search(diagnostic)
    # Typst counts lines from 1 but columns from 0; messages here count both from 1.
    return f":{found.group(1)}:{int(found.group(2)) + 1}" if found else ""
