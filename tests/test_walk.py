"""Folders given to `akn convert` and `akn validate`: a sub-folder that cannot be read is named, not skipped."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import CORPUS, ROOT

from converter.cli import main

SEED = CORPUS / "003_f9ccab83ab8537b6.txt"
SEED_XML = ROOT / "output" / "003_f9ccab83ab8537b6.xml"


@pytest.fixture
def locked(monkeypatch):
    """Listing a folder named `locked` fails as it does without the read permission (root reads anything)."""
    scandir = os.scandir

    def refusing(path=".", *args):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path, *args)

    monkeypatch.setattr(os, "scandir", refusing)


def tree(tmp_path: Path, suffix: str, data: bytes) -> Path:
    top = tmp_path / "in"
    (top / "locked").mkdir(parents=True)
    (top / "sub").mkdir()
    for name in ("a", "sub/c", "locked/b"):
        (top / f"{name}{suffix}").write_bytes(data)
    return top


def test_convert_names_an_unreadable_folder_and_converts_the_rest(tmp_path, locked):
    top = tree(tmp_path, ".txt", SEED.read_bytes())
    result = CliRunner().invoke(main, ["convert", str(top), "-o", str(tmp_path / "out"), "--jobs", "1", "-q"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"akn: {top / 'locked'}: cannot read folder (Permission denied)"]
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.xml")) == [
        "a.xml", "sub/c.xml"]


def test_convert_of_an_unreadable_folder_alone_is_one_line(tmp_path, locked):
    top = tree(tmp_path, ".txt", SEED.read_bytes())
    result = CliRunner().invoke(main, ["convert", str(top / "locked"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"akn: {top / 'locked'}: cannot read folder (Permission denied)"]


def test_validate_names_an_unreadable_folder_and_checks_the_rest(tmp_path, locked):
    top = tree(tmp_path, ".xml", SEED_XML.read_bytes())
    result = CliRunner().invoke(main, ["validate", str(top), "--format", "json"])
    assert result.exit_code == 2
    assert f"akn: {top / 'locked'}: cannot read folder (Permission denied)" in result.stderr.splitlines()
    assert [(Path(r["path"]).relative_to(top).as_posix(), r["valid"]) for r in json.loads(result.stdout)] == [
        ("locked", None), ("a.xml", True), ("sub/c.xml", True)]
    alone = CliRunner().invoke(main, ["validate", str(top / "locked")])
    assert alone.exit_code == 2
    assert alone.stderr.splitlines()[0] == f"akn: {top / 'locked'}: cannot read folder (Permission denied)"
    assert "no *.xml" not in alone.stderr


def as_nobody(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", sys.executable,
                           *args], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          cwd="/")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv, to run as nobody")
def test_a_folder_without_read_permission_as_nobody():
    """The real thing, as the reproducer unreadable-subfolder.sh has it: mode 000, a user who is not root."""
    if as_nobody("-c", "import converter.cli").returncode != 0:
        pytest.skip("nobody cannot run the converter from here")
    with tempfile.TemporaryDirectory() as name:
        base = Path(name)
        base.chmod(0o777)
        top = tree(base, ".txt", SEED.read_bytes())
        for path in (top, top / "sub"):
            path.chmod(0o755)
        (top / "locked").chmod(0)
        try:
            done = as_nobody("-m", "converter", "convert", str(top), "-o", str(base / "out"), "-q", "--jobs", "1")
        finally:
            (top / "locked").chmod(0o755)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [f"akn: {top / 'locked'}: cannot read folder (Permission denied)"]
        assert sorted(p.name for p in (base / "out").rglob("*.xml")) == ["a.xml", "c.xml"]
