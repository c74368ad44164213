"""Branch damend's families (tests/data/damend_families.yaml, run by :mod:`q5_families`), from
round d's amended-return FAQ (d4) and bank c3-c: refund deadlines worked out from December 31
of the tax year, a wrong deadline's cut-off restated ("After that, the refund is gone."), the
October extended due date counted whether or not one extended, a refund paid however late
the 1040-X comes in or a time limit of "None", a deadline told as strict ("not a day more")
and an answer about a return filed late or on extension (right, quiet), the ordinary rule with
both clocks in a row under a worthless-stock heading (quiet), a bare instruction that carries
on a wrong amendment ("Attach your December statements as proof.",
:mod:`taxcheck.matching.amend_steps`), the seven-year window stretched to any loss or missed
item (`seven-year-window-any-item`), a 401(k) or IRA loss listed under "Things a 1040-X can
fix:" (`fixable_items`). Twins: worked
deadlines from the due date or the filing day, December 31 deadlines of other rules, the same
cut-off after a right deadline (:mod:`taxcheck.matching.refund_deadlines`, claims in
``claims/refund-claims.yaml``).

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/damend_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "damend_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # the sentence the step carries on is not read as wrong itself, so there is nothing to
    # carry: an individual's capital loss carried back "by amending those returns", and "write
    # off what your Roth IRA lost" ("lost" is no loss word there)
    "step-earliest-year",
    "step-be-sure",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""

YEAR_END = "amended-return-three-years-from-year-end"


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_damend_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _findings(checker, body: str) -> dict[str, set[str]]:
    page = f"# Amending your return\n*Updated January 12, 2026*\n\n{body}\n"
    report = checker.check(read_bytes(page.encode(), "page.md"), tax_year=2026)
    out: dict[str, set[str]] = {}
    for f in report.findings:
        if f.is_problem:
            out.setdefault(f.sentence, set()).add(f.claim_id)
    return out


@pytest.mark.parametrize("body, sentence", [
    ("For a 2024 return, the refund window shuts on Dec. 31, 2027.",
     "For a 2024 return, the refund window shuts on Dec. 31, 2027."),
    ("Overpaid in 2023? Amend before the end of 2026, when the 2023 refund claim dies.",
     "Amend before the end of 2026, when the 2023 refund claim dies."),
])
def test_year_end_deadline_worked_out(checker, body, sentence):
    assert YEAR_END in _findings(checker, body).get(sentence, set())


@pytest.mark.parametrize("body", [
    # not the third year after the return's (no year-end count)
    "For a 2024 return, you'll want your refund claim in well before Dec. 31, 2028.",
    # the date denied
    "For a 2022 return the refund deadline is not December 31, 2025 but April 15, 2026.",
    # a question
    "Is the last day to amend a 2022 return for a refund December 31, 2025?",
    # someone's mistaken view, reported
    "Some readers think a 2022 refund claim expires December 31, 2025.",
])
def test_other_year_end_dates_stay_quiet(checker, body):
    assert not any(YEAR_END in claims for claims in _findings(checker, body).values())


def test_cutoff_follows_only_a_wrong_deadline(checker):
    wrong = _findings(checker, "You have two years from filing to amend. Miss that and the "
                               "refund is lost for good.")
    right = _findings(checker, "You have three years from filing to amend, or two years from "
                               "paying the tax if later. Miss that and the refund is lost for "
                               "good.")
    assert "amended-return-two-years-from-filing" in wrong.get(
        "Miss that and the refund is lost for good.", set())
    assert right == {}
