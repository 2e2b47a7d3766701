from __future__ import annotations

import hashlib
import os

import pytest
from lxml import etree

import converter.api
from converter.validate.schema import lxml_schema, xmlschema_schema

PRODUCED: dict[str, bytes] = {}  # every distinct XML `convert` made during the session
_to_bytes = converter.api.to_bytes


def _recording_to_bytes(root) -> bytes:
    xml = _to_bytes(root)
    PRODUCED.setdefault(hashlib.sha256(xml).hexdigest(), xml)
    return xml


converter.api.to_bytes = _recording_to_bytes


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/ from today's output instead of comparing with it")
    parser.addoption("--recheck-produced", action="store_true",
                     help="check every XML produced by the tests with xmlschema + the profile at the end "
                          "(always on when CI is set)")


def pytest_sessionfinish(session, exitstatus):
    """Every XML produced in any test (rules, properties, CLI, corpus) passes xmlschema and the
    AKN4UN profile: tests that look at one detail are checked against the schema too."""
    if not PRODUCED or exitstatus not in (0, 1):
        return
    if not (os.environ.get("CI") or session.config.getoption("--recheck-produced")):
        return  # 11-15 s of a local run: CI always does it
    from converter.validate import validate

    failures = []
    refused = 0  # beyond the safe parser's limits: `akn convert` refuses to write them (tested as such)
    for xml in PRODUCED.values():
        problems = validate(xml, engine="xmlschema", profile="akn4un")
        if problems and all(p.rule == "size" for p in problems):
            refused += 1
        elif problems:
            failures.append((xml, problems))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"xmlschema + AKN4UN profile over every produced XML: {len(PRODUCED)} documents, "
                            f"{len(failures)} invalid" + (f", {refused} too large to check" if refused else ""))
        for xml, problems in failures[:5]:
            reporter.write_line(f"  {xml[:300]!r}...")
            for problem in problems[:5]:
                reporter.write_line(f"    line {problem.line}: {problem.message} [{problem.rule}]")
    if failures:
        session.exitstatus = 1


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
