"""History framed as history and the writer's own story (issue 12, seventh session).

A sentence opened by a past frame ("Before 2018, ...", "Prior to the 2017 tax law, ...",
"In the old days, ...") tells how a rule was, and its clauses in the past or without a verb
go on about that time; a writer telling what happened to them ("I rolled my old 401(k) into
an IRA after it dropped", "Last year I took a hardship withdrawal") states no rule. The same
rules stated for today stay flagged.
"""

from __future__ import annotations

import pytest

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes


@pytest.fixture(scope="module")
def claims_in(db):
    checker = Checker(db)

    def run(body: str) -> set[str]:
        text = f"---\ntitle: Retirement notes\ndate: 2026-03-02\n---\n\n{body}\n"
        report = checker.check(read_bytes(text.encode(), "article.md"))
        return {f.claim_id for f in report.findings if f.verdict != "accurate"}

    return run


@pytest.mark.parametrize("body", [
    "Prior to the 2017 tax law, savers could write off an IRA loss on Schedule A.",
    "Prior to the 2017 tax overhaul, you could claim a Roth IRA loss as a miscellaneous "
    "itemized deduction, and it was subject to the 2% floor.",
    "Back in the day, a closed-out IRA's loss went on Schedule A as a miscellaneous deduction.",
    "Before 2018, you could deduct the loss on a Roth IRA you cashed out, but only the share "
    "above 2% of AGI.",
])
def test_an_ira_loss_deduction_under_a_past_frame_is_history(claims_in, body):
    assert "ira-loss-misc-deduction-outdated" not in claims_in(body)


@pytest.mark.parametrize("body", [
    "In the old days, required distributions kicked in at 70½.",
    "In the old days, RMDs started at age 70½, and the first one was due by April 1 of the "
    "following year.",
    "Once upon a time, retirees began their required withdrawals at 70½.",
])
def test_an_old_rmd_age_under_a_past_frame_is_history(claims_in, body):
    assert "rmd-start-age-70-half" not in claims_in(body)


@pytest.mark.parametrize(("body", "claim"), [
    ("You can still write off an IRA loss on Schedule A as a miscellaneous deduction.",
     "ira-loss-misc-deduction-outdated"),
    ("Since 2018, savers can write off a Roth IRA loss as a miscellaneous itemized deduction.",
     "ira-loss-misc-deduction-outdated"),
    ("Required distributions kick in at 70½, and the first one is due by April 1 of the "
     "following year.", "rmd-start-age-70-half"),
])
def test_the_same_rules_stated_for_today_stay_flagged(claims_in, body, claim):
    assert claim in claims_in(body)


@pytest.mark.parametrize("body", [
    "In 2019 I took a loan from my 401(k), quit, and had to pay it back within 60 days.",
    "Back when I changed jobs, I took a 401(k) loan and the plan gave me 60 days to repay it.",
    "When I left my job in 2019 I took a loan from my 401(k) and had to repay it within "
    "60 days.",
])
def test_the_writers_own_loan_story_states_no_rule(claims_in, body):
    assert "plan-loan-offset-60-days" not in claims_in(body)


def test_a_rule_told_to_the_reader_stays_flagged(claims_in):
    found = claims_in("If you quit, you must repay your 401(k) loan within 60 days or it is taxed.")
    assert "plan-loan-offset-60-days" in found


def test_a_story_that_applies_a_rule_states_it(claims_in):
    # using the rule of 55 after leaving at 48 asserts that the rule reached that case
    found = claims_in("I used the rule of 55 on my old 401(k) from a job I left at 48.")
    assert found


@pytest.mark.parametrize("body", [
    "Earn $160,000 as a single filer? You can still contribute a reduced amount to a Roth IRA.",
    "Making $160,000 as a single filer? Your Roth IRA contribution is partly phased out.",
    "Q: What if I earn $158,000 and file single?\n\nA: You can put in a reduced Roth contribution.",
])
def test_the_readers_own_income_in_a_question_is_not_the_phase_out_figure(claims_in, body):
    assert "roth-ira-phaseout-single" not in claims_in(body)


def test_a_phase_out_figure_the_question_asks_about_is_still_checked(claims_in):
    found = claims_in("Is the Roth phase-out for single filers $160,000? Yes, that's where it "
                      "starts.")
    assert "roth-ira-phaseout-single" in found


@pytest.mark.parametrize(("paragraph", "last"), [
    ("This deduction no longer exists. Here is how it used to work.",
     " Here is how it used to work."),
    ("One sentence only", "One sentence only"),
    ("Really?! Yes. ", " Yes."),
    ("...", None),
])
def test_the_last_sentence_of_a_paragraph(paragraph, last):
    from taxcheck.tense import last_sentence

    assert last_sentence(paragraph) == last
