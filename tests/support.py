"""Helpers shared by the tests: paths, parsing, the text of an AKN file."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
OUTPUT = ROOT / "output"
SHARED = ROOT.parent / "shared"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SEPARATED = {"sup", "p", "num", "heading", "authorialNote", "docTitle", "item", "point", "paragraph", "container"}


def parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def xp(tree: etree._Element, path: str) -> list:
    return tree.xpath(path, namespaces=NS)


def words_of_xml(tree: etree._Element) -> Counter:
    """Words of the document's text (meta excluded); notes and blocks are separate words."""
    parts: list[str] = []

    def walk(node):
        local = etree.QName(node).localname
        if local == "meta":
            if node.tail:
                parts.append(node.tail)
            return
        sep = local in SEPARATED
        if sep:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if sep:
            parts.append(" ")
        if node.tail:
            parts.append(node.tail)

    walk(tree)
    return Counter(re.findall(r"\w+", "".join(parts)))


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def words_of_markdown(text: str) -> Counter:
    """Words of a markdown-ish source, footnote markers removed (they become @marker).

    A `<sup>` that is not a defined footnote marker stays a word of its own (`1 er`).
    """
    defined = set(re.findall(r"(?m)^\s*<sup>\s*(\w+)\s*</sup>\s", text))
    defined |= {m.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))
                for m in re.findall(f"(?m)^\\s*([{SUPERSCRIPTS}]+)\\s", text)}
    text = re.sub(r"<sup>\s*(\w+)\s*</sup>", lambda m: " " if m.group(1) in defined else f" {m.group(1)} ", text)
    text = re.sub(f"[{SUPERSCRIPTS}]+", lambda m: " " if m.group().translate(
        str.maketrans(SUPERSCRIPTS, "0123456789")) in defined else " " + m.group().translate(
        str.maketrans(SUPERSCRIPTS, "0123456789")) + " ", text)
    return Counter(re.findall(r"\w+", text))
