"""Totals of a worked example: the amounts it adds up, and an old limit carried into the sum.

A worked example states its parts in one sentence or line and their sum in a later one
("Lee maxes out at $24,500, tops up with the $7,500 catch-up and gets $9,000 of profit
sharing. That's $41,000 going in this year."). Two things follow from the arithmetic:

- a total of three or more parts (deferral, catch-up and a match) is the example's own sum,
  not the deferral-plus-catch-up total a figure table holds (:func:`sums_parts`);
- a total that adds up a part the page gave as an earlier year's value of a limit (the 2025
  catch-up in a 2026 example) carries that stale value (:func:`old_part_in`): the
  ``adds_up_old_part`` condition of a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from taxcheck.nlp.quantities import find_quantities

MAX_PARTS = 10
"""At most this many amounts before the total are tried as its parts (the last ones, in a
row: the parts an example lists right before its sum)."""


@dataclass(frozen=True)
class ExampleParts:
    """What a worked example stated before a clause."""

    amounts: tuple[float, ...]
    """Its dollar amounts, in order (the last :data:`MAX_PARTS`)."""
    old: tuple[tuple[float, float], ...] = ()
    """Amounts the page gave as an earlier year's value of a limit: (stated, right)."""


PartsFn = Callable[[], ExampleParts]
"""What a worked example stated before a clause, read when first asked for."""


def _suffixes(amounts: Sequence[float], least: int) -> Iterator[list[float]]:
    pool = list(amounts)[-MAX_PARTS:]
    for size in range(least, len(pool) + 1):
        yield pool[-size:]


def sums_parts(total: float, amounts: Sequence[float], least: int = 3) -> bool:
    """Whether ``total`` is the sum of the last ``least`` or more of ``amounts`` (the parts
    an example lists right before its sum)."""
    return any(abs(sum(values) - total) < 0.5 for values in _suffixes(amounts, least))


def old_part_in(total: float, parts: ExampleParts) -> tuple[float, float] | None:
    """The (stated, right) old part that ``total`` adds up with at least two other amounts
    listed right before it, or None (a limit plus its catch-up is a total a figure table
    checks)."""
    for values in _suffixes(parts.amounts, 3):
        if abs(sum(values) - total) < 0.5:
            return next(((old, right) for old, right in parts.old if old in values), None)
    return None


_NOT_A_PART = re.compile(r"(?:%\s*of|\b(?:than|from|over|between))\s+(?:the\s+|your\s+)?$",
                         re.IGNORECASE)
"""What stands before an amount that is no part of a sum: a percentage's base ("5% of
$250,000"), an old value or the other side of a comparison ("$500 more than the $7,000")."""
_CHANGE_AFTER = re.compile(r"^\s*(?:more|less|higher|lower|extra)\b", re.IGNORECASE)
"""What follows an amount that is a change ("$500 more than ...")."""


_LOOK_BEHIND = 40
"""How far before an amount :data:`_NOT_A_PART` looks, and after it :data:`_CHANGE_AFTER`
(their words and the spaces around them), so that a paragraph of many amounts is read in
linear time, not once per amount from its start or to its end."""


def summed_amounts(text: str) -> tuple[float, ...]:
    """The dollar amounts of ``text`` that may be parts of a sum."""
    return tuple(float(q.value) for q in find_quantities(text)
                 if q.kind == "usd" and q.value > 0
                 and not _NOT_A_PART.search(text, max(q.start - _LOOK_BEHIND, 0), q.start)
                 and not _CHANGE_AFTER.match(text[q.end:q.end + _LOOK_BEHIND]))
