"""German word folding and stemming for the search index (and its highlighting).

``Weihnachtsmärkte``, ``Weihnachtsmaerkte`` and ``WEIHNACHTSMARKT`` all become the stem
``weihnachtsmarkt`` (Snowball's German stemmer: case, ä/ae, ö/oe, ü/ue, ß/ss, endings).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

WORD = re.compile(r"\w+")
"""A word for the index: letters and digits (``Klient*innen`` is two words)."""


@functools.lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case, umlauts as ``ae``/``oe``/``ue``, ``ß`` as ``ss``, other accents removed."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def loose(text: str) -> str:
    """:func:`fold`, then ``ae``/``oe``/``ue`` as ``a``/``o``/``u``: ``Muller`` meets ``Müller``."""
    return fold(text).replace("ae", "a").replace("oe", "o").replace("ue", "u")


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("german")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The German stem of one word (lower case, folded); digits stay as they are."""
    lowered = word.casefold()
    if lowered.isdigit():
        return lowered
    stemmed: str = _stemmer().stemWord(lowered)
    return fold(stemmed)


def stems(text: str) -> Iterator[str]:
    """The stems of every word of ``text``, in order."""
    for match in WORD.finditer(text):
        yield stem(match.group())


def stemmed_text(text: str) -> str:
    """``text`` as the space-separated stems the index stores."""
    return " ".join(stems(text))


def word_spans(text: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where in ``text`` a word's stem starts with one of ``prefixes`` (for highlighting)."""
    return [
        m.span()
        for m in WORD.finditer(text)
        if any(stem(m.group()).startswith(p) for p in prefixes)
    ]


def slug(text: str) -> str:
    """An ASCII file name for a name: ``Marén Wiese`` → ``maren-wiese``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "ohne-name"


__all__ = ["WORD", "fold", "loose", "slug", "stem", "stemmed_text", "stems", "word_spans"]
