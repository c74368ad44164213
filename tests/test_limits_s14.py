"""Session 14 (branch limits, issue 14): each amount of a sentence naming several groups is
checked against its own group, an amount someone "can put in ... more" is the extra amount
itself, and the wrong twins of tests/data/limits-s14/set.yaml (run by tests/limits_set.py)
are caught while their right twins stay quiet. Each wrong phrasing has a correct twin."""

from __future__ import annotations

import pytest


def _problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict != "accurate"]


# -- issue 14: several groups in one sentence -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("For 2026, savers 50 and older can add another $11,250, and those 60 to 63 up to $8,000.",
     {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
    ("In 2026 workers 50 and up may put in an extra $11,250, while workers aged 60 through 63 "
     "may put in an extra $8,000.",
     {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
    ("Catch-ups for 2026: people 50 and over get $11,250 more and people 60 to 63 get $8,000 "
     "more.", {("catch-up-60-63", "false"), ("catch-up-limit", "false")}),
])
def test_two_groups_with_their_amounts_swapped_are_both_wrong(check_text, text, expected):
    assert expected <= set(_problems(check_text(text)))


@pytest.mark.parametrize("text", [
    "For 2026, savers 50 and older can add another $8,000, and those 60 to 63 up to $11,250.",
    "In 2026 workers 50 and up may put in an extra $8,000, while workers aged 60 through 63 "
    "may put in an extra $11,250.",
    "Catch-ups for 2026: people 50 and over get $8,000 more and people 60 to 63 get $11,250 "
    "more.",
    "Workers 60 to 63 can add $11,250 in 2026 instead of the $8,000 that other savers 50 and "
    "up can add.",
    "In 2026, savers under 50 can defer $24,500, those 50 and up $32,500, and those 60 to 63 "
    "$35,750.",
])
def test_two_groups_each_with_its_own_amount_stay_quiet(check_text, text):
    assert _problems(check_text(text)) == []


# -- an amount someone "can put in ... more" ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("IRAs get a bump for 2026: the base limit rises to $7,500, and savers 50 and older can put "
     "in $1,000 more.", ("ira-catch-up-limit", "outdated")),
    ("For 2026 the IRA limit is $7,500, and savers 50 and older can put in $1,000 more.",
     ("ira-catch-up-limit", "outdated")),
    ("Over 50? You can stash $7,500 more in your 401(k) for 2026.",
     ("catch-up-limit", "outdated")),
])
def test_an_amount_one_can_put_in_more_is_the_catch_up(check_text, text, expected):
    assert expected in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "IRAs get a bump for 2026: the base limit rises to $7,500, and savers 50 and older can put "
    "in $1,100 more.",
    "For 2026 the IRA limit is $7,500, and savers 50 and older can put in $1,100 more.",
    "Over 50? You can stash $8,000 more in your 401(k) for 2026.",
    # a comparison with last year is a change, not the catch-up
    "In 2026 you can put $1,000 more than last year into your 401(k).",
])
def test_the_right_extra_amount_or_a_change_stays_quiet(check_text, text):
    assert _problems(check_text(text)) == []
