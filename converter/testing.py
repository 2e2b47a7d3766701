"""Helpers for test suites (ours and our users'): assert that XML is valid Akoma Ntoso.

    from converter.testing import assert_valid_akn
    assert_valid_akn(xml_bytes)                      # schema + AKN4UN for statements
    assert_valid_akn("out.xml", engine="xmlschema")  # the independent engine
"""
from __future__ import annotations

from converter.validate import ValidationInputError, validate


def assert_valid_akn(xml, *, engine: str = "lxml", profile: str = "auto") -> None:
    """Fail with every problem listed (line, message, rule) if `xml` is not valid; a file that
    cannot be read fails too."""
    try:
        problems = validate(xml, engine=engine, profile=profile)
    except ValidationInputError as exc:
        raise AssertionError(f"cannot be read: {exc}") from None
    if problems:
        listing = "\n".join(f"  line {p.line}: {p.message} [{p.rule}]" + (f" at {p.xpath}" if p.xpath else "")
                            for p in problems)
        raise AssertionError(f"not valid Akoma Ntoso ({len(problems)} problems):\n{listing}")
