"""One validation step between reading and writing: what ``check`` accepts, every writer can write.

``check`` reports :func:`problems` with the other diagnostics; :func:`ensure_writable` runs
before every writer (``protokollkit.write``, ``build``) and raises them as a :class:`ParseError`.
The checks are about the model, not a writer: characters no output format can hold (control
characters such as ESC or BEL) and nesting deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from typing import Any

from protokollkit.diagnostics import Diagnostic, LineFinder, ParseError
from protokollkit.model import Protocol

MAX_DEPTH = 20
"""Points may be nested at most this many levels deep (a point, its sub-point, …). Deeper
nesting is refused with the line: Word shows nine list levels, the PDF renderer stops at about
thirty, and no protocol needs more."""

MAX_POINTS = 10_000
"""A protocol with more points and paragraphs than this is refused before any writer runs: the
PDF renderer's memory grows with the document (10,000 points: 290 MB, 20,000: 520 MB, 100,000:
1.7 GB). The reference protocol has 34."""

MAX_HEADING = 2_000
"""The longest title of the protocol or of an item: the PDF's outline holds each as one string,
and PDF/A allows none over 32,767 bytes (a title of 16,384 characters failed the whole PDF,
after a minute and a half of layout for one of 450,000)."""

ENTRIES = frozenset({"Point", "Person", "MetaField"})
"""What counts towards :data:`MAX_POINTS` besides the lines outside the items: a point, a
name (of those present, a speaker …) and a line like ``Ort: …`` – 40,000 names or 30,000 such
lines took a build of half a minute and more."""


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
"""Characters no output format can hold: C0 control characters except the tab (ESC, BEL, form
feed …), DEL, the non-characters U+FFFE/U+FFFF and lone surrogates."""

CHARACTER_NAMES = {
    0x07: "Klingelzeichen (BEL)",
    0x08: "Rückschritt (BS)",
    0x0C: "Seitenvorschub",
    0x1B: "Escape (ESC)",
    0x7F: "Löschzeichen (DEL)",
}


def character_name(char: str) -> str:
    """``Steuerzeichen U+001B Escape (ESC)``."""
    name = CHARACTER_NAMES.get(ord(char))
    return f"Steuerzeichen U+{ord(char):04X}" + (f" {name}" if name else "")


def _texts(value: Any) -> list[str]:
    """The strings held directly by ``value`` (a str, or a tuple of str)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [v for v in value if isinstance(v, str)]
    return []


_FIELDS: dict[type, tuple[str, ...] | None] = {}
"""Type → the names of its dataclass fields except ``diagnostics`` (None: not a dataclass)."""


def _is_dataclass(value: object) -> bool:
    """True for an instance of a dataclass other than Diagnostic (cached per type)."""
    return _fields(type(value)) is not None


def _fields(kind: type) -> tuple[str, ...] | None:
    """The field names :func:`problems` walks for objects of ``kind`` (cached per type)."""
    if kind in _FIELDS:
        return _FIELDS[kind]
    names: tuple[str, ...] | None = None
    if dataclasses.is_dataclass(kind) and kind.__name__ != "Diagnostic":
        names = tuple(f.name for f in dataclasses.fields(kind) if f.name != "diagnostics")
    _FIELDS[kind] = names
    return names


def _locate(finder: LineFinder, text: str, fallback: int) -> int:
    """The 1-based line that holds (the start of) ``text``, else ``fallback``."""
    return finder.find(text.strip().split("\n")[0][:40]) or fallback


PDF_FORMATS = frozenset({"pdf", "eml"})
"""Formats that hold a PDF: only for them the fonts of the PDF template matter."""


def problems(
    protocol: Protocol,
    source: str | None = None,
    text: str | None = None,
    formats: Collection[str] | None = None,
) -> list[Diagnostic]:
    """Every reason why a writer could not write ``protocol``, as error diagnostics.

    ``text`` is the source text, used to find the line of an entry whose line the model does not
    know. ``formats`` are the formats to be written (None: all, as ``check`` and ``build``).
    Walks the model without recursion, so a hostile nesting depth cannot exhaust the stack.
    """
    if source is None:
        source = next((d.source for d in protocol.diagnostics), "<text>")
    lines = text.splitlines() if text is not None else None
    finder = LineFinder(lines or [])
    found: list[Diagnostic] = []
    too_deep_reported = False
    count = 0
    # (object, nearest known line, nesting depth of points)
    stack: list[tuple[Any, int, int]] = [(protocol, 1, 0)]
    texts: list[str] = []  # every string walked, for the PDF's fonts below
    while stack:
        obj, line, depth = stack.pop()
        if isinstance(obj, type):
            continue
        names = _fields(type(obj))
        if names is None:  # not a dataclass, or a Diagnostic
            continue
        own = getattr(obj, "line", 0)
        known = isinstance(own, int) and own > 0
        line = own if known else line
        kind = type(obj).__name__
        count += kind in ENTRIES
        heading = getattr(obj, "title", "") if kind in ("Protocol", "AgendaItem") else ""
        if isinstance(heading, str) and len(heading) > MAX_HEADING:
            found.append(
                Diagnostic(
                    "error",
                    f"Die Überschrift „{_shown(heading)}“ hat {len(heading)} Zeichen (höchstens "
                    f"{MAX_HEADING}); so lang kann sie im PDF nicht stehen. Ist hier ein "
                    "Absatz zur Überschrift geworden?",
                    source,
                    line if known else _locate(finder, heading, line),
                    1,
                )
            )
        if kind == "Point":
            depth += 1
            if depth > MAX_DEPTH and not too_deep_reported:
                too_deep_reported = True
                found.append(
                    Diagnostic(
                        "error",
                        f"Punkte sind hier tiefer als {MAX_DEPTH} Ebenen verschachtelt; so tief "
                        f"kann kein Ausgabeformat sie darstellen (höchstens {MAX_DEPTH}).",
                        source,
                        line if known else _locate(finder, getattr(obj, "text", ""), line),
                        1,
                    )
                )
        children: list[tuple[Any, int, int]] = []
        entries: list[str] = []
        for name in names:
            value = getattr(obj, name)
            if isinstance(value, str):
                entries.append(value)
            elif isinstance(value, tuple):
                for v in value:
                    if isinstance(v, str):  # a line outside the items (front, back, agenda)
                        entries.append(v)
                        count += 1
                    elif _is_dataclass(v):
                        children.append((v, line, depth))
            elif value is not None and _is_dataclass(value):
                children.append((value, line, depth))
        texts.extend(entries)
        for entry in entries:
            bad = CONTROL.search(entry)
            if bad:
                found.append(
                    Diagnostic(
                        "error",
                        f"{character_name(bad.group(0))} im Text „{_shown(entry)}“; kein "
                        "Ausgabeformat kann es darstellen. Bitte das Zeichen löschen.",
                        source,
                        line if known else _locate(finder, entry, line),
                        1,
                    )
                )
        stack.extend(reversed(children))
    if count > MAX_POINTS:
        found.append(
            Diagnostic(
                "error",
                f"Das Protokoll hat {count} Einträge – Punkte, Absätze, Namen und Angaben "
                f"(höchstens {MAX_POINTS}); so große Dokumente werden nicht geschrieben. Bitte auf "
                "mehrere Protokolle aufteilen.",
                source,
            )
        )
    pdf = formats is None or bool(PDF_FORMATS.intersection(formats))
    if pdf and not found:  # a PDF is rendered only for a protocol that is otherwise writable
        found.extend(_glyph_problems(texts, source, lines))
    found.sort(key=lambda d: d.line)
    return found


SAFE_EXTRA = frozenset("–—‘’‚“”„…•→←↑↓€·′″‹›«»§°±×÷²³½¼¾✓✔")
"""Characters beyond U+024F that the PDF's fonts are known to show (checked by the tests)."""

_PDF_GLYPHS: dict[str, bool] = {}
"""Character → whether the PDF template's fonts show it (probed once per process)."""

MAX_PROBES = 8
"""At most this many small PDFs are rendered to find the characters the fonts lack."""


_BEYOND_LATIN = re.compile("[^\x00-\u024f]")
"""A character beyond U+024F: only texts with one need a closer look for the PDF's fonts."""


def _unusual(text: str) -> set[str]:
    if text.isascii() or not _BEYOND_LATIN.search(text):
        return set()
    return {c for c in text if ord(c) > 0x24F and c not in SAFE_EXTRA and not c.isspace()}


def missing_glyphs(characters: set[str]) -> set[str]:
    """The characters the PDF template's fonts cannot show, found by rendering tiny PDFs.

    Typst names one such character per attempt; each is remembered, so an ordinary protocol
    (Latin letters and German typography) renders nothing here.
    """
    unknown = {c for c in characters if c not in _PDF_GLYPHS}
    for _ in range(MAX_PROBES):
        if not unknown:
            break
        found = _probe("".join(sorted(unknown)))
        if found is None or found not in unknown:
            for char in unknown:
                _PDF_GLYPHS[char] = True
            break
        _PDF_GLYPHS[found] = False
        unknown.discard(found)
    return {c for c in characters if _PDF_GLYPHS.get(c) is False}


def _probe(text: str) -> str | None:
    """The first character of ``text`` the PDF cannot show, or None."""
    import datetime as dt

    from protokollkit.diagnostics import ProtokollkitError
    from protokollkit.model import AgendaItem, Block, Point
    from protokollkit.writers.pdf import write_pdf

    sample = Protocol(
        "Protokoll Probe 1.1.22",
        "Probe",
        dt.date(2022, 1, 1),
        items=(AgendaItem(1, "Probe", None, (Block(None, (Point(text),)),)),),
    )
    try:
        write_pdf(sample)
    except ProtokollkitError as exc:
        named = re.search("„(.+?)“ \\(U\\+", str(exc))
        return named.group(1) if named else None
    return None


def glyph_problems(protocol: Protocol, source: str, lines: list[str] | None) -> list[Diagnostic]:
    """An error for each character of ``protocol`` that the PDF's fonts cannot show."""
    texts: list[str] = []
    stack: list[Any] = [protocol]
    while stack:
        obj = stack.pop()
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            continue
        for field in dataclasses.fields(obj):
            if field.name == "diagnostics":
                continue
            value = getattr(obj, field.name)
            texts.extend(_texts(value))
            if isinstance(value, tuple):
                stack.extend(v for v in value if dataclasses.is_dataclass(v))
            elif dataclasses.is_dataclass(value):
                stack.append(value)
    return _glyph_problems(texts, source, lines)


def _glyph_problems(texts: list[str], source: str, lines: list[str] | None) -> list[Diagnostic]:
    """An error for each character of ``texts`` that the PDF's fonts cannot show."""
    unusual = set().union(*(_unusual(t) for t in texts)) if texts else set()
    if not unusual:
        return []
    missing = missing_glyphs(unusual)
    first: dict[str, int] = {}
    for number, text in enumerate(lines or [], start=1):  # one pass, not one per character
        for char in missing.intersection(text) - first.keys():
            first[char] = number
    found = []
    for char in sorted(missing):
        line = first.get(char, 0)
        found.append(
            Diagnostic(
                "error",
                f"Das Zeichen „{char}“ (U+{ord(char):04X}) kann im PDF nicht dargestellt werden: "
                "die Schrift der Vorlage hat es nicht. Bitte das Zeichen ersetzen.",
                source,
                line,
                1,
            )
        )
    return found


def _shown(text: str, limit: int = 60) -> str:
    cleaned = CONTROL.sub("�", text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def ensure_writable(
    protocol: Protocol,
    source: str | None = None,
    text: str | None = None,
    formats: Collection[str] | None = None,
) -> None:
    """Raise the :func:`problems` of ``protocol`` as one :class:`ParseError` (none: return)."""
    found = problems(protocol, source, text, formats)
    if found:
        raise ParseError(found)


__all__ = ["MAX_DEPTH", "MAX_HEADING", "MAX_POINTS", "ensure_writable", "problems"]
