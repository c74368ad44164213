"""Phrasings pages use for wash sales, early withdrawals and their exceptions, and plan loans
(fact sheet sections E-G; written for the phrasing bank's b2 area, never copied from it):
each family in several wordings, its correct wording kept quiet or reported accurate."""

from __future__ import annotations

import pytest


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text).findings if not f.suppressed}


def _problems(check_text, text: str) -> set[str]:
    return {claim for claim, verdict in _found(check_text, text) if verdict != "accurate"}


# --- a phrase that carries its own "no" is not a denial -----------------------------------

@pytest.mark.parametrize("text", [
    "Hardship withdrawals come with no penalty.",
    "You'll pay no 10% penalty on a hardship distribution.",
    "A hardship withdrawal: no early-withdrawal penalty, ever.",
])
def test_no_penalty_names_the_exemption(check_text, text):
    assert _found(check_text, text) == {("hardship-withdrawal-penalty-free", "false")}


@pytest.mark.parametrize("text", [
    "There is no penalty exception for hardship withdrawals.",
    "Hardship isn't one of the penalty exceptions.",
    "Qualifying for a hardship doesn't get you out of the 10% penalty.",
])
def test_no_penalty_exception_still_denies(check_text, text):
    assert _found(check_text, text) == {("hardship-withdrawal-penalized", "accurate")}


def test_no_tax_after_an_ira_loan_is_the_claim_not_its_denial(check_text):
    found = _found(check_text, "Just take a loan from your IRA, pay it back over 5 years, no tax.")
    assert ("ira-loan", "false") in found and ("ira-no-loans", "accurate") not in found


@pytest.mark.parametrize("text", [
    "A direct rollover sends your money to the IRA with no taxes withheld.",
    "There's no tax law that forces you to stay at your employer until a loan is paid off.",
])
def test_no_tax_before_a_noun_still_denies(check_text, text):
    assert not [c for c, v in _found(check_text, text) if v == "false"]


# --- the answer after a myth ---------------------------------------------------------------

@pytest.mark.parametrize("answer", ["It isn't:", "That's not true:", "It is not:"])
def test_the_correction_after_a_short_no_is_affirmed(check_text, answer):
    text = (f"People think the $1,000 emergency withdrawal is free money. {answer} you'll owe "
            "income tax on it, even though the penalty is waived.")
    assert ("emergency-distribution-tax-free", "false") not in _found(check_text, text)


# --- wash sales ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Under the wash-sale rule, buying the shares before you sell doesn't trigger a wash sale.",
    "For a wash sale, purchases made before the loss sale never count.",
    "The wash-sale rule only cares about what you buy in the month after the sale.",
])
def test_purchases_before_the_sale_said_not_to_count(check_text, text):
    assert _problems(check_text, text) == {"wash-sale-after-only"}


def test_purchases_before_the_sale_that_count_are_accurate(check_text):
    found = _found(check_text, "Under the wash-sale rule, buying more shares in the 30 days "
                               "before you sell can trigger a wash sale too.")
    assert found == {("wash-sale-purchase-before-counts", "accurate")}


@pytest.mark.parametrize("text", [
    "The wash sale rule works both ways, so selling a winner and rebuying means you can't "
    "report the gain until later.",
    "If you sell at a profit and buy back, the wash-sale rule delays your gain.",
])
def test_a_gain_said_to_be_deferred(check_text, text):
    assert _problems(check_text, text) == {"wash-sale-applies-to-gains"}


@pytest.mark.parametrize("text", [
    "After a wash sale the loss is gone for good and you never get to claim it.",
    "With a wash sale, you can never deduct the loss.",
])
def test_a_washed_loss_said_to_be_lost(check_text, text):
    assert _problems(check_text, text) == {"wash-sale-loss-lost-forever"}


# --- early withdrawals -------------------------------------------------------------------------

def test_no_different_compares_it_does_not_deny(check_text):
    text = "457(b) plans are no different: cash out before 59\u00bd and the 10% penalty applies."
    assert _problems(check_text, text) == {"gov-457-withdrawal-penalized"}


def test_exempt_from_a_long_penalty_name_is_the_exemption(check_text):
    text = "Governmental 457(b) plans are exempt from the 10% early-withdrawal penalty."
    assert _found(check_text, text) == {("gov-457-no-penalty", "accurate")}


@pytest.mark.parametrize("text", [
    "If you quit at 52, you can use the rule of 55 once you turn 55.",
    "To qualify for the rule of 55, you need to be at least 55 on your last day of work.",
])
def test_rule_of_55_timing(check_text, text):
    assert _problems(check_text, text) & {"rule-of-55-left-before-55", "rule-of-55-on-the-day"}


def test_leaving_at_54_may_be_the_year_you_turn_55(check_text):
    text = "If you quit at 54 in the year you turn 55, the rule of 55 applies."
    assert "rule-of-55-left-before-55" not in _problems(check_text, text)


@pytest.mark.parametrize("text, claim", [
    ("Under 72(t) you can withdraw whatever amount you like, penalty-free.", "sepp-any-amount"),
    ("The IRS waives the penalty for any medical expenses you pay with retirement money.",
     "medical-exception-any-expense"),
    ("Abuse survivors can withdraw their entire vested balance with no penalty.",
     "domestic-abuse-whole-balance"),
    ("Health insurance premiums while unemployed can come from your 401(k) penalty-free.",
     "health-insurance-exception-401k"),
])
def test_an_exception_stretched_too_far(check_text, text, claim):
    assert _problems(check_text, text) == {claim}


@pytest.mark.parametrize("text", [
    "Being terminally ill doesn't get you out of the 10% penalty.",
    "Terminally ill people still pay the 10% penalty.",
])
def test_terminal_illness_denied_as_an_exception_is_outdated(check_text, text):
    assert _found(check_text, text) == {("terminal-illness-no-penalty-exception", "outdated")}


def test_terminal_illness_stated_as_an_exception_is_accurate(check_text):
    text = ("If a doctor certifies you're terminally ill, you can take money out at any age "
            "without the 10% penalty, though income tax still applies.")
    assert ("terminal-illness-penalty-free", "accurate") in _found(check_text, text)


# --- plan loans -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "You have up to 10 years to repay a regular 401(k) loan.",
    "You get a decade to pay back a plan loan.",
])
def test_an_ordinary_loan_over_five_years(check_text, text):
    assert _problems(check_text, text) == {"plan-loan-regular-term-over-five-years"}


def test_a_home_loan_may_run_longer(check_text):
    text = "A 401(k) loan used to buy your main home can be repaid over 15 years."
    assert "plan-loan-regular-term-over-five-years" not in _problems(check_text, text)


def test_however_large_is_a_degree_not_a_contrast(check_text):
    assert _problems(check_text, "You can borrow half your balance however large it is.") == {
        "plan-loan-half-uncapped"}


@pytest.mark.parametrize("text, found", [
    ("Left your job with a 401(k) loan? An offset isn't a distribution, so you owe nothing.",
     ("plan-loan-offset-not-distribution", "false")),
    ("If the plan offsets your unpaid 401(k) loan after you leave, it counts as a distribution.",
     ("plan-loan-offset-is-distribution", "accurate")),
    ("Leaving with a 401(k) loan? Roll the offset over by the April due date; an extension "
     "doesn't buy you any more time.", ("plan-loan-offset-no-extension", "false")),
])
def test_a_loan_offset(check_text, text, found):
    assert found in _found(check_text, text)


# --- a right amount does not make a wrong sentence right -------------------------------------

@pytest.mark.parametrize("text, claim", [
    ("The emergency provision lets you pull out $1,000 every month penalty-free.",
     "emergency-distribution-per-month"),
    ("These $1,000 emergency withdrawals come out completely tax-free.",
     "emergency-distribution-tax-free"),
    ("Pull your Roth IRA contributions out before 59\u00bd and you'll owe the 10% penalty.",
     "roth-contributions-withdrawal-penalized"),
])
def test_the_right_figure_of_a_false_sentence_is_not_reported_accurate(check_text, text, claim):
    assert _found(check_text, text) == {(claim, "false")}


# --- answers and coordinations ------------------------------------------------------------------

@pytest.mark.parametrize("reply", ["Too bad:", "Sorry,", "Tough luck:"])
def test_a_sorry_reply_denies_the_case_asked(check_text, reply):
    text = (f"Quit at 52 and wait until 56 to tap the plan? {reply} you needed to leave in the "
            "calendar year you turned 55 or later.")
    assert "rule-of-55-left-before-55" not in _problems(check_text, text)


@pytest.mark.parametrize("text", [
    "It's still taxable, you can repay it within three years, and your plan isn't obliged to "
    "offer the emergency withdrawal.",
    "The emergency withdrawal is taxed as income, and the plan doesn't have to offer it.",
])
def test_a_new_subjects_denial_stays_in_its_own_clause(check_text, text):
    assert ("emergency-distribution-tax-free", "false") not in _found(check_text, text)
