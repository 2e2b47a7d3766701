"""Fuzzing: mutations of real UN texts (from ../shared) keep every promise of `tests/mutations.py`.

A few hundred examples here (hypothesis); `benchmarks/fuzz.py` runs 100,000 by hand. Each
mutation is also tried once on its own, so every kind of damage is covered on every run.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import MUTATIONS, mutate, verdict
from support import ROOT, SHARED

FINE = ("converted", "refused")


def _texts() -> list[Path]:
    roots = [SHARED / "corpus-mass" / "ga-text", SHARED / "corpus-mass" / "sc", SHARED / "corpus-mass" / "ga-decisions",
             SHARED / "corpus-real", ROOT / "corpus", ROOT / "tests" / "fixtures"]
    return sorted(p for root in roots if root.is_dir() for p in root.iterdir() if p.suffix in (".txt", ".md"))


TEXTS = _texts()
# the shared corpora are large: sample a fixed spread of them, small and large texts alike
SAMPLE = TEXTS[:: max(1, len(TEXTS) // 150)]
needs_texts = pytest.mark.skipif(len(TEXTS) < 20, reason="../shared corpora are absent")


@needs_texts
@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_keeps_the_promises(name):
    for k, path in enumerate(SAMPLE[:: max(1, len(SAMPLE) // 6)]):
        outcome, detail = verdict(mutate(path.read_text(encoding="utf-8"), [name], seed=k))
        assert outcome in FINE, f"{path.name} {name} seed {k}: {outcome}: {detail}"


@needs_texts
@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(index=st.integers(0, 10**6), names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
       seed=st.integers(0, 2**32 - 1))
def test_mutated_real_texts_keep_the_promises(index, names, seed):
    path = SAMPLE[index % len(SAMPLE)]
    outcome, detail = verdict(mutate(path.read_text(encoding="utf-8"), names, seed))
    assert outcome in FINE, f"{path.name} {names} seed {seed}: {outcome}: {detail}"


def test_a_mutation_is_a_pure_function_of_its_seed():
    text = "The General Assembly,\n\nRecalling its resolution 1,\n\n1. Decides to act;\n\n2. Decides again.\n"
    for name in MUTATIONS:
        assert mutate(text, [name], 7) == mutate(text, [name], 7), name


def test_the_loss_check_sees_a_lost_word():
    """The oracle itself: a word removed from the XML is reported, furniture and markers are not."""
    from mutations import lost_words

    from converter import convert
    text = "The General Assembly,\n\nRecalling its resolution 1,<sup>1</sup>\n\n1. Decides to act.\n\n<sup>1</sup> A note.\n"
    result = convert(text)
    assert lost_words(text, result.xml, []) == {}
    assert lost_words(text, result.xml.replace(b"act", b""), []) == {"act": 1}
    assert lost_words(text + "\n25-00001 (E)\n", result.xml, ["25-00001 (E)"]) == {}


def test_the_loss_check_reads_a_superscript_inside_a_word_as_the_source_does():
    """`o<sup>4</sup>r` with no note 4: the source's joined reading drops the superscript and
    sees `or`, so the XML's must too (fuzz case 71/416, tabs + stray markers, seed 271546)."""
    from mutations import lost_words

    from converter import convert
    text = "The General Assembly,\n\n1. Decides to act o<sup>4</sup>r f***or profe**ssional em**phasis.\n"
    assert lost_words(text, convert(text).xml, []) == {}


@pytest.mark.parametrize("text", [
    # a superscript digit inside a word: both readings of the source see what the XML's see
    "The General Assembly,\n\nRecalling Chapter VII of t\u2020h\u2075e Charter,\n\n1. Decides to act.\n",
    # a line of a zero-width joiner alone in the masthead is no empty paragraph
    "United Nations\n\u200d\nA/80/L.1\n\nThe General Assembly,\n\n1. Decides to act.\n",
    # a document type run into the letter before it is no document type
    "Algeria and Zimbabwe: \U0001d400draft resolution\n\nThe General Assembly,\n\n1. Decides to act.\n",
])
def test_fuzz_cases_of_seeds_300000_to_399999(text):
    outcome, detail = verdict(text)
    assert outcome in FINE, detail
