"""The real corpora, whole (../shared/corpus-mass: GA decisions, Security Council resolutions;
a quarter of the GA texts, with their UN pairs), measured by the accuracy harness: floors a
change must not fall below. The figures themselves are the harness's (`benchmarks/accuracy.py`,
summarised in the README); these tests skip cleanly when ../shared is absent."""
from __future__ import annotations

import sys
import unicodedata

import pytest
from support import ROOT, SHARED

sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy

MASS = SHARED / "corpus-mass"
EVERY = {"ga-decisions": 1, "sc": 1, "ga-text": 4}  # a quarter of the GA texts keeps the suite quick


@pytest.fixture(scope="module", params=sorted(EVERY))
def corpus(request):
    name = request.param
    folder = MASS / name
    if not folder.is_dir():
        pytest.skip(f"../shared/corpus-mass/{name} is absent")
    files = sorted(folder.glob("*.txt"))[::EVERY[name]]
    records = [accuracy.measure((name, str(path))) for path in files]
    return name, records, accuracy.conversion_figures(records), accuracy.note_figures(records)


FLOORS = {  # share converted, notes found, notes placed at their marker
    "ga-decisions": (0.995, 0.995, 0.985),
    "sc": (0.98, 0.995, 0.95),
    "ga-text": (0.97, 0.995, 0.95),
}


def test_nearly_every_document_converts(corpus):
    name, records, conversion, _ = corpus
    assert conversion["converted"] >= FLOORS[name][0] * len(records), conversion["refusals"]


def test_footnotes_are_found_and_placed_at_their_markers(corpus):
    name, _, _, notes = corpus
    assert notes["found"] >= FLOORS[name][1] * notes["definitions"], notes["documents_missing_notes"]
    assert notes["placed"] >= FLOORS[name][2] * notes["notes"], notes["documents_unplaced"]


def test_no_document_loses_a_word(corpus):
    _, _, _, notes = corpus
    assert notes["losing_words"] == {}


def test_a_work_iri_is_shared_only_by_identical_texts(corpus):
    name, _, conversion, _ = corpus
    for iri, files in conversion["iri_groups"].items():
        texts = {" ".join(unicodedata.normalize("NFC", (MASS / name / f).read_text(encoding="utf-8")).split())
                 for f in files}
        assert len(texts) == 1, f"{iri}: {files}"


def test_the_un_pairs_mostly_agree_on_all_five_fields(corpus):
    name, records, _, _ = corpus
    figures, rows = accuracy.pair_figures(records)
    if not figures["pairs"]:
        pytest.skip("no UN pairs in this corpus")
    assert figures["agree"]["all"] >= 0.9 * figures["pairs"], rows[:10]
