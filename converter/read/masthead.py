"""Masthead recognition: one small rule per kind of masthead line.

Each rule looks at the plain text of one printed line and, if it recognises it, returns the
group it belongs to and the spans to mark; `MastheadState` carries what the rules learn
(authority, date, session, document type) to the identity of the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import MastheadLine, Run, plain_text
from converter.read.inline import wrap
from converter.read.language import Language, body_named, fold, place_key, slug, states

SYMBOL = re.compile(r"^(?:[A-Z]{1,8}(?:\.\d+)?/)+[A-Za-z0-9.]+(?:/[A-Za-z0-9.]+)*(?: \(\d{4}\))?$")

Mark = tuple[int, int, str, "str | None"]  # start, end, role, value


@dataclass
class MastheadState:
    lang: Language
    authority: str | None = None
    committee: str | None = None
    bodies: dict[str, str] = field(default_factory=dict)
    symbol: str | None = None
    date: str | None = None
    session_start: str | None = None
    session: int | None = None
    doc_type: str | None = None
    statement: str | None = None
    number: str | None = None
    original: str | None = None
    after_agenda: bool = False
    identified: bool = False


def rule_symbol(text: str, st: MastheadState):
    if SYMBOL.match(text) and "/" in text:
        st.symbol = st.symbol or text
        return "masthead", [(0, len(text), "symbol", text)]
    return None


def rule_body(text: str, st: MastheadState):
    body = body_named(text.rstrip(".,"), st.lang.code)
    if body is None:
        return None
    st.bodies.setdefault(body.actor, text)
    if st.authority is None:
        st.authority = body.actor
        return "masthead", [(0, len(text), "authority", body.actor)]
    st.committee = st.committee or body.actor
    return "session", [(0, len(text), "committee", body.actor)]


def rule_distribution(text: str, st: MastheadState):
    m = st.lang.distribution_re.match(text)
    if m:
        return "masthead", [(0, len(text), "distribution", st.lang.distribution_kinds[m.group("kind")])]
    return None


def rule_date(text: str, st: MastheadState):
    m = st.lang.date_re.fullmatch(text)
    if m:
        iso = st.lang.iso_date(m.group("day"), m.group("month"), m.group("year"))
        if iso:
            st.date = st.date or iso
            return "masthead", [(0, len(text), "date", iso)]
    return None


def rule_language(text: str, st: MastheadState):
    code = st.lang.language_names.get(fold(text))
    if code:
        return "masthead", [(0, len(text), "languageOfExpression", code)]
    return None


def rule_original(text: str, st: MastheadState):
    m = st.lang.original_re.match(text)
    code = m and st.lang.language_names.get(fold(m.group("language")))
    if code:
        st.original = code
        return "masthead", [(m.start("language"), m.end("language"), "originalLanguage", code)]
    return None


def rule_session(text: str, st: MastheadState):
    m = st.lang.session_re.match(text)
    number = m and st.lang.ordinal(m.group("ordinal"))
    if number:
        st.session = number
        return "session", [(0, len(text), "session", str(number))]
    return None


def rule_location(text: str, st: MastheadState):
    """`Vienne, 14-18 avril 2008`: a place, then a date or a range of dates."""
    m = re.match(r"^(?P<place>[^\W\d][^,\d]*), (?P<dates>.+)$", text)
    if not m:
        return None
    start = m.start("dates")
    dates = m.group("dates")
    lang = st.lang
    r = lang.range_re.fullmatch(dates)
    marks: list[Mark] = [(0, m.end("place"), "location", place_key(m.group("place")))]
    if r:
        first = lang.iso_date(r.group("day1"), r.group("month1") or r.group("month2"),
                              r.group("year1") or r.group("year2"))
        last = lang.iso_date(r.group("day2"), r.group("month2"), r.group("year2"))
        if not (first and last):
            return None
        first_end = next(r.end(g) for g in ("year1", "month1", "day1") if r.group(g))
        marks.append((start + r.start(), start + first_end, "eventDate", first))
        marks.append((start + r.start("day2"), start + r.end(), "eventDate", last))
        st.session_start = st.session_start or first
    else:
        d = lang.date_re.fullmatch(dates)
        iso = d and lang.iso_date(d.group("day"), d.group("month"), d.group("year"))
        if not iso:
            return None
        marks.append((start, len(text), "eventDate", iso))
        st.session_start = st.session_start or iso
    return "session", marks


def rule_agenda(text: str, st: MastheadState):
    m = st.lang.agenda_re.match(text)
    if m:
        st.after_agenda = True
        return "session", [(0, len(text), "agendaItem", m.group("number"))]
    return None


def rule_sponsors(text: str, st: MastheadState):
    """`Japon et France : projet de résolution`: the sponsors, then the document type."""
    for doc_type in st.lang.doc_types:
        m = re.match(r"^(?P<sponsors>.*?)\s*:?\s*(?P<type>" + re.escape(doc_type.phrase) + r")$", text,
                     re.IGNORECASE)
        if not m:
            continue
        st.doc_type, st.statement = doc_type.key, doc_type.statement
        st.identified = True
        marks = [(start, end, "sponsor", code) for start, end, code in
                 split_sponsors(text, m.end("sponsors"), st.lang)]
        marks.append((m.start("type"), m.end("type"), "docType", doc_type.key))
        return "identification", marks
    return None


def rule_adopted_heading(text: str, st: MastheadState):
    """`Décision 4/4`, `Resolution 2008/33`: an adopted text's kind and number."""
    for heading in st.lang.adopted_headings:
        m = re.match(r"^(?P<word>" + re.escape(heading.phrase) + r")\s+(?P<number>\d+/\d+)$", text)
        if m:
            st.doc_type, st.statement = heading.key, heading.statement
            st.number = m.group("number")
            st.identified = True
            return "identification", [(0, m.end("word"), "docType", heading.key),
                                       (m.start("number"), m.end("number"), "docNumber", m.group("number"))]
    return None


def split_sponsors(text: str, end: int, lang) -> list[tuple[int, int, str]]:
    """Offsets and codes of the States in `text[:end]` (`A, B et C`)."""
    table = states(lang.code)
    conj = "|".join(re.escape(c) for c in lang.list_conjunctions)
    pieces = []
    for m in re.finditer(r"[^,]+", text[:end]):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        stop = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if start < stop:
            pieces.append((start, stop))
    out = []
    for start, stop in pieces:
        name = text[start:stop]
        if fold(name) in table:
            out.append((start, stop, table[fold(name)]))
            continue
        cuts = [c for c in re.finditer(r"\s+(?:" + conj + r")\s+", name)]
        known = [c for c in cuts if fold(name[:c.start()]) in table or fold(name[c.end():]) in table]
        cut = (known or cuts or [None])[-1]
        parts = [(start, stop)] if cut is None else [(start, start + cut.start()), (start + cut.end(), stop)]
        for a, b in parts:
            out.append((a, b, table.get(fold(text[a:b])) or slug(text[a:b])))
    return out


RULES = [rule_symbol, rule_body, rule_distribution, rule_date, rule_language, rule_original,
         rule_session, rule_agenda, rule_location, rule_sponsors, rule_adopted_heading]


def read_masthead(lines: list[list[Run]], st: MastheadState) -> list[MastheadLine]:
    out: list[MastheadLine] = []
    group = "masthead"
    for runs in lines:
        text = plain_text(runs)
        found = None
        for rule in RULES:
            found = rule(text, st)
            if found:
                break
        if found:
            group, marks = found
            if group != "session":
                st.after_agenda = False
        elif st.identified:
            group, marks = "identification", [(0, len(text), "title", None)]
        elif st.after_agenda:
            group, marks = "session", [(0, len(text), "agendaItemTitle", None)]
        else:
            marks = []
        for start, end, role, value in sorted(marks, reverse=True):
            runs = wrap(runs, start, end, role, value)
        out.append(MastheadLine(group, runs))
    return out
