"""The held-out corpora (tests/fixtures/heldout*/): real layouts the rules were NOT written on.

Its expected structures were written by hand before the reader ever saw the documents, so its
recall says how the rules do on protocols nobody tuned them for. The floor below is what was
measured; the goal is the 90 % of issue 9. Rules may be written for what a miss here shows in
general, never for one document: add new held-out documents when a rule was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import protokollkit
from benchmarks.corpus_report import (
    Report,
    document_files,
    expected_path,
    measured_sets,
    misses_changed,
    run,
    schema_problems,
)

FIXTURES = Path(__file__).parent / "fixtures"
FLOORS = {
    "heldout": 0.91,
    "heldout2": 0.90,
    "heldout3": 0.91,
    "heldout4": 0.86,
    "heldout5": 0.91,
    "heldout6": 0.84,
    "heldout7": 0.91,
    "heldout8": 0.92,
    "heldout9": 0.91,
    "heldout10": 0.91,
    "heldout11": 0.90,
    "heldout12": 0.95,
    "heldout13": 0.90,
    "heldout14": 0.91,
    "heldout15": 0.81,
    "heldout16": 0.85,
    "heldout17": 0.83,
}
"""Measured recall on 07.12.2026: heldout 0.883 (0.639 before the rules of earlier sessions),
heldout2 0.818 (0.673 when first measured, blind), heldout3 0.680 (0.539 blind: council minutes
exported from PDF – letter-spaced words, columns run together), heldout4 0.743 (0.597 blind, its
first run: neighbourhood round tables, network meetings, initiatives and the council pages that
report on them; the misses are listed in heldout4/MISSES.md). Sets a rule was written for are
no longer blind: the next blind figure needs a fresh set. heldout5 0.695 (blind, its first run
on 07.12.2026: round tables, Quartiersrat, parents' and youth councils, associations, church
boards, council gazettes; MISSES.md lists the misses; an item heading's `Tagesordnungspunkt` is
markup like `TOP`, not a lost line). Raised on 07.12.2026 to what was measured after the
rules for speakers and next meetings in later sentences (branch rules2): heldout2 0.834,
heldout3 0.819, heldout4 0.831, heldout5 0.773; heldout5 then 0.788 after the decision
phrases, 0.823 after the office-labelled attendance, 0.831 after the indented numbered list
as items, 0.841 after the metadata section, 0.855 after speakers in appositions and the
excused absent. heldout6 0.508 (blind, its first run on 07.12.2026 at
bc3f7f7: church councils and a synod, round tables, tenants' and housing-cooperative meetings,
prevention councils, youth-welfare items, a school committee, a council Niederschrift; about half
of it written as reports, not minutes; MISSES.md lists the misses), 0.733 after the rules
written on its misses (agenda forms, Word attendance blocks, templates, reported speech with
abbreviated titles, next meetings inside sentences, tallies of votes).
heldout7 0.668 (blind, its first run on 07.12.2026 at 9782e50: mostly genuine minutes – a
parents' committee, club AGMs, council and school committees, student assemblies and pads, a
youth council, a neighbourhood advisory council – and four short reports; 15 lines were lost in
that run: Word attendance table rows without a label cell, a Markdown presence table, the digits
of zero-padded ``TOP 03``; MISSES.md lists the misses). Raised on 07.12.2026 after the rules
of branch rules4 (attendance tables, opening and closing sentences, session lines, decisions of
assemblies and tallies, ordinal offices, plan tables, role lines, speakers after an adverbial,
commitments): heldout 0.895, heldout2 0.850, heldout3 0.828, heldout4 0.840, heldout5 0.870,
heldout6 0.744, heldout7 0.794. Raised again after merging it with the session's own rules
(those who took part count as present when nobody is listed, typed line breaks, task lines
with owner and date, the body a speaker speaks for): heldout 0.899, heldout2 0.866, heldout3
0.828, heldout4 0.852, heldout5 0.872, heldout6 0.758, heldout7 0.851.
heldout8 0.736 (blind, its first and only run on 07.12.2026 at 3c29a4d: a church council, a
day-care board, a parents' evening, school support associations, a student executive, an
Austrian municipal council as ODT, a citizen's report of a council meeting, a Samtgemeinderat
from PDF, a citizens' working group, a tenants' councils conference, a village-shop initiative,
a round table; no line lost; MISSES.md lists the misses); 0.789 after rules written on its
misses (a bare ``TOP n`` over ``Title:``, lettered plan entries, names aligned under the label
with blank lines between, ``Name – Body``) and the report's comparing ``20.40`` with ``20:40``;
heldout 0.907 after ``Protokoll`` alone after the plan stopped being a title.
heldout9 0.648 (blind, its first and only run on 07.12.2026 at 604ca12: an allotment
association, an Austrian council's Niederschrift, club and choir AGMs, tennis departments (one
as ODT), a student project group in AsciiDoc, a climate initiative, church councils' reports, a
pupils' parliament, a tenants' assembly, a parents' council (a choir as Word); 6 lines lost –
the ``Zu Punkt 1.)`` headings; MISSES.md lists the misses); 0.692 after ``1.)`` markers,
numbered attendance columns with ditto marks and ``Zu Punkt 1.)`` named by the plan; 0.842
after the rules of branch heldout9 (attendance sentences, ``TOP 1: sentence``, the place in a
sentence, votes in words, AsciiDoc, first names alone, counts as attendance, those elected, more
task verbs and due dates in words, a headline under a category word). The other sets on the
same day after those rules: corpus 0.928, heldout 0.907, heldout2 0.870, heldout3 0.833,
heldout4 0.852, heldout5 0.879, heldout6 0.760, heldout7 0.855, heldout8 0.822.
heldout10 0.715 (blind, its first and only run on 07.12.2026 at 5330964: a neighbourhood
network's evening, a district committee, a residents' question time, a district council, a
youth welfare committee and its AG 78, two seniors' councils (Word, ODT), a network
association's general meeting, a round table in Markdown tables, a neighbourhood action, a
tenants' initiatives' meeting, a World Café, a moderator's report, an owners' meeting from an
app; no line lost; MISSES.md lists the misses); 0.902 after the rules of branch heldout10
(count lines with weights and result lines, the place and the chair in sentences, bodies as
task owners, agreement in words, next meetings by name or season, speakers quoted or after
the verb, elections and member lists, titled full names, numbered prose paragraphs, residents
as item speakers). The other sets then: corpus 0.930, heldout 0.907, heldout2 0.880, heldout3
0.839, heldout4 0.854, heldout5 0.893, heldout6 0.800, heldout7 0.892, heldout8 0.884,
heldout9 0.862.
heldout11 0.640 (blind, its first and only run on 07.12.2026 at 2ace4f7: a residents' plenum
on one line of a web table, a Quartiersmanagement's residents' body, a Stadtteilforum, two
Sozialraumkonferenzen (one as Word), a Bürgerforum, a tenants' council (ODT), a youth council
(ODT), a care home's residents' council (Word), refugee helpers' circles and their association,
a youth forum, a youth committee and a residents' meeting on road works; ten of the fifteen are
reports in prose; no line lost; MISSES.md lists the misses); 0.901 after the rules of branch
heldout11 (opinions and appositions in reported speech, a role on the line below a Word list
entry, agreements of reports in words, officers named after their office, names in brackets
behind topics and in photo captions, the place where people met, promises and plans as tasks,
every sentence's speaker as one who took part). The other sets then: corpus 0.930, heldout
0.909, heldout2 0.882, heldout3 0.870, heldout4 0.854, heldout5 0.895, heldout6 0.812,
heldout7 0.897, heldout8 0.911, heldout9 0.889, heldout10 0.908.
heldout12 0.871 (blind, its first and only run on 07.12.2026 at 2ace4f7: the Stadtteiltisch's own
archive as other minute-takers write it – a second `TOP 1:` layout, Word with names one per line,
ODT with an attendance table, Markdown with bold labels, CRLF text, an e-mail body – and ten
outside round-table layouts: a Stadtteilrat's web minutes, a neighbourhood plenum's and a
network's reports, ALLRIS and SessionNet item pages, a Kiezbeirat, a Quartiersrat's dates, a
project group's Markdown; 2 lines lost – a plan announced in a sentence over the items, and a
Word table's unmarked column heads; MISSES.md lists the misses); 0.945 after the rules of branch
heldout12 (a plan announced in a sentence over the items, column heads kept, sentence labels of
the excused, an address under the date line, speakers with an initial or a role before the
name, tasks with wird and a follow-up verb or a group of actors, next meetings in the genitive,
as a breakfast or a dates-list entry, the e-mail subject as the title, an institution's first
word, ``Es moderierte …``, a time in the title). The other sets then: unchanged except
heldout9 0.894 (0.889 before); the corpus lost no line any more (the Word attendance table's
column heads).
heldout13 0.759 (blind, its first and only run on 07.12.2026 at fa8e597: youth-welfare committee
items (one as Word), a Planungsraumkonferenz, a tenants' council's blog post and a tenants'
initiative, a Quartiersmanagement's and a housing company's residents' meetings (ODT), two round
tables of senior work (one as Word), a Stadtteilbeirat reported under a residents' association's
letterhead, a church council's minutes and its public report, a parents' council, a municipal
council's questions, an association's general meeting after a checklist; no line lost; MISSES.md
lists the misses: tasks and agreements in report sentences, people named in sentences, titles
under site residue or letterheads). heldout13 0.816 after the rules of branch rules13 (a body
taking note or consenting, a majority voting or speaking for it, ``hat sich darauf
verständigt``; ``wird … erstellen/formulieren/vorlegen``, ``hat zugesagt, …``, a task verb after
``Name vom Body``, a report promised for the next meeting; the chair after the verb, under the
lead of, in apposition; the next meeting after a rhythm); every other set unchanged.
After the rules of branch rules14 (people, tasks and chairs in report sentences: the speakers
of a paragraph's later sentences, two speakers joined by ``und``, a rank or an office before a
name, the verb before an office and a name, a chair's role with a qualifier in apposition,
guests named before ``zu Gast``, a task in every sentence of an entry, titled owners outside
the list, ``wird … führen/vorstellen``, ``Er werde …``, ``Wer Zeit hat, …``), 07.12.2026:
heldout13 0.884, heldout3 0.874, heldout4 0.861, heldout5 0.907, heldout6 0.833, heldout7 0.903,
heldout8 0.915, heldout9 0.901, heldout10 0.911, heldout11 0.908, heldout12 0.955; corpus,
heldout and heldout2 unchanged.
heldout14 0.781 (blind, its first and only run on 07.12.2026 at ee527ed: an Integrationsrat's
item, a Seniorenbeirat's annual report, a Kriminalpräventiver Rat on a citizens' blog, a
neighbourhood network (ODT), a youth council's narrative minutes, a prevention item (Word), a
Bürgerforum reported in committee, a Repair-Café initiative, associations' general meetings (one
as Word), an allotment association, a thesis kick-off with YAML front matter, hackspace plenums in
MoinMoin and Markdown; no line lost; MISSES.md lists the misses: people named only in sentences,
wiki markup, a Word head with typed line breaks, officers in prose); heldout14 0.914 after the
rules of branch heldout14 (wiki headings and topic lists, officers after the verb, the chair and
minute-taker and those at work present beside a partial or a counts-only attendance, guests
after ``die Gäste``, later-sentence speakers, a title under a letterhead, the front matter's
title, words broken at a line's end, ``tagt das nächste Mal am``, members approving in the
active voice); no other set fell.
heldout15 0.645 (blind, its first and only run on 08.12.2026 at 7b0e0ce: a neighbourhood
initiative's preparation meeting, a Sozialraumkonferenz told by a citizens' initiative, a church
seniors' work's staff meeting (Word), a day-care committee (Word), a seniors' working group in
first names, a tenants' house meeting in a forum, a Seniorenbeirat's pensioners' meeting and a
seniors' club's general meeting as reports, a Jugendhilfeausschuss item from ALLRIS (ODT), a
Seniorenbeirat's and a school committee's SessionNet items, a youth-welfare providers' café, a
streetwork network, a refugee helpers' circle and a volunteers' blog; one line lost – a Word
``Teilnehmende:`` over groups; MISSES.md lists the misses); 0.790 after the rules of branch h15
(``Top n: Label: minutes`` run into one Word paragraph, Word attendance in groups ``für den
Träger:`` with names run together after a role, the excused beside a list kept elsewhere, items
each a Word list of its own, speakers with their party in brackets, after the verb at a
sentence's end or holding a view, a signature with the minute-taker after a gap, meeting words
with a gender colon, the headline under a page's date, owners with a note in the last brackets,
a guest of honour); heldout4 0.866 (a speaker more), every other set unchanged.
heldout16 0.714 (blind, its first and only run on 08.12.2026 at b266981: minutes kept in Git
repositories, wikis and mailing lists – a StuRa's DokuWiki page with a template head, a
Fachschaftsrat's DokuWiki export (Word), a StuRa's MediaWiki page with a decision template, an
association board's Markdown with checkboxes and initials, a football club's general assembly
from its wiki (Word), hackspace plena (a CCC plenum mail in Markdown, MediaWiki pages with an
info box, English headings, a monthly Bootstrap page, a Jour Fixe) and five Freifunk communities
(Gitit, a mail with `*TOP1:*`, Markdown, Creole, an HTML mail as ODT); one line lost; MISSES.md
lists the misses: wiki source markup, people in list entries and prose, task and decision
forms, presenters in brackets); heldout16 0.844 after the rules of branch h16 (DokuWiki's
template head as front matter and its headings counted the other way round, an attendance
entry keeping its own label, a mail's ``*Label:*``, wiki bullets ``**``, a wiki page's source
without a title line, the agenda read out as a numbered list inside a first item, an intro
sentence under a heading ``Tagesordnung``, surnames as initials ``Hannes K.``); no other set
changed.
heldout17 0.753 (blind, its first and only run on 08.12.2026 at 86e4746: a Kita-Stadtelternrat, two
Quartiersräte told by their Quartiersmanagement, a parish council's tables (Word), a
Kreisjugendring in the paper, a council item on a Behindertenrat, a Seniorenbeirat's press
release, a council information system's agenda item, a residents' round on a neighbourhood blog,
a canoe club's board (twice), a sports club's general meetings (one as ODT) and annual report, a
coworking community's Hugo page and a student council's Jekyll page; no line lost; MISSES.md
lists the misses: a Word attendance table with ``x``/``e`` marks and the minutes as a TOP table,
people named only in report sentences, meta inside head sentences, TOML front matter, ``TOP n:``
over title lines joined by typed line breaks).
Raised on 08.12.2026 (evening) after the session's rules for metadata, attendance, guests,
speakers, tasks and decisions in sentences, letterhead titles, TOML front matter and the minutes
as a table of TOPs:
heldout 0.911, heldout7 0.916, heldout9 0.919, heldout13 0.905, heldout15 0.813, heldout16 0.858,
heldout17 0.837 (0.753 blind)."""
DOCUMENTS = [p for name in FLOORS for p in document_files(FIXTURES / name)]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus(request: pytest.FixtureRequest) -> tuple[str, Report]:
    name: str = request.param
    return name, run(document_files(FIXTURES / name))


def test_heldout_is_varied() -> None:
    for name in FLOORS:
        documents = document_files(FIXTURES / name)
        assert len(documents) >= 15
        listed = (FIXTURES / name / "SOURCES.md").read_text("utf-8")
        for path in documents:
            assert f"| {path.name} |" in listed, f"{path.name} fehlt in SOURCES.md"
            assert schema_problems(json.loads(expected_path(path).read_text("utf-8"))) == []


def test_nothing_refused_or_lost(corpus: tuple[str, Report]) -> None:
    _, report = corpus
    assert report.refused == []
    assert report.errors == []
    assert report.lines_lost == 0
    assert report.warnings_per_20_lines <= 1.0


def test_recall_floor(corpus: tuple[str, Report]) -> None:
    name, report = corpus
    assert report.recall >= FLOORS[name]


def test_misses_as_recorded(corpus: tuple[str, Report]) -> None:
    """Not only the recall: every hand-written element read before is still read."""
    lost, found = misses_changed(*corpus)
    assert not lost, "nicht mehr gelesen:\n" + "\n".join(lost)
    assert not found, "jetzt gelesen (--write-misses):\n" + "\n".join(found)


def test_every_set_has_a_floor() -> None:
    assert set(measured_sets()) == {"corpus", *FLOORS}


ROUND_TRIP_GAPS = {
    "stadtbezirksrat-2017-06-12.txt": "a speaker line without entries (the letter-spaced"
    " I. Ö F F E N T L I C H E R T E I L) before a paragraph without one",
    "kv-vorstand-2024-02-08.txt": "a bare 'Tagesordnung' line between two items",
    "seniorenbeirat-2024-02-14.txt": "a letter-spaced agenda label inside an item",
    "verbandsversammlung-2024-11-26.txt": "no items read; plain lines read back as items",
    "buergerverein-stadtrat-2025-05-13.txt": "the plans' zero-padded entries after blank lines"
    " made the items explicit; the archive's '1.' entries do not, so short preamble lines"
    " (`Sitzung des Bauausschusses`) read back as topics",
    "ausschuss-praevention-2025-12-02.docx": "a bold first paragraph `DATE - 6 Title ...` is the"
    " title in Word; the same line in the archive text is read as a date line with the meeting",
    "seniorenwerk-mitarbeiterversammlung-2025-10-20.docx": "`Anwesende: siehe"
    " Unterschriftenliste …; entschuldigt: …` in one line is a metadata field and the excused;"
    " the archive text's `Anwesende: siehe Unterschriftenliste …` alone is content",
    "2025-07-18.md": "a Markdown section `# Protokoll` over a paragraph is read as a speaker"
    " line (`Protokoll`) with its entry; the archive's plain `Protokoll` line is not",
    "mitgliederversammlung-2026-03-27.odt": "`TOP n:` over title lines joined by typed line"
    " breaks gives items with an empty title in ODT; the archive text's `TOP 1:` is followed by"
    " the first title word on its own line, which then reads as the title",
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_archive_text_reads_back(path: Path, tmp_path: Path) -> None:
    if path.name in ROUND_TRIP_GAPS:
        pytest.xfail(ROUND_TRIP_GAPS[path.name])
    protocol = protokollkit.read(path)
    archived = tmp_path / f"{path.stem}.txt"
    archived.write_text(str(protokollkit.write(protocol, "text")), "utf-8")
    assert protokollkit.read(archived) == protocol
