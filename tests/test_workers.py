"""The worker processes of a batch: results in order, a dead worker costs one item, nothing left running."""
from __future__ import annotations

import os
import signal

import pytest

from converter.workers import Workers, how_it_ended

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks worker processes")


def double_or_die(n: int) -> int:
    if n in (3, 11):
        os.kill(os.getpid(), signal.SIGKILL)  # a crash below Python: no exception, no result
    return 2 * n


def lost(n: int, how: str) -> str:
    return f"{n} lost: {how}"


def test_results_come_in_input_order_whatever_the_chunks():
    with Workers(3, double_or_die, lost) as workers:
        assert list(workers.map([n for n in range(40) if n not in (3, 11)], chunk=4)) == [
            2 * n for n in range(40) if n not in (3, 11)]


def test_a_worker_that_dies_costs_only_its_item_and_the_rest_goes_on():
    with Workers(2, double_or_die, lost) as workers:
        results = list(workers.map(list(range(16)), chunk=5))
        processes = list(workers.processes.values())
    assert results == [2 * n if n not in (3, 11) else f"{n} lost: killed by SIGKILL" for n in range(16)]
    assert processes and all(p.exitcode is not None for p in processes)  # stopped on leaving


def test_stopping_early_ends_every_worker():
    with Workers(2, double_or_die, lost) as workers:
        first = next(iter(workers.map(list(range(100, 200)), chunk=8)))
        processes = list(workers.processes.values())
    assert first == 200 and len(processes) == 2
    assert all(p.exitcode == -signal.SIGTERM for p in processes)  # stopped, never killed with SIGKILL
    assert not workers.processes


def test_how_a_worker_ended_is_said_in_words():
    class Ended:
        def __init__(self, exitcode):
            self.exitcode = exitcode

    assert how_it_ended(Ended(-9)) == "killed by SIGKILL"
    assert how_it_ended(Ended(70)) == "exit status 70"
