"""One language's words, loaded from `<folder>/lang/<code>.json` and `<folder>/ordinals/<code>.json`
into a frozen, typed structure, checked at load: every key present with the right type, every
pattern compiling and holding the named groups the readers take out of it.
"""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.lang.matching import PhraseMatcher, fold


class LanguageDataError(ValueError):
    """A language file that cannot be used: names the file and the key."""


@dataclass(frozen=True)
class DocType:
    phrase: str
    key: str
    statement: str


# Each pattern key and the named groups the readers read from its matches: the contract.
PATTERN_GROUPS: dict[str, frozenset[str]] = {
    "date_pattern": frozenset({"day", "month", "year"}),
    "range_pattern": frozenset({"day1", "month1", "year1", "day2", "month2", "year2"}),
    "session_pattern": frozenset({"ordinal"}),
    "agenda_pattern": frozenset({"number"}),
    "distribution_pattern": frozenset({"kind"}),
    "original_pattern": frozenset({"label", "language"}),
    "adopted_pattern": frozenset({"type", "body", "date"}),
    "issued_date_pattern": frozenset({"date"}),
    "adoption_meeting_pattern": frozenset({"meeting", "number", "body", "date"}),
    "plenary_meeting_pattern": frozenset({"meeting", "number"}),
    "annex_pattern": frozenset({"word", "num"}),
    "decision_narrative_pattern": frozenset({"meeting", "number", "body", "date"}),
    "year_session_pattern": frozenset({"year"}),
    "operative_section_pattern": frozenset({"num"}),
    "part_letter_pattern": frozenset(),
    "field_start_pattern": frozenset(),
    "inline_note_pattern": frozenset(),
    "submitted_pattern": frozenset({"type", "by", "basis"}),
}
DIVISION_GROUPS: dict[str, frozenset[str]] = {
    "chapter": frozenset({"word", "num"}),
    "article": frozenset({"word", "num"}),
    "part": frozenset({"word", "num"}),
    "section": frozenset({"num"}),
}
WORD_LISTS = ("detection_words", "months", "list_conjunctions", "formula_articles", "preambular_openers",
              "preambular_modifiers", "preambular_premodifiers", "operative_verbs", "operative_modifiers",
              "operative_premodifiers", "closing_clauses", "number_list_words", "list_end_words",
              "first_section_numbers", "officer_titles")
OTHER_KEYS = {"code": str, "name": str, "words_spaced": bool, "preamble_heading": str, "item_letters": str,
              "language_names": dict, "distribution_kinds": dict, "doc_types": list,
              "adopted_headings": list, "division_patterns": dict}
IGNORECASE = frozenset({"session_pattern"})


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per code
class Language:
    code: str
    name: str
    words_spaced: bool
    detection_words: frozenset[str]
    months: dict[str, int]
    language_names: dict[str, str]
    date_re: re.Pattern[str]
    range_re: re.Pattern[str]
    session_re: re.Pattern[str]
    agenda_re: re.Pattern[str]
    distribution_re: re.Pattern[str]
    distribution_kinds: dict[str, str]
    original_re: re.Pattern[str]
    doc_types: tuple[DocType, ...]
    adopted_headings: tuple[DocType, ...]
    list_conjunctions: tuple[str, ...]
    formula_articles: tuple[str, ...]
    preambular: PhraseMatcher
    operative: PhraseMatcher
    adopted_re: re.Pattern[str]
    issued_date_re: re.Pattern[str]
    adoption_meeting_re: re.Pattern[str]
    plenary_meeting_re: re.Pattern[str]
    annex_re: re.Pattern[str]
    preamble_heading: str
    decision_narrative_re: re.Pattern[str]
    year_session_re: re.Pattern[str]  # `2025 session` (ECOSOC)
    closing_clauses: tuple[str, ...]  # `IN WITNESS WHEREOF`: after the articles
    division_res: dict[str, list[re.Pattern[str]]]
    operative_section_re: re.Pattern[str]  # `A`, `II.` alone: a section of the operative part
    part_letter_re: re.Pattern[str]  # `A` alone above the heading of part A of a masthead
    field_start_re: re.Pattern[str]  # a character that can start a masthead field
    inline_note_re: re.Pattern[str]  # `(footnote: ` opening a note written inline (the UN decisions database)
    submitted_re: re.Pattern[str]  # `Draft resolution submitted by the Vice-Chair …, on the basis of …`
    officer_titles: tuple[str, ...]  # an officer's title: who submits a draft is a person, not a body
    number_list_words: tuple[str, ...]  # `5 and` before a number: a list of numbers, not a marker
    list_end_words: tuple[str, ...]  # `…; and` ends a line before the next sub-item
    first_section_numbers: tuple[str, ...]  # `A`, `I`: the number of a first part
    item_letters: str  # the letters of sub-items (a), (b) … in their order
    ordinals: dict[str, int] = field(repr=False)

    def full_date(self, text: str) -> str | None:
        """ISO date of text that is exactly one date (`15 December 2025`), else None."""
        m = self.date_re.fullmatch(text.strip())
        return self.iso_date(m.group("day"), m.group("month"), m.group("year")) if m else None

    def month(self, name: str | None) -> int | None:
        return self.months.get(fold(name)) if name else None

    def ordinal(self, words: str) -> int | None:
        return self.ordinals.get(fold(words))

    def iso_date(self, day: str, month: str | None, year: str) -> str | None:
        number = self.month(month)
        if number is None:
            return None
        try:
            return datetime.date(int(year), number, int(day)).isoformat()
        except ValueError:
            return None


def load(folder: Path, code: str) -> Language:
    """The language `code` from the data folder `folder` (which holds `lang/` and `ordinals/`)."""
    path = folder / "lang" / f"{code}.json"
    data = _read_json(path)
    _check(path, code, data)
    ordinals = _read_json(folder / "ordinals" / f"{code}.json")
    if not all(isinstance(v, int) for v in ordinals.values()):
        raise LanguageDataError(f"{folder / 'ordinals' / f'{code}.json'}: every ordinal must be a number")
    return _build(path, data, {fold(k): v for k, v in ordinals.items()})


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LanguageDataError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise LanguageDataError(f"{path}: must hold one JSON object")
    return data


def _check(path: Path, code: str, data: dict[str, Any]) -> None:
    expected = {*PATTERN_GROUPS, *WORD_LISTS, *OTHER_KEYS}
    missing, unknown = expected - data.keys(), data.keys() - expected
    if missing or unknown:
        raise LanguageDataError(f"{path}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    if data["code"] != code:
        raise LanguageDataError(f"{path}: code {data['code']!r} is not the file's name")
    for key, kind in OTHER_KEYS.items():
        if not isinstance(data[key], kind):
            raise LanguageDataError(f"{path}: {key} must be a {kind.__name__}")
    for key in WORD_LISTS:
        if not isinstance(data[key], list) or not all(isinstance(w, str) for w in data[key]):
            raise LanguageDataError(f"{path}: {key} must be a list of strings")
    letters = data["item_letters"]
    if not letters or len(set(letters)) != len(letters) or not all(c.isalpha() and not c.isupper() for c in letters):
        raise LanguageDataError(f"{path}: item_letters must be the letters of (a), (b) … in order, once each, "
                                "none in upper case")
    if len(data["months"]) != 12:
        raise LanguageDataError(f"{path}: months must name the 12 months in order")
    for key, groups in PATTERN_GROUPS.items():
        _pattern(path, key, data[key], groups)
    if data["division_patterns"].keys() != DIVISION_GROUPS.keys():
        raise LanguageDataError(f"{path}: division_patterns must have the keys {sorted(DIVISION_GROUPS)}")
    for division, groups in DIVISION_GROUPS.items():
        for pattern in _as_list(data["division_patterns"][division]):
            _pattern(path, f"division_patterns.{division}", pattern, groups)


def _pattern(path: Path, key: str, pattern: object, groups: frozenset[str]) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise LanguageDataError(f"{path}: {key} must be a regular expression (a string)")
    try:
        compiled = re.compile(pattern, re.IGNORECASE if key in IGNORECASE else 0)
    except re.error as exc:
        raise LanguageDataError(f"{path}: {key} does not compile ({exc})") from None
    lacking = groups - compiled.groupindex.keys()
    if lacking:
        raise LanguageDataError(f"{path}: {key} lacks the named groups {sorted(lacking)}")
    return compiled


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def _build(path: Path, data: dict[str, Any], ordinals: dict[str, int]) -> Language:
    spaced = data["words_spaced"]
    res = {key: _pattern(path, key, data[key], groups) for key, groups in PATTERN_GROUPS.items()}
    return Language(
        code=data["code"], name=data["name"], words_spaced=spaced,
        detection_words=frozenset(data["detection_words"]),
        months={fold(m): i + 1 for i, m in enumerate(data["months"])},
        language_names={fold(name): lang for lang, names in data["language_names"].items() for name in names},
        date_re=res["date_pattern"], range_re=res["range_pattern"], session_re=res["session_pattern"],
        agenda_re=res["agenda_pattern"], distribution_re=res["distribution_pattern"],
        distribution_kinds=data["distribution_kinds"], original_re=res["original_pattern"],
        doc_types=tuple(DocType(**d) for d in data["doc_types"]),
        adopted_headings=tuple(DocType(d["word"], d["key"], d["statement"]) for d in data["adopted_headings"]),
        list_conjunctions=tuple(data["list_conjunctions"]), formula_articles=tuple(data["formula_articles"]),
        preambular=PhraseMatcher(data["preambular_openers"], data["preambular_modifiers"],
                                 data["preambular_premodifiers"], spaced),
        operative=PhraseMatcher(data["operative_verbs"], data["operative_modifiers"],
                                data["operative_premodifiers"], spaced),
        adopted_re=res["adopted_pattern"], issued_date_re=res["issued_date_pattern"],
        adoption_meeting_re=res["adoption_meeting_pattern"], plenary_meeting_re=res["plenary_meeting_pattern"],
        annex_re=res["annex_pattern"], preamble_heading=data["preamble_heading"],
        decision_narrative_re=res["decision_narrative_pattern"], year_session_re=res["year_session_pattern"],
        closing_clauses=tuple(data["closing_clauses"]),
        division_res={kind: [re.compile(p) for p in _as_list(ps)] for kind, ps in data["division_patterns"].items()},
        operative_section_re=res["operative_section_pattern"], part_letter_re=res["part_letter_pattern"],
        field_start_re=res["field_start_pattern"], inline_note_re=res["inline_note_pattern"],
        submitted_re=res["submitted_pattern"], officer_titles=tuple(data["officer_titles"]),
        number_list_words=tuple(data["number_list_words"]), list_end_words=tuple(data["list_end_words"]),
        first_section_numbers=tuple(data["first_section_numbers"]), item_letters=data["item_letters"],
        ordinals=ordinals,
    )
