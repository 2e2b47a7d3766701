"""Reader for text as PDF extractors give it (UN documents through PyMuPDF and the like).

Passes, in order: find page furniture (job numbers, barcodes, page numbers, repeated symbol
and running-title lines) and drop it; take the footnote blocks (after a `____` line) out;
find footnote markers in the text (a bare number run into a word or after punctuation) using
the definitions present, their order and their page; cut the rest into blocks of lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from converter.lang import Language
from converter.model import Footnote, NoteRef, Run, Text, plain_text
from converter.read.source.blocks import Block, FootnoteIndex, Source, hyphen_continues, join_continuations
from converter.read.source.chars import is_blank
from converter.read.source.inline import tidy
from converter.read.source.numbers import NumberGrammar, number_grammar
from converter.read.source.symbols import SYMBOL_PATTERN

SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
# `25-16618 (E)    171025`; `GE.25-05678(F)` (Geneva); two dates (job, translation); `*`: a reissue
# (`[^\S\n]`: blanks within a line, so that one multiline search can find them in a whole text)
JOB = r"(?:GE\.)?\d{2}-\d{5}\*?[^\S\n]*(?:\([A-Z]\))?(?:[^\S\n]+\d{6}){0,2}\*?"
JOB_NUMBER = re.compile(f"^{JOB}$")
BARCODE = re.compile(r"^\*\d{6,}\*$")
PAGE_NUMBER = re.compile(r"^\d{1,3}/\d{1,3}$")
SYMBOL = re.compile(f"(?:^|\\s)({SYMBOL_PATTERN})$")
DEFINITION = re.compile(r"^\s*(\d{1,3}|\*)\s+(\S.*)$")
MARKER = re.compile(
    r"(?=[\s\d])"  # fail fast: every marker starts at a digit or at the space before it
    r"(?:(?:(?<=[^\W\d_])|(?<=[,.;:)\]”’»\"])\s?)(?P<n>\d{1,3})(?=[\s,.;:)\]”’»]|$)"
    r"|(?<=[^\W\d_]) (?P<spaced>\d{1,3})(?=\s*$|\s+(?P<next>[^\W\d_]))"
    r"|(?<=\d) (?P<after>\d{1,3})(?=[,.;:)\]”’»]|\s*$|\s+(?P<after_next>[^\W\d_]))"  # `1948 44 will`, `21 22`
    r"|(?<=(?<![\d/.,])(?:19|20)\d\d)(?P<year>\d{1,2})(?=[\s,.;:)\]”’»]|$))"  # `of 25 November 20242 and`
)
CLOSED = re.compile(r"[)\]”’\"»],?$|,$")  # a word that ends closed: `(A/HRC/51/17),`
REPEATABLE_AFTER_MARKS = ",.;:)]”’»\""


def repeatable_before(char: str) -> bool:
    """What a note's marker may be run into when the note is referenced again: a letter not in
    upper case, in any script (`Covenant1`), or closing punctuation (`Agenda,1`); not `G20`."""
    return char in REPEATABLE_AFTER_MARKS or (char.isalpha() and not char.isupper())
YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d$")
LIST_SEPARATORS = ",;،、，；"  # between the numbers of a list, in any script
ITEM_ENDS = ":;.：；。؛"  # what ends a line before the next sub-item, in any script


@cache
def number_list(words: tuple[str, ...]) -> re.Pattern[str]:
    """`paragraphs 1, 2 and ` before a number: the number is in a list of numbers, not a marker
    (`words` join the last two: the language's `number_list_words`)."""
    joined = rf"|(?<![\d/])\d{{1,3}}\s(?:{'|'.join(map(re.escape, words))})\s$" if words else ""
    return re.compile(rf"(?<![\d/])\d{{1,3}}[{LIST_SEPARATORS}]\s${joined}")


@cache
def list_end(words: tuple[str, ...], spaced: bool) -> re.Pattern[str]:
    """`…;` or `… and` at the end of a line: the item ends there (`words`: `list_end_words`)."""
    boundary = r"\b" if spaced else ""
    joined = rf"|{boundary}(?:{'|'.join(map(re.escape, words))})" if words else ""
    return re.compile(rf"(?:[{ITEM_ENDS}]{joined})$")
MARKDOWN_LINE = re.compile(r"^(?:#{1,6} |---\s*$)", re.MULTILINE)
FURNITURE_LINE = re.compile(  # JOB_NUMBER, BARCODE or PAGE_NUMBER, alone on a line
    rf"^[^\S\n]*(?:{JOB}|\*\d{{6,}}\*|\d{{1,3}}/\d{{1,3}})[^\S\n]*$",
    re.MULTILINE)


def looks_like_pdf_text(text: str) -> bool:
    """PDF-extracted text: page furniture (a job number, a barcode, page numbers) and no
    markdown markup. A footnote separator alone is not enough: markdown has them too."""
    if "<sup>" in text or "**" in text or MARKDOWN_LINE.search(text):
        return False
    return FURNITURE_LINE.search(text) is not None


@dataclass
class Line:
    text: str
    page: int
    kind: str = "body"  # body, blank, furniture, separator, note


def classify(raw_lines: list[str], numbers: NumberGrammar) -> list[Line]:
    raw_lines = [raw.replace("\f", "") for raw in raw_lines]
    lines = [Line("", 0, "blank") if is_blank(raw) else Line(raw.strip(), 0, "body") for raw in raw_lines]
    symbol = None
    for line in lines[:20]:
        m = SYMBOL.search(line.text)
        if m:
            symbol = m.group(1)
            break
    seen_symbol = False
    symbol_lines = []
    for i, line in enumerate(lines):
        t = line.text
        if JOB_NUMBER.match(t) or BARCODE.match(t) or PAGE_NUMBER.match(t):
            line.kind = "furniture"
        elif symbol and t == symbol:
            line.kind = "furniture" if seen_symbol else "body"
            if seen_symbol:
                symbol_lines.append(i)
            seen_symbol = True
        elif symbol and t.endswith(symbol):
            seen_symbol = True
        elif SEPARATOR.match(t):
            line.kind = "separator"
    _running_headers(lines, symbol_lines, numbers)
    for i, line in enumerate(lines):
        if line.kind == "body" and line.text.isdecimal() and len(line.text) <= 3 and "furniture" in (
                _neighbour(lines, i, -1), _neighbour(lines, i, 1)):
            line.kind = "furniture"  # a bare page number next to the running header
    _lone_page_numbers(lines)
    _pages(lines)
    _footnote_regions(lines)
    return lines


MAX_TITLE_LINES = 3  # a running title takes one to three printed lines beside the symbol


def _running_headers(lines: list[Line], symbol_lines: list[int], numbers: NumberGrammar) -> None:
    """Running titles: lines printed next to the repeated document symbol on at least half of
    the page breaks (through blanks and other such lines). Only those places are dropped."""
    where: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.kind == "body" and len(line.text.split()) >= 2 and not _after_bare_number(lines, i, numbers):
            where.setdefault(line.text, []).append(i)
    repeated = {i for places in where.values() if len(places) >= 2 for i in places}
    near: dict[int, int] = {}  # line index -> the symbol line (page break) it was reached from
    for s in symbol_lines:
        for step in (-1, 1):
            j = s + step
            run: list[int] = []
            while 0 <= j < len(lines) and len(run) <= MAX_TITLE_LINES:
                if lines[j].kind == "blank" or lines[j].kind == "furniture":
                    j += step
                    continue
                if j not in repeated:
                    break
                run.append(j)
                j += step
            if len(run) <= MAX_TITLE_LINES:  # more repeated lines than a title has: text printed twice
                for j in run:
                    near.setdefault(j, s)
    needed = max(2, (len(symbol_lines) + 1) // 2)
    for places in where.values():
        zoned = [i for i in places if i in near]
        if len({near[i] for i in zoned}) >= needed:  # beside that many different page breaks
            for i in zoned:
                lines[i].kind = "furniture"
    if symbol_lines:
        _titles_beside_symbols(lines, symbol_lines)


def _titles_beside_symbols(lines: list[Line], symbol_lines: list[int]) -> None:
    """A running title printed beside the symbol at fewer page breaks than the rule above needs
    (a two- or three-page document, a title on even pages only) is told by being the title
    printed on the first page: 4 words or more, found as running text (the title may be wrapped
    differently there) in the text before the first repeated symbol."""
    first = symbol_lines[0]
    head_of = {first: " ".join(" ".join(line.text.split()) for line in lines[:first] if line.kind == "body")}
    for symbol in symbol_lines:
        for step in (-1, 1):
            run: list[int] = []
            j = symbol + step
            while 0 <= j < len(lines) and lines[j].kind in ("furniture", "blank") and abs(j - symbol) < 4:
                j += step
            while 0 <= j < len(lines) and lines[j].kind == "body" and len(run) < 5:
                run.append(j)
                j += step
            if not run:
                continue
            end = min(run[0], run[-1], first)
            if end not in head_of:
                head_of[end] = " ".join(" ".join(line.text.split()) for line in lines[:end] if line.kind == "body")
            printed = " ".join(" ".join(lines[k].text.split()) for k in sorted(run))
            if len(printed.split()) >= 4 and printed in head_of[end]:
                for k in run:
                    lines[k].kind = "furniture"


def _lone_page_numbers(lines: list[Line]) -> None:
    """A bare number alone between blank lines (or at the very end) that continues the page
    numbers found next to the running header: the last page's number, printed without it."""
    pages = {int(line.text) for line in lines if line.kind == "furniture" and line.text.isdecimal()}
    if not pages:
        return
    for i, line in enumerate(lines):
        if not (line.kind == "body" and line.text.isdecimal() and len(line.text) <= 3):
            continue
        value = int(line.text)
        alone = all(not (0 <= j < len(lines)) or lines[j].kind == "blank" for j in (i - 1, i + 1))
        if alone and (value - 1 in pages or value + 1 in pages):
            line.kind = "furniture"


def _after_bare_number(lines: list[Line], i: int, numbers: NumberGrammar) -> bool:
    """The line right after a paragraph number printed alone (`2.` then `Decides …`) is the text
    of that paragraph, never a running title, however often it repeats."""
    if i == 0 or lines[i - 1].kind != "body":
        return False
    number = numbers.split(lines[i - 1].text)
    return number is not None and number.end == len(lines[i - 1].text)


def _neighbour(lines: list[Line], i: int, step: int) -> str | None:
    j = i + step
    while 0 <= j < len(lines) and lines[j].kind == "blank":
        j += step
    return lines[j].kind if 0 <= j < len(lines) else None


def _pages(lines: list[Line]) -> None:
    page, in_furniture = 0, False
    for line in lines:
        if line.kind == "furniture":
            if not in_furniture:
                page += 1
            in_furniture = True
        elif line.kind != "blank":
            in_furniture = False
        line.page = page


def _footnote_regions(lines: list[Line]) -> None:
    """Footnote definitions: after a separator line, each starting `N  text` (its wrapped lines
    follow it directly), up to the page furniture. Anything else there is text of the page."""
    inside = after_blank = False
    for line in lines:
        if line.kind == "separator":
            inside, after_blank = True, True
        elif line.kind == "furniture":
            inside = False
        elif line.kind == "blank":
            after_blank = True
        elif inside and line.kind == "body":
            if after_blank and not DEFINITION.match(line.text):
                inside = False  # not a definition where one should start: the text goes on
                continue
            line.kind = "note"
            after_blank = False


class Definition(NamedTuple):
    """A footnote definition: the page it is printed on, its marker, its text."""

    page: int
    marker: str
    text: str


def definitions(lines: list[Line]) -> list[Definition]:
    """(page, marker, text) of each footnote definition, continuation lines joined."""
    found: list[Definition] = []
    for line in lines:
        if line.kind != "note":
            continue
        m = DEFINITION.match(line.text)
        if m is not None:
            # a number as its value (`01`, full-width `１`: note 1), the star as printed
            marker = m.group(1) if m.group(1) == "*" else str(int(m.group(1)))
            if (not found or marker == "*" or not found[-1].marker.isdecimal()
                    or int(marker) == int(found[-1].marker) + 1):
                found.append(Definition(line.page, marker, m.group(2)))
                continue
        if found:
            found[-1] = found[-1]._replace(text=join_wrapped(found[-1].text, line.text))
    return found


def join_wrapped(left: str, right: str) -> str:
    """Join two printed lines: a word hyphenated at the line end stays as printed, unspaced."""
    left = left.rstrip()
    return left + right if hyphen_continues(left, right) else f"{left} {right}"


# How far back the patterns that end at a candidate marker look (`number_list`, `YEAR_BEFORE`,
# `DIGITS_BEFORE`: a few words at most). Searching only that far keeps the marker search linear
# in a line's length; lookbehinds still see the characters before the window.
LOOK_BACK = 64


def find_markers(lines: list[Line], notes: list[Definition],
                 lang: Language) -> dict[int, list[tuple[int, int, str]]]:
    """Marker positions per line index: (start, end, marker), chosen in definition order.

    A number is a candidate marker for footnote N if it reads N, sits on the page of N's
    definition or the next one or the one before, and is not part of a list of numbers, a
    symbol (`70/1`) or a decimal (`5.40`). Of the candidates after the previous marker, the
    best is taken: a number run into a word or punctuation (`basis3`, `Convention.1`) before
    one after punctuation and a space (`Crime, 5`), before one after a bare space (`from 3 to`);
    then the one on the definition's own page; then the first. A footnote with no candidate is
    left unreferenced (and reported) without holding up the ones after it.
    """
    pages: dict[str, int] = {}  # marker -> the page of its (first) definition
    for page, marker, _ in notes:
        pages.setdefault(marker, page)
    numbered = sorted(int(m) for m in pages if m.isdecimal())
    found: dict[int, list[tuple[int, int, str]]] = {}
    if "*" in pages:
        _star_marker(lines, pages["*"], found)
    if not numbered:
        return found
    candidates = _candidates(lines, {str(n) for n in numbered}, number_list(lang.number_list_words))
    first = _first_references(numbered, pages, candidates, found)
    _repeated_references(lines, first, candidates, found)
    for marks in found.values():
        marks.sort()
    return found


class Candidate(NamedTuple):
    """A number that could be a note's marker."""

    line: int  # index of the line
    start: int  # where the mark starts (spaces before the number included)
    end: int
    rank: int  # 0: run into a word or punctuation; 1: after punctuation and a space; 2: after a space;
    # 3: after a year or the previous marker and a space
    page: int
Found = dict[int, list[tuple[int, int, str]]]  # line -> (start, end, marker)


def _candidates(lines: list[Line], wanted: set[str], in_list: re.Pattern[str]) -> dict[str, list[Candidate]]:
    """Every number that could be the marker of a wanted note, by marker, in reading order."""
    candidates: dict[str, list[Candidate]] = {}
    for index, line in enumerate(lines):
        if line.kind != "body":
            continue
        text = line.text
        for m in MARKER.finditer(text):
            group = next(g for g in ("n", "spaced", "after", "year") if m.group(g))
            if (m.group("next") or m.group("after_next") or "")[:1].isupper():
                continue  # `of 5 States`: a number before a capitalised word is no spaced marker
            number = m.group(group)
            if number not in wanted or not _plausible(group, text, m.start(), int(number)):
                continue
            start = m.start(group)
            if group == "n" and in_list.search(text, max(0, start - LOOK_BACK), start):
                continue  # `paragraphs 1, 2 and 5`: a number in a list of numbers
            word_start = text.rfind(" ", 0, m.start()) + 1
            word = text[word_start:m.start()]
            if "/" in word and not CLOSED.search(word):
                continue  # part of a symbol or a resolution number: `A/C.3/80/L.1`, `70/1`; not `(A/80/1),2`
            if start >= 2 and text[start - 1] in ".,:" and text[start - 2].isdigit() and not YEAR_BEFORE.search(
                    text, max(0, start - 1 - LOOK_BACK), start - 1) \
                    and not _marker_before(text, start - 1, int(number) - 1):
                continue  # a decimal or a time: `5.40`, `10,5`, `10:30`; but `in 2021,18` is a year and a
                # marker, and `Covenants,1,2` two markers
            glued = start == m.start()  # nothing between the number and what comes before
            rank = 0 if glued and group == "n" else 1 if group in ("n", "year") else 2 if group == "spaced" else 3
            while start > 0 and text[start - 1] == " ":
                start -= 1
            candidates.setdefault(number, []).append(Candidate(index, start, m.end(group), rank, line.page))
    return candidates


def _first_references(numbered: list[int], pages: dict[str, int], candidates: dict[str, list[Candidate]],
                      found: Found) -> dict[str, Candidate]:
    """Each note's first reference, in definition order, each after the one before."""
    cursor = (-1, -1)
    first: dict[str, Candidate] = {}
    for n in numbered:
        marker = str(n)
        page = pages[marker]
        window = [c for c in candidates.get(marker, ())
                  if (c.line, c.start) > cursor and page - 1 <= c.page <= page + 1]
        if not window:
            continue
        best = min(window, key=lambda c: (c.rank, 0 if c.page == page else 1 if c.page < page else 2, c.line, c.start))
        found.setdefault(best.line, []).append((best.start, best.end, marker))
        cursor = (best.line, best.start)
        first[marker] = best
    return first


def _repeated_references(lines: list[Line], first: dict[str, Candidate], candidates: dict[str, list[Candidate]],
                         found: Found) -> None:
    """A note referenced again later (`the 2030 Agenda for Sustainable Development1` on a later
    page): the number run into a word or punctuation, after its first reference."""
    taken = {(index, start) for index, marks in found.items() for start, _, _ in marks}
    for marker, (index0, start0, _, _, page0) in first.items():
        for index, start, end, rank, page in candidates.get(marker, ()):
            if rank == 0 and (index, start) > (index0, start0) and page >= page0 and (index, start) not in taken \
                    and start and repeatable_before(lines[index].text[start - 1]):
                found.setdefault(index, []).append((start, end, marker))
                taken.add((index, start))


def _plausible(group: str, text: str, start: int, number: int) -> bool:
    """A number after a number and a space, or run into a year, is a marker only where it follows
    a year or the previous marker (`1948 44 will`, `21 22`), or a date (`25 November 20242`)."""
    if group == "after":
        return _after_year_or_marker(text, start, number)
    if group == "year":
        return MONTH_YEAR_BEFORE.search(text, max(0, start - LOOK_BACK), start) is not None
    return True


def _after_year_or_marker(text: str, end: int, number: int) -> bool:
    """A number after a number and a space is a marker only after a year (`on 11 December 1948 44
    will`) or after the previous note's marker (`the Congo, 21 22`)."""
    if YEAR_BEFORE.search(text, max(0, end - LOOK_BACK), end):
        return True
    m = NUMBER_BEFORE.search(text, max(0, end - LOOK_BACK), end)
    return bool(m and int(m.group(1)) == number - 1)


MONTH_YEAR_BEFORE = re.compile(r"[^\W\d_]+\s(?:19|20)\d\d$")  # `25 November 2024` before a glued marker: a date
NUMBER_BEFORE = re.compile(r"(?<![\d/.,])(\d{1,3})$")


def _marker_before(text: str, end: int, number: int) -> bool:
    """`…,1,2`: the digits before `end` are the previous footnote number, run into what precedes."""
    m = DIGITS_BEFORE.search(text, max(0, end - LOOK_BACK), end)
    return bool(m and int(m.group(1)) == number)


DIGITS_BEFORE = re.compile(r"(?<=[^\s\d])(\d{1,3})$")


STAR = re.compile(r"(?<=[^\s*])\*(?=\s|$)")


def _star_marker(lines: list[Line], page: int, found: dict[int, list[tuple[int, int, str]]]) -> None:
    """The `*` marker (on an agenda line, a title): the first `word*` on the note's page."""
    for index, line in enumerate(lines):
        if line.kind == "body" and page - 1 <= line.page <= page:
            m = STAR.search(line.text)
            if m:
                found.setdefault(index, []).append((m.start(), m.end(), "*"))
                return


def read_blocks(text: str, lang: Language) -> Source:
    numbers = number_grammar(lang.item_letters)
    lines = classify(text.split("\n"), numbers)
    index = FootnoteIndex()
    notes = []
    for definition in definitions(lines):
        if is_blank(definition.text):  # nothing visible (a zero-width space): no note, reported
            index.textless.append(definition.marker)
        else:
            notes.append(definition)
    footnotes: dict[str, Footnote] = {}
    for page, marker, body in notes:
        note = Footnote(marker, tidy([Text(body)]))
        footnotes.setdefault(marker, note)
        index.add(2 * page + 1, note)  # after the text of its page (text of page p sits at 2p)
    markers = find_markers(lines, notes, lang)
    ends = list_end(lang.list_end_words, lang.words_spaced)
    blocks: list[tuple[int, Block]] = []
    current: list[list[Run]] = []
    after_break = broke = False
    page = 0

    def flush() -> None:
        nonlocal current, after_break
        if current:
            blocks.append((2 * page, Block(current, after_break=after_break, wrapped=True)))
            after_break = False
        current = []

    for i, line in enumerate(lines):
        if line.kind in ("furniture", "separator", "note"):
            broke = True
            flush()
            continue
        if line.kind == "blank":
            flush()
            continue
        if broke:
            after_break, broke = True, False
        if current and (starts_item(line.text, current[-1], ends, numbers)
                        or starts_wrap_up(line.text, current, numbers)):
            flush()
        if not current:
            page = line.page
        runs = _with_markers(line.text, markers.get(i, []), footnotes, index, line.page)
        current.append(runs)
    flush()
    furniture = [line.text for line in lines if line.kind == "furniture"]
    return Source(join_continuations(index.attach_unreferenced(blocks), numbers), index, furniture)


def starts_item(text: str, previous: list[Run], ends: re.Pattern[str], numbers: NumberGrammar) -> bool:
    """A numbered item that starts on a line of its own inside a printed block."""
    number = numbers.split(text)
    if number is None or (not number.num.startswith("(") and not number.arabic):
        return False  # `(a)`, `(iv)`, `(1)` or `12.`; not a bare `a)` that could be a word
    before = plain_text(previous).rstrip()
    inline_list = numbers.inline_item.search(before)
    return bool(number.end == len(text) or (ends.search(before) and not inline_list))


def starts_wrap_up(text: str, current: list[list[Run]], numbers: NumberGrammar) -> bool:
    """Words after the last sub-item of a list, in the same printed block: a line starting in
    lower case after a line that ends the item with `;` (`… accessed;` / `with the intent …`)."""
    if not numbers.closes_a_list(text) or not current:
        return False
    first = numbers.split(plain_text(current[0]))
    return bool(first and first.num.startswith("(") and plain_text(current[-1]).rstrip().endswith(";"))


def _with_markers(text: str, marks: list[tuple[int, int, str]], footnotes: dict[str, Footnote], index: FootnoteIndex,
                  page: int) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for start, end, marker in marks:
        runs.append(Text(text[pos:start]))
        note = index.resolver(2 * page)(marker) or footnotes[marker]
        runs.append(NoteRef(marker, note))
        pos = end
    runs.append(Text(text[pos:]))
    return tidy(runs)
