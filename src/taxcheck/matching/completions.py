"""A rule stated in part, then completed by the next sentence.

"Personal casualty losses count only if they come from a federally declared disaster.
Starting in 2026, losses from disasters declared by a state qualify as well." The first
sentence alone gives the 2018-2025 rule; with the next one the pair gives today's. A claim
names what completes it in ``completed_by`` (the state-declared disaster, which its
conditions also set aside, so that a clause naming it states nothing wrong): the next
sentence of the paragraph (or the next item of the list) that names it in an affirmed
statement keeps the claim's finding on the sentence before from being reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Document
from taxcheck.findings import Finding

CONTINUING_KINDS = frozenset({"paragraph", "list_item", "quote"})
"""Blocks whose first sentence carries on the block before it (not a heading, not a cell)."""


def completions(db: ClaimDatabase, claim_id: str) -> frozenset[str]:
    """What completes a partial statement of the claim (its ``completed_by``)."""
    claim = db.by_id.get(claim_id)
    return frozenset(claim.completed_by) if claim is not None else frozenset()


def next_sentence(document: Document, candidates: Sequence[Sequence[Candidate]],
                  finding: Finding) -> tuple[list[Candidate], int | None]:
    """The clauses of the sentence after the finding's, in its block or at the start of the
    next block when that one carries on (a paragraph or a list item after one), and the
    index of their block."""
    index = finding.block
    here = candidates[index] if index < len(candidates) else ()
    end = next((c.sentence_end for c in here
                if c.start <= finding.block_start < max(c.end, c.sentence_end)), None)
    if end is None:
        return [], None
    later = [c for c in here if c.sentence_start >= end]
    if later:
        first = min(c.sentence_start for c in later)
        return [c for c in later if c.sentence_start == first], index
    blocks = document.blocks
    if (index + 1 >= len(blocks) or blocks[index].kind not in CONTINUING_KINDS
            or blocks[index + 1].kind not in CONTINUING_KINDS
            or index + 1 >= len(candidates) or not candidates[index + 1]):
        return [], None
    first = min(c.sentence_start for c in candidates[index + 1])
    return [c for c in candidates[index + 1] if c.sentence_start == first], index + 1


def completed_later(findings: list[Finding], document: Document,
                    candidates: Sequence[Sequence[Candidate]],
                    db: ClaimDatabase) -> list[Finding]:
    """``findings`` less the problems the next sentence completes (see the module)."""
    kept = []
    for finding in findings:
        wanted = completions(db, finding.claim_id) if finding.is_problem else frozenset()
        if wanted and any(
                c.polarity == "affirmed" and not c.question and not c.attribution
                and wanted & c.labels for c in next_sentence(document, candidates, finding)[0]):
            continue
        kept.append(finding)
    return kept
