"""The right amount of the 60-63 catch-up with an open-ended age ("once you hit 60", "60 and
up", "anyone 60 or older"): the wrong twin (everyone from 60 on gets it) wins over the accurate
figure, for the catch-up ($11,250) and for the 60-63 total ($34,750 / $35,750). The same
amounts with the window named, or its end, stay accurate."""

from __future__ import annotations

import pytest

DATED = "Updated January 2026\n\n{body}\n"


def _verdicts(report) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in report.findings}


@pytest.mark.parametrize("body", [
    "Once you hit 60, you get a bigger catch-up of $11,250 instead of $8,000.",
    "- Age 60 and up: a catch-up of $11,250",
    "Q: I'm 66 and still working, how much extra can I add? A: Since you're over 60, the "
    "catch-up is $11,250.",
    "After you reach 60 your 401(k) catch-up rises to $11,250.",
    "Forum reply: once you're past 60 the catch-up goes to $11,250, so max it out.",
])
def test_the_catch_up_amount_for_everyone_from_60_is_false(check_text, body):
    found = _verdicts(check_text(DATED.format(body=body)))
    assert ("catch-up-60-plus", "false") in found
    assert ("catch-up-60-63", "accurate") not in found


@pytest.mark.parametrize("body", [
    "Anyone 60 or older can stash as much as $35,750 in their 401(k) this year.",
    "Savers 60 or older can put away $35,750 in total.",
    "Workers 60+ can defer up to $35,750 in their 401(k) in 2026.",
])
def test_the_60_63_total_for_everyone_from_60_is_false(check_text, body):
    found = _verdicts(check_text(DATED.format(body=body)))
    assert ("deferral-total-60-plus", "false") in found
    assert ("deferral-total-60-63", "accurate") not in found


@pytest.mark.parametrize(("body", "claim_id"), [
    ("Once you hit 60, and through the year you turn 63, you get a bigger catch-up of $11,250 "
     "instead of $8,000.", "catch-up-60-63"),
    ("- Ages 60-63: a catch-up of $11,250", "catch-up-60-63"),
    ("Forum reply: from 60 to 63 the catch-up goes to $11,250, so max it out.",
     "catch-up-60-63"),
    ("Anyone aged 60 to 63 can stash as much as $35,750 in their 401(k) this year.",
     "deferral-total-60-63"),
    ("Workers 60 to 63 can defer up to $35,750 in their 401(k) in 2026.",
     "deferral-total-60-63"),
])
def test_the_same_amounts_with_the_window_named_stay_accurate(check_text, body, claim_id):
    report = check_text(DATED.format(body=body))
    assert (claim_id, "accurate") in _verdicts(report)
    assert [f.claim_id for f in report.findings if f.verdict != "accurate"] == []
