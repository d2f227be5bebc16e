"""The layers stay apart: writers and the appointment code never import the reader side."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "protokollkit"
READER_SIDE = ("protokollkit.layout", "protokollkit.readers", "protokollkit.annotations")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_writers_and_termine_do_not_import_the_reader_side() -> None:
    modules = [*sorted((PACKAGE / "writers").glob("*.py")), PACKAGE / "termine.py"]
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules
        for name in imports_of(path)
        if name.startswith(READER_SIDE)
    }
    assert offenders == set()


def test_no_reader_imports_another_reader() -> None:
    readers = PACKAGE / "readers"
    # shared parts that are no reader: sniffing, list numbering, decoding text files, the lines
    # of an office document (used by the .docx, .odt and pandoc readers), the XML packages
    shared = {
        "protokollkit.readers.sniff",
        "protokollkit.readers.numbering",
        "protokollkit.readers.shared",
        "protokollkit.readers.office",
    }
    offenders = set()
    for path in sorted(readers.glob("*.py")):
        if path.name in ("__init__.py", "shared.py", "office.py", "numbering.py", "sniff.py"):
            continue
        for name in imports_of(path):
            other = name.removeprefix("protokollkit.readers.")
            if (
                name.startswith("protokollkit.readers.")
                and name not in shared
                and not name.startswith("protokollkit.readers.xml")
                and other != path.stem
            ):
                offenders.add(f"{path.name}: {name}")
    assert offenders == set()
