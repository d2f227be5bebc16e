"""The layout rules (:mod:`protokollkit.layout`) against hand-written cases.

``tests/fixtures/cases/layout.txt``: each case is a protocol text and, written by hand, the
outline of what a careful reader finds in it (:func:`outline`). Unlike the older
``tests/fixtures/layout/*.json`` (made by the reader itself), these say what should be found.
"""

from __future__ import annotations

from collections.abc import Iterator

import protokollkit
from protokollkit.model import AgendaItem, Block, Person, Point, Protocol
from tests.cases import Case, parametrize


def person(p: Person) -> str:
    """A speaker or presenter: ``Name, Einrichtung`` or ``Name (Einrichtung)`` as written (the
    model records the form), ``Name`` alone."""
    if p.affiliation is None:
        return p.name
    return f"{p.name} ({p.affiliation})" if p.form == "parens" else f"{p.name}, {p.affiliation}"


def people(persons: tuple[Person, ...]) -> str:
    """A list of people: ``Name (Einrichtung); Name``."""
    return "; ".join(f"{p.name} ({p.affiliation})" if p.affiliation else p.name for p in persons)


def _point(point: Point, depth: int) -> Iterator[str]:
    marker = {"bullet": "-", "paragraph": "¶"}.get(point.kind, point.marker or "?")
    text = f"{'  ' * depth}{marker} {point.text}"
    if point.speaker is not None:
        text += f" {{Sprecher: {person(point.speaker)}}}"
    if point.decision is not None:
        d = point.decision
        votes = "/".join("-" if n is None else str(n) for n in (d.yes, d.no, d.abstain))
        text += f" {{{d.kind} {votes} {d.result or '-'}{' einstimmig' if d.unanimous else ''}}}"
    if point.task is not None:
        due = point.task.due.isoformat() if point.task.due else "-"
        text += f" {{Aufgabe: {', '.join(point.task.owners) or '-'} bis {due}}}"
    yield text
    for child in point.points:
        yield from _point(child, depth + 1)


def _block(block: Block, depth: int) -> Iterator[str]:
    indent = "  " * depth
    yield f"{indent}Block: {person(block.speaker) if block.speaker else '-'}"
    for point in block.points:
        yield from _point(point, depth + 1)
    if block.note:
        yield f"{indent}  Notiz: {block.note}"


def _item(item: AgendaItem, depth: int) -> Iterator[str]:
    indent = "  " * depth
    presenter = f" / {people((item.presenter,))}" if item.presenter else ""
    yield f"{indent}TOP {item.number}: {item.title}{presenter}"
    for block in item.blocks:
        yield from _block(block, depth + 1)
    for sub in item.items:
        yield from _item(sub, depth + 1)


def outline(protocol: Protocol) -> list[str]:
    """The model as lines: the header fields that are set, then items, blocks and points."""
    p = protocol
    lines = [f"Titel: {p.title}", f"Sitzung: {p.meeting or '-'}"]
    lines.append(f"Datum: {p.date.isoformat() if p.date else '-'}")
    lines += [f"Meta {m.label} ({m.kind}): {m.value}" for m in p.meta]
    lines += [f"Davor: {line}" for line in p.front]
    if p.participants:
        lines.append(f"{p.participants_label}: {people(p.participants)}")
    lines += [f"{g.label} ({g.kind}): {people(g.people)}" for g in p.attendance]
    if p.agenda:
        lines.append(f"{p.agenda_label}: " + " | ".join(p.agenda))
    for block in p.preamble:
        lines += ["Vorspann:", *_block(block, 1)]
    for item in p.items:
        lines += _item(item, 0)
    if p.next_meeting is not None:
        n = p.next_meeting
        day = f" ({n.date.isoformat()})" if n.date else ""
        lines.append(f"{n.label or '(im Text)'}: {n.text}{day}")
    lines += [f"Danach: {line}" for line in p.back]
    lines += [
        f"! Zeile {d.line}: {d.message}" for d in p.diagnostics if d.level in ("warning", "error")
    ]
    return lines


@parametrize("layout.txt")
def test_layout(case: Case) -> None:
    fmt = case.options.get("format", "text")  # ``[format=markdown]``: tables, headings
    protocol = protokollkit.read_text(case.input, name="layout.txt", format=fmt)
    assert outline(protocol) == list(case.expected)
