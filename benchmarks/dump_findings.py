"""Every report of the Checker over the development corpus and N generated articles, one
JSON line per article, for comparing two versions of the code finding by finding.

    python benchmarks/dump_findings.py OUT.jsonl [--articles 500]
    PYTHONPATH=/path/to/other/src python benchmarks/dump_findings.py OTHER.jsonl
    cmp OUT.jsonl OTHER.jsonl

Reads ``corpus/*.txt|md|html``, ``corpus/blind`` and ``corpus/bank`` (never
``corpus/sealed``) from the current folder, and N generated articles (the benchmark
corpus of :mod:`make_corpus`, written once to ``$TMPDIR/taxcheck-dump-N``: finding ids hash
the article's path). A speed change should leave the output byte for byte the same.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus

DEVELOPMENT = ("corpus", "corpus/blind", "corpus/bank")
SUFFIXES = (".txt", ".md", ".html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()

    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.readers import read_path
    from taxcheck.render.json_ import report_dict

    paths = [p for folder in DEVELOPMENT for p in sorted(Path(folder).iterdir())
             if p.is_file() and p.suffix in SUFFIXES]
    # a fixed folder: finding ids hash the article's path
    generated = Path(tempfile.gettempdir()) / f"taxcheck-dump-{args.articles}"
    if not generated.is_dir():
        write_corpus(generated, args.articles)
    paths += sorted(generated.iterdir())
    checker = Checker(load_claims())
    with open(args.out, "w", encoding="utf-8") as out:
        for path in paths:
            report = report_dict(checker.check(read_path(str(path))))
            out.write(json.dumps(report, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(paths)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
