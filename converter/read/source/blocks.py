"""Blocks: what every text reader hands to structure recognition.

A block is one paragraph of the source (printed lines of runs). Footnote definitions have
already been taken out and every marker points to its note.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from converter.model import Diagnostic, Footnote, NoteRef, Run, Sup, Text, plain_text
from converter.read.source.chars import CLAUSE_ENDS, SENTENCE_ENDS, is_blank, starts_in_lower_case
from converter.read.source.inline import Resolver, tidy
from converter.read.source.numbers import Number, NumberGrammar


@dataclass
class Block:
    lines: list[list[Run]]
    heading: int = 0
    after_break: bool = False  # starts right after a page break (PDF text)
    wrapped: bool = False  # lines are where the page wrapped them (PDF text), not logical lines

    @cached_property
    def runs(self) -> list[Run]:
        """The block's runs, its printed lines joined (computed once: a block is not changed
        after it is made; `FootnoteIndex.attach_unreferenced` makes a new one)."""
        if len(self.lines) == 1:
            return list(self.lines[0])  # a reader's line is already tidy
        out: list[Run] = []
        for line in self.lines:
            if out and not hyphenated(out[-1], line):
                out.append(Text(" "))
            out.extend(line)
        return tidy(out)

    @cached_property
    def head(self) -> str:
        """The plain text of the first printed line."""
        return plain_text(self.lines[0]).strip() if self.lines else ""

    @cached_property
    def text(self) -> str:
        """The block's plain text."""
        return " ".join(plain_text(line) for line in self.lines).strip()

    def number(self, numbers: NumberGrammar) -> Number | None:
        """The item number the block starts with, printed in its text: digits of a superscript
        or a note marker next to it (`1⁵.`, `<sup>4</sup>14.`) are not part of it."""
        number = numbers.split(self.text)
        if number is None or not self.lines:
            return number
        first = self.lines[0]
        if not any(isinstance(run, (Sup, NoteRef)) for run in first):
            return number
        lead = plain_text(first[:next(i for i, run in enumerate(first) if isinstance(run, (Sup, NoteRef)))])
        return number if number.end <= len(lead.lstrip()) else None


class Source(NamedTuple):
    """What a text reader makes of a text: its blocks, its footnotes, and the page furniture it
    set aside (running headers, job numbers, page numbers, barcodes), as printed."""

    blocks: list[Block]
    notes: FootnoteIndex
    furniture: list[str]


@dataclass
class FootnoteIndex:
    """Footnote definitions in reading order; resolves a marker seen at a block position."""

    entries: list[tuple[int, Footnote]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    textless: list[str] = field(default_factory=list)  # markers of definitions with nothing to read
    markup_only: list[str] = field(default_factory=list)  # markers of definitions of markup alone

    def add(self, position: int, note: Footnote, printed: str = "") -> None:
        """A definition. One whose runs hold no text (`1 **`: markup alone) keeps the characters
        printed; one with none visible at all is no note: its marker stays a superscript."""
        if is_blank(plain_text(note.children)) and not any(isinstance(r, NoteRef) for r in note.children):
            if is_blank(printed):
                self.textless.append(note.marker)
                return
            note = Footnote(note.marker, [Text(printed.strip())])
            self.markup_only.append(note.marker)
        elif printed.strip() and not printed.strip().strip("*_"):  # `1 **` read as the stars printed
            self.markup_only.append(note.marker)
        self.entries.append((position, note))

    def resolver(self, position: int) -> Resolver:
        def resolve(marker: str) -> Footnote | None:
            same = [(i, (pos, note)) for i, (pos, note) in enumerate(self.entries) if note.marker == marker]
            if not same:
                if marker.isdigit() and marker not in self.textless:
                    self.missing.append(marker)
                return None
            after = [entry for entry in same if entry[1][0] >= position]
            index, (_, note) = after[0] if after else same[-1]
            self.used.add(index)
            return note
        return resolve

    def unreferenced(self) -> list[tuple[int, Footnote]]:
        return [entry for i, entry in enumerate(self.entries) if i not in self.used]

    def diagnostics(self) -> list[Diagnostic]:
        found = [Diagnostic("warning", "footnote-unreferenced",
                            f"footnote {note.marker} ({plain_text(note.children)[:40]}) is referenced nowhere: "
                            "kept at the end of the paragraph before it")
                 for _, note in self.unreferenced()]
        found += [Diagnostic("warning", "footnote-undefined",
                             f"superscript {marker} looks like a footnote marker but no footnote {marker} is "
                             "defined: kept as a superscript") for marker in self.missing]
        found += [Diagnostic("warning", "footnote-empty",
                             f"footnote {marker} has no text: its marker is kept as a superscript")
                  for marker in self.textless]
        found += [Diagnostic("warning", "footnote-markup", f"footnote {marker} holds markup alone: kept as printed")
                  for marker in self.markup_only]
        return found

    def attach_unreferenced(self, blocks: list[tuple[int, Block]]) -> list[Block]:
        """The blocks, with each definition nothing refers to as a note at the end of the
        paragraph before it (a new block in its place: blocks are never changed)."""
        out = [block for _, block in blocks]
        for position, note in self.unreferenced():
            at = max((i for i, (pos, _) in enumerate(blocks) if pos < position), default=0 if out else None)
            if at is not None:
                block = out[at]
                lines = [*block.lines[:-1], [*block.lines[-1], NoteRef(note.marker, note)]]
                out[at] = replace(block, lines=lines)
        return out


def hyphen_continues(left: str, right: str) -> bool:
    """A word cut by a hyphen at the end of a printed line goes on, unspaced, on the next, the
    hyphen kept as printed (UN texts break lines at compound hyphens: `high-|level`,
    `Secretary-|General`, `COVID-|19`); a dash after a space (` -`) is punctuation."""
    return len(left) > 1 and left[-1] == "-" and left[-2].isalnum() and right[:1].isalnum()


def hyphenated(last: Run, line: list[Run]) -> bool:
    first = line[0] if line else None
    return isinstance(last, Text) and isinstance(first, Text) and hyphen_continues(last.text, first.text)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_ENDS)


def is_continuation(previous: Block, block: Block, numbers: NumberGrammar) -> bool:
    """A paragraph cut in two by a page break or a footnote block: join it again."""
    text = block.text
    if not text or numbers.split(text) or previous.heading or numbers.label.match(text):
        return False
    if starts_in_lower_case(text):
        return not ends_sentence(previous.text)
    before = previous.text.rstrip()
    if before.endswith((".)", ".”", ".’", '."')):  # a sentence closed inside a parenthesis or a quotation
        before = before[:-1]
    return block.after_break and not before.endswith(CLAUSE_ENDS)


def join_continuations(blocks: list[Block], numbers: NumberGrammar) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if out and is_continuation(out[-1], block, numbers):
            last = out[-1]
            out[-1] = Block(last.lines + block.lines, last.heading, last.after_break, last.wrapped)
        else:
            out.append(block)
    return out
