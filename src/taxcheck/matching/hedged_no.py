"""A hedged no and the exception after it: "Usually the answer is no. But there is one
narrow situation where you can."

The no, said to hold in most cases only, leaves room for the exception; when the very next
sentence opens with "But" or "However" and states that exception itself, the claim is that
sentence, and the no before it is its set-up: true on its own, it carries no finding of the
same fact. A hedged no standing alone ("A. In most cases, no." before an explanation) or with
its exception in the same sentence ("Usually no, but there is one situation where you can")
keeps its finding.
"""

from __future__ import annotations

import re

from taxcheck.claimdb import ClaimDatabase
from taxcheck.findings import Finding

HEDGED_NO = "MOSTLY_NO"
"""The concept of a no said to hold in most cases only."""
_TURNS = re.compile(r"^\W*(?:but|however|yet|still|that\s+said)\b", re.IGNORECASE)
"""The opening of a sentence that turns to the exception ("But there is ...", "However,
...", "That said, ...")."""
_GAP = 3
"""How many characters (spaces, a closing quote) may stand between the two sentences."""


def _hedged(f: Finding) -> bool:
    return any(s.stage == "concepts" and HEDGED_NO in s.labels for s in f.trail)


def _sentence_span(f: Finding) -> tuple[int, int]:
    at = f.sentence.find(f.text)
    start = f.start - max(at, 0)
    return start, start + len(f.sentence)


def _facts(f: Finding, db: ClaimDatabase) -> frozenset[str]:
    claim = db.by_id.get(f.claim_id)
    if claim is None:
        return frozenset({f.claim_id})
    return claim.fact_keys


def exception_follows(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The findings without those of a hedged no whose next sentence, in its block, turns to
    the exception and carries a problem finding of the same fact."""
    turns = [g for g in findings if g.is_problem and _TURNS.match(g.sentence)]
    if not turns:
        return findings

    def set_up(f: Finding) -> bool:
        if not (f.is_problem and _hedged(f)):
            return False
        end = _sentence_span(f)[1]
        facts = _facts(f, db)
        return any(g.block == f.block and 0 <= _sentence_span(g)[0] - end <= _GAP
                   and facts & _facts(g, db) for g in turns)

    return [f for f in findings if not set_up(f)]
