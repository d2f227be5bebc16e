"""Shared helpers of the fault campaign: run the real command, check its message, watch files.

Every case asserts three things: the exit code, a German message without a traceback, an
"interner Fehler" or English text of the OS or a library, and that no input or archived file
changed (:class:`Unchanged`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

PROTOKOLLKIT = [
    sys.executable,
    "-c",
    "from protokollkit.cli import main; main(prog_name='protokollkit')",
]
"""The real command in a process of its own (no terminal, like cron or a script)."""

ENGLISH = (
    "Traceback",
    "interner Fehler",
    "Error:",
    "No such file",
    "Permission denied",
    "No space left",
    "Read-only file system",
    "Is a directory",
    "Not a directory",
    "Too many levels",
    "Errno",
    "[Errno",
    "Exception",
    "Expecting",
    "Invalid",
    "unexpected",
    "called at",
    "Warning:",
    "warning:",
    "Broken pipe",
    "maximum",
    "exceeded",
    "+RTS",
)
"""Text that must never reach the user."""


@dataclass
class Run:
    """The outcome of one command."""

    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


def run(
    *args: str | Path,
    cwd: Path | None = None,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Run:
    """Run ``protokollkit ARGS`` as a real process (no terminal); never hangs the suite."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environment.pop("PROTOKOLLKIT_DEBUG", None)
    result = subprocess.run(
        [*PROTOKOLLKIT, *(os.fsencode(a) if isinstance(a, Path) else a for a in args)],
        cwd=cwd,
        input=input if input is not None else b"",
        capture_output=True,
        timeout=timeout,
        env=environment,
        check=False,
    )
    return Run(
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def assert_german(result: Run, code: int | None = 1, *expected: str) -> None:
    """The exit code, the expected German words, and none of :data:`ENGLISH`."""
    if code is not None:
        assert result.code == code, result.output
    for text in expected:
        assert text in result.output, (text, result.output)
    for text in ENGLISH:
        assert text not in result.output, (text, result.output)


class Unchanged:
    """Records the bytes (or the kind) of files and checks later that none of them changed."""

    def __init__(self, *paths: Path) -> None:
        self.before = {path: self._state(path) for path in self._expand(paths)}

    @staticmethod
    def _expand(paths: tuple[Path, ...]) -> list[Path]:
        found: list[Path] = []
        for path in paths:
            if path.is_dir() and not path.is_symlink():
                found.extend(sorted(p for p in path.rglob("*") if not p.is_dir()))
            else:
                found.append(path)
        return found

    @staticmethod
    def _state(path: Path) -> tuple[str, bytes | int]:
        if path.is_symlink():
            return "link", os.fsencode(os.readlink(path))
        if not path.exists():
            return "missing", b""
        mode = path.lstat().st_mode
        if path.is_file():
            return "file", path.read_bytes()
        return "special", mode

    def check(self) -> None:
        for path, state in self.before.items():
            assert self._state(path) == state, f"{path} changed"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with archiv/ holding the reference protocol."""
    archiv = tmp_path / "archiv"
    archiv.mkdir()
    shutil.copyfile(SEED, archiv / SEED.name)
    return tmp_path


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (tests run as root in CI); skipped with the reason elsewhere."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("disk-full cases need root to mount a small tmpfs (CI runs as root)")
    mountpoint = tmp_path / "klein"
    mountpoint.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mountpoint)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def fill(folder: Path) -> None:
    """Fill the file system of ``folder`` to the last byte."""
    with (folder / "füller").open("wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                pass


@pytest.fixture(autouse=True)
def shared_inputs_unchanged() -> Iterator[None]:
    """No case may change the shared inputs: the reference protocol and the office fixtures."""
    from tests.readers.test_pandoc import LEGACY

    guard = Unchanged(SEED, LEGACY, ROOT / "vorlagen")
    yield
    guard.check()
