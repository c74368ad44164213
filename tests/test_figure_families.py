"""The figure families of figs7: a pronoun giving a new value of the figure just stated, a line
of several "year: amount" pairs, people given ages with an amount each, totals that list their
parts, amounts given in parallel. The stress set (tests/data/figure-attribution.tsv) checks
which claim and verdict each sentence gets; these tests check where the finding points and
the helpers each family rests on."""

from __future__ import annotations

import pytest

from taxcheck.follow_ons import gives_value
from taxcheck.matching.retries.people_ages import _group, _person


def _problems(report) -> list:
    return [f for f in report.findings if f.verdict != "accurate" and f.framing != "myth"]


@pytest.mark.parametrize("text", [
    "It rises to $7,500 in 2026.",
    "For 2026 it goes up to $8,000.",
    "; for 2026 the range is $81,000 to $91,000.",
    "That figure is $24,500 for 2026.",
    "And it will climb to $25,000.",
])
def test_a_pronoun_that_takes_a_value(text):
    assert gives_value(text) is not None


@pytest.mark.parametrize("text", [
    "It is worth maxing out if you can.",      # no amount
    "It costs you $500 in fees.",              # no verb of a value
    "Its value dropped to $7,000.",            # a possessive, not the subject
    "If it rises to $8,000, I'll add more.",   # a condition, not the subject opening
])
def test_no_pronoun_value(text):
    assert gives_value(text) is None


def test_the_pronoun_finding_points_at_its_own_sentence(check_text):
    report = check_text("The IRA limit was $7,000 for 2025. It rises to $7,000 in 2026.")
    [problem] = _problems(report)
    assert (problem.claim_id, problem.verdict) == ("ira-limit", "outdated")
    assert problem.text == "It rises to $7,000 in 2026."
    assert problem.fix is not None and problem.fix.replacement == "$7,500"


def test_a_pronoun_after_an_unrelated_sentence_takes_nothing(check_text):
    report = check_text("I finally opened a brokerage account last spring. It rises to $9,000 "
                        "in 2026, my advisor thinks.")
    assert _problems(report) == []


def test_the_wrong_pair_of_a_year_line_is_the_finding(check_text):
    report = check_text("401(k) deferral limits\n2024: $23,000 · 2025: $23,500 · 2026: $25,000")
    [problem] = _problems(report)
    assert (problem.claim_id, problem.verdict) == ("elective-deferral-limit", "false")
    assert "for 2026 is $25,000" in problem.message


def test_the_later_range_of_a_sentence_outranks_its_right_one(check_text):
    report = check_text("Single filers covered by a workplace plan phased out of the IRA "
                        "deduction between $79,000 and $89,000 in 2025; for 2026 the range is "
                        "$79,000 to $89,000.")
    [problem] = _problems(report)
    assert problem.verdict == "outdated"
    assert problem.text.startswith("; for 2026 the range is")


@pytest.mark.parametrize(("age", "group"), [
    (45, "UNDER_50"), (52, "AGE_50"), (59, "AGE_50"), (60, "AGE_60_63"), (63, "AGE_60_63"),
    (64, "AGE_50"), (70, "AGE_50")])
def test_the_catch_up_group_of_an_age(age, group):
    assert _group(age) == group


def test_one_name_for_each_person():
    assert _person("My wife") == _person("she") == "she"
    assert _person("her husband") == _person("He") == "he"


def test_each_person_gets_the_total_of_their_group(check_text):
    report = check_text("My husband is 62 and I'm 57. For 2026 he can put in $35,750 and I "
                        "can put in $33,500.")
    [problem] = _problems(report)
    assert (problem.claim_id, problem.verdict) == ("deferral-total-50-plus", "false")
    assert "$33,500" in problem.message


def test_people_without_ages_get_nothing(check_text):
    report = check_text("In 2026 she can put in $35,750 and I can put in $33,500.")
    assert not any(f.claim_id == "deferral-total-50-plus" for f in _problems(report))


@pytest.mark.parametrize("text", [
    "\u201c2025 brought a record jump in the 401(k) limit.\u201d It was a $500 rise, from $23,000"
    " to $23,500.",
    "The 401(k) limit went up for 2025. It was a $500 rise, from $23,000 to $23,500.",
])
def test_a_follow_on_naming_no_concept_after_a_figure_is_checked_quietly(check_text, text):
    # such a follow-on once reached the figure check through the sentence-before reading
    # with no concept to measure from, and the check raised
    assert _problems(check_text(text)) == []
