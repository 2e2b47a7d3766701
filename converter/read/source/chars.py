"""Character classes that hold in every script."""
from __future__ import annotations

import unicodedata


def is_blank(text: str) -> bool:
    """Only white space and invisible format characters (zero-width space, joiners, BOM): no
    text a reader sees."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)
