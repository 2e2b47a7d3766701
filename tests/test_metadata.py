"""`--metadata FILE`: what a database export knows and its text does not print."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from converter.metadata import Fields, MetadataError, fields_for, load_metadata

DECISION = ("At its 50th plenary meeting, on 19 December 2023, the General Assembly took note of the report "
            "of the {committee} Committee.\n")


def test_csv_and_json_give_the_same_rows(tmp_path):
    csv_file = tmp_path / "m.csv"
    csv_file.write_text('file,number,date,lang,subjects\n78_540,78/540,2023-12-19,eng,"A; B"\n', encoding="utf-8")
    json_file = tmp_path / "m.json"
    json_file.write_text(json.dumps({"78_540": {"number": "78/540", "date": "2023-12-19", "lang": "eng",
                                                "subjects": "A; B"}}), encoding="utf-8")
    expected = {"78_540": Fields("78/540", "2023-12-19", "eng", (("subjects", "A; B"),))}
    assert load_metadata(csv_file, ["eng"]) == expected == load_metadata(json_file, ["eng"])


@pytest.mark.parametrize("text, message", [
    ("number\n1\n", "needs a header row with a `file` column"),
    ("file,date\nx,2024-13-01\n", "line 2: date '2024-13-01' is not YYYY-MM-DD"),
    ("file,lang\nx,xyz\n", "line 2: unsupported language 'xyz'"),
    ("file\nx\nx\n", "line 3: file 'x' is given twice"),
    ("[1]", "entry 1: not an object of fields"),
    ("{", "not valid JSON"),
])
def test_a_bad_metadata_file_is_one_line_naming_it(tmp_path, text, message):
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MetadataError, match=message) as caught:
        load_metadata(path, ["eng"])
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_a_row_applies_by_relative_path_name_or_stem():
    table = {"sub/a.txt": Fields("1"), "b.txt": Fields("2"), "c": Fields("3")}
    assert [fields_for(table, p).number for p in ("sub/a.txt", "x/b.txt", "c.txt")] == ["1", "2", "3"]
    assert fields_for(table, "d.txt") is None


def test_the_command_gives_each_input_its_number_and_reports_the_other_fields(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "78_540.txt").write_text(DECISION.format(committee="Second"), encoding="utf-8")
    (folder / "78_541.txt").write_text(DECISION.format(committee="Third"), encoding="utf-8")
    meta = tmp_path / "m.csv"
    meta.write_text("file,number,subjects\n78_540,78/540,ENVIRONMENT\n78_541.txt,78/541,\n79_999,79/999,\n",
                    encoding="utf-8")
    report = tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-m", "converter", "convert", str(folder), "-o", str(out), "--jobs", "1",
                           "--metadata", str(meta), "--report", str(report)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '<FRBRnumber value="78-540" showAs="78/540"/>' in (out / "78_540.xml").read_text(encoding="utf-8")
    assert '<FRBRnumber value="78-541" showAs="78/541"/>' in (out / "78_541.xml").read_text(encoding="utf-8")
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert entries[0]["metadata"] == {"number": "78/540", "subjects": "ENVIRONMENT"}
    assert "1 rows match no input (e.g. 79_999)" in done.stderr


def test_changed_metadata_converts_again_with_skip_unchanged(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "78_540.txt").write_text(DECISION.format(committee="Second"), encoding="utf-8")
    meta = tmp_path / "m.csv"

    def run(number: str) -> str:
        meta.write_text(f"file,number\n78_540,{number}\n", encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "converter", "convert", str(folder), "-o", str(out),
                               "--jobs", "1", "--skip-unchanged", "--metadata", str(meta)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stderr

    run("78/540")
    assert "skipped 1" in run("78/540")
    run("78/539")
    assert 'showAs="78/539"' in Path(out / "78_540.xml").read_text(encoding="utf-8")
