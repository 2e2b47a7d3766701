"""The enacting formula: `The General Assembly,`, `Le Conseil de sécurité,`, `La Asamblea General,`."""
from __future__ import annotations

from converter.lang import Language, body_names, fold
from converter.read.source.blocks import Block


def formula_body(block: Block, lang: Language) -> tuple[str | None, int] | None:
    """(body actor, length of `article + name`) if the block is the enacting formula."""
    text = block.text.lstrip("*_ ")
    folded = fold(text)
    bare = not text.rstrip("*_ ").endswith((",", ":"))  # `The Security Council` alone (old Council texts)
    if bare and len(text.split()) > 6:
        return None
    for article in lang.formula_articles:
        art = fold(article)
        if not folded.startswith(art):
            continue
        rest = folded[len(art):].lstrip()
        gap = len(folded) - len(art) - len(rest)
        if not art.endswith("'") and gap == 0:
            continue
        for name, body in body_names(lang.code):
            if rest.startswith(name) and not rest[len(name):len(name) + 1].isalnum():
                if bare and rest[len(name):].strip("*_ "):
                    break  # without its comma, a formula is the name alone on its line
                return body.actor, len(art) + gap + len(name)
    words = text.split()
    if not bare and len(words) <= 8 and words[0] in lang.formula_articles and text.endswith(","):
        return None, len(text) - 1
    return None
