"""The CI speed guard: throughput and start-up against bare spaCy, measured side by side.

    python benchmarks/bench_guard.py [--articles 300] [--reps 5]
        [--min-throughput 0.3] [--max-startup 2.0]

1. **Throughput ratio**: CPU time of bare spaCy (``blank("en")`` + ``sentencizer`` + the
   ``lookup`` lemmatizer, through ``nlp.pipe``) over the blocks of ``--articles``
   generated articles, divided by the CPU time of the Checker over the same articles (best
   of ``--reps`` interleaved rounds). 1.0 would be "as fast as tokenizing".
2. **Start-up ratio**: ``taxcheck check`` on a two-sentence file against
   ``python -c "import spacy; spacy.blank('en')"``, run alternately ``--reps`` times
   (after one untimed run of each, which fills the compiled claim-database cache); the
   median CPU time (user + system) of each, and its ratio. Wall times are printed too.
   taxcheck's modules are byte-compiled first, as an install compiles them (and as
   spaCy's are).

Ratios measured in the same minutes on the same machine are what count: on a shared
machine each absolute figure can double from one minute to the next, while both sides
of a ratio slow down together. CPU time moves less than wall time under load.

Prints the figures and exits 1 when the throughput ratio is below ``--min-throughput``
or the start-up ratio above ``--max-startup`` (the CI thresholds are loose on purpose:
they catch a regression of several times, not noise).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scan import throughput
from make_corpus import write_corpus

SMALL_ARTICLE = ("Loss limits\n\nYou can deduct up to $3,000 of capital losses a year.\n"
                 "The 401(k) limit for 2024 is $23,000.\n")
BASELINE_START = [sys.executable, "-c", "import spacy; spacy.blank('en')"]


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU time (user + system of the child) of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def byte_compile_taxcheck() -> bool:
    """Write taxcheck's bytecode (``__pycache__``), as installing a package does.

    spaCy's modules were compiled when it was installed; an editable checkout run with
    ``PYTHONDONTWRITEBYTECODE`` set (as some shells and CI images do) would otherwise
    compile every taxcheck module from source on every start, which is not what a user's
    start-up costs. False when the package folder cannot be written (it then runs as is).
    """
    import compileall

    import taxcheck

    return bool(compileall.compile_dir(Path(taxcheck.__file__).parent, quiet=2))


def startup(work: Path, reps: int) -> dict[str, float]:
    """Median CPU and wall time of ``taxcheck check`` on a small file and of bare spaCy."""
    byte_compile_taxcheck()
    article = work / "small.txt"
    article.write_text(SMALL_ARTICLE, encoding="utf-8")
    check = [sys.executable, "-m", "taxcheck", "check", str(article), "--fail-on", "never"]
    env = {**os.environ, "NO_COLOR": "1"}
    run_timed(check, env)  # fills the compiled claim-database cache
    run_timed(BASELINE_START)
    ours, theirs = [], []
    for _ in range(reps):
        ours.append(run_timed(check, env))
        theirs.append(run_timed(BASELINE_START))
    cpu_ours = statistics.median(c for _, c in ours)
    cpu_base = statistics.median(c for _, c in theirs)
    wall_ours = statistics.median(w for w, _ in ours)
    wall_base = statistics.median(w for w, _ in theirs)
    return {"check_cpu_s": round(cpu_ours, 3), "spacy_blank_cpu_s": round(cpu_base, 3),
            "ratio": round(cpu_ours / cpu_base, 3),
            "check_wall_s": round(wall_ours, 3), "spacy_blank_wall_s": round(wall_base, 3),
            "wall_ratio": round(wall_ours / wall_base, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--min-throughput", type=float, default=0.3)
    parser.add_argument("--max-startup", type=float, default=2.0)
    args = parser.parse_args()
    results: dict[str, object] = {"load_average": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory(prefix="taxcheck-guard-") as tmp:
        work = Path(tmp)
        write_corpus(work / "corpus", args.articles)
        results["throughput"] = throughput(work / "corpus", max(2, args.reps // 2))
        results["startup"] = startup(work, args.reps)
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=2))
    tput = results["throughput"]["ratio"]  # type: ignore[index]
    start = results["startup"]["ratio"]  # type: ignore[index]
    failures = []
    if tput < args.min_throughput:
        failures.append(f"throughput ratio {tput} is below {args.min_throughput}")
    if start > args.max_startup:
        failures.append(f"start-up ratio {start} is above {args.max_startup}")
    print(f"speed guard: throughput ratio {tput} (minimum {args.min_throughput}), "
          f"start-up ratio {start} (maximum {args.max_startup}): "
          f"{'FAIL: ' + '; '.join(failures) if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
