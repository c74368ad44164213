"""Follow-on sentences: a short sentence right after a statement that names no tax term of
its own and takes the statement's concepts.

Two shapes, both with a subject that points back (or a bare reply before it):

- an ellipsis, whose verb stands for the statement's ("It isn't.", "They still do.", "That
  one counts too.", "And no, this one doesn't either."): the statement's concepts with the
  follow-on's own polarity;
- a restatement in other words ("You simply won't owe it.", "You'll still pay it."): the
  statement again, with its polarity.

A third restatement says others do it ("Plenty of retirees do this every time stocks
slide."): the statement again, as something one can do today.

A comment on the statement ("That's a big deal.", "It adds up.") is neither.

A third shape names a new value of the figure just stated ("It rises to $7,500 in 2026.",
"For 2026 it goes up to $8,000."): the pronoun stands for the statement's limit
(:func:`gives_value`, read by :mod:`taxcheck.matching.retries.figure_pronouns`).
"""

from __future__ import annotations

import re
from typing import Literal

FollowOn = Literal["ellipsis", "restates"]

FOLLOW_ON_TOKENS = 12
"""The most tokens a follow-on sentence has (a longer sentence says something of its own)."""

_OPENING = r"^\W*(?:(?:and|but|so|or|yes|yep|no|nope|sadly|unfortunately|nor)\b\W*)*"
_POINTER = (r"(?:it|that|this|they|those|these|(?:that|this|the\s+same)\s+one|the\s+same|"
            r"neither|nor)")
_ADVERB = r"(?:(?:still|really|also|actually|certainly|definitely|now|usually|generally)\s+)?"
_AUX = (r"(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|may|might|must)"
        r"(?:n't|\s+not)?|can't|cannot|won't|'s(?:\s+not)?|'re(?:\s+not)?")
_TAIL = r"(?:\s*,?\s+(?:too|either|as\s+well|anymore|any\s+more|though|still|also|now))?\W*$"

_ELLIPSIS = re.compile(
    _OPENING + _POINTER + r"\s*" + _ADVERB + r"(?:" + _AUX + r")" + _TAIL, re.IGNORECASE)
"""The verb stands for the statement's: "It isn't.", "They still do.", "That one can't either"."""
_COUNTS = re.compile(
    _OPENING + _POINTER + r"\s+" + _ADVERB + r"(?:(?:does|do)(?:n't|\s+not)\s+)?"
    r"(?:counts?|appl(?:y|ies)|qualif(?:y|ies))" + _TAIL, re.IGNORECASE)
"""A verb that says the statement holds for the thing pointed at: "That one counts too"."""
_RESTATES = re.compile(
    _OPENING + r"(?:so\s+|then\s+)?you(?:'ll|\s+will)?\s+(?:simply\s+|just\s+|still\s+|also\s+)?"
    r"(?:(?:won't|will\s+not|don't|do\s+not|never)\s+)?(?:(?:have|need)\s+to\s+)?(?:owe|pay)\s+"
    r"(?:it|that|them|a\s+(?:cent|dime|penny|thing)|anything)\b[\w\s,]*\W*$", re.IGNORECASE)
"""The statement's tax or penalty again, as what the reader owes: "You simply won't owe it"."""
_FILLS_EACH = re.compile(
    _OPENING + r"(?:(?:so\s+|then\s+)?you\s+(?:can|could|may|get\s+to|are\s+free\s+to)\s+)?"
    r"(?:still\s+|also\s+|easily\s+)?(?:max(?:\s+out)?|fill(?:\s+up)?|(?:fully\s+)?fund)\s+"
    r"(?:both|each(?:\s+one)?|them\s+both|both\s+of\s+them|all\s+of\s+them)(?:\s+out)?"
    + _TAIL, re.IGNORECASE)
"""Separate limits again, as what the reader can fill: "You can max out both", "Max out
each one" (after "the SIMPLE has its own limit on top of your 401(k)")."""


_DOES_THIS = re.compile(
    _OPENING + r"(?:(?:plenty|lots|a\s+lot|loads|tons|many|most|some|thousands)\s+(?:of\s+)?)?"
    r"(?:(?:savvy|smart|other|older|younger|experienced|careful)\s+)?"
    r"(?:savers|people|investors|retirees|folks|clients|readers|households|taxpayers)\s+"
    r"(?:(?:routinely|regularly|often|still|already|actually)\s+)?(?:do|does)\s+"
    r"(?:exactly\s+|just\s+|precisely\s+)?(?:this|that|it)\b"
    r"(?:\s*,?\s+(?:every|each|whenever|when|any\s+time|anytime|all|after|during|in|once)\b"
    r"[^.;:?!]*)?\W*$", re.IGNORECASE)
"""Other people said to do what the statement just described, as a habit ("Plenty of retirees
do this every time stocks slide.", "Lots of people do exactly that whenever stocks
dip."): the statement again, as something one can do today. The time clause may name what
prompts it."""


def follow_on(text: str) -> FollowOn | None:
    """The shape of a short follow-on sentence, or None for one that says something else."""
    text = text.replace("\u2019", "'").strip()
    if not text or text.endswith("?"):
        return None
    if _ELLIPSIS.match(text) or _COUNTS.match(text):
        return "ellipsis"
    if _RESTATES.match(text) or fills_each(text) or does_this(text):
        return "restates"
    return None


def does_this(text: str) -> bool:
    """Whether a short sentence says others do what the statement before it describes
    ("Plenty of retirees do this every time stocks slide.")."""
    return _DOES_THIS.match(text.replace("\u2019", "'").strip()) is not None


def fills_each(text: str) -> bool:
    """Whether a short sentence says the reader can fill each of several limits ("You can max
    out both."): it restates the separate limits of the statement before it."""
    return _FILLS_EACH.match(text.replace("\u2019", "'").strip()) is not None


VALUE_TOKENS = 20
"""The most tokens of a sentence whose pronoun gives a new value of the figure before it."""
_VALUE_ADVERB = (r"(?:(?:then|now|also|just|only|finally|again|eventually|actually|"
                 r"officially|already)\s+)?")
_VALUE_VERB = (r"(?:(?:will|would|should|is\s+(?:set|going|expected|scheduled)\s+to)\s+)?"
               + _VALUE_ADVERB +
               r"(?:rises?|rose|climbs?|climbed|jumps?|jumped|increases?|increased|grows?|grew|"
               r"(?:goes|went|go|moves?|moved|edges?|edged|inch(?:es)?|inched|ticks?|ticked|"
               r"steps?|stepped|bumps?|bumped)\s+up|"
               r"is|was|will\s+be|becomes?|became|stays?|stayed|remains?|remained|holds?|held|"
               r"sits?|sat|tops?\s+out|topped\s+out|maxes\s+out|maxed\s+out|hits?|reaches|"
               r"reached|comes?\s+to|came\s+to|stands?|stood|(?:gets?|got)\s+(?:bumped|raised))")
_GIVES_VALUE = re.compile(
    r"^\W*(?:(?:and|but|so|then|now)\s+)?"
    r"(?:(?:for|in)\s+(?:tax\s+year\s+)?(?:19|20)\d\d|next\s+year|this\s+year)?,?\s*"
    r"(?P<pronoun>it|th(?:at|is|e)\s+(?:figure|number|amount|range|band|window|"
    r"phase-?out(?:\s+range)?))(?:'s|'ll\s+be|\s+" + _VALUE_ADVERB + _VALUE_VERB + r")"
    r"\b[^.;?]*\$\s?\d", re.IGNORECASE)
"""A clause whose subject is a pronoun taking a dollar value ("It rises to $7,500 in 2026",
"For 2026 it goes up to $8,000", "That figure is $24,500 for 2026"), or a noun that names
only the kind of amount ("; for 2026 the range is $81,000 to $91,000")."""


def gives_value(text: str) -> re.Match[str] | None:
    """The match of a pronoun that gives a new dollar value of the figure just stated ("It
    rises to $7,500 in 2026."), its group ``pronoun`` the pronoun; None for anything else."""
    if "$" not in text:
        return None  # (most clauses) no dollar amount, which the pattern ends in
    return _GIVES_VALUE.match(text.replace("\u2019", "'"))


_BARE_AMOUNT = re.compile(
    r"^\W*(?:(?:a|an)\s*:\s*)?(?:(?:up\s+to|about|around|roughly|another|only|just|at\s+most|"
    r"no\s+more\s+than|a\s+maximum\s+of|max(?:imum)?)\s+)?"
    r"(?:\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|thousand))?|\d+(?:\.\d+)?\s*(?:%|percent))"
    r"(?=[\s.,;!)\u2014\u2013-]|$)", re.IGNORECASE)
"""A reply that is an amount before anything else ("$7,000.", "Up to $3,000.", "$24,500, if
you're under 50.", "50% of what you didn't take."): it gives the value a question asked for."""


def bare_amount(text: str) -> re.Match[str] | None:
    """The match of a sentence that opens with the amount it gives, with no subject or verb
    before it ("Up to $3,000."); None for anything else."""
    return _BARE_AMOUNT.match(text.replace("\u2019", "'"))
