"""Branch yrec4's family (tests/data/yrec4_families.yaml, run by :mod:`q5_families`), from a
development miss in a forum post: "no 10% penalty" followed by the reason given for it ("since
it's a hardship", "because it counts as a hardship", "as it's a hardship distribution") states
the exemption, as "no tax since ..." already did (the ``PSEUDO_NEGATION`` pattern of "no
penalty" in claims/cues.yaml), so the reason clause that names the hardship is no longer cut
off as the unnegated side of a negated clause. Each wrong passage has a right twin that must
stay quiet (the penalty kept, or a real exception given as the reason). The ones not handled
yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/yrec4_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages

DATA = Path(__file__).parent / "data" / "yrec4_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT: frozenset[str] = frozenset()
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_yrec4_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []
