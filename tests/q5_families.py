"""The families behind round q5's misses and false alarms (tests/data/q5_families.yaml):
whole pages (plain text, Markdown or HTML) checked as `taxcheck eval` checks a gold file,
against tax year 2026 with the page's own date kept. A wrong passage is caught when a
problem finding of a claim resting on the passage's fact, with its verdict, falls on the
sentence that holds the quote (a passage may list several facts or verdicts that count); a
correct twin must stay quiet (no problem finding; with a quote, none on the sentence that
holds it: an old page's right line among its outdated ones).

Run as a script for the table: ``.venv/bin/python tests/q5_families.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from passage_runs import Outcome, load, problems, said, summary
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "q5_families.yaml"
AS_OF = 2026




def passages(data: Path = DATA) -> list[dict]:
    return load(data)


def _squash(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def run(checker: Checker, passage: dict, facts: dict[str, tuple[str, ...]]) -> Outcome:
    name = "page." + passage.get("format", "txt")
    report = checker.check(read_bytes(passage["text"].encode(), name), tax_year=AS_OF)
    found = problems(report.findings)
    if passage["expect"] == "quiet":
        if "quote" in passage:  # (an old page's twin: quiet on its own line)
            quote = _squash(passage["quote"])
            found = [f for f in found if quote in _squash(f.sentence)]
        return Outcome(passage["id"], passage["family"], "quiet", not found, said(found))
    quote = _squash(passage["quote"])
    wanted, verdicts = _options(passage["fact"]), _options(passage["verdict"])
    ok = any(quote in _squash(f.sentence) and wanted & set(facts.get(f.claim_id, ()))
             and f.verdict in verdicts for f in found)
    return Outcome(passage["id"], passage["family"], "flag", ok, said(found))


def _options(value: str | list[str]) -> set[str]:
    """A passage's fact or verdict: one, or a list of those that count."""
    return {value} if isinstance(value, str) else set(value)


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: (c.fact, *c.also_facts) for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages(data)]


def assert_passage(outcome: Outcome, passage: dict, not_caught: frozenset[str],
                   twin_flagged: frozenset[str]) -> None:
    """A wrong passage is flagged with its fact and verdict on its quote, a correct one stays
    quiet, unless the test lists it as still missed (``not_caught``) or still flagged."""
    if passage["expect"] == "flag":
        assert outcome.ok is (passage["id"] not in not_caught), (
            f"wrong passage said {outcome.said or 'nothing'}; expected {passage['fact']} "
            f"({passage['verdict']}) on {passage['quote']!r}")
    else:
        assert outcome.ok is (passage["id"] not in twin_flagged), (
            f"correct passage said {outcome.said}")


def one_sided_families(passages: list[dict]) -> list[str]:
    """The families of a passage set that lack a wrong passage or a correct twin: each family
    must show both that its wrong wording is flagged and that its right wording stays quiet."""
    return sorted(family for family in {p["family"] for p in passages}
                  if {p["expect"] for p in passages if p["family"] == family} != {"flag", "quiet"})


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims()), Path(sys.argv[1]) if sys.argv[1:] else DATA)))
