"""Make the Word template ``vorlagen/protokoll.docx`` that :mod:`protokollkit.writers.docx` fills.

Run ``.venv/bin/python vorlagen/make_docx_template.py`` to regenerate it (the output is
byte-for-byte reproducible). Afterwards the template may be restyled in Word or LibreOffice —
fonts, colours, spacing, a logo in the header; the writer relies only on the style names
(``Title``, ``Heading 1``, ``Heading 2``, ``Sprecher``, ``Sprechername``, ``Vortragende``,
``Angaben``, ``Beschluss``, ``Nächster Termin``, ``List Bullet`` …, ``List Number`` …,
``Hyperlink``, ``Normal``), on the ``SUBJECT`` field
in the header and the ``PAGE`` field in the footer (both added again if deleted).

The template holds an example protocol so that every style can be seen and changed; the writer
replaces that body with the real protocol.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from protokollkit.writers.docx import (
    DECISION_STYLE,
    HEADER_FIELD,
    LANGUAGE,
    LINK_STYLE,
    LIST_STYLES,
    META_STYLE,
    NEXT_MEETING_STYLE,
    NUMBER_STYLES,
    PRESENTER_STYLE,
    SPEAKER_NAME_STYLE,
    SPEAKER_STYLE,
    SUBHEADING_STYLE,
    add_field,
    bullet_numbering,
    decision_look,
    ensure_language,
    ensure_styles,
    no_hyphenation,
    normalised_zip,
    numbered_list,
    set_list_level,
    w_element,
    w_name,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "protokoll.docx"

FONT = "Calibri"
"""Body and heading font (LibreOffice substitutes the metric-compatible Carlito)."""

DARK_BLUE = "1F3864"
GREY = "595959"
STAMP = dt.date(2022, 11, 10)
"""The template's own date (document properties and zip entries), fixed for reproducibility."""

SAMPLE_HEADER = "Stadtteiltisch · Protokoll vom TT.MM.JJJJ"

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def reset(style: ParagraphStyle) -> None:
    """Remove a style's paragraph and run formatting (the default template's blue and borders)."""
    for tag in ("pPr", "rPr"):
        old = style.element.find(w_name(tag))
        if old is not None:
            style.element.remove(old)


def set_language(document: Document) -> None:
    """German as the default language in the styles (``w:lang``) and for theme fonts."""
    defaults = document.styles.element.find(
        f"{w_name('docDefaults')}/{w_name('rPrDefault')}/{w_name('rPr')}"
    )
    if defaults is not None:
        for lang in defaults.findall(w_name("lang")):
            defaults.remove(lang)
    ensure_language(document)
    settings = document.settings.element
    for theme in settings.findall(w_name("themeFontLang")):
        theme.set(w_name("val"), LANGUAGE)
        theme.attrib.pop(w_name("eastAsia"), None)


def set_hyphenation(document: Document) -> None:
    """Automatic hyphenation on (``w:autoHyphenation`` right after ``w:defaultTabStop``)."""
    settings = document.settings.element
    if settings.find(w_name("autoHyphenation")) is not None:
        return
    anchor = settings.find(w_name("defaultTabStop"))
    hyphenation = w_element("autoHyphenation")
    if anchor is not None:
        anchor.addnext(hyphenation)
    else:
        settings.append(hyphenation)


def paragraph_style(document: Document, name: str) -> ParagraphStyle:
    """The paragraph style called ``name``."""
    from docx.styles.style import ParagraphStyle

    style = document.styles[name]
    if not isinstance(style, ParagraphStyle):
        raise TypeError(f"{name} is no paragraph style")
    return style


def style_fonts(document: Document) -> None:
    """Fonts, sizes and spacing of the named styles the writer uses."""
    from docx.shared import Pt, RGBColor

    normal = paragraph_style(document, "Normal")
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    title = paragraph_style(document, "Title")
    reset(title)
    title.font.name, title.font.size, title.font.bold = FONT, Pt(20), True
    title.font.color.rgb = RGBColor.from_string(DARK_BLUE)
    title.paragraph_format.space_after = Pt(12)

    heading = paragraph_style(document, "Heading 1")
    reset(heading)
    heading.font.name, heading.font.size, heading.font.bold = FONT, Pt(14), True
    heading.font.color.rgb = RGBColor.from_string(DARK_BLUE)
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True
    heading.element.get_or_add_pPr().append(w_element("outlineLvl", val="0"))

    subheading = paragraph_style(document, SUBHEADING_STYLE)
    reset(subheading)
    subheading.font.name, subheading.font.size, subheading.font.bold = FONT, Pt(12), True
    subheading.font.color.rgb = RGBColor.from_string(DARK_BLUE)
    subheading.paragraph_format.space_before = Pt(12)
    subheading.paragraph_format.space_after = Pt(4)
    subheading.paragraph_format.keep_with_next = True
    subheading.element.get_or_add_pPr().append(w_element("outlineLvl", val="1"))

    presenter = paragraph_style(document, PRESENTER_STYLE)
    presenter.base_style = normal
    presenter.font.italic = True
    presenter.font.color.rgb = RGBColor.from_string(GREY)
    presenter.paragraph_format.space_before = Pt(0)
    presenter.paragraph_format.space_after = Pt(6)
    presenter.paragraph_format.keep_with_next = True
    presenter.quick_style = True
    no_hyphenation(presenter.element)

    meta = paragraph_style(document, META_STYLE)
    meta.base_style = normal
    meta.font.size = Pt(10)
    meta.paragraph_format.space_after = Pt(0)
    meta.quick_style = True

    decision = paragraph_style(document, DECISION_STYLE)
    decision.base_style = normal
    decision_look(decision)
    decision.quick_style = True

    closing = paragraph_style(document, NEXT_MEETING_STYLE)
    closing.base_style = normal
    closing.paragraph_format.space_before = Pt(18)
    closing.quick_style = True

    name = document.styles[SPEAKER_NAME_STYLE]
    name.font.bold = True
    name.quick_style = True
    link = document.styles[LINK_STYLE]
    link.font.color.rgb = RGBColor.from_string("0563C1")
    link.font.underline = True

    speaker = paragraph_style(document, SPEAKER_STYLE)
    speaker.base_style = normal
    speaker.font.bold = None  # the name is bold (Sprechername), the affiliation is not
    speaker.paragraph_format.space_before = Pt(10)
    speaker.paragraph_format.space_after = Pt(2)
    speaker.paragraph_format.keep_with_next = True
    speaker.next_paragraph_style = paragraph_style(document, LIST_STYLES[0])
    speaker.quick_style = True
    no_hyphenation(speaker.element)

    for name in ("Header", "Footer"):
        style = paragraph_style(document, name)
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor.from_string(GREY)


def list_styles(document: Document, num_id: int) -> None:
    """``List Bullet`` (2, 3) point at the bullet numbering on levels 0, 1, 2."""
    from docx.shared import Pt

    for level, name in [*enumerate(LIST_STYLES), *enumerate(NUMBER_STYLES)]:
        style = paragraph_style(document, name)
        if name in NUMBER_STYLES:
            reset(style)
            style.paragraph_format.space_after = Pt(2)
            continue  # each numbered list has its own numbering (it counts as written)
        reset(style)
        style.paragraph_format.space_after = Pt(2)
        ppr = style.element.get_or_add_pPr()
        num_pr = ppr.get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id


def page_setup(document: Document) -> None:
    """A4 portrait with margins for punching and filing."""
    from docx.shared import Cm, Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.25)


def header_and_footer(document: Document) -> None:
    """Meeting and date in the header (``SUBJECT`` field), ``Seite X von Y`` in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_field(header, HEADER_FIELD, SAMPLE_HEADER)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Seite ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" von ")
    add_field(footer, "NUMPAGES", "1")


def sample_body(document: Document, num_id: int) -> None:
    """An example protocol showing every style (the writer replaces it)."""
    document.add_paragraph("Protokoll Stadtteiltisch TT.MM.JJ", "Title")
    participants = document.add_paragraph(style="Normal")
    participants.add_run("Teilnehmende:").bold = True
    participants.add_run(" Vorname Name, Vorname Name (Einrichtung), …")
    for label, value in (("Ort:", "Ort der Sitzung"), ("Beginn:", "14:00 Uhr")):
        meta = document.add_paragraph(style=META_STYLE)
        meta.add_run(label).bold = True
        meta.add_run(f" {value}")
    document.add_paragraph("1 Tagesordnungspunkt", "Heading 1")
    document.add_paragraph("Vortragende Person (Einrichtung)", PRESENTER_STYLE)
    speaker = document.add_paragraph(style=SPEAKER_STYLE)
    speaker.add_run("Vorname Name", SPEAKER_NAME_STYLE)
    speaker.add_run(", Einrichtung")
    for text, level in (
        ("Punkt mit „Anführungszeichen“ – Gedankenstrich → Pfeil, Klient*innen", 0),
        ("Unterpunkt", 1),
        ("Unter-Unterpunkt", 2),
        ("weiterer Punkt", 0),
    ):
        paragraph = document.add_paragraph(text, LIST_STYLES[level])
        set_list_level(paragraph, num_id, level)
    numbers = numbered_list(document, 0, "1.")
    for text in ("nummerierter Punkt", "zweiter nummerierter Punkt"):
        set_list_level(document.add_paragraph(text, NUMBER_STYLES[0]), numbers, 0)
    decision = document.add_paragraph(style=DECISION_STYLE)
    decision.add_run("Beschluss:").bold = True
    decision.add_run(" Text des Beschlusses.")
    decision.add_run().add_break()
    decision.add_run("Ja 6 · Nein 1 · Enthaltung 0 – angenommen").bold = True
    document.add_paragraph("1.1 Unterpunkt der Tagesordnung", SUBHEADING_STYLE)
    document.add_paragraph("Ein freier Absatz (Notiz).", "Normal")
    next_meeting = document.add_paragraph(style=NEXT_MEETING_STYLE)
    next_meeting.add_run("Nächster Termin:").bold = True
    next_meeting.add_run(" TT.MM.JJJJ, 14 Uhr")


def properties(document: Document) -> None:
    """Document properties of the template itself."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    core = document.core_properties
    core.title = "Vorlage: Protokoll"
    core.subject = SAMPLE_HEADER
    core.author = "Stadtteiltisch Groß Klein"
    core.last_modified_by = "protokollkit"
    core.language = LANGUAGE
    core.keywords = "Protokoll; Vorlage"
    core.comments = "Vorlage für protokollkit; Formatvorlagen dürfen geändert werden."
    core.revision = 1
    moment = dt.datetime(STAMP.year, STAMP.month, STAMP.day, 12)
    core.created = core.modified = moment
    # The default template's preview picture would show python-docx's sample; its Word 2010
    # style copy (stylesWithEffects) would lack our styles; its bibliography part is unused.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del document.part.rels[rid]


KEPT_TABLE_STYLES = {"Normal Table", "Table Grid"}


def drop_unused_styles(document: Document) -> None:
    """Remove the default template's sixty table styles (a smaller template loads faster)."""
    from docx.enum.style import WD_STYLE_TYPE

    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in KEPT_TABLE_STYLES:
            style.delete()


def build() -> bytes:
    """The template's bytes."""
    import docx

    document = docx.Document()
    for child in list(document.element.body):
        if child.tag != w_name("sectPr"):
            document.element.body.remove(child)
    drop_unused_styles(document)
    ensure_styles(document)
    set_language(document)
    set_hyphenation(document)
    page_setup(document)
    num_id = bullet_numbering_fresh(document)
    style_fonts(document)
    list_styles(document, num_id)
    header_and_footer(document)
    sample_body(document, num_id)
    properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalised_zip(buffer.getvalue(), STAMP)


def bullet_numbering_fresh(document: Document) -> int:
    """Our ``Punkte`` definition (the default template's ``List Bullet`` has only one level)."""
    for name in LIST_STYLES:
        ppr = document.styles[name].element.find(w_name("pPr"))
        num_pr = ppr.find(w_name("numPr")) if ppr is not None else None
        if ppr is not None and num_pr is not None:
            ppr.remove(num_pr)
    return bullet_numbering(document)


def main() -> None:
    """Write the template (default: ``vorlagen/protokoll.docx`` beside this script)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TEMPLATE, help="Zieldatei")
    args = parser.parse_args()
    from protokollkit.files import write_atomic

    write_atomic(args.output, build())
    print(f"Vorlage geschrieben: {args.output}")


if __name__ == "__main__":
    main()
