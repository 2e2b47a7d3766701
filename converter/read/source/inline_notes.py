"""Footnotes written inline, as the UN decisions database gives them: `Fifth Committee,
(Footnote: A/76/518, para. 4 (a).), confirmed …`.

The printed decision has a numbered footnote there. Each inline note is taken out of its
paragraph, read to the parenthesis that closes its own (notes hold parentheses: `para. 4 (a).`),
and its place marked with a superscript of a fresh number (after every number the text already
uses as a marker, so it meets no other note), which the markdown reader resolves like any other.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

SUP_NUMBER = re.compile(r"<sup>\s*(\d+)\s*</sup>")


def first_free_marker(texts: Iterable[str], markers: Iterable[str]) -> int:
    """The first number above every numeric marker defined and every `<sup>N</sup>` printed."""
    used = [int(m) for m in markers if m.isdecimal()]
    used += [int(n) for text in texts for n in SUP_NUMBER.findall(text)]
    return max(used, default=0) + 1


def closing_parenthesis(text: str, start: int) -> int:
    """Where the parenthesis opened just before `start` closes (the end of the text if none does)."""
    depth = 1
    for i in range(start, len(text)):
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def lift_inline_notes(paragraph: str, opener: re.Pattern[str], first: int) -> tuple[str, list[tuple[str, str]]]:
    """The paragraph with each inline note replaced by `<sup>N</sup>` (N = first, first + 1 …),
    and the notes as (marker, text). Spaces before a note go with it: the marker touches the
    word it follows, as printed."""
    notes: list[tuple[str, str]] = []
    out: list[str] = []
    pos = 0
    for m in opener.finditer(paragraph):
        if m.start() < pos:  # inside the note before it
            continue
        end = closing_parenthesis(paragraph, m.end())
        body = paragraph[m.end():end].strip()
        if not body:
            continue
        marker = str(first + len(notes))
        out.append(paragraph[pos:m.start()].rstrip(" \t") + f"<sup>{marker}</sup>")
        notes.append((marker, body))
        pos = end + 1
    if not notes:
        return paragraph, []
    out.append(paragraph[pos:])
    return "".join(out), notes
