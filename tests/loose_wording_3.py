"""Run the third loose-wording set (tests/data/loose-wording-3/, para10) and print, for each
pair, what the wrong and the right passage give (problem findings: claim and verdict).

``.venv/bin/python tests/loose_wording_3.py tuning`` prints the table and the x/y counts;
``... heldout --totals`` prints the counts only (the held-out half is not tuned on).

A wrong passage is caught when a problem finding's claim has the pair's fact as its ``fact``
or among its ``also_facts``; a right passage is quiet when it draws no problem finding."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.claimdb import ClaimDatabase, load_claims
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "loose-wording-3"
PROBLEMS = frozenset({"false", "misleading", "outdated"})


def load(name: str) -> list[dict[str, str]]:
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def problems(checker: Checker, text: str) -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict in PROBLEMS]


def of_fact(db: ClaimDatabase, found: list[tuple[str, str]], fact: str) -> bool:
    """Whether one of the findings is a claim of ``fact`` (its own or an also-fact)."""
    for claim_id, _ in found:
        claim = db.claim(claim_id)
        if claim.fact == fact or fact in claim.also_facts:
            return True
    return False


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "tuning"
    totals_only = "--totals" in sys.argv
    db = load_claims()
    checker = Checker(db, tax_year=2026)
    pairs = load(name)
    caught = quiet = 0
    for pair in pairs:
        wrong = problems(checker, pair["wrong"])
        right = problems(checker, pair["right"])
        hit = of_fact(db, wrong, pair["fact"])
        caught += hit
        quiet += not right
        if not totals_only:
            mark = "OK " if hit else ("ANY" if wrong else "-- ")
            print(f"{mark} {'   ' if not right else 'FA '} {pair['id']:16} W{wrong} R{right}")
    print(f"{name}: wrong caught {caught}/{len(pairs)}, right twins quiet {quiet}/{len(pairs)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
