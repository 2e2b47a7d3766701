"""The post-passes over the draft document, each shown on the model before and after."""
from __future__ import annotations

from converter.lang import language
from converter.model import Annex, Diagnostic, Division, Item, Para, Recital, Span, Text, plain_text
from converter.read import transforms as t
from converter.read.draft import Draft
from converter.read.structure.masthead import MastheadState
from converter.read.structure.opening import Opening

ENG = language("eng")


def draft(narrative_date: str | None = None, **fields) -> Draft:
    return Draft(ENG, MastheadState(ENG), Opening(0, None, None, narrative_date=narrative_date), **fields)


def test_decision_from_narrative():
    d = draft("2025-03-25")
    t.decision_from_narrative(d)
    st = d.masthead_state
    assert (st.statement, st.doc_type, st.adoption_date) == ("decision", "decision", "2025-03-25")
    plain = draft()
    t.decision_from_narrative(plain)
    assert plain.masthead_state.statement is None


def test_adoption_from_conclusions_keeps_a_date_already_known():
    line = [Span("adoptionMeeting", [Text("62nd plenary meeting")], "62"), Text(" "),
            Span("date", [Text("15 December 2025")], "2025-12-15")]
    d = draft(conclusions=[line])
    t.adoption_from_conclusions(d)
    assert (d.masthead_state.adoption_date, d.masthead_state.statement) == ("2025-12-15", "resolution")
    known = draft(conclusions=[line])
    known.masthead_state.adoption_date, known.masthead_state.statement = "2025-12-01", "decision"
    t.adoption_from_conclusions(known)
    assert (known.masthead_state.adoption_date, known.masthead_state.statement) == ("2025-12-01", "decision")


def test_one_sentence_decision_becomes_the_decision():
    sentence = [Text("At its 73rd plenary meeting, on 19 December 2017, the General Assembly took note of it.")]
    d = draft("2017-12-19", formula=sentence)
    t.narrative_decision(d)
    assert d.formula is None and len(d.body) == 1
    assert isinstance(d.body[0], Para) and d.body[0].num == "" and d.body[0].children is sentence


def test_a_narrative_ending_with_a_colon_stays_the_formula():
    d = draft("2017-12-19", formula=[Text("… the General Assembly decided:")])
    t.narrative_decision(d)
    assert d.formula is not None and not d.body


def test_unnumbered_operative_part_is_the_last_paragraph():
    recalling, decides = Recital("Recalling", [Text("Recalling its resolution,")]), Recital("", [Text("Decides.")])
    d = draft(preamble=[recalling, decides])
    t.unnumbered_operative_part(d)
    assert d.preamble == [recalling] and plain_text(d.body[0].children) == "Decides."
    unchanged = draft(preamble=[Recital("", [Text("Recalling,")])])
    t.unnumbered_operative_part(unchanged)
    assert not unchanged.body and len(unchanged.preamble) == 1


def test_an_unnumbered_annex_after_an_instrument_is_its_own():
    convention = Annex([[Text("Annex I")]], items=[Division("article", "Article 1", "1", [])])
    notes = Annex([[Text("Annex")]])
    d = draft(annexes=[convention, notes])
    t.annexes_of_instruments(d)
    assert d.annexes == [convention] and convention.annexes == [notes]


def test_source_diagnostics_come_after_recognition_s_own():
    own, source = Diagnostic("warning", "numbering", "x"), Diagnostic("warning", "footnote-undefined", "y")
    d = draft(diagnostics=[own], source_diagnostics=[source])
    t.source_diagnostics(d)
    assert d.diagnostics == [own, source]


def test_empty_items_are_kept_and_reported():
    d = draft(body=[Item("1.", "1", "arabic", [Text("Decides;")]), Item("2.", "2", "arabic", [])])
    t.empty_items(d)
    assert [(x.code, x.message) for x in d.diagnostics] == [("empty-item", "item 2. has no text")]
