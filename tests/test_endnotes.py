"""Footnotes at the end of a text with no separator, markers plain numbers (the Security
Council's printed volumes), and plain-number markers after a year or another marker."""
from __future__ import annotations

import pytest
from support import parse, xp

from converter import convert, validate
from converter.lang import language
from converter.read.source.endnotes import end_definitions

ENG = language("eng")


def converted(text: str):
    result = convert(text)
    assert validate(result.xml, profile="akn4un") == []
    return parse(result.xml)


def notes_after(tree) -> list[tuple[str, str]]:
    """(marker, the 12 characters before it) of each note."""
    out = []
    for note in xp(tree, "//a:authorialNote"):
        sup = note.getparent()
        before = "".join(t for t in sup.xpath("preceding::text()") if not t.getparent().xpath(
            "ancestor-or-self::*[local-name()='meta' or local-name()='authorialNote']"))
        out.append((note.get("marker"), before.rstrip()))
    return out


def placed(tree, expected: list[tuple[str, str]]) -> bool:
    found = notes_after(tree)
    return [m for m, _ in found] == [m for m, _ in expected] and all(
        before.endswith(end) for (_, before), (_, end) in zip(found, expected, strict=True))


SC = ("77 (1949). Resolution of 11 October 1949\n[S/1403]\nThe Security Council,\n\n"
      "Having received the second progress report of the Commission,\nwhich is attached to the report, 18\n\n"
      "Directs the Secretary-General to transmit this report to the General Assembly.\n\n"
      "Adopted at the 450th meeting\nby 9 votes to none, with 2\nabstentions (Ukrainian Soviet\nSocialist Republic). 19\n\n"
      "18 Ibid., Supplement for September, October, November and\nDecember 1949, document S/1371.\n\n"
      "19 As announced by the President, no formal vote having been\ntaken.\n")


def test_notes_after_the_adoption_line_are_notes_at_their_markers():
    tree = converted(SC)
    assert placed(tree, [("18", "attached to the report,"), ("19", "Socialist Republic).")])
    texts = [" ".join("".join(n.itertext()).split()) for n in xp(tree, "//a:authorialNote")]
    assert texts == ["Ibid., Supplement for September, October, November and December 1949, document S/1371.",
                     "As announced by the President, no formal vote having been taken."]
    assert "".join(tree.itertext()).count("Ibid.") == 1  # in its note, and nowhere else


def test_an_adoption_line_printed_in_two_paragraphs_still_opens_the_notes():
    text = SC.replace("Adopted at the 450th meeting\nby", "Adopted at the\n\n450th meeting\nby")
    assert [m for m, _ in notes_after(converted(text))] == ["18", "19"]


def test_the_markers_of_the_1990s_carry_a_slash():
    text = ("The Security Council,\n\nWelcoming the statements of 30 September 1992 1/ and 20 October 1992 2/ by the "
            "Presidents,\n\n1. Decides to remain seized of the matter.\n\n1/ S/24476, annex.\n2/ S/24704, annex.\n")
    assert placed(converted(text), [("1", "30 September 1992"), ("2", "20 October 1992")])


@pytest.mark.parametrize("ending", [
    "2 Requests the Secretary-General to report.",  # a paragraph numbered without its dot
    "15 June 1985, at the 2590th meeting.",  # a date
    "687 (1991) and the report of the Secretary-General.",  # a resolution's number and year
])
def test_a_last_paragraph_starting_with_a_number_is_not_always_a_note(ending):
    assert end_definitions(["The Security Council,", "1. Decides to act.", ending], ENG) is None


PDF = ("A/80/L.99\n\nUnited Nations\n\nGeneral Assembly\n\nEighth session\n\n25-00001 (E)\n\n"
       "The General Assembly,\n\n"
       "Taking note of the report of 25 November 20241 and of the letter of 11 December 1948 2 from the\n"
       "President of the Congo, 3 4\n \n1. Decides to act.\n \n__________________\n \n"
       "1  A/79/552.\n \n2  A/79/609.\n \n3  A/79/634.\n \n4  A/79/635.\n\nA/80/L.99\n \n1/1\n")


def test_plain_number_markers_after_a_year_or_the_marker_before():
    assert placed(converted(PDF), [("1", "of 25 November 2024"), ("2", "of 11 December 1948"),
                                   ("3", "President of the Congo,"), ("4", "President of the Congo,")])
