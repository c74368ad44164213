"""Short answers that take their proposition from the question (issue 12; session 18, branch
dreply).

``tests/data/dreply_families.yaml`` holds whole short pages written from the fact sheet, each
family with wrong replies that must be flagged and right twins that must stay quiet: a reply
past an aside that names nothing ("We get this question every spring. Short answer: yes.";
:mod:`taxcheck.matching.retries.quiet_gap`), a forum reply past the post's furniture, and a
reply right after its question whose answer follows a label ("Good news: you can.",
concepts.yaml ANSWER_YES / ANSWER_NO), and a reply that calls itself the answer ("The short
answer: yes" as a heading, "Quick answer: no.") past a teaser or an aside that names things.
They run through the real Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dreply_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "dreply_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # a bare "Yes, it does." / "Nope, not at all." is left to the sentence after it; when
    # that sentence states no claim of the question's fact (or none follows), nothing is said
    "po-forum-rmd-sadly", "po-forum-wash-ira-nope",
    # "I'm 74 ... Can I still contribute?": the asker's age is no concept of the old 70½
    # cut-off (a question naming 70½ is read)
    "pl-qa-ira-70-unfortunately",
    # "my IRA buys it back a week later, is that a wash sale? Nope": the question's own
    # reading matches no claim of the IRA buyback (right after the question too)
    "as-podcast-wash-ira-nope",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dreply_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _on(checker, text: str, sentence: str) -> set[str]:
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    return {f"{f.claim_id}:{f.verdict}" for f in report.findings
            if f.sentence.strip() == sentence and f.verdict != "accurate"}


@pytest.mark.parametrize(("text", "reply"), [
    ("A coworker told me to roll my Roth 401(k) into a Roth IRA before I retire. Is that just "
     "a sales pitch?\nNot entirely. The main reason people do it: a Roth 401(k) still comes "
     "with required minimum distributions in 2026.\n", "Not entirely."),
    ("My brother says I should sell the losing fund in my IRA in December. Is he pulling my "
     "leg?\nNot really. The loss on the fund is deductible as a capital loss.\n",
     "Not really."),
])
def test_a_reply_to_another_question_takes_no_claim_from_its_reason(checker, text, reply):
    """The reason after "Not entirely." states its own claim (flagged there); the reply
    answered a question about advice, not that claim (retries/reply_topic.py)."""
    assert _on(checker, text, reply) == set()


@pytest.mark.parametrize(("text", "reply", "claim"), [
    ("Can I still contribute to a traditional IRA after 70½?\nNot to a traditional IRA. Once "
     "you turn 70½, contributions to a traditional IRA must stop.\n",
     "Not to a traditional IRA.", "ira-contribution-age-70:outdated"),
    ("Do I have to take RMDs from my Roth 401(k)?\nNot from the Roth IRA. A Roth 401(k) still "
     "comes with required minimum distributions in 2026.\n", "Not from the Roth IRA.",
     "roth-401k-rmd:outdated"),
])
def test_a_reply_spelled_out_about_what_was_asked_keeps_its_finding(checker, text, reply,
                                                                     claim):
    assert claim in _on(checker, text, reply)
