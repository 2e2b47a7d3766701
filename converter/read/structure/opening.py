"""Where the masthead ends and the body begins: the enacting formula, or a decision's narrative
sentence (`At its 62nd plenary meeting, on …, the General Assembly … decided:`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter.lang import Body, Language, body_by_actor, body_named, body_names, first_body_named, fold
from converter.model import Diagnostic, Emph, Role, Run, Text
from converter.read.source.blocks import Block
from converter.read.source.chars import starts_in_lower_case
from converter.read.source.inline import emphasize, split_runs, tidy, wrap
from converter.read.source.numbers import number_grammar
from converter.read.structure.annex import is_heading
from converter.read.structure.body import section_of
from converter.read.structure.formula import formula_body


class NoStructure(ValueError):
    """The text has no recognisable resolution or decision structure."""


def split_fused_formula(blocks: list[Block], lang: Language) -> list[Block]:
    """A formula printed on a line of a block with other lines (fused runs: the last line of a
    masthead block; or the first line of the first preambular paragraph, as in the Security
    Council's printed volumes: `The Security Council,` / `Having examined …`) becomes its own block."""
    out = []
    for block in blocks:
        if len(block.lines) == 1:
            split = _formula_run_in(block, lang)
            out.extend(split if len(split) > 1 else _formula_at_end(block, lang))
            continue
        cut = next((i for i, line in enumerate(block.lines) if formula_body(Block([line]), lang)), None)
        if cut is None:
            out.append(block)
            continue
        parts = [block.lines[:cut], block.lines[cut:cut + 1], block.lines[cut + 1:]]
        out.extend(Block(lines, block.heading if n == 0 else 0) for n, lines in enumerate(parts) if lines)
    return out


def split_part_letters(blocks: list[Block], lang: Language) -> list[Block]:
    """A part's letter run into its narrative (`A` / `At its 45th plenary meeting, …`: a
    decision in parts whose lines were joined) becomes a block of its own, as it is printed
    apart in the other decisions in parts."""
    out = []
    for block in blocks:
        m = PART_LETTER_RUN_IN.match(block.text)
        if m and lang.operative_section_re.match(m.group(1)):
            head, tail = split_runs(block.runs, m.end())
            rest = Block([tidy(tail)])
            if decision_narrative(rest, lang) or EDITORIAL_NOTE.match(rest.text):
                out += [Block([tidy(head)], block.heading), rest]
                continue
        out.append(block)
    return out


PART_LETTER_RUN_IN = re.compile(r"(\S{1,5})\s+")
EDITORIAL_NOTE = re.compile(r"^\(.*\)\.?$", re.DOTALL)  # a parenthesised note under a part's letter


def _formula_at_end(block: Block, lang: Language) -> list[Block]:
    """`25 (1947). Resolution of 22 May 1947 The Security Council` (the heading and the formula
    printed on two lines, joined): the heading, then the formula; else the block as it is."""
    text = block.text.rstrip(" ,")
    folded = fold(text)
    for article in lang.formula_articles:
        for name, _ in body_names(lang.code):
            phrase = f"{fold(article)} {name}"
            cut = len(folded) - len(phrase)
            if cut > 0 and folded.endswith(phrase) and folded[cut - 1].isspace() and len(folded) == len(text) \
                    and _ends_heading(text[:cut]) and not starts_in_lower_case(text[cut:]):
                head, tail = split_runs(block.runs, cut)
                formula = Block([tidy(tail)])
                if formula_body(formula, lang):
                    return [Block([tidy(head)], block.heading), formula]
    return [block]


def _ends_heading(text: str) -> bool:
    """A heading's end as the Council's volumes print it (a year, a date or a bracketed symbol:
    `… 22 May 1947`, `[S/1403]`, `(1992)`) or an opening phrase's comma (`To this end,`), not a
    sentence going on (`… submitted by`)."""
    text = text.rstrip()
    return bool(text) and (text[-1].isdigit() or text[-1] in ")]},")


def recitals_before(blocks: list[Block], formula_at: int, lang: Language) -> tuple[list[Block], int]:
    """The preambular paragraphs printed before the formula, as the Security Council's first
    volumes print them (`Whereas …,` / `The Security Council` / `Resolves …`; `The attention of
    the Council has been drawn …;` / `To this end,` / `The Security Council`): the blocks, a
    heading's last line split from a `Whereas` run into it, and where those paragraphs start
    (`formula_at` when there are none). The block a text opens with is never one of them."""
    start = formula_at
    while start > 1 and _recital_before(blocks[start - 1], lang):
        start -= 1
    if start > 0 and (cut := _recital_start(blocks[start - 1], lang)):
        block = blocks[start - 1]
        head, tail = split_runs(block.runs, cut)
        return [*blocks[:start - 1], Block([tidy(head)], block.heading), Block([tidy(tail)]), *blocks[start:]], start
    return blocks, start


def _recital_before(block: Block, lang: Language) -> bool:
    text = block.text.strip()
    if lang.preambular.match(text):
        return True
    return text.endswith((",", ";")) and not starts_in_lower_case(text) and len(text.split()) >= 3 \
        and not formula_body(block, lang)


def _recital_start(block: Block, lang: Language) -> int | None:
    """Where a preambular paragraph starts in a heading's block, after what ends the heading
    (`… 25 August 1947 (S/525, I] Whereas the Security Council on 1 August 1947 …`)."""
    text = block.text
    return next((m.end() for m in HEADING_END.finditer(text)
                 if lang.preambular.match(text[m.end():]) and _ends_heading(text[:m.end()])), None)


HEADING_END = re.compile(r"(?<=[\d)\]}])\s+(?=\S)")


def _formula_run_in(block: Block, lang: Language) -> list[Block]:
    """`The Security Council Recommends that …` (a block of one line: a text whose lines were
    joined): the formula, then the paragraph it runs into when that opens with a capitalised
    operative verb or preambular opener; else the block as it is."""
    text = block.text
    found = formula_body(block, lang)
    if found is None and (comma := text.find(",")) > 0:  # `The Security Council, Having examined …`
        found = formula_body(Block([[Text(text[:comma + 1])]]), lang)
    if found is None or found[0] is None:
        return [block]
    rest = text[found[1]:].lstrip(" ,")
    if not rest or starts_in_lower_case(rest) or not (lang.operative.match(rest) or lang.preambular.match(rest)):
        return [block]  # `The General Assembly, recalling …:` is one sentence: the formula is all of it
    cut = len(text) - len(rest)
    head, tail = split_runs(block.runs, cut)
    return [Block([tidy(head)], block.heading), Block([tidy(tail)])]


Marks = list[tuple[int, int, Role, str | None]]  # start, end, role, value


def decision_narrative(block: Block, lang: Language) -> tuple[str, Marks, str] | None:
    """`At its 62nd plenary meeting, on 25 March 2025, the General Assembly, … decided:`:
    (body actor, marks for the meeting and the date, adoption date) or None. A stray mark
    before it (`` ` At its 47th … ``, the database's) is no part of it."""
    lead = STRAY_LEAD.match(block.text)
    skip = lead.end() if lead else 0
    text = block.text[skip:]
    m = lang.decision_narrative_re.match(text)
    if not m:
        return None
    body = body_named(m.group("body"), lang.code) if m.group("body") else _narrator(text[m.end("date"):], lang)
    iso = lang.full_date(" ".join(m.group("date").split()))  # `2\u202fDecember 2024`
    if body is None or iso is None:
        return None
    marks: Marks = [(skip + m.start("date"), skip + m.end("date"), Role.DATE, iso)]
    if m.group("meeting"):  # `On 13 April 2020, the General Assembly …`: no meeting (silence procedure)
        marks.insert(0, (skip + m.start("meeting"), skip + m.end("meeting"), Role.ADOPTION_MEETING, m.group("number")))
    return body.actor, marks, iso


STRAY_LEAD = re.compile(r"[`´'\"*•·\s]+")


def _narrator(sentence: str, lang: Language) -> Body | None:
    """The body a decision's sentence names first after its date (`the General Assembly, on the
    recommendation of the Fifth Committee`; `the First Committee of the General Assembly held`):
    a Main Committee meets in its parent's session, and the decision is the parent's."""
    body = first_body_named(sentence[:SENTENCE_REACH], lang.code)
    if body is not None and body.in_parent_sessions and body.parent:
        return body_by_actor(body.parent)
    return body


SENTENCE_REACH = 600  # characters after the date where the body is named


@dataclass
class Opening:
    """Where the masthead ends: the enacting formula (or a decision's narrative sentence)."""

    index: int  # first block after the masthead
    formula: list[Run] | None
    actor: str | None
    narrative_date: str | None = None
    skip: int = 1  # blocks the formula itself takes
    sentence: bool = False  # the formula opens the decision's one sentence (`The General Assembly decides …`)


def find_opening(blocks: list[Block], lang: Language, diagnostics: list[Diagnostic]) -> Opening:
    numbers = number_grammar(lang.item_letters)
    first = next((i for i, b in enumerate(blocks) if lang.preambular.match(b.text) or numbers.split(b.text)), None)
    head = blocks[:first + 1] if first is not None else blocks  # never a formula from an annex
    narrative_at, narrative = next(((i, n) for i, b in enumerate(head) if (n := decision_narrative(b, lang))),
                                   (None, None))
    formula_at = next((i for i, b in enumerate(head) if formula_body(b, lang)), None)
    if formula_at is None and first is not None:
        formula_at = _formula_after_recitals(blocks, first, lang)
    if narrative_at is not None and narrative and (formula_at is None or narrative_at < formula_at):
        actor, marks, date = narrative
        formula = blocks[narrative_at].runs
        for start, end, role, value in sorted(marks, reverse=True):
            formula = wrap(formula, start, end, role, value)
        return Opening(narrative_at, formula, actor, date)
    if formula_at is not None and (found := formula_body(blocks[formula_at], lang)):
        block = blocks[formula_at]
        formula_actor, length = found
        formula = block.runs
        if not isinstance(formula[0], Emph) and len(block.text) <= length + 2:
            formula = emphasize(formula, length)
        return Opening(formula_at, formula, formula_actor, sentence=formula_sentence(block, lang) is not None)
    sentence_at = next((i for i, b in enumerate(head) if formula_sentence(b, lang)), None)
    if sentence_at is not None and (first is None or sentence_at <= first):
        found_sentence = formula_sentence(blocks[sentence_at], lang)
        return Opening(sentence_at, blocks[sentence_at].runs, found_sentence, sentence=True)
    if first is None:
        raise NoStructure("no resolution structure recognised (no enacting formula, "
                          "preambular paragraph or numbered paragraph)")
    diagnostics.append(Diagnostic("warning", "no-formula", "no enacting formula found"))
    return Opening(first, None, None, skip=0)


def formula_sentence(block: Block, lang: Language) -> str | None:
    """The body's actor if the block is a decision told in one sentence that opens with the
    formula (`The General Assembly, taking note of …, decides to appoint … .`, `The General
    Assembly approves the proposed programme of work … as set out below:`), else None."""
    text = block.text.rstrip()
    if not text.endswith(SENTENCE_ENDS) or len(text.split()) < 6:
        return None
    for cut in (m.start() for m in FORMULA_CUT.finditer(text[:SENTENCE_REACH])):
        found = formula_body(Block([[Text(text[:cut] + ",")]]), lang)
        if found and found[0] and found[1] == cut:
            rest = text[cut:].lstrip(" ,")
            return found[0] if rest and not rest[:1].isupper() else None
    return None


SENTENCE_ENDS = (".", ":", "\u3002", "\uff1a", "\u06d4")  # full stop, colon; ideographic, Arabic full stop
FORMULA_CUT = re.compile(r"(?<=\S)(?=[\s,\u060c\uff0c])")  # where the formula's name may end: a space or a comma


def _formula_after_recitals(blocks: list[Block], first: int, lang: Language) -> int | None:
    """The formula after preambular paragraphs printed before it (`Whereas …,` / `Whereas …,` /
    `The Security Council`), the paragraphs only: never one after a numbered paragraph or an annex."""
    for i in range(first, len(blocks)):
        if formula_body(blocks[i], lang):
            return i
        if not _recital_before(blocks[i], lang):
            return None
    return None


def opening_part(blocks: list[Block], formula_at: int, lang: Language, narrative: bool = False) -> int:
    """How many blocks before the formula open the first part of a resolution in parts: `A` (or
    `I`) alone on its line with its heading under it (1), or in a block of its own (2); else 0.
    A decision's part needs no heading: `A` alone, then the part's narrative sentence (1)."""
    if narrative and formula_at >= 1 and (found := section_of(blocks[formula_at - 1], lang)) \
            and found[0].rstrip(".") in lang.first_section_numbers and not found[1]:
        return 1
    if narrative and formula_at >= 2 and EDITORIAL_NOTE.match(blocks[formula_at - 1].text) \
            and (found := section_of(blocks[formula_at - 2], lang)) \
            and found[0].rstrip(".") in lang.first_section_numbers and not found[1]:
        return 2  # `A` / `(Decision 75/407, in section A of the Official Records …, becomes decision 75/407 A).`
    for taken in (1, 2):
        if formula_at < taken:
            return 0
        section = section_of(blocks[formula_at - taken], lang)
        if section is None:
            continue
        num, heading = section
        if num.rstrip(".") in lang.first_section_numbers:
            heading_apart = taken == 2 and is_heading(blocks[formula_at - 1], lang)
            return taken if (taken == 1 and heading) or heading_apart else 0
    return 0
