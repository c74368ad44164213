"""False alarms on right and plain lines (issue 12, precision; session 13, branch quiet).

``tests/data/quiet-pages/`` holds seventeen correct pages (nothing wrong as of 2026) in the
shapes real pages take — forum threads correcting a wrong poster, Q&A columns whose subject
comes from the question, myths-versus-facts pages, news items with last year's figures as
history, "back before 2018 you could ...", tables by year, worked examples, HR label lines —
with wrong twins of a third of their lines (``twins.yaml``), and short passages per family
(``passages.yaml``). Runner: :mod:`tests.quiet_pages`. The ceilings below are what the fixes
reached: move them only with a reason.
"""

from __future__ import annotations

import pytest
from tests.quiet_pages import (
    DATA,
    flag_cases,
    flagged,
    problems,
    quiet_cases,
    right_pages,
    twin_pages,
)

from taxcheck.evaluation import evaluate

MAX_FALSE_ALARMS = 1
"""Problem findings on the right pages (5 at c77b0f8, 1 after the fixes)."""
MAX_TWINS_MISSED = 6
"""Wrong twins missed on the twin pages (6 of 30 at c77b0f8)."""

STILL_LOUD = {
    "## 2025 limits (for comparison)",
    "With the $1,100 catch-up, a 55-year-old can put $8,600",
    # a consequence after ", so" does not see the floor its first clause names
    "Her plan allows the $10,000 floor, so",
    # a plain-text line "Before 2018" is read as a paragraph, and "could" after it as today's
    "Before 2018\nIf your conversion lost value",
}
STILL_MISSED = {
    "The wash-sale rule stops at the IRA",
    "Q: Can I rebuy in my IRA?",
    "Will my contributions be suspended? | Yes",
    # recall, missed before: a penalty stated by a worked example's arithmetic, and a list of
    # today's rules under a title
    "How the 50% penalty works\nMiss a $10,000 RMD",
    "Today's rules\n- Take every available plan loan first",
    "Roth 401(k) owners never stopped facing RMDs.",
}

QUIET = quiet_cases()
FLAG = flag_cases()


def _listed(text: str, listed: set[str]) -> bool:
    return any(text.startswith(start) for start in listed)


def test_the_right_pages_draw_few_false_alarms(checker):
    result = right_pages(checker)
    assert result.errors == [] and result.articles == 17
    alarms = [(a.path, a.sentence, a.got) for a in result.false_alarms
              if not (a.got or "").endswith("(accurate)")]
    assert len(alarms) <= MAX_FALSE_ALARMS, alarms


MAX_HELD_OUT_ALARMS = 1
"""Problem findings on the four pages written after the fixes (``quiet-pages-heldout``): 2 at
their one run before any change for them, 1 after 'stopped having' (the follow-on after it
still takes the Roth 401(k) from its context)."""


def test_the_later_pages_draw_few_false_alarms(checker):
    result = evaluate(DATA.parent / "quiet-pages-heldout", checker)
    assert result.errors == [] and result.articles == 4
    alarms = [(a.path, a.sentence, a.got) for a in result.false_alarms
              if not (a.got or "").endswith("(accurate)")]
    assert len(alarms) <= MAX_HELD_OUT_ALARMS, alarms


def test_the_wrong_twins_stay_flagged(checker):
    result, missed = twin_pages(checker)
    assert result.errors == []
    assert len(missed) <= MAX_TWINS_MISSED, [(t.page, t.quote) for t in missed]


@pytest.mark.parametrize(("family", "text", "suffix"), QUIET,
                         ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(QUIET)])
def test_a_right_passage_is_quiet(checker, family, text, suffix):
    if _listed(text, STILL_LOUD):
        pytest.xfail("still flagged (see STILL_LOUD)")
    assert problems(checker, text, suffix) == []


@pytest.mark.parametrize(("family", "claim", "text", "suffix"), FLAG,
                         ids=[f"{f}-{i}" for i, (f, *_) in enumerate(FLAG)])
def test_a_wrong_twin_is_flagged(checker, family, claim, text, suffix):
    if _listed(text, STILL_MISSED):
        pytest.xfail("still missed (see STILL_MISSED)")
    found = problems(checker, text, suffix)
    assert flagged(found, claim), found


def test_the_listed_passages_are_still_wrong(checker):
    """STILL_LOUD and STILL_MISSED stay honest: drop a passage once it passes."""
    loud = [t for _, t, s in QUIET if _listed(t, STILL_LOUD) and not problems(checker, t, s)]
    caught = [t for _, c, t, s in FLAG if _listed(t, STILL_MISSED)
              and flagged(problems(checker, t, s), c)]
    assert loud == [] and caught == []
    assert len([t for _, t, _ in QUIET if _listed(t, STILL_LOUD)]) == len(STILL_LOUD)
    assert len([t for _, _, t, _ in FLAG if _listed(t, STILL_MISSED)]) == len(STILL_MISSED)
