"""Structure recognition: blocks -> Document.

`build_document` runs the stages in reading order: the opening (where the masthead ends), the
masthead, the body (the kind's rules), the annexes, the kind's transforms, and the identity.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from converter.identity import UNKNOWN_DATE, choose_actor, derived_number, frbr_date, iri_number, session_holder
from converter.lang import Language
from converter.model import (
    Diagnostic,
    Division,
    Document,
    Emph,
    Footnote,
    Identity,
    Node,
    NoteRef,
    Role,
    Run,
    Span,
    plain_text,
)
from converter.read.draft import Draft
from converter.read.kinds import kind_of
from converter.read.source.blocks import Block
from converter.read.structure.annex import AnnexBuilder
from converter.read.structure.body import read_body
from converter.read.structure.masthead import MastheadState, read_masthead
from converter.read.structure.opening import (
    NoStructure,
    find_opening,
    opening_part,
    recitals_before,
    split_fused_formula,
    split_part_letters,
)
from converter.read.transforms import source_diagnostics

__all__ = ["NoStructure", "build_document"]


def build_document(blocks: list[Block], lang: Language, diagnostics: list[Diagnostic],
                   source: list[Diagnostic] | None = None, furniture: list[str] | None = None) -> Document:
    """The document the blocks make; `source` are the text reader's diagnostics (footnotes),
    `furniture` the page furniture it set aside (kept in the document, never written)."""
    blocks = source_blocks = split_part_letters(split_fused_formula(blocks, lang), lang)
    opening = find_opening(blocks, lang, diagnostics)
    start, end = opening.index, opening.index + opening.skip
    formula = opening.formula
    part = opening_part(blocks, start, lang, opening.narrative_date is not None) if formula is not None else 0
    if part:
        # A resolution in parts (`A` / heading, formula, preamble, paragraphs; then `B` …): every
        # part, the first too, is a section holding its own formula and preambular paragraphs.
        formula, start, end = None, start - part, start - part
    kind = kind_of(opening)
    before = start
    if opening.narrative_date is None and not part:
        blocks, before = recitals_before(blocks, start, lang)
        start, end = start + len(blocks) - len(source_blocks), end + len(blocks) - len(source_blocks)
    st = MastheadState(lang)
    draft = Draft(lang, st, opening, read_masthead(blocks[:before], st), formula,
                  diagnostics=diagnostics, source_diagnostics=source or [])
    if before < start:  # preambular paragraphs printed before the formula
        draft.formula_at = len(read_body(blocks[before:start], lang, [], kind.body_rules).preamble)
    body = read_body(blocks[before:start] + blocks[end:], lang, diagnostics, kind.body_rules)
    draft.preamble, draft.body, draft.conclusions = body.preamble, body.body, body.conclusions
    draft.annexes = [AnnexBuilder(lang, diagnostics).build(group) for group in body.annex_blocks]
    for transform in kind.transforms:
        transform(draft)
    if not draft.body:
        raise NoStructure("no operative part recognised (no numbered paragraph)")
    identity = identify(draft)
    source_diagnostics(draft)
    document = document_of(draft, identity)
    document.furniture = furniture or []
    return document


def untitled_text(draft: Draft) -> str:
    """What identifies a text that prints no symbol, number nor title: its formula, preamble,
    operative part and annexes, their notes included (the formula alone is the same in every
    resolution of a body; decisions told in one sentence often differ only by the report a note
    cites)."""
    parts = [_with_notes(draft.formula or [])]
    for recital in draft.preamble:
        parts.append(_with_notes(recital.children))
        parts.extend(_node_texts(recital.items))
    parts.extend(_node_texts(draft.body))
    for annex in draft.annexes:
        parts.extend(_with_notes(line) for line in annex.heading)
        parts.extend(_node_texts(annex.items))
    return "\n".join(parts)


def _node_texts(nodes: Sequence[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, Division):
            yield _with_notes(node.heading)
        else:
            yield _with_notes(node.children)
            yield from (_with_notes(more) for more in node.more)
            yield _with_notes(node.wrap_up or [])
        yield from _node_texts(node.items)


def _with_notes(runs: Sequence[Run]) -> str:
    """The runs' text, then the text of each note they refer to."""
    notes = [plain_text(note.children) for note in _notes(runs)]
    return " ".join([plain_text(list(runs)), *notes]) if notes else plain_text(list(runs))


def _notes(runs: Sequence[Run]) -> Iterator[Footnote]:
    for run in runs:
        if isinstance(run, NoteRef) and run.note is not None:
            yield run.note
        elif isinstance(run, (Emph, Span)):
            yield from _notes(run.children)


def identify(draft: Draft) -> Identity:
    """The FRBR identity: actor, date, number (the printed number or symbol, else one derived
    from the title), language and original language."""
    st, diagnostics = draft.masthead_state, draft.diagnostics
    statement = st.statement or "resolution"
    actor = choose_actor(st.committee, draft.opening.actor, st.authority, statement.endswith("Draft"))
    title = next((plain_text(line.children) for line in draft.masthead
                  if any(isinstance(r, Span) and r.role == Role.TITLE for r in line.children)), "")
    printed = st.number or st.symbol
    if printed:
        number, shown = iri_number(printed), printed
    else:
        number = shown = derived_number(title or untitled_text(draft), st.doc_type)
        diagnostics.append(Diagnostic("warning", "derived-number",
                                      f"no symbol or number printed: FRBR number derived as {number}"))
    date, date_name = frbr_date(statement, st.adoption_date, st.date, st.session_start)
    if date_name == "unknown":
        diagnostics.append(Diagnostic("warning", "no-date",
                                      f"no date printed: FRBR date set to {UNKNOWN_DATE}; set it with --date"))
    original = st.original if st.original and st.original != draft.lang.code else None
    return Identity(name=statement, actor=actor, date=date, date_name=date_name, number=number,
                    number_shown=shown, lang=draft.lang.code, original_lang=original)


def document_of(draft: Draft, identity: Identity) -> Document:
    st, formula_actor = draft.masthead_state, draft.opening.actor
    bodies = dict(st.bodies)
    if formula_actor:
        bodies.setdefault(formula_actor, "")
    authority = st.authority or formula_actor
    session = next((span.value for line in draft.masthead for span in line.children
                    if isinstance(span, Span) and span.role == Role.SESSION), None)
    return Document(identity=identity, bodies=bodies, masthead=draft.masthead, formula=draft.formula,
                    formula_body=formula_actor, authority=authority, committee=st.committee, session=session,
                    session_body=session_holder(st.committee, authority or identity.actor),
                    preamble=draft.preamble, formula_at=min(draft.formula_at, len(draft.preamble)),
                    body=draft.body, conclusions=draft.conclusions, annexes=draft.annexes,
                    diagnostics=draft.diagnostics)
