"""Mutation testing (mutmut) of the modules whose tests should specify them: ``make mutation``.

Each target mutates one module (or the readers) and runs only the tests that specify it: a
mutant is killed when one of them fails. mutmut reads its settings from ``pyproject.toml``, so
every target runs in its own copy of the project under ``build/mutation/NAME/`` with its own
``[tool.mutmut]`` section; a second run of a target only tests what changed.

    python benchmarks/mutation.py              # every target, then the table of scores
    python benchmarks/mutation.py dates        # one target
    python benchmarks/mutation.py --list       # the targets and their tests
    python benchmarks/mutation.py --fresh dates   # forget earlier results (tests changed)
    python benchmarks/mutation.py --survivors dates   # test only the last run's survivors
    python benchmarks/mutation.py --functions 'rule_*' layout   # only these functions' mutants
    python benchmarks/mutation.py --by-function layout   # the last results per function

``--functions GLOB`` (repeatable; ``*`` and ``?`` as in the shell, matched against the function
name, or ``Class.method``) mutates the whole module as always but tests only the mutants of the
functions named: a large module such as ``layout.py`` (thousands of mutants) is measured group
by group, and the results add up in ``build/mutation/NAME/record.json`` (each mutant's last
status until its function changes; mutmut itself forgets every result when a fixture changes).
``--sample N`` tests only N mutants drawn at random (``--seed``) from those of an earlier run
(of the functions named, or of all): an estimate of the score where a full run takes hours.
``--by-function`` prints the recorded results function by function (those with most survivors
first) and their sum, without running anything.

The survivors of a target are listed by ``cd build/mutation/NAME && mutmut results``, one of
them shown by ``mutmut show NAME``.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutation"


@dataclass(frozen=True)
class Target:
    """What is mutated and which tests are to notice."""

    name: str
    mutate: tuple[str, ...]
    tests: tuple[str, ...]
    leave_out: str = ""
    """A pytest ``-k`` expression of tests not to run: tests that render PDFs through typst,
    whose threads do not survive mutmut's fork (the mutant hangs and only counts as a
    timeout), and that specify the writers, not this target; for ``office`` the cross-checks
    that start LibreOffice or pandoc for many documents (10–25 s per surviving mutant on two
    cores) and the import checks in subprocesses (no mutant reaches them)."""


TARGETS: tuple[Target, ...] = (
    Target(
        "dates", ("protokollkit/dates.py",), ("tests/test_dates.py", "tests/test_dates_cases.py")
    ),
    Target(
        "termine",
        ("protokollkit/termine.py",),
        ("tests/test_termine.py", "tests/test_termine_cases.py"),
    ),
    Target(
        "layout",
        ("protokollkit/layout.py",),
        (
            "tests/test_layout_fixtures.py",
            "tests/test_layout_cases.py",
            "tests/test_rules_real_forms.py",
            "tests/test_ruler.py",
            "tests/test_reference.py",
            "tests/test_layout_branches.py",
            "tests/test_corpus.py",
            "tests/test_heldout.py",
        ),
    ),
    Target(
        "readers",
        (
            "protokollkit/readers/__init__.py",
            "protokollkit/readers/text.py",
            "protokollkit/readers/sniff.py",
            "protokollkit/readers/shared.py",
        ),
        ("tests/test_read_api.py", "tests/test_bad_input.py", "tests/readers/test_sniff.py"),
        leave_out="render or same_protocol_and_stamp or stamp_is_the_only or message_id",
    ),
    Target("json", ("protokollkit/readers/json.py",), ("tests/test_json.py",)),
    Target("markdown", ("protokollkit/readers/markdown.py",), ("tests/readers/test_markdown.py",)),
    Target(
        "numbering",
        ("protokollkit/readers/numbering.py",),
        ("tests/readers/test_numbering.py", "tests/readers/test_numbering_rules.py"),
    ),
    Target(
        "office",
        (
            "protokollkit/readers/office.py",
            "protokollkit/readers/docx.py",
            "protokollkit/readers/odt.py",
            "protokollkit/readers/xml/*.py",
        ),
        ("tests/readers/test_direct.py", "tests/readers/test_direct_branches.py"),
        leave_out="libreoffice or imports_another or runs_no_pandoc or random_word_documents",
    ),
    Target(
        "pandoc",
        ("protokollkit/readers/pandoc.py",),
        ("tests/readers/test_pandoc_ast.py",),
    ),
    Target("doc", ("protokollkit/readers/doc.py",), ("tests/readers/test_doc_convert.py",)),
)
"""``pandoc`` and ``doc`` run only tests that start neither pandoc on a real document nor
LibreOffice: the AST walk is fed pandoc JSON ASTs directly, the command lines, error
translations, timeouts and size limits are tested with small stand-in programs or tiny inputs
(a few milliseconds each). The tests with real documents (``tests/readers/test_pandoc.py``,
``tests/readers/test_doc.py``) would take up to a minute per mutant on two cores."""

COPIED = ("protokollkit", "tests", "benchmarks", "vorlagen", "archiv", "pyproject.toml")
"""What a target's copy of the project holds (mutmut copies it again into ``mutants/``)."""


def settings(target: Target) -> str:
    """The ``[tool.mutmut]`` section of a target."""
    tests = [t for t in target.tests if (ROOT / t).exists()]
    return "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["protokollkit"]',
            f"only_mutate = {json.dumps(list(target.mutate))}",
            'also_copy = ["tests", "benchmarks", "vorlagen", "archiv"]',
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            "pytest_add_cli_args = "
            + json.dumps(
                ["-p", "no:cacheprovider", "-q"]
                + (["-k", f"not ({target.leave_out})"] if target.leave_out else [])
            ),
            "",
        ]
    )


def prepare(target: Target) -> Path:
    """The target's copy of the project, refreshed from the working tree."""
    folder = WORK / target.name
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        destination = folder / name
        if destination.is_dir():
            shutil.rmtree(destination)
        if source.is_dir():
            shutil.copytree(
                source,
                destination,
                symlinks=True,
                ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"),
            )
        else:
            shutil.copy2(source, destination)
    pyproject = folder / "pyproject.toml"
    pyproject.write_text(
        (ROOT / "pyproject.toml").read_text("utf-8") + settings(target), encoding="utf-8"
    )
    return folder


def survivors(target: Target) -> list[str]:
    """The names of the mutants that survived the last run of ``target``."""
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"],
        cwd=WORK / target.name,
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line.strip().rpartition(": ")[0]
        for line in listed.stdout.splitlines()
        if line.strip().endswith(": survived")
    ]


def patterns(functions: list[str]) -> list[str]:
    """mutmut's mutant name patterns for function name globs (``rule_*``, ``Ruler.copy``):
    mutmut names a mutant ``module.x_function__mutmut_3`` or ``module.xǁClassǁmethod__mutmut_3``."""
    names = []
    for glob in functions:
        owner, dot, function = glob.rpartition(".")
        names.append(f"*.xǁ{owner}ǁ{function}__mutmut_*" if dot else f"*.x_{glob}__mutmut_*")
    return names


def run(
    target: Target,
    children: int,
    fresh: bool = False,
    again: bool = False,
    functions: list[str] | None = None,
    sample: int = 0,
    seed: int = 15,
) -> dict[str, int]:
    """Run mutmut for one target; its counts (killed, survived, …). ``fresh`` forgets the
    results of earlier runs (mutmut keeps them while the mutated code is unchanged, even when
    the tests changed); ``again`` tests only the survivors of the last run again; ``functions``
    (globs of function names) tests only the mutants of those functions; ``sample`` only so
    many of them (or of all), drawn at random (``seed``) from the mutants of an earlier run."""
    names = survivors(target) if again else []
    if functions:
        chosen = patterns(functions)
        names = [n for n in names if any(fnmatch.fnmatchcase(n, p) for p in chosen)]
        if not again:
            names = chosen
        if not names:
            return {"total": 0}
    if sample:
        pool = names if again else []
        if not again:
            known = [n for n in by_status(target) if n]
            pool = [n for n in known if any(fnmatch.fnmatchcase(n, p) for p in names or ["*"])]
        if not pool:
            raise SystemExit(f"{target.name}: noch keine Mutanten erzeugt (erst ein Lauf)")
        names = sorted(random.Random(seed).sample(pool, min(sample, len(pool))))
    folder = prepare(target)
    if fresh:
        shutil.rmtree(folder / "mutants", ignore_errors=True)
        (folder / "record.json").unlink(missing_ok=True)
    mutmut = [sys.executable, "-m", "mutmut"]
    # hypothesis: the same few examples on every run (tests/conftest.py, profile "mutation")
    env = {**os.environ, "CI": "1", "PROTOKOLLKIT_MUTATION": "1"}
    log = folder / "mutmut.log"
    print(f"{target.name}: mutmut läuft (Fortschritt in {log.relative_to(ROOT)})", flush=True)
    with log.open("wb") as output:
        ran = subprocess.run(
            [*mutmut, "run", "--max-children", str(children), *names],
            cwd=folder,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    if ran.returncode != 0:
        tail = log.read_bytes()[-2000:].decode("utf-8", "replace")
        raise SystemExit(
            f"mutmut ist für {target.name} gescheitert (Code {ran.returncode}):\n{tail}"
        )
    subprocess.run(
        [*mutmut, "export-cicd-stats"], cwd=folder, env=env, check=True, capture_output=True
    )
    counts: dict[str, int] = json.loads(
        (folder / "mutants" / "mutmut-cicd-stats.json").read_text("utf-8")
    )
    record(target)
    return counts


def by_module(target: Target) -> dict[str, dict[str, int]]:
    """The counts of an earlier run per mutated module (``protokollkit.readers.json`` …)."""
    folder = WORK / target.name
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    modules: dict[str, dict[str, int]] = {}
    for line in listed.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        module = re.split(r"\.x(?:_|ǁ)", name, maxsplit=1)[0]  # mutmut's x_f, xǁClassǁf
        if not module or not status:
            continue
        counts = modules.setdefault(module, {"total": 0})
        counts["total"] += 1
        key = {"no tests": "no_tests"}.get(status, status)
        counts[key] = counts.get(key, 0) + 1
    return modules


def by_status(target: Target) -> dict[str, str]:
    """Every mutant of ``target`` that mutmut generated, with its status (``not checked`` …)."""
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=WORK / target.name,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(line.strip().rpartition(": ")[::2] for line in listed.stdout.splitlines())


def record(target: Target) -> dict[str, str]:
    """Every mutant's last result, kept in ``build/mutation/NAME/record.json`` across runs.

    mutmut forgets all its results when a file other than Python source changes (a fixture
    such as ``tests/fixtures/cases/layout.txt``), so the parts of a module measured one after
    the other (``--functions``) would not add up; the record keeps each mutant's last status
    until its function changes (mutmut's hash of the function's source)."""
    folder = WORK / target.name
    path = folder / "record.json"
    kept: dict[str, dict[str, str]] = (
        json.loads(path.read_text("utf-8")) if path.exists() else {"hashes": {}, "statuses": {}}
    )
    hashes: dict[str, str] = {}
    for meta in (folder / "mutants").rglob("*.py.meta"):
        module = ".".join(
            meta.relative_to(folder / "mutants").with_suffix("").with_suffix("").parts
        )
        known = json.loads(meta.read_text("utf-8")).get("hash_by_function_name", {})
        hashes.update({f"{module}.{function}": digest for function, digest in known.items()})
    statuses = {
        name: status
        for name, status in kept["statuses"].items()
        if hashes.get(name.rpartition("__mutmut_")[0]) is not None
        and kept["hashes"].get(name.rpartition("__mutmut_")[0])
        == hashes.get(name.rpartition("__mutmut_")[0])
    }
    for name, status in by_status(target).items():
        if status != "not checked" or name not in statuses:
            statuses[name] = status
    path.write_text(
        json.dumps({"hashes": hashes, "statuses": statuses}, indent=0, sort_keys=True), "utf-8"
    )
    return statuses


def by_function(target: Target) -> dict[str, dict[str, int]]:
    """The counts of the results recorded for ``target`` (:func:`record`), per function
    (``rule_point``, ``Ruler.copy``; prefixed with the module when the target mutates several)."""
    functions: dict[str, dict[str, int]] = {}
    for name, status in record(target).items():
        module, _, mangled = name.partition(".x")
        while "." in mangled and not mangled.startswith(("_", "ǁ")):
            extra, _, mangled = mangled.partition(".x")  # a dotted module name
            module += ".x" + extra
        function = mangled.removeprefix("_").rpartition("__mutmut_")[0].strip("ǁ")
        if not function or not status:
            continue
        key = function.replace("ǁ", ".")
        if len(target.mutate) > 1:
            key = module.removeprefix("protokollkit.") + ":" + key
        counts = functions.setdefault(key, {"total": 0})
        counts["total"] += 1
        kind = {"no tests": "no_tests", "not checked": "not_checked"}.get(status, status)
        counts[kind] = counts.get(kind, 0) + 1
    return functions


def print_by_function(target: Target) -> None:
    """The per-function table of ``--by-function`` and its sum."""
    functions = by_function(target)
    header = ("Funktion", "Mutanten", "getötet", "Zeit", "überlebt", "ohne Test", "offen")
    print("{:40} {:>8} {:>7} {:>5} {:>8} {:>9} {:>6}  Anteil".format(*header))
    total: dict[str, int] = {}
    ordered = sorted(functions.items(), key=lambda kv: (-kv[1].get("survived", 0), kv[0]))
    for name, counts in ordered:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        print(row(name, counts))
    print(row("Summe (nur geprüfte)", total))


def row(name: str, counts: dict[str, int]) -> str:
    """One line of the per-function table."""
    tested = sum(counts.get(k, 0) for k in ("killed", "timeout", "survived"))
    share = f"{100.0 * (tested - counts.get('survived', 0)) / tested:5.1f} %" if tested else "    –"
    return (
        f"{name:40} {counts.get('total', 0):8} {counts.get('killed', 0):7} "
        f"{counts.get('timeout', 0):5} {counts.get('survived', 0):8} "
        f"{counts.get('no_tests', 0):9} {counts.get('not_checked', 0):6}  {share}"
    )


def score(counts: dict[str, int]) -> float:
    """Killed (and timed out) of the mutants that ran, in per cent."""
    tested = counts.get("total", 0) - counts.get("skipped", 0) - counts.get("no_tests", 0)
    caught = counts.get("killed", 0) + counts.get("timeout", 0)
    return 100.0 * caught / tested if tested else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", help="Ziele (ohne: alle)")
    parser.add_argument("--list", action="store_true", help="die Ziele und ihre Tests zeigen")
    parser.add_argument(
        "--fresh", action="store_true", help="alle Mutanten neu testen (nach geänderten Tests)"
    )
    parser.add_argument(
        "--survivors", action="store_true", help="nur die Überlebenden des letzten Laufs testen"
    )
    parser.add_argument(
        "--functions",
        action="append",
        metavar="GLOB",
        help="nur die Mutanten dieser Funktionen testen (z. B. 'rule_*'; mehrfach möglich)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="N",
        help="nur N zufällig gewählte Mutanten testen (Schätzung; aus einem früheren Lauf)",
    )
    parser.add_argument("--seed", type=int, default=15, help="Zufallsstart von --sample")
    parser.add_argument(
        "--by-function",
        action="store_true",
        help="die gespeicherten Ergebnisse je Funktion zeigen (ohne Lauf)",
    )
    parser.add_argument(
        "--jobs", type=int, default=int(os.environ.get("MUTATION_JOBS", "2")), help="Prozesse"
    )
    args = parser.parse_args()
    by_name = {t.name: t for t in TARGETS}
    if args.list:
        for t in TARGETS:
            print(f"{t.name:8} {' '.join(t.mutate)}  ←  {' '.join(t.tests)}")
        return 0
    unknown = [n for n in args.targets if n not in by_name]
    if unknown:
        parser.error(f"unbekannte Ziele: {', '.join(unknown)} (bekannt: {', '.join(by_name)})")
    chosen = [by_name[n] for n in args.targets] or list(TARGETS)
    if args.by_function:
        for target in chosen:
            print(f"\n{target.name}")
            print_by_function(target)
        return 0
    results: dict[str, dict[str, int]] = {}
    for target in chosen:
        results[target.name] = run(
            target, args.jobs, args.fresh, args.survivors, args.functions, args.sample, args.seed
        )
        if len(target.mutate) > 1:
            for module, counts in sorted(by_module(target).items()):
                results["  " + module.removeprefix("protokollkit.")] = counts
    header = ("Ziel", "Mutanten", "getötet", "überlebt", "ohne Test", "Anteil")
    print("\n{:20} {:>8} {:>7} {:>8} {:>9} {:>6}".format(*header))
    for name, counts in results.items():
        print(
            f"{name:20} {counts.get('total', 0):8} "
            f"{counts.get('killed', 0) + counts.get('timeout', 0):7} "
            f"{counts.get('survived', 0):8} {counts.get('no_tests', 0):9} "
            f"{score(counts):5.1f} %"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
