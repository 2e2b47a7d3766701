"""A problem found in an Akoma Ntoso document: where, what, and which rule."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    line: int | None
    column: int | None
    xpath: str | None
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.line if self.line is not None else '-'}: {self.message} [{self.rule}]"
