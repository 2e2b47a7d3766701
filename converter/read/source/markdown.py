"""Reader for markdown-ish text (what a Word or PDF to markdown converter gives).

Paragraphs are separated by blank lines; `---` lines are page separators; `#` headings and
`**bold**` mark the masthead; footnote definitions are paragraphs that start with their
marker (`<sup>1</sup> …`, `¹ …`, `* …`).
"""
from __future__ import annotations

import re

from converter.lang import Language
from converter.model import Footnote
from converter.read.source.blocks import Block, FootnoteIndex, Source, join_continuations
from converter.read.source.chars import is_blank
from converter.read.source.endnotes import place_end_notes
from converter.read.source.inline import SUPERSCRIPT_DIGITS, SUPERSCRIPT_MAP, parse_lines, parse_runs
from converter.read.source.inline_notes import first_free_marker, lift_inline_notes
from converter.read.source.numbers import number_grammar

SEPARATOR = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+", re.MULTILINE)
FOOTNOTE_DEFINITION = re.compile(
    r"^(?:<sup>\s*(?P<sup>[\w*]+)\s*</sup>|(?P<usup>[" + SUPERSCRIPT_DIGITS + r"]+)|(?P<star>\*{1,6}|†|‡))"
    r"[ \t]+(?P<text>\S.*)$"
)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; page separator lines dropped."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if is_blank(line) or SEPARATOR.match(line):  # a line of a zero-width space alone is blank too
            if current:
                paragraphs.append("\n".join(current))
                current = []
        else:
            current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def footnote_definitions(paragraph: str) -> list[tuple[str, str]] | None:
    """(marker, text) for each definition if the paragraph is a footnote block, else None."""
    definitions: list[list[str]] = []
    for line in paragraph.split("\n"):
        m = FOOTNOTE_DEFINITION.match(line.strip())
        if m:
            marker = m.group("sup") or m.group("star") or m.group("usup").translate(SUPERSCRIPT_MAP)
            definitions.append([marker, m.group("text")])
        elif definitions:
            definitions[-1][1] += "\n" + line
        else:
            return None
    return [(marker, text) for marker, text in definitions]


SINGLE_STAR = re.compile(r"(?<![*\\])\*(?!\*)")


def read_blocks(text: str, lang: Language) -> Source:
    """Blocks of a markdown text (the language's item numbers say where a paragraph goes on)."""
    paragraphs = split_paragraphs(text)
    notes = FootnoteIndex()
    ending = place_end_notes(paragraphs, lang)
    if ending is not None:  # the Security Council's volumes: notes after the adoption line
        paragraphs, end_notes = ending
        for definition in end_notes:
            notes.add(len(paragraphs), Footnote(definition.marker, parse_runs(definition.text)), definition.text)
    kept: list[tuple[int, str]] = []
    found = [footnote_definitions(paragraph) for paragraph in paragraphs]
    starred = any(d and any(m.startswith("*") for m, _ in d) for d in found) and (any(
        len(SINGLE_STAR.findall(p)) % 2 == 1 for p, d in zip(paragraphs, found, strict=True) if d is None)
        or any(d and len({m for m, _ in d if m.startswith("*")}) > 1 for d in found))
    # (`*`, `**`, `***` defined one after the other are notes: a bulleted list repeats one `*`)
    for position, (paragraph, definitions) in enumerate(zip(paragraphs, found, strict=True)):
        if definitions is None or (not starred and any(m.startswith("*") for m, _ in definitions)):
            kept.append((position, paragraph))  # `* item` with no `*` marker (italics come in pairs)
            continue
        for marker, body in definitions:
            notes.add(position, Footnote(marker, parse_runs(body)), body)
    kept = _lift_inline_notes(kept, notes, lang)
    blocks: list[tuple[int, Block]] = []
    for position, paragraph in kept:
        m = HEADING.match(paragraph)
        level = len(m.group(1)) if m else 0
        lines = parse_lines(HEADING.sub("", paragraph), notes.resolver(position))
        if lines:
            blocks.append((position, Block(lines, level)))
    return Source(join_continuations(notes.attach_unreferenced(blocks), number_grammar(lang.item_letters)), notes, [])


def _lift_inline_notes(kept: list[tuple[int, str]], notes: FootnoteIndex, lang: Language) -> list[tuple[int, str]]:
    """Inline `(footnote: …)` notes out of the paragraphs, each a note at its place."""
    if not any(lang.inline_note_re.search(paragraph) for _, paragraph in kept):
        return kept
    number = first_free_marker((p for _, p in kept), (note.marker for _, note in notes.entries))
    out: list[tuple[int, str]] = []
    for position, paragraph in kept:
        text, lifted = lift_inline_notes(paragraph, lang.inline_note_re, number)
        for marker, body in lifted:
            notes.add(position, Footnote(marker, parse_runs(body)), body)
        number += len(lifted)
        out.append((position, text))
    return out
