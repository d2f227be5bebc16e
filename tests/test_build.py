"""`protokollkit build` and `make protokoll`: every format, written once, rebuilt only on change."""

from __future__ import annotations

import email.parser
import email.policy
import shutil
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

import protokollkit
from protokollkit.build import OUTPUTS, Output, build, render
from protokollkit.cli import main
from protokollkit.diagnostics import ProtokollkitError
from protokollkit.writers import now
from protokollkit.writers.email import write_email_body
from protokollkit.writers.ics import write_ics
from protokollkit.writers.pdf import write_pdf
from tests.conftest import ROOT, SEED
from tests.writers.conftest import typographic

runner = CliRunner()
NAMES = [f"2022-11-10-stadtteiltisch{suffix}" for suffix in (".docx", ".md", ".pdf", ".email.txt",
                                                              ".ics", ".eml")]  # fmt: skip


@pytest.fixture(autouse=True)
def project_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds read the project's vorlagen/ unless a test says otherwise."""
    monkeypatch.delenv("PROTOKOLLKIT_VORLAGEN", raising=False)
    monkeypatch.chdir(ROOT)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "archiv" / SEED.name
    path.parent.mkdir()
    shutil.copy(SEED, path)
    return path


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def parse_eml(path: Path) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def test_build_writes_every_format(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1668038400")  # the .ics's DTSTAMP, reproducibly
    out = tmp_path / "ausgabe"
    result = runner.invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*NAMES, ".2022-11-10-stadtteiltisch.build.json"]
    )
    for name in NAMES:
        assert f"geschrieben: {out / name}" in result.stdout
    assert "Fertig: 6 Dateien" in result.stdout

    protocol = protokollkit.read(source)
    stem = out / "2022-11-10-stadtteiltisch"
    assert Path(f"{stem}.md").read_text("utf-8") == protokollkit.write(protocol, "markdown")
    assert Path(f"{stem}.email.txt").read_text("utf-8") == write_email_body(protocol)
    assert Path(f"{stem}.pdf").read_bytes() == write_pdf(protocol)
    assert Path(f"{stem}.ics").read_bytes() == write_ics(protocol, stamp=now()).encode("utf-8")
    assert "SUMMARY:Weihnachtsverkauf\n" in Path(f"{stem}.ics").read_text("utf-8")
    assert protokollkit.read(Path(f"{stem}.docx")) == typographic(protocol)  # ’ in Word
    assert protokollkit.read(Path(f"{stem}.md")) == protocol


def test_eml_attaches_exactly_the_files_of_the_same_build(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    build(source, out)
    stem = out / "2022-11-10-stadtteiltisch"
    message = parse_eml(Path(f"{stem}.eml"))
    parts = list(message.iter_attachments())
    assert [part.get_payload(decode=True) for part in parts] == [
        Path(f"{stem}.docx").read_bytes(),
        Path(f"{stem}.pdf").read_bytes(),
        Path(f"{stem}.ics").read_bytes(),  # the same DTSTAMP: the .eml does not render it again
    ]
    assert [part.get_content_type() for part in parts][2] == "text/calendar"
    assert parts[2].get_filename() == "Protokoll Stadtteiltisch 2022-11-10.ics"
    assert message["X-Unsent"] == "1"


CALENDAR = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX-LAUF:dieser\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_eml_of_a_build_attaches_the_rendered_bytes_it_is_given() -> None:
    protocol = protokollkit.read(SEED)
    done: dict[str, str | bytes] = {
        "docx": b"PK-aus-diesem-Lauf",
        "pdf": b"%PDF-aus-diesem-Lauf",
        "ics": CALENDAR,
        "email": "Text aus diesem Lauf\n",
    }
    data = render(protocol, Output("eml", ".eml"), done, now())
    assert isinstance(data, bytes)
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    assert [part.get_payload(decode=True) for part in message.iter_attachments()] == [
        b"PK-aus-diesem-Lauf",
        b"%PDF-aus-diesem-Lauf",
        CALENDAR.encode("utf-8"),
    ]
    plain = message.get_body(preferencelist=("plain",))
    assert plain is not None and plain.get_content().rstrip() == "Text aus diesem Lauf"


def test_eml_of_a_protocol_without_appointments_attaches_no_ics(tmp_path: Path) -> None:
    source = tmp_path / "ohne-termine.txt"
    source.write_text(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\nKathrin Krug, SBZ\n\n"
        "- Blumenrabatte wird neu bepflanzt\n\nNächster Termin: noch offen\n",
        "utf-8",
    )
    out = tmp_path / "ausgabe"
    build(source, out)
    message = parse_eml(out / "ohne-termine.eml")
    assert [part.get_filename() for part in message.iter_attachments()] == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
    ]
    body = message.get_body(("plain",))
    assert body is not None and "Termine" not in body.get_content().splitlines()


def test_second_build_without_changes_rebuilds_nothing(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    runner.invoke(main, ["build", str(source), "-o", str(out)])
    before = stamps(out)
    result = runner.invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 0
    assert "Nichts zu tun" in result.stdout
    assert "geschrieben" not in result.stdout
    assert stamps(out) == before


def test_force_rebuilds_everything(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    build(source, out)
    result = runner.invoke(main, ["build", str(source), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert result.stdout.count("geschrieben: ") == len(OUTPUTS)


def test_changed_input_is_rebuilt(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    build(source, out)
    source.write_text(source.read_text("utf-8").replace("noch offen", "12.01.2023"), "utf-8")
    result = build(source, out)
    assert not result.up_to_date
    assert "12.01.2023" in (out / "2022-11-10-stadtteiltisch.md").read_text("utf-8")
    assert build(source, out).up_to_date


def test_changed_template_is_rebuilt(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vorlagen = tmp_path / "vorlagen"
    shutil.copytree(ROOT / "vorlagen", vorlagen)
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(vorlagen))
    out = tmp_path / "ausgabe"
    build(source, out)
    assert build(source, out).up_to_date
    template = vorlagen / "email.txt"
    template.write_text(template.read_text("utf-8").replace("Hallo zusammen", "Moin"), "utf-8")
    assert not build(source, out).up_to_date
    assert (out / "2022-11-10-stadtteiltisch.email.txt").read_text("utf-8").startswith("Moin,")


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_missing_or_edited_output_is_rebuilt(source: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "ausgabe"
    build(source, out)
    pdf = out / "2022-11-10-stadtteiltisch.pdf"
    if damage == "delete":
        pdf.unlink()
    else:
        pdf.write_bytes(b"kaputt")
    assert not build(source, out).up_to_date
    assert pdf.read_bytes().startswith(b"%PDF")


def test_reader_warnings_are_printed(tmp_path: Path) -> None:
    source = tmp_path / "p.txt"
    source.write_text(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\nDas ist ein Satz.\n\nTOP 3 Ende\n",
        "utf-8",
    )
    result = runner.invoke(main, ["build", str(source), "-o", str(tmp_path / "aus")])
    assert result.exit_code == 0, result.output
    assert f"{source}:7:1: warnung: Tagesordnungspunkt 3 folgt auf 1." in result.stderr
    assert (tmp_path / "aus" / "p.pdf").exists()


def test_bad_input_is_one_german_message_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "leer.txt"
    source.write_bytes(b"")
    out = tmp_path / "aus"
    result = runner.invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{source}: fehler: Die Datei ist leer." in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_build_refuses_to_overwrite_its_input(source: Path) -> None:
    markdown = source.with_suffix(".md")
    markdown.write_text(str(protokollkit.write(protokollkit.read(source), "markdown")), "utf-8")
    with pytest.raises(ProtokollkitError, match="würde die Eingabe überschreiben"):
        build(markdown, markdown.parent)


def test_default_output_folder_is_ausgabe(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", str(source)])
    assert result.exit_code == 0, result.output
    assert sorted(
        p.name for p in (tmp_path / "ausgabe").iterdir() if p.suffix != ".json"
    ) == sorted(NAMES)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "eml"])
def test_convert_writes_binary_formats_with_o(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"p.{fmt}"
    result = runner.invoke(main, ["convert", str(SEED), "-t", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith({"pdf": b"%PDF", "docx": b"PK", "eml": b"Subject: Protokoll"}[fmt])


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_protokoll_builds_once(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    # -o: take the virtual environment as installed (no pip, no network in tests).
    command = ["make", "-s", "-o", ".venv/.installed", "protokoll", f"PROTOKOLL={SEED}",
               f"AUSGABE={out}"]  # fmt: skip
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(NAMES)
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert "Nichts zu tun" in second.stdout


def test_invalid_verteiler_stops_the_build_with_file_and_line(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vorlagen = tmp_path / "vorlagen"
    shutil.copytree(ROOT / "vorlagen", vorlagen)
    verteiler = vorlagen / "verteiler.txt"
    verteiler.write_text("Erika <erika@example.org>\nMax <max@@example.org>\n", "utf-8")
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(vorlagen))
    out = tmp_path / "ausgabe"
    result = runner.invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{verteiler}:2:1: fehler: Ungültige E-Mail-Adresse „max@@example.org“" in result.stderr
    assert not out.exists()


def test_build_of_a_folder_reads_the_chosen_protocol_once(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import protokollkit.readers.text as text_reader

    calls: list[str] = []
    read = text_reader.read_text_bytes

    def counted(data: bytes, name: str) -> protokollkit.Protocol:
        calls.append(name)
        return read(data, name)

    monkeypatch.setattr(text_reader, "read_text_bytes", counted)
    result = runner.invoke(main, ["build", str(source.parent), "-o", str(tmp_path / "ausgabe")])
    assert result.exit_code == 0, result.output
    assert len(calls) == 1
    assert sorted(p.name for p in (tmp_path / "ausgabe").iterdir() if p.name[0] != ".") == sorted(
        NAMES
    )
