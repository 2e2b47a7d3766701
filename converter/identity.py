"""The identity of a document: its actor, FRBR date and number, and its FRBR IRIs, built in one
place (after cobalt's `FrbrUri`)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from converter.lang import body_by_actor

# An AKN IRI of any level (AKN naming convention 1.0, section 4; after cobalt's FrbrUri):
# `/akn/<country>[-<locality>]/<doctype>[/<subtype>[/<actor>]]/<date>/<number>`, then the
# expression `/<language>@<version>`, a component `/!main`, and the manifestation's `.xml`.
IRI = re.compile(
    r"^(?P<work>/akn/(?P<country>[a-z]{2,3})(?:-(?P<locality>[^/]+))?/(?P<doctype>[^/]+)"
    r"(?:/(?P<subtype>[^/]+?)(?:/(?P<actor>[^/]+?))??)??/(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)"
    r"/(?P<number>[^/!@]+))"
    r"(?:/(?P<language>[a-z]{3})@(?P<version>[^/!.]*))?"
    r"(?:/!(?P<component>[^/.]+))?"
    r"(?:/?\.(?P<format>[a-z0-9]+))?/?$"
)


@dataclass(frozen=True)
class ParsedIri:
    """What an AKN IRI says. `work` is the work IRI as written (prefix of the others)."""

    work: str
    country: str
    doctype: str
    subtype: str | None
    actor: str | None
    date: str
    number: str
    language: str | None  # None: a work IRI
    version: str | None  # after `@`; "" when the IRI ends `eng@` (the UN's files)
    component: str | None
    format: str | None  # `xml`: a manifestation


@dataclass(frozen=True)
class FrbrUri:
    actor: str
    date: str
    number: str
    language: str
    country: str = "un"
    doctype: str = "statement"
    subtype: str = "deliberation"

    @property
    def work(self) -> str:
        return f"/akn/{self.country}/{self.doctype}/{self.subtype}/{self.actor}/{self.date}/{self.number}"

    def expression_in(self, language: str) -> str:
        return f"{self.work}/{language}@{self.date}"

    @property
    def expression(self) -> str:
        return self.expression_in(self.language)

    @property
    def manifestation(self) -> str:
        return f"{self.expression}/.xml"

    @staticmethod
    def parse(iri: str) -> ParsedIri | None:
        """The parts of an AKN IRI of any level, or None if it is not one."""
        m = IRI.match(iri)
        if m is None:
            return None
        return ParsedIri(**{name: m.group(name) for name in ParsedIri.__dataclass_fields__})

    @staticmethod
    def this(uri: str, component: str = "main") -> str:
        """FRBRthis: the level's IRI plus its component (`/!main`, manifestation `/!main.xml`)."""
        if uri.endswith("/.xml"):
            return uri[: -len("/.xml")] + f"/!{component}.xml"
        return f"{uri}/!{component}"


UNKNOWN_DATE = "9999-12-31"


def iri_number(symbol: str) -> str:
    """A printed symbol or number as an IRI component: `A/RES/80/184` -> `A-RES-80-184`."""
    return symbol.replace("/", "-").replace(" ", "_")


def derived_number(title: str, doc_type: str | None) -> str:
    """A stable number for a text that prints neither symbol nor number."""
    digest = hashlib.sha256(f"{doc_type}\n{' '.join(title.split()).casefold()}".encode()).hexdigest()
    return f"x-{digest[:10]}"


def choose_actor(committee: str | None, formula_actor: str | None, authority: str | None, draft: bool) -> str:
    """Drafts belong to the committee that has them; adopted texts to the body that adopted them."""
    order = [committee, formula_actor, authority] if draft else [formula_actor, authority, committee]
    return next((a for a in order if a), "un")


def session_holder(committee: str | None, authority: str) -> str:
    """Whose session it is: a body printed under the authority that holds sessions of its own
    (the Human Rights Council under the General Assembly), else the authority (a Main
    Committee meets in the Assembly's session)."""
    body = body_by_actor(committee) if committee else None
    if committee and body is not None and not body.in_parent_sessions:
        return committee
    return authority


def frbr_date(statement: str, adoption: str | None, printed: str | None, session_start: str | None) -> tuple[str, str]:
    """(FRBR date, its name). Adopted texts: the adoption date; drafts: the printed date, else
    the session's first day; else UNKNOWN_DATE, named `unknown`."""
    if statement in ("resolution", "decision") and adoption:
        return adoption, "adoption"
    if printed:
        return printed, "publication"
    if session_start:
        return session_start, "session"
    return UNKNOWN_DATE, "unknown"
