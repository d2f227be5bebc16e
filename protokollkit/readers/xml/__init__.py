"""The XML layer of the direct office readers: the only place that imports lxml.

Like python-docx's ``oxml/``: everything here speaks XML (parts of a zip package, elements,
namespaces); everything above it speaks in the paragraphs and runs of
:mod:`protokollkit.readers.office`. :mod:`~protokollkit.readers.xml.wordml` reads .docx,
:mod:`~protokollkit.readers.xml.odf` reads .odt.

The parser is safe for untrusted documents: no entities resolved (no XXE), no DTD loaded, no
network, ``huge_tree`` off (lxml's limits on depth and text size stay on). The zip container
has already been checked by :mod:`protokollkit.safety` (size, zip bomb, encryption, CRC).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from protokollkit.diagnostics import error

Element = Any
"""An lxml element (lxml ships no type information of its own)."""

MAX_DEPTH = 256
"""libxml2's nesting limit without ``huge_tree``; no office document comes near it, and it keeps
the readers' recursion far from Python's limit."""

PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class Package:
    """The parts of a zip container (a .docx or .odt), parsed on demand.

    ``aliases`` maps namespace URIs to the ones the readers use (Word's "Strict Open XML"
    spells the same elements in other namespaces); they are replaced in each part's bytes
    before it is parsed.
    """

    def __init__(self, data: bytes, source: str, aliases: dict[bytes, bytes] | None = None) -> None:
        self.source = source
        self.aliases = aliases or {}
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._names = set(self._zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise error("Die Datei ist beschädigt (kein lesbarer ZIP-Container).", source) from None

    def __contains__(self, name: str) -> bool:
        return name in self._names

    @property
    def names(self) -> frozenset[str]:
        """The names of the package's parts."""
        return frozenset(self._names)

    def raw(self, name: str) -> bytes | None:
        """The raw bytes of a part, or None when the package has no such part."""
        if name not in self._names:
            return None
        try:
            return self._zip.read(name)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise error(
                f"Die Datei ist beschädigt: Teil „{name}“ ist nicht lesbar.", self.source
            ) from None

    def xml(self, name: str) -> Element | None:
        """A part parsed as XML, or None when the package has no such part.

        A part that is not well-formed XML is an error: the document is damaged.
        """
        data = self.raw(name)
        return None if data is None else parse(self._aliased(data), name, self.source)

    def required(self, name: str) -> Element:
        """A part the document cannot do without, parsed as XML."""
        data = self.raw(name)
        if data is None:
            raise error(f"Die Datei ist beschädigt: „{name}“ fehlt.", self.source)
        return parse(self._aliased(data), name, self.source)

    def _aliased(self, data: bytes) -> bytes:
        for alias, uri in self.aliases.items():
            if alias in data:
                data = data.replace(b'"' + alias + b'"', b'"' + uri + b'"')
        return data


def parse(data: bytes, part: str, source: str) -> Element:
    """Parse one XML part safely; a German error naming the file and part when it is broken."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else 0
        reason = str(exc).lower()
        if "depth" in reason:
            why = f"ist zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)"
        elif "amplification" in reason or "entity" in reason:
            why = "enthält sich vervielfachende XML-Entitäten (eine XML-Bombe?)"
        else:
            why = f"ist kein gültiges XML (Zeile {line})"
        raise error(f"Die Datei ist beschädigt: „{part}“ {why}.", source) from None
    if b"<!ENTITY" in data:
        # An entity the parser does not resolve stays a node of its own (no office program
        # writes one): drop it and keep the text after it, so the readers see only elements.
        etree.strip_tags(root, etree.Entity)
    return root
