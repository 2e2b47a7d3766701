"""Annexes: nothing of an annex is lost, whatever parts it has."""
from support import parse, xp

from converter import convert, validate

ANNEX_WITH_ONLY_A_PREAMBLE = """The General Assembly,

*Recalling* its resolution 70/1,

1. *Adopts* the Declaration annexed to the present resolution.

# Annex

Declaration on Things

Preamble

*The States*,

*Recognizing* that things matter,

*Affirming* that they matter a great deal,
"""


def test_an_annex_whose_preamble_has_no_body_after_it_keeps_every_word():
    """A `Preamble` heading with no numbered paragraph after it: its paragraphs are the annex's
    body (they used to be read as a preamble the writer then had no body to put beside)."""
    result = convert(ANNEX_WITH_ONLY_A_PREAMBLE)
    assert validate(result.xml, profile="akn4un") == []
    tree = parse(result.xml)
    body = ["".join(p.itertext()) for p in xp(tree, "//a:attachment//a:mainBody//a:p")]
    assert body == ["Preamble", "The States,", "Recognizing that things matter,",
                    "Affirming that they matter a great deal,"]
