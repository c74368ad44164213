"""Condition matching: which claims a clause meets, given the concepts resolved for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Citation, Claim, Condition, Figure
from taxcheck.clauses import Candidate
from taxcheck.findings import Step
from taxcheck.matching.figures import anchor_of, check_figure, names_no_limit, plausible
from taxcheck.matching.messages import claim_message
from taxcheck.matching.told_past import as_told
from taxcheck.matching.worked_totals import ExampleParts, PartsFn, old_part_in, sums_parts
from taxcheck.matching.years import ClauseYears
from taxcheck.nlp.quantities import find_quantities
from taxcheck.tense import main_told_in_past, own_story


@dataclass(frozen=True)
class Match:
    """A claim whose condition a candidate meets."""

    claim: Claim
    condition: Condition
    concepts: frozenset[str]
    verdict: str
    message: str
    rule: str
    correction: str
    steps: tuple[Step, ...]
    citations: tuple[Citation, ...]
    implied: frozenset[str] = frozenset()
    """Concepts taken from the title or section, not named by the clause."""
    fix: tuple[int, int, str] | None = None
    """For a wrong figure: the amount's span in the block text and its replacement."""
    says: str = ""
    """What the clause claims, in neutral words (see :mod:`taxcheck.matching.messages`)."""


def rule_match(claim: Claim, concepts: frozenset[str]) -> Match:
    """``claim`` met by what its context says rather than by a condition of its own (a step,
    a title or a condition of a procedure stated before): its first condition, its own
    verdict (outdated for a figure-less claim without one), message, rule and citations."""
    verdict = claim.verdict or "outdated"
    message, says = claim_message(claim, verdict)
    return Match(claim, claim.when[0], concepts, verdict, message, claim.rule,
                 claim.correction, (), claim.citations, says=says)


def _tense_fits(cond: Condition, cand: Candidate, years: ClauseYears,
                borrowed: bool = False) -> bool:
    if cond.stated_year is not None:
        # the year the clause is about, not any year it names ("from 2026, anyone who
        # earned more than $150,000 in 2025 ...")
        return bool(years.stated) and cond.stated_year.contains(years.frame)
    if cond.past:
        return cand.historical
    # A clause about the past ("was", "used to") states no rule for today.
    # (a clause in the past dated by its paragraph or section, "From a 2024 return: ... The
    # IRA loss was deductible on Schedule A", states the rule for that year)
    # (the writer's own story that names the rule itself asserts it, "I deducted my IRA loss
    # on Schedule A"; one that leaves the rule to its context, "I itemized anyway because of
    # my mortgage", tells the story)
    return not cand.historical and not (
        cond.present and years.frame == (years.checked or years.frame)
        and main_told_in_past(cand.text) and (borrowed or not own_story(cand.text)))


def condition_met(cond: Condition, labels: frozenset[str], cand: Candidate,
                  years: ClauseYears, ambient: frozenset[str] = frozenset(),
                  accounts: frozenset[str] = frozenset(),
                  broader: Callable[[frozenset[str]], frozenset[str]] = lambda x: x
                  ) -> frozenset[str] | None:
    """None when ``cand`` does not meet ``cond``; else the concepts it leaves implied.

    ``labels`` are the concepts resolved for the clause; ``years`` the tax years it speaks
    of. ``ambient`` holds the concepts of the title and of the section so far; a
    condition's ``implied`` concepts may come from there when the clause does not name them.
    An account (of ``accounts``, the account context group) is not left implied when the
    background also names an account the condition rules out: "First home: up to $10,000,
    a lifetime number" under the lead-in "IRA only:" on a page about 401(k)s and IRAs is
    not about the 401(k). A kind of the account left implied, or what it is a kind of
    (``broader`` gives what a set of concepts is a kind of), rules out nothing: a 457(b) named
    before a clause about the 401(k), the IRA that a Roth IRA named before is.
    """
    borrowed = frozenset(c for c in cond.implied if c not in labels and c in ambient)
    lent = borrowed & accounts
    if lent and any(not broader(frozenset({other})) & lent and other not in broader(lent)
                    for other in ambient.intersection(cond.none) & accounts):
        return None
    if borrowed and ambient.intersection(cond.none_nearby):
        return None
    have = labels | borrowed
    if not have.issuperset(cond.all):
        return None
    if cond.any and not have.intersection(cond.any):
        return None
    if labels.intersection(cond.none):
        return None
    if cond.polarity != "any" and cond.polarity != cand.polarity:
        return None
    if not _tense_fits(cond, cand, years, bool(borrowed & set(cond.all) or (
            cond.any and not labels.intersection(cond.any)))):
        return None
    needed = set(borrowed.intersection(cond.all))
    if cond.any and not labels.intersection(cond.any):
        needed |= borrowed.intersection(cond.any)
    return frozenset(needed)


ACCOUNT_CONTEXT = "account"
"""The context group of accounts (a 401(k), an IRA, a taxable account)."""


def _merge(first: tuple[Citation, ...], second: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """The claim's citations, then the figure table's sources it does not already cite."""
    urls = {c.url for c in first}
    return first + tuple(c for c in second if c.url not in urls)


def _met_conditions(db: ClaimDatabase, cand: Candidate, labels: frozenset[str],
                    years: ClauseYears, ambient: frozenset[str], example: str = "",
                    parts: PartsFn | None = None, around: frozenset[str] = frozenset()
                    ) -> list[tuple[Claim, Condition, frozenset[str]]]:
    accounts = frozenset(db.context_groups[0].get(ACCOUNT_CONTEXT, ()))
    # a figure's condition may also read an amount the clause presupposes before denying
    # something else of it (the negated clause read as stating the amount)
    stated = replace(cand, polarity="affirmed") if presupposed_amount(cand) else None
    told: dict[int, Candidate] = {}  # the clause as a changed rule's claims read it
    return [(claim, cond, implied) for claim, cond in db.conditions_for(labels, ambient)
            if not around.intersection(cond.none_around)
            and (implied := _met(cond, labels, as_told(db, claim, cand, told),
                                stated if claim.figure else None,
                                years, ambient, accounts, db.expand)) is not None
            and _worked_example_fits(db, cond, example or cand.sentence, cand, parts)]


def _met(cond: Condition, labels: frozenset[str], cand: Candidate, stated: Candidate | None,
         years: ClauseYears, ambient: frozenset[str], accounts: frozenset[str],
         broader: Callable[[frozenset[str]], frozenset[str]]) -> frozenset[str] | None:
    implied = condition_met(cond, labels, cand, years, ambient, accounts, broader)
    if implied is None and stated is not None:
        implied = condition_met(cond, labels, stated, years, ambient, accounts, broader)
    return implied


_NEGATION = re.compile(r"\b(?:not|never)\b|n(?:'|\u2019)t\b", re.IGNORECASE)
_DENIED_AMOUNT = re.compile(
    r"\s*(?:(?:the|a|an|your|my|its|their|this|that|one|any|it|right|correct|accurate|true|"
    r"wrong|so|quite|exactly|actually|really|more|less|over|above|higher|lower|enough|"
    r"allowed|permitted|possible|available|all|just|only|what|how|as|too)\b|[$\d])",
    re.IGNORECASE)
"""What follows a negation that denies the amount before it rather than the predicate
("$23,500 isn't the limit for 2026", "isn't right", "isn't allowed", "isn't more than")."""


def presupposed_amount(cand: Candidate) -> bool:
    """The clause's amounts all stand before its negation, which denies something else of
    them: "The 2026 401(k) limit of $23,500 doesn't include your employer's match", "The
    extra $1,000 that savers 50 and up can add to an IRA isn't forced into a Roth" state the
    amount as the limit (a figure checks it) and deny only the predicate. "$23,500 isn't
    the limit for 2026" denies the amount. A rate counts only when the negation is in what
    the rate is taken of ("the penalty is 50% of whatever you didn't take"): "the 20% rule
    doesn't apply to it" denies the rate's reach."""
    if cand.polarity != "negated":
        return False
    amounts = [q for q in cand.quantities if q.kind == "usd"] or [
        q for q in cand.quantities if q.kind == "percent"]
    if not amounts:
        return False
    text = cand.text
    first, last = amounts[0].start - cand.start, amounts[-1].end - cand.start
    if _NEGATION.search(text, 0, max(first, 0)):
        return False
    negation = _NEGATION.search(text, max(last, 0))
    if negation is None or _DENIED_AMOUNT.match(text, negation.end()):
        return False
    return amounts[-1].kind == "usd" or bool(_OF_WHAT.match(text, max(last, 0)))


_OF_WHAT = re.compile(r"\s+of\s+(?:what(?:ever)?|the\s+(?:amount|part|money|shortfall)\s+"
                      r"(?:that\s+)?)?\s*(?:you|they|he|she|we)\b", re.IGNORECASE)
"""What a rate is taken of, told by what someone did not do ("50% of whatever you didn't
take", "of the amount you didn't withdraw")."""


def _worked_example_fits(db: ClaimDatabase, cond: Condition, text: str, cand: Candidate,
                         parts: PartsFn | None = None) -> bool:
    """A condition's ``remainder_of``, ``keeps_share``, ``repeats_amount`` and
    ``adds_up_old_part``, read only after its concepts are met (few conditions have them)."""
    if cond.remainder_of is not None and not states_remainder(db.figures[cond.remainder_of],
                                                               text):
        return False
    if cond.adds_up_old_part and (parts is None or _old_part(cand, parts()) is None):
        return False
    if cond.keeps_share is not None and not states_share(text, cond.keeps_share):
        return False
    return not cond.repeats_amount or repeats_amount(text)


def _stated_total(cand: Candidate) -> float | None:
    """The clause's last dollar amount (the sum a worked example states)."""
    usd = [q.value for q in cand.quantities if q.kind == "usd" and q.value > 0]
    return float(usd[-1]) if usd else None


def _old_part(cand: Candidate, parts: ExampleParts) -> tuple[float, float] | None:
    total = _stated_total(cand)
    return None if total is None else old_part_in(total, parts)


def worked_example_text(block_text: str, cand: Candidate) -> str:
    """The text a worked example's amounts are read from: the clause's sentence, with the
    sentence just before it in its paragraph ("Employer kicks in $4,000? Then you're limited
    to $20,500 yourself."); empty when the sentence opens its paragraph (the sentence
    alone)."""
    before = block_text[:cand.sentence_start].rstrip()
    if not before:
        return ""
    start = max(before.rfind(mark, 0, len(before) - 1) for mark in ".!?\n") + 1
    return f"{before[start:].strip()} {cand.sentence}"


def _usd(text: str, unit: str = "usd") -> list[float]:
    return [q.value for q in find_quantities(text) if q.kind == unit and q.value > 0]


def states_remainder(figure: Figure, sentence: str) -> bool:
    """Whether ``sentence`` states two amounts of ``figure``'s unit, one of them the
    figure's value for some year less the other ("if your employer chips in $5,000, you can
    only defer $19,500": $24,500 less $5,000)."""
    amounts = _usd(sentence, figure.unit)
    if len(amounts) < 2:
        return False
    limits = {float(v) for year in figure.values for v in figure.choices(year)}
    return any(a != b and abs(a + b - limit) < 0.5
               for i, a in enumerate(amounts) for b in amounts[i + 1:] for limit in limits)


def states_share(sentence: str, share: float) -> bool:
    """Whether ``sentence`` states two dollar amounts, one ``share`` of the other ("request
    $10,000 and about $8,000 reaches you": 0.8 of it), to the dollar, and gives no rate (a
    worked example right after its rate is that rate's: :func:`.retries.worked_examples.
    works_out_rate`)."""
    if _usd(sentence, "percent"):
        return False
    amounts = _usd(sentence)
    return any(abs(a * share - b) < 0.5 for a in amounts for b in amounts if a > b)


def repeats_amount(sentence: str) -> bool:
    """Whether ``sentence`` states one dollar amount twice ("sell $20,000 of stock and you
    add $20,000 to your income")."""
    amounts = _usd(sentence)
    return len(amounts) != len(set(amounts))


def _elsewhere(db: ClaimDatabase, unit: str, cand: Candidate) -> frozenset[str]:
    """The figures that take some amount of ``cand`` (in ``unit``) as a value, not counting a
    change or an old value (:func:`names_no_limit`)."""
    out: frozenset[str] = frozenset()
    for q in cand.quantities:
        if q.kind == unit and not names_no_limit(cand, q):
            out |= db.figure_values.get((unit, float(q.value)), frozenset())
    return out


def _singles(db: ClaimDatabase, unit: str, cand: Candidate) -> frozenset[float]:
    """The amounts of ``cand`` (in ``unit``) that some single limit (not a table of totals
    or of yearly changes) takes as a value."""
    return frozenset(
        q.value for q in cand.quantities
        if q.kind == unit and any(not (db.figures[f].total or db.figures[f].difference)
                                  for f in db.figure_values.get((unit, float(q.value)), ())))


def _to_match(db: ClaimDatabase, claim: Claim, cond: Condition, implied: frozenset[str],
              labels: frozenset[str], cand: Candidate, years: ClauseYears,
              anchors: dict[str, set[str]], rivals: tuple[Figure, ...] = (),
              example: str = "", parts: PartsFn | None = None) -> Match | None:
    used = frozenset(cond.all) | (labels | implied).intersection(cond.any)
    if claim.figure:
        figure = db.figures[claim.figure]
        result = check_figure(claim, figure, cond, cand, years,
                              anchors.get(_anchor_group(figure), set()),
                              _elsewhere(db, figure.unit, cand),
                              names=db.expand_label, rivals=rivals,
                              singles=_singles(db, figure.unit, cand) if figure.total
                              else frozenset(),
                              values_of=lambda v: db.figure_values.get((figure.unit, float(v)),
                                                                       frozenset()),
                              totals=db.total_figures)
        if result is None:
            return None
        if (figure.total and parts is not None and result.amount is not None
                and sums_parts(result.amount.value, parts().amounts)):
            # the example's own sum of three or more parts (deferral, catch-up and a
            # match), not the deferral-plus-catch-up total the table holds
            return None
        fix = None
        if result.amount is not None and result.replacement is not None:
            fix = (result.amount.start, result.amount.end, result.replacement)
        return Match(claim, cond, used, result.verdict, result.message, result.rule,
                     result.correction, (result.step,),
                     _merge(claim.citations, figure.citations), implied, fix,
                     result.says)
    if ((not claim.years.contains(years.frame) and not _own_time(claim, cand, years))
            or _names_top_of_range(db, claim, cand, years, example)):
        return None
    verdict = claim.verdict or "accurate"
    message, says = claim_message(claim, verdict)
    return Match(claim, cond, used, verdict, message, claim.rule,
                 claim.correction, (), claim.citations, implied, says=says)


_STATED_RANGE = re.compile(
    r"\$\s?\d[\d,.]*\s*[kK]?\s*(?:to|through|and|-|\u2013|\u2014)\s*\$\s?\d", re.IGNORECASE)
"""Two amounts joined as the ends of a range ("$81,000 to $91,000", "between $129,000 and
$149,000", "$242k\u2013$252k")."""


def _names_top_of_range(db: ClaimDatabase, claim: Claim, cand: Candidate,
                        years: ClauseYears, example: str = "") -> bool:
    """The clause's amount is the top of one of ``claim.unless_top_of``'s ranges for its year;
    or the clause states no amount and the sentence before it states a range: "more than
    that" is then above its top ("phase out between $81,000 and $91,000. Earn more than that?
    Then the deduction is off the table"), while after one amount ("the magic number is
    $242,000. Make a dollar more than that and ...") it is that amount."""
    if not claim.unless_top_of:
        return False
    if not any(q.kind == "usd" for q in cand.quantities):
        before = example[:max(0, example.find(cand.sentence))] if cand.sentence in example else ""
        return bool(_STATED_RANGE.search(before))
    for q in cand.quantities:
        year = years.of(q)
        for figure in (db.figures[f] for f in claim.unless_top_of):
            ends = figure.choices(year)
            if q.kind == figure.unit and len(ends) > 1 and abs(q.value - max(ends)) < 1e-9:
                return True
    return False


def _own_time(claim: Claim, cand: Candidate, years: ClauseYears) -> bool:
    """An old dated page states a rule since abolished as how things work in its own time
    ("your 2015 conversion can be reversed until October 15, 2016" on a 2016 page): in
    the present tense, about the years around its date, it still states the outdated claim."""
    start = claim.years.from_
    return (claim.verdict == "outdated" and not cand.historical and years.written is not None
            and start is not None and years.written < start
            and abs(years.frame - years.written) <= 1)


def _anchor_group(figure: Figure) -> str:
    """Numeric claims that compete for a clause's amounts: same unit, and either all single
    limits, all totals or all yearly changes (none takes another kind's amount)."""
    if figure.total:
        return f"{figure.unit}:total"
    return f"{figure.unit}:difference" if figure.difference else figure.unit


def match_claims(db: ClaimDatabase, cand: Candidate, labels: frozenset[str],
                 years: ClauseYears, ambient: frozenset[str] = frozenset(),
                 example: str = "", parts: PartsFn | None = None,
                 around: frozenset[str] = frozenset()) -> list[Match]:
    """Every claim ``cand`` states, given its resolved ``labels`` and ``years``.

    ``around`` holds what the section's heading and its last few sentences name: a
    condition's ``none_around`` concepts there rule it out.

    ``example`` is the text a worked example's amounts are read from (``remainder_of``,
    ``repeats_amount``): the clause's sentence, with the sentence before it in its paragraph
    ("Employer kicks in $4,000? Then you're limited to $20,500."); empty: the sentence alone.
    A numeric claim whose condition is met but that finds no amount to check lets another
    of its conditions try. A match whose concepts are a strict subset of another's says
    less and is dropped (see :func:`_says_less`).
    """
    met = _met_conditions(db, cand, labels, years, ambient, example, parts, around)
    # each numeric claim competes for the clause's amounts with the anchor of its first met
    # condition (the one it is checked by): in "50 or older can make catch-up contributions
    # of $8,000, or $11,250 if you are 60 to 63" the 60-63 claim's two-group condition
    # anchors on "60 to 63", so its fallback anchor "catch-up" does not take the $8,000
    anchors: dict[str, set[str]] = {}
    first: set[str] = set()
    for claim, cond, _ in met:
        if claim.figure and claim.id not in first and _can_take(db.figures[claim.figure], cand):
            first.add(claim.id)
            anchors.setdefault(_anchor_group(db.figures[claim.figure]), set()).add(
                anchor_of(claim, cond))
    rivals = tuple(db.figures[f] for f in sorted({c.figure for c, _, _ in met if c.figure}))
    found: list[Match] = []
    done: set[str] = set()
    for claim, cond, implied in met:
        if claim.id in done:
            continue
        match = _to_match(db, claim, cond, implied, labels, cand, years, anchors, rivals,
                          example, parts)
        if match is None and claim.figure:
            continue  # nothing to check here; another condition may find an amount
        done.add(claim.id)
        if match is not None:
            found.append(match)
    return [m for m in found if not any(_says_less(m, o) for o in found)]


def _can_take(figure: Figure, cand: Candidate) -> bool:
    """Whether some amount of ``cand`` can be a value of ``figure`` at all: a claim whose
    figure can take none ("the cutoff for the Roth catch-up is $145,000" under a heading on
    SIMPLE plans: no SIMPLE catch-up is $145,000) does not compete for the clause's amounts
    with the claims whose figure can."""
    return any(q.kind == figure.unit and plausible(figure, q.value) for q in cand.quantities)


def _says_less(m: Match, o: Match) -> bool:
    """``m`` rests on a strict subset of ``o``'s concepts: drop it, unless both check numbers
    against different figures (each checks its own number), or ``o`` adds only concepts it
    took from the section (a guess should not hide what the clause itself says)."""
    if o is m or not m.concepts < o.concepts:
        return False
    if m.claim.figure and o.claim.figure and m.claim.figure != o.claim.figure:
        return False
    # "the $7,000 ceiling is one pool": a proposition about a limit does not check the
    # limit's amount; the figure of the same fact still does
    if m.claim.figure and not o.claim.figure and m.claim.fact == o.claim.fact:
        return False
    # ... though an error the page's topic makes specific ("only the growth is taxed" on a
    # page about conversions) is that error, not also the general one
    if m.verdict == o.verdict != "accurate" and m.claim.fact != o.claim.fact:
        return True
    return not (o.concepts - m.concepts) <= o.implied
