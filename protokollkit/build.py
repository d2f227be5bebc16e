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

IN_CHILD = frozenset({"docx", "ics", "markdown"})
"""Formats rendered in a second process that is forked before the protocol is read (see
:func:`start_child`)."""

CHILD_IMPORTS = (
    "docx",
    "protokollkit.writers.docx",
    "icalendar",
    "protokollkit.writers.ics",
    "protokollkit.writers.markdown",
)
"""What the child imports while this side reads the protocol: python-docx and icalendar are
the largest imports of a build, and nothing on this side needs them."""

SHARED_MODULES = ("protokollkit.termine", "protokollkit.writers.present")
"""Imported before the fork (see :func:`start_child`): both sides need them (the appointments
for the mail text and the .ics, the presentation for the mail and the DOCX)."""

IN_BACKGROUND = frozenset({"pdf"})
"""Formats rendered on a second thread while the others are rendered: Typst compiles without
holding Python's GIL."""

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
    seen: set[Path] = set()
    for folder in vorlagen_dirs():
        if folder.is_dir() and folder.resolve() not in seen:
            seen.add(folder.resolve())  # ./vorlagen is often the project's folder itself
            for path in sorted(folder.iterdir()):
                if path.is_file() and not path.name.startswith("."):
                    result[str(path.resolve())] = sha256(path.read_bytes())
    return result


MANIFEST_SUFFIX = ".build.json"


def output_stem(source: Path) -> str:
    """``NAME`` of the outputs of ``…/NAME.txt``; shortened (with a hash of the whole) when
    ``NAME`` with the longest suffix of a build would be too long a file name."""
    from protokollkit.files import fit_name

    longest = max(len(o.suffix.encode()) for o in OUTPUTS)
    return fit_name(source.stem, "", max(longest, len("." + MANIFEST_SUFFIX)))


def output_paths(source: Path, out_dir: Path) -> list[Path]:
    """``DIR/NAME.docx`` … for the input ``…/NAME.txt``."""
    stem = output_stem(source)
    return [out_dir / f"{stem}{output.suffix}" for output in OUTPUTS]


def render(
    protocol: Protocol, output: Output, done: Mapping[str, str | bytes], stamp: Stamp
) -> str | bytes:
    """One output of a protocol that :func:`protokollkit.validate.ensure_writable` has passed
    for every format; the .eml attaches the DOCX, PDF and .ics already rendered in this build."""
    from protokollkit.writers import render as render_format

    options: dict[str, Any] = {"rendered": done} if output.format == "eml" else {}
    rendered = render_format(protocol, output.format, stamp, **options)
    return rendered.data if rendered.binary else rendered.text


class ChildRender:
    """A forked process that renders some formats: it imports their libraries at once
    (:data:`CHILD_IMPORTS`), then waits for the protocol (:meth:`send`); :meth:`wait` collects
    the formats, :meth:`cancel` stops the child when the build fails on this side (no
    half-read pipe, no zombie)."""

    def __init__(self, pid: int, job_end: int, result_end: int) -> None:
        self.pid = pid
        self.job_end = job_end
        self.result_end = result_end

    def send(self, protocol: Protocol, stamp: Stamp) -> None:
        """Hand the child the protocol to render (a child that has died is noticed by
        :meth:`wait`)."""
        job = pickle.dumps((protocol, stamp), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with os.fdopen(self.job_end, "wb") as pipe:
                self.job_end = -1
                pipe.write(job)
        except OSError:
            pass

    def wait(self) -> dict[str, Any]:
        """The rendered formats, or the child's German error as a ProtokollkitError."""
        with os.fdopen(self.result_end, "rb") as pipe:
            self.result_end = -1
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

        for end in (self.job_end, self.result_end):
            if end >= 0:
                os.close(end)
        self.job_end = self.result_end = -1
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def _child(job_end: int, result_end: int, outputs: list[Output]) -> None:
    """The forked child's whole life: import, wait for the protocol, render, send the result,
    leave without any cleanup."""
    code = 0
    try:
        for module in CHILD_IMPORTS:
            # A library that cannot be imported fails again in its writer, with its message.
            with contextlib.suppress(Exception):
                importlib.import_module(module)
        with os.fdopen(job_end, "rb") as pipe:
            job = pipe.read()
        if not job:  # the build failed on the other side
            os._exit(0)
        from protokollkit.diagnostics import ParseError

        try:
            protocol, stamp = pickle.loads(job)
            payload = pickle.dumps(
                ("ok", {o.format: render(protocol, o, {}, stamp) for o in outputs})
            )
        except ParseError as exc:
            payload = pickle.dumps(("parse", exc.diagnostics))
        except ProtokollkitError as exc:
            payload = pickle.dumps(("error", str(exc)))
        except BaseException as exc:
            payload = pickle.dumps(("error", f"interner Fehler ({type(exc).__name__})"))
        with os.fdopen(result_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # a closed pipe (the parent gave up): nothing to print
        code = 1
    finally:
        os._exit(code)


def start_child(formats: frozenset[str] = IN_CHILD) -> ChildRender | None:
    """Fork a :class:`ChildRender` for ``formats``; None without ``fork`` (they are rendered
    here then). Called before any thread is started and before the protocol is read, so that
    the child's imports run beside the reading."""
    outputs = [output for output in OUTPUTS if output.format in formats]
    if not hasattr(os, "fork") or not outputs:
        return None
    for module in SHARED_MODULES:
        importlib.import_module(module)
    job_read, job_write = os.pipe()
    result_read, result_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(job_write)
        os.close(result_read)
        _child(job_read, result_write, outputs)
    os.close(job_read)
    os.close(result_write)
    return ChildRender(pid, job_write, result_read)


def render_all(
    protocol: Protocol,
    stamp: Stamp,
    progress: Callable[[str], None] | None = None,
    child: ChildRender | None = None,
) -> dict[str, str | bytes]:
    """Every output in memory: :data:`IN_CHILD` in ``child`` (here when None),
    :data:`IN_BACKGROUND` on a thread, the rest here, all at the same time; ``stamp`` is the
    one moment of the whole build. ``progress`` hears of each format done."""
    import threading

    done: dict[str, str | bytes] = {}
    if child is not None:
        child.send(protocol, stamp)
    background: dict[str, str | bytes | BaseException] = {}

    def in_background() -> None:
        for output in OUTPUTS:
            if output.format in IN_BACKGROUND:
                try:
                    background[output.format] = render(protocol, output, {}, stamp)
                except BaseException as exc:
                    background[output.format] = exc

    thread = threading.Thread(target=in_background, name="protokollkit-build")
    thread.start()
    try:
        for output in MAIL_PARTS:
            done[output.format] = render(protocol, output, done, stamp)
        child_results: dict[str, Any] | None = None
        for output in OUTPUTS:
            if output.format in IN_BACKGROUND:
                thread.join()
                result = background[output.format]
                if isinstance(result, BaseException):
                    raise result
                done[output.format] = result
            elif output.format in IN_CHILD and child is not None:
                if child_results is None:
                    child_results = child.wait()
                done[output.format] = child_results[output.format]
            else:
                done[output.format] = render(protocol, output, done, stamp)
            if progress is not None:
                progress(output.format)
    finally:
        thread.join()
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
    parsed: tuple[bytes, Protocol] | None = None,
) -> BuildResult:
    """Write every format of the protocol ``source`` into ``out_dir`` as one set.

    Nothing is written when the manifest shows the same input, templates and code and every
    output is still as written; ``force`` rebuilds anyway. Every output is first written to a
    temporary file beside it; only when all of them are there are they renamed into place, so a
    failure (disk full, a writer error) leaves the previous set untouched. ``progress`` hears
    German progress lines for large protocols. ``stamp`` is the moment of writing (the .ics's
    ``DTSTAMP``, the .eml's ``Date``); without one the clock (or ``SOURCE_DATE_EPOCH``).
    ``parsed`` is the input's bytes and the protocol read from them, when the caller has read it
    already (:func:`newest_with_content`).
    """
    import protokollkit
    from protokollkit.files import check_output, read_bytes, remove_stale_temporaries
    from protokollkit.readers import format_of, reader
    from protokollkit.validate import ensure_writable

    data = read_bytes(source) if parsed is None else parsed[0]
    remove_stale_temporaries(out_dir)  # left by a build that was killed
    outputs = output_paths(source, out_dir)
    manifest_path = out_dir / f".{output_stem(source)}{MANIFEST_SUFFIX}"
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

    from protokollkit.files import display, text_of
    from protokollkit.writers import now

    # The child imports python-docx and icalendar while this side reads the protocol.
    child = start_child()
    try:
        read = reader(format_of(source))
        protocol = read(data, display(source)) if parsed is None else parsed[1]
        text = text_of(source, data)
        ensure_writable(protocol, display(source), text)
        points = len(protocol.all_points())
        tell = progress if progress is not None and points > LARGE else None
        if tell is not None:
            tell(f"Baue {len(OUTPUTS)} Formate für {points} Punkte …")
        done = render_all(
            protocol,
            stamp or now(),
            (lambda fmt: tell(f"  fertig: {fmt}")) if tell is not None else None,
            child,
        )
    finally:
        if child is not None:
            child.cancel()
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
    from protokollkit.plausibility import TEXT_SUFFIXES, check_plausibility

    # The text already decoded, where check_plausibility would read the file again for it.
    lines = text if source.suffix.lower() in TEXT_SUFFIXES else None
    diagnostics = (*protocol.diagnostics, *check_plausibility(protocol, display(source), lines))
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
    import threading

    from protokollkit.diagnostics import ProtokollkitError

    items = list(payloads.items())
    results: dict[int, Path | BaseException] = {}
    unexpected: dict[int, BaseException] = {}

    def one(index: int) -> None:
        try:
            results[index] = write(*items[index])
        except (OSError, ProtokollkitError) as exc:
            results[index] = exc
        except BaseException as exc:  # raised below, on the caller's thread
            unexpected[index] = exc

    # Plain threads: concurrent.futures would import logging and more for the same.
    threads = [threading.Thread(target=one, args=(index,)) for index in range(len(items))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if unexpected:
        raise unexpected[min(unexpected)]
    return {path: results[index] for index, (path, _) in enumerate(items)}


def newest_with_content(folder: Path) -> tuple[Path, list[Path], tuple[bytes, Protocol]]:
    """The newest protocol in ``folder`` that has content, the newer ones skipped, and its bytes
    and protocol as :func:`build` reads them (for its ``parsed``: read once).

    A protocol has content when it has a point that is not carried over from an earlier one
    (``new`` writes skeletons whose only points end with ``(aus dem Protokoll vom …)``).
    """
    from protokollkit.files import display, read_bytes
    from protokollkit.readers import format_of, reader

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
            data = read_bytes(path)
            protocol = reader(format_of(path))(data, display(path))
        except (ProtokollkitError, OSError):
            skipped.append(path)
            continue
        if any("(aus dem Protokoll vom" not in p.text for p in protocol.all_points()):
            return path, skipped, (data, protocol)
        skipped.append(path)
    raise ProtokollkitError(f"Kein Protokoll mit Inhalt in {display(folder)}/ gefunden.")
