"""A small archive for the archive tests: the reference protocol and three more."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED

PROTOCOLS = {
    "2021-12-09-stadtteiltisch.txt": """Protokoll Stadtteiltisch 09.12.21

Teilnehmende: Kathrin Krug (SBZ), Marén Wiese (Stadtteilmanagement),
Dirk Malner (WIRO KundenCenter), Jörg Utpatel

1 Aktuelles aus den Einrichtungen

Kathrin Krug, SBZ

- Die Weihnachtsmärkte im Nordwesten waren gut besucht
- Kontakt über kathrin.krug@example.org

Dirk Malner, WIRO KundenCenter

- Sanierung in der Straße Gerüstbauerring beginnt im Frühjahr

2 Sommerfest 2022

- Planung beginnt im Februar, wer möchte mitmachen?

Nächster Termin: 13.01.2022
""",
    "2023-01-12-stadtteiltisch.txt": """Protokoll Stadtteiltisch 12.01.23

Teilnehmende: Kathrin Krug (SBZ), Marén Wiese (Stadtteilmanagement), Iris Drenkhahn (Ortsbeirat)

1 Aktuelles aus den Einrichtungen

Marén Wiese, Stadtteilmanagement

- Fläche Troika: Entscheidung noch offen
- Frühjahrsputz am 25.3.2023 von 10-13 Uhr im Signalgastweg

Iris Drenkhahn, Ortsbeirat

- Strassenfest wird beantragt

Nächster Termin: 9.2.2023, 14 Uhr, SBZ
""",
}
"""Protocols beside the reference protocol (2022-11-10), in the canonical layout."""

LATER = (
    "2023-02-09-stadtteiltisch.txt",
    """Protokoll Stadtteiltisch 09.02.23

Teilnehmende: Kathrin Krug (SBZ), Lucia Ziegler (Tafel)

1 Aktuelles aus den Einrichtungen

Lucia Ziegler, Tafel

- Neue Ausgabestelle ab 1.3.2023 im Bürgerhaus
- Weihnachtsmarkt-Erlös geht an die Tafel

Nächster Termin: 9.3.2023
""",
)
"""A protocol added later (for the incremental tests)."""


def make_archive(folder: Path) -> Path:
    """Write the small archive into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    for name, text in PROTOCOLS.items():
        (folder / name).write_text(text, "utf-8")
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A fresh copy of the small archive."""
    return make_archive(tmp_path / "archiv")
