"""Branch dlimits's families (tests/data/dlimits_families.yaml, run by :mod:`q5_families`),
from round d's first-contact misses and false alarms in sheet sections H, I and K: amounts
checked against the right limit. The higher SIMPLE limit of small or electing employers named
with a hyphen or by head count ("small-employer plans", "25 or fewer workers"); totals named
with the employer's money in them (the §415(c) cap, not a deferral total); a worked example's
expected income ("expects $41,000 of AGI") is no Saver's Credit ceiling; an IRA deadline
"whether or not you extend". Twins: the same amounts stated wrong are flagged against the
right limit. The ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dlimits_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "dlimits_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # a teaser's wrong overall cap ("total plan cap reaches $69,000"): "total plan cap" is no
    # name of the §415(c) cap, and the teaser's "Roth catch-ups" rule out that claim
    "te-heading-wrong",
    # a teaser's SIMPLE "raise to $16,500": "raise" names no limit
    "te-simple-wrong",
    # "Holding two jobs, each with its own 401(k)? $72,000 is the most that can go into the
    # two plans put together": the question's "its own" reads as a separate limit for each
    "pe-two-jobs-wrong", "pe-second-job-wrong",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "Today's credit stays in place through 2026." under a heading on the match: "the
    # credit" read as the match, "through 2026" as the year it is in force
    "mf-heading-something-new-right",
    # "Luis deposited $3,400 in his Roth IRA" on a Saver's Credit page: the saver's own
    # deposit read as the credit paid into an account (savers-match-available-now)
    "se-named-put-right",
    # a label line that gives the tier's rate with its line ("Married filing jointly: 50% up
    # to $46,000 of AGI (2024)") is checked as the credit's ceiling
    "se-tier-table-right",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dlimits_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _findings(checker, text: str, name: str = "page.md") -> dict[str, set[str]]:
    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    found: dict[str, set[str]] = {}
    for f in report.findings:
        found.setdefault(f.sentence, set()).add(f"{f.claim_id}:{f.verdict}")
    return found


@pytest.mark.parametrize("line, claim", [
    ("SIMPLE deferral, small-employer plans — 2026: $18,100",
     "simple-deferral-limit-higher:accurate"),
    ("SIMPLE deferral, small-employer plans — 2026: $17,000",
     "simple-deferral-limit-higher:false"),
    ("SIMPLE deferrals for employers with 25 or fewer workers: $18,100 in 2026",
     "simple-deferral-limit-higher:accurate"),
])
def test_small_employer_rows_take_the_higher_simple_limit(checker, line, claim):
    found = _findings(checker, f"# SIMPLE limits\n{line}\n")
    assert claim in found[line]
    assert not {c for c in found[line] if c.startswith("simple-deferral-limit:")}


def test_total_with_employer_money_is_no_deferral_total(checker):
    text = ("# Limits by year\n| Limit | 2025 | 2026 |\n|---|---|---|\n"
            "| Catch-up, ages 60 to 63 | $11,250 | $11,250 |\n"
            "| Total with the employer's money | $70,000 | $72,000 |\n")
    found = _findings(checker, text)
    said = {c for s, cs in found.items() if "employer's money" in s for c in cs}
    assert not {c for c in said if c.startswith("deferral-total")}
    assert not {c for c in said if not c.endswith(":accurate")}


def test_expected_income_in_an_example_is_no_ceiling(checker):
    text = ("# Saver's Credit for 2026\nThe credit ends at $40,250 of AGI for single filers. "
            "Take Sam, a single filer who expects $43,000 of AGI in 2026.\n")
    found = _findings(checker, text)
    assert not [c for cs in found.values() for c in cs if not c.endswith(":accurate")]


def test_a_year_in_a_law_name_is_no_tax_year():
    from taxcheck.nlp.quantities import find_quantities

    years = [q.value for q in find_quantities(
        "The SECURE 2.0 Act of 2022 replaces the credit starting with the 2027 tax year.")
        if q.kind == "year"]
    assert years == [2027]
    # a year that is a tax year after "of" stays one
    assert [q.value for q in find_quantities("a limit of 2026 dollars for the year 2026")
            if q.kind == "year"][-1:] == [2026]



def test_a_start_year_in_a_relative_clause_is_no_frame(checker):
    text = ("# Catch-ups in 2026\n*Updated January 9, 2026*\n\nThe super catch-up, which "
            "kicked in with 2025, stays at $11,250 for 2026. That makes $35,750 in all for "
            "savers aged 60 to 63.\n")
    found = _findings(checker, text)
    assert not [c for cs in found.values() for c in cs if not c.endswith(":accurate")]
    # a year the clause is about still frames it: "In 2025 the super catch-up began at
    # $11,250" is 2025's
    found = _findings(checker, "# Limits\nIn 2025, savers aged 60 to 63 could defer a total "
                      "of $35,750.\n")
    assert any(c.startswith("deferral-total-60-63:") and not c.endswith(":accurate")
               for cs in found.values() for c in cs)


def test_an_ira_sum_is_no_401k_deferral_total(checker):
    line = ("The IRA limit went up to $7,500 for 2026, and past 50 you can put in a $1,000 "
            "catch-up on top, so $8,500 in total.")
    found = _findings(checker, f"# Q&A\n{line}\n")
    said = found[line]
    assert not {c for c in said if c.startswith("deferral-total")}
    # the old IRA catch-up is still what the sentence gets wrong
    assert "ira-catch-up-limit:outdated" in said


def test_a_tier_line_after_a_tier_sentence_is_no_ceiling(checker):
    text = ("# Saver's Credit\nThe 50% tier is for the lowest incomes. For couples filing "
            "jointly it ended at $46,000 of AGI in 2024 and at $47,500 in 2025.\n")
    found = _findings(checker, text)
    assert not [c for cs in found.values() for c in cs if not c.endswith(":accurate")]
    # the credit named again: its ceiling, checked
    text = ("# Saver's Credit\nThe 50% tier is for the lowest incomes. Couples filing jointly "
            "can claim the Saver's Credit with AGI up to $70,000 in 2026.\n")
    found = _findings(checker, text)
    assert any(c == "savers-credit-agi-mfj:false" for cs in found.values() for c in cs)


def test_a_named_savers_own_contribution_is_no_limit(checker):
    text = ("# Saver's Credit\n## Step 4: Multiply\nUp to $2,000 of contributions per person "
            "count.\nMia put $3,100 in her 403(b), but only $2,000 counts.\n")
    found = _findings(checker, text)
    assert not [c for cs in found.values() for c in cs if not c.endswith(":accurate")]
