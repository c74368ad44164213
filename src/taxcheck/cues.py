"""The cue categories the candidate builder knows, and what each means.

``claims/cues.yaml`` lists the words of each category; a category the code does not know
is a load error (TC107) naming the file and line, never a silent miss. Kept free of spaCy.
"""

from __future__ import annotations

from typing import Literal

NEGATION = "NEGATION"
PSEUDO_NEGATION = "PSEUDO_NEGATION"
HEDGE = "HEDGE"
ATTRIBUTION = "ATTRIBUTION"
TERMINATION = "TERMINATION"
QUESTION = "QUESTION"
IMPERATIVE = "IMPERATIVE"
ANAPHOR = "ANAPHOR"
CONDITION = "CONDITION"
ASSERTIVE = "ASSERTIVE"
EMBEDDED_QUESTION = "EMBEDDED_QUESTION"
HISTORICAL = "HISTORICAL"
PSEUDO_ATTRIBUTION = "PSEUDO_ATTRIBUTION"
SAME_AS = "SAME_AS"
COUNTERFACTUAL = "COUNTERFACTUAL"
OPEN_QUESTION = "OPEN_QUESTION"
COORDINATION = "COORDINATION"
TEASER = "TEASER"
ALTERNATIVE = "ALTERNATIVE"
FRAME = "FRAME"

CUE_CATEGORIES: dict[str, str] = {
    NEGATION: "flips the polarity of its clause",
    PSEUDO_NEGATION: "looks like a negation but is not one (\"not only\")",
    HEDGE: "softens a statement; the verdict stands, confidence drops",
    ATTRIBUTION: "a claim reported in order to debunk it (\"a common myth is that\")",
    TERMINATION: "starts a new clause (\"but\", \"however\", \";\")",
    QUESTION: "a question opening (\"can you\") at the start of a title or heading",
    IMPERATIVE: "a verb that opens an instruction (\"Use\", \"Roll\")",
    ANAPHOR: "a word pointing back to something named earlier (\"these losses\")",
    CONDITION: "a condition or exception (\"unless\", \"only if\")",
    ASSERTIVE: "a word that makes a heading a statement rather than a topic label",
    EMBEDDED_QUESTION: "a clause that asks (\"whether ...\")",
    HISTORICAL: "a clause about the past (\"before 2018 you could ...\")",
    PSEUDO_ATTRIBUTION: "\"contrary to what people assume, X\": X is the author's own claim",
    SAME_AS: "the previous statement holds for this clause too (\"the same is true of\")",
    COUNTERFACTUAL: "what would be true (\"had you ...\"), not how things were",
    OPEN_QUESTION: "states that a point is unsettled",
    COORDINATION: "\", and you ...\": a new clause only when just one side is negated",
    ALTERNATIVE: "\"rather than X\", \"instead of X\": X is set aside; what it names is left out "
                 "of the clause, which keeps its own polarity",
    FRAME: "a negated frame that tells the reader what others miss (\"what nobody tells you:\", "
           "\"most people don't realize that\"): its negation stays in the frame, which ends "
           "at its colon, dash or \"that\"; the claim after it keeps its own polarity",
    TEASER: "a teaser, lead-in or table of contents, or advice to see a professional: the "
            "clause announces or defers a topic instead of stating it",
}
"""Every category, with the meaning the candidate builder gives it."""

Direction = Literal["forward", "backward", "bidirectional"]
"""Where a cue's target may stand: after it, before it, or either side."""
