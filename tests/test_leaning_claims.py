"""Claims stated only through their context (ctx7's sets, run by :mod:`leaning_stress` through
the real Checker): short follow-ons, replies, body lines under a heading, list items and
steps, bare amounts, table cells, "the same goes for X", "That includes X", "It still does".
Each wrong follow-on is flagged on its own sentence with one of its claims and its verdict;
each correct twin stays quiet. The passages not handled yet are listed, so that a change that
handles one (or breaks another) shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaning_stress import outcomes, passages
from taxcheck.matching.retries.figure_pronouns import gives_bare_amount

DATA = Path(__file__).parent / "data"
SETS = {
    "leaning_claims.yaml": frozenset({
        # wording no concept covers: "half of what's vested", "the IRS sends you the
        # difference", "a safe place to do it", "gets swept in", "the rest of us"
        "loan-half-no-ceiling", "savers-refund", "heading-wash-ira", "same-roth-catchup-ira",
        "same-roth-catchup-all",
        # a pronoun after a verb ("forgives it") is taken to have its thing in its sentence
        "reply-loan-forgiven",
        # "the Roth part" is read as a Roth IRA, which the Roth 401(k) claim excludes
        "reply-roth401k-own-limit",
        # "Payments come out of your paycheck" reads as a withdrawal, which ends the loan topic
        "list-loan-ten-years",
        # "Same goes for your Roth" after an IRA amount: a second limit only by implication
        "same-ira-limit-roth",
    }),
    "leaning_claims_after.yaml": frozenset({
        # "disappears": wording; the context sentence's "free of the 10% penalty" is read as
        # tax-free, so its twin is flagged too ("ten years to empty" is caught since para10)
        "a-rest-disappears", "a-emergency-includes-income-tax",
        "a-emergency-includes-income-tax-twin",
    }),
}
"""Per set: the wrong passages still missed and the correct twins still flagged."""

CASES = [(name, p) for name in SETS for p in passages(DATA / name)]


@pytest.fixture(scope="module")
def results(checker):
    return {(name, o.id): o for name in SETS for o in outcomes(checker, DATA / name)}


@pytest.mark.parametrize("name, passage", CASES, ids=[f"{n}:{p['id']}" for n, p in CASES])
def test_a_claim_stated_through_its_context(results, name, passage):
    outcome = results[name, passage["id"]]
    expected = passage["id"] not in SETS[name]
    if passage["expect"] == "flag":
        assert outcome.ok is expected, (
            f"wrong follow-on said {outcome.said or 'nothing'}; expected one of "
            f"{passage['claims']} ({passage['verdict']}) on {passage['follow']!r}")
    else:
        assert outcome.ok is expected, f"correct twin said {outcome.said}"


def test_the_counts_reached(results):
    def count(name: str, expect: str) -> tuple[int, int]:
        group = [o for (n, _), o in results.items() if n == name and o.expect == expect]
        return sum(o.ok for o in group), len(group)

    assert count("leaning_claims.yaml", "flag") == (52, 61)
    assert count("leaning_claims.yaml", "quiet") == (54, 54)
    assert count("leaning_claims_after.yaml", "flag") == (12, 14)
    assert count("leaning_claims_after.yaml", "quiet") == (11, 12)


def test_the_sets_are_large_and_balanced():
    own = passages(DATA / "leaning_claims.yaml")
    assert len(own) >= 60
    assert sum(p["expect"] == "quiet" for p in own) * 3 >= len(own)
    assert {p["family"] for p in own} == {
        "short", "reply", "heading", "list", "bare", "table", "same", "change"}


@pytest.mark.parametrize("text, bare", [
    ("For 2026: $7,500.", True), ("Just $10,000.", True), ("This year: $7,000", True),
    ("$23,500.", True), ("In 2026, $24,500 for most savers.", True),
    ("2026: $8,000.", True),
    ("The 401(k) limit for 2026 is $24,500.", False),
    ("For 2026 the catch-up for workers 50 and older rises to $8,000.", False)])
def test_an_amount_given_bare(text, bare):
    assert gives_bare_amount(text) is bare
