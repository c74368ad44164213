"""A reply to a how/what/when/which question that has no subject of its own ("At 70½.") or a
pronoun subject ("They are taxed at capital gains rates.") states what the question asks
about; the correct reply to the same question stays quiet."""

from __future__ import annotations

import pytest

WRONG = [
    ("Q: How are traditional IRA withdrawals taxed?\n\nA: They are taxed at capital gains "
     "rates.\n", ".txt", "retirement-withdrawals-capital-gains-rate", "false"),
    ("<html><body><h3>How are 401(k) distributions taxed?</h3>"
     "<p>At long-term capital gains rates.</p></body></html>\n", ".html",
     "retirement-withdrawals-capital-gains-rate", "false"),
    ("What rate applies to my 401(k) withdrawals in retirement? The 15% capital gains rate.\n",
     ".txt", "retirement-withdrawals-capital-gains-rate", "false"),
    ("When do RMDs start? At 70½.\n", ".txt", "rmd-start-age-70-half", "outdated"),
    # an "A:" line grants what the question takes for granted
    ("Q: When do I have to start RMDs from my Roth IRA?\nA: At 73, like any other IRA.\n",
     ".txt", "roth-ira-rmd", "false"),
    ("<html><body><h3>How much capital loss can a married couple deduct each year?</h3>"
     "<p>$6,000, or $3,000 per spouse.</p></body></html>\n", ".html",
     "capital-loss-limit-per-spouse", "false"),
]

CORRECT = [
    "Q: How are traditional IRA withdrawals taxed?\n\nA: They are taxed as ordinary income.\n",
    "<html><body><h3>How are 401(k) distributions taxed?</h3>"
    "<p>As ordinary income, at your regular bracket.</p></body></html>\n",
    "What rate applies to my 401(k) withdrawals in retirement? Your ordinary income tax rate.\n",
    "When do RMDs start? At 73 for most people retiring now.\n",
    "<html><body><h3>How much capital loss can a married couple deduct each year?</h3>"
    "<p>$3,000 on a joint return, not $3,000 each.</p></body></html>\n",
    "**Q.** How much of my $20,000 capital loss can I deduct this year?\n\n"
    "**A.** Up to $3,000 against ordinary income; the rest carries forward.\n",
    "How long do I have to finish an indirect rollover? 60 days.\n",
    "Q: When do I have to start RMDs from my Roth IRA?\nA: Never, while you're alive.\n",
]


@pytest.mark.parametrize(("text", "suffix", "claim_id", "verdict"), WRONG)
def test_a_subjectless_reply_states_what_the_wh_question_asks(check_text, text, suffix,
                                                                claim_id, verdict):
    report = check_text(text, suffix=suffix)
    assert (claim_id, verdict) in {(f.claim_id, f.verdict) for f in report.findings}


@pytest.mark.parametrize("text", CORRECT)
def test_the_correct_reply_to_a_wh_question_is_not_flagged(check_text, text):
    suffix = ".html" if text.startswith("<") else ".md" if "**" in text else ".txt"
    report = check_text(text, suffix=suffix)
    assert all(f.verdict == "accurate" for f in report.findings)


@pytest.mark.parametrize("text", [
    # a new case, not a question asking for a value
    "What about my IRA? At capital gains rates, like your brokerage account.\n",
    # told in the past: what used to hold
    "When did RMDs start back then? It was 70½ for my parents.\n",
])
def test_a_reply_that_turns_to_a_case_or_the_past_states_no_rule(check_text, text):
    report = check_text(text, suffix=".txt")
    assert not [f for f in report.findings if f.verdict != "accurate"]
