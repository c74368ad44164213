"""Who qualified for the abolished IRA-loss write-off, told on a page that presents it.

A page dated before 2018 that presents the write-off as available (one of its sentences is
already an outdated IRA-loss finding) often says who can use it in words of after-tax money
and of getting something for it, with no account, loss or deduction named together: "What can
count is the after-tax money you never got back", "Only after-tax money creates a loss", "If
you put after-tax money into it, you may be able to get something back from the IRS", "If you
made nondeductible contributions and your investments went south, you may be owed a
deduction". The development labellers mark such sentences outdated (g5, r5). Read in the
section of such a finding (or anywhere under a title that is one), each is the write-off's
condition stated as today's. A definition of basis ("Your basis is the after-tax money ...")
names basis and is left to its own claim; a question, a denial, a story told in the past or
someone's reported view states nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.build import build_finding
from taxcheck.matching.conditions import rule_match
from taxcheck.matching.not_steps import defines_term

PRESENTING = frozenset({"ira-loss-deduction-outdated", "ira-loss-misc-deduction-outdated",
                        "ira-loss-test-grouping-as-current"})
"""The outdated findings that show a page presents the write-off as available."""
CLAIM = "ira-loss-deduction-outdated"
ENDED = 2018
"""The first tax year without the write-off: a page dated earlier presents its own day's rule."""
AFTER_TAX = frozenset({"AFTER_TAX"})
GETS = frozenset({"DEDUCT", "COUNTS", "RECOVER_BASIS"})
"""What a sentence names when it says the after-tax money gets the saver something (not a
loss alone: "some of those accounts are worth less than the after-tax money that went in"
tells a case)."""
_GETS = re.compile(r"\b(?:claim|(?:get|gets|got|getting)\s+(?:\w+\s+)?back|owed|write-?off"
                   r"|deduction|door\s+opens|(?:creates?|gives?|makes?)\s+(?:you\s+)?a\s+loss)\b",
                   re.IGNORECASE)
NOT_HERE = frozenset({"BASIS", "TAX_FREE", "CONVERT", "ROLLOVER", "PENALTY", "EMPLOYER_PLAN",
                      "TAXABLE_ACCOUNT", "ENDED", "GONE", "BAN", "SUSPENDED", "SUSPENSION"})
"""What makes such a sentence speak of something else: basis defined, tax-free withdrawals,
conversions, rollovers, the penalty, other accounts, the rule ended."""


def sections(document: Document) -> list[int]:
    """For each block, the index of the heading (or title) it sits under; -1 above the
    first."""
    out, current = [], -1
    for index, block in enumerate(document.blocks):
        if block.kind in HEADING_KINDS:
            current = index
        out.append(current)
    return out


def _states_condition(cand: Candidate, labels: frozenset[str]) -> bool:
    if cand.question or cand.historical or cand.attribution or "?" in cand.sentence:
        return False
    if cand.polarity != "affirmed" and cand.negations != ("never",):
        return False  # ("the part you never recovered" denies nothing)
    if defines_term(cand):
        return False  # ("you should have been tracking them on Form 8606 every year")
    return bool(labels & AFTER_TAX) and not labels & NOT_HERE and (
        bool(labels & GETS) or _GETS.search(cand.sentence) is not None)


def after_tax_conditions(document: Document, candidates: Sequence[Sequence[Candidate]],
                         findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The conditions told in after-tax words on an old page that presents the write-off,
    as findings of :data:`CLAIM` (see the module's docstring)."""
    date = document.meta.date
    claim = db.by_id.get(CLAIM)
    if claim is None or date is None or date.year >= ENDED:
        return []
    section_of = sections(document)
    presenting = [f.block for f in findings
                  if f.claim_id in PRESENTING and f.framing == "stated"]
    if not presenting:
        return []
    # the page's title, or its first heading (a Markdown page's "# ..." under its front
    # matter): the whole page presents the write-off
    head = next((i for i, b in enumerate(document.blocks) if b.kind in HEADING_KINDS), None)
    title = any(document.blocks[b].kind == "title" or b == head for b in presenting)
    where = {section_of[b] for b in presenting} | {b for b in presenting
                                                 if document.blocks[b].kind in HEADING_KINDS}
    said = {(f.block, f.sentence) for f in findings}
    out = []
    for index, cands in enumerate(candidates):
        block = document.blocks[index]
        if block.kind in ("title", "byline", "dateline", "furniture"):
            continue
        if not (title or section_of[index] in where):
            continue
        for cand in cands:
            labels = db.expand(frozenset(cand.labels))
            if (index, cand.sentence) in said or not _states_condition(cand, labels):
                continue
            match = rule_match(claim, frozenset(labels & (AFTER_TAX | GETS)))
            step = Step(stage="context", detail="a condition of the write-off the page "
                        f"presents (dated {date.year})", labels=("AFTER_TAX",),
                        source="procedure")
            out.append(build_finding(document, index, block, cand, match, [step],
                                     db.verifier))
            said.add((index, cand.sentence))
    return out
