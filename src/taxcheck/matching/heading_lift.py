"""A heading is trusted at least as much as its section's body when both state one claim.

A heading that announces a claim ("Use the Loss to Offset Capital Gains") and a sentence of
its section that states the same claim with the same verdict ("you can use your 401k losses
to offset these gains") are one statement made twice: the page's author says it in the
heading and argues it in the body. The confidence of a heading's finding is read from the
heading alone, whose words are few and often borrow their subject from the text before it,
so it is lower than the body's (session 16, branch verifier3). A reader shown the body's
finding should be shown the heading's too, so the heading's confidence is raised to the
highest confidence of a finding of its body with the same claim and verdict; it is never
lowered, and a heading with no such body finding keeps its own.

A heading's section is every block after it up to the next heading of its level or above, or
a line of page furniture (which ends the section before it); a title's is the whole page
after it. Only the body's statements (paragraphs, list items, quotes, table cells) and
findings that no suppression comment silenced count.
"""

from __future__ import annotations

from collections.abc import Sequence

from taxcheck.documents import HEADING_KINDS, STATEMENT_KINDS, Block
from taxcheck.findings import Finding


def section_end(blocks: Sequence[Block], index: int) -> int:
    """The index after the last block of the section that the heading at ``index`` heads."""
    head = blocks[index]
    for j in range(index + 1, len(blocks)):
        block = blocks[j]
        if head.kind == "title":
            if block.kind == "title":
                return j
        elif block.kind == "furniture" or (
                block.kind in HEADING_KINDS
                and (block.kind == "title" or block.level <= head.level)):
            return j
    return len(blocks)


def lift_headings(findings: list[Finding], blocks: Sequence[Block]) -> list[Finding]:
    """The findings with each heading's confidence raised to the highest confidence of a
    finding of its section's body with the same claim and verdict (see the module)."""
    body: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for f in findings:
        if f.block_kind in STATEMENT_KINDS and not f.suppressed:
            body.setdefault((f.claim_id, f.verdict), []).append((f.block, f.confidence))
    out = []
    for f in findings:
        if f.block_kind in HEADING_KINDS and 0 <= f.block < len(blocks):
            end = section_end(blocks, f.block)
            best = max((c for b, c in body.get((f.claim_id, f.verdict), ())
                        if f.block < b < end), default=f.confidence)
            if best > f.confidence:
                f = f.model_copy(update={"confidence": best})
        out.append(f)
    return out
