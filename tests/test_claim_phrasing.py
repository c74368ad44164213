"""The database on article-shaped text: headings, pronouns, myths and correct prose."""

from __future__ import annotations

from taxcheck.readers import read_bytes

CORRECT_ARTICLE = """\
---
title: Retirement accounts and taxes in 2026
date: 2026-01-05
---
# Retirement accounts and taxes in 2026

The 401(k) contribution limit is $24,500 in 2026. Workers 50 and older can add an $8,000
catch-up. Savers who turn 60, 61, 62 or 63 can instead make a catch-up of $11,250. The IRA limit
is $7,500, with a $1,100 catch-up.

Your employer's match does not count toward the $24,500 limit. Combined employee and employer
contributions can reach $72,000.

If you withdraw money from a traditional IRA before age 59½, you generally owe income tax plus
a 10% additional tax. A 55-year-old who rolls her 401(k) into an IRA gives up the rule of 55.
At 45, she had borrowed $20,000 from her 401(k) and repaid it on time.

Market losses inside a 401(k) are not deductible. In a taxable brokerage account, capital
losses offset gains and up to $3,000 of ordinary income, and unused losses carry forward.

Required minimum distributions start at 73. Roth IRA owners never take RMDs. A Roth
conversion is taxed as ordinary income on the amount converted. A conversion cannot be undone.
The Saver's Credit is nonrefundable.

A 401(k) loan may be better than a hardship withdrawal, since a loan is not taxed if you
repay it.
"""


def _check(checker, text: str, name: str = "a.md"):
    return checker.check(read_bytes(text.encode(), name))


def test_correct_article_has_no_problems_and_many_verified_claims(checker):
    report = _check(checker, CORRECT_ARTICLE)
    problems = [(f.claim_id, f.text) for f in report.findings if f.is_problem]
    assert problems == []
    verified = {f.claim_id for f in report.findings if f.verdict == "accurate"}
    assert {"elective-deferral-limit", "catch-up-limit", "catch-up-60-63", "ira-limit",
            "ira-catch-up-limit", "employer-match-outside-deferral-limit",
            "annual-additions-limit", "early-withdrawal-age", "early-withdrawal-rate",
            "early-penalty-on-top-of-income-tax", "retirement-loss-not-deductible",
            "capital-loss-limit", "capital-loss-carryforward-unlimited", "rmd-start-age",
            "roth-no-rmd-for-owner", "conversion-taxed-on-value",
            "conversion-no-recharacterization", "savers-credit-nonrefundable",
            "plan-loan-not-taxable"} <= verified


def test_imperative_headings_state_claims(checker):
    text = ("# After a bad year\n\n## Carry Your IRA Losses Forward\n\n"
            "## Take Penalty-Free Hardship Withdrawals\n\n"
            "## Don't Forget: RMDs Start at 73\n")
    found = {(f.claim_id, f.verdict) for f in _check(checker, text).findings}
    assert found == {("retirement-loss-carryforward", "false"),
                     ("hardship-withdrawal-penalty-free", "false"),
                     ("rmd-start-age", "accurate")}


def test_pronoun_and_heading_supply_the_account(checker):
    text = ("# Borrow From Your IRA\n\nIt is the cheapest loan you will find.\n\n"
            "Your Roth IRA fell 15% last year. The decline doesn't count as a capital loss.\n")
    found = [(f.claim_id, f.verdict, f.text) for f in _check(checker, text).findings]
    assert ("ira-loan", "false", "It is the cheapest loan you will find.") in found
    assert ("retirement-loss-not-capital-loss", "accurate",
            "The decline doesn't count as a capital loss.") in found


def test_myths_hedges_and_questions(checker):
    text = ("Many people think the Saver's Credit is refundable. Hardship withdrawals may be "
            "penalty-free in some cases. Is a Roth conversion subject to the 10% penalty?\n")
    findings = _check(checker, "Title\n\n" + text, "a.txt").findings
    by_claim = {f.claim_id: f for f in findings}
    assert set(by_claim) == {"savers-credit-refundable", "hardship-withdrawal-penalty-free"}
    assert by_claim["savers-credit-refundable"].framing == "myth"
    hedged = by_claim["hardship-withdrawal-penalty-free"]
    assert hedged.is_problem and hedged.confidence < 0.95
