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
changes, so the caller leaves out empty Headers as well before it pairs them. A part that is not
well-formed XML is a ParseError with the file's name.

What an unnumbered heading between numbered ones becomes is the layout's business
(:func:`protokollkit.layout.rule_item`): it gets the previous item's number + 1, like every
heading without a number, and the numbered headings keep the number the document shows; where
that makes two items share a number, the layout warns ("Tagesordnungspunkt 3 folgt auf 3.").

This module belongs to the XML layer (:mod:`protokollkit.readers.xml`): it works on the
elements that layer parses (safely: no entities, no network); the zip has already been checked
by :mod:`protokollkit.safety`. The direct .docx reader counts with :class:`WordCounter` while it
walks the body; the pandoc path asks :func:`heading_numbers` for the level-1 headings' numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

_HEADING_NAME = re.compile(r"(?:heading|überschrift|berschrift) ?(\d+)")
"""A Word heading style: pandoc's test (the lower-cased name starts ``heading N``), and the
localised names and ids Word writes (``Überschrift 1``, id ``berschrift1``, ``Heading1``)."""

_UNSHOWN_FORMATS = {"none", "bullet"}

Numbers = list[int | None]

Element = Any
"""An XML element (lxml's, from :mod:`protokollkit.readers.xml`)."""


def heading_numbers(data: bytes, fmt: str, source: str = "<dokument>") -> Numbers:
    """The automatic number of every level-1 heading with text (``None``: shows no number).

    ``fmt`` is ``docx`` or ``odt``. A part that is not well-formed XML is a
    :class:`~protokollkit.diagnostics.ParseError` naming ``source`` and the part (not a silent
    ``None``: pandoc would have read a different document than we counted).
    """
    from protokollkit.readers.xml import Package

    package = Package(data, source)
    if fmt == "docx":
        document = package.required("word/document.xml")
        counter = WordCounter(package.xml("word/styles.xml"), package.xml("word/numbering.xml"))
        body = document.find(f"{W}body")
        return [] if body is None else counter.heading_numbers(body)
    content = package.required("content.xml")
    return _odt_numbers(content, package.xml("styles.xml"))


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
    format: str = "decimal"
    """``w:numFmt``: ``decimal``, ``bullet``, ``lowerLetter``, ``upperRoman``, ``none`` …"""
    text: str = "%1."
    """``w:lvlText``: how the number is shown (``%1.``, ``%1)``, ``(%1)``; a bullet's glyph)."""


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
    abstracts: dict[str, Element] = field(default_factory=dict)
    """``w:abstractNum`` elements by id, read when a paragraph first uses them (LibreOffice
    writes dozens that no paragraph uses)."""
    _elements: dict[str, dict[int, Element]] = field(default_factory=dict)
    _levels: dict[tuple[str, int], _Level] = field(default_factory=dict)
    _named: dict[str, dict[str, int]] = field(default_factory=dict)

    def level_elements(self, abstract: str) -> dict[int, Element]:
        """An abstract numbering's ``w:lvl`` elements by level."""
        if abstract not in self._elements:
            element = self.abstracts.get(abstract)
            lvls = element.iter(f"{W}lvl") if element is not None else ()
            self._elements[abstract] = {_int(lvl.get(f"{W}ilvl"), 0): lvl for lvl in lvls}
        return self._elements[abstract]

    def abstract_level(self, abstract: str, ilvl: int) -> _Level:
        """One level of an abstract numbering (read when first used)."""
        key = (abstract, ilvl)
        if key not in self._levels:
            element = self.level_elements(abstract).get(ilvl)
            self._levels[key] = _level_of(element) if element is not None else _Level()
        return self._levels[key]

    def named_levels(self, abstract: str) -> dict[str, int]:
        """Paragraph style → the level of an abstract numbering that names it
        (``w:lvl/w:pStyle``)."""
        if abstract not in self._named:
            named: dict[str, int] = {}
            for ilvl, lvl in self.level_elements(abstract).items():
                style = _val(lvl.find(f"{W}pStyle"))
                if style is not None:
                    named[style] = ilvl
            self._named[abstract] = named
        return self._named[abstract]

    def style_link(self, abstract: str) -> str | None:
        """The numbering style an abstract numbering takes its definition from
        (``w:numStyleLink``)."""
        element = self.abstracts.get(abstract)
        return None if element is None else _val(element.find(f"{W}numStyleLink"))

    def level(self, num: _Num, abstract: str, ilvl: int) -> _Level:
        return num.levels.get(ilvl) or self.abstract_level(abstract, ilvl)


def _val(element: Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    value: str | None = element.get(f"{W}val", default)
    return value


MAX_NUMBER = 1_000_000
"""A number attribute (a start value, a level, a count of spaces) above this is taken as this:
no document counts further, and a hostile one must not make a number of 5000 digits (which
``int`` refuses) or a string of two billion spaces."""

_NUMBER_ATTRIBUTE = re.compile(r"\s*(-?)0*([0-9]+)\s*")
"""ASCII digits only: ``"²".isdigit()`` is true, but ``int("²")`` fails."""


def number_attribute(text: str | None, default: int) -> int:
    """The whole number of an XML attribute, at most :data:`MAX_NUMBER` either way.

    A number attribute that is not a number (never written by Word or LibreOffice) counts as
    missing, as it does for them."""
    found = _NUMBER_ATTRIBUTE.fullmatch(text or "")
    if found is None:
        return default
    digits = found.group(2)
    value = MAX_NUMBER if len(digits) > len(str(MAX_NUMBER)) else min(int(digits), MAX_NUMBER)
    return -value if found.group(1) else value


_int = number_attribute


def _num_pr(ppr: Element | None) -> tuple[str | None, int | None]:
    """The ``numId`` and ``ilvl`` of a ``w:pPr`` (either may be missing)."""
    num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    ilvl = _val(num_pr.find(f"{W}ilvl"))
    return _val(num_pr.find(f"{W}numId")), (_int(ilvl, 0) if ilvl is not None else None)


def _word_styles(styles: Element | None) -> tuple[dict[str, _WordStyle], str | None]:
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
        match = _HEADING_NAME.match(name.lower()) or _HEADING_NAME.match(style_id.lower())
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


def _level_of(element: Element) -> _Level:
    fmt = _val(element.find(f"{W}numFmt"), "decimal") or "decimal"
    text = _val(element.find(f"{W}lvlText"))
    ilvl = _int(element.get(f"{W}ilvl"), 0)
    shown = fmt not in _UNSHOWN_FORMATS and (text is None or f"%{ilvl + 1}" in text)
    return _Level(
        start=_int(_val(element.find(f"{W}start")), 1),
        shown=shown,
        format=fmt,
        text=text if text is not None else f"%{ilvl + 1}.",
    )


def _word_numbering(numbering: Element | None) -> _Numbering:
    result = _Numbering()
    if numbering is None:
        return result
    for abstract in numbering.iter(f"{W}abstractNum"):
        abstract_id = abstract.get(f"{W}abstractNumId")
        if abstract_id is not None:
            result.abstracts[abstract_id] = abstract
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
    link = numbering.style_link(num.abstract)
    if link is None:
        return num.abstract
    for style in _style_chain(styles, link):
        if style.num_id is not None and style.num_id in numbering.nums:
            return numbering.nums[style.num_id].abstract
    return num.abstract


def body_paragraphs(element: Element) -> Iterator[Element]:
    """The body's paragraphs in document order, tracked deletions left out.

    Paragraphs inside a paragraph (text boxes in drawings) are not body paragraphs.
    """
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag not in (f"{W}del", f"{W}moveFrom"):
            yield from body_paragraphs(child)


def mark_deleted(ppr: Element | None) -> bool:
    """True when the paragraph mark is a tracked deletion."""
    rpr = ppr.find(f"{W}rPr") if ppr is not None else None
    return rpr is not None and (
        rpr.find(f"{W}del") is not None or rpr.find(f"{W}moveFrom") is not None
    )


def _has_text(element: Element) -> bool:
    """True when a paragraph keeps visible text once tracked changes are accepted."""
    for child in element:
        if child.tag == f"{W}t":
            if child.text and child.text.strip():
                return True
        elif child.tag not in (f"{W}del", f"{W}moveFrom") and _has_text(child):
            return True
    return False


@dataclass
class Numbered:
    """What the numbering shows before one paragraph."""

    num_id: str
    ilvl: int
    level: _Level
    number: int
    """The counter's value (shown only when ``level.shown``)."""


class WordCounter:
    """Counts a .docx's numbered paragraphs the way Word does; one instance per document.

    Call :meth:`count` for every body paragraph in document order (tracked deletions left out,
    see :func:`body_paragraphs`); it answers what the paragraph's numbering shows.
    """

    def __init__(self, styles_xml: Element | None, numbering_xml: Element | None) -> None:
        self.styles, self.default_style = _word_styles(styles_xml)
        self.numbering = _word_numbering(numbering_xml)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()
        self._chains: dict[str | None, list[_WordStyle]] = {}

    def chain(self, style_id: str | None) -> list[_WordStyle]:
        """A paragraph style and those it is based on, nearest first."""
        if style_id not in self._chains:
            self._chains[style_id] = list(_style_chain(self.styles, style_id))
        return self._chains[style_id]

    def heading(self, style_id: str | None) -> int | None:
        """The heading level of a paragraph style (through ``w:basedOn``), or None."""
        return next((s.heading for s in self.chain(style_id) if s.heading is not None), None)

    def count(self, ppr: Element | None) -> Numbered | None:
        """Advance the counters for a paragraph with properties ``ppr``; None if unnumbered."""
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        chain = self.chain(style_id)
        num_id, ilvl = _num_pr(ppr)
        if num_id is None:
            num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        if num_id is None and style_id is None and self.default_style is not None:
            default_chain = self.chain(self.default_style)
            num_id = next((s.num_id for s in default_chain if s.num_id is not None), None)
        if num_id is None or num_id == "0" or num_id not in self.numbering.nums:
            return None
        num = self.numbering.nums[num_id]
        abstract = _abstract_of(self.numbering, self.styles, num)
        if ilvl is None:
            ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        if ilvl is None:
            ilvl = self.numbering.named_levels(abstract).get(style_id or "", 0)
        ilvl = min(max(ilvl, 0), 8)
        level = self.numbering.level(num, abstract, ilvl)
        counter = self.counters.setdefault(abstract, [None] * 9)
        if (num_id, ilvl) not in self.started and ilvl in num.start_overrides:
            counter[ilvl] = num.start_overrides[ilvl] - 1
        self.started.add((num_id, ilvl))
        current = counter[ilvl]
        counter[ilvl] = (current if current is not None else level.start - 1) + 1
        for deeper in range(ilvl + 1, 9):
            counter[deeper] = None
        return Numbered(num_id, ilvl, level, counter[ilvl] or 0)

    def heading_numbers(self, body: Element) -> Numbers:
        """The number every level-1 heading with text shows, in document order."""
        result: Numbers = []
        for paragraph in body_paragraphs(body):
            ppr = paragraph.find(f"{W}pPr")
            has_text = _has_text(paragraph)
            if mark_deleted(ppr) and not has_text:
                continue  # deleted as a whole: gone once the changes are accepted
            numbered = self.count(ppr)
            style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
            if self.heading(style_id) == 1 and has_text:
                shown = numbered is not None and numbered.level.shown
                result.append(numbered.number if numbered is not None and shown else None)
        return result


# --- .odt -----------------------------------------------------------------------------------

_ODT_SKIPPED = {f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{TEXT}note"}
"""Subtrees that are not body text: deleted text, comments, footnotes."""


def _odt_styles(*roots: Element | None) -> dict[str, tuple[str | None, str | None]]:
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


def _odt_headings(element: Element, in_list: bool = False) -> Iterator[tuple[Element, bool]]:
    """Every ``text:h`` of the body in document order, and whether it sits in a ``text:list``."""
    for child in element:
        if child.tag == f"{TEXT}h":
            yield child, in_list
        elif child.tag not in _ODT_SKIPPED:
            yield from _odt_headings(child, in_list or child.tag == f"{TEXT}list")


class OutlineCounter:
    """Counts an .odt's level-1 headings the way LibreOffice's outline numbering does.

    Call :meth:`number` for every ``text:h`` of the body in document order.
    """

    def __init__(self, content: Element, styles_xml: Element | None) -> None:
        self.outline_name, self.start, self.shown = "", 1, False
        outline = styles_xml.find(f".//{TEXT}outline-style") if styles_xml is not None else None
        if outline is not None:
            self.outline_name = outline.get(f"{STYLE}name", "")
            for level in outline.iter(f"{TEXT}outline-level-style"):
                if level.get(f"{TEXT}level") == "1":
                    self.shown = bool(level.get(f"{STYLE}num-format"))
                    self.start = _int(level.get(f"{TEXT}start-value"), 1)
        self.styles = _odt_styles(styles_xml, content)
        self.counter: int | None = None

    def number(self, heading: Element, in_list: bool) -> int | None:
        """The number a heading shows (None: a level-1 heading that shows none, or a deeper
        heading)."""
        if _int(heading.get(f"{TEXT}outline-level"), 1) != 1:
            return None
        list_style = _odt_list_style(self.styles, heading.get(f"{TEXT}style-name"))
        numbered = (
            self.shown
            and not in_list
            and heading.get(f"{TEXT}is-list-header") != "true"
            and list_style in (None, self.outline_name)
        )
        if not numbered:
            return None
        if heading.get(f"{TEXT}restart-numbering") == "true":
            self.counter = _int(heading.get(f"{TEXT}start-value"), self.start)
        else:
            self.counter = (self.counter if self.counter is not None else self.start - 1) + 1
        return self.counter


def _odt_numbers(content: Element, styles_xml: Element | None) -> Numbers:
    counter = OutlineCounter(content, styles_xml)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return []
    result: Numbers = []
    for heading, in_list in _odt_headings(body):
        number = counter.number(heading, in_list)
        if (
            _int(heading.get(f"{TEXT}outline-level"), 1) == 1
            and "".join(heading.itertext()).strip()
        ):
            result.append(number)
    return result
