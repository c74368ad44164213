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


def test_every_claim_has_examples_both_ways():
    for claim, *_ in CASES:
        assert claim.examples.match and claim.examples.no_match, claim.id


def test_every_claim_cites_a_web_source(db):
    for claim in db.claims:
        assert claim.citations, claim.id
        assert all(c.url.startswith(("https://", "http://")) for c in claim.citations), claim.id
