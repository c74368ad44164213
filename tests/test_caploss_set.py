"""Capital losses and wash sales (issue 12; session 14, branch caploss).

``tests/data/caploss_passages.yaml`` holds whole short pages written from the fact sheet
before any change: wrong and right twins of the $3,000 limit and its carryforward (per
spouse, $1,500 apart, expiry, carryback, heirs), the 61-day wash-sale window (after only,
trading days, gains, a spouse's account, "gone for good"), buying back in an IRA, worthless
securities, the amended-return deadline, personal-use property and the bracket, in
headings, list items, table rows, Q&A replies, forum posts and worked examples. They run
through the real Checker by :mod:`q5_families`' runner; the passages not handled yet are
listed, so that a change that handles one (or breaks another) shows.
"""

from __future__ import annotations

import pytest

from caploss_set import DATA
from passage_runs import page_verdicts
from q5_families import assert_passage, outcomes, passages

PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # the rule never named ("Harvesting Losses Without Tripping the Rule", "The rule only
    # covers a month after the sale"): nothing says it is the wash-sale rule
    "ws-heading-month", "b2-ws-window-month",
    # "It just moves into the IRA's cost basis." after "Don't panic: it isn't gone.", the wash
    # sale unnamed on the page
    "b2-wi-not-gone",
    # a vacation condo "you used yourself": personal use only in the title's relative clause
    "b2-pu-condo",
    # batch 3 (written after c93457f; first run 9/15 wrong caught, 2/15 right flagged): a
    # worked example's "She subtracts the full $10,000 from her salary", its loss in the
    # sentence before (a loss is lent by a title or heading, not by an earlier sentence);
    # "wash sales just erase it" ("wipe out the loss" is also said of the loss disallowed for
    # now: tried and dropped) (b3-pu-home-qa, its "Updated 2026" line between question and
    # reply, is caught since session 18's dreply: retries/quiet_gap.py)
    "b3-cl-bank-netting-all", "b3-ws-forever-forum",
    # batch 4, held out (written after 9fdfc08, run once: 4/6 wrong caught, 1/6 right flagged;
    # one fix made for it, the Roth's loss gone for good): a bare "Seven years, then whatever
    # you haven't used is forfeited" replying to a thread title; "Roth purchases don't count
    # for wash sales" (a bare Roth is no IRA to the IRA-buyback claim)
    "b4-cl-carry-seven", "b4-wi-roth-fine",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # a table cell "No, it's lost" under "Loss added to new basis?" reads as the IRA-basis
    # claim (leaving "lost" out of that condition made "the lost deduction gets tacked onto
    # the IRA's cost basis" quiet: tried and dropped)
    "wi-table-right",
})
"""Correct passages that draw a problem finding."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_caploss_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


@pytest.mark.parametrize(("page", "claim"), [
    # an expiry told as "use it within N years or lose it"
    ("Harvesting 101\nUpdated 2026\nLeftover losses must be used within four years or "
     "they're lost.\n", "capital-loss-expires"),
    # a carryback to years named by number
    ("Re: big loss\nPosted by al on Jan 3, 2026\nJust push the loss back to your 2024 return "
     "for a refund.\n", "capital-loss-carryback"),
    # the heirs inheriting the carryover the question named
    ("Estate FAQ\nUpdated 2026\nWhat happens to my capital loss carryover when I die?\n"
     "Your heirs inherit it.\n", "capital-loss-carryover-inherited"),
    # a joint return said to double the limit
    ("Year-End Moves\nUpdated 2026\nCouples filing jointly can deduct double the normal "
     "limit of capital losses.\n", "capital-loss-limit-per-spouse"),
    # the rule denied to reach retirement accounts
    ("Wash Sales\nUpdated 2026\nRetirement accounts aren't subject to the wash-sale rule, so "
     "rebuy it in your Roth.\n", "wash-sale-ira-workaround"),
    # the spouse's account called separate, the wash sale denied after ", so"
    ("Wash sale FAQ\nUpdated 2026\nYour wife's account is separate, so her purchase won't "
     "trigger a wash sale.\n", "wash-sale-spouse-exempt"),
    # a wait in trading days said to keep the rule off (it had read as the calendar-day denial)
    ("Wash sales\nUpdated 2026\nWait 30 trading days before buying back in and the wash-sale "
     "rule won't apply.\n", "wash-sale-trading-days"),
    # "No rush:" is no denial
    ("Amended returns\nUpdated 2026\nNo rush: you can amend a return at any time.\n",
     "amended-return-any-time"),
    # a worthless security's window called the same three years, or nothing special
    ("Worthless stock\nUpdated 2026\nWorthless securities get the same three-year window as "
     "everything else.\n", "worthless-security-three-year-window"),
    ("Worthless stock\nUpdated 2026\nA stock that went bust gets no special treatment: three "
     "years and the door closes.\n", "worthless-security-three-year-window"),
    # the holding period said to end on the day itself (it had read as the accurate rule)
    ("Worthless stock\nUpdated 2026\nThe holding period ends on the date the shares became "
     "worthless.\n", "worthless-security-delisting-date"),
    # "you each still get the full $3,000" on separate returns
    ("Re: filing separately\nPosted by jo on Mar 1, 2026\nFiling separate doesn't cost you "
     "anything, you each still get the full $3,000 of capital losses.\n",
     "capital-loss-limit-mfs"),
    # a tip of one's own: the sale and the IRA's buyback ("the same fund" is no contribution)
    ("Harvesting\nUpdated 2026\nHot tip: sell the loser in your taxable account, then buy the "
     "same fund inside your Roth the same week.\n", "wash-sale-ira-workaround"),
    # a checklist item rebuying in the IRA to stay invested
    ("Harvest Checklist\nUpdated 2026\n[ ] Sell the losing fund in your brokerage account\n"
     "[ ] Rebuy the same fund in your IRA so you stay invested\n",
     "wash-sale-ira-workaround"),
    # the rule said to look only at accounts in your name
    ("Wash sales\nUpdated 2026\nA tip for next year: the rule only looks at accounts in your "
     "name.\n", "wash-sale-spouse-exempt"),
])
def test_new_wordings_are_flagged_with_their_claim(checker, page, claim):
    assert (claim, "false") in page_verdicts(checker, page)


@pytest.mark.parametrize("page", [
    # the loss gone for good after a question about buying back in an IRA is the IRA's case
    "Q&A: Wash Sales and Your IRA\nUpdated 2026\nQ: My Roth IRA bought the fund back a week "
    "after I sold it at a loss. What happens?\nA: It's disallowed, so it's lost permanently.\n",
    # "Yes" to "Did I lose the deduction?" denies the deduction
    "Ask the Planner\nUpdated 2026\nQ: My IRA bought the same ETF after I sold it at a loss. "
    "Did I lose the deduction?\nA: Yes, and for good.\n",
    # the right twins of the new wordings
    "Wash Sales\nUpdated 2026\nRetirement accounts are subject to the wash-sale rule too.\n",
    "Wash sale FAQ\nUpdated 2026\nYour wife's account is separate, but her purchase still "
    "triggers a wash sale.\n",
    "Estate FAQ\nUpdated 2026\nWhat happens to my capital loss carryover when I die?\nIt can "
    "be used on your final return, but your heirs can't use it.\n",
    # each spouse's $1,500 on separate returns is right
    "Filing separately\nUpdated 2026\nFiling separately halves it: each of you can take only "
    "$1,500 of net capital loss against other income.\n",
    # the loss of a checklist is the brokerage sale's, not the IRA's named since
    "Harvest Checklist\nUpdated 2026\n[ ] Sell the losing fund in your brokerage account\n"
    "[ ] Wait 31 days before rebuying it anywhere, your IRA included\n"
    "[ ] Claim the loss on Form 8949\n",
    # a move set up to be knocked down is a myth
    "Wash sales\nUpdated 2026\nA popular workaround: sell in the taxable account, then have "
    "your IRA buy the same fund the next day. The IRS shut that down in 2008.\n",
    # a Roth's wash-sale loss lost for good is right
    "Re: harvest + Roth rebuy?\nPosted by indexer22 on Dec 28, 2025\nRoth purchases count "
    "for wash sales, and the loss is lost for good because the Roth's basis doesn't go up.\n",
    # the last day of the year is right
    "Worthless stock\nUpdated 2026\nA worthless stock is treated as sold on the last day of "
    "the year it became worthless, so the holding period runs to December 31.\n",
])
def test_right_statements_stay_quiet(checker, page):
    assert page_verdicts(checker, page) == []
