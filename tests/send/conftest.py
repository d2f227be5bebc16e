"""A real SMTP server (aiosmtpd) on 127.0.0.1 per test, with optional STARTTLS and AUTH."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

USER = "protokoll@example.org"
PASSWORD = "Geheim – „sicher“ 123"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Received:
    """One message as the server got it: envelope and raw bytes."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class RecordingHandler:
    """Stores every message; refuses the addresses in ``refuse`` at RCPT TO."""

    refuse: set[str] = field(default_factory=set)
    data_reply: str | None = None
    messages: list[Received] = field(default_factory=list)
    connections: int = 0

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 Postfach unbekannt"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply is not None:
            return self.data_reply
        assert envelope.mail_from is not None and envelope.original_content is not None
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        )
        return "250 Message accepted for delivery"


class CountingController(Controller):
    """A Controller that counts the connections its server accepted."""

    handler: RecordingHandler

    def factory(self) -> SMTP:
        self.handler.connections += 1
        server: SMTP = super().factory()  # type: ignore[no-untyped-call]
        return server


@dataclass
class Server:
    """A running test server."""

    host: str
    port: int
    handler: RecordingHandler
    controller: CountingController


def authenticator(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    """Accept only USER with PASSWORD."""
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class Tls:
    """A throwaway CA, the server context with a certificate for 127.0.0.1, and the CA file."""

    server_context: ssl.SSLContext
    cafile: Path


@pytest.fixture
def tls(tmp_path: Path) -> Tls:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    return Tls(context, cafile)


StartServer = Callable[..., Server]


@pytest.fixture
def smtp_server() -> Iterator[StartServer]:
    """Start servers with ``smtp_server(handler=…, **aiosmtpd SMTP options)``; stopped after."""
    running: list[CountingController] = []

    def start(handler: RecordingHandler | None = None, **options: Any) -> Server:
        handler = handler or RecordingHandler()
        port = free_port()
        controller = CountingController(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        running.append(controller)
        return Server("127.0.0.1", port, handler, controller)

    yield start
    for controller in running:
        controller.stop()


@pytest.fixture
def starttls_server(smtp_server: StartServer, tls: Tls) -> Server:
    """A server that requires STARTTLS and AUTH (USER / PASSWORD)."""
    return smtp_server(
        tls_context=tls.server_context,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=True,
    )


def write_config(folder: Path, server: Server | None = None, **smtp: Any) -> Path:
    """Write ``protokollkit.toml`` for ``server`` into ``folder``; ``smtp`` adds or overrides."""
    values: dict[str, Any] = {"security": "none", "timeout": 10}
    if server is not None:
        values |= {"host": server.host, "port": server.port}
    values |= smtp
    lines = ["[smtp]"]
    for key, value in values.items():
        if value is None:
            continue
        rendered = str(value) if isinstance(value, int | float) else f'"{value}"'
        lines.append(f"{key} = {rendered}")
    path = folder / "protokollkit.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path
