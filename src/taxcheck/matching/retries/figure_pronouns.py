"""A pronoun that gives a new value of the figure just stated: "The IRA limit was $7,000 for
2025. It rises to $7,500 in 2026.", "The catch-up was $7,500 in 2025. For 2026 it goes up to
$8,000." The pronoun stands for the limit of the statement before it, so the clause is read
with that statement's concepts where the pronoun stands (:func:`as_figure_pronoun`)."""

from __future__ import annotations

from dataclasses import replace

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.follow_ons import gives_value
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.borrowing import MatchFn
from taxcheck.matching.retries.worked_examples import Stated

REACH = 1
"""How many sentences back the statement whose figure the pronoun stands for may be."""


def as_figure_pronoun(cand: Candidate, res: Resolution, stated: Stated | None, sentence: int,
                      match: MatchFn, named: frozenset[str] = frozenset()
                      ) -> tuple[list[Match], Resolution]:
    """A clause whose subject is a pronoun taking a value ("It rises to $7,500 in 2026", ";
    for 2026 the range is ..."), with an amount of its own, right after a statement of a
    figure: read with that statement's concepts placed on the pronoun, for the same figure
    claims only (the pronoun restates the limit, it names no other). A clause that names a
    thing of its own (``named``: the concepts of the discourse's groups, an account, an age
    group, a topic) is about that thing, not the statement's."""
    if stated is None or sentence - stated.sentence > REACH or stated.cand.question:
        return [], res
    if cand.labels & named:
        return [], res
    figures = {m.claim.id for m in stated.matches if m.claim.figure}
    if not figures or not any(q.kind == "usd" for q in cand.quantities):
        return [], res
    found = gives_value(cand.text)
    if found is None:
        return [], res
    start = cand.start + found.start("pronoun")
    end = cand.start + found.end("pronoun")
    placed = tuple(ConceptMention(m.label, start, end, m.text) for m in stated.cand.concepts)
    clause = replace(cand, concepts=tuple(sorted((*cand.concepts, *placed),
                                                 key=lambda c: (c.start, c.end))))
    extra = set(stated.cand.labels)
    matches = [m for m in match(res.labels | extra, clause) if m.claim.id in figures]
    if not matches:
        return [], res
    named = ", ".join(sorted(extra - res.labels)) or "its limit"
    return matches, replace(res, cand=clause, labels=res.labels | extra, steps=[*res.steps, Step(
        stage="context", detail=f"{found.group('pronoun')}: {named} from the figure stated before",
        labels=tuple(sorted(extra)), source="previous-statement")])
