"""Writer for Word documents (.docx) with python-docx, on the template ``vorlagen/protokoll.docx``.

The writer relies only on *named styles* of the template, so that the template may be restyled
in Word or LibreOffice (fonts, colours, a logo in the header) and the writer keeps working:

- ``Title`` for the title line, ``Heading 1`` for agenda items (the number typed in the text),
  ``Sprecher`` (a style of its own, bold in its definition) for speaker lines, ``Normal`` for
  participants, notes, free paragraphs and the next meeting;
- ``List Bullet``, ``List Bullet 2``, ``List Bullet 3`` for points, each paragraph a real Word
  list item (``w:numPr`` with level and numbering id) of a bullet numbering definition with nine
  levels (taken from the ``List Bullet`` style or the definition named ``Punkte``, added when the
  template has neither);
- the template's body is cleared; in the header a ``SUBJECT`` field shows meeting and date, in the
  footer ``PAGE``/``NUMPAGES`` fields the page numbers — found in the template and filled, or
  added when missing. A style missing from the template is added with plain formatting.

The result is pandoc-friendly (``pandoc -f docx+styles``): the Title paragraph becomes the
metadata title, items are level-1 headers, speaker paragraphs carry ``custom-style="Sprecher"``
and points are bullet lists, so :mod:`protokollkit.readers.pandoc` reads it back. Only this
module and ``vorlagen/make_docx_template.py`` import python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.layout import (
    CANONICAL_NEXT_MEETING_LABEL,
    CANONICAL_PARTICIPANTS_LABEL,
    format_person,
)
from protokollkit.model import Point, Protocol
from protokollkit.writers.text import item_heading

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

TEMPLATE_NAME = "protokoll.docx"
"""File name of the template, looked up with :func:`protokollkit.templates.vorlage`."""

TITLE_STYLE = "Title"
HEADING_STYLE = "Heading 1"
SPEAKER_STYLE = "Sprecher"
BODY_STYLE = "Normal"
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
"""Paragraph styles of points by nesting depth (deeper points use the last)."""

NUMBERING_NAME = "Punkte"
"""``w:name`` of the bullet numbering definition that the writer and the template script add."""

BULLETS = ("•", "–", "▪")
"""Bullet characters of the list levels, repeated for levels 3–8."""

LIST_LEVELS = 9
INDENT_TWIPS = 360
"""Indentation per list level and hanging indent of the bullet, in twentieths of a point."""

LANGUAGE = "de-DE"
HEADER_FIELD = "SUBJECT"
"""The header shows the document's subject (set to meeting and date) through this field."""

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIELD_NAME = re.compile(r"^\s*([A-Za-z]+)")


# --- texts ----------------------------------------------------------------------------------


def header_text(protocol: Protocol) -> str:
    """``Stadtteiltisch · Protokoll vom 10.11.2022`` (meeting and date for the page header)."""
    label = "Protokoll"
    if protocol.date is not None:
        label += f" vom {protocol.date:%d.%m.%Y}"
    return f"{protocol.meeting} · {label}" if protocol.meeting else label


def checked(text: str) -> str:
    """The text, or a German error if it contains characters a Word document cannot hold."""
    bad = _XML_INVALID.search(text)
    if bad:
        code = f"U+{ord(bad.group(0)):04X}"
        raise ProtokollkitError(
            f"Steuerzeichen {code} kann nicht in ein Word-Dokument geschrieben werden: „{text}“"
        )
    return text


# --- XML helpers (python-docx has no API for numbering definitions and fields) ---------------


def w_name(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute (``val`` → ``{…/main}val``)."""
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def w_element(tag: str, **attributes: str) -> BaseOxmlElement:
    """A ``w:`` element with ``w:`` attributes (``val="x"`` → ``w:val="x"``)."""
    from docx.oxml import OxmlElement

    element: BaseOxmlElement = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(w_name(name), value)
    return element


def _run_with(paragraph: Paragraph, child: BaseOxmlElement) -> None:
    paragraph.add_run()._r.append(child)


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """Append a complex field (``PAGE``, ``SUBJECT`` …) with its cached result text."""
    _run_with(paragraph, w_element("fldChar", fldCharType="begin"))
    instr = w_element("instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    _run_with(paragraph, instr)
    _run_with(paragraph, w_element("fldChar", fldCharType="separate"))
    paragraph.add_run(result)
    _run_with(paragraph, w_element("fldChar", fldCharType="end"))


def _field_name(instruction: str) -> str:
    match = _FIELD_NAME.match(instruction)
    return match.group(1).upper() if match else ""


def field_names(root: BaseOxmlElement) -> set[str]:
    """The names of the simple and complex fields inside an element (``PAGE``, ``SUBJECT`` …)."""
    names = {_field_name(e.get(w_name("instr")) or "") for e in root.iter(w_name("fldSimple"))}
    names |= {_field_name(e.text or "") for e in root.iter(w_name("instrText"))}
    return names - {""}


def set_field_results(root: BaseOxmlElement, name: str, result: str) -> int:
    """Set the cached result text of every ``name`` field inside ``root``; return how many."""
    count = 0
    for simple in list(root.iter(w_name("fldSimple"))):
        if _field_name(simple.get(w_name("instr")) or "") == name:
            _set_texts(list(simple.iter(w_name("t"))), result, simple)
            count += 1
    for paragraph in root.iter(w_name("p")):
        elements = list(paragraph.iter(w_name("fldChar"), w_name("instrText"), w_name("t")))
        for index, element in enumerate(elements):
            if element.tag == w_name("instrText") and _field_name(element.text or "") == name:
                texts = _result_texts(elements[index + 1 :])
                if texts is not None:
                    _set_texts(texts, result, None)
                    count += 1
    return count


def _result_texts(following: list[BaseOxmlElement]) -> list[BaseOxmlElement] | None:
    """The ``w:t`` elements between a field's ``separate`` and ``end`` marks."""
    texts: list[BaseOxmlElement] = []
    inside = False
    for element in following:
        kind = element.get(w_name("fldCharType"))
        if element.tag == w_name("fldChar") and kind == "separate":
            inside = True
        elif element.tag == w_name("fldChar") and kind in ("end", "begin"):
            return texts if inside else None
        elif inside and element.tag == w_name("t"):
            texts.append(element)
    return None


def _set_texts(texts: list[BaseOxmlElement], result: str, simple: BaseOxmlElement | None) -> None:
    if texts:
        texts[0].text = result
        for extra in texts[1:]:
            extra.text = ""
    elif simple is not None:
        run = w_element("r")
        text = w_element("t")
        text.text = result
        run.append(text)
        simple.append(run)


# --- styles and numbering ---------------------------------------------------------------------


def paragraph_styles(document: Document) -> dict[str, BaseOxmlElement]:
    """The paragraph styles (``w:style`` elements) by lower-case name.

    Looked up in the XML rather than through python-docx, which misses ``Heading 1`` when an
    application wrote the name capitalised (LibreOffice does). Of two styles with one name, the
    one whose id is the name without spaces wins.
    """
    found: dict[str, BaseOxmlElement] = {}
    for style in document.styles.element.findall(w_name("style")):
        if style.get(w_name("type")) != "paragraph":
            continue
        name_element = style.find(w_name("name"))
        name = (name_element.get(w_name("val")) or "") if name_element is not None else ""
        key = name.strip().lower()
        if not key:
            continue
        exact = style.get(w_name("styleId")) == name.replace(" ", "")
        if key not in found or exact:
            found[key] = style
    return found


def style_id(document: Document, name: str) -> str | None:
    """The id of the paragraph style called ``name`` (any capitalisation), or None."""
    style = paragraph_styles(document).get(name.lower())
    return style.get(w_name("styleId")) if style is not None else None


def ensure_styles(document: Document) -> dict[str, str]:
    """Add, with plain formatting, each style the writer uses that the template lacks.

    Returns the style ids by the writer's style names.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    present = paragraph_styles(document)
    ids: dict[str, str] = {}
    for name in (BODY_STYLE, TITLE_STYLE, HEADING_STYLE, SPEAKER_STYLE, *LIST_STYLES):
        if name.lower() in present:
            ids[name] = present[name.lower()].get(w_name("styleId")) or name.replace(" ", "")
            continue
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        ids[name] = style.style_id
        if name != BODY_STYLE:
            style.element.basedOn_val = ids[BODY_STYLE]
        if name == TITLE_STYLE:
            style.font.size, style.font.bold = Pt(18), True
        elif name == HEADING_STYLE:
            style.font.size, style.font.bold = Pt(14), True
            style.paragraph_format.keep_with_next = True
            style.element.get_or_add_pPr().append(w_element("outlineLvl", val="0"))
        elif name == SPEAKER_STYLE:
            style.font.bold = True
            style.paragraph_format.keep_with_next = True
    return ids


def ensure_language(document: Document) -> None:
    """German (``de-DE``) as the default language of the document's text, if none is set."""
    styles = document.styles.element
    defaults = styles.find(w_name("docDefaults"))
    if defaults is None:
        defaults = w_element("docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(w_name("rPrDefault"))
    if rpr_default is None:
        rpr_default = w_element("rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w_name("rPr"))
    if rpr is None:
        rpr = w_element("rPr")
        rpr_default.append(rpr)
    lang = rpr.find(w_name("lang"))
    if lang is None:
        rpr.append(w_element("lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))
    elif not lang.get(w_name("val")):
        lang.set(w_name("val"), LANGUAGE)


def bullet_abstract_num(abstract_id: int) -> BaseOxmlElement:
    """A ``w:abstractNum`` named ``Punkte``: bullets on nine levels, indented per level."""
    abstract = w_element("abstractNum", abstractNumId=str(abstract_id))
    abstract.append(w_element("nsid", val=f"{0x50524B00 + abstract_id:08X}"))
    abstract.append(w_element("multiLevelType", val="hybridMultilevel"))
    abstract.append(w_element("name", val=NUMBERING_NAME))
    for level in range(LIST_LEVELS):
        lvl = w_element("lvl", ilvl=str(level))
        lvl.append(w_element("start", val="1"))
        lvl.append(w_element("numFmt", val="bullet"))
        lvl.append(w_element("lvlText", val=BULLETS[level % len(BULLETS)]))
        lvl.append(w_element("lvlJc", val="left"))
        ppr = w_element("pPr")
        left = str(INDENT_TWIPS * (level + 1))
        ppr.append(w_element("ind", left=left, hanging=str(INDENT_TWIPS)))
        lvl.append(ppr)
        abstract.append(lvl)
    return abstract


def _is_bullet_definition(abstract: BaseOxmlElement, levels: int = 3) -> bool:
    formats = {
        lvl.get(w_name("ilvl")): fmt.get(w_name("val"))
        for lvl in abstract.findall(w_name("lvl"))
        for fmt in lvl.findall(w_name("numFmt"))
    }
    return all(formats.get(str(level)) == "bullet" for level in range(levels))


def bullet_numbering(document: Document) -> int:
    """The ``numId`` of a bullet list definition with levels 0–2, added if the template has none.

    Preference: the numbering the ``List Bullet`` style refers to (a user may have restyled the
    bullets there), then a definition named ``Punkte``, else a new one.
    """
    numbering = document.part.numbering_part.element
    abstracts = {
        a.get(w_name("abstractNumId")): a for a in numbering.findall(w_name("abstractNum"))
    }
    nums: dict[str | None, str | None] = {}
    for definition in numbering.findall(w_name("num")):
        reference = definition.find(w_name("abstractNumId"))
        if reference is not None:
            nums[definition.get(w_name("numId"))] = reference.get(w_name("val"))
    list_style = paragraph_styles(document).get(LIST_STYLES[0].lower())
    if list_style is not None:
        style_num = list_style.find(f"{w_name('pPr')}/{w_name('numPr')}")
        num_id = style_num.find(w_name("numId")) if style_num is not None else None
        value = num_id.get(w_name("val")) if num_id is not None else None
        abstract = abstracts.get(nums[value]) if value in nums else None
        if value and abstract is not None and _is_bullet_definition(abstract):
            return int(value)
    for num_id_text, abstract_id in nums.items():
        abstract = abstracts.get(abstract_id)
        if abstract is None or not _is_bullet_definition(abstract):
            continue
        name = abstract.find(w_name("name"))
        if name is not None and name.get(w_name("val")) == NUMBERING_NAME:
            return int(num_id_text or 0)
    new_id = max((int(a) for a in abstracts if a and a.isdigit()), default=-1) + 1
    abstract = bullet_abstract_num(new_id)
    existing = numbering.findall(w_name("abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        pictures = numbering.findall(w_name("numPicBullet"))
        if pictures:
            pictures[-1].addnext(abstract)
        else:
            numbering.insert(0, abstract)
    num: BaseOxmlElement = numbering.add_num(new_id)
    return int(num.get(w_name("numId")) or 0)


def set_list_level(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Make the paragraph a list item: ``w:numPr`` with ``w:ilvl`` and ``w:numId``."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# --- header and footer ----------------------------------------------------------------------


def _parts(document: Document, kind: str) -> Iterator[BaseOxmlElement]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = RT.HEADER if kind == "header" else RT.FOOTER
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            element: BaseOxmlElement = rel.target_part.element
            yield element


def new_paragraph(document: Document, where: str, alignment: Any) -> Paragraph:
    """A new paragraph in the first section's ``Header`` or ``Footer``, styled the same."""
    part = document.sections[0].header if where == "Header" else document.sections[0].footer
    paragraph = part.add_paragraph()
    style = style_id(document, where)
    if style:
        paragraph._p.style = style
    paragraph.alignment = alignment
    return paragraph


def fill_header(document: Document, text: str) -> None:
    """Show ``text`` through the header's ``SUBJECT`` field; add the field if there is none."""
    filled = sum(set_field_results(part, HEADER_FIELD, text) for part in _parts(document, "header"))
    if filled:
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = new_paragraph(document, "Header", WD_ALIGN_PARAGRAPH.RIGHT)
    add_field(paragraph, HEADER_FIELD, text)


def fill_footer(document: Document) -> None:
    """Page numbers ``Seite X von Y`` in the footer, unless a footer shows them already."""
    if any("PAGE" in field_names(part) for part in _parts(document, "footer")):
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = new_paragraph(document, "Footer", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.add_run("Seite ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" von ")
    add_field(paragraph, "NUMPAGES", "1")


# --- document properties and packaging -------------------------------------------------------


def set_properties(document: Document, protocol: Protocol, subject: str) -> None:
    """Title, subject, language and the meeting date as created/modified date."""
    properties = document.core_properties
    # The core properties hold at most 255 characters each; the full title is in the body.
    properties.title = _core_text(protocol.title)
    properties.subject = _core_text(subject)
    properties.language = LANGUAGE
    properties.keywords = _core_text(f"Protokoll; {protocol.meeting}".rstrip("; "))
    properties.last_modified_by = "protokollkit"
    properties.revision = 1
    element = properties._element
    if protocol.date is not None:
        moment = dt.datetime(protocol.date.year, protocol.date.month, protocol.date.day, 12)
        properties.created = moment
        properties.modified = moment
    else:
        # No date of the template's own making: a reader would take it for the meeting's.
        for tag in ("created", "modified"):
            for old in element.findall(f"{{http://purl.org/dc/terms/}}{tag}"):
                element.remove(old)


def _core_text(text: str, limit: int = 255) -> str:
    """``text`` for a core property: checked, and cut to ``limit`` characters with an ellipsis."""
    checked(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalised_zip(data: bytes, date: dt.date | None) -> bytes:
    """The same package with fixed member dates: equal protocols give equal bytes.

    ZIP timestamps hold the years 1980–2107; a meeting date outside them is clamped.
    """
    stamp = (date.year, date.month, date.day, 12, 0, 0) if date else (1980, 1, 1, 0, 0, 0)
    if stamp[0] < 1980:
        stamp = (1980, 1, 1, 0, 0, 0)
    elif stamp[0] > 2107:
        stamp = (2107, 12, 31, 12, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with source, zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return target_buffer.getvalue()


# --- the body --------------------------------------------------------------------------------


def clear_body(document: Document) -> None:
    """Remove the template's sample content (everything but the final section properties)."""
    body = document.element.body
    for child in list(body):
        if child.tag != w_name("sectPr"):
            body.remove(child)


class _Body:
    """Appends paragraphs in named styles (style ids looked up once: python-docx is slow at it).

    New paragraphs go right before the body's final section properties, found once: python-docx's
    ``add_paragraph`` searches the whole body for them each time, which made long protocols
    quadratic (16,000 points took 6.8 s).
    """

    def __init__(self, document: Document, style_ids: dict[str, str]) -> None:
        self.document = document
        self.ids = style_ids
        self.element = document.element.body
        self.anchor = self.element.find(w_name("sectPr"))

    def paragraph(self, text: str, style: str) -> Paragraph:
        from docx.text.paragraph import Paragraph

        element = w_element("p")
        if self.anchor is not None:
            self.anchor.addprevious(element)
        else:
            self.element.append(element)
        paragraph = Paragraph(element, self.document._body)
        if text:
            paragraph.add_run(checked(text))
        paragraph._p.style = self.ids[style]
        return paragraph

    def labelled(self, label: str, text: str) -> None:
        paragraph = self.paragraph("", BODY_STYLE)
        paragraph.add_run(checked(label)).bold = True
        if text:
            paragraph.add_run(" " + checked(text))

    def points(self, points: Iterable[Point], num_id: int, depth: int = 0) -> None:
        # Depth first without recursion: a deeply nested protocol cannot exhaust the stack.
        stack: list[tuple[Point, int]] = [(p, depth) for p in reversed(tuple(points))]
        while stack:
            point, level = stack.pop()
            style = LIST_STYLES[min(level, len(LIST_STYLES) - 1)]
            paragraph = self.paragraph(point.text, style)
            set_list_level(paragraph, num_id, min(level, LIST_LEVELS - 1))
            stack.extend((p, level + 1) for p in reversed(point.points))


def fill_document(document: Document, protocol: Protocol) -> None:
    """Replace the document's body with the protocol and fill header, footer and properties."""
    clear_body(document)
    style_ids = ensure_styles(document)
    ensure_language(document)
    num_id = bullet_numbering(document)
    body = _Body(document, style_ids)
    body.paragraph(protocol.title, TITLE_STYLE)
    if protocol.participants:
        names = ", ".join(format_person(p, "parens") for p in protocol.participants)
        body.labelled(CANONICAL_PARTICIPANTS_LABEL, names)
    for text in protocol.front:
        body.paragraph(text, BODY_STYLE)
    for item in protocol.items:
        body.paragraph(item_heading(item), HEADING_STYLE)
        for block in item.blocks:
            if block.speaker:
                body.paragraph(format_person(block.speaker), SPEAKER_STYLE)
            if block.note:
                body.paragraph(block.note, BODY_STYLE)
            body.points(block.points, num_id)
    if protocol.next_meeting is not None:
        body.labelled(CANONICAL_NEXT_MEETING_LABEL, protocol.next_meeting.text)
    for text in protocol.back:
        body.paragraph(text, BODY_STYLE)
    subject = header_text(protocol)
    fill_header(document, subject)
    fill_footer(document)
    set_properties(document, protocol, subject)


def write_docx(protocol: Protocol, *, template: Path | None = None) -> bytes:
    """The protocol as a Word document (.docx bytes) on ``template`` (default: the Vorlage)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from protokollkit.templates import vorlage

    path = template or vorlage(TEMPLATE_NAME)
    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        SyntaxError,
        OSError,
        EOFError,
    ):
        raise ProtokollkitError(
            f"Word-Vorlage „{path}“ ist kein lesbares .docx-Dokument (beschädigt oder keine "
            "Word-Datei?)."
        ) from None
    fill_document(document, protocol)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalised_zip(buffer.getvalue(), protocol.date)
