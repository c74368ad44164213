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


def test_database_size_and_shape(db):
    claims = db.claims
    assert len(claims) >= 60
    assert sum(c.verdict == "accurate" for c in claims) >= 20
    for claim in claims:
        assert len(claim.examples.match) >= 4, claim.id
        assert len(claim.examples.no_match) >= 4, claim.id
        assert claim.fact, claim.id
        assert claim.figure is None or claim.figure in db.figures, claim.id


def test_every_figure_has_a_source_and_figures_stay_within_the_fact_sheet_years(db):
    for figure in db.figures.values():
        assert figure.citations, figure.id
        assert 2023 not in figure.values, figure.id  # the fact sheet has no 2023 figures
        assert {2024, 2025, 2026} & set(figure.values), figure.id
