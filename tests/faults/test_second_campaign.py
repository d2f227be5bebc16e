"""The second fault campaign: names near the file-name limit, distribution lists in UTF-16,
Typst's messages, and hostile inputs for every command. Each case failed before its fix; each
ends in a German message naming the file (and line), never in a traceback or English text."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import ssl
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.faults.conftest import Unchanged, assert_german, run
from tests.send.conftest import Tls, tls

__all__ = ["tls"]  # fixture used here


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


VERTEILER = "Absender: Jörg Utpatel <joerg@example.org>\nMaren Müller <maren@example.org>\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_verteiler_saved_as_unicode_by_notepad_is_read(project: Path, encoding: str) -> None:
    """Windows Notepad saves "Unicode" as UTF-16 with a byte order mark; the protocol reader
    took it, the distribution list was refused as „nicht in UTF-8 gespeichert“."""
    data = VERTEILER.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (project / "verteiler.txt").write_bytes(data)
    (project / "protokollkit.toml").write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = 2525\nsecurity = "none"\n', "utf-8"
    )
    guard = Unchanged(project / "verteiler.txt")
    result = run(
        "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--dry-run", cwd=project
    )
    assert_german(result, 0, "Maren Müller <maren@example.org>", "Von:        Jörg Utpatel")
    guard.check()


def test_a_verteiler_in_neither_utf8_nor_utf16_is_named_with_its_line(project: Path) -> None:
    (project / "verteiler.txt").write_bytes(b"maren@example.org\n# M\xfcller\n")
    (project / "protokollkit.toml").write_text('[smtp]\nhost = "127.0.0.1"\n', "utf-8")
    result = run(
        "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--dry-run", cwd=project
    )
    assert_german(result, 1, "verteiler.txt:2:", "nicht in UTF-8 gespeichert")


def test_a_mail_template_in_utf16_is_read(project: Path) -> None:
    vorlagen = project / "vorlagen"
    vorlagen.mkdir()
    (vorlagen / "email.txt").write_bytes("Liebe Leute,\n\n{protokoll}\n\nGrüße\n".encode("utf-16"))
    result = run("build", "archiv/" + SEED.name, "-o", "ausgabe", cwd=project)
    assert_german(result, 0)
    body = (project / "ausgabe" / "2022-11-10-stadtteiltisch.email.txt").read_text("utf-8")
    assert body.startswith("Liebe Leute,") and "Grüße" in body


@pytest.mark.parametrize(
    ("line", "german"),
    [
        ('#text(fnt: "x")[a]', "unbekannter Parameter „fnt“"),
        ("#rect(width: 1cm, width: 2cm)", "der Parameter „width“ steht zweimal da"),
        ("#let f(a) = a\n#f()", "der Parameter „a“ fehlt"),
        ('#panic("kaputt")', "die Vorlage bricht mit panic ab: kaputt"),
        ('#let x = 1 + "a"', "integer und string lassen sich nicht addieren"),
        ("#let x = (1, 2).at(5)", "die Stelle 5 gibt es nicht (Länge 2)"),
        ("#let x = (a: 1).b", "das Wörterbuch hat keinen Schlüssel „b“"),
        ("#let f(x) = f(x)\n#f(1)", "ruft sich ohne Ende selbst auf"),
        ("#let x = datetime(year: 2020, month: 13, day: 1)", "der Wert für month ist ungültig"),
        ('#rgb("zzz")', "keine gültige Farbe"),
        ("#let x = 1.5.2", "hier fehlt ein Zeilenumbruch oder Semikolon"),
        ('#import "@preview/x:0.1.0"', "protokollkit lädt nichts aus dem Netz"),
        ('#read("../x")', "der Pfad führt aus dem Vorlagenordner hinaus"),
        ('#set text(lang: "xyz1")', "Sprachkürzel"),
        ("#let x = calc.sqrt(-1)", "keine Wurzel aus einer negativen Zahl"),
        ('#link("https://e.org/' + "a" * 8000 + '")[x]', "eine Web-Adresse ist zu lang"),
    ],
)
def test_typst_messages_for_common_template_mistakes_are_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, german: str
) -> None:
    """These reached the user as „Typst meldet „unexpected argument: fnt““ and the like."""
    from protokollkit import read
    from protokollkit.diagnostics import ProtokollkitError
    from protokollkit.writers.pdf import write_pdf
    from tests.writers.test_pdf import TEMPLATE

    lines = TEMPLATE.read_text("utf-8").split("\n")
    lines.insert(2, line)
    (tmp_path / "protokoll.typ").write_text("\n".join(lines), "utf-8")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    with pytest.raises(ProtokollkitError) as caught:
        write_pdf(read(SEED))
    message = str(caught.value)
    assert f"Fehler in der Vorlage {tmp_path / 'protokoll.typ'}:" in message
    assert german in message, message
    assert "Typst meldet" not in message, message


def test_one_line_pasted_in_windows_1252_leaves_the_utf8_of_the_others(tmp_path: Path) -> None:
    """A UTF-8 protocol with one line from an old Windows program was read wholly as
    Windows-1252: every „ü“ of the other lines became „Ã¼“ in all outputs."""
    source = tmp_path / "gemischt.txt"
    source.write_bytes(SEED.read_bytes() + "Grüße von Frau Müller\n".encode("cp1252"))
    result = run("convert", source, "-t", "text")
    assert_german(result, 0, "gemischt.txt:", "UTF-8 bis auf Zeile", "Windows-1252")
    assert "Ã" not in result.out
    assert "Maren Müller-Hinrichs" in result.out and "Grüße von Frau Müller" in result.out


def test_a_protocol_in_utf32_is_read(tmp_path: Path) -> None:
    """UTF-32 with its byte order mark was taken for UTF-16 (its mark starts the same way): one
    error per line about U+0000 and a text of „�P�r�o�t�o…“."""
    source = tmp_path / "utf32.txt"
    source.write_bytes(SEED.read_text("utf-8").encode("utf-32"))
    result = run("convert", source, "-t", "text")
    assert_german(result, 0, "Protokoll Stadtteiltisch", "Maren Müller-Hinrichs")
    assert "U+0000" not in result.output


@pytest.mark.parametrize(
    ("version", "shown"), [('"1"', 'Version "1" ist'), ("true", "Version true ist")]
)
def test_a_json_version_that_is_no_number_is_shown_as_written(
    tmp_path: Path, version: str, shown: str
) -> None:
    """``"version": "1"`` was reported as „Version 1 ist unbekannt; … liest die Versionen 1 bis 2
    (bitte protokollkit aktualisieren)“ – a contradiction, and no update helps."""
    source = tmp_path / "p.json"
    source.write_text(f'{{"version": {version}, "title": "T"}}', "utf-8")
    result = run("check", source)
    assert_german(result, 1, "p.json", shown)
    assert "aktualisieren" not in result.output


def _tls_listener(context: ssl.SSLContext | None) -> tuple[int, Callable[[], None]]:
    """A port on 127.0.0.1 that does a TLS handshake with ``context`` (or, without one, answers
    like a plain SMTP server) on each connection; and how to stop it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection, contextlib.suppress(OSError):
                if context is None:
                    connection.sendall(b"220 klartext\r\n")
                    connection.recv(1024)
                else:
                    context.wrap_socket(connection, server_side=True).close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def close() -> None:
        stop.set()
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join(timeout=10)

    return listener.getsockname()[1], close


@pytest.mark.parametrize(
    ("server", "german", "english"),
    [
        ("plain", "an diesem Port antwortet der Server nicht mit TLS", "WRONG_VERSION_NUMBER"),
        ("untrusted", "die ausstellende Zertifizierungsstelle ist unbekannt", "local issuer"),
    ],
)
def test_tls_failures_are_explained_in_german(
    project: Path, tls: Tls, server: str, german: str, english: str
) -> None:
    """OpenSSL's own words reached the user: „(WRONG_VERSION_NUMBER)“, „(unable to get local
    issuer certificate)“."""
    port, close = _tls_listener(tls.server_context if server == "untrusted" else None)
    try:
        (project / "verteiler.txt").write_text(VERTEILER, "utf-8")
        (project / "protokollkit.toml").write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "tls"\ntimeout = 5\n', "utf-8"
        )
        result = run(
            "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--yes", cwd=project
        )
    finally:
        close()
    assert_german(result, 1, f"TLS-Verbindung zu 127.0.0.1:{port} fehlgeschlagen", german)
    assert english not in result.output


def test_convert_to_output_dash_writes_standard_output_not_a_file_named_dash(
    tmp_path: Path,
) -> None:
    """``-`` is standard input for the input; ``-o -`` wrote a file called „-“ into the
    current folder and said „geschrieben: -“."""
    result = run("convert", SEED, "-t", "json", "-o", "-", cwd=tmp_path)
    assert_german(result, 0)
    assert result.out.startswith("{") and '"format": "protokollkit"' in result.out
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("indexed", [False, True])
def test_suche_and_statistik_work_on_a_read_only_archive(small_disk: Path, indexed: bool) -> None:
    """An archive on a read-only medium (a share, a stick, a CD): both commands only read, but
    failed with „archiv/.suchindex.sqlite3: fehler: das Dateisystem ist schreibgeschützt“.
    A stored index that is current is used; otherwise one is made in memory."""
    import subprocess

    archiv = small_disk / "archiv"
    archiv.mkdir()
    shutil.copyfile(SEED, archiv / SEED.name)
    if indexed:
        assert_german(run("suche", "Weihnachtsmarkt", cwd=small_disk), 0)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    guard = Unchanged(archiv)
    found = run("suche", "Wühlmäuschen", cwd=small_disk)
    assert_german(found, 0, "2 Treffer in 1 Protokoll", "Arbeitsspeicher")
    counted = run("statistik", cwd=small_disk)
    assert_german(counted, 0, "1 Protokoll, 14 Personen")
    guard.check()


def test_attachments_of_a_meeting_with_a_very_long_name_can_be_saved(tmp_path: Path) -> None:
    """The attachment names repeated the whole meeting name: 385 bytes, which no mail program
    can save on the usual file systems („File name too long“)."""
    import email
    import email.policy

    text = SEED.read_text("utf-8").split("\n", 1)[1]
    source = tmp_path / "lang.txt"
    source.write_text(f"Protokoll {'Arbeitsgemeinschaft Überlänge ' * 12}10.11.22\n{text}", "utf-8")
    assert_german(run("build", source, "-o", tmp_path / "aus"), 0)
    message = email.message_from_bytes(
        (tmp_path / "aus" / "lang.eml").read_bytes(), policy=email.policy.default
    )
    names = [part.get_filename() or "" for part in message.iter_attachments()]
    assert [Path(n).suffix for n in names] == [".docx", ".pdf", ".ics"]
    for name in names:
        assert len(name) <= 100 and name.startswith("Protokoll Arbeitsgemeinschaft Überlänge")
        assert name.endswith(("… 2022-11-10.docx", "… 2022-11-10.pdf", "… 2022-11-10.ics"))
        (tmp_path / name).write_bytes(b"")  # a mail program saves it under this name


@pytest.mark.parametrize("where", ["after", "present", "meta"])
def test_every_kind_of_entry_counts_towards_the_limit(tmp_path: Path, where: str) -> None:
    """Only points were counted towards the limit of 10,000: 20,000 lines after „Nächster
    Termin“ (kept as unplaced text), 20,000 names of those present or 20,000 lines like
    „Feld: Wert“ passed check with „0 Fehler“, and build spent half a minute and more on them."""
    text = SEED.read_text("utf-8")
    if where == "after":
        text += "- p\n" * 20_000
    elif where == "present":
        names = ", ".join(f"Vorname{i} Nachname{i}" for i in range(20_000))
        text = text.replace("Teilnehmende: ", f"Teilnehmende: {names}, ", 1)
    else:
        fields = "".join(f"Feld{i}: Wert {i}\n" for i in range(20_000))
        text = text.replace("Teilnehmende:", fields + "Teilnehmende:", 1)
    source = tmp_path / "lang.txt"
    source.write_text(text, "utf-8")
    checked = run("check", source, timeout=60)
    assert_german(checked, 1, "lang.txt: fehler: Das Protokoll hat 2", "(höchstens 10000)")
    built = run("build", source, "-o", tmp_path / "aus", timeout=60)
    assert_german(built, 1, "höchstens 10000")
    assert not (tmp_path / "aus").exists()


def test_plausibility_of_thousands_of_lines_takes_no_minutes(tmp_path: Path) -> None:
    """Each text without a line of its own was searched line by line from the top of the file:
    8,000 lines like „Feld: am 31.02.2022“ took minutes, and every warning named the first of
    them (line 3) – the others were lost as duplicates."""
    fields = "".join(f"Feld{i}: am 31.02.2022\n" for i in range(8_000))
    source = tmp_path / "viele.txt"
    source.write_text(SEED.read_text("utf-8").replace("Teilnehmende:", fields + "Teilnehmende:", 1))
    checked = run("check", source, timeout=30)
    assert_german(checked, 0, "viele.txt:3:11: warnung: Datum „31.02.2022“ gibt es nicht")
    assert "viele.txt:8002:14: warnung" in checked.err
    assert "8000 Warnungen" in checked.err


def test_thousands_of_control_characters_are_located_in_seconds(tmp_path: Path) -> None:
    """Each error's line was searched line by line from the top: 9,000 lines with an escape
    sequence pasted from a terminal took 25 seconds to check."""
    fields = "".join(f"Feld{i}: Wert {i} {'x' * 120}\x1b[31m rot\n" for i in range(9_000))
    source = tmp_path / "farbe.txt"
    source.write_text(SEED.read_text("utf-8").replace("Teilnehmende:", fields + "Teilnehmende:", 1))
    checked = run("check", source, timeout=15)
    assert_german(checked, 1, "farbe.txt:3:1: fehler: Steuerzeichen U+001B", "9000 Fehler")
    assert "farbe.txt:9002:1: fehler: Steuerzeichen U+001B Escape (ESC) im Text „Wert 8999" in (
        checked.err
    )


@pytest.mark.parametrize(
    "rows",
    [[[1]], [["a", "b", "c", "d", "e", "f"]], [[10**10, 0, 0, 10**10, False, "x"]], {"a": 1}],
)
def test_a_damaged_entry_of_the_termine_cache_is_read_again(tmp_path: Path, rows: object) -> None:
    """The cache was trusted row by row: a short row ended in „interner Fehler (ValueError: not
    enough values to unpack)“, others printed their garbage as appointments."""
    import json

    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = run("termine", "--alle", SEED, env=env)
    assert_german(first, 0, "Weihnachtsmarkt")
    cache = tmp_path / "cache" / "protokollkit" / "termine.json"
    stored = json.loads(cache.read_text("utf-8"))
    for entry in stored["entries"].values():
        entry[1] = rows
    cache.write_text(json.dumps(stored), "utf-8")
    again = run("termine", "--alle", SEED, env=env)
    assert_german(again, 0)
    assert again.out == first.out


def test_a_protocol_whose_name_is_not_utf8_is_sent_once(project: Path) -> None:
    """The send log is UTF-8: a file name with a Latin-1 byte (``m\\xfcll``) ended the send in
    „interner Fehler (UnicodeEncodeError …)“ before anything was sent or logged."""
    from tests.faults.smtp import FaultyServer

    server = FaultyServer()
    try:
        source = project / "archiv" / os.fsdecode(b"2022-11-10-m\xfcll.txt")
        (project / "archiv" / SEED.name).rename(source)
        (project / "verteiler.txt").write_text(VERTEILER, "utf-8")
        (project / "protokollkit.toml").write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\ntimeout = 5\n',
            "utf-8",
        )
        command = ("send", source, "--verteiler", "verteiler.txt", "--yes")
        assert_german(run(*command, cwd=project), 0, "Gesendet an 1 von 1")
        assert_german(run(*command, cwd=project), 1, "bereits am", "--force")
    finally:
        server.stop()
    assert server.delivered == [["maren@example.org"]]
    log = (project / "archiv" / "versand.log.jsonl").read_text("utf-8")
    assert '"protocol": "2022-11-10-m\\\\xfcll.txt"' in log


@pytest.mark.parametrize("command", [["suche", "Weihnachtsmarkt"], ["statistik"], ["website"]])
def test_an_archive_file_named_in_latin1_is_left_out_with_its_name(
    project: Path, command: list[str]
) -> None:
    """SQLite takes only UTF-8: one file name with a Latin-1 byte ended suche, statistik and
    website in „interner Fehler (UnicodeEncodeError …)“ – for the whole archive."""
    shutil.copyfile(SEED, project / "archiv" / os.fsdecode(b"2022-12-08-m\xfcll.txt"))
    guard = Unchanged(project / "archiv")
    result = run(*command, cwd=project)
    assert_german(result, 0, "archiv/2022-12-08-m\\xfcll.txt: fehler: Der Dateiname ist kein UTF-8")
    guard.check()


def test_new_shows_a_name_that_is_not_utf8_with_its_byte(project: Path) -> None:
    """„Neues Protokoll angelegt: archiv/2023-03-01-m\\udcfcll.txt“: Python's escape, where every
    other message shows the byte as ``\\xfc``."""
    (project / "archiv" / SEED.name).rename(
        project / "archiv" / os.fsdecode(b"2022-11-10-m\xfcll.txt")
    )
    result = run("new", "--datum", "1.3.2023", cwd=project)
    assert_german(result, 0, "Neues Protokoll angelegt: archiv/2023-03-01-m\\xfcll.txt")
    again = run("new", "--datum", "1.3.2023", cwd=project)
    assert_german(again, 1, "archiv/2023-03-01-m\\xfcll.txt gibt es schon")
    assert "udcfc" not in result.output + again.output


def test_an_unknown_format_for_standard_input_names_standard_input() -> None:
    """``convert - -f xyz`` blamed „<text>“, a name that appears nowhere else."""
    result = run("convert", "-", "-f", "xyz", input=SEED.read_bytes())
    assert_german(result, 1, "<stdin>: fehler: Unbekanntes Eingabeformat „xyz“")
    assert "<text>" not in result.output


def test_new_on_an_archive_that_is_a_file_says_so(project: Path) -> None:
    """„Archivordner „notiz.txt“ nicht gefunden.“ – it is there, but a file."""
    (project / "notiz.txt").write_text("x", "utf-8")
    result = run("new", "--archiv", "notiz.txt", cwd=project)
    assert_german(result, 1, "Archivordner „notiz.txt“ ist eine Datei, kein Ordner.")


def test_a_docx_with_a_part_twice_is_refused_as_ambiguous(tmp_path: Path) -> None:
    """Python's zipfile reads the last of two ``word/document.xml``, other programs the first:
    the protocol read was not the one Word shows (here: none at all, „Die Datei ist leer.“)."""
    import io
    import warnings
    import zipfile

    from tests.readers.test_pandoc import LEGACY

    original = zipfile.ZipFile(LEGACY / "reference.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doubled, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        for name in original.namelist():
            doubled.writestr(name, original.read(name))
        doubled.writestr("word/document.xml", b"<w:document/>")
    source = tmp_path / "doppelt.docx"
    source.write_bytes(buffer.getvalue())
    result = run("check", source)
    assert_german(result, 1, "doppelt.docx: fehler: Die Datei ist beschädigt: der Teil")
    assert "„word/document.xml“ steht zweimal" in result.err


def test_an_html_comment_in_markdown_is_named_not_dropped_silently(tmp_path: Path) -> None:
    """Markdown does not show ``<!-- … -->``, and the reader dropped it without a word: its
    text was neither in the model nor in a diagnostic."""
    source = tmp_path / "kommentar.md"
    source.write_text(
        "# Protokoll AG Wohnen 1.2.2023\n\n## 1 Thema\n\n- Punkt\n\n"
        "<!-- Nicht verschicken:\nMiete erhöht sich um 30 % -->\n",
        "utf-8",
    )
    result = run("check", source)
    assert_german(result, 0, "kommentar.md:7:1: warnung: HTML-Kommentar nicht übernommen")
    assert "„Nicht verschicken: Miete erhöht sich um 30 %“" in result.err


@pytest.mark.parametrize("epoch", ["99999999999999", "253402300800", "abc", "-1"])
def test_a_source_date_epoch_that_is_no_time_is_refused_in_german(
    tmp_path: Path, epoch: str
) -> None:
    """A timestamp after the year 9999 ended in „interner Fehler (ValueError: year 3170843 is
    out of range)“; one that was no number was ignored without a word (the clock was used, the
    build was not reproducible as asked)."""
    result = run("build", SEED, "-o", tmp_path / "aus", env={"SOURCE_DATE_EPOCH": epoch})
    assert_german(result, 1, f"SOURCE_DATE_EPOCH („{epoch}“) ist keine gültige Zeit")
    assert not (tmp_path / "aus").exists()


def _with_point(tmp_path: Path, point: str, name: str = "lang.txt") -> Path:
    """The reference protocol with one more point in its first item."""
    text = SEED.read_text("utf-8")
    anchor = "\n- Wühlmäuschen nimmt am Weihnachtsmarkt teil"
    assert anchor in text
    source = tmp_path / name
    source.write_text(text.replace(anchor, f"\n- {point}{anchor}", 1), "utf-8")
    return source


@pytest.mark.parametrize(
    "point", ["https://example.org/" + "a" * 9000, "Wort" + "a" * 20_000 + " Ende"]
)
def test_a_long_link_or_word_still_gives_a_pdf(tmp_path: Path, point: str) -> None:
    """Typst refuses links over 8,000 characters („URL is too long“) and PDF/A strings over
    32,767 bytes (one word of 16,384 characters): check said „0 Fehler“, then build failed
    with Typst's English words – blamed on the template."""
    import pypdf

    source = _with_point(tmp_path, point)
    assert_german(run("check", source), 0)
    assert_german(run("convert", source, "-t", "pdf", "-o", tmp_path / "p.pdf"), 0)
    pages = pypdf.PdfReader(tmp_path / "p.pdf").pages
    text = "".join(page.extract_text() for page in pages)
    assert (
        "".join(text.split())
        .replace("\u200b", "")
        .count("a" * 9000 if "https" in point else "a" * 20_000)
        == 1
    )


def test_a_title_as_long_as_a_chapter_is_refused_by_check_and_build(tmp_path: Path) -> None:
    """A first line of 450,000 characters became the title: check said „0 Fehler“, build laid
    it out for a minute and a half and failed with Typst's „a PDF string is longer than 32767
    characters“."""
    text = SEED.read_text("utf-8").split("\n", 1)[1]
    source = tmp_path / "titel.txt"
    source.write_text(f"Protokoll {'Stadtteiltisch ' * 2000}10.11.22\n{text}", "utf-8")
    checked = run("check", source)
    assert_german(checked, 1, "titel.txt:1:1: fehler: Die Überschrift „Protokoll Stadtteiltisch")
    assert "(höchstens 2000)" in checked.err
    built = run("build", source, "-o", tmp_path / "aus", timeout=30)
    assert_german(built, 1, "(höchstens 2000)")


def test_thousands_of_links_give_a_docx_in_seconds(tmp_path: Path) -> None:
    """python-docx looks for an equal relationship and a free id from the start for every new
    link: 20,000 links in a protocol took 216 seconds for the DOCX (and as long for the .eml)."""
    links = " ".join(f"[Seite {i}](https://example.org/{i})" for i in range(12_000))
    source = _with_point(tmp_path, links)
    result = run("convert", source, "-t", "docx", "-o", tmp_path / "p.docx", timeout=30)
    assert_german(result, 0)
    import docx

    document = docx.Document(str(tmp_path / "p.docx"))
    targets = {r.target_ref for r in document.part.rels.values() if r.is_external}
    assert {f"https://example.org/{i}" for i in range(12_000)} <= targets


def test_a_string_too_long_for_pdf_a_is_explained_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """„Typst meldet „PDF/A-2a error: a PDF string is longer than 32767 characters““, with the
    advice to give every image an alternative text – which had nothing to do with it."""
    from protokollkit import read
    from protokollkit.diagnostics import ProtokollkitError
    from protokollkit.writers.pdf import write_pdf
    from tests.writers.test_pdf import TEMPLATE

    template = TEMPLATE.read_text("utf-8")
    assert "  title(titel)\n" in template
    long_word = "  title(titel)\n  [" + "a" * 16_400 + "]\n"  # one PDF string of 32,800 bytes
    (tmp_path / "protokoll.typ").write_text(template.replace("  title(titel)\n", long_word))
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    with pytest.raises(ProtokollkitError) as caught:
        write_pdf(read(SEED))
    message = str(caught.value)
    assert "ein Text ist zu lang für ein archivierbares PDF" in message, message
    assert "Typst meldet" not in message and "Alternativtext" not in message


def test_new_never_replaces_a_link_where_its_file_belongs(project: Path) -> None:
    """``new`` promises never to overwrite: it asked ``exists()``, which is False for a symbolic
    link into nowhere, and then renamed its file over the link (and over a file made between
    the question and the rename)."""
    target = project / "archiv" / "2023-03-01-stadtteiltisch.txt"
    target.symlink_to("../entwurf/2023-03-01.txt")
    guard = Unchanged(project / "archiv")
    result = run("new", "--datum", "1.3.2023", cwd=project)
    assert_german(result, 1, "archiv/2023-03-01-stadtteiltisch.txt gibt es schon")
    guard.check()
    assert sorted(os.listdir(project / "archiv")) == [SEED.name, target.name]
    target.unlink()
    assert_german(run("new", "--datum", "1.3.2023", cwd=project), 0, "Neues Protokoll angelegt")
    assert target.read_text("utf-8").startswith("Protokoll Stadtteiltisch 01.03.23\n")
    assert sorted(os.listdir(project / "archiv")) == [SEED.name, target.name]
