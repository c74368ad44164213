"""Round t's first contact, t4 and t5 (issue 12, branch tdev): the families behind their false
alarms, in our own words (tests/data/first_contact_t.yaml, run by :mod:`first_contact_r5`'s
runner): each wrong passage flagged with its claim (or fact) and verdict on its sentence, each
correct twin quiet. The cases not handled yet are listed, so that a change that handles one
(or breaks another) shows. Then the behaviours each fix added, one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from first_contact_q4_n11 import assert_as_written, one_sided_families
from first_contact_r5 import cases, outcomes

DATA = Path(__file__).parent / "data" / "first_contact_t.yaml"
CASES = cases(DATA)

NOT_HANDLED = frozenset({
    # "a loss inside your Roth IRA offsets your capital gains": the capital gains make it a
    # taxable story
    "oa-wrong-2",
    # "or $9,000 with the catch-up at 50+" after the IRA limit: no IRA total claim reads it
    "it-across-wrong",
    # "Basis (contributions, total)" in an HTML table: the basis called every contribution
    "wb-html-wrong",
})
"""Wrong cases still missed and correct cases still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_case_is_flagged_or_quiet_as_written(results, case):
    assert_as_written(results[case["id"]], case, NOT_HANDLED)


def test_every_family_has_wrong_and_right_cases():
    assert one_sided_families(CASES) == []


def _problems(report):
    return sorted((f.claim_id, f.verdict) for f in report.findings if f.is_problem)


LOAN_TABLE = ("Plan loan examples\nVested balance | Largest loan\n"
              "$15,000 | $10,000\n$64,000 | $32,000\n$180,000 | {big}\n")


def test_a_table_of_balances_and_loans_reads_each_row_as_a_worked_example(check_text):
    assert _problems(check_text(LOAN_TABLE.format(big="$50,000"))) == []
    # half of a large balance passes the cap: that row is still checked
    assert ("plan-loan-max", "false") in _problems(check_text(LOAN_TABLE.format(big="$90,000")))


def test_a_small_balance_row_is_the_floor_not_a_ten_thousand_cap(check_text):
    assert _problems(check_text("Vested balance of $18,000: the plan lends up to $10,000.\n")) == []
    assert ("plan-loan-10000-cap", "false") in _problems(
        check_text("401(k) loans are capped at $10,000, even with $300,000 vested.\n"))


def test_only_the_other_spouse_covered_is_the_spouse_range(check_text):
    line = ("IRA deduction, 2026: if only the other spouse has a plan at work, "
            "it phases out between {}.\n")
    assert _problems(check_text(line.format("$242,000 and $252,000"))) == []
    assert [c for c, _ in _problems(check_text(line.format("$129,000 and $149,000")))] == [
        "ira-deduction-phaseout-spouse"]


def test_a_roth_ira_left_untouched_has_no_rmds(check_text):
    page = "## Do Roth IRAs have RMDs?\n\nYou can leave it untouched for the rest of your life.\n"
    assert _problems(check_text(page, ".md")) == []
    wrong = "## Roth IRA basics\n\nRMDs: your Roth IRA makes you start them at 73.\n"
    assert ("roth-ira-rmd", "false") in _problems(check_text(wrong, ".md"))


def test_a_source_the_writer_dismisses_is_reported_not_stated(check_text):
    right = "The wash-sale window counts calendar days. Ignore any blog that says trading days.\n"
    assert _problems(check_text(right)) == []
    assert ("wash-sale-trading-days", "false") in _problems(check_text(
        "The wash-sale window counts trading days. Ignore any blog that says otherwise.\n"))


def test_money_outside_the_retirement_accounts_is_a_taxable_account(check_text):
    page = ("IRA losses can't be written off. Outside your IRAs, a losing sale offsets "
            "your gains. It carries forward until you use it.\n")
    assert _problems(check_text(page)) == []
    wrong = "IRA losses can be written off: inside your IRA, a losing sale offsets your gains.\n"
    assert any(c == "retirement-loss-offsets-gains" for c, _ in _problems(check_text(wrong)))


@pytest.mark.parametrize("line", [
    "For 2026 it's $7,500 in total across your IRAs, or $8,600 with the $1,100 catch-up.",
    "For 2026 the cap is $7,500 combined across both kinds of IRA, or $8,600 if you're 50+.",
])
def test_a_limit_counted_across_accounts_is_no_sum_of_limits(check_text, line):
    assert _problems(check_text(line + "\n")) == []


def test_a_quote_answered_by_the_window_as_a_list_of_its_parts_is_a_myth(check_text):
    thread = ("# Forum: losses\n\n**sam** \u00b7 Posted Oct 2, 2025\n\n"
              "> The wash-sale rule only counts the 30 days after a sale.\n\n{}\n")
    right = ("It goes both directions: 30 days before the sale, the sale date itself, "
             "and 30 days after.")
    assert _problems(check_text(thread.format(right), ".md")) == []
    endorsed = thread.format("Yep, it only looks forward.")
    assert ("wash-sale-after-only", "false") in _problems(check_text(endorsed, ".md"))


@pytest.mark.parametrize("line", [
    "Related: Converting after a crash \u00b7 The once-a-year IRA rollover rule",
    "More from our blog: Roth conversions in a slump | One IRA rollover a year",
])
def test_a_line_of_links_to_other_articles_states_nothing(check_text, line):
    assert _problems(check_text(f"IRA losses\n{line}\n")) == []


def test_a_label_line_that_states_a_rule_still_states_it(check_text):
    found = _problems(check_text(
        "IRA losses\nRelated point: a Roth conversion counts toward the once-a-year IRA "
        "rollover limit.\n"))
    assert ("ira-rollover-limit-covers-plans-and-transfers", "false") in found


def test_a_worked_example_row_under_an_amount_column_is_no_limit(check_text):
    table = ("## Worked example\n\n| Item | Amount |\n|---|---|\n"
             "| Cash received when the IRA is closed | $11,000 |\n"
             "| Basis (total contributions) | $16,000 |\n")
    found = {c for c, _ in _problems(check_text(table, ".md"))}
    assert not found & {"ira-limit", "annual-additions-limit"}
    limit = ("## 2026 numbers\n\n| Item | Amount |\n|---|---|\n"
             "| IRA contribution limit, 2026 | $7,000 |\n")
    assert ("ira-limit", "outdated") in _problems(check_text(limit, ".md"))
