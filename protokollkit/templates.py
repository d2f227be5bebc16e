"""Where the templates (``vorlagen/``) are found: the user's folder first, then the project's."""

from __future__ import annotations

import os
from pathlib import Path

from protokollkit.diagnostics import ProtokollkitError


def _packaged() -> Path:
    """The templates shipped with protokollkit (package data, also in an installed wheel):
    beside this module, as ``importlib.resources.files`` finds them for a package on disk
    (without its import, which every command would pay)."""
    return Path(__file__).parent / "vorlagen"


PROJECT_VORLAGEN = _packaged()
"""``protokollkit/vorlagen``: in the project a link to ``vorlagen/``, installed a real folder."""


def vorlagen_dirs() -> list[Path]:
    """Search order: ``$PROTOKOLLKIT_VORLAGEN``, ``./vorlagen``, the project's ``vorlagen/``."""
    dirs = []
    if os.environ.get("PROTOKOLLKIT_VORLAGEN"):
        dirs.append(Path(os.environ["PROTOKOLLKIT_VORLAGEN"]))
    dirs.append(Path.cwd() / "vorlagen")
    dirs.append(PROJECT_VORLAGEN)
    return dirs


def vorlage(name: str) -> Path:
    """The path of template ``name`` (e.g. ``protokoll.docx``), or a German error."""
    for folder in vorlagen_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in vorlagen_dirs())
    raise ProtokollkitError(f"Vorlage „{name}“ nicht gefunden (gesucht in: {searched}).")
