"""Claims spread over two sentences: a list item completes its lead-in ("Penalty-free caps
this year:" / "- Domestic abuse survivors: $10,000"), and a short reply states what the
question just before it asks ("Can you write off the drop? Not year by year.")."""

from __future__ import annotations

import pytest


def _said(report) -> list[tuple[str, str, int]]:
    return [(f.claim_id, f.verdict, f.line) for f in report.findings]


@pytest.mark.parametrize("article", [
    "Penalty-free caps this year:\n\n- Domestic abuse survivors: $10,000\n",
    "Here are the penalty-free limits you can use:\n\n- Survivors of domestic abuse: $10,000\n",
    "What you can take out without the 10% penalty:\n\n"
    "- Victims of domestic abuse: up to $10,000\n",
])
def test_an_amount_in_a_list_item_is_checked_as_the_lead_ins_limit(check_text, article):
    found = _said(check_text(article, suffix=".md"))
    assert ("domestic-abuse-distribution-limit", "outdated", 3) in found


@pytest.mark.parametrize("article", [
    "Your plan may let you take a hardship withdrawal for:\n\n- Funeral costs\n",
    "Hardship withdrawals are allowed for:\n\n- Burial expenses for a parent\n",
    "The safe-harbor hardship reasons are:\n\n- Funeral and burial costs\n",
])
def test_a_bare_item_under_a_lead_in_states_the_completed_rule(check_text, article):
    report = check_text(article, suffix=".md")
    assert [f.claim_id for f in report.findings if f.line == 3] == [
        "hardship-safe-harbor-reasons"]
    assert all(f.verdict == "accurate" for f in report.findings)


def test_items_do_not_repeat_the_claim_their_lead_in_states(check_text):
    article = ("Hardship withdrawals are allowed only for these three reasons:\n\n"
               "- Medical bills\n- Funeral costs\n- Tuition\n")
    report = check_text(article, suffix=".md")
    assert [f.line for f in report.findings if f.verdict != "accurate"] in ([], [1])


def test_a_list_after_a_what_youll_learn_box_is_read_again(check_text):
    article = ("## What you'll learn\n\n- How much you can take for an emergency\n\n"
               "Penalty-free caps this year:\n\n- Domestic abuse survivors: $10,000\n")
    found = _said(check_text(article, suffix=".md"))
    assert [(c, v) for c, v, _ in found] == [("domestic-abuse-distribution-limit", "outdated")]


@pytest.mark.parametrize(("text", "claim_id", "verdict"), [
    ("Can you write off the drop in your 401(k)? Not year by year.",
     "retirement-loss-not-deductible-yet", "misleading"),
    ("Can I deduct the loss in my IRA? The answer is no.",
     "retirement-loss-not-deductible", "accurate"),
    ("Is a drop in my 403(b) deductible? Usually not.",
     "retirement-loss-not-deductible", "accurate"),
    ("Is there still a way to undo a Roth conversion? There is, if you act before October.",
     "conversion-recharacterize", "outdated"),
])
def test_a_short_reply_states_what_the_question_asks(check_text, text, claim_id, verdict):
    report = check_text(text)
    assert [(f.claim_id, f.verdict) for f in report.findings] == [(claim_id, verdict)]


@pytest.mark.parametrize(("text", "claim_id", "verdict"), [
    ("Do 401(k) withdrawals get the long-term capital gains rate? No. Pre-tax money that "
     "comes out is ordinary income.", "retirement-withdrawals-not-capital-gains-rate", "accurate"),
    ("Is a hardship withdrawal taxable?\n\nYes. Every pre-tax dollar you take out is added to "
     "your income for the year.", "hardship-withdrawal-taxable", "accurate"),
    ("Can I write off the drop in my IRA? No. It happened inside a tax-sheltered account.",
     "retirement-loss-not-deductible", "accurate"),
])
def test_the_sentence_after_a_bare_reply_states_what_was_asked(check_text, text, claim_id,
                                                               verdict):
    found = [(f.claim_id, f.verdict) for f in check_text(text, suffix=".md").findings]
    assert (claim_id, verdict) in found


@pytest.mark.parametrize(("text", "reply", "claim_id"), [
    # a hedged reply the next sentence spells out with a wrong claim
    ("Re: selling a stock that tanked\n\ncan I write off shares that went down 95% but I "
     "still hold?\n\nGenerally, yes. A stock that has lost nearly all its value counts as "
     "worthless, so you can claim the loss without selling.", "Generally, yes.",
     "worthless-partial-decline-deductible"),
    # a hedged reply in other words ("In most cases, yes")
    ("### Do hardship withdrawals dodge the 10% penalty?\n\nIn most cases, yes. Because "
     "you've proven a real hardship, the IRS waives the 10% early withdrawal penalty.",
     "In most cases, yes.", "hardship-withdrawal-penalty-free"),
])
def test_a_reply_the_next_sentence_spells_out_states_its_wrong_claim(check_text, text, reply,
                                                                    claim_id):
    found = [(f.sentence, f.claim_id) for f in check_text(text, suffix=".md").findings]
    assert (reply, claim_id) in found, found


@pytest.mark.parametrize("text", [
    # a bare "Yes." leaves the claim to the sentence that explains it
    "Is a hardship withdrawal penalty-free?\n\nYes. Hardship withdrawals are exempt from the "
    "10% early withdrawal penalty.",
    # the next sentence turns against the reply
    "Can I write off a stock that's collapsed?\n\nOften, yes. But a stock that has lost "
    "nearly all its value counts as worthless, so you can claim the loss without selling.",
])
def test_a_bare_or_contradicted_reply_states_nothing_itself(check_text, text):
    findings = check_text(text, suffix=".md").findings
    assert not [f for f in findings if f.sentence in ("Yes.", "Often, yes.")
                and f.verdict != "accurate"], [(f.sentence, f.claim_id) for f in findings]


def test_a_bare_reply_lends_the_question_only_to_the_next_sentence(check_text):
    text = ("Do 401(k) withdrawals get the long-term capital gains rate? No. Here is some "
            "background. Pre-tax money that comes out is ordinary income.")
    assert [f.claim_id for f in check_text(text).findings] == []


@pytest.mark.parametrize("text", [
    # the reply is not right after the question
    "Can you write off the drop in your 401(k)? Here is the background. Not year by year.",
    # "Not every ..." opens a statement of its own, not a reply
    "Can you write off the drop in your 401(k)? Not every loss works the same way year by year.",
])
def test_a_fragment_is_a_reply_only_right_after_the_question(check_text, text):
    assert [f.claim_id for f in check_text(text).findings
            if f.claim_id == "retirement-loss-not-deductible-yet"] == []


@pytest.mark.parametrize(("text", "claim_id", "verdict"), [
    # the old narrow IRA deduction described as possible (label policy): outdated; a 401(k)
    # loss was never deductible: false
    ("Lost money in your IRA? There may be a write-off.", "ira-loss-misc-deduction-outdated",
     "outdated"),
    ("Lost money in your 401(k)? There may be a write-off.", "retirement-loss-deductible",
     "false"),
    ("Over 50? You can put an extra $7,500 into your 401(k) for 2026.", "catch-up-limit",
     "outdated"),
    ("Age 60 to 63? The extra room is $11,250 for 2026.", "catch-up-60-63", "accurate"),
])
def test_a_question_that_sets_up_a_case_completes_the_next_sentence(check_text, text,
                                                                     claim_id, verdict):
    report = check_text(text)
    assert (claim_id, verdict) in [(f.claim_id, f.verdict) for f in report.findings]


@pytest.mark.parametrize("text", [
    "Can you deduct a loss in your IRA? There may be a write-off.",
    "Lost money in your IRA? Here is some background. There may be a write-off.",
])
def test_a_real_question_or_a_distant_case_completes_nothing(check_text, text):
    assert [f.claim_id for f in check_text(text).findings] == []


@pytest.mark.parametrize("text", [
    "Left your job at 52 and waited until 56 to withdraw? Sorry, you had to leave in the year "
    "you turned 55 or later.",
    "Quit at 50 and want the age-55 break? Unfortunately, you must separate at 55 or older.",
    "Left at 54 and now 57? No, the separation has to happen in the year you turn 55.",
])
def test_a_reply_that_turns_the_case_down_does_not_take_it_on(check_text, text):
    assert [f.claim_id for f in check_text(text).findings if f.verdict == "false"] == []


@pytest.mark.parametrize("text", [
    "If you skip an RMD, the IRS charges a 50% excise tax on the shortfall. "
    "Miss a $6,000 withdrawal and you owe $3,000.",
    "The IRS charges 50% of any RMD you fail to take. So a $2,400 shortfall costs you $1,200.",
    "Your plan must hold back 20% of a hardship withdrawal. "
    "To end up with $4,000, you'll have to ask for $5,000.",
])
def test_a_worked_example_restates_the_wrong_rate_before_it(check_text, text):
    report = check_text(text)
    first, second = text.split(". ", 1)

    def wrong(sentence: str) -> set[str]:
        return {f.claim_id for f in report.findings
                if f.verdict != "accurate" and f.sentence.startswith(sentence.split()[0])}

    assert wrong(first) and wrong(second) == wrong(first)


@pytest.mark.parametrize("text", [
    # the amounts are not the rate of each other
    "If you skip an RMD, the IRS charges a 50% excise tax on the shortfall. "
    "Miss a $6,000 withdrawal and you owe $1,500.",
    # the rate stated before is right: the example repeats no mistake
    "If you skip an RMD, the excise tax is 25% of the shortfall. "
    "Miss a $6,000 withdrawal and you owe $1,500.",
])
def test_a_worked_example_restates_nothing_else(check_text, text):
    second = text.split(". ", 1)[1]
    assert [f.claim_id for f in check_text(text).findings
            if f.sentence == second and f.verdict != "accurate"] == []


@pytest.mark.parametrize(("heading", "claim_id", "verdict"), [
    ("## 1. $23,500 — your 401(k) ceiling", "elective-deferral-limit", "outdated"),
    ("## 4. $8,000 — the IRA limit", "ira-limit", "false"),
    ("## 9. 50% — the missed-RMD penalty", "rmd-excise-rate", "outdated"),
])
def test_a_figure_headline_is_checked_like_a_statement(check_text, heading, claim_id, verdict):
    article = f"# Numbers to know for 2026\n\n{heading}\n\nMore on this below.\n"
    found = [(f.claim_id, f.verdict, f.line) for f in check_text(article, suffix=".md").findings]
    assert (claim_id, verdict, 3) in found


def test_a_heading_that_only_names_a_topic_stays_unchecked(check_text):
    article = "# Numbers to know for 2026\n\n## Your 401(k) ceiling\n\nMore on this below.\n"
    assert check_text(article, suffix=".md").findings == []


@pytest.mark.parametrize("article", [
    "Whether you can deduct it depends on your income. For 2024:\n\n"
    "- Single and covered at work: the write-off starts to shrink above $77,000 of MAGI "
    "and is gone at $87,000.\n",
    "Here are the 2024 ranges:\n\n"
    "- Single filers with a workplace plan: the deduction phases out between $77,000 "
    "and $87,000.\n",
    "The phase-out for tax year 2024 looks like this:\n\n"
    "- If you're single and covered by a plan at work, your deduction fades out from "
    "$77,000 to $87,000.\n",
])
def test_list_items_take_the_year_their_lead_in_names(check_text, article):
    # 2024's figures under a lead-in that names 2024 are right for 2024 (checked in 2026)
    found = _said(check_text(article, suffix=".md"))
    assert not [f for f in found if f[1] != "accurate"], found


def test_an_undated_list_checks_its_items_against_the_tax_year(check_text):
    article = ("The phase-out ranges:\n\n- Single filers with a workplace plan: the "
               "deduction phases out between $77,000 and $87,000.\n")
    found = _said(check_text(article, suffix=".md"))
    assert ("ira-deduction-phaseout-single", "outdated", 3) in found


def _on(report, sentence: str) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings if f.sentence == sentence]


@pytest.mark.parametrize(("text", "follow"), [
    ("Since the IRS sees a genuine hardship, it waives the 10% penalty on the withdrawal. "
     "You won't owe it.", "You won't owe it."),
    ("Hardship withdrawals escape the 10% early-withdrawal penalty. You simply won't pay it.",
     "You simply won't pay it."),
    ("A hardship distribution is exempt from the 10% penalty. You just don't owe it.",
     "You just don't owe it."),
])
def test_a_follow_on_that_restates_the_claim_in_other_words_is_flagged(check_text, text,
                                                                       follow):
    assert _on(check_text(text), follow) == [("hardship-withdrawal-penalty-free", "false")]


@pytest.mark.parametrize(("text", "follow"), [
    ("Many people think a hardship withdrawal is exempt from the 10% penalty. It isn't.",
     "It isn't."),
    ("Plenty of savers assume hardship withdrawals avoid the 10% penalty. They don't.",
     "They don't."),
    ("Some say a hardship withdrawal skips the early-withdrawal penalty. Sadly, it doesn't.",
     "Sadly, it doesn't."),
])
def test_an_elliptical_follow_on_takes_the_claim_with_its_own_polarity(check_text, text,
                                                                       follow):
    assert _on(check_text(text), follow) == [("hardship-withdrawal-penalized", "accurate")]


@pytest.mark.parametrize("text", [
    # a comment on the statement states nothing of its own
    "Hardship withdrawals are exempt from the 10% penalty. That's a big deal.",
    "Hardship withdrawals are exempt from the 10% penalty. It adds up.",
    "Hardship withdrawals are exempt from the 10% penalty. That's good news.",
    # the follow-on is not right after the statement
    "Hardship withdrawals are exempt from the 10% penalty. Plenty of people use them. "
    "You won't owe it.",
])
def test_a_comment_or_a_distant_follow_on_adds_no_finding(check_text, text):
    report = check_text(text)
    assert [(f.claim_id, f.verdict) for f in report.findings] == [
        ("hardship-withdrawal-penalty-free", "false")]
    assert all(f.sentence.startswith("Hardship") for f in report.findings)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hardship withdrawals escape the 10% early-withdrawal penalty.\n\nYou simply won't pay it.",
     [("hardship-withdrawal-penalty-free", "false")]),
    ("Plenty of savers assume hardship withdrawals avoid the 10% penalty.\n\nThey don't.",
     [("hardship-withdrawal-penalized", "accurate")]),
    ("Here is the background on hardship withdrawals.\n\nIt isn't.", []),
])
def test_a_follow_on_paragraph_or_reply_post_takes_the_statement_before_it(check_text, text,
                                                                          expected):
    last = text.rsplit("\n", 1)[1]
    assert _on(check_text(text), last) == expected


@pytest.mark.parametrize("text", [
    "Is a hardship withdrawal taxed? No, it is tax-free.\n",
    "Q: Does a hardship withdrawal count as income?\n\nA: No, it comes out tax-free.\n",
    "Taxed? No, hardship withdrawals are tax-free.\n",
    "Do you pay tax on a hardship withdrawal? No - it is tax-free.\n",
])
def test_a_no_that_answers_leaves_the_statement_after_it_stated(check_text, text):
    """"No, it is tax-free": the "no" answers the question; what follows it is the
    writer's statement, not its denial (which would read as "hardship withdrawals are
    taxable", a correct rule the sentence never states)."""
    found = {(f.claim_id, f.verdict) for f in check_text(text).findings}
    assert ("hardship-withdrawal-tax-free", "false") in found
    assert ("hardship-withdrawal-taxable", "accurate") not in found


@pytest.mark.parametrize("article", [
    "Ask the Money Desk\n\nQ: Can I skip the withholding on my hardship withdrawal?\n\n"
    "A: No, the 20% is mandatory.\n",
    "Hardship questions, answered\n\nCan I opt out of the 20% withholding on my hardship "
    "withdrawal?\n\nNo, withholding of 20% is mandatory for hardship withdrawals.\n",
    "Re: hardship distribution from my 401(k)\n\nAny way to get around the 20% withholding "
    "on a hardship withdrawal?\n\nNope, the 20% withholding is required on hardship "
    "withdrawals.\n",
])
def test_no_to_a_question_of_escaping_says_the_thing_escaped_holds(check_text, article):
    found = _said(check_text(article, suffix=".md"))
    assert ("hardship-mandatory-withholding", "false", 5) in found


@pytest.mark.parametrize("article", [
    "Ask the Money Desk\n\nQ: Can I skip the withholding on my hardship withdrawal?\n\n"
    "A: Yes, the 20% mandatory withholding doesn't apply to hardship withdrawals.\n",
    "Hardship questions, answered\n\nCan I opt out of the 20% withholding on my hardship "
    "withdrawal?\n\nYes, the 20% withholding isn't mandatory for hardship withdrawals.\n",
    "Reader question: Can I avoid a wash sale by buying the shares back in my IRA?\n\n"
    "No, buying in your IRA still triggers the wash-sale rule.\n",
])
def test_yes_to_a_question_of_escaping_says_the_thing_escaped_does_not_hold(check_text,
                                                                             article):
    report = check_text(article, suffix=".md")
    assert [f.claim_id for f in report.findings if f.verdict != "accurate"] == []


def test_a_question_naming_the_escape_itself_is_answered_as_asked(check_text):
    article = ("Reader Mailbag\n\nQ: Can I dodge the 10% penalty on a Roth conversion by "
               "waiting?\n\nA: No, every conversion triggers the 10% early withdrawal penalty.\n")
    found = _said(check_text(article, suffix=".md"))
    assert ("conversion-penalized", "false", 5) in found


@pytest.mark.parametrize("text", [
    "Can you deduct a loss in your IRA? Maybe.",
    "Q: My IRA lost value. Is that deductible?\nA: It depends on what kind of money you put in.",
    "Can I write off the loss in my IRA? Generally not.",
    "Can an IRA loss be claimed on your taxes? For most people, no.",
    "Q. Is a loss in my IRA tax-deductible?\nA. Typically not.",
])
def test_a_maybe_or_mostly_no_to_the_ira_loss_question_is_the_old_deduction(check_text, text):
    found = {(f.claim_id, f.verdict) for f in check_text(text).findings}
    assert ("ira-loss-misc-deduction-outdated", "outdated") in found


@pytest.mark.parametrize("text", [
    "Is a hardship withdrawal penalty-free? It depends.",
    "Will my RMD be lower next year? Maybe.",
    "Can I take a 401(k) loan after I leave my job? Possibly, if your plan allows it.",
    "Can I deduct a loss in my brokerage account? It depends on your gains.",
    "Can you deduct a loss in your IRA? No.",
    "Is my IRA loss deductible? Maybe you've heard it is, but it isn't.",
])
def test_a_maybe_answers_only_a_claim_that_names_it(check_text, text):
    assert [f.claim_id for f in check_text(text).findings if f.verdict != "accurate"] == []


@pytest.mark.parametrize(("text", "claim_id"), [
    ("Can I take my Roth IRA contributions out before 59\u00bd? Yes, but you'll pay the 10% "
     "penalty.", "roth-contributions-withdrawal-penalized"),
    ("Do I pay capital gains rates on 401(k) withdrawals? Yes, since it's investment growth.",
     "retirement-withdrawals-capital-gains-rate"),
    ("Q: My 401(k) dropped $15,000 last year. Can I deduct that?\n\nA: Yes, on Schedule D as "
     "a capital loss.", "retirement-loss-capital-loss"),
])
def test_a_reply_qualified_or_explained_in_its_sentence_states_what_was_asked(
        check_text, text, claim_id):
    found = _said(check_text(text))
    assert any(c == claim_id and v != "accurate" for c, v, _ in found), found


@pytest.mark.parametrize("text", [
    "Can I take my Roth IRA contributions out before 59\u00bd? Yes, tax- and penalty-free.",
    "Do I pay capital gains rates on 401(k) withdrawals? No, since it's ordinary income.",
    "Can I withdraw my Roth IRA earnings early without the penalty? No, but you can take out "
    "your contributions.",
    "Q: My 401(k) dropped $15,000 last year. Can I deduct that?\n\nA: No, losses inside a "
    "401(k) aren't deductible.",
])
def test_a_correct_reply_qualified_in_its_sentence_stays_quiet(check_text, text):
    assert [f for f in check_text(text).findings if f.verdict != "accurate"] == []


def test_an_item_that_completes_an_if_you_lead_in_is_no_question(check_text):
    article = ("You can take money out of your 401(k) penalty-free if you:\n\n"
               "- are 55 and still working there\n")
    assert "rule-of-55-without-leaving" in {c for c, _, _ in _said(check_text(article,
                                                                             suffix=".md"))}
