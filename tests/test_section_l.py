"""Facts real articles state (fact sheet, section L) and verdicts an editor agrees with:
several phrasings each, in the styles real pages use (typographic apostrophes, headings,
list items, plain wording)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED, invoke

THIS_YEAR = dt.date.today().year


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text).findings if not f.suppressed}


# --- a sentence naming both catch-up groups -------------------------------------------------

TWO_GROUPS_RIGHT = [
    "In 2026, workers 50 and older can add $8,000, and those 60 to 63 $11,250.",
    "In 2026, savers 50 and older can add $8,000, and those 60 to 63 can add $11,250.",
    "The catch-up for people 50 and older is $8,000 in 2026, while those aged 60 to 63 get "
    "$11,250.",
    "If you’re 50 or older you can make catch-up contributions of $8,000 in 2026, or $11,250 "
    "if you’re 60 to 63.",
    "Catch-up contributions (2026): $8,000 for ages 50 and up, $11,250 for ages 60–63.",
]


@pytest.mark.parametrize("text", TWO_GROUPS_RIGHT)
def test_each_catch_up_group_is_checked_against_its_own_amount(check_text, text):
    assert _found(check_text, text) >= {("catch-up-limit", "accurate"),
                                        ("catch-up-60-63", "accurate")}
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize("text, wrong", [
    ("In 2026, workers 50 and older can add $7,500, and those 60 to 63 $11,250.",
     ("catch-up-limit", "outdated")),
    ("In 2026, workers 50 and older can add $8,000, and those 60 to 63 $10,000.",
     ("catch-up-60-63", "false")),
])
def test_a_wrong_amount_in_a_two_group_sentence_is_its_own_groups_mistake(check_text, text,
                                                                         wrong):
    found = _found(check_text, text)
    assert wrong in found
    assert len({v for c, v in found if c == wrong[0]}) == 1


# --- RMD starting ages ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "RMDs start at 70½.",
    "You must start taking required minimum distributions at age 70 1/2.",
    "Once you reach 70½, the IRS makes you take RMDs from your traditional IRA.",
    "Required distributions kick in at 70.5",
    "1. Take your RMD: it starts at 70½ for IRAs and 401(k)s.",
])
def test_rmds_at_70_half_stated_as_todays_rule_are_outdated(check_text, text):
    assert ("rmd-start-age-70-half", "outdated") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "RMDs used to start at 70½.",
    "Before 2020, required minimum distributions began at 70½.",
    "If you were born before July 1, 1949, your RMDs began at 70½.",
    "You can give from your IRA through a QCD once you reach 70½, and it counts toward your RMD.",
])
def test_70_half_as_history_or_for_qcds_is_not_flagged(check_text, text):
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize("text", [
    "You have to start RMDs at 72.",
    "You’ll have to begin taking required minimum distributions at age 72.",
    "Required minimum distributions begin the year you turn 72.",
    "Once you turn 72, the IRS requires you to take minimum distributions.",
    "Once you have turned 72, your required minimum distribution is due by year-end.",
])
def test_rmds_at_72_stated_as_todays_rule_are_outdated(check_text, text):
    # the fact sheet gives 70½, 72 and birth-date statements to rmd-starting-age-history
    found = _found(check_text, text)
    assert ("rmd-start-age-72", "outdated") in found
    assert not any(c == "rmd-start-age" for c, _ in found)


@pytest.mark.parametrize("text", [
    "If you turn 72 in 2023 or later, your RMDs start at 73.",
    "Anyone who turns 72 after 2022 must start RMDs at 73.",
])
def test_turning_72_after_2022_and_starting_at_73_is_accurate(check_text, text):
    found = _found(check_text, text)
    assert not any(v != "accurate" for _, v in found)
    assert not any(c == "rmd-start-age-72" for c, _ in found)


@pytest.mark.parametrize("text", [
    "If you were born in 1950, you started RMDs at 72.",
    "For those born in 1950, required distributions started at 72.",
    "Savers born in 1950 had to begin required minimum distributions at age 72, in 2022.",
])
def test_born_in_1950_starting_at_72_is_accurate(check_text, text):
    found = _found(check_text, text)
    assert ("rmd-start-age-born-1950", "accurate") in found
    assert not any(v != "accurate" for _, v in found)


@pytest.mark.parametrize("text", [
    "Anyone turning 73 in 2023 or later must start RMDs then.",
    "If you reach age 73 in 2023 or later, your required minimum distributions begin that year.",
    "Required distributions start when you hit 73 in 2023 or after.",
])
def test_turning_73_in_2023_is_wrong(check_text, text):
    assert ("rmd-turning-73-in-2023", "false") in _found(check_text, text)


# --- the abolished IRA-loss deduction ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "If you close out every IRA and got back less than your basis, you can still deduct the "
    "shortfall.",
    "You must empty every traditional IRA you own to claim the deduction.",
    "The IRA loss goes on Schedule A as a miscellaneous itemized deduction.",
    "There are limited circumstances where you can claim a loss on your IRA, but you’d have to "
    "close all of your IRAs.",
])
def test_the_old_deduction_described_as_available_is_outdated(check_text, text):
    findings = [f for f in check_text(text).findings if f.verdict != "accurate"]
    assert findings and {f.verdict for f in findings} == {"outdated"}
    assert all("abolished for 2018 onward, and permanently by the 2025 law" in f.message
               for f in findings)
    assert not any("came back" in f.message for f in findings)


@pytest.mark.parametrize("text", [
    "Close out all your IRAs at a loss and you can write off the shortfall again.",
    "With the TCJA provisions expiring, the IRA loss deduction is back for 2026 if you cash out "
    "all of your Roth IRAs.",
    "Once the 2017 tax cuts run out, miscellaneous itemized deductions come back in 2026.",
])
def test_the_forecast_that_the_deduction_comes_back_is_outdated(check_text, text):
    # right under the law before OBBBA (TCJA's suspension ending after 2025): outdated
    found = _found(check_text, text)
    assert {v for _, v in found} == {"outdated"}
    assert found & {("ira-loss-deduction-not-back", "outdated"),
                    ("misc-itemized-return-2026", "outdated")}


@pytest.mark.parametrize("text", [
    "OBBBA restored miscellaneous itemized deductions.",
    "Thanks to the new tax law, you can deduct IRA losses again starting this year.",
    "The One Big Beautiful Bill brought back miscellaneous itemized deductions, including "
    "losses on closed-out IRAs.",
])
def test_saying_the_2025_law_restored_the_deduction_is_false(check_text, text):
    found = _found(check_text, text)
    assert ("misc-itemized-restored-by-2025-law", "false") in found
    assert "outdated" not in {v for _, v in found}


@pytest.mark.parametrize("text", [
    "For 2026 returns, emptying a losing IRA is deductible again.",
    "Once the TCJA expires, cash out the IRA that dropped and you can write off the shortfall "
    "again.",
])
def test_one_losing_ira_deductible_again_is_false(check_text, text):
    # wrong under the old rule too (every IRA of a kind had to be closed)
    assert ("ira-loss-one-ira-deductible-again", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "Your Roth IRAs are lumped in with the traditional ones for this test.",
    "To claim the loss you had to close all your IRAs, traditional and Roth together.",
    "If you’re married, add up both spouses' IRAs.",
])
def test_the_old_rule_told_wrong_is_false(check_text, text):
    assert ("ira-loss-grouped-across-kinds", "false") in _found(check_text, text)


# --- ordinary simplification is accurate ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "A capital loss occurs when you sell an investment for less than its purchase price.",
    "A capital loss simply means you sold an investment for less than you paid for it.",
    "Your capital loss is the difference between your purchase price and your sale price.",
])
def test_selling_for_less_than_you_paid_is_an_accurate_definition(check_text, text):
    assert _found(check_text, text) == {("capital-loss-purchase-price-definition", "accurate")}


def test_seed_flags_the_three_recommendations_and_nothing_on_correct_sentences():
    result = invoke("check", str(SEED), "--format", "json")
    import json

    findings = json.loads(result.stdout)[0]["findings"]
    problems = {(f["claim_id"], f["sentence"][:40]) for f in findings if f["verdict"] != "accurate"}
    assert {c for c, _ in problems} == {"retirement-loss-rollover", "retirement-loss-offsets-gains",
                                        "retirement-loss-amended-return"}
    assert len(problems) == 5  # three recommendations, two of their headings
    definition = [f for f in findings if "purchase price" in f["sentence"]]
    assert [f["verdict"] for f in definition] == ["accurate"]


# --- severity follows the article's date ----------------------------------------------------

def _article(date: str | None) -> str:
    dateline = f"Updated March 3, {date}\n\n" if date else ""
    return (f"Retirement basics\n\nBy A. Writer\n{dateline}"
            "Required minimum distributions begin at age 72.\n")


def _severities(text: str, *args: str) -> tuple[set[str], int]:
    import json

    result = invoke("check", "-", "--format", "json", *args, stdin=text)
    findings = json.loads(result.stdout)[0]["findings"]
    return {f["severity"] for f in findings if f["verdict"] == "outdated"}, result.returncode


def test_outdated_claim_in_an_undated_article_is_an_error():
    assert _severities(_article(None)) == ({"error"}, 1)


def test_outdated_claim_in_an_article_dated_this_year_is_an_error():
    assert _severities(_article(str(THIS_YEAR)), "--tax-year", str(THIS_YEAR)) == ({"error"}, 1)


def test_outdated_claim_in_an_article_dated_earlier_is_a_warning_and_fail_on_follows():
    text = _article(str(THIS_YEAR - 1))
    assert _severities(text, "--tax-year", str(THIS_YEAR)) == ({"warning"}, 0)
    assert _severities(text, "--tax-year", str(THIS_YEAR), "--fail-on", "warning")[1] == 1


# --- messages say what the article claims -----------------------------------------------------

@pytest.mark.parametrize("text, start", [
    ("You can roll your 401(k) losses into an IRA.",
     "Says you can roll 401(k) losses into an IRA (and deduct or use them there) — false: "),
    ("You can write off your 401(k) losses on your return.",
     "Says losses inside a 401(k) or IRA can be deducted on your tax return — false: "),
    ("For 2026, the most you can defer into a 401(k) is $30,000.",
     "Says the 401(k)/403(b)/457(b)/TSP elective deferral limit for 2026 is $30,000 — false: "),
])
def test_a_wrong_claims_message_starts_with_what_the_article_says(check_text, text, start):
    [finding] = [f for f in check_text(text).findings if f.verdict != "accurate"]
    assert finding.message.startswith(start)
    assert not finding.says.startswith("Says")


# --- the other facts of section L -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Your plan will withhold a mandatory 20% from your hardship withdrawal.",
     ("hardship-mandatory-withholding", "false")),
    ("The mandatory 20% withholding doesn’t apply to a hardship withdrawal.",
     ("hardship-no-mandatory-withholding", "accurate")),
    ("You must take a 401(k) loan first before you can get a hardship withdrawal.",
     ("hardship-loan-first", "outdated")),
    ("Since 2020, plans can’t require you to borrow first before a hardship withdrawal.",
     ("hardship-no-loan-first", "accurate")),
    ("For a hardship withdrawal you must prove you have no other money, with bank statements.",
     ("hardship-proof-required", "outdated")),
    ("Only five reasons qualify for a hardship withdrawal.", ("hardship-few-reasons", "false")),
    ("The IRS can waive the 10% penalty because it is a hardship.",
     ("hardship-withdrawal-penalty-free", "false")),
    ("The $50,000 limit on 401(k) loans is adjusted for inflation each year.",
     ("plan-loan-cap-indexed", "false")),
    ("You can borrow at most $10,000 from your 401(k).", ("plan-loan-10000-cap", "false")),
    ("If half your vested balance is less than $10,000, your plan may let you borrow up to "
     "$10,000.", ("plan-loan-small-balance-floor", "accurate")),
    ("Only first-time buyers get the longer repayment on a 401(k) loan.",
     ("plan-loan-first-home-only", "false")),
    ("The IRS requires you to stay at the company until the loan is repaid.",
     ("plan-loan-stay-employed-tax-rule", "false")),
    ("When you sell a stock, the whole sale counts toward your income.",
     ("sale-proceeds-are-income", "false")),
    ("What’s taxable is the gain, meaning what you sold for minus your basis.",
     ("capital-gain-only-the-gain", "accurate")),
    ("You must leave your employer to convert your 401(k) to a Roth.",
     ("roth-conversion-requires-leaving-job", "false")),
    ("Many 401(k) plans offer an in-plan Roth conversion.",
     ("roth-conversion-while-employed", "accurate")),
    ("Roth 401(k) money is taxed again when you roll it over to a Roth IRA.",
     ("roth-money-rollover-taxed", "false")),
    ("If you earn more than $150,000 you can’t contribute to a Roth.",
     ("roth-ira-phaseout-hard-cutoff", "misleading")),
    ("The Roth IRA phase-out range for single filers is $150,000 to $165,000 in 2025.",
     ("roth-ira-phaseout-single", "accurate")),
    ("59½ is the earliest age you can take money out without the penalty.",
     ("early-withdrawal-59-half-earliest", "misleading")),
    ("You can’t write off your 403(b) losses each year as they happen.",
     ("retirement-loss-not-deductible-yet", "misleading")),
    ("If you're 50 or older, you can defer a total of $32,500 into your 401(k) in 2026.",
     ("deferral-total-50-plus", "accurate")),
    # $34,750 stated for 2026 is 2025's total presented as this year's: outdated (label policy)
    ("Savers 60 to 63 can defer a total of $34,750 in 2026.",
     ("deferral-total-60-63", "outdated")),
    ("That means a 61-year-old can set aside a total of $34,750 in her 401(k) in 2026.",
     ("deferral-total-60-63", "outdated")),
    ("In 2026 a 62-year-old can put a total of $35,750 into a 403(b).",
     ("deferral-total-60-63", "accurate")),
    ("For 2025, savers 60 to 63 can defer a total of $34,750.",
     ("deferral-total-60-63", "accurate")),
    # the 2026 Roth catch-up threshold is on 2025 wages: the year after the amount is the wage year
    ("Starting in 2026, if you earned more than $145,000 in 2025, your catch-up contributions "
     "will have to go in as Roth money.", ("roth-catch-up-wage-threshold", "outdated")),
    ("From 2026, if your wages topped $150,000 in 2025, your catch-ups must be Roth.",
     ("roth-catch-up-wage-threshold", "accurate")),
])
def test_section_l_facts(check_text, text, expected):
    assert expected in _found(check_text, text)


@pytest.mark.parametrize("answer", [
    "Yes. Because it’s written into federal law, every 401(k), 403(b) and government 457(b) "
    "plan must let eligible employees use it.",
    "Absolutely. Every 401(k) has to allow it now.",
    "Yes, it's the law: your 403(b) must permit it.",
])
def test_an_faq_answer_that_makes_the_larger_catch_up_mandatory_is_false(check_text, answer):
    text = f"Does every plan have to offer the enhanced catch-up?\n\n{answer}\n"
    assert ("catch-up-60-63-mandatory", "false") in _found(check_text, text)


@pytest.mark.parametrize("text, expected", [
    ("The 401(k) contribution limit rose $1,000 for 2026.",
     ("deferral-limit-increase", "accurate")),
    ("In 2025 the 401(k) limit went up by $1,000.", ("deferral-limit-increase", "false")),
    ("For 2026, the deferral limit got a $500 bump.", ("deferral-limit-increase", "outdated")),
    ("2025 brought a record increase in the 401(k) limit.",
     ("deferral-limit-record-increase-2025", "false")),
])
def test_yearly_increases_of_the_deferral_limit(check_text, text, expected):
    found = _found(check_text, text)
    assert expected in found
    # a change is never checked as the limit itself
    assert not any(c == "elective-deferral-limit" and v != "accurate" for c, v in found)


@pytest.mark.parametrize("text, expected", [
    ("The Roth catch-up requirement applies if your 2025 wages exceeded $145,000.",
     ("roth-catch-up-wage-threshold", "outdated")),
    ("For 2026 the Roth catch-up rule covers anyone whose 2025 FICA wages topped $150,000.",
     ("roth-catch-up-wage-threshold", "accurate")),
    ("High earners will no longer be able to make catch-up contributions.",
     ("roth-catch-up-high-earners-lose", "false")),
    ("For 2026, a 62-year-old can save $35,750 in a 401(k), including the super catch-up.",
     ("deferral-total-60-63", "accurate")),
    ("The combined employee-employer limit for 2026 is $72,000.",
     ("annual-additions-limit", "accurate")),
    ("The Saver's Match will be paid to you as a tax refund.", ("savers-match-refund", "false")),
])
def test_contribution_phrasings_of_real_pages(check_text, text, expected):
    found = _found(check_text, text)
    assert expected in found
    assert not any(c == "roth-catch-up-before-2026" for c, _ in found)


@pytest.mark.parametrize("text", [
    "Your catch-ups must be Roth if you earned more than $150,000 from your employer in 2025.",
    "SIMPLE IRA deferrals count toward the same $24,500 limit as your 401(k).",
    "The IRA deadline for 2025 contributions is April 15, 2026, and an extension won't change it.",
    "High earners still get their catch-ups; they just go in as Roth.",
    "In 2026 you can put $24,500 into your 401(k), and another $8,000 if you're 50 or older, "
    "for $32,500 in all.",
])
def test_right_contribution_statements_are_not_flagged(check_text, text):
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize("text, flagged", [
    ("If you earn more than $150,000 as a single filer in 2025, you can’t contribute to a Roth "
     "IRA.", True),
    ("If you earn more than $165,000 as a single filer in 2025, you can't contribute to a Roth "
     "IRA directly.", False),
    ("Joint filers with MAGI over $252,000 can't put anything into a Roth IRA for 2026.", False),
    ("Couples who make over $242,000 cannot contribute to a Roth IRA in 2026.", True),
])
def test_only_the_start_of_the_roth_range_as_a_cutoff_is_misleading(check_text, text, flagged):
    found = ("roth-ira-phaseout-hard-cutoff", "misleading") in _found(check_text, text)
    assert found == flagged


@pytest.mark.parametrize("text, verdict", [
    ("Starting in 2026, catch-ups must be Roth for high earners. The threshold is $145,000 "
     "for 2026.", "outdated"),
    ("High earners' catch-ups must be Roth from 2026. The wage line is $150,000 for 2026.",
     "accurate"),
    ("Your catch-ups have to be Roth next year if you're a high earner. And the line is $145k "
     "for 2026, I read it in the law.", "outdated"),
])
def test_the_line_after_the_roth_catch_up_rule_is_its_wage_threshold(check_text, text, verdict):
    assert ("roth-catch-up-wage-threshold", verdict) in _found(check_text, text)


def test_a_row_labelled_total_is_checked_as_a_total(check_text):
    table = ("| Limit | 2025 | 2026 |\n|---|---|---|\n"
             "| Total you can defer, age 50+ | $31,000 | $32,000 |\n"
             "| Total you can defer, ages 60\u201363 | $34,750 | $35,750 |\n")
    found = {(f.claim_id, f.verdict) for f in check_text(table, suffix=".md").findings}
    assert ("deferral-total-50-plus", "false") in found
    assert ("deferral-total-60-63", "accurate") in found
    assert not any(c in ("catch-up-60-63", "catch-up-limit") for c, _ in found)


@pytest.mark.parametrize("text, verdict", [
    ("The super catch-up for people who turn 60, 61, 62 or 63 stays at $11,250. Add that to the "
     "base limit and someone in that window can put away as much as $34,750 in 2026.",
     "outdated"),
    ("Savers who turn 60 to 63 get a bigger catch-up of $11,250. Add it to the regular limit and "
     "they can defer $35,750 in 2026.", "accurate"),
    ("Workers between 60 and 63 have the enhanced catch-up. Add that to the $24,500 limit and "
     "the most they can set aside in 2026 is $35,750.", "accurate"),
])
def test_adding_the_larger_catch_up_to_the_limit_gives_the_60_63_total(check_text, text,
                                                                      verdict):
    assert ("deferral-total-60-63", verdict) in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "If you put $15,000 into your old employer's plan in the spring, you can put only $9,500 "
    "more into the new one.",
    "Say you contributed $10,000 to your 401(k) at your first job this year.",
    "Suppose she defers $12,000 at the hospital; her 403(b) at the clinic can take the rest.",
])
def test_a_worked_examples_amount_is_not_a_limit(check_text, text):
    assert not any(c == "elective-deferral-limit" and v != "accurate"
                   for c, v in _found(check_text, text))
# --- early access: what a heading or section leaves unsaid -------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a heading that states the old loan-first rule, in an article about hardship withdrawals
    ("# Hardship withdrawals: the rules\n\n## You’ll have to borrow first\n\nHere’s the part "
     "that surprises people.\n", ("hardship-loan-first", "outdated")),
    ("# Hardship withdrawals: the rules\n\nBefore the plan approves anything, you must first "
     "take every loan the plan makes available.\n", ("hardship-loan-first", "outdated")),
    # a worked example of the old six-month freeze, under the article's hardship title
    ("# Hardship withdrawals: the rules\n\nSay you take the money in June. You can’t restart "
     "your payroll deferrals until December.\n", ("hardship-contribution-suspension", "outdated")),
    # the $50,000 loan cap said to move, under a heading about borrowing
    ("# How much you can borrow\n\nFor what it’s worth, the $50,000 ceiling isn’t frozen.\n",
     ("plan-loan-cap-indexed", "false")),
    ("# The 401(k) loan\n\n- That $50,000 ceiling is adjusted upward for inflation every "
     "January.\n", ("plan-loan-cap-indexed", "false")),
    # key points under a heading on the emergency withdrawal
    ("# The $1,000 emergency withdrawal\n\n- The $1,000 figure will be indexed to inflation "
     "starting in 2025.\n", ("emergency-distribution-indexed", "false")),
    ("# The $1,000 emergency withdrawal\n\n- Unlike an ordinary early distribution, the payout "
     "is also excluded from federal income tax.\n", ("emergency-distribution-tax-free", "false")),
    ("# Domestic abuse survivors\n\n- The distribution must be taken within two years of the "
     "abuse.\n", ("domestic-abuse-two-years", "false")),
    ("# A small emergency\n\nYou can take one emergency withdrawal a year. Every 401(k) plan is "
     "required to offer it now.\n", ("emergency-distribution-required", "false")),
    ("Since your plan has signed off on the hardship, the IRS waives the 10% early-withdrawal "
     "charge.\n", ("hardship-withdrawal-penalty-free", "false")),
    ("Once your Roth IRA has been open for five years, the growth comes out tax-free too, no "
     "matter how old you are.\n", ("roth-earnings-five-years-any-age", "false")),
])
def test_early_access_facts_left_to_the_heading(check_text, text, expected):
    suffix = ".md" if text.startswith("#") else ".txt"
    found = {(f.claim_id, f.verdict) for f in check_text(text, suffix=suffix).findings}
    assert expected in found


@pytest.mark.parametrize("text", [
    "# Hardship withdrawals: the rules\n\nBuild six months of expenses into an emergency fund "
    "first.\n",
    "# The $1,000 emergency withdrawal\n\n- The 401(k) contribution limit is adjusted for "
    "inflation every year.\n",
    "# How much you can borrow\n\nThe $50,000 cap is written into the law and isn’t adjusted "
    "for inflation.\n",
])
def test_early_access_headings_do_not_lend_a_claim_to_unrelated_sentences(check_text, text):
    found = {(f.claim_id, f.verdict) for f in check_text(text, suffix=".md").findings}
    assert not {c for c, v in found if v != "accurate"}


LOAN_FIRST_MYTH = ("\u201cYou have to take a 401(k) loan before you can get a hardship "
                  "withdrawal.\u201d")


@pytest.mark.parametrize(("myth", "answer", "framing"), [
    ("Myth: {}", "Fact: This one is actually true. Plans still make you borrow first.", "stated"),
    ("Myth: {}", "True. Your plan will make you borrow first.", "stated"),
    ("Myth: {}", "Fact: It's true, sadly.", "stated"),
    ("Myth: {}", "Fact: This one is mostly true. Plans still ask you to borrow first.", "stated"),
    ("Myth: {}", "Reality: largely true.", "stated"),
    ("Myth: {}", "Fact: False. Since 2020 plans can't require a loan first.", "myth"),
    ("Myth: {}", "Fact: Partly true. Some plans did, before 2020.", "myth"),
    ("Myth: {}", "True, but only before 2020. Plans can't require it now.", "myth"),
    # a myth quoted in a heading is the author's claim when the answer below confirms it
    ("## Myth #2: {}", "**Fact:** This one is mostly true. Plans still make you borrow first.",
     "stated"),
    ("## Myth #2: {}", "Fact: Largely true, sadly.", "stated"),
    ("## Myth #2: {}", "Reality: This one is basically true.", "stated"),
    ("## Myth #2: {}", "Fact: Partly true. Some plans did, before 2020.", "myth"),
])
def test_a_myth_the_answer_confirms_is_the_authors_claim(check_text, myth, answer, framing):
    text = f"# Myths vs. facts\n\n{myth.format(LOAN_FIRST_MYTH)}\n\n{answer}\n"
    found = [f for f in check_text(text, suffix=".md").findings
             if f.claim_id == "hardship-loan-first" and f.line == 3]
    assert [f.framing for f in found] == [framing]


@pytest.mark.parametrize(("myth", "answer"), [
    ("## Myth #2: \"Hardship withdrawals get a pass on the 10% penalty.\"",
     "**Fact:** This one is mostly true. You still owe income tax."),
    ("## Myth: \u201cA hardship withdrawal escapes the 10% penalty.\u201d",
     "Fact: True. The plan approves it, so no penalty."),
    ("### Myth 4: \"Hardship distributions are penalty-free.\"",
     "Verdict: basically true."),
])
def test_a_myth_heading_the_answer_confirms_is_checked(check_text, myth, answer):
    text = f"# Myths vs. facts\n\nRead on.\n\n{myth}\n\n{answer}\n"
    found = [f for f in check_text(text, suffix=".md").findings
             if f.claim_id == "hardship-withdrawal-penalty-free" and f.line == 5]
    assert [f.framing for f in found] == ["stated"]


@pytest.mark.parametrize("text", [
    "People panic about losing a mandatory 20% to withholding on a hardship withdrawal.",
    "Many savers fear that a hardship withdrawal means a mandatory 20% withholding.",
    "Some employees worry that hardship withdrawals carry mandatory withholding.",
])
def test_a_fear_people_voice_is_a_myth_not_a_claim(check_text, text):
    found = [f for f in check_text(text).findings if f.verdict == "false"]
    assert found and all(f.framing == "myth" for f in found)
