"""What ``termine`` found in each protocol file, kept between runs (issue 12, item 4).

An archive changes by a protocol or two between runs of ``termine``; reading all the others
again is nearly all of the command's time. So each file's appointments are kept as the lines
``termine`` prints, with what it sorts and filters them by, under

- the SHA-256 of the file's bytes: every run reads and hashes every file, so a changed file is
  read again even when its size and modification time stay the same;
- the file's name (the meeting's date may come from it) and its format;
- a hash of protokollkit's own sources: any other version of the code starts an empty cache.

The cache lives in the user's cache folder, ``$XDG_CACHE_HOME/protokollkit/termine.json`` (else
``~/.cache/protokollkit/termine.json``), readable by the user alone: it holds the
appointments' text. Only formats read in-process are kept (text, Markdown, JSON, Word, ODT), not
what pandoc or LibreOffice read. Entries not used for :data:`KEEP_DAYS` days are dropped; a
damaged or unreadable cache counts as empty, one that cannot be written is left as it was.
``termine --ohne-cache`` neither reads nor writes it.

Files that are not in the cache are read on all cores when there are at least
:data:`PARALLEL_FROM` of them, one protocol at a time in each process, results in the order of
the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from protokollkit.diagnostics import Diagnostic, ProtokollkitError

if TYPE_CHECKING:
    from protokollkit.model import Protocol

CACHE_VERSION = 1
"""Raised when the layout of the file changes."""

FILE_NAME = "termine.json"

KEEP_DAYS = 60
"""Entries not used for this many days are dropped when the cache is written."""

CACHED_FORMATS = frozenset({"text", "markdown", "json", "docx", "odt"})
"""Formats read in-process, whose result depends on the bytes and protokollkit alone."""

STDIN = Path("-")

PARALLEL_FROM = 40
"""From this many files to read, they are shared out to all cores."""

Row = tuple[int, int, int, int, bool, str]
"""One appointment as ``termine`` needs it: the ordinal of its first day, 1 when it has a time
(else 0), its start time in seconds of the day, the ordinal of its last day, whether it is past,
and the line :func:`~protokollkit.termine.format_appointment` writes."""

Outcome = list[Row] | tuple[Diagnostic, ...]
"""A file's rows, or the diagnostics of the error that stopped reading it."""


_LAST_DAY = dt.date.max.toordinal()


def _row(stored: object) -> Row | None:
    """A row as :func:`rows_of` makes it, from the cache file; None for anything else (the
    file is the user's, but a damaged or hand-edited one must not stop ``termine``)."""
    if not isinstance(stored, list) or len(stored) != 6:
        return None
    first, timed, seconds, last, past, text = stored
    numbers = (first, timed, seconds, last)
    if not all(type(n) is int for n in numbers) or type(past) is not bool:
        return None
    if not isinstance(text, str) or not 1 <= first <= last <= _LAST_DAY:
        return None
    if timed not in (0, 1) or not 0 <= seconds < 86_400:
        return None
    return first, timed, seconds, last, past, text


def cache_path() -> Path:
    """Where the cache lives: in ``$XDG_CACHE_HOME`` (else ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "protokollkit" / FILE_NAME


def code_fingerprint() -> str:
    """A hash of every source file of protokollkit (and of the cache's layout)."""
    package = Path(__file__).parent
    digest = hashlib.sha256(f"termine cache {CACHE_VERSION}".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def rows_of(protocol: Protocol) -> list[Row]:
    """The rows of the protocol's appointments (every one, past ones marked)."""
    from protokollkit.termine import extract, format_appointment

    rows: list[Row] = []
    for appointment in extract(protocol):
        clock = appointment.start_time
        seconds = clock.hour * 3600 + clock.minute * 60 + clock.second if clock else 0
        rows.append(
            (
                appointment.start.toordinal(),
                0 if clock is None else 1,
                seconds,
                appointment.last_day.toordinal(),
                appointment.past,
                format_appointment(appointment),
            )
        )
    return rows


def _key(data: bytes, path: Path, fmt: str) -> str:
    return f"{fmt}/{path.name}/{hashlib.sha256(data).hexdigest()}"


def _read(path: Path) -> tuple[bytes, str]:
    """The file's bytes and its reader format (errors as :func:`protokollkit.read` raises)."""
    from protokollkit.files import read_bytes
    from protokollkit.readers import format_of

    fmt = format_of(path)
    return read_bytes(path), fmt


def _diagnostics(exc: ProtokollkitError | OSError, path: Path) -> tuple[Diagnostic, ...]:
    from protokollkit.cli import diagnostics_of

    return diagnostics_of(exc, path)


def _standard_input() -> Outcome:
    from protokollkit.cli import read_protocol

    try:
        return rows_of(read_protocol(STDIN))
    except (ProtokollkitError, OSError) as exc:
        return _diagnostics(exc, STDIN)


def _uncached(path: Path) -> tuple[str | None, Outcome]:
    """Read one file: its cache key (None when it is not to be kept) and its outcome."""
    from protokollkit.readers import reader

    try:
        data, fmt = _read(path)
        rows = rows_of(reader(fmt)(data, str(path)))
    except (ProtokollkitError, OSError) as exc:
        return None, _diagnostics(exc, path)
    return (_key(data, path, fmt) if fmt in CACHED_FORMATS else None), rows


def _read_all(paths: list[Path]) -> Iterator[tuple[str | None, Outcome]]:
    """:func:`_uncached` for each path, in order; many files are shared out to all cores."""
    cores = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or cores < 2:
        yield from map(_uncached, paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # the parser is imported before the fork, so the workers find it ready
    import protokollkit.readers.text
    import protokollkit.termine  # noqa: F401

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    import gc

    gc.freeze()  # the workers' garbage collector leaves the inherited objects (and pages) alone
    chunk = max(8, min(64, len(paths) // (cores * 4)))
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
            yield from pool.map(_uncached, paths, chunksize=chunk)
    finally:
        gc.unfreeze()


CACHE_LIMIT = 64 * 1024 * 1024
"""The cache is read only up to this size; a larger one is started afresh."""


class AppointmentCache:
    """The rows of the files ``termine`` has read, by key; :meth:`save` writes them back."""

    def __init__(self, path: Path | None = None, today: dt.date | None = None) -> None:
        self.path = path or cache_path()
        self.today = (today or dt.date.today()).toordinal()
        self.fingerprint = code_fingerprint()
        self.entries: dict[str, list[object]] = {}
        self.changed = False
        try:
            from protokollkit.files import read_bytes

            # a regular file of sane size only: a FIFO or /dev/zero there would hang the command
            stored = json.loads(read_bytes(self.path, limit=CACHE_LIMIT))
            if (
                isinstance(stored, dict)
                and stored.get("version") == CACHE_VERSION
                and stored.get("code") == self.fingerprint
                and isinstance(stored.get("entries"), dict)
            ):
                self.entries = stored["entries"]
        except (OSError, ValueError, RecursionError, ProtokollkitError):
            pass

    def get(self, key: str) -> list[Row] | None:
        """The rows kept for ``key`` (marked as used today), or None."""
        entry = self.entries.get(key)
        if not isinstance(entry, list) or len(entry) != 2 or not isinstance(entry[1], list):
            return None
        rows = [_row(row) for row in entry[1]]
        if None in rows:  # a damaged cache file: the protocol is read again
            return None
        if entry[0] != self.today:
            entry[0] = self.today
            self.changed = True
        return [row for row in rows if row is not None]

    def put(self, key: str, rows: list[Row]) -> None:
        self.entries[key] = [self.today, [list(row) for row in rows]]
        self.changed = True

    def save(self) -> None:
        """Write the cache when anything changed (old entries dropped); silently not when the
        folder cannot be written."""
        if not self.changed:
            return
        oldest = self.today - KEEP_DAYS
        kept = {
            key: entry
            for key, entry in self.entries.items()
            if isinstance(entry, list)
            and entry
            and isinstance(entry[0], int)
            and entry[0] >= oldest
        }
        text = json.dumps(
            {"version": CACHE_VERSION, "code": self.fingerprint, "entries": kept},
            separators=(",", ":"),  # ASCII escapes: a file name that is not UTF-8 is kept too
        )
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".termine-", dir=self.path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self.changed = False


def appointment_rows(paths: Sequence[Path], cache: AppointmentCache | None = None) -> list[Outcome]:
    """Each file's rows (or the diagnostics of its error), in the order of ``paths``.

    Files whose bytes the cache knows are not read again; the others are read (on all cores when
    there are many) and put into the cache.
    """
    outcomes: list[Outcome | None] = [None] * len(paths)
    missing: list[int] = []
    for index, path in enumerate(paths):
        if path == STDIN:
            outcomes[index] = _standard_input()  # read once, in order, never kept
            continue
        if cache is not None:
            try:
                data, fmt = _read(path)
            except (ProtokollkitError, OSError) as exc:
                outcomes[index] = _diagnostics(exc, path)
                continue
            rows = cache.get(_key(data, path, fmt)) if fmt in CACHED_FORMATS else None
            if rows is not None:
                outcomes[index] = rows
                continue
        missing.append(index)
    for index, (key, outcome) in zip(missing, _read_all([paths[i] for i in missing]), strict=True):
        outcomes[index] = outcome
        if cache is not None and key is not None and isinstance(outcome, list):
            cache.put(key, outcome)
    return [outcome or [] for outcome in outcomes]
