"""The cheap looks of :mod:`protokollkit.annotations` before (or instead of) its patterns: each
is a promise – the same answer as the pattern – checked here on every entry of the fixtures
and the layout cases, on the same entries in other cases, and on generated texts.

A look that breaks here was outgrown by a change of its pattern: change the look with it.
"""

from __future__ import annotations

import importlib
import random
import re
import sys
from functools import cache

import protokollkit
from protokollkit.annotations import (
    _LABELLED,
    _TASK_LABEL,
    _TOPIC_REPORTER,
    _Folded,
    _labelled,
    _scan,
    _sentence_speaker,
    _task_label_start,
    _topic_reporter,
)
from protokollkit.diagnostics import ParseError
from protokollkit.labels import TASK_LABELS
from protokollkit.labels import label_key as fold
from protokollkit.people import ParticipantIndex
from tests.cases import CASES, read_cases
from tests.conftest import TESTS

FOLDERS = (
    "corpus", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "layout", "legacy", "numbering", "termine",
)  # fmt: skip


@cache
def entries() -> tuple[tuple[str, ParticipantIndex], ...]:
    """Every entry's text with the participants of its protocol."""
    texts = [
        (p.read_text("utf-8", errors="replace"), "markdown" if p.suffix == ".md" else "text")
        for folder in FOLDERS
        for p in sorted((TESTS / "fixtures" / folder).glob("*"))
        if p.suffix in (".txt", ".md")
    ]
    texts.extend((case.input, "text") for case in read_cases(CASES / "layout.txt"))
    found: dict[str, ParticipantIndex] = {}
    for text, form in texts:
        try:
            protocol = protokollkit.read_text(text, format=form)
        except ParseError:
            continue
        known = ParticipantIndex(protocol.listed_present())
        for point in protocol.all_points():
            found.setdefault(point.text, known)
    return tuple(found.items())


@cache
def variants() -> tuple[str, ...]:
    """The entries as written and in other cases, and generated texts around labels, brackets
    and colons."""
    texts = [text for text, _ in entries()]
    result = [v for t in texts for v in (t, t.upper(), t.title())]
    rng = random.Random(12)
    alphabet = ["a", "b", " ", "\t", ":", "(", ")", "[", "]", "-", "–", "\u00a0", "İ", "ı", "ſ"]
    for _ in range(20000):
        head = "".join(rng.choice("ab \t") for _ in range(rng.randint(0, 66)))
        tail = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        result.append(head + rng.choice(alphabet) + tail)
        inner = "".join(rng.choice("ab :\t(") for _ in range(rng.randint(0, 44)))
        result.append(f"{head}({inner}){rng.choice(['', ' ', ':', ' x', ': x', '– x', '-x'])}")
    return tuple(result)


def test_the_label_read_without_the_pattern_is_the_patterns() -> None:
    for text in variants():
        match = _LABELLED.match(text)
        assert _labelled(text) == ((match.group(1), match.end()) if match else None), text


def test_the_look_at_the_topic_reporters_brackets_keeps_every_match() -> None:
    for text in variants():
        match = _TOPIC_REPORTER.match(text)
        found = _topic_reporter(text)
        assert (found and found.group(0)) == (match and match.group(0)), text


def test_the_look_before_the_task_label_keeps_every_task_label() -> None:
    for text in variants():
        label = _TASK_LABEL.match(text)
        if label is None:
            continue
        first = label.group(1).split()[0] if label.group(1).strip() else ""
        if fold(label.group(1)) in TASK_LABELS or (
            label.group(2) is None and first and fold(first) in TASK_LABELS
        ):
            assert _task_label_start(text), text


def test_the_folded_twins_find_what_their_patterns_find() -> None:
    module = sys.modules[_Folded.__module__]  # (``protokollkit.annotations`` is a __future__)
    folded = [v for v in vars(module).values() if isinstance(v, _Folded)]
    assert folded
    texts = [text for text, _ in entries()]
    hinted = [text for text in texts if _scan(text).decision_word]
    texts += [v for text in hinted for v in (text.upper(), text.title(), text.swapcase())]
    texts += [  # (the letters that re.IGNORECASE folds apart from str.lower())
        v
        for text in hinted
        for v in (text.replace("s", "ſ"), text.replace("i", "ı"), text.upper().replace("I", "İ"))
    ]
    for pattern in folded:
        for text in texts:
            match = pattern.pattern.search(text)
            twin = pattern.search(text, text.lower())
            assert (match and match.span()) == (twin and twin.span()), (pattern.pattern, text)


def test_without_a_verb_of_reported_speech_no_sentence_names_a_speaker() -> None:
    for text, known in entries():
        if not _scan(text).speech_verb:
            assert _sentence_speaker(text, known) is None, text


def test_the_entries_are_many() -> None:
    assert len(entries()) > 3000
    assert re.search("[İıſ]", "".join(variants()))  # (the texts the twins leave to the pattern)


_FAST_SPELLINGS = (
    # a possessive quantifier (``++``, ``*+``, ``{4,}+``): a run taken whole, where what follows
    # the run can never start inside it (a name word before ``\s+``)
    (re.compile(r"(?<!\\)([+*}])\+"), r"\1"),
    # ``und`` at a word start, spelled so that ``re`` skips ahead to a ``u`` instead of trying
    # ``\b`` everywhere
    (re.compile(re.escape(r"u(?<!\wu)nd")), lambda _: r"\bund"),
)
"""The faster spellings in the patterns, and how each is written plainly (every match the
same)."""


def _plain_source(source: str) -> str:
    for fast, plain in _FAST_SPELLINGS:
        source = fast.sub(plain, source)
    return source


def fast_patterns() -> list[re.Pattern[str]]:
    """Every pattern of the parser's modules that uses a faster spelling."""
    found: dict[str, re.Pattern[str]] = {}
    for name in ("annotations", "layout", "people", "labels", "dates", "grammar", "termine"):
        module = importlib.import_module(f"protokollkit.{name}")
        for value in vars(module).values():
            pattern = value if isinstance(value, re.Pattern) else getattr(value, "pattern", None)
            if (
                isinstance(pattern, re.Pattern)
                and _plain_source(pattern.pattern) != pattern.pattern
            ):
                found[pattern.pattern] = pattern  # (a pattern, or the pattern behind a look)
    return list(found.values())


@cache
def name_texts() -> tuple[str, ...]:
    """The entries and lines of the fixtures, and generated texts of names, separators and
    verbs."""
    rng = random.Random(5)
    tokens = [
        "Lea", "Anna Berg", "Kai-Uwe", "Dr.", "OBR", "@kiki", "und", "&", ",", ", ", " ", "  ",
        "(", ")", "(Kasse)", ".", ". ", "!", "?", ";", ":", "→", "->", "Der", "die", "Die",
        "kümmert sich", "übernimmt", "macht", "klärt", "fragt nach", "sagt zu", "bis", "x",
        "Team", "Initiative", "wird", "erledigt.", "verteilt", "Bund", "rund", "änd", "Kassierer",
        "Frank Pauly", "trug", "berichtet", "Sitzung. Der", "Ende.", "Straße", "_", "3",
    ]  # fmt: skip
    result = [text for text, _ in entries()]
    result += [
        line
        for folder in FOLDERS
        for path in sorted((TESTS / "fixtures" / folder).glob("*"))
        if path.suffix in (".txt", ".md")
        for line in path.read_text("utf-8", errors="replace").splitlines()
    ]
    for _ in range(20000):
        parts = [rng.choice(tokens) for _ in range(rng.randint(1, 14))]
        result.append("".join(p + rng.choice(["", " ", " ", "  "]) for p in parts))
    return tuple(dict.fromkeys(result))


def test_the_fast_spellings_find_what_the_plain_ones_find() -> None:
    patterns = fast_patterns()
    assert len(patterns) >= 5
    for pattern in patterns:
        plain = re.compile(_plain_source(pattern.pattern), pattern.flags)
        for text in name_texts():
            starts = {0, *(m.end() for m in re.finditer(r"\W+", text))}
            for start in starts:
                for fast, slow in (
                    (pattern.search(text, start), plain.search(text, start)),
                    (pattern.match(text, start), plain.match(text, start)),
                ):
                    assert (fast and (fast.span(), fast.groups())) == (
                        slow and (slow.span(), slow.groups())
                    ), (pattern.pattern, text, start)
