"""Where the CPU time of ``protokollkit build`` goes, step by step (issue 12).

Each run is a fresh interpreter (bytecode cache on, as in ``benchmarks/run.py``) that does what
a build does, in a build's order but in one process and without threads, and measures the CPU
time of every step: the imports of each library, reading, checking, every format, writing.
Prints the median and the spread over the runs, and the interpreter's own start-up beside it.
Nothing is asserted; the figures are for the README's notes on build's time.

    .venv/bin/python benchmarks/build_parts.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "archiv" / "2022-11-10-stadtteiltisch.txt"

STEPS = r"""
import json, sys, time
steps = []
clock = time.process_time
last = clock()


def step(name):
    global last
    now = clock()
    steps.append((name, (now - last) * 1000))
    last = now


import click
step("import click")
import protokollkit.cli
step("import protokollkit.cli")
import protokollkit.build as build
import protokollkit.validate
step("import build, model, validate")
from pathlib import Path
from protokollkit.files import display, read_bytes, text_of
from protokollkit.readers import format_of, reader
source = Path(sys.argv[1])
data = read_bytes(source)
inputs = (build.code_fingerprint(), build.templates_fingerprint())
step("fingerprints (up-to-date check)")
read = reader(format_of(source))
step("import reader rules (layout, annotations, dates)")
protocol = read(data, display(source))
step("parse")
protokollkit.validate.ensure_writable(protocol, display(source), text_of(source, data))
step("validate")
import protokollkit.termine
step("import termine")
import protokollkit.writers.email
step("import writers.email (email stdlib)")
import docx, protokollkit.writers.docx
step("import python-docx (lxml)")
import icalendar, protokollkit.writers.ics
step("import icalendar")
import typst, protokollkit.writers.pdf
step("import typst")
import protokollkit.writers.markdown, protokollkit.writers.html
step("import markdown, html writers")
from protokollkit.writers import now
stamp = now()
done = {}
for output in (*build.MAIL_PARTS, *build.OUTPUTS):
    done[output.format] = build.render(protocol, output, done, stamp)
    step(f"render {output.format}")
payloads = {
    Path(sys.argv[2]) / f"p{o.suffix}": (v.encode() if isinstance(v, str) else v)
    for o in build.OUTPUTS
    for v in [done[o.format]]
}
build.write_set(payloads)
step("write the set (synced)")
from protokollkit.plausibility import check_plausibility
check_plausibility(protocol, display(source))
step("plausibility")
print(json.dumps(steps))
"""


def children_cpu() -> float:
    """CPU seconds (user + system) of all child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Run the steps ``--runs`` times and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env.setdefault("SOURCE_DATE_EPOCH", "1668038400")
        out = Path(tmp) / "out"
        out.mkdir()
        command = [sys.executable, "-c", STEPS, str(SEED), str(out)]
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)  # cache
        runs: dict[str, list[float]] = {}
        starts: list[float] = []
        for _ in range(args.runs):
            before = children_cpu()
            subprocess.run([sys.executable, "-c", "pass"], check=True, env=env, cwd=ROOT)
            starts.append((children_cpu() - before) * 1000)
            result = subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            for name, ms in json.loads(result.stdout):
                runs.setdefault(name, []).append(ms)
    rows = [("interpreter start (python -c pass)", starts), *runs.items()]
    total = sum(statistics.median(values) for _, values in rows)
    print(f"CPU of a build's steps in one process, median of {args.runs} runs (ms):")
    for name, values in rows:
        median = statistics.median(values)
        print(
            f"  {median:6.1f}  ({min(values):5.1f}–{max(values):5.1f})  "
            f"{median / total:4.0%}  {name}"
        )
    print(f"  {total:6.1f}  total")


if __name__ == "__main__":
    main()
