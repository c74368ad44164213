"""Several people of stated ages, each with an amount: "My wife is 61 and I'm 52. In 2026
she can put in $35,750 and I can put in $31,000." Each person's amount is the limit of the
age group the paragraph gave that person (:func:`with_people_ages`)."""

from __future__ import annotations

import re
from dataclasses import replace

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.borrowing import MatchFn

_PERSON_AGE = re.compile(
    r"(?P<who>(?:my|his|her|our)\s+(?:wife|husband)|\bshe|\bhe|\bi)"
    r"(?:\s+(?:is|am|turns|turned|will\s+be|just\s+turned)|'s|'m)\s+(?P<age>\d\d)\b",
    re.IGNORECASE)
"""A person given an age: "my wife is 61", "I'm 52", "he turned 57"."""
_SUBJECT = re.compile(
    r"(?P<who>(?:my|his|her|our)\s+(?:wife|husband)|\bshe|\bhe|\bi)\s+"
    r"(?:can|could|may|will|would|gets?\s+to|is\s+allowed\s+to|am\s+allowed\s+to)\b",
    re.IGNORECASE)
"""A person as the subject of what they may do: "she can put in", "I can defer"."""
_SAME = {"wife": "she", "husband": "he"}


def _person(who: str) -> str:
    """One name for each person: "my wife" is "she", "my husband" is "he"."""
    last = who.lower().split()[-1]
    return _SAME.get(last, last)


def _group(age: int) -> str | None:
    """The catch-up group of an age: 60 to 63 the larger catch-up's, 50 and over the
    regular one's, under 50 none."""
    if 60 <= age <= 63:
        return "AGE_60_63"
    if age >= 50:
        return "AGE_50"
    return "UNDER_50" if age >= 18 else None


def with_people_ages(cand: Candidate, res: Resolution, before: str, match: MatchFn
                     ) -> tuple[list[Match], Resolution]:
    """A clause in which two or more people, each given an age earlier in the paragraph
    (``before``: its text up to the clause), may each put in an amount: read with each
    person's age group where the person stands, so that each amount goes to its own
    group's limit."""
    # two amounts first: most clauses have none, and the subjects' regex is tried at every
    # position of the clause
    if sum(q.kind == "usd" for q in cand.quantities) < 2:
        return [], res
    subjects = list(_SUBJECT.finditer(cand.text))
    if len(subjects) < 2:
        return [], res
    ages = {_person(m.group("who")): int(m.group("age"))
            for m in _PERSON_AGE.finditer(before + " " + cand.text)}
    placed = []
    for m in subjects:
        age = ages.get(_person(m.group("who")))
        label = _group(age) if age is not None else None
        if label is None:
            return [], res
        placed.append(ConceptMention(label, cand.start + m.start("who"),
                                     cand.start + m.end("who"), m.group("who")))
    if len({p.label for p in placed}) < 2:
        return [], res
    clause = replace(cand, concepts=tuple(sorted((*cand.concepts, *placed),
                                                 key=lambda c: (c.start, c.end))))
    extra = {p.label for p in placed}
    matches = match(res.labels | extra, clause)
    if not matches:
        return [], res
    told = ", ".join(f"{p.text}: {p.label}" for p in placed)
    return matches, replace(res, cand=clause, labels=res.labels | extra, steps=[
        *res.steps, Step(stage="context", detail=f"{told} (the ages given before)",
                         labels=tuple(sorted(extra)), source="context")])
