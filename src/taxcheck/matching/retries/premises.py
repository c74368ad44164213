"""A reader's question told after their own story: the premise carries the facts.

Forum posts, Q&A columns and FAQ pages ask after a story: "I was laid off at 52 and I'm 56
now. Can I use the rule of 55 on my old 401(k)?", "I left my employer in March. The plan
offset my loan. What's my deadline?". The question alone names only part of the case; the
reply ("Sure, once you turn 55 you can take it penalty-free.") answers it as the story
set it up. What the story's sentences named is asked about too (:func:`with_premise`), so
the reply is read with the whole case.

Only a story told in the first person of the same block (the poster's own post, the
reader's letter) and only its last :data:`PREMISE_REACH` sentences lend: an article's
statement before a question of its own ("IRAs have no loans. Can I borrow from my 401(k)?")
does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from taxcheck.clauses import Candidate

PREMISE_REACH = 3
"""Sentences before a question its premise may span."""

_FIRST_PERSON_WORDS = (r"\b(?:i|i['\u2019](?:m|ve|d|ll)|my|me|mine|we|we['\u2019](?:re|ve|d)|"
                       r"our|us)\b")
_FIRST_PERSON = re.compile(_FIRST_PERSON_WORDS, re.IGNORECASE)
"""Words of someone telling their own case ("I quit at 52", "my old 401(k)", "we file
jointly")."""
_FIRST_PERSON_LOWER = re.compile(_FIRST_PERSON_WORDS)
"""The same words, case-sensitive: an ASCII sentence is searched lower-cased, which finds
the same words for half the cost of a case-blind search."""


@dataclass(frozen=True)
class Told:
    """A sentence of a poster's own story, with what it named."""

    sentence: int
    labels: frozenset[str]


def tells_own_story(cand: Candidate) -> bool:
    """The clause tells the writer's own case ("I was laid off at 52", "My father died last
    year"): a first-person statement, not a question, an order or a report of others."""
    if cand.question or cand.imperative or cand.attribution:
        return False
    sentence = cand.sentence
    if sentence.isascii():
        return _FIRST_PERSON_LOWER.search(sentence.lower()) is not None
    return _FIRST_PERSON.search(sentence) is not None


_TURNS_AWAY = re.compile(
    r"^\W*(?:separately|unrelated(?:ly)?|on\s+(?:a|an)\s+(?:other|different|separate)\s+"
    r"(?:note|matter)|in\s+(?:a\s+)?(?:separate|different)\s+(?:account|matter)|"
    r"(?:but\s+)?that(?:'s|\s+is)\s+(?:a\s+)?(?:separate|different|another))\b",
    re.IGNORECASE)
"""A sentence that turns to another matter ("Separately, I sold some stock ..."): what the
story told before it is not the case the question asks about."""


def told(story: list[Told], cand: Candidate, sentence: int, labels: frozenset[str]
         ) -> list[Told]:
    """The story of the block so far, with the clause when it tells the poster's own case;
    a clause that turns to another matter starts the story anew."""
    if not tells_own_story(cand):
        return story
    if cand.start == cand.sentence_start and _TURNS_AWAY.match(cand.sentence):
        story = []
    return [*story, Told(sentence, labels)]


def story_of(heard: Sequence[tuple[Candidate, int, frozenset[str]]]) -> list[Told]:
    """The story :func:`told` makes of clauses heard in order (clause, sentence, labels)."""
    story: list[Told] = []
    for cand, sentence, labels in heard:
        story = told(story, cand, sentence, labels)
    return story


def with_premise(labels: frozenset[str], story: Sequence[Told], sentence: int) -> frozenset[str]:
    """What a question asks about, with what the story just before it in the same block named
    ("I quit at 52. Can I use the rule of 55?" asks about a job left at 52)."""
    lent = [t.labels for t in story if 0 < sentence - t.sentence <= PREMISE_REACH]
    return labels.union(*lent) if lent else labels
