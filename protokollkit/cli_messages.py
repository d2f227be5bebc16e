"""German texts for what click itself prints (usage lines, option help, usage errors).

click marks its messages for gettext but ships no translations; its modules call the module
global ``_``/``ngettext`` at run time, so pointing those at this table is enough.
"""

from __future__ import annotations

import importlib

GERMAN: dict[str, str] = {
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Argumente",
    "Show this message and exit.": "Diese Hilfe anzeigen und beenden.",
    "Show the version and exit.": "Die Version anzeigen und beenden.",
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe: „{command} {option}“.",
    "Missing argument": "Es fehlt das Argument",
    "Missing option": "Es fehlt die Option",
    "Missing parameter": "Es fehlt der Parameter",
    "Missing command.": "Es fehlt ein Befehl.",
    "No such command {name!r}.": "Unbekannter Befehl {name!r}.",
    "No such option {name!r}.": "Unbekannte Option {name!r}.",
    "Option {name!r} does not take a value.": "Option {name!r} nimmt keinen Wert.",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Aborted!": "Abgebrochen.",
    "default: {default}": "Vorgabe: {default}",
    "required": "nötig",
    "Error: invalid input": "Fehler: ungültige Eingabe",
    "{name} {filename!r} does not exist.": "{name} {filename!r} gibt es nicht.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht beschreibbar.",
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige Zahl.",
    "{value} is not in the range {range}.": "{value} ist nicht erlaubt ({range}).",
}
"""click's English message → German."""

GERMAN_PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Unerwartetes zusätzliches Argument ({args})",
        "Unerwartete zusätzliche Argumente ({args})",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} ist nicht {choice}.",
        "{value!r} ist keins von {choices}.",
    ),
    "Option {name!r} requires an argument.": (
        "Option {name!r} braucht einen Wert.",
        "Option {name!r} braucht {nargs} Werte.",
    ),
    "Did you mean {possibility}?": (
        "Meinten Sie {possibility}?",
        "(Meinten Sie eins von: {possibilities}?)",
    ),
}
"""click's singular message → German (singular, plural)."""


def gettext(message: str) -> str:
    """The German text for a click message (unknown ones stay as they are)."""
    return GERMAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The German singular or plural for a click message."""
    one, many = GERMAN_PLURAL.get(singular, (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Point click's message functions at the German table."""
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
