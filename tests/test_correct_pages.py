"""False alarms on correct text, by family: sentences of correct-only pages (own paraphrases
in real-page shapes) that state nothing wrong, so nothing may be flagged as false,
misleading or outdated on them."""

from __future__ import annotations

import pytest

PROBLEMS = {"false", "misleading", "outdated"}


def problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in PROBLEMS and f.framing != "myth" and not f.suppressed]


@pytest.mark.parametrize("text", [
    # "not only X" / "not just X" denies the restriction to X, with or without "but also"
    "Longer payback on a 401(k) loan applies to any principal residence, not just a first home.",
    "Q: Does the longer term on a 401(k) loan cover only first homes?\n"
    "A: It covers any main home, not only a first home.",
    "Plan loan for a house? The five-year limit is lifted for any principal residence, not just "
    "your first home.",
    "A 401(k) loan for a home can run past five years, and that isn't only for first-time buyers.",
])
def test_not_only_denies_the_restriction(check_text, text):
    assert problems(check_text(text)) == []


def test_only_stated_plainly_is_still_flagged(check_text):
    report = check_text("Only first-time buyers can repay a 401(k) loan over more than five "
                        "years.")
    assert ("plan-loan-first-home-only", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # hearsay the writer goes on to debunk is a reported belief, not the writer's claim
    "You'll sometimes hear that you can harvest losses in a 401(k) to offset gains elsewhere. "
    "That's a myth.",
    "You often hear people say an IRA loss can be written off at tax time. Not so.",
    "Some planners will tell you that 401(k) losses offset your capital gains. They don't.",
    "Some folks will tell you the 20% withheld from a rollover check is a penalty. It isn't.",
    "Some say the 10% penalty replaces income tax. It doesn't: you owe both.",
    "Many say a 401(k) loss can be written off. Not true.",
])
def test_hearsay_is_reported_not_stated(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # an inline table of contents names topics: it gives the sentences after it no context
    "Required Minimum Distributions\n\nIn this article: when RMDs start, how they are figured, "
    "and how Roth IRAs differ.\n\nWhen do RMDs start?\n\nThe age has changed over the years. "
    "It was 70\u00bd for people born before July 1, 1949.",
    "RMD guide\n\nOn this page \u2014 Roth IRAs, RMD ages, penalties\n\nThe age has shifted. "
    "It was 70\u00bd for anyone born before mid-1949.",
    "What you'll learn: why Roth IRAs differ, and when RMDs begin.\n\nRMD basics\n\n"
    "The age keeps moving. It was 70\u00bd for people born before July 1, 1949.",
])
def test_an_inline_table_of_contents_gives_no_context(check_text, text):
    assert problems(check_text(text)) == []


def test_a_roth_ira_named_in_the_text_still_gives_context(check_text):
    report = check_text("Roth IRAs are popular.\n\nWhen do RMDs start?\n\nThe age has changed "
                        "over the years. They require RMDs at 73.")
    assert ("roth-ira-rmd", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a pattern's gap does not run on into the next sentence ("age ... It was 72")
    "## RMD timing\n\nThe starting age has moved twice. It was 72 under the 2019 law.",
    "## RMD timing\n\nThe age you start at depends on your birth year. Mine was 72 in 2022.",
    "## RMDs\n\nAt what age must you start? That was 72 for people born in 1950.",
])
def test_a_concept_does_not_span_two_sentences(check_text, text):
    assert problems(check_text(text, suffix=".md")) == []


def test_the_age_in_one_sentence_is_still_found(check_text):
    report = check_text("## RMD timing\n\nThe RMD starting age is 72.", suffix=".md")
    assert ("rmd-start-age-72", "outdated") in problems(report)


@pytest.mark.parametrize("text", [
    # the denial of one predicate in a series does not reach the predicates after it
    "A hardship withdrawal is taxable, can't be repaid or rolled over, and before 59\u00bd "
    "generally owes the 10% penalty too.",
    "Hardship money is taxable, can't be put back, and generally owes the 10% penalty if "
    "you're under 59\u00bd.",
    "A hardship payout counts as income, cannot be rolled over, and usually carries the 10% "
    "penalty too.",
    "The hardship withdrawal is taxed, can't be repaid, and will typically cost you the 10% "
    "penalty before 59\u00bd.",
])
def test_a_denied_predicate_stays_on_its_own_predicate(check_text, text):
    assert problems(check_text(text)) == []


def test_the_wrong_predicate_in_a_series_is_flagged(check_text):
    report = check_text("Hardship withdrawals are penalty-free, and don't have to be repaid.")
    assert ("hardship-withdrawal-penalty-free", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a comma after the subject alone is no series of predicates: the denial is the clause's
    "Losses in a 401(k), sadly, aren't deductible.",
    "Your 401(k) loss, unfortunately, can't offset gains.",
])
def test_a_subject_set_off_by_commas_keeps_its_denial(check_text, text):
    report = check_text(text)
    assert problems(report) == []
    assert any(f.verdict == "accurate" for f in report.findings)


@pytest.mark.parametrize(("text", "suffix"), [
    # a header row without the corner cell names the columns after the row labels
    ("Limits at a glance\n\n2024 | 2025 | 2026\n401(k) deferral | $23,000 | $23,500 | $24,500\n"
     "Catch-up, 50+ | $7,500 | $7,500 | $8,000\nIRA limit | $7,000 | $7,000 | $7,500\n", ".txt"),
    ("# Limits\n\n| 2024 | 2025 | 2026 |\n|---|---|---|\n"
     "| 401(k) deferral | $23,000 | $23,500 | $24,500 |\n"
     "| IRA limit | $7,000 | $7,000 | $7,500 |\n", ".md"),
    ("<html><body><h1>Limits</h1><table><tr><th>2024</th><th>2025</th><th>2026</th></tr>"
     "<tr><td>401(k) deferral</td><td>$23,000</td><td>$23,500</td><td>$24,500</td></tr>"
     "<tr><td>IRA limit</td><td>$7,000</td><td>$7,000</td><td>$7,500</td></tr>"
     "</table></body></html>", ".html"),
    # a row label asked as a question in the same cell as the row's first value
    ("How the two compare\n\nBoth get you cash while you still work here.\n\n"
     "Loan | Hardship withdrawal\n"
     "Paid back? Yes, through payroll | No, it can't be repaid\n"
     "Taxed? Not if repaid on schedule | Yes, as ordinary income\n", ".txt"),
])
def test_a_table_header_without_its_corner_cell_dates_the_right_columns(check_text, text,
                                                                        suffix):
    report = check_text(text, suffix=suffix)
    assert problems(report) == []
    assert report.findings


def test_a_wrong_figure_in_such_a_table_is_still_flagged(check_text):
    report = check_text("Limits\n\n2025 | 2026\nIRA limit | $7,000 | $7,000\n")
    assert ("ira-limit", "outdated") in problems(report)


@pytest.mark.parametrize("text", [
    # the reader's belief or doubt before a piece of advice is no claim, nor is the advice
    "Roth catch-ups start in 2026 for high earners. IRAs get $7,500.\n\n"
    "Step 3: If you think the Roth catch-up rule applies to you, confirm with HR how your "
    "plan is handling it.",
    "IRA limits rose.\n\nIf you're not sure the Roth catch-up rule covers your IRA, call the "
    "plan administrator.",
    "IRA limits rose this year.\n\nIf you believe the Roth catch-up rule reaches your IRA, "
    "ask your benefits team.",
])
def test_a_belief_the_reader_is_told_to_check_is_no_claim(check_text, text):
    assert problems(check_text(text)) == []


def test_the_same_rule_stated_is_flagged(check_text):
    report = check_text("IRA limits rose this year.\n\nThe Roth catch-up rule applies to your "
                        "IRA catch-up too.")
    assert ("roth-catch-up-ira", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a loss brought in as new ("a loss", "$18,000 of losses") with no account named is not
    # the account's of earlier sentences: a later pronoun does not take that account
    "Your IRA dropped 20% this year, which stings.\n\nWhy doesn't a loss push you into a lower "
    "bracket? It lowers your taxable income, but it doesn't move the brackets.",
    "- Selling your house at a loss doesn't help: losses on personal-use property aren't "
    "deductible.\n\nA quick example: Say you realized $10,000 of gains and $18,000 of losses. "
    "The losses wipe out the gains, and $3,000 offsets your salary.",
    "My Roth IRA is down this year. Separately, I sold some stock and have a $5,000 loss. Can "
    "it offset my salary? Yes, up to $3,000 a year.",
    "If your IRA buys the fund back, the loss is gone for good.\n\nHow does a loss help at tax "
    "time? It cancels out your gains first, then up to $3,000 of your wages.",
])
def test_a_new_loss_does_not_take_an_earlier_account(check_text, text):
    assert problems(check_text(text)) == []


def test_a_pronoun_right_after_the_account_still_takes_it(check_text):
    report = check_text("My IRA lost $5,000 this year. Can I use it to offset my capital "
                        "gains? Yes, it offsets them.")
    assert ("retirement-loss-offsets-gains", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a short clause with no verb goes on in the past the clause before it set
    "Back then the IRA loss went on Schedule A, but only above the 2% floor.",
    "Years ago, an IRA loss was a miscellaneous deduction; only the excess over 2% of AGI.",
    "Under the old rules the IRA shortfall was an itemized deduction, though only above 2% of "
    "AGI.",
])
def test_a_verbless_clause_keeps_the_past_of_its_sentence(check_text, text):
    assert problems(check_text(text)) == []


def test_the_old_rule_in_the_present_is_still_outdated(check_text):
    report = check_text("You can deduct the IRA loss as a miscellaneous itemized deduction, but "
                        "only above 2% of AGI.")
    assert any(verdict == "outdated" for _, verdict in problems(report))


@pytest.mark.parametrize("text", [
    # "this plan" / "that plan" is a workplace plan, never the IRA a rollover named before
    "When you leave, you can roll your balance into an IRA.\n\nLeave in the year you turn 55 "
    "or later, and money from this plan comes out without the 10% penalty.",
    "Your 401(k) at Acme\n\nYou may roll the money into an IRA when you go.\n\nLeave Acme in "
    "or after the year you turn 55, and withdrawals from this plan are free of the 10% "
    "penalty.",
])
def test_a_plan_reference_is_no_ira(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # "it" after a sentence on a defaulted loan is the defaulted loan, whose tax is right
    "Fall behind on the payments and your plan declares the 401(k) loan in default. It then "
    "counts as taxable income, plus the 10% tax if you're under 59\u00bd.",
    "What if I stop repaying my 401(k) loan?\nThe leftover balance is deemed distributed to "
    "you. You'll pay income tax on it, and maybe the 10% penalty too.",
    "If you quit and can't repay the loan, the plan treats what you still owe as a payout. "
    "You owe tax on it for that year.",
    "Miss enough payments and the 403(b) loan goes into default. At that point it is taxable "
    "income.",
])
def test_a_pronoun_after_a_default_is_the_defaulted_loan(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    "Need cash fast? Take a 401(k) loan. It counts as taxable income, so set some aside.",
    "Keep in mind a 401(k) loan is not free money. It is taxable income in the year you take "
    "it.",
])
def test_a_pronoun_for_a_loan_in_good_standing_is_still_flagged(check_text, text):
    assert ("plan-loan-taxable", "false") in problems(check_text(text))


@pytest.mark.parametrize(("text", "suffix"), [
    # a table cell "No, if ..." is the value No under a condition, not an answer particle
    # before a clause of its own
    ("| | 401(k) loan | Hardship withdrawal |\n|---|---|---|\n"
     "| Taxed as income? | No, as long as you repay | Yes |\n", ".md"),
    ("Counts as income \u2014 plan loan: No, unless you default", ".txt"),
    ("401(k) loan\nTaxable: No (if repaid on time)\nPenalty: Only on default", ".txt"),
])
def test_a_no_cell_with_a_condition_denies_the_row(check_text, text, suffix):
    assert problems(check_text(text, suffix)) == []


@pytest.mark.parametrize("text", [
    # "half that" gives the other filing status its own amount: the $3,000 is the main limit's
    "Losses beyond your gains can offset up to $3,000 of ordinary income a year (half that if "
    "you're married filing separately).",
    "The cap on deducting capital losses against wages is $3,000, or half that amount for "
    "married people filing separate returns.",
    "Capital loss deduction: $3,000 a year; half that for married filing separately",
])
def test_a_relative_amount_belongs_to_the_group_it_names(check_text, text):
    assert problems(check_text(text)) == []


def test_the_full_amount_for_separate_filers_is_still_flagged(check_text):
    report = check_text("Married couples filing separately can each deduct the full $3,000 of "
                        "capital losses.")
    assert ("capital-loss-limit-mfs", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a birth cohort named in an earlier clause of the sentence is "their"/"they"
    "My kids were born in the '70s, so their RMDs won't begin until 75.",
    "Both of my sons were born in the 1980s, so their required distributions won't start "
    "until 75.",
    "Born well after 1960? Your RMDs wait until 75.",
    "- Clients born in 1961 or later: they won't take RMDs until 75",
])
def test_a_birth_cohort_earlier_in_the_sentence_is_the_pronouns(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    "My brother was born in 1955, so his RMDs won't start until 75.",
    "Our parents were born in 1956, and their RMDs begin at 70.",
])
def test_an_earlier_cohort_with_the_wrong_age_is_still_flagged(check_text, text):
    # (the 1951-1959 cohort has its own claim since session 14, branch rmd)
    assert {("rmd-start-age", "false"), ("rmd-start-age-born-1951-1959", "false")} & set(
        problems(check_text(text)))


@pytest.mark.parametrize("text", [
    # a denied waiver of the 10% affirms the penalty
    "There's no such thing as a hardship waiver for the 10% penalty.",
    "Q: Is there a hardship pass on the early-withdrawal penalty? A: No. There is no waiver "
    "for that 10% on a hardship payout.",
    "Sorry, but a hardship withdrawal gets no special exception from the 10% penalty.",
    "Don\u2019t count on an IRS \u201chardship exemption\u201d from that 10% penalty; there "
    "isn\u2019t one.",
])
def test_a_denied_waiver_of_the_penalty_affirms_it(check_text, text):
    assert problems(check_text(text)) == []


def test_a_waiver_stated_is_still_flagged(check_text):
    report = check_text("A hardship withdrawal comes with a waiver of the 10% penalty.")
    assert ("hardship-withdrawal-penalty-free", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a percentage named a floor is the floor, not the penalty's rate
    "You'd owe the early-withdrawal penalty if under 59\u00bd, and the write-off only counted "
    "above the 2% floor.",
    "You may owe the early-distribution penalty, and the deduction is worth little once the "
    "2% threshold is applied.",
])
def test_a_percentage_floor_is_no_penalty_rate(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # a new subject after a bare comma keeps its denial off the clause before it
    "An emergency personal expense distribution is still taxed as income, your employer isn't "
    "required to offer it, and you can pay it back within three years.",
    "The $1,000 emergency withdrawal counts as taxable income, the plan doesn't have to allow "
    "it, and it's a once-a-year option.",
    "A hardship withdrawal is taxable income, the plan isn't obliged to offer one, and you "
    "generally owe the 10% penalty before 59\u00bd.",
])
def test_a_new_subjects_denial_after_a_comma_stays_its_own(check_text, text):
    assert problems(check_text(text)) == []


def test_a_denied_tax_in_a_series_is_still_flagged(check_text):
    report = check_text("An emergency personal expense distribution isn't taxed as income, and "
                        "you can pay it back within three years.")
    assert ("emergency-distribution-tax-free", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # the small-balance floor worded with what is vested
    "When 50% of your vested money is below $10,000, a plan may lend up to $10,000.",
    "Plans may let you borrow up to $10,000 even if half of what's vested is smaller.",
    "Loan floor: if half your vested account falls short of $10,000, you may still borrow up "
    "to $10,000.",
])
def test_the_small_balance_floor_with_vested_money_is_no_cap(check_text, text):
    assert problems(check_text(text)) == []


def test_a_ten_thousand_dollar_cap_is_still_flagged(check_text):
    report = check_text("No matter how much you have vested, a 401(k) loan is capped at $10,000.")
    assert ("plan-loan-10000-cap", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # the year of the contributions dates the credit's figures in the sentences after it
    "If you contributed to a 401(k) in 2025, you may get the Saver's Credit. Joint filers "
    "qualify with AGI up to $79,000.",
    "Workers who put money into an IRA in 2025 may qualify for the Saver's Credit. Joint "
    "filers with AGI up to $79,000 can claim it.",
    "Saving for retirement in 2025? The Saver's Credit could help. Couples filing jointly can "
    "earn up to $79,000 and still claim it.",
])
def test_the_year_of_the_contributions_dates_the_figures_after_it(check_text, text):
    assert problems(check_text(text)) == []


def test_last_years_credit_figure_undated_is_still_outdated(check_text):
    report = check_text("Married couples filing jointly with adjusted gross income of up to "
                        "$79,000 can claim the Saver's Credit.")
    assert ("savers-credit-agi-mfj", "outdated") in problems(report)


@pytest.mark.parametrize("text", [
    # a worked example opened by the past return it comes from is of that year
    "From a 2015 return: Raj closed his only IRA for $4,000 less than his basis. That $4,000 "
    "IRA loss was deductible on Schedule A above 2% of AGI.",
    "On his 2016 return: Tom's IRA came up $2,500 short of his basis. His IRA loss was "
    "deductible on Schedule A, subject to the 2% floor.",
    "Take a 2014 filing: Jo cashed out every Roth IRA for less than her contributions. Her IRA "
    "loss was a miscellaneous itemized deduction.",
    "Example from a 2017 return: Kim emptied her traditional IRA at a loss. The IRA loss was "
    "deductible on Schedule A.",
])
def test_a_worked_example_from_a_past_return_is_of_that_year(check_text, text):
    assert problems(check_text(text)) == []


def test_a_worked_example_from_a_recent_return_is_still_flagged(check_text):
    report = check_text("From a 2024 return: Kim emptied her traditional IRA at a loss. The "
                        "IRA loss was deductible on Schedule A.")
    assert ("ira-loss-misc-deduction-outdated", "outdated") in problems(report)


@pytest.mark.parametrize("text", [
    # a pronoun after a word whose object is a charge ("an exception to it") is the charge
    "Governmental 457(b) payouts escape the 10% early-withdrawal tax. Form 5329 is where you "
    "report the extra 10% or claim an exception to it.",
    "A governmental 457(b) never owes the 10% penalty on distributions. The 10% additional "
    "tax, and any exception to it, goes on Form 5329.",
    "Money in a governmental 457(b) isn't subject to the early-withdrawal penalty. You figure "
    "the extra 10% on Form 5329 and list any exception to it there.",
])
def test_a_pronoun_for_the_charge_takes_no_account(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # an amount line on a page about a workplace plan and an IRA states the plans' rule
    "2026 cheat sheet for your 401(k) and IRA\n\nRoth catch-up trigger: more than $150,000 in "
    "2025 wages",
    "Workplace plans and IRAs: what changes in 2026\n\nThe Roth catch-up rule applies once "
    "2025 wages pass $150,000.",
])
def test_a_roth_catch_up_line_on_a_page_about_both_is_no_ira_rule(check_text, text):
    assert problems(check_text(text)) == []


def test_the_roth_catch_up_rule_said_of_an_ira_is_still_flagged(check_text):
    report = check_text("The Roth catch-up rule applies to your traditional IRA as well once "
                        "wages top $150,000.")
    assert ("roth-catch-up-ira", "false") in problems(report)


def _heading_problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in PROBLEMS and not f.suppressed and f.block_kind == "heading"]


@pytest.mark.parametrize("text", [
    # an instruction heading that names only its section's topic offers the option; the
    # section's sentence states the claim
    "## Borrow against your 403(b)\n\nA 403(b) loan is taxable income in the year you take it.\n",
    "## Take a hardship withdrawal\n\nA hardship withdrawal from your 401(k) is penalty-free.\n",
    "## Borrow from your plan\n\nYou can borrow up to half your vested balance, and the $50,000 "
    "cap rises with inflation every year.\n",
])
def test_a_heading_naming_only_the_topic_states_no_claim(check_text, text):
    report = check_text(text, ".md")
    assert _heading_problems(report) == []
    assert problems(report)  # the section's sentence is still flagged


@pytest.mark.parametrize("text", [
    # lines that each open with a short label and a colon are separate lines, and a choice
    # between two topics ("Loan or hardship withdrawal?") sets up no case
    "Compare the two\nLoan: no tax if you stay current; you pay it back with interest\n"
    "Hardship withdrawal: taxable; usually 10% extra under 59\u00bd; no way to repay it\n"
    "Talk to HR first.",
    "Loan or hardship withdrawal?\nLoan: no tax if repaid on time; you pay yourself back with "
    "interest\nHardship withdrawal: taxed; can't be repaid",
    "Side by side\nLoan: you repay yourself over five years\nHardship withdrawal: taxed as "
    "income and never repaid",
])
def test_labelled_lines_are_read_one_by_one(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # a denied second participle keeps its denial ("taxed ... and never repaid")
    "A hardship withdrawal is taxed as income and never repaid.",
    "Hardship payouts: taxed as ordinary income and not paid back",
])
def test_a_denied_second_participle_keeps_its_denial(check_text, text):
    assert problems(check_text(text)) == []


def test_a_repayable_hardship_line_is_still_flagged(check_text):
    report = check_text("Quick comparison\n401(k) loan: repaid through payroll with interest\n"
                        "Hardship withdrawal: you can pay it back within three years")
    assert ("hardship-withdrawal-repayable", "false") in problems(report)


def test_a_hardship_denied_tax_is_still_flagged(check_text):
    report = check_text("A hardship withdrawal is not taxed and never repaid.")
    assert ("hardship-withdrawal-tax-free", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # hearsay repeated, and a quoted statement called a common error, are reported beliefs
    "People still repeat that the IRA limit is $6,500. It isn't: for 2026 it's $7,500.",
    "Forums keep repeating that you can deduct IRA losses. You can't.",
    "Plenty of blogs repeat the claim that hardship withdrawals are penalty-free; they aren't.",
    "\"Hardship withdrawals skip the 10% penalty\" \u2014 that's one of the most common "
    "mix-ups we hear. They don't.",
    "\"You can write off a 401(k) loss\": it's among the most common mistakes readers make. "
    "You can't.",
])
def test_repeated_hearsay_and_common_mix_ups_are_not_stated(check_text, text):
    assert problems(check_text(text)) == []


def test_the_old_ira_limit_stated_is_still_flagged(check_text):
    assert ("ira-limit", "false") in problems(check_text("The IRA limit is $6,500 for 2026."))


@pytest.mark.parametrize("text", [
    # the plan's offering as a caveat for the saver is no rule for plans
    "Heads up: your plan has to offer the bigger 60-63 catch-up, so ask HR whether it does.",
    "Your employer's plan must offer the super catch-up for you to use it, so check with your "
    "benefits team.",
    # an amount called the regular one beside the larger catch-up is the regular catch-up's
    "If your plan doesn't offer the super catch-up, you're limited to the regular $8,000.",
    "Without the bigger catch-up, you can still add the usual $8,000 in 2026.",
    # a cohort set apart by "unless" does not take the age before it
    "RMDs start at 73 unless you were born in 1960 or later.",
    "Required distributions kick in at 73 unless you were born in 1960 or after (then it's 75).",
])
def test_caveats_and_exceptions_beside_a_rule_are_not_the_rule(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Every 401(k) plan has to offer the 60-63 catch-up.", "catch-up-60-63-mandatory"),
    ("The super catch-up is $8,000 in 2026.", "catch-up-60-63"),
    ("RMDs start at 73 if you were born in 1960 or later.", "rmd-start-age-born-1960"),
])
def test_the_rules_themselves_are_still_flagged(check_text, text, claim):
    assert claim in {c for c, _ in problems(check_text(text))}
