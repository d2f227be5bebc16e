"""Precision and recall of the appointments over the hand-written corpus (``make bench``).

The corpus ``tests/fixtures/termine/corpus.txt`` holds protocol lines with the appointments a
reader expects in the mail's ``Termine`` box (see the file's head for its layout). Each case
becomes a small protocol read by :func:`protokollkit.read`; what :func:`protokollkit.termine.
upcoming` finds is compared line by line, as the mail writes it. A found line that is not
expected counts against precision, an expected one not found against recall. Run
``python benchmarks/termine_corpus.py [-v]`` (``-v`` lists every miss).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "termine" / "corpus.txt"
NOTHING = "keiner"


@dataclass(frozen=True)
class Case:
    """One case of the corpus: the protocol lines, the expected mail lines, where it stands."""

    meeting: dt.date
    lines: tuple[str, ...]
    expected: tuple[str, ...]
    line: int


@dataclass
class Report:
    """Counts over the corpus and the cases that differ."""

    cases: int = 0
    lines: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    when_found: int = 0
    when_expected: int = 0
    when_right: int = 0
    misses: list[tuple[Case, list[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Found and expected / found."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Found and expected / expected."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def when_precision(self) -> float:
        """Like :attr:`precision`, comparing only when (date, time, kind, series), not titles."""
        return self.when_right / self.when_found if self.when_found else 1.0

    @property
    def when_recall(self) -> float:
        """Like :attr:`recall`, comparing only when, not titles."""
        return self.when_right / self.when_expected if self.when_expected else 1.0


def when(line: str) -> str:
    """The part of a mail line before the title: ``Fr 20.01.2023 (ganztägig)``."""
    return line.split(": ", 1)[0]


def load_cases(path: Path = CORPUS) -> list[Case]:
    """The cases of a corpus file, in order."""
    cases: list[Case] = []
    meeting: dt.date | None = None
    lines: list[str] = []
    expected: list[str] = []
    start = 0

    def flush() -> None:
        nonlocal lines, expected
        if lines or expected:
            if meeting is None or not lines or not expected:
                raise ValueError(f"{path}:{start}: Fall ohne Sitzung, Zeilen oder „=>“")
            wanted = () if expected == [NOTHING] else tuple(expected)
            cases.append(Case(meeting, tuple(lines), wanted, start))
        lines, expected = [], []

    for number, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        text = raw.rstrip()
        if text.startswith("## Sitzung "):
            flush()
            day, month, year = text.removeprefix("## Sitzung ").split(".")
            meeting = dt.date(int(year), int(month), int(day))
        elif not text.strip() or text.startswith("#"):
            flush()
        elif text.startswith("=> "):
            expected.append(text[3:])
        else:
            if not lines:
                start = number
            lines.append(text)
    flush()
    return cases


def protocol_text(case: Case) -> str:
    """The case as a protocol file: title with the meeting's date, one item, one speaker."""
    points = [line for line in case.lines if not line.startswith("Nächster Termin")]
    following = [line for line in case.lines if line.startswith("Nächster Termin")]
    body = "\n".join(points) if points else "- Keine weiteren Punkte"
    text = (
        f"Protokoll Stadtteiltisch {case.meeting:%d.%m.%Y}\n\n"
        "1 Aktuelles aus den Einrichtungen\n\nAnna Beispiel, SBZ\n\n"
        f"{body}\n"
    )
    if following:
        text += "\n" + "\n".join(following) + "\n"
    return text


def found_lines(case: Case) -> list[str]:
    """What the mail's Termine box shows for the case."""
    import protokollkit
    from protokollkit.termine import format_appointment, upcoming

    protocol = protokollkit.read(protocol_text(case))
    return [format_appointment(a) for a in upcoming(protocol)]


def evaluate(cases: list[Case]) -> Report:
    """Precision and recall over ``cases``."""
    report = Report(cases=len(cases))
    for case in cases:
        report.lines += len(case.lines)
        found = Counter(found_lines(case))
        wanted = Counter(case.expected)
        hits = sum((found & wanted).values())
        report.true_positives += hits
        report.false_positives += sum(found.values()) - hits
        report.false_negatives += sum(wanted.values()) - hits
        found_when = Counter(when(line) for line in found.elements())
        wanted_when = Counter(when(line) for line in wanted.elements())
        report.when_right += sum((found_when & wanted_when).values())
        report.when_found += sum(found_when.values())
        report.when_expected += sum(wanted_when.values())
        if found != wanted:
            report.misses.append((case, list(found.elements())))
    return report


def main(argv: list[str]) -> int:
    """Print the figures (and with ``-v`` each case that differs)."""
    report = evaluate(load_cases())
    if "-v" in argv:
        for case, found in report.misses:
            print(f"{CORPUS.name}:{case.line}: {' / '.join(case.lines)}")
            for line in case.expected or ("keiner",):
                print(f"    erwartet: {line}")
            for line in found or ["keiner"]:
                print(f"    gefunden: {line}")
    expected = report.true_positives + report.false_negatives
    print(
        f"Termin-Korpus: {report.cases} Fälle ({report.lines} Zeilen), {expected} erwartete "
        f"Termine; Precision {report.precision:.3f}, Recall {report.recall:.3f} "
        f"({report.true_positives} richtig, {report.false_positives} zu viel, "
        f"{report.false_negatives} fehlen); nur Zeitpunkt (ohne Titel): Precision "
        f"{report.when_precision:.3f}, Recall {report.when_recall:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
