"""Post-processing: one finding per fact in a sentence, and contradictions between findings."""

from __future__ import annotations

from taxcheck.calibration import finding_confidence
from taxcheck.claimdb import ClaimDatabase
from taxcheck.findings import Contradiction, Finding
from taxcheck.matching.borrowed_reversal import drop_borrowed_reversals
from taxcheck.matching.messages import lower_first, problem_message


def drop_repeated_facts(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Keep one finding per fact, verdict and framing in each sentence.

    Two claims of one fact that both match a sentence ("the disallowed amount is added to
    the new shares' cost, so the loss is postponed") say the same thing twice; the one that
    rests on more concepts stays (the first in reading order on a tie). Numeric claims are
    always kept: each checks its own number. Errors of one fact in different clauses
    ("Hardship withdrawals don't carry the penalty, and you can repay them") are kept:
    each is a mistake of its own, with its own correction.
    """
    claims = db.by_id
    findings = drop_borrowed_reversals(findings, db)

    def weight(f: Finding) -> int:
        step = next((s for s in f.trail if s.stage == "concepts"), None)
        named = len(step.labels) if step else 0
        # a claim that only matches when the sentence names its years says more
        dated = all(c.stated_year is not None for c in claims[f.claim_id].when)
        return named + dated

    best: dict[tuple, Finding] = {}
    for f in findings:
        claim = claims.get(f.claim_id)
        if claim is None or claim.figure:
            continue
        clause = f.start if f.verdict != "accurate" else None
        key = (f.block, f.sentence, clause, claim.fact_key, f.verdict, f.framing)
        if key not in best or weight(f) > weight(best[key]):
            best[key] = f
    # a sentence that states the error outright is false, not also misleading ("can drop you
    # into a lower bracket, so all your income is taxed less") or right ("You can carry a
    # capital loss forward, though only for five years"), and a clause that is or goes on
    # from a false one is not also outdated ("Your Roth IRAs count with the traditional
    # ones, so you'll need to close those out too": wrong even under the old rule)
    false: dict[tuple, int] = {}
    wrong_amount: dict[tuple, int] = {}
    for k, f in best.items():
        if k[4] == "false":
            where = (k[0], k[1], k[3], k[5])
            false[where] = min(false.get(where, f.start), f.start)

    def subsumed(k: tuple, f: Finding) -> bool:
        start = false.get((k[0], k[1], k[3], k[5]))
        return (start is not None and (k[4] in ("misleading", "accurate")
                                       or (k[4] == "outdated" and start <= f.start))
                ) or (k[4] == "outdated" and _outdated_beside_false(k, f, claims, false))

    # a wrong amount of the fact in the clause makes it no right statement of that fact
    # either ("I'm 57, so my RMDs won't start until 73": 73 is false for someone born after
    # 1960, and the clause does not state the age-75 rule rightly)
    for f in findings:
        claim = claims.get(f.claim_id)
        if claim is not None and claim.figure and f.verdict == "false":
            where = (f.block, f.sentence, claim.fact_key, f.framing)
            wrong_amount[where] = min(wrong_amount.get(where, f.start), f.start)
    kept = {id(f) for k, f in best.items() if not subsumed(k, f)
            and not (k[4] == "accurate" and (k[0], k[1], k[3], k[5]) in wrong_amount)}
    # a right amount in a clause that misleads on its fact ("earn more than $153,000 and you
    # can't contribute to a Roth IRA": the start of the range, given as a cutoff) does not
    # make the statement right either
    misleading = {(k[0], k[1], k[3], k[5]): (f.start, f.end) for k, f in best.items()
                  if k[4] == "misleading" and id(f) in kept}

    def figure_kept(f: Finding) -> bool:
        # a right amount in a sentence whose error is of the same fact ("$1,000 every month")
        # does not make the sentence right either, and an old amount in or after a clause
        # that is false on the same fact ("the full $7,000 into each one") is part of that
        # error, as for propositions above
        fact = claims[f.claim_id].fact_key
        where = (f.block, f.sentence, fact, f.framing)
        span = misleading.get(where)
        if f.verdict == "accurate" and span is not None and span[0] < f.end and f.start < span[1]:
            return False
        start = false.get(where)
        return start is None or not (f.verdict == "accurate"
                                     or (f.verdict == "outdated" and start <= f.start))

    return _drop_told_changes([f for f in findings
                               if id(f) in kept or f.claim_id not in claims
                               or (claims[f.claim_id].figure and figure_kept(f))], db)


def _outdated_beside_false(k: tuple, f: Finding, claims: dict,
                           false: dict[tuple, int]) -> bool:
    """An outdated finding whose claim also rests on the fact of a false finding at or
    before it in the sentence states the old rule that the false clause gets wrong ("you
    don't need to empty the others -- close only the account that's down and claim the
    loss": wrong even under the old rule, not also the old Schedule A deduction)."""
    return any(start <= f.start for fact in claims[f.claim_id].also_facts
               if (start := false.get((k[0], k[1], fact, k[5]))) is not None)


def _drop_told_changes(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """A limit's yearly change told beside the limit's own amount in the same clause ("this
    year is $23,500, up $500 from last year's $23,000") is context of the amount (the
    real-articles guide, section 5): when the amount is wrong in the same way (outdated,
    false), the change's finding says it again and goes. A change stated alone ("the limit
    rose $500 for 2026"), or wrong beside a right amount, is reported."""
    claims = db.by_id

    def figure(f: Finding) -> str | None:
        claim = claims.get(f.claim_id)
        return claim.figure if claim is not None else None

    amounts = {(f.block, f.sentence, f.start, figure(f), f.verdict) for f in findings
               if f.is_problem and figure(f)}
    return [f for f in findings if not (
        f.is_problem and (of := db.figures[fig].change_of if (fig := figure(f)) else None)
        and (f.block, f.sentence, f.start, of, f.verdict) in amounts)]


def never_right(findings: list[Finding], db: ClaimDatabase,
                page_year: int | None = None) -> list[Finding]:
    """An earlier year's amount stated in a misleading way is `false`, one finding.

    "This year couples can't contribute to a Roth at all once MAGI reaches $236,000" gives
    the 2025 start of the phase-out (an outdated figure) as a hard cutoff (misleading): the
    statement was not right even for the year the amount belongs to, and the label policy
    makes an outdated statement that is also wrong in another respect `false`. The
    misleading finding of the clause becomes that `false` finding, and the outdated figure
    finding of the same fact inside it goes. A page dated in a year the amount held
    describes its own year's rule: the amount is outdated and the cutoff misleading, two
    findings ("a single filer whose income tops $146,000 can't make a direct Roth
    contribution this year" on a page of 2024).
    """
    claims = db.by_id
    merged: dict[int, Finding] = {}
    dropped: set[int] = set()
    for f in findings:
        claim = claims.get(f.claim_id)
        if (claim is None or claim.figure or f.verdict != "misleading"
                or f.framing != "stated" or f.suppressed):
            continue
        facts = claim.fact_keys
        old = [g for g in findings if g.verdict == "outdated" and g.framing == "stated"
               and not g.suppressed and g.block == f.block and g.sentence == f.sentence
               and g.start < f.end and f.start < g.end and (c := claims.get(g.claim_id))
               and c.figure and c.fact_key in facts
               and not _of_its_time(g, page_year)]
        if not old:
            continue
        figure = old[0]
        trail = (*f.trail, *figure.trail)
        merged[id(f)] = f.model_copy(update={
            "verdict": "false", "severity": claim.severity_for("false"),
            "message": _never_right_message(f, figure),
            "correction": f"{figure.correction} {f.correction}".strip(), "fix": None,
            "trail": trail, "confidence": finding_confidence(
                verdict="false", claim=claim, block_kind=f.block_kind, trail=trail,
                sentence=f.sentence, verifier=db.verifier)})
        dropped.update(id(g) for g in old)
    return [merged.get(id(f), f) for f in findings if id(f) not in dropped]


def _of_its_time(figure: Finding, page_year: int | None) -> bool:
    """The page is dated in or before the latest year the outdated amount held (the second
    label of its number step)."""
    if page_year is None:
        return False
    held = [int(s.labels[1]) for s in figure.trail
            if s.stage == "number" and len(s.labels) > 1 and s.labels[1].isdigit()]
    return bool(held) and page_year <= max(held)


def _never_right_message(misleading: Finding, figure: Finding) -> str:
    """"Says <amount> and <misleading claim> — false: <why the amount is old>. Even for that
    year, <why the claim misleads>"."""
    old_why = figure.message.partition(" — outdated: ")[2]
    misleads = misleading.message.partition(" — misleading: ")[2]
    says = f"{figure.says}, and {lower_first(misleading.says)}"
    reason = f"{old_why} Even for that year it misled: {misleads}" if misleads else old_why
    return problem_message(says, "false", reason)


def _quantity(f: Finding) -> str | None:
    """The year a figure finding checked its amount against (None: not a figure)."""
    step = next((s for s in f.trail if s.stage == "number"), None)
    if step is None:
        return None
    return step.labels[0] if step.labels else step.detail


def _stands_alone(f: Finding) -> bool:
    """True when the sentence states the claim by itself, with no concept from context."""
    return not any(s.stage == "context" for s in f.trail)


class _Statements:
    """What each finding states, as far as contradictions go."""

    def __init__(self, db: ClaimDatabase):
        self.claims = db.by_id
        self.paired = db.denied

    def key(self, f: Finding) -> tuple[str, str | None]:
        """Findings with one key state one thing (rightly or wrongly)."""
        claim = self.claims.get(f.claim_id)
        if claim is None:
            return (f.claim_id, None)
        if claim.figure:
            return (f"figure:{claim.figure}", _quantity(f))
        if claim.history_of:  # the rule told as the past contradicts nothing of today
            return (f"history:{claim.history_of}", None)
        if claim.denial_of or claim.id in self.paired:  # a proposition and its denial
            return (f"claim:{claim.denial_of or claim.id}", None)
        return (claim.fact_key, None)

    def keys(self, f: Finding) -> tuple[tuple[str, str | None], ...]:
        """The keys a correct finding answers: its own, and for a proposition (or denial)
        also its fact, so that it contradicts the wrong claims of that fact that are not
        written as propositions ("you can deduct 401(k) losses" against "you cannot deduct
        ..." even though the latter denies another proposition)."""
        key = self.key(f)
        claim = self.claims.get(f.claim_id)
        if claim is None or claim.figure or not key[0].startswith("claim:"):
            return (key,)
        return (key, (claim.fact_key, None))

    def figure(self, f: Finding) -> str | None:
        claim = self.claims.get(f.claim_id)
        return claim.figure if claim is not None else None

    def fact(self, f: Finding) -> str:
        claim = self.claims.get(f.claim_id)
        return (claim.fact or claim.figure or claim.id) if claim else f.claim_id


def _message(wrong: Finding, right: Finding) -> str:
    if right.start < wrong.start:
        where = (f"line {wrong.line} contradicts line {right.line}" if right.line != wrong.line
                 else f"line {wrong.line} contradicts an earlier sentence on the same line")
        return f"{where}: the article first says \"{right.sentence}\" and then " \
               f"\"{wrong.sentence}\""
    where = (f"line {wrong.line} contradicts line {right.line}" if right.line != wrong.line
             else f"line {wrong.line} contradicts a later sentence on the same line")
    return f"{where}, which says \"{right.sentence}\""


def find_contradictions(findings: list[Finding], db: ClaimDatabase) -> list[Contradiction]:
    """Pair each wrong statement with a correct one on the same fact in another sentence.

    Both sentences must state the claim by themselves (no concept inherited from
    context), and must be different sentences; a sentence that states the fact both
    rightly and wrongly is paired with no other. A claim about a figure contradicts only
    a statement of the same figure for the same year: two different limits that rest
    on one fact of the sheet ("the IRA limit", "the IRA catch-up") do not contradict
    each other, and neither does an amount that another figure of its sentence owns. A
    claim written as a proposition with its denial (``negated``) contradicts only its
    denial: that pair is one statement, the fact sheet's entry may hold several. A wrong
    claim without a denial of its own is contradicted by any correct statement of its fact,
    a proposition's or denial's included.
    """
    st = _Statements(db)
    owned = {(f.block, f.sentence, st.figure(f)) for f in findings
             if f.verdict == "accurate" and st.figure(f)}
    right_in = {(f.block, f.sentence, key) for f in findings
                if f.verdict == "accurate" and f.framing == "stated" for key in st.keys(f)}
    wrong_in = {(f.block, f.sentence, st.key(f)) for f in findings if f.is_problem}
    mixed = right_in & wrong_in  # a sentence that says both is at odds with itself

    def clear(f: Finding) -> bool:
        keys = st.keys(f) if f.verdict == "accurate" else (st.key(f),)
        return _stands_alone(f) and not any((f.block, f.sentence, k) in mixed for k in keys)

    correct: dict[tuple[str, str | None], list[Finding]] = {}
    for f in findings:
        if f.verdict == "accurate" and f.framing == "stated" and clear(f):
            for key in st.keys(f):
                correct.setdefault(key, []).append(f)
    out = []
    for f in findings:
        if not f.is_problem or not clear(f):
            continue
        if st.figure(f) and any(b == f.block and s == f.sentence and fig != st.figure(f)
                                for b, s, fig in owned):
            continue  # the amount is another figure's, stated correctly
        right = next((r for r in correct.get(st.key(f), [])
                      if (r.block, r.sentence) != (f.block, f.sentence)), None)
        if right is not None:
            out.append(Contradiction(fact=st.fact(f), accurate=right.id, wrong=f.id,
                                     message=_message(f, right)))
    return out
