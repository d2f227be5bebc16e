"""The held-out corpus (tests/fixtures/heldout/): real layouts the rules were NOT written on.

Its expected structures were written by hand before the reader ever saw the documents, so its
recall says how the rules do on protocols nobody tuned them for. The floor below is what was
measured; the goal is the 90 % of issue 9. Rules may be written for what a miss here shows in
general, never for one document: add new held-out documents when a rule was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import protokollkit
from benchmarks.corpus_report import Report, document_files, expected_path, run, schema_problems

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"
DOCUMENTS = document_files(HELDOUT)


@pytest.fixture(scope="module")
def report() -> Report:
    return run(DOCUMENTS)


def test_heldout_is_varied() -> None:
    assert len(DOCUMENTS) >= 15
    listed = (HELDOUT / "SOURCES.md").read_text("utf-8")
    for path in DOCUMENTS:
        assert f"| {path.name} |" in listed, f"{path.name} fehlt in SOURCES.md"
        assert schema_problems(json.loads(expected_path(path).read_text("utf-8"))) == []


def test_nothing_refused_or_lost(report: Report) -> None:
    assert report.refused == []
    assert report.errors == []
    assert report.lines_lost == 0
    assert report.warnings_per_20_lines <= 1.0


def test_recall_floor(report: Report) -> None:
    assert report.recall >= 0.83  # measured 0.843 on 07.12.2026 (0.639 before this session's rules)


ROUND_TRIP_GAPS = {
    "smartcity-protokolle-2023-05-09.md": "a preamble line that reads back as an item",
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_archive_text_reads_back(path: Path, tmp_path: Path) -> None:
    if path.name in ROUND_TRIP_GAPS:
        pytest.xfail(ROUND_TRIP_GAPS[path.name])
    protocol = protokollkit.read(path)
    archived = tmp_path / f"{path.stem}.txt"
    archived.write_text(str(protokollkit.write(protocol, "text")), "utf-8")
    assert protokollkit.read(archived) == protocol
