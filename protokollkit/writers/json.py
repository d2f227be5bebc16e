"""JSON interchange for tools that embed protokollkit (keys documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from protokollkit.model import AgendaItem, Block, Decision, Person, Point, Protocol, Task

FORMAT_VERSION = 2
"""Version 2 added metadata, attendance groups, agenda, preamble, sub-items, entry kinds,
inline speakers, decisions, tasks and links; every version-1 key keeps its meaning."""


def person_dict(person: Person | None, *, with_form: bool = False) -> dict[str, Any] | None:
    """``{"name", "affiliation"}`` (plus ``"form"`` for speaker lines) or None."""
    if person is None:
        return None
    data: dict[str, Any] = {"name": person.name, "affiliation": person.affiliation}
    if with_form:
        data["form"] = person.form
    return data


def decision_dict(decision: Decision | None) -> dict[str, Any] | None:
    """``{"kind", "yes", "no", "abstain", "result", "unanimous"}`` or None."""
    if decision is None:
        return None
    return {
        "kind": decision.kind,
        "yes": decision.yes,
        "no": decision.no,
        "abstain": decision.abstain,
        "result": decision.result,
        "unanimous": decision.unanimous,
    }


def task_dict(task: Task | None) -> dict[str, Any] | None:
    """``{"owners", "due"}`` or None."""
    if task is None:
        return None
    return {"owners": list(task.owners), "due": task.due.isoformat() if task.due else None}


def point_dict(point: Point) -> dict[str, Any]:
    """``{"text", "points", "kind", "marker", "speaker", "decision", "task", "links", "line"}``"""
    return {
        "text": point.text,
        "points": [point_dict(p) for p in point.points],
        "kind": point.kind,
        "marker": point.marker,
        "speaker": person_dict(point.speaker),
        "decision": decision_dict(point.decision),
        "task": task_dict(point.task),
        "links": [{"label": link.label, "target": link.target} for link in point.links],
        "line": point.line,
    }


def block_dict(block: Block) -> dict[str, Any]:
    """``{"speaker", "points", "note"}``"""
    return {
        "speaker": person_dict(block.speaker, with_form=True),
        "points": [point_dict(p) for p in block.points],
        "note": block.note,
    }


def item_dict(item: AgendaItem) -> dict[str, Any]:
    """``{"number", "title", "presenter", "blocks", "items", "line"}``"""
    return {
        "number": item.number,
        "title": item.title,
        "presenter": person_dict(item.presenter),
        "blocks": [block_dict(b) for b in item.blocks],
        "items": [item_dict(i) for i in item.items],
        "line": item.line,
    }


def strip_positions(data: Any) -> Any:
    """The data without the ``line`` keys (source positions are not part of the model)."""
    if isinstance(data, dict):
        return {k: strip_positions(v) for k, v in data.items() if k != "line"}
    if isinstance(data, list):
        return [strip_positions(v) for v in data]
    return data


def to_data(protocol: Protocol, *, positions: bool = True) -> dict[str, Any]:
    """The protocol as plain JSON-compatible data (``positions``: with source lines)."""
    data = _data(protocol)
    return data if positions else strip_positions(data)


def _data(protocol: Protocol) -> dict[str, Any]:
    next_meeting = protocol.next_meeting
    return {
        "format": "protokollkit",
        "version": FORMAT_VERSION,
        "title": protocol.title,
        "meeting": protocol.meeting,
        "date": protocol.date.isoformat() if protocol.date else None,
        "meta": [{"label": m.label, "value": m.value, "kind": m.kind} for m in protocol.meta],
        "participants_label": protocol.participants_label,
        "participants": [person_dict(p) for p in protocol.participants],
        "attendance": [
            {"label": g.label, "kind": g.kind, "people": [person_dict(p) for p in g.people]}
            for g in protocol.attendance
        ],
        "agenda_label": protocol.agenda_label,
        "agenda": list(protocol.agenda),
        "preamble": [block_dict(b) for b in protocol.preamble],
        "items": [item_dict(item) for item in protocol.items],
        "next_meeting": (
            {
                "text": next_meeting.text,
                "date": next_meeting.date.isoformat() if next_meeting.date else None,
                "label": next_meeting.label,
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
