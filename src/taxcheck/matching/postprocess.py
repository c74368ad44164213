"""Post-processing: one finding per fact in a sentence, and contradictions between findings."""

from __future__ import annotations

from taxcheck.claimdb import ClaimDatabase
from taxcheck.findings import Contradiction, Finding


def drop_repeated_facts(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Keep one finding per fact, verdict and framing in each sentence.

    Two claims of one fact that both match a sentence ("the disallowed amount is added to
    the new shares' cost, so the loss is postponed") say the same thing twice; the one that
    rests on more concepts stays (the first in reading order on a tie). Numeric claims are
    always kept: each checks its own number. Errors of one fact in different clauses
    ("Hardship withdrawals don't carry the penalty, and you can repay them") are kept:
    each is a mistake of its own, with its own correction.
    """
    claims = {c.id: c for c in db.claims}

    def weight(f: Finding) -> int:
        step = next((s for s in f.trail if s.stage == "concepts"), None)
        named = len(step.labels) if step else 0
        # a claim that only matches when the sentence names its years says more
        dated = all(c.stated_year is not None for c in claims[f.claim_id].when)
        return named + dated

    best: dict[tuple, Finding] = {}
    for f in findings:
        claim = claims.get(f.claim_id)
        if claim is None or claim.figure:
            continue
        clause = f.start if f.verdict != "accurate" else None
        key = (f.block, f.sentence, clause, claim.fact or claim.id, f.verdict, f.framing)
        if key not in best or weight(f) > weight(best[key]):
            best[key] = f
    kept = {id(f) for f in best.values()}
    return [f for f in findings
            if id(f) in kept or f.claim_id not in claims or claims[f.claim_id].figure]


def find_contradictions(findings: list[Finding], db: ClaimDatabase) -> list[Contradiction]:
    """Pair each wrong statement with an earlier or later correct one on the same fact."""
    facts = {c.id: c.fact or c.id for c in db.claims}
    correct: dict[str, Finding] = {}
    for f in findings:
        if f.verdict == "accurate" and f.framing == "stated":
            correct.setdefault(facts.get(f.claim_id, f.claim_id), f)
    out = []
    for f in findings:
        fact = facts.get(f.claim_id, f.claim_id)
        if f.is_problem and fact in correct:
            right = correct[fact]
            out.append(Contradiction(
                fact=fact, accurate=right.id, wrong=f.id,
                message=f"line {f.line} contradicts line {right.line}: the article first says "
                        f"\"{right.text}\" and then \"{f.text}\""
                if right.start < f.start else
                f"line {f.line} contradicts line {right.line}, which says \"{right.text}\""))
    return out
