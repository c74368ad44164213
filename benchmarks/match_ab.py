"""Matching's CPU, this version against another, interleaved per article in one process.

    python benchmarks/match_ab.py OTHER_SRC [--rounds 3] [--generated 100]

``OTHER_SRC`` is the ``src`` folder of another version (an exported copy of main). Its
``taxcheck/matching`` and ``taxcheck/tense.py`` are copied to a temporary package
``taxcheck_other`` (their imports of each other rewritten; everything else, the database,
documents and findings included, is this version's). Every article of ``corpus/`` and
``corpus/blind`` (never ``corpus/sealed``) and ``--generated`` generated ones goes through
this version's pipeline once; both versions' ``match_document`` then run on the same
candidates, article by article, the order alternating, and each one's CPU time is summed
per round. A shared machine's load slows both alike, which whole-process runs in turn do
not. The first round (a warm-up) also checks that both find the same findings.
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from steady_profile import _paths

_IMPORTS = re.compile(r"\btaxcheck\.(matching|tense)\b")


def _other_package(src: Path, into: Path) -> None:
    """Copy ``src``'s matching package and tense module into ``into/taxcheck_other``."""
    package = into / "taxcheck_other"
    shutil.copytree(src / "taxcheck" / "matching", package / "matching",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(src / "taxcheck" / "tense.py", package / "tense.py")
    (package / "__init__.py").write_text("")
    for path in package.rglob("*.py"):
        text = _IMPORTS.sub(r"taxcheck_other.\1", path.read_text(encoding="utf-8"))
        text = text.replace("from taxcheck import tense", "from taxcheck_other import tense")
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other_src", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--generated", type=int, default=100)
    args = parser.parse_args()

    from taxcheck.checker import Checker, _split_long_blocks, as_of_year
    from taxcheck.claimdb import load_claims
    from taxcheck.matching import match_document as this
    from taxcheck.nlp.candidates import RESULT_KEY
    from taxcheck.nlp.normalise import pipeline_text
    from taxcheck.readers import read_path

    folder = Path(tempfile.mkdtemp(prefix="taxcheck-other-"))
    _other_package(args.other_src, folder)
    sys.path.insert(0, str(folder))
    from taxcheck_other.matching import match_document as other  # type: ignore[import-not-found]

    checker = Checker(load_claims())
    work = []
    for path in _paths(args.generated, True):
        document = _split_long_blocks(read_path(str(path)))
        candidates, sentences = [], []
        for doc in checker.nlp.pipe([pipeline_text(b.text) for b in document.blocks]):
            found, count = doc.user_data[RESULT_KEY]
            candidates.append(found)
            sentences.append(count)
        work.append((document, candidates, as_of_year(document, None), sentences))
    differ = 0
    for document, candidates, year, sentences in work:
        mine = this(document, candidates, checker.db, year, sentences)
        theirs = other(document, candidates, checker.db, year, sentences)
        differ += [f.model_dump() for f in mine] != [f.model_dump() for f in theirs]
    print(f"{len(work)} articles, {differ} with other findings", flush=True)
    clock = time.process_time
    gc.disable()
    for round_ in range(args.rounds):
        spent = {"this": 0.0, "other": 0.0}
        for n, (document, candidates, year, sentences) in enumerate(work):
            pair = [("this", this), ("other", other)]
            for name, match in pair if (n + round_) % 2 else pair[::-1]:
                start = clock()
                match(document, candidates, checker.db, year, sentences)
                spent[name] += clock() - start
        gc.collect()
        print(f"round {round_ + 1}: this {spent['this']:.3f} s, other {spent['other']:.3f} s,"
              f" ratio {spent['this'] / spent['other']:.3f}", flush=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
