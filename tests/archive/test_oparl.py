"""The OParl 1.1 export: required fields of every object, types and resolvable ids.

REQUIRED holds the ``required`` lists and URL-typed properties of the OParl 1.1 schema
(github.com/OParl/spec, tag v1.1.1, ``schema/*.json``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from protokollkit.archive.site import build_site
from tests.archive.conftest import make_archive

URL = "https://example.org/protokolle/"

REQUIRED: dict[str, tuple[str, ...]] = {
    "System": ("id", "type", "oparlVersion", "body"),
    "Body": ("id", "type", "name", "organization", "person", "meeting", "paper", "legislativeTerm"),
    "Organization": ("id", "type"),
    "Person": ("id", "type"),
    "Meeting": ("id", "type"),
    "AgendaItem": ("id", "type", "order"),
}
URL_FIELDS: dict[str, tuple[str, ...]] = {
    "System": ("id", "body", "website", "product", "web"),
    "Body": ("id", "system", "organization", "person", "meeting", "paper", "web", "website"),
    "Organization": ("id", "body", "meeting", "web"),
    "Person": ("id", "body", "web"),
    "Meeting": ("id", "web"),
    "AgendaItem": ("id", "meeting", "web"),
}
ARRAYS: dict[str, tuple[str, ...]] = {
    "Body": ("legislativeTerm",),
    "Meeting": ("organization", "participant", "agendaItem"),
    "Person": ("status",),
}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oparl")
    archive = make_archive(root / "archiv")
    build_site(
        archive,
        root / "website",
        today=dt.date(2022, 11, 11),
        base_url=URL,
        documents=False,
        search=False,
    )
    return root / "website"


def load(site: Path, url: str) -> Any:
    assert url.startswith(URL), url
    path = site / url.removeprefix(URL).split("#")[0]
    assert path.is_file(), f"{url} has no file"
    return json.loads(path.read_text("utf-8"))


def check(obj: dict[str, Any], kind: str) -> None:
    assert obj["type"] == f"https://schema.oparl.org/1.1/{kind}"
    for name in REQUIRED[kind]:
        assert name in obj, f"{kind} without {name}"
    for name in URL_FIELDS[kind]:
        if name in obj:
            assert obj[name].startswith(("https://", "http://")), (kind, name)
    for name in ARRAYS.get(kind, ()):
        if name in obj:
            assert isinstance(obj[name], list), (kind, name)


def walk_list(site: Path, url: str) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    while url:
        page = load(site, url)
        assert set(page) >= {"data", "pagination", "links"}
        objects.extend(page["data"])
        url = page["links"].get("next", "")
    return objects


def test_every_object_has_oparls_required_fields_and_resolves(export: Path) -> None:
    system = load(export, URL + "oparl/system.json")
    check(system, "System")
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = walk_list(export, system["body"])
    assert len(bodies) == 1
    body = bodies[0]
    check(body, "Body")
    assert load(export, body["id"]) == body
    organizations = walk_list(export, body["organization"])
    for organization in organizations:
        check(organization, "Organization")
        assert load(export, organization["id"]) == organization
    assert {o["name"] for o in organizations} >= {"Stadtteiltisch", "SBZ", "WIRO KundenCenter"}
    persons = walk_list(export, body["person"])
    for person in persons:
        check(person, "Person")
        assert load(export, person["id"]) == person
    assert "Kathrin Krug" in {p["name"] for p in persons}
    meetings = walk_list(export, body["meeting"])
    assert len(meetings) == 3
    person_ids = {p["id"] for p in persons}
    for meeting in meetings:
        check(meeting, "Meeting")
        assert load(export, meeting["id"]) == meeting
        assert set(meeting["participant"]) <= person_ids
        for item in meeting["agendaItem"]:
            check(item, "AgendaItem")
            assert item["meeting"] == meeting["id"]
            assert isinstance(item["order"], int)
            assert item["result"]
    assert walk_list(export, body["paper"]) == []


def test_a_meeting_carries_its_date_and_agenda(export: Path) -> None:
    meeting = load(export, URL + "oparl/meeting/2022-11-10-stadtteiltisch.json")
    assert meeting["name"] == "Protokoll Stadtteiltisch 10.11.22"
    assert meeting["start"] == "2022-11-10T00:00:00+01:00"
    assert [i["name"] for i in meeting["agendaItem"]][:2] == [
        "Aktuelles aus den Einrichtungen",
        "Sozialraumorientierung in Rostock weiterdenken",
    ]
    assert meeting["agendaItem"][0]["number"] == "1"
    assert meeting["web"] == URL + "protokoll/2022-11-10-stadtteiltisch.html"


def test_a_new_meeting_at_the_end_rewrites_only_the_last_list_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from protokollkit.archive import oparl
    from tests.archive.conftest import LATER

    monkeypatch.setattr(oparl, "PAGE_SIZE", 2)
    archive = make_archive(tmp_path / "archiv")
    output = tmp_path / "website"
    options: dict[str, Any] = {"today": dt.date(2022, 11, 11), "documents": False}
    build_site(archive, output, base_url=URL, search=False, **options)
    first = load(output, URL + "oparl/meetings.json")
    assert set(first["pagination"]) == {"elementsPerPage", "currentPage"}
    assert first["links"]["next"] == URL + "oparl/meetings-2.json"
    (archive / LATER[0]).write_text(LATER[1], "utf-8")
    again = build_site(archive, output, base_url=URL, search=False, **options)
    assert "oparl/meetings-2.json" in again.written
    assert "oparl/meetings.json" not in again.written
    assert len(walk_list(output, URL + "oparl/meetings.json")) == 4
