"""``protokollkit build``: every output format of one protocol, rebuilt only when something changed.

The outputs are a list (:data:`OUTPUTS`); adding a format is adding a line. A manifest beside
the outputs (``.NAME.build.json``) records what they were made from: the input's hash, the
hashes of the templates, the protokollkit version and a hash of its code, and the hash of every
output. When all of that is unchanged and every output is still there as written, nothing is
rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protokollkit.diagnostics import Diagnostic, ProtokollkitError
from protokollkit.model import Protocol
from protokollkit.writers import WRITERS, Stamp


@dataclass(frozen=True)
class Output:
    """One file of a build: the writer's format name and the file name suffix (both from the
    writers' registry, :data:`protokollkit.writers.OUTPUT_FORMATS`)."""

    format: str
    suffix: str


def _outputs(*formats: str) -> tuple[Output, ...]:
    return tuple(Output(name, WRITERS[name].suffix) for name in formats)


OUTPUTS: tuple[Output, ...] = _outputs("docx", "markdown", "pdf", "email", "ics", "eml")
"""What ``protokollkit build`` writes, in this order (the .eml attaches the DOCX, PDF and .ics)."""

MAIL_PARTS: tuple[Output, ...] = _outputs("email-html")
"""Rendered like the outputs but written to no file of their own: the .eml's HTML part."""

IN_CHILD = frozenset({"markdown", "email", "ics", "email-html"})
"""Formats rendered in a forked second process (see :func:`render_in_child`)."""

IN_BACKGROUND = frozenset({"pdf"})
"""Formats rendered on a second thread while the others are written: Typst compiles without
holding Python's GIL, so the PDF costs next to nothing on top of the DOCX."""

SHARED_MODULES = ("protokollkit.termine", "protokollkit.writers.email")
"""Imported before the fork (see :func:`render_all`): the appointments (the mail text, the .ics,
the plausibility warnings) and the mail writer (the child's mail text, this side's .eml)."""

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


def render(
    protocol: Protocol, output: Output, done: Mapping[str, str | bytes], stamp: Stamp
) -> str | bytes:
    """One output; the .eml attaches the DOCX, PDF and .ics already rendered in this build."""
    import protokollkit

    if output.format == "eml":
        from protokollkit.writers.email import write_eml

        return write_eml(protocol, rendered=done, stamp=stamp)
    return protokollkit.write(protocol, output.format, stamp=stamp)


class ChildRender:
    """Formats being rendered in a forked process: :meth:`wait` collects them, :meth:`cancel`
    stops the child when the build fails on this side (no half-read pipe, no zombie)."""

    def __init__(self, pid: int, read_end: int) -> None:
        self.pid = pid
        self.read_end = read_end

    def wait(self) -> dict[str, Any]:
        """The rendered formats, or the child's German error as a ProtokollkitError."""
        with os.fdopen(self.read_end, "rb") as pipe:
            self.read_end = -1
            payload = pipe.read()
        os.waitpid(self.pid, 0)
        self.pid = 0
        if not payload:
            raise ProtokollkitError("Ein Hilfsprozess des Builds ist unerwartet beendet worden.")
        status, value = pickle.loads(payload)
        if status == "parse":
            from protokollkit.diagnostics import ParseError

            raise ParseError(value)
        if status != "ok":
            raise ProtokollkitError(value)
        result: dict[str, Any] = value
        return result

    def cancel(self) -> None:
        """Stop the child and reap it; harmless after :meth:`wait`."""
        import signal

        if self.read_end >= 0:
            os.close(self.read_end)
            self.read_end = -1
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def _child(write_end: int, protocol: Protocol, outputs: list[Output], stamp: Stamp) -> None:
    """The forked child's whole life: render, send the result, leave without any cleanup."""
    code = 0
    try:
        from protokollkit.diagnostics import ParseError

        try:
            payload = pickle.dumps(
                ("ok", {o.format: render(protocol, o, {}, stamp) for o in outputs})
            )
        except ParseError as exc:
            payload = pickle.dumps(("parse", exc.diagnostics))
        except ProtokollkitError as exc:
            payload = pickle.dumps(("error", str(exc)))
        except BaseException as exc:
            payload = pickle.dumps(("error", f"interner Fehler ({type(exc).__name__})"))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # a closed pipe (the parent gave up): nothing to print
        code = 1
    finally:
        os._exit(code)


def start_child(
    protocol: Protocol, formats: frozenset[str], stamp: Stamp
) -> ChildRender | dict[str, Any]:
    """Fork a :class:`ChildRender` for ``formats`` (or render them here without ``fork``)."""
    outputs = [output for output in (*OUTPUTS, *MAIL_PARTS) if output.format in formats]
    if not hasattr(os, "fork") or not outputs:
        return {output.format: render(protocol, output, {}, stamp) for output in outputs}
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(write_end, protocol, outputs, stamp)
    os.close(write_end)
    return ChildRender(pid, read_end)


def render_all(
    protocol: Protocol, stamp: Stamp, progress: Callable[[str], None] | None = None
) -> dict[str, str | bytes]:
    """Every output in memory: :data:`IN_CHILD` in a second process, :data:`IN_BACKGROUND` on
    a thread, the rest here, all at the same time; ``stamp`` is the one moment of the whole
    build. ``progress`` hears of each format done."""
    from concurrent.futures import ThreadPoolExecutor

    done: dict[str, str | bytes] = {}
    # Modules both sides need are imported once, before the fork: the child inherits them and
    # this side has them ready for the .eml when the child's results arrive.
    for module in SHARED_MODULES:
        importlib.import_module(module)
    child = start_child(protocol, IN_CHILD, stamp)  # fork before any thread is started
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            background = {
                output.format: pool.submit(render, protocol, output, {}, stamp)
                for output in OUTPUTS
                if output.format in IN_BACKGROUND
            }
            child_results: dict[str, Any] | None = None
            for output in OUTPUTS:
                if output.format in background:
                    done[output.format] = background[output.format].result()
                elif output.format in IN_CHILD:
                    if child_results is None:
                        child_results = child.wait() if isinstance(child, ChildRender) else child
                    done.update(child_results)  # with the .eml's HTML part
                else:
                    done[output.format] = render(protocol, output, done, stamp)
                if progress is not None:
                    progress(output.format)
    finally:
        if isinstance(child, ChildRender):
            child.cancel()
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


LARGE = 2_000
"""Protocols with more points than this report each finished format (``progress``)."""


def build(
    source: Path,
    out_dir: Path,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    stamp: Stamp | None = None,
) -> BuildResult:
    """Write every format of the protocol ``source`` into ``out_dir`` as one set.

    Nothing is written when the manifest shows the same input, templates and code and every
    output is still as written; ``force`` rebuilds anyway. Every output is first written to a
    temporary file beside it; only when all of them are there are they renamed into place, so a
    failure (disk full, a writer error) leaves the previous set untouched. ``progress`` hears
    German progress lines for large protocols. ``stamp`` is the moment of writing (the .ics's
    ``DTSTAMP``, the .eml's ``Date``); without one the clock (or ``SOURCE_DATE_EPOCH``).
    """
    import protokollkit
    from protokollkit.files import check_output, read_bytes, remove_stale_temporaries
    from protokollkit.readers import format_of, reader
    from protokollkit.validate import ensure_writable

    data = read_bytes(source)
    remove_stale_temporaries(out_dir)  # left by a build that was killed
    outputs = output_paths(source, out_dir)
    manifest_path = out_dir / f".{source.stem}.build.json"
    for path in (*outputs, manifest_path):
        check_output(path, [source], hint=": bitte mit -o einen anderen Ordner angeben")
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

    from protokollkit.files import display, source_text

    protocol = reader(format_of(source))(data, display(source))
    text = source_text(source)
    ensure_writable(protocol, display(source), text)
    points = len(protocol.all_points())
    tell = progress if progress is not None and points > LARGE else None
    if tell is not None:
        tell(f"Baue {len(OUTPUTS)} Formate für {points} Punkte …")
    from protokollkit.writers import now

    done = render_all(
        protocol,
        stamp or now(),
        (lambda fmt: tell(f"  fertig: {fmt}")) if tell is not None else None,
    )
    payloads: dict[Path, bytes] = {}
    hashes: dict[str, str] = {}
    for output, path in zip(OUTPUTS, outputs, strict=True):
        result = done[output.format]
        payloads[path] = result.encode("utf-8") if isinstance(result, str) else result
        hashes[path.name] = sha256(payloads[path])
    manifest = {"inputs": inputs, "outputs": hashes, "source": os.fsdecode(source)}
    # ASCII escapes: a file name that is not UTF-8 is kept as \udcXX, never a crash.
    payloads[manifest_path] = (json.dumps(manifest, ensure_ascii=True, indent=2) + "\n").encode()
    write_set(payloads, first_removed=manifest_path)
    from protokollkit.plausibility import check_plausibility

    diagnostics = (*protocol.diagnostics, *check_plausibility(protocol, display(source)))
    return BuildResult(tuple(outputs), tuple(outputs), manifest_path, diagnostics)


def write_set(payloads: Mapping[Path, bytes], first_removed: Path | None = None) -> None:
    """Write several files as one set: all to temporary files, then renamed into place.

    If a temporary file cannot be written, the others are removed and the old files stay as they
    were. ``first_removed`` (the manifest) is taken away before the first rename and written
    last, so an interrupted swap is seen as out of date and rebuilt by the next run.
    """
    from protokollkit.files import os_error, write_temporary

    temporaries: dict[Path, Path] = {}
    current = next(iter(payloads))
    try:
        # Each temporary file is synced to disk, which waits for the disk and not for Python:
        # on threads they are all written at once. A failure names the first file it hit.
        results = _write_temporaries(payloads, write_temporary)
        for path, written in results.items():
            if isinstance(written, Path):
                temporaries[path] = written
        for path, written in results.items():
            if not isinstance(written, Path):
                current = path
                raise written
        if first_removed is not None:
            current = first_removed
            with contextlib.suppress(FileNotFoundError):
                first_removed.unlink()
        for path, tmp in temporaries.items():
            if path != first_removed:
                current = path
                os.replace(tmp, path)
        if first_removed is not None and first_removed in temporaries:
            current = first_removed
            os.replace(temporaries[first_removed], first_removed)
    except OSError as exc:
        raise os_error(exc, current) from None
    finally:
        for tmp in temporaries.values():
            tmp.unlink(missing_ok=True)


def _write_temporaries(
    payloads: Mapping[Path, bytes], write: Callable[[Path, bytes], Path]
) -> dict[Path, Path | BaseException]:
    """``write`` for every payload on threads: path → its temporary file, or what went wrong
    (an OS error in German names the path; others are raised here)."""
    from concurrent.futures import ThreadPoolExecutor

    from protokollkit.diagnostics import ProtokollkitError

    def one(item: tuple[Path, bytes]) -> Path | BaseException:
        try:
            return write(*item)
        except (OSError, ProtokollkitError) as exc:
            return exc

    with ThreadPoolExecutor(max_workers=len(payloads) or 1) as pool:
        return dict(zip(payloads, pool.map(one, payloads.items()), strict=True))


def newest_with_content(folder: Path) -> tuple[Path, list[Path]]:
    """The newest protocol in ``folder`` that has content, and the newer ones skipped.

    A protocol has content when it has a point that is not carried over from an earlier one
    (``new`` writes skeletons whose only points end with ``(aus dem Protokoll vom …)``).
    """
    import protokollkit

    candidates = sorted(
        (
            p
            for p in folder.glob("*.txt")
            if p.is_file() and not p.name.startswith(".") and ".vorher" not in p.name
        ),
        reverse=True,
    )
    skipped: list[Path] = []
    for path in candidates:
        try:
            protocol = protokollkit.read(path)
        except (ProtokollkitError, OSError):
            skipped.append(path)
            continue
        if any("(aus dem Protokoll vom" not in p.text for p in protocol.all_points()):
            return path, skipped
        skipped.append(path)
    from protokollkit.files import display

    raise ProtokollkitError(f"Kein Protokoll mit Inhalt in {display(folder)}/ gefunden.")
