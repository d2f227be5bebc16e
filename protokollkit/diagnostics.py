"""Diagnostics collected while reading, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["info", "warning", "error"]

LEVEL_NAMES: dict[Level, str] = {"info": "hinweis", "warning": "warnung", "error": "fehler"}


def printable_name(name: str) -> str:
    """A file name as it may be printed: control characters (an escape sequence, a line break
    that would start a forged message) shown as ``\\x1b``, ``\\n`` … instead of acting."""
    if name.isprintable():
        return name
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in name
    )


@dataclass(frozen=True)
class Diagnostic:
    """A message about the input, located like a compiler's: source, line and column (1-based).

    Line 0 means the message concerns the whole file.
    """

    level: Level
    message: str
    source: str = "<text>"
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        source = printable_name(self.source)
        where = source if self.line == 0 else f"{source}:{self.line}:{max(self.col, 1)}"
        return f"{where}: {LEVEL_NAMES[self.level]}: {self.message}"


class ProtokollkitError(Exception):
    """Base class of every error protokollkit raises on purpose; its message is German."""


class ParseError(ProtokollkitError):
    """The input cannot be read as a protocol. Carries every diagnostic collected so far."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.level == "error"] or list(self.diagnostics)
        super().__init__("\n".join(str(d) for d in errors))

    def __reduce__(self) -> tuple[type[ParseError], tuple[tuple[Diagnostic, ...]]]:
        # pickled (from a worker process) with its diagnostics, not with the message
        return (type(self), (self.diagnostics,))


def error(message: str, source: str = "<text>", line: int = 0, col: int = 0) -> ParseError:
    """A ParseError with a single error diagnostic."""
    return ParseError([Diagnostic("error", message, source, line, col)])
