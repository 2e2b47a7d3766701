"""File names in messages, the report and the manifest: one line of valid Unicode, one name per file."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import CORPUS

from converter.batch import MANIFEST, Task, convert_batch
from converter.cli import main
from converter.filenames import shown

SEED = CORPUS / "003_f9ccab83ab8537b6.txt"
LATIN1 = os.fsdecode(b"r\xe9solution.txt")  # not UTF-8: a lone surrogate in Python


def test_a_plain_name_is_written_as_it_is():
    for name in ("a.txt", "in/sub/A-C.3-63-L.45.txt", "résumé 決議 ٣.txt", ""):
        assert shown(name) == name


def test_bytes_that_are_not_utf8_and_control_characters_are_escaped():
    assert shown(LATIN1) == r"r\xe9solution.txt"
    assert shown("a\nb\r\tc\x00\x1b\x7f.txt") == r"a\nb\r\tc\x00\x1b\x7f.txt"
    assert shown("nel\x85 ls\u2028 ps\u2029") == r"nel\u0085 ls\u2028 ps\u2029"
    assert shown(Path("dir") / "x\ny") == r"dir/x\ny"
    for code in range(0x110000):  # no line break left, and always valid UTF-8
        text = shown(chr(code))
        assert len(f"<{text}>".splitlines()) == 1 and text.encode("utf-8")


@pytest.mark.skipif(os.sep != "/", reason="a backslash is escaped on POSIX only")
def test_two_names_are_never_written_alike():
    names = [LATIN1, r"r\xe9solution.txt", "r\\\\xe9solution.txt", "r\x85", os.fsdecode(b"r\x85"), "r\u0085",
             r"r\u0085", "a\nb", r"a\nb", "a\\nb", "\ud800", r"\ud800"]
    assert len({shown(name) for name in names}) == len(set(names))


def odd_files(folder: Path) -> None:
    """A Latin-1 name, a name with a newline (a bad input: its error must stay one line), a plain one."""
    folder.mkdir()
    try:
        (folder / LATIN1).write_bytes(SEED.read_bytes())
        (folder / "bad\nname.txt").write_bytes(b"\x00\x01binary")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes no such names")
    (folder / "plain.txt").write_bytes(SEED.read_bytes())


def test_the_report_and_the_manifest_are_utf8_json_and_the_name_is_skipped_next_run(tmp_path):
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.json"
    odd_files(src)
    tasks = [Task(str(p), str(p), p.relative_to(src).with_suffix("").as_posix(), str(out / (p.stem + ".xml")))
             for p in sorted(src.iterdir())]
    problems: list[str] = []
    first = convert_batch(tasks, out, jobs=2, report_path=report, skip_unchanged=True, on_problem=problems.append)
    assert (first.converted, first.failed) == (2, 1)
    assert problems == [rf"{src}/bad\nname.txt: binary file (contains NUL bytes)"]
    entries = json.loads(report.read_bytes().decode("utf-8"))  # strict UTF-8
    assert {e["input"] for e in entries} == {rf"{src}/bad\nname.txt", rf"{src}/r\xe9solution.txt", f"{src}/plain.txt"}
    assert next(e for e in entries if "r\\xe9" in e["input"])["output"] == rf"{out}/r\xe9solution.xml"
    manifest = json.loads((out / MANIFEST).read_bytes().decode("utf-8"))
    assert sorted(manifest["files"]) == ["plain", r"r\xe9solution"]
    assert (out / os.fsdecode(b"r\xe9solution.xml")).is_file()  # the output keeps the input's bytes
    second = convert_batch(tasks, out, skip_unchanged=True)
    assert (second.converted, second.skipped, second.failed) == (0, 2, 1)


def test_the_command_names_such_files_in_one_line_each(tmp_path):
    src = tmp_path / "in"
    odd_files(src)
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--report",
                                       str(tmp_path / "r.json"), "--skip-unchanged", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert rf"akn: {src}/bad\nname.txt: binary file (contains NUL bytes)" in lines
    assert any(line.startswith(rf"{src}/r\xe9solution.txt: warning: ") for line in lines)
    assert lines[-1].startswith("converted 2, failed 1, skipped 0, ")
    again = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--skip-unchanged", "-q"])
    assert again.stderr.splitlines()[-1].startswith("converted 0, failed 1, skipped 2, ")
    single = CliRunner().invoke(main, ["convert", str(src / "bad\nname.txt")])
    assert single.stderr.splitlines() == [rf"akn: {src}/bad\nname.txt: binary file (contains NUL bytes)"]


def test_validate_names_such_files_in_one_line_each(tmp_path):
    src = tmp_path / "in"
    odd_files(src)
    converted = CliRunner().invoke(main, ["convert", str(src / LATIN1), "-q"])
    (src / os.fsdecode(b"r\xe9solution.xml")).write_bytes(converted.stdout_bytes)
    (src / "broken\nname.xml").write_bytes(b"<akomaNtoso>")
    result = CliRunner().invoke(main, ["validate", str(src), "--format", "json"])
    assert result.exit_code == 1
    assert {(r["path"], r["valid"]) for r in json.loads(result.stdout)} == {
        (rf"{src}/broken\nname.xml", False), (rf"{src}/r\xe9solution.xml", True)}
    text = CliRunner().invoke(main, ["validate", str(src)])
    *problems, summary = text.stdout.splitlines()
    assert problems and all(line.startswith(rf"{src}/broken\nname.xml:") for line in problems)
    assert summary == "2 files: 1 valid, 1 invalid"
