"""What a finding says: the article's claim in neutral words, and for a wrong claim the
verdict and why ("Says you can roll 401(k) losses into an IRA — false: ...").

A message shown without its title (an annotation in an editor, a line of CI output) must
never read as if taxcheck asserted the wrong rule, so it always starts with what the
article says.
"""

from __future__ import annotations

import datetime as dt

from taxcheck.claimdb.models import Claim

PROPER_WORDS = frozenset({
    "I", "IRA", "IRAs", "IRS", "Roth", "RMD", "RMDs", "SEP", "SIMPLE", "Schedule", "Form",
    "Notice", "Congress", "Treasury", "TCJA", "OBBBA", "SECURE", "Saver's", "Savers", "Social",
    "Medicare", "K-12", "FEMA", "HSA", "HSAs", "TSP", "MAGI", "AGI",
})
"""First words that keep their capital letter inside a sentence."""
NO_CHANGE = "no change needed"


def lower_first(text: str) -> str:
    """``text`` with its first letter lower-cased, unless the first word is a name or an
    acronym ("Roth IRA owners ..." stays as it is)."""
    text = text.strip()
    if not text:
        return text
    word = text.split()[0]
    bare = word.rstrip(",.;:")
    if bare in PROPER_WORDS or not word[0].isupper() or any(c.isupper() for c in bare[1:]):
        return text
    if any(c.isdigit() for c in bare):
        return text
    return text[0].lower() + text[1:]


def statement(says: str) -> str:
    """A claim's ``says`` as a clause: first letter lower-cased, no final full stop."""
    return lower_first(says).rstrip().rstrip(".")


def why(claim: Claim) -> str:
    """Why a wrong claim is wrong: its correction, else its rule."""
    correction = (claim.correction or "").strip()
    if correction and not correction.lower().startswith(NO_CHANGE):
        return correction
    return (claim.rule or "").strip()


def problem_message(says: str, verdict: str, reason: str) -> str:
    """"Says <claim> — <verdict>: <why>"."""
    text = f"Says {says} — {verdict}"
    return f"{text}: {lower_first(reason)}" if reason else f"{text}."


def claim_message(claim: Claim, verdict: str) -> tuple[str, str]:
    """The (message, says) of a finding on ``claim`` with ``verdict``."""
    says = statement(claim.says)
    if verdict == "accurate":
        return claim.says, says
    return problem_message(says, verdict, why(claim)), says


def outdated_severity(article_date: dt.date | None, today: dt.date | None = None) -> str:
    """The severity of an outdated claim, from the article's date.

    In an article dated in an earlier year than this one the claim was right when it was
    written (or at least the article says so about its own time): a warning. In an article
    dated this year, or undated, the draft states a rule that is no longer true: an error.
    """
    today = today or dt.date.today()
    if article_date is not None and article_date.year < today.year:
        return "warning"
    return "error"
