"""Claims in loose everyday words, third set (session 12, para10): the thirteen facts with the
most held-out misses outside the IRA-loss and changed-rule families (rollover withholding and
the 60 days, the $3,000 capital-loss limit, Roth conversions, the rule of 55, Roth RMDs, the
IRA limit and deadline, wash sales and IRA buybacks, the inherited 10-year rule, the Saver's
Credit, the prior year-end balance, the one-rollover limit, 72(t) payments).

Two halves, written from the fact sheet alone before any code change: a held-out half
(tests/data/loose-wording-3/heldout.yaml, written first, never tuned on: run at the start and
at the end) and a tuning half (tuning.yaml, two batches). Each pair states one fact in a
real-page shape (heading, list item under its lead-in, table row, label line, FAQ reply,
forum post, sentence): the wrong passage the way real pages are wrong, the right one its
correct twin. A wrong passage is caught when a problem finding's claim has the pair's fact
(or names it in ``also_facts``); a right passage is quiet when it draws no problem finding.

The tuning half is asserted pair by pair (what is still missed is listed with its reason, so
that a fix shows up here); the held-out half by its counts only, so that nobody tunes on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "loose-wording-3"
PROBLEMS = {"false", "misleading", "outdated"}
TUNING = yaml.safe_load((DATA / "tuning.yaml").read_text(encoding="utf-8"))
HELDOUT = yaml.safe_load((DATA / "heldout.yaml").read_text(encoding="utf-8"))
FACTS = 13

STILL_MISSED = {
    # the reader's age when they left is in the question; "once you reach 55 the exception
    # kicks in" answers it with the plan's rule
    "t-s55-52": "the reply states the rule; leaving at 52 is only the reader's story",
    # two equal amounts, one per IRA kind: the same amount twice is not compared
    "t-il-each": "the same $7,500 for each kind of IRA is not read as two limits",
    # a table of income caps with no title or heading naming the credit
    "t-sc-table": "nothing on the page names the Saver's Credit",
    # a verbful reply to "How long ...?" ("Seven years, then whatever's left is gone")
    "t2-cl-forever": "the reply has its own verb, so it takes nothing from the question",
    # "$3,000 write-off against wages" never names a loss
    "t2-cl-couple": "no loss is named on the page",
    # the heir is only "dad ... when he passed" and "his IRA"
    "t2-ih-forum": "an inherited account told as a parent's death, with no heir word",
    # a question and its "Yes" on one label line
    "t2-or-plan": "a label line that asks and answers (\"...? Yes\") is read as a question",
    # "there's nothing to take out until then": "then" is the question's tenth year
    "t3-ih-sit": "the reply's \"until then\" points at the question's year ten",
}

# the held-out half at the end of para10 (at its start: 42 caught, 70 quiet; 45 before a
# phrase listed under two labels was dropped for test_vocabulary); session 14: 45 with limits'
# savers-credit-2000-per-person, 46 with caploss ("the wash-sale rule doesn't reach retirement
# accounts" among them), 47 with both; 48 with yrec (session 16); 49 with dcap (session 18)
HELDOUT_CAUGHT = 49
HELDOUT_QUIET = 70


def _problems(checker, text: str) -> list[str]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [f.claim_id for f in report.findings if f.verdict in PROBLEMS]


def _of_fact(db, claims: list[str], fact: str) -> bool:
    return any(db.claim(c).fact == fact or fact in db.claim(c).also_facts for c in claims)


@pytest.mark.parametrize("pairs", [TUNING, HELDOUT], ids=["tuning", "heldout"])
def test_each_half_has_five_wrong_and_five_right_per_fact_in_real_page_shapes(pairs):
    assert len({p["id"] for p in pairs}) == len(pairs)
    facts = {p["fact"] for p in pairs}
    assert len(facts) == FACTS
    for fact in facts:
        assert sum(p["fact"] == fact for p in pairs) >= 5, fact
    assert {p["shape"] for p in pairs} == {"sentence", "heading", "list", "table", "label",
                                           "faq", "forum"}
    assert all(p["wrong"] != p["right"] for p in pairs)


def test_the_halves_share_no_passage():
    held = {p[k] for p in HELDOUT for k in ("wrong", "right")}
    assert not held & {p[k] for p in TUNING for k in ("wrong", "right")}
    assert not {p["id"] for p in HELDOUT} & {p["id"] for p in TUNING}


@pytest.mark.parametrize("pair", [p for p in TUNING if p["id"] not in STILL_MISSED],
                         ids=lambda p: p["id"])
def test_a_loosely_worded_wrong_claim_is_flagged_with_its_fact(checker, db, pair):
    found = _problems(checker, pair["wrong"])
    assert _of_fact(db, found, pair["fact"]), found


@pytest.mark.parametrize("pair", TUNING, ids=lambda p: p["id"])
def test_its_correct_twin_stays_quiet(checker, pair):
    assert _problems(checker, pair["right"]) == []


@pytest.mark.parametrize("pair", [p for p in TUNING if p["id"] in STILL_MISSED],
                         ids=lambda p: p["id"])
def test_what_is_still_missed_is_listed(checker, db, pair):
    found = _problems(checker, pair["wrong"])
    assert not _of_fact(db, found, pair["fact"]), "now caught: drop it from STILL_MISSED"


def test_the_held_out_half_counts(checker, db):
    caught = sum(_of_fact(db, _problems(checker, p["wrong"]), p["fact"]) for p in HELDOUT)
    quiet = sum(not _problems(checker, p["right"]) for p in HELDOUT)
    assert (caught, quiet) == (HELDOUT_CAUGHT, HELDOUT_QUIET)
