"""Introductory phrases: the preambular opener or operative verb that starts a paragraph."""
from __future__ import annotations

from converter.lang.matching import PhraseMatcher
from converter.model import Emph, Run, plain_text
from converter.read.source.inline import emphasize, split_runs, tidy

MAX_OPENER_WORDS = 8


def opener(runs: list[Run], matcher: PhraseMatcher) -> tuple[str, list[Run]]:
    """The introductory phrase of a paragraph, in italics: the source's or a recognised one."""
    text = plain_text(runs)
    length = matcher.match(text)
    if runs and isinstance(runs[0], Emph):
        italic = plain_text(runs[0].children)
        if len(italic.split()) <= MAX_OPENER_WORDS or not length:
            return italic.strip(), runs
        # The whole paragraph is italic in the source: keep the recognised opener only.
        head, tail = split_runs(runs[0].children, length)
        return text[:length], tidy([Emph(head), *tail, *runs[1:]])
    if length:
        return text[:length], emphasize(runs, length)
    return "", runs
