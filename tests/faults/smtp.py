"""A small scripted SMTP server on 127.0.0.1 that misbehaves on purpose.

It answers like a real server (EHLO, MAIL, RCPT, DATA, RSET, QUIT) and stores what it accepts,
but can refuse recipients with 4xx or 5xx replies, and after DATA can drop the connection or
hang instead of confirming – the cases where the sender cannot know whether the message arrived.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from typing import Literal

Mode = Literal["ok", "drop", "hang", "hang_rcpt"]


@dataclass
class FaultyServer:
    """Serves each connection on a thread of its own until :meth:`stop`."""

    mode: Mode = "ok"
    refuse: dict[str, str] = field(default_factory=dict)
    """Address → reply for RCPT (``450 …`` or ``550 …``)."""
    delivered: list[list[str]] = field(default_factory=list)
    """The recipients of every message the server stored (also when it never confirmed)."""
    connections: int = 0
    port: int = 0

    def __post_init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(5)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self.waiting = threading.Event()
        """Set when the server starts to withhold a reply (after DATA, or at RCPT)."""
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self._listener.close()
        self._thread.join(timeout=10)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            self._talk(connection)

    def _talk(self, connection: socket.socket) -> None:
        stream = connection.makefile("rb")

        def say(line: str) -> None:
            connection.sendall(line.encode("utf-8") + b"\r\n")

        say("220 faulty.example.org ESMTP")
        recipients: list[str] = []
        while True:
            raw = stream.readline()
            if not raw:
                return
            command = raw.decode("ascii", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                say("250-faulty.example.org")
                say("250 8BITMIME")
            elif verb == "MAIL":
                recipients = []
                say("250 OK")
            elif verb == "RCPT":
                if self.mode == "hang_rcpt":
                    self.waiting.set()
                    self._stop.wait(30)
                    return
                address = command.partition("<")[2].partition(">")[0]
                if address in self.refuse:
                    say(self.refuse[address])
                else:
                    recipients.append(address)
                    say("250 OK")
            elif verb == "DATA":
                say("354 Ende mit <CRLF>.<CRLF>")
                while stream.readline() not in (b".\r\n", b""):
                    pass
                self.delivered.append(recipients)
                self.waiting.set()
                if self.mode == "drop":
                    return
                if self.mode == "hang":
                    self._stop.wait(30)
                    return
                say("250 2.0.0 angenommen")
            elif verb == "RSET":
                recipients = []
                say("250 OK")
            elif verb == "QUIT":
                say("221 Bye")
                return
            else:
                say("502 unbekannt")
