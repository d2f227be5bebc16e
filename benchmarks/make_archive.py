"""Write a synthetic archive of protocols in the canonical text layout (for ``make bench``).

``python benchmarks/make_archive.py DIR --anzahl 5000`` writes DIR/JJJJ-MM-TT-<gremium>.txt:
dates from 2003 to 2025, several meetings (Stadtteiltisch, AG Wohnen …), about 300 people from
60 institutions, agenda items, speaker blocks, points with appointments, open questions and
tasks, and a next-meeting line. The same seed gives the same archive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

MEETINGS = (
    "Stadtteiltisch",
    "AG Wohnen",
    "AK Jugend",
    "Netzwerk Familie",
    "Runder Tisch Senioren",
    "AG Stadtteilfest",
    "Sprecherrat",
    "AK Gesundheit",
)
FIRST = (
    "Anna",
    "Jörg",
    "Maren",
    "Dirk",
    "Ilona",
    "Kay-Sören",
    "Marén",
    "Iris",
    "Sebastian",
    "Nicole",
    "Lucia",
    "Kathrin",
    "Robin",
    "Antonia",
    "Björn",
    "Özlem",
    "Grit",
    "Uwe",
    "Sabine",
    "Jens",
    "Tanja",
    "Mehmet",
    "Olga",
    "Frauke",
    "Heiko",
    "Ute",
    "Lars",
    "Svenja",
    "Günther",
    "Ines",
)
LAST = (
    "Müller",
    "Schröder",
    "Krug",
    "Wiese",
    "Drenkhahn",
    "Eberhard",
    "Malner",
    "Eckhardt",
    "Engler",
    "Ziegler",
    "Scheller",
    "Czarnecki",
    "Utpatel",
    "Voß",
    "Weiß",
    "Köhler",
    "Brandt",
    "Haß",
    "Lüders",
    "Peters",
    "Nguyen",
    "Yılmaz",
    "Kowalski",
    "Ehlers",
    "Jäger",
    "Schulz",
)
INSTITUTIONS = (
    "SBZ",
    "WIRO KundenCenter",
    "Stadtteilmanagement",
    "Ortsbeirat",
    "AWO Flex Team",
    "IBS / RoDeFa",
    "Väterarbeit Charisma e.V.",
    "Kita Sonnenschein",
    "Grundschule am Mühlenteich",
    "Jugendclub Likedeeler",
    "Diakonie",
    "Caritas",
    "Polizei Revier Lichtenhagen",
    "Bibliothek",
    "Seniorenbüro",
    "Tafel",
    "Kirchengemeinde",
    "Quartiersbüro",
    "Jobcenter",
    "Sportverein",
    "Mieterbund",
    "Wohnungsgenossenschaft",
    "Beratungsstelle COME IN",
    "Familienzentrum",
    "Gesundheitsamt",
    "Volkshochschule",
    "Migrationsberatung",
    "Schuldnerberatung",
    "Theaterwerkstatt",
    "Gartenprojekt",
    "Suchtberatung",
    "Hort Pusteblume",
    "Pflegestützpunkt",
    "Nachbarschaftshilfe",
    "Elternrat",
    "Schulsozialarbeit",
    "Streetwork",
    "Bürgerverein",
    "Stadtbibliothek Nordwest",
    "Amt für Jugend und Soziales",
    "Kulturhaus",
    "Feuerwehr",
    "Frauenhaus",
    "Senior*innenbeirat",
    "Umweltgruppe",
    "Radverkehr AG",
    "Musikschule",
    "Integrationsfachdienst",
    "Lebenshilfe",
    "Hospizverein",
    "Kinderschutzbund",
    "Tanzschule",
    "Fahrradwerkstatt",
    "Repair-Café",
    "Gemeinschaftsgarten",
    "Sozialpsychiatrie",
    "Ehrenamtsbörse",
    "Verbraucherzentrale",
    "Netzwerk Demokratie",
    "Stadtteilzeitung",
)
TOPICS = (
    "Weihnachtsmarkt",
    "Sommerfest",
    "Stadtteilfest",
    "Spielplatz Gerüstbauerring",
    "Sozialraumorientierung",
    "Mieterhöhungen",
    "Sanierung Warnowallee",
    "Fläche Troika",
    "Jugendbeteiligung",
    "Seniorenfrühstück",
    "Frühjahrsputz",
    "Haushalt des Ortsbeirats",
    "Verkehrsberuhigung",
    "Nachbarschaftscafé",
    "Ferienprogramm",
    "Energiekosten",
    "Integrationskurse",
    "Stadtteilzeitung",
    "Ehrenamtsempfang",
    "Kinderschutz",
)
PHRASES = (
    "{topic}: {date} {time} im {place}",
    "Aufbau ab {hour}.30 Uhr",
    "{topic} wird vorbereitet, Helfer*innen werden noch gesucht",
    "Die Weihnachtsmärkte im Nordwesten stimmen sich ab",
    "Bericht vom Vernetzungstreffen zum Thema {topic}",
    "Neue Flyer zu {topic} liegen aus",
    "wer möchte beim {topic} mithelfen?",
    "{topic} soll nochmal besprochen werden",
    "Finanzierung für {topic} ist noch offen",
    "Rückmeldung bis {date} an das Stadtteilmanagement",
    "{count} Teilnehmende beim letzten {topic}",
    "Öffnungszeiten ändern sich ab {date}",
    "Die Straße am {place} wird ab {date} gesperrt",
    "Anmeldung zum {topic} über die Geschäftsstelle",
    "Projekt geplant ({topic}), Kooperation mit der {institution}",
    "Stelle weiterhin nicht besetzt",
    "Mieter*innen können Aufträge über die App auslösen",
)
PLACES = ("SBZ", "Signalgastweg", "Bürgerhaus", "Jugendclub", "Warnowpark", "Gemeindehaus")


def _people(rng: random.Random, count: int) -> list[tuple[str, str | None]]:
    names: set[str] = set()
    people: list[tuple[str, str | None]] = []
    while len(people) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in names:
            continue
        names.add(name)
        institution = rng.choice(INSTITUTIONS) if rng.random() < 0.85 else None
        people.append((name, institution))
    return people


def _phrase(rng: random.Random, date: dt.date) -> str:
    later = date + dt.timedelta(days=rng.randint(3, 60))
    hour = rng.randint(9, 17)
    return rng.choice(PHRASES).format(
        topic=rng.choice(TOPICS),
        date=f"{later.day}.{later.month}.{later.year}",
        time=f"{hour}-{hour + 2} Uhr",
        hour=hour - 2,
        place=rng.choice(PLACES),
        count=rng.randint(5, 300),
        institution=rng.choice(INSTITUTIONS),
    )


def protocol_text(
    rng: random.Random, meeting: str, date: dt.date, people: list[tuple[str, str | None]]
) -> str:
    """One protocol in the canonical text layout."""
    present = rng.sample(people, rng.randint(6, 18))
    lines = [f"Protokoll {meeting} {date:%d.%m.%y}", ""]
    lines.append(
        "Teilnehmende: "
        + ", ".join(f"{n} ({i})" if i and rng.random() < 0.5 else n for n, i in present)
    )
    lines.append("")
    lines += ["1 Aktuelles aus den Einrichtungen", ""]
    for name, institution in rng.sample(present, min(len(present), rng.randint(3, 8))):
        lines.append(f"{name}, {institution}" if institution else name)
        lines.append("")
        lines += [f"- {_phrase(rng, date)}" for _ in range(rng.randint(0, 4))]
        if lines[-1] != "":
            lines.append("")
    for number, topic in enumerate(rng.sample(TOPICS, rng.randint(1, 4)), start=2):
        lines += [f"{number} {topic}", ""]
        lines += [f"- {_phrase(rng, date)}" for _ in range(rng.randint(1, 5))]
        lines.append("")
    following = date + dt.timedelta(days=rng.choice((14, 28, 35, 42)))
    lines.append(f"Nächster Termin: {following.day}.{following.month}.{following.year}, 14 Uhr")
    return "\n".join(lines) + "\n"


def make_archive(folder: Path, count: int, seed: int = 13) -> list[Path]:
    """Write ``count`` protocols into ``folder``; return their paths (sorted)."""
    rng = random.Random(seed)
    people = _people(rng, 300)
    folder.mkdir(parents=True, exist_ok=True)
    first, last = dt.date(2003, 1, 1), dt.date(2025, 12, 31)
    span = (last - first).days
    written: set[Path] = set()
    while len(written) < count:
        date = first + dt.timedelta(days=rng.randint(0, span))
        meeting = rng.choice(MEETINGS)
        slug = meeting.lower().replace(" ", "-")
        path = folder / f"{date.isoformat()}-{slug}.txt"
        if path in written:
            continue
        path.write_text(protocol_text(rng, meeting, date, people), "utf-8")
        written.add(path)
    return sorted(written)


def main() -> None:
    """Command line: folder, ``--anzahl``, ``--seed``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ordner", type=Path)
    parser.add_argument("--anzahl", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=13)
    arguments = parser.parse_args()
    paths = make_archive(arguments.ordner, arguments.anzahl, arguments.seed)
    print(f"{len(paths)} Protokolle in {arguments.ordner}")


if __name__ == "__main__":
    main()
