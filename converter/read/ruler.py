"""An ordered list of named rules (after markdown-it-py's `Ruler`).

The order of the rules is the grammar: for each input the rules are tried in order, and the
first that takes it wins. A rule either only recognises (it returns False and leaves the state
as it was) or recognises and applies (it changes the state and returns True). The last rule is
the fallback, which takes whatever the others left.

A document kind is a list of rules: it starts from another kind's ruler and inserts, replaces
or removes rules by name, so that a new construct is a new rule and its test, not one more
branch in a loop.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S")  # the state the rules read and change
T = TypeVar("T")  # what a rule is given (a block)


@dataclass(frozen=True)
class Rule(Generic[S, T]):
    name: str
    apply: Callable[[S, T], bool]


class Ruler(Generic[S, T]):
    """Rules in order; immutable: the editing methods return a new ruler."""

    def __init__(self, rules: Iterable[tuple[str, Callable[[S, T], bool]]]):
        self.rules: tuple[Rule[S, T], ...] = tuple(Rule(name, apply) for name, apply in rules)
        names = [rule.name for rule in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"rule names must be unique: {names}")

    def __iter__(self) -> Iterator[Rule[S, T]]:
        return iter(self.rules)

    @property
    def names(self) -> list[str]:
        return [rule.name for rule in self.rules]

    def run(self, state: S, item: T) -> str:
        """Give `item` to the rules in order; the name of the rule that took it."""
        for rule in self.rules:
            if rule.apply(state, item):
                return rule.name
        raise LookupError(f"no rule took the input (rules: {', '.join(self.names)}); the last rule must take all")

    def _at(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no rule named {name!r} (rules: {', '.join(self.names)})") from None

    def _pairs(self) -> list[tuple[str, Callable[[S, T], bool]]]:
        return [(rule.name, rule.apply) for rule in self.rules]

    def before(self, name: str, new: str, apply: Callable[[S, T], bool]) -> Ruler[S, T]:
        pairs = self._pairs()
        pairs.insert(self._at(name), (new, apply))
        return Ruler(pairs)

    def after(self, name: str, new: str, apply: Callable[[S, T], bool]) -> Ruler[S, T]:
        pairs = self._pairs()
        pairs.insert(self._at(name) + 1, (new, apply))
        return Ruler(pairs)

    def replace(self, name: str, apply: Callable[[S, T], bool]) -> Ruler[S, T]:
        pairs = self._pairs()
        pairs[self._at(name)] = (name, apply)
        return Ruler(pairs)

    def without(self, *names: str) -> Ruler[S, T]:
        for name in names:
            self._at(name)
        return Ruler(pair for pair in self._pairs() if pair[0] not in names)
