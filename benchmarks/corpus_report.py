"""How well protokollkit reads real protocols: ``python benchmarks/corpus_report.py``.

Every document in ``tests/fixtures/corpus/`` (``NAME.md``, ``NAME.txt``, ``NAME.docx``,
``NAME.odt``) has beside it ``NAME.expected.json``: the structure a careful human reads in it,
written by hand. This script reads each document with ``protokollkit.read`` and compares, using
only the public model API. It prints, over the whole corpus:

- per kind (title, date, participants, …, links): expected elements, found elements, recall;
- the overall recall (all expected elements pooled);
- files refused (a ``ParseError``), lines lost (input lines whose words do not all appear in
  ``protokollkit.write(p, "text")``), the share of content lines left as free notes (warnings
  „Zeile nicht zugeordnet“), warnings per file and per 20 lines.

``--verbose`` lists every miss (file, kind, expected) and every lost line; ``--corpus DIR`` reads
another folder of the same layout (the held-out corpus: ``--corpus tests/fixtures/heldout``).

Matching (all text compared with whitespace collapsed, case-insensitive, HTML entities decoded,
Markdown emphasis, backticks and backslash escapes removed):

- a name matches when equal or when one contains the other as whole words; participants are
  everyone present (``Protocol.present()``: the participants and labelled groups of those present);
- speakers include presenters (``Protocol.speakers()``);
- an agenda entry, item, sub-item or point matches when the expected text is contained in
  (in particular: is a prefix of) an actual entry; sub-items are looked for at every level;
- a decision matches an entry that records a decision when the expected text is in that entry,
  its sub-points or its neighbours (the two entries before, the one after: a motion is often
  written above its vote), and the counts and result agree wherever the expected file gives them;
- a task matches an entry that records a task when the expected text is in the entry or its
  sub-points, every expected owner matches an actual owner and the due date agrees if given;
- the next meeting matches by date (``YYYY-MM-DD``) or else by text containment;
- links match by target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import protokollkit  # noqa: E402
from protokollkit.layout import clean, tracing  # noqa: E402
from protokollkit.model import Point, Protocol, links_in  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
DOCUMENT_SUFFIXES = (".md", ".txt", ".docx", ".odt")
OFFICE_SUFFIXES = (".docx", ".odt")
EXPECTED_SUFFIX = ".expected.json"
FREE_NOTE = "Zeile nicht zugeordnet"

KINDS = (
    "title",
    "date",
    "participants",
    "excused",
    "guests",
    "meta",
    "agenda",
    "items",
    "subitems",
    "speakers",
    "points",
    "decisions",
    "tasks",
    "next_meeting",
    "links",
)
META_KEYS = ("place", "chair", "minute_taker", "start", "end")
RESULTS = ("accepted", "rejected")
LIST_KINDS = (
    "participants",
    "excused",
    "guests",
    "agenda",
    "items",
    "subitems",
    "speakers",
    "points",
    "links",
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- the corpus and its expected files -------------------------------------------------------


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """Every document of the corpus, sorted by name (``src/`` and the JSON files excluded)."""
    return sorted(
        p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


NOT_DOCUMENTS = ("SOURCES.md", "MISSES.md")
"""Files of a corpus folder that describe the corpus (its sources, the reader's misses)."""


def document_files(corpus: Path = CORPUS) -> list[Path]:
    """The corpus documents without SOURCES.md and MISSES.md (which describe the corpus)."""
    return [p for p in corpus_files(corpus) if p.name not in NOT_DOCUMENTS]


def expected_path(document: Path) -> Path:
    """``NAME.md`` → ``NAME.expected.json``."""
    return document.with_name(document.stem + EXPECTED_SUFFIX)


def load_expected(document: Path) -> dict[str, Any]:
    """The expected structure of a document (a JSON object)."""
    data = json.loads(expected_path(document).read_text("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{expected_path(document).name}: not a JSON object")
    return data


def _is_date(value: object) -> bool:
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_count(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def schema_problems(data: object) -> list[str]:
    """What is wrong with an expected file (empty when it is well formed)."""
    if not isinstance(data, dict):
        return ["not a JSON object"]
    problems = []
    allowed = {"refused", *KINDS}
    problems += [f"unknown key {key!r}" for key in data if key not in allowed]
    if not isinstance(data.get("refused", False), bool):
        problems.append("refused: not true/false")
    if not isinstance(data.get("title"), str | None):
        problems.append("title: not a string or null")
    if data.get("date") is not None and not _is_date(data["date"]):
        problems.append("date: not YYYY-MM-DD or null")
    for kind in LIST_KINDS:
        value = data.get(kind, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problems.append(f"{kind}: not a list of non-empty strings")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        problems.append("meta: not an object")
    else:
        problems += [f"meta: unknown key {k!r}" for k in meta if k not in META_KEYS]
        problems += [f"meta.{k}: not a string" for k, v in meta.items() if not isinstance(v, str)]
    decisions = data.get("decisions", [])
    if not isinstance(decisions, list):
        problems.append("decisions: not a list")
    else:
        for i, d in enumerate(decisions):
            where = f"decisions[{i}]"
            if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not d["text"]:
                problems.append(f"{where}: needs a non-empty text")
                continue
            extra = set(d) - {"text", "yes", "no", "abstain", "result"}
            problems += [f"{where}: unknown key {k!r}" for k in sorted(extra)]
            problems += [
                f"{where}.{k}: not a count or null"
                for k in ("yes", "no", "abstain")
                if not _is_count(d.get(k))
            ]
            if d.get("result") not in (None, *RESULTS):
                problems.append(f"{where}.result: not accepted/rejected/null")
    tasks = data.get("tasks", [])
    if not isinstance(tasks, list):
        problems.append("tasks: not a list")
    else:
        for i, t in enumerate(tasks):
            where = f"tasks[{i}]"
            if not isinstance(t, dict) or not isinstance(t.get("text"), str) or not t["text"]:
                problems.append(f"{where}: needs a non-empty text")
                continue
            extra = set(t) - {"text", "owners", "due"}
            problems += [f"{where}: unknown key {k!r}" for k in sorted(extra)]
            owners = t.get("owners", [])
            if not isinstance(owners, list) or not all(isinstance(o, str) for o in owners):
                problems.append(f"{where}.owners: not a list of strings")
            if t.get("due") is not None and not _is_date(t["due"]):
                problems.append(f"{where}.due: not YYYY-MM-DD or null")
    if not isinstance(data.get("next_meeting"), str | None):
        problems.append("next_meeting: not a string or null")
    return problems


# --- text normalisation and matching ----------------------------------------------------------

_MARKUP = re.compile(r"[*_`~]")
_ESCAPE = re.compile(r"\\(?=[^\w\s])")


def norm(text: str) -> str:
    """Text for comparison: entities decoded, emphasis removed, letter-spaced words joined,
    whitespace collapsed, casefolded."""
    text = clean(html.unescape(text))
    text = _ESCAPE.sub("", text)
    text = _MARKUP.sub("", text)
    return " ".join(text.split()).casefold()


def contains(expected: str, actual: str) -> bool:
    """The expected text is contained in (or a prefix of) the actual text."""
    wanted = norm(expected)
    return bool(wanted) and wanted in norm(actual)


def _word_in(short: str, long: str) -> bool:
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def name_matches(expected: str, actual: str) -> bool:
    """Equal, or one contains the other as whole words."""
    a, b = norm(expected), norm(actual)
    return a == b or _word_in(a, b) or _word_in(b, a)


# --- what the model says ----------------------------------------------------------------------


def _point_text(point: Point) -> str:
    """The entry's text with its sub-points."""
    parts = [point.text]
    stack = list(point.points)
    while stack:
        sub = stack.pop(0)
        parts.append(sub.text)
        stack[:0] = sub.points
    return "\n".join(parts)


def model_links(p: Protocol) -> list[str]:
    """Every link target the model keeps: in points, titles, agenda, metadata and notes."""
    texts: list[str] = [p.title, *p.agenda, *p.front, *p.back]
    texts += [f.value for f in p.meta]
    texts += [item.title for item in p.all_items()]
    if p.next_meeting:
        texts.append(p.next_meeting.text)
    targets = [link.target for text in texts for link in links_in(text)]
    targets += [link.target for point in p.all_points() for link in point.links]
    return targets


def _owners_match(expected: Sequence[str], actual: Sequence[str]) -> bool:
    return all(any(name_matches(e, a) for a in actual) for e in expected)


def _decision_found(expected: dict[str, Any], points: list[Point]) -> bool:
    for i, point in enumerate(points):
        decision = point.decision
        if decision is None:
            continue
        context = [_point_text(point), *(q.text for q in points[max(0, i - 2) : i + 2])]
        if not any(contains(expected["text"], text) for text in context):
            continue
        counts = {"yes": decision.yes, "no": decision.no, "abstain": decision.abstain}
        if any(expected.get(k) is not None and expected[k] != v for k, v in counts.items()):
            continue
        if expected.get("result") is not None and expected["result"] != decision.result:
            continue
        return True
    return False


_DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d{2})\b(?!\.)")


_FULL_HOUR = re.compile(r"(?<![\d:.])(\d{1,2})\s*Uhr\b")


def _clock(text: str) -> str:
    """A time of day written with a dot (``20.40 Uhr``) or as a full hour (``20 Uhr``) as with
    a colon (``20:40``, ``20:00``), for comparing."""
    return _FULL_HOUR.sub(r"\1:00", _DOTTED_CLOCK.sub(r"\1:\2", text))


def _task_found(expected: dict[str, Any], points: list[Point]) -> bool:
    for point in points:
        task = point.task
        if task is None or not contains(expected["text"], _point_text(point)):
            continue
        if not _owners_match(expected.get("owners", []), task.owners):
            continue
        due = expected.get("due")
        if due is not None and (task.due is None or task.due.isoformat() != due):
            continue
        return True
    return False


def compare_kinds(
    expected: dict[str, Any], p: Protocol | None
) -> dict[str, list[tuple[str, bool]]]:
    """For each kind: every expected element (as a short text) and whether it was found."""
    result: dict[str, list[tuple[str, bool]]] = {kind: [] for kind in KINDS}

    def add(kind: str, label: str, found: bool) -> None:
        result[kind].append((label, found))

    if expected.get("title") is not None:
        title = expected["title"]
        add("title", title, p is not None and (contains(title, p.title) or norm(title) == ""))
    if expected.get("date") is not None:
        add("date", expected["date"], p is not None and str(p.date) == expected["date"])
    people: dict[str, list[str]] = {"participants": [], "excused": [], "guests": []}
    if p is not None:
        people["participants"] = [person.name for person in p.present()]
        people["excused"] = [person.name for person in p.attendance_of("excused")]
        people["guests"] = [person.name for person in p.attendance_of("guests")]
    for kind, names in people.items():
        for name in expected.get(kind, []):
            add(kind, name, any(name_matches(name, actual) for actual in names))
    for key, value in expected.get("meta", {}).items():
        actual = p.meta_value(key) if p is not None else None
        if actual is not None and key in ("start", "end"):
            value, actual = _clock(value), _clock(actual)  # ``20.40 Uhr`` is ``20:40``
        found = actual is not None and (contains(value, actual) or contains(actual, value))
        add("meta", f"{key}: {value}", found)
    agenda = list(p.agenda) if p is not None else []
    for entry in expected.get("agenda", []):
        add("agenda", entry, any(contains(entry, actual) for actual in agenda))
    top = [item.title for item in p.items] if p is not None else []
    every = [item.title for item in p.all_items()] if p is not None else []
    for title in expected.get("items", []):
        add("items", title, any(contains(title, actual) for actual in top))
    for title in expected.get("subitems", []):
        add("subitems", title, any(contains(title, actual) for actual in every))
    speakers = [person.name for person in p.speakers()] if p is not None else []
    for name in expected.get("speakers", []):
        add("speakers", name, any(name_matches(name, actual) for actual in speakers))
    points = p.all_points() if p is not None else []
    texts = [point.text for point in points]
    for text in expected.get("points", []):
        add("points", text, any(contains(text, actual) for actual in texts))
    for decision in expected.get("decisions", []):
        add("decisions", decision["text"], _decision_found(decision, points))
    for task in expected.get("tasks", []):
        add("tasks", task["text"], _task_found(task, points))
    wanted = expected.get("next_meeting")
    if wanted is not None:
        meeting = p.next_meeting if p is not None else None
        if meeting is None:
            found = False
        elif _is_date(wanted):
            found = meeting.date is not None and meeting.date.isoformat() == wanted
        else:
            found = contains(wanted, meeting.text)
        add("next_meeting", wanted, found)
    targets = model_links(p) if p is not None else []
    for target in expected.get("links", []):
        add("links", target, target in targets)
    return result


# --- nothing lost: input lines against the canonical text ------------------------------------

_WORD = re.compile(r"[^\W\d_]+|\d+")
_TAG = re.compile(r"<[^<>]*>")


def words(text: str) -> list[str]:
    """The words and numbers of a text (HTML tags removed, entities decoded, letter-spaced words
    joined as the reader joins them, casefolded); ``TOP1`` is the word ``TOP`` and the number
    ``1``; a number is its value, so the zero-padded ``TOP 03`` is the item number 3 that the
    archive text writes ``TOP 3``."""
    text = clean(html.unescape(_TAG.sub(" ", text)))
    return [_number(w) if w.isdigit() else w.casefold() for w in _WORD.findall(text)]


def _number(digits: str) -> str:
    """``03`` → ``3``, ``00`` → ``0``: leading zeros are padding, not a word."""
    return digits.lstrip("0") or "0"


def input_lines(path: Path) -> list[str]:
    """The document's lines: text files as written, office documents as pandoc's plain text."""
    if path.suffix.lower() in OFFICE_SUFFIXES:
        import pypandoc

        fmt = path.suffix.lower().lstrip(".")
        completed = subprocess.run(
            [pypandoc.get_pandoc_path(), "-f", fmt, "-t", "plain", "--wrap=none", str(path)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return completed.stdout.decode("utf-8").splitlines()
    data = path.read_bytes()
    return data.decode("utf-8-sig", errors="replace").splitlines()


_LETTER_MARKER = re.compile(
    r"^\s*\(?(?:[a-hA-H]|[ivx]{1,4})[.)]\s+|^\s*(?:zu|Zu|ZU)\s+(?=(?:TOP|Top|Punkt)?\s*\d)"
    r"|^\s*(?:TOP|Top|Tagesordnungspunkt)\s?(?=\d)|^\s*\d{1,3}\.\)\s"
)
"""A list's enumeration letter (``a)``, ``(b)``, ``iv.``), the ``Zu`` of ``Zu TOP 3`` or the
``TOP`` of a planned agenda's ``TOP 3 Titel`` (the plan keeps its entries' titles, in order, as
it keeps no bullets) or of an item's heading (``Tagesordnungspunkt 2: Wahl`` is item 2, written
``2 Wahl`` like every item), or the ``9.)`` of an Austrian numbered list (an attendance list's
count, which the attendance keeps no more than a bullet): markup like a bullet or the item
number, not a word of the content."""


def lost_lines(lines: Iterable[str], output: str) -> list[str]:
    """The lines whose words do not all appear in the output (enumeration letters aside, and
    the ``mailto:`` of a link whose label is the address, which the reader keeps bare)."""
    return [line for _, line in lost_numbered(lines, output)]


def lost_numbered(lines: Iterable[str], output: str) -> list[tuple[int, str]]:
    """:func:`lost_lines` with each line's number (1-based)."""
    have = set(words(output))
    return [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if any(w not in have for w in words(_LETTER_MARKER.sub("", line).replace("(mailto:", "(")))
    ]


# --- one file, the whole corpus ----------------------------------------------------------------


@dataclass
class FileResult:
    """What the comparison found for one document."""

    name: str
    content_lines: int
    refused: bool = False
    error: str | None = None
    """An exception other than ParseError (protokollkit must never raise one)."""
    kinds: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    lost_rules: list[str] = field(default_factory=list)
    """For each lost line of a text document: the rule that took it (``-`` for none)."""
    rules: dict[str, int] = field(default_factory=dict)
    """How many lines each layout rule took."""
    warnings: int = 0
    free_notes: int = 0

    def misses(self) -> list[tuple[str, str]]:
        return [(kind, label) for kind, rows in self.kinds.items() for label, ok in rows if not ok]


def compare_file(path: Path) -> FileResult:
    """Read one document and compare it with its expected file."""
    expected = load_expected(path)
    lines = input_lines(path)
    result = FileResult(path.name, sum(1 for line in lines if line.strip()))
    p: Protocol | None = None
    try:
        with tracing() as trace:
            p = protokollkit.read(path)
    except protokollkit.ParseError:
        result.refused = True
    except Exception as exc:  # a bug: reported, and counted as refused
        result.refused = True
        result.error = f"{type(exc).__name__}: {exc}"
    result.kinds = compare_kinds(expected, p)
    if p is None:
        result.lost = [line for line in lines if words(line)]
        return result
    warnings = [d for d in p.diagnostics if d.level == "warning"]
    result.warnings = len(warnings)
    result.free_notes = sum(1 for d in warnings if FREE_NOTE in d.message)
    output = protokollkit.write(p, "text")
    assert isinstance(output, str)
    lost = lost_numbered(lines, output)
    result.lost = [line for _, line in lost]
    taken = dict(trace)  # (several parses of one Markdown file: the last one's rules)
    if path.suffix.lower() not in OFFICE_SUFFIXES:  # (office lines are pandoc's, unnumbered)
        result.lost_rules = [taken.get(number, "-") for number, _ in lost]
    for name in taken.values():
        result.rules[name] = result.rules.get(name, 0) + 1
    return result


@dataclass
class Report:
    """The comparison over the whole corpus."""

    files: list[FileResult]

    def tally(self, kind: str) -> tuple[int, int]:
        rows = [ok for f in self.files for _, ok in f.kinds.get(kind, [])]
        return len(rows), sum(rows)

    @property
    def expected(self) -> int:
        return sum(self.tally(kind)[0] for kind in KINDS)

    @property
    def found(self) -> int:
        return sum(self.tally(kind)[1] for kind in KINDS)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def refused(self) -> list[str]:
        return [f.name for f in self.files if f.refused]

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(f.name, f.error) for f in self.files if f.error]

    @property
    def lines_lost(self) -> int:
        return sum(len(f.lost) for f in self.files)

    @property
    def lines_lost_in_read(self) -> int:
        """Lines lost in the files that were read (a refused file loses every line)."""
        return sum(len(f.lost) for f in self.files if not f.refused)

    @property
    def content_lines(self) -> int:
        return sum(f.content_lines for f in self.files)

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.files)

    @property
    def free_note_share(self) -> float:
        lines = self.content_lines
        return sum(f.free_notes for f in self.files) / lines if lines else 0.0

    @property
    def warnings_per_file(self) -> float:
        return self.warnings / len(self.files) if self.files else 0.0

    @property
    def warnings_per_20_lines(self) -> float:
        lines = self.content_lines
        return 20 * self.warnings / lines if lines else 0.0


def run(paths: Iterable[Path] | None = None) -> Report:
    """Compare every corpus document (or the given ones)."""
    return Report([compare_file(path) for path in (paths or document_files())])


# --- the record of what each set misses ------------------------------------------------------

MISSES_FILE = CORPUS.parent / "recall_misses.txt"
"""Every expected element the reader misses, one line each: ``SET<TAB>file<TAB>kind<TAB>"label"``
(the label as JSON). The expectations are written by hand, so this record says exactly which of
them are read today: the tests compare it with a new run, and a rule that loses an element
somewhere fails there even while the set's recall stays above its floor. After a rule that
finds more, rewrite it: ``python benchmarks/corpus_report.py --write-misses``."""

MISSES_HEAD = "# written by: python benchmarks/corpus_report.py --write-misses\n"


def miss_lines(name: str, report: Report) -> list[str]:
    """The record's lines of one set (``corpus``, ``heldout``, …), sorted."""
    return sorted(
        f"{name}\t{f.name}\t{kind}\t{json.dumps(label, ensure_ascii=False)}"
        for f in report.files
        for kind, label in f.misses()
    )


def recorded_misses(name: str, path: Path = MISSES_FILE) -> list[str]:
    """The recorded lines of one set, sorted (none when the file or the set is not there)."""
    if not path.exists():
        return []
    prefix = name + "\t"
    lines = path.read_text("utf-8").splitlines()
    return sorted(line for line in lines if line.startswith(prefix))


def misses_changed(name: str, report: Report) -> tuple[list[str], list[str]]:
    """Against the record: the elements no longer read, and those read now."""
    now = Counter(miss_lines(name, report))
    recorded = Counter(recorded_misses(name))
    return sorted((now - recorded).elements()), sorted((recorded - now).elements())


def measured_sets(fixtures: Path = CORPUS.parent) -> list[str]:
    """The corpus and every held-out set, in the order of their names."""
    held = sorted(
        (p.name for p in fixtures.glob("heldout*") if p.is_dir()),
        key=lambda n: int(n.removeprefix("heldout") or "1"),
    )
    return ["corpus", *held]


def write_misses(path: Path = MISSES_FILE) -> int:
    """Measure every set and write the record; the number of misses written."""
    lines: list[str] = []
    for name in measured_sets(path.parent):
        lines += miss_lines(name, run(document_files(path.parent / name)))
    path.write_text(MISSES_HEAD + "".join(line + "\n" for line in lines), "utf-8")
    return len(lines)


def _percent(value: float) -> str:
    return f"{100 * value:5.1f} %"


def format_report(report: Report, verbose: bool = False, corpus: Path = CORPUS) -> str:
    """The report as a readable table (and, verbose, every miss and lost line)."""
    where = corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus
    out = [f"Corpus: {len(report.files)} documents in {where}", ""]
    out.append(f"{'kind':<14} {'expected':>8} {'found':>6} {'recall':>8}")
    out.append("-" * 39)
    for kind in KINDS:
        expected, found = report.tally(kind)
        recall = _percent(found / expected) if expected else "     –"
        out.append(f"{kind:<14} {expected:>8} {found:>6} {recall:>8}")
    out.append("-" * 39)
    out.append(f"{'overall':<14} {report.expected:>8} {report.found:>6} {_percent(report.recall)}")
    out.append("")
    lost_files = sum(1 for f in report.files if f.lost)
    out += [
        f"files refused:            {len(report.refused)} of {len(report.files)}"
        + (f" ({', '.join(report.refused)})" if report.refused else ""),
        f"lines lost:               {report.lines_lost} of {report.content_lines}"
        f" content lines, in {lost_files} files ({report.lines_lost_in_read} in files read)",
        f"lines left as free notes: {_percent(report.free_note_share).strip()}",
        f"warnings:                 {report.warnings}"
        f" ({report.warnings_per_file:.1f} per file,"
        f" {report.warnings_per_20_lines:.2f} per 20 lines)",
    ]
    for name, error in report.errors:
        out.append(f"UNEXPECTED ERROR in {name}: {error}")
    if verbose:
        out += ["", "Misses (file, kind, expected):"]
        for f in report.files:
            out += [f"  {f.name}  {kind}  {label}" for kind, label in f.misses()]
        out += ["", "Lines lost (file: [rule that took it] line):"]
        for f in report.files:
            rules = f.lost_rules or ["?"] * len(f.lost)
            out += [
                f"  {f.name}: [{r}] {line.strip()}" for r, line in zip(rules, f.lost, strict=True)
            ]
        out += ["", "Lines taken per rule (all files):"]
        totals: dict[str, int] = {}
        for f in report.files:
            for name, count in f.rules.items():
                totals[name] = totals.get(name, 0) + count
        out += [
            f"  {name:<22} {count:>6}"
            for name, count in sorted(totals.items(), key=lambda x: -x[1])
        ]
        out += ["", f"{'file':<52} {'recall':>8} {'lines':>6} {'warn':>5} {'lost':>5}"]
        for f in report.files:
            rows = [ok for r in f.kinds.values() for _, ok in r]
            recall = _percent(sum(rows) / len(rows)) if rows else "     –"
            out.append(
                f"{f.name:<52} {recall:>8} {f.content_lines:>6} {f.warnings:>5} {len(f.lost):>5}"
            )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit 1 only if protokollkit raised something other than ParseError."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the corpus folder (default: %(default)s)"
    )
    parser.add_argument("files", nargs="*", type=Path, help="only these corpus documents")
    parser.add_argument(
        "--write-misses",
        action="store_true",
        help=f"measure every set and rewrite {MISSES_FILE.name} (what each set misses)",
    )
    args = parser.parse_args(argv)
    if args.write_misses:
        print(f"{write_misses()} misses written to {MISSES_FILE}")
        return 0
    corpus = args.corpus.resolve()
    report = run(args.files or document_files(corpus))
    print(format_report(report, verbose=args.verbose, corpus=corpus))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
