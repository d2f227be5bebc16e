"""The email body (format=flowed) and the .eml draft, parsed back with Python's email package."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.parser
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings

import protokollkit
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Point, Protocol
from protokollkit.termine import extract
from protokollkit.verteiler import Recipient, Verteiler, read_verteiler
from protokollkit.writers.email import (
    WIDTH,
    build_message,
    termine_paragraphs,
    write_email_body,
    write_eml,
)
from tests.conftest import ROOT, assert_golden
from tests.strategies import protocols

VERTEILER = ROOT / "vorlagen" / "verteiler.txt"


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
    """Decode format=flowed (RFC 3676, DelSp=no): unstuff, then join soft-broken lines."""
    logical: list[str] = []
    current: str | None = None
    for line in text.splitlines():
        line = line.removeprefix(" ")
        current = line if current is None else current + line
        if not line.endswith(" ") or line == "-- ":
            logical.append(current)
            current = None
    if current is not None:
        logical.append(current)
    return logical


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_every_point_is_a_line(protocol: Protocol, body: str) -> None:
    """After unwrapping, each point is one logical line ``- text`` (indentation aside)."""
    lines = {squash(line) for line in unflow(body)}
    missing = [p.text for p in protocol.all_points() if squash(f"- {p.text}") not in lines]
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
        "    Kathrin melden\n"
    ) in body
    assert_every_point_is_a_line(protocol, body)


def test_soft_breaks_end_with_a_space_and_hard_breaks_do_not(reference: Protocol) -> None:
    lines = write_email_body(reference).splitlines()
    soft = [line for line in lines if line.endswith(" ")]
    assert soft, "long paragraphs are soft-broken"
    assert all(not line.endswith("  ") for line in soft)
    assert "Nächster Termin: noch offen" in lines
    assert "Viele Grüße" in lines


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
        assert len(line.rstrip(" ")) <= WIDTH or " " not in line.strip()
        assert not line.startswith(("From ", ">"))


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
    return parse(write_eml(reference, rendered=rendered))


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
    assert body.get_content_charset() == "utf-8"
    text = body.get_content()
    assert max(len(line) for line in text.splitlines()) <= 78
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
        without_appointments, Verteiler(None, ()), rendered={"docx": b"x", "pdf": b"y"}
    )
    parts = list(message.iter_attachments())
    assert [p.get_filename() for p in parts] == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
    ]
    assert "text/calendar" not in [p.get_content_type() for p in parts]


def test_eml_written_on_its_own_attaches_the_same_pdf_and_ics(
    reference: Protocol, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1668038400")  # a fixed DTSTAMP for both calendars
    message = parse(protokollkit.write(reference, "eml"))  # type: ignore[arg-type]
    parts = list(message.iter_attachments())
    assert [p.get_content_type() for p in parts][1:] == ["application/pdf", "text/calendar"]
    assert parts[1].get_content() == protokollkit.write(reference, "pdf")
    assert parts[0].get_content()[:2] == b"PK"
    assert parts[2].get_content() == protokollkit.write(reference, "ics")


def test_non_ascii_subject_and_file_names_are_encoded(reference: Protocol) -> None:
    protocol = dataclasses.replace(reference, meeting="Stadtteiltisch Groß Klein")
    data = write_eml(
        protocol,
        rendered={"docx": b"PK-docx", "pdf": b"%PDF-1.7", "ics": "BEGIN:VCALENDAR\nBEGIN:VEVENT"},
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
    message = build_message(reference, Verteiler(None, ()), attachments=False)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert message["To"] is None and message["From"] is None and message["Bcc"] is None
    assert message["Message-ID"].endswith("@localhost>")


def test_recipients_in_to_when_asked(reference: Protocol) -> None:
    verteiler = read_verteiler(VERTEILER)
    message = build_message(reference, verteiler, attachments=False, bcc=False)
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
        build_message(reference, verteiler, attachments=False)


def test_control_characters_in_the_subject_are_refused(reference: Protocol) -> None:
    protocol = dataclasses.replace(reference, meeting="Stadtteiltisch\r\nBcc: alle@example.net")
    with pytest.raises(ProtokollkitError, match=r"Der Betreff .* enthält Steuerzeichen"):
        build_message(protocol, attachments=False)


def test_file_names_lose_characters_no_file_system_allows(reference: Protocol) -> None:
    protocol = dataclasses.replace(
        reference, meeting='AG "Wohnen/Umfeld": Teil 2?', date=dt.date(2023, 1, 5)
    )
    message = build_message(
        protocol, Verteiler(None, ()), rendered={"docx": b"x", "pdf": b"y", "ics": b"BEGIN:VEVENT"}
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
    message = build_message(protocol, Verteiler(None, ()), attachments=False)
    body = message.get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    assert "- From now on: Treffen im SBZ" in unflow(body.get_content())
