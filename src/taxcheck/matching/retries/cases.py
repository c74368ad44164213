"""Cases: a question that sets up a case rather than asks ("Over 50?", "Born in 1960?",
"Sold $50,000 of stock?"), and the sentence after it, which states what holds then.

- which questions set up a case (:func:`sets_up_case`) and how long the case holds
  (:func:`case_held`);
- a sentence that states nothing on its own, read in the case (:func:`under_case`);
- a sentence that states a claim on its own, read in the case only where the case decides
  which claim (:func:`within_case`, :func:`case_decides`, :func:`in_case`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from taxcheck.clauses import Candidate
from taxcheck.matching.conditions import Match
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.borrowing import MatchFn, borrowed
from taxcheck.matching.retries.questions import Question, answers, with_asked_figures


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


_HAVING = frozenset({"a", "an", "two", "three", "four", "five", "several", "multiple", "some",
                     "more", "old", "kids", "children", "losses", "savings", "money", "both"})
"""Second words after "Have" that make the question name what the reader has ("Have two old
401(k)s?", "Have a 401(k) at work?"), a case, unlike "Have you ...?" or "Have the rules
changed?"."""


_LINKS = frozenset({"and", "but", "or", "so"})
"""Words that link a question to what came before without asking anything themselves."""


_WHAT_IF = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+if\b", re.IGNORECASE)
"""A question that opens its sentence with "What if": it puts a case, in any of its clauses."""
_THREAD_LABELS = frozenset({"topic", "subject", "thread", "title"})
"""Labels before a forum thread's or an e-mail's own title ("Topic: ...", "Subject: ..."); a
reply's "Re: ..." still sets up the case its posts answer."""


def sets_up_case(cand: Candidate) -> bool:
    """A question that opens with neither an auxiliary, a question word nor a subject
    ("Over 50?", "Born in 1960?", "Married and filing jointly?") names a case, not a query;
    so does one whose subject is left out before "had to" ("Had to sell your house at a
    loss?"), unlike "Had you ...?", and one that opens with a bare verb ("Make over $150,000?",
    "Earn too much for a Roth?") unless it invites the reader in ("Want to save more?"); "What
    if ...?" puts a case too ("What if the shares are down 90% but not at zero?")."""
    if not cand.sentence.rstrip(" \"'\u201d\u2019)*").endswith("?"):
        return False  # "Check whether your plan offers it." asks nothing of the reader
    if cand.imperative and not cand.text.rstrip(" \"'\u201d\u2019)*").endswith("?"):
        return False  # "Call your plan and ask: can I borrow?" tells the reader what to do
    if asks_after_aside(cand):
        return False  # "One more thing, does the money come out tax-free ...?" asks
    words = cand.text.lstrip(" \t\"'\u201c\u2018([*-:").split(maxsplit=3)
    if len(words) > 1 and words[0].lower().rstrip(":") in _THREAD_LABELS and words[0][-1] == ":":
        # a forum thread's label ("Topic: Deducting a loss on my old IRA?") is no case
        words = cand.text.split(":", 1)[1].split(maxsplit=3)
        if words and words[0].lower().rstrip("?,.:;!'\u2019") not in _ASKING:
            return False  # (its topic is the asker's, not a case the next sentence holds in)
    if len(words) > 1 and words[0].lower() in _LINKS:
        words = words[1:]  # "And above those ranges?" sets up a case as "Above ...?" does
    if not words:
        return False
    first = words[0].lower().rstrip("?,.:;!'\u2019").split("'")[0]
    if first == "had" and len(words) > 1 and words[1].lower() == "to":
        return True
    if _WHAT_IF.match(cand.sentence):
        return True  # "What if the stock isn't at zero but has lost most of its value?"
    if first in ("have", "has") and len(words) > 1 and words[1].lower() in _HAVING:
        return True
    if first in _TEASING:
        return False  # "Want to save more?", "Need a hand?" invite the reader in
    return bool(first) and first not in _ASKING


_ASIDE = re.compile(r"[,:;\u2014\u2013]|\s-\s")
"""What ends an aside before a question's first words ("One more thing, ...", "Quick
question: ...", "Last thing - ...")."""
ASIDE_REACH = 60
"""How many characters of a question's opening may be asides."""


def asks_after_aside(cand: Candidate) -> bool:
    """A question that opens with an aside naming nothing of the rules ("One more thing,",
    "Quick question:", "Sorry, dumb question, but") and then asks ("does the money come out
    tax-free since it's a hardship?") asks, as it would without the aside: it sets up no
    case that the next sentence ("The site mentioned withholding.") is read in. An opening
    that names a concept or a number ("Over 50, can I ...?", "Hardship withdrawal, is it
    taxed?") still sets up its case."""
    text = cand.text
    for sep in _ASIDE.finditer(text, 0, ASIDE_REACH):
        if sep.group() == ":" and _speaker(text[:sep.start()]):
            return False  # "CALLER: Does it matter ...?" keeps the reading it had
        end = cand.start + sep.start()
        if any(m.start < end and m.text.lower() not in _CONNECTIVES for m in cand.concepts) or any(
                ch.isdigit() for ch in text[:sep.start()]):
            return False
        rest = text[sep.end():].split(maxsplit=2)
        if rest and rest[0].lower() in ("but", "so", "and") and len(rest) > 1:
            rest = rest[1:]
        first = rest[0].lower().rstrip("?,.:;!'\u2019").split("'")[0] if rest else ""
        if first in _ASKING and first not in _LINKS and first not in _ASIDE_WORDS:
            return True
    return False


def _speaker(label: str) -> bool:
    """A transcript's or a column's speaker label before a colon ("CALLER", "HOST", "Reader",
    "Q"): no aside, but who speaks."""
    label = label.strip(" \t*_\"'")
    return bool(label) and len(label.split()) == 1 and (
        label.isupper() or label.lower() in _SPEAKERS)


_SPEAKERS = frozenset({"caller", "host", "guest", "reader", "listener", "q", "a", "op",
                       "asker", "user", "me", "you", "answer"})
"""Speaker labels written in lower case ("Reader: Can I ...?")."""


_CONNECTIVES = frozenset({"also", "again", "too", "still", "plus", "then", "and", "but",
                          "so"})
"""Words an aside may be made of that some concepts take as their cue ("Also," is no
case)."""
_ASIDE_WORDS = frozenset({"q", "question", "i", "we", "you", "it", "they", "this", "that",
                          "there", "here", "true", "right", "really", "ok", "okay", "not",
                          "any", "anyone", "anybody", "if", "unsure", "wondering", "curious",
                          "confused"})
"""Words of :data:`_ASKING` that do not by themselves make the words after an aside a query
("Over the limit, you ...", "Hardship, if ...")."""


_TURNED_DOWN = re.compile(r"^\W*(?:sorry|unfortunately|sadly|alas|nope|no)\b"
                          r"(?!\s+(?:biggie|worries|problem|problems|sweat|harm|big\s+deal)\b)",
                          re.IGNORECASE)
"""A reply that turns the case down ("Quit at 53? Sorry, you had to leave at 55 or later."):
it states the rule in its own words, not what holds in the case. Reassurance turns nothing
down ("Stop paying your 401(k) loan? No biggie, the balance just gets forgiven.")."""


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
    return matches, borrowed(res, extra, f"the case set up on line {question.line}", "case")


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
    if (not matches or question is None or sentence - question.sentence != 1
            or cand.attribution or answers(cand) or _TURNED_DOWN.match(cand.text)
            or question.reply == "negated"):
        return matches, res
    if not question.conditional:
        return _within_asked_group(matches, cand, res, question, match)
    extra = question.labels - res.labels
    if not extra:
        return matches, res
    cased = match(res.labels | question.labels, in_case(cand, question))
    if not case_decides(matches, cased):
        return matches, res
    return cased, borrowed(res, extra, f"the case set up on line {question.line}", "case")


AGE_GROUPS = frozenset({"UNDER_50", "AGE_50", "AGE_60_63", "AGE_60_PLUS", "AGE_64"})
"""The catch-up age groups a question may ask about."""


def _within_asked_group(matches: list[Match], cand: Candidate, res: Resolution,
                        question: Question, match: MatchFn) -> tuple[list[Match], Resolution]:
    """A reply right after a question that asks about someone of an age group ("What's the
    most a 61-year-old can put in?" / "The base $24,500 plus an $11,250 catch-up") and that
    names no age group of its own is read in that group, where that decides as for a case:
    its amounts are that group's ($11,250 is the 60-63 catch-up, not a wrong age-50 one).
    Only the group is carried: the question's other concepts are what it asks."""
    asked = question.cand
    group = question.labels & AGE_GROUPS
    if asked is None or not group or res.labels & AGE_GROUPS:
        return matches, res
    shift = cand.start - 1 - asked.end
    placed = replace(cand, concepts=(
        *(replace(m, start=m.start + shift, end=m.end + shift)
          for m in asked.concepts if m.label in group), *cand.concepts))
    cased = match(res.labels | group, placed)
    if not case_decides(matches, cased):
        return matches, res
    return cased, borrowed(res, group, f"the question on line {question.line}", "case")


_REPLY_WORDS = re.compile(
    r"\b(?:no|not|nope|never|none|yes|yep|sure|sorry|unfortunately|sadly|alas)\b|n['\u2019]t\b",
    re.IGNORECASE)
"""Words that make a sentence between a case and a clause a reply to the case ("Not
possible.", "Yes!", "Sorry."): the reply is what holds in the case, not the clause after it."""


_EXCLAMATION_WORDS = 3
"""The most words a sentence between a case and its answer may have and still hold the case."""


def case_held(question: Question | None, before: Candidate | None, cand: Candidate,
              sentence: int, between: str) -> Question | None:
    """One short exclamation of the case's own paragraph that names no tax concept and replies
    nothing ("Good news.", "Relax.", "Lucky you!": three words at most), ``between`` the
    question and the clause, holds the case over to the clause: "Born in 1961? Good news.
    Your RMDs start at 75." The case still ends at the next heading, question or statement
    ("Here is some background."), after a reply ("Not possible."), and never crosses into
    another block."""
    if (question is None or not question.conditional or before is None or not before.question
            or cand.sentence_index - before.sentence_index != 2
            or sentence - question.sentence != 2 or _REPLY_WORDS.search(between)
            or len(between.split()) > _EXCLAMATION_WORDS):
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
