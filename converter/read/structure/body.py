"""The body of a resolution or decision: what follows the enacting formula, block by block.

`BODY_RULES` is the grammar of the body as an ordered list of named rules (see `read.ruler`):
annexes, then the closing lines (conclusions), sections and their headings, sub-items of a
preambular paragraph, numbered operative paragraphs, the wrap-up of a list, unnumbered
paragraphs of the operative part and, last, the preambular paragraph, which takes whatever is
left. Each rule is a function `(state, block) -> bool`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.lang import Language
from converter.model import Diagnostic, Division, Item, Node, NoteRef, Para, Recital, Role, Run, Sup, Text, plain_text
from converter.read.ruler import Ruler
from converter.read.source.blocks import Block
from converter.read.source.chars import is_blank
from converter.read.source.inline import emphasize, split_runs, tidy, wrap
from converter.read.source.numbers import Number, NumberGrammar, number_grammar
from converter.read.structure.annex import annex_start, is_heading
from converter.read.structure.formula import formula_body
from converter.read.structure.masthead import Mark, adoption_meeting_marks
from converter.read.structure.openers import opener
from converter.read.structure.outline import Outline


@dataclass
class BodyState:
    """What the body rules build, and where they are."""

    lang: Language
    diagnostics: list[Diagnostic]
    grammar: NumberGrammar  # the language's item numbers
    numbers: list[Number | None]  # each block's leading item number, read once
    preamble: list[Recital] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    conclusions: list[list[Run]] = field(default_factory=list)
    annex_blocks: list[list[Block]] = field(default_factory=list)
    outline: Outline = field(init=False)
    recital_outline: Outline | None = None
    untitled: Division | None = None  # a section whose heading may be the next block
    index: int = 0  # the position of the block the rules are given
    taken: list[str] = field(default_factory=list)  # the rule that took each block, in order
    last_item: Item | None = None  # the item the last numbered block made

    def __post_init__(self) -> None:
        self.outline = Outline(self.body)

    @property
    def number(self) -> Number | None:
        return self.numbers[self.index]

    @property
    def next_number(self) -> Number | None:
        return self.numbers[self.index + 1] if self.index + 1 < len(self.numbers) else None

    def warn(self, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", code, message))


def read_body(blocks: list[Block], lang: Language, diagnostics: list[Diagnostic],
              rules: Ruler[BodyState, Block]) -> BodyState:
    """Run the rules over the blocks after the formula, in reading order."""
    numbers = number_grammar(lang.item_letters)
    state = BodyState(lang, diagnostics, numbers, [block.number(numbers) for block in blocks])
    for index, block in enumerate(blocks):
        state.index = index
        state.taken.append(rules.run(state, block))
    return state


# -- the rules, in the order of BODY_RULES ---------------------------------------------------------

def annex(state: BodyState, block: Block) -> bool:
    """`Annex` (after the operative part) and everything after it: grouped per annex."""
    starts = bool(state.body or state.conclusions or state.annex_blocks) and annex_start(block, state.lang)
    if not (state.annex_blocks or starts):
        return False
    if starts:
        state.annex_blocks.append([])
    state.annex_blocks[-1].append(block)
    return True


def conclusion(state: BodyState, block: Block) -> bool:
    """A closing line after the operative part: `62nd plenary meeting / 15 December 2025`; or
    after the preamble, where the operative part is unnumbered (read as preamble until the
    `unnumbered_operative_part` transform): `Adopted unanimously at the 869th meeting.`"""
    if not (state.body or state.preamble) or (marks := conclusion_marks(block, state.lang)) is None:
        return False
    if state.lang.preambular.match(block.text):
        return False
    runs = block.runs
    for start, end, role, value in sorted(marks, reverse=True):
        runs = wrap(runs, start, end, role, value)
    state.conclusions.append(runs)
    return True


def conclusion_note(state: BodyState, block: Block) -> bool:
    """`[Adopted without a vote.]` under the meeting line."""
    text = block.text
    if not (state.conclusions and text.startswith("[") and text.rstrip().endswith("]")):
        return False
    state.conclusions.append(block.runs)
    return True


def section(state: BodyState, block: Block) -> bool:
    """`A` (Security Council), `I.` or `II` on the first line, its heading under it."""
    found = section_of(block, state.lang)
    if found is None:
        return False
    state.outline = open_section(state.body, state.outline, found)
    state.untitled = _untitled(state.body[-1])
    return True


def _untitled(node: Node) -> Division | None:
    """A section whose heading holds no more than its number's notes: its heading may follow."""
    if isinstance(node, Division) and all(isinstance(run, (NoteRef, Sup)) for run in node.heading):
        return node
    return None


def section_heading(state: BodyState, block: Block) -> bool:
    """`II`, then `Follow-up` on a line of its own: the heading of that section."""
    untitled, state.untitled = state.untitled, None
    if untitled is None or not is_heading(block, state.lang):
        return False
    untitled.heading = untitled.heading + block.runs  # after the number's note, if it has one
    return True


def recital_item(state: BodyState, block: Block) -> bool:
    """A lettered item inside a preambular paragraph (`… was developed:` then (a), (b))."""
    number = state.number
    if number is None or state.body or not state.preamble or number.arabic:
        return False
    last = state.preamble[-1]
    if not (last.items or plain_text(last.children).rstrip().endswith(":")):
        return False
    item, options = item_from(block.runs, number, state.grammar)
    if state.recital_outline is None or state.recital_outline.top is not last.items:
        state.recital_outline = Outline(last.items)
    if not state.recital_outline.place(item, options):
        state.warn("numbering", f"item {item.num} does not continue any numbered sequence")
    state.last_item = item
    return True


def operative_item(state: BodyState, block: Block) -> bool:
    """A numbered paragraph or sub-item of the operative part, nested by its number; a
    paragraph's operative verb in italics."""
    if state.number is None:
        return False
    item, options = item_from(block.runs, state.number, state.grammar)
    nxt = state.next_number
    following = state.grammar.candidates(nxt.num, nxt.arabic, nxt.key) if nxt else None
    outline = state.outline
    if not outline.place(item, options, following):
        state.warn("numbering", f"item {item.num} does not continue any numbered sequence")
    if outline.is_top_item(item):
        _, item.children = opener(item.children, state.lang.operative)
    state.last_item = item
    return True


def bare_number_text(state: BodyState, block: Block) -> bool:
    """`2.` printed alone, then its text as the next paragraph (double-spaced texts): the text
    is that item's own, its operative verb in italics if it is a paragraph."""
    item = state.last_item
    if (item is None or item.children or item.items or state.number is not None
            or state.taken[-1:] not in (["operative_item"], ["recital_item"])):
        return False
    item.children = block.runs
    if state.taken[-1] == "operative_item" and state.outline.is_top_item(item):
        _, item.children = opener(item.children, state.lang.operative)
    return True


def wrap_up(state: BodyState, block: Block) -> bool:
    """Words closing the deepest open list (`…; or (ii) …; with the intent that …`); any other
    unnumbered text closes the open sub-lists (see `Outline.unnumbered`)."""
    return bool(state.body) and state.outline.unnumbered(block.runs, state.grammar.closes_a_list(block.text))


def unnumbered_paragraph(state: BodyState, block: Block) -> bool:
    """An unnumbered paragraph in the operative part; in a section, preambular words (`I`,
    heading, `Having considered …`) or a part's own `The General Assembly,` are expected."""
    if not state.body:
        return False
    runs, in_section = block.runs, isinstance(state.body[-1], Division)
    name, recital = opener(runs, state.lang.preambular) if in_section else ("", runs)
    if not name and in_section and (found := formula_body(block, state.lang)):
        _, length = found
        name, recital = "formula", emphasize(runs, length)
    state.outline.top_items().append(Para(recital))
    if not name:
        state.warn("unnumbered-paragraph", f"unnumbered paragraph in the operative part: {block.text[:40]}")
    return True


def recital(state: BodyState, block: Block) -> bool:
    """The fallback: a preambular paragraph, its opener in italics."""
    name, runs = opener(block.runs, state.lang.preambular)
    if not name:
        state.warn("preambular-opener", f"no preambular opener recognised: {block.text[:40]}")
    state.preamble.append(Recital(name, runs))
    return True


BODY_RULES: Ruler[BodyState, Block] = Ruler([
    ("annex", annex),
    ("conclusion", conclusion),
    ("conclusion_note", conclusion_note),
    ("section", section),
    ("section_heading", section_heading),
    ("recital_item", recital_item),
    ("operative_item", operative_item),
    ("bare_number_text", bare_number_text),
    ("wrap_up", wrap_up),
    ("unnumbered_paragraph", unnumbered_paragraph),
    ("recital", recital),
])


# -- what the rules share ----------------------------------------------------------------------

def item_from(block_runs: list[Run], number: Number,
              grammar: NumberGrammar) -> tuple[Item, list[tuple[str, int]]]:
    """The item a numbered block makes (its number, read once by `read_body`, split off), with
    the readings of its number."""
    num, arabic, key, end = number
    _, rest = split_runs(block_runs, end)
    if rest and type(rest[0]) is Text:  # the block's runs are tidy: only the space after the number goes
        first = rest[0].text.lstrip()
        rest = ([Text(first)] if first else []) + rest[1:]
    else:
        rest = tidy(rest)
    if is_blank(plain_text(rest)) and not any(isinstance(run, NoteRef) for run in rest):
        rest = []  # `2. ` and a zero-width space: an item printed without text (reported by a transform)
    item = Item(num=num, key=arabic or key or "", scheme="", children=rest)
    return item, grammar.candidates(num, arabic, key)


def section_of(block: Block, lang: Language) -> tuple[str, list[Run]] | None:
    """`A` (Security Council), `I.` or `II` alone on the first line: a section of the operative part."""
    first = block.head
    if len(first) > 5 or not lang.operative_section_re.match(first):
        return None
    heading = Block(block.lines[1:]).runs if len(block.lines) > 1 else []
    marks = [run for run in block.lines[0] if isinstance(run, (NoteRef, Sup))]  # `XXVI232`: its note stays
    return first, marks + heading


def open_section(body: list[Node], outline: Outline, found: tuple[str, list[Run]]) -> Outline:
    """A new section; the paragraph numbering goes on across sections."""
    num, heading = found
    division = Division("section", num, num.rstrip("."), heading)
    body.append(division)
    return outline.continued(division.items, "arabic")


def conclusion_marks(block: Block, lang: Language) -> list[Mark] | None:
    """Marks of a closing line (`62nd plenary meeting` + date; `Adopted unanimously at …`)."""
    text = block.text
    if len(text) > 160 or not any(c.isdigit() for c in text):
        return None
    marks = adoption_meeting_marks(text, lang)
    if marks is not None:
        return marks
    for cut in (m.start() for m in re.finditer(" ", text)):
        left = adoption_meeting_marks(text[:cut], lang)
        if left is not None and (iso := lang.full_date(text[cut + 1:])):
            return [*left, (cut + 1, len(text), Role.DATE, iso)]
    return None
