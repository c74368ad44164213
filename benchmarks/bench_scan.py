"""Measure ``taxcheck scan`` on a synthetic corpus, in one run, on the same texts.

    python benchmarks/bench_scan.py [--articles 1000] [--large 10000] [--reps 3]

Reports (and prints as JSON at the end):

1. taxcheck words/s on one core (the Checker over every block of the corpus, CPU time);
2. a bare spaCy baseline on the same block texts: ``blank("en")`` + sentencizer + the
   lookup lemmatizer through ``nlp.pipe``; and the ratio of the two;
3. the speed-up of ``taxcheck scan --jobs 2`` over ``--jobs 1`` (end to end, no cache),
   next to the speed-up two copies of a pure-Python loop get on this machine at that
   moment (the ceiling: on a shared or hyper-threaded machine it is well under 2);
4. the peak RSS of ``taxcheck scan --jobs 1`` on ``--articles`` and ``--large`` articles;
5. cold versus warm ``taxcheck scan`` (with the cache) on both corpora: end to end (with
   interpreter start-up and imports) and inside the scan (``timings`` in summary.json).

Timings are the best of ``--reps`` interleaved runs, to damp the noise of a shared
machine. Everything is written under a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus


def taxcheck_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "taxcheck", *args]


def timed(cmd: list[str]) -> float:
    """Wall time of ``cmd``."""
    return timed_cpu(cmd)[0]


def timed_cpu(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all its processes) of ``cmd``: CPU time
    barely moves when other work shares the machine, wall time can double."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


_BURN = "x = 0\nfor i in range(6_000_000):\n    x += i * i\n"


def parallel_ceiling() -> float:
    """How much faster two CPU-bound processes finish than one after the other, now."""
    cmd = [sys.executable, "-c", _BURN]
    one = timed(cmd)
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return round(2 * one / (time.perf_counter() - start), 2)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak RSS of ``cmd`` (the largest process it ran), in MB, measured in a fresh process
    so that earlier children do not count."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
             " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                         check=True).stdout
    kib = int(out.strip())
    return kib / 1024 if platform.system() == "Linux" else kib / 1024 / 1024


def throughput(corpus: Path, reps: int) -> dict[str, float]:
    """Words per second of the Checker and of the bare spaCy baseline, same texts."""
    import spacy

    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.readers import read_path

    documents = [read_path(str(p)) for p in sorted(corpus.iterdir())]
    texts = [block.text for doc in documents for block in doc.blocks]
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")
    baseline.add_pipe("lemmatizer", config={"mode": "lookup"})
    baseline.initialize()
    checker = Checker(load_claims())
    for _ in checker.check_many(documents[:5]):  # warm up both
        pass
    for _ in baseline.pipe(texts[:50]):
        pass
    best_base = best_tax = float("inf")
    for _ in range(reps):  # CPU time of this process: steady when the machine is shared
        start = time.process_time()
        for _doc in baseline.pipe(texts, batch_size=256):
            pass
        best_base = min(best_base, time.process_time() - start)
        start = time.process_time()
        for _report in checker.check_many(documents):
            pass
        best_tax = min(best_tax, time.process_time() - start)
    return {"words": words, "baseline_words_per_s": round(words / best_base),
            "taxcheck_words_per_s": round(words / best_tax),
            "ratio": round(best_base / best_tax, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000,
                        help="articles for the second peak-RSS run (0 to skip)")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(), "load_average": os.getloadavg()},
        "articles": args.articles}
    work = Path(tempfile.mkdtemp(prefix="taxcheck-bench-"))
    try:
        corpus = work / "corpus"
        write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles in {corpus}", file=sys.stderr)

        results["throughput_one_core"] = throughput(corpus, args.reps)
        print(f"throughput: {results['throughput_one_core']}", file=sys.stderr)

        scan = ["scan", str(corpus), "-q", "--fail-on", "never"]
        one = two = float("inf")
        ceilings = []
        for i in range(args.reps):
            ceilings.append(parallel_ceiling())
            one = min(one, timed(taxcheck_cmd(*scan, "--out", str(work / f"j1-{i}"),
                                              "--no-cache", "--jobs", "1")))
            two = min(two, timed(taxcheck_cmd(*scan, "--out", str(work / f"j2-{i}"),
                                              "--no-cache", "--jobs", "2")))
        results["jobs"] = {"jobs_1_s": round(one, 2), "jobs_2_s": round(two, 2),
                           "speedup": round(one / two, 2),
                           "machine_two_process_speedup": ceilings}
        print(f"jobs: {results['jobs']}", file=sys.stderr)

        cold = warm = cold_cpu = warm_cpu = float("inf")
        cold_inner = warm_inner = float("inf")
        for i in range(args.reps):
            out = work / f"cache-{i}"
            wall, cpu = timed_cpu(taxcheck_cmd(*scan, "--out", str(out), "--jobs", "1"))
            cold, cold_cpu = min(cold, wall), min(cold_cpu, cpu)
            cold_inner = min(cold_inner, json.loads((out / "summary.json").read_text())[
                "timings"]["total_seconds"])
            wall, cpu = timed_cpu(taxcheck_cmd(*scan, "--out", str(out), "--jobs", "1"))
            warm, warm_cpu = min(warm, wall), min(warm_cpu, cpu)
            summary = json.loads((out / "summary.json").read_text())
            assert summary["work"]["checked"] == 0, "the warm run checked articles"
            warm_inner = min(warm_inner, summary["timings"]["total_seconds"])
        results["rescan"] = {"cold_s": round(cold, 2), "warm_s": round(warm, 2),
                             "warm_over_cold": round(warm / cold, 3),
                             "cold_cpu_s": round(cold_cpu, 2), "warm_cpu_s": round(warm_cpu, 2),
                             "warm_over_cold_cpu": round(warm_cpu / cold_cpu, 3),
                             "cold_scan_s": cold_inner, "warm_scan_s": warm_inner,
                             "warm_over_cold_scan": round(warm_inner / cold_inner, 3)}
        print(f"rescan: {results['rescan']}", file=sys.stderr)

        rss = {str(args.articles): round(peak_rss_mb(taxcheck_cmd(
            *scan, "--out", str(work / "rss-small"), "--no-cache", "--jobs", "1")), 1)}
        if args.large:
            large = work / "large"
            write_corpus(large, args.large)
            out = work / "rss-large"
            big = ["scan", str(large), "-q", "--fail-on", "never", "--out", str(out),
                   "--jobs", "1"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            rss[str(args.large)] = round(peak_rss_mb(taxcheck_cmd(*big)), 1)
            cold = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cold_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cold_inner = json.loads((out / "summary.json").read_text())["timings"][
                "total_seconds"]
            warm, warm_cpu = timed_cpu(taxcheck_cmd(*big))
            summary = json.loads((out / "summary.json").read_text())
            assert summary["work"]["checked"] == 0, "the warm run checked articles"
            warm_inner = summary["timings"]["total_seconds"]
            results["rescan_large"] = {
                "articles": args.large, "cold_s": round(cold, 2), "warm_s": round(warm, 2),
                "warm_over_cold": round(warm / cold, 3), "cold_cpu_s": round(cold_cpu, 2),
                "warm_cpu_s": round(warm_cpu, 2),
                "warm_over_cold_cpu": round(warm_cpu / cold_cpu, 3), "cold_scan_s": cold_inner,
                "warm_scan_s": warm_inner,
                "warm_over_cold_scan": round(warm_inner / cold_inner, 3)}
            print(f"rescan (large): {results['rescan_large']}", file=sys.stderr)
        results["peak_rss_mb_jobs_1"] = rss
        print(f"peak RSS (MB): {rss}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
