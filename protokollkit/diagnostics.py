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


class LineFinder:
    """Finds the line of a text in the lines of a source: one search through the whole text,
    from where the text looked up before was found (texts are looked up in the order of the
    document), instead of a pass over the lines per text – thousands of lines took minutes."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._joined: str | None = None
        self._starts: list[int] = []
        self._cursor = 0

    def find(self, needle: str) -> int:
        """The 1-based line holding ``needle`` (the next one after the last found, else the
        first), or 0 when no line holds it."""
        if not needle or "\n" in needle or not self.lines:
            return 0
        if self._joined is None:
            self._joined = "\n".join(self.lines)
            position = 0
            for line in self.lines:
                self._starts.append(position)
                position += len(line) + 1
        found = self._joined.find(needle, self._cursor)
        if found < 0:
            found = self._joined.find(needle)
            if found < 0:
                return 0
        self._cursor = found + 1
        import bisect

        return bisect.bisect_right(self._starts, found)
