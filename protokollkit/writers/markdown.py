"""Writer for Markdown (CommonMark, also shown as intended by GitHub-flavoured renderers).

The layout maps one to one onto the model, so that :mod:`protokollkit.readers.markdown` reads it
back to an equal protocol::

    # Protokoll Stadtteiltisch 10.11.22

    ## Termine

    - Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen

    **Ort:** Stadtteilbüro

    **Teilnehmende:** Robin Czarnecki, Barbara und Bernard (Taizé), …

    **Tagesordnung:**

    1. Aktuelles aus den Einrichtungen

    ## 1 Aktuelles aus den Einrichtungen

    **Maren Müller-Hinrichs, Leitung Tagesstruktur**

    - 18.11. Weihnachtsverkauf im Wühlmäuschen
      - a nested point, indented by two spaces

    **Nächster Termin:** noch offen

Text is escaped with backslashes wherever Markdown would otherwise change its meaning: every
``*``, ``_``, `````, ``[``, ``<``, ``~``, ``$`` and ``\\`` (so ``Klient*innen … Expert*innen``
never becomes emphasis), ``&`` before an entity name, and at the start of a block a ``#``,
``>``, ``-``, ``+`` or a number followed by ``.`` or ``)`` (so ``18. November`` never becomes an
ordered list). Links (``[label](target)`` in the model) stay links. Typography („ “ – →) is
written as literal UTF-8. Sub-items are ``### TOP 2.1 …``, numbered points an ordered list
with their numbers, paragraphs paragraphs.

The ``Termine`` section is derived from the points (:func:`protokollkit.termine.termine_lines`);
the reader drops it when it still matches the protocol, and reads it like any text when edited.
"""

from __future__ import annotations

import re

from protokollkit.model import LINK, Block, Point, Protocol
from protokollkit.writers.text import (
    DEFAULT_PARTICIPANTS_LABEL,
    group_line,
    item_heading_line,
    participants_line,
    speaker_line,
)

INDENT = "  "
"""Indentation of a nested list: the width of the parent's ``- `` marker."""

_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<~$]|&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(?:[#>+\-]|\d{1,9}[.)](?=[ \t]|$))")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\u0085\u2028\u2029]")


def _one_line(text: str) -> str:
    """Each line break with the spaces and tabs around it as one space. (Split and stripped:
    a pattern ``[ \\t]*BREAK`` tried every space of a long run again and took seconds for a
    point with thousands of spaces.)"""
    lines = _LINE_BREAK.split(text)
    if len(lines) == 1:
        return text
    middle = [line.strip(" \t") for line in lines[1:-1]]
    return " ".join([lines[0].rstrip(" \t"), *middle, lines[-1].lstrip(" \t")])


def _escape_text(text: str) -> str:
    return _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that start emphasis, code, links, HTML or entities;
    ``[label](target)`` links stay links."""
    text = _one_line(text)
    parts: list[str] = []
    last = 0
    for match in LINK.finditer(text):
        before = _escape_text(text[last : match.start()])
        if before.endswith("!"):
            before = before[:-1] + "\\!"  # ``![…](…)`` would be an image
        parts.append(before)
        if match.group(3):
            parts.append(_escape_text(match.group(3)))
        else:
            parts.append(f"[{_escape_text(match.group(1))}]({match.group(2)})")
        last = match.end()
    parts.append(_escape_text(text[last:]))
    return "".join(parts)


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
    """``- text`` or ``1. text`` lines, nested points indented under their parent's text."""
    lines: list[str] = []
    indent = INDENT * depth
    for point in points:
        marker = point.marker if point.kind == "numbered" and point.marker else "-"
        lines.append(f"{indent}{marker} {escape_block(point.text)}")
        lines.extend(
            f"{' ' * (len(marker) + 1 - len(INDENT))}{line}" if marker != "-" else line
            for line in point_lines(point.points, depth + 1)
        )
    return lines


def block_parts(block: Block) -> list[str]:
    """A block's speaker line (bold) and entries: runs of points, paragraphs alone."""
    parts: list[str] = []
    if block.speaker:
        parts.append(strong(speaker_line(block.speaker)))
    if block.note:
        parts.append(escape_block(block.note))
    run: list[Point] = []
    for point in (*block.points, None):
        if point is None or point.kind == "paragraph":
            if run:
                parts.append("\n".join(point_lines(tuple(run))))
                run = []
            if point is not None:
                parts.append(escape_block(point.text))
                if point.points:
                    parts.append("\n".join(point_lines(point.points)))
        else:
            run.append(point)
    return parts


def labelled(label: str, text: str) -> str:
    """``**Label:** text`` (the label in bold, the text escaped)."""
    return f"{strong(label)} {escape_inline(text)}".rstrip()


def _labelled_line(line: str) -> str:
    label, _, text = line.partition(": ")
    return labelled(label.rstrip(":") + ":", text) if text else strong(line)


def termine_section(protocol: Protocol) -> str | None:
    """The appointments as a section (``## Termine`` and a list), or None if there are none."""
    from protokollkit.termine import termine_lines

    lines = termine_lines(protocol)
    if not lines:
        return None
    entries = [f"- {escape_block(line.removeprefix('- '))}" for line in lines[1:]]
    return f"## {escape_heading(lines[0])}\n\n" + "\n".join(entries)


def head_parts(protocol: Protocol) -> list[str]:
    """Metadata, attendance and the planned agenda, as the text layout has them."""
    parts: list[str] = []
    for meta in protocol.meta:
        parts.append(
            labelled(f"{meta.label}:", meta.value) if meta.label else escape_block(meta.value)
        )
    if protocol.participants or protocol.participants_label != DEFAULT_PARTICIPANTS_LABEL:
        parts.append(_labelled_line(participants_line(protocol)))
    parts.extend(_labelled_line(group_line(protocol, g)) for g in protocol.attendance)
    if protocol.agenda:
        parts.append(strong(f"{protocol.agenda_label}:"))
        parts.append(
            "\n".join(f"{n}. {escape_inline(e)}" for n, e in enumerate(protocol.agenda, 1))
        )
    return parts


def write_markdown(protocol: Protocol) -> str:
    """The protocol as Markdown with LF line ends and one final newline."""
    blocks: list[str] = [f"# {escape_heading(protocol.title)}"]
    termine = termine_section(protocol)
    if termine:
        blocks.append(termine)
    blocks.extend(head_parts(protocol))
    for block in protocol.preamble:
        blocks.extend(block_parts(block))
    blocks.extend(escape_block(text) for text in protocol.front)
    previous: int | None = None
    for item in protocol.items:
        prefix = protocol.item_prefix
        blocks.append(f"## {escape_heading(item_heading_line(item, previous, None, prefix))}")
        previous = item.number
        for block in item.blocks:
            blocks.extend(block_parts(block))
        for sub in item.items:
            heading = item_heading_line(sub, None, item.number, prefix)
            blocks.append(f"### {escape_heading(heading)}")
            for block in sub.blocks:
                blocks.extend(block_parts(block))
    next_meeting = protocol.next_meeting
    if next_meeting is not None and next_meeting.label:
        blocks.append(labelled(f"{next_meeting.label}:", next_meeting.text))
    blocks.extend(escape_block(text) for text in protocol.back)
    return "\n\n".join(blocks) + "\n"
