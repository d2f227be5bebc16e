"""The HTML writer and the mail's HTML alternative, parsed back with Python's own parsers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.parser
import email.policy
import html
import json
import subprocess
from collections import Counter
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from shutil import which
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import protokollkit
from protokollkit.cli import main
from protokollkit.model import AgendaItem, Block, Person, Point, Protocol
from protokollkit.termine import termine_lines
from protokollkit.verteiler import Recipient, Verteiler
from protokollkit.writers import Stamp
from protokollkit.writers.email import (
    TERMINE_LIMIT,
    build_message,
    write_email_body,
    write_email_html,
    write_eml,
)
from protokollkit.writers.html import ACCENT, write_html
from protokollkit.writers.present import apostrophes, shown_title, walk_items
from tests.conftest import SEED, assert_golden
from tests.strategies import protocols
from tests.writers.conftest import rich_protocol, typographic
from tests.writers.test_pdf import visible

BLOCK_TAGS = ("h1", "h2", "h3", "p", "li", "title", "th", "td")

HOSTILE = (
    "<script>alert('x')</script>",
    "<b>fett</b> & <i>kursiv</i>",
    "[klick](javascript:alert(1)) <https://example.org/> *betont* `code` &amp; &#60;",
    '"><img src=x onerror=alert(1)>',
)
"""Texts that would turn into markup, links or scripts if they were not escaped."""

STAMP = Stamp(dt.datetime(2022, 11, 11, 9, 0, tzinfo=dt.UTC))
"""The moment the tests' mails are written."""


class Page(HTMLParser):
    """The text of every block element (``h1``, ``h2``, ``p``, ``li``) in document order.

    A nested list ends its parent ``<li>``'s own text, so each point is exactly one entry.
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, dict[str, str | None]]] = []
        self._open: list[int] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes.append((tag, dict(attrs)))
        if tag == "ul" and self._open:
            self._open[-1] = -1  # the parent's own text is complete
        if tag in BLOCK_TAGS:
            self._open.append(len(self.blocks))
            self.blocks.append((tag, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br> and <meta>: no block, no text

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] >= 0:
            tag, text = self.blocks[self._open[-1]]
            self.blocks[self._open[-1]] = (tag, text + data)

    def texts(self, tag: str) -> list[str]:
        """The whitespace-normalised texts of every ``tag`` element."""
        return [squash(text) for t, text in self.blocks if t == tag]

    def all_text(self) -> str:
        """Everything a reader sees, whitespace-normalised."""
        return squash(" ".join(text for tag, text in self.blocks if tag != "title"))


def squash(text: str) -> str:
    return " ".join(text.split())


def parse(data: bytes) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def html_part(message: EmailMessage) -> EmailMessage:
    part = message.get_body(preferencelist=("html",))
    assert isinstance(part, EmailMessage)
    assert part.get_content_type() == "text/html"
    return part


def with_points(protocol: Protocol, *texts: str, speaker: Person | None = None) -> Protocol:
    """``protocol`` with one more agenda item holding ``texts`` as points."""
    block = Block(speaker, tuple(Point(text) for text in texts))
    item = AgendaItem(len(protocol.items) + 1, "Verschiedenes", None, (block,))
    return dataclasses.replace(protocol, items=(*protocol.items, item))


@pytest.fixture(scope="module")
def eml(reference: Protocol) -> bytes:
    rendered: dict[str, str | bytes] = {
        "docx": protokollkit.write(reference, "docx"),
        "pdf": b"%PDF-1.7 stand-in",
        "ics": protokollkit.write(reference, "ics"),
    }
    return write_eml(reference, rendered=rendered, stamp=STAMP)


@pytest.fixture(scope="module")
def mail_page(eml: bytes) -> Page:
    return Page(html_part(parse(eml)).get_content())


# --- the .eml -----------------------------------------------------------------------------------


def test_eml_is_mixed_with_text_then_html_alternative_then_attachments(eml: bytes) -> None:
    message = parse(eml)
    assert message.get_content_type() == "multipart/mixed"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == [
        "multipart/alternative",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
        "text/calendar",
    ]
    plain, html = parts[0].iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert plain.get_param("format") == "flowed"
    assert html.get_content_type() == "text/html"
    assert html.get_content_charset() == "utf-8"
    assert html["Content-Transfer-Encoding"] == "quoted-printable"
    assert html.get_content_disposition() is None  # shown, not attached
    assert [part.get_filename() for part in message.iter_attachments()] == [
        "Protokoll Stadtteiltisch 2022-11-10.docx",
        "Protokoll Stadtteiltisch 2022-11-10.pdf",
        "Protokoll Stadtteiltisch 2022-11-10.ics",
    ]


def test_eml_html_part_is_the_email_html_and_text_part_is_unchanged(
    eml: bytes, reference: Protocol
) -> None:
    message = parse(eml)
    assert html_part(message).get_content().replace("\r\n", "\n") == write_email_html(reference)
    plain = message.get_body(preferencelist=("plain",))
    assert isinstance(plain, EmailMessage)
    assert plain.get_content().replace("\r\n", "\n") == write_email_body(reference)


def test_every_body_line_of_the_eml_is_at_most_78_characters(eml: bytes) -> None:
    lines = eml.split(b"\r\n")
    long = [line for line in lines if len(line) > 78]
    # one header line cannot be folded: the DOCX media type is a single 73-character token
    assert long == [
        b"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ]
    html = html_part(parse(eml))
    assert len(str(html).splitlines()) > 100  # the HTML part is many short lines, not one
    assert eml.isascii()
    assert b"\n" not in eml.replace(b"\r\n", b"")  # CRLF only


def test_email_html_matches_golden_file(reference: Protocol) -> None:
    assert_golden("2022-11-10-stadtteiltisch.email.html", write_email_html(reference))


def test_email_html_is_a_german_utf8_page(reference: Protocol) -> None:
    page = write_email_html(reference)
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="de" style="color-scheme: light dark">\n<head>\n'
        '<meta charset="utf-8">\n'
    )
    assert "<title>Protokoll Stadtteiltisch vom 10.11.2022</title>" in page
    assert page.endswith("</html>\n")
    assert "<script" not in page


def test_email_html_declares_light_and_dark_mode(reference: Protocol) -> None:
    source = write_email_html(reference)
    page = Page(source)
    metas = {
        attrs.get("name"): attrs.get("content") for tag, attrs in page.attributes if tag == "meta"
    }
    assert metas["color-scheme"] == metas["supported-color-schemes"] == "light dark"
    # Everything is styled inline (mail programs strip <style>); the one style block only
    # lightens the blue in dark mode, and no text colour is fixed that dark mode cannot read.
    style_block = source.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "prefers-color-scheme: dark" in style_block
    assert "color: #222" not in source and "background: #f" not in source
    boxes = [attrs["style"] or "" for tag, attrs in page.attributes if tag == "section"]
    assert boxes and all("rgba(" in box for box in boxes)


def test_email_html_has_greeting_and_closing_from_the_template(mail_page: Page) -> None:
    paragraphs = mail_page.texts("p")
    assert paragraphs[:2] == [
        "Hallo zusammen,",
        "anbei das Protokoll vom Stadtteiltisch am 10.11.2022. Ihr findet es unten im Text und im "
        "Anhang als Word-Datei und als PDF.",
    ]
    assert paragraphs[-2:] == [
        "Ergänzungen und Korrekturen bitte einfach per Antwort auf diese Mail.",
        "Viele Grüße Stadtteilmanagement Groß Klein",
    ]
    assert mail_page.tags["br"] == 1  # „Viele Grüße“ and the sender: two lines, one paragraph
    assert "{" not in mail_page.all_text()


def test_email_html_shows_every_point_of_the_reference_as_a_list_item(
    mail_page: Page, reference: Protocol
) -> None:
    items = mail_page.texts("li")
    points = [squash(apostrophes(p.text)) for p in reference.all_points()]
    assert len(points) == 34
    assert [text for text in items if text in points] == points  # all, in order
    appointments = [line.removeprefix("- ") for line in termine_lines(reference)[1:]]
    assert items == appointments + points


def test_email_html_has_the_title_and_the_four_items_as_headings(
    mail_page: Page, reference: Protocol
) -> None:
    assert mail_page.texts("h1") == ["Protokoll Stadtteiltisch 10.11.22"]
    assert mail_page.texts("h2") == [
        "Termine (auch im Anhang als Kalenderdatei)",
        "1 Aktuelles aus den Einrichtungen",
        "2 Sozialraumorientierung in Rostock weiterdenken",
        "3 Europäisches Jugendtreffen Taizé",
        "4 RoDeFa – wie geht’s weiter?",
    ]
    headings = [attrs for tag, attrs in mail_page.attributes if tag in ("h1", "h2")]
    assert all(f"color: {ACCENT}" in (attrs["style"] or "") for attrs in headings)


def test_presenter_is_a_paragraph_of_its_own_not_part_of_the_heading(mail_page: Page) -> None:
    blocks = [(tag, squash(text)) for tag, text in mail_page.blocks]
    index = blocks.index(("h2", "4 RoDeFa – wie geht’s weiter?"))
    assert blocks[index + 1] == ("p", "Ilona Eckhardt (IBS / RoDeFa)")
    presenter = [attrs for tag, attrs in mail_page.attributes if tag == "div"]
    assert {"class": "vortragende"} in presenter


def test_email_html_keeps_typography_and_gender_asterisks_literal(mail_page: Page) -> None:
    text = mail_page.all_text()
    for piece in ["→ wer möchte", "„COME IN“", "RoDeFa – wie geht’s weiter?", "Klient*innen",
                  "Expert*innen", "Mieter*innen", "14:30–17:00 Uhr", "Groß Klein"]:  # fmt: skip
        assert piece in text
    assert mail_page.tags["em"] == 0  # Klient*innen … Expert*innen is no emphasis
    assert "\\" not in text  # no Markdown escape shows


def test_email_html_shows_the_appointments_once_at_the_top(mail_page: Page) -> None:
    assert mail_page.texts("h2").count("Termine (auch im Anhang als Kalenderdatei)") == 1
    assert mail_page.tags["blockquote"] == 0 and mail_page.tags["section"] == 1
    text = mail_page.all_text()
    assert text.count("Weihnachtsverkauf im Wühlmäuschen") == 2  # the appointment and the point
    assert text.count("Fr 18.11.2022 (ganztägig)") == 1
    order = [text.index(s) for s in ("Hallo zusammen", "Termine (auch", "Protokoll Stadtteiltisch")]
    assert order == sorted(order)


def test_email_html_without_appointments_has_no_termine_box(reference: Protocol) -> None:
    protocol = protokollkit.read(
        "Protokoll Stadtteiltisch 10.11.22\n\n1 Aktuelles\n\nKathrin Krug, SBZ\n\n"
        "- Blumenrabatte wird neu bepflanzt → wer möchte Patenschaft übernehmen?\n\n"
        "Nächster Termin: noch offen\n"
    )
    page = Page(write_email_html(protocol, Verteiler(None, ())))
    assert not any(text.startswith("Termine") for text in page.texts("h2"))
    assert page.texts("li") == [
        "Blumenrabatte wird neu bepflanzt → wer möchte Patenschaft übernehmen?"
    ]
    assert page.tags["div"] == 2 and page.tags["section"] == 0  # no box


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_protocol_text_shows_literally_in_the_mail(
    reference: Protocol, hostile: str
) -> None:
    protocol = with_points(reference, hostile, speaker=Person(hostile, hostile))
    protocol = dataclasses.replace(
        protocol, meeting=f"AG {hostile}", participants=(Person(hostile),), front=(hostile,)
    )
    message = build_message(protocol, Verteiler(None, ()), attachments=False, stamp=STAMP)
    source = html_part(message).get_content()
    page = Page(source)
    assert page.tags["script"] == page.tags["b"] == page.tags["i"] == page.tags["img"] == 0
    assert page.tags["a"] == page.tags["em"] == page.tags["code"] == 0
    assert "<script" not in source and "<b>" not in source and "<img" not in source
    shown = squash(apostrophes(hostile))  # typographic apostrophes in the protocol's text
    assert page.texts("li")[-1] == shown
    assert shown in page.texts("p")  # the front paragraph
    assert f"{shown}, {shown}" in page.texts("p")  # the speaker line
    assert f"anbei das Protokoll von der AG {squash(hostile)} am 10.11.2022." in page.all_text()
    assert page.texts("title") == [f"Protokoll AG {squash(hostile)} vom 10.11.2022"]


def test_hostile_template_text_is_escaped_too(
    reference: Protocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "email.txt").write_text(
        "Moin <b>alle</b>,\n{titel} & {{roh}}\n\n{protokoll}\n\nTschüss\n-- \n{absender}\n",
        "utf-8",
    )
    monkeypatch.setenv("PROTOKOLLKIT_VORLAGEN", str(tmp_path))
    page = Page(write_email_html(reference, Verteiler(Recipient("<i>Erika</i>", "e@x.org"), ())))
    assert page.tags["b"] == page.tags["i"] == 0
    paragraphs = page.texts("p")
    assert paragraphs[0] == "Moin <b>alle</b>, Protokoll Stadtteiltisch 10.11.22 & {roh}"
    assert paragraphs[-1] == "Tschüss -- <i>Erika</i>"
    assert not any(text.startswith("Termine") for text in paragraphs)  # no {termine} line


@settings(max_examples=40, deadline=None)
@given(protocols())
def test_every_point_of_a_generated_protocol_shows_in_the_mail(protocol: Protocol) -> None:
    page = Page(write_email_html(protocol, Verteiler(None, ())))
    text = page.all_text()
    assert [p.text for p in protocol.all_points() if squash(visible(p.text)) not in text] == []
    headings = [
        squash(f"{label} {visible(shown_title(item))}")
        for item, label, _ in walk_items(protocol.items, prefix=protocol.item_prefix)
    ]
    shown = page.texts("h2") + page.texts("h3")
    assert [h for h in headings if h not in shown] == []
    assert page.texts("h1") == [squash(visible(protocol.title))]
    assert page.tags["em"] == page.tags["code"] == page.tags["script"] == 0
    hrefs = [attrs.get("href") or "" for tag, attrs in page.attributes if tag == "a"]
    assert all(href.startswith(("http://", "https://", "mailto:")) for href in hrefs)


# --- the page (`convert -t html`) ---------------------------------------------------------------


def test_reference_page_matches_golden_file(reference: Protocol) -> None:
    assert_golden("2022-11-10-stadtteiltisch.html", write_html(reference))


def test_page_has_title_termine_box_items_and_points(reference: Protocol) -> None:
    source = write_html(reference)
    page = Page(source)
    assert page.texts("title") == page.texts("h1") == ["Protokoll Stadtteiltisch 10.11.22"]
    assert page.texts("h2") == ["Termine"] + [
        f"{item.number} {apostrophes(item.title)}" for item in reference.items
    ]
    assert page.tags["blockquote"] == 0 and page.tags["section"] == 1  # Termine, under the title
    assert page.texts("p")[0].startswith("Teilnehmende: Robin Czarnecki, ")
    points = [squash(apostrophes(p.text)) for p in reference.all_points()]
    assert page.texts("li")[4:] == points
    assert "Klient*innen" in page.all_text() and page.tags["em"] == 0
    assert '<html lang="de" ' in source and '<meta charset="utf-8">' in source


def test_convert_to_html_writes_the_page(tmp_path: Path, reference: Protocol) -> None:
    target = tmp_path / "protokoll.html"
    result = CliRunner().invoke(main, ["convert", str(SEED), "-t", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8") == write_html(reference)
    assert protokollkit.write(reference, "html") == write_html(reference)


def test_page_read_back_through_the_html_import_gives_the_protocol(
    reference: Protocol, tmp_path: Path
) -> None:
    path = tmp_path / "protokoll.html"
    path.write_text(write_html(reference), "utf-8")
    again = protokollkit.read(path)
    # The Termine box is derived from the points; the import keeps it as content before item 1.
    termine = [line.removeprefix("- ") for line in termine_lines(reference)]
    assert [p.text for b in again.preamble for p in b.points] == termine
    assert not [d for d in again.diagnostics if d.level == "warning"]
    assert dataclasses.replace(again, preamble=()) == typographic(reference)
    assert again.items[3].presenter == reference.items[3].presenter  # its own paragraph


def test_build_eml_carries_the_html_part_rendered_beside_the_calendar(
    reference: Protocol, tmp_path: Path
) -> None:
    from protokollkit.build import build

    result = build(SEED, tmp_path)
    assert sorted(path.suffix for path in result.written) == sorted(
        [".docx", ".md", ".pdf", ".txt", ".ics", ".eml"]
    )
    assert not list(tmp_path.glob("*.html"))  # the HTML part is no file of its own
    message = parse((tmp_path / f"{SEED.stem}.eml").read_bytes())
    html = html_part(message).get_content().replace("\r\n", "\n")
    assert html == write_email_html(reference)
    assert html == protokollkit.write(reference, "email-html")


# --- the model's new parts ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def rich_page() -> Page:
    return Page(write_html(rich_protocol()))


def test_rich_page_has_a_metadata_table_attendance_and_agenda(rich_page: Page) -> None:
    assert rich_page.texts("th") == ["Datum", "Ort", "Beginn", "Ende", "Sitzungsleitung",
                                     "Protokoll", "Beschlussfähigkeit"]  # fmt: skip
    assert rich_page.texts("td")[:2] == ["Donnerstag, 14. März 2024", "Gemeindehaus „Am Markt“"]
    paragraphs = rich_page.texts("p")
    for line in ("Teilnehmende: Lea Sommer, Bernd Ott (Kasse), Mia Hahn",
                 "Entschuldigt: Jonas Krüger", "Gäste: Ute Brandt (Ortsbeirat)",
                 "Tagesordnung"):  # fmt: skip
        assert line in paragraphs
    assert len(termine_lines(rich_protocol())) == 3  # the section lists two appointments
    assert rich_page.texts("li")[2:5] == ["1. Begrüßung", "2. Finanzen", "3. Verschiedenes"]
    tags = [tag for tag, _text in rich_page.blocks if tag in ("h1", "th", "h2")]
    assert tags[:2] == ["h1", "th"]  # the metadata right under the title


def test_rich_page_has_sub_items_paragraphs_numbered_points_and_speakers(rich_page: Page) -> None:
    assert rich_page.texts("h2") == ["Termine", "1 Begrüßung", "2 Finanzen – wie geht’s weiter?",
                                     "3 Verschiedenes"]  # fmt: skip
    assert rich_page.texts("h3") == ["2.1 Förderanträge"]
    assert "Lea begrüßt alle; die Einladung ging fristgerecht raus." in rich_page.texts("p")
    items = rich_page.texts("li")
    assert "Jonas Krüger: Könnten wir die Klient*innen fragen?" in items
    assert items[6:9] == [
        "1. Haushalt 2024 vorgelegt",
        "2. Kassenprüfung ohne Beanstandung",
        "a) Belege vollständig",
    ]
    assert rich_page.tags["ol"] == 3  # the agenda, the numbered points, their sub-point


def test_rich_page_sets_decisions_off_marks_tasks_and_links(rich_page: Page) -> None:
    boxes = [a for tag, a in rich_page.attributes if tag == "div" and a.get("class") == "beschluss"]
    assert len(boxes) == 2 and all("border-left" in (a["style"] or "") for a in boxes)
    paragraphs = rich_page.texts("p")
    assert "Beschluss: Der Haushalt 2024 wird angenommen." in paragraphs
    assert "Ja 6 · Nein 1 · Enthaltung 0 – angenommen" in paragraphs
    assert "einstimmig angenommen" in paragraphs
    assert (
        "Aufgabe: Flyer bestellen, Vorlage in der Satzung (Lea Sommer, Bernd Ott, bis 15.05.2024)"
        in rich_page.texts("li")
    )
    hrefs = [a["href"] for tag, a in rich_page.attributes if tag == "a"]
    assert hrefs == ["https://example.org/satzung", "https://example.org/foerderung"]
    assert "Antrag siehe https://example.org/foerderung → bis Mai" in rich_page.texts("li")


def test_unsafe_link_targets_stay_text() -> None:
    protocol = with_points(rich_protocol(), "[klick](javascript:alert(1)) und [gut](https://x.org)")
    page = Page(write_html(protocol))
    assert [a["href"] for tag, a in page.attributes if tag == "a"][-1] == "https://x.org"
    assert page.texts("li")[-1] == "[klick](javascript:alert(1)) und gut"


def test_mail_html_ends_with_the_task_list_and_limits_the_termine_box() -> None:
    texts = [f"{day}.04. Frühjahrsaktion Nummer {day}" for day in range(1, 10)]
    protocol = with_points(rich_protocol(), *texts)
    page = Page(write_email_html(protocol, Verteiler(None, ())))
    headings = page.texts("h2")
    assert headings[0] == "Termine (auch im Anhang als Kalenderdatei)"
    assert headings[-1] == "Aufgaben"
    assert len(termine_lines(protocol)) - 1 == 11
    assert page.texts("li")[: TERMINE_LIMIT - 1] == [
        line.removeprefix("- ") for line in termine_lines(protocol)[1:TERMINE_LIMIT]
    ]
    assert "… und 7 weitere im Kalenderanhang" in page.texts("p")
    assert page.texts("li")[-2:] == [
        "Flyer bestellen, Vorlage in der Satzung (Lea Sommer, Bernd Ott, bis 15.05.2024)",
        "Sommerfest „Groß Klein“ am 6.7.",
    ]


# --- rendered by a browser --------------------------------------------------------------------

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := which(name))),
    None,
)
RENDER_PROBE = """<script>
const wide = [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > WIDTH + 1).map((e) => e.tagName);
const h1 = getComputedStyle(document.querySelector("h1")).color;
const text = getComputedStyle(document.querySelector("p")).color;
document.title = JSON.stringify({wide: wide, h1: h1, text: text});
</script>"""


def rendered(page: str, tmp_path: Path, width: int, *, dark: bool = False) -> dict[str, Any]:
    """What Chromium computes for the page laid out ``width`` pixels wide (light or dark)."""
    assert CHROMIUM is not None
    narrowed = page.replace("</head>", f"<style>html {{ width: {width}px }}</style></head>", 1)
    probe = RENDER_PROBE.replace("WIDTH", str(width))
    path = tmp_path / f"probe-{width}-{dark}.html"
    path.write_text(narrowed.replace("</body>", f"{probe}</body>", 1), "utf-8")
    flags = ["--blink-settings=preferredColorScheme=0", "--force-dark-mode"] if dark else []
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--window-size=800,600", *flags,
         "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    title = dom.split("<title>", 1)[1].split("</title>", 1)[0]
    result: dict[str, Any] = json.loads(html.unescape(title))
    return result


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed")
def test_mail_fits_a_phone_screen_and_reads_in_dark_mode(
    reference: Protocol, tmp_path: Path
) -> None:
    page = write_email_html(reference)
    phone = rendered(page, tmp_path, 390)
    assert phone["wide"] == []  # nothing wider than the phone
    assert phone["h1"] == "rgb(31, 78, 121)"  # the PDF's dark blue
    dark = rendered(page, tmp_path, 390, dark=True)
    assert dark["h1"] == "rgb(143, 184, 232)"  # lighter blue on a dark background
    assert dark["text"] == "rgb(255, 255, 255)"  # the reader's light text, no fixed dark grey
