"""The lexical grammar of item numbers: `1.`, `(1)`, `(a)`/`a)`, `(i)`, `(aa)`, labels `b.`, `a.1.`.

Only what the characters say: which sequences a number could belong to is read here, where it
goes (the nesting) in `read.structure.outline`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from converter.read.source.chars import starts_in_lower_case

NUMBER = re.compile(r"^(?P<num>(?P<arabic>\d{1,3})\.|\((?P<parabic>\d{1,3})\)|\(?(?P<key>[a-z]{1,4})\))(?=\s|$)")
LABEL = re.compile(r"^(?:[a-z](?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+\.?)\s")  # `b.`, `a.1.`, `4.2.3` items


def closes_a_list(text: str) -> bool:
    """Unnumbered words in lower case after sub-items: the end of the sentence they were in."""
    return starts_in_lower_case(text) and not LABEL.match(text)


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


def alpha_value(key: str) -> int | None:
    """a=1 … z=26, aa=27 … zz=52 (UN doubling), None if not a letter sequence."""
    if len(set(key)) != 1 or not key.isalpha():
        return None
    return (len(key) - 1) * 26 + ord(key[0]) - ord("a") + 1


def candidates(num: str, arabic: str | None, key: str | None) -> list[tuple[str, int]]:
    """The (scheme, value) readings of an item number, as `split_number` splits it."""
    if arabic:
        return [("arabic" if not num.startswith("(") else "parenthesized", int(arabic))]
    if key is None:  # never from `split_number`: a number without digits has a key
        return []
    out = []
    if (value := alpha_value(key)) is not None:
        out.append(("alpha", value))
    if (value := roman_value(key)) is not None:
        out.append(("roman", value))
    return out


class Number(NamedTuple):
    """An item number at the start of a text, as `split_number` reads it."""

    num: str  # as printed: `1.`, `(a)`, `b)`
    arabic: str | None  # the digits of `1.` or `(1)`
    key: str | None  # the letters of `(a)`, `b)`, `(iv)`
    end: int  # where the number ends in the text


def split_number(text: str) -> Number | None:
    """(printed number, arabic, key, end offset) if the text starts with an item number."""
    m = NUMBER.match(text)
    if not m:
        return None
    return Number(m.group("num"), m.group("arabic") or m.group("parabic"), m.group("key"), m.end())
