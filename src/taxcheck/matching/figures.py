"""Figure checks: compare the amount a clause states with the figure for its year."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import product

from taxcheck.claimdb.models import Claim, Condition, Figure
from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.matching.case_labels import case_amount
from taxcheck.matching.clause_memo import remembered
from taxcheck.matching.example_amounts import own_income, personal_maximum
from taxcheck.matching.years import ClauseYears
from taxcheck.nlp.quantities import Quantity

_TOTAL = re.compile(
    r"(?:\b(?:total(?:\s+of)?|totals|totaling|totalling|altogether|all\s+told|comes?\s+to|"
    r"coming\s+to|adds?\s+up\s+to|sum\s+of|combined\s+(?:limit\s+)?of|(?:a|the)\s+combined|you\s+get|"
    r"gets?\s+you|works?\s+out\s+to)"
    r"|\b(?:brings?|bringing|pushes|pushing)\b[^.;$]{0,60}\bto"
    r"|\b(?:gets?|getting|puts?|putting|takes?|taking)\s+(?:him|her|you|them|us|me)\s+(?:to|at)"
    r"|\b(?:puts?|putting|sets?|setting|places?|placing)\b[^.;$]{0,30}\btotal\s+at"
    r"|\ball[\s-]in\b[^.;$]{0,60}\b(?:is|are|was|will\s+be|comes\s+to|of|at|hits|reaches)"
    r"|\boverall\s+(?:number|figure|total|max(?:imum)?)\s+(?:is|was|will\s+be)"
    r"|\b(?:max(?:imum)?|limit|cap|ceiling)\s+(?:with|including|incl\.?)\s+(?:the\s+|a\s+|your\s+)?"
    r"catch[\s-]?ups?\s*(?:[:\u2014\u2013]|\bis|\bwas|\bwill\s+be)"
    r"|\btotal(?:\s+(?:for|in|at)\s+[^.;$:]{1,25}?)?\s*(?:\bis|\bwas|\bwill\s+be|:))"
    r"(?:\s+(?:just|only|about|roughly|around|nearly|almost|now))?\s*$"
    r"|^\s*(?:the\s+)?total\b[^.;$]{0,80}[:\u2014\u2013]\s*$"
    r"|^(?![^.;$]{0,100}\biras?\b)[^.;$:\u2014\u2013]{0,40}\b(?:grand\s+)?total\b[^.;$]{0,60}"
    r"[:\u2014\u2013|]\s*$", re.IGNORECASE)
"""Words before an amount given as a total ("for a total of $31,000", "401(k) max with
catch-up: $32,500", "which brings the most
you can defer to $31,000", "the checks add up to just $5,500", a row "Total you can defer,
age 50+ \u2014 2026:", "Add that to the base limit and you can put away $35,750", "total" as
the subject: "your 2026 total is $32,500", "50+ total for 2026: $32,500", "which puts him at
$34,750", "gets you to $32,500", "That puts the grand total at $32,500", "the overall number
is now $32,500", a row or label naming a total after its plan or group: "401(k) total if 50+
— 2026:", "401(k) deferrals, ages 60-63, total — 2026:", not the IRA's one-amount total): it adds
several amounts up, so no single limit is checked."""
_ADD_THEN_TOTAL = re.compile(r"^\s*add\b[^.;]{0,50}\b(?:limit|catch-up)\b[^.;$]{0,80}$",
                             re.IGNORECASE)
_NAMES_A_LIMIT = re.compile(r"^\s*(?:[\w()-]+\s+){0,2}?(?:limit|cap|ceiling|catch-up|maximum)\b",
                            re.IGNORECASE)
"""An amount that names the limit it is ("to the $24,500 limit"): in "Add the catch-up to
the $24,500 limit and you can defer $32,500" it is one of the parts, the total comes after."""
_TOTAL_AFTER = re.compile(
    r"^\s*(?:(?:in\s+all|in\s+total|combined|altogether)(?!\s+(?:across|between|for\s+all))"
    r"|all\s+in|all\s+told"
    r"|[^.;$]{0,30},\s*(?:including|counting|with)\s+(?:the\s+|your\s+|a\s+)?(?:[\w-]+\s+){0,2}"
    r"catch"
    r"|[^.;$]{0,80},\s*(?:the\s+|your\s+)?catch[\s-]?ups?\s+(?:included|and\s+all)\b)\b",
    re.IGNORECASE)
"""Words after an amount given as a total ("$32,000 in all", "$32,500 all in",
"$35,750 in a 401(k), including the super catch-up", "$32,500 into the 401(k) for 2026,
catch-up included", "catch-up and all"); not a limit counted over several
accounts ("$7,500 in total across all your IRAs", "combined across both kinds"), which is one
limit shared, no sum of limits."""
_WITH_CATCH_UP_AFTER = re.compile(
    r"^\s*with\s+(?:the\s+|your\s+|a\s+|their\s+)?(?:\$\s?[\d,.]+[kK]?\s+)?"
    r"(?:[\w-]+\s+){0,2}?catch", re.IGNORECASE)
_EXTRA_BEFORE = re.compile(r"\b(?:extra|additional|another|add|adds|added|adding|more)\b"
                           r"[^.;$]{0,20}$", re.IGNORECASE)
"""An amount "with the regular catch-up" right after it is the total the catch-up brings
("those 50 and up can reach $32,500 with the regular catch-up"), unless it is itself the
extra amount ("an extra $8,000 with the catch-up"); the catch-up may be named with its own
amount ("$8,600 with the $1,100 catch-up"). ("$8,600 including the catch-up" stays
a value of the IRA's one-amount total, which is no sum of limits.)"""
_OLD_VALUE = re.compile(
    r"\b(?:up|down|rises?|rising|rose|climbs?|climbing|climbed|jumps?|jumped|increases?|"
    r"increased|goes|went|moves?|moved|grows?|grew)\s+from\s*$"
    r"|\b(?:compared\s+(?:with|to)|versus|vs\.?|instead\s+of|rather\s+than|replacing|"
    r"from\s+(?:last\s+year|(?:19|20)\d\d)(?:'|\u2019)?s|last\s+year'?s)\s*$"
    r"|\b(?:that|which)\s+(?:started|began|was\s+(?:originally|initially|first)(?:\s+set)?)"
    r"\s+at\s*$"
    r"|\(\s*(?:it|that|this|they)\s+(?:was|were|stood\s+at|sat\s+at|had\s+been|used\s+to\s+be)"
    r"\s*$",
    re.IGNORECASE)
"""Words before an amount that is the old value a new one replaces ("rises from $23,500 to
$24,500", "up from $23,000", "rises to $8,000 (it was $7,500 for 2024 and 2025)"), or the
first value of an indexed one ("a threshold that started at $145,000"): context, not the
claim."""
_ORIGIN_BEFORE = re.compile(
    r"\b(?:started|began|begun|starting|beginning)\s+(?:out\s+|off\s+)?at\s*$"
    r"|\b(?:originally|initially)\s+(?:[\w-]+\s+){0,3}?(?:at|as|to|in\s+an?|in)?\s*$"
    r"|\bfirst\s+(?:set|fixed|pegged|wrote\s+in|written\s+in|put)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:at|as|to|in\s+an?)?\s*$"
    r"|\b(?:law|statute|congress|act|2\.0)\s+(?:set|wrote\s+in|fixed|pegged|put)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:at|to|in\s+an?|an?)\s*$",
    re.IGNORECASE)
"""Words before an amount that is where a figure started or what the law first set ("the
threshold started at $145,000", "the cap was originally $50,000", "the statute set the line at
$145,000", "first set at $1,000"): its history, not a claim about the figure today."""
_ORIGIN_DATED = (r"(?:at\s+first|originally|initially|to\s+start\s+with|"
                 r"when\s+the\s+law\s+passed|(?:[\w-]+\s+){0,2}?before\s+(?:any\s+)?"
                 r"(?:indexing|inflation))\b")
_ORIGIN_ALONE = re.compile(r"^\s*" + _ORIGIN_DATED, re.IGNORECASE)
"""Words after an amount that date it to the law's start by themselves ("$145,000
originally, $150,000 for 2026", "$145,000 before indexing", "$145,000 at first")."""
_ORIGIN_AFTER = re.compile(
    r"^\s*(?:(?:by\s+(?:the\s+)?(?:law|statute|congress)|in\s+the\s+(?:law|statute)|"
    r"to\s+start)\b|"
    + _ORIGIN_DATED + ")", re.IGNORECASE)
"""Of the words after an amount that date it to the law's start, also those that need a
past setting before it (:data:`_SET_PAST`): "set at $1,000 by law" ("is set at $50,000 by
law" states today's cap)."""
_SET_PAST = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?(?:set|fixed|pegged|written)\s+"
                       r"(?:at|as)\s*$|\b(?:started|began|was|were)\s+(?:out\s+)?(?:at\s+)?$",
                       re.IGNORECASE)
"""A past-tense setting before the amount ("was set at", "was"): with :data:`_ORIGIN_AFTER`
the amount is the original one ("the IRA catch-up was set at $1,000 by law")."""
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|"
                       r"(?:instead\s+of|rather\s+than)(?:\s+the)?)\s*$", re.IGNORECASE)
_FOR_OTHERS = re.compile(
    r"^\s*(?:(?:that|which)\s+(?:other|others|those|savers|workers|people|everyone|anyone)\b"
    r"|(?:for|among)\s+(?!(?:the\s+)?(?:tax\s+)?(?:year\s+)?(?:19|20)\d\d\b"
    r"|(?:last|the\s+previous|the\s+prior|this|that)\s+year\b)[a-z])", re.IGNORECASE)
"""Words after a compared amount that name whom it is for ("$11,250, compared with $7,500 for
other savers 50 and older", "versus $146,000 for single filers", "instead of the $8,000 that
others 50 and older get"): another group's limit of the same year, stated and checked, not
an old value ("compared with $23,500 for 2025")."""
_RATE_OF = re.compile(r"\d\s*(?:%|percent|per\s+cent)\s+of\s+(?:up\s+to\s+|the\s+first\s+|"
                      r"your\s+first\s+|as\s+much\s+as\s+)?$", re.IGNORECASE)
"""Words before an amount a rate is taken of ("50%, 20% or 10% of up to $2,000", "10% of
$20,000"): the base of the rate (see ``Figure.rate_base``), not a limit's value."""
_OLD_THEN_NEW = re.compile(
    r"^\s*(?:(?:[\w()'\u2019-]+\s+){0,3}?"
    r"|(?:(?:in|for)\s+(?:tax\s+year\s+)?(?:19|20)\d\d\s*|last\s+year\s*)?[,;]?\s*"
    r"(?:(?:and|but|then)\s+)?(?:it|that)\s+)"
    r"(?:(?:will|is\s+set\s+to|is\s+going\s+to)\s+)?"
    r"(?:rises?|climbs?|jumps?|increases?|grows?|moves?\s+up|goes\s+up|edges?\s+up|"
    r"bumps?\s+up|inch(?:es)?\s+up|rose|climbed|jumped|increased|grew|moved\s+up|went\s+up|"
    r"falls?|drops?|fell|dropped)(?:\s+by\s+\$?[\d,]+)?\s+to\s+(?:\$|\d)"
    r"|^\s*(?:\(\s*(?:19|20)\d\d\s*\)\s*)?(?:-{1,2}>|=>|\u2192|\u27f6|\u279c|\u2794|\u21d2)\s*"
    r"(?:\$|\d)", re.IGNORECASE)
"""Words after an amount that a new one replaces ("the $23,500 limit climbs to $24,500", "was
$7,000 in 2025, and it rises by $500 to $7,500", an arrow: "Catch-up: $7,500 → $8,000"):
the first amount is the old value, the one after "to" or the arrow is the claim."""
_FROM_THEN_TO = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_THEN_TO = re.compile(r"^\s*(?:(?:in|for)\s+(?:tax\s+year\s+)?\d{4}\s*)?,?\s*to\b",
                      re.IGNORECASE)
_DIFFERENCE = re.compile(
    r"(?:\b(?:up|down|(?<!catch\sup\s)(?<!catch-up\s)by|an?\s+(?:increase|rise|jump|bump|boost|raise|hike|cut|drop)\s+of|"
    r"(?:increase|rise|jump|bump|boost|raise|hike)d?\s+of|"
    r"(?:rose|rises|climbed|climbs|jumped|jumps|grew|grows|increased|increases)(?:\s+by)?)"
    r"\s*$)", re.IGNORECASE)
_DIFFERENCE_AFTER = re.compile(
    r"^\s*(?:more|less|higher|lower|extra\s+over|above\s+last|over\s+last|increase|bump|"
    r"jump|raise|boost|hike)\b", re.IGNORECASE)
"""An amount that is a difference ("up $500", "a $1,000 bump", "$500 more than"), not a
limit; "catch up by $8,000" is the catch-up itself."""
_MORE_TO_PUT_IN = re.compile(r"^\s*more\b(?!\s+than\b)", re.IGNORECASE)
""""more" after an amount someone may put in ("savers 50 and older can put in $1,100
more"): the extra amount itself (with :data:`_MAY_DO` before it), not a change."""
_GROUPS_MORE = frozenset({"AGE_50", "AGE_60_63", "CATCH_UP"})
"""Concepts of a group that may put in an amount "more" than others (the catch-up ages): only
for them is "$1,100 more" the extra amount (not "you can put only $9,500 more into the new
one", the room left in a worked example)."""
_GET = re.compile(r"\b(?:get|gets|getting)\s*$", re.IGNORECASE)
"""A group said to get an amount more ("people 60 to 63 get $11,250 more")."""
_ACROSS_YEARS = re.compile(
    r"^[^.;,$]{0,40}\b(?:over|across|during)\s+(?:several|many|a\s+few|the|your|\d+|two|three|"
    r"four|five|six|seven|eight|nine|ten|twenty)\s+(?:\w+\s+)?years\b", re.IGNORECASE)
"""An amount put in over several years ("$8,000 of nondeductible money over several years")
is a sum of many years' amounts, not one year's limit."""
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
    amount: Quantity | None = None
    """The stated amount that was checked."""
    replacement: str | None = None
    """For a wrong amount: the text that corrects it (None when not unambiguous)."""
    says: str = ""
    """What the clause claims, without a verdict ("the 401(k) limit for 2026 is $23,000")."""


_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_PLAIN_AMOUNT = {
    "usd": re.compile(r"^\$\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:US\s+)?dollars)?$"
                      r"|^(?P<num2>\d{1,3}(?:,\d{3})+|\d+)\s+(?:US\s+)?dollars$"),
    "percent": re.compile(r"^(?P<num>\d+)\s*(?:%|percent|per\s+cent)$", re.IGNORECASE),
    "age": re.compile(r"^(?P<num>\d{2})$"),
}
"""Amounts written in digits with no multiplier or fraction: the only ones rewritten."""


def replacement_text(figure: Figure, year: int, amount: Quantity) -> str | None:
    """The stated amount's text with the right value for ``year`` in place of the wrong one.

    None unless the figure has exactly one whole-number value for the year and the amount
    is written in plain digits (``$23,000``, ``23000 dollars``, ``10%``, ``age 55``):
    words, ``$23k``, ranges and lists are left to people.
    """
    choices = figure.choices(year)
    pattern = _PLAIN_AMOUNT.get(figure.unit)
    if len(choices) != 1 or pattern is None or choices[0] != int(choices[0]):
        return None
    m = pattern.match(amount.text)
    if m is None:
        return None
    group = "num" if m.group("num") is not None else "num2"
    digits = m.group(group)
    right = int(choices[0])
    new = f"{right:,}" if "," in digits or (figure.unit == "usd" and right >= 10_000
                                             and len(digits) > 4) else str(right)
    return amount.text[:m.start(group)] + new + amount.text[m.end(group):]


Names = Callable[[str], AbstractSet[str]]
"""The concepts a mention of a label names: the label and every broader concept that
includes it (``ClaimDatabase.expand``); "Roth IRA" (ROTH_IRA) also names an IRA."""


def _itself(label: str) -> AbstractSet[str]:
    return {label}


def anchor_of(claim: Claim, cond: Condition) -> str:
    """The concept a numeric claim's amount must stand closest to."""
    return cond.anchor or claim.anchor or (cond.all or cond.any)[0]


_AND = re.compile(r"\band\b", re.IGNORECASE)
AND_PENALTY = 15
"""Extra distance across an "and": in "the base limit climbs to $24,500 and your catch-up
rises to $8,000" the catch-up is $8,000."""


def _distance(q: Quantity, m: ConceptMention, cand: Candidate | None = None) -> int:
    distance = min(abs(q.start - m.end), abs(m.start - q.end))
    if cand is not None:
        lo, hi = min(q.end, m.end), max(q.start, m.start)
        between = cand.text[lo - cand.start:hi - cand.start]
        if any(ch in ",;" for ch in between):
            distance += GAP_PENALTY
        if _AND.search(between):
            distance += AND_PENALTY
    return distance


def _nearest(quantities: Iterable[Quantity], cand: Candidate, anchor: str,
             names: Names = _itself) -> Quantity | None:
    mentions = [c for c in cand.concepts if anchor in names(c.label)] or list(cand.concepts)
    best, best_distance = None, None
    for q in quantities:
        distance = min(_distance(q, m, cand) for m in mentions)
        if best_distance is None or distance < best_distance:
            best, best_distance = q, distance
    return best


def _assign(amounts: list[Quantity], cand: Candidate, anchors: set[str],
            names: Names = _itself) -> dict[str, Quantity]:
    """Give each anchor concept its own amount, the closest pairs first.

    In "the 401(k) limit is $23,500, plus a $7,500 catch-up" the catch-up takes $7,500 and
    the 401(k) limit $23,500, so neither is checked against the other's figure.
    """
    pairs = sorted((_distance(q, m, cand), i, anchor)
                   for i, q in enumerate(amounts) for m in cand.concepts
                   for anchor in anchors.intersection(names(m.label)))
    best = _best_assignment(pairs, len(amounts))
    if best is not None:
        return {label: amounts[i] for label, i in best.items()}
    owner: dict[str, Quantity] = {}
    taken: set[int] = set()
    for _, i, label in pairs:
        if label not in owner and i not in taken:
            owner[label] = amounts[i]
            taken.add(i)
    return owner


_MAX_ASSIGN = 4
"""Most anchors or amounts a clause may have for :func:`_best_assignment` to try every
pairing (beyond it the closest pairs are taken first)."""


def _best_assignment(pairs: list[tuple[int, int, str]], count: int) -> dict[str, int] | None:
    """The pairing of anchors to distinct amounts (indexes) that pairs the most anchors at
    the least total distance; None when there are too many to try them all. Taking the
    closest pair first can leave a group without its amount: in "the IRA limit is $7,500,
    and savers 50 and older can put in $1,000 more" the words "can put in" name a limit
    right at the $1,000, but the limit's own amount is the $7,500."""
    cost: dict[tuple[str, int], int] = {}
    for distance, i, label in pairs:
        cost.setdefault((label, i), distance)
    labels = sorted({label for label, _ in cost})
    if not labels or len(labels) > _MAX_ASSIGN or count > _MAX_ASSIGN + 1:
        return None
    options = [None, *range(count)]
    best: tuple[int, int, list[int]] | None = None
    chosen: dict[str, int] = {}
    for combo in product(options, repeat=len(labels)):
        paired = [(label, i) for label, i in zip(labels, combo, strict=True) if i is not None]
        picked = [i for _, i in paired]
        if len(picked) != len(set(picked)) or any(p not in cost for p in paired):
            continue
        # ties go to the pairing with the closest pair, as taking the closest first would
        score = (-len(paired), sum(cost[p] for p in paired), sorted(cost[p] for p in paired))
        if best is None or score < best:
            best = score
            chosen = dict(paired)
    return chosen


def _anchor_owns(anchor: str, cand: Candidate, q: Quantity, names: Names) -> bool:
    """Whether some mention of ``anchor`` comes before the amount ``q`` ("If you turn 60,
    61, 62 or 63, you can add $11,250") or after it in one phrase (no comma or semicolon
    between them)."""
    for m in cand.concepts:
        if anchor not in names(m.label):
            continue
        if m.start < q.start:
            return True
        lo, hi = min(q.end, m.end), max(q.start, m.start)
        if not any(ch in ",;" for ch in cand.text[lo - cand.start:hi - cand.start]):
            return True
    return False


_RELATIVE = re.compile(
    r"\b(?:half|double|twice|triple|a\s+third\s+of|a\s+quarter\s+of)\s+"
    r"(?:that|this|of\s+that|as\s+much|the\s+(?:amount|limit|figure|cap|sum))\b",
    re.IGNORECASE)
"""An amount given relative to the one just stated ("half that", "twice as much")."""


def _relative_to(q: Quantity, cand: Candidate, anchor: str, names: Names) -> bool:
    """Whether ``anchor`` is given its own amount relative to ``q`` between them ("up to
    $3,000 of ordinary income (half that if you're married filing separately)", "$3,000, or
    half as much on a separate return"): ``q`` is the other limit's, not the anchor's."""
    for m in cand.concepts:
        if anchor in names(m.label) and m.start >= q.end and _RELATIVE.search(
                cand.text[q.end - cand.start:m.start - cand.start]):
            return True
    return False


_POINTED = re.compile(r"\b(?:that|this|those|these)\s+\$?$", re.IGNORECASE)
"""A demonstrative right before an amount: one already stated ("that 20%", "this $8,000")."""
_RIGHT_BEFORE = re.compile(
    r"^[\s-]*(?:(?!(?:as|is|are|was|were|be|of|to|for|from|the|a|an|your|my|its|their|our)\b)"
    r"[a-z]+[\s-]+){0,3}$", re.IGNORECASE)
"""What may stand between an amount and the noun it modifies: modifiers of its noun ("that
20% penalty", "that 20% early withdrawal penalty"), no verb, article or preposition."""


def _pointed_back(cand: Candidate, q: Quantity, anchor: str, names: Names) -> bool:
    """Whether ``q`` is an amount already stated, pointed at with a demonstrative ("The plan
    keeps 20%. Think of that 20% as the early-withdrawal penalty"): it is the value of
    whatever the earlier sentence gave it to, not a new value of ``anchor``'s figure, unless
    it modifies the anchor itself ("that 20% penalty")."""
    if not _POINTED.search(cand.text[max(0, q.start - cand.start - 8):q.start - cand.start]):
        return False
    return not any(anchor in names(m.label) and m.start >= q.end and _RIGHT_BEFORE.match(
        cand.text[q.end - cand.start:m.start - cand.start]) for m in cand.concepts)


def plausible(figure: Figure, amount: float) -> bool:
    """Whether ``amount`` can be a (right or wrong) value of ``figure`` at all."""
    values = [v for year in figure.values for v in figure.choices(year)]
    if figure.unit != "usd" or any(abs(amount - v) < 1e-9 for v in values):
        return True
    values = [v for v in values if v > 0]
    if not values:
        return True
    # half of a large balance runs far past a "lesser of" cap ("borrow $300,000 of $600k")
    top = max(values) * PLAUSIBLE_RATIO * (4 if figure.lesser_of else 1)
    return min(values) / PLAUSIBLE_RATIO <= amount <= top


_PARTS_AFTER = re.compile(
    r"^\s*(?:(?:in|for)\s+(?:19|20)\d\d\s*)?[:\u2014\u2013]\s*(?:the\s+|your\s+|a\s+)?\$?\d"
    r"[^.;:]{0,60}?(?:\bplus\b|\+|\band\s+(?:the|your|a|an)\b)", re.IGNORECASE)
"""After an amount, a colon and the parts it adds up ("can defer $32,500 in 2026: the
$24,500 base limit plus the $8,000 catch-up"): the amount is their total."""


def parts_sum(cand: Candidate, q: Quantity) -> float | None:
    """What the parts listed after a total add up to ("$32,500: the $24,500 base plus the
    $11,250 super catch-up" lists $35,750), or None when no parts follow it."""
    found = _PARTS_AFTER.match(cand.text[q.end - cand.start:q.end - cand.start + 90])
    if found is None:
        return None
    tail = cand.text[q.end - cand.start:]
    stop = next((i for i, ch in enumerate(tail) if ch in ".;"), len(tail))
    parts = [o.value for o in cand.quantities if o.kind == q.kind
             and q.end < o.start <= q.end + stop]
    return sum(parts) if len(parts) >= 2 else None


@remembered
def _is_total(cand: Candidate, q: Quantity) -> bool:
    """Whether an amount of the clause is stated as a sum of limits ("a total of $31,000",
    "comes to $31,000", "$24,500 + $11,250 = $35,750", "$32,500: the $24,500 base plus the
    $8,000 catch-up")."""
    before = cand.text[max(0, q.start - cand.start - 90):q.start - cand.start]
    after = cand.text[q.end - cand.start:q.end - cand.start + 90]
    if before.endswith("$"):
        before = before[:-1]
    if _PARTS_AFTER.match(cand.text[q.end - cand.start:q.end - cand.start + 90]):
        return True
    return bool(_TOTAL.search(before) or _TOTAL_AFTER.match(after)
                or (_WITH_CATCH_UP_AFTER.match(after) and not _EXTRA_BEFORE.search(before))
                or before.rstrip().endswith("=")
                or (_ADD_THEN_TOTAL.search(before) and not _NAMES_A_LIMIT.match(after)))


_EXAMPLE = re.compile(
    r"\b(?:if|say|suppose|when|once)\s+(?:you|she|he|they|we|i)(?:'ve)?\s+(?:already\s+)?"
    r"(?:put|puts|defer|defers|deferred|contribute|contributes|contributed|save|saves|saved|"
    r"deposit|deposits|deposited|invest|invests|invested|stash|stashed)\s+(?:in\s+|away\s+)?$",
    re.IGNORECASE)
"""Words before an amount of a worked example ("If you put $15,000 into your old employer's
plan"): what someone puts in, not a limit."""

_NAMED_PUT = re.compile(
    r"\b(?!(?:You|We|They|It|This|That|Each|Every|Anyone|Someone|Nobody|Savers|Workers)\b)"
    r"[A-Z][a-z]+\s+(?:(?:has|had|already)\s+)?(?:put|puts|deferred|defers|contributed|"
    r"contributes|saved|saves|deposited|deposits|stashed|socked\s+away|set\s+aside|"
    r"invested)\s+(?:in\s+|away\s+|aside\s+)?$")
"""A named person of a worked example putting an amount in ("Ana put $2,600 in her 401(k),
but only $2,000 counts"): what that person saved, not a limit."""
_OF_AGI = re.compile(r"^\s*(?:of\s+(?:your\s+|their\s+|his\s+|her\s+)?(?:agi|magi|adjusted\s+gross)"
                     r"|-?\s*(?:floor|threshold)s?)\b", re.IGNORECASE)
"""Words after a percentage of income ("above 7.5% of AGI") or that name it a floor ("the 2%
floor", "a 7.5% threshold"): a floor measured on income, not a rate a table holds."""

_BRACKET_AFTER = re.compile(r"^\s*(?:federal\s+|income[-\s]tax\s+|tax\s+|marginal\s+)*"
                            r"(?:bracket|marginal\s+rate|rate\s+bracket)s?\b", re.IGNORECASE)
"""Words after a percentage that name it a tax bracket ("the 22% bracket", "a 24 percent tax
bracket", "your 12% marginal rate"): the rate of the saver's income tax in a worked example,
not a rate a table holds (the early-withdrawal penalty's 10%)."""

_SIZE_OWNER = re.compile(r"\b(?:a|an|her|his|your|their|my|our|its)\s*$", re.IGNORECASE)
_SIZE_TAKEN = re.compile(r"\b(?:deduct|write|claim|take|offset|use|apply|get)\w*\s+(?:off\s+)?"
                         r"(?:up\s+to\s+|only\s+|just\s+)?(?:a|an|her|his|your|their|my|our)\s*$",
                         re.IGNORECASE)
_SIZED_LOSS = re.compile(
    r"^\s*(?:(?:net|capital|stock|investment|total|overall|long-term|short-term|market|paper)\s+)"
    r"{0,3}(?:loss|losses)\b(?!\s*(?:deduction|write-?off|limit|cap|allowance|break|ceiling|"
    r"maximum|max)\b)", re.IGNORECASE)


def _loss_size(before: str, after: str) -> bool:
    """Whether an amount is the size of someone's loss, not a limit's value: "Say you file
    jointly with a $10,000 net capital loss", "her $9,000 net capital loss trims $3,000 off her
    salary" (not a loss someone takes: "you can deduct a $3,000 capital loss", nor a limit
    named after it: "a $3,000 loss limit")."""
    return (bool(_SIZED_LOSS.match(after)) and bool(_SIZE_OWNER.search(before))
            and not _SIZE_TAKEN.search(before))


_FLOOR_OPERAND = re.compile(r"\b(?:greater|larger|higher|bigger)\s+of\s*$", re.IGNORECASE)
"""Words before an amount that is one side of a "greater of" rule ("the greater of $10,000 or
150% of the regular catch-up"): a floor the limit is worked out from, not the limit. (The
side of a "lesser of" rule is the cap itself: "the lesser of $50,000 or half".)"""


_OWN_BEFORE = re.compile(
    r"\b(?:if|when|say|suppose)\s+(?:you|she|he|they|we|i)\s+(?:only\s+)?(?:earn|earns|earned|"
    r"make|makes|made|are\s+paid|is\s+paid|were\s+paid|was\s+paid)\s*$"
    r"|\b(?:vested|account)\s+balance(?:\s*\([^)]{0,20}\))?\s*(?:of|is|:|\u2014|-)?\s*$",
    re.IGNORECASE)
_OWN_AFTER = re.compile(r"^\s*(?:in\s+|of\s+)?vested\b", re.IGNORECASE)
"""Words around a worked example's own amount ("If you earn $40,000", "$70,000 vested",
"Vested balance $60,000" as a table's row): what someone has or is paid, not a limit."""


def _derived(figure: Figure, cand: Candidate, q: Quantity) -> bool:
    """Whether ``q`` is a worked example's own amount or worked out from it, within the
    figure's dollar limit: "If you earn $40,000, your additions can't exceed $40,000",
    "$70,000 vested: the most you could borrow is $35,000" (half the balance) state the
    example, not a dollar limit; "$250,000 vested: borrow up to $125,000" passes the limit
    and is checked. The example's own amount is never a limit."""
    own = []
    for other in cand.quantities:
        if other.kind != q.kind:
            continue
        before = cand.text[max(0, other.start - cand.start - 60):other.start - cand.start]
        after = cand.text[other.end - cand.start:other.end - cand.start + 30]
        if (_OWN_BEFORE.search(before.removesuffix("$")) or _OWN_AFTER.match(after)
                or own_income(before.removesuffix("$"), after)):
            if other is q:
                return True
            own.append(other.value)
    values = [v for year in figure.values for v in figure.choices(year)]
    return bool(values) and q.value <= max(values) and any(
        q.value in (value, value / 2) for value in own)


_DASH_JOIN = re.compile(r"^\s*[-\u2013\u2014]\s*$")


def _range_ends(cand: Candidate, q: Quantity) -> tuple[Quantity, Quantity]:
    """The two ends of the dashed range ``q`` is one end of ("$236,000–$246,000"),
    whatever figure it is; ``(q, q)`` for an amount that stands alone ("from $7,500 to
    $8,000" is a change, not a range)."""
    same = [o for o in cand.quantities if o.kind == q.kind]
    i = next((n for n, o in enumerate(same) if o is q), None)
    if i is None:
        return q, q
    for lo, hi in ((same[i - 1], q) if i else (None, None),
                   (q, same[i + 1]) if i + 1 < len(same) else (None, None)):
        if lo is not None and hi is not None and lo.value < hi.value and _DASH_JOIN.match(
                cand.text[lo.end - cand.start:hi.start - cand.start]):
            return lo, hi
    return q, q


@remembered
def _is_old(cand: Candidate, q: Quantity) -> bool:
    """Whether an amount is an old value a new one replaces ("up from $23,000 in 2024"), or
    an end of such a range ("goes from $236,000–$246,000 in 2025 to ...")."""
    before = cand.text[max(0, q.start - cand.start - 90):q.start - cand.start]
    after = cand.text[q.end - cand.start:q.end - cand.start + 60]
    if before.endswith("$"):
        before = before[:-1]
    if _COMPARED.search(before) and _FOR_OTHERS.match(after):
        return False
    lo, hi = _range_ends(cand, q)
    if hi is not lo:
        before = cand.text[max(0, lo.start - cand.start - 90):lo.start - cand.start]
        after = cand.text[hi.end - cand.start:hi.end - cand.start + 60]
        before = before.removesuffix("$")
    return bool(_OLD_VALUE.search(before) or _OLD_THEN_NEW.match(after)
                or (_FROM_THEN_TO.search(before) and _THEN_TO.match(after))
                or (q.kind == "usd" and _is_origin(before, after)))


def _is_origin(before: str, after: str) -> bool:
    """Whether a dollar amount is where its figure started or what the law first set ("the
    threshold started at $145,000", "set at $1,000 by law"), not an age ("started at 73")."""
    return bool(_ORIGIN_BEFORE.search(before) or _ORIGIN_ALONE.match(after) or (
        _ORIGIN_AFTER.match(after) and _SET_PAST.search(before)))


@remembered
def _is_difference(cand: Candidate, q: Quantity) -> bool:
    """Whether an amount of the clause is a change ("up $500", "a $1,000 bump")."""
    before = cand.text[max(0, q.start - cand.start - 90):q.start - cand.start]
    after = cand.text[q.end - cand.start:q.end - cand.start + 40]
    if before.endswith("$"):
        before = before[:-1]
    if (_MORE_TO_PUT_IN.match(after) and not _GROUPS_MORE.isdisjoint(cand.labels)
            and (_MAY_DO.search(before) or _GET.search(before))):
        return False
    return bool(_DIFFERENCE.search(before) or _DIFFERENCE_AFTER.match(after))


def names_no_limit(cand: Candidate, q: Quantity) -> bool:
    """Whether an amount of the clause is a change ("up $500", "rose $1,000") or an old value
    being replaced ("from $23,500"): it is no limit's value for this year, so it does not make
    another amount of the clause some other limit's ("The deferral limit rose $1,000 for 2026,
    to $25,500": the $1,000 is no IRA catch-up)."""
    return _is_difference(cand, q) or _is_old(cand, q)


def _is_context(cand: Candidate, q: Quantity, totals: bool = True) -> bool:
    """Whether an amount of the clause is not a value of any single limit: a total (unless
    ``totals`` is off: the limit is itself one on a total), an old value being replaced
    ("from $23,500 to $24,500"), or a difference ("up $500")."""
    before = cand.text[max(0, q.start - cand.start - 90):q.start - cand.start]
    after = cand.text[q.end - cand.start:q.end - cand.start + 40]
    if before.endswith("$"):
        before = before[:-1]
    if ((totals and _is_total(cand, q)) or _is_old(cand, q) or _EXAMPLE.search(before)
            or _NAMED_PUT.search(before)
            or _FLOOR_OPERAND.search(before) or _loss_size(before, after)
            or case_amount(before, after)):
        return True
    if _ACROSS_YEARS.match(cand.text[q.end - cand.start:q.end - cand.start + 80]):
        return True
    if q.kind == "percent" and (_OF_AGI.match(after) or _BRACKET_AFTER.match(after)):
        return True
    if _FROM_THEN_TO.search(before) and _THEN_TO.match(after):
        return True
    return _is_difference(cand, q)


_EACH_AFTER = re.compile(r"^\s*(?:each|apiece|per\s+(?:person|spouse|partner|worker))\b",
                         re.IGNORECASE)
"""Words after a per-person amount ("$7,500 each", "$1,100 apiece")."""


def _sum_for_several(cand: Candidate, q: Quantity) -> bool:
    """Whether ``q`` is a sum for several people that the clause also gives per person
    ("Couples can shelter $15,000 in IRAs, $7,500 each"): the per-person amount is the limit."""
    for other in cand.quantities:
        if other is q or other.kind != q.kind or not other.value:
            continue
        after = cand.text[other.end - cand.start:other.end - cand.start + 20]
        if _EACH_AFTER.match(after) and q.value / other.value in (2, 3, 4):
            return True
    return False


SUM_ANCHORS = frozenset({"TOTAL_ADDITIONS", "SUM_TOTAL"})
"""Concepts of a limit on a total of contributions (the annual additions: employee and
employer money together) or of a total named as such ("bringing their total to $8,600", for
the IRA's one-amount total): words of a total ("Total of employee + employer contributions
— 2026: $72,000") state its value, not a sum of other limits."""


def _wanted(figure: Figure, cand: Candidate, q: Quantity,
            singles: frozenset[float] = frozenset(), sums: bool = False) -> bool:
    """Whether ``q`` is the kind of amount ``figure`` holds: a total, a change or a limit
    (``sums``: a limit on a total, which an amount stated as a total may be).

    An amount that is a total of ``figure`` in some year and no single limit's value in any
    (``singles``: the amounts of the clause some single limit takes) is a total even when no
    word says so ("you can put away $31,000 if you're 50+")."""
    if figure.total:
        return _is_total(cand, q) or (
            q.value not in singles and not _is_context(cand, q)
            and any(figure.matches(year, q.value) for year in figure.values))
    if figure.difference:
        return _is_difference(cand, q) and not _is_total(cand, q)
    if _sum_for_several(cand, q):
        return False
    if not figure.rate_base and _RATE_OF.search(
            cand.text[max(0, q.start - cand.start - 40):q.start - cand.start].removesuffix("$")):
        return False
    return not _is_context(cand, q, totals=not sums) and not _derived(figure, cand, q)


_MAY_DO = re.compile(r"\b(?:can|could|may|will|gets?\s+to)\s+(?P<act>(?:[a-z]+\s+){1,2}?)"
                     r"(?:up\s+to\s+|about\s+|another\s+|an?\s+)?\$?$", re.IGNORECASE)
"""What someone may do with an amount, right before it ("she can put in $35,750")."""


def parallel_amounts(cand: Candidate, q: Quantity) -> list[Quantity]:
    """The other amounts of the clause given with the same verb as ``q`` ("In 2026 she can put
    in $35,750 and I can put in $33,500"): one kind of amount for several people or groups."""
    def act(o: Quantity) -> str | None:
        m = _MAY_DO.search(cand.text[max(0, o.start - cand.start - 40):o.start - cand.start])
        return " ".join(m.group("act").lower().split()) if m else None

    mine = act(q)
    if mine is None:
        return []
    return [o for o in cand.quantities if o is not q and o.kind == q.kind and act(o) == mine]


def _parallel_to_total(cand: Candidate, q: Quantity,
                       values_of: Callable[[float], frozenset[str]] | None,
                       totals: frozenset[str]) -> bool:
    """Whether ``q``, no figure's value, is given in parallel with a total's value
    (:func:`parallel_amounts`): it is a total too, whatever words it lacks ("he can put in
    $35,750 and I can put in $33,500": a wrong 50+ total, not a wrong catch-up)."""
    if values_of is None or not totals or values_of(q.value):
        return False
    return any(values_of(o.value) & totals for o in parallel_amounts(cand, q))


LIMIT_WORD = "LIMIT"
"""The concept of a word that makes the amount after it a limit ("up to", "capped at")."""
_TO_AMOUNT = re.compile(r"^\s*(?:at|of|to|is|:)?\s*\$?$", re.IGNORECASE)
"""What may stand between a limit word and its amount ("capped at $3,000", "a max of $3,000")."""


_ALTERNATIVE = re.compile(r"\bor\s*\$?$", re.IGNORECASE)
"""Words before an amount that is the other side of a limited one ("up to $3,000, or $1,500
if married filing separately"): the limit word governs both."""


def _after_limit_word(cand: Candidate, q: Quantity, names: Names) -> bool:
    """Whether a limit word stands right before ``q`` ("up to $3,000", "capped at $3,000"),
    or ``q`` is the alternative to such an amount ("..., or $1,500")."""
    if _ALTERNATIVE.search(cand.text[max(0, q.start - cand.start - 8):q.start - cand.start]):
        return True
    for m in cand.concepts:
        if (m.end <= q.start and q.start - m.end <= 8 and LIMIT_WORD in names(m.label)
                and _TO_AMOUNT.match(cand.text[m.end - cand.start:q.start - cand.start])):
            return True
    return False


def _limited_amounts(amounts: list[Quantity], cand: Candidate, names: Names,
                     values_of: Callable[[float], frozenset[str]] | None) -> list[Quantity]:
    """The amounts that can state a limit, when a clause gives one after a limit word and
    others that no figure table holds in any year: those are a worked example's own amounts
    (the loss being limited), not a wrong value of the limit. In "that's a capital loss, and
    you can use that $15,000 against gains and up to $3,000 of ordinary income a year" the
    limit is the $3,000, the nearest limit word's amount."""
    if len(amounts) < 2 or values_of is None:
        return amounts
    worded = [q for q in amounts if _after_limit_word(cand, q, names)]
    if not worded:
        return amounts
    return [q for q in amounts if q in worded or values_of(q.value)]


def _qualified_mention(cand: Candidate, anchor: str, cond: Condition, names: Names
                       ) -> Candidate:
    """A clause that names the anchor several times, read with only the mention nearest the
    group the condition names: in "the catch-up was $7,500 and the special 60-63 catch-up was
    $11,250" the 60-63 catch-up is the second "catch-up" (the first is the regular one)."""
    mentions = [m for m in cand.concepts if anchor in names(m.label)]
    groups = [m for m in cand.concepts for label in cond.all
              if label != anchor and label in names(m.label) and anchor not in names(m.label)]
    if len(mentions) < 2 or not groups:
        return cand
    keep = min(mentions, key=lambda m: min(abs(m.start - g.end) if m.start >= g.end
                                            else abs(g.start - m.end) for g in groups))
    return replace(cand, concepts=tuple(m for m in cand.concepts
                                        if m is keep or anchor not in names(m.label)))


def stated_amount(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                  anchors: set[str], names: Names = _itself,
                  singles: frozenset[float] = frozenset(),
                  values_of: Callable[[float], frozenset[str]] | None = None,
                  totals: frozenset[str] = frozenset()
                  ) -> Quantity | None:
    """The amount of ``cand`` that states ``figure``, if any.

    ``anchors`` are the anchors of the numeric claims (same unit) the candidate meets; when
    the claim's anchor is named, it gets the amount closest to it that no other anchor
    is closer to. Implausible amounts are never a figure's value; totals are the value only
    of a figure of totals (``total: true``), and are the only amounts such a figure checks.
    An amount no figure holds (``values_of``) beside one after a limit word is not checked
    (:func:`_limited_amounts`).
    """
    wanted = [q for q in cand.quantities
              if q.kind == figure.unit
              and (figure.total and not _is_context(cand, q, totals=False)
                   if _parallel_to_total(cand, q, values_of, totals)
                   else _wanted(figure, cand, q, singles,
                                anchor_of(claim, cond) in SUM_ANCHORS))]
    amounts = _limited_amounts([q for q in wanted if plausible(figure, q.value)], cand, names,
                               values_of)
    # the amounts this figure could never hold, which the other anchors still compete for
    others = [] if figure.total or figure.difference else [
        q for q in wanted if q.value and not plausible(figure, q.value)]
    anchor = anchor_of(claim, cond)
    cand = _qualified_mention(cand, anchor, cond, names)
    amounts = [q for q in amounts if not _pointed_back(cand, q, anchor, names)]
    if not amounts:
        return None
    if any(anchor in names(m.label) for m in cand.concepts):
        # the other anchors compete for every amount of the clause, not only for those this
        # figure could hold: in "the IRA limit is $7,500, and savers 50 and older can put in
        # $1,000 more" the limit takes the $7,500, so the $1,000 is left to the 50+ group
        owned = _assign(amounts + others, cand, anchors | {anchor}, names).get(anchor)
        if owned is not None and owned not in amounts:
            owned = None
        if owned is not None and _relative_to(owned, cand, anchor, names):
            return None
        return owned
    # an anchor the clause leaves unnamed takes none of the amounts named anchors own
    owned_ids = {id(q) for q in _assign(amounts, cand, anchors, names).values()}
    return _nearest([q for q in amounts if id(q) not in owned_ids] or amounts, cand, anchor, names)


RISE_LABEL = "FIGURE_RISE"
"""The concept of a clause that says a figure went up for a year, with no amount ("the HCE
threshold got another inflation bump for 2026")."""


def _rise_check(claim: Claim, figure: Figure, cand: Candidate,
                years: ClauseYears) -> FigureCheck | None:
    """A figure said to have risen for a year the clause names, with no amount: false when
    the table holds the same value that year as the year before, accurate when it rose."""
    if (RISE_LABEL not in cand.labels or not years.own or cand.polarity != "affirmed"
            or figure.total or figure.difference or any(q.kind == figure.unit
                                                       for q in cand.quantities)):
        return None
    year = years.frame
    if year not in figure.values or year - 1 not in figure.values:
        return None
    before, now = figure.values[year - 1], figure.values[year]
    if not all(isinstance(v, (int, float)) for v in (before, now)) or now < before:
        return None
    right = figure.format_year(year)
    step = Step(stage="number", detail=f"{figure.name}: {figure.format_year(year - 1)} in "
                f"{year - 1}, {right} in {year}", labels=(str(year),))
    says = f"the {figure.name} went up for {year}"
    if now > before:
        return FigureCheck("accurate", f"The {figure.name} went up for {year}, to {right}.",
                           f"The {figure.name} for {year} is {right}.", claim.correction,
                           step, says=says)
    return FigureCheck("false", f"Says {says} — false: it is {right} in both {year - 1} and "
                       f"{year}.", f"The {figure.name} for {year} is {right}, the same as "
                       f"for {year - 1}. {claim.rule}".strip(),
                       f"Say the {figure.name} stays at {right} for {year}.", step, says=says)


_BALANCE_BEFORE = re.compile(
    r"\$\s?[\d,.]+\s*(?:[kKmM]|thousand|million)?\s+(?:in\s+|of\s+)?vested\b"
    r"|\b(?:vested|account)\s+balance\b", re.IGNORECASE)
"""A balance stated earlier in the sentence ("$80,000 vested in the plan, so the largest loan
you could take is $40,000"; a table row "Vested balance $60,000 — Largest loan: $30,000")."""


def _worked_share(figure: Figure, cand: Candidate, quantity: Quantity, year: int) -> bool:
    """An amount below a "lesser of" figure in a clause that also states a balance or a share
    of one ("$70,000 vested: the most you could borrow is $35,000"), or after a clause of its
    sentence that states a balance: it may be the share."""
    if quantity.value >= max(figure.choices(year)):
        return False
    return ("HALF_BALANCE" in cand.labels or "VESTED_BALANCE" in cand.labels
            or any(q is not quantity and q.kind == figure.unit for q in cand.quantities)
            or personal_maximum(cand.text)
            or bool(_BALANCE_BEFORE.search(
                cand.sentence[:max(0, cand.start - cand.sentence_start)])))


_RANGE_JOIN = re.compile(r"^\s*(?:-|\u2013|\u2014|to|through|thru)\s*$", re.IGNORECASE)
_BETWEEN_JOIN = re.compile(r"^\s*and\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*\$?\s*$", re.IGNORECASE)
"""What joins the two ends of a stated range: "$240,000 to $250,000", "$153k\u2013$168k",
"between $79,000 and $91,000"."""


def stated_range(figure: Figure, cand: Candidate, q: Quantity) -> tuple[float, float] | None:
    """The two ends of the range ``q`` is one end of, for a figure whose values are ranges
    (``style: range``): "phases out between $240,000 and $250,000" states the range
    $240,000\u2013$250,000, which is right only when both ends are. None when ``q`` stands
    alone or the two amounts are too far apart to be one range of this figure."""
    if figure.style != "range":
        return None
    widths = [max(v) - min(v) for year in figure.values
              if len(v := figure.choices(year)) == 2]
    if not widths:
        return None
    same = sorted((o for o in cand.quantities if o.kind == q.kind), key=lambda o: o.start)
    i = next((n for n, o in enumerate(same) if o is q), None)
    if i is None:
        return None
    for lo, hi in ((same[i - 1], q) if i else (None, None), (q, same[i + 1]) if i + 1 < len(same)
                   else (None, None)):
        if lo is None or hi is None or not 0 < hi.value - lo.value <= 3 * max(widths):
            continue
        between = cand.text[lo.end - cand.start:hi.start - cand.start]
        before = cand.text[max(0, lo.start - cand.start - 20):lo.start - cand.start]
        if _RANGE_JOIN.match(between) or (_BETWEEN_JOIN.match(between)
                                          and _BETWEEN.search(before)):
            return lo.value, hi.value
    return None


def _range_check(claim: Claim, figure: Figure, cand: Candidate, quantity: Quantity,
                 year: int, pair: tuple[float, float],
                 rivals: tuple[Figure, ...]) -> FigureCheck | None:
    """Check a stated range against the figure's range for ``year``: accurate when both ends
    are right, outdated when both are an earlier year's, false otherwise (None when the
    range is another figure's of the same year)."""
    def ends(f: Figure, y: int) -> tuple[float, ...]:
        return tuple(sorted(f.choices(y)))

    stated = "\u2013".join(figure.format(v) for v in pair)
    right = figure.format_year(year)
    says = f"the {figure.name} for {year} is {stated}"
    if ends(figure, year) == pair:
        return FigureCheck("accurate", f"The {figure.name} for {year} is {right}.",
                           f"The {figure.name} for {year} is {right}.", claim.correction,
                           Step(stage="number", detail=f"{stated} matches {year}",
                                labels=(str(year),)), says=says)
    rule = f"The {figure.name} for {year} is {right}. {claim.rule}".strip()
    correction = f"Use {right} for {year}." + (f" {claim.correction}" if claim.correction else "")
    earlier = sorted((y for y in figure.values if y < year and ends(figure, y) == pair),
                     reverse=True)
    if earlier:
        return FigureCheck("outdated", f"Says {says} \u2014 outdated: {stated} was the range for "
                           f"{earlier[0]}; for {year} it is {right}.", rule, correction,
                           Step(stage="number", detail=f"{stated} is the {earlier[0]} range",
                                labels=(str(year), str(earlier[0]))), quantity, None, says)
    if any(r.id != figure.id and ends(r, year) == pair for r in rivals):
        return None
    return FigureCheck("false", f"Says {says} \u2014 false: it is {right}.", rule, correction,
                       Step(stage="number", detail=f"{stated} matches no year's range",
                            labels=(str(year),)), quantity, None, says)


def _explained(figure: Figure, cand: Candidate, quantity: Quantity,
               rivals: tuple[Figure, ...]) -> frozenset[str]:
    """The figures of the other claims the clause meets that take another of its amounts:
    that amount is theirs, which says nothing of whose ``quantity`` is ("A 61-year-old can
    defer $24,500 plus $12,000": the $24,500 is the deferral limit's, the $12,000 still a
    wrong 60-63 catch-up)."""
    others = [o for o in cand.quantities if o is not quantity and o.kind == figure.unit]
    return frozenset(r.id for r in rivals if r.id != figure.id and any(
        r.matches(year, o.value) for o in others for year in r.values))


def _groups_split(cond: Condition, cand: Candidate, quantity: Quantity, unit: str,
                  names: Names) -> bool:
    """Whether a condition naming several groups (``all``, its ``anchor`` one of them) meets
    a clause where each group stands closest to an amount of its own, ``quantity`` the
    anchor's (issue 14: each amount is checked against its own group)."""
    if cond.anchor is None or cond.anchor not in cond.all or len(cond.all) < 2:
        return False
    amounts = [q for q in cand.quantities
               if q.kind == unit and q.value and not _is_context(cand, q)]
    owner = _assign(amounts, cand, set(cond.all), names)
    return owner.get(cond.anchor) is quantity and all(
        owner.get(g) not in (None, quantity) for g in cond.all if g != cond.anchor)


def _anothers(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
              quantity: Quantity, year: int, elsewhere: frozenset[str], taken: frozenset[str],
              names: Names, rivals: tuple[Figure, ...],
              totals: frozenset[str] = frozenset()) -> bool:
    """Whether a stated amount that is wrong for ``figure`` is another figure's (see
    :func:`check_figure`): ``elsewhere`` and ``taken`` name the figures that take some
    amount of the clause and this amount as a value, ``totals`` the figures of totals."""
    def unnamed(label: str | None) -> bool:
        return label is not None and not any(label in names(m.label) for m in cand.concepts)

    listed = parts_sum(cand, quantity) if figure.total else None
    if listed is not None and figure.matches(year, listed):
        # the parts it lists add up to this total ("up to $32,500: the $24,500 base plus the
        # $11,250 super catch-up"): it is this total stated wrong, not another group's
        return False
    anchor = anchor_of(claim, cond)
    if (elsewhere - {figure.id} - _explained(figure, cand, quantity, rivals)) and unnamed(anchor):
        return True
    # a total that is another total's value, in a clause that leaves unnamed the group this
    # one is about ("so with her catch-up she can do $35,750 all in" after "she turns 60"):
    # the 60-63 total, not a wrong 50+ total
    if figure.total and unnamed(claim.anchor) and any(
            other != figure.id and other in totals for other in elsewhere):
        return True
    if _groups_split(cond, cand, quantity, figure.unit, names):
        # each group the condition names has its own amount, and this one is the anchor's:
        # another group's single limit stated here is a swap, not that group's limit ("savers
        # 50 and older can add another $11,250, and those 60 to 63 up to $8,000")
        rivals = tuple(r for r in rivals if r.total or r.difference)
    if any(r.id != figure.id and (r.matches(year, quantity.value) or (r.total and any(
            r.matches(y, quantity.value) for y in r.values if y < year))) for r in rivals):
        # another figure's value for the year, or an earlier year's value of another total
        # ("a 52-year-old can put in $31,000" is the 50+ total out of date, no catch-up)
        return True
    return bool(taken - {figure.id}) and not _anchor_owns(anchor, cand, quantity, names)


def check_figure(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                 years: ClauseYears, anchors: set[str],
                 elsewhere: frozenset[str] = frozenset(), names: Names = _itself,
                 rivals: tuple[Figure, ...] = (),
                 singles: frozenset[float] = frozenset(),
                 values_of: Callable[[float], frozenset[str]] | None = None,
                 totals: frozenset[str] = frozenset()
                 ) -> FigureCheck | None:
    """Compare the stated amount with the figure for its year; None when nothing to check.

    The amount's year is the one written next to it ("$23,000 in 2024"), else the clause's.
    ``elsewhere`` names the figures that take the stated amount in some year: an amount
    that is another limit's value ("up to $10,000 for a first home", "$18,100 at small
    employers") is that limit's, not a wrong value of this one, unless the clause names
    this figure's anchor. ``rivals`` are the figures of the other numeric claims the clause
    meets: an amount that is one of them right for its year ("savers 50 and up can defer a
    total of $32,500, while those 60 to 63 can put in $35,750") is that figure's. ``values_of``
    names the figures that take an amount as a value: a stated amount another figure takes,
    set off by a comma from every later mention of this figure's anchor, belongs to the
    group before it ("savers under 50 can defer $24,500, those 50 and up $32,500").
    """
    quantity = stated_amount(claim, figure, cond, cand, anchors, names, singles, values_of,
                             totals)
    if quantity is None:
        return _rise_check(claim, figure, cand, years)
    year = years.of(quantity)
    if quantity.start not in years.bound and years.present is not None:
        year = years.present  # "$23,500 this year": the value for the year checked
    if quantity.start not in years.bound and not years.own and years.present is None:
        # a clause that names no year of its own but gives one to another of its amounts:
        # "adds another $7,500, which brings the most you can defer to $31,000 for 2025", "the
        # base limit is $7,000 for 2025, and savers 50 and up can add $1,000" (not an old value
        # it replaces: "$23,500, up from $23,000 in 2024")
        year = next((years.bound[q.start] for q in reversed(cand.quantities)
                     if q.start in years.bound and q.kind == "usd" and not _is_old(cand, q)),
                    year)
    if (figure.wage_year_lag and quantity.start in years.bound
            and years.frame == year + figure.wage_year_lag):
        year = years.frame  # "from 2026, if you earned more than $145,000 in 2025"
    elif figure.wage_year_lag and years.pay_year is not None and year in (
            years.frame, years.pay_year):
        year = years.pay_year + figure.wage_year_lag  # "wages for 2025 topped $150,000"
    pairs = year_pairs(cand, figure.unit)
    if any(q is quantity for q, _ in pairs):
        # "2024: $23,000 · 2025: $23,500 · 2026: $25,000": each year's amount is checked;
        # a wrong one is what the line gets wrong
        checks = [c for q, y in pairs if plausible(figure, q.value) and (
            c := _amount_check(claim, figure, cond, cand, q, y, elsewhere, names, rivals,
                               values_of, totals)) is not None]
        return next((c for c in checks if c.verdict != "accurate"),
                    checks[-1] if checks else None)
    return _amount_check(claim, figure, cond, cand, quantity, year, elsewhere, names, rivals,
                         values_of, totals)


_YEAR_PAIR = re.compile(r"(?:^|[\s(|\u00b7\u2022;,/])(?P<year>(?:19|20)\d\d)"
                        r"\s*(?::|=|\u2014|\u2013|-)\s*$")
"""A year and a colon (or dash) right before an amount: "2025: $23,500"."""


def year_pairs(cand: Candidate, unit: str) -> list[tuple[Quantity, int]]:
    """The amounts of a line of several "year: amount" pairs ("2024: $23,000 · 2025:
    $23,500 · 2026: $24,500"), each with its year; empty for any other clause."""
    pairs = []
    for q in cand.quantities:
        if q.kind != unit:
            continue
        m = _YEAR_PAIR.search(cand.text[max(0, q.start - cand.start - 12):q.start - cand.start])
        if m is not None:
            pairs.append((q, int(m.group("year"))))
    return pairs if len(pairs) >= 2 else []


def _amount_check(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                  quantity: Quantity, year: int, elsewhere: frozenset[str], names: Names,
                  rivals: tuple[Figure, ...],
                  values_of: Callable[[float], frozenset[str]] | None,
                  totals: frozenset[str]) -> FigureCheck | None:
    """The verdict on one stated amount of ``figure`` for ``year`` (see :func:`check_figure`)."""
    if year not in figure.values:
        return None
    if figure.lesser_of and _worked_share(figure, cand, quantity, year):
        return None
    pair = stated_range(figure, cand, quantity)
    if pair is not None and len(figure.choices(year)) == 2:
        return _range_check(claim, figure, cand, quantity, year, pair, rivals)
    stated = figure.format(quantity.value)
    right = figure.format_year(year)
    says = f"the {figure.name} for {year} is {stated}"
    if figure.matches(year, quantity.value):
        return FigureCheck("accurate", f"The {figure.name} for {year} is {right}.",
                           f"The {figure.name} for {year} is {right}.", claim.correction,
                           Step(stage="number", detail=f"{stated} matches {year}",
                                labels=(str(year),)), says=says)
    earlier = [] if figure.misprint(year, quantity.value) else sorted(
        (y for y in figure.values if y < year and figure.matches(y, quantity.value)),
        reverse=True)
    rule = f"The {figure.name} for {year} is {right}. {claim.rule}".strip()
    correction = f"Use {right} for {year}." + (f" {claim.correction}" if claim.correction else "")
    replacement = replacement_text(figure, year, quantity)
    if earlier:
        return FigureCheck("outdated", f"Says {says} — outdated: {stated} was the figure for "
                           f"{earlier[0]}; for {year} it is {right}.", rule, correction,
                           Step(stage="number", detail=f"{stated} is the {earlier[0]} figure",
                                labels=(str(year), str(earlier[0]))),
                           quantity, replacement, says)
    taken = values_of(quantity.value) if values_of is not None else frozenset()
    if _anothers(claim, figure, cond, cand, quantity, year, elsewhere, taken, names, rivals,
                 totals):
        return None
    return FigureCheck("false", f"Says {says} — false: it is {right}.",
                       rule, correction,
                       Step(stage="number", detail=f"{stated} is a misprint of the {year} figure"
                            if figure.misprint(year, quantity.value)
                            else f"{stated} matches no year's figure",
                            labels=(str(year),)),
                       quantity, replacement, says)
