"""``protokollkit build``: every output format of one protocol, rebuilt only when something changed.

The outputs are a list (:data:`OUTPUTS`); adding a format is adding a line. A manifest beside
the outputs (``.NAME.build.json``) records what they were made from: the input's hash, the
hashes of the templates, the protokollkit version and a hash of its code, and the hash of every
output. When all of that is unchanged and every output is still there as written, nothing is
rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protokollkit.diagnostics import Diagnostic, ProtokollkitError
from protokollkit.model import Protocol


@dataclass(frozen=True)
class Output:
    """One file of a build: the writer's format name and the file name suffix."""

    format: str
    suffix: str


OUTPUTS: tuple[Output, ...] = (
    Output("docx", ".docx"),
    Output("markdown", ".md"),
    Output("pdf", ".pdf"),
    Output("email", ".email.txt"),
    Output("ics", ".ics"),
    Output("eml", ".eml"),
)
"""What ``protokollkit build`` writes, in this order (the .eml attaches the DOCX, PDF and .ics)."""

MAIL_PARTS: tuple[Output, ...] = (Output("email-html", ".html"),)
"""Rendered like the outputs but written to no file of their own: the .eml's HTML part."""

IN_CHILD = frozenset({"markdown", "email", "ics", "email-html"})
"""Formats rendered in a forked second process (see :func:`render_in_child`)."""

IN_BACKGROUND = frozenset({"pdf"})
"""Formats rendered on a second thread while the others are written: Typst compiles without
holding Python's GIL, so the PDF costs next to nothing on top of the DOCX."""

MANIFEST_VERSION = 1
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the files written (none when up to date) and the reader's warnings."""

    outputs: tuple[Path, ...]
    written: tuple[Path, ...]
    manifest: Path
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def up_to_date(self) -> bool:
        """True when nothing had to be rebuilt."""
        return not self.written


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def code_fingerprint() -> str:
    """A hash over protokollkit's own source files, so changed code means a rebuild."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def templates_fingerprint() -> dict[str, str]:
    """Path → hash of every file in every template folder that would be searched."""
    from protokollkit.templates import vorlagen_dirs

    result: dict[str, str] = {}
    for folder in vorlagen_dirs():
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and not path.name.startswith("."):
                    result[str(path.resolve())] = sha256(path.read_bytes())
    return result


def output_paths(source: Path, out_dir: Path) -> list[Path]:
    """``DIR/NAME.docx`` … for the input ``…/NAME.txt``."""
    return [out_dir / f"{source.stem}{output.suffix}" for output in OUTPUTS]


def render(protocol: Protocol, output: Output, done: Mapping[str, str | bytes]) -> str | bytes:
    """One output; the .eml attaches the DOCX, PDF and .ics already rendered in this build."""
    import protokollkit

    if output.format == "eml":
        from protokollkit.writers.email import write_eml

        return write_eml(protocol, rendered=done)
    return protokollkit.write(protocol, output.format)


def render_in_child(protocol: Protocol, formats: frozenset[str]) -> Callable[[], dict[str, Any]]:
    """Start rendering ``formats`` in a forked process; the returned function waits for them.

    A second process has its own interpreter lock, so its imports and rendering (icalendar is
    slow to import) run on the second core while this process writes the DOCX. Where there is no
    ``fork`` the formats are rendered right here.
    """
    outputs = [output for output in (*OUTPUTS, *MAIL_PARTS) if output.format in formats]
    if not hasattr(os, "fork") or not outputs:
        results = {output.format: render(protocol, output, {}) for output in outputs}
        return lambda: results
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send the result, leave without running any cleanup
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", {o.format: render(protocol, o, {}) for o in outputs}))
        except BaseException as exc:
            message = str(exc) if isinstance(exc, ProtokollkitError) else repr(exc)
            payload = pickle.dumps(("error", message))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)

    def wait() -> dict[str, Any]:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
        if not payload:
            raise ProtokollkitError("Ein Hilfsprozess des Builds ist unerwartet beendet worden.")
        status, value = pickle.loads(payload)
        if status != "ok":
            raise ProtokollkitError(value)
        result: dict[str, Any] = value
        return result

    return wait


def render_all(protocol: Protocol) -> dict[str, str | bytes]:
    """Every output in memory: :data:`IN_CHILD` in a second process, :data:`IN_BACKGROUND` on
    a thread, the rest here, all at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    done: dict[str, str | bytes] = {}
    from_child = render_in_child(protocol, IN_CHILD)  # fork before any thread is started
    with ThreadPoolExecutor(max_workers=1) as pool:
        background = {
            output.format: pool.submit(render, protocol, output, {})
            for output in OUTPUTS
            if output.format in IN_BACKGROUND
        }
        child_results: dict[str, Any] | None = None
        for output in OUTPUTS:
            if output.format in background:
                done[output.format] = background[output.format].result()
            elif output.format in IN_CHILD:
                child_results = child_results if child_results is not None else from_child()
                done.update(child_results)  # with the .eml's HTML part
            else:
                done[output.format] = render(protocol, output, done)
    return done


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest of an earlier build, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_up_to_date(
    manifest: dict[str, Any] | None, inputs: dict[str, Any], outputs: list[Path]
) -> bool:
    """Whether the earlier build used the same inputs and its outputs are untouched."""
    if manifest is None or manifest.get("inputs") != inputs:
        return False
    recorded = manifest.get("outputs")
    if not isinstance(recorded, dict) or set(recorded) != {p.name for p in outputs}:
        return False
    for path in outputs:
        try:
            if sha256(path.read_bytes()) != recorded[path.name]:
                return False
        except OSError:
            return False
    return True


def build(source: Path, out_dir: Path, *, force: bool = False) -> BuildResult:
    """Write every format of the protocol ``source`` into ``out_dir``, each file atomically.

    Nothing is written when the manifest shows the same input, templates and code and every
    output is still as written; ``force`` rebuilds anyway.
    """
    import protokollkit
    from protokollkit.files import read_bytes, write_atomic
    from protokollkit.readers import format_of, reader

    data = read_bytes(source)
    outputs = output_paths(source, out_dir)
    for path in outputs:
        if path.resolve() == source.resolve():
            raise ProtokollkitError(
                f"{path} würde die Eingabe überschreiben: bitte mit -o einen anderen Ordner "
                "angeben."
            )
    manifest_path = out_dir / f".{source.stem}.build.json"
    inputs = {
        "manifest": MANIFEST_VERSION,
        "input": sha256(data),
        "input_format": format_of(source),
        "version": protokollkit.__version__,
        "code": code_fingerprint(),
        "vorlagen": templates_fingerprint(),
    }
    if not force and is_up_to_date(read_manifest(manifest_path), inputs, outputs):
        return BuildResult(tuple(outputs), (), manifest_path)

    protocol = reader(format_of(source))(data, str(source))
    done = render_all(protocol)
    hashes: dict[str, str] = {}
    for output, path in zip(OUTPUTS, outputs, strict=True):
        result = done[output.format]
        payload = result.encode("utf-8") if isinstance(result, str) else result
        write_atomic(path, payload)
        hashes[path.name] = sha256(payload)
    manifest = {"inputs": inputs, "outputs": hashes, "source": str(source)}
    write_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    from protokollkit.plausibility import check_plausibility

    diagnostics = (*protocol.diagnostics, *check_plausibility(protocol, str(source)))
    return BuildResult(tuple(outputs), tuple(outputs), manifest_path, diagnostics)
