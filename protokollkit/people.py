"""People in protocol lines: names, ``Name, Einrichtung`` and ``Name (Einrichtung)``.

Shared by the layout rules (reading) and the writers (writing a person back).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal

from protokollkit.labels import NOT_NAMES, NOUN_ENDINGS, PERSON_TITLES, ROLE_ENDINGS
from protokollkit.model import AttendanceKind, Person

NAME_PARTICLES = {
    "und",
    "von",
    "van",
    "de",
    "der",
    "den",
    "zu",
    "zur",
    "vom",
    "da",
    "di",
    "&",
    "u.",
}
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’\-]*$")
HANDLE = re.compile(r"^@[\w][\w.\-]{0,30}$")
_NAME_PARTS = re.compile(r"[\s,&/]+")
_KNOWN_PARTS = re.compile(r"[\s&]+")


def _tails(endings: tuple[str, ...]) -> tuple[int, frozenset[str]]:
    """The length of the shortest ending and the endings cut to it: a word whose end of that
    length is none of them ends with none of the endings (one set lookup instead of a look at
    every ending)."""
    size = min(map(len, endings))
    return size, frozenset(ending[-size:] for ending in endings)


_NOUN_TAIL, _NOUN_TAILS = _tails(NOUN_ENDINGS)
_ROLE_TAIL, _ROLE_TAILS = _tails(ROLE_ENDINGS)


def is_name_word(word: str) -> bool:
    """A capitalised word that may be (part of) a name: not a German topic word or noun."""
    if not NAME_WORD.match(word) or not word[0].isupper():
        return False
    low = word.lower().rstrip(".:")
    if low in NOT_NAMES:
        return False
    return not (
        len(low) >= 6 and low[-_NOUN_TAIL:] in _NOUN_TAILS and low.endswith(NOUN_ENDINGS)
    ) or low.endswith(_NAME_ENDINGS)


_NAME_ENDINGS = ("brecht", "precht")
"""Surnames that end like a noun of :data:`NOUN_ENDINGS` (``-recht``), German names all the
same: ``Albrecht``, ``Lamprecht``, ``Ruprecht`` (no noun ends so)."""


def looks_like_name(name: str) -> bool:
    """A person's name: one to six words, each capitalised except particles (``und``, ``von``)."""
    words = name.split()
    if not 1 <= len(words) <= 6 or (name.endswith((".", ":")) and len(words[-1]) > 2):
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES and word is not words[0]:
            continue
        if not NAME_WORD.match(word) or not word[0].isupper():
            return False
    return True


def plausible_name(name: str, known: ParticipantIndex | None = None) -> bool:
    """A name a careful reader would take for a person's, not a topic (``Finanzen``).

    One word needs to be a known participant's name, a handle (``@kiki``) or a word that is no
    German topic word; words after titles (``Herr Brandt``) count as names.
    """
    name = name.strip()
    if name[:1] == "@" and HANDLE.match(name):  # (a handle starts with @: no pattern else)
        return True
    if known is not None and known.knows(name):
        return True
    words = name.split()
    if not words or len(words) > 5 or not looks_like_name(name.replace("&", "und")):
        return False
    if words[0].lower() in PERSON_TITLES and len(words) > 1:
        return True
    return all(is_name_word(w) or w.lower() in NAME_PARTICLES for w in words)


class ParticipantIndex:
    """The participants' names, for recognising a person by full, first or last name."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self.tokens: set[str] = set()
        self.full: set[str] = set()
        for person in people:
            self.add(person)

    def add(self, person: Person) -> None:
        """Remember a person's name and its words."""
        name = person.name.strip().lower()
        self.full.add(name)
        plain = "," not in name and "&" not in name and "/" not in name
        first, _, rest = name.partition(" ")
        if plain and rest and first[:1].isalpha() and first[1:2] != ".":
            self.full.add(f"{first[0]}. {rest}")  # ``D. Malner`` for Dirk Malner
        for word in name.split() if plain else _NAME_PARTS.split(name):  # (the same words)
            word = word.strip("@.()")
            if len(word) >= 2 and word not in NAME_PARTICLES:
                self.tokens.add(word)
        if person.affiliation:
            affiliation = person.affiliation.strip()
            self.full.add(affiliation.lower())
            first = affiliation.split()[0]
            long_enough = len(first) >= 4 or (first.isupper() and len(first) >= 3)
            if first.isalpha() and long_enough and first != affiliation:
                # ``WIRO KundenCenter``, ``Migrationsberatung AWO``: the institution's first
                # word names it too (``WIRO: …`` reports for it)
                self.full.add(first.lower())

    def knows(self, name: str) -> bool:
        """True when the name is a participant's full, first or last name (or institution)."""
        low = name.strip().lower().lstrip("@")
        if not low:
            return False
        if low in self.full or low in self.tokens:
            return True
        parts = low.split() if "&" not in low else _KNOWN_PARTS.split(low)  # (the same words)
        named = False  # every word that is no particle or title is a known one, and one is
        for word in parts:
            if not word or word in NAME_PARTICLES:
                continue
            word = word.strip(".")
            if word in PERSON_TITLES or word.rstrip(".") in ("herr", "frau"):
                continue
            if word not in self.tokens:
                return False
            named = True
        return named

    def __bool__(self) -> bool:
        return bool(self.full)


def split_parens(text: str) -> tuple[str, str] | None:
    """``Name (Einrichtung)`` → (name, affiliation) when the parentheses close at the end."""
    if not text.endswith(")"):
        return None
    start = text.find(" (")
    if start <= 0:
        return None
    inner = text[start + 2 : -1]
    depth = 0
    for ch in inner:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
    return (text[:start].strip(), inner.strip()) if depth == 0 else None


def parse_person(text: str, known: ParticipantIndex | None = None) -> Person | None:
    """Read a speaker line in either written form, or None when it does not look like one.

    A trailing colon (``Dirk Malner (WIRO):``) is allowed and not kept.
    """
    text = text.strip()
    if text.endswith(":"):
        return parse_person(text[:-1], known)
    if not text or len(text) > 150 or text.endswith(("!", "?")):
        return None
    comma = text.find(", ")
    paren = text.find(" (")
    if comma > 0 and (paren < 0 or comma < paren):
        name, affiliation = text[:comma].strip(), text[comma + 2 :].strip()
        if looks_like_name(name) and plausible_name(name, known):
            return Person(name, affiliation or None, "comma")
        return None
    split = split_parens(text)
    if split:
        name, affiliation = split
        if looks_like_name(name) and plausible_name(name, known):
            return Person(name, affiliation or None, "parens")
        return None
    if looks_like_name(text) and plausible_name(text, known) and not text.endswith("."):
        words = text.split()
        if len(words) >= 2 or (known is not None and known.knows(text)):
            return Person(text)
    return None


@functools.lru_cache(maxsize=16)
def _specials(separator: str) -> re.Pattern[str]:
    """Brackets and the separator: the only characters :func:`split_top_level` looks at."""
    return re.compile("[()]|" + re.escape(separator))


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split at ``separator`` outside parentheses."""
    if len(separator) != 1 or separator in "()":
        return [text.strip()] if text.strip() else []  # never a separator character
    if "(" not in text:  # no bracket opens: every separator is at the top level
        return [p.strip() for p in text.split(separator) if p.strip()]
    parts: list[str] = []
    depth = 0
    start = 0
    for match in _specials(separator).finditer(text):
        index, ch = match.start(), match.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def split_participants(text: str) -> list[str]:
    """Split a participant list at commas, or at semicolons when the author used those.

    Between semicolons a comma still separates people where each part after it is one by its
    form (``Pfr. Bernhard Wimmer, Diakon Stefan Kerscher; Gemeindereferentin Anna Lichtenauer``),
    not an organisation (``Kathrin Krug, SBZ; …``).
    """
    if ";" not in text:  # (then at most one part between semicolons)
        return _last_two(split_top_level(text, ","))
    parts = split_top_level(text, ";")
    if len(parts) <= 1:
        return _last_two(split_top_level(text, ","))
    result: list[str] = []
    for part in parts:
        pieces = split_top_level(part, ",") if "," in part else [part]
        if len(pieces) > 1 and all(_titled_person(piece) for piece in pieces[1:]):
            result.extend(pieces)
        else:
            result.append(part)
    return result


_LAST_AND = re.compile(r"^(\S.*?)\s+(?:und|sowie|&)\s+(\S.*?)(?:(?<=[^\W\d]{3})\.)?$")


def _last_two(parts: list[str]) -> list[str]:
    """``Anna Berg, Tom Kurz und Uwe Sand.``: the last part of a list, two people joined by
    ``und`` (the full stop of a sentence after them dropped) – when each side is a name of up to
    three words, and both are full or titled names or the list has other parts (``Anna, Tom
    und Lisa``); not ``Kinder- und Jugendhaus`` nor ``Haus und Grund``."""
    if not parts or (
        " und " not in parts[-1] and " sowie " not in parts[-1] and " & " not in parts[-1]
    ):
        return parts
    last = parts[-1].strip()
    match = _LAST_AND.match(last)
    if match is None:
        return parts
    left, right = match.group(1).strip(), match.group(2).strip()
    if "(" in left or "(" in right or not (looks_like_name(left) and looks_like_name(right)):
        return parts
    sizes = (len(left.split()), len(right.split()))
    if max(sizes) > 3:
        return parts
    full = all(n >= 2 or _titled_person(side) for n, side in zip(sizes, (left, right), strict=True))
    if not full and not (len(parts) > 1 and all(len(p.split()) <= 3 for p in parts[:-1])):
        return parts
    return [*parts[:-1], left, right]


def _titled_person(text: str) -> bool:
    """``Frau Seidel``, ``Diakon Stefan Kerscher``: a person by a title or a function before
    the name."""
    words = text.split()
    return len(words) >= 2 and (words[0].lower() in PERSON_TITLES or split_role(text) is not None)


def parse_participant(text: str) -> Person:
    """``Name (Einrichtung)``, ``Rolle Name`` or ``Name``: in a participant list the comma
    separates people."""
    split = split_parens(text)
    if split and split[0]:
        return Person(split[0], split[1] or None)
    return split_role(text) or Person(text)


def role_word(word: str) -> bool:
    """``Ausschussvorsitzender``, ``Verwaltung/Protokollführer``: a word naming a function."""
    low = word.lower().rstrip(":,")
    return low[-_ROLE_TAIL:] in _ROLE_TAILS and low.endswith(ROLE_ENDINGS)


def split_role(text: str) -> Person | None:
    """``Gemeindevertreter Olaf Carstensen``, ``stellvertr. Ausschussvorsitzende Birte
    Clausen``: a person's function before the name (as council minutes list those present) →
    the name with the function as its affiliation; None for anything else (``Herr Brandt`` and
    ``Pastor Utpatel`` keep their title in the name)."""
    words = text.split()
    if not 3 <= len(words) <= 7 or words[0].lower() in PERSON_TITLES:
        return None
    for cut in (len(words) - 2, len(words) - 3):
        role, name = words[:cut], words[cut:]
        if not role or not role_word(role[-1]):
            continue
        if not all(is_name_word(w) or w.lower() in NAME_PARTICLES for w in name[1:]):
            continue
        if not is_name_word(name[0]) and name[0].lower() not in PERSON_TITLES:
            continue  # ``Vorsitzender Herr Tiedemann``: the title stays in the name
        if all(w[:1].islower() or w.endswith(".") or role_word(w) for w in role[:-1]):
            return Person(" ".join(name), " ".join(role).rstrip(":"))
    return None


def format_person(person: Person, form: Literal["comma", "parens"] | None = None) -> str:
    """Write a person back in the given form (default: the form it was read in)."""
    if not person.affiliation:
        return person.name
    if (form or person.form) == "parens":
        return f"{person.name} ({person.affiliation})"
    return f"{person.name}, {person.affiliation}"


_SENTENCE_NAMES = r"([A-ZÄÖÜ][^.!?;:]{0,400}?)(?=\s*(?:[.!?;]|$))"
_LISTED_AFTER: tuple[tuple[AttendanceKind, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "present",
        ("nwesend", "eilgenommen", "nahmen teil"),
        re.compile(
            r"(?:^|[.!?]\s+)(?:Die\s+)?(?:[Aa]nwesend(?:en?)?(?:\s+[\w*:]+)?\s+(?:waren|sind)"
            r"|Es\s+(?:waren|sind)\s+anwesend|Es\s+nahmen\s+teil|Teilgenommen\s+haben)"
            rf"\s*:?\s+{_SENTENCE_NAMES}"
        ),
    ),
    (
        "present",
        ("nahmen",),
        # ``An der Sitzung nahmen Anna Berg, Tom Kurz und Uwe Sand teil.``
        re.compile(
            r"(?:^|[.!?]\s+)An\s+(?:der|dem|diesem|dieser)\s+[\w-]+\s+nahmen\s+"
            r"([A-ZÄÖÜ][^.!?;:]{0,400}?)\s+teil\b"
        ),
    ),
    (
        "present",
        ("vertreten", "itglieder"),
        re.compile(
            r"(?:(?:^|[.!?]\s+)(?:[A-ZÄÖÜ][\w\-]*\s+){1,3}(?:ist|war|sind|waren)\s+vertreten"
            r"\s+(?:mit|durch)|(?:^|[.!?]\s+)(?:Weitere\s+)?Mitglieder\s+(?:sind|waren))"
            rf"\s*:?\s+{_SENTENCE_NAMES}"
        ),
    ),
    (
        "guests",
        ("Gäst", "Gast"),
        re.compile(
            r"(?:^|[.!?]\s+)Als\s+G(?:äste|ast)\b[^.!?]{0,100}?\s+(?:werden|wurden|wird|wurde)"
            r"\s+([A-ZÄÖÜ][^.!?;:]{0,200}?)\s+(?:begrüßt|willkommen\s+geheißen)\b"
        ),
    ),
    (
        "excused",
        ("ntschuldigt", "bgesagt"),
        re.compile(
            r"(?:^|[.!?]\s+)(?:Entschuldigt\s+(?:abwesend\s+)?(?:haben\s+sich|hatten\s+sich|waren"
            r"|war|sind|ist|fehlten|fehlen)|Es\s+(?:haben|hatten)\s+sich\s+entschuldigt|Es\s+fehlten\s+entschuldigt"
            rf"|Abgesagt\s+(?:haben|hatten)(?:\s+sich)?)\s*:?\s+{_SENTENCE_NAMES}"
        ),
    ),
    (
        "absent",
        ("fehlte", "bwesend"),
        re.compile(
            r"(?:^|[.!?]\s+)(?:Es\s+fehlten|Abwesend\s+waren|Es\s+fehlte)(?!\s+entschuldigt)"
            rf"\s*:?\s+{_SENTENCE_NAMES}"
        ),
    ),
)
_NAMED_BEFORE = re.compile(
    r"((?:[A-ZÄÖÜ][\w.\-]*\s+){0,3}[A-ZÄÖÜ][\w\-]*"
    r"(?:(?:,\s*|\s+und\s+)(?:[A-ZÄÖÜ][\w.\-]*\s+){0,3}[A-ZÄÖÜ][\w\-]*)*)"
    r"\s+(?:(?:hat|haben|hatte|hatten)\s+sich\s+entschuldigt"
    r"|(?:ließ|ließen|lässt|lassen)\s+sich\s+entschuldigen"
    r"|(?:fehlt|fehlen|fehlte|fehlten)\s+entschuldigt)\b"
)
_EXCUSED_BY_OPENER = re.compile(
    rf"(?:^|[.!?]\s+)(?:Er|Sie)\s+entschuldigte?\s+(?:die|den)\s+{_SENTENCE_NAMES}"
)
"""``Er entschuldigt die Ortsausschussvorsitzende Renate Kuhlbrodt und Ortsausschussmitglied
Peter Wintermeyer.``: the one who opens names those excused, each after an office."""
_SENTENCE_START = {"der", "die", "das", "den", "dem", "unser", "unsere", "auch", "außerdem"}
_FULL_STOP = re.compile(r"(?<=[a-zäöüß]{3})\.\s+(?=[A-ZÄÖÜ])")
"""The end of a sentence before the names of the next (``… Ralf Köhnke. Marc Pietsch und …``);
not the point of a title (``Dr.``)."""
_AND = re.compile(r"\s*,\s*(?:und\s+|sowie\s+)?|\s+(?:und|sowie)\s+")


def _without_office(name: str) -> str:
    """``Ortsausschussvorsitzende Renate Kuhlbrodt`` → ``Renate Kuhlbrodt``: the office before
    a name of two or more words goes."""
    words = name.split()
    while len(words) > 2 and role_word(words[0]):
        words = words[1:]
    return " ".join(words)


_AFTER_THE_NAMES = re.compile(
    r"\s*\([^()]*\)\s*$|,\s+(?:der|die|das|weil|da|wegen|welche[rs]?|aufgrund)\s[^()]*$"
)
"""What follows a sentence's list of names: a remark in brackets, a relative or causal clause."""


def _sentence_names(text: str) -> list[str] | None:
    """The names of a list in a sentence (``Tara, Jonas und Lina``), None unless every part
    is a name."""
    text = _AFTER_THE_NAMES.sub("", text)  # ``Ralf Dirks, der krankheitshalber fehlte``
    names = [n for n in _AND.split(text.strip()) if n]
    if not names or not all(looks_like_name(n) and len(n.split()) <= 4 for n in names):
        return None
    return names


_ELECTED_NAME = r"([A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})"
_ELECTED = (
    re.compile(
        r"(?:^|(?<!\d)[.;!?]\s+)(?:Als|Zum|Zur)\s+(?:[^.;]|(?<=\d)\.){2,50}?\s+(?:wird|wurde)\s+"
        rf"{_ELECTED_NAME}(?:\s*\([^()]{{1,40}}\))?\s+(?:[\w.-]+\s+){{0,6}}?(?:wieder)?gewählt\b"
    ),
    re.compile(
        r"\bgewählt\b[^.;]{0,40}?,\s+(?:ihr|sein|ihre|seine)\s+(?:Stellvertreter(?:in)?"
        rf"|Nachfolger(?:in)?)\s+(?:ist|wird)\s+{_ELECTED_NAME}(?=\s*[.,;]|$)"
    ),
    re.compile(
        rf"(?:^|(?<!\d)[.;!?]\s+){_ELECTED_NAME}\s+(?:wird|wurde)\s+(?:[\w.]+\s+){{0,6}}?"
        r"(?:wieder)?gewählt\b"
    ),
    re.compile(
        rf"\b(?:wird|wurde)\s+{_ELECTED_NAME}\s+(?:zum|zur|als)\s+[^.;]{{2,40}}?\s+"
        r"(?:wieder)?gewählt\b"
    ),
)
"""Who was elected: ``Als Versammlungsleiter wird Rainer Hofmann gewählt``, ``Birgit wurde
wieder als Rechnungsprüferin gewählt``, ``wurde Heinz Terhorst zum Versammlungsleiter
gewählt``, ``Zur Vorsitzenden wurde Irmgard Stolle gewählt, ihr Stellvertreter ist Bernd
Kaltenecker``."""
_NOT_ELECTED = frozenset({
    "Der", "Die", "Das", "Es", "Er", "Sie", "Wer", "Dieser", "Diese", "Zur", "Zum", "Als", "Zu",
    "Vorgeschlagen", "Gewählt", "Einstimmig", "Anschließend", "Danach", "Ebenfalls", "Außerdem",
    "Dann", "Neu", "Wieder",
})  # fmt: skip


def _start(match: re.Match[str]) -> int:
    return match.start(1)


_OFFICE_HOLDER = re.compile(
    r"^\s*(?:\d\.\s+)?([\w.\-/ ]{2,40}?)\s*:\s+((?:(?:Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\w.-]+"
    r"(?:\s+[A-ZÄÖÜ][\w-]+){0,2})(?:\s*\([^()]{1,40}\))?$"
)


def office_holder(text: str) -> str | None:
    """``Schülersprecherin: Mila (4b)``, ``Kassenwart: Florian Merz (einstimmig)``: the person
    named after an office (the office checked), else None."""
    match = _OFFICE_HOLDER.match(text) if ":" in text[:44] else None
    if match is None or not role_word(match.group(1).split()[-1]):
        return None
    return match.group(2)


def elected_in(texts: Iterable[str]) -> list[str]:
    """The people the texts say were elected (a person elected at a meeting took part in it):
    one to three capitalised words that read as a name, in document order."""
    found: list[str] = []
    for text in texts:
        if "gewählt" not in text:
            continue
        matches = sorted((m for pattern in _ELECTED for m in pattern.finditer(text)), key=_start)
        for match in matches:
            name = match.group(1)
            words = name.split()
            if words[0] in _NOT_ELECTED or not plausible_name(name):
                continue
            if any(role_word(w) or not is_name_word(w) for w in words):
                continue  # ``Kassenprüferin wurde …``: an office, not who
            if name not in found:
                found.append(name)
    return found


def attendance_in_sentences(texts: Iterable[str]) -> dict[AttendanceKind, list[str]]:
    """Attendance written as sentences in the text (``Die anwesenden Mitglieder waren Tara,
    Jonas und Lina.``, ``Der Abteilungsvorstand ist vertreten mit Frank Siemers und Anke
    Tiedemann.``, ``Weitere Mitglieder sind Frau Ament und Herr Bohrer.``, ``Entschuldigt
    haben sich Noah und Amira.``, ``Marc Pietsch und Zeynep Yılmaz fehlen entschuldigt.``,
    ``Der Ortsvorsteher Uwe Janke ließ sich entschuldigen.``, ``Als Gäste des Hauptvereins
    werden Thomas Quast und Katrin Behrmann begrüßt.``): the names by kind (``present``,
    ``excused``, ``absent``, ``guests``)."""
    found: dict[AttendanceKind, list[str]] = {}
    for text in texts:
        for kind, triggers, pattern in _LISTED_AFTER:
            if not any(t in text for t in triggers):
                continue
            for match in pattern.finditer(text):
                names = _sentence_names(match.group(1))
                if names:
                    found.setdefault(kind, []).extend(names)
        if "abei " in text:  # ``Dabei waren Irmgard Sölter, Jürgen Pahl, Familie Demir … und ich.``
            for match in _WERE_THERE.finditer(text):
                parts = [n.strip() for n in _AND.split(_AFTER_THE_NAMES.sub("", match.group(1)))]
                names = [n for n in parts if looks_like_name(n) and 2 <= len(n.split()) <= 3]
                if len(names) >= 2:
                    found.setdefault("present", []).extend(names)
        if "ntschuldig" in text:
            for match in _EXCUSED_BY_OPENER.finditer(text):
                names = _sentence_names(match.group(1))
                if names:
                    found.setdefault("excused", []).extend(_without_office(n) for n in names)
            for match in _NAMED_BEFORE.finditer(text):
                listed = _FULL_STOP.split(match.group(1))[-1]  # (the sentence's own names)
                words = listed.split(maxsplit=1)
                if words[0].lower() in _SENTENCE_START and len(words) > 1:
                    listed = words[1]
                names = _sentence_names(listed)
                if names:
                    found.setdefault("excused", []).extend(names)
    return found


_WERE_THERE = re.compile(
    rf"(?:^|[.!?]\s+)(?:Mit\s+)?[Dd]abei\s+(?:waren|sind)\s*:?\s+{_SENTENCE_NAMES}"
)
"""``Dabei waren …``, ``Mit dabei waren …``: those present, the full names among other words
(``ich``, ``Familie Demir aus dem Birkenweg``) where there are at least two (single words could be
groups: ``Kinder und Eltern``)."""
_MEMBERS_INTRO = re.compile(
    r"\b(?:gehören|gehörten|angehören)\b[^.;:]{0,40}?\ban\s*:?$"
    r"|\bMitglieder\s+(?:sind|waren)\s*:?$|^(?:Weitere|Neue)\s+Mitglieder\s*:$"
)
"""A sentence that introduces the members in a list below it: ``Dem neuen Seniorenbeirat
gehören außerdem an:``, ``Weitere Mitglieder sind:``."""


def members_listed(texts: Iterable[str]) -> list[str]:
    """The names listed, one an entry, right below a sentence that introduces members
    (:data:`_MEMBERS_INTRO`): two or three words of a name each."""
    found: list[str] = []
    listing = False
    for text in texts:
        text = text.strip()
        if _MEMBERS_INTRO.search(text):
            listing = True
            continue
        words = text.split()
        if listing and 2 <= len(words) <= 3 and looks_like_name(text):
            if not any(role_word(w) for w in words) and text not in found:
                found.append(text)
            continue
        listing = False
    return found


# --- people named in the prose of the minutes ----------------------------------------------

_CAPITAL = (
    r"[A-ZÄÖÜŠŽČĆŁŚÇŞİ][a-zäöüßéèáàíóúñçćčšžłńśğışăâêôø]+"
    r"(?:-[A-ZÄÖÜŠŽČĆŁŚÇŞİ][a-zäöüßéèáàíóúñçćčšžłńśğışăâêôø]+)?"
)
"""A capitalised word of a name, with the letters of names from other languages
(``Petrović``, ``Yılmaz``, ``Łukasz``)."""
_ACADEMIC = r"(?:(?:Dr\.|Prof\.|Ing\.)\s+){0,2}"
_FULL_NAME = rf"{_ACADEMIC}{_CAPITAL}\s+{_CAPITAL}"
_PARTICLE = r"(?:\s+(?:von|van|de|zu)(?:\s+(?:der|dem|den))?)?"
_TITLED = re.compile(
    rf"\b(?:Herrn?|Frau)\s+{_ACADEMIC}{_CAPITAL}(?:{_PARTICLE}\s+{_CAPITAL})?"
    rf"|(?<![\w.])(?:Dr\.|Prof\.)\s+{_ACADEMIC}{_CAPITAL}(?:\s+{_CAPITAL})?"
)
"""``Herr Brandt``, ``Frau Dr. Albers``, ``Prof. Hanno Weidlich``."""
_OFFICE = re.compile(rf"(?<![\w.-])([A-ZÄÖÜ][a-zäöüß]+)\s+(?=({_FULL_NAME})\b)")
"""An office before a full name (``Bürgermeister Manfred Lenz``); the office is checked."""
_AND_NAME = re.compile(
    rf"(?:\s*\([^()]{{1,60}}\))?(?:\s*,\s*|\s+und\s+|\s+sowie\s+)"
    rf"(?:([A-ZÄÖÜ][a-zäöüß]+)\s+(?={_FULL_NAME}\b))?"
    rf"({_FULL_NAME})\b"
)
"""A name joined to the one before, perhaps after its own office (``und Mitglied Peter Wahl``)
or a bracket (``Pfarrer Jonas Evers (Rastede) und Meike Harms``)."""
_BARE = re.compile(rf"({_FULL_NAME})\b")
_GREETED = re.compile(
    r"\b(?:begrüßt|begrüßte|begrüßen|begrüßten)\s+(.{3,300}?)"
    r"(?:(?<!Dr)(?<!Prof)(?<!Ing)[.;!?](?:\s|$)|$)"
)
_GUEST_LEAD = re.compile(
    r"\b(?:(?:Impuls|Eingangs|Gast)?[Vv]ortrag|(?:Impuls)?[Rr]eferat|Input)\s+(?:von|durch)\s+"
    r"|\b(?:Zu\s+Gast\s+(?:war|waren|ist|sind)|[Aa]ls\s+Gäste?\s+(?:war|waren|ist|sind|anwesend))"
    r"\s+"
    r"|\bDen\s+Auftakt\s+(?:machte|machten|lieferte|lieferten|bildete|bildeten|gab|gaben)\s+"
    r"|\b(?:nahm|nahmen)\s+auch\s+(?=(?:Herr|Frau|Dr\.)\s)"
    r"|\b(?:[Uu]nseren|[Dd]en|[Aa]ls|[Uu]nsere|[Dd]ie)\s+Ehreng(?:ast|äste),?\s+"  # Ehrengast
    r"|\b(?:interessante|viele|neue)\s+Informationen\b[^.;]{0,60}?\bvon\s+(?=[A-ZÄÖÜ][^,]{3,40},"
    r"\s+(?:der|dem|des)\s)"
)
_GUESTS_NAMED = re.compile(
    r"\b(?:[Dd]ie|[Aa]ls|[Uu]nsere)\s+Gäste\s+("
    r"(?:(?:Herrn?|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w\-]+(?:\s*,\s*|\s+und\s+))*"
    r"(?:Herrn?|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w\-]+)"
)
"""``… die Gäste Frau Behrens und Herr Szymański sich vorstellten``: the guests named with
their title right after the word, joined by commas or ``und``."""
_GREETING_ALL = re.compile(
    r"^(?:die|alle|alle\s+die)\s+(?:Anwesenden|Mitglieder|Teilnehmenden|Gäste)\b"
)


def _office_form(word: str) -> bool:
    """An office, also in the dative or plural (``den ausscheidenden Mitgliedern``, ``dem
    Vorsitzenden``)."""
    return (
        role_word(word)
        or (word.endswith("ern") and role_word(word[:-3]))
        or (word.endswith("n") and role_word(word[:-1]))
    )


def _people_in(text: str, any_office: bool = False) -> list[str]:
    """The people a piece of prose names: titled (:data:`_TITLED`), or a full name after an
    office (every capitalised word before it counts as one with ``any_office``, as in a
    greeting: ``unseren Gaupräsidenten Stefan Roth``), with the names joined to it (``Die
    Kassenprüfer Rita Schöll und Hans Popp``), in order."""
    found: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _TITLED.finditer(text)]
    for match in _OFFICE.finditer(text):
        office, name = match.group(1), match.group(2)
        genitive = (  # ``des Schatzmeisters``; not ``unseres Ehrenmitglieds`` (in memoriam)
            office.endswith("s") and not office.endswith("glieds") and role_word(office[:-1])
        )
        if not (any_office or _office_form(office) or genitive) or office in (
            "Herr",
            "Herrn",
            "Frau",
        ):
            continue
        found.append((match.start(2), name))
        end = match.end() + len(name)
        while (more := _AND_NAME.match(text, end)) is not None:
            if more.group(1) and not role_word(more.group(1)):
                found.append((more.start(1), f"{more.group(1)} {more.group(2)}"))  # ``Hans Peter
            else:  # Popp``: three words of a name, no office
                found.append((more.start(2), more.group(2)))
            end = more.end()
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def _full_after_title(name: str) -> bool:
    """``Frau Ilona Pretzsch``, ``Herr Pastor Riekenberg``: a title before a first name or an
    office and a surname (``Herr Brandt``, a title and a surname, is how minutes name speakers,
    counted with them)."""
    title, *rest = name.split()
    words = [w for w in rest if w not in ("Dr.", "Prof.") and w not in NAME_PARTICLES]
    return (
        title in ("Herr", "Frau")  # (not ``Herrn Brandts Antrag``)
        and len(words) == 2
        and is_name_word(words[0])
        and len(words[1]) > 2
        and words[1].replace("-", "").isalpha()  # (not ``Frau Rechtsanwältin Dr``)
    )


_PRESENTED_BY = re.compile(
    r"\b(?:Vorstellung|Präsentation|Einführung|Vortrag|Bericht)\b[^.;]{0,60}?\bdurch\s+"
    rf"({_FULL_NAME})\b(?:\s+und\s+(?:[a-zäöü]\w+\s+)?({_FULL_NAME})\b)?"
)
"""``Nach kurzer Vorstellung des Fachkonzeptes durch Anne Kessler und erweitert Martina Vogt
…``: those who presented."""


def _office_or_plural(word: str) -> bool:
    """``Kassenwartin``, ``Stellvertreterinnen``, ``Sprecher*innen``: an office, also in the
    (gendered) plural."""
    for ending in ("*innen", ":innen", "_innen", "Innen", "innen"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return role_word(word[: -len(ending)])
    return role_word(word)


_OFFICE_WORD = r"([A-ZÄÖÜ][\wäöüß]*(?:[*:_]innen)?)"
_OFFICERS = (
    re.compile(
        r"(?:^|[.!?]\s+)(?:(?:Seine|Ihre|Der|Die|Neuer|Neue)\s+)?" + _OFFICE_WORD
        + r"(?:\s+(?:des|der)\s+[\w*-]+)?\s+(?:bleibt|bleiben|ist|sind|wird|werden)\s+"
        + _SENTENCE_NAMES
    ),
    re.compile(
        r"(?:^|[.!?]\s+)Als\s+" + _OFFICE_WORD + r"\s+(?:fungiert|fungieren|fungierte|amtiert"
        r"|amtieren|amtierte)\s+" + _SENTENCE_NAMES
    ),
    re.compile(
        r"(?:^|[.!?]\s+)(?:Die|Der)\s+(?:[a-zäöü][\wäöüß]*\s+)?" + _OFFICE_WORD
        + r"\s+(?:des|der)\s+[\w*-]+\s+([A-ZÄÖÜ][^.!?;:]{0,200})"
    ),
)  # fmt: skip
"""Officers named after their office in a report (an office held at the meeting):
``Vorsitzender des Vorstands bleibt Hartwig Lüders``, ``Seine Stellvertreterinnen sind Amira
Cordes und Claudia Fehse``, ``Als Kassenwartin fungiert Helga Brünjes``, ``Die seitherigen
Sprecher*innen des Quartiersrates Henrike Vollmer, Detlef Baumann und Uwe Sasse begrüßten …``
(the names up to the verb)."""
_TAKES_ON = re.compile(
    rf"(?:^|[.!?]\s+)({_FULL_NAME})\s+(?:übernimmt|übernahm|behält|wird)\s+(?:weiterhin\s+)?die\s+"
    r"\w*(?:führung|leitung)\s+(?:fortsetzen|fortführen|übernehmen|behalten|weiterführen)?"
)
"""``Birgit Grothmann wird die Schriftführung fortsetzen``, ``Jan Ott übernimmt die
Kassenführung``: an officer named with the office's task."""
_UNTIL_VERB = re.compile(r"\s+(?!und\b|sowie\b|von\b|van\b|de\b)[a-zäöü]")


def officers_named(text: str) -> list[str]:
    """The people a report names as officers (:data:`_OFFICERS`, :data:`_TAKES_ON`)."""
    found: list[str] = []
    for pattern in _OFFICERS:
        for match in pattern.finditer(text):
            if not _office_or_plural(match.group(1)):
                continue
            listed = match.group(2)
            cut = _UNTIL_VERB.search(listed)
            names = _sentence_names(listed[: cut.start()] if cut else listed)
            if names and all(len(n.split()) >= 2 and plausible_name(n) for n in names):
                found += [n for n in names if n not in found]
    for match in _TAKES_ON.finditer(text):
        if plausible_name(match.group(1)) and match.group(1) not in found:
            found.append(match.group(1))
    return found


_BRACKETED_NAMES = re.compile(rf"\(({_FULL_NAME}(?:\s*/\s*{_FULL_NAME})*)\)")
"""``(Nadine Kurz)``, ``(Christa Heim/ Ralf Kober)``: who brought up the topic before it."""
_PLACE_FIRST = frozenset((
    "Haus", "Kita", "Treff", "Schule", "Hof", "Alte", "Alter", "Altes", "Neue", "Neuer", "Neues",
    "Kirche", "Stadt", "Café", "Cafe", "Zentrum", "Garten", "Park", "Platz", "Sankt", "Bad",
))  # fmt: skip
"""First words of a place's name in brackets (``(Haus Regenbogen)``, ``(Alte Post)``)."""
_CAPTION = re.compile(
    r"(?:^|[.!?]\s+)(?:Von\s+links(?:\s+nach\s+rechts)?|v\.\s?l\.(?:\s?n\.\s?r\.)?)\s*:\s+(.+)$"
)
"""A photo caption's ``Von links nach rechts: Doreen Weiß (Kundenbetreuung); Herr Fröhlich
(Leibnizviertel); …``: those in the picture, in a report on the meeting."""
_CAPTION_EXTRA = re.compile(r"\s*\([^()]*\)|\s+[–-]\s+[^;,]*?\s+[–-](?=\s|$)")


def _caption_names(text: str) -> list[str]:
    """The names of a photo caption (:data:`_CAPTION`), their brackets and ``– role –`` gone."""
    match = _CAPTION.search(text) if "links" in text or "v." in text else None
    if match is None:
        return []
    parts = match.group(1).split(";") if ";" in match.group(1) else match.group(1).split(",")
    names: list[str] = []
    for part in parts:
        name = _CAPTION_EXTRA.sub("", part).strip().rstrip(".")
        if name and (plausible_name(name) or _full_after_title(name)) and len(name.split()) <= 4:
            names.append(name)
    return names if len(names) >= 2 else []


_GUESTS_BEFORE = re.compile(
    r"\b(?:war|waren)\s+(?:diesmal\s+|heute\s+|auch\s+)?([^.;:!?]{3,300}?)\s+zu\s+Gast\b"
)
"""``Diesmal waren Herr Kowalski (Schulleitung), Frau Brandes von der Verkehrswacht und
Polizeioberkommissarin Reuter zu Gast.``: the guests named before ``zu Gast``."""
_GUEST_SEPARATOR = re.compile(r"\s*,\s*|\s+und\s+|\s+sowie\s+")
_GUEST_TAIL = re.compile(
    r"\s*\([^()]*\)\s*$|\s+(?:von|vom|aus|der|des)\s+(?:der\s+|dem\s+)?[A-ZÄÖÜ].*$"
)
_TITLED_GUEST = re.compile(rf"(?:Herrn?|Frau)\s+{_ACADEMIC}{_CAPITAL}(?:\s+{_CAPITAL})?")
_OFFICE_GUEST = re.compile(rf"([A-ZÄÖÜ][a-zäöüß]+)\s+({_CAPITAL}(?:\s+{_CAPITAL})?)")


_GUEST_NAME = (
    r"((?:(?:Herrn?|Frau)\s+)?(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?)"
)
_OUTSIDE_BODY = (
    r"(?:\s+(?:vom|von\s+der|von\s+dem|aus\s+dem|aus\s+der)\s+[A-ZÄÖÜ][^,.;:()]{2,60}?"
    r"|\s*,\s+[A-ZÄÖÜ][^,.;:()]{2,60}?,|\s*\([^()]{2,60}\))"
)
_PRESENTING_GUEST = re.compile(
    # ``Frau Heß vom Amt für Grünflächen stellt die drei Entwürfe vor``, ``Grace Okafor, Fachamt
    # Stadtgrün, stellt das Projekt vor``, ``Frau Ahlers (Architekturbüro Nordplan) stellt …``
    rf"(?:^|(?<=[.!?;]\s))(?:Referent(?:in)?\s+)?{_GUEST_NAME}{_OUTSIDE_BODY}\s+"
    r"(?:stellt|stellte|präsentiert|präsentierte)\s+(?!sich\b)[^.;]{0,120}?\bvor\b"
    # ``Zu diesem Tagesordnungspunkt war Herr Kessler vom Landschaftsarchitekturbüro … anwesend``
    rf"|\b(?:war|waren)\s+{_GUEST_NAME}\s+(?:vom|von\s+der|von\s+dem)\s+[^.;]{{2,80}}?\s+anwesend\b"
    # ``Die anwesende Anwältin Frau Dr. Kessler``, ``der anwesenden Frau Görgens``
    r"|\banwesenden?\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:in|er)\s+)?((?:Herrn?|Frau)\s+(?:(?:Dr|Prof)\.\s+)*"
    r"[A-ZÄÖÜ][\w\-]+)"
    # ``Referentin Dörte Lindqvist (Verkehrsverbund)``
    rf"|\bReferent(?:in)?\s+{_GUEST_NAME}(?=\s*[(,]|\s+(?:vom|von|aus)\s)"
)
"""Someone from outside the round who presents a draft or a project, was present for one item,
or speaks as a referent: a guest when the attendance does not list them."""


_OWN_ADMINISTRATION = re.compile(
    r"\b(?:Fachbereich|Fachdienst|Fachamt|Amt|Jugendamt|Sozialamt|Ordnungsamt|Bauamt|Dezernat"
    r"|Referat|Abteilung|Sachgebiet|Verwaltung|Stadtverwaltung|Jugendförderung|Stadtplanung"
    r"|Bauverwaltung|Kreisverwaltung)\b"
)
"""An office of the council's own administration: its staff present an item as members of the
meeting, not as guests."""


def _presenting_guests(text: str) -> list[str]:
    """The guests :data:`_PRESENTING_GUEST` finds in ``text``, in order."""
    names: list[str] = []
    for match in _PRESENTING_GUEST.finditer(text):
        name = next(g for g in match.groups() if g)
        if _OWN_ADMINISTRATION.search(match.group(0)):
            continue  # ``Frau Lenz (Fachbereich Stadtplanung)``: the administration, present
        bare = re.sub(r"^(?:(?:Herrn?|Frau)\s+)?(?:(?:Dr|Prof)\.\s+)*", "", name)
        if bare and looks_like_name(bare) and bare.split()[0] not in _PLACE_FIRST:
            names.append(re.sub(r"^Herrn\b", "Herr", name))
    return names


def _guests_before(text: str) -> list[str]:
    """The people named before ``zu Gast`` (:data:`_GUESTS_BEFORE`): each part of the list a
    title and a name, an office and a name, or a full name (the institution after it
    dropped: ``Frau Brandes von der Verkehrswacht`` → ``Frau Brandes``); a part that is none
    of these (``viele Nachbarn``) ends the list."""
    match = _GUESTS_BEFORE.search(text.replace("**", ""))
    if match is None:
        return []
    names: list[str] = []
    for part in _GUEST_SEPARATOR.split(match.group(1)):
        part = part.strip()
        if part.startswith(("Herr", "Frau")):
            part = _GUEST_TAIL.sub("", part) if " " in part[5:] else part
        else:
            part = _GUEST_TAIL.sub("", part)
        office = _OFFICE_GUEST.fullmatch(part)
        titled = _TITLED_GUEST.fullmatch(part) is not None
        if not (
            titled
            or (office is not None and role_word(office.group(1)))
            or (len(part.split()) == 2 and plausible_name(part))
        ):
            return []
        names.append(part)
    return names


def people_in_prose(texts: Iterable[str]) -> dict[AttendanceKind, list[str]]:
    """People the minutes name in their sentences, by what the sentence makes them: greeted
    (``… begrüßt unseren Bürgermeister Manfred Lenz``), giving a talk (``Impulsreferat von
    Malte Severin``) or ``zu Gast`` → ``guests``; an office and a full name anywhere else
    (``Kassier Bernd Auer trägt … vor``) → ``present``. Each name once, the first kind wins."""
    kinds: dict[str, AttendanceKind] = {}
    for text in texts:
        if "egrüß" in text:
            for match in _GREETED.finditer(text):
                greeted = match.group(1)
                if not _GREETING_ALL.match(greeted):
                    for name in _people_in(greeted, any_office=True):
                        kinds.setdefault(name, "guests")
        if "zu Gast" in text:
            for name in _guests_before(text):
                kinds.setdefault(name, "guests")
        if "Gäste " in text:
            for named in _GUESTS_NAMED.finditer(text):
                for name in re.split(r"\s*,\s*|\s+und\s+", named.group(1)):
                    kinds.setdefault(name, "guests")
        if "vor" in text or "anwesend" in text or "eferent" in text:
            for name in _presenting_guests(text):
                kinds.setdefault(name, "guests")
        for lead in _GUEST_LEAD.finditer(text):
            rest = text[lead.end() : lead.end() + 120]
            bare = None if rest.startswith(("Herr", "Frau", "Dr.", "Prof.")) else _BARE.match(rest)
            for name in [bare.group(1)] if bare else _people_in(rest)[:1]:
                kinds.setdefault(name, "guests")
        for name in _people_in(text):
            titled = name.startswith(("Herr", "Frau"))
            if " " in name and (not titled or _full_after_title(name)):
                kinds.setdefault(name, "present")  # ``Frau Ilona Pretzsch wird … vertreten``
        if "durch " in text:
            for match in _PRESENTED_BY.finditer(text):
                for name in match.groups():
                    if name and plausible_name(name):
                        kinds.setdefault(name, "present")
        for name in officers_named(text):
            kinds.setdefault(name, "present")  # ``Als Kassenwartin fungiert Helga Brünjes``
        if text.count("(") >= 2:
            bracketed = [m.group(1) for m in _BRACKETED_NAMES.finditer(text)]
            if len(bracketed) >= 2:  # ``a) Leseförderung (Nadine Kurz), b) … (Tina Reuter)``
                for group in bracketed:
                    for name in re.split(r"\s*/\s*", group):
                        first = name.split()[0]
                        if first in _PLACE_FIRST or not is_name_word(first):
                            continue  # (the surname may end like a noun: ``Jens Hartung``)
                        if looks_like_name(name):
                            kinds.setdefault(name, "present")
        for name in _caption_names(text):
            kinds.setdefault(name, "present")  # ``Von links nach rechts: …``
    found: dict[AttendanceKind, list[str]] = {}
    for name, kind in kinds.items():
        found.setdefault(kind, []).append(name)
    return found
