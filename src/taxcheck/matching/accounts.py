"""Which plan an amount belongs to when the clause borrows its plan from the discourse.

A clause that names no plan takes one from its section, heading or title ("Catch-up for 50+
is another $8,000" in a thread titled "... plus a side-gig SIMPLE"). When that reading makes
the amount wrong, but the page has also named another plan for which the same amount is a
known figure (the thread's first post names the writer's 401(k), whose 2026 catch-up is
$8,000), the amount is that plan's: the writer means the plan the figure fits, and a
wrong figure is reported only when no plan the page names fits it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from taxcheck.findings import Step
from taxcheck.matching.conditions import Match

SPECIFIC_ACCOUNTS = ("EMPLOYER_PLAN", "SIMPLE_PLAN", "GOV_457", "ROTH_401K", "TRADITIONAL_IRA",
                     "ROTH_IRA", "SEP_IRA")
"""The plans an amount can be re-read for, most common first (not the broad "IRA" or
"retirement account" that "SIMPLE IRA" or "401(k)" also name)."""

MatchFn = Callable[[set[str]], list[Match]]


def borrowed_accounts(steps: Iterable[Step], own: frozenset[str]) -> frozenset[str]:
    """The plans a clause took from the discourse (its context steps for the account group),
    less those it names itself."""
    taken: set[str] = set()
    for step in steps:
        if step.stage == "context" and step.detail.startswith("account:"):
            taken.update(step.labels)
    return frozenset(taken - own)


def _needs(m: Match, borrowed: frozenset[str], kept: frozenset[str]) -> bool:
    """Whether ``m``'s condition is met only thanks to a borrowed plan: one its ``all`` names,
    or the only one of its ``any`` the clause has (``kept``: its concepts without them)."""
    cond = m.condition
    return bool(borrowed.intersection(cond.all)) or (
        bool(borrowed.intersection(cond.any)) and not kept.intersection(cond.any))


def _amount(m: Match) -> str:
    """The amount a figure match checked, as its message states it ("... for 2026 is $8,000")."""
    return m.says.rsplit(" is ", 1)[-1]


def _wrong_by_borrowing(matches: Sequence[Match], borrowed: frozenset[str],
                        kept: frozenset[str]) -> list[Match]:
    """The figure matches that find the amount wrong and need a borrowed plan."""
    return [m for m in matches if m.claim.figure and m.verdict == "false"
            and _needs(m, borrowed, kept)]


def _known(m: Match) -> bool:
    return m.verdict in ("accurate", "outdated")


def other_accounts_reading(matches: list[Match], labels: set[str], borrowed: frozenset[str],
                           named: Iterable[str], match: MatchFn,
                           expand: Callable[[set[str]], frozenset[str]]) -> list[Match]:
    """``matches``, with a wrong figure that rests on a borrowed plan replaced by the reading
    of another plan the page ``named`` (or of one of several plans borrowed at once) for which
    the amount is a known figure (right for its year, or an earlier year's); unchanged when no
    such plan fits. A clause that borrowed several plans at once ("a 401(k) at work and a
    SIMPLE on the side" just before) and so met no figure claim at all is read for each of
    them in turn, and takes the first reading whose amounts are known figures."""
    if not borrowed:
        return matches
    base = labels - borrowed
    several = len(borrowed & set(SPECIFIC_ACCOUNTS)) > 1
    wrong = _wrong_by_borrowing(matches, borrowed, expand(base))
    if wrong:
        amounts = {_amount(m) for m in wrong}
        tried = (set(named) - borrowed) | (borrowed if several else set())

        def fits(m: Match) -> bool:
            return _known(m) and _amount(m) in amounts

        def drops(m: Match) -> bool:
            return m.verdict == "false" and _amount(m) in amounts
    elif several and not any(m.claim.figure for m in matches):
        tried, fits, drops = set(borrowed), _known, (lambda m: not _known(m))
    else:
        return matches
    for account in (a for a in SPECIFIC_ACCOUNTS if a in tried):
        reading = [m for m in match(base | {account}) if m.claim.figure]
        if any(fits(m) for m in reading):
            # the clause is about that plan: its other amounts are read for it too ("the
            # catch-up jumps to $11,250, which puts him at $34,750 total")
            kept = [m for m in matches if m not in wrong]
            ids = {m.claim.id for m in kept}
            return kept + [m for m in reading if m.claim.id not in ids and not drops(m)]
    return matches
