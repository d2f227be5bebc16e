"""Reader for Markdown: CommonMark (with GFM tables and strikethrough) parsed by markdown-it-py.

The token stream becomes :class:`~protokollkit.layout.Line` objects with hints — headings
with their level, list items with their level and marker (``-`` or ``1.``), fully bold
paragraphs as bold, table rows with their cells, YAML front matter as such — and the same layout
rules as for text files apply. Links keep their targets (``[label](target)``). What
:mod:`protokollkit.writers.markdown` writes reads back to an equal protocol; hand-written
Markdown is read as well as its structure allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from protokollkit.diagnostics import Diagnostic
from protokollkit.layout import Hints, Line, parse_lines, split_front_matter, split_lines
from protokollkit.model import Protocol
from protokollkit.readers.office import link_text, shortened
from protokollkit.readers.shared import read_decoded

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass
class _Segment:
    """One line of an inline token's text, and whether all of its visible text is bold."""

    text: str
    offset: int
    bold: bool


_TAG = re.compile(r"<[^<>]*>")
_LABEL_LINE = re.compile(r"^[A-ZÄÖÜ][\w .()/*-]{1,40}:\s+\S")
_ONLY_TAGS = re.compile(r"^(?:\s*<[^<>]*>\s*)*$")
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def inline_lines(inline: Token, titles: list[tuple[int, str]] | None = None) -> list[_Segment]:
    """The lines of an inline token (split at soft and hard breaks), markup removed, links
    kept as ``[label](target)``; the titles of links and images (``[a](b "Titel")``), which
    the model has no place for, are added to ``titles`` with their line offset."""
    segments: list[_Segment] = []
    parts: list[str] = []
    bold_depth = 0
    all_bold = True
    offset = 0
    link_target: str | None = None
    link_parts: list[str] = []

    def flush() -> None:
        text = "".join(parts)
        segments.append(_Segment(text, offset, all_bold and bool(text.strip())))

    for child in inline.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak") or (
            kind == "html_inline" and _BREAK_TAG.match(child.content.strip())
        ):
            if link_target is not None:
                link_parts.append(" ")
                continue
            flush()
            parts, all_bold, offset = [], True, offset + 1
            continue
        if kind == "strong_open":
            bold_depth += 1
        elif kind == "strong_close":
            bold_depth -= 1
        elif kind == "link_open":
            link_target, link_parts = str(child.attrs["href"]), []
            _note_title(child, offset, titles)
            continue
        elif kind == "link_close" and link_target is not None:
            text = link_text("".join(link_parts), link_target)
            link_target = None
            parts.append(text)
            if bold_depth == 0:
                all_bold = False
            continue
        text = child.content if kind in ("text", "code_inline") else ""
        if kind == "html_inline" and not _ONLY_TAGS.match(child.content):
            text = child.content
        if kind == "image":
            _note_title(child, offset, titles)
            alt = "".join(c.content for c in child.children or [])
            text = link_text(alt or "Bild", str(child.attrs["src"]))
        if link_target is not None:
            link_parts.append(text)
            continue
        if text:
            parts.append(text)
            if text.strip() and bold_depth == 0:
                all_bold = False
    flush()
    return segments


def _note_title(token: Token, offset: int, titles: list[tuple[int, str]] | None) -> None:
    """Add the title of a link or image token to ``titles``, if it has one."""
    title = str(token.attrs.get("title") or "").strip()
    if title and titles is not None:
        titles.append((offset, title))


@dataclass
class _Walker:
    """Turns markdown-it tokens into lines with hints, in document order."""

    offset: int = 0
    lines: list[Line] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    quote_depth: int = 0
    list_depth: int = -1
    item_markers: list[str] = field(default_factory=list)
    item_open: list[bool] = field(default_factory=list)
    pending_point: tuple[str, int, int, str] | None = None
    heading_level: int | None = None
    setext: bool = False
    """The heading open is underlined (``===``/``---``), not marked with ``#``."""
    row: list[str] = field(default_factory=list)
    row_line: int = 0
    in_cell: bool = False
    in_head: bool = False
    last_line: int = 0
    source: Sequence[str] = ()
    """The lines of the Markdown text, for what the tokens do not tell."""
    runs_on: bool = False
    """The heading open is a paragraph over a lone ``-`` (no heading at all) and the next line
    follows it without a blank line."""
    hidden: list[tuple[int, str]] = field(default_factory=list)
    """HTML comments with text (line, text): Markdown does not show them, so they are not
    read as the protocol's text, but each is named in a warning (no text is lost unsaid)."""
    titles: list[tuple[int, str]] = field(default_factory=list)
    """Titles of links and images (line, title): named in a note, as the model keeps only
    the label and the target."""
    unused: list[tuple[int, str]] = field(default_factory=list)
    """Link reference definitions no link uses (line, definition): Markdown does not show them;
    each is named in a warning (a misspelt reference leaves its link as plain text)."""

    def emit(self, text: str, number: int, hints: Hints | None = None) -> None:
        self.lines.append(Line(text, number, hints or Hints()))
        self.quoted.append(self.quote_depth > 0)
        self.last_line = max(self.last_line, number)

    def _underline(self, index: int) -> str:
        return self.source[index].strip() if 0 <= index < len(self.source) else ""

    def blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.emit("", self.last_line)

    def note_comments(self, html: str, first_line: int) -> None:
        """Remember the HTML comments of ``html`` (starting on ``first_line``) that hold text."""
        for found in _COMMENT.finditer(html):
            text = " ".join(found.group(1).split())
            if text:
                self.hidden.append((first_line + html.count("\n", 0, found.start()), text))

    def flush_point(self) -> None:
        """Emit the collected text of the innermost list item as one list line."""
        if self.pending_point is None:
            return
        text, number, level, marker = self.pending_point
        self.pending_point = None
        if text.strip():
            self.emit(text.strip(), number, Hints(list_level=level, list_marker=marker))

    def walk(self, tokens: Sequence[Token]) -> list[Line]:
        """All lines of the document."""
        for token in tokens:
            self.visit(token)
        self.flush_point()
        return self.lines

    def visit(self, token: Token) -> None:
        kind = token.type
        first_line = token.map[0] + 1 + self.offset if token.map else self.last_line + 1
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.flush_point()
            if self.list_depth < 0:
                self.blank()
            self.list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.flush_point()
            self.list_depth -= 1
            if self.list_depth < 0:
                self.blank()
        elif kind == "list_item_open":
            self.flush_point()
            self.item_markers.append(f"{token.info}{token.markup}" if token.info else "-")
            self.item_open.append(True)
        elif kind == "list_item_close":
            self.flush_point()
            self.item_markers.pop()
            self.item_open.pop()
        elif kind in ("blockquote_open", "blockquote_close"):
            self.flush_point()
            self.blank()
            self.quote_depth += 1 if kind == "blockquote_open" else -1
        elif kind == "heading_open":
            self.setext = token.markup in ("=", "-") or token.markup.startswith(("=", "-"))
            lone_dash = bool(self.setext and token.map and self._underline(token.map[1] - 1) == "-")
            self.runs_on = bool(lone_dash and token.map and self._underline(token.map[1]))
            if lone_dash:
                # a lone ``-`` under a line is the marker of an empty list item in text
                # copied from a web page (``Tagesordnung`` / ``-`` / ``TOP 1 – Wahlen``),
                # not an underline: nobody underlines a heading with one character. The
                # lines run on as they stand (up to a blank line).
                return
            self.blank()
            self.heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            self.heading_level = None
            if not self.runs_on:
                self.blank()
        elif kind == "paragraph_close" and self.list_depth < 0:
            self.blank()
        elif kind == "inline":
            self.visit_inline(token, first_line)
        elif kind in ("fence", "code_block", "html_block"):
            if kind == "html_block":
                self.note_comments(token.content, first_line)
            if kind == "html_block" and _ONLY_TAGS.match(token.content.strip()):
                return  # ``<hr>``, ``<br>``, ``<div>``: markup without text
            self.flush_point()
            self.blank()
            if token.info.strip():  # only a fence has an info string
                self.emit(token.info.strip(), first_line)  # ``vote-success`` says something
            for offset, text in enumerate(token.content.rstrip("\n").splitlines()):
                if kind == "html_block":
                    text = _TAG.sub(" ", text).strip()  # ``<summary>Anwesend</summary>``
                    if not text:
                        continue
                self.emit(text, first_line + offset + (kind == "fence"))
            self.blank()
        elif kind == "table_open" and self.lines and not self.lines[-1].text:
            self.lines.pop()  # a table belongs to the label above it (``Teilnehmende:``)
            self.quoted.pop()
        elif kind == "tr_open":
            self.row, self.row_line = [], first_line
        elif kind in ("th_open", "td_open"):
            self.in_cell = True
        elif kind in ("th_close", "td_close"):
            self.in_cell = False
        elif kind in ("thead_open", "thead_close"):
            self.in_head = kind == "thead_open"
        elif kind == "tr_close":
            hints = Hints(table_row=tuple(self.row), table_header=self.in_head)
            self.emit(" | ".join(self.row), self.row_line, hints)
        elif kind == "table_close":
            self.blank()

    def visit_inline(self, token: Token, first_line: int) -> None:
        titles: list[tuple[int, str]] = []
        segments = inline_lines(token, titles)
        self.titles += [(first_line + offset, title) for offset, title in titles]
        if self.heading_level is not None:
            if (
                self.setext
                and len(segments) > 1
                and any(_LABEL_LINE.match(s.text.strip()) for s in segments[1:])
            ):
                # label lines typed one under the other (``Anwesend: …`` / ``Beginn: …``),
                # then ``-``: the underline makes only the last line a heading; the lines
                # above are lines of their own (a title wrapped over two lines stays one)
                for segment in segments[:-1]:
                    self.emit(segment.text.strip(), first_line + segment.offset)
                first_line += segments[-1].offset
                segments = segments[-1:]
            text = " ".join(s.text.strip() for s in segments)
            self.emit(text, first_line, Hints(heading=self.heading_level))
            return
        if self.in_cell:
            self.row.append(" ".join(s.text.strip() for s in segments))
            return
        if self.list_depth >= 0 and self.item_open:
            joined = " ".join(s.text.strip() for s in segments if s.text.strip())
            if self.item_open[-1]:
                self.item_open[-1] = False
                marker = self.item_markers[-1]
                self.pending_point = (joined, first_line, self.list_depth, marker)
            elif self.pending_point is not None:
                text, number, level, marker = self.pending_point
                self.pending_point = (f"{text} {joined}", number, level, marker)
            else:
                # a paragraph of an item after its sub-list: its own entry, not the tail of
                # the sub-list's last point (as an indented paragraph after a blank in text)
                self.blank()
                self.emit("  " + joined, first_line)
            return
        for segment in segments:
            text = segment.text.strip()
            self.emit(text, first_line + segment.offset, Hints(bold=segment.bold))


MAX_NESTING = 60
"""markdown-it stops reading (and drops text) below this depth of nested blocks."""
_DEEP_LIST = re.compile(r"^[ \t]{" + str(MAX_NESTING) + r",}(?:[-*+]|\d+[.)])[ \t]", re.MULTILINE)


def _walk(text: str) -> _Walker:
    from markdown_it import MarkdownIt

    front, rest, used = split_front_matter(text)
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    walker = _Walker(offset=used, source=rest.splitlines())
    walker.lines.extend(front)
    walker.quoted.extend(False for _ in front)
    env: dict[str, object] = {}
    tokens = md.parse(rest, env)
    walker.walk(tokens)
    walker.unused = _unused_references(env, tokens, walker)
    return walker


_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:")


def _unused_references(
    env: dict[str, object], tokens: Sequence[Token], walker: _Walker
) -> list[tuple[int, str]]:
    """The link reference definitions of ``env`` whose target no link or image has, each
    with its line and its text as written."""
    references = env.get("references")
    if not isinstance(references, dict) or not references:
        return []
    used = {
        str(child.attrs.get("href") or child.attrs.get("src") or "")
        for token in tokens
        for child in token.children or []
        if child.type in ("link_open", "image")
    }
    from markdown_it.common.utils import normalizeReference

    unused: list[tuple[int, str]] = []
    for index, line in enumerate(walker.source):
        match = _DEFINITION.match(line)
        if not match:
            continue
        reference = references.get(normalizeReference(match.group(1)))
        if isinstance(reference, dict) and str(reference.get("href")) not in used:
            unused.append((index + 1 + walker.offset, line.strip()))
            used.add(str(reference.get("href")))  # a label defined twice: the first counts
    return unused


def markdown_lines(text: str) -> list[Line]:
    """The lines with hints that a Markdown document means."""
    return _walk(text).lines


def read_markdown(text: str, source: str = "<markdown>") -> Protocol:
    """Read a protocol from Markdown text.

    The ``## Termine`` section the writer puts at the top (a heading and a list of the
    protocol's own appointments) is dropped while it still repeats them, as is the block quote
    older versions wrote; an edited section is kept as text (its heading is no agenda item),
    any other quoted text is read like the rest.
    """

    text = text.removeprefix("\ufeff")
    if _DEEP_LIST.search(text):
        # Deeper than Markdown can be parsed without losing text: read its lines with the
        # layout rules directly, which keep every line.
        protocol = parse_lines(split_lines(text), source)
        deep = Diagnostic(
            "warning",
            f"Listen tiefer als {MAX_NESTING // 2} Ebenen: als Text gelesen, nicht als Markdown.",
            source,
            0,
            0,
        )
        return replace(protocol, diagnostics=(deep, *protocol.diagnostics))
    walker = _walk(text)
    return _with_hidden(_read_walked(walker, source), walker, source)


def _with_hidden(protocol: Protocol, walker: _Walker, source: str) -> Protocol:
    """``protocol`` with a warning for each HTML comment that held text and each unused link
    definition, and a note for each link title (what the model does not keep)."""
    if not (walker.hidden or walker.titles or walker.unused):
        return protocol
    said = [
        *(
            Diagnostic(
                "warning",
                f"HTML-Kommentar nicht übernommen (Markdown zeigt ihn nicht): „{shortened(text)}“",
                source,
                line,
                1,
            )
            for line, text in walker.hidden
        ),
        *(
            Diagnostic(
                "warning",
                "Linkdefinition von keinem Link benutzt, nicht übernommen (Markdown zeigt sie "
                f"nicht): „{shortened(text)}“",
                source,
                line,
                1,
            )
            for line, text in walker.unused
        ),
        *(
            Diagnostic(
                "info", f"Titel des Links nicht übernommen: „{shortened(title)}“", source, line, 1
            )
            for line, title in walker.titles
        ),
    ]
    said.sort(key=lambda d: d.line)
    return replace(protocol, diagnostics=(*protocol.diagnostics, *said))


def _read_walked(walker: _Walker, source: str) -> Protocol:
    """:func:`read_markdown` for a document already walked."""
    from protokollkit.termine import SECTION_HEADING, termine_lines

    lines = walker.lines
    start = next(
        (
            index
            for index, line in enumerate(lines)
            if line.hints.heading is not None and line.text.strip() == SECTION_HEADING
        ),
        None,
    )
    if start is not None:
        end = start + 1
        while end < len(lines) and (
            not lines[end].text.strip() or lines[end].hints.list_level == 0
        ):
            end += 1
        shown = [
            ("- " if line.hints.list_level is not None else "") + line.text.strip()
            for line in lines[start:end]
            if line.text.strip()
        ]
        protocol = parse_lines([*lines[:start], *lines[end:]], source)
        if shown == termine_lines(protocol):
            return protocol
        # Edited: its text is kept where it stands, but the heading is no agenda item.
        lines = [*lines[:start], lines[start]._replace(hints=Hints()), *lines[start + 1 :]]
        edited = Diagnostic(
            "warning",
            "Der Abschnitt „Termine“ passt nicht mehr zu den Punkten; er bleibt als Text erhalten.",
            source,
            lines[start].number,
            1,
        )
        result = parse_lines(lines, source)
        return replace(result, diagnostics=(edited, *result.diagnostics))
    flagged = list(zip(lines, walker.quoted, strict=True))
    unquoted = [line for line, quoted in flagged if not quoted]
    quoted_text = [
        ("- " if line.hints.list_level is not None else "") + line.text.strip()
        for line, quoted in flagged
        if quoted and line.text.strip()
    ]
    if quoted_text:
        protocol = parse_lines(unquoted, source)
        if quoted_text == termine_lines(protocol):
            return protocol
    return parse_lines(lines, source)


def read_markdown_bytes(data: bytes, source: str = "<markdown>") -> Protocol:
    """Read a protocol from the bytes of a Markdown file (UTF-8, UTF-16 or Windows-1252)."""
    return read_decoded(data, source, read_markdown)
