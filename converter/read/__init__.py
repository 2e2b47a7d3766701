"""Readers: text -> document model."""
from __future__ import annotations

from converter.model import Document
from converter.read.source import markdown, pdftext
from converter.lang import LANGUAGES, detect, language
from converter.read.structure.document import NoStructure, build_document

__all__ = ["read_text", "NoStructure"]


def read_text(text: str, lang: str | None = None) -> Document:
    """Recognise the structure of a resolution or decision given as text."""
    code = lang or detect(text)
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r} (known: {', '.join(LANGUAGES)})")
    reader = pdftext if pdftext.looks_like_pdf_text(text) else markdown
    blocks, notes = reader.read_blocks(text)
    return build_document(blocks, language(code), [], notes.diagnostics())
