"""``protokollkit import``: legacy documents into archive files, bad files reported and skipped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import protokollkit
from protokollkit.cli import main
from protokollkit.importer import collect_sources, import_files, slug
from protokollkit.model import Protocol
from protokollkit.readers.doc import find_soffice
from tests.readers.test_pandoc import LEGACY

GOOD = {
    "reference.docx": "2022-11-10-stadtteiltisch.txt",
    "habits.odt": "2022-12-08-stadtteiltisch.txt",
    "table_participants.rtf": "2023-01-12-stadtteiltisch.txt",
    "tracked_changes.docx": "2023-04-13-stadtteiltisch.txt",
    "word_like.docx": "2023-02-09-stadtteiltisch.txt",
}
BAD = {
    "corrupt.docx": "beschädigt",
    "empty.docx": "leer",
    "password.docx": "Passwort",
    "zipbomb.docx": "ZIP-Bombe",
    "not_a_protocol.docx": "Kein Protokoll erkannt",
}


def expected_text(source: str) -> str:
    """The archive text a fixture must become (a date from the properties joins the title)."""
    text = (LEGACY / f"{source.split('.')[0]}.expected.txt").read_text("utf-8")
    if source.startswith("tracked_changes"):
        text = text.replace(
            "Protokoll Stadtteiltisch\n", "Protokoll Stadtteiltisch 13.04.2023\n", 1
        )
    return text


@pytest.fixture
def old_protocols(tmp_path: Path) -> Path:
    """A folder of old documents as someone would hand them over: good, bad and clutter."""
    folder = tmp_path / "alt"
    (folder / "2023").mkdir(parents=True)
    for name in GOOD:
        target = folder / "2023" if "2023" in GOOD[name] else folder
        shutil.copy(LEGACY / name, target / name)
    for name in BAD:
        shutil.copy(LEGACY / name, folder / name)
    (folder / "~$ference.docx").write_bytes(b"\x00" * 162)  # Word's lock file
    (folder / "notizen.txt").write_text("keine Protokolle hier\n", "utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["import", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_folder_import_writes_each_protocol_and_reports_each_bad_file(
    old_protocols: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archiv"
    code, out, err = run(str(old_protocols), "--archiv", str(archive))
    assert code == 1
    assert sorted(p.name for p in archive.iterdir()) == sorted(GOOD.values())
    for source, target in GOOD.items():
        assert (archive / target).read_text("utf-8") == expected_text(source)
    for name, message in BAD.items():
        assert any(name in line and message in line for line in err.splitlines()), name
    assert "10 Dateien: 5 importiert, 0 unverändert, 5 fehlgeschlagen." in err
    assert "Importiere" in err  # the progress bar
    assert "~$" not in out and "notizen" not in out


def test_date_from_document_properties_is_kept_in_the_archive_title(tmp_path: Path) -> None:
    archive = tmp_path / "archiv"
    code, _out, _err = run(str(LEGACY / "tracked_changes.docx"), "--archiv", str(archive))
    assert code == 0
    archived = archive / "2023-04-13-stadtteiltisch.txt"
    protocol = protokollkit.read(archived)
    assert protocol.title == "Protokoll Stadtteiltisch 13.04.2023"
    assert protocol.date is not None and protocol.date.isoformat() == "2023-04-13"
    assert protocol.diagnostics == ()


def test_summary_table_lists_file_archive_file_items_points_warnings(
    old_protocols: Path, tmp_path: Path
) -> None:
    _code, out, _err = run(str(old_protocols), "--archiv", str(tmp_path / "archiv"))
    table, notes = out.split("\n\n")
    header, rule, *rows = table.splitlines()
    assert header.split() == ["Datei", "Archivdatei", "TOPs", "Punkte", "Warnungen", "Ergebnis"]
    assert set(rule) == {"-", " "}
    assert len(rows) == 10
    assert max(len(line) for line in table.splitlines()) <= 100
    assert "zipbomb.docx: Das Dokument würde entpackt" in notes
    (reference,) = [r for r in rows if "reference.docx" in r]
    assert reference.split()[1:6] == [
        "2022-11-10-stadtteiltisch.txt",
        "4",
        "34",
        "0",
        "importiert",
    ]
    (tracked,) = [r for r in rows if "tracked_changes.docx" in r]
    assert tracked.split()[2:5] == ["2", "5", "2"]  # two warnings: the date from properties
    (bomb,) = [r for r in rows if "zipbomb.docx" in r]
    assert bomb.split()[1:6] == ["–", "–", "–", "0", "fehler"]


def test_a_changed_archive_file_is_reported_and_kept_without_force(
    old_protocols: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archiv"
    archive.mkdir()
    edited = archive / "2022-11-10-stadtteiltisch.txt"
    edited.write_text("von Hand nachbearbeitet\n", "utf-8")
    code, out, _err = run(str(old_protocols / "reference.docx"), "--archiv", str(archive))
    assert code == 1
    assert edited.read_text("utf-8") == "von Hand nachbearbeitet\n"
    assert "geändert" in out and "--force" in out
    code, out, _err = run(
        str(old_protocols / "reference.docx"), "--archiv", str(archive), "--force"
    )
    assert code == 0
    assert edited.read_text("utf-8") == expected_text("reference.docx")
    kept = archive / "2022-11-10-stadtteiltisch.vorher.txt"
    assert kept.read_text("utf-8") == "von Hand nachbearbeitet\n"
    assert "überschrieben" in out and "alte Fassung: 2022-11-10-stadtteiltisch.vorher.txt" in out


def test_the_same_document_again_is_unchanged_and_a_corrected_one_is_summarised(
    old_protocols: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archiv"
    source = old_protocols / "reference.docx"
    assert run(str(source), "--archiv", str(archive))[0] == 0
    code, out, err = run(str(source), "--archiv", str(archive))
    assert code == 0 and "unverändert" in out
    assert "1 Datei: 0 importiert, 1 unverändert, 0 fehlgeschlagen." in err
    target = archive / "2022-11-10-stadtteiltisch.txt"
    text = target.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    point = next(i for i, line in enumerate(lines) if line.startswith("- "))
    del lines[point]  # the archived version lacks a point the document has
    target.write_text("".join(lines), "utf-8")
    before = target.read_bytes()
    code, out, _err = run(str(source), "--archiv", str(archive))
    assert code == 1
    assert "geändert: Punkte: 1 neu" in out.replace("  ", " ") or "Punkte: 1 neu" in out
    assert target.read_bytes() == before


def test_no_half_written_or_temporary_files_in_the_archive(
    old_protocols: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archiv"
    run(str(old_protocols), "--archiv", str(archive))
    run(str(old_protocols), "--archiv", str(archive), "--force")
    assert sorted(p.name for p in archive.iterdir()) == sorted(GOOD.values())


def test_good_files_alone_exit_zero_and_two_copies_of_one_meeting_write_once(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "archiv"
    sources = [str(LEGACY / "habits.docx"), str(LEGACY / "habits.rtf")]
    code, out, err = run(*sources, "--archiv", str(archive))
    assert code == 0
    assert [p.name for p in archive.iterdir()] == ["2022-12-08-stadtteiltisch.txt"]
    assert "gleiche Sitzung wie" in out
    assert "Importiere" not in err  # no progress bar for a few files


def test_parallel_import_gives_the_same_results_as_serial(
    old_protocols: Path, tmp_path: Path
) -> None:
    serial = import_files([old_protocols], tmp_path / "a", workers=1)
    parallel = import_files([old_protocols], tmp_path / "b", workers=4)
    assert [(r.source, r.status, r.protocol) for r in serial.results] == [
        (r.source, r.status, r.protocol) for r in parallel.results
    ]
    assert [(r.message, r.diagnostics) for r in serial.results] == [
        (r.message, r.diagnostics) for r in parallel.results
    ]
    assert any(r.status == "fehler" for r in parallel.results)
    for name in GOOD.values():
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


class _Unpicklable(Exception):
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("nicht zu übertragen")


def test_parallel_import_reports_an_error_a_worker_cannot_send_back_by_its_type(
    old_protocols: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import protokollkit.importer as importer

    real = importer.convert_one

    def flaky(path: Path) -> Protocol:
        if path.suffix == ".odt":
            raise _Unpicklable()
        return real(path)

    monkeypatch.setattr(importer, "convert_one", flaky)
    report = import_files([old_protocols], tmp_path / "archiv", workers=2)
    odt = [r for r in report.results if r.source.suffix == ".odt"]
    assert odt and all("(unerwartet: _Unpicklable)" in r.message for r in odt)
    assert any(r.status == "importiert" for r in report.results)


def test_protocol_without_any_date_is_reported_and_not_written(tmp_path: Path) -> None:
    page = tmp_path / "ohne_datum.html"
    page.write_text("<p>Protokoll Stadtteiltisch</p><p>1 Aktuelles</p>", "utf-8")
    report = import_files([page], tmp_path / "archiv")
    (result,) = report.results
    assert result.failed and "Kein Datum" in result.message
    assert not (tmp_path / "archiv").exists()


def test_unknown_suffix_named_explicitly_is_a_reported_failure(tmp_path: Path) -> None:
    sheet = tmp_path / "liste.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    code, _out, err = run(str(sheet), str(LEGACY / "word_like.docx"), "--archiv", str(tmp_path))
    assert code == 1
    assert "Unbekanntes Dateiformat" in err
    assert (tmp_path / "2023-02-09-stadtteiltisch.txt").exists()


def test_empty_folder_gives_a_german_error(tmp_path: Path) -> None:
    code, _out, err = run(str(tmp_path), "--archiv", str(tmp_path / "archiv"))
    assert code == 1
    assert "Keine Dokumente gefunden" in err


def test_folders_are_searched_recursively_for_office_documents_only(old_protocols: Path) -> None:
    names = sorted(p.name for p in collect_sources([old_protocols]))
    assert names == sorted([*GOOD, *BAD])


@pytest.mark.parametrize(
    ("meeting", "expected"),
    [
        ("Stadtteiltisch", "stadtteiltisch"),
        ("Stadtteiltisch Groß Klein", "stadtteiltisch-gross-klein"),
        ("AG Übergänge & Öffnungszeiten", "ag-uebergaenge-oeffnungszeiten"),
        ("Café Taizé", "cafe-taize"),
        ("", "protokoll"),
    ],
)
def test_archive_names_are_lowercase_ascii(meeting: str, expected: str) -> None:
    assert slug(meeting) == expected


@pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) ist nicht installiert (in CI läuft dieser Test immer)",
)
def test_doc_files_are_imported_through_libreoffice(tmp_path: Path) -> None:
    folder = tmp_path / "alt"
    folder.mkdir()
    shutil.copy(LEGACY / "reference.doc", folder)
    shutil.copy(LEGACY / "habits.doc", folder)
    code, _out, _err = run(str(folder), "--archiv", str(tmp_path / "archiv"))
    assert code == 0
    assert (tmp_path / "archiv" / "2022-11-10-stadtteiltisch.txt").read_text(
        "utf-8"
    ) == expected_text("reference.doc")
    assert (tmp_path / "archiv" / "2022-12-08-stadtteiltisch.txt").read_text(
        "utf-8"
    ) == expected_text("habits.doc")


def _bug(path: Path) -> Protocol:
    raise KeyError("numId")  # stands for a bug of ours in a reader


def test_a_bug_in_a_reader_is_reported_for_its_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import protokollkit.importer as importer

    real = importer.convert_one
    monkeypatch.setattr(
        importer, "convert_one", lambda path: _bug(path) if path.suffix == ".odt" else real(path)
    )
    monkeypatch.delenv("PROTOKOLLKIT_DEBUG", raising=False)
    folder = tmp_path / "alt"
    folder.mkdir()
    for name in ("reference.docx", "habits.odt"):
        shutil.copy(LEGACY / name, folder / name)
    report = import_files([folder], tmp_path / "archiv", workers=1)
    by_name = {r.source.name: r for r in report.results}
    assert by_name["reference.docx"].status == "importiert"
    failed = by_name["habits.odt"]
    assert failed.status == "fehler"
    assert failed.message == (
        "Das Dokument konnte nicht gelesen werden (unerwartet: KeyError); "
        "bitte die Datei mit PROTOKOLLKIT_DEBUG=1 melden."
    )
    assert [d.source for d in failed.diagnostics] == [str(folder / "habits.odt")]


def test_with_debug_a_bug_in_a_reader_stops_the_batch_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the message above asks for: PROTOKOLLKIT_DEBUG=1 shows the bug itself."""
    import protokollkit.importer as importer

    monkeypatch.setattr(importer, "convert_one", _bug)
    monkeypatch.setenv("PROTOKOLLKIT_DEBUG", "1")
    folder = tmp_path / "alt"
    folder.mkdir()
    shutil.copy(LEGACY / "habits.odt", folder / "habits.odt")
    with pytest.raises(KeyError, match="numId"):
        import_files([folder], tmp_path / "archiv", workers=1)
    assert not (tmp_path / "archiv").exists() or not any((tmp_path / "archiv").iterdir())


def test_a_file_that_cannot_be_read_is_its_own_error_not_an_unexpected_one(
    tmp_path: Path,
) -> None:
    """Expected errors keep their German message (here: a folder named like a document)."""
    target = tmp_path / "alt" / "Protokoll.docx"
    target.mkdir(parents=True)
    report = import_files([target], tmp_path / "archiv", sources=[target], workers=1)
    (result,) = report.results
    assert result.status == "fehler"
    assert "unerwartet" not in result.message
    assert result.diagnostics[0].source.endswith("Protokoll.docx")
