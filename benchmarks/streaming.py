"""``termine`` and ``check`` over a synthetic archive, side by side in one run (``make bench``).

Each command runs in a fresh process; its CPU time (user + system) and its peak memory come from
``wait4``. Beside it, in the same run and alternating with it:

* the same command of the code before the streaming work (``--vorher``, a git revision; its
  ``protokollkit`` package is unpacked from git into a temporary folder);
* the floor: a process that only reads, decodes and splits every file into lines;
* the parser alone: a process that only reads every protocol (``protokollkit.read``).

Prints the median and the spread (lowest–highest) of the per-run ratios, then the scale table
(10, 100, 1,000 and 5,000 protocols, up to ``--anzahl``): CPU per file and peak memory. Nothing
here asserts a time. Run alone: ``.venv/bin/python benchmarks/streaming.py [--anzahl 5000]``
(``make bench BENCH_ANZAHL=5000``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.office_readers import spread  # noqa: E402

BEFORE = "c62eb54"
"""The revision before the streaming work (issue 12, item 4): ``termine`` kept every Protocol."""

FLOOR = """
import sys
from protokollkit.files import decode_text
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        decode_text(handle.read(), name)[0].splitlines()
"""

NEUTRAL = tempfile.gettempdir()
"""Working folder of the measured processes: not the project (which would come first on
``sys.path`` and hide the earlier revision)."""

CACHE_ROOT = Path(NEUTRAL) / "protokollkit-bench-cache"
"""The cache folders of ``termine``; :func:`main` puts them into its temporary folder."""

PARSE = """
import sys
import protokollkit
for name in sys.argv[1:]:
    protokollkit.read(name)
"""


Figures = dict[str, list[tuple[float, float, float]]]
"""Name → per run: CPU seconds, peak MB, wall-clock seconds."""


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """CPU seconds (with the processes it started and waited for), peak memory (MB, of the
    largest process) and wall-clock seconds of one fresh process running ``command``."""
    if env is not None and env.get("PROTOKOLLKIT_BENCH_LEER"):
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)  # a first run: empty cache
    begin = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=NEUTRAL
    )
    _pid, _status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - begin
    process.returncode = 0
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall


def unpack_before(revision: str, folder: Path) -> Path | None:
    """The package as it was at ``revision``, unpacked into ``folder`` (None without git)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "protokollkit"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def commands(files: list[str], before: Path | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Name → (command, environment) of everything measured on ``files``.

    ``termine`` runs with its cache filled by an earlier run of the same files (``termine``, the
    usual case: the archive grew by a protocol or two), with an empty one (``termine_kalt``, the
    first run: every file read, on both cores, and the cache written) and without it
    (``termine_ohne``, ``--ohne-cache``).
    """
    python = sys.executable
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("PROTOKOLLKIT_BENCH_LEER", None)
    cache = CACHE_ROOT
    warm = {**env, "XDG_CACHE_HOME": str(cache / "warm")}
    cold = {**env, "XDG_CACHE_HOME": str(cache / "kalt"), "PROTOKOLLKIT_BENCH_LEER": "1"}
    termine = [python, "-m", "protokollkit", "termine", "--alle", *files]
    result = {
        "termine": (termine, warm),
        "termine_kalt": (termine, cold),
        "termine_ohne": ([*termine[:5], "--ohne-cache", *files], env),
        "check": ([python, "-m", "protokollkit", "check", *files], env),
        "boden": ([python, "-c", FLOOR, *files], env),
        "parser": ([python, "-c", PARSE, *files], env),
    }
    if before is not None:
        old = {**env, "PYTHONPATH": str(before)}
        result["termine_vorher"] = (termine, old)  # it had no cache
        result["check_vorher"] = (result["check"][0], old)
    return result


def check_before(before: Path) -> bool:
    """True when a process with ``before`` on PYTHONPATH really imports that package."""
    done = subprocess.run(
        [sys.executable, "-c", "import protokollkit; print(protokollkit.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(before)},
        check=False,
        cwd=NEUTRAL,
    )
    return done.stdout.strip().startswith(str(before))


def runs_of(
    files: list[str], before: Path | None, runs: int, only: tuple[str, ...] = ()
) -> Figures:
    """``runs`` rounds of every command (or ``only`` these), alternating, so that all see the
    same load."""
    plan = {k: v for k, v in commands(files, before).items() if not only or k in (*only, "parser")}
    measure(plan["parser"][0], plan["parser"][1])  # warm the file cache and the bytecode
    if "termine" in plan:
        measure(plan["termine"][0], plan["termine"][1])  # fill the cache of ``termine``
    if before is not None:
        measure(plan["termine_vorher"][0], plan["termine_vorher"][1])
    figures: Figures = {name: [] for name in plan}
    for _ in range(runs):
        for name, (command, env) in plan.items():
            figures[name].append(measure(command, env))
    return figures


def ratios(figures: Figures, top: str, bottom: str) -> list[float]:
    return [a[0] / b[0] for a, b in zip(figures[top], figures[bottom], strict=True)]


def median(values: list[tuple[float, float, float]], index: int = 0) -> float:
    return statistics.median(v[index] for v in values)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anzahl", type=int, default=1000, help="Protokolle der Hauptmessung")
    parser.add_argument("--laeufe", type=int, default=5, help="Läufe je Messung (≥ 5)")
    parser.add_argument("--vorher", default=BEFORE, help="git-Revision zum Vergleich")
    arguments = parser.parse_args(argv)
    from benchmarks.make_archive import make_archive

    count = arguments.anzahl
    sizes = [size for size in (10, 100, 1000, 5000) if size < count] + [count]
    global CACHE_ROOT
    with tempfile.TemporaryDirectory(prefix="protokollkit-streaming-") as work:
        CACHE_ROOT = Path(work) / "cache"
        before = unpack_before(arguments.vorher, Path(work) / "vorher")
        if before is not None and not check_before(before):
            before = None
        archive = Path(work) / "archiv"
        paths = [str(p) for p in make_archive(archive, count)]
        figures = runs_of(paths[:count], before, arguments.laeufe)
        print(f"Archiv:   {count} synthetische Protokolle, {arguments.laeufe} Läufe je Messung")
        names = {
            "termine": "mit Cache",
            "termine_kalt": "erster Lauf",
            "termine_ohne": "--ohne-cache",
        }
        print("termine:  CPU (mit Kindprozessen), Speicher, Wanduhr; gegen vorher (Ziel ≤ 0,3×)")
        if before is not None:
            old = figures["termine_vorher"]
            print(
                f"          {'vorher':<13} {median(old):5.2f} s {median(old, 1):4.0f} MB "
                f"{median(old, 2):5.2f} s"
            )
        for name, label in names.items():
            values = figures[name]
            line = (
                f"          {label:<13} {median(values):5.2f} s {median(values, 1):4.0f} MB "
                f"{median(values, 2):5.2f} s"
            )
            if before is not None:
                line += f"  CPU {spread(ratios(figures, name, 'termine_vorher'))}"
                wall = [a[2] / b[2] for a, b in zip(values, old, strict=True)]
                line += f", Wanduhr {spread(wall)}"
            print(line)
        print(
            "          ohne Cache gegen den Parser allein "
            f"{spread(ratios(figures, 'termine_ohne', 'parser'))}"
        )
        line = f"check:    CPU {median(figures['check']):5.2f} s"
        if before is not None:
            line += (
                f" (vorher {median(figures['check_vorher']):5.2f} s); gegen vorher "
                f"{spread(ratios(figures, 'check', 'check_vorher'))} (Ziel ≤ 0,5×)"
            )
        print(line)
        print(
            "          gegen Lesen + Dekodieren + Zeilen "
            f"{spread(ratios(figures, 'check', 'boden'))}"
            f", gegen den Parser allein {spread(ratios(figures, 'check', 'parser'))}"
        )
        print(
            "Skala:    Protokolle | termine --ohne-cache  je Datei  Speicher | mit Cache "
            "| check CPU  je Datei"
        )
        for size in sizes:
            chosen = paths[:: max(1, count // size)][:size]  # all years, not just the first
            scale = runs_of(chosen, None, 3, ("termine_ohne", "termine", "check"))
            termine, cached, check = scale["termine_ohne"], scale["termine"], scale["check"]
            print(
                f"          {size:>10} | {median(termine):8.2f} s "
                f"{median(termine) / size * 1000:14.2f} ms"
                f" {median(termine, 1):6.0f} MB | {median(cached):7.2f} s "
                f"| {median(check):6.2f} s {median(check) / size * 1000:6.2f} ms"
            )


if __name__ == "__main__":
    main()
