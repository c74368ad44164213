"""The fourth phrasing-bank round's misses in sections G-L, by wording family (issue 12;
session 17, branch bankB).

``tests/data/bankb_families.yaml`` holds short pages written from the fact sheet before each
change, in words that appear neither in c3 nor in the claim examples of the time, each family
with wrong statements that must be flagged with their fact and right twins that must stay
quiet: RMDs in everyday words (hyphenated compounds such as "the compulsory-withdrawal age", a
wait until an age in the seventies "before you need to pull any cash out", a duty to "pay out
every year", a duty denied "before" an age in the seventies: concepts.yaml RMD, cues.yaml
PSEUDO_NEGATION); the Saver's Match as the government putting money into savers' accounts
(concepts.yaml SAVERS_MATCH); a defaulted plan loan said to cost no tax
(``plan-loan-default-tax-free``, concepts.yaml DEFAULT and TAX_FREE); a SIMPLE plan said to
allow as much as a 401(k) (concepts.yaml SAME_AS_401K); high earners said to lose catch-ups
outright (``roth-catch-up-high-earners-lose``'s OUTRIGHT); nobody covered at work, the IRA
deduction still said to phase out (``ira-deduction-phaseout-when-not-covered``'s
NEITHER_COVERED); the employer's match put inside the employee's own limit by an inclusion
("measured against your personal deferral limit, employer contributions included",
``employer-match-counts-toward-deferral-limit``'s OWN_LIMIT). They run through the real
Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/bankb_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import problems
from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "bankb_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "Default on a plan loan and nothing happens tax-wise": no tax-free words
    "dl-wrong-4",
    # "Walk away from your 401(k) loan payments and the IRS never sees a dime": an idiom
    "dl-wrong-6",
    # "Q: Can I put less in a SIMPLE IRA than a 401(k)? A: No, the deferral limit is
    # identical.": the comparison lives in the question
    "sa-wrong-4",
    # "SIMPLE IRA vs. 401(k) — employee deferral limit: same for both": a comparison row
    "sa-wrong-5",
    # "Big earners are barred from catch-up contributions": "barred" is a negation cue, so
    # the clause reads as denied
    "hc-wrong-3",
    # "our IRA deduction is capped by income like everyone else's": no phase-out words
    "nc-wrong-6",
    # "the employee limit applies to your contributions plus the firm's matching dollars":
    # "applies to" is no counting toward
    "em-wrong-5",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_bankb_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def _found(checker, text: str) -> dict[str, str]:
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    return {f.claim_id: f.verdict for f in problems(report.findings)}


@pytest.mark.parametrize(("text", "flagged"), [
    ("Nobody needs to take cash out of a traditional IRA before age 75 anymore.", True),
    # a permission denied before an age still denies: no RMD claim
    ("You can't pull money out of a 401(k) before 59½ without the 10% penalty.", False),
    ("Born in 1962? You won't need to take cash out of your traditional IRA before 75.", False),
])
def test_a_duty_denied_before_an_age_in_the_seventies_states_when_rmds_start(checker, text,
                                                                              flagged):
    assert ("rmd-start-age" in _found(checker, text)) is flagged


def test_a_loan_repaid_on_time_after_a_default_was_told_stays_quiet(checker):
    """A default told in one paragraph does not make the next paragraph's loan, repaid on
    time, a defaulted one (``plan-loan-default-tax-free``'s ON_SCHEDULE)."""
    page = ("Loans\n\nIf you stop making loan payments, the unpaid balance is taxed.\n\n"
            "A 401(k) loan carries no tax consequences if you repay it on time.\n")
    assert "plan-loan-default-tax-free" not in _found(checker, page)


def test_a_government_penalty_is_no_savers_match(checker):
    text = "For 2026, the government adds a 10% penalty to an early IRA withdrawal."
    assert "savers-match-available-now" not in _found(checker, text)
