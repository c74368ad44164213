"""Years, ranges and discourse context on article-shaped text (issue 4).

The year a figure is judged against comes from the amount ("$23,000 in 2024"), the clause
("for 2026", "next year", counted from the article's date), the heading or title, else the
article's date. Definite references ("the credit"), elliptical amounts ("Workers 50 and
older can add $3,500") and pronouns take what they point at from the sentences before.
"""

from __future__ import annotations

import pytest

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes


@pytest.fixture(scope="module")
def dated(db):
    """Check Markdown articles as of their own date (no --tax-year)."""
    checker = Checker(db)

    def run(body: str, date: str = "2025-11-14", title: str = "Limits") -> set[tuple[str, str]]:
        text = f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n"
        report = checker.check(read_bytes(text.encode(), "article.md"))
        return {(f.claim_id, "myth" if f.framing == "myth" else f.verdict)
                for f in report.findings}

    return run


# -- years -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "For 2025 the catch-up is $7,500, so the most a fifty-something can defer comes to $31,000.",
    "In 2025, if you're over 50, your 401(k) catch-up is $7,500, which brings the total you "
    "can defer to $31,000.",
    "For 2025 the extra slice is $7,500, and savers 50 and up can defer a total of $31,000.",
])
def test_a_later_clause_takes_the_year_an_earlier_clause_of_its_sentence_names(dated, sentence):
    found = dated(sentence, date="2026-01-20")
    assert ("deferral-total-50-plus", "accurate") in found
    assert {v for _, v in found} == {"accurate"}


@pytest.mark.parametrize("sentence", [
    "Your catch-up adds another $7,500, which brings the most you can defer to $31,000 for 2025.",
    "At 50 the catch-up of $7,500 pushes your 401(k) deferrals to a total of $31,000 in 2025.",
    "The 401(k) catch-up is $7,500, for a total of $31,000 in 2025.",
    "The 401(k) limit is $23,500 for 2025, and savers 50 and older can add a $7,500 catch-up.",
])
def test_the_parts_of_a_total_belong_to_the_totals_year(dated, sentence):
    found = dated(sentence, date="2026-01-20")
    assert ("catch-up-limit", "accurate") in found
    assert {v for _, v in found} == {"accurate"}


def test_a_clause_that_turns_to_now_does_not_take_the_earlier_year(dated):
    found = dated("In 2024 the 401(k) limit was $23,000, but today the IRA limit is $7,500.",
                  date="2026-01-20")
    assert found == {("elective-deferral-limit", "accurate"), ("ira-limit", "accurate")}


@pytest.mark.parametrize("sentence", [
    "The most you can defer into a 401(k) this year is $23,500, up from $23,000 in 2024.",
    "This year's 401(k) limit is $23,500, compared with $23,000 for 2024.",
])
def test_a_year_written_next_to_an_amount_belongs_to_that_amount(dated, sentence):
    found = dated(sentence, date="2025-01-06")
    assert ("elective-deferral-limit", "accurate") in found
    assert not {v for c, v in found if c == "elective-deferral-limit"} - {"accurate"}


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Next year, the IRA limit will be $7,500.", "accurate"),
    ("Next year the IRA contribution limit stays at $7,000.", "outdated"),
    ("Savers 50 and older get an extra $8,000 in 401(k) catch-up contributions next year.",
     "accurate"),
])
def test_next_year_counts_from_the_article_date(dated, sentence, verdict):
    found = dated(sentence, date="2025-11-14")
    assert verdict in {v for _, v in found}, found


def test_a_heading_naming_a_year_sets_the_year_of_its_section(dated):
    body = ("# Limits\n\n## 2024 recap\n\nThe 401(k) deferral limit was $23,000.\n\n"
            "## This year\n\nThe 401(k) deferral limit is $23,000.")
    found = dated(body, date="2026-01-10")
    assert ("elective-deferral-limit", "accurate") in found
    assert ("elective-deferral-limit", "outdated") in found


def test_a_title_naming_next_year_sets_the_year_of_the_article(dated):
    found = dated("# IRS sets 2026 retirement plan limits\n\n"
                  "The combined cap on employee and employer contributions climbs to $72,000.",
                  date="2025-11-14")
    assert found == {("annual-additions-limit", "accurate")}


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("If you were born in 1960 or later, RMDs start at age 75.", "accurate"),
    ("Since you're in your 50s, you won't have to start RMDs until you're 73.", "false"),
])
def test_a_birth_year_is_not_the_tax_year(dated, sentence, verdict):
    assert ("rmd-start-age-born-1960", verdict) in dated(sentence, date="2024-03-04")


@pytest.mark.parametrize("sentence", [
    "Required withdrawals begin once you reach 73 (75 for anyone born in 1960 or later).",
    "Your first RMD is due for the year you turn 73, or 75 if you were born in 1960 or later.",
    "RMDs kick in at age 73 (age 75 for those born in 1960 or after).",
])
def test_an_age_given_for_another_group_is_that_groups_age(dated, sentence):
    # "73 (75 for anyone born in 1960)": 75 is the 1960 group's age, 73 everyone else's
    found = dated(sentence, date="2026-02-01")
    assert ("rmd-start-age-born-1960", "accurate") in found
    assert not [f for f in found if f[1] == "false"], found


def test_a_rule_in_force_from_2026_is_judged_by_the_year_the_clause_is_about(dated):
    good = dated("Starting in 2026, anyone who earned more than $150,000 in FICA wages in 2025 "
                 "must make catch-ups as Roth.")
    assert not any(c == "roth-catch-up-before-2026" for c, _ in good)
    bad = dated("If you earned more than $145,000 last year, your 2024 catch-ups must go in "
                "as Roth contributions.", date="2024-03-12")
    assert ("roth-catch-up-before-2026", "false") in bad


# -- ranges and several right answers -----------------------------------------------------

@pytest.mark.parametrize(("sentence", "verdict"), [
    ("For single filers covered at work, the deduction phases out between $79,000 and "
     "$89,000 of MAGI.", "accurate"),
    ("For single filers covered at work, the deduction begins to phase out at $77,000 of "
     "modified AGI.", "outdated"),
    ("For single filers covered by a 401(k), the IRA deduction phases out at $120,000.", "false"),
])
def test_phase_out_ranges_accept_either_end(dated, sentence, verdict):
    assert ("ira-deduction-phaseout-single", verdict) in dated(sentence, date="2025-03-01")


def test_a_figure_with_several_right_values(dated):
    found = dated("The Saver's Credit is worth 50%, 20% or 10% of up to $2,000 you contribute.",
                  date="2025-12-02")
    assert {("savers-credit-rate", "accurate"), ("savers-credit-amounts", "accurate")} <= found
    assert ("savers-credit-rate", "false") in dated(
        "The Saver's Credit is worth 25% of what you contribute.", date="2025-12-02")


# -- amounts that belong to something else ----------------------------------------------

def test_totals_and_far_off_amounts_are_not_checked_as_a_limit(dated):
    # a total is checked against the table of totals only, never as a single limit
    found = dated("Savers age 50 and older can add another $7,500 to a 401(k), for a total "
                  "of $31,000.", date="2025-01-06")
    assert found == {("catch-up-limit", "accurate"), ("deferral-total-50-plus", "accurate")}
    found = dated("Savers age 50 and older can add another $7,500 to a 401(k), for a total "
                  "of $30,000.", date="2025-01-06")
    assert found == {("catch-up-limit", "accurate"), ("deferral-total-50-plus", "false")}
    found = dated("Catch-up dollars count against the $72,000 annual additions limit.",
                  date="2026-01-05")
    assert found == {("catch-up-counts-toward-415c", "false")}


def test_a_comma_separates_an_amount_from_the_next_concept(dated):
    found = dated("The IRA limit stays at $7,000, and the IRA catch-up for people 50 and over "
                  "remains $1,000.", date="2025-01-06")
    assert ("ira-catch-up-limit", "accurate") in found
    assert not {v for _, v in found} - {"accurate"}


# -- references, ellipsis and pronouns --------------------------------------------------

def test_the_credit_is_the_savers_credit_named_earlier(dated):
    found = dated("The Saver's Credit rewards modest earners. Many people never claim it.\n\n"
                  "Because the credit is refundable, you get the money even if you owe no tax.",
                  date="2025-12-02")
    assert ("savers-credit-refundable", "false") in found


def test_an_elliptical_amount_takes_the_plan_from_the_title(dated):
    found = dated("# SIMPLE plan limits move up\n\nJanuary brings new numbers for small "
                  "employers.\n\n## Catch-ups for older staff\n\nWorkers 50 and older can "
                  "contribute an extra $3,500 in catch-up money.", date="2026-01-09")
    assert ("simple-catch-up-limit", "outdated") in found
    assert not any(c == "catch-up-limit" for c, _ in found)


def test_a_statement_with_nothing_of_its_own_takes_the_topic_of_the_sentence_before(dated):
    found = dated("The Saver's Credit is worth up to $1,000. In other words, low earners get "
                  "back half of everything they contribute, however much that is.",
                  date="2025-12-02")
    assert ("savers-credit-no-cap", "false") in found


def test_the_topic_does_not_carry_across_a_new_section(dated):
    found = dated("# Guide\n\nHardship withdrawals are taxable.\n\n## Roth options\n\n"
                  "A Roth 401(k) is funded with after-tax money, so qualified withdrawals are "
                  "tax-free.", date="2025-04-02")
    assert not any(c.startswith("hardship") and v == "false" for c, v in found)


def test_a_possessive_points_at_people_not_at_the_last_topic(dated):
    found = dated("The Saver's Match starts with the 2027 tax year. Starting next year, high "
                  "earners must make their catch-up contributions as Roth.", date="2025-11-20")
    assert not any(c == "savers-match-available-now" for c, _ in found)


@pytest.mark.parametrize("text", [
    "A hardship distribution lets you reach your money, but it isn't one of the exceptions to "
    "the 10% additional tax.",
    "Hardship withdrawals are popular. Still, a hardship withdrawal does not avoid that penalty.",
])
def test_a_pronoun_takes_the_withdrawal_it_points_at(dated, text):
    assert ("hardship-withdrawal-penalized", "accurate") in dated(text, date="2025-06-18")


def test_an_outstanding_balance_is_the_loan_named_earlier(dated):
    found = dated("A 401(k) loan is not taxed if you repay it on schedule. Payments come out of "
                  "your paycheck. The interest goes back into your account. If you leave your "
                  "job with a balance outstanding, you'll have just 60 days to repay it.",
                  date="2025-06-18")
    assert ("plan-loan-offset-60-days", "outdated") in found


# -- clauses ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "claim", "verdict"), [
    ("For 2026, you can defer up to $24,500 into a 401(k), whether you choose pre-tax or Roth.",
     "elective-deferral-limit", "accurate"),
    ("If you don't take your full RMD, the excise tax is 25% of the shortfall.",
     "rmd-excise-rate", "accurate"),
    ("Hardship withdrawals don't carry the 10% penalty, and you can repay them later.",
     "hardship-withdrawal-repayable", "false"),
    ("The 2025 tax law made the ban on miscellaneous itemized deductions permanent, so there's "
     "no IRA-loss deduction for 2026.", "misc-itemized-ban-permanent", "accurate"),
    ("The IRA catch-up for savers 50 and up, however, is set in the statute at $1,000 and "
     "won't move.", "ira-catch-up-fixed", "outdated"),
])
def test_clause_boundaries_keep_negation_and_questions_in_their_place(dated, sentence, claim,
                                                                       verdict):
    assert (claim, verdict) in dated(sentence, date="2026-01-12")


@pytest.mark.parametrize("sentence", [
    "Whether you can deduct 401(k) losses depends on the rules.",
    "What counts as a contribution for the credit?",
])
def test_embedded_and_direct_questions_state_nothing(dated, sentence):
    assert dated(sentence) == set()


@pytest.mark.parametrize("sentence", [
    "A lot of workers assume the IRS waives the 10% penalty on hardship withdrawals.",
    "Some owners also believe that workers who leave at 55 can tap a SIMPLE IRA without "
    "penalty.",
    "Older articles still warn that the IRS takes 50% of any RMD you miss.",
])
def test_beliefs_of_others_are_reported_as_myths(dated, sentence):
    found = dated(sentence, date="2024-05-14")
    assert found and {v for _, v in found} <= {"myth", "accurate"}


PROCEDURE = """# Turning an IRA loss into a write-off

## How the deduction works

You can deduct the loss on your IRA if you close all your traditional IRAs for less than \
your basis.

1. Cash out every traditional IRA you own, SEP and SIMPLE IRAs included.
2. Report the loss on Schedule A with your other miscellaneous deductions.

## Other news

Cash out your traditional IRA only when you need the money.
"""


def test_each_step_of_an_abolished_procedure_is_a_finding(checker):
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(PROCEDURE.encode(), "procedure.md"))
    outdated = [(f.line, f.claim_id) for f in report.findings if f.verdict == "outdated"]
    # the Schedule A step states the old miscellaneous deduction itself
    assert outdated == [(5, "ira-loss-deduction-outdated"), (7, "ira-loss-deduction-outdated"),
                        (8, "ira-loss-misc-deduction-outdated")]
    assert not any(f.line == 12 for f in report.findings)  # another section: no step of it


def test_the_steps_end_when_the_article_says_the_rule_is_gone(checker):
    from taxcheck.readers import read_bytes

    text = PROCEDURE.replace("1. Cash out", "That deduction ended in 2018 and is gone for "
                             "good.\n\n1. Cash out")
    report = checker.check(read_bytes(text.encode(), "procedure.md"))
    steps = [f.line for f in report.findings
             if any(s.source == "procedure" for s in f.trail)]
    assert steps == []
    assert 5 in [f.line for f in report.findings if f.verdict == "outdated"]


@pytest.mark.parametrize("foil", [
    "Your numbers are lower than a 401(k)\u2019s.",
    "The limits are smaller compared with a 401(k).",
    "Unlike a 403(b), the plan is cheap to run.",
])
def test_a_plan_named_only_for_comparison_does_not_become_the_topic(dated, foil):
    found = dated(f"## SIMPLE IRA plans\n\nWork for a small business with a SIMPLE IRA? {foil} "
                  "For 2025 you can defer up to $16,500, and the catch-up for those 50 and "
                  "older is $3,500.", date="2025-03-03")
    assert ("simple-catch-up-limit", "accurate") in found
    assert not any(c == "catch-up-limit" for c, _ in found)


@pytest.mark.parametrize("text", [
    "There is a second, larger ceiling that covers everything going into a plan. Keep in mind "
    "that your catch-up dollars are counted inside that $70,000, not on top of it.",
    "The annual additions limit is $70,000 for 2025. Your catch-ups count toward that $70,000 "
    "too.",
    "Your money plus the employer's is capped at $70,000 for 2025. Catch-up contributions are "
    "included in that $70,000 limit.",
])
def test_that_amount_refers_to_the_overall_limit_named_before(dated, text):
    assert ("catch-up-counts-toward-415c", "false") in dated(text, date="2025-09-08")


def test_each_employers_own_cap_after_the_overall_limit_is_the_overall_limit(dated):
    found = dated("There is a second, larger ceiling that covers your money plus the "
                  "employer's. Each unrelated employer's plan gets its own $70,000 cap for "
                  "2025.", date="2025-09-08")
    assert ("annual-additions-limit", "accurate") in found
    assert not any(c == "elective-deferral-limit" for c, _ in found)


@pytest.mark.parametrize("sentence", [
    "The cap on what you can defer into a 401(k), which is $23,500 this year, belongs to you.",
    "This year you can put up to $23,500 into your 401(k).",
    "The 401(k) limit for this tax year is $23,500.",
])
def test_an_amount_for_this_year_is_checked_for_the_year_asked(db, sentence):
    text = f"---\ntitle: Limits\ndate: 2025-09-08\n---\n\n{sentence}\n"
    checker = Checker(db)
    as_written = {(f.claim_id, f.verdict)
                  for f in checker.check(read_bytes(text.encode(), "a.md")).findings}
    today = {(f.claim_id, f.verdict)
             for f in checker.check(read_bytes(text.encode(), "a.md"), tax_year=2026).findings}
    assert ("elective-deferral-limit", "accurate") in as_written
    assert ("elective-deferral-limit", "outdated") in today


@pytest.mark.parametrize("aside", [
    "Double-check your beneficiary forms every few years.",
    "Keep your beneficiary designations current.",
    "Tell your beneficiaries where the account is.",
])
def test_an_instruction_sharing_one_word_with_an_abolished_rule_is_no_step_of_it(checker, aside):
    from taxcheck.readers import read_bytes

    text = ("# A word for your heirs\n\nA nonspouse heir who inherits your IRA can spread the "
            f"payouts over their own life expectancy. {aside}\n")
    report = checker.check(read_bytes(text.encode(), "heirs.md"))
    flagged = [f.sentence for f in report.findings if f.verdict == "outdated"]
    assert flagged == ["A nonspouse heir who inherits your IRA can spread the payouts over "
                       "their own life expectancy."]


def test_pre_2018_speaks_of_the_old_rule(check_text):
    # "Pre-2018" is a range ending in 2017, like "before 2018"
    report = check_text("Pre-2018 rules let you deduct an IRA loss if you closed all your IRAs.")
    assert {(f.claim_id, f.verdict) for f in report.findings} == {
        ("ira-loss-deduction-before-2018", "accurate")}


@pytest.mark.parametrize("body", [
    "For 2025, single filers with income above $165,000 can't put money into a Roth IRA. "
    "Married couples filing jointly phase out between $236,000 and $246,000.",
    "In 2025, the Roth IRA phase-out for single filers runs from $150,000 to $165,000. "
    "Joint filers work off a range between $236,000 and $246,000.",
    "For tax year 2025, a Roth IRA is closed to single filers above $165,000. Couples filing "
    "together have a phase-out range of $236,000 to $246,000.",
])
def test_a_paragraph_that_opens_with_its_year_dates_its_next_sentences(dated, body):
    found = dated(body, date="2026-01-20")
    assert ("roth-ira-phaseout-mfj", "accurate") in found
    assert ("roth-ira-phaseout-mfj", "outdated") not in found


def test_a_sentence_that_turns_to_now_leaves_the_paragraph_year(dated):
    found = dated("For 2025, single filers above $165,000 can't contribute to a Roth IRA. "
                  "Now joint filers phase out between $236,000 and $246,000.", date="2026-01-20")
    assert ("roth-ira-phaseout-mfj", "outdated") in found


@pytest.mark.parametrize("title", [
    "The Saver's Credit and Roth IRA Income Limits",
    "Saver's Credit basics, plus who can fund a Roth IRA",
    "Your guide to the Saver's Credit",
])
def test_a_section_on_another_account_does_not_borrow_the_title_topic(dated, title):
    body = ("## Can you contribute to a Roth IRA?\n\nFor 2026, if you're single and your "
            "modified adjusted gross income is more than $153,000, you can't contribute to a "
            "Roth IRA.")
    found = dated(body, date="2026-01-20", title=title)
    assert ("roth-ira-phaseout-hard-cutoff", "misleading") in found


@pytest.mark.parametrize("text", [
    "# Deducting IRA losses\n\nIn 2016 you could deduct an IRA loss, but only once you had "
    "cashed out every traditional IRA you owned.\n",
    "# The old IRA loss deduction\n\nBefore 2018 the write-off was there, but you had to empty "
    "all your IRAs of one kind first.\n",
    "## Can you deduct a loss in your IRA?\n\nA little history: before 2018, if your IRA lost "
    "money you could claim a deduction, but only after you closed every traditional IRA.\n",
])
def test_a_but_that_restricts_a_past_rule_keeps_its_year(check_text, text):
    """'..., but only after ...' and '..., but you had to ...' narrow what the clause before
    said of its year; they do not turn to the present (issue 12)."""
    assert not {f.claim_id for f in check_text(text, ".md").findings
                if f.verdict != "accurate"}


def test_a_but_that_turns_to_the_present_still_takes_the_present(check_text):
    text = ("# Deducting IRA losses\n\nIn 2016 the rule was different, but now you can deduct "
            "an IRA loss once you cash out every traditional IRA you own.\n")
    assert "ira-loss-deduction-outdated" in {f.claim_id for f in check_text(text, ".md").findings}


# -- where a figure started -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The statute set the Roth catch-up line at $145,000, indexed for inflation.",
    "The Roth catch-up threshold started at $145,000 and is adjusted for inflation each year.",
    "- IRA catch-up: the law first set it at $1,000, and it is indexed now.",
    "The IRA catch-up was set at $1,000 by law and is now indexed.",
    "Q: Was the Roth catch-up wage test always this high? A: It began at $145,000 before "
    "indexing.",
    "- Roth catch-up threshold: $145,000 originally, $150,000 for 2026",
])
def test_a_figure_given_as_where_it_started_is_history_not_outdated(dated, sentence):
    found = dated(sentence, date="2026-02-10")
    assert not {f for f in found if f[1] == "outdated"}, found


@pytest.mark.parametrize(("sentence", "claim"), [
    ("The Roth catch-up threshold is $145,000 for 2026.", "roth-catch-up-wage-threshold"),
    ("The Roth catch-up threshold starts at $145,000 in 2026.", "roth-catch-up-wage-threshold"),
    ("Quick answer: the IRA catch-up is $1,000 for 2026.", "ira-catch-up-limit"),
    ("The IRA catch-up for 2026 is set at $1,000 by law.", "ira-catch-up-limit"),
])
def test_the_same_figure_stated_for_today_is_still_outdated(dated, sentence, claim):
    assert (claim, "outdated") in dated(sentence, date="2026-02-10")
