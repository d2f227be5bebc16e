"""Typst source for a protocol: the content as markup that calls the functions of the template.

The layout lives in ``vorlagen/protokoll.typ``; this module only writes the content, every piece
of text escaped by :func:`escape` so that nothing the protocol says becomes Typst markup (a gender
asterisk stays an asterisk, ``18.11.`` stays a date). An apostrophe after a letter is set as
``’`` (:func:`protokollkit.writers.present.apostrophes`); links become ``#link`` calls.
"""

from __future__ import annotations

import re

from protokollkit.dates import german_date
from protokollkit.model import AgendaItem, Block, Link, Person, Point, Protocol
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
    shown_speaker,
    shown_task_details,
    shown_title,
    walk_items,
)

TEMPLATE_NAME = "protokoll.typ"
"""The template's file name in ``vorlagen/``; the generated source imports it from the root."""

ALWAYS_ESCAPED = frozenset("\\*_`#$@<>[]~'\"-/")
"""Characters with a meaning anywhere in Typst markup (strong, emphasis, raw, code, math,
reference, label, content block, no-break space, smart quotes, dashes and minus, comments)."""

LINE_START_MARKERS = frozenset("=+")
"""Characters that start a heading or a numbered list at the beginning of a line."""

ENUM_AT_START = re.compile(r"^(\d+)\.")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


LONG_WORD = re.compile(r"\S{4000}(?=\S)")
"""4,000 characters without a space, followed by more: a zero-width space after them lets
Typst break the line there. A word of 16,384 characters was one PDF string longer than
PDF/A allows (32,767 bytes), and the whole PDF failed."""


def escape_line(text: str) -> str:
    """One line of plain text as Typst markup that renders exactly that text."""
    text = CONTROL.sub("", text).replace("\t", " ").strip()
    text = LONG_WORD.sub(lambda run: run.group(0) + "\u200b", text)
    out: list[str] = []
    enum = ENUM_AT_START.match(text)
    enum_dot = enum.end() - 1 if enum else -1
    for index, ch in enumerate(text):
        if (
            ch in ALWAYS_ESCAPED
            or (index == 0 and ch in LINE_START_MARKERS)
            or index == enum_dot
            # "..." is an ellipsis shorthand: escape every dot of a run of dots
            or (
                ch == "." and (text[index - 1 : index] == "." or text[index + 1 : index + 2] == ".")
            )
        ):
            out.append("\\")
        out.append(ch)
    return "".join(out)


def escape(text: str) -> str:
    """Plain text (possibly several lines) as Typst markup; line breaks stay line breaks."""
    lines = [escape_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    return " \\\n".join(line for line in lines if line)


def content(text: str) -> str:
    """A Typst content block ``[…]`` holding ``text``."""
    return f"[{escape(text)}]"


def string(text: str) -> str:
    """A Typst string literal holding ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = CONTROL.sub("", escaped.replace("\r", "").replace("\n", "\\n").replace("\t", " "))
    return f'"{escaped}"'


MAX_LINK = 8000
"""Typst refuses a longer link target („URL is too long“, and the whole PDF with it): such a
target is written as text."""


def inline(text: str, *, lines: bool = False) -> str:
    """Running text as Typst markup: links become ``#link``, apostrophes typographic.

    With ``lines`` the text's line breaks stay line breaks, else all whitespace is one space.
    """
    if lines:
        kept = [inline(line) for line in text.replace("\r\n", "\n").split("\n")]
        return " \\\n".join(line for line in kept if line)
    pieces: list[str] = []
    for part in linked_parts(" ".join(text.split())):
        if isinstance(part, Link) and len(part.target) <= MAX_LINK:
            pieces.append(f"#link({string(part.target)})[{escape(part.label)}]")
            continue
        if isinstance(part, Link):  # too long for a link: its text, as for an unsafe one
            same = part.label == part.target
            part = Text(part.target if same else f"[{part.label}]({part.target})")
        lead = " " if part.text[:1].isspace() and pieces else ""
        tail = " " if part.text[-1:].isspace() and len(part.text.strip()) else ""
        pieces.append(lead + escape(part.text) + tail if part.text.strip() else " ")
    return "".join(pieces).strip()


def rich(text: str, *, lines: bool = False) -> str:
    """A Typst content block ``[…]`` holding running text with links."""
    return f"[{inline(text, lines=lines)}]"


def person_args(person: Person) -> str:
    """Arguments for the template's person functions: name, affiliation, and the written form."""
    args = rich(person.name)
    if person.affiliation:
        args += f", einrichtung: {rich(person.affiliation)}"
    if person.form == "parens":
        args += ", klammern: true"
    return args


def point_body(point: Point) -> str:
    """The markup of one entry's own text: speaker, text, task mark (without sub-points)."""
    if point.decision is not None:
        label, shown = decision_heading(point)
        args = [content(label.removesuffix(":")) if label else "none", f"[{entry_body(shown)}]"]
        result = decision_result(point.decision)
        if result:
            args.append(f"ergebnis: {content(result)}")
        return f"#beschluss({', '.join(args)})"
    return entry_body(point)


def entry_body(point: Point) -> str:
    """Speaker, text and task mark of an entry."""
    body = ""
    speaker = shown_speaker(point)
    if speaker:
        body += f"#redner({rich(speaker.name)}"
        if speaker.affiliation:
            body += f", einrichtung: {rich(speaker.affiliation)}"
        body += ")"
    text = inline(point.text) or "#[]"
    if point.task is not None:
        details = shown_task_details(point)
        if marks_task(point):
            extra = f", angaben: {content(details)}" if details else ""
            text = f"#aufgabe([{text}]{extra})"
        elif details:
            text = f"{text} ({inline(details)})"  # ``Aufgabe: …`` in the text marks it
    return body + text


def point_calls(points: tuple[Point, ...]) -> list[str]:
    """Entries as Typst calls: runs of bullets, runs of numbered points, prose paragraphs."""
    calls: list[str] = []
    index = 0
    while index < len(points):
        kind = _kind(points[index])
        run = [points[index]]
        while index + len(run) < len(points) and _kind(points[index + len(run)]) == kind:
            run.append(points[index + len(run)])
        index += len(run)
        if kind in ("paragraph", "decision"):
            for point in run:
                own = point_body(point)
                calls.append(own if point.decision else f"#absatz[{own}]")
                calls.extend(point_calls(point.points))
            continue
        items = ", ".join(f"[{item_content(point)}]" for point in run)
        if kind == "numbered":
            markers = ", ".join(
                string(point.marker or f"{number}.") for number, point in enumerate(run, 1)
            )
            calls.append(f"#enum(numbering: n => ({markers},).at(n - 1), {items})")
        else:
            calls.append(f"#list({items})")
    return calls


def _kind(point: Point) -> str:
    """How an entry is laid out: a decision stands apart from the list around it."""
    return "decision" if point.decision is not None else point.kind


def item_content(point: Point) -> str:
    """A list item's content: its own text, then its sub-points."""
    return " ".join([point_body(point), *point_calls(point.points)])


def block_source(block: Block) -> list[str]:
    """A speaker line, a free paragraph and the points of one block."""
    parts: list[str] = []
    if block.speaker:
        parts.append(f"#sprecher({person_args(block.speaker)})")
    if block.note:
        parts.append(f"#notiz{rich(block.note, lines=True)}")
    parts.extend(point_calls(block.points))
    return parts


def item_source(item: AgendaItem, label: str, depth: int) -> list[str]:
    """The heading of an agenda item (or sub-item) and its blocks."""
    call = f"#top({content(label)}, {rich(shown_title(item))}"
    if item.presenter:
        call += f", vortragend: {rich(_person_text(item.presenter))}"
    if depth:
        call += f", ebene: {depth + 1}"
    parts = [call + ")"]
    for block in item.blocks:
        parts.extend(block_source(block))
    return parts


def _person_text(person: Person) -> str:
    """``Name (Einrichtung)`` as one text, for the presenter of an item."""
    return f"{person.name} ({person.affiliation})" if person.affiliation else person.name


def document_title(protocol: Protocol) -> str:
    """The PDF's title (metadata, window title): the protocol's, else made of meeting and date.

    PDF/UA requires one; a protocol read without a title line still gets a meaningful one.
    """
    if protocol.title.strip():
        return _cut(apostrophes(" ".join(protocol.title.split())), MAX_TITLE)
    words = ["Protokoll", protocol.meeting.strip()]
    if protocol.date:
        words.append(f"vom {german_date(protocol.date)}")
    return _cut(" ".join(word for word in words if word), MAX_TITLE)


MAX_TITLE = 1000
"""The longest title in the PDF's metadata: PDF/A allows no string over 32,767 bytes, and a
title of 450,000 characters failed the whole PDF (the page shows the whole title)."""

MAX_HEADER = 200
"""The longest meeting name in the header of every page (the title page shows all of it)."""


def _cut(text: str, limit: int) -> str:
    """``text``, cut at a word with „…“ when it is longer than ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut).rstrip() + "…"


def write_typst(protocol: Protocol) -> str:
    """The protocol as a Typst document that imports the template from the project root."""
    date = protocol.date
    header = [
        f'#import "/{TEMPLATE_NAME}": protokoll, metadaten, teilnehmende, tagesordnung, top, '
        "sprecher, redner, absatz, beschluss, aufgabe, notiz, naechster-termin",
        "",
        "#show: protokoll.with(",
        f"  titel: {content(apostrophes(protocol.title))},",
        f"  titel-text: {string(document_title(protocol))},",
        f"  gremium: {content(_cut(protocol.meeting, MAX_HEADER))},",
        f"  autor: {string(protocol.meeting) if protocol.meeting.strip() else 'none'},",
        f"  datum: {content(german_date(date)) if date else 'none'},",
        f"  datum-iso: {string(date.isoformat()) if date else 'none'},",
        ")",
    ]
    parts: list[str] = ["\n".join(header)]
    rows = meta_rows(protocol)
    if rows:
        pairs = ", ".join(f"({content(label)}, {rich(value)})" for label, value in rows)
        parts.append(f"#metadaten(({pairs},))")
    if protocol.participants:
        names = ", ".join(content(_person_text(p)) for p in protocol.participants)
        label = participants_label(protocol).removesuffix(":")
        extra = "" if label == "Teilnehmende" else f", bezeichnung: {content(label)}"
        parts.append(f"#teilnehmende(({names},){extra})")
    for group in protocol.attendance:
        names = ", ".join(content(_person_text(p)) for p in group.people)
        parts.append(f"#teilnehmende(({names},), bezeichnung: {content(group.label)})")
    if protocol.agenda:
        entries = ", ".join(rich(entry) for entry in protocol.agenda)
        label = content(agenda_label(protocol))
        parts.append(f"#tagesordnung(({entries},), bezeichnung: {label})")
    parts.extend(f"#notiz{rich(text, lines=True)}" for text in protocol.front)
    for block in protocol.preamble:
        parts.extend(block_source(block))
    for item, label, depth in walk_items(protocol.items, prefix=protocol.item_prefix):
        parts.extend(item_source(item, label, depth))
    closing = next_meeting_label(protocol)
    if protocol.next_meeting and closing:
        label = content(closing.removesuffix(":"))
        text = rich(protocol.next_meeting.text)
        parts.append(f"#naechster-termin({text}, bezeichnung: {label})")
    parts.extend(f"#notiz{rich(text, lines=True)}" for text in protocol.back)
    return "\n\n".join(parts) + "\n"
