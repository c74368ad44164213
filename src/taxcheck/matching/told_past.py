"""A since-changed rule told in the simple past ("Workers had to stop contributing for six
months after a hardship withdrawal", "Owners were required to start at 70½", "People who
left with a loan had 60 days to roll it over"): on a page of any date it tells how things
were, not the rule for today. Only claims with a ``history`` (and the claims made of it)
read a clause so; a clause that names a year from the change on ("In 2023 my plan froze my
deferrals for six months") still states the old rule for that year."""

from __future__ import annotations

import re
from dataclasses import replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.tense import PAST_WORDS, PRESENT_WORDS, told_in_past

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[A-Za-z\u2019']+")
_PRESENT_HEADS = PRESENT_WORDS | frozenset({
    "makes", "means", "counts", "lets", "gets", "goes", "applies", "requires", "comes",
    "takes", "stays", "starts", "begins", "kicks", "puts", "stops", "suspends", "freezes",
    "bars", "blocks", "gives", "allows", "needs", "owes", "works", "treats", "becomes",
    "remains", "says", "keeps", "turns", "lasts", "happens", "'s", "\u2019s", "am", "'m",
    "\u2019m", "'re", "\u2019re", "'ll", "\u2019ll", "should", "would", "shall", "might"})
"""Verbs of the present that may head a clause whose subordinate clause is in the past
("Recharacterizing makes the conversion count as though it had never taken place")."""
_OWN_STORY = frozenset({"I", "we", "We", "I'm", "I've", "I\u2019m", "I\u2019ve", "my", "My",
                        "our", "Our", "me", "us"})
"""The writer's own story ("I had to stop contributing for six months after mine") tells
what happened to them; it may still present the old rule as today's."""
_HYPOTHETICAL = frozenset({"if", "would", "'d", "\u2019d", "unless", "suppose", "say"})
"""A clause in the past of a condition ("if you went the hardship route your plan would make
you take the loan first") imagines a case of today."""


def changed_in(db: ClaimDatabase, claim: Claim) -> int | None:
    """The year the rule of ``claim`` changed, when it has a ``history`` or is one."""
    if claim.history is not None:
        return claim.years.from_
    if claim.history_of is not None:
        original = db.by_id.get(claim.history_of)
        return original.years.from_ if original is not None else None
    return None


def told_of_the_past(cand: Candidate, since: int) -> bool:
    """Whether the clause is told in the simple past (:func:`.tense.told_in_past`: a verb of
    the past, none of the present) and its sentence names no year from ``since`` on."""
    if cand.historical or not told_in_past(cand.text):
        return False
    words = _WORD.findall(cand.text)
    if (_OWN_STORY.intersection(words) or _HYPOTHETICAL.intersection(w.lower() for w in words)
            or any(int(year) >= since for year in _YEAR.findall(cand.sentence))):
        return False
    head = next((w.lower() for w in words if w.lower() in PAST_WORDS
                 or w.lower() in _PRESENT_HEADS), None)
    return head is not None and head in PAST_WORDS


def as_told(db: ClaimDatabase, claim: Claim, cand: Candidate,
            memo: dict[int, Candidate]) -> Candidate:
    """``cand`` as ``claim`` reads it: about the past when it tells the claim's changed rule
    in the simple past (``memo`` keeps the answer per change year for one clause)."""
    since = changed_in(db, claim)
    if since is None or cand.historical:
        return cand
    if since not in memo:
        memo[since] = replace(cand, historical=True) if told_of_the_past(cand, since) else cand
    return memo[since]
