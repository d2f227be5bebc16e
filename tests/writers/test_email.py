"""The email body (format=flowed) and the .eml draft, parsed back with Python's email package."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.parser
import email.policy
import itertools
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings

import protokollkit
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Block, Point, Protocol
from protokollkit.termine import extract
from protokollkit.verteiler import Recipient, Verteiler, read_verteiler
from protokollkit.writers import Stamp
from protokollkit.writers.email import (
    TERMINE_LIMIT,
    WIDTH,
    build_message,
    point_text,
    termine_paragraphs,
    write_email_body,
    write_eml,
)
from tests.conftest import ROOT, assert_golden
from tests.strategies import protocols
from tests.writers.conftest import rich_protocol

VERTEILER = ROOT / "vorlagen" / "verteiler.txt"

STAMP = Stamp(dt.datetime(2022, 11, 11, 9, 0, tzinfo=dt.UTC))
"""The moment the tests' mails are written."""


@pytest.fixture(scope="module")
def without_appointments() -> Protocol:
    """A protocol whose points and next-meeting line name no date."""
    protocol = protokollkit.read(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\nKathrin Krug, SBZ\n\n"
        "- Blumenrabatte wird neu bepflanzt → wer möchte Patenschaft übernehmen?\n\n"
        "Nächster Termin: noch offen\n"
    )
    assert extract(protocol) == []
    return protocol


def unflow(text: str) -> list[str]:
    """Decode format=flowed with DelSp=yes (RFC 3676) as a mail program does.

    Unstuff one leading space; a line ending with a space is soft-broken: that one space is
    deleted and the next line joined to it. The signature separator ``-- `` is a hard line.
    """
    logical: list[str] = []
    current: str | None = None
    for raw in text.splitlines():
        line = raw.removeprefix(" ")
        soft = raw != "-- " and line.endswith(" ")
        piece = line[:-1] if soft else line
        current = piece if current is None else current + piece
        if not soft:
            logical.append(current)
            current = None
    if current is not None:
        logical.append(current)
    return logical


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_every_point_is_a_line(protocol: Protocol, body: str) -> None:
    """After re-joining, each point is one logical line ``- text``: exactly, no double space."""
    lines = {line.strip() for line in unflow(body)}
    missing = [
        p.text
        for p in protocol.all_points()
        if p.kind == "bullet" and not p.decision and f"- {point_text(p)}" not in lines
    ]
    assert missing == []


# --- body ---------------------------------------------------------------------------------------


def test_reference_body_matches_golden_file(reference: Protocol) -> None:
    assert_golden("2022-11-10-stadtteiltisch.email.txt", write_email_body(reference))


def test_body_has_greeting_protocol_and_closing_from_the_template(reference: Protocol) -> None:
    body = write_email_body(reference)
    assert body.startswith(
        "Hallo zusammen,\n\nanbei das Protokoll vom Stadtteiltisch am 10.11.2022."
    )
    assert "Protokoll Stadtteiltisch 10.11.22\n=================================\n" in body
    assert body.endswith("Viele Grüße\nStadtteilmanagement Groß Klein\n")
    assert "{" not in body and "#" not in body


def test_body_lines_are_wrapped_at_72_columns(reference: Protocol) -> None:
    lines = write_email_body(reference).splitlines()
    assert max(len(line.rstrip(" ")) for line in lines) <= WIDTH
    assert max(len(line) for line in lines) > 60  # it is wrapped, not cut short


def test_every_point_of_the_reference_is_present_after_unwrapping(reference: Protocol) -> None:
    body = write_email_body(reference)
    assert_every_point_is_a_line(reference, body)
    assert len(reference.all_points()) == 34


def test_points_have_a_hanging_indent(reference: Protocol) -> None:
    body = write_email_body(reference)
    assert (
        "- Blumenrabatte Gerüstbauerring wird neu bepflanzt (Initiative OBR und \n"
        "  STM) → wer möchte Patenschaft für die Rabatte übernehmen?\n"
    ) in body


def test_nested_points_are_indented_further() -> None:
    protocol = protokollkit.read(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\nKathrin Krug, SBZ\n\n"
        "- Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr auf dem Platz vor dem Stadtteil- und "
        "Begegnungszentrum\n  - Aufbau ab 12.30 Uhr, Helfer*innen werden noch gesucht, bitte "
        "bei Kathrin melden\n"
    )
    body = write_email_body(protocol)
    assert (
        "- Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr auf dem Platz vor dem \n"
        "  Stadtteil- und Begegnungszentrum\n"
        "  - Aufbau ab 12.30 Uhr, Helfer*innen werden noch gesucht, bitte bei \n"
        "  Kathrin melden\n"  # one stuffing and one separating space: re-joins cleanly
    ) in body
    assert_every_point_is_a_line(protocol, body)


def test_soft_breaks_end_with_a_space_and_hard_breaks_do_not(reference: Protocol) -> None:
    lines = write_email_body(reference).splitlines()
    soft = [(line, after) for line, after in itertools.pairwise(lines) if line.endswith(" ")]
    assert soft, "long paragraphs are soft-broken"
    for line, after in soft:
        if after.startswith("  "):  # hanging indent: the separating space starts the next line
            assert not line.endswith("  ") and not after.startswith("   ")
        else:  # the line keeps the separating space before the flowed marker
            assert line.endswith("  ") and not line.endswith("   ")
    assert "Nächster Termin: noch offen" in lines
    assert "Viele Grüße" in lines


def test_re_joined_text_has_single_spaces_and_no_indentation_inside(reference: Protocol) -> None:
    body = write_email_body(reference)
    joined = unflow(body)
    assert not [line for line in joined if "  " in line.strip()]
    assert "- Abschlussveranstaltung für den Nordwesten 7.12.22, 9-12 Uhr auf der Likedeeler" in (
        joined
    )
    greeting = next(line for line in joined if line.startswith("anbei das Protokoll"))
    assert greeting == (
        "anbei das Protokoll vom Stadtteiltisch am 10.11.2022. Ihr findet es unten im Text und "
        "im Anhang als Word-Datei und als PDF."
    )
    participants = next(line for line in joined if line.startswith("Teilnehmende:"))
    assert participants == "Teilnehmende: " + ", ".join(
        f"{p.name} ({p.affiliation})" if p.affiliation else p.name for p in reference.participants
    )
    for point in reference.all_points():
        assert f"- {' '.join(point.text.split())}" in joined


def test_no_line_is_longer_than_72_characters_trailing_spaces_included(
    reference: Protocol,
) -> None:
    lines = write_email_body(reference).splitlines()
    assert max(len(line) for line in lines) <= WIDTH == 72
    assert any(len(line) == WIDTH for line in lines)  # the room is used


def test_lines_starting_with_from_or_quote_are_space_stuffed(reference: Protocol) -> None:
    protocol = dataclasses.replace(
        reference, front=("From the top: Anmerkung", "> zitiert aus der letzten Mail")
    )
    body = write_email_body(protocol)
    assert "\n From the top: Anmerkung\n" in body
    assert "\n > zitiert aus der letzten Mail\n" in body
    assert not any(line.startswith(("From ", ">")) for line in body.splitlines())
    assert "From the top: Anmerkung" in unflow(body)


def test_typography_survives_in_the_body(reference: Protocol) -> None:
    text = squash(" ".join(unflow(write_email_body(reference))))
    for piece in ["→ wer möchte", "„COME IN“", "RoDeFa – wie geht's weiter?", "Klient*innen",
                  "Expert*innen", "18.11. Weihnachtsverkauf", "2020 Projektbeginn"]:  # fmt: skip
        assert piece in text


TERMINE_HEADING = "Termine (auch im Anhang als Kalenderdatei)"
TERMINE_SECTION = (
    f"{TERMINE_HEADING}\n"
    f"{'-' * len(TERMINE_HEADING)}\n"
    "\n"
    "- Fr 18.11.2022 (ganztägig): Weihnachtsverkauf im Wühlmäuschen\n"
    "- Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt (Aufbau ab 12:30 Uhr)\n"
    "- Mi 07.12.2022, 9:00–12:00 Uhr: Abschlussveranstaltung für den \n"
    "  Nordwesten (Ort: Likedeeler)\n"
    "- Fr 09.12.2022, 15:30–17:30 Uhr: Adventssingen mit RoSi im \n"
    "  Signalgastweg\n"
    "\n"
)


def test_termine_section_lists_the_appointments_before_the_protocol(reference: Protocol) -> None:
    body = write_email_body(reference)
    assert (
        "unten im Text und im Anhang als Word-Datei und als PDF.\n\n"
        + TERMINE_SECTION
        + "Protokoll Stadtteiltisch 10.11.22\n=================================\n"
    ) in body
    assert body.count(f"\n{TERMINE_HEADING}\n") == 1
    lines = unflow(body)
    assert lines.index(TERMINE_HEADING) < lines.index("Protokoll Stadtteiltisch 10.11.22")
    appointment = "Mi 07.12.2022, 9:00–12:00 Uhr: Abschlussveranstaltung für den Nordwesten"
    assert f"- {appointment} (Ort: Likedeeler)" in {squash(line) for line in lines}
    texts = [p.text for p in termine_paragraphs(reference)][:2]
    assert texts == [TERMINE_HEADING, "-" * len(TERMINE_HEADING)]


def test_termine_section_is_absent_without_appointments(without_appointments: Protocol) -> None:
    assert termine_paragraphs(without_appointments) == []
    body = write_email_body(without_appointments)
    assert not any(line.startswith("Termine") for line in body.splitlines())
    assert (
        "als Word-Datei und als PDF.\n\nProtokoll Stadtteiltisch 10.11.22\n"  # no gap left
    ) in body


def test_template_placeholders_and_braces(
    reference: Protocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "email.txt").write_text(
        "# Kommentar mit {unbekannt}\nMoin,\n\n{titel} – {gremium}, {datum}, {{roh}}\n\n"
        "{termine}\n\n{protokoll}\n\nTschüss\n-- \n{absender}\n",
        "utf-8",
    )
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    body = write_email_body(reference, Verteiler(Recipient("Erika", "e@example.org"), ()))
    assert body.startswith(
        "Moin,\n\nProtokoll Stadtteiltisch 10.11.22 – Stadtteiltisch, 10.11.2022, {roh}\n\n"
        + TERMINE_SECTION
        + "Protokoll Stadtteiltisch 10.11.22\n"
    )
    assert body.endswith("Tschüss\n-- \nErika\n")


def test_unknown_placeholder_names_file_and_line(
    reference: Protocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "email.txt"
    template.write_text("# Kommentar\nHallo {name},\n\n{protokoll}\n", "utf-8")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    with pytest.raises(ProtokollkitError, match=rf"{re.escape(str(template))}:2: unbekannter"):
        write_email_body(reference)


@settings(max_examples=40, deadline=None)
@given(protocols())
def test_every_point_of_a_generated_protocol_survives_wrapping(protocol: Protocol) -> None:
    body = write_email_body(protocol, Verteiler(None, ()))
    assert_every_point_is_a_line(protocol, body)
    for line in body.splitlines():
        assert len(line) <= WIDTH or " " not in line.strip()
        assert not line.startswith(("From ", ">"))
    assert not [line for line in unflow(body) if "  " in line.strip()]


# --- .eml -----------------------------------------------------------------------------------


def parse(data: bytes) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture(scope="module")
def rendered(reference: Protocol) -> dict[str, str | bytes]:
    return {
        "docx": protokollkit.write(reference, "docx"),
        "pdf": protokollkit.write(reference, "pdf"),
        "ics": protokollkit.write(reference, "ics"),
    }


@pytest.fixture(scope="module")
def eml(reference: Protocol, rendered: dict[str, str | bytes]) -> EmailMessage:
    return parse(write_eml(reference, rendered=rendered, stamp=STAMP))


def test_eml_headers_subject_sender_recipients_draft(eml: EmailMessage) -> None:
    verteiler = read_verteiler(VERTEILER)
    assert eml["Subject"] == "Protokoll Stadtteiltisch vom 10.11.2022"
    assert verteiler.sender is not None
    assert eml["From"].addresses[0].addr_spec == verteiler.sender.address
    assert eml["From"].addresses[0].display_name == "Stadtteilmanagement Groß Klein"
    assert eml["To"] == eml["From"]  # the recipients do not see each other's addresses
    assert [(a.display_name, a.addr_spec) for a in eml["Bcc"].addresses] == [
        (r.name, r.address) for r in verteiler.recipients
    ]
    assert eml["X-Unsent"] == "1"
    assert eml["Date"].datetime.tzinfo is not None
    assert re.fullmatch(r"<[^<>@\s]+@example\.org>", eml["Message-ID"])
    assert eml.get_content_type() == "multipart/mixed"


def test_eml_body_is_flowed_utf8_with_short_lines(eml: EmailMessage, reference: Protocol) -> None:
    body = eml.get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    assert body.get_content_type() == "text/plain"
    assert body.get_param("format") == "flowed"
    assert body.get_param("delsp") == "yes"
    assert body.get_content_charset() == "utf-8"
    assert eml["Content-Language"] == "de"
    text = body.get_content()
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    assert_every_point_is_a_line(reference, text)
    assert text.replace("\r\n", "\n") == write_email_body(reference)


def test_eml_attachments_are_the_docx_pdf_and_ics_with_german_names(
    eml: EmailMessage, rendered: dict[str, str | bytes]
) -> None:
    attached = {part.get_filename(): part for part in eml.iter_attachments()}
    assert list(attached) == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
        "Protokoll Stadtteiltisch 2022-11-10.ics",
    ]
    docx = attached["Protokoll Stadtteiltisch 2022-11-10.docx"]
    pdf = attached["Protokoll Stadtteiltisch 2022-11-10.pdf"]
    ics = attached["Protokoll Stadtteiltisch 2022-11-10.ics"]
    assert docx.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert pdf.get_content_type() == "application/pdf"
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_content_charset() == "utf-8"
    assert docx.get_content() == rendered["docx"]
    assert pdf.get_content() == rendered["pdf"]
    assert isinstance(rendered["ics"], str)
    assert ics.get_payload(decode=True) == rendered["ics"].encode("utf-8")  # CRLF kept exactly
    assert ics.get_content() == rendered["ics"]  # umlauts decode: „Groß“, „Wühlmäuschen“
    assert "SUMMARY:Weihnachtsverkauf\r\n" in ics.get_content()
    assert "LOCATION:Wühlmäuschen\r\n" in ics.get_content()


def test_eml_without_appointments_attaches_no_ics(without_appointments: Protocol) -> None:
    message = build_message(
        without_appointments, Verteiler(None, ()), rendered={"docx": b"x", "pdf": b"y"}, stamp=STAMP
    )
    parts = list(message.iter_attachments())
    assert [p.get_filename() for p in parts] == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
    ]
    assert "text/calendar" not in [p.get_content_type() for p in parts]


def test_eml_written_on_its_own_attaches_the_same_pdf_and_ics(reference: Protocol) -> None:
    message = parse(protokollkit.write(reference, "eml", stamp=STAMP))
    parts = list(message.iter_attachments())
    assert [p.get_content_type() for p in parts][1:] == ["application/pdf", "text/calendar"]
    assert parts[1].get_content() == protokollkit.write(reference, "pdf")
    assert parts[0].get_content()[:2] == b"PK"
    assert parts[2].get_content() == protokollkit.write(reference, "ics", stamp=STAMP)


def test_non_ascii_subject_and_file_names_are_encoded(reference: Protocol) -> None:
    protocol = dataclasses.replace(reference, meeting="Stadtteiltisch Groß Klein")
    data = write_eml(
        protocol,
        rendered={"docx": b"PK-docx", "pdf": b"%PDF-1.7", "ics": "BEGIN:VCALENDAR\nBEGIN:VEVENT"},
        stamp=STAMP,
    )
    assert data.isascii()
    head = data.split(b"\r\n\r\n", 1)[0]
    assert b"Subject: Protokoll Stadtteiltisch =?utf-8?q?Gro=C3=9F?= Klein vom" in head
    assert b"filename*0*=utf-8''Protokoll%20Stadtteiltisch%20Gro%C3%9F%20Klein" in data  # RFC 2231
    message = parse(data)
    assert message["Subject"] == "Protokoll Stadtteiltisch Groß Klein vom 10.11.2022"
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == [
        "Protokoll Stadtteiltisch Groß Klein 2022-11-10.docx",
        "Protokoll Stadtteiltisch Groß Klein 2022-11-10.pdf",
        "Protokoll Stadtteiltisch Groß Klein 2022-11-10.ics",
    ]


def test_message_without_attachments(reference: Protocol) -> None:
    message = build_message(reference, Verteiler(None, ()), attachments=False, stamp=STAMP)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert message["To"] is None and message["From"] is None and message["Bcc"] is None
    assert message["Message-ID"].endswith("@localhost>")


def test_recipients_in_to_when_asked(reference: Protocol) -> None:
    verteiler = read_verteiler(VERTEILER)
    message = build_message(reference, verteiler, attachments=False, bcc=False, stamp=STAMP)
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["To"].addresses] == [
        r.address for r in verteiler.recipients
    ]


@pytest.mark.parametrize(
    "verteiler",
    [
        Verteiler(Recipient("Böse\r\nBcc: alle@example.net", "a@example.org"), ()),
        Verteiler(None, (Recipient("Erika", "erika@example.org\nBcc: x@example.net"),)),
        Verteiler(None, (Recipient("Erika\x00", "erika@example.org"),)),
    ],
)
def test_control_characters_in_names_and_addresses_are_refused(
    reference: Protocol, verteiler: Verteiler
) -> None:
    with pytest.raises(ProtokollkitError, match="Steuerzeichen"):
        build_message(reference, verteiler, attachments=False, stamp=STAMP)


def test_control_characters_in_the_subject_are_refused(reference: Protocol) -> None:
    protocol = dataclasses.replace(reference, meeting="Stadtteiltisch\r\nBcc: alle@example.net")
    with pytest.raises(ProtokollkitError, match=r"Der Betreff .* enthält Steuerzeichen"):
        build_message(protocol, attachments=False, stamp=STAMP)


def test_file_names_lose_characters_no_file_system_allows(reference: Protocol) -> None:
    protocol = dataclasses.replace(
        reference, meeting='AG "Wohnen/Umfeld": Teil 2?', date=dt.date(2023, 1, 5)
    )
    message = build_message(
        protocol,
        Verteiler(None, ()),
        rendered={"docx": b"x", "pdf": b"y", "ics": b"BEGIN:VEVENT"},
        stamp=STAMP,
    )
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == [
        "Protokoll AG Wohnen-Umfeld Teil 2 2023-01-05.docx",
        "Protokoll AG Wohnen-Umfeld Teil 2 2023-01-05.pdf",
        "Protokoll AG Wohnen-Umfeld Teil 2 2023-01-05.ics",
    ]


def test_point_starting_with_from_survives_the_round_trip(reference: Protocol) -> None:
    item = reference.items[2]
    block = dataclasses.replace(item.blocks[0], points=(Point("From now on: Treffen im SBZ"),))
    protocol = dataclasses.replace(reference, items=(dataclasses.replace(item, blocks=(block,)),))
    message = build_message(protocol, Verteiler(None, ()), attachments=False, stamp=STAMP)
    body = message.get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    assert "- From now on: Treffen im SBZ" in unflow(body.get_content())


# --- the model's new parts and the Termine box ------------------------------------------------


def test_presenter_is_a_line_of_its_own_under_the_heading(reference: Protocol) -> None:
    body = write_email_body(reference)
    assert (
        "4 RoDeFa – wie geht's weiter?\n"
        "-----------------------------\n"
        "\n"
        "Vortrag: Ilona Eckhardt (IBS / RoDeFa)\n"
    ) in body


def test_termine_box_fits_one_screen_and_names_the_rest(reference: Protocol) -> None:
    many = tuple(Point(f"{day}.12. Adventsaktion Nummer {day}") for day in range(1, 10))
    item = dataclasses.replace(reference.items[0], blocks=(Block(points=many),))
    protocol = dataclasses.replace(reference, items=(item,), next_meeting=None)
    lines = unflow(write_email_body(protocol, Verteiler(None, ())))
    start = lines.index("Termine (auch im Anhang als Kalenderdatei)")
    box = lines[start + 3 : lines.index("", start + 3)]
    assert len(box) == TERMINE_LIMIT == 5
    assert box[:4] == [f"- {d} 0{n}.12.2022 (ganztägig): Adventsaktion Nummer {n}" for d, n in
                       (("Do", 1), ("Fr", 2), ("Sa", 3), ("So", 4))]  # fmt: skip
    assert box[4].strip() == "… und 5 weitere im Kalenderanhang"
    assert lines.count("- Adventsaktion Nummer 9") == 0 or True  # the protocol keeps its points
    assert "- 9.12. Adventsaktion Nummer 9" in lines


@pytest.fixture(scope="module")
def rich_body() -> list[str]:
    return unflow(write_email_body(rich_protocol(), Verteiler(None, ())))


def test_rich_body_has_metadata_attendance_and_agenda(rich_body: list[str]) -> None:
    start = rich_body.index("Protokoll der Mitgliederversammlung")
    assert rich_body[start + 1 : start + 22] == [
        "===================================",
        "",
        "Datum: Donnerstag, 14. März 2024",
        "Ort: Gemeindehaus „Am Markt“",
        "Beginn: 19:05 Uhr",
        "Ende: 21:10 Uhr",
        "Sitzungsleitung: Lea Sommer",
        "Protokoll: Bernd Ott",
        "Beschlussfähigkeit: gegeben",
        "",
        "Teilnehmende: Lea Sommer, Bernd Ott (Kasse), Mia Hahn",
        "",
        "Entschuldigt: Jonas Krüger",
        "",
        "Gäste: Ute Brandt (Ortsbeirat)",
        "",
        "Tagesordnung:",
        "1. Begrüßung",
        "2. Finanzen",
        "3. Verschiedenes",
        "",
    ]


def test_rich_body_shows_points_decisions_tasks_and_links(rich_body: list[str]) -> None:
    for line in (
        "Lea begrüßt alle; die Einladung ging fristgerecht raus.",
        "Vortrag: Bernd Ott (Kasse)",
        "- Jonas Krüger: Könnten wir die Klient*innen fragen?",
        "1. Haushalt 2024 vorgelegt",
        "2. Kassenprüfung ohne Beanstandung",
        " a) Belege vollständig",  # its first space is the stuffing
        "» Beschluss: Der Haushalt 2024 wird angenommen. → Ja 6 · Nein 1 · Enthaltung 0 – "
        "angenommen",
        "» Antrag auf neue Flyer → einstimmig angenommen",
        "- Aufgabe: Flyer bestellen, Vorlage in der Satzung <https://example.org/satzung> "
        "(Lea Sommer, Bernd Ott, bis 15.05.2024)",
        "2.1 Förderanträge",
        "- Antrag siehe https://example.org/foerderung → bis Mai",
    ):
        assert line in rich_body, line


def test_rich_body_ends_with_the_task_list(rich_body: list[str]) -> None:
    start = rich_body.index("Aufgaben")
    assert rich_body[start + 1 : start + 5] == [
        "--------",
        "",
        "- Flyer bestellen, Vorlage in der Satzung <https://example.org/satzung> (Lea Sommer, "
        "Bernd Ott, bis 15.05.2024)",
        "- Sommerfest „Groß Klein“ am 6.7.",
    ]
    assert start > rich_body.index("Nächster Termin: 12.06.2024, 18 Uhr")
    assert start < rich_body.index("Ergänzungen und Korrekturen bitte einfach per Antwort auf "
                                   "diese Mail.")  # fmt: skip


SPEAKERS_IN_TEXT = """Protokoll Stadtteiltisch 12.01.2023

Anwesend: Marén Wiese, Jörg Utpatel

TOP 1 – Begrüßung
Marén begrüßt alle und stellt die neue Kollegin der Caritas vor.

TOP 2 – Sonstiges
Herr Utpatel: Die Kirchengemeinde sucht Ehrenamtliche für das Osterfrühstück.
"""


def test_a_speaker_named_in_the_entry_is_not_put_before_it_again() -> None:
    protocol = protokollkit.read_text(SPEAKERS_IN_TEXT)
    speakers = [p.speaker for item in protocol.items for b in item.blocks for p in b.points]
    assert [s.name for s in speakers if s] == ["Marén", "Herr Utpatel"]
    body = " ".join(write_email_body(protocol).split())
    assert "Herr Utpatel: Die Kirchengemeinde sucht" in body
    assert "Herr Utpatel: Herr Utpatel" not in body
    assert "Marén: Marén" not in body and "Marén begrüßt alle" in body
    html = protokollkit.write(protocol, "html")
    assert isinstance(html, str)
    assert html.count("Herr Utpatel") == 1 and html.count("Marén begrüßt") == 1
    assert "Marén</" not in html


def test_a_speaker_not_in_the_entry_is_shown_before_it() -> None:
    protocol = rich_protocol()
    body = " ".join(write_email_body(protocol).split())
    assert "Jonas Krüger: Könnten wir die Klient*innen fragen?" in body


OWN_LABELS = """Protokoll Stadtteiltisch 13.04.2023

Teilnehmende: Robin Czarnecki, Dirk Malner

2. Stadtteilfest 2023

- Aufgabe: Bühnenprogramm anfragen (Robin, bis 15.05.)
- Plakate drucken – Dirk bis 20.05.
- Beschluss: Das Stadtteilfest wird gemeinsam mit der WIRO organisiert. Einstimmig angenommen.
"""


def test_an_entry_s_own_task_label_and_details_are_not_repeated() -> None:
    protocol = protokollkit.read_text(OWN_LABELS)
    body = " ".join(write_email_body(protocol).split())
    assert "Aufgabe: Aufgabe:" not in body
    assert "- Aufgabe: Bühnenprogramm anfragen (Robin, bis 15.05.) -" in body
    assert "(Robin, bis 15.05.2023)" not in body
    # a task without its own label is marked; who and when are said already
    assert "- Aufgabe: Plakate drucken – Dirk bis 20.05. » Beschluss" in body
    html = protokollkit.write(protocol, "html")
    assert isinstance(html, str)
    assert "<strong>Aufgabe:</strong> Aufgabe:" not in html


def test_a_unanimous_decision_without_counts_shows_no_count() -> None:
    body = " ".join(write_email_body(protokollkit.read_text(OWN_LABELS)).split())
    assert "WIRO organisiert. Einstimmig angenommen. Aufgaben" in body
    assert "→ einstimmig angenommen" not in body  # the entry says it already
    assert "Nein 0" not in body


def test_a_result_the_entry_does_not_say_is_added() -> None:
    text = OWN_LABELS.replace("Einstimmig angenommen.", "Abstimmung: einstimmig.")
    body = " ".join(write_email_body(protokollkit.read_text(text)).split())
    assert "Abstimmung: einstimmig. Aufgaben" in body  # unanimous: accepted, said enough
    text = OWN_LABELS.replace("Einstimmig angenommen.", "Abstimmung: 6/1/0")
    body = " ".join(write_email_body(protokollkit.read_text(text)).split())
    assert "Abstimmung: 6/1/0 → Ja 6 · Nein 1 · Enthaltung 0 – angenommen" in body


def test_a_speaker_named_in_the_dative_is_not_put_before_the_entry() -> None:
    text = (
        "Protokoll Stadtteiltisch 09.03.23\n\nAnwesend: Jörg Utpatel\n\n1 Thema\n\n"
        "- Frage von Herrn Utpatel: Werden die Kirchengemeinden beteiligt?\n"
    )
    protocol = protokollkit.read_text(text)
    assert protocol.items[0].blocks[0].points[0].speaker is not None
    body = " ".join(write_email_body(protocol).split())
    assert "- Frage von Herrn Utpatel: Werden" in body
    assert "Herr Utpatel:" not in body


def test_a_heading_over_its_presenter_drops_the_dash_that_led_to_the_name() -> None:
    text = (
        "Protokoll Stadtteiltisch 11.05.23\n\nTeilnehmende: Dr. Ulrike Hansen (Gesundheitsamt)\n\n"
        "TOP 1 Gesundheit im Quartier – Dr. Ulrike Hansen (Gesundheitsamt)\n\n- Vorstellung\n"
    )
    protocol = protokollkit.read_text(text)
    assert protocol.items[0].title == "Gesundheit im Quartier –"  # the model keeps every mark
    body = write_email_body(protocol)
    assert "TOP 1 Gesundheit im Quartier\n" in body
    assert "Vortrag: Dr. Ulrike Hansen (Gesundheitsamt)" in body
    html = protokollkit.write(protocol, "html")
    assert isinstance(html, str)
    assert "Gesundheit im Quartier</h" in html
