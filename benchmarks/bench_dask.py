"""Throughput of ``taxcheck scan --engine dask`` on 2 local workers against the local
engine with ``--jobs 2``, on the same JSON Lines corpus.

    python benchmarks/bench_dask.py [--articles 2000] [--files 4] [--reps 3]

Runs, interleaved, best of ``--reps`` (end to end, a fresh ``taxcheck`` process each):

1. ``local``: ``taxcheck scan --jobs 2 --no-cache`` (writes a page per article);
2. ``dask --pages``: ``--engine dask --jobs 2 --pages`` (a new LocalCluster each run, so
   its start-up is counted; the same outputs as the local engine, as partitions);
3. ``dask``: ``--engine dask --jobs 2`` (no pages, the default at scale);
4. ``dask, running cluster``: ``--engine dask --scheduler ADDRESS`` against a 2-worker
   LocalCluster started once by this script (workers and their pipelines already up,
   as on a real cluster that serves many scans).

Prints articles/s and words/s of each (wall time) and words per CPU second (user +
system time of every process involved: steadier on a shared machine), and their ratios
to the local engine, as JSON.
Requires the ``dask`` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_jsonl


def run(cmd: list[str], cwd: Path, client=None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of ``cmd`` and of its children, plus the
    CPU time the running cluster's workers (``client``) spent meanwhile."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_before = sum(client.run(_cpu_seconds).values()) if client else 0.0
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if client:
        cpu += sum(client.run(_cpu_seconds).values()) - workers_before
    return wall, cpu


def _cpu_seconds() -> float:
    import psutil  # a dependency of distributed

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _rss_mb() -> float:
    import psutil  # a dependency of distributed

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        whole = write_jsonl(root / "all.jsonl", args.articles)
        lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
        whole.unlink()
        per = -(-len(lines) // args.files)
        for n in range(args.files):
            (root / "corpus").mkdir(exist_ok=True)
            (root / "corpus" / f"part-{n}.jsonl").write_text(
                "".join(lines[n * per:(n + 1) * per]), encoding="utf-8")
        base = [sys.executable, "-m", "taxcheck", "scan", "corpus", "-q"]
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
        variants = {
            "local": [*base, "--out", "o-local", "--jobs", "2", "--no-cache"],
            "dask --pages": [*base, "--out", "o-dask-pages", "--engine", "dask", "--jobs", "2",
                             "--pages"],
            "dask": [*base, "--out", "o-dask", "--engine", "dask", "--jobs", "2"],
            "dask, running cluster": [*base, "--out", "o-dask-running", "--engine", "dask",
                                      "--scheduler", cluster.scheduler_address],
        }
        run(variants["dask, running cluster"], root)  # warm-up: workers build pipelines
        rss = client.run(_rss_mb)
        best = dict.fromkeys(variants, float("inf"))
        cpu = dict.fromkeys(variants, float("inf"))
        for _ in range(args.reps):
            for name, cmd in variants.items():
                wall, used = run(cmd, root, client if "running" in name else None)
                best[name] = min(best[name], wall)
                cpu[name] = min(cpu[name], used)
        client.close()
        cluster.close()
        summary = json.loads((root / "o-local" / "summary.json").read_text(encoding="utf-8"))
        words = summary["timings"]["words"]
        dask_summary = json.loads((root / "o-dask" / "summary.json").read_text(
            encoding="utf-8"))
        assert dask_summary["findings"] == summary["findings"], "engines disagree"
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
        "articles": args.articles, "files": args.files, "words": words,
        "partitions": dask_summary["work"]["partitions"],
        "worker_rss_mb_after_a_scan": sorted(rss.values()),
        "runs": {name: {"seconds": round(sec, 2),
                        "articles_per_s": round(args.articles / sec, 1),
                        "words_per_s": round(words / sec),
                        "ratio_to_local": round(best["local"] / sec, 3),
                        "cpu_seconds": round(cpu[name], 2),
                        "words_per_cpu_s": round(words / cpu[name]),
                        "cpu_ratio_to_local": round(cpu["local"] / cpu[name], 3)}
                 for name, sec in best.items()},
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
