""""Not year by year, but when you cash out": the abolished write-off's exception, on an old
page that presents it.

Read on a 2026 page, "You can't write off the decline year by year" implies the loss becomes
deductible later (``retirement-loss-not-deductible-yet``, misleading; the labellers mark it so
on old pages too, w1). A page dated before 2018 that walks through the IRA-closure write-off
(two or more of its sentences are stated outdated IRA-loss findings) says that later in the
same sentence or the next, in words that leave the IRA to the page: "..., but there is a
narrow deduction if you cash out completely", "There is a narrow deduction, though, if you
empty out everything." That exception is the write-off told as today's rule (outdated, the
sheet's ``ira-loss-deduction-permanently-disallowed``), so its clause becomes a finding of
:data:`CLAIM` beside the misleading one. A question, a denial, a story in the past, someone's
reported view, or a clause on the penalty, a conversion, a rollover or another account is no
exception here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Document
from taxcheck.findings import Finding
from taxcheck.matching.old_conditions import PRESENTING
from taxcheck.matching.old_mechanics import (
    ELSEWHERE,
    STEP_CLAIM,
    presented_claim,
    procedure_finding,
)
from taxcheck.matching.retries.procedures import says_rule_ended

YEARLY = "retirement-loss-not-deductible-yet"
CLAIM = STEP_CLAIM
EMPTYING = frozenset({"CASH_OUT", "CLOSE_ALL", "WITHDRAW"})
_EMPTIED = re.compile(r"\b(?:cash(?:es|ed|ing)?\s+(?:\w+\s+){0,2}?out|empt(?:y|ies|ied|ying)|"
                      r"clos(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}?out|liquidat\w*|drain\w*)\b",
                      re.IGNORECASE)
"""The account emptied ("cash out completely", "empty out everything", "close them all
out")."""
NOT_HERE = ELSEWHERE | frozenset({"PENALTY", "CONVERT", "ROLLOVER", "CONTRIBUTE", "RMD",
                                  "TAXABLE_ACCOUNT"})
"""What makes the following clause speak of something else than the write-off."""


def _exception(cand: Candidate, labels: frozenset[str]) -> bool:
    """The clause tells the write-off's exception as today's (see the module's docstring)."""
    if cand.question or cand.historical or cand.attribution or "?" in cand.sentence:
        return False
    if cand.polarity != "affirmed" or labels & NOT_HERE or says_rule_ended(cand):
        return False
    return "DEDUCT" in labels and bool(labels & EMPTYING or _EMPTIED.search(cand.text))


def _following(finding: Finding, cands: Sequence[Candidate]) -> list[Candidate]:
    """The clauses after the finding's own: later in its sentence, then the next sentence."""
    own = next((c for c in cands if c.sentence == finding.sentence
                and c.text in finding.text), None)
    if own is None:
        return []
    return [c for c in cands if (c.sentence_index == own.sentence_index and c.start > own.start)
            or c.sentence_index == own.sentence_index + 1]


def yearly_exceptions(document: Document, candidates: Sequence[Sequence[Candidate]],
                      findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The exception an old page makes to each "not year by year" finding, as findings of
    :data:`CLAIM` (see the module's docstring)."""
    presented = presented_claim(document, findings, db, CLAIM)
    if presented is None:
        return []
    claim, year = presented
    said = {(f.block, f.sentence) for f in findings if f.claim_id in PRESENTING}
    out = []
    for finding in findings:
        if finding.claim_id != YEARLY or finding.framing != "stated":
            continue
        block = document.blocks[finding.block]
        told = next((c for c in _following(finding, candidates[finding.block])
                     if _exception(c, db.expand(frozenset(c.labels)))), None)
        if told is None or (finding.block, told.sentence) in said:
            continue
        labels = db.expand(frozenset(told.labels))
        out.append(procedure_finding(
            document, finding.block, block, told, claim, labels & (EMPTYING | {"DEDUCT"}),
            f"the exception the page's write-off makes to 'not year by year' (dated {year})",
            db))
        said.add((finding.block, told.sentence))
    return out
