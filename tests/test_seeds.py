"""The four seed texts come out exactly as the first issue describes."""
from __future__ import annotations

import re

import pytest
from support import CORPUS, parse, words_of_markdown, words_of_xml, xp

from converter import convert

SEEDS = {
    "000": "000_3ecc97e1892280ea.txt",
    "001": "001_04a5912564a91c19.txt",
    "002": "002_07c25e7d960496ef.txt",
    "003": "003_f9ccab83ab8537b6.txt",
}


@pytest.fixture(scope="module")
def seeds():
    return {key: convert((CORPUS / name).read_bytes()) for key, name in SEEDS.items()}


def tree(seeds, key):
    return parse(seeds[key].xml)


def texts(nodes):
    return ["".join(n.itertext()) for n in nodes]


@pytest.mark.parametrize("key", SEEDS)
def test_every_seed_is_schema_valid(seeds, key, assert_schema_valid):
    assert_schema_valid(seeds[key].xml)


@pytest.mark.parametrize("key,name", [("000", "resolutionDraft"), ("001", "resolutionDraft"),
                                      ("002", "resolutionDraft"), ("003", "decision")])
def test_statement_name(seeds, key, name):
    statement = xp(tree(seeds, key), "/a:akomaNtoso/a:statement")[0]
    assert statement.get("name") == name
    assert statement.get("contains") == "originalVersion"
    assert "{http://www.w3.org/XML/1998/namespace}lang" not in statement.attrib


@pytest.mark.parametrize("key", SEEDS)
def test_expression_language_is_french(seeds, key):
    assert xp(tree(seeds, key), "//a:FRBRExpression/a:FRBRlanguage/@language") == ["fra"]


@pytest.mark.parametrize("key,translated", [("000", False), ("001", True), ("002", True), ("003", False)])
def test_translation_from_english_when_original_is_english(seeds, key, translated):
    translations = xp(tree(seeds, key), "//a:FRBRExpression/a:FRBRtranslation")
    assert len(translations) == int(translated)
    if translated:
        t = translations[0]
        assert t.get("fromLanguage") == "eng" and t.get("by")
        assert t.get("href").endswith("/eng@" + xp(tree(seeds, key), "//a:FRBRWork/a:FRBRdate/@date")[0])


def test_frbr_iris_of_the_decision(seeds):
    t = tree(seeds, "003")
    work = xp(t, "//a:FRBRWork/a:FRBRuri/@value")[0]
    assert work.startswith("/akn/un/statement/deliberation/untoc-cop/") and work.endswith("/4-4")
    assert xp(t, "//a:FRBRWork/a:FRBRnumber/@showAs") == ["4/4"]
    assert xp(t, "//a:FRBRWork/a:FRBRthis/@value") == [work + "/!main"]
    expression = xp(t, "//a:FRBRExpression/a:FRBRuri/@value")[0]
    assert expression.startswith(work + "/fra@")
    assert xp(t, "//a:FRBRManifestation/a:FRBRuri/@value") == [expression + "/.xml"]
    assert xp(t, "//a:FRBRManifestation/a:FRBRthis/@value") == [expression + "/!main.xml"]


@pytest.mark.parametrize("key,actor,date", [("000", "un-ecosoc-ccpcj", "2008-04-14"),
                                            ("001", "un-ga-c3", "2008-11-10"),
                                            ("002", "un-ecosoc-ccpcj", "2018-05-17")])
def test_work_iri_of_the_drafts(seeds, key, actor, date):
    work = xp(tree(seeds, key), "//a:FRBRWork/a:FRBRuri/@value")[0]
    assert work.startswith(f"/akn/un/statement/deliberation/{actor}/{date}/")


def test_masthead_of_001(seeds):
    t = tree(seeds, "001")
    assert texts(xp(t, "//a:preface//a:docAuthority")) == ["Assemblée générale"]
    assert xp(t, "//a:preface//a:docAuthority/@refersTo") == ["#ga"]
    assert texts(xp(t, "//a:inline[@name='akn4un:distribution']")) == ["Distr. limitée"]
    assert xp(t, "//a:preface//a:docDate/@date") == ["2008-11-10"]
    assert texts(xp(t, "//a:inline[@name='akn4un:languageOfExpression']")) == ["Français"]
    assert xp(t, "//a:inline[@name='akn4un:originalLanguage']/@refersTo") == ["#eng"]
    session = xp(t, "//a:preface//a:session")[0]
    assert (session.get("value"), session.text) == ("63", "Soixante-troisième session")
    assert texts(xp(t, "//a:preface//a:docCommittee")) == ["Troisième Commission"]
    ref = xp(t, "//a:preface//a:ref")[0]
    assert ref.text == "Point 97 de l'ordre du jour" and ref.get("href").endswith("#item_97")
    assert texts(xp(t, "//a:inline[@name='akn4un:agendaItemTitle']")) == ["Prévention du crime et justice pénale"]
    sponsors = xp(t, "//a:preface//a:docProponent")
    assert texts(sponsors) == ["Bélarus", "Équateur", "Fédération de Russie", "Ouzbékistan", "Philippines",
                               "Tadjikistan"]
    assert [s.get("refersTo") for s in sponsors] == ["#blr", "#ecu", "#rus", "#uzb", "#phl", "#tjk"]
    assert all(s.get("as") == "#sponsor" for s in sponsors)
    assert texts(xp(t, "//a:preface//a:docType")) == ["projet de résolution révisé"]
    assert texts(xp(t, "//a:preface//a:docTitle")) == [
        "Amélioration de la coordination des efforts déployés pour lutter contre la traite des personnes"]
    names = [c.get("name") for c in xp(t, "//a:preface/a:container")]
    assert names == ["masthead", "session", "identification"]


def test_masthead_of_000_splits_fused_bold_runs(seeds):
    t = tree(seeds, "000")
    lines = texts(xp(t, "//a:preface//a:p"))
    assert lines[:2] == ["Commission pour la prévention du crime et la justice pénale", "Dix-septième session"]
    assert xp(t, "//a:preface//a:session/@value") == ["17"]
    location = xp(t, "//a:preface//a:location")[0]
    assert location.text == "Vienne"
    assert xp(t, "//a:preface//a:date/@date") == ["2008-04-14", "2008-04-18"]
    assert texts(xp(t, "//a:preface//a:docProponent")) == ["Japon", "France"]
    assert texts(xp(t, "//a:preface//a:docType")) == ["projet de résolution"]
    assert texts(xp(t, "//a:preface//a:docTitle")) == ["Efforts déployés pour lutter contre la traite des personnes"]
    assert texts(xp(t, "//a:inline[@name='akn4un:agendaItemTitle']"))[0].startswith("Tendances de la criminalité")


def test_agenda_footnote_of_000_sits_on_the_agenda_line(seeds):
    t = tree(seeds, "000")
    note = xp(t, "//a:preface//a:authorialNote")[0]
    assert note.get("marker") == "*" and "".join(note.itertext()) == "E/CN.15/2008/1."
    line = note.getparent().getparent()
    assert line.xpath("string(a:ref)", namespaces={"a": line.nsmap[None]}) == "Point 4 de l'ordre du jour provisoire"


def test_masthead_of_002(seeds):
    t = tree(seeds, "002")
    assert texts(xp(t, "//a:preface//a:docAuthority")) == ["Conseil économique et social"]
    assert texts(xp(t, "//a:preface//a:docCommittee")) == [
        "Commission pour la prévention du crime et la justice pénale"]
    assert xp(t, "//a:preface//a:docDate/@date") == ["2018-05-17"]
    assert texts(xp(t, "//a:preface//a:docProponent")) == ["Colombie", "Philippines"]


def test_masthead_of_003(seeds):
    t = tree(seeds, "003")
    assert texts(xp(t, "//a:preface//a:docNumber")) == ["4/4"]
    assert texts(xp(t, "//a:preface//a:docTitle")) == ["Traite des êtres humains"]


@pytest.mark.parametrize("key,count", [("000", 5), ("001", 11), ("002", 7), ("003", 0)])
def test_preambular_paragraph_counts(seeds, key, count):
    assert len(xp(tree(seeds, key), "//a:preamble/a:container")) == count


def test_preamble_openers_of_000_are_recognised_without_source_italics(seeds):
    t = tree(seeds, "000")
    assert texts(xp(t, "//a:preamble/a:container/a:p/a:i[1]")) == [
        "Rappelant", "Rappelant également", "Rappelant en outre", "Reconnaissant", "Insistant"]
    assert [c.get("name") for c in xp(t, "//a:preamble/a:container")] == [
        "rappelant", "rappelantEgalement", "rappelantEnOutre", "reconnaissant", "insistant"]
    assert all(c.get("refersTo") == "#preamble" for c in xp(t, "//a:preamble/a:container"))


def test_formula(seeds):
    t = tree(seeds, "001")
    formula = xp(t, "//a:preamble/a:formula")[0]
    assert formula.get("name") == "enactingFormula" and formula.get("refersTo") == "#ga"
    assert texts(xp(formula, "a:p/a:i")) == ["L'Assemblée générale"]
    assert texts(xp(formula, "a:p")) == ["L'Assemblée générale,"]


def test_decision_opening_sentence_is_the_formula(seeds):
    t = tree(seeds, "003")
    formula = xp(t, "//a:preamble/a:formula/a:p")[0]
    text = "".join(t for t in formula.itertext())
    assert text.startswith("La Conférence des Parties à la Convention")
    assert text.rstrip().endswith("juin 2008:")
    assert len(xp(formula, ".//a:authorialNote")) == 2


def test_002_whole_paragraph_italics_keep_the_opener_only_and_do_not_leak(seeds):
    t = tree(seeds, "002")
    italics = texts(xp(t, "//a:preamble/a:container/a:p/a:i"))
    assert italics == ["Condamnant de nouveau énergiquement", "Se félicitant", "Soulignant de nouveau",
                       "Consciente", "Consciente également", "Appelant l'attention", "Gravement préoccupée"]
    assert all(len(i.split()) <= 3 for i in texts(xp(t, "//a:mainBody//a:i")))


@pytest.mark.parametrize("key,nums", [("000", [f"{n}." for n in range(1, 6)]),
                                      ("001", [f"{n}." for n in range(1, 15)]),
                                      ("002", [f"{n}." for n in range(1, 14)]),
                                      ("003", [f"{c})" for c in "abcdefghijklmnopqrst"])])
def test_operative_paragraphs(seeds, key, nums):
    t = tree(seeds, key)
    paragraphs = xp(t, "//a:mainBody/a:paragraph")
    assert [p.findtext("a:num", namespaces={"a": p.nsmap[None]}) for p in paragraphs] == nums
    assert all(p.get("refersTo") == "#operative" for p in paragraphs)


def test_003_i_between_h_and_j_is_a_letter_and_roman_points_sit_under_o(seeds):
    t = tree(seeds, "003")
    assert xp(t, "//a:mainBody/a:paragraph[a:num='i)']/@eId") == ["para_i"]
    points = xp(t, "//a:paragraph[@eId='para_o']/a:list/a:point")
    assert texts([p[0] for p in points]) == ["i)", "ii)", "iii)", "iv)"]
    assert [p.get("eId") for p in points] == [f"para_o__list_1__point_{k}" for k in ("i", "ii", "iii", "iv")]
    intro = xp(t, "//a:paragraph[@eId='para_o']/a:list/a:intro/a:p")[0]
    assert "".join(intro.itertext()).endswith("les fonctions suivantes:")
    assert len(xp(t, "//a:point")) == 4


def test_operative_verbs_in_italics(seeds):
    assert texts(xp(tree(seeds, "001"), "//a:mainBody/a:paragraph/a:content/a:p/a:i[1]"))[:3] == [
        "Exhorte", "Exhorte également", "Considère"]
    assert texts(xp(tree(seeds, "003"), "//a:paragraph[@eId='para_a']//a:i")) == ["S'est félicitée"]


@pytest.mark.parametrize("key,markers", [("000", ["*", "1", "2", "3", "4"]),
                                         ("001", ["1", "2", "3", "4", "5", "6", "1", "2", "3", "7", "8"]),
                                         ("002", ["1", "2", "1", "3", "4", "5"]),
                                         ("003", ["1", "2", "3"])])
def test_footnotes_at_their_markers(seeds, key, markers):
    t = tree(seeds, key)
    notes = xp(t, "//a:authorialNote")
    assert [n.get("marker") for n in notes] == markers
    for note in notes:
        assert note.get("placement") == "bottom"
        assert note.getparent().get("class") == "footnote"
        assert "".join(note.itertext()).strip()
    eids = [n.get("eId") for n in notes]
    assert len(set(eids)) == len(eids)


def test_repeated_footnote_is_repeated_in_full(seeds):
    t = tree(seeds, "001")
    first = xp(t, "//a:preamble//a:authorialNote[@marker='1']")[0]
    again = xp(t, "//a:mainBody//a:authorialNote[@marker='1']")[0]
    assert "".join(first.itertext()) == "".join(again.itertext()) == "Résolution 55/25, annexe I."
    assert again.get("eId") == "para_1__authorialNote_1"


def test_superscript_marker_u2074_is_a_footnote(seeds):
    note = xp(tree(seeds, "000"), "//a:authorialNote[@marker='4']")[0]
    assert "".join(note.itertext()) == "Ibid., vol. 2237, n° 39574."
    assert note.get("eId") == "para_2__authorialNote_2"


def test_1er_is_a_superscript_not_a_note(seeds):
    t = tree(seeds, "001")
    sups = xp(t, "//a:sup[not(@class)]")
    assert texts(sups) == ["er"]
    assert "au plus tard le 1" in "".join(sups[0].getparent().itertext())


@pytest.mark.parametrize("key,eid,start,end", [
    ("001", "para_9", "Salue l'important travail", "module mondial de lutte contre la traite;"),
    ("002", "preamble__container_6", "Consciente également", "des femmes et des enfants,"),
    ("002", "para_4", "Encourage en outre", "vulnérabilités particulières de chacun ;"),
])
def test_paragraphs_cut_by_page_breaks_are_joined(seeds, key, eid, start, end):
    node = xp(tree(seeds, key), f"//*[@eId='{eid}']")[0]
    paragraphs = xp(node, ".//a:p[not(ancestor::a:authorialNote)]")
    assert len(paragraphs) == 1
    for note in xp(paragraphs[0], ".//a:authorialNote"):
        note.clear(keep_tail=True)
    text = "".join(paragraphs[0].itertext())
    assert text.startswith(start)
    assert text.endswith(end)


@pytest.mark.parametrize("key", SEEDS)
def test_no_word_is_lost(seeds, key):
    source = words_of_markdown((CORPUS / SEEDS[key]).read_text(encoding="utf-8"))
    produced = words_of_xml(tree(seeds, key))
    missing = {w: n - produced[w] for w, n in source.items() if produced[w] < n}
    assert not missing
    invented = set(produced) - set(source)
    assert not invented


@pytest.mark.parametrize("key", SEEDS)
def test_output_is_byte_identical_run_after_run(seeds, key):
    assert convert((CORPUS / SEEDS[key]).read_bytes()).xml == seeds[key].xml


SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
SOURCE_MARKER = re.compile(r"<sup>\s*(\d+)\s*</sup>|([¹²³⁴⁵⁶⁷⁸⁹])|(?<=[^\s*])(\*)(?=\s|$)")


def printed_markers(source: str) -> list[tuple[str, str]]:
    """(marker, the 12 letters before it) for each marker in the text, from the source itself;
    definition lines (a marker first on its line) left out."""
    found = []
    for line in source.splitlines():
        for m in SOURCE_MARKER.finditer(line):
            if not line[:m.start()].strip(" *_#"):
                continue  # `¹ Nations Unies …`: a definition
            if m.group(3) and line[:m.start()].count("*") % 2:
                continue  # the star closing `*Invite*`, not a note
            marker = m.group(1) or SUPERSCRIPTS.get(m.group(2) or "") or m.group(3)
            before = re.sub(r"<[^>]+>|[*_]", "", SOURCE_MARKER.sub("", line[:m.start()]))
            found.append((marker, re.sub(r"\W", "", before)[-12:]))
    return found


def notes_in_output(t) -> list[tuple[str, str]]:
    found = []
    for note in xp(t, "//a:authorialNote"):
        block = next(a for a in note.iterancestors() if a.tag.endswith("}p"))
        found.append((note.get("marker"), re.sub(r"\W", "", "".join(_text_before(block, note.getparent())))[-12:]))
    return found


def _text_before(block, stop) -> list[str]:
    """The text of `block` up to the element `stop`, notes left out."""
    out = []

    def walk(node) -> bool:
        if node is stop:
            return True
        if node.tag.endswith("authorialNote"):
            return False
        out.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            out.append(child.tail or "")
        return False

    walk(block)
    return out


@pytest.mark.parametrize("key", SEEDS)
def test_each_note_follows_the_word_it_is_printed_after(seeds, key):
    """Every reference, in order, sits after the same letters as its marker in the source."""
    source = (CORPUS / SEEDS[key]).read_text(encoding="utf-8")
    expected = [(m, before) for m, before in printed_markers(source) if m != "*" or key == "000"]
    assert notes_in_output(tree(seeds, key)) == expected
