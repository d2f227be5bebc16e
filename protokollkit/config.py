"""Settings from ``protokollkit.toml``: where the file is searched, and the ``[smtp]`` table.

The password is never part of the settings: it comes from ``PROTOKOLLKIT_SMTP_PASSWORD`` or an
interactive prompt. A config file that contains a password is refused.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from protokollkit.diagnostics import Diagnostic, ParseError, error

CONFIG_NAME = "protokollkit.toml"
"""The file name searched in the project folder and in the user's config folder."""

Security = Literal["starttls", "tls", "none"]

DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}
"""The usual port for each kind of connection security."""

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the mail server before giving up."""

MAX_TIMEOUT = 3600.0
"""The longest ``timeout`` accepted (an hour); ``inf``, ``nan`` and huge numbers are refused."""

TOML_REASONS: dict[str, str] = {
    "Expected '=' after a key in a key/value pair": "nach dem Namen fehlt „=“",
    "Invalid value": 'ungültiger Wert (Text in Anführungszeichen? z. B. host = "mail.example.org")',
    "Invalid statement": "ungültige Zeile",
    "Unclosed array": "Liste nicht geschlossen („]“ fehlt)",
    "Unclosed inline table": "Tabelle nicht geschlossen („}“ fehlt)",
    "Unterminated string": "Text nicht geschlossen (Anführungszeichen fehlt)",
    "Illegal character in string": "unerlaubtes Zeichen im Text",
    "Cannot overwrite a value": "Einstellung doppelt",
    "Cannot declare": "Abschnitt doppelt",
    "Expected newline or end of document after a statement": "nach dem Wert folgt noch etwas",
    "Invalid initial character for a key part": "ungültiges Zeichen am Anfang eines Namens",
    "Invalid date or datetime": "ungültiges Datum",
    "Expected ']' at the end of a table declaration": "„]“ fehlt am Ende des Abschnittsnamens",
}
"""tomllib's English messages (their beginnings) → German."""

SMTP_KEYS = ("host", "port", "security", "user", "sender", "list_address", "timeout", "cafile")
"""The keys the ``[smtp]`` table knows."""

PASSWORD_KEYS = ("password", "passwort", "pass", "passwd", "pwd", "kennwort", "secret")
"""Keys that look like a password; the config file must not contain any of them."""

ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"
)
"""A plain ASCII mail address ``lokal@domain`` (what SMTP without extensions can carry)."""


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the mail server. ``source`` is the config file the settings came from."""

    host: str
    port: int
    security: Security = "starttls"
    user: str | None = None
    sender: str | None = None
    list_address: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    cafile: Path | None = None
    source: str = "<einstellungen>"


def user_config_dir() -> Path:
    """The user's protokollkit folder: ``$XDG_CONFIG_HOME/protokollkit`` or ``~/.config/…``."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "protokollkit"


def config_candidates(cwd: Path | None = None) -> list[Path]:
    """Search order: ``./protokollkit.toml``, then the user's config folder."""
    return [(cwd or Path.cwd()) / CONFIG_NAME, user_config_dir() / CONFIG_NAME]


def find_config(cwd: Path | None = None) -> Path | None:
    """The first config file that exists, or None; a folder of that name is a German error."""
    for candidate in config_candidates(cwd):
        if candidate.is_dir():
            raise error(
                f"{CONFIG_NAME} ist hier ein Ordner, keine Datei. Bitte den Ordner umbenennen "
                f"und die Einstellungen als Datei {CONFIG_NAME} anlegen (Vorlage: "
                "protokollkit.toml.example).",
                str(candidate),
            )
        if candidate.is_file():
            return candidate
    return None


def is_address(text: str) -> bool:
    """Whether ``text`` is a plain ASCII mail address with a local part and a domain."""
    return bool(ADDRESS.match(text)) and ".." not in text and len(text) <= 254


def load_settings(path: Path | None = None, cwd: Path | None = None) -> SmtpSettings:
    """Read and check the ``[smtp]`` settings from ``path`` or the first file found.

    Every problem is a :class:`ParseError` with a German message naming the file and, where it
    can be found, the line.
    """
    if path is None:
        path = find_config(cwd)
        if path is None:
            searched = ", ".join(str(c) for c in config_candidates(cwd))
            raise error(
                f"Keine Einstellungen für den Versand gefunden (gesucht: {searched}). "
                "Vorlage: protokollkit.toml.example"
            )
    from protokollkit.files import decode_text, read_bytes

    text, _notes = decode_text(read_bytes(path, limit=64 * 1024), str(path))
    return parse_settings(text, str(path), base=path.parent)


Fail = Callable[..., ParseError]
"""Makes the error of one setting: ``fail(message, key)`` names the line of ``key``."""


def parse_settings(text: str, source: str, base: Path | None = None) -> SmtpSettings:
    """Check the ``[smtp]`` table of a TOML document; relative paths are taken from ``base``."""
    data = _load_toml(text, source)

    def fail(message: str, key: str | None = None) -> ParseError:
        return error(message, source, _line_of(text, key) if key else 0)

    _refuse_passwords(data, text, source)
    smtp = _smtp_table(data, fail)
    host = _host(smtp, fail)
    security = _security(smtp, fail)
    port = _port(smtp, security, fail)
    timeout = _timeout(smtp, fail)
    strings = _strings(smtp, fail)
    _refuse_plain_login(smtp, security, strings["user"], fail)
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        user=strings["user"],
        sender=strings["sender"],
        list_address=strings["list_address"],
        timeout=timeout,
        cafile=_cafile(strings["cafile"], base, fail),
        source=source,
    )


def _load_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML document, or its syntax error in German with line and column."""
    import tomllib

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise error(f"Keine gültige TOML-Datei: {toml_reason(reason)}", source, line, col) from None


def _smtp_table(data: dict[str, Any], fail: Fail) -> dict[str, Any]:
    """The ``[smtp]`` table, with no key we do not know."""
    smtp = data.get("smtp")
    if not isinstance(smtp, dict):
        raise fail('Abschnitt [smtp] fehlt (mindestens: host = "mail.example.org").')
    unknown = [key for key in smtp if key not in SMTP_KEYS]
    if unknown:
        known = ", ".join(SMTP_KEYS)
        raise fail(
            f"Unbekannte Einstellung „{unknown[0]}“ in [smtp] (bekannt: {known}).", unknown[0]
        )
    return smtp


def _host(smtp: dict[str, Any], fail: Fail) -> str:
    host = smtp.get("host")
    if (
        not isinstance(host, str)
        or not host.strip()
        or any(c.isspace() or not c.isprintable() for c in host.strip())
    ):
        raise fail(
            '„host“ fehlt oder ist kein Servername (z. B. host = "mail.example.org").', "host"
        )
    host = host.strip()
    try:
        encoded = host.encode("idna")
    except UnicodeError:
        encoded = b""
    labels = encoded.rstrip(b".").split(b".")
    if not encoded or len(encoded) > 253 or not all(0 < len(label) <= 63 for label in labels):
        raise fail(
            f"„host“ „{host[:80]}{'…' if len(host) > 80 else ''}“ ist kein gültiger Servername "
            "(jeder Teil zwischen den Punkten 1 bis 63 Zeichen, insgesamt höchstens 253).",
            "host",
        )
    return host


def _security(smtp: dict[str, Any], fail: Fail) -> Security:
    security = smtp.get("security", "starttls")
    if security not in DEFAULT_PORTS:
        raise fail(
            f'„security“ muss "starttls", "tls" oder "none" sein, nicht {security!r}.',
            "security",
        )
    return cast(Security, security)


def _port(smtp: dict[str, Any], security: Security, fail: Fail) -> int:
    port = smtp.get("port", DEFAULT_PORTS[security])
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise fail(f"„port“ muss eine Zahl von 1 bis 65535 sein, nicht {port!r}.", "port")
    return port


def _timeout(smtp: dict[str, Any], fail: Fail) -> float:
    timeout = smtp.get("timeout", DEFAULT_TIMEOUT)
    if (
        not isinstance(timeout, int | float)
        or isinstance(timeout, bool)
        or not math.isfinite(timeout)
        or not 0 < timeout <= MAX_TIMEOUT
    ):
        raise fail(
            f"„timeout“ muss eine Zahl von Sekunden über 0 und höchstens {MAX_TIMEOUT:g} sein, "
            f"nicht {timeout!r}.",
            "timeout",
        )
    return float(timeout)


def _strings(smtp: dict[str, Any], fail: Fail) -> dict[str, str | None]:
    """``user``, ``sender``, ``list_address`` and ``cafile``: non-empty texts (the two
    addresses valid ones) or None."""
    strings: dict[str, str | None] = {}
    for key in ("user", "sender", "list_address", "cafile"):
        value = smtp.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(f"„{key}“ muss ein nicht leerer Text sein.", key)
        strings[key] = value.strip() if isinstance(value, str) else None
    for key in ("sender", "list_address"):
        address = strings[key]
        if address is not None and not is_address(address):
            raise fail(f"„{key}“ ist keine gültige Mailadresse: „{address}“.", key)
    return strings


def _refuse_plain_login(
    smtp: dict[str, Any], security: Security, user: str | None, fail: Fail
) -> None:
    """A login without encryption would send the password in the clear."""
    if security == "none" and user is not None:
        raise fail(
            'Anmeldung ohne Verschlüsselung (security = "none") würde das Passwort offen '
            'übertragen; bitte security = "starttls" oder "tls" wählen.',
            "security" if "security" in smtp else "user",
        )


def _cafile(value: str | None, base: Path | None, fail: Fail) -> Path | None:
    """The certificate file, relative to the settings file's folder, which must exist."""
    if value is None:
        return None
    cafile = Path(value).expanduser()
    if not cafile.is_absolute() and base is not None:
        cafile = base / cafile
    if cafile.is_dir():
        raise fail(f"„cafile“: {cafile} ist ein Ordner, keine Zertifikatsdatei.", "cafile")
    if not cafile.is_file():
        raise fail(f"„cafile“: Zertifikatsdatei {cafile} nicht gefunden.", "cafile")
    import ssl

    try:
        ssl.create_default_context(cafile=str(cafile))
    except (ssl.SSLError, OSError):
        raise fail(
            f"„cafile“: {cafile} enthält kein lesbares Zertifikat (erwartet: eine PEM-Datei "
            "mit „-----BEGIN CERTIFICATE-----“).",
            "cafile",
        ) from None
    return cafile


def toml_reason(message: str) -> str:
    """The German reason for one of tomllib's messages (never the English text)."""
    for english, german in TOML_REASONS.items():
        if message.startswith(english):
            return german
    return "Syntaxfehler"


def _refuse_passwords(data: dict[str, Any], text: str, source: str) -> None:
    """Refuse a config file that stores a password anywhere, naming the line."""

    def walk(table: dict[str, Any]) -> None:
        for key, value in table.items():
            if key.lower() in PASSWORD_KEYS:
                raise ParseError(
                    [
                        Diagnostic(
                            "error",
                            f"„{key}“: Passwörter gehören nicht in die Einstellungsdatei. "
                            "Bitte die Zeile löschen und das Passwort in der Umgebungsvariable "
                            "PROTOKOLLKIT_SMTP_PASSWORD angeben oder bei der Nachfrage eintippen.",
                            source,
                            _line_of(text, key),
                        )
                    ]
                )
            if isinstance(value, dict):
                walk(value)

    walk(data)


def _line_of(text: str, key: str) -> int:
    """The 1-based line where ``key = …`` is written, or 0."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.IGNORECASE)
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 0


__all__ = [
    "CONFIG_NAME",
    "DEFAULT_PORTS",
    "SmtpSettings",
    "config_candidates",
    "find_config",
    "is_address",
    "load_settings",
    "parse_settings",
    "user_config_dir",
]
