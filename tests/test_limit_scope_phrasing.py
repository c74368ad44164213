"""Contribution limits in page prose: which claim an amount goes to when a heading names another
plan, "You can max out both" after separate limits, and the open-ended 60+ catch-up. Each
wrong phrasing has a correct twin that stays quiet."""

from __future__ import annotations

import pytest

THREAD = ("## Thread: turning 61, plus a side-gig SIMPLE - how do catch-ups work?\n\n"
          "My husband's 401(k) at work has a Roth option. I also have a SIMPLE IRA.\n\n"
          "Reply: {line}\n")


def _problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict != "accurate"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Fwiw the cutoff for the Roth catch-up is $145,000 for 2026, so he is over it.",
     ("roth-catch-up-wage-threshold", "outdated")),
    ("For 2026 the Roth catch-up wage threshold sits at $145,000.",
     ("roth-catch-up-wage-threshold", "outdated")),
])
def test_an_amount_no_simple_limit_can_be_is_not_taken_by_a_simple_heading(check_text, line,
                                                                           expected):
    # a claim whose figure can take none of the clause's amounts (no SIMPLE catch-up is
    # $145,000) does not compete for them with the claims whose figure can
    report = check_text(THREAD.format(line=line), suffix=".md")
    assert expected in _problems(report)


def test_the_right_threshold_under_a_simple_heading_stays_quiet(check_text):
    line = "Fwiw the cutoff for the Roth catch-up is $150,000 for 2026, so he is over it."
    assert _problems(check_text(THREAD.format(line=line), suffix=".md")) == []


@pytest.mark.parametrize(("first", "claim_id"), [
    ("A SIMPLE IRA at the side job has its own limit on top of your 401(k).",
     "simple-limit-outside-401k"),
    ("Roth and traditional IRAs each have their own limit.", "ira-limit-separate"),
])
@pytest.mark.parametrize("second", ["You can max out both.", "So you can fill each one.",
                                    "Max out both."])
def test_max_out_both_restates_the_separate_limits_before_it(check_text, first, second,
                                                             claim_id):
    report = check_text(f"{first} {second}")
    found = [f for f in report.findings if f.claim_id == claim_id]
    assert [f.verdict for f in found] == ["false", "false"]
    assert second in found[1].sentence


def test_max_out_both_after_a_correct_statement_states_nothing_wrong(check_text):
    report = check_text("Your 401(k) and your IRA have separate limits. You can max out both.")
    assert _problems(report) == []


@pytest.mark.parametrize("text", [
    "Once you hit 60, the larger catch-up is yours for as long as you keep working.",
    "After you turn 60 you get the super catch-up every year until you retire.",
    "The super catch-up starts at 60 and never goes away.",
])
def test_a_60_plus_catch_up_with_no_end_is_false(check_text, text):
    assert ("catch-up-60-plus", "false") in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Once you hit 60, the larger catch-up is yours through the year you turn 63.",
    "The super catch-up starts at 60 and goes away after 63.",
    "If you are still working at 65, the regular catch-up is yours every year.",
])
def test_a_60_plus_catch_up_with_its_end_stays_quiet(check_text, text):
    assert _problems(check_text(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Two jobs still give you just one $24,500 deferral limit.", []),
    ("Two jobs, two 401(k)s? The limit still covers both together.", []),
    ("Since the two plans are with different companies, you can max out both.",
     [("deferral-limit-per-employer", "false")]),
    ("Your employer's match is counted inside the $72,000, not added on top.", []),
    ("The $72,000 figure is all-in: catch-ups go inside it, not above it.",
     [("catch-up-counts-toward-415c", "false")]),
    ("Catch-ups are added on top of the $72,000 overall limit, not counted inside it.", []),
])
def test_scope_of_the_deferral_and_additions_limits(check_text, text, expected):
    assert _problems(check_text(text)) == expected


TWO_PLANS = ("## Catch-up questions: a 401(k) at work plus a SIMPLE IRA on the side\n\n"
             "I have a 401(k) through my employer and a SIMPLE IRA from freelancing.\n\n"
             "Answer: {line}\n")
SIMPLE_ONLY = "# SIMPLE IRA limits for 2026\n\nThe plan is easy to run.\n\n{line}\n"


@pytest.mark.parametrize(("line", "expected"), [
    # the amounts fit the 401(k) the page named: read for it, not as wrong SIMPLE limits
    ("The regular cap is $24,500 this year, and the catch-up for 50+ adds $8,000.", []),
    ("A 62-year-old gets an extra $11,250 this year.", []),
    # ... and its other amounts are checked for the 401(k) too
    ("At 61 he can put in $34,750 total for 2026.", [("deferral-total-60-63", "outdated")]),
    ("He turns 62 this year, so his catch-up gets him to $34,750 all in for 2026.",
     [("deferral-total-60-63", "outdated")]),
])
def test_an_amount_of_a_borrowed_plan_goes_to_the_plan_it_fits(check_text, line, expected):
    assert _problems(check_text(TWO_PLANS.format(line=line), suffix=".md")) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("The catch-up for savers 50 and over is $8,000.", ("simple-catch-up-limit", "false")),
    ("Savers 60 to 63 can add $11,250 in catch-ups.", ("simple-catch-up-60-63", "false")),
])
def test_a_401k_amount_on_a_page_about_a_simple_ira_alone_stays_wrong(check_text, line,
                                                                      expected):
    assert expected in _problems(check_text(SIMPLE_ONLY.format(line=line), suffix=".md"))


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive relative year dates only its own amount; the other is this year's
    ("Last year's $23,500 deferral cap becomes $24,500 this year.", []),
    ("Last year's $7,000 IRA limit is $7,500 this year.", []),
    ("Last year's $7,000 IRA limit is $8,000 this year.", [("ira-limit", "false")]),
    ("Last year's $23,500 deferral cap becomes $25,000 this year.",
     [("elective-deferral-limit", "false")]),
])
def test_last_years_amount_beside_this_years(check_text, text, expected):
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Roth IRA: off-limits once your MAGI passes $153,000 (single, 2026)",
     [("roth-ira-phaseout-hard-cutoff", "misleading")]),
    ("Couples filing jointly can't contribute to a Roth IRA at all above $242,000 in 2026.",
     [("roth-ira-phaseout-hard-cutoff", "misleading")]),
    ("Couples filing jointly can't contribute to a Roth IRA at all above $252,000 in 2026.", []),
    ("Single filers can't put over $7,500 into a Roth IRA in 2026.", []),
])
def test_a_phase_out_start_given_as_a_hard_cutoff(check_text, text, expected):
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize("text", [
    "My wife turns 60 this year, so with her 401(k) catch-up she can do $35,750 all in for 2026.",
    "Hitting 61 this year, so my 401(k) catch-up gets me to $35,750 in all for 2026.",
])
def test_another_groups_total_is_not_a_wrong_50_plus_total(check_text, text):
    # the clause leaves the 50+ group unnamed and the amount is the 60-63 total for the year
    assert _problems(check_text(text)) == []


def test_a_wrong_total_for_the_group_it_names_is_still_flagged(check_text):
    found = _problems(check_text("Savers 50 and over can defer $35,750 in all for 2026."))
    assert found == [("deferral-total-50-plus", "false")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2026 a 62-year-old can put in $24,500 plus $11,250.", []),
    ("In 2026 a 62-year-old can put in $23,500 plus $11,250.",
     [("elective-deferral-limit", "outdated")]),
])
def test_the_base_limit_beside_the_60_to_63_catch_up(check_text, text, expected):
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "after 2025's raise" names 2025's raise, not the years after 2025
    ("After 2025's record increase, the 401(k) limit went up again.",
     [("deferral-limit-record-increase-2025", "false")]),
    ("After 2025's $500 increase, the 401(k) limit rose $1,000 for 2026.", []),
    # ... and an event's year, not the year of the clause's amounts
    ("Right after 2025's bump, the IRA limit rose again to $7,500.", []),
])
def test_a_possessive_year_after_after(check_text, text, expected):
    assert _problems(check_text(text, suffix=".txt")) == expected
