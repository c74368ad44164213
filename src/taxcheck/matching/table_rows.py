"""One finding per table row and claim (issue 12).

A table row states a rule once and its cells repeat it per year or per group ("Married filing
jointly | 2025: $3,000 per spouse | 2026: $3,000 per spouse"). Readers turn each cell into a
statement of its own ("Married filing jointly — 2026: $3,000 per spouse"), so the matcher
finds the same claim with the same verdict in every cell. An editor wants one problem per
row, and labellers annotate the row once: the problems (``Finding.is_problem``) of one claim
and verdict with the same correction on the cells of one row that repeat one statement (the
same words, numbers aside) become the first cell's finding, whose trail names the other
cells (column, line and column of the source) and whose confidence is the highest of them.

What stays apart: cells that say different things of the row, each labelled on its own
("Closing out all your IRAs below basis | Schedule A | Only the part above 2% of AGI": where
it goes and what limits it); different claims or verdicts in one row; verified claims and
quoted myths (each cell's right figure is checked for its own year); figures that each carry
their own edit (:attr:`~taxcheck.findings.Finding.fix`: "Employee deferral | $23,000 |
$23,000" is wrong in each year by a different amount, and ``taxcheck fix`` needs both
edits); findings a suppression comment silenced and ones it did not. A row is a run of
consecutive table cells with one row label and no column named twice (a "Label: value" line
names no column and is a row of its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.documents import Block
from taxcheck.findings import Finding, Step


def row_groups(blocks: Sequence[Block]) -> dict[int, int]:
    """For each table cell with a row label and a column header, the index of the first
    cell of its row."""
    out: dict[int, int] = {}
    start, columns = -1, set()
    for i, block in enumerate(blocks):
        if block.kind != "table_cell" or block.row is None or block.column is None:
            start = -1
            continue
        first = blocks[start] if start >= 0 else None
        if first is None or first.row != block.row or block.column in columns:
            start, columns = i, set()
        columns.add(block.column)
        out[i] = start
    return out


_NUMBER = re.compile(r"\d[\d,.]*")


def cell_statement(block: Block) -> str:
    """What a cell says, without its row label and column header (the reader's synthetic
    prefix, mapped to no source text) and with every number as "#": the cells of a row that
    repeat one statement per year ("$7,000 each to a traditional and a Roth IRA", "$7,500
    each ...") say the same; cells that say different things of the row ("Schedule A", "Only
    the part above 2% of AGI") do not."""
    start = next((s.text_start for s in block.segments if s.length > 0), 0)
    return " ".join(_NUMBER.sub("#", block.text[start:].lower()).split())


def _also_in_row(other: Finding, column: str | None) -> Step:
    where = f"line {other.line}, column {other.column}"
    named = f"the {column} cell" if column else "another cell"
    return Step(stage="context", detail=f"{named} of the row says it again ({where})",
                labels=(column,) if column else (), source="row")


def one_per_row(findings: list[Finding], blocks: Sequence[Block]) -> list[Finding]:
    """The findings with the problems of one claim, verdict and correction on the cells of
    one table row made one (see the module)."""
    groups = row_groups(blocks)
    kept: dict[tuple, int] = {}
    out: list[Finding] = []
    for f in findings:
        row = groups.get(f.block)
        if row is None or f.fix is not None or not f.is_problem:
            out.append(f)
            continue
        key = (row, f.claim_id, f.verdict, f.framing, f.suppressed, f.correction,
               cell_statement(blocks[f.block]))
        at = kept.get(key)
        if at is None:
            kept[key] = len(out)
            out.append(f)
            continue
        first = out[at]
        if f.block < first.block:  # (findings come in reading order; keep the first cell's)
            first, f = f, first
        out[at] = first.model_copy(update={
            "trail": (*first.trail, _also_in_row(f, blocks[f.block].column)),
            "confidence": max(first.confidence, f.confidence)})
    return out
