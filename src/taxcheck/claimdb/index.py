"""Lookups compiled once per claim database: which conditions a set of concepts can meet,
and the broader concepts each concept belongs to."""

from __future__ import annotations

from collections.abc import Iterable

from taxcheck.claimdb.models import Claim, Condition, Lexeme


class ConditionIndex:
    """The conditions of every claim, indexed by a concept each one requires.

    A condition is met only when the clause's concepts (``labels``), plus those of its
    ``implied`` list that the title or section name (``ambient``), include all of
    ``all`` and one of ``any``. So each condition is filed under one concept it cannot do
    without: one of ``all`` (preferably one that may not be implied, which the clause itself
    must name), else each of ``any``; a lookup returns only the conditions filed under a
    concept the clause has, in database order. The matcher still tests each one in full.
    """

    def __init__(self, claims: Iterable[Claim]):
        self.entries: list[tuple[Claim, Condition]] = [
            (claim, cond) for claim in claims for cond in claim.when]
        self.named: dict[str, list[int]] = {}
        """Concept -> conditions that need it named by the clause (or implied)."""
        self.implied: dict[str, list[int]] = {}
        """Concept -> conditions that need it and accept it from the title or section."""
        self.always: list[int] = []
        for i, (_, cond) in enumerate(self.entries):
            if cond.all:
                key = min(cond.all, key=lambda c: (c in cond.implied, cond.all.index(c)))
                keys: tuple[str, ...] = (key,)
            else:
                keys = cond.any
            if not keys:
                self.always.append(i)
            for key in keys:
                self.named.setdefault(key, []).append(i)
                if key in cond.implied:
                    self.implied.setdefault(key, []).append(i)

    def candidates(self, labels: Iterable[str], ambient: Iterable[str] = ()
                   ) -> list[tuple[Claim, Condition]]:
        """The conditions that clause concepts ``labels`` with title and section concepts
        ``ambient`` might meet (a superset of those they meet), in database order."""
        found = set(self.always)
        for label in labels:
            found.update(self.named.get(label, ()))
        for label in ambient:
            found.update(self.implied.get(label, ()))
        return [self.entries[i] for i in sorted(found)]


def broader_concepts(concepts: dict[str, Lexeme]) -> dict[str, frozenset[str]]:
    """Concept -> every concept that includes it, directly or through others."""
    parents: dict[str, set[str]] = {}
    for label, lexeme in concepts.items():
        for inc in lexeme.includes:
            parents.setdefault(inc, set()).add(label)
    closure: dict[str, frozenset[str]] = {}
    for label in parents:
        seen: set[str] = set()
        todo = list(parents[label])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        closure[label] = frozenset(seen)
    return closure
