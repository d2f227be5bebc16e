"""Writer for HTML: the protocol as a small self-contained page, also the mail's HTML part.

The page is written straight from the model: every piece of protocol text is HTML-escaped (a
point ``<script>`` shows as text), typography („ “ – →) stays literal UTF-8, an apostrophe after
a letter is set as ``’``, and ``Klient*innen`` is just text. Links (``[label](target)`` and bare
URLs) become ``<a href>`` — only for ``http``, ``https`` and ``mailto`` targets; any other
stays as written.

Mail programs ignore or strip ``<style>`` blocks, so the styles (system font, a readable width,
headings in the PDF's dark blue) stand in ``style`` attributes on the elements. The page says
it suits light and dark mode (``color-scheme``): text takes the reader's colour, boxes are
tinted, not painted, and one ``<style>`` block lightens the blue where dark mode is asked for.

The presenter of an item is a paragraph of its own (``class="vortragende"``) under the heading;
the ``Termine`` are a section with a heading (``class="termine"``), not a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from protokollkit.model import AgendaItem, Block, Person, Point, Protocol
from protokollkit.people import format_person
from protokollkit.writers.present import (
    SAFE_SCHEMES,
    TASKS_HEADING,
    Text,
    agenda_label,
    decision_heading,
    decision_result,
    inline_parts,
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

ACCENT = "#1f4e79"
"""The headings' colour: ``akzent`` of ``vorlagen/protokoll.typ`` (the PDF)."""

ACCENT_DARK = "#8fb8e8"
"""The headings' colour in dark mode (where the client honours ``prefers-color-scheme``)."""

MUTED = "#6b6b6b"
"""Secondary text (presenter, task details, metadata labels): readable on light and dark."""

FONT = "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
"""The system's own sans-serif font (macOS/iOS, Windows, Android, then the usual fallbacks)."""

PAGE_STYLE = (
    f"font-family: {FONT}; font-size: 15px; line-height: 1.45; "
    "max-width: 44em; margin: 0 auto; padding: 12px 16px"
)
"""The wrapper around everything: system font, a readable line length; the reader's colours."""

BOX_STYLE = (
    f"margin: 1em 0; padding: 0.4em 1em; border-left: 4px solid {ACCENT}; "
    "background: rgba(31, 78, 121, 0.08)"
)
"""The ``Termine`` section and decisions: tinted, so it reads in light and dark mode."""

PROTOCOL_STYLE = "margin: 1.2em 0 1.6em"
"""Space between the mail's greeting and closing and the protocol between them."""

STYLES: dict[str, str] = {
    "h1": f"color: {ACCENT}; font-size: 1.5em; margin: 0.8em 0 0.4em",
    "h2": f"color: {ACCENT}; font-size: 1.2em; margin: 1.3em 0 0.4em",
    "h3": f"color: {ACCENT}; font-size: 1.05em; margin: 1.1em 0 0.3em",
    "p": "margin: 0.5em 0",
    "ul": "margin: 0.2em 0 0.6em; padding-left: 1.4em",
    "ol": "margin: 0.2em 0 0.6em; padding-left: 1.4em; list-style-type: none",
    "li": "margin: 0.15em 0",
    "table": "border-collapse: collapse; margin: 0.3em 0 0.8em; font-size: 0.93em",
    "th": f"text-align: left; font-weight: normal; color: {MUTED}; padding: 0 1em 0 0; "
    "vertical-align: top",
    "td": "padding: 0; vertical-align: top",
}
"""Inline style by element; every opening tag of these elements gets its ``style``."""

PRESENTER_STYLE = f"margin: -0.2em 0 0.6em; font-style: italic; color: {MUTED}"
DETAILS_STYLE = f"color: {MUTED}"
TERMINE_HEADING_STYLE = "margin: 0.2em 0 0.3em; font-size: 1em"

DARK_MODE = (
    "@media (prefers-color-scheme: dark) {\n"
    f"  h1, h2, h3, a {{ color: {ACCENT_DARK} !important; }}\n"
    "}\n"
)
"""The only ``<style>``: lighter blue in dark mode. Without it everything still reads."""


def style(tag: str) -> str:
    """`` style="…"`` for an element of :data:`STYLES`, or nothing."""
    return f' style="{escape(STYLES[tag])}"' if tag in STYLES else ""


def inline(text: str) -> str:
    """Running text as HTML: escaped, typographic apostrophes, links as ``<a href>``."""
    pieces: list[str] = []
    for part in inline_parts(re.sub(r"\s+", " ", text)):
        if isinstance(part, Text):
            pieces.append(escape(part.text))
        elif part.target.lower().startswith(SAFE_SCHEMES):
            pieces.append(f'<a href="{escape(part.target)}">{escape(part.label)}</a>')
        elif part.label == part.target:
            pieces.append(escape(part.target))
        else:
            pieces.append(escape(f"[{part.label}]({part.target})"))
    return "".join(pieces)


def lines_html(text: str) -> str:
    """A free paragraph that may hold line breaks: its lines joined by ``<br>``."""
    return "<br>\n".join(inline(line) for line in text.splitlines() if line.strip())


def paragraph(content: str, extra: str = "") -> str:
    """``<p>`` with its inline style (and ``extra`` style after it)."""
    styles = "; ".join(s for s in (STYLES["p"], extra) if s)
    return f'<p style="{escape(styles)}">{content}</p>\n'


def labelled(label: str, content: str, extra: str = "") -> str:
    """``<p><strong>Label:</strong> content</p>``."""
    return paragraph(f"<strong>{escape(label)}</strong> {content}".rstrip(), extra)


def person_html(person: Person, form: str | None = None) -> str:
    """The name in bold, the affiliation after it as written (or in parentheses)."""
    written = format_person(person, "parens" if form == "parens" else None)
    return f"<strong>{inline(person.name)}</strong>{inline(written[len(person.name) :])}"


def meta_html(protocol: Protocol) -> str:
    """The metadata block: a two-column table of labels and values."""
    rows = meta_rows(protocol)
    if not rows:
        return ""
    body = "".join(
        f'<tr><th scope="row"{style("th")}>{escape(label)}</th><td{style("td")}>'
        f"{inline(value)}</td></tr>\n"
        for label, value in rows
    )
    return f"<table{style('table')}>\n{body}</table>\n"


def entry_html(point: Point) -> str:
    """An entry's own text: inline speaker, text, a task's mark and details."""
    content = ""
    speaker = shown_speaker(point)
    if speaker:
        content += person_html(speaker, "parens") + ": "
    if point.task is not None and marks_task(point):
        content += "<strong>Aufgabe:</strong> "
    content += inline(point.text)
    details = shown_task_details(point)
    if details:
        content += f' <span style="{DETAILS_STYLE}">({escape(details)})</span>'
    return content


def decision_html(point: Point) -> str:
    """A decision as a tinted box: label, text, then counts and result in bold."""
    assert point.decision is not None
    label, shown = decision_heading(point)
    content = f"<strong>{escape(label)}</strong> " if label else ""
    parts = [paragraph(content + entry_html(shown), "margin: 0.3em 0")]
    result = decision_result(point.decision)
    if result:
        parts.append(paragraph(f"<strong>{escape(result)}</strong>", "margin: 0.3em 0"))
    return f'<div class="beschluss" style="{escape(BOX_STYLE)}">\n{"".join(parts)}</div>\n'


def _kind(point: Point) -> str:
    return "decision" if point.decision is not None else point.kind


def _runs(points: tuple[Point, ...]) -> Iterator[tuple[str, list[Point]]]:
    """Consecutive entries of one layout: bullets, numbered points, paragraphs, decisions."""
    index = 0
    while index < len(points):
        kind = _kind(points[index])
        run = [points[index]]
        while index + len(run) < len(points) and _kind(points[index + len(run)]) == kind:
            run.append(points[index + len(run)])
        index += len(run)
        yield kind, run


def points_html(points: tuple[Point, ...]) -> str:
    """Bullets as ``<ul>``, numbered points as ``<ol>`` with their markers as written,
    paragraphs as ``<p>``, decisions as boxes; sub-points nested in their entry."""
    parts: list[str] = []
    for kind, run in _runs(points):
        if kind in ("paragraph", "decision"):
            for point in run:
                own = entry_html(point)
                parts.append(decision_html(point) if kind == "decision" else paragraph(own))
                parts.append(points_html(point.points))
            continue
        tag = "ol" if kind == "numbered" else "ul"
        items = []
        for number, point in enumerate(run, start=1):
            marker = f"{escape(point.marker or f'{number}.')} " if kind == "numbered" else ""
            nested = points_html(point.points)
            items.append(
                f"<li{style('li')}>{marker}{entry_html(point)}"
                + (f"\n{nested}" if nested else "")
                + "</li>\n"
            )
        parts.append(f"<{tag}{style(tag)}>\n{''.join(items)}</{tag}>\n")
    return "".join(parts)


def item_html(item: AgendaItem, label: str, depth: int) -> str:
    """An item's heading (``h2``, sub-items ``h3``), its presenter and its blocks."""
    tag = "h2" if depth == 0 else "h3"
    parts = [f"<{tag}{style(tag)}>{escape(label)} {inline(shown_title(item))}</{tag}>\n"]
    if item.presenter:
        presenter = inline(format_person(item.presenter, "parens"))
        parts.append(f'<div class="vortragende">\n{paragraph(presenter, PRESENTER_STYLE)}</div>\n')
    parts.extend(block_html(block) for block in item.blocks)
    return "".join(parts)


def block_html(block: Block) -> str:
    """A speaker line, a free paragraph and the points of one block."""
    parts = []
    if block.speaker:
        parts.append(paragraph(person_html(block.speaker)))
    if block.note:
        parts.append(paragraph(lines_html(block.note)))
    parts.append(points_html(block.points))
    return "".join(parts)


def protocol_html(protocol: Protocol, *, termine: bool = True) -> str:
    """The protocol as an HTML fragment; ``termine=False`` leaves out the ``Termine`` section."""
    parts = [f"<h1{style('h1')}>{inline(protocol.title)}</h1>\n"]
    parts.append(meta_html(protocol))
    if termine:
        parts.append(termine_html(protocol))
    if protocol.participants:
        parts.append(labelled(participants_label(protocol), inline(people(protocol.participants))))
    for group in protocol.attendance:
        parts.append(labelled(f"{group.label}:", inline(people(group.people))))
    if protocol.agenda:
        label = escape(agenda_label(protocol))
        parts.append(paragraph(f"<strong>{label}</strong>", "margin-bottom: 0.2em"))
        entries = "".join(
            f"<li{style('li')}>{number}. {inline(entry)}</li>\n"
            for number, entry in enumerate(protocol.agenda, start=1)
        )
        parts.append(f"<ol{style('ol')}>\n{entries}</ol>\n")
    parts.extend(paragraph(lines_html(text)) for text in protocol.front)
    parts.extend(block_html(block) for block in protocol.preamble)
    for item, label, depth in walk_items(protocol.items, prefix=protocol.item_prefix):
        parts.append(item_html(item, label, depth))
    closing = next_meeting_label(protocol)
    if protocol.next_meeting is not None and closing:
        text = inline(protocol.next_meeting.text)
        parts.append(labelled(closing, text, "margin-top: 1.6em"))
    parts.extend(paragraph(lines_html(text)) for text in protocol.back)
    return "".join(parts)


def tasks_html(protocol: Protocol) -> str:
    """The mail's task list at the end: ``Aufgaben`` and one entry per task with who and when."""
    tasks = protocol.tasks()
    if not tasks:
        return ""
    entries = []
    for point in tasks:
        assert point.task is not None
        details = shown_task_details(point)
        extra = f' <span style="{DETAILS_STYLE}">({escape(details)})</span>' if details else ""
        entries.append(f"<li{style('li')}>{inline(point.text)}{extra}</li>\n")
    return (
        f'<section class="aufgaben">\n<h2{style("h2")}>{TASKS_HEADING}</h2>\n'
        f"<ul{style('ul')}>\n{''.join(entries)}</ul>\n</section>\n"
    )


def termine_html(protocol: Protocol, note: str = "", limit: int | None = None) -> str:
    """The appointments as a section with a heading and a short list, or ``""`` if none.

    ``note`` follows the heading, e.g. ``(auch im Anhang als Kalenderdatei)``; with ``limit``
    only the first appointments are listed, then ``… und N weitere im Kalenderanhang``.
    """
    from protokollkit.termine import termine_lines

    lines = termine_lines(protocol)
    if not lines:
        return ""
    entries = [line.removeprefix("- ") for line in lines[1:]]
    shown, rest = split_termine(entries, limit)
    heading = escape(lines[0]) + (
        f' <span style="font-weight: normal">{escape(note)}</span>' if note else ""
    )
    items = "".join(f"<li{style('li')}>{escape(entry)}</li>\n" for entry in shown)
    more = paragraph(escape(more_termine(rest)), "margin: 0.3em 0") if rest else ""
    return (
        f'<section class="termine" style="{escape(BOX_STYLE)}">\n'
        f'<h2 style="{escape(STYLES["h2"].split(";")[0])}; {TERMINE_HEADING_STYLE}">'
        f"{heading}</h2>\n"
        f"<ul{style('ul')}>\n{items}</ul>\n{more}</section>\n"
    )


def split_termine(entries: list[str], limit: int | None) -> tuple[list[str], int]:
    """The entries to list and how many more there are (none more without a ``limit``)."""
    if limit is None or len(entries) <= limit:
        return entries, 0
    shown = limit - 1  # the line "… und N weitere" takes the last place
    return entries[:shown], len(entries) - shown


def more_termine(count: int) -> str:
    """``… und 3 weitere im Kalenderanhang``."""
    return f"… und {count} weitere im Kalenderanhang"


def document(title: str, body: str) -> str:
    """A complete UTF-8 page (``lang="de"``, light and dark mode) around an HTML fragment."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de" style="color-scheme: light dark">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="supported-color-schemes" content="light dark">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{DARK_MODE}</style>\n"
        "</head>\n"
        '<body style="margin: 0; padding: 0">\n'
        f'<div style="{escape(PAGE_STYLE)}">\n'
        f"{body}"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def write_html(protocol: Protocol) -> str:
    """The protocol as a self-contained HTML page (LF line ends, one final newline)."""
    return document(inline_title(protocol.title), protocol_html(protocol))


def inline_title(title: str) -> str:
    """The page title as plain text (typographic apostrophes, no markup)."""
    return "".join(
        part.text if isinstance(part, Text) else part.label for part in inline_parts(title)
    )


__all__ = [
    "ACCENT",
    "PROTOCOL_STYLE",
    "STYLES",
    "document",
    "protocol_html",
    "termine_html",
    "write_html",
]
