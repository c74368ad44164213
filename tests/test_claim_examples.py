"""Every example in the claim database is a test of its own (``-k <claim-id>``)."""

from __future__ import annotations

import pytest

from taxcheck.claimdb import load_claims
from taxcheck.claimtests import example_cases, run_example

CASES = list(example_cases(load_claims().claims))


@pytest.mark.parametrize(("claim", "expect", "index", "sentence"), CASES,
                         ids=[f"{c.id}-{e}[{i}]" for c, e, i, _ in CASES])
def test_claim_example(checker, claim, expect, index, sentence):
    result = run_example(checker, claim, expect, index, sentence)
    assert result.passed, result.describe()


def test_every_claim_has_four_examples_each_way_and_names_its_fact(db):
    """House rules the schema does not enforce: enough examples to pin a claim's phrasing
    down, and the fact-sheet entry it rests on."""
    for claim in db.claims:
        assert len(claim.examples.match) >= 4, claim.id
        # a proposition's denials are sentences it must not report too (its twin does)
        assert len(claim.examples.no_match) + len(claim.examples.negated) >= 4, claim.id
        if claim.negated is not None:
            assert len(claim.examples.negated) >= 4, claim.id
        assert claim.fact, claim.id
