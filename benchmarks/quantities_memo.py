"""The candidate builder's sentence memo on one scan of distinct articles: how many of its
look-ups miss, and what the misses' ``find_quantities`` costs, under other policies.

    python benchmarks/quantities_memo.py [--generated 2000] [--real] [--sizes 5000 20000]

Checks every article once (the real pages of ``corpus/`` and ``corpus/blind`` with
``--real``, never ``corpus/sealed``; ``--generated N`` generated ones), recording the text of
every sentence the builder asks ``quantities_of`` about, in order. The sequence is then
replayed against each policy and size: ``clear`` (the builder's: start over when full),
``lru`` (drop the least recently used) and ``unbounded``. Each distinct text's
``find_quantities`` is timed (best of 3) so that a policy's misses are priced in CPU seconds,
next to the checking CPU of the whole scan.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from steady_profile import _paths


def _misses(texts: list[str], policy: str, size: int) -> list[str]:
    """The texts of ``texts`` that a memo of ``size`` under ``policy`` misses."""
    memo: OrderedDict[str, None] = OrderedDict()
    missed = []
    for text in texts:
        if text in memo:
            if policy == "lru":
                memo.move_to_end(text)
            continue
        missed.append(text)
        if policy == "clear" and len(memo) >= size:
            memo.clear()
        elif policy == "lru" and len(memo) >= size:
            memo.popitem(last=False)
        memo[text] = None
    return missed


def _cost(text: str) -> float:
    from taxcheck.nlp.quantities import find_quantities

    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000)
    parser.add_argument("--real", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000])
    args = parser.parse_args()

    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.readers import read_path

    documents = [read_path(str(p)) for p in _paths(args.generated, args.real)]
    checker = Checker(load_claims())
    builder = checker.nlp.get_pipe("taxcheck_candidates")
    texts: list[str] = []
    asked = builder.quantities_of

    def recording(text: str, offset: int):  # type: ignore[no-untyped-def]
        texts.append(text)
        return asked(text, offset)

    builder.quantities_of = recording
    start = time.process_time()
    list(checker.check_many(documents))
    checking = time.process_time() - start
    cost = {text: _cost(text) for text in set(texts)}
    out: dict[str, object] = {"articles": len(documents), "look-ups": len(texts),
                              "distinct": len(cost), "checking CPU s": round(checking, 3),
                              "find_quantities of every look-up, s":
                                  round(sum(cost[t] for t in texts), 3)}
    for policy in ("clear", "lru"):
        for size in args.sizes:
            missed = _misses(texts, policy, size)
            out[f"{policy} {size}"] = {"misses": len(missed),
                                       "CPU s": round(sum(cost[t] for t in missed), 3)}
    missed = _misses(texts, "unbounded", 0)
    out["unbounded"] = {"misses": len(missed), "CPU s": round(sum(cost[t] for t in missed), 3)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
