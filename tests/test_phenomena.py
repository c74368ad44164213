"""How real prose states claims: negation, hedges, questions, headings, framing, context.

Each phenomenon is tested on several phrasings, so a rule cannot be tuned to one sentence.
"""

from __future__ import annotations

import pytest

NOT_DEDUCTIBLE = ("retirement-loss-not-deductible", "accurate", "stated")
DEDUCTIBLE = ("retirement-loss-deductible", "false", "stated")


def _ids(report):
    return {(f.claim_id, f.verdict, f.framing) for f in report.findings}


@pytest.mark.parametrize("sentence", [
    "Writing off 401(k) losses isn't allowed.",
    "The tax code doesn't let you deduct losses in an IRA.",
    "Savers are unable to deduct losses inside their 403(b).",
    "Neither a 401(k) loss nor an IRA loss is deductible.",
    "The IRS won't let you write off the losses in your Roth IRA.",
    "No deduction is available for losses in a 457(b).",
    "You can no longer deduct IRA losses.",
])
def test_negation_forms_make_a_correct_statement(check_text, sentence):
    assert _ids(check_text(sentence)) == {NOT_DEDUCTIBLE}


@pytest.mark.parametrize("sentence", [
    "You may be able to deduct your 401(k) losses.",
    "You might write off IRA losses on your return.",
    "In some cases, losses in a 403(b) are deductible.",
    "Losses in an IRA are generally deductible.",
    "You could claim the loss in your 401(k) on Schedule A.",
])
def test_hedges_keep_the_verdict_and_lower_confidence(check_text, sentence):
    [finding] = check_text(sentence).findings
    assert (finding.claim_id, finding.verdict) == DEDUCTIBLE[:2]
    assert finding.confidence < 0.95
    assert any(step.stage == "hedge" for step in finding.trail)


@pytest.mark.parametrize("sentence", [
    "Can you deduct your 401(k) losses?",
    "Are IRA losses deductible?",
    "So, can I roll my 401(k) losses into an IRA?",
    "Readers often ask whether they can deduct 401(k) losses.",
    "I wonder if my IRA losses can offset my capital gains.",
])
def test_questions_are_not_claims(check_text, sentence):
    assert check_text(sentence).findings == []


@pytest.mark.parametrize("heading", [
    "Deduct Your 401(k) Losses",
    "Write Off Your IRA Losses on Schedule A",
    "You Can Deduct 401(k) Losses",
])
def test_imperative_and_assertive_headings_are_claims(check_text, heading):
    report = check_text(f"{heading}\n\nMarkets were rough this year.")
    assert DEDUCTIBLE in _ids(report)
    assert report.findings[0].block_kind == "heading"


@pytest.mark.parametrize("heading", [
    "Writing Off 401k Losses",
    "Understanding IRA Losses and Deductions",
    "Can You Write Off 401(k) Losses",
])
def test_topic_and_question_headings_are_not_claims(check_text, heading):
    assert check_text(f"{heading}\n\nMarkets were rough this year.").findings == []


def test_heading_takes_the_account_from_its_section(check_text):
    retirement = check_text("Use the Loss to Offset Capital Gains\n\n"
                            "If you have gains, your 401k losses will help.")
    assert ("retirement-loss-offsets-gains", "false", "stated") in _ids(retirement)
    taxable = check_text("Use the Loss to Offset Capital Gains\n\n"
                         "Capital losses in a brokerage account offset capital gains first.")
    # a brokerage account's capital losses do offset gains: verified, never an error
    assert taxable.findings and not any(f.is_problem for f in taxable.findings)


@pytest.mark.parametrize("sentence", [
    "A common myth is that you can deduct your 401(k) losses.",
    "Some people believe IRA losses are deductible.",
    "You may have heard that you can write off 403(b) losses.",
    "My brother-in-law says that I can deduct the loss in my IRA.",
    "Many readers think they can write off their 401(k) losses.",
])
def test_myths_quoted_to_debunk_them_are_not_errors(check_text, sentence):
    findings = check_text(sentence).findings
    assert findings and all(f.framing == "myth" and f.severity == "info" for f in findings)
    assert not any(f.is_problem for f in findings)


@pytest.mark.parametrize(("first", "second"), [
    ("Your 401(k) may lose value in a downturn.", "You can deduct these losses."),
    ("My IRA dropped 15% last spring.", "Can I write off the loss? Yes, you can deduct it."),
    ("Losses inside a 403(b) are common in a bad year.", "They are fully deductible."),
])
def test_pronouns_take_the_account_from_earlier_sentences(check_text, first, second):
    report = check_text(f"{first} {second}")
    assert DEDUCTIBLE in _ids(report)
    finding = next(f for f in report.findings if f.claim_id == DEDUCTIBLE[0])
    assert any(step.stage == "context" for step in finding.trail)


def test_context_does_not_reach_far_back(check_text):
    text = ("Your 401(k) is a good place to save. Stocks go up and down. Bonds pay interest. "
            "Cash is safe. Gold is shiny. You can deduct these losses.")
    assert check_text(text).findings == []


@pytest.mark.parametrize("sentence", [
    "Back then you could have deducted IRA losses if you closed every account.",
    "Investors once let their IRA losses offset other income, in a way.",
])
def test_historical_statements_are_not_claims_about_today(check_text, sentence):
    assert not any(f.is_problem for f in check_text(sentence).findings)


def test_contradictions_inside_one_article_are_reported(check_text):
    report = check_text("You cannot deduct losses inside a 401(k).\n\n"
                        "Later that year, you can deduct your 401(k) losses on your tax return.")
    [contradiction] = report.contradictions
    by_id = {f.id: f for f in report.findings}
    assert by_id[contradiction.accurate].verdict == "accurate"
    assert by_id[contradiction.wrong].verdict == "false"
    assert "contradicts line 3" in contradiction.message
