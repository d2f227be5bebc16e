"""Statistics over the archive: meetings per year, attendance by person and institution, sizes.

Built in one pass over the summaries of the index (:meth:`ArchiveIndex.summaries`), so that no
protocol needs to be read again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from protokollkit.archive.summary import Summary, present
from protokollkit.archive.words import fold


@dataclass
class Member:
    """A person or an institution as the archive knows it: when they were there."""

    key: str
    names: Counter[str] = field(default_factory=Counter)
    dates: list[dt.date] = field(default_factory=list)
    protocols: list[str] = field(default_factory=list)
    affiliation: str | None = None

    @property
    def name(self) -> str:
        """The most frequent spelling."""
        return self.names.most_common(1)[0][0]

    @property
    def count(self) -> int:
        """Meetings attended."""
        return len(self.protocols)

    def per_year(self) -> Counter[int]:
        """Meetings attended by year."""
        return Counter(d.year for d in self.dates)

    def see(self, name: str, stem: str, date: dt.date | None) -> None:
        """Record one meeting (once per protocol)."""
        self.names[name] += 1
        if self.protocols and self.protocols[-1] == stem:
            return
        self.protocols.append(stem)
        if date is not None:
            self.dates.append(date)


@dataclass
class YearRow:
    """One year of meetings."""

    year: int
    meetings: int = 0
    items: int = 0
    speakers: int = 0
    present: int = 0

    def mean(self, total: int) -> float:
        """A per-meeting average."""
        return total / self.meetings if self.meetings else 0.0


@dataclass
class ArchiveStats:
    """Everything the ``statistik`` command and the website show."""

    protocols: int = 0
    undated: int = 0
    years: dict[int, YearRow] = field(default_factory=dict)
    people: dict[str, Member] = field(default_factory=dict)
    institutions: dict[str, Member] = field(default_factory=dict)
    meetings: list[tuple[dt.date, int, int, int]] = field(default_factory=list)
    """Per dated meeting: date, items, speakers, people present."""

    def add(self, summary: Summary, here: list[tuple[str, str | None]] | None = None) -> None:
        """Count one protocol (``here``: :func:`present` of it, when already known)."""
        self.protocols += 1
        date = dt.date.fromisoformat(summary["date"]) if summary["date"] else None
        stem = summary["stem"]
        here = present(summary) if here is None else here
        for name, affiliation in here:
            key = fold(name)
            person = self.people.get(key) or self.people.setdefault(key, Member(key))
            person.see(name, stem, date)
            if affiliation:
                person.affiliation = affiliation
                key = fold(affiliation)
                institution = self.institutions.get(key) or self.institutions.setdefault(
                    key, Member(key)
                )
                institution.see(affiliation, stem, date)
        if date is None:
            self.undated += 1
            return
        row = self.years.setdefault(date.year, YearRow(date.year))
        row.meetings += 1
        row.items += len(summary["items"])
        row.speakers += summary["speaker_count"]
        row.present += len(here)
        self.meetings.append((date, len(summary["items"]), summary["speaker_count"], len(here)))

    def meetings_per_year(self) -> dict[int, int]:
        """Meetings by year, every year from the first to the last (0 where none); a long gap
        (a mistyped year like 0022 or 2202) is left out, not shown as hundreds of empty rows."""
        return {y: self.years[y].meetings if y in self.years else 0 for y in year_span(self.years)}

    def ranking(self, kind: str) -> list[Member]:
        """People (``kind="people"``) or institutions by meetings attended, most first."""
        members = self.people if kind == "people" else self.institutions
        return sorted(members.values(), key=lambda m: (-m.count, m.name.casefold()))


MAX_GAP = 10
"""Years without a meeting between two with meetings that are still shown (as 0)."""


def year_span(years: Iterable[int]) -> list[int]:
    """The years in order with the gaps of up to :data:`MAX_GAP` years between them filled."""
    found = sorted(set(years))
    span: list[int] = []
    for year, following in zip(found, [*found[1:], None], strict=True):
        span.append(year)
        if following is not None and following - year - 1 <= MAX_GAP:
            span.extend(range(year + 1, following))
    return span


def collect(summaries: Iterable[Summary]) -> ArchiveStats:
    """Statistics over the summaries (oldest first)."""
    stats = ArchiveStats()
    for summary in summaries:
        stats.add(summary)
    return stats


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(header), line(["─" * w for w in widths]), *map(line, rows)])


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _day(date: dt.date | None) -> str:
    return f"{date:%d.%m.%Y}" if date else "–"


def text_report(stats: ArchiveStats, top: int = 15) -> str:
    """The statistics as plain-text tables in German."""
    parts = [
        f"{stats.protocols} {'Protokoll' if stats.protocols == 1 else 'Protokolle'}"
        + (f" ({stats.undated} ohne Datum)" if stats.undated else "")
        + f", {len(stats.people)} Personen, {len(stats.institutions)} Einrichtungen",
        "",
        "Sitzungen pro Jahr (TOPs, Sprecher*innen und Anwesende: Mittel je Sitzung)",
        _table(
            ["Jahr", "Sitzungen", "TOPs", "Sprecher*innen", "Anwesende"],
            [
                [
                    str(year),
                    str(count),
                    _number(stats.years[year].mean(stats.years[year].items)) if count else "–",
                    _number(stats.years[year].mean(stats.years[year].speakers)) if count else "–",
                    _number(stats.years[year].mean(stats.years[year].present)) if count else "–",
                ]
                for year, count in stats.meetings_per_year().items()
            ],
            {1, 2, 3, 4},
        ),
    ]
    for kind, heading, column in (
        ("people", "Anwesenheit nach Personen", "Person"),
        ("institutions", "Anwesenheit nach Einrichtungen", "Einrichtung"),
    ):
        ranking = stats.ranking(kind)
        rows = [
            [
                m.name,
                str(m.count),
                _day(min(m.dates) if m.dates else None),
                _day(max(m.dates) if m.dates else None),
            ]
            for m in ranking[:top]
        ]
        more = len(ranking) - top
        parts += [
            "",
            f"{heading} (die {min(top, len(ranking))} häufigsten)",
            _table([column, "Sitzungen", "erste", "letzte"], rows, {1}),
        ]
        if more > 0:
            parts.append(f"… und {more} weitere")
    return "\n".join(parts) + "\n"


def write_charts(stats: ArchiveStats, folder: Path, top: int = 15) -> list[Path]:
    """Write the statistics' charts as SVG files into ``folder``; return their paths."""
    from protokollkit.archive.charts import bar_chart, lines_chart, ranking_chart
    from protokollkit.files import write_atomic

    per_year = stats.meetings_per_year()
    years = list(per_year)
    charts: dict[str, str] = {}
    if years:
        charts["sitzungen.svg"] = bar_chart(
            years, list(per_year.values()), "Sitzungen pro Jahr", "Sitzungen"
        )
        series = [
            (
                label,
                [
                    stats.years[y].mean(getattr(stats.years[y], name)) if y in stats.years else 0.0
                    for y in years
                ],
            )
            for label, name in (
                ("TOPs", "items"),
                ("Sprecher*innen", "speakers"),
                ("Anwesende", "present"),
            )
        ]
        charts["umfang.svg"] = lines_chart(years, series, "Durchschnitt je Sitzung", "Anzahl")
    for kind, file, title in (
        ("people", "personen.svg", "Anwesenheit: die häufigsten Personen"),
        ("institutions", "einrichtungen.svg", "Anwesenheit: die häufigsten Einrichtungen"),
    ):
        ranking = stats.ranking(kind)[:top]
        if ranking:
            charts[file] = ranking_chart(
                [m.name for m in ranking], [m.count for m in ranking], title
            )
    written = []
    for name, svg in charts.items():
        write_atomic(folder / name, svg)
        written.append(folder / name)
    return written


__all__ = ["ArchiveStats", "Member", "YearRow", "collect", "text_report", "write_charts"]
