"""A list of mistakes: under a heading, a title or a lead-in that names mistakes ("Common
mistakes", "Pitfalls to avoid", "Mistakes we see every year:"), an item whose first sentence
opens with a gerund ("Counting deductible contributions as basis.", "Assuming you can undo the
conversion later.") names a practice or a belief the page warns against: it is attributed,
like a quoted myth, not the page's claim. Not a gerund that turns the practice round
("Forgetting to file Form 8606", "Missing the deadline", "Failing to count ...": the mistake
is not doing what follows, which the page asserts), nor an item of another shape ("You can
deduct it on Schedule A."), nor a question ("Mistakes to avoid?")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, STATEMENT_KINDS, Block

_NAMES = re.compile(
    r"\b(?:mistakes?|errors?|pitfalls?|blunders?|missteps?|slip-?ups?|gotchas?|"
    r"don[\u2019']ts)\b", re.IGNORECASE)
_GERUND = re.compile(r"[\W\d_]*([A-Z][a-z]{2,}ing)\b")
_TURNED = frozenset({
    "forgetting", "missing", "ignoring", "overlooking", "neglecting", "failing", "skipping",
    "waiting", "delaying", "omitting", "underestimating", "nothing", "something", "anything",
    "everything", "during", "thing", "spring", "morning", "evening", "bring", "being"})
"""Words in "-ing" that open no practice the page warns against: a mistake of leaving out
what follows ("Forgetting your spouse's IRAs"), or no gerund at all."""
_LEFT_OUT = frozenset({
    "forgetting", "missing", "ignoring", "overlooking", "neglecting", "failing", "skipping",
    "waiting", "delaying", "omitting", "underestimating"})
"""The words of :data:`_TURNED` that still name a mistake (one of leaving out what follows):
a numbered heading that opens with one ("## 1. Forgetting that all your IRAs get lumped
together") goes on with the list, though its words are the page's own."""
ATTRIBUTION = "a list of mistakes"
_DASHED = re.compile(r"\s[\u2014\u2013-]\s")
"""A dash between words: after it the page gives its own word on the practice ("2. Shrugging
Off a Missed RMD \u2014 the IRS Takes Half"), which is not attributed."""


def names_mistakes(text: str) -> bool:
    """Whether a heading or lead-in names mistakes ("Common mistakes", "5 Pitfalls to
    Avoid"), and asks nothing ("Is converting now a mistake?")."""
    return "?" not in text and _NAMES.search(text) is not None


def opens_with_practice(sentence: str) -> bool:
    """Whether a sentence opens with a gerund naming a practice ("Counting deductible
    contributions as basis.", "**Assuming** you can undo it"), not one of :data:`_TURNED`."""
    found = _GERUND.match(sentence)
    return found is not None and found.group(1).lower() not in _TURNED


def as_mistakes(block: Block, cands: Sequence[Candidate],
                listing: str) -> tuple[Sequence[Candidate], str]:
    """The block's clauses, those of a listed mistake attributed (:data:`ATTRIBUTION`), and
    the list of mistakes the blocks after it are in: "section" under a heading or title that
    names mistakes (up to the next heading that neither names mistakes nor is one itself, as a
    numbered heading of a listicle may be), "lead" after a lead-in ending in a colon that
    names them (up to a block that is no list item and names no practice), else ""."""
    if block.kind in HEADING_KINDS:
        if names_mistakes(block.text):
            return cands, "section"
        if listing == "section" and opens_with_practice(block.text):
            return _attributed(cands), listing
        if listing == "section" and _leaves_out(block.text):
            return cands, listing
        return cands, ""
    if block.kind not in STATEMENT_KINDS:
        return cands, listing
    head, colon, rest = block.text.partition(":")
    if colon and names_mistakes(head):
        # a lead-in, or one the reader joined to the line after it ("Mistakes we see every
        # year: Assuming you can undo the conversion later.")
        return (_attributed(cands) if opens_with_practice(rest) else cands), listing or "lead"
    if listing and opens_with_practice(block.text):
        return _attributed(cands), listing
    return cands, "" if listing == "lead" and block.kind != "list_item" else listing


def _leaves_out(sentence: str) -> bool:
    """Whether a sentence opens with a mistake of leaving something out ("Forgetting ...")."""
    found = _GERUND.match(sentence)
    return found is not None and found.group(1).lower() in _LEFT_OUT


def _attributed(cands: Sequence[Candidate]) -> list[Candidate]:
    """The clauses of the block's first sentence, attributed: the first sentence that opens
    with a gerund, when a listicle's number ("5. Assuming ...") was read as a sentence of its
    own before it."""
    first = min((c.sentence_index for c in cands if _GERUND.match(c.sentence)), default=0)
    return [replace(c, attribution=ATTRIBUTION) if c.sentence_index == first
            and not c.attribution and not _DASHED.search(c.sentence) else c for c in cands]
