"""Branch yrec2's families (tests/data/yrec2_families.yaml, run by :mod:`q5_families`), from
development misses on old IRA-loss pages: the old loss test said to put Roth and traditional
IRAs together, the kinds named first and taken up by a pronoun ("since the IRS lumps them
together": `LUMPED_TOGETHER`), and a step naming no kind ("Cash out every IRA you own.")
whose next sentence says that means every kind together (`spells_out` of
`ira-loss-grouped-across-kinds`, :mod:`taxcheck.matching.spelled_out`); after "convert only the
nondeductible IRA", the next sentence's "since that money was already taxed, you'll owe little
or nothing on the conversion" (`conversion-after-tax-only`'s NEARLY_FREE, the pro-rata rule
told without a word of it); a no said to hold in most cases, given as "the answer" after a colon
or in quotes ("The short answer: usually not", "The honest answer is 'usually not, occasionally
yes.'": `MOSTLY_NO`). Each wrong passage has
a right twin that must stay quiet; the ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/yrec2_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages

DATA = Path(__file__).parent / "data" / "yrec2_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "Close your traditional IRAs and your Roth IRAs in the same year; the IRS pools them
    # together for the loss test": the clause after the semicolon names no Roth of its own
    "kp-list",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "If every dollar in your IRAs went in after tax, converting them is close to tax-free:
    # only the growth is taxed": "only the growth" reads as converting only the after-tax
    # money (flagged on main before this branch too)
    "pf-all-after-tax-twin",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_yrec2_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _problems(checker, text: str, name: str = "page.md") -> list[tuple[str, str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.sentence, f.claim_id, f.verdict) for f in report.findings if f.is_problem]


def test_a_step_the_next_sentence_spells_out_takes_its_claim_not_the_outdated_one(checker):
    found = _problems(checker, "# Deducting an IRA loss\n\n1. **Empty every IRA you own.** "
                      "Roth and traditional accounts are lumped together for this test.\n")
    step = [(c, v) for s, c, v in found if s.startswith("Empty every IRA")]
    assert step == [("ira-loss-grouped-across-kinds", "false")]


def test_a_step_naming_its_kind_keeps_the_old_rule_and_only_the_next_sentence_is_false(checker):
    found = _problems(checker, "# Deducting an IRA loss\n\n1. **Empty every traditional IRA "
                      "you own.** Roth accounts are lumped together with them for this test.\n")
    step = {c for s, c, _ in found if s.startswith("Empty every")}
    assert "ira-loss-grouped-across-kinds" not in step
