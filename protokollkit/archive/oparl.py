"""The archive as static OParl 1.1 JSON: System, Body, Organization, Person, Meeting, AgendaItem.

OParl is the standard that German council information portals read. The export is a folder of
JSON files under ``oparl/`` of the website; every ``id`` is the URL where the object's file lies,
so the folder must be published at ``base_url``. Lists (``organizations.json``,
``persons.json``, ``meetings-N.json``, ``papers.json``) are OParl's paginated external lists;
agenda items are embedded in their meeting (their ids are the meeting's URL with a fragment).
A person's institution stands in ``status``.
The round table itself is the one Organization of type ``Gremium``; the institutions named in
the protocols are Organizations too (``classification``: ``Einrichtung``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from protokollkit.archive.site import Catalog, MemberPage

SCHEMA = "https://schema.oparl.org/1.1/"
"""The OParl version and the prefix of every ``type``."""

PAGE_SIZE = 100
"""Objects per page of a list."""

RESULTS = {"accepted": "angenommen", "rejected": "abgelehnt", "postponed": "vertagt"}
"""A decision's result as OParl's ``result`` text."""


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _pages(
    base: str, name: str, objects: list[dict[str, Any]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A paginated OParl list: ``name.json``, ``name-2.json`` …

    Only what OParl 1.1 requires and what does not depend on the list's length: no
    ``totalElements``, ``totalPages`` or ``last`` link (all optional, see "Objektlisten und
    Paginierung" of the specification), so a new meeting at the end rewrites only the last page
    (and the one before it when a new page begins), not every page of the list.
    """
    total = max(1, -(-len(objects) // PAGE_SIZE))

    def rel(number: int) -> str:
        return f"oparl/{name}.json" if number == 1 else f"oparl/{name}-{number}.json"

    for number in range(1, total + 1):
        links = {"first": base + rel(1), "self": base + rel(number)}
        if number > 1:
            links["prev"] = base + rel(number - 1)
        if number < total:
            links["next"] = base + rel(number + 1)
        yield (
            rel(number),
            {
                "data": objects[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
                "pagination": {"elementsPerPage": PAGE_SIZE, "currentPage": number},
                "links": links,
            },
        )


def _start(date: str) -> str:
    from zoneinfo import ZoneInfo

    moment = dt.datetime.combine(dt.date.fromisoformat(date), dt.time(), ZoneInfo("Europe/Berlin"))
    return moment.isoformat()


def oparl_files(
    catalog: Catalog,
    base_url: str,
    people: list[MemberPage],
    institutions: list[MemberPage],
) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """``(path, key, render)`` for every file of the export (the site writes changed ones)."""
    from protokollkit.archive.site import key_of

    base = base_url if base_url.endswith("/") else base_url + "/"
    o = base + "oparl/"
    body_id = o + "body.json"
    gremium_id = o + "organization/gremium.json"

    digests: dict[int, str] = {}

    def digest(data: dict[str, Any]) -> str:
        # repr is a faithful and much cheaper fingerprint of these plain dicts than JSON; a
        # list page is fingerprinted by its objects' digests (each object is hashed once)
        # (only objects are remembered: they live as long as this generator, list pages do not)
        if "data" in data and "pagination" in data:
            objects = [digest(item) for item in data["data"]]
            rest = {k: v for k, v in data.items() if k != "data"}
            return hashlib.sha256(repr((objects, rest)).encode()).hexdigest()
        known = digests.get(id(data))
        if known is None:
            known = digests[id(data)] = hashlib.sha256(repr(data).encode()).hexdigest()
        return known

    def emit(rel: str, data: dict[str, Any]) -> tuple[str, str, Callable[[], str]]:
        return rel, key_of("oparl", digest(data)), partial(_json, data)

    system = {
        "id": o + "system.json",
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "body": o + "bodies.json",
        "name": f"Protokollarchiv {catalog.meeting}".strip(),
        "website": base + "index.html",
        "product": "https://pypi.org/project/protokollkit/",
    }
    body = {
        "id": body_id,
        "type": SCHEMA + "Body",
        "system": system["id"],
        "name": catalog.meeting or "Gremium",
        "shortName": catalog.meeting or "Gremium",
        "website": base + "index.html",
        "organization": o + "organizations.json",
        "person": o + "persons.json",
        "meeting": o + "meetings.json",
        "paper": o + "papers.json",
        "legislativeTerm": [],
        "web": base + "index.html",
    }
    yield emit("oparl/system.json", system)
    yield emit("oparl/body.json", body)
    for rel, data in _pages(base, "bodies", [body]):
        yield emit(rel, data)
    for rel, data in _pages(base, "papers", []):
        yield emit(rel, data)
    organizations: list[dict[str, Any]] = [
        {
            "id": gremium_id,
            "type": SCHEMA + "Organization",
            "body": body_id,
            "name": catalog.meeting or "Gremium",
            "organizationType": "Gremium",
            "classification": "Runder Tisch",
            "meeting": o + "meetings.json",
            "web": base + "index.html",
        }
    ]
    institution_ids: dict[str, str] = {}
    for page in institutions:
        identity = o + f"organization/{page.slug}.json"
        institution_ids[page.key] = identity
        organizations.append(
            {
                "id": identity,
                "type": SCHEMA + "Organization",
                "body": body_id,
                "name": page.name,
                "organizationType": "sonstiges",
                "classification": "Einrichtung",
                "web": base + f"einrichtung/{page.slug}.html",
            }
        )
    persons: list[dict[str, Any]] = []
    person_ids: dict[str, str] = {}
    for page in people:
        identity = o + f"person/{page.slug}.json"
        person_ids[page.key] = identity
        person: dict[str, Any] = {
            "id": identity,
            "type": SCHEMA + "Person",
            "body": body_id,
            "name": page.name,
            "web": base + f"person/{page.slug}.html",
        }
        if page.affiliation:
            person["status"] = [page.affiliation]
        persons.append(person)
    for item in organizations + persons:
        rel = item["id"].removeprefix(base)
        yield emit(rel, item)
    for rel, data in _pages(base, "organizations", organizations):
        yield emit(rel, data)
    for rel, data in _pages(base, "persons", persons):
        yield emit(rel, data)
    meetings: list[dict[str, Any]] = []
    for meeting in catalog.meetings or []:
        meetings.append(_meeting(meeting, base, o, gremium_id, person_ids))
    for item in meetings:
        yield emit(item["id"].removeprefix(base), item)
    for rel, data in _pages(base, "meetings", meetings):
        yield emit(rel, data)


def _meeting(
    summary: dict[str, Any], base: str, o: str, gremium: str, person_ids: dict[str, str]
) -> dict[str, Any]:
    from protokollkit.archive.words import fold

    stem = summary["stem"]
    identity = o + f"meeting/{stem}.json"
    results: dict[str, list[tuple[str, str | None]]] = {}
    for text, result, label in summary["decisions"]:
        results.setdefault(label, []).append((text, result))
    agenda = []
    for order, (label, title) in enumerate(summary["items"], start=1):
        item: dict[str, Any] = {
            "id": f"{identity}#top-{label}",
            "type": SCHEMA + "AgendaItem",
            "meeting": identity,
            "number": label,
            "order": order,
            "name": title,
            "public": True,
            "web": base + f"protokoll/{stem}.html",
        }
        decided = results.get(label)
        if decided:
            outcomes = [RESULTS.get(r or "", "beschlossen") for _t, r in decided]
            item["result"] = "; ".join(dict.fromkeys(outcomes))
            item["resolutionText"] = "\n".join(t for t, _r in decided)
        else:
            item["result"] = "zur Kenntnis genommen"
        agenda.append(item)
    meeting: dict[str, Any] = {
        "id": identity,
        "type": SCHEMA + "Meeting",
        "name": summary["title"],
        "meetingState": "durchgeführt",
        "cancelled": False,
        "organization": [gremium],
        "participant": [
            person_ids[fold(name)] for name in summary["present"] if fold(name) in person_ids
        ],
        "agendaItem": agenda,
        "web": base + f"protokoll/{stem}.html",
    }
    if summary["date"]:
        meeting["start"] = _start(summary["date"])
    return meeting


__all__ = ["PAGE_SIZE", "RESULTS", "SCHEMA", "oparl_files"]
