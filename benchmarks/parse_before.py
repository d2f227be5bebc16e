"""Parse speed against the parser before issue 9: ``python benchmarks/parse_before.py``.

The reference protocol is parsed in-process (``protokollkit.read(text)``) by this tree and by
the package at :data:`BEFORE` (unpacked with ``git archive``), each in a fresh process, the two
alternating so that both see the same load. Prints parses per second and the ratio
(now / before: above 1 is slower) as median and spread; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.run import SEED, spread  # noqa: E402
from benchmarks.streaming import NEUTRAL, unpack_before  # noqa: E402

BEFORE = "49fa12b"
"""The last revision before issue 9 grew the layout rules."""

WORKER = """
import sys, time
root, seed, rounds, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
clock = time.process_time if sys.argv[5] == "cpu" else time.perf_counter
sys.path.insert(0, root)
import protokollkit
assert protokollkit.__file__.startswith(root), protokollkit.__file__
text = open(seed, encoding="utf-8").read()
for _ in range(20):
    protokollkit.read(text)
best = float("inf")
for _ in range(repeats):
    start = clock()
    for _ in range(rounds):
        protokollkit.read(text)
    best = min(best, (clock() - start) / rounds)
print(best)
"""


def parse_time(root: Path, rounds: int, repeats: int, clock: str = "cpu") -> float:
    """Seconds per parse of the reference (best of ``repeats`` × ``rounds``) with the package
    in ``root``, in a fresh process; ``clock`` ``cpu``: the process's CPU time (steady on a
    loaded machine), ``wall``: the wall clock."""
    command = [sys.executable, "-c", WORKER, str(root), str(SEED), str(rounds), str(repeats)]
    command.append(clock)
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=NEUTRAL)
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="alternating pairs of processes")
    parser.add_argument("--rounds", type=int, default=200, help="parses per timing")
    parser.add_argument("--repeats", type=int, default=5, help="timings per process (best)")
    parser.add_argument(
        "--before", default=BEFORE, help="the revision to compare with (default: %(default)s)"
    )
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="CPU time of the worker (default; steady under load) or wall clock",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before = unpack_before(args.before, Path(tmp) / "vorher")
        if before is None:
            print(f"Parser:   ohne git kein Vergleich mit {args.before}")
            return
        now_times: list[float] = []
        before_times: list[float] = []
        for run in range(args.runs):
            sides = [(ROOT, now_times), (before, before_times)]
            for root, times in sides if run % 2 == 0 else sides[::-1]:
                times.append(parse_time(root, args.rounds, args.repeats, args.clock))
    ratios = [n / b for n, b in zip(now_times, before_times, strict=True)]
    now_rates = [1 / t for t in now_times]
    before_rates = [1 / t for t in before_times]
    print(
        f"Parser:   jetzt {statistics.median(now_rates):6.0f} Protokolle/s "
        f"({min(now_rates):.0f}–{max(now_rates):.0f}), vorher ({args.before}) "
        f"{statistics.median(before_rates):6.0f} Protokolle/s "
        f"({min(before_rates):.0f}–{max(before_rates):.0f}); "
        f"jetzt / vorher {spread(ratios)} (Ziel ≤ 1,0× und ≥ 5000/s)"
    )


if __name__ == "__main__":
    main()
