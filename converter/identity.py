"""The identity of a document: its actor, FRBR date and number, and its FRBR IRIs, built in one
place (after cobalt's `FrbrUri`)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


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
