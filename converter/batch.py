"""Batch conversion: many inputs, worker processes, a report, incremental runs.

Each worker loads the schema once; results come back in input order whatever the number of
workers, and only small report entries travel between processes (never trees), so memory
stays flat in the number of files. Every XML file is written atomically.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from types import FrameType
from typing import IO, Any

from converter import __version__
from converter.api import InputError, Result, convert
from converter.filenames import shown
from converter.identity import FrbrUri
from converter.metadata import Fields
from converter.model import Division, Item
from converter.validate import check_result
from converter.validate.schema import lxml_schema
from converter.workers import Workers

MANIFEST = ".akn-manifest.json"


@dataclass(frozen=True)
class Task:
    """One input of a batch. The names are the file system's (a name that is not UTF-8 keeps its
    bytes as surrogates, as os.fsdecode gives it); messages, the report and the manifest write
    them as `filenames.shown` does."""

    label: str  # how messages name the input
    path: str  # the input file
    relative: str  # input path relative to its folder (the manifest key)
    target: str  # the XML file to write
    metadata: Fields | None = None  # what a metadata file says of this input (--metadata)


@dataclass(frozen=True)
class Options:
    lang: str | None = None

    def fingerprint(self) -> str:
        return f"{__version__}+{code_fingerprint()}|lang={self.lang}"


@cache
def code_fingerprint() -> str:
    """A hash of the converter itself (its code, language data and schema): a converter that
    changed converts everything again, even if nobody bumped its version."""
    return tree_fingerprint(Path(__file__).resolve().parent)


def tree_fingerprint(folder: Path) -> str:
    """A hash of the code, data and schema files under a folder, with their relative paths."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".tsv", ".xsd")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


_MADE_DIRS: set[str] = set()


def write_atomically(target: Path, data: bytes | IO[bytes]) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file.

    `data`: the bytes, or a file to copy from its current position. The temporary name carries
    the process id, so parallel workers never share one; the file gets the usual permissions
    (0666 less the umask), as a plain write would.
    """
    parent = str(target.parent)
    if parent not in _MADE_DIRS:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder of the path should be
            raise NotADirectoryError(20, "a file is in the way of the folder", parent) from None
        _MADE_DIRS.add(parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666), "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                shutil.copyfileobj(data, handle)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def operative_count(nodes: Sequence[object]) -> int:
    total = 0
    for node in nodes:
        if isinstance(node, Division):
            total += operative_count(node.items)
        elif isinstance(node, Item) and node.num:
            total += 1
    return total


def described(result: Result) -> dict[str, Any]:
    """What the report says of a converted document: its work IRI, kind, counts, diagnostics."""
    doc = result.document
    ident = doc.identity
    return {
        "work": FrbrUri(ident.actor, ident.date, ident.number, ident.lang).work,
        "kind": ident.name,
        "language": ident.lang,
        "counts": {"preambular": len(doc.preamble), "operative": operative_count(doc.body),
                   "notes": result.xml.count(b"<authorialNote "), "annexes": len(doc.annexes)},
        "diagnostics": [{"level": d.level, "code": d.code, "message": d.message} for d in result.diagnostics],
    }


def convert_one(label: str, read: Callable[[], bytes], write: Callable[[bytes], None], output: str, *,
                lang: str | None = None, number: str | None = None, date: str | None = None) -> dict[str, Any]:
    """Read, convert, check and write one document; its report entry. Never raises for bad
    input, an unwritable output or a bug of ours: the entry says what failed.

    `read()` gives the input bytes, `write(xml)` puts the XML where it goes (`output` names it:
    a path, or `-` for stdout). The batch workers and the single-input command both use it.
    The entry names the input and the output as `shown` writes them.
    """
    started = time.perf_counter()
    entry: dict[str, Any] = {"input": shown(label), "output": shown(output), "status": "converted"}
    try:
        try:
            data = read()
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from None
        result = convert(data, lang=lang, number=number, date=date)
        problems = check_result(result)
        if problems:
            raise InputError(f"output fails validation: {problems[0]}")
        write(result.xml)
        entry.update(described(result))
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    except InputError as exc:
        entry.update({"status": "failed", "output": None, "error": str(exc), "diagnostics": []})
    except OSError as exc:  # the output cannot be written: this file fails, the batch goes on
        where = "the output" if output == "-" else shown(output)
        entry.update({"status": "failed", "output": None, "diagnostics": [],
                      "error": f"cannot write {where} ({exc.strerror or exc})"})
    except Exception as exc:  # a bug of ours: reported for this file, never a traceback
        entry.update({"status": "failed", "output": None, "diagnostics": [],
                      "error": f"internal error ({type(exc).__name__}: {exc}); please report it"})
    if entry["status"] == "failed" and output != "-" and os.path.isfile(output):
        entry["error"] += f"; the {shown(os.path.basename(output))} of an earlier run is left as it was"
    entry["ms"] = round((time.perf_counter() - started) * 1000, 2)
    return entry


def convert_task(task: Task, options: Options) -> dict:
    """Convert one file of a batch and write its XML; the report entry. Its metadata, if it has
    any, gives its number, date and language, and its other fields go to the entry."""
    meta = task.metadata or Fields()
    entry = convert_one(task.label, Path(task.path).read_bytes,
                        lambda xml: write_atomically(Path(task.target), xml), task.target,
                        lang=meta.lang or options.lang, number=meta.number, date=meta.date)
    if task.metadata is not None:
        entry["metadata"] = {key: value for key, value in (("number", meta.number), ("date", meta.date),
                                                            ("lang", meta.lang), *meta.other) if value}
    return entry


def lost_entry(task: Task, how: str) -> dict:
    """The entry of an input whose worker process died converting it (a crash below Python)."""
    return {"input": shown(task.label), "output": None, "status": "failed", "diagnostics": [], "ms": 0.0,
            "error": f"internal error (the worker process converting it ended: {how}); please report it"}


class Manifest:
    """What the last run into an output folder converted: input stat and content hash, by the
    input's path relative to its folder as `shown` writes it (valid UTF-8 JSON whatever the
    name, and one name for one file, so a name that is not UTF-8 is recognised next run)."""

    def __init__(self, folder: Path, options: Options) -> None:
        self.path = folder / MANIFEST
        self.fingerprint = options.fingerprint()
        self.files: dict[str, dict] = {}
        self.seen: dict[str, tuple[int, int]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("converter") == self.fingerprint:
                files = data.get("files")
                self.files = files if isinstance(files, dict) else {}
        except (OSError, ValueError):
            pass  # no manifest yet, or an unreadable one: everything is converted

    def unchanged(self, task: Task) -> bool:
        """Unchanged since the last run: same size and mtime, or failing that the same content.
        The stat taken here (before converting) is what `record` keeps, so an edit made while
        the batch runs is seen by the next run."""
        try:
            stat = os.stat(task.path)
        except OSError:
            return False
        key = shown(task.relative)
        self.seen[key] = (stat.st_size, stat.st_mtime_ns)
        known = self.files.get(key)
        if not isinstance(known, dict) or not os.path.exists(task.target):
            return False
        if known.get("metadata") != (task.metadata.key() if task.metadata else None):
            return False  # its metadata changed: its number or date may have
        if known.get("size") == stat.st_size and known.get("mtime_ns") == stat.st_mtime_ns:
            return True
        if known.get("size") != stat.st_size:
            return False
        same = hashlib.sha256(Path(task.path).read_bytes()).hexdigest() == known.get("sha256")
        if same:
            known["mtime_ns"] = stat.st_mtime_ns
        return same

    def record(self, task: Task, sha256: str) -> None:
        key = shown(task.relative)
        size, mtime_ns = self.seen.get(key, (None, None))
        self.files[key] = {"size": size, "mtime_ns": mtime_ns, "sha256": sha256,
                           "output": shown(os.path.basename(task.target))}
        if task.metadata is not None:
            self.files[key]["metadata"] = task.metadata.key()

    def forget(self, task: Task) -> None:
        self.files.pop(shown(task.relative), None)

    def save(self) -> None:
        data = {"converter": self.fingerprint, "files": dict(sorted(self.files.items()))}
        text = json.dumps(data, indent=0, ensure_ascii=False) + "\n"
        write_atomically(self.path, text.encode("utf-8", "backslashreplace"))  # a lone surrogate is `\udce9`


def run_batch(tasks: list[Task], options: Options, jobs: int,
              manifest: Manifest | None = None) -> Generator[dict, None, None]:
    """Report entries in input order; skipped inputs (unchanged since the last run) included."""
    todo = []
    skipped: dict[int, dict] = {}
    for index, task in enumerate(tasks):
        if manifest is not None and manifest.unchanged(task):
            skipped[index] = {"input": shown(task.label), "output": shown(task.target), "status": "skipped",
                              "ms": 0.0, "diagnostics": []}
        else:
            todo.append((index, task))
    with contextlib.closing(_results([task for _, task in todo], options, jobs)) as results:
        for index, task in enumerate(tasks):
            if index in skipped:
                yield skipped[index]
                continue
            entry = next(results)  # one result for each input not skipped, in order
            if manifest is not None:
                if entry["status"] == "converted":
                    manifest.record(task, entry["sha256"])
                else:
                    manifest.forget(task)
            yield entry


def _results(tasks: list[Task], options: Options, jobs: int) -> Generator[dict, None, None]:
    """The entries of the tasks, in order; the worker processes are stopped when this is closed
    (the end, Ctrl-C, SIGTERM, or the caller giving up)."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield convert_task(task, options)
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    with Workers(min(jobs, len(tasks)), partial(convert_task, options=options), lost_entry, lxml_schema) as workers:
        yield from workers.map(tasks, chunk)


class ReportWriter:
    """The JSON report. Entries are written as they come to an unnamed temporary file (memory
    stays flat, and a run killed even by SIGKILL leaves nothing behind); close() copies it to
    a temporary file beside the report and renames that, so a report is whole or absent. Only
    a SIGKILL in the milliseconds of that copy can leave `.<report>.<pid>.tmp` behind."""

    def __init__(self, path: Path) -> None:
        path = path.resolve() if path.is_symlink() else path  # a link: its target gets the report
        self.path = path
        if path.is_dir():
            raise IsADirectoryError(21, "is a folder", str(path))
        self.direct = path.exists() and not path.is_file()  # a FIFO, /dev/stdout: written straight, never replaced
        if self.direct:
            self.handle: IO[bytes] = open(path, "wb")  # noqa: SIM115 (closed by close() or abort())
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = tempfile.TemporaryFile(dir=path.parent)  # noqa: SIM115 (closed by close() or abort())
        self.handle.write(b"[")
        self.count = 0
        self.error: OSError | None = None  # a failed write (disk full): the batch goes on, close() raises it

    def add(self, entry: dict) -> None:
        if self.error:
            return
        public = {k: v for k, v in entry.items() if k != "sha256"}
        text = ("\n" if not self.count else ",\n") + json.dumps(public, ensure_ascii=False)
        try:
            self.handle.write(text.encode("utf-8", "backslashreplace"))  # a lone surrogate: `\udce9`
        except OSError as exc:
            self.error = exc
        self.count += 1

    def close(self) -> None:
        try:
            if self.error:
                raise self.error
            self.handle.write(b"\n]\n")
            if not self.direct:
                self.handle.seek(0)
                write_atomically(self.path, self.handle)
            self.handle.close()
        except OSError:
            self.abort()
            raise

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()


class BatchError(Exception):
    """The batch cannot start (its report cannot be written): nothing was converted."""


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did. `trouble` names what could not be written besides the XML (the
    report, the manifest): the files are converted, yet the run failed."""

    converted: int
    failed: int  # the inputs that failed, two inputs for one output included
    skipped: int  # unchanged since the last run (skip_unchanged)
    warnings: int
    seconds: float
    trouble: tuple[str, ...] = ()

    @property
    def exit_status(self) -> int:
        """0 when everything converted (or was skipped), 1 when an input failed or the report or
        the manifest could not be written."""
        return 1 if self.failed or self.trouble else 0


Entry = dict[str, Any]  # a report entry, as convert_one makes it
Progress = Callable[[Iterator[Entry], int], AbstractContextManager[Iterable[Entry]]]


def convert_batch(tasks: Sequence[Task], outdir: Path, options: Options | None = None, *, jobs: int = 1,
                  report_path: Path | None = None, skip_unchanged: bool = False,
                  on_entry: Callable[[Entry], None] | None = None, on_problem: Callable[[str], None] | None = None,
                  progress: Progress | None = None) -> BatchSummary:
    """Convert many inputs into `outdir`, in `jobs` worker processes; what was done.

    Two tasks for one output: the first one is converted, the other fails. `report_path`: a
    JSON report (one entry per input, in input order), put in place at the end only: an
    interrupted run leaves neither a report nor a temporary file (SIGKILL too). `skip_unchanged`:
    convert only the inputs changed since the last run into `outdir` (the manifest there says
    what it converted). Interrupted (KeyboardInterrupt; SIGTERM too, when called from the main
    thread): the worker processes are stopped, the manifest keeps what was converted so far
    (the next skip_unchanged run goes on from there), and the exception goes on.

    `on_problem(line)` gets one line, `input: what went wrong`, for each input that fails and
    each record that cannot be written; `on_entry(entry)` gets every report entry, in input
    order, as it comes. `progress(entries, total)` may wrap the entries, e.g. in a progress
    bar: its exit is the end of the conversions. Raises BatchError (before converting
    anything) when the report cannot be written.
    """
    started = time.perf_counter()
    problem = on_problem or _ignore
    with _sigterm_exits():
        tasks, clashes = _without_clashes(tasks, problem)
        options = options or Options()
        manifest = Manifest(outdir, options) if skip_unchanged else None
        report = _open_report(report_path)
        entries = run_batch(tasks, options, jobs, manifest)
        try:
            counts, warnings = _convert_all(entries, len(tasks), report, progress or _no_progress,
                                            on_entry or _ignore, problem)
        except BaseException:
            entries.close()  # the workers first
            if manifest is not None:
                with contextlib.suppress(OSError):
                    manifest.save()
            raise
        trouble = _write_records(report, report_path, manifest, problem)
    return BatchSummary(counts["converted"], counts["failed"] + clashes, counts["skipped"], warnings,
                        time.perf_counter() - started, trouble)


def _ignore(_: Any) -> None:
    pass


def _no_progress(entries: Iterator[Entry], total: int) -> AbstractContextManager[Iterable[Entry]]:
    return contextlib.nullcontext(entries)


@contextlib.contextmanager
def _sigterm_exits() -> Iterator[None]:
    """`kill` stops the batch as Ctrl-C does, so the temporary report is cleaned up. Signal
    handlers can only be set in the main thread; the previous one is put back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _without_clashes(tasks: Sequence[Task], problem: Callable[[str], None]) -> tuple[list[Task], int]:
    """The tasks, less those whose output another one already writes (`x.txt` and `x.md` side
    by side: the first one wins, the other fails); and how many were left out."""
    kept: list[Task] = []
    seen: dict[str, str] = {}
    for task in tasks:
        if task.target in seen:
            problem(f"{shown(task.label)}: output {shown(task.target)} would overwrite the one from "
                    f"{shown(seen[task.target])}")
            continue
        seen[task.target] = task.label
        kept.append(task)
    return kept, len(tasks) - len(kept)


def _open_report(path: Path | None) -> ReportWriter | None:
    if path is None:
        return None
    try:
        return ReportWriter(path)
    except OSError as exc:
        raise BatchError(f"{shown(path)}: cannot write the report ({exc.strerror or exc})") from exc


def _convert_all(entries: Iterator[Entry], total: int, report: ReportWriter | None, progress: Progress,
                 on_entry: Callable[[Entry], None], problem: Callable[[str], None]) -> tuple[dict[str, int], int]:
    """Take the entries as they come: count them, pass them on, add them to the report (which
    is removed if anything interrupts the run). The counts by status, and the warnings."""
    counts = {"converted": 0, "failed": 0, "skipped": 0}
    warnings = 0
    works: dict[str, str] = {}  # work IRI -> the first input that had it
    try:
        with progress(entries, total) as shown:
            for entry in shown:
                counts[entry["status"]] += 1
                _same_work(entry, works)
                warnings += len(entry["diagnostics"])
                if entry["status"] == "failed":
                    problem(f"{entry['input']}: {entry['error']}")
                on_entry(entry)
                if report:
                    report.add(entry)
    except BaseException:
        if report:
            report.abort()
        raise
    return counts, warnings


def _same_work(entry: Entry, works: dict[str, str]) -> None:
    """Two inputs of one batch with one FRBR work IRI: a repository keyed by IRI would keep one
    of them. Both are written; the later one's entry says so, with a warning `same-work` that
    names the other (printed with the other warnings: never silently)."""
    work = entry.get("work")
    if entry["status"] != "converted" or not work:
        return
    first = works.setdefault(work, entry["input"])
    if first == entry["input"]:
        return
    message = f"the FRBR work IRI {work} is also that of {first}: give one of them its number (--number)"
    entry["same_work_as"] = first
    entry["diagnostics"].append({"level": "warning", "code": "same-work", "message": message})


def _write_records(report: ReportWriter | None, report_path: Path | None, manifest: Manifest | None,
                   problem: Callable[[str], None]) -> tuple[str, ...]:
    """Close the report and save the manifest; a line for each that cannot be written."""
    trouble: list[str] = []
    if report:
        try:
            report.close()
        except OSError as exc:
            trouble.append(f"{shown(str(report_path))}: cannot write the report ({exc.strerror or exc})")
            problem(trouble[-1])
    if manifest is not None:
        try:
            manifest.save()
        except OSError as exc:  # the XML is written; only the next skip_unchanged run converts everything again
            trouble.append(f"{shown(manifest.path)}: cannot write the manifest ({exc.strerror or exc})")
            problem(trouble[-1])
    return tuple(trouble)
