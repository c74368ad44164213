"""Borrowing from headings and titles.

- a table cell or "Label: value" line read with its heading's or title's concepts
  (:func:`with_heading`);
- a numbered item under a title that promises ways ("9 Ways to Get Money Out of Your 401(k)
  Early": "9. Take a hardship withdrawal") (:data:`WAYS_TITLE`, :func:`as_way_of`);
- a quiet heading that states the claim of the section it heads ("Carry it forward, but
  quickly") (:class:`SectionClaim`, :func:`worded`, :func:`opening_concepts`,
  :func:`heading_states`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from taxcheck.clauses import Candidate
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import TOPIC_GROUP, DiscourseContext, Resolution
from taxcheck.matching.retries.borrowing import MatchFn, borrowed, matched_with


def with_heading(res: Resolution, heading: set[str], match: MatchFn,
                 context: DiscourseContext | None = None, title: bool = False
                 ) -> tuple[list[Match], Resolution]:
    """A table cell or a "Label: value" line read with its heading's (or title's) concepts.

    "Employee deferral: $24,500" under "2026 401(k) limits" states the 401(k) deferral
    limit: the label names only what the heading does not. A cell that names a thing of its
    own ("401(k) loan: Yes" in a table comparing it with hardship withdrawals) takes no
    other thing of that kind (``context``'s groups) from the title; read with the ``title``
    (its section's heading names nothing), one that names a topic the title does not ("Rule
    of 55: employer plans only" under "Numbers worth remembering" on a page about the
    IRA-loss deduction) is about that topic and takes nothing from it.
    """
    extra = heading - res.labels
    if context is not None:
        own = context.groups_of(res.labels)
        topics = own.get(TOPIC_GROUP, frozenset())
        if title and topics and not topics & heading:
            return [], res
        extra = {label for label in extra
                 if not any(label in context.groups[group] for group in own)}
    if case_input(res, extra):
        return [], res
    return matched_with(res, extra, match, "the heading of the table or list", "section")


_NAMES_NOTHING = frozenset({"LIMIT", "SUM_TOTAL", "ACCOUNT_REFERENCE", "RETIREMENT_ACCOUNT",
                            "IRA", "ROTH_IRA", "TRADITIONAL_IRA", "AGI", "WITHDRAW"})
"""What a label line's own words may name and still give only a figure of a worked example's
case: an amount, a total, the account, what was paid out, the income."""
_OF_AGI = frozenset({"ADD_TO", "ORDINARY_INCOME"})
"""What the words of "adjusted gross income" name besides the AGI itself."""
_YEAR_LABEL = re.compile(r"^\W*(?:19|20)\d\d\b")
_INPUTS = _NAMES_NOTHING | {"BASIS", "CONTRIBUTION", "AFTER_TAX", "CONTRIBUTIONS_ONLY"}
"""What a worked example's input line may name: besides what names nothing, the basis and
the after-tax contributions that make it ("Basis: $10,000", "Nondeductible contributions:
$8,000")."""


def case_input(res: Resolution, extra: set[str] | frozenset[str]) -> bool:
    """A "Label: value" line under a heading of a loss written off ("Worked Example: Claiming
    a Loss on a Closed IRA") whose own words name neither the loss, the deduction, nor a
    part of the rule ("Amount distributed: $12,500", "AGI: $75,000", "Total distributed
    when she closes the account: $5,400", "Nondeductible contributions: $12,000") gives a
    figure of the example's case: it states nothing (the development labellers leave such
    lines out and mark the line that figures the loss). A year's row ("2026: $3,000") gives
    the heading's figure for that year."""
    own = {label for label in res.cand.labels if "/" not in label}
    if "AGI" in own:
        own -= _OF_AGI
    return ({"LOSS", "DEDUCT"} <= extra | res.labels and own <= _INPUTS
            and any(q.kind == "usd" for q in res.cand.quantities)
            and _YEAR_LABEL.match(res.cand.text) is None)


def case_figure(res: Resolution) -> bool:
    """A "Label: value" line of a worked example that gives one of its case's inputs in
    dollars ("Basis: $10,000", "Amount received: $6,500"): under an open procedure it is no
    step and states nothing; the line that figures the result ("Loss: $3,500", "Deductible
    after the 2% floor: $1,900") names the loss or the deduction and is one."""
    # (the amount's own concepts, "$10,000" a loan's floor, are not what the label names)
    own = {m.label for m in res.cand.concepts
           if "/" not in m.label and not any(c.isdigit() for c in m.text)}
    return (bool(own) and own <= _INPUTS and any(q.kind == "usd" for q in res.cand.quantities)
            and _YEAR_LABEL.match(res.cand.text) is None)


_TOPIC_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&|vs\.?|versus)\s+",
                              re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|"
    r"must|may|might|need|needs|get|gets|pay|pays|owe|owes|require|requires|start|starts|"
    r"count|counts|apply|applies|mean|means|work|works|let|lets|make|makes|take|takes|"
    r"keep|keeps|go|goes|write|deduct|claim|how|why|when|what|where|who|which|"
    r"\w+n(?:'|\u2019)t)\b", re.IGNORECASE)
"""Words that make a heading a clause or a question rather than a list of topics."""


def lists_topics(text: str) -> bool:
    """The heading lists the page's topics, three or more short noun phrases and no verb
    ("My first RMD, a Roth 401(k) and Dad's IRA", "IRA losses, wash sales & the 2% floor"):
    it names what the page is about and states nothing of them."""
    s = text.strip().rstrip(".!")
    if "?" in s or ":" in s or _VERB.search(s):
        return False
    parts = [p for p in _TOPIC_SEPARATOR.split(s) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 6 for p in parts)


WAYS_TITLE = re.compile(
    r"^\W*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several)"
    r"\s+(?:[\w'\u2019-]+\s+){0,2}?(?:ways|strategies|options|methods|routes)"
    r"\s+(?:to|you\s+can|for)\b", re.IGNORECASE)
"""A title that promises a number of ways to do something ("9 Ways to Get Money Out of Your
401(k) Early Without the Penalty"): each numbered item names one of them."""


_NUMBERED = re.compile(r"^\s*(?:#\s*)?\d{1,2}\s*[.):]\s")
"""An item numbered in its text ("9. Take a hardship withdrawal")."""


def numbered(block_text: str, number: int | None) -> bool:
    """The block is a numbered item: a numbered list item or a heading "9. ..."."""
    return number is not None or _NUMBERED.match(block_text) is not None


def as_way_of(res: Resolution, title: set[str], match: MatchFn
              ) -> tuple[list[Match], Resolution]:
    """A numbered item under a title that promises ways to do something ("9 Ways to Get
    Money Out of Your 401(k) Early Without the Penalty") says its way does it: "9. Take a
    hardship withdrawal" says a hardship withdrawal escapes the penalty."""
    extra = title - res.labels
    if not extra:
        return [], res
    matches = match(res.labels | title)
    if not matches:
        return [], res
    return matches, borrowed(res, extra, "the title, whose ways it numbers", "title")


_HEADING_LEAD = re.compile(
    r"^\W*(?:(?:\d{1,2}|step\s+\d{1,2})\s*[.):]\s*)?"
    r"(?P<openers>(?:(?:or|and|but|then|so|also|just|never|don['\u2019]?t|do\s+not)\s+)*)",
    re.IGNORECASE)
"""What a heading may say before its first word of substance: a number ("3.", "Step 2:")
and openers ("Or carry it back", "Don't sit on ..."). """


SPECIFIC_FACTS = 5
"""A concept counts as specific to a claim when the conditions of at most this many facts
name it: "carry back", "a lower bracket", "70½" are; "limit", "contribute", "IRA" are not."""


SECTION_GROUPS = frozenset({"account", "loss"})
"""Groups that name what a section is about, not what it says about it."""


AVAILABLE = frozenset({"DEDUCT", "WHEN_IT_WORKS", "LIMITED_CIRCUMSTANCES", "NARROW_EXCEPTION",
                       "THE_EXCEPTION", "EXCEPTION_WORD", "HEDGED_WRITE_OFF", "ANOTHER_WAY"})
"""What a topic heading names when it presents a break as there to be had: a deduction,
an exception, when it works ("When a loss becomes deductible", "The exception hardly anyone
uses"); a heading that only names a subject ("A word about required distributions",
"Hardship withdrawals from your 401(k)") presents nothing."""


@dataclass(frozen=True)
class SectionClaim:
    """A heading, quiet on its own, that may state the claim of the section it heads."""

    index: int
    """The heading's block index."""
    cand: Candidate
    """The heading's first clause."""
    opening: frozenset[str]
    """The specific concepts the heading opens with ("Carry it forward": CARRYFORWARD)."""
    said: frozenset[str]
    """The concepts the heading names, but for what its section is about (an account, a
    loss)."""
    topic: bool = False
    """The heading names a topic ("When a loss becomes deductible", "The exception hardly
    anyone uses"), worded as no statement: it presents an abolished rule that its section's
    first sentence states as available (:func:`heading_states`). ``said`` then holds the
    concepts it names with those they stand for."""


def section_subjects(context: DiscourseContext) -> set[str]:
    """The concepts that name what a section is about (:data:`SECTION_GROUPS`)."""
    return set().union(*(context.groups.get(g, set()) for g in SECTION_GROUPS))


def worded(cand: Candidate, block_text: str) -> bool:
    """A heading worded as a statement or an instruction, not as a topic: by its verb
    (``cand.imperative``, ``cand.assertive``) or by a word that only opens a clause ("Or
    carry it back", "Don't sit on ...")."""
    if cand.imperative or cand.assertive:
        return True
    lead = _HEADING_LEAD.match(block_text)
    return bool(lead and lead.group("openers"))


def opening_concepts(cand: Candidate, block_text: str, context: DiscourseContext,
                     counts: dict[str, int]) -> frozenset[str]:
    """The specific concepts a heading's first word of substance starts: the heading opens
    with what it says ("Carry it forward, but quickly", "Or carry it back", "70½ - when the
    IRS wants its cut"). A heading that names its topic after a verb of advice ("Think about
    your heirs", "Don't forget your heirs", "Watch the wash-sale rule") opens with no such
    concept, and "Max out your 401(k)" opens with one too common to say anything."""
    lead = _HEADING_LEAD.match(block_text)
    start = lead.end() if lead else 0
    if start < cand.start:
        start = cand.start
    subjects = section_subjects(context)
    return frozenset(m.label for m in cand.concepts
                     if m.start == start and m.label not in subjects
                     and counts.get(m.label, 0) <= SPECIFIC_FACTS)


ANNOUNCES = AVAILABLE - {"DEDUCT"}
"""What a topic heading names when it announces a way or an exception that its section's
first paragraph spells out ("The exception: when you've got basis", "A narrow exception")."""


def announces(pending: SectionClaim) -> bool:
    """The heading is a topic that announces a way or an exception (:data:`ANNOUNCES`): the
    rule it presents may come later in the first paragraph than its first sentence ("The
    one opening involves basis. ... you may be able to claim the difference")."""
    return pending.topic and bool(pending.said & ANNOUNCES)


def heading_states(pending: SectionClaim, first: Sequence[Match],
                   vocab: dict[str, frozenset[str]]) -> Match | None:
    """The wrong claim of the first sentence of the section that the heading states: one
    whose conditions name a concept the heading opens with ("Carry it forward, but quickly"
    over "Unused losses ... expire after five years")."""
    for m in first:
        words = vocab.get(m.claim.id, frozenset())
        if pending.topic:
            # a topic heading over a section that presents an abolished rule as available
            # presents it too, when it names something the rule is about, or announces a way
            # or an exception ("The exception: when you've got basis")
            if (m.verdict == "outdated" and not m.claim.figure
                    and (pending.said & words & AVAILABLE or announces(pending))):
                return replace(m, fix=None)
            continue
        # and says nothing the claim does not: "Missing one no longer costs half" (it ENDED)
        # is not the claim of a paragraph on waivers of the missed-RMD tax
        said = {label for label in pending.said
                if "/" not in label or label.startswith(f"{m.claim.id}/")}
        if m.verdict != "accurate" and pending.opening & words and said <= words:
            return replace(m, fix=None)
    return None
