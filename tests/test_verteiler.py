"""The distribution list: file format, the shipped example, and one diagnostic per bad line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protokollkit.diagnostics import ParseError, ProtokollkitError
from protokollkit.verteiler import (
    Recipient,
    check_header_text,
    parse_verteiler,
    read_verteiler,
)
from tests.conftest import ROOT

EXAMPLE = ROOT / "vorlagen" / "verteiler.txt"


def test_shipped_verteiler_holds_only_example_addresses() -> None:
    verteiler = read_verteiler(EXAMPLE)
    assert verteiler.sender is not None
    everyone = [verteiler.sender, *verteiler.recipients]
    assert len(everyone) >= 3
    for person in everyone:
        assert person.address.rpartition("@")[2] in {"example.org", "example.net", "example.com"}


def test_default_verteiler_is_found_in_vorlagen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROTOKOLLKIT_VORLAGEN", raising=False)
    monkeypatch.chdir(ROOT)
    assert read_verteiler() == read_verteiler(EXAMPLE)


def test_names_bare_addresses_sender_comments_and_blank_lines() -> None:
    text = (
        "\ufeff# Kommentar\r\n"
        "\r\n"
        "Absender: Stadtteilbüro Groß Klein <buero@example.org>\r\n"
        "Erika Mustermann <erika@example.org>\r\n"
        '  "Müller, Max" <max.mueller@example.org>  \r\n'
        "info+protokoll@sub.example.net\r\n"
        "Beratungsstelle „Muster“ <beratung@example.org>\r\n"
    )
    verteiler = parse_verteiler(text.removeprefix("\ufeff"), "v.txt")
    assert verteiler.sender == Recipient("Stadtteilbüro Groß Klein", "buero@example.org", 3)
    assert verteiler.recipients == (
        Recipient("Erika Mustermann", "erika@example.org", 4),
        Recipient("Müller, Max", "max.mueller@example.org", 5),
        Recipient("", "info+protokoll@sub.example.net", 6),
        Recipient("Beratungsstelle „Muster“", "beratung@example.org", 7),
    )
    assert verteiler.source == "v.txt"


def test_every_invalid_address_is_one_diagnostic_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "verteiler.txt"
    path.write_text(
        "# Verteiler\n"
        "Erika Mustermann <erika@example.org>\n"
        "Max Mustermann <max@@example.org>\n"
        "ohne-at.example.org\n"
        "Lücke <jemand@example>\n"
        "Klammer <offen@example.org\n"
        "Gut <gut@example.org>\n",
        "utf-8",
    )
    with pytest.raises(ParseError) as caught:
        read_verteiler(path)
    diagnostics = caught.value.diagnostics
    assert [(d.level, d.source, d.line) for d in diagnostics] == [
        ("error", str(path), 3),
        ("error", str(path), 4),
        ("error", str(path), 5),
        ("error", str(path), 6),
    ]
    assert "Ungültige E-Mail-Adresse „max@@example.org“" in diagnostics[0].message
    assert "Ungültige E-Mail-Adresse „ohne-at.example.org“" in diagnostics[1].message
    assert "Spitze Klammern" in diagnostics[3].message
    assert f"{path}:3:1: fehler: Ungültige E-Mail-Adresse" in str(caught.value)


def test_duplicate_address_and_second_sender_are_errors() -> None:
    text = (
        "Absender: A <a@example.org>\n"
        "B <b@example.org>\n"
        "Noch einmal B <B@Example.org>\n"
        "Absender: C <c@example.org>\n"
    )
    with pytest.raises(ParseError) as caught:
        parse_verteiler(text, "v.txt")
    messages = [(d.line, d.message) for d in caught.value.diagnostics]
    assert messages == [
        (3, "Adresse „B@Example.org“ steht schon in Zeile 2"),
        (4, "Zweite Absender-Zeile (der Absender steht schon in Zeile 1)"),
    ]


CONTROL_LINES = ["Max\tMuster <max@example.org>", "Max\x0bMuster <m@example.org>",
                 "Max <max@example.org>\x1b[31m", "Max\u2028Muster <m@example.org>"]  # fmt: skip


@pytest.mark.parametrize("bad", CONTROL_LINES)
def test_control_characters_in_a_line_are_refused(bad: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_verteiler(f"Gut <gut@example.org>\n{bad}\n", "v.txt")
    assert [d.line for d in caught.value.diagnostics] == [2]
    assert "Steuerzeichen" in caught.value.diagnostics[0].message


def test_verteiler_not_in_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "verteiler.txt"
    path.write_bytes("Erika <erika@example.org>\nJörg <joerg@example.org>\n".encode("cp1252"))
    with pytest.raises(ParseError, match="nicht in UTF-8") as caught:
        read_verteiler(path)
    assert caught.value.diagnostics[0].line == 2


def test_missing_verteiler_file_is_a_german_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="Datei nicht gefunden"):
        read_verteiler(tmp_path / "fehlt.txt")


def test_only_comments_is_an_empty_list() -> None:
    verteiler = parse_verteiler("# noch niemand\n\n", "v.txt")
    assert verteiler.sender is None
    assert verteiler.recipients == ()


@pytest.mark.parametrize("text", ["Betreff\r\nBcc: x@example.org", "Name\n", "a\x00b", "x\u2029y"])
def test_header_text_with_control_characters_is_refused(text: str) -> None:
    with pytest.raises(ProtokollkitError, match="Steuerzeichen"):
        check_header_text(text, "Der Betreff")


local_part = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)
domain = st.from_regex(r"[a-zäöü0-9]{1,10}(\.[a-z]{2,6}){1,2}", fullmatch=True)
display = st.text(alphabet="ABCabcäöüß .,-&()„“'", max_size=30).map(str.strip)


@settings(max_examples=60)
@given(st.lists(st.tuples(display, local_part, domain), min_size=1, max_size=6))
def test_written_entries_read_back(entries: list[tuple[str, str, str]]) -> None:
    lines, expected = [], []
    seen = set()
    for name, local, host in entries:
        address = f"{local}@{host}"
        if address.casefold() in seen:
            continue
        seen.add(address.casefold())
        lines.append(f"{name} <{address}>" if name else address)
        expected.append((name, address))
    verteiler = parse_verteiler("\n".join(lines) + "\n", "v.txt")
    assert [(r.name, r.address) for r in verteiler.recipients] == expected
