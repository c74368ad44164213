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
