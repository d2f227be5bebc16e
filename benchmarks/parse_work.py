"""The parser's work, counted in machine instructions: ``python benchmarks/parse_work.py``.

Timings on a shared, loaded machine spread by ±10 %, more than most changes to the rules
gain. The instructions that one parse of the reference executes do not depend on the load:
each package (this tree and the revisions given with ``--vorher``) parses the reference
``--wenige`` and ``--viele`` times under valgrind's callgrind, and the difference of the two
counts, divided by the difference of the parses, is the count per parse (imports and start-up
cancel out). Needs ``valgrind``; asserts nothing. Instructions are not time: code that misses
caches or branches more costs more time per instruction (``parse_before.py`` measures time).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.parse_before import BEFORE  # noqa: E402
from benchmarks.run import SEED  # noqa: E402
from benchmarks.streaming import NEUTRAL, unpack_before  # noqa: E402

WORKER = """
import sys
sys.path.insert(0, sys.argv[1])
import protokollkit
assert protokollkit.__file__.startswith(sys.argv[1]), protokollkit.__file__
text = open(sys.argv[2], encoding="utf-8").read()
for _ in range(int(sys.argv[3])):
    protokollkit.read(text)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(root: Path, parses: int) -> int:
    """Instructions of a process that imports the package in ``root`` and parses the
    reference ``parses`` times."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    command += ["-c", WORKER, str(root), str(SEED), str(parses)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=NEUTRAL)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind nannte keine Anzahl: {done.stderr[-500:]}")
    return int(found.group(1))


def per_parse(root: Path, few: int, many: int) -> float:
    """Instructions of one parse of the reference with the package in ``root``."""
    return (instructions(root, many) - instructions(root, few)) / (many - few)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vorher", nargs="*", default=[BEFORE], help="revisions to compare")
    parser.add_argument("--wenige", type=int, default=10, help="parses of the first count")
    parser.add_argument("--viele", type=int, default=60, help="parses of the second count")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("Parser-Arbeit: ohne valgrind nicht messbar")
        return
    now = per_parse(ROOT, args.wenige, args.viele)
    print(f"Parser-Arbeit: jetzt {now / 1e6:.2f} Mio. Befehle je Referenzprotokoll")
    with tempfile.TemporaryDirectory() as tmp:
        for revision in args.vorher:
            before = unpack_before(revision, Path(tmp) / revision)
            if before is None:
                print(f"Parser-Arbeit: ohne git kein Vergleich mit {revision}")
                continue
            then = per_parse(before, args.wenige, args.viele)
            print(
                f"Parser-Arbeit: {revision} {then / 1e6:.2f} Mio. Befehle; "
                f"jetzt / {revision} {now / then:.3f}×"
            )


if __name__ == "__main__":
    main()
