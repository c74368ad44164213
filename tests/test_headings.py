"""A heading whose verb states a rule is a statement; a heading that names a topic is not."""

from __future__ import annotations

import pytest


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text, ".md").findings}


@pytest.mark.parametrize("heading", [
    "RMDs start at 70½",
    "2. Required distributions start at 70½",
    "Required minimum distributions begin at age 70½",
    "Your RMDs Start at 70½",
])
def test_a_heading_that_states_an_old_rmd_age_is_outdated(check_text, heading):
    text = f"# Retirement basics\n\nA few rules to know.\n\n## {heading}\n\nPlan ahead.\n"
    assert ("rmd-start-age-70-half", "outdated") in _found(check_text, text)


@pytest.mark.parametrize("heading", [
    "Starting your RMDs at 70½",
    "Starting RMDs at 70½",
    "RMDs at 70½",
])
def test_a_heading_that_names_a_topic_states_nothing(check_text, heading):
    # the same words as a sentence ("Starting RMDs at 70½.") are the outdated claim
    text = f"# Retirement basics\n\nA few rules to know.\n\n## {heading}\n\nPlan ahead.\n"
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize(("title", "item"), [
    ("9 Ways to Get Money Out of a 401(k) Early Without the 10% Penalty",
     "## 4. Hardship withdrawals"),
    ("Five ways to tap your 403(b) before 59½ penalty-free",
     "## 2. Take a hardship distribution"),
    ("7 Smart Ways to Dodge the Early-Withdrawal Penalty on Your 401(k)",
     "3. Request a hardship withdrawal"),
])
def test_a_numbered_item_under_a_ways_title_says_its_way_does_it(check_text, title, item):
    text = f"# {title}\n\nMoney is tight? Read on.\n\n{item}\n\nTalk to HR first.\n"
    assert ("hardship-withdrawal-penalty-free", "false") in _found(check_text, text)


@pytest.mark.parametrize("title", [
    "Everything You Need to Know About 401(k) Withdrawals Without the 10% Penalty",
    "Our 401(k) Checklist: Avoiding the 10% Penalty",
])
def test_a_numbered_item_under_another_title_does_not_take_its_words(check_text, title):
    text = (f"# {title}\n\nMoney is tight? Read on.\n\n## 4. Hardship withdrawals\n\n"
            "Talk to HR first.\n")
    assert ("hardship-withdrawal-penalty-free", "false") not in _found(check_text, text)


def _heading_says(check_text, text: str, suffix: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text, suffix).findings
            if f.block_kind == "heading"}


_INTRO_MD = "# Year-end moves for investors\n\nA few notes before December.\n\n"
_INTRO_HTML = "<article><h1>Year-end moves for investors</h1><p>A few notes before December.</p>"


@pytest.mark.parametrize(("text", "suffix", "claim"), [
    (_INTRO_MD + "## Carry it forward, but don't dawdle\n\n"
     "Unused losses carry forward, but they expire after three years.\n",
     ".md", ("capital-loss-expires", "false")),
    (_INTRO_HTML + "<h2>5. Or carry back what's left</h2><p>Individuals may carry capital "
     "losses back three years and get a refund of old taxes.</p></article>",
     ".html", ("capital-loss-carryback", "false")),
    ("Year-End Moves for Investors\n\nA few notes before December.\n\nOr Carry Back the "
     "Excess\n\nAn individual can carry a net capital loss back to earlier years and claim a "
     "refund.\n", ".txt", ("capital-loss-carryback", "false")),
    ("Year-End Moves for Investors\n\nA few notes before December.\n\nCarry Forward What "
     "You Can't Use, Quickly\n\nUnused capital losses carry forward, but they expire after "
     "five years.\n", ".txt", ("capital-loss-expires", "false")),
    (_INTRO_MD + "## 6. Convert after you've left the company\n\nYou can't convert 401(k) "
     "money to a Roth while you're still on the payroll; you have to quit first.\n",
     ".md", ("roth-conversion-requires-leaving-job", "false")),
    (_INTRO_HTML + "<h2>70½ — the year the IRS comes calling</h2><p>Mark the date. At 70½ "
     "you have to start taking required minimum distributions every year.</p></article>",
     ".html", ("rmd-start-age-70-half", "outdated")),
])
def test_a_worded_heading_states_the_claim_its_section_spells_out(check_text, text, suffix,
                                                                   claim):
    # the heading opens with what it says (carry forward, carry back, convert, 70½) and
    # says nothing the section's first claim does not
    assert claim in _heading_says(check_text, text, suffix)


@pytest.mark.parametrize(("text", "suffix"), [
    # a verb of advice before the topic: the heading names what the section is about
    (_INTRO_MD + "## Think about your kids\n\nYour heirs can use your leftover capital "
     "loss carryover on their own returns.\n", ".md"),
    (_INTRO_MD + "## Don't forget your heirs\n\nYour heirs can use your leftover capital "
     "loss carryover on their own returns.\n", ".md"),
    (_INTRO_HTML + "<h2>4. Mind the wash-sale rule</h2><p>If you buy the shares back within "
     "30 days after the sale, the loss is disallowed.</p></article>", ".html"),
    (_INTRO_MD + "## Take your RMD\n\nRequired minimum distributions start at 72.\n", ".md"),
    # a topic label, not worded as a statement
    ("Year-End Moves for Savers\n\nA few notes before December.\n\nCatch-Up Contributions\n\n"
     "Workers 50 and older can add $6,500 on top of the regular limit.\n", ".txt"),
    # the heading says something the section's claim does not (that a rule ended)
    (_INTRO_MD + "## Missing one no longer costs half\n\nThe IRS never waives the tax on a "
     "missed RMD, even when you had a good reason.\n", ".md"),
    # the section's first claim is right: the heading states no error
    (_INTRO_MD + "## Carry it forward, and take your time\n\nUnused capital losses carry "
     "forward with no expiry.\n", ".md"),
])
def test_a_heading_that_only_names_its_sections_topic_stays_quiet(check_text, text, suffix):
    assert not {v for _, v in _heading_says(check_text, text, suffix)} - {"accurate"}


@pytest.mark.parametrize("heading", [
    "The little-known IRA write-off",
    "Where the deduction comes in",
    "When a loss becomes deductible",
])
def test_a_topic_heading_over_an_abolished_deduction_presents_it(check_text, heading):
    # a heading that names a deduction or an exception, over a section whose first sentence
    # presents the abolished IRA-loss deduction as available, presents it too
    text = (f"# IRA losses\n\nA few notes.\n\n## {heading}\n\nClose every IRA you own, and "
            "the shortfall below your basis is deductible.\n")
    assert ("ira-loss-deduction-outdated", "outdated") in _heading_says(check_text, text, ".md")


@pytest.mark.parametrize(("heading", "body"), [
    # a heading that only names a subject presents nothing
    ("A word about basis", "Close every IRA you own, and the shortfall below your basis is "
     "deductible."),
    # the section says the deduction is gone
    ("Deductions in 2026", "You can't deduct an IRA loss, even if you close all your IRAs."),
])
def test_a_topic_heading_over_no_abolished_rule_stays_quiet(check_text, heading, body):
    text = f"# IRA losses\n\nA few notes.\n\n## {heading}\n\n{body}\n"
    assert not {v for _, v in _heading_says(check_text, text, ".md")} - {"accurate"}


def _heading_findings(check_text, heading: str, body: str) -> set[tuple[str, str]]:
    text = f"# Tax tips\n\nA few moves to know.\n\n## {heading}\n\n{body}\n"
    return {(f.claim_id, f.verdict) for f in check_text(text, ".md").findings
            if f.sentence == heading.split(". ", 1)[-1] or f.sentence == heading}


@pytest.mark.parametrize("heading", [
    "Enjoy the bracket bonus",
    "Drop into a lower tax bracket",
    "Lock in a lower bracket",
])
def test_a_listicle_heading_that_promises_the_bracket_myth_states_it(check_text, heading):
    # a verb of benefit opening the heading ("Enjoy", "Drop", "Lock") is an instruction, so
    # the heading states the myth its first paragraph spells out
    body = ("A big enough capital loss can drop you into a lower tax bracket, and then all of "
            "your income is taxed at that lower rate.")
    found = _heading_findings(check_text, heading, body)
    assert any(v != "accurate" for _, v in found), found


@pytest.mark.parametrize("heading", ["Lower your tax bill", "Cut your taxable income"])
def test_a_listicle_heading_over_the_correct_rule_states_nothing_wrong(check_text, heading):
    body = "A capital loss lowers your taxable income; it does not change the brackets."
    assert not any(v != "accurate" for _, v in _heading_findings(check_text, heading, body))


# a "Why ..." or "How ..." headline without "?" in statement order takes its clause as given
WH_PAGE = "Retirement Notes\nBy Lee Park\n{headline}\nOur readers ask about this every spring.\n"


@pytest.mark.parametrize(("headline", "claim"), [
    ("Why You Can Still Deduct Your IRA Loss", "retirement-loss-deductible"),
    # "How to V X" presupposes "you can V X"
    ("How to deduct a 401(k) loss", "retirement-loss-deductible"),
    ("Why RMDs start at 70\u00bd", "rmd-start-age-70-half"),
    ("How you can roll your 401(k) losses into an IRA", "retirement-loss-rollover"),
    ("Why unused capital losses expire after five years", "capital-loss-expires"),
])
def test_a_why_or_how_headline_without_a_question_mark_states_its_clause(check_text,
                                                                         headline, claim):
    report = check_text(WH_PAGE.format(headline=headline))
    assert claim in {f.claim_id for f in report.findings if f.verdict != "accurate"}


@pytest.mark.parametrize("headline", [
    # the correct twins
    "Why your 401(k) loss isn't deductible",
    "Why you can\u2019t deduct your IRA loss anymore",
    "Why unused capital losses never expire",
    "How the 401(k) catch-up rises to $8,000",
    "How the old IRA loss deduction worked",
    # "How X works" names a topic
    "How the IRA loss deduction works",
    "How rolling 401(k) losses into an IRA works",
    # real questions: an inverted auxiliary, "to", or a question mark
    "Why can't I deduct my loss?",
    "Why can I deduct my IRA loss",
    "How do I deduct my IRA loss",
    "How to deduct an IRA loss",
    "How to deduct a stock loss",
    # "What" and "Which" clauses lack a part and state nothing
    "What you need to know about deducting IRA losses",
    "Which accounts count for the IRA loss test",
])
def test_correct_why_headlines_and_real_questions_are_not_problems(check_text, headline):
    report = check_text(WH_PAGE.format(headline=headline))
    assert [f.claim_id for f in report.findings if f.verdict != "accurate"] == []


def test_a_why_heading_in_markdown_states_its_clause(check_text):
    text = ("# Retirement basics\n\nA few rules to know.\n\n"
            "## Why RMDs start at 70\u00bd\n\nPlan ahead.\n")
    assert ("rmd-start-age-70-half", "outdated") in _found(check_text, text)


_HOW_TO_PAGES = {
    "md": ("# Money moves\n\n## {h}\n\nPlenty of savers wonder about their options.\n", ".md"),
    "html": ("<html><body><h1>Money moves</h1><h2>{h}</h2>"
             "<p>Plenty of savers wonder about their options.</p></body></html>\n", ".html"),
    "txt": ("Money Moves\n\n{h}\n\nPlenty of savers wonder about their options.\n", ".txt"),
}


@pytest.mark.parametrize(("style", "heading", "claim"), [
    ("md", "How to borrow from your IRA", "ira-loan"),
    ("md", "How to Borrow From Your IRA Without Paying Tax", "ira-loan"),
    ("html", "5. How to take a loan from your Roth IRA", "ira-loan"),
    ("txt", "4) How To Get A Loan From Your Traditional IRA", "ira-loan"),
    ("html", "How to deduct your 401(k) losses", "retirement-loss-deductible"),
    ("txt", "How To Write Off Losses In Your 401(k)", "retirement-loss-deductible"),
    ("md", "How to deduct the loss from your 401(k) on Schedule D",
     "retirement-loss-deductible"),
    ("txt", "How To Roll Your Hardship Withdrawal Into An IRA", "hardship-withdrawal-repayable"),
    ("md", "How to repay a hardship withdrawal to avoid tax", "hardship-withdrawal-repayable"),
])
def test_a_how_to_heading_states_the_false_rule_it_presupposes(check_text, style, heading,
                                                               claim):
    # "How to V X" presupposes "you can V X": there are no IRA loans, 401(k) losses are not
    # deductible, a hardship withdrawal cannot be paid back or rolled over
    page, suffix = _HOW_TO_PAGES[style]
    found = {(f.claim_id, f.verdict) for f in check_text(page.format(h=heading), suffix).findings}
    assert (claim, "false") in found


@pytest.mark.parametrize(("style", "heading"), [
    ("md", "How to borrow from your 401(k)"),
    ("html", "5. How to take a loan from your 401(k)"),
    ("txt", "4) How To Get A Loan From Your 401(k) Plan"),
    ("html", "How to deduct capital losses on stocks"),
    ("txt", "How To Write Off Losses In Your Brokerage Account"),
    ("md", "How to report stock losses on Schedule D"),
    ("txt", "How To Roll Your Old 401(k) Into An IRA"),
    ("md", "How to pay tax on a hardship withdrawal"),
])
def test_a_how_to_heading_that_presupposes_a_true_rule_stays_quiet(check_text, style, heading):
    page, suffix = _HOW_TO_PAGES[style]
    assert not any(f.verdict != "accurate"
                   for f in check_text(page.format(h=heading), suffix).findings)


def test_a_how_to_after_history_walks_through_the_old_rule(check_text):
    # the instruction follows the rule told as history: it presupposes nothing of today
    text = ("# IRA losses\n\nBefore 2018, if you cashed out every traditional IRA you owned "
            "for less than your basis, the shortfall could be deducted.\n\n"
            "How to claim an IRA loss\n\nMarkets move.\n")
    assert ("retirement-loss-deductible", "false") not in _found(check_text, text)


@pytest.mark.parametrize(("text", "suffix"), [
    ("# Surprises\n\n## 401(k) Loans: Taxable Income You Didn't Expect\n\nIt adds up.\n", ".md"),
    ("<html><body><h2>401(k) loans: taxable income nobody plans for</h2>"
     "<p>It adds up.</p></body></html>\n", ".html"),
    ("Loan Surprises\n\nA 401(k) loan is taxable income you did not expect.\n", ".txt"),
])
def test_a_denial_inside_a_relative_clause_does_not_deny_the_label(check_text, text, suffix):
    # "you didn't expect" denies the expecting, not that the loan is taxable income
    found = {(f.claim_id, f.verdict) for f in check_text(text, suffix).findings}
    assert ("plan-loan-taxable", "false") in found
    assert ("plan-loan-not-taxable", "accurate") not in found


@pytest.mark.parametrize("sentence", [
    "401(k) loans are not taxable income you need to report.",
    "401(k) loans are income you never pay tax on.",
    "A 401(k) loan is not taxable, so it does you no harm at tax time.",
])
def test_a_denial_of_the_label_itself_still_counts(check_text, sentence):
    page = f"# Loans\n\n{sentence}\n"
    found = {(f.claim_id, f.verdict) for f in check_text(page, ".md").findings}
    assert ("plan-loan-taxable", "false") not in found
    assert ("plan-loan-not-taxable", "accurate") in found
