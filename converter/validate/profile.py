"""AKN4UN profile rules: what the UN profile asks beyond the OASIS schema.

Each rule is a small function over the tree that yields problems with its rule id; the ids
and their meaning are listed in RULES (and in the README).
"""
from __future__ import annotations

import contextlib
import datetime
import itertools
import re
import threading
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from converter.identity import FrbrUri
from converter.naming import short_name
from converter.validate.problem import Problem

Tree = etree._ElementTree | etree._Element
Levels = list[dict[str, etree._Element]]  # each identification's FRBR containers, by level

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
STATEMENT_NAMES = ("resolutionDraft", "resolution", "decisionDraft", "decision")
COMPONENT = re.compile(r"[\w-]+")
DATE_ZONE = re.compile(r"Z|[+-](?:0\d|1[0-4]):[0-5]\d")
MANIFESTATION_COMPONENT = re.compile(r"[\w-]+\.[A-Za-z0-9]+")
INVISIBLE = "\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"  # spaces normalize-space() keeps
X = {name: etree.XPath(path, namespaces=NS) for name, path in {
    "statements": "/a:akomaNtoso/a:statement",
    "identifications": "//a:meta/a:identification",
    "dates": "//a:FRBRdate",
    "tlcs": "//a:references/*/@eId",
    "with_eid": "//*[@eId]",
    "with_attr": "//*[@*[local-name() = $attr]]",
    "bad_notes": "//a:authorialNote[not(normalize-space(@marker)) or not(@placement) or "
                 f"normalize-space(translate(., '{INVISIBLE}', '')) = '']",
    # a p with no text and nothing but formatting (b, i, u, sup, sub, span, inline, br, eol) in it
    # (the short-text test first: libxml2's translate() with non-ASCII characters is slow)
    "empty_p": f"//a:p[string-length(normalize-space()) < 16][normalize-space(translate(., '{INVISIBLE}', '')) = '']"
               "[not(.//*[not(self::a:b or self::a:i or self::a:u or self::a:sup or "
               "self::a:sub or self::a:span or self::a:inline or self::a:br or self::a:eol)])]"
               # not the sole block after a number: an item printed without text, as the UN writes it
               "[not(count(../*) = 1 and (../preceding-sibling::a:num or ../parent::a:list/preceding-sibling::a:num))]"
               "[not(count(../*) = 2 and ../a:num)]",
}.items()}
PLAIN = {name: etree.XPath(path, smart_strings=False) for name, path in {
    "refersTo": "//@refersTo[contains(., '#')]",
    "href": "//@href[starts-with(., '#')]",
    "as": "//@as[starts-with(., '#')]",
}.items()}


def elements(path: etree.XPath, tree: Tree, **variables: str) -> list[etree._Element]:
    """The elements an XPath of X selects (the stubs type any XPath result as a union)."""
    return cast(list[etree._Element], path(tree, **variables))


def strings(path: etree.XPath, tree: Tree) -> list[str]:
    """The attribute values an XPath selects, as strings."""
    return [str(value) for value in cast(list[Any], path(tree))]


EID_COMPONENT = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9][A-Za-z0-9.\-]*)?"
VALID_EID = re.compile(rf"{EID_COMPONENT}(?:__{EID_COMPONENT})*")

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


def xpath_of(element: etree._Element) -> str:
    """A readable XPath: `/akomaNtoso/statement/preface/container[2]/p[3]` (AKN prefix left out).

    Positions among same-named siblings are counted once per parent and kept for the rest of
    the check (`_positions`), so a file with thousands of problems is not quadratic."""
    steps = []
    positions = _positions()
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is not None:
            index = positions.get(parent)
            if index is None:
                index = positions[parent] = _sibling_positions(parent)
            position, alone = index[node]
            if not alone:
                name += f"[{position}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _sibling_positions(parent: etree._Element) -> dict:
    counts: dict[str, int] = {}
    seen = []
    for child in parent:
        counts[child.tag] = counts.get(child.tag, 0) + 1
        seen.append((child, counts[child.tag]))
    return {child: (position, counts[child.tag] == 1) for child, position in seen}


_state = threading.local()


@contextlib.contextmanager
def positions_kept():
    """Sibling positions are kept for the span of one document's check, then dropped (they
    hold the tree's elements)."""
    _state.positions = {}
    try:
        yield
    finally:
        _state.positions = None


def _positions() -> dict:
    positions = getattr(_state, "positions", None)
    return positions if positions is not None else {}  # outside a check: nothing kept


def _problem(node: etree._Element | None, message: str, rule: str) -> Problem:
    if node is None:
        return Problem(None, None, None, message, rule)
    return Problem(line_of(node), None, xpath_of(node), message, rule)


def line_of(node: etree._Element) -> int | None:
    """The node's line in the file (the stubs type `sourceline` loosely)."""
    line = node.sourceline
    return line if isinstance(line, int) else None


def _levels(tree: Tree) -> Levels:
    """The FRBR containers of each identification (the document's, then each annex's), by level."""
    out = []
    for identification in elements(X["identifications"], tree):
        found: dict[str, etree._Element] = {}
        for node in identification.iterchildren(*LEVEL_TAGS):  # elements only: no comment, no PI
            found.setdefault(node.tag.rpartition("}")[2], node)
        out.append(found)
    return out


LEVEL_TAGS = tuple(f"{{{AKN_NS}}}{name}" for name in ("FRBRWork", "FRBRExpression", "FRBRManifestation"))


def _value(level: etree._Element, tag: str, attr: str = "value") -> str | None:
    node = level.find(f"a:{tag}", NS)
    return node.get(attr) if node is not None else None


def rule_statement_name(tree: Tree, levels: Levels) -> Iterator[Problem]:
    for node in elements(X["statements"], tree):
        if node.get("name") not in STATEMENT_NAMES:
            yield _problem(node, f"statement/@name is {node.get('name')!r}, expected one of "
                                 + ", ".join(STATEMENT_NAMES), "akn4un-statement-name")


def rule_frbr_this(tree: Tree, identifications: Levels) -> Iterator[Problem]:
    for name, level in itertools.chain.from_iterable(levels.items() for levels in identifications):
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


def rule_frbr_expression(tree: Tree, identifications: Levels) -> Iterator[Problem]:
    for levels in identifications:
        yield from _frbr_expression(levels)


def _frbr_expression(levels: dict[str, etree._Element]) -> Iterator[Problem]:
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
    parsed = FrbrUri.parse(expr_uri)
    if parsed is None or parsed.language is None or parsed.work != work_uri:
        rest = expr_uri[len(work_uri) + 1:]
        yield _problem(node, f"expression IRI {expr_uri!r}: after the work IRI comes {rest!r}, not the "
                             f"language@version component ('{language or 'eng'}@…')", "akn4un-frbr-expression")
    elif language and parsed.language != language:
        yield _problem(node, f"expression IRI language {parsed.language!r} does not match FRBRlanguage {language!r}",
                       "akn4un-frbr-expression")


def rule_frbr_manifestation(tree: Tree, identifications: Levels) -> Iterator[Problem]:
    for levels in identifications:
        yield from _frbr_manifestation(levels)


def _frbr_manifestation(levels: dict[str, etree._Element]) -> Iterator[Problem]:
    expression, manifestation = levels.get("FRBRExpression"), levels.get("FRBRManifestation")
    if expression is None or manifestation is None:
        return
    expr_uri, man_uri = (_value(expression, "FRBRuri") or "").rstrip("/"), _value(manifestation, "FRBRuri")
    if expr_uri and man_uri and not (man_uri == expr_uri or man_uri.startswith((expr_uri + "/", expr_uri + "."))):
        yield _problem(manifestation.find("a:FRBRuri", NS),
                       f"manifestation IRI {man_uri!r} does not extend the expression IRI {expr_uri!r}",
                       "akn4un-frbr-manifestation")


def rule_frbr_date(tree: Tree, levels: Levels) -> Iterator[Problem]:
    for node in elements(X["dates"], tree):
        value = node.get("date", "")
        try:
            datetime.date.fromisoformat(value[:10])
            if len(value) > 10 and not (value[10] == "T" or DATE_ZONE.fullmatch(value, 10)):
                raise ValueError  # xsd:date and xsd:dateTime: `2008-04-14`, `2008-04-14Z`, `…+02:00`, `…T10:00`
        except ValueError:
            yield _problem(node, f"FRBRdate {value!r} is not a real date", "akn4un-frbr-date")


def rule_references(tree: Tree, levels: Levels) -> Iterator[Problem]:
    tlcs = set(strings(X["tlcs"], tree))
    dangling: dict[str, list[str]] = {}  # attribute -> its values with a token that resolves nowhere
    for attr in ("refersTo", "href", "as"):
        for value in dict.fromkeys(strings(PLAIN[attr], tree)):
            tokens = value.split() if attr == "refersTo" else [value]
            if any(t.startswith("#") and t[1:] not in tlcs for t in tokens):
                dangling.setdefault(attr, []).append(value)
    for attr, values in dangling.items():
        wanted = set(values)
        for node in elements(X["with_attr"], tree, attr=attr):  # one pass, however many bad values
            found = node.get(attr) or ""
            if found in wanted:
                for token in (found.split() if attr == "refersTo" else [found]):
                    if token.startswith("#") and token[1:] not in tlcs:
                        yield _problem(node, f"@{attr} {token!r} resolves to no TLC in references",
                                       "akn4un-reference")


def rule_eids(tree: Tree, levels: Levels) -> Iterator[Problem]:
    """The convention's shape (`prefix__name_num`), the element's own name or short name in the
    last component (`para_3` on a paragraph, not `paragraph_3`, nor `art_1` on a note), and the
    prefix: the eId of the nearest element above that has one. One pass over the elements
    with an eId, in document order; those in a `meta` (TLCs) are left out."""
    nodes = elements(X["with_eid"], tree)
    owner: dict[etree._Element, str] = {}  # element -> its eId, for those seen so far (ancestors first)
    for node in nodes:
        eid = node.get("eId") or ""  # present: the XPath selects elements with one
        parent = node.getparent()
        while parent is not None and parent not in owner and parent.tag != META:
            parent = parent.getparent()
        if parent is not None and parent.tag == META:
            continue
        owner[node] = eid
        if not VALID_EID.fullmatch(eid):
            yield _problem(node, f"eId {eid!r} does not follow the naming convention (prefix__element_num)",
                           "akn4un-eid")
            continue
        cut = eid.rfind("__")
        last = eid[cut + 2:] if cut >= 0 else eid
        name = last.partition("_")[0]
        expected = _expected_name(node.tag)
        if name != expected:
            tag = node.tag.rpartition("}")[2]
            if name == tag:  # the long name where the convention has a short one
                yield _problem(node, f"eId {eid!r}: a {tag} is named {expected!r} in eIds, not {name!r}",
                               "akn4un-eid")
            else:
                yield _problem(node, f"eId {eid!r} names {name!r}, but the element is {tag} (named {expected!r} "
                                     "in eIds)", "akn4un-eid")
        if parent is not None and not eid.startswith(owner[parent] + "__"):
            yield _problem(node, f"eId {eid!r} does not start with the eId of the element above it "
                                 f"({owner[parent]!r} + '__')", "akn4un-eid")


META = f"{{{AKN_NS}}}meta"
_EXPECTED: dict[str, str] = {}


def _expected_name(tag: str) -> str:
    name = _EXPECTED.get(tag)
    if name is None:
        local = tag.rpartition("}")[2]
        name = _EXPECTED[tag] = short_name(local)
    return name


BLANKS = {ord(c): None for c in INVISIBLE}


def rule_authorial_notes(tree: Tree, levels: Levels) -> Iterator[Problem]:
    for node in elements(X["bad_notes"], tree):
        missing = [a for a in ("marker", "placement") if not (node.get(a) or "").strip()]
        if missing:
            yield _problem(node, "authorialNote without @" + " and @".join(missing), "akn4un-authorial-note")
        if not "".join(str(t) for t in node.itertext()).translate(BLANKS).strip():
            yield _problem(node, "empty authorialNote", "akn4un-authorial-note")


def rule_empty_p(tree: Tree, levels: Levels) -> Iterator[Problem]:
    for node in elements(X["empty_p"], tree):
        yield _problem(node, "empty p", "akn4un-empty-p")


CHECKS = [rule_statement_name, rule_frbr_this, rule_frbr_expression, rule_frbr_manifestation, rule_frbr_date,
          rule_references, rule_eids, rule_authorial_notes, rule_empty_p]


MAX_PROBLEMS = 1000  # per document: enough to act on, and a hostile file stays cheap to report


def profile_problems(tree: etree._ElementTree) -> list[Problem]:
    """The problems, at most MAX_PROBLEMS + 1 of them (validate() says that more were cut)."""
    levels = _levels(tree)  # looked up once, shared by the FRBR rules
    problems: list[Problem] = []
    for check in CHECKS:
        try:
            problems.extend(itertools.islice(check(tree, levels), MAX_PROBLEMS + 1 - len(problems)))
        except etree.XPathError as exc:  # libxml2's own limits on a huge document
            problems.append(Problem(None, None, None, f"rule {check.__name__} could not run ({exc})", "size"))
        if len(problems) > MAX_PROBLEMS:
            break
    return problems
