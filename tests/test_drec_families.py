"""Branch drec's families (tests/data/drec_families.yaml, run by :mod:`q5_families`): a
retirement-account loss said to be non-deductible only for now ("can't harvest them year to
year", "nothing to claim year by year", a reply after the columnist's greeting), and basis
said to be everything put in. Each wrong passage is flagged on its sentence with a claim of
its fact and its verdict; each correct twin stays quiet. The passages not handled yet are
listed, so that a change that handles one (or breaks another) shows.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/drec_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, outcomes, passages

DATA = Path(__file__).parent / "data" / "drec_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    "yby-dear-reply",  # "Can I take that off my taxes?": "take off" is no deduction word
    "bai-worked-whole",  # the whole amount put in, the deducted part named only before
    "bai-earnings-too",  # "and so is whatever they earned": earnings basis by "so is"
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_drec_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_each_family_has_eight_wrong_and_eight_right():
    for family in {p["family"] for p in PASSAGES}:
        group = [p for p in PASSAGES if p["family"] == family]
        assert sum(p["expect"] == "flag" for p in group) >= 8, family
        assert sum(p["expect"] == "quiet" for p in group) >= 8, family


def _flags(checker, text: str, name: str = "page.md") -> list[tuple[str, str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.text, f.claim_id, f.verdict) for f in report.findings
            if f.verdict != "accurate"]


def test_reply_after_greeting_is_the_answer(checker):
    """A reply after the columnist's greeting answers the reader's signed question: "Not year
    by year, no." says the loss becomes deductible later (misleading)."""
    page = ("> My 403(b) slid 15% this year. Can I claim that drop on my return? "
            "\u2014 Slid in Spokane\n\nHi Slid,\n\nNot year by year, no. The plan isn't "
            "taxed until money comes out.\n")
    assert [(c, v) for _, c, v in _flags(checker, page)] == [
        ("retirement-loss-not-deductible-yet", "misleading")]
    flat = page.replace("Not year by year, no.", "No, not in any year.")
    assert _flags(checker, flat) == []


def test_both_kinds_of_money_named_as_one(checker):
    """"deductible and nondeductible alike" names both kinds of money: it denies nothing, so
    the definition is read as said (basis is everything put in: false), and after-tax money
    alone stays the accurate definition."""
    wrong = ("Step 1: Find your basis. It's every dollar you paid into your IRAs, "
             "deducted and nondeductible alike.\n")
    assert [(c, v) for _, c, v in _flags(checker, wrong, "page.txt")] == [
        ("basis-includes-pretax-money", "false")]
    right = "Step 1: Find your basis. It's the nondeductible dollars you paid into your IRAs.\n"
    assert _flags(checker, right, "page.txt") == []


def test_greeting_far_from_question_lends_it_nothing(checker):
    """A greeting opens a reply only right after the question: "Not year by year, no." a
    paragraph later answers nothing."""
    page = ("> My 403(b) slid 15% this year. Can I claim that drop on my return?\n\n"
            "Thanks for writing in; plenty of readers asked the same thing this spring.\n\n"
            "Hi everyone,\n\nNot year by year, no.\n")
    assert _flags(checker, page) == []
