"""Round k's first-contact families (issue 12), in our own words: the TCJA sunset myth and
the steps it opens, the 60-63 catch-up stretched past 63 or made mandatory, the Roth
catch-up carried to every deferral, plan-loan terms and cap, and birth/adoption as a
household limit. Each wrong sentence is flagged with its claim; its correct twin stays
quiet."""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes


def _flagged(checker, page: str, words: str) -> set[str]:
    report = checker.check(read_bytes(page.encode(), "page.txt"))
    return {f.claim_id for f in report.findings
            if words in f.sentence and f.verdict != "accurate" and not f.suppressed
            and f.framing == "stated"}


@pytest.mark.parametrize("page, words, claim", [
    ("Retirement account losses\nUpdated 2026\nThe provision that shut off this deduction "
     "sunset at the end of 2025.\n", "sunset at the end", "misc-itemized-return-2026"),
    ("IRA losses in 2026\nUpdated January 2026\nThe rule that blocked this write-off was a "
     "temporary part of the 2017 tax overhaul, and it expired when 2025 ended.\n", "expired",
     "misc-itemized-return-2026"),
    ("Retirement account losses\nUpdated 2026\nGood news: the basis-loss write-off is available "
     "again on your 2026 return.\n", "available again", "ira-loss-deduction-not-back"),
    ("The bigger catch-up for your early 60s\nPosted 2025\nOnce you qualify, the bigger "
     "allowance stays yours for as long as you keep working.\n", "stays yours",
     "catch-up-60-plus"),
    ("Catch-ups at 60 to 63\nUpdated 2026\n- Extra room: still available at 65 if you are "
     "still on the payroll\n", "still available at 65", "catch-up-60-plus"),
    ("The bigger catch-up for your early 60s\nUpdated 2026\nThis isn't optional for plans, so "
     "HR must let you use it.\n", "isn't optional", "catch-up-60-63-mandatory"),
    ("The Roth rule for higher earners\nUpdated 2026\nIf you are over the line, the rule "
     "doesn't stop at the catch-up.\n", "doesn't stop at", "roth-catch-up-all-deferrals"),
    ("The Roth rule for high earners\nUpdated 2026\nEvery dollar you defer that year has to go "
     "in as Roth.\n", "Every dollar", "roth-catch-up-all-deferrals"),
    ("401(k) loan for a home?\nPosted 2025\nYou've owned a condo before, so you're stuck with "
     "the standard five-year term.\n", "owned a condo", "plan-loan-first-home-only"),
    ("401(k) loans\nPosted 2025\nThe $50k cap isn't really $50k anymore, it gets adjusted for "
     "inflation every year like the contribution limits do.\n", "adjusted for inflation",
     "plan-loan-cap-indexed"),
    ("New parents: up to $5,000\nUpdated 2026\nThis is a household limit: two working parents "
     "share the same $5,000 per child.\n", "household limit", "birth-adoption-per-family"),
    ("Birth or adoption withdrawals\nUpdated 2026\nYou and your spouse get one $5,000 between "
     "you.\n", "between you", "birth-adoption-per-family"),
])
def test_the_wrong_sentence_is_flagged(checker, page, words, claim):
    assert claim in _flagged(checker, page, words)


@pytest.mark.parametrize("page, words", [
    ("Retirement account losses\nUpdated 2026\nThe rule that blocked this write-off was "
     "supposed to run out at the end of 2025, but the 2025 law made it permanent.\n",
     "supposed to run out"),
    ("Retirement account losses\nUpdated 2026\nThe basis-loss deduction is not available again "
     "for 2026; the ban is permanent.\n", "not available"),
    ("Catch-ups at 60 to 63\nUpdated 2026\nThe extra room ends in the year you turn 64, when "
     "the regular catch-up applies again.\n", "ends in the year"),
    ("Catch-ups at 60 to 63\nUpdated 2026\nOnce you qualify, you can use the bigger allowance "
     "through the year you turn 63.\n", "through the year"),
    ("Catch-ups at 60 to 63\nUpdated 2026\nThe 60-63 catch-up isn't mandatory, and plans can "
     "choose not to offer it.\n", "mandatory"),
    ("The Roth rule for higher earners\nUpdated 2026\nThe rule stops at the catch-up: your "
     "regular deferrals can stay pre-tax.\n", "stops at the catch-up"),
    ("Roth 401(k) basics\nUpdated 2026\nEvery dollar you put into a Roth 401(k) goes in after "
     "tax.\n", "Every dollar"),
    ("401(k) loan for a home?\nPosted 2025\nEven though you owned a condo before, a loan for "
     "your new main home can run longer than 5 years.\n", "owned a condo"),
    ("401(k) loan limits\nPosted 2025\nThe $50,000 loan cap is fixed. Contribution limits, by "
     "contrast, are adjusted for inflation every year.\n", "by contrast"),
    ("Birth or adoption withdrawals\nUpdated 2026\nEach parent can take up to $5,000, so two "
     "working parents can take $10,000 per child.\n", "Each parent"),
])
def test_the_correct_twin_stays_quiet(checker, page, words):
    assert not _flagged(checker, page, words)


def test_a_deduction_said_to_be_back_opens_its_steps(checker):
    page = ("How to Claim a Loss on Your Retirement Savings\nUpdated January 2026\n"
            "The old basis-loss deduction is available again for your 2026 return.\n"
            "Step-by-step\nStep 1: Work out your basis.\nStep 2: Line up every IRA of the same "
            "kind.\nStep 3: Cash out completely.\n")
    for words in ("Work out your basis", "Line up every IRA", "Cash out completely"):
        assert "ira-loss-deduction-not-back" in _flagged(checker, page, words), words
