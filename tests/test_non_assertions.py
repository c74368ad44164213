"""Sentences that assert nothing are not claims: teasers, tables of contents, "what you'll
learn" lists, lead-ins, advice to see a professional, and questions with a signature."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence", [
    "In this guide, we explore whether you can write off losses in your IRA.",
    "In this article we look at why 401(k) losses can be deducted only in rare cases.",
    "Here's how to deduct your IRA loss, step by step.",
    "Read on to learn how to roll your 401(k) losses into an IRA.",
    "Roth conversion rules for 401(k) losses, explained",
    "Talk to a tax professional before you deduct 401(k) losses.",
    "Can I deduct my 401(k) losses? \u2014 Worried in Ohio",
    "Would it be smarter to roll my 401(k) losses into an IRA? -",
    "Questions remain about how plans will let savers repay hardship withdrawals.",
    "It remains to be seen whether hardship withdrawals can be paid back.",
    "One question remains: can you put a hardship withdrawal back into the plan",
    "Here are nine tips to squeeze every dollar out of a down year.",
    "Here are the five moves that let you write off 401(k) losses.",
    # the reader's plan ("thinking about X,") is not a claim about X
    "If you\u2019re thinking about closing your IRAs to claim a loss, talk to a CPA first.",
    "If you're considering rolling your 401(k) losses into an IRA, call the plan first.",
    "Anyone tempted to deduct a 401(k) loss, check with a preparer.",
])
def test_a_sentence_that_asserts_nothing_is_not_flagged(check_text, sentence):
    assert check_text(sentence).findings == []


def test_items_under_a_what_youll_learn_heading_are_topics(check_text):
    article = ("## What you\u2019ll learn\n\n- You can roll your 401(k) losses into an IRA\n"
               "- Why 401(k) losses can offset capital gains\n\n## The rules\n\n"
               "- You can roll your 401(k) losses into an IRA.\n")
    report = check_text(article, suffix=".md")
    assert [(f.claim_id, f.line) for f in report.findings] == [("retirement-loss-rollover", 8)]


def test_items_after_an_in_this_article_lead_in_are_topics(check_text):
    article = ("In this article:\n\n- You can deduct your 401(k) losses\n\n"
               "Many readers ask about losses. You can deduct your 401(k) losses.\n")
    report = check_text(article, suffix=".md")
    assert [f.line for f in report.findings if f.verdict == "false"] == [5]


@pytest.mark.parametrize("article", [
    "## Myths\n\n\"A filing extension buys me more time to fund last year's IRA.\" Not so.\n",
    "Readers ask us this all the time.\n\n\u201cYou can deduct your 401(k) losses.\u201d\n",
    "## Three things people get wrong\n\n- \u201cAn extension gives me until October for my "
    "IRA contribution.\u201d\n",
])
def test_a_sentence_wholly_in_quotation_marks_is_someones_belief_not_an_error(check_text,
                                                                             article):
    findings = check_text(article, suffix=".md").findings
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize("article", [
    "Notes\n\nAn old rule of thumb goes: \u201ceach IRA you hold gets one rollover per "
    "year.\u201d\n",
    "Notes\n\n\u201cEvery IRA can have its own 60-day rollover every year\u201d is what the old "
    "brochure printed.\n",
    "Notes\n\nHeard in the break room: \"each of your IRAs gets its own rollover every "
    "year.\"\n",
])
def test_a_belief_quoted_inside_a_sentence_is_reported_as_a_myth(check_text, article):
    findings = check_text(article).findings
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize("sentence", [
    "Several advisers predicted the IRA loss deduction would return in 2026.",
    "Brokers told savers the IRA loss deduction would come back after 2025.",
    "Some pundits promised that the deduction for IRA losses would be back in 2026.",
])
def test_a_forecast_professionals_made_is_reported_not_asserted(check_text, sentence):
    findings = check_text(sentence + "\n").findings
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


def test_a_quotation_inside_the_authors_sentence_is_still_the_authors_claim(check_text):
    findings = check_text("Good news: \u201cextensions\u201d apply to IRA contributions too, so "
                          "you can contribute to your IRA until October.\n").findings
    assert any(f.claim_id == "ira-deadline-extended" and f.framing == "stated"
               for f in findings)


@pytest.mark.parametrize("idiom", [
    "The math is not hard, but the mistakes can be expensive to undo.",
    "A wrong step here is hard to reverse.",
    "Errors are costly to unwind, so go slowly.",
])
def test_a_mistake_hard_to_undo_is_not_a_recharacterization(check_text, idiom):
    text = f"Thinking about a backdoor Roth conversion? Talk to a planner first. {idiom}\n"
    assert not any(f.claim_id == "conversion-recharacterize"
                   for f in check_text(text).findings)


@pytest.mark.parametrize("bullet", [
    "- Why your IRA can quietly cost you a deduction",
    "- How an IRA changes the picture",
    "- What happens inside a Roth IRA",
])
def test_a_teaser_bullet_lends_no_account_to_the_next_sentences(check_text, bullet):
    # the bullet names a topic; "the loss" after it is a wash sale's, not an IRA's
    article = (f"What you'll learn\n{bullet}\n\nIf you buy the same stock back within 30 days "
               "of selling it at a loss, the IRS won't let you deduct that loss right away.\n")
    assert not [f for f in check_text(article).findings if "retirement" in f.claim_id
                or "ira-loss" in f.claim_id or "misc-itemized" in f.claim_id]


@pytest.mark.parametrize("lead", ["What you'll learn", "In this guide:", "Contents"])
def test_the_teaser_ends_at_the_first_paragraph_of_the_article(check_text, lead):
    article = (f"{lead}\n- How much you can take\n\nHere are the limits for this year.\n\n"
               "Caps on penalty-free withdrawals this year:\n- Domestic abuse victims: $10,000\n")
    findings = check_text(article).findings
    assert [(f.claim_id, f.verdict) for f in findings] == [
        ("domestic-abuse-distribution-limit", "outdated")]


@pytest.mark.parametrize("row", [
    "See also: Roth conversion ladders | Hardship withdrawals | 401(k) loans",
    "Related articles: Rule of 55 | 401(k) loans | SEPP",
    "Read next: Capital loss carryovers | How cost basis works",
])
def test_a_row_of_links_states_nothing_and_lends_no_topic(check_text, row):
    article = (f"{row}\n\nYou'll hear people say the 10% penalty is the only cost of cashing out "
               "early. It isn't: ordinary income tax is due on the withdrawal too.\n")
    findings = check_text(article).findings
    assert not [f for f in findings if f.verdict != "accurate"]
    assert not [f for f in findings if f.line == 3]


def test_the_main_clause_after_the_readers_plan_is_still_checked(check_text):
    found = check_text("If you're thinking about closing your IRAs, remember that losses in an "
                       "IRA can be deducted on Schedule D.").findings
    assert any(f.verdict == "false" for f in found)


@pytest.mark.parametrize("article", [
    "True or false? Hardship withdrawals are free of the 10% penalty. False.\n",
    "Quiz time. True or false: you can take a loan from your IRA. Answer: false.\n",
    "Fact or fiction? Hardship withdrawals skip the 10% penalty.\n",
    "Myth or fact? The rule of 55 covers IRAs.\n",
    "Fiction: an IRA lets you take out a loan.\n",
])
def test_a_statement_put_to_the_reader_as_a_quiz_is_not_the_writers(check_text, article):
    findings = [f for f in check_text(article).findings if f.verdict == "false"]
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize("article", [
    "Retirement mistakes\n\nMistake #3: Assuming your IRA loss is deductible\n",
    "Hardship pitfalls\n\nError #2 \u2013 Thinking a hardship withdrawal avoids the 10% penalty\n",
    "Year-end checklist\n\nMistake 5: Deducting the drop in your 401(k) on your return\n",
    "Money moves\n\nCommon blunder - believing hardship withdrawals skip the 10% penalty\n",
])
def test_a_listicle_label_naming_an_error_is_not_the_writers_claim(check_text, article):
    """'Mistake #3: doing X' says X is wrong; X is reported, never the article's error."""
    findings = [f for f in check_text(article).findings if f.verdict == "false"]
    assert all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize(("article", "claim"), [
    ("Rollover slip-ups\n\nMistake #2: Rolling over a second IRA within 12 months because "
     "each account has its own limit.\n", "ira-rollover-limit-per-account"),
    ("Rollover myths\n\nMyth #4 - A second rollover is fine since every IRA you own gets its "
     "own rollover each year.\n", "ira-rollover-limit-per-account"),
    ("Loss traps\n\nError 3: Claiming the 401(k) drop on your return, because losses there "
     "are deductible.\n", "retirement-loss-deductible"),
    ("- **Mistake #1:** Doing two IRA rollovers in one year because each IRA gets its own "
     "rollover.\n", "ira-rollover-limit-per-account"),
])
def test_the_reason_a_labelled_mistake_gives_is_part_of_the_mistake(check_text, article, claim):
    """'Mistake #2: doing X because Y': the reason belongs to the mistake, so a wrong rule in
    it is reported, not the writer's error."""
    findings = [f for f in check_text(article, ".md" if "**" in article else ".txt").findings
                if f.claim_id == claim]
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize("article, claim", [
    ("Retirement facts\n\nFact #2: Losses inside your 401(k) are deductible.\n",
     "retirement-loss-deductible"),
    ("Hardship truths\n\nTruth #1 \u2014 A hardship withdrawal avoids the 10% penalty.\n",
     "hardship-withdrawal-penalty-free"),
    ("Tips\n\nTip 3: Deduct the drop in your IRA as a capital loss on your return.\n",
     "retirement-loss-capital-loss"),
])
def test_a_label_that_does_not_name_an_error_keeps_the_claim(check_text, article, claim):
    found = {(f.claim_id, f.verdict, f.framing) for f in check_text(article).findings}
    assert (claim, "false", "stated") in found


@pytest.mark.parametrize(("article", "claim"), [
    ("True or false? You can take a loan from your IRA. True.\n", "ira-loan"),
    ("Fact or fiction: hardship withdrawals skip the 10% penalty.\n\nTrue.\n",
     "hardship-withdrawal-penalty-free"),
    ("You may have heard that hardship withdrawals are free of the 10% penalty, and it's "
     "true.\n", "hardship-withdrawal-penalty-free"),
    ("You've probably heard that hardship withdrawals skip the 10% penalty. That's correct.\n",
     "hardship-withdrawal-penalty-free"),
    ("My brother says hardship withdrawals skip the 10% penalty. He's right.\n",
     "hardship-withdrawal-penalty-free"),
])
def test_a_report_the_writer_agrees_with_is_the_writers_claim(check_text, article, claim):
    found = {(f.claim_id, f.framing) for f in check_text(article).findings
             if f.verdict == "false"}
    assert (claim, "stated") in found, found


@pytest.mark.parametrize("article", [
    "You may have heard that hardship withdrawals are free of the 10% penalty. That's wrong.\n",
    "Some people think a hardship withdrawal skips the 10% penalty. That's true only for the "
    "medical part.\n",
])
def test_a_report_the_writer_doubts_stays_a_belief(check_text, article):
    findings = [f for f in check_text(article).findings if f.verdict == "false"]
    assert findings and all(f.framing == "myth" for f in findings)


@pytest.mark.parametrize(("article", "suffix"), [
    ("# Capital loss myths\n\n### 3) \"You can only carry losses forward for three years.\"\n\n"
     "Not true. Unused losses carry forward indefinitely.\n", ".md"),
    ("<html><body><h1>IRA loss myths</h1><h2>4. \u201cMarried couples can each deduct $3,000 "
     "of capital losses.\u201d</h2><p>Wrong: the limit is per return.</p></body></html>",
     ".html"),
    ("# Retirement myths\n\n## 5. \"I'll sell the losers in my 401(k). The loss offsets my "
     "gains.\"\n\nIt won't. Losses inside a 401(k) are not deductible.\n", ".md"),
    ("# Loss questions\n\n**Q: My neighbour says:** \"You lose any capital loss you don't use "
     "within five years. Use it or lose it.\"\n\n**A:** Not so.\n", ".md"),
])
def test_a_quotation_the_list_number_splits_from_its_sentence_is_still_a_quotation(
        check_text, article, suffix):
    """A numbered myth heading (``2. "..."``) or a quotation of several sentences: the
    sentence splitter keeps the opening mark apart, but each sentence is still quoted."""
    findings = check_text(article, suffix=suffix).findings
    assert [f for f in findings if f.verdict != "accurate"]
    assert all(f.framing == "myth" for f in findings if f.verdict != "accurate")


@pytest.mark.parametrize("article", [
    "# Capital loss basics\n\n## 2. Carryforwards\n\nThe \"carryforward\" sounds generous, "
    "but unused capital losses expire after five years.\n",
    "# Wash sale basics\n\nHe wrote \"thanks.\" A wash sale means the loss is gone forever.\n",
    "# Married couples\n\n## 1. \"Per return\" or per person?\n\nMarried couples filing "
    "jointly can each deduct $3,000 of net capital losses, so $6,000 in all.\n",
])
def test_a_sentence_after_a_closed_quotation_is_the_authors_own(check_text, article):
    findings = check_text(article, suffix=".md").findings
    assert any(f.verdict == "false" and f.framing == "stated" for f in findings)


@pytest.mark.parametrize("article", [
    "RMD question\nYou may come across an old post saying the RMD age is 72 for everyone. For "
    "anyone born in 1960 or later it's 75.\n",
    "401(k) limits FAQ\nSome calculators online still show a 2026 401(k) deferral limit of "
    "$23,000. The actual limit for 2026 is $24,500.\n",
    "2026 IRA limits\nSeveral websites listed the 2026 IRA contribution limit as $8,000. The "
    "real figure is $7,500.\n",
    "Capital losses for couples\nIf you see a page claiming married couples filing jointly can "
    "deduct $3,000 each, ignore it: the limit is $3,000 per return.\n",
    "Roth conversions\nOlder worksheets recommend recharacterizing a Roth conversion if the "
    "market drops; that option ended in 2018.\n",
    "RMDs\nPlenty of outdated articles tell readers RMDs begin at 70\u00bd. That changed with "
    "the SECURE Act.\n",
])
def test_what_other_pages_say_is_reported_not_asserted(check_text, article):
    """Hearsay from other published text ("an older article saying", "some outlets printed",
    "pages claiming") is reported in order to correct it."""
    wrong = [f for f in check_text(article).findings if f.verdict != "accurate"]
    assert wrong and all(f.framing == "myth" and f.severity == "info" for f in wrong)


@pytest.mark.parametrize("article", [
    "RMDs\nAs this guide says, RMDs begin at age 70\u00bd for everyone.\n",
    "2026 IRA limits\nOur page lists the numbers: the 2026 IRA contribution limit is $8,000.\n",
    "Roth conversions\nThe article says it plainly: you can recharacterize a Roth conversion if "
    "the market drops.\n",
])
def test_the_authors_own_page_is_no_hearsay(check_text, article):
    assert any(f.verdict != "accurate" and f.framing == "stated"
               for f in check_text(article).findings)


@pytest.mark.parametrize("article", [
    "Wording\n\n\u201cIRA losses aren\u2019t deductible year by year\u201d suggests a later "
    "write-off, and there is none.\n",
    "Wording\n\n- \u201cIRA losses: not deductible until you cash out\u201d implies a deduction "
    "that never comes.\n",
    "Wording\n\nEditors take note: \u201cthe 10% is waived for hardship withdrawals\u201d sounds "
    "right but isn't.\n",
    "Wording\n\nThe line \u201cyou can't write off 401(k) losses for now\u201d makes it sound "
    "as if you someday can.\n",
])
def test_a_quotation_discussed_as_wording_is_not_the_writers_claim(check_text, article):
    """'"X" implies ...', '"X" makes it sound ...': X is talked about, not stated."""
    findings = [f for f in check_text(article).findings if f.verdict != "accurate"]
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)


@pytest.mark.parametrize("article, claim", [
    ("Notes\n\nGood news: IRA losses are not deductible until you cash out.\n",
     "retirement-loss-not-deductible-yet"),
    ("Notes\n\n\u201cTrust me,\u201d he said. Hardship withdrawals skip the 10% penalty.\n",
     "hardship-withdrawal-penalty-free"),
])
def test_a_claim_outside_a_discussed_quotation_is_still_the_writers(check_text, article, claim):
    found = {(f.claim_id, f.framing) for f in check_text(article).findings}
    assert (claim, "stated") in found


@pytest.mark.parametrize("article", [
    "Forum\n\nAnother option is to borrow from your IRA to pay off the old loan. I did that with "
    "a rollover IRA and paid it back within a year.\n",
    "Forum\n\nYou can borrow from an IRA, sort of. We did the same thing last spring and put the "
    "money back 50 days later.\n",
    "Forum\n\nPlans let you borrow from your 401(k). I did that in 2023 and repaid it through "
    "payroll.\n",
    "Forum\n\nSome readers close every IRA they own to claim the loss. We did exactly that and got "
    "nothing on our 2024 return.\n",
])
def test_the_writers_own_i_did_that_is_an_anecdote_not_the_claim_again(check_text, article):
    """The claim of the sentence before is flagged there; "I did that" adds no second error."""
    wrong = [f for f in check_text(article).findings if f.verdict != "accurate"]
    assert len({f.line for f in wrong}) <= 1 and all(f.column == 1 for f in wrong)


@pytest.mark.parametrize("article, claim", [
    ("Forum\n\nI did that too. You can borrow from your IRA for up to a year.\n", "ira-loan"),
    ("Forum\n\nMy sister did that, and the IRS let her deduct the IRA loss in 2026.\n",
     "retirement-loss-deductible"),
])
def test_a_claim_beside_an_anecdote_is_still_flagged(check_text, article, claim):
    assert claim in {f.claim_id for f in check_text(article).findings if f.verdict == "false"}
