"""Clauses completed by the sentence before them or by a clause of their own sentence.

- ellipsis: "In other words, low earners get back half ..." after a sentence on the Saver's
  Credit takes its topic and person (:func:`with_ellipsis`);
- an explaining or restricting clause: ", because ...", ", since ...", ", but only after
  ..." reads with the clause it explains (:func:`with_explained_clause`);
- cause and consequence: ", so ...", ", which means ..." (:func:`with_consequence`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import ACCOUNT_GROUP, DiscourseContext, Resolution
from taxcheck.matching.retries.borrowing import MatchFn, borrowed, matched_with, same_sentence

ELLIPSIS_GROUPS = ("topic", "person", "state")
"""Groups a statement that matches no claim on its own takes from the sentence just before
it ("In other words, low earners get back half of everything they contribute" after a
sentence on the Saver's Credit) or from a later clause of its own sentence ("you're taxed
on what you contributed, not on the value the day you converted"); the state of the topic
goes with it ("Default and the rest is treated as a withdrawal. That part is taxable." is
about the defaulted loan, not the loan as such)."""


_REASON = re.compile(r"^[,;]?\s*(?:because|since)\b", re.IGNORECASE)
"""A clause that gives the reason for the one before it (", because ...", ", since ...")."""


_RESTRICTION = re.compile(r"^[,;]?\s*(?:but\s+|and\s+)?only\s+(?:after|once|if|when|until)\b",
                          re.IGNORECASE)
"""A clause that restricts the one before it (", but only after each one has been in the
account for five years"): the two state one rule, whatever the first says on its own."""


_BARE_CONTRAST = re.compile(r"^[\W]*(?:but\s+|and\s+)?(?:not|never|rather\s+than)\b",
                            re.IGNORECASE)
"""A clause that is only the denied half of a contrast (", not on the value the day you
converted", "\u2014 not to hardship withdrawals")."""


_SO = re.compile(r"^[,;:\s]*(?:and\s+)?so\b", re.IGNORECASE)


_ALTERNATIVE = re.compile(
    r"\b(?:instead|better\s+off|consider(?:ing)?|cheaper|costs?\s+(?:you\s+)?less|"
    r"(?:a|the)\s+better\s+(?:option|choice|route|bet|move|deal))\b", re.IGNORECASE)
"""A clause that holds up another road ("..., so you may be better off borrowing from it",
"; consider a loan instead", "; a loan may cost you less"): it speaks of the alternative, so
the clause before it, which speaks of what it is the alternative to, takes nothing from it."""


def premise_of_other_polarity(cand: Candidate, cands: Sequence[Candidate]) -> bool:
    """The clause is the premise of a consequence of the other polarity (", so ...", ",
    which means ..."): it states a circumstance ("You left at 52, so that door's closed for
    this 401(k)"), and the rule is what the consequence says of it, so it takes no topic
    from the sentence before nor from its consequence to state one of its own."""
    sentence = same_sentence(cands, cand)
    at = next((i for i, c in enumerate(sentence) if c.start == cand.start), None)
    if at is None or at + 1 >= len(sentence):
        return False
    after = sentence[at + 1]
    return after.polarity != cand.polarity and bool(
        _CONSEQUENCE.match(after.text) or _SO.match(after.text))


def with_ellipsis(cand: Candidate, res: Resolution, cands: Sequence[Candidate],
                  context: DiscourseContext, match: MatchFn, after_item: bool = False
                  ) -> tuple[list[Match], Resolution]:
    """Try again with the topic and person of the sentence before, or of a later clause.

    ``after_item``: the sentence before is an item of a list (or of a run of "Label: value"
    lines)."""
    if all(res.labels & context.groups.get(group, set()) for group in ELLIPSIS_GROUPS[:2]):
        return [], res  # it names a topic and a person already: nothing to take
    if not context.named_before(ELLIPSIS_GROUPS):
        takes = context.members(ELLIPSIS_GROUPS)
        if all(c.start <= cand.start or c.sentence_index != cand.sentence_index
               or c.labels.isdisjoint(takes) for c in cands):
            return [], res  # (most clauses) neither the sentence before nor a later clause has any
    previous = context.previous()
    if premise_of_other_polarity(cand, cands):
        return [], res
    # a later clause of the other polarity with a subject and verb of its own speaks of its
    # own topic, which it denies: "You left at 52, so the rule of 55 can't help you" (the
    # premise does not take the rule of 55), "The 20% withholding only hits money that can
    # be rolled over, and a hardship payout can't be" (the withholding is not the hardship
    # payout's); a bare contrast ("you're taxed on what you contributed, not on the value
    # the day you converted") shares the clause's frame
    later = context.groups_of(frozenset().union(*(
        c.labels for c in same_sentence(cands, cand)
        if c.start > cand.start and not _ALTERNATIVE.search(c.text)
        and (c.polarity == cand.polarity or _BARE_CONTRAST.match(c.text)))))
    if after_item and any(c.labels for c in same_sentence(cands, cand) if c.start < cand.start):
        # "An exception removes the 10% tax but not the income tax" after a list of exceptions
        # (the last one for emergencies): a later clause leaves out what an earlier clause of
        # its own sentence said, not the topic of one item of the list before
        previous = {}
    own = res.labels & context.groups.get(ACCOUNT_GROUP, set())
    if own and res.labels - own and context.topic_of_other_account(
            previous.get("topic", ()), own):
        # "The 10% penalty applies before 55 for IRAs too" after "Many workers borrow against
        # their 401(k)": a clause that names its own account does not take a topic the
        # sentence before stated of another account (the loan, the rule of 55 of a plan);
        # one that names nothing else ("IRA owners can do the same") extends it
        previous = {g: labels for g, labels in previous.items() if g != "topic"}
    wider, more = context.resolve(cand, {**previous, **later},
                                  only=ELLIPSIS_GROUPS, labels=res.labels)
    if not wider - res.labels:
        return [], res
    matches = match(wider)
    res = replace(res, steps=res.steps + more)
    if not matches:
        return [], res
    return matches, replace(res, labels=wider, referred=res.referred | (wider - res.labels))


COHORT_GROUP = "cohort"


def with_reason_cohort(res: Resolution, cands: Sequence[Candidate],
                       context: DiscourseContext) -> Resolution:
    """A birth cohort that the reason right after the clause names is the clause's own:
    "Your father would have begun his own RMDs at 70\u00bd, since he was born well before the
    SECURE Act changes" speaks of people born before July 1949, for whom 70\u00bd was the
    age (a cohort is otherwise taken only from earlier in the sentence)."""
    cohort = context.groups.get(COHORT_GROUP, set())
    if not cohort or res.labels & cohort:
        return res
    later = [c for c in same_sentence(cands, res.cand) if c.start > res.cand.start]
    if not later or not _REASON.match(later[0].text):
        return res
    extra = set(later[0].labels & cohort)
    return borrowed(res, extra, "the reason after it", "explained-clause") if extra else res


def with_explained_clause(cand: Candidate, res: Resolution, cands: Sequence[Candidate],
                          stated: set[int], match: MatchFn,
                          grouped: frozenset[str] | None = None
                          ) -> tuple[list[Match], Resolution]:
    """", because ...": the reason completes a clause before it that states nothing on its own.

    "Quitting at 54 doesn't work, because you didn't leave in the year you turned 55" speaks
    of the same things as the clause it explains. A reason set off by a comma after a denied
    statement (not after advice not to do something) asserts itself, and takes from that
    clause only the things it speaks of (concepts of a context group, ``grouped``), not what
    it denied of them.
    """
    restricts = _RESTRICTION.match(cand.text) is not None
    if not (restricts or _REASON.match(cand.text)):
        return [], res  # (most clauses: tested before the clauses before it are gathered)
    earlier = [c for c in same_sentence(cands, cand) if c.start < cand.start]
    if not restricts and any(c.start in stated for c in earlier):
        return [], res
    before = set().union(*(c.labels for c in earlier))
    if not before - res.labels:
        return [], res
    # "IRA RMDs are not delayed because you keep working": the reason is denied with them;
    # a reason set off by a comma keeps its own polarity ("Converting in a dip doesn't save
    # you a dime, since you pay tax on what you put in" asserts the reason)
    denied = next((c for c in earlier if c.polarity == "negated"), None)
    if denied is not None and cand.polarity == "affirmed":
        # (advice not to do a thing, "Don't rebuy within 30 days, since the wash-sale rule
        # would wipe out the loss", explains what doing it would bring: read as before)
        if not _set_off(cand) or denied.imperative or _ADVICE_NOT.match(denied.text):
            cand = replace(cand, polarity="negated", negations=denied.negations)
            res = replace(res, cand=cand)
        elif grouped is not None:
            before &= grouped
            if not before - res.labels:
                return [], res
    matches = match(res.labels | before, cand)
    if not matches:
        return [], res
    named = ", ".join(sorted(before - res.labels))
    return matches, replace(res, steps=[*res.steps, Step(
        stage="context", detail=f"{named} from the clause it explains",
        labels=tuple(sorted(before - res.labels)), source="explained-clause")])


_ADVICE_NOT = re.compile(r"^\W*(?:(?:just|simply|so|and|but|then|please)\s+)?"
                         r"(?:don(?:'|\u2019)?t|do\s+not|never)\b", re.IGNORECASE)
"""Advice not to do a thing ("Just don't repurchase the shares ..."), which the imperative
cue misses after an adverb."""


def _set_off(cand: Candidate) -> bool:
    """Whether ``cand`` is set off from the clause before it by a comma, semicolon or dash
    (", since ...", "; because ...")."""
    before = cand.sentence[:max(0, cand.start - cand.sentence_start)].rstrip()
    return before.endswith((",", ";", "\u2014", "\u2013", " -")) or cand.text.lstrip()[:1] in ",;"


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
    sentence = same_sentence(cands, cand)
    if len(sentence) < 2:
        return [], res  # (most clauses) no other clause to take from
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
    return matched_with(res, extra - res.labels, match,
                         "the clause it states the cause or consequence of", "consequence")

