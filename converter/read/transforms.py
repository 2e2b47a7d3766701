"""Post-passes over the draft document, each a small named function (after docutils' transforms).

A document kind (`read.kinds`) lists the transforms it runs, in order; each docstring shows the
draft before and after.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from converter.model import Diagnostic, Item, Node, Para, Role, Span, plain_text
from converter.read.draft import Draft
from converter.read.structure.annex import nest_annexes

Transform = Callable[[Draft], None]


def decision_from_narrative(draft: Draft) -> None:
    """A narrative opening makes a decision adopted on the narrative's date.

    before: opening.narrative_date = "2025-03-25", statement None
    after:  statement "decision", doc_type "decision" (unless printed), adoption date 2025-03-25
    """
    st, date = draft.masthead_state, draft.opening.narrative_date
    if date:
        st.statement, st.doc_type = "decision", st.doc_type or "decision"
        st.adoption_date = st.adoption_date or date


def annexes_of_instruments(draft: Draft) -> None:
    """An unnumbered `Annex` right after an annexed instrument is that instrument's own annex.

    before: annexes [Annex I (convention, with articles), Annex (interpretative notes)]
    after:  annexes [Annex I, whose own annexes are [Annex (interpretative notes)]]
    """
    draft.annexes = nest_annexes(draft.annexes, draft.lang)


def adoption_from_conclusions(draft: Draft) -> None:
    """The date of a closing line (`62nd plenary meeting / 15 December 2025`) is the adoption date.

    before: conclusions [[…, Span(date, value="2025-12-15")]], adoption date None, statement None
    after:  adoption date 2025-12-15, statement "resolution" (unless already known)
    """
    st = draft.masthead_state
    for line in draft.conclusions:
        for span in (r for r in line if isinstance(r, Span) and r.role == Role.DATE):
            st.adoption_date = st.adoption_date or span.value
            st.statement = st.statement or "resolution"


def one_sentence_decision(draft: Draft) -> None:
    """A decision told in one sentence: the sentence is the decision itself.

    before: formula ["At its 73rd plenary meeting, …, the General Assembly took note of …."], body []
    after:  formula None, body [Para(children=that sentence)]
    """
    formula = draft.formula
    if (not draft.body and not draft.preamble and draft.opening.narrative_date and formula is not None
            and plain_text(formula).rstrip().endswith(".")):
        draft.body.append(Para(formula))
        draft.formula = None


def unnumbered_operative_part(draft: Draft) -> None:
    """An operative part of one unnumbered paragraph (`… decides to …`.): the last paragraph,
    read as preambular for want of a number, is the operative part.

    before: preamble [Recital("Recalling …,"), Recital("Decides to include … .")], body []
    after:  preamble [Recital("Recalling …,")], body [Para("Decides …", items=its sub-items)]
    """
    preamble = draft.preamble
    if not draft.body and preamble and plain_text(preamble[-1].children).rstrip().endswith("."):
        last = preamble.pop()
        draft.body.append(Para(last.children, items=last.items))


def source_diagnostics(draft: Draft) -> None:
    """The text reader's findings (footnotes referenced nowhere, markers without a definition)
    join the document's, after recognition's own."""
    draft.diagnostics.extend(draft.source_diagnostics)


def empty_items(draft: Draft) -> None:
    """A numbered item printed without any text (`2.` alone, or with only a zero-width space) is
    kept with its number, and reported.

    before: body [Item("1.", …), Item("2.", children=[])]
    after:  the same, and the warning `empty-item` "item 2. has no text"
    """
    def walk(nodes: Sequence[Node]) -> None:
        for node in nodes:
            if isinstance(node, Item) and node.num and not node.children and not node.items and not node.more:
                draft.diagnostics.append(Diagnostic("warning", "empty-item", f"item {node.num} has no text"))
            walk(getattr(node, "items", []))

    walk(draft.body)
    for recital in draft.preamble:
        walk(recital.items)
