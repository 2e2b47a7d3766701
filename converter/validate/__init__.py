"""Validators: the official schema (lxml or xmlschema) and the AKN4UN profile rules."""
from __future__ import annotations

from lxml import etree

from converter.validate.schema import lxml_schema, secure_parser


def check_bytes(xml: bytes) -> list[str]:
    """Schema errors of an XML document given as bytes (lxml engine), as `line N: message`."""
    try:
        tree = etree.fromstring(xml, secure_parser())
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    schema = lxml_schema()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
