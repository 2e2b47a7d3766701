"""Post-passes over the draft document, each a small named function (after docutils' transforms).

A document kind (`read.kinds`) lists the transforms it runs, in order; each docstring shows the
draft before and after.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from converter.model import Diagnostic, Division, Item, Node, Para, Recital, Role, Span, plain_text
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


def narrative_decision(draft: Draft) -> None:
    """A decision told as a narrative, with no numbered paragraph: the narrative sentence and
    the paragraphs after it (`As a result, …`, the database's `(See A/71/520, A/71/PV.62)`) are
    the decision itself, unnumbered paragraphs of its body (the UN's practice: `para_1` …).

    before: formula ["At its 73rd plenary meeting, …, the General Assembly took note of …."],
            preamble [Recital("(See A/72/483, A/72/PV.62)")], body []
    after:  formula None, preamble [], body [Para(that sentence), Para("(See …)")]
    A narrative ending `… decided:` with nothing after it stays the formula (and the text is
    refused for want of an operative part); one followed by numbered items keeps them.
    """
    formula = draft.formula
    if not (draft.opening.narrative_date or draft.opening.sentence) or formula is None:
        return
    if any(not isinstance(node, Division) and node.num for node in draft.body):
        return  # parts after it (`B (See …)` with no `A` printed) leave it the decision's first paragraphs
    rest: list[Node] = _paragraphs(draft.preamble)
    if not rest and not draft.body and plain_text(formula).rstrip().endswith(":"):
        return
    draft.body[:0] = [Para(formula), *rest]
    draft.preamble, draft.formula = [], None


def unnumbered_operative_part(draft: Draft) -> None:
    """An operative part of unnumbered paragraphs: from the first paragraph that opens with an
    operative verb (`Recommends that …`, `Resolves …`: the Security Council's early texts), or
    else the last paragraph if it ends the text (`… decides to …`.), read as preambular for
    want of a number, the paragraphs are the operative part.

    before: preamble [Recital("Recalling …,"), Recital("Decides to include … .")], body []
    after:  preamble [Recital("Recalling …,")], body [Para("Decides …", items=its sub-items)]
    """
    preamble = draft.preamble
    if draft.body or not preamble:
        return
    start = next((i for i, recital in enumerate(preamble)
                  if draft.lang.operative.match(plain_text(recital.children).lstrip())
                  and not draft.lang.preambular.match(plain_text(recital.children).lstrip())), None)
    if start is None:
        if not plain_text(preamble[-1].children).rstrip().endswith("."):
            return
        start = len(preamble) - 1
    draft.body.extend(_paragraphs(preamble[start:]))
    del preamble[start:]


def _paragraphs(recitals: Sequence[Recital]) -> list[Node]:
    """Paragraphs read as preambular for want of a number, as the unnumbered paragraphs they are."""
    return [Para(recital.children, items=recital.items) for recital in recitals]


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
