"""The body's grammar, rule by rule: each rule fed blocks built from strings.

`read_body` records which rule took each block (`BodyState.taken`), so a test states the
grammar it expects as the list of rule names, then the model the rule built.
"""
from __future__ import annotations

import pytest

from converter.lang import language
from converter.model import Division, Emph, Item, Para, plain_text
from converter.read.kinds import DECISION, RESOLUTION, kind_of
from converter.read.ruler import Ruler
from converter.read.source import markdown
from converter.read.structure.body import BODY_RULES, BodyState, read_body
from converter.read.structure.opening import Opening


def body_of(text: str, lang: str = "eng", rules: Ruler = BODY_RULES) -> BodyState:
    blocks, _, _ = markdown.read_blocks(text, language(lang))
    return read_body(blocks, language(lang), [], rules)


def test_the_rules_and_their_order():
    assert BODY_RULES.names == ["annex", "conclusion", "conclusion_note", "section", "section_heading",
                                "recital_item", "operative_item", "bare_number_text", "wrap_up", "unnumbered_paragraph", "recital"]


def test_ruler_editing_returns_a_new_ruler_and_keeps_names_unique():
    def never(state, block):
        return False

    edited = BODY_RULES.before("recital", "amendment_instruction", never)
    assert edited.names[-2:] == ["amendment_instruction", "recital"]
    assert "amendment_instruction" not in BODY_RULES.names
    assert BODY_RULES.after("annex", "x", never).names[1] == "x"
    assert BODY_RULES.without("section", "section_heading").names[3] == "recital_item"
    assert BODY_RULES.replace("wrap_up", never).rules[8].apply is never
    with pytest.raises(KeyError, match="no rule named 'nope'"):
        BODY_RULES.before("nope", "x", never)
    with pytest.raises(ValueError, match="unique"):
        Ruler([("a", never), ("a", never)])


def test_a_ruler_whose_rules_all_decline_says_so():
    with pytest.raises(LookupError, match="the last rule must take all"):
        Ruler([("never", lambda s, b: False)]).run(None, None)


@pytest.mark.parametrize(("text", "taken"), [
    ("Recalling its resolution 70/1,\n\n1. Decides to act;", ["recital", "operative_item"]),
    ("1. Decides;\n\nAnnex\n\nText of the annex", ["operative_item", "annex", "annex"]),
    ("Annex\n\n1. Decides;", ["recital", "operative_item"]),  # no operative part yet: not an annex
    ("1. Decides;\n\n62nd plenary meeting 15 December 2025\n\n[Adopted without a vote.]",
     ["operative_item", "conclusion", "conclusion_note"]),
    ("[Adopted without a vote.]\n\n1. Decides;", ["recital", "operative_item"]),
    ("1. Decides;\n\nII\n\nFollow-up\n\n2. Requests;", ["operative_item", "section", "section_heading",
                                                      "operative_item"]),
    ("Noting the following:\n\n(a) First;\n\n(b) Second;\n\n1. Decides;",
     ["recital", "recital_item", "recital_item", "operative_item"]),
    ("1. Decides:\n\n(a) that;\n\n(b) this;\n\nwith the intent that it is done;",
     ["operative_item", "operative_item", "operative_item", "wrap_up"]),
    ("1. Decides;\n\nSome text between paragraphs.\n\n2. Requests;",
     ["operative_item", "unnumbered_paragraph", "operative_item"]),
])
def test_which_rule_takes_each_block(text, taken):
    assert body_of(text).taken == taken


def test_operative_item_nests_by_number_and_italicises_the_verb():
    state = body_of("1. Decides:\n\n(a) that;\n\n(i) this;\n\n2. Requests the Secretary-General to report;")
    first, second = state.body
    assert [i.num for i in first.items] == ["(a)"] and first.items[0].items[0].num == "(i)"
    assert isinstance(second.children[0], Emph) and plain_text(second.children[0].children) == "Requests"


def test_a_number_that_continues_nothing_is_reported():
    state = body_of("1. Decides;\n\n3. Requests;")
    assert [d.code for d in state.diagnostics] == ["numbering"]


def test_section_keeps_numbering_across_sections_and_takes_its_heading():
    state = body_of("1. Decides;\n\nII\n\nFollow-up\n\n2. Requests;")
    section = state.body[1]
    assert isinstance(section, Division) and section.num == "II"
    assert plain_text(section.heading) == "Follow-up" and [i.num for i in section.items] == ["2."]
    assert not state.diagnostics


def test_a_heading_after_a_section_with_its_own_heading_is_not_taken():
    state = body_of("1. Decides;\n\nA  \nThe heading\n\nAnother line\n\n2. Requests;")
    assert state.taken[1:3] == ["section", "unnumbered_paragraph"]
    assert plain_text(state.body[1].heading) == "The heading"


def test_recital_items_go_into_their_paragraph():
    state = body_of("Noting the following:\n\n(a) First;\n\n(b) Second;\n\n1. Decides;")
    assert [i.num for i in state.preamble[0].items] == ["(a)", "(b)"] and len(state.body) == 1


def test_wrap_up_closes_the_list_of_its_item():
    state = body_of("1. Decides:\n\n(a) that;\n\n(b) this;\n\nwith the intent that it is done;")
    assert plain_text(state.body[0].wrap_up) == "with the intent that it is done;"


def test_an_unnumbered_paragraph_is_reported_unless_preambular_words_open_a_section():
    plain = body_of("1. Decides;\n\nSome text between paragraphs.")
    assert isinstance(plain.body[-1], Para) and [d.code for d in plain.diagnostics] == ["unnumbered-paragraph"]
    section = body_of("1. Decides;\n\nII\n\nHaving considered the report,\n\n2. Requests;")
    assert not section.diagnostics and isinstance(section.body[1].items[0], Para)


def test_recital_is_the_fallback_and_reports_a_missing_opener():
    state = body_of("Recalling its resolutions,\n\nSomething else entirely,\n\n1. Decides;")
    assert [r.opener for r in state.preamble] == ["Recalling", ""]
    assert [d.code for d in state.diagnostics] == ["preambular-opener"]


def test_a_kind_can_add_a_rule_before_the_fallback():
    def quoted(state, block):
        if not block.text.startswith("“"):
            return False
        state.body.append(Para(block.runs))
        return True

    rules = BODY_RULES.before("recital", "quoted_text", quoted)
    assert body_of("“A quoted paragraph.”\n\n1. Decides;", rules=rules).taken == ["quoted_text", "operative_item"]


def test_one_dispatch_point_for_the_kind():
    assert kind_of(Opening(0, None, None, narrative_date="2025-03-25")) is DECISION
    assert kind_of(Opening(0, None, None)) is RESOLUTION
    for kind in (DECISION, RESOLUTION):
        assert kind.body_rules.names[-1] == "recital"  # the fallback is last


def test_item_keys_and_schemes():
    state = body_of("1. Decides:\n\n(a) that;")
    item = state.body[0]
    assert isinstance(item, Item) and (item.key, item.scheme) == ("1", "arabic")
    assert (item.items[0].key, item.items[0].scheme) == ("a", "alpha")


def test_a_bare_number_takes_the_next_paragraph_as_its_text():
    state = body_of("1. Decides;\n\n2.\n\nRequests the Secretary-General to report;\n\n3. Decides again;")
    assert state.taken == ["operative_item", "operative_item", "bare_number_text", "operative_item"]
    assert plain_text(state.body[1].children) == "Requests the Secretary-General to report;"
    assert isinstance(state.body[1].children[0], Emph)


def test_a_bare_label_in_the_preamble_takes_its_text_too():
    state = body_of("Noting the following:\n\n(a)\n\nFirst point;\n\n(b) Second;\n\n1. Decides;")
    assert state.taken == ["recital", "recital_item", "bare_number_text", "recital_item", "operative_item"]
    assert [plain_text(i.children) for i in state.preamble[0].items] == ["First point;", "Second;"]


def test_a_number_with_text_does_not_take_the_next_paragraph():
    assert body_of("1. Decides;\n\nSome text.").taken == ["operative_item", "unnumbered_paragraph"]


def test_a_superscript_next_to_a_paragraph_number_is_not_part_of_it():
    """`1⁵.` and `<sup>4</sup>14.`: a stray marker beside the number does not make it 15 or 414."""
    from converter import convert
    result = convert("The General Assembly,\n\n1. Decides to act;\n\n1⁵. Decides again;\n\n<sup>4</sup>14. Urges all;\n")
    nums = [n for n in result.xml.decode().split("<num>")[1:]]
    assert [n.split("</num>")[0] for n in nums] == ["1."]
