"""Writer for Markdown (CommonMark, also shown as intended by GitHub-flavoured renderers).

The layout maps one to one onto the model, so that :mod:`protokollkit.readers.markdown` reads it
back to an equal protocol::

    # Protokoll Stadtteiltisch 10.11.22

    ## Termine

    - Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen

    **Teilnehmende:** Robin Czarnecki, Barbara und Bernard (Taizé), …

    ## 1 Aktuelles aus den Einrichtungen

    **Maren Müller-Hinrichs, Leitung Tagesstruktur**

    - 18.11. Weihnachtsverkauf im Wühlmäuschen
      - a nested point, indented by two spaces

    **Nächster Termin:** noch offen

Text is escaped with backslashes wherever Markdown would otherwise change its meaning: every
``*``, ``_``, `````, ``[``, ``<``, ``~``, ``$`` and ``\\`` (so ``Klient*innen … Expert*innen``
never becomes emphasis), ``&`` before an entity name, and at the start of a block a ``#``,
``>``, ``-``, ``+`` or a number followed by ``.`` or ``)`` (so ``18. November`` never becomes an
ordered list). Typography („ “ – →) is written as literal UTF-8.

The ``Termine`` section is derived from the points (:func:`protokollkit.termine.termine_lines`);
the reader drops it when it still matches the protocol, and reads it like any text when edited.
"""

from __future__ import annotations

import re

from protokollkit.layout import (
    CANONICAL_NEXT_MEETING_LABEL,
    CANONICAL_PARTICIPANTS_LABEL,
    format_person,
)
from protokollkit.model import Point, Protocol
from protokollkit.writers.text import item_heading

INDENT = "  "
"""Indentation of a nested list: the width of the parent's ``- `` marker."""

_INLINE_SPECIAL = re.compile(r"[\\`*_\[<~$]|&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(?:[#>+\-]|\d{1,9}[.)](?=[ \t]|$))")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\u0085\u2028\u2029])[ \t]*")


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that start emphasis, code, links, HTML or entities."""
    text = _LINE_BREAKS.sub(" ", text)
    return _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def escape_block(text: str) -> str:
    """Escape text that starts a paragraph or list item (no heading, quote or list marker)."""
    escaped = escape_inline(text)
    match = _BLOCK_START.match(escaped)
    if match:
        end = match.end()
        escaped = escaped[: end - 1] + "\\" + escaped[end - 1 :]
    return escaped


def escape_heading(text: str) -> str:
    """Escape heading text; every ``#`` is escaped so none can close the heading."""
    return escape_inline(text).replace("#", "\\#")


def strong(text: str) -> str:
    """``**text**``: a bold run around escaped text."""
    return f"**{escape_inline(text)}**"


def point_lines(points: tuple[Point, ...], depth: int = 0) -> list[str]:
    """``- text`` lines, nested points indented by two spaces per level."""
    lines: list[str] = []
    for point in points:
        lines.append(f"{INDENT * depth}- {escape_block(point.text)}")
        lines.extend(point_lines(point.points, depth + 1))
    return lines


def labelled(label: str, text: str) -> str:
    """``**Label:** text`` (the label in bold, the text escaped)."""
    return f"{strong(label)} {escape_inline(text)}".rstrip()


def termine_section(protocol: Protocol) -> str | None:
    """The appointments as a section (``## Termine`` and a list), or None if there are none."""
    from protokollkit.termine import termine_lines

    lines = termine_lines(protocol)
    if not lines:
        return None
    entries = [f"- {escape_block(line.removeprefix('- '))}" for line in lines[1:]]
    return f"## {escape_heading(lines[0])}\n\n" + "\n".join(entries)


def write_markdown(protocol: Protocol) -> str:
    """The protocol as Markdown with LF line ends and one final newline."""
    blocks: list[str] = [f"# {escape_heading(protocol.title)}"]
    termine = termine_section(protocol)
    if termine:
        blocks.append(termine)
    if protocol.participants:
        names = ", ".join(format_person(p, "parens") for p in protocol.participants)
        blocks.append(labelled(CANONICAL_PARTICIPANTS_LABEL, names))
    blocks.extend(escape_block(text) for text in protocol.front)
    for item in protocol.items:
        blocks.append(f"## {escape_heading(item_heading(item))}")
        for block in item.blocks:
            if block.speaker:
                blocks.append(strong(format_person(block.speaker)))
            if block.note:
                blocks.append(escape_block(block.note))
            if block.points:
                blocks.append("\n".join(point_lines(block.points)))
    if protocol.next_meeting is not None:
        blocks.append(labelled(CANONICAL_NEXT_MEETING_LABEL, protocol.next_meeting.text))
    blocks.extend(escape_block(text) for text in protocol.back)
    return "\n\n".join(blocks) + "\n"
