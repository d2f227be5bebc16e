"""JSON interchange for tools that embed protokollkit (keys documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from protokollkit.model import Block, Person, Point, Protocol

FORMAT_VERSION = 1


def person_dict(person: Person | None, *, with_form: bool = False) -> dict[str, Any] | None:
    """``{"name", "affiliation"}`` (plus ``"form"`` for speaker lines) or None."""
    if person is None:
        return None
    data: dict[str, Any] = {"name": person.name, "affiliation": person.affiliation}
    if with_form:
        data["form"] = person.form
    return data


def point_dict(point: Point) -> dict[str, Any]:
    """``{"text", "points": [...]}``"""
    return {"text": point.text, "points": [point_dict(p) for p in point.points]}


def block_dict(block: Block) -> dict[str, Any]:
    """``{"speaker", "points", "note"}``"""
    return {
        "speaker": person_dict(block.speaker, with_form=True),
        "points": [point_dict(p) for p in block.points],
        "note": block.note,
    }


def to_data(protocol: Protocol) -> dict[str, Any]:
    """The protocol as plain JSON-compatible data."""
    next_meeting = protocol.next_meeting
    return {
        "format": "protokollkit",
        "version": FORMAT_VERSION,
        "title": protocol.title,
        "meeting": protocol.meeting,
        "date": protocol.date.isoformat() if protocol.date else None,
        "participants": [person_dict(p) for p in protocol.participants],
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "presenter": person_dict(item.presenter),
                "blocks": [block_dict(b) for b in item.blocks],
            }
            for item in protocol.items
        ],
        "next_meeting": (
            {
                "text": next_meeting.text,
                "date": next_meeting.date.isoformat() if next_meeting.date else None,
            }
            if next_meeting
            else None
        ),
        "unplaced": {"front": list(protocol.front), "back": list(protocol.back)},
        "diagnostics": [
            {
                "level": d.level,
                "message": d.message,
                "source": d.source,
                "line": d.line,
                "col": d.col,
            }
            for d in protocol.diagnostics
        ],
    }


def write_json(protocol: Protocol) -> str:
    """The protocol as pretty-printed UTF-8 JSON with a final newline."""
    return json.dumps(to_data(protocol), ensure_ascii=False, indent=2) + "\n"
