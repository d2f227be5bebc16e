"""JSON interchange: stable keys and a lossless round trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

import protokollkit
from protokollkit.model import Protocol
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
