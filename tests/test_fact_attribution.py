"""Findings under the fact a blind labeller picks (issue 12, issue 14; session 11, facts7).

``tests/data/fact-attribution/`` is a small gold corpus written before any claim changed:
nine pages in real shapes (a Markdown FAQ, a credit union's plain-text export, a listicle
with a table of limits, a Q&A column with reader comments, a forum thread, a bank's HTML
explainer, a Q&A page with a mailbag, an exceptions list, a mixed FAQ) whose sentences,
wrong and right, sit between two or three confusable entries of the fact sheet (the RMD age
and its history; the loan limits and section L's loan details; the deferral limit, the
60-63 catch-up and the totals; the two hardship entries; the three rollover deadlines; the
three IRA-loss entries; the five-year rules, moving money to Roth and the conversion tax;
the 10% tax and its exceptions). Each is labelled with the entry the labelling guide
gives it (figures of the year-indexed table to the fact that names them, birth-date RMD
statements to the history entry, totals and scope to the totals entry), else the entry
whose text decides it.

It is scored with the eval code, as ``taxcheck eval`` scores the corpus: a finding counts
only under the annotation's fact (or one of its claim's ``also_facts``).
"""

from __future__ import annotations

from pathlib import Path

from taxcheck.evaluation import evaluate

DATA = Path(__file__).parent / "data" / "fact-attribution"


def test_findings_rest_on_the_fact_a_labeller_picks(checker):
    result = evaluate(DATA, checker, gold_dir=DATA / "gold")
    matched = result.problems.tp + result.accurate.tp
    assert result.annotations == 148
    # before the claim audit: 110 / 148 (problems 57 / 63, 7 problem alarms, 4 on a sentence
    # labelled with another fact); after it (also_facts, the split bracket claim, Form 5329,
    # birth-date rows, the one-per-year rule's own sentences, a conversion's denied loss): 116 / 148
    # (58 / 63, 4, 1)
    assert matched >= 116
    assert result.problems.tp >= 58
    assert result.problems.fp <= 4
    assert result.alarm_kinds.get("other_fact", 0) <= 1
