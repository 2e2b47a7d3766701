"""Reproducers of failures found by attacking the tool (../shared/repro), one regression test each.

Read from ../shared at test time (never copied here); skipped cleanly when absent.
"""
from __future__ import annotations

import pytest

from converter import convert, validate
from support import SHARED, parse, words_of_markdown, words_of_xml, xp

REPRO = SHARED / "repro"


def repro(name: str) -> bytes:
    path = REPRO / name
    if not path.is_file():
        pytest.skip(f"../shared/repro/{name} is absent")
    return path.read_bytes()


def converted(name: str):
    source = repro(name)
    result = convert(source)
    assert validate(result.xml, profile="akn4un") == [], name
    return source.decode("utf-8"), parse(result.xml)


def lost_words(source: str, tree) -> dict[str, int]:
    return dict(words_of_markdown(source) - words_of_xml(tree))


def test_nothing_after_an_annex_preamble_heading_is_lost():
    source, tree = converted("lost-annex-after-preamble-heading.txt")
    assert lost_words(source, tree) == {}
    assert [c.get("name") for c in xp(tree, "//a:attachment//a:preamble/a:container")] == [
        "heading", "cognizant", "recognizing"]
    assert [" ".join(n.itertext()) for n in xp(tree, "//a:attachment//a:mainBody/a:paragraph/a:num")] == ["1.", "2."]
