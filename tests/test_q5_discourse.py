"""Discourse functions added for round q5's families, on plain clauses (no spaCy): a
sameness denied ("Roth 401(k)s are another story", "Your IRA doesn't get the same
reprieve") reads the previous statement with the opposite polarity, for a subject that
stands in for something the previous statement named."""

from __future__ import annotations

import pytest

from taxcheck.claimdb import load_claims
from taxcheck.matching.discourse import (
    DiscourseContext,
    contrasts_nothing,
    denies_sameness,
    same_as,
)
from test_matching_stages import clause


@pytest.mark.parametrize("text", [
    "Roth 401(k)s are another story.",
    "Roth 403(b)s are a different matter.",
    "Your IRA doesn\u2019t get the same reprieve while you're working.",
    "The same isn't true of Roth IRAs.",
    "That's not the same for a SIMPLE IRA.",
])
def test_a_sameness_denied(text):
    assert denies_sameness(clause(text, polarity="negated"))


@pytest.mark.parametrize("text", [
    "The same goes for your car: a loss on it can't be deducted.",
    "The same is true of Roth IRAs.",
    "Your IRAs get the same break.",
])
def test_a_sameness_kept(text):
    assert not denies_sameness(clause(text))


@pytest.fixture(scope="module")
def context():
    return DiscourseContext(load_claims())


def test_another_story_denies_the_previous_statement_for_its_subject(context):
    source = clause("Roth IRA owners have no required withdrawals.", "ROTH_IRA", "RMD",
                    polarity="negated")
    cand = clause("Roth 401(k)s are another story.", "ROTH_401K", polarity="negated")
    res = same_as(cand, frozenset({"ROTH_IRA", "RMD"}), source, context)
    assert res.cand.polarity == "affirmed"
    assert {"ROTH_401K", "RMD"} <= res.labels and "ROTH_IRA" not in res.labels


def test_a_sameness_kept_takes_the_previous_polarity(context):
    source = clause("Your current 401(k) can wait.", "EMPLOYER_PLAN", "RMD", "WAIT")
    cand = clause("Your IRAs get the same break.", "IRA")
    assert same_as(cand, frozenset({"EMPLOYER_PLAN", "RMD", "WAIT"}), source,
                   context).cand.polarity == "affirmed"


def test_another_story_of_nothing_the_statement_named_reads_on_its_own(context):
    # "A check made out to you is a different story." after a statement on transfers
    cand = clause("A check made out to you is a different story.", "CHECK_WORD",
                  polarity="negated")
    assert contrasts_nothing(cand, frozenset({"IRA", "TRANSFER"}), context)
    roth = clause("Roth 401(k)s are another story.", "ROTH_401K", polarity="negated")
    assert not contrasts_nothing(roth, frozenset({"ROTH_IRA", "RMD"}), context)
