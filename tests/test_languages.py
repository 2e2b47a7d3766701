"""Language data: every file loads and keeps the contract; a language is data files only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from converter import convert
from converter.lang import (
    PATH_VARIABLE,
    UNDETERMINED,
    LanguageDataError,
    PhraseMatcher,
    data_folders,
    detect,
    known_languages,
    language,
)
from converter.lang.language import load
from converter.testing import assert_valid_akn

PACKAGE_DATA = data_folders()[-1]
AKN = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.mark.parametrize("code", known_languages())
def test_every_language_file_loads_with_the_same_keys(code):
    lang = language(code)
    assert lang.code == code
    keys = set(json.loads((PACKAGE_DATA / "lang" / f"{code}.json").read_text(encoding="utf-8")))
    reference = set(json.loads((PACKAGE_DATA / "lang" / "eng.json").read_text(encoding="utf-8")))
    assert keys == reference
    assert lang.month(json.loads((PACKAGE_DATA / "lang" / f"{code}.json").read_text(encoding="utf-8"))
                      ["months"][11]) == 12


def test_the_known_languages_are_the_files_found():
    assert set(known_languages()) == {p.stem for p in (PACKAGE_DATA / "lang").glob("*.json")}
    assert {"eng", "fra", "spa"} <= set(known_languages())


def _copy_of(template: str, tmp_path: Path, **changes) -> Path:
    (tmp_path / "lang").mkdir(parents=True, exist_ok=True)
    (tmp_path / "ordinals").mkdir(exist_ok=True)
    data = json.loads((PACKAGE_DATA / "lang" / f"{template}.json").read_text(encoding="utf-8"))
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    (tmp_path / "lang" / f"{data['code']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "ordinals" / f"{data['code']}.json").write_text('{"first": 1}', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("changes,message", [
    ({"date_pattern": r"(?P<day>\d+) (?P<month>\w+)"}, "date_pattern lacks the named groups ['year']"),
    ({"agenda_pattern": "(unclosed"}, "agenda_pattern does not compile"),
    ({"months": None}, "missing keys ['months']"),
    ({"operative_verbs": "Decides"}, "operative_verbs must be a list of strings"),
    ({"months": ["January"]}, "months must name the 12 months"),
    ({"code": "xxx"}, "code 'xxx' is not the file's name"),
])
def test_a_broken_language_file_is_one_clear_error_naming_it(tmp_path, changes, message):
    folder = _copy_of("eng", tmp_path, **{k: v for k, v in changes.items() if k != "code"})
    if "code" in changes:
        (folder / "lang" / "eng.json").write_text(
            (folder / "lang" / "eng.json").read_text(encoding="utf-8").replace('"code": "eng"', '"code": "xxx"'),
            encoding="utf-8")
    with pytest.raises(LanguageDataError) as caught:
        load(folder, "eng")
    assert str(folder / "lang" / "eng.json") in str(caught.value) and message in str(caught.value)


ITALIAN = {
    "code": "ita", "name": "italiano",
    "detection_words": ["di", "la", "il", "del", "della", "e", "in", "per", "che", "Assemblea", "risoluzione"],
    "months": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
               "ottobre", "novembre", "dicembre"],
    "date_pattern": r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\s+(?P<year>\d{4})",
    "formula_articles": ["L'", "L’", "Il", "La"],
    "preambular_openers": ["Ricordando", "Riconoscendo"], "preambular_modifiers": ["inoltre"],
    "operative_verbs": ["Decide", "Chiede"], "operative_modifiers": ["inoltre"],
    "list_conjunctions": ["e"], "number_list_words": ["e", "o"], "list_end_words": ["e", "o"],
}
ITALIAN_TEXT = """L'Assemblea generale,

Ricordando la sua risoluzione 70/1 del 25 settembre 2015,

Riconoscendo inoltre l'importanza della cooperazione internazionale,

1. Decide di convocare una conferenza internazionale nel 2027;

2. Chiede al Segretario generale di riferire all'Assemblea nella sua prossima sessione.
"""


def test_a_language_is_data_files_only(tmp_path, monkeypatch):
    """A minimal Italian, from a folder of its own: detected, read and written like the others."""
    folder = _copy_of("eng", tmp_path, **ITALIAN)
    (folder / "bodies.json").write_text(json.dumps({"bodies": [
        {"actor": "un-ga", "eId": "ga", "names": {"ita": ["Assemblea generale"]}}]}), encoding="utf-8")
    monkeypatch.setenv(PATH_VARIABLE, str(folder))
    assert "ita" in known_languages()
    assert detect(ITALIAN_TEXT) == "ita"
    result = convert(ITALIAN_TEXT)
    assert_valid_akn(result.xml)
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//akn:FRBRExpression/akn:FRBRlanguage/@language", namespaces=AKN) == ["ita"]
    assert tree.xpath("//akn:preamble/akn:container/@name", namespaces=AKN) == ["ricordando", "riconoscendoInoltre"]
    assert [n.text for n in tree.xpath("//akn:mainBody//akn:num", namespaces=AKN)] == ["1.", "2."]
    assert tree.xpath("//akn:formula/@refersTo", namespaces=AKN) == ["#ga"]
    monkeypatch.delenv(PATH_VARIABLE)
    assert "ita" not in known_languages()


def test_an_unknown_language_is_an_error_never_english():
    assert detect("大会决议") == UNDETERMINED
    assert detect("12345 67") == UNDETERMINED
    with pytest.raises(ValueError, match="cannot tell the language"):
        convert("大会决议\n\n1. 决定。")
    with pytest.raises(ValueError, match="unsupported language 'xyz'"):
        convert("The General Assembly,\n\n1. Decides;", lang="xyz")


def test_detection_and_phrases_without_spaces(tmp_path, monkeypatch):
    """A language written without spaces (Chinese) is told by its words in running text, and
    its openers are phrases that end where their characters end."""
    matcher = PhraseMatcher(["回顾", "决定"], ["又", "还"], ["又"], spaced=False)
    assert matcher.match("回顾其关于可持续发展的决议") == 2
    assert matcher.match("又决定召开会议") == 3
    assert matcher.match("决定又还请秘书长") == 4
    assert matcher.match("请秘书长") == 0
    folder = _copy_of("eng", tmp_path, code="zho", words_spaced=False, detection_words=["的", "和", "大会", "决议"])
    monkeypatch.setenv(PATH_VARIABLE, str(folder))
    assert detect("大会回顾其关于可持续发展的各项决议和决定") == "zho"


def test_phrases_with_spaces_end_at_a_word_boundary():
    matcher = PhraseMatcher(["Decides", "Decides also"], ["further"], ["Also"])
    assert matcher.match("Decides, further, to") == len("Decides")
    assert matcher.match("Also decides further to") == len("Also decides further")
    assert matcher.match("Decidesx") == 0
    assert matcher.match("Decides also that") == len("Decides also")


def test_detection_reads_past_a_long_first_line_without_function_words():
    """A masthead line longer than the sample (a table of names, a pasted symbol list) does not
    make an English resolution undetermined: the words after it tell the language."""
    text = "United Nations\n" + "Xyzzy " * 2000 + "\n\nThe General Assembly,\n\nRecalling its resolution 1,\n\n1. Decides to act.\n"
    assert detect(text) == "eng"
    assert detect("Xyzzy " * 2000) == UNDETERMINED
