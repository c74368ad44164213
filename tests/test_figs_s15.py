"""Session 15, branch figs (issues 12 and 14): contribution figures on real pages. An amount
of a worked example's case given as a label line or table cell ("Roth 401(k) portion:
$6,000") is no limit, while the same line naming a limit with a wrong amount is flagged; the
paraphrase set tests/data/figs-s15/set.yaml is run by tests/figs_set.py."""

from __future__ import annotations

import pytest


def _problems(report) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in ("false", "misleading", "outdated")}


# -- a worked example's amounts are no limits --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Worked example: Dana, 52, left her job in March 2026\nOld 401(k) balance: $84,000\n"
    "Pre-tax portion (deferrals, match, growth): $78,000\nRoth 401(k) portion: $6,000",
    "Example: Marco, 45\n401(k) deferrals so far this year: $20,000\n"
    "Room left before the cap: $4,500",
    "Saver | Age | Put into a Roth IRA in 2026\nJen | 34 | $5,000",
    "Case study: Lee, 57\nCatch-up dollars she added this year: $4,000",
    "What moved in the rollover:\n- Roth 401(k) money: $12,000 to a Roth IRA\n"
    "- Pre-tax money: $60,000 to a traditional IRA",
    "Her share of the employer's match so far: $3,000",
])
def test_worked_example_amounts_are_not_limits(check_text, text):
    assert not _problems(check_text(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Roth 401(k) limit: $6,000", ("elective-deferral-limit", "false")),
    ("401(k) deferral limit for 2026: $20,000", ("elective-deferral-limit", "false")),
    ("IRA contribution limit for 2026: $5,000", ("ira-limit", "false")),
    ("Catch-up limit (50+), 2026: $4,000", ("catch-up-limit", "false")),
    ("The numbers for 2026:\n- Roth 401(k) contribution limit: $12,000",
     ("elective-deferral-limit", "false")),
    ("Most you can put in an IRA for 2026: $5,000", ("ira-limit", "false")),
])
def test_label_naming_a_limit_with_a_wrong_amount_is_flagged(check_text, text, expected):
    assert expected in _problems(check_text(text))


# -- the larger catch-up's group: a range is no "anyone 60", reaching 60 is no 50+ group ------

@pytest.mark.parametrize("text", [
    "anyone 60 to 63 gets the $11,250 catch-up now, nice perk\n-- Bob",
    "Everyone 60 through 63 can add $11,250 in 2026.",
])
def test_a_range_starting_at_60_is_not_everyone_over_60(check_text, text):
    assert not _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "anyone 60 gets the $11,250 catch-up now, nice perk\n-- Bob",
    "Everyone 60 and older can add $11,250 in 2026.",
])
def test_everyone_from_60_is_still_an_overreach(check_text, text):
    assert ("catch-up-60-plus", "false") in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Once you hit 60, your catch-up allowance jumps to $11,250 instead of the usual amount.",
    "Catch-up changes:\n- After you turn 60, the catch-up rises to $11,250",
])
def test_reaching_60_gives_the_larger_catch_up_not_a_wrong_50_plus_one(check_text, text):
    found = _problems(check_text(text))
    assert ("catch-up-60-plus", "false") in found
    assert not any(claim == "catch-up-limit" for claim, _ in found)


def test_the_50_plus_catch_up_stays_checked(check_text):
    assert ("catch-up-limit", "false") in _problems(
        check_text("Once you turn 50 you can add $9,000 to your 401(k)."))


# -- pay taken out of a paycheck is a deferral; "catch-up included" marks a total --------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The ceiling on what you can have taken out of your paycheck is $23,000 for 2026.",
     ("elective-deferral-limit", "outdated")),
    ("For 2026 the cap on what you can have taken out of your paycheck goes from $23,500 to "
     "$25,000.", ("elective-deferral-limit", "false")),
    ("For savers 50 and up:\n- You can steer $32,000 into the 401(k) for 2026, catch-up "
     "included", ("deferral-total-50-plus", "false")),
    ("at 52 my max for 2026 is $32,000 in the 401k, catch-up and all\n-- Deb",
     ("deferral-total-50-plus", "false")),
])
def test_paycheck_deferrals_and_totals_with_the_catch_up_included(check_text, text, expected):
    found = _problems(check_text(text))
    assert expected in found
    assert not any(claim in ("catch-up-limit", "elective-deferral-limit") for claim, _ in found
                   if claim != expected[0])


@pytest.mark.parametrize("text", [
    "The ceiling on what you can have taken out of your paycheck is $24,500 for 2026.",
    "For 2026 the cap on what you can have taken out of your paycheck goes from $23,500 to "
    "$24,500, a $1,000 bump.",
    "For savers 50 and up:\n- You can steer $32,500 into the 401(k) for 2026, catch-up included",
    "at 52 my max for 2026 is $32,500 in the 401k, catch-up and all\n-- Deb",
])
def test_right_paycheck_and_total_figures_stay_quiet(check_text, text):
    assert not _problems(check_text(text))


# -- a row or label naming a total after its plan or group -------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Item | 2025 | 2026\n401(k) employee deferral | $23,500 | $24,500\n"
     "401(k) total if 50+ | $31,000 | $32,000", ("deferral-total-50-plus", "false")),
    ("401(k) grand total, age 50+ \u2014 2026: $33,000", ("deferral-total-50-plus", "false")),
    ("401(k) deferrals, ages 60-63, total \u2014 2026: $36,000",
     ("deferral-total-60-63", "false")),
    ("IRA total with catch-up (50+) \u2014 2026: $8,500", ("ira-total-50-plus", "false")),
])
def test_a_total_named_in_a_row_is_checked_as_a_total(check_text, text, expected):
    found = _problems(check_text(text))
    assert expected in found
    assert not any(claim in ("catch-up-60-63", "catch-up-limit") for claim, _ in found)


@pytest.mark.parametrize("text", [
    "Item | 2025 | 2026\n401(k) employee deferral | $23,500 | $24,500\n"
    "401(k) total if 50+ | $31,000 | $32,500",
    "401(k) grand total, age 50+ \u2014 2026: $32,500",
    "401(k) deferrals, ages 60-63, total \u2014 2026: $35,750",
    "IRA total with catch-up (50+) \u2014 2026: $8,600",
])
def test_right_totals_in_rows_stay_quiet(check_text, text):
    assert not _problems(check_text(text))


# -- Saver's Credit rows by filing status; a past year's column with an older figure ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Saver's Credit income limits\nFiling status | 2024 | 2025 | 2026\n"
     "Single, married filing separately | $38,250 | $39,500 | $39,500",
     ("savers-credit-agi-single", "outdated")),
    ("Saver's Credit income limits\nFiling status | 2026\n"
     "Single, married filing separately | $39,000", ("savers-credit-agi-single", "false")),
])
def test_a_savers_credit_row_opening_with_single_is_single_filers(check_text, text, expected):
    assert expected in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Saver's Credit income limits\nFiling status | 2024 | 2025 | 2026\n"
    "Single, married filing separately | $38,250 | $39,500 | $40,250",
    "Saver's Credit examples\nFiler | AGI | Credit rate\nSingle, age 30 | $35,000 | 10%",
])
def test_right_savers_credit_rows_and_example_people_stay_quiet(check_text, text):
    assert not any(claim.startswith("savers-credit-agi") for claim, _ in
                   _problems(check_text(text)))


@pytest.mark.parametrize(("text", "expected"), [
    # an earlier year's figure given for a later year is outdated (the verdict policy of
    # tests/data/first_contact_q4_n11.yaml), in a past column as in the page's own
    ("Limit | 2024 | 2025 | 2026\nTotal (employee + employer) | $69,000 | $69,000 | $72,000",
     ("annual-additions-limit", "outdated")),
    ("Plan | 2025 | 2026\n401(k) employee deferral | $23,500 | $23,500",
     ("elective-deferral-limit", "outdated")),
    ("Published March 4, 2025\n\nSaver's Credit income ceilings\nFiling status | 2024 | 2025\n"
     "Head of household | $57,375 | $57,375", ("savers-credit-agi-hoh", "outdated")),
])
def test_an_earlier_years_figure_in_a_row_is_outdated(check_text, text, expected):
    assert expected in _problems(check_text(text))
