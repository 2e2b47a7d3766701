"""The `akn` command: thin, it parses options, calls the library and prints."""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, ParamSpec, TypeVar

import click

from converter import __version__
from converter.batch import (
    BatchError,
    BatchSummary,
    Entry,
    Options,
    ReportWriter,
    Task,
    convert_batch,
    convert_one,
    write_atomically,
)
from converter.filenames import shown
from converter.lang import known_languages
from converter.metadata import Fields, MetadataError, fields_for, load_metadata
from converter.validate import ENGINES, PROFILES, ValidationInputError, report_json, validate

INPUT_SUFFIXES = (".txt", ".md")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Source:
    label: str  # how errors name it (the file system's name: messages write it as `shown` does)
    path: Path | None  # None for stdin
    relative: Path  # output path relative to the output folder, without suffix

    def target(self, outdir: Path) -> Path:
        """`A-C.3-63-L.45.txt` -> `A-C.3-63-L.45.xml`: only the input's own suffix is replaced
        (UN symbols are full of dots)."""
        return outdir / self.relative.with_name(self.relative.name + ".xml")

    def task(self, outdir: Path, metadata: Fields | None = None) -> Task:
        """The batch task that converts this input into `outdir`."""
        return Task(self.label, str(self.path), self.relative.as_posix(), str(self.target(outdir)), metadata)


def read_metadata(path: Path) -> dict[str, Fields]:
    """The rows of `--metadata FILE`; a usage error (one line, exit 2) if it cannot be used."""
    try:
        return load_metadata(path, known_languages())
    except MetadataError as exc:
        io_error(str(exc))


def metadata_of(source: Source, table: dict[str, Fields]) -> Fields | None:
    """The metadata row of an input, by its path relative to its folder, its name or its stem."""
    if not table or source.path is None:
        return None
    return fields_for(table, (source.relative.parent / source.path.name).as_posix())


def unmatched_rows(path: Path | None, table: dict[str, Fields], tasks: list[Task]) -> None:
    """A warning line when rows of the metadata file match no input (a typo in a name)."""
    used = {id(task.metadata) for task in tasks if task.metadata is not None}
    unused = [name for name, fields in table.items() if id(fields) not in used]
    if unused:
        example = ", ".join(shown(name) for name in unused[:3])
        click.echo(f"akn: {shown(path or '')}: warning: {len(unused)} rows match no input (e.g. {example})", err=True)


def walk(folder: Path, problems: list[tuple[str, str]]) -> list[Path]:
    """Everything under a folder, sorted (a linked folder is not entered, as with rglob); and
    (folder, problem) for each folder that cannot be read, which rglob skipped without a word."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename), f"cannot read folder ({exc.strerror or exc})"))

    for top, folders, files in os.walk(folder, onerror=unreadable):
        found.extend(Path(top, name) for name in folders + files)
    return sorted(found)


def collect(paths: tuple[str, ...]) -> tuple[list[Source], list[str]]:
    """The inputs, and one line for each path that cannot be an input (missing, a dangling
    link, a FIFO or a device: reading it could block for ever; a folder that cannot be read)."""
    sources: list[Source] = []
    problems: list[str] = []
    for raw in paths:
        if raw == "-":
            sources.append(Source("<stdin>", None, Path("stdin")))
            continue
        path = Path(raw)
        if path.is_dir():
            unreadable: list[tuple[str, str]] = []
            for p in walk(path, unreadable):
                if p.suffix not in INPUT_SUFFIXES:
                    continue
                if p.is_file():
                    sources.append(Source(str(p), p, p.relative_to(path).with_suffix("")))
                elif not p.is_dir():
                    problems.append(f"{shown(p)}: {not_an_input(p)}")
            problems.extend(f"{shown(folder)}: {problem}" for folder, problem in unreadable)
        elif path.is_file():
            sources.append(Source(str(path), path, Path(path.stem)))
        else:
            problems.append(f"{shown(raw)}: {not_an_input(path)}")
    return sources, problems


def not_an_input(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "dangling symbolic link"
    return "not a regular file" if path.exists() else "no such file or folder"


def read_source(source: Source) -> bytes:
    return sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()


def interrupted(what: str = "") -> NoReturn:
    """Ctrl-C: one line on stderr, exit status 130 (128 + SIGINT, as a shell says it)."""
    click.echo(f"akn: interrupted{' ' if what else ''}{what}", err=True)
    sys.exit(130)


def interruptible(command: Callable[P, R]) -> Callable[P, R]:
    """A command that Ctrl-C ends with `akn: interrupted`, not click's `Aborted!` (exit status 1)."""
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            interrupted()
    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="akn")
def main() -> None:
    """Turn UN resolutions and decisions into Akoma Ntoso (AKN4UN) and check AKN files."""


@main.command("convert")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the XML files (mirrors the input folders). Without it, one input goes to stdout.")
@click.option("--lang", type=click.Choice(known_languages()), help="Document language (default: detected).")
@click.option("--number", help="FRBR number or symbol to use (one input only), e.g. A/C.3/63/L.45.")
@click.option("--date", help="FRBR date to use (one input only), YYYY-MM-DD.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="CPU count",
              help="Worker processes for folders.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a JSON report: per input, status, output, FRBR work IRI, kind, counts, diagnostics, ms.")
@click.option("--skip-unchanged", is_flag=True,
              help="Convert only inputs changed (or converted by another version) since the last run into -o.")
@click.option("--metadata", "metadata_path", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV or JSON: per input file, its number, date, lang and other fields (a database export).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no warnings, no progress bar).")
@interruptible
def convert_command(paths: tuple[str, ...], outdir: Path | None, lang: str | None, number: str | None,
                    date: str | None, jobs: int, report_path: Path | None, skip_unchanged: bool,
                    metadata_path: Path | None, quiet: bool) -> None:
    """Convert text files (or folders of *.txt and *.md) into AKN XML; `-` reads stdin."""
    table = read_metadata(metadata_path) if metadata_path else {}
    sources, unusable = collect(paths)
    for line in unusable:  # reported; the other inputs are still converted, the exit status is 2
        click.echo(f"akn: {line}", err=True)
    if not sources:
        if unusable:
            sys.exit(2)
        io_error(f"{' '.join(map(shown, paths))}: no *.txt or *.md files to convert")
    if outdir is None and len(sources) != 1:
        raise click.UsageError("several inputs need -o OUTDIR")
    if (number or date) and len(sources) != 1:
        raise click.UsageError("--number and --date apply to one input only")
    if skip_unchanged and (outdir is None or number or date):
        raise click.UsageError("--skip-unchanged needs -o OUTDIR, and does not go with --number or --date")
    if len(sources) > 1 and any(source.path is None for source in sources):
        raise click.UsageError("`-` (stdin) cannot be mixed with other inputs")
    tasks = [source.task(outdir or Path("."), metadata_of(source, table)) for source in sources]
    if table and not quiet:
        unmatched_rows(metadata_path, table, tasks)
    if outdir is None or sources[0].path is None or number or date:
        meta = tasks[0].metadata or Fields()
        status = convert_single(sources, outdir, lang or meta.lang, number or meta.number, date or meta.date,
                                quiet, report_path)
        sys.exit(2 if unusable else status)
    stderr = BatchOutput(quiet)
    try:
        summary = convert_batch(tasks, outdir, Options(lang), jobs=jobs,
                                report_path=report_path, skip_unchanged=skip_unchanged, on_entry=stderr.entry,
                                on_problem=stderr.problem, progress=stderr.progress)
    except BatchError as exc:
        io_error(str(exc))
    except KeyboardInterrupt:  # the workers are stopped, no temporary file is left
        interrupted(f"after {stderr.done} of {len(sources)} inputs{'; no report written' if report_path else ''}")
    if not quiet or summary.failed or summary.trouble:
        click.echo(summary_line(summary, skip_unchanged), err=True)
    sys.exit(2 if unusable else summary.exit_status)


class BatchOutput:
    """What `akn convert` shows of a batch on stderr: a line for each failure at once, a
    progress bar on a terminal (unless quiet), and the warnings (unless quiet) after the bar."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.show_bar = not quiet and sys.stderr.isatty()
        self.held: list[str] = []  # warnings wait for the progress bar to finish
        self.done = 0  # entries seen

    def problem(self, line: str) -> None:
        click.echo(f"akn: {line}", err=True)

    def entry(self, entry: Entry) -> None:
        self.done += 1
        if self.quiet:
            return
        lines = [f"{entry['input']}: {d['level']}: {d['message']}" for d in entry["diagnostics"]]
        if self.show_bar:
            self.held.extend(lines)
        else:
            for line in lines:
                click.echo(line, err=True)

    @contextmanager
    def progress(self, entries: Iterator[Entry], total: int) -> Iterator[Iterable[Entry]]:
        with click.progressbar(entries, length=total, label="converting", file=sys.stderr,
                               hidden=not self.show_bar) as bar:
            yield bar
        for line in self.held:
            click.echo(line, err=True)


def summary_line(summary: BatchSummary, show_skipped: bool) -> str:
    skipped = f", skipped {summary.skipped}" if show_skipped else ""
    return (f"converted {summary.converted}, failed {summary.failed}{skipped}, warnings {summary.warnings}, "
            f"{summary.seconds:.2f} s")


def convert_single(sources: list[Source], outdir: Path | None, lang: str | None, number: str | None,
                   date: str | None, quiet: bool, report_path: Path | None = None) -> int:
    """One input (or stdin), converted in this process; XML to stdout without -o."""
    source = sources[0]
    target = source.target(outdir) if outdir is not None else None

    def write(xml: bytes) -> None:
        if target is None:
            sys.stdout.buffer.write(xml)
            sys.stdout.buffer.flush()
        else:
            write_atomically(target, xml)

    entry = convert_one(source.label, lambda: read_source(source), write, str(target) if target else "-",
                        lang=lang, number=number, date=date)
    if entry["status"] == "failed":
        click.echo(f"akn: {entry['input']}: {entry['error']}", err=True)
    if report_path is not None:
        try:
            report = ReportWriter(report_path)
            report.add(entry)
            report.close()
        except OSError as exc:
            click.echo(f"akn: {shown(report_path)}: cannot write the report ({exc.strerror or exc})", err=True)
            return 1
    if entry["status"] == "failed":
        return 1
    if not quiet:
        for d in entry["diagnostics"]:
            click.echo(f"{entry['input']}: {d['level']}: {d['message']}", err=True)
        click.echo(f"converted 1, failed 0, warnings {len(entry['diagnostics'])}, {entry['ms'] / 1000:.2f} s",
                   err=True)
    return 0


def io_error(message: str) -> NoReturn:
    """A usage or I/O error: one line on stderr, exit status 2."""
    click.echo(f"akn: {message}", err=True)
    sys.exit(2)


def collect_xml(paths: tuple[str, ...]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The XML files to check, and (path, problem) for each path that cannot be checked."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            unreadable: list[tuple[str, str]] = []
            found = [p for p in walk(path, unreadable) if p.name.endswith(".xml") and not p.is_dir()]
            problems.extend(unreadable)
            if not found and not unreadable:
                problems.append((raw, "no *.xml files to validate"))
            for p in found:
                if p.is_file():
                    files.append(p)
                else:
                    problems.append((str(p), not_an_input(p)))
        elif path.is_file():
            files.append(path)
        else:
            problems.append((raw, not_an_input(path)))
    return files, problems


@main.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--engine", type=click.Choice(ENGINES), default="lxml", show_default=True,
              help="lxml (libxml2, fast) or xmlschema (independent, precise XPath of each error).")
@click.option("--profile", type=click.Choice(PROFILES), default="auto", show_default=True,
              help="AKN4UN rules beyond the schema: auto = for statement documents only.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@interruptible
def validate_command(paths: tuple[str, ...], engine: str, profile: str, fmt: str) -> None:
    """Check Akoma Ntoso files (or folders of *.xml) against the OASIS schema and the AKN4UN profile.

    Exit status: 0 all valid, 1 any invalid, 2 usage or I/O error.
    """
    files, unusable = collect_xml(paths)
    results: list[tuple[str, list | str]] = []
    unreadable = 0
    for path, problem in unusable:
        click.echo(f"akn: {shown(path)}: {problem}", err=True)
        results.append((shown(path), problem))
        unreadable += 1
    for file in files:  # a file that cannot be read is reported; the others are still checked
        try:
            results.append((shown(file), validate(file, engine=engine, profile=profile)))
        except ValidationInputError as exc:
            click.echo(f"akn: {exc}", err=True)
            results.append((shown(file), str(exc)))
            unreadable += 1
    invalid = sum(1 for _, problems in results if problems and not isinstance(problems, str))
    try:
        if fmt == "json":
            click.echo(report_json(results))
        else:
            for path, problems in results:
                for p in problems if not isinstance(problems, str) else ():
                    where = f"{path}:{p.line}" if p.line else path
                    click.echo(f"{where}: {p.message} [{p.rule}]")
        unchecked = f", {unreadable} not checked" if unreadable else ""
        click.echo(f"{len(results)} files: {len(results) - invalid - unreadable} valid, {invalid} invalid{unchecked}",
                   err=fmt == "json")
        sys.stdout.flush()
    except OSError as exc:  # stdout is full or closed: the verdicts could not be given
        io_error(f"cannot write the results ({exc.strerror or exc})")
    sys.exit(2 if unreadable else 1 if invalid else 0)
