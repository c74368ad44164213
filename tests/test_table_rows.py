"""One finding per table row and claim (issue 12; :mod:`taxcheck.matching.table_rows`).

Own paraphrases in real-page shapes (none copied from a page): a Markdown pipe table, an HTML
table, a plain-text pipe row under a header row and a tab-separated row, each with a row that
states the same wrong rule in every year's column. Their twins: a row that is right in every
column stays quiet, a row of yearly limits with one wrong year is flagged on that cell alone,
two wrong rows give two findings, a row of figures wrong by a different amount in each
year keeps one finding (and one edit) per cell, and a row whose cells say different things of
one old rule (the form, the limit) keeps a finding on each cell, as labellers annotate them.
"""

from __future__ import annotations

import pytest

from taxcheck.documents import Block, Segment
from taxcheck.matching.table_rows import cell_statement, row_groups

PER_SPOUSE = "capital-loss-limit-per-spouse"

WRONG_ROWS = [
    # (page shape, suffix, text)
    ("markdown pipe table", ".md",
     "# How much capital loss can you deduct?\n\nUpdated January 5, 2026\n\nNet capital losses "
     "offset ordinary income up to a yearly limit.\n\n| Filing status | 2025 | 2026 |\n"
     "|---|---|---|\n| Married filing jointly | $3,000 per spouse | $3,000 per spouse |\n"
     "| Single | $3,000 | $3,000 |\n"),
    ("html table", ".html",
     "<html><head><title>Capital loss limits</title></head><body><h1>Capital loss limits by "
     "filing status</h1><p>Net capital losses offset ordinary income up to a yearly limit.</p>"
     "<table><tr><th>Filing status</th><th>2025</th><th>2026</th></tr><tr><td>Married filing "
     "jointly</td><td>$3,000 per spouse</td><td>$3,000 per spouse</td></tr><tr><td>Single</td>"
     "<td>$3,000</td><td>$3,000</td></tr></table></body></html>"),
    ("plain-text pipe rows", ".txt",
     "Capital Loss Deduction Limits\nUpdated January 5, 2026\nLosses you can't use against "
     "gains come off your ordinary income, up to a cap.\nFiling status | 2025 | 2026\n"
     "Married filing jointly | $3,000 per spouse | $3,000 per spouse\nSingle | $3,000 | $3,000\n"),
    ("plain-text tab rows", ".txt",
     "Capital Loss Deduction Limits\nPosted January 5, 2026\nLosses you cannot use against gains "
     "come off your ordinary income, up to a cap.\nFiling status\t2025\t2026\nMarried, joint "
     "return\t$3,000 per spouse\t$3,000 per spouse\nSingle\t$3,000\t$3,000\n"),
]
"""A row that states the same wrong rule in the cell of each year."""


def _problems(report):
    return [f for f in report.findings if f.is_problem]


@pytest.mark.parametrize("shape, suffix, text", WRONG_ROWS)
def test_a_row_wrong_in_every_column_is_one_finding_on_its_first_cell(
        check_text, shape, suffix, text):
    report = check_text(text, suffix=suffix)
    found = _problems(report)
    assert [(f.claim_id, f.verdict) for f in found] == [(PER_SPOUSE, "false")], shape
    first = found[0]
    assert "2025" in first.sentence and "$3,000 per spouse" in first.sentence, shape
    again = [s for s in first.trail if s.source == "row"]
    assert [s.labels for s in again] == [("2026",)], shape


def test_each_wrong_row_of_a_table_is_its_own_finding(check_text):
    text = ("# Capital losses: what you can deduct\n\nUpdated January 5, 2026\n\nUnused capital "
            "losses reduce ordinary income up to a limit.\n\n| Situation | 2025 | 2026 |\n"
            "|---|---|---|\n| Married filing jointly | $3,000 per spouse | $3,000 per spouse |\n"
            "| Married, joint return | $3,000 per spouse | $3,000 per spouse |\n")
    found = _problems(check_text(text, suffix=".md"))
    assert [(f.claim_id, f.line) for f in found] == [(PER_SPOUSE, 9), (PER_SPOUSE, 10)]


@pytest.mark.parametrize("suffix, text", [
    (".md", "# How much capital loss can you deduct?\n\nUpdated January 5, 2026\n\nNet capital "
     "losses offset ordinary income up to a yearly limit.\n\n| Filing status | 2025 | 2026 |\n"
     "|---|---|---|\n| Married filing jointly | $3,000 per return | $3,000 per return |\n"
     "| Married filing separately | $1,500 | $1,500 |\n"),
    (".html", "<html><body><h1>IRA contribution limits</h1><table><tr><th>Account</th>"
     "<th>2025</th><th>2026</th></tr><tr><td>Traditional and Roth IRA, combined</td>"
     "<td>$7,000</td><td>$7,500</td></tr><tr><td>Employee deferral, 401(k)</td><td>$23,500</td>"
     "<td>$24,500</td></tr></table></body></html>"),
])
def test_a_row_right_in_every_column_stays_quiet(check_text, suffix, text):
    assert _problems(check_text(text, suffix=suffix)) == []


@pytest.mark.parametrize("suffix, text, claim, cell", [
    (".md", "# 401(k) contribution limits for 2025 and 2026\n\nUpdated January 5, 2026\n\n"
     "| Contribution type | 2025 | 2026 |\n|---|---|---|\n| Employee deferral | $23,500 | "
     "$23,000 |\n| Catch-up (50+) | $7,500 | $8,000 |\n", "elective-deferral-limit", "2026"),
    (".txt", "2026 401(k) Limits at a Glance\nUpdated January 5, 2026\nContribution type | 2025 "
     "| 2026\nEmployee deferral | $23,500 | $24,500\nCatch-up (50+) | $7,500 | $7,500\n",
     "catch-up-limit", "2026"),
])
def test_a_row_with_one_wrong_year_is_flagged_on_that_cell(check_text, suffix, text, claim,
                                                            cell):
    found = _problems(check_text(text, suffix=suffix))
    assert [f.claim_id for f in found] == [claim]
    assert f"{cell}:" in found[0].sentence
    assert found[0].fix is not None


def test_figures_wrong_by_a_different_amount_each_year_keep_their_own_edits(check_text):
    text = ("# 401(k) contribution limits\n\nUpdated January 5, 2026\n\n| Contribution type | "
            "2025 | 2026 |\n|---|---|---|\n| Employee deferral | $23,000 | $23,000 |\n")
    found = _problems(check_text(text, suffix=".md"))
    assert sorted(f.fix.replacement for f in found if f.fix) == ["$23,500", "$24,500"]
    assert not any(s.source == "row" for f in found for s in f.trail)


def test_cells_that_say_different_things_of_one_rule_keep_their_own_findings(check_text):
    text = ("# Where each kind of investment loss goes\n\n*Updated March 8, 2016*\n\n"
            "| Loss | Form | Limit |\n|---|---|---|\n| Emptying every traditional IRA for less "
            "than your basis | Schedule A, as a miscellaneous deduction | Only what exceeds 2% of "
            "AGI |\n")
    found = [f for f in _problems(check_text(text, suffix=".md"))
             if f.claim_id == "ira-loss-deduction-outdated"]
    assert len({f.column for f in found}) == 2
    assert not any(s.source == "row" for f in found for s in f.trail)


def _cell(row: str | None, column: str | None, kind: str = "table_cell") -> Block:
    text = f"{row} — {column}: x"
    return Block(kind=kind, text=text, segments=(Segment(text_start=0, source_start=0,
                                                         length=len(text)),),
                 row=row, column=column)


def test_a_row_ends_at_a_new_label_a_repeated_column_or_another_block():
    blocks = [_cell("A", "2025"), _cell("A", "2026"), _cell("A", "2025"), _cell("B", "2025"),
              _cell(None, None, "paragraph"), _cell("B", "2026"), _cell("Penalty", None)]
    assert row_groups(blocks) == {0: 0, 1: 0, 2: 2, 3: 3, 5: 5}


def test_a_cells_statement_leaves_out_its_labels_and_numbers():
    text = "IRA — 2026: $7,500 each to a traditional and a Roth IRA"
    at = text.index("$")
    block = Block(kind="table_cell", text=text, row="IRA", column="2026", segments=(
        Segment(text_start=0, source_start=40, length=0),
        Segment(text_start=at, source_start=40, length=len(text) - at)))
    assert cell_statement(block) == "$# each to a traditional and a roth ira"
