"""Whether the claim a sentence states after a reply is the question's proposition.

A reply that says more than yes or no and states nothing of its own is spelled out by the
sentence after it ("Can I still contribute after 70½? Not to a traditional IRA. Once you turn
70½ ..."): the reply states that sentence's wrong claim too. That holds only when the claim
is what was asked. "Is that just a sales pitch? Not entirely, Dev. Here's the main reason
people do it: a Roth 401(k) still comes with required minimum distributions ..." answers a
question about a coworker's advice; the reason after it states its own claim, which the reply
("Not entirely") never made. The claim must rest on a concept the question's own clause names
(a concept's broader ones count: "Roth 401(k)" asked, "employer plan" in the claim).
"""

from __future__ import annotations

from collections.abc import Callable

from taxcheck.matching.retries.questions import REPLY_LABELS, Question


def about_the_question(question: Question | None, concepts: frozenset[str],
                       expand: Callable[[frozenset[str]], frozenset[str]]) -> bool:
    """The claim resting on ``concepts`` shares a concept with what the question's own
    sentence names, in any of its clauses (true when the question is unknown or names
    nothing: nothing to compare)."""
    if question is None or question.cand is None:
        return True
    asked = frozenset((question.own or question.cand.labels) - REPLY_LABELS)
    if not asked:
        return True
    return not expand(asked).isdisjoint(expand(concepts))
