"""Every rich writer shows the labels as the protocol wrote them, and what stands before item 1."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable

import docx
import pypdf
import pytest

from protokollkit.model import AgendaItem, Block, NextMeeting, Person, Point, Protocol
from protokollkit.verteiler import Verteiler
from protokollkit.writers.docx import write_docx
from protokollkit.writers.email import write_email_body, write_email_html
from protokollkit.writers.html import write_html
from protokollkit.writers.pdf import write_pdf
from tests.writers.test_email import unflow
from tests.writers.test_html import Page


def labelled() -> Protocol:
    """A protocol with its own labels, content before the first item and a next meeting."""
    return Protocol(
        title="Protokoll Vorstand 7.2.2024",
        meeting="Vorstand",
        date=dt.date(2024, 2, 7),
        participants=(Person("Ute Brandt"), Person("Ole Jansen", "Kasse")),
        participants_label="Anwesend",
        agenda=("Bericht", "Kasse"),
        agenda_label="TOP-Vorschläge",
        preamble=(Block(Person("Ute Brandt"), (Point("Begrüßung und Dank an alle"),)),),
        items=(AgendaItem(1, "Bericht", blocks=(Block(points=(Point("Alles gut"),)),)),),
        next_meeting=NextMeeting("6.3.2024, 19 Uhr", dt.date(2024, 3, 6), "Nächste Sitzung"),
    )


def docx_text(protocol: Protocol) -> str:
    document = docx.Document(io.BytesIO(write_docx(protocol)))
    return " ".join(p.text for p in document.paragraphs)


def pdf_text(protocol: Protocol) -> str:
    reader = pypdf.PdfReader(io.BytesIO(write_pdf(protocol)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def html_text(protocol: Protocol) -> str:
    return Page(write_html(protocol)).all_text()


def mail_html_text(protocol: Protocol) -> str:
    return Page(write_email_html(protocol, Verteiler(None, ()))).all_text()


def mail_text(protocol: Protocol) -> str:
    return " ".join(" ".join(unflow(write_email_body(protocol, Verteiler(None, ())))).split())


WRITERS: dict[str, Callable[[Protocol], str]] = {
    "docx": docx_text,
    "pdf": pdf_text,
    "html": html_text,
    "email-html": mail_html_text,
    "email": mail_text,
}


@pytest.mark.parametrize("fmt", WRITERS)
def test_labels_as_written_and_content_before_the_first_item(fmt: str) -> None:
    text = WRITERS[fmt](labelled())
    assert "Anwesend: Ute Brandt, Ole Jansen (Kasse)" in text
    assert "Teilnehmende" not in text
    assert "TOP-Vorschläge" in text and "Tagesordnung" not in text
    assert "Nächste Sitzung: 6.3.2024, 19 Uhr" in text and "Nächster Termin:" not in text
    order = [text.index(s) for s in ("Anwesend:", "Begrüßung und Dank", "1 Bericht")]
    assert order == sorted(order)


@pytest.mark.parametrize("fmt", WRITERS)
def test_next_meeting_said_inside_the_content_gets_no_closing_line(fmt: str) -> None:
    sentence = "Die nächste Sitzung findet am 6.3.2024 statt."
    protocol = labelled()
    item = dataclasses.replace(
        protocol.items[0], blocks=(Block(points=(Point(sentence, kind="paragraph"),)),)
    )
    protocol = dataclasses.replace(
        protocol, items=(item,), next_meeting=NextMeeting(sentence, dt.date(2024, 3, 6), "")
    )
    text = WRITERS[fmt](protocol)
    assert text.count(sentence) == 1
    assert "Nächste Sitzung:" not in text
