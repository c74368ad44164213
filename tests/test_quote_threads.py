"""Thread fragments that quote another poster and reply (tests/data/quote_threads.yaml, run
by :mod:`quote_threads`) in plain text, Markdown and HTML: a reply that endorses a wrong
quoted claim (or rejects a right one) is flagged on the reply's line with a claim of the
fact; a rejected wrong quote and a right one stay quiet. The fragments not handled yet are
listed, so that a change that handles one (or breaks another) shows."""

from __future__ import annotations

import pytest

from quote_threads import outcomes, passages

PASSAGES = passages()

NOT_CAUGHT = frozenset({
    "txt-carry-yes", "txt-roth-rmd-right-no", "txt-quote-from-business-days-yes",
    "md-wash-ira-yes", "html-ira-loan-yes", "html-roth-contrib-yes",
})
"""Endorsing (or wrongly rejecting) replies still missed."""

FLAGGED = frozenset({
    "txt-harvest-no", "txt-carry-no", "md-wash-ira-no", "md-recharacterize-no",
    "html-ira-loan-no", "html-roth-contrib-no",
})
"""Fragments that should stay quiet and are still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_a_reply_decides_the_quoted_claim(results, passage):
    outcome = results[passage["id"]]
    if passage["expect"] == "flag":
        assert outcome.ok is (passage["id"] not in NOT_CAUGHT), (
            f"reply said {outcome.said or 'nothing'}; expected {passage['rule']}")
    else:
        assert outcome.ok is (passage["id"] not in FLAGGED), f"flagged {outcome.said}"


def test_the_thread_set_covers_every_shape():
    assert len(PASSAGES) >= 16
    assert {p["shape"] for p in PASSAGES} == {"txt", "md", "html"}
    assert {(p["quote"], p["reply_kind"]) for p in PASSAGES} == {
        ("wrong", "endorses"), ("wrong", "rejects"), ("right", "endorses"),
        ("right", "rejects")}
