"""Lookups compiled once per claim database: which conditions a set of concepts can meet,
and the broader concepts each concept belongs to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from taxcheck.claimdb.models import Claim, Condition, Lexeme

MEMO_LIMIT = 20_000
"""Lookups remembered before the memo starts over (each holds a short list)."""


class ConditionIndex:
    """The conditions of every claim, indexed by a concept each one requires.

    A condition is met only when the clause's concepts (``labels``), plus those of its
    ``implied`` list that the title or section name (``ambient``), include all of
    ``all`` and one of ``any``. So each condition is filed under one concept it cannot do
    without: one of ``all`` (preferably one that may not be implied, which the clause itself
    must name, and of those the one fewest conditions need), else each of ``any``; a
    lookup returns the conditions filed under a concept the clause has whose ``all`` and
    ``any`` concepts are all there, in database order. The matcher still tests each one in
    full.
    """

    def __init__(self, claims: Iterable[Claim]):
        self.entries: list[tuple[Claim, Condition]] = [
            (claim, cond) for claim in claims for cond in claim.when]
        self.named: dict[str, list[int]] = {}
        """Concept -> conditions that need it named by the clause (or implied)."""
        self.implied: dict[str, list[int]] = {}
        """Concept -> conditions that need it and accept it from the title or section."""
        self.always: list[int] = []
        # of the concepts a condition needs, the one fewest conditions need: a lookup
        # gathers the conditions filed under each concept the clause names, and a concept
        # many conditions share (RETIREMENT_ACCOUNT, IRA) is named by most clauses
        shared = Counter(label for _, cond in self.entries for label in cond.all)
        for i, (_, cond) in enumerate(self.entries):
            if cond.all:
                key = min(cond.all, key=lambda c: (c in cond.implied, shared[c],
                                                   cond.all.index(c)))
                keys: tuple[str, ...] = (key,)
            else:
                keys = cond.any
            if not keys:
                self.always.append(i)
            for key in keys:
                self.named.setdefault(key, []).append(i)
                if key in cond.implied:
                    self.implied.setdefault(key, []).append(i)
        self.needs: list[tuple[frozenset[str], frozenset[str], frozenset[str],
                               frozenset[str]]] = [
            (frozenset(cond.all) - set(cond.implied), frozenset(cond.all) & set(cond.implied),
             frozenset(cond.any), frozenset(cond.implied)) for _, cond in self.entries]
        """Per condition: the concepts of ``all`` the clause must name, those of ``all``
        the title or section may supply, ``any``, and ``implied``."""
        self.impliable = _impliable(self.entries)
        """Every concept some condition accepts from the title or section: the only
        ones of ``ambient`` a lookup reads."""
        self._memo: dict[tuple[frozenset[str], frozenset[str]],
                         list[tuple[Claim, Condition]]] = {}
        """(labels, impliable ambient) -> the lookup's result: clauses name the same few
        concepts again and again, within an article and across articles."""
        self._reach: dict[frozenset[str], list[_Reachable]] = {}
        """labels -> the conditions they may meet in some section (:meth:`_reachable`)."""

    def __getstate__(self) -> dict[str, object]:
        state = {**self.__dict__, "_memo": {}, "_reach": {}}  # not cached or sent to workers
        state.pop("_section_files", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.__dict__.setdefault("_memo", {})
        self.__dict__.setdefault("_reach", {})
        if "impliable" not in self.__dict__:
            self.impliable = _impliable(self.entries)

    def candidates(self, labels: Iterable[str], ambient: Iterable[str] = ()
                   ) -> list[tuple[Claim, Condition]]:
        """The conditions that clause concepts ``labels`` with title and section concepts
        ``ambient`` might meet (a superset of those they meet), in database order. The list
        may be shared between calls: callers do not change it."""
        said = labels if isinstance(labels, frozenset) else frozenset(labels)
        # the lookup reads only the ambient concepts some condition may imply: keyed by
        # those, a section's many other concepts do not make every lookup a new one
        around = self.impliable.intersection(ambient)
        key = (said, around)
        out = self._memo.get(key)
        if out is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            out = self._memo[key] = self._lookup(said, around)
        return out

    def may_meet(self, labels: frozenset[str], amounts: bool = True) -> bool:
        """Whether clause concepts ``labels`` might meet some condition in any section:
        False when :meth:`candidates` finds none even with every concept a condition may
        take from the title or section around it. A clause that fails this needs neither
        its section's concepts nor its years. With ``amounts`` False (the block states no
        dollar amount) a condition that tests a worked example's amounts does not count: a
        condition all of whose concepts may come from the section (a fifth held back, "ask
        for $10,000 to see $8,000") would otherwise make every clause of a page worth
        reading its section for."""
        reach = self._reachable(labels)
        if amounts:
            return bool(reach)
        return any(not tests_amounts(cond) for (_, cond), _, _ in reach)

    def _reachable(self, said: frozenset[str]) -> list[_Reachable]:
        """The conditions clause concepts ``said`` meet the concepts of when the title or
        section supplies what it may (each of ``all`` the clause must name is named), in
        database order, each with what it still needs from the section: the concepts of
        ``all`` the clause left out, and (when the clause names none of ``any``) the
        concepts of ``any`` the section may supply. Worked out once per concept set: a
        lookup only filters this list by the section's concepts."""
        out = self._reach.get(said)
        if out is None:
            if len(self._reach) >= MEMO_LIMIT:
                self._reach.clear()
            by_named, free = self._via_section()
            found = set(self.always)
            found.update(free)
            for label in said:
                found.update(self.named.get(label, ()))
                found.update(by_named.get(label, ()))
            impliable = self.impliable
            out = []
            for i in sorted(found):
                named, optional, any_, implied = self.needs[i]
                if not named <= said:
                    continue
                missing = optional - said
                if not missing <= impliable:
                    continue
                wanted = None
                if any_ and any_.isdisjoint(said):
                    wanted = any_ & implied & impliable
                    if not wanted:
                        continue
                out.append((self.entries[i], missing, wanted))
            self._reach[said] = out
        return out

    def _via_section(self) -> tuple[dict[str, list[int]], list[int]]:
        """The conditions a lookup may reach through the section's concepts (filed under
        an ``implied`` concept), filed again under one of the concepts the clause itself
        must name; those that need none apart. Made on first use (not pickled)."""
        made = self.__dict__.get("_section_files")
        if made is None:
            by_named: dict[str, list[int]] = {}
            free: list[int] = []
            for i in sorted({i for ids in self.implied.values() for i in ids}):
                named = self.needs[i][0]
                if named:
                    by_named.setdefault(min(named), []).append(i)
                else:
                    free.append(i)
            made = self.__dict__["_section_files"] = (by_named, free)
        return made

    def _lookup(self, said: frozenset[str], around: frozenset[str]
                ) -> list[tuple[Claim, Condition]]:
        # keep only those whose concepts are there: each of ``all`` named, or implied and
        # in the title or section; one of ``any`` likewise (what the matcher tests first)
        return [entry for entry, missing, wanted in self._reachable(said)
                if missing <= around and (wanted is None or not wanted.isdisjoint(around))]


_Reachable = tuple[tuple[Claim, Condition], frozenset[str], frozenset[str] | None]
"""A condition a clause may meet, the concepts of its ``all`` the section must supply, and
those of its ``any`` one of which it must (None: the clause names one)."""


def tests_amounts(cond: Condition) -> bool:
    """Whether a condition is met only by a text that states dollar amounts (a worked
    example's remainder, share, repeated amount or old part)."""
    return bool(cond.remainder_of or cond.keeps_share or cond.repeats_amount
                or cond.adds_up_old_part)


def _impliable(entries: list[tuple[Claim, Condition]]) -> frozenset[str]:
    """The concepts of every condition's ``implied`` list."""
    return frozenset(label for _, cond in entries for label in cond.implied)


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
