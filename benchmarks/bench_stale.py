"""What a rescan after a claim edit costs: only the articles that touch it are re-checked.

On the synthetic corpus of ``make_corpus.py`` (N articles), in one run (prints JSON):

1. a cold ``taxcheck scan`` with a cache;
2. a rescan after editing one claim (a house folder overriding ``--claim`` with a new
   ``says``), with ``--compare`` against the cold scan's outputs;
3. a rescan after adding a figure year (``tests/data/house-figures``), with ``--compare``.

Steps 2 and 3 each start from a copy of the cold scan's cache.

Each is timed end to end (process start included) and inside the scan
(``timings.total_seconds``), with the counts from ``summary.json``: articles checked,
taken from the cache, and why the checked ones were checked. ``uptime`` is recorded
before each step: the machine is shared.

    python benchmarks/bench_stale.py --articles 10000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def run_scan(root: Path, out: str, jobs: int, *extra: str, cache: str = "cache") -> dict:
    load = uptime()
    start = time.perf_counter()
    cpu = os.times()
    result = subprocess.run(
        [sys.executable, "-m", "taxcheck", "scan", "corpus", "--out", out, "--cache", cache,
         "--jobs", str(jobs), "--fail-on", "never", "--no-progress", *extra],
        cwd=root, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = os.times()
    if result.returncode != 0:
        raise SystemExit(f"scan failed ({result.returncode}): {result.stderr}")
    summary = json.loads((root / out / "summary.json").read_text(encoding="utf-8"))
    return {"wall_seconds": round(wall, 2),
            "cpu_seconds": round((after.children_user + after.children_system)
                                 - (cpu.children_user + cpu.children_system), 2),
            "inside_seconds": summary["timings"]["total_seconds"],
            "checked": summary["work"]["checked"], "cached": summary["work"]["cached"],
            "rechecked": summary.get("rechecked", {}),
            "terminal": [line for line in result.stderr.splitlines()
                         if not line.startswith(("index:", "summary:", "changes:", "scan:"))],
            "uptime": load}


def house_edit(root: Path, claim_id: str) -> Path:
    """A house folder overriding one built-in claim with a new ``says``."""
    house = root / "house-edit"
    house.mkdir(exist_ok=True)
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        match = re.search(rf"^  - id: {re.escape(claim_id)}\n(?:    .*\n|\n)*?    says: (.*)$",
                          text, re.M)
        if match:
            edited = text[:match.start(1)] + match[1] + " (edited)" + text[match.end(1):]
            (house / path.name).write_text(edited, encoding="utf-8")
            return house
    raise SystemExit(f"no claim {claim_id!r} in claims/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--claim", default="catch-up-limit",
                        help="the claim to edit [default: catch-up-limit]")
    parser.add_argument("--work", type=Path, help="folder to work in [default: a temporary one]")
    args = parser.parse_args()
    root = args.work or Path(tempfile.mkdtemp(prefix="bench-stale-"))
    if not (root / "corpus").is_dir():
        write_corpus(root / "corpus", args.articles)
    results = {"articles": args.articles, "jobs": args.jobs, "claim": args.claim,
               "cold": run_scan(root, "cold", args.jobs)}
    # each edit starts from a copy of the cold scan's cache
    for step, house in (("claim_edited", house_edit(root, args.claim)),
                        ("figure_year_added", ROOT / "tests" / "data" / "house-figures")):
        shutil.rmtree(root / f"cache-{step}", ignore_errors=True)
        shutil.copytree(root / "cache", root / f"cache-{step}")
        results[step] = run_scan(root, step, args.jobs, "--compare", "cold",
                                 "--claims", str(house), cache=f"cache-{step}")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
