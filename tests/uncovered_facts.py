"""Run the set on facts no claim covered at session 12's start (tests/data/uncovered-facts/):
the wrong/right pairs, the quiet sentences and the section-L spot checks, and print what each
gives (problem findings: claim:verdict@line) with the x/y counts.

``.venv/bin/python tests/uncovered_facts.py`` prints the table."""

from __future__ import annotations

from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.claimdb import load_claims
from taxcheck.readers import read_bytes

try:
    from passage_runs import problems
except ImportError:  # imported as tests.uncovered_facts
    from tests.passage_runs import problems

DATA = Path(__file__).parent / "data" / "uncovered-facts"


def found(checker: Checker, text: str) -> list[tuple[str, str]]:
    """(claim, verdict) of each problem finding on ``text`` read as a plain-text page."""
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in problems(report.findings)]


def pairs() -> list[dict]:
    return yaml.safe_load((DATA / "pairs.yaml").read_text(encoding="utf-8"))


def lines(name: str) -> list[list[str]]:
    """The rows of a ``K|claim|text`` (or ``Q|text``) file, comments left out."""
    rows = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [row.split("|", 2) if row[:2] in ("W|", "R|") else row.split("|", 1)
            for row in rows if row[:2] in ("W|", "R|", "Q|")]


def main() -> None:
    checker = Checker(load_claims(), tax_year=2026)
    by_fact: dict[str, list[int]] = {}
    for pair in pairs():
        wrong, right = found(checker, pair["wrong"]), found(checker, pair["right"])
        hit = pair["claim"] in {c for c, _ in wrong}
        tally = by_fact.setdefault(pair["fact"], [0, 0, 0])
        tally[0] += hit
        tally[1] += not right
        tally[2] += 1
        mark = "OK " if hit else ("ANY" if wrong else "-- ")
        print(f"{mark} {'FA ' if right else '   '} {pair['id']:20} W{wrong} R{right}")
    for fact, (hit, quiet, n) in by_fact.items():
        print(f"  {fact}: wrong caught {hit}/{n}, right quiet {quiet}/{n}")
    print(f"pairs: wrong caught {sum(t[0] for t in by_fact.values())}/"
          f"{sum(t[2] for t in by_fact.values())}, right quiet "
          f"{sum(t[1] for t in by_fact.values())}/{sum(t[2] for t in by_fact.values())}")
    quiet = [(text, found(checker, text)) for _, text in lines("quiet.txt")]
    for text, got in quiet:
        print(f"{'FA ' if got else 'ok '} {got} {text[:70]}")
    print(f"quiet sentences quiet {sum(not g for _, g in quiet)}/{len(quiet)}")
    for name in ("section-l.txt", "held-out.txt"):
        rows = [(row[0], row[1], row[2].removesuffix(" #missed")) for row in lines(name)]
        got = [(kind, claim, text, found(checker, text)) for kind, claim, text in rows]
        for kind, claim, text, g in got:
            ok = claim in {c for c, _ in g} if kind == "W" else not g
            print(f"{'OK ' if ok else '-- '} {kind} {claim:36} {g} {text[:50]}")
        wrong = [x for x in got if x[0] == "W"]
        right = [x for x in got if x[0] == "R"]
        print(f"{name}: wrong caught {sum(c in {x for x, _ in g} for _, c, _, g in wrong)}"
              f"/{len(wrong)}, right quiet {sum(not g for *_, g in right)}/{len(right)}")


if __name__ == "__main__":
    main()
