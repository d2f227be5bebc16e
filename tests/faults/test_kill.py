"""kill -9 during build and import at random moments: afterwards the archive and the outputs are
whole, and the next run repairs what is out of date and removes the temporary files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import protokollkit
from tests.conftest import ROOT, SEED
from tests.faults.conftest import PROTOKOLLKIT, Unchanged, assert_german, run
from tests.readers.test_pandoc import LEGACY

KILLS = 5
"""Kills per test: enough to land before, during and after the writing, small enough to be fast."""


def killed(args: list[str | Path], delay: float, cwd: Path | None = None) -> None:
    """Start the command and SIGKILL it after ``delay`` seconds (or let it finish first)."""
    process = subprocess.Popen(
        [*PROTOKOLLKIT, *(str(a) for a in args)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the forked render child dies with it
    )
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def consistent(out: Path, stem: str) -> bool:
    """Whether the manifest exists and every output has the hash it records."""
    manifest = out / f".{stem}.build.json"
    if not manifest.exists():
        return False
    recorded = json.loads(manifest.read_text("utf-8"))["outputs"]
    return all(
        (out / name).exists() and hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
        for name, digest in recorded.items()
    )


def test_killed_builds_never_leave_a_mixed_set(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv"
    archiv.mkdir()
    source = archiv / SEED.name
    shutil.copyfile(SEED, source)
    out = tmp_path / "ausgabe"
    assert_german(run("build", source, "-o", out), 0)
    rng = random.Random(20221110)
    text = SEED.read_text("utf-8")
    for round_ in range(KILLS):
        source.write_text(text.replace("noch offen", f"am {round_ + 1}.12.2022"), "utf-8")
        guard = Unchanged(source)
        killed(["build", source, "-o", out, "--force"], rng.uniform(0.1, 1.5))
        guard.check()
        if not consistent(out, source.stem):  # killed during the swap: the next run repairs
            assert_german(run("build", source, "-o", out), 0, "geschrieben")
        assert consistent(out, source.stem)
    assert_german(run("build", source, "-o", out), 0)
    assert temporaries(out) == []


def test_killed_imports_leave_whole_archive_files(tmp_path: Path) -> None:
    sources = tmp_path / "alt"
    sources.mkdir()
    for name in ("reference.docx", "habits.odt", "word_like.docx"):
        shutil.copyfile(LEGACY / name, sources / name)
    archiv = tmp_path / "archiv"
    archiv.mkdir()
    edited = archiv / "2022-11-10-stadtteiltisch.txt"
    original = "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n- von Hand ergänzt\n"
    rng = random.Random(4711)
    for _ in range(KILLS):
        edited.write_text(original, "utf-8")
        for kept in archiv.glob("*.vorher*.txt"):
            kept.unlink()
        killed(["import", sources, "--archiv", archiv, "--force"], rng.uniform(0.1, 2.0))
        for path in archiv.iterdir():
            if path.name.endswith(".tmp"):
                continue
            text = path.read_text("utf-8")
            if ".vorher" in path.name or text == original:
                assert text == original
            else:
                protokollkit.read(path)  # a whole protocol, readable
        result = run("import", sources, "--archiv", archiv, "--force")
        assert_german(result, 0)
        assert temporaries(archiv) == []
        # the hand-edited version is never lost: it is kept beside the imported one
        assert any(p.read_text("utf-8") == original for p in archiv.glob("*.vorher*.txt"))
