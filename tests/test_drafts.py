"""Drafts as the Main Committees print them: submitted by an officer or a bureau, and draft
decisions told in one sentence that opens with the formula."""
from __future__ import annotations

from support import parse, xp

from converter import convert, validate

MASTHEAD = ("United Nations A/C.2/80/L.44\n\nGeneral Assembly\nDistr.: Limited\n14 November 2025\n"
            "Original: English\n\nEightieth session\nSecond Committee\nAgenda item 16 (e)\n"
            "Macroeconomic policy questions: financial inclusion for sustainable development\n\n")


def converted(text: str):
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    return parse(result.xml)


def texts(tree, path: str) -> list[str]:
    return [" ".join("".join(node.itertext()).split()) for node in xp(tree, path)]


def test_a_draft_submitted_by_an_officer_on_the_basis_of_a_draft():
    tree = converted(MASTHEAD + "Draft resolution submitted by the Vice-Chair of the Committee, Andrés\n"
                     "Napurí Pita (Peru), on the basis of informal consultations on draft\nresolution A/C.2/80/L.31\n\n"
                     "Financial inclusion for sustainable development\n\nThe General Assembly,\n\n"
                     "Recalling its resolution 79/1,\n\n1. Decides to act.\n")
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["resolutionDraft"]
    assert texts(tree, "//a:preface//a:docProponent") == ["the Vice-Chair of the Committee, Andrés Napurí Pita (Peru)"]
    assert xp(tree, "//a:references/a:TLCPerson/@showAs") == ["the Vice-Chair of the Committee, Andrés Napurí Pita (Peru)"]
    assert xp(tree, "//a:preface//a:docProponent/@as") == ["#proponent"]
    assert xp(tree, "//a:preface//a:ref/@href") == ["https://undocs.org/A/C.2/80/L.31"]
    assert texts(tree, "//a:preface//a:docNumber") == ["A/C.2/80/L.44"]  # the cited draft is no second number
    assert texts(tree, "//a:preface//a:docTitle") == ["Financial inclusion for sustainable development"]


def test_a_draft_decision_submitted_by_a_bureau():
    tree = converted(MASTHEAD.replace("Second Committee", "Fourth Committee")
                     + "Draft decision submitted by the Bureau\n\nProposed programme of work\n\n"
                     "The General Assembly approves the proposed programme of work of the Committee as set out below:\n\n"
                     "Organization of work\n\nGeneral debate\n")
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["decisionDraft"]
    assert xp(tree, "//a:references/a:TLCOrganization[@showAs='the Bureau']/@href") == [
        "/akn/ontology/organization/un/the-bureau"]
    assert texts(tree, "//a:mainBody/a:paragraph")[0].startswith("The General Assembly approves the proposed")
    assert not xp(tree, "//a:preamble")


def test_a_draft_decision_in_one_sentence_opening_with_the_formula():
    tree = converted(MASTHEAD + "Austria, France and Zimbabwe: draft decision\n\n"
                     "Increase in the membership of the Committee on the Peaceful Uses of Outer Space\n\n"
                     "The General Assembly, taking note of the applications of Honduras and Zimbabwe for membership "
                     "in the Committee, decides to appoint Honduras and Zimbabwe as members of the Committee.\n")
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["decisionDraft"]
    assert texts(tree, "//a:mainBody/a:paragraph") == [
        "The General Assembly, taking note of the applications of Honduras and Zimbabwe for membership in the "
        "Committee, decides to appoint Honduras and Zimbabwe as members of the Committee."]
    assert not xp(tree, "//a:mainBody/a:paragraph/a:num")
    assert not xp(tree, "//a:preamble")


def test_a_formula_with_its_preamble_run_in_stays_a_resolution_formula():
    """`The General Assembly, recalling …,` then numbered paragraphs: a resolution, not a sentence."""
    tree = converted(MASTHEAD + "Palau: draft resolution\n\nA title\n\n"
                     "The General Assembly, recalling its resolution 79/1 and noting the report of the Secretary-"
                     "General on the matter:\n\n1. Decides to act;\n\n2. Requests a report.\n")
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["resolutionDraft"]
    assert len(xp(tree, "//a:mainBody/a:paragraph/a:num")) == 2
    assert xp(tree, "//a:preamble/a:formula")
