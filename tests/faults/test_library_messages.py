"""Library internals never reach the user: pandoc, the JSON and TOML parsers, getpass."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokollkit.config import parse_settings
from protokollkit.diagnostics import ParseError
from protokollkit.readers.json import read_json
from protokollkit.readers.pandoc import pandoc_failure
from tests.conftest import SEED
from tests.faults.conftest import assert_german, run
from tests.send.conftest import USER, Server, Tls, smtp_server, starttls_server, tls

__all__ = ["smtp_server", "starttls_server", "tls"]  # fixtures used here

ENGLISH_WORDS = (
    "Expected",
    "Expecting",
    "Invalid",
    "Unclosed",
    "Cannot",
    "Illegal",
    "Unterminated",
)


@pytest.mark.parametrize(
    ("stderr", "fmt", "german"),
    [
        (
            b"pandoc: Heap exhausted;\nUse `+RTS -M<size>' to increase it.",
            "docx",
            "Arbeitsspeicher",
        ),
        (
            b"pandoc: DocxError\nCallStack (from HasCallStack):\n  error, called at",
            "docx",
            "beschädigt",
        ),
        (b"UnresolvedEntityException", "docx", "beschädigt"),
        (b"throw, called at src/Text/Pandoc/Readers/ODT.hs: encrypted", "odt", "Passwort"),
        (b"unexpected end of input\n   |\n 1 | {\\rtf1\n   |       ^", "rtf", "beschädigt"),
    ],
)
def test_pandoc_failures_are_german(stderr: bytes, fmt: str, german: str) -> None:
    message = pandoc_failure(stderr, fmt)
    assert german in message
    for internal in ("Heap", "RTS", "Docx", "Exception", "called at", "^", "unexpected"):
        assert internal not in message


@pytest.mark.parametrize(
    "text",
    [
        '[smtp]\nhost "x"\n',
        "[smtp\n",
        '[smtp]\nhost = "x\n',
        "[smtp]\nhost = x\n",
        "[smtp]\na = [1,\n",
        '[smtp]\nhost = "a"\nhost = "b"\n',
        "[smtp]\nhost = 1979-13-45\n",
        "= 1\n",
    ],
)
def test_toml_syntax_errors_are_german(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_settings(text, "protokollkit.toml")
    message = str(caught.value)
    assert "Keine gültige TOML-Datei" in message
    assert not any(word in message for word in ENGLISH_WORDS), message


@pytest.mark.parametrize(
    "text",
    ['{"a" 1}', "{'a': 1}", '{"a": "x', '{"a": "\\q"}', '{"a": "\\u12"}', "[1] x", "", '{"a": 1,}'],
)
def test_json_syntax_errors_are_german(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_json(text, "p.json")
    message = str(caught.value)
    assert "Ungültiges JSON" in message
    assert not any(word in message for word in ENGLISH_WORDS), message


def test_no_terminal_for_the_password_gives_a_german_hint(
    tmp_path: Path, starttls_server: Server, tls: Tls
) -> None:
    archiv = tmp_path / "archiv"
    archiv.mkdir()
    (archiv / SEED.name).write_bytes(SEED.read_bytes())
    (tmp_path / "verteiler.txt").write_text("Absender: a@example.org\nb@example.org\n", "utf-8")
    (tmp_path / "protokollkit.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {starttls_server.port}\nuser = "{USER}"\n'
        f'cafile = "{tls.cafile}"\ntimeout = 5\n',
        "utf-8",
    )
    result = run(
        "send", "archiv/" + SEED.name, "--verteiler", "verteiler.txt", "--yes", cwd=tmp_path
    )
    assert_german(result, 1, "PROTOKOLLKIT_SMTP_PASSWORD")
    assert "GetPassWarning" not in result.output and "echoed" not in result.output
    assert starttls_server.handler.messages == []
