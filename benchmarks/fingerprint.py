"""Fingerprint a conversion: one line per input (its path, then the SHA-256 of its XML, or the
error), for checking that a refactoring changes no output byte on whole corpora.

    python benchmarks/fingerprint.py ../shared/corpus-mass > before.tsv
    ... change the code ...
    python benchmarks/fingerprint.py ../shared/corpus-mass > after.tsv && diff before.tsv after.tsv
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from converter import convert
from converter.api import InputError


def fingerprint(path: Path) -> str:
    try:
        result = convert(path.read_bytes())
    except InputError as exc:
        return f"refused\t{exc}"
    codes = ",".join(sorted({d.code for d in result.diagnostics}))
    return f"{hashlib.sha256(result.xml).hexdigest()}\t{codes}"


def main(roots: list[str]) -> None:
    for root in roots:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix in (".txt", ".md") and path.is_file():
                print(f"{path}\t{fingerprint(path)}", flush=False)


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus-mass"])
