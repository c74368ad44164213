"""RMDs, inherited IRAs and Roth conversions as real pages write them (writer w4's area of
the blind corpus): follow-on sentences, asides that deny nothing, years that are not tax
years, and myths introduced as common assumptions."""

from __future__ import annotations

import pytest


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, "myth" if f.framing == "myth" else f.verdict)
            for f in check_text(text).findings if not f.suppressed}


@pytest.mark.parametrize("text", [
    "A common assumption is that you can convert only your nondeductible dollars and owe "
    "nothing.",
    "A widespread belief is that converting just the after-tax money avoids any tax.",
    "There's a common misunderstanding that you can convert only the after-tax part tax-free.",
])
def test_a_myth_introduced_as_a_common_assumption_is_no_error(check_text, text):
    found = _found(check_text, text)
    assert ("conversion-after-tax-only", "false") not in found
    assert ("conversion-after-tax-only", "myth") in found


@pytest.mark.parametrize("text", [
    "Miss your RMD and the IRS takes 50% of the amount you should have withdrawn but didn't.",
    "The penalty for a missed RMD is 50% of the sum you were supposed to take and didn't.",
    "Skipping a required minimum distribution costs 50% of the amount you should have taken "
    "and didn't.",
])
def test_the_amount_you_should_have_taken_but_didnt_is_no_denial(check_text, text):
    assert ("rmd-excise-rate", "outdated") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "Your father died after 2019, so under the 10-year rule nothing has to come out until the "
    "final year.",
    "Because the owner died in 2022, the 10-year rule applies, which means nothing is due until "
    "that last year.",
])
def test_a_year_of_death_is_not_the_year_the_rule_is_checked_for(check_text, text):
    assert ("inherited-ten-year-nothing-until-end", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "The IRS doesn't grant waivers of the RMD penalty, whatever the reason.",
    "You can no longer ask the IRS to forgive a missed-RMD penalty.",
    "The RMD excise tax can't be waived anymore.",
])
def test_saying_the_rmd_excise_tax_is_never_waived_is_false(check_text, text):
    assert ("rmd-excise-no-waiver", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "Under 59½, a conversion is treated as an early withdrawal and the 10% penalty applies.",
    "The IRS counts your Roth conversion as an early distribution if you're 45.",
])
def test_a_conversion_treated_as_an_early_withdrawal_is_false(check_text, text):
    assert ("conversion-penalized", "false") in _found(check_text, text)


@pytest.mark.parametrize("follow_on", [
    "The same postponement applies to your IRAs as well.",
    "The same break extends to your traditional IRAs.",
    "The same goes for your IRAs.",
])
def test_the_plans_delay_said_to_apply_to_iras_too_is_false(check_text, follow_on):
    text = ("Required minimum distributions\n\nIf you are still working at 74, you can hold off "
            f"on withdrawals from your current employer's 401(k) until you retire. {follow_on}")
    found = _found(check_text, text)
    assert ("rmd-still-working-plan-only", "accurate") in found
    assert ("rmd-still-working-ira", "false") in found


@pytest.mark.parametrize("text", [
    "Thanks to the still-working exception, you can postpone RMDs on both the 403(b) and your IRA.",
    "As long as you keep working, RMDs from both your 401(k) and your IRA can wait.",
])
def test_delaying_both_the_plan_and_the_ira_is_false(check_text, text):
    assert ("rmd-still-working-ira", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "RMDs begin at 73 for anyone born in 1950 through 1959.",
    "For people born in 1950 to 1959, required minimum distributions begin at 73.",
])
def test_a_range_of_birth_years_is_no_tax_year(check_text, text):
    # those born in 1950 began at 72: the 1950 figure is checked, as of today's tax year
    assert ("rmd-start-age-born-1950", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "Roth IRA owners are never forced to withdraw during their lifetime, and since 2024 the "
    "same goes for Roth money in a 401(k).",
    "A Roth IRA owner never has to take RMDs, and the same is true for Roth 401(k) money.",
    "Roth IRAs have no required minimum distributions for the owner, and the same applies to "
    "Roth 403(b) accounts from 2024.",
])
def test_the_same_after_and_repeats_its_own_sentence_not_the_last(check_text, text):
    found = _found(check_text, "RMD age: 72\n\n" + text)
    assert ("rmd-start-age-72", "outdated") in found
    assert not [f for f in found if f[1] != "accurate" and f != ("rmd-start-age-72", "outdated")]
