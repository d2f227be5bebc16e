"""Delivery over a real SMTP server on 127.0.0.1, with messages built here (not by the writer)."""

from __future__ import annotations

import email
import email.policy
import json
import os
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protokollkit.config import SmtpSettings
from protokollkit.send import (
    Addressee,
    Outgoing,
    SendError,
    deliver,
    message_bytes,
    prepare_message,
    read_log,
    send,
)
from tests.send.conftest import PASSWORD, USER, RecordingHandler, StartServer, Tls, free_port
from tests.strategies import LOWER, TYPOGRAPHY

SUBJECT = "Protokoll Stadtteiltisch vom 10.11.2022"
DOCX = os.urandom(40_000)
PDF = b"%PDF-1.7\n" + os.urandom(30_000)
BODY = "Hallo,\n\nanbei das Protokoll – „Klient*innen“ → bitte lesen.\n"
RECIPIENTS = (
    Addressee("Maren Müller-Hinrichs", "maren@example.org", 3),
    Addressee("Kathrin Krug", "kathrin@example.org", 4),
    Addressee("Barbara und Bernard (Taizé)", "taize@example.net", 5),
)


def built_message(attachments: bool = True) -> EmailMessage:
    """A message shaped like the writer's: headers that must not leave, and two attachments."""
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = "Jörg Utpatel <joerg@example.org>"
    message["To"] = ", ".join(str(r) for r in RECIPIENTS)
    message["Cc"] = "kathrin@example.org"
    message["Bcc"] = "taize@example.net"
    message["Message-ID"] = "<protokoll-2022-11-10@example.org>"
    message["X-Unsent"] = "1"
    message.set_content(BODY)
    if not attachments:
        return message
    message.add_attachment(
        DOCX,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="protokoll-2022-11-10.docx",
    )
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="protokoll.pdf")
    return message


def settings_for(port: int, **changes: Any) -> SmtpSettings:
    values: dict[str, Any] = {"host": "127.0.0.1", "port": port, "security": "none", "timeout": 10}
    values |= changes
    return SmtpSettings(**values)


def outgoing(tmp_path: Path, settings: SmtpSettings, **changes: Any) -> Outgoing:
    return prepare_message(
        changes.pop("built", built_message()),
        changes.pop("recipients", RECIPIENTS),
        source=tmp_path / "archiv" / "2022-11-10-stadtteiltisch.txt",
        content=b"Protokoll Stadtteiltisch 10.11.22\n",
        settings=settings,
        **changes,
    )


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_recipients_travel_only_in_the_envelope(tmp_path: Path, smtp_server: StartServer) -> None:
    server = smtp_server()
    settings = settings_for(server.port)
    delivery = deliver(outgoing(tmp_path, settings), settings, None)
    assert delivery.complete
    assert delivery.accepted == tuple(r.address for r in RECIPIENTS)
    [received] = server.handler.messages
    assert received.mail_from == "joerg@example.org"
    assert received.rcpt_tos == [r.address for r in RECIPIENTS]
    message = parse(received.content)
    assert message["Subject"] == SUBJECT
    assert message["To"] == message["From"] == "Jörg Utpatel <joerg@example.org>"
    for header in ("Cc", "Bcc", "X-Unsent"):
        assert message[header] is None
    for recipient in RECIPIENTS:
        assert recipient.address.encode() not in received.content


def test_body_and_attachments_arrive_byte_identical(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    settings = settings_for(server.port)
    deliver(outgoing(tmp_path, settings), settings, None)
    message = parse(server.handler.messages[0].content)
    body = message.get_body(("plain",))
    assert body is not None and body.get_content().replace("\r\n", "\n") == BODY
    files = {p.get_filename(): p.get_payload(decode=True) for p in message.iter_attachments()}
    assert files == {"protokoll-2022-11-10.docx": DOCX, "protokoll.pdf": PDF}


def test_list_address_is_the_visible_to_and_sender_the_envelope_from(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    settings = settings_for(
        server.port, list_address="stadtteiltisch@example.org", sender="bounce@example.org"
    )
    deliver(outgoing(tmp_path, settings), settings, None)
    [received] = server.handler.messages
    assert received.mail_from == "bounce@example.org"
    assert parse(received.content)["To"] == "stadtteiltisch@example.org"


def test_repeated_addresses_are_sent_once(tmp_path: Path, smtp_server: StartServer) -> None:
    server = smtp_server()
    settings = settings_for(server.port)
    twice = (*RECIPIENTS, Addressee("Maren", "MAREN@example.org", 9))
    deliver(outgoing(tmp_path, settings, recipients=twice), settings, None)
    assert server.handler.messages[0].rcpt_tos == [r.address for r in RECIPIENTS]


def test_starttls_with_self_signed_certificate_and_login(
    tmp_path: Path, starttls_server: Any, tls: Tls
) -> None:
    settings = settings_for(starttls_server.port, security="starttls", user=USER, cafile=tls.cafile)
    delivery = deliver(outgoing(tmp_path, settings), settings, PASSWORD)
    assert delivery.complete
    assert parse(starttls_server.handler.messages[0].content)["Subject"] == SUBJECT


def test_implicit_tls_with_self_signed_certificate(
    tmp_path: Path, smtp_server: StartServer, tls: Tls
) -> None:
    server = smtp_server(ssl_context=tls.server_context)
    settings = settings_for(server.port, security="tls", cafile=tls.cafile)
    assert deliver(outgoing(tmp_path, settings), settings, None).complete
    assert len(server.handler.messages) == 1


def test_wrong_password_is_refused_in_german(
    tmp_path: Path, starttls_server: Any, tls: Tls
) -> None:
    settings = settings_for(starttls_server.port, security="starttls", user=USER, cafile=tls.cafile)
    with pytest.raises(SendError, match=r"Anmeldung am Mailserver 127.0.0.1 abgelehnt") as caught:
        deliver(outgoing(tmp_path, settings), settings, "falsch")
    assert "535" in str(caught.value)
    assert starttls_server.handler.messages == []


def test_server_without_starttls_is_not_used_in_plain_text(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    settings = settings_for(server.port, security="starttls")
    with pytest.raises(SendError, match="bietet kein STARTTLS an"):
        deliver(outgoing(tmp_path, settings), settings, None)
    assert server.handler.messages == []


def test_tls_handshake_fails_without_the_ca(tmp_path: Path, starttls_server: Any) -> None:
    settings = settings_for(starttls_server.port, security="starttls", user=USER)
    with pytest.raises(SendError, match=r"TLS-Verbindung zu 127.0.0.1:.* nicht vertraut"):
        deliver(outgoing(tmp_path, settings), settings, PASSWORD)


def test_implicit_tls_against_a_plain_server_fails_in_german(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    settings = settings_for(server.port, security="tls")
    with pytest.raises(SendError, match=r"TLS-Verbindung zu .* fehlgeschlagen"):
        deliver(outgoing(tmp_path, settings), settings, None)


def test_server_down_is_unreachable(tmp_path: Path) -> None:
    settings = settings_for(free_port())
    with pytest.raises(SendError, match="ist nicht erreichbar \\(Verbindung abgelehnt\\)"):
        deliver(outgoing(tmp_path, settings), settings, None)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections but never greets."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        yield listener.getsockname()[1]


def test_silent_server_times_out(tmp_path: Path, silent_port: int) -> None:
    settings = settings_for(silent_port, timeout=0.3)
    with pytest.raises(SendError, match=r"Zeitüberschreitung: .* nicht innerhalb von 0.3 Sekunden"):
        deliver(outgoing(tmp_path, settings), settings, None)


def test_message_over_the_announced_size_is_not_sent(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(data_size_limit=10_000)
    settings = settings_for(server.port)
    with pytest.raises(SendError, match=r"zu groß: .* KiB \(erlaubt: 9,8 KiB\)"):
        deliver(outgoing(tmp_path, settings), settings, None)
    assert server.handler.messages == []


def test_552_after_data_is_reported_as_too_large(tmp_path: Path, smtp_server: StartServer) -> None:
    server = smtp_server(RecordingHandler(data_reply="552 5.3.4 Nachricht zu groß"))
    settings = settings_for(server.port)
    with pytest.raises(SendError, match="Die Nachricht ist dem Mailserver zu groß"):
        deliver(outgoing(tmp_path, settings), settings, None)


def test_refused_recipient_is_reported_and_the_others_get_it(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(RecordingHandler(refuse={"kathrin@example.org"}))
    settings = settings_for(server.port)
    delivery = deliver(outgoing(tmp_path, settings), settings, None)
    assert not delivery.complete
    assert delivery.accepted == ("maren@example.org", "taize@example.net")
    assert delivery.refused == {"kathrin@example.org": "550 5.1.1 Postfach unbekannt"}
    assert server.handler.messages[0].rcpt_tos == ["maren@example.org", "taize@example.net"]


def test_all_recipients_refused_is_a_delivery_to_nobody(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(RecordingHandler(refuse={r.address for r in RECIPIENTS}))
    settings = settings_for(server.port)
    delivery = deliver(outgoing(tmp_path, settings), settings, None)
    assert delivery.accepted == ()
    assert set(delivery.refused) == {r.address for r in RECIPIENTS}
    assert server.handler.messages == []


def test_send_log_records_each_attempt_per_recipient(
    tmp_path: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(RecordingHandler(refuse={"kathrin@example.org"}))
    settings = settings_for(server.port)
    message = outgoing(tmp_path, settings)
    send(message, settings, None)
    down = settings_for(free_port())
    with pytest.raises(SendError):
        send(message, down, None)
    first, second = read_log(tmp_path / "archiv" / "versand.log.jsonl")
    assert first["protocol"] == "2022-11-10-stadtteiltisch.txt"
    assert first["sha256"] == message.sha256
    assert first["message_id"] == "<protokoll-2022-11-10@example.org>"
    assert [(r["address"], r["result"]) for r in first["recipients"]] == [
        ("maren@example.org", "sent"),
        ("kathrin@example.org", "refused"),
        ("taize@example.net", "sent"),
    ]
    assert first["error"] is None
    assert {r["result"] for r in second["recipients"]} == {"failed"}
    assert "nicht erreichbar" in second["error"]
    lines = (tmp_path / "archiv" / "versand.log.jsonl").read_text("utf-8").splitlines()
    assert json.loads(lines[0])["recipients"][0]["name"] == "Maren Müller-Hinrichs"


def test_invalid_addresses_are_reported_with_their_lines(tmp_path: Path) -> None:
    from protokollkit.diagnostics import ParseError

    bad = (RECIPIENTS[0], Addressee("Ohne At", "ohne-at.example.org", 7), Addressee("", "a@b c", 8))
    with pytest.raises(ParseError) as caught:
        outgoing(tmp_path, settings_for(25), recipients=bad, verteiler_source="verteiler.txt")
    assert [str(d) for d in caught.value.diagnostics] == [
        "verteiler.txt:7:1: fehler: Ungültige Mailadresse „ohne-at.example.org“.",
        "verteiler.txt:8:1: fehler: Ungültige Mailadresse „a@b c“.",
    ]


addresses = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"\A[a-z0-9]{1,8}([._+-][a-z0-9]{1,8})?\Z"),
    st.from_regex(r"\A[a-z0-9]{1,10}\Z"),
    st.sampled_from(["de", "org", "net", "example"]),
).filter(lambda address: address != "joerg@example.org")
names = st.one_of(
    st.just(""),
    st.lists(
        st.one_of(st.text(LOWER, min_size=1, max_size=8), st.sampled_from(TYPOGRAPHY)),
        min_size=1,
        max_size=3,
    ).map(" ".join),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(names, addresses), min_size=1, max_size=8))
def test_no_recipient_address_is_in_the_transmitted_message(
    people: list[tuple[str, str]],
) -> None:
    recipients = [Addressee(name, address, n) for n, (name, address) in enumerate(people, 1)]
    built = built_message(attachments=False)
    for header in ("To", "Cc", "Bcc"):
        del built[header]
        built[header] = ", ".join(str(r) for r in recipients)
    prepared = outgoing(Path("/nirgends"), settings_for(25), built=built, recipients=recipients)
    raw = message_bytes(prepared.message).lower()
    for recipient in recipients:
        assert recipient.address.encode() not in raw
    sent_to = {r.address.lower() for r in prepared.recipients}
    assert sent_to == {address.lower() for _, address in people}
    assert prepared.message["To"] == prepared.message["From"]
