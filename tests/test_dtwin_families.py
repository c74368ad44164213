"""A wrong statement read as its right twin (issue 12; session 18, branch dtwin).

``tests/data/dtwin_families.yaml`` holds whole short pages written from the fact sheet before
any change: an exclusivity word on a hardship withdrawal's income tax ("You will owe ordinary
income tax only.", "just the regular income tax", "taxed, and that's it", "nothing more")
denies the 10% owed on top before 59½ (``hardship-withdrawal-income-tax-only``, false), while
"plus the 10%" or "past 59½ ... just the income tax" stays quiet; the 10% said to stand in
for, take over from or cover income tax is the penalty replacing the tax
(concepts.yaml REPLACE, ``early-penalty-replaces-income-tax``), while "comes on top of" and
"doesn't stand in for" stay quiet; the Saver's Credit's $1,000 said to be a whole household's,
a family's, a return's or a married couple's makes the per-person cap one for both spouses
(``savers-credit-1000-per-household``, false), while "$1,000 per person, $2,000 for the
household" stays quiet. Run as a script for the table:
``.venv/bin/python tests/q5_families.py tests/data/dtwin_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "dtwin_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT: frozenset[str] = frozenset({
    # a heading without a sentence ending is not read as a claim (heading family, not this one)
    "xs-wrong-html-heading-swap",
    # "A: No. The 10% penalty covers it." after a yes/no question: the reply takes the
    # question's "as well as" (dreply's family)
    "xs-wrong-txt-qa-covers",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset({
    # "..., since hardship isn't an exception": the since-clause's denial reaches the income
    # tax of the main clause (negation scope, left alone)
    "xo-right-txt-qa-and-penalty",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dtwin_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _found(checker, text: str) -> set[tuple[str, str]]:
    findings = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026).findings
    return {(f.claim_id, f.verdict) for f in findings}


@pytest.mark.parametrize("line", [
    "You will owe regular income tax only.",
    "Expect to pay just the ordinary income tax on it.",
    "It gets taxed as income, and that's it.",
])
def test_income_tax_alone_under_a_hardship_title_is_flagged(checker, line):
    found = _found(checker, f"Hardship withdrawals from your 401(k)\n\n{line}")
    assert ("hardship-withdrawal-income-tax-only", "false") in found


@pytest.mark.parametrize("line", [
    "You will owe regular income tax, plus the 10% penalty before 59\u00bd.",
    "Once you're past 59\u00bd, you will owe regular income tax only.",
])
def test_its_right_twins_stay_quiet(checker, line):
    found = _found(checker, f"Hardship withdrawals from your 401(k)\n\n{line}")
    assert not {c for c, v in found if v != "accurate"}


REPLACES = "early-penalty-replaces-income-tax"
ON_TOP = "early-penalty-on-top-of-income-tax"


@pytest.mark.parametrize("line, claim", [
    ("The 10% penalty stands in for your regular income tax.", REPLACES),
    ("The early-withdrawal penalty takes over from income tax.", REPLACES),
    ("The 10% penalty doesn't stand in for income tax.", ON_TOP),
])
def test_the_penalty_standing_in_for_the_tax(checker, line, claim):
    found = _found(checker, f"Early withdrawals before 59\u00bd\n\n{line}")
    assert claim in {c for c, _ in found}


@pytest.mark.parametrize("line, flagged", [
    ("The most the Saver's Credit pays is $1,000 for the whole household.", True),
    ("Saver's Credit: $1,000 max per return, even if you both contribute", True),
    ("The most the Saver's Credit pays is $1,000 per person, $2,000 for the household.", False),
    ("A single filer's Saver's Credit tops out at $1,000.", False),
])
def test_a_household_cap_of_1000(checker, line, flagged):
    found = _found(checker, f"The Saver's Credit in 2026\n\n{line}")
    assert (("savers-credit-1000-per-household", "false") in found) is flagged
