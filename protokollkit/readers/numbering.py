"""The automatic numbers of level-1 headings in .docx and .odt files.

Pandoc's Word and LibreOffice readers drop the number that the heading's numbering shows
("3." before a Heading 1 whose text is only the title). This module reads it from the document's
own XML, the way Word and LibreOffice count:

* **.docx** — ``word/document.xml``, ``word/styles.xml``, ``word/numbering.xml``. A paragraph is a
  level-1 heading when its style (or a style it is based on, as pandoc sees it) is named
  ``heading 1``. Its numbering is the ``w:numPr`` of the paragraph, else of its style (through
  ``w:basedOn``); ``numId`` 0 means "not numbered". Every numbered paragraph of the document counts
  (not only headings): the counter belongs to the ``w:abstractNum`` (all ``w:num`` of one
  abstract definition continue one list, as in Word and LibreOffice), starts at the level's
  ``w:start`` (default 1), and restarts at ``w:lvlOverride/w:startOverride`` where a ``w:num`` with
  an override is first used. A level whose format is ``none`` or ``bullet`` shows no number.
  Tracked changes are accepted: a paragraph inside ``w:del``/``w:moveFrom``, or whose paragraph
  mark and text are all deleted, is gone; inserted ones count.
* **.odt** — ``content.xml`` and ``styles.xml``. ``text:h`` with ``text:outline-level="1"`` is
  numbered by the outline style (``text:outline-style``, level 1: ``style:num-format`` empty means
  not numbered, ``text:start-value`` default 1) unless it is a list header
  (``text:is-list-header="true"``, LibreOffice's "unnumbered entry"), its paragraph style says
  ``style:list-style-name=""`` (LibreOffice's "No List") or names another list style, or it sits
  in a ``text:list``. ``text:restart-numbering="true"`` with ``text:start-value`` restarts the
  count at that heading (LibreOffice ignores ``text:start-value`` alone). Deleted text (kept in
  ``text:tracked-changes``), comments and footnotes are not body text.

:func:`heading_numbers` gives one entry per level-1 heading with text, in document order: its
number, or ``None`` where it shows none. Headings without text count (Word and LibreOffice number
them too) but have no entry: pandoc keeps an empty Header for a heading deleted with tracked
changes, so the caller leaves out empty Headers as well before it pairs them. A document it
cannot read gives ``None`` as a whole: the caller then counts the headings as before.

What an unnumbered heading between numbered ones becomes is the layout's business
(:func:`protokollkit.layout.rule_item`): it gets the previous item's number + 1, like every
heading without a number, and the numbered headings keep the number the document shows; where
that makes two items share a number, the layout warns ("Tagesordnungspunkt 3 folgt auf 3.").

The XML is parsed with the standard library (expat ≥ 2.4 limits entity expansion); the zip has
already been size-checked by :mod:`protokollkit.safety`.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

_HEADING_NAME = re.compile(r"heading (\d+)")
"""Pandoc's test for a Word heading style: the lower-cased style name starts ``heading N``."""

_UNSHOWN_FORMATS = {"none", "bullet"}

Numbers = list[int | None]


def heading_numbers(data: bytes, fmt: str) -> Numbers | None:
    """The automatic number of every level-1 heading with text (``None``: shows no number).

    ``fmt`` is ``docx`` or ``odt``; for anything unreadable the result is ``None``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())

            def part(name: str) -> ET.Element | None:
                return ET.fromstring(archive.read(name)) if name in names else None

            if fmt == "docx":
                document = part("word/document.xml")
                if document is None:
                    return None
                return _docx_numbers(document, part("word/styles.xml"), part("word/numbering.xml"))
            if fmt == "odt":
                content = part("content.xml")
                if content is None:
                    return None
                return _odt_numbers(content, part("styles.xml"))
    except (zipfile.BadZipFile, ET.ParseError, OSError, ValueError, KeyError, EOFError):
        return None
    return None


# --- .docx ----------------------------------------------------------------------------------


@dataclass
class _WordStyle:
    """What a paragraph style contributes: its heading level and numbering."""

    heading: int | None = None
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


@dataclass
class _Level:
    """One level of a numbering definition."""

    start: int = 1
    shown: bool = True


@dataclass
class _Num:
    """A ``w:num``: its abstract numbering and its per-level overrides."""

    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


@dataclass
class _Numbering:
    """``numbering.xml`` resolved: each ``numId`` with its abstract definition's levels."""

    nums: dict[str, _Num] = field(default_factory=dict)
    abstract_levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    abstract_styles: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per abstract numbering: paragraph style → the level that names it (``w:lvl/w:pStyle``)."""
    style_links: dict[str, str] = field(default_factory=dict)
    """Abstract numbering → numbering style it takes its definition from (``w:numStyleLink``)."""

    def level(self, num: _Num, abstract: str, ilvl: int) -> _Level:
        return num.levels.get(ilvl) or self.abstract_levels.get(abstract, {}).get(ilvl, _Level())


def _val(element: ET.Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(f"{W}val", default)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _num_pr(ppr: ET.Element | None) -> tuple[str | None, int | None]:
    """The ``numId`` and ``ilvl`` of a ``w:pPr`` (either may be missing)."""
    num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    ilvl = _val(num_pr.find(f"{W}ilvl"))
    return _val(num_pr.find(f"{W}numId")), (_int(ilvl, 0) if ilvl is not None else None)


def _word_styles(styles: ET.Element | None) -> tuple[dict[str, _WordStyle], str | None]:
    """Paragraph styles by ``styleId``, and the default paragraph style's id."""
    result: dict[str, _WordStyle] = {}
    default: str | None = None
    if styles is None:
        return result, default
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        style_id = style.get(f"{W}styleId")
        if style_id is None:
            continue
        if style.get(f"{W}default") in ("1", "true", "on"):
            default = style_id
        name = _val(style.find(f"{W}name"), style_id) or style_id
        match = _HEADING_NAME.match(name.lower())
        num_id, ilvl = _num_pr(style.find(f"{W}pPr"))
        result[style_id] = _WordStyle(
            heading=int(match.group(1)) if match and int(match.group(1)) > 0 else None,
            based_on=_val(style.find(f"{W}basedOn")),
            num_id=num_id,
            ilvl=ilvl,
        )
    return result, default


def _style_chain(styles: dict[str, _WordStyle], style_id: str | None) -> Iterator[_WordStyle]:
    """A style and the styles it is based on, nearest first (cycles cut)."""
    seen: set[str] = set()
    while style_id is not None and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        yield style
        style_id = style.based_on


def _level_of(element: ET.Element) -> _Level:
    fmt = _val(element.find(f"{W}numFmt"), "decimal") or "decimal"
    text = _val(element.find(f"{W}lvlText"))
    ilvl = _int(element.get(f"{W}ilvl"), 0)
    shown = fmt not in _UNSHOWN_FORMATS and (text is None or f"%{ilvl + 1}" in text)
    return _Level(start=_int(_val(element.find(f"{W}start")), 1), shown=shown)


def _word_numbering(numbering: ET.Element | None) -> _Numbering:
    result = _Numbering()
    if numbering is None:
        return result
    for abstract in numbering.iter(f"{W}abstractNum"):
        abstract_id = abstract.get(f"{W}abstractNumId")
        if abstract_id is None:
            continue
        levels: dict[int, _Level] = {}
        named: dict[str, int] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            ilvl = _int(lvl.get(f"{W}ilvl"), 0)
            levels[ilvl] = _level_of(lvl)
            style = _val(lvl.find(f"{W}pStyle"))
            if style is not None:
                named[style] = ilvl
        result.abstract_levels[abstract_id] = levels
        result.abstract_styles[abstract_id] = named
        link = _val(abstract.find(f"{W}numStyleLink"))
        if link is not None:
            result.style_links[abstract_id] = link
    for num in numbering.iter(f"{W}num"):
        num_id = num.get(f"{W}numId")
        abstract_id = _val(num.find(f"{W}abstractNumId"))
        if num_id is None or abstract_id is None:
            continue
        entry = _Num(abstract_id)
        for override in num.iter(f"{W}lvlOverride"):
            ilvl = _int(override.get(f"{W}ilvl"), 0)
            start = override.find(f"{W}startOverride")
            redefined = override.find(f"{W}lvl")
            if redefined is not None:
                entry.levels[ilvl] = _level_of(redefined)
                if start is None and redefined.find(f"{W}start") is not None:
                    entry.start_overrides[ilvl] = entry.levels[ilvl].start
            if start is not None:
                entry.start_overrides[ilvl] = _int(_val(start), 1)
        result.nums[num_id] = entry
    return result


def _abstract_of(numbering: _Numbering, styles: dict[str, _WordStyle], num: _Num) -> str:
    """The abstract numbering that defines ``num``'s levels (one ``w:numStyleLink`` followed)."""
    link = numbering.style_links.get(num.abstract)
    if link is None:
        return num.abstract
    for style in _style_chain(styles, link):
        if style.num_id is not None and style.num_id in numbering.nums:
            return numbering.nums[style.num_id].abstract
    return num.abstract


def _body_paragraphs(element: ET.Element) -> Iterator[ET.Element]:
    """The body's paragraphs in document order, tracked deletions left out.

    Paragraphs inside a paragraph (text boxes in drawings) are not body paragraphs.
    """
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag not in (f"{W}del", f"{W}moveFrom"):
            yield from _body_paragraphs(child)


def _mark_deleted(ppr: ET.Element | None) -> bool:
    """True when the paragraph mark is a tracked deletion."""
    rpr = ppr.find(f"{W}rPr") if ppr is not None else None
    return rpr is not None and (
        rpr.find(f"{W}del") is not None or rpr.find(f"{W}moveFrom") is not None
    )


def _has_text(element: ET.Element) -> bool:
    """True when a paragraph keeps visible text once tracked changes are accepted."""
    for child in element:
        if child.tag == f"{W}t":
            if child.text and child.text.strip():
                return True
        elif child.tag not in (f"{W}del", f"{W}moveFrom") and _has_text(child):
            return True
    return False


def _docx_numbers(
    document: ET.Element, styles_xml: ET.Element | None, numbering_xml: ET.Element | None
) -> Numbers:
    styles, default_style = _word_styles(styles_xml)
    numbering = _word_numbering(numbering_xml)
    body = document.find(f"{W}body")
    if body is None:
        return []
    counters: dict[str, list[int | None]] = {}
    started: set[tuple[str, int]] = set()
    result: Numbers = []
    for paragraph in _body_paragraphs(body):
        ppr = paragraph.find(f"{W}pPr")
        has_text = _has_text(paragraph)
        if _mark_deleted(ppr) and not has_text:
            continue  # deleted as a whole: gone once the changes are accepted
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        chain = list(_style_chain(styles, style_id))
        heading = next((s.heading for s in chain if s.heading is not None), None)
        num_id, ilvl = _num_pr(ppr)
        if num_id is None:
            num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        if num_id is None and style_id is None and default_style is not None:
            num_id = next(
                (s.num_id for s in _style_chain(styles, default_style) if s.num_id is not None),
                None,
            )
        number: int | None = None
        num = numbering.nums.get(num_id) if num_id not in (None, "0") else None
        if num is not None:
            abstract = _abstract_of(numbering, styles, num)
            if ilvl is None:
                ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
            if ilvl is None:
                ilvl = numbering.abstract_styles.get(abstract, {}).get(style_id or "", 0)
            ilvl = min(max(ilvl, 0), 8)
            level = numbering.level(num, abstract, ilvl)
            counter = counters.setdefault(abstract, [None] * 9)
            if (num_id or "", ilvl) not in started and ilvl in num.start_overrides:
                counter[ilvl] = num.start_overrides[ilvl] - 1
            started.add((num_id or "", ilvl))
            current = counter[ilvl]
            counter[ilvl] = (current if current is not None else level.start - 1) + 1
            for deeper in range(ilvl + 1, 9):
                counter[deeper] = None
            if level.shown:
                number = counter[ilvl]
        if heading == 1 and has_text:
            result.append(number)
    return result


# --- .odt -----------------------------------------------------------------------------------

_ODT_SKIPPED = {f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{TEXT}note"}
"""Subtrees that are not body text: deleted text, comments, footnotes."""


def _odt_styles(*roots: ET.Element | None) -> dict[str, tuple[str | None, str | None]]:
    """Paragraph styles: name → (parent style, ``style:list-style-name`` if the style sets it)."""
    result: dict[str, tuple[str | None, str | None]] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{STYLE}style"):
            name = style.get(f"{STYLE}name")
            if name is not None and style.get(f"{STYLE}family") == "paragraph":
                result[name] = (
                    style.get(f"{STYLE}parent-style-name"),
                    style.get(f"{STYLE}list-style-name"),
                )
    return result


def _odt_list_style(
    styles: dict[str, tuple[str | None, str | None]], name: str | None
) -> str | None:
    """The list style a paragraph style (or its parents) names; ``""`` for "No List"."""
    seen: set[str] = set()
    while name is not None and name in styles and name not in seen:
        seen.add(name)
        parent, list_style = styles[name]
        if list_style is not None:
            return list_style
        name = parent
    return None


def _odt_headings(element: ET.Element, in_list: bool = False) -> Iterator[tuple[ET.Element, bool]]:
    """Every ``text:h`` of the body in document order, and whether it sits in a ``text:list``."""
    for child in element:
        if child.tag == f"{TEXT}h":
            yield child, in_list
        elif child.tag not in _ODT_SKIPPED:
            yield from _odt_headings(child, in_list or child.tag == f"{TEXT}list")


def _odt_numbers(content: ET.Element, styles_xml: ET.Element | None) -> Numbers:
    outline_name, start, shown = "", 1, False
    outline = styles_xml.find(f".//{TEXT}outline-style") if styles_xml is not None else None
    if outline is not None:
        outline_name = outline.get(f"{STYLE}name", "")
        for level in outline.iter(f"{TEXT}outline-level-style"):
            if level.get(f"{TEXT}level") == "1":
                shown = bool(level.get(f"{STYLE}num-format"))
                start = _int(level.get(f"{TEXT}start-value"), 1)
    styles = _odt_styles(styles_xml, content)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return []
    counter: int | None = None
    result: Numbers = []
    for heading, in_list in _odt_headings(body):
        if _int(heading.get(f"{TEXT}outline-level"), 1) != 1:
            continue
        has_text = bool("".join(heading.itertext()).strip())
        list_style = _odt_list_style(styles, heading.get(f"{TEXT}style-name"))
        numbered = (
            shown
            and not in_list
            and heading.get(f"{TEXT}is-list-header") != "true"
            and list_style in (None, outline_name)
        )
        number: int | None = None
        if numbered:
            if heading.get(f"{TEXT}restart-numbering") == "true":
                counter = _int(heading.get(f"{TEXT}start-value"), start)
            else:
                counter = (counter if counter is not None else start - 1) + 1
            number = counter
        if has_text:
            result.append(number)
    return result
