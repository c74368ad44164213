"""A short sentence that states its claim only with the sentence before it.

Real pages state a rule once and go on in fragments that lean on it: "If your capital losses
are bigger than your gains, the rest can offset ordinary income. There's no cap on how much."
The follow-on takes everything the sentence before it named, not only its account or topic
(which a pronoun takes, :mod:`taxcheck.matching.discourse`), because the claim is the two
sentences read together. Three shapes lean on the sentence before:

- a restriction or an amount with no subject ("Only for five years, though.", "Up to $3,000
  a year, that is.") (:func:`restricts`);
- the same again for another thing ("Same with your car.", "Your IRAs too.",
  "Ditto for Roth IRAs.") (:func:`substitutes`): the other thing replaces the one of the same
  kind the sentence before named;
- a subject that points back ("It's 50% of the shortfall.", "That's one per IRA.",
  "Buying it back in your IRA gets around that.") or is what is left of the thing before
  ("Whatever is left can wipe out any amount of salary.") (:func:`points_back`);
- a consequence added to it ("You'll also owe the 10% penalty.", "On top of that, ...")
  (:func:`adds_on`).

When it must not inherit: from a sentence before it that was a question (the question
retries read replies), a heading, or anything further back than the sentence just before;
from a sentence of the other polarity ("... the $50,000 ceiling isn't indexed to inflation.
It's the same number every year." restates the denial in other words); in a follow-on of
more than :data:`CARRY_WORDS` words; a thing the follow-on names only to compare ("That's
worse than an ordinary wash sale.", :func:`~taxcheck.matching.discourse.foils`); and a claim
the sentence before states by itself, which the follow-on does not state again
(:func:`adds_to`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution, foils
from taxcheck.matching.retries.borrowing import MatchFn

CARRY_WORDS = 14
"""The most words a follow-on has: a longer sentence says something of its own."""


@dataclass(frozen=True)
class Said:
    """A statement sentence of a paragraph or list, with what its clauses named, for the
    sentence after it."""

    sentence: int
    labels: AbstractSet[str]
    """The concepts its clauses named (not those a pronoun of it took from further back)."""
    line: int
    polarity: str = "affirmed"
    """Negated when one of its clauses that named a concept is."""
    historical: bool = False
    """One of its clauses tells how things were ("used to", "Before 2018 you could")."""
    claims: frozenset[str] = frozenset()
    """The claims it matched."""
    clauses: tuple[Candidate, ...] = ()
    """Its clauses (their amounts, for a follow-on that says the figure holds still)."""


_LINK = r"^\W*(?:(?:and|but|plus|though|although|also|so|oh|well)\b\W*)*"
_RESTRICTION = re.compile(
    _LINK + r"(?:only|just|not\s+(?:until|before|unless|more\s+than|over)|never\s+(?:before|"
    r"more\s+than)|at\s+(?:least|most)|up\s+to|no\s+more\s+than|as\s+long\s+as|provided|"
    r"unless|there(?:'s|\s+is|\s+are)\s+no\s+(?:cap|limit|ceiling|maximum|max)|no\s+(?:cap|"
    r"limit|ceiling|maximum|max)\b|with\s+no\s+(?:cap|limit)|for\s+(?:up\s+to\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|ten)\s+(?:years?|months?|days?))\b",
    re.IGNORECASE)
"""A follow-on that opens with a restriction or an amount and has no subject of its own
("Only after five years, though.", "But only for five years.", "There's no cap on how
much.", "Up to $3,000 a year, that is.")."""

_SAME_FOR = re.compile(
    _LINK + r"(?:(?:the\s+)?same\s+(?:thing\s+)?(?:goes\s+|is\s+true\s+|applies\s+|holds\s+)?"
    r"(?:with|for|of|to)|ditto\s+(?:for|with)|likewise\s+(?:for|with)|as\s+(?:do|does|can)|"
    r"so\s+(?:do|does|can))\b", re.IGNORECASE)
"""The same again for another thing: "Same with your car", "Same goes for IRAs"."""

_TOO = re.compile(r"\b(?:too|as\s+well|also)\W*$", re.IGNORECASE)
"""A verbless follow-on that ends by extending ("Your IRAs too.", "Roth IRAs as well.")."""

_TOO_WORDS = 5
"""The most words of a verbless "X too." follow-on."""

_POINTER = re.compile(
    r"^\W*(?:(?:and|but|plus|so|also|the\s+(?:good|bad)\s+news\s+is(?:\s+that)?)\b\W*)*"
    r"(?:it|that|this|they|those|these)(?:\s*'s|\s*\u2019s|\s+is|\s+are|\s*'re|\s*\u2019re|"
    r"\s+was|\s+were|\s+will|\s*'ll|\s+can|\s+comes?|\s+gets?|\s+works?|\s+goes)\b"
    r"|\b(?:around|past|out\s+of|through)\s+(?:that|this|it)\W*$", re.IGNORECASE)
"""A follow-on whose subject points back ("It's 50% of the shortfall", "That's one per
IRA", "The good news is they're taxed at capital-gains rates") or whose verb's object does
("Buying it back in your IRA gets around that")."""


_DUMMY_IT = re.compile(
    r"^\W*(?:(?:and|but|so)\b\W*)?it(?:\s*'s|\s*\u2019s|\s+is|\s+was|\s+can\s+be|\s+will\s+be)\s+"
    r"(?:(?:a|an|so|very|really|pretty|quite|more|less|most)\s+)?"
    r"(?!(?:subject|up|limited|capped|due|equal|similar|close|added|applied|taxed|tied|open|"
    r"available|restricted|counted|reported|paid|owed|treated|allowed)\b)\w+(?:\s+\w+)?\s+"
    r"(?:to\s+\w|that\b)", re.IGNORECASE)
"""An "it" that stands for what follows ("It's frustrating to lose a write-off that way.",
"It's worth knowing that ..."), not for the sentence before."""


_ADDS = re.compile(
    _LINK + r"(?:on\s+top\s+of\s+(?:that|this|it)|in\s+addition|what['\u2019]s\s+more|"
    r"besides(?:\s+that)?)\b"
    r"|^\W*(?:(?:and|but|plus|so)\b\W*)*(?:you|they|we|it|that|this|there)"
    r"(?:['\u2019](?:ll|d|re|s)|\s+(?:will|would|may|might|could|can|must|is|are))?"
    r"\s+(?:\w+\s+)?also\b", re.IGNORECASE)
"""A follow-on that adds to what the sentence before said of its subject ("You'll also owe
the 10% penalty.", "On top of that, there's a 10% penalty.", "There's also a penalty.")."""


_LEFTOVER = re.compile(
    _LINK + r"(?:whatever(?:['\u2019]s|\s+is)\s+left(?:\s+over)?|what(?:['\u2019]s|\s+is)\s+"
    r"left(?:\s+over)?|anything\s+(?:left(?:\s+over)?|beyond\s+that|above\s+that|over\s+that)|"
    r"the\s+(?:rest|remainder|excess|leftover)|any\s+(?:rest|remainder|excess|leftover|"
    r"remaining\s+(?:loss|losses|amount)))\b", re.IGNORECASE)
"""A follow-on whose subject is what is left of the thing the sentence before spoke of
("Capital losses first cancel your gains. Whatever is left can offset $3,000 of salary.",
"The rest carries forward.")."""


_BY_THAT = re.compile(
    _LINK + r"(?:(?:that|this)\s+way|(?:by\s+|in\s+)?doing\s+(?:so|that|this)|"
    r"(?:that|this)\s+move)\b(?!\s+(?:of|to)\b)", re.IGNORECASE)
"""A follow-on that tells what doing what the sentence before said brings about ("Buy it
back in your IRA. That way the wash-sale rule never touches your sale.", "Doing so keeps
the loss"), not "that way of ...", "this move to ..."."""


def _more_words(text: str, most: int) -> bool:
    """Whether ``text`` has more than ``most`` words (split no further than that)."""
    return len(text.split(None, most)) > most


def restricts(cand: Candidate) -> bool:
    """A follow-on that restricts the sentence before or gives its amount, with no subject of
    its own ("Only after five years, though.", "There's no cap on how much.")."""
    return _RESTRICTION.match(cand.text) is not None


def substitutes(cand: Candidate) -> bool:
    """A follow-on that says the sentence before holds for another thing too ("Same with
    your car if you sell it at a loss.", "Your IRAs too.")."""
    if _SAME_FOR.match(cand.text):
        return True
    return not _more_words(cand.sentence, _TOO_WORDS) and _TOO.search(cand.sentence) is not None


def adds_on(cand: Candidate) -> bool:
    """A follow-on that adds a consequence to what the sentence before said ("You'll also
    owe the 10% penalty if you're under 59\u00bd." after a sentence on converting)."""
    return _ADDS.match(cand.text) is not None


def points_back(cand: Candidate) -> bool:
    """A follow-on whose subject, or the object of its verb, points back at what the
    sentence before said ("It's 50% of the shortfall.", "Buying it back in your IRA gets
    around that."), or that tells what doing it brings about ("That way ...", "Doing so
    ...")."""
    return (_POINTER.search(cand.text) is not None and not _DUMMY_IT.match(cand.text)
            ) or _LEFTOVER.match(cand.text) is not None or _BY_THAT.match(cand.text) is not None


def leans_on_previous(cand: Candidate) -> bool:
    """The clause opens a short sentence that states its claim only with the one before:
    a restriction, the same for another thing, or a subject that points back."""
    if (cand.start != cand.sentence_start or cand.question or cand.attribution
            or cand.historical or cand.hedges or _more_words(cand.sentence, CARRY_WORDS)):
        # a hedged follow-on ("This can potentially lower your bracket") speculates on the
        # sentence before rather than stating a rule with it
        return False
    return restricts(cand) or substitutes(cand) or points_back(cand) or adds_on(cand)


EITHER_OR = (frozenset({"PRETAX", "AFTER_TAX"}), frozenset({"TAXABLE", "TAX_FREE"}))
"""Concepts of which a thing is one or the other (pre-tax or after-tax money, taxed or
tax-free): a follow-on that names one speaks of it, not of the other the sentence before
named."""


def carried_labels(own: frozenset[str] | set[str], before: AbstractSet[str],
                   groups: Mapping[str, set[str] | frozenset[str]]) -> set[str]:
    """The follow-on's concepts and those of the sentence before, where a thing the
    follow-on names replaces the thing of the same kind the sentence before named ("Your
    IRAs too." after a sentence on the 401(k): the IRA, not the 401(k))."""
    replaced = {label for members in groups.values() if own & members
                for label in before & members}
    for kinds in EITHER_OR:
        if own & kinds:
            # "After-tax money can go to a Roth tax-free. Only pre-tax money you convert is
            # taxed.": the follow-on's kind of money, and its tax, replace the other's
            replaced |= before & kinds
    return set(own) | (before - replaced)


def adds_to(matches: list[Match], own: frozenset[str] | set[str], said: Said) -> list[Match]:
    """The matches that a concept of the follow-on itself takes part in (one the sentence
    before did not name), other than the claims the sentence before matched: the follow-on
    says something, not the sentence before again ("... you can use your 401(k) losses to
    offset these gains. This can help reduce your overall tax liability."). It may state
    another claim of the same fact ("... put off RMDs from your current employer's 401(k).
    Your IRAs too.")."""
    new = set(own) - said.labels
    return [m for m in matches if m.concepts & new and m.claim.id not in said.claims]


def with_previous_sentence(cand: Candidate, res: Resolution, said: Said | None,
                           sentence: int, groups: Mapping[str, set[str] | frozenset[str]],
                           match: MatchFn) -> tuple[list[Match], Resolution]:
    """A short follow-on read with everything the sentence just before it named
    (:func:`leans_on_previous`), keeping its own polarity: "There's no cap on how much."
    after "If your capital losses are bigger than your gains, the rest can offset ordinary
    income." states that capital losses offset unlimited ordinary income."""
    if said is None or sentence - said.sentence != 1 or not cand.concepts:
        # (a follow-on that names no concept, "It rises to $7,500 in 2026.", is read only
        # with the figure just stated: :mod:`.figure_pronouns`)
        return [], res
    if includes(cand):
        return _with_included(cand, res, said, groups, match)
    # (what doing a thing brings about has a polarity of its own: "Buy it back in your IRA.
    # That way the wash-sale rule never touches your sale.")
    if (said.polarity != cand.polarity and _BY_THAT.match(cand.text) is None
            ) or not leans_on_previous(cand):
        return [], res
    # the sentence before is what the follow-on points back at: it replaces what a pronoun
    # of the follow-on took from further back
    own = (cand.labels | res.referred) - foils(cand)
    labels = carried_labels(own, said.labels, groups)
    if not labels - own:
        return [], res
    matches = adds_to(match(labels), own, said)
    if not matches:
        return [], res
    return matches, replace(res, labels=labels, steps=[*res.steps, Step(
        stage="context", detail=f"the sentence before it on line {said.line}",
        labels=tuple(sorted(labels - own)), source="previous-sentence")])


_INCLUDES = re.compile(
    r"^\W*(?:(?:and|but|so)\b\W*)*(?:that|this|it|the\s+(?:same\s+)?(?:rule|break|exception|"
    r"exemption|ban|limit))\s+(?:includes?|covers?|extends?\s+to|reaches|"
    r"(?:does|do)(?:n['\u2019]t|\s+not)\s+(?:include|cover|extend\s+to|reach))\b",
    re.IGNORECASE)
"""A follow-on that says what the sentence before said holds for a thing it includes ("That
includes money you rolled in from an old 401(k).", "It covers SEP IRAs too.") or does not
("That doesn't include rolled-in money."); not "It also includes ...", which adds to the
sentence before (:func:`adds_on`)."""


def includes(cand: Candidate) -> bool:
    """The clause opens a short sentence saying what the sentence before said holds (or does
    not hold) for a thing it includes."""
    return (cand.start == cand.sentence_start and not cand.question and not cand.attribution
            and not cand.hedges and not _more_words(cand.sentence, CARRY_WORDS)
            and _INCLUDES.match(cand.text) is not None)


def _with_included(cand: Candidate, res: Resolution, said: Said,
                   groups: Mapping[str, set[str] | frozenset[str]], match: MatchFn
                   ) -> tuple[list[Match], Resolution]:
    """"That includes X" read as the sentence before said of X as well, with its polarity,
    turned by a denial of the inclusion: "Governmental 457(b) plans carry no 10% penalty.
    That includes money you rolled in from an old 401(k)." says rolled-in money carries no
    penalty. X is first read as part of what the sentence before named (the 401(k) the
    money came from does not replace the 457(b)), then in place of the thing of its kind
    ("The rule of 55 covers your old employer's 401(k). That includes your IRA.")."""
    own = (cand.labels | res.referred) - foils(cand)
    if not own - said.labels or not said.clauses:
        return [], res
    denied = next((c for c in said.clauses if c.polarity == "negated"), None)
    negated = (said.polarity == "negated") != (cand.polarity == "negated")
    clause = replace(cand, polarity="negated" if negated else "affirmed", negations=(
        (denied.negations if denied is not None and said.polarity == "negated" else ())
        + (cand.negations if cand.polarity == "negated" else ())) if negated else ())
    for labels in (set(own | said.labels), carried_labels(own, said.labels, groups)):
        matches = [m for m in match(labels, clause) if m.concepts & (own - said.labels)
                   and m.claim.id not in said.claims]
        if matches:
            break
    else:
        return [], res
    return matches, replace(res, cand=clause, labels=labels, steps=[*res.steps, Step(
        stage="context", detail=f"what the sentence on line {said.line} said, of a thing it "
        "includes", labels=tuple(sorted(labels - own)), source="previous-sentence")])


_REVIVES = re.compile(
    r"^\W*(?:(?:and|but|so|yes|yep)\b\W*)*(?:you|we|they|it|that|this|plans?|people|"
    r"(?:that|the)\s+(?:rule|one|break|option))\s+(?:(?:can|could|do|does|is|are|will)\s+)?"
    r"still\b(?!\s+(?:have|need|owe|pay|must|get\s+taxed)\b)"
    r"|^\W*(?:(?:and|but|so)\b\W*)*(?:it|that|this)(?:\s*'s|\s*\u2019s|\s+is)\s+still\s+"
    r"(?:true|the\s+case|the\s+rule|allowed|possible|an\s+option)\b"
    r"|^\W*(?:(?:and|but|so)\b\W*)*(?:the\s+)?same\s+(?:(?:thing|rule)\s+)?"
    r"(?:holds|applies|goes|is\s+true)\s+(?:today|now|this\s+year|in\s+20\d\d)\W*$"
    r"|^\W*(?:(?:and|but|so)\b\W*)*(?:same|still\s+(?:true|the\s+case|the\s+rule))\s+"
    r"(?:today|now|this\s+year|in\s+20\d\d)\W*$", re.IGNORECASE)
"""A follow-on that says what the sentence before told as history holds still ("And you
still can today.", "They still do.", "You still can if the market drops.", "That's still
true.", "The same holds this year.", "Same today.")."""

_UNCHANGED = re.compile(
    r"^\W*(?:(?:and|but|so)\b\W*)*(?:(?:that|this|it|the\s+rule)\s+(?:still\s+)?"
    r"has(?:n['\u2019]t|\s+not)|nothing\s+has)\s+changed"
    r"(?:\s+(?:since|today|now|this\s+year|in\s+20\d\d))?\W*$", re.IGNORECASE)
"""A follow-on that says the past rule before it has not changed ("That hasn't changed.",
"Nothing has changed since."): a denial of a change, which says the rule holds still."""


def revives(cand: Candidate) -> bool:
    """The clause opens a short sentence saying the past rule before it holds still."""
    if (cand.start != cand.sentence_start or cand.question or cand.attribution
            or cand.historical or _more_words(cand.sentence, CARRY_WORDS)):
        return False
    if _UNCHANGED.match(cand.text):
        return True
    return cand.polarity == "affirmed" and _REVIVES.match(cand.text) is not None


def _restated_now(cand: Candidate, said: Said) -> Candidate:
    """The follow-on as the clauses before it said again for today: their concepts and
    amounts (not their years, which dated the old rule) where the follow-on stands, with
    their polarity ("Missing an RMD used to cost 50% of the shortfall. It still does.",
    "Before 2020 you couldn't fund a traditional IRA after 70½. That's still the rule.")."""
    at, end = cand.start, cand.end
    text = cand.text
    concepts = [*cand.concepts, *(replace(m, start=at, end=end, text=text)
                                  for c in said.clauses for m in c.concepts)]
    quantities = [*cand.quantities, *(replace(q, start=at, end=end) for c in said.clauses
                                      for q in c.quantities if q.kind not in ("year", "relyear"))]
    denied = next((c for c in said.clauses if c.polarity == "negated"), None)
    return replace(cand, concepts=tuple(sorted(concepts, key=lambda c: (c.start, c.end))),
                   quantities=tuple(quantities), historical=False,
                   polarity="affirmed" if denied is None else "negated",
                   negations=() if denied is None else denied.negations)


def with_past_revived(cand: Candidate, res: Resolution, said: Said | None, sentence: int,
                      match: MatchFn) -> tuple[list[Match], Resolution]:
    """A follow-on that says a rule the sentence just before told as history holds still
    (:func:`revives`) states that rule for today: "Before 2018 you could write off a loss
    when you emptied every traditional IRA. And you still can today." presents the abolished
    deduction as available. Only after a sentence told as history (after a present one,
    "still" adds nothing the carried reading does not, :func:`with_previous_sentence`), and
    never "Not anymore." (a denial, which the follow-on retry reads)."""
    if (said is None or not said.historical or sentence - said.sentence != 1
            or not revives(cand)):
        return [], res
    own = (cand.labels | res.referred) - foils(cand)
    labels = set(own | said.labels)
    # the rule's amount holds still too: its figure, with no fix (the amount is written in
    # the sentence before)
    matches = [m if m.fix is None else replace(m, fix=None)
               for m in match(labels, _restated_now(cand, said))
               if m.claim.id not in said.claims or m.claim.figure]
    if not matches:
        return [], res
    return matches, replace(res, labels=labels, steps=[*res.steps, Step(
        stage="context", detail=f"the rule the sentence on line {said.line} told as history, "
        "said to hold still", labels=tuple(sorted(labels - own)), source="previous-sentence")])


_ASKS_BACK = re.compile(
    r"\b(?:that|this|it|them|those)\b(?:\s+(?:off|back|out|too|as\s+well|again))?\W*\?\W*$",
    re.IGNORECASE)
"""A question whose object points back ("Can I deduct that?", "Can I write that off?")."""


def asked_about_previous(cand: Candidate, labels: frozenset[str], said: Said | None,
                         sentence: int) -> frozenset[str]:
    """What a short question whose object points back asks about: its own concepts and
    those of the sentence just before ("My 401(k) dropped $15,000 last year. Can I deduct
    that?" asks about a 401(k) loss), so that the reply after it is read with them."""
    if (said is None or sentence - said.sentence != 1 or _more_words(cand.sentence, CARRY_WORDS)
            or _ASKS_BACK.search(cand.text) is None):
        return labels
    return labels | said.labels
