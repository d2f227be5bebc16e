"""`protokollkit send` end to end: CliRunner against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import shutil
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from protokollkit.cli import main
from tests.conftest import SEED
from tests.send.conftest import (
    PASSWORD,
    USER,
    RecordingHandler,
    Server,
    StartServer,
    Tls,
    free_port,
    write_config,
)

SUBJECT = "Protokoll Stadtteiltisch vom 10.11.2022"
SENDER = "Jörg Utpatel <joerg@example.org>"
RECIPIENTS = ["maren@example.org", "kathrin@example.org", "taize@example.net"]
VERTEILER = f"""# Verteiler für den Test
Absender: {SENDER}

Maren Müller-Hinrichs <maren@example.org>
Kathrin Krug <kathrin@example.org>
"Barbara und Bernard (Taizé)" <taize@example.net>
"""


@dataclass
class Project:
    """A protocol in ``archiv/``, a distribution list and a config file in a temporary folder."""

    root: Path
    protocol: Path
    verteiler: Path
    config: Path | None = None

    @property
    def log(self) -> Path:
        return self.protocol.parent / "versand.log.jsonl"

    def send(self, *options: str, input: str | None = None, **env: str | None) -> Result:
        args = ["send", str(self.protocol), "--verteiler", str(self.verteiler)]
        if self.config is not None:
            args += ["--config", str(self.config)]
        environment: dict[str, str | None] = {"PROTOKOLLKIT_SMTP_PASSWORD": None}
        environment.update(env)
        return CliRunner().invoke(main, [*args, *options], input=input, env=environment)

    def log_entries(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    archiv = tmp_path / "archiv"
    archiv.mkdir()
    protocol = archiv / "2022-11-10-stadtteiltisch.txt"
    shutil.copyfile(SEED, protocol)
    verteiler = tmp_path / "verteiler.txt"
    verteiler.write_text(VERTEILER, "utf-8")
    return Project(tmp_path, protocol, verteiler)


def with_server(project: Project, server: Server, **smtp: Any) -> Project:
    project.config = write_config(project.root, server, **smtp)
    return project


def received(server: Server, index: int = 0) -> EmailMessage:
    message = email.message_from_bytes(
        server.handler.messages[index].content, policy=email.policy.default
    )
    assert isinstance(message, EmailMessage)
    return message


def assert_clean_failure(result: Result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_confirmed_send_reaches_everyone_in_bcc(project: Project, smtp_server: StartServer) -> None:
    server = smtp_server()
    result = with_server(project, server).send(input="j\n")
    assert result.exit_code == 0, result.output
    assert "an 3 Empfänger*innen über 127.0.0.1 senden? [j/N]" in result.stdout
    assert "Gesendet an 3 von 3 Empfänger*innen." in result.stdout
    assert f"Festgehalten in {project.log}." in result.stdout
    [mail] = server.handler.messages
    assert mail.mail_from == "joerg@example.org"
    assert mail.rcpt_tos == RECIPIENTS
    message = received(server)
    assert message["Subject"] == SUBJECT
    assert message["From"] == message["To"] == SENDER
    assert message["Cc"] is None and message["Bcc"] is None and message["X-Unsent"] is None
    for address in RECIPIENTS:
        assert address.encode() not in mail.content
    files = {p.get_filename() or "": p.get_payload(decode=True) for p in message.iter_attachments()}
    assert list(files) == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
        "Protokoll Stadtteiltisch 2022-11-10.ics",
    ]
    docx, pdf, ics = files.values()
    assert isinstance(docx, bytes) and docx.startswith(b"PK")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    assert isinstance(ics, bytes) and ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Weihnachtsverkauf\r\n" in ics.decode("utf-8")
    types = [p.get_content_type() for p in message.iter_attachments()]
    assert types[2] == "text/calendar"
    body = message.get_body(("plain",))
    assert body is not None
    lines = body.get_content().splitlines()
    assert any("Klient*innen" in line for line in lines)
    termine = lines.index("Termine (auch im Anhang als Kalenderdatei)")
    assert termine < lines.index("Protokoll Stadtteiltisch 10.11.22")


def test_send_log_names_protocol_checksum_message_id_and_results(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    assert with_server(project, server).send("--yes").exit_code == 0
    [entry] = project.log_entries()
    assert entry["protocol"] == "2022-11-10-stadtteiltisch.txt"
    assert entry["sha256"] == hashlib.sha256(project.protocol.read_bytes()).hexdigest()
    assert entry["message_id"] == received(server)["Message-ID"]
    assert entry["subject"] == SUBJECT
    assert [(r["address"], r["result"]) for r in entry["recipients"]] == [
        (address, "sent") for address in RECIPIENTS
    ]


def test_answering_no_sends_nothing(project: Project, smtp_server: StartServer) -> None:
    server = smtp_server()
    before = server.handler.connections
    result = with_server(project, server).send(input="n\n")
    assert_clean_failure(result, "Nichts gesendet.")
    assert server.handler.connections == before
    assert not project.log.exists()


def test_unclear_answer_is_asked_again(project: Project, smtp_server: StartServer) -> None:
    server = smtp_server()
    result = with_server(project, server).send(input="vielleicht\nja\n")
    assert result.exit_code == 0, result.output
    assert "Bitte „j“ (ja) oder „n“ (nein) eingeben." in result.output
    assert len(server.handler.messages) == 1


def test_dry_run_shows_everything_and_connects_to_nothing(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    before = server.handler.connections
    result = with_server(project, server).send("--dry-run")
    assert result.exit_code == 0, result.output
    assert server.handler.connections == before
    assert server.handler.messages == []
    assert not project.log.exists()
    out = result.stdout
    assert "Probelauf – es wird nichts gesendet." in out
    assert f"Betreff:    {SUBJECT}" in out
    assert f"An:         {SENDER} (sichtbar; alle Empfänger*innen als Bcc)" in out
    assert f"Server:     127.0.0.1:{server.port} (unverschlüsselt, ohne Anmeldung)" in out
    assert "Empfänger*innen (3):" in out
    assert "  Maren Müller-Hinrichs <maren@example.org>" in out
    assert "Anhänge (3):" in out
    assert "Protokoll Stadtteiltisch 2022-11-10.docx  " in out
    assert "Protokoll Stadtteiltisch 2022-11-10.pdf  " in out
    assert "Protokoll Stadtteiltisch 2022-11-10.ics  " in out
    assert out.count(" KiB") >= 4


def test_dry_run_works_without_any_config(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)
    result = project.send("--dry-run", XDG_CONFIG_HOME=str(project.root / "xdg"))
    assert result.exit_code == 0, result.output
    assert "Server:     keine Einstellungen (protokollkit.toml) gefunden" in result.stdout


def test_real_send_without_config_names_where_it_looked(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)
    result = project.send("--yes", XDG_CONFIG_HOME=str(project.root / "xdg"))
    assert_clean_failure(result, "Keine Einstellungen für den Versand gefunden")


def test_starttls_and_login_with_password_from_the_environment(
    project: Project, starttls_server: Server, tls: Tls
) -> None:
    with_server(project, starttls_server, security="starttls", user=USER, cafile=tls.cafile)
    result = project.send("--yes", PROTOKOLLKIT_SMTP_PASSWORD=PASSWORD)
    assert result.exit_code == 0, result.output
    assert received(starttls_server)["Subject"] == SUBJECT


def test_password_is_asked_hidden_after_confirmation(
    project: Project, starttls_server: Server, tls: Tls
) -> None:
    with_server(project, starttls_server, security="starttls", user=USER, cafile=tls.cafile)
    result = project.send(input=f"j\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert f"Passwort für {USER} auf 127.0.0.1:" in result.stdout
    assert PASSWORD not in result.output
    assert len(starttls_server.handler.messages) == 1


def test_wrong_password_gives_one_german_message(
    project: Project, starttls_server: Server, tls: Tls
) -> None:
    with_server(project, starttls_server, security="starttls", user=USER, cafile=tls.cafile)
    result = project.send("--yes", PROTOKOLLKIT_SMTP_PASSWORD="falsch")
    assert_clean_failure(result, "fehler: Anmeldung am Mailserver 127.0.0.1 abgelehnt")
    assert starttls_server.handler.messages == []
    assert {r["result"] for r in project.log_entries()[0]["recipients"]} == {"failed"}


def test_untrusted_certificate_gives_one_german_message(
    project: Project, starttls_server: Server
) -> None:
    with_server(project, starttls_server, security="starttls", user=USER)
    result = project.send("--yes", PROTOKOLLKIT_SMTP_PASSWORD=PASSWORD)
    assert_clean_failure(result, "dem Zertifikat des Servers wird nicht vertraut")
    assert "cafile" in result.stderr


def test_refused_recipient_is_reported_per_address_and_logged(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server(RecordingHandler(refuse={"kathrin@example.org"}))
    result = with_server(project, server).send("--yes")
    assert result.exit_code == 1
    assert "Gesendet an 2 von 3 Empfänger*innen." in result.stdout
    assert (
        "  Kathrin Krug <kathrin@example.org> (Verteiler Zeile 5): 550 5.1.1 Postfach unbekannt"
        in result.stdout
    )
    assert server.handler.messages[0].rcpt_tos == ["maren@example.org", "taize@example.net"]
    results = {r["address"]: r["result"] for r in project.log_entries()[0]["recipients"]}
    assert results == {
        "maren@example.org": "sent",
        "kathrin@example.org": "refused",
        "taize@example.net": "sent",
    }


def test_server_down_gives_one_german_message(project: Project) -> None:
    project.config = write_config(project.root, host="127.0.0.1", port=free_port())
    result = project.send("--yes")
    assert_clean_failure(result, "ist nicht erreichbar (Verbindung abgelehnt)")


def test_message_too_large_for_the_server(project: Project, smtp_server: StartServer) -> None:
    server = smtp_server(data_size_limit=20_000)
    result = with_server(project, server).send("--yes")
    assert_clean_failure(result, "Die Nachricht ist dem Mailserver zu groß")
    assert "(erlaubt: 19,5 KiB)" in result.stderr
    assert server.handler.messages == []


def test_log_prevents_a_second_send_and_force_sends_again(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    with_server(project, server)
    assert project.send("--yes").exit_code == 0
    again = project.send("--yes")
    assert_clean_failure(again, "Dieses Protokoll wurde bereits am ")
    assert "an 3 Empfänger*innen verschickt" in again.stderr
    assert "Erneut senden nur mit --force." in again.stderr
    assert len(server.handler.messages) == 1
    dry = project.send("--dry-run")
    assert "Achtung: Dieses Protokoll wurde bereits am " in dry.stdout
    forced = project.send("--yes", "--force")
    assert forced.exit_code == 0, forced.output
    assert "warnung: Dieses Protokoll wurde bereits" in forced.stderr
    assert len(server.handler.messages) == 2
    assert received(server, 0)["Message-ID"] != received(server, 1)["Message-ID"]
    assert len(project.log_entries()) == 2


def test_changed_protocol_after_sending_also_needs_force(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    with_server(project, server)
    assert project.send("--yes").exit_code == 0
    project.protocol.write_text(SEED.read_text("utf-8").replace("noch offen", "8.12.2022"))
    result = project.send("--yes")
    assert_clean_failure(result, "Eine andere Fassung von „2022-11-10-stadtteiltisch.txt“")
    assert len(server.handler.messages) == 1


def test_failed_attempt_does_not_block_the_next(project: Project, smtp_server: StartServer) -> None:
    project.config = write_config(project.root, host="127.0.0.1", port=free_port())
    assert project.send("--yes").exit_code == 1
    server = smtp_server()
    assert with_server(project, server).send("--yes").exit_code == 0
    assert len(server.handler.messages) == 1


def test_invalid_addresses_are_reported_with_lines_before_connecting(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    before = server.handler.connections
    project.verteiler.write_text(VERTEILER + "Ohne At <ohne-at.example.org>\nkaputt@\n", "utf-8")
    result = with_server(project, server).send("--yes")
    assert result.exit_code == 1
    assert f"{project.verteiler}:7:1: fehler: Ungültige E-Mail-Adresse „ohne-at.example.org“" in (
        result.stderr
    )
    assert f"{project.verteiler}:8:1: fehler: Ungültige E-Mail-Adresse „kaputt@“" in result.stderr
    assert server.handler.connections == before
    assert not project.log.exists()


def test_password_in_the_config_file_is_refused(project: Project, smtp_server: StartServer) -> None:
    server = smtp_server()
    project.config = write_config(project.root, server, password="geheim")
    result = project.send("--yes")
    assert_clean_failure(result, "„password“: Passwörter gehören nicht in die Einstellungsdatei")
    assert server.handler.messages == []


def test_there_is_no_password_option(project: Project) -> None:
    result = project.send("--password", "x")
    assert result.exit_code == 2
    assert "Unbekannte Option" in result.output


def test_end_of_input_at_the_question_sends_nothing(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    result = with_server(project, server).send(input="")
    assert_clean_failure(result, "Abgebrochen – nichts gesendet.")
    assert server.handler.messages == []


def test_unreadable_send_log_stops_before_sending(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    project.log.mkdir()
    result = with_server(project, server).send("--yes")
    assert_clean_failure(result, "Versandprotokoll kann nicht gelesen werden")
    assert server.handler.connections == 1


def test_international_domain_goes_into_the_envelope_as_idna(
    project: Project, smtp_server: StartServer
) -> None:
    server = smtp_server()
    project.verteiler.write_text(VERTEILER + "Bäckerei <info@bäckerei.de>\n", "utf-8")
    result = with_server(project, server).send("--yes")
    assert result.exit_code == 0, result.output
    assert server.handler.messages[0].rcpt_tos == [*RECIPIENTS, "info@xn--bckerei-5wa.de"]
