"""Run every claim's examples through the real pipeline (``taxcheck claims test``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from taxcheck.checker import Checker
from taxcheck.claimdb.models import Claim
from taxcheck.readers.plaintext import read_plaintext

Expectation = Literal["match", "no_match"]


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example sentence."""

    claim_id: str
    index: int
    expect: Expectation
    sentence: str
    found: tuple[str, ...]
    """Claim ids (with verdicts) the sentence produced."""

    @property
    def passed(self) -> bool:
        hit = any(f.split(" ")[0] == self.claim_id for f in self.found)
        return hit if self.expect == "match" else not hit

    def describe(self) -> str:
        actual = ", ".join(self.found) or "no finding"
        want = "a finding" if self.expect == "match" else "no finding"
        return (f"{self.claim_id} {self.expect}[{self.index}]: expected {want} for this claim, "
                f"got {actual}\n    {self.sentence}")


def example_cases(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Expectation, int, str]]:
    """Every (claim, expectation, index, sentence) in the database."""
    for claim in claims:
        for i, sentence in enumerate(claim.examples.match):
            yield claim, "match", i, sentence
        for i, sentence in enumerate(claim.examples.no_match):
            yield claim, "no_match", i, sentence


def run_example(checker: Checker, claim: Claim, expect: Expectation, index: int,
                sentence: str) -> ExampleResult:
    """Check one example sentence as a one-paragraph article."""
    document = read_plaintext("\n" + sentence + "\n", f"<example {claim.id}>")
    # A lone line would be read as a title; the leading blank keeps it a paragraph.
    document = document.model_copy(update={"blocks": [b.model_copy(update={"kind": "paragraph"})
                                                       for b in document.blocks]})
    report = checker.check(document)
    found = tuple(f"{f.claim_id} ({f.verdict})" for f in report.findings)
    return ExampleResult(claim.id, index, expect, sentence, found)


def run_examples(checker: Checker, claims: Iterable[Claim]) -> list[ExampleResult]:
    """Run the examples of ``claims``."""
    return [run_example(checker, *case) for case in example_cases(claims)]
