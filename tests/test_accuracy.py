"""The counters of the accuracy harness (`benchmarks/accuracy.py`), on real files counted by hand.

They check that the harness counts right, never how accurate the converter is today (that
changes). The real files are read from ../shared at test time (never copied here); those tests
skip cleanly when it is absent.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree
from support import ROOT, SHARED

sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy

MASS = SHARED / "corpus-mass"


def text(corpus: str, name: str) -> str:
    path = MASS / corpus / name
    if not path.is_file():
        pytest.skip(f"../shared/corpus-mass/{corpus}/{name} is absent")
    return path.read_text(encoding="utf-8")


def un(name: str) -> etree._Element:
    tree = accuracy.un_tree(Path(name))
    if tree is None:
        pytest.skip(f"../shared/un-akn/…/{name} is absent")
    return tree


def markers(definitions: list[accuracy.Definition]) -> list[str | None]:
    return [d.marker for d in definitions]


# ------------------------------------------------------------------ footnote definitions in the source

def test_a_pdf_text_with_one_footnote():
    definitions = accuracy.pdf_definitions(text("ga-text", "A_RES_78_100.txt"))
    assert markers(definitions) == ["1"]
    assert definitions[0].text.startswith("Official Records of the General Assembly, Seventy-eighth Session")


def test_star_definitions_count_with_the_numbered_ones():
    # `* A/80/150.`, `** Any changes to the list of sponsors …`, `1  A/CONF.243/2025/1, annex.`
    assert markers(accuracy.pdf_definitions(text("ga-text", "A_80_L.1.txt"))) == ["*", "**", "1"]


def test_a_continuation_line_starting_with_the_next_number_is_no_definition():
    # note 2 runs on to a line `3 – 14 June 1992, …`; the real note 3 is `3 Ibid., annex II.`
    definitions = accuracy.pdf_definitions(text("ga-text", "A_RES_79_200.txt"))
    assert markers(definitions) == ["1", "2", "3", "4", "5", "6", "7"]
    assert definitions[2].text.startswith("Ibid., annex II.")
    assert definitions[6].text.startswith("A/62/343.")


def test_date_lines_after_a_footnote_block_are_not_definitions():
    # the block 7, 8, 9 ends at the page; the next page goes on `10 December 1982 relating to …`
    numbers = [int(m) for m in markers(accuracy.pdf_definitions(text("ga-text", "A_RES_79_145.txt")))]
    assert numbers == list(range(1, len(numbers) + 1))


def test_decision_star_definitions_and_inline_footnotes():
    assert markers(accuracy.decision_definitions(text("ga-decisions", "71_403.txt"))) == ["*", "**", "***"]
    # parts A and B each define their stars
    assert markers(accuracy.decision_definitions(text("ga-decisions", "71_408_A_and_B.txt"))) == ["*", "**", "***"] * 2
    inline = accuracy.decision_definitions(text("ga-decisions", "75_570.txt"))
    assert markers(inline) == [None, None]
    assert inline[0].text.startswith("Preparatory Committee established by General Assembly resolution 69/292")
    assert inline[1].text == "United Nations, Treaty Series, vol. 1833, No. 31363"


def test_an_inline_footnote_holding_parentheses_is_read_to_its_own_closing_one():
    found = accuracy.decision_definitions(text("ga-decisions", "76_409.txt"))
    assert [d.text for d in found if d.marker is None] == ["A/76/518, para. 4 (a).", "A/76/518, para. 4 (b)."]
    assert markers(found).count("*") == markers(found).count("**") == markers(found).count("***") == 1


def test_council_definitions_after_the_adoption_line():
    assert markers(accuracy.sc_definitions(text("sc", "S_RES_0628_1989_EN_GOLD.txt"))) == ["9", "10"]
    # an adoption line over five lines, then `18 Ibid., …` and `19 As announced by the President, …`
    assert markers(accuracy.sc_definitions(text("sc", "S_RES_0077_1949_EN_GOLD.txt"))) == ["18", "19"]
    assert accuracy.sc_definitions(text("sc", "S_RES_0002_1946_EN_GOLD.txt")) == []


def test_council_definitions_without_an_adoption_line_are_the_last_paragraph():
    # the text ends `… beyond\n15 June 1985,\n\n60 Ibid., documents …\n61 Ibid., Add.1.`: the date is no note
    assert markers(accuracy.sc_definitions(text("sc", "S_RES_0565_1985_EN_GOLD.txt"))) == ["60", "61"]


# ------------------------------------------------------------------ our notes and their markers

AKN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">{}</akomaNtoso>'


def note(marker: str, text: str = "Ibid.") -> str:
    return f'<sup><authorialNote marker="{marker}"><p>{text}</p></authorialNote></sup>'


def test_the_text_before_a_note_runs_over_elements_and_holds_the_markers_before_it():
    xml = AKN.format(f"<meta><p>meta text</p></meta><doc><p>AUSTRIA,{note('***')} BAHRAIN,{note('*')}</p>"
                     f"<p>Next <i>para</i>graph{note('1', 'A/80/1.')}</p></doc>")
    found = accuracy.notes(etree.fromstring(xml))
    assert [n.marker for n in found] == ["***", "*", "1"]
    assert found[1].before.endswith("AUSTRIA,***BAHRAIN,")
    assert found[2].before.endswith("BAHRAIN,*Nextparagraph")
    assert found[2].text == "A/80/1."
    assert "meta" not in found[0].before


def test_a_note_is_placed_where_the_source_prints_its_marker():
    source = accuracy.squeeze(text("ga-text", "A_80_L.15.txt"))
    # `peace of 25 November 20242 and the inputs`: the marker run into the year
    assert accuracy.placed(accuracy.Note("2", "", "sustainingpeaceof25November2024"), source)
    # the converter, finding no marker 2, kept the note at the end of the paragraph before it
    assert not accuracy.placed(accuracy.Note("2", "", "peacebuildingactivitiesatthefieldlevel,"), source)
    assert not accuracy.placed(accuracy.Note("5", "", "sustainingpeaceof25November2024"), source)
    # the 12 characters before a note are what is compared: `13 November 20243` places a note 3 there too
    assert accuracy.placed(accuracy.Note("3", "", "sustainingpeaceof25November2024"), source)
    assert not accuracy.placed(accuracy.Note("2", "", ""), source)


def test_a_sentence_over_a_page_break_reads_on_without_the_furniture_and_the_footnotes():
    raw = text("ga-text", "A_C.1_80_L.49.txt")  # `Conventional Ammunition` / footnotes / header / `Management, 4`
    furniture = ["A/C.1/80/L.49", "25-16739", "2/3"]
    note4 = accuracy.Note("4", "", "ConventionalAmmunitionManagement,")
    assert accuracy.placed(note4, accuracy.squeeze(raw, furniture))
    assert not accuracy.placed(note4, accuracy.squeeze(raw))


def test_the_next_paragraph_number_is_no_marker():
    # `… youth group activities;` / footnote block / page furniture / `2.` / `Calls upon …`
    source = accuracy.squeeze(text("ga-text", "A_C.1_80_L.53.txt"), ["A/C.1/80/L.53", "3/3", "25-16747"])
    assert not accuracy.placed(accuracy.Note("2", "", "andyouthgroupactivities;"), source)


def test_star_markers_are_read_whole():
    source = accuracy.squeeze(text("ga-decisions", "71_403.txt"), page_end=False)
    assert accuracy.placed(accuracy.Note("***", "", "BRAZIL,"), source)
    assert not accuracy.placed(accuracy.Note("**", "", "BRAZIL,"), source)
    assert accuracy.placed(accuracy.Note("**", "", "BELGIUM,"), source)


def test_a_definition_is_found_by_its_marker_and_its_start():
    definitions = [accuracy.Definition("1", "Official Records of the General Assembly, Seventy-eighth"),
                   accuracy.Definition("2", "A/78/23."), accuracy.Definition(None, "See A/76/638.")]
    ours = [accuracy.Note("1", "Official Records of the General Assembly, Seventy-eighth Session, Supplement", ""),
            accuracy.Note("3", "A/78/23.", ""), accuracy.Note("", "See A/76/638.", "")]
    assert accuracy.found_definitions(definitions, ours) == 2  # note 2's text sits under another marker


# ------------------------------------------------------------------ the five fields of a UN pair

def test_un_fields_of_a_plain_resolution():
    # read in the file: 9 preambular containers after the formula, paragraphs 1. to 8., one note
    assert accuracy.fields(un("A_RES_78_100.txt"), ours=False) == {
        "kind": "resolution", "preamble": 9, "operative": 8, "notes": 1, "annexes": 0}


def test_un_preamble_headings_are_no_paragraphs():
    # 34 containers: 30 named after their opener, 4 headings with an empty name ("Transport and transit corridors")
    assert accuracy.fields(un("A_RES_78_148.txt"), ours=False)["preamble"] == 30


def test_un_annexes_are_counted_by_their_headings_in_the_one_attachment():
    assert accuracy.fields(un("A_RES_78_128.txt"), ours=False)["annexes"] == 3  # `Annex I` … `Annex III` headings
    assert accuracy.fields(un("A_RES_80_239.txt"), ours=False)["annexes"] == 2  # bold `Annex I`, `Annex II`
    assert accuracy.fields(un("A_RES_79_81.txt"), ours=False)["annexes"] == 1  # bold `Annex`


def test_our_fields_are_read_the_same_way():
    body = ('<statement name="resolutionDraft"><preamble><formula name="enactingFormula"><p>The General Assembly,</p>'
            '</formula><container name="recalling"><p>Recalling,</p></container><container name="heading">'
            '<p>Heading</p></container><container name="noting"><p>Noting,</p></container></preamble><mainBody>'
            '<paragraph><num>1.</num><list><intro><p>Decides:</p></intro><point><num>(a)</num><content><p>x;</p>'
            '</content></point></list></paragraph><section><num>I</num><heading>Part</heading><paragraph>'
            '<num>2.</num><content><p>y;</p></content></paragraph><paragraph><num>(b)</num></paragraph></section>'
            '<paragraph><content><p>unnumbered</p></content></paragraph></mainBody><attachments><attachment><doc '
            'name="annex"><mainBody><paragraph><num>1.</num><content><p>z</p></content></paragraph></mainBody>'
            '</doc></attachment></attachments></statement>')
    tree = etree.fromstring(AKN.format(body))
    assert accuracy.fields(tree, ours=True) == {
        "kind": "resolutionDraft", "preamble": 2, "operative": 2, "notes": 0, "annexes": 1}


def test_the_un_kind_names_map_to_ours():
    tree = etree.fromstring(AKN.format('<statement name="draft resolution"><preamble/><mainBody/></statement>'))
    assert accuracy.fields(tree, ours=False)["kind"] == "resolutionDraft"


def test_a_paragraph_only_one_side_has_is_located_on_the_other():
    where = ([("preamble", "Recalling its resolution 1, and welcoming the report of the Secretary-General,")],
             [("preamble", "Recalling its resolution 1,"), ("preamble", "and welcoming the report of the "
                                                                         "Secretary-General,")])
    ours, un_side = [where[0][0][1]], [text for _, text in where[1]]
    what, why = accuracy.one_sided(ours, un_side, where, "preamble")
    assert "UN only (2)" in what
    assert "ours merged two paragraphs" in why


def test_a_note_written_again_at_a_later_reference_is_told_apart():
    what, why = accuracy.note_difference(["1", "2", "2"], ["1", "2"])
    assert what == "same notes; ours repeats 2 at a later reference"
    assert "<sup>n</sup>" in why
    assert accuracy.note_difference(["1", "2"], ["1"])[0] == "markers ours only: 2"


def test_a_document_is_measured_whole():
    text("ga-text", "A_RES_78_100.txt")
    record = accuracy.measure(("ga-text", str(MASS / "ga-text" / "A_RES_78_100.txt")))
    assert record["outcome"] in ("converted", "refused")
    if record["outcome"] == "converted":
        assert record["definitions"] == 1
        assert set(record["pair"]["ours"]) == set(record["pair"]["un"]) == set(accuracy.FIELDS)
        assert record["pair"]["source"] == {"operative": 8, "notes": 1, "annexes": 0}
