"""The archive's search index: SQLite FTS5 over every point, a rebuildable cache.

The index lives beside the protocols (``archiv/.suchindex.sqlite3``, ignored by git). It is
brought up to date from the files' sizes, times and SHA-256 hashes: only new and changed files
are read again, removed ones are dropped. It also keeps each protocol's summary
(:mod:`protokollkit.archive.summary`) for the statistics and the website. Deleting it loses
nothing; a changed protokollkit (reader, rules or index layout) rebuilds it from scratch.

Words are stored as German stems (:mod:`protokollkit.archive.words`), and every query word is
matched as a prefix of a stem: ``Weihnachtsmarkt`` finds ``Weihnachtsmärkte`` and
``Weihnachtsmarktes``, ``Strasse`` finds ``Straße``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from protokollkit.archive.summary import Summary, entries, summarize
from protokollkit.archive.words import loose, stemmed_text, stems
from protokollkit.diagnostics import Diagnostic, ProtokollkitError

INDEX_NAME = ".suchindex.sqlite3"
"""The index file's name inside the archive folder."""

SCHEMA_VERSION = 2
"""Raised when the tables change; a different version rebuilds the index."""

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL, error TEXT
);
CREATE TABLE protocols (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, date TEXT, title TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX protocols_by_date ON protocols (date, name);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, protocol INTEGER NOT NULL, text TEXT NOT NULL, item_label TEXT,
    item_title TEXT, speaker TEXT, affiliation TEXT, speaker_key TEXT NOT NULL,
    affiliation_key TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE INDEX entries_by_protocol ON entries (protocol);
CREATE VIRTUAL TABLE entry_words USING fts5 (body, context, tokenize = 'unicode61');
INSERT INTO entry_words (entry_words, rank) VALUES ('rank', 'bm25(1.0, 0.3)');
"""

PARALLEL_FROM = 40
"""From this many files to read, they are read and summarised on all cores."""


def default_index_path(archive: Path) -> Path:
    """Where the index of ``archive`` lives."""
    return archive / INDEX_NAME


def _writable(path: Path) -> bool:
    """Whether the index file ``path`` can be made or changed (its folder and, when it exists,
    the file itself): not on a read-only file system or without permission."""
    try:
        if not os.access(path.parent, os.W_OK):
            return False
        return not os.path.lexists(path) or os.access(path, os.W_OK)
    except (OSError, ValueError):
        return False


def _fingerprint() -> str:
    """A hash of the code whose output the index stores: readers, rules, model, summaries."""
    import protokollkit

    package = Path(protokollkit.__file__).parent
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    sources = [
        *sorted((package / "readers").glob("*.py")),
        *(package / name for name in ("layout.py", "model.py", "dates.py", "termine.py")),
        *(package / name for name in ("skeleton.py", "files.py", "__init__.py")),
        package / "archive" / "summary.py",
        package / "archive" / "words.py",
    ]
    for source in sources:
        if source.is_file():
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listed(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a protocol to index: a file, or a name that cannot be
    followed (a symlink loop), which reading then reports as the problem of that one file."""
    try:
        return entry.is_file()
    except OSError:
        return True


def _utf8(name: str) -> bool:
    """Whether a file name is UTF-8 (else it holds surrogate escapes, which neither SQLite nor
    the website's pages can take)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def archive_files(archive: Path) -> list[Path]:
    """The protocols of the archive: its ``*.txt`` files, sorted by name."""
    if not archive.is_dir():
        from protokollkit.files import no_folder

        raise no_folder(archive)
    with os.scandir(archive) as entries:
        names = sorted(
            entry.name
            for entry in entries
            if entry.name.endswith(".txt") and not entry.name.startswith(".") and _listed(entry)
        )
    # sorted as strings: comparing Path objects costs ten times as much (5,000 files)
    return [archive / name for name in names]


@dataclass
class UpdateResult:
    """What an update of the index did."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """New or changed files that could not be read (empty, damaged …): named in ``problems``,
    not searchable, so counted neither as added nor as changed."""
    unchanged: int = 0
    problems: list[Diagnostic] = field(default_factory=list)
    rebuilt: bool = False

    @property
    def touched(self) -> list[str]:
        """Names of files added, changed, removed or (new or changed) unreadable."""
        return [*self.added, *self.changed, *self.removed, *self.unreadable]


@dataclass(frozen=True)
class Hit:
    """One search result: a point (or item title) of a protocol, with where it stands."""

    name: str
    date: dt.date | None
    title: str
    item_label: str | None
    item_title: str | None
    speaker: str | None
    affiliation: str | None
    text: str
    line: int
    rank: float


def query_expression(terms: tuple[str, ...] | list[str]) -> tuple[str, tuple[str, ...]]:
    """The FTS5 query for the user's words and the stems to highlight.

    Every argument must match; an argument of several words (``"Fläche Troika"``) is a phrase;
    the last stem of each is a prefix.
    """
    parts: list[str] = []
    prefixes: list[str] = []
    for term in terms:
        words = list(stems(term))
        if not words:
            continue
        prefixes.extend(words)
        parts.append('"' + " ".join(words) + '"*')
    return " AND ".join(parts), tuple(prefixes)


@dataclass(frozen=True)
class Prepared:
    """A protocol read, summarised and cut into entries, ready to store (or why it failed)."""

    name: str
    error: str | None = None
    date: str | None = None
    title: str = ""
    summary: str = ""
    rows: tuple[tuple[tuple[object, ...], str, str], ...] = ()


def prepare(path: Path) -> Prepared:
    """Read one protocol (through :func:`protokollkit.read`) and make what the index stores."""
    import protokollkit
    from protokollkit.diagnostics import ParseError

    try:
        protocol = protokollkit.read(path)
    except (ProtokollkitError, OSError) as exc:
        if isinstance(exc, ParseError):
            error = "; ".join(d.message for d in exc.diagnostics if d.level == "error")
        else:
            from protokollkit.files import os_reason

            error = str(exc) if isinstance(exc, ProtokollkitError) else os_reason(exc)
        return Prepared(path.name, error or "Protokoll nicht lesbar.")
    summary = summarize(protocol, path.name)
    rows = []
    for entry in entries(protocol):
        context = " ".join(filter(None, (entry.speaker, entry.affiliation, entry.item_title)))
        row = (
            entry.text,
            entry.item_label,
            entry.item_title,
            entry.speaker,
            entry.affiliation,
            loose(entry.speaker or ""),
            loose(entry.affiliation or ""),
            entry.line,
        )
        rows.append((row, stemmed_text(entry.text), stemmed_text(context)))
    return Prepared(
        path.name,
        None,
        summary["date"],
        protocol.title,
        json.dumps(summary, ensure_ascii=False),
        tuple(rows),
    )


def _prepare_all(paths: list[Path]) -> Iterator[Prepared]:
    """:func:`prepare` for each path, in order; many files are shared out to all cores."""
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(prepare, paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
        yield from pool.map(prepare, paths, chunksize=16)


SQLITE_REASONS = (
    ("full", "kein Platz mehr auf dem Datenträger"),
    ("readonly", "die Datei oder das Dateisystem ist schreibgeschützt"),
    ("read-only", "die Datei oder das Dateisystem ist schreibgeschützt"),
    ("locked", "ein anderer Aufruf hält ihn zu lange gesperrt"),
    ("disk i/o", "Ein-/Ausgabefehler des Datenträgers"),
    ("unable to open", "die Datei kann nicht geöffnet werden"),
    ("malformed", "die Datei ist beschädigt"),
    ("not a database", "die Datei ist beschädigt"),
)
"""SQLite's (English) error texts → the German reason."""


def sqlite_error(exc: sqlite3.Error, path: Path, doing: str) -> ProtokollkitError:
    """A German error for an SQLite failure of the index at ``path``."""
    from protokollkit.files import display

    text = str(exc).lower()
    reason = next((german for key, german in SQLITE_REASONS if key in text), "SQLite-Fehler")
    return ProtokollkitError(
        f"{display(path)}: Suchindex kann nicht {doing} werden: {reason}. Er ist nur ein "
        "Zwischenspeicher und darf gelöscht werden; die Protokolle sind unverändert."
    )


class ArchiveIndex:
    """The search index and summary cache of one archive folder."""

    def __init__(self, archive: Path, path: Path | None = None) -> None:
        self.archive = archive
        self.path = path or default_index_path(archive)
        self._db: sqlite3.Connection | None = None
        self._lock_depth = 0

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the index's lock (``.suchindex.sqlite3.lock``): two commands on one archive at
        the same time make and update the index one after the other, never both at once
        (they did: one failed with "UNIQUE constraint failed"). Where no lock can be taken
        (no ``fcntl``, a read-only folder), the work goes on without one."""
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        try:
            import fcntl

            fd = os.open(
                f"{self.path}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644
            )
        except (ImportError, OSError):
            fd = -1
        try:
            if fd >= 0:
                fcntl.flock(fd, fcntl.LOCK_EX)
            self._lock_depth = 1
            yield
        finally:
            self._lock_depth = 0
            if fd >= 0:
                os.close(fd)  # closing releases the lock

    # --- opening ------------------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """The open connection; a missing, damaged or outdated index is made anew."""
        if self._db is None:
            with self._locked():
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        if not self.archive.is_dir():
            from protokollkit.files import no_folder

            raise no_folder(self.archive)
        fingerprint = _fingerprint()
        if not _writable(self.path):
            return self._open_in_memory(fingerprint)
        try:
            db = sqlite3.connect(self.path, timeout=30)
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row and row[0] == fingerprint:
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass
        self.rebuilt = True
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.executescript(SCHEMA)
            db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
            db.commit()
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, "angelegt") from None
        return db

    rebuilt = False
    in_memory = False
    """True when the index cannot be written where it belongs (a read-only archive): it is
    then made in memory, from the stored one where that is current, and forgotten after."""

    def _open_in_memory(self, fingerprint: str) -> sqlite3.Connection:
        self.in_memory = True
        db = sqlite3.connect(":memory:")
        with contextlib.suppress(sqlite3.Error, OSError, ValueError):
            stored = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                row = stored.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
                if row and row[0] == fingerprint:
                    stored.backup(db)
                    return db
            finally:
                stored.close()
        self.rebuilt = True
        db.executescript(SCHEMA)
        db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        return db

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ArchiveIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- updating -----------------------------------------------------------------------------

    def update(self, progress: Callable[[str], None] | None = None) -> UpdateResult:
        """Bring the index up to date with the archive folder; read only new or changed files."""
        with self._locked():
            try:
                return self._update(progress)
            except sqlite3.Error as exc:  # the disk full, the file read-only …
                raise sqlite_error(exc, self.path, "geschrieben") from None

    def _update(self, progress: Callable[[str], None] | None) -> UpdateResult:
        db = self.db
        result = UpdateResult(rebuilt=self.rebuilt)
        known = {
            row[0]: (row[1], row[2], row[3], row[4])
            for row in db.execute("SELECT name, size, mtime_ns, hash, error FROM files")
        }
        present = []
        for path in archive_files(self.archive):
            if _utf8(path.name):
                present.append(path)
                continue
            from protokollkit.files import display

            message = (
                "Der Dateiname ist kein UTF-8 (ein Byte wie \\xNN darin); Suche, Statistik und "
                "Website lassen die Datei aus. Bitte umbenennen."
            )
            result.problems.append(Diagnostic("error", message, display(path)))
        names = {p.name for p in present}
        for name in sorted(set(known) - names):
            self._drop(name)
            db.execute("DELETE FROM files WHERE name = ?", (name,))
            result.removed.append(name)
        todo: list[tuple[Path, int, int, str, bool]] = []
        for path in present:
            try:
                stat = path.stat()
                old = known.get(path.name)
                if old and old[0] == stat.st_size and old[1] == stat.st_mtime_ns:
                    result.unchanged += 1
                    if old[3]:
                        result.problems.append(Diagnostic("error", old[3], str(path)))
                    continue
                digest = file_hash(path)
            except OSError as exc:  # a symlink loop, no permission, removed meanwhile
                from protokollkit.files import display, os_reason

                message = f"Datei kann nicht gelesen werden: {os_reason(exc)}."
                result.problems.append(Diagnostic("error", message, display(path)))
                self._drop(path.name)
                db.execute("DELETE FROM files WHERE name = ?", (path.name,))
                continue
            if old and old[2] == digest and not old[3]:
                db.execute(
                    "UPDATE files SET size = ?, mtime_ns = ? WHERE name = ?",
                    (stat.st_size, stat.st_mtime_ns, path.name),
                )
                result.unchanged += 1
                continue
            todo.append((path, stat.st_size, stat.st_mtime_ns, digest, old is not None))
        pending = 0
        for (path, size, mtime_ns, digest, existed), prepared in zip(
            todo, _prepare_all([t[0] for t in todo]), strict=True
        ):
            if progress:
                progress(path.name)
            self._drop(path.name)
            error = prepared.error
            if error is not None:
                result.problems.append(Diagnostic("error", error, str(path)))
            else:
                self._store(prepared)
            db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                (path.name, size, mtime_ns, digest, error),
            )
            if error is not None:
                result.unreadable.append(path.name)
            else:
                (result.changed if existed else result.added).append(path.name)
            pending += 1
            if pending >= 500:
                db.commit()
                pending = 0
        db.commit()
        return result

    def _drop(self, name: str) -> None:
        db = self.db
        row = db.execute("SELECT id FROM protocols WHERE name = ?", (name,)).fetchone()
        if row is None:
            return
        db.execute(
            "DELETE FROM entry_words WHERE rowid IN (SELECT id FROM entries WHERE protocol = ?)",
            (row[0],),
        )
        db.execute("DELETE FROM entries WHERE protocol = ?", (row[0],))
        db.execute("DELETE FROM protocols WHERE id = ?", (row[0],))

    def _store(self, prepared: Prepared) -> None:
        db = self.db
        cursor = db.execute(
            "INSERT INTO protocols (name, date, title, summary) VALUES (?, ?, ?, ?)",
            (prepared.name, prepared.date, prepared.title, prepared.summary),
        )
        protocol_id = cursor.lastrowid
        for row, body, context in prepared.rows:
            cursor = db.execute(
                "INSERT INTO entries (protocol, text, item_label, item_title, speaker, "
                "affiliation, speaker_key, affiliation_key, line) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (protocol_id, *row),
            )
            db.execute(
                "INSERT INTO entry_words (rowid, body, context) VALUES (?, ?, ?)",
                (cursor.lastrowid, body, context),
            )

    # --- reading ------------------------------------------------------------------------------

    def search(
        self,
        terms: tuple[str, ...] | list[str],
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        person: str | None = None,
        institution: str | None = None,
        limit: int = 20,
    ) -> tuple[list[Hit], tuple[str, ...]]:
        """Ranked hits for ``terms`` (all must match) and the stems to highlight.

        ``start``/``end`` bound the protocol's date (inclusive); ``person`` and ``institution``
        are parts of the speaker's name or affiliation (``Muller`` and ``Mueller`` find ``Müller``).
        Without terms, the filters alone select entries, newest first.
        """
        expression, prefixes = query_expression(terms)
        where: list[str] = []
        args: list[object] = []
        if expression:
            where.append("entry_words MATCH ?")
            args.append(expression)
        if start:
            where.append("p.date >= ?")
            args.append(start.isoformat())
        if end:
            where.append("p.date <= ?")
            args.append(end.isoformat())
        if person:
            where.append("instr(e.speaker_key, ?) > 0")
            args.append(loose(person.strip()))
        if institution:
            where.append("instr(e.affiliation_key, ?) > 0")
            args.append(loose(institution.strip()))
        if not where:
            return [], prefixes
        rank = "entry_words.rank" if expression else "0.0"
        if expression and len(where) == 1:
            # words only: let FTS5 pick the best rows first, then join just those
            source = (
                "(SELECT rowid, rank FROM entry_words WHERE entry_words MATCH ? "
                "ORDER BY rank LIMIT ?) AS w JOIN entries e ON e.id = w.rowid"
            )
            args.append(limit)
            where, rank = ["1"], "w.rank"
        elif expression:
            source = "entry_words JOIN entries e ON e.id = entry_words.rowid"
        else:
            source = "entries e"
        sql = (
            f"SELECT p.name, p.date, p.title, e.item_label, "
            f"e.item_title, e.speaker, e.affiliation, e.text, e.line, {rank} AS rank "
            f"FROM {source} JOIN protocols p ON p.id = e.protocol "
            f"WHERE {' AND '.join(where)} ORDER BY rank, p.date DESC, e.id LIMIT ?"
        )
        args.append(limit)
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise ProtokollkitError(f"Suchanfrage nicht verstanden ({exc}).") from None
        hits = [
            Hit(
                name=row[0],
                date=dt.date.fromisoformat(row[1]) if row[1] else None,
                title=row[2],
                item_label=row[3],
                item_title=row[4],
                speaker=row[5],
                affiliation=row[6],
                text=row[7],
                line=row[8],
                rank=row[9],
            )
            for row in rows
        ]
        return hits, prefixes

    def summaries(self) -> Iterator[Summary]:
        """Every protocol's summary, oldest first (undated ones last)."""
        rows = self.db.execute("SELECT summary FROM protocols ORDER BY date IS NULL, date, name")
        for (text,) in rows:
            yield json.loads(text)

    def hashes(self) -> dict[str, str]:
        """The SHA-256 of every indexed file that could be read, by file name."""
        return dict(self.db.execute("SELECT name, hash FROM files WHERE error IS NULL"))

    def count(self) -> int:
        """How many protocols the index holds."""
        row = self.db.execute("SELECT count(*) FROM protocols").fetchone()
        return int(row[0])


__all__ = [
    "INDEX_NAME",
    "ArchiveIndex",
    "Hit",
    "UpdateResult",
    "archive_files",
    "default_index_path",
    "file_hash",
    "query_expression",
]
