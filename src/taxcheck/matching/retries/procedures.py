"""Steps and procedures: an abolished rule stated as available ("Here's how to deduct your
IRA loss"), and the steps after it that state it again.

- how-to lead-ins, read as presupposing what they teach (:func:`how_to`,
  :func:`presupposed`);
- the procedure an outdated claim opens (:class:`Procedure`, :func:`procedure_of`), the
  headings and lead-ins that announce or turn away from its steps
  (:func:`continues_procedure`, :func:`steps_follow`, :func:`turns_away`);
- a step of it: a list item, an instruction, "You need to ...", "Then ...", a numbered
  "Step 2: ..." (:func:`as_step_of`), and a worked example's line that restates it
  (:func:`restated_in_example`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match, rule_match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.not_steps import consults, defines_term
from taxcheck.matching.retries.worked_examples import worked_example_line
from taxcheck.tense import simple_past


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
    aside: frozenset[str] = frozenset()
    """What a clause may name that makes it speak of something else than the rule (a topic
    of another rule, an account every condition of the claim sets aside): no step of it
    (:func:`speaks_of_other`)."""


def set_aside(claim: Claim, topics: frozenset[str] = frozenset()) -> frozenset[str]:
    """What the claim's rule is not about: the concepts every one of its conditions rules out
    ("none": the old IRA-loss write-off is not about a 401(k)), and the topics of other rules
    (``topics``: a loan, an RMD, a conversion) its conditions never name."""
    ruled_out = frozenset.intersection(*(frozenset(cond.none) for cond in claim.when)) if (
        claim.when) else frozenset()
    vocabulary = {c for cond in claim.when for c in (*cond.all, *cond.any)}
    return ruled_out | (topics - vocabulary)


def page_rule(vocabulary: frozenset[str], title: frozenset[str]) -> bool:
    """The page's title names the deduction a procedure's rule gives and one more thing it
    speaks of (the loss, the account: "How to Write Off a Losing IRA", "Claiming a Loss on a
    Closed IRA"): the whole page is about the rule, and its sections ("Who qualifies", "How
    to figure the amount", "Is it worth it?") go on with it."""
    return "DEDUCT" in vocabulary and "DEDUCT" in title and bool(
        title & (vocabulary - {"DEDUCT"}))


_RULE_GONE = frozenset({"ENDED", "GONE", "BAN", "SUSPENSION", "SUSPENDED", "PERMANENT",
                        "WENT_AWAY"})
"""What a heading names when it says the rule is gone ("Why it's gone", "Gone since 2018")."""


def leaves_page_rule(procedure: Procedure, labels: frozenset[str],
                     accounts: frozenset[str]) -> bool:
    """A heading under which a page-wide procedure (:func:`page_rule`) ends: one that names a
    topic of another rule or an account the rule is not about ("What about your 401(k)?",
    "Roth conversions"), or says the rule is gone. ``labels``: the heading's concepts with the
    broader ones they fall under; ``accounts``: the accounts among them."""
    return bool(procedure.aside & labels or _RULE_GONE & labels
                or accounts - procedure.vocabulary)


def speaks_of_other(cand: Candidate, procedure: Procedure) -> bool:
    """The clause names, in its own words, something the open procedure's rule is not about
    ("Step 4: Check the beneficiary forms on your 401(k) while you're at it", "Next, see how
    a Roth conversion would change your bracket", a worked example's "She can't, so the plan
    offsets the loan"): it goes on to another subject, and is no step of the rule."""
    other = procedure.aside & cand.labels
    if any(label.endswith("/OTHER_ITEMIZED") or label == "OTHER_ITEMIZED"
           for label in cand.labels) and procedure.vocabulary & OF_BASIS and not (
               cand.labels & OF_THE_LOSS) and "standard deduction" not in cand.text.lower():
        return True  # ("If you itemize, bunch charitable gifts into this year")
    if AFTER_TAX_MONEY & cand.labels and procedure.vocabulary & OF_BASIS:
        other -= {"CONTRIBUTION"}  # ("Step 1: Total your nondeductible contributions")
    return bool(other)


OF_THE_LOSS = frozenset({"MISC_ITEMIZED", "LOSS", "BASIS", "BELOW_BASIS", "CLOSE_ALL"})
"""What a clause names when it speaks of the IRA loss itself, beside another itemized
deduction ("That means Schedule A, the 2%-of-AGI floor, and no help at all if you take the
standard deduction")."""
AFTER_TAX_MONEY = frozenset({"AFTER_TAX", "CONTRIBUTIONS_ONLY"})
OF_BASIS = frozenset({"BASIS", "BELOW_BASIS"})
"""A rule that speaks of basis (the old IRA-loss write-off) speaks of the after-tax
contributions that make it: a step that totals them is no other subject."""


def of_basis(cand: Candidate, procedure: Procedure, labels: AbstractSet[str]
             ) -> frozenset[str]:
    """The basis a rule that speaks of basis (the old IRA-loss write-off) names, when a
    clause that opens its step names the after-tax money that makes it ("Step 1: Total your
    nondeductible contributions from your Forms 8606", "1. Add up the nondeductible money
    you put in"): the step that totals it speaks of the rule. A later sentence of a step
    ("Step 1: Find your basis. Pull out every Form 8606 ...") spells out the step its first
    sentence stated."""
    opens = cand.sentence_index == 0 or step_heading(cand.text)
    if opens and AFTER_TAX_MONEY & labels and procedure.vocabulary & OF_BASIS:
        return frozenset(procedure.vocabulary & OF_BASIS)
    return frozenset()


def may_open(match: Match, cand: Candidate) -> bool:
    """Whether a match may open a procedure (:func:`procedure_of`): an outdated rule, not a
    figure, that the clause affirms in the writer's own voice."""
    return (match.verdict == "outdated" and not match.claim.figure
            and cand.polarity == "affirmed" and cand.attribution is None)


def procedure_of(match: Match, cand: Candidate, level: int, line: int,
                 topics: frozenset[str] = frozenset()) -> Procedure | None:
    """The procedure a match opens: an outdated rule (not a figure) the clause affirms in the
    writer's own voice. A rule put in others' mouths ("Myth: IRA losses become deductible
    again in 2026", "Some readers think ...") opens none: the line after it ("Fact: The ban
    on that deduction is permanent now") answers it, not a step of it. ``topics``: the
    concepts of the discourse's topic group (:func:`set_aside`)."""
    claim = match.claim
    if not may_open(match, cand):
        return None
    vocabulary = frozenset(c for cond in claim.when for c in (*cond.all, *cond.any))
    return Procedure(claim, level, vocabulary, line, set_aside(claim, topics))


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


_PRESENTS_HOW = re.compile(
    r"^\W*(?:(?:step\s+)?\d{1,2}\s*[.):]\s*)?(?:claiming|deducting|writing\s+off|turning|"
    r"recharacteri[sz]ing|undoing|reversing)\b"
    r"|:\s*(?:how|when|who)\b(?![^:]*\b(?:used|was|were|did|had)\b)[^:]*$", re.IGNORECASE)
"""A heading that presents how or when to do a thing: a gerund of claiming or undoing it
("Claiming your IRA loss on Schedule A", "Turning an IRA loss into a tax deduction",
"Undoing a Roth conversion"), or the thing and how, when or for whom it works after a colon
("IRA loss deductions: how they work", "The IRA loss deduction: when it works"); not how it
used to work."""


def presents_how(text: str) -> bool:
    """The heading presents how or when to do a thing (:data:`_PRESENTS_HOW`): like a
    how-to lead-in, it presupposes the thing can be done (:func:`presupposed`)."""
    return bool(_PRESENTS_HOW.search(text))


def presupposed(matches: list[Match], instruction: bool, page_year: int | None = None,
                labels: frozenset[str] = frozenset()) -> list[Match]:
    """What a how-to lead-in states by presupposing it can be done. A rule that no longer
    exists (an outdated claim, not a figure) is wrong to teach: "Here's how to claim your
    IRA loss on Schedule A" teaches an abolished deduction. An instruction ("How to V X",
    ``instruction``) presupposes "you can V X" and states it too when that is false and
    nothing outdated is taught: "How to borrow from your IRA" (there are no IRA loans),
    "How to roll your hardship withdrawal into an IRA"; "How to borrow from your 401(k)" or
    "Here's how to report a loss in your brokerage account" presupposes nothing wrong, and
    a how-to states no other claim (its steps do). A page written before a false rule's
    years began (``page_year``: a 2012 "Here's how to write it off") may teach the rule of
    its day, so the instruction states nothing false of it; so may an instruction that
    names what one of such a rule's conditions sets aside (``labels``: "How to deduct your
    IRA loss" may walk through the pre-2018 IRA-loss deduction, an outdated rule its steps
    are checked for). A heading that only presents a topic
    ("Writing off 401(k) losses") is read for an abolished rule alone."""
    rules = [m for m in matches if not m.claim.figure]
    outdated = [m for m in rules if m.verdict == "outdated"]
    if outdated or not instruction:
        return outdated
    return [m for m in rules if m.verdict == "false" and not (
        m.claim.years.from_ is not None and (
            (page_year is not None and not m.claim.years.contains(page_year))
            or any(labels.intersection(cond.none) for cond in m.claim.when)))]


_MUST = re.compile(r"^\W*(?:(?:so|then|and|but)\W+)?you(?:(?:'|\u2019)ll)?\s+"
                   r"(?:need|have|must|will\s+need|will\s+have)\b", re.IGNORECASE)
"""A requirement put to the reader ("So you need to itemize", "You must also ..."): a step
like an instruction."""


_STEPS_LEAD = re.compile(
    r"\bstep[- ]by[- ]step\b|\b(?:the|these|those|follow|a\s+few)\s+steps\b|"
    r"\bto\s+do\s+(?:it|that|this|so)\s*:\s*$|"
    r"(?:^\W*|\bhere(?:'|\u2019)?s\s+|\bhere\s+is\s+)how\s+(?:to|you\s+(?:do|claim)\b)|"
    r"^\W*(?:before\s+you\s+(?:start|begin)|getting\s+started|what\s+you(?:(?:'|\u2019)ll)?"
    r"\s+need)\W*$",
    re.IGNORECASE)
"""A heading or lead-in that announces the steps of a procedure ("Step-by-step: claiming it
on your return", "Follow these steps:", "To do it:", "Here's how to claim it:"), or what to
have ready for them ("Before you start", "What you'll need")."""
_NAMES_STEPS = re.compile(
    r"^\W*(?:(?:the|your|our|my|a|an?\s+\w+(?:'s)?)\s+)?(?:check-?list|to-?do\s+list|process|"
    r"procedure|what\s+to\s+do)\b(?!\s+(?:instead|if|when|about)\b)", re.IGNORECASE)
"""A heading that names the steps in other words ("The checklist", "A to-do list for tax
season", "The process", "What to do"): the steps of the page's own subject (a page-wide
procedure), not a recap of the article (a "Quick checklist" after its own steps)."""


def introduces_steps(text: str, page: bool = False) -> bool:
    """The heading or lead-in announces the steps of a procedure (:data:`_STEPS_LEAD`); of
    a page-wide procedure (``page``: opened by the page's title), a heading that names them
    in other words does too (:data:`_NAMES_STEPS`)."""
    return bool(_STEPS_LEAD.search(text)) or (page and _NAMES_STEPS.match(text) is not None)


def continues_procedure(procedure: Procedure, text: str, cands: Sequence[Candidate]) -> bool:
    """A heading that announces the steps of the open procedure ("Step-by-step: claiming it
    on your return", "How to deduct it, step by step") opens no new section of its own: it
    points back to the procedure, names its concepts, or names nothing else. A steps heading
    on another subject ("Step by step: rolling over your 401(k)") ends it."""
    return introduces_steps(text, procedure.level == 0) and on_procedure(procedure, cands)


def steps_follow(procedure: Procedure | None, opened_here: bool, text: str,
                 item: bool = False, cands: Sequence[Candidate] = ()) -> bool:
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
    # (a lead-in to the steps of something else after it: "Changing jobs? Here's how to move
    # your old 401(k) to an IRA:")
    return (introduces_steps(text, procedure.level == 0)
            and (opened_here or on_procedure(procedure, cands))) or (
        opened_here and text.rstrip().endswith(":"))


_SUMS_UP = re.compile(
    r"^\W*(?:first,?\s+)?(?:the\s+|a\s+)?(?:short\s+(?:version|answer)|quick\s+(?:version|answer)|"
    r"in\s+(?:short|brief|a\s+nutshell)|the\s+basics|bottom\s+line|tl;?\s?dr|overview|"
    r"summary|at\s+a\s+glance)\W*$", re.IGNORECASE)
"""A heading that sums up the page's own subject ("First, the short version", "In a
nutshell", "The bottom line", "Overview")."""


def sums_up(text: str) -> bool:
    """The heading sums up the page's own subject (:data:`_SUMS_UP`): a page-wide
    procedure goes on under it."""
    return _SUMS_UP.match(text) is not None


_TURNS_AWAY = re.compile(r"\b(?:other|others|instead|alternatives?|otherwise|elsewhere|"
                         r"unrelated)\b[^:]*:\s*$", re.IGNORECASE)
"""A lead-in that turns to other things ("Other year-end moves:", "What to do instead:")."""


def turns_away(text: str) -> bool:
    """The block is a lead-in to a list of other things than what came before ("Other
    year-end moves:", "A few alternatives:", "Here's what to do instead:"): its items are
    not steps of the procedure stated before it."""
    return text.rstrip().endswith(":") and bool(_TURNS_AWAY.search(text))


_NEXT_STEP = re.compile(
    r"^\W*(?:then|next(?!\s+(?:time|year|month|week|spring|summer|fall|autumn|winter)\b)|"
    r"finally|lastly|once\s+(?:that|this|it)(?:'|\u2019)?s\s+done)\b(?!\s+again)"
    r"(?!,?\s+(?:she|he|they|we|i|my|his|her|their|our)\b)",
    re.IGNORECASE)
"""A sentence that goes on to the next step ("Then claim the shortfall", "Next, you
subtract ...", "Finally, ..."), not "Then again" nor a later occasion ("Next time you move
an IRA, ...", "Next year, ..."), nor a story going on ("Then she rolls the $20,000 into an
IRA": what someone in a worked example does next). "After that ..." tells what happens next
("After that it's counted as a distribution"), not what to do."""


def next_step(cand: Candidate) -> bool:
    """The clause opens its sentence with a word that goes on to the next step of a
    procedure (:data:`_NEXT_STEP`): in prose under the procedure, it is a step like an item
    of its list."""
    return cand.start == cand.sentence_start and _NEXT_STEP.match(cand.text) is not None


_DONT = re.compile(r"^\W*(?:don(?:'|\u2019)?t|do\s+not|never)\b", re.IGNORECASE)
"""A negative instruction ("Don't panic if ...", "Never ..."): advice, not a step."""
_CONDITION = re.compile(
    r"(?<!\beven\s)\b(?:if|unless|assuming|provided|as\s+long\s+as)\b", re.IGNORECASE)
"""A condition in a sentence ("If you take the standard deduction, ...", "Unless you
itemize, ...", "Assuming you have no other miscellaneous deductions, ..."); not "even if",
which concedes it."""
_RULE_ENDED = re.compile(
    r"\b(?:no\s+longer|any\s?more|end(?:ed|s)(?!\s+up\b)|gone|repeal(?:s|ed)?|abolish(?:es|ed)?|"
    r"eliminat(?:es|ed)|suspend(?:s|ed)?|suspension|ban|banned|permanent(?:ly)?|"
    r"(?:since|after|from|starting(?:\s+in|\s+with)?)\s+(?:the\s+)?(?:tax\s+year\s+)?"
    r"20(?:1[89]|[2-9]\d))\b", re.IGNORECASE)
"""Words that say a rule is gone ("no longer", "ended in 2018", "since 2018", "the ban"); not
"ends up" ("so for some clients it ends up saving nothing")."""
DEDUCTION_DETAILS = frozenset({"DEDUCT", "SCHEDULE_A", "MISC_ITEMIZED", "LOSS"})
"""What a condition on a deduction speaks of ("If you take the standard deduction, you get
no benefit", "Unless you itemize, the write-off won't help")."""


_ON_CLAIMING = re.compile(
    r"\b(?:if|unless|assuming|provided|as\s+long\s+as)\b[^,;:]*\b(?:deduct\w*|itemiz\w*|"
    r"schedule\s+a|amt|alternative\s+minimum|floor|standard|miscellaneous)"
    r"|\b(?:only\s+works|works\s+only|only\s+applies|applies\s+only)\s+(?:if|when)\b",
    re.IGNORECASE)
"""A condition on how a deduction is claimed ("If you take the standard deduction",
"Unless you itemize", "If you owe the AMT"), or the one condition it works under ("It only
works if some of your IRA money went in after tax")."""


def on_claiming(sentence: str) -> bool:
    """The sentence's condition is on how the deduction is claimed (:data:`_ON_CLAIMING`)."""
    return _ON_CLAIMING.search(sentence) is not None


def conditional_detail(cand: Candidate, labels: frozenset[str] | set[str]) -> bool:
    """A denial under a condition that speaks of how a deduction is claimed ("If you take the
    standard deduction, you get no benefit", "Unless you itemize, the write-off won't help
    you", "If you owe the AMT, this deduction doesn't count"): it takes the deduction for
    granted and says when it does nothing; it does not say the deduction is gone (no
    "no longer", "since 2018", "the ban")."""
    return (cand.polarity == "negated" and bool(DEDUCTION_DETAILS & labels)
            and _CONDITION.search(cand.sentence) is not None
            and _RULE_ENDED.search(cand.sentence) is None and not denied_in_condition(cand))


def denied_in_condition(cand: Candidate) -> bool:
    """The sentence's only denial is in its condition ("if she has no gains to soak it up,
    it comes off her ordinary income"): what it says is affirmed, not denied."""
    m = _IF_HEAD.search(cand.sentence)
    if m is None:
        return False
    return _DENIES.search(cand.sentence[:m.start()] + cand.sentence[m.end():]) is None


def denies_rule(cand: Candidate, in_steps: bool) -> bool:
    """A denial in an open procedure's section that ends it: one that says the rule is gone
    ("That deduction ended in 2018", "You can no longer deduct it"), or a plain denial in
    prose ("IRA losses aren't deductible"). A detail of a step ("2. If any IRA stays open,
    you don't get the loss") or a denial under a condition ("If you take the standard
    deduction, you get no benefit") takes the rule for granted and keeps it open."""
    if _RULE_ENDED.search(cand.sentence):
        return True
    return not in_steps and _CONDITION.search(cand.sentence) is None


def leads_into_steps(cand: Candidate, procedure: Procedure) -> bool:
    """A lead-in that announces the steps after it and ends in a colon ("With the freeze
    over, here's how to claim it on your 2026 return:"): under the open procedure, and
    pointing back to it or naming what it speaks of (:func:`on_procedure`), it says the rule
    can be used."""
    return (cand.sentence.rstrip().endswith(":") and introduces_steps(cand.text)
            and on_procedure(procedure, [cand]))


def on_procedure(procedure: Procedure, cands: Sequence[Candidate]) -> bool:
    """Clauses that speak of the open procedure: one points back ("claiming it") or they
    name one of its concepts or nothing at all ("Follow these steps:"), not another subject
    ("Here's how to move your old 401(k) to an IRA:")."""
    labels = frozenset().union(*(c.labels for c in cands))
    return any(c.anaphor for c in cands) or bool(labels & procedure.vocabulary) or not labels


_THE_BREAK = re.compile(
    r"\b(?:the|this|that|such\s+a)\s+(?:write-?off|deduction|tax\s+break|break)\b",
    re.IGNORECASE)
"""A definite reference to a deduction just described ("the write-off", "this deduction",
"that break")."""


def refers_to_rule(cand: Candidate, procedure: Procedure) -> bool:
    """A present statement that refers back to the open procedure's deduction ("The write-off
    is usually small", "This deduction is worth more in a bad year"): it speaks of the
    deduction as there to be had."""
    return (cand.polarity == "affirmed" and "DEDUCT" in procedure.vocabulary
            and "DEDUCT" in cand.labels and not simple_past(cand.text)
            and _THE_BREAK.search(cand.text) is not None)


CLOSELY = 3
"""How many of the open procedure's concepts a sentence of prose names to spell out its rule
("It goes on Schedule A as a miscellaneous itemized deduction" of an IRA loss)."""


_NAMES_TERM = re.compile(r"\b(?:(?:also\s+)?known\s+as|(?:also\s+)?called|referred\s+to\s+as|"
                         r"dubbed|nicknamed)\b", re.IGNORECASE)
"""A clause that gives a thing its name ("These yearly withdrawals, known as required minimum
distributions, or RMDs, are where new retirees stumble"): it introduces a term."""


def closely(cand: Candidate, labels: AbstractSet[str], procedure: Procedure) -> bool:
    """A statement in the present that names :data:`CLOSELY` or more of the open procedure's
    concepts spells out its rule again, wherever it stands in the section ("It goes on
    Schedule A as a miscellaneous itemized deduction, and only the part above 2% of your AGI
    counts" after "You can deduct an IRA loss once you close every traditional IRA"); not one
    that gives a thing its name (:data:`_NAMES_TERM`)."""
    return (cand.polarity == "affirmed" and not simple_past(cand.text)
            and len(procedure.vocabulary & labels) >= CLOSELY
            and not _NAMES_TERM.search(cand.text))


def as_step_of(cand: Candidate, res: Resolution, procedure: Procedure | None,
               list_item: bool, numbered_step: bool = False, elaborates: bool = False,
               in_steps: bool = False, expanded: frozenset[str] | None = None
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
    statement there that speaks of the rule closely (two of its concepts) spells it out.
    ``in_steps``: the clause is in an item of the procedure's own list of steps; there a
    denial that speaks of the rule ("This deduction isn't allowed under the AMT", "If you
    take the standard deduction, you get nothing") is a detail of the step, which takes the
    rule for granted: it states the rule too. So does a denial under a condition on how the
    deduction is claimed (:func:`conditional_detail`), in prose too.

    ``expanded``: the clause's concepts with the broader ones they fall under (an IRA is a
    retirement account), for what it shares with the procedure's vocabulary."""
    if cand.imperative and _DONT.match(cand.text):
        return [], res  # "Step 6: Don't panic if you can't use it all": advice, not a step
    if procedure is not None and (speaks_of_other(cand, procedure) or defines_term(cand) or (
            procedure.vocabulary & OF_BASIS and consults(cand))):
        return [], res  # (a rule of basis: "Your basis is the total of your nondeductible ...")
    labels = res.labels if expanded is None else expanded
    detail = conditional_detail(cand, procedure.vocabulary & labels) if procedure else False
    if procedure is None or cand.historical or cand.attribution or (
            cand.polarity != "affirmed" and not detail
            and not (in_steps and cand.polarity == "negated")):
        return [], res
    closer = (list_item or _MUST.match(cand.text) is not None or next_step(cand) or detail
              or worked_example_line(cand, cand.labels & procedure.vocabulary)
              or leads_into_steps(cand, procedure) or closely(cand, res.labels, procedure)
              or refers_to_rule(cand, procedure))
    if not (closer or cand.imperative or numbered_step or elaborates):
        return [], res
    shared = procedure.vocabulary.intersection(labels) | of_basis(cand, procedure, labels)
    # a list item, a requirement or a worked example's line under the rule is one of its
    # steps; a bare instruction in running prose must speak of it more closely ("Make sure
    # your beneficiary forms are up to date" after an outdated claim about heirs shares one
    # word with it and states nothing)
    if numbered_step and not shared:
        shared = cand.labels
    elif not shared or (not closer and len(procedure.vocabulary & res.labels) < 2):
        return [], res
    claim = procedure.claim
    step = Step(stage="context", detail=f"a step of the rule stated on line {procedure.line}",
                labels=tuple(sorted(shared)), source="procedure")
    return [rule_match(claim, frozenset(shared))], replace(res, steps=[*res.steps, step])


_STEP_HEADING = re.compile(r"^\W*step\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|"
                           r"nine|ten)\s*[:.)\u2014\u2013-]", re.IGNORECASE)
"""A heading that numbers a step ("## Step 2: Withdraw everything", "Step three \u2014
Compare")."""
_HOW_TO_VERB = re.compile(
    r"^\W*(?:add|subtract|enter|reduce|compare|pull|find|figure|apply|itemize|total|check|"
    r"gather|request|ask|take|close|cash|withdraw|empty|list|report|deduct|claim)\b",
    re.IGNORECASE)
"""The verbs a how-to's step opens with ("Add up ...", "Subtract the total ...", "Pull every
Form 8606 ..."): read as instructions only in a step's own text, where nothing else opens
with them."""


def step_heading(text: str) -> bool:
    """The heading numbers a step of a how-to (:data:`_STEP_HEADING`)."""
    return _STEP_HEADING.match(text) is not None


def step_instruction(cand: Candidate) -> bool:
    """The clause opens its sentence with a how-to's verb (:data:`_HOW_TO_VERB`)."""
    return cand.start == cand.sentence_start and _HOW_TO_VERB.match(cand.text) is not None


_FIRST_SENTENCE = re.compile(r"^\s*(?P<text>[^.!?\n]{2,120}[.!]?)(?=\s|$)")
_DENIES = re.compile(r"\b(?:not|never|no|none|nothing)\b|n(?:'|\u2019)t\b", re.IGNORECASE)


def bare_step(text: str) -> Candidate | None:
    """The first sentence of a numbered step that names nothing of its own ("Step 2: Close
    out the accounts.", "3. Total the checks."), as an instruction naming no concept, for
    :func:`as_step_of` to read as a step of the open procedure; None for a question or a
    denial ("Don't panic if you can't use it all")."""
    label = _STEP_HEADING.match(text)
    if label is not None and not re.search(r"[^\W\d_]", text[label.end():]):
        return None  # a step's label alone ("**Step 1:**" run in before its text) says nothing
    m = _FIRST_SENTENCE.match(text)
    stop = re.search(r"[.!?]", text)
    if m is None or _DENIES.search(m.group("text")) or (stop is not None and stop.group() == "?"):
        return None  # ("Step 7: Married? Test each spouse alone." asks first)
    sentence = m.group("text").strip()
    start = m.start("text")
    end = start + len(sentence)
    return Candidate(start=start, end=end, text=sentence, sentence_index=0,
                     sentence_start=start, sentence_end=end, sentence=sentence, concepts=(),
                     polarity="affirmed", negations=(), hedges=(), attribution=None,
                     question=False, imperative=True, anaphor=False, assertive=False,
                     historical=False, quantities=())


def restated_in_example(cand: Candidate, res: Resolution, matches: list[Match],
                        procedure: Procedure | None) -> tuple[list[Match], Resolution]:
    """A line of a worked example of an open procedure ("Two percent of $50,000 is $1,000,
    so $1,500 of the loss ends up as a deduction") restates the procedure: claims of the
    same topic it also meets (the loss is deductible; the deduction goes on Schedule A) give
    way to the procedure's own."""
    if procedure is None or not worked_example_line(cand, res.labels & procedure.vocabulary):
        return matches, res
    same = [m for m in matches if m.claim.topic == procedure.claim.topic and not m.claim.figure
            and m.claim.id != procedure.claim.id and m.verdict != "accurate"]
    if not same:
        return matches, res
    steps, stepped = as_step_of(cand, res, procedure, list_item=False)
    if not steps:
        return matches, res
    return [m for m in matches if m not in same] + steps, stepped


def restated_as_detail(cand: Candidate, res: Resolution, matches: list[Match],
                       procedure: Procedure | None, in_steps: bool,
                       expanded: frozenset[str] | None = None
                       ) -> tuple[list[Match], Resolution]:
    """A detail of how the open procedure's rule works, put as a denial under a condition or
    inside one of its steps ("If you owe the AMT, this deduction doesn't count"), that meets
    a correct claim about the old rule (it was added back for the AMT), or under a condition
    the correct denial of the rule's topic ("If you claim the standard deduction, the loss
    does you no good": not "IRA losses are not deductible"): stated of today, it takes the
    abolished rule for granted, so the correct claim gives way to the procedure's own. A
    clause that says the rule is gone keeps its claim."""
    if procedure is None or cand.polarity != "negated" or _RULE_ENDED.search(cand.sentence):
        return matches, res
    facts = {procedure.claim.fact, *procedure.claim.also_facts}
    labels = res.labels if expanded is None else expanded
    conditional = conditional_detail(cand, procedure.vocabulary & labels)
    accurate = [m for m in matches if m.verdict == "accurate" and not m.claim.figure]
    same = [m for m in accurate if m.claim.fact in facts]
    # under a condition on claiming it, the plain denial of the topic is not what the clause
    # says either ("If you claim the standard deduction, the loss does you no good" is no "IRA
    # losses are not deductible"); under one on the market or the account it may be ("If your
    # IRA fell last year, there is nothing to deduct just because of that drop")
    topical = [m for m in accurate if m.claim.topic == procedure.claim.topic]
    if conditional and on_claiming(cand.sentence):
        same += [m for m in topical if m not in same]
    # a correct claim of another subject it also meets ("If you still hold even one of the
    # accounts, you have no loss to claim": a loss needs a sale) stays, beside the rule
    beside = conditional and not topical and len(accurate) == len(matches)
    if not same and not beside:
        return matches, res
    steps, stepped = as_step_of(cand, res, procedure, list_item=in_steps, in_steps=in_steps,
                                expanded=expanded)
    if not steps:
        return matches, res
    return [m for m in matches if m not in same] + steps, stepped


_LOSES_IT = re.compile(
    r"\b(?:(?:is|are)\s+(?:gone|lost|dead|toast|void|off\s+the\s+table)|"
    r"(?:'|\u2019)s\s+(?:gone|lost|dead|toast)|disappears|vanishes|evaporates|"
    r"goes\s+away|you\s+lose\s+(?:it|the\s+(?:write-?off|deduction|loss|break)))\b",
    re.IGNORECASE)
"""A consequence that the deduction is lost ("the deduction is gone", "the write-off
disappears", "you lose it")."""
_DO_AND_THEN = re.compile(
    r"^\W*(?!(?:the|a|an|your|this|that|these|those|it|you|we|they|i|she|he|there|here|"
    r"if|when|once|since|because)\b)(?P<head>[a-z]+\b[^.;:!?]*?),?\s+and\s+",
    re.IGNORECASE)
"""An instruction joined to its consequence: "Leave $50 behind in a forgotten SEP and the
deduction is gone" (if you leave ..., the deduction is gone)."""
_IF_HEAD = re.compile(r"\b(?:if|unless)\b(?P<head>[^,;]*)", re.IGNORECASE)
_ON_ACCOUNTS = re.compile(
    r"\b(?:accounts?|iras?|sep|simple|roth|balance|open|dollars?|penny|cents?)\b|\$\s?\d",
    re.IGNORECASE)
"""What a condition names when it is one of the rule's terms: an account, its balance, an
amount left in it."""


def lost_under_condition(cand: Candidate) -> bool:
    """The sentence says the deduction is lost when one of the rule's terms is missed
    ("Leave $50 behind in a forgotten SEP and the deduction is gone", "If you keep even one
    IRA open, the write-off disappears"): a detail of a step that takes the rule for
    granted, not the rule ending. A condition on something else ("If you were counting on
    that write-off, it's gone") or a word that dates the end ("gone since 2018", "no
    longer") is the rule ending."""
    sentence = cand.sentence
    if cand.polarity != "affirmed" or not _LOSES_IT.search(sentence):
        return False
    if any(m.group(0).lower() != "gone" for m in _RULE_ENDED.finditer(sentence)):
        return False
    head = _DO_AND_THEN.match(sentence) or _IF_HEAD.search(sentence)
    return head is not None and _ON_ACCOUNTS.search(head.group("head")) is not None


def says_rule_ended(cand: Candidate) -> bool:
    """The sentence says the rule is gone ("That deduction has been gone since 2018", "the
    ban is permanent"), not that it is lost when one of its terms is missed
    (:func:`lost_under_condition`)."""
    return _RULE_ENDED.search(cand.sentence) is not None and not lost_under_condition(cand)


def restated_as_condition(cand: Candidate, res: Resolution, matches: list[Match],
                          procedure: Procedure | None, expanded: frozenset[str] | None = None
                          ) -> tuple[list[Match], Resolution]:
    """A detail of the open procedure that says the deduction is lost if one of its terms is
    missed (:func:`lost_under_condition`), and meets a correct claim that the deduction is
    gone (the ban is permanent): it takes the rule for granted, so the correct claim gives
    way to the procedure's own, and the procedure goes on."""
    if procedure is None or not lost_under_condition(cand):
        return matches, res
    facts = {procedure.claim.fact, *procedure.claim.also_facts}
    same = [m for m in matches if m.verdict == "accurate" and m.claim.fact in facts]
    if not same and matches:
        return matches, res
    steps, stepped = as_step_of(cand, res, procedure, list_item=True, expanded=expanded)
    if not steps:
        return matches, res
    return [m for m in matches if m not in same] + steps, stepped


ANNOUNCING = frozenset({"NARROW_EXCEPTION", "THE_EXCEPTION", "EXCEPTION_WORD",
                       "LIMITED_CIRCUMSTANCES", "WHEN_IT_WORKS", "HEDGED_WRITE_OFF",
                        "ANOTHER_WAY"})
"""What a sentence names when it announces a way or an exception that the next sentences
spell out ("There is one narrow route people sometimes take.")."""
AHEAD_WINDOW = 2
"""How many sentences before the one that states a rule an announcement or a first step
may be."""


def announces_rule(cand: Candidate, labels: AbstractSet[str]) -> bool:
    """The clause, which stated nothing, may announce a rule the next sentences state ("There
    is one narrow route people sometimes take.") or give its first step ("Roll the 401(k)
    into a traditional IRA."): an affirmed statement of a way or an exception, or an
    instruction, told of today."""
    return (cand.polarity == "affirmed" and not cand.question and not cand.historical
            and not cand.attribution and (cand.imperative or bool(ANNOUNCING & labels)))


def ahead_of_rule(cand: Candidate, res: Resolution, procedure: Procedure,
                  expanded: frozenset[str]) -> tuple[list[Match], Resolution]:
    """A clause just before the sentence that states an abolished rule, in its paragraph,
    that announces the rule ("There is one narrow route people sometimes take. If you ...
    close out every IRA you own ..., you can deduct the difference") or gives its first step
    ("There is one path, though. Roll the 401(k) into a traditional IRA. If you later close
    out every traditional IRA ..."), states it too: an announcement by naming the way or the
    exception, an instruction by naming something the rule speaks of."""
    if ANNOUNCING & res.labels:
        shared = frozenset(ANNOUNCING & res.labels)
        match = rule_match(procedure.claim, shared)
        step = Step(stage="context", detail="announces the rule the next sentences state",
                    labels=tuple(sorted(shared)), source="procedure")
        return [match], replace(res, steps=[*res.steps, step])
    # an instruction right before the rule in its paragraph is a step like a listed one
    return as_step_of(cand, res, procedure, list_item=True, expanded=expanded)


def restated_in_step(cand: Candidate, res: Resolution, matches: list[Match],
                     procedure: Procedure | None, in_steps: bool,
                     expanded: frozenset[str] | None = None
                     ) -> tuple[list[Match], Resolution]:
    """An item of the open procedure's own list of steps that meets only correct claims of
    other facts ("* The combined amount you receive has to be less than your basis, meaning
    the after-tax money you contributed." under "There is a little-known way to get a
    write-off for that, but it comes with strings attached:") is a step all the same when it
    puts a requirement or an instruction: it states the abolished rule beside what it says
    correctly. An item that meets a claim of the rule's own facts (that it ended, how it
    worked back then) is not."""
    if procedure is None or not in_steps or cand.polarity != "affirmed" or not matches or not (
            cand.imperative or "NEED_TO" in res.labels or _MUST.match(cand.text)):
        return matches, res  # (a definition in the list, "Your basis is ...", is no step)
    facts = {procedure.claim.fact, *procedure.claim.also_facts}
    if any(m.verdict != "accurate" or m.claim.fact in facts for m in matches):
        return matches, res
    steps, stepped = as_step_of(cand, res, procedure, list_item=True, in_steps=True,
                                expanded=expanded)
    return (matches + steps, stepped) if steps else (matches, res)
