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

The confidence of an accurate finding is a logistic table over those features: ``base`` plus
the weight of each feature it has (log-odds, rounded to a tenth), through the logistic
function. A problem's is the problems' table (:data:`PROBLEM_WEIGHTS`) adjusted by the function-word
verifier (session 15, branch verifier2; session 16, branches verifier3 and verifier4; issue
12): the weights of the unigrams and bigrams of the finding's sentence in which every word that
is not a function word is a placeholder (no topic word, no amount), added to the table's
log-odds, fitted on the same first-contact findings with the table as a fixed offset by
``benchmarks/fit_verifier.py`` into ``data/verifier.json``. A sentence with none of the weighed
n-grams keeps the table's confidence.
How a rule is told weighs: in the past ("was", "would") it was right less often than argued
in the present ("you can ..., so ..."). A heading that announces the claim a finding of its
section's body states is trusted as much as that finding
(:mod:`taxcheck.matching.heading_lift`). The value estimates precision on text the code has
not been tuned on; on the development corpus, which it has, findings are right far more often
(0.95).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
six features refitted on rounds e to v, session 15). A problem's confidence is this table's
log-odds adjusted by the verifier's n-grams (:class:`Verifier`)."""

ACCURATE_WEIGHTS: dict[str, float] = {
    "base": 1.3, "medium claim": 0.3, "hedge": -0.6, "table cell": -1.3, "heading": -0.4,
}
"""Log-odds that an accurate finding states the fact the labeller saw in the sentence."""

BANDS = ((0.65, "high"), (0.31, "medium"))
"""Confidence in a word, read on the verifier's held-out values (rounds e to v, each round
scored by a model fitted on the others; session 16, branch verifier4): ``high`` from 0.65
(391 problem findings, right 78 % of the time at first contact), ``medium`` from
:data:`DEFAULT_MIN_CONFIDENCE` (273, right 44 %), else ``low`` (89, right 16 %). ``medium`` and
``high`` are what the default view shows and a published ClaimReview reviews; ``low`` is left
out of both."""

DEFAULT_MIN_CONFIDENCE = 0.31
"""Least confidence of a finding reported unless the settings say otherwise
(``min_confidence``, ``--min-confidence``; 0 reports every finding). A problem's confidence
is the confidence table's (:data:`PROBLEM_WEIGHTS`) adjusted by the function words of its
sentence (session 16, branch verifier4: a logistic regression with the table's log-odds as a
fixed offset and no intercept, ``benchmarks/fit_verifier.py``), so a plain statement with none
of the weighed words keeps about the table's value. 0.31 is the highest threshold at which the
development corpus keeps its recall (our articles 0.940 and the phrasing bank 0.899 against
0.945 and 0.914 for the table at 0.3; at 0.32 the bank falls to 0.889). Held out on first
contact (each round e to v scored by a model fitted on the other rounds, headings lifted to
their section's body by :mod:`taxcheck.matching.heading_lift`): 0.640 / 0.472 (F0.5 0.598; 239
wrong shown) against the table's 0.634 / 0.481 at 0.3 (0.596; 250) and every finding's 0.583 /
0.488; the neighbours 0.30 give 0.634 / 0.474 and 0.36 0.649 / 0.462. Round y, scored first
by the shipped file: 0.558 / 0.568 against the table's 0.543 / 0.568. The best held-out F0.5,
0.626 at 0.61 (0.758 / 0.369), and verifier3's replacing model at 0.39 (0.699 / 0.452) both
hide plain wrong statements (bank recall 0.77-0.85 on development). Accurate findings keep
their table, whose lowest value (a hedged table cell, 0.35) stays above it. See
``docs/accuracy.md``, "Session 16, branch verifier4"."""


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


def log_odds(weights: dict[str, float], features: frozenset[str]) -> float:
    """A table's log-odds for these features: ``base`` plus the weight of each."""
    return weights["base"] + sum(weights.get(f, 0.0) for f in features)


def _share(logit: float) -> float:
    """Log-odds as a share, rounded to a hundredth."""
    return round(1 / (1 + math.exp(-logit)), 2)


def confidence_of(weights: dict[str, float], features: frozenset[str]) -> float:
    """The share of findings with these features that were right at first contact."""
    return _share(log_odds(weights, features))


VERIFIER_FILE = Path(__file__).resolve().parent / "data" / "verifier.json"
"""The verifier's weights, package data written by ``benchmarks/fit_verifier.py``."""


@dataclass(frozen=True)
class Verifier:
    """The function-word verifier's weights, as the fitting script wrote them: how far the
    words of a sentence move the confidence table's log-odds (:data:`PROBLEM_WEIGHTS`)."""

    intercept: float
    """A shift of every problem's log-odds (0: the fit has no intercept)."""
    ngrams: dict[str, float]
    """Weights of function-word unigrams and bigrams (see :func:`cue_grams`)."""
    token_pattern: str
    function_words: frozenset[str]
    threshold: float
    """The threshold the script chose (:data:`DEFAULT_MIN_CONFIDENCE`)."""

    def confidence(self, features: frozenset[str], sentence: str) -> float:
        """The probability that a problem finding with these table features and this
        sentence is right: the table's log-odds (:data:`PROBLEM_WEIGHTS`) adjusted by the
        intercept and the weights of the sentence's n-grams, through the logistic function. A
        sentence with no weighed n-gram keeps the table's confidence."""
        words = sum(self.ngrams.get(g, 0.0) for g in cue_grams(sentence, self))
        return _share(log_odds(PROBLEM_WEIGHTS, features) + self.intercept + words)


def read_verifier(path: Path = VERIFIER_FILE) -> Verifier:
    """The verifier of a weights file (read once where the claim database is built:
    :attr:`taxcheck.claimdb.database.ClaimDatabase.verifier`)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("adjusts") != "PROBLEM_WEIGHTS":
        raise ValueError(f"{path}: not a file of weights that adjust PROBLEM_WEIGHTS")
    return Verifier(intercept=raw["intercept"], ngrams=raw["ngrams"],
                    token_pattern=raw["token_pattern"],
                    function_words=frozenset(raw["function_words"]),
                    threshold=raw["threshold"])


def cue_grams(sentence: str, verifier: Verifier) -> list[str]:
    """The sentence's unigrams and bigrams as the fitting script reads them: lower-case word
    tokens (typographic apostrophes made plain), amounts and years ``#``, every word that is
    not a function word ``w``; grams of placeholders alone dropped, each gram once."""
    words = verifier.function_words
    text = sentence.lower().replace("\u2019", "'").replace("\u2018", "'")
    toks = [t if t in words or t == "?" else "#" if t[-1].isdigit() else "w"
            for t in re.findall(verifier.token_pattern, text)]
    grams = [*toks, *(f"{a} {b}" for a, b in itertools.pairwise(toks))]
    return sorted({g for g in grams if set(g.split()) - {"w", "#"}})


def finding_confidence(*, verdict: str, claim: Claim | None, block_kind: str | None,
                       trail: Iterable, sentence: str, verifier: Verifier) -> float:
    """The confidence of a finding: a problem's is the ``verifier``'s over its trail's
    features and the function words of its ``sentence``; an accurate finding's is the table
    of its group over its verdict, its claim and its trail."""
    steps = list(trail)
    features = trail_features(
        verdict=verdict, figure=claim is not None and claim.figure is not None,
        level=claim.confidence if claim is not None else "high", block_kind=block_kind,
        sources=[s.source for s in steps if s.stage == "context"],
        hedged=any(s.stage == "hedge" for s in steps),
        negated=any(s.stage == "polarity" for s in steps),
        topic=claim.topic if claim is not None else "")
    if verdict == "accurate":
        return confidence_of(ACCURATE_WEIGHTS, features)
    return verifier.confidence(features, sentence)


def confidence_word(confidence: float) -> str:
    """How far a finding of its kind can be trusted, in a word (:data:`BANDS`)."""
    return next((word for floor, word in BANDS if confidence >= floor), "low")
