"""Outputs: never onto an input or a special file, German OS errors naming the target, a failed
rebuild keeps the old set, temporary files of a killed run are cleaned up."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from tests.conftest import SEED
from tests.faults.conftest import Unchanged, assert_german, fill, run

NAME = SEED.stem


def test_convert_onto_its_own_input_is_refused(project: Path) -> None:
    source = project / "archiv" / SEED.name
    link = project / "verweis.txt"
    link.symlink_to(source)
    hard = project / "hart.txt"
    os.link(source, hard)
    guard = Unchanged(project / "archiv", link)
    for target in (source, link, hard):
        result = run("convert", source, "-t", "pdf", "-o", target)
        assert_german(result, 1, "würde die Eingabe", "überschreiben")
    guard.check()


def test_output_onto_a_fifo_or_a_device_is_refused(project: Path) -> None:
    fifo = project / "rohr.pdf"
    os.mkfifo(fifo)
    targets = [fifo, project / "archiv"]
    if os.geteuid() == 0:
        device = project / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append(device)
    guard = Unchanged(project / "archiv")
    for target in targets:
        before = target.lstat().st_mode
        result = run("convert", project / "archiv" / SEED.name, "-t", "pdf", "-o", target)
        assert_german(result, 1)
        assert "keine gewöhnliche Datei" in result.err or "Ordner" in result.err
        assert target.lstat().st_mode == before
    guard.check()


def test_convert_tells_what_it_wrote(project: Path) -> None:
    result = run("convert", "archiv/" + SEED.name, "-t", "markdown", "-o", "p.md", cwd=project)
    assert_german(result, 0, "geschrieben: p.md")


def test_disk_full_during_a_rebuild_keeps_the_old_set(project: Path, small_disk: Path) -> None:
    out = small_disk / "ausgabe"
    assert_german(run("build", project / "archiv" / SEED.name, "-o", out), 0)
    source = project / "archiv" / SEED.name
    source.write_text(source.read_text("utf-8").replace("noch offen", "am 8.12.2022"), "utf-8")
    fill(small_disk)
    guard = Unchanged(out, project / "archiv")
    result = run("build", source, "-o", out)
    assert_german(result, 1, "kein Platz mehr auf dem Datenträger", f"ausgabe/{NAME}.")
    assert ".tmp" not in result.err
    guard.check()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_disk_full_on_convert_and_import_names_the_target(project: Path, small_disk: Path) -> None:
    from tests.readers.test_pandoc import LEGACY

    archiv = small_disk / "archiv"
    archiv.mkdir()
    fill(small_disk)
    result = run(
        "convert", project / "archiv" / SEED.name, "-t", "docx", "-o", small_disk / "p.docx"
    )
    assert_german(result, 1, "p.docx", "kein Platz mehr")
    result = run("import", LEGACY / "reference.docx", "--archiv", archiv)
    assert_german(result, 1, "kein Platz mehr")
    assert list(archiv.iterdir()) == []


def test_read_only_file_system_is_named_in_german(project: Path, small_disk: Path) -> None:
    import subprocess

    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run("build", project / "archiv" / SEED.name, "-o", small_disk / "ausgabe")
    assert_german(result, 1, "schreibgeschützt")


def test_a_folder_where_an_output_belongs_is_named(project: Path) -> None:
    out = project / "ausgabe"
    (out / f"{NAME}.pdf").mkdir(parents=True)
    result = run("build", project / "archiv" / SEED.name, "-o", out)
    assert_german(result, 1, f"{NAME}.pdf", "Ordner")
    assert sorted(p.name for p in out.iterdir()) == [f"{NAME}.pdf"]


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(project: Path) -> None:
    out = project / "ausgabe"
    out.mkdir()
    stale = out / f".{NAME}.pdf.999999999.abcd1234.tmp"
    stale.write_bytes(b"%PDF halb")
    foreign = out / ".notiz.tmp"
    foreign.write_text("gehört jemand anderem", "utf-8")
    assert_german(run("build", project / "archiv" / SEED.name, "-o", out), 0)
    assert not stale.exists()
    assert foreign.exists()


def test_failed_writer_leaves_no_partial_set(project: Path) -> None:
    out = project / "ausgabe"
    source = project / "archiv" / SEED.name
    assert_german(run("build", source, "-o", out), 0)
    vorlagen = project / "vorlagen"
    shutil.copytree(SEED.parent.parent / "vorlagen", vorlagen)
    (vorlagen / "protokoll.docx").write_bytes(b"kein docx")
    guard = Unchanged(out)
    result = run("build", source, "-o", out, "--force", cwd=project)
    assert_german(result, 1, "Word-Vorlage")
    guard.check()


def test_a_long_build_shows_progress_and_an_oversized_one_is_refused(tmp_path: Path) -> None:
    head = "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\n"
    long = tmp_path / "lang.txt"
    long.write_text(head + "".join(f"- Punkt {i}\n" for i in range(2500)), "utf-8")
    result = run("build", long, "-o", tmp_path / "ausgabe")
    assert_german(result, 0, "Baue 6 Formate für 2500 Punkte", "fertig: pdf")
    huge = tmp_path / "riesig.txt"
    huge.write_text(head + "".join(f"- Punkt {i}\n" for i in range(10_001)), "utf-8")
    guard = Unchanged(huge)
    assert_german(run("check", huge), 1, "10001 Einträge", "höchstens 10000")
    assert_german(run("convert", huge, "-t", "pdf", "-o", tmp_path / "r.pdf"), 1, "höchstens")
    assert not (tmp_path / "r.pdf").exists()
    guard.check()
