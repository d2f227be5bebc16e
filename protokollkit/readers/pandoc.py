"""Readers for .rtf and .html through pandoc's JSON AST; for .docx and .odt the cross-check.

``protokollkit.read`` reads .docx and .odt with the direct readers
(:mod:`protokollkit.readers.docx`, :mod:`protokollkit.readers.odt`); :func:`read_docx` and
:func:`read_odt` here read them through pandoc, and a test requires the same model from both.

Two stages, like pandoc's own Word reader: pandoc turns the document into its JSON AST, and a
dispatching visitor (:class:`_Walker`) turns that AST into the paragraphs and rows of
:mod:`protokollkit.readers.office`, which become :class:`~protokollkit.layout.Line` objects with
hints (title, heading level, bold, underline, list level, table cells) exactly as in the direct
readers. The same layout rules that read our text files
(:func:`protokollkit.layout.parse_lines`) then read those lines. A node kind the visitor does
not know is reported as a warning with its position, not dropped silently.

The ``line`` of a diagnostic is the paragraph's position in the document as pandoc sees it
(1-based, empty paragraphs counted where the format keeps them); a title that pandoc moved into
the metadata is paragraph 1. Lines split by hard line breaks (Shift+Enter) share their
paragraph's number; a soft line break (a line feed in the source) is a space.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from protokollkit.diagnostics import Diagnostic, error
from protokollkit.layout import Line
from protokollkit.model import Protocol
from protokollkit.readers.office import (
    ASIDE_CLASSES,
    BREAK,
    PRESENTER_STYLES,
    Block,
    Paragraph,
    Row,
    Run,
    cell_text,
    date_in,
    document_lines,
    images_note,
    iso_local_date,
    link_runs,
    number_label,
    protocol_of,
    style_flags,
    style_list_level,
)
from protokollkit.safety import check_html_depth, check_rtf, check_size, check_zip

PANDOC_TIMEOUT = 60.0
"""Seconds pandoc may take for one document."""

PANDOC_HEAP = "1024m"
"""pandoc's heap limit (``+RTS -M``): a hostile document cannot eat the machine's memory."""


@dataclass(frozen=True)
class PandocFormat:
    """How pandoc reads one of our formats."""

    reader: str
    """pandoc's ``-f`` (``docx+styles`` keeps Word's paragraph style names)."""
    prepare: Callable[[bytes, str], bytes]
    """Checks the bytes (a German error naming the file) and gives what pandoc reads."""
    package: bool = False
    """A zip package: heading numbers and the creation date come from its XML."""


def _checked_zip(fmt: str) -> Callable[[bytes, str], bytes]:
    def prepare(data: bytes, source: str) -> bytes:
        check_zip(data, source, fmt)
        return data

    return prepare


def _checked_rtf(data: bytes, source: str) -> bytes:
    check_rtf(data, source)
    return hide_rtf_deletions(data)


def _html_as_utf8(data: bytes, source: str) -> bytes:
    """Pandoc reads HTML as UTF-8: re-encode a Windows-1252 or UTF-16 page first."""
    from protokollkit.files import decode_text

    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text, _notes = decode_text(data, source)
        data = text.encode("utf-8")
    check_html_depth(data.decode("utf-8", "replace"), source)
    return data


PANDOC_FORMATS: dict[str, PandocFormat] = {
    "docx": PandocFormat("docx+styles", _checked_zip("docx"), package=True),
    "odt": PandocFormat("odt", _checked_zip("odt"), package=True),
    "rtf": PandocFormat("rtf", _checked_rtf),
    "html": PandocFormat("html", _html_as_utf8),
}
"""Our format name → how pandoc reads it."""

META_BODY_KEYS = ("subtitle", "author", "date", "abstract")
"""Paragraph styles pandoc's Word reader moves into the metadata after ``title``; they are body
text for us and come back as lines."""


# --- public readers -------------------------------------------------------------------------


def read_docx(data: bytes, source: str = "<docx>") -> Protocol:
    """Read a Word document (.docx) through pandoc: the cross-check of
    :func:`protokollkit.readers.docx.read_docx`, which reads .docx files in use."""
    return read_document(data, source, "docx")


def read_odt(data: bytes, source: str = "<odt>") -> Protocol:
    """Read an .odt through pandoc: the cross-check of :func:`protokollkit.readers.odt.read_odt`."""
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
    data = PANDOC_FORMATS[fmt].prepare(data, source)
    document = run_pandoc(data, fmt, source)
    numbers = None
    if PANDOC_FORMATS[fmt].package:
        from protokollkit.readers.numbering import heading_numbers

        numbers = heading_numbers(data, fmt, source)
    lines, notes = ast_lines(document, fmt, numbers, source)
    if fmt == "rtf":
        notes = [*notes, *rtf_after_end(data, source)]
    return protocol_of(lines, source, notes, document_date(document, data, fmt))


# --- pandoc ---------------------------------------------------------------------------------


@functools.cache
def pandoc_path() -> str:
    """The pandoc program: ``PYPANDOC_PANDOC`` if set, else the binary that pypandoc-binary
    installs beside its package (found without importing pypandoc, which costs ~40 ms and
    starts every pandoc on the PATH), else ``pandoc`` on the PATH."""
    configured = os.environ.get("PYPANDOC_PANDOC")
    if configured:
        return configured
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin:
        name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
        bundled = Path(spec.origin).resolve().parent / "files" / name
        if bundled.is_file():
            return str(bundled)
    found = shutil.which("pandoc")
    if found is None:
        raise error(
            "Pandoc wird für .rtf- und .html-Dateien gebraucht, ist aber nicht installiert "
            "(pip install pypandoc-binary)."
        )
    return found


def pandoc_command(fmt: str) -> list[str]:
    """The pandoc command line that reads ``fmt`` from stdin and writes its JSON AST."""
    return [
        pandoc_path(),
        "+RTS",
        f"-M{PANDOC_HEAP}",
        "-RTS",
        "--sandbox",
        "-f",
        PANDOC_FORMATS[fmt].reader,
        "-t",
        "json",
        "--track-changes=accept",
    ]


def run_pandoc(
    data: bytes, fmt: str, source: str, timeout: float = PANDOC_TIMEOUT
) -> dict[str, Any]:
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
        from protokollkit.files import display, os_reason

        program = display(pandoc_path())
        hint = (
            " (Umgebungsvariable PYPANDOC_PANDOC prüfen)"
            if os.environ.get("PYPANDOC_PANDOC")
            else ""
        )
        raise error(
            f"Pandoc kann nicht gestartet werden: {program}: {os_reason(exc)}{hint}.", source
        ) from None
    if result.returncode != 0:
        raise error(pandoc_failure(result.stderr, fmt), source)
    try:
        document: dict[str, Any] = json.loads(result.stdout)
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


_RTF_TOKEN = re.compile(rb"\\bin(-?\d{1,10}) ?|\\[\\{}]|[{}]")
"""What moves the group depth of RTF: braces, escaped braces and ``\\binN`` (N raw bytes)."""


def rtf_after_end(data: bytes, source: str) -> list[Diagnostic]:
    """A warning for text after the brace that closes the RTF document: Word, LibreOffice and
    pandoc leave it out, so it would be lost without a word (a script that appended to the
    file, two documents pasted together)."""
    depth, position = 0, 0
    while match := _RTF_TOKEN.search(data, position):
        position = match.end()
        token = match.group(0)
        if match.group(1) is not None:
            position += max(int(match.group(1)), 0)
        elif token == b"{":
            depth += 1
        elif token == b"}":
            depth -= 1
            if depth == 0:
                break
    else:
        return []
    rest = data[position:].strip(b" \t\r\n\x00\x1a")
    if not rest:
        return []
    line = data.count(b"\n", 0, position + data[position:].index(rest[:1])) + 1
    text = rest.decode("cp1252", "replace")
    shown = text if len(text) <= 60 else f"{text[:60]}…"
    return [
        Diagnostic(
            "warning",
            f"Nach dem Ende des RTF-Dokuments steht noch Text ({len(text)} Zeichen, „{shown}“); "
            "Word und LibreOffice zeigen ihn nicht, er wird nicht übernommen.",
            source,
            line,
        )
    ]


def hide_rtf_deletions(data: bytes) -> bytes:
    """Turn RTF's tracked deletions (``\\deleted``) into hidden text (``\\v``).

    Pandoc's RTF reader shows deleted text as strikeout, indistinguishable from real
    strikethrough; hidden text it leaves out. So deletions are gone, as in accepted changes.
    """
    return _RTF_DELETED.sub(rb"\1\\v", data)


# --- AST → lines ----------------------------------------------------------------------------


class Node(TypedDict):
    """A node of pandoc's JSON AST: its kind (``t``) and its content (``c``, absent for
    ``Space``, ``LineBreak`` …). The content's shape depends on the kind; each handler below
    names the shape it takes apart."""

    t: str
    c: NotRequired[Any]


Attr = tuple[str, list[str], list[tuple[str, str]]]
"""An element's identifier, classes and key-value pairs."""
Inlines = list[Node]
Blocks = list[Node]
Caption = tuple[Inlines | None, Blocks]
"""A table's or figure's short caption and its caption blocks."""
Cell = tuple[Attr, Node, int, int, Blocks]
"""A table cell: attributes, alignment, row span, column span, content."""
TableRow = tuple[Attr, list[Cell]]
TableBody = tuple[Attr, int, list[TableRow], list[TableRow]]
"""Attributes, row-head columns, the body's head rows, its rows."""
TableContent = tuple[Attr, Caption, list[Any], tuple[Attr, list[TableRow]], list[TableBody],
                     tuple[Attr, list[TableRow]]]  # fmt: skip
"""A ``Table``: attributes, caption, column specs, head, bodies, foot."""

IGNORED = frozenset({"HorizontalRule", "RawBlock", "RawInline", "Null"})
"""Node kinds that carry no text of the document: left out without a word."""


@dataclass
class _HeadingNumbers:
    """The numbers of the level-1 headings with text, handed out in document order."""

    numbers: list[int | None]
    next: int = 0

    def take(self) -> int | None:
        if self.next >= len(self.numbers):
            return None
        self.next += 1
        return self.numbers[self.next - 1]


@dataclass
class _Walker:
    """Walks pandoc's blocks in order into office paragraphs and rows.

    Dispatches on the node kind like docutils' ``NodeVisitor``: ``block_<Kind>`` and
    ``inline_<Kind>`` methods; a kind without a method goes to :meth:`unknown_visit`, which
    warns with the paragraph's position instead of dropping the node silently.
    """

    source: str = "<dokument>"
    blocks: list[Block] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    footnotes: list[Blocks] = field(default_factory=list)
    images: int = 0
    headings: _HeadingNumbers | None = None
    in_note: bool = False
    _unknown: set[str] = field(default_factory=set)

    def unknown_visit(self, node: Node) -> None:
        """An AST node we do not know: reported once per kind, with where it was."""
        kind = str(node.get("t"))
        if kind in IGNORED or kind in self._unknown:
            return
        self._unknown.add(kind)
        self.notes.append(
            Diagnostic(
                "warning",
                f"Unbekanntes Element „{kind}“ im Dokument nicht übernommen.",
                self.source,
                len(self.blocks) + 1,
            )
        )

    # blocks

    def walk(self, blocks: Blocks, style: frozenset[str] = frozenset(), level: int = 0) -> None:
        for block in blocks:
            self.block(block, style, level)

    def block(self, node: Node, style: frozenset[str], level: int) -> None:
        handler: Callable[[Any, frozenset[str], int], None] | None = getattr(
            self, f"block_{node.get('t')}", None
        )
        if handler is None:
            self.unknown_visit(node)
        else:
            handler(node.get("c"), style, level)

    def block_Para(self, inlines: Inlines, style: frozenset[str], level: int) -> None:
        self.paragraph(inlines, style)

    block_Plain = block_Para

    def block_Header(
        self, content: tuple[int, Attr, Inlines], style: frozenset[str], level: int
    ) -> None:
        heading: int | None
        heading, _attr, inlines = content
        if "aside" in style:
            heading = None  # e.g. "Termine" beside the protocol: no agenda item
        number = None
        counted = heading == 1 and self.headings is not None and not self.in_note
        if counted and self.headings is not None and _inlines_text(inlines).strip():
            number = self.headings.take()
        self.paragraph(inlines, style, heading=heading, number=number)

    def block_Div(self, content: tuple[Attr, Blocks], style: frozenset[str], level: int) -> None:
        attr, inner = content
        self.walk(inner, style | _styles(attr), level)

    def block_BlockQuote(self, inner: Blocks, style: frozenset[str], level: int) -> None:
        self.walk(inner, style, level)

    def block_BulletList(self, items: list[Blocks], style: frozenset[str], level: int) -> None:
        self.list_items(items, None, style, level)

    def block_OrderedList(
        self,
        content: tuple[tuple[int, Node, Node], list[Blocks]],
        style: frozenset[str],
        level: int,
    ) -> None:
        (start, number_style, delimiter), items = content
        self.list_items(items, (start, number_style["t"], delimiter["t"]), style, level)

    def block_LineBlock(self, content: list[Inlines], style: frozenset[str], level: int) -> None:
        joined: Inlines = []
        for inlines in content:
            joined.extend([*inlines, {"t": "LineBreak"}])
        self.paragraph(joined, style)

    def block_CodeBlock(self, content: tuple[Attr, str], style: frozenset[str], level: int) -> None:
        runs: list[Run] = []
        for text in content[1].splitlines():
            runs.extend((Run(text), BREAK))
        self.blocks.append(Paragraph(runs))

    def block_Table(self, content: TableContent, style: frozenset[str], level: int) -> None:
        """Each row becomes one line carrying its cells (a participants table)."""
        caption, rows = _table_parts(content)
        head = len(content[3][1])
        self.walk(caption, style)
        for index, row in enumerate(rows):
            cells = tuple(self.cell_text(cell[4]) for cell in row[1])
            self.blocks.append(Row(cells, header=index < head))

    def block_Figure(
        self, content: tuple[Attr, Caption, Blocks], style: frozenset[str], level: int
    ) -> None:
        _attr, (_short, caption), inner = content
        self.walk(inner, style, level)
        self.walk(caption, style, level)

    def block_DefinitionList(
        self, content: list[tuple[Inlines, list[Blocks]]], style: frozenset[str], level: int
    ) -> None:
        for term, definitions in content:
            self.paragraph(term, style)
            for definition in definitions:
                self.walk(definition, style, level)

    def block_HorizontalRule(self, content: None, style: frozenset[str], level: int) -> None:
        """No text."""

    def block_RawBlock(self, content: Any, style: frozenset[str], level: int) -> None:
        """Raw output of another format (e.g. HTML comments): no text of the document."""

    def cell_text(self, blocks: Blocks) -> str:
        """A table cell's text. What its walk reports is placed at the row (the cell's own
        paragraphs are no paragraphs of the document); a kind is reported once in all."""
        inner = _Walker(
            self.source, headings=self.headings, in_note=self.in_note, _unknown=self._unknown
        )
        inner.walk(blocks)
        self.images += inner.images
        row = len(self.blocks) + 1
        self.notes.extend(dataclasses.replace(note, line=row) for note in inner.notes)
        return cell_text(inner.blocks)

    def list_items(
        self,
        items: list[Blocks],
        numbering: tuple[int, str, str] | None,
        style: frozenset[str],
        level: int,
    ) -> None:
        """List items become lines with ``list_level``; an ordered list keeps its numbers."""
        for index, item in enumerate(items):
            label = None
            if numbering:
                start, number_style, delimiter = numbering
                label = number_label(start + index, number_style, delimiter)
            first = True
            for block in item:
                if first and _is_paragraph(block):
                    self.paragraph(
                        _paragraph_inlines(block),
                        _block_style(block, style),
                        list_level=max(level, _style_level(block)),
                        label=label,
                    )
                elif _is_paragraph(block):
                    # A further paragraph of the same item continues its text.
                    self.paragraph(
                        _paragraph_inlines(block), _block_style(block, style), continued=True
                    )
                else:
                    self.block(block, style, level + 1)
                first = False

    # inlines

    def paragraph(
        self,
        inlines: Inlines,
        style: frozenset[str],
        *,
        heading: int | None = None,
        number: int | None = None,
        list_level: int | None = None,
        label: str | None = None,
        continued: bool = False,
    ) -> None:
        """One paragraph, then the footnotes it refers to."""
        runs = self.runs(inlines, bold="bold" in style, underline=False)
        self.blocks.append(
            Paragraph(
                runs,
                heading=heading,
                number=number,
                list_level=list_level,
                label=label,
                continued=continued,
                bold_style="bold" in style,
                title_style="title" in style,
                presenter="presenter" in style,
            )
        )
        self.flush_footnotes()

    def runs(self, inlines: Inlines, *, bold: bool, underline: bool) -> list[Run]:
        """The paragraph's text as runs of equal formatting, with BREAK for hard line breaks."""
        out: list[Run] = []
        self._collect(inlines, bold, underline, out)
        return out

    def _collect(self, inlines: Inlines, bold: bool, underline: bool, out: list[Run]) -> None:
        for inline in inlines:
            handler: Callable[[Any, bool, bool, list[Run]], None] | None = getattr(
                self, f"inline_{inline.get('t')}", None
            )
            if handler is None:
                self.unknown_visit(inline)
            else:
                handler(inline.get("c"), bold, underline, out)

    def _text(self, text: str, bold: bool, underline: bool, out: list[Run]) -> None:
        last = out[-1] if out else BREAK
        if last is not BREAK and last.bold == bold and last.underline == underline:
            last.text += text
        else:
            out.append(Run(text, bold, underline))

    def inline_Str(self, text: str, bold: bool, underline: bool, out: list[Run]) -> None:
        self._text(text, bold, underline, out)

    def inline_Space(self, content: None, bold: bool, underline: bool, out: list[Run]) -> None:
        self._text(" ", bold, underline, out)

    inline_SoftBreak = inline_Space

    def inline_LineBreak(self, content: None, bold: bool, underline: bool, out: list[Run]) -> None:
        out.append(BREAK)

    def inline_Strong(self, inlines: Inlines, bold: bool, underline: bool, out: list[Run]) -> None:
        self._collect(inlines, True, underline, out)

    def inline_Underline(
        self, inlines: Inlines, bold: bool, underline: bool, out: list[Run]
    ) -> None:
        self._collect(inlines, bold, True, out)

    def inline_Emph(self, inlines: Inlines, bold: bool, underline: bool, out: list[Run]) -> None:
        self._collect(inlines, bold, underline, out)

    inline_Strikeout = inline_Superscript = inline_Subscript = inline_SmallCaps = inline_Emph

    def inline_Span(
        self, content: tuple[Attr, Inlines], bold: bool, underline: bool, out: list[Run]
    ) -> None:
        attr, inlines = content
        self._collect(inlines, bold or "bold" in _styles(attr), underline, out)

    def inline_Link(
        self,
        content: tuple[Attr, Inlines, tuple[str, str]],
        bold: bool,
        underline: bool,
        out: list[Run],
    ) -> None:
        """A link keeps its target: ``[label](target)``, or the bare URL when both agree."""
        _attr, inlines, (target, _title) = content
        label: list[Run] = []
        self._collect(inlines, bold, underline, label)
        for run in link_runs(label, target):
            if run is BREAK:
                out.append(run)
            else:
                self._text(run.text, run.bold, run.underline, out)

    def inline_Cite(
        self, content: tuple[list[Any], Inlines], bold: bool, underline: bool, out: list[Run]
    ) -> None:
        self._collect(content[1], bold, underline, out)

    def inline_Quoted(
        self, content: tuple[Node, Inlines], bold: bool, underline: bool, out: list[Run]
    ) -> None:
        double = content[0]["t"] == "DoubleQuote"
        opening, closing = ("„", "“") if double else ("‚", "‘")
        self._text(opening, bold, underline, out)
        self._collect(content[1], bold, underline, out)
        self._text(closing, bold, underline, out)

    def inline_Code(
        self, content: tuple[Attr, str], bold: bool, underline: bool, out: list[Run]
    ) -> None:
        self._text(content[1], bold, underline, out)

    inline_Math = inline_Code

    def inline_Note(self, blocks: Blocks, bold: bool, underline: bool, out: list[Run]) -> None:
        self.footnotes.append(blocks)

    def inline_Image(
        self,
        content: tuple[Attr, Inlines, tuple[str, str]],
        bold: bool,
        underline: bool,
        out: list[Run],
    ) -> None:
        self.images += 1

    def inline_RawInline(self, content: Any, bold: bool, underline: bool, out: list[Run]) -> None:
        """Raw output of another format: no text of the document."""

    def flush_footnotes(self) -> None:
        """Footnotes follow the paragraph that refers to them (as free paragraphs)."""
        notes, self.footnotes = self.footnotes, []
        in_note, self.in_note = self.in_note, True
        for note in notes:
            self.walk(note)
        self.in_note = in_note


def _content(node: Node) -> Any:
    """A node's content, whatever its shape (the caller knows it from the kind)."""
    return node.get("c")


def _styles(attr: Attr) -> frozenset[str]:
    """Our style flags from a Div/Span attribute: ``bold`` for speaker styles, ``title``,
    ``presenter`` (a DOCX style or HTML class), ``aside`` (an HTML section beside the protocol)."""
    flags: set[str] = set()
    classes = {str(c).lower() for c in attr[1]}
    if PRESENTER_STYLES & classes:
        flags.add("presenter")
    if ASIDE_CLASSES & classes:
        flags.add("aside")
    for key, value in attr[2]:
        if key == "custom-style":
            flags |= style_flags(str(value))
    return frozenset(flags)


def _style_level(block: Node) -> int:
    """Word's ``List Bullet 2`` (``Aufzählungszeichen 2``) is a second-level point even when its
    numbering, as in Word's own template, has a single level (pandoc then sees level 0)."""
    level = 0
    while block["t"] == "Div":
        for key, value in block["c"][0][2]:
            if key == "custom-style":
                level = max(level, style_list_level(str(value)))
        block = block["c"][1][0]
    return level


def _is_paragraph(block: Node) -> bool:
    if block["t"] in ("Para", "Plain"):
        return True
    return bool(block["t"] == "Div" and block["c"][1] and _is_paragraph(block["c"][1][0]))


def _paragraph_inlines(block: Node) -> Inlines:
    while block["t"] == "Div":
        block = block["c"][1][0]
    inlines: Inlines = block["c"]
    return inlines


def _block_style(block: Node, style: frozenset[str]) -> frozenset[str]:
    while block["t"] == "Div":
        style = style | _styles(block["c"][0])
        block = block["c"][1][0]
    return style


def _inlines_text(inlines: Inlines) -> str:
    walker = _Walker()
    return "".join(
        " " if r is BREAK else r.text for r in walker.runs(inlines, bold=False, underline=False)
    )


def _meta_paragraphs(key: str, value: Node, walker: _Walker) -> None:
    """A metadata value (MetaInlines, MetaBlocks, MetaList, MetaString) as paragraphs."""
    kind, content = value["t"], _content(value)
    if kind == "MetaInlines":
        walker.blocks.append(Paragraph(walker.runs(content, bold=False, underline=False), meta=key))
    elif kind == "MetaString":
        walker.blocks.append(Paragraph([Run(str(content))], meta=key))
    elif kind == "MetaBlocks":
        walker.walk(content)
    elif kind == "MetaList":
        for item in content:
            _meta_paragraphs(key, item, walker)


def _meta_texts(value: Node) -> list[str]:
    """The text lines of a metadata value."""
    walker = _Walker()
    _meta_paragraphs("date", value, walker)
    return [line.text for line in document_lines(walker.blocks) if line.text]


def ast_lines(
    document: dict[str, Any],
    fmt: str,
    heading_numbers: Sequence[int | None] | None = None,
    source: str = "<dokument>",
) -> tuple[list[Line], list[Diagnostic]]:
    """Lines with hints from pandoc's JSON AST, and notes about what was left out.

    ``heading_numbers`` are the numbers the document's automatic heading numbering shows, one
    per level-1 heading with text in document order
    (:func:`protokollkit.readers.numbering.heading_numbers`); the N-th level-1 Header with text
    of the AST (footnotes left out) gets the N-th number. If pandoc saw a different number of
    them, the numbers are ignored (the layout counts the headings itself, as without them).
    """
    walker = _Walker(source)
    blocks: Blocks = document.get("blocks", [])
    if heading_numbers is not None:
        count = sum(1 for inlines in _level1_headers(blocks) if _inlines_text(inlines).strip())
        if count == len(heading_numbers):
            walker.headings = _HeadingNumbers(list(heading_numbers))
    meta: dict[str, Node] = document.get("meta", {})
    if fmt == "docx":
        # Pandoc's Word reader moves the Title (Subtitle, Author, Date, Abstract) paragraphs
        # into the metadata; they are the first paragraphs of the body for us.
        for key in ("title", *META_BODY_KEYS):
            if key in meta:
                _meta_paragraphs(key, meta[key], walker)
    walker.walk(blocks)
    notes = [*walker.notes, *images_note(walker.images, source)]
    return document_lines(walker.blocks), notes


def _table_parts(content: TableContent) -> tuple[Blocks, list[TableRow]]:
    """A pandoc ``Table``'s caption blocks and all its rows: head, body heads and rows, foot."""
    _attr, (_short, caption), _specs, head, bodies, foot = content
    rows: list[TableRow] = list(head[1])
    for body in bodies:
        rows.extend(body[2])
        rows.extend(body[3])
    rows.extend(foot[1])
    return caption, rows


def _level1_headers(blocks: Blocks) -> Iterator[Inlines]:
    """The inlines of the level-1 Header blocks in document order (in lists, tables, divs; not
    in footnotes), in the order :class:`_Walker` visits them."""
    for block in blocks:
        kind, content = block["t"], _content(block)
        if kind == "Header":
            if content[0] == 1:
                yield content[2]
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


# --- dates from the document's properties ---------------------------------------------------

_CORE_CREATED = re.compile(rb"<dcterms:created[^>]*>\s*([^<\s]+)\s*<")
_ODT_CREATED = re.compile(rb"<meta:creation-date>\s*([^<\s]+)\s*<")
_RTF_CREATED = re.compile(rb"\\creatim\s*\\yr(\d{4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")


def document_date(document: dict[str, Any], data: bytes, fmt: str) -> tuple[dt.date, str] | None:
    """A fallback date: a Date paragraph or date metadata, else the creation date."""
    meta = document.get("meta", {})
    if "date" in meta:
        found = date_in(_meta_texts(meta["date"]))
        if found:
            return found
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
            date = iso_local_date(match.group(1).decode("ascii", "replace"))
            return (date, "erstellt am") if date else None
    if fmt == "rtf":
        match = _RTF_CREATED.search(data)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())), "erstellt am"
            except ValueError:
                return None
    return None
