"""Retries for a statement that matches no claim on its own.

Each takes the clause, its :class:`Resolution` and a ``match`` function (concept labels ->
matches) and returns the matches of a wider reading with the resolution that produced them,
or no matches and the resolution unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import ACCOUNT_GROUP, DiscourseContext, Resolution
from taxcheck.matching.messages import claim_message
from taxcheck.matching.years import AMOUNT_KINDS

MatchFn = Callable[..., list[Match]]
"""Concept labels (and, optionally, the clause to match instead) -> matches."""

ELLIPSIS_GROUPS = ("topic", "person")
"""Groups a statement that matches no claim on its own takes from the sentence just before
it ("In other words, low earners get back half of everything they contribute" after a
sentence on the Saver's Credit) or from a later clause of its own sentence ("you're taxed
on what you contributed, not on the value the day you converted")."""
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
    if not wider - res.labels:
        return [], res
    matches = match(wider)
    if not matches:
        return [], res
    return matches, _borrowed(res, wider - res.labels, "the paragraph leading into it",
                              "lead-in")


_REASON = re.compile(r"^[,;]?\s*(?:because|since)\b", re.IGNORECASE)
"""A clause that gives the reason for the one before it (", because ...", ", since ...")."""
_RESTRICTION = re.compile(r"^[,;]?\s*(?:but\s+|and\s+)?only\s+(?:after|once|if|when|until)\b",
                          re.IGNORECASE)
"""A clause that restricts the one before it (", but only after each one has been in the
account for five years"): the two state one rule, whatever the first says on its own."""


def _same_sentence(cands: Sequence[Candidate], cand: Candidate) -> list[Candidate]:
    return [c for c in cands if c.sentence_index == cand.sentence_index]


def with_ellipsis(cand: Candidate, res: Resolution, cands: Sequence[Candidate],
                  context: DiscourseContext, match: MatchFn) -> tuple[list[Match], Resolution]:
    """Try again with the topic and person of the sentence before, or of a later clause."""
    if all(res.labels & context.groups.get(group, set()) for group in ELLIPSIS_GROUPS):
        return [], res  # it names a topic and a person already: nothing to take
    later = context.groups_of(frozenset().union(*(
        c.labels for c in _same_sentence(cands, cand) if c.start > cand.start)))
    wider, more = context.resolve(cand, {**context.previous(), **later},
                                  only=ELLIPSIS_GROUPS, labels=res.labels)
    if not wider - res.labels:
        return [], res
    matches = match(wider)
    res = replace(res, steps=res.steps + more)
    if not matches:
        return [], res
    return matches, replace(res, labels=wider, referred=res.referred | (wider - res.labels))


def with_explained_clause(cand: Candidate, res: Resolution, cands: Sequence[Candidate],
                          stated: set[int], match: MatchFn) -> tuple[list[Match], Resolution]:
    """", because ...": the reason completes a clause before it that states nothing on its own.

    "Quitting at 54 doesn't work, because you didn't leave in the year you turned 55" speaks
    of the same things as the clause it explains.
    """
    restricts = _RESTRICTION.match(cand.text) is not None
    if not (restricts or _REASON.match(cand.text)):
        return [], res  # (most clauses: tested before the clauses before it are gathered)
    earlier = [c for c in _same_sentence(cands, cand) if c.start < cand.start]
    if not restricts and any(c.start in stated for c in earlier):
        return [], res
    before = set().union(*(c.labels for c in earlier))
    if not before - res.labels:
        return [], res
    # "IRA RMDs are not delayed because you keep working": the reason is denied with them
    denied = next((c for c in earlier if c.polarity == "negated"), None)
    if denied is not None and cand.polarity == "affirmed":
        cand = replace(cand, polarity="negated", negations=denied.negations)
        res = replace(res, cand=cand)
    matches = match(res.labels | before, cand)
    if not matches:
        return [], res
    named = ", ".join(sorted(before - res.labels))
    return matches, replace(res, steps=[*res.steps, Step(
        stage="context", detail=f"{named} from the clause it explains",
        labels=tuple(sorted(before - res.labels)), source="explained-clause")])


_CONSEQUENCE = re.compile(
    r"^[,;:\s]*(?:and\s+)?(?:so|which\s+means|meaning|that\s+means|which\s+is\s+why|"
    r"that(?:'|\u2019)?s\s+why|therefore|thus|hence|as\s+a\s+result)\b"
    r"(?!\s+(?:long|far|much|many|that)\b)",
    re.IGNORECASE)
"""A clause that states the consequence of the one before it (", so the 10% falls away",
", which means ..."): the two speak of the same things."""


def with_consequence(cand: Candidate, res: Resolution, cands: Sequence[Candidate],
                     match: MatchFn) -> tuple[list[Match], Resolution]:
    """A clause read with what the clause it is the cause or consequence of names.

    "Your plan approves the hardship, so the 10% falls away" says the hardship payout is
    penalty-free, whichever of the two clauses is read; "the protection goes with the money,
    so an IRA keeps it" needs the IRA of the second clause in the first. The clause keeps
    its own polarity and cues, and takes nothing from a clause of the other polarity;
    clauses that state dollar amounts are left to the figure checks.
    """
    sentence = _same_sentence(cands, cand)
    at = next((i for i, c in enumerate(sentence) if c.start == cand.start), None)
    if at is None:
        return [], res
    if _CONSEQUENCE.match(cand.text):
        others = sentence[:at]  # the cause(s) before it
    elif at + 1 < len(sentence) and _CONSEQUENCE.match(sentence[at + 1].text):
        others = [sentence[at + 1]]  # its consequence
    else:
        return [], res
    if any(q.kind == "usd" for c in (cand, *others) for q in c.quantities):
        return [], res  # an amount belongs to the limit its own clause names
    extra = set().union(*(c.labels for c in others if c.polarity == cand.polarity))
    extra -= res.labels
    if not extra:
        return [], res
    matches = match(res.labels | extra)
    if not matches:
        return [], res
    return matches, _borrowed(res, extra, "the clause it states the cause or consequence of",
                              "consequence")


def with_heading(res: Resolution, heading: set[str], match: MatchFn,
                 context: DiscourseContext | None = None) -> tuple[list[Match], Resolution]:
    """A table cell or a "Label: value" line read with its heading's (or title's) concepts.

    "Employee deferral: $24,500" under "2026 401(k) limits" states the 401(k) deferral
    limit: the label names only what the heading does not. A cell that names a thing of its
    own ("401(k) loan: Yes" in a table comparing it with hardship withdrawals) takes no
    other thing of that kind (``context``'s groups) from the title.
    """
    extra = heading - res.labels
    if context is not None:
        own = context.groups_of(res.labels)
        extra = {label for label in extra
                 if not any(label in context.groups[group] for group in own)}
    if not extra:
        return [], res
    matches = match(res.labels | extra)
    if not matches:
        return [], res
    return matches, _borrowed(res, extra, "the heading of the table or list", "section")


def _borrowed(res: Resolution, extra: set[str] | frozenset[str], where: str, source: str,
              **changes: object) -> Resolution:
    """``res`` with ``extra`` concepts taken from ``where``, and the trail step saying so."""
    named = ", ".join(sorted(extra))
    return replace(res, labels=res.labels | extra, **changes, steps=[*res.steps, Step(
        stage="context", detail=f"{named} from {where}", labels=tuple(sorted(extra)),
        source=source)])


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
    return matches, _borrowed(res, extra, "the title, whose ways it numbers", "title")


@dataclass(frozen=True)
class LeadIn:
    """The sentence ending in a colon that introduces a list ("Penalty-free exceptions
    include:", "You can't use the rule of 55 for:"): each item completes it."""

    labels: frozenset[str]
    polarity: str
    negations: tuple[str, ...]
    line: int
    claims: frozenset[str] = frozenset()
    """Claims the lead-in states on its own: an item does not state them again."""


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
    named = frozenset().union(*(ls for _, ls in own)) - ANSWERS.keys()
    denied = next((c for c, _ in own if c.polarity == "negated"), None)
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
    return matches, _borrowed(res, extra, f"the list's lead-in on line {lead.line}",
                              "lead-in", cand=stated)


@dataclass(frozen=True)
class Procedure:
    """A rule that no longer exists, stated as available ("Here's how to deduct your IRA
    loss"): until its section ends, each step that speaks of it states it again."""

    claim: Claim
    level: int
    """The heading level of the section it was stated in (0: the title, the whole article)."""
    vocabulary: frozenset[str]
    """The concepts of the claim's conditions: a step names at least one of them."""
    line: int


def procedure_of(match: Match, cand: Candidate, level: int, line: int) -> Procedure | None:
    """The procedure a match opens: an outdated rule (not a figure) the clause affirms."""
    claim = match.claim
    if match.verdict != "outdated" or claim.figure or cand.polarity != "affirmed":
        return None
    vocabulary = frozenset(c for cond in claim.when for c in (*cond.all, *cond.any))
    return Procedure(claim, level, vocabulary, line)


_HOW_TO = re.compile(
    r"(?:^\W*|\b(?:here(?:'|\u2019)?s|here\s+is|this\s+is)\s+)how\s+(?:to|you\s+(?:can|could))"
    r"\s+(?!(?:tell|know|find|figure|work|check|see|decide|determine|learn|understand|think|"
    r"judge|spot|avoid|handle|deal|cope)\b)", re.IGNORECASE)
"""A how-to lead-in: "How to claim an IRA loss", "Here's how to write it off", "With the
freeze over, here's how to claim it on your 2026 return:". How to find out ("Here's how to
tell whether ...") or to avoid or deal with something teaches nothing about it."""


def how_to(cand: Candidate) -> bool:
    """The clause is a how-to lead-in ("Here's how to deduct the loss", "How to write off a
    loss in your IRA"): a teaser, read as asking nothing, whose instructions presuppose that
    what they teach can be done."""
    return cand.question and not cand.text.rstrip().endswith("?") and bool(
        _HOW_TO.search(cand.text))


def presupposed(matches: list[Match]) -> list[Match]:
    """What a how-to lead-in states by presupposing it can be done: only a rule that no
    longer exists (an outdated claim, not a figure) is wrong to teach. "Here's how to claim
    your IRA loss on Schedule A" teaches an abolished deduction; "Here's how to report a
    loss in your brokerage account" presupposes nothing wrong, and a how-to states no
    other claim (its steps do)."""
    return [m for m in matches if m.verdict == "outdated" and not m.claim.figure]


EXAMPLE_HEADING = re.compile(
    r"\b(?:(?:a|an|worked|quick|real[- ]world)\s+examples?|for\s+example|example\s*:|"
    r"by\s+the\s+numbers|the\s+math|how\s+it\s+(?:works|plays\s+out|adds\s+up)|"
    r"run(?:ning)?\s+the\s+numbers|crunch(?:ing)?\s+the\s+numbers|case\s+study)\b",
    re.IGNORECASE)
"""A heading that announces a worked example of the rule before it ("A worked example",
"By the numbers"): the procedure stays open under it."""
_STEP_OF_EXAMPLE = frozenset({"LOSS", "DEDUCT"})
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


def _worked_example(cand: Candidate, labels: frozenset[str]) -> bool:
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
    if res.labels & accounts or not _worked_example(cand, res.labels) or not example():
        return [], res
    source = {g: ls for g, ls in context.recent_in_section().items() if g == ACCOUNT_GROUP}
    wider, _ = context.resolve(cand, source, only=[ACCOUNT_GROUP], labels=res.labels)
    if not wider - res.labels:
        return [], res
    matches = match(wider)
    if not matches:
        return [], res
    return matches, _borrowed(res, wider - res.labels, "the case its worked example set up",
                              "worked-example")


_MUST = re.compile(r"^\W*(?:(?:so|then|and|but)\W+)?you(?:(?:'|\u2019)ll)?\s+"
                   r"(?:need|have|must|will\s+need|will\s+have)\b", re.IGNORECASE)
"""A requirement put to the reader ("So you need to itemize", "You must also ..."): a step
like an instruction."""


_STEPS_LEAD = re.compile(
    r"\bstep[- ]by[- ]step\b|\b(?:the|these|those|follow|a\s+few)\s+steps\b|"
    r"\bto\s+do\s+(?:it|that|this|so)\s*:\s*$|"
    r"(?:^\W*|\bhere(?:'|\u2019)?s\s+|\bhere\s+is\s+)how\s+(?:to|you\s+(?:do|claim)\b)",
    re.IGNORECASE)
"""A heading or lead-in that announces the steps of a procedure ("Step-by-step: claiming it
on your return", "Follow these steps:", "To do it:", "Here's how to claim it:")."""


def introduces_steps(text: str) -> bool:
    """The heading or lead-in announces the steps of a procedure (:data:`_STEPS_LEAD`)."""
    return bool(_STEPS_LEAD.search(text))


def continues_procedure(procedure: Procedure, text: str, cands: Sequence[Candidate]) -> bool:
    """A heading that announces the steps of the open procedure ("Step-by-step: claiming it
    on your return", "How to deduct it, step by step") opens no new section of its own: it
    points back to the procedure, names its concepts, or names nothing else. A steps heading
    on another subject ("Step by step: rolling over your 401(k)") ends it."""
    if not introduces_steps(text):
        return False
    labels = frozenset().union(*(c.labels for c in cands))
    return any(c.anaphor for c in cands) or bool(labels & procedure.vocabulary) or not labels


def steps_follow(procedure: Procedure | None, opened_here: bool, text: str,
                 item: bool = False) -> bool:
    """Whether the list after a heading or paragraph holds the open procedure's steps, each
    of its numbered items a step whatever words it uses: the block announces steps
    ("Step-by-step: claiming it on your return", "Here's how to claim it:"), or states the
    rule and leads into the list ("You can deduct an IRA loss if you close them all. To do
    it:"), or is the list's item that stated it ("Step 1: Close all your IRAs"). A paragraph
    that states the rule and ends in a full stop is followed by the article's own steps
    ("Step 2: Ask for a direct rollover" after a remark on Roth 401(k) RMDs)."""
    if procedure is None:
        return False
    if item:
        return opened_here
    return introduces_steps(text) or (opened_here and text.rstrip().endswith(":"))


_TURNS_AWAY = re.compile(r"\b(?:other|others|instead|alternatives?|otherwise|elsewhere|"
                         r"unrelated)\b[^:]*:\s*$", re.IGNORECASE)
"""A lead-in that turns to other things ("Other year-end moves:", "What to do instead:")."""


def turns_away(text: str) -> bool:
    """The block is a lead-in to a list of other things than what came before ("Other
    year-end moves:", "A few alternatives:", "Here's what to do instead:"): its items are
    not steps of the procedure stated before it."""
    return text.rstrip().endswith(":") and bool(_TURNS_AWAY.search(text))


_NEXT_STEP = re.compile(
    r"^\W*(?:then|next|finally|lastly|"
    r"once\s+(?:that|this|it)(?:'|\u2019)?s\s+done)\b(?!\s+again)", re.IGNORECASE)
"""A sentence that goes on to the next step ("Then claim the shortfall", "Next, you
subtract ...", "Finally, ..."), not "Then again". "After that ..." tells what happens next
("After that it's counted as a distribution"), not what to do."""


def next_step(cand: Candidate) -> bool:
    """The clause opens its sentence with a word that goes on to the next step of a
    procedure (:data:`_NEXT_STEP`): in prose under the procedure, it is a step like an item
    of its list."""
    return cand.start == cand.sentence_start and _NEXT_STEP.match(cand.text) is not None


def as_step_of(cand: Candidate, res: Resolution, procedure: Procedure | None,
               list_item: bool, numbered_step: bool = False, elaborates: bool = False
               ) -> tuple[list[Match], Resolution]:
    """A step (an item of the procedure's list or an instruction) that matches nothing but
    speaks of a procedure's concepts, in its section, is a step of that procedure ("Cash
    out every traditional IRA you own" under "How to deduct an IRA loss"): the same
    outdated rule, stated again. So is a line of a worked example that figures the
    procedure's loss or deduction in dollars ("You have a $1,900 loss", "so you'd deduct
    $700"). Prose around it is not: a forum reply that goes on about conversions after one
    poster's outdated claim does not repeat the claim.

    ``numbered_step``: the clause opens a numbered item of the procedure's own list ("Step
    2: Total your nondeductible contributions"): a step whatever words it uses.
    ``elaborates``: the clause is in the paragraph right under the heading that stated the
    rule ("Step 2: Max out a 401(k) loan first" over "your plan will want to see that you've
    already borrowed everything you can before it signs off on a hardship payout"): a
    statement there that speaks of the rule closely (two of its concepts) spells it out."""
    if procedure is None or cand.polarity != "affirmed" or cand.historical or cand.attribution:
        return [], res
    closer = (list_item or _MUST.match(cand.text) is not None or next_step(cand)
              or _worked_example(cand, cand.labels & procedure.vocabulary))
    if not (closer or cand.imperative or numbered_step or elaborates):
        return [], res
    shared = procedure.vocabulary.intersection(res.labels)
    # a list item, a requirement or a worked example's line under the rule is one of its
    # steps; a bare instruction in running prose must speak of it more closely ("Make sure
    # your beneficiary forms are up to date" after an outdated claim about heirs shares one
    # word with it and states nothing)
    if numbered_step and not shared:
        shared = cand.labels
    elif not shared or (not closer and len(shared) < 2):
        return [], res
    claim = procedure.claim
    step = Step(stage="context", detail=f"a step of the rule stated on line {procedure.line}",
                labels=tuple(sorted(shared)), source="procedure")
    verdict = claim.verdict or "outdated"
    message, says = claim_message(claim, verdict)
    match = Match(claim, claim.when[0], frozenset(shared), verdict,
                  message, claim.rule, claim.correction, (), claim.citations, says=says)
    return [match], replace(res, steps=[*res.steps, step])


def restated_in_example(cand: Candidate, res: Resolution, matches: list[Match],
                        procedure: Procedure | None) -> tuple[list[Match], Resolution]:
    """A line of a worked example of an open procedure ("Two percent of $50,000 is $1,000,
    so $1,500 of the loss ends up as a deduction") restates the procedure: claims of the
    same topic it also meets (the loss is deductible; the deduction goes on Schedule A) give
    way to the procedure's own."""
    if procedure is None or not _worked_example(cand, res.labels & procedure.vocabulary):
        return matches, res
    same = [m for m in matches if m.claim.topic == procedure.claim.topic and not m.claim.figure
            and m.claim.id != procedure.claim.id and m.verdict != "accurate"]
    if not same:
        return matches, res
    steps, stepped = as_step_of(cand, res, procedure, list_item=False)
    if not steps:
        return matches, res
    return [m for m in matches if m not in same] + steps, stepped


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


ANSWERS = {"ANSWER_YES": "affirmed", "ANSWER_NO": "negated"}
"""Concepts of a reply to the question just asked, and the polarity each gives it."""
BARE_REPLY = 3
"""Words a reply needs to be read as a statement: a bare "Yes." or "It doesn't." is followed
by the sentence that explains it, which states the claim itself. A hedged reply ("Often,
yes.") takes a position of its own."""
_HEDGED_REPLY = re.compile(r"^\W*(?:often|usually|generally|mostly|sometimes|probably|typically|"
                           r"normally|not\s+(?:necessarily|always|yet|exactly))\b",
                           re.IGNORECASE)

_SPEAKER_TAG = re.compile(r"^\W*(?:a|answer|reply|agent|expert|advis[eo]r|planner|guest)\s*:\s*",
                          re.IGNORECASE)
"""A speaker's tag before a reply ("A: No.", "Agent: Often, yes."): not part of the reply."""


def _reply_text(cand: Candidate) -> str:
    """The words of a reply, after any speaker's tag."""
    return _SPEAKER_TAG.sub("", cand.text, count=1)


@dataclass(frozen=True)
class Question:
    """The last question asked (a heading, a reader's question, a title)."""

    labels: frozenset[str]
    sentence: int
    line: int
    conditional: bool = False
    """The question sets up a case rather than asking ("Over 50?", "Sold $50,000 of
    stock?", "Lost money in your IRA?"): the sentence after it states what holds then."""
    reply: str | None = None
    """The polarity of a bare reply given to it ("Yes.", "No."), with ``sentence`` moved to
    the reply's: the sentence after the reply explains it."""
    cand: Candidate | None = None
    """The question's clause: the amounts it names complete a reply that names none."""


def with_asked_figures(cand: Candidate, question: Question) -> Candidate:
    """A reply that names no amount, read with the amounts its question names ("Can I wait
    until 75 for my first RMD? Your plan to wait works."): the question's amounts and
    concepts are placed just before the reply, so each amount keeps its nearest concept."""
    asked = question.cand
    if asked is None or any(q.kind in AMOUNT_KINDS for q in cand.quantities):
        return cand
    carried = [q for q in asked.quantities if q.kind in AMOUNT_KINDS]
    if not carried:
        return cand
    shift = cand.start - 1 - asked.end
    return replace(cand, concepts=(
        *(replace(m, start=m.start + shift, end=m.end + shift) for m in asked.concepts),
        *cand.concepts), quantities=(
        *(replace(q, start=q.start + shift, end=q.end + shift) for q in carried),
        *cand.quantities))


def in_case(cand: Candidate, question: Question) -> Candidate:
    """The clause read in the case its question sets up: the question's concepts (not its
    amounts or years) are placed just before the clause, so the case's group, age or birth
    year names the anchor of a figure ("Born in 1961? RMDs start at 73." checks 73 against
    that birth year's starting age, not the general one). A clause that names no amount
    takes the case's amounts too ("Make over $150,000? You can't put money in a Roth.")."""
    asked = question.cand
    if asked is None or not asked.concepts:
        return cand
    carried = with_asked_figures(cand, question)
    if carried is not cand:
        return carried
    shift = cand.start - 1 - asked.end
    return replace(cand, concepts=(
        *(replace(m, start=m.start + shift, end=m.end + shift) for m in asked.concepts),
        *cand.concepts))


_ASKING = frozenset({
    "can", "could", "do", "does", "did", "is", "are", "was", "were", "will", "would",
    "should", "shall", "may", "might", "must", "have", "has", "had", "am", "what", "when",
    "where", "why", "how", "who", "whom", "whose", "which", "if", "and", "but", "or", "so",
    "ca", "wo", "any", "anyone", "anybody", "question", "q", "i", "we", "you",
    "it", "they", "this", "that", "there", "here", "true", "right", "really", "ok", "okay",
    "not", "unsure", "wondering", "curious", "confused"})
"""First words of a question that asks ("Can I ...?", "What about ...?", "You did what?"),
or that asks about the reader rather than the rule ("Not sure how this applies to you?",
"Wondering where to start?"), rather than sets up a case."""


_TEASING = frozenset({"want", "need", "looking", "ready", "interested", "hoping", "care",
                      "get", "learn", "find", "see", "read", "click", "join", "sign"})
"""First words of a question with no subject that invites the reader in rather than sets up
a case ("Want to save more?", "Need help choosing?", "Looking for the 2026 limits?");
a case may open with a bare verb too ("Make over $150,000?", "Earn too much for a Roth?")."""


_LINKS = frozenset({"and", "but", "or", "so"})
"""Words that link a question to what came before without asking anything themselves."""


def sets_up_case(cand: Candidate) -> bool:
    """A question that opens with neither an auxiliary, a question word nor a subject
    ("Over 50?", "Born in 1960?", "Married and filing jointly?") names a case, not a query;
    so does one whose subject is left out before "had to" ("Had to sell your house at a
    loss?"), unlike "Had you ...?", and one that opens with a bare verb ("Make over $150,000?",
    "Earn too much for a Roth?") unless it invites the reader in ("Want to save more?")."""
    if not cand.sentence.rstrip(" \"'\u201d\u2019)*").endswith("?"):
        return False  # "Check whether your plan offers it." asks nothing of the reader
    if cand.imperative and not cand.text.rstrip(" \"'\u201d\u2019)*").endswith("?"):
        return False  # "Call your plan and ask: can I borrow?" tells the reader what to do
    words = cand.text.lstrip(" \t\"'\u201c\u2018([*-:").split(maxsplit=3)
    if len(words) > 1 and words[0].lower() in _LINKS:
        words = words[1:]  # "And above those ranges?" sets up a case as "Above ...?" does
    if not words:
        return False
    first = words[0].lower().rstrip("?,.:;!'\u2019").split("'")[0]
    if first == "had" and len(words) > 1 and words[1].lower() == "to":
        return True
    if first in _TEASING:
        return False  # "Want to save more?", "Need a hand?" invite the reader in
    return bool(first) and first not in _ASKING


_TURNED_DOWN = re.compile(r"^\W*(?:sorry|unfortunately|sadly|alas|nope|no)\b", re.IGNORECASE)
"""A reply that turns the case down ("Quit at 53? Sorry, you had to leave at 55 or later."):
it states the rule in its own words, not what holds in the case."""


def under_case(cand: Candidate, res: Resolution, question: Question | None, sentence: int,
               match: MatchFn) -> tuple[list[Match], Resolution]:
    """The sentence right after a question that sets up a case states what holds in it:
    "Sold $50,000 of stock? That's $50,000 added to your income." says the sale's proceeds
    are income; "Lost money in your IRA? There may be a write-off." that the IRA loss is
    deductible. It keeps its own polarity; a question that asks is answered instead
    (:func:`as_answer_to`), and a reply that turns the case down ("Sorry, ...") states
    only what it says."""
    if (question is None or not question.conditional or sentence - question.sentence != 1
            or cand.attribution or answers(cand) or _TURNED_DOWN.match(cand.text)
            or question.reply == "negated"):
        return [], res
    extra = question.labels - res.labels
    if not extra:
        return [], res
    matches = match(res.labels | question.labels, in_case(cand, question))
    if not matches:
        return [], res
    return matches, _borrowed(res, extra, f"the case set up on line {question.line}", "case")


def within_case(matches: list[Match], cand: Candidate, res: Resolution,
                question: Question | None, sentence: int, match: MatchFn
                ) -> tuple[list[Match], Resolution]:
    """A sentence that states a claim on its own right after a question that sets up a case
    is read in that case as well: "Born in 1950? Your RMDs started at 72." is the rule for
    that birth year, not "RMDs start at 72"; "Born before mid-1949? ... at 70½." states none
    of the outdated rule. Only where the case rules a claim of the sentence out (through
    the claim's ``none``) is the reading in the case taken (:func:`case_decides`), with the
    case's concepts and, for a clause with no amount, its amounts (:func:`in_case`). A case
    turned down by a bare "No." / "Sorry." leaves the sentence after it its own."""
    if (not matches or question is None or not question.conditional
            or sentence - question.sentence != 1 or cand.attribution or answers(cand)
            or _TURNED_DOWN.match(cand.text) or question.reply == "negated"):
        return matches, res
    extra = question.labels - res.labels
    if not extra:
        return matches, res
    cased = match(res.labels | question.labels, in_case(cand, question))
    if not case_decides(matches, cased):
        return matches, res
    return cased, _borrowed(res, extra, f"the case set up on line {question.line}", "case")


_REPLY_WORDS = re.compile(
    r"\b(?:no|not|nope|never|none|yes|yep|sure|sorry|unfortunately|sadly|alas)\b|n['\u2019]t\b",
    re.IGNORECASE)
"""Words that make a sentence between a case and a clause a reply to the case ("Not
possible.", "Yes!", "Sorry."): the reply is what holds in the case, not the clause after it."""


def case_held(question: Question | None, before: Candidate | None, cand: Candidate,
              sentence: int, between: str) -> Question | None:
    """One sentence of the case's own paragraph that names no tax concept and replies nothing
    ("Good news.", "Relax.", "Lucky you!"), ``between`` the question and the clause, holds the
    case over to the clause: "Born in 1961? Good news. Your RMDs start at 75." The case still
    ends at the next heading, question or statement, after a reply ("Not possible."), and
    never crosses into another block."""
    if (question is None or not question.conditional or before is None or not before.question
            or cand.sentence_index - before.sentence_index != 2
            or sentence - question.sentence != 2 or _REPLY_WORDS.search(between)):
        return question
    return replace(question, sentence=sentence - 1)


def case_decides(own: Sequence[Match], cased: Sequence[Match]) -> bool:
    """Whether a sentence right after a question that sets up a case is read in the case
    (``cased``) rather than on its own (``own``). The case must rule out a claim the sentence
    states on its own (through that claim's ``none``); then the case decides when it rules out
    every one of them and gives a figure claim, since the case's group, age, birth year or
    filing status picks the rule the answer's figures are checked against ("Turning 62? Your
    catch-up is $11,250" is the ages-60-63 catch-up, not the age-50 one; "Born in 1961? RMDs
    start at 73" the rule for that birth year), or when it only picks another claim of the
    same fact or another figure of the same anchor (:func:`_same_amount_for_the_case`). A
    case that rules out some claims but adds another fact's leaves the sentence its own."""
    ids = {m.claim.id for m in own}
    kept = ids & {m.claim.id for m in cased}
    if kept == ids:
        return False
    if not kept and any(m.claim.figure for m in cased):
        return True
    return ({m.claim.fact for m in cased} <= {m.claim.fact for m in own}
            or _same_amount_for_the_case(own, cased))


def _same_amount_for_the_case(matches: Sequence[Match], cased: Sequence[Match]) -> bool:
    """Every claim of the sentence checks an amount, and the case checks it against the
    figure of its own group instead ("Turning 62 in 2026? Your catch-up is $11,250." is the
    60-63 catch-up, not a wrong age-50 one): figures of one anchor, another fact."""
    anchors = {m.claim.anchor for m in matches if m.claim.figure}
    return (bool(cased) and all(m.claim.figure for m in matches)
            and all(m.claim.figure and m.claim.anchor in anchors for m in cased))


def answers(cand: Candidate) -> bool:
    """The clause opens with a reply ("Yes.", "It can.", "No.")."""
    return not ANSWERS.keys().isdisjoint(cand.labels)


def _said(cand: Candidate) -> str | None:
    """The polarity the reply the clause opens with gives ("Yes": affirmed), else None."""
    return next((ANSWERS[label] for label in ANSWERS if label in cand.labels), None)


def bare_reply(cand: Candidate) -> str | None:
    """The polarity a bare reply ("Yes.", "No.", "It doesn't.") gives the question, else None."""
    said = _said(cand)
    if said is None:
        return None
    text = _reply_text(cand)
    if len(text.split()) >= BARE_REPLY or _HEDGED_REPLY.match(text):
        return None
    return said


def explains_reply(cand: Candidate, res: Resolution, question: Question | None, sentence: int,
                   match: MatchFn) -> tuple[list[Match], Resolution]:
    """The sentence after a bare reply explains it: "Will 20% be withheld from my IRA
    withdrawal? Yes. Any payout sent to you has 20% held back." states what was asked, in
    the reply's direction. A sentence that denies while the reply says yes is left alone."""
    if (question is None or question.reply is None or sentence - question.sentence != 1
            or cand.start != cand.sentence_start or cand.historical or cand.attribution
            or (cand.polarity == "negated" and question.reply == "affirmed")):
        return [], res
    extra = question.labels - res.labels
    if not extra:
        return [], res
    answered = replace(cand, polarity=question.reply)
    matches = match(set(res.labels | extra), answered)
    if not matches:
        return [], res
    return matches, _borrowed(res, extra, f"the question on line {question.line}, answered "
                              "just before", "answer", cand=answered)


def as_answer_to(cand: Candidate, res: Resolution, question: Question | None, sentence: int,
                 match: MatchFn) -> tuple[list[Match], Resolution]:
    """A reply in the sentence right after a question states what was asked (yes) or its
    denial (no), with whatever the reply adds: "Does rolling over lock in the loss? It can,
    if you time it right." states that a rollover realizes the loss; "Can you deduct losses
    in your IRA? Yes, under the right conditions" states the old deduction. A reply that
    states a claim on its own ("Can I borrow from my IRA? Sure, the 10% penalty applies to
    early withdrawals.") keeps its facts: the question may set their verdict, not add one."""
    said = _said(cand)
    if (said is None or question is None or not 0 < sentence - question.sentence <= 1
            or cand.historical or cand.attribution or bare_reply(cand) is not None):
        return [], res
    labels = frozenset(res.labels - ANSWERS.keys()) | question.labels
    answered = with_asked_figures(replace(
        cand, polarity=said, negations=cand.negations if said == "negated" else ()), question)
    matches = [replace(m, fix=None) if m.fix and not cand.start <= m.fix[0] < cand.end else m
               for m in match(set(labels), answered)]  # no edit of an amount asked about
    if not matches:
        return [], res
    own = {m.claim.fact for m in match(set(res.labels - ANSWERS.keys()))}
    if own:  # "Sure, the 10% penalty applies ..." states a claim of its own: the question
        matches = [m for m in matches if m.claim.fact in own]  # adds no other fact to it
        if not matches:
            return [], res
    asked = tuple(sorted(question.labels - res.labels))
    return matches, replace(res, cand=answered, labels=labels, steps=[*res.steps, Step(
        stage="context", detail=f"the answer to the question on line {question.line}",
        labels=asked, source="answer")])


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


def heading_states(pending: SectionClaim, first: Sequence[Match],
                   vocab: dict[str, frozenset[str]]) -> Match | None:
    """The wrong claim of the first sentence of the section that the heading states: one
    whose conditions name a concept the heading opens with ("Carry it forward, but quickly"
    over "Unused losses ... expire after five years")."""
    for m in first:
        words = vocab.get(m.claim.id, frozenset())
        # and says nothing the claim does not: "Missing one no longer costs half" (it ENDED)
        # is not the claim of a paragraph on waivers of the missed-RMD tax
        said = {label for label in pending.said
                if "/" not in label or label.startswith(f"{m.claim.id}/")}
        if m.verdict != "accurate" and pending.opening & words and said <= words:
            return replace(m, fix=None)
    return None
