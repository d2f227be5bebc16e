"""A third fault campaign, where the earlier ones did not look: odd option values, settings that
parse but cannot work, and arguments of the archive commands. Each case ends in a German message
naming the file (and line), never in an "interner Fehler"."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from protokollkit.config import parse_settings
from protokollkit.diagnostics import ParseError
from tests.conftest import SEED
from tests.faults.conftest import Unchanged, assert_german, run
from tests.faults.test_hostile_inputs import protocol_with
from tests.send.conftest import Tls, tls

__all__ = ["tls"]  # fixture used here


def settings_error(text: str, base: Path | None = None) -> str:
    with pytest.raises(ParseError) as caught:
        parse_settings(text, "protokollkit.toml", base=base)
    return str(caught.value)


@pytest.mark.parametrize("option", ["--ab", "--bis"])
def test_year_zero_in_suche_is_refused(project: Path, option: str) -> None:
    guard = Unchanged(project / "archiv")
    result = run("suche", "Weihnachten", option, "0000", cwd=project)
    assert_german(result, 1, "„0000“ ist kein gültiges Jahr")
    guard.check()


def test_year_zero_as_stichtag_of_the_website_is_refused(project: Path) -> None:
    result = run("website", "--stichtag", "0000", "--ohne-suche", "--ohne-dokumente", cwd=project)
    assert_german(result, 1, "„0000“ ist kein gültiges Jahr")
    assert not (project / "ausgabe").exists()


@pytest.mark.parametrize(
    "host",
    ["a" * 64 + ".example.org", "x." * 130 + "de", "mail..example.org", "ex\\u0000ample.org"],
)
def test_a_host_name_no_resolver_takes_is_refused_with_its_line(host: str) -> None:
    message = settings_error(f'[smtp]\nsecurity = "none"\nhost = "{host}"\n')
    assert message.startswith("protokollkit.toml:3:1: fehler: „host“"), message
    assert "Servername" in message and "idna" not in message and "label" not in message


def test_a_long_host_name_does_not_end_as_internal_error(project: Path) -> None:
    (project / "protokollkit.toml").write_text(
        f'[smtp]\nhost = "{"a" * 300}"\nsecurity = "none"\ntimeout = 2\n', "utf-8"
    )
    (project / "verteiler.txt").write_text("Absender: a@example.org\nb@example.org\n", "utf-8")
    result = run(
        "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--yes", cwd=project
    )
    assert_german(result, 1, "protokollkit.toml:2:1:", "kein gültiger Servername")


def test_an_international_host_name_is_still_taken() -> None:
    settings = parse_settings('[smtp]\nhost = "mail.müller-verein.de"\n', "p.toml")
    assert settings.host == "mail.müller-verein.de"


def test_a_cafile_that_is_a_folder_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "zertifikate").mkdir()
    message = settings_error('[smtp]\nhost = "h"\ncafile = "zertifikate"\n', tmp_path)
    assert message.startswith("protokollkit.toml:3:1: fehler: „cafile“")
    assert "ist ein Ordner" in message


def test_a_cafile_without_a_certificate_is_refused_before_connecting(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("kein Zertifikat\n", "utf-8")
    message = settings_error('[smtp]\nhost = "h"\ncafile = "ca.pem"\n', tmp_path)
    assert message.startswith("protokollkit.toml:3:1: fehler: „cafile“")
    assert "kein lesbares Zertifikat" in message
    assert "NO_CERTIFICATE" not in message and "Port" not in message


def test_a_real_cafile_is_taken(tls: Tls) -> None:
    settings = parse_settings(f'[smtp]\nhost = "h"\ncafile = "{tls.cafile}"\n', "p.toml")
    assert settings.cafile == tls.cafile


def test_a_tmpdir_that_is_a_file_survives_a_doc_import(tmp_path: Path) -> None:
    """LibreOffice replaced a TMPDIR that is a file by an empty folder: the file was gone."""
    from tests.readers.test_doc import needs_soffice
    from tests.readers.test_pandoc import LEGACY

    if needs_soffice.args[0]:
        pytest.skip(needs_soffice.kwargs["reason"])
    notes = tmp_path / "notizen.txt"
    notes.write_text("meine Notizen\n", "utf-8")
    guard = Unchanged(notes)
    result = run("convert", LEGACY / "reference.doc", env={"TMPDIR": str(notes)})
    assert_german(result, 0, "Protokoll Stadtteiltisch 10.11.22")
    guard.check()


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["suche", "Weihnachten"], "Treffer in 1 Protokoll"),
        (["statistik"], "Sitzungen"),
        (["website", "--ohne-suche", "--ohne-dokumente"], "Website in"),
    ],
)
def test_a_symlink_loop_in_the_archive_is_one_problem_not_the_end(
    project: Path, command: list[str], expected: str
) -> None:
    (project / "archiv" / "2023-01-12-schleife.txt").symlink_to("2023-01-12-schleife.txt")
    guard = Unchanged(project / "archiv" / SEED.name)
    result = run(*command, cwd=project)
    assert_german(result, 0, "2023-01-12-schleife.txt:", "Verweisschleife", expected)
    guard.check()


@pytest.mark.parametrize("pandoc", ["/gibt/es/nicht/pandoc", "/"])
def test_a_pandoc_that_cannot_start_is_named_in_german(tmp_path: Path, pandoc: str) -> None:
    from tests.readers.test_pandoc import LEGACY

    result = run("convert", LEGACY / "reference.rtf", env={"PYPANDOC_PANDOC": pandoc})
    assert_german(result, 1, "reference.rtf:", f"Pandoc kann nicht gestartet werden: {pandoc}: ")
    assert "PYPANDOC_PANDOC" in result.err and "directory" not in result.err


ENGLISH_HELP = ("[OPTIONS]", "TEXT", "INTEGER", "RANGE", "x>=", " DIR ")


@pytest.mark.parametrize("command", ["suche", "statistik", "website"])
def test_the_archive_commands_explain_themselves_in_german(command: str) -> None:
    result = run(command, "--help")
    assert_german(result, 0, "[OPTIONEN]")
    for text in ENGLISH_HELP:
        assert text not in result.out, (text, result.out)
    if command != "website":
        assert "--anzahl ZAHL" in result.out and "mindestens 1" in result.out
        wrong = run(command, "-n", "0", *(["Weihnachten"] if command == "suche" else []))
        assert_german(wrong, 2, "0 ist nicht erlaubt (mindestens 1)")


def test_an_archive_file_pointing_nowhere_is_named_with_its_reason(tmp_path: Path) -> None:
    from tests.readers.test_pandoc import LEGACY

    archiv = tmp_path / "archiv"
    archiv.mkdir()
    link = archiv / "2022-11-10-stadtteiltisch.txt"
    link.symlink_to(tmp_path / "verschoben.txt")
    guard = Unchanged(archiv)
    result = run("import", LEGACY / "reference.docx", "--archiv", archiv)
    assert_german(result, 1, "Archivdatei nicht lesbar (Der symbolische Verweis zeigt ins Leere)")
    forced = run("import", LEGACY / "reference.docx", "--archiv", archiv, "--force")
    assert_german(
        forced, 1, "archiv/2022-11-10-stadtteiltisch.txt: kann nicht gelesen werden: nicht gefunden"
    )
    guard.check()
    assert not (tmp_path / "verschoben.txt").exists()


def test_a_period_that_ends_before_it_starts_is_named_not_answered_with_nothing(
    project: Path,
) -> None:
    source = project / "archiv" / SEED.name
    result = run("termine", source, "--ab", "10.12.2022", "--bis", "1.12.2022")
    assert_german(result, 2, "--ab 10.12.2022 liegt nach --bis 01.12.2022")
    assert "Keine Termine gefunden" not in result.err
    result = run("suche", "Weihnachten", "--ab", "2023", "--bis", "2022", cwd=project)
    assert_german(result, 2, "--ab 01.01.2023 liegt nach --bis 31.12.2022")
    same_day = run("termine", source, "--ab", "9.12.2022", "--bis", "9.12.2022")
    assert_german(same_day, 0, "Adventssingen")


@pytest.fixture
def not_smtp() -> Iterator[tuple[int, list[bytes]]]:
    """A listener on 127.0.0.1 that greets every connection with the bytes put in its list."""
    greeting: list[bytes] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.sendall(greeting[0])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], greeting
    listener.close()
    thread.join(timeout=5)


@pytest.mark.parametrize(
    "greeting",
    [b"HTTP/1.1 400 Bad Request\r\n\r\n<html/>", bytes(range(256)), b"220 " + b"x" * 9000],
)
def test_a_port_where_no_mail_server_answers_is_named_as_such(
    project: Path, not_smtp: tuple[int, list[bytes]], greeting: bytes
) -> None:
    port, greetings = not_smtp
    greetings.append(greeting)
    (project / "protokollkit.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout = 5\n', "utf-8"
    )
    (project / "verteiler.txt").write_text("Absender: a@example.org\nb@example.org\n", "utf-8")
    result = run(
        "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--yes", cwd=project
    )
    assert_german(result, 1, f"Unter 127.0.0.1:{port} antwortet kein Mailserver")
    assert "-1" not in result.err and "Line too long" not in result.err


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf\n", b"x" * (1024 * 1024 + 1)])
def test_an_empty_or_oversized_mail_template_is_refused_before_anything_is_written(
    project: Path, content: bytes
) -> None:
    vorlagen = project / "vorlagen"
    vorlagen.mkdir()
    (vorlagen / "email.txt").write_bytes(content)
    result = run("build", "archiv/" + SEED.name, "-o", "ausgabe", cwd=project)
    assert_german(result, 1, "vorlagen/email.txt")
    assert ("leer" in result.err) if len(content) < 100 else ("zu groß" in result.err)
    assert not (project / "ausgabe").exists()


def _json_of_seed() -> str:
    import protokollkit

    return protokollkit.to_json(protokollkit.read(SEED))


def test_a_json_number_of_5000_digits_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "zahl.json"
    source.write_text(_json_of_seed().replace('"version": 2', '"version": ' + "9" * 5000), "utf-8")
    commands: list[list[str | Path]] = [["check", source], ["convert", source, "-t", "text"]]
    for command in commands:
        result = run(*command)
        assert_german(result, 1, "zahl.json:3:", "eine Zahl mit zu vielen Stellen")
        assert "int_max_str_digits" not in result.err


def test_a_lone_surrogate_in_json_is_refused_before_any_output(tmp_path: Path) -> None:
    text = _json_of_seed()
    source = tmp_path / "halb.json"
    source.write_text(text.replace("Aktuelles", "Aktu\\ud800elles", 1), "utf-8")
    paired = tmp_path / "paar.json"
    paired.write_text(text.replace("Aktuelles", "Aktu\\ud83d\\ude00elles", 1), "utf-8")
    for target in ("text", "json", "markdown"):
        result = run("convert", source, "-t", target, "-o", tmp_path / f"aus.{target}")
        assert_german(result, 1, "halb.json:", "UTF-16-Ersatzzeichen")
        assert not (tmp_path / f"aus.{target}").exists()
    assert_german(run("convert", paired, "-t", "text"), 0, "Aktu😀elles")


UNSAFE = "[klick](javascript:alert(1)) [bild](data:text/html;base64,PHNjcmlwdD4=) [f](file:///etc/passwd)"


def test_unsafe_link_targets_are_no_links_in_docx_and_pdf_either(tmp_path: Path) -> None:
    """The HTML writer kept them as text; DOCX and PDF made clickable links of them."""
    import pypdf

    source = tmp_path / "links.txt"
    source.write_text(protocol_with(UNSAFE + " und [gut](https://example.org/)"), "utf-8")
    docx_file, pdf_file = tmp_path / "l.docx", tmp_path / "l.pdf"
    assert_german(run("convert", source, "-t", "docx", "-o", docx_file), 0)
    assert_german(run("convert", source, "-t", "pdf", "-o", pdf_file), 0)
    with zipfile.ZipFile(docx_file) as package:
        relations = package.read("word/_rels/document.xml.rels").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
    targets = re.findall(r'Target="([^"]*)" TargetMode="External"', relations)
    assert targets == ["https://example.org/"]
    assert "[klick](javascript:alert(1))" in body
    reader = pypdf.PdfReader(pdf_file)
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    ]
    assert uris == ["https://example.org/"]
    assert "javascript:alert(1)" in "".join(page.extract_text() for page in reader.pages)


def test_a_folder_where_a_page_of_the_website_belongs_is_named_not_its_temporary_file(
    project: Path,
) -> None:
    site = project / "ausgabe" / "website"
    (site / "index.html").mkdir(parents=True)
    result = run("website", "--ohne-suche", "--ohne-dokumente", cwd=project)
    assert_german(result, 1, "ausgabe/website/index.html: kann nicht geschrieben werden", "Ordner")
    assert ".neu" not in result.err
    assert not [p for p in site.rglob("*") if p.name.endswith(".neu")]


def test_commands_on_one_archive_at_the_same_time_share_the_index(tmp_path: Path) -> None:
    """Four ``suche`` on a fresh archive at once: one failed with 'UNIQUE constraint failed'."""
    import os
    import subprocess

    from tests.conftest import ROOT
    from tests.faults.conftest import PROTOKOLLKIT

    archiv = tmp_path / "archiv"
    archiv.mkdir()
    text = SEED.read_text("utf-8")
    for day in range(1, 29):
        name = f"2022-11-{day:02d}-stadtteiltisch.txt"
        (archiv / name).write_text(text.replace("10.11.22", f"{day}.11.22"), "utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("PROTOKOLLKIT_DEBUG", None)
    for _round in range(3):
        for old in archiv.glob(".suchindex.sqlite3*"):
            old.unlink()
        processes = [
            subprocess.Popen(
                [*PROTOKOLLKIT, "suche", "--archiv", str(archiv), "Weihnachten"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=environment,
            )
            for _ in range(4)
        ]
        for process in processes:
            _out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err.decode("utf-8", "replace")
            assert "20 Treffer in 20 Protokollen" in err.decode("utf-8")


@pytest.mark.parametrize("command", ["suche", "statistik"])
def test_a_huge_count_means_all_rows(project: Path, command: str) -> None:
    """-n 10**23 passed click's check and overflowed SQLite: an internal error."""
    words = ["Weihnachten"] if command == "suche" else []
    result = run(command, *words, "-n", "9" * 23, cwd=project)
    assert_german(result, 0)
    assert "OverflowError" not in result.err


def test_a_mistyped_year_does_not_fill_statistik_with_thousands_of_empty_years(
    project: Path,
) -> None:
    archiv = project / "archiv"
    (archiv / "0202-11-10-stadtteiltisch.txt").write_text(
        "Protokoll Stadtteiltisch 10.11.0202\n\n1 Aktuelles\n\n- Tippfehler im Jahr\n", "utf-8"
    )
    result = run("statistik", "--diagramme", "diagramme", cwd=project)
    assert_german(result, 0, "Sitzungen pro Jahr")
    table = result.out.split("Sitzungen pro Jahr")[1].split("\n\n")[0]
    assert [row.split()[0] for row in table.splitlines()[3:]] == ["202", "2022"]
    assert (project / "diagramme" / "sitzungen.svg").stat().st_size < 100_000


@pytest.mark.parametrize(
    ("point", "length"),
    [
        ("Weihnachtsfeier am 31.12.9999", "P1D"),
        ("Fahrt vom 30.12.9999 bis 31.12.9999", "P2D"),
        ("Feier am 31.12.9999 von 23:00 bis 01:00 Uhr", "PT2H"),
        ("Treffen 31.12.9999 23:30-24:00 Uhr", "PT30M"),
    ],
)
def test_an_appointment_ending_after_the_last_date_gets_a_length(
    tmp_path: Path, point: str, length: str
) -> None:
    """The day after 31.12.9999 has no date: the .ics (and build) ended in an OverflowError."""
    import icalendar

    source = tmp_path / "fern.txt"
    source.write_text(protocol_with(point), "utf-8")
    result = run("convert", source, "-t", "ics")
    assert_german(result, 0, f"DURATION:{length}")
    [event] = icalendar.Calendar.from_ical(result.out).walk("VEVENT")
    assert event.decoded("dtstart").year == 9999 or event.decoded("dtstart").day == 30
    assert_german(run("build", source, "-o", tmp_path / "ausgabe"), 0, "Fertig: 6 Dateien")


def _office_variant(tmp_path: Path, name: str, part: str, change: Callable[[str], str]) -> Path:
    """A copy of a legacy fixture with one part of its package changed."""
    from tests.readers.test_pandoc import LEGACY

    source = LEGACY / name
    target = tmp_path / f"verändert{source.suffix}"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as changed:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            changed.writestr(info, data)
    return target


def _before(anchor: str, insert: str) -> Callable[[str], str]:
    return lambda xml: xml.replace(anchor, insert + anchor, 1)


@pytest.mark.parametrize(
    ("name", "part", "change"),
    [
        # two billion repeated spaces: a 2 GB string from a 20 KB file
        (
            "reference.odt",
            "content.xml",
            _before("Stadtteiltisch", '<text:s text:c="2000000000"/>'),
        ),
        ("reference.odt", "content.xml", _before("Stadtteiltisch", '<text:s text:c="²"/>')),
        (
            "reference.odt",
            "content.xml",
            _before("Stadtteiltisch", f'<text:s text:c="{"9" * 5000}"/>'),
        ),
        (
            "reference.odt",
            "content.xml",
            lambda xml: re.sub(r'text:outline-level="\d"', 'text:outline-level="³"', xml),
        ),
        (
            "reference.docx",
            "word/numbering.xml",
            lambda xml: xml.replace('<w:start w:val="1"/>', f'<w:start w:val="{"9" * 5000}"/>'),
        ),
        ("reference.docx", "word/document.xml", _before("</w:r>", '<w:sym w:char="D800"/>')),
        ("reference.docx", "word/document.xml", _before("</w:r>", '<w:sym w:char="FFFFFFFF"/>')),
    ],
)
def test_hostile_numbers_in_office_documents_are_read_as_the_programs_would(
    tmp_path: Path, name: str, part: str, change: Callable[[str], str]
) -> None:
    """Each ended in an internal error (int() of 5000 digits or of '²', chr() out of range, a
    surrogate that no file can hold) or, for the spaces, two gigabytes of memory."""
    import os
    import subprocess

    from tests.conftest import ROOT
    from tests.faults.conftest import PROTOKOLLKIT

    document = _office_variant(tmp_path, name, part, change)
    limited = ["bash", "-c", 'ulimit -v 1500000 && exec "$0" "$@"', *PROTOKOLLKIT]  # 1.5 GB
    result = subprocess.run(
        [*limited, "convert", str(document), "-o", str(tmp_path / "aus.txt")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Stadtteiltisch 10.11.22" in (tmp_path / "aus.txt").read_text("utf-8")


@pytest.mark.parametrize(("length", "code"), [(235, 0), (240, 1)])
def test_long_protocol_names_on_the_website(project: Path, length: int, code: int) -> None:
    """A name near the limit failed through its longer temporary name; one over the limit was
    reported by that temporary name (the cleanup's error hid the real one)."""
    name = f"2022-11-10-{'g' * length}.txt"
    (project / "archiv" / SEED.name).rename(project / "archiv" / name)
    result = run("website", "--ohne-suche", cwd=project)
    assert_german(result, code)
    assert ".neu" not in result.err
    if code:
        assert "kann nicht geschrieben werden: der Dateiname ist zu lang" in result.err


INJECTION = "=?utf-8?q?x=0D=0ABcc:_boese@example.net=0D=0A?="
"""An RFC 2047 encoded word holding a line break and a Bcc header: the email package decodes it
when the text is put into a header."""


def _parsed_eml(path: Path) -> Any:
    import email
    import email.policy

    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_an_encoded_word_in_the_title_injects_no_header(tmp_path: Path) -> None:
    source = tmp_path / "titel.txt"
    source.write_text(
        protocol_with("Punkt", f"Protokoll {INJECTION} Stadtteiltisch 10.11.22"), "utf-8"
    )
    assert_german(run("check", source), 0)
    target = tmp_path / "p.eml"
    assert_german(run("convert", source, "-t", "eml", "-o", target), 0)
    head = target.read_bytes().replace(b"\r\n", b"\n").split(b"\n\n")[0]
    assert not [line for line in head.split(b"\n") if line.lower().startswith(b"bcc: boese")]
    message = _parsed_eml(target)
    assert "boese" not in str(message["Bcc"] or "")
    assert "\n" not in str(message["Subject"]) and "=0D=0ABcc" in str(message["Subject"])


def test_an_encoded_word_in_a_verteiler_name_is_refused_with_its_line(project: Path) -> None:
    (project / "verteiler.txt").write_text(
        f"Absender: a@example.org\n{INJECTION} <b@example.org>\n", "utf-8"
    )
    (project / "protokollkit.toml").write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\n', "utf-8"
    )
    for options in (["--dry-run"], ["--yes"]):
        result = run(
            "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", *options, cwd=project
        )
        assert_german(result, 1, "verteiler.txt:2:1:", "MIME-Kodierung")


def test_an_encoded_word_in_a_name_given_to_the_library_stays_text() -> None:
    import protokollkit
    from protokollkit.verteiler import Recipient, Verteiler
    from protokollkit.writers.email import write_eml

    protocol = protokollkit.read(SEED)
    verteiler = Verteiler(
        Recipient(INJECTION, "a@example.org"), (Recipient(INJECTION, "b@example.org"),)
    )
    moment = dt.datetime(2022, 11, 10, 12, tzinfo=dt.UTC)
    data = write_eml(protocol, verteiler, stamp=protokollkit.Stamp(moment))
    header = data.split(b"\r\n\r\n")[0]
    assert b"\r\nBcc: boese" not in header and b"\nBcc: boese" not in header


def _with_closed(stream: str, *args: str | Path, cwd: Path | None = None) -> tuple[int, str]:
    """Run the command with standard input (``<&-``) or output (``>&-``) closed."""
    import os
    import subprocess

    from tests.conftest import ROOT
    from tests.faults.conftest import PROTOKOLLKIT

    closed = ["bash", "-c", f'exec "$0" "$@" {stream}', *PROTOKOLLKIT, *map(str, args)]
    result = subprocess.run(
        closed,
        stderr=subprocess.PIPE,
        stdout=None if stream == ">&-" else subprocess.DEVNULL,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    return result.returncode, result.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("command", [["check", "-"], ["convert", "-"]])
def test_a_closed_standard_input_is_named(command: list[str]) -> None:
    code, err = _with_closed("<&-", *command)
    assert code == 1 and "Die Standardeingabe ist geschlossen" in err, err
    assert "interner Fehler" not in err and "NoneType" not in err


@pytest.mark.parametrize(
    "command",
    [
        ["convert", "archiv/" + SEED.name],
        ["termine", "archiv/" + SEED.name, "--alle"],
        ["suche", "Weihnachten"],
        ["statistik"],
    ],
)
def test_a_closed_standard_output_is_named_not_a_silent_success(
    project: Path, command: list[str]
) -> None:
    code, err = _with_closed(">&-", *command, cwd=project)
    assert code == 1 and "Die Standardausgabe ist geschlossen" in err, err


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_termine_cache_that_is_no_file_neither_hangs_nor_fills_memory(
    tmp_path: Path, kind: str
) -> None:
    import os

    cache = tmp_path / "home" / ".cache" / "protokollkit" / "termine.json"
    cache.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(cache)
    else:
        cache.symlink_to("/dev/zero")
    environment = {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "home/.cache")}
    result = run("termine", SEED, "--alle", env=environment, timeout=60)
    assert_german(result, 0, "Adventssingen")
    assert cache.is_file() and not cache.is_symlink()  # replaced by a real cache


def test_a_full_disk_while_the_index_is_made_is_named_in_german(small_disk: Path) -> None:
    from tests.faults.conftest import fill

    archiv = small_disk / "archiv"
    archiv.mkdir()
    text = SEED.read_text("utf-8")
    for day in range(1, 10):
        (archiv / f"2022-11-0{day}-stadtteiltisch.txt").write_text(
            text.replace("10.11.22", f"{day}.11.22"), "utf-8"
        )
    guard = Unchanged(archiv)
    fill(small_disk)
    for command in (["suche", "Weihnachten"], ["statistik"]):
        result = run(*command, "--archiv", archiv)
        assert_german(result, 1, "Suchindex kann nicht", "kein Platz mehr auf dem Datenträger")
        assert "OperationalError" not in result.err
    guard.check()


@pytest.mark.parametrize(
    "url", ["https://", "http://x y/", 'https://example.org/"><b>', "https://[::1]:99999/"]
)
def test_a_url_no_link_can_hold_is_refused(project: Path, url: str) -> None:
    result = run("website", "--ohne-suche", "--ohne-dokumente", "--url", url, cwd=project)
    assert_german(result, 1, "ist keine Web-Adresse")
    assert not (project / "ausgabe").exists()


def test_one_warning_is_counted_in_the_singular(tmp_path: Path) -> None:
    source = tmp_path / "alt.txt"
    source.write_bytes(
        SEED.read_bytes().replace("Wühlmäuschen".encode(), "W\xfchlm\xe4uschen".encode("latin-1"))
    )
    assert_german(run("check", source), 0, "1 Datei geprüft: 0 Fehler, 1 Warnung.")


NAUGHTY = "a\x1b[2J\nfehler: gefälscht.txt"
"""A file name with an escape sequence (clears the screen) and a line break that would start a
forged message of its own."""


def test_control_characters_in_file_names_are_shown_not_obeyed(project: Path) -> None:
    empty = project / NAUGHTY
    empty.write_bytes(b"")
    archived = project / "archiv" / "2022-11-11-\x1b[31mrot.txt"
    archived.write_bytes(SEED.read_bytes())
    outputs = [
        run("check", empty),
        run("convert", empty),
        run("convert", SEED, "-t", "markdown", "-o", project / "x\x1b[31m\n.md"),
        run("suche", "Wühlmäuschen", cwd=project),
    ]
    for result in outputs:
        assert "\x1b" not in result.output
        assert "\nfehler: gefälscht" not in result.output
    assert "a\\x1b[2J\\nfehler: gefälscht.txt: fehler: Die Datei ist leer." in outputs[0].err
    assert "2022-11-11-\\x1b[31mrot.txt" in outputs[3].out
