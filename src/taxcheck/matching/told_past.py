"""A since-changed rule told in the simple past ("Workers had to stop contributing for six
months after a hardship withdrawal", "Owners were required to start at 70½", "People who
left with a loan had 60 days to roll it over"): on a page of any date it tells how things
were, not the rule for today. Only claims with a ``history`` (and the claims made of it)
read a clause so; a clause that names a year from the change on ("In 2023 my plan froze my
deferrals for six months") still states the old rule for that year."""

from __future__ import annotations

import re
from dataclasses import replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.tense import PAST_WORDS, PRESENT_WORDS

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_LABEL = re.compile(r"\s*((?:19|20)\d\d)\s*[:\u2013\u2014]")
"""A timeline's line opened by its year ("1998: Roth IRAs arrive, and conversions can be
recharacterized")."""
_ENDING = re.compile(r"\b(?:ends|end|stops|disappears|goes\s+away|expires|comes\s+to\s+an\s+end)\b",
                     re.IGNORECASE)
"""A rule said to end: with the year of the change ("Recharacterization of conversions ends in
2018", "2018: Recharacterizing conversions ends"), the change told, not the rule stated."""
_PAST_HEADS = (PAST_WORDS - {"could"}) | frozenset({
    "froze", "made", "kept", "stopped", "demanded", "insisted", "began", "started", "kicked",
    "applied", "meant", "imposed", "offered", "needed", "expected", "lasted", "ran", "gave",
    "took", "wasn\u2019t", "weren\u2019t", "didn\u2019t", "couldn't", "couldn\u2019t",
    "hadn't", "hadn\u2019t"})
"""Verbs of the past that head a clause about how a rule worked ("They also froze your
contributions", "RMDs started at 70½"); not "could" alone ("you could simply undo it" may be
a rule of today)."""
_PARTICIPLES = frozenset({"required", "suspended", "barred", "blocked", "banned", "forced",
                          "allowed", "permitted", "paused", "locked", "shut"})
"""Forms that are a verb of the past only after their subject ("Plans required a loan
first"), a participle after a label ("Roth conversion reversal: allowed until October 15")."""
_AFTER_SUBJECT = re.compile(r"[A-Za-z)]\s+$")
_ADJECTIVE_AFTER = frozenset({"minimum", "distribution", "distributions", "withdrawal",
                              "withdrawals", "beginning", "age"})
"""Words after which a past form is an adjective ("required minimum distributions")."""
_DETERMINERS = frozenset({"the", "a", "an", "any", "your", "their", "its", "his", "her",
                          "this", "that", "each", "every"})
"""Words after which a participle is an adjective ("Wait out the required waiting period",
"your allowed amount"): it heads no clause of the past."""
_NEVER_ADJECTIVE = frozenset({"began", "started", "took", "made", "kept", "stopped", "gave",
                              "ran", "kicked"})
"""Past forms that head their clause even before such a word ("Your grandparents started
withdrawals at 70½")."""
_WORD = re.compile(r"[A-Za-z]+(?:[\u2019'](?!(?:s|re|ll|m|ve|d)\b)[A-Za-z]+)?"
                   r"|[\u2019'](?:s|re|ll|m|ve|d)\b")
"""A word, with a contraction's verb as a word of its own ("you're" is "you" and "'re")."""
_IS_HOSTS = frozenset({"it", "he", "she", "that", "this", "there", "here", "what", "who",
                       "where", "how", "which", "everyone", "nobody", "one"})
"""Words whose "'s" is "is" ("it's", "that's"); after a noun it is a possessive ("Grandma's
first RMD came at 70½")."""
_PRESENT_HEADS = PRESENT_WORDS | frozenset({
    "makes", "means", "counts", "lets", "gets", "goes", "applies", "requires", "comes",
    "takes", "stays", "starts", "begins", "kicks", "puts", "stops", "suspends", "freezes",
    "bars", "blocks", "gives", "allows", "needs", "owes", "works", "treats", "becomes",
    "remains", "says", "keeps", "turns", "lasts", "happens", "am", "be", "expect", "should",
    "would", "shall", "might"})
"""Verbs of the present that may head a clause whose subordinate clause is in the past
("Recharacterizing makes the conversion count as though it had never taken place")."""
_BASE_VERBS = frozenset({
    "make", "mean", "count", "let", "get", "go", "apply", "require", "come", "take", "stay",
    "start", "begin", "kick", "put", "stop", "suspend", "freeze", "bar", "block", "give",
    "allow", "need", "owe", "work", "treat", "become", "remain", "say", "keep", "turn", "last",
    "happen"})
_PLURAL_SUBJECTS = frozenset({
    "they", "you", "we", "plans", "people", "savers", "workers", "employees", "retirees",
    "owners", "rmds", "distributions", "withdrawals", "contributions", "deferrals", "rules"})
"""A verb of the present in its base form after its subject ("They start the year you turn
72, whatever year you were born"); elsewhere the word may be a noun ("RMD start: was 70½",
"the six-month freeze was lifted")."""
_OWN_STORY = frozenset({"I", "we", "We", "I'm", "I've", "I\u2019m", "I\u2019ve", "my", "My",
                        "our", "Our", "me", "us"})
"""The writer's own story ("I had to stop contributing for six months after mine") tells
what happened to them; it may still present the old rule as today's."""
_TODAY = frozenset({"today", "currently", "nowadays", "still"})
"""Words that set a clause in the present whatever its verbs ("Today, RMDs still start at 70½,
just as they did for Margaret")."""
_HYPOTHETICAL = frozenset({"if", "would", "'d", "\u2019d", "unless", "suppose", "say"})
_CONTRACTED = frozenset({"'s", "'re", "'ll", "'m", "'ve", "\u2019s", "\u2019re", "\u2019ll",
                         "\u2019m", "\u2019ve"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
"""A contraction's verb of the present ("you're barred", "you'll be locked out")."""
"""A clause in the past of a condition ("if you went the hardship route your plan would make
you take the loan first") imagines a case of today."""


def changed_in(db: ClaimDatabase, claim: Claim) -> int | None:
    """The year the rule of ``claim`` changed, when it has a ``history`` or is one."""
    if claim.history is not None:
        return claim.years.from_
    if claim.history_of is not None:
        original = db.by_id.get(claim.history_of)
        return original.years.from_ if original is not None else None
    return None


def told_of_the_past(cand: Candidate, since: int) -> bool:
    """Whether the clause sits under a heading or lead-in set in the past, is told in the
    simple past (a verb of the past heads it and none of the present is in it) or is a
    timeline's line of a year before ``since``, and its sentence names no year from ``since``
    on; not the writer's own story nor a condition, unless its sentence names only years
    before ``since``. A clause that tells the rule end in the
    year of the change (:data:`_ENDING`) tells the change."""
    if cand.historical:
        return False
    if cand.past_frame and not any(int(year) >= since for year in _YEAR.findall(cand.sentence)):
        return True
    label = _YEAR_LABEL.match(cand.sentence)
    if label is not None and int(label.group(1)) < since:
        return True
    if _ENDING.search(cand.text) and (
            (label is not None and int(label.group(1)) >= since)
            or any(int(year) == since for year in _YEAR.findall(cand.sentence))):
        return True
    words = _WORD.findall(cand.text)
    lowered = [w.lower() for w in words]
    lowered = [w if w not in _POSSESSIVE or (k and lowered[k - 1] in _IS_HOSTS) else ""
               for k, w in enumerate(lowered)]
    years = [int(year) for year in _YEAR.findall(cand.sentence)]
    # a story or a condition set in a year before the change tells the old rule of its day
    # ("If you turned 70½ in 2019 or earlier, your RMDs began at 70½", "My mother
    # turned 70½ in 2018 and had to start RMDs that year")
    dated_before = bool(years) and all(year < since for year in years)
    if (PRESENT_WORDS.intersection(lowered) or _CONTRACTED.intersection(lowered)
            or (not dated_before and (_OWN_STORY.intersection(words)
                                      or _HYPOTHETICAL.intersection(lowered)))
            or _TODAY.intersection(lowered) or any(year >= since for year in years)):
        return False
    found = list(_WORD.finditer(cand.text))
    for k, match in enumerate(found):
        word = lowered[k]
        after = lowered[k + 1] if k + 1 < len(found) else ""
        if word in _PRESENT_HEADS or (word in _BASE_VERBS and k
                                      and lowered[k - 1] in _PLURAL_SUBJECTS):
            return False
        if after in _ADJECTIVE_AFTER and word not in _NEVER_ADJECTIVE:
            continue
        if word in _PAST_HEADS or (word in _PARTICIPLES and _AFTER_SUBJECT.search(
                cand.text, 0, match.start()) and not (k and lowered[k - 1] in _DETERMINERS)):
            return True
    return False


def as_told(db: ClaimDatabase, claim: Claim, cand: Candidate,
            memo: dict[int, Candidate]) -> Candidate:
    """``cand`` as ``claim`` reads it: about the past when it tells the claim's changed rule
    in the simple past (``memo`` keeps the answer per change year for one clause)."""
    since = changed_in(db, claim)
    if since is None or cand.historical:
        return cand
    if since not in memo:
        memo[since] = replace(cand, historical=True) if told_of_the_past(cand, since) else cand
    return memo[since]
