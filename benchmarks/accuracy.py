"""Accuracy: how well the converter reads real UN texts in bulk, against the texts and the UN's own AKN.

Run by hand (not in CI; `tests/test_accuracy.py` checks the counters on real files counted by hand):

    python benchmarks/accuracy.py --jobs 2 [--corpus ga-text] [--json FILE] [--disagreements FILE.tsv]

It reads `../shared/corpus-mass/` (`ga-text/`: PDF text of GA resolutions and drafts, `ga-decisions/`:
GA decisions from the UN database, `sc/`: Security Council resolutions 1946-2002) and, for the
ga-text resolutions, the UN's AKN of the same documents (`../shared/un-akn/ga-resolutions-78-80-english/`,
same base name). Each text is converted as it is (`convert(text)`: no `--number`, no `--date`), and
for each corpus it prints:

1. the share converted, the refusals grouped by message (count, a few file names), crashes;
2. the FRBR work IRIs (`FRBRWork/FRBRthis/@value`) given to more than one document, and the groups;
3. footnotes: the definitions in the source, how many became a note (`authorialNote`), and how
   many of our notes sit at their marker in the source;
4. the documents losing words, page furniture aside (`tests/mutations.py`'s `lost_words`);
5. for the ga-text / UN AKN pairs, agreement on five fields, on all five, and the disagreements
   by cause; `--disagreements FILE` writes each (file, field, ours, UN's, the source's own count,
   what differs, explain) as TSV. `--json FILE` keeps every figure.

Footnote definitions in the source (`pdf_definitions`, `decision_definitions`, `sc_definitions`):
- ga-text (PDF text): a footnote block is the lines after a separator line (`____`) up to the end
  of the page, which this extraction marks with an empty line (blank lines inside a page hold a
  space: each of the 2,309 separators is followed by an empty line within 50 lines). A definition
  is a line of the block after a blank line (or the separator) starting with a number and spaces
  (`12  Official Records …`) or with stars (`* Reissued …`), each star once. Definitions run
  1, 2, 3 … through a document, annexes included, so a number counts only if it is the one after
  the last counted. Both rules keep out a definition's continuation lines, which start with numbers
  too (`3 – 14 June 1992, …` in A/RES/79/200; `26 August–4 September 2002`): of 6,378 numbers
  in sequence, only that one follows a line of text.
- ga-decisions: star definitions after a separator line, up to the next blank line (each block
  counts: parts A and B each define their `*`), and every inline `(footnote: …)`/`(Footnote: …)` (4 have no colon: `(footnote A/76/405)`),
  read to its own closing parenthesis (`(Footnote: A/76/518, para. 4 (a).)`).
- sc: numbered lines starting with a capital after the last `Adopted …` line (with none, in the
  last paragraph), not a date (`15 June 1985,`): the numbers are the printed volume's, running on
  across resolutions, so the first is taken as it is and each next must follow it.

A definition is *found* when one of our notes has its marker (numbered and starred ones) and a text
starting like it (the first 24 letters and digits of its first line); inline ones, having no marker,
by text alone.

A note is *placed at its marker* when the 12 non-space characters before it in our XML (notes' own
text left out, the markers of the notes before it kept, across element boundaries) appear in the
source directly followed by its marker: the digits, not followed by another digit (`Convention),1`,
`2015 12`, `2024,4`), the stars, not followed by another star (`AUSTRIA,***`), or `(footnote:`.
Whitespace is removed from both sides, so line breaks and a word hyphenated over a line end do not
matter, and so are the source's footnote blocks and the page furniture the converter set aside, so
that a sentence running over a page break reads on (`Conventional Ammunition` / footnotes / page
header / `Management, 4` in A/C.1/80/L.49). Digits at the start of a line followed by `.` are the
next paragraph's number, not a marker (`… youth group activities;` / page break / `2.`). A note with
no text before it is not placed. Checked on ga-text (2026-12-02): the 402 notes not placed are
exactly those the converter itself reports as referenced nowhere (`footnote-unreferenced`: kept at
the end of the paragraph), and no placed note is one of them. Its limit: a note after the same 12
characters as another (`Paris Agreement,12` … `Paris Agreement, 13` in A/RES/78/152) can take its place
unseen; given each note the marker of the next, 2% of notes would still pass.

The five fields of a UN pair, read the same way on both sides (`fields`, `paragraphs`):
- kind: `/akomaNtoso/*/@name`. Ours are AKN4UN names (`resolution`, `resolutionDraft`,
  `decision`); the UN's are mapped to them (`draft resolution` and `draftResolution` to
  `resolutionDraft`, `draft decision` to `decisionDraft`); here all 441 UN files say `resolution`.
- preamble: the `container` children of `preamble` (outside attachments), less the formula, less
  headings: ours are `container[@name='heading']`, the UN's have an empty `@name` (A/RES/78/148:
  four bold headings, "Transport and transit corridors" …); the UN's `p` children (`* * *`) are no
  paragraphs either.
- operative: `paragraph` elements of `mainBody` (outside attachments, at any depth of `part`,
  `section`, `container`, but not inside another `paragraph`) whose `num` is an arabic number
  (`1.`). Ours nest sub-items as `point`s; the UN sometimes writes them as flat `paragraph`s
  numbered `(a)`, which this leaves out, as it leaves out the UN's headings (no `num`, or `I.`).
- notes: `authorialNote` elements, the whole document. Where the source prints a marker again at a
  later reference to the same footnote, the UN writes `<sup>2</sup>` and we write the note again:
  the figure "counted once" counts such a pair as agreeing.
- annexes: ours, `attachment` elements; the UN puts every annex in one `attachment`, so its count
  is the paragraphs there whose whole text is `Annex`, `Annex I` … (heading, subheading or bold
  text: A/RES/78/128 has three), or the number of attachments when there is none.

The `source` column is counted from the PDF text, independently of both: numbered lines (`12.`)
before the first `Annex` line, footnote definitions (as above), `Annex` lines. A hint for who is
right, not a gold; on the 434 pairs where ours and the UN's agree on the operative count, it agrees
too. The `what differs` column lists the paragraphs only one side has (paired by their first 30
letters and digits) and where the other side has them: inside one of its paragraphs (a split or a
merge), as a block elsewhere (mainBody, annex), or nowhere (a heading, a marker left in the text).
The `explain` column gives the cause that follows from that, the source's hint, or, where reading
the files settled it, the finding (`KNOWN_UN_DIFFERENCES`): what the UN's files get wrong or count
differently, with the evidence.

What the UN's files get wrong or count differently, read in the 32 documents disagreeing on
2026-12-02 (5 we refused; 21 others are ours alone: paragraphs split over a page break or merged,
headings and running titles taken for preambular paragraphs, annexes missed; A/RES/80/242 is ours
and a counting difference; the 5 below):
- a later reference to a footnote: the UN writes `<sup>2</sup>`, we write the note again
  (A/RES/78/11, 79/257, 80/242): the same footnotes, counted differently;
- A/RES/78/127: the last preambular paragraph is an unnumbered `paragraph` of the UN's mainBody;
- A/RES/78/128: footnotes 16-19 (annex III) are missing from the UN's file;
- A/RES/80/173: the UN's outcome document has its last preambular paragraph in a mainBody.
And, not errors but ways to read: all annexes in one `attachment`; preamble headings as
containers with an empty `@name`; a `@name` holding markup (A/RES/78/34: `<a href=…>53</a>`).
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from mutations import lost_words  # noqa: E402

from converter import convert  # noqa: E402
from converter.api import InputError, normalise  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = {name: SHARED / "corpus-mass" / name for name in ("ga-text", "ga-decisions", "sc")}
UN_AKN = SHARED / "un-akn" / "ga-resolutions-78-80-english"
FIELDS = ("kind", "preamble", "operative", "notes", "annexes")
UN_KINDS = {"draft resolution": "resolutionDraft", "draftResolution": "resolutionDraft",
            "draft decision": "decisionDraft", "draftDecision": "decisionDraft"}


class Definition(NamedTuple):
    marker: str | None  # "12", "*", or None (an inline "(footnote: …)")
    text: str  # its first line


# ---------------------------------------------------------------- footnote definitions in the source

SEPARATOR = re.compile(r"\s*_{3,}\s*")
NUMBERED = re.compile(r"\s*(\d{1,3})\s+(\S.*)")
STARRED = re.compile(r"\s*(\*{1,3})\s+(\S.*)")
INLINE = re.compile(r"\((?:footnote|Footnote|FOOTNOTE)(?:\s*:\s*|\s+)")
ADOPTED = re.compile(r"\s*Adopted\b")
SC_NOTE = re.compile(r"(\d{1,3})/? ((?!\(\d)[A-Z“\"(].*)")  # `18 Ibid.`, `1/ S/24476`; not `687 (1991) and`
MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _blocks(lines: list[str], page_end: bool) -> Iterator[range]:
    """Where the lines after each separator line are, up to the end of the page (`page_end`: the
    first empty line, PDF text) or to the first blank line (database text), or the next separator."""
    for i, line in enumerate(lines):
        if not SEPARATOR.fullmatch(line):
            continue
        end = i + 1
        while end < len(lines) and not SEPARATOR.fullmatch(lines[end]) and not (
                lines[end] == "" if page_end else not lines[end].strip() and end > i + 1):
            end += 1
        yield range(i + 1, end)


def pdf_definitions(text: str) -> list[Definition]:
    """The footnote definitions of a PDF text: numbered ones in sequence, and star ones, each once."""
    found: list[Definition] = []
    last, stars = 0, set()
    lines = normalise(text).split("\n")
    for block in _blocks(lines, page_end=True):
        for previous, line in zip(["", *(lines[i] for i in block)], (lines[i] for i in block), strict=False):
            if previous.strip():  # a continuation line (`3 – 14 June 1992, …`)
                continue
            if (m := NUMBERED.fullmatch(line)) and int(m.group(1)) == last + 1:
                last += 1
                found.append(Definition(str(last), m.group(2)))
            elif (m := STARRED.fullmatch(line)) and m.group(1) not in stars:
                stars.add(m.group(1))
                found.append(Definition(m.group(1), m.group(2)))
    return found


def _parenthesised(text: str, start: int) -> str:
    """The text from `start` to the parenthesis that closes the one opened just before it."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i]
    return text[start:]


def decision_definitions(text: str) -> list[Definition]:
    """Star definitions after separator lines (each block on its own) and inline `(footnote: …)`."""
    text = normalise(text)
    lines = text.split("\n")
    found = [Definition(m.group(1), m.group(2)) for block in _blocks(lines, page_end=False)
             for i in block if (m := STARRED.fullmatch(lines[i]))]
    found += [Definition(None, _parenthesised(text, m.end())) for m in INLINE.finditer(text)]
    return found


def sc_definitions(text: str) -> list[Definition]:
    """Numbered lines after the last adoption line (or, with none, in the last paragraph), in
    sequence from the first; a date (`15 June 1985,`) is no definition."""
    lines = normalise(text).rstrip().split("\n")
    adopted = [i for i, line in enumerate(lines) if ADOPTED.match(line)]
    blank = [i for i, line in enumerate(lines) if not line.strip()]
    tail = lines[adopted[-1] + 1:] if adopted else lines[blank[-1] + 1:] if blank else []
    found: list[Definition] = []
    for line in tail:
        m = SC_NOTE.fullmatch(line.strip())
        if m and not MONTH.match(m.group(2)) and (not found or int(m.group(1)) == int(found[-1].marker or 0) + 1):
            found.append(Definition(m.group(1), m.group(2)))
    return found


DEFINITIONS = {"ga-text": pdf_definitions, "ga-decisions": decision_definitions, "sc": sc_definitions}


# ---------------------------------------------------------------- our notes

def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


class Note(NamedTuple):
    marker: str
    text: str
    before: str  # the text before it in the document, whitespace removed (its last characters)


def notes(tree: etree._Element, keep: int = 40) -> list[Note]:
    """Our notes in document order, each with the non-space text before it: notes' own text left
    out, their markers in (as the source prints them: `AUSTRIA,***BAHRAIN,` before BAHRAIN's note)."""
    found: list[Note] = []
    squeezed: list[str] = []

    def add(text: str | None) -> None:
        if text:
            squeezed.append("".join(text.split()))

    def walk(node: etree._Element) -> None:
        local = _local(node)
        if local == "authorialNote":
            before = "".join(squeezed)[-keep:]
            squeezed[:] = [before]
            marker = node.get("marker") or ""
            found.append(Note(marker, " ".join("".join(node.itertext()).split()), before))
            squeezed.append("".join(marker.split()))  # as the source prints it, for the next note's anchor
        elif local != "meta":
            add(node.text)
            for child in node:
                walk(child)
        add(node.tail)

    walk(tree)
    return found


class Source(NamedTuple):
    """A source text with whitespace removed, and where each kept character was in the text."""
    squeezed: str
    text: str
    at: list[int]


def squeeze(text: str, furniture: Sequence[str] = (), page_end: bool = True) -> Source:
    """The text as `placed` compares it: without the page furniture the converter set aside and the
    footnote blocks, so that a sentence running over a page break (`Conventional Ammunition` /
    footnotes / `A/C.1/80/L.49` / `Management,4`) reads on; whitespace removed."""
    lines = normalise(text).split("\n")
    dropped = {i for block in _blocks(lines, page_end) for i in range(block.start - 1, block.stop)}
    aside = {line.strip() for line in furniture}
    kept = "\n".join(line for i, line in enumerate(lines) if i not in dropped and line.strip() not in aside)
    at = [i for i, c in enumerate(kept) if not c.isspace()]
    return Source("".join(kept[i] for i in at), kept, at)


def placed(note: Note, source: Source, anchor: int = 12) -> bool:
    """The note's last `anchor` characters before it occur in the source directly followed by its
    marker (digits not followed by a digit, stars not followed by a star) or `(footnote:`. Digits
    that start a line and are followed by `.` are the next paragraph's number, not a marker (`…
    youth group activities;` / footnotes / `2.` over a page break)."""
    before = note.before[-anchor:]
    if not before:
        return False
    markers = [note.marker] if note.marker else []
    if any(_marker_at(source, start + len(before), marker)
           for marker in markers for start in _finds(source.squeezed, before + marker)):
        return True
    return any(_INLINE_AT.match(source.squeezed, start + len(before))
               for start in _finds(source.squeezed, before + "("))


_INLINE_AT = re.compile(r"\((?:footnote|Footnote|FOOTNOTE)")


def _finds(text: str, probe: str) -> Iterator[int]:
    start = text.find(probe)
    while start >= 0:
        yield start
        start = text.find(probe, start + 1)


def _marker_at(source: Source, at: int, marker: str) -> bool:
    """Whether `marker`, found at squeezed position `at`, stands there whole and as a marker."""
    first, last = source.at[at], source.at[at + len(marker) - 1]
    after = source.text[last + 1:last + 2]
    if marker.isdigit():
        line_start = source.text.rfind("\n", 0, first) + 1
        numbering = not source.text[line_start:first].strip() and after == "."
        return not after.isdigit() and not numbering
    return not (marker.startswith("*") and after == "*")


DEFINITION_KINDS = ("numbered", "starred", "inline")


def definition_kind(definition: Definition) -> str:
    if definition.marker is None:
        return "inline"
    return "starred" if definition.marker.startswith("*") else "numbered"


def found_definitions(definitions: list[Definition], ours: list[Note]) -> int:
    """How many definitions one of our notes carries: same marker (when it has one), same start."""
    by_marker: dict[str, list[str]] = defaultdict(list)
    for note in ours:
        by_marker[note.marker].append(_alnum(note.text))
    every = [text for texts in by_marker.values() for text in texts]
    count = 0
    for definition in definitions:
        key = _alnum(definition.text)[:24]
        pool = by_marker.get(definition.marker, []) if definition.marker else every
        count += any(text.startswith(key) for text in pool)
    return count


# ---------------------------------------------------------------- the five fields of a UN pair

ANNEX_LINE = re.compile(r"Annex(?:es)?(?:\s+[IVXLC]+|\s+\d+)?")
ARABIC = re.compile(r"\d+[.,]?")  # `7,`: `7.` as a scan misread it, kept as printed


def _words(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def _text(node: etree._Element) -> str:
    """The node's words, its notes' text and its number left out (a paragraph as it reads)."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if _local(element) not in ("authorialNote", "num"):
            parts.append(element.text or "")
            for child in element:
                walk(child)
        parts.append(element.tail or "")

    parts.append(node.text or "")
    for child in node:
        walk(child)
    return " ".join("".join(parts).split())


def _outside_attachments(tree: etree._Element, local: str) -> list[etree._Element]:
    return [n for n in tree.iter(f"{{*}}{local}")
            if not any(_local(a) in ("attachment", "attachments") for a in n.iterancestors())]


def _preambular(container: etree._Element, ours: bool) -> bool:
    name = (container.get("name") or "").strip()
    return name != "heading" if ours else bool(name)


def _operative(paragraph: etree._Element) -> bool:
    num = paragraph.find("{*}num")
    nested = any(_local(a) == "paragraph" for a in paragraph.iterancestors())
    return num is not None and not nested and bool(ARABIC.fullmatch(_words(num)))


def paragraphs(tree: etree._Element, ours: bool) -> dict[str, list[str]]:
    """The preambular and the numbered operative paragraphs (their text) and the note markers of
    an AKN document, ours or the UN's, read as the module's docstring says."""
    preamble = [_text(c) for p in _outside_attachments(tree, "preamble")
                for c in p if _local(c) == "container" and _preambular(c, ours)]
    operative = [_text(p) for body in _outside_attachments(tree, "mainBody")
                 for p in body.iter("{*}paragraph") if _operative(p)]
    return {"preamble": preamble, "operative": operative,
            "notes": [n.get("marker") or "" for n in tree.iter("{*}authorialNote")]}


def fields(tree: etree._Element, ours: bool) -> dict[str, str | int]:
    """kind, preamble, operative, notes and annexes of an AKN document (ours or the UN's)."""
    document = next(child for child in tree if isinstance(child.tag, str))
    kind = document.get("name") or ""
    attachments = list(tree.iter("{*}attachment"))
    if ours:
        annexes = len(attachments)
    else:
        kind = UN_KINDS.get(kind, kind)
        headings = [p for a in tree.iter("{*}attachments") for p in a.iter("{*}paragraph")
                    if ANNEX_LINE.fullmatch(_words(p))]
        annexes = len(headings) or len(attachments)
    counts = {field: len(items) for field, items in paragraphs(tree, ours).items()}
    return {"kind": kind, **counts, "annexes": annexes}


def _key(text: str) -> str:
    return _alnum(text).lower()[:30]


def blocks(tree: etree._Element) -> list[tuple[str, str]]:
    """Every text block of a document (`p`, `heading`, `subheading`), where it is (`preamble`,
    `mainBody`, `annex`, `preface`, `conclusions` …) and its text, notes left out: where to look
    for a paragraph the other side has."""
    found = []
    for node in tree.iter("{*}p", "{*}heading", "{*}subheading"):
        places = [_local(a) for a in node.iterancestors()]
        if "authorialNote" in places or "meta" in places:
            continue
        where = "annex" if "attachment" in places else next(
            (p for p in places if p in ("preamble", "mainBody", "preface", "coverPage", "conclusions")), "elsewhere")
        found.append((where, _text(node)))
    return found


class Found(NamedTuple):
    how: str  # "inside" another block, "block" of its own, or "nowhere"
    where: str  # preamble, mainBody, annex …
    block: str  # the block's text ("" when nowhere)


def locate(text: str, other: list[tuple[str, str]], near: str) -> Found:
    """Where the other side has this paragraph: inside a block (one side split what the other
    kept whole, or merged two), as a block of its own, or nowhere; blocks in `near` (where this
    side has it) looked at first. A heading-like text (short, no final punctuation) is looked for
    as a block first, other text inside blocks first."""
    key = _alnum(text).lower()[:50]  # 50: fewer chance meetings than the 30 that pair paragraphs
    ordered = sorted(other, key=lambda block: block[0] != near)
    start = next((Found("block", where, block) for where, block in ordered
                  if key and _alnum(block).lower().startswith(key)), None)
    inside = next((Found("inside", where, block) for where, block in ordered
                   if key and _alnum(block).lower().find(key) > 0), None)
    found = (start or inside) if _heading_like(text) else (inside or start)
    return found or Found("nowhere", "", "")


def _heading_like(text: str) -> bool:
    return len(text) < 100 and not re.search(r"[,;:.]$", text)


def reason(side: str, text: str, found: Found, near: str) -> str:
    """The likely cause of a paragraph only one side counts, from where the other side has it."""
    if side == "ours" and _heading_like(text):  # before "inside": a running title is a title quoted in paragraphs
        return "ours counts a heading or running title as a paragraph"
    if found.how == "inside":
        return "ours split a paragraph the UN keeps whole" if side == "ours" else "ours merged two paragraphs"
    if found.how == "block" and found.where == "annex" and side == "ours":
        return "ours missed an annex: its paragraphs counted here"
    if found.how == "block" and found.where != near:
        return f"placed differently (the {'UN' if side == 'ours' else 'ours'}: in {found.where})"
    return "the text differs (a marker left in the text?)" if found.how == "nowhere" else "counted differently"


def one_sided(ours: list[str], un: list[str], where: tuple[list, list], near: str, shown: int = 3) -> tuple[str, str]:
    """The paragraphs only one side has (paired by their first 30 letters and digits), a few of
    each with where the other side has them (`where`: the `blocks` of ours and the UN's), and the
    likely causes."""
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in ours], [_key(t) for t in un], autojunk=False)
    only = {"ours": [], "UN": []}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            only["ours"] += ours[i1:i2]
            only["UN"] += un[j1:j2]
    parts, reasons = [], []
    for side, items in only.items():
        located = [(t, locate(t, where[side == "ours"], near)) for t in items]
        reasons += [reason(side, t, found, near) for t, found in located]
        shown_items = [f"«{t[:50]}» ({'UN' if side == 'ours' else 'ours'}: {found.how} {found.where}"
                       + (f" «{found.block[:30]}…»" if found.how == "inside" else "") + ")"
                       for t, found in located[:shown]]
        if items:
            parts.append(f"{side} only ({len(items)}): " + " | ".join(shown_items))
    return "; ".join(parts), "; ".join(dict.fromkeys(reasons))


def note_difference(ours: list[str], un: list[str]) -> tuple[str, str]:
    """Same notes but repeated (ours writes a note again at each later reference to it; the UN
    writes a later reference as `<sup>n</sup>`), or the markers only one side has."""
    if set(ours) == set(un):
        again = sorted({m for m in ours if ours.count(m) > un.count(m)}, key=lambda m: (len(m), m))
        if not again:
            return "", ""
        return (f"same notes; ours repeats {', '.join(again)} at a later reference",
                "counted differently: the source prints a marker again at a later reference to the same "
                "footnote; the UN writes it <sup>n</sup>, ours writes the note again")
    only = [(side, sorted(a - b, key=lambda m: (len(m), m))) for side, a, b in
            (("ours", set(ours), set(un)), ("UN", set(un), set(ours)))]
    return "; ".join(f"markers {side} only: {', '.join(items)}" for side, items in only if items), ""


def differences(tree: etree._Element, un: etree._Element) -> dict[str, tuple[str, str]]:
    """What differs, field by field, as a person would check it (the paragraphs or notes one side
    has), and the likely cause."""
    a, b = paragraphs(tree, ours=True), paragraphs(un, ours=False)
    where = (blocks(tree), blocks(un))
    found = {field: one_sided(a[field], b[field], where, "preamble" if field == "preamble" else "mainBody")
             for field in ("preamble", "operative") if len(a[field]) != len(b[field])}
    found["notes"] = note_difference(a["notes"], b["notes"])
    return {field: pair for field, pair in found.items() if pair[0]}


NUMBER_LINE = re.compile(r"\s*(\d{1,3})\.(?:\s.*)?")
ANNEX_TEXT_LINE = re.compile(r"\s*Annex(?:\s+[IVXLC]+)?\s*")


def source_fields(text: str) -> dict[str, str | int]:
    """What the PDF text itself says, counted independently of both: numbered lines (`12.`) before
    the first `Annex` line, footnote definitions, `Annex` lines."""
    lines = normalise(text).split("\n")
    annex_at = [i for i, line in enumerate(lines) if ANNEX_TEXT_LINE.fullmatch(line)]
    body = lines[:annex_at[0]] if annex_at else lines
    numbers = [line for line in body if NUMBER_LINE.fullmatch(line)]
    return {"operative": len(numbers), "notes": len(pdf_definitions(text)), "annexes": len(annex_at)}


def un_tree(path: Path) -> etree._Element | None:
    pair = UN_AKN / (path.stem + ".xml")
    if not pair.is_file():
        return None
    return etree.parse(str(pair), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


# ---------------------------------------------------------------- one document

def measure(job: tuple[str, str]) -> dict:
    """Every figure of one document (in a worker): outcome, IRI, footnotes, lost words, UN pair."""
    corpus, name = job
    path = Path(name)
    text = path.read_bytes().decode("utf-8")
    record: dict = {"corpus": corpus, "file": path.name, "outcome": "converted"}
    un = un_tree(path) if corpus == "ga-text" else None
    try:
        result = convert(text)
    except Exception as exc:  # a crash is a finding, not the end of the run
        record.update(outcome="refused" if isinstance(exc, InputError) else "crashed",
                      message=str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}")
        if un is not None:
            record["pair"] = {"ours": dict.fromkeys(FIELDS, record["outcome"]), "un": fields(un, ours=False),
                              "source": source_fields(text), "differences": {}}
        return record
    tree = etree.fromstring(result.xml)
    ours = notes(tree)
    source = squeeze(text, result.document.furniture, page_end=corpus == "ga-text")
    definitions = DEFINITIONS[corpus](text)
    unplaced = [n for n in ours if not placed(n, source)]
    by_kind = {kind: [d for d in definitions if definition_kind(d) == kind] for kind in DEFINITION_KINDS}
    record.update(iri=tree.xpath("string(//*[local-name()='FRBRWork']/*[local-name()='FRBRthis']/@value)"),
                  definitions=len(definitions), found=found_definitions(definitions, ours), notes=len(ours),
                  by_kind={kind: [len(ds), found_definitions(ds, ours)] for kind, ds in by_kind.items() if ds},
                  placed=len(ours) - len(unplaced), lost=dict(lost_words(text, result.xml, result.document.furniture)),
                  unplaced=[f"{n.marker} after {n.before[-12:]}" for n in unplaced[:3]],
                  unfound=[f"{d.marker or '(footnote)'} {d.text[:40]}" for d in definitions
                           if not found_definitions([d], ours)][:3])
    if un is not None:
        record["pair"] = {"ours": fields(tree, ours=True), "un": fields(un, ours=False), "source": source_fields(text),
                          "differences": differences(tree, un)}
    return record


# ---------------------------------------------------------------- figures and report

def _some(files: list[str], count: int = 4) -> str:
    return ", ".join(files[:count]) + (f" … (+{len(files) - count})" if len(files) > count else "")


def _share(part: int, whole: int) -> str:
    return f"{part:,}/{whole:,} ({100 * part / whole:.1f}%)" if whole else f"{part:,}/0"


def conversion_figures(records: list[dict]) -> dict:
    refusals: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r["outcome"] != "converted":
            refusals[f"{r['outcome']}: {r['message']}"].append(r["file"])
    groups: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r["outcome"] == "converted":
            groups[r["iri"]].append(r["file"])
    shared = {iri: files for iri, files in groups.items() if len(files) > 1}
    return {"documents": len(records), "converted": sum(r["outcome"] == "converted" for r in records),
            "refusals": dict(sorted(refusals.items(), key=lambda kv: -len(kv[1]))),
            "shared_iris": len(shared), "documents_sharing": sum(map(len, shared.values())),
            "iri_groups": dict(sorted(shared.items(), key=lambda kv: -len(kv[1])))}


def note_figures(records: list[dict]) -> dict:
    done = [r for r in records if r["outcome"] == "converted"]
    losing = {r["file"]: r["lost"] for r in done if r["lost"]}
    by_kind = {kind: [sum(r["by_kind"].get(kind, (0, 0))[i] for r in done) for i in (0, 1)]
               for kind in DEFINITION_KINDS}
    return {key: sum(r[key] for r in done) for key in ("definitions", "found", "notes", "placed")} | {
        "definitions_by_kind": {kind: {"definitions": n, "found": f} for kind, (n, f) in by_kind.items() if n},
        "documents_missing_notes": sorted(r["file"] for r in done if r["found"] < r["definitions"]),
        "documents_unplaced": sorted(r["file"] for r in done if r["placed"] < r["notes"]),
        "documents_losing_words": len(losing), "losing_words": dict(sorted(losing.items()))}


def pair_figures(records: list[dict]) -> tuple[dict, list[list[str]]]:
    """Agreement of the UN pairs per field and on all five; a row per disagreement."""
    pairs = [r for r in records if "pair" in r]
    rows = []
    agree = Counter()
    for r in pairs:
        ours, un, source, differs = (r["pair"][k] for k in ("ours", "un", "source", "differences"))
        wrong = [f for f in FIELDS if ours[f] != un[f]]
        agree.update(f for f in FIELDS if f not in wrong)
        agree["all"] += not wrong
        agree["notes_counted_once"] += "notes" not in wrong or differs.get("notes", ("",))[0].startswith("same notes")
        rows += [[r["file"], f, str(ours[f]), str(un[f]), str(source.get(f, "")), differs.get(f, ("", ""))[0],
                  explain(r["file"], f, ours, un, source, differs.get(f, ("", ""))[1])] for f in wrong]
    return {"pairs": len(pairs), "agree": {k: agree[k] for k in ("all", *FIELDS, "notes_counted_once")}}, rows


# What reading the source text and both files showed, for the disagreements that reading settled
# (who is right). The UN's own slips are marked "UN:"; the rest are ours to fix.
KNOWN_UN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("A_RES_78_127.txt", "preamble"):
        "UN wrong: the last preambular paragraph («Aiming to further strengthen links…»: italic participle, ends "
        "with a comma, printed before operative 1) is an unnumbered paragraph (para_11) in the UN's mainBody",
    ("A_RES_78_128.txt", "notes"):
        "UN wrong: footnotes 16-19 (annex III, rules of procedure) are missing from the UN's file; the source "
        "defines them (its lines 1728-1807) and marks them (`other entities16` in the heading of rule 61)",
    ("A_RES_80_173.txt", "preamble"):
        "one each: the UN puts «Building on the 20-year review report…», the outcome document's last preambular "
        "paragraph, in its second mainBody as an unnumbered paragraph (para_11); ours counts the heading "
        "«Introduction» as a preambular paragraph",
}


def explain(file: str, field: str, ours: dict, un: dict, source: dict, cause: str = "") -> str:
    """Why a pair disagrees: what reading the files found (`KNOWN_UN_DIFFERENCES`), else the
    likely cause from where the other side has the paragraphs, else which side the source text's
    own count (a hint) agrees with."""
    if (file, field) in KNOWN_UN_DIFFERENCES:
        return KNOWN_UN_DIFFERENCES[(file, field)]
    if ours[field] in ("refused", "crashed"):
        return f"we {ours[field]} the text"
    hint = source.get(field)
    if hint is None or hint == "":
        return cause
    side = "ours" if hint == ours[field] else "the UN's" if hint == un[field] else "neither"
    return "; ".join(filter(None, [cause, f"the source's count agrees with {side}"]))


def print_conversion(conv: dict) -> None:
    print(f"  converted {_share(conv['converted'], conv['documents'])}")
    for message, files in conv["refusals"].items():
        print(f"  {len(files):4} {message}: {_some(files, 3)}")
    print(f"  FRBR work IRIs shared: {conv['shared_iris']:,} IRIs, given to {conv['documents_sharing']:,} documents")
    for iri, files in list(conv["iri_groups"].items())[:5]:
        print(f"    {len(files):4} {iri}: {_some(files, 3)}")


def print_notes(foot: dict, records: list[dict], converted: int) -> None:
    missing, unplaced = foot["documents_missing_notes"], foot["documents_unplaced"]
    print(f"  footnote definitions in the source found as notes: {_share(foot['found'], foot['definitions'])}; "
          f"{len(missing):,} documents missing some: {_some(missing)}")
    print("    by kind: " + ", ".join(f"{kind} {_share(v['found'], v['definitions'])}"
                                   for kind, v in foot["definitions_by_kind"].items()))
    for r in [r for r in records if r.get("unfound")][:3]:
        print(f"    not found in {r['file']}: " + "; ".join(r["unfound"]))
    print(f"  our notes placed at their marker: {_share(foot['placed'], foot['notes'])}; "
          f"{len(unplaced):,} documents with a note elsewhere: {_some(unplaced)}")
    for r in [r for r in records if r.get("unplaced")][:3]:
        print(f"    not at its marker in {r['file']}: " + "; ".join(r["unplaced"]))
    print(f"  documents losing words: {_share(foot['documents_losing_words'], converted)}")
    for file, lost in list(foot["losing_words"].items())[:5]:
        print(f"    {file}: " + " ".join(f"{w}×{n}" for w, n in sorted(lost.items())[:10]))


def print_pairs(pairs: dict, rows: list[list[str]]) -> None:
    count = pairs["pairs"]
    print(f"  UN AKN pairs: {count:,}; agreeing on all five fields {_share(pairs['agree']['all'], count)}")
    print("    " + ", ".join(f"{f} {100 * pairs['agree'][f] / count:.1f}%" for f in FIELDS)
          + f"; notes, a note repeated at a later reference counted once: "
            f"{100 * pairs['agree']['notes_counted_once'] / count:.1f}%")
    print("    disagreements by field and cause (--disagreements FILE lists them):")
    for (field, why), n in Counter((row[1], row[6]) for row in rows).most_common(15):
        print(f"    {n:4} {field}: {why or '(no hint)'}")


def report(corpus: str, records: list[dict]) -> dict:
    """Print one corpus's figures; return them."""
    conv, foot = conversion_figures(records), note_figures(records)
    print(f"\n{corpus}: {conv['documents']:,} documents")
    print_conversion(conv)
    print_notes(foot, records, conv["converted"])
    figures = {**conv, **foot}
    pairs, rows = pair_figures(records)
    if pairs["pairs"]:
        print_pairs(pairs, rows)
        figures["un_pairs"] = pairs
    figures["disagreements"] = rows
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append", help="run this corpus (repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--disagreements", type=Path, help="write the UN-pair disagreements to this TSV file")
    args = parser.parse_args()
    names = args.corpus or sorted(CORPORA)
    jobs = [(name, str(p)) for name in names if CORPORA[name].is_dir() for p in sorted(CORPORA[name].glob("*.txt"))]
    if not jobs:
        sys.exit("no input texts found (../shared/corpus-mass is absent?)")
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        records = list(pool.map(measure, jobs, chunksize=8))
    print(f"{len(records):,} documents in {time.perf_counter() - started:.0f} s ({args.jobs} jobs)")
    figures = {name: report(name, [r for r in records if r["corpus"] == name]) for name in names}
    if args.disagreements:
        with args.disagreements.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n")
            writer.writerow(["file", "field", "ours", "un", "source", "what differs", "explain"])
            writer.writerows(row for f in figures.values() for row in f["disagreements"])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
