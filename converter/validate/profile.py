"""AKN4UN profile rules: what the UN profile asks beyond the OASIS schema.

Each rule is a small function over the tree that yields problems with its rule id; the ids
and their meaning are listed in RULES (and in the README).
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
META, NOTE, P = (f"{{{AKN_NS}}}{name}" for name in ("meta", "authorialNote", "p"))
STATEMENT_NAMES = ("resolutionDraft", "resolution", "decisionDraft", "decision")
EID_COMPONENT = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9][A-Za-z0-9.\-]*)?$")

RULES = {
    "akn4un-statement-name": "statement/@name is one of " + ", ".join(STATEMENT_NAMES),
    "akn4un-frbr-this": "each FRBRthis is its level's FRBRuri plus a component (/!main; /!main.xml)",
    "akn4un-frbr-expression": "the expression IRI extends the work IRI and its language is FRBRlanguage",
    "akn4un-frbr-manifestation": "the manifestation IRI extends the expression IRI",
    "akn4un-frbr-date": "FRBRdate/@date values are real calendar dates",
    "akn4un-reference": "every #id in refersTo, href and as resolves to a TLC in references",
    "akn4un-eid": "eIds follow the OASIS naming convention (prefix__element_num)",
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


def _problem(node: etree._Element, message: str, rule: str):
    from converter.validate import Problem

    return Problem(node.sourceline, None, xpath_of(node), message, rule)


def _levels(tree) -> dict[str, etree._Element]:
    """The top-level FRBR containers, by level name."""
    found = {}
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        nodes = tree.xpath(f"/a:akomaNtoso/*/a:meta/a:identification/a:{level}", namespaces=NS)
        if nodes:
            found[level] = nodes[0]
    return found


def _value(level: etree._Element, tag: str, attr: str = "value") -> str | None:
    node = level.find(f"a:{tag}", NS)
    return node.get(attr) if node is not None else None


def rule_statement_name(tree, levels: dict) -> Iterator:
    for node in tree.xpath("/a:akomaNtoso/a:statement", namespaces=NS):
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
            ok = re.fullmatch(re.escape(base) + r"/![\w-]+\.[A-Za-z0-9]+", this) is not None
        else:
            ok = re.fullmatch(re.escape(uri) + r"/![\w-]+", this) is not None
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
    m = re.match(r"([a-z]{3})@", expr_uri[len(work_uri) + 1:])
    if language and (not m or m.group(1) != language):
        found = m.group(1) if m else expr_uri[len(work_uri) + 1:]
        yield _problem(node, f"expression IRI language {found!r} does not match FRBRlanguage {language!r}",
                       "akn4un-frbr-expression")


def rule_frbr_manifestation(tree, levels: dict) -> Iterator:
    expression, manifestation = levels.get("FRBRExpression"), levels.get("FRBRManifestation")
    if expression is None or manifestation is None:
        return
    expr_uri, man_uri = (_value(expression, "FRBRuri") or "").rstrip("/"), _value(manifestation, "FRBRuri")
    if expr_uri and man_uri and not man_uri.startswith(expr_uri):
        yield _problem(manifestation.find("a:FRBRuri", NS),
                       f"manifestation IRI {man_uri!r} does not extend the expression IRI {expr_uri!r}",
                       "akn4un-frbr-manifestation")


def rule_frbr_date(tree, levels: dict) -> Iterator:
    for node in tree.xpath("//a:FRBRdate", namespaces=NS):
        value = node.get("date", "")
        try:
            datetime.date.fromisoformat(value[:10])
            if len(value) > 10 and not value[10] == "T":
                raise ValueError
        except ValueError:
            yield _problem(node, f"FRBRdate {value!r} is not a real date", "akn4un-frbr-date")


def _body_elements(tree) -> Iterator[etree._Element]:
    """Every element outside meta (the document's text and structure)."""
    for top in tree.getroot():
        for child in top:
            if child.tag != META:
                yield from child.iter(etree.Element)


def rule_references(tree, levels: dict) -> Iterator:
    tlcs = {node.get("eId") for node in tree.iterfind(".//a:references/*", NS)}
    for node in tree.getroot().iter(etree.Element):
        for attr in ("refersTo", "href", "as"):
            value = node.get(attr)
            if not value or "#" not in value:
                continue
            for token in value.split() if attr == "refersTo" else [value]:
                if token.startswith("#") and token[1:] not in tlcs:
                    yield _problem(node, f"@{attr} {token!r} resolves to no TLC in references",
                                   "akn4un-reference")


def rule_eids(tree, levels: dict) -> Iterator:
    for node in _body_elements(tree):
        eid = node.get("eId")
        if eid is not None and not all(EID_COMPONENT.match(part) for part in eid.split("__")):
            yield _problem(node, f"eId {eid!r} does not follow the naming convention (prefix__element_num)",
                           "akn4un-eid")


def rule_authorial_notes(tree, levels: dict) -> Iterator:
    for node in tree.getroot().iter(NOTE):
        missing = [a for a in ("marker", "placement") if not node.get(a)]
        if missing:
            yield _problem(node, "authorialNote without @" + " and @".join(missing), "akn4un-authorial-note")
        if not "".join(node.itertext()).strip():
            yield _problem(node, "empty authorialNote", "akn4un-authorial-note")


def rule_empty_p(tree, levels: dict) -> Iterator:
    for node in tree.getroot().iter(P):
        if len(node) == 0 and not (node.text or "").strip():
            yield _problem(node, "empty p", "akn4un-empty-p")


CHECKS = [rule_statement_name, rule_frbr_this, rule_frbr_expression, rule_frbr_manifestation, rule_frbr_date,
          rule_references, rule_eids, rule_authorial_notes, rule_empty_p]


def profile_problems(tree: etree._ElementTree) -> list:
    levels = _levels(tree)  # looked up once, shared by the FRBR rules
    return [problem for check in CHECKS for problem in check(tree, levels)]
