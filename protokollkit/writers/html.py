"""Writer for HTML: the protocol as a small self-contained page, also the mail's HTML part.

The protocol is written as Markdown (:func:`protokollkit.writers.markdown.write_markdown`) and
rendered with markdown-it-py's ``commonmark`` preset with raw HTML switched off, so every piece
of protocol text reaches the page HTML-escaped: a point ``<script>`` shows as text. Typography
(„ “ – →) stays literal UTF-8 (no typographer), and the Markdown writer's escaping keeps
``Klient*innen`` from becoming emphasis.

Mail programs ignore or strip ``<style>`` blocks, so the few styles (system font, a readable
width, headings in the PDF's dark blue) stand in ``style`` attributes on the elements.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from protokollkit.model import Protocol
from protokollkit.writers.markdown import termine_quote, write_markdown

if TYPE_CHECKING:
    from markdown_it.token import Token

ACCENT = "#1f4e79"
"""The headings' colour: ``akzent`` of ``vorlagen/protokoll.typ`` (the PDF)."""

FONT = "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
"""The system's own sans-serif font (macOS/iOS, Windows, Android, then the usual fallbacks)."""

PAGE_STYLE = (
    f"font-family: {FONT}; font-size: 15px; line-height: 1.45; color: #222222; "
    "max-width: 44em; margin: 0 auto; padding: 12px 16px"
)
"""The wrapper around everything: system font, a readable line length."""

BOX_STYLE = (
    f"margin: 1em 0; padding: 0.4em 1em; border-left: 4px solid {ACCENT}; background: #f2f5f9"
)
"""The ``Termine`` box (the Markdown writer's block quote, the mail's section)."""

PROTOCOL_STYLE = "margin: 1.2em 0 1.6em"
"""Space between the mail's greeting and closing and the protocol between them."""

STYLES: dict[str, str] = {
    "h1": f"color: {ACCENT}; font-size: 1.5em; margin: 0.8em 0 0.4em",
    "h2": f"color: {ACCENT}; font-size: 1.2em; margin: 1.3em 0 0.4em",
    "p": "margin: 0.5em 0",
    "ul": "margin: 0.2em 0 0.6em; padding-left: 1.4em",
    "li": "margin: 0.15em 0",
    "blockquote": BOX_STYLE,
}
"""Inline style by element; every opening tag of these elements gets its ``style``."""


def style(tag: str) -> str:
    """`` style="…"`` for an element of :data:`STYLES`, or nothing."""
    return f' style="{escape(STYLES[tag])}"' if tag in STYLES else ""


def render_markdown(markdown: str) -> str:
    """CommonMark to HTML without raw HTML; the opening tags carry the inline :data:`STYLES`."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    tokens: list[Token] = parser.parse(markdown)
    for token in tokens:
        if token.nesting == 1 and token.tag in STYLES:
            token.attrSet("style", STYLES[token.tag])
    rendered: str = parser.renderer.render(tokens, parser.options, {})
    return rendered


def protocol_html(protocol: Protocol, *, termine: bool = True) -> str:
    """The protocol as an HTML fragment; ``termine=False`` leaves out the ``Termine`` box."""
    markdown = write_markdown(protocol)
    quote = termine_quote(protocol) if not termine else None
    if quote:
        markdown = markdown.replace(f"\n\n{quote}\n\n", "\n\n", 1)
    return render_markdown(markdown)


def termine_html(protocol: Protocol, note: str = "") -> str:
    """The appointments as a box with a short list, or ``""`` when there are none.

    ``note`` follows the bold heading, e.g. ``(auch im Anhang als Kalenderdatei)``.
    """
    from protokollkit.termine import termine_lines

    lines = termine_lines(protocol)
    if not lines:
        return ""
    heading = f"<strong>{escape(lines[0])}</strong>" + (f" {escape(note)}" if note else "")
    items = "".join(
        f"<li{style('li')}>{escape(line.removeprefix('- '))}</li>\n" for line in lines[1:]
    )
    return (
        f'<div style="{escape(BOX_STYLE)}">\n<p{style("p")}>{heading}</p>\n'
        f"<ul{style('ul')}>\n{items}</ul>\n</div>\n"
    )


def document(title: str, body: str) -> str:
    """A complete UTF-8 page (``lang="de"``) around an HTML fragment."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
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
    return document(protocol.title, protocol_html(protocol))


__all__ = [
    "ACCENT",
    "PROTOCOL_STYLE",
    "STYLES",
    "document",
    "protocol_html",
    "render_markdown",
    "termine_html",
    "write_html",
]
