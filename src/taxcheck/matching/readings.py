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
from taxcheck.documents import HEADING_KINDS, STATEMENT_KINDS, Block, label_line
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import DiscourseContext, Groups, Resolution
from taxcheck.matching.retries.borrowing import MatchFn
from taxcheck.matching.retries.carry_on import (
    Said,
    includes,
    with_past_revived,
    with_previous_sentence,
)
from taxcheck.matching.retries.cases import under_case, within_case
from taxcheck.matching.retries.figure_pronouns import as_figure_follow_on, as_figure_pronoun
from taxcheck.matching.retries.headings import as_way_of, with_heading
from taxcheck.matching.retries.lead_ins import LeadIn, as_item_of, completes_lead_in
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
    qualifies_reply,
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
    title_cells: set[str]
    """What the title lends table cells: all it names, but of a title that asks only the
    things."""
    heading: set[str]
    heading_amounts: set[float]
    """The dollar amounts the section's heading gives."""
    cell_heading: set[str]
    """What the section's heading lends its table cells and "Label: value" lines: all it
    names, but of a heading that names a belief ("Believing You're Too Old to Fund an IRA")
    only the things (the IRA), not the belief."""
    recent: list[tuple[int, frozenset[str], bool]]
    """Each statement sentence of the section: its number, concepts, and whether it is an
    item of a list or of a run of "Label: value" lines."""
    lead_paragraph: Groups | None
    """The groups the paragraph just before names, when it ends in a colon."""
    example_section: bool
    """Under a heading that announces a worked example."""
    last_said: Said | None
    """The last statement sentence of a paragraph or list (not a heading, not a question)."""
    lead: LeadIn | None
    """The lead-in of the list being read."""
    fact_box: bool
    """Only "Label: value" lines have been read since the section's heading."""

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
                             walk.context.grouped)


def _figure_follow_on(walk: Surroundings, at: Clause, res: Resolution
                      ) -> tuple[list[Match], Resolution]:
    """Not a heading nor a table cell: an amount given bare after a statement that names its
    limit ("... a catch-up on top of the 401(k) limit. For 2026: $8,000.")
    (:func:`.retries.figure_pronouns.as_figure_follow_on`)."""
    if at.block.kind in HEADING_KINDS or at.block.column is not None:
        return [], res
    asked = walk.asked
    return as_figure_follow_on(
        at.cand, res, walk.last_said, walk.context.sentence, at.block.text[:at.cand.start],
        at.match, walk.context.grouped, asked.labels if asked is not None
        and asked.sentence == walk.context.sentence - 1 else frozenset())


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


def _qualified_reply(walk: Surroundings, at: Clause, res: Resolution
                     ) -> tuple[list[Match], Resolution]:
    """", but ..." or ", since ..." after a bare "Yes"
    (:func:`.retries.questions.qualifies_reply`)."""
    return qualifies_reply(at.cand, res, walk.asked, walk.context.sentence, at.match)


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
    after_item = any(seen == walk.context.sentence - 1 and item
                     for seen, _, item in walk.recent)
    return with_ellipsis(at.cand, res, at.cands, walk.context, at.match, after_item)


def _carried(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """Not a heading nor a label line: a short follow-on with everything the sentence
    before named (:func:`.retries.carry_on.with_previous_sentence`)."""
    if at.block.kind in HEADING_KINDS or at.block.row:
        return [], res
    return with_previous_sentence(at.cand, res, walk.last_said, walk.context.sentence,
                                  walk.context.groups, at.match)


def _revived(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """Not a heading nor a label line: "And you still can today." after a rule told as history
    (:func:`.retries.carry_on.with_past_revived`)."""
    if at.block.kind in HEADING_KINDS or at.block.row:
        return [], res
    return with_past_revived(at.cand, res, walk.last_said, walk.context.sentence, at.match)


def _explained_clause(walk: Surroundings, at: Clause, res: Resolution
                      ) -> tuple[list[Match], Resolution]:
    """", because ...", ", but only after ..."
    (:func:`.retries.nearby_clauses.with_explained_clause`)."""
    return with_explained_clause(at.cand, res, at.cands, at.stated, at.match,
                                 walk.context.grouped)


def _heading(walk: Surroundings, at: Clause, res: Resolution) -> tuple[list[Match], Resolution]:
    """A table cell: its heading's (or the title's) concepts
    (:func:`.retries.headings.with_heading`)."""
    if at.block.row is None or not at.cand.concepts:
        return [], res  # (a bare amount in a cell names nothing to measure the figure from)
    return with_heading(res, walk.cell_heading or walk.title_cells, at.match, walk.context,
                        title=not walk.heading)


def _heading_figure(walk: Surroundings, at: Clause, res: Resolution
                    ) -> tuple[list[Match], Resolution]:
    """A sentence that repeats the amount its section's heading gives and names ("2. $7,500
    \u2014 the standard catch-up at 50+" / "If you turn 50, you can tack on another $7,500"):
    read with the heading's concepts (:func:`.retries.headings.with_heading`)."""
    if (at.block.kind not in STATEMENT_KINDS or at.block.row is not None
            or not walk.heading_amounts or not any(
                q.kind == "usd" and q.value in walk.heading_amounts
                for q in at.cand.quantities)):
        return [], res
    return with_heading(res, walk.heading, at.match, walk.context)


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
    _figure_follow_on,  # "Workers 50+ can add a catch-up on top. For 2026: $8,000."
    _people_ages,       # "My wife is 61 and I'm 52. She can put in $35,750 and I $32,500."
    _own,               # the clause on its own ("Born in 1950? Your RMDs started at 72.")
    _wh_answer,         # "When do RMDs start? At 70½."
    _explained_reply,   # "Will 20% be withheld? Yes. Any payout sent to you ..."
    _qualified_reply,   # "Take Roth contributions out early? Yes, but you'll pay 10%."
    _case,              # "Sold $50,000 of stock? That's $50,000 added to your income."
    _ellipsis,          # "In other words, low earners get back half ..."
    _revived,           # "Before 2018 you could deduct it." / "And you still can today."
    _carried,           # "... the rest can offset ordinary income." / "There's no cap."
    _explained_clause,  # "..., because you didn't leave in the year you turned 55"
    _heading,           # a table cell: "Employee deferral: $24,500" under "2026 limits"
    _heading_figure,    # "2. $7,500 \u2014 the catch-up at 50+" / "... tack on another $7,500"
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


def _lead_item(walk: Surroundings, at: Clause, res: Resolution
               ) -> tuple[list[Match], Resolution]:
    """A list item with its lead-in (:func:`.retries.lead_ins.as_item_of`)."""
    if at.block.kind != "list_item":
        return [], res
    return as_item_of(at.cand, res, walk.lead, at.match)


def _label_heading(walk: Surroundings, at: Clause, res: Resolution
                   ) -> tuple[list[Match], Resolution]:
    """A "Label: value" line or a definition of a fact box (:func:`.documents.label_line`),
    right under its heading or other label lines (not a table's cell, whose row and column
    name it), with the heading's concepts, not
    the title's (:func:`.retries.headings.with_heading`): a label line further down the
    section ("HCE threshold: $160,000, unchanged" after paragraphs) names its own subject."""
    if not label_line(at.block) or not walk.heading or not walk.fact_box:
        return [], res
    return with_heading(res, walk.cell_heading, at.match, walk.context)


OVERRIDING: tuple[Reading, ...] = (
    _lead_item,         # "You can skip the 10% on IRA money if you:" / "- left your job at 55"
    _label_heading,     # "Roth conversions" / "10% penalty under 59½: yes"
    _wh_answer,         # "How long do I have to roll over the loan offset?" / "Sixty days."
    _carried,           # "Converting ... adds it to income." / "You'll also owe the 10%."
)
"""The readings that may override a clause's own correct reading: what its list's lead-in,
its heading (for a "Label: value" line), the question it answers with no subject of its own
("I left my job with an unpaid 401(k) loan. How long do I have to roll over the offset?
Sixty days, same as any rollover.") or the sentence before names is what it is about."""


def overridden(walk: Surroundings, at: Clause, res: Resolution, own: Sequence[Match]
               ) -> tuple[list[Match], Resolution]:
    """A clause whose own reading is correct ("left your job in the year you turned 55",
    "10% penalty under 59½: yes", "You'll also owe the 10% penalty") but that, read with
    what its lead-in, heading or sentence before names and it does not (the IRA, the
    conversion), states a wrong claim: that claim. Only a wrong claim that a borrowed
    thing takes part in, of a kind (an account, a topic, a loss) the clause names none of,
    and none of the clause's own claims, overrides it ("Don't rebuy the fund in your IRA
    ...; that disallows the loss" under "Tax-loss harvesting moves:" names its own account
    and loss); no figure's
    (an amount is checked against the limit its own words name)."""
    if not own or any(m.verdict != "accurate" for m in own):
        return [], res
    ids = {m.claim.id for m in own}
    for reading in OVERRIDING:
        matches, wider = reading(walk, at, res)
        # what the context names of a kind the clause names nothing of (an account, a topic)
        added = {label for members in walk.context.groups.values()
                 if not res.labels & members for label in (wider.labels - res.labels) & members}
        wrong = [m for m in matches if m.verdict != "accurate" and m.claim.id not in ids
                 and not m.claim.figure and m.concepts & added]
        if wrong:
            return wrong, wider
    return [], res


_ASKED = (_answer, _wh_answer, _explained_reply, _case)
"""The readings that read the question asked before (each reads nothing without one)."""
_UNASKED = tuple(reading for reading in READINGS if reading not in _ASKED)
"""The readings tried when no question was asked yet (most clauses of most articles)."""


def first_reading(walk: Surroundings, at: Clause, res: Resolution
                  ) -> tuple[list[Match], Resolution]:
    """The matches of the first of :data:`READINGS` that matches, with its resolution; no
    matches, and the resolution the last reading left, when none does. The clause's own
    correct reading gives way to a wrong one its context gives (:func:`overridden`). A
    follow-on that says the sentence before holds for a thing it includes ("That includes
    SEP IRAs.") is read only so (:func:`.retries.carry_on.includes`)."""
    said = walk.last_said
    if includes(at.cand) and said is not None and walk.context.sentence - said.sentence == 1:
        # "That includes money you rolled in": what the sentence before said, of a thing it
        # includes, with its polarity; not the pronoun's topic with the clause's own
        return _carried(walk, at, res)
    matches: list[Match] = []
    for reading in READINGS if walk.asked is not None else _UNASKED:
        before = res
        matches, res = reading(walk, at, res)
        if matches and reading is _own:
            wrong, wider = overridden(walk, at, before, matches)
            if wrong:
                return wrong, wider
        if matches:
            break
    return matches, res
