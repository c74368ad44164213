"""A reply that says someone else has it right makes what they said the writer's own.

"A coworker swears that's the standard trick for keeping the position and still booking the
loss." puts a claim in a coworker's mouth (a myth, not the page's claim); the answer "Your
coworker has it right." states it. So do "Your neighbor has the penalty right", "Your
brother-in-law has the right idea" and "Your accountant is correct". The reply takes the
problem findings of the latest sentence, in the blocks just before it, that put a claim in the
mouth of the person it names ("coworker", "neighbor"), as findings of its own in the writer's
voice; when that sentence holds findings of several claims, those the reply's own block goes
on to state come first (the reply explains which claim it confirms). A denial ("Your coworker
has it wrong", "isn't right") endorses nothing.
"""

from __future__ import annotations

import re

from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.build import stated_severity

_PERSON = r"(?:your|my|our|his|her|their|the)\s+(?:[a-z]+[\s-])?(?P<person>[a-z]+)"
_ENDORSES = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?:a\s*:\s*)?(?P<reply>" + _PERSON +
    r"\s+(?:(?:has|had|got|gets)\s+(?:(?:it|this|that|the\s+[a-z]+)\s+right|the\s+right\s+idea)"
    r"|(?:is|was)\s+(?:(?:exactly|absolutely|quite)\s+)?(?:right|correct|spot[- ]on)))\b"
    r"(?=\s*(?:$|[.!;:\u2014-]|,(?!\s*(?:but|though|except)\b)|\s+and\b))",
    re.IGNORECASE)
"""An endorsement of a named person, opening its sentence ("Your coworker has it right", "A:
My neighbor is correct") and ending its clause (not "Your father was right for his own
generation, but ...", nor "..., but only for ..."); the group ``person`` is the person's noun."""

WINDOW = 4
"""Blocks before the reply in which the person's claim is looked for."""


def _endorsements(document: Document) -> list[tuple[int, re.Match[str]]]:
    return [(i, m) for i, block in enumerate(document.blocks)
            if block.kind in ("paragraph", "list_item", "quote")
            for m in _ENDORSES.finditer(block.text)]


def _said_by(person: str, findings: list[Finding], block: int, at: int) -> list[Finding]:
    """The problem findings put in ``person``'s mouth in the latest sentence before offset
    ``at`` of ``block`` (in it or in the :data:`WINDOW` blocks before it) that names them."""
    named = re.compile(rf"\b{re.escape(person)}s?\b", re.IGNORECASE)
    said = [f for f in findings if f.framing == "myth" and f.verdict != "accurate"
            and block - WINDOW <= f.block and (f.block, f.block_start) < (block, at)
            and named.search(f.sentence)]
    if not said:
        return []
    last = max((f.block, f.block_start) for f in said)
    latest = [f for f in said if (f.block, f.block_start) == last]
    return [f for i, f in enumerate(latest)
            if f.claim_id not in {g.claim_id for g in latest[:i]}]


def endorsed(findings: list[Finding], document: Document, db: ClaimDatabase) -> list[Finding]:
    """``findings`` with the findings of each reply that endorses what a named person said
    (see the module)."""
    added: list[Finding] = []
    for index, match in _endorsements(document):
        said = _said_by(match.group("person").lower(), findings, index, match.start("reply"))
        stated_after = {f.claim_id for f in findings if f.block == index
                        and f.framing == "stated" and f.block_start > match.start()}
        confirmed = [f for f in said if f.claim_id in stated_after] or said
        block = document.blocks[index]
        begin = match.start("reply")
        end = block.text.find(".", match.end())
        end = len(block.text) if end < 0 else end + 1
        sentence = block.text[begin:end].strip()
        start, stop = block.to_source(begin), block.to_source(max(end - 1, 0)) + 1
        line, column = document.line_col(start)
        end_line, end_column = document.line_col(stop)
        for f in confirmed:
            claim = db.by_id.get(f.claim_id)
            if claim is None:
                continue
            severity = stated_severity(claim, f.verdict, document)
            added.append(f.moved_to(
                Step(stage="context", detail=f"endorses what the {match.group('person')} said",
                     source="context"),
                framing="stated", severity=severity, text=sentence, sentence=sentence,
                line=line, column=column, end_line=end_line, end_column=end_column, start=start,
                end=stop, block=index, block_kind=block.kind, block_start=begin,
                block_end=end))
    return findings + added if added else findings
