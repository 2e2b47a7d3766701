"""Mutations of real UN texts, and the checks every conversion of one must pass.

Shared by the fuzz test (`tests/test_fuzz.py`, a few hundred examples through hypothesis) and
the fuzz benchmark (`benchmarks/fuzz.py`, 100,000 by hand). A mutation is a pure function of a
text and a `random.Random`: the same seed gives the same input, so every failure is replayable.

The promise checked (`verdict`): the conversion either refuses the text with a documented
error (`InputError`: one line naming the problem) or gives XML that is schema- and
profile-valid, the same bytes when converted again, and in which no word of the input is lost
but the page furniture the reader reports having set aside (`Document.furniture`). Footnote
markers become `@marker` attributes, so a number missing from the text is lost only if no note
carries it as its marker; `*` are markdown emphasis (`expe**rts … o**f` is bold inside words)
or note markers, so they join what they stand between.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

from converter import convert, validate
from converter.api import InputError, normalise
from converter.lang import known_languages, language

Mutation = Callable[[str, random.Random], str]

WORD = re.compile(r"[^\W\d_]+|\d+")  # letters of any script, or digits: `resolution1` is two words
SUP_TAG = re.compile(r"</?sup>")
SUP_TAG_WHOLE = re.compile(r"<sup>[^<]*</sup>")
STARS = re.compile(r"\*{3,}")
INLINE_NOTE_LABELS = [language(code).inline_note_re for code in known_languages()]  # `(Footnote: `
SEPARATED = {"sup", "p", "num", "heading", "authorialNote", "docTitle", "item", "point", "paragraph",
             "container", "docNumber", "docDate", "docProponent", "session", "event", "location"}


def _lines(text: str) -> list[str]:
    return text.split("\n")


def truncate(text: str, rng: random.Random) -> str:
    return text[:rng.randrange(len(text) + 1)]


def delete_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    del lines[start:start + rng.randint(1, 5)]
    return "\n".join(lines)


def duplicate_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    span = lines[start:start + rng.randint(1, 8)]
    lines[start:start] = span * rng.randint(1, 3)
    return "\n".join(lines)


def shuffle_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    window = lines[start:start + rng.randint(2, 12)]
    rng.shuffle(window)
    lines[start:start + len(window)] = window
    return "\n".join(lines)


def _insert(text: str, rng: random.Random, pieces: list[str], count: int) -> str:
    chars = list(text)
    for _ in range(count):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(pieces))
    return "".join(chars)


CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 0x7F, 0x85)] + ["\u2028", "\u2029", "\ufffe"]


def control_characters(text: str, rng: random.Random) -> str:
    return _insert(text, rng, CONTROLS, rng.randint(1, 20))


def byte_order_marks(text: str, rng: random.Random) -> str:
    text = "\ufeff" + text if rng.random() < 0.5 else text
    return _insert(text, rng, ["\ufeff"], rng.randint(0, 3))


def line_ends(text: str, rng: random.Random) -> str:
    return text.replace("\n", rng.choice(["\r\n", "\r", "\r\r\n", "\n\n", "\n \n"]))


def tabs(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    for i in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 30))):
        lines[i] = "\t" * rng.randint(1, 3) + lines[i].replace(" ", "\t", rng.randint(0, 3))
    return "\n".join(lines)


def long_line(text: str, rng: random.Random) -> str:
    """A run of lines joined into one (a converter that lost the line ends), or one line repeated."""
    lines = _lines(text)
    start = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[start:start + 200] = [" ".join(lines[start:start + 200])]
    else:
        lines[start] = " ".join([lines[start]] * rng.randint(10, 200))
    return "\n".join(lines)


def deep_nesting(text: str, rng: random.Random) -> str:
    labels = ["(a)", "(i)", "a.", "(1)", "1.", "(aa)", "(iv)", "b)", "1.1", "A."]
    lines = _lines(text)
    nested = [f"{rng.choice(labels)} Nested item {depth} of the list;" for depth in range(rng.randint(10, 200))]
    at = rng.randrange(len(lines) + 1)
    lines[at:at] = [line for item in nested for line in (item, "")]
    return "\n".join(lines)


def many_notes(text: str, rng: random.Random) -> str:
    """Thousands of markers after words, and their definitions after a separator line."""
    words = text.split(" ")
    count = rng.randint(100, 3000)
    for n in range(1, count + 1):
        i = rng.randrange(len(words))
        words[i] = words[i] + str(n)
    definitions = "\n".join(f"{n} Note {n} text." for n in range(1, count + 1))
    return " ".join(words) + "\n\n__________________\n" + definitions + "\n"


def stray_markers(text: str, rng: random.Random) -> str:
    """Markers without definitions: digits, stars, daggers run into words."""
    return _insert(text, rng, ["1", "23", "*", "**", "***", "†", "‡", "<sup>4</sup>", "⁵"], rng.randint(1, 30))


CONFUSABLES = str.maketrans("aceopxyABCEHKMOPTX0123456789", "асеорхуАВСЕНКМОРТХ０１２３４５６７８９")


def confusables(text: str, rng: random.Random) -> str:
    start = rng.randrange(len(text) + 1)
    end = start + rng.randint(1, 2000)
    return text[:start] + text[start:end].translate(CONFUSABLES) + text[end:]


BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060"]


def bidi_marks(text: str, rng: random.Random) -> str:
    return _insert(text, rng, BIDI, rng.randint(1, 40))


def combining_characters(text: str, rng: random.Random) -> str:
    return _insert(text, rng, ["\u0301", "\u0308", "\u0327", "\u0651", "\u064e", "\u20dd"], rng.randint(1, 40))


def emoji(text: str, rng: random.Random) -> str:
    return _insert(text, rng, ["\U0001F600", "\U0001F1FA\U0001F1F3", "\u2764\ufe0f", "\U0001F44D\U0001F3FD", "𝐀"],
                   rng.randint(1, 20))


def unusual_spaces(text: str, rng: random.Random) -> str:
    spaces = ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2002", " " * 8]
    return re.sub(" ", lambda m: rng.choice(spaces) if rng.random() < 0.05 else " ", text)


MUTATIONS: dict[str, Mutation] = {f.__name__: f for f in (
    truncate, delete_lines, duplicate_lines, shuffle_lines, control_characters, byte_order_marks, line_ends,
    tabs, long_line, deep_nesting, many_notes, stray_markers, confusables, bidi_marks, combining_characters,
    emoji, unusual_spaces)}


def mutate(text: str, names: list[str], seed: int) -> str:
    rng = random.Random(seed)
    for name in names:
        if text:
            text = MUTATIONS[name](text, rng)
    return text


def _without_meta(tree: etree._Element, lift_notes: bool) -> list[str]:
    """The document's text, meta aside; block elements part words. With `lift_notes`, each
    note is taken out of the flow (its marker may stand inside a word: `STATE*S`) and its text
    put at the end, as is each superscript (the source's `<sup>4</sup>` is read so); else they part
    the words around them."""
    parts: list[str] = []
    notes: list[str] = []

    def walk(node: etree._Element, out: list[str]) -> None:
        local = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if local == "meta":
            out.append(" " + (node.tail or ""))
            return
        if local == "authorialNote" and lift_notes:
            notes.extend(_without_meta_of(node))
            out.append(node.tail or "")
            return
        if local == "sup" and lift_notes:  # as the source's `<sup>4</sup>` is read: out of the flow
            notes.append(" " + "".join(node.itertext()) + " ")
            out.append(node.tail or "")
            return
        if isinstance(node.tag, str):
            gap = " " if local in SEPARATED else ""
            out.append(gap + (node.text or ""))
            for child in node:
                walk(child, out)
            out.append(gap)
        out.append(node.tail or "")

    walk(tree, parts)
    return parts + notes


def _without_meta_of(note: etree._Element) -> list[str]:
    """A note's own text (a note holds no meta, nor notes of its own)."""
    return [" " + "".join(p.itertext()) + " " for p in note]


SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def words(text: str) -> Counter[str]:
    """The words of a text as a reader sees them: invisible format characters (bidi marks,
    zero-width spaces) join what they stand between, superscript digits are a number of their own."""
    text = SUPERSCRIPTS.sub(lambda m: f" {m.group().translate(SUPERSCRIPT_DIGITS)} ", text)
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return Counter(WORD.findall(visible))


def lost_words(text: str, xml: bytes, furniture: list[str]) -> Counter[str]:
    """Words of `text` missing from the XML, less the furniture set aside and note markers.
    The text is taken as the converter documents reading it (`normalise`: control characters
    dropped, form feeds and vertical tabs are line breaks). Two readings, and a word is lost
    only if it is lost under both: in one, `*` and note markers (`<sup>4</sup>`, `STATE*S`)
    join what they stand between, notes taken out of the flow; in the other, they part it, as
    do three or more `*` (two bold runs touching: a line break). The label of a note written
    inline (`(Footnote: A/76/518)`) is a marker, not a word."""
    tree = etree.fromstring(xml)
    source = normalise(text)
    for label in INLINE_NOTE_LABELS:  # the database's `(Footnote: ` is a marker, as a printed `1` is
        source = label.sub("(", source)
    furniture_words = words(" ".join(furniture))
    joined = words(_joined(SUPERSCRIPTS.sub("", SUP_TAG_WHOLE.sub("", source)))) - furniture_words - words(
        _joined("".join(_without_meta(tree, lift_notes=True))))
    parted = words(_parted(SUP_TAG.sub(" ", source))) - furniture_words - words(
        _parted("".join(_without_meta(tree, lift_notes=False))))
    lost = joined & parted
    markers = {_digits(w) for m in tree.xpath("//*[local-name()='authorialNote']/@marker") for w in WORD.findall(m)}
    return Counter({w: n for w, n in lost.items()
                    if not (_digits(w) in markers or w.strip("_") == "" or _year_and_marker(w, markers))})


def _year_and_marker(word: str, markers: set[str]) -> bool:
    """`20242`: a year with a note's marker run into it (`25 November 20242`), read as `2024` + note 2."""
    return word.isdecimal() and len(word) in (5, 6) and word[:2] in ("19", "20") and _digits(word[4:]) in markers


def _joined(text: str) -> str:
    return text.replace("*", "")


def _parted(text: str) -> str:
    return STARS.sub(" ", text).replace("*", "")


def _digits(word: str) -> str:
    """A number in any digits (`１２`, `01`) as its value: a marker printed so is note 12, note 1."""
    return str(int(word)) if word.isdecimal() else word


class Verdict(NamedTuple):
    outcome: str  # converted, refused, or the failure: internal-error, invalid, unstable, lost-words
    detail: str


def verdict(text: str) -> Verdict:
    """What converting `text` gives, checked against every promise above."""
    try:
        result = convert(text)
    except InputError as exc:
        message = str(exc)
        if "\n" in message or not message:
            return Verdict("bad-message", repr(message))
        return Verdict("refused", message)
    except Exception as exc:
        return Verdict("internal-error", f"{type(exc).__name__}: {exc}")
    problems = validate(result.xml, profile="akn4un")
    if problems:
        return Verdict("invalid", str(problems[0]))
    if convert(text).xml != result.xml:
        return Verdict("unstable", "a second conversion gave other bytes")
    lost = lost_words(text, result.xml, result.document.furniture)
    if lost:
        return Verdict("lost-words", " ".join(f"{w}×{n}" for w, n in sorted(lost.items())[:12]))
    return Verdict("converted", "")
