"""Closing only the losing account dismissed, on an old page that presents the write-off.

A page dated before 2018 that walks through the abolished IRA-closure write-off (two or more
of its sentences are stated outdated IRA-loss findings) often lists closing only the losing
account as a mistake and dismisses it in words that name no account, loss or deduction:
"Closing only the losing account. Doesn't work; it's all or nothing.", "... That fails,
because the IRS looks at all of them together.", "Cashing out one account while leaving
another open doesn't work." Each tells the old test (every IRA of the kind emptied) as today's,
implying that emptying them all does work: the write-off's condition stated as current
(outdated, the sheet's ``ira-loss-basis-recovery-pre-2018`` and
``ira-loss-deduction-permanently-disallowed``), a finding of :data:`CLAIM` on the sentence
that dismisses it. A block that speaks of no single account, a question, a story in the
past, the writer's own story, and a dismissal of something else (a rollover's 60 days, a
conversion, the penalty, RMDs, timing the market) state nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Block, Document
from taxcheck.findings import Finding
from taxcheck.matching.old_mechanics import (
    STEP_CLAIM,
    presented_claim,
    procedure_finding,
    statement_blocks,
)

CLAIM = STEP_CLAIM
_ONE_ONLY = re.compile(r"\b(?:only|just|one|a\s+single|single)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                       r"(?:accounts?|iras?)\b", re.IGNORECASE)
"""A single account ("only the losing account", "just the IRA that tanked", "one bad
account")."""
_EMPTIES = re.compile(r"\b(?:clos|empt|cash|shut|liquidat|drain)\w*", re.IGNORECASE)
"""Emptying it ("closing", "emptying", "cashing out", "shutting down")."""
_FAILS = re.compile(
    r"\b(?:does\s*n['\u2019]?t|does\s+not|won['\u2019]t|will\s+not|can['\u2019]t|cannot)\s+"
    r"work\b|\bfails?\b|"
    r"\b(?:all|every\s+[\w-]+)\s+or\s+(?:nothing|none)\b|"
    r"\blooks?\s+at\s+(?:all|the\s+whole|every|them\s+all)\b", re.IGNORECASE)
"""The dismissal, or the all-or-nothing test given as its reason; not "that gets you
nothing", as true today as then ("Do not close only the IRA that dropped; that gets you
nothing" stays quiet, tests/test_ira_loss_old_pages_2.py)."""
_OTHER = re.compile(r"\b(?:roll\w*|60\s+days|conver\w+|penalt\w+|rmds?|required\s+minimum|"
                    r"market|wash|loan\w*|hardship)\b", re.IGNORECASE)
"""What makes a dismissal speak of something else."""
_PAST = re.compile(r"\b(?:was|were|had|did|used\s+to|worked|before\s+(?:19|20)\d\d|back\s+then|"
                   r"until\s+(?:19|20)\d\d|at\s+the\s+time)\b", re.IGNORECASE)
"""A story in the past ("Before 2018, closing only the losing IRA never worked")."""
_OWN_STORY = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|my|me)\b")
_SENTENCE = re.compile(r"[^.!?;]*[^.!?;\s][^.!?]*[.!?]*")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the block's sentences."""
    for m in _SENTENCE.finditer(text):
        lead = len(m.group()) - len(m.group().lstrip())
        if m.group().strip():
            yield m.start() + lead, m.end()


def _clause(block: Block, cands: Sequence[Candidate], start: int, end: int) -> Candidate:
    """The block's clause for the sentence at ``start``, or one naming nothing."""
    text = block.text[start:end].rstrip()
    for cand in cands:
        if cand.sentence.strip() == text.strip():
            return cand
    return Candidate(start=start, end=start + len(text), text=text, sentence_index=0,
                     sentence_start=start, sentence_end=start + len(text), sentence=text,
                     concepts=(), polarity="affirmed", negations=(), hedges=(),
                     attribution=None, question=False, imperative=False, anaphor=False,
                     assertive=False, historical=False, quantities=())


def _dismisses(sentence: str, cand: Candidate) -> bool:
    """The sentence dismisses closing only one account as today's rule."""
    return bool(_FAILS.search(sentence)) and not (
        "?" in sentence or _OTHER.search(sentence) or _PAST.search(sentence)
        or _OWN_STORY.search(sentence) or cand.historical or cand.attribution or cand.question)


def dismissed_partial(document: Document, candidates: Sequence[Sequence[Candidate]],
                      findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Closing only the losing account dismissed on an old page that presents the write-off,
    as findings of :data:`CLAIM` (see the module's docstring)."""
    presented = presented_claim(document, findings, db, CLAIM)
    if presented is None:
        return []
    claim, year = presented
    said = {(f.block, f.sentence) for f in findings}
    out = []
    for index, block, cands in statement_blocks(document, candidates):
        if block.kind not in ("paragraph", "list_item"):
            continue
        one = _ONE_ONLY.search(block.text)
        if one is None or not _EMPTIES.search(block.text):
            continue
        for start, end in _sentences(block.text):
            if end <= one.start():
                continue  # (the dismissal follows the single account it speaks of)
            cand = _clause(block, cands, start, end)
            if (index, cand.sentence) in said or not _dismisses(cand.sentence, cand):
                continue
            out.append(procedure_finding(
                document, index, block, cand, claim, frozenset({"CLOSE_ALL"}),
                "the old test's all-or-nothing, told on a page that presents the write-off "
                f"(dated {year})", db))
            said.add((index, cand.sentence))
    return out
