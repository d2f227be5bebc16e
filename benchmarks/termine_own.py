"""The appointments' own work, without the parser: this ``termine.py`` against an earlier one.

Every protocol of a synthetic archive is read once; then ``extract`` and ``format_appointment``
(what ``termine`` does per protocol on top of the parser) run over all of them, with the
``termine.py`` of ``--vorher`` (a git revision, loaded from git beside the current one) and with
the current one, alternating, each run with empty date caches. Prints CPU seconds and the
median and spread of the per-run ratios; the parser's CPU for the same protocols beside it.
Nothing here asserts a time. ``.venv/bin/python benchmarks/termine_own.py [--anzahl 1000]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.office_readers import spread  # noqa: E402

BEFORE = "8660ddc"
"""The revision before the appointments were made faster (issue 12, item 4)."""


def module_at(revision: str, folder: Path) -> ModuleType:
    """``protokollkit/termine.py`` of ``revision`` as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{revision}:protokollkit/termine.py"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    path = folder / "termine_vorher.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("protokollkit._termine_vorher", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anzahl", type=int, default=1000, help="Protokolle")
    parser.add_argument("--laeufe", type=int, default=7, help="Läufe je Fassung (≥ 5)")
    parser.add_argument("--vorher", default=BEFORE, help="git-Revision zum Vergleich")
    arguments = parser.parse_args(argv)
    import protokollkit
    from benchmarks.make_archive import make_archive
    from protokollkit import dates
    from protokollkit import termine as current

    with tempfile.TemporaryDirectory(prefix="protokollkit-termine-") as work:
        before = module_at(arguments.vorher, Path(work))
        paths = make_archive(Path(work) / "archiv", arguments.anzahl)
        start = time.process_time()
        protocols = [protokollkit.read_file(path) for path in paths]
        parsing = time.process_time() - start

    def run(module: ModuleType) -> float:
        dates._date_ranges.cache_clear()
        dates._times.cache_clear()
        dates._written_dates.cache_clear()
        start = time.process_time()
        for protocol in protocols:
            for appointment in module.extract(protocol):
                module.format_appointment(appointment)
        return time.process_time() - start

    figures: dict[str, list[float]] = {"vorher": [], "jetzt": []}
    for index in range(arguments.laeufe):
        order = [("vorher", before), ("jetzt", current)]
        for name, module in order if index % 2 == 0 else reversed(order):
            figures[name].append(run(module))
    ratios = [now / old for now, old in zip(figures["jetzt"], figures["vorher"], strict=True)]
    print(f"Archiv:   {arguments.anzahl} synthetische Protokolle, {arguments.laeufe} Läufe")
    for name, values in figures.items():
        print(f"          {name:<7} {statistics.median(values):5.3f} s CPU")
    print(f"Termine:  eigene Arbeit gegen {arguments.vorher} {spread(ratios)}")
    print(f"          der Parser für dieselben Protokolle (einmal): {parsing:5.3f} s CPU")


if __name__ == "__main__":
    main()
