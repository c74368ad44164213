"""RMD ages, history and mechanics (issue 12, issue 14, branch rmd): the set written before
the matcher was changed (tests/data/rmd_ages.yaml, run by round r's runner
:mod:`first_contact_r5`): each wrong passage flagged with its claim (or fact) and verdict on
its sentence, each correct twin quiet; the cases not handled yet are listed. Then the
behaviours each fix added."""

from __future__ import annotations

from pathlib import Path

import pytest

from first_contact_q4_n11 import assert_as_written, expects_by_family
from first_contact_r5 import cases, outcomes
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "rmd_ages.yaml"
CASES = cases(DATA)

NOT_HANDLED = frozenset({
    # 75 told as everyone's age with no RMD word
    "afs-75-for-all",
    # a birth-date statement dated by the year it happened ("back in 2023": the figure has
    # no 2023 value for the 1950 cohort); a 73rd birthday "in 2023 or later" in a list item
    "bd-1950-73", "bd-turn-73-2024",
    # a heading "A Down Market Means a Lower RMD"; "the penalty is half" in a forum reply
    "pyb-listicle", "ex-forum-half",
    # the 10-year rule's "nothing until year ten" is flagged false, the set says outdated
    "inh-forum-nothing", "inh-qa-wait",
    # 20 years of service for public safety; the right twin's "leave at 50" read as the
    # general early-withdrawal age
    "ps-20-years", "ps-right",
})
"""Wrong cases still missed and correct cases still flagged."""


BATCH2 = Path(__file__).parent / "data" / "rmd_ages_batch2.yaml"
"""A second batch written after the first fixes, run once before any change for it: 15/20
at its first run (wrong caught 6/11, correct quiet 9/9)."""
CASES2 = cases(BATCH2)

NOT_HANDLED2 = frozenset({
    # "nothing is forced out of your IRAs until you reach 73": no RMD word on the page
    "b2-poster-61",
    # a table row whose other cell says "None for the owner" reads as denied
    "b2-table-old-page",
    # a Markdown title "SECURE 2.0 Bumped the RMD Age to 75" (found as plain text)
    "b2-75-heading",
})
"""The second batch's cases not handled yet."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.fixture(scope="module")
def results2(checker):
    return {o.id: o for o in outcomes(checker, BATCH2)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_case_is_flagged_or_quiet_as_written(results, case):
    assert_as_written(results[case["id"]], case, NOT_HANDLED)


@pytest.mark.parametrize("case", CASES2, ids=[c["id"] for c in CASES2])
def test_each_second_batch_case_is_flagged_or_quiet_as_written(results2, case):
    assert_as_written(results2[case["id"]], case, NOT_HANDLED2)


def test_every_family_has_wrong_and_right_cases():
    for family, expects in (expects_by_family(CASES) | expects_by_family(CASES2)).items():
        assert any(e == "quiet" for e in expects), family
        assert any(e != "quiet" for e in expects), family


def _problems(report):
    return [(f.claim_id, f.verdict) for f in report.findings if f.is_problem]


@pytest.mark.parametrize("poster", ["I'm 57 and just got laid off.",
                                    "I turned 52 back in March.",
                                    "Q: I was born in 1966. When do my RMDs start?"])
def test_a_reply_telling_a_young_poster_73_is_wrong_and_75_is_right(check_text, poster):
    wrong = poster + "\nYou won't have to take required withdrawals until 73, so let it grow."
    assert ("rmd-start-age-born-1960", "false") in _problems(check_text(wrong))
    right = poster + "\nYou won't have to take required withdrawals until 75, so let it grow."
    assert _problems(check_text(right)) == []


def test_a_page_with_no_poster_age_keeps_73_as_todays_rule(check_text):
    page = "Re: RMD question\nYou won't have to take required withdrawals until 73, so let it grow."
    assert _problems(check_text(page)) == []
    # a threshold is no poster's age
    page = "I'm 55 or older, so I qualify.\nYour RMDs begin at 73."
    assert _problems(check_text(page)) == []


@pytest.mark.parametrize("wrong", ["If you were born in 1953, your RMDs started at 72.",
                                   "With a 1953 birthday, your RMDs started at 72.",
                                   "Anyone born between 1951 and 1959 starts RMDs at 75.",
                                   "Born in March 1957? Your RMDs kick in at 75."])
def test_a_start_age_other_than_73_for_people_born_1951_to_1959_is_wrong(check_text, wrong):
    assert ("rmd-start-age-born-1951-1959", "false") in _problems(check_text(wrong))
    right = wrong.replace("72", "73").replace("75", "73")
    assert _problems(check_text(right)) == [], right


def test_a_table_row_of_the_1951_1959_cohort_is_checked_against_73(check_text):
    page = ("## When your RMDs start, by birth date\n| Born | First RMD age |\n|---|---|\n"
            "| July 1, 1949 – Dec. 31, 1950 | 72 |\n| 1951–1959 | {} |\n"
            "| 1960 or later | 75 |\n")
    assert _problems(check_text(page.format(73), ".md")) == []
    assert ("rmd-start-age-born-1951-1959", "false") in _problems(
        check_text(page.format(72), ".md"))


@pytest.mark.parametrize("wrong", [
    "The IRS requires you to begin withdrawing from a traditional IRA by April 1 of the year "
    "after you reach 70\u00bd.",
    "You have until April 1 following the year you turn 70 1/2 to take money out of your IRA.",
    "The rule says you must begin distributions no later than age 70\u00bd.",
    "Required minimum distribution age: 70 \u00bd"])
def test_withdrawals_said_to_start_at_70_and_a_half_with_no_rmd_word_are_outdated(check_text,
                                                                                   wrong):
    assert ("rmd-start-age-70-half", "outdated") in _problems(check_text(wrong))


@pytest.mark.parametrize("right", [
    "Before 2020, you had to begin withdrawing from your IRA at 70\u00bd.",
    "My father started withdrawing from his IRA at 70\u00bd back in 2015.",
    "Under the old rules, you had to begin withdrawals by April 1 after the year you turned "
    "70\u00bd.",
    "You no longer have to start withdrawals at 70\u00bd; the age is now 73.",
    "You can make a qualified charitable distribution from your IRA at 70\u00bd, before "
    "withdrawals are required."])
def test_70_and_a_half_told_as_the_past_or_for_a_qcd_stays_quiet(check_text, right):
    assert _problems(check_text(right)) == []


def test_a_newsletter_line_with_posted_and_a_date_dates_the_page(checker):
    page = ("Client Newsletter, Posted November 4, 2014\nYear-end reminders\n"
            "The IRS requires you to begin withdrawing from a traditional IRA by April 1 of the "
            "year after you reach 70\u00bd.\n")
    report = checker.check(read_bytes(page.encode(), "newsletter.txt"))
    assert report.meta.date is not None and report.meta.date.year == 2014
    assert ("rmd-start-age-70-half", "outdated") in _problems(report)


@pytest.mark.parametrize("wrong", [
    "As long as you're employed, you don't have to take required distributions from any of "
    "your accounts.",
    "If you haven't retired yet, none of your retirement accounts require RMDs.",
    "If you're still on the payroll at 73, you can skip RMDs from your IRA and your 401(k) "
    "until you retire."])
def test_working_said_to_excuse_every_account_or_the_ira_is_wrong(check_text, wrong):
    assert ("rmd-still-working-ira", "false") in _problems(check_text(wrong))


@pytest.mark.parametrize("right", [
    "Still working? You can skip RMDs from your current 401(k) until you retire, but not from "
    "your IRA.",
    "Still working? You can't skip RMDs from your IRA."])
def test_working_that_excuses_only_the_current_plan_stays_quiet(check_text, right):
    assert _problems(check_text(right)) == []


@pytest.mark.parametrize("wrong", [
    "If you delay your first RMD to April 1, you only take one distribution that year.",
    "Delay the first one until April 1 and you'll take just one RMD that year.",
    "Push your first RMD to April 1 of the next year and you won't owe a second one until the "
    "following year."])
def test_a_first_rmd_delayed_to_april_1_said_to_leave_one_that_year_is_wrong(check_text,
                                                                             wrong):
    assert ("rmd-first-delayed-one-that-year", "false") in _problems(check_text(wrong))


def test_a_first_rmd_delayed_to_april_1_that_puts_two_in_the_year_stays_quiet(check_text):
    right = "If you wait until April 1 for the first one, you'll take two RMDs that year."
    assert _problems(check_text(right)) == []


def test_the_first_distribution_due_by_year_end_is_the_year_end_claim(check_text):
    wrong = "The first distribution is due by December 31 of the year you reach 73."
    assert ("rmd-first-deadline-year-end", "false") in _problems(check_text(wrong))
    right = ("The first distribution can wait until April 1 of the year after you reach 73; "
             "later ones are due by December 31.")
    assert _problems(check_text(right)) == []


@pytest.mark.parametrize("right", [
    "Your RMD for the year you turn 70\u00bd is based on your account balance as of December 31 "
    "of the previous year.",
    "To figure the first distribution, take the balance on December 31 of the year before you "
    "reached 70\u00bd and divide it by 27.4."])
def test_a_line_on_how_the_rmd_is_figured_states_no_starting_age(check_text, right):
    assert _problems(check_text(right)) == []


@pytest.mark.parametrize("wrong", [
    "If you inherit an IRA from your parents, you can take distributions based on your own "
    "life expectancy.",
    "Your kids can keep an inherited IRA growing for decades, taking only small required "
    "withdrawals each year.",
    "The younger your beneficiary, the smaller the required distributions, and the longer the "
    "money can grow.",
    "Children who inherit an IRA can spread the withdrawals out over decades."])
def test_the_stretch_told_in_other_words_is_outdated(check_text, wrong):
    assert ("inherited-stretch-life-expectancy", "outdated") in _problems(check_text(wrong))


@pytest.mark.parametrize("right", [
    "Before 2020, heirs could keep an inherited IRA growing for decades.",
    "The old stretch rules let grandchildren grow an inherited IRA for decades; the SECURE Act "
    "ended that for most heirs.",
    "Start saving in your 20s and your IRA can grow for decades before you leave it to your "
    "heirs.",
    "A surviving spouse can still take withdrawals over their own life expectancy.",
    "This page covers: start ages, the math, penalties, and inherited accounts."])
def test_the_stretch_told_as_history_or_an_owners_growth_stays_quiet(check_text, right):
    assert _problems(check_text(right)) == []


@pytest.mark.parametrize("wrong", ["The required beginning age is 75 as of this year.",
                                   "SECURE 2.0 raised the RMD age to 75.",
                                   "The RMD age is now 75, up from 73."])
def test_an_age_said_to_be_75_for_everyone_is_wrong(check_text, wrong):
    assert ("rmd-start-age", "false") in _problems(check_text(wrong))


@pytest.mark.parametrize("right", ["SECURE 2.0 raised the RMD age to 73.",
                                   "The RMD age is now 73, up from 72.",
                                   "The required beginning age is 73 as of this year.",
                                   "The SECURE Act raised the RMD age to 72.",
                                   "SECURE 2.0 raised the catch-up age to 60 for the bigger "
                                   "limit."])
def test_an_age_said_to_be_73_or_raised_to_72_in_2019_stays_quiet(check_text, right):
    assert _problems(check_text(right)) == []
