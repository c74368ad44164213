"""Branch yrec3's families (tests/data/yrec3_families.yaml, run by :mod:`q5_families`), from
development misses on old IRA-loss pages: the first step of the abolished procedure, stated as
available today, totals the after-tax money put in ("Step 1: Total the after-tax contributions
you made, using your old Forms 8606", "1. Tally every nondeductible contribution you reported
on Form 8606"), in a list or run in later in a paragraph ("The math is simple. Step 1: Add
together your nondeductible contributions, say $12,000."): a step of the rule like the ones
after it (:func:`taxcheck.matching.retries.procedures.of_basis`). Each wrong passage has a
right twin that must stay quiet (the steps told as history; the same totals for today's
pro-rata rule). And a heading that announces a way or an exception ("There's one more way",
"A narrow exception", "The exception: when some of it went in after tax", concepts
`ANOTHER_WAY`, `NARROW_EXCEPTION`, `THE_EXCEPTION`) over a first paragraph that states the
abolished deduction as available, in its first sentence or a later one
(:func:`taxcheck.matching.retries.headings.announces`); twins tell it as history, announce a
rule that holds, or answer no. And a belief about something else than the rule, put in
others' mouths and denied inside its section ("Some people assume the loss goes on Schedule
D. It doesn't."), which leaves the rule's steps going on (``_answers_belief`` in
:mod:`taxcheck.matching.document`). The ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/yrec3_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages

DATA = Path(__file__).parent / "data" / "yrec3_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # the lead-in "If some of your IRA money went in after tax and the account is now worth
    # less, you can write off the shortfall once every traditional IRA is cashed out" is read
    # as the correct pre-2018 rule, so no procedure is open at step 1 (steps 2 and 3 state
    # the rule themselves)
    "fs-html-list",
    # "you can still write off a loss after cashing out all your traditional IRAs" is read
    # as the correct "the ban is permanent" ("still" and "even"), so nothing is stated
    "ah-html-exception",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_yrec3_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []
