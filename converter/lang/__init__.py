"""Language data: the words that vary by language, shared by the readers and the writer.

A language is two data files, `lang/<code>.json` and `ordinals/<code>.json`, in the package's
`converter/data/` or in a folder named by the environment variable `AKN_LANG_PATH` (folders
separated by `os.pathsep`, searched first). The languages known are the files found: adding a
language is adding its files. Each file is checked when it is loaded (`language.py`).
"""
from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from converter.lang.language import DocType, Language, LanguageDataError, load
from converter.lang.matching import PhraseMatcher, fold
from converter.lang.names import (
    PATH_VARIABLE,
    Body,
    ascii_words,
    bodies,
    body_by_actor,
    body_named,
    body_names,
    camel_case,
    data_folders,
    first_body_named,
    place_key,
    places,
    slug,
    states,
)

__all__ = [
    "PATH_VARIABLE",
    "UNDETERMINED",
    "Body",
    "DocType",
    "Language",
    "LanguageDataError",
    "PhraseMatcher",
    "UndeterminedLanguage",
    "ascii_words",
    "bodies",
    "body_by_actor",
    "body_named",
    "body_names",
    "camel_case",
    "data_folders",
    "detect",
    "first_body_named",
    "fold",
    "known_languages",
    "language",
    "place_key",
    "places",
    "slug",
    "states",
]

UNDETERMINED = "und"  # ISO 639-2: the language could not be told
SAMPLE = 3000  # characters read to tell the language


class UndeterminedLanguage(ValueError):
    """A text in none of the known languages (or with too few words to tell)."""


def known_languages() -> tuple[str, ...]:
    """Codes of the languages whose two data files exist, sorted."""
    return _known(data_folders())


@cache
def _known(search: tuple[Path, ...]) -> tuple[str, ...]:
    codes = {path.stem for folder in search for path in (folder / "lang").glob("*.json")
             if (folder / "ordinals" / path.name).is_file()}
    return tuple(sorted(codes))


def language(code: str) -> Language:
    """The language `code`, loaded once per process; LanguageDataError if unknown or unusable."""
    return _language(code, data_folders())


@cache
def _language(code: str, search: tuple[Path, ...]) -> Language:
    for folder in search:
        if (folder / "lang" / f"{code}.json").is_file():
            return load(folder, code)
    raise LanguageDataError(f"unsupported language {code!r} (known: {', '.join(_known(search))})")


def detect(text: str) -> str:
    """The language of `text` among the known ones, by counting frequent function words in its
    first SAMPLE characters; where they hold none (a long masthead line, a table of names), in
    the next ones, up to the whole text. UNDETERMINED when none of them occurs anywhere.

    In a language written with spaces, a function word stands between spaces; in one written
    without (Chinese), its occurrences are counted in the running text.
    """
    for start in range(0, max(len(text), 1), SAMPLE):
        found = _best_language(text[max(start - 40, 0):start + SAMPLE])  # a word cut at the edge is read whole
        if found != UNDETERMINED:
            return found
    return UNDETERMINED


def _best_language(sample: str) -> str:
    tokens = Counter(sample.split())
    best, best_score = UNDETERMINED, 0
    for code in known_languages():
        lang = language(code)
        if lang.words_spaced:
            score = sum(tokens[w] for w in lang.detection_words)
        else:
            score = sum(sample.count(w) for w in lang.detection_words)
        if score > best_score:
            best, best_score = code, score
    return best
