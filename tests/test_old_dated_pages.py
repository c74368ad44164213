"""Old dated pages (real-articles guide: "old dated pages describing abolished rules"): the
page's date is read from the forms blogs print, a rule abolished since is outdated even where
the page names its own year, and a sentence ending in a fraction ends there."""

from __future__ import annotations

import datetime as dt

import pytest

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes


@pytest.mark.parametrize(("line", "date"), [
    ("Posted on 03/14/2016 by Greg Tallis | Filed under: IRAs, Tax Planning | 9 comments",
     dt.date(2016, 3, 14)),
    ("Posted on 7/2/2015 by Ann Lee", dt.date(2015, 7, 2)),
    ("Published March 3, 2017 by Kim Ode | 4 min read", dt.date(2017, 3, 3)),
])
def test_a_posted_on_line_with_a_numeric_date_and_author_dates_the_page(line, date):
    doc = read_bytes(f"Converting to a Roth\n\n{line}\n\nSome intro text here.\n".encode(), "a.txt")
    assert doc.meta.date == date


@pytest.fixture(scope="module")
def as_of_2026(db):
    """Check a Markdown page with its own date against tax year 2026 (as taxcheck eval does)."""
    checker = Checker(db, tax_year=2026)

    def run(body: str, date: str) -> set[tuple[str, str]]:
        text = f"---\ntitle: Roth conversions\ndate: {date}\n---\n\n{body}\n"
        report = checker.check(read_bytes(text.encode(), "page.md"))
        return {(f.claim_id, f.verdict) for f in report.findings}

    return run


@pytest.mark.parametrize("sentence", [
    "That means your 2015 conversion can be reversed until October 15, 2016.",
    "A conversion you make in 2016 can be recharacterized until October 15, 2017.",
    "If you recharacterize your 2015 conversion, it drops out of your 2015 income.",
])
def test_an_old_page_naming_its_own_year_states_the_abolished_rule(as_of_2026, sentence):
    assert ("conversion-recharacterize", "outdated") in as_of_2026(sentence, "2016-03-14")


@pytest.mark.parametrize("sentence", [
    "Before 2018, you could undo a Roth conversion.",
    "A 2015 conversion could be undone until October 15, 2016.",
])
def test_the_rule_put_in_the_past_is_not_flagged(as_of_2026, sentence):
    assert not any(c == "conversion-recharacterize" for c, _ in as_of_2026(sentence,
                                                                          "2026-02-01"))


def test_a_year_far_from_the_page_date_is_not_its_own_time(as_of_2026):
    found = as_of_2026("A 2009 conversion could be undone as late as October 15, 2010.",
                       "2016-03-14")
    assert not any(c == "conversion-recharacterize" for c, _ in found)


@pytest.mark.parametrize("text", [
    "Required minimum distributions\n\nYour RMDs begin at 70½. After that birthday, the first "
    "withdrawal is due.",
    "Required minimum distributions\n\nThe starting age is 70½. After that, you withdraw "
    "every year.",
])
def test_a_sentence_ending_in_a_fraction_ends_there(check_text, text):
    findings = check_text(text).findings
    assert any(f.claim_id == "rmd-start-age-70-half" and f.sentence.endswith("70½.")
               for f in findings), [(f.claim_id, f.sentence) for f in findings]


@pytest.fixture(scope="module")
def steps_2026(db):
    """The claims found on each line of a plain-text page checked for tax year 2026."""
    checker = Checker(db, tax_year=2026)

    def run(text: str) -> dict[int, set[str]]:
        report = checker.check(read_bytes(text.encode(), "page.txt"))
        lines: dict[int, set[str]] = {}
        for f in report.findings:
            lines.setdefault(f.line, set()).add(f.claim_id)
        return lines

    return run


@pytest.mark.parametrize("step", [
    "- All of the money has to come out in the same year.",
    "1. Close out the accounts before December 31.",
    "Next, make sure every account has been emptied by year-end.",
])
def test_a_step_of_either_side_of_the_abolished_ira_loss_rule_restates_it(steps_2026, step):
    # the close-every-IRA side stated first, then the Schedule A side: a step that speaks
    # only of emptying the accounts is still a step of the rule
    page = ("IRA losses\n\nYou can deduct an IRA loss if you cash out all your IRAs for less "
            "than your basis. It's a miscellaneous itemized deduction above 2% of AGI.\n\n"
            f"{step}\n")
    found = steps_2026(page)[5]
    assert found & {"ira-loss-deduction-outdated", "ira-loss-misc-deduction-outdated"}


_COLUMN = ("Ask the planner\n"
           "Q: My IRA lost money. Any write-off?\n"
           "A: If you close every IRA you own for less than your basis, you can deduct the "
           "difference on Schedule A.\n"
           "{question}\n"
           "A: {answer}\n")


@pytest.mark.parametrize(("question", "answer"), [
    ("Q: I sold stock at a $3,000 loss in my brokerage account. What does that do for me?",
     "The loss reduces your taxable income by $3,000."),
    ("**Q:** I also have a capital loss from last year. Will it lower my bracket?",
     "It lowers your taxable income by up to $3,000 a year."),
    ("Question 2: My husband says our loss knocks us into a lower bracket. Is he right?",
     "The loss cuts your taxable income by $3,000, and only that."),
])
def test_a_readers_next_question_on_another_matter_ends_the_old_rules_steps(
        steps_2026, question, answer):
    found = steps_2026(_COLUMN.format(question=question, answer=answer))
    assert found[3] & {"ira-loss-deduction-outdated", "ira-loss-misc-deduction-outdated"}
    assert not found.get(5, set()) & {"ira-loss-deduction-outdated",
                                      "ira-loss-misc-deduction-outdated"}


def test_a_readers_next_question_on_the_same_rule_is_still_about_it(steps_2026):
    page = _COLUMN.format(question="Q: What if I still have one traditional IRA open?",
                          answer="Close it as well; the shortfall is deductible then.")
    assert steps_2026(page)[5] & {"ira-loss-deduction-outdated",
                                  "ira-loss-misc-deduction-outdated", "retirement-loss-deductible"}
