"""A worked example that takes one amount off a limit (a condition's ``remainder_of``)."""

from __future__ import annotations

import pytest

from conftest import invoke
from taxcheck.matching.conditions import repeats_amount, states_remainder

CLAIM = "employer-match-counts-toward-deferral-limit"


def test_two_amounts_that_add_up_to_a_years_limit_are_a_remainder(db):
    deferral = db.figures["elective-deferral-limit"]
    assert states_remainder(deferral, "Your employer adds $5,000, so you can defer $19,500.")
    # the 2025 limit ($23,500) counts as well as the 2026 one
    assert states_remainder(deferral, "A $1,500 match leaves you $22,000 for 2025.")
    assert not states_remainder(deferral, "Your employer adds $5,000; you can defer $24,500.")
    assert not states_remainder(deferral, "You can defer $19,500.")


def test_an_amount_stated_twice_is_a_repeat():
    assert repeats_amount("Sell $20,000 of stock and you add $20,000 to your income.")
    assert not repeats_amount("Sell $20,000 of stock and you add $2,000 to your income.")


@pytest.mark.parametrize("text", [
    "If your employer chips in $5,000, you can only defer $19,500 this year.",
    # the employer's amount in the sentence before, in the same paragraph
    "Employer adds $4,000? Then you're capped at $20,500 yourself.",
    "My boss puts in $3,000 a year, so I'm capped at $21,500 of my own deferrals.",
    "Since your employer deposits $1,500, you can contribute only $22,000 for 2025.",
])
def test_a_match_taken_off_the_deferral_limit_is_the_false_claim(check_text, text):
    found = [(f.claim_id, f.verdict) for f in check_text(text).findings]
    assert (CLAIM, "false") in found


@pytest.mark.parametrize("text", [
    "If your company chips in $5,000, you can still defer the full $24,500 yourself.",
    "You defer $20,000 and your employer adds $4,500, so $24,500 lands in your account.",
])
def test_a_match_beside_the_full_limit_or_a_sum_is_not_flagged(check_text, text):
    assert all(f.claim_id != CLAIM for f in check_text(text).findings)


def test_an_unknown_remainder_figure_is_an_error_naming_the_file(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "limits.yaml").write_text(
        "topic: limits\nclaims:\n  - id: house-match\n    fact: elective-deferral-limit\n"
        "    verdict: false\n    says: x\n    rule: x\n    correction: x\n"
        "    citations:\n      - {title: IRS, url: 'https://www.irs.gov/'}\n"
        "    when:\n      - all: [EMPLOYER_MATCH]\n        remainder_of: no-such-figure\n"
        "    examples:\n      match: [x]\n      no_match: [y]\n")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert "limits.yaml" in result.stderr and "TC106" in result.stderr
    assert "unknown figure 'no-such-figure' in remainder_of" in result.stderr


def test_the_sentence_before_in_another_paragraph_is_not_read(check_text):
    found = check_text("Your employer adds $4,000.\n\nYou are capped at $20,500 yourself.")
    assert all(f.claim_id != CLAIM for f in found.findings)


@pytest.mark.parametrize("text", [
    "Sold $50,000 of stock? That's $50,000 added to your AGI.",
    "If you sell stock for $20,000, you add $20,000 to your taxable income.",
])
def test_a_sale_amount_added_to_income_whole_is_the_proceeds_myth(check_text, text):
    found = [(f.claim_id, f.verdict) for f in check_text(text).findings]
    assert ("sale-proceeds-are-income", "false") in found


def test_only_the_gain_added_is_not_the_proceeds_myth(check_text):
    found = check_text("Sell $12,500 of shares you bought for $10,000 and you add $2,500 "
                       "to your income.").findings
    assert all(f.claim_id != "sale-proceeds-are-income" for f in found)
