"""Comparing phrases: case folding and the introductory-phrase matcher (no script assumed)."""
from __future__ import annotations

from collections.abc import Iterable


def fold(text: str) -> str:
    """Case- and apostrophe-insensitive form used to compare phrases."""
    return text.replace("’", "'").replace("‘", "'").casefold()


class PhraseMatcher:
    """Recognises an introductory phrase: a head phrase then any modifiers, longest first; the
    head may come after a pre-modifier (`Also decides`, `Further requests`).

    `spaced` says whether the language writes spaces between words: then a phrase must end at a
    word boundary and a modifier is separated from what it follows by a space. Without spaces
    (Chinese), a phrase ends where its characters end and a modifier follows at once.
    """

    WINDOW = 160  # characters folded to look for a phrase: heads and modifiers are a few words
    KEY = 4  # phrases are indexed by their first characters (at most this many)

    def __init__(self, heads: Iterable[str], modifiers: Iterable[str], premodifiers: Iterable[str] = (),
                 spaced: bool = True):
        heads, modifiers, premodifiers = list(heads), list(modifiers), list(premodifiers)
        self.spaced = spaced
        self.heads = self._index(heads)
        self.modifiers = self._index(modifiers)
        self.premodifiers = self._index(premodifiers)
        self.longest = max(map(len, [*heads, *modifiers, *premodifiers, ""]))

    @classmethod
    def _index(cls, phrases: list[str]) -> tuple[int, dict[str, list[str]]]:
        """Phrases by their first characters, longest first: a match looks at a handful only."""
        folded = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
        width = min([cls.KEY, *map(len, folded)])
        index: dict[str, list[str]] = {}
        for phrase in folded:
            index.setdefault(phrase[:width], []).append(phrase)
        return width, index

    def match(self, text: str) -> int:
        """Length of the phrase at the start of `text`, 0 if none."""
        if len(text) <= self.WINDOW:
            return self._match(fold(text))
        end = self._match(fold(text[:self.WINDOW]))
        if end + self.longest + 2 > self.WINDOW:  # a phrase may go on past the window
            return self._match(fold(text))
        return end

    def _match(self, folded: str) -> int:
        end = 0
        gap = 1 if self.spaced else 0
        pre = self._prefix(folded, 0, self.premodifiers)
        if pre and (not self.spaced or folded[pre:pre + 1] == " "):
            end = self._prefix(folded, pre + gap, self.heads)
        if not end:
            end = self._prefix(folded, 0, self.heads)
        if not end:
            return 0
        while True:
            if self.spaced and not folded[end:end + 1].isspace():
                return end
            nxt = self._prefix(folded, end + gap, self.modifiers)
            if not nxt:
                return end
            end = nxt

    def _prefix(self, folded: str, start: int, indexed: tuple[int, dict[str, list[str]]]) -> int:
        width, index = indexed
        for phrase in index.get(folded[start:start + width], ()):
            stop = start + len(phrase)
            if folded.startswith(phrase, start) and (not self.spaced or self._boundary(folded, stop)):
                return stop
        return 0

    @staticmethod
    def _boundary(folded: str, stop: int) -> bool:
        return not folded[stop:stop + 1].isalnum()
