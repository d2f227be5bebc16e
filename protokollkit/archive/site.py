"""The static website of the archive: plain HTML + CSS, Pagefind for the search box.

``build_site(archive, output)`` writes into ``output``:

- ``index.html`` – newest protocol, next meeting, upcoming appointments, open topics and tasks;
- ``protokoll/NAME.html`` – each protocol (the HTML writer's fragment) with its ``.docx``,
  ``.pdf`` and ``.ics`` beside it, previous/next links; ``archiv.html`` and ``jahr/JJJJ.html``;
- ``person/…``, ``einrichtung/…`` – reports over the years and attendance with a chart;
- ``statistik.html``, ``suche.html``, ``termine.ics`` (all upcoming appointments), ``style.css``;
- ``oparl/`` (with a base URL, see :mod:`protokollkit.archive.oparl`) and ``pagefind/``.

Every page has a key: a hash of exactly what it shows. The keys are kept in
``.protokollkit-website.json``; a page whose key is unchanged is neither rendered nor written,
so a new protocol rewrites only its own page, its neighbours, its year, the people and
institutions it names and the overview pages. Pages of protocols that left the archive are
removed. No JavaScript except the search; no e-mail address (they are replaced in every text).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from protokollkit.archive.index import ArchiveIndex, UpdateResult
from protokollkit.archive.stats import ArchiveStats, Member, year_span
from protokollkit.archive.summary import EMAIL, Summary, present
from protokollkit.archive.words import fold, slug
from protokollkit.dates import german_date, german_long_date
from protokollkit.diagnostics import ProtokollkitError

SITE_VERSION = "5"
"""Part of every page key: raise it when the page templates change."""

MANIFEST = ".protokollkit-website.json"
"""The page keys of the last build, inside the output folder."""

REDACTED = "[E-Mail-Adresse entfernt]"
"""What stands on the website where a protocol names an e-mail address."""

T = TypeVar("T")


def redact(text: str) -> str:
    """``text`` without e-mail addresses."""
    return EMAIL.sub(REDACTED, text)


def redact_model(value: T) -> T:
    """A protocol (or any part of it) with every e-mail address in its texts replaced."""
    if isinstance(value, str):
        return redact(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: redact_model(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.compare
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(redact_model(v) for v in value)  # type: ignore[return-value]
    return value


def read_redacted(path: Path) -> Any:
    """The protocol at ``path`` read, with e-mail addresses replaced (only if it has an ``@``)."""
    import protokollkit

    protocol = protokollkit.read(path)
    return redact_model(protocol) if b"@" in path.read_bytes() else protocol


def e(text: object) -> str:
    """HTML-escaped text without e-mail addresses."""
    return escape(redact(str(text)))


def day(iso: str | None) -> str:
    """``10.11.2022`` from an ISO date (``ohne Datum`` for none)."""
    return german_date(dt.date.fromisoformat(iso)) if iso else "ohne Datum"


def key_of(*parts: object) -> str:
    """A page key: the hash of what the page shows.

    The parts are plain values (strings, numbers, tuples, lists, dicts built in a fixed order)
    and frozen dataclasses of them; their ``repr`` is a faithful fingerprint and costs half of
    what JSON does (a build computes one key per file, 16,000 for 5,000 protocols).
    """
    return hashlib.sha256(repr((SITE_VERSION, parts)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Ref:
    """A protocol as pages link to it."""

    stem: str
    name: str
    date: str | None
    title: str
    items: tuple[str, ...]
    present: tuple[tuple[str, str | None], ...] = ()
    appointments: int = 0
    decisions: tuple[tuple[str, str | None, str | None], ...] = ()
    """Text, result (``accepted`` …) and item label of each decision recorded."""

    @property
    def label(self) -> str:
        """``10.11.2022`` or the title when there is no date."""
        return day(self.date) if self.date else self.title

    @property
    def year(self) -> str:
        """The year, or ``ohne-datum``."""
        return self.date[:4] if self.date else "ohne-datum"


@dataclass
class SiteResult:
    """What a website build did."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    update: UpdateResult = field(default_factory=UpdateResult)
    search: bool = False


PARALLEL_FROM = 16
"""From this many pages or charts to render, they are rendered on all cores."""


_FOLDERS: set[str] = set()
"""Folders this process made sure exist (a build writes thousands of files into a few)."""


def write_file(path: Path, data: bytes, *, again: bool = True) -> None:
    """Write one file: a temporary file in the same folder, then a rename (readers of the site
    never see half a file). The temporary name carries the process id, so workers writing into
    the same folder do not meet; the file is readable by all (``0644``) whatever the umask."""
    folder = str(path.parent)
    if folder not in _FOLDERS:
        path.parent.mkdir(parents=True, exist_ok=True)
        _FOLDERS.add(folder)
    # (the name shortened: a page name near the file system's limit must still get its file)
    tmp = f"{folder}/.{path.name[:200]}.{os.getpid()}.neu"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.fchmod(fd, 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except FileNotFoundError as exc:
        # the folder went away since this process last wrote into it: make it again, once
        _remove(tmp)
        _FOLDERS.discard(folder)
        if not again:
            from protokollkit.files import os_error

            raise os_error(exc, path) from None
        write_file(path, data, again=False)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):  # named by the page, never by the temporary file
            from protokollkit.files import os_error

            raise os_error(exc, path) from None
        raise


def _remove(tmp: str) -> None:
    """Remove a temporary file if it is there; an error here must not hide the real one."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _run(output: Path, job: Callable[[], list[tuple[str, bytes]]]) -> list[str]:
    """Run a deferred job in a worker and write its files there; return their paths."""
    files = job()
    for rel, data in files:
        write_file(output / rel, data)
    return [rel for rel, _data in files]


def _files_under(folder: Path) -> set[str]:
    """The files below ``folder`` as relative paths (one directory listing each, no stat), not
    those of the search bundles. A symbolic link to a folder is refused: pages written or
    removed through it would land outside the site."""
    found: set[str] = set()
    for top, dirs, files in os.walk(folder):
        for name in dirs:
            if os.path.islink(os.path.join(top, name)):
                raise ProtokollkitError(
                    f"„{os.path.join(top, name)}“ ist ein symbolischer Link auf einen Ordner: "
                    "die Website schreibt und löscht nur in ihren eigenen Ordnern, nicht durch "
                    "einen Link woandershin. Bitte den Link entfernen oder einen anderen "
                    "Ausgabeordner wählen."
                )
        if top == str(folder) and "pagefind" in dirs:
            dirs.remove("pagefind")
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.update(prefix + name for name in files)
    return found


class Writer:
    """Writes pages whose key changed and remembers every key (the manifest)."""

    def __init__(self, output: Path, result: SiteResult) -> None:
        self.output = output
        self.result = result
        manifest = output / MANIFEST
        try:
            self.old: dict[str, str] = json.loads(manifest.read_text("utf-8"))["pages"]
        except (OSError, ValueError, KeyError, TypeError):
            self.old = {}
        self.new: dict[str, str] = {}
        self.search: dict[str, list[Any]] = {}
        self.existing = _files_under(output)
        self.jobs: list[Callable[[], list[tuple[str, bytes]]]] = []

    def stale(self, rel: str, key: str) -> bool:
        """True when ``rel`` must be rendered (its key changed or the file is gone)."""
        return self.old.get(rel) != key or rel not in self.existing

    def emit(self, rel: str, key: str, render: Callable[[], str | bytes]) -> None:
        """Write ``rel`` from ``render()`` unless it is up to date."""
        self.new[rel] = key
        if not self.stale(rel, key):
            self.result.unchanged += 1
            return
        data = render()
        self.put(rel, data.encode("utf-8") if isinstance(data, str) else data)

    def defer(
        self, wanted: dict[str, str], job: Callable[[set[str]], list[tuple[str, bytes]]]
    ) -> None:
        """Remember the keys of ``wanted``; the stale ones are rendered later by ``job(stale)``.

        Deferred jobs run on all cores (:meth:`run_jobs`); ``job`` must be picklable.
        """
        self.new.update(wanted)
        stale = {rel for rel, key in wanted.items() if self.stale(rel, key)}
        self.result.unchanged += len(wanted) - len(stale)
        if stale:
            self.jobs.append(partial(job, stale))

    def run_jobs(self) -> None:
        """Run the deferred jobs (in parallel when there are many) and write what they made."""
        jobs, self.jobs = self.jobs, []
        if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
            results: Iterable[list[tuple[str, bytes]]] = (job() for job in jobs)
            for files in results:
                for rel, data in files:
                    self.put(rel, data)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
            for written in pool.map(partial(_run, self.output), jobs, chunksize=4):
                self.result.written.extend(written)

    def put(self, rel: str, data: bytes) -> None:
        """Write one file of the site (see :func:`write_file`) and count it as written."""
        write_file(self.output / rel, data)
        self.result.written.append(rel)

    def finish(self) -> None:
        """Remove what the last build wrote and this one did not; save the manifest."""
        for rel in sorted(set(self.old) - set(self.new)):
            (self.output / rel).unlink(missing_ok=True)
            self.result.removed.append(rel)
        manifest = {"version": SITE_VERSION, "pages": self.new, "search": self.search}
        data = json.dumps(manifest, indent=0)
        self.put(MANIFEST, data.encode("utf-8"))
        self.result.written.pop()


# --- page frame -----------------------------------------------------------------------------

NAV = (
    ("index.html", "Start"),
    ("archiv.html", "Protokolle"),
    ("einrichtungen.html", "Einrichtungen"),
    ("personen.html", "Personen"),
    ("aufgaben.html", "Aufgaben"),
    ("beschluesse.html", "Beschlüsse"),
    ("statistik.html", "Statistik"),
    ("suche.html", "Suche"),
)

SEARCH_HEAD = (
    '<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">\n'
    '<script src="{root}pagefind/pagefind-ui.js"></script>\n'
)

SEARCH_BOX = """<section class="suchbereich" aria-labelledby="suche-titel">
<h2 id="suche-titel">In allen Protokollen suchen</h2>
<label for="suchfeld">Suchbegriff (z. B. Weihnachtsmarkt, ein Name, eine Einrichtung)</label>
<div id="suche"></div>
<script>
window.addEventListener("DOMContentLoaded", function () {
  var folder = new URL("{root}pagefind/", document.baseURI).pathname;
  var bundles = {bundles};
  new PagefindUI({
    element: "#suche", showSubResults: true, showImages: false,
    bundlePath: folder + bundles[0] + "/",
    mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: folder + b + "/" }; })
  });
  var input = document.querySelector("#suche input");
  if (input) { input.id = "suchfeld"; }
});
</script>
<noscript><p>Die Suche braucht JavaScript. Alle Protokolle stehen auch im
<a href="{root}archiv.html">Archiv nach Jahren</a>.</p></noscript>
</section>
"""
"""The search box: Pagefind's UI over the bundles of :func:`search_groups`, newest first (the
first is searched directly, the others merged into it)."""


def search_box(root: str, bundles: list[str]) -> str:
    """The search box of a page ``root`` (``""`` or ``"../"``) below the site's folder."""
    names = json.dumps(bundles or ["leer"])
    return SEARCH_BOX.replace("{root}", root).replace("{bundles}", names)


@dataclass(frozen=True)
class Frame:
    """What every page shares: the site's name."""

    name: str

    def page(self, rel: str, title: str, body: str, *, search: bool = False) -> str:
        """A complete page at ``rel`` (links relative, so the folder works anywhere)."""
        root = "../" * rel.count("/")
        nav = "".join(
            f'<li><a href="{root}{href}"'
            + (' aria-current="page"' if href == rel else "")
            + f">{label}</a></li>"
            for href, label in NAV
        )
        head = SEARCH_HEAD.format(root=root) if search else ""
        return (
            "<!DOCTYPE html>\n"
            '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)} – {e(self.name)}</title>\n"
            '<link rel="icon" href="data:,">\n'
            f'<link rel="stylesheet" href="{root}style.css">\n{head}'
            "</head>\n<body>\n"
            '<a class="springen" href="#inhalt">Zum Inhalt springen</a>\n'
            f'<header class="kopf">\n<p class="name"><a href="{root}index.html">{e(self.name)}'
            "</a></p>\n"
            f'<nav aria-label="Hauptnavigation"><ul>{nav}</ul></nav>\n</header>\n'
            f'<main id="inhalt">\n{body}</main>\n'
            f'<footer class="fuss"><p>Termine zum Abonnieren: <a href="{root}termine.ics">'
            "termine.ics</a> · erstellt mit protokollkit</p></footer>\n"
            "</body>\n</html>\n"
        )


def _list(items: list[str], css: str = "liste") -> str:
    if not items:
        return '<p class="klein">Keine.</p>\n'
    return f'<ul class="{css}">\n' + "".join(f"<li>{i}</li>\n" for i in items) + "</ul>\n"


def _link(root: str, ref: Ref) -> str:
    return f'<a href="{root}protokoll/{e(ref.stem)}.html">{e(ref.label)}</a>'


# --- building -------------------------------------------------------------------------------


@dataclass
class Catalog:
    """Everything the pages need across protocols, gathered in one pass over the summaries."""

    refs: list[Ref] = field(default_factory=list)
    stats: ArchiveStats = field(default_factory=ArchiveStats)
    reports: dict[str, list[tuple[str, list[Any]]]] = field(default_factory=dict)
    """By folded person name: (stem, report) – a report is name, affiliation, label, title,
    number of points, first point."""
    institution_reports: dict[str, list[tuple[str, list[Any]]]] = field(default_factory=dict)
    appointments: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    tasks: list[tuple[str, list[Any]]] = field(default_factory=list)
    """Tasks with a due date from today on, from every protocol: (stem, task) – a task is
    text, owners, due date, item label."""
    latest_tasks: dict[str, tuple[str, list[list[Any]]]] = field(default_factory=dict)
    """By meeting: the newest protocol's stem and its tasks without a due date."""
    newest: Summary | None = None
    meeting_counts: dict[str, int] = field(default_factory=dict)
    meetings: list[dict[str, Any]] | None = None
    """Slim meetings for the OParl export (kept only when it is written)."""

    def add(self, summary: Summary, today: dt.date) -> None:
        """Take in one summary."""
        here = present(summary)
        ref = Ref(
            summary["stem"],
            summary["name"],
            summary["date"],
            summary["title"],
            tuple(title for _label, title in summary["items"]),
            tuple(here),
            len(summary["appointments"]),
            tuple((text, result, label) for text, result, label in summary["decisions"]),
        )
        self.refs.append(ref)
        self.stats.add(summary, here)
        for report in summary["reports"]:
            self.reports.setdefault(fold(report[0]), []).append((ref.stem, report))
            if report[1]:
                self.institution_reports.setdefault(fold(report[1]), []).append((ref.stem, report))
        for appointment in summary["appointments"]:
            if dt.date.fromisoformat(appointment["last_day"]) >= today:
                self.appointments.append((ref.stem, appointment))
        for task in summary["tasks"]:
            if task[2] and dt.date.fromisoformat(task[2]) >= today:
                self.tasks.append((ref.stem, task))
        if self.meetings is not None:
            self.meetings.append(
                {
                    "stem": ref.stem,
                    "title": ref.title,
                    "date": ref.date,
                    "items": summary["items"],
                    "decisions": summary["decisions"],
                    "present": [name for name, _affiliation in here],
                }
            )
        if summary["date"] is not None or self.newest is None:
            self.newest = summary
        if summary["date"] is not None or summary["meeting"] not in self.latest_tasks:
            undated = [task for task in summary["tasks"] if not task[2]]
            self.latest_tasks[summary["meeting"]] = (ref.stem, undated)
        if summary["meeting"]:
            counts = self.meeting_counts
            counts[summary["meeting"]] = counts.get(summary["meeting"], 0) + 1

    @property
    def meeting(self) -> str:
        """The archive's meeting: the one most protocols are of (on a tie the one seen first).

        It names the site on every page, so it must not change with each new protocol.
        """
        counts = self.meeting_counts
        return max(counts, key=lambda name: counts[name]) if counts else ""


def open_tasks(catalog: Catalog) -> list[tuple[str, list[Any]]]:
    """The open tasks across protocols: those due from today on (by due date), then those
    without a due date from the newest protocol of each meeting (newest first).

    A protocol does not record when a task is done; one with a due date counts as open until
    that day, one without until its meeting's next protocol.
    """
    dated = sorted(catalog.tasks, key=lambda pair: (pair[1][2], pair[0]))
    latest = sorted(catalog.latest_tasks.values(), key=lambda pair: pair[0], reverse=True)
    return dated + [(stem, task) for stem, tasks in latest for task in tasks]


def upcoming(catalog: Catalog) -> list[tuple[str, dict[str, Any]]]:
    """Upcoming appointments, by date; one mentioned in several protocols once (the newest)."""
    seen: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for stem, appointment in catalog.appointments:
        seen[(appointment["start"], fold(appointment["title"]))] = (stem, appointment)
    return sorted(
        seen.values(),
        key=lambda pair: (pair[1]["start"], pair[1]["start_time"] or "", pair[1]["title"]),
    )


def build_site(
    archive: Path,
    output: Path,
    *,
    today: dt.date | None = None,
    documents: bool = True,
    search: bool = True,
    base_url: str | None = None,
    index_path: Path | None = None,
    progress: Callable[[str], None] | None = None,
    search_group: int | None = None,
) -> SiteResult:
    """Bring the website in ``output`` up to date with the protocols in ``archive``.

    ``search_group``: the least protocols of a search bundle (default :data:`SEARCH_GROUP`).
    """
    today = today or dt.date.today()
    result = SiteResult()
    with ArchiveIndex(archive, index_path) as index:
        result.update = index.update(progress)
        hashes = index.hashes()
        catalog = Catalog(meetings=[] if base_url else None)
        for summary in index.summaries():
            catalog.add(summary, today)
    if not catalog.refs:
        raise ProtokollkitError(f"Im Archiv „{archive}“ liegt kein lesbares Protokoll.")
    output.mkdir(parents=True, exist_ok=True)
    writer = Writer(output, result)
    frame = Frame(f"Protokolle {catalog.meeting}".strip())
    css = resources.files("protokollkit.archive").joinpath("static/style.css").read_text("utf-8")
    writer.emit("style.css", key_of(css), lambda: css)
    slugs = {kind: assign_slugs(catalog.stats.ranking(kind)) for kind in ("people", "institutions")}
    # first of the deferred jobs: it reads the protocols with upcoming appointments that changed
    _calendar(writer, catalog, archive, hashes, today)
    _protocol_pages(writer, frame, catalog, archive, hashes, documents, slugs)
    _year_pages(writer, frame, catalog)
    people = _member_pages(writer, frame, catalog, "people", slugs["people"], slugs["people"])
    institutions = _member_pages(
        writer, frame, catalog, "institutions", slugs["institutions"], slugs["people"]
    )
    groups = search_groups(catalog.refs, hashes, search_group or SEARCH_GROUP)
    bundles = [name for name, _key, _pages in groups]
    writer.search = {name: [key, pages] for name, key, pages in groups}
    _start_page(writer, frame, catalog, today, people, bundles)
    _statistics_page(writer, frame, catalog, people, institutions)
    _tasks_page(writer, frame, catalog, today)
    _decisions_page(writer, frame, catalog)
    writer.emit("suche.html", key_of("suche", frame, bundles), lambda: _search_page(frame, bundles))
    if base_url:
        from protokollkit.archive.oparl import oparl_files

        for rel, key, render in oparl_files(catalog, base_url, people, institutions):
            writer.emit(rel, key, render)
    writer.run_jobs()
    writer.finish()
    if search:
        result.search = bool(run_pagefind(output))
    return result


SEARCH_GROUP = 200
"""A search bundle holds the protocols of consecutive years until it has at least this many."""

SEARCH_BUILT = ".protokollkit-suche.json"
"""Inside ``pagefind/``: the key of each bundle as it was built."""


SEARCH_ASSETS = ("pagefind-ui.js", "pagefind-ui.css")
"""Pagefind's UI, copied from a bundle to ``pagefind/`` (the pages load it from there)."""


def search_groups(
    refs: list[Ref], hashes: dict[str, str], size: int = SEARCH_GROUP
) -> list[tuple[str, str, list[str]]]:
    """The search bundles, newest first: name (the first year), key and the pages it indexes.

    Pagefind cannot add a page to an index, so the protocol pages are indexed in bundles of
    consecutive years (at least ``size`` protocols each, the newest may hold fewer)
    and the search box merges them. A new protocol of this year rebuilds only the newest bundle;
    a bundle's key is the names, file hashes and titles of its protocols.
    """
    groups: list[tuple[str, list[Ref]]] = []
    current: list[Ref] = []
    for ref in refs:
        if current and len(current) >= size and ref.year != current[-1].year:
            groups.append((current[0].year, current))
            current = []
        current.append(ref)
    if current:
        groups.append((current[0].year, current))
    return [
        (
            name,
            key_of("suchindex", [(r.stem, hashes.get(r.name, ""), r.title) for r in members]),
            [f"protokoll/{r.stem}.html" for r in members],
        )
        for name, members in reversed(groups)
    ]


def _pagefind_command(site: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)]


def run_pagefind(site: Path) -> list[str]:
    """Bring the search bundles of the site up to date (``python -m pagefind``, German stemming
    offline); return the names of the bundles built.

    The bundles and their pages are in the manifest (:func:`search_groups`); a bundle whose key
    is unchanged is kept. Each stale one is built from hard links of its pages in a folder of
    their own (same paths, so the same URLs), up to one Pagefind per core at a time.
    """
    import shutil

    try:
        plan: dict[str, list[Any]] = json.loads((site / MANIFEST).read_text("utf-8"))["search"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ProtokollkitError(f"{site}: keine mit protokollkit erstellte Website.") from None
    folder = site / "pagefind"
    folder.mkdir(exist_ok=True)
    try:
        built: dict[str, str] = json.loads((folder / SEARCH_BUILT).read_text("utf-8"))
    except (OSError, ValueError):
        built = {}
    built = {name: key for name, key in built.items() if name in plan}
    stale = [
        name
        for name, (key, _pages) in plan.items()
        if built.get(name) != key or not (folder / name / "pagefind-entry.json").is_file()
    ]
    work = site / ".suche-quellen"
    shutil.rmtree(work, ignore_errors=True)
    running: list[tuple[str, subprocess.Popen[str]]] = []

    def finish(name: str, process: subprocess.Popen[str]) -> None:
        try:
            out, err = process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise ProtokollkitError(f"{site}: Pagefind brauchte zu lange.") from None
        if process.returncode != 0:
            detail = (err or out).strip().splitlines()[-1:] or ["?"]
            raise ProtokollkitError(
                f"{site}: Pagefind konnte die Suche nicht anlegen ({detail[0]}). "
                "Ist das Paket pagefind[bin] installiert?"
            )
        target = folder / name
        shutil.rmtree(target, ignore_errors=True)
        os.replace(folder / f".{name}.neu", target)
        built[name] = plan[name][0]

    try:
        for name in stale:
            source = work / name
            for rel in plan[name][1]:
                link = source / rel
                link.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(site / rel, link)
                except OSError:
                    shutil.copyfile(site / rel, link)
            shutil.rmtree(folder / f".{name}.neu", ignore_errors=True)
            command = _pagefind_command(source, folder / f".{name}.neu")
            if len(running) >= max(1, os.cpu_count() or 1):
                finish(*running.pop(0))
            try:
                process = subprocess.Popen(
                    command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
                )
            except OSError as exc:
                raise ProtokollkitError(
                    f"{site}: Pagefind ließ sich nicht ausführen ({exc})."
                ) from None
            running.append((name, process))
        while running:
            finish(*running.pop(0))
    finally:
        for _name, process in running:
            process.kill()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)
        for old in folder.iterdir():
            if old.is_dir() and old.name not in plan:
                shutil.rmtree(old, ignore_errors=True)
            elif old.is_file() and old.name not in (SEARCH_BUILT, *SEARCH_ASSETS):
                old.unlink()  # a single index of an earlier version
        write_file(folder / SEARCH_BUILT, json.dumps(built, indent=0).encode("utf-8"))
    newest = next(iter(plan), None)
    for asset in SEARCH_ASSETS:
        if newest and (stale or not (folder / asset).is_file()):
            write_file(folder / asset, (folder / newest / asset).read_bytes())
    return stale


# --- protocols ------------------------------------------------------------------------------


def _protocol_pages(
    writer: Writer,
    frame: Frame,
    catalog: Catalog,
    archive: Path,
    hashes: dict[str, str],
    documents: bool,
    slugs: dict[str, dict[str, str]],
) -> None:
    refs = catalog.refs
    appointments = {stem for stem, _ in catalog.appointments}
    with_ics: set[str] = set()
    for summary_stem in appointments:
        with_ics.add(summary_stem)
    for position, ref in enumerate(refs):
        before = refs[position - 1] if position else None
        after = refs[position + 1] if position + 1 < len(refs) else None
        digest = hashes.get(ref.name, "")
        files: dict[str, str] = {}
        if documents:
            files = {"docx": "Word (DOCX)", "pdf": "PDF"}
        if ref.appointments:
            files["ics"] = "Termine (.ics)"
        rel = f"protokoll/{ref.stem}.html"
        people = [
            (
                name,
                slugs["people"].get(fold(name)),
                affiliation,
                slugs["institutions"].get(fold(affiliation)) if affiliation else None,
            )
            for name, affiliation in ref.present
        ]
        # what the page shows of its neighbours and of its entry in the catalogue (plain tuples:
        # their repr is cheap, there is one key per protocol)
        shown = (
            (before.stem, before.label) if before else None,
            (after.stem, after.label) if after else None,
            (ref.stem, ref.title, ref.date),
        )
        page_key = key_of("protokoll", frame.name, digest, shown, sorted(files), people)
        wanted = {rel: page_key}
        for suffix in files:
            wanted[f"protokoll/{ref.stem}.{suffix}"] = key_of(suffix, digest)
        writer.defer(
            wanted,
            partial(_protocol_files, frame, archive, ref, before, after, files, people),
        )


def _protocol_files(
    frame: Frame,
    archive: Path,
    ref: Ref,
    before: Ref | None,
    after: Ref | None,
    files: dict[str, str],
    people: list[tuple[str, str | None, str | None, str | None]],
    stale: set[str],
) -> list[tuple[str, bytes]]:
    """The stale ones of a protocol's page, .docx, .pdf and .ics (the protocol read once)."""
    import protokollkit
    from protokollkit.writers import now
    from protokollkit.writers.ics import write_ics

    protocol = read_redacted(archive / ref.name)
    result: list[tuple[str, bytes]] = []
    for rel in sorted(stale):
        suffix = rel.rsplit(".", 1)[1]
        data: str | bytes
        if suffix == "html":
            data = _protocol_page(frame, ref, protocol, before, after, files, people)
        elif suffix == "ics":
            data = write_ics(protocol, stamp=now())
        else:
            data = protokollkit.write(protocol, suffix)
        result.append((rel, data.encode("utf-8") if isinstance(data, str) else data))
    return result


def _person_link(
    name: str, person_slug: str | None, affiliation: str | None, institution_slug: str | None
) -> str:
    text = f'<a href="../person/{person_slug}.html">{e(name)}</a>' if person_slug else e(name)
    if affiliation:
        where = (
            f'<a href="../einrichtung/{institution_slug}.html">{e(affiliation)}</a>'
            if institution_slug
            else e(affiliation)
        )
        text += f" ({where})"
    return text


def _protocol_page(
    frame: Frame,
    ref: Ref,
    protocol: Any,
    before: Ref | None,
    after: Ref | None,
    files: dict[str, str],
    people: list[tuple[str, str | None, str | None, str | None]],
) -> str:
    from protokollkit.writers.html import protocol_html

    nav = ['<nav class="blaettern" aria-label="Blättern">']
    nav.append(
        f'<a rel="prev" href="{e(before.stem)}.html">← vorheriges ({e(before.label)})</a>'
        if before
        else "<span></span>"
    )
    nav.append(f'<a href="../jahr/{ref.year}.html">alle aus {e(ref.year)}</a>')
    nav.append(
        f'<a rel="next" href="{e(after.stem)}.html">nächstes ({e(after.label)}) →</a>'
        if after
        else "<span></span>"
    )
    nav.append("</nav>\n")
    links = "".join(
        f'<li><a href="{e(ref.stem)}.{suffix}" download>{label}</a></li>'
        for suffix, label in files.items()
    )
    body = (
        "".join(nav)
        + f'<article class="protokoll" data-pagefind-body>\n{protocol_html(protocol)}</article>\n'
        + f'<section class="dateien"><h2>Dateien</h2><ul>{links}</ul></section>\n'
        + "<section><h2>Anwesend</h2>\n"
        + _list([_person_link(*person) for person in people], "liste spalten")
        + "</section>\n"
    )
    return frame.page(f"protokoll/{ref.stem}.html", ref.title, body)


# --- years ----------------------------------------------------------------------------------


def _year_pages(writer: Writer, frame: Frame, catalog: Catalog) -> None:
    years: dict[str, list[Ref]] = {}
    for ref in catalog.refs:
        years.setdefault(ref.year, []).append(ref)
    for year, refs in years.items():
        rel = f"jahr/{year}.html"
        writer.emit(rel, key_of("jahr", frame, refs), partial(_year_page, frame, year, refs))
    counts = [(year, len(refs)) for year, refs in years.items()]
    writer.emit(
        "archiv.html", key_of("archiv", frame, counts), lambda: _archive_page(frame, counts)
    )


def _year_page(frame: Frame, year: str, refs: list[Ref]) -> str:
    rows = [
        f'<a href="../protokoll/{e(r.stem)}.html">{e(r.label)}</a> – {e(r.title)}'
        + (f'<br><span class="klein">{e(" · ".join(r.items))}</span>' if r.items else "")
        for r in reversed(refs)
    ]
    heading = f"Protokolle {year}" if year != "ohne-datum" else "Protokolle ohne Datum"
    body = f"<h1>{e(heading)}</h1>\n<p>{len(refs)} Sitzungen.</p>\n" + _list(rows)
    decisions = [_decision_row("../", r, d) for r in reversed(refs) for d in r.decisions]
    body += '<h2 id="beschluesse">Beschlüsse</h2>\n' + _list(decisions)
    return frame.page(f"jahr/{year}.html", heading, body)


def _archive_page(frame: Frame, counts: list[tuple[str, int]]) -> str:
    rows = [
        f'<a href="jahr/{e(year)}.html">{e(year if year != "ohne-datum" else "ohne Datum")}</a>'
        f" – {count} {'Sitzung' if count == 1 else 'Sitzungen'}"
        for year, count in reversed(counts)
    ]
    body = "<h1>Alle Protokolle nach Jahren</h1>\n" + _list(rows, "liste spalten")
    return frame.page("archiv.html", "Alle Protokolle", body)


# --- people and institutions ----------------------------------------------------------------


@dataclass(frozen=True)
class MemberPage:
    """A person's or institution's page: where it is and who it is."""

    key: str
    slug: str
    name: str
    count: int
    affiliation: str | None


def assign_slugs(members: list[Member]) -> dict[str, str]:
    """A file name for each person or institution (by folded name); clashes get ``-2`` …"""
    result: dict[str, str] = {}
    used: set[str] = set()
    for member in sorted(members, key=lambda m: m.key):
        name_slug = slug(member.name)
        candidate, n = name_slug, 1
        while candidate in used:
            n += 1
            candidate = f"{name_slug}-{n}"
        used.add(candidate)
        result[member.key] = candidate
    return result


def _member_pages(
    writer: Writer,
    frame: Frame,
    catalog: Catalog,
    kind: str,
    slugs: dict[str, str],
    people_slugs: dict[str, str],
) -> list[MemberPage]:
    from protokollkit.archive.charts import attendance_chart

    folder = "person" if kind == "people" else "einrichtung"
    listing = "personen.html" if kind == "people" else "einrichtungen.html"
    reports = catalog.reports if kind == "people" else catalog.institution_reports
    by_stem = {ref.stem: ref for ref in catalog.refs}
    pages: list[MemberPage] = []
    for member in sorted(catalog.stats.ranking(kind), key=lambda m: m.key):
        candidate = slugs[member.key]
        page = MemberPage(member.key, candidate, member.name, member.count, member.affiliation)
        pages.append(page)
        per_year = member.per_year()
        years = year_span(per_year)
        attended = [per_year.get(y, 0) for y in years]
        what = "Anwesenheit" if kind == "people" else "Anwesenheit der Einrichtung"
        chart_title = f"{what}: {member.name}"
        if years:
            rel = f"{folder}/{candidate}.svg"
            writer.emit(
                rel,
                key_of("diagramm", chart_title, years, attended),
                partial(attendance_chart, years, attended, chart_title),
            )
        own = reports.get(member.key, [])
        others: list[str] = []
        if kind == "institutions":
            others = sorted(
                {
                    p.name
                    for p in catalog.stats.people.values()
                    if p.affiliation and fold(p.affiliation) == member.key
                }
            )
        others_links = [(n, people_slugs.get(fold(n))) for n in others]
        data = (page, years, attended, own, member.protocols[-1:], others_links)
        writer.emit(
            f"{folder}/{candidate}.html",
            key_of(folder, frame, data),
            partial(
                _member_page,
                frame,
                folder,
                page,
                member,
                years,
                attended,
                own,
                by_stem,
                others_links,
            ),
        )
    rows = [
        f'<a href="{folder}/{p.slug}.html">{e(p.name)}</a>'
        + (
            f' <span class="klein">({e(p.affiliation)})</span>'
            if kind == "people" and p.affiliation
            else ""
        )
        + f' <span class="klein">– {p.count}×</span>'
        for p in sorted(pages, key=lambda p: fold(p.name))
    ]
    heading = "Personen" if kind == "people" else "Einrichtungen"
    intro = (
        "Alle, die in einem Protokoll als anwesend oder mit einem Bericht stehen."
        if kind == "people"
        else "Die Einrichtungen, wie sie bei Teilnehmenden und Berichten genannt sind."
    )
    writer.emit(
        listing,
        key_of(listing, frame, rows),
        lambda: frame.page(
            listing, heading, f"<h1>{heading}</h1>\n<p>{intro}</p>\n" + _list(rows, "liste spalten")
        ),
    )
    return pages


def _member_page(
    frame: Frame,
    folder: str,
    page: MemberPage,
    member: Member,
    years: list[int],
    attended: list[int],
    reports: list[tuple[str, list[Any]]],
    by_stem: dict[str, Ref],
    others: list[tuple[str, str | None]],
) -> str:
    rel = f"{folder}/{page.slug}.html"
    first = german_date(min(member.dates)) if member.dates else "–"
    last = german_date(max(member.dates)) if member.dates else "–"
    parts = [f"<h1>{e(page.name)}</h1>\n"]
    if folder == "person" and page.affiliation:
        parts.append(f"<p>{e(page.affiliation)}</p>\n")
    parts.append(
        f"<p>Bei {page.count} {'Sitzung' if page.count == 1 else 'Sitzungen'} dabei "
        f"(erstmals {first}, zuletzt {last}).</p>\n"
    )
    if years:
        alt = (
            f"Balkendiagramm: {page.name} war "
            + ", ".join(f"{y} bei {a}" for y, a in zip(years, attended, strict=True))
            + " Sitzungen dabei."
        )
        rows = "".join(
            f'<tr><td>{y}</td><td class="zahl">{a}</td></tr>'
            for y, a in zip(years, attended, strict=True)
        )
        parts.append(
            f'<h2>Anwesenheit</h2>\n<figure><img src="{e(page.slug)}.svg" alt="{e(alt)}" '
            'width="700" height="280" loading="lazy">'
            "<figcaption>Sitzungen im Jahr, bei denen sie dabei waren.</figcaption></figure>\n"
            '<div class="tabelle"><table><caption class="klein">Anwesenheit nach Jahren'
            '</caption><thead><tr><th scope="col">Jahr</th><th scope="col" class="zahl">'
            "Sitzungen (anwesend)</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>\n"
        )
    if others:
        links = [f'<a href="../person/{s}.html">{e(n)}</a>' if s else e(n) for n, s in others]
        parts.append("<h2>Personen</h2>\n" + _list(links, "liste spalten"))
    parts.append("<h2>Berichte</h2>\n")
    if not reports:
        parts.append('<p class="klein">Keine Berichte unter eigenem Namen.</p>\n')
    else:
        rows_by_year: dict[str, list[str]] = {}
        for stem, report in reversed(reports):
            ref = by_stem[stem]
            name, _affiliation, label, title, count, first_point = report
            who = f" – {e(name)}" if folder == "einrichtung" else ""
            text = f": „{e(_short(first_point))}“" if first_point else ""
            points = f" ({count} {'Punkt' if count == 1 else 'Punkte'})" if count else ""
            rows_by_year.setdefault(ref.year, []).append(
                f'<a href="../protokoll/{e(stem)}.html">{e(ref.label)}</a>, TOP {e(label)} '
                f"{e(title)}{who}{points}{text}"
            )
        for year, entries in rows_by_year.items():
            parts.append(f"<h3>{e(year)}</h3>\n" + _list(entries))
    return frame.page(rel, page.name, "".join(parts))


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- start, statistics, search --------------------------------------------------------------


def _start_page(
    writer: Writer,
    frame: Frame,
    catalog: Catalog,
    today: dt.date,
    people: list[MemberPage],
    bundles: list[str],
) -> None:
    newest = catalog.newest
    assert newest is not None
    coming = upcoming(catalog)[:30]
    tasks = open_tasks(catalog)
    data = (newest, coming, tasks[:START_TASKS], len(tasks), today.isoformat(), bundles)
    writer.emit(
        "index.html",
        key_of("start", frame, data),
        lambda: _start(frame, catalog, newest, coming, tasks, today, bundles),
    )


def _start(
    frame: Frame,
    catalog: Catalog,
    newest: Summary,
    coming: list[tuple[str, dict[str, Any]]],
    tasks: list[tuple[str, list[Any]]],
    today: dt.date,
    bundles: list[str],
) -> str:
    by_stem = {ref.stem: ref for ref in catalog.refs}
    ref = by_stem[newest["stem"]]
    items = [f"TOP {e(label)} {e(title)}" for label, title in newest["items"]]
    parts = [
        f"<h1>{e(frame.name)}</h1>\n",
        f"<p>{len(catalog.refs)} Protokolle im Archiv",
        f", von {e(catalog.refs[0].label)} bis {e(catalog.refs[-1].label)}.</p>\n"
        if len(catalog.refs) > 1
        else ".</p>\n",
        search_box("", bundles),
        '<h2>Neuestes Protokoll</h2>\n<div class="kasten">\n',
        f'<p><a href="protokoll/{e(ref.stem)}.html">{e(ref.title)}</a></p>\n',
        _list(items),
        "</div>\n<h2>Nächste Sitzung</h2>\n",
    ]
    following = newest["next_meeting"]
    if following and following[1] and dt.date.fromisoformat(following[1]) >= today:
        when = german_long_date(dt.date.fromisoformat(following[1]))
        parts.append(f"<p><strong>{e(when)}</strong> – „{e(following[0])}“</p>\n")
    elif following and following[0]:
        parts.append(f"<p>Laut dem neuesten Protokoll: „{e(following[0])}“.</p>\n")
    else:
        parts.append("<p>Im neuesten Protokoll steht noch kein Termin.</p>\n")
    parts.append(
        '<h2>Kommende Termine</h2>\n<p class="klein">Aus allen Protokollen; zum Abonnieren: '
        '<a href="termine.ics">termine.ics</a>.</p>\n'
    )
    parts.append(
        _list(
            [
                f"{e(a['line'])} "
                f'<span class="quelle">(<a href="protokoll/{e(stem)}.html">Protokoll '
                f"{e(by_stem[stem].label)}</a>)</span>"
                for stem, a in coming
            ]
        )
    )
    parts.append(
        '<h2>Offene Themen</h2>\n<p class="klein">Punkte des neuesten Protokolls, die nach einer '
        "Fortsetzung fragen (auch aus früheren Protokollen übernommene).</p>\n"
    )
    parts.append(_list([e(text) for text in newest["open_topics"]]))
    parts.append(
        '<h2>Offene Aufgaben</h2>\n<p class="klein">Mit Frist ab heute aus allen Protokollen, '
        "ohne Frist aus dem neuesten Protokoll jeder Runde.</p>\n"
    )
    parts.append(_list([_task_row("", by_stem, stem, task) for stem, task in tasks[:START_TASKS]]))
    if len(tasks) > START_TASKS:
        parts.append(f'<p><a href="aufgaben.html">Alle {len(tasks)} offenen Aufgaben</a></p>\n')
    return frame.page("index.html", "Start", "".join(parts), search=True)


START_TASKS = 15
"""Open tasks on the start page (all on ``aufgaben.html``)."""

RESULT_WORDS = {"accepted": "angenommen", "rejected": "abgelehnt", "postponed": "vertagt"}


def _task_row(root: str, by_stem: dict[str, Ref], stem: str, task: list[Any]) -> str:
    text, owners, due, label = task
    who = f" – {e(', '.join(owners))}" if owners else ""
    until = f", bis {e(day(due))}" if due else ""
    item = f", TOP {e(label)}" if label else ""
    return (
        f'{e(text)}{who}{until} <span class="quelle">(<a href="{root}protokoll/{e(stem)}.html">'
        f"Protokoll {e(by_stem[stem].label)}</a>{item})</span>"
    )


def _tasks_page(writer: Writer, frame: Frame, catalog: Catalog, today: dt.date) -> None:
    tasks = open_tasks(catalog)
    by_stem = {ref.stem: ref for ref in catalog.refs}
    shown = [(stem, by_stem[stem].label, task) for stem, task in tasks]

    def render() -> str:
        dated = [_task_row("", by_stem, stem, task) for stem, task in tasks if task[2]]
        undated = [_task_row("", by_stem, stem, task) for stem, task in tasks if not task[2]]
        body = (
            "<h1>Offene Aufgaben</h1>\n<p>Ein Protokoll hält nicht fest, wann eine Aufgabe "
            "erledigt ist: eine mit Frist gilt bis zu ihrem Tag als offen, eine ohne Frist bis "
            "zum nächsten Protokoll ihrer Runde.</p>\n"
            f"<h2>Mit Frist (ab {e(german_date(today))})</h2>\n" + _list(dated) + "<h2>Ohne Frist "
            "(aus dem neuesten Protokoll jeder Runde)</h2>\n" + _list(undated)
        )
        return frame.page("aufgaben.html", "Offene Aufgaben", body)

    writer.emit("aufgaben.html", key_of("aufgaben", frame.name, shown), render)


def _decision_row(root: str, ref: Ref, decision: tuple[str, str | None, str | None]) -> str:
    text, result, label = decision
    outcome = f" <strong>– {RESULT_WORDS[result]}</strong>" if result in RESULT_WORDS else ""
    item = f", TOP {e(label)}" if label else ""
    return (
        f'{e(text)}{outcome} <span class="quelle">(<a href="{root}protokoll/{e(ref.stem)}.html">'
        f"Protokoll {e(ref.label)}</a>{item})</span>"
    )


def _decisions_page(writer: Writer, frame: Frame, catalog: Catalog) -> None:
    counts: dict[str, int] = {}
    for ref in catalog.refs:
        if ref.decisions:
            counts[ref.year] = counts.get(ref.year, 0) + len(ref.decisions)
    newest = [(ref, d) for ref in reversed(catalog.refs) for d in reversed(ref.decisions)][:30]
    shown = (counts, [(ref.stem, ref.label, d) for ref, d in newest])

    def render() -> str:
        years = [
            f'<a href="jahr/{e(year)}.html#beschluesse">'
            f"{e(year if year != 'ohne-datum' else 'ohne Datum')}</a> – {count}"
            for year, count in reversed(counts.items())
        ]
        body = (
            "<h1>Beschlüsse</h1>\n<p>Beschlüsse, Anträge und Abstimmungen, wie die Protokolle "
            "sie festhalten; alle eines Jahres stehen auf seiner Seite.</p>\n"
            "<h2>Die neuesten</h2>\n"
            + _list([_decision_row("", ref, d) for ref, d in newest])
            + "<h2>Nach Jahren</h2>\n"
            + _list(years, "liste spalten")
        )
        return frame.page("beschluesse.html", "Beschlüsse", body)

    writer.emit("beschluesse.html", key_of("beschluesse", frame.name, shown), render)


def _search_page(frame: Frame, bundles: list[str]) -> str:
    body = "<h1>Suche</h1>\n" + search_box("", bundles)
    return frame.page("suche.html", "Suche", body, search=True)


def _statistics_page(
    writer: Writer,
    frame: Frame,
    catalog: Catalog,
    people: list[MemberPage],
    institutions: list[MemberPage],
) -> None:
    from protokollkit.archive.charts import svg_bar_chart, svg_lines_chart

    stats = catalog.stats
    per_year = stats.meetings_per_year()
    years = list(per_year)
    counts = list(per_year.values())
    means = {
        "TOPs": [
            stats.years[y].mean(stats.years[y].items) if y in stats.years else 0 for y in years
        ],
        "Sprecher*innen": [
            stats.years[y].mean(stats.years[y].speakers) if y in stats.years else 0 for y in years
        ],
        "Anwesende": [
            stats.years[y].mean(stats.years[y].present) if y in stats.years else 0 for y in years
        ],
    }
    if years:
        writer.emit(
            "statistik/sitzungen.svg",
            key_of("sitzungen", years, counts),
            lambda: svg_bar_chart(years, counts, "Sitzungen pro Jahr", "Sitzungen"),
        )
        writer.emit(
            "statistik/umfang.svg",
            key_of("umfang", years, means),
            lambda: svg_lines_chart(
                years, list(means.items()), "Durchschnitt je Sitzung", "Anzahl je Sitzung"
            ),
        )
    slugs = {p.key: p for p in people}
    islugs = {p.key: p for p in institutions}
    data = (per_year, means, [(p.key, p.count) for p in people[:0]], len(people))
    ranking = [(m.key, m.count) for m in stats.ranking("people")[:30]]
    iranking = [(m.key, m.count) for m in stats.ranking("institutions")[:30]]
    writer.emit(
        "statistik.html",
        key_of("statistik", frame, data, ranking, iranking),
        lambda: _statistics(frame, stats, per_year, means, ranking, iranking, slugs, islugs),
    )


def _statistics(
    frame: Frame,
    stats: ArchiveStats,
    per_year: dict[int, int],
    means: dict[str, list[float]],
    ranking: list[tuple[str, int]],
    iranking: list[tuple[str, int]],
    people: dict[str, MemberPage],
    institutions: dict[str, MemberPage],
) -> str:
    def number(value: float) -> str:
        return f"{value:.1f}".replace(".", ",")

    years = list(per_year)
    rows = "".join(
        f'<tr><td>{y}</td><td class="zahl">{per_year[y]}</td>'
        + "".join(f'<td class="zahl">{number(v[i])}</td>' for v in means.values())
        + "</tr>"
        for i, y in enumerate(years)
    )
    parts = [
        "<h1>Statistik</h1>\n",
        f"<p>{stats.protocols} Protokolle, {len(stats.people)} Personen, "
        f"{len(stats.institutions)} Einrichtungen.</p>\n",
    ]
    if years:
        alt = "Balkendiagramm Sitzungen pro Jahr: " + ", ".join(
            f"{y}: {c}" for y, c in per_year.items()
        )
        parts.append(
            f'<figure><img src="statistik/sitzungen.svg" alt="{e(alt)}" width="700" '
            'height="320"><figcaption>Sitzungen pro Jahr.</figcaption></figure>\n'
            '<figure><img src="statistik/umfang.svg" alt="Liniendiagramm: TOPs, Sprecher*innen '
            'und Anwesende je Sitzung im Jahresmittel (Werte in der Tabelle)." width="700" '
            'height="320"><figcaption>Je Sitzung im Mittel: TOPs (durchgezogen), '
            "Sprecher*innen (gestrichelt), Anwesende (gepunktet).</figcaption></figure>\n"
        )
    parts.append(
        '<div class="tabelle"><table><caption class="klein">Sitzungen und Umfang nach Jahren'
        '</caption><thead><tr><th scope="col">Jahr</th><th scope="col" class="zahl">Sitzungen'
        '</th><th scope="col" class="zahl">TOPs je Sitzung</th><th scope="col" class="zahl">'
        'Sprecher*innen je Sitzung</th><th scope="col" class="zahl">Anwesende je Sitzung</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>\n"
    )
    for heading, folder, pages, rank in (
        ("Am häufigsten dabei: Personen", "person", people, ranking),
        ("Am häufigsten dabei: Einrichtungen", "einrichtung", institutions, iranking),
    ):
        items = [
            f'<a href="{folder}/{pages[k].slug}.html">{e(pages[k].name)}</a> – {c} Sitzungen'
            for k, c in rank
        ]
        parts.append(f"<h2>{heading}</h2>\n" + _list(items, "liste spalten"))
    return frame.page("statistik.html", "Statistik", "".join(parts))


# --- calendar -------------------------------------------------------------------------------


EVENTS_CACHE = ".protokollkit-termine.json"
"""The events of each protocol's calendar as the ics writer wrote them, by file hash."""


def _calendar(
    writer: Writer, catalog: Catalog, archive: Path, hashes: dict[str, str], today: dt.date
) -> None:
    stems = sorted({stem for stem, _ in catalog.appointments})
    by_stem = {ref.stem: ref for ref in catalog.refs}
    sources = [(by_stem[s].name, hashes.get(by_stem[s].name, "")) for s in reversed(stems)]
    key = key_of("termine", today.isoformat(), sources)
    writer.defer(
        {"termine.ics": key},
        partial(_calendar_file, archive, sources, today, writer.output / EVENTS_CACHE),
    )


def _calendar_file(
    archive: Path, sources: list[tuple[str, str]], today: dt.date, cache: Path, stale: set[str]
) -> list[tuple[str, bytes]]:
    """``termine.ics`` as a deferred job (it runs beside the protocol pages)."""
    return [("termine.ics", calendar(archive, sources, today, cache).encode("utf-8"))]


def _blocks(text: str, name: str) -> list[str]:
    """The ``BEGIN:name`` … ``END:name`` blocks of an iCalendar text, as written."""
    begin, end = f"BEGIN:{name}\r\n", f"END:{name}\r\n"
    blocks = []
    start = text.find(begin)
    while start >= 0:
        stop = text.index(end, start) + len(end)
        blocks.append(text[start:stop])
        start = text.find(begin, stop)
    return blocks


def calendar(
    archive: Path, sources: list[tuple[str, str]], today: dt.date, cache: Path | None = None
) -> str:
    """One calendar with the upcoming appointments of the given protocols (newest first).

    ``sources`` are file names with their hashes. The events are the ics writer's, kept in
    ``cache`` by file hash so that only new or changed protocols are read again; an appointment
    named in several protocols comes once (from the newest).
    """
    from protokollkit.termine import upcoming
    from protokollkit.writers import now
    from protokollkit.writers.ics import PRODID, TZID, write_ics

    try:
        known: dict[str, Any] = json.loads(cache.read_text("utf-8")) if cache else {}
    except (OSError, ValueError):
        known = {}
    kept: dict[str, Any] = {"timezone": known.get("timezone", "")}
    seen: set[str] = set()
    events: list[str] = []
    for name, digest in sources:
        entry = known.get(name)
        if not entry or entry[0] != digest:
            protocol = read_redacted(archive / name)
            written = write_ics(protocol, stamp=now())
            zones = _blocks(written, "VTIMEZONE")
            if zones:
                kept["timezone"] = zones[0]
            # write_ics writes one event per upcoming appointment, in this order
            pairs = zip(upcoming(protocol), _blocks(written, "VEVENT"), strict=False)
            entry = [
                digest,
                [[a.last_day.isoformat(), f"{a.start}|{fold(a.title)}", b] for a, b in pairs],
            ]
        kept[name] = entry
        for last_day, identity, block in entry[1]:
            if dt.date.fromisoformat(last_day) >= today and identity not in seen:
                seen.add(identity)
                events.append(block)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Termine aus den Protokollen",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    zone = kept["timezone"] if events else ""
    return "\r\n".join(head) + "\r\n" + zone + "".join(events) + "END:VCALENDAR\r\n"


__all__ = [
    "MANIFEST",
    "REDACTED",
    "Catalog",
    "Ref",
    "SiteResult",
    "build_site",
    "calendar",
    "redact",
    "redact_model",
    "run_pagefind",
    "search_groups",
    "upcoming",
]
