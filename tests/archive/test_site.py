"""The static website: pages, links, no e-mail address, no script but the search, incremental."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import icalendar
import pytest
from click.testing import CliRunner

from protokollkit.archive.site import MANIFEST, build_site
from protokollkit.cli import main
from tests.archive.conftest import LATER, make_archive

TODAY = dt.date(2022, 11, 11)
URL = "https://example.org/protokolle/"
EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.-]+")


class Page(HTMLParser):
    """Links, scripts and the language of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "script":
            self.scripts.append(values.get("src") or "inline")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(str(values[name]))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The website of the small archive, with documents, search and OParl."""
    root = tmp_path_factory.mktemp("website")
    archive = make_archive(root / "archiv")
    build_site(archive, root / "website", today=TODAY, base_url=URL)
    return root / "website"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_the_site_has_every_page_of_the_issue(site: Path) -> None:
    for rel in (
        "index.html",
        "archiv.html",
        "jahr/2021.html",
        "jahr/2022.html",
        "jahr/2023.html",
        "protokoll/2022-11-10-stadtteiltisch.html",
        "protokoll/2022-11-10-stadtteiltisch.docx",
        "protokoll/2022-11-10-stadtteiltisch.pdf",
        "protokoll/2022-11-10-stadtteiltisch.ics",
        "person/kathrin-krug.html",
        "person/kathrin-krug.svg",
        "einrichtung/sbz.html",
        "einrichtung/sbz.svg",
        "personen.html",
        "einrichtungen.html",
        "statistik.html",
        "statistik/sitzungen.svg",
        "suche.html",
        "termine.ics",
        "style.css",
        "pagefind/pagefind-ui.js",
        "oparl/system.json",
    ):
        assert (site / rel).is_file(), rel


def test_every_page_is_german_and_every_internal_link_resolves(site: Path) -> None:
    for path in pages(site):
        page = parse(path)
        assert page.lang == "de", path
        for link in page.links:
            target = urlsplit(link)
            if target.scheme or link.startswith("#"):
                continue
            resolved = (path.parent / unquote(target.path)).resolve()
            assert resolved.is_file(), f"{path.relative_to(site)} → {link}"


def test_only_the_search_pages_have_javascript(site: Path) -> None:
    for path in pages(site):
        scripts = parse(path).scripts
        if path.name in ("index.html", "suche.html") and path.parent == site:
            assert scripts == ["pagefind/pagefind-ui.js", "inline"]
        else:
            assert scripts == [], path


def test_no_e_mail_address_anywhere(site: Path) -> None:
    for path in site.rglob("*"):
        if not path.is_file() or "pagefind" in path.parts:
            continue
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                data = b"".join(docx.read(n) for n in docx.namelist() if n.endswith(".xml"))
        assert not EMAIL.search(data), path
    page = (site / "protokoll/2021-12-09-stadtteiltisch.html").read_text("utf-8")
    assert "Kontakt über [E-Mail-Adresse entfernt]" in page


def test_the_protocol_page_reuses_the_html_writer_and_links_its_files(site: Path) -> None:
    import protokollkit
    from protokollkit.writers.html import protocol_html
    from tests.conftest import SEED

    page = (site / "protokoll/2022-11-10-stadtteiltisch.html").read_text("utf-8")
    assert protocol_html(protokollkit.read(SEED)) in page
    assert 'href="2022-11-10-stadtteiltisch.docx"' in page
    assert 'href="2022-11-10-stadtteiltisch.pdf"' in page
    assert 'href="2022-11-10-stadtteiltisch.ics"' in page
    assert 'rel="prev" href="2021-12-09-stadtteiltisch.html"' in page
    assert 'rel="next" href="2023-01-12-stadtteiltisch.html"' in page
    assert (site / "protokoll/2022-11-10-stadtteiltisch.pdf").read_bytes().startswith(b"%PDF")


def test_the_start_page_shows_newest_protocol_next_meeting_appointments_and_open_topics(
    site: Path,
) -> None:
    start = (site / "index.html").read_text("utf-8")
    assert (
        'href="protokoll/2023-01-12-stadtteiltisch.html">Protokoll Stadtteiltisch 12.01.23' in start
    )
    assert "9. Februar 2023" in start
    assert "Di 06.12.2022, 14:30–17:00 Uhr: Weihnachtsmarkt" in start
    assert "Sa 25.03.2023, 10:00–13:00 Uhr: Frühjahrsputz" in start
    assert "Fläche Troika: Entscheidung noch offen" in start
    assert "Weihnachtsverkauf" in start  # 18.11.2022 is after the reference day
    assert "13.01.2022" not in start  # past appointments are not shown


def test_termine_ics_has_every_upcoming_appointment_once(site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((site / "termine.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert len(summaries) == len(set(summaries))
    assert any(s.startswith("Weihnachtsmarkt") for s in summaries)
    assert any(s.startswith("Frühjahrsputz") for s in summaries)
    starts = [e.decoded("DTSTART") for e in events]
    assert all((s.date() if isinstance(s, dt.datetime) else s) >= TODAY for s in starts)
    assert len(list(calendar.walk("VTIMEZONE"))) == 1


def test_person_and_institution_pages_show_reports_and_attendance(site: Path) -> None:
    person = (site / "person/kathrin-krug.html").read_text("utf-8")
    assert "Bei 3 Sitzungen dabei (erstmals 09.12.2021, zuletzt 12.01.2023)" in person
    assert "Weihnachtsmarkt: 6.12.2022 14.30-17 Uhr" in person
    assert '<img src="kathrin-krug.svg" alt="Balkendiagramm: Kathrin Krug war 2021' in person
    institution = (site / "einrichtung/wiro-kundencenter.html").read_text("utf-8")
    assert "Dirk Malner" in institution and "Einkaufskorbthematik" in institution


def test_charts_are_svg_with_german_text_in_black_and_grey(site: Path) -> None:
    svg = (site / "person/kathrin-krug.svg").read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for label in ("Jahr", "Sitzungen (anwesend)", "Anwesenheit: Kathrin Krug"):
        assert label in svg
    colours = set(re.findall(r"#[0-9a-fA-F]{6}", svg))
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours


def test_a_second_build_writes_nothing_and_one_new_protocol_only_what_it_touches(
    tmp_path: Path,
) -> None:
    archive = make_archive(tmp_path / "archiv")
    output = tmp_path / "website"
    first = build_site(archive, output, today=TODAY, documents=False, search=False)
    assert first.written
    again = build_site(archive, output, today=TODAY, documents=False, search=False)
    assert again.written == [] and again.removed == []
    (archive / LATER[0]).write_text(LATER[1], "utf-8")
    third = build_site(archive, output, today=TODAY, documents=False, search=False)
    written = set(third.written)
    assert {
        "protokoll/2023-02-09-stadtteiltisch.html",
        "protokoll/2023-01-12-stadtteiltisch.html",  # its "next" link
        "jahr/2023.html",
        "index.html",
        "person/lucia-ziegler.html",
        "person/kathrin-krug.html",
        "person/kathrin-krug.svg",
        "einrichtung/tafel.html",
    } <= written
    untouched = {
        "protokoll/2022-11-10-stadtteiltisch.html",
        "protokoll/2021-12-09-stadtteiltisch.html",
        "jahr/2021.html",
        "jahr/2022.html",
        "person/dirk-malner.html",
        "person/dirk-malner.svg",
        "einrichtung/wiro-kundencenter.html",
        "einrichtung/wiro-kundencenter.svg",
        "style.css",
    }
    assert not written & untouched
    (archive / LATER[0]).unlink()
    fourth = build_site(archive, output, today=TODAY, documents=False, search=False)
    assert "protokoll/2023-02-09-stadtteiltisch.html" in fourth.removed
    assert not (output / "protokoll/2023-02-09-stadtteiltisch.html").exists()
    assert (output / MANIFEST).is_file()


def test_website_command_reports_in_german(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archiv")
    output = tmp_path / "website"
    args = ["website", "--archiv", str(archive), "-o", str(output), "--ohne-dokumente"]
    result = CliRunner().invoke(main, [*args, "--ohne-suche", "--stichtag", "11.11.2022"])
    assert result.exit_code == 0, result.output
    assert f"Website in {output}/:" in result.stdout
    assert "ohne --url kein OParl-Export" in result.stderr
    assert not (output / "oparl").exists()
    result = CliRunner().invoke(main, [*args, "--url", "ftp://x"])
    assert result.exit_code == 1 and "keine Web-Adresse" in result.stderr
    empty = tmp_path / "leer"
    empty.mkdir()
    result = CliRunner().invoke(main, ["website", "--archiv", str(empty), "-o", str(output)])
    assert result.exit_code == 1
    assert f"Im Archiv „{empty}“ liegt kein lesbares Protokoll" in result.stderr


def test_statistik_prints_tables_and_writes_charts(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archiv")
    charts = tmp_path / "diagramme"
    result = CliRunner().invoke(
        main, ["statistik", "--archiv", str(archive), "--diagramme", str(charts), "-n", "3"]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 Protokolle, " in out
    assert re.search(r"^2021\s+1\s", out, re.MULTILINE)
    assert re.search(r"^Kathrin Krug\s+3\s+09\.12\.2021\s+12\.01\.2023$", out, re.MULTILINE)
    assert re.search(r"^SBZ\s+3\s", out, re.MULTILINE)
    assert "… und" in out
    names = sorted(p.name for p in charts.iterdir())
    assert names == ["einrichtungen.svg", "personen.svg", "sitzungen.svg", "umfang.svg"]
    assert "Sitzungen pro Jahr" in (charts / "sitzungen.svg").read_text("utf-8")


def test_the_search_is_rebuilt_only_for_the_bundle_of_a_new_protocol(tmp_path: Path) -> None:
    from protokollkit.archive.site import run_pagefind

    archive = make_archive(tmp_path / "archiv")
    output = tmp_path / "website"
    first = build_site(archive, output, today=TODAY, documents=False, search=False, search_group=1)
    assert first.written
    assert sorted(run_pagefind(output)) == ["2021", "2022", "2023"]
    for year in ("2021", "2022", "2023"):
        assert (output / "pagefind" / year / "pagefind-entry.json").is_file()
    assert (output / "pagefind/pagefind-ui.js").is_file()
    assert run_pagefind(output) == []
    (archive / LATER[0]).write_text(LATER[1], "utf-8")
    build_site(archive, output, today=TODAY, documents=False, search=False, search_group=1)
    assert run_pagefind(output) == ["2023"]
    box = (output / "suche.html").read_text("utf-8")
    assert 'var bundles = ["2023", "2022", "2021"];' in box


MARCH = (
    "2023-03-09-stadtteiltisch.txt",
    """Protokoll Stadtteiltisch 09.03.23

Anwesend: Kathrin Krug (SBZ), Marén Wiese (Stadtteilmanagement)
Zeitweise anwesend: Iris Drenkhahn (Ortsbeirat)
Entschuldigt: Dirk Malner (WIRO KundenCenter)

1 Frühjahrsputz

- Beschluss: Der Stadtteiltisch unterstützt den Frühjahrsputz mit 200 Euro (einstimmig angenommen)
- ToDo Kathrin Krug: Plakate drucken bis 20.3.2023
- Marén Wiese lädt die Schulen ein (Aufgabe: Marén Wiese)

Nächster Termin: 13.4.2023
""",
)


def test_tasks_decisions_and_attendance_groups_across_protocols(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archiv")
    (archive / MARCH[0]).write_text(MARCH[1], "utf-8")
    output = tmp_path / "website"
    build_site(archive, output, today=dt.date(2023, 3, 10), documents=False, search=False)
    tasks = (output / "aufgaben.html").read_text("utf-8")
    assert "Plakate drucken bis 20.3.2023 – Kathrin Krug, bis 20.03.2023" in tasks
    assert "Marén Wiese lädt die Schulen ein" in tasks
    start = (output / "index.html").read_text("utf-8")
    assert "Plakate drucken" in start and 'href="aufgaben.html"' in start
    decisions = (output / "beschluesse.html").read_text("utf-8")
    assert "unterstützt den Frühjahrsputz mit 200 Euro" in decisions
    assert "– angenommen" in decisions and 'href="jahr/2023.html#beschluesse"' in decisions
    year = (output / "jahr/2023.html").read_text("utf-8")
    assert 'id="beschluesse"' in year and "Frühjahrsputz mit 200 Euro" in year
    # partly present counts as present; excused does not
    person = (output / "person/iris-drenkhahn.html").read_text("utf-8")
    assert "zuletzt 09.03.2023" in person
    malner = (output / "person/dirk-malner.html").read_text("utf-8")
    assert "zuletzt 09.03.2023" not in malner
    # after the due date the dated task is no longer open, the undated one stays until the
    # meeting's next protocol
    build_site(archive, output, today=dt.date(2023, 3, 21), documents=False, search=False)
    tasks = (output / "aufgaben.html").read_text("utf-8")
    assert "Plakate drucken" not in tasks and "Marén Wiese lädt die Schulen ein" in tasks


def test_write_file_replaces_whole_files_readable_by_all_even_after_its_folder_went(
    tmp_path: Path,
) -> None:
    import os
    import shutil

    from protokollkit.archive.site import write_file

    target = tmp_path / "seite" / "a.html"
    old = os.umask(0o077)
    try:
        write_file(target, b"eins")
        write_file(target, b"zwei")
        assert target.read_bytes() == b"zwei"
        shutil.rmtree(tmp_path / "seite")  # the folder is remembered as made: made again
        write_file(target, b"drei")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"drei"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["a.html"]
