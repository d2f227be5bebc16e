"""The .doc reader (Word 97–2003) through the real LibreOffice.

Skipped only where ``soffice`` is missing *and* the environment variable CI is unset: ``.ci/run``
installs LibreOffice and sets CI, so in CI these tests always run (and fail without LibreOffice).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import protokollkit
from protokollkit.diagnostics import ParseError
from protokollkit.model import Protocol
from protokollkit.readers import read_bytes
from protokollkit.readers.doc import convert_to_docx, find_soffice
from protokollkit.readers.docx import read_docx
from protokollkit.safety import OLE2_SIGNATURE
from tests.readers.test_pandoc import LEGACY, PROTOCOLS, expected, model


def read_doc(data: bytes, source: str) -> Protocol:
    """Read bytes named .doc the way ``protokollkit.read`` does (the content decides)."""
    return read_bytes(data, source, "doc")


needs_soffice = pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) ist nicht installiert (in CI läuft dieser Test immer)",
)


@needs_soffice
@pytest.mark.parametrize("name", PROTOCOLS)
def test_doc_fixture_imports_to_its_expected_model(name: str) -> None:
    protocol = protokollkit.read(LEGACY / f"{name}.doc")
    assert model(protocol) == expected(name)
    assert all(d.source.endswith(f"{name}.doc") for d in protocol.diagnostics)


@needs_soffice
def test_same_protocol_from_doc_and_docx_gives_the_same_model() -> None:
    assert protokollkit.read(LEGACY / "habits.doc") == protokollkit.read(LEGACY / "habits.docx")


@needs_soffice
def test_conversion_leaves_no_temporary_files_or_profile(private_tmp: Path) -> None:
    protokollkit.read(LEGACY / "table_participants.doc")
    with pytest.raises(ParseError):
        read_doc(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, "kaputt.doc")
    assert list(private_tmp.iterdir()) == []


@needs_soffice
def test_a_word_97_file_named_docx_is_converted_by_libreoffice(tmp_path: Path) -> None:
    renamed = tmp_path / "eigentlich_doc.docx"
    renamed.write_bytes((LEGACY / "habits.doc").read_bytes())
    assert model(protokollkit.read(renamed)) == expected("habits")


@needs_soffice
def test_broken_doc_gives_a_german_error_not_a_traceback() -> None:
    data = (LEGACY / "reference.doc").read_bytes()
    damaged = data[:512] + b"\x00" * (20480 - 512) + data[20480:]  # directory kept, streams gone
    with pytest.raises(ParseError, match="LibreOffice konnte das Dokument nicht umwandeln"):
        read_doc(damaged, "kaputt.doc")


@pytest.mark.parametrize("seed", range(3))
def test_an_ole2_file_without_a_word_part_is_no_protocol(seed: int) -> None:
    """LibreOffice imported such a file as text: a "protocol" of random characters."""
    body = random.Random(seed).randbytes(5000)
    for data in (OLE2_SIGNATURE + b"\x00" * 4000, OLE2_SIGNATURE + body):
        with pytest.raises(ParseError, match=r"kein Word-Dokument.*„WordDocument“ fehlt"):
            read_doc(data, "zufall.doc")


@needs_soffice
def test_timeout_stops_libreoffice_and_cleans_up(private_tmp: Path) -> None:
    data = (LEGACY / "reference.doc").read_bytes()
    with pytest.raises(ParseError, match="abgebrochen"):
        convert_to_docx(data, "langsam.doc", timeout=0.05)
    assert list(private_tmp.iterdir()) == []


def test_missing_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ParseError, match="apt-get install libreoffice-writer-nogui") as info:
        protokollkit.read(LEGACY / "habits.doc")
    assert info.value.diagnostics[0].source.endswith("habits.doc")


def test_doc_that_is_really_a_docx_or_rtf_is_read_without_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice: it must not be needed
    docx = read_doc((LEGACY / "habits.docx").read_bytes(), "habits.doc")
    rtf = read_doc((LEGACY / "habits.rtf").read_bytes(), "habits.doc")
    assert docx == rtf == read_docx((LEGACY / "habits.docx").read_bytes(), "habits.docx")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leer"),
        (b"Hallo Welt, kein Word", "kein Word-Dokument"),
        ((LEGACY / "password.docx").read_bytes(), "Passwort"),
    ],
)
def test_doc_bad_input_gives_a_german_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_doc(data, "x.doc")
