"""What a database export knows and its text does not print: per input file, the number or
symbol, the date, the language, and any other field (`akn convert --metadata FILE`).

The UN decisions database gives a decision's text without its number (`79_557.txt` is decision
79/557); a user's export of the UN Digital Library adds subjects and agenda items. A metadata
file is CSV (a header row with a `file` column, then `number`, `date`, `lang` and any others)
or JSON (an object of file name to fields, or a list of objects with a `file` field). A row
applies to the input whose path relative to the converted folder, whose name, or whose name
without its suffix is the row's `file` (`sub/79_557.txt`, `79_557.txt`, `79_557`).

`number`, `date` and `lang` set the FRBR identity, as `--number`, `--date` and `--lang` do for
one input; the other fields go to the report entry of their input, as given. The file is
input, not a clock: the same file gives the same output.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from converter.filenames import shown

IDENTITY = ("number", "date", "lang")
MAX_BYTES = 64 * 1024 * 1024


class MetadataError(ValueError):
    """A metadata file that cannot be used: one line naming the file and the problem."""


@dataclass(frozen=True)
class Fields:
    """The metadata of one input."""

    number: str | None = None
    date: str | None = None
    lang: str | None = None
    other: tuple[tuple[str, str], ...] = field(default=())  # the other fields, in the file's order

    def key(self) -> str:
        """A stable text of all fields (the manifest compares it: changed metadata converts again)."""
        return json.dumps([self.number, self.date, self.lang, list(self.other)], ensure_ascii=False)


def load_metadata(path: Path, languages: Iterable[str]) -> dict[str, Fields]:
    """The rows of a metadata file by their `file` value; MetadataError if it cannot be used."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise MetadataError(f"{shown(path)}: cannot read the metadata ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise MetadataError(f"{shown(path)}: metadata file over {MAX_BYTES} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MetadataError(f"{shown(path)}: the metadata is not UTF-8") from None
    rows = _json_rows(path, text) if text.lstrip().startswith(("{", "[")) else _csv_rows(path, text)
    known = set(languages)
    table: dict[str, Fields] = {}
    for where, row in rows:
        name, fields = _fields(path, where, row, known)
        if name in table:
            raise MetadataError(f"{shown(path)}: {where}: file {name!r} is given twice")
        table[name] = fields
    return table


def _json_rows(path: Path, text: str) -> list[tuple[str, Mapping[str, object]]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise MetadataError(f"{shown(path)}: not valid JSON ({exc})") from None
    if isinstance(data, dict):
        items = [(f"entry {name!r}", {"file": name, **value} if isinstance(value, dict) else value)
                 for name, value in data.items()]
    elif isinstance(data, list):
        items = [(f"entry {n}", value) for n, value in enumerate(data, 1)]
    else:
        raise MetadataError(f"{shown(path)}: JSON metadata must be an object or a list")
    for where, value in items:
        if not isinstance(value, dict):
            raise MetadataError(f"{shown(path)}: {where}: not an object of fields")
    return [(where, value) for where, value in items if isinstance(value, dict)]


def _csv_rows(path: Path, text: str) -> list[tuple[str, Mapping[str, object]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise MetadataError(f"{shown(path)}: CSV metadata needs a header row with a `file` column")
    rows: list[tuple[str, Mapping[str, object]]] = []
    try:
        for row in reader:
            if None in row:
                raise MetadataError(f"{shown(path)}: line {reader.line_num}: more values than columns")
            rows.append((f"line {reader.line_num}", row))
    except csv.Error as exc:
        raise MetadataError(f"{shown(path)}: line {reader.line_num}: {exc}") from None
    return rows


def _fields(path: Path, where: str, row: Mapping[str, object], languages: set[str]) -> tuple[str, Fields]:
    values = {str(k).strip(): ("" if v is None else str(v)).strip() for k, v in row.items()}
    name = values.pop("file", "")
    if not name:
        raise MetadataError(f"{shown(path)}: {where}: no `file`")
    number, date, lang = (values.pop(k, "") or None for k in IDENTITY)
    if date is not None:
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise MetadataError(f"{shown(path)}: {where}: date {date!r} is not YYYY-MM-DD") from None
    if lang is not None and lang not in languages:
        raise MetadataError(f"{shown(path)}: {where}: unsupported language {lang!r} "
                            f"(known: {', '.join(sorted(languages))})")
    other = tuple((k, v) for k, v in values.items() if v)
    return PurePosixPath(name).as_posix(), Fields(number, date, lang, other)


def fields_for(table: Mapping[str, Fields], relative: str) -> Fields | None:
    """The row for an input: by its path relative to its folder (`sub/79_557.txt`), then its
    name (`79_557.txt`), then its name without the suffix (`79_557`)."""
    path = PurePosixPath(relative)
    for key in (path.as_posix(), path.name, path.stem):
        if key in table:
            return table[key]
    return None
