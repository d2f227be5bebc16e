"""Shared test helpers: paths of the reference protocol and golden-file comparison."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import Phase, settings

# No time limit per example: a deadline is a timed assertion, and on a loaded machine it fails
# tests whose code is right (hypothesis' default is 200 ms).
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")
# In CI the examples are the same on every run (a found failure is reproduced, not a lottery);
# locally each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
# Under `make mutation` every mutant runs the tests again: fewer examples (where a test does not
# set its own number), always the same ones, and a failure is not shrunk (a mutant is killed
# by the first failing example; shrinking it took minutes).
settings.register_profile(
    "mutation",
    derandomize=True,
    max_examples=10,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
MUTATION = bool(os.environ.get("PROTOKOLLKIT_MUTATION"))
if MUTATION:
    settings.load_profile("mutation")
elif os.environ.get("CI"):
    settings.load_profile("ci")


def examples(count: int) -> int:
    """A test's own number of hypothesis examples, or the mutation profile's few under
    ``make mutation`` (where every mutant runs the test again)."""
    return 10 if MUTATION else count


ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SEED = ROOT / "archiv" / "2022-11-10-stadtteiltisch.txt"
ORIGINAL_SEED = TESTS / "fixtures" / "2022-11-10-stadtteiltisch.seed.txt"
"""The exact bytes of the 10.11.22 protocol as its author saved it (copy of shared/seeds)."""
GOLDEN = TESTS / "golden"
UPDATE_GOLDEN = os.environ.get("PROTOKOLLKIT_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, actual: str | bytes) -> None:
    """Compare with ``tests/golden/<name>``; ``make golden`` rewrites it on purpose."""
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if not path.exists():
        pytest.fail(f"golden file {path} missing; run `make golden` and review the diff")
    expected = path.read_bytes()
    if isinstance(actual, str):
        assert actual == expected.decode("utf-8")
    else:
        assert data == expected


@pytest.fixture
def seed_text() -> str:
    """The reference protocol as its author saved it: two leading blank lines, no final newline."""
    return ORIGINAL_SEED.read_bytes().decode("utf-8")


@pytest.fixture(autouse=True)
def _own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test has its own empty cache folder (``termine`` keeps its cache there), never the
    user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


MEMOS = ("_FIRST_KINDS",)
"""Module-level dicts that remember results of the package's code (cleared under mutmut)."""


@pytest.fixture(autouse=True)
def _forget_remembered_results() -> None:
    """Under mutmut, every test starts with empty ``functools`` caches.

    mutmut forks each mutant's test run from a process that has run the tests before, so a
    cached result of the unmutated code (``dates._written_dates``, ``dates._times`` …) would
    hide the mutant, which then counts as surviving without ever having run. The same for the
    module-level memo dicts in ``MEMOS`` (``layout._FIRST_KINDS``: the kinds of a line's first
    character, worked out once per character).
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    import sys

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "protokollkit" or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
        for memo in MEMOS:
            remembered = vars(module).get(memo)
            if isinstance(remembered, dict):
                remembered.clear()
