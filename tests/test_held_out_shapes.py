"""A held-out set in page shapes: 15 facts of the fact sheet (sections A-K), each stated
wrongly in four page shapes (a headline, a bullet under a lead-in, a Q&A reply after its
question, a forum post, a table row) and correctly twice, written from the fact sheet alone
before any rule was changed (session 9, para7). File names: ``<fact>__<W|C><n>_<shape>.md``.

A wrong statement is flagged with a problem verdict of its own fact; a correct twin is never
flagged. The wrong statements the rules still miss are listed (and in
docs/held-out-paraphrases.tsv): fix them by family, then drop them from the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taxcheck.readers import read_path

DATA = Path(__file__).parent / "data" / "held-out-shapes"
PROBLEMS = {"false", "misleading", "outdated"}

STILL_MISSED = {
    # a reply to a wh-question that leaves the withdrawal to the question
    "withdrawals-taxed-as-ordinary-income__W2_qa.md",
    # "your 401k money gets taxed like stock gains" names no withdrawal
    "withdrawals-taxed-as-ordinary-income__W3_forum.md",
    # elliptical replies: "One per account, so three in total.", "All $20,000, ..."
    "one-ira-rollover-per-12-months__W1_qa.md",
    "capital-loss-3000-limit-and-carryforward__W2_qa.md",
    # a noun-phrase headline calling the 20% withheld a penalty
    "direct-vs-indirect-rollover-withholding-60-days__W0_headline.md",
    # heirs using a dead parent's carryover, told as a story
    "capital-loss-3000-limit-and-carryforward__W3_forum.md",
    # "Wait 30 days ... and the wash-sale rule can't touch you"
    "wash-sale-61-day-window__W0_headline.md",
    # "It gets added to your IRA's basis" after a question on an IRA repurchase
    "wash-sale-ira-purchase-permanent-disallowance__W2_qa.md",
    # "How to borrow from your IRA": a how-to presupposes only abolished rules
    "plan-loan-limits-and-tax-treatment__W0_headline.md",
    # a comma splice whose second clause ("I took out 150k") names a withdrawal
    "plan-loan-limits-and-tax-treatment__W3_forum.md",
    # a table row label "Roth 401(k), in addition to pre-tax 401(k)" with the limit
    "elective-deferral-limit__W3_table.md",
}

# flagged, but with a claim of another fact
OTHER_FACT = {
    # "Good News for 2026: Your IRA Loss Write-Off Returns" reads as a loss deduction today
    "ira-loss-deduction-permanently-disallowed__W0_headline.md",
    # ("Repurchase the fund inside your Roth IRA" under a harvesting lead-in is now flagged
    # with its own fact: a buyback in an IRA given as a harvesting step, para10)
}

FILES = sorted(p.name for p in DATA.glob("*.md"))


@pytest.fixture(scope="module")
def facts_flagged(checker, db):
    """For each file, the facts of the problem findings taxcheck reports."""
    fact_of = {c.id: c.fact for c in db.claims}
    return {name: {fact_of.get(f.claim_id)
                   for f in checker.check(read_path(str(DATA / name))).findings
                   if f.verdict in PROBLEMS}
            for name in FILES}


def test_the_set_covers_fifteen_facts_in_four_shapes():
    facts = {name.split("__")[0] for name in FILES}
    assert len(facts) == 15 and len(FILES) == 90
    for fact in facts:
        wrong = [n for n in FILES if n.startswith(f"{fact}__W")]
        assert len({n.rsplit("_", 1)[1] for n in wrong}) == 4, fact


@pytest.mark.parametrize("name", [n for n in FILES if "__C" in n])
def test_a_correct_twin_is_not_flagged(facts_flagged, name):
    assert facts_flagged[name] == set()


@pytest.mark.parametrize("name", [n for n in FILES if "__W" in n and n not in STILL_MISSED])
def test_a_wrong_statement_is_flagged_with_its_fact(facts_flagged, name):
    fact = name.split("__")[0]
    if name in OTHER_FACT:
        assert facts_flagged[name] - {fact}
    else:
        assert fact in facts_flagged[name]
