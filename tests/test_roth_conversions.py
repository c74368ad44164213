"""Roth conversions and Roth RMDs (issue 12; session 14, branch roth).

``tests/data/roth_conversions.yaml`` holds whole short pages written from the fact sheet
before any change: wrong and right twins of conversion recharacterization (outdated since
2018, also on pages dated 2012-2017), conversions taxed on the converted value, Roth owners'
RMDs, the Roth five-year rules and moving money to a Roth, in headings, list items, table
rows, label lines, Q&A replies, forum posts, numbered steps and worked examples. They run
through the real Checker by :mod:`q5_families`' runner; the passages not handled yet are
listed, so that a change that handles one (or breaks another) shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import page_problems
from q5_families import assert_passage, outcomes, passages
from taxcheck.follow_ons import follow_on

PASSAGES_FILE = Path(__file__).parent / "data" / "roth_conversions.yaml"
PASSAGES = passages(PASSAGES_FILE)

NOT_CAUGHT = frozenset({
    # "Recharacterizing is still an option" after a question naming the conversion, on a
    # page whose "Fall 2013" title gives no date
    "rc-old-2013-newsletter",
    # the 10% penalty in a list item under a lead-in about converting, its age in a clause
    # of its own (", since you're under 59½")
    "tv-list-penalty",
    # an imperative step under a "How to Convert" title: no procedure opens for it
    "tv-step-basis",
    # "goes up by $15,000, since that's what she put in": the reason is a clause of its own
    "b2-tv-worked-owe",
    # a Markdown heading that is the claim, its body only "Pull them out early ..."
    "fy-heading-stuck",
    # a Roth 401(k) "taxed on the whole balance when you move it" ("whole balance" names
    # pre-tax money); a bare "Not until you retire or change jobs." reply to "Can I move my
    # 401(k) into a Roth?"
    "mm-roth401k-taxed", "b2-mm-inservice",
    # a title "Your Roth Conversion Do-Over: How to Reverse It by October" (batch 3)
    "b3-rc-title-doover-claim",
    # a "Cons" list item "Required minimum distributions starting at 73" on a page titled
    # "Is a Roth 401(k) Right for You?" (the Roth 401(k) only in the title, batch 4)
    "b4-rm-list-cons",
    # a plain-text table row "Lifetime RMDs | Yes, from 72 | None": the row's columns name
    # the accounts, the cell says only "Yes"
    "b2-rm-table-old",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct passages that draw a problem finding."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_roth_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


@pytest.mark.parametrize("sentence", [
    "Plenty of retirees do this every time stocks slide.",
    "Lots of people do exactly that whenever stocks dip.",
    "Many investors do just that.",
])
def test_others_doing_it_restates_the_statement(sentence):
    assert follow_on(sentence) == "restates"


@pytest.mark.parametrize("sentence", [
    "Plenty of savers regret this later.",
    "People do this for many reasons, and most of them are bad.",
    "Do people do this?",
])
def test_other_sentences_about_people_restate_nothing(sentence):
    assert follow_on(sentence) is None


def test_others_doing_an_undone_conversion_is_flagged_on_its_own_line(checker):
    page = ("Money Mailbag\nPublished Nov. 3, 2025\nQ: I converted $30,000 in June and it's "
            "down 15%. What can I do?\nA: You can recharacterize the conversion before you "
            "file.\nPlenty of retirees do this every time stocks slide.\n")
    assert ("conversion-recharacterize", "outdated", 5) in page_problems(checker, page)


def test_others_doing_a_right_statement_stays_quiet(checker):
    page = ("Roth Conversions\nUpdated 2026\nA conversion can't be undone, so some people "
            "convert in December, once the year's income is known. Plenty of savers do this "
            "every year.\n")
    assert page_problems(checker, page) == []


def test_a_label_line_naming_what_was_contributed_is_no_heading(checker):
    """"Taxable amount: what you originally contributed" states the amount taxed; it neither
    asks nor heads the label line after it ("Deadline: December 31" was flagged)."""
    page = ("Roth Conversion at a Glance\nUpdated 2026\nTaxable amount: what you originally "
            "contributed\nDeadline: December 31\n")
    assert page_problems(checker, page) == [("conversion-taxed-on-contributions", "false", 3)]


def test_a_rollover_to_escape_roth_401k_rmds_states_them(checker):
    page = ("Retirement Checklist\nUpdated 2026\nStep 3: Before you turn 73, roll your Roth "
            "401(k) into a Roth IRA so you aren't forced to take distributions from it.\n")
    assert page_problems(checker, page) == [("roth-401k-rmd", "outdated", 3)]


def test_no_need_to_roll_over_since_2024_stays_quiet(checker):
    page = ("Leaving Your Job\nUpdated 2026\nSince 2024 a Roth 401(k) has no lifetime RMDs, "
            "so you don't need to move it just to dodge withdrawals.\n")
    assert page_problems(checker, page) == []


def test_a_sale_on_a_conversion_page_is_not_taxed_on_contributions(checker):
    page = ("Roth Conversions\nUpdated 2026\nOn top of that, you pay capital gains tax on the "
            "profit, the difference between what you sold for and what you originally paid.\n")
    claims = {c for c, _, _ in page_problems(checker, page)}
    assert "conversion-taxed-on-contributions" not in claims


def test_a_dek_listing_topics_states_nothing(checker):
    """A column's dek that names a topic as "the ... question" lists what is discussed."""
    page = ("ASK THE PLANNER\nRoth conversions, tax brackets and the \"do-over\" question\n"
            "By Dana Ruiz | Published Feb. 2, 2026\n\nConversions have been final since "
            "2018.\n")
    assert page_problems(checker, page) == []


def test_a_holding_period_after_a_reconversion_is_no_do_over(checker):
    page = ("Converted Right Before the Slide? Read This\nPosted on 05/10/2016 by Hal Brandt\n"
            "If Sam reconverts in 2017, he should leave that money in the Roth until 2022 if "
            "he's still under 59\u00bd.\n")
    assert page_problems(checker, page) == []


def test_the_penalty_budgeted_for_under_59_half_on_a_conversion_page(checker):
    page = ("# Converting at 48\n*Updated 2026*\n## The bill\n- **Under 59\u00bd? Budget for the "
            "10% penalty.** It comes on top of the income tax.\n")
    assert ("conversion-penalized", "false", 4) in page_problems(checker, page, "page.md")


def test_the_conversion_clock_that_matters_for_the_penalty_stays_quiet(checker):
    page = ("Roth Conversions\nUpdated 2026\nEach conversion gets a separate five-year window, "
            "and that window is only relevant to the 10% penalty before age 59\u00bd.\n")
    assert page_problems(checker, page) == []
