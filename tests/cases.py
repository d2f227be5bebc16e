"""Hand-written cases, many small ones side by side in one readable file per topic.

The format is markdown-it-py's fixture format, with a title line that may carry options::

    Jahreswechsel in einer Spanne [bezug=2022-12-20]
    .
    Fahrt 30.12.–2.01.
    .
    2022-12-30 – 2023-01-02  „30.12.–2.01.“
    .

A case is a title, a line with a single dot, the input (any number of lines), a dot line,
the expected result (any number of lines, none for "nothing"), and a dot line. Lines between
cases are comments. Options ``[key=value, key=value]`` at the end of the title are handed to
the test. The expected results are written by hand: they say what the code should find, not
what it happened to find.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
_OPTIONS = re.compile(r"\s*\[([^\[\]]*)\]\s*$")


@dataclass(frozen=True)
class Case:
    """One case of a fixture file."""

    title: str
    input: str
    expected: tuple[str, ...]
    line: int
    """The line of the title in the file (1-based), for the test's id."""
    options: dict[str, str] = field(default_factory=dict)


def read_cases(path: Path) -> list[Case]:
    """Every case in ``path``; a malformed file fails loudly with its line."""
    lines = path.read_text("utf-8").split("\n")
    cases: list[Case] = []
    number = 0
    while number < len(lines):
        if number + 1 < len(lines) and lines[number + 1] == "." and lines[number].strip():
            title_line = number
            parts: list[list[str]] = [[], []]
            number += 2
            for part in parts:
                while number < len(lines) and lines[number] != ".":
                    part.append(lines[number])
                    number += 1
                if number >= len(lines):
                    raise ValueError(f"{path}:{title_line + 1}: case does not end with '.'")
                number += 1
            title = lines[title_line]
            options: dict[str, str] = {}
            found = _OPTIONS.search(title)
            if found:
                title = title[: found.start()]
                for pair in found.group(1).split(","):
                    key, _, value = pair.partition("=")
                    options[key.strip()] = value.strip()
            cases.append(
                Case(title.strip(), "\n".join(parts[0]), tuple(parts[1]), title_line + 1, options)
            )
        else:
            number += 1
    if not cases:
        raise ValueError(f"{path}: no cases")
    return cases


def parametrize(name: str) -> pytest.MarkDecorator:
    """``@parametrize("dates.txt")``: one test per case of ``tests/fixtures/cases/NAME``."""
    cases = read_cases(CASES / name)
    return pytest.mark.parametrize(
        "case", cases, ids=[f"{name}:{c.line}:{ascii_id(c.title[:40])}" for c in cases]
    )


def ascii_id(title: str) -> str:
    """A title as a test id in ASCII (``fällt …`` → ``fallt ...``): pytest escapes other
    characters in ids (``f\\xe4llt``), and a second pytest session in one process – as mutmut
    runs them – cannot select such an id (``not found``), so every mutant counted as killed."""
    return unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
