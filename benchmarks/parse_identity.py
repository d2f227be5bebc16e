"""Dump what the readers make of many documents, to prove a parser change changes nothing.

``python benchmarks/parse_identity.py OUT [DIR ...]`` reads every document the readers accept
under ``tests/fixtures`` and the given folders (for example an archive written by
``benchmarks/make_archive.py``) and writes, per file, the model as JSON (``to_json``) and every
diagnostic (level, line, column, message) – or the diagnostics of the ``ParseError`` – to OUT.
Run it before and after a change and compare the two files byte for byte (``cmp``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import protokollkit  # noqa: E402
from protokollkit.diagnostics import ParseError  # noqa: E402

SUFFIXES = frozenset({".txt", ".md", ".docx", ".odt"})
"""The suffixes read without outside programs (no pandoc, no LibreOffice)."""


def documents(folders: list[Path]) -> list[Path]:
    """Every readable document under ``folders``, in a stable order."""
    found: list[Path] = []
    for folder in folders:
        found.extend(p for p in folder.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    return sorted(found)


def dump(path: Path) -> str:
    """The model and the diagnostics of one document as text."""
    try:
        protocol = protokollkit.read_file(path)
    except ParseError as failed:
        diagnostics = failed.diagnostics
        model = "ParseError"
    else:
        diagnostics = protocol.diagnostics
        model = protokollkit.to_json(protocol)
    lines = [f"== {path}", model]
    lines.extend(f"{d.level}:{d.line}:{d.col}: {d.message}" for d in diagnostics)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", type=Path, nargs="*")
    args = parser.parse_args()
    paths = documents([ROOT / "tests" / "fixtures", *args.folders])
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            out.write(dump(path))
    print(f"{len(paths)} Dokumente nach {args.out}")


if __name__ == "__main__":
    main()
