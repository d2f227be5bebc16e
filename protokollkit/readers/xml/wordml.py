"""A .docx package (WordprocessingML) → paragraphs and table rows.

Reads ``word/document.xml`` with ``styles.xml``, ``numbering.xml``, ``footnotes.xml``,
``endnotes.xml`` and the document's relationships (hyperlink targets). What Word shows once all
tracked changes are accepted is what comes out:

* paragraphs with their style (headings through the ``w:basedOn`` chain, also the localised
  ``Überschrift 1``), the numbering they show (``w:numPr`` of the paragraph or its style),
  bold/underline of their runs (direct or through a character style), hard breaks, tabs,
  ``w:noBreakHyphen`` (U+2011), ``w:softHyphen`` (U+00AD), field results (not their
  instructions), hyperlinks with their target, content controls (``w:sdt``);
* ``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom`` left out; a paragraph whose mark is
  deleted joins the next one; hidden text (``w:vanish``) left out;
* tables row by row (a vertically merged cell once, in its first row);
* footnotes and endnotes, and the paragraphs of text boxes, after the paragraph that holds them;
* comments, headers and footers are other parts: not read as the document's text, but their
  text is handed on (``WordDocument.left_out``, as is hidden text) to be named in notes.

Runs of spaces, tabs and line feeds become one space, as in pandoc's Word reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.readers.numbering import Numbered, W, WordCounter, mark_deleted
from protokollkit.readers.office import (
    BREAK,
    Block,
    Paragraph,
    Row,
    Run,
    body_words,
    cell_text,
    link_runs,
    normalize_spaces,
    number_label,
    number_style,
    says_nothing_new,
    style_flags,
    style_list_level,
)
from protokollkit.readers.xml import Element, Package

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CORE = "{http://purl.org/dc/terms/}"

_P, _R, _T, _TBL, _TR, _TC = (f"{W}{n}" for n in ("p", "r", "t", "tbl", "tr", "tc"))
_DELETED = {f"{W}del", f"{W}moveFrom"}
_CONTAINERS = {
    f"{W}ins",
    f"{W}moveTo",
    f"{W}smartTag",
    f"{W}customXml",
    f"{W}dir",
    f"{W}bdo",
}
"""Inline elements whose children are read as if they stood in their place."""

_OFF = {"0", "false", "off", "none"}
_META_STYLES = {
    "title": "title",
    "titel": "title",
    "subtitle": "subtitle",
    "untertitel": "subtitle",
    "author": "author",
    "autor": "author",
    "date": "date",
    "datum": "date",
}
"""Word paragraph styles that pandoc moves into the metadata when they open the document."""

STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W[1:-1].encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R[1:-1].encode(),
}
"""Word's "Strict Open XML Document" namespaces → the transitional ones read here."""

_HYPERLINK_FIELD = re.compile(
    r'^\s*HYPERLINK\b(?:\s+(?:"([^"]*)"|([^\s"\\]\S*)))?(?:\s+\\l\s+"([^"]*)")?'
)
"""``HYPERLINK "url"``, ``HYPERLINK url \\l "anchor"``, or (a link inside the document, as Word
writes it) ``HYPERLINK \\l "anchor"`` without a target."""


@dataclass
class _CharStyle:
    based_on: str | None
    bold: bool | None
    underline: bool | None
    hidden: bool | None


@dataclass
class _ParaStyle:
    name: str
    based_on: str | None


@dataclass
class WordDocument:
    """What the reader takes from a .docx: its blocks, images left out, the date fields."""

    blocks: list[Block]
    images: int
    date_texts: list[str]
    created: str | None
    left_out: list[tuple[str, str]] = field(default_factory=list)
    """Text Word does not show in the document's body, in order: (``hidden``, text) per
    paragraph with hidden text, then (``comment``, author: text), (``header``/``footer``, text)."""


def _toggle(rpr: Element | None, tag: str) -> bool | None:
    """A toggle property (``w:b``, ``w:vanish``) of run properties: True, False or unset."""
    if rpr is None:
        return None
    element = rpr.find(f"{W}{tag}")
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in _OFF


def _underline(rpr: Element | None) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(f"{W}u")
    if element is None:
        return None
    return element.get(f"{W}val", "single").lower() not in _OFF


def _val(element: Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")


@dataclass
class _Field:
    """A complex field (``w:fldChar``) being read: its instruction, then its result."""

    instruction: str = ""
    result: bool = False
    start: int = 0
    """Where the field's result begins in the paragraph's runs."""


@dataclass
class _Walker:
    package: Package
    counter: WordCounter
    char_styles: dict[str, _CharStyle]
    para_styles: dict[str, _ParaStyle]
    links: dict[str, str]
    notes: dict[str, Element]
    blocks: list[Block] = field(default_factory=list)
    images: int = 0
    date_texts: list[str] = field(default_factory=list)
    counting: bool = True
    """False inside footnotes and text boxes: Word's list counters go on in the body only."""
    meta_open: bool = True
    """True while only title/subtitle/author/date paragraphs have been read."""
    pending: list[Run] = field(default_factory=list)
    """Runs of a paragraph whose mark was deleted: they begin the next paragraph."""
    pending_later: list[Element] = field(default_factory=list)
    """The notes and text boxes of those paragraphs: they follow the paragraph they join."""
    fields: list[_Field] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    """The hidden text (``w:vanish``) of each paragraph that has some."""
    hidden_runs: list[str] = field(default_factory=list)
    formatted_break: bool = False
    """The paragraph being read has a line break in bold or underline."""
    _format_cache: dict[str | None, tuple[bool, bool, bool]] = field(default_factory=dict)

    # --- blocks ---------------------------------------------------------------------------

    def body(self, element: Element) -> None:
        for child in element:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.body(content)
            elif tag in _CONTAINERS:
                self.body(child)
            elif tag == f"{MC}AlternateContent":
                self.body(_alternative(child))
            # w:del/w:moveFrom (deleted), w:sectPr, bookmarks and the like carry no text.

    def paragraph(self, p: Element) -> None:
        ppr = p.find(f"{W}pPr")
        runs: list[Run] = []
        later: list[Element] = []
        self.formatted_break = False
        self.inlines(p, runs, later)
        if self.hidden_runs:
            self.hidden.append("".join(self.hidden_runs))
            self.hidden_runs = []
        # A field whose instruction never ended in this paragraph is broken: forget it, so
        # that it cannot hide the rest of the document.
        self.fields = [f for f in self.fields if f.result]
        for open_field in self.fields:
            open_field.start = 0
        has_text = any(r.text.strip() for r in runs if r is not BREAK)
        if mark_deleted(ppr):
            # Accepting the deletion of the paragraph mark joins this paragraph to the next.
            if has_text and self.counting:
                self.counter.count(ppr)
            elif not has_text and self.counter.heading(_style_of(ppr)) is not None:
                # Pandoc keeps a heading deleted as a whole as an empty one: it counts as a
                # paragraph (the numbers of later paragraphs stay the same in both paths).
                self.blocks.append(Paragraph([], heading=self.counter.heading(_style_of(ppr))))
            self.pending.extend(runs)
            self.pending_later.extend(later)
            return
        if self.pending:
            runs[:0] = self.pending
            self.pending = []
        if self.pending_later:
            later[:0] = self.pending_later
            self.pending_later = []
        numbered = self.counter.count(ppr) if self.counting else None
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        style = self.para_styles.get(style_id or "")
        names = [n for n in (style_id, style.name if style else None) if n]
        normalize_spaces(runs)
        has_text = any(r.text.strip() for r in runs)
        heading = self.counter.heading(style_id)
        meta = next((_META_STYLES[n.lower()] for n in names if n.lower() in _META_STYLES), None)
        if meta is None or not self.meta_open or not self.counting:
            # Like pandoc: only the paragraphs before the first other text, heading or list
            # item (even an empty one) are the document's metadata.
            if has_text or heading is not None or numbered is not None:
                self.meta_open = False
            meta = None
        block = Paragraph(runs, meta=meta)
        if meta == "date":
            self.date_texts.append("".join(r.text for r in runs))
        flags = frozenset().union(*(style_flags(name) for name in names))
        block.bold_style = "bold" in flags
        block.title_style = "title" in flags
        block.presenter = "presenter" in flags
        if heading is not None and meta is None:
            block.heading = heading
            if heading == 1 and numbered is not None and numbered.level.shown:
                block.number = numbered.number
        elif numbered is not None and meta is None:
            block.list_level = max([numbered.ilvl, *(style_list_level(n) for n in names if style)])
            block.label = _label(numbered)
        if has_text or block.heading is not None or meta is not None or self.formatted_break:
            # Empty paragraphs are left out, as pandoc does, but an empty heading or title
            # counts; so does a line break in bold or underline alone (pandoc keeps it as a
            # LineBreak inside the formatting, so later paragraph numbers agree).
            self.blocks.append(block)
        self.after(later)

    def after(self, later: list[Element]) -> None:
        """Text boxes and notes of a paragraph: their paragraphs follow it."""
        counting, self.counting = self.counting, False
        meta_open, self.meta_open = self.meta_open, False
        for element in later:
            self.body(element)
        self.counting, self.meta_open = counting, meta_open

    def table(self, tbl: Element) -> None:
        rows = _rows(tbl)
        heading_rows = _heading_rows(tbl, rows)
        for index, row in enumerate(rows):
            cells: list[str] = []
            for cell in _cells(row):
                props = cell.find(f"{W}tcPr")
                merge = props.find(f"{W}vMerge") if props is not None else None
                if merge is not None and merge.get(f"{W}val", "continue") != "restart":
                    continue  # the rest of a vertically merged cell: shown in its first row
                inner = _Walker(
                    self.package,
                    self.counter,
                    self.char_styles,
                    self.para_styles,
                    self.links,
                    self.notes,
                    counting=self.counting,
                    meta_open=False,
                    fields=self.fields,
                    _format_cache=self._format_cache,
                )
                inner.body(cell)
                if inner.pending:
                    # the cell's last paragraph mark is deleted: there is no next paragraph in
                    # the cell to join, so Word shows the text where it stands
                    inner.blocks.append(Paragraph(inner.pending))
                    inner.pending = []
                later, inner.pending_later = inner.pending_later, []
                inner.after(later)
                self.images += inner.images
                self.hidden += inner.hidden
                cells.append(cell_text(inner.blocks))
            self.blocks.append(Row(tuple(cells), index < heading_rows))
        self.meta_open = False

    # --- inlines --------------------------------------------------------------------------

    def inlines(self, parent: Element, out: list[Run], later: list[Element]) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                self.run(child, out, later)
            elif tag == f"{W}fldSimple":
                result: list[Run] = []
                self.inlines(child, result, later)
                match = _HYPERLINK_FIELD.match(child.get(f"{W}instr") or "")
                out.extend(link_runs(result, _field_target(match)) if match else result)
            elif tag in _CONTAINERS:
                self.inlines(child, out, later)
            elif tag == f"{W}hyperlink":
                label: list[Run] = []
                self.inlines(child, label, later)
                out.extend(link_runs(label, self.hyperlink_target(child)))
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.inlines(content, out, later)
            elif tag == f"{MC}AlternateContent":
                self.inlines(_alternative(child), out, later)
            # w:del, w:moveFrom, w:pPr, bookmarks, comment marks, w:proofErr: no text.

    def hyperlink_target(self, link: Element) -> str:
        rid = link.get(f"{R}id")
        if rid is not None and rid in self.links:
            return self.links[rid]
        anchor = link.get(f"{W}anchor")
        return f"#{anchor}" if anchor else ""

    def run(self, r: Element, out: list[Run], later: list[Element]) -> None:
        bold, underline, hidden = self.run_format(r.find(f"{W}rPr"))
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                self.field_char(child, out)
            elif tag == f"{W}instrText":
                if self.fields:
                    self.fields[-1].instruction += child.text or ""
            elif self.fields and not self.fields[-1].result:
                continue  # inside a field's instruction: not shown
            elif hidden:
                if tag == _T and child.text:
                    self.hidden_runs.append(child.text)
                continue
            elif tag == _T:
                out.append(Run(child.text or "", bold, underline))
            elif tag in (f"{W}tab", f"{W}ptab"):
                out.append(Run("\t", bold, underline))
            elif tag in (f"{W}br", f"{W}cr"):
                out.append(BREAK)
                self.formatted_break = self.formatted_break or bold or underline
            elif tag == f"{W}noBreakHyphen":
                out.append(Run("\u2011", bold, underline))
            elif tag == f"{W}softHyphen":
                out.append(Run("\u00ad", bold, underline))
            elif tag == f"{W}sym":
                code = child.get(f"{W}char")
                if code and len(code) <= 6 and all(c in "0123456789abcdefABCDEF" for c in code):
                    value = int(code, 16)
                    # a character, not a control code, half a surrogate pair or beyond Unicode
                    if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
                        out.append(Run(chr(value), bold, underline))
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                kind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
                note = self.notes.get(f"{kind}:{child.get(f'{W}id')}")
                if note is not None:
                    later.append(note)
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                self.drawing(child, later)
            elif tag == f"{MC}AlternateContent":
                self.drawing(_alternative(child), later)

    def drawing(self, element: Element, later: list[Element]) -> None:
        """A drawing: its text boxes are read after the paragraph; a picture is counted."""
        boxes = list(element.iter(f"{W}txbxContent"))
        # A text box nested in a text box is read with its outer box.
        later.extend(b for b in boxes if not any(a in boxes for a in b.iterancestors()))
        if not boxes and any(
            e.tag.endswith(("}pic", "}imagedata", "}blip")) for e in element.iter()
        ):
            self.images += 1

    def field_char(self, element: Element, out: list[Run]) -> None:
        kind = element.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].result = True
            self.fields[-1].start = len(out)
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            match = _HYPERLINK_FIELD.match(done.instruction)
            if match and done.result and done.start <= len(out):
                out[done.start :] = link_runs(out[done.start :], _field_target(match))

    def run_format(self, rpr: Element | None) -> tuple[bool, bool, bool]:
        """(bold, underline, hidden) of a run: its own properties over its character style."""
        style = _val(rpr.find(f"{W}rStyle")) if rpr is not None else None
        bold, underline, hidden = self.style_format(style)
        own_bold = _toggle(rpr, "b")
        own_underline = _underline(rpr)
        own_hidden = _toggle(rpr, "vanish")
        return (
            bold if own_bold is None else own_bold,
            underline if own_underline is None else own_underline,
            hidden if own_hidden is None else own_hidden,
        )

    def style_format(self, style_id: str | None) -> tuple[bool, bool, bool]:
        """(bold, underline, hidden) that a character style (and those it is based on) sets."""
        if style_id in self._format_cache:
            return self._format_cache[style_id]
        bold: bool | None = None
        underline: bool | None = None
        hidden: bool | None = None
        seen: set[str] = set()
        current = style_id
        while current is not None and current in self.char_styles and current not in seen:
            seen.add(current)
            style = self.char_styles[current]
            bold = style.bold if bold is None else bold
            underline = style.underline if underline is None else underline
            hidden = style.hidden if hidden is None else hidden
            current = style.based_on
        result = (bool(bold), bool(underline), bool(hidden))
        self._format_cache[style_id] = result
        return result


def _style_of(ppr: Element | None) -> str | None:
    """The paragraph style id of paragraph properties."""
    return _val(ppr.find(f"{W}pStyle")) if ppr is not None else None


def _field_target(match: re.Match[str]) -> str:
    """The target of a ``HYPERLINK "url" \\l "anchor"`` field instruction."""
    target = match.group(1) or match.group(2) or ""
    if match.group(3):
        return f"{target}#{match.group(3)}" if target else f"#{match.group(3)}"
    return target


def _alternative(element: Element) -> Element:
    """The one branch of ``mc:AlternateContent`` to read: the first choice, else the fallback."""
    for child in element:
        if child.tag in (f"{MC}Choice", f"{MC}Fallback"):
            return child
    return element


def _rows(tbl: Element) -> list[Element]:
    """The rows of a table, also those inside content controls; deleted rows left out."""
    rows: list[Element] = []
    for child in tbl:
        if child.tag == _TR:
            props = child.find(f"{W}trPr")
            if props is None or (
                props.find(f"{W}del") is None and props.find(f"{W}moveFrom") is None
            ):
                rows.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            rows.extend(_rows(child))
    return rows


def _heading_rows(tbl: Element, rows: list[Element]) -> int:
    """How many rows at the top are the table's heading, as pandoc counts them: the rows marked
    "repeat as header row" (``w:tblHeader``), else the first row when the table look formats
    it as a heading (``w:tblLook`` ``firstRow``, on in Word's default tables); a cell of
    theirs merged downwards takes the rows it covers along."""
    count = 0
    while count < len(rows) and _repeated_header(rows[count]):
        count += 1
    if count == 0 and rows and _first_row_look(tbl):
        count = 1
    while 0 < count < len(rows) and any(_continues_merge(cell) for cell in _cells(rows[count])):
        count += 1
    return count


def _repeated_header(row: Element) -> bool:
    props = row.find(f"{W}trPr")
    return props is not None and _toggle(props, "tblHeader") is True


def _first_row_look(tbl: Element) -> bool:
    look = tbl.find(f"{W}tblPr/{W}tblLook")
    if look is None:
        return False
    first = look.get(f"{W}firstRow")
    if first is not None:
        return first.lower() in ("1", "true", "on")
    value = look.get(f"{W}val", "")
    try:
        return bool(int(value, 16) & 0x0020)
    except ValueError:
        return False


def _continues_merge(cell: Element) -> bool:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val", "continue") != "restart"


def _cells(row: Element) -> list[Element]:
    cells: list[Element] = []
    for child in row:
        if child.tag == _TC:
            cells.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            cells.extend(_cells(child))
    return cells


def _label(numbered: Numbered) -> str | None:
    """An ordered list item's label as pandoc writes it (``3.``, ``c)``, ``(iv)``)."""
    level = numbered.level
    style = number_style(level.format)
    if style is None or not level.shown:
        return None
    text = level.text.strip()
    delimiter = "TwoParens" if text.startswith("(") else "OneParen" if text.endswith(")") else ""
    return number_label(numbered.number, style, delimiter)


def _char_styles(styles: Element | None) -> tuple[dict[str, _CharStyle], dict[str, _ParaStyle]]:
    chars: dict[str, _CharStyle] = {}
    paras: dict[str, _ParaStyle] = {}
    if styles is None:
        return chars, paras
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if style_id is None:
            continue
        kind = style.get(f"{W}type")
        based_on = _val(style.find(f"{W}basedOn"))
        if kind == "character":
            rpr = style.find(f"{W}rPr")
            chars[style_id] = _CharStyle(
                based_on, _toggle(rpr, "b"), _underline(rpr), _toggle(rpr, "vanish")
            )
        elif kind == "paragraph":
            paras[style_id] = _ParaStyle(_val(style.find(f"{W}name")) or style_id, based_on)
    return chars, paras


def _relationships(package: Package) -> dict[str, str]:
    """Relationship id → target of the document's external hyperlinks."""
    rels = package.xml("word/_rels/document.xml.rels")
    if rels is None:
        return {}
    return {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in rels.iter(f"{REL}Relationship")
        if rel.get("Type", "").endswith("/hyperlink")
    }


def _notes(package: Package) -> dict[str, Element]:
    """``footnote:ID`` / ``endnote:ID`` → the note's element (separators left out)."""
    notes: dict[str, Element] = {}
    for kind in ("footnote", "endnote"):
        root = package.xml(f"word/{kind}s.xml")
        if root is None:
            continue
        for note in root.iter(f"{W}{kind}"):
            if note.get(f"{W}type") in (None, "normal"):
                notes[f"{kind}:{note.get(f'{W}id')}"] = note
    return notes


def _part_text(root: Element) -> str:
    """The shown text of a part (a comment, a header): its paragraphs joined by spaces."""
    paragraphs = (
        "".join(t.text or "" for t in p.iter(_T) if not _deleted(t)) for p in root.iter(_P)
    )
    return " ".join(" ".join(text.split()) for text in paragraphs if text.strip())


def _deleted(element: Element) -> bool:
    """True when ``element`` lies inside tracked deleted text (``w:del``/``w:moveFrom``)."""
    return any(a.tag in (f"{W}del", f"{W}moveFrom") for a in element.iterancestors())


def _left_out_parts(package: Package, blocks: list[Block]) -> list[tuple[str, str]]:
    """The text of comments, headers and footers: (kind, text), each text once; not a header
    or footer that only numbers the pages or repeats the body's words (the meeting's name and
    the date, as our own writer puts them there)."""
    body: set[str] | None = None
    found: list[tuple[str, str]] = []
    parts = [("comment", "word/comments.xml")] + [
        (kind, name)
        for kind in ("header", "footer")
        for name in sorted(n for n in package.names if re.fullmatch(rf"word/{kind}\d*\.xml", n))
    ]
    for kind, name in parts:
        try:
            root = package.xml(name)
        except ProtokollkitError:  # a damaged comment or header does not stop the reading
            found.append((kind, f"(Teil „{name}“ nicht lesbar)"))
            continue
        if root is None:
            continue
        for element in root.iter(f"{W}comment") if kind == "comment" else [root]:
            text = _part_text(element)
            author = element.get(f"{W}author", "").strip() if kind == "comment" else ""
            text = f"{author}: {text}" if author and text else text
            if kind != "comment" and text:
                body = body_words(blocks) if body is None else body
                if says_nothing_new(text, body):
                    continue
            if text and (kind, text) not in found:
                found.append((kind, text))
    return found


def read_package(package: Package) -> WordDocument:
    """The blocks of a .docx package, with what the reader needs besides them."""
    document = package.required("word/document.xml")
    styles = package.xml("word/styles.xml")
    counter = WordCounter(styles, package.xml("word/numbering.xml"))
    chars, paras = _char_styles(styles)
    walker = _Walker(package, counter, chars, paras, _relationships(package), _notes(package))
    body = document.find(f"{W}body")
    if body is not None:
        walker.body(body)
        if walker.pending:
            walker.blocks.append(Paragraph(walker.pending))
            walker.pending = []
        later, walker.pending_later = walker.pending_later, []
        walker.after(later)
    core = package.xml("docProps/core.xml")
    created = core.find(f"{CORE}created") if core is not None else None
    return WordDocument(
        walker.blocks,
        walker.images,
        walker.date_texts,
        created.text if created is not None else None,
        [("hidden", text) for text in walker.hidden] + _left_out_parts(package, walker.blocks),
    )
