"""The tax years a clause speaks of: stated, bound to an amount, relative, or its section's."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from taxcheck.clauses import Candidate
from taxcheck.documents import Block
from taxcheck.nlp.quantities import NEW_YEAR, Quantity, find_quantities

AMOUNT_KINDS = ("usd", "percent", "age")
_AMOUNT_THEN_YEAR = re.compile(
    r"^\s*(?:(?:(?:allowed|permitted|available|in\s+effect|that\s+(?:applied|applies))\s+)?"
    r"(?:in|for|during)\s+(?:tax\s+year\s+)?|"
    r"\(\s*(?:in\s+|for\s+)?(?:tax\s+year\s+)?)$", re.IGNORECASE)
"""What may stand between an amount and the year it belongs to ("$23,000 in 2024", "the
$23,500 allowed in 2025", "the $23,500 in effect for 2025", "$10,500 (2026)", "$10,300 (for
2025)")."""
_RANGE_GAP = re.compile(r"^\s*(?:to|through|and|-|–|—)\s*\$?\s*$", re.IGNORECASE)
"""What stands between the two ends of a range ("$150,000 to $165,000 in 2025"): the year
written after the range belongs to both ends."""
_POSSESSIVE_THEN_AMOUNT = re.compile(
    r"^(?:'|\u2019)s\s+(?:[\w()-]+\s+){0,3}?(?:of\s+)?$", re.IGNORECASE)
"""What stands between a possessive year and the amount it owns ("2025's $23,500 limit",
"2026's catch-up of $8,000"): the year dates that amount only."""
_BIRTH_YEAR = re.compile(r"\b(?:born|died|dies|passed\s+away)\s+(?:in\s+|after\s+|before\s+|"
                         r"from\s+|between\s+)?(?:(?:19|20)\d\d\s*(?:through|to|and|-|\u2013)\s*)?"
                         r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                         r"(?:\d{1,2},?\s+)?)?$", re.IGNORECASE)
"""A year of birth or death ("born in 1960", "born in 1951 through 1959", "born in March
1957", "she died after 2019") is not a tax year the clause speaks of."""
_COHORT_YEAR = re.compile(r"^\s*(?:(?:or|and)\s+(?:later|after|earlier|before|older|younger)"
                          r"|birthday|birthdate|birth\s+(?:year|date))\b", re.IGNORECASE)
"""What follows a year that opens a group of people by birth year ("1959 or later", "1950 and
earlier" in a table of RMD ages by birth year) or names a birthday ("with a 1953 birthday"):
the year is a birth year, not a tax year."""
_COHORT_BEFORE = 1990
"""Only a year before this opens such a group ("2025 or later" is a tax year)."""
_COHORT_RANGE_END = re.compile(r"\b1[89]\d\d\s*(?:-|\u2013|\u2014|to|through)\s*$", re.IGNORECASE)
_COHORT_RANGE_START = re.compile(r"^\s*(?:-|\u2013|\u2014|to|through)\s*1[89]\d\d\b", re.IGNORECASE)
_COHORT_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                          r"\d{1,2},?\s*$", re.IGNORECASE)
"""A year before 1990 in a range of such years or in a full date ("1951 \u2013 1959", "July 1,
1949 \u2013 1950", "Before July 1, 1949": a row of a table of RMD ages by birth year) is a
birth year, not a tax year."""
_MEASURED_YEAR = re.compile(r"^\s*(?:W-2\s+)?(?:box\s+\d+[a-z]?\s+)?"
                            r"(?:FICA\s+|Social\s+Security\s+|gross\s+|taxable\s+|W-2\s+)?"
                            r"(?:wages|earnings|salary|pay|compensation)\b"
                            r"|^\s*(?:Form\s+)?W-2\b", re.IGNORECASE)
"""A year that dates what is measured ("your 2025 wages", "box 3 of your 2025 W-2", a worked
example's "2025 Box 3 wages $182,000", "2025 gross pay"), not the tax year the clause speaks
of: the Roth catch-up rule for 2026 looks at 2025 wages."""
_MEASURED_BEFORE = re.compile(r"\b(?:wages|salary|paycheck|compensation|earnings|pay)\b"
                              r"[^.;:$]{0,40}$"
                              r"|\b(?:wages|salary|paycheck|compensation|earnings)\b"
                              r"[^.;:$]{0,40}\$[\d,.]+\s*[kK]?\s*(?:in\s+|during\s+)?$",
                              re.IGNORECASE)
"""What stands before a relative year that dates the pay it follows ("wages from us last
year topped $150,000", or after the amount: "your wages from that employer topped $150,000
last year"): the year of the wages, not of the rule the clause speaks of."""
_EARNED_IN = re.compile(r"\b(?:earned|made|were\s+paid|was\s+paid|received)\b[^.;:]{0,60}"
                        r"\b(?:in|during)\s+$"
                        r"|\b(?:wages|salary|paycheck|compensation|earnings|pay)\b[^.;:$]{0,40}"
                        r"\b(?:in|during)\s+$"
                        r"|\b(?:wages|salary|paycheck|compensation|earnings|pay)\b"
                        r"(?!\s+(?:threshold|line|limit|test|cutoff|cut-off|level|cap|ceiling))"
                        r"[^.;:$]{0,40}\bfor\s+$", re.IGNORECASE)
"""A year in which something was earned ("if you earned more than $150,000 from your employer
in 2025", "whose pay from the company in 2025 came in above $150,000", "wages from us for
2025 topped $150,000"): it dates the earnings, not the rule (not "the pay threshold for
2026", which dates the line)."""
_LAW_AFTER = re.compile(r"^\s*(?:(?:[A-Z][\w.()-]*|\d\.\d|tax|budget|spending|retirement|"
                        r"reform|federal)\s+){0,3}?(?i:law|act|bill|legislation|overhaul)s?\b")
_MADE_BY = re.compile(r"\b(?:created|introduced|established|set\s+up|brought\s+in)\s+"
                      r"(?:by|under|in|with)\s+(?:the|a)\s+$", re.IGNORECASE)
_PASSED_IN = re.compile(r"\b(?:passed|enacted|signed(?:\s+into\s+law)?)\s+(?:back\s+)?"
                        r"(?:in\s+)?(?:late\s+|early\s+)?$", re.IGNORECASE)
"""A year that dates the law a thing was made by, told in passing ("created by the 2022
SECURE 2.0 law", "a SECURE 2.0 change passed in 2022"): when the law was made, not a tax year
the clause speaks of (the super catch-up "created by the 2022 law" is told for the page's
year). A law that is the clause's subject keeps its year ("the 2025 budget law made the ban
permanent" tells what happened in 2025)."""
_FOR_COMPARISON = re.compile(r"^\W*(?:for|by|in)\s+comparison\b", re.IGNORECASE)
"""A sentence that opens by setting up a comparison ("For comparison, a 50-plus saver this
year tops out at $31,000" on a page dated 2025 about 2026's limits): its "this year" is the
page's own year, the value the new one is compared with, not the year the page is checked
for."""
_DATE_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s*$", re.IGNORECASE)
"""The month and day before a year ("April 15, 2026"): the year of a date (a deadline), which
gives way to a tax year the clause names as well ("You have until April 15, 2026, to make a
2025 IRA contribution of up to $7,000": the $7,000 is 2025's)."""
_SINCE_YEAR = re.compile(r"\bsince\s+$"
                         r"|\b(?:as|than)\s+(?:(?:it|they|that|this)\s+(?:was|were|did|had)\s+)?"
                         r"(?:in\s+|for\s+|during\s+)?$", re.IGNORECASE)
"""A year a comparison reaches back to ("its first move since 2024", "indexed for inflation
since 2024", "the same figure as in 2025", "$1,000 more than in 2025", "just as it was in
2025"): the starting point or the other side of the comparison, not the year of the amount
(not "as of 2025", which dates it)."""
_STARTED_IN = re.compile(r"\b(?:which|that)\s+(?:first\s+)?(?:started|began|begun|kicked\s+in|"
                         r"took\s+effect|arrived|debuted|launched|appeared)\s+(?:in|with)\s+"
                         r"(?:tax\s+year\s+)?$", re.IGNORECASE)
"""A year in a relative clause that dates when something began ("The bigger catch-up, which
started in 2025, holds at $11,250 for 2026"): an aside on its start, not the year the
clause (or the sentence after it) is about."""
_VERSUS_YEAR = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to))\s+$", re.IGNORECASE)
"""A year a comparison is made with ("Change vs. 2024", a table's column "Compared with
2024"): the other side of the comparison, not the year of the clause's amounts or news
("Catch-up, ages 60 to 63 \u2014 Change vs. 2024: New for 2025" is about 2025)."""
_COMPARED_YEAR = re.compile(r"\b(?:same|identical|unchanged|flat|just|exactly|higher|"
                            r"lower|more|less|bigger|smaller)\b[^.;:$]{0,30}\b(?:as|than)\s+"
                            r"(?:\w+\s+){0,3}?(?:in|for|during)?\s*$",
                            re.IGNORECASE)
"""A year a comparison names ("the same figure as in 2025", "$500 more than for 2025"): the
year compared with, not the year of the clause's amounts."""
_COMPARED_RELATIVE = re.compile(r"\b(?:from|over|than|as|versus|vs\.?|compared\s+(?:with|to))"
                                r"\s+$", re.IGNORECASE)
"""What stands before a relative year that a change or a comparison reaches back to ("$80,500,
up $1,500 from last year", "a $1,000 bump over last year", "the same as last year"): the
year compared with, not the year of the clause's amounts (a possessive, "from last year's
$79,000", dates only its own amount)."""


@dataclass(frozen=True)
class ClauseYears:
    """The tax years a clause speaks of."""

    frame: int
    """The year the clause is about: the first year it names that is not tied to an amount,
    else a relative year ("next year"), else its section's year, else the as-of year."""
    stated: tuple[int, ...] = ()
    """Every year the clause names, relative years resolved."""
    bound: dict[int, int] = field(default_factory=dict)
    """Years tied to one amount ("up from $23,000 in 2024"), by the amount's offset."""
    own: bool = False
    """The frame is a year the clause names itself (not its section's or the as-of year)."""
    present: int | None = None
    """When the frame is "this year": the year the clause is checked for (the as-of year; its
    section's when none is given). An amount stated for "this year" is a present value:
    "$23,500 this year" in a 2025 page checked for 2026 is last year's figure; a rule that
    "takes effect this year" keeps the page's year."""
    written: int | None = None
    """The year the article was written (its date), when it has one."""
    amount_year: int | None = None
    """The year written after the clause's last dollar amount ("$7,000 for 2025"), which a
    later clause of the sentence with no year of its own takes."""
    checked: int | None = None
    """The year the article is checked for (its frame when nothing dates the clause)."""
    pay_year: int | None = None
    """The year of the pay a clause measures, when it names no tax year of its own ("wages
    from us for 2025 topped $150,000"): not a year the clause speaks of (left out of
    ``stated``); a figure measured on the year before (``wage_year_lag``) is the next
    year's."""

    def of(self, amount: Quantity) -> int:
        return self.bound.get(amount.start, self.frame)


def relative_year(q: Quantity, reference: dt.date) -> int:
    """The year a relative expression ("next year", "the new year") means on ``reference``."""
    if q.value == NEW_YEAR:
        return reference.year + (1 if reference.month >= 7 else 0)
    return reference.year + int(q.value)


def dates_a_law(before: str, after: str) -> bool:
    """The year dates the law a thing was made by, told in passing (:data:`_PASSED_IN`,
    :data:`_MADE_BY`), given the clause's text before and after it."""
    return bool(_PASSED_IN.search(before) or (_MADE_BY.search(before) and _LAW_AFTER.match(after)))


def _cohort_year(before: str, after: str) -> bool:
    """A year before 1990 that names a group of people by birth year, given the clause's text
    before and after it ("1959 or later", "1951 \u2013 1959", "Before July 1, 1949")."""
    return bool(_COHORT_YEAR.match(after) or _COHORT_RANGE_START.match(after)
                or _COHORT_RANGE_END.search(before) or _COHORT_DATE.search(before))


def clause_years(cand: Candidate, default: int, reference: dt.date,
                 written: int | None = None, now: int | None = None) -> ClauseYears:
    """The years of a clause; ``default`` is its section's year or the as-of year,
    ``written`` the year of the article's date, ``now`` the year the article is checked for
    (the year a "this year" amount is checked against, whatever its section's year: "This
    year you can put up to $23,500" under a title "Your 2025 Savings Limits" is read as of
    the year checked, as the labelling guide judges an old page's own year)."""
    if not cand.quantities:  # most clauses: nothing to read
        return ClauseYears(default, (), {}, False, None, written, None, now)
    explicit = [q for q in cand.quantities if q.kind == "year"
                and not _BIRTH_YEAR.search(cand.text[:q.start - cand.start])
                and not _MEASURED_YEAR.match(cand.text[q.end - cand.start:])
                and not dates_a_law(cand.text[:q.start - cand.start],
                                    cand.text[q.end - cand.start:])
                and not (q.value < _COHORT_BEFORE
                         and _cohort_year(cand.text[:q.start - cand.start],
                                          cand.text[q.end - cand.start:]))]
    bound: dict[int, int] = {}
    relatives = _free_relatives(cand, reference, bound)
    relative = [relative_year(q, reference) for q in relatives
                if not _compared(cand, q)]
    tied: set[int] = set()
    for amount in (q for q in cand.quantities if q.kind in AMOUNT_KINDS):
        for year in explicit:
            gap = cand.text[amount.end - cand.start:year.start - cand.start]
            if year.start >= amount.end and _AMOUNT_THEN_YEAR.match(gap):
                bound[amount.start] = int(year.value)
                tied.add(year.start)
                break
    amounts = [q for q in cand.quantities if q.kind in AMOUNT_KINDS]
    _bind_aside(cand, explicit, amounts, bound, tied)
    _bind_relative(cand, relatives, amounts, reference, bound)
    owned = _bind_possessive(cand, explicit, amounts, bound, tied)
    for low, high in reversed(list(itertools.pairwise(amounts))):
        gap = cand.text[low.end - cand.start:high.start - cand.start]
        if high.start in bound and low.start not in bound and _RANGE_GAP.match(gap):
            bound[low.start] = bound[high.start]
    # "if you earned more than $150,000 from your employer in 2025": the year of the earnings
    earned = [q for q in explicit if _EARNED_IN.search(cand.text[:q.start - cand.start])]
    free_years = [q for q in explicit if q.start not in tied and q not in earned
                  and not _SINCE_YEAR.search(cand.text[:q.start - cand.start])
                  and not _COMPARED_YEAR.search(cand.text[:q.start - cand.start])
                  and not _VERSUS_YEAR.search(cand.text[:q.start - cand.start])
                  and not _STARTED_IN.search(cand.text[:q.start - cand.start])]
    undated = [q for q in free_years
               if not _DATE_BEFORE.search(cand.text[:q.start - cand.start])]
    free = [int(q.value) for q in (undated or free_years)]
    frame = free[0] if free else relative[0] if relative else default
    present = (default if now is None else now) if (
        not free and relatives and relatives[0].value == 0
        and not _FOR_COMPARISON.match(cand.sentence)) else None
    dollars = [q.start for q in amounts if q.kind == "usd" and q.start in bound
               and q.start not in owned]
    # "wages from us for 2025 came in above $150,000", with no tax year of its own: the pay's
    # year is no year the clause speaks of
    pay = int(earned[0].value) if earned and not free and not relative and len(earned) == len(
        explicit) else None
    stated = () if pay is not None else tuple(int(q.value) for q in explicit)
    return ClauseYears(frame, stated + tuple(relative), bound,
                       bool(free or relative), present, written,
                       bound[dollars[-1]] if dollars else None, checked=now, pay_year=pay)


_ASIDE = re.compile(r"\([^()]*\)")


def _bind_aside(cand: Candidate, explicit: list[Quantity], amounts: list[Quantity],
                bound: dict[int, int], tied: set[int]) -> None:
    """The years of a parenthetical aside that gives an old value ("rises to $8,000 (it was
    $7,500 for 2024 and 2025)") date that value only: they are tied to the aside's first
    amount, not the clause's."""
    for m in _ASIDE.finditer(cand.text):
        lo, hi = cand.start + m.start(), cand.start + m.end()
        inner = [q for q in amounts if lo < q.start < hi]
        years = [q for q in explicit if lo < q.start < hi and q.start not in tied]
        if not inner or not years or years[0].start < inner[0].start or len(inner) == len(
                amounts):
            continue
        bound.setdefault(inner[0].start, int(years[0].value))
        tied.update(q.start for q in years)


def _compared(cand: Candidate, year: Quantity) -> bool:
    """A relative year named only as the other side of a change or comparison."""
    after = cand.text[year.end - cand.start:]
    return (bool(year.value) and not after.startswith(("'", "\u2019"))
            and bool(_COMPARED_RELATIVE.search(cand.text[:year.start - cand.start])))


_AMOUNT_THEN_RELATIVE = re.compile(r"^\s*(?:(?:in|for)\s+)?$", re.IGNORECASE)


def _bind_relative(cand: Candidate, relatives: list[Quantity], amounts: list[Quantity],
                   reference: dt.date, bound: dict[int, int]) -> None:
    """A year counted from the article's date written right after an amount dates that
    amount ("For 2025 the cap was $23,500, and it climbs to $24,500 next year": $24,500 is
    next year's, not 2025's). "This year" is left to the clause (a present value)."""
    for year in relatives:
        if not year.value:
            continue
        before = [q for q in amounts if q.end <= year.start and q.start not in bound]
        if before and _AMOUNT_THEN_RELATIVE.match(
                cand.text[before[-1].end - cand.start:year.start - cand.start]):
            bound[before[-1].start] = relative_year(year, reference)


def _free_relatives(cand: Candidate, reference: dt.date, bound: dict[int, int]
                    ) -> list[Quantity]:
    """The relative years of a clause that are not possessive: "last year's $23,500 cap
    becomes $24,500 this year" dates the $23,500 to last year (bound here) and leaves the
    clause to "this year", and "last year's $7,000 IRA limit rises to $7,500" leaves it to its
    section's year. A possessive relative year is the clause's own when it owns the clause's
    only amount or its last one."""
    relatives = [q for q in cand.quantities if q.kind == "relyear"
                 and not (q.value and _MEASURED_BEFORE.search(cand.text[:q.start - cand.start]))]
    amounts = [q for q in cand.quantities if q.kind in AMOUNT_KINDS]
    if not relatives or len(amounts) < 2:
        return relatives
    free = []
    for year in relatives:
        owned = next((q for q in amounts if q.start >= year.end and q.start not in bound
                      and _POSSESSIVE_THEN_AMOUNT.match(
                          cand.text[year.end - cand.start:q.start - cand.start])), None)
        if owned is None or owned is amounts[-1]:
            free.append(year)
        else:
            bound[owned.start] = relative_year(year, reference)
    return free


def _bind_possessive(cand: Candidate, explicit: list[Quantity], amounts: list[Quantity],
                     bound: dict[int, int], tied: set[int]) -> set[int]:
    """A possessive year dates the amount it owns ("2025's $23,500 limit climbs to $24,500
    in the new year"): that amount is bound to it, and when the clause states other amounts
    the year is not the clause's own (the other amounts are not 2025's, nor are those of a
    later clause). Returns the offsets of the amounts so bound."""
    bound_here: set[int] = set()
    for year in explicit:
        owned = next((q for q in amounts if q.start >= year.end and q.start not in bound
                      and _POSSESSIVE_THEN_AMOUNT.match(
                          cand.text[year.end - cand.start:q.start - cand.start])), None)
        if owned is None:
            if amounts and cand.text.startswith(("'s", "\u2019s"), year.end - cand.start):
                # "Right after 2025's bump, the IRA limit rose to $7,500": the year of an
                # event the clause mentions, not of its amounts
                tied.add(year.start)
            continue
        bound[owned.start] = int(year.value)
        bound_here.add(owned.start)
        if any(q is not owned for q in amounts):
            # before it too: "$24,500 for 2026, up $1,000 from 2025's $23,500"
            tied.add(year.start)
    return bound_here


TURN = re.compile(r"^\W*(?:but|while|whereas|although|though|yet|now|today|currently|"
                   r"since\s+then)\b|\b(?:now|today|currently|since|these\s+days)\b",
                   re.IGNORECASE)
"""A clause that turns away from the year of the clause before it ("..., but it is $24,500
now"): it does not take that year."""


_STAYS = re.compile(r"^\W*(?:but|while|whereas|although|though|yet)\s+(?:only|just|first)\b|"
                    r"\b(?:had|was|were|could|did|needed)\b", re.IGNORECASE)
"""A "but" clause that restricts or stays in the past ("..., but only after you closed every
IRA", "..., but you had to empty them first"): it keeps the year of the clause before."""
_NOW = re.compile(r"\b(?:now|today|currently|since|these\s+days)\b", re.IGNORECASE)


def turns(text: str) -> bool:
    """Whether a clause turns away from the year of the clause before it (:data:`TURN`),
    not just restricting what that clause said of its year (:data:`_STAYS`)."""
    return bool(TURN.search(text)) and (bool(_NOW.search(text)) or not _STAYS.search(text))


def sentence_year(cand: Candidate, earlier: ClauseYears | None, default: int) -> int:
    """The default year of a clause: the year an earlier clause of its sentence names ("For
    2025 the catch-up is $7,500, so the most you can defer comes to $31,000"), or gives its
    last amount ("$7,000 for 2025, and ... can add $1,000"), unless the clause turns away
    from it; else ``default`` (its section's or the as-of year)."""
    if (earlier is None or not (earlier.own or earlier.amount_year)
            or turns(cand.text)):
        return default
    # "The base limit is $7,000 for 2025, and savers 50 and up can add $1,000": else the year
    # of the earlier clause's last dollar amount (not "if you turn 72 in 2023")
    return earlier.frame if earlier.own else earlier.amount_year or default


_TURNING_POINT = re.compile(
    r"\b(?:(?:ever\s+)?since|(?:ended|ending|stopped|repealed|abolished|suspended|eliminated|"
    r"expired|gone|went\s+away)\s+(?:in|after|at\s+the\s+end\s+of))\s*$", re.IGNORECASE)
"""Words before a year that make it the turning point things have been so since ("gone
since 2018", "before it ended in 2018"), not the tax year a heading's section is about
("before 2018" still dates a section on how things were)."""


def heading_year(block: Block) -> int | None:
    """The tax year a title or heading names ("For 2026: the new limits"), if one; not the
    year things have been so since ("The old IRA loss write-off (gone since 2018)")."""
    if "19" not in block.text and "20" not in block.text:
        return None  # (every year find_quantities reads has one of these)
    years = {int(q.value) for q in find_quantities(block.text) if q.kind == "year"
             and not _TURNING_POINT.search(block.text[:q.start])}
    return years.pop() if len(years) == 1 else None


def section_year(named: int | None, written: int | None, checked: int) -> int | None:
    """The year a heading that names ``named`` gives its section, on a page written in
    ``written`` and checked for ``checked``: none when it names the page's own year and the
    page is checked for a later one ("11 retirement numbers for 2025" on a January 2025 page
    gives the figures the page calls current, read as of the year checked as "this year" is);
    a year the page looks ahead to or back on ("Limits for 2026" in November 2025) dates it."""
    if named is not None and named == written and named < checked:
        return None
    return named


_BEFORE_END = re.compile(r"\s+(?=[.!?])")
"""Spaces after a sentence's end mark, as they read in the reversed text."""


def _last_piece(text: str) -> str:
    """What follows the last run of spaces after ".", "!" or "?" (the whole text when there
    is none): ``re.split(r"(?<=[.!?])\\s+", text)[-1]``, found from the end, so the search
    stops at the last sentence instead of splitting the whole block."""
    found = _BEFORE_END.search(text[::-1])
    return text if found is None else text[len(text) - found.start():]


_FIGURES = (r"(?:limits?|numbers|figures|amounts|caps?|ceilings?|thresholds?|ranges?|"
            r"brackets|maximums?)")
_YEAR_OF_FIGURES = re.compile(
    r"\b(?:(?:for|in)\s+(?:tax\s+year\s+)?(?:19|20)\d\d\b.*\b" + _FIGURES + r"\b|"
    r"\b" + _FIGURES + r"\b.*\b(?:for|in)\s+(?:tax\s+year\s+)?(?:19|20)\d\d\b|"
    r"(?:19|20)\d\d(?:'s|\u2019s)?\s+" + _FIGURES + r"\b)",
    re.IGNORECASE)
"""A year that dates figures ("the 2024 limits", "the numbers for 2024", "Back in 2024, the
numbers were lower"), in a short sentence that introduces a list without a colon."""
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
                    r"(?:\d{1,2},?\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
"""A date ("in November 2025"): when something happened, not the year of the figures."""
LEAD_IN_WORDS = 12
"""The most words a sentence ending in a period has to introduce the list after it."""


def lead_in_year(text: str) -> int | None:
    """The one tax year the last sentence of a block ending in a colon names ("For 2024:",
    "The 2025 ranges are:"): the year of the list it introduces. A short last sentence
    ending in a period introduces it too when the year dates figures ("Here are the 2024
    limits.", "Back in 2024, the numbers were lower."), not when it dates an event ("The
    IRS announced them in November 2025.")."""
    text = text.rstrip()
    last = _last_piece(text)
    if not text.endswith(":") and not (
            text.endswith(".") and len(last.split()) <= LEAD_IN_WORDS
            and ("19" in last or "20" in last)  # (every year the pattern finds)
            and _YEAR_OF_FIGURES.search(last) and not _MONTH.search(last)):
        return None
    years = {int(q.value) for q in find_quantities(last) if q.kind == "year"}
    return years.pop() if len(years) == 1 else None
