"""`akn validate` and `converter.validate`: schema engines, AKN4UN profile, hostile input."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from lxml import etree
from support import OUTPUT, SHARED

from converter import validate
from converter.cli import main
from converter.testing import assert_valid_akn
from converter.validate.schema import secure_parser

EXAMPLES = SHARED / "akn-examples"
needs_examples = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="../shared/akn-examples is absent")
VALID = sorted((EXAMPLES / "valid").glob("*.xml")) if EXAMPLES.is_dir() else []
INVALID = sorted((EXAMPLES / "invalid").glob("*.xml")) if EXAMPLES.is_dir() else []
SEED_XML = OUTPUT / "001_04a5912564a91c19.xml"


def rules(problems):
    return {p.rule for p in problems}


def mutate(pattern: str, replacement: str, count: int = 1) -> bytes:
    text = SEED_XML.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=count)
    assert changed != text, pattern
    return changed.encode("utf-8")


def test_an_empty_p_as_the_only_block_after_a_number_is_the_uns_practice():
    """The UN writes a paragraph printed without text as `<num>1.</num><content><p/></content>`
    (and an empty list intro after a number): the profile accepts it; an empty p elsewhere not."""
    content = mutate(r'(<num>[^<]*</num>\s*<content>\s*)<p>.*?</p>', r'\1<p xml:space="preserve"></p>')
    assert "akn4un-empty-p" not in rules(validate(content, profile="akn4un"))
    beside_text = mutate(r'(<num>[^<]*</num>\s*<content>\s*)<p>', r'\1<p/><p>')
    assert "akn4un-empty-p" in rules(validate(beside_text, profile="akn4un"))


# -- the examples of others -------------------------------------------------------------------

@needs_examples
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
@pytest.mark.parametrize("engine", ["lxml", "xmlschema"])
def test_schema_valid_examples_pass_both_engines(path, engine):
    assert validate(path, engine=engine, profile="none") == []


@needs_examples
def test_the_akn4un_sample_is_schema_valid_but_breaks_profile_rules():
    """Its IRIs, references and eIds do not follow AKN4UN; the profile says where."""
    path = EXAMPLES / "valid" / "06_unga_A-RES-79-275_akn4un_sample_extracted_from_js_bundle.xml"
    problems = validate(path)
    assert rules(problems) == {"akn4un-frbr-this", "akn4un-reference", "akn4un-eid"}
    assert any("'#publisher'" in p.message for p in problems)
    assert any("para_2_list" in p.message for p in problems)


EXPECTED_INVALID = {
    "01_": [r"namespace 'http://www\.akomantoso\.org/2\.0'"],
    "03_": [r"lang", r"para_2", r"para_3"],
    "04_": [r"lang", r"list", r"Duplicate|duplicated"],
    "05_": [r"'2009'", r"'TODAY'"],
}


@needs_examples
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
@pytest.mark.parametrize("engine", ["lxml", "xmlschema"])
def test_invalid_examples_fail_for_the_reasons_given(path, engine):
    problems = validate(path, engine=engine)
    assert problems
    messages = "\n".join(p.message for p in problems)
    for reason in EXPECTED_INVALID[path.name[:3]]:
        assert re.search(reason, messages), (reason, messages[:500])


@needs_examples
def test_itu_decision_has_many_schema_errors():
    problems = validate(EXAMPLES / "invalid" / "04_itu_pp18_dec5_statement_decision.xml", profile="none")
    assert len([p for p in problems if p.rule == "schema"]) >= 21


# -- crafted broken files ---------------------------------------------------------------------

CRAFTED = {
    "truncated": (SEED_XML.read_bytes()[:2000], "well-formed"),
    "not-xml": (b"This is not XML at all.\n", "well-formed"),
    "wrong-namespace": (SEED_XML.read_bytes().replace(b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
                                                      b"http://www.akomantoso.org/2.0"), "namespace"),
    "duplicate-eid": (mutate(r'eId="para_2"', 'eId="para_1"'), "schema"),
    "xml-lang-on-statement": (mutate(r'<statement ', '<statement xml:lang="fr" '), "schema"),
    "frbr-language-mismatch": (mutate(r'<FRBRlanguage language="fra"/>', '<FRBRlanguage language="eng"/>'),
                               "akn4un-frbr-expression"),
    "dangling-refersto": (mutate(r'refersTo="#c3"', 'refersTo="#c9"'), "akn4un-reference"),
    "bad-statement-name": (mutate(r'name="resolutionDraft"', 'name="report"'), "akn4un-statement-name"),
    "frbrthis": (mutate(r'(<FRBRWork>\s*<FRBRthis value="[^"]*)/!main"', r'\1/main"'), "akn4un-frbr-this"),
    "manifestation": (mutate(r'(<FRBRManifestation>\s*<FRBRthis value="[^"]*"/>\s*<FRBRuri value=")/akn',
                             r'\1/other'), "akn4un-frbr-manifestation"),
    "impossible-date": (mutate(r'<FRBRdate date="2008-11-10"', '<FRBRdate date="2008-02-30"'), "akn4un-frbr-date"),
    "eid-convention": (mutate(r'eId="para_3"', 'eId="para 3x"'.replace(" ", "-").replace("-", "_-")),
                       "akn4un-eid"),
    "note-without-marker": (mutate(r'<authorialNote marker="1" ', '<authorialNote '), "akn4un-authorial-note"),
    "empty-p": (mutate(r'<p><i>Considère</i>', '<p/><p><i>Considère</i>'), "akn4un-empty-p"),
    "empty-p-with-formatting": (mutate(r'<p><i>Considère</i>', '<p><i> </i><b/></p><p><i>Considère</i>'),
                                "akn4un-empty-p"),
    "eid-long-name": (mutate(r'eId="para_3"', 'eId="paragraph_3"'), "akn4un-eid"),
    "eid-not-under-its-parent": (mutate(r'eId="para_2__authorialNote_1"', 'eId="para_9__authorialNote_1"'),
                                 "akn4un-eid"),
    "expression-without-language": (mutate(r'(<FRBRExpression>\s*<FRBRthis value="[^"]*)/fra@2008-11-10/!main"/>'
                                           r'(\s*<FRBRuri value="[^"]*)/fra@2008-11-10"', r'\1/2008-11-10/!main"/>\2/2008-11-10"'),
                                    "akn4un-frbr-expression"),
    "manifestation-not-below-expression": (mutate(r'(<FRBRManifestation>\s*<FRBRthis value="[^"]*)fra@2008-11-10/'
                                                  r'!main.xml"/>(\s*<FRBRuri value="[^"]*)fra@2008-11-10/.xml"',
                                                  r'\1fra@2008-11-10x/!main.xml"/>\2fra@2008-11-10x/.xml"'),
                                           "akn4un-frbr-manifestation"),
    "dangling-href": (mutate(r'<FRBRauthor href="#c3"', '<FRBRauthor href="#nowhere"'), "akn4un-reference"),
    "dangling-as": (mutate(r'as="#author"', 'as="#nobody"'), "akn4un-reference"),
    "expression-not-extending-work": (mutate(r'(<FRBRExpression>\s*<FRBRthis value=")/akn/un/(.*?)"/>(\s*<FRBRuri value=")'
                                             r'/akn/un/', r'\1/akn/xx/\2"/>\3/akn/xx/'), "akn4un-frbr-expression"),
    "note-without-placement": (mutate(r'(<authorialNote marker="1") placement="bottom"', r'\1'),
                               "akn4un-authorial-note"),
    "empty-note": (mutate(r'(<authorialNote marker="1" placement="bottom" eId="[^"]*">)<p>.*?</p>', r'\1<p><i> </i></p>'),
                   "akn4un-authorial-note"),
    "frbrthis-expression": (mutate(r'(<FRBRExpression>\s*<FRBRthis value="[^"]*)/!main"', r'\1/main"'),
                            "akn4un-frbr-this"),
    "frbrthis-manifestation": (mutate(r'(<FRBRManifestation>\s*<FRBRthis value="[^"]*)/!main.xml"', r'\1/main.xml"'),
                               "akn4un-frbr-this"),
    "xxe": (b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>', "no-doctype"),
    "billion-laughs": (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                       + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                                  for i in range(1, 10))
                       + b']>\n<akomaNtoso>&lol9;</akomaNtoso>', "no-doctype"),
}


@pytest.mark.parametrize("name", CRAFTED)
@pytest.mark.parametrize("engine", ["lxml", "xmlschema"])
def test_crafted_broken_files_fail_with_their_rule(name, engine):
    data, rule = CRAFTED[name]
    problems = validate(data, engine=engine)
    assert rule in rules(problems), [str(p) for p in problems]


def test_xxe_is_never_resolved_even_by_the_parser_itself(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>').encode()
    root = etree.fromstring(data, secure_parser())
    assert "TOP-SECRET" not in etree.tostring(root).decode()


def test_a_file_over_the_size_limit_is_refused_without_parsing(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(b"<akomaNtoso>" + b"x" * 5000 + b"</akomaNtoso>")
    assert rules(validate(path, max_bytes=1000)) == {"size"}


def test_eid_messages_say_what_is_wrong():
    long_name = validate(CRAFTED["eid-long-name"][0])
    assert any("a paragraph is named 'para' in eIds, not 'paragraph'" in p.message for p in long_name)
    unprefixed = validate(CRAFTED["eid-not-under-its-parent"][0])
    assert any("'para_9__authorialNote_1' does not start with the eId of the element above it ('para_2'"
               in p.message for p in unprefixed)
    no_language = validate(CRAFTED["expression-without-language"][0])
    assert any("not the language@version component ('fra@…')" in p.message for p in no_language)


def test_xml_text_is_validated_as_xml_not_taken_for_a_path():
    text = SEED_XML.read_text(encoding="utf-8")
    assert validate(text) == []
    assert rules(validate(text.replace('refersTo="#c3"', 'refersTo="#c9"'))) == {"akn4un-reference"}


def test_a_well_formedness_error_has_the_column_of_its_message():
    (problem,) = validate(b"<a>\n  <b></c>\n</a>")
    assert (problem.line, problem.column) == (2, 10) and "column 10" in problem.message


def test_problems_carry_line_and_xpath():
    problems = validate(CRAFTED["dangling-refersto"][0])
    p = next(p for p in problems if p.rule == "akn4un-reference")
    assert p.line and p.xpath.startswith("/") and "docCommittee" in p.xpath
    schema = validate(CRAFTED["duplicate-eid"][0], engine="xmlschema")
    assert schema[0].line and schema[0].xpath


# -- our own output -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(OUTPUT.glob("*.xml")), ids=lambda p: p.name)
@pytest.mark.parametrize("engine", ["lxml", "xmlschema"])
def test_our_output_passes_both_engines_and_the_profile(path, engine):
    assert validate(path, engine=engine, profile="akn4un") == []


def test_engines_agree_on_every_verdict():
    """Same verdict on every file; the number of errors may differ: libxml2 reports each
    unexpected child and each key of a broken identity constraint, xmlschema stops a content
    model at its first mismatch (the ITU decision: 34 problems against 24)."""
    files = [*VALID, *INVALID, *sorted(OUTPUT.glob("*.xml"))]
    datas = [p.read_bytes() for p in files] + [data for data, _ in CRAFTED.values()]
    for data in datas:
        assert bool(validate(data, engine="lxml")) == bool(validate(data, engine="xmlschema"))


# -- library helper and command ---------------------------------------------------------------

def test_assert_valid_akn_lists_the_problems():
    assert_valid_akn(SEED_XML.read_bytes())
    with pytest.raises(AssertionError) as info:
        assert_valid_akn(CRAFTED["dangling-refersto"][0])
    assert "'#c9' resolves to no TLC" in str(info.value) and "akn4un-reference" in str(info.value)


def run(*args):
    return CliRunner().invoke(main, ["validate", *args])


def test_cli_valid_folder_exit_0():
    result = run(str(OUTPUT))
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("4 files: 4 valid, 0 invalid")


def test_cli_invalid_file_human_output(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(CRAFTED["dangling-refersto"][0])
    result = run(str(bad))
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert re.match(re.escape(str(bad)) + r":\d+: .*\[akn4un-reference\]$", first)
    assert result.stdout.splitlines()[-1] == "1 files: 0 valid, 1 invalid"


def test_cli_json(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(CRAFTED["duplicate-eid"][0])
    result = run(str(bad), str(SEED_XML), "--format", "json", "--engine", "xmlschema")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [r["valid"] for r in report] == [False, True]
    problem = report[0]["problems"][0]
    assert set(problem) == {"line", "column", "xpath", "message", "rule"}


def test_cli_missing_file_is_exit_2():
    result = run("does-not-exist.xml")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_cli_folder_without_xml_is_exit_2(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"akn: {tmp_path}: no *.xml files to validate"


def test_cli_an_unreadable_file_is_reported_and_the_others_still_checked(tmp_path, monkeypatch):
    import converter.cli
    (tmp_path / "a.xml").write_bytes(SEED_XML.read_bytes())
    (tmp_path / "b.xml").write_bytes(SEED_XML.read_bytes())
    real = converter.cli.validate

    def unreadable_a(path, **kwargs):
        if path.name == "a.xml":
            raise converter.cli.ValidationInputError(f"{path}: Permission denied")
        return real(path, **kwargs)

    monkeypatch.setattr(converter.cli, "validate", unreadable_a)
    result = run(str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [(r["valid"], "error" in r) for r in report] == [(None, True), (True, False)]
    assert "a.xml: Permission denied" in result.stderr
    assert "2 files: 1 valid, 0 invalid, 1 not checked" in result.stderr


def test_cli_profile_none_switches_the_profile_off(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(CRAFTED["dangling-refersto"][0])
    assert run(str(bad), "--profile", "none").exit_code == 0


def test_doctype_hidden_from_the_byte_scan_is_still_refused():
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]>'
             '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>').encode("utf-16")
    long_comment = (b'<?xml version="1.0"?><!--' + b"x" * 70000 + b'--><!DOCTYPE a [<!ENTITY x "y">]>'
                    b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>')
    for data in (utf16, long_comment):
        for engine in ("lxml", "xmlschema"):
            assert rules(validate(data, engine=engine)) == {"no-doctype"}


def test_prefixed_akn_document_with_errors_gets_problems_not_a_traceback():
    data = (b'<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
            b'<akn:statement name="x"><akn:bogus/></akn:statement></akn:akomaNtoso>')
    problems = validate(data)
    assert problems and "schema" in rules(problems)


def test_cli_paths_that_cannot_be_checked_are_reported_and_the_rest_checked(tmp_path):
    good = tmp_path / "good.xml"
    good.write_bytes(SEED_XML.read_bytes())
    (tmp_path / "empty").mkdir()
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "gone.xml").symlink_to(tmp_path / "nowhere.xml")
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = run(str(tmp_path / "missing.xml"), str(tmp_path / "empty"), str(tmp_path / "links"), str(fifo),
                 str(good), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [(r["valid"], r.get("error")) for r in report] == [
        (None, "no such file or folder"), (None, "no *.xml files to validate"), (None, "dangling symbolic link"),
        (None, "not a regular file"), (True, None)]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_cli_results_that_cannot_be_written_are_exit_2():
    result = subprocess.run([sys.executable, "-m", "converter", "validate", str(SEED_XML)],
                            stdout=open("/dev/full", "w"), stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "akn: cannot write the results (No space left on device)"


def test_profile_edge_cases():
    seed = SEED_XML.read_text(encoding="utf-8")
    zoned = seed.replace('<FRBRdate date="2008-11-10" name="publication"/>',
                         '<FRBRdate date="2008-11-10Z" name="publication"/>', 1)
    assert "akn4un-frbr-date" not in rules(validate(zoned))  # xsd:date allows a time zone
    assert "akn4un-authorial-note" in rules(validate(seed.replace('<authorialNote marker="1" ',
                                                                  '<authorialNote marker=" " ', 1)))
    nbsp = seed.replace("<p><i>Considère</i>", "<p>\u00a0\u200b</p><p><i>Considère</i>", 1)
    assert "akn4un-empty-p" in rules(validate(nbsp))
    wrong_name = seed.replace('eId="para_2__authorialNote_1"', 'eId="para_2__art_1"', 1)
    assert any("names 'art', but the element is authorialNote" in p.message for p in validate(wrong_name))
    commented = seed.replace("<akomaNtoso", "<!-- <!ENTITY x 'y'> <!DOCTYPE no> -->\n<akomaNtoso", 1)
    assert validate(commented) == []
    doctype = seed.replace("<akomaNtoso", "\n\n<!DOCTYPE akomaNtoso>\n<akomaNtoso", 1)
    assert [(p.rule, p.line) for p in validate(doctype)] == [("no-doctype", 4)]


def test_annex_identities_are_checked_too(tmp_path):
    from support import CORPUS

    from converter import convert
    text = (CORPUS / "000_3ecc97e1892280ea.txt").read_text(encoding="utf-8") + "\n\nAnnexe\n\nUn texte annexé.\n"
    xml = convert(text).xml.decode()
    assert xml.count("<FRBRthis") == 6 and validate(xml) == []
    broken = re.sub(r'(<FRBRthis value="[^"]*)!annex_1"', r'\1annex_1"', xml, count=1)
    assert "akn4un-frbr-this" in rules(validate(broken))


def test_library_inputs_it_cannot_take():
    from converter.validate import ValidationInputError
    with pytest.raises(TypeError):
        validate(5)
    with pytest.raises(ValidationInputError):
        validate("")
    assert validate("\ufeff" + SEED_XML.read_text(encoding="utf-8")) == []
    with pytest.raises(AssertionError, match="cannot be read"):
        assert_valid_akn("no-such-file.xml")


def test_hostile_sizes_stay_cheap(tmp_path):
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    many = f'<akomaNtoso xmlns="{ns}"><statement name="resolution"><meta/><mainBody>' + "<p/>" * 20000 \
        + "</mainBody></statement></akomaNtoso>"
    problems = validate(many, profile="akn4un")
    assert len(problems) <= 1001 and problems[-1].rule == "too-many"
    from converter.validate import MAX_ELEMENTS
    crowded = tmp_path / "crowded.xml"
    with open(crowded, "w") as out:
        out.write(f'<akomaNtoso xmlns="{ns}">')
        for _ in range(MAX_ELEMENTS // 100_000 + 1):
            out.write("<p/>" * 100_000)
        out.write("</akomaNtoso>")
    assert [p.rule for p in validate(crowded)] == ["size"]


def test_the_xmlschema_engine_is_the_xmlschema_library(monkeypatch):
    data = CRAFTED["duplicate-eid"][0]
    by_lxml, by_xmlschema = validate(data, engine="lxml"), validate(data, engine="xmlschema")
    assert by_lxml[0].message != by_xmlschema[0].message  # two implementations, two wordings

    class Broken:
        def iter_errors(self, tree):
            raise RuntimeError("xmlschema was called")

    monkeypatch.setattr(sys.modules["converter.validate"], "xmlschema_schema", lambda: Broken())
    with pytest.raises(RuntimeError, match="xmlschema was called"):
        validate(SEED_XML, engine="xmlschema")
    assert validate(SEED_XML, engine="lxml") == []


def test_every_profile_rule_is_documented_and_has_a_crafted_case():
    from converter.validate.profile import RULES
    readme = (OUTPUT.parent / "README.md").read_text(encoding="utf-8")
    assert set(RULES) == set(re.findall(r"^\| `(akn4un-[a-z-]+)` \|", readme, re.MULTILINE))
    assert set(RULES) <= {rule for _, rule in CRAFTED.values()}


def test_profile_auto_applies_to_statements_only():
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    doc = (f'<akomaNtoso xmlns="{ns}"><doc name="x"><meta><identification source="#s"><FRBRWork>'
           '<FRBRthis value="/akn/x/doc/2020-01-01/1/!main"/><FRBRuri value="/akn/x/doc/2020-01-01/1"/>'
           '<FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#s"/><FRBRcountry value="xx"/></FRBRWork>'
           '<FRBRExpression><FRBRthis value="/akn/x/doc/2020-01-01/1/eng@/!main"/>'
           '<FRBRuri value="/akn/x/doc/2020-01-01/1/eng@"/><FRBRdate date="2020-01-01" name="x"/>'
           '<FRBRauthor href="#s"/><FRBRlanguage language="eng"/></FRBRExpression><FRBRManifestation>'
           '<FRBRthis value="/akn/x/doc/2020-01-01/1/eng@/!main.xml"/><FRBRuri value="/akn/x/doc/2020-01-01/1/eng@.xml"/>'
           '<FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#s"/></FRBRManifestation></identification>'
           '</meta><mainBody><p refersTo="#nowhere">Text.</p></mainBody></doc></akomaNtoso>')
    assert validate(doc) == []  # auto: the AKN4UN rules are for statements
    assert "akn4un-reference" in rules(validate(doc, profile="akn4un"))


def test_comments_and_processing_instructions_in_the_identification_are_no_trouble():
    text = SEED_XML.read_text(encoding="utf-8").replace(
        '<identification source="#source">', '<identification source="#source"><!-- c --><?pi x?>', 1)
    assert validate(text) == []


def test_the_cut_is_said_once_and_last():
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    many = f'<akomaNtoso xmlns="{ns}"><statement name="resolution"><meta/><mainBody>' + "<p/>" * 3000 \
        + "</mainBody></statement></akomaNtoso>"
    problems = validate(many, profile="akn4un")
    assert [p.rule for p in problems].count("too-many") == 1 and problems[-1].rule == "too-many"
    assert problems[0].rule != "too-many"


# -- paths that are no regular file, DOCTYPEs the byte scan missed, the xmlschema engine's bound ----

def validate_in_a_subprocess(path, timeout: float = 60) -> subprocess.CompletedProcess:
    """validate(path) in a child process: a regression that blocks fails on the timeout, not
    by hanging the suite."""
    code = ("import sys\nfrom converter.validate import ValidationInputError, validate\n"
            "try:\n    print([p.rule for p in validate(sys.argv[1])])\n"
            "except ValidationInputError as exc:\n    print('error:', exc)\n")
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_given_to_the_library_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = validate_in_a_subprocess(fifo)
    assert (result.stdout, result.stderr) == (f"error: {fifo}: not a regular file (a FIFO)\n", "")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_or_a_folder_is_refused_without_reading(tmp_path):
    assert validate_in_a_subprocess("/dev/zero").stdout == "error: /dev/zero: not a regular file (a character device)\n"
    from converter.validate import ValidationInputError
    with pytest.raises(ValidationInputError, match=r"not a regular file \(a folder\)"):
        validate(tmp_path)


def test_a_file_is_read_no_further_than_the_limit_even_if_it_grows(tmp_path, monkeypatch):
    validate_module = sys.modules["converter.validate"]  # `converter.validate` is the function
    path = tmp_path / "growing.xml"
    path.write_bytes(b"<akomaNtoso>" + b"x" * 5000 + b"</akomaNtoso>")
    monkeypatch.setattr(validate_module, "_regular_file_size", lambda fd, source: 10)  # stat said 10 bytes
    (problem,) = validate(path, max_bytes=1000)
    assert problem.rule == "size" and problem.message == "file too large (over 1000 bytes as it was read, limit 1000)"
    monkeypatch.setattr(validate_module, "_regular_file_size", lambda fd, source: 5)
    assert validate(SEED_XML) == []  # a file that grew, but within the limit, is read to its end


BILLION_LAUGHS = (b'<!DOCTYPE akomaNtoso [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (k, (b"&lol%d;" % (k - 1) if k > 1 else b"&lol;") * 10)
                             for k in range(1, 10)) + b"]>\n")


@pytest.mark.parametrize("engine", ["lxml", "xmlschema"])
def test_a_doctype_after_a_long_comment_or_in_utf16_is_refused_as_such(engine):
    seed = SEED_XML.read_bytes()
    decl, body = seed.split(b"\n", 1)
    laughing = body.replace(b"<mainBody>", b'<mainBody title="&lol9;">', 1)
    after_comment = decl + b"\n<!--" + b"x" * 70_000 + b"-->\n" + BILLION_LAUGHS + laughing
    assert [(p.rule, p.line) for p in validate(after_comment, engine=engine)] == [("no-doctype", 3)]
    text = (b'<?xml version="1.0" encoding="UTF-16"?>\n' + BILLION_LAUGHS + laughing).decode("utf-8")
    for encoded in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        assert [(p.rule, p.line) for p in validate(encoded, engine=engine)] == [("no-doctype", 2)]
    in_a_pi = decl + b'\n<?note <!DOCTYPE x> ?>\n\n' + BILLION_LAUGHS + laughing
    assert [(p.rule, p.line) for p in validate(in_a_pi, engine=engine)] == [("no-doctype", 4)]
    assert validate(seed.decode("utf-8").replace("UTF-8", "UTF-16").encode("utf-16"), engine=engine) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_doctype_probe_opens_no_file_the_dtd_names(tmp_path):
    fifo = tmp_path / "dtd.fifo"  # opening it would block: a regression times out
    os.mkfifo(fifo)
    path = tmp_path / "x.xml"
    path.write_bytes(f'<!DOCTYPE a SYSTEM "{fifo}" [<!ENTITY % p SYSTEM "{fifo}"> %p; <!ENTITY e SYSTEM "{fifo}">]>'
                     f'<a>&e;</a>'.encode())
    assert validate_in_a_subprocess(path, timeout=30).stdout == "['no-doctype']\n"


def test_the_xmlschema_engine_refuses_what_it_would_take_minutes_on():
    from converter.validate import XMLSCHEMA_MAX_LEVELS
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    many = f'<akomaNtoso xmlns="{ns}">' + "<bogus/>" * (XMLSCHEMA_MAX_LEVELS // 2) + "</akomaNtoso>"
    (problem,) = validate(many, engine="xmlschema")
    assert problem.rule == "size" and "too large for the xmlschema engine" in problem.message
    assert "schema" in rules(validate(many, engine="lxml"))  # which judges it


MASS = SHARED / "corpus-mass"


@pytest.mark.skipif(not MASS.is_dir(), reason="../shared/corpus-mass is absent")
def test_the_largest_real_texts_convert_and_both_engines_judge_them():
    from converter import convert
    largest = sorted(MASS.rglob("*.txt"), key=lambda p: p.stat().st_size)[-3:]
    for path in largest:
        xml = convert(path.read_bytes()).xml
        assert validate(xml, profile="akn4un") == [], path
    assert validate(xml, engine="xmlschema") == []  # the largest of all is well within its bound
