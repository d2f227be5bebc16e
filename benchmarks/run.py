"""Speed figures for the README, measured side by side in one run (``make bench``).

Nothing here asserts a time; it prints ratios so that a slower machine gives the same picture.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "archiv" / "2022-11-10-stadtteiltisch.txt"
RUNS = 7
"""Runs per figure: each prints the median and the spread (lowest–highest) of its ratios."""


def best_of(
    runs: int, action: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``runs`` timings of ``action`` in seconds (``clock``: the wall clock, or
    ``time.process_time`` for work inside this process, steady on a loaded machine)."""
    timings = []
    for _ in range(runs):
        start = clock()
        action()
        timings.append(clock() - start)
    return min(timings)


def spread(ratios: list[float]) -> str:
    """``median× (lowest–highest, N Läufe)`` of per-run ratios."""
    return (
        f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f}, "
        f"{len(ratios)} Läufe)"
    )


def run(command: list[str], env: dict[str, str] | None = None) -> Callable[[], object]:
    """An action that runs ``command`` (in ``env``, default: ours) and waits for it."""
    return lambda: subprocess.run(command, check=True, capture_output=True, env=env)


def with_bytecode_cache(folder: Path | None = None) -> dict[str, str]:
    """Our environment with Python's bytecode cache on, as in any normal installation (some
    sandboxes switch it off); in ``folder`` when given."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if folder is not None:
        env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env


def bench_parse(runs: int = RUNS) -> None:
    """Protocols parsed per second (the reference protocol, read from memory), against the
    floor: decoding its bytes and splitting them into lines."""
    import protokollkit
    from protokollkit.files import decode_text

    data = SEED.read_bytes()
    text = data.decode("utf-8")
    rounds = 200

    def parse() -> object:
        return [protokollkit.read(text) for _ in range(rounds)]

    def floor() -> object:
        return [decode_text(data, "p")[0].splitlines() for _ in range(rounds)]

    parse()
    ratios, rates = [], []
    for _ in range(runs):
        ours = best_of(3, parse, time.process_time)  # CPU time: both run in this process
        bare = best_of(3, floor, time.process_time)
        rates.append(rounds / ours)
        ratios.append(ours / bare)
    print(
        f"Parser:   {statistics.median(rates):8.0f} Protokolle/s (Median; "
        f"{min(rates):.0f}–{max(rates):.0f}; Referenzprotokoll, {SEED.stat().st_size} Bytes); "
        f"gegen Dekodieren + Zeilen {spread(ratios)}"
    )


def bench_startup(runs: int = 15) -> None:
    """Start-up of ``protokollkit --help`` against a bare ``python -c pass``, both with the
    bytecode cache on (``PYTHONDONTWRITEBYTECODE`` cleared), alternating."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        env = with_bytecode_cache(Path(tmp))
        bare = run([sys.executable, "-c", "pass"], env)
        cli = run([sys.executable, "-m", "protokollkit", "--help"], env)
        cli()  # writes the bytecode cache
        bare_times, cli_times = [], []
        for _ in range(runs):
            bare_times.append(best_of(1, bare))
            cli_times.append(best_of(1, cli))
    ratios = [c / b for c, b in zip(cli_times, bare_times, strict=True)]
    print(
        f"Start:    protokollkit --help {statistics.median(cli_times) * 1000:5.1f} ms, "
        f"python -c pass {statistics.median(bare_times) * 1000:5.1f} ms (Mediane)  "
        f"Verhältnis {spread(ratios)} (Ziel ≤ 2,5×)"
    )


TYPST_WRAPPER = """#!{python}
# pandoc's --pdf-engine=typst runs `typst compile IN.typ OUT.pdf`; the typst package does it.
import sys
import typst

files = [arg for arg in sys.argv[2:] if not arg.startswith("-")]
typst.compile(files[0], output=files[1])
"""


def bench_build() -> None:
    """``protokollkit build`` (all five formats) against pandoc alone making just DOCX and PDF.

    Both start fresh processes, as a user would; pandoc reads the equivalent Markdown and makes
    its PDF through its Typst writer and the same Typst compiler (a tiny wrapper executable).
    """
    import tempfile

    import pypandoc

    import protokollkit

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        markdown = folder / "p.md"
        markdown.write_text(str(protokollkit.write(protokollkit.read(SEED), "markdown")), "utf-8")
        engine = folder / "typst"
        engine.write_text(TYPST_WRAPPER.format(python=sys.executable), "utf-8")
        os.chmod(engine, 0o755)
        pandoc = pypandoc.get_pandoc_path()
        env = with_bytecode_cache(folder)  # for both sides
        ours = run([sys.executable, "-m", "protokollkit", "build", str(SEED),
                    "-o", str(folder / "ausgabe"), "--force"], env)  # fmt: skip
        docx = run([pandoc, str(markdown), "-o", str(folder / "p.docx")], env)
        pdf = run(
            [pandoc, str(markdown), "-o", str(folder / "p.pdf"), f"--pdf-engine={engine}"], env
        )
        ours()  # warm the file system cache, then alternate so both see the same load
        build_times, pandoc_times, build_cpu, pandoc_cpu = [], [], [], []
        for _ in range(15):
            before = children_cpu()
            build_times.append(best_of(1, ours))
            middle = children_cpu()
            pandoc_times.append(best_of(1, lambda: (docx(), pdf())))
            build_cpu.append(middle - before)
            pandoc_cpu.append(children_cpu() - middle)
    ratios = [b / p for b, p in zip(build_times, pandoc_times, strict=True)]
    cpu = [b / p for b, p in zip(build_cpu, pandoc_cpu, strict=True)]
    print(
        f"Build:    protokollkit build (alle 6 Formate) "
        f"{statistics.median(build_times) * 1000:4.0f} ms, pandoc DOCX + PDF "
        f"{statistics.median(pandoc_times) * 1000:4.0f} ms (Mediane)  Verhältnis {spread(ratios)} "
        "(Ziel ≤ 1,0×)"
    )
    print(
        f"          CPU (mit Kindprozessen) {statistics.median(build_cpu) * 1000:4.0f} ms gegen "
        f"{statistics.median(pandoc_cpu) * 1000:4.0f} ms: {spread(cpu)}"
    )


def children_cpu() -> float:
    """CPU seconds (user + system) of all child processes waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


LEGACY_DOCX = ROOT / "tests" / "fixtures" / "legacy" / "reference.docx"


def bench_import_docx() -> None:
    """Reading one .docx in-process (checks, zip + lxml, mapping, the layout rules) against
    pandoc alone (``pandoc -f docx -t json``); runs alternate so that both see the same load.
    ``benchmarks/office_readers.py`` gives the details (every fixture, .odt, median and spread).
    """
    from protokollkit.readers.docx import read_docx
    from protokollkit.readers.pandoc import pandoc_path

    data = LEGACY_DOCX.read_bytes()
    pandoc = run([pandoc_path(), "-f", "docx", "-t", "json", str(LEGACY_DOCX)])
    ours_times, pandoc_times = [], []
    for _ in range(30):
        ours_times.append(best_of(1, lambda: read_docx(data, str(LEGACY_DOCX))))
        pandoc_times.append(best_of(1, pandoc))
    ratios = [o / p for o, p in zip(ours_times, pandoc_times, strict=True)]
    print(
        f"Import:   eine .docx lesen {statistics.median(ours_times) * 1000:5.1f} ms, pandoc -f "
        f"docx -t json {statistics.median(pandoc_times) * 1000:5.1f} ms (Mediane)  Verhältnis "
        f"{spread(ratios)} (Ziel ≤ 0,2×)"
    )


IMPORT_BEFORE = "d5bdf89"
"""The revision before ``import`` converted in processes and wrote on threads (issue 12)."""

IMPORT = """
import sys
from pathlib import Path
from protokollkit.importer import import_files
report = import_files([Path(sys.argv[1])], Path(sys.argv[2]), workers=int(sys.argv[3]))
sys.exit(1 if report.failed else 0)
"""


def bench_import_batch() -> None:
    """``import`` of 200 .docx files (different dates) in fresh processes: one at a time against
    a process per core, and both against the code before (:data:`IMPORT_BEFORE`); wall-clock
    time and the CPU time of all processes, alternating so that all see the same load."""
    import datetime as dt
    import tempfile
    import zipfile

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.streaming import NEUTRAL, unpack_before

    count = 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "alt"
        folder.mkdir()
        with zipfile.ZipFile(LEGACY_DOCX) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
        for index in range(count):
            day = dt.date(2010, 1, 1) + dt.timedelta(days=7 * index)
            document = parts["word/document.xml"].replace(
                b"10.11.22", day.strftime("%d.%m.%y").encode()
            )
            with zipfile.ZipFile(folder / f"protokoll-{index:03d}.docx", "w") as copy:
                for name, content in parts.items():
                    copy.writestr(name, document if name == "word/document.xml" else content)
        cores = os.cpu_count() or 1
        before = unpack_before(IMPORT_BEFORE, Path(tmp) / "vorher")
        sides = {"jetzt": {**os.environ, "PYTHONPATH": str(ROOT)}}
        if before is not None:
            sides["vorher"] = {**os.environ, "PYTHONPATH": str(before)}
        walls: dict[tuple[str, int], list[float]] = {}
        cpus: dict[tuple[str, int], list[float]] = {}
        for round_ in range(5):
            for side, env in sides.items():
                for workers in (1, cores):
                    archive = Path(tmp) / f"archiv-{side}-{workers}-{round_}"
                    command = [sys.executable, "-c", IMPORT, str(folder), str(archive)]
                    start = time.perf_counter()
                    process = subprocess.Popen([*command, str(workers)], env=env, cwd=NEUTRAL)
                    _pid, status, usage = os.wait4(process.pid, 0)
                    walls.setdefault((side, workers), []).append(time.perf_counter() - start)
                    cpus.setdefault((side, workers), []).append(usage.ru_utime + usage.ru_stime)
                    assert status == 0 and len(list(archive.iterdir())) == count

    def ratio(
        top: tuple[str, int], bottom: tuple[str, int], of: dict[tuple[str, int], list[float]]
    ) -> str:
        return spread([a / b for a, b in zip(of[top], of[bottom], strict=True)])

    for side in sides:
        one, many = statistics.median(walls[side, 1]), statistics.median(walls[side, cores])
        print(
            f"Stapel:   {count} .docx importieren ({side}): nacheinander {one:5.2f} s, parallel "
            f"auf {cores} Kernen {many:5.2f} s (Mediane; CPU {statistics.median(cpus[side, 1]):.2f}"
            f" s / {statistics.median(cpus[side, cores]):.2f} s)"
        )
    now, cpu_now = (
        ratio(("jetzt", cores), ("jetzt", 1), walls),
        ratio(("jetzt", cores), ("jetzt", 1), cpus),
    )
    print(f"          parallel gegen nacheinander: Wanduhr {now}, CPU {cpu_now}")
    if "vorher" in sides:
        print(
            "          gegen vorher: parallel "
            f"{ratio(('jetzt', cores), ('vorher', cores), walls)}, "
            f"nacheinander {ratio(('jetzt', 1), ('vorher', 1), walls)} (Wanduhr); CPU parallel "
            f"{ratio(('jetzt', cores), ('vorher', cores), cpus)}"
        )


BENCHMARKS: list[Callable[[], None]] = [
    bench_parse,
    bench_startup,
    bench_build,
    bench_import_docx,
    bench_import_batch,
]


def main() -> None:
    """Run every benchmark and print one line each."""
    for benchmark in BENCHMARKS:
        benchmark()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.office_readers import bench_office_batch, bench_office_readers

    bench_office_readers()
    bench_office_batch()


if __name__ == "__main__":
    main()
