"""Scale figures of the archive (``make bench``): index, search and website of 5,000 protocols.

Writes a synthetic archive (``make_archive.py``), then measures each step in a fresh process
(time and peak memory of that process and of its helpers: the worker processes and Pagefind):

- the search index from scratch, and one search (median over several queries, warm);
- the website from scratch (pages, charts, OParl; then Pagefind separately), without Word/PDF
  files (their cost per protocol is measured apart and extrapolated);
- the website again after adding one protocol (pages and the one search bundle it touches).

Besides the wall time each step reports its CPU time (the process and its helpers): the machine
is shared, and the load average is printed with the figures. Nothing here asserts a time; the
figures go into the README.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNT = 5000
QUERIES = (
    ["Weihnachtsmarkt"],
    ["Sommerfest"],
    ["Straße", "gesperrt"],
    ["Flyer"],
    ["Troika"],
    ["Haushalt", "Ortsbeirat"],
    ["Nachbarschaftscafé"],
    ["Jugendbeteiligung"],
)


def _cpu(before: os.times_result, after: os.times_result) -> float:
    """CPU seconds between two ``os.times()``, of this process and its finished helpers."""
    return float(
        sum(
            getattr(after, name) - getattr(before, name)
            for name in ("user", "system", "children_user", "children_system")
        )
    )


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _memory() -> dict[str, float]:
    self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": round(self, 1), "helpers_mb": round(children, 1)}


def step(name: str, archive: Path, site: Path) -> dict[str, float]:
    """One measured step, run inside its own process."""
    import datetime as dt

    from protokollkit.archive.index import ArchiveIndex
    from protokollkit.archive.site import build_site, run_pagefind

    today = dt.date(2025, 6, 1)
    url = "https://example.org/protokolle/"
    result: dict[str, float] = {}
    if name == "index":
        start = time.perf_counter()
        with ArchiveIndex(archive) as index:
            index.update()
        result["seconds"] = time.perf_counter() - start
    elif name == "search":
        with ArchiveIndex(archive) as index:
            index.update()
            index.search(["warm"])
            timings = []
            for query in QUERIES * 3:
                start = time.perf_counter()
                index.search(query)
                timings.append(time.perf_counter() - start)
        result["median_ms"] = statistics.median(timings) * 1000
        result["max_ms"] = max(timings) * 1000
    elif name in ("website", "again"):
        start, cpu = time.perf_counter(), os.times()
        built = build_site(archive, site, today=today, documents=False, search=False, base_url=url)
        result["pages_seconds"] = time.perf_counter() - start
        result["pages_cpu"] = _cpu(cpu, os.times())
        result["written"] = len(built.written)
        start, cpu = time.perf_counter(), os.times()
        bundles = run_pagefind(site)
        result["pagefind_seconds"] = time.perf_counter() - start
        result["pagefind_cpu"] = _cpu(cpu, os.times())
        result["bundles"] = len(bundles)
        result["all_bundles"] = sum(1 for p in (site / "pagefind").iterdir() if p.is_dir())
        result["site_mb"] = _size_mb(site)
        result["search_mb"] = _size_mb(site / "pagefind")
    elif name == "documents":
        import protokollkit

        paths = sorted(archive.glob("*.txt"))[:5]
        start = time.perf_counter()
        for path in paths:
            protocol = protokollkit.read(path)
            protokollkit.write(protocol, "docx")
            protokollkit.write(protocol, "pdf")
        result["ms_per_protocol"] = (time.perf_counter() - start) / len(paths) * 1000
    result.update(_memory())
    return result


def measure(name: str, archive: Path, site: Path) -> dict[str, float]:
    """Run :func:`step` in a fresh Python process and return its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--step", name, str(archive), str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Build the synthetic archive and print the figures (``--anzahl N``: N protocols; the
    targets are for 5,000, ``make bench BENCH_ANZAHL=5000``)."""
    global COUNT
    if len(sys.argv) == 3 and sys.argv[1] == "--anzahl":
        COUNT = int(sys.argv[2])
    sys.path.insert(0, str(ROOT))
    import importlib.util

    from benchmarks.make_archive import make_archive, protocol_text

    spec = importlib.util.find_spec("pagefind_bin")
    binary = _size_mb(Path(spec.origin).parent) if spec and spec.origin else 0.0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"Rechner: {os.cpu_count()} Kerne, Last {load} (1/5/15 min); "
        f"Pagefind-Programm {binary:.0f} MB"
    )
    with tempfile.TemporaryDirectory(prefix="protokollkit-bench-") as work:
        archive, site = Path(work) / "archiv", Path(work) / "website"
        start = time.perf_counter()
        make_archive(archive, COUNT)
        print(f"Archiv:   {COUNT} synthetische Protokolle ({time.perf_counter() - start:.1f} s)")
        index = measure("index", archive, site)
        print(
            f"Index:    {index['seconds']:5.1f} s neu aufgebaut (Ziel ≤ 30 s), Speicher "
            f"{index['rss_mb']:.0f} MB + Helfer {index['helpers_mb']:.0f} MB"
        )
        search = measure("search", archive, site)
        print(
            f"Suche:    Median {search['median_ms']:5.1f} ms, höchstens {search['max_ms']:.1f} ms "
            f"(Ziel ≤ 50 ms; {len(QUERIES)} Anfragen je dreimal)"
        )
        website = measure("website", archive, site)
        total = website["pages_seconds"] + website["pagefind_seconds"]
        cpu = website["pages_cpu"] + website["pagefind_cpu"]
        print(
            f"Website:  {total:5.1f} s von Grund auf, CPU {cpu:.1f} s (Seiten "
            f"{website['pages_seconds']:.1f} s, CPU {website['pages_cpu']:.1f} s, "
            f"{website['written']:.0f} Dateien; Pagefind {website['pagefind_seconds']:.1f} s, "
            f"CPU {website['pagefind_cpu']:.1f} s, {website['bundles']:.0f} Suchbündel; "
            f"Ziel ≤ 60 s), Speicher {website['rss_mb']:.0f} MB + Helfer "
            f"{website['helpers_mb']:.0f} MB; Größe {website['site_mb']:.0f} MB, davon Suche "
            f"{website['search_mb']:.0f} MB"
        )
        import datetime as dt
        import random

        new = archive / "2025-12-30-stadtteiltisch.txt"
        people: list[tuple[str, str | None]] = [
            ("Kathrin Krug", "SBZ"),
            ("Marén Wiese", "Stadtteilmanagement"),
        ] * 5
        new.write_text(
            protocol_text(random.Random(1), "Stadtteiltisch", dt.date(2025, 12, 30), people),
            "utf-8",
        )
        again = measure("again", archive, site)
        total = again["pages_seconds"] + again["pagefind_seconds"]
        cpu = again["pages_cpu"] + again["pagefind_cpu"]
        print(
            f"Neu:      {total:5.1f} s nach einem neuen Protokoll, CPU {cpu:.1f} s (Seiten "
            f"{again['pages_seconds']:.1f} s, CPU {again['pages_cpu']:.2f} s, "
            f"{again['written']:.0f} Dateien neu geschrieben; Pagefind "
            f"{again['pagefind_seconds']:.1f} s, CPU {again['pagefind_cpu']:.2f} s für "
            f"{again['bundles']:.0f} von {again['all_bundles']:.0f} Suchbündeln; Ziel ≤ 2 s), "
            f"Speicher {again['rss_mb']:.0f} MB + Helfer {again['helpers_mb']:.0f} MB"
        )
        documents = measure("documents", archive, site)
        per = documents["ms_per_protocol"]
        print(
            f"Dateien:  Word + PDF je Protokoll {per:.0f} ms (für {COUNT}: ≈ "
            f"{per * COUNT / 1000 / 60:.0f} min auf einem Kern; nur beim ersten Mal)"
        )
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"Last am Ende {load} (1/5/15 min): mit ihr wachsen die Uhrzeiten und, weniger, "
            "auch die CPU-Zeiten"
        )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--step":
        print(json.dumps(step(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))
    else:
        main()
