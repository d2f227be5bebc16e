"""Writer for the canonical protocol layout: the archive format, line for line like the seed.

Every part of the model has a written form that the layout rules read back to the same model:
metadata as ``Label: value`` lines, attendance groups as label lines, the planned agenda as a
list under its label, items as ``1 Titel`` (``TOP 5 Titel`` when out of order, ``TOP 5.2 …`` for
sub-items), speakers on their own line, points as ``- `` or ``1.``/``a)`` lines, paragraphs
between blank lines, the next meeting as ``Nächster Termin: …``.
"""

from __future__ import annotations

import re

from protokollkit.labels import (
    CANONICAL_AGENDA_LABEL,
    CANONICAL_PARTICIPANTS_LABEL,
    META_LABELS,
    NEXT_MEETING,
    label_key,
    meta_kind,
)
from protokollkit.model import AgendaItem, AttendanceGroup, Block, Person, Point, Protocol
from protokollkit.people import format_person

_NUMBERED = re.compile(r"\d{1,3}[\t ]+\S")
DEFAULT_PARTICIPANTS_LABEL = CANONICAL_PARTICIPANTS_LABEL.rstrip(":")


def point_lines(points: tuple[Point, ...], depth: int = 0) -> list[str]:
    """``- text`` (or ``1. text``) lines, nested points indented by two spaces per level."""
    lines: list[str] = []
    for point in points:
        marker = point.marker if point.kind == "numbered" and point.marker else "-"
        lines.append(f"{'  ' * depth}{marker} {point.text}")
        lines.extend(point_lines(point.points, depth + 1))
    return lines


def speaker_line(speaker: Person) -> str:
    """``Name, Einrichtung``; a one-word name gets a colon (``Jonas:``), which marks it as a
    speaker rather than a word standing alone."""
    line = format_person(speaker)
    return f"{line}:" if not speaker.affiliation and len(speaker.name.split()) == 1 else line


def _reads_as_topic(text: str) -> bool:
    """A short capitalised paragraph of at most seven words: alone above content in a protocol
    without items, the reader takes it for a topic heading (``Organisatorisches``, ``Über uns``,
    ``À la carte``) – the same test as ``layout._looks_like_heading``."""
    return (
        text[:1].isupper()
        and len(text) <= 60
        and "\n" not in text
        and not text.endswith((".", ",", ";", "!"))
        and len(text.split()) <= 7
    )


def _reads_as_bare_label(text: str) -> bool:
    """``Uhrzeit`` alone above a paragraph before the first item: the reader takes it for a
    metadata label over its value (``layout._bare_meta``), so it is guarded like a topic."""
    if ":" in text or len(text) > 30 or text[:1].isdigit():
        return False
    key = label_key(text)
    if key in ("protokoll", "termin", "tag", "wann", "wo"):
        return False
    return key in META_LABELS or (key.endswith(("ort", "zeit")) and meta_kind(key) is not None)


def block_paragraphs(block: Block, *, guard_topics: bool = False, front: bool = False) -> list[str]:
    """A block's speaker line and entries: runs of points together, paragraphs alone.

    ``guard_topics``: the protocol has no items, so a short paragraph that reads like a topic
    heading is indented by a space (it stays a paragraph, as ``2 Kinder kamen`` does)."""
    paragraphs: list[str] = []
    if block.speaker:
        paragraphs.append(speaker_line(block.speaker))
    if block.note:
        paragraphs.append(block.note)
    run: list[Point] = []
    for point in block.points:
        if point.kind == "paragraph":
            if run:
                paragraphs.append("\n".join(point_lines(tuple(run))))
                run = []
            # ``2 Kinder kamen`` as a paragraph: indented by a space, as an item heading is not
            indent = (
                _NUMBERED.match(point.text)
                or (guard_topics and _reads_as_topic(point.text))
                or (front and _reads_as_bare_label(point.text))
            )
            paragraphs.append(f" {point.text}" if indent else point.text)
            if point.points:
                paragraphs.append("\n".join(point_lines(point.points, 1)))
        else:
            run.append(point)
    if run:
        paragraphs.append("\n".join(point_lines(tuple(run))))
    return paragraphs


def people_line(label: str, group: tuple[Person, ...]) -> str:
    """``Label: A, B (Einrichtung), …``"""
    names = ", ".join(format_person(p, "parens") for p in group)
    return f"{label}: {names}".rstrip()


def participants_line(protocol: Protocol) -> str:
    """``Teilnehmende: A, B (Einrichtung), …`` (with the label the author used)."""
    return people_line(protocol.participants_label, protocol.participants)


def group_line(protocol: Protocol, group: AttendanceGroup) -> str:
    """``Gäste: …``; a labelled group of those present as ``Teilnehmende (Vorstand): …``."""
    if group.kind == "present":
        return people_line(f"{protocol.participants_label} ({group.label})", group.people)
    return people_line(group.label, group.people)


def item_heading(item: AgendaItem) -> str:
    """``4 Titel Name (Einrichtung)``: number, title and the presenter if there is one."""
    heading = f"{item.number} {item.title}".rstrip()
    if item.presenter:
        if item.presenter.affiliation:
            heading += " " + format_person(item.presenter, "parens")
        else:
            heading += f" ({item.presenter.name})"
    return heading


def next_meeting_line(protocol: Protocol) -> str | None:
    """``Nächster Termin: …`` or None (also when the next meeting is a sentence in the text)."""
    if protocol.next_meeting is None or not protocol.next_meeting.label:
        return None
    return f"{protocol.next_meeting.label}: {protocol.next_meeting.text}".rstrip()


def head_paragraphs(protocol: Protocol) -> list[str]:
    """Title, metadata, attendance and planned agenda: everything before the content."""
    paragraphs: list[str] = [protocol.title]
    if protocol.meta:
        # Directly under the title: a date line there (``Protokoll der Sitzung am …``) is the
        # title's second line.
        meta = (f"{m.label}: {m.value}".rstrip() if m.label else m.value for m in protocol.meta)
        paragraphs[0] = "\n".join([protocol.title, *meta])
    attendance: list[str] = []
    if protocol.participants or protocol.participants_label != DEFAULT_PARTICIPANTS_LABEL:
        attendance.append(participants_line(protocol))
    attendance.extend(group_line(protocol, g) for g in protocol.attendance)
    if attendance and attendance[-1].endswith(":") and protocol.preamble and not protocol.agenda:
        # ``Anwesend:`` with nobody, then content: ``Anwesend: –``, so that the content below
        # is not read as the names
        attendance[-1] += " –"
    if attendance:
        paragraphs.append("\n".join(attendance))
    if protocol.agenda:
        label = protocol.agenda_label or CANONICAL_AGENDA_LABEL
        entries = (f"{n}. {e}" for n, e in enumerate(protocol.agenda, start=1))
        paragraphs.append("\n".join([f"{label}:", *entries]))
    return paragraphs


def item_heading_line(
    item: AgendaItem, previous: int | None, parent: int | None = None, prefix: str = ""
) -> str:
    """An item's heading line: ``3 Titel``, ``TOP 3 Titel``, ``TOP 2.1 Titel``.

    ``prefix`` is the word the author wrote before the numbers (``TOP``); without one an item
    is written ``3 Titel``, or with ``TOP`` when only that makes it an item (a number out of
    order, a sub-item, an empty title).
    """
    colon = ":" if item.title[:1] in ":.)-–—" else ""
    if parent is not None:
        number, _, rest = item_heading(item).partition(" ")
        return f"{prefix or 'TOP'} {parent}.{number}{colon} {rest}".rstrip()
    heading = item_heading(item)
    if prefix or (previous is not None and item.number != previous + 1) or not item.title:
        number, _, rest = heading.partition(" ")
        heading = f"{prefix or 'TOP'} {number}{colon} {rest}".rstrip()
    return heading


def item_paragraphs(
    item: AgendaItem, previous: int | None, parent: int | None = None, prefix: str = ""
) -> list[str]:
    """An item's heading, blocks and sub-items."""
    paragraphs = [item_heading_line(item, previous, parent, prefix)]
    for block in item.blocks:
        paragraphs.extend(block_paragraphs(block))
    for sub in item.items:
        paragraphs.extend(item_paragraphs(sub, None, item.number, prefix))
    return paragraphs


def write_text(protocol: Protocol) -> str:
    """The protocol in the canonical layout, with LF line ends and one final newline."""
    paragraphs = head_paragraphs(protocol)
    for block in protocol.preamble:
        paragraphs.extend(block_paragraphs(block, guard_topics=not protocol.items, front=True))
    paragraphs.extend(protocol.front)
    previous: int | None = None
    for item in protocol.items:
        paragraphs.extend(item_paragraphs(item, previous, prefix=protocol.item_prefix))
        previous = item.number
    next_line = [line] if (line := next_meeting_line(protocol)) else []
    if any(NEXT_MEETING.match(text) for text in protocol.back):
        # a second ``Nächster Termin`` line: the earlier one was kept as closing matter, so it
        # is written first and the model's next meeting stays the last one
        paragraphs.extend([*protocol.back, *next_line])
    else:
        paragraphs.extend([*next_line, *protocol.back])
    return "\n\n".join(paragraphs) + "\n"
