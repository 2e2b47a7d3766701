"""Annexes: heading lines, then parts, chapters and articles, numbered paragraphs and lists.

Each annex gets its own outline: numbering restarts, and an article or chapter holds what
follows it until the next one of the same or a higher rank.
"""
from __future__ import annotations

from converter.lang import Language
from converter.model import (
    Annex,
    AnnexPreamble,
    Diagnostic,
    Division,
    Item,
    Node,
    Para,
    Recital,
    Role,
    Run,
    Span,
    plain_text,
)
from converter.read.source.blocks import Block
from converter.read.source.inline import split_runs, tidy
from converter.read.source.numbers import number_grammar
from converter.read.structure.openers import opener
from converter.read.structure.outline import Outline

RANKS = {"part": 0, "chapter": 1, "section": 2, "article": 3}
MAX_HEADING_WORDS = 60  # the long titles of annexed instruments run to 40 words


def annex_start(block: Block, lang: Language) -> bool:
    return bool(lang.annex_re.match(block.head))


def is_heading(block: Block, lang: Language, max_words: int = MAX_HEADING_WORDS) -> bool:
    """A short unnumbered line with no closing punctuation: a title, not a paragraph."""
    text = block.text
    return (0 < len(text.split()) <= max_words and not number_grammar(lang.item_letters).split(text)
            and not text.rstrip().endswith((".", ",", ":")))


def division_of(block: Block, lang: Language) -> tuple[str, str, str, list[list[Run]]] | None:
    """(kind, printed number, key, heading lines) if the block opens a division. A heading
    printed on the number's line (`Articles 23 and 35, with regard to …`) is a heading line."""
    first = block.head
    for kind, patterns in lang.division_res.items():
        for pattern in patterns:
            m = pattern.match(first)
            if not m or (m.groupdict().get("rest") and not is_heading(Block([block.lines[0]]), lang, 20)):
                continue  # `A. The panel shall …` is a sentence, not `A. Mandate`
            key = m.group("num").replace(" ", "")
            heading = block.lines[1:]
            if m.groupdict().get("rest"):
                num, rest = split_runs(block.lines[0], m.start("rest"))
                first = plain_text(num).rstrip(" ,;:")
                heading = [tidy(rest), *heading]
            return kind, first, key, heading
    return None


class AnnexBuilder:
    def __init__(self, lang: Language, diagnostics: list[Diagnostic]):
        self.lang = lang
        self.diagnostics = diagnostics

    def build(self, blocks: list[Block]) -> Annex:
        head, rest = blocks[0], blocks[1:]
        title_lines = head.lines[1:]
        while (rest and is_heading(rest[0], self.lang) and not division_of(rest[0], self.lang)
               and rest[0].text != self.lang.preamble_heading and len(title_lines) < 8):
            title_lines.extend(rest.pop(0).lines)
        heading = [head.lines[0]]
        if title_lines:
            title = Block(title_lines).runs
            heading.append([Span(Role.TITLE, title)])
        annex = Annex(heading)
        if rest and rest[0].text == self.lang.preamble_heading:
            end = next((i for i, b in enumerate(rest) if division_of(b, self.lang) or opens_body(b, self.lang)),
                       len(rest))
            if end < len(rest):  # a preamble is before a body: with none after it, its words are the body
                annex.preamble = self._preamble(rest[:end])
                rest = rest[end:]
        self.stack: list[tuple[Division | None, list[Node], Outline]] = [(None, annex.items, Outline(annex.items))]
        pending_heading: Division | None = None
        for block in rest:
            division = division_of(block, self.lang)
            if division:
                kind, num, key, heading_lines = division
                node = Division(kind, num, key, tidy(Block(heading_lines).runs) if heading_lines else [])
                self._open(node)
                pending_heading = node if not heading_lines else None
                continue
            if pending_heading is not None and is_heading(block, self.lang):
                pending_heading.heading = block.runs
                pending_heading = None
                continue
            pending_heading = None
            if block.text.startswith(self.lang.closing_clauses) and len(self.stack) > 1:
                del self.stack[1:]  # the testimonium and `Done at …` close the last article
            self._content(block)
        return annex

    def _preamble(self, blocks: list[Block]) -> AnnexPreamble:
        """`Preamble`, then the formula (`The States Parties …,`), the paragraphs, and the
        closing words (`Have agreed as follows:`)."""
        preamble = AnnexPreamble(blocks[0].runs)
        body = blocks[1:]
        if body and not self.lang.preambular.match(body[0].text) and body[0].text.endswith(","):
            preamble.formula = body.pop(0).runs
        if body and body[-1].text.endswith(":") and not self.lang.preambular.match(body[-1].text):
            preamble.closing = body.pop().runs
        for block in body:
            name, runs = opener(block.runs, self.lang.preambular)
            preamble.recitals.append(Recital(name, runs))
        return preamble

    def _open(self, node: Division) -> None:
        rank = RANKS.get(node.kind, 2)
        before: Outline | None = None  # the numbering of the last division of the same kind
        while len(self.stack) > 1 and self._rank_open() >= rank:
            popped, _, outline = self.stack.pop()
            if popped is not None and popped.kind == node.kind and outline.started:
                before = outline
        self.stack[-1][1].append(node)
        # paragraphs numbered on from one article to the next (3., 4. …) are no surprise
        outline = before.continued(node.items) if before is not None else Outline(node.items)
        self.stack.append((node, node.items, outline))

    def _rank_open(self) -> int:
        """The rank of the innermost open division (the annex itself ranks above all)."""
        division = self.stack[-1][0]
        return RANKS.get(division.kind, 2) if division is not None else -1

    def _content(self, block: Block) -> None:
        _, items, outline = self.stack[-1]
        text = block.text
        numbers = number_grammar(self.lang.item_letters)
        number = block.number(numbers)
        if number is None:
            if not outline.unnumbered(block.runs, numbers.closes_a_list(text)):
                items.append(Para(block.runs))
            return
        num, arabic, key, end = number
        _, rest = split_runs(block.runs, end)
        rest = tidy(rest)
        inner = numbers.split(plain_text(rest))
        if inner:  # `12. (a) text`: a paragraph whose first words are its first sub-item
            self._place(outline, items, Item(num=num, key=arabic or key or "", scheme="", children=[]),
                        numbers.candidates(num, arabic, key))
            _, inner_rest = split_runs(rest, inner.end)
            num, arabic, key, _ = inner
            rest = tidy(inner_rest)
        self._place(outline, items, Item(num=num, key=arabic or key or "", scheme="", children=rest),
                    numbers.candidates(num, arabic, key))

    def _place(self, outline: Outline, items: list[Node], item: Item, options: list[tuple[str, int]]) -> None:
        arabic = any(scheme in ("arabic", "parenthesized") for scheme, _ in options)
        intro = items[-1] if items else None
        if not outline.started and isinstance(intro, Para) and not arabic and block_intro(intro):
            outline.nest_under_last()  # the paragraph holds the list it introduces
        if not outline.place(item, options):
            self.diagnostics.append(Diagnostic("warning", "numbering",
                                               f"annex item {item.num} does not continue any numbered "
                                               "sequence"))


def opens_body(block: Block, lang: Language) -> bool:
    """A paragraph numbered `1.` (or any arabic number) ends an annex's preamble: the body of a
    declaration without articles starts there."""
    number = number_grammar(lang.item_letters).split(block.text)
    return number is not None and number.arabic is not None


def block_intro(para: Para) -> bool:
    return plain_text(para.children).rstrip().endswith(":")


def nest_annexes(annexes: list[Annex], lang: Language) -> list[Annex]:
    """An unnumbered `Annex` right after an annexed instrument (one with chapters or articles)
    is that instrument's own annex (the interpretative notes of a convention, say)."""
    out: list[Annex] = []
    for annex in annexes:
        m = lang.annex_re.match(plain_text(annex.heading[0]).strip()) if annex.heading else None
        if out and m and not m.group("num") and any(isinstance(node, Division) for node in out[-1].items):
            out[-1].annexes.append(annex)
        else:
            out.append(annex)
    return out
