"""Round y's development false alarms by family (issue 12; session 16, branch yprec).

``tests/data/yprec_families.yaml`` holds whole short pages written from the fact sheet before
any change: a question title (or heading) over a table or "Label: value" lines ("Do we each
get a $3,000 write-off?" over a carryover table), a worked example's bare heading ("Example",
"The math") under a section on how conversions are taxed, on a page whose title also names
recharacterizations, a recharacterization with no object after one of a contribution ("How
to request a recharacterization" on a help page about both), bold step labels run in
before a step's text ("**Step 1:** Add up ..."), a quantified denial of a new subject ("It's
still taxable income, and not every plan offers it") and a clause that names nothing of its
own after a denial in its sentence ("you'll never be forced to take money out of a Roth IRA,
so it can just sit there"), a figure of a subject named as old, told in the past ("The old
penalty really was a brutal 50%") and a lead-in that announces what to know now ("Two details
worth knowing now:" under the Saver's Match), each with wrong twins that must still be
flagged. They run through the real Checker by :mod:`q5_families`' runner.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from passage_runs import problems
from q5_families import assert_passage, outcomes, passages
from taxcheck.matching.retries.procedures import bare_step
from taxcheck.matching.undone import undoes, without_conversion
from taxcheck.readers import read_bytes

PASSAGES_FILE = Path(__file__).parent / "data" / "yprec_families.yaml"
PASSAGES = passages(PASSAGES_FILE)

NOT_CAUGHT = frozenset({
    # "Married filing jointly | $3,000 per spouse" in a table under a question title: the
    # cell's "per spouse" is not read as the limit doubled (missed before this branch)
    "qt-wrong-cell-per-spouse",
    # a worked example's list item "Recharacterize the conversion and you owe tax on nothing."
    # (missed before this branch)
    "ex-wrong-example-line-undo",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "2025 — Carried to next year: $6,500" read as the capital-loss limit (a figure of a
    # worked line taken for the limit; not a question's lending)
    "qt-faq-twice-question",
    # the title "Undoing IRA moves: recharacterizations and conversions" read as a claim that
    # a conversion can be undone (a title that names topics)
    "ex-html-worked-example",
    # "A regular contribution can still be switched between Roth and traditional" names no
    # recharacterization (no concept reads "switched between"), so the form's list item after
    # it still takes the title's conversion
    "rc-md-list-after-contribution",
})
"""Correct passages that draw a problem finding."""

_LABEL_ONLY = re.compile(r"^\W*step\s+\w+\W*$", re.IGNORECASE)


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_yprec_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


@pytest.mark.parametrize("passage", [p for p in PASSAGES if p["family"] == "sl"],
                         ids=lambda p: p["id"])
def test_a_bare_step_label_draws_no_finding(checker, passage):
    """The old how-to's steps are flagged on their text, never on the label alone."""
    name = "page." + passage["format"]
    report = checker.check(read_bytes(passage["text"].encode(), name), tax_year=2026)
    found = problems(report.findings)
    assert found
    assert not [f.sentence for f in found if _LABEL_ONLY.match(f.sentence)]


@pytest.mark.parametrize("label", ["Step 1:", "Step 2 \u2014", "STEP THREE:", "Step 4)"])
def test_a_label_alone_is_no_bare_step(label):
    assert bare_step(label) is None


def test_a_label_with_its_instruction_is_a_bare_step():
    cand = bare_step("Step 2: Close out the accounts.")
    assert cand is not None and cand.imperative


def test_a_recharacterization_undoes_what_the_last_one_named():
    contribution = undoes({"RECHARACTERIZE", "REGULAR_CONTRIBUTION"}, False)
    assert contribution
    assert undoes({"RECHARACTERIZATION"}, contribution)  # "How to request a recharacterization"
    assert undoes({"LIMIT", "IRA"}, contribution)  # other clauses keep it
    assert not undoes({"RECHARACTERIZE", "CONVERT"}, contribution)  # "... the conversion too"
    assert not undoes({"RECHARACTERIZATION"}, False)


def test_no_conversion_is_lent_to_a_contributions_recharacterization():
    ambient = frozenset({"CONVERT", "IRA"})
    assert without_conversion(ambient, {"RECHARACTERIZATION"}, True) == {"IRA"}
    assert without_conversion(ambient, {"RECHARACTERIZATION"}, False) == ambient
    assert without_conversion(ambient, {"LIMIT"}, True) == ambient


@pytest.mark.parametrize(("text", "claim", "verdict"), [
    ("Emergency withdrawals skip the 10% penalty. It's still taxable income, and not every "
     "plan offers it.", "emergency-distribution-tax-free", None),
    ("Hardship withdrawals are taxed as ordinary income, but not all plans allow them.",
     "hardship-withdrawal-tax-free", None),
    ("Hardship withdrawals are tax-free, and not every plan offers them.",
     "hardship-withdrawal-tax-free", "false"),
])
def test_a_quantified_denial_stays_on_its_own_subject(checker, text, claim, verdict):
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    said = {f.claim_id: f.verdict for f in problems(report.findings)}
    assert said.get(claim) == verdict


def test_a_clause_going_on_from_a_denial_does_not_state_the_rule(checker):
    text = ("One more piece of good news: you'll never be forced to take money out of a Roth "
            "IRA while you're alive, so it can just sit there compounding.")
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    assert not problems(report.findings)
    assert any(f.claim_id == "roth-no-rmd-for-owner" for f in report.findings)
