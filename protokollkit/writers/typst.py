"""Typst source for a protocol: the content as markup that calls the functions of the template.

The layout lives in ``vorlagen/protokoll.typ``; this module only writes the content, every piece
of text escaped by :func:`escape` so that nothing the protocol says becomes Typst markup (a gender
asterisk stays an asterisk, ``18.11.`` stays a date, ``'`` stays a straight apostrophe).
"""

from __future__ import annotations

import re

from protokollkit.model import AgendaItem, Block, Person, Point, Protocol

TEMPLATE_NAME = "protokoll.typ"
"""The template's file name in ``vorlagen/``; the generated source imports it from the root."""

ALWAYS_ESCAPED = frozenset("\\*_`#$@<>[]~'\"-/")
"""Characters with a meaning anywhere in Typst markup (strong, emphasis, raw, code, math,
reference, label, content block, no-break space, smart quotes, dashes and minus, comments)."""

LINE_START_MARKERS = frozenset("=+")
"""Characters that start a heading or a numbered list at the beginning of a line."""

ENUM_AT_START = re.compile(r"^(\d+)\.")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def escape_line(text: str) -> str:
    """One line of plain text as Typst markup that renders exactly that text."""
    text = CONTROL.sub("", text).replace("\t", " ").strip()
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


def person_args(person: Person) -> str:
    """Arguments for the template's person functions: name, affiliation, and the written form."""
    args = content(person.name)
    if person.affiliation:
        args += f", einrichtung: {content(person.affiliation)}"
    if person.form == "parens":
        args += ", klammern: true"
    return args


def point_lines(points: tuple[Point, ...], depth: int = 0) -> list[str]:
    """Nested Typst list items, two spaces of indentation per level."""
    lines: list[str] = []
    for point in points:
        text = escape(" ".join(point.text.split()))
        lines.append(f"{'  ' * depth}- {text or '#[]'}")
        lines.extend(point_lines(point.points, depth + 1))
    return lines


def block_source(block: Block) -> list[str]:
    """A speaker line, a free paragraph and the points of one block."""
    parts: list[str] = []
    if block.speaker:
        parts.append(f"#sprecher({person_args(block.speaker)})")
    if block.note:
        parts.append(f"#notiz{content(block.note)}")
    if block.points:
        parts.append("\n".join(point_lines(block.points)))
    return parts


def item_source(item: AgendaItem) -> list[str]:
    """The heading of an agenda item and its blocks."""
    call = f"#top({item.number}, {content(item.title)}"
    if item.presenter:
        call += f", vortragend: {content(_person_text(item.presenter))}"
    parts = [call + ")"]
    for block in item.blocks:
        parts.extend(block_source(block))
    return parts


def _person_text(person: Person) -> str:
    """``Name (Einrichtung)`` as one text, for the presenter of an item."""
    return f"{person.name} ({person.affiliation})" if person.affiliation else person.name


def write_typst(protocol: Protocol) -> str:
    """The protocol as a Typst document that imports the template from the project root."""
    date = protocol.date
    header = [
        f'#import "/{TEMPLATE_NAME}": protokoll, teilnehmende, top, sprecher, notiz, '
        "naechster-termin",
        "",
        "#show: protokoll.with(",
        f"  titel: {content(protocol.title)},",
        f"  titel-text: {string(protocol.title)},",
        f"  gremium: {content(protocol.meeting)},",
        f"  datum: {content(date.strftime('%d.%m.%Y')) if date else 'none'},",
        f"  datum-iso: {string(date.isoformat()) if date else 'none'},",
        ")",
    ]
    parts: list[str] = ["\n".join(header)]
    if protocol.participants:
        names = ", ".join(content(_person_text(p)) for p in protocol.participants)
        parts.append(f"#teilnehmende(({names},))")
    parts.extend(f"#notiz{content(text)}" for text in protocol.front)
    for item in protocol.items:
        parts.extend(item_source(item))
    if protocol.next_meeting:
        parts.append(f"#naechster-termin{content(protocol.next_meeting.text)}")
    parts.extend(f"#notiz{content(text)}" for text in protocol.back)
    return "\n\n".join(parts) + "\n"
