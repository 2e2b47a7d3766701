"""output/ is exactly what `akn convert corpus -o output` makes today."""
import pytest
from click.testing import CliRunner
from support import CORPUS, OUTPUT

from converter.cli import main

INPUTS = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))


def test_corpus_is_not_empty():
    assert len(INPUTS) >= 4


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("output")
    result = CliRunner().invoke(main, ["convert", str(CORPUS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_output_folder_holds_one_xml_per_input_and_nothing_else(fresh):
    expected = sorted(p.relative_to(CORPUS).with_suffix(".xml") for p in INPUTS)
    assert sorted(p.relative_to(OUTPUT) for p in OUTPUT.rglob("*.xml")) == expected
    assert sorted(p.relative_to(fresh) for p in fresh.rglob("*.xml")) == expected


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_output_is_up_to_date(fresh, source):
    name = source.relative_to(CORPUS).with_suffix(".xml")
    assert (OUTPUT / name).read_bytes() == (fresh / name).read_bytes(), (
        f"output/{name} is stale: run `akn convert corpus -o output` and commit the diff")


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_committed_output_is_schema_valid(source, assert_schema_valid):
    assert_schema_valid((OUTPUT / source.relative_to(CORPUS).with_suffix(".xml")).read_bytes())
