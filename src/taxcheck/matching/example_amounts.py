"""Amounts of a worked example that are someone's own, not a limit's value: an income set
beside a line ("with an AGI of $45,000", "with about $180,000 in 2025 pay", "Priya made
$210,000 in wages"), and what one person may borrow now after an earlier loan ("Your maximum
today is $38,000"), below a "lesser of" cap."""

from __future__ import annotations

import re

_INCOME_WORDS = r"(?:agi|magi|adjusted\s+gross\s+income|income|salary|wages|pay|earnings)"
_ROUGHLY = r"(?:(?:about|roughly|around|nearly|only|just|some|approximately)\s+)?"

_INCOME_OF = re.compile(
    r"\b(?:with|has|have|had|having|on|reports?|reported)\s+(?:an?\s+|their\s+|his\s+|her\s+|"
    r"your\s+|my\s+|our\s+)?(?:combined\s+|joint\s+|household\s+|modified\s+)?"
    + _INCOME_WORDS + r"\s+of\s+" + _ROUGHLY + r"$", re.IGNORECASE)
"""Words before a person's income ("file jointly with an AGI of", "has an AGI of")."""

_WITH = re.compile(r"\bwith\s+" + _ROUGHLY + r"$", re.IGNORECASE)
_INCOME_AFTER = re.compile(r"^\s*(?:in|of)\s+(?:(?:19|20)\d\d\s+)?(?:w-2\s+)?" + _INCOME_WORDS
                           + r"\b", re.IGNORECASE)
"""An amount of pay named after it ("$180,000 in 2025 pay", "$210,000 of wages")."""

_EARNED = re.compile(r"\b(?:[A-Z][a-z]+|I|[Yy]ou|[Hh]e|[Ss]he|[Ww]e|[Tt]hey)\s+(?:made|earned|"
                     r"earns|makes|brought\s+in|took\s+home)\s+" + _ROUGHLY + r"$")
"""A named person (or a pronoun) who made an amount ("Priya made $210,000")."""
_EARNED_NEAR = re.compile(r"\b(?:made|earned|earns|makes|had|has|expects?|expected|"
                          r"projects?|projected|estimates?|estimated|reports?|reported)\s+"
                          + _ROUGHLY + r"$", re.IGNORECASE)
"""Anyone who made (or expects) an amount named as pay after it ("workers who made $90,000 in
wages", "a single filer who expects $41,000 of AGI in 2026")."""

_COMPARED = re.compile(r"\b(?:over|above|under|below|more|less|exceed\w*|top\w*|cross\w*|"
                       r"pass\w*|up\s+to|than|at\s+least|at\s+most|beyond)\s+" + _ROUGHLY
                       + r"$", re.IGNORECASE)
_OR_MORE = re.compile(r"^\s*(?:or|and)\s+(?:more|less|above|below|up|over|under|higher|lower)\b",
                      re.IGNORECASE)
"""A line an amount is compared with ("more than $150,000", "$150,000 or more"): a threshold."""


def own_income(before: str, after: str) -> bool:
    """Whether the amount between ``before`` and ``after`` (its own text left out) is a
    person's income in a worked example, not an income line."""
    if _COMPARED.search(before) or _OR_MORE.match(after):
        return False
    if _INCOME_OF.search(before) or _EARNED.search(before):
        return True
    return bool(_WITH.search(before) and _INCOME_AFTER.match(after)) or bool(
        _INCOME_AFTER.match(after) and _EARNED_NEAR.search(before))


_PERSONAL_NOW = re.compile(r"\b(?:now|today|right\s+now|at\s+this\s+point|this\s+time|"
                           r"new\s+(?:(?:401\(k\)|403\(b\)|457\(b\)|plan)\s+)?loan|remaining|"
                           r"left\s+to\s+borrow|still\s+borrow)\b",
                           re.IGNORECASE)
"""Words of one person's maximum after an earlier loan ("Your maximum today is $38,000", "the
most you can borrow now", "Your maximum new loan: $35,000")."""


def personal_maximum(text: str) -> bool:
    """Whether a clause gives one person's maximum at this point (an amount below a "lesser
    of" cap there is the cap reduced by an earlier loan, or half a balance)."""
    return _PERSONAL_NOW.search(text) is not None
