"""Worked examples: the set-up of a case ("Say Priya has ...", a "By the numbers" heading)
and the lines that figure the rule in dollars.

- what is an example's set-up or line (:data:`EXAMPLE_HEADING`, :func:`scenario`,
  :func:`worked_example_line`, :func:`in_example`);
- a line that names no account takes the example's (:func:`with_example_account`);
- an example right after a rate was stated restates the rate ("Miss a $10,000 distribution
  and you owe $5,000") (:class:`Stated`, :func:`works_out_rate`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import ACCOUNT_GROUP, DiscourseContext, Resolution
from taxcheck.matching.retries.borrowing import MatchFn, matched_with

EXAMPLE_HEADING = re.compile(
    r"^\W*examples?\W*$|"
    r"\b(?:(?:a|an|worked|quick|real[- ]world)\s+examples?|for\s+example|example\s*:|"
    r"by\s+the\s+numbers|the\s+math|how\s+it\s+(?:works|plays\s+out|adds\s+up)|"
    r"run(?:ning)?\s+the\s+numbers|crunch(?:ing)?\s+the\s+numbers|case\s+study)\b",
    re.IGNORECASE)
"""A heading that announces a worked example of the rule before it ("A worked example",
"By the numbers"): the procedure stays open under it."""


_STEP_OF_EXAMPLE = frozenset({"LOSS", "DEDUCT", "BELOW_BASIS"})
"""What a line of a worked example names besides its amount ("Your loss is $2,500", "so
you'd deduct $700")."""


_SCENARIO = re.compile(r"^\W*(?:(?:now|and|so|then|next|but|or)\W+)?"
                       r"(?:say|suppose|imagine|assume|let(?:'|\u2019)?s\s+say)\b",
                       re.IGNORECASE)
"""The set-up of a worked example ("Say you put in $8,000 ..."): the facts of the case, not
a line that figures the rule."""


def scenario(cand: Candidate) -> bool:
    """The sentence sets up a case ("Say you ...", "Now suppose ..."): it states facts of the
    case, neither the rule nor that the rule is gone."""
    return bool(_SCENARIO.match(cand.sentence))


def worked_example_line(cand: Candidate, labels: AbstractSet[str]) -> bool:
    """A line of a worked example: a dollar amount and the loss or deduction it figures."""
    return (any(q.kind == "usd" for q in cand.quantities)
            and bool(_STEP_OF_EXAMPLE & labels) and not scenario(cand))


_CASE_SET_UP = re.compile(
    r"(?:^|[.!?:]\s+)\W*(?:(?:now|so)\W+)?(?:say|suppose|imagine|assume|let(?:'|\u2019)?s\s+say|"
    r"for\s+(?:example|instance)|example|here(?:'|\u2019)?s\s+the\s+math|take)\b",
    re.IGNORECASE)
"""A sentence that sets up a worked example ("Say Priya has ...", "For example, suppose
...", "Example from my own return: ...")."""


def in_example(block_text: str, cand: Candidate, example_section: bool) -> bool:
    """The clause is a line of a worked example: in a section whose heading announces one
    ("Worked example"), or after a sentence of its paragraph that sets up the case ("Say
    Priya has ...")."""
    if example_section:
        return True
    before = block_text[:cand.sentence_start]
    return bool(before.strip()) and _CASE_SET_UP.search(before) is not None


def with_example_account(cand: Candidate, res: Resolution, context: DiscourseContext,
                         example: Callable[[], bool], match: MatchFn
                         ) -> tuple[list[Match], Resolution]:
    """A line of a worked example that figures a loss or deduction in dollars and names no
    account ("She deducts the $3,000 shortfall on Schedule A", "You'd deduct the $1,500
    loss") is about the account the example set up in the sentences just before it ("Say
    Priya has $12,000 of after-tax contributions in her traditional IRA ..."). Other lines
    of the example, and lines that name their own account, take nothing. ``example`` says
    whether the clause is in a worked example (asked last: most clauses are no such line)."""
    accounts = context.groups.get(ACCOUNT_GROUP, set())
    if res.labels & accounts or not worked_example_line(cand, res.labels) or not example():
        return [], res
    source = {g: ls for g, ls in context.recent_in_section().items() if g == ACCOUNT_GROUP}
    wider, _ = context.resolve(cand, source, only=[ACCOUNT_GROUP], labels=res.labels)
    return matched_with(res, wider - res.labels, match, "the case its worked example set up",
                         "worked-example")


@dataclass(frozen=True)
class Stated:
    """The last clause that stated a claim, with its matches."""

    cand: Candidate
    matches: tuple[Match, ...]
    sentence: int
    line: int


RATE_TOLERANCE = 0.005
"""How far two amounts' ratio may be from a stated rate and still work it out."""


def _works_out(amounts: list[float], rates: list[float]) -> bool:
    """Two of ``amounts`` are a rate of each other, or what is left after it ($5,000 of
    $10,000 is 50%; $8,000 of $10,000 is what 20% withheld leaves)."""
    for i, small in enumerate(amounts):
        for big in amounts[i + 1:]:
            if big <= small or big <= 0:
                continue
            share = small / big
            if any(abs(share - r) < RATE_TOLERANCE or abs(1 - share - r) < RATE_TOLERANCE
                   for r in rates):
                return True
    return False


def _about_rate(m: Match, rates: list[float]) -> bool:
    """The match is about one of ``rates``: it checked the rate as a figure ("50% is the
    2022 figure"), or its claim names it ("the 20% for rollover distributions")."""
    named = [f"{r * 100:g}%" for r in rates]
    return (any(n in step.detail for step in m.steps for n in named)
            or any(n in f"{m.claim.says} {m.claim.rule}" for n in named))


def works_out_rate(cand: Candidate, res: Resolution, last: Stated | None, sentence: int
                   ) -> tuple[list[Match], Resolution]:
    """A worked example right after a rate was stated restates it: "the IRS imposes a 50%
    excise tax on what you didn't take. Miss a $10,000 distribution and you owe $5,000."
    states the 50% again, and so does "so to have $8,000 in hand you request $10,000"
    after "the plan must withhold 20%". Only the wrong claims of the clause before that are
    about the rate are restated: the example repeats a mistake, it adds no right rule of
    its own, and it says nothing of the clause's other claims."""
    if last is None or not 0 < sentence - last.sentence <= 1 or cand.question:
        return [], res
    rates = [q.value / 100 for q in last.cand.quantities if q.kind == "percent" and q.value]
    amounts = sorted({float(q.value) for q in cand.quantities if q.kind == "usd"})
    if not rates or not 2 <= len(amounts) <= 3 or not _works_out(amounts, rates):
        return [], res
    wrong = [replace(m, fix=None) for m in last.matches
             if m.verdict != "accurate" and _about_rate(m, rates)]
    if not wrong:
        return [], res
    return wrong, replace(res, steps=[*res.steps, Step(
        stage="context", detail=f"a worked example of the rate stated on line {last.line}",
        labels=tuple(sorted({c for m in wrong for c in m.concepts})),
        source="worked-example")])
