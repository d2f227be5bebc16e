"""Fixtures shared by the writer tests."""

from __future__ import annotations

import pytest

import protokollkit
from protokollkit.model import Protocol
from tests.conftest import ROOT, SEED


@pytest.fixture(autouse=True)
def project_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test reads the project's vorlagen/, whatever the environment says."""
    monkeypatch.delenv("PROTOKOLLKIT_VORLAGEN", raising=False)
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def reference() -> Protocol:
    """The 10.11.22 protocol as read from the archive."""
    return protokollkit.read(SEED)


def rich_protocol() -> Protocol:
    """A protocol built by hand with every part of the model a writer has to show.

    Metadata, attendance groups, a planned agenda, a sub-item, prose paragraphs, numbered
    points, inline speakers, decisions with counts, tasks with owners and due dates, links
    (``[label](target)`` and bare URLs) — and the reference's typography.
    """
    import datetime as dt

    from protokollkit.model import (
        AgendaItem,
        AttendanceGroup,
        Block,
        Decision,
        MetaField,
        NextMeeting,
        Person,
        Point,
        Task,
    )

    return Protocol(
        title="Protokoll der Mitgliederversammlung",
        meeting="Förderverein Groß Klein",
        date=dt.date(2024, 3, 14),
        participants=(Person("Lea Sommer"), Person("Bernd Ott", "Kasse"), Person("Mia Hahn")),
        meta=(
            MetaField("", "Donnerstag, 14. März 2024", "date"),
            MetaField("Ort", "Gemeindehaus „Am Markt“", "place"),
            MetaField("Beginn", "19:05 Uhr", "start"),
            MetaField("Ende", "21:10 Uhr", "end"),
            MetaField("Sitzungsleitung", "Lea Sommer", "chair"),
            MetaField("Protokoll", "Bernd Ott", "minute_taker"),
            MetaField("Beschlussfähigkeit", "gegeben", "quorum"),
        ),
        attendance=(
            AttendanceGroup("Entschuldigt", "excused", (Person("Jonas Krüger"),)),
            AttendanceGroup("Gäste", "guests", (Person("Ute Brandt", "Ortsbeirat"),)),
        ),
        agenda=("Begrüßung", "Finanzen", "Verschiedenes"),
        items=(
            AgendaItem(
                1,
                "Begrüßung",
                blocks=(
                    Block(
                        points=(
                            Point(
                                "Lea begrüßt alle; die Einladung ging fristgerecht raus.",
                                kind="paragraph",
                            ),
                        )
                    ),
                ),
            ),
            AgendaItem(
                2,
                "Finanzen – wie geht's weiter?",
                presenter=Person("Bernd Ott", "Kasse"),
                blocks=(
                    Block(
                        points=(
                            Point(
                                "Könnten wir die Klient*innen fragen?",
                                speaker=Person("Jonas Krüger"),
                            ),
                            Point("Haushalt 2024 vorgelegt", kind="numbered", marker="1."),
                            Point(
                                "Kassenprüfung ohne Beanstandung",
                                kind="numbered",
                                marker="2.",
                                points=(Point("Belege vollständig", kind="numbered", marker="a)"),),
                            ),
                            Point(
                                "Beschluss: Der Haushalt 2024 wird angenommen.",
                                decision=Decision("decision", 6, 1, 0, "accepted"),
                            ),
                            Point(
                                "Antrag auf neue Flyer",
                                decision=Decision("motion", unanimous=True, result="accepted"),
                            ),
                            Point(
                                "Flyer bestellen, Vorlage in der [Satzung](https://example.org/satzung)",
                                task=Task(("Lea Sommer", "Bernd Ott"), dt.date(2024, 5, 15)),
                            ),
                        )
                    ),
                ),
                items=(
                    AgendaItem(
                        1,
                        "Förderanträge",
                        blocks=(
                            Block(
                                Person("Mia Hahn", "Jugendtreff"),
                                (Point("Antrag siehe https://example.org/foerderung → bis Mai"),),
                            ),
                        ),
                    ),
                ),
            ),
            AgendaItem(
                3,
                "Verschiedenes",
                blocks=(Block(points=(Point("Sommerfest „Groß Klein“ am 6.7.", task=Task()),)),),
            ),
        ),
        next_meeting=NextMeeting("12.06.2024, 18 Uhr", dt.date(2024, 6, 12)),
    )


def typographic(protocol: Protocol) -> Protocol:
    """The protocol as a rich format shows it: every straight apostrophe after a letter is ’.

    What DOCX, PDF and HTML typeset, and so what reading them back gives.
    """
    import dataclasses

    from protokollkit.writers.present import apostrophes

    def convert(value: object) -> object:
        if isinstance(value, str):
            return apostrophes(value)
        if isinstance(value, tuple):
            return tuple(convert(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {
                f.name: convert(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.compare and f.name != "form" and f.name != "kind"
            }
            return dataclasses.replace(value, **changes)
        return value

    result = convert(protocol)
    assert isinstance(result, Protocol)
    return result


def classic(protocol: Protocol) -> Protocol:
    """The protocol reduced to the classic layout that a Word document carries back unchanged.

    DOCX, PDF and HTML show more than the words of decisions, tasks and metadata (counts, a
    date line, ``Aufgabe:``), and Word keeps a link's label as the text; a round trip through
    them reads what they show. So the round-trip properties start from protocols without
    these parts (each is shown by its own tests), with links written as their labels.
    """
    import dataclasses

    from protokollkit.model import LINK, AgendaItem, Block, NextMeeting, Point

    def text(value: str) -> str:
        return LINK.sub(lambda m: m.group(1) or m.group(3), value)

    def point(p: Point) -> Point:
        return Point(text(p.text), tuple(point(q) for q in p.points))

    def block(b: Block) -> Block:
        return dataclasses.replace(
            b, points=tuple(point(p) for p in b.points), note=text(b.note) if b.note else None
        )

    def item(i: AgendaItem) -> AgendaItem:
        return dataclasses.replace(
            i, title=text(i.title), blocks=tuple(block(b) for b in i.blocks), items=()
        )

    following = protocol.next_meeting
    return dataclasses.replace(
        protocol,
        title=text(protocol.title),
        items=tuple(item(i) for i in protocol.items),
        front=tuple(text(f) for f in protocol.front),
        back=tuple(text(b) for b in protocol.back),
        next_meeting=NextMeeting(text(following.text), following.date) if following else None,
        meta=(),
        attendance=(),
        agenda=(),
        preamble=(),
        participants_label="Teilnehmende",
        agenda_label="Tagesordnung",
    )
