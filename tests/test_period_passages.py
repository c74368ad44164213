"""Replies and label lines that give only a period, a date or a bare amount
(tests/data/period_passages.yaml, run by :mod:`reply_stress`): each wrong value flagged on
its own line with a claim of its fact, each correct twin quiet. The passages not handled yet
are listed, so that a change that handles one (or breaks another) shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reply_stress import outcomes, passages

DATA = Path(__file__).parent / "data" / "period_passages.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    "pr-birth-60d", "pr-first-rmd-dec31", "ar-ira-2025-7500",
})
"""Wrong values still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_a_period_or_amount_read_with_what_it_answers(results, passage):
    outcome = results[passage["id"]]
    if passage["expect"] == "flag":
        assert outcome.ok is (passage["id"] not in NOT_CAUGHT), (
            f"wrong value said {outcome.said or 'nothing'}; expected {passage['rule']}")
    else:
        assert outcome.ok is (passage["id"] not in TWIN_FLAGGED), (
            f"correct twin said {outcome.said}")


def test_the_period_set_is_large_enough():
    assert len(PASSAGES) >= 30
    assert {p["family"] for p in PASSAGES} == {
        "period-reply", "amount-reply", "period-label", "amount-label"}
