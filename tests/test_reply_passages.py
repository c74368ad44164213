"""Replies that state a claim only with the question they answer
(tests/data/reply_passages.yaml, run by :mod:`reply_stress`): each wrong reply flagged on its
own line with a claim of its fact, each correct twin quiet. The passages not handled yet are
listed, so that a change that handles one (or breaks another) shows."""

from __future__ import annotations

import pytest

from reply_stress import outcomes, passages

PASSAGES = passages()

NOT_CAUGHT = frozenset({
    "premise-55-left-early", "premise-hardship-penalty", "premise-wash-after",
    "premise-wash-ira-basis",
    "story-loan-offset", "story-ira-cash-out-loss",
    "amount-rmd-age-72", "amount-baby-10000",
    "faq-roth-loss-close",
})
"""Wrong replies still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged (the quoted myth a reply rejects)."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_a_reply_read_with_its_question(results, passage):
    outcome = results[passage["id"]]
    if passage["expect"] == "flag":
        assert outcome.ok is (passage["id"] not in NOT_CAUGHT), (
            f"wrong reply said {outcome.said or 'nothing'}; expected {passage['rule']}")
    else:
        assert outcome.ok is (passage["id"] not in TWIN_FLAGGED), (
            f"correct twin said {outcome.said}")


def test_the_reply_set_is_large_enough():
    assert len(PASSAGES) >= 40
    assert {p["family"] for p in PASSAGES} == {"premise", "story", "amount", "faq", "quote"}
    assert {p["shape"] for p in PASSAGES} == {"forum", "qa-column", "faq"}
