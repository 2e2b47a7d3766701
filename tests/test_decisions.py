"""GA decisions as the UN decisions database gives them: inline `(Footnote: …)` notes, narratives
naming their body anywhere in the sentence, decisions in parts A, B."""
from __future__ import annotations

import pytest
from support import parse, xp

from converter import convert, validate
from converter.lang import first_body_named, language
from converter.read.source.inline_notes import closing_parenthesis, first_free_marker, lift_inline_notes

ENG = language("eng")


def converted(text: str):
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    return result, parse(result.xml)


def squeezed(node) -> str:
    return " ".join("".join(node.itertext()).split())


def test_an_inline_note_is_a_note_at_its_place_read_to_its_own_closing_parenthesis():
    text = ("\tAt its 39th plenary meeting, on 16 November 2021, the General Assembly, on the recommendation of the "
            "Fifth Committee,  (Footnote: A/76/518, para. 4 (a).), confirmed the reappointment of Honda Keiko.\n")
    _, tree = converted(text)
    notes = xp(tree, "//a:mainBody//a:authorialNote")
    assert [n.get("marker") for n in notes] == ["1"]
    assert squeezed(notes[0]) == "A/76/518, para. 4 (a)."
    paragraph = xp(tree, "//a:mainBody/a:paragraph")[0]
    assert "Footnote" not in squeezed(paragraph).replace(squeezed(notes[0]), "")
    assert xp(paragraph, ".//a:sup[a:authorialNote]/preceding-sibling::text()")[-1].endswith("Fifth Committee,")


def test_inline_notes_are_numbered_after_every_marker_the_text_uses():
    text = ("\tAt its 54th plenary meeting, on 17 December 2021, the General Assembly took note of the report "
            "(footnote A/76/531) and of the letter<sup>3</sup> (Footnote: See decision 75/413).\n\n"
            "__________________\n\n<sup>3</sup> A/76/1.\n")
    _, tree = converted(text)
    assert xp(tree, "//a:authorialNote/@marker") == ["4", "3", "5"]


def test_decisions_differing_only_by_the_report_their_note_cites_are_different_works():
    one = "At its 54th plenary meeting, on 17 December 2021, the General Assembly took note of the report. (Footnote: A/76/531)"
    two = one.replace("531", "535")
    iri = "//a:FRBRWork/a:FRBRthis/@value"
    assert xp(converted(one)[1], iri) != xp(converted(two)[1], iri)


@pytest.mark.parametrize(("text", "start", "end"), [("(note (a) b) c", 1, 11), ("a (b) c) d", 0, 7), ("open", 0, 4)])
def test_closing_parenthesis(text, start, end):
    assert closing_parenthesis(text, start) == end


def test_lifting_keeps_the_text_around_and_takes_the_spaces_before_the_note():
    text, notes = lift_inline_notes("Committee,  (Footnote: A/76/519, para. 4.) appointed", ENG.inline_note_re, 7)
    assert text == "Committee,<sup>7</sup> appointed"
    assert notes == [("7", "A/76/519, para. 4.")]
    assert first_free_marker(["a<sup>12</sup>"], ["*", "3"]) == 13


@pytest.mark.parametrize(("text", "actor"), [
    ("the First Committee of the General Assembly held a meeting", "un-ga-c1"),
    ("the First, Second, Third, Fifth and Sixth Committees of the General Assembly", "un-ga"),
    ("the Security Council and the General Assembly", "un-sc"),
    ("the Secretary-General", None),
])
def test_the_first_body_named_is_a_whole_name(text, actor):
    body = first_body_named(text, "eng")
    assert (body.actor if body else None) == actor


def test_a_decision_narrated_by_a_main_committee_is_the_general_assembly_s():
    text = ("\tOn 28 September 2017, the First Committee of the General Assembly held a meeting for the purpose of "
            "electing its Chair.\n\n(See A/72/PV.28)\n")
    _, tree = converted(text)
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert xp(tree, "//a:FRBRWork/a:FRBRauthor/@href") == ["#ga"]
    assert xp(tree, "//a:FRBRWork/a:FRBRdate/@date") == ["2017-09-28"]


@pytest.mark.parametrize("apart", ["\n\n", "\n"])
def test_a_decision_in_parts_is_a_section_per_part(apart):
    """`A` alone (on its own line, or run into the narrative's block), then each part's narrative."""
    text = (f"A{apart}\tAt its 45th plenary meeting, on 10 November 2016, the General Assembly appointed Mr. A.\n\n"
            "(See A/71/592, A/71/PV.45)\n\n"
            f"B{apart}\tAt its 81st plenary meeting, on 11 May 2017, the General Assembly appointed Mr. B.\n\n"
            "(See A/71/592/Add.1, A/71/PV.81)\n")
    _, tree = converted(text)
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert not xp(tree, "//a:preface") and not xp(tree, "//a:preamble")
    sections = xp(tree, "//a:mainBody/a:section")
    assert [xp(s, "a:num/text()") for s in sections] == [["A"], ["B"]]
    assert [len(xp(s, "a:paragraph")) for s in sections] == [2, 2]
    assert squeezed(xp(sections[0], "a:paragraph")[0]).endswith("appointed Mr. A.")
