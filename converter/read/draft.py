"""The draft document: what recognition has found so far, before the transforms and the
identity make it a `model.Document`."""
from __future__ import annotations

from dataclasses import dataclass, field

from converter.lang import Language
from converter.model import Annex, Diagnostic, MastheadLine, Node, Recital, Run
from converter.read.structure.masthead import MastheadState
from converter.read.structure.opening import Opening


@dataclass
class Draft:
    lang: Language
    masthead_state: MastheadState  # what the masthead said: authority, symbol, dates, statement …
    opening: Opening
    masthead: list[MastheadLine] = field(default_factory=list)
    formula: list[Run] | None = None
    preamble: list[Recital] = field(default_factory=list)
    formula_at: int = 0  # preambular paragraphs printed before the formula
    body: list[Node] = field(default_factory=list)
    conclusions: list[list[Run]] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_diagnostics: list[Diagnostic] = field(default_factory=list)  # the text reader's (footnotes)
