"""The cost of text met for the first time: the Checker over the same articles several
times in one process, CPU time and pattern compiles per pass.

    python benchmarks/first_pass.py [--articles 40] [--passes 3] [--folder corpus/blind]
    PYTHONPATH=/path/to/other/src python benchmarks/first_pass.py   # another version

A fresh process (one seed article checked first, as a short ``check`` does) meets new
words, lexemes and records on its first pass; later passes show what checking costs once
they are known. Each pattern an automaton is compiled to (``Encoder.compile``) is counted
and timed, and so is each one made from its cached program (``programs.load``). Reads the
first ``--articles`` files of ``--folder`` (never ``corpus/sealed``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

SEED = "Loss limits\n\nYou can deduct up to $3,000 of capital losses a year.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--folder", default="corpus/blind")
    args = parser.parse_args()
    if "sealed" in Path(args.folder).parts:
        raise SystemExit("not on corpus/sealed")

    start = time.process_time()
    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.nlp import encoded
    from taxcheck.readers import read_bytes, read_path

    compiles = [0, 0.0]
    original = encoded.Encoder.compile

    def counted(self: encoded.Encoder, automaton: object) -> object:
        began = time.process_time()
        try:
            return original(self, automaton)  # type: ignore[arg-type]
        finally:
            compiles[0] += 1
            compiles[1] += time.process_time() - began

    encoded.Encoder.compile = counted  # type: ignore[method-assign]
    from taxcheck.nlp import lexicon
    loads = [0, 0.0]
    given = getattr(lexicon, "load", None)  # (a cached program handed to the engine)

    def loaded(made: object) -> object:
        began = time.process_time()
        try:
            return given(made)  # type: ignore[misc]
        finally:
            loads[0] += 1
            loads[1] += time.process_time() - began

    if given is not None:
        lexicon.load = loaded  # type: ignore[attr-defined]
    checker = Checker(load_claims())
    checker.check(read_bytes(SEED.encode(), "seed.txt"))
    built = time.process_time() - start
    paths = sorted(p for p in Path(args.folder).iterdir() if p.is_file())[:args.articles]
    documents = [read_path(str(p)) for p in paths]
    passes = []
    for _ in range(args.passes):
        compiles[:] = [0, 0.0]
        loads[:] = [0, 0.0]
        began = time.process_time()
        for _report in checker.check_many(documents):
            pass
        passes.append({"cpu_s": round(time.process_time() - began, 3),
                       "compiles": compiles[0], "compile_s": round(compiles[1], 3),
                       "programs_loaded": loads[0], "load_s": round(loads[1], 3)})
    print(json.dumps({"articles": len(documents), "start_and_seed_cpu_s": round(built, 3),
                      "passes": passes}))


if __name__ == "__main__":
    main()
