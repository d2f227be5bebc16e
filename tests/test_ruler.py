"""The rule registry: named rules in order, switched on and off, triggers that only skip work,
and the record of which rule took each line."""

from __future__ import annotations

from pathlib import Path

import pytest

import protokollkit
from protokollkit import layout
from protokollkit.layout import RULER, RULES, TRIGGERS, Kind, Ruler, parse_lines, split_lines
from tests.conftest import TESTS

PROTOCOL = """Protokoll Stadtteiltisch 10.11.2022

Teilnehmende: Jonas Brandt, Lea Sommer (SBZ)

1 Aktuelles

Lea Sommer, SBZ

- Weihnachtsmarkt am 6.12.
  mit Nikolaus

Nächster Termin: 12.01.2023
"""

TEXTS = sorted(
    p
    for folder in ("corpus", "heldout", "heldout2", "heldout3", "layout", "legacy", "numbering")
    for p in (TESTS / "fixtures" / folder).glob("*")
    if p.suffix in (".txt", ".md")
)


def test_trace_names_the_rule_that_took_each_line() -> None:
    trace: list[tuple[int, str]] = []
    parse_lines(split_lines(PROTOCOL), trace=trace)
    taken = {number: name for number, name in trace if name != "blank"}
    assert taken == {
        1: "title",
        3: "attendance",
        5: "item",
        7: "speaker",
        9: "point",
        10: "continued",
        12: "next_meeting",
    }


def test_a_disabled_rule_leaves_its_lines_to_the_rules_after_it() -> None:
    ruler = RULER.copy()
    ruler.disable("speaker")
    protocol = parse_lines(split_lines(PROTOCOL), ruler=ruler)
    block = protocol.items[0].blocks[0]
    assert block.speaker is None
    assert block.points[0].kind == "paragraph"
    assert block.points[0].text == "Lea Sommer, SBZ"
    assert "speaker" not in ruler.names(enabled_only=True)
    assert "speaker" in RULER.names(enabled_only=True)  # the copy changed, not the original
    ruler.enable("speaker")
    assert parse_lines(split_lines(PROTOCOL), ruler=ruler) == protokollkit.read_text(PROTOCOL)


def test_a_rule_added_before_another_is_tried_first() -> None:
    ruler = RULER.copy()
    seen: list[str] = []

    def rule_shout(state: layout.State, line: layout.Line) -> bool:
        seen.append(line.text)
        if line.text.isupper():
            state.back.append(line.text)
            return True
        return False

    ruler.before("title", "shout", rule_shout, Kind.UPPER)
    assert ruler.names().index("shout") == ruler.names().index("title") - 1
    trace: list[tuple[int, str]] = []
    protocol = parse_lines(split_lines(PROTOCOL + "\nENDE\n"), ruler=ruler, trace=trace)
    assert protocol.back[-1] == "ENDE"
    assert (14, "shout") in trace
    assert all(text[:1].isupper() for text in seen)  # its trigger: lines with a capital only
    with pytest.raises(KeyError):
        ruler.disable("no such rule")


def test_every_rule_has_a_trigger_or_is_tried_for_every_line() -> None:
    names = [name for name, _ in RULES]
    assert set(TRIGGERS) <= set(names)
    assert RULER.names() == names
    assert RULER.rule("continued").trigger == Kind.ANY


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_triggers_only_skip_work(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A trigger promises that its rule would not take the line: without any triggers every
    document reads to the same model and the same diagnostics."""
    with_triggers = protokollkit.read_file(path)
    monkeypatch.setattr(layout, "RULER", Ruler(RULES))
    without = protokollkit.read_file(path)
    assert protokollkit.to_json(with_triggers) == protokollkit.to_json(without)
    assert with_triggers.diagnostics == without.diagnostics
