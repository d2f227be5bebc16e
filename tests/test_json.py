"""JSON interchange: stable keys and a lossless round trip."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings

import protokollkit
from protokollkit.model import Decision, MetaField, NextMeeting, Person, Point, Protocol, Task
from tests.conftest import examples
from tests.strategies import protocols


def test_stable_keys(seed_text: str) -> None:
    data = json.loads(protokollkit.to_json(protokollkit.read(seed_text)))
    assert {"title", "meeting", "date", "participants", "items", "next_meeting", "unplaced"} <= set(
        data
    )
    assert data["date"] == "2022-11-10"
    assert data["participants"][2] == {"name": "Barbara und Bernard", "affiliation": "Taizé"}
    item = data["items"][3]
    assert {"number", "title", "presenter", "blocks"} <= set(item)
    assert item["presenter"] == {"name": "Ilona Eckhardt", "affiliation": "IBS / RoDeFa"}
    block = data["items"][0]["blocks"][2]
    assert {"speaker", "points"} <= set(block)
    point = block["points"][2]
    assert point["text"] == (
        "Öffnungszeiten richten sich danach, ob Klient*innen mitarbeiten, deswegen variieren sie"
    )
    assert point["points"] == []
    assert (point["kind"], point["decision"], point["task"]) == ("bullet", None, None)
    assert data["next_meeting"]["text"] == "noch offen" and data["next_meeting"]["date"] is None
    assert data["version"] == 2


def test_reference_json_round_trip(seed_text: str) -> None:
    p = protokollkit.read(seed_text)
    assert protokollkit.from_json(protokollkit.to_json(p)) == p


@given(protocols(rich=True))
@settings(max_examples=examples(200))
def test_json_round_trip_of_random_protocols(protocol: Protocol) -> None:
    assert protokollkit.from_json(protokollkit.to_json(protocol)) == protocol


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "Ungültiges JSON"),
        ("[]", "JSON-Objekt"),
        ('{"title": 3}', "„title“"),
        ('{"title": "P", "meeting": "M", "date": "gestern"}', "Datum"),
        ('{"title": "P", "meeting": "M", "items": [{"number": "1"}]}', "Zahl"),
    ],
)
def test_invalid_json_gives_german_error(text: str, message: str) -> None:
    with pytest.raises(protokollkit.ParseError, match=message):
        protokollkit.from_json(text)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in a JSON value: the keys and indices that lead to it."""
    found: list[tuple[object, ...]] = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


def _replaced(value: object, path: tuple[object, ...], new: object) -> object:
    copy = json.loads(json.dumps(value))
    place = copy
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = new
    return copy


def test_every_value_of_the_wrong_type_is_a_german_error_or_read(seed_text: str) -> None:
    """A hand-edited JSON file with any value of the wrong type is refused with a German
    message naming the file – or read when the value is one the model takes (never a Python
    error such as ``AttributeError: 'list' object has no attribute 'get'``)."""
    data = json.loads(protokollkit.to_json(protokollkit.read(seed_text)))
    wrong: list[object] = [None, 7, "x", [], {}, True, [1], {"x": 1}]
    refused = 0
    for path in _paths(data):
        for new in wrong:
            text = json.dumps(_replaced(data, path, new))
            try:
                protokollkit.read_text(text, "hand.json", format="json")
            except protokollkit.ParseError as exc:
                assert "hand.json" in str(exc) and "Ungültiges Protokoll-JSON" in str(exc)
                refused += 1
    assert refused > 100


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a hand-edited file: the position of the mistake and what is wrong, in German
        ('{\n  "title": "P",\n  "meeting": "M"\n  "date": null\n}', "hand.json:4:3: fehler: "
         "Ungültiges JSON: „,“ fehlt"),
        ('{"title": "Zeile\nzwei"}', "hand.json:1:17: fehler: Ungültiges JSON: Steuerzeichen im "
         "Text"),
        ('{"title": "C:\\Protokolle"}', "hand.json:1:14: fehler: Ungültiges JSON: ungültige "
         "Escape-Folge mit „\\“"),
        ('{"title": "\\u00e"}', "hand.json:1:13: fehler: Ungültiges JSON: ungültige Escape-Folge "
         "„\\u“"),
        ('{"title": "P"}\n{"title": "Q"}', "hand.json:2:1: fehler: Ungültiges JSON: nach dem Ende "
         "des JSON-Objekts folgt noch etwas"),
        ("{title: 1}", "hand.json:1:2: fehler: Ungültiges JSON: Schlüssel in doppelten "
         "Anführungszeichen erwartet"),
        ('{"title" 1}', "hand.json:1:10: fehler: Ungültiges JSON: „:“ fehlt"),
        ('{"title": }', "hand.json:1:11: fehler: Ungültiges JSON: ein Wert fehlt"),
        ('{"title": "P', "hand.json:1:11: fehler: Ungültiges JSON: Text ohne schließendes "
         "Anführungszeichen"),
        ("{'title': 'P'}", "hand.json:1:2: fehler: Ungültiges JSON: Schlüssel in doppelten "
         "Anführungszeichen erwartet"),
        # another program's JSON, or one of a newer protokollkit
        ('{"format": "pandoc"}', "hand.json: fehler: Ungültiges Protokoll-JSON: „format“ ist "
         "„pandoc“, nicht „protokollkit“"),
        ('{"version": 3}', "hand.json: fehler: Ungültiges Protokoll-JSON: Version 3 ist unbekannt; "
         "diese protokollkit-Version liest die Versionen 1 bis 2 (bitte protokollkit "
         "aktualisieren)"),
        ('{"version": 0}', "Version 0 ist unbekannt"),
        ('{"version": true}', "Version true ist unbekannt"),
        # the string "2" is no version number: shown as written, not as the number it looks like
        ('{"version": "2"}', 'Version "2" ist unbekannt; diese protokollkit-Version liest die '
         "Versionen 1 bis 2"),
        ("[" * 65, "hand.json:1:65: fehler: JSON ist zu tief verschachtelt (mehr als 64 Ebenen)."),
        ('{"items": [\n' + '{"items": [' * 63, "hand.json:2:342: fehler: JSON ist zu tief"),
    ],
)  # fmt: skip
def test_a_hand_edited_json_file_gets_a_german_error_with_its_position(
    text: str, message: str
) -> None:
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read_text(text, "hand.json", format="json")
    assert message in str(info.value)


def test_json_bytes_with_bom_are_read_and_other_encodings_refused() -> None:
    from protokollkit.readers.json import read_json_bytes

    data = b'{"title": "Protokoll AG 1.2.2023", "meeting": "AG"}'
    assert read_json_bytes(b"\xef\xbb\xbf" + data, "p.json").title == "Protokoll AG 1.2.2023"
    with pytest.raises(protokollkit.ParseError) as info:
        read_json_bytes('{"title": "Bücherei"}'.encode("cp1252"), "p.json")
    assert str(info.value) == "p.json: fehler: JSON-Datei ist nicht UTF-8."
    with pytest.raises(protokollkit.ParseError) as info:
        read_json_bytes(b" " * (2 * 1024 * 1024 + 1), "p.json")
    assert str(info.value) == "p.json: fehler: JSON-Datei ist zu groß (höchstens 2048 KiB)."


def test_hand_written_json_may_leave_out_what_has_a_default() -> None:
    protocol = protokollkit.read_text(
        '{"title": "Protokoll AG 1.2.2023", "meeting": "AG",'
        ' "participants": [{"name": "Kathrin Krug", "affiliation": "SBZ"},'
        ' {"name": "Jörg Utpatel", "form": "parens"}],'
        ' "meta": [{"label": "Ort", "value": "SBZ"}],'
        ' "items": [{"number": 1, "title": "Aktuelles", "blocks": [{"points": [{"text": "Fest",'
        ' "decision": {"yes": 5, "no": 0}}]}]}]}',
        "hand.json",
        format="json",
    )
    assert protocol.participants == (
        Person("Kathrin Krug", "SBZ"),
        Person("Jörg Utpatel", None, "parens"),
    )
    assert protocol.meta == (MetaField("Ort", "SBZ", "other"),)
    [point] = protocol.items[0].blocks[0].points
    assert point.decision == Decision("decision", 5, 0, None, None, False)


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ('{"yes": true}', "„yes“ einer Abstimmung ist keine Zahl"),
        ('{"no": -1}', "„no“ einer Abstimmung ist keine Zahl"),
        ('{"abstain": "2"}', "„abstain“ einer Abstimmung ist keine Zahl"),
        ('{"yes": 3, "result": "vertagt"}', "„result“ muss eines von accepted, rejected, "
         "postponed sein"),
    ],
)  # fmt: skip
def test_a_vote_with_counts_that_are_no_numbers_is_refused(decision: str, message: str) -> None:
    point = f'{{"text": "Antrag", "decision": {decision}}}'
    assert _refusal_of_point(point) == f"hand.json: fehler: Ungültiges Protokoll-JSON: {message}"


def _refusal_of_point(point: str) -> str:
    """The message that refuses a hand-written protocol whose one point is ``point``."""
    text = (
        '{"title": "P", "meeting": "M", "items": [{"number": 1, "title": "T", "blocks": '
        f'[{{"points": [{point}]}}]}}]}}'
    )
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read_text(text, "hand.json", format="json")
    return str(info.value)


def test_json_bytes_errors_name_the_file_and_the_limit_is_inclusive() -> None:
    from protokollkit.files import MAX_TEXT_BYTES
    from protokollkit.readers.json import read_json_bytes

    with pytest.raises(protokollkit.ParseError) as info:
        read_json_bytes(b'{"title": }', "p.json")
    assert str(info.value) == "p.json:1:11: fehler: Ungültiges JSON: ein Wert fehlt"
    with pytest.raises(protokollkit.ParseError) as info:
        read_json_bytes(b"{")
    assert info.value.diagnostics[0].source == "<json>"
    largest = b"{" + b" " * (MAX_TEXT_BYTES - 2) + b"}"  # as large as allowed: read
    with pytest.raises(protokollkit.ParseError, match="„title“ fehlt"):
        read_json_bytes(largest, "p.json")


def test_hand_written_json_with_speakers_notes_votes_and_tasks() -> None:
    protocol = protokollkit.read_text(
        '{"title": "Protokoll AG 1.2.2023", "meeting": "AG", "items": [{"number": 1,'
        ' "title": "Fest", "blocks": [{"note": "Bericht per Telefon", "points": [{"text":'
        ' "Plakate drucken", "speaker": {"name": "Kathrin Krug", "affiliation": "SBZ"},'
        ' "task": {"owners": ["Kathrin Krug"], "due": "2023-02-15"}}, {"text": "Termin",'
        ' "kind": "numbered", "marker": "2.", "decision": {"unanimous": true,'
        ' "result": "accepted"}}]}]}]}',
        "hand.json",
        format="json",
    )
    [block] = protocol.items[0].blocks
    assert block.note == "Bericht per Telefon"
    task_point, vote_point = block.points
    assert task_point == Point(
        "Plakate drucken",
        speaker=Person("Kathrin Krug", "SBZ"),
        task=Task(("Kathrin Krug",), dt.date(2023, 2, 15)),
    )
    assert (vote_point.kind, vote_point.marker) == ("numbered", "2.")
    assert vote_point.decision == Decision("decision", None, None, None, "accepted", True)


@pytest.mark.parametrize(
    ("point", "message"),
    [
        ('{"text": "x", "speaker": {"name": "K", "form": "klammern"}}',
         "„form“ muss „comma“ oder „parens“ sein"),
        ('{"text": "x", "decision": "angenommen"}', "„decision“ ist kein Objekt"),
        ('{"text": "x", "task": {"owners": ["K", 3]}}',
         "„owners“ einer Aufgabe sind nicht alle Text"),
        ('{"text": "x", "task": {"owners": [], "due": "15.02.2023"}}',
         "„task.due“ ist kein Datum im Format JJJJ-MM-TT"),
        ('{"text": "x", "kind": "spiegelstrich"}',
         "„kind“ muss eines von bullet, numbered, paragraph sein"),
    ],
)  # fmt: skip
def test_a_wrong_value_in_a_point_is_named(point: str, message: str) -> None:
    assert _refusal_of_point(point) == f"hand.json: fehler: Ungültiges Protokoll-JSON: {message}"


def test_an_item_number_that_is_no_number_is_named() -> None:
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read_text(
            '{"title": "P", "meeting": "M", "items": [{"number": "1", "title": "T"}]}',
            "hand.json",
            format="json",
        )
    assert str(info.value) == (
        "hand.json: fehler: Ungültiges Protokoll-JSON: „number“ eines Tagesordnungspunkts ist "
        "keine Zahl"
    )


def test_a_minimal_json_gets_the_default_labels_and_keeps_unplaced_lines() -> None:
    protocol = protokollkit.read_text(
        '{"title": "Protokoll AG 1.2.2023", "meeting": "AG",'
        ' "next_meeting": {"text": "1.3.2023, 14 Uhr", "date": "2023-03-01"},'
        ' "unplaced": {"front": ["Entwurf"], "back": ["gez. Kathrin Krug"]},'
        ' "agenda": ["Aktuelles"], "agenda_label": "TO", "item_prefix": "TOP "}',
        "hand.json",
        format="json",
    )
    assert (protocol.participants_label, protocol.agenda_label) == ("Teilnehmende", "TO")
    assert protocol.item_prefix == "TOP "
    assert protocol.next_meeting == NextMeeting(
        "1.3.2023, 14 Uhr", dt.date(2023, 3, 1), "Nächster Termin"
    )
    assert (protocol.front, protocol.back) == (("Entwurf",), ("gez. Kathrin Krug",))
    assert protocol.agenda == ("Aktuelles",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"Protokoll"', "erwartet ein JSON-Objekt"),
        ('{"title": "P", "meeting": "M", "items": {}}', "„items“ ist keine Liste"),
        ('{"title": "P", "meeting": "M", "date": "1.2.2023"}',
         "„date“ ist kein Datum im Format JJJJ-MM-TT"),
        ('{"title": "P", "meeting": "M", "next_meeting": {"text": "bald", "date": "März"}}',
         "„next_meeting.date“ ist kein Datum im Format JJJJ-MM-TT"),
    ],
)  # fmt: skip
def test_the_protocol_level_mistakes_are_named(text: str, message: str) -> None:
    with pytest.raises(protokollkit.ParseError) as info:
        protokollkit.read_text(text, "hand.json", format="json")
    assert str(info.value) == f"hand.json: fehler: Ungültiges Protokoll-JSON: {message}"
