"""The title of an old page that teaches an abolished rule.

On a page dated before the rule ended, a title that names the write-off, its loss and its
account as something to do ("How to Write It Off Before Tax Day", "5 Things to Know Before
You Write Off a Losing IRA", "Worked Example: Claiming a Loss on a Closed IRA") states the
rule as available, as the page's steps do: the development labellers mark such titles
outdated (g5, s4, w1-2013, w5 and h5's section title: five of five). A title that only asks
("Can You Deduct Investment Losses?") states nothing; one that asks first and then answers
("Lost Money in Your IRA? Here's How to Write It Off") states its answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match, rule_match


def asked_only(cands: Sequence[Candidate]) -> bool:
    """Whether the title only asks: its last sentence is a question ("Roth IRA lost value,
    any deduction?"). A question before a sentence that answers it ("Lost Money in Your IRA?
    Here's How to Write It Off") sets up the title's topic."""
    last = max(c.sentence_index for c in cands)
    return any(c.question and "?" in c.sentence for c in cands if c.sentence_index == last)


TEACHING = frozenset({"DEDUCT", "RECOVER_BASIS"})
"""What the answer after a title's question names when it teaches the write-off ("Here's
How to Write It Off"), not when it lists topics ("Can You Deduct Investment Losses? Stocks,
IRAs and Worthless Shares")."""


def stated_part(cands: Sequence[Candidate]) -> list[Candidate]:
    """The candidates of the title's sentences after its last question sentence; none when a
    question comes first and what follows it names no write-off."""
    asked = [c.sentence_index for c in cands if "?" in c.sentence]
    after = max(asked, default=-1)
    stated = [c for c in cands if c.sentence_index > after]
    if asked and not any(TEACHING & c.labels for c in stated):
        return []
    return stated


def whole_title(cand: Candidate, text: str) -> Candidate:
    """The title's candidate read with the whole title as its sentence: a title is one line,
    and labellers quote it whole ("Lost Money in Your IRA? Here's How to Write It Off")."""
    return replace(cand, sentence=text, sentence_start=0, sentence_end=len(text))


def title_match(claim: Claim, cand: Candidate, year: int) -> tuple[Match, Step]:
    """The title read as the abolished rule it teaches, with the trail step that says why."""
    labels = cand.labels & frozenset(c for cond in claim.when for c in (*cond.all, *cond.any))
    match = rule_match(claim, frozenset(labels or cand.labels))
    step = Step(stage="context", detail=f"a title that teaches the rule on a page dated {year}",
                labels=tuple(sorted(labels)), source="procedure")
    return match, step
