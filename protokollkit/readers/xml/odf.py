"""An .odt package (OpenDocument text) → paragraphs and table rows.

Reads ``content.xml`` with ``styles.xml`` and ``meta.xml``. The body of an .odt already shows
the document with its tracked changes accepted (deleted text waits in ``text:tracked-changes``,
which is not read). What comes out:

* paragraphs and headings (``text:h``: outline level, the number the outline numbering shows –
  ``text:restart-numbering``, ``text:is-list-header`` – see
  :class:`~protokollkit.readers.numbering.OutlineCounter`), bold/underline from the paragraph's
  and the spans' styles (through ``style:parent-style-name``), line breaks, tabs, links with
  their target (``text:a``), field results;
* lists (``text:list``) as list items with their level, ordered ones with their number
  (``text:start-value``, ``text:continue-numbering``); a further paragraph of an item continues
  it;
* tables row by row (covered cells of merged ones left out);
* footnotes/endnotes (``text:note``) and the paragraphs of text boxes after their paragraph;
* hidden text (``text:display="none"``, ``text:hidden-text``), comments
  (``office:annotation``), headers and footers (in ``styles.xml``) left out; the text of
  hidden paragraphs and spans, comments, headers and footers is handed on
  (``OdfDocument.left_out``) to be named in notes.

Runs of spaces, tabs and line feeds become one space, as in pandoc.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from protokollkit.readers.numbering import (
    OFFICE,
    STYLE,
    TEXT,
    OutlineCounter,
    number_attribute,
)
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

FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

_P, _H, _SPAN, _LIST = f"{TEXT}p", f"{TEXT}h", f"{TEXT}span", f"{TEXT}list"
_SKIPPED = {
    f"{TEXT}tracked-changes",
    f"{OFFICE}annotation",
    f"{OFFICE}annotation-end",
    f"{TEXT}note-citation",
    f"{TEXT}hidden-text",
    f"{TEXT}hidden-paragraph",
    f"{TEXT}sequence-decls",
    f"{TEXT}variable-decls",
    f"{TEXT}user-field-decls",
    f"{TEXT}bookmark",
    f"{TEXT}bookmark-start",
    f"{TEXT}bookmark-end",
    f"{TEXT}soft-page-break",
    f"{TEXT}change",
    f"{TEXT}change-start",
    f"{TEXT}change-end",
    f"{OFFICE}forms",
}
"""Elements that are no text of the document: deleted text, comments, declarations, marks."""

_PICTURES = {f"{DRAW}image", f"{DRAW}object", f"{DRAW}object-ole"}

_BOLD_WEIGHTS = {"bold", "600", "700", "800", "900"}


@dataclass
class _Style:
    parent: str | None
    bold: bool | None
    underline: bool | None
    hidden: bool | None
    display_name: str
    automatic: bool = False
    """From ``office:automatic-styles``: direct formatting, not a style the user chose."""


@dataclass
class _ListLevel:
    ordered: bool
    number_style: str | None
    delimiter: str
    start: int


@dataclass
class OdfDocument:
    """What the reader takes from an .odt: its blocks, images left out, its creation date."""

    blocks: list[Block]
    images: int
    created: str | None
    left_out: list[tuple[str, str]] = field(default_factory=list)
    """Text the document does not show in its body: (``hidden``, text) per hidden paragraph
    or span, then (``comment``, author: text), (``header``/``footer``, text)."""


MAX_SPACES = 1000
"""``text:s`` (repeated spaces) above this many is this many: spaces are squeezed anyway."""


def _count(text: str | None, default: int) -> int:
    """A non-negative number attribute (a level, a start value, a count), else ``default``."""
    value = number_attribute(text, default)
    return value if value >= 0 else default


@dataclass
class _Walker:
    styles: dict[str, _Style]
    list_styles: dict[str, dict[int, _ListLevel]]
    outline: OutlineCounter
    blocks: list[Block] = field(default_factory=list)
    images: int = 0
    counting: bool = True
    """False in footnotes and text boxes: the outline numbering counts body headings only."""
    hidden: list[str] = field(default_factory=list)
    """The text of each hidden paragraph or span."""
    list_counters: dict[str, list[int]] = field(default_factory=dict)
    """List style → the running numbers of its levels (for ``text:continue-numbering``)."""
    _format_cache: dict[str, tuple[bool | None, bool | None, bool]] = field(default_factory=dict)

    # --- blocks ---------------------------------------------------------------------------

    def body(self, element: Element, in_list: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag in (_P, _H):
                self.paragraph(child, in_list=in_list)
            elif tag == _LIST:
                self.text_list(child, 0, None)
            elif tag == f"{TABLE}table":
                self.table(child)
            elif tag in _SKIPPED or tag.startswith(f"{TABLE}"):
                continue
            else:
                # text:section, text:index-body, office:text and the like hold paragraphs.
                self.body(child, in_list)

    def paragraph(
        self,
        element: Element,
        *,
        in_list: bool = False,
        list_level: int | None = None,
        label: str | None = None,
        continued: bool = False,
    ) -> None:
        style_name = element.get(f"{TEXT}style-name") or ""
        bold, underline, hidden = self.style_format(style_name)
        if element.tag == _H:
            # Like pandoc: a heading's own style does not make its text bold or underlined.
            bold = underline = False
        runs: list[Run] = []
        later: list[Element] = []
        if not hidden:
            self.inlines(element, runs, later, bold, underline)
        else:
            self.note_hidden(element)
        normalize_spaces(runs)
        block = Paragraph(runs, list_level=list_level, label=label, continued=continued)
        names = self.style_names(style_name)
        flags = frozenset().union(*(style_flags(name) for name in names))
        block.bold_style = "bold" in flags
        block.title_style = "title" in flags
        block.presenter = "presenter" in flags
        if list_level is not None:
            # Word's "List Bullet 2" (saved as .odt) is a second-level point.
            block.list_level = max([list_level, *(style_list_level(n) for n in names)])
        if element.tag == _H:
            level = number_attribute(element.get(f"{TEXT}outline-level"), 1)
            block.heading = level if level > 0 else 1
            block.list_level, block.label, block.continued = None, None, False
            number = self.outline.number(element, in_list) if self.counting else None
            if block.heading == 1:
                block.number = number
        self.blocks.append(block)
        self.after(later)

    def after(self, later: list[Element]) -> None:
        """Footnotes and text boxes of a paragraph: their paragraphs follow it."""
        counting, self.counting = self.counting, False
        for element in later:
            self.body(element)
        self.counting = counting

    def text_list(self, element: Element, level: int, style: str | None) -> None:
        """A ``text:list``: each item's first paragraph is a list item of ``level``."""
        style = element.get(f"{TEXT}style-name") or style
        key = style or ""
        levels = self.list_styles.get(key, {})
        spec = levels.get(level + 1, _ListLevel(False, None, "", 1))
        counters = self.list_counters.setdefault(key, [])
        while len(counters) <= level:
            counters.append(0)
        if element.get(f"{TEXT}continue-numbering") != "true" and not element.get(
            f"{TEXT}continue-list"
        ):
            counters[level] = spec.start - 1
        del counters[level + 1 :]
        for item in element:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            label: str | None = None
            if spec.ordered and item.tag == f"{TEXT}list-item":
                start = item.get(f"{TEXT}start-value")
                counters[level] = _count(start, counters[level] + 1)
                if spec.number_style is not None:
                    label = number_label(counters[level], spec.number_style, spec.delimiter)
            first = True
            for child in item:
                if child.tag in (_P, _H):
                    if first:
                        self.paragraph(child, in_list=True, list_level=level, label=label)
                    else:
                        self.paragraph(child, in_list=True, continued=True)
                    first = False
                elif child.tag == _LIST:
                    self.text_list(child, level + 1, style)
                    first = False
                elif child.tag == f"{TABLE}table":
                    self.table(child)
                    first = False

    def table(self, element: Element) -> None:
        for row, header in _rows(element):
            cells: list[str] = []
            for cell in row:
                if cell.tag != f"{TABLE}table-cell":
                    continue  # table:covered-table-cell: part of a merged cell
                inner = _Walker(
                    self.styles,
                    self.list_styles,
                    self.outline,
                    counting=False,
                    _format_cache=self._format_cache,
                )
                inner.body(cell)
                self.images += inner.images
                cells.append(cell_text(inner.blocks))
            self.blocks.append(Row(tuple(cells), header))

    # --- inlines --------------------------------------------------------------------------

    def inlines(
        self, parent: Element, out: list[Run], later: list[Element], bold: bool, underline: bool
    ) -> None:
        if parent.text:
            out.append(Run(parent.text, bold, underline))
        for child in parent:
            tag = child.tag
            if tag == _SPAN:
                span_bold, span_underline, hidden = self.style_format(
                    child.get(f"{TEXT}style-name") or "", bold, underline
                )
                if not hidden:
                    self.inlines(child, out, later, span_bold, span_underline)
                else:
                    self.note_hidden(child)
            elif tag == f"{TEXT}s":
                count = min(_count(child.get(f"{TEXT}c"), 1), MAX_SPACES)
                out.append(Run(" " * count, bold, underline))
            elif tag == f"{TEXT}tab":
                out.append(Run("\t", bold, underline))
            elif tag == f"{TEXT}line-break":
                out.append(BREAK)
            elif tag == f"{TEXT}a":
                label: list[Run] = []
                self.inlines(child, label, later, bold, underline)
                out.extend(link_runs(label, child.get(f"{XLINK}href") or ""))
            elif tag == f"{TEXT}note":
                body = child.find(f"{TEXT}note-body")
                if body is not None:
                    later.append(body)
            elif tag.startswith(DRAW):
                self.frame(child, later)  # draw:frame, draw:a, draw:custom-shape, draw:rect …
            elif tag in _SKIPPED:
                pass
            else:
                # Fields (dates, page numbers, references …) show their result as text.
                self.inlines(child, out, later, bold, underline)
            if child.tail:
                out.append(Run(child.tail, bold, underline))

    def note_hidden(self, element: Element) -> None:
        """Remember the text of a hidden paragraph or span (not its comments)."""
        text = " ".join(_shown_text(element).split())
        if text:
            self.hidden.append(text)

    def frame(self, element: Element, later: list[Element]) -> None:
        """A frame or shape: its text (a text box, a shape's own paragraphs) is read after the
        paragraph that holds it; a picture is counted."""
        if any(e.tag in _PICTURES for e in element.iter()):
            self.images += 1
        if any(e.tag in (_P, _H) for e in element.iter()):
            later.append(element)

    # --- styles ---------------------------------------------------------------------------

    def style_format(
        self, name: str, bold: bool = False, underline: bool = False
    ) -> tuple[bool, bool, bool]:
        """(bold, underline, hidden) of text in style ``name`` (through its parents) over the
        surrounding text's formatting."""
        if name not in self._format_cache:
            found: list[bool | None] = [None, None, None]
            seen: set[str] = set()
            current: str | None = name
            while current and current in self.styles and current not in seen:
                seen.add(current)
                style = self.styles[current]
                for index, value in enumerate((style.bold, style.underline, style.hidden)):
                    if found[index] is None:
                        found[index] = value
                current = style.parent
            self._format_cache[name] = (found[0], found[1], bool(found[2]))
        own_bold, own_underline, hidden = self._format_cache[name]
        return (
            bold if own_bold is None else own_bold,
            underline if own_underline is None else own_underline,
            hidden,
        )

    def style_names(self, name: str) -> list[str]:
        """The name and display name of a paragraph's style: the style the user chose, i.e.
        the parent of an automatic style (``P1``) that only adds direct formatting."""
        seen: set[str] = set()
        current: str | None = name
        while current and current in self.styles and current not in seen:
            seen.add(current)
            style = self.styles[current]
            if not style.automatic:
                return [current, style.display_name]
            current = style.parent
        return [name] if name and name not in self.styles else []


_ROW_GROUPS = {f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"}


def _rows(table: Element, header: bool = False) -> list[tuple[Element, bool]]:
    """A table's own rows in order (header rows, row groups; not those of nested tables), each
    with whether it is a heading row."""
    rows: list[tuple[Element, bool]] = []
    for child in table:
        if child.tag == f"{TABLE}table-row":
            rows.append((child, header))
        elif child.tag in _ROW_GROUPS:
            rows.extend(_rows(child, header or child.tag == f"{TABLE}table-header-rows"))
    return rows


def _styles(*roots: Element | None) -> dict[str, _Style]:
    result: dict[str, _Style] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{STYLE}style"):
            name = style.get(f"{STYLE}name")
            if name is None:
                continue
            automatic = style.getparent() is not None and (
                style.getparent().tag == f"{OFFICE}automatic-styles"
            )
            props = style.find(f"{STYLE}text-properties")
            bold: bool | None = None
            underline: bool | None = None
            hidden: bool | None = None
            if props is not None:
                weight = props.get(f"{FO}font-weight")
                if weight is not None:
                    bold = weight in _BOLD_WEIGHTS
                line = props.get(f"{STYLE}text-underline-style")
                if line is not None:
                    underline = line != "none"
                display = props.get(f"{TEXT}display")
                if display is not None:
                    hidden = display == "none"
            result[name] = _Style(
                style.get(f"{STYLE}parent-style-name"),
                bold,
                underline,
                hidden,
                style.get(f"{STYLE}display-name") or name.replace("_20_", " "),
                automatic,
            )
    return result


def _list_styles(*roots: Element | None) -> dict[str, dict[int, _ListLevel]]:
    result: dict[str, dict[int, _ListLevel]] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{TEXT}list-style"):
            levels: dict[int, _ListLevel] = {}
            for level in style:
                index = _count(level.get(f"{TEXT}level"), 1)
                if level.tag == f"{TEXT}list-level-style-number":
                    fmt = level.get(f"{STYLE}num-format", "1")
                    prefix = level.get(f"{STYLE}num-prefix", "")
                    suffix = level.get(f"{STYLE}num-suffix", "")
                    delimiter = (
                        "TwoParens"
                        if prefix.endswith("(")
                        else "OneParen"
                        if suffix.startswith(")")
                        else ""
                    )
                    start = level.get(f"{TEXT}start-value", "1")
                    levels[index] = _ListLevel(
                        bool(fmt),
                        number_style(fmt),
                        delimiter,
                        _count(start, 1),
                    )
                else:
                    levels[index] = _ListLevel(False, None, "", 1)
            result[style.get(f"{STYLE}name", "")] = levels
    return result


DC = "{http://purl.org/dc/elements/1.1/}"


def _shown_text(element: Element) -> str:
    """The text of ``element`` without that of comments, deleted changes and declarations."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag not in _SKIPPED and child.tag not in (f"{DC}creator", f"{DC}date"):
            parts.append(_shown_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _left_out(
    content: Element, styles: Element | None, blocks: list[Block]
) -> list[tuple[str, str]]:
    """The text of comments (with their author), headers and footers, each once; not a header
    or footer that only numbers pages or repeats the body's words."""
    found: list[tuple[str, str]] = []
    for annotation in content.iter(f"{OFFICE}annotation"):
        text = " ".join(
            " ".join(_shown_text(p).split()) for p in annotation.iter(_P) if _shown_text(p).strip()
        )
        author = " ".join(annotation.findtext(f"{DC}creator", "").split())
        if text:
            found.append(("comment", f"{author}: {text}" if author else text))
    words: set[str] | None = None
    for kind in ("header", "footer"):
        for tag in (kind, f"{kind}-left", f"{kind}-first"):
            for part in styles.iter(f"{STYLE}{tag}") if styles is not None else ():
                text = " ".join(" ".join(_shown_text(p).split()) for p in part.iter(_P, _H)).strip()
                if not text or (kind, text) in found:
                    continue
                words = body_words(blocks) if words is None else words
                if not says_nothing_new(text, words):
                    found.append((kind, text))
    return found


def read_package(package: Package) -> OdfDocument:
    """The blocks of an .odt package, with what the reader needs besides them."""
    content = package.required("content.xml")
    styles_xml = package.xml("styles.xml")
    walker = _Walker(
        _styles(styles_xml, content),
        _list_styles(styles_xml, content),
        OutlineCounter(content, styles_xml),
    )
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is not None:
        walker.body(body)
    meta = package.xml("meta.xml")
    created = meta.find(f".//{META}creation-date") if meta is not None else None
    return OdfDocument(
        walker.blocks,
        walker.images,
        created.text if created is not None else None,
        [("hidden", text) for text in walker.hidden]
        + _left_out(content, styles_xml, walker.blocks),
    )
