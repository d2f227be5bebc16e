"""Speed figures for the README, measured side by side in one run (``make bench``).

Nothing here asserts a time; it prints ratios so that a slower machine gives the same picture.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "archiv" / "2022-11-10-stadtteiltisch.txt"


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action`` in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def run(command: list[str]) -> Callable[[], object]:
    """An action that runs ``command`` and waits for it."""
    return lambda: subprocess.run(command, check=True, capture_output=True)


def bench_parse() -> None:
    """Protocols parsed per second (the reference protocol, read from memory)."""
    import protokollkit

    text = SEED.read_text("utf-8")
    rounds = 200
    seconds = best_of(3, lambda: [protokollkit.read(text) for _ in range(rounds)])
    print(
        f"Parser:   {rounds / seconds:8.0f} Protokolle/s (Referenzprotokoll, {SEED.stat().st_size} Bytes)"
    )


def bench_startup() -> None:
    """Start-up of ``protokollkit --help`` against a bare ``python -c pass``."""
    bare = best_of(10, run([sys.executable, "-c", "pass"]))
    cli = best_of(10, run([sys.executable, "-m", "protokollkit", "--help"]))
    print(
        f"Start:    protokollkit --help {cli * 1000:6.1f} ms, python -c pass {bare * 1000:6.1f} ms"
        f"  (Verhältnis {cli / bare:.1f}×)"
    )


BENCHMARKS: list[Callable[[], None]] = [bench_parse, bench_startup]


def main() -> None:
    """Run every benchmark and print one line each."""
    for benchmark in BENCHMARKS:
        benchmark()


if __name__ == "__main__":
    main()
