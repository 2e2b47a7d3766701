"""Names that are the same thing in every language: bodies, States, places; and ASCII identifiers
made from words (container names, eIds)."""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from converter.lang.matching import fold

DATA = resources.files("converter") / "data"
PATH_VARIABLE = "AKN_LANG_PATH"


def data_folders() -> tuple[Path, ...]:
    """Data folders, searched in order: those named by AKN_LANG_PATH, then the package's own."""
    extra = [Path(p) for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p]
    return (*extra, Path(str(DATA)))


def ascii_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[A-Za-z0-9]+", stripped)


def camel_case(text: str) -> str:
    """`Rappelant également` -> `rappelantEgalement` (ASCII, for container names)."""
    words = ascii_words(text)
    if not words:
        return "paragraph"
    head, *rest = words
    return head.lower() + "".join(w[:1].upper() + w[1:].lower() for w in rest)


def slug(text: str) -> str:
    """`Vienne` -> `vienne`: an ASCII identifier usable as an eId."""
    return "-".join(w.lower() for w in ascii_words(text)) or "x"


@dataclass(frozen=True)
class Body:
    actor: str
    eid: str
    parent: str | None
    names: dict[str, list[str]]
    in_parent_sessions: bool = False  # a Main Committee: its sessions are the General Assembly's


def bodies() -> list[Body]:
    """The bodies of the package's `bodies.json`; a data folder's own `bodies.json` (see
    `converter.lang.folders`) adds names in its languages, or bodies."""
    return _bodies(data_folders())


@cache
def _bodies(search: tuple[Path, ...]) -> list[Body]:
    entries: dict[str, dict] = {}
    for folder in reversed(search):  # the package's own first, then the folders that add to it
        path = folder / "bodies.json"
        if not path.is_file():
            continue
        for b in json.loads(path.read_text(encoding="utf-8"))["bodies"]:
            known = entries.get(b["actor"])
            if known is None:
                entries[b["actor"]] = {**b, "names": dict(b["names"])}
            else:
                for code, names in b["names"].items():
                    known["names"][code] = [*known["names"].get(code, []), *names]
    return [Body(b["actor"], b["eId"], b.get("parent"), b["names"], b.get("in_parent_sessions", False))
            for b in entries.values()]


def body_names(code: str) -> list[tuple[str, Body]]:
    """(folded name, body) pairs for one language, longest name first."""
    return _body_names(code, data_folders())


@cache
def _body_names(code: str, search: tuple[Path, ...]) -> list[tuple[str, Body]]:
    pairs = [(fold(name), body) for body in _bodies(search) for name in body.names.get(code, [])]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def body_named(text: str, code: str) -> Body | None:
    folded = fold(text.strip())
    for name, body in body_names(code):
        if folded == name:
            return body
    return None


def first_body_named(text: str, code: str) -> Body | None:
    """The body named first in `text` (a whole name: `Sixth Committee` is not found in
    `Sixth Committees`' place only by luck, a letter after it means another word); the longer
    name where two start at one place."""
    folded = fold(text)
    best: tuple[int, Body] | None = None
    for name, body in body_names(code):  # longest first: a tie keeps the longer
        start = folded.find(name)
        while start >= 0:
            end = start + len(name)
            if (start == 0 or not folded[start - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                break
            start = folded.find(name, start + 1)
        if start >= 0 and (best is None or start < best[0]):
            best = (start, body)
    return best[1] if best else None


def body_by_actor(actor: str) -> Body | None:
    return next((b for b in bodies() if b.actor == actor), None)


@cache
def states(code: str) -> dict[str, str]:
    """Folded State name -> ISO 3166 alpha-3 code (lower case), for one language."""
    lines = (DATA / "states.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    if code not in header:
        return {}
    column = header.index(code)
    table: dict[str, str] = {}
    for line in lines[1:]:
        cells = line.split("\t")
        for name in cells[column].split("|"):
            if name:
                table.setdefault(fold(name), cells[0])
    return table


@cache
def places() -> dict[str, str]:
    """Folded place name -> TLCLocation eId (the same place in every language)."""
    data = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    return {fold(name): place["eId"] for place in data["places"] for name in place["names"]}


def place_key(name: str) -> str:
    return places().get(fold(name.strip())) or slug(name)
