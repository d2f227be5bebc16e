"""The skeleton of the next protocol, made from the newest one in the archive.

Used by ``protokollkit new``.

The skeleton has:

- the title of the last protocol with the new date, written in the same style
  (``10.11.22`` → ``12.01.23``, ``10. November 2022`` → ``12. Januar 2023``);
- the participant line of the last protocol as a starting point;
- item 1 ``Aktuelles aus den Einrichtungen`` with the speakers who reported there last time
  (speaker lines without points);
- item 2 ``Offene Themen`` with the points that asked for a follow-up (see
  :data:`OPEN_TOPIC`), each followed by where it came from:
  ``(aus dem Protokoll vom 10.11.2022, TOP 1, Marén Wiese)``;
- an empty ``Nächster Termin:`` line.

It is written as ``YYYY-MM-DD<rest of the newest file's name>`` into the archive and never
replaces an existing file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from protokollkit.dates import MONTH_NAMES, find_date, german_date
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol

CURRENT_ITEM = "Aktuelles aus den Einrichtungen"
"""The standing first item of every protocol."""

OPEN_ITEM = "Offene Themen"
"""The item that collects the open topics carried over from the last protocol."""

OPEN_TOPIC = re.compile(
    r"\b(?:nochmal|noch\s+einmal|erneut|weiter)\s+(?:besprochen|beraten|diskutiert|besprechen)"
    r"|\b(?:besprochen|geklärt|geprüft|entschieden|abgestimmt)\s+werden\b"
    r"|\bwer\s+(?:möchte|hat\s+Interesse|hat\s+Lust|kann|will|würde|übernimmt|macht|meldet)"
    r"|\bnoch\s+offen\b|\bnoch\s+nicht\s+(?:geklärt|entschieden|bekannt)\b"
    r"|\bwird\s+nachgereicht\b|\bnachgereicht\b|\breicht\b.*\bnach\b"
    r"|\b(?:zu|noch)\s+klären\b|\bvertagt\b"
    r"|\b(?:in\s+der|auf\s+die|zur|beim)\s+nächsten?\s+(?:Sitzung|Treffen|Stadtteiltisch)\b"
    r"|\bRückmeldung\s+(?:bis|erbeten|an)\b",
    re.IGNORECASE,
)
"""A point that asks for a follow-up: ``soll nochmal besprochen werden``, ``wer möchte …``,
``noch offen``, ``wird nachgereicht``, ``zu klären``, ``vertagt``, ``in der nächsten Sitzung``,
``Rückmeldung bis …``; a point ending in ``?`` counts as well."""

REFERENCE = re.compile(r"\(aus dem Protokoll vom \d{2}\.\d{2}\.\d{4}[^()]*\)$")
"""The reference added to a carried-over point; a point that has one keeps it."""

DATE_FORMS = "12.01.2023, 12.1.23 oder 2023-01-12"
"""How ``--datum`` may be written (for messages)."""

_ARCHIVE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})((?:(?!\.vorher).)*\.txt)$")
"""``YYYY-MM-DD-….txt``; not a previous version kept by ``import --force`` (``….vorher.txt``)."""
_DATE_ARGUMENT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")


def parse_date_argument(text: str) -> dt.date:
    """``12.01.2023``, ``12.1.23`` or ``2023-01-12`` → the date; anything else a German error."""
    value = text.strip()
    try:
        match = _DATE_ARGUMENT.match(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(2000 + year if len(match.group(3)) == 2 else year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        raise ProtokollkitError(f"„{text}“ ist kein gültiges Datum.") from None
    raise ProtokollkitError(f"„{text}“ ist kein Datum. Erlaubt sind z. B. {DATE_FORMS}.")


def newest_protocol(archive: Path) -> Path:
    """The newest protocol in the archive: the last ``YYYY-MM-DD-….txt`` by name."""
    if not archive.is_dir():
        from protokollkit.files import no_folder

        raise no_folder(archive)
    names = sorted(p for p in archive.iterdir() if _ARCHIVE_NAME.match(p.name) and p.is_file())
    if not names:
        raise ProtokollkitError(
            f"Im Ordner „{archive}“ liegt kein Protokoll (Dateien wie "
            "2022-11-10-stadtteiltisch.txt)."
        )
    return names[-1]


def title_for(last: Protocol, date: dt.date) -> str:
    """The last title with ``date`` written in the same style as the date it had."""
    found = find_date(last.title)
    if found is None:
        year = f"{date:%y}" if 2000 <= date.year <= 2099 else f"{date.year:04d}"
        return f"Protokoll {last.meeting} {date:%d.%m.}{year}".replace("  ", " ")
    written = last.title[found.start : found.end]
    numeric = re.fullmatch(r"(\d{1,2})\.(\s?)(\d{1,2})\.(\s?)(\d{4}|\d{2})?", written)
    if numeric:
        day_text, space1, month_text, space2, year_text = numeric.groups()
        day = f"{date.day:02d}" if len(day_text) == 2 else str(date.day)
        month = f"{date.month:02d}" if len(month_text) == 2 else str(date.month)
        year = "" if year_text is None else str(date.year)
        # two digits only where they read back as this year (``99`` is 2099, not 1999)
        if year_text and len(year_text) == 2 and 2000 <= date.year <= 2099:
            year = year[-2:]
        new = f"{day}.{space1}{month}.{space2 if year else ''}{year}"
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        new = date.isoformat()
    else:
        gap = re.match(r"\d{1,2}\.(\s*)", written)
        new = f"{date.day}.{gap.group(1) if gap else ' '}{MONTH_NAMES[date.month - 1]}"
        year_match = re.search(r"(\s+)\d{4}$", written)
        if year_match:
            new += f"{year_match.group(1)}{date.year}"
    return last.title[: found.start] + new + last.title[found.end :]


def _current_item(last: Protocol) -> AgendaItem | None:
    for item in last.items:
        if item.title.strip().lower().startswith("aktuelles"):
            return item
    return None


def reporting_speakers(last: Protocol) -> tuple[Person, ...]:
    """The speakers under ``Aktuelles aus den Einrichtungen`` last time, in order, once each.

    When the last protocol has no such item: every speaker of the protocol.
    """
    item = _current_item(last)
    items = [item] if item else list(last.items)
    speakers: list[Person] = []
    for each in items:
        for block in each.blocks:
            if block.speaker and block.speaker.name not in {s.name for s in speakers}:
                speakers.append(block.speaker)
    return tuple(speakers)


def is_open_topic(text: str) -> bool:
    """True when a point asks for a follow-up (:data:`OPEN_TOPIC`, or it ends with ``?``)."""
    stripped = text.rstrip()
    return stripped.endswith("?") or bool(OPEN_TOPIC.search(stripped))


def _reference(last: Protocol, item: AgendaItem, speaker: Person | None) -> str:
    source = f"vom {german_date(last.date)}" if last.date else f"„{last.title}“"
    parts = [f"aus dem Protokoll {source}"]
    parts.append(f"TOP {item.number}")
    if speaker:
        parts.append(speaker.name)
    return "(" + ", ".join(parts) + ")"


def open_topics(last: Protocol) -> tuple[Point, ...]:
    """The points of ``last`` that ask for a follow-up, with where they came from.

    An open point is carried over with its sub-points; a point that already carries a reference
    (it was carried over before) keeps it unchanged.
    """
    carried: list[Point] = []

    def visit(points: tuple[Point, ...], item: AgendaItem, speaker: Person | None) -> None:
        for point in points:
            if is_open_topic(point.text) or REFERENCE.search(point.text):
                text = point.text
                if not REFERENCE.search(text):
                    text = f"{text} {_reference(last, item, speaker)}"
                carried.append(Point(text, point.points))
            else:
                visit(point.points, item, speaker)

    for item in last.items:
        for block in item.blocks:
            visit(block.points, item, block.speaker or item.presenter)
    return tuple(carried)


def skeleton(last: Protocol, date: dt.date) -> Protocol:
    """The next protocol's skeleton as a model (write it with the text writer)."""
    speakers = tuple(Block(speaker=speaker) for speaker in reporting_speakers(last))
    topics = open_topics(last)
    items = (
        AgendaItem(1, CURRENT_ITEM, None, speakers),
        AgendaItem(2, OPEN_ITEM, None, (Block(None, topics),) if topics else ()),
    )
    meeting = last.meeting
    return Protocol(
        title=title_for(last, date),
        meeting=meeting,
        date=date,
        participants=last.participants,
        items=items,
        next_meeting=NextMeeting(""),
    )


def skeleton_path(archive: Path, newest: Path, date: dt.date) -> Path:
    """``archiv/2023-01-12-stadtteiltisch.txt``: the newest file's name with the new date."""
    match = _ARCHIVE_NAME.match(newest.name)
    rest = match.group(4) if match else ".txt"
    return archive / f"{date.isoformat()}{rest}"


def create_next(archive: Path, date: dt.date | None = None) -> Path:
    """Write the skeleton of the next protocol into ``archive`` and return its path.

    ``date`` defaults to the date of the newest protocol's ``Nächster Termin``. Raises a German
    :class:`ProtokollkitError` when there is no date, when the date is not after the newest
    protocol, or when the file exists already (it is never overwritten).
    """
    import protokollkit
    from protokollkit.files import display
    from protokollkit.termine import next_meeting_appointment
    from protokollkit.writers.text import write_text

    newest = newest_protocol(archive)
    last = protokollkit.read(newest)
    if date is None:
        following = next_meeting_appointment(last)
        if following is None:
            said = (
                f" („{last.next_meeting.text}“)"
                if last.next_meeting and last.next_meeting.text.strip()
                else ""
            )
            raise ProtokollkitError(
                f"Im letzten Protokoll {display(newest.name)} steht kein Datum für den nächsten "
                f"Termin{said}. Bitte das Datum angeben, z. B. --datum 12.01.2023."
            )
        date = following.start
    path = skeleton_path(archive, newest, date)
    if os.path.lexists(path):
        raise ProtokollkitError(
            f"{display(path)} gibt es schon; die Datei wird nicht überschrieben."
        )
    match = _ARCHIVE_NAME.match(newest.name)
    last_date = last.date or (dt.date(*(int(g) for g in match.groups()[:3])) if match else None)
    if last_date is not None and date <= last_date:
        raise ProtokollkitError(
            f"Das Datum {german_date(date)} liegt nicht nach dem letzten Protokoll "
            f"({display(newest.name)}, {german_date(last_date)})."
        )
    _write_new(path, write_text(skeleton(last, date)))
    return path


def _write_new(path: Path, text: str) -> None:
    """Write ``path`` whole, and only when nothing is there: the finished temporary file gets
    the name by a hard link, which fails when the name exists – also when it came meanwhile,
    or is a symbolic link into nowhere (``exists()`` is False for one)."""
    import errno

    from protokollkit.files import display, os_error, write_atomic, write_temporary

    tmp = write_temporary(path, text.encode("utf-8"))
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ProtokollkitError(
            f"{display(path)} gibt es schon; die Datei wird nicht überschrieben."
        ) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise os_error(exc, path) from None
        write_atomic(path, text)  # a file system without hard links: checked above
    finally:
        tmp.unlink(missing_ok=True)


__all__ = [
    "CURRENT_ITEM",
    "DATE_FORMS",
    "OPEN_ITEM",
    "OPEN_TOPIC",
    "REFERENCE",
    "create_next",
    "is_open_topic",
    "newest_protocol",
    "open_topics",
    "parse_date_argument",
    "reporting_speakers",
    "skeleton",
    "skeleton_path",
    "title_for",
]
