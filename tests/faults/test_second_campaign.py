"""The second fault campaign: names near the file-name limit, distribution lists in UTF-16,
Typst's messages, and hostile inputs for every command. Each case failed before its fix; each
ends in a German message naming the file (and line), never in a traceback or English text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.faults.conftest import Unchanged, assert_german, run


@pytest.mark.parametrize("length", [230, 235, 240])
def test_a_protocol_named_near_the_file_name_limit_is_built(project: Path, length: int) -> None:
    """``NAME.txt`` of 245 to 255 bytes: the temporary files (``.NAME.docx.PID.XXXXXXXX.tmp``)
    and the longer outputs (``NAME.docx``, ``.NAME.build.json``) were too long a name for the
    file system, and the build failed with „der Dateiname ist zu lang“."""
    source = project / "archiv" / f"2022-11-10-{'n' * length}.txt"
    (project / "archiv" / SEED.name).rename(source)
    guard = Unchanged(source)
    out = project / "ausgabe"
    first = run("build", source, "-o", out, cwd=project)
    assert_german(first, 0, "Fertig: 6 Dateien")
    names = sorted(os.listdir(out))
    assert len(names) == 7, names  # six formats and the manifest, no temporary file left
    assert all(len(os.fsencode(name)) <= 255 for name in names)
    assert {Path(name).suffix for name in names} == {
        ".docx",
        ".md",
        ".pdf",
        ".txt",
        ".ics",
        ".eml",
        ".json",
    }
    again = run("build", source, "-o", out, cwd=project)
    assert_german(again, 0, "Nichts zu tun")
    guard.check()


def test_two_long_names_alike_at_the_start_keep_their_own_outputs(project: Path) -> None:
    start = "2022-11-10-" + "s" * 239
    first = project / "archiv" / f"{start}a.txt"
    second = project / "archiv" / f"{start}b.txt"
    shutil.copyfile(SEED, first)
    shutil.copyfile(SEED, second)
    out = project / "ausgabe"
    assert_german(run("build", first, "-o", out, cwd=project), 0)
    assert_german(run("build", second, "-o", out, cwd=project), 0)
    assert len([n for n in os.listdir(out) if n.endswith(".docx")]) == 2
