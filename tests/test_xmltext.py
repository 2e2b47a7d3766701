"""The writer's element tree serialises to exactly the bytes lxml gives for the same tree."""
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.write.xmltext import NS, Element, tostring

XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff\r",
                          min_codepoint=0x09).filter(lambda c: c in "\t\n" or c >= " ")
TEXT = st.text(XML_CHARS, max_size=30)
TAGS = st.sampled_from(["container", "p", "i", "paragraph", "num", "content", "sup", "docTitle"])


@st.composite
def trees(draw, depth=0):
    node = Element(draw(TAGS), draw(st.dictionaries(st.sampled_from(["eId", "name", "refersTo"]), TEXT, max_size=2)),
                   draw(st.none() | TEXT))
    if depth < 3:
        for child in draw(st.lists(trees(depth + 1), max_size=3)):
            child.tail = draw(st.none() | TEXT)
            node.append(child)
    return node


def as_lxml(node: Element, parent=None) -> etree._Element:
    tag = f"{{{NS}}}{node.tag}"
    made = etree.Element(tag, node.attrib, nsmap={None: NS}) if parent is None else \
        etree.SubElement(parent, tag, node.attrib)
    made.text, made.tail = node.text, node.tail
    for child in node:
        as_lxml(child, made)
    return made


def lxml_layout(node: etree._Element, level: int = 0) -> None:
    """The writer's layout rule, applied the way the lxml writer did it: structural elements
    with element content and no text get one child per line."""
    from converter.write.xmltext import STRUCTURAL
    if etree.QName(node).localname not in STRUCTURAL or not len(node) or (node.text or "").strip():
        return
    pad = "\n" + " " * (level + 1)
    node.text = pad
    for child in node:
        if etree.QName(child).localname in STRUCTURAL and len(child):
            lxml_layout(child, level + 1)
        child.tail = pad
    node[-1].tail = "\n" + " " * level


@settings(max_examples=300, deadline=None)
@given(trees())
def test_serialisation_is_byte_identical_to_lxml(tree):
    tree.tail = None
    reference = as_lxml(tree)
    lxml_layout(reference)
    expected = etree.tostring(reference, xml_declaration=True, encoding="UTF-8") + b"\n"
    assert tostring(tree) == expected


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_text_and_attributes_round_trip(text, value):
    node = Element("p", {"eId": value}, text)
    parsed = etree.fromstring(tostring(node))
    assert (parsed.text or "") == text
    assert parsed.get("eId") == value
