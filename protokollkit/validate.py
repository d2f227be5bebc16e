"""One validation step between reading and writing: what ``check`` accepts, every writer can write.

``check`` reports :func:`problems` with the other diagnostics; :func:`ensure_writable` runs
before every writer (``protokollkit.write``, ``build``) and raises them as a :class:`ParseError`.
The checks are about the model, not a writer: characters no output format can hold (control
characters such as ESC or BEL) and nesting deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from protokollkit.diagnostics import Diagnostic, ParseError
from protokollkit.model import Protocol

MAX_DEPTH = 20
"""Points may be nested at most this many levels deep (a point, its sub-point, …). Deeper
nesting is refused with the line: Word shows nine list levels, the PDF renderer stops at about
thirty, and no protocol needs more."""

MAX_POINTS = 10_000
"""A protocol with more points and paragraphs than this is refused before any writer runs: the
PDF renderer's memory grows with the document (10,000 points: 290 MB, 20,000: 520 MB, 100,000:
1.7 GB). The reference protocol has 34."""

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


def _locate(lines: list[str] | None, text: str, fallback: int) -> int:
    """The 1-based line of ``lines`` that holds (the start of) ``text``, else ``fallback``."""
    needle = text.strip().split("\n")[0][:40]
    if lines and needle:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return fallback


def problems(
    protocol: Protocol, source: str | None = None, text: str | None = None
) -> list[Diagnostic]:
    """Every reason why a writer could not write ``protocol``, as error diagnostics.

    ``text`` is the source text, used to find the line of an entry whose line the model does not
    know. Walks the model without recursion, so a hostile nesting depth cannot exhaust the stack.
    """
    if source is None:
        source = next((d.source for d in protocol.diagnostics), "<text>")
    lines = text.splitlines() if text is not None else None
    found: list[Diagnostic] = []
    too_deep_reported = False
    count = 0
    # (object, nearest known line, nesting depth of points)
    stack: list[tuple[Any, int, int]] = [(protocol, 1, 0)]
    while stack:
        obj, line, depth = stack.pop()
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            continue
        if type(obj).__name__ == "Diagnostic":
            continue
        own = getattr(obj, "line", 0)
        known = isinstance(own, int) and own > 0
        line = own if known else line
        is_point = type(obj).__name__ == "Point"
        if is_point:
            count += 1
            depth += 1
            if depth > MAX_DEPTH and not too_deep_reported:
                too_deep_reported = True
                found.append(
                    Diagnostic(
                        "error",
                        f"Punkte sind hier tiefer als {MAX_DEPTH} Ebenen verschachtelt; so tief "
                        f"kann kein Ausgabeformat sie darstellen (höchstens {MAX_DEPTH}).",
                        source,
                        line if known else _locate(lines, getattr(obj, "text", ""), line),
                        1,
                    )
                )
        children: list[tuple[Any, int, int]] = []
        for field in dataclasses.fields(obj):
            if field.name == "diagnostics":
                continue
            value = getattr(obj, field.name)
            for entry in _texts(value):
                bad = CONTROL.search(entry)
                if bad:
                    found.append(
                        Diagnostic(
                            "error",
                            f"{character_name(bad.group(0))} im Text „{_shown(entry)}“; kein "
                            "Ausgabeformat kann es darstellen. Bitte das Zeichen löschen.",
                            source,
                            line if known else _locate(lines, entry, line),
                            1,
                        )
                    )
            if isinstance(value, tuple):
                children.extend((v, line, depth) for v in value if dataclasses.is_dataclass(v))
            elif dataclasses.is_dataclass(value):
                children.append((value, line, depth))
        stack.extend(reversed(children))
    if count > MAX_POINTS:
        found.append(
            Diagnostic(
                "error",
                f"Das Protokoll hat {count} Punkte und Absätze (höchstens {MAX_POINTS}); so "
                "große Dokumente werden nicht geschrieben. Bitte auf mehrere Protokolle aufteilen.",
                source,
            )
        )
    found.sort(key=lambda d: d.line)
    return found


def _shown(text: str, limit: int = 60) -> str:
    cleaned = CONTROL.sub("�", text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def ensure_writable(protocol: Protocol, source: str | None = None, text: str | None = None) -> None:
    """Raise the :func:`problems` of ``protocol`` as one :class:`ParseError` (none: return)."""
    found = problems(protocol, source, text)
    if found:
        raise ParseError(found)


__all__ = ["MAX_DEPTH", "MAX_POINTS", "ensure_writable", "problems"]
