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


def _frames(
    base: str, name: str, count: int
) -> Iterator[tuple[str, int, dict[str, Any], dict[str, str]]]:
    """The pages of a paginated OParl list of ``count`` objects: ``name.json``,
    ``name-2.json`` … with their number, ``pagination`` and ``links``.

    Only what OParl 1.1 requires and what does not depend on the list's length: no
    ``totalElements``, ``totalPages`` or ``last`` link (all optional, see "Objektlisten und
    Paginierung" of the specification), so a new meeting at the end rewrites only the last page
    (and the one before it when a new page begins), not every page of the list.
    """
    total = max(1, -(-count // PAGE_SIZE))

    def rel(number: int) -> str:
        return f"oparl/{name}.json" if number == 1 else f"oparl/{name}-{number}.json"

    for number in range(1, total + 1):
        links = {"first": base + rel(1), "self": base + rel(number)}
        if number > 1:
            links["prev"] = base + rel(number - 1)
        if number < total:
            links["next"] = base + rel(number + 1)
        yield rel(number), number, {"elementsPerPage": PAGE_SIZE, "currentPage": number}, links


def _pages(
    base: str, name: str, objects: list[dict[str, Any]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A paginated OParl list of ``objects`` (see :func:`_frames`)."""
    for rel, number, pagination, links in _frames(base, name, len(objects)):
        data = objects[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        yield rel, {"data": data, "pagination": pagination, "links": links}


def _meeting_page(
    meetings: list[tuple[dict[str, Any], list[str]]],
    pagination: dict[str, Any],
    links: dict[str, str],
    base: str,
    o: str,
    gremium: str,
) -> str:
    data = [_meeting(meeting, base, o, gremium, ids) for meeting, ids in meetings]
    return _json({"data": data, "pagination": pagination, "links": links})


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
    from protokollkit.archive.words import fold

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
    # the meetings are many (one per protocol): their keys come from what they are made of, and
    # the JSON objects are built only for the files that are written
    meetings = [
        (meeting, [person_ids[k] for k in map(fold, meeting["present"]) if k in person_ids])
        for meeting in catalog.meetings or []
    ]
    meeting_keys = [
        hashlib.sha256(repr((base, gremium_id, meeting, ids)).encode()).hexdigest()
        for meeting, ids in meetings
    ]
    for (meeting, ids), key in zip(meetings, meeting_keys, strict=True):
        yield (
            f"oparl/meeting/{meeting['stem']}.json",
            key_of("oparl-sitzung", key),
            partial(_meeting_json, meeting, base, o, gremium_id, ids),
        )
    for rel, number, pagination, links in _frames(base, "meetings", len(meetings)):
        start, stop = (number - 1) * PAGE_SIZE, number * PAGE_SIZE
        yield (
            rel,
            key_of("oparl-sitzungen", meeting_keys[start:stop], pagination, links),
            partial(_meeting_page, meetings[start:stop], pagination, links, base, o, gremium_id),
        )


def _meeting_json(
    summary: dict[str, Any], base: str, o: str, gremium: str, participants: list[str]
) -> str:
    return _json(_meeting(summary, base, o, gremium, participants))


def _meeting(
    summary: dict[str, Any], base: str, o: str, gremium: str, participants: list[str]
) -> dict[str, Any]:
    """A meeting's OParl object; ``participants`` are the ids of the people present."""
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
        "participant": participants,
        "agendaItem": agenda,
        "web": base + f"protokoll/{stem}.html",
    }
    if summary["date"]:
        meeting["start"] = _start(summary["date"])
    return meeting


__all__ = ["PAGE_SIZE", "RESULTS", "SCHEMA", "oparl_files"]
