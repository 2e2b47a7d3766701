"""AKN4UN profile rules: what the UN profile asks beyond the OASIS schema.

Each rule is a small function over the tree that yields problems with its rule id; the ids
and their meaning are listed in RULES (and in the README).
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from lxml import etree

from converter.validate.problem import Problem

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
STATEMENT_NAMES = ("resolutionDraft", "resolution", "decisionDraft", "decision")
# the short names the OASIS naming convention gives some elements in eIds (akn-nc 1.0, 5.5.2)
ABBREVIATIONS = {
    "alinea": "al", "article": "art", "attachment": "att", "blockList": "list", "chapter": "chp", "citation": "cit",
    "citations": "cits", "clause": "cl", "component": "cmp", "components": "cmpnts", "division": "dvs",
    "listIntroduction": "intro", "listWrapUp": "wrapup", "paragraph": "para", "quotedStructure": "qstr",
    "quotedText": "qtext", "recital": "rec", "recitals": "recs", "section": "sec", "subchapter": "subchp",
    "subclause": "subcl", "subdivision": "subdvs", "subparagraph": "subpara", "subsection": "subsec",
    "wrapUp": "wrapup",
}
COMPONENT = re.compile(r"[\w-]+")
MANIFESTATION_COMPONENT = re.compile(r"[\w-]+\.[A-Za-z0-9]+")
X = {name: etree.XPath(path, namespaces=NS) for name, path in {
    "statements": "/a:akomaNtoso/a:statement",
    "level": "/a:akomaNtoso/*/a:meta/a:identification/*[self::a:FRBRWork or self::a:FRBRExpression or "
             "self::a:FRBRManifestation]",
    "dates": "//a:FRBRdate",
    "tlcs": "//a:references/*/@eId",
    "with_ref": "//*[@*[local-name() = $attr and . = $value]]",
    "by_eid": "//*[@eId = $eid]",
    "in_meta": "ancestor::a:meta",
    "bad_notes": "//a:authorialNote[not(@marker) or not(@placement) or normalize-space() = '']",
    # a p with no text and nothing but formatting (b, i, u, sup, sub, span, inline, br, eol) in it
    "empty_p": "//a:p[normalize-space() = ''][not(.//*[not(self::a:b or self::a:i or self::a:u or self::a:sup or "
               "self::a:sub or self::a:span or self::a:inline or self::a:br or self::a:eol)])]",
    # an eId that does not start with the eId of the nearest element above it that has one
    "unprefixed": "//*[@eId][not(ancestor::a:meta)][ancestor::*[@eId]]"
                  "[not(starts-with(@eId, concat(ancestor::*[@eId][1]/@eId, '__')))]",
}.items()}
PLAIN = {name: etree.XPath(path, smart_strings=False) for name, path in {
    "eids": "//@eId",
    "refersTo": "//@refersTo[contains(., '#')]",
    "href": "//@href[starts-with(., '#')]",
    "as": "//@as[starts-with(., '#')]",
}.items()}
EID_COMPONENT = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9][A-Za-z0-9.\-]*)?"
VALID_EID = re.compile(rf"{EID_COMPONENT}(?:__{EID_COMPONENT})*")
# an eId component naming an element by its long name (`paragraph_3` for `para_3`), one eId a line
LONG_NAMES = re.compile(r"^.*?(?:^|__)(?P<name>" + "|".join(ABBREVIATIONS) + r")(?=_|$).*$", re.MULTILINE)
BAD_EIDS = re.compile(rf"^(?!{EID_COMPONENT}(?:__{EID_COMPONENT})*$).*$", re.MULTILINE)  # over one eId a line

RULES = {
    "akn4un-statement-name": "statement/@name is one of " + ", ".join(STATEMENT_NAMES),
    "akn4un-frbr-this": "each FRBRthis is its level's FRBRuri plus a component (/!main; /!main.xml)",
    "akn4un-frbr-expression": "the expression IRI extends the work IRI and its language is FRBRlanguage",
    "akn4un-frbr-manifestation": "the manifestation IRI extends the expression IRI",
    "akn4un-frbr-date": "FRBRdate/@date values are real calendar dates",
    "akn4un-reference": "every #id in refersTo, href and as resolves to a TLC in references",
    "akn4un-eid": "eIds follow the OASIS naming convention: prefix__element_num, the prefix being the eId of the "
                  "nearest element above that has one, the element named by its short name (para, art, sec, att …)",
    "akn4un-authorial-note": "every authorialNote has @marker and @placement and is not empty",
    "akn4un-empty-p": "no empty p",
}


def xpath_of(node: etree._Element) -> str:
    """A readable XPath: `/akomaNtoso/statement/preface/container[2]/p[3]` (AKN prefix left out)."""
    steps = []
    while node is not None:
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _problem(node: etree._Element, message: str, rule: str) -> Problem:
    return Problem(node.sourceline, None, xpath_of(node), message, rule)


def _levels(tree) -> dict[str, etree._Element]:
    """The top-level FRBR containers, by level name."""
    found = {}
    for node in X["level"](tree):
        found.setdefault(etree.QName(node).localname, node)
    return found


def _value(level: etree._Element, tag: str, attr: str = "value") -> str | None:
    node = level.find(f"a:{tag}", NS)
    return node.get(attr) if node is not None else None


def rule_statement_name(tree, levels: dict) -> Iterator:
    for node in X["statements"](tree):
        if node.get("name") not in STATEMENT_NAMES:
            yield _problem(node, f"statement/@name is {node.get('name')!r}, expected one of "
                                 + ", ".join(STATEMENT_NAMES), "akn4un-statement-name")


def rule_frbr_this(tree, levels: dict) -> Iterator:
    for name, level in levels.items():
        this, uri = _value(level, "FRBRthis"), _value(level, "FRBRuri")
        if this is None or uri is None:
            continue
        this, uri = this.rstrip("/"), uri.rstrip("/")
        if name == "FRBRManifestation":
            base = re.sub(r"/?\.[A-Za-z0-9]+$", "", uri)
            ok = this.startswith(base + "/!") and MANIFESTATION_COMPONENT.fullmatch(this, len(base) + 2) is not None
        else:
            ok = this.startswith(uri + "/!") and COMPONENT.fullmatch(this, len(uri) + 2) is not None
        if not ok:
            yield _problem(level.find("a:FRBRthis", NS), f"{name}: FRBRthis {this!r} is not FRBRuri {uri!r} plus "
                                                         "a component", "akn4un-frbr-this")


def rule_frbr_expression(tree, levels: dict) -> Iterator:
    work, expression = levels.get("FRBRWork"), levels.get("FRBRExpression")
    if work is None or expression is None:
        return
    work_uri, expr_uri = (_value(work, "FRBRuri") or "").rstrip("/"), (_value(expression, "FRBRuri") or "").rstrip("/")
    if not (work_uri and expr_uri):
        return
    node = expression.find("a:FRBRuri", NS)
    if not expr_uri.startswith(work_uri + "/"):
        yield _problem(node, f"expression IRI {expr_uri!r} does not extend the work IRI {work_uri!r}",
                       "akn4un-frbr-expression")
        return
    language = _value(expression, "FRBRlanguage", "language")
    rest = expr_uri[len(work_uri) + 1:]
    m = re.match(r"([a-z]{3})@", rest)
    if not m:
        yield _problem(node, f"expression IRI {expr_uri!r}: after the work IRI comes {rest!r}, not the "
                             f"language@version component ('{language or 'eng'}@…')", "akn4un-frbr-expression")
    elif language and m.group(1) != language:
        yield _problem(node, f"expression IRI language {m.group(1)!r} does not match FRBRlanguage {language!r}",
                       "akn4un-frbr-expression")


def rule_frbr_manifestation(tree, levels: dict) -> Iterator:
    expression, manifestation = levels.get("FRBRExpression"), levels.get("FRBRManifestation")
    if expression is None or manifestation is None:
        return
    expr_uri, man_uri = (_value(expression, "FRBRuri") or "").rstrip("/"), _value(manifestation, "FRBRuri")
    if expr_uri and man_uri and not (man_uri == expr_uri or man_uri.startswith((expr_uri + "/", expr_uri + "."))):
        yield _problem(manifestation.find("a:FRBRuri", NS),
                       f"manifestation IRI {man_uri!r} does not extend the expression IRI {expr_uri!r}",
                       "akn4un-frbr-manifestation")


def rule_frbr_date(tree, levels: dict) -> Iterator:
    for node in X["dates"](tree):
        value = node.get("date", "")
        try:
            datetime.date.fromisoformat(value[:10])
            if len(value) > 10 and not value[10] == "T":
                raise ValueError
        except ValueError:
            yield _problem(node, f"FRBRdate {value!r} is not a real date", "akn4un-frbr-date")


def rule_references(tree, levels: dict) -> Iterator:
    tlcs = set(X["tlcs"](tree))
    for attr in ("refersTo", "href", "as"):
        for value in dict.fromkeys(PLAIN[attr](tree)):
            tokens = value.split() if attr == "refersTo" else [value]
            for token in tokens:
                if token.startswith("#") and token[1:] not in tlcs:
                    for node in X["with_ref"](tree, attr=attr, value=value):
                        yield _problem(node, f"@{attr} {token!r} resolves to no TLC in references",
                                       "akn4un-reference")


def rule_eids(tree, levels: dict) -> Iterator:
    values = PLAIN["eids"](tree)
    if not values:
        return
    joined = "\n".join(values)
    if joined.count("\n") == len(values) - 1:  # one eId a line: a single regex pass finds the bad ones
        bad = (m.group() for m in BAD_EIDS.finditer(joined))
    else:
        bad = (eid for eid in values if not VALID_EID.fullmatch(eid))
    for eid in dict.fromkeys(bad):
        for node in X["by_eid"](tree, eid=eid):
            if not X["in_meta"](node):
                yield _problem(node, f"eId {eid!r} does not follow the naming convention (prefix__element_num)",
                               "akn4un-eid")
    for node in X["unprefixed"](tree):
        parent = next(a for a in node.iterancestors() if a.get("eId"))
        yield _problem(node, f"eId {node.get('eId')!r} does not start with the eId of the element above it "
                             f"({parent.get('eId')!r} + '__')", "akn4un-eid")
    for m in LONG_NAMES.finditer("\n".join(values)):  # read off the eIds themselves: no tree walk
        name = m.group("name")
        for node in X["by_eid"](tree, eid=m.group()):
            if not X["in_meta"](node):
                yield _problem(node, f"eId {m.group()!r}: a {name} is named {ABBREVIATIONS[name]!r} in eIds, "
                                     f"not {name!r}", "akn4un-eid")


def rule_authorial_notes(tree, levels: dict) -> Iterator:
    for node in X["bad_notes"](tree):
        missing = [a for a in ("marker", "placement") if not node.get(a)]
        if missing:
            yield _problem(node, "authorialNote without @" + " and @".join(missing), "akn4un-authorial-note")
        if not "".join(node.itertext()).strip():
            yield _problem(node, "empty authorialNote", "akn4un-authorial-note")


def rule_empty_p(tree, levels: dict) -> Iterator:
    for node in X["empty_p"](tree):
        yield _problem(node, "empty p", "akn4un-empty-p")


CHECKS = [rule_statement_name, rule_frbr_this, rule_frbr_expression, rule_frbr_manifestation, rule_frbr_date,
          rule_references, rule_eids, rule_authorial_notes, rule_empty_p]


def profile_problems(tree: etree._ElementTree) -> list:
    levels = _levels(tree)  # looked up once, shared by the FRBR rules
    return [problem for check in CHECKS for problem in check(tree, levels)]
