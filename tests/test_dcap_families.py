"""Round d's capital-loss, wash-sale and worthless-security misses by wording family (issue
12; session 18, branch dcap).

``tests/data/dcap_families.yaml`` holds whole short pages written from the fact sheet, each
family with wrong passages that must be flagged and right twins that must stay quiet: the
wash-sale window told as looking one way ("only looks forward", earlier buys that "won't
cause a problem"; ``wash-sale-after-only``'s BUY_BEFORE, NO_MATTER); the buyback in an IRA
advised or excused ("so you never leave the market", "has no say over it"; ``wash-sale-ira-
workaround``); a stock that still trades written off as worthless (``worthless-partial-
decline-deductible``'s STILL_TRADES); the $3,000 allowance per spouse ("you read that right"
vouches, it reports nothing: cues.yaml PSEUDO_ATTRIBUTION); retirement losses set against
taxable gains; the rule said to work on gains or a gain rolled into the new shares
(``wash-sale-applies-to-gains``); a buyback in a Roth that "won't trigger the rule"; a loss
carried back and amended for a refund (``capital-loss-carryback``); a loss said to "drop a
bracket" or "bring down your tax bracket" (concepts.yaml LOWER_BRACKET); the IRS ruling
said to settle a buyback in a 401(k) (the new claim ``wash-sale-401k-ruling-settled``);
tick-box checklists whose
items are ``<label>`` elements, which the extractor dropped (``readers/checklists.py``).
They run through the real Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dcap_families.yaml``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes
from taxcheck.readers.checklists import unwrap_checklist_labels

DATA = Path(__file__).parent / "data" / "dcap_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "Close enough to zero, so I'm deducting it as a worthless security": the nearness to
    # zero is a clause of its own, the deduction's clause names no price
    "wl-forum-nearly-zero",
    # "Married couples on a joint return get the allowance once for each spouse": the page
    # never names a capital loss (its heading is "The yearly ceiling")
    "sp-html-each-spouse",
    # retirement losses set against taxable gains with the account in a pronoun or the
    # sentence before ("Funds that fell inside it ...", "they wipe out gains from your
    # brokerage account"): borrowing the account for any loss-offsets-gains clause would
    # flag ordinary harvesting advice on pages that mention an IRA
    "ro-html-same-as-brokerage", "ro-md-ira-losers", "ro-forum-roth-losses",
    # "Apply the excess loss to a prior year by amending that return": no verb of carrying
    # back, and amending a prior year's return is also how a missed loss is rightly claimed
    "cb-md-apply-earlier",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # the heading "Harvest without leaving the market" (or "Harvest what you can") over a
    # list naming a Roth IRA or 401(k) is read as harvesting retirement-account losses
    "ira-html-gone-for-good", "ro-html-no-offset",
    # "Buying the fund back in your Roth isn't fine: it will set off the rule just the same":
    # the denial before the colon reaches the clause after it, which then reads as the rule
    # denied (as it does with "wash-sale rule" named there, on main)
    "rt-md-isnt-fine",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dcap_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


PAGE = ("<!DOCTYPE html><html><head><title>Checklist</title></head><body><main><article>"
        "<h1>Year-End Checklist</h1><p>Tick these off before the year ends, one by one.</p>"
        "<ul>{items}</ul></article></main></body></html>")


@pytest.mark.parametrize("item", [
    '<li><label><input type="checkbox"> Sell the losers before December 31.</label></li>',
    '<li><label class="x"><span>Sell the losers before December 31.</span>'
    '<input type=checkbox></label></li>',
    '<li><input type="checkbox" id="c1"><label for="c1">Sell the losers before December 31.'
    '</label></li>',
])
def test_a_checklist_item_in_a_label_is_read(item):
    blocks = read_bytes(PAGE.format(items=item).encode(), "page.html").blocks
    assert "Sell the losers before December 31." in [b.text for b in blocks]


def test_labels_without_a_checkbox_are_left_alone():
    html = '<label for="email">Email address</label><input type="email" id="email">'
    assert unwrap_checklist_labels(html) == html
    boxed = '<label><input type="checkbox" checked> Done</label>'
    assert unwrap_checklist_labels(boxed) == " Done"


@pytest.mark.parametrize("hostile", [
    "<input " * 80_000, "<input type=checkbox " * 40_000, "<label><input type=checkbox " * 30_000,
    "<input type=checkbox>" + "<label>" * 40_000,
])
def test_checklist_unwrapping_stays_linear_on_hostile_markup(hostile):
    # an <input> with no ">" made each later "<input" scan to the end of the page: 2 s of
    # CPU at 8,000 of them, minutes at a page's worth (CPU time, not wall time: see
    # test_page_furniture's hostile lines)
    start = time.process_time()
    unwrap_checklist_labels("checkbox " + hostile)
    assert time.process_time() - start < 2.0
