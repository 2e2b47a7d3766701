"""Character classes that hold in every script."""
from __future__ import annotations

import unicodedata


def is_blank(text: str) -> bool:
    """Only white space and invisible format characters (zero-width space, joiners, BOM): no
    text a reader sees."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


SENTENCE_ENDS = (".", ";", ":", "!", "?", "。", "；", "：", "！", "？", "؛", "؟")  # in any script
CLAUSE_ENDS = (*SENTENCE_ENDS, ",", "，", "、", "،")


def starts_in_lower_case(text: str) -> bool:
    """The text opens with a lower-case letter: in a cased script (Latin, Cyrillic, Greek) the
    sign that it goes on from the line before. Never true in a script without case (Arabic,
    Chinese): the rules that ask rely on their other evidence there."""
    return text[:1].islower()
