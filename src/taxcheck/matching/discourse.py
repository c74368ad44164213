"""Discourse resolution: the concepts each clause names, and those it inherits and from where.

A clause can take what it does not name from the discourse: a pronoun ("these losses",
"it") from the last sentences; a heading from the section it introduces; a reference to a
kind of thing ("the credit") from the concept it stands for; an amount stated without its
plan from the plan of the last sentences, the heading or the title; "the same is true of X"
from the statement before it. :func:`resolve_clause` applies these in order and records
each inheritance as a context step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate, ConceptMention, Polarity
from taxcheck.findings import Step
from taxcheck.follow_ons import FollowOn
from taxcheck.matching.years import AMOUNT_KINDS, ClauseYears

CONTEXT_WINDOW = 3
"""How many sentences back a pronoun may reach for its account or loss."""
SECTION_ONLY_GROUPS = ("topic", "person", "feature")
"""Groups a heading takes from the section it introduces but does not pass on to the
sentences after it ("Don't raid the IRA" is about the loan of its section, but the next
sentence's "it" is not)."""
POSSESSIVES = frozenset({"its", "their"})
"""Pronouns that take only the account or loss from context, not the topic."""
REFERENCE_WINDOW = 6
"""How many sentences back a reference to a kind of thing ("the credit") may reach."""
PLACED_WINDOW = 1
"""How many sentences back the concept a reference stands for must have been named for the
reference to stand where it is written, so that an amount beside "the credit" is the
credit's; a concept named further back only adds its label (an amount beside "the
penalty" is not an RMD age because RMDs came up four sentences earlier)."""
GROUP_WINDOW = {"topic": 2, "person": 2, "feature": 1, "state": 2, "cohort": 0}
"""A pronoun reaches back only this many sentences for these groups ("it" is the hardship
withdrawal of this or the last sentence, not one three paragraphs up; "their" is the
people born after 1960 only in the sentence that says so, and a defaulted loan stays the
subject of "it" for two sentences)."""


_FOIL = re.compile(r"\b(?:than|unlike|compared\s+(?:with|to)|versus|vs\.?)\s+"
                   r"(?:(?:a|an|the|your|my|their|its)\s+)?$", re.IGNORECASE)
"""Words before a thing named only for comparison ("lower than a 401(k)'s")."""
_FOIL_WORDS = ("than", "unlike", "compared", "versus", "vs")
"""Words one of which :data:`_FOIL` needs (lower-cased)."""


_DENIED_AS = ("not a", "not an", "n't a", "n't an", "n\u2019t a", "n\u2019t an")
"""Endings of the text before a thing a clause says something is not ("isn't a loan")."""


def _denied_as(before: str) -> bool:
    """The text before a mention ends in a denied identity: "Hardship money isn't a loan"
    is about the hardship money; the loan is named only to be set aside."""
    return before.rstrip().lower().endswith(_DENIED_AS)


_FOILS_KEY = "_taxcheck_foils"
"""Where :func:`foils` keeps its answer in a candidate's ``__dict__`` (as ``cached_property``
keeps ``labels``): the walk asks it of each clause two to four times."""
_NO_FOILS: frozenset[str] = frozenset()


def foils(cand: Candidate) -> frozenset[str]:
    """Concepts a clause names only as a foil ("Your numbers are lower than a 401(k)'s",
    "Hardship money isn't a loan"): the discourse stays with what it was about (the SIMPLE
    IRA of the section, the hardship withdrawal)."""
    kept = cand.__dict__
    found = kept.get(_FOILS_KEY)
    if found is None:
        found = kept[_FOILS_KEY] = _foils(cand)
    return found


def _foils(cand: Candidate) -> frozenset[str]:
    compares = True
    if cand.text.isascii():  # (non-ASCII letters may fold to ASCII ones in the regex)
        lowered = cand.text.lower()
        # (the words of _FOIL_WORDS, tested without a generator)
        compares = ("than" in lowered or "unlike" in lowered or "compared" in lowered
                    or "versus" in lowered or "vs" in lowered)
        if not compares and cand.polarity != "negated":
            return _NO_FOILS  # most clauses compare nothing: no regex per concept
    named: dict[str, bool] = {}
    for m in cand.concepts:
        before = cand.text[max(0, m.start - cand.start - 40):max(0, m.start - cand.start)]
        foil = (compares and bool(_FOIL.search(before))) or (
            cand.polarity == "negated" and _denied_as(before))
        named[m.label] = named.get(m.label, True) and foil
    return frozenset(label for label, foil in named.items() if foil)


class DiscourseContext:
    """The concepts of each context group recently mentioned, for clauses that point back.

    A paragraph sentence that points back ("these losses", "it") takes a missing group
    from the last few sentences; a heading takes it from the section it introduces. A
    reference to a kind of thing ("the credit") takes the concept it can stand for
    (``refers`` in concepts.yaml) from the last few sentences, and counts as naming it.
    """

    def __init__(self, db: ClaimDatabase):
        # made once per database and shared by every article's context: read, never changed
        self.groups: dict[str, set[str]]
        self.groups, self.borrows, self.refers = db.context_groups
        self.holders = frozenset(label for g in HOLDER_GROUPS
                                 for label in self.groups.get(g, ()))
        self.grouped = frozenset(label for members in self.groups.values() for label in members)
        """Every concept of some group (most of a clause's concepts are of none)."""
        self.referring = frozenset(self.refers)
        """Every concept that may stand for another (:meth:`referred`)."""
        self.current: dict[str, tuple[frozenset[str], int]] = {}
        self.seen: dict[str, int] = {}
        self.paired: dict[str, tuple[frozenset[str], int]] = {}
        """Topic -> the accounts the clause that named it named too, and its sentence."""
        self.loss_accounts: tuple[frozenset[str], int] | None = None
        """The accounts named with the last loss or sale named with one, and its sentence."""
        self._members: dict[tuple[str, ...], frozenset[str]] = {}
        self.sentence = 0
        self.withdrawn: int | None = None
        """The sentence that last named a withdrawal and no loan."""
        self.section_start = 0
        """The sentence number of the current section's heading."""
        self.heading_start = 0
        """The sentence number of the last heading (not page furniture: a forum reply's header
        starts a post that may still answer the one before it)."""

    def recent(self, earlier: bool = False) -> dict[str, frozenset[str]]:
        """The groups named in the last sentences (per :data:`GROUP_WINDOW`, else
        :data:`CONTEXT_WINDOW`); ``earlier`` leaves out the current sentence."""
        return {g: labels for g, (labels, seen) in self.current.items()
                if self.sentence - seen <= GROUP_WINDOW.get(g, CONTEXT_WINDOW)
                and not (earlier and seen >= self.sentence)}

    def recent_in_section(self) -> dict[str, frozenset[str]]:
        """The recent groups named since the current section's heading."""
        return {g: labels for g, labels in self.recent().items()
                if self.current[g][1] >= self.section_start}

    def members(self, groups: tuple[str, ...]) -> frozenset[str]:
        """Every concept of ``groups`` (remembered per tuple of groups)."""
        found = self._members.get(groups)
        if found is None:
            found = self._members[groups] = frozenset().union(
                *(self.groups.get(g, ()) for g in groups))
        return found

    def named_before(self, groups: tuple[str, ...]) -> bool:
        """Whether the sentence just before named a concept of one of ``groups`` (one of
        them is in :meth:`previous`)."""
        before = self.sentence - 1
        return any((entry := self.current.get(g)) is not None and entry[1] == before
                   for g in groups)

    def previous(self) -> dict[str, frozenset[str]]:
        """The groups named in the sentence (or heading) just before this one."""
        return {g: labels for g, (labels, seen) in self.current.items()
                if seen == self.sentence - 1}

    def resolve(self, cand: Candidate, source: Mapping[str, frozenset[str]] | None = None,
                only: Iterable[str] | None = None, labels: AbstractSet[str] | None = None
                ) -> tuple[set[str], list[Step]]:
        """Labels of ``cand`` plus missing groups from ``source`` (default: recent context).

        ``only`` limits the groups taken; ``labels`` replaces the candidate's own labels.
        """
        if source is None:
            source = self.recent()
        labels = set(cand.labels) if labels is None else set(labels)
        steps = []
        for group, members in self.groups.items():
            if only is not None and group not in only:
                continue
            taken = source.get(group)
            if taken and group == TOPIC_GROUP and _names_payout(cand, labels):
                # "- The payout counts as taxable income." after "- You'll have to borrow the
                # maximum from the plan first.": money taken out is not the loan named before
                taken = taken - {LOAN_LABEL}
            if group == ACCOUNT_GROUP and taken:
                taken = self._loss_account(labels, taken)
            if not labels & members and taken:
                labels |= taken
                steps.append(Step(stage="context", detail=f"{group}: "
                                  f"{', '.join(sorted(taken))} from context",
                                  labels=tuple(sorted(taken)), source="context"))
        return labels, steps

    def _loss_account(self, labels: AbstractSet[str], taken: frozenset[str]) -> frozenset[str]:
        """The account a clause about a loss takes: the one named with the last loss or sale,
        when another account has been named since ("- Sell the losing fund in your brokerage
        account" "- Rebuy it in your IRA" "- Claim the loss on Form 8949": the loss is the
        brokerage account's)."""
        own = self.loss_accounts
        if (own is None or not labels & self.groups.get(LOSS_GROUP, set())
                or self.sentence - own[1] > CONTEXT_WINDOW or own[1] < self.section_start):
            return taken  # (a heading since names the section's own account: "## Your Roth
        return own[0]     # IRA" then "Its losses ...")

    def referred(self, cand: Candidate, labels: AbstractSet[str]
                 ) -> tuple[set[str], list[Step], list[ConceptMention]]:
        """Concepts that references in ``cand`` ("the credit") stand for, if named lately,
        and a mention of each where its reference stands (so that an amount next to "the
        credit" is the credit's, as it is next to "the Saver's Credit"), when the concept
        was named in this sentence or the one before (:data:`PLACED_WINDOW`)."""
        found: set[str] = set()
        steps: list[Step] = []
        placed: list[ConceptMention] = []
        if self.referring.isdisjoint(cand.labels):
            return found, steps, placed  # (most clauses) nothing that refers
        for mention in cand.concepts:
            targets = self.refers.get(mention.label, ())
            options = [t for t in targets
                       if t in self.seen and self.sentence - self.seen[t] <= REFERENCE_WINDOW]
            if options and not (labels | found) & set(targets):
                latest = max(self.seen[t] for t in options)
                chosen = sorted(t for t in options if self.seen[t] == latest)
                found.update(chosen)
                if self.sentence - latest <= PLACED_WINDOW:
                    placed.extend(ConceptMention(t, mention.start, mention.end, mention.text)
                                  for t in chosen)
                steps.append(Step(stage="context",
                                  detail=f"{mention.text}: {', '.join(chosen)} from context",
                                  labels=tuple(chosen), source="context"))
        return found, steps, placed

    def borrowed(self, cand: Candidate) -> set[str]:
        """Groups that the concepts of a clause stating an amount borrow from the discourse."""
        if not any(q.kind in AMOUNT_KINDS for q in cand.quantities):
            return set()
        return {g for m in cand.concepts for g in self.borrows.get(m.label, ())}

    def named_in_sentence(self) -> bool:
        """Whether an earlier clause of the current sentence named a concept of a group."""
        return any(seen == self.sentence for _, seen in self.current.values())

    def named_here(self, cand: Candidate) -> dict[str, frozenset[str]] | None:
        """What the pointers of ``cand`` stand for when its sentence names it before them: a
        pointer that names its kind ("the loss") after a thing of that kind in the clause or
        an earlier clause of the sentence ("Sell a losing fund ..., and that wipes out the
        loss for good"), any bare pronoun after a thing the sentence names. The groups the
        earlier clauses of the sentence named, then (the clause's own are its own); None
        when a pointer reaches past its sentence."""
        here = {g: labels for g, (labels, seen) in self.current.items()
                if seen == self.sentence and cand.start > cand.sentence_start}
        lowered = cand.text.lower()
        kinds = 0
        for pointer in cand.anaphors:
            at = lowered.find(pointer)
            if at < 0:
                return None
            at += cand.start
            named = {m.label for m in cand.concepts if at <= m.start < at + len(pointer)}
            before = {m.label for m in cand.concepts if m.start < at}
            if not named:
                if not (before or here):
                    return None
                continue
            kind = set(self.groups_of(named))
            if not kind or not kind & (set(self.groups_of(before)) | set(here)):
                return None
            kinds += 1
        return here if kinds else None

    def groups_of(self, labels: Iterable[str]) -> dict[str, frozenset[str]]:
        labels = self.grouped.intersection(labels)
        if not labels:
            return {}
        return {g: frozenset(found) for g, m in self.groups.items() if (found := labels & m)}

    def forget_account_of_new_loss(self, cand: Candidate) -> None:
        """A clause that brings in a loss of its own ("Why doesn't a loss push you into a
        lower bracket?", "Say you realized $18,000 of losses") and names no account, nor
        points back, starts a new thing to talk about: the account of earlier sentences is
        not that loss's, so later pronouns ("It lowers your taxable income") do not take it."""
        losses = self.groups.get(LOSS_GROUP, set())
        if (losses.isdisjoint(cand.labels) or cand.anaphor
                or self.groups_of(cand.labels).get(ACCOUNT_GROUP)):
            return  # (most clauses name no loss)
        if any(m.label in losses and new_mention(cand.text[:max(0, m.start - cand.start)])
               for m in cand.concepts):
            self.current.pop(ACCOUNT_GROUP, None)
            self.loss_accounts = None

    def forget_loan_of_withdrawal(self, cand: Candidate) -> None:
        """A clause that names a withdrawal and no loan, nor a loan's default ("What IRAs do
        have is a first-home break: you can take out up to $10,000"), speaks of money taken
        out, not borrowed: later pronouns ("You'd still pay income tax on it") stand for the
        withdrawal, not for the loan of earlier sentences."""
        labels = cand.labels
        if WITHDRAW_LABEL in labels and not labels & LOAN_KEEPERS and not cand.question:
            self.withdrawn = self.sentence
            topic = self.current.get(TOPIC_GROUP)
            if topic is not None and LOAN_LABEL in topic[0]:
                self.current[TOPIC_GROUP] = (topic[0] - {LOAN_LABEL}, topic[1])

    def without_loan(self, source: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        """``source`` less the loan topic when a withdrawal was named since (within the
        topic's reach): the title's or heading's loan is not what "it" stands for then."""
        topic = source.get(TOPIC_GROUP)
        if (topic is None or LOAN_LABEL not in topic or self.withdrawn is None
                or self.sentence - self.withdrawn > GROUP_WINDOW[TOPIC_GROUP]):
            return source
        return {**source, TOPIC_GROUP: topic - {LOAN_LABEL}}

    def update(self, labels: Iterable[str]) -> None:
        labels = set(labels)
        for group, found in self.groups_of(labels).items():
            self.current[group] = (found, self.sentence)
        for label in labels:
            self.seen[label] = self.sentence
        accounts = frozenset(labels & self.groups.get(ACCOUNT_GROUP, set()))
        if accounts:
            for label in labels & self.groups.get("topic", set()):
                self.paired[label] = (accounts, self.sentence)
            if SELL_LABEL in labels or labels & self.groups.get(LOSS_GROUP, set()):
                self.loss_accounts = (accounts, self.sentence)  # (a sale makes the loss)

    def topic_of_other_account(self, topics: Iterable[str], accounts: AbstractSet[str]
                               ) -> bool:
        """Each of ``topics`` was named in the sentence before in a clause with an account,
        none of which is one of ``accounts`` ("Many borrow against their 401(k)" before "The
        10% penalty applies before 55 for IRAs too": the loan is the 401(k)'s)."""
        topics = list(topics)
        return bool(topics) and all(
            self.paired.get(t, (frozenset(), -1))[1] == self.sentence - 1
            and not self.paired[t][0] & accounts for t in topics)



Groups = Mapping[str, frozenset[str]]


@dataclass
class Resolution:
    """What discourse resolution decided for one clause."""

    cand: Candidate
    """The clause, with the polarity of the statement it repeats for "the same is true of"."""
    labels: set[str] | frozenset[str]
    """The concepts the clause names plus those it inherits."""
    steps: list[Step]
    """One context step per inheritance, saying what came from where."""
    referred: set[str]
    """Concepts a reference or a borrowing stood for: they count as named by the clause."""


_DENIED_SAMENESS = re.compile(
    r"\b(?:another|a\s+(?:whole\s+)?different)\s+(?:story|matter|animal|kettle)\b"
    r"|(?:\b(?:no|not|never)\b|n['\u2019]t\b)(?:\s+\w+){0,3}?\s+(?:the\s+)?same\b"
    r"|\bsame\s+(?:(?:is|goes|holds|applies)\s+not|(?:isn|doesn)['\u2019]t)\b",
    re.IGNORECASE)
"""A sameness denied: "Roth 401(k)s are another story", "Your IRA doesn't get the same
reprieve", "The same isn't true of Roth IRAs" (not a denial of the clause's own, after the
sameness: "The same goes for your car: a loss on it can't be deducted")."""


def denies_sameness(cand: Candidate) -> bool:
    """The clause says the previous statement does not hold for its subject."""
    return bool(_DENIED_SAMENESS.search(cand.text))


def contrasts_nothing(cand: Candidate, labels: frozenset[str], context: DiscourseContext
                      ) -> bool:
    """A sameness denied ("A check made out to you is a different story") whose subject names
    nothing of a kind the previous statement names (an account for an account, a topic for a
    topic): what holds for the subject is not the previous statement denied."""
    if not denies_sameness(cand):
        return False
    return not set(context.groups_of(cand.labels)) & set(context.groups_of(labels))
_BIRTH = re.compile(r"\b(?:born|19[0-9]{2}|in\s+(?:my|your|his|her|their|our)\s+"
                    r"(?:(?:')?[3-5]0s|thirties|forties|fifties))\b", re.IGNORECASE)
"""A cohort mention that dates a person: a birth date ("born in 1950", "July 1, 1949") or an
age group ("in my fifties"); not a time frame ("in 2033", "after 2032")."""
_PERSON_FIRST = re.compile(r"^\W*(?:she|he|they|i)\b", re.IGNORECASE)
"""A sentence whose subject is a person named before it."""
_BORN_SENTENCE = re.compile(r"\b(?:was|were|is|am)\s+born\b", re.IGNORECASE)
"""A sentence that gives someone a birth date ("Linda was born in March 1949.")."""
_BECAUSE = re.compile(r"\b(?:so|since|because|as|hence|thus|meaning|which\s+means|"
                      r"that(?:'|\u2019)s\s+why)\b", re.IGNORECASE)
"""Words that tie one clause to another as its reason or consequence."""


_PRESENT_AGE = re.compile(
    r"\b(?:i|you|he|she|we|they)\s*(?:'m|'re|'s|am|are|is)\s+(?:only\s+|just\s+|now\s+)?"
    r"(1[89]|[2-5][0-9]|6[0-3])\b(?!\s*(?:or|and|\+|plus|to|through|-))"
    r"|\b(1[89]|[2-5][0-9]|6[0-3])-year-old\b", re.IGNORECASE)
"""A person's present age under 64 ("I'm 57", "she's 52", "a 45-year-old"): born after 1960
in any year from 2024 on; not an age threshold ("if you're 55 or older")."""
_AGE_DIGITS = re.compile(r"[1-6][0-9]")
"""The digits every age :data:`_PRESENT_AGE` finds begins with."""


def share_cohort(cands: Sequence[Candidate], cohort: frozenset[str],
                 young: str | None = None) -> list[Candidate]:
    """A clause tied to another of its sentence as reason or consequence takes the birth
    date the other gives ("My father was born in 1950, so his RMDs began at 72"; "She
    started at 70½, since she was born before July 1, 1949"): the age it states is that
    cohort's, not today's rule ("She was born in 1950, and today RMDs start at 72" stays
    today's). Only mentions that date a person are shared (a birth date, "in my fifties"),
    not a time frame ("in 2033"); a present age under 64 in the other clause ("I'm 57, so my
    RMDs won't start until 73") gives the cohort ``young`` (born after 1960)."""
    out = []
    # each clause's mentions that date a person, worked out once (most blocks have none)
    dating = [[m for m in other.concepts if m.label in cohort and _BIRTH.search(m.text)]
              for other in cands]
    dated = any(dating)
    for cand in cands:
        shared: list[ConceptMention] = []
        for other, dates in zip(cands, dating, strict=True) if dated else ():
            if (dates and other is not cand and other.sentence_index == cand.sentence_index
                    and _BECAUSE.search(_between(cand, other))):
                shared += dates
        if not shared and dated and _PERSON_FIRST.match(cand.sentence):
            # "Linda was born in March 1949. She turns 70½ in 2019, so ...": the person of a
            # worked example, dated in the sentence before
            shared += [m for other, dates in zip(cands, dating, strict=True)
                       if other.sentence_index == cand.sentence_index - 1
                       for m in dates if _BORN_SENTENCE.search(other.sentence)]
        if young is not None and (age := _aged(cand)) is not None:
            shared.append(ConceptMention(young, *age))
        shared = [m for m in shared if m.label not in cand.labels]
        out.append(replace(cand, concepts=tuple(sorted(
            (*cand.concepts, *shared), key=lambda c: (c.start, c.end)))) if shared else cand)
    return out


def _aged(cand: Candidate) -> tuple[int, int, str] | None:
    """The span and words of a present age under 64 that the clause's sentence gives before
    the clause's last concept, tied to it by a linking word ("I'm 57, so my RMDs ...",
    "Since he's 45, he ..."), whether or not the age stands in a clause of its own."""
    if not cand.concepts:
        return None
    text = cand.sentence
    upto = cand.concepts[-1].start - cand.sentence_start
    # (the pattern is tried at every character: a sentence without an age's two digits
    # before the concept is not searched)
    age = _PRESENT_AGE.search(text, 0, max(upto, 0)) if _AGE_DIGITS.search(
        text, 0, max(upto, 0)) else None
    if age is None or not _BECAUSE.search(text[:age.start()] + " " + text[age.end():upto]):
        return None
    at = cand.sentence_start + age.start()
    return at, at + len(age.group()), age.group()


def _between(one: Candidate, other: Candidate) -> str:
    """The text from the start of the later clause back to the end of the earlier one's
    subject: the later clause's first words, where a linking word stands."""
    later = max(one, other, key=lambda c: c.start)
    return later.text[:24]


def same_as(cand: Candidate, labels: frozenset[str], source: Candidate,
            context: DiscourseContext) -> Resolution:
    """"The same is true of X": the previous statement's concepts and polarity, for X; denied
    ("Your IRA doesn't get the same reprieve", "The same isn't true of Roth IRAs"), the
    opposite polarity.

    X replaces the concepts of every context group it names (an account for an account).
    """
    own = context.groups_of(cand.labels)
    kept = {label for label in labels
            if not any(label in context.groups[group] for group in own)}
    if cand.polarity == "negated" and denies_sameness(cand):
        polarity: Polarity = "affirmed" if source.polarity == "negated" else "negated"
        stated = replace(cand, polarity=polarity,
                         negations=() if polarity == "affirmed" else cand.negations)
    else:
        stated = replace(cand, polarity=source.polarity, negations=source.negations)
    return Resolution(stated, kept | set(cand.labels),
                      [Step(stage="context", detail="same as the previous statement",
                            labels=tuple(sorted(labels)), source="previous-statement")], set())


def follows_on(cand: Candidate, kind: FollowOn, labels: frozenset[str], source: Candidate
               ) -> Resolution:
    """A follow-on sentence right after a statement (:mod:`taxcheck.follow_ons`): the
    statement's concepts, with the follow-on's own polarity for an ellipsis ("It isn't.")
    and the statement's for a restatement ("You simply won't owe it.")."""
    stated = cand if kind == "ellipsis" else replace(
        cand, polarity=source.polarity, negations=source.negations)
    return Resolution(stated, set(labels), [Step(
        stage="context", detail="follows on from the previous statement",
        labels=tuple(sorted(labels)), source="previous-statement")], set())


def _pointing_back(cand: Candidate, context: DiscourseContext, section_groups: Groups,
                   led_in: bool = False) -> tuple[set[str], list[Step]]:
    # "their catch-ups" points at people, not at the topic of the last sentence
    groups = None if set(cand.anaphors) - POSSESSIVES else [
        g for g in context.groups if g not in SECTION_ONLY_GROUPS]
    # a group a pronoun takes only within its sentence ("born well after 1960, so their RMDs
    # ...") is never taken from a heading ("Born 1950, 1955 and 1960: when do RMDs start?")
    source = {**{g: labels for g, labels in section_groups.items()
                 if GROUP_WINDOW.get(g, CONTEXT_WINDOW)}, **context.recent()}
    # a new section starts a new thing to talk about: what sentences before its heading
    # named is not what its pronouns stand for (the heading's own groups still are)
    source = {g: labels for g, labels in source.items()
              if g not in context.current or context.current[g][1] >= context.heading_start
              or section_groups.get(g) == labels}
    if ACCOUNT_GROUP in source and lists_accounts(source[ACCOUNT_GROUP]) and (
            source[ACCOUNT_GROUP] == section_groups.get(ACCOUNT_GROUP)):
        # "RMD age, Roth 401(k), and Mom's inherited IRA" as a thread's title: a heading that
        # lists several accounts names the page's topics, not the account a later "it" stands
        # for ("It's lower now." about the RMD penalty is no Roth 401(k) claim)
        del source[ACCOUNT_GROUP]
    account = context.current.get(ACCOUNT_GROUP)
    if ACCOUNT_GROUP in source and (account is None or context.sentence - account[1]
                                    > ANTECEDENT_ACCOUNT_WINDOW) and antecedent_in_sentence(
            cand, context.named_in_sentence()):
        # "Follow-up on the loan: if I don't pay it off they'll offset it": the pronoun's
        # thing is named in its own sentence, so it does not fetch an account from further
        # back than the sentence before (nor from the heading)
        del source[ACCOUNT_GROUP]
    if LOSS_GROUP in source and about_other_thing(cand, context, led_in):
        # "Roll your old 401(k) into an IRA." (a tip after a paragraph on an IRA loss); "You
        # need to repay the loan or roll over the offset amount, or it counts as a
        # distribution": the clause is about a thing it names itself, not a loss before it
        del source[LOSS_GROUP]
    here = context.named_here(cand)
    if here is not None:
        # "Don't buy the ETF back in your Roth IRA after selling it at a loss; that wipes out
        # the loss for good": the thing pointed at was named by an earlier clause of the
        # sentence, so the clause is about what its sentence names, not the topic of the
        # heading ("Losses before or after you convert") or of sentences before it
        source = here
    if account_antecedent(cand, context.groups.get(ACCOUNT_GROUP, set())):
        # "I also have a traditional IRA from an old job with about $14k in it": the pronoun
        # stands for the account just named, so it takes nothing from earlier sentences or the
        # title (the loan the thread is about)
        return set(cand.labels), []
    if ACCOUNT_GROUP in source and objects_of_remedy(cand):
        # "If you miss an RMD elsewhere, the penalty drops to 10% once you correct it": a
        # pronoun that is only the object of a verb of fixing, paying or taking stands for
        # the thing fixed, paid or taken (the RMD, the loan, the tax), not an account
        del source[ACCOUNT_GROUP]
    if continues_subject(cand, context.holders, any(
            context.current.get(g, (frozenset(), -1))[1] == context.sentence
            for g in HOLDER_GROUPS)):
        # "The one deduction that returns is narrow: it covers teachers' expenses": the
        # pronoun carries on a subject that is no account and no loss, so it does not stand
        # for an account or a loss of earlier sentences
        source = {g: labels for g, labels in source.items() if g not in HOLDER_GROUPS
                  or context.current.get(g, (frozenset(), -1))[1] == context.sentence}
    return context.resolve(cand, context.without_loan(source), only=groups)


UMBRELLA_ACCOUNTS = {
    "IRA": frozenset({"ROTH_IRA", "TRADITIONAL_IRA", "SEP_IRA", "SIMPLE_PLAN"}),
    "EMPLOYER_PLAN": frozenset({"ROTH_401K", "GOV_457", "SIMPLE_PLAN"}),
    "RETIREMENT_ACCOUNT": frozenset({"IRA", "EMPLOYER_PLAN", "ROTH_IRA", "TRADITIONAL_IRA",
                                     "SEP_IRA", "SIMPLE_PLAN", "ROTH_401K", "GOV_457"}),
}
"""Accounts that a more specific one named with them already stands for ("Roth 401(k)" is
an employer plan too)."""


def lists_accounts(accounts: AbstractSet[str]) -> bool:
    """Whether ``accounts`` are several distinct accounts once umbrellas implied by a more
    specific one are left out (a Roth 401(k) and an IRA; not a Roth IRA and an IRA)."""
    distinct = {a for a in accounts
                if not UMBRELLA_ACCOUNTS.get(a, frozenset()) & accounts}
    return len(distinct) > 1


def _names_payout(cand: Candidate, labels: AbstractSet[str]) -> bool:
    """The clause names a payout by a noun ("The payout counts as taxable income"), no loan
    nor a loan's default (a verb of taking out may tell a loan: "You can take out half of
    your vested balance") and no pronoun that may stand for the loan ("it becomes a taxable
    distribution")."""
    return not cand.anaphor and not labels & LOAN_KEEPERS and any(
        m.label == WITHDRAW_LABEL and m.text.lower().split()[-1] in PAYOUT_NOUNS
        for m in cand.concepts)


def about_other_thing(cand: Candidate, context: DiscourseContext, led_in: bool = False) -> bool:
    """Whether the clause is about a thing of its own, not a loss of earlier sentences: an
    instruction that names its own account and points at nothing ("Roll your old 401(k)
    into an IRA" as a list's tip after a paragraph on an IRA loss), or a clause whose
    pronouns stand for something its own sentence names before them and that names a topic
    of another rule ("You need to repay the loan ..., or it counts as a distribution"). An
    item of a list whose lead-in ends in a colon (``led_in``: "Smart tax-loss harvesting
    moves:" then "Repurchase the fund inside your Roth IRA right away; ...") completes
    the lead-in, loss and all."""
    own = cand.labels
    if own & context.groups.get(LOSS_GROUP, set()):
        return False
    if not cand.anaphor:
        return (cand.imperative and not led_in
                and bool(own & context.groups.get(ACCOUNT_GROUP, set())))
    return (bool(own & context.groups.get(TOPIC_GROUP, set()))
            and antecedent_in_sentence(cand, context.named_in_sentence()))


_SUBJECT_PRONOUN = re.compile(
    r"(?:^\W*|[:;\u2014\u2013]\s*|,?\s+(?:and|but|so|since|because|as|while|though|"
    r"although|yet|which|where)\s+)(?:it|they)\b", re.IGNORECASE)


HOLDER_GROUPS = ("account", "loss")
"""Groups of the things a pronoun most often borrows from earlier sentences."""


def continues_subject(cand: Candidate, holders: frozenset[str], holder_before: bool) -> bool:
    """Whether a bare pronoun is the subject of a later clause of its sentence ("The one
    deduction that returns is narrow: it covers classroom costs"; "..., and it pays only
    for supplies") and carries on a subject that is neither an account nor a loss: the
    clause's words before it name none (``holders``: the labels of those groups), nor did
    an earlier clause of its sentence (``holder_before``)."""
    if holder_before:
        return False
    for m in _SUBJECT_PRONOUN.finditer(cand.text):
        at = cand.start + m.start()
        before = [c for c in cand.concepts if c.start < at]
        if any(c.label in holders for c in before):
            return False
        if before or (m.start() == 0 and cand.start > cand.sentence_start):
            return True
    return False


ACCOUNT_GROUP = "account"
LOSS_GROUP = "loss"
SELL_LABEL = "SELL"
TOPIC_GROUP = "topic"
WITHDRAW_LABEL = "WITHDRAW"
LOAN_LABEL = "LOAN"
PAYOUT_NOUNS = frozenset({"payout", "payouts", "withdrawal", "withdrawals", "distribution",
                          "distributions", "cash-out", "cashout"})
LOAN_KEEPERS = frozenset({"LOAN", "DEFAULT"})
"""Concepts that keep a withdrawal clause about the loan ("take out a loan", "the rest is
treated as a withdrawal")."""
_NEW_MENTION = re.compile(
    r"(?:\b(?:a|an|any)\s+(?:\$?[\d,.]+k?\s+|[a-z-]+\s+){0,2}|\$[\d,.]+k?\s+(?:of|in)\s+)$",
    re.IGNORECASE)
"""The words before a thing brought in as new: "a loss", "a $5,000 capital loss", "$18,000 of
losses"."""


def new_mention(before: str) -> bool:
    """Whether the text before a mention brings it in as a new thing (an indefinite article
    or an amount "of"), not one named before ("that loss", "a loss like that" aside)."""
    return _NEW_MENTION.search(before[-40:]) is not None
ANTECEDENT_ACCOUNT_WINDOW = 1
"""How many sentences back a pronoun whose antecedent is in its own sentence may still
take the account from ("The IRA fell. I sold the shares after it did": the IRA)."""
BARE_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
"""Pronouns that stand for a thing without naming its kind."""
_BARE = re.compile(r"\b(?:it|its|they|them|their)\b", re.IGNORECASE)


_REMEDY_VERB = re.compile(
    r"\b(?:correct(?:s|ed|ing)?|fix(?:es|ed|ing)?|take[sn]?|took|taking|"
    r"(?:re)?pa(?:y|ys|id|ying)|withdr[ae]w(?:s|n|ing)?|remed(?:y|ies|ied|ying)|"
    r"cur(?:e|es|ed|ing)|settl(?:e|es|ed|ing)|redeposit(?:s|ed|ing)?|"
    r"waiv(?:e|es|ed|ing)|ow(?:e|es|ed|ing)|avoid(?:s|ed|ing)?|dodg(?:e|es|ed|ing)|"
    r"escap(?:e|es|ed|ing)|exceptions?\s+to|exemptions?\s+from|waivers?\s+(?:of|for))\s+$"
    r"|\bma(?:ke|kes|de|king)\s+$", re.IGNORECASE)
"""A verb of fixing, paying or taking right before a pronoun (its object), or a word whose
object is a charge ("owe it", "avoid it", "an exception to it", "a waiver of it")."""
_MAKE_UP = re.compile(r"^\s+(?:up|good)\b", re.IGNORECASE)
"""What "make it" needs after the pronoun to be a remedy ("make it up", "make it good")."""


def objects_of_remedy(cand: Candidate) -> bool:
    """Whether every pronoun of ``cand`` is a bare "it"/"them" right after a verb of fixing,
    paying or taking ("once you correct it", "pay them back", "make it up"): its object, the
    thing fixed, paid or taken, not an account ("Your Roth IRA is never subject to RMDs. If
    you miss one elsewhere, the penalty drops once you correct it"). A subject pronoun ("It
    is exempt", "They require RMDs") may still stand for the account."""
    if not cand.anaphors or set(cand.anaphors) - {"it", "them"}:
        return False
    text = cand.text
    found = False
    for m in _BARE.finditer(text):
        if m.group().lower() not in ("it", "them"):
            return False
        verb = _REMEDY_VERB.search(text[max(0, m.start() - 16):m.start()])
        if verb is None or (verb.group().lower().startswith("ma")
                            and not _MAKE_UP.match(text[m.end():])):
            return False
        found = True
    return found


def _first_bare_pronoun(cand: Candidate) -> int | None:
    """Where the first word of ``cand`` that points back starts, when every such word is a
    bare pronoun ("it", "they"); None otherwise."""
    if not cand.anaphors or set(cand.anaphors) - BARE_PRONOUNS:
        return None
    first = _BARE.search(cand.text)
    return None if first is None else cand.start + first.start()


def account_antecedent(cand: Candidate, accounts: set[str] | frozenset[str]) -> bool:
    """Whether every word of ``cand`` that points back is a bare pronoun after an account
    named earlier in the clause, the last concept before it ("a traditional IRA with about
    $14k in it"): the pronoun stands for that account."""
    at = _first_bare_pronoun(cand)
    if at is None:
        return False
    before = [m for m in cand.concepts if m.end <= at]
    return bool(before) and max(before, key=lambda m: m.end).label in accounts


def antecedent_in_sentence(cand: Candidate, named_before: bool) -> bool:
    """Whether the words of ``cand`` that point back are pronouns whose antecedent is in
    their own sentence: a concept named before the first of them, in the clause or (when
    ``named_before``) in an earlier clause of the sentence ("When you take money out, it
    comes out in a set order"; "if I don't pay the loan off they'll offset it"). A phrase
    that names its kind ("those accounts", "that loss") and a pronoun before anything is
    named ("It is taxed", "Sadly it isn't deductible") point past their sentence."""
    at = _first_bare_pronoun(cand)
    if at is None:
        return False
    return named_before or any(m.start < at for m in cand.concepts)


def resolve_clause(cand: Candidate, context: DiscourseContext, *, heading: bool,
                   list_item: bool, section: Groups, section_groups: Groups,
                   heading_groups: Groups,
                   repeats: tuple[frozenset[str], Candidate] | None = None,
                   led_in: bool = False) -> Resolution:
    """The concepts of ``cand`` and those it inherits from the discourse.

    Args:
        repeats: the concepts and clause of the previous statement, when ``cand`` says
            "the same is true of X" within :data:`CONTEXT_WINDOW` sentences of it.
        heading: the clause is a title or heading; it takes missing groups from ``section``
            (the paragraph it introduces) when it is an imperative or points back.
        list_item: the clause is a list item (an imperative item takes the list's context).
        led_in: the list item is under a lead-in that ends in a colon.
        section_groups: the groups of the enclosing heading.
        heading_groups: the groups of every enclosing heading and the title, innermost last.
    """
    if repeats is not None and contrasts_nothing(cand, repeats[0], context):
        repeats = None
    if repeats is not None:
        first = same_as(cand, *repeats, context)
        cand, labels, steps = first.cand, first.labels, first.steps
    elif heading:
        labels, steps = context.resolve(cand, section) if (
            cand.imperative or cand.anaphor) else (set(cand.labels), [])
    elif cand.anaphor or (cand.imperative and list_item):
        labels, steps = _pointing_back(cand, context, section_groups, led_in)
    else:
        labels, steps = set(cand.labels), []
    referred, more, placed = context.referred(cand, labels)
    if placed:
        cand = replace(cand, concepts=tuple(sorted((*cand.concepts, *placed),
                                                   key=lambda c: (c.start, c.end))))
    labels |= referred
    steps = steps + more
    borrowed = context.borrowed(cand)
    if borrowed and not heading:
        # an amount stated without its plan takes the plan of its section, not of the one
        # before ("What about an IRA?" ... "Looking ahead": "your catch-up rises to $8,000")
        before = labels
        labels, more = context.resolve(cand, {**heading_groups, **context.recent_in_section()},
                                       only=borrowed, labels=labels)
        steps = steps + more
        referred |= labels - before
    return Resolution(cand, labels, steps, referred)


_ADMINISTRATOR = re.compile(
    r"\b(?:hr|human\s+resources|payroll|(?:the|my|his|her|our|their|your)\s+"
    r"(?:(?:old|new|former|current|company(?:'s|\u2019s)?|employer(?:'s|\u2019s)?)\s+){0,2}"
    r"(?:plan|employer|company|benefits|administrator|plan\s+administrator|recordkeeper|"
    r"record-keeper|custodian|provider|hr))"
    r"(?:\s+(?:rep|representative|person|people|department|dept|team|office|desk|lady|guy|"
    r"administrator|documents?|paperwork|website|portal))?"
    r"\s+(?:(?:also|already|just|clearly)\s+)?(?:said|says|told|tells|confirmed|confirms|"
    r"explained|explains|informed)\b", re.IGNORECASE)
"""Who runs the plan, reporting how it works: "HR told me", "his plan said", "our plan
administrator said", "the benefits office told me"."""
_DOUBTED = re.compile(
    r"\?|\b(?:not\s+(?:true|quite|right|correct|so)|isn(?:'|\u2019)?t\s+(?:true|right|correct|"
    r"so)|wrong|incorrect|mistaken|misinformed|myths?|actually|in\s+fact|nope|doubt|"
    r"skeptical|sceptical|suspicious)\b", re.IGNORECASE)
"""Words that question or correct what was reported ("Is that right?", "That's wrong")."""
RELIED_REACH = 300
"""How many characters after a report are read for a doubt or a correction."""


def relied_on(sentence: str, after: str) -> bool:
    """Whether a report from whoever runs the plan ("HR told me they'll withhold 20%", "his
    plan said he could only take $10,000") is what the writer goes by: a forum poster
    telling what happened states it as fact. A report the writer questions or corrects in
    the next words ("Is that right?", "That's not true") stays a reported belief, and so
    does what a relative or a friend says ("My brother-in-law says ..."), which letters
    quote in order to ask about it."""
    if sentence.rstrip(" \"'\u201d\u2019)").endswith("?") or not _ADMINISTRATOR.search(sentence):
        return False
    return not _DOUBTED.search(after[:RELIED_REACH])


_OWN_SOURCE = re.compile(
    r"\b(?:I|we)(?:(?:'|\u2019)ve)?\s+(?:(?:just|once|always)\s+)?(?:saved|found|copied|"
    r"bookmarked|clipped|pulled|grabbed|screenshotted|wrote\s+down|jotted\s+down|kept)\b"
    r"|\bhere(?:'|\u2019)?s\s+what\s+(?:the\s+)?(?:irs|publication|pub\.?|my\s+plan|our\s+plan|"
    r"the\s+plan)\b[^:]{0,40}\b(?:says|said|states)\b", re.IGNORECASE)
"""A lead-in in which the writer brings a quotation as their own source ("I saved this from a
Bogleheads post years ago:", "I copied this straight from our plan's summary:", "Here's what
the IRS says:")."""


def sourced(lead: str, after: str) -> bool:
    """Whether a quotation after ``lead`` (the block before it, ending in a colon) is the
    writer's own claim: the writer brings it as a source they go by, and neither the lead-in
    nor the next words doubt it ("I found this myth on an old benefits page:", "... That
    stopped working in 2018"). Someone else's words ("My brother-in-law keeps repeating
    this:") stay reported."""
    lead = lead.rstrip()
    if not lead.endswith(":"):
        return False
    last = re.split(r"(?<=[.!?])\s+", lead)[-1]
    if not _OWN_SOURCE.search(last) or _DOUBTED.search(last):
        return False
    return not _DOUBTED.search(after[:RELIED_REACH]) and not _STOPPED.search(
        after[:RELIED_REACH])


_STOPPED = re.compile(r"\b(?:stopped|no\s+longer|out\s+of\s+date|outdated|(?:isn|wasn|doesn|"
                      r"don|haven|hasn)(?:'|\u2019)?t|not\s+allowed)\b", re.IGNORECASE)
"""Words after a quotation that say it no longer holds ("That stopped working in 2018",
"Plans haven't been allowed to require that since 2020")."""


_YES_NO_CELL = re.compile(r":\s*(?:yes|no)\b[^:]{0,40}$", re.IGNORECASE)
"""A table cell that answers yes or no ("... - Answer: Yes", "... - IRA: No, never")."""


def answered_row(row: str | None, text: str) -> bool:
    """A table cell whose row asks a question ("Can you borrow from an IRA?") and which
    answers it yes or no ("Answer: Yes", "IRA: No"): the cell states the answer ("You can
    borrow from an IRA"), with the polarity of its reply, rather than asking."""
    return bool(row) and row.rstrip().endswith("?") and _YES_NO_CELL.search(text) is not None


def passed_on_year(years: ClauseYears, cand: Candidate, states_figure: bool,
                   question: bool = False) -> int | None:
    """The tax year a sentence passes on to the next sentences of its paragraph that name
    none: the year it states a figure for ("The 401(k) limit for 2024 is $23,000. The
    catch-up is $7,500.", "I maxed out my 401(k) at $23,000 back in 2024. Then I added the
    $7,500 catch-up."), or the year a question asks about ("What could you put in a 401(k)
    in 2024? The limit was $23,000."). A year that only dates an event ("I retired in 2019")
    is passed on by neither, and nor is "this year" or "next year": a page's "this year" is
    checked as the present (tax-rules.md, label policy), not as the year it was written."""
    if not (states_figure or question) or not any(q.kind == "year" for q in cand.quantities):
        return None
    if years.own:
        return years.frame
    return years.amount_year if states_figure else None
