"""eIds after the OASIS naming convention (akn-nc 1.0, 5.5.2): `prefix__name_num`, where `name`
is the element's short name (`para`, `art`, `sec` …) or its own. The one table of short names,
used by the writer to make eIds and by the validator to check them."""
from __future__ import annotations

import re

SHORT_NAMES = {
    "alinea": "al", "article": "art", "attachment": "att", "blockList": "list", "chapter": "chp", "citation": "cit",
    "citations": "cits", "clause": "cl", "component": "cmp", "components": "cmpnts", "division": "dvs",
    "listIntroduction": "intro", "listWrapUp": "wrapup", "paragraph": "para", "quotedStructure": "qstr",
    "quotedText": "qtext", "recital": "rec", "recitals": "recs", "section": "sec", "subchapter": "subchp",
    "subclause": "subcl", "subdivision": "subdvs", "subparagraph": "subpara", "subsection": "subsec",
    "wrapUp": "wrapup",
}


def short_name(element: str) -> str:
    """The name an element has in eIds: `paragraph` -> `para`, `container` -> `container`."""
    return SHORT_NAMES.get(element, element)


def within(*parts: str) -> str:
    """An eId prefix: `within("att_1", "preface")` -> `att_1__preface`; empty parts left out."""
    return "__".join(part for part in parts if part)


def eid(prefix: str, element: str, num: int | str) -> str:
    """`eid("preamble", "container", 2)` -> `preamble__container_2`; `eid("", "paragraph", 1)` -> `para_1`."""
    return within(prefix, f"{short_name(element)}_{num}")


class Taken(set[str]):
    """The eIds given in one scope, and for each base the next suffix to try, so that a number
    repeated thousands of times (`(a)`, `(a)`, …) costs the same each time, not more."""

    def __init__(self) -> None:
        super().__init__()
        self.next_suffix: dict[str, int] = {}

    def claim(self, base: str) -> str:
        """`base`, or `base-2`, `base-3` … if it is taken; taken from now on."""
        found, n = base, self.next_suffix.get(base, 2)
        while found in self:
            found, n = f"{base}-{n}", n + 1
        self.next_suffix[base] = n
        self.add(found)
        return found


def unique_eid(prefix: str, element: str, key: str, taken: Taken) -> str:
    """`para_1`, `para_8__list_1__point_a`; a repeated number gets `-2`, `-3` to stay unique."""
    return taken.claim(eid(prefix, element, re.sub(r"[^A-Za-z0-9]", "", key) or "x"))


class NoteScope:
    """Numbers the authorial notes inside one element: `<eId>__authorialNote_<k>`."""

    def __init__(self, owner: str):
        self.owner = owner
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return eid(self.owner, "authorialNote", self.count)

    def inner(self, owner: str) -> NoteScope:
        return NoteScope(owner)
