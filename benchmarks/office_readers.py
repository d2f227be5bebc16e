"""The direct .docx/.odt readers against pandoc, side by side in one run.

* one file: ``read_docx``/``read_odt`` in-process (safety checks, zip + lxml, mapping, layout
  rules: "ganz"), and the reader's part alone up to the lines the layout rules read ("Leser"),
  against ``pandoc -f docx|odt -t json FILE`` alone, runs alternating;
* a batch: ``protokollkit import`` of N .docx files, one worker, CPU time (ours plus any child
  process) with the direct reader against the same import through pandoc (the reader before).

Prints the median and the spread (lowest–highest) of the per-run ratios. Nothing here asserts
a time. Run alone: ``.venv/bin/python benchmarks/office_readers.py`` (``make bench`` runs it too).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures"
FILES = [
    FIXTURES / "legacy" / "reference.docx",
    FIXTURES / "legacy" / "habits.docx",
    FIXTURES / "legacy" / "word_like.docx",
    FIXTURES / "office" / "features.docx",
    FIXTURES / "legacy" / "reference.odt",
    FIXTURES / "legacy" / "habits.odt",
    FIXTURES / "office" / "features.odt",
]
RUNS = 9

Reader = Callable[[bytes, str], object]


def spread(ratios: list[float]) -> str:
    """``median (lowest–highest)`` of ratios."""
    return (
        f"{statistics.median(ratios):.3f}× ({min(ratios):.3f}–{max(ratios):.3f}, "
        f"{len(ratios)} Läufe)"
    )


def wall(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def cpu() -> float:
    """CPU seconds used so far by this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_office_readers(runs: int = RUNS) -> None:
    """One document at a time: the direct reader in-process against pandoc's own run."""
    from protokollkit.readers.docx import read_docx
    from protokollkit.readers.odt import read_odt
    from protokollkit.readers.pandoc import pandoc_path

    pandoc = pandoc_path()
    all_ratios: list[float] = []
    all_reader_ratios: list[float] = []
    for path in FILES:
        data = path.read_bytes()
        reader: Reader = read_docx if path.suffix == ".docx" else read_odt
        command = [pandoc, "-f", path.suffix[1:], "-t", "json", str(path)]
        reader(data, path.name)  # warm: imports, lxml, the file cache
        subprocess.run(command, check=True, capture_output=True)
        ours, lines_only, theirs, ratios, reader_ratios = [], [], [], [], []

        def direct(reader: Reader = reader, data: bytes = data, name: str = path.name) -> object:
            return reader(data, name)

        def to_lines(data: bytes = data, path: Path = path) -> object:
            return office_lines(data, path.suffix[1:], path.name)

        def through_pandoc(command: list[str] = command) -> object:
            return subprocess.run(command, check=True, capture_output=True)

        for _ in range(runs):
            mine = min(wall(direct) for _ in range(3))
            lines = min(wall(to_lines) for _ in range(3))
            alone = wall(through_pandoc)
            ours.append(mine)
            lines_only.append(lines)
            theirs.append(alone)
            ratios.append(mine / alone)
            reader_ratios.append(lines / alone)
        all_ratios.extend(ratios)
        all_reader_ratios.extend(reader_ratios)
        print(
            f"  {path.name:<22} ganz {statistics.median(ours) * 1000:5.2f} ms "
            f"(Leser {statistics.median(lines_only) * 1000:5.2f} ms), "
            f"pandoc {statistics.median(theirs) * 1000:6.1f} ms  ganz {spread(ratios)}, "
            f"Leser {spread(reader_ratios)}"
        )
    print(
        "Office:   eine Datei gegen pandoc -t json (alle Dateien): ganz gelesen (mit Regeln) "
        f"{spread(all_ratios)}; nur der Leser bis zu den Zeilen {spread(all_reader_ratios)}"
    )


def office_lines(data: bytes, fmt: str, name: str) -> object:
    """The reader's part alone: checks, zip + XML, blocks → lines (no layout rules)."""
    from protokollkit.readers.office import document_lines
    from protokollkit.readers.xml import Package, odf, wordml
    from protokollkit.safety import check_size, check_zip

    check_size(data, name)
    check_zip(data, name, fmt)
    if fmt == "docx":
        return document_lines(wordml.read_package(Package(data, name, wordml.STRICT)).blocks)
    return document_lines(odf.read_package(Package(data, name)).blocks)


@contextmanager
def pandoc_for_docx() -> Iterator[None]:
    """Read .docx through pandoc while inside (the reader before the direct one)."""
    import protokollkit.readers as readers

    direct = readers._BY_NAME["docx"]
    readers._BY_NAME["docx"] = readers.Format(
        "docx", "protokollkit.readers.pandoc", "read_docx", (".docx",), sniffed=True
    )
    try:
        yield
    finally:
        readers._BY_NAME["docx"] = direct


def bench_office_batch(count: int = 100, runs: int = 5) -> None:
    """``import`` of ``count`` .docx files with one worker: CPU of direct against pandoc."""
    from protokollkit.importer import import_files

    source = FIXTURES / "legacy" / "reference.docx"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "alt"
        folder.mkdir()
        with zipfile.ZipFile(source) as original:
            parts = {info.filename: original.read(info) for info in original.infolist()}
        for index in range(count):
            day = dt.date(2010, 1, 1) + dt.timedelta(days=7 * index)
            document = parts["word/document.xml"].replace(
                b"10.11.22", day.strftime("%d.%m.%y").encode()
            )
            with zipfile.ZipFile(folder / f"protokoll-{index:03d}.docx", "w") as copy:
                for name, content in parts.items():
                    copy.writestr(name, document if name == "word/document.xml" else content)

        def one(label: str) -> float:
            archive = Path(tmp) / f"archiv-{label}-{time.perf_counter_ns()}"
            start = cpu()
            report = import_files([folder], archive, workers=1)
            used = cpu() - start
            assert not report.failed and len(list(archive.iterdir())) == count
            return used

        ratios, direct_cpu, pandoc_cpu = [], [], []
        one("warm")
        for _ in range(runs):
            mine = one("direkt")
            with pandoc_for_docx():
                theirs = one("pandoc")
            direct_cpu.append(mine)
            pandoc_cpu.append(theirs)
            ratios.append(mine / theirs)
    print(
        f"Stapel:   {count} .docx importieren (1 Worker), CPU direkt "
        f"{statistics.median(direct_cpu):5.2f} s gegen über pandoc "
        f"{statistics.median(pandoc_cpu):5.2f} s  Verhältnis {spread(ratios)}"
    )


def main() -> None:
    print(f"Messung {dt.datetime.now():%d.%m.%Y %H:%M}, {os.cpu_count()} Kerne")
    bench_office_readers()
    bench_office_batch()


if __name__ == "__main__":
    main()
