"""OS errors reach the user in German and name the file concerned, never a temporary file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from protokollkit.files import OS_REASONS, FileError, os_reason, write_atomic


@pytest.mark.parametrize("number", sorted(OS_REASONS))
def test_every_known_os_error_has_a_german_reason(number: int) -> None:
    reason = os_reason(OSError(number, os.strerror(number)))
    assert reason and os.strerror(number) not in reason


def test_an_unknown_os_error_shows_its_number_not_its_english_text() -> None:
    reason = os_reason(OSError(errno.ECHILD, os.strerror(errno.ECHILD)))
    assert str(errno.ECHILD) in reason and "child" not in reason.lower()


def test_a_write_below_a_file_names_the_target(tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("x", "utf-8")
    with pytest.raises(FileError) as caught:
        write_atomic(blocker / "p.pdf", b"%PDF")
    message = str(caught.value)
    assert message.startswith(str(blocker / "p.pdf"))
    assert "kein Ordner" in message and ".tmp" not in message
