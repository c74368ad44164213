"""Confidence that follows first contact: the share of findings of a kind that were right
on articles the code had never seen.

Every article of ``corpus/blind/`` was scored once by the code of the commit before the one
that added it (``benchmarks/first_contact.py`` rebuilds that dataset). The problems' table is
fitted on rounds e to v (753 problem findings, 433 right; session 15), the accurate
findings' on rounds e to r (1,377 findings; session 12), each finding labelled right or wrong
by the eval's rules. Whether a finding was right there depended on a few things its trail and
its claim tell (``benchmarks/first_contact_study.py`` prints the counts,
``benchmarks/first_contact_refit.py`` the leave-one-round-out test of each feature tried;
``docs/accuracy.md``, "Session 12, branch calib" and "Session 15, branch calib2", has the
tables):

- a wrong-figure finding whose verdict is ``false`` (an amount that was never the figure's,
  so usually an amount read as the wrong figure's) was right 10 times in 69; an ``outdated``
  one (an earlier year's figure, or an abolished rule) far more often than a ``false``
  proposition;
- a claim whose missing words came from earlier sentences, a hedged clause and a table cell
  were right less often; a claim its author marked ``medium`` more often (a few specific
  claims of loans and hardship withdrawals), not less.

A wrong claim in a heading or title (right 2 times in 17) and a claim of the retirement-loss
write-off told ``false`` (10 in 41) were right less often too, and each lowered the held-out
log loss, but neither is weighed: a topic's weight is close to a rule for one claim, and with
either a heading that borrows its account from the text before it falls under the default
threshold, as the seed article's "Use the Loss to Offset Capital Gains" would (0.27 with a
heading weight and no topic; ``docs/accuracy.md``, "Session 15, branch calib2").

The confidence of a finding is a logistic table over those features: ``base`` plus the
weight of each feature it has (log-odds, rounded to a tenth), through the logistic function.
Problems and accurate findings have a table each. The value estimates precision on text the
code has not been tuned on; on the development corpus, which it has, findings are right far
more often (0.95).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from taxcheck.claimdb.models import Claim

EARLIER_SENTENCES = frozenset({"context", "previous-sentence", "previous-statement", "answer",
                               "lead-in", "case", "quote"})
"""Trail sources that take a claim's missing words from sentences before the finding's."""

PROBLEM_WEIGHTS: dict[str, float] = {
    "base": 0.3, "outdated": 0.7, "false figure": -1.4, "medium claim": 0.9,
    "earlier sentences": -0.5, "hedge": -1.0, "table cell": -0.8,
}
"""Log-odds that a problem finding (false, misleading, outdated) is right: a ``false``
proposition stated in a paragraph in its own words is right 57 % of the time (session 12's
six features refitted on rounds e to v, session 15)."""

ACCURATE_WEIGHTS: dict[str, float] = {
    "base": 1.3, "medium claim": 0.3, "hedge": -0.6, "table cell": -1.3, "heading": -0.4,
}
"""Log-odds that an accurate finding states the fact the labeller saw in the sentence."""

BANDS = ((0.65, "high"), (0.45, "medium"))
"""Confidence in a word: ``high`` from 0.65 (held out, rounds e to v, findings from 0.65 to
0.80 were right 75 % of the time at first contact, as outdated figures and rules are),
``medium`` from 0.45, else ``low`` (under 0.35: right 15 % of the time; the ridge penalty
keeps the table's values there above that)."""

DEFAULT_MIN_CONFIDENCE = 0.3
"""Least confidence of a finding reported unless the settings say otherwise
(``min_confidence``, ``--min-confidence``; 0 reports every finding). Chosen on first contact,
one round held out at a time (session 12: a threshold fitted on the other rounds, 0.28-0.35):
it leaves out the wrong amounts read as another figure's and hedged claims carried from
earlier sentences. Held out on rounds e to v (session 15) it raises precision from 0.583 to
0.634 for recall 0.488 -> 0.481 (thresholds fitted on every round but one: 0.28-0.38, 0.28 on
all). On the development corpus, which the code is tuned on, it costs recall instead
(0.895 -> 0.862; precision 0.949 -> 0.951)."""


def trail_features(*, verdict: str, figure: bool, level: str, block_kind: str | None,
                   sources: Iterable[str | None], hedged: bool, negated: bool = False,
                   topic: str = "") -> frozenset[str]:
    """The yes/no features of a finding that its confidence is read from (``negated`` and
    ``topic`` are measured, but no table weighs them)."""
    found = set()
    if topic:
        found.add(f"topic {topic}")
    if verdict in ("outdated", "misleading"):
        found.add(verdict)
    if figure:
        found.add("false figure" if verdict == "false" else "figure")
    if level != "high":
        found.add("medium claim")
    if set(sources) & EARLIER_SENTENCES:
        found.add("earlier sentences")
    if hedged:
        found.add("hedge")
    if negated:
        found.add("negation")
    if block_kind == "table_cell":
        found.add("table cell")
    elif block_kind in ("heading", "title"):
        found.add("heading")
    return frozenset(found)


def confidence_of(weights: dict[str, float], features: frozenset[str]) -> float:
    """The share of findings with these features that were right at first contact."""
    logit = weights["base"] + sum(weights.get(f, 0.0) for f in features)
    return round(1 / (1 + math.exp(-logit)), 2)


def finding_confidence(*, verdict: str, claim: Claim | None, block_kind: str | None,
                       trail: Iterable) -> float:
    """The confidence of a finding: its verdict, its claim and its trail through the table
    of its group."""
    steps = list(trail)
    features = trail_features(
        verdict=verdict, figure=claim is not None and claim.figure is not None,
        level=claim.confidence if claim is not None else "high", block_kind=block_kind,
        sources=[s.source for s in steps if s.stage == "context"],
        hedged=any(s.stage == "hedge" for s in steps),
        negated=any(s.stage == "polarity" for s in steps),
        topic=claim.topic if claim is not None else "")
    weights = ACCURATE_WEIGHTS if verdict == "accurate" else PROBLEM_WEIGHTS
    return confidence_of(weights, features)


def confidence_word(confidence: float) -> str:
    """How far a finding of its kind can be trusted, in a word (:data:`BANDS`)."""
    return next((word for floor, word in BANDS if confidence >= floor), "low")
