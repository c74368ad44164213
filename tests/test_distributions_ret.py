"""Missed wrong claims on distributions (issue 12, recall; session 13, ret).

``tests/data/distributions_ret.yaml`` holds whole short pages written from the fact sheet
before any change: wrong and right twins of the hardship mechanics since 2020, direct and
indirect rollovers, the age-55 separation exception, Roth owners' RMDs, the RMD starting age
and its history (nine wrong, four or five right each), and of six smaller distribution facts
(three wrong, two right each), in headings, list items under a lead-in, table rows, Q&A
replies, forum posts with signatures, numbered steps and old dated plain-text exports. They
run through the real Checker by :mod:`q5_families`' runner; the passages not handled yet are
listed, so that a change that handles one (or breaks another) shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import page_verdicts
from q5_families import assert_passage, outcomes, passages

PASSAGES_FILE = Path(__file__).parent / "data" / "distributions_ret.yaml"
PASSAGES = passages(PASSAGES_FILE)

NOT_CAUGHT = frozenset({
    # a Markdown heading under a hardship title: found, but a medium-confidence false figure
    # in a heading falls under the default confidence cut
    "hm-heading-20",
    # the reader's age only in the question ("laid off at 53"), the reply says "wait for 55"
    "s55-qa-wait",
    # the claim in a relative clause after a denied head ("No RMDs, which a Roth 401(k)
    # makes you take")
    "rr-list-reasons",
    # a bare "At 75." reply whose birth year is in the question
    "ra-qa-1955",
    # "Your RMDs started at 73" under a heading "Born in 1950?"
    "rh-1950-73",
    # batch 2 (written after the first fixes; first run 10/20): a loan-first rule spread over
    # two numbered steps ("1. Request the largest plan loan ... 2. Only then file the hardship
    # form"); a Markdown heading found but under the confidence cut (as hm-heading-20); the
    # Roth 403(b)'s RMDs in a comma splice after "Roll it to a Roth IRA"
    "b2-hm-steps-loan", "b2-rr-heading", "b2-rr-forum",
    # batch 3 (written after the second fixes; first run 4/9): a "Label: value" line whose
    # value names the day's balance ("Balance to use: your account value on the day you
    # withdraw"; the same words in a sentence are caught); "hit with the 10% on your own Roth
    # IRA contributions" with the withdrawal only in the thread's title
    "b3-py-label", "b3-ed-roth-forum",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct passages that draw a problem finding."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_distribution_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_a_hardship_payout_item_after_a_loan_item_is_not_a_loan(checker):
    """A list item about the hardship payout, after an item that names a plan loan, states
    nothing about plan loans (it was read as "a 401(k) loan is taxable")."""
    page = ("Hardship Withdrawals: What HR Won't Tell You\nPosted March 3, 2026\n"
            "Before you ask for a hardship payout, know the ground rules:\n"
            "- You'll have to borrow the maximum from the plan first.\n"
            "- The payout counts as taxable income.\n")
    assert ("plan-loan-taxable", "false") not in page_verdicts(checker, page)


@pytest.mark.parametrize("page", [
    # a wait until 59½ on an RMD page is the early-withdrawal age, not an RMD age
    "Required Minimum Distributions\nUpdated 2026\nYou can wait until 59½ to tap your IRA "
    "without the penalty.\n",
    # only the withholding said to be nothing is a check paid in full
    "Rollovers\nUpdated 2026\nWith a direct rollover from your 401(k), nothing is withheld.\n",
    "Rollovers\nUpdated 2026\nBecause a hardship distribution isn't eligible for rollover, the "
    "plan isn't required to withhold the 20% it takes out of ordinary cash-outs.\n",
    # a tax wiped out is no loan forgiven
    "What happens to my 401(k) loan if I quit?\nUpdated 2026\nIf the loan is offset, roll the "
    "same amount into an IRA by your tax-filing deadline, which wipes out the tax.\n",
    # the requirement before ", or" is right: the calendar year is the test
    "Rule of 55 FAQ\nUpdated 2026\nYou have to leave in or after the calendar year you turn "
    "55, or the exception is off the table.\n",
])
def test_right_statements_near_the_new_wordings_stay_quiet(checker, page):
    assert page_verdicts(checker, page) == []


@pytest.mark.parametrize(("page", "claim"), [
    ("Re: RMDs\nPosted by kay on Jan 3, 2026\nNobody has to touch their IRA until 75 now.\n",
     "rmd-start-age"),
    ("IRA basics\nUpdated 2026\nYou don't have to take anything out of your IRA till 72.\n",
     "rmd-start-age-72"),
    ("Rule of 55 FAQ\nUpdated 2026\nYou must already be 55 the day you walk out the door, or "
     "you lose the exception.\n", "rule-of-55-on-the-day"),
    ("Re: my 401k check came up short\nPosted by al on Jan 3, 2026\nThe 20% they keep is "
     "your penalty for not going direct.\n", "rollover-withholding-is-penalty"),
])
def test_new_wordings_are_flagged_with_their_claim(checker, page, claim):
    assert claim in {c for c, _ in page_verdicts(checker, page)}
