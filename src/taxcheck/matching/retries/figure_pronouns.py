"""A pronoun that gives a new value of the figure just stated: "The IRA limit was $7,000 for
2025. It rises to $7,500 in 2026.", "The catch-up was $7,500 in 2025. For 2026 it goes up to
$8,000." The pronoun stands for the limit of the statement before it, so the clause is read
with that statement's concepts where the pronoun stands (:func:`as_figure_pronoun`).

The sentence before may name the limit without its amount, and the amount come bare after
it: "Workers 50 and older can add a catch-up on top of the 401(k) limit. For 2026: $8,000.",
"Savers 60 to 63 get a bigger catch-up. How big? $11,250.", "The 401(k) catch-up for workers
50 and older. For 2026 it is $8,000." (:func:`as_figure_follow_on`)."""

from __future__ import annotations

import re
from dataclasses import replace

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.follow_ons import bare_amount, gives_value
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.borrowing import MatchFn
from taxcheck.matching.retries.carry_on import Said
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
    taken = ", ".join(sorted(extra - res.labels)) or "its limit"
    return matches, replace(res, cand=clause, labels=res.labels | extra, steps=[*res.steps, Step(
        stage="context", detail=f"{found.group('pronoun')}: {taken} from the figure stated before",
        labels=tuple(sorted(extra)), source="previous-statement")])


BARE_WORDS = 8
"""The most words of a sentence that gives an amount bare ("For 2026: $8,000, up from $7,500.")."""
_FRAME = re.compile(
    r"^[^\w$]*(?:(?:and|but|so|now|then)\s+)?"
    r"(?:(?:(?:for|in)\s+(?:tax\s+year\s+)?(?:19|20)\d\d|(?:19|20)\d\d|this\s+year|"
    r"next\s+year|today|now)\s*[:,\u2014\u2013-]?\s*)?", re.IGNORECASE)
"""What may come before a bare amount: a link word and the year it is for ("For 2026:",
"In 2026,", "This year:", "Now")."""
_SHORT_QUESTION = re.compile(r"(?:^|[.!?]\s+)(?P<q>[^.!?]{1,30}\?)\s*$")
"""A short question right before the clause ("How big?", "The amount?")."""
SHORT_QUESTION_WORDS = 4
_PAST_VALUE = re.compile(
    r"\b(?:was|were|rose|climbed|jumped|increased|grew|went|moved|edged|inched|ticked|stepped|"
    r"bumped|stayed|remained|held|sat|topped|maxed|reached|came|stood|got|became)\b",
    re.IGNORECASE)
"""A past verb of a pronoun's value: the amount of a year gone by, unless the clause names it."""
"""The most words of a question between the statement and its bare amount."""


def gives_bare_amount(text: str) -> bool:
    """Whether a short sentence gives an amount with no subject or verb before it, after at
    most the year it is for ("For 2026: $8,000.", "Just $10,000.", "This year: $7,000")."""
    if len(text.split()) > BARE_WORDS:
        return False
    frame = _FRAME.match(text)
    return bare_amount(text[frame.end() if frame else 0:]) is not None


def _asked_between(before: str) -> bool:
    """The block text before the clause ends in a short question with nothing else to it
    ("... a bigger catch-up this year. How big?")."""
    found = _SHORT_QUESTION.search(before)
    return found is not None and len(found.group("q").split()) <= SHORT_QUESTION_WORDS


def as_figure_follow_on(cand: Candidate, res: Resolution, said: Said | None, sentence: int,
                        before: str, match: MatchFn, named: frozenset[str] = frozenset(),
                        asked: frozenset[str] = frozenset()) -> tuple[list[Match], Resolution]:
    """An amount given bare ("For 2026: $8,000.") or by a pronoun ("For 2026 it is $8,000.")
    right after a statement that names a limit (or after it and a short question, "How
    big?"): read with that statement's concepts where the amount stands, for figure claims
    only; with what the short question names too ("The new cap?"). When a figure read so is
    right for the amount, only the right ones (the sentence may name several limits: the
    amount is taken to be the one it fits). Nothing when the clause names a thing of its
    own (``named``), or after a denial."""
    if said is None or said.polarity != "affirmed" or cand.labels & named:
        return [], res
    if sum(q.kind == "usd" for q in cand.quantities) != 1 or cand.start != cand.sentence_start:
        return [], res  # ("For 2026: $11,250, on top of $24,500.": which is the limit's?)
    gap = sentence - said.sentence
    if gap not in (1, 2) or (gap == 2 and not _asked_between(before)):
        return [], res
    if gap == 1:
        asked = frozenset()
    pronoun = gives_value(cand.text)
    if pronoun is None and not gives_bare_amount(cand.sentence):
        return [], res
    if pronoun is not None and _PAST_VALUE.search(pronoun.group()) and not any(
            q.kind == "year" for q in cand.quantities):
        return [], res  # "It was a $500 rise, from $23,000 to $23,500.": some year before
    start, end = (cand.start + pronoun.start("pronoun"), cand.start + pronoun.end("pronoun")) \
        if pronoun is not None else (cand.start, cand.end)
    extra = set(said.labels | asked) - res.labels
    placed = tuple(ConceptMention(label, start, end, cand.text[start - cand.start:end - cand.start])
                   for label in sorted(extra))
    clause = replace(cand, concepts=tuple(sorted((*cand.concepts, *placed),
                                                 key=lambda c: (c.start, c.end))))
    matches = [m for m in match(res.labels | extra, clause) if m.claim.figure]
    right = [m for m in matches if m.verdict == "accurate"]
    matches = right or matches  # the limit the amount fits, when it fits one
    if not matches:
        return [], res
    # what the clause goes on to say in words of its own ("For 2026 it stays at $11,250, and
    # it's available to any participant who has reached age 60") is read as well
    matches += [m for m in match(res.labels, cand) if not m.claim.figure]
    return matches, replace(res, cand=clause, labels=res.labels | extra, steps=[*res.steps, Step(
        stage="context", detail=f"the limit the sentence on line {said.line} names",
        labels=tuple(sorted(extra)), source="previous-sentence")])
