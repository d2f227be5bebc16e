"""The search index: German folding and stemming, filters, incremental updates, the command."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from protokollkit.archive.index import INDEX_NAME, ArchiveIndex
from protokollkit.archive.words import fold, stem
from protokollkit.cli import main
from tests.archive.conftest import LATER
from tests.conftest import ROOT

runner = CliRunner()


def texts(index: ArchiveIndex, *terms: str, **filters: object) -> list[str]:
    hits, _ = index.search(list(terms), **filters)  # type: ignore[arg-type]
    return [hit.text for hit in hits]


def test_folding_treats_umlauts_sharp_s_and_case_alike() -> None:
    assert fold("Weihnachtsmärkte") == fold("WEIHNACHTSMAERKTE") == "weihnachtsmaerkte"
    assert fold("Straße") == "strasse"
    assert stem("Weihnachtsmärkte") == stem("Weihnachtsmarkt") == stem("weihnachtsmarktes")
    assert stem("Straße") == stem("Strasse")


def test_a_singular_finds_the_plural_and_the_umlaut_spelled_out(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        found = texts(index, "Weihnachtsmarkt")
        assert "Die Weihnachtsmärkte im Nordwesten waren gut besucht" in found
        assert "Wühlmäuschen nimmt am Weihnachtsmarkt teil" in found
        assert texts(index, "weihnachtsmaerkte") == found


def test_sharp_s_and_ss_find_each_other(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        assert "Strassenfest wird beantragt" in texts(index, "Straßenfest")
        assert any("Straße Gerüstbauerring" in t for t in texts(index, "strasse"))


def test_every_word_must_match_and_a_quoted_group_is_a_phrase(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        assert texts(index, "Fläche", "Troika") == [
            "Fläche Troika soll nochmal besprochen werden",
            "Fläche Troika: Entscheidung noch offen",
        ] or sorted(texts(index, "Fläche", "Troika")) == sorted(
            [
                "Fläche Troika soll nochmal besprochen werden",
                "Fläche Troika: Entscheidung noch offen",
            ]
        )
        assert texts(index, "Troika Fläche") == []
        assert texts(index, "Troika", "Weihnachtsmarkt") == []


def test_hits_know_date_item_speaker_and_line(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        hits, prefixes = index.search(["Weihnachtsmärkte"])
    hit = next(h for h in hits if h.text.startswith("Die Weihnachtsmärkte"))
    assert hit.date == dt.date(2021, 12, 9)
    assert (hit.item_label, hit.item_title) == ("1", "Aktuelles aus den Einrichtungen")
    assert (hit.speaker, hit.affiliation) == ("Kathrin Krug", "SBZ")
    assert hit.name == "2021-12-09-stadtteiltisch.txt"
    assert prefixes == ("weihnachtsmarkt",)


def test_date_person_and_institution_filters(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        everything = texts(index, "Weihnachtsmarkt")
        assert len(everything) >= 3
        later = texts(index, "Weihnachtsmarkt", start=dt.date(2022, 1, 1))
        assert "Die Weihnachtsmärkte im Nordwesten waren gut besucht" not in later
        earlier = texts(index, "Weihnachtsmarkt", end=dt.date(2021, 12, 31))
        assert earlier == ["Die Weihnachtsmärkte im Nordwesten waren gut besucht"]
        assert texts(index, "Weihnachtsmarkt", person="muller") == [
            "Wühlmäuschen nimmt am Weihnachtsmarkt teil"
        ]
        wiro = texts(index, institution="wiro")
        assert "Einkaufskorbthematik" in wiro
        assert "Sanierung in der Straße Gerüstbauerring beginnt im Frühjahr" in wiro
        assert all("Weihnachts" not in t for t in wiro)


def test_an_update_reads_only_new_and_changed_files(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        first = index.update()
        assert len(first.added) == 3 and first.rebuilt
        again = index.update()
        assert again.touched == [] and again.unchanged == 3
        # touched but same bytes: not read again
        path = archive / "2023-01-12-stadtteiltisch.txt"
        os.utime(path, ns=(1, 1))
        assert index.update().touched == []
        path.write_text(path.read_text("utf-8").replace("Strassenfest", "Hoffest"), "utf-8")
        (archive / LATER[0]).write_text(LATER[1], "utf-8")
        (archive / "2021-12-09-stadtteiltisch.txt").unlink()
        result = index.update()
        assert result.changed == ["2023-01-12-stadtteiltisch.txt"]
        assert result.added == [LATER[0]]
        assert result.removed == ["2021-12-09-stadtteiltisch.txt"]
        assert texts(index, "Strassenfest") == []
        assert texts(index, "Hoffest") == ["Hoffest wird beantragt"]
        assert "Die Weihnachtsmärkte im Nordwesten waren gut besucht" not in texts(
            index, "Weihnachtsmarkt"
        )
        assert index.count() == 3


def test_the_index_is_a_cache_deleting_or_damaging_it_loses_nothing(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
        before = texts(index, "Weihnachtsmarkt")
    (archive / INDEX_NAME).write_bytes(b"kein SQLite")
    with ArchiveIndex(archive) as index:
        assert index.update().rebuilt
        assert texts(index, "Weihnachtsmarkt") == before
    (archive / INDEX_NAME).unlink()
    with ArchiveIndex(archive) as index:
        index.update()
        assert texts(index, "Weihnachtsmarkt") == before


def test_an_outdated_index_is_rebuilt(archive: Path) -> None:
    with ArchiveIndex(archive) as index:
        index.update()
    with sqlite3.connect(archive / INDEX_NAME) as db:
        db.execute("UPDATE meta SET value = 'alt' WHERE key = 'fingerprint'")
    with ArchiveIndex(archive) as index:
        result = index.update()
        assert result.rebuilt and len(result.added) == 3


def test_an_unreadable_protocol_is_reported_and_the_others_are_indexed(archive: Path) -> None:
    (archive / "2020-01-01-kaputt.txt").write_bytes(b"\x00\x01\x02 keine Textdatei")
    with ArchiveIndex(archive) as index:
        result = index.update()
        assert [str(p).split(":")[0] for p in result.problems] == [
            str(archive / "2020-01-01-kaputt.txt")
        ]
        assert index.count() == 3
        assert index.update().problems, "reported again until the file is fixed"


def test_the_index_file_is_ignored_by_git() -> None:
    assert ".suchindex.sqlite3*" in (ROOT / ".gitignore").read_text("utf-8").splitlines()


def test_suche_prints_date_item_speaker_snippet_and_file(archive: Path) -> None:
    result = CliRunner().invoke(main, ["suche", "Weihnachtsmärkte", "--archiv", str(archive)])
    assert result.exit_code == 0, result.output
    assert (
        "09.12.2021 · TOP 1 Aktuelles aus den Einrichtungen · Kathrin Krug (SBZ)" in result.stdout
    )
    assert "Die »Weihnachtsmärkte« im Nordwesten waren gut besucht" in result.stdout
    assert "Wühlmäuschen nimmt am »Weihnachtsmarkt« teil" in result.stdout
    assert f"{archive / '2021-12-09-stadtteiltisch.txt'}" in result.stdout
    assert "Treffer in 2 Protokollen" in result.stderr


def test_suche_with_filters_and_without_a_hit(archive: Path) -> None:
    runner = CliRunner()
    args = ["--archiv", str(archive)]
    result = runner.invoke(main, ["suche", "Weihnachtsmarkt", "--bis", "2021", *args])
    assert result.exit_code == 0
    assert "2022" not in result.stdout.split("\n")[0]
    result = runner.invoke(main, ["suche", "Weihnachtsmarkt", "--ab", "01.01.2023", *args])
    assert result.exit_code == 1
    assert "Keine Treffer." in result.stderr
    result = runner.invoke(main, ["suche", "Troika", "--person", "Wiese", "--ab", "2023", *args])
    assert result.exit_code == 0
    assert "Fläche »Troika«: Entscheidung noch offen" in result.stdout


def test_suche_errors_are_german_and_name_the_folder(tmp_path: Path, archive: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["suche", "x", "--archiv", str(tmp_path / "fehlt")])
    assert result.exit_code == 1
    assert f"Archivordner „{tmp_path / 'fehlt'}“ nicht gefunden" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["suche", "x", "--ab", "31.02.2022", "--archiv", str(archive)])
    assert result.exit_code == 1 and "kein gültiges Datum" in result.stderr
    result = runner.invoke(main, ["suche", "--archiv", str(archive)])
    assert result.exit_code == 2 and "Suchbegriff" in result.stderr


def test_an_empty_file_is_named_unreadable_not_counted_as_new(archive: Path) -> None:
    (archive / "2024-01-11-stadtteiltisch.txt").write_bytes(b"")
    with ArchiveIndex(archive) as index:
        result = index.update()
        assert result.unreadable == ["2024-01-11-stadtteiltisch.txt"]
        assert "2024-01-11-stadtteiltisch.txt" not in result.added
        assert [p.message for p in result.problems] == ["Die Datei ist leer."]
    (archive / "2024-01-11-stadtteiltisch.txt").unlink()
    (archive / INDEX_NAME).unlink()
    (archive / "2024-02-08-stadtteiltisch.txt").write_bytes(b"")
    ran = runner.invoke(main, ["suche", "--archiv", str(archive), "Weihnachtsmarkt"])
    assert "Suchindex aktualisiert: 3 neu, 0 geändert, 0 entfernt, 1 nicht lesbar." in ran.stderr
