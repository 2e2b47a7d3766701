"""Real UN documents as a PDF extractor gives them (../shared/corpus-real, read in place).

Expectations come from reading each file (tests/real_expectations.py); every rule under test
is general, none is keyed to a file.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from real_expectations import EXPECTATIONS
from support import SHARED, parse, words_of_xml, xp

from converter import convert, validate

REAL = SHARED / "corpus-real"
NS_A = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus-real is absent")
FILES = sorted(EXPECTATIONS)


@pytest.fixture(scope="module")
def converted():
    return {name: convert((REAL / name).read_bytes()) for name in FILES if (REAL / name).is_file()}


def doc(converted, name):
    if name not in converted:
        pytest.skip(f"{name} is absent from ../shared/corpus-real")
    return parse(converted[name].xml)


def texts(nodes):
    return [" ".join("".join(n.itertext()).split()) for n in nodes]


def listed() -> list[str]:
    return sorted(p.name for p in REAL.glob("*.txt")) if REAL.is_dir() else []


@pytest.mark.parametrize("name", listed())
def test_every_file_there_converts_valid_even_without_expectations(name):
    """A file added to ../shared/corpus-real is converted and checked, expectations or not."""
    xml = convert((REAL / name).read_bytes()).xml
    assert validate(xml, engine="lxml", profile="akn4un") == []


FURNITURE_TEXT = re.compile(r"^\s*(?:\*\d{6,}\*|\d{2}-\d{5}\b.*|\d{1,3}/\d{1,3})\s*$")


@pytest.mark.parametrize("name", FILES)
def test_no_page_furniture_is_left_in_the_text(converted, name):
    """No barcode, job number or page number line, and the symbol only where the masthead prints it."""
    t = doc(converted, name)
    for node in xp(t, "//a:p"):
        assert not FURNITURE_TEXT.match("".join(node.itertext())), "".join(node.itertext())
    symbol = xp(t, "string(//a:preface//a:docNumber[@refersTo='#symbol'])")
    if symbol:
        body = " ".join("".join(n.itertext()) for n in xp(t, "//a:mainBody | //a:preamble"))
        assert symbol not in body


@pytest.mark.parametrize("name", FILES)
def test_valid_with_both_engines_and_the_profile(converted, name):
    doc(converted, name)
    xml = converted[name].xml
    assert validate(xml, engine="lxml", profile="akn4un") == []
    assert validate(xml, engine="xmlschema", profile="akn4un") == []


@pytest.mark.parametrize("name", FILES)
def test_kind_number_and_dates(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    assert xp(t, "/a:akomaNtoso/a:statement/@name") == [e["kind"]]
    shown = xp(t, "//a:FRBRWork/a:FRBRnumber/@showAs")[0]
    assert shown == (e["number"] or e["symbol"])
    number = xp(t, "//a:FRBRWork/a:FRBRnumber/@value")[0]
    assert number == shown.replace("/", "-").replace(" ", "_")
    date = xp(t, "//a:FRBRWork/a:FRBRdate")[0]
    if e["adoption_date"]:
        assert (date.get("date"), date.get("name")) == (e["adoption_date"], "adoption")
    else:
        assert (date.get("date"), date.get("name")) == (e["date"], "publication")
    actor = {"General Assembly": "un-ga", "Security Council": "un-sc"}[e["body"]]
    if e["kind"].endswith("Draft") and e.get("committee") == "Third Committee":
        actor = "un-ga-c3"
    assert xp(t, "//a:FRBRWork/a:FRBRuri/@value")[0].startswith(f"/akn/un/statement/deliberation/{actor}/")


@pytest.mark.parametrize("name", FILES)
def test_masthead(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    if e["symbol"] and "RES/242" not in e["symbol"]:
        assert e["symbol"] in texts(xp(t, "/a:akomaNtoso/a:statement/a:preface//a:docNumber"))
    if e.get("distribution"):
        assert texts(xp(t, "//a:inline[@name='akn4un:distribution']"))[0].endswith(e["distribution"])
    if e.get("date"):
        assert e["date"] in xp(t, "/a:akomaNtoso/a:statement/a:preface//a:docDate/@date")
    if e.get("session"):
        assert xp(t, "/a:akomaNtoso/a:statement/a:preface//a:session/@value") == [str(e["session"])]
    if e.get("agenda_items"):
        refs = xp(t, "/a:akomaNtoso/a:statement/a:preface//a:ref/@href")
        assert refs and refs[0].endswith("#item_" + e["agenda_items"][0].split()[0])
        assert texts(xp(t, "//a:inline[@name='akn4un:agendaItemTitle']")) == e["agenda_item_titles"]
    if e.get("sponsors"):
        assert texts(xp(t, "/a:akomaNtoso/a:statement/a:preface//a:docProponent")) == e["sponsors"]
    if e.get("title"):
        assert texts(xp(t, "/a:akomaNtoso/a:statement/a:preface//a:docTitle")) == [e["title"]]
    if e.get("original_language"):
        assert xp(t, "//a:inline[@name='akn4un:originalLanguage']/@refersTo") == ["#eng"]


@pytest.mark.parametrize("name", FILES)
def test_formula_and_preamble(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    assert len(xp(t, "/a:akomaNtoso/a:statement/a:preamble/a:formula")) == int(e["formula_present"])
    assert len(xp(t, "/a:akomaNtoso/a:statement/a:preamble/a:container")) == e["preambular_count"]
    for index, labels in e["preambular_items"].items():
        container = xp(t, "/a:akomaNtoso/a:statement/a:preamble/a:container")[int(index) - 1]
        assert texts(xp(container, "a:blockList/a:item/a:num")) == labels


def labels(node):
    """Nested labels of a paragraph's points, in the expectation's shape."""
    out = []
    for point in xp(node, "a:list/a:point"):
        num = point.findtext("a:num", namespaces={"a": point.nsmap[None]})
        inner = labels(point)
        out.append({num: inner} if inner else num)
    return out


@pytest.mark.parametrize("name", FILES)
def test_operative_paragraphs_and_sub_items(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    paragraphs = xp(t, "/a:akomaNtoso/a:statement/a:mainBody//a:paragraph[not(ancestor::a:paragraph)]")
    assert texts(xp(t, "/a:akomaNtoso/a:statement/a:mainBody//a:paragraph[not(ancestor::a:paragraph)]/a:num")) \
        == [f"{n}." for n in range(1, e["operative_count"] + 1)]
    for number, expected in e["operative_subitems"].items():
        assert labels(paragraphs[int(number) - 1]) == expected


@pytest.mark.parametrize("name", FILES)
def test_footnotes(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    notes = xp(t, "//a:authorialNote")
    assert len(notes) == e["footnote_references"]
    assert [n.get("marker") for n in notes] == e["footnote_markers"]
    for note in notes:
        assert "".join(note.itertext()).strip()
    assert not [d for d in converted[name].diagnostics if d.code.startswith("footnote")]


# where a printed marker could be mistaken for a number nearby: the words its note must follow
MARKER_PLACES = {
    "01_en_A-C.3-80-L.4_trafficking-coordination-draft.txt": {"18": "12 March 2021,", "19": "19 September 2016,"},
    "06_en_A-RES-78-319_sea-level-hlm-nested-roman.txt": {"3": "non-objection basis"},
    "12_en_A-RES-79-243_cybercrime-convention-annex.txt": {"1": "have signed this Convention."},
}


@pytest.mark.parametrize("name", [name for name in FILES if name in MARKER_PLACES])
def test_markers_sit_where_printed_not_on_numbers_nearby(converted, name):
    """`from 3 to 5.40 p.m.`, `paragraph 1 of this article` are numbers; `basis3`, `Convention.1` markers."""
    t = doc(converted, name)
    for marker, words in MARKER_PLACES[name].items():
        (note,) = [n for n in xp(t, "//a:authorialNote") if n.get("marker") == marker]
        sup = note.getparent()
        before = sup.getprevious().tail if sup.getprevious() is not None else sup.getparent().text
        assert (before or "").endswith(words), (marker, (before or "")[-60:])


@pytest.mark.parametrize("name", FILES)
def test_conclusions(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    meeting = e["adoption_meeting"]
    if e["kind"] != "resolution" or not meeting or meeting.startswith("Adopted by"):
        assert not xp(t, "//a:conclusions")
        return
    events = texts(xp(t, "//a:conclusions//a:event"))
    assert len(events) == 1 and events[0] in meeting
    if "plenary" in meeting:
        assert xp(t, "//a:conclusions//a:docDate/@date") == [e["adoption_date"]]


@pytest.mark.parametrize("name", FILES)
def test_annexes(converted, name):
    e, t = EXPECTATIONS[name], doc(converted, name)
    annexes = xp(t, "/a:akomaNtoso/a:statement/a:attachments/a:attachment")
    assert len(annexes) == len(e["annexes"])
    for node, expected in zip(annexes, e["annexes"], strict=True):
        heading = texts(xp(node, "a:doc/a:preface//a:p"))
        assert heading[0] == expected["heading"]
        assert " ".join(heading[1:]).startswith(expected["title"])
        if expected.get("numbered_paragraphs"):
            nums = texts(xp(node, "a:doc/a:mainBody/a:paragraph/a:num"))
            assert nums[:expected["numbered_paragraphs"]] == [
                f"{n}." for n in range(1, expected["numbered_paragraphs"] + 1)]
        if expected.get("preambular_count"):
            preamble = xp(node, "a:doc/a:preamble")[0]
            assert len(xp(preamble, "a:container[@refersTo='#preamble']")) == expected["preambular_count"]
            assert texts(xp(preamble, "a:formula[@name='enactingFormula']")) == [expected["preamble_formula"]]
            assert texts(xp(preamble, "a:formula[@name='agreementFormula']")) == [expected["enacting_words"]]
        for number, labels in (expected.get("subitems") or {}).items():
            (item,) = xp(node, f"a:doc/a:mainBody/a:paragraph[a:num = '{number}.']")
            assert texts(xp(item, "a:list/a:point/a:num")) == labels
        if expected.get("article_titles"):
            articles = xp(node, "a:doc/a:mainBody//a:article")
            assert texts(xp(node, "a:doc/a:mainBody//a:article/a:heading")) == [
                title for _, title in sorted(expected["article_titles"].items())]
            counts = [len(xp(a, "a:paragraph[a:num]")) for a in articles]
            assert counts == [n for _, n in sorted(expected["article_paragraph_counts"].items())]
        if expected.get("inner_annex"):
            inner = xp(node, "a:doc/a:attachments/a:attachment/a:doc")[0]
            notes = [" ".join(filter(None, (a.findtext("a:num", namespaces=NS_A), " ".join(texts(a.findall(
                "a:heading", namespaces=NS_A)))))) for a in xp(inner, "a:mainBody/a:article")]
            assert [n.replace("Articles 23 and 35 with", "Articles 23 and 35, with") for n in notes] == [
                h["heading"] for h in expected["inner_annex"]["headings"]]
            assert " ".join(texts(xp(inner, "a:preface//a:p"))[1:]) == expected["inner_annex"]["title"]
        if expected.get("article_count"):
            # the convention's own annex (interpretative notes, after article 68) sits inside it
            inner = xp(node, "a:doc/a:attachments/a:attachment")
            assert len(inner) == 1 and texts(xp(inner[0], "a:doc/a:preface//a:p"))[0] == "Annex"
            assert len(xp(node, ".//a:chapter")) == expected["chapter_count"]
            articles = [a.rstrip(".") for a in texts(xp(node, ".//a:chapter/a:article/a:num"))]
            assert articles == [f"Article {n}" for n in range(1, expected["article_count"] + 1)]


FURNITURE = [re.compile(p) for p in (r"^\d{2}-\d{5}", r"^\*\d+\*$", r"^\d{1,3}/\d{1,3}$", r"^\d{1,3}$")]


def source_words(text: str, count=None) -> Counter:
    """Words of the source less page furniture: job numbers, barcodes, page numbers, symbol
    lines after the first, running-title lines (repeated lines next to those)."""
    lines = [line.strip() for line in text.split("\n")]
    symbol = next((m.group(1) for line in lines[:20]
                   if (m := re.search(r"((?:[A-Z]+/)+[\w./]+(?: \(\d{4}\))?)$", line))), None)
    counts = Counter(lines)
    furniture = set()
    seen = False
    for i, line in enumerate(lines):
        if any(p.match(line) for p in FURNITURE):
            furniture.add(i)
        elif symbol and line == symbol:
            if seen:
                furniture.add(i)
            seen = True
        elif symbol and line.endswith(symbol):
            seen = True
    for i, line in enumerate(lines):
        if counts[line] > 1 and len(line.split()) >= 3:
            near = range(max(0, i - 5), min(len(lines), i + 6))
            if any(j in furniture for j in near):
                furniture.add(i)
    kept = " ".join(line for i, line in enumerate(lines) if i not in furniture and not re.match(r"^_{5,}$", line))
    return (count or words)(kept)


def words(text: str) -> Counter:
    """Words, digits run into a word (footnote markers) cut off, numbers left out."""
    text = re.sub(r"(?<=[^\W\d_])(\d{1,3})\b", r" \1", text)
    return Counter(w for w in re.findall(r"\w+", text) if not w.isdigit())


def numbers(text: str) -> Counter:
    """The numbers of a text, digits run into a word (footnote markers) cut off as numbers."""
    text = re.sub(r"(?<=[^\W\d_])(\d{1,3})\b", r" \1", text)
    return Counter(w for w in re.findall(r"\w+", text) if w.isdigit())


@pytest.mark.parametrize("name", FILES)
def test_no_number_is_lost_or_invented(converted, name):
    """Numbers count too (a date, a paragraph number, a resolution number): those of the
    source, less page furniture, are all in the output, except the footnote markers (which
    become @marker) at each reference and on each definition; and none is added."""
    t = doc(converted, name)
    source = source_words((REAL / name).read_text(encoding="utf-8"), numbers)
    produced = numbers(" ".join(f"{w} " * n for w, n in words_of_xml(t).items()))
    markers = [n.get("marker") for n in xp(t, "//a:authorialNote")]
    assert not source - produced - Counter(markers) - Counter(set(markers))
    assert not produced - source


@pytest.mark.parametrize("name", FILES)
def test_no_word_is_lost_but_page_furniture(converted, name):
    source = source_words((REAL / name).read_text(encoding="utf-8"))
    produced = words(" ".join(f"{w} " * n for w, n in words_of_xml(doc(converted, name)).items()))
    missing = {w: n - produced[w] for w, n in source.items() if produced[w] < n}
    assert not missing
    assert not set(produced) - set(source)
