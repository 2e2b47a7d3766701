from __future__ import annotations

import pytest
from lxml import etree

from converter.validate.schema import lxml_schema, xmlschema_schema


@pytest.fixture(scope="session")
def xsd():
    """The official schema through the xmlschema library (loaded once: it takes seconds)."""
    return xmlschema_schema()


@pytest.fixture(scope="session")
def assert_schema_valid(xsd):
    """Check XML bytes with both engines, xmlschema and lxml; fail with the errors."""

    def check(xml: bytes) -> None:
        errors = [str(e) for e in xsd.iter_errors(etree.fromstring(xml))]
        assert not errors, "\n".join(errors[:5])
        schema = lxml_schema()
        assert schema.validate(etree.fromstring(xml)), str(schema.error_log)

    return check
