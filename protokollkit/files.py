"""Reading untrusted files with a size limit, decoding text, and writing files atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError, error

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Documents larger than this are refused before any parsing (20 MiB)."""

MAX_TEXT_BYTES = 2 * 1024 * 1024
"""A protocol as plain text is never larger than this (2 MiB)."""


OS_REASONS: dict[int, str] = {
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EISDIR: "das ist ein Ordner, keine Datei",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.ENOENT: "nicht gefunden",
    errno.ELOOP: "zu viele symbolische Verweise (Verweisschleife)",
    errno.ENAMETOOLONG: "der Dateiname ist zu lang",
    errno.EEXIST: "gibt es schon",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
    errno.EMFILE: "zu viele offene Dateien",
    errno.ENFILE: "zu viele offene Dateien",
    errno.EFBIG: "die Datei wird zu groß",
    errno.EBUSY: "wird gerade benutzt",
    errno.ETXTBSY: "wird gerade benutzt",
    errno.EXDEV: "liegt auf einem anderen Datenträger",
    errno.ENOTEMPTY: "der Ordner ist nicht leer",
    errno.ENXIO: "kein solches Gerät",
    errno.ENODEV: "kein solches Gerät",
    errno.EINVAL: "ungültiger Dateiname oder ungültige Operation",
    errno.ENOMEM: "nicht genug Arbeitsspeicher",
}
"""errno → German reason; the English ``strerror`` of the OS never reaches the user."""


def os_reason(exc: OSError) -> str:
    """The German reason of an OS error (``kein Platz mehr auf dem Datenträger``)."""
    if exc.errno in OS_REASONS:
        return OS_REASONS[exc.errno]
    if exc.errno:
        return f"Fehler des Betriebssystems (errno {exc.errno})"
    return "Fehler des Betriebssystems"


def display(path: Path | str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 shown as ``\\xNN``."""
    from protokollkit.diagnostics import printable_name

    text = os.fspath(path)
    return printable_name(
        text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    )


class FileError(ProtokollkitError):
    """An OS error while writing or reading a file, in German, naming the file it concerns."""


def os_error(exc: OSError, target: Path | str, doing: str = "geschrieben") -> FileError:
    """A German error for ``exc`` that names ``target`` (not a hidden temporary file)."""
    return FileError(f"{display(target)}: kann nicht {doing} werden: {os_reason(exc)}.")


def no_folder(path: Path, what: str = "Archivordner") -> ProtokollkitError:
    """The German error for a folder that is not there: missing, or a file, or something else
    (``what`` „X“ nicht gefunden / ist eine Datei, kein Ordner)."""
    shown = display(path)
    if os.path.isfile(path):
        return ProtokollkitError(f"{what} „{shown}“ ist eine Datei, kein Ordner.")
    if os.path.lexists(path) and not os.path.isdir(path):
        return ProtokollkitError(f"{what} „{shown}“ ist kein Ordner (z. B. ein toter Verweis).")
    return ProtokollkitError(f"{what} „{shown}“ nicht gefunden.")


STDIN = Path("-")
"""The file name ``-`` means standard input."""


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a regular file, refusing missing files, folders, pipes, devices and files over
    ``limit`` bytes. ``-`` reads standard input (up to ``limit`` bytes)."""
    if path == STDIN:
        import sys

        if sys.stdin is None:  # started with stdin closed (``<&-``)
            raise error("Die Standardeingabe ist geschlossen; es gibt nichts zu lesen.", "<stdin>")
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise error(f"Eingabe ist zu groß (höchstens {limit // 1024} KiB).", "<stdin>")
        return data
    source = display(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise error("Der symbolische Verweis zeigt ins Leere.", source) from None
        raise error("Datei nicht gefunden.", source) from None
    except IsADirectoryError:
        raise error("Das ist ein Ordner, keine Datei.", source) from None
    except PermissionError:
        raise error("Keine Berechtigung, die Datei zu lesen.", source) from None
    except OSError as exc:
        raise error(f"Datei kann nicht gelesen werden: {os_reason(exc)}.", source) from None
    except ValueError:  # a NUL character: no file system has such a name
        raise error("Ungültiger Dateiname (enthält ein NUL-Zeichen).", repr(source)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error("Das ist ein Ordner, keine Datei.", source)
        if not stat.S_ISREG(info.st_mode):
            raise error(
                "Das ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät); "
                "gelesen werden nur gewöhnliche Dateien.",
                source,
            )
        if info.st_size > limit:
            raise error(
                f"Datei ist zu groß ({info.st_size // 1024} KiB; höchstens {limit // 1024} KiB).",
                source,
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"Datei kann nicht gelesen werden: {os_reason(exc)}.", source) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise error(f"Datei ist zu groß (höchstens {limit // 1024} KiB).", source)
    return data


TEXT_LIKE = ("", ".txt", ".text", ".md", ".markdown", ".json")
"""Suffixes of inputs whose text is used for finding lines (:func:`source_text`)."""


def source_text(path: Path) -> str | None:
    """The text of a text-like input (for finding lines), or None for documents and failures."""
    if path.suffix.lower() not in TEXT_LIKE:
        return None
    try:
        data = read_bytes(path, MAX_TEXT_BYTES)
    except ProtokollkitError:
        return None
    return text_of(path, data)


def text_of(path: Path, data: bytes) -> str | None:
    """:func:`source_text` of ``path`` from its bytes, already read (none read twice)."""
    if path.suffix.lower() not in TEXT_LIKE or len(data) > MAX_TEXT_BYTES:
        return None
    try:
        return decode_text(data, display(path))[0]
    except ProtokollkitError:
        return None


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (also through symbolic or hard links)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        try:
            return a.resolve() == b.resolve()
        except (OSError, RuntimeError):
            return False


class Inputs:
    """The input files of a command, to check its outputs against: each input is looked at
    (``stat``, and resolved when needed) once, however many outputs are checked.

    :meth:`overwritten` answers as :func:`same_file` for every input would, in input order.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [p for p in paths if p != STDIN]
        self._identities: list[tuple[int, int] | None] | None = None
        self._resolved: list[Path | None] | None = None

    def _identity_list(self) -> list[tuple[int, int] | None]:
        if self._identities is None:
            self._identities = [_identity(p) for p in self.paths]
        return self._identities

    def _resolved_list(self) -> list[Path | None]:
        if self._resolved is None:
            self._resolved = [_resolved(p) for p in self.paths]
        return self._resolved

    def overwritten(self, output: Path) -> Path | None:
        """The first input that ``output`` names (also through links), or None."""
        target = _identity(output)
        identities = self._identity_list()
        resolved_output: Path | None = None
        for index, identity in enumerate(identities):
            if target is not None and identity is not None:
                if identity == target:
                    return self.paths[index]
                continue
            if resolved_output is None:
                resolved_output = _resolved(output)
                if resolved_output is None:
                    continue
            if self._resolved_list()[index] == resolved_output:
                return self.paths[index]
        return None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def check_output(output: Path, inputs: Iterable[Path] | Inputs = (), hint: str = "") -> None:
    """Refuse an output path that is one of the inputs (also through links) or that exists and
    is not a regular file (a folder, a device, a pipe): writing there would destroy it.

    For many outputs against the same many inputs, hand :class:`Inputs` (each input is then
    looked at once)."""
    shown = display(output)
    source = (inputs if isinstance(inputs, Inputs) else Inputs(inputs)).overwritten(output)
    if source is not None:
        same = "" if display(source) == shown else f" {display(source)}"
        raise ProtokollkitError(
            f"{shown} würde die Eingabe{same} überschreiben"
            f"{hint or ': bitte eine andere Ausgabedatei angeben'}."
        )
    try:
        info = os.stat(output)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_error(exc, output) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProtokollkitError(f"{shown} ist ein Ordner: bitte einen Dateinamen angeben.")
    if not stat.S_ISREG(info.st_mode):
        raise ProtokollkitError(
            f"{shown} ist keine gewöhnliche Datei (sondern z. B. ein Gerät oder eine Pipe); "
            "dorthin wird nicht geschrieben."
        )


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
    wide = _utf16_or_32(data)
    if wide is not None:
        try:
            return data.decode(wide), notes
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode(wide, "replace").count("\n") + 1
            name = wide.upper()
            raise error(
                f"Datei ist kein lesbarer Text ({name} fehlerhaft).", source, line
            ) from None
    if b"\x00" in data:
        raise error("Das ist keine Textdatei (Binärdaten).", source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _utf8_and_cp1252(data, source, exc.start, notes)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        raise error("Das ist keine Textdatei (Steuerzeichen/Binärdaten).", source)
    return text, notes


def _utf16_or_32(data: bytes) -> str | None:
    """``utf-32`` or ``utf-16`` when ``data`` starts with that byte order mark, else None.

    UTF-32's little-endian mark begins with UTF-16's; it is taken as UTF-32 only when the whole
    decodes as such (a UTF-16 text starting with U+0000 is no protocol either way)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) and len(data) % 4 == 0:
        try:
            data.decode("utf-32")
        except UnicodeDecodeError:
            pass
        else:
            return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _utf8_and_cp1252(data: bytes, source: str, first_bad: int, notes: list[Diagnostic]) -> str:
    """Text that is not all UTF-8: each line that is UTF-8 stays UTF-8 (a file saved as UTF-8
    with one line pasted from an old Windows program), the others are read as Windows-1252
    and named in a warning. A byte that is neither is an error with its line and column."""
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    decoded: list[str] = []
    legacy: list[int] = []
    utf8 = 0
    for number, raw in enumerate(lines, 1):
        try:
            decoded.append(raw.decode("utf-8"))
            utf8 += not raw.isascii()
            continue
        except UnicodeDecodeError:
            pass
        try:
            decoded.append(raw.decode("cp1252"))
        except UnicodeDecodeError as second:
            raise error(
                f"Datei ist weder UTF-8 noch Windows-1252: das Byte 0x{raw[second.start]:02X} "
                "gibt es in keiner der beiden Kodierungen (Binärdaten?).",
                source,
                number,
                second.start + 1,
            ) from None
        legacy.append(number)
    line = data[:first_bad].count(b"\n") + 1
    if not utf8:
        message = "Datei ist nicht UTF-8; als Windows-1252 gelesen."
    else:
        shown = ", ".join(str(n) for n in legacy[:10]) + (" …" if len(legacy) > 10 else "")
        lines_word = "Zeile" if len(legacy) == 1 else "Zeilen"
        message = (
            f"Datei ist UTF-8 bis auf {lines_word} {shown}; diese als Windows-1252 gelesen "
            "(bitte die Datei einheitlich als UTF-8 speichern)."
        )
    notes.append(Diagnostic("warning", message, source, line, 1))
    return "\n".join(decoded)


def decode_unicode(data: bytes, source: str, what: str) -> str:
    """The text of a file that must be Unicode (a distribution list, a template): UTF-8 with or
    without BOM, or UTF-16 with BOM (Windows Notepad's "Unicode"), as :func:`decode_text` reads
    a protocol. Anything else is a German error naming ``source`` and the line: ``what`` (``Der
    Verteiler``) ist nicht in UTF-8 gespeichert."""
    wide = _utf16_or_32(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode(wide, "replace").count("\n") + 1
            name = wide.upper()
            raise error(f"{what} ist fehlerhaftes {name}.", source, line) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            f"{what} ist nicht in UTF-8 gespeichert (auch nicht in UTF-16 mit Kennung); bitte als "
            "UTF-8 speichern.",
            source,
            line,
        ) from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")

NAME_MAX = 255
"""The longest file name (one path component) in bytes on the usual file systems."""

_TEMP_EXTRA = len(".") + len(".4294967295.") + len("abcdefgh") + len(TEMP_SUFFIX)
"""What a temporary name adds to its file's name: dot, process id, mkstemp's 8 characters."""


def fit_name(stem: str, suffix: str = "", extra: int = 0) -> str:
    """``stem + suffix``, with ``stem`` shortened when that name and ``extra`` more bytes would
    be longer than :data:`NAME_MAX`: the start of ``stem`` and a hash of all of it (``~1a2b3c4d``),
    so two long names stay two names and the same name always gives the same result."""
    room = NAME_MAX - extra - len(os.fsencode(suffix))
    if len(os.fsencode(stem)) <= room:
        return stem + suffix
    import hashlib

    mark = "~" + hashlib.sha256(os.fsencode(stem)).hexdigest()[:10]
    keep = len(stem)
    while keep and len(os.fsencode(stem[:keep] + mark)) > room:
        keep -= 1
    return stem[:keep] + mark + suffix


def _temp_key(name: str) -> str:
    """The part of a temporary file's name that stands for ``name`` (its whole name when it
    leaves room for the rest of the temporary name, else :func:`fit_name`'s short form)."""
    return fit_name(name, "", _TEMP_EXTRA)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Remove temporary files left in ``folder`` by a writer that was killed (its process is
    gone); only those of ``name`` when given. Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match or (name is not None and match.group("name") != _temp_key(name)):
            continue
        if int(match.group("pid")) == os.getpid() or _alive(int(match.group("pid"))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def write_temporary(path: Path, payload: bytes) -> Path:
    """Write ``payload`` to a new hidden temporary file beside ``path`` (synced to disk).

    OS errors are German and name ``path``, not the temporary file.
    """
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder of the path should be
            raise OSError(errno.ENOTDIR, "") from None
        remove_stale_temporaries(path.parent, path.name)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{_temp_key(path.name)}.{os.getpid()}.",
            suffix=TEMP_SUFFIX,
            dir=path.parent,
        )
    except OSError as exc:
        raise os_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_error(exc, path) from None
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader of ``path`` sees the old content or the new, never half a file. Failures are a
    German :class:`FileError` naming ``path``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = write_temporary(path, payload)
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_error(exc, path) from None
        raise


__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_TEXT_BYTES",
    "STDIN",
    "FileError",
    "Inputs",
    "ParseError",
    "check_output",
    "decode_text",
    "decode_unicode",
    "display",
    "fit_name",
    "no_folder",
    "os_error",
    "os_reason",
    "read_bytes",
    "remove_stale_temporaries",
    "same_file",
    "source_text",
    "text_of",
    "write_atomic",
    "write_temporary",
]
