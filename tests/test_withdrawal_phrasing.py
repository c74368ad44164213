"""Getting money out, stated over two sentences or with a contrast: the still-working delay
said to cover the IRAs too, a 20% the reader is told to think of as the penalty, a thing
named only to be contrasted with ("unlike a hardship payout, ..."), and a denial after a
dash kept off the statement before it."""

from __future__ import annotations

import pytest

PROBLEMS = ("false", "misleading", "outdated")
PLAN_DELAY = "If you keep working past 73 you can delay RMDs from your current 401(k)."


def _problems(report) -> list[tuple[str, int]]:
    return [(f.claim_id, f.line) for f in report.findings if f.verdict in PROBLEMS]


@pytest.mark.parametrize("second", [
    "That postponement extends to your traditional IRAs as well.",
    "That same delay covers your IRAs, so there is no hurry on those either.",
    "This exception reaches your rollover IRA too.",
])
def test_the_plans_delay_said_to_cover_the_iras_is_the_still_working_myth(check_text, second):
    article = f"{PLAN_DELAY}\n\n{second}\n"
    assert ("rmd-still-working-ira", 3) in _problems(check_text(article, suffix=".md"))


@pytest.mark.parametrize("second", [
    "That delay doesn't extend to your IRAs.",
    "Your IRA RMDs start at 73 regardless.",
])
def test_the_delay_kept_to_the_plan_stays_quiet(check_text, second):
    article = f"{PLAN_DELAY}\n\n{second}\n"
    assert _problems(check_text(article, suffix=".md")) == []


@pytest.mark.parametrize("second", [
    "Think of that 20% as the IRS collecting its early-withdrawal penalty in advance.",
    "Treat it as the penalty for not choosing a direct rollover.",
])
def test_the_withheld_20_percent_taken_for_a_penalty(check_text, second):
    article = ("If the plan cuts the check to you, it has to hold back 20% for federal tax.\n\n"
               f"{second}\n")
    found = _problems(check_text(article, suffix=".md"))
    assert ("rollover-withholding-is-penalty", 3) in found
    assert ("early-withdrawal-rate", 3) not in found


@pytest.mark.parametrize("sentence", [
    "Many savers try a plan loan first because, unlike a hardship payout, it can be paid back.",
    "Unlike hardship money, a plan loan can be repaid through payroll.",
    "Hardship money is taxable, and the 10% usually applies too — a hardship is not by itself "
    "a penalty exception.",
])
def test_a_contrast_or_a_denial_after_a_dash_stays_with_its_own_subject(check_text, sentence):
    assert _problems(check_text(sentence + "\n", suffix=".md")) == []


@pytest.mark.parametrize("article", [
    "RMD starting age by birth year\n\n| If you were born | First RMD for the year you turn |\n"
    "|---|---|\n| 1959 or later | 75 |\n",
    "Born 1959 or later: your first RMD is for the year you reach 75.\n",
])
def test_a_birth_year_cohort_given_the_wrong_starting_age(check_text, article):
    """"1959 or later" opens a group by birth year (not tax year 1959, for which no figure
    exists), and a column header ending in "you turn" gives the cell its age."""
    assert any(c == "rmd-start-age" for c, _ in _problems(check_text(article, suffix=".md")))


@pytest.mark.parametrize("article", [
    "RMD starting age by birth year\n\n| If you were born | First RMD for the year you turn |\n"
    "|---|---|\n| 1951 to 1959 | 73 |\n| 1960 or later | 75 |\n",
    "Born 1960 or later: your first RMD is for the year you reach 75.\n",
])
def test_the_right_cohort_ages_stay_quiet(check_text, article):
    assert _problems(check_text(article, suffix=".md")) == []
