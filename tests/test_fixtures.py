"""Small documents of our own, one per kind and language (tests/fixtures)."""
from pathlib import Path

import pytest
from support import parse, xp

from converter import convert, validate

FIXTURES = Path(__file__).parent / "fixtures"


def load(name, **options):
    result = convert((FIXTURES / name).read_bytes(), **options)
    assert validate(result.xml, profile="akn4un") == [], name
    return result, parse(result.xml)


def texts(nodes):
    return [" ".join("".join(n.itertext()).split()) for n in nodes]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_fixture_is_valid_with_both_engines(name):
    xml = convert((FIXTURES / name).read_bytes()).xml
    assert validate(xml, engine="xmlschema", profile="akn4un") == []


def test_spanish_markdown_draft():
    result, t = load("es_draft.md")
    assert xp(t, "//a:FRBRlanguage/@language") == ["spa"]
    assert xp(t, "//a:FRBRtranslation/@fromLanguage") == ["eng"]
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == ["resolutionDraft"]
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value")[0].startswith("/akn/un/statement/deliberation/un-ga-c3/2025-10-14/")
    assert xp(t, "//a:preface//a:session/@value") == ["80"]
    assert texts(xp(t, "//a:preface//a:docProponent")) == ["Colombia", "Filipinas", "Trinidad y Tabago"]
    assert xp(t, "//a:preface//a:docProponent/@refersTo") == ["#col", "#phl", "#tto"]
    assert texts(xp(t, "//a:preface//a:docType")) == ["proyecto de resolución revisado"]
    assert [c.get("name") for c in xp(t, "//a:preamble/a:container")] == [
        "recordando", "profundamentePreocupada", "reafirmandoTambien"]
    assert texts(xp(t, "//a:preamble/a:container[3]/a:blockList/a:item/a:num")) == ["a)", "b)"]
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:num")) == ["1.", "2.", "3."]
    assert texts(xp(t, "//a:paragraph[@eId='para_2']/a:list/a:point/a:num")) == ["a)", "b)", "c)"]
    assert texts(xp(t, "//a:point[@eId='para_2__list_1__point_b']/a:list/a:point/a:num")) == ["i)", "ii)"]
    assert [n.get("marker") for n in xp(t, "//a:authorialNote")] == ["1", "2"]
    assert texts(xp(t, "//a:mainBody//a:paragraph/a:content/a:p/a:i")) == ["Insta", "Solicita también"]


def test_spanish_pdf_adopted_resolution():
    result, t = load("es_adopted_pdf.txt")
    assert xp(t, "//a:FRBRlanguage/@language") == ["spa"]
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == ["resolution"]
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/un-ga/2025-12-15/80-200"]
    assert texts(xp(t, "//a:preface//a:docTitle")) == [
        "Mejoramiento de la situación de las mujeres y las niñas de las zonas rurales"]
    assert len(xp(t, "//a:preamble/a:container")) == 2
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:num")) == ["1.", "2."]
    notes = xp(t, "//a:authorialNote")
    assert [n.get("marker") for n in notes] == ["1", "2"]
    assert texts(notes)[1] == "Informe de la Cuarta Conferencia Mundial sobre la Mujer, Beijing, 4 a 15 de septiembre de 1995."
    assert texts(xp(t, "//a:conclusions//a:event")) == ["62ª sesión plenaria"]
    assert xp(t, "//a:conclusions//a:docDate/@date") == ["2025-12-15"]
    body = " ".join("".join(t.itertext()).split())
    assert "25-99999" not in body and "2/2" not in body


def test_security_council_sections_hold_their_paragraphs():
    result, t = load("en_sc_sections.txt")
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/un-sc/2030-03-03/9999_(2030)"]
    sections = xp(t, "//a:mainBody/a:section")
    assert texts(xp(t, "//a:mainBody/a:section/a:num")) == ["A", "B"]
    assert [texts(xp(s, "a:paragraph/a:num")) for s in sections] == [["1.", "2."], ["3.", "4."]]
    assert xp(t, "//a:section[@eId='sec_A']/a:paragraph/@eId") == ["sec_A__para_1", "sec_A__para_2"]
    assert texts(xp(t, "//a:preface//a:event")) == ["9999th meeting"]
    assert not [d for d in result.diagnostics if d.code == "numbering"]


def test_decision_told_as_a_narrative():
    result, t = load("en_decision_narrative.txt")
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert xp(t, "//a:FRBRWork/a:FRBRdate/@date") == ["2025-03-25"]
    formula = xp(t, "//a:preamble/a:formula")[0]
    assert texts(xp(formula, ".//a:event")) == ["62nd plenary meeting"]
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:num")) == ["(a)", "(b)", "(c)"]
    assert texts(xp(t, "//a:paragraph[@eId='para_b']/a:list/a:point/a:num")) == ["(i)", "(ii)"]
    assert not xp(t, "//a:preface")


def test_decision_in_one_sentence_without_masthead():
    result, t = load("en_decision_single.txt")
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert xp(t, "//a:FRBRWork/a:FRBRnumber/@value") == ["79-555"]
    assert xp(t, "//a:FRBRWork/a:FRBRdate/@date") == ["2024-08-01"]
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:content/a:p"))[0].startswith("At its 102nd plenary meeting")


def test_french_adopted_resolution_with_an_annexed_convention():
    result, t = load("fr_adopted_annex_pdf.txt")
    assert xp(t, "/a:akomaNtoso/a:statement/a:meta//a:FRBRlanguage/@language") == ["fra"]
    assert xp(t, "/a:akomaNtoso/a:statement/a:meta//a:FRBRWork/a:FRBRuri/@value") == [
        "/akn/un/statement/deliberation/un-ga/2025-12-15/80-300"]
    assert texts(xp(t, "//a:conclusions//a:event")) == ["55e séance plénière"]
    annex = xp(t, "//a:attachments/a:attachment")[0]
    assert texts(xp(annex, "a:doc/a:preface//a:p")) == ["Annexe", "Convention sur la coopération"]
    assert texts(xp(annex, ".//a:chapter/a:num")) == ["Chapitre I", "Chapitre II"]
    assert texts(xp(annex, ".//a:chapter/a:heading")) == ["Dispositions générales", "Dispositions finales"]
    assert texts(xp(annex, ".//a:article/a:num")) == ["Article premier", "Article 2", "Article 3"]
    assert texts(xp(annex, ".//a:article/a:heading")) == ["Objet", "Définitions", "Entrée en vigueur"]
    first = xp(annex, ".//a:article")[0]
    assert texts(xp(first, ".//a:point/a:num")) == ["a)", "b)"]
    assert texts(xp(first, ".//a:intro")) == ["La présente Convention a pour objet :"]
    assert texts(xp(annex, ".//a:article[2]/a:paragraph/a:num")) == ["1.", "2."]


def test_language_is_detected_and_can_be_forced():
    text = (FIXTURES / "en_sc_sections.txt").read_text()
    assert parse(convert(text).xml).xpath("//*[local-name()='FRBRlanguage']/@language") == ["eng"]
    forced = parse(convert(text, lang="fra").xml)
    assert forced.xpath("//*[local-name()='FRBRlanguage']/@language") == ["fra"]


def test_annex_paragraph_whose_first_words_are_its_first_sub_item():
    text = ("The General Assembly,\n\n1. Adopts the Convention annexed to the present resolution.\n\n"
            "Annex\n\nConvention\n\nArticle 1\n\nScope\n\n1. This Convention applies to:\n\n"
            "2. (a) Offences established under it; and\n\n(b) Proceedings.\n\n3. Nothing more.\n")
    result = convert(text)
    t = parse(result.xml)
    article = xp(t, "//a:attachment//a:article")[0]
    assert texts(xp(article, "a:paragraph/a:num")) == ["1.", "2.", "3."]
    assert texts(xp(article, "a:paragraph[2]/a:list/a:point/a:num")) == ["(a)", "(b)"]
    assert not [d for d in result.diagnostics if d.code == "numbering"]


@pytest.mark.parametrize("name,lang,date,letters", [
    ("fr_decision_narrative.txt", "fra", "2025-03-25", ["a)", "b)", "c)"]),
    ("es_decision_narrative.txt", "spa", "2025-03-25", ["a)", "b)"]),
])
def test_decisions_told_as_a_narrative_in_french_and_spanish(name, lang, date, letters):
    result, t = load(name)
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert xp(t, "//a:FRBRlanguage/@language") == [lang]
    assert xp(t, "//a:FRBRWork/a:FRBRdate/@date") == [date]
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value")[0].startswith("/akn/un/statement/deliberation/un-ga/")
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:num")) == letters
    assert len(xp(t, "//a:preamble/a:formula//a:event")) == 1


def test_french_security_council_resolution_with_sections():
    result, t = load("fr_sc_resolution.txt")
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/un-sc/2030-03-02/9998_(2030)"]
    assert texts(xp(t, "//a:preface//a:event")) == ["9998e séance"]
    assert texts(xp(t, "//a:mainBody/a:section/a:num")) == ["A", "B"]
    assert texts(xp(t, "//a:section/a:paragraph/a:num")) == ["1.", "2."]


def test_a_resolution_in_parts():
    """`A/RES/80/70 A-B`, `Resolutions adopted by …`, then part A's letter and heading: the
    symbol and number keep their part letters, each part is a section with its own formula
    and preamble, in reading order."""
    result, t = load("en_resolution_in_parts_pdf.txt")
    assert xp(t, "//a:FRBRWork/a:FRBRnumber/@value") == ["80-70_A-B"]
    assert texts(xp(t, "//a:preface//a:docNumber")) == ["A/RES/80/70 A-B", "80/70 A-B"]
    assert texts(xp(t, "//a:preface//a:docType")) == ["Resolutions"]
    assert texts(xp(t, "//a:preface//a:docTitle")) == ["Questions relating to information"]
    assert xp(t, "//a:mainBody/a:section/a:num/text()") == ["A", "B"]  # part A holds its formula and preamble
    assert texts(xp(t, "//a:mainBody/a:section/a:heading")) == ["Information in the service of humanity",
                                                                 "United Nations public information policies"]
    assert not xp(t, "//a:preamble") and not result.diagnostics
    assert texts(xp(t, "//a:section[1]/a:paragraph[not(a:num)]//a:i")) == ["The General Assembly", "Recalling"]
    assert xp(t, "//a:FRBRWork/a:FRBRdate/@date") == ["2025-12-05"]


def test_a_running_title_printed_at_one_page_break_only_is_furniture():
    """Three pages: the title runs on page 2 only (page 3 prints the short footer), and the
    page break cuts a paragraph: the title is dropped and the paragraph joined again."""
    result, t = load("en_ga_resolution_three_pages_pdf.txt")
    assert not result.diagnostics
    assert texts(xp(t, "//a:preamble/a:container")) == [
        "Noting with appreciation the work of the Office of the High Representative for the Least Developed "
        "Countries and Small Island Developing States,"]
    assert texts(xp(t, "//a:docTitle")) == ["Title of the resolution"]


def test_human_rights_council_resolution_printed_in_geneva():
    """Geneva job numbers (GE.25-05678) are furniture; the session and agenda item are the
    Council's; `50th meeting` and `[Adopted without a vote.]` close the text."""
    result, t = load("en_hrc_resolution_pdf.txt")
    assert not result.diagnostics
    assert "GE.25" not in result.xml.decode()
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/un-hrc/2025-04-03/58-15"]
    assert xp(t, "//a:preface//a:session/@refersTo") == ["#hrc"]
    assert xp(t, "//a:preface//a:ref/@href") == ["/akn/un/doc/agenda/un-hrc/session-58/!main#item_3"]
    assert xp(t, "//a:preface//a:date/@date") == ["2025-02-24", "2025-04-04"]
    assert texts(xp(t, "//a:mainBody/a:paragraph/a:num")) == ["1.", "2.", "3."]
    assert texts(xp(t, "//a:mainBody/a:paragraph[2]//a:p")) == [
        "Encourages all States to take steps with a view to achieving progressively the full realization of the "
        "right to food;"]
    assert texts(xp(t, "//a:conclusions//a:p")) == ["50th meeting 3 April 2025", "[Adopted without a vote.]"]
    assert xp(t, "//a:conclusions//a:docDate/@date") == ["2025-04-03"]


def test_economic_and_social_council_year_session():
    result, t = load("en_ecosoc_resolution_pdf.txt")
    assert xp(t, "//a:preface//a:session/@value") == ["2025"]
    assert xp(t, "//a:preface//a:session/@refersTo") == ["#ecosoc"]
    assert xp(t, "//a:preface//a:ref/@href") == ["/akn/un/doc/agenda/un-ecosoc/session-2025/!main#item_18"]
    assert xp(t, "//a:FRBRWork/a:FRBRnumber/@value") == ["2025-15"]
    assert len(xp(t, "//a:authorialNote")) == 1
