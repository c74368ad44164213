"""Figure checks: compare the amount a clause states with the figure for its year."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from taxcheck.claimdb.models import Claim, Condition, Figure
from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.matching.years import ClauseYears
from taxcheck.nlp.quantities import Quantity

_TOTAL = re.compile(r"\b(?:total(?:\s+of)?|altogether|all\s+told)\s*$", re.IGNORECASE)
"""An amount given as a total ("for a total of $31,000") adds several limits up."""
GAP_PENALTY = 40
"""Extra distance between an amount and a concept separated by a comma or semicolon: in
"the IRA limit stays at $7,000, and the IRA catch-up remains $1,000" the catch-up is
$1,000."""
PLAUSIBLE_RATIO = 5.0
"""An amount over 5 times a figure's largest value, or under a fifth of its smallest, is
another quantity of the sentence ("catch-ups count against the $72,000 limit"), not a
wrong value of this figure."""


@dataclass(frozen=True)
class FigureCheck:
    """The outcome of checking one stated amount against a figure table."""

    verdict: str
    message: str
    rule: str
    correction: str
    step: Step


def anchor_of(claim: Claim, cond: Condition) -> str:
    """The concept a numeric claim's amount must stand closest to."""
    return cond.anchor or claim.anchor or (cond.all or cond.any)[0]


def _distance(q: Quantity, m: ConceptMention, cand: Candidate | None = None) -> int:
    distance = min(abs(q.start - m.end), abs(m.start - q.end))
    if cand is not None:
        lo, hi = min(q.end, m.end), max(q.start, m.start)
        if any(ch in ",;" for ch in cand.text[lo - cand.start:hi - cand.start]):
            distance += GAP_PENALTY
    return distance


def _nearest(quantities: Iterable[Quantity], cand: Candidate, anchor: str) -> Quantity | None:
    mentions = [c for c in cand.concepts if c.label == anchor] or list(cand.concepts)
    best, best_distance = None, None
    for q in quantities:
        distance = min(_distance(q, m, cand) for m in mentions)
        if best_distance is None or distance < best_distance:
            best, best_distance = q, distance
    return best


def _assign(amounts: list[Quantity], cand: Candidate, anchors: set[str]) -> dict[str, Quantity]:
    """Give each anchor concept its own amount, the closest pairs first.

    In "the 401(k) limit is $23,500, plus a $7,500 catch-up" the catch-up takes $7,500 and
    the 401(k) limit $23,500, so neither is checked against the other's figure.
    """
    pairs = sorted((_distance(q, m, cand), i, m.label)
                   for i, q in enumerate(amounts) for m in cand.concepts if m.label in anchors)
    owner: dict[str, Quantity] = {}
    taken: set[int] = set()
    for _, i, label in pairs:
        if label not in owner and i not in taken:
            owner[label] = amounts[i]
            taken.add(i)
    return owner


def plausible(figure: Figure, amount: float) -> bool:
    """Whether ``amount`` can be a (right or wrong) value of ``figure`` at all."""
    values = [v for year in figure.values for v in figure.choices(year)]
    if figure.unit != "usd" or any(abs(amount - v) < 1e-9 for v in values):
        return True
    values = [v for v in values if v > 0]
    if not values:
        return True
    return min(values) / PLAUSIBLE_RATIO <= amount <= max(values) * PLAUSIBLE_RATIO


def stated_amount(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                  anchors: set[str]) -> Quantity | None:
    """The amount of ``cand`` that states ``figure``, if any.

    ``anchors`` are the anchors of the numeric claims (same unit) the candidate meets; when
    the claim's anchor is named, it gets the amount closest to it that no other anchor
    is closer to. Totals and implausible amounts are never a figure's value.
    """
    amounts = [q for q in cand.quantities
               if q.kind == figure.unit and plausible(figure, q.value)
               and not _TOTAL.search(cand.text[:q.start - cand.start])]
    if not amounts:
        return None
    anchor = anchor_of(claim, cond)
    if any(m.label == anchor for m in cand.concepts):
        return _assign(amounts, cand, anchors | {anchor}).get(anchor)
    return _nearest(amounts, cand, anchor)


def check_figure(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                 years: ClauseYears, anchors: set[str]) -> FigureCheck | None:
    """Compare the stated amount with the figure for its year; None when nothing to check.

    The amount's year is the one written next to it ("$23,000 in 2024"), else the clause's.
    """
    quantity = stated_amount(claim, figure, cond, cand, anchors)
    if quantity is None:
        return None
    year = years.of(quantity)
    if year not in figure.values:
        return None
    stated = figure.format(quantity.value)
    right = figure.format_year(year)
    if figure.matches(year, quantity.value):
        return FigureCheck("accurate", f"The {figure.name} for {year} is {right}.",
                           f"The {figure.name} for {year} is {right}.", claim.correction,
                           Step(stage="number", detail=f"{stated} matches {year}"))
    earlier = sorted((y for y in figure.values
                      if y < year and figure.matches(y, quantity.value)), reverse=True)
    rule = f"The {figure.name} for {year} is {right}. {claim.rule}".strip()
    correction = f"Use {right} for {year}." + (f" {claim.correction}" if claim.correction else "")
    if earlier:
        return FigureCheck("outdated", f"{stated} was the {figure.name} for {earlier[0]}; for "
                           f"{year} it is {right}.", rule, correction,
                           Step(stage="number", detail=f"{stated} is the {earlier[0]} figure"))
    return FigureCheck("false", f"{stated} is not the {figure.name} for {year}; it is {right}.",
                       rule, correction,
                       Step(stage="number", detail=f"{stated} matches no year's figure"))
