"""What an entry's text records: an inline speaker, a decision with its votes, a task.

These are pure functions of an entry's text (and of the participants and the meeting date), so
that reading a protocol's canonical text back gives the same annotations. :func:`annotate`
applies them to a whole protocol; every reader calls it through the layout rules.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple, TypeVar

from protokollkit.dates import LAST_DAYS, MONTHS, WEEKDAY_NUMBERS, find_date
from protokollkit.labels import (
    ATTENDANCE_LABELS,
    DECISION_LABELS,
    NEXT_MEETING,
    NEXT_MEETING_ANYWHERE,
    NEXT_MEETING_AT,
    NEXT_MEETING_QUALIFIED,
    NEXT_MEETING_REPORTED,
    NEXT_MEETING_SENTENCE,
    PRESENT_LABELS,
    TASK_LABELS,
    TASK_TABLE_COLUMNS,
    alternation,
)
from protokollkit.labels import label_key as _fold
from protokollkit.model import (
    AgendaItem,
    Block,
    Decision,
    DecisionResult,
    NextMeeting,
    Person,
    Point,
    Protocol,
    Task,
    names_nobody,
)
from protokollkit.people import (
    HANDLE,
    ParticipantIndex,
    is_name_word,
    office_holder,
    plausible_name,
    role_word,
    split_parens,
)

_T = TypeVar("_T")


class _Needled:
    """A pattern behind a look for the strings every match holds (its *needles*): a text
    without any is answered at once, without the regular expression. Used where a pattern
    that may take long runs on every entry and the needles are rare."""

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.needles = needles

    def _possible(self, text: str) -> bool:
        for needle in self.needles:  # noqa: SIM110 (a loop: no generator for any())
            if needle in text:
                return True
        return False

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self._possible(text) else None

    def split(self, text: str) -> list[str]:
        return self.pattern.split(text) if self._possible(text) else [text]

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._possible(text) else None

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self._possible(text) else text


_FOLDED_APART = ("İ", "ı", "ſ")
"""The characters that ``re.IGNORECASE`` takes for a letter their ``str.lower()`` is not
(``İ``, ``ı`` for ``i``, ``ſ`` for ``s``): where one is in the text, a look for needles in
the lower-case text says nothing."""


def _may_hold(text: str, needles: tuple[str, ...]) -> bool:
    """False only when no needle (lower case) is in the text in any case: the look before a
    pattern with ``re.IGNORECASE`` whose every match holds one of them."""
    low = text.lower()
    for needle in needles:
        if needle in low:
            return True
    return not text.isascii() and any(c in text for c in _FOLDED_APART)


_NAMED_CHARACTER = re.compile(r"\\[xuUN0-7]|\(\?P[<=]")
"""Escapes that name a character by its number or name, and group names: letters that
:func:`_lower_letters` would have to leave as they are."""


def _lower_letters(source: str) -> str:
    """A pattern's source with its letters in lower case, escapes (``\\S``, ``\\b``) kept."""
    if _NAMED_CHARACTER.search(source):
        raise ValueError(f"not for a pattern with named characters or groups: {source}")
    parts = source.split("\\\\")  # (an escaped backslash)
    return "\\\\".join(re.sub(r"\\.|([^\\]+)", _lower_group, part) for part in parts)


def _lower_group(match: re.Match[str]) -> str:
    return match.group().lower() if match.group(1) else match.group()


class _Folded:
    """A pattern with ``re.IGNORECASE``, searched as its twin without the flag (its letters in
    lower case) in the lower-case text: the same matches at the same places (their groups in
    lower case) wherever ``str.lower()`` folds every character as ``re.IGNORECASE`` does, that
    is in every text without one of :data:`_FOLDED_APART` (there the pattern itself is
    searched). Several times faster: the flag folds every character the pattern compares."""

    __slots__ = ("pattern", "twin")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = re.compile(_lower_letters(pattern.pattern), pattern.flags & ~re.IGNORECASE)

    def search(self, text: str, low: str) -> re.Match[str] | None:
        """``pattern.search(text)``; ``low`` is ``text.lower()``."""
        if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
            return self.twin.search(low)
        return self.pattern.search(text)


# --- inline speakers ------------------------------------------------------------------------

_LEAD = re.compile(r"^\s*(?:\[[ xX]\]\s*)?")


def _unlead(text: str) -> str:
    """The text without leading space and checkbox (:data:`_LEAD`)."""
    if text[:1] == "[" or text[:1].isspace():
        return _LEAD.sub("", text, count=1)
    return text


_HANDLE_DASH = re.compile(r"^(@[\w][\w.\-]{0,30})\s*(?:[-–:]\s+|\s+)(?=\S)")
_LABELLED = re.compile(r"^([^:()\[\]]{1,60}?(?:\s*\([^()]{1,60}\))?)\s*:\s+(?=\S)")
_DATE_VALUE = re.compile(
    r"(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)[a-z]*\.?,?\s+(?:den\s+)?)?\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]{2})"
)
"""A value that starts with a date (``11.11.2025``, ``Fr, 12. Dezember``): no speech."""
_LABEL_STOP = re.compile(r"[:()\[\]]")


def _labelled(text: str) -> tuple[str, int] | None:
    """:data:`_LABELLED` matched: (its label, where the text after it starts). A label that
    ends at the first colon is read without the pattern, whose lazy label is slow (``\\s`` is
    ``str.isspace``); one with brackets by the pattern."""
    stop = _LABEL_STOP.search(text)
    if stop is None or stop.start() == 0:
        return None
    colon = stop.start()
    if text[colon] == "(":
        match = _LABELLED.match(text)
        return (match.group(1), match.end()) if match else None
    size = len(text[:colon].rstrip())
    if text[colon] != ":" or size > 60:
        return None
    end = colon + 1
    while end < len(text) and text[end].isspace():
        end += 1
    if end == colon + 1 or end == len(text):
        return None
    return text[: max(1, size)], end


_TOPIC_REPORTER = re.compile(r"^[^()]{1,60}?\s\(([^()]{1,40})\)(?:(?:\s*[:–-])?\s+(?=\S)|\s*:\s*$)")
_AFTER_REPORTER = frozenset(":–-")


def _topic_reporter(text: str) -> re.Match[str] | None:
    """:data:`_TOPIC_REPORTER` matched, after a look at its brackets: the first ``(`` after one
    to 60 characters and a space, its ``)`` within 41 characters, then a space, ``:``, ``–`` or
    ``-`` and more text (most brackets close an entry or stand further on)."""
    start = text.find("(")
    if not 2 <= start <= 61 or not text[start - 1].isspace() or ")" in text[:start]:
        return None
    end = text.find(")", start)
    if not start + 1 < end <= start + 41 or "(" in text[start + 1 : end]:
        return None
    after = text[end + 1 : end + 2]
    heading = text[end + 1 :].strip() == ":"  # ``Stand der Planung (Frau Wiese):`` over a list
    if (len(text) < end + 3 and not heading) or not (after.isspace() or after in _AFTER_REPORTER):
        return None
    return _TOPIC_REPORTER.match(text)


_NAME_JOIN = _Needled(
    re.compile(r"\s*(?:,|&|\+|/|\bund\b|\bu\.)\s*"), (",", "&", "+", "/", "und", "u.")
)


_SPEECH_ACT = re.compile(
    r"(?:(?:Nachfrage|Rückfrage|Frage|Anmerkung|Hinweis|Einwand|Ergänzung|Antwort|Kommentar"
    r"|Wortmeldung|Beitrag|Stellungnahme)\s+(?:vo[nm]\s+)?|(?:Antrag|Vorschlag)\s+vo[nm]\s+)"
    r"(?:(Herrn?|Frau)\s+)?(\S.{0,40})"
)


def _speech_act_speaker(label: str, known: ParticipantIndex) -> Person | None:
    """``Nachfrage Herr Utpatel``, ``Frage von Herrn Utpatel``, ``Anmerkung Lea``, ``Antrag von
    Paul Richter``: what was said and who said it, as the label of an entry."""
    act = _SPEECH_ACT.fullmatch(label.strip()) if label[:1] in "NRFAHEKWBSV" else None
    if act is None:
        return None
    title = "Herr" if act.group(1) in ("Herr", "Herrn") else act.group(1)
    name = f"{title} {act.group(2)}" if title else act.group(2)
    return _speaker_names(name, known)


def _speaker_names(label: str, known: ParticipantIndex) -> Person | None:
    """``Jonas``, ``Herr Brandt``, ``Mia & Tom``, ``Lea (Kasse)`` → a Person, else None."""
    written = label = label.strip()
    if not label:
        return None
    affiliation = None
    split = split_parens(label)
    if split:
        label, affiliation = split
    elif known and (" – " in label or " - " in label):
        name, _, body = label.replace(" - ", " – ", 1).partition(" – ")
        if known.knows(name.strip()) and body.strip():
            return Person(name.strip(), body.strip())  # ``Carola Pieper – Quartiersmanagement:``
    parts = [p for p in _NAME_JOIN.split(label) if p]
    if not parts or len(parts) > 4:
        return None
    for part in parts:
        if known:
            if not known.knows(part) and not (part[:1] == "@" and HANDLE.match(part)):
                return None
        elif not plausible_name(part):
            return None
    folded = _fold(written)  # (after the names: most labels are none)
    if folded in DECISION_LABELS or folded in TASK_LABELS:
        return None
    office = role_word(label) or folded in PRESENT_LABELS or folded in ATTENDANCE_LABELS
    if office and " " not in label and not (known and known.knows(label)):
        return None  # ``Vorsitzende: Ulrike Kessler``, ``Anwesende: siehe Liste``
    return Person(label.lstrip("@") if HANDLE.match(label) else label, affiliation)


_REPORTED_VERBS = (
    "berichtet", "erläutert", "informiert", "stellt", "schlägt", "teilt", "regt", "verweist",
    "erklärt", "fragt", "betont", "ergänzt", "weist", "bittet", "trägt", "führt", "kritisiert",
    "merkt", "spricht", "gibt", "präsentiert", "schildert", "referiert", "bemängelt",
    "beantragt", "dankt", "bedankt", "entgegnet", "sagt", "antwortet", "begrüßt", "bestätigt",
    "beschreibt", "empfiehlt", "plädiert", "appelliert", "wünscht", "möchte", "hält", "sieht",
    "nennt", "zeigt", "kündigt", "macht", "hebt", "fasst", "erinnert", "widerspricht",
    "berichtete", "erläuterte", "informierte", "stellte", "schlug", "teilte", "regte", "verwies",
    "erklärte", "fragte", "betonte", "ergänzte", "wies", "bat", "trug", "führte", "kritisierte",
    "merkte", "sprach", "gab", "präsentierte", "schilderte", "referierte", "bemängelte",
    "beantragte", "dankte", "bedankte", "entgegnete", "sagte", "antwortete", "begrüßte",
    "bestätigte", "beschrieb", "empfahl", "plädierte", "appellierte", "wünschte", "erachtete",
    "hielt", "sah", "nannte", "zeigte", "kündigte", "machte", "hob", "fasste", "erinnerte",
    "widersprach",
    "begründet", "begründete", "moderiert", "moderierte", "legt", "legte", "verliest", "verlas",
    "wirbt", "warb", "resümiert", "resümierte", "bedauert", "bedauerte", "unterstreicht",
    "unterstrich", "lobt", "lobte", "schließt", "schloss", "eröffnet", "eröffnete",
    "hinterfragt", "hinterfragte", "meint", "meinte", "äußert", "äußerte", "fordert", "forderte",
    "mahnt", "mahnte", "wirft", "warf", "hakt", "hakte", "bemerkt", "bemerkte", "verdeutlicht",
    "verdeutlichte", "skizziert", "skizzierte", "bekräftigt", "bekräftigte", "bezweifelt",
    "bezweifelte", "beklagt", "beklagte", "warnt", "warnte", "signalisiert", "signalisierte",
    "kommentiert", "kommentierte", "interessiert", "interessierte",
    "befürwortet", "befürwortete", "ermutigt", "ermutigte", "erkundigt", "erkundigte",
    "gratuliert", "gratulierte", "verabschiedet", "verabschiedete", "unterrichtet", "unterrichtete",
    "wendet", "wandte", "verpflichtet", "verpflichtete", "vereidigt", "vereidigte", "ehrt",
    "ehrte", "überreicht", "überreichte", "bescheinigt", "bescheinigte",
    "verspricht", "versprach", "leitet", "leitete", "lädt", "lud", "bringt", "brachte",
    "bietet", "bot",
)  # fmt: skip
_OFFICES = (
    "Herr", "Frau", "Dr.", "Prof.", "BM", "OB", "GR", "GRin", "SR", "StR", "StRin", "BV", "BVin",
    "Bürgermeister", "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin",
    "Ortsvorsteher", "Ortsvorsteherin", "Stadtrat", "Stadträtin", "Gemeinderat",
    "Gemeinderätin", "Ratsherr", "Ratsfrau", "Pfarrer", "Pfarrerin", "Pastor", "Pastorin",
    "Fr.", "Hr.", "Hrn.", "Pfr.", "Pfrin.", "Mag.", "Dir.", "Dipl.-Ing.", "Ing.", "Diakon",
    "Diakonin", "Dekan", "Dekanin", "Kantor", "Kantorin", "Mitglied", "Vorsitzende",
    "Vorsitzender", "Schulleiter", "Schulleiterin", "Rektor", "Rektorin",
    "Ratsmitglied", "Rh.", "Rf.", "RH", "RF", "Bezirksvorsteher", "Bezirksvorsteherin",
    "Bezirksbürgermeister", "Bezirksbürgermeisterin", "Ortsbürgermeister", "Ortsbürgermeisterin",
)  # fmt: skip
"""Words before a surname in reported speech; abbreviations too (``Fr. Kessler stellt …``,
``Pfr. Wohlfahrt regt an``, ``Frau Mag. Kroneis informiert``)."""
_OFFICE = r"(?:" + "|".join(re.escape(o) for o in _OFFICES) + r")\s+"
_REPORTED = re.compile(
    r"^((?:" + _OFFICE + r")+[A-ZÄÖÜ][\wäöüß'-]+(?:-[A-ZÄÖÜ][\wäöüß-]+)?)"
    r"(?:\s*\(([^()]{1,40})\))?,?\s+(?:" + alternation(_REPORTED_VERBS) + r")\b"
)
"""Reported speech, the way formal minutes name a speaker: ``Frau Okafor berichtet über …``,
``Herr Brandes (Verwaltung) schlägt vor, …``, ``BM Hallwachs stellt fest``, ``Frau Reinholz
erläuterte, dass …``."""
_ROLE_BEFORE_NAME = re.compile(
    r"^(?:Der|Die)\s+[A-ZÄÖÜ][\wäöüß-]+\s+((?:" + _OFFICE + r")+[A-ZÄÖÜ][\wäöüß'-]+)"
    r"(?:\s*\(([^()]{1,40})\))?,?\s+(?:" + alternation(_REPORTED_VERBS) + r")\b"
)
"""``Die Stadtteilmanagerin Frau Jessen (Stadtteilmanagement) gab …``, ``Der Vorsitzende Herr
Vogt eröffnet …``: the speaker's role before the titled name, then the verb."""
_INITIAL_NAMED = re.compile(
    r"^([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ]\.)\s*\(([^()]{1,40})\),?\s+(?:"
    + alternation(_REPORTED_VERBS)
    + r")\b"
)
"""``Heike S. (Familienzentrum) berichtete, …``: a first name with the initial of the surname,
the institution in brackets, then the verb of reported speech."""
_REPORTED_START = tuple(o + " " for o in _OFFICES)
_REPORTED_FIRST = "".join(sorted({o[0] for o in _OFFICES}))
_REPORTED_INVERTED = re.compile(
    r"^(?:[^.;:!?]{0,60}?\s)?(?:"
    + alternation(_REPORTED_VERBS)
    + r")\s+(?:(?:der|die)\s+[\wäöüß-]+,?\s+)?("
    + _OFFICE
    + r"(?:"
    + _OFFICE
    + r")*[A-ZÄÖÜ][\wäöüß'-]+"
    r"(?:\s+[A-ZÄÖÜ][\wäöüß'-]+(?=\s*[,.:(]|\s+(?:vom|von|aus)\s))?)"
    r"(?:\s*\(([^()]{1,40})\))?(?=[\s,.:])"
)
"""``Dazu berichtet Frau Lohmann, dass …``, ``Auf Nachfrage von Frau Henke erläutert Frau
Lohmann …``: the verb before the speaker, in the first words of the entry."""
_INVERTED_NAMED = re.compile(
    r"^(?:[A-ZÄÖÜ][^.;:!?]{0,50}?\s)?(?:"
    + alternation(_REPORTED_VERBS)
    + r")\s+([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)(?=\s*[,:]|\s+(?:vom|von|aus)\s"
    r"|\s+(?:in|mit|zu)\s+(?:seinem|seiner|ihrem|ihrer)\s)"
)
"""``Dazu sagte Klaus Reinhardt, man …``, ``Daran erinnerte Hartwig Lüders in seinem Bericht``:
the verb before a full name (no office before it)."""
_INVERTED_HINT = re.compile(r"\s(?:Herr|Frau|Hr\.|Fr\.|Pfr\.|Dr\.)\s")
"""Every match holds ``Herr``, ``Frau`` or ``r.``: :func:`inline_speaker` looks for those
first."""
_FROM_BODY = (
    r"\s+(?:vom|von\s+der|von\s+dem|aus\s+de[mr])\s+([^,.;:()]{2,50}?),?\s+(?:"
    + alternation(_REPORTED_VERBS)
    + r")\b"
)
"""After a speaker's name: the body they speak for, then a verb of reported speech."""
_REPORTED_FROM = re.compile(r"^((?:" + _OFFICE + r")+[A-ZÄÖÜ][\wäöüß'-]+)" + _FROM_BODY)
"""``Frau Lüdtke vom Stadtteilzentrum stellt … vor``: the body she speaks for after the name."""
_NAMED_FROM = re.compile(r"^([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)" + _FROM_BODY)
"""``Jörg Lenzen vom Bürgerverein Südviertel schlug vor``: a full name, the body after it."""
_REPORTED_ROLE = re.compile(
    r"^([A-ZÄÖÜ][\wäöüß.-]++)\s+([A-ZÄÖÜ][\wäöüß-]++\s+[A-ZÄÖÜ][\wäöüß'-]++)\s+(?:"
    + alternation(_REPORTED_VERBS)
    + r")\b"
)
"""``Kassierer Frank Pauly trug den Kassenbericht vor``: a function, then the full name."""
_REPORTED_BY = re.compile(
    r"^Von\s+((?:" + _OFFICE + r")+[A-ZÄÖÜ][\wäöüß'-]+)(?:\s*\(([^()]{1,40})\))?\s+"
    r"(?:erfolgen|erfolgt|erfolgte|erfolgten|kommen|kommt|kam|kamen)\b"
)
"""``Von Frau Yilmaz erfolgen nochmals Informationen …``: the speaker in the dative."""
_ROLE_TITLES = frozenset(("Präsident", "Präsidentin", "Vorstand", "Obmann", "Obfrau"))
_HAS_PROMISED = (
    r"(?:hat|hatte|haben|hatten)\s+(?:(?!nicht\b)\w+\s+){0,3}?(?:zugesagt|zugesichert)\s*,\s"
)
"""The perfect of a promise, then what is promised: ``hat (bereits) zugesagt, …``, ``hatte
zugesichert, …`` (not ``hat nicht zugesagt, …``; nor ``Der Chor hat zugesagt.`` alone: a
guest's yes, no task)."""
_OFFICE_NAME = r"((?:" + _OFFICE + r")+[A-ZÄÖÜ][\wäöüß'-]+)(?:\s*\([^()]{1,40}\))?"
_COMMITS = re.compile(
    r"(?:^|(?<=[.;!?] ))"
    + _OFFICE_NAME
    + r"(?:\s+(?:vom|von\s+der|von\s+dem|aus\s+de[mr])\s+[\wäöüß-]+(?:\s+[\wäöüß-]+)?"
    r"|,\s+[^,.;]{2,40},)?"  # ``Herr Tiedemann von der Verwaltung``, ``Herr Obert, Hochbau,``
    r"\s+(?:(?:sagt|sagte|sichert|sicherte)\s+(?:\w+\s+){0,3}?zu\b|" + _HAS_PROMISED + ")"
)
"""``Frau Schaible sagt zu, dies bis zur nächsten Sitzung zu prüfen``, ``Frau Lenz hat
zugesagt, …``: she takes it on."""
_BODY_COMMITS = re.compile(
    r"(?:^|(?<=[.;!?] ))(?:Der|Die|Das)\s+([A-ZÄÖÜ][\w-]+)\s+(?:(?:sagt|sagte|sichert|sicherte)"
    r"\s+(?:\w+\s+){0,3}?zu\b|" + _HAS_PROMISED + ")"
)
"""``Die Verwaltung sagt zu, die Flyer … zu verschicken``, ``Der Bgm sagt zu, …``, ``Die
Hausverwaltung hat zugesagt, …``: an office or body takes it on."""
_FOLLOWS_UP = re.compile(
    r"(?:^|(?<=[.;!?] ))" + _OFFICE_NAME + r"\s+(?:fragt|fragte|hakt|hakte)\b[^.;]{0,80}?\bnach\b"
)
"""``Herr Kessler fragt bis zum 15.09.2024 noch einmal nach``: with a date, a task of his."""


def _reported_otherwise(text: str) -> Person | None:
    """``Von Frau Yilmaz erfolgen …``, ``Kassierer Frank Pauly trug … vor``: reported speech
    with the speaker in the dative or after a function word."""
    if text.startswith("Von "):
        by = _REPORTED_BY.match(text)
        return Person(by.group(1), by.group(2)) if by else None
    first = text[:1]
    if not first.isupper():
        return None
    if text.startswith(("Der ", "Die ")):  # ``Der Vorstandsvorsitzende Gerd Hanisch legte …``
        text = text[4:]
    space = text.find(" ")
    if space < 4 or not (role_word(text[:space]) or text[:space] in _ROLE_TITLES):
        return None
    role = _REPORTED_ROLE.match(text)
    if role is None or not all(plausible_name(w) for w in role.group(2).split()):
        return None
    return Person(role.group(2), role.group(1))


_OPINION_VERBS = ("fand,", "findet,")
"""``Emil Hoffmeister fand, dass …``: an opinion, reported; only before its comma (``Das Fest
fand im Mai statt`` is no speech)."""
_VERB_SET = frozenset(
    (*_REPORTED_VERBS, *(verb + "," for verb in _REPORTED_VERBS), *_OPINION_VERBS)
)
"""The verbs of reported speech, also before a comma (``Kilian bittet, ob …``)."""
_OPINION = re.compile(
    r"^(\S+(?:\s+\S+){0,2}?)\s+(?:ist|war|sind|waren)\s+der\s+(?:Meinung|Ansicht|Auffassung)\b"
)
"""``Lea Brandt war der Meinung, dass …``: one to three words, then an opinion held."""
_OPINION_WORDS = ("fand", "findet", "meinung", "ansicht", "auffassung")
"""The words of :data:`_OPINION_VERBS` and :data:`_OPINION` in lower case, for :func:`_scan`."""
_NOT_SPEAKERS = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "dies", "diese",
    "dieser", "dieses", "jeder", "jede", "alle", "beide", "man", "sie", "er", "es", "wir", "ihr",
    "ich", "du", "niemand", "jemand", "keiner", "hier", "da", "dort", "so", "nun", "zum", "zur",
    "im", "am", "vom", "beim", "auch", "nur", "weiterhin", "ferner", "zunächst", "schließlich",
    "abschließend", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf", "mehrere", "viele", "einige", "text",
))  # fmt: skip
"""Words that start a sentence but name nobody (``Diese Woche gibt es …``, ``Elf Teilnehmer
…``, ``Text: …``)."""


def reports_speech(text: str) -> bool:
    """A verb of reported speech among the first words (``Herr Feddersen, eröffnet die
    Sitzung …``): a sentence, not a speaker's affiliation."""
    return any(word in _VERB_SET for word in text.split(None, 5)[:5])


def _office_word(word: str) -> bool:
    """``Frau``, ``Pfr.``, ``Ratsmitglied``, ``Gemeinderätin``, ``RF``, ``FBL``, ``GRin``: a
    title, an office or its abbreviation in capitals before a name."""
    if word in _OFFICES or role_word(word):
        return True
    letters = word[:-2] if word.endswith("in") else word
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


_JOINED_NAMES = re.compile(
    r"^((?:(?:Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)\s+und\s+"
    r"((?:(?:Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+),?\s+(\w+)\b"
)
"""``Jörg Kaminski und Aylin Sert stellten … vor``: two people named in full, then a verb."""


def _plural(verb: str) -> str:
    """``stellte`` → ``stellten``, ``berichtet`` → ``berichten``, ``stellt`` → ``stellen``."""
    if verb.endswith("e"):
        return verb + "n"
    if verb.endswith("et"):
        return verb[:-1] + "n"
    return verb[:-1] + "en" if verb.endswith("t") else verb + "en"


_PLURAL_SPEECH = frozenset(_plural(v) for v in _REPORTED_VERBS if v.endswith(("e", "t")))
"""The verbs of reported speech in the plural (``stellten … vor``, ``berichten``), for two
speakers joined by ``und`` (:func:`_joined_speakers`)."""


def _joined_speakers(sentence: str, known: ParticipantIndex) -> Person | None:
    """Two speakers joined by ``und`` before a verb of reported speech in the plural: one
    entry's speaker, both names (``Jörg Kaminski und Aylin Sert``)."""
    joined = _JOINED_NAMES.match(sentence)
    if joined is None or joined.group(3) not in _PLURAL_SPEECH:
        return None
    first, second = joined.group(1), joined.group(2)
    if all(_office_or_name(n) or known.knows(n) for n in (first, second)):
        return Person(f"{first} und {second}")
    return None


_PARTY_AFTER_NAME = re.compile(
    r"^((?:Herrn?|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w'-]+)\s+\(([^()]{1,30})\)(\s+[a-zäöüß]\S*.*)$",
    re.DOTALL,
)
"""``Frau Soltau (CDU) sieht …``: a titled name, the party or body in brackets, the verb."""


def _named_speaker(sentence: str, known: ParticipantIndex) -> Person | None:
    """``Josef Reischl bittet …``, ``Rosa schlägt vor …``, ``RF Könemann bittet …``,
    ``Ratsmitglied Carina Dörr fragt …``: one to three words naming a person, then a verb of
    reported speech. One word alone needs to be a participant's name; an office or title
    before the name, or two name words, count without."""
    if not sentence[:1].isupper():
        return None
    party = _PARTY_AFTER_NAME.match(sentence) if " (" in sentence[:50] else None
    if party:  # ``Frau Schulte-Berning (CDU) erwähnt …``: the name without its party
        named = _named_speaker(party.group(1) + party.group(3), known)
        return Person(named.name, party.group(2)) if named else None
    if " und " in sentence[:60]:
        joined = _joined_speakers(sentence, known)
        if joined is not None:
            return joined
    words = sentence[:80].split(None, 4)
    if words and words[0] in _SENTENCE_OPENERS:
        return _opener_inverted(sentence)
    count = len(words)
    if count > 1 and words[1] in _VERB_SET:
        n = 1
    elif count > 2 and words[2] in _VERB_SET:
        n = 2
    elif count > 3 and words[3] in _VERB_SET:
        n = 3
    elif (opinion := _OPINION.match(sentence[:80])) is not None:
        n = len(opinion.group(1).split())
    else:
        return None
    names = words[:n]
    if any(not w[:1].isupper() or not w.rstrip(".").replace("-", "").isalpha() for w in names):
        return None
    name = " ".join(names)
    if any(w.lower() in _NOT_SPEAKERS for w in names) or _fold(name) in DECISION_LABELS:
        return None
    if known and (known.knows(name) or all(known.knows(w) for w in names)):
        return Person(name)
    if n > 1 and _office_word(names[0]) and all(is_name_word(w) for w in names[1:]):
        return Person(name)
    if n == 2 and plausible_name(name) and _surname(names[1], names[0]):
        return Person(name)
    if n == 1 and not known.tokens and _first_name_alone(name) and _subject_first(words):
        return Person(name)
    return None


def _surname(word: str, before: str) -> bool:
    """The second word of a name: no office, or a surname on ``-meister`` after a first name
    (``Emil Hoffmeister``, not ``Herr Bürgermeister``)."""
    return not _office_word(word) or (
        word.endswith("meister") and word != "Bürgermeister" and not _office_word(before)
    )


_INVERTED_SUBJECT = frozenset(("es", "sie", "er", "wir", "ich", "man", "ihr", "du"))
"""A pronoun after the verb that is the subject itself (``Leider gab es …``, ``Gleichzeitig
verabschiedete sie …``): the word before the verb was an adverb, not a name."""
_SENTENCE_ADVERBS = frozenset((
    "Leider", "Darauf", "Daraufhin", "Kurz", "Ergänzend", "Gleichzeitig", "Zusätzlich",
    "Schließlich", "Letztlich", "Ebenso", "Ebenfalls", "Weiterhin", "Zuerst", "Dann", "Jetzt",
    "Heute", "Derzeit", "Aktuell", "Bisher", "Insgesamt", "Trotzdem", "Dennoch", "Deshalb",
    "Daher", "Somit", "Allerdings", "Nochmals", "Erneut", "Wiederum", "Zuletzt", "Bereits",
    "Inzwischen", "Mittlerweile", "Gerne", "Gern", "Hier", "Damit", "Dafür", "Dabei",
    "Natürlich", "Selbstverständlich", "Sicherlich", "Vielleicht", "Offenbar", "Besonders",
    "Daran", "Darüber", "Davon", "Darum", "Deswegen",
))  # fmt: skip
"""Adverbs that open a sentence before its verb (German puts the verb second)."""


def _subject_first(words: list[str]) -> bool:
    """The word before the verb is its subject: no sentence adverb, and the verb is not
    followed by a pronoun, a title or an office (``Dort antwortet Herr Baran``)."""
    after = words[2] if len(words) > 2 else ""
    return (
        words[0] not in _SENTENCE_ADVERBS
        and after.lower() not in _INVERTED_SUBJECT
        and not (after[:1].isupper() and _office_word(after))
    )


def _first_name_alone(word: str) -> bool:
    """``Anke erläutert …``, ``Klaus-Peter eröffnet …`` in minutes that list nobody: a first
    name alone before a verb of reported speech is that person (with a list, a single word has
    to be on it). Not an office, a title or a word that reads as a German noun."""
    return (
        3 <= len(word) <= 14
        and word[:1].isupper()
        and not word.isupper()
        and is_name_word(word)
        and not _office_word(word)
    )


_SENTENCE_OPENERS = frozenset((
    "Zu", "Im", "In", "Am", "Nach", "Vor", "Bei", "Zum", "Zur", "Auf", "Aus", "Mit", "Unter",
    "Über", "Seit", "Ab", "Beim", "Vom", "Danach", "Anschließend", "Abschließend", "Dazu",
    "Zunächst", "Außerdem", "Zudem", "Hierzu", "Daraufhin", "Ferner", "Sodann",
))  # fmt: skip
"""Words that open a sentence with an adverbial, never a name (``Zu Anfang bittet …``)."""
_OPENER_INVERTED = re.compile(
    r"^\S+(?:\s+[^\s,;:]+){0,9}?\s+(?:" + alternation(_REPORTED_VERBS) + r")\s+"
    r"([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)(?=[,.:;]|\s+[a-zäöü]|$)"
)


def _opener_inverted(sentence: str) -> Person | None:
    """``Aus dem Regionalausschuss berichtet Jens Mölders, dass …``, ``Zu Anfang bittet Sabine
    Kortmann …``: an adverbial first, then the verb, then the speaker's full name."""
    match = _OPENER_INVERTED.match(sentence[:120])
    if match is None:
        return None
    name = match.group(1)
    first, last = name.split()
    if _office_word(first) or first.lower() in _NOT_SPEAKERS or not plausible_name(name):
        return None
    return Person(name) if is_name_word(last) else None


_APPOSITION = re.compile(
    r"^(?:Der|Die)\s+([\wäöüß-]+)(?:\s+[^,.;!?]{1,40}?)?,\s+((?:Herr|Frau|Dr\.|[A-ZÄÖÜ][\wäöüß-]+)\s+[A-ZÄÖÜ][\wäöüß'-]+"
    r"(?:\s+[A-ZÄÖÜ][\wäöüß'-]+)?)(?:\s*\([^()]{1,30}\))?,?\s+(?:"
    + alternation(_REPORTED_VERBS)
    + r")\b"
)
"""``Der Vorsitzende, Herr Feddersen, eröffnet …``, ``Der Vorsitzende, Ortsbürgermeister
Markus Engelhardt, eröffnet …``, ``Der Bezirksvorsteher, Herr Henning Kahlert (SPD),
verpflichtet …``: the name between commas after the office (the closing comma may be missing:
``Die Bauamtsleiterin, Kerstin Marquardt begrüßte …``)."""
_NAMED_APPOSITION = re.compile(
    r"^([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+),\s+[^,.;:!?]{2,80}?,\s+(?:"
    + alternation(_REPORTED_VERBS)
    + r")\b"
)
"""``Mirko Albers, Quartiersmanager und neuer Leiter des Quartiersbüros, stellte sich … vor``:
a full name, what the person is between commas, then a verb of reported speech."""


def _inverted_office(sentence: str) -> Person | None:
    """:data:`_INVERTED_OFFICE_NAMED`: the office a word of a function, the name's words names."""
    office = _INVERTED_OFFICE_NAMED.match(sentence)
    if (
        office
        and role_word(office.group(1))
        and all(_name_like(w) for w in office.group(2).split())
    ):
        return Person(office.group(2), office.group(1))
    return None


def _later_speaker(sentence: str, known: ParticipantIndex) -> Person | None:
    """A speaker a sentence names with more than a verb after the name: in an apposition
    (:data:`_APPOSITION`, :data:`_NAMED_APPOSITION`), after the verb (:data:`_INVERTED_NAMED`)
    or with the body spoken for (``Anna-Lena Huber vom Helferkreis Oberhausen berichtete …``,
    :data:`_NAMED_FROM`)."""
    if ", " in sentence[:60]:
        if sentence.startswith(("Der ", "Die ")):
            apposition = _APPOSITION.match(sentence)
            if (
                apposition
                and _office_or_name(apposition.group(2))
                and (  # ``Die Sprecherin auf Mieter:innenseite, Olga Petrenko, eröffnete …``
                    sentence[len(apposition.group(1)) + 4] == "," or role_word(apposition.group(1))
                )
            ):
                return Person(apposition.group(2), apposition.group(1))
        named = _NAMED_APPOSITION.match(sentence)
        after = sentence[named.end() :].split(None, 1)[:1] if named else []
        if (
            named
            and _office_or_name(named.group(1))
            and not _office_word(named.group(1).split()[0])
            and not (after and after[0].lower() in _INVERTED_SUBJECT)  # ``…, gab es auch``
        ):
            return Person(named.group(1))
    if sentence[:1].isupper() and not _VERB_SET.isdisjoint(sentence.split()[1:8]):
        inverted = _INVERTED_NAMED.match(sentence)  # ``Daran erinnerte Hartwig Lüders in …``
        if inverted and plausible_name(inverted.group(1), known):
            return Person(inverted.group(1))
        office = _inverted_office(sentence)  # ``… stellte Kreispfarrerin Anja Rosenthal …``
        if office is not None:
            return office
    if " vo" in sentence[:40] or " aus " in sentence[:40]:
        named = _NAMED_FROM.match(sentence)
        if (
            named
            and named.group(1).split()[0].lower() not in _NOT_SPEAKERS
            and plausible_name(named.group(1), known)
        ):
            return Person(named.group(1), named.group(2))
    return None


def _office_or_name(name: str) -> bool:
    """``Herr Feddersen``, ``Ortsbürgermeister Markus Engelhardt``, ``Anna Berg``: a title or
    an office before a name, or a name."""
    words = name.split()
    if words[0] in ("Herr", "Frau", "Dr.") or _office_word(words[0]):
        return all(is_name_word(w) for w in words[1:])
    return len(words) > 1 and words[0].lower() not in _NOT_SPEAKERS and plausible_name(name)


def _sentence_speaker(text: str, known: ParticipantIndex, verb: bool = True) -> Person | None:
    """The speaker a sentence of the entry names at its start (the first sentence, then the
    later ones: ``Rückblick: Das Fest war gut besucht. Ludwig Kainz berichtet, dass …``).

    ``verb`` False: the entry holds no verb of reported speech (:attr:`_Scan.speech_verb`),
    so no sentence names a speaker (no word of :data:`_VERB_SET` among its words); only the
    first 80 characters of a longer text that :func:`_named_speaker` splits may end in part
    of a word that is one."""
    if not verb and len(text) <= 80:
        return None
    speaker = _named_speaker(text, known)
    if speaker is not None:
        return speaker
    if (
        not verb
        or (". " not in text and "; " not in text and ", " not in text[:40])
        or (_VERB_SET.isdisjoint(words := text.split()) and _PLURAL_SPEECH.isdisjoint(words))
    ):
        return None  # fast path: no later sentence or apposition, or no verb of reported speech
    speaker = _later_speaker(text, known)
    if speaker is not None:
        return speaker
    starts = _clause_starts(text) if "; " in text else _sentence_starts(text)
    for start in starts:
        sentence = text[start : start + 120]
        reported = _REPORTED.match(sentence) if sentence.startswith(_REPORTED_START) else None
        if reported is None and sentence.startswith(_REPORTED_START) and " vo" in sentence:
            reported = _REPORTED_FROM.match(sentence)  # ``Herr Lindemann vom Beirat schlug …``
        if reported:
            return Person(reported.group(1), reported.group(2))
        special = _special_speaker(sentence, True) if _ORDINAL.match(sentence) else None
        if special is not None:
            return special  # ``Erster Bürgermeister Anton Reischl dankte …``
        speaker = _named_speaker(sentence, known) or _later_speaker(sentence, known)
        if speaker is not None:
            return speaker
    return None


def sentence_speakers(text: str) -> list[str]:
    """The full names every sentence of an entry names as its speaker (an entry records one
    speaker, a report's paragraph may hold several: ``Bürgermeisterin X begrüßte … Mit einer
    Vorstellung … leitete Jonas Pfeiffer, Sachgebietsleiter …, die Konferenz ein.``)."""
    if ". " not in text:
        return []
    words = text.split()
    held = "sieht auch " in text or "Für Herrn " in text or "Für Frau " in text
    if _VERB_SET.isdisjoint(words) and _PLURAL_SPEECH.isdisjoint(words) and not held:
        return []
    nobody = ParticipantIndex(())
    names: list[str] = []
    clauses = (m.end() for m in _TITLED_CLAUSE.finditer(text)) if ", " in text else ()
    for start in (0, *_sentence_starts(text), *clauses):
        sentence = text[start : start + 160]
        speaker = (
            _special_speaker(sentence, False)  # (``Dies sieht auch Frau X so``: not ``Dies``)
            or _named_speaker(sentence, nobody)
            or _later_speaker(sentence, nobody)
        )
        if speaker is not None and len(speaker.name.split()) >= 2 and speaker.name not in names:
            names.append(speaker.name)
    for trailing in _SPEAKER_AT_THE_END.finditer(text) if ", " in text else ():
        if trailing.group(1) not in names:  # ``…, erläutert Frau Hengsbach.``
            names.append(trailing.group(1))
    return names


_TITLED_CLAUSE = re.compile(r", (?=(?:Herr|Frau) [A-ZÄÖÜ])")
"""Where a clause that starts with a titled name starts (``…, Frau Schulte-Berning (CDU)
erwähnt …``)."""
_SPEAKER_AT_THE_END = re.compile(
    r", (?:erläutert|erklärt|ergänzt|betont|antwortet|entgegnet|meint|sagt|berichtet)"
    r" ((?:Herr|Frau) (?:Dr\. )?[A-ZÄÖÜ][\w'-]+)[.;]"
)
"""``…, erläutert Frau Hengsbach.``: the speaker named after the verb at the sentence's end."""


_FIRST_NAME_AFTER = re.compile(
    r"^[A-ZÄÖÜ][^.;:!?]{0,60}?\s(?:" + alternation(_REPORTED_VERBS) + r")\s+"
    r"([A-ZÄÖÜ][\wäöüß'-]+)(?=\s+[a-zäöü]|\s*[,.]|$)"
    r"|^[A-ZÄÖÜ][^.;:!?]{0,60}?\s(?:wird|wurde)\s+von\s+([A-ZÄÖÜ][\wäöüß'-]+)\s+"
    r"(?:vorgetragen|vorgestellt|verlesen|erläutert|gegeben|erstattet)\b"
)
"""``Für den Männerchor berichtet Egon gewohnt ausführlich``, ``Der Bericht des Rechners wird
von Matthias vorgetragen``: a first name after the verb, or the one a report is given by."""


def _first_name_after(text: str, known: ParticipantIndex) -> Person | None:
    """The first name a sentence names after its verb of reported speech, in minutes that
    list nobody (:func:`_first_name_alone` for the name)."""
    if known.tokens:
        return None
    for start in (0, *_sentence_starts(text)):
        match = _FIRST_NAME_AFTER.match(text[start : start + 160])
        if match:
            name = match.group(1) or match.group(2)
            if _first_name_alone(name) and name.lower() not in _NOT_SPEAKERS:
                return Person(name)
    return None


def _sentence_starts(text: str) -> Iterator[int]:
    """Where the sentences after the first start: after a word and ``. `` (not after a number:
    ``am 21. Juli``), at a capital letter."""
    end = text.find(". ")
    while end != -1:
        start = end + 2
        if text[start : start + 1].isupper() and _ends_sentence(text, end):
            yield start
        end = text.find(". ", start)


def _ends_sentence(text: str, end: int) -> bool:
    """The mark at ``end`` closes a sentence: it follows a word, a word in brackets or quotes
    (``(siehe Bilder).``) or a year (``… für 2025.``), not a day (``am 21. Juli``)."""
    return (
        text[end - 2 : end].isalpha()
        or (
            text[end - 1 : end] in ')“"' and text[end - 3 : end - 1].isalpha()
        )  # ``(siehe Bilder).``
        or (text[end - 4 : end].isdigit() and not text[end - 5 : end - 4].isalnum())
    )


def _clause_starts(text: str) -> list[int]:
    """Where the sentences after the first (and clauses after ``; ``) start: after a word and
    ``. `` (not after a number: ``am 21. Juli``), at a capital letter; in the order of the text."""
    starts: list[int] = []
    for mark in (". ", "; "):
        end = text.find(mark)
        while end != -1:
            start = end + 2
            if text[start : start + 1].isupper() and _ends_sentence(text, end):
                starts.append(start)
            end = text.find(mark, start)
    if len(starts) > 1:
        starts.sort()
    return starts


_QUOTED_BY = re.compile(
    r"\((?:Zitat|O-Ton)\s+((?:(?:Herrn?|Frau|Dr\.)\s+)+[A-ZÄÖÜ][\wäöüß'-]+"
    r"|[A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)\)"
)
"""``„…“ (Zitat Frau Okafor)``: the one quoted is the speaker."""
_ORDINAL = re.compile(r"^(?:Erste[rn]?|Zweite[rn]?|Dritte[rn]?)\s+(?=[A-ZÄÖÜ])")
"""``Erster Bürgermeister …``, ``Zweite Vorsitzende …``: an ordinal in words before an office
(``2. Vorsitzende`` at the start of a line is read by the layout first)."""
_REPORTING_VERBS = (
    "trug", "trägt", "stellte", "stellt", "berichtete", "berichtet", "erläuterte", "erläutert",
    "erklärte", "erklärt", "informierte", "informiert", "referierte", "referiert",
    "präsentierte", "präsentiert", "bescheinigte", "bescheinigt",
)  # fmt: skip
"""Verbs whose subject may follow them with an office (``trug die Vorsitzende X vor``); not
those of greeting or thanking, whose object follows the subject (``begrüßt der Vorsitzende
Hanna Claußen``)."""
_INVERTED_OFFICE = re.compile(
    r"^(?:[^.;:!?]{0,60}?\s)?(?:" + alternation(_REPORTING_VERBS) + r")\s+(?:der|die)\s+"
    r"([A-ZÄÖÜ][\wäöüß-]+)\s+([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)(?=\s+[a-zäöü]|\s*[,.:(])"
)
"""``Den Tätigkeitsbericht trug die Vorsitzende Dorothee Lambrecht vor``: the verb, then an
office and a full name."""


_OBJECT_FIRST = frozenset((
    "begrüßt", "begrüßte", "dankt", "dankte", "bedankt", "bedankte", "verpflichtet",
    "verpflichtete", "vereidigt", "vereidigte", "ehrt", "ehrte", "verabschiedet",
    "verabschiedete", "gratuliert", "gratulierte", "überreicht", "überreichte", "ermutigt",
    "ermutigte", "lädt", "lud", "unterrichtet", "unterrichtete", "informiert", "informierte",
    "bescheinigt", "bescheinigte", "interessiert", "interessierte", "fragt", "fragte",
    "bittet", "bat", "lobt", "lobte", "erinnert", "erinnerte", "wendet", "wandte",
))  # fmt: skip
"""Verbs whose object may follow them right away (``Anschließend verpflichtete Präsident X
die neuen Synodalen`` is the subject, ``… begrüßte Bürgermeister X …`` may be the object)."""
_ADVERBIAL_OPENER = (
    r"(?:Im|Am|In|An|Auf|Nach|Vor|Mit|Zum|Zur|Unter|Bei|Beim|Danach|Anschließend|Dazu|Daraufhin"
    r"|Zunächst|Abschließend|Außerdem|Ferner|Zudem|Hierzu|Darauf|Dann|Seitens|Für|Aus|Über|Als"
    r"|Während|Zu|Zuvor|Schließlich|Eingangs|Einleitend)\b"
)
"""The words an adverbial starts with: before the verb, they leave the subject after it."""
_INVERTED_OFFICE_NAMED = re.compile(
    r"^"
    + _ADVERBIAL_OPENER
    + r"(?:[^.;:!?]{0,160}?\s)?(?:"
    + alternation(sorted(set(_REPORTED_VERBS) - _OBJECT_FIRST))
    + r")\s+([A-ZÄÖÜ][\wäöüß-]+)\s+([A-ZÄÖÜ][\wäöüß'-]+\s+[A-ZÄÖÜ][\wäöüß'-]+)"
    r"(?=\s+[a-zäöü]|\s*[,.:(])"
)
"""``Im Gottesdienst stellte Kreispfarrerin Anja Rosenthal … die Frage …``, ``… eröffnete
Synodenpräsident Hinrich Ahlers die Beratungen``: the verb, then an office and a full name
(without an article: the subject; ``begrüßte der Vorsitzende X`` is :data:`_INVERTED_OFFICE`),
after an adverbial (``Die Vorsitzende stellte Pfarrerin X vor``: X the object)."""


def _name_like(word: str) -> bool:
    """A capitalised word that can be part of a name (``Lambrecht``, ``Kai-Uwe``): no office,
    no word of speech."""
    parts = word.split("-")
    return (
        all(p[:1].isupper() and p[1:].islower() for p in parts)
        and not _office_word(word)
        and word.lower() not in _NOT_SPEAKERS
    )


_VIEW_HELD = re.compile(
    r"^(?:Für\s+((?:Herrn|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w'-]+)(?=\s+(?:\(|ist\b|war\b|sind\b))"
    r"|(?:Dies|Das)\s+(?:sieht|sah|sehen)\s+auch\s+((?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w'-]+))"
    r"(?:\s+\(([^()]{1,30})\))?"
)
"""A view held by someone: ``Für Herrn Gottschalk (SPD) ist es ein Strukturproblem``, ``Dies
sieht auch Frau Schäfer (SPD) so``."""
_HERRN = re.compile(r"^Herrn\s+")


def _special_speaker(text: str, verb: bool) -> Person | None:
    """A speaker quoted (``(Zitat Frau Okafor)``), after an ordinal office (``Erster
    Bürgermeister Anton Reischl dankte …``) or after the verb with an office (``… trug die
    Vorsitzende Dorothee Lambrecht vor``)."""
    if "(Zitat " in text or "(O-Ton " in text:
        quoted = _QUOTED_BY.search(text)
        if quoted:
            return Person(quoted.group(1))
    if text.startswith(("Für ", "Dies ", "Das ")):
        held = _VIEW_HELD.match(text)
        if held:
            return Person(_HERRN.sub("Herr ", held.group(1) or held.group(2)), held.group(3))
    if not verb:
        return None
    ordinal = _ORDINAL.match(text)
    if ordinal:
        rest = text[ordinal.end() :]
        first = rest.split(maxsplit=1)[0]
        if _office_word(first) or role_word(first):
            return _named_speaker(rest, ParticipantIndex(()))
    inverted = _INVERTED_OFFICE.match(text[:120])
    if inverted and (_office_word(inverted.group(1)) or role_word(inverted.group(1))):
        name = inverted.group(2)
        if all(_name_like(w) for w in name.split()):
            return Person(name, inverted.group(1))
    return None


def inline_speaker(text: str, known: ParticipantIndex, scan: _Scan | None = None) -> Person | None:
    """Who an entry says spoke: ``Jonas: …``, ``@kiki - …``, ``Finanzen (Ute) …``,
    ``Frau Okafor berichtet …``, ``Rosa schlägt vor …`` (a sentence of it), ``Der Bericht wird
    von Matthias vorgetragen`` (:func:`_passive_speaker`)."""
    found = _inline_speaker(text, known, scan)
    if found is None and ("von " in text or "durch " in text):
        found = _passive_speaker(text, known)
    if found is None and ("“" in text or '"' in text or ", " in text):
        found = _attributed_speaker(text, known)
    return found


_ATTRIBUTED = re.compile(
    r"(?:[,“\"]|[.!?][“\"]?)\s*(?:erklärte|erklärt|betonte|betont|sagte|sagt|ergänzte|ergänzt"
    r"|unterstrich|meinte|meint|berichtete|so)\s+(?:(?:der|die)\s+)?"
    r"(?:(?:[A-ZÄÖÜ][\wäöüß-]*(?:in|er|ent|or|wart|meister)|Vorsitzende[rn]?)"
    r"(?:\s+(?:des|der)\s+[A-ZÄÖÜ][\wäöüß-]+)?\s+)?"
    r"(?P<name>(?:(?:Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\wäöüß-]+\s+[A-ZÄÖÜ][\wäöüß-]+)"
    r"(?=\s*[.,;]|\s+(?:bei|in|im|am|auf|zum|zur|während|nach|vor)\b|\s*$)"
)
"""``„…“, erklärte der Vorsitzende des Gremiums Gerhard Pohlmann.``, ``…, betonte Bürgermeister
Tobias Vahlenkamp bei der Unterzeichnung``: a quotation or reported words attributed after the
fact – the speaker, by a full name (an office before it)."""


def _attributed_speaker(text: str, known: ParticipantIndex) -> Person | None:
    """The speaker :data:`_ATTRIBUTED` names, when the words are a person's name."""
    match = _ATTRIBUTED.search(text) if _ATTRIBUTION_HINT.search(text) else None
    if match is None:
        return None
    name = match.group("name")
    bare = name.split(maxsplit=1)[1] if name.startswith(("Herr ", "Frau ", "Dr. ")) else name
    if not plausible_name(bare, known) or bare.split()[0].lower() in _NOT_SPEAKERS:
        return None
    return Person(name)


_ATTRIBUTION_HINT = re.compile(
    r"\b(?:erklärte|erklärt|betonte|betont|sagte|sagt|ergänzte|ergänzt|unterstrich|meinte|meint"
    r"|berichtete|so)\s"
)


_PASSIVE_PARTICIPLES = (
    "vorgetragen", "verlesen", "vorgestellt", "präsentiert", "erläutert", "bestätigt",
    "erstattet", "gehalten",
)  # fmt: skip
_PASSIVE_NAME = (
    r"(?:(?P<title>Herrn?|Frau)\s+)?(?:[A-ZÄÖÜ][\wäöüß]*(?:in|er|ent|or|wart)\s+)?(?:(?:Dr|Prof)\.\s+)*"
    r"(?P<name>[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?)"
)
"""A name after ``von``/``durch``: a title, an office, a degree before it (``Frau
Rechtsanwältin Dr. Sabine Kuhnert``)."""
_PASSIVE_SPEAKER = (
    re.compile(
        r"\b(?:wird|wurde|werden|wurden)\s+(?:[^.;:]{0,40}?\s)?(?:von|durch)\s+(?:(?:dem|der|die)\s+)?"
        + _PASSIVE_NAME
        + r"\s+(?:"
        + "|".join(_PASSIVE_PARTICIPLES)
        + r")\b"
    ),
    re.compile(
        r"\b(?:vorgetragen|vorgestellt|präsentiert|verlesen)\s+(?:von|durch)\s+(?:(?:dem|der|die)\s+)?"
        + _PASSIVE_NAME
        + r"(?=\s*[,.;]|\s*$)"
    ),
)
"""``Der Bericht des Rechners wird von Matthias vorgetragen``, ``Die Ortschronik wurde von
Maria Tölle verlesen``, ``Dies wird von Herrn Yılmaz bestätigt``, ``…, vorgetragen durch Frau
Rechtsanwältin Dr. Sabine Kuhnert,``: the speaker of a sentence in the passive."""


def _passive_speaker(text: str, known: ParticipantIndex) -> Person | None:
    """The speaker :data:`_PASSIVE_SPEAKER` names, when the words are a person's name (``Herr
    Yılmaz`` with the title only where no office stands between)."""
    if not any(word in text for word in _PASSIVE_PARTICIPLES):
        return None
    for pattern in _PASSIVE_SPEAKER:
        match = pattern.search(text)
        if match is None:
            continue
        name = match.group("name")
        if not plausible_name(name, known) or name.split()[0].lower() in _NOT_SPEAKERS:
            return None
        title = match.group("title")
        if title and match.group(0).split(title, 1)[1].split()[0] == name.split()[0]:
            return Person(f"{'Herr' if title.startswith('Herr') else 'Frau'} {name}")
        return Person(name)
    return None


def _inline_speaker(text: str, known: ParticipantIndex, scan: _Scan | None = None) -> Person | None:
    """:func:`inline_speaker` without the passive.

    ``scan`` (:func:`_scan`) tells whether a verb of reported speech is in the text: without
    one the patterns that need one are not tried (only ``Von Frau … erfolgen`` of
    :func:`_reported_otherwise` names a speaker without such a verb)."""
    verb = scan is None or scan.speech_verb
    if verb and text[:1] in _REPORTED_FIRST and text.startswith(_REPORTED_START):
        reported = _REPORTED.match(text)
        if reported:
            return Person(reported.group(1), reported.group(2))
        reported = _REPORTED_FROM.match(text) if " vo" in text or " aus " in text else None
        if reported:
            return Person(reported.group(1), reported.group(2))
    if verb and text[:4] in ("Der ", "Die "):
        role = _ROLE_BEFORE_NAME.match(text)
        if role:
            return Person(role.group(1), role.group(2))
    if verb and ". (" in text[:40]:
        initial = _INITIAL_NAMED.match(text)
        if initial:
            return Person(initial.group(1), initial.group(2))
    speaker = _reported_otherwise(text) if verb or text.startswith("Von ") else None
    if speaker is not None:
        return speaker
    speaker = _special_speaker(text, verb)
    if speaker is not None:
        return speaker
    if verb and (" vo" in text[:40] or " aus " in text[:40]):
        named = _NAMED_FROM.match(text)
        if (
            named
            and named.group(1).split()[0].lower() not in _NOT_SPEAKERS
            and plausible_name(named.group(1), known)
        ):
            return Person(named.group(1), named.group(2))
    head = text[:90]
    if verb and ("Herr" in head or "Frau" in head or "r." in head) and _INVERTED_HINT.search(head):
        inverted = _REPORTED_INVERTED.match(head)
        if inverted:
            return Person(inverted.group(1), inverted.group(2))
    elif verb and text[:1].isupper() and not _VERB_SET.isdisjoint(head.split()[1:8]):
        named = _INVERTED_NAMED.match(head)  # ``Dazu sagte Klaus Reinhardt, …``
        if named and plausible_name(named.group(1), known):
            return Person(named.group(1))
        office = _inverted_office(text[:200])  # ``Im Gottesdienst stellte Kreispfarrerin …``
        if office is not None:
            return office
    if ":" not in text and "@" not in text and "(" not in text:
        return _sentence_speaker(text, known, verb) or (
            _first_name_after(text, known) if verb else None
        )
    text = _unlead(text)
    match = _HANDLE_DASH.match(text) if text[:1] == "@" else None
    if match:
        return Person(match.group(1).lstrip("@"))
    labelled = _labelled(text) if ":" in text else None
    if labelled:
        if _DATE_VALUE.match(text, labelled[1]) and not (known and known.knows(labelled[0])):
            return None  # ``St. Martin: 11.11.2025, 17 Uhr``: an event and its date
        # ``Hochbeete: Ottilie schlug vor, …``: a topic label, then the sentence
        found = (
            _speaker_names(labelled[0], known)
            or _speech_act_speaker(labelled[0], known)
            or _sentence_speaker(text[labelled[1] :], known, verb)
        )
        if found is not None or not text.endswith("):"):
            return found
    match = _topic_reporter(text) if known else None
    if match and known and all(known.knows(p) for p in _NAME_JOIN.split(match.group(1)) if p):
        return Person(match.group(1).strip())
    return _sentence_speaker(text, known, verb)


# --- decisions and votes --------------------------------------------------------------------

_DECISION_LABEL = _Needled(
    re.compile(r"^\s*(?:\[[ xX]\]\s*)?([\w\- ]{2,40}?)(?:\s+[\w/.\-]{1,12})?\s*[:–]"), (":", "–")
)
_TRIPLE = re.compile(r"(?<![\d./])(\d{1,3})\s*([/:|-])\s*(\d{1,3})\s*\2\s*(\d{1,3})(?![\d/]|\.\d)")
_YES = re.compile(
    r"(?:\b(?:Ja|Dafür|Pro|Zustimmung(?:en)?|Zustimmen|Ja-Stimmen|Für)\b\s*[:=]?\s*(\d{1,3})\b"
    r"|\b(\d{1,3})\s*(?:x\s*)?(?:Ja\b|Ja-Stimmen?|Stimmen\s+dafür|dafür\b|Pro\b|Zustimm))",
    re.IGNORECASE,
)
_NO = re.compile(
    r"(?:\b(?:Nein|Dagegen|Contra|Kontra|Gegenstimmen?|Ablehnung(?:en)?|Nein-Stimmen)\b"
    r"\s*[:=]?\s*(\d{1,3})\b"
    r"|\b(\d{1,3})\s*(?:x\s*)?(?:Nein\b|Nein-Stimmen?|Gegenstimmen?|Stimmen\s+dagegen|dagegen\b"
    r"|Contra\b|Kontra\b))",
    re.IGNORECASE,
)
_ABSTAIN = re.compile(
    r"(?:\b(?:(?:Stimm)?Enthaltung(?:en)?|Enth\.|Enth(?=\s*[:=])|Enthalten)\s*[:=]?\s*(\d{1,3})\b"
    r"|\b(\d{1,3})\s*(?:x\s*)?(?:(?:Stimm)?Enthaltung(?:en)?|Enth\.|enthalten))",
    re.IGNORECASE,
)
_NONE_NO = re.compile(r"\b(?:keine|ohne)\s+Gegenstimmen?\b", re.IGNORECASE)
_NONE_ABSTAIN = re.compile(r"\b(?:keine|ohne)\s+(?:Stimm)?Enthaltung(?:en)?\b", re.IGNORECASE)
_UNANIMOUS = _Folded(re.compile(r"\beinstimmig(?:e[rnms]?)?\b|\bohne\s+Gegenstimme", re.IGNORECASE))
_REJECTED = _Folded(
    re.compile(
        r"\b(?:abgelehnt|nicht\s+angenommen|nicht\s+beschlossen|kein\s+Konsens|nicht\s+erteilt"
        r"|nicht\s+stattgegeben)\b",
        re.IGNORECASE,
    )
)
_POSTPONED = _Folded(re.compile(r"\b(?:vertagt|zurückgestellt|verschoben)\b", re.IGNORECASE))
_ACCEPTED = _Folded(
    re.compile(
        r"\b(?:angenommen|beschlossen|zugestimmt|befürwortet|genehmigt|stattgegeben"
        r"|genehmigen(?![^.;]*\bnicht\b)|bestätigt"
        r"|verabschiedet"
        r"|(?:wieder)?gewählt|entlastet|beschließt|beschließen|vereinbart|verabredet|festgelegt|geeinigt"
        r"|beschlussmäßig\s+festgestellt|(?:findet|fand|finden|fanden)\s+(?:\w+\s+){0,2}?Zustimmung"
        r"|einig(?:en|ten|t)\s+(?:sich|uns)|stimm(?:en|t|ten)\s+(?:[\w„“\"-]+\s+){0,6}?zu"
        r"|(?:sprachen|sprechen|spricht|sprach)\s+sich\b[^.;]*\bfür\b[^.;]*\baus|entschieden"
        r"|(?:nehmen|nimmt|nahmen|nahm)\s+(?!an\b)(?:\S+\s+){1,8}?an(?=\s*(?:[.,;!]|$)))\b",
        re.IGNORECASE,
    )
)
_DECIDED = _Folded(
    re.compile(
        r"\b(?:einstimmig|mehrheitlich)\s+(?:angenommen|beschlossen|abgelehnt|zugestimmt|gewählt"
        r"|entlastet|verabschiedet|befürwortet|bestätigt)"
        r"|\b(?:wird|wurde|werden|wurden|ist|sind)\s+(?:[\w,.§:/]+\s+){0,6}?(?:einstimmig\s+"
        r"|mehrheitlich\s+)?(?:beschlossen|abgelehnt|verabschiedet|angenommen|genehmigt|bestätigt"
        r"|(?:wieder)?gewählt|entlastet|zugestimmt)\b"
        r"|\b(?:beschließt|beschließen|beschlossen:)|\bbeschlussmäßig\s+festgestellt\b"
        r"|\b(?:findet|fand|finden|fanden)\s+(?:die\s+)?(?:allgemeine\s+|breite\s+|volle\s+)?Zustimmung"
        r"|\b(?:empfiehlt|empfahl|empfehlen)\s+(?:einstimmig|mehrheitlich)\b"
        r"|^(?:Der|Die|Das)\s+[\w-]+\s+(?:genehmigt|bestätigt|verabschiedet|wählt|entlastet"
        r"|stimmt\s+(?:\w+\s+){1,4}zu)\b"
        # active voice: ``Wir nehmen das Protokoll einstimmig an``, ``Alle stimmen zu``
        r"|\b(?:nehmen|nimmt|nahmen|nahm)\s+(?!an\b)(?:[\w,.§„“\"*-]+\s+){1,8}?an\s*(?:[.,;!]|$)"
        r"|^(?:Wir|Alle|Alle\s+Anwesenden|Die\s+Anwesenden"
        r"|Die\s+(?:anwesenden\s+|stimmberechtigten\s+)?Mitglieder)\s+(?:beschließen"
        r"|entscheiden|einigen\s+uns|einigen\s+sich|stimmen\s+(?:[\w,.„“\"-]+\s+){0,6}?zu\b"
        r"|genehmigen|wählen|entlasten|bestätigen|verabschieden)"
        r"|\b(?:einigen|einigten|einigt)\s+sich\b|\b(?:haben|hat)\s+(?:sich|uns)\s+(?:\w+\s+){0,6}?geeinigt\b"
        # ``Damit ist dem Antrag stattgegeben``, ``Dem Antrag wird stattgegeben``
        r"|\bdem\s+\w*[Aa]ntrag\s+(?:ist|wird|wurde)\s+(?:\w+\s+){0,2}?stattgegeben\b"
        r"|\b(?:ist|wird|wurde)\s+dem\s+\w*[Aa]ntrag\s+(?:\w+\s+){0,2}?stattgegeben\b"
        r"|\b(?:wird|wurde|werden|wurden|haben|hat)\s+(?:[\w,.§]+\s+){0,6}?(?:einstimmig\s+"
        r"|mehrheitlich\s+)?(?:vereinbart|festgelegt|entschieden|beschlossen)\b"
        # ``Wir haben verabredet, …`` (not ``Anna hat sich mit Tom verabredet``)
        r"|\bwir\s+haben\s+(?:[\w,.§]+\s+){0,4}?verabredet\b"
        r"|\b(?:wurde|wird|ist)\s+(?:[\w,.§]+\s+){0,4}?verabredet\b"
        # a group speaks for something: ``alle Anwesenden sprachen sich für … aus``
        r"|\b(?:sprachen|sprechen|spricht|sprach)\s+sich\s+(?:\w+\s+){0,4}?(?:alle|einstimmig"
        r"|mehrheitlich|die\s+Mehrheit|die\s+Anwesenden|alle\s+Anwesenden)\b[^.;]*\bfür\b[^.;]*"
        r"\baus\b",
        re.IGNORECASE,
    )
)
_DECIDED_MORE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?]  ))(?:"
    r"(?:Der|Die|Das)\s+[\w-]+(?:\s+\([^()]{1,20}\))?\s+(?:stimmt|stimmen|stimmte|stimmten)\s"
    r"[^.;]{0,80}?\b(?:zu|dafür)\b"
    r"|(?:Der|Die|Das)\s+[\w-]+(?:\s+\([^()]{1,20}\))?\s+(?:beschloss|beschlossen|bewilligt"
    r"|bewilligte|befürwortet|befürwortete|verabschiedete|verabschiedeten)\b"
    r"|(?:Wir|Alle|Alle\s+Anwesenden|Die\s+Anwesenden|Die\s+Mitglieder)\s+stimmen\s"
    r"[^.;]{0,60}?\bzu\b)"
    r"|\b(?:wird|wurde|werden|wurden)\s+(?:[\w,.§]+\s+){0,6}?(?:einstimmig\s+|mehrheitlich\s+"
    r"|einvernehmlich\s+)?(?:befürwortet|bewilligt)\b"
    # the verb first: ``…, beschloss die Synode einstimmig die Gründung …``
    r"|\b(?:beschloss|beschlossen|verabschiedete|verabschiedeten)\s+(?:die|der|das)\s+[A-ZÄÖÜ]"
    r"[\w-]+\s"
    r"|\b(?:wird|wurde)\s+sich\s+(?:\w+\s+){0,3}?(?:geeinigt|verständigt)\b"
    r"|\bEinvernehmen\s+(?:\w+\s+){0,2}?(?:erteilt|hergestellt)\b"
    r"|\b(?:gilt|gelten)\s+(?:\w+\s+){0,2}?als\s+(?:genehmigt|angenommen|beschlossen)\b",
)
"""Decisions :data:`_DECIDED` leaves out: a body agrees in a later sentence (``Die Mitglieder
stimmen dem Vorschlag zu``, ``Der Elternbeirat stimmt einstimmig dafür, …``), resolves in
the past (``Die Versammlung beschloss …``) or grants (``Der Ausschuss bewilligt …``, ``Die
Erweiterung wird einvernehmlich befürwortet``), agrees impersonally (``Es wird sich darauf
verständigt, dass …``), grants planning consent (``Dem Baugesuch wurde das Einvernehmen (nicht)
erteilt``) or takes minutes as approved (``die Niederschriften gelten somit als genehmigt``)."""
_BODY_NOUN = (
    r"(?:[\w-]+\s+)?\w*(?:[Vv]ersammlung|[Mm]itglieder|[Aa]nwesenden|[Gg]remium"
    r"|[Aa]usschuss|[Bb]eirat|[Rr]at|[Vv]orstand|[Vv]orstandschaft|[Rr]unde|[Kk]onferenz|[Ss]ynode"
    r"|[Pp]lenum|[Gg]ruppe|[Tt]eilnehmenden|[Tt]eilnehmer|[Kk]ommission|[Ee]lternschaft)\b"
)
"""A body that decides: ``Versammlung``, ``Mitglieder``, ``Kirchenvorstand``, ``Beirat``."""
_BODY = rf"(?:Der|Die|Das)\s+{_BODY_NOUN}"
_ASSEMBLY_AGREES = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=, )){_BODY}\s+(?:sprach|sprachen|spricht|sprechen)"
    r"\s+sich\s+(?:\w+\s+){0,3}?(?:da)?für\b[^.;]{0,100}?\baus\b"
    # a body takes note or consents: ``Der Jugendhilfeausschuss nimmt den Bericht zur Kenntnis``,
    # ``Der Gemeinderat ist damit einverstanden``
    rf"|(?:^|(?<=[.!?] )){_BODY}\s+(?:nimmt|nahm|nehmen|nahmen)\s+(?:[\w,.§„“\"-]+\s+){{0,10}}?"
    r"zur\s+Kenntnis\b"
    rf"|(?:^|(?<=[.!?] )){_BODY}\s+(?:ist|war|sind|waren)\s+(?:(?!nicht\b)\w+\s+){{0,2}}?damit\s+"
    r"(?:(?!nicht\b)\w+\s+)?einverstanden\b"
    # a majority votes: ``Eine Mehrheit der Anwesenden votierte für die Aufnahme``
    r"|(?:^|(?<=[.!?] ))(?:Eine|Die)\s+(?:\w+\s+)?Mehrheit\s+(?:der|des)\s+[\w-]+\s+"
    r"(?:votierte|votierten|votiert|votieren)\s+für\b"
    rf"|(?:^|(?<=[.!?] )){_BODY}\s+(?:votierte|votierten|votiert|votieren)\s+(?:\w+\s+)?für\b"
    # ``Die Initiative hat sich darauf verständigt, …``
    r"|\b(?:hat|haben|hatte|hatten)\s+sich\s+(?:[\w-]+\s+){0,3}?darauf\s+(?:\w+\s+)?"
    r"(?:verständigt|geeinigt)\b"
    rf"|(?:^|(?<=[.!?] )){_BODY}\s+(?:stimmte|stimmten)\s+(?:einstimmig\s+"
    r"|mehrheitlich\s+|geschlossen\s+)?für\s+(?:die|den|das|eine|einen)\b"
    rf"|\b(?:entschied|entschieden|entscheidet)\s+(?:der|die|das)\s+{_BODY_NOUN},?\s+(?:dass|über)\b"
    rf"|(?:^|(?<=[.!?] )){_BODY}\s+(?:entschied|entscheidet),?\s+(?:dass|über)\b"
    r"|\b(?:starke|große|deutliche|klare|breite|überwiegende)\s+Mehrheit\b[^.;]{0,40}?\bdafür\b"
    r"|\b(?:wird|wurde|werden|wurden)\s+(?:[\w,.§-]+\s+){0,12}?vertagt\b"
    r"|\b(?:wird|wurde)\s+(?:[\w.-]+\s+){0,8}?mit\s+\d{1,3}\s+von\s+\d{1,3}\s+(?:\w+\s+)?Stimmen"
    r"\s+(?:\w+\s+)?gewählt\b"
    # agreement in words: ``verständigten sich die Anwesenden darauf, …``, ``waren sich einig``
    r"|\b(?:verständigen|verständigten|verständigt|verständigte)\s+(?:man\s+)?sich\s+"
    r"(?:[\w-]+\s+){0,3}?(?:darauf|auf)\b"
    # ``Verabredet wurde, …``: the participle first
    r"|(?:^|(?<=[.!?] ))(?:Verabredet|Vereinbart|Beschlossen|Festgelegt)\s+(?:wurde|wird)\b"
    # ``Fazit des Tages war, dass sich die Helferkreise künftig … treffen wollen``
    r"|(?:^|(?<=[.!?] ))(?:Das\s+)?(?:Fazit|Ergebnis)\s+(?:des\s+Tages|des\s+Abends|der\s+Runde"
    r"|des\s+Treffens)\s+(?:war|ist),\s+dass\b[^.;]{1,160}?\b(?:wollen|will|sollen|soll"
    r"|werden)\b"
    # ``Konsens bei allen Anwesenden war, dass …`` in a later sentence
    r"|(?:^|(?<=[.!?] ))Konsens\s+(?:bei|unter)\s+(?:allen\s+|den\s+)?(?:Anwesenden|Teilnehmenden"
    r"|Beteiligten|Teilnehmer\w*)\s+(?:war|ist|bestand|besteht|herrschte),?\s+dass\b"
    # a body constitutes itself: ``Der Helferkreis hat sich … in fünf Arbeitskreisen konstituiert``
    r"|\b(?:hat|haben)\s+sich\s+(?:[\w,.]+\s+){0,8}?(?:neu\s+)?konstituiert\b"
    r"|\b(?:waren|sind|war|ist)\s+sich\s+(?:alle\s+|darin\s+|darüber\s+)?einig\b"
    r"|\bEinigkeit\s+(?:bestand|besteht|herrschte|herrscht)\b"
    r"|\b(?:bestand|besteht|herrschte|herrscht)\s+Einigkeit\b"
)
"""An assembly agrees without the words of a resolution: it speaks for something (``Die
Versammlung sprach sich für … aus``), votes for it (``stimmte mehrheitlich für die …``), decides
(``entschied der Kirchenvorstand, dass …``), a large majority is for it (``eine starke Mehrheit der
Versammlung dafür``); a matter is postponed (``wurde … auf die nächste Sitzung vertagt``); someone
is elected with a share of the votes (``wird X mit 58 von 63 abgegebenen Stimmen gewählt``)."""
_UNDECIDED = _Folded(
    re.compile(
        r"\bnoch\s+(?:nicht|offen|keine)\b|\bnicht\s+(?:entschieden|vereinbart|festgelegt|geeinigt"
        r"|einig)\b|\bkeine\s+(?:Einigung|Entscheidung|Einigkeit)\b|\buneinig\b",
        re.IGNORECASE,
    )
)
_CONSENSUS = _Folded(re.compile(r"\bKonsens\b(?!vorschlag)", re.IGNORECASE))
_VOTE_WORD = _Folded(re.compile(r"\b(?:Abstimm\w*|abgestimmt|Stimmen|Votum)\b", re.IGNORECASE))
_RESULT_ONLY = re.compile(
    r"^\s*(?:(?:->|→|=>|⇒)\s*)?(?:einstimmig\s+|mehrheitlich\s+)?(?:angenommen|abgelehnt"
    r"|beschlossen|genehmigt|vertagt|konsens|einstimmig|zugestimmt)\b",
    re.IGNORECASE,
)
"""An entry that is only a result (``Angenommen mit Konsens``, ``-> einstimmig``)."""
_PASSIVE_VOTE = _Folded(
    re.compile(
        r"\b(?:wird|wurde|werden|wurden)\b[^.;]{0,60}?\b(?:einstimmig|mehrheitlich)\b"
        # ``Vergabe an die Fa. X zum Preis von … einstimmig.``
        r"|\b(?:einstimmig|mehrheitlich)\.?\s*$"
        r"|\b(?:einstimmig|mehrheitlich)\b[^.;]{0,60}?\b(?:festgestellt|gelegt|festgesetzt|bestimmt"
        r"|benannt|entsandt|bewilligt|übernommen|eingesetzt|aufgenommen)\b"
        # ``Der Vorstand erhielt einstimmige Entlastung``
        r"|\b(?:erhielt|erhielten|erhält|erhalten|bekam|bekamen|bekommt)\s+(?:die\s+)?"
        r"(?:einstimmige|mehrheitliche)\s+(?:Entlastung|Zustimmung)\b",
        re.IGNORECASE,
    )
)
"""A passive sentence with ``einstimmig``/``mehrheitlich``: a decision (``… wird einstimmig
festgestellt``, ``Die Versammlung wurde einstimmig auf den 15.01. gelegt``, ``Der Vorstand
erhielt einstimmige Entlastung``)."""


_TRIPLE_HINT = re.compile(r"\d\s*([/:|])\s*\d{1,3}\s*\1\s*\d")


_DECISION_STEMS = (
    "beschl", "antr", "anträg", "abstimm", "stimmen", "entsch", "ergebnis", "konsen", "votum",
    "vote", "einstimmig", "mehrheit", "angenommen", "abgelehnt", "vertagt", "genehmig",
    "gewählt", "wiedergewählt", "entlast", "verabschied", "einvernehm", "festleg", "festgelegt",
    "vereinbar", "einigung", "einigen", "einigten", "geeinigt", "dafür", "dagegen", "enthalt",
    "contra", "kontra", "zustimm", "vorlage", "gegenstimm", "nehmen", "nimmt", "nahm",
    "sprachen", "sprechen", "zugestimmt", "befürwort", "bewillig", "stimmt", "verständig",
    "sprach", "spricht", "einig", "verabred", "fazit", "konstitu", "amt bestätigt",
    "ämtern bestätigt", "kenntnis", "einverstanden", "votier",
)  # fmt: skip
_DECISION_HINT = re.compile(r"\b(?:" + alternation(_DECISION_STEMS) + r"|(?:ja|nein|pro|stimme)\b)")


def _decision_hint(text: str, scan: _Scan | None = None) -> bool:
    """Cheap test: does the text contain a word or number a decision is written with?"""
    if scan is None:
        low = text.lower()
        word = _DECISION_HINT.search(low) is not None
    else:
        low, word = scan.low, scan.decision_word
    return word or (
        ("/" in low or ":" in low or "|" in low)
        and (low.count("/") > 1 or low.count(":") > 1 or low.count("|") > 1)
        and _TRIPLE_HINT.search(low) is not None  # (a triple holds its separator twice)
    )


_DECIDED_HINT = _Folded(
    re.compile(
        r"beschl|angenommen|abgelehnt|verabschied|genehmig|bestätig|gewählt|entlast|zugestimmt"
        r"|stimm|nehmen|nimmt|nahm|einig|entschied|entscheid|vereinbart|festgelegt|sprach|sprech"
        r"|wählen|zustimmung|empf|stattgeg|verabred",
        re.IGNORECASE,
    )
)
_NOTHING = {"keine", "keiner", "keines", "nichts", "", "entfällt", "-", "–", "n/a", "offen"}


_WORD_START = re.compile(r"\b\w")
_DIGIT = re.compile(r"\d")


def _word_starts(text: str) -> list[int]:
    """Where a count can start: every word's first character, when the text has a digit
    (each count pattern starts with ``\\b`` and a word, and holds a number)."""
    if _DIGIT.search(text) is None:
        return []
    return [m.start() for m in _WORD_START.finditer(text)]


def _count_of(pattern: re.Pattern[str], text: str, starts: list[int]) -> int | None:
    """A count written ``Label: 6`` (preferred, anywhere in the text) or ``6 Label``."""
    first = None
    for start in starts:
        match = pattern.match(text, start)
        if match is None:
            continue
        if match.group(1):
            return int(match.group(1))
        if first is None and match.group(2):
            first = int(match.group(2))
    return first


_NUMBER_WORDS = {
    "keine": "0", "keiner": "0", "keinen": "0", "eine": "1", "einer": "1", "einem": "1",
    "ein": "1", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6",
    "sieben": "7", "acht": "8", "neun": "9", "zehn": "10", "elf": "11", "zwölf": "12",
}  # fmt: skip
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")\b"
    r"(?=\s+(?:Enthaltung|Gegenstimme|Nein\b|Ja\b|Ja-|Stimme))",  # (not ``ein Jahr``)
    re.IGNORECASE,
)


_NUMBER_WORD_NEEDLES = ("enthaltung", "gegenstimme", "nein", "ja", "stimme")
"""The words every match of :data:`_NUMBER_WORD` ends with (lower case)."""


_TALLY = re.compile(r"\bmit\s+(\d{1,3})(?:\s*:\s*(\d{1,3}))?\s+(?:Ja-?)?Stimmen\b")
_OF_VOTES = re.compile(
    r"\bmit\s+(\d{1,3})\s+von\s+\d{1,3}\s+(?:abgegebenen\s+|gültigen\s+)?Stimmen\b"
)
"""``mit 58 von 63 abgegebenen Stimmen gewählt``: the yes votes of an election."""
_COMMA_TRIPLE = re.compile(r"\((\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3})\)")
"""``genehmigt (37, 0, 1)``: yes, no and abstentions in brackets after a decision."""
_QUOTED_YES_NO = re.compile(r"[„“\"‚‘’]\s*((?:ja|nein))\s*[„“\"‚‘’]", re.IGNORECASE)
"""``6 „ja“-Stimmen``: the quoted word of a vote."""


_WORDED_TALLY = re.compile(
    r"\b(\d{1,3})\s+(?:[A-ZÄÖÜ][\w*:]+\s+)?dafür\b,?\s+(?:und\s+)?(\d{1,3})\s+"
    r"(?:[A-ZÄÖÜ][\w*:]+\s+)?"
    r"dagegen\b(?:,?\s+(?:und\s+)?(\d{1,3})\s+(?:[A-ZÄÖÜ][\w*:]+\s+)?(?:enthielten|enthalten)"
    r"\s+sich\b)?"
)
"""A vote told in words: ``stimmten 31 Mitglieder dafür, 6 dagegen, 3 enthielten sich``."""


def _counts(text: str, context: bool) -> tuple[int | None, int | None, int | None]:
    """Yes, no and abstain counts written in a text (``6/1/0``, ``Ja: 12 …``, ``4 dafür``)."""
    if "„" in text or "“" in text or '"' in text:
        text = _QUOTED_YES_NO.sub(r"\1", text)
    if _may_hold(text, _NUMBER_WORD_NEEDLES):
        text = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    starts = _word_starts(text)
    yes, no = _count_of(_YES, text, starts), _count_of(_NO, text, starts)
    if yes is None and context and "(" in text:
        triple = _COMMA_TRIPLE.search(text)
        if triple:
            return int(triple.group(1)), int(triple.group(2)), int(triple.group(3))
    if yes is None and "dafür" in text and "dagegen" in text:
        worded = _WORDED_TALLY.search(text)  # ``stimmten 31 Mitglieder dafür, 6 dagegen, …``
        if worded:
            third = worded.group(3)
            return int(worded.group(1)), int(worded.group(2)), int(third) if third else None
    if yes is None and "Stimmen" in text:
        tally = _TALLY.search(text) or _OF_VOTES.search(text)  # ``mit 9:11 Stimmen``
        if tally:
            yes = int(tally.group(1))
            no = int(tally.group(2)) if tally.re is _TALLY and tally.group(2) and no is None else no
    abstain = _count_of(_ABSTAIN, text, starts)
    if no is None and _may_hold(text, ("gegenstimme",)) and _NONE_NO.search(text):
        no = 0
    if abstain is None and _may_hold(text, ("enthaltung",)) and _NONE_ABSTAIN.search(text):
        abstain = 0
    if yes is None and no is None and abstain is None and context:
        triple = _TRIPLE.search(text)
        if triple and not find_date(triple.group(0)):
            return int(triple.group(1)), int(triple.group(3)), int(triple.group(4))
    return yes, no, abstain


def decision_in(
    text: str, previous: Point | None = None, scan: _Scan | None = None
) -> Decision | None:
    """The decision, motion or vote an entry records, or None.

    ``Beschluss: …``, ``Antrag: …``, ``Abstimmung: 6/1/0``, ``Ja: 12 / Nein: 1 /
    Enthaltung: 2``, ``Dafür 4, dagegen 0``, ``einstimmig angenommen``, ``Konsens: …``; an
    entry right after a bare ``Beschluss:`` line is that decision's text.
    """
    elected = previous is not None and ":" in text[:44] and _elected_below(text, previous)
    previous_kind = None
    if previous is not None and len(previous.text) <= 40:
        previous_kind = DECISION_LABELS.get(_fold(previous.text.strip().rstrip(":").strip()))
    if previous_kind is None and not elected and not _decision_hint(text, scan):
        return None  # fast path: no word or number that a decision or vote is written with
    low = text.lower() if scan is None else scan.low
    kind = None
    bare = _fold(text.strip().rstrip(":").strip())
    if bare in DECISION_LABELS or bare in _NOTHING:
        return None  # a heading line (``Beschlüsse:``) or ``keine``
    cells = [c.strip() for c in text.split(" | ")] if " | " in text else [text]
    for cell in cells:
        label = _DECISION_LABEL.match(cell)
        if label:
            words = _fold(label.group(1)).split()
            whole = _fold(label.group(0).rstrip(":–")).split()  # ``Allgemeiner Konsens:``
            keys = (" ".join(words), words[0] if words else "", words[-1] if words else "")
            for key in (*keys, whole[-1] if 0 < len(whole) <= 3 else ""):
                if key in DECISION_LABELS:
                    kind = DECISION_LABELS[key]
                    break
        if kind is not None:
            break
    if kind is None:
        kind = previous_kind
    decided = _DECIDED.search(text, low) if _DECIDED_HINT.search(text, low) else None
    if decided is None and (
        "stimm" in text
        or "besch" in text
        or "bef" in text
        or "bew" in text
        or "verab" in text
        or "inig" in text
        or "ständig" in text
        or "nvernehmen" in text
        or " als " in text
    ):
        decided = _DECIDED_MORE.search(text)
    if decided is None and (
        "sich" in text
        or "inigkeit" in text
        or "stimmt" in text
        or "ntschie" in text
        or "Mehrheit" in text
        or "vertagt" in text
        or "gewählt" in text
        or "wurde" in text
        or "Fazit" in text
        or "Konsens" in text
        or "Kenntnis" in text
        or "einverstanden" in text
        or "votier" in text
    ):
        decided = _ASSEMBLY_AGREES.search(text)
    yes, no, abstain = _counts(
        text, kind is not None or bool(decided or _VOTE_WORD.search(text, low))
    )
    counted = sum(v is not None for v in (yes, no, abstain))
    if kind is None and decided and _UNDECIDED.search(text, low):
        decided = None  # ``Es wurde noch nicht entschieden, …``
    if kind is None:
        if decided or _RESULT_ONLY.match(text) or _PASSIVE_VOTE.search(text, low):
            kind = "decision"
        elif counted >= 2 or (
            counted and (_ACCEPTED.search(text, low) or _REJECTED.search(text, low))
        ):
            kind = "vote"
        elif _UNANIMOUS.search(text, low) and (
            _ACCEPTED.search(text, low) or _REJECTED.search(text, low)
        ):
            kind = "decision"
        elif elected or (text[-1:] == ")" and _elected(text)):
            kind = "decision"  # ``Kassenwart: Florian Merz (einstimmig)``: an election
        else:
            return None
    unanimous = bool(_UNANIMOUS.search(text, low))
    if unanimous and no is None and not _REJECTED.search(text, low):
        no = 0
    result: DecisionResult | None = None
    if _REJECTED.search(text, low):
        result = "rejected"
    elif _POSTPONED.search(text, low):
        result = "postponed"
    elif (
        _ACCEPTED.search(text, low)
        or unanimous
        or kind == "consensus"
        or _CONSENSUS.search(text, low)
    ):
        result = "accepted"
    elif yes is not None and no is not None:
        result = "accepted" if yes > no else "rejected"
    elif yes and no is None and abstain is not None:
        result = "accepted"  # ``70 Ja-Stimmen, 1 Enthaltung``: nobody against
    elif decided is not None and decided.re in (_DECIDED_MORE, _ASSEMBLY_AGREES):
        result = "accepted"  # ``Der Ausschuss bewilligt …``, ``Die Versammlung beschloss …``
    elif elected and counted == 0:
        result = "accepted"  # ``Schülersprecherin: Mila (4b)`` under ``… folgendem Ergebnis:``
    return Decision(kind, yes, no, abstain, result, unanimous)


_ELECTION = re.compile(
    r"^\s*(?:\d\.\s+)?([\w.\-/ ]{2,40}?)\s*:\s+(?:(?:Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\w.-]+"
    r"(?:\s+[A-ZÄÖÜ][\w-]+){0,2}\s*\((?:einstimmig|mehrheitlich|einstimmig gewählt|gewählt"
    r"|(?:mit\s+)?\d{1,3}\s+(?:Ja-)?Stimmen[^()]{0,40}|\d{1,3}\s*/\s*\d{1,3}\s*/\s*\d{1,3})\)$"
)


def _elected(text: str) -> bool:
    """``Vorsitzende: Ulrike Kessler (einstimmig)``, ``2. Kassenwart: Florian Merz (9 Stimmen)``:
    an office, the person elected to it and the vote."""
    match = _ELECTION.match(text)
    return match is not None and role_word(match.group(1).split()[-1])


_RESULT_LEAD = ("Ergebnis:", "gewählt:", "Wahlergebnis:", "Wahlergebnisse:", "gewählt wurden:")


def _elected_below(text: str, previous: Point) -> bool:
    """``… mit folgendem Ergebnis:`` and below it ``Schülersprecherin: Mila (4b)``: an office
    and who was elected to it, in a list of results (also right under another such line)."""
    if office_holder(text) is None:
        return False
    above = previous.text.rstrip()
    if above.endswith(_RESULT_LEAD):
        return True
    return previous.decision is not None and office_holder(above) is not None


def _merge_vote(motion: Decision, vote: Decision) -> Decision:
    """A motion followed by its vote: the motion takes the counts and the result."""
    return replace(
        motion,
        yes=vote.yes,
        no=vote.no,
        abstain=vote.abstain,
        result=vote.result,
        unanimous=vote.unanimous,
    )


# --- tasks ----------------------------------------------------------------------------------

_TASK_LABEL = re.compile(
    r"^\s*(?:\[[ xX]\]\s*)?([\w\- ]{2,25}?)\s*(?:\(([^()]{1,60})\))?\s*(?:[:–]|\s-\s)\s*"
)
_TASK_LABEL_FIRST = frozenset(label.split()[0] for label in TASK_LABELS)
"""The first words of :data:`TASK_LABELS`."""
_WORD = re.compile(r"\w+")


def _task_label_start(text: str) -> bool:
    """The label :data:`_TASK_LABEL` would find starts as a task label can (its first word
    after space, a checkbox, ``-`` and ``_``, which :func:`_fold` drops, folded as
    :func:`_fold` folds it, is the first word of one of :data:`TASK_LABELS`): a look before
    the pattern, whose lazy label is slow."""
    start = text.lstrip()
    space = text[: len(text) - len(start)]  # (the space the label may start with)
    if start[:1] == "[" and start[2:3] == "]" and start[1:2] in (" ", "x", "X"):
        start = start[3:]
        space = start[: len(start) - len(start.lstrip())]
    if space.count(" ") >= 2:
        return True  # (a label of spaces alone: the pattern decides, as before)
    for index, char in enumerate(start):
        if not (char.isspace() or char == "-" or char == "_"):
            word = _WORD.match(start, index)  # (the label's characters: ``\w``, ``-``, space)
            return word is not None and word.group().lower().replace("_", "") in _TASK_LABEL_FIRST
    return False


_CHECKBOX = re.compile(r"^\s*\[[ xX]\]\s+")
_ARROW_OWNER = re.compile(r"(?:→|->|=>|⇒)\s*([^→>]{1,60}?)\s*[.!]?$")
_TRAILING_OWNER = re.compile(
    r"[(\[]\s*(?:(?:verantwortlich|zuständig|wer|V)\s*:\s*)?([^()\[\]]{1,60})[)\]]\s*[.!]?$"
)
_TRAILING_OWNERS_NESTED = re.compile(r"\(([^()]{1,60}\([^()]{1,30}\)[^()]{0,10})\)\s*[.!]?$")
"""The owners in brackets at the end, one with a note of its own: ``(Svenja, Antje, Birgit
(Schlüssel))``."""
_RESPONSIBLE = re.compile(
    r"\b(?:verantwortlich|zuständig|Verantwortung|Wer)(?:\s+für\s+[^:;]{1,40})?\s*:\s*"
    r"([^;.():,]{1,60})",
    re.IGNORECASE,
)
_INFINITIVE_OWNER = re.compile(r"\b[a-zäöüß]{3,}en\s*[(\[]\s*([^()\[\]]{1,40})[)\]]\s*[.!]?$")
_DASH_OWNER = re.compile(
    r"\b[a-zäöüß]{3,}en\s+[–-]\s+([A-ZÄÖÜa-zäöü@][\w.\-]+(?:\s+[A-ZÄÖÜ][\w.\-]+)?"
    r"(?:\s+(?:und|&)\s+[\w.\-]+(?:\s+[A-ZÄÖÜ][\w.\-]+)?)?)"
    r"(?:,?\s*\(?bis\b.*|\s+[–-]\s+(?:bis\s+)?\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)?\s*$"
)


_DASH_NAME_UNTIL = re.compile(
    r"\s[–-]\s+([A-ZÄÖÜ][\w.\-]+(?:\s+[A-ZÄÖÜ][\w.\-]+)?"
    r"(?:\s+(?:und|&)\s+[A-ZÄÖÜ][\w.\-]+(?:\s+[A-ZÄÖÜ][\w.\-]+)?)?)"
    r"(?P<until>,?\s*\(?bis\b.*|\s+[–-]\s+(?:bis\s+)?\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)?\s*$"
)
"""``Anfrage beim Amt für Kultur – Marén bis 28.02.``: a name after the last dash, followed by
the due date – without a verb before the dash (:data:`_DASH_OWNER`). The name must be someone
who took part, unless the entry is labelled a task (``ToDo: … – Marén``), when the date may be
missing too."""


def _lower_stranger(match: re.Match[str], known: ParticipantIndex) -> bool:
    """A lower-case word after a dash that is not someone who took part (``– angenommen``)."""
    owner = match.group(1)
    return owner[:1].islower() and not known.knows(owner)


_TO_OWNER = re.compile(r"\ban\s+([A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?)\s*[.!]?$")
_TASK_VERBS = (
    r"(?:kümmert\s+sich|kümmern\s+sich|übernimmt|übernehmen|erledigt|erledigen|organisiert"
    r"|klärt|klären|fragt|fragen|schreibt|schreiben|schickt|verschickt|meldet\s+sich|recherchiert"
    r"|kontaktiert|besorgt|bucht|prüft|antwortet|koordiniert|veröffentlicht|bestellt|lädt"
    r"|erstellt|bereitet|informiert|reserviert|beantragt|überarbeitet|aktualisiert|versendet"
    r"|ruft|telefoniert|entwirft|druckt|verteilt|sammelt|nimmt\s+Kontakt|stellt\s+sicher"
    r"|macht|machen|baut|bauen|regelt|regeln|plant|planen|verfasst|verfassen|holt|holen"
    r"|richtet|richten|sorgt|sorgen|kauft|kaufen|bringt|bringen|schaut|schauen|fragt\s+nach"
    r"|erklärt\s+sich\s+bereit|erklären\s+sich\s+bereit|sagt\s+zu|sagte\s+zu|pflegt|pflegen"
    r"|gestaltet|gestalten|vereinbart|vereinbaren|übergibt|leitet|lädt|laden|testet|testen"
    r"|erarbeitet|erarbeiten|entwickelt|entwickeln|verschickt|verschicken"
    r"|bildet|bilden|entwerfen|bereiten|erstellen|prüfen|informieren|kontaktieren|besorgen"
    r"|gibt\s+(?:[\w„“\"-]+\s+){1,6}?weiter|sagt\s+(?:[\w„“\"-]+\s+){1,8}?zu(?=\s*[.!;]|\s*$)"
    r"|trägt\s+(?:[\w„“\"–-]+\s+){1,8}?zusammen\b|tragen\s+(?:[\w„“\"–-]+\s+){1,8}?zusammen\b"
    # ``Frau Grabowski nimmt den Hinweis mit``: takes it along to follow it up
    r"|nimmt\s+(?:[\w„“\"-]+\s+){1,6}?mit(?=\s*[.!;]|\s*$)|nehmen\s+(?:[\w„“\"-]+\s+){1,6}?mit(?=\s*[.!;]|\s*$)"
    r"|organisieren)"
)
_DOER = re.compile(
    r"^(?:(?:Der|Die|Das)\s+)?([A-ZÄÖÜ@][\w.\-]++(?:\s+[A-ZÄÖÜ][\w.\-]++)?"
    r"(?:(?:\s*,\s*|\s+(?:und|&)\s+)[A-ZÄÖÜ][\w.\-]++(?:\s+[A-ZÄÖÜ][\w.\-]++)?){0,4})"
    r"(?:\s+\([^()]{1,40}\)|\s+(?:vom|von\s+der|von\s+dem|aus\s+de[mr])\s+[A-ZÄÖÜ][\wäöüß-]+)?"
    r"\s+" + _TASK_VERBS + r"\b"
)
"""``Lea kümmert sich …``, ``Martina und Theresa …``, ``Monika Aigner und Sabine Pledl
übernehmen …``, ``Der Bürgermeister gibt die Meldung an das Bayernwerk weiter``, ``Frau
Albers (Vertrauenslehrerin) bereitet … vor``, ``Lena Brandt vom Nachbarschaftstreff kümmert
sich …`` (the body she comes from after the name)."""
_LOWER_DOER = re.compile(r"^([a-zäöü][\w.\-]{1,15})\s+" + _TASK_VERBS + r"\b")
"""A handle written in lower case before a task verb (``nilo regelt die Details``): taken
only when the attendance lists it."""
_ARROW_VERB = _Needled(re.compile(r"(?:→|->|=>)\s*" + _TASK_VERBS + r"\b"), ("→", "->", "=>"))
_NAMES = (
    r"([A-ZÄÖÜ@][\w.\-]++(?:(?:\s*,\s*|\s+(?:und|&)\s+)[A-ZÄÖÜ][\w.\-]++){0,4}"
    r"(?:\s+[A-ZÄÖÜ][\w.\-]++)?)"
)
_LATER_DOER = re.compile(
    r"(?:→|->|=>|[,;:(]|[.!?]\s|u(?<!\wu)nd)\s*(?:(?:[Dd]er|[Dd]ie|[Dd]as)\s+)?"
    + _NAMES
    + r"\s+"
    + _TASK_VERBS
    + r"\b"
)
_ACTOR_BODY = re.compile(
    r"(?:verwaltung|stelle|koordination|management|genossenschaft|gemeinschaft|amt|büro"
    r"|initiative|verein|vorstand|gruppe|beirat|ausschuss|team|kommission|jugendring)$"
)
"""The end of a word that names a body which acts: ``Verwaltung``, ``Geschäftsstelle``,
``Stadtteilkoordination``, ``Mietergemeinschaft``, ``Jugendamt``, ``Quartiersbüro``."""


def names_a_body(owner: str) -> bool:
    """``Mietergemeinschaft Hafenstraße``, ``Verwaltung``: an owner that is a body, no person."""
    return _ACTOR_BODY.search(owner.split()[0].lower()) is not None


def _person_after_verb(text: str, known: ParticipantIndex) -> bool:
    """``Die Koordination übernimmt Elias Grünewald``: a person after the verb, who does it."""
    after = _VERB_DOER.search(text)
    return after is not None and bool(_owners(after.group(1), known, strict=bool(known)))


def _body_actor(words: str, text: str, start: int) -> bool:
    """``Die Verwaltung``, ``Die Mietergemeinschaft Hafenstraße`` before a task verb: a word
    that names a body (and its name), after an article."""
    before = text[:start].rstrip().rsplit(None, 1)[-1:]
    parts = words.split()
    return (
        bool(before)
        and before[0].lower() in ("der", "die", "das")
        and len(parts) <= 2
        and _ACTOR_BODY.search(parts[0].lower()) is not None
    )


_VERB_DOER = _Needled(
    re.compile(
        r"\b(?:verteilt|übernimmt|macht|organisiert|erledigt|schreibt|besorgt|klärt|koordiniert)"
        r"\s+" + _NAMES + r"(?=\s+bis\b|\s*[.,;]?\s*$)"
    ),
    ("verteilt", "übernimmt", "macht", "organisiert", "erledigt", "schreibt", "besorgt", "klärt",
     "koordiniert"),
)  # fmt: skip
_TASK_VERB_WORD = re.compile(
    r"\b" + alternation(sorted({v.split("\\s+")[0] for v in _TASK_VERBS[3:-1].split("|")})) + r"\b"
)
"""The first word of a task verb (``kümmert`` of ``kümmert sich``): found in every text that
the patterns with :data:`_TASK_VERBS` match, a cheap test before them."""
_SPACED_DASH = re.compile(r"\s[–-]\s")


def _has_spaced_dash(text: str) -> bool:
    """:data:`_SPACED_DASH` found: a look at each dash (``\\s`` is ``str.isspace``), faster
    than the search, which tries every position."""
    for dash in ("-", "–"):
        index = text.find(dash, 1)
        while index != -1:
            if text[index - 1].isspace() and text[index + 1 : index + 2].isspace():
                return True
            index = text.find(dash, index + 1)
    return False


_OWN_WORK = re.compile(r"\s+(?:ihre|seine|ihren|seinen|ihrem|seinem|ihrer|seiner)\b")
"""A possessive right after the verb (``schreibt ihre Masterarbeit``): the doer's own work,
told to introduce them – no task for the group unless a due date makes it one."""
_REPORTS = re.compile(
    r"(?:(?<=informiert)|(?<=fragt))(?:\s+(?:über|darüber)\b"
    r"|\s*,\s*(?:dass|ob|wann|wie|warum|wer|was|wo|welche[rsnm]?)\b)"
    r"|(?<=fragt)\s+nach\s+(?:dem|den|der)\b"
    r"|(?:(?<=lädt)|(?<=laden))\s+am\s+\d"
)
"""After ``informiert``/``fragt`` of a task pattern: what was said in the meeting, not a task
(``fragt, wann …``, ``fragt nach dem Sachstand``; but ``fragt beim Bauamt nach`` is one); after
``lädt``: an invitation to an event on its day (``lädt am 16.05.2023 … ein``), no task."""
_TASK_VERB_STEMS = (
    "kümmer", "übernimm", "übernehm", "erledig", "organisiert", "klärt", "klären", "fragt",
    "fragen", "schreib", "schick", "meldet", "recherch", "kontaktiert", "besorgt", "bucht",
    "prüft", "antwortet", "koordiniert", "veröffentlicht", "bestellt", "lädt", "erstellt",
    "bereitet", "informiert", "reserviert", "beantragt", "überarbeitet", "aktualisiert",
    "versendet", "ruft", "telefoniert", "entwirft", "druckt", "verteilt", "sammelt", "nimmt",
    "stellt", "holt", "erklärt sich bereit", "bietet an", "mach", "bau", "regel", "plan",
    "verfass", "hol", "richte", "sorg", "kauf", "bring", "schau", "sagt", "sagte", "pfleg",
    "gestalt", "vereinbar", "übergib", "leite", "lade", "teste", "erarbeit", "entwickel",
    "verschick", "gibt", "bildet", "bilden", "entwerfen", "bereiten", "erstellen", "prüfen",
    "informieren", "kontaktieren", "besorgen", "trägt", "tragen", "nehmen", "organisieren",
)  # fmt: skip
_TASK_WORDS = (
    "bis", "frist", "deadline", "verantwortlich", "zuständig", "wer", "bitte", "soll", "muss",
    "müssen", "melden", "einreichen", "abgeben", "todo", "to do", "to-do", "aufgabe",
    "gebeten", "beauftragt", "aufgefordert", "sagt", "sagte", "sichert", "sicherte", "will",
    "möchte", "versprach", "verspricht", "versprechen", "werden", "überprüft", "geprüft",
    "nachfragen", "nachhaken", "abklären", "erkundigen", "weiterleiten", "nachreichen",
    "kontaktieren", "ansprechen", "informieren", "einladen", "organisieren", "besorgen",
    "formulieren", "vorlegen", "ausarbeiten", "weitergeben", "übergeben", "zugesagt", "zugesichert",
    "vorstellen", "einholen", "vorbereiten", "koordinieren", "führen",
    "in der nächsten", "im nächsten", "beim nächsten",
)  # fmt: skip
_SENTENCE_START = r"(?:^|(?<=[.;!?] ))"
_ASKED = re.compile(
    _SENTENCE_START + r"(?:(?:Der|Die|Das)\s+)?([A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?)\s+"
    r"(?:wird|werden)\s+(?:gebeten|beauftragt|aufgefordert)\b"
)
"""``Die Verwaltung wird gebeten, … einzuholen``: who is asked to do something (passive)."""
_ASKS_OTHER = re.compile(
    r"\b(?:bittet|bat|beauftragt|beauftragte|ersucht|ersuchte)\s+(?:die|den|das)\s+"
    r"([A-ZÄÖÜ][\w\-]+)\s*,[^;!?]{0,200}?(?:\bzu\s+\w+|\w\w+zu\w+en\b)"
)
"""``Herr Acar bittet die Verwaltung, … vorzulegen``: the one asked takes the task."""
_ASKS_NAMED = re.compile(
    r"\b(?:bittet|bat|beauftragt|beauftragte)\s+(alle\s+[A-ZÄÖÜ][\w\-]+|[A-ZÄÖÜ][\w\-]+)\s*,"
    r"[^;!?]{0,200}?(?:\bzu\s+\w+|\w\w+zu\w+en\b)"
)
"""``Der Vorstand bittet Henning, den Vertrag … zu unterschreiben``; ``… bittet alle Aktiven,
sich … einzutragen`` (a task for everyone: no owner)."""
_WILL_DO = re.compile(
    _SENTENCE_START + r"(?:(?:Der|Die)\s+)?((?:" + _OFFICE + r")*[A-ZÄÖÜ][\w\-]+"
    r"(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})(?:\s*\([^()]{1,40}\))?\s+(wird|will|möchte)\s+"
    r"[^;!?]{0,160}?\b(?!ge)\w+en\s*[.!]?$"
)
"""``Der Kassierer wird die Mitglieder bis zum 31.12. informieren``: a role's announced task
(with a date; the subject a function or a participant, not a thing)."""


_WILL_DO_TWO = re.compile(
    _SENTENCE_START + r"([A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?\s+(?:und|&)\s+[A-ZÄÖÜ][\w\-]+"
    r"(?:\s+[A-ZÄÖÜ][\w\-]+)?)\s+(?:werden|wollen)\s+[^;!?]{0,160}?\b(?!ge)\w+en\s*[.!]?$"
)
""":data:`_WILL_DO` with two people: ``Uwe und Marco werden Kostenvoranschläge einholen``."""
_PLANNED = re.compile(
    _SENTENCE_START + r"Wir\s+(?:werden|wollen)\s+[^;!?.]{3,160}?\b(?!ge)\w+en\s*[.!](?:\s|$)"
    r"|\b(?:wird|werden)\s+(?:nun\s+|jetzt\s+|zunächst\s+)?(?:in|von|durch)\s+der\s+"
    r"((?:Stadt|Gemeinde|Kreis)?[Vv]erwaltung|Geschäftsstelle)\s+(?:geprüft|überprüft|bearbeitet"
    r"|vorbereitet|erstellt)\b"
)
"""A plan in the first person plural (``Wir werden die Forderungen … weitergeben.``) and a
check of the administration in the passive (``Diese Geschäftsordnung wird nun in der
Stadtverwaltung überprüft``): tasks (of the administration in the second case)."""
_MANY_REPORT = re.compile(
    r"(?:^|[:→]\s*|[.!?]\s+)(?:[Aa]lle\s+)?([A-ZÄÖÜ][\wäöüß-]+)\s+"
    r"(?:melden|schicken|senden|reichen|geben)\b"
)
_MANY_ACTORS = frozenset(
    ("einrichtungen", "träger", "mitglieder", "teilnehmende", "teilnehmenden", "vereine",
     "schulen", "kitas", "akteure", "gruppen", "initiativen", "institutionen", "partner")
)  # fmt: skip
"""``Einrichtungen melden Termine … an Frau Marten (bis 20.12.)``, ``→ alle Einrichtungen melden
sich bis Ende Februar bei Dana``: a request to a group of actors names them as its owners."""


def _ends_in_en(text: str) -> bool:
    """The text ends in ``en`` (then spaces and a ``.`` or ``!``): as every match of
    :data:`_WILL_DO` does, whose search with its lazy gap is slow."""
    end = text.rstrip()
    if end[-1:] in (".", "!"):
        end = end[:-1].rstrip()
    return end.endswith("en")


_ASKS_ONLY = re.compile(r"\bwissen\b|,\s*(?:ob|wann|wie|warum|wer|was)\b")


def _announces(will: re.Match[str], text: str, known: ParticipantIndex, dated: bool) -> bool:
    """``Herr Brandt wird bis Ende Januar ein Konzept vorlegen``, ``Herr Glaser will das Thema
    … einbringen``: a person (a function, a participant, a title and name, a full name)
    announces what they will do; ``wird`` with a deadline (``bis …``), ``will``/``möchte``
    with something to do (not ``will wissen, ob …``)."""
    who = will.group(1)
    words = who.split()
    office_and_name = len(words) == 3 and (
        (_office_word(words[0]) or words[0] in _OFFICES) and plausible_name(" ".join(words[1:]))
    )
    if len(words) == 3 and not office_and_name:
        return False  # three words: an office before a full name (``KGRin Petra Vollmer``)
    person = (
        office_and_name
        or role_word(who.split()[-1])
        or _ACTOR_BODY.search(who.split()[-1].lower()) is not None
        or known.knows(who)
        or who.startswith(_REPORTED_START)
        or (len(who.split()) == 2 and plausible_name(who))
    )
    if not person:
        return False
    if will.group(2) == "wird":
        return dated or " bis " in text or _FOLLOW_UP.search(text) is not None
    return _ASKS_ONLY.search(text) is None


_FOLLOW_UP = re.compile(
    r"\b(?:nachfragen|nachhaken|abklären|klären|erkundigen|weiterleiten|nachreichen|"
    r"kontaktieren|ansprechen|informieren|einladen|kümmern|übernehmen|organisieren|besorgen"
    # producing a paper: ``Der Mieterbeirat wird eine Liste der Mängel erstellen``
    r"|erstellen|formulieren|vorlegen|ausarbeiten|erarbeiten|verfassen|entwerfen|weitergeben"
    r"|übergeben|führen|vorstellen|einholen|vorbereiten|koordinieren)"
    r"\s*[.!]?\s*$"
)
"""``Frau Jahnke wird bei den Stadtwerken nachfragen.``, ``Stadtteilbüro wird nachhaken.``: a
verb of following something up or of producing a paper (``… wird eine Stellungnahme
vorlegen``) at the end of the sentence makes ``wird`` a task without a date (``Das Fest wird
im September stattfinden`` stays a statement)."""


_TASK_VERB_LOW = re.compile(r"\b" + alternation(_TASK_VERB_STEMS))
_TASK_WORD_LOW = re.compile(r"\b" + alternation(_TASK_WORDS + _TASK_VERB_STEMS))
"""A task word or a task verb: one scan of the text for the fast path."""


def _has_task_verb(low: str) -> bool:
    return _TASK_VERB_LOW.search(low) is not None


_TASK_VERB_AT = re.compile(_TASK_VERBS + r"\b")


_TASK_VERB_WORD_AFTER = re.compile(r"\W" + _TASK_VERB_WORD.pattern[2:])
""":data:`_TASK_VERB_WORD` with the character before the word instead of ``\\b``, searched in
the text behind one space (as :data:`_ANY_HINT_AFTER`): the same places, found faster."""


def _has_task_verb_phrase(text: str) -> bool:
    """A whole task verb in the text (``kümmert sich``, not ``kümmert`` alone), as every
    pattern with :data:`_TASK_VERBS` holds one: at a first word of one (:data:`_TASK_VERB_WORD`),
    the verbs matched there."""
    for word in _TASK_VERB_WORD_AFTER.finditer(" " + text):
        if _TASK_VERB_AT.match(text, word.start()):  # (the word's place in ``text``)
            return True
    return False


_HINT_WORDS = {*_DECISION_STEMS, "ja", "nein", "pro", "stimme", *_TASK_WORDS, *_TASK_VERB_STEMS}
_ANY_HINT = re.compile(r"\b" + alternation(sorted(_HINT_WORDS)))
"""Every word that :data:`_DECISION_HINT`, :data:`_TASK_WORD_LOW` or :data:`_TASK_VERB_LOW`
can match at a word start: where one of them matches, this matches."""
_ANY_HINT_AFTER = re.compile(
    r"\W" + alternation(sorted({*_HINT_WORDS, *_REPORTED_VERBS, *_PLURAL_SPEECH, *_OPINION_WORDS}))
)
""":data:`_ANY_HINT` with the character before the word instead of ``\b``, searched in the
text behind one space: the same places (every hint word starts with a letter), found faster
(``re`` skips ahead to a non-word character instead of trying ``\b`` everywhere); and the
verbs of reported speech (:data:`_SPEECH_VERBS`)."""
_SPEECH_VERBS = frozenset((*_REPORTED_VERBS, *_PLURAL_SPEECH, *_OPINION_WORDS))
"""A verb of reported speech as a whole word: every pattern of :func:`inline_speaker` that
names a speaker by a verb holds one after a space (and :data:`_VERB_SET` holds them so);
looked for in the lower-case text, where it is found wherever the text has one."""
_WORD_RUN = re.compile(r"\w+")
"""The word at a place: a verb of :data:`_SPEECH_VERBS` as a whole word is the whole run."""


class _Scan(NamedTuple):
    """What one scan of an entry's lower-case text found, shared by :func:`decision_in` and
    :func:`task_in` (each would otherwise scan the text with its own pattern)."""

    low: str
    decision_word: bool
    """:data:`_DECISION_HINT` matches."""
    task_word: bool
    """:data:`_TASK_WORD_LOW` matches."""
    task_verb: bool
    """:data:`_TASK_VERB_LOW` matches."""
    speech_verb: bool
    """A word of :data:`_SPEECH_VERBS` after a non-word character (or at the start)."""


_new_scan = tuple.__new__


def _scan(text: str) -> _Scan:
    """One search for any hint word, then at each place found the four patterns anchored
    there: the same answers as four searches over the whole text."""
    low = text.lower()
    spaced = " " + low  # (a hint word at index i of ``low`` is found at index i here)
    decision = task = verb = speech = False
    found = _ANY_HINT_AFTER.search(spaced)
    while found is not None:
        start = found.start()
        if not decision and _DECISION_HINT.match(low, start):
            decision = True
        if not task and _TASK_WORD_LOW.match(low, start):
            task = True
        if not verb and _TASK_VERB_LOW.match(low, start):
            verb = True
        if not speech:
            word = _WORD_RUN.match(low, start)
            speech = word is not None and word.group() in _SPEECH_VERBS
        if decision and task and verb and speech:
            break
        found = _ANY_HINT_AFTER.search(spaced, start + 1)
    return _new_scan(_Scan, (low, decision, task, verb, speech))  # (no Python-level __new__)


def _task_hint(text: str, low: str, scan: _Scan | None = None) -> bool:
    """Cheap test: does the text contain anything a task is written with?

    An arrow or a mention anywhere; a label (``ToDo:``) or a checkbox near the start; a name in
    brackets or after a dash at the end; a task word or verb.
    """
    if "→" in text or "->" in text or "=>" in text or "⇒" in text or "@" in text:
        return True
    if ":" in text[:70] or "[" in text[:8] or " – " in text or " - " in text:
        return True
    if text.rstrip(" .!").endswith((")", "]")):
        return True
    if scan is not None:
        return scan.task_word
    return _TASK_WORD_LOW.search(low) is not None


_REQUEST = re.compile(r"\b(?:bitte|sollen|soll|muss|müssen|melden|einreichen|abgeben)\b", re.I)
_DUE = re.compile(
    r"\b(?:bis\s+zur\s+(?:nächsten\s+)?\w*[Ss]itzung\s+am\s+|bis\s*:?\s*(?:zum\s+|spätestens\s+|Ende\s+|zur\s+)?|Frist\s*:?\s*|Deadline\s*:?\s*"
    r"|Termin\s*:\s*|Fällig\s*:\s*|Wann\s*:\s*"
    r"|fällig\s*(?:am|bis)?\s*:?\s*|spätestens\s+(?:am\s+)?)",
    re.IGNORECASE,
)
_RANGE_END = frozenset("0123456789.")
_MENTION = re.compile(r"(?<![\w@])@([\w][\w.\-]{0,30})")


_NICK = re.compile(r"^[a-zäöü][\w.\-]{1,15}$")
"""A nickname written in lower case (``mira``, ``tkr``), accepted where a name is expected."""


_NOT_OWNERS = {
    "das", "der", "die", "es", "er", "sie", "wir", "man", "ich", "du", "ihr", "niemand",
    "jemand", "keiner", "alle", "jeder", "jede", "dies", "dieser", "diese", "dieses", "hier",
    "dann", "da", "so", "wer", "was", "dazu", "dafür", "außerdem", "zudem", "auch", "jetzt",
    "heute", "morgen", "bitte", "noch", "nun", "ein", "eine", "einer", "mehrere", "viele",
    "sinn", "spaß", "mut", "schluss", "pause", "werbung", "weiter", "mit",
    "daraufhin", "anschließend", "danach", "abschließend", "zunächst", "zuerst", "weiterhin",
    "ebenso", "somit", "deshalb", "deswegen", "daher", "hierzu", "hierfür", "zuvor", "vorab",
    "zusätzlich", "gleichzeitig", "ferner", "schließlich", "sodann", "dabei", "bisher",
    "künftig", "zukünftig", "gegebenenfalls", "eventuell", "bereits", "inzwischen",
    "mittlerweile", "ebenfalls", "zwischenzeitlich", "letztendlich",
}  # fmt: skip
"""Words that stand where a name would, but are not anyone's (``Das macht Sinn``)."""


_TITLED_OWNER = re.compile(
    r"(?:Herr|Frau|Hr\.|Fr\.)\s+(?:Dr\.\s+)?(?:[A-ZÄÖÜ][\wäöüßı'-]+\s+)?[A-ZÄÖÜ][\wäöüßı'-]+"
)
"""``Frau Yıldız``, ``Hr. Brenner``, ``Frau Dr. Anna Weiß``: a title before a surname (or a full
name) names a person, listed among those present or not (a guest takes a task too)."""


def _titled(part: str) -> bool:
    """A title and a surname (:data:`_TITLED_OWNER`) whose words are names."""
    return (
        part[:1] in "HF"
        and _TITLED_OWNER.fullmatch(part) is not None
        and all(is_name_word(w) for w in part.split()[1:] if w != "Dr.")
    )


def _owners(text: str, known: ParticipantIndex, strict: bool) -> tuple[str, ...]:
    """Names in a text that are people: every part a known participant (or plausible)."""
    parts = [p.strip(" .") for p in _NAME_JOIN.split(text.strip()) if p.strip(" .")]
    if not parts or len(parts) > 5 or any(p.lower() in _NOT_OWNERS for p in parts):
        return ()
    for part in parts:
        if (part[:1] == "@" and HANDLE.match(part)) or (known and known.knows(part)):
            continue
        if strict and not _titled(part):
            return ()
        if not plausible_name(part) and not _NICK.match(part):
            return ()
    return tuple(p.lstrip("@") for p in parts)


def _next_year(date: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return date.replace(year=date.year + 1)
    except ValueError:
        return date.replace(year=date.year + 1, day=28)


def _due_date(text: str, meeting: dt.date | None) -> dt.date | None:
    """The date ``text`` starts with, as a due date: one without a year that would lie before
    the meeting is next year's (``bis zum 31.12.`` in March: this year's end)."""
    found = find_date(text, meeting)
    if found is None or found.start != 0:
        return None
    if meeting is not None and not found.year_given and found.date < meeting:
        return _next_year(found.date) if found.date.year < dt.MAXYEAR else None
    return found.date


_DUE_NEEDLES = ("bis", "frist", "deadline", "termin", "fällig", "wann", "spätestens")
"""A word every match of :data:`_DUE` starts with."""
_NO_DUE: tuple[str, dt.date | None, dt.date | None] = ("", None, None)
_last_due = [_NO_DUE]
"""The last text :func:`_due` answered, with the meeting's date and the answer (:func:`task_in`
asks up to five times for one text); replaced whole, so that every thread reads one answer."""


def _due(text: str, meeting: dt.date | None) -> dt.date | None:
    last_text, last_meeting, last_date = _last_due[0]
    if last_text == text and last_meeting == meeting:
        return last_date
    date = _due_in(text, meeting) if _may_hold(text, _DUE_NEEDLES) else None
    _last_due[0] = (text, meeting, date)
    return date


def _due_in(text: str, meeting: dt.date | None) -> dt.date | None:
    for match in _DUE.finditer(text):
        if text[max(0, match.start() - 2) : match.start()].rstrip()[-1:] in _RANGE_END:
            continue  # ``vom 22. bis 29.09.2024``: a span of days, not a due date
        after = text[match.end() : match.end() + 30]
        date = _due_date(after, meeting) or _due_in_words(after, meeting, match.group(0))
        if date is not None:
            return date
    return None


_DUE_WORD = re.compile(r"([A-ZÄÖÜ][a-zäöü]+)\b")


def _due_in_words(text: str, meeting: dt.date | None, before: str) -> dt.date | None:
    """A due date in words, counted from the meeting: ``bis Freitag`` (the next Friday after
    it), ``bis Ende Juli`` (the month's last day, next year's if July is over), ``bis zum
    Jahresende`` (31 December of the meeting's year)."""
    word = _DUE_WORD.match(text)
    if meeting is None or word is None or meeting >= LAST_DAYS:
        return None  # (in 9999, the next Friday or month may not exist)
    name = word.group(1).lower()
    if name == "jahresende" or (name == "ende" and text.startswith("Ende des Jahres")):
        return dt.date(meeting.year, 12, 31)  # ``bis zum Jahresende``, ``bis Ende des Jahres``
    if name in WEEKDAY_NUMBERS and len(name) > 2 and not before.lower().rstrip().endswith("ende"):
        ahead = (WEEKDAY_NUMBERS[name] - meeting.weekday()) % 7 or 7
        return meeting + dt.timedelta(days=ahead)
    if name in MONTHS and len(name) > 3 and before.lower().rstrip().endswith("ende"):
        year = meeting.year + (MONTHS[name] < meeting.month)
        following = dt.date(year + (MONTHS[name] == 12), MONTHS[name] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return None


_UNNAMED = frozenset(("Ein", "Eine", "Einer", "Jemand", "Niemand", "Mehrere", "Einige"))
"""``Eine Einwohnerin fragt nach …``: someone not named is nobody's task."""


_COMMITS_INVERTED = re.compile(
    r"\b(?:sagt|sagte|sichert|sicherte)\s+" + _OFFICE_NAME + r"\s+(?:\w+\s+){0,2}?zu\b"
)
"""``Auf Nachfrage sagte Frau Marquardt zu, …``: the verb before the one who takes it on."""
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.;!?]\s+)(?:Er|Sie|Wir|Ich|Man|Der|Die|Das)\s+$|^(?:Er|Sie|Wir|Ich|Man)\s+$"
)
"""A subject right before the verb: the one named after it is the dative (``Er sagte Frau
Müller zu``)."""
_PROMISES = re.compile(
    r"(?:^|(?<=[.;!?] ))(?:" + _OFFICE + r")*([A-ZÄÖÜ][\wäöüß'-]+(?:\s+[A-ZÄÖÜ][\wäöüß'-]+)?)"
    r"\s+(?:verspricht|versprach|versprechen|versprachen),\s"
)
"""``Bürgermeister Lorenz Abt versprach, die Skateanlage … anzumelden``: a promise, a task."""
_BODY_CARES = re.compile(
    r"\b(?:will|wollen|wird|werden)\s+sich\s+(?:der|die|das)\s+([A-ZÄÖÜ][\wäöüß-]+)\s+"
    r"(?:[\wäöüß]+\s+){0,4}?(?:bemühen|kümmern)\b"
    r"|(?:^|(?<=[.;!?] ))(?:Der|Die|Das)\s+([A-ZÄÖÜ][\wäöüß-]+)\s+(?:will|wollen|wird|werden)\s+"
    r"sich\s+(?:[\wäöüß]+\s+){0,4}?(?:bemühen|kümmern)\b"
)
"""``Darum will sich der Vorstand bemühen``, ``Der Vorstand wird sich darum kümmern``: a body
takes it on."""


_REPORTS_NEXT = re.compile(
    r"(?:^|(?<=[.;!?] ))" + _OFFICE_NAME + r"\s+(?:[^.;]{0,80}?\bund\s+)?(?:berichtet|berichten"
    r"|informiert|informieren)\s+(?:\w+\s+){0,2}?(?:in\s+der|auf\s+der|bei\s+der|im|beim)\s+"
    r"nächsten\s+\w*(?:[Ss]itzung|[Kk]onferenz|[Vv]ersammlung|[Tt]reffen|[Rr]unde)\b"
)
"""``Herr Vogt nimmt die Empfehlung auf und berichtet in der nächsten Konferenz``: a report
promised for the next meeting is a task of the one who gives it."""


def _committed(text: str, low: str, meeting: dt.date | None) -> tuple[str, ...]:
    """``Frau Schaible sagt zu, dies … zu prüfen``; ``Herr Kessler fragt bis zum 15.09. nach``
    (a follow-up with a date); ``… versprach, …``; ``will sich der Vorstand bemühen``: the
    person (or body) who takes the task on."""
    if "versprach" in text or "verspricht" in text or "versprechen" in text:
        promise = _PROMISES.search(text)
        if promise and promise.group(1).split()[0].lower() not in _NOT_SPEAKERS:
            return (promise.group(1),)
    if "nächsten" in text and ("bericht" in text or "informier" in text):
        reports = _REPORTS_NEXT.search(text)
        if reports:
            return (reports.group(1),)
    if "sich" in text and ("bemühen" in text or "kümmern" in text):
        cares = _BODY_CARES.search(text)
        if cares:
            return (cares.group(1) or cares.group(2),)
    if "zu" not in low and "nach" not in low:
        return ()
    says = ("sagt" in text or "sichert" in text) and "zu" in text  # (in every match of the two)
    commits = _COMMITS.search(text) if says else None
    if commits is None and says:
        commits = _BODY_COMMITS.search(text)
    if commits is None and says:
        commits = _COMMITS_INVERTED.search(text)
        start = commits.start() if commits else 0
        if commits and _SUBJECT_BEFORE.search(text[max(0, start - 40) : start]):
            commits = None  # ``Er sagte Frau Müller zu, …``: she is who it was promised to
    follows_up = "nach" in text and ("fragt" in text or "hakt" in text)
    if commits is None and follows_up and _due(text, meeting) is not None:
        commits = _FOLLOWS_UP.search(text)
    if commits is None and follows_up and " bei" in text:
        commits = _ASKS_AT.search(text)
        if commits and commits.group(1).split()[0] in _UNNAMED:
            commits = None
    return (commits.group(1),) if commits else ()


_ASKS_AT = re.compile(
    r"(?:^|(?<=[.;!?] ))((?:(?:Herr|Frau|Hr\.|Fr\.)\s+)?(?:[A-ZÄÖÜ]\.\s*)?[A-ZÄÖÜ][\wäöüß-]+"
    r"(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)\s+(?:fragt|hakt)\s+(?:\w+\s+){0,2}?(?:bei|beim)\s+"
    r"[^.;]{1,60}?\bnach\b"
)
"""``J. Albrecht fragt bei der Feuerwehr wegen der Absicherung nach``: asking somewhere else
is a task of the one who asks (not ``fragt nach dem Termin``: a question in the meeting)."""


_WHOEVER = re.compile(
    r"Wer\s+(?:(?:Zeit|Lust)(?:\s+und\s+(?:Zeit|Lust))?\s+hat|mithelfen\s+(?:kann|möchte|will)),"
    r"\s+(?:trifft\s+sich|kommt|meldet\s+sich|hilft|bringt|ist\s+eingeladen)\b"
)
"""``Wer Zeit hat, trifft sich am 24.5. um 9 Uhr zum Ausräumen``, ``Wer mithelfen kann, meldet
sich bei …``: a call to whoever can, a task without an owner (its day the due date)."""


def task_in(
    text: str, known: ParticipantIndex, meeting: dt.date | None, scan: _Scan | None = None
) -> Task | None:
    """The task an entry records, or None.

    ``ToDo: …``, ``Aufgabe (Lea): …``, ``[ ] …``, ``… → Lea``, ``… (Bernd)`` when Bernd took
    part, ``Lea kümmert sich um …``; ``bis 15.05.`` gives the due date.
    """
    low = text.lower() if scan is None else scan.low
    if not _task_hint(text, low, scan):
        return None  # fast path: nothing a task is written with
    owners: tuple[str, ...] = ()
    is_task = False
    if " | " in text:
        cells = [c.strip() for c in text.split(" | ")]
        if all(_fold(c) in TASK_TABLE_COLUMNS for c in cells):
            return None  # the header row of a task table (``Was | Wer | Bis wann``)
        if any(
            _TASK_LABEL.match(c) and _fold(_TASK_LABEL.match(c).group(1)) in TASK_LABELS  # type: ignore[union-attr]
            for c in cells
        ):
            text = " ; ".join(cells)
            is_task = True
    labelled = (":" in text or "–" in text or " -" in text) and _task_label_start(text)
    label = _TASK_LABEL.match(text) if labelled else None
    if label and _fold(label.group(1)) in TASK_LABELS:
        is_task = True
        if label.group(2):
            owners = _owners(label.group(2), known, strict=False)
    elif (
        label
        and label.group(2) is None
        and label.group(1).strip()
        and _fold(label.group(1).split()[0]) in TASK_LABELS
    ):
        _first, _, rest = label.group(1).partition(" ")
        owners = _owners(rest, known, strict=False)
        is_task = bool(owners)
    if "[" in text[:8] and _CHECKBOX.match(text):
        is_task = True
        fields = _checkbox_fields(text, known, meeting)
        if fields is not None:
            return Task(*fields)
    arrow = _ARROW_OWNER.search(text) if ("→" in text or ">" in text or "⇒" in text) else None
    if arrow and not owners:
        who = _UNTIL_TAIL.sub("", arrow.group(1))
        found = _owners(who, known, strict=bool(known) and not is_task)
        if found:
            owners, is_task = found, True
    if not owners and ":" in text and ("verantwort" in low or "zuständ" in low or "wer" in low):
        responsible = _RESPONSIBLE.search(text)
        if responsible:
            found = _owners(responsible.group(1), known, strict=False)
            if found:
                owners, is_task = found, True
    if not owners and (text.rstrip(" .!").endswith((")", "]"))):
        trailing = _TRAILING_OWNER.search(text)
        if trailing is None and text.rstrip(" .!").endswith("))"):
            trailing = _TRAILING_OWNERS_NESTED.search(text)  # ``(Svenja, Birgit (Schlüssel))``
        if trailing and (known or is_task):
            who = _UNTIL_TAIL.sub(
                "", _IN_BRACKETS.sub("", trailing.group(1))
            )  # ``(Robin, bis 15.05.)``
            found = _owners(who, known, strict=not is_task)
            if found:
                owners, is_task = found, True
    if not owners:
        owners = _committed(text, low, meeting)
        is_task = is_task or bool(owners)
    has_verb = _has_task_verb(low) if scan is None else scan.task_verb
    verb = has_verb and _has_task_verb_phrase(text)
    if not owners and verb:
        doer = _DOER.match(_unlead(text))
        if doer is None and text[:1].islower() and known:
            doer = _LOWER_DOER.match(_unlead(text))  # ``nilo fragt die Konstanzer an``
            if doer and not known.knows(doer.group(1)):
                doer = None
        if doer and _REPORTS.match(doer.string, doer.end()):
            doer = None  # ``Frau X informiert über …``, ``Herr Y fragt, ob …``: said, not to do
        if doer and _OWN_WORK.match(doer.string, doer.end()) and _due(text, meeting) is None:
            doer = None  # ``Svenja schreibt ihre Masterarbeit über …``: her own work, told
        if doer:
            found = _owners(doer.group(1), known, strict=bool(known))
            if (
                (found or text.split()[0] in ("Der", "Die", "Das"))
                and doer.group(1).lower() not in _NOT_OWNERS
                and doer.group(1).split()[0] not in _UNNAMED
                and (found or not _person_after_verb(text, known))
            ):
                owners, is_task = found or (doer.group(1),), True
    if not owners and verb:
        body: tuple[str, ...] = ()
        for pattern in (_LATER_DOER, _VERB_DOER):
            later = pattern.search(text)
            if later and pattern is _LATER_DOER and _REPORTS.match(text, later.end()):
                # ``Herr X fragt, ob …. Beig. Y sagt zu, …``: a later sentence's doer
                later = next(
                    (m for m in _LATER_DOER.finditer(text) if not _REPORTS.match(text, m.end())),
                    None,
                )
            if later and _REPORTS.match(text, later.end()):
                continue
            if later:
                found = _owners(later.group(1), known, strict=bool(known))
                if not found and _body_actor(later.group(1), text, later.start(1)):
                    body = (later.group(1),)  # ``…. Die Verwaltung holt bis … Angebote ein``
                if found:
                    owners, is_task = found, True
                    break
        if not owners and body:  # unless a person follows the verb: ``Die Koordination
            owners, is_task = body, True  # übernimmt Elias Grünewald``
    if not is_task and verb and _ARROW_VERB.search(text):
        is_task = True
        speaker = _LABELLED.match(_unlead(text))
        if speaker:
            owners = _owners(speaker.group(1), known, strict=False)
    if not owners:
        ending = text.rstrip(" .!").endswith((")", "]"))
        dash = _has_spaced_dash(text)
        for pattern in (_INFINITIVE_OWNER, _DASH_OWNER):
            if not (ending if pattern is _INFINITIVE_OWNER else dash):
                continue
            found_match = pattern.search(text)
            if found_match and pattern is _DASH_OWNER and _lower_stranger(found_match, known):
                continue  # ``5 dagegen – angenommen``: a result, nobody's name
            if found_match:
                found = _owners(found_match.group(1), known, strict=False)
                if found:
                    owners, is_task = found, True
                    break
        named = _DASH_NAME_UNTIL.search(text) if dash and not owners else None
        if named and (is_task or named.group("until")):
            found = _owners(named.group(1), known, strict=not is_task)
            if found:
                owners, is_task = found, True
    if not owners and (" an " in text) and ("bitte" in low or _due(text, meeting) is not None):
        addressee = _TO_OWNER.search(text)
        if addressee:
            found = _owners(addressee.group(1), known, strict=False)
            if found:
                owners, is_task = found, True
    if not owners and ("gebeten" in low or "beauftragt" in low or "aufgefordert" in low):
        asked = _ASKED.search(_unlead(text))
        if asked and asked.group(1).lower() not in _NOT_OWNERS:
            owners, is_task = (asked.group(1),), True
    if not owners and ("bitte" in low or "bat " in low or "beauftragt" in low or "ersucht" in low):
        other = _ASKS_OTHER.search(text)
        if other and other.group(1).lower() not in _NOT_OWNERS:
            owners, is_task = (other.group(1),), True
        named = _ASKS_NAMED.search(text) if not owners else None
        if named and named.group(1).startswith("alle "):
            is_task = True
        elif named and plausible_name(named.group(1), known):
            owners, is_task = (named.group(1),), True
    if (
        not owners
        and (" wird " in text or " will " in text or " möchte " in text)
        and _ends_in_en(text)
    ):
        will = _WILL_DO.search(text)
        if will and _announces(will, text, known, _due(text, meeting) is not None):
            owners, is_task = (will.group(1),), True
    if not owners and (" werden " in text or " wollen " in text) and _ends_in_en(text):
        both = _WILL_DO_TWO.search(text)  # ``Uwe und Marco werden … einholen.``
        found = _owners(both.group(1), known, strict=bool(known)) if both else ()
        if len(found) == 2 and all(known.knows(n) or len(n.split()) == 2 for n in found):
            owners, is_task = found, True  # (listed, or full names: not ``Kinder und Eltern``)
    if not owners and not is_task and ("Wir " in text or " wird " in text or " werden " in text):
        planned = _PLANNED.search(text)
        if planned:
            owners, is_task = ((planned.group(1),) if planned.group(1) else ()), True
    if not is_task and "bis" in low and _REQUEST.search(text) and _due(text, meeting) is not None:
        is_task = True
    whoever = (
        _WHOEVER.match(text)
        if not is_task and text.startswith("Wer ") and not text.rstrip().endswith("?")
        else None
    )
    if whoever is not None:  # ``Wer Zeit hat, trifft sich am 24.5. um 9 Uhr zum Ausräumen``
        when = find_date(text[whoever.end() :], meeting)
        return Task((), _due(text, meeting) or (when.date if when is not None else None))
    if is_task and not owners:
        owners = tuple(m.group(1) for m in _MENTION.finditer(text))
    if is_task and not owners and ("melden" in low or "schicken" in low or "reichen" in low):
        many = _MANY_REPORT.search(text)
        if many and _fold(many.group(1)) in _MANY_ACTORS:
            owners = (many.group(1),)  # ``Einrichtungen melden sich bis 30.9. beim SBZ``
    if not is_task:
        return None
    due = _due(text, meeting)
    if due is None and owners and text.rstrip()[-1:] in _DATE_ENDS:
        due = _dash_due(text, meeting)  # ``Schlüsselkasten bestellen – Yusuf – 26.05.2025``
    return Task(owners, due)


_HE_WILL = re.compile(r"(?:^|(?<=[.;!?] ))(?:Er|Sie)\s+werde\s+[^.;!?]{3,160}?[.!](?=\s|$)")
"""``Er werde das Anliegen an den Festausschuss weitergeben.``: in reported speech (the
subjunctive), what the entry's speaker announces to do."""


def _speaker_will(text: str, speaker: Person, meeting: dt.date | None) -> Task | None:
    """The speaker's task when a sentence of the entry reports, with ``Er/Sie werde …``, what
    they will do (ending in a verb of following up or producing, :data:`_FOLLOW_UP`)."""
    for will in _HE_WILL.finditer(text):
        if _FOLLOW_UP.search(will.group(0)) is not None:
            return Task((speaker.name,), _due(text, meeting))
    return None


def _tasks_of_sentences(
    text: str, known: ParticipantIndex, meeting: dt.date | None, task: Task | None
) -> Task | None:
    """An entry of several sentences may record a task in each (``Frau Brune übernimmt bis
    zum 30.11. die Mitgliederliste. Herr Gerstner nimmt Kontakt mit Sponsoren auf.``): the
    entry's task has the owners of all, in order (the due date of the first found)."""
    starts = list(_sentence_starts(text))
    if not starts:
        return task
    owners = list(task.owners) if task is not None else []
    due = task.due if task is not None else None
    found = task is not None
    for start, end in zip((0, *starts), (*starts, len(text)), strict=True):
        sentence = text[start:end].strip()
        low = sentence.lower()
        more = task_in(sentence, known, meeting) if _TASK_WORD_LOW.search(low) else None
        if more is None or not more.owners:
            continue
        if not found:
            due, found = more.due, True
        owners += [o for o in more.owners if not any(o in x or x in o for x in owners)]
    if not found:
        return None
    if task is not None and tuple(owners) == task.owners:
        return task
    return Task(tuple(owners), due)


_DATE_ENDS = frozenset("0123456789.")
_DASH_DUE = re.compile(r"\s[–-]\s+(?:bis\s+)?(\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)\s*$")


def _dash_due(text: str, meeting: dt.date | None) -> dt.date | None:
    """A date after the last dash of a task line: when it is due."""
    match = _DASH_DUE.search(text)
    return _due_date(match.group(1), meeting) if match else None


_CHECKBOX_FIELDS = re.compile(r"^\s*\[[ xX]\]\s+\S.*?\s[-–]\s+([^-–]{1,40}?)(?:\s+[-–]\s+(.+))?$")


def _checkbox_fields(
    text: str, known: ParticipantIndex, meeting: dt.date | None
) -> tuple[tuple[str, ...], dt.date | None] | None:
    """``[ ] Flyertext schreiben - Ömer - 2025-02-25``: a task template's line, the owner and
    the due date (or a status) in fields after dashes; None when the field is nobody's name."""
    fields = _CHECKBOX_FIELDS.match(text)
    if fields is None:
        return None
    owners = _owners(fields.group(1), known, strict=False)
    if not owners:
        return None
    rest = (fields.group(2) or "").strip()
    found = find_date(rest, meeting) if rest[:1].isdigit() else None
    return owners, found.date if found and found.start == 0 else _due(text, meeting)


_UNTIL_TAIL = _Needled(re.compile(r",\s*bis\b.*$"), ("bis",))
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b")
_OPEN_YET = re.compile(r"\bnoch\s+offen\b|\bwird\s+noch\b|\bper\s+Doodle\b", re.I)


# --- the whole protocol ---------------------------------------------------------------------


_COUNT_ONLY = re.compile(
    r"^\s*(?:Ja|Nein|Dafür|Dagegen|Enthaltung(?:en)?|Pro|Contra|Kontra|Gegenstimmen?"
    r"|Zustimmung(?:en)?|Ablehnung(?:en)?|(?:Ja|Nein)-?Stimmen?)\s*[:=]?\s*\d{1,3}\s*[,;/]?\s*$",
    re.IGNORECASE,
)


_COUNT_SEPARATORS = frozenset(",;/")
_WEIGHT = re.compile(r"(?<!\s)\s*\([^()]{1,30}\)\s*$")  # (once per run of spaces)
"""A weight after a count: ``Ja-Stimmen: 5 (453 MEA)``, ``Dafür: 7 (70 %)``."""


def _unweighted(text: str) -> str:
    """The count line without the weight in parentheses after its number."""
    if not text.rstrip().endswith(")"):
        return text
    return _WEIGHT.sub("", text)


def _count_only(text: str) -> bool:
    """:data:`_COUNT_ONLY` matches, after a look at the last character it can end with (a
    digit or ``,;/``, or the ``)`` of a weight): most entries end otherwise."""
    text = _unweighted(text)
    last = text.rstrip()[-1:]
    return (last.isdecimal() or last in _COUNT_SEPARATORS) and _COUNT_ONLY.match(text) is not None


def _result_below_counts(decision: Decision | None, pending: list[str], target: int | None) -> bool:
    """A result line (``Endergebnis: Angenommen``) right below the count lines of a motion:
    it says the motion's result, whatever the counts suggest."""
    return (
        decision is not None
        and bool(pending)
        and target is not None
        and decision.result in ("accepted", "rejected")
        and _no_counts(decision)
    )


def _no_counts(decision: Decision) -> bool:
    return decision.yes is None and decision.no is None and decision.abstain is None


def _with_counts(decision: Decision, counts: tuple[int | None, int | None, int | None]) -> Decision:
    yes, no, abstain = counts
    result = decision.result
    if result is None and yes is not None and no is not None:
        result = "accepted" if yes > no else "rejected"
    return replace(decision, yes=yes, no=no, abstain=abstain, result=result)


_TASK_TITLES = {
    "todo", "todos", "aufgaben", "aufgabenverteilung", "aufgabenliste", "todoliste",
    "arbeitsaufträge", "aktionspunkte", "verantwortlichkeiten",
}  # fmt: skip
_TASK_TITLE_PARTS = ("to do", "action item", "nächste schritte", "next steps", "wer macht was")


def _statement(text: str) -> bool:
    """A sentence that states something (``Das Elterncafé wird ab März … angeboten.``), not an
    introduction (``Folgende Beschlüsse wurden gefasst:``) or a question."""
    return text.rstrip().endswith((".", "!")) and len(text) >= 20 and "?" not in text


def _context_of(title: str) -> str | None:
    """``task`` or ``decision`` when an item's title says all its entries are such."""
    folded = _fold(title).replace("'", "").replace("’", "")
    words = set(folded.replace("/", " ").replace("&", " ").split())
    if words & _TASK_TITLES or any(folded.startswith(label) for label in _TASK_TITLE_PARTS):
        return "task"  # (``Sozialraumorientierung – nächste Schritte`` is a topic, no task list)
    if words & {"beschlüsse", "entscheidungen", "beschlussübersicht", "beschlussliste"}:
        return "decision"
    return None


def _nothing(text: str) -> bool:
    """``keine``, ``-``, ``entfällt``: an entry that says there is nothing."""
    return _fold(text.strip().rstrip(".!")) in _NOTHING


def _decisions_label(text: str) -> bool:
    """``Beschlüsse:``, ``**Entscheidungen:**``, ``Ergebnisse / Beschlüsse:``: a label over a list
    of decisions (as :func:`_context_of` reads an item's title)."""
    label = text.strip().strip("*_ ").rstrip(":").strip("*_ ")
    return len(label) <= 40 and _context_of(label) == "decision"


_INTRODUCES_DECISIONS = re.compile(
    r"\b(?:geeinigt|verständigt|vereinbart|beschlossen|entschieden|festgelegt)\s*:$"
)
"""A line that introduces a list of agreements: ``Es wird sich auf folgendes geeinigt:``,
``Folgendes wurde beschlossen:``."""


def annotate_points(
    points: tuple[Point, ...],
    known: ParticipantIndex,
    meeting: dt.date | None,
    context: str | None = None,
) -> tuple[Point, ...]:
    """The points with speaker, decision and task set from their text (recursively).

    Votes written on lines of their own (``Dafür: 3``, ``Dagegen: 0``) go to the decision
    next to them; in an item titled ``ToDos`` or ``Beschlüsse`` every entry is one.
    """
    result: list[Point] = []
    previous: Point | None = None
    pending: list[str] = []
    target: int | None = None  # the decision that the vote lines below it belong to
    agreed = False  # after a line that introduces agreements (``Folgendes wurde vereinbart:``)
    by_label = False  # … that line was a label (``Beschlüsse:``): the next paragraph ends it
    for point in points:
        scan = _scan(point.text)
        decision = decision_in(point.text, previous, scan)
        count_only = _count_only(point.text)
        if _result_below_counts(decision, pending, target):
            # ``Endergebnis: Abgelehnt`` below ``Ja-Stimmen: 1`` / ``Nein-Stimmen: 3``
            assert decision is not None and target is not None
            motion = result[target].decision
            assert motion is not None
            motion = replace(motion, result=decision.result)
            result[target] = replace(result[target], decision=motion)
            decision = None
        if (
            decision is None
            and not count_only
            and not agreed
            and context is None
            and point.kind != "paragraph"
        ):
            if target is not None:  # (all the steps below do for an entry that decides nothing)
                pending, target = [], None
        else:
            if count_only:
                pending.append(_unweighted(point.text))
                if len(pending) == 1:
                    motion = previous.decision if previous is not None else None
                    target = len(result) - 1 if motion is not None and _no_counts(motion) else None
                if target is not None:
                    counts = _counts(" ".join(pending), True)
                    motion = result[target].decision
                    assert motion is not None
                    result[target] = replace(result[target], decision=_with_counts(motion, counts))
                decision = None
            elif decision is None and (
                (
                    context == "decision"
                    and (point.kind != "paragraph" or len(points) == 1 or _statement(point.text))
                )
                or (agreed and point.kind != "paragraph" and not _nothing(point.text))
            ):
                decision = Decision("decision", result="accepted")
            elif (
                by_label
                and decision is not None
                and decision.result is None
                and not _count_only(point.text)
            ):
                decision = replace(decision, result="accepted")  # an entry of ``Beschlüsse:``
            if point.kind == "paragraph":
                # ``Es wird sich auf folgendes geeinigt:``: the list entries below are agreements,
                # also under labels (``Kommunikation:``), until a paragraph says something else
                text = point.text.rstrip()
                labelled = text.endswith(":") and _decisions_label(text)
                if agreed and by_label and not labelled:
                    agreed = by_label = False  # ``Beschlüsse:`` / … / ``Sonstiges:``: over
                if labelled:
                    agreed = by_label = True
                elif text.endswith(":") and _INTRODUCES_DECISIONS.search(text.lower()):
                    agreed = True
                elif agreed and (len(text) > 60 or text.endswith((".", "!", "?"))):
                    agreed = False
            if decision is not None and pending and decision.yes is None:
                decision = _with_counts(decision, _counts(" ".join(pending), True))
            if not count_only and (decision is not None or target is not None):
                pending, target = [], None
            if (
                decision is not None
                and decision.kind == "vote"
                and previous is not None
                and previous.decision is not None
                and previous.decision.kind in ("motion", "decision")
                and _no_counts(previous.decision)
            ):
                result[-1] = replace(previous, decision=_merge_vote(previous.decision, decision))
            if (
                decision is not None
                and previous is not None
                and previous.decision is not None
                and previous.decision.result is None
                and decision.result is not None
                and _RESULT_ONLY.match(point.text)
            ):
                # ``Konsensvorschlag: …`` and below it ``-> Konsens``: the proposal's result
                merged = replace(previous.decision, result=decision.result)
                result[-1] = replace(previous, decision=merged)
        if result and _for_the_entry_above(result, point.text, known, meeting):
            previous = result[-1]
            result.append(point)  # ``Verantwortliche: Greta`` under ``Lösungsansatz: …``
            continue
        speaker = inline_speaker(point.text, known, scan)
        task = task_in(point.text, known, meeting, scan)
        if scan.task_word and ". " in point.text:
            task = _tasks_of_sentences(point.text, known, meeting, task)
        if task is None and speaker is not None and " werde " in point.text:
            task = _speaker_will(point.text, speaker, meeting)
        if (
            not point.points
            and speaker is None
            and decision is None
            and task is None
            and context != "task"
            and point.speaker is None
            and point.decision is None
            and point.task is None
        ):
            result.append(point)  # nothing to record: keep the entry as it is
            previous = point
            continue
        if task is None and context == "task":
            owner = _LABELLED.match(point.text)
            owners = _owners(owner.group(1), known, strict=False) if owner else ()
            task = Task(owners, _due(point.text, meeting))
        if task is not None and not task.owners and context == "task" and speaker is None:
            owner = _LABELLED.match(point.text)
            if owner:
                task = replace(task, owners=_owners(owner.group(1), known, strict=False))
        current = Point(
            point.text,
            annotate_points(point.points, known, meeting, context),
            point.kind,
            point.marker,
            speaker,
            decision,
            task,
            point.line,
        )
        result.append(current)
        previous = current
    _vote_at_the_end(result)
    return _same_or(points, result)


_OWNER_LINE = re.compile(
    r"^\W*(?:[Vv]erantwortlich(?:e|er)?|[Zz]uständig(?:e|er)?|[Ww]er)\W*:\W*(\S.{0,80})$"
)
_DUE_LINE = re.compile(
    r"^\W*(?:[Dd]eadline|[Ff]rist|[Bb]is\s+wann|[Bb]is|[Ff]ällig)\W*:\W*(\S.{0,40})$"
)
_IN_BRACKETS = re.compile(r"\s*\([^()]*\)")


def _for_the_entry_above(
    result: list[Point], text: str, known: ParticipantIndex, meeting: dt.date | None
) -> bool:
    """``Aktionen: Schlüsselkasten bestellen`` / ``Verantwortliche: Yusuf`` / ``Deadline:
    26.05.2025`` as entries of their own: who and by when belong to the entry above, which
    becomes a task (True: ``text`` was such a line and has been given to it)."""
    if ":" not in text[:24]:
        return False
    above = result[-1]
    owner = _OWNER_LINE.match(text)
    if owner and above.task is None and above.decision is None and not above.text.endswith(":"):
        names = _owners(_IN_BRACKETS.sub("", owner.group(1)), known, strict=False)
        if names:
            result[-1] = replace(above, task=Task(names, None))
            return True
    index = len(result) - 1
    if index > 0 and above.task is None and _OWNER_LINE.match(above.text):
        index -= 1  # the owner line between the entry and its deadline
    task = result[index].task
    due = _DUE_LINE.match(text) if task is not None and task.due is None else None
    date = _due_date(due.group(1), meeting) if due and task is not None else None
    if date is not None and task is not None:
        result[index] = replace(result[index], task=replace(task, due=date))
        return True
    return False


_VOTE_RESULT_LABEL = re.compile(
    r"^\s*(?:Abstimmungsergebnis|Abstimmung|Ergebnis)\s*:", re.IGNORECASE
)


def _vote_at_the_end(points: list[Point]) -> None:
    """``Beschluss:`` / the resolution / the discussion / ``Abstimmungsergebnis: Einstimmiger
    Beschluss ( 27 Ja-Stimmen)`` at the item's end: the counts of that result line belong to the
    one resolution above it that has none (a council page), not only to the entry right above."""
    last = -1  # the previous result line: a resolution above it is that one's
    for index, point in enumerate(points):
        vote = point.decision
        if vote is None or vote.yes is None or not _VOTE_RESULT_LABEL.match(point.text):
            continue
        above = [i for i in range(last + 1, index) if points[i].decision is not None]
        last = index
        if len(above) != 1 or above[0] == index - 1:
            continue  # none, several, or right above (merged already where it belongs)
        target = points[above[0]]
        motion = target.decision
        assert motion is not None
        if motion.kind not in ("decision", "motion") or not _no_counts(motion):
            continue
        merged = _with_counts(motion, (vote.yes, vote.no, vote.abstain))
        if merged.result is None and vote.result is not None:
            merged = replace(merged, result=vote.result)
        points[above[0]] = replace(target, decision=merged)


def _same_or(old: tuple[_T, ...], new: list[_T]) -> tuple[_T, ...]:
    """``old`` itself when ``new`` holds the very same objects (nothing recorded: the frozen
    objects are not built a second time), else ``new`` as a tuple."""
    if len(old) == len(new) and all(map(operator.is_, old, new)):
        return old
    return tuple(new)


def _annotate_blocks(
    blocks: tuple[Block, ...],
    known: ParticipantIndex,
    meeting: dt.date | None,
    context: str | None = None,
) -> tuple[Block, ...]:
    result: list[Block] = []
    for block in blocks:
        points = annotate_points(block.points, known, meeting, context)
        if points is not block.points:
            block = Block(block.speaker, points, block.note, block.line)
        result.append(block)
    return _same_or(blocks, result)


def _annotate_item(
    item: AgendaItem, known: ParticipantIndex, meeting: dt.date | None, register: str | None
) -> AgendaItem:
    blocks = _annotate_blocks(item.blocks, known, meeting, _context_of(item.title) or register)
    items = _same_or(item.items, [_annotate_item(i, known, meeting, register) for i in item.items])
    if blocks is item.blocks and items is item.items:
        return item
    return AgendaItem(item.number, item.title, item.presenter, blocks, items, item.line)


def is_next_meeting_text(text: str) -> bool:
    """An entry that announces the next meeting (a label or a sentence with a date or time)."""
    label = NEXT_MEETING.match(_unlead(text))
    if label and label.group(1).strip():
        return True
    return bool(NEXT_MEETING_SENTENCE.search(text)) and (
        find_date(text) is not None
        or bool(_CLOCK.search(text))
        or bool(_OPEN_YET.search(text))
        or bool(_MONTH_OR_SEASON.search(text))
    )


_MONTH_OR_SEASON = re.compile(
    r"\b(?:im|ab|für|Anfang|Mitte|Ende)\s+(?:des\s+|das\s+)?(?:Januar|Februar|März|April|Mai|Juni|Juli"
    r"|August|September|Oktober|November|Dezember|Frühjahr|Frühling|Sommer|Herbst|Winter"
    r"|Frühsommer|Spätsommer|Frühherbst|Spätherbst)"
    r"(?:\s+\d{4}|\s+(?:des\s+)?(?:nächsten|kommenden)\s+Jahres)?\b"
)
"""``im Frühjahr 2025``, ``im April``, ``für das Frühjahr 2026``, ``im Frühsommer 2026``, ``im
April nächsten Jahres``: when the next meeting will be, without a day."""


_NEXT_PHRASE = NEXT_MEETING_ANYWHERE


def _announced_anywhere(protocol: Protocol) -> str | None:
    """The last entry that names the next meeting inside a sentence (``… für das nächste
    Treffen am 5.06. …``, ``… trifft sich wieder am 8. Oktober …``) with a date after this
    meeting's, or a month (``soll im Juni 2026 … stattfinden``), in that sentence."""
    found: str | None = None
    for point in protocol.all_points():
        text = point.text
        if (
            "chste" not in text
            and "trifft" not in text
            and "treffen" not in text
            and "weitere" not in text
            and "Folge" not in text
        ):
            continue
        for match in NEXT_MEETING_ANYWHERE.finditer(text):
            rest = text[match.start() : match.start() + 200]
            end = _sentence_end(rest, match.end() - match.start())
            sentence = rest[:end]
            date = find_date(sentence, protocol.date)
            if date is None and _TERM_FOR.search(text, max(0, match.start() - 20), match.start()):
                # ``Bereits der 13.10. wurde als Termin für die nächste Sitzung … vereinbart``:
                # the date before the phrase, in the same sentence
                begin = _sentence_start(text, match.start())
                date = find_date(text[begin : match.start()], protocol.date)
            if (date is not None and (protocol.date is None or date.date > protocol.date)) or (
                date is None and _MONTH_OR_SEASON.search(sentence)
            ):
                found = text
    return found


_TERM_FOR = re.compile(r"\bTermin\s+(?:für|zur|zum)\s+$|\bTermin\s+(?:für|zur|zum)\s+(?=\S+\s+n)")
"""``als Termin für`` right before ``die nächste Sitzung``."""


def _sentence_start(text: str, end: int, reach: int = 200) -> int:
    """Where the sentence that holds ``end`` begins (after ``. `` that follows a word, not a
    day number: ``Bereits der 13.10. wurde …`` is one sentence), looking back at most
    ``reach`` characters (a sentence longer than that starts there)."""
    floor = max(0, end - reach)
    index = end
    while True:
        stop = text.rfind(". ", floor, index)
        if stop < 0:
            return floor
        if not text[stop - 1 : stop].isdigit():
            return stop + 2
        index = stop


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence that goes on at ``start`` ends (a full stop after a day number such
    as ``am 5.06.`` does not end it)."""
    index = start
    while True:
        stop = text.find(". ", index)
        if stop < 0:
            return len(text)
        if not text[stop - 1 : stop].isdigit():
            return stop + 1
        index = stop + 2


_SENTENCE_BREAK = re.compile(
    r"(?:(?<=[a-zäöüß]{2}[.!?])|(?<=[)“”\"][.!?]))[“”\"]?\s+(?=[„\"]?[A-ZÄÖÜ])"
)
"""The space after a sentence: a full stop after a word (not after a number: ``am 14.
Dezember``, nor after an abbreviation in capitals: ``Dr. Brandt``)."""
_QUOTES = '„“”"»«'


def _later_sentence(text: str, after: dt.date | None) -> str | None:
    """``… übernimmt das bis Ende Oktober. Die nächste Versammlung soll im September 2025
    stattfinden.``: the sentence after the first that names the next meeting (with a date, a
    time or a month; a qualified one like ``Die nächste Sitzung des Beirates findet am …`` with a
    date after ``after``), quotes stripped; None when no later sentence does."""
    if "chste" not in text:
        return None
    for sentence in _SENTENCE_BREAK.split(text)[1:]:
        sentence = sentence.strip(_QUOTES + " ")
        if "chste" not in sentence:
            continue
        if is_next_meeting_text(sentence):
            return sentence
        if NEXT_MEETING_QUALIFIED.match(sentence):
            date = find_date(sentence, after)
            if date is not None and (after is None or date.date > after):
                return sentence
    return None


def next_meeting_in(protocol: Protocol) -> NextMeeting | None:
    """The next meeting named inside the content, when no ``Nächster Termin:`` line names it."""
    found: str | None = None
    at = 0  # where the date of the next meeting may start in ``found``
    for point in protocol.all_points():
        if is_next_meeting_text(point.text):
            found, at = point.text, 0
            continue
        sentence = _later_sentence(point.text, protocol.date)
        if sentence is not None:
            found, at = point.text, point.text.find(sentence)
    if found is None:
        # An item titled ``Nächste Sitzung``: its first entry with a date names it, else its
        # first entry (``Im Juni in Thun``).
        for item in protocol.all_items():
            label = NEXT_MEETING.match(item.title.split(" / ")[0])
            if label and not label.group(1).strip():
                entries = [p.text for b in item.blocks for p in b.points]
                named = [t for t in entries if NEXT_MEETING_SENTENCE.search(_unlead(t))]
                dated = [t for t in entries if find_date(t)]
                if named or dated or entries:
                    found = (named or dated or entries)[0]
    if found is None:
        # ``Die nächste Sitzung der Gemeindevertretung findet am 22. Mai statt.``, ``Herr Brandt
        # weist auf die nächste Sitzung am 11.06.2024 hin``, ``… für das nächste Treffen am
        # 5.06. …`` (a date after this meeting's)
        for point in protocol.all_points():
            text = point.text
            on_day = NEXT_MEETING_AT.search(text) if "chste" in text else None
            start = on_day.end() if on_day is not None else 0
            if (
                on_day is not None
                or NEXT_MEETING_QUALIFIED.search(text)
                or ("chste" in text and NEXT_MEETING_REPORTED.search(text))
            ):
                date = find_date(text[start:], protocol.date)
                if date is not None and (protocol.date is None or date.date > protocol.date):
                    found, at = text, start
    if found is None:
        found = _announced_anywhere(protocol)
    if found is None:
        # the plan's last entries name it (``- Nächstes Plenum am: 23.06.2025`` under
        # ``## Themensammlung``): an entry with a next-meeting label and a date
        found = next(
            (e for e in protocol.agenda if is_next_meeting_text(e) and find_date(e) is not None),
            None,
        )
    if found is None:
        return None
    date = find_date(found[at:], protocol.date) if at else None
    if date is None:  # the date in the sentence that names the next meeting, else the first
        phrase = _NEXT_PHRASE.search(found)
        date = find_date(found[phrase.start() :], protocol.date) if phrase else None
    if date is None:
        date = find_date(found, protocol.date)
    label = NEXT_MEETING.match(_unlead(found))
    if label:
        date = find_date(label.group(1), protocol.date)
    return NextMeeting(found, date.date if date else None, "")


def forget() -> None:
    """Drop what is remembered of the texts seen (the parser calls it at the start of every
    parse, as for the other caches keyed on texts)."""
    _last_due[0] = _NO_DUE


def annotate(protocol: Protocol, known: ParticipantIndex | None = None) -> Protocol:
    """Set every entry's speaker, decision and task, and an inline next meeting, from the text
    (``known``: the names of those present, when the caller has them already)."""
    if known is None:  # (guests of a listed meeting speak too: ``Tim stellt … vor``)
        listed = protocol.listed_present()
        if names_nobody(listed):
            listed = ()  # ``Anwesend: der Vorstand (3), …``: groups and counts, no names
        guests = [p for g in protocol.attendance if g.kind == "guests" for p in g.people]
        known = ParticipantIndex([*listed, *guests] if listed else ())
    meeting = protocol.date
    # ``Beschlüsse des Plenums`` as the title: the document is a register, every entry one
    register = _context_of(protocol.title) if not protocol.participants else None
    preamble = _annotate_blocks(protocol.preamble, known, meeting, register)
    items = _same_or(
        protocol.items, [_annotate_item(i, known, meeting, register) for i in protocol.items]
    )
    annotated = protocol
    if preamble is not protocol.preamble or items is not protocol.items:
        annotated = replace(protocol, preamble=preamble, items=items)
    if annotated.next_meeting is None:
        inline = next_meeting_in(annotated)
        if inline is not None:
            annotated = replace(annotated, next_meeting=inline)
    return annotated
