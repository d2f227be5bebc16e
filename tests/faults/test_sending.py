"""Exactly-once sending against a real (faulty) SMTP server on 127.0.0.1.

The server stores the message and then loses its reply (connection dropped, or it hangs), or
refuses single recipients with 4xx/5xx. Nobody may get the mail twice without an explicit
decision, and nothing is sent when the send log cannot be written first.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.faults.conftest import Run, Unchanged, assert_german, fill, run
from tests.faults.smtp import FaultyServer

RECIPIENTS = ["maren@example.org", "kathrin@example.org", "taize@example.net"]
VERTEILER = """Absender: Jörg Utpatel <joerg@example.org>
Maren Müller-Hinrichs <maren@example.org>
Kathrin Krug <kathrin@example.org>
taize@example.net
"""


@pytest.fixture
def server() -> Iterator[FaultyServer]:
    running = FaultyServer()
    yield running
    running.stop()


class Sender:
    """The project folder and how to call ``send`` there."""

    def __init__(self, root: Path, server: FaultyServer, archiv: Path | None = None) -> None:
        self.root = root
        self.archiv = archiv or root / "archiv"
        self.archiv.mkdir(exist_ok=True)
        self.protocol = self.archiv / SEED.name
        shutil.copyfile(SEED, self.protocol)
        (root / "verteiler.txt").write_text(VERTEILER, "utf-8")
        (root / "protokollkit.toml").write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\ntimeout = 2\n',
            "utf-8",
        )
        self.guard = Unchanged(self.protocol, root / "verteiler.txt")

    def send(self, *options: str) -> Run:
        result = run(
            "send", self.protocol, "--verteiler", "verteiler.txt", "--yes", *options, cwd=self.root
        )
        self.guard.check()
        return result

    def results(self) -> dict[str, str]:
        """Each address's last result in the send log."""
        states: dict[str, str] = {}
        log = self.archiv / "versand.log.jsonl"
        for line in log.read_text("utf-8").splitlines():
            for recipient in json.loads(line)["recipients"]:
                states[recipient["address"]] = recipient["result"]
        return states


@pytest.mark.parametrize("mode", ["drop", "hang"])
def test_a_lost_reply_after_data_is_unknown_and_blocks_a_plain_resend(
    tmp_path: Path, server: FaultyServer, mode: str
) -> None:
    sender = Sender(tmp_path, server)
    server.mode = "drop" if mode == "drop" else "hang"
    first = sender.send()
    assert_german(first, 1, "unbekannt", "maren@example.org")
    assert server.delivered == [RECIPIENTS]
    assert set(sender.results().values()) == {"unbekannt"}

    server.mode = "ok"
    connections = server.connections
    again = sender.send()
    assert_german(again, 1, "unbekannt", "Kathrin Krug", " um ", "--als-zugestellt")
    assert "--unbekannte-erneut" in again.err
    assert server.connections == connections and len(server.delivered) == 1

    resend = sender.send("--unbekannte-erneut")
    assert_german(resend, 0, "Gesendet an 3 von 3")
    assert server.delivered == [RECIPIENTS, RECIPIENTS]
    assert_german(sender.send(), 1, "bereits am")
    assert len(server.delivered) == 2


def test_marking_the_unknown_send_as_delivered_sends_nothing(
    tmp_path: Path, server: FaultyServer
) -> None:
    sender = Sender(tmp_path, server)
    server.mode = "drop"
    assert_german(sender.send(), 1, "unbekannt")
    server.mode = "ok"
    assert_german(sender.send("--als-zugestellt"), 0, "Vermerkt", "Nichts gesendet")
    assert set(sender.results().values()) == {"sent"}
    assert_german(sender.send(), 1, "bereits am", "an 3 Empfänger*innen")
    assert len(server.delivered) == 1


@pytest.mark.parametrize("reply", ["450 4.2.1 Postfach voll, später", "550 5.1.1 unbekannt"])
def test_a_refused_recipient_gets_it_later_without_the_others_again(
    tmp_path: Path, server: FaultyServer, reply: str
) -> None:
    sender = Sender(tmp_path, server)
    server.refuse = {"kathrin@example.org": reply}
    first = sender.send()
    assert_german(first, 1, "Gesendet an 2 von 3", reply, "--nur-fehlgeschlagene")
    assert server.delivered == [["maren@example.org", "taize@example.net"]]
    plain = sender.send()
    assert_german(plain, 1, "bereits am", "--nur-fehlgeschlagene")
    server.refuse = {}
    retry = sender.send("--nur-fehlgeschlagene")
    assert_german(retry, 0, "Gesendet an 1 von 1")
    assert server.delivered[1] == ["kathrin@example.org"]
    assert set(sender.results().values()) == {"sent"}
    assert_german(sender.send("--nur-fehlgeschlagene"), 0, "Niemand zu senden")
    assert len(server.delivered) == 2


def test_nothing_is_sent_when_the_log_cannot_be_written(
    tmp_path: Path, server: FaultyServer
) -> None:
    sender = Sender(tmp_path, server)
    (sender.archiv / "versand.log.jsonl").mkdir()
    result = sender.send()
    assert_german(result, 1, "versand.log.jsonl")
    assert server.connections == 0 and server.delivered == []


def test_a_pipe_as_send_log_is_refused_without_waiting(
    tmp_path: Path, server: FaultyServer
) -> None:
    import os

    sender = Sender(tmp_path, server)
    os.mkfifo(sender.archiv / "versand.log.jsonl")
    assert_german(sender.send(), 1, "keine gewöhnliche Datei")
    assert server.connections == 0


def test_a_second_send_while_one_is_running_is_refused(
    tmp_path: Path, server: FaultyServer
) -> None:
    import fcntl
    import os

    sender = Sender(tmp_path, server)
    lock = sender.archiv / ".versand.log.jsonl.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a send in another process would
        assert_german(sender.send(), 1, "anderer Versand", "nichts gesendet")
    finally:
        os.close(fd)
    assert server.connections == 0
    assert_german(sender.send(), 0, "Gesendet an 3 von 3")


def test_nothing_is_sent_on_a_full_disk(
    tmp_path: Path, server: FaultyServer, small_disk: Path
) -> None:
    sender = Sender(tmp_path, server, archiv=small_disk / "archiv")
    fill(small_disk)
    result = sender.send()
    assert_german(result, 1, "Nichts gesendet", "kein Platz mehr")
    assert server.connections == 0 and server.delivered == []


def test_the_password_is_not_asked_before_starttls_is_known_to_work(
    tmp_path: Path, server: FaultyServer
) -> None:
    sender = Sender(tmp_path, server)
    (tmp_path / "protokollkit.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nuser = "joerg"\ntimeout = 2\n',
        "utf-8",
    )
    result = sender.send()
    assert_german(result, 1, "bietet kein STARTTLS an")
    assert "Passwort" not in result.output
    assert server.delivered == []


@pytest.mark.parametrize("mode", ["hang", "hang_rcpt"])
def test_a_send_killed_while_waiting_leaves_the_truth_in_the_log(
    tmp_path: Path, server: FaultyServer, mode: str
) -> None:
    import os
    import signal
    import subprocess

    from tests.conftest import ROOT
    from tests.faults.conftest import PROTOKOLLKIT

    sender = Sender(tmp_path, server)
    config = tmp_path / "protokollkit.toml"
    config.write_text(config.read_text("utf-8").replace("timeout = 2", "timeout = 60"), "utf-8")
    server.mode = "hang" if mode == "hang" else "hang_rcpt"
    process = subprocess.Popen(
        [*PROTOKOLLKIT, "send", str(sender.protocol), "--verteiler", "verteiler.txt", "--yes"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert server.waiting.wait(60), "the send never reached the server"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    server.mode = "ok"
    if mode == "hang":  # the message was transmitted: its fate is unknown
        assert set(sender.results().values()) == {"unbekannt"}
        assert_german(sender.send(), 1, "unbekannt", "--als-zugestellt")
        assert len(server.delivered) == 1
    else:  # killed before DATA: nothing left, a plain send is right
        assert set(sender.results().values()) == {"failed"}
        assert_german(sender.send(), 0, "Gesendet an 3 von 3")
        assert server.delivered == [RECIPIENTS]
