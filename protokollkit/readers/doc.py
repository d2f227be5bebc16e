"""Word 97–2003 documents (.doc): LibreOffice converts them to .docx, which the .docx reader
reads (the registry in :mod:`protokollkit.readers` joins the two; this module reads nothing).

``soffice --headless --convert-to docx`` runs in a temporary directory with its own user
profile (so several conversions can run at once and none touches the user's LibreOffice), with a
timeout, and the whole directory is removed afterwards, whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from protokollkit.diagnostics import error
from protokollkit.safety import OLE2_SIGNATURE, PASSWORD_MESSAGE, check_size, is_encrypted_ooxml

SOFFICE_TIMEOUT = 120.0
"""Seconds LibreOffice may take to convert one document (its first start is the slowest)."""

WORD_STREAM = "WordDocument".encode("utf-16-le")
"""The name of the stream every Word 6–2003 document holds, as its OLE2 directory spells it."""

INSTALL_HINT = (
    "Für .doc-Dateien (Word 97–2003) wird LibreOffice gebraucht, es ist aber nicht installiert. "
    "Installieren mit: sudo apt-get install libreoffice-writer-nogui "
    "(oder das Dokument in Word/LibreOffice als .docx speichern)."
)


def find_soffice() -> str | None:
    """The LibreOffice program (``soffice`` or ``libreoffice``) on the PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, source: str, timeout: float = SOFFICE_TIMEOUT) -> bytes:
    """The .docx that LibreOffice makes of a .doc (the bytes; no file is left behind).

    Registered in :data:`protokollkit.readers.FORMATS` as the ``doc`` format's converter; which
    files come here decides :func:`protokollkit.readers.sniff.sniff` (OLE2, not encrypted).
    """
    check_size(data, source)
    if not data.startswith(OLE2_SIGNATURE):
        raise error("Die Datei ist kein Word-Dokument (.doc): unbekannter Dateianfang.", source)
    if is_encrypted_ooxml(data):
        raise error(PASSWORD_MESSAGE, source)
    if WORD_STREAM not in data:
        # Another OLE2 file (Excel, Outlook, random bytes after the signature): LibreOffice
        # would import it as text and make a protocol of its bytes.
        raise error(
            "Die Datei ist kein Word-Dokument (.doc): der Word-Teil „WordDocument“ fehlt "
            "(beschädigt, oder ein anderes Office-Format wie Excel?).",
            source,
        )
    soffice = find_soffice()
    if soffice is None:
        raise error(INSTALL_HINT, source)
    with tempfile.TemporaryDirectory(prefix="protokollkit-doc-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        document = work / "in" / "dokument.doc"
        document.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(document),
        ]
        (work / "tmp").mkdir()
        # LibreOffice's temporary files go into the folder removed afterwards too; a TMPDIR
        # that is a file would otherwise be replaced by a folder (LibreOffice "repairs" it).
        private = str(work / "tmp")
        env = {**os.environ, "HOME": str(work), "TMPDIR": private, "TMP": private, "TEMP": private}
        _run(command, env, timeout, source)
        result = work / "out" / "dokument.docx"
        if not result.exists():
            raise error(
                "LibreOffice konnte das Dokument nicht umwandeln (beschädigt oder "
                "passwortgeschützt?).",
                source,
            )
        return result.read_bytes()


def _run(command: list[str], env: dict[str, str], timeout: float, source: str) -> None:
    """Run LibreOffice in its own process group, so a timeout ends all of its processes."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        from protokollkit.files import display, os_reason

        raise error(
            f"LibreOffice kann nicht gestartet werden: {display(command[0])}: {os_reason(exc)}.",
            source,
        ) from None
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise error(
            f"LibreOffice hat das Dokument nach {timeout:g} s nicht umgewandelt; abgebrochen.",
            source,
        ) from None
    finally:
        # After a timeout or an interrupt, and soffice.bin can outlive the launcher: nothing
        # of ours may keep running.
        _kill_group(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """End every process of the group and wait for the launcher (a second ``communicate``
    after a finished one only waits)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
