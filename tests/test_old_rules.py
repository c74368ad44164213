"""Rules that changed, stated as current on old pages and told as history on new ones (issue
12, issue 14; session 12, oldrules).

``tests/data/old-rules/`` is a small gold corpus written before any change: fourteen pages in
real shapes (a 2015 plain-text hardship FAQ, a 2016 HTML page on undoing a conversion with
meta and JSON-LD dates, a 2026 Markdown "what changed" page, a 2026 HTML birth-year table, a
2025 Markdown forum thread, a 2024 Q&A column, a bank's FAQ and a credit union's page on the
Saver's Match, a 2024 news item on next year's catch-up, a 2024 HR bulletin, an undated
page, a myths page, a 2019 news item on next year's hardship rules, a 2026 forum thread),
labelled by the fact sheet's section L: the old rule in the present is ``outdated``; history,
a corrected belief, a question and a rule for a future year are accurate or unlabelled. A
fifteenth page (o15, a credit union's 2026 FAQ of accurate statements of the five facts) was
written after the first fixes, for the accurate side.

``tests/data/old_rules_passages.yaml`` holds short pages of each family (the old rule told as
history with "used to", "had to", "before 2020", "no longer", "is gone", timelines, tables by
birth year and then-and-now tables, future rules, beliefs corrected; and wrong twins stating
the old rule as today's), run through the real Checker by :mod:`q5_families`' runner. The
passages not handled yet are listed, so that a change that handles one (or breaks another)
shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke
from q5_families import assert_passage, outcomes, passages
from taxcheck.evaluation import evaluate
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data"
PAGES = DATA / "old-rules"
PASSAGES_FILE = DATA / "old_rules_passages.yaml"
PASSAGES = passages(PASSAGES_FILE)
PROBLEMS = {"false", "misleading", "outdated"}

NOT_CAUGHT = frozenset({
    # "You've got 60 days from your last day to roll over the offset, no extensions."
    "of-forum-60",
    # a 2019 checklist item opened by a question ("Turning 70½? Take your first RMD ...")
    "b5w-2019-checklist-rmd",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # another fact: "If you can repay it, a 401(k) loan is usually a better first step than a
    # hardship withdrawal" is read as a repayable hardship withdrawal
    "b2-loan-advice",
    # "could" alone may be a rule of today ("you could simply undo it")
    "b3-could-rechar",
    # a report from HR the writer goes by is stated (matching.discourse.relied_on)
    "b5-forum-hr-told",
    # a 2019 headline of the change ("RMD Age Rises to 72 Under New Law") checks 72 as the
    # figure of its year
    "b5-head-rmd-rises",
    # a then-and-now table's "Since 2020: No" cell does not deny its row
    "b5-then-now-table",
    # (b6-head-topic-rechar, a gerund heading over "This option ended with the 2017 tax law.",
    # is quiet since session 13: the body's first sentence takes the heading back)
})
"""Correct passages still flagged."""


def test_the_own_pages_score_at_least_as_after_the_fixes(checker):
    result = evaluate(PAGES, checker, gold_dir=PAGES / "gold")
    assert result.annotations == 103
    # the first fourteen pages (90 annotations), before (f8367af): problems 24 / 26 with 4
    # problem alarms (3 on accurate statements), accurate statements 21 / 54; after: 25 / 26,
    # 3 alarms, 35 / 54. o15 (13 accurate statements, written after the first fixes): 7 / 13
    # at first contact, 10 / 13 after
    assert result.problems.tp >= 25
    assert result.problems.fp <= 3
    assert result.accurate.tp >= 45
    assert result.miss_kinds.get("other_verdict", 0) == 0


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, PASSAGES_FILE)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_old_rule_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    ids = {p["id"] for p in PASSAGES}
    assert ids >= NOT_CAUGHT | TWIN_FLAGGED


def _findings(checker, text: str, name: str = "page.txt") -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.claim_id, f.verdict) for f in report.findings if not f.suppressed]


@pytest.mark.parametrize(("sentence", "history"), [
    ("Workers had to stop contributing for six months after a hardship withdrawal.",
     "hardship-suspension-before-2020"),
    ("They also froze your contributions for six months after a hardship withdrawal.",
     "hardship-suspension-before-2020"),
    ("Employees had to take a plan loan before a hardship withdrawal.",
     "hardship-loan-first-before-2020"),
    ("Owners were required to start withdrawals at 70½.", "rmd-start-age-70-half-history"),
    ("People who left a job with a loan had 60 days to roll over the offset.",
     "plan-loan-offset-60-days-before-2018"),
    ("Before 2018, you could undo a Roth conversion.", "conversion-recharacterize-before-2018"),
])
def test_a_changed_rule_told_in_the_past_is_its_history_not_an_error(checker, sentence, history):
    found = _findings(checker, f"Retirement rules\nUpdated March 2, 2026\n{sentence}\n")
    assert (history, "accurate") in found
    assert not [f for f in found if f[1] in PROBLEMS], found


@pytest.mark.parametrize(("sentence", "claim"), [
    # a year from the change on: the old rule for that year
    ("When Dana took a hardship withdrawal in 2023, she had to stop contributing for six "
     "months.", "hardship-contribution-suspension"),
    # a past verb inside a condition imagines a case of today
    ("If you went the hardship route, your plan would make you take a loan first.",
     "hardship-loan-first"),
    # a verb of the present heads the clause
    ("Recharacterizing a conversion makes it count as though it had never happened.",
     "conversion-recharacterize"),
    # the writer's own story may still present the old rule
    ("After my hardship withdrawal I couldn't contribute for six months.",
     "hardship-contribution-suspension"),
])
def test_the_old_rule_told_of_today_is_still_outdated(checker, sentence, claim):
    found = _findings(checker, f"Retirement rules\nUpdated March 2, 2026\n{sentence}\n")
    assert (claim, "outdated") in found


def test_a_2015_page_stating_the_freeze_is_outdated_and_a_2026_page_telling_it_is_not(checker):
    old = _findings(checker, "Hardship FAQ\nUpdated June 3, 2015\nAfter a hardship "
                             "withdrawal, you can't contribute to the plan for six months.\n")
    new = _findings(checker, "Hardship FAQ\nUpdated June 3, 2026\nAfter a hardship "
                             "withdrawal, plans used to stop your contributions for six "
                             "months.\n")
    assert ("hardship-contribution-suspension", "outdated") in old
    assert new == [("hardship-suspension-before-2020", "accurate")]


def test_the_loader_makes_a_history_claim_that_only_the_past_meets(db):
    claim = db.by_id["conversion-recharacterize-before-2018"]
    assert claim.history_of == "conversion-recharacterize"
    assert claim.verdict == "accurate" and claim.fact == "roth-conversion-no-recharacterization"
    assert claim.when and all(c.past and c.stated_year is None for c in claim.when)
    assert claim.years.from_ is None and claim.years.to is None


HOUSE = """\
topic: house
claims:
  - id: house-old-rule
    verdict: outdated
    says: Something that changed.
    rule: The rule.
    correction: The fix.
    citations:
      - title: IRS Publication 590-B
        url: https://www.irs.gov/publications/p590b
    years: {from: 2018}
    when:
      - all: [CONVERT, RECHARACTERIZE]
    history:
      id: house-old-rule-before-2018
      says: Before 2018 it was so.
    examples:
      match: [You can recharacterize a Roth conversion.]
      history: [Before 2018 you could recharacterize a Roth conversion.]
      no_match: [Can you recharacterize a Roth conversion?]
"""


@pytest.mark.parametrize(("text", "words"), [
    (HOUSE.replace("    years: {from: 2018}\n", ""),
     "history: for an outdated claim with 'years: {from: ...}'"),
    (HOUSE.replace("      history: [Before 2018 you could recharacterize a Roth conversion.]\n",
                   ""), "examples.history: add sentences"),
    (HOUSE.replace("    history:\n      id: house-old-rule-before-2018\n"
                   "      says: Before 2018 it was so.\n", ""),
     "examples.history needs a 'history'"),
])
def test_a_history_needs_a_changed_rule_and_examples(tmp_path, text, words):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(text, encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert words in result.stderr


def test_a_house_claim_with_a_history_tests_its_examples(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(HOUSE, encoding="utf-8")
    result = invoke("claims", "test", "house-old-rule", "--claims", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    shown = invoke("claims", "show", "house-old-rule", "--claims", str(folder))
    assert "Told as the past (house-old-rule-before-2018, accurate)" in shown.stdout
