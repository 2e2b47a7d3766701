"""Language data: the words that vary by language, loaded from `converter/data/`.

Adding a language is adding `data/lang/<code>.json` and `data/ordinals/<code>.json`.
"""
from __future__ import annotations

import json
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA = resources.files("converter") / "data"


def fold(text: str) -> str:
    """Case- and apostrophe-insensitive form used to compare phrases."""
    return text.replace("’", "'").replace("‘", "'").casefold()


def ascii_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[A-Za-z0-9]+", stripped)


def camel_case(text: str) -> str:
    """`Rappelant également` -> `rappelantEgalement` (ASCII, for container names)."""
    words = ascii_words(text)
    if not words:
        return "paragraph"
    head, *rest = words
    return head.lower() + "".join(w[:1].upper() + w[1:].lower() for w in rest)


def slug(text: str) -> str:
    """`Vienne` -> `vienne`: an ASCII identifier usable as an eId."""
    return "-".join(w.lower() for w in ascii_words(text)) or "x"


class PhraseMatcher:
    """Recognises an introductory phrase: a head phrase then any modifiers, longest first; the
    head may come after a pre-modifier (`Also decides`, `Further requests`)."""

    WINDOW = 160  # characters folded to look for a phrase: heads and modifiers are a few words

    def __init__(self, heads: list[str], modifiers: list[str], premodifiers: list[str] = ()):
        self.heads = self._index(heads)
        self.modifiers = self._index(modifiers)
        self.premodifiers = self._index(premodifiers)
        self.longest = max(map(len, [*heads, *modifiers, *premodifiers, ""]))

    @staticmethod
    def _index(phrases: list[str]) -> dict[str, list[str]]:
        """Phrases by their first word, longest first: a match looks at a handful only."""
        index: dict[str, list[str]] = {}
        for phrase in sorted({fold(p) for p in phrases}, key=len, reverse=True):
            index.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
        return index

    def match(self, text: str) -> int:
        """Length of the phrase at the start of `text`, 0 if none."""
        if len(text) <= self.WINDOW:
            return self._match(fold(text))
        end = self._match(fold(text[:self.WINDOW]))
        if end + self.longest + 2 > self.WINDOW:  # a phrase may go on past the window
            return self._match(fold(text))
        return end

    def _match(self, folded: str) -> int:
        end = 0
        pre = self._prefix(folded, 0, self.premodifiers) if self.premodifiers else 0
        if pre and folded[pre:pre + 1] == " ":
            end = self._prefix(folded, pre + 1, self.heads)
        if not end:
            end = self._prefix(folded, 0, self.heads)
        if not end:
            return 0
        while True:
            if not folded[end:end + 1].isspace():
                return end
            nxt = self._prefix(folded, end + 1, self.modifiers)
            if not nxt:
                return end
            end = nxt

    @staticmethod
    def _prefix(folded: str, start: int, index: dict[str, list[str]]) -> int:
        stop = folded.find(" ", start)
        word = folded[start:stop if stop >= 0 else len(folded)]
        for phrase in index.get(word, ()) or index.get(word.rstrip(",;:."), ()):
            stop = start + len(phrase)
            if folded.startswith(phrase, start) and not folded[stop:stop + 1].isalnum():
                return stop
        return 0


@dataclass(frozen=True)
class DocType:
    phrase: str
    key: str
    statement: str


class Language:
    def __init__(self, code: str):
        data = json.loads((DATA / "lang" / f"{code}.json").read_text(encoding="utf-8"))
        self.code = code
        self.detection_words = frozenset(data["detection_words"])
        self.months = {fold(m): i + 1 for i, m in enumerate(data["months"])}
        self.language_names = {fold(name): lang for lang, names in data["language_names"].items()
                               for name in names}
        self.date_re = re.compile(data["date_pattern"])
        self.range_re = re.compile(data["range_pattern"])
        self.session_re = re.compile(data["session_pattern"], re.IGNORECASE)
        self.agenda_re = re.compile(data["agenda_pattern"])
        self.distribution_re = re.compile(data["distribution_pattern"])
        self.distribution_kinds = data["distribution_kinds"]
        self.original_re = re.compile(data["original_pattern"])
        self.doc_types = [DocType(**d) for d in data["doc_types"]]
        self.adopted_headings = [DocType(d["word"], d["key"], d["statement"]) for d in data["adopted_headings"]]
        self.list_conjunctions = data["list_conjunctions"]
        self.formula_articles = data["formula_articles"]
        self.preambular = PhraseMatcher(data["preambular_openers"], data["preambular_modifiers"],
                                        data.get("preambular_premodifiers", []))
        self.operative = PhraseMatcher(data["operative_verbs"], data["operative_modifiers"],
                                       data.get("operative_premodifiers", []))
        self.adopted_re = re.compile(data["adopted_pattern"])
        self.issued_date_re = re.compile(data["issued_date_pattern"])
        self.adoption_meeting_re = re.compile(data["adoption_meeting_pattern"])
        self.plenary_meeting_re = re.compile(data["plenary_meeting_pattern"])
        self.annex_re = re.compile(data["annex_pattern"])
        self.preamble_heading = data["preamble_heading"]
        self.decision_narrative_re = re.compile(data["decision_narrative_pattern"])
        self.year_session_re = re.compile(data["year_session_pattern"])  # `2025 session` (ECOSOC)
        self.closing_clauses = tuple(data.get("closing_clauses", []))  # `IN WITNESS WHEREOF`: after the articles
        self.division_res = {kind: [re.compile(p) for p in ([ps] if isinstance(ps, str) else ps)]
                             for kind, ps in data["division_patterns"].items()}
        ordinals = json.loads((DATA / "ordinals" / f"{code}.json").read_text(encoding="utf-8"))
        self.ordinals = {fold(k): v for k, v in ordinals.items()}

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
            import datetime
            return datetime.date(int(year), number, int(day)).isoformat()
        except ValueError:
            return None


@cache
def language(code: str) -> Language:
    return Language(code)


LANGUAGES = ("eng", "fra", "spa")


def detect(text: str) -> str:
    """The language of `text` among LANGUAGES, by counting frequent function words.

    Function words stand between spaces, so splitting on white space finds them.
    """
    counts = Counter(text[:3000].split())
    best, best_score = "eng", -1
    for code in LANGUAGES:
        score = sum(counts[w] for w in language(code).detection_words)
        if score > best_score:
            best, best_score = code, score
    return best


@dataclass(frozen=True)
class Body:
    actor: str
    eid: str
    parent: str | None
    names: dict[str, list[str]]
    in_parent_sessions: bool = False  # a Main Committee: its sessions are the General Assembly's


@cache
def bodies() -> list[Body]:
    data = json.loads((DATA / "bodies.json").read_text(encoding="utf-8"))
    return [Body(b["actor"], b["eId"], b.get("parent"), b["names"], b.get("in_parent_sessions", False))
            for b in data["bodies"]]


@cache
def body_names(code: str) -> list[tuple[str, Body]]:
    """(folded name, body) pairs for one language, longest name first."""
    pairs = [(fold(name), body) for body in bodies() for name in body.names.get(code, [])]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def body_named(text: str, code: str) -> Body | None:
    folded = fold(text.strip())
    for name, body in body_names(code):
        if folded == name:
            return body
    return None


def body_by_actor(actor: str) -> Body | None:
    return next((b for b in bodies() if b.actor == actor), None)


@cache
def states(code: str) -> dict[str, str]:
    """Folded State name -> ISO 3166 alpha-3 code (lower case), for one language."""
    lines = (DATA / "states.tsv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split("\t").index(code)
    table = {}
    for line in lines[1:]:
        cells = line.split("\t")
        for name in cells[column].split("|"):
            if name:
                table.setdefault(fold(name), cells[0])
    return table


@cache
def places() -> dict[str, str]:
    """Folded place name -> TLCLocation eId (the same place in every language)."""
    data = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    return {fold(name): place["eId"] for place in data["places"] for name in place["names"]}


def place_key(name: str) -> str:
    return places().get(fold(name.strip())) or slug(name)
