"""Random edits of the reference protocol: every line typed is still there after reading – in the
model (and so in the canonical text) or named in a diagnostic."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import protokollkit
from tests.conftest import SEED

LINES = SEED.read_text("utf-8").splitlines()
WORD = re.compile(r"\w+")
LABELS = {
    "Teilnehmende",
    "Teilnehmer",
    "innen",
    "Anwesend",
    "Anwesende",
    "TOP",
    "Nächster",
    "Nächste",
    "Termin",
    "Sitzung",
}
"""Words of labels the canonical layout may write differently."""

EXTRA = st.sampled_from(
    [
        "- ein neuer Punkt mit Umlauten äöü",
        "  - eingerückter Unterpunkt",
        "Freier Absatz ohne Regel",
        "5 Verschiedenes",
        "Maren Müller-Hinrichs, Leitung",
        "• Punkt mit Bullet",
        "Nächster Termin: 12.01.2023",
        "",
        "\t- Tab davor",
    ]
)

edit = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, len(LINES)), EXTRA),
    st.tuples(st.just("delete"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("duplicate"), st.integers(0, len(LINES) - 1), st.just("")),
)


def apply(lines: list[str], edits: list[tuple[str, int, str]]) -> list[str]:
    result = list(lines)
    for kind, index, text in edits:
        index = min(index, len(result))
        if kind == "insert":
            result.insert(index, text)
        elif result and kind == "delete":
            del result[min(index, len(result) - 1)]
        elif result:
            position = min(index, len(result) - 1)
            result.insert(position, result[position])
    return result


@given(st.lists(edit, min_size=1, max_size=6))
@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
def test_no_line_is_lost_after_random_edits(edits: list[tuple[str, int, str]]) -> None:
    lines = apply(LINES, edits)
    text = "\n".join(lines) + "\n"
    try:
        protocol = protokollkit.read(text)
    except protokollkit.ParseError as exc:
        assert any(d.level == "error" and d.line >= 0 for d in exc.diagnostics)
        return
    written = str(protokollkit.write(protocol, "text"))
    kept = set(WORD.findall(written))
    named = {d.line for d in protocol.diagnostics}
    for number, line in enumerate(lines, start=1):
        words = set(WORD.findall(line)) - LABELS
        missing = words - kept
        assert not missing or number in named, (number, line, missing)
