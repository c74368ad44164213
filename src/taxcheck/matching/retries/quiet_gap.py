"""A reply a sentence or two after its question, past words that name nothing.

A columnist's aside ("Does the company match eat into my limit? We get this question every
spring. Short answer: yes."), a greeting or a poster's name on a line of its own ("TaxTina")
stands between a question and its reply without changing what is asked: the reply still takes
the question's proposition. The question counts as asked on the sentence just before the
reply when every sentence since it named nothing (no concept, no amount) and the reply opens
its sentence with a polarity word ("Yes", "Nope", "Short answer: yes", "Unfortunately not").
A sentence that names something in between ("I asked my accountant about my Roth.") may have
turned to another subject: the reply is then left to the rules for a reply right after its
question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from taxcheck.clauses import Candidate
from taxcheck.matching.retries.questions import REPLY_LABELS, Question, answers

_ANSWER_WORD = re.compile(
    r"^\W*(?:[\w.-]+\s*:\s*)?(?:(?:the\s+)?(?:short|quick|simple|honest|good|bad)\s+"
    r"(?:answer|news)\s*(?::|is)\s*|(?:the\s+)?answer\s+is\s+)?"
    r"(?:yes|yep|yeah|yup|no|nope|sure|absolutely|unfortunately|sadly|of\s+course|"
    r"(?:you|it|they)\s+(?:probably\s+)?(?:can|do|does|is|are|will|ca|can't|cannot|don't|"
    r"doesn't|isn't|aren't|won't|can\u2019t|don\u2019t|doesn\u2019t|isn\u2019t|"
    r"aren\u2019t|won\u2019t)\b)\b", re.IGNORECASE)
"""A reply that answers in so many words ("Yes", "Nope", "Short answer: yes", "Good news:
you can", "Unfortunately not"), after any speaker's tag ("GUEST:"): only such a reply reaches
past an aside. A fragment ("Not year by year.") may go on with the aside before it."""

QUIET_REACH = 3
"""The most sentences a reply may come after its question (two quiet ones between)."""

_NAMED_ANSWER = re.compile(r"^\W*(?:the\s+)?(?:short|quick|simple|honest|brief)\s+answer\b",
                           re.IGNORECASE)
"""A reply that calls itself the answer ("The short answer: usually not", "Quick answer:
yes"): it answers the page's question however much the writer said in between."""

ANSWER_REACH = 12
"""The most sentences a reply that calls itself the answer may come after the question."""


def names_something(cand: Candidate) -> bool:
    """The clause names a concept other than a reply's, or an amount. A term of one claim's
    own ("fall" in "Readers ask us this every fall") names no subject."""
    return any("/" not in label for label in cand.labels - REPLY_LABELS) or bool(
        cand.quantities)


def waits_past_quiet(question: Question | None, cand: Candidate, sentence: int,
                     named_at: int, statement: bool) -> Question | None:
    """The question moved to the sentence before ``cand`` (in sentence ``sentence``) when
    ``cand`` replies to it past sentences that named nothing (``named_at`` is the last
    sentence that named something; ``statement``: its block is a paragraph, an item or a
    quote, not a heading or a form's "Yes / No"), or calls itself the answer (a heading too:
    "The short answer: usually not"), else None. The question must end in a question mark
    (not a title's "What You Can Undo")."""
    if (question is None or question.reply is not None or not answers(cand)
            or question.cand is None or not question.cand.sentence.rstrip().endswith("?")
            or cand.start != cand.sentence_start or cand.question
            or sentence - question.sentence <= 1):
        return None
    if _NAMED_ANSWER.match(cand.text):
        reach_ok = sentence - question.sentence <= ANSWER_REACH
    else:
        reach_ok = (statement and _ANSWER_WORD.match(cand.text) is not None
                    and sentence - question.sentence <= QUIET_REACH
                    and named_at <= question.sentence)
    return replace(question, sentence=sentence - 1) if reach_ok else None
