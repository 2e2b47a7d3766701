"""One recognition rule at a time, on a few lines of text."""
import pytest
from support import CORPUS, parse, xp

from converter.lang import PhraseMatcher, camel_case, detect, language
from converter.model import Emph, Footnote, Item, NoteRef, Span, Sup, Text, plain_text
from converter.read.source.blocks import Block
from converter.read.source.inline import parse_lines, parse_runs, split_runs, wrap
from converter.read.source.markdown import footnote_definitions, read_blocks
from converter.read.source.numbers import number_grammar, roman_value
from converter.read.structure.masthead import MastheadState, read_masthead, split_sponsors
from converter.read.structure.outline import Outline

FR = language("fra")
EN = language("eng")
NUMBERS = number_grammar(EN.item_letters)
split_number, candidates, alpha_value = NUMBERS.split, NUMBERS.candidates, NUMBERS.alpha_value
ES = language("spa")


def note(marker):
    return Footnote(marker, [Text("note")])


# -- inline -------------------------------------------------------------------------------------

def test_fused_bold_runs_are_separate_lines():
    lines = parse_lines("**A b\nc****D e**")
    assert [plain_text(line) for line in lines] == ["A b c", "D e"]


def test_bold_then_italic_run_is_a_new_line_and_italic():
    lines = parse_lines("**Titre***La Commission,*")
    assert plain_text(lines[0]) == "Titre"
    assert isinstance(lines[1][0], Emph) and lines[1][1] == Text(",")


def test_hard_break_outside_a_run_splits_lines_inside_a_run_does_not():
    assert len(parse_lines("Distr. limitée  \n10 novembre 2008")) == 2
    assert len(parse_lines("**Bélarus,  \nPhilippines : projet**")) == 1


def test_trailing_star_is_a_footnote_marker_when_defined():
    runs = parse_runs("jour provisoire*", lambda m: note(m) if m == "*" else None)
    assert isinstance(runs[-1], NoteRef) and runs[-1].marker == "*"
    assert parse_runs("jour provisoire*")[-1] == Text("jour provisoire*")


@pytest.mark.parametrize("text", ["organisée¹ et", "organisée<sup>1</sup> et", "organisée<sup> 1 </sup> et"])
def test_superscript_markers(text):
    runs = parse_runs(text, lambda m: note(m) if m == "1" else None)
    assert [type(r) for r in runs] == [Text, NoteRef, Text]


def test_superscript_four_is_u2074():
    runs = parse_runs("accéder\u2074;", lambda m: note(m) if m == "4" else None)
    assert isinstance(runs[1], NoteRef) and runs[1].marker == "4"


def test_sup_that_is_not_a_note_stays_a_superscript():
    runs = parse_runs("le 1<sup>er</sup> juin", lambda m: None)
    assert runs[1] == Sup("er")


def test_unbalanced_italics_stay_in_their_paragraph():
    runs = parse_runs("*Consciente également de tout et")
    assert isinstance(runs[0], Emph)
    assert parse_runs("suite normale") == [Text("suite normale")]


def test_punctuation_moves_out_of_italics():
    assert parse_runs("*L'Assemblée générale,*") == [Emph([Text("L'Assemblée générale")]), Text(",")]


def test_split_and_wrap_keep_markers_outside_the_span():
    runs = [Text("Point 4"), NoteRef("*", note("*"))]
    assert split_runs(runs, 7) == ([Text("Point 4")], [NoteRef("*", note("*"))])
    wrapped = wrap(runs, 0, 7, "agendaItem", "4")
    assert isinstance(wrapped[0], Span) and isinstance(wrapped[1], NoteRef)


# -- footnote definitions -------------------------------------------------------------------------

@pytest.mark.parametrize("text,marker", [("<sup>1</sup> Résolution 55/25.", "1"), ("¹ Nations Unies", "1"),
                                         ("* E/CN.15/2008/1.", "*"), ("\u2074 Ibid.", "4")])
def test_footnote_definition(text, marker):
    assert footnote_definitions(text)[0][0] == marker


@pytest.mark.parametrize("text", ["*Rappelant* la résolution", "**Soixante-troisième session**", "1. *Exhorte*"])
def test_not_a_footnote_definition(text):
    assert footnote_definitions(text) is None


def test_repeated_marker_resolves_to_its_definition_and_unreferenced_ones_are_reported():
    text = "A<sup>1</sup> text,\n\n<sup>1</sup> First.\n\n<sup>2</sup> Never used.\n\nB<sup>1</sup> again;"
    blocks, notes, _ = read_blocks(text, FR)
    refs = [r for b in blocks for r in b.runs if isinstance(r, NoteRef)]
    assert [plain_text(r.note.children) for r in refs] == ["First.", "Never used.", "First."]
    assert [d.code for d in notes.diagnostics()] == ["footnote-unreferenced"]


def test_paragraph_cut_by_footnote_block_is_joined():
    blocks, _, _ = read_blocks("*Consciente* des mécanismes et\n\n---\n\n<sup>1</sup> Note.\n\nles organisations,", FR)
    assert len(blocks) == 1 and blocks[0].text.endswith("et les organisations,")


def test_lowercase_item_number_is_not_a_continuation():
    blocks, _, _ = read_blocks("o) A décidé que\n\ni) Faciliter", FR)
    assert len(blocks) == 2


# -- openers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,opener", [
    ("fra", "Rappelant également la résolution", "Rappelant également"),
    ("fra", "Condamnant de nouveau énergiquement la traite", "Condamnant de nouveau énergiquement"),
    ("fra", "Insistant sur la nécessité", "Insistant"),
    ("fra", "Se félicitant du fait", "Se félicitant"),
    ("eng", "Recalling further its resolution", "Recalling further"),
    ("eng", "Deeply concerned about", "Deeply concerned"),
    ("spa", "Recordando también su resolución", "Recordando también"),
    ("fra", "Rappelantes", ""),
    ("eng", "Also recalling its resolution", "Also recalling"),
    ("eng", "Expressing its deep concern at the", "Expressing its deep concern"),
    ("fra", "Agissant en vertu du Chapitre VII", "Agissant en vertu du"),
    ("spa", "Actuando en virtud del Capítulo VII", "Actuando en virtud del"),
    ("spa", "Expresando su profunda preocupación por", "Expresando su profunda preocupación"),
    ("eng", "Also the States", ""),
    ("eng", "Having determined that the situation constitutes a threat", "Having determined"),
    ("spa", "Habiendo determinado que la situación", "Habiendo determinado"),
    ("fra", "Se déclarant profondément préoccupée par la situation", "Se déclarant profondément préoccupée"),
])
def test_preambular_opener(lang, text, opener):
    assert text[:language(lang).preambular.match(text)] == opener


@pytest.mark.parametrize("lang,text,verb", [
    ("fra", "Prie à nouveau le Secrétaire général", "Prie à nouveau"),
    ("fra", "A prié instamment les États", "A prié instamment"),
    ("fra", "S’est félicitée des résultats", "S’est félicitée"),
    ("eng", "Strongly urges States", "Strongly urges"),
    ("spa", "Insta encarecidamente a los Estados", "Insta encarecidamente"),
    ("eng", "Also decides to remain seized", "Also decides"),
    ("eng", "Further requests the Secretary-General", "Further requests"),
    ("eng", "Also strongly urges States", "Also strongly urges"),
    ("eng", "Further decides also to act", "Further decides also"),
    ("eng", "Undertakes to review", "Undertakes"),
    ("eng", "Further to its resolution", ""),
    ("eng", "Concurs with the observations of the Advisory Committee", "Concurs"),
    ("fra", "Fait siennes les conclusions du Comité", "Fait siennes"),
    ("spa", "Hace suyas las conclusiones de la Comisión", "Hace suyas"),
    ("spa", "Decide seguir ocupándose activamente de la cuestión", "Decide"),
])
def test_operative_verb(lang, text, verb):
    assert text[:language(lang).operative.match(text)] == verb


@pytest.mark.parametrize("phrase,name", [("Rappelant également", "rappelantEgalement"),
                                         ("Appelant l'attention", "appelantLAttention"),
                                         ("Recalling further", "recallingFurther"),
                                         ("Deeply concerned", "deeplyConcerned")])
def test_container_names(phrase, name):
    assert camel_case(phrase) == name


def test_phrase_matcher_prefers_the_longest_head():
    matcher = PhraseMatcher(["Prend", "Prend note"], ["également"])
    assert matcher.match("Prend note également de") == len("Prend note également")


# -- language -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("L'Assemblée générale, Rappelant sa résolution sur la traite des personnes et les autres", "fra"),
    ("The General Assembly, Recalling its resolution on the trafficking in persons and the", "eng"),
    ("La Asamblea General, Recordando su resolución sobre la trata de personas y los", "spa"),
])
def test_language_detection(text, code):
    assert detect(text) == code


# -- masthead -----------------------------------------------------------------------------------

def masthead(lines, lang=FR):
    st = MastheadState(lang)
    out = read_masthead([Block([[Text(line)]]) for line in lines], st)
    spans = [[(r.role, plain_text(r.children), r.value) for r in line.children if isinstance(r, Span)]
             for line in out]
    return st, [line.group for line in out], spans


def test_masthead_lines_fr():
    st, groups, spans = masthead(["Assemblée générale", "Distr. limitée", "10 novembre 2008", "Français",
                                  "Original : anglais", "Soixante-troisième session", "Troisième Commission",
                                  "Point 97 de l'ordre du jour", "Prévention du crime",
                                  "Japon et France : projet de résolution", "Le titre"])
    assert groups == ["masthead"] * 5 + ["session"] * 4 + ["identification"] * 2
    assert [s[0][0] for s in spans] == ["authority", "distribution", "date", "languageOfExpression",
                                        "originalLanguage", "session", "committee", "agendaItem",
                                        "agendaItemTitle", "sponsor", "title"]
    assert (st.date, st.session, st.original, st.statement) == ("2008-11-10", 63, "eng", "resolutionDraft")


def test_masthead_lines_en():
    st, _, spans = masthead(["General Assembly", "Distr.: Limited", "14 October 2025", "Original: English",
                             "Eightieth session", "Third Committee", "Agenda item 27",
                             "Belarus, Philippines and Qatar: draft resolution"], EN)
    assert st.date == "2025-10-14" and st.session == 80 and st.committee == "un-ga-c3"
    assert [s[2] for s in spans[-1]] == ["blr", "phl", "qat", "draftResolution"]


def test_masthead_lines_es():
    st, _, spans = masthead(["Asamblea General", "Distr. limitada", "14 de octubre de 2025",
                             "Octogésimo período de sesiones", "Tercera Comisión", "Tema 27 del programa",
                             "Colombia y Filipinas: proyecto de resolución revisado"], ES)
    assert st.date == "2025-10-14" and st.session == 80 and st.statement == "resolutionDraft"
    assert [s[2] for s in spans[-1]] == ["col", "phl", "revisedDraftResolution"]


def test_location_and_date_range():
    st, _, spans = masthead(["Vienne, 30 avril-4 mai 2008"])
    assert spans[0] == [("location", "Vienne", "vienna"), ("eventDate", "30 avril", "2008-04-30"),
                        ("eventDate", "4 mai 2008", "2008-05-04")]
    assert st.session_start == "2008-04-30"


def test_sponsor_names_with_a_conjunction_inside():
    text = "Trinidad and Tobago, Bosnia and Herzegovina and Japan"
    codes = [code for _, _, code in split_sponsors(text, len(text), EN)]
    assert codes == ["tto", "bih", "jpn"]


# -- numbering ----------------------------------------------------------------------------------

def test_number_readings():
    assert split_number("1. Exhorte")[:3] == ("1.", "1", None)
    assert split_number("(aa) Text")[:3] == ("(aa)", None, "aa")
    assert split_number("i) Faciliter")[:3] == ("i)", None, "i")
    assert split_number("1999 was") is None
    assert roman_value("iv") == 4 and roman_value("iiii") is None and alpha_value("bb") == 28
    assert candidates("(i)", None, "i") == [("alpha", 9), ("roman", 1)]


def outline(nums):
    top: list[Item] = []
    o = Outline(top)
    readings = [split_number(n + " x") for n in nums]
    for i, (num, arabic, key, _) in enumerate(readings):
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        o.place(Item(num, arabic or key, "", [Text("x")]), candidates(num, arabic, key),
                candidates(*nxt[:3]) if nxt else None)
    return top


def shape(items):
    return [(i.num, i.scheme, shape(i.items)) if i.items else (i.num, i.scheme) for i in items]


def test_i_after_h_is_a_letter():
    assert [s for s, _ in [(i.num, i.scheme) for i in outline(["h)", "i)", "j)"])]] == ["h)", "i)", "j)"]
    assert [i.scheme for i in outline(["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"])][8] == "alpha"


def test_roman_under_a_letter():
    top = outline(["a)", "b)", "i)", "ii)", "c)"])
    assert shape(top) == [("a)", "alpha"), ("b)", "alpha", [("i)", "roman"), ("ii)", "roman")]), ("c)", "alpha")]


def test_roman_i_after_h_when_ii_follows():
    top = outline(["(g)", "(h)", "(i)", "(ii)", "(j)"])
    assert shape(top)[1] == ("(h)", "alpha", [("(i)", "roman"), ("(ii)", "roman")])


def test_double_letters_continue_after_z():
    nums = [f"({c})" for c in "abcdefghijklmnopqrstuvwxyz"] + ["(aa)", "(bb)"]
    top = outline(nums)
    assert [i.num for i in top] == nums and {i.scheme for i in top} == {"alpha"}


def test_letters_under_numbered_paragraphs():
    top = outline(["1.", "2.", "(a)", "(b)", "3."])
    assert shape(top) == [("1.", "arabic"), ("2.", "arabic", [("(a)", "alpha"), ("(b)", "alpha")]),
                          ("3.", "arabic")]


# -- PDF text -----------------------------------------------------------------------------------

from converter import convert  # noqa: E402
from converter.read.source.pdftext import read_blocks as read_pdf_blocks  # noqa: E402

PDF = """United Nations
A/C.3/99/L.1

General Assembly
Distr.: Limited
1 October 2030
Original: English

30-12345 (E)    011030
*3012345*

Ninety-ninth session
Third Committee
Agenda item 7*

Japan: draft resolution

Title of the draft

The General Assembly,

Recalling paragraphs 1, 2 and 5 of its resolution 70/1 and the Convention,1

Noting the report,2 and the outcome of the session held from 1 to 2 May,

1. Decides to act;
__________________

* A/99/150.

1 United Nations, Treaty Series, vol. 2225.

2 A/99/1.

3 Never referenced.
"""


def test_pdf_markers_are_told_from_numbers_in_a_list():
    blocks, notes, _ = read_pdf_blocks(PDF, language("eng"))
    refs = [r.marker for b in blocks for r in b.runs if isinstance(r, NoteRef)]
    assert refs == ["*", "1", "2", "3"]  # note 3, referenced nowhere, is kept at the end of its page
    recalling = next(b for b in blocks if b.text.startswith("Recalling"))
    assert "paragraphs 1, 2 and 5" in recalling.text
    assert [d.code for d in notes.diagnostics()] == ["footnote-unreferenced"]


def test_pdf_star_note_sits_on_the_agenda_line():
    t = parse(convert(PDF).xml)
    assert [n.get("marker") for n in xp(t, "//a:preface//a:authorialNote")] == ["*"]
    assert xp(t, "//a:preface//a:ref/@href")[0].endswith("#item_7")


def test_a_separator_line_alone_does_not_make_text_pdf_text():
    text = (CORPUS / "003_f9ccab83ab8537b6.txt").read_text(encoding="utf-8").replace("¹ Ibid.", "_____\n\n¹ Ibid.")
    t = parse(convert(text).xml)
    assert [n.get("marker") for n in xp(t, "//a:authorialNote")] == ["1", "2", "3"]
    assert len(xp(t, "//a:mainBody/a:paragraph")) == 20


def test_text_after_a_footnote_block_that_is_no_definition_is_kept():
    text = PDF.replace("3 Never referenced.\n", "3 Never referenced.\n\nAdopted without a vote at the end.\n")
    blocks, _, _ = read_pdf_blocks(text, language("eng"))
    assert blocks[-1].text == "Adopted without a vote at the end."


def test_nested_items_in_a_preambular_paragraph():
    text = ("The General Assembly,\n\nReaffirming that the Plan was developed:\n\n(a) To promote:\n\n"
            "(i) ratification;\n\n(ii) implementation;\n\n(b) To help:\n\n(i) States;\n\n(ii) others,\n\n"
            "1. Decides to act.\n")
    t = parse(convert(text).xml)
    items = xp(t, "//a:preamble/a:container/a:blockList/a:item")
    assert [i.get("eId") for i in items] == ["preamble__container_2__list_1__item_a",
                                             "preamble__container_2__list_1__item_b"]
    assert xp(items[1], "a:blockList/a:item/@eId") == [
        "preamble__container_2__list_1__item_b__list_1__item_i", "preamble__container_2__list_1__item_b__list_1__item_ii"]


def test_markdown_bullets_are_not_footnotes_without_a_star_marker():
    text = "*The General Assembly,*\n\n1. *Decides* that:\n\n* the first point;\n\n* the second point.\n"
    result = convert(text)
    assert b"authorialNote" not in result.xml
    assert b"the first point" in result.xml and b"the second point" in result.xml


def test_crlf_and_bom_text_given_as_str():
    text = (CORPUS / "001_04a5912564a91c19.txt").read_text(encoding="utf-8")
    assert convert("\ufeff" + text.replace("\n", "\r\n")).xml == convert(text).xml


def test_a_formula_is_never_taken_from_an_annex():
    text = ("Recalling its resolution 70/1,\n\n1. Adopts the Convention annexed hereto.\n\nAnnex\n\nConvention\n\n"
            "The States Parties to this Convention,\n\nBearing in mind the Charter,\n\nHave agreed as follows:\n")
    t = parse(convert(text, lang="eng").xml)
    assert not xp(t, "/a:akomaNtoso/a:statement/a:preamble/a:formula")
    assert len(xp(t, "/a:akomaNtoso/a:statement/a:preamble/a:container")) == 1
    assert xp(t, "//a:attachment")


def test_an_annex_that_is_only_a_heading_is_valid():
    text = "The General Assembly,\n\n1. Takes note of the list annexed hereto.\n\nAnnex\n\nList of participants\n"
    result = convert(text)
    from converter.validate import validate
    assert validate(result.xml, profile="akn4un") == []
    assert texts_of(parse(result.xml), "//a:attachment//a:mainBody/a:p") == ["Annex", "List of participants"]


def texts_of(tree, path):
    return ["".join(n.itertext()) for n in xp(tree, path)]


@pytest.mark.parametrize("text, expected", [
    ("a\n25-16618 (E)    171025\nb", True),
    ("x\n  2/14 \ny", True),
    ("text\n*2516618*\n", True),
    ("text\n\u00a02/14\u00a0\n", True),
    ("resolution 70/1 and\n12-3456 x", False),  # numbers inside sentences are not furniture
    ("1/2 of the members\n", False),
    ("**bold**\n2/14", False),  # markdown markup wins
    ("# Title\n2/14", False),
    ("---\n2/14", False),
])
def test_pdf_text_is_told_by_furniture_alone_on_a_line(text, expected):
    from converter.read.source.pdftext import looks_like_pdf_text
    assert looks_like_pdf_text(text) is expected


def test_a_paragraph_text_repeated_next_to_page_breaks_is_no_running_title():
    """`2.` alone, then its text: even when each page ends with the same words, they are the
    paragraph's own (a running title never follows a bare paragraph number)."""
    page_end = "\n\nA/RES/99/1\n\n30-11111\n{}/9\n\n"
    text = ("United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n"
            "30-11111 (E)    030330\n*3011111*\n\nThe General Assembly,\n\n"
            "1.\nDecides to act again" + page_end.format(2) + "2.\nDecides to act again" + page_end.format(3))
    t = parse(convert(text).xml)
    assert ["".join(p.itertext()) for p in xp(t, "//a:mainBody/a:paragraph/a:content/a:p")] == [
        "Decides to act again", "Decides to act again"]


def _pdf_with_notes(body: str, notes: str) -> str:
    return ("United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n"
            "30-11111 (E)    030330\n*3011111*\n\nThe General Assembly,\n\n" + body
            + "\n__________________\n\n" + notes + "\n\nA/RES/99/1\n\n30-11111\n2/9\n")


def _notes_after(text: str) -> list[tuple[str, str]]:
    t = parse(convert(text).xml)
    found = []
    for note in xp(t, "//a:authorialNote"):
        sup = note.getparent()
        before = sup.getprevious().tail if sup.getprevious() is not None else sup.getparent().text
        found.append((note.get("marker"), ((before or "").split() or [""])[-1]))
    return found


@pytest.mark.parametrize("body, expected", [
    # an ordinary number before the marker on the same page: the number run into a word wins
    ("1. Decides that the meeting will be held from 1 to 5.40 p.m. on a\nnon-objection basis1 and in public;\n",
     [("1", "basis")]),
    ("1. Decides to apply paragraph 1 of this article as signed in the Convention.1\n", [("1", "Convention.")]),
    # a year, then a comma, then the marker: not a decimal
    ("1. Recalls the Declaration adopted on 12 March 2021,1 and decides to act;\n", [("1", "2021,")]),
    # a decimal or a time is never a marker
    ("1. Decides to spend 2.1 million dollars on the Programme,1 from 10.2 onwards;\n", [("1", "Programme,")]),
    # French closing guillemet
    ("1. Rappelle la « Déclaration de Kyoto »1 et décide d'agir;\n", [("1", "»")]),
    # a footnote whose marker cannot be found does not stop the markers after it
    ("1. Decides to act on the report and the Convention,2\n", [("2", "Convention,")]),
])
def test_pdf_marker_choice(body, expected):
    notes = "1  First note.\n\n2  Second note." if "Convention,2" in body else "1  The note."
    found = _notes_after(_pdf_with_notes(body, notes))
    assert [f for f in found if f[0] in {m for m, _ in expected}] == expected


def _body_texts(text: str, where: str = "//a:mainBody") -> list[str]:
    t = parse(convert(text).xml)
    return [" ".join("".join(p.itertext()).split()) for p in xp(t, where + "//a:p")]


HEAD = "The General Assembly,\n\nRecalling its earlier work,\n\n"


def test_an_unnumbered_paragraph_closes_the_open_sub_list_and_order_is_kept():
    text = HEAD + ("1. Decides:\n\n(a) first;\n\n(b) second;\n\nClosing words of the list.\n\n(c) third;\n\n"
                   "2. Requests a report.\n")
    assert _body_texts(text) == ["Decides:", "first;", "second;", "Closing words of the list.", "third;",
                                 "Requests a report."]


def test_a_paragraph_ending_with_a_colon_after_an_item_is_its_second_paragraph_and_holds_the_list():
    text = HEAD + ("1. Decides to act.\n\nThe Secretariat should record the applications when:\n\n"
                   "(a) one thing happens;\n\n(b) another happens.\n\n2. Requests a report.\n")
    t = parse(convert(text).xml)
    assert _body_texts(text) == ["Decides to act.", "The Secretariat should record the applications when:",
                                 "one thing happens;", "another happens.", "Requests a report."]
    (first,) = xp(t, "//a:mainBody/a:paragraph[a:num = '1.']")
    assert len(xp(first, "a:list/a:intro/a:p")) == 2
    assert [n.text for n in xp(first, "a:list/a:point/a:num")] == ["(a)", "(b)"]


def test_a_paragraph_ending_with_a_colon_after_a_list_holds_the_next_list():
    text = HEAD + ("1. Decides:\n\n(a) first;\n\n(b) second.\n\nThe Secretariat should record the applications "
                   "when:\n\n(a) one thing happens;\n\n(b) another happens.\n\n2. Requests a report.\n")
    t = parse(convert(text).xml)
    (holder,) = xp(t, "//a:mainBody/a:paragraph[not(a:num)]")
    assert holder.get("eId") == "para_u1"
    assert [n.text for n in xp(holder, "a:list/a:point/a:num")] == ["(a)", "(b)"]
    assert _body_texts(text)[3:6] == ["The Secretariat should record the applications when:", "one thing happens;",
                                      "another happens."]


def test_a_numbering_that_starts_again_after_a_heading_line_is_not_nested():
    text = HEAD + ("1. Decides to adopt the list:\n\nAnnex\n\nChemical Section:\n\n(1) Atropine;\n\n(2) Phosphides.\n\n"
                   "Biological Section:\n\n(1) Antibiotics;\n\n(2) Growth media.\n")
    t = parse(convert(text).xml)
    body = xp(t, "//a:attachment//a:mainBody")[0]
    assert [n.text for n in xp(body, "a:paragraph/a:num")] == ["(1)", "(2)", "(1)", "(2)"]
    assert not xp(body, ".//a:list")


@pytest.mark.parametrize("left, right, joined", [
    ("the Secretary-", "General to report", "the Secretary-General to report"),
    ("a high-", "level meeting", "a high-level meeting"),
    ("the COVID-", "19 pandemic", "the COVID-19 pandemic"),
    ("the Convention -", "which entered", "the Convention - which entered"),
])
def test_a_line_ending_in_a_compound_hyphen_joins_unspaced_whatever_the_case(left, right, joined):
    from converter.read.source.pdftext import join_wrapped
    assert join_wrapped(left, right) == joined


def test_discouraged_control_characters_are_dropped_and_next_line_is_a_break():
    from converter.api import normalise
    assert normalise("a\x7fb\x9fc\x85d") == "abc\nd"


TWO_PAGES = """United Nations
A/RES/99/7

General Assembly
Distr.: General
3 March 2030

30-11111* (E)    030330
*3011111*

Ninety-ninth session
Agenda item 12

Resolution adopted by the General Assembly on 1 March 2030

99/7. Strengthening the coordination of efforts against
trafficking in persons everywhere

The General Assembly,

Recalling its resolution 98/1,

1. Decides to act;

A/RES/99/7
Strengthening the coordination of efforts against trafficking in persons
everywhere

30-11111
2

2. Requests a report.

55th plenary meeting
1 March 2030

3
"""


def test_two_page_document_running_title_reissue_star_and_last_page_number_are_furniture():
    result = convert(TWO_PAGES)
    assert not result.diagnostics
    t = parse(result.xml)
    assert _body_texts(TWO_PAGES) == ["Decides to act;", "Requests a report."]
    assert xp(t, "string(//a:conclusions)").split() == ["55th", "plenary", "meeting", "1", "March", "2030"]
    assert "30-11111" not in result.xml.decode()
    assert len(xp(t, "//a:docTitle")) == 1


@pytest.mark.parametrize("lang, line, numbers", [
    (EN, "Agenda items 13 and 117 (b)", ["13", "117"]),
    (EN, "Agenda item 26 (a)", ["26"]),
    ("spa", "Temas 13 y 117 del programa", ["13", "117"]),
    ("fra", "Points 13 et 117 de l'ordre du jour", ["13", "117"]),
])
def test_each_agenda_item_of_a_line_is_its_own_reference(lang, line, numbers):
    _, _, spans = masthead(["General Assembly", "Eightieth session", line], language(lang) if isinstance(lang, str)
                           else lang)
    assert [value for marks in spans for role, _, value in marks if role == "agendaItem"] == numbers


def test_bare_roman_numerals_alone_on_a_line_open_sections():
    text = HEAD + "I\n\nGeneral considerations\n\n1. Decides to act;\n\nII\n\nFollow-up\n\n2. Requests a report.\n"
    t = parse(convert(text).xml)
    assert [s.findtext("a:num", namespaces={"a": t.nsmap[None]}) for s in xp(t, "//a:mainBody/a:section")] == [
        "I", "II"]
    assert [n.text for n in xp(t, "//a:section/a:paragraph/a:num")] == ["1.", "2."]
    assert [" ".join(h.itertext()) for h in xp(t, "//a:section/a:heading")] == ["General considerations", "Follow-up"]


@pytest.mark.parametrize("previous, text, joined", [
    ("a.2. (Renumbering of current entry 7.A.3.b.)", "b. Hybrid navigation systems", False),
    ("the systems designed", "b.1. Liquid neutralization equipment", False),
    ("the systems designed for the", "Organization of American States", True),
    ("as set out in the report (A/80/1.)", "The Assembly", False),
])
def test_a_block_after_a_page_break_continues_the_paragraph_only_if_it_can(previous, text, joined):
    from converter.read.source.blocks import is_continuation
    assert is_continuation(Block([[Text(previous)]]), Block([[Text(text)]], after_break=True), NUMBERS) is joined


CONVENTION = HEAD + """1. Adopts the Convention annexed to the present resolution.

Annex

Convention on Something Important Enough to Have a Title That Runs On for Quite a While;
Strengthening International Cooperation for Combating Certain Crimes Committed by Means of
Information and Communications Technology Systems and for the Sharing of Evidence

Chapter I

General provisions

Article 1

Purpose

1. The purpose of this Convention is to act.

2. It applies to all.

IN WITNESS WHEREOF, the undersigned have signed this Convention.

Annex

Interpretative notes

Article 1

1. The purpose includes everything.

Articles 2 and 3, with regard to the term “act”

2. The term covers all acts.
"""


def test_annexed_convention_title_testimonium_and_plural_article_headings():
    result = convert(CONVENTION)
    assert not [d for d in result.diagnostics if d.code == "numbering"]  # notes numbered on: 1., 2. across articles
    t = parse(result.xml)
    (convention,) = xp(t, "/a:akomaNtoso/a:statement/a:attachments/a:attachment/a:doc")
    assert "Sharing of Evidence" in xp(convention, "string(.//a:preface)")
    body = xp(convention, "a:mainBody")[0]
    assert [etree_name(c) for c in body] == ["chapter", "paragraph"]
    assert "".join(body[-1].itertext()).strip().startswith("IN WITNESS WHEREOF")
    (notes,) = xp(convention, ".//a:attachment/a:doc")
    articles = xp(notes, ".//a:article")
    assert [a.findtext("a:num", namespaces={"a": t.nsmap[None]}) for a in articles] == [
        "Article 1", "Articles 2 and 3"]
    assert "".join(articles[1].find("a:heading", namespaces={"a": t.nsmap[None]}).itertext()) == \
        "with regard to the term “act”"
    assert articles[1].get("eId").endswith("art_2and3")


def etree_name(node) -> str:
    return node.tag.rsplit("}", 1)[-1]


def test_words_closing_a_list_are_its_wrap_up():
    text = HEAD + ("1. Decides that States shall make it an offence:\n\n(a) The obtaining of:\n\n(i) A device; or\n\n"
                   "(ii) A password;\n\nwith the intent that it be used to commit an offence; and\n\n"
                   "(b) The possession of such an item.\n\n2. Requests a report.\n")
    t = parse(convert(text).xml)
    (wrap,) = xp(t, "//a:wrapUp")
    assert " ".join("".join(wrap.itertext()).split()) == "with the intent that it be used to commit an offence; and"
    assert wrap.getparent().getparent().findtext("a:num", namespaces={"a": t.nsmap[None]}) == "(a)"
    assert _body_texts(text) == ["Decides that States shall make it an offence:", "The obtaining of:", "A device; or",
                                 "A password;", "with the intent that it be used to commit an offence; and",
                                 "The possession of such an item.", "Requests a report."]


def test_a_wrap_up_printed_in_the_block_of_the_last_item_is_cut_from_it():
    body = ("1. Decides that it is an offence:\n\n(a) Any input of data;\n\n(b) Any deception that causes a loss;\n"
            "with the fraudulent intent of procuring a gain.\n\n2. Requests a report.\n")
    text = _pdf_with_notes(body, "1  The note.").replace("\n__________________\n\n1  The note.\n", "\n")
    t = parse(convert(text).xml)
    assert [" ".join("".join(w.itertext()).split()) for w in xp(t, "//a:wrapUp")] == [
        "with the fraudulent intent of procuring a gain."]
    assert " ".join("".join(xp(t, "//a:point")[-1].itertext()).split()) == "(b) Any deception that causes a loss;"


@pytest.mark.parametrize("body, notes, expected", [
    # a note referenced again later: the number run into a word, after its first reference
    ("Recalling the Covenant,1\n\n1. Calls upon all States to respect the Covenant1 and the Charter;\n",
     "1  Resolution 2200 A (XXI), annex.", [("1", "Covenant,"), ("1", "Covenant")]),
    # a marker after a parenthesis holding a document symbol
    ("Noting the report (A/HRC/51/17),1 and the Covenant,\n\n1. Decides to act;\n", "1  The note.",
     [("1", "(A/HRC/51/17),")]),
    # two markers in a row
    ("Recalling the Covenants,1,2\n\n1. Decides to act;\n", "1  First.\n\n2  Second.",
     [("1", "Covenants,"), ("2", ",")]),
    # G20 is a name, not a second reference to note 20
    ("Recalling the Covenant,1\n\n1. Welcomes the G1 summit and the Covenant.\n", "1  The note.", [("1", "Covenant,")]),
])
def test_pdf_markers_repeated_after_symbols_and_in_a_row(body, notes, expected):
    assert _notes_after(_pdf_with_notes(body, notes)) == expected


@pytest.mark.parametrize("line", ["25-16618 (E)    171025", "25-16618 (F)    221225    231225", "GE.25-05678",
                                  "GE.25-05678(E)", "GE.25-05678 (F)    100425    110425", "25-19999* (E)"])
def test_job_numbers_are_page_furniture(line):
    from converter.read.source.pdftext import FURNITURE_LINE, JOB_NUMBER
    assert JOB_NUMBER.match(line) and FURNITURE_LINE.search(line)


@pytest.mark.parametrize("heading", ["I. Mandate", "I\n\nMandate", "A. Mandate"])
def test_sections_inside_an_annex(heading):
    second = heading.replace("I", "II") if heading.startswith("I") else heading.replace("A", "B")
    text = HEAD + ("1. Adopts the terms of reference annexed to the present resolution.\n\nAnnex\n\n"
                   "Terms of reference of the panel\n\n" + heading + "\n\n1. The panel shall assess.\n\n"
                   + second.replace("Mandate", "Composition") + "\n\n2. The panel shall have 40 members.\n\n"
                   "A. The panel shall also meet.\n")
    t = parse(convert(text).xml)
    sections = xp(t, "//a:attachment//a:section")
    assert [" ".join("".join(s.find("a:heading", namespaces={"a": t.nsmap[None]}).itertext()).split())
            for s in sections] == ["Mandate", "Composition"]
    assert xp(t, "string(//a:attachment//a:docTitle)") == "Terms of reference of the panel"
    assert [len(xp(s, "a:paragraph")) for s in sections] == [1, 2]  # `A. The panel shall …` is a sentence


def test_preambular_paragraphs_opening_a_section_keep_their_opener():
    text = ("The General Assembly,\n\nI\n\nConstruction of a new office facility\n\n"
            "Having considered the report of the Secretary-General,\n\n1. Takes note of the report;\n\n"
            "II\n\nStandards of accommodation for air travel\n\nRecalling its resolution 67/254 A,\n\n"
            "2. Requests a report.\n")
    result = convert(text)
    assert not [d for d in result.diagnostics if d.code == "unnumbered-paragraph"]
    t = parse(result.xml)
    assert xp(t, "//a:section/a:paragraph[not(a:num)]/a:content/a:p/a:i/text()") == ["Having considered", "Recalling"]


def test_a_resolution_in_parts_written_block_by_block():
    text = ("Resolution adopted by the General Assembly on 5 December 2025\n\n80/70. Questions relating to information"
            "\n\nA\n\nInformation in the service of humanity\n\nThe General Assembly,\n\nRecalling its resolution 79/1,"
            "\n\n1. Decides to act;\n\nB\n\nPolicies\n\nThe General Assembly,\n\nNoting the report,\n\n"
            "2. Requests a report.\n")
    result = convert(text)
    assert not result.diagnostics
    t = parse(result.xml)
    assert xp(t, "//a:mainBody/a:section/a:num/text()") == ["A", "B"]
    assert xp(t, "//a:section/a:paragraph[not(a:num)]//a:i/text()") == [
        "The General Assembly", "Recalling", "The General Assembly", "Noting"]
    assert xp(t, "string(//a:docTitle)") == "Questions relating to information"


def test_barcode_lines_are_page_furniture_even_inside_a_paragraph():
    text = PDF.replace("1. Decides to act;", "1. Decides to\n\n*3012345*\n\nact;")
    xml = convert(text).xml
    assert b"3012345" not in xml
    assert _body_texts(text)[0].startswith("Decides to act;")  # (then the unreferenced note 3)


@pytest.mark.parametrize("lang, closing, meeting, date", [
    ("eng", "62nd plenary meeting\n15 December 2025", "62nd plenary meeting", "2025-12-15"),
    ("eng", "55th (resumed) plenary meeting\n15 December 2025", "55th (resumed) plenary meeting", "2025-12-15"),
    ("eng", "50th meeting\n3 April 2025", "50th meeting", "2025-04-03"),
    ("eng", "Adopted by the Security Council at its 9876th meeting, on 3 March 2025", "9876th meeting", "2025-03-03"),
    ("fra", "55e séance plénière (reprise)\n15 décembre 2025", "55e séance plénière (reprise)", "2025-12-15"),
    ("fra", "50e séance\n3 avril 2025", "50e séance", "2025-04-03"),
])
def test_closing_lines_are_conclusions(lang, closing, meeting, date):
    opening = HEAD + "1. Decides to act.\n\n" if lang == "eng" else \
        "L'Assemblée générale,\n\nRappelant ses travaux,\n\n1. Décide d'agir.\n\n"
    t = parse(convert(opening + closing + "\n", lang=lang).xml)  # too short a text to tell its language
    assert xp(t, "//a:conclusions//a:event/text()") == [meeting]
    assert xp(t, "//a:conclusions//a:docDate/@date") == [date]
    assert len(xp(t, "//a:mainBody/a:paragraph")) == 1


def test_a_repeated_marker_may_follow_a_lower_case_letter_of_any_script():
    from converter.read.source.pdftext import repeatable_before
    assert [repeatable_before(c) for c in "eéжς,)"] == [True] * 6
    assert [repeatable_before(c) for c in "GÉЖ7 "] == [False] * 5


@pytest.mark.parametrize("opening, date, meeting", [
    ("At its 62nd plenary meeting, on 13 December 2016, the General Assembly", "2016-12-13", "62nd plenary meeting"),
    ("At the 67th plenary meeting, on 29 April 2025, the General Assembly", "2025-04-29", "67th plenary meeting"),
    ("At its 96th plenary meeting on 8 September 2017, the General Assembly", "2017-09-08", "96th plenary meeting"),
    ("At its 63rd plenary meeting, 4 September 2020, the General Assembly", "2020-09-04", "63rd plenary meeting"),
    ("At its resumed 77th plenary meeting, on 8 July 2021, the General Assembly", "2021-07-08",
     "resumed 77th plenary meeting"),
    ("At its 44th plenary meeting, on 2\u202fDecember 2024, the General Assembly", "2024-12-02", "44th plenary meeting"),
    ("On 13 April 2020, the General Assembly", "2020-04-13", None),
    ("On 17 and 18 June 2020, the General Assembly", "2020-06-18", None),
    ("At its 102nd plenary meeting, on 9 September 2021,\tthe General Assembly", "2021-09-09", "102nd plenary meeting"),
    ("At its 63rd plenary meeting, on 21 March 2024, at the proposal of the Secretary-General (A/78/785), the "
     "General Assembly", "2024-03-21", "63rd plenary meeting"),
    ("At the 28th plenary meeting of the General Assembly, on 3 October 2017, the President of the Assembly announced "
     "that the General Assembly", "2017-10-03", "28th plenary meeting"),
    ("The General Assembly, at its 27th plenary meeting, on 5 November 2021, and the Security Council, at its 8897th "
     "meeting, on 5 November 2021,", "2021-11-05", "27th plenary meeting"),
    ("`\tAt its 47th plenary meeting, on 13 December 2019, the General Assembly", "2019-12-13", "47th plenary meeting"),
])
def test_decision_narratives_as_the_database_prints_them(opening, date, meeting):
    """A GA decision's narrative in the forms of the UN decisions database; the sentence and the
    database's `(See …)` line after it are the decision's body (no formula, no preamble)."""
    text = f"\t{opening} took note of the report of the Sixth Committee. \n\n(See A/71/520, A/71/PV.62)\n"
    result = convert(text)
    tree = parse(result.xml)
    assert xp(tree, "/a:akomaNtoso/a:statement/@name") == ["decision"]
    assert xp(tree, "//a:FRBRWork/a:FRBRdate/@date") == [date]
    assert not xp(tree, "//a:preamble")
    assert [" ".join("".join(p.itertext()).split()) for p in xp(tree, "//a:mainBody/a:paragraph")] \
        == [" ".join(f"{opening} took note of the report of the Sixth Committee.".split()), "(See A/71/520, A/71/PV.62)"]
    events = xp(tree, "//a:mainBody//a:event/text()")
    assert events == ([meeting] if meeting else [])
