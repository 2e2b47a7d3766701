"""Properties over generated input: never crash, always valid, nothing lost."""
import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import parse, words_of_markdown, words_of_xml

from converter import InputError, convert
from converter.validate import check_bytes

WORDS = st.sampled_from(["traite", "personnes", "États", "Membres", "coopération", "résolution", "2008",
                         "Nations", "Unies", "l'Office", "protocole", "victimes", "55/25", "œuvre"])
OPENERS = st.sampled_from(["Rappelant", "Rappelant également", "Consciente", "Soulignant", "Réaffirmant"])
VERBS = st.sampled_from(["Exhorte", "Invite", "Prie", "Décide", "Encourage également"])


@st.composite
def sentences(draw, min_words=3):
    return " ".join(draw(st.lists(WORDS, min_size=min_words, max_size=25)))


@st.composite
def resolutions(draw):
    notes = draw(st.integers(0, 4))
    preamble = [f"*{draw(OPENERS)}* {draw(sentences())}," for _ in range(draw(st.integers(0, 6)))]
    operative = []
    for n in range(1, draw(st.integers(1, 8)) + 1):
        text = f"{n}. *{draw(VERBS)}* {draw(sentences())}"
        subs = draw(st.integers(0, 3))
        if subs:
            operative.append(text + " :")
            operative += [f"{chr(96 + k)}) {draw(sentences())};" for k in range(1, subs + 1)]
        else:
            operative.append(text + ";")
    body = preamble + operative
    for k in range(1, notes + 1):
        i = draw(st.integers(0, len(body) - 1))
        body[i] = body[i].replace(" ", f"<sup>{k}</sup> ", 1) if " " in body[i] else body[i]
    definitions = [f"<sup>{k}</sup> {draw(sentences(1))}." for k in range(1, notes + 1)]
    head = ["# Assemblée générale", "Distr. limitée  \n10 novembre 2008", "**Troisième Commission**",
            "**Japon et France : projet de résolution**", f"## **{draw(sentences())}**", "*L'Assemblée générale,*"]
    return "\n\n".join(head + body + ["---"] + definitions) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_convert_valid_and_lose_nothing(text):
    result = convert(text)
    assert check_bytes(result.xml) == []
    produced = words_of_xml(parse(result.xml))
    missing = {w: n for w, n in words_of_markdown(text).items() if produced[w] < n}
    assert not missing
    assert convert(text).xml == result.xml


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_converts_or_fails_cleanly(text):
    converted_or_refused(text)


def converted_or_refused(text: str):
    """The result, checked valid; or None when the text was refused with a one-line reason."""
    try:
        result = convert(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert check_bytes(result.xml) == []
    return result


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "1. *Décide* de tout;", "a) premier;", "i) romain;", "ii) deuxième;", "(b) second;", "2. Prie;",
    "*Rappelant* tout,", "L'Assemblée générale,", "---", "<sup>1</sup> Note.", "texte<sup>1</sup> ici;",
    "**Titre**", "* E/CN.15/1.", "h) lettre;", "(aa) double;", "Vienne, 14-18 avril 2008"]), max_size=25))
def test_shuffled_structures_never_crash(parts):
    text = "\n\n".join(parts)
    try:
        result = convert(text)
    except InputError:
        return
    assert check_bytes(result.xml) == []
    assert not Counter(words_of_markdown(text)) - words_of_xml(parse(result.xml))


PDF_WORDS = st.sampled_from(["trafficking", "persons", "States", "Members", "cooperation", "resolution", "2025",
                             "United", "Nations", "Office", "protocol", "victims", "70/1", "high-", "level"])


@st.composite
def pdf_documents(draw):
    """Text as a PDF extractor gives it: wrapped lines, page furniture, footnote blocks."""
    def wrapped(words):
        lines, line = [], []
        for word in words:
            line.append(word)
            if len(line) >= draw(st.integers(4, 12)):
                lines.append(" ".join(line))
                line = []
        return lines + ([" ".join(line)] if line else [])

    pages: list[list[str]] = [["United Nations", "A/RES/99/1", "", "General Assembly", "Distr.: General",
                               "3 March 2030", "", "30-11111 (E)    030330", "*3011111*", "",
                               "The General Assembly,", ""]]
    note = 0
    for n in range(1, draw(st.integers(1, 6)) + 1):
        words = draw(st.lists(PDF_WORDS, min_size=3, max_size=40))
        marked = draw(st.booleans())
        if marked:
            note += 1
            words[-1] = words[-1] + f",{note}"
        page = pages[-1]
        page += [f"{n}.", *wrapped(["Decides"] + words), ""]
        if marked:
            page += ["__________________", "", f"{note}  Note {note} text."]
        if draw(st.booleans()):
            pages.append(["A/RES/99/1", "", "30-11111", f"{len(pages) + 1}/9", ""])
    return "\n".join(line for page in pages for line in page) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pdf_documents())
# text repeated at the ends of pages, or twice beside one page break, is not a running title
@example("United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n30-11111 (E)    030330\n"
         "*3011111*\n\nThe General Assembly,\n\n1.\nDecides trafficking trafficking\n\nA/RES/99/1\n\n30-11111\n2/9\n\n"
         "2.\nDecides trafficking trafficking\n\nA/RES/99/1\n\n30-11111\n3/9\n\n")
@example("United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n30-11111 (E)    030330\n"
         "*3011111*\n\nThe General Assembly,\n\n1.\nDecides trafficking\n\n2.\nDecides trafficking\n"
         "trafficking trafficking\ntrafficking trafficking\n\nA/RES/99/1\n\n30-11111\n2/9\n\n")
def test_generated_pdf_text_converts_valid_and_loses_nothing(text):
    result = convert(text)
    assert check_bytes(result.xml) == []
    produced = words_of_xml(parse(result.xml))
    furniture = {"30", "11111", "E", "030330", "3011111", "9"}
    body = text.split("\n")
    kept = [line for line in body if not (line.startswith(("30-", "*30")) or line.endswith("/9")
                                          or line == "A/RES/99/1" or set(line) == {"_"})]
    source = Counter(w for line in kept for w in re.findall(r"\w+", re.sub(r"(?<=,)\d+$", "", line))
                     if w not in furniture and not re.fullmatch(r"\d+", w))
    produced = Counter({w: n for w, n in produced.items() if not re.fullmatch(r"\d+", w)})
    assert not source - produced


CONTROL = st.sampled_from(["\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\x7f", "\x9f"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions(), st.lists(st.tuples(st.integers(0, 10_000), CONTROL), max_size=6))
def test_control_characters_anywhere_convert_valid_and_lose_nothing(text, insertions):
    """Form feeds, Word's vertical-tab line breaks and stray control bytes never reach the XML."""
    for position, char in sorted(insertions, reverse=True):
        cut = position % (len(text) + 1)
        text = text[:cut] + char + text[cut:]
    result = converted_or_refused(text)
    if result is None:
        return
    cleaned = re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe]", "", text.replace("\x0b", "\n").replace("\x0c", "\n"))
    assert not Counter(words_of_markdown(cleaned)) - words_of_xml(parse(result.xml))
