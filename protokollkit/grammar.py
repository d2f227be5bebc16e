"""German grammar the meeting's name needs: a title names the body in the genitive.

``Protokoll des Stadtteiltischs vom 12.01.2023`` is a protocol of the *Stadtteiltisch*; the
name is used alone (``Protokoll Stadtteiltisch vom …`` in a mail's subject, the file name of an
import, the title of the next meeting's appointment), so it is put back into the nominative:
``des Runden Tisches Klimaschutz`` → ``Runder Tisch Klimaschutz``, ``der ordentlichen
Mitgliederversammlung`` → ``ordentliche Mitgliederversammlung``, ``Sitzung des Beirates`` →
``Beirat``. Only the head of the phrase changes; what follows it (``Groß Klein``, ``e.V.``, a
second genitive) stays as written.
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"^(?:(?:\d{1,3}\.\s+)?(?:\w+e[nr]?\s+)?(?:Sitzung|Treffen|Treffens|Zusammenkunft|Beratung)"
    r"(?:\s+(?:Nr\.\s*)?\d{1,3}/\d{2,4})?\s+)?"
    r"(des|eines|der|einer|zur)\s+(?=\S)",
    re.I,
)
"""A name that starts with an article in the genitive (the title's ``Protokoll`` and the
connector before it are already gone: ``des Stadtteiltischs``), or with a generic word before
it (``Sitzung des Beirats``, ``öffentliche Sitzung des Finanzausschusses``, ``5. Sitzung des
Beirates``, ``Sitzung 1/2025 des Samtgemeinderates``)."""

_NEUTER = (
    "plenum", "forum", "gremium", "treffen", "netzwerk", "bündnis", "komitee", "kuratorium",
    "präsidium", "parlament", "team", "management", "büro", "kollegium", "konzil", "kapitel",
)  # fmt: skip
"""Heads in the neuter (their adjective ends in -es: ``Erweitertes Plenum``); every other head
with a genitive -s is taken as masculine (``Runder Tisch``, ``Erweiterter Vorstand``)."""

_VOWELS = "aeiouäöüy"


def nominative(name: str) -> str:
    """The meeting's name in the nominative when the title gives it in the genitive."""
    lead = _LEAD.match(name)
    if lead is None:
        return name
    article = lead.group(1).lower()
    words = name[lead.end() :].split(" ")
    adjectives = 0
    while adjectives < len(words) - 1 and _adjective(words[adjectives]):
        adjectives += 1
    head = words[adjectives]
    if article in ("des", "eines"):
        noun = _masculine_or_neuter(head)
        if noun is None:
            return " ".join(words)  # a name that does not decline: ``des FSR``, ``des CCC``
        ending = "es" if noun.lower().endswith(_NEUTER) else "er"
        words[adjectives] = noun
    else:
        ending = "e"  # feminine or plural (``der``, ``zur``): only the adjectives change
    for index in range(adjectives):
        word = words[index]
        if word.endswith("en"):
            words[index] = word[:-2] + ending if ending == "e" else word[:-1] + ending[-1:]
    return " ".join(words)


def _adjective(word: str) -> bool:
    """``Runden``, ``erweiterten``, ``5.``: a word before the head of the phrase."""
    return bool(re.fullmatch(r"\d{1,3}\.|[^\W\d]{3,}en", word)) and not word.isupper()


def _masculine_or_neuter(word: str) -> str | None:
    """``Stadtteiltischs``/``Tisches`` → ``Stadtteiltisch``/``Tisch``; None for a word without
    a genitive ending (``AStA``, ``Makerspace``): such a name is left alone."""
    lower = word.lower()
    if len(word) < 4 or word.isupper() or not lower.endswith("s"):
        return None
    if lower.endswith("nisses"):
        return word[:-3]  # Bündnisses → Bündnis
    if lower.endswith("sses"):
        return word[:-2]  # Ausschusses → Ausschuss
    if lower.endswith("es") and lower[-3] not in _VOWELS and not lower.endswith("ens"):
        return word[:-2]  # Tisches, Beirates, Vorstandes
    return word[:-1]  # Stadtteiltischs, Beirats, Plenums, Treffens, Komitees


_FEMININE = (
    "ung", "heit", "keit", "schaft", "ion", "tät", "enz", "runde", "gruppe", "initiative",
    "kommission", "synode", "kammer", "klausur", "konferenz", "versammlung", "sitzung",
    "tagung", "besprechung", "vertretung", "leitung", "werkstatt", "börse", "gemeinde", "stelle",
)  # fmt: skip
"""Endings of heads in the feminine: ``Mitgliederversammlung``, ``Quartiersrunde``, ``AG
Wohnen``, ``Stadtteilkonferenz``, ``Elternvertretung``."""


def from_the(name: str) -> str:
    """``vom Stadtteiltisch``, ``von der Mitgliederversammlung``, ``vom Runden Tisch``, ``vom
    Treffen`` (no name): the meeting's name after ``von`` with its article in the dative, for a
    sentence such as ``das Protokoll vom Stadtteiltisch``. The head is the first word after the
    adjectives and numbers (``ordentliche Mitgliederversammlung 2024``), whose endings take
    the dative (``von der ordentlichen …``); a plural or unknown head takes ``vom``."""
    words = name.split()
    if not words:
        return "vom Treffen"
    adjectives = 0
    while adjectives < len(words) - 1 and _NOMINATIVE_ADJECTIVE.fullmatch(words[adjectives]):
        adjectives += 1
    for index in range(adjectives):
        word = words[index]
        if not word[0].isdigit():
            stem = word[:-2] if word.endswith(("er", "es")) else word[:-1]
            words[index] = stem + "en"
    head = words[adjectives].lower().strip(",.:;")
    article = "von der" if head.endswith(_FEMININE) or head == "ag" else "vom"
    return f"{article} {' '.join(words)}"


_NOMINATIVE_ADJECTIVE = re.compile(r"\d{1,3}\.|[^\W\d]{3,}(?:e|er|es)")
"""A word before the head in the nominative: ``ordentliche``, ``Runder``, ``Erweitertes``,
``5.``."""
