"""The distribution list (Verteiler): who sends the protocol and who receives it.

File format (``vorlagen/verteiler.txt``, UTF-8): one recipient per line, ``Name <adresse>`` or
just the address; ``#`` starts a comment line; blank lines are ignored; one optional line
``Absender: Name <adresse>`` gives the sender (From).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError

VERTEILER_NAME = "verteiler.txt"
"""The distribution list's file name in ``vorlagen/``."""

SENDER_LABEL = re.compile(r"^Absender\s*:\s*(.*)$", re.IGNORECASE)
NAME_AND_ADDRESS = re.compile(r"^(.*?)\s*<([^<>]*)>$")
ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
ADDRESS = re.compile(rf"^{ATOM}(?:\.{ATOM})*@{LABEL}(?:\.{LABEL})+$")
"""A plain address ``lokal@domain.tld`` (no quoted local parts, no IP literals)."""

FORMAT_HINT = "erwartet: „Name <adresse@example.org>“ oder nur die Adresse"


@dataclass(frozen=True)
class Recipient:
    """One person on the list: display name (may be empty), address, and the line it came from."""

    name: str
    address: str
    line: int = 0


@dataclass(frozen=True)
class Verteiler:
    """A distribution list: the optional sender (From) and the recipients, in file order."""

    sender: Recipient | None
    recipients: tuple[Recipient, ...]
    source: str = "<text>"


def control_characters(text: str) -> list[str]:
    """The control characters (line breaks, tabs, escapes …) in ``text``, shown readably."""
    return [
        repr(ch)[1:-1] for ch in text if unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029"
    ]


def check_header_text(text: str, what: str) -> str:
    """``text`` unchanged, or a German error if it holds a control character (header injection)."""
    found = control_characters(text)
    if found:
        raise ProtokollkitError(
            f"{what} „{text.encode('unicode_escape').decode('ascii')}“ enthält Steuerzeichen "
            f"({', '.join(dict.fromkeys(found))}); Zeilenumbrüche und andere Steuerzeichen "
            "sind in E-Mail-Kopfzeilen nicht erlaubt."
        )
    return text


def is_valid_address(address: str) -> bool:
    """Whether ``address`` is a plain e-mail address that any mail program accepts."""
    local, _, domain = address.rpartition("@")
    return bool(ADDRESS.match(address)) and len(local) <= 64 and len(domain) <= 253


def parse_entry(text: str) -> tuple[str, str] | str:
    """``Name <adresse>`` or a bare address → (name, address); otherwise a German message."""
    if control_characters(text):
        return "Steuerzeichen in der Zeile (z. B. Tabulator); bitte nur normale Leerzeichen"
    match = NAME_AND_ADDRESS.match(text)
    if match:
        name, address = match.group(1).strip(), match.group(2).strip()
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = name[1:-1].strip()
        if any(ch in name for ch in '<>"'):
            return f'Name „{name}“ enthält < > oder " ({FORMAT_HINT})'
        if "=?" in name:
            return (
                f"Name „{name}“ enthält eine MIME-Kodierung („=?…?=“); bitte den Namen so "
                "schreiben, wie er erscheinen soll"
            )
    elif "<" in text or ">" in text:
        return f"Spitze Klammern passen nicht zusammen ({FORMAT_HINT})"
    else:
        name, address = "", text
    if not is_valid_address(address):
        return f"Ungültige E-Mail-Adresse „{address}“ ({FORMAT_HINT})"
    return name, address


def parse_verteiler(text: str, source: str = "<text>") -> Verteiler:
    """Read a distribution list from its text; every bad line is one diagnostic in a ParseError."""
    problems: list[Diagnostic] = []
    sender: Recipient | None = None
    recipients: list[Recipient] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip(" \t")
        if not line or line.startswith("#"):
            continue
        label = SENDER_LABEL.match(line)
        entry = parse_entry(label.group(1).strip() if label else line)
        col = raw.find(line[:1]) + 1
        if isinstance(entry, str):
            problems.append(Diagnostic("error", entry, source, number, col))
            continue
        person = Recipient(entry[0], entry[1], number)
        if label:
            if sender is not None:
                message = f"Zweite Absender-Zeile (der Absender steht schon in Zeile {sender.line})"
                problems.append(Diagnostic("error", message, source, number, col))
            sender = person
            continue
        key = person.address.casefold()
        if key in seen:
            message = f"Adresse „{person.address}“ steht schon in Zeile {seen[key]}"
            problems.append(Diagnostic("error", message, source, number, col))
            continue
        seen[key] = number
        recipients.append(person)
    if problems:
        raise ParseError(problems)
    return Verteiler(sender, tuple(recipients), source)


def read_verteiler(path: Path | str | None = None) -> Verteiler:
    """Read a distribution list file (default: ``verteiler.txt`` from the templates)."""
    from protokollkit.files import decode_unicode, read_bytes
    from protokollkit.templates import vorlage

    file = Path(path) if path is not None else vorlage(VERTEILER_NAME)
    data = read_bytes(file, limit=1024 * 1024)
    return parse_verteiler(decode_unicode(data, str(file), "Der Verteiler"), str(file))


__all__ = [
    "Recipient",
    "Verteiler",
    "check_header_text",
    "is_valid_address",
    "parse_verteiler",
    "read_verteiler",
]
