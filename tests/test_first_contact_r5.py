"""Round r's first contact, r5 (issue 12, branch rb): the families behind r5's misses and
false alarms, in our own words (tests/data/first_contact_r5.yaml, run by
:mod:`first_contact_r5`): each wrong passage flagged with its claim (or fact) and verdict on
its sentence, each correct twin quiet. The cases not handled yet are listed, so that a change
that handles one (or breaks another) shows. Then the behaviours each fix added, one by one."""

from __future__ import annotations

import pytest

from first_contact_q4_n11 import assert_as_written, expects_by_family, one_sided_families
from first_contact_r5 import cases, outcomes
from taxcheck.nlp.quantities import find_quantities

CASES = cases()

NOT_HANDLED = frozenset({
    # the filing status or the partial decline told in the sentence before, not in a question
    # (wi-worthless-forum is caught since session 18's dcap: a stock still trading written
    # off as worthless, STILL_TRADES)
    "hw-forum", "pw-prose", "pw-forum", "sc-hoh-prev", "sc-single",
    "so-example",
    # a heading that names no RMD above "that birthday"
    "ha-html",
    # the old IRA-loss write-off (the oldira branch's family): mistake headings, loose words,
    # a first step that only adds up basis
    "mn-html", "mn-md", "mn-txt", "io-txt", "io-md-list", "io-qa", "bs-txt", "bs-md",
    # a mistake heading naming what the page says not to do; the $3,000 doubled in words
    "mb-html-stated", "mb-txt-stated", "sh-heading", "sh-follow", "sh-twice",
    # a bare reply or a picture of it; a remedy lead; a forum poster's own case
    "ys-qa", "ys-forum", "ca-forum",
})
"""Wrong cases still missed and correct cases still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_case_is_flagged_or_quiet_as_written(results, case):
    assert_as_written(results[case["id"]], case, NOT_HANDLED)


def test_every_family_has_wrong_and_right_cases():
    assert len(expects_by_family(CASES)) >= 20
    assert one_sided_families(CASES) == []


def _problems(report):
    return [(f.claim_id, f.verdict) for f in report.findings if f.is_problem]


def test_a_thread_on_credit_and_match_lends_neither_to_small_talk(check_text):
    page = ("## Saver's Credit vs. Saver's Match: which applies to my 2025 return?\n"
            "Single, 24. I put $1,500 in a Roth IRA last year.\n"
            "EDIT: thanks, everyone, reading it all now.\n")
    assert _problems(check_text(page, ".md")) == []
    wrong = page + "You can already claim the Saver's Match on your 2025 return.\n"
    assert ("savers-match-available-now", "false") in _problems(check_text(wrong, ".md"))


def test_a_belief_heading_is_reported_and_its_table_takes_only_the_ira(check_text):
    page = ("<html><body><h1>Retiree tax mistakes</h1>"
            "<h2>Believing You Can't Fund an IRA After 70\u00bd</h2>"
            "<p>Since 2020 there's no age cap.</p>"
            "<table><tr><th>Limit</th><th>2026</th></tr>"
            "<tr><td>Base contribution</td><td>$7,500</td></tr></table></body></html>")
    report = check_text(page, ".html")
    assert _problems(report) == []
    assert ("ira-limit", "accurate") in [(f.claim_id, f.verdict) for f in report.findings]


def test_taxed_twice_after_a_basis_slip_is_no_double_taxed_gain(check_text):
    quiet = ("If you leave the commissions out of your basis, you'll pay tax twice on part of "
             "the gain.")
    assert _problems(check_text(quiet)) == []
    wrong = "When you sell at a gain, you're taxed twice on it: as income and as a capital gain."
    assert ("capital-gain-taxed-twice", "false") in _problems(check_text(wrong))


def test_the_next_sentence_completes_the_federal_only_casualty_rule(check_text):
    alone = "Personal casualty losses count only when the disaster is federally declared."
    assert _problems(check_text(alone)) == [("casualty-loss-federal-only-outdated", "outdated")]
    completed = alone + " From 2026, losses from a state-declared disaster qualify as well."
    assert _problems(check_text(completed)) == []
    # a heading after it starts something else: it completes nothing
    page = f"Casualty losses\n{alone}\nState-declared disasters\n"
    assert _problems(check_text(page)) == [("casualty-loss-federal-only-outdated", "outdated")]


def test_a_sentence_opening_with_that_birthday_takes_the_headings_age(check_text):
    wrong = ("## Required withdrawals start at 72\n\nOnce you reach that age, the IRS wants a "
             "withdrawal from your traditional IRA each year.\n")
    found = check_text(wrong, ".md").findings
    assert any(f.claim_id == "rmd-start-age-72" and f.sentence.startswith("Once you reach")
               for f in found if f.is_problem)
    right = wrong.replace("72", "73")
    assert _problems(check_text(right, ".md")) == []


def test_half_taken_with_nothing_after_it_is_fifty_percent():
    found = find_quantities("the IRS Takes Half")
    assert [(q.kind, q.value) for q in found] == [("percent", 50.0)]
    assert find_quantities("take half your balance out") == []
    assert find_quantities("he takes half the time") == []


def test_a_missed_rmd_heading_that_takes_half_is_the_old_rate(check_text):
    page = ("<html><body><h1>RMD slip-ups</h1><h2>Skip an RMD and the IRS Takes Half</h2>"
            "<p>Set a reminder.</p></body></html>")
    assert ("rmd-excise-rate", "outdated") in _problems(check_text(page, ".html"))
    right = page.replace("Takes Half", "Takes a Quarter")
    assert _problems(check_text(right, ".html")) == []


def test_hardship_withholding_that_cannot_be_waived_is_the_mandatory_20(check_text):
    wrong = "Hardship withdrawals: 20% federal withholding that cannot be waived"
    assert ("hardship-mandatory-withholding", "false") in _problems(check_text(wrong))
    right = "Rollover-eligible payouts: 20% federal withholding that cannot be waived"
    assert _problems(check_text(right)) == []


def test_what_if_puts_a_case_for_the_reply(check_text):
    wrong = ("What if the stock isn't at zero but has lost most of its value? "
             "You can still treat it as worthless and write it off.")
    assert ("worthless-partial-decline-deductible", "false") in _problems(check_text(wrong))
    right = ("What if the company is bankrupt and the stock is worth nothing? "
             "You can treat it as worthless and write it off.")
    assert _problems(check_text(right)) == []


def test_this_applies_at_any_age_says_the_previous_statement_of_every_age(check_text):
    wrong = ("Pull converted dollars out within five years and you'll owe the 10% penalty on "
             "them. This applies at any age.")
    assert ("roth-conversion-clock-after-59", "false") in _problems(check_text(wrong))
    right = ("Your own Roth IRA contributions can come out without tax or penalty. "
             "This applies at any age.")
    assert _problems(check_text(right)) == []
