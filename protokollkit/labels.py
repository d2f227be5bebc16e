"""The words of the protocol layout: labels people write, and what each one means.

Shared by the layout rules (which recognise them) and the writers (which write the canonical
ones). Only vocabulary lives here, no parsing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from protokollkit.model import AttendanceKind, DecisionKind, MetaKind

CANONICAL_PARTICIPANTS_LABEL = "Teilnehmende:"
CANONICAL_NEXT_MEETING_LABEL = "Nächster Termin:"
CANONICAL_AGENDA_LABEL = "Tagesordnung"


_EMOJI_PARTS = frozenset(("So", "Sk", "Mn", "Cf"))
"""Unicode categories of pictographs and what joins or varies them."""


def _key(label: str) -> str:
    """A label folded for lookup: lower case, no gender marks, single spaces, no emoji before
    it (``📋 Agenda``)."""
    if not label[:1].isalnum():  # (a letter or digit is neither space nor an emoji's part)
        while label and (label[0].isspace() or unicodedata.category(label[0]) in _EMOJI_PARTS):
            label = label[1:]
    label = label.lower().replace("*", "").replace(":", "").replace("_", "")
    return " ".join(label.replace("-", " ").split())


@functools.lru_cache(maxsize=8192)
def label_key(label: str) -> str:
    """The lookup key of a written label (``Teilnehmer*innen`` → ``teilnehmerinnen``)."""
    return _key(label)


META_WORDS: tuple[tuple[str, MetaKind], ...] = (
    ("beginn", "start"), ("anfang", "start"), ("ende", "end"), ("schluss", "end"),
    ("leitung", "chair"), ("moderation", "chair"), ("vorsitz", "chair"),
    ("protokollant", "minute_taker"), ("schriftführ", "minute_taker"),
    ("protokollführ", "minute_taker"), ("ort", "place"), ("raum", "place"),
    ("datum", "date"), ("uhrzeit", "time"), ("sitzungsdauer", "time"), ("dauer", "time"),
    ("startzeit", "start"), ("endzeit", "end"), ("beginnzeit", "start"), ("leiter", "chair"),
    ("leiterin", "chair"),
)  # fmt: skip
"""Words inside a longer label that say what it is (``Tatsächliche Beginnzeit``)."""


def meta_kind(key: str) -> MetaKind | None:
    """What a folded meta label means: exactly, or by a word inside a short label."""
    if key in META_LABELS:
        return META_LABELS[key]
    if "/" in key:  # ``Ort/Platform``, ``Leitung/Moderation``: the first part that is known
        for part in key.split("/"):
            if part.strip() in META_LABELS:
                return META_LABELS[part.strip()]
    words = key.split()
    if not 1 <= len(words) <= 4:
        return None
    for word in words:
        for stem, kind in META_WORDS:
            if word == stem or (
                word.startswith(stem) and stem not in ("ort", "raum") and not _outcome(word, stem)
            ):
                return kind
        if word.endswith("ungsort"):
            return "place"  # ``Versammlungsort``, ``Tagungsort und -lokal``, ``Besprechungsort``
        if word.endswith("ungszeit"):
            return "time"  # ``Versammlungszeit``, ``Tagungszeit``
    return None


_OUTCOME_TAILS = ("ergebnis", "wort", "bemerkung", "folgerung", "bericht", "abstimmung")
"""What follows ``End``/``Schluss`` in a word that names an outcome, not a time: ``Endergebnis``,
``Schlusswort``, ``Schlussbemerkung``, ``Schlussabstimmung``."""


def _outcome(word: str, stem: str) -> bool:
    """``endergebnis``, ``schlusswort``: a compound of a time stem and an outcome noun."""
    if stem not in ("ende", "schluss"):
        return False
    base = stem.rstrip("e")  # ``End|ergebnis`` shares its ``e`` with ``ende``
    return word[len(base) :].lstrip("-").startswith(_OUTCOME_TAILS) or word[len(stem) :].lstrip(
        "-"
    ).startswith(_OUTCOME_TAILS)


META_LABELS: dict[str, MetaKind] = {
    **dict.fromkeys(
        ["datum", "date", "sitzungsdatum", "tag", "wann", "sitzungstermin", "termin der sitzung",
         "startdate", "start date", "eventdate", "event date", "meetingdate",
         "termin", "datum und uhrzeit", "datum/uhrzeit", "datum uhrzeit"],
        "date",
    ),
    **dict.fromkeys(
        ["ort", "sitzungsort", "tagungsort", "raum", "location", "veranstaltungsort", "wo",
         "place", "treffpunkt", "videokonferenz", "sitzungsraum"],
        "place",
    ),
    **dict.fromkeys(["zeit", "uhrzeit", "dauer", "time", "sitzungszeit"], "time"),
    **dict.fromkeys(
        ["beginn", "start", "anfang", "sitzungsbeginn", "beginn der sitzung", "sitzungseröffnung",
         "eröffnung", "sitzungsstart", "startzeit"],
        "start",
    ),
    **dict.fromkeys(
        ["ende", "schluss", "sitzungsende", "ende der sitzung", "schluss der sitzung", "end",
         "sitzungsschluss"],
        "end",
    ),
    **dict.fromkeys(
        ["sitzungsleitung", "leitung", "moderation", "moderator", "moderatorin", "moderatorinnen",
         "vorsitz", "vorsitzende", "vorsitzender", "versammlungsleitung", "versammlungsleiter",
         "versammlungsleiterin", "redeleitung", "chair", "sitzungsleiter", "sitzungsleiterin",
         "leitung der sitzung", "gesprächsleitung", "diskussionsleitung"],
        "chair",
    ),
    **dict.fromkeys(
        ["protokoll", "protokollant", "protokollantin", "protokollantinnen", "protokollführung",
         "protokollführer", "protokollführerin", "protokollführerinnen", "schriftführer",
         "schriftführerin", "schriftführung", "protokoll geführt von", "protokoll von",
         "protokollierung", "minutes", "protokollantin/protokollant", "protokollschreiber",
         "protokollschreiberin", "author", "autor", "autorin", "verfasser", "verfasserin"],
        "minute_taker",
    ),
    **dict.fromkeys(
        ["beschlussfähigkeit", "beschlussfähig", "quorum", "beschlussfähigkeit festgestellt"],
        "quorum",
    ),
}  # fmt: skip
"""Meta labels (folded) → what they say about the meeting."""

ANYWHERE_META: frozenset[MetaKind] = frozenset({"end", "minute_taker", "start"})
"""Meta kinds that may stand after the agenda too (``Ende der Sitzung: 21:10``)."""

PRESENT_LABELS = {
    "teilnehmende", "teilnehmer", "teilnehmerinnen", "teilnehmer innen", "teilnehmerin",
    "anwesend", "anwesende", "anwesenheit", "anwesenheitsliste", "tn", "dabei",
    "anwesende personen", "anwesende mitglieder", "teilnehmende personen", "present",
    "attendees", "es nahmen teil", "mit dabei", "anwesend waren", "beteiligte",
    "stimmberechtigt anwesend", "anwesend stimmberechtigt", "stimmberechtigte",
    "teilnehmer:innen", "anwesend sind", "wer war da", "es waren anwesend", "es sind anwesend",
    "anwesende waren", "anwesend war", "teilgenommen haben", "es nahmen teil an der sitzung",
    "ratsmitglieder", "gemeinderatsmitglieder", "stadtratsmitglieder", "kreistagsmitglieder",
    "ausschussmitglieder", "beiratsmitglieder", "stimmberechtigte mitglieder",
}  # fmt: skip
"""Labels of the list of people present (folded): also the members of a council listed in
its minutes (``Ratsmitglieder:`` over ``Ratsherr Böttcher (CDU) - Eilte``)."""

ATTENDANCE_LABELS: dict[str, AttendanceKind] = {
    **dict.fromkeys(
        ["entschuldigt", "entschuldigte", "entschuldigt abwesend", "abgemeldet", "abmeldungen",
         "entschuldigt fehlen", "entschuldigt gefehlt", "entschuldigungen", "excused",
         "es fehlten entschuldigt", "entschuldigt sind", "verhindert", "verhindert waren",
         "verhindert sind", "entschuldigt fehlten", "abgesagt haben", "abgesagt hatten",
         "abgesagt", "abgesagt haben sich", "es haben abgesagt", "es ließen sich entschuldigen",
         "entschuldigen ließen sich", "entschuldigt haben sich", "es haben sich entschuldigt",
         "es hatten sich entschuldigt", "entschuldigt waren", "entschuldigt war",
         "entschuldigt abwesend waren", "entschuldigt abwesend sind", "entschuldigt fehlte"],
        "excused",
    ),
    **dict.fromkeys(
        ["abwesend", "abwesende", "fehlend", "es fehlten", "unentschuldigt", "nicht anwesend",
         "unentschuldigt abwesend", "absent", "gefehlt", "fehlt", "fehlen", "es fehlen"],
        "absent",
    ),
    **dict.fromkeys(
        ["gäste", "gast", "gäst innen", "gästinnen", "gästin", "guests", "als gäste",
         "als gast", "weitere gäste", "außerdem anwesend", "ferner anwesend",
         "weiterhin anwesend", "zusätzlich anwesend"],
        "guests",
    ),
    **dict.fromkeys(
        ["teilweise anwesend", "zeitweise anwesend", "zeitweise", "teilweise", "später",
         "später dazu", "kam später", "ging früher", "online", "online dabei", "per video",
         "digital anwesend", "remote", "online anwesend", "online zugeschaltet"],
        "partial",
    ),
}  # fmt: skip
"""Labels of the other attendance groups (folded) → their kind."""

TASK_TABLE_COLUMNS: dict[str, str] = {
    "aufgabe": "what", "aufgaben": "what", "was": "what", "maßnahme": "what", "todo": "what",
    "to do": "what", "wer": "who", "verantwortlich": "who", "verantwortliche": "who",
    "zuständig": "who", "bis wann": "when", "deadline": "when", "frist": "when", "termin": "when",
    "bis": "when", "erledigt bis": "when", "status": "other", "stand": "other",
    "bemerkung": "other", "erledigt": "other",
}  # fmt: skip
"""The header cells of a task table (folded) and the column each names (``what``, ``who``,
``when``, ``other``)."""

AGENDA_LABELS = {
    "tagesordnung", "to", "agenda", "top vorschläge", "top vorschlage", "tops",
    "vorläufige tagesordnung", "geplante tagesordnung", "themen", "themenvorschläge",
    "tagesordnungspunkte", "vorgeschlagene tagesordnung", "themenliste", "inhalt",
    "übersicht", "tagesordnung (entwurf)", "tagesordnung entwurf", "geplante themen",
    "inhaltsverzeichnis", "table of contents", "contents", "öffentliche tagesordnung",
    "themensammlung", "themenspeicher",
    "nichtöffentliche tagesordnung", "nicht öffentliche tagesordnung",
}  # fmt: skip
"""Labels of the planned agenda listed before the minutes (folded)."""

SECTION_MARKERS = {
    "formalia", "formales", "rahmendaten", "sitzungsdaten", "allgemeine angaben", "metadaten",
    "eckdaten", "organisatorisches zur sitzung", "anwesenheit und formalia",
    "protokoll", "sitzungsprotokoll", "niederschrift", "verlauf", "ergebnisprotokoll",
    "verlaufsprotokoll", "protokoll der sitzung", "sitzungsverlauf", "verlauf der sitzung",
    "minutes", "notizen",
    "mitschrift", "besprechung", "ergebnisse", "inhalte", "meeting info", "meeting infos",
    "meeting details", "sitzungsinfo", "sitzungsinfos", "details zum treffen",
}  # fmt: skip
"""Headings that only say that the minutes start here (``## Protokoll``)."""

_NOT_A_MEETING = (
    r"(?!(?:Schritte?|Wochen?|Monate?|Jahre?|Aufgaben?|Punkte?|Themen?|Ziele?|Termine|Tagesordnung"
    r"|Sitzungen|Male?|Tage?|Veranstaltungen|Aktionen?|Projekte?|Ausgaben?|Version|Folge)\b)"
)
_MEETING_NOUN = (
    r"(?:\w+(?:[:*]innen)?-)?(?:Termin\w*|\w*[Ss]itzung\w*|\w*[Tt]reffen|\w*[Pp]lenum|\w*[Vv]ersammlung|Stammtisch"
    r"|\w*[Rr]unde|Meeting|\w*[Bb]esprechung|\w*[Tt]isch|Zusammenkunft|Jour\s+[Ff]ixe|Telko"
    r"|\w*[Kk]onferenz|Videokonferenz|Get-?[Tt]ogether|\w*[Tt]reff|Plenum|KoMa|\w*[Tt]agung"
    r"|\w*[Ss]ynode|\w*[Ff]orum|\w+abend|\w*[Ff]rühstück)(?:es|s)?"
)
_NOT_A_SUB_BODY = (
    r"(?!\s+(?:der|des)\s+(?:AG|AK|Arbeitsgruppe|Arbeitskreis|Unterarbeitsgruppe)\w*\b)"
)
"""Not ``… Treffen der AG Verkehr``: a working group's meeting is not this body's next one."""
_ADJECTIVES = r"(?:(?-i:[a-zäöüß][\w-]*)\s+){0,3}"
"""``nächste und vorerst letzte thematische Treffen``: lower-case words (adjectives, ``und``)
between ``nächste`` and the meeting; a capitalised word (``die nächste Frage zur Sitzung``)
ends them."""
MEETING_WORD = re.compile(rf"\b{_MEETING_NOUN}\b")
"""A word that names a meeting: ``Treffen``, ``Mitgliederversammlung``, ``Elternabend``."""
NEXT_MEETING = re.compile(
    r"^\s*(?:(?:Termin|Datum)\s+(?:der|des|für\s+die|für\s+das)\s+nächsten\s+\w+"
    rf"|N(?:ä|ae)chste[rsn]?\s+{_NOT_A_MEETING}(?:[\w-]+\s+)?{_MEETING_NOUN}|Next\s+Meeting"
    r"|N(?:ä|ae)chste[rsn]?\s+(?-i:[A-ZÄÖÜ]{2,6})(?=\s*:))"  # ``Nächste FSVV: …``
    r"\s*(?::|(?=\s*$))\s*(.*)$",
    re.IGNORECASE,
)
"""``Nächster Termin: …``, ``Nächstes Treffen: …``, ``Termin der nächsten Sitzung: …``, the
meeting's abbreviation (``Nächste FSVV: 13.05.2025``)."""

NEXT_MEETING_SENTENCE = re.compile(
    r"^(?:Die|Der|Das|Unser(?:e|er)?)?\s*n(?:ä|ae)chste[rsn]?\s+"
    rf"{_NOT_A_MEETING}{_ADJECTIVES}(?:[\w-]+\s+)?{_MEETING_NOUN}\b(?!\s+(?:des|der|vom|im)\s)"
    r"|^N(?:ä|ae)chste[rsn]?\s+[A-ZÄÖÜ]{2,5}\s+(?:am|ist|findet)\b"
    r"|^Wir\s+(?:treffen|sehen)\s+uns\s+(?:wieder|das\s+nächste\s+Mal|erneut)\b"
    r"|^\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?:,?\s+\d{1,2}(?:[:.]\d{2})?\s*Uhr)?\s*:?"
    rf"\s+n(?:ä|ae)chste[rsn]?\s+{_MEETING_NOUN}\b",
    re.IGNORECASE,
)
"""A sentence about the next meeting (``Die nächste Sitzung findet am … statt.``), or an
entry of a dates list that names it (``12.09.2024, 14 Uhr: nächster Stadtteiltisch im SBZ``)."""

NEXT_MEETING_QUALIFIED = re.compile(
    rf"(?:^|[.!?]\s+)(?:Die|Der|Das)\s+(?:n(?:ä|ae)chste[rsn]?|\d{{1,3}}\.)\s+{_ADJECTIVES}(?:[\w-]+\s+)?{_MEETING_NOUN}\b"
    rf"{_NOT_A_SUB_BODY}[^.;]{{0,80}}?\b(?:findet|ist|wird|beginnt|soll)\b",
    re.IGNORECASE,
)
NEXT_MEETING_ANYWHERE = re.compile(
    r"(?:\b(?:[Dd](?:ie|er|as|en|em)|zu[mr]|beim|am|im|vom|unser(?:e[mnrs]?)?)\s+|^|(?<=[.!?]\s))"
    rf"n(?:ä|ae)chste[rsn]?\s+{_NOT_A_MEETING}(?!Termin){_ADJECTIVES}(?:[\w-]+\s+)?{_MEETING_NOUN}\b"
    + _NOT_A_SUB_BODY
    + r"|\bFolge(?:treffen|sitzung(?:en)?|konferenz(?:en)?|termine?)\b"  # ``Folgekonferenzen …``
    # ``Ein weiteres Treffen soll im Frühjahr 2026 stattfinden``: another one of the same
    + rf"|\b(?:ein|eine)\s+weitere[sr]?\s+{_MEETING_NOUN}\b"
    r"|\b(?:trifft|treffen)\s+(?:sich|uns)\s+(?:wieder|erneut|das\s+n(?:ä|ae)chste\s+Mal)\b"
    r"|\b(?:tagt|tagen)\s+(?:wieder|erneut|das\s+n(?:ä|ae)chste\s+Mal)\b"
    r"|\b(?:sich|uns)\s+(?:[\w.]+\s+){1,4}?(?:wieder|erneut)\s+treffen\b"
    # after a rhythm: ``… trifft sich im zweiwöchigen Turnus, das nächste Mal am 4. September``
    r"|\b(?:trifft|treffen|tagt|tagen)\s+(?:sich\s+)?[^.;]{0,120}?,\s+das\s+n(?:ä|ae)chste\s+Mal"
    r"\s+am\b",
    re.IGNORECASE,
)
"""``… für das nächste Treffen am 5.06. …``, ``Die Initiativgruppe trifft sich wieder am …``,
``Das nächste und vorerst letzte thematische Treffen …``, ``Der Treff trifft sich jeden zweiten
Mittwoch, das nächste Mal am 12.11.2025``, ``Der Rat tagt das nächste Mal am …``: the next
meeting named anywhere in a sentence (taken when a date after this meeting's, or a month,
follows in that sentence)."""
NEXT_MEETING_REPORTED = re.compile(
    r"\b(?:weist|wies|verweist|verwies|erinnert|erinnerte|informiert|informierte|teilt|teilte)\b"
    r"[^.;]{0,40}?\b(?:auf\s+die|,\s+dass\s+die|daran,\s+dass\s+die)\s+n(?:ä|ae)chste[n]?\s+"
    rf"(?:[\w-]+\s+)?{_MEETING_NOUN}\b"
)
"""``Herr Brandt weist auf die nächste Sitzung am 11.06.2024 hin``, ``… teilt mit, dass die
nächste Sitzung am … stattfinde``: the next meeting in reported speech (taken like
:data:`NEXT_MEETING_QUALIFIED`)."""
NEXT_MEETING_AT = re.compile(
    rf"\bn(?:ä|ae)chste[rsn]?\s+{_NOT_A_MEETING}{_ADJECTIVES}(?:[\w-]+\s+)?{_MEETING_NOUN}"
    r"\s+am\s+(?=\d|(?:Mo|Di|Mi|Do|Fr|Sa|So)\w*,?\s)",
    re.IGNORECASE,
)
"""``Das Thema für das nächste Treffen am 5.06. steht fest``: the next meeting with its day
inside any sentence (taken like :data:`NEXT_MEETING_QUALIFIED`)."""

"""``Die nächste Sitzung der Gemeindevertretung findet am …``, ``Das 5. Meeting findet am …``:
the next meeting when nothing plainer names it and the date lies after this meeting's."""

DECISION_LABELS: dict[str, DecisionKind] = {
    **dict.fromkeys(
        ["beschluss", "beschlüsse", "beschlossen", "entscheidung", "entscheidungen",
         "beschlussfassung", "ergebnis", "ergebnisse", "festlegung", "vereinbarung",
         "vereinbart", "einigung", "beschlusstext", "entschieden", "decision"],
        "decision",
    ),
    **dict.fromkeys(
        ["antrag", "anträge", "beschlussvorlage", "beschlussantrag", "vorlage", "gegenantrag",
         "änderungsantrag", "geschäftsordnungsantrag", "go antrag", "antragstext", "motion",
         "finanzantrag", "konsensvorschlag", "beschlussvorschlag", "abstimmungsvorschlag"],
        "motion",
    ),
    **dict.fromkeys(
        ["abstimmung", "abstimmungsergebnis", "votum", "wahlergebnis", "wahl", "stimmen",
         "endergebnis", "gesamtergebnis",
         "abstimmungen", "vote", "meinungsbild", "stimmungsbild"],
        "vote",
    ),
    **dict.fromkeys(["konsens", "konsent", "einvernehmen", "im konsens"], "consensus"),
}  # fmt: skip
"""Labels that start a decision, motion or vote (folded)."""

TASK_LABELS = {
    "todo", "to do", "todos", "to dos", "aufgabe", "aufgaben", "ap", "arbeitsauftrag",
    "arbeitsaufträge", "action item", "action items", "ai", "auftrag", "aufträge", "action",
    "erledigen", "zu erledigen", "next steps", "nächste schritte", "task", "tasks",
    "verantwortlich", "wer macht was", "offene aufgaben", "zuständig", "was", "maßnahme",
    "maßnahmen", "aufgabe/todo", "to do/aufgabe",
}  # fmt: skip
"""Labels that start a task (folded)."""

NOT_NAMES = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "wir", "diese", "dieser",
    "antrag", "beschluss", "bericht", "berichte", "finanzen", "sonstiges", "verschiedenes",
    "termine", "termin", "aktuelles", "allgemeines", "allgemein", "kasse", "hinweis", "hinweise",
    "info", "infos", "information", "informationen", "protokoll", "ergebnis", "diskussion",
    "abstimmung", "frage", "fragen", "anmerkung", "anmerkungen", "ziel", "ziele", "ort", "zeit",
    "datum", "thema", "themen", "nachtrag", "presse", "website", "homepage", "mitglieder",
    "vorstand", "haushalt", "budget", "wahl", "wahlen", "begrüßung", "feedback", "rückblick",
    "ausblick", "planung", "organisation", "orga", "sonstige", "offen", "erledigt", "todo",
    "aufgabe", "aufgaben", "idee", "ideen", "vorschlag", "vorschläge", "problem", "probleme",
    "status", "stand", "update", "neues", "kommentar", "notiz", "notizen", "achtung",
    "wichtig", "veranstaltung", "veranstaltungen", "projekt", "projekte", "kooperation",
    "treffen", "sitzung", "plenum", "kurzinfo", "fazit", "zusammenfassung", "beginn", "ende",
    "anwesend", "entschuldigt", "gäste", "gast", "teilnehmende", "leitung", "moderation",
    "tagesordnung", "agenda", "weitere", "neue", "offene", "aktuelle", "nächste", "nächster",
    "kurze", "erste", "zweite", "dritte", "letzte", "bitte", "danke", "tipp",
    "beispiel", "quelle", "link", "links", "anhang", "anlage", "anlagen", "mail", "email",
    "e-mail", "telefon", "tel", "kontakt", "adresse", "raum", "uhrzeit", "dauer", "kosten",
    "preis", "summe", "gesamt", "einnahmen", "ausgaben", "kassenstand", "ergebnisse",
    "konsens", "entscheidung", "votum", "dafür", "dagegen", "enthaltung", "enthaltungen", "ja",
    "nein", "pro", "contra", "kontra", "zustimmung", "ablehnung", "vorlage", "frist", "bis",
    "deadline", "verantwortlich", "zuständig", "wer", "was", "wann", "wo", "wie", "warum",
    "hintergrund", "sachstand", "vorgehen", "maßnahmen", "beschlüsse", "anträge", "gespräch",
    "einladung", "rundmail", "newsletter", "umfrage", "rückmeldung", "rückmeldungen", "kritik",
    "lob", "wünsche", "wunsch", "post", "briefe", "eingänge", "ausgänge", "sonstiges:",
    "verschiedenes:", "mittwoch", "montag", "dienstag", "donnerstag", "freitag", "samstag",
    "sonntag", "heute", "morgen", "gestern", "januar", "februar", "märz", "april", "mai",
    "juni", "juli", "august", "september", "oktober", "november", "dezember", "erstens",
    "zweitens", "drittens", "außerdem", "zudem", "danach", "dann", "vorher", "nachher",
    "anschließend", "dazu", "hierzu", "daher", "deshalb", "geplant",
    "neu", "alt", "stadt", "land", "bund", "verein", "gruppe", "team", "ag", "arbeitsgruppe",
    "arbeitskreis", "ak", "gremium", "ausschuss", "rat", "beirat", "kommission",
    "öffentlichkeitsarbeit", "social", "media", "werbung", "druck", "flyer", "plakate", "technik",
    "server", "software", "hardware", "material", "räume", "räumlichkeiten", "miete", "vertrag",
    "verträge", "satzung", "geschäftsordnung", "recht", "datenschutz", "versicherung",
    "sicherheit", "hygiene", "reinigung", "schlüssel", "einkauf", "essen", "getränke", "party",
    "fest", "feier", "aktion", "aktionen", "demo", "kundgebung", "workshop", "seminar",
    "vortrag", "lesung", "konzert", "film", "ausstellung", "markt", "flohmarkt", "basar",
    "ergänzung", "korrektur", "genehmigung", "annahme", "verabschiedung", "punkt", "punkte",
    "top", "tops", "unterpunkt", "teil", "abschnitt", "kapitel", "seite", "folie", "folien",
    "fortsetzung", "neuigkeiten", "mitteilungen", "bekanntgaben", "kurzberichte",
    "bericht:", "rundgang", "schwerpunkt", "schwerpunkte", "eckdaten", "details",
    "gruß", "grüße", "gruss", "grüsse", "mfg", "lg", "vg", "viele", "beste", "herzliche",
    "freundliche", "liebe", "lieber", "hallo", "moin",
}  # fmt: skip
"""Capitalised words that are topics or labels in German, never a person's name."""

NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "sion", "ismus", "nisse", "tät", "täten", "ment", "ments", "bericht", "berichte", "themen",
    "fragen", "sachen", "punkte", "termine", "wahl", "wahlen", "kasse", "sitzung", "arbeit",
    "planung", "treffen", "gruppe", "gruppen", "stelle", "stellen", "projekt", "projekte",
    "verein", "verband", "amt", "büro", "zentrum", "haus", "markt", "fest", "fonds", "mittel",
    "kosten", "plan", "pläne", "konzept", "liste", "listen", "system", "beitrag", "beiträge",
    "antrag", "anträge", "vertrag", "verträge", "ordnung", "satzung", "gesetz", "recht",
    "angebot", "angebote", "woche", "wochen", "monat", "monate", "jahr", "jahre", "tag",
    "tage", "zeit", "zeiten", "leitung", "runde", "kreis", "rat", "räte", "stand",
)  # fmt: skip
"""Endings of German nouns that are never names (checked on words of six letters or more)."""

ROLE_ENDINGS = (
    "vorsitzender", "vorsitzende", "vorsitz", "mitglied", "meister", "meisterin", "vertreter",
    "vertreterin", "führer", "führerin", "leiter", "leiterin", "beauftragter", "beauftragte",
    "referent", "referentin", "sprecher", "sprecherin", "wart", "wartin", "ratsherr", "ratsfrau",
    "rätin", "bürger", "bürgerin", "sekretär", "sekretärin", "kassierer", "kassiererin", "kassier",
    "berater", "beraterin", "koordinator", "koordinatorin", "pädagoge", "pädagogin", "pfarrer",
    "pfarrerin", "pastor", "pastorin", "diakon", "diakonin", "direktor", "direktorin",
    "präsident", "präsidentin", "abgeordneter", "abgeordnete", "dezernent", "dezernentin",
    "kämmerer", "kämmerin", "moderator", "moderatorin", "senator", "senatorin", "manager",
    "managerin", "sachbearbeiter", "sachbearbeiterin", "prüfer", "prüferin", "stellvertreter",
    "stellvertreterin", "ortsvorsteher", "ortsvorsteherin", "landrat", "bezirksrat",
    "gemeinderat", "stadtrat", "beirat", "ortsbeirat", "beigeordneter", "beigeordnete",
    "kommissar", "kommissarin", "betreuer", "betreuerin", "rektor", "rektorin", "lehrer",
    "lehrerin", "erzieher", "erzieherin", "sozialarbeiter", "sozialarbeiterin", "kaplan", "vikar",
    "vikarin", "kantor", "kantorin", "trainer", "trainerin", "obmann", "obfrau", "pfleger",
    "pflegerin",
)  # fmt: skip
"""How words for a person's function end (``Ausschussvorsitzender``, ``Gemeindevertreterin``):
such a word before a name is the person's role (``Bürgermeisterin Antje Reimers``)."""

PERSON_TITLES = {"herr", "frau", "dr.", "prof.", "hr.", "fr.", "pfarrer", "pastorin", "pastor"}
"""Words that may stand before a name (``Herr Brandt``)."""


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of the words, written as a trie (``k(?:lärt|ümmer)``).

    Python's ``re`` tries every branch of ``a|b|c`` at every position; sharing the prefixes makes
    a search over a long text several times faster than the flat alternation.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(tree) + ")"
