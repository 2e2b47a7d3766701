"""Fuzz the converter with mutations of real UN texts, and count what breaks a promise.

Run by hand (not in CI; the suite's `tests/test_fuzz.py` runs a few hundred examples):

    python benchmarks/fuzz.py --count 100000 --jobs 2 [--failures failures.jsonl]
    python benchmarks/fuzz.py --replay failures.jsonl     # the same inputs again, after a fix

Case k takes a real text (from `../shared/corpus-mass`, `../shared/corpus-real`, `corpus/` and
`tests/fixtures`) and one to three mutations chosen by `random.Random(seed + k)`; the mutations
and the checks are those of `tests/mutations.py`. It prints the count of each outcome (converted,
refused with a one-line error, and the failures: internal-error, bad-message, invalid, unstable,
lost-words), per mutation too, and writes each failing case (file, mutations, seed, detail) as a
line of JSON for replaying.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutations import MUTATIONS, mutate, verdict  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "corpus-mass", ROOT.parent / "shared" / "corpus-real", ROOT / "corpus",
           ROOT / "tests" / "fixtures"]
FINE = ("converted", "refused")


def inputs() -> list[Path]:
    return sorted(p for root in SOURCES if root.is_dir() for p in root.rglob("*")
                  if p.suffix in (".txt", ".md") and p.is_file())


def case(files: list[Path], seed: int) -> tuple[str, list[str], int]:
    rng = random.Random(seed)
    names = rng.sample(sorted(MUTATIONS), rng.randint(1, 3))
    return str(rng.choice(files)), names, seed


def run(job: tuple[str, list[str], int]) -> dict:
    path, names, seed = job
    text = Path(path).read_text(encoding="utf-8")
    outcome, detail = verdict(mutate(text, names, seed))
    return {"file": path, "mutations": names, "seed": seed, "outcome": outcome, "detail": detail}


def report(results: list[dict], seconds: float, failures: Path | None) -> None:
    outcomes = Counter(r["outcome"] for r in results)
    print(f"{len(results):,} cases in {seconds:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in outcomes.most_common()))
    per_mutation: dict[str, Counter] = {}
    for r in results:
        for name in r["mutations"]:
            per_mutation.setdefault(name, Counter())[r["outcome"]] += 1
    for name, counts in sorted(per_mutation.items()):
        bad = sum(v for k, v in counts.items() if k not in FINE)
        print(f"  {name:22} {sum(counts.values()):7,} cases, {bad:5,} failing  {dict(counts)}")
    bad_cases = [r for r in results if r["outcome"] not in FINE]
    for r in bad_cases[:20]:
        print(f"  FAIL {r['outcome']}: {Path(r['file']).name} {r['mutations']} seed {r['seed']}: {r['detail'][:160]}")
    if failures is not None:
        failures.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bad_cases), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--failures", type=Path)
    parser.add_argument("--replay", type=Path, help="a failures file: run its cases again")
    args = parser.parse_args()
    if args.replay:
        jobs = [(r["file"], r["mutations"], r["seed"]) for r in map(json.loads, args.replay.read_text().splitlines())]
    else:
        files = inputs()
        if not files:
            sys.exit("no input texts found (../shared is absent?)")
        jobs = [case(files, args.seed + k) for k in range(args.count)]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run, jobs, chunksize=16))
    report(results, time.perf_counter() - started, args.failures)
    sys.exit(1 if any(r["outcome"] not in FINE for r in results) else 0)


if __name__ == "__main__":
    main()
