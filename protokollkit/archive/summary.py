"""What the archive keeps of one protocol: a small JSON-ready summary and its search entries.

A summary is everything the statistics and the website need across protocols (dates, people,
items, open topics, tasks, appointments), so that they never hold more than one full protocol
in memory. It is made once per file version and stored in the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from protokollkit.model import AgendaItem, Person, Point, Protocol

Summary = dict[str, Any]
"""A protocol's summary (see :func:`summarize`); plain JSON types only."""

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address in protocol text; the website never shows one."""


@dataclass(frozen=True)
class Entry:
    """One searchable unit: a point, paragraph or item title, with where it stands."""

    text: str
    item_label: str | None
    item_title: str | None
    speaker: str | None
    affiliation: str | None
    line: int


def labelled_items(protocol: Protocol) -> Iterator[tuple[str, AgendaItem]]:
    """Every item and sub-item with its label (``1``, ``5.2``), in document order."""

    def visit(items: tuple[AgendaItem, ...], prefix: str) -> Iterator[tuple[str, AgendaItem]]:
        for item in items:
            label = f"{prefix}{item.number}"
            yield label, item
            yield from visit(item.items, f"{label}.")

    yield from visit(protocol.items, "")


def _points(points: tuple[Point, ...]) -> Iterator[Point]:
    for point in points:
        yield point
        yield from _points(point.points)


def _person(person: Person | None) -> list[str | None] | None:
    return [person.name, person.affiliation] if person else None


def entries(protocol: Protocol) -> Iterator[Entry]:
    """The protocol's search entries: item titles, points, sub-points and free paragraphs."""
    for text in protocol.front:
        yield Entry(text, None, None, None, None, 0)
    for label, item in labelled_items(protocol):
        presenter = item.presenter
        yield Entry(
            item.title,
            label,
            item.title,
            presenter.name if presenter else None,
            presenter.affiliation if presenter else None,
            item.line,
        )
        for block in item.blocks:
            if block.note:
                yield Entry(block.note, label, item.title, None, None, block.line)
            default = block.speaker or presenter
            for point in _points(block.points):
                who = point.speaker or default
                yield Entry(
                    point.text,
                    label,
                    item.title,
                    who.name if who else None,
                    who.affiliation if who else None,
                    point.line or block.line,
                )
    for text in protocol.back:
        yield Entry(text, None, None, None, None, 0)


def summarize(protocol: Protocol, name: str) -> Summary:
    """The summary of ``protocol``, read from the archive file ``name``."""
    from protokollkit.skeleton import open_topics
    from protokollkit.termine import format_appointment, upcoming

    items: list[list[str]] = []
    reports: list[list[Any]] = []
    tasks: list[list[Any]] = []
    decisions: list[list[Any]] = []
    for block in protocol.preamble:
        # before the first item: no reports, but its tasks and decisions count
        for point in _points(block.points):
            if point.task is not None:
                due = point.task.due.isoformat() if point.task.due else None
                tasks.append([point.text, list(point.task.owners), due, None])
            if point.decision is not None:
                decisions.append([point.text, point.decision.result, None])
    for label, item in labelled_items(protocol):
        items.append([label, item.title])
        for block in item.blocks:
            speaker = block.speaker or (item.presenter if not block.note else None)
            points = list(_points(block.points))
            if speaker is not None:
                first = points[0].text if points else ""
                reports.append(
                    [speaker.name, speaker.affiliation, label, item.title, len(points), first]
                )
            for point in points:
                if point.speaker is not None and point.speaker != speaker:
                    reports.append(
                        [
                            point.speaker.name,
                            point.speaker.affiliation,
                            label,
                            item.title,
                            1,
                            point.text,
                        ]
                    )
                if point.task is not None:
                    due = point.task.due.isoformat() if point.task.due else None
                    tasks.append([point.text, list(point.task.owners), due, label])
                if point.decision is not None:
                    decisions.append([point.text, point.decision.result, label])
    speakers = protocol.speakers()
    return {
        "name": name,
        "stem": name.removesuffix(".txt"),
        "title": protocol.title,
        "meeting": protocol.meeting,
        "date": protocol.date.isoformat() if protocol.date else None,
        "place": protocol.meta_value("place"),
        # the participants and the labelled groups of those present (Vorstand, Mitglieder,
        # partly present)
        "participants": [_person(p) for p in protocol.present()],
        "excused": [_person(p) for p in protocol.attendance_of("excused")],
        "guests": [_person(p) for p in protocol.attendance_of("guests")],
        "items": items,
        "reports": reports,
        "speaker_count": len({s.name for s in speakers}),
        "point_count": len(protocol.all_points()),
        "open_topics": [p.text for p in open_topics(protocol)],
        "tasks": tasks,
        "decisions": decisions,
        "appointments": [
            {
                **a.to_dict(),
                "last_day": a.last_day.isoformat(),
                "line": format_appointment(a),
            }
            for a in upcoming(protocol)
        ],
        "next_meeting": (
            [
                protocol.next_meeting.text,
                protocol.next_meeting.date.isoformat() if protocol.next_meeting.date else None,
            ]
            if protocol.next_meeting
            else None
        ),
    }


def present(summary: Summary) -> list[tuple[str, str | None]]:
    """Who was there: participants, then speakers not in the list (name, affiliation), once each."""
    seen: dict[str, str | None] = {}
    for name, affiliation in summary["participants"]:
        seen.setdefault(name, affiliation)
    for report in summary["reports"]:
        name, affiliation = report[0], report[1]
        if name not in seen or (seen[name] is None and affiliation):
            seen[name] = affiliation
    return list(seen.items())


__all__ = ["EMAIL", "Entry", "Summary", "entries", "labelled_items", "present", "summarize"]
