"""Old rules told as history, and wrong beliefs quoted to correct them (issue 12; session 15,
branch hist).

``tests/data/hist_told.yaml`` holds whole short pages written from the fact sheet before any
change (batch 2 after the first fixes, run once before any change for it): a law that took
away a right, "that was the old rule", an amount that sat at a value for years before
indexing, "back before 2018 there was a narrow route", a deduction gone since 2018, an
imperative that denies ("Forget about undoing it later"), idioms of exemption ("off the RMD
hook"), requests and beliefs quoted ("someone asks us to 'write off' the drop") and lists of
mistakes, each with wrong twins that must still be flagged. They run through the real Checker
by :mod:`q5_families`' runner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import page_problems
from q5_families import assert_passage, outcomes, passages
from taxcheck.matching.mistakes import names_mistakes, opens_with_practice
from taxcheck.tense import main_told_in_past

PASSAGES_FILE = Path(__file__).parent / "data" / "hist_told.yaml"
PASSAGES = passages(PASSAGES_FILE)

NOT_CAUGHT = frozenset({
    # "Still $1,000 for 2026, same as always. It isn't indexed." in a forum reply: the IRA
    # catch-up's figure is not read from a reply that names no IRA (missed before this branch)
    "b2-ix-wrong-forum",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # a forum subject line "Re: deducting my IRA loss" read as a claim (page furniture, left
    # to the branch on titles and furniture)
    "gn-forum-not-since",
})
"""Correct passages that draw a problem finding."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_hist_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_a_demonstrative_that_is_the_subject_of_a_clause_in_the_past():
    assert main_told_in_past("That was a narrow, itemized-only deduction")
    assert main_told_in_past("That had to be filed on Schedule A")
    # a conjunction "that" before its own verb is still set aside
    assert not main_told_in_past("That you had basis, you can deduct it")


@pytest.mark.parametrize("text", [
    "Common mistakes", "5 Roth Conversion Pitfalls", "Mistakes we see every year:",
    "Errors to avoid", "Don'ts"])
def test_headings_that_name_mistakes(text):
    assert names_mistakes(text)


@pytest.mark.parametrize("text", ["Is converting now a mistake?", "How to convert", "Steps"])
def test_headings_that_name_no_mistakes(text):
    assert not names_mistakes(text)


@pytest.mark.parametrize("sentence", [
    "Counting deductible contributions as basis.", "**Assuming** you can undo it later.",
    "Treating a drop in your 401(k) as a capital loss."])
def test_an_item_that_names_a_practice(sentence):
    assert opens_with_practice(sentence)


@pytest.mark.parametrize("sentence", [
    "Forgetting your spouse's IRAs.", "Missing the October deadline.",
    "Nothing changes for Roth IRAs.", "You can deduct it on Schedule A."])
def test_an_item_that_names_no_practice(sentence):
    assert not opens_with_practice(sentence)


def test_a_practice_under_a_heading_that_names_no_mistakes_is_still_stated(checker):
    page = ("# Year-End Moves\n*Updated November 2026*\n## Smart moves\n"
            "- Counting every dollar you contributed as basis, deductible or not.\n")
    assert page_problems(checker, page, "page.md") == [("basis-includes-pretax-money", "false", 4)]


def test_a_mistakes_list_quiets_its_items_not_the_paragraph_after_a_lead_in(checker):
    page = ("Roth Conversion Notes\nUpdated 2026\n\nMistakes we see every year:\n\n"
            "- Assuming you can undo the conversion later.\n\n"
            "You can undo a 2026 conversion by October 15, 2027.\n")
    assert page_problems(checker, page) == [("conversion-recharacterize", "outdated", 8)]


def test_forget_your_rmd_is_a_condition_not_a_denial(checker):
    page = "RMD Basics\nUpdated 2026\nForget your RMD, and the IRS keeps half of it.\n"
    assert ("rmd-excise-rate", "outdated", 3) in page_problems(checker, page)


def test_taking_out_the_right_amount_denies_nothing(checker):
    page = ("RMD Basics\nUpdated 2026\nTake out the right amount each year, starting the "
            "year you turn 70½.\n")
    assert [p[:2] for p in page_problems(checker, page)] == [("rmd-start-age-70-half", "outdated")]
