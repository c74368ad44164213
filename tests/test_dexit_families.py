"""Branch dexit's families (tests/data/dexit_families.yaml, run by :mod:`q5_families`):
an indirect rollover told as finished by the net check alone ("Just deposit the $36,000
check", "the IRS already has the other $9,000, so it counts as rolled over", "no need to
drain your savings"), the mandatory 20% told as the early-withdrawal penalty taken up front,
the age-55 rule told as a birthday test ("the birthday has to come first", "walk out at 54
and a half ... even if you turn 55 that December") and 72(t) payments told as a five-year
commitment; the right twins (the withheld 20% made up from savings, the year you turn 55
counting, five years or 59½ whichever is later) stay quiet. The passages not handled yet
are listed, so that a change that handles one (or breaks another) shows.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dexit_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, outcomes, passages

DATA = Path(__file__).parent / "data" / "dexit_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "She doesn't have to touch her savings at all." answering a question that names the
    # check and the 60 days but no rollover: the rollover is not in the background
    "cs-savings-podcast",
    # a heading that ends on "check": the net-check pattern wants a word after "check" (one
    # that adds nothing, not "plus" or "and"), and a heading has none
    "cs2-heading",
    # "Still employed at 52? Set up SEPP payments from your company 401(k)": the job still
    # held is named only by the question before; sepp-from-plan-while-employed wants it in
    # the clause (a section on still working may go on to the payments after leaving)
    "si-qa",
    # "A: That's up to your plan" after the question: the reply does not take the question's
    # concepts ("Good question, and the answer depends on your plan" after a quoted reader
    # question does, and is flagged)
    "si-plan-decides",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dexit_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_each_family_has_wrong_and_right_passages():
    families = {p["family"] for p in PASSAGES}
    for family in families:
        kinds = [p["expect"] for p in PASSAGES if p["family"] == family]
        assert kinds.count("flag") >= 2 and kinds.count("quiet") >= 2, family


def _flags(checker, text: str, name: str = "page.txt") -> list[tuple[str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict != "accurate"]


def test_forum_reply_net_check_is_flagged_and_made_up_check_is_not(checker):
    """A reply that tells the reader to deposit only the net check, and one that says the
    IRS's share counts as rolled over, are each flagged; the reply that adds the withheld
    part from savings is not."""
    wrong = ("Re: my 401(k) rollover check came $5,000 short\n"
             "Just deposit the $20,000 check. The IRS already has the other $5,000, so it "
             "counts as rolled over anyway.\n")
    assert _flags(checker, wrong) == [("rollover-redeposit-check-only", "false")] * 2
    right = ("Re: my 401(k) rollover check came $5,000 short\n"
             "Deposit the $20,000 check plus $5,000 from savings within 60 days, and the whole "
             "$25,000 counts as rolled over.\n")
    assert _flags(checker, right) == []


def test_sepp_change_consequence_is_no_claim_of_free_changes(checker):
    """"If you change the payments early, the 10% comes back on every payment" states the
    72(t) rule (the 10% named without the word penalty): it is not read as saying the
    payments may be changed freely."""
    page = ("72(t) payments\n"
            "If you change the payments early, the 10% comes back on every payment you've "
            "taken so far, plus interest.\n")
    assert ("sepp-change-payments-freely", "false") not in _flags(checker, page)
