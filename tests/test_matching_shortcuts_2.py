"""What the matching stage's shortcuts of speed17 (issue 15) must not change: which finding a
sentence keeps when it states a claim twice (the Finding is now built only when it is kept),
and the year a heading gives its section (a heading without the digits of a year is not
searched for one)."""

from __future__ import annotations

import pytest

LIMIT = "The 401(k) employee deferral limit is $23,500."


def _findings(report) -> list[tuple[str, str, str]]:
    return [(f.claim_id, f.verdict, f.text) for f in report.findings]


@pytest.mark.parametrize(("heading", "verdict"), [
    ("## 2025 limits", "accurate"),
    ("2025 401(k) Limits at a Glance", "accurate"),
    ("## Limits at a glance", "outdated"),
    ("## Twenty-twenty-five limits", "outdated"),
    ("## The old write-off (gone since 2018)", "outdated"),
])
def test_a_heading_dates_its_sections_figures_only_when_it_names_a_year(check_text, heading,
                                                                         verdict):
    assert _findings(check_text(f"{heading}\n\n{LIMIT}")) == [
        ("elective-deferral-limit", verdict, LIMIT)]


def test_a_figure_stated_right_then_wrong_in_one_sentence_keeps_the_wrong_one(check_text):
    found = _findings(check_text("The 401(k) deferral limit is $24,500 for 2026; for 2026 "
                                 "the 401(k) deferral limit is $23,500."))
    assert found == [("elective-deferral-limit", "outdated",
                      "; for 2026 the 401(k) deferral limit is $23,500.")]
    found = _findings(check_text("The 401(k) deferral limit is $24,500 in 2026; in 2026 the "
                                 "deferral cap is $24,500."))
    assert found == [("elective-deferral-limit", "accurate",
                      "The 401(k) deferral limit is $24,500 in 2026")]


def test_a_rule_stated_wrong_again_by_a_later_clause_is_two_findings(check_text):
    found = _findings(check_text("You can deduct a loss in your 401(k), so a dip in the market "
                                 "lowers your taxes."))
    assert found == [("retirement-loss-deductible", "false",
                      "You can deduct a loss in your 401(k)"),
                     ("retirement-loss-deductible", "false",
                      ", so a dip in the market lowers your taxes.")]
    found = _findings(check_text("You can't deduct a loss in your 401(k), so a dip in the "
                                 "market doesn't lower your taxes."))
    assert found == [("retirement-loss-not-deductible", "accurate",
                      "You can't deduct a loss in your 401(k)")]
