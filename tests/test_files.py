"""Atomic writing: complete files only, usual permissions, nothing left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from protokollkit.files import write_atomic


def test_new_file_gets_permissions_from_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("alt")
    path.chmod(0o640)
    write_atomic(path, "neu")
    assert path.read_text() == "neu"
    assert path.stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_old_content_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("alt")

    with pytest.raises(TypeError):
        write_atomic(path, 3)  # type: ignore[arg-type]
    assert path.read_text() == "alt"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
