"""Limits by group and by row: a table cell holding only a dash states nothing, a row naming
the under-50 group takes no older group from its section, an amount "with the regular
catch-up" is a total, the Roth catch-up rule named as "the Roth-only requirement" and
stretched to IRAs, and the wage line measured on last year's pay. Each wrong phrasing has a
correct twin that stays quiet."""

from __future__ import annotations

import pytest


def _problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict != "accurate"]


@pytest.mark.parametrize("dash", ["—", "–", "-", "n/a", "N/A"])
def test_a_dash_cell_for_a_year_before_the_rule_states_nothing(check_text, dash):
    text = ("Deferral limits by year\n\n| Limit | 2024 | 2025 | 2026 |\n|---|---|---|---|\n"
            f"| Extra catch-up at 60-63 | {dash} | $11,250 | $11,250 |\n")
    report = check_text(text, suffix=".md")
    assert _problems(report) == []
    assert [f.claim_id for f in report.findings].count("catch-up-60-63") == 2


def test_a_dash_cell_in_an_html_table_states_nothing(check_text):
    page = ("<html><body><h1>Plan numbers</h1><table><tr><th>What</th><th>2024</th>"
            "<th>2025</th></tr><tr><td>Bigger catch-up, 60 through 63</td><td>&mdash;</td>"
            "<td>$11,250</td></tr></table></body></html>")
    assert _problems(check_text(page, suffix=".html")) == []


@pytest.mark.parametrize("group", ["Under 50", "Younger than 50", "49 and under"])
def test_an_under_50_row_takes_no_older_group_from_its_section(check_text, group):
    text = ("## 2026 401(k) ceilings\n\nThe bigger catch-up for people turning 60 to 63 stays "
            "at $11,250.\n\n| Age in 2026 | Deferral | Catch-up | Total |\n|---|---|---|---|\n"
            f"| {group} | $24,500 | — | $24,500 |\n")
    assert _problems(check_text(text, suffix=".md")) == []


@pytest.mark.parametrize(("fifty", "expected"), [
    ("$32,500", []),
    ("$31,000", [("deferral-total-50-plus", "outdated")]),
])
def test_an_amount_with_the_regular_catch_up_is_the_total(check_text, fifty, expected):
    text = (f"Put it all together for 2026: workers under 50 can defer $24,500, workers 50 and "
            f"older can get to {fifty} with the standard catch-up, and those turning 60 through "
            f"63 can reach $35,750 with the super catch-up.")
    assert _problems(check_text(text)) == expected


def test_an_extra_amount_with_the_catch_up_is_still_the_catch_up(check_text):
    text = "Savers 50 and older can put in an extra $9,000 with the catch-up in 2026."
    assert ("catch-up-limit", "false") in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Reminder: the Roth-only treatment for high earners' catch-ups extends to the $1,100 IRA "
    "catch-up as well.",
    "One more thing: that same Roth-only rule also applies to the catch-up in a personal IRA.",
    "FYI, the Roth requirement for catch-ups reaches your traditional IRA too.",
])
def test_the_roth_only_rule_stretched_to_iras_is_false(check_text, text):
    assert ("roth-catch-up-ira", "false") in _problems(check_text(text))


@pytest.mark.parametrize("text", [
    "Reminder: the Roth-only treatment for high earners' catch-ups does not extend to the "
    "$1,100 IRA catch-up.",
    "The Roth requirement for catch-ups never reaches your traditional IRA.",
])
def test_the_roth_only_rule_kept_out_of_iras_is_quiet(check_text, text):
    assert _problems(check_text(text)) == []


SECTION = "Posted January 2026\n\n## Catch-ups for high earners must now be Roth\n\n{line}\n"


@pytest.mark.parametrize(("line", "expected"), [
    ("Who does this hit? Staff whose pay from the company in 2025 came in above $145,000.",
     [("roth-catch-up-wage-threshold", "outdated")]),
    ("Who does this hit? Staff whose wages from us last year (box 3 of the W-2) came in above "
     "$145,000.", [("roth-catch-up-wage-threshold", "outdated")]),
    ("Who does this hit? Staff whose pay from the company in 2025 came in above $150,000.", []),
    ("Who does this hit? Staff whose wages from us last year (box 3 of the W-2) came in above "
     "$150,000.", []),
    ("Separately, employees paid more than $160,000 last year count as highly compensated.", []),
])
def test_the_wage_line_is_measured_on_last_years_pay(check_text, line, expected):
    report = check_text(SECTION.format(line=line), suffix=".md")
    assert _problems(report) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Joint filers: Roth IRA eligibility ends at $242,000 of MAGI in 2026.",
     [("roth-ira-phaseout-hard-cutoff", "misleading")]),
    ("Joint filers: Roth IRA eligibility ends at $252,000 of MAGI in 2026.", []),
    ("Single and earning over $153,000 in 2026? Sorry, no Roth IRA for you this year.",
     [("roth-ira-phaseout-hard-cutoff", "misleading")]),
    ("Single and earning over $168,000 in 2026? Sorry, no Roth IRA for you this year.", []),
    # the range named before: "above it" is above its top
    ("For 2026 earn more than $153,000 as a single filer and your Roth room shrinks. Joint "
     "filers phase out between $242,000 and $252,000; above that band, direct Roth "
     "contributions are off the table.", []),
])
def test_the_start_of_the_roth_phase_out_given_as_a_cutoff(check_text, text, expected):
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize(("credit", "expected"), [
    ("$2,500", [("savers-credit-amounts", "false")]),
    ("$1,000", []),
])
def test_an_amount_beside_the_credit_is_the_savers_credits(check_text, credit, expected):
    text = ("The Saver's Credit rewards low earners who save for retirement. Put $5,000 in your "
            f"401(k) and the credit pays you back {credit}.")
    assert _problems(check_text(text)) == expected


def test_a_penalty_named_long_after_rmds_does_not_take_the_rmd_age(check_text):
    text = ("RMDs start at 73. You can convert at any age. Conversions are taxed as income. "
            "Is there a penalty for converting before 59½? No. The 10% penalty does not apply "
            "to the conversion itself. Where the penalty can bite is if you take the converted "
            "money back out within five years while you're still under 59½.")
    assert ("rmd-start-age", "false") not in _problems(check_text(text))


@pytest.mark.parametrize(("opener", "expected"), [
    ("For comparison, a", []),
    ("By comparison, a", []),
    # without the comparison, "this year" is the year the page is checked for
    ("A", [("deferral-total-50-plus", "outdated")]),
])
def test_this_year_for_comparison_is_the_pages_own_year(check_text, opener, expected):
    text = ("Posted Oct. 30, 2025\n\nNew 401(k) limits for 2026\n\nSavers 50 and older can "
            f"defer $32,500 in 2026. {opener} 50-plus saver this year tops out at $31,000.")
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Example: Maria owns a $30,000 traditional IRA and a separate Roth IRA holding $4,000.", []),
    ("Say Dev has a $120,000 rollover IRA and a separate IRA with $7,000 of after-tax money in "
     "it.", []),
    ("You can fund a separate Roth IRA with another $7,500 on top of your traditional IRA in "
     "2026.", [("ira-limit-separate", "false")]),
])
def test_a_separate_account_holding_an_amount_is_no_separate_limit(check_text, text, expected):
    assert _problems(check_text(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "more than that" after a range is above its top
    ("For single filers covered at work the IRA deduction phases out between $81,000 and "
     "$91,000 in 2026. Earn more than that and the deduction is gone.", []),
    # after one amount, the start of the range, it is that amount: a cutoff
    ("For single filers covered at work the IRA deduction starts to phase out at $81,000 in "
     "2026. Earn more than that and the deduction is gone.",
     [("ira-deduction-phaseout-hard-cutoff", "misleading")]),
    ("For joint filers the Roth IRA number for 2026 is $242,000 of MAGI. Make a dollar more "
     "than that and direct Roth contributions are off the table.",
     [("roth-ira-phaseout-hard-cutoff", "misleading")]),
])
def test_more_than_that_after_a_range_or_an_amount(check_text, text, expected):
    assert _problems(check_text(text)) == expected


THREAD = ("Roth catch-up rule starts in 2026\n\nHigh earners' 401(k) catch-ups must be Roth.\n\n"
          "{line}\n")


@pytest.mark.parametrize(("line", "expected"), [
    ("And yes, this covers IRAs too.", [("roth-catch-up-ira", "false")]),
    ("Heads up: it reaches your IRA as well.", [("roth-catch-up-ira", "false")]),
    ("And no, this doesn't cover IRAs.", []),
    ("Separately, the 10% early-withdrawal penalty hits IRAs too.", []),
    ("The wash-sale rule reaches IRAs as well.", []),
    ("RMDs, for their part, apply to traditional IRAs too.", []),
])
def test_the_roth_catch_up_rule_said_to_reach_iras_too(check_text, line, expected):
    assert _problems(check_text(THREAD.format(line=line))) == expected
