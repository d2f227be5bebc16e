"""Readers for office documents (.docx, .odt, .rtf, .html) through pandoc's JSON AST.

Two stages, like pandoc's own Word reader: pandoc turns the document into its JSON AST, and
:func:`ast_lines` turns that AST into :class:`~protokollkit.layout.Line` objects with hints
(title, heading level, bold, underline, list level, table cells). The same layout rules that
read our text files (:func:`protokollkit.layout.parse_lines`) then read those lines.

The ``line`` of a diagnostic is the paragraph's position in the document as pandoc sees it
(1-based, empty paragraphs counted where the format keeps them); a title that pandoc moved into
the metadata is paragraph 1. Lines split by soft line breaks (Shift+Enter) share their
paragraph's number.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from protokollkit.dates import find_date
from protokollkit.diagnostics import Diagnostic, error
from protokollkit.layout import TITLE, Hints, Line, parse_lines
from protokollkit.model import Protocol
from protokollkit.safety import check_html_depth, check_rtf, check_size, check_zip, is_ole2

PANDOC_TIMEOUT = 60.0
"""Seconds pandoc may take for one document."""

PANDOC_HEAP = "1024m"
"""pandoc's heap limit (``+RTS -M``): a hostile document cannot eat the machine's memory."""

PANDOC_FORMATS = {"docx": "docx+styles", "odt": "odt", "rtf": "rtf", "html": "html"}
"""Our format name → pandoc's reader (``+styles`` keeps Word's paragraph style names)."""

BOLD_STYLES = {"sprecher", "speaker", "strong", "fett"}
"""Paragraph styles whose text counts as bold (``Sprecher`` is our DOCX writer's speaker style)."""

TITLE_STYLES = {"title", "titel"}
ASIDE_CLASSES = {"termine", "aufgaben"}
"""Sections our HTML writer adds beside the protocol (appointments, the mail's task list): their
headings are no agenda items; their text is kept as free paragraphs."""
PRESENTER_STYLES = {"vortragende", "presenter"}
"""Paragraph styles (DOCX) or classes (HTML) of an item's presenter, written by our writers in
a paragraph of its own under the heading: read as the end of the heading line, where the text
layout writes the presenter."""
META_BODY_KEYS = ("subtitle", "author", "date", "abstract")
"""Paragraph styles pandoc's Word reader moves into the metadata after ``title``; they are body
text for us and come back as lines."""

WORD_BULLET_LEVELS = {"·": 0, "\uf0b7": 0, "o": 1, "§": 2, "\uf0a7": 2, "▪": 2}
WORD_HTML_BULLET = re.compile("^([·o§▪\uf0b7\uf0a7])(?=[ \u00a0]*\u00a0[ \u00a0]*\u00a0)[ \u00a0]+")
"""A bullet glyph followed by Word's run of no-break spaces (at least two)."""

Json = Any


# --- public readers -------------------------------------------------------------------------


def read_docx(data: bytes, source: str = "<docx>") -> Protocol:
    """Read a Word document (.docx)."""
    if is_ole2(data):
        from protokollkit.safety import PASSWORD_MESSAGE, is_encrypted_ooxml

        if is_encrypted_ooxml(data):
            raise error(PASSWORD_MESSAGE, source)
        from protokollkit.readers.doc import read_doc

        return read_doc(data, source)
    return read_document(data, source, "docx")


def read_odt(data: bytes, source: str = "<odt>") -> Protocol:
    """Read a LibreOffice/OpenOffice text document (.odt)."""
    return read_document(data, source, "odt")


def read_rtf(data: bytes, source: str = "<rtf>") -> Protocol:
    """Read an RTF document (.rtf)."""
    return read_document(data, source, "rtf")


def read_html(data: bytes, source: str = "<html>") -> Protocol:
    """Read an HTML document (.html, .htm), e.g. a protocol saved from Word as a web page."""
    return read_document(data, source, "html")


def read_document(data: bytes, source: str, fmt: str) -> Protocol:
    """Check the bytes, run pandoc, map its AST to lines and apply the layout rules."""
    check_size(data, source)
    if fmt in ("docx", "odt"):
        check_zip(data, source, fmt)
    elif fmt == "rtf":
        check_rtf(data, source)
        data = hide_rtf_deletions(data)
    elif fmt == "html":
        data = _html_as_utf8(data, source)
        check_html_depth(data.decode("utf-8", "replace"), source)
    document = run_pandoc(data, fmt, source)
    numbers = None
    if fmt in ("docx", "odt"):
        from protokollkit.readers.numbering import heading_numbers

        numbers = heading_numbers(data, fmt)
    lines, notes = ast_lines(document, fmt, numbers)
    protocol = parse_lines(lines, source)
    diagnostics = (*notes, *protocol.diagnostics)
    if protocol.date is None:
        found = document_date(document, data, fmt)
        if found is not None:
            date, where = found
            diagnostics += (
                Diagnostic(
                    "warning",
                    f"Datum aus den Dokumenteigenschaften übernommen ({where}: "
                    f"{date:%d.%m.%Y}); bitte prüfen und in die Titelzeile schreiben.",
                    source,
                ),
            )
            protocol = replace(protocol, date=date)
    return replace(protocol, diagnostics=tuple(diagnostics))


# --- pandoc ---------------------------------------------------------------------------------


@functools.cache
def pandoc_path() -> str:
    """The pandoc binary that pypandoc-binary ships (or the one pypandoc finds)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def pandoc_command(fmt: str) -> list[str]:
    """The pandoc command line that reads ``fmt`` from stdin and writes its JSON AST."""
    return [
        pandoc_path(),
        "+RTS",
        f"-M{PANDOC_HEAP}",
        "-RTS",
        "--sandbox",
        "-f",
        PANDOC_FORMATS[fmt],
        "-t",
        "json",
        "--track-changes=accept",
    ]


def run_pandoc(
    data: bytes, fmt: str, source: str, timeout: float = PANDOC_TIMEOUT
) -> dict[str, Json]:
    """Pandoc's JSON AST of a document given as bytes (through stdin: no temporary file)."""
    try:
        result = subprocess.run(
            pandoc_command(fmt), input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise error(
            f"Pandoc hat das Dokument nach {timeout:g} s nicht gelesen; abgebrochen.", source
        ) from None
    except OSError as exc:
        raise error(f"Pandoc kann nicht gestartet werden: {exc.strerror or exc}", source) from None
    if result.returncode != 0:
        raise error(pandoc_failure(result.stderr, fmt), source)
    try:
        document: dict[str, Json] = json.loads(result.stdout)
    except (ValueError, RecursionError):
        raise error("Pandoc hat keine lesbare Ausgabe geliefert.", source) from None
    return document


def pandoc_failure(stderr: bytes, fmt: str) -> str:
    """The German reason why pandoc failed; pandoc's own (English, Haskell) text is not shown."""
    from protokollkit.safety import FORMAT_NAMES, PASSWORD_MESSAGE

    text = stderr.decode("utf-8", "replace")
    name = FORMAT_NAMES.get(fmt, fmt)
    if "Heap exhausted" in text or "+RTS -M" in text or "heap overflow" in text:
        return (
            f"Das {name} braucht beim Lesen mehr als {PANDOC_HEAP.removesuffix('m')} MiB "
            "Arbeitsspeicher; die Datei wird nicht gelesen. Bitte in Word oder LibreOffice "
            "öffnen, Bilder verkleinern oder entfernen und erneut speichern."
        )
    if "encrypt" in text.lower() or "password" in text.lower():
        return PASSWORD_MESSAGE
    return (
        f"Das {name} kann nicht gelesen werden: es ist beschädigt oder kein gültiges Dokument. "
        "Bitte in Word oder LibreOffice öffnen und neu speichern."
    )


_RTF_DELETED = re.compile(rb"(?<!\\)((?:\\\\)*)\\deleted(?![a-zA-Z])")


def hide_rtf_deletions(data: bytes) -> bytes:
    """Turn RTF's tracked deletions (``\\deleted``) into hidden text (``\\v``).

    Pandoc's RTF reader shows deleted text as strikeout, indistinguishable from real
    strikethrough; hidden text it leaves out. So deletions are gone, as in accepted changes.
    """
    return _RTF_DELETED.sub(rb"\1\\v", data)


def _html_as_utf8(data: bytes, source: str) -> bytes:
    """Pandoc reads HTML as UTF-8: re-encode a Windows-1252 or UTF-16 page first."""
    from protokollkit.files import decode_text

    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text, _notes = decode_text(data, source)
        return text.encode("utf-8")
    return data


# --- AST → lines ----------------------------------------------------------------------------


@dataclass
class _Run:
    """A piece of inline text with its formatting."""

    text: str
    bold: bool = False
    underline: bool = False


BREAK = _Run("\n")
"""A hard line break (Shift+Enter) inside a paragraph."""


@dataclass
class _Walker:
    """Walks pandoc's blocks in order and collects lines and notes."""

    lines: list[Line] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    paragraph: int = 0
    footnotes: list[list[Json]] = field(default_factory=list)
    images: int = 0
    heading_numbers: dict[int, int] = field(default_factory=dict)
    """``id()`` of a level-1 Header block → the number its heading numbering shows."""

    # blocks

    def blocks(
        self, blocks: Iterable[Json], style: frozenset[str] = frozenset(), level: int = 0
    ) -> None:
        for block in blocks:
            self.block(block, style, level)

    def block(self, block: Json, style: frozenset[str], level: int = 0) -> None:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            self.paragraph_lines(content, Hints(), style)
        elif kind == "Header":
            level_, _attr, inlines = content
            number = self.heading_numbers.get(id(block))
            hints = Hints() if "aside" in style else Hints(heading=level_, number=number)
            self.paragraph_lines(inlines, hints, style)
        elif kind == "Div":
            attr, inner = content
            self.blocks(inner, style | _styles(attr), level)
        elif kind == "BlockQuote":
            self.blocks(content, style, level)
        elif kind == "BulletList":
            self.list_items(content, None, style, level)
        elif kind == "OrderedList":
            (start, number_style, delimiter), items = content
            self.list_items(items, (start, number_style["t"], delimiter["t"]), style, level)
        elif kind == "LineBlock":
            joined: list[Json] = []
            for inlines in content:
                joined.extend([*inlines, {"t": "LineBreak"}])
            self.paragraph_lines(joined, Hints(), style)
        elif kind == "CodeBlock":
            self.paragraph += 1
            self.lines.append(Line("", self.paragraph))
            for text in content[1].splitlines():
                if text.strip():
                    self.lines.append(Line(text, self.paragraph))
        elif kind == "Table":
            self.table(content, style)
        elif kind == "Figure":
            _attr, (_short, caption), inner = content
            self.blocks(inner, style, level)
            self.blocks(caption, style, level)
        elif kind == "DefinitionList":
            for term, definitions in content:
                self.paragraph_lines(term, Hints(), style)
                for definition in definitions:
                    self.blocks(definition, style, level)
        # HorizontalRule and RawBlock carry no text.

    def list_items(
        self,
        items: list[list[Json]],
        numbering: tuple[int, str, str] | None,
        style: frozenset[str],
        level: int,
    ) -> None:
        """List items become lines with ``list_level``; an ordered list keeps its numbers."""
        for index, item in enumerate(items):
            label = _number_label(numbering, index) if numbering else None
            first = True
            for block in item:
                if first and _is_paragraph(block):
                    self.paragraph_lines(
                        _paragraph_inlines(block),
                        Hints(list_level=max(level, _style_level(block))),
                        _block_style(block, style),
                        label=label,
                    )
                elif _is_paragraph(block):
                    # A further paragraph of the same item continues its text.
                    self.paragraph_lines(
                        _paragraph_inlines(block), Hints(), _block_style(block, style), "    "
                    )
                else:
                    self.block(block, style, level + 1)
                first = False

    def table(self, content: Json, style: frozenset[str]) -> None:
        """Each row becomes one line carrying its cells (a participants table)."""
        caption, rows = _table_parts(content)
        self.blocks(caption, style)
        for row in rows:
            self.paragraph += 1
            cells = tuple(_blocks_text(cell[4]) for cell in row[1])
            if any(cells):
                self.lines.append(Line(" | ".join(cells), self.paragraph, Hints(table_row=cells)))

    # inlines

    def paragraph_lines(
        self,
        inlines: list[Json],
        hints: Hints,
        style: frozenset[str],
        indent: str = "",
        label: str | None = None,
    ) -> None:
        """One paragraph: split at hard line breaks into lines sharing the paragraph number.

        ``label`` is an ordered list's number; it takes the formatting of the item's text.
        """
        self.paragraph += 1
        runs = self.runs(inlines, bold="bold" in style, underline=False)
        if "presenter" in style and self.join_presenter(runs):
            return
        if label:
            first = next((r for r in runs if r.text.strip()), _Run(""))
            runs[:0] = [_Run(label, first.bold, first.underline), _Run(" ", first.bold)]
        segments = [s for s in _split_runs(runs) if "".join(r.text for r in s).strip()]
        if segments and not indent:
            # Paragraphs are separated like the blank lines of the text layout.
            self.lines.append(Line("", self.paragraph))
        for index, segment in enumerate(segments):
            text = "".join(r.text for r in segment).strip()
            visible = [r for r in segment if r.text.strip()]
            line_hints = replace(
                hints,
                bold="bold" in style or all(r.bold for r in visible),
                underline=all(r.underline for r in visible),
                title=hints.title or ("title" in style and hints.heading is None),
            )
            prefix = indent
            if index and hints.list_level is not None:
                # Shift+Enter inside a bullet point continues that point's text.
                line_hints, prefix = Hints(), "    "
            elif hints.list_level is None and (glyph := WORD_HTML_BULLET.match(text)):
                # Word's "Save as web page" writes a list's bullet and its spacing as text.
                text = text[glyph.end() :]
                line_hints = replace(line_hints, list_level=WORD_BULLET_LEVELS[glyph.group(1)])
            self.lines.append(Line(prefix + text, self.paragraph, line_hints))
        self.flush_footnotes()

    def join_presenter(self, runs: list[_Run]) -> bool:
        """Append a presenter paragraph to the heading line right above it (if there is one)."""
        text = " ".join("".join(" " if r is BREAK else r.text for r in runs).split())
        last = next((line for line in reversed(self.lines) if line.text.strip()), None)
        if not text or last is None or last.hints.heading is None:
            return False
        index = self.lines.index(last)
        self.lines[index] = replace(last, text=f"{last.text} {text}")
        return True

    def runs(self, inlines: Iterable[Json], *, bold: bool, underline: bool) -> list[_Run]:
        """The paragraph's text as runs of equal formatting, with BREAK for hard line breaks."""
        out: list[_Run] = []
        self._collect(inlines, bold, underline, out)
        return out

    def _collect(
        self, inlines: Iterable[Json], bold: bool, underline: bool, out: list[_Run]
    ) -> None:
        for inline in inlines:
            kind = inline["t"]
            if kind == "Str" or kind == "Space" or kind == "SoftBreak":
                text = inline["c"] if kind == "Str" else " "
                last = out[-1] if out else BREAK
                if last is not BREAK and last.bold == bold and last.underline == underline:
                    last.text += text
                else:
                    out.append(_Run(text, bold, underline))
            elif kind == "LineBreak":
                out.append(BREAK)
            elif kind == "Strong":
                self._collect(inline["c"], True, underline, out)
            elif kind == "Underline":
                self._collect(inline["c"], bold, True, out)
            elif kind in ("Emph", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
                self._collect(inline["c"], bold, underline, out)
            elif kind == "Span":
                attr, content = inline["c"]
                self._collect(content, bold or "bold" in _styles(attr), underline, out)
            elif kind in ("Link", "Cite"):
                self._collect(inline["c"][1], bold, underline, out)
            elif kind == "Quoted":
                double = inline["c"][0]["t"] == "DoubleQuote"
                opening, closing = ("„", "“") if double else ("‚", "‘")
                out.append(_Run(opening, bold, underline))
                self._collect(inline["c"][1], bold, underline, out)
                out.append(_Run(closing, bold, underline))
            elif kind in ("Code", "Math"):
                out.append(_Run(inline["c"][1], bold, underline))
            elif kind == "Note":
                self.footnotes.append(inline["c"])
            elif kind == "Image":
                self.images += 1
            # RawInline carries no text of the document.

    def flush_footnotes(self) -> None:
        """Footnotes follow the paragraph that refers to them (as free paragraphs)."""
        notes, self.footnotes = self.footnotes, []
        for note in notes:
            self.blocks(note)


def _split_runs(runs: list[_Run]) -> Iterator[list[_Run]]:
    segment: list[_Run] = []
    for run in runs:
        if run is BREAK:
            yield segment
            segment = []
        else:
            segment.append(run)
    yield segment


def _styles(attr: Json) -> frozenset[str]:
    """Our style flags from a Div/Span attribute: ``bold`` for speaker styles, ``title``."""
    flags: set[str] = set()
    classes = {str(c).lower() for c in attr[1]}
    if PRESENTER_STYLES & classes:
        flags.add("presenter")
    if ASIDE_CLASSES & classes:
        flags.add("aside")
    for key, value in attr[2]:
        if key == "custom-style":
            name = str(value).strip().lower()
            if name in BOLD_STYLES:
                flags.add("bold")
            if name in TITLE_STYLES:
                flags.add("title")
            if name in PRESENTER_STYLES:
                flags.add("presenter")
    return frozenset(flags)


_LEVEL_STYLE = re.compile(
    r"^(?:list bullet|list number|aufzählungszeichen|listennummer|liste)\s*(\d)$", re.IGNORECASE
)


def _style_level(block: Json) -> int:
    """Word's ``List Bullet 2`` (``Aufzählungszeichen 2``) is a second-level point even when its
    numbering, as in Word's own template, has a single level (pandoc then sees level 0)."""
    level = 0
    while block["t"] == "Div":
        for key, value in block["c"][0][2]:
            match = _LEVEL_STYLE.match(str(value).strip()) if key == "custom-style" else None
            if match:
                level = max(level, int(match.group(1)) - 1)
        block = block["c"][1][0]
    return level


def _is_paragraph(block: Json) -> bool:
    if block["t"] in ("Para", "Plain"):
        return True
    return bool(block["t"] == "Div" and block["c"][1] and _is_paragraph(block["c"][1][0]))


def _paragraph_inlines(block: Json) -> list[Json]:
    while block["t"] == "Div":
        block = block["c"][1][0]
    inlines: list[Json] = block["c"]
    return inlines


def _block_style(block: Json, style: frozenset[str]) -> frozenset[str]:
    while block["t"] == "Div":
        style = style | _styles(block["c"][0])
        block = block["c"][1][0]
    return style


ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _number_label(numbering: tuple[int, str, str], index: int) -> str:
    """``3.``, ``c)``, ``(iv)``: the number Word or LibreOffice shows before a list item."""
    start, number_style, delimiter = numbering
    number = start + index
    if number_style in ("LowerAlpha", "UpperAlpha") and 1 <= number <= 26:
        label = chr(ord("a") + number - 1)
    elif number_style in ("LowerRoman", "UpperRoman") and number > 0:
        label, rest = "", number
        for value, letters in ROMAN:
            while rest >= value:
                label, rest = label + letters, rest - value
    else:
        label = str(number)
    if number_style.startswith("Upper"):
        label = label.upper()
    if delimiter == "OneParen":
        return f"{label})"
    if delimiter == "TwoParens":
        return f"({label})"
    return f"{label}."


def _inlines_text(inlines: Iterable[Json]) -> str:
    walker = _Walker()
    return "".join(
        " " if r is BREAK else r.text for r in walker.runs(inlines, bold=False, underline=False)
    )


def _blocks_text(blocks: Iterable[Json]) -> str:
    """The text of a table cell: its paragraphs and lines joined by spaces."""
    walker = _Walker()
    walker.blocks(blocks)
    return " ".join(line.text for line in walker.lines).strip()


def _meta_texts(value: Json) -> list[str]:
    """The text lines of a metadata value (MetaInlines, MetaBlocks, MetaList, MetaString)."""
    kind, content = value["t"], value.get("c")
    if kind == "MetaInlines":
        return [_inlines_text(content)]
    if kind == "MetaString":
        return [str(content)]
    if kind == "MetaBlocks":
        walker = _Walker()
        walker.blocks(content)
        return [line.text for line in walker.lines]
    if kind == "MetaList":
        return [text for item in content for text in _meta_texts(item)]
    return []


def ast_lines(
    document: dict[str, Json], fmt: str, heading_numbers: Sequence[int | None] | None = None
) -> tuple[list[Line], list[Diagnostic]]:
    """Lines with hints from pandoc's JSON AST, and notes about what was left out.

    ``heading_numbers`` are the numbers the document's automatic heading numbering shows, one
    per level-1 heading with text in document order
    (:func:`protokollkit.readers.numbering.heading_numbers`); the N-th level-1 Header with text
    of the AST gets the N-th number. If pandoc saw a different number of them, the numbers are
    ignored (the layout counts the headings itself, as without them).
    """
    walker = _Walker()
    if heading_numbers is not None:
        headers = [
            header
            for header in _level1_headers(document.get("blocks", []))
            if _inlines_text(header["c"][2]).strip()
        ]
        if len(headers) == len(heading_numbers):
            walker.heading_numbers = {
                id(header): number
                for header, number in zip(headers, heading_numbers, strict=True)
                if number is not None
            }
    meta = document.get("meta", {})
    if fmt == "docx":
        # Pandoc's Word reader moves the Title (Subtitle, Author, Date, Abstract) paragraphs
        # into the metadata; they are the first paragraphs of the body for us.
        for key in ("title", *META_BODY_KEYS):
            if key in meta:
                for text in _meta_texts(meta[key]):
                    walker.paragraph += 1
                    walker.lines.append(Line("", walker.paragraph))
                    if text.strip():
                        hints = Hints(title=key == "title")
                        walker.lines.append(Line(text.strip(), walker.paragraph, hints))
    walker.blocks(document.get("blocks", []))
    lines = _title_hint(walker.lines)
    notes: list[Diagnostic] = []
    if walker.images:
        notes.append(
            Diagnostic(
                "warning",
                f"{walker.images} Bild(er) im Dokument nicht übernommen (nur Text).",
            )
        )
    return lines, notes


def _table_parts(content: Json) -> tuple[Json, list[Json]]:
    """A pandoc ``Table``'s caption blocks and all its rows: head, body heads and rows, foot."""
    _attr, (_short, caption), _specs, head, bodies, foot = content
    rows: list[Json] = list(head[1])
    for body in bodies:
        rows.extend(body[2])
        rows.extend(body[3])
    rows.extend(foot[1])
    return caption, rows


def _level1_headers(blocks: Iterable[Json]) -> Iterator[Json]:
    """The level-1 Header blocks in document order (in lists, tables, divs; not in footnotes)."""
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "Header":
            if content[0] == 1:
                yield block
        elif kind == "Div":
            yield from _level1_headers(content[1])
        elif kind == "BlockQuote":
            yield from _level1_headers(content)
        elif kind == "BulletList":
            for item in content:
                yield from _level1_headers(item)
        elif kind == "OrderedList":
            for item in content[1]:
                yield from _level1_headers(item)
        elif kind == "Figure":
            yield from _level1_headers(content[2])
            yield from _level1_headers(content[1][1])
        elif kind == "DefinitionList":
            for _term, definitions in content:
                for definition in definitions:
                    yield from _level1_headers(definition)
        elif kind == "Table":
            caption, rows = _table_parts(content)
            yield from _level1_headers(caption)
            for row in rows:
                for cell in row[1]:
                    yield from _level1_headers(cell[4])


def _title_hint(lines: list[Line]) -> list[Line]:
    """Keep the title hint only where the text names a date or starts with ``Protokoll``.

    A Title-styled ``Einkaufsliste für Samstag`` is no protocol title; a first bold paragraph
    ``Stadtteiltisch 10.11.2022`` is one.
    """
    texts = [line for line in lines if line.text.strip()][:6]
    first = texts[0] if texts else None
    title_below = any(TITLE.match(line.text) or line.hints.title for line in texts[1:])
    result: list[Line] = []
    for line in lines:
        hints = line.hints
        if hints.title or (line is first and hints.bold and not title_below):
            plausible = bool(TITLE.match(line.text) or find_date(line.text))
            hints = replace(hints, title=plausible)
        result.append(line if hints == line.hints else replace(line, hints=hints))
    return result


# --- dates from the document's properties ---------------------------------------------------

_CORE_CREATED = re.compile(rb"<dcterms:created[^>]*>\s*([^<\s]+)\s*<")
_ODT_CREATED = re.compile(rb"<meta:creation-date>\s*([^<\s]+)\s*<")
_RTF_CREATED = re.compile(rb"\\creatim\s*\\yr(\d{4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")


def document_date(document: dict[str, Json], data: bytes, fmt: str) -> tuple[dt.date, str] | None:
    """A fallback date: a Date paragraph or date metadata, else the creation date."""
    meta = document.get("meta", {})
    if "date" in meta:
        for text in _meta_texts(meta["date"]):
            found = find_date(text)
            if found:
                return found.date, "Datumsfeld"
    if fmt in ("docx", "odt"):
        part, pattern = (
            ("docProps/core.xml", _CORE_CREATED) if fmt == "docx" else ("meta.xml", _ODT_CREATED)
        )
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                xml = archive.read(part) if part in archive.namelist() else b""
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        match = pattern.search(xml)
        if match:
            date = _iso_local_date(match.group(1).decode("ascii", "replace"))
            return (date, "erstellt am") if date else None
    if fmt == "rtf":
        match = _RTF_CREATED.search(data)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())), "erstellt am"
            except ValueError:
                return None
    return None


def _iso_local_date(text: str) -> dt.date | None:
    """The calendar date in Germany of an ISO 8601 timestamp (``2023-04-13T16:45:00Z``)."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        with contextlib.suppress(ZoneInfoNotFoundError):
            moment = moment.astimezone(ZoneInfo("Europe/Berlin"))
    if moment.year < 1990:
        return None
    return moment.date()
