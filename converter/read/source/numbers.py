"""The lexical grammar of item numbers: `1.`, `(1)`, `(a)`/`a)`, `(i)`, `(aa)`, labels `b.`, `a.1.`.

Only what the characters say: which sequences a number could belong to is read here, where it
goes (the nesting) in `read.structure.outline`.
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from converter.read.source.chars import starts_in_lower_case

ROMAN = re.compile(r"^(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(key: str) -> int | None:
    if not ROMAN.match(key):
        return None
    total = 0
    for a, b in zip(key, key[1:] + " ", strict=True):
        value = ROMAN_VALUES[a]
        total += -value if b != " " and ROMAN_VALUES[b] > value else value
    return total


class Number(NamedTuple):
    """An item number at the start of a text, as `split_number` reads it."""

    num: str  # as printed: `1.`, `(a)`, `b)`
    arabic: str | None  # the digits of `1.` or `(1)`
    key: str | None  # the letters of `(a)`, `b)`, `(iv)`
    end: int  # where the number ends in the text


class NumberGrammar:
    """The item numbers of one language: `1.`, `(1)`, Roman `(iv)`, and keys in the language's
    own letters (`letters`, in their order: `(a)`, `b)`, doubled `(aa)`), and labels `b.`, `a.1.`."""

    def __init__(self, letters: str):
        self.letters = letters
        self.position = {c: i + 1 for i, c in enumerate(letters)}
        keys = "".join(sorted(set(letters) | set(ROMAN_VALUES)))
        own = "".join(sorted(set(letters)))
        self.number = re.compile(rf"^(?P<num>(?P<arabic>\d{{1,3}})\.|\((?P<parabic>\d{{1,3}})\)"
                                 rf"|(?P<comma>\d{{1,3}}),(?=\s+\w)"
                                 rf"|\(?(?P<key>[{re.escape(keys)}]{{1,4}})\))(?=\s|$)")
        self.inline_item = re.compile(rf"\s\((?:[{re.escape(keys)}]{{1,4}}|\d{{1,3}})\)\s")  # ` (b) ` in a line
        self.label = re.compile(rf"^(?:[{re.escape(own)}](?:\.\d{{1,3}})*\.|\d{{1,3}}(?:\.\d{{1,3}})+\.?)\s")

    def split(self, text: str) -> Number | None:
        """(printed number, arabic, key, end offset) if the text starts with an item number."""
        m = self.number.match(text)
        if not m or (m.group("comma") and not text[m.end():].lstrip()[:1].isupper()):
            return None  # `7, Requests …` is `7.` misread (the Council's scanned volumes); `2, 3 and 4` is not
        return Number(m.group("num"), m.group("arabic") or m.group("parabic") or m.group("comma"), m.group("key"),
                      m.end())

    def closes_a_list(self, text: str) -> bool:
        """Unnumbered words in lower case after sub-items: the end of the sentence they were in."""
        return starts_in_lower_case(text) and not self.label.match(text)

    def alpha_value(self, key: str) -> int | None:
        """a=1 … z=26, aa=27 … zz=52 (UN doubling), None if not a letter sequence."""
        if len(set(key)) != 1 or key[0] not in self.position:
            return None
        return (len(key) - 1) * len(self.letters) + self.position[key[0]]

    def candidates(self, num: str, arabic: str | None, key: str | None) -> list[tuple[str, int]]:
        """The (scheme, value) readings of an item number, as `split` splits it."""
        if arabic:
            return [("arabic" if not num.startswith("(") else "parenthesized", int(arabic))]
        if key is None:  # never from `split`: a number without digits has a key
            return []
        out = []
        if (value := self.alpha_value(key)) is not None:
            out.append(("alpha", value))
        if (value := roman_value(key)) is not None:
            out.append(("roman", value))
        return out


@cache
def number_grammar(letters: str) -> NumberGrammar:
    """The grammar of a language's item numbers (`Language.item_letters`), made once."""
    return NumberGrammar(letters)
