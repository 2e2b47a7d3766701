"""The batch run as a library function: convert_batch, without the command line."""
from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

import pytest

from converter.batch import MANIFEST, BatchError, BatchSummary, Options, Task, convert_batch

DECISION = ("{number}. Scope of the high-level meeting on {topic}\n\nAt its 102nd plenary meeting, on 1 August 2024, "
            "the General Assembly decided to defer consideration of the item and to include it in the provisional "
            "agenda of its seventy-ninth session.\n")
UNREFERENCED_NOTE = (  # converts with one warning: a note referenced nowhere
    "United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n30-11111 (E)    030330\n"
    "*3011111*\n\nThe General Assembly,\n\n1. Decides to act.\n\n__________________\n\n1  A note referenced "
    "nowhere.\n\nA/RES/99/1\n\n30-11111\n2/9\n")


def tasks_for(src: Path, out: Path) -> list[Task]:
    """What `akn convert SRC -o OUT` would convert, in its order."""
    return [Task(str(p), str(p), p.relative_to(src).with_suffix("").as_posix(),
                 str(out / p.relative_to(src).with_suffix(".xml")))
            for p in sorted(p for p in src.rglob("*") if p.suffix in (".txt", ".md"))]


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DECISION.format(number="79/555", topic="sea level rise"), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(DECISION.format(number="79/556", topic="oceans"), encoding="utf-8")
    return folder


def test_a_folder_converts_without_the_command_line(src, tmp_path):
    out = tmp_path / "out"
    entries: list[dict] = []
    problems: list[str] = []
    summary = convert_batch(tasks_for(src, out), out, on_entry=entries.append, on_problem=problems.append)
    assert summary == BatchSummary(2, 0, 0, 0, summary.seconds)
    assert summary.exit_status == 0 and summary.seconds > 0 and not problems
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == ["a.xml", "sub/b.xml"]
    assert [e["status"] for e in entries] == ["converted", "converted"]
    assert entries[1]["work"].endswith("/79-556")


def test_a_clash_fails_the_second_input_and_the_first_one_converts(src, tmp_path):
    (src / "a.md").write_text(DECISION.format(number="79/557", topic="rivers"), encoding="utf-8")
    out = tmp_path / "out"
    problems: list[str] = []
    summary = convert_batch(tasks_for(src, out), out, on_problem=problems.append)
    assert (summary.converted, summary.failed, summary.exit_status) == (2, 1, 1)
    assert problems == [f"{src / 'a.txt'}: output {out / 'a.xml'} would overwrite the one from {src / 'a.md'}"]
    assert b"79-557" in (out / "a.xml").read_bytes()  # a.md comes first


def test_a_bad_input_fails_alone_and_the_report_says_so(src, tmp_path):
    (src / "bad.txt").write_bytes(b"\x00\x01binary")
    (src / "note.txt").write_text(UNREFERENCED_NOTE, encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "report.json"
    problems: list[str] = []
    summary = convert_batch(tasks_for(src, out), out, Options(), jobs=2, report_path=report,
                            on_problem=problems.append)
    assert (summary.converted, summary.failed, summary.warnings, summary.exit_status) == (3, 1, 1, 1)
    assert problems == [f"{src / 'bad.txt'}: binary file (contains NUL bytes)"]
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [(Path(e["input"]).name, e["status"]) for e in entries] == [
        ("a.txt", "converted"), ("bad.txt", "failed"), ("note.txt", "converted"), ("b.txt", "converted")]
    assert [d["code"] for d in entries[2]["diagnostics"]] == ["footnote-unreferenced"]
    assert all("sha256" not in e for e in entries)
    assert not list(tmp_path.glob(".report.json.*.tmp"))


def test_skip_unchanged_converts_only_what_changed(src, tmp_path):
    out = tmp_path / "out"
    first = convert_batch(tasks_for(src, out), out, skip_unchanged=True)
    assert (first.converted, first.skipped) == (2, 0) and (out / MANIFEST).is_file()
    second = convert_batch(tasks_for(src, out), out, skip_unchanged=True)
    assert (second.converted, second.skipped, second.exit_status) == (0, 2, 0)
    (src / "a.txt").write_text(DECISION.format(number="79/558", topic="lakes"), encoding="utf-8")
    third = convert_batch(tasks_for(src, out), out, skip_unchanged=True)
    assert (third.converted, third.skipped) == (1, 1)
    assert b"79-558" in (out / "a.xml").read_bytes()


def test_a_report_that_cannot_be_written_stops_the_batch_before_it_starts(src, tmp_path):
    (tmp_path / "file").write_text("")
    out = tmp_path / "out"
    with pytest.raises(BatchError, match="cannot write the report"):
        convert_batch(tasks_for(src, out), out, report_path=tmp_path / "file" / "r.json")
    assert not out.exists()


def test_a_manifest_that_cannot_be_written_is_trouble_not_a_failed_file(src, tmp_path):
    out = tmp_path / "out"
    (out / MANIFEST).mkdir(parents=True)  # a folder where the manifest should go
    problems: list[str] = []
    summary = convert_batch(tasks_for(src, out), out, skip_unchanged=True, on_problem=problems.append)
    assert (summary.converted, summary.failed, summary.exit_status) == (2, 0, 1)
    assert summary.trouble == tuple(problems) and problems[0].startswith(f"{out / MANIFEST}: cannot write the manifest")


def test_progress_wraps_the_entries_and_ends_before_the_summary(src, tmp_path):
    out = tmp_path / "out"
    seen: list[object] = []

    class Recorder:
        def __init__(self, entries, total):
            self.entries, self.total = entries, total

        def __enter__(self):
            seen.append(("total", self.total))
            return self.entries

        def __exit__(self, *exc):
            seen.append("done")

    convert_batch(tasks_for(src, out), out, on_entry=lambda e: seen.append(e["status"]), progress=Recorder)
    assert seen == [("total", 2), "converted", "converted", "done"]


def test_the_sigterm_handler_is_put_back_and_threads_are_left_alone(src, tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    convert_batch(tasks_for(src, tmp_path / "o1"), tmp_path / "o1")
    assert signal.getsignal(signal.SIGTERM) is before
    results: list[BatchSummary] = []
    thread = threading.Thread(target=lambda: results.append(convert_batch(tasks_for(src, tmp_path / "o2"),
                                                                          tmp_path / "o2")))
    thread.start()
    thread.join()
    assert results[0].converted == 2


def test_an_input_whose_worker_dies_fails_alone(src, tmp_path, monkeypatch):
    """A crash below Python (a signal, the OOM killer) in a worker: that input fails, the batch goes on."""
    import os

    import converter.batch as batch

    convert_task = batch.convert_task

    def crash_on_a(task, options):
        if task.path.endswith("a.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return convert_task(task, options)

    monkeypatch.setattr(batch, "convert_task", crash_on_a)
    out = tmp_path / "out"
    problems: list[str] = []
    summary = convert_batch(tasks_for(src, out), out, jobs=2, on_problem=problems.append)
    assert (summary.converted, summary.failed) == (1, 1)
    assert problems == [f"{src / 'a.txt'}: internal error (the worker process converting it ended: killed by "
                        "SIGKILL); please report it"]
    assert (out / "sub" / "b.xml").is_file()


def test_two_inputs_with_one_work_iri_are_both_written_and_reported(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name, topic in (("a.txt", "sea level rise"), ("b.txt", "oceans")):  # both print 79/555
        (folder / name).write_text(DECISION.format(number="79/555", topic=topic), encoding="utf-8")
    (folder / "c.txt").write_text(DECISION.format(number="79/556", topic="oceans"), encoding="utf-8")
    report = tmp_path / "report.json"
    summary = convert_batch(tasks_for(folder, out), out, jobs=1, report_path=report)
    assert summary.converted == 3 and summary.exit_status == 0
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [e.get("same_work_as") for e in entries] == [None, str(folder / "a.txt"), None]
    warning = [d for d in entries[1]["diagnostics"] if d["code"] == "same-work"]
    assert len(warning) == 1 and entries[0]["work"] in warning[0]["message"]
    assert all((out / n).is_file() for n in ("a.xml", "b.xml", "c.xml"))
