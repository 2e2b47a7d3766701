"""The document model: what the readers build and the writers consume.

Plain data, no XML: a reader never knows which writer will run. Inline content is a list of
runs (`Text`, `Emph`, `Sup`, `NoteRef`, `Span`); blocks hold runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar


@dataclass
class Text:
    text: str


@dataclass
class Emph:
    """An italic run of the source (or a recognised opener where the source had no italics)."""

    children: list[Run]


@dataclass
class Sup:
    """A superscript that is not a footnote marker (`1<sup>er</sup>`)."""

    text: str


@dataclass
class Footnote:
    marker: str
    children: list[Run]


@dataclass
class NoteRef:
    """A footnote marker in the text; `note` is the definition it points to."""

    marker: str
    note: Footnote | None = None


class Role(StrEnum):
    """What the words of a Span are; the value each role carries is said beside it."""

    SYMBOL = "symbol"  # the document symbol, as printed
    DOC_NUMBER = "docNumber"  # a resolution or decision number (`80/1`)
    AUTHORITY = "authority"  # the body the document is of: its actor
    COMMITTEE = "committee"  # a committee or subsidiary body: its actor
    DISTRIBUTION = "distribution"  # general, limited, restricted: a concept key
    DATE = "date"  # the document's date: ISO date
    EVENT_DATE = "eventDate"  # a meeting's date: ISO date
    LANGUAGE_OF_EXPRESSION = "languageOfExpression"  # ISO 639-2 code
    ORIGINAL_LANGUAGE = "originalLanguage"  # ISO 639-2 code
    SESSION = "session"  # the session number (or year)
    AGENDA_ITEM = "agendaItem"  # the agenda item number
    AGENDA_ITEM_TITLE = "agendaItemTitle"  # its title: no value
    LOCATION = "location"  # a place key
    SPONSOR = "sponsor"  # ISO 3166 alpha-3 code, lower case
    PROPONENT = "proponent"  # who submits a draft (`the Vice-Chair of the Committee, …`): `person/<key>`, …
    CITED = "cited"  # a document cited by its symbol (`draft resolution A/C.2/80/L.21`): the symbol
    DOC_TYPE = "docType"  # the document type key
    TITLE = "title"  # the document's title: no value
    ADOPTION_MEETING = "adoptionMeeting"  # the meeting's key


@dataclass
class Span:
    """A run with a meaning in the masthead or conclusions: `role` says what the words are,
    `value` is their normalised value (see Role)."""

    role: Role
    children: list[Run]
    value: str | None = None


Run = Text | Emph | Sup | NoteRef | Span


@dataclass
class MastheadLine:
    """One printed line of the masthead; `group` is masthead, session or identification."""

    group: str
    children: list[Run]


@dataclass
class Item:
    """A numbered operative paragraph or a sub-item: `(a)`, `a)`, `(ii)`, `1.`."""

    num: str
    key: str
    scheme: str  # "arabic", "alpha", "roman"
    children: list[Run]
    items: list[Node] = field(default_factory=list)
    wrap_up: list[Run] | None = None  # words closing its list of sub-items (`with the intent that …`)
    more: list[list[Run]] = field(default_factory=list)  # its further unnumbered paragraphs, before its list


@dataclass
class Recital:
    """A preambular paragraph; `opener` is its introductory phrase (may be empty)."""

    opener: str
    children: list[Run]
    items: list[Node] = field(default_factory=list)  # Items; Node because an Outline fills it


@dataclass
class Para:
    """An unnumbered paragraph: text between numbered ones, in the operative part or an annex,
    or the whole operative part of a one-sentence decision. The one encoding of an unnumbered
    paragraph: one that introduces a list (`… when:` then (a), (b)) holds it in `items`."""

    children: list[Run]
    items: list[Node] = field(default_factory=list)
    wrap_up: list[Run] | None = None  # words closing its list
    more: list[list[Run]] = field(default_factory=list)
    num: ClassVar[str] = ""  # no number, read like an Item's


@dataclass
class Division:
    """A part, chapter, article or section (`A`, `I.`) with what is under it."""

    kind: str  # part, chapter, article, section
    num: str
    key: str
    heading: list[Run]
    items: list[Node] = field(default_factory=list)


@dataclass
class AnnexPreamble:
    """The preamble of an annexed instrument: `Preamble`, `The States Parties …,`, its
    paragraphs, `Have agreed as follows:`."""

    heading: list[Run]
    formula: list[Run] | None = None
    recitals: list[Recital] = field(default_factory=list)
    closing: list[Run] | None = None


@dataclass
class Annex:
    """An annex: its heading lines (`Annex A`, title), a preamble if it has one, its body."""

    heading: list[list[Run]]
    items: list[Node] = field(default_factory=list)
    preamble: AnnexPreamble | None = None
    annexes: list[Annex] = field(default_factory=list)  # an annexed convention's own annexes


Node = Item | Para | Division


@dataclass
class Identity:
    """What the FRBR IRIs are made of."""

    name: str  # statement/@name
    actor: str
    date: str  # YYYY-MM-DD
    date_name: str  # publication, adoption, session, unknown
    number: str
    number_shown: str
    lang: str  # ISO 639-2/T
    original_lang: str | None = None


@dataclass
class Diagnostic:
    level: str  # "warning" or "error"
    code: str
    message: str


@dataclass
class Document:
    identity: Identity
    bodies: dict[str, str]  # actor -> printed name, in order of appearance
    masthead: list[MastheadLine] = field(default_factory=list)
    formula: list[Run] | None = None
    formula_body: str | None = None
    authority: str | None = None
    committee: str | None = None  # the committee or subsidiary body printed in the masthead
    session: str | None = None  # the session number (or year) printed in the masthead
    session_body: str | None = None  # whose session it is (see identity.session_holder)
    preamble: list[Recital] = field(default_factory=list)
    formula_at: int = 0  # preambular paragraphs printed before the formula (the Council's first volumes)
    body: list[Node] = field(default_factory=list)
    conclusions: list[list[Run]] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # page furniture the reader set aside, as printed


def plain_text(runs: list[Run]) -> str:
    """The printed text of runs, footnote markers and notes excluded."""
    out = []
    for run in runs:
        if isinstance(run, Text):  # one class at a time, the commonest first: this is the hot path
            out.append(run.text)
        elif isinstance(run, Emph):
            out.append(plain_text(run.children))
        elif isinstance(run, Sup):
            out.append(run.text)
        elif isinstance(run, Span):
            out.append(plain_text(run.children))
    return "".join(out)
