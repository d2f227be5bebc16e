"""Email writers: the plain-text body (format=flowed) and the complete message as ``.eml``.

The body is the text of ``vorlagen/email.txt`` with the protocol inserted, wrapped at 72
columns (trailing spaces included) with a hanging indent for points and encoded as
``format=flowed; delsp=yes`` (RFC 3676): a line that continues a paragraph ends with a space
that a mail program deletes when it re-joins the lines. The space between the two words stays:
at the end of the line (two trailing spaces) or, under a hanging indent, at the start of the
next line after the stuffing space — so a point reads the same wrapped or re-joined, never
with a double space. Lines beginning with ``>`` or ``From `` are space-stuffed. When the
protocol names appointments, a ``Termine`` section with the next few stands at the
``{termine}`` line. The message (:func:`build_message`) is RFC 5322/MIME::

    multipart/mixed
      multipart/alternative
        text/plain; format=flowed   write_email_body
        text/html                   write_email_html (Outlook does not reflow flowed text)
      DOCX, PDF and, when there are appointments, the .ics

with ``X-Unsent: 1``, so that mail programs open it as a draft.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import TYPE_CHECKING, Literal

from protokollkit.diagnostics import ProtokollkitError
from protokollkit.grammar import from_the
from protokollkit.model import Block, Point, Protocol
from protokollkit.people import format_person
from protokollkit.templates import vorlage, vorlagen_dirs
from protokollkit.verteiler import (
    VERTEILER_NAME,
    Recipient,
    Verteiler,
    check_header_text,
    read_verteiler,
)
from protokollkit.writers.present import (
    TASKS_HEADING,
    agenda_label,
    decision_label,
    decision_result,
    marks_task,
    meta_rows,
    next_meeting_label,
    participants_label,
    people,
    plain_with_links,
    shown_speaker,
    shown_task_details,
    shown_title,
    shows_label,
    speaker_text,
    walk_items,
)

if TYPE_CHECKING:
    from protokollkit.writers import Stamp

WIDTH = 72
"""No line of the body is longer, trailing spaces included."""

TEXT_WIDTH = WIDTH - 2
"""Words per wrapped line: room for the flowed marker and, without a hanging indent, the space
between the words (under a hanging indent that space starts the next line: one column more)."""

TERMINE_LIMIT = 5
"""The mail lists this many appointments at most (one phone screen); the last place says how
many more the calendar attachment holds."""

PRESENTER_LABEL = "Vortrag:"
"""Precedes the presenter of an item in the mail text (a line of its own under the heading)."""

EMAIL_TEMPLATE = "email.txt"
"""The body template's file name in ``vorlagen/``."""

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\w*)\}")
INLINE_PLACEHOLDERS = ("gremium", "vom_gremium", "datum", "titel", "absender")
BLOCK_PLACEHOLDERS = ("termine", "protokoll")
SIGNATURE_SEPARATOR = "-- "
TERMINE_NOTE = "(auch im Anhang als Kalenderdatei)"
"""Follows the ``Termine`` heading in the mail: the .ics is attached whenever there are some."""

ATTACHMENTS: tuple[tuple[str, str, str, str], ...] = (
    ("docx", ".docx", "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", ".pdf", "application", "pdf"),
    ("ics", ".ics", "text", "calendar"),
)
"""(writer format, file suffix, MIME main type, MIME subtype) of every attachment, in order.

The ``.ics`` is attached only when the protocol names appointments (:func:`has_appointments`).
"""

UNSAFE_IN_FILE_NAMES = re.compile(r'[:*?"<>|\x00-\x1f\x7f]')


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: text wrapped with a prefix for its first and later lines.

    ``wrap=False`` keeps the text as one line (underlines, the signature separator). An empty
    text is a blank line.
    """

    text: str
    first: str = ""
    rest: str = ""
    wrap: bool = True


BLANK = Paragraph("", wrap=False)


# --- the protocol as paragraphs -------------------------------------------------------------


def wrap(text: str, first: str = "", rest: str = "", width: int = TEXT_WIDTH) -> list[str]:
    """``text`` wrapped at ``width``, broken only at spaces (never inside a word)."""
    wrapper = textwrap.TextWrapper(
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapper.wrap(text) or [first.rstrip()]


def heading(text: str, underline: str) -> list[Paragraph]:
    """A heading underlined with ``=`` or ``-`` as long as its longest line, then a blank line."""
    width = max(len(line) for line in wrap(text))
    return [Paragraph(text), Paragraph(underline * min(width, WIDTH), wrap=False), BLANK]


def point_text(point: Point) -> str:
    """An entry as plain text: speaker, task mark, links as ``label <target>``, decision."""
    text = plain_with_links(" ".join(point.text.split()))
    speaker = shown_speaker(point)
    if speaker:
        text = f"{speaker_text(speaker)}: {text}"
    if point.task is not None:
        details = shown_task_details(point)
        mark = "Aufgabe: " if marks_task(point) else ""
        text = f"{mark}{text}" + (f" ({details})" if details else "")
    if point.decision is not None:
        label = decision_label(point.decision)
        if not shows_label(point, label):
            text = f"{label}: {text}"
        result = decision_result(point.decision)
        if result and not _says(text, result):
            text += f" → {result}"
    return text


def _says(text: str, result: str) -> bool:
    """Whether the entry already says its result (``…; einstimmig`` for ``einstimmig
    angenommen``, ``… mit Ja 6 · Nein 1 – angenommen``): the mail does not repeat it."""
    low = text.lower()
    words = [w for w in result.lower().split() if w not in ("·", "–")]
    if words[:1] == ["einstimmig"] and words[1:] == ["angenommen"]:
        words = words[:1]  # (unanimous is accepted)
    return all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in words)


def point_paragraphs(points: tuple[Point, ...], depth: int = 0) -> list[Paragraph]:
    """``- text`` with a hanging indent; nested points two columns further in.

    Numbered points keep their marker (``1.``, ``a)``); a prose paragraph is a paragraph of
    its own; a decision is marked ``» Beschluss: … → Ja 6 · Nein 1 · Enthaltung 0 – angenommen``.
    """
    result: list[Paragraph] = []
    for point in points:
        indent = "  " * depth
        text = point_text(point)
        if point.decision is not None:
            result.append(Paragraph(text, f"{indent}» ", f"{indent}  "))
        elif point.kind == "paragraph":
            result += [BLANK, Paragraph(text, indent, indent), BLANK]
        elif point.kind == "numbered":
            marker = f"{point.marker or '-'} "
            result.append(Paragraph(text, f"{indent}{marker}", f"{indent}  "))
        else:
            result.append(Paragraph(text, f"{indent}- ", f"{indent}  "))
        result.extend(point_paragraphs(point.points, depth + 1))
    return result


def text_paragraphs(text: str) -> list[Paragraph]:
    """A free paragraph that may hold line breaks: one body paragraph per line."""
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


def protocol_paragraphs(protocol: Protocol) -> list[Paragraph]:
    """The protocol as readable plain text: underlined headings, speaker lines and points.

    Under the title: the metadata (``Ort: …``), participants and attendance groups, the
    planned agenda; sub-items are headed ``5.2 Titel``; at the end the tasks (``Aufgaben``).
    """
    result = heading(protocol.title, "=")
    rows = meta_rows(protocol)
    result += [Paragraph(f"{label}: {plain_with_links(value)}") for label, value in rows]
    result += [BLANK] if rows else []
    if protocol.participants:
        names = people(protocol.participants)
        result += [Paragraph(f"{participants_label(protocol)} {names}"), BLANK]
    for group in protocol.attendance:
        result += [Paragraph(f"{group.label}: {people(group.people)}"), BLANK]
    if protocol.agenda:
        result.append(Paragraph(f"{agenda_label(protocol)}:"))
        result += [
            Paragraph(plain_with_links(entry), f"{number}. ", " " * len(f"{number}. "))
            for number, entry in enumerate(protocol.agenda, start=1)
        ]
        result.append(BLANK)
    for text in protocol.front:
        result += [*text_paragraphs(text), BLANK]
    for block in protocol.preamble:
        result += block_paragraphs(block)
    for item, label, _depth in walk_items(protocol.items, prefix=protocol.item_prefix):
        result += heading(f"{label} {shown_title(item)}", "-")
        if item.presenter:
            presenter = format_person(item.presenter, "parens")
            result += [Paragraph(f"{PRESENTER_LABEL} {presenter}"), BLANK]
        for block in item.blocks:
            result += block_paragraphs(block)
    closing = next_meeting_label(protocol)
    if protocol.next_meeting is not None and closing:
        line = f"{closing} {plain_with_links(protocol.next_meeting.text)}".rstrip()
        result += [Paragraph(line), BLANK]
    for text in protocol.back:
        result += [*text_paragraphs(text), BLANK]
    result += task_paragraphs(protocol)
    return result


def block_paragraphs(block: Block) -> list[Paragraph]:
    """A speaker line, a free paragraph and the points of one block, then a blank line."""
    result: list[Paragraph] = []
    if block.speaker:
        result.append(Paragraph(format_person(block.speaker)))
    if block.note:
        result += text_paragraphs(block.note)
    return [*result, *point_paragraphs(block.points), BLANK]


def task_paragraphs(protocol: Protocol) -> list[Paragraph]:
    """``Aufgaben`` at the end: one line per task with who and by when."""
    tasks = protocol.tasks()
    if not tasks:
        return []
    result = heading(TASKS_HEADING, "-")
    for point in tasks:
        assert point.task is not None
        details = shown_task_details(point)
        text = plain_with_links(" ".join(point.text.split()))
        result.append(Paragraph(text + (f" ({details})" if details else ""), "- ", "  "))
    return [*result, BLANK]


def termine_paragraphs(protocol: Protocol) -> list[Paragraph]:
    """The appointments section at the top of the body (``{termine}`` in the template).

    Empty when the protocol names no appointment; then the ``{termine}`` line disappears.
    """
    from protokollkit.termine import termine_lines
    from protokollkit.writers.html import more_termine, split_termine

    lines = termine_lines(protocol)
    if not lines:
        return []
    result = heading(f"{lines[0]} {TERMINE_NOTE}", "-")
    shown, rest = split_termine([line.removeprefix("- ") for line in lines[1:]], TERMINE_LIMIT)
    result += [Paragraph(line, "- ", "  ") for line in shown]
    if rest:
        result.append(Paragraph(more_termine(rest), "  ", "  "))
    return [*result, BLANK]


# --- the template -----------------------------------------------------------------------------


def template_values(protocol: Protocol, verteiler: Verteiler | None) -> dict[str, str]:
    """The values of the inline placeholders of ``email.txt``."""
    sender = verteiler.sender if verteiler else None
    return {
        "gremium": protocol.meeting,
        "vom_gremium": from_the(protocol.meeting),
        "datum": protocol.date.strftime("%d.%m.%Y") if protocol.date else "(ohne Datum)",
        "titel": protocol.title,
        "absender": sender.name if sender else "",
    }


def fill(line: str, values: Mapping[str, str], where: str) -> str:
    """Replace ``{name}`` placeholders in one template line; ``{{``/``}}`` are braces."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name not in values:
            known = ", ".join(f"{{{n}}}" for n in (*INLINE_PLACEHOLDERS, *BLOCK_PLACEHOLDERS))
            raise ProtokollkitError(
                f"{where}: unbekannter Platzhalter {token} in der Mail-Vorlage (bekannt: {known}; "
                f"{{termine}} und {{protokoll}} allein auf einer Zeile)."
            )
        return values[name]

    return PLACEHOLDER.sub(replace, line)


@dataclass(frozen=True)
class TemplateLine:
    """One line of ``email.txt`` after filling its inline placeholders.

    ``kind`` is a block placeholder (``text`` is its name), the signature separator, a blank
    line (also a line whose placeholders filled to nothing) or text with its indentation.
    """

    kind: Literal["block", "signature", "blank", "text"]
    text: str = ""


def template_lines(
    protocol: Protocol, verteiler: Verteiler | None, template_text: str, source: str
) -> Iterator[TemplateLine]:
    """The template's lines without comments, inline placeholders filled (``source`` for errors)."""
    values = template_values(protocol, verteiler)
    for number, raw in enumerate(template_text.splitlines(), start=1):
        if raw.startswith("#"):
            continue
        line = raw.rstrip()
        name = line.strip()[1:-1] if line.strip().startswith("{") else ""
        if name in BLOCK_PLACEHOLDERS and line.strip() == f"{{{name}}}":
            yield TemplateLine("block", name)
        elif line == SIGNATURE_SEPARATOR.rstrip() or raw.rstrip("\r\n") == SIGNATURE_SEPARATOR:
            yield TemplateLine("signature", SIGNATURE_SEPARATOR)
        elif not line.strip():
            yield TemplateLine("blank")
        else:
            text = fill(line, values, f"{source}:{number}").rstrip()
            yield TemplateLine("text", text) if text.strip() else TemplateLine("blank")


def body_paragraphs(
    protocol: Protocol, verteiler: Verteiler | None, template_text: str, source: str
) -> list[Paragraph]:
    """The template's paragraphs with the placeholders filled and the blocks inserted."""
    blocks = {"termine": termine_paragraphs, "protokoll": protocol_paragraphs}
    result: list[Paragraph] = []
    for line in template_lines(protocol, verteiler, template_text, source):
        if line.kind == "block":
            result += blocks[line.text](protocol)
        elif line.kind == "signature":
            result.append(Paragraph(SIGNATURE_SEPARATOR, wrap=False))
        elif line.kind == "blank":
            result.append(BLANK)
        else:
            indent = line.text[: len(line.text) - len(line.text.lstrip())]
            result.append(Paragraph(line.text.strip(), indent, indent))
    return result


def html_body(
    protocol: Protocol, verteiler: Verteiler | None, template_text: str, source: str
) -> str:
    """The template as an HTML fragment; the blocks are the ``Termine`` box and the protocol.

    Consecutive text lines form one paragraph, joined by ``<br>``; every text is HTML-escaped.
    """
    from protokollkit.writers.html import (
        PROTOCOL_STYLE,
        protocol_html,
        style,
        tasks_html,
        termine_html,
    )

    blocks = {
        "termine": lambda p: termine_html(p, TERMINE_NOTE, TERMINE_LIMIT),
        "protokoll": lambda p: (
            f'<div style="{PROTOCOL_STYLE}">\n{protocol_html(p, termine=False)}'
            f"{tasks_html(p)}</div>\n"
        ),
    }
    parts: list[str] = []
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            parts.append(f"<p{style('p')}>" + "<br>\n".join(paragraph) + "</p>\n")
            paragraph.clear()

    for line in template_lines(protocol, verteiler, template_text, source):
        if line.kind == "block":
            close_paragraph()
            parts.append(blocks[line.text](protocol))
        elif line.kind == "blank":
            close_paragraph()
        else:
            paragraph.append(html.escape(line.text.strip()))
    close_paragraph()
    return "".join(parts)


# --- format=flowed ----------------------------------------------------------------------------


def stuff(line: str) -> str:
    """Space-stuffing (RFC 3676, 4.4) of a line as it is to appear on the wire.

    A line beginning with ``>`` or ``From `` gets one space in front. A line that already
    begins with a space (an indented point) is left as it is: its first space serves as the
    stuffing, so a program that ignores format=flowed (Outlook) shows the indentation exactly
    as laid out, and a flowed reader shows it one column less.
    """
    return " " + line if line.startswith((">", "From ")) else line


def soft_lines(paragraph: Paragraph) -> list[str]:
    """The physical lines of a wrapped paragraph as they go on the wire (delsp=yes).

    Every line but the last ends with the flowed marker (one space, deleted on re-joining).
    Under a hanging indent the next line starts with the stuffing space and then the space
    between the words (``  Nordwesten``), else the line before keeps that space
    (``für den··``). Re-joined, the words are separated by exactly one space.
    """
    single = (paragraph.first + " ".join(paragraph.text.split())).rstrip()
    if len(single) <= WIDTH:
        return [single]  # a line without a soft break needs no room for the marker
    hanging = bool(paragraph.rest)
    words = wrap(
        paragraph.text, paragraph.first, "  " if hanging else "", WIDTH - 1 - (not hanging)
    )
    if len(words) == 1:
        return [words[0].rstrip()]
    first, *rest = words
    continued = [line.strip() for line in rest]
    if paragraph.rest:
        return [first.rstrip() + " ", *("  " + line + " " for line in continued[:-1]),
                "  " + continued[-1]]  # fmt: skip
    return [first.rstrip() + "  ", *(line + "  " for line in continued[:-1]), continued[-1]]


def flowed(paragraphs: list[Paragraph]) -> str:
    """Encode paragraphs as format=flowed (delsp=yes) text, LF line ends, blank lines collapsed."""
    lines: list[str] = []
    previous_blank = True
    for paragraph in paragraphs:
        blank = not paragraph.text.strip() and paragraph.wrap is False
        if blank and previous_blank:
            continue
        previous_blank = blank
        if paragraph.text == SIGNATURE_SEPARATOR:
            lines.append(SIGNATURE_SEPARATOR)
            continue
        if paragraph.wrap:
            physical = soft_lines(paragraph)
        else:
            physical = [(paragraph.first + paragraph.text).rstrip()]
        lines.extend(stuff(line) for line in physical)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# --- public API -------------------------------------------------------------------------------


def default_verteiler() -> Verteiler | None:
    """``verteiler.txt`` from the templates, or None when there is none."""
    if not any((folder / VERTEILER_NAME).is_file() for folder in vorlagen_dirs()):
        return None
    return read_verteiler()


def read_template() -> tuple[str, str]:
    """The text of ``email.txt`` and its path (for messages)."""
    from protokollkit.files import decode_unicode, read_bytes

    template = vorlage(EMAIL_TEMPLATE)
    data = read_bytes(template, limit=TEMPLATE_LIMIT)
    text = decode_unicode(data, str(template), "Die Mail-Vorlage")
    if not text.strip():
        raise ProtokollkitError(
            f"{template}: die Mail-Vorlage ist leer; die Mail hätte keinen Text "
            "(mindestens {protokoll} eintragen)."
        )
    if not any(line.strip() == "{protokoll}" for line in text.splitlines() if line[:1] != "#"):
        raise ProtokollkitError(
            f"{template}: in der Mail-Vorlage fehlt {{protokoll}} (allein auf einer Zeile); "
            "die Mail ginge ohne den Text des Protokolls hinaus."
        )
    return text, str(template)


TEMPLATE_LIMIT = 1024 * 1024
"""The mail template's size limit: a page of text with placeholders, never megabytes."""


def write_email_body(protocol: Protocol, verteiler: Verteiler | None = None) -> str:
    """The mail text: ``email.txt`` around the protocol, 72 columns, format=flowed (RFC 3676)."""
    template_text, source = read_template()
    if verteiler is None:
        verteiler = default_verteiler()
    return flowed(body_paragraphs(protocol, verteiler, template_text, source))


def write_email_html(protocol: Protocol, verteiler: Verteiler | None = None) -> str:
    """The mail's HTML part: ``email.txt`` as paragraphs, the ``Termine`` box, the protocol.

    Greeting and closing come from the same template with the same placeholders as
    :func:`write_email_body`; every text is HTML-escaped (see :mod:`protokollkit.writers.html`).
    """
    from protokollkit.writers.html import document

    template_text, source = read_template()
    if verteiler is None:
        verteiler = default_verteiler()
    return document(subject(protocol), html_body(protocol, verteiler, template_text, source))


def subject(protocol: Protocol) -> str:
    """``Protokoll Stadtteiltisch vom 10.11.2022``."""
    if protocol.date is None:
        return f"Protokoll {protocol.meeting}"
    return f"Protokoll {protocol.meeting} vom {protocol.date.strftime('%d.%m.%Y')}"


ATTACHMENT_NAME_MAX = 100
"""The longest attachment name in characters (at most twice as many bytes in UTF-8): a mail
program saves it under this name, and a longer one fails on the usual file systems (255
bytes) or in a deep folder on Windows (260 characters for the whole path)."""


def attachment_name(protocol: Protocol, suffix: str) -> str:
    """``Protokoll Stadtteiltisch 2022-11-10.docx``: safe on every file system; a very long
    meeting name is cut at a word with „…“, the date and the suffix are kept."""

    def clean(text: str) -> str:
        text = UNSAFE_IN_FILE_NAMES.sub("", text.replace("/", "-").replace("\\", "-"))
        return " ".join(text.split())

    meeting = clean(f"Protokoll {protocol.meeting}").strip(". ")
    date = f" {protocol.date.isoformat()}" if protocol.date else ""

    def fits(name: str) -> bool:
        return len(name) <= ATTACHMENT_NAME_MAX and len(name.encode()) <= 2 * ATTACHMENT_NAME_MAX

    if not fits(meeting + date + suffix):
        cut = meeting
        while cut and not fits(cut + "…" + date + suffix):
            shorter = cut.rsplit(" ", 1)[0]
            cut = shorter if shorter != cut and len(shorter) > 20 else cut[:-1]
        meeting = cut.rstrip(" .-") + "…"
    stem = (meeting + date).strip(". ")
    return f"{stem or 'Protokoll'}{suffix}"


def literal(text: str) -> str:
    """``text`` for a mail header, as it is: an RFC 2047 encoded word in it (``=?utf-8?q?…?=``)
    would be decoded by the email package – into anything, a line break and a ``Bcc:`` header
    too. An invisible word joiner between ``=`` and ``?`` keeps it plain text."""
    return text.replace("=?", "=\u2060?")


def address(person: Recipient, what: str) -> Address:
    """A header address for ``person``; control characters are refused (no header injection)."""
    check_header_text(person.name, f"{what}: der Name")
    check_header_text(person.address, f"{what}: die Adresse")
    try:
        return Address(display_name=literal(person.name), addr_spec=person.address)
    except (ValueError, IndexError) as exc:
        raise ProtokollkitError(f"{what}: ungültige Adresse „{person.address}“ ({exc}).") from None


def message_id_domain(verteiler: Verteiler) -> str:
    """The domain for the Message-ID: the sender's, as ASCII; ``localhost`` without a sender."""
    if verteiler.sender is None:
        return "localhost"
    domain = verteiler.sender.address.rpartition("@")[2]
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return "localhost"


def message_id(stamp: Stamp, message: EmailMessage, body: str, verteiler: Verteiler) -> str:
    """A Message-ID made from the message itself: its moment, subject, addresses and text, at
    the sender's domain. Two different messages (or one written at two moments) get two
    IDs; writing the same message again gives the same."""
    basis = "\0".join(
        [
            stamp.moment.isoformat(),
            str(message["Subject"]),
            str(message["From"]),
            str(message["To"]),
            str(message["Bcc"]),
            body,
        ]
    )
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
    return f"<{stamp.moment.strftime('%Y%m%d%H%M%S')}.{digest}@{message_id_domain(verteiler)}>"


def has_appointments(protocol: Protocol) -> bool:
    """Whether the protocol names appointments still to come (then the .ics is attached)."""
    from protokollkit.termine import upcoming

    return bool(upcoming(protocol))


def build_message(
    protocol: Protocol,
    verteiler: Verteiler | None = None,
    *,
    attachments: bool = True,
    rendered: Mapping[str, str | bytes] | None = None,
    bcc: bool = True,
    stamp: Stamp,
) -> EmailMessage:
    """The protocol as a complete mail draft: text and HTML body, DOCX, PDF and .ics attached.

    ``verteiler`` defaults to ``vorlagen/verteiler.txt``. The recipients go in ``Bcc`` (nobody
    sees the others' addresses; ``To`` is the sender, as ``protokollkit send`` does it), or in
    ``To`` with ``bcc=False``. ``rendered`` may hold the bytes of attachments already written
    (by format name), so a build writes each format only once and attaches exactly those bytes;
    ``email`` and ``email-html`` there are the text and HTML parts (made with the same
    Verteiler). ``stamp`` gives ``Date`` and ``Message-ID`` (see :func:`message_id`): the same
    protocol, Verteiler and stamp give the same message.
    The .ics is attached only when the protocol names appointments; text attachments (the .ics)
    are declared as UTF-8 and sent in base64, so their bytes arrive unchanged. The body is
    ``multipart/alternative``: the flowed text first, the HTML (quoted-printable) second.
    """
    from protokollkit.writers import render

    if verteiler is None:
        verteiler = default_verteiler() or Verteiler(None, (), "<leer>")
    message = EmailMessage(policy=SMTP)
    message["Subject"] = literal(check_header_text(subject(protocol), "Der Betreff"))
    if verteiler.sender is not None:
        message["From"] = address(verteiler.sender, "Absender")
        if bcc:
            message["To"] = address(verteiler.sender, "Absender")
    if verteiler.recipients:
        recipients = [address(r, "Empfänger") for r in verteiler.recipients]
        message["Bcc" if bcc else "To"] = recipients
    body = (rendered or {}).get("email")
    if not isinstance(body, str):
        body = write_email_body(protocol, verteiler)
    message["Date"] = format_datetime(stamp.moment)
    message["Message-ID"] = stamp.message_id or message_id(stamp, message, body, verteiler)
    message["X-Unsent"] = "1"
    message.set_content(
        body,
        subtype="plain",
        charset="utf-8",
        cte="quoted-printable",
        params={"format": "flowed", "delsp": "yes"},
    )
    html_part = (rendered or {}).get("email-html")
    if not isinstance(html_part, str):
        html_part = write_email_html(protocol, verteiler)
    message.add_alternative(
        html_part,
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    if attachments:
        for fmt, suffix, maintype, subtype_ in ATTACHMENTS:
            data = (rendered or {}).get(fmt)
            if fmt == "ics" and data is None and not has_appointments(protocol):
                continue
            if data is None:
                data = render(protocol, fmt, stamp).data
            payload = data.encode("utf-8") if isinstance(data, str) else data
            if fmt == "ics" and b"BEGIN:VEVENT" not in payload:
                continue  # a calendar without appointments is not attached
            message.add_attachment(
                payload,
                maintype,
                subtype_,
                filename=attachment_name(protocol, suffix),
                params={"charset": "utf-8"} if maintype == "text" else None,
            )
    # Last: making a multipart moves every Content-* header into the first part.
    message["Content-Language"] = "de"
    fixed_boundaries(message, str(message["Message-ID"]))
    return message


def fixed_boundaries(message: EmailMessage, seed: str) -> None:
    """Boundaries of every multipart made from ``seed`` (the Message-ID) instead of the
    random ones of :mod:`email`, so the same message gives the same bytes. ``=_`` can occur
    neither in quoted-printable nor in base64 text, so no part can contain a boundary."""
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:24]
    for number, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_{digest}_{number}")


def write_eml(
    protocol: Protocol,
    verteiler: Verteiler | None = None,
    *,
    rendered: Mapping[str, str | bytes] | None = None,
    stamp: Stamp,
) -> bytes:
    """The mail draft as an ``.eml`` file (CRLF line ends, ``X-Unsent: 1``, recipients in Bcc);
    ``stamp`` gives its ``Date`` and ``Message-ID``."""
    return build_message(protocol, verteiler, rendered=rendered, stamp=stamp).as_bytes()
