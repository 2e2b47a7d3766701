"""The Security Council's printed volumes (1946-2002): the heading in its three forms, the
formula joined to the heading or to the paragraph after it, and preambular paragraphs printed
before the formula."""
from __future__ import annotations

import pytest
from support import parse, xp

from converter import convert, validate


def converted(text: str):
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    return parse(result.xml)


def texts(tree, path: str) -> list[str]:
    return [" ".join("".join(node.itertext()).split()) for node in xp(tree, path)]


def preamble_shape(tree) -> list[str]:
    """The preamble's children: `formula`, or the container's first word."""
    return ["formula" if node.tag.endswith("formula") else "".join(node.itertext()).split()[0]
            for node in xp(tree, "//a:preamble/*")]


BODY = "The Security Council,\n\nNoting the report,\n\nDecides to remain seized of the matter.\n"


@pytest.mark.parametrize(("heading", "number", "date"), [
    ("Resolution 242 (1967) of 22 November 1967", "242 (1967)", "1967-11-22"),
    ("RESOLUTION 773 (1992)\n\nAdopted by the Security Council at its 3108th meeting, on 26 August 1992",
     "773 (1992)", "1992-08-26"),
    ("77 (1949). Resolution of 11 October 1949\n[S/1403]", "77 (1949)", "1949-10-11"),
    ("36 (1947). Resolution of 1 November 1947\n(S/597]", "36 (1947)", "1947-11-01"),  # a bracket misread
    ("61 (1948). Resolution of 4 November 1948\n[S/1070}", "61 (1948)", "1948-11-04"),
    ("Resolution 464 (1980)\nOf 19 February 1980", "464 (1980)", "1980-02-19"),  # `Of`, capitalised
    ("Resolution 206 (1965) ef 15 June 1965", "206 (1965)", "1965-06-15"),  # `of` misread
])
def test_the_heading_gives_number_and_date(heading, number, date):
    tree = converted(heading + "\n\n" + BODY)
    assert texts(tree, "//a:preface//a:docNumber") == [number]
    assert xp(tree, "//a:preface//a:docDate/@date") == [date]
    assert xp(tree, "//a:FRBRWork/a:FRBRnumber/@showAs") == [number]


def test_a_lower_case_resolution_and_number_is_a_title_line_not_the_heading():
    text = ("Agenda item 147\n\nFinancing of the activities arising from Security Council\n"
            "resolution 1863 (2009)\n\nThe General Assembly,\n\nNoting the report,\n\n1. Decides to act.\n")
    tree = converted(text)
    assert not xp(tree, "//a:preface//a:docNumber")


def test_the_formula_printed_under_the_heading_and_joined_to_it():
    tree = converted("76 (1949). Resolution of 5 October 1949 [S/1404} The Security Council,\n\n"
                     "Having received a cablegram,\n\nTransmits this message to the Secretary-General.\n")
    assert texts(tree, "//a:preface//a:docNumber") == ["76 (1949)"]
    assert texts(tree, "//a:preamble/a:formula") == ["The Security Council,"]
    assert texts(tree, "//a:mainBody/a:paragraph") == ["Transmits this message to the Secretary-General."]


def test_a_sentence_ending_with_the_body_keeps_its_words():
    """`… submitted by the President of the General Assembly` is a title going on, not a formula."""
    tree = converted("Eightieth session\nAgenda item 62\nPeacebuilding and sustaining peace\n\n"
                     "Draft resolution submitted by the President of the General Assembly\n\n"
                     "2025 review of the United Nations peacebuilding architecture\n\nThe General Assembly,\n\n"
                     "Guided by the Charter,\n\n1. Decides to act.\n")
    assert texts(tree, "//a:preamble/a:formula") == ["The General Assembly,"]
    assert "Draft resolution submitted by the President of the General Assembly" in texts(tree, "//a:preface")[0]


def test_the_formula_run_into_its_first_paragraph():
    tree = converted("Resolution 464 (1980)\nOf 19 February 1980\n\nThe Security Council, Having examined the "
                     "application of Saint Vincent and the Grenadines for admission\n\n"
                     "Recommends to the General Assembly that Saint Vincent and the Grenadines be admitted.\n")
    assert texts(tree, "//a:preamble/a:formula") == ["The Security Council,"]
    assert preamble_shape(tree) == ["formula", "Having"]


def test_preambular_paragraphs_printed_before_the_formula():
    tree = converted("30 (1947). Resolution of 25 August 1947\n(S/525, I] Whereas the Council on 1 August "
                     "1947 called upon the parties to cease hostilities,\n\n"
                     "Whereas orders have been given for the cessation of hostilities,\n\n"
                     "The Security Council\n\n1. Notes with satisfaction the steps taken;\n\n"
                     "2. Requests the parties to report.\n")
    assert texts(tree, "//a:preface//a:docNumber") == ["30 (1947)"]
    assert preamble_shape(tree) == ["Whereas", "Whereas", "formula"]
    assert xp(tree, "//a:preamble/*/@eId") == ["preamble__container_1", "preamble__container_2",
                                                "preamble__formula_1"]
    assert len(xp(tree, "//a:mainBody/a:paragraph")) == 2


def test_an_opening_sentence_and_to_this_end_before_the_formula():
    tree = converted("14 (1946). Resolution of 16 December 1946\n\n"
                     "As the General Assembly has decided that the terms of office should commence on 1 January, "
                     "the rotation of the presidency should be adjusted;\n\nTo this end,\nThe Security Council\n\n"
                     "Resolves that rule 18 of the rules of procedure be suspended.\n")
    assert preamble_shape(tree) == ["As", "To", "formula"]
    assert texts(tree, "//a:mainBody/a:paragraph") == ["Resolves that rule 18 of the rules of procedure be suspended."]
    assert not xp(tree, "//a:preface//a:docTitle")


def test_recitals_before_the_formula_without_it():
    """No formula (`Therefore the Security Council,`): the paragraphs are the preamble all the same."""
    tree = converted("4 (1946). Resolution of 29 April 1946\n\n"
                     "The attention of the Security Council has been drawn to the situation in Spain;\n\n"
                     "Keeping in mind the views expressed by members,\n\n"
                     "Hereby resolves to make further studies.\n")
    assert texts(tree, "//a:preface") == ["4 (1946). Resolution of 29 April 1946"]
    assert preamble_shape(tree) == ["The", "Keeping"]
