"""Candidate claims as plain data: what the NLP stage hands the matcher.

Kept free of spaCy so that discourse resolution and condition matching can be built and
tested on plain values (see tests/test_matching_stages.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from taxcheck.nlp.quantities import Quantity

Polarity = Literal["affirmed", "negated"]


@dataclass(frozen=True)
class ConceptMention:
    """A concept found in the text, with its character span in the block."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A clause that may state a claim, with everything the matcher needs to decide."""

    start: int
    end: int
    text: str
    sentence_index: int
    """Position of the sentence in its block (0-based)."""
    sentence_start: int
    sentence_end: int
    sentence: str
    concepts: tuple[ConceptMention, ...]
    polarity: Polarity
    negations: tuple[str, ...]
    hedges: tuple[str, ...]
    attribution: str | None
    question: bool
    imperative: bool
    anaphor: bool
    assertive: bool
    historical: bool
    quantities: tuple[Quantity, ...]
    same_as: bool = False
    """The clause says the previous statement holds for it too ("The same is true of ...")."""
    anaphors: tuple[str, ...] = ()
    """The words pointing back ("it", "these losses"), lower-cased."""
    past_frame: bool = False
    """The clause sits under a heading or a list lead-in set in the past ("The old rules,
    which no longer apply:", "Before 2020") though it is not told in the past itself ("- You
    must take a loan first."): a changed rule's claims read it as the past
    (:mod:`taxcheck.matching.told_past`)."""

    @cached_property
    def labels(self) -> frozenset[str]:
        """The concepts the clause names (worked out once: the matcher asks often)."""
        return frozenset(c.label for c in self.concepts)
