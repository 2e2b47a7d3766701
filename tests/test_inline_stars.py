"""Stars in markdown-ish text: emphasis, footnote markers `*`, `**`, `***`, or plain stars."""
from __future__ import annotations

import pytest

from converter.model import Emph, Footnote, NoteRef, Text, plain_text
from converter.read.source.inline import parse_runs

NOTES = {m: object() for m in ("*", "**", "***")}


def resolve(marker):
    from converter.model import Footnote
    return Footnote(marker, [Text("note")]) if marker in NOTES else None


@pytest.mark.parametrize("text", ["a*b c***d", "a*b", "1978*? on the report", "*a **b", "x ***y"])
def test_no_letter_is_lost_to_unmatched_stars(text):
    """Stars may be markup (`a*b c*` is `a` then italic `b c`): the letters all stay, in order."""
    assert [c for c in plain_text(parse_runs(text)) if c.isalnum()] == [c for c in text if c.isalnum()]


def test_a_star_inside_the_text_that_nothing_closes_stays_a_star():
    assert plain_text(parse_runs("dated 13 September 1978*? on the report")) == "dated 13 September 1978*? on the report"


def test_a_star_opening_the_paragraph_is_its_italics_even_unclosed():
    assert isinstance(parse_runs("*Consciente également de tout")[0], Emph)


@pytest.mark.parametrize(("text", "markers"), [
    ("CHILE*, CZECHIA**, GERMANY***, INDIA**.", ["*", "**", "***", "**"]),
    ("FIJI**,GERMANY***, MEXICO*.", ["**", "***", "*"]),
])
def test_star_runs_after_a_word_are_note_markers_when_defined(text, markers):
    runs = parse_runs(text, resolve)
    assert [r.marker for r in runs if isinstance(r, NoteRef)] == markers
    assert not any(isinstance(r, Emph) for r in runs)


def test_bold_closing_stars_are_no_markers():
    runs = parse_runs("**Soixante-troisième session**", resolve)
    assert not any(isinstance(r, NoteRef) for r in runs) and plain_text(runs) == "Soixante-troisième session"


def test_a_double_star_that_nothing_closes_stays_as_printed():
    assert plain_text(parse_runs("other expe**rts to present")) == "other expe**rts to present"
    assert plain_text(parse_runs("Notes a*b c***d e")) == "Notes ab c***d e"  # `*b c*` italic, `**` kept
    assert plain_text(parse_runs("the **bold** word")) == "the bold word"  # closed: markup, no text


def test_four_star_markers_and_a_marker_standing_alone_are_notes():
    notes = {m: Footnote(m, [Text(f"note {m}")]) for m in ("**", "****")}
    runs = parse_runs("HITA (Spain),**** MORARU (Moldova),** ROSCHER (Germany) **** and SEYOUM.****", notes.get)
    assert [r.marker for r in runs if isinstance(r, NoteRef)] == ["****", "**", "****", "****"]
    assert "*" not in plain_text(runs)


def test_a_triple_star_inside_a_word_whose_italics_nothing_closes_makes_no_line_break():
    """`in***ternational … i***n`: the second `***` closes the bold run the first opened and opens
    an italic run nothing closes; no line ends inside `i***n`, its stars stay as printed (fuzz
    case S/RES/616 (1988), stray markers, seed 212218)."""
    text = "the in***ternational rules, i***n order"
    assert plain_text(parse_runs(text)) == "the international rules, i***n order"
