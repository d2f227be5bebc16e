"""Batch import of legacy documents into the archive (``protokollkit import``).

Each document is read by its reader (pandoc or LibreOffice run as subprocesses, so threads
convert several at once), and written in the canonical text layout to
``archiv/YYYY-MM-DD-<gremium>.txt``. An existing archive file is never overwritten unless asked;
a bad document is reported and the others are imported all the same.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
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

Status = Literal["importiert", "überschrieben", "vorhanden", "fehler"]


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
        """True when the file could not be imported."""
        return self.status == "fehler"

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


def convert_one(path: Path) -> Protocol:
    """Read one document into a Protocol (raises ParseError/ProtokollkitError on bad input)."""
    from protokollkit.files import read_bytes
    from protokollkit.readers import format_of, reader

    return reader(format_of(path))(read_bytes(path), str(path))


def _error_result(path: Path, exc: Exception) -> ImportResult:
    if isinstance(exc, ParseError):
        errors = [d for d in exc.diagnostics if d.level == "error"]
        message = errors[0].message if errors else str(exc)
        return ImportResult(path, "fehler", diagnostics=exc.diagnostics, message=message)
    message = str(exc) if isinstance(exc, ProtokollkitError) else f"{type(exc).__name__}: {exc}"
    diagnostic = Diagnostic("error", message, str(path))
    return ImportResult(path, "fehler", diagnostics=(diagnostic,), message=message)


def convert_all(
    sources: Sequence[Path],
    workers: int | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Protocol | Exception]:
    """Convert every source, ``workers`` at a time (default: one per core); in input order."""
    results: list[Protocol | Exception] = [RuntimeError("nicht gelesen")] * len(sources)
    workers = max(1, workers or os.cpu_count() or 1)

    def task(index: int) -> tuple[int, Protocol | Exception]:
        try:
            return index, convert_one(sources[index])
        except Exception as exc:  # one bad file must not stop the batch
            return index, exc

    if workers == 1 or len(sources) <= 1:
        for index in range(len(sources)):
            results[index] = task(index)[1]
            if progress:
                progress(sources[index])
        return results
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="import")
    try:
        futures = [pool.submit(task, index) for index in range(len(sources))]
        for future in as_completed(futures):
            index, result = future.result()
            results[index] = result
            if progress:
                progress(sources[index])
    finally:
        # On Ctrl+C the documents not yet started are dropped instead of converted.
        pool.shutdown(wait=True, cancel_futures=True)
    return results


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

    Archive files are written atomically with the canonical text writer; an existing one is
    left alone unless ``force``. Two sources of the same meeting in one batch: the first wins.
    """
    from protokollkit.files import write_atomic
    from protokollkit.writers.text import write_text

    sources = list(sources) if sources is not None else collect_sources(paths)
    converted = convert_all(sources, workers, progress)
    report = ImportReport()
    claimed: dict[Path, Path] = {}
    for path, outcome in zip(sources, converted, strict=True):
        if isinstance(outcome, Exception):
            report.results.append(_error_result(path, outcome))
            continue
        protocol = outcome
        try:
            target = archive / archive_name(protocol)
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
        if target in claimed:
            message = f"gleiche Sitzung wie {claimed[target]}; nicht noch einmal geschrieben"
            report.results.append(
                ImportResult(path, "vorhanden", target, protocol, protocol.diagnostics, message)
            )
            continue
        claimed[target] = path
        existed = target.exists()
        if existed and not force:
            report.results.append(
                ImportResult(
                    path,
                    "vorhanden",
                    target,
                    protocol,
                    protocol.diagnostics,
                    "Archivdatei gibt es schon (--force zum Überschreiben)",
                )
            )
            continue
        try:
            write_atomic(target, write_text(with_date_in_title(protocol)))
        except OSError as exc:
            report.results.append(_error_result(path, exc))
            continue
        status: Status = "überschrieben" if existed else "importiert"
        report.results.append(ImportResult(path, status, target, protocol, protocol.diagnostics))
    return report


def summary_table(report: ImportReport, base: Path | None = None) -> str:
    """The summary as an aligned text table (German headings), one row per source file."""

    def shown(path: Path | None) -> str:
        if path is None:
            return "–"
        if base is not None:
            try:
                return str(path.relative_to(base))
            except ValueError:
                pass
        return str(path)

    header = ("Datei", "Archivdatei", "TOPs", "Punkte", "Warnungen", "Ergebnis")
    rows: list[tuple[str, ...]] = [header]
    for result in report.results:
        protocol = result.protocol
        items = str(len(protocol.items)) if protocol else "–"
        points = str(len(protocol.all_points())) if protocol else "–"
        outcome = result.status + (f": {result.message}" if result.message else "")
        rows.append(
            (
                shown(result.source),
                shown(result.target),
                items,
                points,
                str(result.warnings),
                outcome,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    numeric = {2, 3, 4}
    lines = []
    for row in rows:
        cells = [
            row[i].rjust(widths[i])
            if i in numeric and row is not header
            else row[i].ljust(widths[i])
            for i in range(len(widths))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[-1]))
    return "\n".join(lines)


def totals_line(report: ImportReport) -> str:
    """``3 importiert, 1 schon vorhanden, 1 fehlgeschlagen.``"""
    imported = sum(1 for r in report.results if r.status in ("importiert", "überschrieben"))
    present = sum(1 for r in report.results if r.status == "vorhanden")
    failed = len(report.failed)
    files = "Datei" if len(report.results) == 1 else "Dateien"
    return (
        f"{len(report.results)} {files}: {imported} importiert, {present} schon vorhanden, "
        f"{failed} fehlgeschlagen."
    )
