"""Reader for protokollkit's JSON interchange format (the inverse of writers/json.py)."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from typing import Any

from protokollkit.diagnostics import error
from protokollkit.files import MAX_TEXT_BYTES
from protokollkit.model import (
    AgendaItem,
    AttendanceGroup,
    Block,
    Decision,
    MetaField,
    NextMeeting,
    Person,
    Point,
    Protocol,
    Task,
)
from protokollkit.writers.json import FORMAT_VERSION

_KINDS = {
    "point": ("bullet", "numbered", "paragraph"),
    "meta": ("date", "place", "time", "start", "end", "chair", "minute_taker", "quorum", "other"),
    "attendance": ("present", "excused", "absent", "guests", "partial"),
    "decision": ("decision", "motion", "vote", "consensus"),
    "result": ("accepted", "rejected", "postponed"),
}


class _Invalid(Exception):
    pass


def _str(data: Any, key: str, *, optional: bool = False) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"„{key}“ fehlt oder ist kein Text")
    return value


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(value, list):
        raise _Invalid(f"„{key}“ ist keine Liste")
    return value


def _date(value: Any, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Invalid(f"„{key}“ ist kein Datum im Format JJJJ-MM-TT") from None


def _person(data: Any) -> Person | None:
    if data is None:
        return None
    name = _str(data, "name")  # also refuses what is no object
    form = data.get("form", "comma")
    if form not in ("comma", "parens"):
        raise _Invalid("„form“ muss „comma“ oder „parens“ sein")
    return Person(name, _str(data, "affiliation", optional=True), form)


def _choice(data: Any, key: str, kind: str, default: str | None) -> Any:
    value = data.get(key, default) if isinstance(data, dict) else default
    if value is None and default is None:
        return None
    if value not in _KINDS[kind]:
        raise _Invalid(f"„{key}“ muss eines von {', '.join(_KINDS[kind])} sein")
    return value


def _count(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Invalid(f"„{key}“ einer Abstimmung ist keine Zahl")
    return value


def _decision(data: Any) -> Decision | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise _Invalid("„decision“ ist kein Objekt")
    return Decision(
        _choice(data, "kind", "decision", "decision"),
        _count(data, "yes"),
        _count(data, "no"),
        _count(data, "abstain"),
        _choice(data, "result", "result", None),
        bool(data.get("unanimous", False)),
    )


def _task(data: Any) -> Task | None:
    if data is None:
        return None
    owners = _list(data, "owners")
    if not all(isinstance(o, str) for o in owners):
        raise _Invalid("„owners“ einer Aufgabe sind nicht alle Text")
    return Task(tuple(owners), _date(data.get("due"), "task.due"))


def _point(data: Any) -> Point:
    return Point(
        _str(data, "text"),
        tuple(_point(p) for p in _list(data, "points")),
        _choice(data, "kind", "point", "bullet"),
        _str(data, "marker", optional=True),
        _person(data.get("speaker") if isinstance(data, dict) else None),
        _decision(data.get("decision") if isinstance(data, dict) else None),
        _task(data.get("task") if isinstance(data, dict) else None),
    )


def _block(data: Any) -> Block:
    return Block(
        _person(data.get("speaker") if isinstance(data, dict) else None),
        tuple(_point(p) for p in _list(data, "points")),
        _str(data, "note", optional=True),
    )


def _item(data: Any) -> AgendaItem:
    number = data.get("number") if isinstance(data, dict) else None
    if not isinstance(number, int) or isinstance(number, bool):
        raise _Invalid("„number“ eines Tagesordnungspunkts ist keine Zahl")
    return AgendaItem(
        number,
        _str(data, "title"),
        _person(data.get("presenter")),
        tuple(_block(b) for b in _list(data, "blocks")),
        tuple(_item(i) for i in _list(data, "items")),
    )


def _meta(data: Any) -> MetaField:
    return MetaField(
        _str(data, "label"), _str(data, "value"), _choice(data, "kind", "meta", "other")
    )


def _group(data: Any) -> AttendanceGroup:
    people = tuple(p for p in (_person(x) for x in _list(data, "people")) if p)
    return AttendanceGroup(_str(data, "label"), _choice(data, "kind", "attendance", None), people)


def _shown(value: Any) -> str:
    """A JSON value as it is written in the file (``"1"``, ``true``, ``null``), shortened."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _newer(version: Any) -> bool:
    """Whether ``version`` is a version number from a newer protokollkit."""
    return isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION


def from_data(data: Any) -> Protocol:
    """Build a Protocol from JSON data; raises ValueError-like ParseError on invalid data."""
    if not isinstance(data, dict):
        raise _Invalid("erwartet ein JSON-Objekt")
    if data.get("format", "protokollkit") != "protokollkit":
        raise _Invalid(f"„format“ ist „{data.get('format')}“, nicht „protokollkit“")
    version = data.get("version", 1)
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not 1 <= version <= FORMAT_VERSION
    ):
        raise _Invalid(
            f"Version {_shown(version)} ist unbekannt; diese protokollkit-Version liest die "
            f"Versionen 1 bis {FORMAT_VERSION}"
            + (" (bitte protokollkit aktualisieren)" if _newer(version) else "")
        )
    next_data = data.get("next_meeting")
    unplaced = data.get("unplaced") or {}
    return Protocol(
        title=_str(data, "title"),
        meeting=_str(data, "meeting"),
        date=_date(data.get("date"), "date"),
        participants=tuple(p for p in (_person(x) for x in _list(data, "participants")) if p),
        items=tuple(_item(i) for i in _list(data, "items")),
        next_meeting=(
            NextMeeting(
                _str(next_data, "text"),
                _date(next_data.get("date"), "next_meeting.date"),
                str(next_data.get("label", "Nächster Termin")),
            )
            if isinstance(next_data, dict)
            else None
        ),
        front=tuple(str(x) for x in _list(unplaced, "front")),
        back=tuple(str(x) for x in _list(unplaced, "back")),
        meta=tuple(_meta(m) for m in _list(data, "meta")),
        attendance=tuple(_group(g) for g in _list(data, "attendance")),
        agenda=tuple(str(x) for x in _list(data, "agenda")),
        preamble=tuple(_block(b) for b in _list(data, "preamble")),
        participants_label=str(data.get("participants_label", "Teilnehmende")),
        agenda_label=str(data.get("agenda_label", "Tagesordnung")),
        item_prefix=str(data.get("item_prefix", "")),
    )


MAX_JSON_DEPTH = 64
"""JSON nested deeper than this is refused before parsing (points 20 deep need about 45)."""

JSON_REASONS = {
    "Expecting value": "ein Wert fehlt",
    "Expecting ',' delimiter": "„,“ fehlt",
    "Expecting ':' delimiter": "„:“ fehlt",
    "Expecting property name enclosed in double quotes": "Schlüssel in doppelten "
    "Anführungszeichen erwartet",
    "Unterminated string starting at": "Text ohne schließendes Anführungszeichen",
    "Invalid control character at": "Steuerzeichen im Text",
    "Invalid \\escape": "ungültige Escape-Folge mit „\\“",
    "Invalid \\uXXXX escape": "ungültige Escape-Folge „\\u“",
    "Extra data": "nach dem Ende des JSON-Objekts folgt noch etwas",
}
"""The json module's English messages → German."""

_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]|\n')


def _too_deep(text: str, source: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH`, naming the line."""
    depth = 0
    line = 1
    for token in _JSON_TOKENS.finditer(text):
        kind = token.group(0)
        if kind == "\n":
            line += 1
        elif kind in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise error(
                    f"JSON ist zu tief verschachtelt (mehr als {MAX_JSON_DEPTH} Ebenen).",
                    source,
                    line,
                    token.start() - text.rfind("\n", 0, token.start()),
                )
        elif kind in "]}":
            depth -= 1
        else:
            line += kind.count("\n")


def read_json(text: str, source: str = "<json>") -> Protocol:
    """Read a protocol from protokollkit JSON."""
    _too_deep(text, source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = JSON_REASONS.get(exc.msg, "Syntaxfehler")
        raise error(f"Ungültiges JSON: {reason}", source, exc.lineno, exc.colno) from None
    except ValueError:  # a number of more digits than Python converts (int_max_str_digits)
        line, col = _position(text, _LONG_NUMBER)
        raise error("Ungültiges JSON: eine Zahl mit zu vielen Stellen", source, line, col) from None
    if _has_surrogate(data):
        line, col = _position(text, _SURROGATE)
        raise error(
            "Ungültiges JSON: ein Text enthält eine halbe UTF-16-Ersatzzeichenfolge "
            "(\\ud800–\\udfff ohne ihr Gegenstück); das ist kein Zeichen und lässt sich in "
            "keine Datei schreiben",
            source,
            line,
            col,
        )
    try:
        return from_data(data)
    except _Invalid as exc:
        raise error(f"Ungültiges Protokoll-JSON: {exc}", source) from None


_LONG_NUMBER = re.compile(r"\d{1000,}")
_SURROGATE = re.compile(
    r"(?<!\\)(?:\\\\)*"
    r"(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)
"""A ``\\uD800``–``\\uDFFF`` escape without its partner (best effort, for the line only)."""


def _position(text: str, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Line and column of the first match of ``pattern`` in ``text`` (0, 0: none)."""
    found = pattern.search(text)
    if found is None:
        return 0, 0
    start = found.start()
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def _has_surrogate(data: Any) -> bool:
    """Whether a key or string anywhere in the parsed JSON holds a lone surrogate."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def read_json_bytes(data: bytes, source: str = "<json>") -> Protocol:
    """Read protokollkit JSON from a file's bytes."""
    if len(data) > MAX_TEXT_BYTES:
        raise error(f"JSON-Datei ist zu groß (höchstens {MAX_TEXT_BYTES // 1024} KiB).", source)
    try:
        text = data.removeprefix(codecs.BOM_UTF8).decode()
    except UnicodeDecodeError:
        raise error("JSON-Datei ist nicht UTF-8.", source) from None
    return read_json(text, source)
