"""FRBR IRIs of a UN deliberation, built in one place (after cobalt's `FrbrUri`)."""
from __future__ import annotations

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
