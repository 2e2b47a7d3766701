"""Footnotes printed at the end of a text with no separator line, their markers plain numbers in
the text: the Security Council's printed volumes (`… attached to the report, 18` … `Adopted at
the 450th meeting …` / `18 Ibid., Supplement for September …`).

The definitions are the last paragraphs of the text, each line that starts with the next number
and a word not in lower case (`18 Ibid.`; not `15 June 1985,`: a date) opening one. They are
taken for notes after an adoption line, or anywhere when half of them have a marker in the text
before; their markers are found as the PDF text reader finds plain-number markers
(`pdftext.find_markers`), and written as `<sup>N</sup>` for the markdown reader to resolve.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from converter.lang import Language, fold
from converter.read.source.chars import starts_in_lower_case
from converter.read.source.pdftext import Definition, Line, find_markers

NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})(/?)\s+(\S.*)$")  # `18 Ibid.`, and the 1990s' `1/ S/24476, annex.`
SLASHED_MARKER = re.compile(r"(?<![\w/])\s?(\d{1,3})/(?![\w/])")  # `… 8, 3/` (a number with a slash: a marker)
NUMBER_AND_YEAR = re.compile(r"\(\d")  # `687 (1991) and …`: a resolution's number and year, a line of text


class EndNotes(NamedTuple):
    first: int  # index of the first paragraph of definitions
    definitions: list[Definition]
    slashed: bool  # the markers are printed `3/`


def end_definitions(paragraphs: list[str], lang: Language) -> EndNotes | None:
    """The definitions in the last paragraphs, in order, and where they start; None if the text
    does not end with definitions."""
    first = len(paragraphs)
    while first > 0 and _opens_definition(paragraphs[first - 1], lang):
        first -= 1
    if first == len(paragraphs):
        return None
    found: list[Definition] = []
    opening = NUMBERED_LINE.match(paragraphs[first].split("\n", 1)[0])
    slashed = bool(opening and opening.group(2))
    for paragraph in paragraphs[first:]:
        for line in paragraph.split("\n"):
            m = NUMBERED_LINE.match(line)
            if m and _is_definition(m, lang) and bool(m.group(2)) == slashed \
                    and (not found or int(m.group(1)) == int(found[-1].marker) + 1):
                found.append(Definition(0, str(int(m.group(1))), m.group(3).strip()))
            elif found:
                found[-1] = found[-1]._replace(text=f"{found[-1].text} {line.strip()}".strip())
            else:
                return None
    return EndNotes(first, found, slashed)


def _opens_definition(paragraph: str, lang: Language) -> bool:
    m = NUMBERED_LINE.match(paragraph.split("\n", 1)[0])
    return bool(m and _is_definition(m, lang))


def _is_definition(m: re.Match[str], lang: Language) -> bool:
    """`18 Ibid., …`; not a date (`15 June 1985,`), a resolution number (`687 (1991) and`), a
    line going on in lower case, nor a paragraph numbered without its dot (`2 Requests …`)."""
    text = m.group(3)
    first_word = fold(re.split(r"[\s,.;:]", text, maxsplit=1)[0])
    return not (starts_in_lower_case(text) or first_word in lang.months or NUMBER_AND_YEAR.match(text)
                or lang.operative.match(text) or lang.preambular.match(text))


def place_end_notes(paragraphs: list[str], lang: Language) -> tuple[list[str], list[Definition]] | None:
    """The paragraphs before the definitions with each marker written `<sup>N</sup>`, and the
    definitions; None when the end of the text holds no notes."""
    notes = end_definitions(paragraphs, lang)
    if notes is None:
        return None
    body = paragraphs[:notes.first]
    lines: list[Line] = []
    where: list[tuple[int, int]] = []  # (paragraph, line) of each body line
    for p, paragraph in enumerate(body):
        if lines:
            lines.append(Line("", 0, "blank"))
            where.append((-1, -1))
        for n, raw in enumerate(paragraph.split("\n")):
            lines.append(Line(raw, 0, "body"))
            where.append((p, n))
    definitions = notes.definitions
    marks = _slashed_markers(lines, definitions) if notes.slashed else find_markers(lines, definitions, lang)
    marked = {marker for found in marks.values() for _, _, marker in found}
    if not _after_adoption(body, lang) and 2 * len(marked) < len(notes.definitions):
        return None
    split = [paragraph.split("\n") for paragraph in body]
    for index, found in marks.items():
        p, n = where[index]
        split[p][n] = _with_sups(lines[index].text, found)
    return ["\n".join(raw) for raw in split], notes.definitions


def _after_adoption(body: list[str], lang: Language) -> bool:
    """The definitions follow the adoption line (`Adopted unanimously at the` / `2351st meeting.`:
    sometimes printed in two paragraphs)."""
    last = [" ".join(" ".join(body[-n:]).split()) for n in (1, 2) if len(body) >= n]
    return any(lang.adoption_meeting_re.match(text) for text in last)


def _slashed_markers(lines: list[Line], definitions: list[Definition]) -> dict[int, list[tuple[int, int, str]]]:
    """Every `N/` of a defined N, from the first one in definition order on: printed so, a
    number is a marker wherever it stands."""
    wanted = {d.marker for d in definitions}
    found: dict[int, list[tuple[int, int, str]]] = {}
    for index, line in enumerate(lines):
        for m in SLASHED_MARKER.finditer(line.text):
            if str(int(m.group(1))) in wanted:
                found.setdefault(index, []).append((m.start(), m.end(), str(int(m.group(1)))))
    return found


def _with_sups(text: str, marks: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, marker in sorted(marks):
        out.append(text[pos:start] + f"<sup>{marker}</sup>")
        pos = end
    return "".join(out) + text[pos:]
