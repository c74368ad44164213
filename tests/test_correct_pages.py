"""False alarms on correct text, by family: sentences of correct-only pages (own paraphrases
in real-page shapes) that state nothing wrong, so nothing may be flagged as false,
misleading or outdated on them."""

from __future__ import annotations

import pytest

PROBLEMS = {"false", "misleading", "outdated"}


def problems(report) -> list[tuple[str, str]]:
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in PROBLEMS and f.framing != "myth" and not f.suppressed]


@pytest.mark.parametrize("text", [
    # "not only X" / "not just X" denies the restriction to X, with or without "but also"
    "Longer payback on a 401(k) loan applies to any principal residence, not just a first home.",
    "Q: Does the longer term on a 401(k) loan cover only first homes?\n"
    "A: It covers any main home, not only a first home.",
    "Plan loan for a house? The five-year limit is lifted for any principal residence, not just "
    "your first home.",
    "A 401(k) loan for a home can run past five years, and that isn't only for first-time buyers.",
])
def test_not_only_denies_the_restriction(check_text, text):
    assert problems(check_text(text)) == []


def test_only_stated_plainly_is_still_flagged(check_text):
    report = check_text("Only first-time buyers can repay a 401(k) loan over more than five "
                        "years.")
    assert ("plan-loan-first-home-only", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # hearsay the writer goes on to debunk is a reported belief, not the writer's claim
    "You'll sometimes hear that you can harvest losses in a 401(k) to offset gains elsewhere. "
    "That's a myth.",
    "You often hear people say an IRA loss can be written off at tax time. Not so.",
    "Some planners will tell you that 401(k) losses offset your capital gains. They don't.",
    "Some folks will tell you the 20% withheld from a rollover check is a penalty. It isn't.",
])
def test_hearsay_is_reported_not_stated(check_text, text):
    assert problems(check_text(text)) == []


@pytest.mark.parametrize("text", [
    # an inline table of contents names topics: it gives the sentences after it no context
    "Required Minimum Distributions\n\nIn this article: when RMDs start, how they are figured, "
    "and how Roth IRAs differ.\n\nWhen do RMDs start?\n\nThe age has changed over the years. "
    "It was 70\u00bd for people born before July 1, 1949.",
    "RMD guide\n\nOn this page \u2014 Roth IRAs, RMD ages, penalties\n\nThe age has shifted. "
    "It was 70\u00bd for anyone born before mid-1949.",
    "What you'll learn: why Roth IRAs differ, and when RMDs begin.\n\nRMD basics\n\n"
    "The age keeps moving. It was 70\u00bd for people born before July 1, 1949.",
])
def test_an_inline_table_of_contents_gives_no_context(check_text, text):
    assert problems(check_text(text)) == []


def test_a_roth_ira_named_in_the_text_still_gives_context(check_text):
    report = check_text("Roth IRAs are popular.\n\nWhen do RMDs start?\n\nThe age has changed "
                        "over the years. They require RMDs at 73.")
    assert ("roth-ira-rmd", "false") in problems(report)


@pytest.mark.parametrize("text", [
    # a pattern's gap does not run on into the next sentence ("age ... It was 72")
    "## RMD timing\n\nThe starting age has moved twice. It was 72 under the 2019 law.",
    "## RMD timing\n\nThe age you start at depends on your birth year. Mine was 72 in 2022.",
    "## RMDs\n\nAt what age must you start? That was 72 for people born in 1950.",
])
def test_a_concept_does_not_span_two_sentences(check_text, text):
    assert problems(check_text(text, suffix=".md")) == []


def test_the_age_in_one_sentence_is_still_found(check_text):
    report = check_text("## RMD timing\n\nThe RMD starting age is 72.", suffix=".md")
    assert ("rmd-start-age-72", "outdated") in problems(report)
