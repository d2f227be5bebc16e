"""What the rich writers (DOCX, PDF, HTML, mail) show beside the words: shared German texts.

The metadata block under the title, attendance groups, agenda labels of sub-items, the summary
of a decision (``Ja 6 · Nein 1 · Enthaltung 0 – angenommen``) and of a task (``Lea, bis
15.05.2024``), inline links split out of a text, and the typographic apostrophe. Every writer
that shows these uses the same wording from here; nothing here knows a file format.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from protokollkit.model import (
    LINK,
    AgendaItem,
    Decision,
    Link,
    MetaKind,
    Person,
    Point,
    Protocol,
    Task,
)
from protokollkit.people import format_person

META_LABELS: dict[MetaKind, str] = {
    "date": "Datum",
    "place": "Ort",
    "time": "Zeit",
    "start": "Beginn",
    "end": "Ende",
    "chair": "Sitzungsleitung",
    "minute_taker": "Protokoll",
    "quorum": "Beschlussfähigkeit",
    "other": "Angabe",
}
"""The label shown for a metadata line that was written without one (a bare date line)."""

DECISION_LABELS = {
    "decision": "Beschluss",
    "motion": "Antrag",
    "vote": "Abstimmung",
    "consensus": "Konsens",
}
RESULT_WORDS = {"accepted": "angenommen", "rejected": "abgelehnt", "postponed": "vertagt"}

TASKS_HEADING = "Aufgaben"
"""The heading of the task list at the end of the mail."""

AGENDA_HEADING = "Tagesordnung"

_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")


def apostrophes(text: str) -> str:
    """``geht's`` → ``geht’s``: a straight apostrophe after a letter becomes the typographic one."""
    return _APOSTROPHE.sub("\u2019", text)


@dataclass(frozen=True)
class Text:
    """A piece of running text between links."""

    text: str


def inline_parts(text: str, *, typographic: bool = True) -> Iterator[Text | Link]:
    """The text as plain pieces and links (``[label](target)``, bare URLs), in order.

    With ``typographic`` the plain pieces and link labels get typographic apostrophes; link
    targets are never changed.
    """
    fix = apostrophes if typographic else (lambda s: s)
    position = 0
    for match in LINK.finditer(text):
        if match.start() > position:
            yield Text(fix(text[position : match.start()]))
        if match.group(3):
            yield Link(match.group(3), match.group(3))
        else:
            yield Link(fix(match.group(1)) or match.group(2), match.group(2))
        position = match.end()
    if position < len(text):
        yield Text(fix(text[position:]))


SAFE_SCHEMES = ("http://", "https://", "mailto:")
"""Link targets that become real links (HTML, DOCX, PDF); anything else (``javascript:``,
``data:``, ``file:``) stays text."""


def linked_parts(text: str, *, typographic: bool = True) -> Iterator[Text | Link]:
    """:func:`inline_parts` with only :data:`SAFE_SCHEMES` as links: any other target is
    written as the text it was (``[label](javascript:…)``), never as something to click."""
    for part in inline_parts(text, typographic=typographic):
        if isinstance(part, Link) and not part.target.lower().startswith(SAFE_SCHEMES):
            yield Text(
                part.target if part.label == part.target else f"[{part.label}]({part.target})"
            )
        else:
            yield part


def plain_with_links(text: str) -> str:
    """The text for a plain-text reader: ``[label](target)`` becomes ``label <target>``."""
    pieces: list[str] = []
    for part in inline_parts(text, typographic=False):
        if isinstance(part, Text):
            pieces.append(part.text)
        elif part.label == part.target:
            pieces.append(part.target)
        else:
            pieces.append(f"{part.label} <{part.target}>")
    return "".join(pieces)


def meta_rows(protocol: Protocol) -> list[tuple[str, str]]:
    """The metadata block under the title: (label, value) pairs in the order written.

    When the title does not name the meeting's date and no metadata line does, the date comes
    first, so that a reader finds it once near the top.
    """
    from protokollkit.dates import find_date, german_date

    rows = [(field.label or META_LABELS[field.kind], field.value) for field in protocol.meta]
    has_date = any(field.kind == "date" for field in protocol.meta)
    if protocol.date and not has_date and find_date(protocol.title) is None:
        rows.insert(0, (META_LABELS["date"], german_date(protocol.date)))
    return rows


def people(persons: tuple[Person, ...]) -> str:
    """``A, B (Einrichtung), C``: people as in the participant list."""
    return ", ".join(format_person(p, "parens") for p in persons)


def item_label(item: AgendaItem, parents: tuple[int, ...] = (), prefix: str = "") -> str:
    """The written number of an item: ``4``, ``5.2`` for a sub-item of 5, with the prefix the
    author wrote before item numbers (``TOP 4``)."""
    number = ".".join(str(n) for n in (*parents, item.number))
    if not prefix:
        return number
    colon = ":" if item.title[:1] in ":.)-–—" else ""  # ``TOP 1: – …`` keeps the dash a title
    return f"{prefix} {number}{colon}"


def walk_items(
    items: tuple[AgendaItem, ...], parents: tuple[int, ...] = (), prefix: str = ""
) -> Iterator[tuple[AgendaItem, str, int]]:
    """Every item and sub-item, depth first, with its label and depth (0 for a top item)."""
    for item in items:
        yield item, item_label(item, parents, prefix), len(parents)
        yield from walk_items(item.items, (*parents, item.number), prefix)


def shown_title(item: AgendaItem) -> str:
    """The item's title as a heading over its presenter's own line: without the dash or colon
    that led from the title to the name (``Gesundheit im Quartier – Dr. Hansen (…)``). For the
    mail, HTML and PDF; Word keeps the title as written, since it is read back."""
    title = item.title
    if (
        item.presenter is not None
        and title.endswith((" –", " -", " —", ":", ","))
        and len(title) > 2
    ):
        return title[:-1].rstrip()
    return title


def decision_label(decision: Decision) -> str:
    """``Beschluss``, ``Antrag``, ``Abstimmung`` or ``Konsens``."""
    return DECISION_LABELS[decision.kind]


def decision_result(decision: Decision) -> str | None:
    """``Ja 6 · Nein 1 · Enthaltung 0 – angenommen``, ``einstimmig angenommen`` or None."""
    numbers = (("Ja", decision.yes), ("Nein", decision.no), ("Enthaltung", decision.abstain))
    counts = [f"{word} {count}" for word, count in numbers if count is not None]
    if decision.unanimous and decision.yes is None and decision.abstain is None:
        counts = []  # ``einstimmig``: no count was given, ``Nein 0`` would only repeat it
    result = RESULT_WORDS.get(decision.result or "", "")
    if decision.unanimous:
        result = f"einstimmig {result or 'angenommen'}"
    parts = [" · ".join(counts)] if counts else []
    if result:
        parts.append(result)
    return " – ".join(parts) or None


_OWN_LABEL = re.compile(r"^\s*([^\W\d_][\w-]{2,30}(?: [\w-]{2,20})?:)\s+(?=\S)")


def decision_heading(point: Point) -> tuple[str | None, Point]:
    """What a decision box shows in bold, and the entry to show after it.

    ``Beschluss: Der Haushalt …`` → (``Beschluss:``, the entry without it): the text's own
    label is set in bold, not repeated. ``Antrag auf neue Flyer`` already names what it is:
    (None, the entry). Else the kind's label: (``Beschluss:``, the entry).
    """
    assert point.decision is not None
    label = decision_label(point.decision)
    match = _OWN_LABEL.match(point.text)
    if match and len(match.group(1)) <= 40:
        return match.group(1), dataclasses.replace(point, text=point.text[match.end() :])
    if shows_label(point, label):
        return None, point
    return f"{label}:", point


def shows_label(point: Point, label: str) -> bool:
    """Whether the point's text already starts with the label (``Beschluss: …``)."""
    return point.text.lstrip().lower().startswith(label.lower())


def marks_task(point: Point) -> bool:
    """Whether an entry needs the ``Aufgabe:`` mark: not when its text starts with a task label
    of its own (``Aufgabe: …``, ``ToDo: …``)."""
    from protokollkit.labels import TASK_LABELS

    match = _OWN_LABEL.match(point.text)
    return not (match and " ".join(match.group(1)[:-1].lower().split()) in TASK_LABELS)


def shown_task_details(point: Point) -> str | None:
    """Who and by when (:func:`task_details`) as shown after an entry, or None when the text
    says both already (``Bühnenprogramm anfragen (Robin, bis 15.05.)``)."""
    if point.task is None:
        return None
    details = task_details(point.task)
    task = point.task
    if details is None:
        return None
    words = " ".join(point.text.split())
    owners_said = all(owner in words for owner in task.owners)
    due_said = (
        task.due is None
        or f"{task.due.day:02d}.{task.due.month:02d}." in words
        or (f"{task.due.day}.{task.due.month}." in words)
    )
    return None if owners_said and due_said else details


def task_details(task: Task) -> str | None:
    """``Lea, Bernd, bis 15.05.2024``: who and by when, or None when neither is known."""
    from protokollkit.dates import german_date

    parts = []
    if task.owners:
        parts.append(", ".join(task.owners))
    if task.due:
        parts.append(f"bis {german_date(task.due)}")
    return ", ".join(parts) or None


def shown_speaker(point: Point) -> Person | None:
    """The inline speaker to put before an entry's text, or None when the text names them
    already (``Herr Utpatel: Die Kirchengemeinde …``, ``Marén begrüßt alle …``: the reader
    keeps every word, so the name is in the text wherever it was written)."""
    speaker = point.speaker
    if speaker is None:
        return None
    words = " ".join(point.text.split())
    name = " ".join(speaker.name.split())
    if name.startswith("Herr ") and f"Herrn {name[5:]}" in words:
        return None  # ``Frage von Herrn Utpatel: …`` names Herr Utpatel
    return None if name and name in words else speaker


def speaker_text(person: Person) -> str:
    """An inline speaker as shown before the text: ``Name`` or ``Name (Einrichtung)``."""
    return format_person(person, "parens")


def participants_label(protocol: Protocol) -> str:
    """``Teilnehmende:`` or the label the protocol used (``Anwesend:``)."""
    return f"{protocol.participants_label or 'Teilnehmende'}:"


def agenda_label(protocol: Protocol) -> str:
    """``Tagesordnung`` or the label the protocol used (``TOP-Vorschläge``)."""
    return protocol.agenda_label or AGENDA_HEADING


def next_meeting_label(protocol: Protocol) -> str | None:
    """``Nächster Termin:`` (or as written) for the closing line; None when there is no such
    line — also when the next meeting is a sentence inside the content, which shows it."""
    meeting = protocol.next_meeting
    if meeting is None or not meeting.label.strip():
        return None
    return f"{meeting.label.strip().rstrip(':')}:"
