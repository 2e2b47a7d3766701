"""Document kinds: each is a list of body rules and a list of transforms.

`kind_of` is the one place that decides which kind a text is; adding a kind (an amendment, say)
is adding a `Kind` here with its rules and transforms, and a line in `kind_of`.
"""
from __future__ import annotations

from dataclasses import dataclass

from converter.read import transforms as t
from converter.read.ruler import Ruler
from converter.read.source.blocks import Block
from converter.read.structure.body import BODY_RULES, BodyState
from converter.read.structure.opening import Opening


@dataclass(frozen=True)
class Kind:
    name: str
    body_rules: Ruler[BodyState, Block]
    transforms: tuple[t.Transform, ...]


RESOLUTION = Kind("resolution", BODY_RULES, (
    t.annexes_of_instruments,
    t.adoption_from_conclusions,
    t.unnumbered_operative_part,
    t.empty_items,
))

DECISION = Kind("decision", BODY_RULES, (
    t.decision_from_narrative,
    t.annexes_of_instruments,
    t.adoption_from_conclusions,
    t.narrative_decision,
    t.unnumbered_operative_part,
    t.empty_items,
))


def kind_of(opening: Opening) -> Kind:
    """A decision opens with its narrative sentence (`At its 62nd plenary meeting, on …, the
    General Assembly …`) or is one sentence opening with the formula (`The General Assembly,
    taking note of …, decides …`); everything else is read as a resolution (drafts, Council texts)."""
    return DECISION if opening.narrative_date or opening.sentence else RESOLUTION
