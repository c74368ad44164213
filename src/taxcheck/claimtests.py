"""Run every claim's examples through the real pipeline (``taxcheck claims test``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from taxcheck.checker import Checker
from taxcheck.claimdb.models import Claim
from taxcheck.readers.plaintext import read_plaintext

Expectation = Literal["match", "negated", "history", "no_match"]


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example sentence."""

    claim_id: str
    index: int
    expect: Expectation
    sentence: str
    found: tuple[str, ...]
    """Claim ids (with verdicts) the sentence produced."""
    want: tuple[str, ...] = ()
    """What must be found: ``id (verdict)``, or a bare id for a numeric claim."""
    quiet: tuple[str, ...] = ()
    """Claim ids that must not be found (the claim, or a proposition's twin)."""

    @property
    def passed(self) -> bool:
        ids = {f.split(" ")[0] for f in self.found}
        return (all(w in self.found or w in ids for w in self.want)
                and not ids.intersection(self.quiet))

    def describe(self) -> str:
        actual = ", ".join(self.found) or "no finding"
        want = " and ".join(self.want) or "no finding"
        quiet = f", and nothing for {', '.join(self.quiet)}" if self.want and self.quiet else ""
        return (f"{self.claim_id} {self.expect}[{self.index}]: expected {want}{quiet}, "
                f"got {actual}\n    {self.sentence}")


def expectations(claim: Claim, expect: Expectation) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an example of ``claim`` must produce (``want``) and must not (``quiet``).

    A statement of a proposition reports it with its verdict and not its denial; a denial
    reports the denial with its verdict and not the proposition (the twin stays quiet); a
    sentence telling it as the past reports its ``history`` (accurate) and
    not the proposition.
    """
    denial = claim.negated.id if claim.negated else None
    told = claim.history.id if claim.history else None
    others = tuple(i for i in (denial, told) if i)
    if expect == "match":
        want = f"{claim.id} ({claim.verdict})" if claim.verdict else claim.id
        return (want,), (denial,) if denial else ()
    if expect == "negated" and claim.negated is not None:
        return (f"{claim.negated.id} ({claim.negated.verdict})",), (claim.id,)
    if expect == "history" and told is not None:
        return (f"{told} (accurate)",), (claim.id,)
    return (), (claim.id, *others)


def example_cases(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Expectation, int, str]]:
    """Every (claim, expectation, index, sentence) in the database.

    A proposition's denial and history have no examples of their own: they are the
    proposition's.
    """
    for claim in claims:
        if claim.denial_of is not None or claim.history_of is not None:
            continue
        for expect in ("match", "negated", "history", "no_match"):
            for i, sentence in enumerate(getattr(claim.examples, expect)):
                yield claim, expect, i, sentence


def run_example(checker: Checker, claim: Claim, expect: Expectation, index: int,
                sentence: str) -> ExampleResult:
    """Check one example sentence as a one-paragraph article."""
    document = read_plaintext("\n" + sentence + "\n", f"<example {claim.id}>")
    # A lone line would be read as a title; the leading blank keeps it a paragraph.
    document = document.model_copy(update={"blocks": [b.model_copy(update={"kind": "paragraph"})
                                                       for b in document.blocks]})
    report = checker.check(document)
    found = tuple(f"{f.claim_id} ({f.verdict})" for f in report.findings)
    want, quiet = expectations(claim, expect)
    return ExampleResult(claim.id, index, expect, sentence, found, want, quiet)


def run_examples(checker: Checker, claims: Iterable[Claim]) -> list[ExampleResult]:
    """Run the examples of ``claims``."""
    return [run_example(checker, *case) for case in example_cases(claims)]
