"""What ``check`` accepts, every writer can write; what it refuses, no writer writes.

Random protocols, some with a control character or nesting beyond the limit planted in them:
the one validation step decides, for every format alike.
"""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import protokollkit
from protokollkit.model import AgendaItem, Block, Point, Protocol
from protokollkit.validate import MAX_DEPTH, problems
from tests.strategies import protocols

FORMATS = ["docx", "markdown", "html", "email", "email-html", "ics", "pdf"]
HOSTILE = ["\x1b[31m", "\a", "\x00", "\x7f", "\x0c", "\ufffe"]


def deep(depth: int) -> Point:
    point = Point("ganz unten")
    for level in range(depth - 1, 0, -1):
        point = Point(f"Ebene {level}", (point,))
    return point


@st.composite
def maybe_unwritable(draw: st.DrawFn) -> Protocol:
    protocol = draw(protocols())
    trouble = draw(st.sampled_from(["none", "control", "deep"]))
    if trouble == "none":
        return protocol
    if trouble == "deep":
        block = Block(None, (deep(draw(st.integers(MAX_DEPTH - 1, MAX_DEPTH + 3))),))
    else:
        text = "Punkt " + draw(st.sampled_from(HOSTILE)) + " mit Steuerzeichen"
        block = Block(None, (Point(text),))
    item = AgendaItem(99, "Eingeschoben", None, (block,))
    return dataclasses.replace(protocol, items=(*protocol.items, item))


@given(maybe_unwritable(), st.sampled_from(FORMATS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_check_and_the_writers_agree(protocol: Protocol, format: str) -> None:
    found = problems(protocol, formats={format})
    try:
        protokollkit.write(protocol, format)
    except protokollkit.ParseError as exc:
        assert found and list(exc.diagnostics) == found
    else:
        assert not found
