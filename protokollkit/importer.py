"""Batch import of legacy documents into the archive (``protokollkit import``).

Each document is read by its reader (from :data:`PARALLEL_FROM` files on, in one process per
core: the Word and ODT readers run in Python), and written in the canonical text layout to
``archiv/YYYY-MM-DD-<gremium>.txt``. An existing archive file is never overwritten unless asked;
a bad document is reported and the others are imported all the same.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from protokollkit.diagnostics import Diagnostic, ParseError, ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.readers import FORMATS

IMPORT_SUFFIXES = frozenset(suffix for f in FORMATS if f.sniffed for suffix in f.suffixes)
"""Office documents a folder is searched for (the registry's content-sniffed formats); other
files there (notes, README, .txt) are left alone. A file named on the command line may be in
any format a reader knows."""

UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)

Status = Literal["importiert", "überschrieben", "unverändert", "geändert", "fehler"]


@dataclass(frozen=True)
class ImportResult:
    """What became of one source file."""

    source: Path
    status: Status
    target: Path | None = None
    protocol: Protocol | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    message: str = ""

    @property
    def failed(self) -> bool:
        """True when the file could not be imported, or differs from the archive and was not
        written (``geändert`` without ``--force``)."""
        return self.status in ("fehler", "geändert")

    @property
    def warnings(self) -> int:
        """Number of warnings about this file."""
        return sum(1 for d in self.diagnostics if d.level == "warning")


@dataclass
class ImportReport:
    """The results of one batch, in the order the sources were given."""

    results: list[ImportResult] = field(default_factory=list)

    @property
    def failed(self) -> list[ImportResult]:
        """The files that could not be imported."""
        return [r for r in self.results if r.failed]


def slug(text: str) -> str:
    """``Stadtteiltisch Groß Klein`` → ``stadtteiltisch-gross-klein``: lowercase ASCII for names."""
    text = text.translate(UMLAUTS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:60].rstrip("-") or "protokoll"


def archive_name(protocol: Protocol) -> str:
    """``YYYY-MM-DD-<gremium>.txt``, or a ProtokollkitError if the protocol has no date."""
    if protocol.date is None:
        raise ProtokollkitError(
            "Kein Datum gefunden (weder in der Titelzeile noch in den Dokumenteigenschaften); "
            "bitte das Datum in die Titelzeile schreiben und erneut importieren."
        )
    return f"{protocol.date.isoformat()}-{slug(protocol.meeting)}.txt"


def _skipped_name(path: Path) -> bool:
    """Office lock files (``~$Protokoll.docx``, ``.~lock.x.odt#``) and hidden files."""
    return path.name.startswith(("~$", ".~lock", "."))


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, folders searched recursively for known suffixes."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in IMPORT_SUFFIXES and not _skipped_name(p)
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def with_date_in_title(protocol: Protocol) -> Protocol:
    """A title without a date gets the date found elsewhere (document properties) appended.

    The archive file then carries its date itself; reading it back gives the same date.
    """
    from dataclasses import replace

    from protokollkit.dates import german_date
    from protokollkit.layout import parse_title

    if protocol.date is None or parse_title(protocol.title)[1] is not None:
        return protocol
    return replace(protocol, title=f"{protocol.title} {german_date(protocol.date)}")


NOT_A_PROTOCOL = (
    "Kein Protokoll erkannt: weder ein Titel wie „Protokoll …“ noch ein Sitzungsdatum, "
    "Teilnehmende, Tagesordnungspunkte oder Angaben zur Sitzung."
)


def looks_like_protocol(protocol: Protocol) -> bool:
    """True when a document has anything a protocol has: a protocol title, a meeting date in
    its text, participants, agenda items, meeting metadata, decisions or a next meeting."""
    from protokollkit.layout import TITLE

    dated = any(d.level == "info" and "Dateinamen" in d.message for d in protocol.diagnostics)
    return bool(
        TITLE.match(protocol.title)
        or protocol.items
        or protocol.listed_present()
        or protocol.agenda
        or any(m.kind != "other" for m in protocol.meta)
        or protocol.next_meeting
        or protocol.decisions()
        or (protocol.date is not None and not dated and "Sitzung" in protocol.title)
    )


def convert_one(path: Path) -> Protocol:
    """Read one document into a Protocol (raises ParseError/ProtokollkitError on bad input,
    and on a document that is no protocol at all, such as a letter or a shopping list)."""
    from protokollkit.diagnostics import error
    from protokollkit.files import read_bytes
    from protokollkit.readers import format_of, reader

    protocol = reader(format_of(path))(read_bytes(path), str(path))
    if not looks_like_protocol(protocol):
        raise error(NOT_A_PROTOCOL, str(path))
    return protocol


def _error_result(path: Path, exc: Exception) -> ImportResult:
    if isinstance(exc, ParseError):
        errors = [d for d in exc.diagnostics if d.level == "error"]
        message = errors[0].message if errors else str(exc)
        return ImportResult(path, "fehler", diagnostics=exc.diagnostics, message=message)
    if isinstance(exc, ProtokollkitError):
        message = str(exc)
    elif isinstance(exc, OSError):
        from protokollkit.files import os_reason

        message = f"Datei kann nicht gelesen werden: {os_reason(exc)}."
    elif isinstance(exc, RecursionError):
        message = "Das Dokument ist zu tief verschachtelt, um es zu lesen."
    else:
        name = exc.name if isinstance(exc, UnexpectedError) else type(exc).__name__
        message = (
            f"Das Dokument konnte nicht gelesen werden (unerwartet: {name}); "
            "bitte die Datei mit PROTOKOLLKIT_DEBUG=1 melden."
        )
    diagnostic = Diagnostic("error", message, str(path))
    return ImportResult(path, "fehler", diagnostics=(diagnostic,), message=message)


class UnexpectedError(Exception):
    """An error from a worker process that cannot be sent back as it is: its type's name is
    kept for the report."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


EXPECTED = (ProtokollkitError, OSError, RecursionError)
"""What reading a bad document raises: a German error of ours, a file the system cannot read,
a document nested too deeply. Each becomes that file's ``fehler`` with a German message."""


def _converted(path: Path) -> Protocol | Exception:
    """:func:`convert_one`, or the error that stopped it, so one bad file does not stop the
    batch.

    An expected error (:data:`EXPECTED`) is the result as it is. Any other is a bug of ours:
    with ``PROTOKOLLKIT_DEBUG`` set it stops the batch with its traceback; else it becomes an
    :class:`UnexpectedError` naming its type, reported for that file as „unerwartet“ (the other
    files are imported all the same).
    """
    try:
        return convert_one(path)
    except EXPECTED as exc:
        return exc
    except Exception as exc:  # a bug: reported by name, raised with PROTOKOLLKIT_DEBUG
        if os.environ.get("PROTOKOLLKIT_DEBUG"):
            raise
        return UnexpectedError(type(exc).__name__)


def _leave_interrupt_to_main() -> None:
    """Workers leave Ctrl+C to the main process, which stops handing out files. A handler that
    does nothing, not SIG_IGN: pandoc and LibreOffice started by a worker get the default back
    and stop on Ctrl+C as before."""
    import signal

    signal.signal(signal.SIGINT, _no_interrupt)


def _no_interrupt(_signal: int, _frame: object) -> None:
    """Ctrl+C in a worker process: nothing (the main process stops the batch)."""


PARALLEL_FROM = 4
"""From this many files, they are converted in several processes: the readers run in Python
(lxml for Word and ODT), so threads would wait for each other."""


def convert_all(
    sources: Sequence[Path],
    workers: int | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Protocol | Exception]:
    """Convert every source, ``workers`` processes at a time (default: one per core); in input
    order."""
    return list(iter_converted(sources, workers, progress))


def iter_converted(
    sources: Sequence[Path],
    workers: int | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[Protocol | Exception]:
    """:func:`convert_all` one result at a time, in input order, while the next ones are still
    being converted (so that the caller can write them meanwhile)."""
    workers = min(max(1, workers or os.cpu_count() or 1), len(sources) or 1)
    if workers == 1 or len(sources) < PARALLEL_FROM:
        for source in sources:
            result = _converted(source)
            if progress:
                progress(source)
            yield result
        return
    import importlib
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor

    from protokollkit.readers import READERS, SUFFIXES

    # the readers needed are imported before the fork: the workers find them ready
    formats = {SUFFIXES.get(path.suffix.lower(), "text") for path in sources}
    for name in formats | ({"docx"} if "doc" in formats else set()):
        importlib.import_module(READERS[name][0])
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_interrupt_to_main)
    try:
        futures = [pool.submit(_converted, path) for path in sources]
        for source, future in zip(sources, futures, strict=True):
            converted = future.result()
            if progress:
                progress(source)
            yield converted
    finally:
        # On Ctrl+C the documents not yet started are dropped instead of converted.
        pool.shutdown(wait=True, cancel_futures=True)


def _flat(protocol: Protocol) -> tuple[list[str], list[str]]:
    """The item headings and the point texts (``TOP: text``) of a protocol, in order."""
    from protokollkit.writers.text import item_heading

    headings = [item_heading(item) for item in protocol.all_items()]
    points: list[str] = []
    for item in protocol.all_items():
        for block in item.blocks:
            stack = list(reversed(block.points))
            while stack:
                point = stack.pop()
                points.append(point.text)
                stack.extend(reversed(point.points))
            if block.note:
                points.append(block.note)
    return headings, points


def _changes(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """How many entries were added, changed and removed from ``old`` to ``new``."""
    import difflib

    added = changed = removed = 0
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "insert":
            added += b2 - b1
        elif tag == "delete":
            removed += a2 - a1
        elif tag == "replace":
            common = min(a2 - a1, b2 - b1)
            changed += common
            added += (b2 - b1) - common
            removed += (a2 - a1) - common
    return added, changed, removed


def diff_summary(old: Protocol, new: Protocol) -> str:
    """A short German summary of what differs: ``TOPs: 1 neu; Punkte: 2 neu, 1 geändert``."""
    parts: list[str] = []
    if old.title != new.title:
        parts.append("Titel geändert")
    if old.participants != new.participants:
        parts.append("Teilnehmende geändert")
    old_items, old_points = _flat(old)
    new_items, new_points = _flat(new)
    for label, before, after in (
        ("TOPs", old_items, new_items),
        ("Punkte", old_points, new_points),
    ):
        added, changed, removed = _changes(before, after)
        counts = [
            f"{n} {word}"
            for n, word in ((added, "neu"), (changed, "geändert"), (removed, "entfernt"))
            if n
        ]
        if counts:
            parts.append(f"{label}: {', '.join(counts)}")
    if old.next_meeting != new.next_meeting:
        parts.append("Nächster Termin geändert")
    if not parts:
        parts.append("Text und Form geändert")
    return "; ".join(parts)


def previous_version_path(target: Path) -> Path:
    """``NAME.vorher.txt`` beside ``target``; ``NAME.vorher-2.txt`` … when that exists already."""
    candidate = target.with_name(f"{target.stem}.vorher.txt")
    number = 2
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}.vorher-{number}.txt")
        number += 1
    return candidate


def _compare(text: str, protocol: Protocol, target: Path) -> str | None:
    """None when ``target`` holds the same protocol as ``text``; else a summary of the changes."""
    import protokollkit
    from protokollkit.files import decode_text, read_bytes

    try:
        old_bytes = read_bytes(target)
    except ParseError as exc:
        reasons = [d.message.rstrip(".") for d in exc.diagnostics if d.level == "error"]
        return "Archivdatei nicht lesbar" + (f" ({reasons[0]})" if reasons else "")
    if old_bytes == text.encode("utf-8"):
        return None
    try:
        old_text, _notes = decode_text(old_bytes, str(target))
        old = protokollkit.read(old_text if "\n" in old_text else old_text + "\n")
    except ProtokollkitError:
        return "Archivdatei ist kein lesbares Protokoll"
    if old == protocol:
        return None
    return diff_summary(old, protocol)


def _read_text(text: str) -> Protocol | None:
    import protokollkit

    try:
        return protokollkit.read(text if "\n" in text else text + "\n")
    except ProtokollkitError:
        return None


def import_files(
    paths: Iterable[Path],
    archive: Path,
    *,
    force: bool = False,
    workers: int | None = None,
    progress: Callable[[Path], None] | None = None,
    sources: Sequence[Path] | None = None,
) -> ImportReport:
    """Import documents into ``archive``; returns what became of each file.

    Archive files are written atomically with the canonical text writer. An existing one is
    compared by content: the same protocol is ``unverändert``; a different one is ``geändert``
    (with a summary of the changes) and written only with ``force``, the previous version kept
    beside it as ``NAME.vorher.txt``. Two different versions of one meeting in one batch: the
    first is written, the second reported as ``geändert``.
    """
    from protokollkit.files import Inputs, check_output, display, remove_stale_temporaries
    from protokollkit.writers.text import write_text

    sources = list(sources) if sources is not None else collect_sources(paths)
    remove_stale_temporaries(archive)  # left by a run that was killed
    converted = iter_converted(sources, workers, progress)
    report = ImportReport()
    # Archive files are written on threads (each is synced to disk, which waits for the disk,
    # not for Python) while the next documents are converted and compared.
    writing = ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="schreiben")
    written: dict[int, tuple[Future[None], ImportResult]] = {}
    inputs = Inputs(sources)  # each source looked at once, not once per archive file
    claimed: dict[Path, tuple[Path, str]] = {}
    try:
        for path, outcome in zip(sources, converted, strict=True):
            if isinstance(outcome, Exception):
                report.results.append(_error_result(path, outcome))
                continue
            protocol = outcome
            try:
                target = archive / archive_name(protocol)
                check_output(target, inputs)
            except ProtokollkitError as exc:
                result = _error_result(path, exc)
                report.results.append(
                    ImportResult(
                        path,
                        "fehler",
                        protocol=protocol,
                        diagnostics=(*protocol.diagnostics, *result.diagnostics),
                        message=result.message,
                    )
                )
                continue
            text = write_text(with_date_in_title(protocol))
            found = protocol.diagnostics
            if target in claimed:
                first, first_text = claimed[target]
                if first_text == text or _read_text(first_text) == _read_text(text):
                    message = f"gleiche Sitzung wie {display(first)}, gleicher Inhalt"
                    report.results.append(
                        ImportResult(path, "unverändert", target, protocol, found, message)
                    )
                else:
                    first_protocol, this_protocol = _read_text(first_text), _read_text(text)
                    summary = (
                        diff_summary(first_protocol, this_protocol)
                        if first_protocol is not None and this_protocol is not None
                        else "Text geändert"
                    )
                    message = (
                        f"gleiche Sitzung wie {display(first)}, aber anderer Inhalt ({summary}); "
                        "nicht geschrieben – bitte einzeln importieren"
                    )
                    report.results.append(
                        ImportResult(path, "geändert", target, protocol, found, message)
                    )
                continue
            claimed[target] = (path, text)
            existed = target.exists() or target.is_symlink()
            kept: Path | None = None
            if existed:
                difference = _compare(text, protocol, target)
                if difference is None:
                    report.results.append(
                        ImportResult(path, "unverändert", target, protocol, found, "")
                    )
                    continue
                if not force:
                    message = (
                        f"{difference}; nicht geschrieben (mit --force, die alte Fassung bleibt)"
                    )
                    report.results.append(
                        ImportResult(path, "geändert", target, protocol, found, message)
                    )
                    continue
                kept = previous_version_path(target)
            status: Status = "überschrieben" if existed else "importiert"
            message = f"alte Fassung: {kept.name}" if kept is not None else ""
            done = ImportResult(path, status, target, protocol, found, message)
            written[len(report.results)] = (writing.submit(_write, target, text, kept), done)
            report.results.append(done)
    finally:
        writing.shutdown(wait=True)
    for index, (future, done) in written.items():
        failure = future.exception()
        if failure is not None:
            if not isinstance(failure, (OSError, ProtokollkitError)):
                raise failure
            report.results[index] = _error_result(done.source, failure)
    return report


WRITERS = 8
"""Archive files written at the same time."""


def _write(target: Path, text: str, kept: Path | None) -> None:
    """Write one archive file (first the previous version to ``kept``, when given)."""
    from protokollkit.files import os_error, write_atomic

    if kept is not None:
        try:
            old = target.read_bytes()
        except OSError as exc:  # a symlink into nowhere, no permission: named, nothing written
            raise os_error(exc, target, "gelesen") from None
        write_atomic(kept, old)
    write_atomic(target, text)


TABLE_WIDTH = 100
"""The summary table fits this many columns (file names are shortened in the middle)."""


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    keep = max(width - 1, 2)
    head = keep // 3
    return text[:head] + "…" + text[len(text) - (keep - head) :]


def summary_table(report: ImportReport, base: Path | None = None) -> str:
    """The summary as an aligned text table (German headings), one row per source file, at most
    :data:`TABLE_WIDTH` columns wide; each row's note follows below the table."""
    from protokollkit.files import display

    def shown(path: Path | None) -> str:
        if path is None:
            return "–"
        if base is not None:
            try:
                return display(path.relative_to(base))
            except ValueError:
                pass
        return display(path)

    header = ("Datei", "Archivdatei", "TOPs", "Punkte", "Warnungen", "Ergebnis")
    rows: list[list[str]] = [list(header)]
    notes: list[str] = []
    for result in report.results:
        protocol = result.protocol
        items = str(len(protocol.all_items())) if protocol else "–"
        points = str(len(protocol.all_points())) if protocol else "–"
        rows.append(
            [
                shown(result.source),
                display(result.target.name) if result.target else "–",
                items,
                points,
                str(result.warnings),
                result.status,
            ]
        )
        if result.message:
            notes.append(f"{shown(result.source)}: {result.message}")
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for column in (0, 1):  # shorten the source, then the archive name, until the table fits
        excess = sum(widths) + 2 * (len(widths) - 1) - TABLE_WIDTH
        if excess > 0:
            widths[column] = max(len(header[column]) + 10, widths[column] - excess)
    numeric = {2, 3, 4}
    lines = []
    for index, row in enumerate(rows):
        cells = [_shorten(cell, widths[i]) for i, cell in enumerate(row)]
        cells = [
            cells[i].rjust(widths[i]) if i in numeric and index else cells[i].ljust(widths[i])
            for i in range(len(widths))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    if notes:
        lines.append("")
        lines.extend(notes)
    return "\n".join(lines)


def totals_line(report: ImportReport) -> str:
    """``3 importiert, 1 unverändert, 1 geändert, 1 fehlgeschlagen.``"""
    imported = sum(1 for r in report.results if r.status in ("importiert", "überschrieben"))
    same = sum(1 for r in report.results if r.status == "unverändert")
    changed = sum(1 for r in report.results if r.status == "geändert")
    failed = sum(1 for r in report.results if r.status == "fehler")
    files = "Datei" if len(report.results) == 1 else "Dateien"
    text = f"{len(report.results)} {files}: {imported} importiert, {same} unverändert, "
    if changed:
        text += f"{changed} geändert (nicht geschrieben, --force schreibt sie), "
    return text + f"{failed} fehlgeschlagen."
