"""Lead-ins and their lists: a sentence or paragraph ending in a colon that what follows
completes.

- a list's lead-in ("Penalty-free exceptions include:", "You can't use the rule of 55
  for:") and each item that completes it (:class:`LeadIn`, :func:`lead_in_of`,
  :func:`as_item_of`);
- a paragraph ending in a colon ("The rule:") and the first sentence of the paragraph after
  it (:func:`completes_lead_in`);
- a block's short run-in lead ("**Harvesting inside your IRA.** Nothing to harvest there:
  ...") that its body answers (:func:`run_in_lead`, :func:`answered_by_body`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.clauses import Candidate
from taxcheck.findings import Finding
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import DiscourseContext, Resolution
from taxcheck.matching.retries.borrowing import MatchFn, borrowed, matched_with
from taxcheck.matching.retries.questions import ANSWERS


def completes_lead_in(cand: Candidate, res: Resolution, lead: Mapping[str, frozenset[str]] | None,
                      context: DiscourseContext, match: MatchFn
                      ) -> tuple[list[Match], Resolution]:
    """The first sentence of a paragraph right after a paragraph that ends in a colon ("Hardship
    withdrawals come with one big perk. The rule:") completes it: "You skip the 10%
    early-withdrawal penalty" is said of the hardship withdrawal the lead-in paragraph
    names. ``lead`` holds the groups that paragraph names; the sentence takes those it
    names none of, and keeps its own polarity."""
    if lead is None or cand.sentence_index != 0 or cand.question or cand.attribution:
        return [], res
    wider, _ = context.resolve(cand, dict(lead), labels=res.labels)
    return matched_with(res, wider - res.labels, match, "the paragraph leading into it",
                         "lead-in")


@dataclass(frozen=True)
class LeadIn:
    """The sentence ending in a colon that introduces a list ("Penalty-free exceptions
    include:", "You can't use the rule of 55 for:"): each item completes it."""

    labels: AbstractSet[str]
    polarity: str
    negations: tuple[str, ...]
    line: int
    claims: frozenset[str] = frozenset()
    """Claims the lead-in states on its own: an item does not state them again."""


UNCHANGED = "FIXED"
"""The concept of a change denied ("doesn't change", "won't change"): in a lead-in, what the
list after it says still holds."""
_WORDS = re.compile(r"\w")
"""A letter or digit: a sentence goes on."""


def lead_in_of(cands: Sequence[Candidate], text: str, labels: Sequence[frozenset[str]],
               line: int, claims: frozenset[str] = frozenset()) -> LeadIn | None:
    """The lead-in a block ends with: its last sentence, when the block ends in a colon.

    ``labels`` are the resolved concepts of each of ``cands``; ``claims`` those its last
    sentence matched. The lead-in denies what its items complete when one of its clauses is
    negated ("These don't count as hardships:"). A last sentence that names nothing ("The
    IRA-loss deduction is gone. Here's what to do instead:") leads in with nothing: the
    sentence before it is not the lead-in.
    """
    if not text.rstrip().endswith(":") or not cands:
        return None
    last = max(c.sentence_index for c in cands)
    own = [(c, ls) for c, ls in zip(cands, labels, strict=True) if c.sentence_index == last]
    if any(c.question for c, _ in own) or _WORDS.search(text, max(c.sentence_end for c, _ in own)):
        return None
    named = frozenset[str]().union(*(ls for _, ls in own)).difference(ANSWERS)
    denied = next((c for c, _ in own if c.polarity == "negated"), None)
    if denied is not None and UNCHANGED in denied.labels:
        # "It doesn't change the tax:", "Proving a hardship won't change what you owe:": a
        # change denied says the items after it still hold, it denies none of them
        named, denied = named - {UNCHANGED}, None
    if not named:
        return None
    if denied is None:
        return LeadIn(named, "affirmed", (), line, claims)
    return LeadIn(named, "negated", denied.negations, line, claims)


def as_item_of(cand: Candidate, res: Resolution, lead: LeadIn | None, match: MatchFn
               ) -> tuple[list[Match], Resolution]:
    """A list item that states nothing on its own completes its lead-in: "Medical expenses"
    under "Plans allow hardship withdrawals for:" states that medical expenses qualify;
    "IRAs" under "The age-55 rule doesn't cover:" denies that it covers IRAs. The item
    keeps its own denial ("Not IRAs"); an affirmed item takes the lead-in's. A claim the
    lead-in states by itself ("Plans may allow hardship withdrawals only for:") is not stated
    again by each item: an item says what the lead-in leaves open."""
    if lead is None or cand.question or cand.attribution:
        return [], res
    extra = lead.labels - res.labels
    if not extra:
        return [], res
    stated = cand
    if lead.polarity == "negated" and cand.polarity == "affirmed":
        stated = replace(cand, polarity="negated", negations=lead.negations)
    matches = [m for m in match(res.labels | lead.labels, stated)
               if m.claim.id not in lead.claims and m.concepts & res.labels]
    if not matches:
        return [], res
    return matches, borrowed(res, extra, f"the list's lead-in on line {lead.line}",
                              "lead-in", cand=stated)


RUN_IN_WORDS = 8
"""The most words of a run-in lead ("Harvesting inside your IRA.", "Convert with a safety
net.")."""


def run_in_lead(cand: Candidate, cands: Sequence[Candidate]) -> bool:
    """The clause is its block's run-in lead: the first sentence, of at most
    :data:`RUN_IN_WORDS` words and ending in a full stop, of a paragraph or list item that
    goes on ("**Harvesting inside your IRA.** Nothing to harvest there: ..."). A lead that
    gives an amount ("Required minimum distributions begin at age 72.", "One per IRA in any
    12-month stretch.") states it, whatever the body says next."""
    sentence = cand.sentence.strip()
    return (cand.sentence_index == 0 and sentence.endswith(".") and not cand.quantities
            and len(sentence.split()) <= RUN_IN_WORDS
            and any(c.sentence_index > 0 for c in cands))


def answered_by_body(lead: Sequence[Finding], body: Sequence[Finding],
                     fact_of: Mapping[str, str | None]) -> list[Finding]:
    """The wrong findings of a run-in lead that its body answers: the lead names a topic
    ("Harvesting inside your IRA."), and the body says what holds of it ("Nothing to harvest
    there: trades inside the account never reach your return"), stating the same fact
    correctly. The lead is a label, not a claim the body takes back: it states the wrong
    claim only with what it borrowed from the title, its section or the sentences before
    (:data:`LABEL_SOURCES`); a lead that states it in its own words is corrected, not
    answered."""
    right = {fact_of.get(f.claim_id) for f in body
             if f.verdict == "accurate" and f.framing != "myth"}
    right.discard(None)
    return [f for f in lead if f.verdict != "accurate" and fact_of.get(f.claim_id) in right
            and any(s.stage == "context" and s.source in LABEL_SOURCES for s in f.trail)]


LABEL_SOURCES = frozenset({"section", "context"})
"""Where a lead that only names a topic borrows the rest of a claim from: the title or its
section's heading, or the sentences before it (not a question it answers)."""
