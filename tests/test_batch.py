"""Batch conversion: workers, deterministic order, report, incremental runs, atomic writes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from support import CORPUS, ROOT

from converter import batch
from converter.cli import main

SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture
def many(tmp_path):
    """Forty inputs in two folders, plus one bad file."""
    src = tmp_path / "in"
    for i in range(40):
        folder = src / ("a" if i % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{i:02d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    (src / "a" / "zz-bad.txt").write_bytes(b"\x00\x01binary")
    return src


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def entries(path: Path) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "ms"} for e in json.loads(path.read_text())]


def test_output_and_report_do_not_depend_on_the_number_of_workers(many, tmp_path):
    one = run(many, "-o", tmp_path / "o1", "--jobs", "1", "--report", tmp_path / "r1.json", "-q")
    two = run(many, "-o", tmp_path / "o2", "--jobs", "2", "--report", tmp_path / "r2.json", "-q")
    assert one.exit_code == two.exit_code == 1
    files1 = sorted(p.relative_to(tmp_path / "o1") for p in (tmp_path / "o1").rglob("*.xml"))
    files2 = sorted(p.relative_to(tmp_path / "o2") for p in (tmp_path / "o2").rglob("*.xml"))
    assert files1 == files2 and len(files1) == 40
    for name in files1:
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()
    r1, r2 = entries(tmp_path / "r1.json"), entries(tmp_path / "r2.json")
    assert [e["input"] for e in r1] == [e["input"] for e in r2] == sorted(e["input"] for e in r1)
    for a, b in zip(r1, r2, strict=True):
        assert {**a, "output": None} == {**b, "output": None}


def test_report_entries(many, tmp_path):
    result = run(many, "-o", tmp_path / "out", "--report", tmp_path / "report.json", "-q")
    assert result.exit_code == 1
    report = json.loads((tmp_path / "report.json").read_text())
    bad = next(e for e in report if e["input"].endswith("zz-bad.txt"))
    assert bad["status"] == "failed" and "binary" in bad["error"] and bad["output"] is None
    good = next(e for e in report if e["input"].endswith("doc01.txt"))
    assert good["status"] == "converted"
    assert good["output"].endswith("a/doc01.xml")
    assert good["work"].startswith("/akn/un/statement/deliberation/")
    assert good["kind"] in ("resolutionDraft", "decision")
    assert set(good["counts"]) == {"preambular", "operative", "notes", "annexes"}
    assert isinstance(good["ms"], float) and isinstance(good["diagnostics"], list)
    seed1 = next(e for e in report if e["input"].endswith("doc01.txt"))
    assert seed1["counts"] == {"preambular": 11, "operative": 14, "notes": 11, "annexes": 0}


def test_summary_line_and_no_progress_bar_off_a_terminal(many, tmp_path):
    result = run(many, "-o", tmp_path / "out")
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("converted 40, failed 1, warnings ")
    assert last.endswith(" s")
    assert "converting" not in result.stderr


def test_skip_unchanged(many, tmp_path):
    out = tmp_path / "out"
    first = run(many, "-o", out, "--skip-unchanged", "-q", "--report", tmp_path / "r1.json")
    assert first.exit_code == 1
    second = run(many, "-o", out, "--skip-unchanged", "--report", tmp_path / "r2.json")
    assert "converted 0, failed 1, skipped 40" in second.stderr
    statuses = [e["status"] for e in json.loads((tmp_path / "r2.json").read_text())]
    assert statuses.count("skipped") == 40
    changed = many / "a" / "doc01.txt"
    changed.write_bytes(SEEDS[0].read_bytes())
    (out / "b" / "doc00.xml").unlink()
    os.utime(many / "b" / "doc02.txt")  # touched, same content: not converted again
    third = run(many, "-o", out, "--skip-unchanged")
    assert "converted 2, failed 1, skipped 38" in third.stderr
    fourth = run(many, "-o", out, "--skip-unchanged", "--lang", "fra")
    assert "converted 40" in fourth.stderr


def test_a_changed_converter_converts_everything_again(many, tmp_path, monkeypatch):
    """The manifest keys on the converter's own files, not only on its version number."""
    out = tmp_path / "out"
    run(many, "-o", out, "--skip-unchanged", "-q")
    assert "skipped 40" in run(many, "-o", out, "--skip-unchanged").stderr
    monkeypatch.setattr(batch, "code_fingerprint", lambda: "another-build")
    assert "converted 40" in run(many, "-o", out, "--skip-unchanged").stderr


def test_the_converter_fingerprint_follows_code_and_data(tmp_path):
    import shutil
    copy = tmp_path / "converter"
    shutil.copytree(Path(batch.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = batch.tree_fingerprint(copy)
    (copy / "notes.txt").write_text("not code")
    assert batch.tree_fingerprint(copy) == before
    data = copy / "data" / "lang" / "eng.json"
    data.write_text(data.read_text(encoding="utf-8").replace("Recalling", "Recalling", 1) + " ", encoding="utf-8")
    assert batch.tree_fingerprint(copy) != before
    edited = batch.tree_fingerprint(copy)
    (copy / "api.py").write_text((copy / "api.py").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert batch.tree_fingerprint(copy) != edited


def test_skip_unchanged_reads_nothing_when_size_and_mtime_match(tmp_path, monkeypatch):
    """Why a re-run is fast (the speed itself is measured in benchmarks/): an unchanged input
    is told by its stat alone, neither read nor hashed nor converted."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(30):
        (src / f"d{i}.txt").write_bytes(SEEDS[i % 4].read_bytes())
    assert run(src, "-o", tmp_path / "out", "--skip-unchanged", "-q", "--jobs", "1").exit_code == 0
    reads = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real_read_bytes(self))
    again = run(src, "-o", tmp_path / "out", "--skip-unchanged", "--jobs", "1")
    assert "converted 0, failed 0, skipped 30" in again.stderr
    assert not [p for p in reads if p.suffix == ".txt"]


def test_atomic_write_leaves_nothing_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "x.xml"

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        batch.write_atomically(target, b"<a/>")
    assert list(tmp_path.iterdir()) == []


def running_batch(tmp_path: Path, *options: str, outputs: int = 20, **popen) -> tuple[subprocess.Popen, Path]:
    """A batch of 400 inputs in a child process, once it has written `outputs` outputs."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(400):
        (src / f"d{i:03d}.txt").write_bytes(SEEDS[i % 4].read_bytes())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(src), "-o", str(out), "-q",
                             "--jobs", "2", *options], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            **popen)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.xml")) if out.exists() else []) < outputs:
        time.sleep(0.05)
    return proc, out


def test_killing_the_batch_leaves_no_half_written_xml(tmp_path):
    proc, out = running_batch(tmp_path, start_new_session=True)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*.xml"))
    assert written
    for path in written:
        etree.parse(str(path))  # every XML file there is whole


def test_a_file_that_cannot_be_written_fails_alone(many, tmp_path):
    out = tmp_path / "out"
    (out / "a" / "doc01.xml").mkdir(parents=True)  # a folder where the XML should go
    result = run(many, "-o", out, "-q", "--report", tmp_path / "r.json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("akn:")]
    assert any("doc01.txt: cannot write" in line for line in errors)
    assert len(list(out.rglob("*.xml"))) == 40  # 39 files and the folder in the way
    statuses = [e["status"] for e in json.loads((tmp_path / "r.json").read_text())]
    assert statuses.count("converted") == 39


def test_stdin_cannot_be_mixed_with_files(tmp_path):
    result = run("-", SEEDS[0], "-o", tmp_path)
    assert result.exit_code == 2
    assert "cannot be mixed" in result.output


def test_a_broken_manifest_means_converting_everything(many, tmp_path):
    out = tmp_path / "out"
    run(many, "-o", out, "--skip-unchanged", "-q")
    (out / batch.MANIFEST).write_text('{"converter": "x", "files": [1, 2]}')
    assert "converted 40" in run(many, "-o", out, "--skip-unchanged").stderr
    (out / batch.MANIFEST).write_text("not json")
    assert "converted 40" in run(many, "-o", out, "--skip-unchanged").stderr


def test_a_folder_with_nothing_to_convert_is_one_line_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    for args in (["-o", tmp_path / "out"], []):
        result = run(tmp_path / "empty", *args)
        assert result.exit_code == 2
        assert result.stderr.strip() == f"akn: {tmp_path / 'empty'}: no *.txt or *.md files to convert"


def test_a_report_that_cannot_be_written_is_one_line(many, tmp_path):
    (tmp_path / "file").write_text("")
    result = run(many, "-o", tmp_path / "out", "--report", tmp_path / "file" / "r.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"akn: {tmp_path / 'file' / 'r.json'}: cannot write the report")
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_manifest_that_cannot_be_written_fails_the_run_not_the_files(many, tmp_path):
    out = tmp_path / "out"
    (out / batch.MANIFEST).mkdir(parents=True)  # a folder where the manifest should go
    result = run(many, "-o", out, "--skip-unchanged", "-q")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"akn: {out / batch.MANIFEST}: cannot write the manifest" in result.stderr
    assert len(list(out.rglob("*.xml"))) == 40


def test_paths_that_cannot_be_inputs_are_reported_and_the_rest_converted(many, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    (many / "a" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run(tmp_path / "missing.txt", fifo, many, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("akn:")]
    assert f"akn: {tmp_path / 'missing.txt'}: no such file or folder" in errors
    assert f"akn: {fifo}: not a regular file" in errors
    assert f"akn: {many / 'a' / 'gone.txt'}: dangling symbolic link" in errors
    assert len(list((tmp_path / "out").rglob("*.xml"))) == 40


def test_sigterm_leaves_no_temporary_report(tmp_path):
    proc, _ = running_batch(tmp_path, "--report", str(tmp_path / "r.json"), stderr=subprocess.PIPE)
    proc.terminate()
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in stderr
    assert not list(tmp_path.glob(".r.json.*.tmp")) and not (tmp_path / "r.json").exists()


def temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("outputs", [20, 120])
def test_ctrl_c_ends_the_batch_at_once_in_one_line(tmp_path, outputs):
    """SIGINT to the whole process group, as a terminal sends it: workers once printed KeyboardInterrupt
    tracebacks, and the parent could wait for ever on a lock of multiprocessing.Pool."""
    report = tmp_path / "r.json"
    proc, _ = running_batch(tmp_path, "--report", str(report), stderr=subprocess.PIPE, start_new_session=True,
                            outputs=outputs)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)  # its end: the workers have let go of stderr too
    assert proc.returncode == 130
    assert b"Traceback" not in stderr
    assert stderr.decode().splitlines()[-1].startswith("akn: interrupted after ")
    assert stderr.decode().splitlines()[-1].endswith(" of 400 inputs; no report written")
    assert not temporary_files(tmp_path) and not report.exists()


def test_workers_whose_parent_is_killed_stop_quietly(tmp_path):
    """SIGKILL of the parent alone: orphaned workers once went on, printing BrokenPipeError tracebacks,
    and the temporary report was left behind."""
    proc, out = running_batch(tmp_path, "--report", str(tmp_path / "r.json"), stderr=subprocess.PIPE,
                              start_new_session=True)
    os.kill(proc.pid, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=30)  # the workers hold stderr open until they end
    assert proc.returncode == -signal.SIGKILL
    assert b"Traceback" not in stderr
    assert not temporary_files(tmp_path) and not (tmp_path / "r.json").exists()
    for path in out.glob("*.xml"):
        etree.parse(str(path))


def test_an_interrupted_batch_keeps_in_the_manifest_what_it_converted(tmp_path):
    proc, out = running_batch(tmp_path, "--skip-unchanged", stderr=subprocess.PIPE, start_new_session=True)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    done = int(stderr.decode().splitlines()[-1].split()[3])  # akn: interrupted after N of 400 inputs
    again = run(tmp_path / "in", "-o", out, "--skip-unchanged")
    assert again.exit_code == 0 and done > 0
    summary = again.stderr.splitlines()[-1]
    # the one input recorded just as Ctrl-C came may not have been counted yet
    assert any(summary.startswith(f"converted {400 - n}, failed 0, skipped {n}, ") for n in (done, done + 1)), summary


def test_a_report_into_a_symbolic_link_or_for_a_single_input(tmp_path):
    real = tmp_path / "reports" / "r.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run(SEEDS[0], "-o", tmp_path / "out", "--report", link, "-q").exit_code == 0
    assert link.is_symlink() and [e["status"] for e in json.loads(real.read_text())] == ["converted"]
    single = tmp_path / "single.json"
    result = CliRunner().invoke(main, ["convert", str(SEEDS[0]), "--report", str(single), "-q"])
    assert result.exit_code == 0
    (entry,) = json.loads(single.read_text())
    assert entry["output"] == "-" and entry["kind"] == "resolutionDraft" and entry["counts"]["operative"] == 5


def test_write_goes_through_a_temporary_file_in_the_target_folder(tmp_path, monkeypatch):
    target = tmp_path / "x.xml"
    target.write_bytes(b"old")
    calls = []
    real_replace = os.replace

    def recording_replace(src, dst):
        src, dst = Path(src), Path(dst)
        assert src.parent == dst.parent and src.name.startswith(".x.xml.") and src.read_bytes() == b"<a/>"
        assert dst.read_bytes() == b"old"  # the old file is whole until the rename
        calls.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    batch.write_atomically(target, b"<a/>")
    assert calls == [target] and target.read_bytes() == b"<a/>"


def test_an_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "x.xml"
    target.write_bytes(b"old")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.write_atomically(target, b"<new/>")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["x.xml"]


def test_report_entries_say_what_was_converted(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_bytes(SEEDS[1].read_bytes())
    (src / "note.txt").write_text(
        "United Nations\nA/RES/99/1\n\nGeneral Assembly\nDistr.: General\n3 March 2030\n\n30-11111 (E)    030330\n"
        "*3011111*\n\nThe General Assembly,\n\n1. Decides to act.\n\n__________________\n\n1  A note referenced "
        "nowhere.\n\nA/RES/99/1\n\n30-11111\n2/9\n", encoding="utf-8")
    result = run(src, "-o", tmp_path / "out", "--report", tmp_path / "r.json", "--jobs", "1")
    assert "warnings 2" in result.stderr  # the seed's derived number and the unreferenced note
    note, seed = json.loads((tmp_path / "r.json").read_text())
    assert seed["work"] == "/akn/un/statement/deliberation/un-ga-c3/2008-11-10/x-8436cf967d"
    assert seed["kind"] == "resolutionDraft" and seed["language"] == "fra" and seed["ms"] > 0
    assert [d["code"] for d in note["diagnostics"]] == ["footnote-unreferenced"]
    assert note["diagnostics"][0]["level"] == "warning" and note["diagnostics"][0]["message"]
    assert note["work"] == "/akn/un/statement/deliberation/un-ga/2030-03-03/A-RES-99-1"


def test_the_progress_bar_shows_on_a_terminal_only(tmp_path):
    import pty
    src = tmp_path / "in"
    src.mkdir()
    for i in range(8):
        (src / f"d{i}.txt").write_bytes(SEEDS[i % 4].read_bytes())
    for quiet, expected in (([], True), (["-q"], False)):
        master, slave = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(src), "-o", str(tmp_path / "o"),
                                 "--jobs", "1", *quiet], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                stderr=slave, stdout=subprocess.DEVNULL)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end is closed: the process is done
                break
            if not chunk:
                break
            seen += chunk
        proc.wait()
        os.close(master)
        assert (b"converting" in seen) is expected, seen[-300:]
