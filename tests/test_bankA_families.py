"""Phrasing bank c3, sections A-F: its misses by wording family (issue 12; session 17, branch
bankA).

``tests/data/bankA_families.yaml`` holds whole short pages written from the fact sheet, each
family with wrong passages that must be flagged and right twins that must stay quiet: the
whole of a net capital loss taken off income with no amount named ("the entire net loss",
"all of the excess"; ``capital-loss-unlimited-offset``'s WHOLE_NET_LOSS); a loss not sold
said to be deductible or to count ("still underwater", a slump in price by itself;
concepts.yaml UNREALIZED, cues.yaml PSEUDO_NEGATION "you haven't sold"); a retirement-account
loss set against gains or carried on ("set against", "counts against", "moves forward to the
following year"; concepts.yaml OFFSET, LOSS, CARRYFORWARD, ``retirement-loss-offsets-gains``'
COUNTS_AGAINST); pre-tax money said to come back untaxed, or only the earnings owed on
(``withdrawals-only-growth-taxed``' OWE_ON, PRETAX_WORD); a wash-sale window shorter than 30
days a side, or a shorter wait said to keep the rule off (the new claim
``wash-sale-window-too-short``); options or a spouse's purchases said to lie outside the rule
(concepts.yaml RULE_EXEMPT, FALLS_OUTSIDE_RULE). They run through the real Checker by
:mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/bankA_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import problems
from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "bankA_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "Buy calls on the same stock instead; calls sit beyond the reach of the wash-sale rule":
    # a bare "calls" is no OPTION (phone calls, "calls for")
    "ox-md-list-calls",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "No, a spouse's buys don't fall outside the wash-sale rule, so she can't pick the shares
    # back up": the answer's "No" and the later "can't" still read the clause as negated
    "ox-forum-spouse-right",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_bankA_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _flags(checker, text: str) -> dict[str, str]:
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    return {f.claim_id: f.verdict for f in problems(report.findings)}


@pytest.mark.parametrize(("text", "flagged"), [
    # a relative clause naming what is held denies nothing of what is said of it
    ("Down positions you haven't sold are deductible at tax time.", True),
    ("Losses on positions you haven't sold yet aren't deductible.", False),
    ("Sold your losers this year? Those losses count against your gains.", False),
])
def test_an_unsold_position_said_to_be_deductible(checker, text, flagged):
    assert ("capital-loss-unrealized-deductible" in _flags(checker, text)) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("The pre-tax dollars you saved are returned to you without tax when you take them out.", True),
    ("Pre-tax money grows tax-free until you withdraw it.", False),
    ("A direct rollover moves your pre-tax money to an IRA tax-free.", False),
    ("Roth 401(k) deferrals come back tax-free once you're 59½ and the account is five years old.",
     False),
])
def test_pre_tax_money_said_to_come_back_untaxed(checker, text, flagged):
    assert ("withdrawals-only-growth-taxed" in _flags(checker, text)) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Wash-sale window: 15 days on each side of the sale", True),
    ("Buy back after 10 days and the wash-sale rule no longer applies.", True),
    ("Buying back after 10 days is still a wash sale.", False),
    # a purchase before the sale is inside the window, not a window's size
    ("Bought more shares 10 days before selling at a loss? That still makes it a wash sale.",
     False),
])
def test_a_wash_sale_window_shorter_than_thirty_days(checker, text, flagged):
    assert ("wash-sale-window-too-short" in _flags(checker, text)) is flagged
