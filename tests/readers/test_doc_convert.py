"""The .doc conversion without LibreOffice: the checks before it runs, its command line and
environment, its failures and timeout, and the cleaning up — with a small stand-in program
(a shell script named ``soffice`` first on the PATH) where LibreOffice would run.

The real LibreOffice converts the fixtures in ``tests/readers/test_doc.py``; this file is what
the ``doc`` target of ``benchmarks/mutation.py`` runs for every mutant (milliseconds each).
"""

from __future__ import annotations

import os
import signal
import stat
import time
from pathlib import Path

import pytest

from protokollkit.diagnostics import ParseError
from protokollkit.files import MAX_INPUT_BYTES
from protokollkit.readers import read_bytes
from protokollkit.readers.doc import (
    INSTALL_HINT,
    SOFFICE_TIMEOUT,
    WORD_STREAM,
    convert_to_docx,
    find_soffice,
)
from protokollkit.readers.docx import read_docx
from protokollkit.safety import OLE2_SIGNATURE, PASSWORD_MESSAGE
from tests.conftest import TESTS

DOC = OLE2_SIGNATURE + b"\x00" * 100 + WORD_STREAM + b"\x00" * 100
"""The smallest bytes that pass as a Word 97 document: the signature and the Word stream."""

FIXED = [
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--nodefault",
    "--convert-to",
    "docx:MS Word 2007 XML",
    "--outdir",
]
"""LibreOffice's options after the profile: no window, no recovery, no lock, no start centre."""


def program(folder: Path, name: str, script: str) -> Path:
    """An executable shell script ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


CONVERT = """
printf '%s\\n' "$0" "$@" >> "$STANDIN_LOG"
printf '%s\\n' "$HOME" "$TMPDIR" "$TMP" "$TEMP" >> "$STANDIN_LOG.env"
test -d "$TMPDIR" || echo "TMPDIR fehlt" >> "$STANDIN_LOG.env"
for a in "$@"; do outdir="$last"; last="$a"; done
cp "$last" "$STANDIN_LOG.input"
cp "${STANDIN_DOCX:-$last}" "$outdir/dokument.docx"
"""
"""Records its arguments, environment and input, and writes the .docx (``STANDIN_DOCX``, or
the input itself) where LibreOffice would."""


@pytest.fixture
def soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in's folder, first on the PATH; its log is ``tmp_path/log``."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("STANDIN_LOG", str(tmp_path / "log"))
    return folder


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its parent counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def ended(pid: int) -> bool:
    deadline = time.monotonic() + 3
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not alive(pid)


# --- which program -----------------------------------------------------------------------------


def test_soffice_is_preferred_then_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only = program(tmp_path / "a", "libreoffice", "exit 0")
    program(tmp_path / "b", "soffice", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "a"))
    assert find_soffice() == str(only)
    monkeypatch.setenv("PATH", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    assert find_soffice() == str(tmp_path / "b" / "soffice")
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    assert find_soffice() is None


def test_missing_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ParseError) as info:
        convert_to_docx(DOC, "alt.doc")
    assert [(d.message, d.source) for d in info.value.diagnostics] == [(INSTALL_HINT, "alt.doc")]
    assert "apt-get install libreoffice-writer-nogui" in INSTALL_HINT


# --- what is refused before LibreOffice runs -----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Die Datei ist leer (0 Bytes)."),
        (
            b"PK\x03\x04 ein zip",
            "Die Datei ist kein Word-Dokument (.doc): unbekannter Dateianfang.",
        ),
        (OLE2_SIGNATURE + "EncryptedPackage".encode("utf-16-le"), PASSWORD_MESSAGE),
        (
            OLE2_SIGNATURE + b"\x00" * 64 + "Workbook".encode("utf-16-le"),
            "Die Datei ist kein Word-Dokument (.doc): der Word-Teil „WordDocument“ fehlt "
            "(beschädigt, oder ein anderes Office-Format wie Excel?).",
        ),
    ],
)
def test_what_is_no_word_97_document_is_refused_before_libreoffice(
    soffice: Path, tmp_path: Path, data: bytes, message: str
) -> None:
    program(soffice, "soffice", 'touch "$STANDIN_LOG"; exit 1')
    with pytest.raises(ParseError) as info:
        convert_to_docx(data, "x.doc")
    assert [(d.message, d.source) for d in info.value.diagnostics] == [(message, "x.doc")]
    assert not (tmp_path / "log").exists()


def test_an_encrypted_package_is_refused_even_with_a_word_stream(soffice: Path) -> None:
    program(soffice, "soffice", CONVERT)
    with pytest.raises(ParseError, match="Passwort"):
        convert_to_docx(DOC + "EncryptedPackage".encode("utf-16-le"), "x.doc")


def test_too_large_a_document_is_refused(soffice: Path, tmp_path: Path) -> None:
    program(soffice, "soffice", CONVERT)
    data = DOC + b"\x00" * (MAX_INPUT_BYTES - len(DOC) + 1)
    with pytest.raises(ParseError, match="zu groß"):
        convert_to_docx(data, "riesig.doc")
    assert not (tmp_path / "log").exists()
    assert convert_to_docx(data[:MAX_INPUT_BYTES], "gross.doc") == data[:MAX_INPUT_BYTES]


# --- LibreOffice's command line and environment --------------------------------------------------


def test_libreoffice_converts_in_a_private_folder_that_is_removed(
    soffice: Path, tmp_path: Path, private_tmp: Path
) -> None:
    standin = program(soffice, "soffice", CONVERT)
    assert convert_to_docx(DOC, "alt.doc") == DOC
    arguments = (tmp_path / "log").read_text("utf-8").splitlines()
    work = Path(arguments[-2]).parent
    assert arguments == [
        str(standin),
        f"-env:UserInstallation={(work / 'profil').as_uri()}",
        *FIXED,
        str(work / "out"),
        str(work / "in" / "dokument.doc"),
    ]
    assert work.parent == private_tmp and work.name.startswith("protokollkit-doc-")
    home, *temporary = (tmp_path / "log.env").read_text("utf-8").splitlines()
    assert (home, temporary) == (str(work), [str(work / "tmp")] * 3)
    assert (tmp_path / "log.input").read_bytes() == DOC
    assert list(private_tmp.iterdir()) == []


def test_a_doc_is_read_as_the_docx_libreoffice_makes_of_it(
    soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = TESTS / "fixtures" / "legacy" / "habits.docx"
    monkeypatch.setenv("STANDIN_DOCX", str(docx))
    program(soffice, "soffice", CONVERT)
    protocol = read_bytes(DOC, "habits.doc", "doc")
    assert protocol == read_docx(docx.read_bytes(), "habits.docx")
    assert protocol.items


def test_no_result_gives_a_german_error_and_leaves_nothing(
    soffice: Path, private_tmp: Path
) -> None:
    program(soffice, "soffice", "echo 'Error: source file could not be loaded' >&2; exit 0")
    with pytest.raises(ParseError) as info:
        convert_to_docx(DOC, "kaputt.doc")
    assert [(d.message, d.source) for d in info.value.diagnostics] == [
        (
            "LibreOffice konnte das Dokument nicht umwandeln (beschädigt oder passwortgeschützt?).",
            "kaputt.doc",
        )
    ]
    assert list(private_tmp.iterdir()) == []


def test_libreoffice_that_cannot_start_gives_a_german_error(soffice: Path) -> None:
    standin = soffice / "soffice"
    standin.write_text("#!/gibt/es/nicht\n", encoding="utf-8")
    standin.chmod(0o755)
    with pytest.raises(ParseError) as info:
        convert_to_docx(DOC, "alt.doc")
    [diagnostic] = info.value.diagnostics
    assert diagnostic.message.startswith(f"LibreOffice kann nicht gestartet werden: {standin}: ")
    assert diagnostic.message.endswith(".") and diagnostic.source == "alt.doc"


def test_timeout_stops_libreoffice_and_all_it_started(
    soffice: Path, tmp_path: Path, private_tmp: Path
) -> None:
    program(
        soffice,
        "soffice",
        'sleep 30 & echo $! > "$STANDIN_LOG.pid"; echo $$ > "$STANDIN_LOG.self"; exec sleep 30',
    )
    started = time.monotonic()
    with pytest.raises(ParseError) as info:
        convert_to_docx(DOC, "langsam.doc", timeout=0.5)
    assert time.monotonic() - started < 10
    assert [(d.message, d.source) for d in info.value.diagnostics] == [
        ("LibreOffice hat das Dokument nach 0.5 s nicht umgewandelt; abgebrochen.", "langsam.doc")
    ]
    assert ended(int((tmp_path / "log.pid").read_text()))
    launcher = int((tmp_path / "log.self").read_text())
    assert not Path(f"/proc/{launcher}").exists()  # ended and waited for: not even a zombie
    assert list(private_tmp.iterdir()) == []


def test_processes_libreoffice_leaves_behind_are_ended(soffice: Path, tmp_path: Path) -> None:
    """``soffice`` starts ``soffice.bin``, which can outlive it."""
    program(soffice, "soffice", CONVERT + 'sleep 30 >/dev/null 2>&1 & echo $! > "$STANDIN_LOG.pid"')
    assert convert_to_docx(DOC, "alt.doc") == DOC
    assert ended(int((tmp_path / "log.pid").read_text()))


def test_libreoffice_has_two_minutes_by_default() -> None:
    assert SOFFICE_TIMEOUT == 120.0


def test_libreoffice_output_is_not_shown(soffice: Path, capfd: pytest.CaptureFixture[str]) -> None:
    program(soffice, "soffice", CONVERT + "echo 'convert dokument.doc'; echo 'Warnung' >&2")
    assert convert_to_docx(DOC, "alt.doc") == DOC
    assert capfd.readouterr() == ("", "")


class Interrupted(BaseException):
    """What a Ctrl+C (KeyboardInterrupt) does: a BaseException in the middle of the wait."""


def test_an_interrupt_during_the_conversion_ends_libreoffice(
    soffice: Path, tmp_path: Path, private_tmp: Path
) -> None:
    program(soffice, "soffice", 'sleep 30 & echo $! > "$STANDIN_LOG.pid"; exec sleep 30')

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with pytest.raises(Interrupted):
            convert_to_docx(DOC, "alt.doc", timeout=20)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert ended(int((tmp_path / "log.pid").read_text()))
    assert list(private_tmp.iterdir()) == []
