"""Reproducers of failures found by attacking the tool (../shared/repro), one regression test each.

Read from ../shared at test time (never copied here); skipped cleanly when absent.
"""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from support import OUTPUT, SHARED, parse, words_of_markdown, words_of_xml, xp

from converter import InputError, convert, validate
from converter.api import MAX_INPUT_BYTES

REPRO = SHARED / "repro"


def repro(name: str) -> bytes:
    path = REPRO / name
    if not path.is_file():
        pytest.skip(f"../shared/repro/{name} is absent")
    return path.read_bytes()


def converted(name: str):
    source = repro(name)
    result = convert(source)
    assert validate(result.xml, profile="akn4un") == [], name
    return source.decode("utf-8"), parse(result.xml)


def valid_tree(text: str):
    """The converted text, checked valid (schema and profile), parsed."""
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    return parse(result.xml)


def lost_words(source: str, tree) -> dict[str, int]:
    """Words of the source missing from the XML (separator lines `____` are no words)."""
    lost = words_of_markdown(source) - words_of_xml(tree)
    return {word: n for word, n in lost.items() if word.strip("_")}


def test_nothing_after_an_annex_preamble_heading_is_lost():
    source, tree = converted("lost-annex-after-preamble-heading.txt")
    assert lost_words(source, tree) == {}
    assert [c.get("name") for c in xp(tree, "//a:attachment//a:preamble/a:container")] == [
        "heading", "cognizant", "recognizing"]
    assert [" ".join(n.itertext()) for n in xp(tree, "//a:attachment//a:mainBody/a:paragraph/a:num")] == ["1.", "2."]


def test_an_intro_after_a_bare_number_and_a_blank_line_is_kept():
    source, tree = converted("lost-intro-after-bare-number-and-blank.txt")
    assert lost_words(source, tree) == {}
    assert [" ".join("".join(p.itertext()).split()) for p in xp(tree, "//a:paragraph[@eId='para_2']/a:list/a:intro/a:p")] \
        == ["Encourages Member States to:"]
    assert xp(tree, "//a:paragraph[@eId='para_2']/a:list/a:intro/a:p/a:i/text()") == ["Encourages"]


def test_a_paragraph_holding_only_a_zero_width_space_is_a_number_without_text():
    result = convert(repro("invalid-empty-p-zero-width-space.txt"))
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    assert xp(tree, "//a:paragraph[@eId='para_2']/a:num/text()") == ["2."]
    assert not xp(tree, "//a:paragraph[@eId='para_2']/a:content")
    assert "empty-item" in [d.code for d in result.diagnostics]


def test_a_preambular_label_printed_alone_is_an_item_without_text():
    result = convert(repro("invalid-empty-p-preamble-label-alone.txt"))
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    items = xp(tree, "//a:preamble//a:blockList/a:item")
    assert [i.findtext("{*}num") for i in items] == ["(a)", "(b)"]
    assert ["".join(i.find("{*}p").itertext()) for i in items] == ["", "Act;"]
    assert "empty-item" in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("name", ["lost-states-between-asterisk-markers.txt", "real-74_405-decision.txt"])
def test_star_markers_lose_no_word(name):
    source, tree = converted(name)
    assert lost_words(source, tree) == {}


def test_unmatched_stars_lose_no_letter():
    source, tree = converted("emphasis-drops-text.txt")
    letters = "".join(c for c in source.split("1. ", 1)[1] if c.isalnum())
    shown = "".join(c for c in "".join(xp(tree, "//a:paragraph[@eId='para_1']")[0].itertext()) if c.isalnum())
    assert shown == "1" + letters


def test_star_note_markers_sit_after_their_states():
    _, tree = converted("lost-states-between-asterisk-markers.txt")
    notes = xp(tree, "//a:authorialNote")
    assert [n.get("marker") for n in notes] == ["*", "**", "**", "**", "**", "***", "**", "***", "**", "***", "***",
                                                "*"]
    assert not xp(tree, "//a:i")  # none of the markers opened italics
    _, real = converted("real-74_405-decision.txt")
    assert len(xp(real, "//a:mainBody//a:authorialNote")) == 47  # one per Member State: none lost


@pytest.mark.parametrize("name", ["keyerror-footnote-01.txt", "keyerror-footnote-fullwidth.txt"])
def test_a_footnote_numbered_01_or_in_full_width_digits_is_note_1(name):
    _, tree = converted(name)
    assert [n.get("marker") for n in xp(tree, "//a:authorialNote")] == ["1"]


def test_text_repeated_after_page_breaks_is_no_running_title():
    source, tree = converted("running-title-drops-repeated-paragraph.txt")
    text = " ".join(" ".join(tree.itertext()).split())
    assert text.count("and trafficking in narcotic drugs") == source.count("and trafficking in narcotic drugs") == 2


def test_a_footnote_of_markup_alone_is_kept_as_printed_and_reported():
    result = convert(repro("invalid-empty-authorialnote.txt"))
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    assert ["".join(n.itertext()) for n in xp(tree, "//a:authorialNote")] == ["**"]
    assert "footnote-markup" in [d.code for d in result.diagnostics]


def test_a_footnote_with_nothing_visible_is_no_note_and_its_marker_stays():
    result = convert("The General Assembly,\n\n1. Decides to act<sup>1</sup>.\n\n<sup>1</sup> \u200b\n")
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    assert not xp(tree, "//a:authorialNote")
    assert xp(tree, "//a:paragraph//a:sup/text()") == ["1"]
    assert [d.code for d in result.diagnostics if d.code.startswith("footnote")] == ["footnote-empty"]


ZWSP = "\u200b"


@pytest.mark.parametrize("text", [
    f"The General Assembly,\n\n1. Decides to act;\n\n{ZWSP}\n\n2. Decides again.\n",
    f"The General Assembly,\n\n1. Decides to adopt the annexed text.\n\nAnnex\n\nText of the principles\n\n"
    f"1. The first principle;\n\n2. {ZWSP}\n\n3. The third principle.\n\n{ZWSP}\n\n(a) {ZWSP}\n",
    f"United Nations A/80/L.99\n\nThe General Assembly,\n\n1. Decides to act;\n {ZWSP} \n2. Decides again.\n",
])
def test_a_line_of_invisible_characters_is_a_blank_line_in_body_and_annex(text):
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    assert lost_words(text.replace(ZWSP, ""), tree) == {}


def test_untitled_texts_without_a_number_never_share_an_iri():
    """The formula is the same in every decision of a body: the derived number is the content's."""
    first = convert("The General Assembly,\n\n1. Decides to act.\n")
    second = convert("The General Assembly,\n\n1. Decides to act again.\n")
    iri = "//a:FRBRWork/a:FRBRthis/@value"
    assert xp(parse(first.xml), iri) != xp(parse(second.xml), iri)
    assert convert("The General Assembly,\n\n1. Decides to act.\n").xml == first.xml


def test_a_bare_annex_number_then_its_intro_and_a_list_keeps_the_intro():
    """Found by fuzzing (double-spaced A/RES/78/327): `7.` alone, `Credentials …:`, `(a)`, `(b)`."""
    text = ("The General Assembly,\n\n1. Decides to adopt the agenda annexed.\n\nAnnex\n\nProvisional agenda\n\n"
            "6.\n\nOrganization of work.\n\n7.\n\nCredentials of representatives to the Conference:\n\n(a)\n\n"
            "Appointment of the members of the Credentials Committee;\n\n(b)\n\nReport of the Credentials Committee.\n")
    tree = valid_tree(text)
    assert lost_words(text, tree) == {}
    assert ["".join(p.itertext()) for p in xp(tree, "//a:attachment//a:paragraph[a:num='7.']/a:list/a:intro/a:p")] \
        == ["Credentials of representatives to the Conference:"]


def test_a_note_marked_on_a_section_number_stays_with_the_section():
    """Found by fuzzing: `XXVI232` (a marker run into the section number) lost note 232."""
    text = ("United Nations A/80/L.99\n\n25-14304 (E)    100925\n*2514304*\n\nThe General Assembly,\n\nI\n\nFirst\n\n"
            "1. Decides to act;\n\nXXVI2\nContingency fund\n\n2. Recalls its resolution 77/263 A;\n\n"
            "__________________\n2 Note two text.\n")
    tree = valid_tree(text)
    assert xp(tree, "//a:section[a:num='XXVI']/a:heading//a:authorialNote/@marker") == ["2"]
    assert "Contingency fund" in "".join(xp(tree, "//a:section[a:num='XXVI']/a:heading")[0].itertext())


def run_repro_script(name: str, *args: str, cwd=None) -> bytes:
    repro(name)
    return subprocess.run([sys.executable, str(REPRO / name), *args], cwd=cwd, check=True,
                          capture_output=True, timeout=120).stdout


def test_validator_hostile_files_get_their_verdict_fast(tmp_path):
    run_repro_script("validator-hostile.py", str(OUTPUT / "000_3ecc97e1892280ea.xml"), cwd=tmp_path)
    hidden = tmp_path / "hidden-doctype.xml"  # a DOCTYPE of laughs after a 70 KB comment
    for engine in ("lxml", "xmlschema"):
        assert [(p.rule, p.line) for p in validate(hidden, engine=engine)] == [("no-doctype", 3)]
    slow = tmp_path / "xmlschema-slow.xml"  # 200,000 unknown elements: 400 s in xmlschema, now refused
    started = time.perf_counter()
    (refused,) = validate(slow, engine="xmlschema")
    assert refused.rule == "size" and time.perf_counter() - started < 30
    assert validate(slow, engine="lxml")[0].rule == "schema"


TEXT_79_145 = SHARED / "corpus-mass" / "ga-text" / "A_RES_79_145.txt"


@pytest.mark.skipif(not TEXT_79_145.is_file(), reason="../shared/corpus-mass is absent")
def test_what_convert_accepts_validate_accepts(tmp_path):
    big = run_repro_script("oversize-output.py", str(TEXT_79_145))  # its operative part 75 times: 14 MB
    with pytest.raises(InputError, match=rf"^input too large \(\d+ bytes, limit {MAX_INPUT_BYTES}\)$"):
        convert(big)
    text = TEXT_79_145.read_text(encoding="utf-8")
    body = text[text.index("1. "):]
    largest = (text + ("\n" + body) * 36).encode("utf-8")  # 6.9 MB, under the limit
    assert len(largest) <= MAX_INPUT_BYTES
    assert validate(convert(largest).xml) == []


def test_a_line_of_a_superscript_digit_alone_in_pdf_text_is_no_page_number():
    """Found by fuzzing: `⁵` alone on a line next to the page furniture raised ValueError."""
    text = ("United Nations A/80/L.99\n\n25-14304 (E)    100925\n*2514304*\n\nThe General Assembly,\n\n"
            "Recalling its resolution 1,\n\n1. Decides to act;\n\n25-14304\n⁵\n2/3\n\n2. Decides again.\n")
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
