"""The typed document model: one Protocol that every reader produces and every writer consumes.

Nothing in this module knows about files, formats or parsing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from protokollkit.diagnostics import Diagnostic

PersonForm = Literal["comma", "parens"]
MetaKind = Literal[
    "date", "place", "time", "start", "end", "chair", "minute_taker", "quorum", "other"
]
AttendanceKind = Literal["present", "excused", "absent", "guests", "partial"]
PointKind = Literal["bullet", "numbered", "paragraph"]
DecisionKind = Literal["decision", "motion", "vote", "consensus"]
DecisionResult = Literal["accepted", "rejected", "postponed"]

LINK = re.compile(
    r"\[([^\[\]\n]*)\]\(((?:[^\s()]|\([^\s()]*\))+)\)"
    r"|(?<![\w/<])(https?://[^\s<>\[\]]*[^\s<>\[\].,;:!?)\"“”„'’])"
)
TIME_SPAN = re.compile(
    r"(?<![\d./-])(\d{1,2}(?:[:.]\d{2})?(?:\s*Uhr)?)(?!\.\d{2}\.)"
    r"(?:\s*(?:[-–]|bis)\s*(?:ca\.\s*)?(\d{1,2}(?:[:.]\d{2})?(?:\s*Uhr)?))?"
    r"(?=\s*(?:Uhr|$|[,;)]|\s))"
)
"""A clock time or span in a metadata value: ``19 Uhr``, ``10:00–11:30``, ``19 - ca. 21:00``
(not the month and day of ``2025-02-11``)."""

_CLOCK = r"(\d{1,2}[:.]\d{2}(?:\s*Uhr)?|\d{1,2}\s*Uhr)"
_MEETING = r"(?:\w*(?:Sitzung|Versammlung|Treffen|Treffens|Meeting|Meetings|Beratung|Besprechung))"
TITLE_SPAN = re.compile(
    r"(?<![\d.])(\d{1,2}[:.]\d{2})\s*(?:Uhr\s*)?(?:[-–]|bis)\s*(\d{1,2}[:.]\d{2})"
)
"""A time span in a title: ``Protokoll 14.01.2019 12:15 - 13:45``."""
TITLE_START = re.compile(r"(?<![\d.])(\d{1,2}[:.]\d{2})\s*Uhr\b")
"""A time of day in a title, the meeting's start: ``… 14.12.2023 14.00Uhr``, ``… 19:30 Uhr``."""
PROSE_SPAN = re.compile(
    rf"\b{_MEETING}\b(?:[^.;]|\bca\.){{0,40}}?\bvon\s+{_CLOCK}\s*bis\s+(?:ca\.\s*)?{_CLOCK}"
    # ``Beginn und Ende der Versammlung:        15:05 Uhr bis 16:50 Uhr``
    rf"|^Beginn\s+und\s+Ende\b[^.;\d]{{0,40}}?{_CLOCK}\s*(?:bis|[-–])\s*{_CLOCK}"
    rf"|^(?![Nn]ächste)(?:[^\W\d]+\s+)?{_MEETING},\s+{_CLOCK}\s*bis\s+(?:ca\.\s*)?{_CLOCK}"
    rf"|\bin\s+der\s+Zeit\s+von\s+{_CLOCK}\s*bis\s+(?:ca\.\s*)?{_CLOCK}[^.;]{{0,80}}?{_MEETING}",
    re.IGNORECASE,
)
PROSE_START = re.compile(
    rf"^Beginn\s*:?\s*{_CLOCK}|\bBeginn\s+{_CLOCK}|,\s*Beginn\s*:\s*{_CLOCK}"
    # ``Hierzu konnte um 19.00 Uhr der Vereinsvorsitzende … begrüßen``
    rf"|\bkonnten?\s+(?:[^.;]{{0,30}}?\s)?um\s+{_CLOCK}\s[^.;]{{0,160}}?\bbegrüßen\b"
    rf"|\b[Uu]m\s+{_CLOCK}\s+(?:eröffnete|eröffnet|begrüßte|begrüßt)\b"
    r"|\b(?:begrüßt|begrüßte)\s+(?:die\s+|alle\s+)?(?:Anwesenden|Mitglieder|Teilnehmenden|Gäste)"
    rf"\s+(?:um|gegen)\s+{_CLOCK}"
    rf"|(?:\b(?:Beginn|Anfang|Eröffnung)\s+(?:der|des)\s+{_MEETING}|\bSitzungsbeginn"
    rf"|\b{_MEETING}\b[^.;]{{0,30}}?\b(?:eröffnet|begann|beginnt))\D{{0,25}}?{_CLOCK}"
    rf"|\b(?:eröffnet|eröffnete|begann|beginnt|startet|startete)\b[^.;]{{0,30}}?\b{_MEETING}\b"
    rf"\D{{0,15}}?{_CLOCK}"
    rf"|\b{_MEETING}\b[^.;]{{0,20}}?\bum\s+{_CLOCK}[^.;]{{0,15}}?\b(?:eröffnet|begonnen)"
    rf"|\b(?:eröffnet|eröffnete)\s+(?:(?:[^.;]|(?<=\d)\.){{0,60}}?\s)?(?:um|gegen)\s+{_CLOCK}\s+(?:die|den|das)"
    rf"\s+{_MEETING}\b"
    rf"|^Am\s+[^;]{{4,30}}?\bum\s+{_CLOCK}\s+(?:fand|fanden|trafen|traf|versammelten|kamen)\b"
    rf"|\bEröffnung\s+der\s+{_MEETING}\s+durch\s+[^.;\d]{{3,50}}?,\s*{_CLOCK}"
    rf"|^am\s+[^;]{{4,40}}?\bum\s+{_CLOCK}\s+(?:im|in\s+der|in\s+den)\s"
    rf"|\bsich\s+am\s+[^;]{{4,30}}?\bum\s+{_CLOCK}\s+(?:im|in|auf|zu)\s[^.;]{{0,80}}?"
    r"\b(?:getroffen|versammelt|eingefunden|zusammengefunden)\b",
    re.IGNORECASE,
)
PROSE_END = re.compile(
    rf"^(?:Ende|Schluss)\s*:?\s*{_CLOCK}"
    # ``Um 21:40 Uhr bedankte sich … bei allen Anwesenden und beendete die Versammlung``,
    # ``17:20 Uhr: Ronja Weidlich verabschiedet die Versammlung``
    rf"|(?:\b[Uu]m\s+|^){_CLOCK}:?\s[^.;]{{0,80}}?\b(?:schloss|schließt|beendete|beendet"
    rf"|verabschiedete|verabschiedet)\s+(?:er\s+|sie\s+)?(?:die|den|das)\s+{_MEETING}\b"
    rf"|\b[Uu]m\s+{_CLOCK}\s+(?:schloss|schließt|beendete|beendet)\b[^.;]{{0,40}}?\b{_MEETING}"
    rf"|(?:\b(?:Ende|Schluss)\s+(?:der|des)\s+{_MEETING}|\bSitzungsende"
    rf"|\b{_MEETING}\b[^.;]{{0,30}}?\b(?:geschlossen|beendet|endet|endete))\D{{0,25}}?{_CLOCK}"
    rf"|\b(?:schließt|schloss|beendet|beendete)\b[^.;]{{0,30}}?\b{_MEETING}\b\D{{0,15}}?{_CLOCK}"
    rf"|\b{_MEETING}\b[^.;]{{0,20}}?\bum\s+{_CLOCK}[^.;]{{0,15}}?\b(?:geschlossen|beendet)",
    re.IGNORECASE,
)
"""The meeting's start and end written in a sentence (``Ende der Sitzung um 19:42``)."""
_NAME = r"((?:(?:Herrn?|Frau|Dr\.)\s+)*[A-ZÄÖÜ][\wäöüß\-]+(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?)"
_CHAIR_BEFORE_NAME = (
    r"\w*(?:[Vv]orsitzende[rn]?|[Ss]precher(?:in)?|[Ll]eiter(?:in)?|[Mm]oderator(?:in)?)"
)
"""A chair's role before the name: ``Vorsitzende``, ``Beiratssprecherin``, ``Sitzungsleiter``."""
PROSE_CHAIR = re.compile(
    r"\b(?:(?:1\.\s+|stellvertretende[rn]?\s+)?Vorsitzenden?|Vorsitzender|Versammlungsleiter(?:in)?"
    r"|Sitzungsleiter(?:in)?|Moderator(?:in)?|Bezirksbürgermeister(?:in)?|Bürgermeister(?:in)?"
    rf"|Ortsvorsteher(?:in)?|Obmann|Obfrau|Präsident(?:in)?|Abteilungsleiter(?:in)?"
    rf"|\w*[Mm]eister(?:in)?|Sprecher(?:in)?)\s+{_NAME}\s+(?:eröffnet|begrüßt|leitet|stellt|schloss"
    r"|schließt)"
    r"|\b(?:Begrüßung|Eröffnung)(?:\s+(?:der|des)\s+\w+)?\s+(?:durch|von)\s+(?:de[nmr]\s+|die\s+)?"
    r"(?:\w+\s+)?"
    rf"(?:Vorsitzenden?|Vorsitzender|Versammlungsleiter(?:in)?)\s+{_NAME}"
    rf"|^{_NAME}\s+(?:eröffnet|eröffnete|leitet|leitete)\s+(?:(?:um|gegen)\s+(?:{_CLOCK[1:-1]})\s+)?"
    r"die\s+\w*(?:[Ss]itzung|[Vv]ersammlung)\b"
    # a later sentence: ``… 153 Teilnehmer. Norbert Kaiser eröffnete die Veranstaltung.``
    rf"|(?<=[.!?] )(?!(?:Der|Die|Das|Er|Sie|Es)\s){_NAME}\s+(?:eröffnet|eröffnete)\s+"
    r"(?:die\s+(?:\w*[Ss]itzung|\w*[Vv]ersammlung|Veranstaltung|\w*[Rr]unde|\w*[Tt]agung)"
    r"|das\s+\w*[Tt]reffen)\b"
    rf"|^{_NAME}\s+(?:eröffnet|eröffnete)\s+(?:die\s+(?:Veranstaltung|\w*[Rr]unde|\w*[Tt]agung)"
    r"|das\s+\w*[Tt]reffen)\b"
    rf"|^(?!(?:Der|Die|Das)\s){_NAME}\s+(?:begrüßt|begrüßte)\s+[^.;]{{0,40}}?\s+und\s+"
    r"(?:eröffnet|eröffnete|begann|beginnt|startet|startete)\s+die\s+(?:Sitzung|Versammlung)"
    rf"|^{_NAME}\s+übernimmt\s+(?:[\w-]+\s+){{0,5}}?die\s+(?:Moderation|Sitzungsleitung|Leitung)"
    rf"|^(?:Rede|Sitzungs|Versammlungs)?[Ll]eitung\s+(?:übernimmt|übernahm|hat)\s+{_NAME}"
    rf"|\bvom\s+\w*(?:Vorsitzenden|[Vv]ersammlungsleiter|[Bb]ürgermeister|[Ss]precher)"
    rf"\s*[,–-]\s+{_NAME}\s*[,–-]\s+(?:eröffnet|geleitet)"
    rf"|\b(?:Begrüßung|Eröffnung)\s+(?:erfolgt|erfolgte)\s+durch\s+{_NAME},\s+(?:(?:1\.|erste[rn]?)\s+)?"
    r"(?:Vorsitzende[rn]?|Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?)\b"
    r"|\b(?:Der|Die)\s+(?:(?:1\.|2\.|erste|zweite)\s+)?(?:Ausschuss)?(?:Vorsitzende"
    r"|Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?),"
    r"\s+(?:(?:Bürgermeister|Oberbürgermeister|Ortsvorsteher|Stadtrat|Stadträtin|Pfarrer)(?:in)?\s+)?"
    rf"{_NAME},\s+(?:eröffnet|eröffnete|begrüßt|begrüßte|leitet|leitete)\b"
    rf"|\b(?:übernahm|übernimmt)\s+{_NAME}\s+die\s+(?:Moderation|Sitzungsleitung|Gesprächsleitung"
    r"|Leitung)\b"
    r"|(?:\b\w*(?:Sitzung|Versammlung|sitzung|versammlung)\s+(?:wird|wurde)"
    r"|\b(?:wird|wurde)\s+die\s+\w*(?:Sitzung|Versammlung|sitzung|versammlung))\s+"
    rf"(?:(?:von|durch)\s+(?:\w+\s+){{0,3}}?{_NAME}\s+)(?:eröffnet|geleitet)"
    rf"|^(?!(?:Der|Die|Das|Er|Sie|Wir)\s){_NAME}\s+(?:begrüßt|begrüßte)\s+die\s+"
    r"(?:Versammlung|Anwesenden|Teilnehmenden)\s*[.,]"
    # ``Martin Seibert begrüßte die Vereinsmitglieder und die Gäste``, ``Frau Schütt begrüßt
    # alle anwesenden Ortsbeiratsmitglieder, Gäste sowie …``
    rf"|^(?!(?:Der|Die|Das|Er|Sie|Wir|Es)\s){_NAME}\s+(?:begrüßt|begrüßte)\s+(?:die|alle)\s+"
    r"(?:anwesenden\s+)?(?:\w*[Mm]itglieder|Anwesenden|Gäste|Teilnehmer(?:innen)?)\b"
    # the verb first: ``eröffnet Frau Dir. Rainer die Sitzung``, ``eröffnete Synodenpräsident
    # Hinrich Ahlers die Beratungen``
    r"|\b(?:eröffnet|eröffnete)\s+(?:(?:der|die)\s+)?(?:(?:\w*[Pp]räsident(?:in)?|"
    rf"{_CHAIR_BEFORE_NAME})\s+)?(?:(?:Herrn?|Frau)\s+)?(?:[A-Z][a-z]{{1,4}}\.\s+){{0,3}}{_NAME}"
    r"\s+(?:die|den|das)\s+(?:\w*[Ss]itzung|\w*[Vv]ersammlung|Beratungen|Tagung|Runde)\b"
    # who greeted as the chair: ``Hierzu konnte um 19.00 Uhr der Vereinsvorsitzende Jens Kröger
    # … begrüßen``
    rf"|\bkonnten?\s+(?:(?:[^.;]|(?<=\d)\.(?=\d)){{0,30}}?\s)?(?:der|die)\s+(?:1\.\s+)?{_CHAIR_BEFORE_NAME}\s+"
    rf"{_NAME}\s[^.;]{{0,120}}?\bbegrüßen\b"
    # ``… konnte Dietmar Overbeck als erster Vorsitzender … begrüßen``
    rf"|\bkonnten?\s+(?:(?:[^.;]|(?<=\d)\.(?=\d)){{0,30}}?\s)??{_NAME}\s+als\s+(?:1\.\s+|erste[rn]?\s+)?"
    r"(?:Vorsitzende[rn]?|Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?)\b[^.;]{0,120}?\bbegrüßen\b"
    # elected or named to chair: ``Es werden einstimmig Malte Ortlieb als Versammlungsleiter
    # und … bestimmt``, ``Als Versammlungsleiter wird Rainer Hofmann gewählt``
    rf"|\b{_NAME}\s+als\s+(?:Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?|Moderator(?:in)?)"
    r"\b[^.;]{0,60}?\b(?:gewählt|bestimmt|benannt)\b"
    r"|\bAls\s+(?:Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?)\s+(?:wird|wurde)\s+"
    rf"(?:einstimmig\s+)?{_NAME}\s+(?:einstimmig\s+)?(?:gewählt|bestimmt|benannt)"
    rf"|\bwählt\w*\s+{_NAME}\s+[^.;]{{0,50}}?\b(?:zum|zur)\s+(?:Versammlungsleiter(?:in)?"
    r"|Sitzungsleiter(?:in)?)\b"
    rf"|\bvon\s+{_NAME}\s+moderiert\b|\bModeration\s*(?:durch|von)\s+{_NAME}"
    rf"|\b(?:hat|hatte|führt|führte)\s+{_NAME}\s+den\s+Vorsitz\b"
    rf"|\bden\s+Vorsitz\s+(?:hat|hatte|führt|führte|übernimmt|übernahm)\s+{_NAME}"
    rf"|\b(?:Der|Die)\s+[A-ZÄÖÜ][\wäöüß]+,\s+{_NAME},?\s+(?:begrüßt|begrüßte)\s+die\s+"
    r"(?:Versammlung|Anwesenden|Teilnehmenden|Teilnehmer(?:innen)?|Gäste)\b"
    r"|\b[Ee]s\s+(?:moderierte|moderiert|leitete|leitet)\s+"
    rf"(?:(?:wie\s+(?:immer|gewohnt|schon\s+\w+)|erneut|diesmal|wieder)\s+)?{_NAME}"
    rf"|^{_NAME}\s+[–-]\s+(?:Versammlungsleiter(?:in)?|Sitzungsleiter(?:in)?|Moderator(?:in)?"
    r"|Versammlungsleitung|Sitzungsleitung|Moderation)\b"
    # the verb first: ``Moderiert hat unsere Vorsitzende Karin Seeliger``, ``Die Sitzung leitete
    # wie immer Beiratssprecherin Gabriele Neumeister``
    r"|(?:^|(?<=[.!?] ))(?:(?:Moderiert|Geleitet)\s+(?:hat|hatte)"
    r"|(?:Die|Das)\s+(?:Sitzung|Versammlung|Treffen)\s+(?:leitete|leitet|moderierte|moderiert))"
    r"\s+(?:(?:wie\s+(?:immer|gewohnt|schon\s+\w+)|erneut|diesmal|wieder)\s+)?"
    rf"(?:(?:unsere?|die|der)\s+)?(?:{_CHAIR_BEFORE_NAME}\s+)?{_NAME}(?=\s*[.,;]|\s*$)"
    # the chair's role with what it speaks for, the name in apposition, opening the meeting:
    # ``Die Sprecherin auf Mieter:innenseite, Olga Petrenko, eröffnete die Runde``
    rf"|\b(?:Der|Die)\s+{_CHAIR_BEFORE_NAME}(?:\s+[^,.;]{{1,40}}?)?,\s+{_NAME},\s+"
    r"(?:eröffnet|eröffnete)\s+(?:die|das|den)\s+\w*(?:Runde|Sitzung|Versammlung|Treffen|Abend)\b"
    # ``Regelmäßig trifft sich der Arbeitskreis unter der Leitung von Frau Dr. Renate Köhler``
    r"|\bunter\s+(?:der\s+)?Leitung\s+von\s+(?:(?:unsere[rm]?|der|dem)\s+)?"
    rf"(?:{_CHAIR_BEFORE_NAME}\s+)?{_NAME}(?=\s*[.,;]|\s*$|\s+statt\b)"
)
PROSE_CHAIR_CLOSING = re.compile(
    rf"^(?!(?:Der|Die|Das)\s){_NAME}\s+(?:schließt|schloss|beendet|beendete)\s+"
    r"(?:die|den\s+(?:[a-zäöü]\w*\s+)?Teil\s+der)\s+(?:Sitzung|Versammlung)\b"
    rf"|\b(?:schließt|schloss|beendet|beendete)\s+{_NAME}\s+(?:die|seine|ihre)\s+(?:[a-zäöü]\w*\s+)?"
    r"\w*(?:[Ss]itzung|[Vv]ersammlung)\b"
    r"|\b(?:[Aa]usschussvorsitzende|[Aa]usschussvorsitzender|[Ss]itzungsleiterin|[Ss]itzungsleiter)"
    r"\s+((?:Herrn?|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\wäöüß\-]+)"
    # the chair in apposition, then any verb: ``Die Vorsitzende, Frau Albers, dankte …``
    r"|(?:^|(?<=[.!?] ))(?:Der|Die)\s+(?:Ausschuss)?(?:Vorsitzende|Sitzungsleiterin|Sitzungsleiter"
    r"|Versammlungsleiterin|Versammlungsleiter),\s+((?:Herrn?|Frau)\s+(?:Dr\.\s+)?"
    r"[A-ZÄÖÜ][\wäöüß\-]+(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?),\s+[a-zäöüß]+t(?:e|en)?\b"
)
"""The chair named where the minutes end: ``Frau Dr. Albrecht schließt die Sitzung um 18:05 Uhr``,
``Abschließend dankte die Ausschussvorsitzende Frau Hüttenrauch …``, ``Die Vorsitzende, Frau
Albers, dankte …``."""
PROSE_MINUTES = re.compile(
    rf"^Protokoll\s+(?:von|:)\s*{_NAME}\s*\|?$|\bProtokoll\s+(?:führt|schreibt)\s+{_NAME}"
    rf"|^Protokollführung\s+(?:übernimmt|übernahm|hat)\s+{_NAME}"
    rf"|\b{_NAME}\s+als\s+(?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?)\b"
    rf"|\b{_NAME}\s+(?:wird|wurde)\s+(?:einstimmig\s+)?(?:als|zur|zum)\s+(?:Schriftführer(?:in)?"
    r"|Protokollführer(?:in)?|Protokollant(?:in)?)\s+(?:einstimmig\s+)?(?:gewählt|bestimmt|benannt)"
    rf"|^{_NAME}\s+[–-]\s+(?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?"
    r"|Protokoll(?:führung)?)\b"
    # the verb before the name: ``wurde Nadine Vogel zur Protokollantin benannt``, ``Zur
    # Protokollführerin wurde Tanja Eilers bestimmt``
    rf"|\b(?:wird|wurde)\s+{_NAME}\s+(?:einstimmig\s+)?(?:als|zur|zum)\s+(?:Schriftführer(?:in)?"
    r"|Protokollführer(?:in)?|Protokollant(?:in)?)\s+(?:einstimmig\s+)?(?:gewählt|bestimmt|benannt)"
    r"|\b(?:Als|Zur|Zum)\s+(?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?)\s+"
    rf"(?:wird|wurde)\s+(?:einstimmig\s+)?{_NAME}\s+(?:einstimmig\s+)?(?:gewählt|bestimmt|benannt)"
    # ``… und als Protokollant Pit bestimmt``, ``Die Versammlung wählt Mauersegler einstimmig
    # bei einer Enthaltung zum Protokollführer``
    r"|\bals\s+(?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?)\s+"
    rf"{_NAME}\s+(?:einstimmig\s+)?(?:gewählt|bestimmt|benannt)"
    rf"|\bwählt\w*\s+{_NAME}\s+[^.;]{{0,50}}?\b(?:zum|zur)\s+(?:Schriftführer(?:in)?"
    r"|Protokollführer(?:in)?|Protokollant(?:in)?)\b"
)
"""The chair or minute-taker named in a sentence of the opening."""


def names_nobody(people: tuple[Person, ...]) -> bool:
    """An attendance of groups and counts only (``der Vorstand (3)``, ``weitere 11
    Mitglieder``, ``31 Stimmberechtigte``): no entry starts like a name."""
    return bool(people) and all(not p.name[:1].isupper() for p in people)


_ROLE_AFTER_NAME = re.compile(r"\s*\([^()]{1,40}\)\s*$")
"""A role in brackets after a name: ``Frank Dietrich (Vorsitzender)``."""
_PERSON_NAME = re.compile(
    r"(?:(?:Herrn?|Frau|Dr\.)\s+)*[A-ZÄÖÜ][\wäöüßÄÖÜ'\-]+(?:\s+[A-ZÄÖÜ][\wäöüßÄÖÜ'\-]+){0,3}"
)
"""A person's name of capitalised words (``Sabine Albers``, ``Frau Dr. Kühn``)."""
_SIGNED_MINUTES = re.compile(
    r"((?:(?:Herr|Frau)\s+)?[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)\s*"
    r"(?:\((?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?|Protokoll)\)"
    r"|,\s+(?:Schriftführer(?:in)?|Protokollführer(?:in)?|Protokollant(?:in)?|Schriftwart(?:in)?)$)"
)
"""A signature with the minute-taker's role in brackets: ``Tobias Wagner (Schriftführer)``."""
_PLACE_AFTER_DATE = re.compile(
    r"(?:\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?|\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni"
    r"|Juli|August|September|Oktober|November|Dezember)(?:\s+\d{4})?)"
    r"(?:,?\s+(?:um|ab)\s+\d{1,2}(?:[:.]\d{2})?\s*Uhr)?,?\s+(?:im|in\s+der|in\s+dem|auf\s+dem)\s+"
    r"([A-ZÄÖÜ„][^\s,.;:!?()]*(?:\s+(?:(?:des|der|am|an\s+der|in|vom|zum|von)\s+)?[A-ZÄÖÜ„\d]"
    r"[^\s,.;:!?()]*){0,6})(?=\s*[,.;:!?(]|\s*$)"
)
"""The place after a date (and a time): ``am 20.04.2024 im Saal der Gaststätte „Zur Linde“,``."""
_NOT_PLACES_AFTER_DATE = frozenset({"Zeit", "Regel", "Folge", "Lage", "Form", "Sitzung"})
"""Words after ``in der`` that name no place (``am 3. September 2025, in der Zeit von …``)."""
_SPAN_ALONE = re.compile(rf"^(?:[Vv]on\s+)?{_CLOCK}\s*(?:bis|[-–])\s*(?:ca\.\s*)?{_CLOCK}\.?$")
"""A line of the opening that is the meeting's time and nothing else: ``Von 18:30 Uhr bis
21:10 Uhr``, ``18:00 Uhr bis 20:35 Uhr``."""
_MINUTES_SIGNOFF = re.compile(
    r"(?:Für\s+das\s+Protokoll|Protokoll(?:führung)?|Schriftführ\w*)\s*:\s*"
    r"((?:(?:Herrn?|Frau)\s+)?[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)\s*$"
)
"""The minute-taker named where the minutes end: ``Für das Protokoll: Frau Jansen``."""
_TWO_SIGNATURES = re.compile(
    r"(?:gez\.|f\.\s?d\.\s?R\.)\s*([A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+){1,2})\s+"
    r"(?:gez\.|f\.\s?d\.\s?R\.)\s*([A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+){1,2})\s*$"
)
"""Two signatures on one closing line: ``gez. Gerd Tiedemann gez. Ilse Brockmöller``."""
_SECRETARY = re.compile(
    r"\b(?:vom|von\s+der|dem|der|die|den|des)\s+Schriftführer(?:in|s)?\s+"
    r"((?:(?:Herrn?|Frau)\s+)?[A-ZÄÖÜ][\wäöüß\-]+(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?)"
)
"""The association's secretary named in the opening (``… vom Schriftführer Peter Hallstein
verlesen``): the minute-taker when nothing else names one."""
_CLOCK_PART = re.compile(rf"^(?:um\s+|ab\s+)?{_CLOCK}$")
_NOT_PLACES = frozenset({
    "Jahr", "Jahre", "Jahres", "Vorjahr", "Vorfeld", "Anschluss", "Rahmen", "Namen", "Auftrag",
    "Sinne", "Hinblick", "Zuge", "Laufe", "Folgenden", "Mittelpunkt", "Vordergrund", "Herbst",
    "Frühjahr", "Sommer", "Winter", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember", "Monat", "Vorstand", "Verein",
    "Gespräch", "Beisein", "Wesentlichen", "Übrigen", "Ganzen", "Moment", "Internet", "Netz",
    "Chat", "Protokoll", "Schaukasten", "Aushang", "Amtsblatt", "Mitteilungsblatt",
    "Gemeindeblatt", "Newsletter", "Weg", "Gebiet", "Quartier", "Stadtteil", "Kiez", "Viertel",
    "Anhang", "Anlage", "Anwesenheitsliste", "Liste", "Einladung", "Tagesordnung", "Region",
    "Umgebung", "Nähe", "Umland",
})  # fmt: skip
"""Words after ``im``/``in der`` that name no place (``im Vorfeld``, ``im Schaukasten``)."""
_MEETING_NOUNS = (
    r"\w*(?:[Ss]itzung|[Vv]ersammlung|[Tt]reffen|[Kk]onferenz|[Aa]bend|[Ff]achtag|Austausch)\b"
)
_MEETING_WORD = re.compile(
    r"\b(?:fand|findet|fanden|traf|trafen|tagte|tagten|versammelten)\b|" + _MEETING_NOUNS
)
_JOINS = r"(?:des|der|am|an\s+der|in|vom|zum)"
_PRESS = ("anzeiger", "zeitung", "blatt", "kurier", "bote")
"""The last word of a paper a meeting was announced in, not held in."""
_SESSION_PLACE = re.compile(
    r"(?:\b(?:fand|findet|fanden|traf|trafen|tagte|tagten|versammelten)\b|" + _MEETING_NOUNS + ")"
    r"(?:[^.;:!?]|(?<=\d)\.){0,160}?\s(?:im|ins|in\s+der|in\s+dem|in\s+den|in\s+die"
    r"|auf\s+der|auf\s+dem)\s+"
    r"((?:[a-zäöß]+en\s+)?(?!(?:" + "|".join(sorted(_NOT_PLACES)) + r")\b)[A-ZÄÖÜ][\wäöüß\-]*"
    r"(?:(?:\s+" + _JOINS + r")?\s+(?:[A-ZÄÖÜ(](?:[\wäöüß\-)]|\.(?=\w))*"
    r"|\(\S[^()]{0,40}\)|\d{1,3}\)?)){0,6}?)"
    r"(?=\s+(?!" + _JOINS + r"\s+[A-ZÄÖÜ])[a-zäöüß]|\s*[.,;:!?)]|$)"
)
"""The place in a sentence about the meeting: after ``fand``/``traf`` or a meeting word
(``Sitzung``, ``Netzwerkabend``, ``Fachtag``), the first ``im``/``ins``/``in der``/``in die``/
``auf der`` with a capitalised name that is no :data:`_NOT_PLACES` word (after one adjective:
``im kleinen Sitzungssaal``), joined by ``des``/``am``/… to more names, up to the next
lower-case word (``statt``, ``eingeladen``, ``wieder``) or the end of the clause."""
_NAMED_PLACE = (
    r"((?!(?:"
    + "|".join(sorted(_NOT_PLACES))
    + r")\b)[A-ZÄÖÜ][\wäöüß\-]*(?:\s+(?:des|der|am|an\s+der"
    r"|vom)\s+[A-ZÄÖÜ][\wäöüß\-]*(?:\s+[A-ZÄÖÜ][\wäöüß\-]*)?)?)"
)
_CLAUSE_CHAR = r"(?:[^.;:!?]|(?<=\d)[.:](?=\d|\s))"
"""A character of the same clause: no stop, but the points of a date or a clock time."""
_GATHERED_PLACE = re.compile(
    rf"\bsich\b{_CLAUSE_CHAR}{{0,120}}?\s(?:im|in\s+der|in\s+dem|in)\s+{_NAMED_PLACE}"
    rf"{_CLAUSE_CHAR}{{0,120}}?\s(?:getroffen|eingefunden|zusammengefunden|versammelt"
    r"|zusammengesetzt)\b"
    r"|\b(?:waren|sind)\b[^.;:!?]{0,120}?\s(?:ins|in\s+die|in\s+den)\s+" + _NAMED_PLACE
    + r"\s+gekommen\b"
    r"|\b(?:begrüßt|begrüßte|begrüßen|begrüßten)\s+(?:die|alle)\s+(?:Gäste|Anwesenden|Teilnehm\w*)"
    r"\s+(?:im|in\s+der|in\s+dem)\s+" + _NAMED_PLACE + r"(?=\s*[.,;]|\s+[a-zäöü])"
)  # fmt: skip
"""The place where people met, before the verb of meeting (``hat sich … im Café des Hauses
getroffen``, ``haben sich in Penzing … getroffen``, ``waren … ins Jugendhaus am Steinweg
gekommen``) or where the guests were greeted (``begrüßte die Gäste im Ratssaal``)."""
_PLACE_PART = re.compile(
    r"^(?:im|in\s+der|in\s+den)\s+„?(?!Zeit\b)[A-ZÄÖÜ]|^Raum\s+\S"
    r"|^[A-ZÄÖÜ][\wäöüß-]*(?:[Ss]aal|[Rr]aum|[Rr]athaus|[Hh]aus|[Zz]entrum|[Hh]alle|[Bb]üro"
    r"|[Tt]reff|[Ss]chule|[Mm]ensa|[Kk]irche|[Hh]eim|[Ss]tube|[Zz]immer|[Cc]afé)\b"
)
"""A part of a session line that names the place: ``im Gemeindehaus``, ``Raum 0.13``,
``Sitzungssaal Rathaus I``."""
_CLOCK_AFTER_DATE = re.compile(
    r"(?:\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?|\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli"
    r"|August|September|Oktober|November|Dezember)(?:\s+\d{4})?),?\s+(?:um\s+)?"
    r"(\d{1,2}(?:[:.]\d{2})?\s*Uhr|\d{1,2}:\d{2})\s*$"
)
"""A session line that ends with the date and the clock time: ``… am 15. Januar 2025 20 Uhr``."""
_DATE_PART = re.compile(r"\d{1,2}\.\d{1,2}\.|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag)\b")
_SENTENCE_VERB = re.compile(
    r"\b(?:ist|sind|war|waren|wird|wurde|hat|haben|findet|fand|gibt|begrüßt|eröffnet|berichtet"
    r"|treffen|trifft|trafen)\b"
)
_FIELD_SEPARATOR = re.compile(r"\s+[·•|]\s+(?=[^\W\d][\w ./-]{1,38}:)")
"""A dot or a bar between two ``Label: value`` fields on one line."""
_OPENING_FIELD = re.compile(r"^[\s*_]*([^\W\d][\w ./-]{1,38}?)[\s*_]*:[\s*_]*(\S.{0,80})$")
"""``Redeleitung: Chiara``, ``** Tatsächliche Beginnzeit:** 17:22 Uhr`` as an entry."""
_MINUTES_ROLE = re.compile(r"^(?:\w+/)?(?:Protokoll\w*|Schriftführ\w*)\b", re.IGNORECASE)
_CHAIR_ROLE = re.compile(
    r"^(?:1\.\s*)?(?:\w+/)?(?:\w*?vorsitz\w*|\w*?sitzungsleit\w*|Leitung|Moderation|Moderator\w*"
    r"|\w*?versammlungsleit\w*|Redeleitung)\b",
    re.IGNORECASE,
)
"""A role that makes a person the chair or the minute-taker: ``Vorsitzender``,
``Ausschussvorsitzende``, ``1. Vorsitzender``, ``Verwaltung/Protokollführer`` (not
``stellvertr. Vorsitzende``, ``2. Vorsitzende``)."""
"""Roles in brackets after a name that make the person the minute-taker or the chair."""

"""An inline link as protokollkit keeps it in any text: ``[Satzung](https://…)`` or a bare URL."""


@dataclass(frozen=True)
class Person:
    """A participant, speaker or presenter: a name with an optional affiliation (Einrichtung).

    ``form`` remembers how a speaker line was written: ``Name, Einrichtung`` ("comma") or
    ``Name (Einrichtung)`` ("parens"), so that writing it back keeps the author's choice.
    """

    name: str
    affiliation: str | None = None
    form: PersonForm = "comma"


@dataclass(frozen=True)
class Link:
    """A link inside a text: what it says and where it points."""

    label: str
    target: str


def links_in(text: str) -> list[Link]:
    """The links of a text: ``[label](target)`` and bare ``http(s)://`` URLs, in order."""
    result: list[Link] = []
    for match in LINK.finditer(text):
        if match.group(3):
            result.append(Link(match.group(3), match.group(3)))
        else:
            result.append(Link(match.group(1), match.group(2)))
    return result


@dataclass(frozen=True)
class Decision:
    """A decision, motion or vote recorded in a point: its counts when given, and its result.

    The words stay in the point's text; this is what the text says in numbers.
    """

    kind: DecisionKind = "decision"
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    result: DecisionResult | None = None
    unanimous: bool = False


@dataclass(frozen=True)
class Task:
    """A task recorded in a point: who does it (as written) and by when, when given."""

    owners: tuple[str, ...] = ()
    due: dt.date | None = None


@dataclass(frozen=True)
class Point:
    """One entry of a block: a bullet point (``- ``), a numbered point or a prose paragraph.

    ``points`` are nested sub-points. ``marker`` is the written label of a numbered point
    (``1.``, ``a)``). ``speaker`` is set when the entry starts with who said it
    (``Jonas: …``). ``decision`` and ``task`` say what the text records; the text itself keeps
    every word, links as ``[label](target)``.
    """

    text: str
    points: tuple[Point, ...] = ()
    kind: PointKind = "bullet"
    marker: str | None = None
    speaker: Person | None = None
    decision: Decision | None = None
    task: Task | None = None
    line: int = field(default=0, compare=False, repr=False)
    """The 1-based source line the entry started on (0: unknown); not part of equality."""

    @property
    def links(self) -> list[Link]:
        """The links in this entry's text."""
        return links_in(self.text)


@dataclass(frozen=True)
class Block:
    """What one speaker reported under an agenda item: the speaker line and its points.

    ``speaker`` is None for points without a speaker line. ``note`` holds a free paragraph that
    the layout rules could not place (kept where it stood, and reported as a warning).
    """

    speaker: Person | None = None
    points: tuple[Point, ...] = ()
    note: str | None = None
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class AgendaItem:
    """A numbered agenda item (TOP) with its title, optional presenter and blocks."""

    number: int
    title: str
    presenter: Person | None = None
    blocks: tuple[Block, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    """Sub-items (``TOP 5.2``, ``### 2.1``); their ``number`` is the last part of the label."""
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class NextMeeting:
    """The ``Nächster Termin:`` line: the text as written, and the date when it names one."""

    text: str
    date: dt.date | None = None
    label: str = "Nächster Termin"
    """The label as written; empty when the next meeting is a sentence inside the content
    (``Die nächste Sitzung findet am 12.06.2024 statt.``), which then stays where it stood."""


@dataclass(frozen=True)
class MetaField:
    """A line of meeting metadata before the first item: ``Ort: Gemeindehaus``.

    ``label`` is as written (without the colon; empty for a bare date line such as
    ``Dienstag, 14. März 2023``), ``kind`` what protokollkit understood it to be.
    """

    label: str
    value: str
    kind: MetaKind = "other"


@dataclass(frozen=True)
class AttendanceGroup:
    """People listed apart from the participants: excused, absent, guests, partly present, or
    a labelled group of those present (``Vorstand``, ``Mitglieder``: kind ``present``)."""

    label: str
    kind: AttendanceKind
    people: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Protocol:
    """The protocol of one meeting.

    ``meta`` holds the meeting's metadata lines, ``attendance`` the groups beside the
    participants, ``agenda`` the planned agenda listed before the minutes, ``preamble`` the
    content (paragraphs, points, speakers) before the first agenda item. ``back`` keeps the
    closing matter after the next-meeting line (signatures), ``front`` text before the first
    item that no rule could place. Labels are kept as written (``Anwesend``, ``TOP-Vorschläge``).
    ``diagnostics`` are the notes collected while reading; they do not take part in equality.
    """

    title: str
    meeting: str
    date: dt.date | None
    participants: tuple[Person, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    next_meeting: NextMeeting | None = None
    front: tuple[str, ...] = ()
    back: tuple[str, ...] = ()
    meta: tuple[MetaField, ...] = ()
    attendance: tuple[AttendanceGroup, ...] = ()
    agenda: tuple[str, ...] = ()
    preamble: tuple[Block, ...] = ()
    participants_label: str = "Teilnehmende"
    agenda_label: str = "Tagesordnung"
    item_prefix: str = ""
    """The word the author wrote before the item numbers (``TOP``, ``Top``), or empty."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False, repr=False)

    def all_items(self) -> list[AgendaItem]:
        """Every agenda item and sub-item, depth first, in document order."""
        result: list[AgendaItem] = []

        def visit(items: tuple[AgendaItem, ...]) -> None:
            for item in items:
                result.append(item)
                visit(item.items)

        visit(self.items)
        return result

    def all_points(self) -> list[Point]:
        """Every point and paragraph of every item and sub-item, depth first, in order."""
        result: list[Point] = []

        def visit(points: tuple[Point, ...]) -> None:
            for point in points:
                result.append(point)
                visit(point.points)

        for block in self.preamble:
            visit(block.points)
        for item in self.all_items():
            for block in item.blocks:
                visit(block.points)
        return result

    def _titles_and_points(self) -> list[str]:
        """The text of every item title and entry, in document order (an item may be titled
        by the sentence that introduces the list below it)."""
        texts: list[str] = []

        def visit(points: tuple[Point, ...]) -> None:
            for point in points:
                texts.append(point.text)
                visit(point.points)

        for block in self.preamble:
            visit(block.points)
        for item in self.all_items():
            texts.append(item.title)
            for block in item.blocks:
                visit(block.points)
        return texts

    def present(self) -> tuple[Person, ...]:
        """Everyone present: the participants and the labelled groups of those present (or,
        when nobody is listed, those a sentence of the opening names: ``Anwesend waren …``;
        without either, those the minutes show taking part)."""
        listed = self.listed_present()
        if not listed:
            return self._people_at_work()
        if names_nobody(listed):
            # ``Anwesend: der Vorstand (3), der Beirat (3), weitere 11 Mitglieder``: groups and
            # counts, no names – those the minutes show taking part are named nowhere else
            known = {p.name for p in listed}
            return listed + tuple(p for p in self._people_at_work() if p.name not in known)
        return listed + self._officers_not_listed(listed)

    def _officers_not_listed(self, listed: tuple[Person, ...]) -> tuple[Person, ...]:
        """The chair and the minute-taker of a labelled head (``Versammlungsleitung: Frank
        Dietrich (Vorsitzender)``, ``Protokollführerin: Sabine Albers``) whom the attendance
        leaves out (``Weitere anwesende Vorstandsmitglieder: …``): they were there. Only a
        person's name counts (two to four words, no body, nobody excused or absent)."""
        from protokollkit.annotations import names_a_body  # annotations imports this module

        known = [p.name for p in listed]
        away = self._away()
        found: list[Person] = []
        for kind in ("chair", "minute_taker"):
            value = next((f.value for f in self.meta if f.kind == kind), None)
            if value is None:
                continue
            name = _ROLE_AFTER_NAME.sub("", value).strip()
            words = name.split()
            if not (
                2 <= len(words) <= 4
                and _PERSON_NAME.fullmatch(name)
                and not names_a_body(name)
                and name not in away
                and not any(w in known_name.split() for known_name in known for w in words[-1:])
            ):
                continue
            known.append(name)
            found.append(Person(name))
        return tuple(found)

    def listed_present(self) -> tuple[Person, ...]:
        """Those the attendance names as present: the participants and the groups of those
        present, or a sentence of the opening (``Anwesend waren …``); nobody from elsewhere."""
        listed = self.participants + self.attendance_of("present") + self.attendance_of("partial")
        return listed or self._attendance_in_text("present")

    def _people_at_work(self) -> tuple[Person, ...]:
        """Without any attendance: those the minutes show taking part – the chair, the
        minute-taker, speakers and presenters, owners of tasks named in full, those elected –
        once each, in document order (``Sabine Kortmann eröffnet …``, ``Kassier Bernd Auer
        trägt … vor``, ``Als Kassenprüferin wurde Renate Hoppe gewählt``)."""
        found: dict[str, Person] = {}
        for kind in ("chair", "minute_taker"):
            value = (
                next((f.value for f in self.meta if f.kind == kind), None)
                or self._field_in_opening(kind)
                or self._person_in_text(kind)
            )  # (not meta_value: it looks for the chair among those present)
            if value and len(value.split()) <= 4:
                found.setdefault(value, Person(value))
        for person in self.speakers():
            first, joined, second = person.name.partition(" und ")
            if joined and len(first.split()) >= 2 and len(second.split()) >= 2:
                found.setdefault(first, Person(first))  # ``Jörg Kaminski und Aylin Sert``
                found.setdefault(second, Person(second))
                continue
            found.setdefault(person.name, Person(person.name, person.affiliation))
        from protokollkit.annotations import (  # annotations imports this module
            names_a_body,
            sentence_speakers,
        )

        for point in self.all_points():  # the speakers of the later sentences of a paragraph
            for name in sentence_speakers(point.text):
                if not any(name in known or known in name for known in found):
                    found.setdefault(name, Person(name))
        for point in self.tasks():
            assert point.task is not None
            for owner in point.task.owners:
                if len(owner.split()) >= 2 and owner[:1].isupper() and not names_a_body(owner):
                    found.setdefault(owner, Person(owner))
        from protokollkit.people import (  # people imports this module
            elected_in,
            members_listed,
            office_holder,
        )

        for name in members_listed(self._titles_and_points()):
            found.setdefault(name, Person(name))  # ``Dem Beirat gehören außerdem an:`` / names
        for name in elected_in(point.text for point in self.all_points()):
            if not any(name in known.split() or known in name for known in found):
                found.setdefault(name, Person(name))  # ``Als Kassenprüferin wurde … gewählt``
        for point in self.decisions():
            holder = office_holder(point.text)  # ``Schülersprecherin: Mila (4b)``
            if holder and not any(holder in known.split() or known in holder for known in found):
                found.setdefault(holder, Person(holder))
        prose = self._people_in_prose()
        guests = set(prose.get("guests", ()))
        away = self._away()
        for name in prose.get("present", ()):  # ``Die Kassenprüfer Rita Schöll und Hans Popp``
            if name not in guests | away and not any(name in known for known in found):
                found.setdefault(name, Person(name))
        return tuple(p for p in found.values() if p.name not in guests)

    def _away(self) -> set[str]:
        """The names of those excused or absent (``Er entschuldigt die Vorsitzende Renate
        Kuhlbrodt``): not at work in the meeting, even where the prose names them."""
        return {p.name for kind in ("excused", "absent") for p in self.attendance_of(kind)}

    def _people_in_prose(self) -> dict[AttendanceKind, list[str]]:
        """:func:`~protokollkit.people.people_in_prose` of every entry."""
        from protokollkit.people import people_in_prose  # people imports this module

        return people_in_prose(p.text for p in self.all_points())

    def _attendance_in_text(self, kind: AttendanceKind) -> tuple[Person, ...]:
        """The people a sentence of the opening names as present, excused or absent
        (``Entschuldigt haben sich Noah und Amira.``): attendance kept as prose."""
        from protokollkit.people import attendance_in_sentences  # people imports this module

        if self.attendance and kind != "present" and any(g.kind == kind for g in self.attendance):
            return ()
        found = attendance_in_sentences(p.text for p in self._opening_points())
        return tuple(Person(name) for name in found.get(kind, ()))

    def decisions(self) -> list[Point]:
        """The entries that record a decision, motion or vote."""
        return [p for p in self.all_points() if p.decision is not None]

    def tasks(self) -> list[Point]:
        """The entries that record a task."""
        return [p for p in self.all_points() if p.task is not None]

    def meta_value(self, kind: MetaKind) -> str | None:
        """The first metadata value of a kind (``place``, ``chair``, ``minute_taker`` …).

        ``start`` and ``end`` are also found in a time span (``Zeit: 19:05–21:10``) or after
        the date (``Datum: 05.06.2015, 19 Uhr``).
        """
        found = next((f.value for f in self.meta if f.kind == kind and f.value.strip()), None)
        if found is None:  # (``Ort:`` with its value on a later line names nothing itself)
            found = self._field_in_opening(kind)
        if found is None and kind in ("minute_taker", "chair"):
            return self._role_in_attendance(kind) or self._person_in_text(kind)
        if found is None and kind == "place":
            return self._session_line()[0] or self._place_in_sentence() or self._place_after_date()
        if found is not None or kind not in ("start", "end"):
            return found
        values = [f.value for f in self.meta if f.kind in ("time", "date")]
        opening = self._field_in_opening("time")  # ``Zeit: 09:30- 11:15 Uhr`` in the first item
        for value in [*values, *([opening] if opening else [])]:
            times = TIME_SPAN.findall(value)
            if times:
                span = TIME_SPAN.search(value)
                assert span is not None
                if kind == "start":
                    return span.group(1)
                if span.group(2):
                    return span.group(2)
        return self._time_in_text(kind) or (self._session_line()[1] if kind == "start" else None)

    def _session_line(self) -> tuple[str | None, str | None]:
        """(place, start) from an unlabelled session line of the opening: ``Sitzungssaal
        Rathaus I, 18:00 Uhr``, ``22.01.2025, 18:15 Uhr, Raum 0.13 (Marstallhof)``, ``im
        Gemeindehaus Lindenstraße, Großer Saal`` – short parts between commas, a clock time
        alone as one part, a place named by a room word or ``im …``."""
        place: str | None = None
        start: str | None = None
        # the title too: ``Protokoll der Vollversammlung … vom 28.10.2025, 18 Uhr, Ratssaal``
        texts = [self.title, *(point.text for point in self._opening_points()[:4])]
        for number, text in enumerate(texts):
            text = text.strip().rstrip(".")
            if len(text) > (160 if number == 0 else 100) or _SENTENCE_VERB.search(text):
                continue
            parts = [part.strip() for part in text.split(", ")]
            if len(parts) > 5:
                continue  # (``Donnerstag, 6.3.25, 19:30 Uhr, Pfarrheim, Oberweiler``: five)
            if number == 0:
                if len(parts) < 2:
                    continue
                parts = parts[1:]  # (the title's first part names the meeting, not its place)
            dated = any(
                _DATE_PART.search(part) for part in (text.split(", ") if number == 0 else parts)
            )
            for part in parts:
                if place is None and _PLACE_PART.search(part) and not _DATE_PART.search(part):
                    rest = text[text.index(part) :]
                    place = rest if part.startswith(("im ", "in ")) else part
            for part in parts:  # a time beside a date or a place: the session's start
                clock = _CLOCK_PART.match(part)
                if clock and start is None and (len(parts) > 1 or number == 0) and (dated or place):
                    start = clock.group(1)
            clock = _CLOCK_AFTER_DATE.search(text) if start is None else None
            if clock:
                start = clock.group(1)  # ``… am Mittwoch 15. Januar 2025 20 Uhr``
        return place, start

    def _place_in_sentence(self) -> str | None:
        """The place a sentence of the opening names for the meeting: ``… fand die
        Versammlung auf der Terrasse des Tennisheims statt``, ``traf sich der Kirchenvorstand
        am 9. Oktober zur Sitzung in der Markuskirche``, ``über die 14. Sitzung … am Montag,
        dem 18. August 2025, im Gemeindesaal (Hauptplatz 3) Kirchbach.``"""
        for point in self._opening_points()[:4]:
            text = point.text
            if "statt" not in text and not _MEETING_WORD.search(text[:400]):
                continue
            for match in _SESSION_PLACE.finditer(text[:400]):
                place = match.group(1).rstrip(",.")
                if not place.lower().endswith(_PRESS):  # ``im Städtischen Anzeiger``
                    return place
        for point in self._opening_points()[:4]:
            gathered = _GATHERED_PLACE.search(point.text[:400])
            if gathered:
                return next(g for g in gathered.groups() if g)
        return None

    def _place_after_date(self) -> str | None:
        """The place right after the meeting's own date in the title or a line of the opening:
        ``… am 20.04.2024 im Saal der Gaststätte „Zur Linde“, Beginn: 10:00 Uhr``, ``Sitzung am
        26.11.2024 um 19:00 Uhr im Bürgersaal der Alten Kelter, Lauterbach``, ``… am Montag, den
        10. November 2025 im Feuerwehrhaus in Lingenau.`` (not after another date: ``Sommerfest
        am 02.07. ab 14 Uhr auf dem Schulhof``)."""
        from protokollkit.dates import find_date  # dates is a reader-side module

        if self.date is None:
            return None
        texts = [self.title, *(p.text for b in self.preamble for p in b.points)][:10]
        for text in texts:
            match = _PLACE_AFTER_DATE.search(text[:300]) if "m " in text else None
            first = match.group(1).split()[0].strip('„“"') if match else ""
            if match is None or first in _NOT_PLACES or first in _NOT_PLACES_AFTER_DATE:
                continue
            found = find_date(match.group(0), self.date)
            if found is not None and found.date == self.date:
                return match.group(1).strip()
        return None

    def _role_in_attendance(self, kind: MetaKind) -> str | None:
        """The chair or minute-taker named by a role in the attendance (``Nora (Protokoll)``)."""
        role = _MINUTES_ROLE if kind == "minute_taker" else _CHAIR_ROLE
        for person in self.listed_present():
            # ``Nora (Protokoll)``, ``Petra Unger – Eichhörnchengruppe (Protokollführung)``
            parts = person.affiliation.split(", ") if person.affiliation else ()
            if any(role.search(part) for part in parts):
                return person.name
        for person in self.listed_present():
            office, _, name = person.name.partition(" ")
            if name and office[:1].isupper() and role.fullmatch(office):
                return name  # ``Protokollführerin Lohmann`` in the list of the administration
        for group in self.attendance:  # ``Schriftführung`` / ``Frau Lena Stauch``: a role group
            if group.kind in ("present", "partial") and group.people and role.search(group.label):
                return group.people[0].name
        return None

    def _field_in_opening(self, kind: MetaKind) -> str | None:
        """A ``Label: value`` entry of the opening item (``TOP 0: Regularia`` /
        ``- Redeleitung: Chiara``) that names the chair, minute-taker, place, start or end."""
        from protokollkit.labels import label_key, meta_kind  # labels imports this module

        if kind not in ("chair", "minute_taker", "place", "start", "end", "time"):
            return None
        found: list[tuple[str, str]] = []
        for point in self._opening_points():
            if point.decision is not None:
                continue  # ``Vorsitzende: Ulrike Kessler (einstimmig)``: who was elected
            # ``Moderation: Lea · Protokoll: Fabian``: two fields joined by a dot or a bar
            for piece in _FIELD_SEPARATOR.split(point.text):
                match = _OPENING_FIELD.match(piece)
                if match and meta_kind(label_key(match.group(1))) == kind:
                    found.append((match.group(1), match.group(2).strip()))
        actual = [v for label, v in found if "geplant" not in label.lower()]
        values = actual or [v for _, v in found]
        return values[0] if values else None

    def _signed_minutes(self) -> str | None:
        """The minute-taker who signs the closing matter: ``f.d.R. Tobias Wagner
        (Schriftführer)``."""
        closing = [*self.back, *(p.text for p in self.all_points()[-3:])]
        for text in closing:
            match = _SIGNED_MINUTES.search(text) or _MINUTES_SIGNOFF.match(text)
            if match:
                return match.group(1)
        for text in closing:  # ``gez. Lea Brunnhuber      gez. Johanna Pfaffinger``: the chair
            pair = _TWO_SIGNATURES.match(text)  # signs first, the minute-taker second
            if pair and pair.group(2) != self.meta_value("chair"):
                return pair.group(2)
        items = self.all_items()
        last = items[-1].blocks[-1] if items and items[-1].blocks else None
        signer = last.speaker if last is not None and not last.points else None
        role = signer.affiliation if signer is not None else None
        if signer and role and (_MINUTES_ROLE.match(role) or "chriftwart" in role):
            return signer.name  # ``Merle Dose, Schriftwartin`` under the minutes
        return None

    def _person_in_text(self, kind: MetaKind) -> str | None:
        """The chair or minute-taker named in a sentence of the opening (``Begrüßung durch die
        Vorsitzende Lea Brunnhuber``, ``Protokoll von Svenja Harms``)."""
        pattern = PROSE_MINUTES if kind == "minute_taker" else PROSE_CHAIR
        for point in self._opening_points():
            match = pattern.search(point.text)
            if match:
                return next(g for g in match.groups() if g)
        if kind == "minute_taker":
            for item in self.items[:8]:  # ``5. Wahl einer Protokollführerin`` further down
                if "rotokollf" in item.title or "chriftf" in item.title:
                    for point in (p for b in item.blocks for p in b.points):
                        match = pattern.search(point.text)
                        if match:
                            return next(g for g in match.groups() if g)
            signed = self._signed_minutes()
            if signed is not None:
                return signed
            for point in self._opening_points():
                secretary = _SECRETARY.search(point.text) if "chriftf" in point.text else None
                if secretary:
                    return secretary.group(1)
            return None
        if kind == "chair":
            for point in reversed(self.all_points()):
                text = point.text
                if "orsitzende" in text or "schl" in text or "beende" in text or "leiter" in text:
                    match = PROSE_CHAIR_CLOSING.search(text)
                    if match:
                        return next(g for g in match.groups() if g)
        return None

    def _opening_points(self) -> list[Point]:
        """The preamble's entries and those of the first two items."""
        points = [p for b in self.preamble for p in b.points]
        for item in self.items[:2]:
            points += [p for b in item.blocks for p in b.points]
        return points

    def _time_in_text(self, kind: MetaKind) -> str | None:
        """Start or end from the title's span or a sentence (``Ende der Sitzung um 19:42``)."""
        title = TITLE_SPAN.search(self.title)
        if title:
            return title.group(1) if kind == "start" else title.group(2)
        single = TITLE_START.search(self.title) if kind == "start" and "Uhr" in self.title else None
        if single:
            return single.group(1)  # ``Protokoll – Stadtteiltisch 14.12.2023 14.00Uhr``
        for point in self._opening_points()[:8]:
            alone = _SPAN_ALONE.match(point.text)  # ``Von 18:30 Uhr bis 21:10 Uhr`` as a line
            if alone:
                return alone.group(1) if kind == "start" else alone.group(2)
        found: str | None = None
        for point in self.all_points():
            text = point.text
            if "Uhr" not in text and ":" not in text and "." not in text:
                continue
            span = PROSE_SPAN.search(text)
            if span:
                start, end = [g for g in span.groups() if g]  # the alternative that matched
                return start if kind == "start" else end
            match = (PROSE_START if kind == "start" else PROSE_END).search(text)
            if match:
                value = next(g for g in match.groups() if g)
                if kind == "start":
                    return value
                found = value  # the last one: the meeting's end
        if found is None and kind == "end":
            for text in self.back:  # ``Jonte schließt die Sitzung um 20:02 Uhr`` after the
                match = PROSE_END.search(text)  # next meeting's line
                if match:
                    found = next(g for g in match.groups() if g)
        return found

    def attendance_of(self, kind: AttendanceKind) -> tuple[Person, ...]:
        """Everyone in the attendance groups of a kind (``excused``, ``guests`` …); excused,
        absent people and guests named only in a sentence of the opening count too."""
        found = tuple(p for g in self.attendance if g.kind == kind for p in g.people)
        if found or kind not in ("excused", "absent", "guests"):
            return found
        in_sentences = self._attendance_in_text(kind)
        if kind == "guests":
            # greeted, giving a talk or ``zu Gast`` in the text (``Impulsreferat von …``)
            known = {p.name for p in (*self.listed_present(), *in_sentences)}
            names = self._people_in_prose().get("guests", [])
            more = [Person(n) for n in names if not any(n in name for name in known)]
            return (*in_sentences, *more)
        return in_sentences

    def speakers(self) -> list[Person]:
        """Every presenter and speaker (speaker lines, inline speakers), in document order;
        after an entry's speaker, those its later sentences name (a report's paragraph may
        hold several: ``Quartiersmanagerin Anja Wolters stellte … vor. Mieterbeirat Yusuf
        Arslan berichtete …``)."""
        from protokollkit.annotations import sentence_speakers  # they import this module
        from protokollkit.people import split_role

        result: list[Person] = []

        def visit(blocks: tuple[Block, ...]) -> None:
            for block in blocks:
                if block.speaker:
                    result.append(block.speaker)
                stack = list(reversed(block.points))
                while stack:
                    point = stack.pop()
                    if point.speaker:
                        result.append(point.speaker)
                        if ". " in point.text:
                            first = point.speaker.name
                            result.extend(
                                split_role(name) or Person(name)  # ``Mieterbeirat Yusuf …``
                                for name in sentence_speakers(point.text)
                                if name not in first and first not in name
                            )
                    stack.extend(reversed(point.points))

        visit(self.preamble)
        for item in self.all_items():
            if item.presenter:
                result.append(item.presenter)
            visit(item.blocks)
        return result
