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
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.model import Block, Person, Point, Protocol
from protokollkit.people import format_person
from protokollkit.writers.present import (
    Text,
    agenda_label,
    apostrophes,
    decision_heading,
    decision_result,
    linked_parts,
    marks_task,
    meta_rows,
    next_meeting_label,
    participants_label,
    people,
    shown_speaker,
    shown_task_details,
    shown_title,
    walk_items,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

TEMPLATE_NAME = "protokoll.docx"
"""File name of the template, looked up with :func:`protokollkit.templates.vorlage`."""

TITLE_STYLE = "Title"
HEADING_STYLE = "Heading 1"
SUBHEADING_STYLE = "Heading 2"
"""Sub-items (``5.2 Titel``), one level below the items."""
SPEAKER_STYLE = "Sprecher"
PRESENTER_STYLE = "Vortragende"
"""The presenter of an item, in its own paragraph under the heading (not part of it)."""
META_STYLE = "Angaben"
"""The metadata lines under the title (``Ort: …``, ``Beginn: …``)."""
DECISION_STYLE = "Beschluss"
"""A decision, motion or vote, set off (shaded, a bar on the left)."""
NEXT_MEETING_STYLE = "Nächster Termin"
"""The closing ``Nächster Termin: …`` line, with space above it."""
BODY_STYLE = "Normal"
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
"""Paragraph styles of points by nesting depth (deeper points use the last)."""
NUMBER_STYLES = ("List Number", "List Number 2", "List Number 3")
"""Paragraph styles of numbered points (and the planned agenda) by nesting depth."""
PARAGRAPH_STYLES = (
    BODY_STYLE,
    TITLE_STYLE,
    HEADING_STYLE,
    SUBHEADING_STYLE,
    SPEAKER_STYLE,
    PRESENTER_STYLE,
    META_STYLE,
    DECISION_STYLE,
    NEXT_MEETING_STYLE,
    *LIST_STYLES,
    *NUMBER_STYLES,
)
"""Every paragraph style the writer uses; one the template lacks is added."""

SPEAKER_NAME_STYLE = "Sprechername"
"""Character style of a speaker's name (bold); the affiliation after it is not bold."""
LINK_STYLE = "Hyperlink"
CHARACTER_STYLES = (SPEAKER_NAME_STYLE, LINK_STYLE)
ACCENT = "1F3864"
"""The template's dark blue, for styles the writer has to add itself."""

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
    from docx.shared import RGBColor

    present = paragraph_styles(document)
    ids: dict[str, str] = {}
    for name in PARAGRAPH_STYLES:
        if name.lower() in present:
            ids[name] = present[name.lower()].get(w_name("styleId")) or name.replace(" ", "")
            continue
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        ids[name] = style.style_id
        if name != BODY_STYLE:
            style.element.basedOn_val = ids[BODY_STYLE]
        plain_style(style, name)
    characters = character_styles(document)
    for name in CHARACTER_STYLES:
        if name.lower() in characters:
            ids[name] = characters[name.lower()]
            continue
        style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        ids[name] = style.style_id
        if name == SPEAKER_NAME_STYLE:
            style.font.bold = True
        else:
            style.font.color.rgb = RGBColor.from_string("0563C1")
            style.font.underline = True
    return ids


def plain_style(style: Any, name: str) -> None:
    """The plain formatting of a paragraph style the template lacks."""
    from docx.shared import Pt

    if name == TITLE_STYLE:
        style.font.size, style.font.bold = Pt(18), True
    elif name in (HEADING_STYLE, SUBHEADING_STYLE):
        level = 0 if name == HEADING_STYLE else 1
        style.font.size, style.font.bold = Pt(14 - 2 * level), True
        style.paragraph_format.keep_with_next = True
        style.element.get_or_add_pPr().append(w_element("outlineLvl", val=str(level)))
    elif name == SPEAKER_STYLE:
        style.paragraph_format.space_before = Pt(10)
        style.paragraph_format.keep_with_next = True
        no_hyphenation(style.element)
    elif name == PRESENTER_STYLE:
        style.font.italic = True
        style.paragraph_format.keep_with_next = True
        no_hyphenation(style.element)
    elif name == META_STYLE:
        style.paragraph_format.space_after = Pt(0)
    elif name == DECISION_STYLE:
        decision_look(style)
    elif name == NEXT_MEETING_STYLE:
        style.paragraph_format.space_before = Pt(18)
    elif name in NUMBER_STYLES:
        style.paragraph_format.space_after = Pt(2)


def no_hyphenation(element: Any) -> None:
    """``w:suppressAutoHyphens`` on a paragraph or style: names are never split at a line end."""
    ppr = element.get_or_add_pPr()
    if ppr.find(w_name("suppressAutoHyphens")) is None:
        ppr.append(w_element("suppressAutoHyphens"))


def decision_look(style: Any) -> None:
    """Shading and a dark blue bar on the left: a decision stands out from the points."""
    from docx.shared import Pt

    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.left_indent = Pt(6)
    style.paragraph_format.keep_together = True
    ppr = style.element.get_or_add_pPr()
    borders = w_element("pBdr")
    borders.append(w_element("left", val="single", sz="18", space="6", color=ACCENT))
    ppr.append(borders)
    ppr.append(w_element("shd", val="clear", color="auto", fill="EEF3F8"))


def character_styles(document: Document) -> dict[str, str]:
    """The ids of the character styles by lower-case name."""
    found: dict[str, str] = {}
    for style in document.styles.element.findall(w_name("style")):
        if style.get(w_name("type")) != "character":
            continue
        name_element = style.find(w_name("name"))
        name = (name_element.get(w_name("val")) or "") if name_element is not None else ""
        if name.strip():
            found.setdefault(name.strip().lower(), style.get(w_name("styleId")) or name)
    return found


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
    properties.title = _core_text(apostrophes(protocol.title))
    properties.subject = _core_text(subject)
    properties.language = LANGUAGE
    properties.keywords = _core_text(f"Protokoll; {protocol.meeting}".rstrip("; "))
    properties.last_modified_by = "protokollkit"
    properties.author = _core_text(protocol.meeting)
    properties.comments = ""  # the template's own note is not the protocol's
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


_MARKER = re.compile(r"^\(?(\d{1,4}|[a-z]|[A-Z]|[ivx]{1,5}|[IVX]{1,5})([.)])$")
_ROMAN = {"i": 1, "v": 5, "x": 10}


def _roman_value(text: str) -> int:
    values = [_ROMAN[ch] for ch in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def number_format(marker: str | None, position: int) -> tuple[str, str, int]:
    """Word's ``numFmt``, ``lvlText`` pattern and start value for a written marker.

    ``1.`` → decimal ``%.``, ``a)`` → lowerLetter ``%)``, ``iv.`` → lowerRoman; a marker of
    another shape (or none) counts on in decimal from its position.
    """
    match = _MARKER.match((marker or "").strip())
    if not match:
        return "decimal", "%.", position
    value, suffix = match.groups()
    prefix = "(" if marker and marker.strip().startswith("(") else ""
    pattern = prefix + "%" + suffix
    if value.isdigit():
        return "decimal", pattern, int(value)
    if len(value) > 1 or (value in "ivxIVX" and position > 1):
        kind = "lowerRoman" if value.islower() else "upperRoman"
        return kind, pattern, _roman_value(value)
    kind = "lowerLetter" if value.islower() else "upperLetter"
    return kind, pattern, ord(value.lower()) - ord("a") + 1


def numbered_list(document: Document, level: int, marker: str | None) -> int:
    """A new Word numbering (``w:num``) whose ``level`` counts like ``marker`` from its value."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(w_name("abstractNum"))
    new_id = max((int(a.get(w_name("abstractNumId")) or 0) for a in abstracts), default=-1) + 1
    fmt, pattern, start = number_format(marker, 1)
    abstract = w_element("abstractNum", abstractNumId=str(new_id))
    abstract.append(w_element("nsid", val=f"{0x4E554D00 + new_id:08X}"))
    abstract.append(w_element("multiLevelType", val="hybridMultilevel"))
    for index in range(LIST_LEVELS):
        lvl = w_element("lvl", ilvl=str(index))
        lvl.append(w_element("start", val=str(start if index == level else 1)))
        lvl.append(w_element("numFmt", val=fmt if index == level else "decimal"))
        text = pattern.replace("%", f"%{index + 1}") if index == level else f"%{index + 1}."
        lvl.append(w_element("lvlText", val=text))
        lvl.append(w_element("lvlJc", val="left"))
        ppr = w_element("pPr")
        left = str(INDENT_TWIPS * (index + 1))
        ppr.append(w_element("ind", left=left, hanging=str(INDENT_TWIPS)))
        lvl.append(ppr)
        abstract.append(lvl)
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num: BaseOxmlElement = numbering.add_num(new_id)
    return int(num.get(w_name("numId")) or 0)


def _kind(point: Point) -> str:
    """How an entry is laid out: a decision stands apart from the list around it."""
    return "decision" if point.decision is not None else point.kind


class _Body:
    """Appends paragraphs in named styles (style ids looked up once: python-docx is slow at it).

    New paragraphs go right before the body's final section properties, found once: python-docx's
    ``add_paragraph`` searches the whole body for them each time, which made long protocols
    quadratic (16,000 points took 6.8 s).
    """

    def __init__(self, document: Document, style_ids: dict[str, str], num_id: int) -> None:
        self.document = document
        self.ids = style_ids
        self.bullets = num_id
        self.element = document.element.body
        self.anchor = self.element.find(w_name("sectPr"))
        self.link_ids: dict[str, str] = {}
        self.next_link = 1

    def paragraph(self, text: str, style: str) -> Paragraph:
        from docx.text.paragraph import Paragraph

        element = w_element("p")
        if self.anchor is not None:
            self.anchor.addprevious(element)
        else:
            self.element.append(element)
        paragraph = Paragraph(element, self.document._body)
        if text:
            paragraph.add_run(checked(apostrophes(text)))
        paragraph._p.style = self.ids[style]
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Any:
        """A run of ``text`` (typographic apostrophes), in a character style if given."""
        run = paragraph.add_run(checked(apostrophes(text)))
        if style:
            run._r.get_or_add_rPr().style = self.ids[style]
        return run

    def rich(self, paragraph: Paragraph, text: str) -> None:
        """Running text with its links as real hyperlinks (``w:hyperlink``)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        for part in linked_parts(text):
            if isinstance(part, Text):
                self.run(paragraph, part.text)
                continue
            rid = self.link_id(paragraph.part, part.target, RT.HYPERLINK)
            link = w_element("hyperlink")
            link.set(qn_r("id"), rid)
            link.set(w_name("history"), "1")
            paragraph._p.append(link)
            run = w_element("r")
            rpr = w_element("rPr")
            rpr.append(w_element("rStyle", val=self.ids[LINK_STYLE]))
            run.append(rpr)
            label = w_element("t")
            label.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            label.text = checked(part.label)
            run.append(label)
            link.append(run)

    def link_id(self, part: Any, target: str, reltype: str) -> str:
        """The relationship id of the link ``target`` in the body's part, added when new.

        python-docx's ``relate_to`` searches all relationships for an equal one and then for
        the first free id, both from the start: 20,000 links in a protocol took three and a
        half minutes. Here both are remembered."""
        rid = self.link_ids.get(target)
        if rid is None:
            relationships = part.rels
            while f"rId{self.next_link}" in relationships:
                self.next_link += 1
            rid = f"rId{self.next_link}"
            relationships.add_relationship(reltype, target, rid, is_external=True)
            self.link_ids[target] = rid
        return rid

    def text_paragraph(self, text: str, style: str) -> Paragraph:
        paragraph = self.paragraph("", style)
        self.rich(paragraph, text)
        return paragraph

    def labelled(self, label: str, text: str, style: str = BODY_STYLE) -> Paragraph:
        paragraph = self.paragraph("", style)
        self.run(paragraph, label).bold = True
        if text:
            self.rich(paragraph, " " + text)
        return paragraph

    def person(self, paragraph: Paragraph, person: Person, form: str | None = None) -> None:
        """The name in the ``Sprechername`` style, the affiliation after it as plain text."""
        self.run(paragraph, person.name, SPEAKER_NAME_STYLE)
        rest = format_person(person, "parens" if form == "parens" else None)[len(person.name) :]
        if rest:
            self.run(paragraph, rest)

    def entry(self, paragraph: Paragraph, point: Point) -> None:
        """An entry's own text: inline speaker, the text, a task's mark and details."""
        speaker = shown_speaker(point)
        if speaker:
            self.person(paragraph, speaker, "parens")
            self.run(paragraph, ": ")
        if point.task is not None and marks_task(point):
            self.run(paragraph, "Aufgabe:").bold = True
            self.run(paragraph, " ")
        self.rich(paragraph, " ".join(point.text.split()))
        details = shown_task_details(point)
        if details:
            self.run(paragraph, f" ({details})").italic = True

    def decision(self, point: Point) -> None:
        """A decision paragraph: label, text and, after a line break, the counts and result."""
        assert point.decision is not None
        paragraph = self.paragraph("", DECISION_STYLE)
        label, shown = decision_heading(point)
        if label:
            self.run(paragraph, f"{label} ").bold = True
        self.entry(paragraph, shown)
        result = decision_result(point.decision)
        if result:
            paragraph.add_run().add_break()
            self.run(paragraph, result).bold = True

    def points(self, points: tuple[Point, ...], depth: int = 0) -> None:
        level = min(depth, LIST_LEVELS - 1)
        index = 0
        while index < len(points):
            kind = _kind(points[index])
            run = [points[index]]
            while index + len(run) < len(points) and _kind(points[index + len(run)]) == kind:
                run.append(points[index + len(run)])
            index += len(run)
            numbers = (
                numbered_list(self.document, level, run[0].marker) if kind == "numbered" else 0
            )
            for point in run:
                if kind == "decision":
                    self.decision(point)
                elif kind == "paragraph":
                    self.entry(self.paragraph("", BODY_STYLE), point)
                else:
                    styles = NUMBER_STYLES if kind == "numbered" else LIST_STYLES
                    paragraph = self.paragraph("", styles[min(depth, len(styles) - 1)])
                    num_id = numbers if kind == "numbered" else self.bullets
                    set_list_level(paragraph, num_id, level)
                    self.entry(paragraph, point)
                self.points(point.points, depth + 1)

    def block(self, block: Block) -> None:
        """A speaker line, a free paragraph and the points of one block."""
        if block.speaker:
            self.person(self.paragraph("", SPEAKER_STYLE), block.speaker)
        if block.note:
            self.text_paragraph(block.note, BODY_STYLE)
        self.points(block.points)

    def agenda(self, label: str, entries: tuple[str, ...]) -> None:
        """The planned agenda: ``Tagesordnung`` and a numbered list of the titles."""
        self.labelled(label, "", META_STYLE)
        numbers = numbered_list(self.document, 0, "1.")
        for entry in entries:
            paragraph = self.text_paragraph(entry, NUMBER_STYLES[0])
            set_list_level(paragraph, numbers, 0)


def qn_r(tag: str) -> str:
    """The Clark name of a relationship attribute (``id`` → ``{…/relationships}id``)."""
    from docx.oxml.ns import qn

    return qn(f"r:{tag}")


def fill_document(document: Document, protocol: Protocol) -> None:
    """Replace the document's body with the protocol and fill header, footer and properties."""
    clear_body(document)
    style_ids = ensure_styles(document)
    ensure_language(document)
    body = _Body(document, style_ids, bullet_numbering(document))
    body.paragraph(protocol.title, TITLE_STYLE)
    meta = [body.labelled(f"{label}:", value, META_STYLE) for label, value in meta_rows(protocol)]
    if meta:
        from docx.shared import Pt

        meta[-1].paragraph_format.space_after = Pt(8)  # the block ends; the style's is 0
    if protocol.participants:
        names = body.labelled(participants_label(protocol), people(protocol.participants))
        no_hyphenation(names._p)
    for group in protocol.attendance:
        no_hyphenation(body.labelled(f"{group.label}:", people(group.people))._p)
    if protocol.agenda:
        body.agenda(agenda_label(protocol), protocol.agenda)
    for text in protocol.front:
        body.text_paragraph(text, BODY_STYLE)
    for block in protocol.preamble:
        body.block(block)
    for item, label, depth in walk_items(protocol.items, prefix=protocol.item_prefix):
        style = HEADING_STYLE if depth == 0 else SUBHEADING_STYLE
        body.text_paragraph(f"{label} {shown_title(item)}", style)
        if item.presenter:
            body.paragraph(format_person(item.presenter, "parens"), PRESENTER_STYLE)
        for block in item.blocks:
            body.block(block)
    closing = next_meeting_label(protocol)
    if protocol.next_meeting is not None and closing:
        body.labelled(closing, protocol.next_meeting.text, NEXT_MEETING_STYLE)
    for text in protocol.back:
        body.text_paragraph(text, BODY_STYLE)
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
