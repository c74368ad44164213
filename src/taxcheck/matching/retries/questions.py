"""Questions and their answers: a reply states what was asked, or its denial.

- the last question asked (:class:`Question`) and the amounts it lends a reply that names
  none (:func:`with_asked_figures`);
- a reply ("Yes, under the right conditions", "It can, if ...") read as the answer to it
  (:func:`as_answer_to`);
- a bare reply ("Yes.", "No.") and the sentence after it that explains it
  (:func:`bare_reply`, :func:`explains_reply`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from taxcheck.claimdb.models import OPPOSITE_POLARITY
from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.follow_ons import bare_amount
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.borrowing import MatchFn, borrowed
from taxcheck.matching.years import AMOUNT_KINDS

ANSWERS = {"ANSWER_YES": "affirmed", "ANSWER_NO": "negated"}
"""Concepts of a reply to the question just asked, and the polarity each gives it."""

HEDGED_ANSWERS = {"MOSTLY_NO": "negated", "MAYBE_ANSWER": "affirmed"}
"""Replies that answer the question and say more than yes or no: "Generally not." denies it
for most cases only, which leaves room for the cases where it holds; "Maybe." or "It depends
on ..." grants it in some cases. The concept stays among the reply's labels (a claim's
condition may name it), and such a reply is never bare."""

REPLY_LABELS = frozenset({*ANSWERS, *HEDGED_ANSWERS})
"""Every reply concept (most clauses name none)."""

OPT_IN_ANSWERS = frozenset({"MAYBE_ANSWER"})
"""Replies only a claim whose condition names them takes as an answer: "It depends." to
"Is a hardship withdrawal penalty-free?" states nothing, to "Can I deduct my IRA loss?" the
old narrow deduction (a condition names MAYBE_ANSWER)."""


BARE_REPLY = 3
"""Words a reply needs to be read as a statement: a bare "Yes." or "It doesn't." is followed
by the sentence that explains it, which states the claim itself. A hedged reply ("Often,
yes.") takes a position of its own."""


_HEDGED_REPLY = re.compile(r"^\W*(?:often|usually|generally|mostly|sometimes|probably|typically|"
                           r"normally|not\s+(?:necessarily|always|yet|exactly))\b",
                           re.IGNORECASE)


_SPEAKER_TAG = re.compile(
    r"^\W*(?:a|answer|reply|agent|expert|advis[eo]r|planner|guest|"
    r"(?:reply|response|answer|comment)\s+(?:from|by)(?:\s+[\w.@-]+){1,3})\s*:\s*",
    re.IGNORECASE)
"""A speaker's tag before a reply ("A: No.", "Agent: Often, yes.", "Reply from jt_cpa: Yes"):
not part of the reply."""


_EVADING = re.compile(
    r"\b(?:skip|avoid|dodg|escap|sidestep|bypass|skirt|circumvent|waiv)\w*"
    r"|\bget(?:ting)?\s+(?:around|out\s+of)\b|\bopt(?:ing)?\s+out\b|\bwork\s+around\b",
    re.IGNORECASE)
"""Verbs of getting out of something ("Can I skip the withholding?", "Any way to get around
the 20%?", "Can I opt out of it?", "Can the penalty be waived?"): a question asked with one
asks whether what it names can be escaped, so "No" says it holds and "Yes" that it does not."""


_LOSING = re.compile(r"\blos(?:e|es|ing|t)\b", re.IGNORECASE)
"""A verb of losing something ("Did I lose the deduction?", "Do I lose the write-off?"): when
the reply, read as asked, states a claim about the benefit itself and none about losing it,
a "Yes" says the benefit is gone, the opposite of what it says to the benefit."""


def _lost(question: Question) -> frozenset[str] | None:
    """The concepts that cover the question's verb of losing, or None when it has none, a
    concept covers none of it ("Do I lose 10%?") or it is denied."""
    asked = question.cand
    if asked is None or asked.polarity == "negated":
        return None
    verb = _LOSING.search(asked.text)
    if verb is None:
        return None
    start, end = asked.start + verb.start(), asked.start + verb.end()
    return frozenset(c.label for c in asked.concepts if c.start < end and start < c.end) or None


def _evaded(question: Question) -> frozenset[str] | None:
    """The concepts that name no more than the question's verb of getting out of something
    ("skip", "avoid", "get around", "opt out of"), or None when it asks with no such verb,
    denies it ("Can't I skip it?"), or a concept names the escape with what is escaped
    ("Can I dodge the 10% penalty?" asks whether the exemption holds: no flip)."""
    asked = question.cand
    if asked is None or asked.polarity == "negated":
        return None
    verb = _EVADING.search(asked.text)
    if verb is None:
        return None
    start, end = asked.start + verb.start(), asked.start + verb.end()
    cover = [c for c in asked.concepts if c.start < end and start < c.end]
    if any(c.start < start or c.end > end for c in cover):
        return None  # a concept names the escape itself ("dodge the 10% penalty"): it is asked
    return frozenset(c.label for c in cover)


def _toward(said: str, question: Question, matches: list[Match],
            again: Callable[[str], list[Match]]) -> tuple[str, list[Match]]:
    """The reply's polarity toward what the question names, and its matches: a reply to a
    question of getting out of something ("Can I skip the withholding on my hardship
    withdrawal? No, the 20% is mandatory.") says the opposite of what it says to the thing
    escaped, unless a claim matched speaks of the escape itself (a concept covers the verb:
    "Can I avoid a wash sale by buying in my IRA? No." denies the way around). A question of
    losing a benefit is read the same way ("Did I lose the deduction? Yes." denies the
    deduction)."""
    cover = _evaded(question)
    if cover is None and matches:  # (a claim of losing it that the reply denies stays read as
        cover = _lost(question)    # asked: "Did I lose catch-ups? Nope.")
    if cover is None or any(m.concepts & cover for m in matches):
        return said, matches
    flipped = OPPOSITE_POLARITY[said]
    return flipped, again(flipped)


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
    own: frozenset[str] = frozenset()
    """The concepts every clause of the question's sentence names ("can I write off shares
    that went down 95%" and "but I still hold?"): what it asks about, without its context."""


_OWN_INCOME = re.compile(
    r"(?:^|\b(?:you|i|we|he|she|they)\s+)(?:only\s+|still\s+)?(?:earn|earns|earned|earning|"
    r"make|makes|making|made|bring\s+in|pull\s+in)\s*(?:about\s+|around\s+|over\s+)?\$?\s*$",
    re.IGNORECASE)
"""Words before an amount a question gives as someone's own income ("Earn $160,000 as a single
filer?", "Making about $240,000?", "What if I earn $100,000?")."""

def with_asked_figures(cand: Candidate, question: Question) -> Candidate:
    """A reply that names no amount, read with the amounts its question names ("Can I wait
    until 75 for my first RMD? Your plan to wait works."): the question's amounts and
    concepts are placed just before the reply, so each amount keeps its nearest concept."""
    asked = question.cand
    if asked is None or any(q.kind in AMOUNT_KINDS for q in cand.quantities):
        return cand
    # the reader's own income the question names ("Earn $160,000 as a single filer?", "Do
    # you make $240,000?") is what they have, not a figure of the rule the reply states
    carried = [q for q in asked.quantities if q.kind in AMOUNT_KINDS
               and not _OWN_INCOME.search(asked.text[:q.start - asked.start])]
    if not carried:
        return cand
    shift = cand.start - 1 - asked.end
    return replace(cand, concepts=(
        *(replace(m, start=m.start + shift, end=m.end + shift) for m in asked.concepts),
        *cand.concepts), quantities=(
        *(replace(q, start=q.start + shift, end=q.end + shift) for q in carried),
        *cand.quantities))


def answers(cand: Candidate) -> bool:
    """The clause opens with a reply ("Yes.", "It can.", "No.", "Generally not.")."""
    return not REPLY_LABELS.isdisjoint(cand.labels)


def _said(cand: Candidate) -> str | None:
    """The polarity the reply the clause opens with gives ("Yes": affirmed), else None."""
    if REPLY_LABELS.isdisjoint(cand.labels):
        return None
    return next((ANSWERS[label] for label in ANSWERS if label in cand.labels),
                next((HEDGED_ANSWERS[label] for label in HEDGED_ANSWERS
                      if label in cand.labels), None))


_CASE_DENIAL = re.compile(r"^\W*not\s+(?!(?:necessarily|always|yet|anymore|exactly|quite|"
                          r"really|usually|generally)\b)\w", re.IGNORECASE)
"""A reply that denies the question for one case or time ("Not after 59½.", "Not once you're
past 70½.", "Not to a traditional IRA."), not as a whole ("Not necessarily.")."""


def bare_reply(cand: Candidate) -> str | None:
    """The polarity a bare reply ("Yes.", "No.", "It doesn't.") gives the question, else None."""
    said = _said(cand)
    if said is None or not HEDGED_ANSWERS.keys().isdisjoint(cand.labels):
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
    def read(said: str) -> list[Match]:
        return match(set(res.labels | extra), replace(cand, polarity=said))

    said, matches = _toward(question.reply, question, read(question.reply), read)
    if cand.polarity == "affirmed" and said == "negated":
        # a "No." then a sentence that is right in its own words: "Can I buy it back in my
        # IRA? No. The IRS treats that as a wash sale, and you lose the loss for good." When
        # its own reading states the right rule of a fact the reply's reading gets wrong,
        # the sentence says the rule itself
        right = [m for m in read("affirmed") if m.verdict == "accurate"]
        facts = {m.claim.fact for m in right}
        if any(m.verdict != "accurate" and m.claim.fact in facts for m in matches):
            return right, borrowed(res, extra, f"the question on line {question.line}, "
                                   "answered just before", "answer", cand=cand)
    answered = replace(cand, polarity=said)
    if not matches:
        return [], res
    return matches, borrowed(res, extra, f"the question on line {question.line}, answered "
                              "just before", "answer", cand=answered)


_REASON_AFTER_REPLY = re.compile(r"^[\s,;:\u2014\u2013-]*(?:since|because|as|given\s+that)\b",
                                 re.IGNORECASE)
"""A later clause of a reply that gives its reason ("Yes, since it's investment growth.")."""
_BUT_AFTER_REPLY = re.compile(r"^[\s,;:\u2014\u2013-]*(?:but|though|although|just|only)\b",
                              re.IGNORECASE)
"""A later clause of a reply that qualifies it ("Yes, but you'll pay the 10% penalty.")."""


def qualifies_reply(cand: Candidate, res: Resolution, question: Question | None, sentence: int,
                    match: MatchFn) -> tuple[list[Match], Resolution]:
    """A later clause of the sentence a bare reply opens is read with what the question
    asked: a reason with the reply's polarity ("Do I pay capital-gains rates on 401(k)
    withdrawals? Yes, since it's investment growth." says you do), a "but" after a yes with
    its own ("Can I take my Roth contributions out before 59½? Yes, but you'll pay the 10%
    penalty." says the penalty applies). A "but" after a no turns to something else ("No,
    but you can take a loan") and takes nothing from the question."""
    if (question is None or question.reply is None or question.sentence != sentence
            or cand.start == cand.sentence_start or cand.question or cand.attribution
            or cand.historical):
        return [], res
    if _REASON_AFTER_REPLY.match(cand.text):
        said = question.reply
    elif _BUT_AFTER_REPLY.match(cand.text) and question.reply == "affirmed":
        said = cand.polarity
    else:
        return [], res
    extra = question.labels - res.labels
    if not extra:
        return [], res

    def read(polarity: str) -> list[Match]:
        return match(set(res.labels | extra), replace(
            cand, polarity=polarity, negations=cand.negations if polarity == "negated" else ()))

    said, matches = _toward(said, question, read(said), read)
    if not matches:
        return [], res
    answered = replace(cand, polarity=said,
                       negations=cand.negations if said == "negated" else ())
    return matches, borrowed(res, extra, f"the question on line {question.line}, which the "
                              "reply it qualifies answers", "answer", cand=answered)


_WEIGHS = re.compile(r"\b(?:worth\s+(?:it|the\s+(?:trouble|hassle|cost|effort))|worthwhile|"
                     r"make\s+sense|a\s+good\s+idea)\b", re.IGNORECASE)
"""What a question asks when it weighs a move rather than a rule ("Is it worth it?", "Does
closing them make sense?")."""


def weighs(question: Question) -> bool:
    """The question asks whether a move is worth its cost: a reply ("Rarely, Gerald.",
    "Often not.") weighs the move and states no rule, yes or no."""
    return question.cand is not None and _WEIGHS.search(question.cand.text) is not None


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
            or cand.historical or cand.attribution or bare_reply(cand) is not None
            or weighs(question)):
        return [], res
    labels = frozenset(res.labels - ANSWERS.keys()) | question.labels

    def reading(said: str) -> Candidate:
        return with_asked_figures(replace(
            cand, polarity=said, negations=cand.negations if said == "negated" else ()),
            question)

    def read(said: str) -> list[Match]:  # no edit of an amount asked about
        return [replace(m, fix=None) if m.fix and not cand.start <= m.fix[0] < cand.end
                else m for m in match(set(labels), reading(said))]

    said, matches = _toward(said, question, read(said), read)
    answered = reading(said)
    opt_in = OPT_IN_ANSWERS & cand.labels
    if opt_in:
        matches = [m for m in matches if opt_in & m.condition.concepts()]
    comma = cand.text.find(",")
    cut = cand.end if comma < 0 else cand.start + comma
    case = frozenset(m.label for m in cand.concepts if m.start < cut) - REPLY_LABELS \
        - question.labels  # (not ", even if you're under 59½", which concedes)
    if case and _CASE_DENIAL.match(_reply_text(cand)):
        # "Will I owe the 10% on a hardship withdrawal? Not after 59½.": a no for one case
        # says nothing of a claim that case takes no part in (a term of a claim's own,
        # "year by year", takes part in that claim)
        names = {label.rsplit("/", 1)[-1] for label in case}
        owners = {label.split("/", 1)[0] for label in case if "/" in label}
        matches = [m for m in matches if m.claim.id in owners or names & {
            c.rsplit("/", 1)[-1] for c in m.concepts}]
    if not matches:
        return [], res
    own = {m.claim.fact for m in match(set(res.labels - ANSWERS.keys()))}
    if own and said == "negated" and cand.polarity == "affirmed":
        return [], res  # "Taxed? No, it is tax-free": the "no" answers; the rest is stated
    if own:  # "Sure, the 10% penalty applies ..." states a claim of its own: the question
        matches = [m for m in matches if m.claim.fact in own]  # adds no other fact to it
        if not matches:
            return [], res
    asked = tuple(sorted(question.labels - res.labels))
    return matches, replace(res, cand=answered, labels=labels, steps=[*res.steps, Step(
        stage="context", detail=f"the answer to the question on line {question.line}",
        labels=asked, source="answer")])


_WH_QUESTION = re.compile(r"^\W*(?:q(?:uestion)?\s*[:.]\W*|[^:?.]{1,40}:\s*)?"
                          r"(?:if\s[^?.,:]{1,60},\s*)?"
                          r"(?:how|what|when|which|where)\b"
                          r"(?!\s+(?:about|if|else)\b)[^?]*\?\W*$", re.IGNORECASE)
"""A question that asks for a value, a way or a time ("How are IRA withdrawals taxed?",
"How much of my loss can I deduct?", "When do RMDs start?"), after any "Q:" tag or the
topic it asks about ("The Saver's Credit: what's the top rate?") and after the case it asks
about ("If I convert it, how much is taxable?"); not one
that turns to a new case ("What about my IRA?", "What if I leave?") or a "What you'll
learn" label with no question mark."""

_PAST = re.compile(r"\b(?:was|were|wasn't|weren't|did|didn't|had|used\s+to)\b", re.IGNORECASE)
"""A reply told in the past ("It was 50% years ago.") says what used to hold."""

_PRONOUN_SUBJECT = re.compile(r"^\W*(?:they|it|these|those|each(?:\s+one)?|both)\b(?!\s*,)",
                              re.IGNORECASE)
"""A reply whose subject points back at what the question named ("They are taxed ...")."""

_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|isn't|aren't|wasn't|weren't|can|can't|cannot|could|"
    r"will|won't|would|may|might|must|should|shall|do|does|did|don't|doesn't|didn't|has|have|"
    r"had|gets?|got|goes|went|needs?|owes?|applies|counts|lets|allows|stays|remains|comes|"
    r"starts|begins|ends|carries|expires|works|takes|pays|means|depends|varies)\b"
    r"|\b(?:it|that|this|there|here|what|who|he|she|everything|nothing|one)['\u2019]s\b"
    r"|\w['\u2019](?:re|ll|m)\b", re.IGNORECASE)
"""Finite verbs and auxiliaries: a reply with none takes the question's verb. A possessive
is none ("By December 31 of the year you turn 73, like every other year's.")."""

WH_REPLY_WORDS = 14
"""The longest reply with no verb of its own read as completing a wh-question."""

WH_REPLY_REACH = 2
"""Sentences after a wh-question a reply may take its concepts in."""


def wh_reply(cand: Candidate, question: Question | None, sentence: int) -> bool:
    """The clause replies to the wh-question just before it with no subject of its own: a
    verbless reply ("At 70½.", "All $20,000.", "One per IRA.") or one whose subject is a
    pronoun ("They are taxed at capital gains rates."), in one of the next two sentences."""
    if (question is None or question.cand is None or cand.question or cand.historical
            or cand.attribution or cand.imperative
            or not 0 < sentence - question.sentence <= WH_REPLY_REACH
            or cand.start != cand.sentence_start
            or not _WH_QUESTION.match(question.cand.sentence)):
        return False
    text = _SPEAKER_TAG.sub("", cand.sentence, count=1)
    if _PAST.search(text):
        return False
    if _PRONOUN_SUBJECT.match(text) or bare_amount(text):
        return True  # "They are taxed ...", "$24,500, if you are under 50."
    return len(text.split()) <= WH_REPLY_WORDS and not _FINITE_VERB.search(text)


def as_wh_reply(cand: Candidate, res: Resolution, question: Question | None, sentence: int,
                match: MatchFn) -> tuple[list[Match], Resolution]:
    """A reply to a question asking how, what, when or which takes the concepts the question
    named (and, with no verb of its own, the question's verb): "How are traditional IRA
    withdrawals taxed? They are taxed at capital gains rates." states the capital-gains
    treatment of IRA withdrawals; "When do RMDs start? At 70½." states the old starting age;
    "How many IRA rollovers can I do a year? One per IRA." the per-account count. The reply
    keeps its own polarity. A reply that grants what the question takes for granted ("When do
    I have to start RMDs from my Roth IRA? At 73, like any other IRA.") states it."""
    if not wh_reply(cand, question, sentence):
        return [], res
    assert question is not None and question.cand is not None
    asked = question.cand
    own_amounts = any(q.kind in AMOUNT_KINDS for q in cand.quantities)
    if not res.labels and not cand.quantities:
        return [], res  # "Good question." adds nothing the question lacks
    extra = question.labels - res.labels  # (the context may have lent them already)
    shift = cand.start - 1 - asked.end
    carried = () if own_amounts else tuple(
        replace(q, start=q.start + shift, end=q.end + shift) for q in asked.quantities
        if q.kind in AMOUNT_KINDS and not _OWN_INCOME.search(asked.text[:q.start - asked.start]))
    reading = replace(cand, concepts=(
        *(replace(m, start=m.start + shift, end=m.end + shift) for m in asked.concepts),
        *cand.concepts), quantities=(*carried, *cand.quantities))
    labels = set(res.labels | question.labels)
    matches = [replace(m, fix=None) if m.fix and not cand.start <= m.fix[0] < cand.end else m
               for m in match(labels, reading)]
    if not matches:
        return [], res
    if not extra:
        return matches, replace(res, cand=reading)
    return matches, borrowed(res, extra, f"the question on line {question.line}, which it "
                              "answers", "answer", cand=reading)


_SALUTATION = re.compile(
    r"^\W*(?:dear|hi|hello|hey|greetings)\b[^.?!\n]{0,40}[,:!\u2014\u2013-]?\W*$", re.IGNORECASE)
"""A columnist's or poster's greeting on a line of its own ("Dear Ready,", "Hi Sam!",
"Hello, Worried in Ohio:")."""

GREETING_WORDS = 5
"""The longest greeting ("Hello, Worried in Ohio:"): a longer line says something."""

_SIGNED = re.compile(r"\?\W{0,3}\s*[\u2014\u2013-]{1,2}\s*"
                     r"(?!\W*(?:yes|no|not|nope|sure|maybe)\b)[^.?!\n]{1,40}$", re.IGNORECASE)
"""A question signed after a dash ("... on my taxes? \u2014 Ready to Write It Off"), not
answered after one ("Can I deduct it? \u2014 No, you can't")."""


def past_address(question: Question | None, text: str, has_clauses: bool, first: int,
                 last: int) -> Question | None:
    """The question still waits for its reply after the block read (``text``, sentences
    ``first`` to ``last``) when that block only greets the asker ("Dear Ready,") right after
    it, or signs the question it asks ("Can I deduct it? \u2014 Ready to Write It Off"): the
    question counts as asked on the block's last sentence, so that "Not year by year, no."
    after the greeting is its reply. None when nothing changes."""
    if question is None or question.sentence >= last:
        return None
    greets = (question.sentence == first - 1 and not has_clauses
              and len(text.split()) <= GREETING_WORDS and _SALUTATION.match(text))
    signs = question.sentence >= first and _SIGNED.search(text.rstrip()) is not None
    return replace(question, sentence=last) if greets or signs else None
