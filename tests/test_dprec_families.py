"""Round d's false alarms on correct pages, by family (issue 12; session 18, branch dprec).

``tests/data/dprec_families.yaml`` holds whole short pages written from the fact sheet before
any change, each family with right twins that must stay quiet and wrong twins that must still
be flagged: a Roth five-year clock's purpose named ("this clock decides whether the growth can
come out tax-free", "the five-year clock for tax-free earnings", "Clock one: tax-free
earnings") is no claim that five years alone suffice (``roth-earnings-five-years-only``'s
CLOCK_PURPOSE); a rule said to matter only for the 10% penalty is no penalty on the
conversion (``conversion-penalized``'s MATTERS_FOR); the bad-debt rules said to be for money
lent do not make a worthless stock a bad debt (``worthless-security-bad-debt`` none LOAN);
self-certification named beside "only" is relief, not "a private ruling is the only way out"
(``rollover-deadline-no-relief`` none SELF_CERTIFICATION); an excess contribution's own tax is
no 10% on Roth contributions (concepts.yaml OVER_LIMIT, now shared); a reader's letter quoted
after "A reader, Tom in Ohio, wrote in:" is the reader's, and so is what other writings or
people said ("You may have read older articles that ...", "blogs from those years said ...",
"an old forum post explaining how to ...", "People kept saying ...") (cues.yaml ATTRIBUTION);
a section of a current page under a heading over years before the change ("The early years:
1998 to 2017", "2010\u20132017: the do-over era") tells how the rule was then
(``tense.PAST_FRAME``); an IRA deadline that holds "whether or not you extend your return" or
"with or without an extension" is one no extension moves (concepts.yaml WITHOUT_EXTENSION);
a traditional and a Roth IRA each filled to the limit and said to make an excess contribution
tell the one shared limit (``ira-limit-separate`` none OVER_LIMIT); an item under a lead-in that
names conditions needed together ("two things have to be true:") is one of them, not all it
takes (``roth-earnings-five-years-only``'s JOINT_CONDITIONS); a removal of the 10% denied
("doesn't switch off the 10%", "won't erase the penalty") leaves it owed (concepts.yaml
PENALTY_FREE).
They run through the real Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dprec_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import problems
from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes
from taxcheck.tense import sets_past_frame

DATA = Path(__file__).parent / "data" / "dprec_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT: frozenset[str] = frozenset()
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dprec_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def _found(checker, text: str, name: str = "page.txt"):
    return checker.check(read_bytes(text.encode(), name), tax_year=2026).findings


@pytest.mark.parametrize("lead", [
    "A reader, Tom in Ohio, wrote in last month:",
    "One listener, Greg from Dayton, writes:",
    "A subscriber emailed us this week:",
])
def test_a_readers_letter_is_the_readers(checker, lead):
    """The letter's claim is reported (a myth the answer takes up), not stated by the page."""
    text = (f'{lead} "My 401(k) dropped $15,000 before I rolled it over, and the rollover '
            'lets me deduct that loss."')
    found = [f for f in _found(checker, text) if f.claim_id == "retirement-loss-rollover"]
    assert found and all(f.framing == "myth" for f in found)


def test_the_page_stating_it_is_still_flagged(checker):
    text = ("My 401(k) dropped $15,000 before I rolled it over, and the rollover lets me "
            "deduct that loss.")
    assert "retirement-loss-rollover" in {f.claim_id for f in problems(_found(checker, text))}


@pytest.mark.parametrize(("text", "flagged"), [
    ("This clock decides whether the growth in your Roth can come out tax-free.", False),
    ("Your first Roth IRA starts the five-year clock for tax-free earnings.", False),
    ("Once the clock has run, your Roth earnings come out tax-free.", True),
    ("After five years, Roth IRA earnings are tax-free.", True),
])
def test_a_clocks_purpose_is_no_claim_that_it_suffices(checker, text, flagged):
    found = {f.claim_id for f in problems(_found(checker, text))}
    assert ("roth-earnings-five-years-only" in found) is flagged


@pytest.mark.parametrize("text", [
    "You may have read older articles that you can undo a conversion after a dip and redo it.",
    "Plenty of blogs from those years said the IRA loss write-off comes back in 2026.",
    "A client sent me an old forum post explaining how to write off a losing IRA.",
    "People kept saying the IRA loss write-off would come back for 2026.",
])
def test_what_other_writings_or_people_said_is_reported(checker, text):
    """Other writings and hearsay are reported: no finding of the page's own (a stated
    problem), though the same words stated by the page are flagged."""
    assert not [f for f in problems(_found(checker, text)) if f.framing == "stated"]


@pytest.mark.parametrize("text", [
    "You can undo a conversion after a dip and redo it.",
    "The IRA loss write-off comes back in 2026.",
])
def test_the_same_claims_stated_are_flagged(checker, text):
    assert [f for f in problems(_found(checker, text)) if f.framing == "stated"]


@pytest.mark.parametrize(("heading", "past"), [
    ("The early years: 1998 to 2017", True),
    ("2010\u20132017: the do-over era", True),
    ("From 2000 through 2017", True),
    ("The early days", True),
    ("2018 and later", False),
    ("2024 to 2026: what's allowed", False),
    ("Born 1951-1959: RMDs at 73", False),
    ("If you were born in 1951-1959", False),
])
def test_a_heading_over_years_before_the_change_sets_the_past(heading, past):
    assert sets_past_frame(heading) is past
