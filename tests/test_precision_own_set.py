"""Precision on correct prose, second pass (issue 12; ninth session, prec7).

An own-words set written before any change, in real-page styles that tempt false alarms:
figures by year with the year stated, past rules told as past, myths and their denials
("Myth: ... / Fact: ..."), conditions stated precisely, Q&A answers, forum replies, a table
by year, and a clause that takes its denied sibling's topic. Run once on main a0e5cef:
correct flagged 1/43 (the "Fact:" line under a "Myth:" line read as a step of the myth's
abolished rule), wrong caught 9/11 (the two misses are in docs/held-out-paraphrases.tsv).
"""

from __future__ import annotations

import pytest

CORRECT = [
    "For 2025, the 401(k) deferral cap was $23,500; for 2026 it's $24,500.",
    'In 2024 the most you could put into an IRA was $7,000.',
    'Before the SECURE Act, your first required distribution was due for the year you turned 70½.',
    "Myth: IRA losses become deductible again in 2026.\nFact: They don't. The ban on that "
    'deduction is permanent now.',
    'The mandatory 20% withholding is for payouts you could roll over, and not for hardship '
    'withdrawals.',
    'Withholding of 20% only reaches eligible rollover distributions; a hardship payout is not '
    'one of them.',
    'Q: Do I owe the 10% penalty if I left my job at 56?\nA: Not on money you take from that '
    "employer's 401(k).",
    "Quit at 50? Then that option's off the table for the old plan, even once you turn 55.",
    'The K-12 teacher expense deduction has nothing to do with investment write-offs.',
    'Roth IRAs have no RMDs for the original owner. Traditional IRAs are another story: they '
    'require withdrawals starting at 73.',
    'Capital losses can offset up to $3,000 of ordinary income a year ($1,500 if married '
    'filing separately).',
    'A plan loan can be as large as $50,000 or half your vested balance, whichever is less.',
    'Catch-up for savers aged 60 to 63: $11,250 in both 2025 and 2026.',
    "Forum reply: nope, you can't deduct the drop in your 401(k). Losses inside the plan just "
    "don't count.",
    'Until 2018 you could recharacterize a Roth conversion. That option is gone now.',
    'The 25% excise tax on a missed RMD drops to 10% if you correct it in time.',
    "Hardship withdrawals can't be rolled over into an IRA.",
    'Is the 10% penalty on top of income tax? Yes, you pay both.',
    'The once-a-year limit covers IRA-to-IRA rollovers, not direct trustee-to-trustee transfers.',
    'A wash sale usually just postpones the loss, unless the replacement shares land in your IRA.',
    'People born in 1960 or later start RMDs at 75.',
    "The Saver's Credit is nonrefundable: it can cut your tax to zero, but it won't produce a "
    'refund.',
    'The 60-day window is for indirect rollovers; a direct rollover never passes through your '
    'hands.',
    "What you lose inside a Roth IRA stays there. There's no deduction for it.",
    'In 2012, closing out every traditional IRA at a loss let you claim the shortfall as a '
    'miscellaneous itemized deduction.',
    'Starting in 2026, high earners must make their 401(k) catch-ups as Roth contributions.',
    '401(k) employee deferral limit by year\n\n| Year | Limit |\n|---|---|\n| 2024 | $23,000 '
    '|\n| 2025 | $23,500 |\n| 2026 | $24,500 |',
    "Heads up: the rule of 55 doesn't extend to IRAs.",
    'That 20% bite only applies to money that could have been rolled over. Hardship '
    "withdrawals aren't in that group, so your plan will usually hold back 10% instead.",
    "Here's the catch with the rule of 55: it only covers the plan of the job you leave. Your "
    "old IRAs don't get it.",
    'You stopped working at 53. That ship has sailed for this 401(k), even after your 55th '
    'birthday.',
    "The new deduction for teachers' classroom supplies is a separate thing: it has nothing to "
    'do with your brokerage or IRA write-offs.',
    "Forum: my Roth has no RMDs while I'm alive. My traditional IRA does, though: it needs "
    'withdrawals from 73.',
    'Back in 2022, a missed RMD still cost you 50% of the shortfall; SECURE 2.0 lowered that '
    'to 25% for 2023 onward.',
    'Q: Can I deduct the loss now that my IRA is worth less than I put in?\nA: No. That '
    "write-off disappeared after 2017 and isn't coming back.",
    "Q: Does the 10% penalty apply if I roll over my 401(k)?\nA: No, a rollover isn't a "
    "withdrawal, so there's nothing to penalize.",
    "Many readers believe their 401(k) loss is deductible. It isn't.",
    "If you're 50 or older this year, you can add another $8,000 on top of the $24,500 limit.",
    "The limit on what you can borrow from your 401(k) hasn't changed in years: it's still "
    '$50,000.',
    'Not every early withdrawal is penalized: separation from service in the year you turn 55 '
    'or later is one of the exceptions.',
    "Once you've taken a hardship distribution, you can't pay it back into the plan.",
    'Years ago, someone who emptied all their IRAs at a loss could deduct it. That ended with '
    'the 2017 tax law.',
    "You don't have to empty your IRA to avoid the wash-sale rule; just don't buy the same "
    'fund in it within 30 days.',
]
WRONG = [
    ('For 2026, the 401(k) deferral cap is $23,500.', 'elective-deferral-limit'),
    ('Good news: IRA losses become deductible again in 2026.', 'misc-itemized-return-2026'),
    ('The mandatory 20% withholding applies to hardship withdrawals too.',
     'hardship-mandatory-withholding'),
    ('Left your job at 52? Once you turn 55 you can use the rule of 55 on that 401(k).',
     'rule-of-55-left-before-55'),
    ('The K-12 educator carve-out lets you write off your 401(k) losses.',
     'educator-carve-out-covers-losses'),
    ('You can still recharacterize a Roth conversion if the market drops.',
     'conversion-recharacterize'),
    ('The penalty for a missed RMD is 50% of the shortfall.', 'rmd-excise-rate'),
    ('Everyone 60 and older gets the $11,250 catch-up.', 'catch-up-60-plus'),
    ('Capital losses can offset unlimited ordinary income.', 'capital-loss-unlimited-offset'),
]


@pytest.fixture(scope="module")
def problems(problems_in_body):
    return problems_in_body


@pytest.mark.parametrize("body", CORRECT)
def test_correct_sentences_in_real_page_styles_draw_no_problem(problems, body):
    assert problems(body) == set()


@pytest.mark.parametrize(("body", "claim"), WRONG)
def test_their_wrong_twins_stay_flagged(problems, body, claim):
    assert claim in problems(body)


def test_a_myth_line_opens_no_procedure_for_the_fact_line_under_it(problems):
    body = ("Myth: IRA losses become deductible again in 2026.\n\n"
            "Fact: The ban on that deduction is permanent now.")
    assert problems(body) == set()
    # stated in the writer's own voice, the abolished rule still opens its steps
    assert problems("You can deduct an IRA loss if you close every IRA you own. To do it:\n\n"
                    "1. Cash out every traditional IRA.\n2. Itemize on Schedule A.")


# A premise told of the reader ("You left at 52") before a consequence of the other polarity
# (", so that door's closed", ", so the rule of 55 can't help you"): the premise states a
# circumstance, not the rule of 55 the paragraph around it speaks of. On main a0e5cef 4/4
# were flagged rule-of-55-left-before-55.
PREMISES = [
    'The separation has to come in or after the year you turn 55. You quit at 51, so that door '
    'is shut for the old plan.',
    'The rule of 55 needs you to leave in the year you turn 55 or later. She retired at 53, so '
    'that ship has sailed for her 401(k).',
    'Only a separation in or after the year you turn 55 counts. You left at 50, so you\'re out '
    'of luck with that plan.',
    "You left at 52, so the rule of 55 can't help you with this 401(k), even after your 55th "
    'birthday.',
]
PREMISES_WRONG = [
    'The rule of 55 covers penalty-free withdrawals from your plan. You left at 52, so the rule '
    'of 55 applies to this 401(k) once you turn 55.',
    'I quit at 53 and used the rule of 55 on that 401(k) at 55.',
    'Left your job at 52? Once you turn 55 you can use the rule of 55 on that 401(k).',
]


@pytest.mark.parametrize("body", PREMISES)
def test_a_premise_before_a_denied_consequence_states_no_rule(problems, body):
    assert problems(body) == set()


@pytest.mark.parametrize("body", PREMISES_WRONG)
def test_the_rule_of_55_stated_of_a_job_left_too_early_stays_flagged(problems, body):
    assert "rule-of-55-left-before-55" in problems(body)


# What the writer or a reader has heard, without "that", is reported, not stated (a myth the
# page may go on to answer). On main a0e5cef 4/4 were flagged as stated.
HEARSAY = [
    "Q: I heard there's a cap of one rollover every year.",
    'I heard you can still recharacterize a Roth conversion. Is that right?',
    "We've heard the IRA loss deduction is back for 2026.",
    'Forum: I keep hearing Roth IRAs have RMDs at 73. Is that so?',
]
HEARSAY_WRONG = [
    ('I heard back from HR: you can still recharacterize a Roth conversion.',
     'conversion-recharacterize'),
    ('You can only do one rollover per year.', 'rollover-one-per-year-unqualified'),
    ('Roth IRAs have RMDs at 73, as I heard from my planner.', 'roth-ira-rmd'),
]


@pytest.mark.parametrize("body", HEARSAY)
def test_what_someone_heard_is_reported_not_stated(problems, body):
    assert problems(body) == set()


@pytest.mark.parametrize(("body", "claim"), HEARSAY_WRONG)
def test_the_same_rules_in_the_writers_own_voice_stay_flagged(problems, body, claim):
    assert claim in problems(body)


# "has nothing to do with your 401(k) losses": the bracket of a plan's name closes nothing,
# so the losses are set aside too; "skip RMDs" said of a whole class is a let-off, not a
# missed distribution. On main a0e5cef 4/6 were flagged.
SET_ASIDE_AND_LET_OFF = [
    'The K-12 educator write-off has nothing to do with your 401(k) losses.',
    "Teachers' new classroom-expense deduction has nothing to do with losses in a 403(b).",
    'Q: Does the 2026 educator break help with my IRA losses?\nA: No, it has nothing to do '
    'with 401(k) or IRA losses.',
    'Roth IRA owners skip RMDs. Traditional accounts are different: they require withdrawals '
    'from 73.',
    'With a Roth IRA you get to skip required distributions for life.',
    '- Roth IRA: original owner skips RMDs entirely',
]
SET_ASIDE_AND_LET_OFF_WRONG = [
    ('The teacher deduction lets you write off your 401(k) losses.',
     'educator-carve-out-covers-losses'),
    ('The new educator deduction covers 401(k) losses too.', 'educator-carve-out-covers-losses'),
    ('Roth IRA owners must take RMDs at 73.', 'roth-ira-rmd'),
]


@pytest.mark.parametrize("body", SET_ASIDE_AND_LET_OFF)
def test_what_is_set_aside_or_let_off_is_not_stated(problems, body):
    assert problems(body) == set()


@pytest.mark.parametrize(("body", "claim"), SET_ASIDE_AND_LET_OFF_WRONG)
def test_the_educator_and_roth_rmd_errors_stay_flagged(problems, body, claim):
    assert claim in problems(body)
