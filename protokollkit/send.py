"""Sending a protocol to its distribution list over SMTP, with a dry run and a send log.

The message comes from :func:`protokollkit.writers.email.build_message`. Before it leaves, every
``To``/``Cc``/``Bcc`` header and ``X-Unsent`` are removed: the visible ``To`` is the sender (or
the configured list address) and the recipients travel only in the SMTP envelope, so no address
is exposed.

Exactly once: every attempt is recorded in ``versand.log.jsonl`` beside the protocol *before*
anything is sent, the recipients the server took are marked ``unbekannt`` right before the
message is transmitted, and the outcome replaces that afterwards (see "the send log" below). A
later send refuses while an outcome is unknown, until the user decides (``--als-zugestellt`` or
``--unbekannte-erneut``); ``--nur-fehlgeschlagene`` reaches only those who were refused.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from protokollkit.config import SmtpSettings, is_address
from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError

if TYPE_CHECKING:
    import smtplib
    import ssl

PASSWORD_VARIABLE = "PROTOKOLLKIT_SMTP_PASSWORD"
"""The environment variable the SMTP password is read from."""

LOG_NAME = "versand.log.jsonl"
"""The send log's file name, in the folder of the protocol (usually ``archiv/``)."""

STRIPPED_HEADERS = ("To", "Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc", "X-Unsent")
"""Headers of the built message that never leave: recipients go in the envelope only."""


class SendError(ProtokollkitError):
    """Sending failed as a whole (server unreachable, TLS, login, size, timeout …)."""


@dataclass(frozen=True)
class Addressee:
    """One recipient: display name, address, and the line of the distribution list it is on."""

    name: str
    address: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass(frozen=True)
class Outgoing:
    """A message ready to go: what is transmitted, to whom, and which protocol file it carries."""

    message: EmailMessage
    envelope_from: str
    recipients: tuple[Addressee, ...]
    source: Path
    sha256: str
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def message_id(self) -> str:
        """The Message-ID header of the message."""
        return str(self.message["Message-ID"] or "")

    @property
    def subject(self) -> str:
        """The decoded subject."""
        return str(self.message["Subject"] or "")

    @property
    def log_path(self) -> Path:
        """Where the send log of this protocol lives."""
        return self.source.parent / LOG_NAME


@dataclass(frozen=True)
class Delivery:
    """The server's answer: who was accepted, who was refused (address → SMTP reply), and for
    whom the outcome is unknown (the message went out but the server's reply was lost)."""

    accepted: tuple[str, ...]
    refused: dict[str, str] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    failure: str | None = None

    @property
    def complete(self) -> bool:
        """Every recipient was accepted."""
        return not self.refused and not self.unknown


class UnknownOutcome(SendError):
    """The message was transmitted but the server's final reply never came: it may or may not
    have been delivered. Carries the recipients concerned."""

    def __init__(self, message: str, delivery: Delivery) -> None:
        super().__init__(message)
        self.delivery = delivery


SENT = "sent"
REFUSED = "refused"
FAILED = "failed"
UNKNOWN = "unbekannt"
"""The results a recipient can have in the send log."""

Password = str | None | Callable[[], str | None]
"""The SMTP password, or a function asked for it once the connection is secured."""


# --- building the outgoing message ------------------------------------------------------------


def message_bytes(message: EmailMessage) -> bytes:
    """The message exactly as transmitted: CRLF line ends, RFC 2047-encoded headers."""
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def check_recipients(recipients: Sequence[Addressee], source: str) -> tuple[Addressee, ...]:
    """Refuse invalid or missing addresses (with line numbers); drop repeated addresses."""
    problems = [
        Diagnostic(
            "error",
            f"Ungültige Mailadresse „{r.address}“"
            + ("." if r.address.isascii() else " (Umlaute und Sonderzeichen gehen nur im Namen)."),
            source,
            r.line,
            1,
        )
        for r in recipients
        if not is_address(r.address)
    ]
    if problems:
        raise ParseError(problems)
    if not recipients:
        raise ParseError(
            [Diagnostic("error", "Der Verteiler enthält keine Empfänger*innen.", source)]
        )
    seen: set[str] = set()
    unique = []
    for recipient in recipients:
        key = recipient.address.lower()
        if key not in seen:
            seen.add(key)
            unique.append(recipient)
    return tuple(unique)


def prepare_message(
    built: EmailMessage,
    recipients: Sequence[Addressee],
    *,
    source: Path,
    content: bytes,
    settings: SmtpSettings | None = None,
    sender: Addressee | None = None,
    verteiler_source: str = "<verteiler>",
    diagnostics: Sequence[Diagnostic] = (),
) -> Outgoing:
    """The copy of ``built`` that is transmitted, and its envelope.

    ``To``/``Cc``/``Bcc`` and ``X-Unsent`` are removed; ``To`` becomes the list address of the
    settings, else the sender. ``From`` is kept; without one, the Verteiler's or the settings'
    sender is used. The envelope sender is ``settings.sender`` if set, else the ``From`` address.
    """
    message = copy.deepcopy(built)
    for header in STRIPPED_HEADERS:
        del message[header]
    if message["From"] is None:
        if sender is not None:
            from protokollkit.writers.email import literal

            message["From"] = Address(display_name=literal(sender.name), addr_spec=sender.address)
        elif settings is not None and settings.sender:
            message["From"] = settings.sender
        else:
            raise ProtokollkitError(
                "Kein Absender: bitte „Absender: Name <adresse>“ in den Verteiler oder "
                "„sender“ in [smtp] der protokollkit.toml eintragen."
            )
    from_address = parseaddr(str(message["From"]))[1]
    envelope_from = (settings.sender if settings and settings.sender else None) or from_address
    if not is_address(envelope_from):
        raise ProtokollkitError(f"Ungültige Absenderadresse „{envelope_from}“.")
    if settings is not None and settings.list_address:
        message["To"] = settings.list_address
    else:
        message["To"] = str(message["From"])
    if message["Date"] is None:
        message["Date"] = formatdate(localtime=True)
    if message["Message-ID"] is None:
        message["Message-ID"] = make_msgid(domain=envelope_from.rpartition("@")[2])
    return Outgoing(
        message=message,
        envelope_from=envelope_from,
        recipients=check_recipients(recipients, verteiler_source),
        source=source,
        sha256=hashlib.sha256(content).hexdigest(),
        diagnostics=tuple(diagnostics),
    )


def envelope_address(address: str) -> str:
    """The address as SMTP carries it: an international domain in its ASCII (IDNA) form."""
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return address


def prepare(
    path: Path, verteiler: Path | None = None, settings: SmtpSettings | None = None
) -> Outgoing:
    """Read the protocol and the distribution list and build the outgoing message.

    Invalid addresses raise :class:`ParseError` (file and line) before anything is sent.
    """
    import protokollkit
    from protokollkit.files import display, read_bytes, source_text
    from protokollkit.validate import ensure_writable
    from protokollkit.verteiler import read_verteiler
    from protokollkit.writers import now
    from protokollkit.writers.email import build_message

    content = read_bytes(path)
    protocol = protokollkit.read(path)
    ensure_writable(protocol, display(path), source_text(path))
    distribution = read_verteiler(verteiler)
    recipients = [
        Addressee(r.name, envelope_address(r.address), r.line) for r in distribution.recipients
    ]
    sender = distribution.sender
    # The recipients travel only in the envelope: the message is built without them (a Bcc
    # header of 10,000 addresses took seconds to parse and copy for nothing).
    return prepare_message(
        build_message(protocol, replace(distribution, recipients=()), stamp=now()),
        recipients,
        source=path,
        content=content,
        settings=settings,
        sender=Addressee(sender.name, sender.address, sender.line) if sender else None,
        verteiler_source=str(distribution.source),
        diagnostics=protocol.diagnostics,
    )


# --- describing ---------------------------------------------------------------------------------


def human_size(size: int) -> str:
    """A byte count the German way: ``512 Bytes``, ``48,2 KiB``, ``1,5 MiB``."""
    if size < 1024:
        return f"{size} Bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MiB".replace(".", ",")


def attachments(message: EmailMessage) -> list[tuple[str, int]]:
    """File name and size in bytes of every attachment."""
    result = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        size = len(payload) if isinstance(payload, bytes) else 0
        result.append((part.get_filename() or "(ohne Namen)", size))
    return result


def server_line(settings: SmtpSettings) -> str:
    """``host:port (STARTTLS), Anmeldung als user`` for messages."""
    security = {"starttls": "STARTTLS", "tls": "TLS", "none": "unverschlüsselt"}[settings.security]
    login = f", Anmeldung als {settings.user}" if settings.user else ", ohne Anmeldung"
    return f"{settings.host}:{settings.port} ({security}{login})"


def describe(
    outgoing: Outgoing,
    settings: SmtpSettings | None,
    previous: Sequence[dict[str, Any]] = (),
) -> str:
    """The dry run's report: recipients, subject, attachments and sizes, server, earlier sends."""
    lines = [
        "Probelauf – es wird nichts gesendet.",
        f"Protokoll:  {outgoing.source}",
        f"Betreff:    {outgoing.subject}",
        f"Von:        {outgoing.message['From']}",
        f"An:         {outgoing.message['To']} (sichtbar; alle Empfänger*innen als Bcc)",
        "Server:     "
        + (
            server_line(settings)
            if settings
            else "keine Einstellungen (protokollkit.toml) gefunden"
        ),
        f"Empfänger*innen ({len(outgoing.recipients)}):",
    ]
    lines += [f"  {r}" for r in outgoing.recipients]
    files = attachments(outgoing.message)
    lines.append(f"Anhänge ({len(files)}):")
    width = max((len(name) for name, _ in files), default=0)
    lines += [f"  {name.ljust(width)}  {human_size(size)}" for name, size in files]
    lines.append(f"Größe der Nachricht: {human_size(len(message_bytes(outgoing.message)))}")
    if previous:
        lines.append("Achtung: " + already_sent(outgoing, previous))
    return "\n".join(lines)


def _who(outgoing: Outgoing, address: str) -> str:
    names = {r.address: r for r in outgoing.recipients}
    who = names.get(address, Addressee("", address))
    where = f" (Verteiler Zeile {who.line})" if who.line else ""
    return f"{who}{where}"


def report(outgoing: Outgoing, delivery: Delivery) -> str:
    """The result per address after a send."""
    total = len(outgoing.recipients)
    lines = [f"Gesendet an {len(delivery.accepted)} von {total} Empfänger*innen."]
    if delivery.refused:
        lines.append("Vom Server abgelehnt (diese Empfänger*innen haben nichts erhalten):")
        for address, reply in delivery.refused.items():
            lines.append(f"  {_who(outgoing, address)}: {reply}")
        lines.append(
            "Nur an sie noch einmal senden (etwa nach einer vorübergehenden Ablehnung): "
            "mit --nur-fehlgeschlagene."
        )
    lines.append(f"Festgehalten in {outgoing.log_path}.")
    return "\n".join(lines)


# --- the send log -------------------------------------------------------------------------------
#
# One JSON line per attempt. The line is written *before* anything is sent (stage "absicht":
# every recipient "failed" – nothing has left yet), rewritten right before the message is
# transmitted (stage "daten": the recipients the server took are "unbekannt") and rewritten with
# the outcome (stage "ergebnis"). A kill or a lost server reply therefore leaves "unbekannt" in
# the log, and a later plain send refuses instead of delivering twice.


def read_log(path: Path) -> list[dict[str, Any]]:
    """Every entry of a send log; a missing log is empty, a damaged one a German error."""
    from protokollkit.files import display

    if not path.exists() and not path.is_symlink():
        return []
    try:
        text = _log_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtokollkitError(
            f"{display(path)}: Versandprotokoll kann nicht gelesen werden (kein UTF-8)."
        ) from None
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            entry = None
        if not isinstance(entry, dict):
            raise ProtokollkitError(
                f"{display(path)}:{number}: Versandprotokoll ist beschädigt (kein JSON-Objekt); "
                "bitte die Zeile prüfen."
            )
        entries.append(entry)
    return entries


def _concerns(entry: dict[str, Any], outgoing: Outgoing) -> bool:
    return bool(
        entry.get("sha256") == outgoing.sha256
        or entry.get("protocol") == _log_name(outgoing.source)
    )


def _recipients_of(entry: dict[str, Any]) -> list[dict[str, Any]]:
    recipients = entry.get("recipients")
    return [r for r in recipients if isinstance(r, dict)] if isinstance(recipients, list) else []


def previous_sends(outgoing: Outgoing) -> list[dict[str, Any]]:
    """Earlier log entries of the same protocol (same content or same file) that reached anyone."""
    return [
        entry
        for entry in read_log(outgoing.log_path)
        if _concerns(entry, outgoing)
        and any(r.get("result") == SENT for r in _recipients_of(entry))
    ]


@dataclass(frozen=True)
class LastResult:
    """A recipient's last outcome for this protocol in the send log."""

    result: str
    time: str
    reply: str | None = None


def last_results(outgoing: Outgoing) -> dict[str, LastResult]:
    """Address (lower case) → the last outcome logged for this protocol."""
    states: dict[str, LastResult] = {}
    for entry in read_log(outgoing.log_path):
        if not _concerns(entry, outgoing):
            continue
        for recipient in _recipients_of(entry):
            address = str(recipient.get("address", "")).lower()
            result = str(recipient.get("result", FAILED))
            reply = recipient.get("reply")
            states[address] = LastResult(
                result, str(entry.get("time", "")), str(reply) if reply else None
            )
    return states


def recipients_with(outgoing: Outgoing, *results: str) -> tuple[Addressee, ...]:
    """The recipients of the Verteiler whose last logged outcome is one of ``results``."""
    states = last_results(outgoing)
    return tuple(
        r
        for r in outgoing.recipients
        if r.address.lower() in states and states[r.address.lower()].result in results
    )


def when(time: str) -> str:
    """An ISO time of the log as ``10.11.2022 um 18:04 Uhr``."""
    try:
        return dt.datetime.fromisoformat(time).strftime("%d.%m.%Y um %H:%M Uhr")
    except ValueError:
        return time


def names(recipients: Sequence[Addressee], limit: int = 10) -> str:
    """``a, b, c und 7 weitere``."""
    shown = [str(r) for r in recipients[:limit]]
    rest = len(recipients) - len(shown)
    return ", ".join(shown) + (f" und {rest} weitere" if rest > 0 else "")


def unknown_outcome(outgoing: Outgoing, unknown: Sequence[Addressee]) -> str:
    """The German explanation why a plain send refuses after an unknown outcome."""
    states = last_results(outgoing)
    first = states.get(unknown[0].address.lower()) if unknown else None
    time = when(first.time) if first else "?"
    reason = f" ({first.reply})" if first and first.reply else ""
    return (
        f"Beim Versand am {time} ist unbekannt, ob die Mail bei {len(unknown)} "
        f"Empfänger*innen angekommen ist: die Nachricht wurde übertragen, aber die Bestätigung "
        f"des Mailservers kam nicht an{reason}. Betroffen: {names(unknown)}.\n" + choices(outgoing)
    )


def choices(outgoing: Outgoing) -> str:
    """The two decisions after an unknown outcome, as German lines."""
    from protokollkit.files import display

    command = f"protokollkit send {display(outgoing.source)}"
    return (
        "Es wird nichts gesendet, bis Sie entscheiden:\n"
        f"  – Die Mail ist angekommen (z. B. bei jemandem nachgefragt): „{command} "
        "--als-zugestellt“ vermerkt das, ohne zu senden.\n"
        f"  – Die Mail ist nicht angekommen: „{command} --unbekannte-erneut“ sendet nur an diese "
        "Empfänger*innen noch einmal (wer sie doch schon hat, bekommt sie dann doppelt)."
    )


def already_sent(outgoing: Outgoing, previous: Sequence[dict[str, Any]]) -> str:
    """The German warning about an earlier send of this protocol."""
    last = previous[-1]
    count = sum(1 for r in _recipients_of(last) if r.get("result") == SENT)
    which = (
        "Dieses Protokoll wurde"
        if last.get("sha256") == outgoing.sha256
        else f"Eine andere Fassung von „{outgoing.source.name}“ wurde"
    )
    return (
        f"{which} bereits am {when(str(last.get('time')))} an {count} Empfänger*innen "
        f"verschickt ({outgoing.log_path})."
    )


def log_entry(
    outgoing: Outgoing,
    settings: SmtpSettings,
    delivery: Delivery | None,
    failure: str | None = None,
    *,
    attempt: str | None = None,
    stage: str = "ergebnis",
) -> dict[str, Any]:
    """One line of the send log: protocol, checksum, Message-ID, time, result per recipient."""
    recipients = []
    for r in outgoing.recipients:
        if delivery is None:
            result, reply = FAILED, failure
        elif r.address in delivery.refused:
            result, reply = REFUSED, delivery.refused[r.address]
        elif r.address in delivery.unknown:
            result, reply = UNKNOWN, delivery.failure
        else:
            result, reply = SENT, None
        recipients.append({"address": r.address, "name": r.name, "result": result, "reply": reply})
    return {
        "time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "attempt": attempt or uuid.uuid4().hex,
        "stage": stage,
        "protocol": _log_name(outgoing.source),
        "sha256": outgoing.sha256,
        "message_id": outgoing.message_id,
        "subject": outgoing.subject,
        "from": outgoing.envelope_from,
        "server": f"{settings.host}:{settings.port}",
        "recipients": recipients,
        "error": failure,
    }


def _log_name(path: Path) -> str:
    """The protocol's file name as the send log keeps it: bytes that are not UTF-8 as
    ``\\xNN`` (the log is UTF-8; such a name ended the send in „interner Fehler“)."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


LOG_LIMIT = 512 * 1024 * 1024
"""The send log is read whole; larger than this it is refused (a line per send and address)."""


def _log_bytes(path: Path) -> bytes:
    """The send log's bytes (a regular file only: a pipe there must not block the send)."""
    from protokollkit.files import display, read_bytes

    try:
        return read_bytes(path, LOG_LIMIT)
    except ParseError as exc:
        reason = exc.diagnostics[0].message if exc.diagnostics else ""
        raise ProtokollkitError(
            f"{display(path)}: Versandprotokoll kann nicht gelesen werden: {reason}"
        ) from None


def _log_lines(path: Path) -> list[bytes]:
    if not path.exists() and not path.is_symlink():
        return []
    return [line for line in _log_bytes(path).split(b"\n") if line.strip()]


def append_log(path: Path, entry: dict[str, Any]) -> None:
    """Add one JSON line to the send log (the file is replaced atomically)."""
    from protokollkit.files import write_atomic

    lines = [*_log_lines(path), json.dumps(entry, ensure_ascii=False).encode("utf-8")]
    write_atomic(path, b"\n".join(lines) + b"\n")


def update_log(path: Path, entry: dict[str, Any]) -> None:
    """Replace the line of the same attempt with ``entry`` (append it when there is none)."""
    from protokollkit.files import write_atomic

    encoded = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    lines = _log_lines(path)
    for index, line in enumerate(lines):
        try:
            old = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(old, dict) and old.get("attempt") == entry["attempt"]:
            lines[index] = encoded
            break
    else:
        lines.append(encoded)
    write_atomic(path, b"\n".join(lines) + b"\n")


@contextlib.contextmanager
def send_lock(log_path: Path) -> Iterator[None]:
    """Hold the send lock of an archive (``.versand.log.jsonl.lock`` beside the log).

    A second ``send`` from the same archive while one is running is refused: both would read the
    log before either wrote to it, and the mail could go out twice.
    """
    import fcntl

    from protokollkit.files import display, os_error

    lock = log_path.with_name(f".{log_path.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise SendError(f"Nichts gesendet: {os_error(exc, lock)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SendError(
                f"Gerade läuft ein anderer Versand aus {display(log_path.parent)}; nichts "
                "gesendet. Bitte warten, bis er fertig ist, und dann erneut aufrufen."
            ) from None
        yield
    finally:
        os.close(fd)


def mark_delivered(outgoing: Outgoing, settings: SmtpSettings) -> tuple[Addressee, ...]:
    """Record the user's decision that the mail with an unknown outcome did arrive."""
    unknown = recipients_with(outgoing, UNKNOWN)
    if not unknown:
        raise ProtokollkitError(
            "Im Versandprotokoll steht bei niemandem ein unbekanntes Ergebnis; nichts vermerkt."
        )
    confirmed = replace(outgoing, recipients=unknown)
    entry = log_entry(confirmed, settings, Delivery(tuple(r.address for r in unknown)))
    entry["stage"] = "als-zugestellt"
    entry["error"] = "von Hand als zugestellt vermerkt"
    append_log(outgoing.log_path, entry)
    return unknown


def fresh_message_id(outgoing: Outgoing) -> Outgoing:
    """The same outgoing message with a new Message-ID if its ID is already in the send log."""
    used = {entry.get("message_id") for entry in read_log(outgoing.log_path)}
    if outgoing.message_id not in used:
        return outgoing
    message = copy.deepcopy(outgoing.message)
    message.replace_header(
        "Message-ID", make_msgid(domain=outgoing.envelope_from.rpartition("@")[2])
    )
    return Outgoing(
        message,
        outgoing.envelope_from,
        outgoing.recipients,
        outgoing.source,
        outgoing.sha256,
        outgoing.diagnostics,
    )


# --- SMTP ---------------------------------------------------------------------------------------


def password_from_environment() -> str | None:
    """The password from ``PROTOKOLLKIT_SMTP_PASSWORD``, or None when it is not set."""
    return os.environ.get(PASSWORD_VARIABLE) or None


def _too_large(size: int, limit: int | None = None) -> SendError:
    allowed = f" (erlaubt: {human_size(limit)})" if limit else ""
    return SendError(
        f"Die Nachricht ist dem Mailserver zu groß: {human_size(size)}{allowed}. "
        "Nichts wurde gesendet; bitte die Anhänge verkleinern."
    )


def _timeout(settings: SmtpSettings) -> SendError:
    return SendError(
        f"Zeitüberschreitung: der Mailserver {settings.host}:{settings.port} hat nicht innerhalb "
        f"von {settings.timeout:g} Sekunden geantwortet."
    )


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a password beyond ASCII goes as UTF-8 with AUTH PLAIN (smtplib sends only ASCII)."""
    import base64
    import smtplib

    if (user + password).isascii():
        client.login(user, password)
        return
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise SendError(
            "Das Passwort enthält Sonderzeichen; dafür muss der Mailserver AUTH PLAIN anbieten."
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, reply)


def _quoted(data: bytes) -> bytes:
    """The message as the DATA phase transmits it: leading dots doubled, ended by ``.``."""
    quoted = re.sub(rb"(?m)^\.", b"..", data)
    if not quoted.endswith(b"\r\n"):
        quoted += b"\r\n"
    return quoted + b".\r\n"


def _transmit(
    client: smtplib.SMTP,
    outgoing: Outgoing,
    data: bytes,
    before_data: Callable[[Delivery], None] | None,
    where: str,
) -> Delivery:
    """MAIL, RCPT per recipient, then DATA; ``before_data`` runs right before the message leaves.

    From the moment the message is on its way, a lost reply is an :class:`UnknownOutcome`.
    """
    refused = _envelope(client, outgoing, len(data))
    accepted = tuple(r.address for r in outgoing.recipients if r.address not in refused)
    if not accepted:
        client.rset()
        return Delivery((), refused)
    if before_data is not None:
        try:
            before_data(Delivery((), refused, unknown=accepted))
        except BaseException:
            client.rset()
            raise
    return _data(client, data, accepted, refused, where)


def _envelope(client: smtplib.SMTP, outgoing: Outgoing, size: int) -> dict[str, str]:
    """MAIL FROM and one RCPT TO per recipient; the refused recipients with the server's reply.
    A refused sender or a server closing (421) is raised."""
    import smtplib

    options = [f"size={size}"] if client.does_esmtp and client.has_extn("size") else []
    code, reply = client.mail(outgoing.envelope_from, options)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, outgoing.envelope_from)
    refused: dict[str, str] = {}
    for recipient in outgoing.recipients:
        code, reply = client.rcpt(recipient.address)
        if code not in (250, 251):
            refused[recipient.address] = _reply_of(code, reply)
        if code == 421:
            raise smtplib.SMTPResponseException(code, reply)
    return refused


def _data(
    client: smtplib.SMTP,
    data: bytes,
    accepted: tuple[str, ...],
    refused: dict[str, str],
    where: str,
) -> Delivery:
    """The DATA phase: the message, then the server's verdict for all accepted recipients."""
    import smtplib

    client.putcmd("data")
    code, reply = client.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    try:
        client.send(_quoted(data))
        code, reply = client.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        timeout = isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError)
        why = "Zeitüberschreitung" if timeout else "Verbindung unterbrochen"
        lost = Delivery((), refused, unknown=accepted, failure=f"{why} nach dem Übertragen")
        raise UnknownOutcome(
            f"Der Mailserver {where} hat nach dem Übertragen der Nachricht nicht bestätigt "
            f"({why}); ob sie angekommen ist, ist unbekannt.",
            lost,
        ) from None
    if code == 552:
        raise smtplib.SMTPDataError(code, reply)
    if code != 250:
        answer = _reply_of(code, reply)
        return Delivery((), {**refused, **{a: answer for a in accepted}})
    return Delivery(accepted, refused)


def deliver(
    outgoing: Outgoing,
    settings: SmtpSettings,
    password: Password,
    before_data: Callable[[Delivery], None] | None = None,
) -> Delivery:
    """Connect, secure, log in, and transmit. Failures of the whole send raise SendError.

    ``password`` may be a function: it is called only once the server's STARTTLS and AUTH
    have been checked. ``before_data`` is called with the recipients the server accepted right
    before the message is transmitted (the send log records the intent there); if it raises,
    nothing is sent.
    """
    import smtplib

    data = message_bytes(outgoing.message)
    try:
        return _session(outgoing, settings, password, before_data, data)
    except SendError:
        raise
    except smtplib.SMTPException as exc:
        raise _smtp_error(exc, settings, len(data)) from None
    except (OSError, UnicodeEncodeError) as exc:
        raise _connection_error(exc, settings) from None


def _where(settings: SmtpSettings) -> str:
    return f"{settings.host}:{settings.port}"


def _session(
    outgoing: Outgoing,
    settings: SmtpSettings,
    password: Password,
    before_data: Callable[[Delivery], None] | None,
    data: bytes,
) -> Delivery:
    """One SMTP session from connecting to QUIT; errors are the libraries' own."""
    import ssl

    context = ssl.create_default_context(cafile=str(settings.cafile) if settings.cafile else None)
    client = _connect(settings, context)
    try:
        _secure(client, settings, context)
        _authenticate(client, settings, password)
        _check_size(client, len(data))
        return _transmit(client, outgoing, data, before_data, _where(settings))
    finally:
        _close(client)


def _connect(settings: SmtpSettings, context: ssl.SSLContext) -> smtplib.SMTP:
    """The connection: TLS from the first byte for ``tls``, plain for the others."""
    import smtplib

    if settings.security == "tls":
        return smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)


def _secure(client: smtplib.SMTP, settings: SmtpSettings, context: ssl.SSLContext) -> None:
    """Greet the server; with ``starttls`` switch to TLS, or refuse a server that cannot."""
    client.ehlo_or_helo_if_needed()
    if settings.security != "starttls":
        return
    if not client.has_extn("starttls"):
        raise SendError(
            f"Der Mailserver {_where(settings)} bietet kein STARTTLS an; ohne Verschlüsselung "
            "wird nicht gesendet (security in protokollkit.toml prüfen)."
        )
    client.starttls(context=context)
    client.ehlo()


def _authenticate(client: smtplib.SMTP, settings: SmtpSettings, password: Password) -> None:
    """Log in when a user is configured; the password is asked for only now."""
    import smtplib

    if not settings.user:
        return
    if not client.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError()
    secret = password() if callable(password) else password
    _login(client, settings.user, secret or "")


def _check_size(client: smtplib.SMTP, size: int) -> None:
    """Refuse before MAIL a message larger than the server's declared SIZE."""
    limit = client.esmtp_features.get("size", "")
    if limit.isdigit() and 0 < int(limit) < size:
        raise _too_large(size, int(limit))


def _close(client: smtplib.SMTP) -> None:
    """QUIT politely, or just close a connection that is already broken."""
    import smtplib

    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _smtp_error(exc: smtplib.SMTPException, settings: SmtpSettings, size: int) -> SendError:
    """The German message for what the server said (or did not say)."""
    import smtplib

    where = _where(settings)
    if isinstance(exc, smtplib.SMTPResponseException) and _not_smtp(exc):
        return SendError(
            f"Unter {where} antwortet kein Mailserver (die Antwort ist kein SMTP); "
            "„host“ und „port“ in protokollkit.toml prüfen."
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return SendError(
            f"Anmeldung am Mailserver {settings.host} abgelehnt (Benutzer „{settings.user}“): "
            f"Passwort oder Benutzername falsch? Antwort des Servers: {_reply(exc)}"
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return SendError(
            f"Der Mailserver {where} bietet keine Anmeldung (AUTH) an; „user“ in "
            "protokollkit.toml prüfen."
        )
    if isinstance(exc, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        if exc.smtp_code == 552:
            return _too_large(size)
        what = "den Absender" if isinstance(exc, smtplib.SMTPSenderRefused) else "die Nachricht"
        return SendError(f"Der Mailserver lehnt {what} ab: {_reply(exc)}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):
            return _timeout(settings)
        return SendError(f"Der Mailserver {where} hat die Verbindung unerwartet beendet.")
    if isinstance(exc, smtplib.SMTPResponseException):
        return SendError(f"Der Mailserver {where} meldet einen Fehler: {_reply(exc)}")
    return SendError(f"Fehler im Gespräch mit dem Mailserver {where}.")


CERTIFICATE_REASONS: dict[int, str] = {
    2: "die ausstellende Zertifizierungsstelle ist unbekannt",
    9: "das Zertifikat ist noch nicht gültig",
    10: "das Zertifikat ist abgelaufen",
    18: "das Zertifikat ist selbst ausgestellt",
    19: "die Kette endet in einer selbst ausgestellten, unbekannten Zertifizierungsstelle",
    20: "die ausstellende Zertifizierungsstelle ist unbekannt",
    21: "die ausstellende Zertifizierungsstelle ist unbekannt",
    23: "das Zertifikat wurde widerrufen",
    62: "das Zertifikat gilt nicht für diesen Servernamen",
    64: "das Zertifikat gilt nicht für diese IP-Adresse",
}
"""OpenSSL's verification codes → German (its ``verify_message`` is English)."""

TLS_REASONS: dict[str, str] = {
    "WRONG_VERSION_NUMBER": "an diesem Port antwortet der Server nicht mit TLS",
    "UNSUPPORTED_PROTOCOL": "der Server kann nur veraltete TLS-Versionen",
    "TLSV1_ALERT_PROTOCOL_VERSION": "der Server kann nur veraltete TLS-Versionen",
    "NO_PROTOCOLS_AVAILABLE": "der Server kann nur veraltete TLS-Versionen",
    "SSLV3_ALERT_HANDSHAKE_FAILURE": "Server und protokollkit kennen kein gemeinsames Verfahren",
    "NO_SHARED_CIPHER": "Server und protokollkit kennen kein gemeinsames Verfahren",
    "UNEXPECTED_EOF_WHILE_READING": "der Server hat die Verbindung beim Aufbau beendet",
    "EOF": "der Server hat die Verbindung beim Aufbau beendet",
    "TLSV1_ALERT_INTERNAL_ERROR": "der Server meldet einen internen TLS-Fehler",
    "DH_KEY_TOO_SMALL": "der Schlüssel des Servers ist zu schwach",
    "EE_KEY_TOO_SMALL": "der Schlüssel des Servers ist zu schwach",
    "CA_MD_TOO_WEAK": "das Zertifikat ist mit einem zu schwachen Verfahren signiert",
}
"""OpenSSL's reason codes of a failed TLS handshake → German."""


def _connection_error(exc: OSError | UnicodeEncodeError, settings: SmtpSettings) -> SendError:
    """The German message for a connection that could not be made or secured."""
    import socket
    import ssl

    where = _where(settings)
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = CERTIFICATE_REASONS.get(exc.verify_code, f"OpenSSL-Prüfcode {exc.verify_code}")
        return SendError(
            f"TLS-Verbindung zu {where} fehlgeschlagen: dem Zertifikat des Servers wird nicht "
            f"vertraut ({why}). Bei einem eigenen Server die CA-Datei mit "
            "„cafile“ in protokollkit.toml angeben."
        )
    if isinstance(exc, ssl.SSLError):
        code = str(exc.reason or "")
        why = TLS_REASONS.get(code, f"OpenSSL-Fehler {code}" if code else "Fehler beim Aufbau")
        return SendError(
            f"TLS-Verbindung zu {where} fehlgeschlagen ({why}). Stimmen Port und "
            "„security“ (starttls: meist Port 587, tls: meist Port 465)?"
        )
    if isinstance(exc, TimeoutError):
        return _timeout(settings)
    if isinstance(exc, socket.gaierror):
        return SendError(
            f"Der Mailserver „{settings.host}“ wurde nicht gefunden (Name nicht auflösbar)."
        )
    if isinstance(exc, ConnectionRefusedError):
        return SendError(f"Der Mailserver {where} ist nicht erreichbar (Verbindung abgelehnt).")
    if isinstance(exc, UnicodeEncodeError):
        return SendError("Eine Adresse enthält Zeichen, die SMTP nicht übertragen kann.")
    from protokollkit.files import os_reason

    return SendError(f"Der Mailserver {where} ist nicht erreichbar: {os_reason(exc)}.")


def send(outgoing: Outgoing, settings: SmtpSettings, password: Password) -> Delivery:
    """Deliver exactly once and record it: the intent in the send log before anything leaves,
    the recipients the server took as ``unbekannt`` right before the message is transmitted, and
    the outcome after. When the log cannot be written first, nothing is sent."""
    from protokollkit.files import display

    path = outgoing.log_path
    attempt = uuid.uuid4().hex
    intent = log_entry(
        outgoing,
        settings,
        None,
        "abgebrochen, bevor die Nachricht übertragen wurde",
        attempt=attempt,
        stage="absicht",
    )
    try:
        append_log(path, intent)
    except ProtokollkitError as exc:
        raise SendError(
            f"Nichts gesendet: das Versandprotokoll kann nicht geschrieben werden ({exc}). Ohne "
            "Eintrag dort wird nicht gesendet, damit niemand die Mail doppelt bekommt."
        ) from None

    def before_data(pending: Delivery) -> None:
        entry = log_entry(
            outgoing,
            settings,
            replace(pending, failure="Versand unterbrochen"),
            attempt=attempt,
            stage="daten",
        )
        try:
            update_log(path, entry)
        except ProtokollkitError as exc:
            raise SendError(
                f"Nichts gesendet: das Versandprotokoll konnte vor dem Übertragen nicht "
                f"aktualisiert werden ({exc})."
            ) from None

    def record(delivery: Delivery | None, failure: str | None = None) -> None:
        update_log(path, log_entry(outgoing, settings, delivery, failure, attempt=attempt))

    try:
        delivery = deliver(outgoing, settings, password, before_data)
    except UnknownOutcome as exc:
        with contextlib.suppress(ProtokollkitError):
            record(exc.delivery, str(exc))
        unknown = tuple(r for r in outgoing.recipients if r.address in exc.delivery.unknown)
        raise SendError(
            f"{exc} Betroffen: {names(unknown)}. Im Versandprotokoll steht „unbekannt“.\n"
            + choices(outgoing)
        ) from None
    except SendError as exc:
        # Nothing was sent: the send error is what the user needs to see, not a log problem.
        with contextlib.suppress(ProtokollkitError):
            record(None, str(exc))
        raise
    try:
        record(delivery)
    except ProtokollkitError as exc:
        raise ProtokollkitError(
            f"Die Mail wurde gesendet ({len(delivery.accepted)} von {len(outgoing.recipients)} "
            f"Empfänger*innen), aber das Ergebnis konnte nicht ins Versandprotokoll "
            f"{display(path)} geschrieben werden ({exc}). Dort steht „unbekannt“: bitte nicht "
            "einfach erneut senden, sondern mit --als-zugestellt vermerken."
        ) from None
    return delivery


def _reply_of(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {message}".strip()


def _not_smtp(exc: Any) -> bool:
    """Whether smtplib could not read the reply as SMTP: no code (-1), or its own
    "500 Line too long." for a line no mail server sends (a web server, random bytes)."""
    return exc.smtp_code == -1 or (
        exc.smtp_code == 500 and exc.smtp_error in ("Line too long.", b"Line too long.")
    )


def _reply(exc: Any) -> str:
    return _reply_of(int(exc.smtp_code), exc.smtp_error)


__all__ = [
    "LOG_NAME",
    "PASSWORD_VARIABLE",
    "Addressee",
    "Delivery",
    "Outgoing",
    "SendError",
    "append_log",
    "attachments",
    "check_recipients",
    "deliver",
    "describe",
    "envelope_address",
    "fresh_message_id",
    "human_size",
    "last_results",
    "log_entry",
    "mark_delivered",
    "message_bytes",
    "password_from_environment",
    "prepare",
    "prepare_message",
    "previous_sends",
    "read_log",
    "recipients_with",
    "report",
    "send",
    "send_lock",
    "unknown_outcome",
    "update_log",
]
