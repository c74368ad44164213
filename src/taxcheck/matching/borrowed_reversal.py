"""A clause that names nothing of a rule and goes on from a denial of it in its sentence.

"You'll never be forced to take money out of a Roth IRA while you're alive, so it can just sit
there compounding": the clause after "so" names neither the Roth IRA nor the withdrawals; it
takes both from the clause before, which denies the rule. Read with them, and with no denial
of its own, it would state the very rule its sentence denies. A sentence does not contradict
itself that way: such a finding, every concept of it taken from context, gives way to a right
finding of the same fact earlier in the sentence. A clause that names the rule itself ("...,
so you'll be forced to take RMDs from it later") keeps its finding.
"""

from __future__ import annotations

from taxcheck.claimdb import ClaimDatabase
from taxcheck.findings import Finding


def _all_borrowed(f: Finding) -> bool:
    """Every concept the finding rests on came from the discourse (a pronoun's account, the
    topic of the sentences before), none from the clause's own words."""
    named = next((s for s in f.trail if s.stage == "concepts"), None)
    if named is None or not named.labels:
        return False
    taken = {label for s in f.trail if s.stage == "context" and s.source == "context"
             for label in s.labels}
    return set(named.labels) <= taken


def drop_borrowed_reversals(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The findings less those of a clause that names nothing of its own and contradicts a
    right finding of the same fact earlier in its sentence."""
    claims = db.by_id

    def fact(f: Finding) -> str:
        claim = claims.get(f.claim_id)
        return claim.fact_key if claim is not None else f.claim_id

    right: dict[tuple, int] = {}
    for f in findings:
        if f.verdict == "accurate":
            where = (f.block, f.sentence, fact(f))
            right[where] = min(right.get(where, f.start), f.start)
    return [f for f in findings
            if f.verdict == "accurate" or not _all_borrowed(f)
            or right.get((f.block, f.sentence, fact(f)), f.start) >= f.start]
