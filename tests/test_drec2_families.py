"""Branch drec2's family (tests/data/drec2_families.yaml, run by :mod:`q5_families`): the
inherited-IRA 10-year rule told as leaving the heir free until the end ("nothing is owed
until the very end", "let it ride and drain it by year ten", "only sets a deadline", "total
flexibility within those ten years") is flagged as `inherited-ten-year-nothing-until-end`
(false); the same words stay quiet when the owner died before the required beginning date or
the yearly withdrawals are named. The passages not handled yet are listed, so that a change
that handles one (or breaks another) shows.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/drec2_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, outcomes, passages

DATA = Path(__file__).parent / "data" / "drec2_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT: frozenset[str] = frozenset()
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "He died before RMDs started, so ... nothing is owed until the very end": the "so"
    # clause is read alone (so is "until year ten" there, on main as well)
    "tys-very-end-twin",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_drec2_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_family_has_eight_wrong_and_eight_right():
    assert sum(p["expect"] == "flag" for p in PASSAGES) >= 8
    assert sum(p["expect"] == "quiet" for p in PASSAGES) >= 8


def _flags(checker, text: str, name: str = "page.txt") -> list[tuple[str, str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.text, f.claim_id, f.verdict) for f in report.findings
            if f.verdict != "accurate"]


def test_relief_for_one_year_is_no_waiver_denied(checker):
    """"There's no relief for 2025" after the IRS excused heirs' skipped yearly amounts for
    2021-2024 speaks of those yearly notices, not of the reasonable-cause waiver of the
    missed-RMD excise tax; a waiver denied outright still is."""
    page = ("Missed RMDs: the IRS excused skipped amounts for 2021 through 2024. There's no "
            "relief for 2025, so take this year's RMD by December 31.\n")
    assert _flags(checker, page) == []
    denied = "Missed RMD? The 25% penalty stands: there's no relief from the IRS anymore.\n"
    assert [(c, v) for _, c, v in _flags(checker, denied)] == [("rmd-excise-no-waiver", "false")]
