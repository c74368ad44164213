"""Branch yrec's families (tests/data/yrec_families.yaml, run by :mod:`q5_families`), from
round y's development misses: basis told as every dollar put in, also one sentence on ("That
total is your basis", "Add up your deposits and you have it") and as "the total you
contributed" (`basis-includes-pretax-money`); several 401(k)s' RMDs taken from one plan "same
as with IRAs" (`rmd-401k-aggregated`), the amount figured on "what's in the account when you
take it" (`rmd-shrinks-with-market`) and the still-working delay said to cover the IRAs "too"
(`rmd-still-working-ira`); the first-home exception said to work "from an IRA or your 401(k)"
or "once reserved for IRAs" (`first-home-exception-401k`), the emergency withdrawal named in
the law's words and then said to come out tax-free (`emergency-distribution-tax-free`), the
age-55 rule "whether ... from that employer's plan or from your IRAs" (`rule-of-55-ira`); the
$50,000 loan cap said to move "along with the contribution limits" or "adjusted every year"
(`plan-loan-cap-indexed`); the old IRA-loss test's grouping told in the present ("Traditional,
SEP and SIMPLE IRAs are one family", "looked at on their own", "The same test works separately
for Roth IRAs": `ira-loss-test-grouping-as-current`); the $3,000 capital-loss limit given to
each spouse ("so we each get our own $3,000", "The $3,000 loss limit is per person":
`capital-loss-limit-per-spouse`); the loss an IRA's buyback disallows said not to be lost, the
wash sale left to the disallowance or buyback just before ("It's not really lost":
`wash-sale-ira-workaround`); the hardship withholding's waiver denied one clause or sentence on
("That's the law, and you can't opt out of it", "you can't lower it or waive it":
`hardship-mandatory-withholding`); the old IRA-closure shortfall sent to Schedule D as a capital
loss, every IRA's closing or the IRA shortfall named (`ira-loss-closure-capital-loss`, not the
present-law `retirement-loss-schedule-d`); only the nondeductible account, bucket or accounts
converted ("non-deductible" before an account names money, it denies nothing:
`conversion-after-tax-only`); staying employed for a loan's term said to be required by
"federal rules" (`plan-loan-stay-employed-tax-rule`). Each wrong passage has a right twin
that must stay quiet; the ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/yrec_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages

DATA = Path(__file__).parent / "data" / "yrec_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "just like with IRAs" after "As long as the combined amount comes out of one of your
    # 401(k)s": no RMD in the clause, and the thread's title names none
    "rmf-401k-one",
    # "Still working at 73?" names no RMD; the delay's RMDs are left to the page
    "rmf-covers",
    # an instruction, "Check each spouse separately", after the steps: read as its own
    # sentence, it would be a finding on a step the labels give to the step's whole line
    "ogr-spouse-step",
    # "keep a fifth of the payment for federal tax": keeping is no withholding word
    "hnw-hr",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_yrec_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _problems(checker, text: str, name: str = "page.txt") -> list[tuple[str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict != "accurate" and f.framing != "myth"]


def test_a_past_words_work_makes_no_first_home_claim(checker):
    """"how things worked years ago" is no exception said to work from both kinds of
    account: a reply that refutes a list stays about the list."""
    text = ("# 401(k) loan or hardship?\n"
            "1. First-time buyers can take $10,000 from an IRA without the 10% penalty.\n\n"
            "Most of that is how things worked years ago, whether from an IRA or a 401(k).\n")
    assert ("first-home-exception-401k", "false") not in _problems(checker, text, "page.md")


def test_birth_and_adoption_money_is_no_emergency_withdrawal(checker):
    """Under a section on the emergency withdrawal, another exception said to come out
    tax-free is not the emergency withdrawal's claim."""
    text = ("## Emergency withdrawals\n"
            "You can take up to $1,000 once a year for an urgent personal or family expense.\n"
            "Birth and adoption withdrawals come out tax-free as well as penalty-free.\n")
    assert ("emergency-distribution-tax-free", "false") not in _problems(checker, text, "page.md")
