"""Readers: text -> document model."""
from __future__ import annotations

from converter.lang import UNDETERMINED, UndeterminedLanguage, detect, known_languages, language
from converter.model import Document
from converter.read.source import markdown, pdftext
from converter.read.structure.document import NoStructure, build_document

__all__ = ["NoStructure", "read_text"]


def read_text(text: str, lang: str | None = None) -> Document:
    """Recognise the structure of a resolution or decision given as text."""
    code = lang or detect(text)
    if code == UNDETERMINED:
        raise UndeterminedLanguage(f"cannot tell the language (no common word of {', '.join(known_languages())});"
                                   " give it with --lang")
    words = language(code)  # LanguageDataError if unknown
    reader = pdftext if pdftext.looks_like_pdf_text(text) else markdown
    source = reader.read_blocks(text, words)
    return build_document(source.blocks, words, [], source.notes.diagnostics(), source.furniture)
