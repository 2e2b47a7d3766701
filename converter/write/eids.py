"""eIds after the OASIS naming convention (`prefix__element_num`), built in one place."""
from __future__ import annotations

import re


def item_eid(element: str, key: str, prefix: str, taken: set[str]) -> str:
    """`para_1`, `para_8__list_1__point_a`; a repeated number gets `-2`, `-3` to stay unique."""
    bare = re.sub(r"[^A-Za-z0-9]", "", key) or "x"
    base = f"{prefix}__{element}_{bare}" if prefix else f"{element}_{bare}"
    eid, n = base, 2
    while eid in taken:
        eid, n = f"{base}-{n}", n + 1
    taken.add(eid)
    return eid


class NoteScope:
    """Numbers the authorial notes inside one element: `<eId>__authorialNote_<k>`."""

    def __init__(self, owner: str):
        self.owner = owner
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.owner}__authorialNote_{self.count}"

    def inner(self, owner: str) -> "NoteScope":
        return NoteScope(owner)
