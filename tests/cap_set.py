"""Run branch cap's set (tests/data/cap-losses-limits/set.yaml, session 13) and print, for each
entry, what its wrong and right passages give (problem findings: claim and verdict).

``.venv/bin/python tests/cap_set.py [set|batch2]`` prints the table and the counts per fact;
``--totals`` prints the counts only. A wrong passage is caught when a problem finding's claim
has the entry's fact (its own or an also-fact); a right passage is quiet with no problem
finding."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.claimdb import ClaimDatabase, load_claims
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "cap-losses-limits"
PROBLEMS = frozenset({"false", "misleading", "outdated"})


def problems(checker: Checker, text: str) -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict in PROBLEMS]


def of_fact(db: ClaimDatabase, found: list[tuple[str, str]], fact: str) -> bool:
    """Whether one of the findings is a claim of ``fact`` (its own or an also-fact)."""
    return any(
        db.claim(c).fact == fact or fact in db.claim(c).also_facts for c, _ in found
    )


def main(data: Path = DATA) -> None:
    totals_only = "--totals" in sys.argv
    name = next((a for a in sys.argv[1:] if not a.startswith("--")), "set")
    db = load_claims()
    checker = Checker(db, tax_year=2026)
    entries = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()
    for e in entries:
        wrong = problems(checker, e["wrong"])
        hit = of_fact(db, wrong, e["fact"])
        tally["caught"] += hit
        verdict = str(e.get("verdict")).lower()  # YAML reads an unquoted false as False
        tally["verdict"] += hit and any(
            v == verdict for c, v in wrong if of_fact(db, [(c, v)], e["fact"]))
        tally["wrong"] += 1
        tally[f"{e['fact']}:caught"] += hit
        tally[f"{e['fact']}:wrong"] += 1
        right = problems(checker, e["right"]) if "right" in e else []
        if "right" in e:
            tally["right"] += 1
            tally["quiet"] += not right
        if not totals_only:
            mark = "OK " if hit else ("ANY" if wrong else "-- ")
            fa = "FA " if right else "   "
            print(f"{mark} {fa} {e['id']:16} W{wrong} R{right}")
    facts = dict.fromkeys(e["fact"] for e in entries)
    for fact in facts:
        print(f"  {fact}: {tally[fact + ':caught']}/{tally[fact + ':wrong']}", file=sys.stderr)
    verdicts = (f" (verdict right {tally['verdict']})"
                if any("verdict" in e for e in entries) else "")
    print(f"wrong caught {tally['caught']}/{tally['wrong']}{verdicts}, "
          f"right quiet {tally['quiet']}/{tally['right']}", file=sys.stderr)


if __name__ == "__main__":
    main()
