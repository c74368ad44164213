"""Phrasings real pages use for capital-loss brackets, the once-a-year rollover limit and the
60-day deadline (written for the blind corpus's losses-and-rollovers area, never copied
from it): each family with several wordings, and the correct wording kept quiet."""

from __future__ import annotations

import pytest


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text).findings if not f.suppressed}


# --- a loss and the tax bracket ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Harvesting losses will lower your tax bracket.",
    "A big enough harvested loss can knock you down into a lower tax bracket.",
    "Selling your losers before December could put you in a lower bracket this year.",
])
def test_a_loss_dropping_you_into_a_lower_bracket_is_misleading(check_text, text):
    assert _found(check_text, text) == {("capital-loss-can-lower-bracket", "misleading")}


@pytest.mark.parametrize("text", [
    "Capital losses drop you into a lower tax bracket, so all your income is taxed less.",
    "Harvest a big loss and you'll slide into a lower bracket, where all of your income is "
    "taxed at the lower rate.",
    "A loss can bump you into a lower bracket, and then every dollar you earn is taxed at "
    "that lower rate.",
])
def test_the_lower_rate_on_all_income_is_false_and_not_also_misleading(check_text, text):
    found = _found(check_text, text)
    assert ("capital-loss-lowers-bracket", "false") in found
    assert ("capital-loss-can-lower-bracket", "misleading") not in found


def test_the_follow_on_sentence_is_false_and_the_bracket_drop_misleading(check_text):
    report = check_text("A big harvested loss can drop you into a lower bracket. From then on, "
                        "all of your income is taxed at the lower rate.")
    by_sentence = {(f.sentence, f.claim_id, f.verdict) for f in report.findings}
    assert len(by_sentence) == 2
    assert {(c, v) for _, c, v in by_sentence} == {
        ("capital-loss-can-lower-bracket", "misleading"), ("capital-loss-lowers-bracket", "false")}


# --- the once-a-year IRA rollover limit -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rolling a 401(k) to an IRA counts against the one-per-12-months limit.",
    "Keep in mind that rollovers from a 403(b) into an IRA count toward the one-per-year "
    "limit.",
])
def test_plan_rollovers_said_to_count_toward_the_limit_are_false(check_text, text):
    assert ("ira-rollover-limit-covers-plans-and-transfers", "false") in _found(check_text, text)


def test_a_date_with_its_year_is_not_a_calendar_year_reset(check_text):
    found = _found(check_text, "Starting January 1, 2015, only one IRA-to-IRA rollover is "
                               "allowed in any 12-month period.")
    assert found == {("ira-rollover-once-per-12-months", "accurate")}


# --- the 60-day deadline ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Blow the 60-day deadline and that's it: the IRS doesn't make exceptions.",
    "Miss the 60-day window and your only way out is a private letter ruling.",
    "You get 60 days. After that, the only relief is to ask the IRS for a private letter "
    "ruling.",
])
def test_no_relief_but_a_private_ruling_is_false(check_text, text):
    assert ("rollover-deadline-no-relief", "false") in _found(check_text, text)


# --- a relative clause's negation --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Capital losses above the limit: any excess you can't use this year carries forward to "
    "future years.",
    "Whatever part of your capital loss you can’t use right away carries forward to later "
    "years.",
    "The portion of a capital loss that you cannot deduct this year carries forward "
    "indefinitely.",
])
def test_the_leftover_you_cannot_use_does_not_negate_the_carryforward(check_text, text):
    assert _found(check_text, text) == {("capital-loss-carryforward-unlimited", "accurate")}


# --- a worked example of the abolished IRA-loss deduction --------------------------------

WORKED = """# Claiming a loss on your IRA

## When the loss counts

If you cash out every traditional IRA you own for less than your basis, you can deduct \
the shortfall.

## {heading}

Say you contributed $9,000 of after-tax money and your IRAs pay out $6,000 in all.
That leaves you with a $3,000 loss.
With income of $40,000 the 2% floor is $800, so you would write off $2,200, assuming \
you have no other deductions.
"""


@pytest.mark.parametrize("heading", ["A worked example", "By the numbers",
                                     "How it plays out"])
def test_each_line_of_a_worked_example_of_the_old_deduction_is_outdated(checker, heading):
    from taxcheck.readers import read_bytes

    text = WORKED.format(heading=heading)
    report = checker.check(read_bytes(text.encode(), "worked.md"))
    outdated = sorted(f.line for f in report.findings if f.verdict == "outdated")
    # the set-up ("Say you contributed ...") states the facts of the case, not the rule
    assert outdated == [5, 10, 11]


def test_amounts_in_another_section_are_not_steps_of_the_old_deduction(checker):
    from taxcheck.readers import read_bytes

    text = WORKED.format(heading="Other news").replace(
        "That leaves you with a $3,000 loss.", "Your brokerage account shows a $3,000 loss.")
    report = checker.check(read_bytes(text.encode(), "worked.md"))
    assert not any(f.line == 10 for f in report.findings)


@pytest.mark.parametrize("text", [
    "Capital losses can be large. Don’t worry: any unused capital loss carries forward to "
    "future years.",
    "Not to worry, unused capital losses carry forward to later years.",
    "Big loss this year? No need to worry, because capital losses carry forward indefinitely.",
])
def test_reassurance_is_not_a_denial(check_text, text):
    assert ("capital-loss-carryforward-unlimited", "accurate") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "Capital losses carry over. Whatever part of it you can't use right away only carries "
    "forward for five years, so claim it soon.",
    "Unused capital losses carry forward for just three years.",
    "Have a big capital loss? The amount you can't use rolls ahead for 5 more years and then "
    "it's gone.",
])
def test_a_carryforward_for_a_few_years_is_an_expiry(check_text, text):
    assert ("capital-loss-expires", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "To claim an IRA loss, your Roth IRAs are lumped in with the traditional ones, so you'll "
    "need to close those out too before you can claim anything.",
    "If you're married, add up both spouses' IRAs, and close all of them to deduct the loss.",
])
def test_wrong_even_under_the_old_rule_is_false_and_not_also_outdated(check_text, text):
    found = _found(check_text, text)
    assert ("ira-loss-grouped-across-kinds", "false") in found
    assert not any(v == "outdated" for _, v in found)


# --- a reply to the question just asked ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Does rolling over my 401(k) lock in the loss?\n\nIt can, if you time it right.",
     ("retirement-loss-rollover", "false")),
    ("Can you roll your 401(k) losses into an IRA?\n\nYes, you can do that when you leave.",
     ("retirement-loss-rollover", "false")),
    ("Can You Deduct Losses in Your IRA? Yes, Under the Right Conditions",
     ("ira-loss-misc-deduction-outdated", "outdated")),
    # a hedged reply takes a position of its own
    ("Can you roll your 401(k) losses into an IRA?\n\nOften, yes.",
     ("retirement-loss-rollover", "false")),
])
def test_a_reply_states_what_the_question_asked(check_text, text, expected):
    assert expected in _found(check_text, text)


@pytest.mark.parametrize("text", [
    # a bare reply: the sentence after it states the claim
    "Can you deduct the losses in your 401(k)?\n\nNo.",
    "Can you deduct the losses in your 401(k)?\n\nYes.",
    # no question just before it
    "Losses in a 401(k) are a shame.\n\nIt can, if you time it right.",
    # "No one ..." opens a statement, not a reply
    "Can you deduct losses in a 401(k)?\n\nNo one gets to write them off, sadly.",
])
def test_bare_replies_and_replies_to_nothing_state_nothing_wrong(check_text, text):
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize("requirement", [
    "So you need to itemize to get any benefit at all.",
    "You'll have to itemize on Schedule A to see any of it.",
    "Then you must itemize to get the benefit.",
])
def test_a_requirement_put_to_the_reader_is_a_step_of_the_old_deduction(checker, requirement):
    from taxcheck.readers import read_bytes

    text = ("# IRA losses\n\nYour IRA loss goes on Schedule A with your other miscellaneous "
            f"itemized deductions.\n\n{requirement}\n")
    report = checker.check(read_bytes(text.encode(), "steps.md"))
    assert [f.line for f in report.findings if f.verdict == "outdated"] == [3, 5]


# --- amounts that are not one year's limit -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Say you put in $8,000 of nondeductible money over several years to your traditional IRA.",
    "She contributed $9,000 to her Roth IRA across three tax years.",
    "Your IRA checks add up to just $5,500 once you close every traditional IRA you own.",
])
def test_sums_over_years_and_totals_are_not_the_ira_limit(check_text, text):
    assert not any(c == "ira-limit" for c, _ in _found(check_text, text))


def test_one_years_amount_is_still_checked(check_text):
    assert ("ira-limit", "false") in _found(check_text, "For 2026, the IRA contribution "
                                                        "limit is $8,000.")


def test_a_worked_example_line_restates_the_old_deduction_not_a_neighbouring_claim(checker):
    from taxcheck.readers import read_bytes

    text = ("# IRA losses\n\n## A worked example\n\nSay you put in $9,000 and, when you close "
            "every traditional IRA you own, you get back $6,000, less than your basis.\n\n"
            "Now suppose you have no other miscellaneous deductions.\n\n"
            "Two percent of $40,000 is $800, so $2,200 of the loss ends up as a deduction.\n")
    report = checker.check(read_bytes(text.encode(), "example.md"))
    last = {(f.claim_id, f.verdict) for f in report.findings if f.line == 9}
    assert last == {("ira-loss-deduction-outdated", "outdated")}


@pytest.mark.parametrize("text", [
    "Your 401(k) dropped $18,000, but the drop isn't wasted: you can claim it as a capital loss.",
    "The loss in your IRA is not wasted, since it counts as a capital loss.",
])
def test_not_wasted_is_not_a_denial(check_text, text):
    found = _found(check_text, text)
    assert found & {("retirement-loss-capital-loss", "false"),
                    ("retirement-loss-deductible", "false")}
    assert not any(v == "accurate" for _, v in found)
