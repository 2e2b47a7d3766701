"""The `akn convert` command: inputs, outputs, errors."""
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from support import CORPUS

from converter.cli import main

SEED = CORPUS / "003_f9ccab83ab8537b6.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_one_input_without_output_folder_goes_to_stdout():
    result = run("convert", str(SEED), "-q")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"<?xml")


def test_stdin():
    result = run("convert", "-", "-q", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert b"<akomaNtoso" in result.stdout_bytes


def test_folder_outputs_mirror_relative_paths(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes(SEED.read_bytes())
    (src / "sub" / "b.md").write_bytes(SEED.read_bytes())
    (src / "ignored.pdf").write_bytes(b"%PDF")
    result = run("convert", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
                  if p.is_file()) == ["a.xml", "sub/b.xml"]
    assert "converted 2, failed 0" in result.stderr


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("Résolution".encode("latin-1"), "not UTF-8"),
    (b"Just a shopping list for the week.\nMilk\nEggs\n", "no resolution structure"),
    (b"Milk\nEggs\nBread\n", "cannot tell the language"),
    ("大会决议".encode(), "cannot tell the language"),  # Chinese: not a known language, never English
])
def test_bad_input_is_one_line_naming_the_file_and_the_batch_goes_on(tmp_path, content, message):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.txt").write_bytes(content)
    (src / "good.txt").write_bytes(SEED.read_bytes())
    result = run("convert", str(src), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("akn:")]
    assert len(errors) == 1
    assert str(src / "bad.txt") in errors[0] and message in errors[0]
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.xml"]


def test_missing_path_is_a_usage_error(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_several_inputs_need_an_output_folder():
    result = run("convert", str(SEED), str(SEED))
    assert result.exit_code == 2


def test_number_and_date_override(tmp_path):
    result = run("convert", str(SEED), "--number", "CTOC/COP/2008/L.4", "--date", "2008-10-17", "-q")
    assert result.exit_code == 0
    assert b"/untoc-cop/2008-10-17/CTOC-COP-2008-L.4" in result.stdout_bytes
    bad = run("convert", str(SEED), "--date", "17 Oct", "-q")
    assert bad.exit_code == 1 and "not a date" in bad.stderr


def test_a_schema_failure_is_an_error_and_nothing_is_written(tmp_path, monkeypatch):
    import converter.batch as batch

    monkeypatch.setattr(batch, "check_result", lambda result: ["line 1: broken on purpose"])
    result = run("convert", str(SEED), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    assert "fails validation" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_no_temporary_file_is_left_behind(tmp_path):
    result = run("convert", str(CORPUS), "-o", str(tmp_path), "-q")
    assert result.exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_python_dash_m_is_the_same_command():
    done = subprocess.run([sys.executable, "-m", "converter", "convert", str(SEED), "-q"], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(CORPUS.parent)})
    assert done.returncode == 0
    assert done.stdout == run("convert", str(SEED), "-q").stdout_bytes


def test_two_inputs_for_one_output_the_second_fails_the_rest_converts(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.md").write_bytes(SEED.read_bytes())
    (src / "x.txt").write_bytes(SEED.read_bytes())
    (src / "y.txt").write_bytes(SEED.read_bytes())
    result = run("convert", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "would overwrite" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.xml", "y.xml"]
    assert "converted 2, failed 1" in result.stderr


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Byte-identical output run after run, machine after machine: no set order leaks out."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "converter", "convert", str(CORPUS), str(CORPUS.parent / "tests" /
                        "fixtures"), "-o", str(out), "-q", "--jobs", "1"], check=False,
                       env={**os.environ, "PYTHONPATH": str(CORPUS.parent), "PYTHONHASHSEED": seed})
        outputs.append({p.name: p.read_bytes() for p in out.rglob("*.xml")})
    assert outputs[0] == outputs[1] and len(outputs[0]) >= 10


def test_control_characters_are_no_traceback(tmp_path):
    """A form feed, Word's vertical-tab line break and a stray control byte once crashed the writer."""
    source = tmp_path / "ctl.txt"
    source.write_bytes(b"The General Assembly,\n\nRecalling its resolution\x0b 70/1,\n\n"
                       b"1. Decides to \x01act;\x0c\n\n2. Requests a report;\n")
    result = run("convert", str(source), "-q")
    assert result.exit_code == 0, result.output
    assert b"<i>Decides</i> to act;" in result.stdout_bytes
    assert b"Recalling" in result.stdout_bytes and b"70/1" in result.stdout_bytes


def test_a_single_bad_input_is_exactly_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Just a shopping list for the week.\nMilk\nEggs\n")
    result = run("convert", str(bad))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"akn: {bad}: no resolution structure recognised (no enacting formula, "
                                          "preambular paragraph or numbered paragraph)"]


def test_output_names_keep_the_dots_of_un_symbols(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("A-C.3-63-L.45.txt", "A-C.3-63-L.46.txt"):
        (src / name).write_bytes(SEED.read_bytes())
    result = run("convert", str(src), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xml")) == ["A-C.3-63-L.45.xml", "A-C.3-63-L.46.xml"]
    one = tmp_path / "A-C.3-63-L.47.txt"
    one.write_bytes(SEED.read_bytes())
    assert run("convert", str(one), "-o", str(tmp_path / "single"), "--date", "2008-01-01", "-q").exit_code == 0
    assert [p.name for p in (tmp_path / "single").iterdir()] == ["A-C.3-63-L.47.xml"]


def test_a_number_that_would_break_the_iri_is_refused_in_one_line():
    for bad in ("\x01", "A/RES/1#x", "a\nb", '<"&>'):
        result = run("convert", str(SEED), "--number", bad)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "is not a UN symbol or number" in result.stderr


def test_utf16_text_with_its_byte_order_mark_converts(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    assert run("convert", str(path), "-q").stdout_bytes == run("convert", str(SEED), "-q").stdout_bytes


def test_a_paragraph_beyond_the_parser_limits_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text("The General Assembly,\n\n1. Decides " + "x " * 6_000_000 + "\n")
    result = run("convert", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "input too large (12000035 bytes" in result.stderr  # 12 MB: refused before any work
    import converter.api
    monkeypatch.setattr(converter.api, "MAX_INPUT_BYTES", 16 * 1024 * 1024)  # past it, the parser's limit
    result = run("convert", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "beyond the safe parser's limits" in result.stderr


def test_lang_forces_the_language_on_one_input_and_in_a_batch(tmp_path):
    from support import parse, xp
    fixture = SEED.parent.parent / "tests" / "fixtures" / "en_sc_sections.txt"
    result = run("convert", str(fixture), "--lang", "fra", "-q")
    assert xp(parse(result.stdout_bytes), "//a:FRBRlanguage/@language") == ["fra"]
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes(fixture.read_bytes())
    assert run("convert", str(src), "-o", str(tmp_path / "out"), "--jobs", "2", "--lang", "spa", "-q").exit_code == 0
    for path in sorted((tmp_path / "out").glob("*.xml")):
        assert xp(parse(path.read_bytes()), "//a:FRBRlanguage/@language") == ["spa"]


def test_input_over_the_limit_is_refused_before_any_work():
    from converter import InputError, convert
    from converter.api import MAX_INPUT_BYTES
    with pytest.raises(InputError, match=rf"^input too large \({MAX_INPUT_BYTES + 1} bytes, limit {MAX_INPUT_BYTES}\)$"):
        convert(b"x" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputError, match=rf"^input too large \({MAX_INPUT_BYTES + 1} characters, limit "):
        convert("x" * (MAX_INPUT_BYTES + 1))
    wide = "é" * (MAX_INPUT_BYTES // 2 + 1)  # fewer characters than the limit, more bytes in UTF-8
    with pytest.raises(InputError, match=rf"^input too large \({MAX_INPUT_BYTES + 2} bytes, "):
        convert(wide)


def test_xml_larger_than_akn_validate_reads_is_refused_not_written(tmp_path, monkeypatch):
    import converter.api
    from converter.validate import MAX_BYTES
    assert converter.api.MAX_XML_BYTES == MAX_BYTES  # the limit is the validator's own
    monkeypatch.setattr(converter.api, "MAX_XML_BYTES", 5000)  # the seed's XML is some 12 KB
    result = run("convert", str(SEED), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("akn:")]
    assert len(errors) == 1 and errors[0].startswith(f"akn: {SEED}: output too large (")
    assert "limit 5000, what akn validate reads): not written" in errors[0]
    assert not list((tmp_path / "out").rglob("*.xml"))
