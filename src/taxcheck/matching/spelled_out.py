"""A statement that leaves its scope to the next sentence, which spells it out.

"1. **Cash out every IRA you own.** Traditional, Roth, SEP and SIMPLE are lumped together
for this test, so every one of them has to be emptied." The step alone states the old
IRA-loss test (every IRA of a kind emptied), told as today's; the sentence after it, in the
same list item or paragraph, says what "every IRA" means, and that is wrong even under the old
rule (Roth IRAs were tested apart). The step states what its next sentence spells out: a claim
names in ``spells_out`` the claims whose finding on the sentence before becomes its own when
that sentence names all of ``spells_out_needs`` (emptying, every IRA) and none of
``spells_out_unless`` (the kinds: "Empty every traditional IRA you
own. Roth IRAs count too." keeps the step right under the old rule, and only the next
sentence wrong).
"""

from __future__ import annotations

from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.completions import next_sentence


def _own_labels(candidates: Sequence[Sequence[Candidate]], finding: Finding) -> frozenset[str]:
    """Every concept the finding's sentence names, in any of its clauses."""
    here = candidates[finding.block] if finding.block < len(candidates) else ()
    return frozenset().union(*(c.labels for c in here
                               if c.sentence_start <= finding.block_start < c.sentence_end))


def _spelling(findings: list[Finding], after: list[Candidate], block: int | None,
              claim_id: str, db: ClaimDatabase) -> Finding | None:
    """The false finding in the sentence ``after`` of a claim that spells out ``claim_id``."""
    if not after or block is None:
        return None
    start, end = after[0].sentence_start, after[0].sentence_end
    for f in findings:
        claim = db.by_id.get(f.claim_id)
        if (claim is not None and f.verdict == "false" and f.block == block
                and start <= f.block_start < end and claim_id in claim.spells_out):
            return f
    return None


def spelled_out(findings: list[Finding], document: Document,
                candidates: Sequence[Sequence[Candidate]],
                db: ClaimDatabase) -> list[Finding]:
    """``findings`` with each statement the next sentence spells out given that sentence's
    claim (see the module)."""
    wanted = {i for c in db.claims for i in c.spells_out}
    if not wanted:
        return findings
    kept = []
    for f in findings:
        if f.claim_id in wanted and f.is_problem:
            after, block = next_sentence(document, candidates, f)
            other = _spelling(findings, after, block, f.claim_id, db)
            claim = db.by_id[other.claim_id] if other is not None else None
            own = _own_labels(candidates, f)
            if claim is not None and set(claim.spells_out_needs) <= own and not (
                    own & set(claim.spells_out_unless)):
                f = other.moved_to(Step(stage="context", detail="spelled out by the next sentence",
                                        labels=(), source="context"), **f.location())
        kept.append(f)
    return kept
