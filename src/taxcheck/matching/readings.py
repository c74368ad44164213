"""The readings of a clause, in the order they are tried (:data:`READINGS`): the first that
matches a claim is taken.

A reply to the question just before comes first, then the clause on its own, then the
retries (:mod:`taxcheck.matching.retries`, one module per family of constructions) that
read it with what the discourse around it supplies. :mod:`.document` calls
:func:`first_reading` for each clause, with the walk as the :class:`Surroundings`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, STATEMENT_KINDS, Block
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import DiscourseContext, Groups, Resolution
from taxcheck.matching.retries.borrowing import MatchFn
from taxcheck.matching.retries.cases import under_case, within_case
from taxcheck.matching.retries.figure_pronouns import as_figure_pronoun
from taxcheck.matching.retries.headings import as_way_of, with_heading
from taxcheck.matching.retries.lead_ins import completes_lead_in
from taxcheck.matching.retries.nearby_clauses import (
    with_consequence,
    with_ellipsis,
    with_explained_clause,
)
from taxcheck.matching.retries.people_ages import with_people_ages
from taxcheck.matching.retries.questions import (
    Question,
    as_answer_to,
    as_wh_reply,
    explains_reply,
)
from taxcheck.matching.retries.worked_examples import (
    Stated,
    in_example,
    with_example_account,
    works_out_rate,
)


class Surroundings(Protocol):
    """What the readings read of the document walked so far (the walk of :mod:`.document`)."""

    context: DiscourseContext
    asked: Question | None
    """The last question asked."""
    stated: Stated | None
    """The last clause that stated a claim."""
    title: set[str]
    heading: set[str]
    lead_paragraph: Groups | None
    """The groups the paragraph just before names, when it ends in a colon."""
    example_section: bool
    """Under a heading that announces a worked example."""

    def numbered_way(self, block: Block) -> bool:
        """A numbered item under a title that promises ways to do something."""
        ...


@dataclass(frozen=True)
class Clause:
    """A clause as each reading of :data:`READINGS` sees it."""

    block: Block
    cand: Candidate
    """The clause as the chain got it (a reading that fails may still change its
    resolution's: the readings after it read this one)."""
    cands: Sequence[Candidate]
    """The clauses of its block."""
    stated: set[int]
    """The starts of the block's clauses that stated a claim."""
    match: MatchFn


Reading = Callable[[Surroundings, Clause, Resolution], tuple[list[Match], Resolution]]
"""A reading of a clause: its matches and the resolution that produced them, or none."""


def _answer(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """A reply to the question just before it (:func:`.retries.questions.as_answer_to`)."""
    return as_answer_to(at.cand, res, walk.asked, walk.context.sentence, at.match)


def _figure_pronoun(walk: Surroundings, at: Clause, res: Resolution
                    ) -> tuple[list[Match], Resolution]:
    """A pronoun that gives a new value of the figure just stated ("It rises to $7,500 in
    2026") (:func:`.retries.figure_pronouns.as_figure_pronoun`)."""
    return as_figure_pronoun(at.cand, res, walk.stated, walk.context.sentence, at.match,
                             walk.context.named_groups)


def _people_ages(walk: Surroundings, at: Clause, res: Resolution
                 ) -> tuple[list[Match], Resolution]:
    """People given ages earlier in the paragraph, each with an amount ("In 2026 she can put
    in $35,750 and I can put in $31,000") (:func:`.retries.people_ages.with_people_ages`)."""
    return with_people_ages(at.cand, res, at.block.text[:at.cand.start], at.match)


def _own(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """The clause on its own, in the case a question just before sets up when that decides
    (:func:`.retries.cases.within_case`)."""
    return within_case(at.match(res.labels), at.cand, res, walk.asked, walk.context.sentence,
                       at.match)


def _wh_answer(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """A reply with no subject of its own to a how/what/when question
    (:func:`.retries.questions.as_wh_reply`); not a table cell, which its row and column
    name (a "Q:"/"A:" line is a row of its own, not a table's)."""
    if at.block.column is not None:
        return [], res
    return as_wh_reply(at.cand, res, walk.asked, walk.context.sentence, at.match)


def _explained_reply(walk: Surroundings, at: Clause, res: Resolution
                     ) -> tuple[list[Match], Resolution]:
    """The sentence after a bare "Yes." (:func:`.retries.questions.explains_reply`)."""
    return explains_reply(at.cand, res, walk.asked, walk.context.sentence, at.match)


def _case(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """The sentence after "Over 50?" (:func:`.retries.cases.under_case`)."""
    return under_case(at.cand, res, walk.asked, walk.context.sentence, at.match)


def _ellipsis(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """Not a heading: the topic and person of the sentence before or a later clause
    (:func:`.retries.nearby_clauses.with_ellipsis`)."""
    if at.block.kind in HEADING_KINDS or (at.block.kind == "paragraph" and at.block.row):
        # a "Label: value" line names its own subject ("Rollover IRA: about $60k" under
        # "Outstanding 401(k) loan: $14,000" is no IRA loan)
        return [], res
    return with_ellipsis(at.cand, res, at.cands, walk.context, at.match)


def _explained_clause(walk: Surroundings, at: Clause, res: Resolution
                      ) -> tuple[list[Match], Resolution]:
    """", because ...", ", but only after ..."
    (:func:`.retries.nearby_clauses.with_explained_clause`)."""
    return with_explained_clause(at.cand, res, at.cands, at.stated, at.match)


def _heading(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """A table cell: its heading's (or the title's) concepts
    (:func:`.retries.headings.with_heading`)."""
    if at.block.row is None:
        return [], res
    return with_heading(res, walk.heading or walk.title, at.match, walk.context)


def _way(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """A numbered item under "9 Ways to ..." (:func:`.retries.headings.as_way_of`)."""
    if not walk.numbered_way(at.block):
        return [], res
    return as_way_of(res, walk.title, at.match)


def _lead_paragraph(walk: Surroundings, at: Clause, res: Resolution
                    ) -> tuple[list[Match], Resolution]:
    """A paragraph after one ending in a colon (:func:`.retries.lead_ins.completes_lead_in`)."""
    if at.block.kind != "paragraph":
        return [], res
    return completes_lead_in(at.cand, res, walk.lead_paragraph, walk.context, at.match)


def _example_account(walk: Surroundings, at: Clause, res: Resolution
                     ) -> tuple[list[Match], Resolution]:
    """A worked example's line: the account the example set up
    (:func:`.retries.worked_examples.with_example_account`)."""
    if at.block.kind not in STATEMENT_KINDS:
        return [], res
    return with_example_account(
        at.cand, res, walk.context,
        lambda: in_example(at.block.text, at.cand, walk.example_section), at.match)


def _rate_example(walk: Surroundings, at: Clause, res: Resolution
                  ) -> tuple[list[Match], Resolution]:
    """An example that works out the rate just stated
    (:func:`.retries.worked_examples.works_out_rate`)."""
    return works_out_rate(at.cand, res, walk.stated, walk.context.sentence)


def _consequence(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """Not a heading: ", so ...", ", which means ..."
    (:func:`.retries.nearby_clauses.with_consequence`)."""
    if at.block.kind in HEADING_KINDS:
        return [], res
    return with_consequence(at.cand, res, at.cands, at.match)


READINGS: tuple[Reading, ...] = (
    _answer,            # "Can I deduct it? Yes, if ..."
    _figure_pronoun,    # "The IRA limit was $7,000 for 2025. It rises to $7,500 in 2026."
    _people_ages,       # "My wife is 61 and I'm 52. She can put in $35,750 and I $32,500."
    _own,               # the clause on its own ("Born in 1950? Your RMDs started at 72.")
    _wh_answer,         # "When do RMDs start? At 70½."
    _explained_reply,   # "Will 20% be withheld? Yes. Any payout sent to you ..."
    _case,              # "Sold $50,000 of stock? That's $50,000 added to your income."
    _ellipsis,          # "In other words, low earners get back half ..."
    _explained_clause,  # "..., because you didn't leave in the year you turned 55"
    _heading,           # a table cell: "Employee deferral: $24,500" under "2026 limits"
    _way,               # "9. Take a hardship withdrawal" under "9 Ways to ..."
    _lead_paragraph,    # "The rule:" / "You skip the 10% penalty."
    _example_account,   # "Say Priya has ... in her IRA." / "She deducts the $3,000 ..."
    _rate_example,      # "... a 50% excise tax. Miss $10,000 and you owe $5,000."
    _consequence,       # "Your plan approves the hardship, so the 10% falls away"
)
"""The readings of a clause, in the order they are tried; the first that matches a claim is
taken. A reply to the question just before comes first, then the clause on its own, then
the retries (:mod:`taxcheck.matching.retries`) that read it with what the discourse around it
supplies."""


def first_reading(walk: Surroundings, at: Clause, res: Resolution
                  ) -> tuple[list[Match], Resolution]:
    """The matches of the first of :data:`READINGS` that matches, with its resolution; no
    matches, and the resolution the last reading left, when none does."""
    matches: list[Match] = []
    for reading in READINGS:
        matches, res = reading(walk, at, res)
        if matches:
            break
    return matches, res
