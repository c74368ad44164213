"""Session 14 (branch limits, issue 14): each amount of a sentence naming several groups is
checked against its own group, an amount someone "can put in ... more" is the extra amount
itself, and the wrong twins of tests/data/limits-s14/set.yaml (run by tests/limits_set.py)
are caught while their right twins stay quiet. Each wrong phrasing has a correct twin."""

from __future__ import annotations

import pytest


def _problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict != "accurate"]


# -- issue 14: several groups in one sentence -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("For 2026, savers 50 and older can add another $11,250, and those 60 to 63 up to $8,000.",
     {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
    ("In 2026 workers 50 and up may put in an extra $11,250, while workers aged 60 through 63 "
     "may put in an extra $8,000.",
     {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
    ("Catch-ups for 2026: people 50 and over get $11,250 more and people 60 to 63 get $8,000 "
     "more.", {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
])
def test_two_groups_with_their_amounts_swapped_are_both_wrong(check_text, text, expected):
    assert expected <= set(_problems(check_text(text)))


@pytest.mark.parametrize("text", [
    "For 2026, savers 50 and older can add another $8,000, and those 60 to 63 up to $11,250.",
    "In 2026 workers 50 and up may put in an extra $8,000, while workers aged 60 through 63 "
    "may put in an extra $11,250.",
    "Catch-ups for 2026: people 50 and over get $8,000 more and people 60 to 63 get $11,250 "
    "more.",
    "Workers 60 to 63 can add $11,250 in 2026 instead of the $8,000 that other savers 50 and "
    "up can add.",
    "In 2026, savers under 50 can defer $24,500, those 50 and up $32,500, and those 60 to 63 "
    "$35,750.",
])
def test_two_groups_each_with_its_own_amount_stay_quiet(check_text, text):
    assert _problems(check_text(text)) == []


# -- an amount someone "can put in ... more" ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("IRAs get a bump for 2026: the base limit rises to $7,500, and savers 50 and older can put "
     "in $1,000 more.", ("ira-catch-up-limit", "outdated")),
    ("For 2026 the IRA limit is $7,500, and savers 50 and older can put in $1,000 more.",
     ("ira-catch-up-limit", "outdated")),
])
def test_an_amount_one_can_put_in_more_is_the_catch_up(check_text, text, expected):
    assert expected in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "IRAs get a bump for 2026: the base limit rises to $7,500, and savers 50 and older can put "
    "in $1,100 more.",
    "For 2026 the IRA limit is $7,500, and savers 50 and older can put in $1,100 more.",
    "Over 50? You can stash $8,000 more in your 401(k) for 2026.",
    # a comparison with last year is a change, not the catch-up
    "In 2026 you can put $1,000 more than last year into your 401(k).",
])
def test_the_right_extra_amount_or_a_change_stays_quiet(check_text, text):
    assert _problems(check_text(text)) == []


# -- the 60-63 group before 2025: the regular catch-up, or a wait -----------------------------

@pytest.mark.parametrize("text", [
    "If you were 61 in 2024, you had to wait: the $11,250 super catch-up only began in 2025.",
    "In 2024, savers aged 60 to 63 were limited to the regular $7,500 catch-up.",
    "In 2024 a 61-year-old got the same $7,500 catch-up as any 50-year-old.",
    "Limit | 2024 | 2025 | 2026\nCatch-up, ages 60-63 | $7,500 | $11,250 | $11,250",
])
def test_the_60_63_group_in_2024_with_the_regular_catch_up_is_quiet(check_text, text):
    assert _problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    "In 2024, savers aged 60 to 63 could already use the larger $11,250 catch-up.",
    "Limit | 2024 | 2025 | 2026\nCatch-up, ages 60-63 | $11,250 | $11,250 | $11,250",
])
def test_the_larger_catch_up_given_to_2024_is_still_false(check_text, text):
    assert ("catch-up-60-63-before-2025", "false") in _problems(check_text(text))


# -- Saver's Credit: a rate tier's income line is not the ceiling; labels; the largest credit --

@pytest.mark.parametrize("text", [
    "For 2025, married couples filing jointly with AGI up to $47,500 get the full 50% Saver's "
    "Credit.",
    "Married filing jointly — AGI of $47,500 or less: 50% Saver's Credit",
    "Joint filers: the Saver's Credit rate drops to 20% above $47,500 of AGI in 2025.",
])
def test_a_rate_tiers_income_line_is_not_the_credits_ceiling(check_text, text):
    assert _problems(check_text(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("For 2025, married couples filing jointly with AGI up to $47,000 get the Saver's Credit.",
     ("savers-credit-agi-mfj", "false")),
    ("Married filing jointly — AGI of $79,000 or less: 10% Saver's Credit",
     ("savers-credit-agi-mfj", "outdated")),
    ("Saver's Credit income limit, single, 2026: $39,500",
     ("savers-credit-agi-single", "outdated")),
    ("The Saver's Credit income cap for joint filers is $85,000 in 2026.",
     ("savers-credit-agi-mfj", "false")),
    ("Saver's Credit basics:\n- Worth up to $2,000 per person",
     ("savers-credit-2000-per-person", "false")),
    ("Q: How big can the Saver's Credit get?\nA: For an individual the biggest credit is $2,000.",
     ("savers-credit-2000-per-person", "false")),
])
def test_saver_credit_ceilings_and_largest_credit_stated_wrong(check_text, text, expected):
    assert expected in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Saver's Credit income limit, single, 2026: $40,250",
    "The Saver's Credit income cap for joint filers is $80,500 in 2026.",
    "Saver's Credit basics:\n- Worth up to $1,000 per person",
    "The Saver's Credit is worth up to $2,000 for a married couple filing jointly.",
    "Q: How big can the Saver's Credit get?\nA: For an individual the biggest credit is $1,000.",
])
def test_saver_credit_ceilings_and_largest_credit_stated_right_are_quiet(check_text, text):
    assert _problems(check_text(text)) == []


# -- traditional IRA: an income line or a plan at work never closes the account ---------------

@pytest.mark.parametrize("text", [
    "Once your income passes $91,000, you can't put money in a traditional IRA anymore.",
    "Single filers earning over $91,000 can no longer contribute to a traditional IRA.",
    "Got a 403(b) and earn more than the top of the range? You can no longer add money to a "
    "traditional IRA.",
    "- Covered at work and making over $150,000: you can't contribute to a traditional IRA",
])
def test_a_traditional_ira_closed_above_an_income_line_is_false(check_text, text):
    assert ("ira-contribution-blocked-by-income", "false") in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "There's no income limit for contributing to a traditional IRA.",
    "Traditional IRAs have no income cap on contributions.",
    "Unlike a Roth, a traditional IRA has no income ceiling for contributions.",
    "Once your income passes $91,000, you can still put money in a traditional IRA, you just "
    "can't deduct it.",
    "If you have a 401(k) at work, your traditional IRA deduction phases out. Above those ranges "
    "you can still make a non-deductible contribution.",
    "If you make more than $91,000, you can't deduct your traditional IRA contribution.",
])
def test_a_traditional_ira_open_at_any_income_is_quiet(check_text, text):
    assert _problems(check_text(text)) == []


# -- the Roth IRA line: the start of the range as a cutoff; the Roth catch-up past catch-ups ---

@pytest.mark.parametrize(("text", "expected"), [
    ("Single filers earning $153,000 or more are shut out of direct Roth contributions for 2026.",
     ("roth-ira-phaseout-hard-cutoff", "misleading")),
    ("Joint filers with MAGI of $242,000 or more lose the ability to fund a Roth IRA in 2026.",
     ("roth-ira-phaseout-hard-cutoff", "misleading")),
    ("Since I made over $150k, my whole 401k deferral has to be Roth now, not just the catch-up.",
     ("roth-catch-up-all-deferrals", "false")),
])
def test_roth_lines_stated_wrong(check_text, text, expected):
    assert expected in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Single filers earning $168,000 or more are shut out of direct Roth contributions for 2026.",
    "Joint filers with MAGI of $252,000 or more lose the ability to fund a Roth IRA in 2026.",
    "Since I made over $150k, only my catch-up has to be Roth now, the regular deferral can stay "
    "pre-tax.",
])
def test_roth_lines_stated_right_are_quiet(check_text, text):
    assert _problems(check_text(text)) == []
