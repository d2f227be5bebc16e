"""Writer for the canonical protocol layout: the archive format, line for line like the seed."""

from __future__ import annotations

from protokollkit.layout import (
    CANONICAL_NEXT_MEETING_LABEL,
    CANONICAL_PARTICIPANTS_LABEL,
    format_person,
)
from protokollkit.model import AgendaItem, Point, Protocol


def point_lines(points: tuple[Point, ...], depth: int = 0) -> list[str]:
    """``- text`` lines, nested points indented by two spaces per level."""
    lines: list[str] = []
    for point in points:
        lines.append(f"{'  ' * depth}- {point.text}")
        lines.extend(point_lines(point.points, depth + 1))
    return lines


def participants_line(protocol: Protocol) -> str:
    """``Teilnehmende: A, B (Einrichtung), …``"""
    names = ", ".join(format_person(p, "parens") for p in protocol.participants)
    return f"{CANONICAL_PARTICIPANTS_LABEL} {names}"


def item_heading(item: AgendaItem) -> str:
    """``4 Titel Name (Einrichtung)``: number, title and the presenter if there is one."""
    heading = f"{item.number} {item.title}"
    if item.presenter:
        heading += " " + format_person(item.presenter, "parens")
    return heading


def next_meeting_line(protocol: Protocol) -> str | None:
    """``Nächster Termin: …`` or None."""
    if protocol.next_meeting is None:
        return None
    return f"{CANONICAL_NEXT_MEETING_LABEL} {protocol.next_meeting.text}".rstrip()


def write_text(protocol: Protocol) -> str:
    """The protocol in the canonical layout, with LF line ends and one final newline."""
    paragraphs: list[str] = [protocol.title]
    if protocol.participants:
        paragraphs.append(participants_line(protocol))
    paragraphs.extend(protocol.front)
    previous: int | None = None
    for item in protocol.items:
        heading = item_heading(item)
        if previous is not None and item.number != previous + 1:
            heading = f"TOP {heading}"  # only ``TOP`` makes an out-of-order number an item
        paragraphs.append(heading)
        previous = item.number
        for block in item.blocks:
            if block.speaker:
                paragraphs.append(format_person(block.speaker))
            if block.note:
                paragraphs.append(block.note)
            if block.points:
                paragraphs.append("\n".join(point_lines(block.points)))
    next_line = next_meeting_line(protocol)
    if next_line:
        paragraphs.append(next_line)
    paragraphs.extend(protocol.back)
    return "\n\n".join(paragraphs) + "\n"
