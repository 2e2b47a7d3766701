"""Numbered items and their nesting: `1.`, `(a)`/`a)`, `(i)`/`i)`, `(aa)`.

Whether `(i)` is the letter after `(h)` or the first roman numeral is decided by the open
sequences, never by the characters alone: an item continues the deepest open sequence that
expects it, otherwise it opens a new sequence under the last item if it is a first value.
"""
from __future__ import annotations

from dataclasses import dataclass

from converter.model import Item, Node, Para, Run, plain_text


@dataclass
class Level:
    scheme: str
    value: int
    items: list[Node]


class Outline:
    """Places items one after the other into nested lists."""

    def __init__(self, top: list[Node]):
        self.top = top
        self.levels: list[Level] = []

    @property
    def started(self) -> bool:
        """Whether any numbered item has been placed."""
        return bool(self.levels)

    def continued(self, top: list[Node], scheme: str | None = None) -> Outline:
        """A fresh outline over `top` whose top-level numbering goes on from this one's (`3.`,
        `4.` … across sections or articles); if this one has none, `scheme` from 0, if given."""
        fresh = Outline(top)
        if self.levels:
            first = self.levels[0]
            fresh.levels.append(Level(first.scheme, first.value, top))
        elif scheme is not None:
            fresh.levels.append(Level(scheme, 0, top))
        return fresh

    def is_top_item(self, item: Item) -> bool:
        """Whether `item` was placed at the top level (a paragraph, not a sub-item)."""
        return bool(self.levels) and self.levels[0].items[-1] is item

    def top_items(self) -> list[Node]:
        """Where unnumbered text goes: beside the top-level items."""
        return self.levels[0].items if self.levels else self.top

    def nest_under_last(self) -> None:
        """With no sequence open, the next one opens under the last node of the top (an
        unnumbered paragraph made into an item holding the list it introduces)."""
        self.levels[:] = [Level("intro", 0, self.top)]

    def place(self, item: Item, options: list[tuple[str, int]],
              following: list[tuple[str, int]] | None = None) -> bool:
        """Add the item where its number continues a sequence; False if it fits nowhere.

        `following` are the readings of the next item's number: `(i)` then `(ii)` is roman.
        """
        if len(options) > 1 and following:
            continued = [o for o in options if (o[0], o[1] + 1) in following]
            if len(continued) == 1:
                options = continued
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            for scheme, value in options:
                if scheme == level.scheme and value == level.value + 1:
                    del self.levels[depth + 1:]
                    self._append(level, item, scheme, value)
                    return True
        for scheme, value in options:
            if value == 1 and (open_at := self._open_depth(scheme)) is not None:
                # `(1)` again where a `(1)`, `(2)` … sequence is open (after a heading line, say):
                # that sequence starts over at its own depth, never under its own last item
                del self.levels[open_at + 1:]
                self._append(self.levels[open_at], item, scheme, value)
                return True
        for scheme, value in options:
            if value == 1:
                holder = self._last_item()
                container = holder.items if holder is not None else self.top
                level = Level(scheme, 0, container)
                self.levels.append(level)
                self._append(level, item, scheme, value)
                return True
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            for scheme, value in options:
                if scheme == level.scheme:
                    del self.levels[depth + 1:]
                    self._append(level, item, scheme, value)
                    return False
        if not self.levels and options:
            scheme, value = options[0]
            level = Level(scheme, value - 1, self.top)
            self.levels.append(level)
            self._append(level, item, scheme, value)
            return False
        container = self.levels[-1].items if self.levels else self.top
        container.append(item)
        return False

    def unnumbered(self, runs: list[Run], closes_list: bool) -> bool:
        """Unnumbered text after items. Words in lower case that close the sentence of the
        deepest open list (`…; or (ii) …; with the intent that …`) are its wrap-up: they go to
        the item holding that list, the list ends, and True says they are placed. Anything else
        ends the sub-lists open under the top level (False: the caller places it), so that the
        next sub-item cannot go back into a paragraph printed before it. `closes_list`: the words
        may close a list (`NumberGrammar.closes_a_list`)."""
        if closes_list and len(self.levels) >= 2:
            inner, outer = self.levels[-1], self.levels[-2]
            holder = next((i for i in reversed(outer.items)
                           if isinstance(i, (Item, Para)) and i.items is inner.items), None)
            if holder is not None and holder.wrap_up is None:
                holder.wrap_up = runs
                del self.levels[-1]
                return True
        del self.levels[1:]
        return False

    def _open_depth(self, scheme: str) -> int | None:
        return next((depth for depth in range(len(self.levels) - 1, -1, -1)
                     if self.levels[depth].scheme == scheme), None)

    @staticmethod
    def _append(level: Level, item: Item, scheme: str, value: int) -> None:
        item.scheme = "arabic" if scheme == "parenthesized" else scheme
        level.value = value
        level.items.append(item)

    def _last_item(self) -> Item | Para | None:
        """The node a new nested sequence goes under: the last item of the deepest level; or an
        unnumbered paragraph that introduces it (`… when:` then (a), (b)), which then holds the
        new list, so that the list stays where it is printed."""
        if not self.levels:
            return None
        container = self.levels[-1].items
        intro = container[-1] if container else None
        if isinstance(intro, Para) and (intro.items or self.levels[-1].scheme == "intro"):
            return intro  # it holds a list already, or was made the holder (`nest_under_last`)
        if isinstance(intro, Para) and plain_text(intro.children).rstrip().endswith(":"):
            before = container[-2] if len(container) > 1 else None
            if isinstance(before, Item) and before.num and not before.items:
                # `4. …` then an unnumbered paragraph `… when:` then (a), (b): the paragraph is
                # item 4's own second paragraph, and the list is item 4's
                container.pop()
                if before.children:
                    before.more.append(intro.children)
                else:  # `7.` printed alone (double-spaced text): the paragraph is its text
                    before.children = intro.children
                return before
            return intro
        holders = [i for i in container if isinstance(i, Item) or (isinstance(i, Para) and i.items)]
        return holders[-1] if holders else None
