"""Masthead recognition: one small rule per kind of masthead line.

Each rule looks at the plain text of one printed line and, if it recognises it, returns the
group it belongs to and the spans to mark; `MastheadState` carries what the rules learn
(authority, date, session, document type) to the identity of the document.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from converter.lang import Language, body_named, fold, place_key, slug, states
from converter.model import MastheadLine, Role, Run, Span, Text, plain_text
from converter.read.source.blocks import Block
from converter.read.source.chars import starts_in_lower_case
from converter.read.source.inline import wrap
from converter.read.source.symbols import SYMBOL_PATTERN

# a UN document symbol: A/C.3/80/L.4, S/RES/242 (1967), A/RES/80/70 A-B (a resolution in parts)
SYMBOL = re.compile(f"^{SYMBOL_PATTERN}$")
SYMBOL_TAIL = re.compile(f"{SYMBOL_PATTERN}$")  # a symbol ending the line, matched from a position

Mark = tuple[int, int, Role, "str | None"]  # start, end, role, value
Found = tuple[str, list[Mark]]  # what a rule recognises: the group of the line, its marks


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
    adoption_date: str | None = None
    after_agenda: bool = False
    identified: bool = False


def rule_symbol(text: str, st: MastheadState) -> Found | None:
    """`A/C.3/80/L.4`, also at the end of a line (`United Nations S/RES/1454 (2002)`)."""
    for start in [0] + [m.end() for m in re.finditer(r"\s", text)]:
        # matched in place (`pos`), not on a slice: a long line costs linear time, not quadratic
        # (the pattern holds a `/`)
        if SYMBOL_TAIL.match(text, start) and (start == 0 or text[start].isupper()):
            candidate = text[start:]
            st.symbol = st.symbol or candidate
            return "masthead", [(start, len(text), Role.SYMBOL, candidate)]
    return None


def rule_body(text: str, st: MastheadState) -> Found | None:
    body = body_named(text.rstrip(".,"), st.lang.code)
    if body is None:
        return None
    st.bodies.setdefault(body.actor, text)
    if st.authority is None:
        st.authority = body.actor
        return "masthead", [(0, len(text), Role.AUTHORITY, body.actor)]
    st.committee = st.committee or body.actor
    return "session", [(0, len(text), Role.COMMITTEE, body.actor)]


def rule_distribution(text: str, st: MastheadState) -> Found | None:
    m = st.lang.distribution_re.match(text)
    if m:
        return "masthead", [(0, len(text), Role.DISTRIBUTION, st.lang.distribution_kinds[m.group("kind")])]
    return None


def rule_date(text: str, st: MastheadState) -> Found | None:
    m = st.lang.date_re.fullmatch(text)
    if m:
        iso = st.lang.iso_date(m.group("day"), m.group("month"), m.group("year"))
        if iso:
            st.date = st.date or iso
            return "masthead", [(0, len(text), Role.DATE, iso)]
    return None


def rule_language(text: str, st: MastheadState) -> Found | None:
    code = st.lang.language_names.get(fold(text))
    if code:
        return "masthead", [(0, len(text), Role.LANGUAGE_OF_EXPRESSION, code)]
    return None


def rule_original(text: str, st: MastheadState) -> Found | None:
    m = st.lang.original_re.match(text)
    if m is None:
        return None
    code = st.lang.language_names.get(fold(m.group("language")))
    if code:
        st.original = code
        return "masthead", [(m.start("language"), m.end("language"), Role.ORIGINAL_LANGUAGE, code)]
    return None


def rule_session(text: str, st: MastheadState) -> Found | None:
    m = st.lang.session_re.match(text)
    if m is None:
        m = st.lang.year_session_re.match(text)  # `2025 session` (ECOSOC), `Session de 2025`
        if m is None:
            return None
        st.session = int(m.group("year"))
        return "session", [(0, len(text), Role.SESSION, m.group("year"))]
    number = st.lang.ordinal(m.group("ordinal"))
    if number:
        st.session = number
        return "session", [(0, len(text), Role.SESSION, str(number))]
    return None


def rule_session_dates(text: str, st: MastheadState) -> Found | None:
    """`24 February–4 April 2025` under a session line: the session's dates."""
    marks = range_marks(text, 0, st) if st.session is not None else None
    return ("session", marks) if marks else None


def range_marks(text: str, start: int, st: MastheadState) -> list[Mark] | None:
    """The two dates of `text[start:]` if it is exactly a range (`14-18 avril 2008`), as event
    dates; the first is the session's first day."""
    lang = st.lang
    r = lang.range_re.fullmatch(text, start)
    if r is None:
        return None
    first = lang.iso_date(r.group("day1"), r.group("month1") or r.group("month2"), r.group("year1") or r.group("year2"))
    last = lang.iso_date(r.group("day2"), r.group("month2"), r.group("year2"))
    if not (first and last):
        return None
    first_end = next(r.end(g) for g in ("year1", "month1", "day1") if r.group(g))
    st.session_start = st.session_start or first
    return [(r.start(), first_end, Role.EVENT_DATE, first), (r.start("day2"), r.end(), Role.EVENT_DATE, last)]


def rule_location(text: str, st: MastheadState) -> Found | None:
    """`Vienne, 14-18 avril 2008`: a place, then a date or a range of dates."""
    m = re.match(r"^(?P<place>[^\W\d][^,\d]*), (?P<dates>.+)$", text)
    if not m:
        return None
    start = m.start("dates")
    dates = m.group("dates")
    lang = st.lang
    marks: list[Mark] = [(0, m.end("place"), Role.LOCATION, place_key(m.group("place")))]
    dated = range_marks(text, start, st)
    if dated:
        marks += dated
    elif lang.range_re.fullmatch(dates):
        return None  # a range of dates that do not exist
    else:
        d = lang.date_re.fullmatch(dates)
        iso = d and lang.iso_date(d.group("day"), d.group("month"), d.group("year"))
        if not iso:
            return None
        marks.append((start, len(text), Role.EVENT_DATE, iso))
        st.session_start = st.session_start or iso
    return "session", marks


def rule_agenda(text: str, st: MastheadState) -> Found | None:
    m = st.lang.agenda_re.match(text)
    if m:
        st.after_agenda = True
        numbers = list(AGENDA_NUMBER.finditer(text, m.start("number")))
        if len(numbers) <= 1:
            return "session", [(0, len(text), Role.AGENDA_ITEM, m.group("number"))]
        # `Agenda items 13 and 117`: each item its own reference
        return "session", [(n.start(), n.end(), Role.AGENDA_ITEM, n.group("n")) for n in numbers]
    return None


AGENDA_NUMBER = re.compile(r"(?P<n>\d+)(?:\s?\(?[a-z]\))?")


def rule_sponsors(text: str, st: MastheadState) -> Found | None:
    """`Japon et France : projet de résolution`: the sponsors, then the document type."""
    folded = text.casefold()
    for doc_type in st.lang.doc_types:
        if not folded.endswith(doc_type.phrase.casefold()):
            continue
        m = re.match(r"^(?P<sponsors>.*?)\s*:?\s*(?P<type>" + re.escape(doc_type.phrase) + r")$", text,
                     re.IGNORECASE)
        if not m or (st.lang.words_spaced and m.start("type") and text[m.start("type") - 1].isalnum()):
            continue  # `…: 𝐀draft resolution`: the phrase is not a word of its own there
        st.doc_type, st.statement = doc_type.key, doc_type.statement
        st.identified = True
        marks: list[Mark] = [(start, end, Role.SPONSOR, code) for start, end, code in
                             split_sponsors(text, m.end("sponsors"), st.lang)]
        marks.append((m.start("type"), m.end("type"), Role.DOC_TYPE, doc_type.key))
        return "identification", marks
    return None


def rule_submitted(text: str, st: MastheadState) -> Found | None:
    """`Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola (Finland), on
    the basis of informal consultations on draft resolution A/C.2/80/L.5`: the document type,
    the officer who submits it, the drafts it was made from."""
    m = st.lang.submitted_re.match(text)
    doc_type = m and next((d for d in st.lang.doc_types if d.phrase.casefold() == m.group("type").casefold()), None)
    if not m or doc_type is None:
        return None
    st.doc_type, st.statement = doc_type.key, doc_type.statement
    st.identified = True
    marks: list[Mark] = [(m.start("type"), m.end("type"), Role.DOC_TYPE, doc_type.key),
                         (m.start("by"), m.end("by"), Role.PROPONENT, proponent_key(m.group("by"), st.lang))]
    if m.group("basis"):
        marks += [(m.start("basis") + s.start(), m.start("basis") + s.end(), Role.CITED, s.group())
                  for s in CITED_SYMBOL.finditer(m.group("basis"))]
    return "identification", marks


def proponent_key(text: str, lang: Language) -> str:
    """`person/the-vice-chair-of-the-committee-…` for an officer, `organization/the-bureau` for a body."""
    words = set(text.replace(",", " ").split())
    person = any(title in words or (" " in title and title in text) for title in lang.officer_titles)
    return f"{'person' if person else 'organization'}/{slug(text)}"


# `A/C.2/80/L.5`, `A/80/L.1/Rev.1`
CITED_SYMBOL = re.compile(r"(?<![\w/])[A-Z]+(?:/[A-Z0-9.]+(?:/[A-Za-z0-9.]+)*)+(?![\w/])")


def rule_adopted_heading(text: str, st: MastheadState) -> Found | None:
    """`Décision 4/4`, `Resolution 242 (1967) of 22 November 1967`, `RESOLUTION 773 (1992)`, and
    the Council's first volumes' `7 (1946). Resolution of 26 June 1946 [S/…]`: kind, number, date."""
    for heading in st.lang.adopted_headings:
        word = r"(?P<word>(?i:" + re.escape(heading.phrase) + r"))"
        m = re.match(r"^" + word + r"\s+" + HEADING_NUMBER + HEADING_DATE, text) \
            or re.match(r"^" + HEADING_NUMBER + r"\.\s+" + word + HEADING_DATE, text)
        if not m or starts_in_lower_case(m.group("word")):  # `resolution 1863 (2009)`: a title's line
            continue
        marks: list[Mark] = [(m.start("word"), m.end("word"), Role.DOC_TYPE, heading.key),
                             (m.start("number"), m.end("number"), Role.DOC_NUMBER, m.group("number"))]
        if m.group("of"):
            issued = st.lang.issued_date_re.match(m.group("of"))  # else the word misread: `Of`, `ef 15 June 1965`
            iso = st.lang.full_date(issued.group("date") if issued else m.group("date"))
            if not iso:
                continue
            marks.append((m.start("date"), m.end("date"), Role.DATE, iso))
            st.adoption_date = st.adoption_date or iso
        st.doc_type, st.statement = heading.key, heading.statement
        st.number = m.group("number")
        st.identified = True
        return "identification", sorted(marks)
    return None


HEADING_NUMBER = r"(?P<number>\d+/\d+|\d+ \(\d{4}\))"
# `… of 26 June 1946 [S/104]`, its brackets as the scan read them: `(S/597]`, `[S/1070}`, `[S/4426]}`
HEADING_DATE = r"(?:\s+(?P<of>\S+ (?P<date>[^\[\](){}]+?)))?(?:\s+[\[(][^\[\](){}]+[\])}]{1,2})?$"


def rule_adopted_by(text: str, st: MastheadState) -> Found | None:
    """`Resolution adopted by the General Assembly on 15 December 2025`."""
    m = st.lang.adopted_re.match(text)
    iso = st.lang.full_date(m.group("date")) if m is not None else None
    if m is None or not iso:
        return None
    heading = next((h for h in st.lang.adopted_headings if h.phrase == m.group("type")), None)
    if heading is None:
        return None
    st.doc_type, st.statement = heading.key, heading.statement
    st.adoption_date = st.adoption_date or iso
    st.identified = True
    word_end = text.find(" ", m.end("type"))  # `Resolutions adopted …`: the plural word whole
    return "identification", [(0, word_end if word_end > 0 else m.end("type"), Role.DOC_TYPE, heading.key),
                              (m.start("date"), m.end("date"), Role.DATE, iso)]


def rule_issued_date(text: str, st: MastheadState) -> Found | None:
    """`of 22 November 1967` under a Security Council resolution number."""
    if st.statement not in ("resolution", "decision") or st.adoption_date:
        return None
    m = st.lang.issued_date_re.match(text)
    iso = st.lang.full_date(m.group("date")) if m is not None else None
    if m is None or not iso:
        return None
    st.adoption_date = iso
    return "identification", [(m.start("date"), m.end("date"), Role.DATE, iso)]


def rule_adoption_meeting(text: str, st: MastheadState) -> Found | None:
    """`Adopted by the Security Council at its 4683rd meeting, on 30 December 2002`."""
    marks = adoption_meeting_marks(text, st.lang)
    if marks is None:
        return None
    for _, _, role, value in marks:
        if role == Role.DATE:
            st.adoption_date = st.adoption_date or value
    st.statement = st.statement or "resolution"
    st.identified = True
    return "identification", marks


def adoption_meeting_marks(text: str, lang: Language) -> list[Mark] | None:
    """Marks of an adoption line (masthead or conclusions), None if it is not one."""
    m = lang.adoption_meeting_re.match(text) or lang.plenary_meeting_re.match(text)
    if not m:
        return None
    marks: list[Mark] = [(m.start("meeting"), m.end("meeting"), Role.ADOPTION_MEETING, m.group("number"))]
    date = m.groupdict().get("date")
    if date:
        iso = lang.full_date(date)
        if not iso:
            return None
        marks.append((m.start("date"), m.end("date"), Role.DATE, iso))
    return marks


def rule_number_title(text: str, st: MastheadState) -> Found | None:
    """`80/184. Improvement of the situation of women and girls in rural areas`."""
    m = re.match(r"^(?P<number>\d+/\d+(?: [A-Z](?:[-–][A-Z])?)?)\.\s+(?P<title>\S.*)$", text)
    if not m:
        return None
    st.number = st.number or m.group("number")
    st.statement = st.statement or "resolution"
    st.identified = True
    return "identification", [(0, m.end("number"), Role.DOC_NUMBER, m.group("number")),
                              (m.start("title"), len(text), Role.TITLE, None)]


def split_sponsors(text: str, end: int, lang: Language) -> list[tuple[int, int, str]]:
    """Offsets and codes of the States in `text[:end]` (`A, B et C`)."""
    table = states(lang.code)
    conj = "|".join(re.escape(c) for c in lang.list_conjunctions)
    pieces: list[tuple[int, int]] = []
    for m in re.finditer(r"[^,]+", text[:end]):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        stop = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if start < stop:
            pieces.append((start, stop))
    out: list[tuple[int, int, str]] = []
    for start, stop in pieces:
        name = text[start:stop]
        if fold(name) in table:
            out.append((start, stop, table[fold(name)]))
            continue
        cuts = list(re.finditer(r"\s+(?:" + conj + r")\s+", name))
        known = [c for c in cuts if fold(name[:c.start()]) in table or fold(name[c.end():]) in table]
        chosen = known or cuts
        cut = chosen[-1] if chosen else None
        parts = [(start, stop)] if cut is None else [(start, start + cut.start()), (start + cut.end(), stop)]
        for a, b in parts:
            out.append((a, b, table.get(fold(text[a:b])) or slug(text[a:b])))
    return out


def rule_bracketed(text: str, st: MastheadState) -> Found | None:
    """`[on the report of the Third Committee (A/80/545, para. 5)]`: printed as is."""
    if text.startswith("[") and text.endswith("]"):
        return "identification", []
    return None


RULES: list[Callable[[str, MastheadState], Found | None]] = [
    rule_bracketed, rule_submitted, rule_symbol, rule_body, rule_distribution, rule_date, rule_language, rule_original,
    rule_session, rule_agenda, rule_location, rule_session_dates, rule_sponsors, rule_adopted_heading,
    rule_adopted_by,
    rule_issued_date, rule_adoption_meeting, rule_number_title]


class Recognised(NamedTuple):
    """A line some rule recognises: its group, its marks, the state after it."""

    group: str
    marks: list[Mark]
    state: MastheadState


def recognise(text: str, st: MastheadState) -> Recognised | None:
    """(group, marks, state after) for a line some rule recognises, else None; `st` is untouched."""
    trial = copy.copy(st)
    trial.bodies = dict(st.bodies)
    for rule in RULES:  # a rule changes the state only when it recognises the line
        found = rule(text, trial)
        if found:
            group, marks = found
            return Recognised(group, marks, trial)
    return None


def recognise_split(text: str, st: MastheadState) -> Recognised | None:
    """Two masthead fields the extractor put on one line (`Security Council Distr.: General`)."""
    if len(text.split()) > 10:
        return None
    for cut in (m.start() for m in re.finditer(r" ", text) if st.lang.field_start_re.match(text, m.end())):
        left = recognise(text[:cut], st)
        if left:
            right = recognise(text[cut + 1:], left.state)
            if right:
                shifted: list[Mark] = [(a + cut + 1, b + cut + 1, role, value) for a, b, role, value in right.marks]
                return Recognised(left.group, left.marks + shifted, right.state)
    return None


def joined(lines: list[list[Run]]) -> list[Run]:
    """Printed lines of one field as one line (a hyphen at a line end joins unspaced)."""
    return Block(lines).runs


def _title_at_end(line: MastheadLine) -> Span | None:
    """The title span a masthead line ends with, if it ends with one."""
    last = line.children[-1] if line.children else None
    return last if isinstance(last, Span) and last.role == Role.TITLE else None


def strict(found: Recognised | None) -> Recognised | None:
    """A field found by joining printed lines must be wholly recognised (every sponsor a State)."""
    if found and all(value in known_state_codes() for _, _, role, value in found.marks if role == Role.SPONSOR):
        return found
    return None


@cache
def known_state_codes() -> frozenset[str]:
    return frozenset(states("eng").values())


def _continued(lines: list[list[Run]], end: int, st: MastheadState) -> int:
    """Where the submitter's line of a draft ends: it goes on to the end of its printed block
    (`… the Vice-Chair of the Committee, Andrés` / `Napurí Pita (Peru), on the basis of …`),
    the title being printed apart, unless a line opens a field of its own (`Agenda item 12`)."""
    while end < len(lines):
        text = plain_text(lines[end]).strip()
        found = recognise(text, st)
        if not text or (found and any(role != Role.SYMBOL for _, _, role, _ in found.marks)):
            break  # a symbol is the draft it was made from (`resolution A/C.2/80/L.31`)
        end += 1
    return end


def read_masthead(blocks: list[Block], st: MastheadState) -> list[MastheadLine]:
    """Masthead lines, block by block; a field printed over several lines (PDF text) is joined."""
    out: list[MastheadLine] = []
    group = "masthead"
    for block in blocks:
        lines = block.lines
        part = st.lang.part_letter_re.match(plain_text(lines[0])) if lines else None  # `A` then the heading of part A
        i = 0
        while i < len(lines):
            runs, text = lines[i], plain_text(lines[i])
            found = recognise(text, st)
            end = i + 1
            if found is None and block.wrapped:
                for j in range(i + 2, min(len(lines), i + 4) + 1):
                    candidate = joined(lines[i:j])
                    found = strict(recognise(plain_text(candidate), st))
                    if found:
                        runs, end = candidate, j
                        break
            if found is None:
                found = recognise_split(text, st)
            if found is None and block.wrapped:
                while end < len(lines) and recognise(plain_text(lines[end]), st) is None:
                    end += 1
                runs = joined(lines[i:end])
            elif found and block.wrapped and any(m[2] == Role.TITLE for m in found.marks):
                while end < len(lines) and recognise(plain_text(lines[end]), st) is None:
                    end += 1
                runs = joined(lines[i:end])
                found = recognise(plain_text(runs), st)
            elif found and block.wrapped and any(m[2] == Role.PROPONENT for m in found.marks):
                end = _continued(lines, end, st)  # `… Weronika Garbacz` / `(Poland), on the basis of …`
                runs = joined(lines[i:end])
                found = recognise(plain_text(runs), st) or found
            i = end
            text = plain_text(runs)
            if found:
                group, marks, new_state = found
                st.__dict__.update(new_state.__dict__)
                if group != "session":
                    st.after_agenda = False
            elif part:
                group, marks = "identification", []
            elif st.identified and out and (title := _title_at_end(out[-1])) is not None:
                title.children = [*title.children, Text(" "), *runs]
                continue
            elif st.identified:
                group, marks = "identification", [(0, len(text), Role.TITLE, None)]
            elif st.after_agenda:
                group, marks = "session", [(0, len(text), Role.AGENDA_ITEM_TITLE, None)]
            else:
                marks = []
            for start, end_, role, value in sorted(marks, reverse=True):
                runs = wrap(runs, start, end_, role, value)
            out.append(MastheadLine(group, runs))
    return out
