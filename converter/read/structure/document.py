"""Structure recognition: blocks -> Document (masthead, formula, preamble, operative part).

Each recognition is a small named function; `build_document` runs them in reading order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import (Diagnostic, Division, Document, Emph, Identity, Item, Para, Recital, Run,
                             Span, Text, plain_text)
from converter.identity import UNKNOWN_DATE, choose_actor, derived_number, frbr_date, iri_number
from converter.read.source.blocks import Block
from converter.read.structure.annex import AnnexBuilder, annex_start, is_heading, nest_annexes
from converter.read.structure.openers import opener
from converter.read.source.inline import emphasize, split_runs, tidy, wrap
from converter.lang import Language, body_named, body_names, fold
from converter.read.structure.masthead import MastheadState, adoption_meeting_marks, read_masthead
from converter.read.source.numbers import candidates, split_number
from converter.read.structure.outline import Level, Outline

class NoStructure(ValueError):
    """The text has no recognisable resolution or decision structure."""


def formula_body(block: Block, lang: Language) -> tuple[str | None, int] | None:
    """(body actor, length of `article + name`) if the block is the enacting formula."""
    text = block.text.lstrip("*_ ")
    folded = fold(text)
    if not text.rstrip("*_ ").endswith((",", ":")):
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
                return body.actor, len(art) + gap + len(name)
    words = text.split()
    if len(words) <= 8 and words[0] in lang.formula_articles and text.endswith(","):
        return None, len(text) - 1
    return None


def item_from(block_runs: list[Run], text: str) -> tuple[Item, list] | None:
    number = split_number(text)
    if number is None:
        return None
    num, arabic, key, end = number
    _, rest = split_runs(block_runs, end)
    if rest and type(rest[0]) is Text:  # the block's runs are tidy: only the space after the number goes
        first = rest[0].text.lstrip()
        rest = ([Text(first)] if first else []) + rest[1:]
    else:
        rest = tidy(rest)
    item = Item(num=num, key=arabic or key, scheme="", children=rest)
    return item, candidates(num, arabic, key)


SECTION = re.compile(r"^(?P<num>[A-Z]|[IVXL]{1,7}\.?)$")


def section_of(block: Block) -> tuple[str, list[Run]] | None:
    """`A` (Security Council), `I.` or `II` alone on the first line: a section of the operative part."""
    first = block.head
    if len(first) > 5 or not SECTION.match(first):
        return None
    heading = Block(block.lines[1:]).runs if len(block.lines) > 1 else []
    return first, heading


def opening_part(blocks: list[Block], formula_at: int) -> int:
    """How many blocks before the formula open the first part of a resolution in parts: `A` (or
    `I`) alone on its line with its heading under it (1), or in a block of its own (2); else 0."""
    for taken in (1, 2):
        if formula_at < taken:
            return 0
        section = section_of(blocks[formula_at - taken])
        if section is not None and section[0].rstrip(".") in ("A", "I"):
            heading_apart = taken == 2 and is_heading(blocks[formula_at - 1])
            return taken if (taken == 1 and section[1]) or heading_apart else 0
    return 0


def open_section(body: list, outline: Outline, section: tuple[str, list[Run]]) -> Outline:
    """A new section; the paragraph numbering goes on across sections."""
    num, heading = section
    division = Division("section", num, num.rstrip("."), heading)
    body.append(division)
    fresh = Outline(division.items)
    last = outline.levels[0] if outline.levels else None
    fresh.levels.append(Level(last.scheme if last else "arabic", last.value if last else 0, division.items))
    return fresh


def conclusion_marks(block: Block, lang: Language):
    """Marks of a closing line (`62nd plenary meeting` + date; `Adopted unanimously at …`)."""
    text = block.text
    if len(text) > 160 or not any(c.isdigit() for c in text):
        return None
    marks = adoption_meeting_marks(text, lang)
    if marks is not None:
        return marks
    for cut in (m.start() for m in re.finditer(" ", text)):
        left = adoption_meeting_marks(text[:cut], lang)
        iso = left is not None and lang.full_date(text[cut + 1:])
        if iso:
            return left + [(cut + 1, len(text), "date", iso)]
    return None


def recital_item(preamble: list[Recital], body: list[Item], number) -> bool:
    """A lettered item inside a preambular paragraph (`… was developed:` then (a), (b))."""
    if body or not preamble or number[1]:
        return False
    last = preamble[-1]
    return bool(last.items) or plain_text(last.children).rstrip().endswith(":")


def split_fused_formula(blocks: list[Block], lang: Language) -> list[Block]:
    """A formula printed on the last line of a masthead block (fused runs) becomes its own block."""
    out = []
    for block in blocks:
        cut = next((i for i, line in enumerate(block.lines[1:], 1)
                    if plain_text(line).rstrip("*_ ").endswith((",", ":")) and formula_body(Block([line]), lang)),
                   None)
        if cut is None:
            out.append(block)
        else:
            out.extend([Block(block.lines[:cut], block.heading), Block(block.lines[cut:])])
    return out


def decision_narrative(block: Block, lang: Language):
    """`At its 62nd plenary meeting, on 25 March 2025, the General Assembly, … decided:`:
    (body actor, marks for the meeting and the date, adoption date) or None."""
    text = block.text
    m = lang.decision_narrative_re.match(text)
    if not m:
        return None
    body = body_named(m.group("body"), lang.code)
    iso = lang.full_date(m.group("date"))
    if body is None or iso is None:
        return None
    marks = [(m.start("meeting"), m.end("meeting"), "adoptionMeeting", m.group("number")),
             (m.start("date"), m.end("date"), "date", iso)]
    return body.actor, marks, iso


@dataclass
class Opening:
    """Where the masthead ends: the enacting formula (or a decision's narrative sentence)."""

    index: int  # first block after the masthead
    formula: list[Run] | None
    actor: str | None
    narrative_date: str | None = None
    skip: int = 1  # blocks the formula itself takes


def find_opening(blocks: list[Block], lang: Language, diagnostics: list[Diagnostic]) -> Opening:
    first = next((i for i, b in enumerate(blocks) if lang.preambular.match(b.text) or split_number(b.text)), None)
    head = blocks[:first + 1] if first is not None else blocks  # never a formula from an annex
    narrative_at = next((i for i, b in enumerate(head) if decision_narrative(b, lang)), None)
    formula_at = next((i for i, b in enumerate(head) if formula_body(b, lang)), None)
    if narrative_at is not None and (formula_at is None or narrative_at < formula_at):
        actor, marks, date = decision_narrative(blocks[narrative_at], lang)
        formula = blocks[narrative_at].runs
        for start, end, role, value in sorted(marks, reverse=True):
            formula = wrap(formula, start, end, role, value)
        return Opening(narrative_at, formula, actor, date)
    if formula_at is not None:
        block = blocks[formula_at]
        actor, length = formula_body(block, lang)
        formula = block.runs
        if not isinstance(formula[0], Emph) and len(block.text) <= length + 2:
            formula = emphasize(formula, length)
        return Opening(formula_at, formula, actor)
    if first is None:
        raise NoStructure("no resolution structure recognised (no enacting formula, "
                          "preambular paragraph or numbered paragraph)")
    diagnostics.append(Diagnostic("warning", "no-formula", "no enacting formula found"))
    return Opening(first, None, None, skip=0)


@dataclass
class Parts:
    preamble: list[Recital] = field(default_factory=list)
    body: list = field(default_factory=list)
    conclusions: list[list[Run]] = field(default_factory=list)
    annex_blocks: list[list[Block]] = field(default_factory=list)


def read_parts(rest: list[Block], lang: Language, diagnostics: list[Diagnostic]) -> Parts:
    """Preamble, operative part (sections, numbered items), conclusions and annexes, in order."""
    parts = Parts()
    preamble, body = parts.preamble, parts.body
    outline = Outline(body)
    recital_outline: Outline | None = None
    numbers = [split_number(block.text) for block in rest]
    untitled: Division | None = None  # a section whose heading may be the next block
    for index, block in enumerate(rest):
        runs, text = block.runs, block.text
        starts_annex = bool(body or parts.conclusions or parts.annex_blocks) and annex_start(block, lang)
        if parts.annex_blocks or starts_annex:
            if starts_annex:
                parts.annex_blocks.append([])
            parts.annex_blocks[-1].append(block)
            continue
        if body and (marks := conclusion_marks(block, lang)) is not None:
            for start, end, role, value in sorted(marks, reverse=True):
                runs = wrap(runs, start, end, role, value)
            parts.conclusions.append(runs)
            continue
        if parts.conclusions and text.startswith("[") and text.rstrip().endswith("]"):
            parts.conclusions.append(runs)  # `[Adopted without a vote.]` under the meeting line
            continue
        section = section_of(block)
        if section is not None:
            outline = open_section(body, outline, section)
            untitled = body[-1] if not body[-1].heading else None
            continue
        if untitled is not None and is_heading(block):
            untitled.heading, untitled = runs, None  # `II`, then `Follow-up` on a line of its own
            continue
        untitled = None
        made = item_from(runs, text) if numbers[index] else None
        if made and recital_item(preamble, body, numbers[index]):
            item, options = made
            if recital_outline is None or recital_outline.top is not preamble[-1].items:
                recital_outline = Outline(preamble[-1].items)
            if not recital_outline.place(item, options):
                diagnostics.append(Diagnostic("warning", "numbering",
                                              f"item {item.num} does not continue any numbered sequence"))
        elif made:
            item, options = made
            nxt = numbers[index + 1] if index + 1 < len(numbers) else None
            following = candidates(nxt[0], nxt[1], nxt[2]) if nxt else None
            if not outline.place(item, options, following):
                diagnostics.append(Diagnostic("warning", "numbering",
                                              f"item {item.num} does not continue any numbered sequence"))
            if outline.levels and outline.levels[0].items[-1] is item:
                _, item.children = opener(item.children, lang.operative)
        elif body and outline.unnumbered(text, runs):
            continue  # the wrap-up of a list
        elif body:
            name, recital = opener(runs, lang.preambular) if isinstance(body[-1], Division) else ("", runs)
            if not name and isinstance(body[-1], Division) and (found := formula_body(block, lang)):
                name, recital = "formula", emphasize(runs, found[1])  # a part's own `The General Assembly,`
            container = outline.levels[0].items if outline.levels else body
            container.append(Para(recital))
            if not name:  # preambular words opening a section (`I`, heading, `Having considered …`) are expected
                diagnostics.append(Diagnostic("warning", "unnumbered-paragraph",
                                              f"unnumbered paragraph in the operative part: {text[:40]}"))
        else:
            name, runs = opener(runs, lang.preambular)
            if not name:
                diagnostics.append(Diagnostic("warning", "preambular-opener",
                                              f"no preambular opener recognised: {text[:40]}"))
            preamble.append(Recital(name, runs))
    return parts


def build_document(blocks: list[Block], lang: Language, diagnostics: list[Diagnostic]) -> Document:
    blocks = split_fused_formula(blocks, lang)
    opening = find_opening(blocks, lang, diagnostics)
    formula, formula_actor = opening.formula, opening.actor
    start, end = opening.index, opening.index + opening.skip
    part = opening_part(blocks, start) if formula is not None else 0
    if part:
        # A resolution in parts (`A` / heading, formula, preamble, paragraphs; then `B` …): every
        # part, the first too, is a section holding its own formula and preambular paragraphs.
        formula, start, end = None, start - part, start - part
    st = MastheadState(lang)
    masthead = read_masthead(blocks[:start], st)
    if opening.narrative_date:
        st.statement, st.doc_type = "decision", st.doc_type or "decision"
        st.adoption_date = st.adoption_date or opening.narrative_date
    parts = read_parts(blocks[end:], lang, diagnostics)
    preamble, body = parts.preamble, parts.body
    annexes = nest_annexes([AnnexBuilder(lang, diagnostics).build(group) for group in parts.annex_blocks], lang)
    for line in parts.conclusions:
        for span in (r for r in line if isinstance(r, Span) and r.role == "date"):
            st.adoption_date = st.adoption_date or span.value
            st.statement = st.statement or "resolution"

    if not body and not preamble and opening.narrative_date and plain_text(formula).rstrip().endswith("."):
        # A decision told in one sentence: the sentence is the decision itself.
        body.append(Item(num="", key="1", scheme="arabic", children=formula))
        formula = None
    if not body and preamble and plain_text(preamble[-1].children).rstrip().endswith("."):
        # An unnumbered operative part ("… decides to …."): one paragraph without a number.
        last = preamble.pop()
        body.append(Item(num="", key="1", scheme="arabic", children=last.children, items=last.items))
    if not body:
        raise NoStructure("no operative part recognised (no numbered paragraph)")

    statement = st.statement or "resolution"
    actor = choose_actor(st.committee, formula_actor, st.authority, statement.endswith("Draft"))
    title = next((plain_text(line.children) for line in masthead
                  if any(getattr(r, "role", None) == "title" for r in line.children)), "")
    if st.number:
        number, shown = iri_number(st.number), st.number
    elif st.symbol:
        number, shown = iri_number(st.symbol), st.symbol
    else:
        number = derived_number(title or plain_text(formula or []) or "", st.doc_type)
        shown = number
        diagnostics.append(Diagnostic("warning", "derived-number",
                                      f"no symbol or number printed: FRBR number derived as {number}"))
    date, date_name = frbr_date(statement, st.adoption_date, st.date, st.session_start)
    if date_name == "unknown":
        diagnostics.append(Diagnostic("warning", "no-date",
                                      f"no date printed: FRBR date set to {UNKNOWN_DATE}; set it with --date"))
    bodies = dict(st.bodies)
    if formula_actor:
        bodies.setdefault(formula_actor, "")
    identity = Identity(name=statement, actor=actor, date=date, date_name=date_name, number=number,
                        number_shown=shown, lang=lang.code, original_lang=st.original
                        if st.original and st.original != lang.code else None)
    return Document(identity=identity, bodies=bodies, masthead=masthead, formula=formula,
                    formula_body=formula_actor, authority=st.authority or formula_actor, preamble=preamble,
                    body=body, conclusions=parts.conclusions, annexes=annexes, diagnostics=diagnostics)
