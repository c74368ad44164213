"""Where the steady state's checking time goes: the Checker over the same articles several
times in one process, CPU time per stage (tokenizer, each pipeline component, matching, the
rest), optionally a cProfile of one pass.

    python benchmarks/steady_profile.py [--generated 100] [--real] [--first N] [--passes 3]
        [--profile OUT.prof] [--no-matching]
    PYTHONPATH=/path/to/other/src python benchmarks/steady_profile.py   # another version

``--real`` adds the real-page articles of ``corpus/`` and ``corpus/blind`` (never
``corpus/sealed``; ``--first N``: the first N of each). The first pass is a warm-up (new
words, lexemes, records, memos); the figures printed are the best of the later passes for
each stage. ``--profile`` runs cProfile over one more pass and writes its stats.
``--no-matching`` leaves matching out (instruction counts under callgrind with and without
it give matching's share: Python functions are not visible to callgrind).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus

REAL = ("corpus", "corpus/blind")
SUFFIXES = (".txt", ".md", ".html")


def _paths(generated: int, real: bool, first: int | None = None) -> list[Path]:
    paths: list[Path] = []
    if real:
        for folder in REAL:
            paths += [p for p in sorted(Path(folder).iterdir())
                      if p.is_file() and p.suffix in SUFFIXES][:first]
    if generated:
        folder = Path(tempfile.gettempdir()) / f"taxcheck-dump-{generated}"
        if not folder.is_dir():
            write_corpus(folder, generated)
        paths += sorted(folder.iterdir())
    return paths


def _one_pass(checker, documents, times: dict[str, float], matching: bool = True) -> None:
    """Check every document as ``Checker.check_many`` does, timing each stage."""
    from taxcheck.checker import _split_long_blocks, as_of_year
    from taxcheck.matching import drop_repeated_facts, match_document, never_right
    from taxcheck.matching.completions import completed_later
    from taxcheck.nlp.candidates import RESULT_KEY
    from taxcheck.nlp.normalise import pipeline_text

    clock = time.process_time
    nlp = checker.nlp
    for document in documents:
        document = _split_long_blocks(document)
        candidates, sentences = [], []
        for block in document.blocks:
            text = pipeline_text(block.text)
            start = clock()
            doc = nlp.make_doc(text)
            times["tokenizer"] += clock() - start
            for name, proc in nlp.pipeline:
                start = clock()
                doc = proc(doc)
                times[name] += clock() - start
            found, count = doc.user_data[RESULT_KEY]
            candidates.append(found)
            sentences.append(count)
        if not matching:
            continue
        year = as_of_year(document, checker.tax_year)
        start = clock()
        matched = match_document(document, candidates, checker.db, year, sentences)
        times["match_document"] += clock() - start
        start = clock()
        matched = completed_later(matched, document, candidates, checker.db)
        never_right(drop_repeated_facts(matched, checker.db), checker.db)
        times["after matching"] += clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=100)
    parser.add_argument("--real", action="store_true")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--first", type=int)
    parser.add_argument("--profile")
    parser.add_argument("--no-matching", action="store_true")
    args = parser.parse_args()

    import gc

    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.readers import read_path

    documents = [read_path(str(p)) for p in _paths(args.generated, args.real, args.first)]
    checker = Checker(load_claims())
    passes = []
    for _ in range(args.passes):
        times: dict[str, float] = defaultdict(float)
        gc.collect()
        _one_pass(checker, documents, times, not args.no_matching)
        times["checking"] = sum(times.values())
        passes.append(times)
    best = {k: round(min(p[k] for p in passes[1:] or passes), 4) for k in passes[-1]}
    print(json.dumps({"articles": len(documents),
                      "first pass": round(passes[0]["checking"], 4),
                      "later passes": [round(p["checking"], 4) for p in passes[1:]],
                      "best later, by stage": best}, indent=1))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        _one_pass(checker, documents, defaultdict(float))
        profiler.disable()
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
