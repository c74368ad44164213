"""Round s's first contact, s5 and n15 (issue 12, branch sb): the families behind their
misses and false alarms, in our own words (tests/data/first_contact_s5.yaml, run by round r's
runner :mod:`first_contact_r5` with this data file): each wrong passage flagged with its
claim (or fact) and verdict on its sentence, each correct twin quiet. The cases not handled
yet are listed, so that a change that handles one (or breaks another) shows. Then the
behaviours each fix added, one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from first_contact_q4_n11 import assert_as_written, expects_by_family
from first_contact_r5 import cases, outcomes

DATA = Path(__file__).parent / "data" / "first_contact_s5.yaml"
CASES = cases(DATA)

NOT_HANDLED = frozenset({
    # a direct rollover said unable to skip the withholding: the denial of the claim's own
    # denial is not read as the claim
    "sw-wrong-cant-skip",
    # a forum line that ends ", no 10%." (the exception's terse tag reads as a denial of the
    # whole line); a title-case heading that states the rule of 55 opens an IRA
    "r55-wrong-forum", "r55-wrong-heading",
    # "Penalty-free withdrawals ... from age 50" under a public-safety heading is read as the
    # general early-withdrawal age
    "ps-list",
})
"""Wrong cases still missed and correct cases still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_case_is_flagged_or_quiet_as_written(results, case):
    assert_as_written(results[case["id"]], case, NOT_HANDLED)


def test_every_family_has_wrong_and_right_cases():
    families = expects_by_family(CASES)
    assert len(families) >= 5
    for family, expects in families.items():
        assert sum(e == "quiet" for e in expects) >= 4, family
        assert any(e != "quiet" for e in expects), family


def _problems(report):
    return [(f.claim_id, f.verdict) for f in report.findings if f.is_problem]


def test_a_name_other_people_give_the_withholding_is_not_the_writers_claim(check_text):
    right = ("If the plan pays you, it holds back 20% for federal tax. "
             "Plenty of folks call that a penalty. It is not one.")
    assert _problems(check_text(right)) == []
    wrong = ("If the plan pays you, it holds back 20% for federal tax. "
             "That 20% is a penalty for not going direct.")
    assert ("rollover-withholding-is-penalty", "false") in _problems(check_text(wrong))


def test_skipping_the_withholding_denies_it_for_a_direct_rollover(check_text):
    assert _problems(check_text("A direct rollover skips the 20% withholding.")) == []
    wrong = "A direct rollover still has the 20% withholding taken out."
    assert ("rollover-direct-withheld", "false") in _problems(check_text(wrong))


def test_roth_money_named_by_what_you_did_with_it_is_contributions(check_text):
    right = ("The dollars you contributed to a Roth IRA can come out any time, tax- and "
             "penalty-free.")
    assert _problems(check_text(right)) == []
    wrong = "Anything in a Roth IRA can come out any time, tax- and penalty-free."
    assert ("roth-withdrawals-always-free", "misleading") in _problems(check_text(wrong))


def test_a_rollover_that_only_moves_the_money_carries_no_loss(check_text):
    page = ("Q: My 401(k) dropped $7,000. Does rolling it to an IRA let me deduct that?\n"
            "A: No. A rollover simply moves the account to a new custodian.")
    assert _problems(check_text(page)) == []
    # an instruction to move the losses says more
    wrong = "Just roll your 401(k) losses into an IRA and deduct them there."
    assert ("retirement-loss-rollover", "false") in _problems(check_text(wrong))


def test_a_loan_held_up_as_the_alternative_lends_the_taxable_payout_nothing(check_text):
    for right in ("A 401(k) withdrawal is taxable income, so you may be better off with a plan "
                  "loan.",
                  "The withdrawal counts as taxable income; consider a 401(k) loan instead."):
        assert _problems(check_text(right)) == [], right
    wrong = "A 401(k) loan counts as taxable income, so budget for the tax."
    assert ("plan-loan-taxable", "false") in _problems(check_text(wrong))


def test_a_year_before_a_label_of_the_pay_dates_the_wages_not_the_limits(check_text):
    page = ("# Catch-up contributions in 2026\n\n## Examples\n\n"
            "Ines, age 61, 2025 Box 3 wages $190,000: may contribute $24,500 plus an $11,250 "
            "catch-up, all Roth. Total $35,750.\n")
    assert _problems(check_text(page, ".md")) == []
    assert ("deferral-total-60-63", "outdated") in _problems(
        check_text(page.replace("$35,750", "$34,750"), ".md"))


def test_another_rule_reaching_the_larger_catch_up_is_no_catch_up_at_64(check_text):
    page = ("The year you turn 64, the regular catch-up is back. "
            "The Roth rule for high earners applies to the bigger catch-up too.")
    assert _problems(check_text(page)) == []
    wrong = "The year you turn 64, the bigger catch-up still applies to you."
    assert ("catch-up-60-63-still-at-64", "false") in _problems(check_text(wrong))


def test_a_worked_examples_set_up_states_no_redeposit_rule(check_text):
    page = ("Suppose you redeposit only the $24,000 you received. "
            "The withheld $6,000 is then a taxable distribution.")
    assert _problems(check_text(page)) == []
    wrong = "To complete the rollover, you only have to redeposit the $24,000 you received."
    assert ("rollover-redeposit-check-only", "false") in _problems(check_text(wrong))


def test_roth_earnings_wait_on_one_clock_not_each_deposits(check_text):
    right = ("Five years after your first Roth IRA contribution, earnings can come out "
             "tax-free for a first home, up to $10,000.")
    assert _problems(check_text(right)) == []
    wrong = ("Once a given contribution has been in for five years, its earnings can come "
             "out tax-free for a first home.")
    assert ("roth-five-year-per-contribution", "false") in _problems(check_text(wrong))


def test_a_401k_first_home_withdrawal_that_owes_the_10_percent_claims_no_exception(check_text):
    for right in ("A 403(b) hardship withdrawal for a first home owes income tax and the 10% "
                  "penalty.",
                  "A 401(k) withdrawal for a first home still owes the 10% penalty."):
        assert _problems(check_text(right)) == [], right
    for wrong in ("A 401(k) withdrawal for a first home is free of the 10% penalty.",
                  "You can take $10,000 out of your 401(k) for a first home without having to "
                  "pay the 10% penalty."):
        assert ("first-home-exception-401k", "false") in _problems(check_text(wrong)), wrong


def test_the_rule_of_55_said_to_open_an_ira_is_the_ira_claim(check_text):
    wrong = "Once you leave at 56, the rule of 55 opens up your rollover IRA as well."
    assert ("rule-of-55-ira", "false") in _problems(check_text(wrong))
    assert _problems(check_text("At 55 you can open up a Roth IRA and keep contributing.")) == []


def test_the_public_safety_exception_said_to_reach_an_ira_too(check_text):
    wrong = "Police officers get the break at 50, and they can use an IRA for it too."
    assert ("public-safety-ira", "false") in _problems(check_text(wrong))
    right = ("Most IRA withdrawals before 59\u00bd cost an extra 10%. Qualified police officers "
             "can use age 50 instead of 55.")
    assert _problems(check_text(right)) == []


def test_the_check_alone_does_not_make_the_whole_distribution_a_rollover(check_text):
    wrong = ("Put the $12,000 check into your IRA within 60 days and the whole $15,000 counts "
             "as rolled over.")
    assert ("rollover-redeposit-check-only", "false") in _problems(check_text(wrong))
    right = ("Put the $12,000 check plus $3,000 from savings into your IRA within 60 days and "
             "the whole $15,000 counts as rolled over.")
    assert _problems(check_text(right)) == []
