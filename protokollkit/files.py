"""Reading untrusted files with a size limit, decoding text, and writing files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from protokollkit.diagnostics import Diagnostic, ParseError, error

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Documents larger than this are refused before any parsing (20 MiB)."""

MAX_TEXT_BYTES = 2 * 1024 * 1024
"""A protocol as plain text is never larger than this (2 MiB)."""


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file, refusing missing files, directories and files over ``limit`` bytes."""
    source = str(path)
    if not path.exists():
        raise error("Datei nicht gefunden.", source)
    if path.is_dir():
        raise error("Das ist ein Ordner, keine Datei.", source)
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(
                f"Datei ist zu groß ({size // 1024} KiB; höchstens {limit // 1024} KiB).", source
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise error("Keine Berechtigung, die Datei zu lesen.", source) from None
    except OSError as exc:
        raise error(f"Datei kann nicht gelesen werden: {exc.strerror or exc}", source) from None
    if len(data) > limit:
        raise error(f"Datei ist zu groß (höchstens {limit // 1024} KiB).", source)
    return data


def decode_text(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    notes: list[Diagnostic] = []
    if len(data) > MAX_TEXT_BYTES:
        raise error(
            f"Textdatei ist zu groß ({len(data) // 1024} KiB; ein Protokoll hat höchstens "
            f"{MAX_TEXT_BYTES // 1024} KiB).",
            source,
        )
    if not data.strip():
        raise error("Die Datei ist leer.", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), notes
        except UnicodeDecodeError:
            raise error("Datei ist kein lesbarer Text (UTF-16 fehlerhaft).", source) from None
    if b"\x00" in data:
        raise error("Das ist keine Textdatei (Binärdaten).", source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise error("Datei ist weder UTF-8 noch Windows-1252 (Binärdaten?).", source) from None
        line = data[: exc.start].count(b"\n") + 1
        notes.append(
            Diagnostic(
                "warning", "Datei ist nicht UTF-8; als Windows-1252 gelesen.", source, line, 1
            )
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        raise error("Das ist keine Textdatei (Steuerzeichen/Binärdaten).", source)
    return text, notes


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader of ``path`` sees the old content or the new, never half a file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_TEXT_BYTES",
    "ParseError",
    "decode_text",
    "read_bytes",
    "write_atomic",
]
