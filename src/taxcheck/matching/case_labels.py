"""Amounts of a worked example's case given as "Label: $amount" lines or table cells.

A label that names a share of someone's account or what someone put in or moved ("Roth
401(k) portion: $6,000", "401(k) deferrals so far this year: $20,000", "Catch-up dollars she
added this year: $4,000", a column "Put into a Roth IRA in 2026" over "$5,000"), or an amount
sent somewhere ("Roth 401(k) money: $12,000 to a Roth IRA"), gives a figure of the case, not a
limit. A label that names a limit or what one may put in ("Roth 401(k) limit: $6,000", "Most
you can put in: $7,500") states the limit."""

from __future__ import annotations

import re

_LABEL_END = re.compile(r"(?:[:|\u2014\u2013]|\s--?)\s*$")
"""The end of a label right before its amount (the "$" taken off)."""

_CASE_WORDS = re.compile(
    r"\b(?:portions?|shares?|so\s+far|already|year[\s-]to[\s-]date"
    r"|(?:i|you|she|he|we|they|[A-Z][a-z]+)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:added|contributed|deferred|saved|deposited|put\s+in|put\s+into|rolled|moved)"
    r"|^\W*(?:\w+\W+){0,3}?(?:put|moved|rolled|sent|deposited)\s+(?:in|into|to|over)\b)",
    re.IGNORECASE)
"""Words of a label naming a share of an account or what someone put in or moved."""

_SENT_TO = re.compile(
    r"^\s*(?:goes\s+|went\s+|moved\s+|rolled\s+(?:over\s+)?)?(?:in)?to\s+(?:a|an|the|your|his|"
    r"her|their|my|our)\s+(?:new\s+)?(?:roth\s+|traditional\s+|rollover\s+)?(?:ira|401\(k\)|"
    r"403\(b\)|account|plan)\b", re.IGNORECASE)
"""Words after an amount sent somewhere ("$12,000 to a Roth IRA")."""

_LIMIT_WORDS = re.compile(
    r"\b(?:limits?|caps?|ceilings?|max(?:imum)?|most|allowed|allowance|can|may|could|"
    r"up\s+to|room)\b", re.IGNORECASE)
"""Words of a label naming a limit or what one may put in."""


def case_amount(before: str, after: str) -> bool:
    """Whether an amount right after a label (``before``: the clause up to the amount, its
    "$" taken off; ``after``: the words that follow it) is a figure of a worked example's
    case rather than a limit."""
    if not _LABEL_END.search(before):
        return False
    label = _LABEL_END.sub("", before)
    label = label.rsplit("\n", 1)[-1]
    if _LIMIT_WORDS.search(label):
        return False
    return bool(_CASE_WORDS.search(label) or _SENT_TO.match(after))
