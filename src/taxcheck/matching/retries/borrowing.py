"""What every retry shares: the ``match`` function it is given, and taking concepts from
elsewhere with a trail step that says where from.

A retry takes the clause, its :class:`~taxcheck.matching.discourse.Resolution` and ``match``
(concept labels -> matches) and returns the matches of a wider reading with the resolution
that produced them, or no matches and the resolution unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution

MatchFn = Callable[..., list[Match]]
"""Concept labels (and, optionally, the clause to match instead) -> matches."""


def same_sentence(cands: Sequence[Candidate], cand: Candidate) -> list[Candidate]:
    return [c for c in cands if c.sentence_index == cand.sentence_index]


def borrowed(res: Resolution, extra: AbstractSet[str], where: str, source: str,
              **changes: object) -> Resolution:
    """``res`` with ``extra`` concepts taken from ``where``, and the trail step saying so."""
    named = ", ".join(sorted(extra))
    return replace(res, labels=res.labels | extra, **changes, steps=[*res.steps, Step(
        stage="context", detail=f"{named} from {where}", labels=tuple(sorted(extra)),
        source=source)])


def matched_with(res: Resolution, extra: set[str] | frozenset[str], match: MatchFn,
                  where: str, source: str) -> tuple[list[Match], Resolution]:
    """The claims the clause matches with ``extra`` concepts taken from ``where``, and ``res``
    with the borrowing on its trail; nothing, and ``res`` as it was, when there is nothing to
    take or the wider clause matches no claim."""
    if not extra:
        return [], res
    matches = match(res.labels | extra)
    if not matches:
        return [], res
    return matches, borrowed(res, extra, where, source)
