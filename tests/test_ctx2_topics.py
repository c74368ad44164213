"""A claim's words read under another topic (issue 12; session 15, branch ctx2).

``tests/data/ctx2_topics.yaml`` holds whole short pages written from the fact sheet before
any change: a loan offset's rollover told as a deposit "into an IRA" by the extended due date
or as "roll it over or it's taxed" (not the IRA contribution deadline, not a taxable loan);
losses harvested in a taxable account under a retirement title (no retirement-account loss);
a withdrawal counted as income (no sale's proceeds); the pro-rata mix "partly basis, partly
pre-tax" (no basis that includes pre-tax money). The wrong twins state each claim in its own
topic and stay flagged. They run through the real Checker by :mod:`q5_families`' runner; the
passages not handled yet are listed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import page_problems
from q5_families import assert_passage, outcomes, passages

PASSAGES_FILE = Path(__file__).parent / "data" / "ctx2_topics.yaml"
PASSAGES = passages(PASSAGES_FILE)

NOT_CAUGHT = frozenset({
    # "the full amount you sell for counts as taxable income": no PROCEEDS words (before
    # this branch too)
    "wi-wrong-sale-income",
    # ("Step 4: Buy it back in your IRA the same day so you never leave the market and keep
    # the loss" is caught since session 18's dcap: "never leave the market" denies nothing)
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # a title "Make the Most of a Slump in Your 401(k)" lends its "make the most of" (a loss
    # put to use) to every numbered way under it
    "b2-hv-toc-brokerage",
    # the hardship only in the title: the heading is "A worked example" and the sentence
    # before names no withdrawal or plan (the title is left out of `none_around`: a bank
    # page's title lent a hardship to lines about sales)
    "b2-wi-bank-hardship-example",
})
"""Correct passages that draw a problem finding."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_ctx2_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_an_extension_after_a_loan_offset_is_the_offsets_rollover(checker):
    page = ("Leaving With a Loan\nUpdated 2026\n"
            "Your plan offsets the $5,000 of the loan you still owe.\n"
            "You can put $5,000 into an IRA until April 15, 2027, or until October 15, 2027 "
            "if you file an extension.\n")
    assert page_problems(checker, page) == []


def test_the_same_extension_in_a_section_on_contributions_is_flagged(checker):
    page = ("IRA Contributions\nUpdated 2026\nThe limit is $7,500 for 2026.\n"
            "You can put $7,500 into an IRA until April 15, 2027, or until October 15, 2027 "
            "if you file an extension.\n")
    assert ("ira-deadline-extended", "false", 4) in page_problems(checker, page)


def test_a_loan_page_title_does_not_silence_a_sale_counted_whole(checker):
    """``none_around`` reads the heading and the last sentences, not the title: a page whose
    title names loans and withdrawals still has its sale told as income whole flagged."""
    page = ("Borrowing, withdrawing and selling: the rules\nUpdated 2026\nSell shares for "
            "$10,000 that cost $8,000 and the gain is $2,000.\nEverything you get from a sale "
            "counts toward your income for the year.\n")
    assert ("sale-proceeds-are-income", "false", 4) in page_problems(checker, page)


def test_a_later_clause_keeps_the_account_its_sentence_named(checker):
    """A clause after a first clause that named an account takes no other account from the
    heading or title: the brokerage buyback's "nothing is lost for good" is no IRA loss."""
    page = ("Wash sales and your IRA\nUpdated 2026\n- A buyback in your IRA within 30 days "
            "kills the loss for good.\n- A buyback in your brokerage account only delays it; "
            "nothing is lost for good.\n")
    assert page_problems(checker, page) == []


def test_the_ira_buyback_said_to_lose_nothing_is_still_flagged(checker):
    page = ("Wash sales and your IRA\nUpdated 2026\n- Sold in my brokerage account, rebought "
            "in my IRA a week later; nothing is lost for good.\n")
    assert ("wash-sale-ira-workaround", "false", 3) in page_problems(checker, page)


def test_a_phase_out_row_under_a_title_about_undoing_is_no_undo(checker):
    page = ("# Can I undo my Roth contribution?\n**saver_sam** \u00b7 Mar 2026\n\n"
            "| 2026 | Single | Joint |\n|---|---|---|\n"
            "| No Roth contribution at or above | $168,000 | $252,000 |\n")
    assert page_problems(checker, page, "page.md") == []
