"""Golden XML for every fixture (tests/fixtures) and every real text (../shared/corpus-real).

The safety net of refactoring: the XML of each input must stay byte-identical. Regenerate only
on purpose, with `python -m pytest tests/test_goldens.py --update-goldens`, and read the diff.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from support import SHARED

from converter import convert

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SOURCES = {"fixtures": HERE / "fixtures", "corpus-real": SHARED / "corpus-real"}


def inputs() -> list[tuple[str, Path]]:
    found = [("fixtures", p) for p in sorted(SOURCES["fixtures"].iterdir()) if p.suffix in (".txt", ".md")]
    real = SOURCES["corpus-real"]
    if real.is_dir():
        found += [("corpus-real", p) for p in sorted(real.glob("*.txt"))]
    return found


def golden_of(group: str, source: Path) -> Path:
    return GOLDEN / group / source.with_suffix(".xml").name


@pytest.mark.parametrize(("group", "source"), inputs(), ids=lambda v: v if isinstance(v, str) else v.name)
def test_output_is_the_golden(group, source, request):
    xml = convert(source.read_bytes()).xml
    golden = golden_of(group, source)
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(xml)
        return
    assert golden.is_file(), f"no golden for {source.name}: run with --update-goldens and commit it"
    assert xml == golden.read_bytes(), f"{golden.relative_to(HERE)} differs: read the diff, then --update-goldens"


def test_every_golden_has_its_input():
    """No golden outlives its input (a renamed fixture leaves no stale golden behind)."""
    expected = {golden_of(group, source) for group, source in inputs()}
    stale = [p for p in GOLDEN.rglob("*.xml") if p not in expected
             and (p.parent.name != "corpus-real" or SOURCES["corpus-real"].is_dir())]
    assert not stale, stale
