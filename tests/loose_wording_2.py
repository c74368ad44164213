"""Run the second loose-wording set (tests/data/loose-wording-2/pairs.yaml) and print, for
each pair, what the wrong and the right passage give (problem findings: claim and verdict).

``.venv/bin/python tests/loose_wording_2.py`` prints the table and the x/y counts."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.claimdb import load_claims
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "loose-wording-2" / "pairs.yaml"
PROBLEMS = frozenset({"false", "misleading", "outdated"})


def problems(checker: Checker, text: str) -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict in PROBLEMS]


def main() -> None:
    pairs = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    checker = Checker(load_claims(), tax_year=2026)
    caught = quiet = 0
    for pair in pairs:
        wrong = problems(checker, pair["wrong"])
        right = problems(checker, pair["right"])
        hit = "claim" in pair and pair["claim"] in {c for c, _ in wrong}
        caught += hit
        quiet += not right
        mark = "OK " if hit else ("ANY" if wrong else "-- ")
        print(f"{mark} {'   ' if not right else 'FA '} {pair['id']:22} W{wrong} R{right}")
    print(f"wrong caught {caught}/{len(pairs)}, right twins quiet {quiet}/{len(pairs)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
