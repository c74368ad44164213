"""Precision on correct prose (issue 12, points 4-5; ninth session, prec6).

Correct pages written blind still drew false alarms from five families of construction. Each
list holds own-words sentences (headlines, bullets, Q&A answers, table rows, forum voice) in
which the construction says nothing wrong, and each ``*_WRONG`` list the same rules stated as
today's, which must stay flagged:

- history told as history: "once began", "used to start", "for decades", "back when",
  "until SECURE 2.0", "could once be undone", "in the old rulebook", someone else's story;
- a heading that names topics ("Roth accounts and required distributions": "required" before
  its noun is an adjective, not the heading's verb);
- reported speech and indirect questions ("told her she can", "was told", "her adviser said
  she could", "asked if", "wanted to know if"), unless the writer endorses them ("As my CPA
  told me, ...", "..., and she's right");
- a row naming the under-50 group under a paragraph on the 60-63 catch-up;
- denials of an escape ("doesn't excuse you from the extra 10%", "won't get you off the hook
  for the extra 10% tax"), a washed loss "normally" kept, what a thing "has nothing to do
  with".
"""

from __future__ import annotations

import pytest

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

HISTORY = [
    'Required withdrawals used to start at 70½. Today most retirees begin at 73.',
    'When my grandfather retired, his RMDs kicked in at 70½.',
    'Q: Why did my mom start her RMDs at 70½?\nA: Because that was the rule for anyone born '
    'before July 1949.',
    'Congress first set the starting age at 70½, lifted it to 72 in 2019, and then moved it to '
    '73 in 2022.',
    'The required beginning age sat at 70½ for decades.',
    '- Old rule (pre-2020): RMDs began at 70½',
    'Back when I started investing, you could recharacterize a Roth conversion if the market '
    'tanked.',
    'In 2016 you could still undo a conversion by October 15 of the following year.',
    'Missing an RMD once cost you half the shortfall.',
    'The penalty for a skipped RMD was 50% until SECURE 2.0 cut it to 25%.',
    'Plans once required you to borrow from the 401(k) before they would approve a hardship.',
    'For years, plans froze your contributions for six months after a hardship withdrawal.',
    'Up through 2017, savers who emptied every IRA could deduct the shortfall on Schedule A.',
    'My father wrote off a loss on his IRA back in 2009, when closing every account still '
    'qualified.',
    'Then the 2017 law came along and suspended that deduction; the 2025 law made the '
    'suspension permanent.',
    'Forum post: years back my CPA had me recharacterize a conversion after the 2015 dip. That '
    'option died with tax reform.',
    "Grandma's first RMD came at 70½; my dad's came at 72.",
    '- Pre-SECURE Act: first RMD at 70½\n- SECURE Act (2019): 72\n- SECURE 2.0: 73, later 75',
    'The old 50% penalty on missed RMDs once made people panic. Today it is 25%.',
    'Roth conversions could once be undone, but tax reform took that away for 2018 on.',
    'Q: My uncle says he deducted his IRA loss in 2012. How?\nA: Back then, closing every IRA '
    'of the same kind let you claim the shortfall on Schedule A.',
    'Hardship rules used to require a six-month contribution freeze; that ended with plan '
    'years starting in 2020.',
    'Until 2018, a conversion could be recharacterized by the extended filing deadline.',
    'For a long time the IRA catch-up sat at $1,000 and never moved.',
    'In the old rulebook, plans made you take every available loan before a hardship payout.',
    'When my parents retired, required distributions kicked in the year they turned 70½.',
    # the old loss test told by kind: two groups side by side, an "Old rule:" label
    'Before 2018 you had to cash out every IRA of one kind: all the traditional ones together, '
    'or all the Roth ones together.',
    'The old test ran by type: traditional, SEP and SIMPLE IRAs as one group, Roth IRAs as '
    'another.',
    'Old rule: close every traditional-type IRA together, or every Roth IRA together, and '
    'compare what came out with your basis.',
    # a worked example dated by its label is of that year
    'A 2016 example: a filer who had put in $6,000 of nondeductible money cashed out every '
    'traditional IRA for $4,000. The $2,000 shortfall went on Schedule A, and the part above 2% '
    'of AGI was deductible.',
    'Example (2014): Dana closed all her IRAs for $3,000 less than her basis. She deducted the '
    'excess over 2% of AGI on Schedule A.',
    # a third own-words set: other past times and a rule taken away
    'Your parents probably remember when the missed-RMD penalty was a brutal 50%.',
    'Years back, hardship rules made you exhaust plan loans first. Not anymore.',
    'The six-month freeze on deferrals after a hardship withdrawal was dropped for plan years '
    'after 2019.',
    'In those years a 70-year-old with a March birthday had to begin RMDs the following year at '
    '70½.',
]
HISTORY_WRONG = [
    ('RMDs kick in at 70½.', 'rmd-start-age-70-half'),
    ('You still have to begin required withdrawals at 70½.', 'rmd-start-age-70-half'),
    ('You can recharacterize a Roth conversion if the market tanks.', 'conversion-recharacterize'),
    ('You can still undo a conversion by October 15 of the following year.',
     'conversion-recharacterize'),
    ('Miss an RMD and the IRS takes half the shortfall.', 'rmd-excise-rate'),
    ('Your plan will make you borrow from the 401(k) before it approves a hardship.',
     'hardship-loan-first'),
    ('Plans freeze your contributions for six months after a hardship withdrawal.',
     'hardship-contribution-suspension'),
    ('Savers who empty every IRA can deduct the shortfall on Schedule A.',
     'ira-loss-deduction-outdated'),
    ('You can recharacterize a conversion by the extended filing deadline.',
     'conversion-recharacterize'),
    ('- Missed RMD: 50% penalty', 'rmd-excise-rate'),
    ('Plans make you take every available loan before a hardship payout.', 'hardship-loan-first'),
    ('Hardship rules require a six-month contribution freeze.', 'hardship-contribution-suspension'),
    ('Before 2018 you had to cash out all your IRAs, Roth and traditional together.',
     'ira-loss-grouped-across-kinds'),
    ('Old rule: your traditional and Roth IRAs were lumped together for the loss test.',
     'ira-loss-grouped-across-kinds'),
    ('A 2026 example: close all your IRAs for $3,000 less than your basis and deduct the '
     'shortfall on Schedule A.', 'ira-loss-misc-deduction-outdated'),
    ('The missed-RMD penalty is a brutal 50%.', 'rmd-excise-rate'),
    ('Hardship rules make you exhaust plan loans first.', 'hardship-loan-first'),
]

TOPIC_HEADINGS = [
    '## Roth IRAs and required distributions\n\nRoth IRA owners never have to take RMDs while '
    'alive.',
    '## Hardship withdrawals and the 10% penalty\n\nA hardship payout is usually hit with the '
    "10% tax if you're under 59½.",
    "## IRA losses and your tax return\n\nA drop inside an IRA isn't deductible.",
    "## Roth conversions and recharacterization\n\nSince 2018 a conversion can't be undone.",
    "## Hardship money and rollovers\n\nYou can't roll a hardship payout into an IRA.",
    "## Borrowing and your IRA\n\nIRAs don't allow loans; only workplace plans do.",
    '### Wash sales and IRA purchases\n\nIf your IRA buys the same fund within 30 days, the '
    'loss is disallowed for good.',
    '## Roth 401(k)s and RMDs\n\nSince 2024, Roth money in a 401(k) has no lifetime RMDs '
    'either.',
    '## Roth 401(k)s and required minimum distributions\n\nSince 2024, Roth money in a '
    'workplace plan has no lifetime RMDs.',
    '### Roth IRAs: required withdrawals?\n\nNone while the owner is alive.',
    '## Inherited Roth IRAs and required payouts\n\nBeneficiaries generally must empty the '
    'account within ten years.',
    '## Roth accounts, RMDs and your heirs\n\nOwners never have to withdraw; heirs do.',
    '## Increased catch-up limits for ages 60 to 63\n\nThe larger catch-up is $11,250 for 2026.',
    '## Reduced penalty for missed RMDs\n\nSince 2023 the excise tax is 25%, or 10% if fixed '
    'in time.',
    '## Roth conversions and the 10% penalty\n\nA conversion itself never triggers the 10% '
    'penalty.',
    '### Rollovers and mandatory withholding\n\nA direct rollover avoids the 20% withholding.',
    '## Required minimum distributions and Roth IRAs\n\nA Roth IRA owner never has to take '
    'them.',
    '## Hardship withdrawals, loans and repayment\n\nA loan gets paid back; a hardship payout '
    "can't be.",
    '## Qualified distributions from a Roth IRA\n\nEarnings come out tax-free after five years '
    'and 59½.',
    # a pronoun after "traditional accounts" stands for them, not for the Roth IRA before
    "## Roth accounts and RMDs\n\nRoth IRA owners never face RMDs. For traditional accounts, "
    'they now begin at 73.',
    'A Roth IRA has no RMDs while you live. With pre-tax accounts, they kick in at 73.',
    '## Roth IRAs and withdrawals\n\nNo RMDs for the owner. In traditional retirement accounts '
    'they start at 73, or 75 if you were born in 1960 or later.',
    "From 2027 the Saver's Match replaces the credit. The money can't go into a Roth IRA. It is "
    'deposited in a traditional-style account and taxed when you withdraw it.',
]
TOPIC_HEADINGS_WRONG = [
    ('## Roth IRAs have required distributions too\n\nPlan ahead for the withdrawals.',
     'roth-ira-rmd'),
    ('## Hardship withdrawals skip the 10% penalty\n\nHere is what to know.',
     'hardship-withdrawal-penalty-free'),
    ('## IRA losses are deductible\n\nHere is what to know.', 'retirement-loss-deductible'),
    ('## Roth conversions can still be recharacterized\n\nHere is what to know.',
     'conversion-recharacterize'),
    ('## Roll your hardship money into an IRA\n\nHere is what to know.',
     'hardship-withdrawal-repayable'),
    ('## Borrow from your IRA\n\nHere is what to know.', 'ira-loan'),
    ('## Roth 401(k)s still require minimum distributions\n\nHere is what to know.',
     'roth-401k-rmd'),
    ('## Required distributions start at 70½\n\nHere is what to know.', 'rmd-start-age-70-half'),
    ('## Roth IRA owners must take RMDs\n\nHere is what to know.', 'roth-ira-rmd'),
    ('## Roth conversions trigger the 10% penalty\n\nHere is what to know.',
     'conversion-penalized'),
    ('## Hardship payouts can be repaid\n\nHere is what to know.', 'hardship-withdrawal-repayable'),
]

REPORTED = [
    "Someone at her office told her she can take money from her IRA at 50 because she's a "
    'police officer.',
    'A guy at the gym told me Roth IRAs have RMDs now.',
    'Her financial guy said she could pull from her IRA at 52 without the penalty.',
    "One listener asked if she could claim the Saver's Match on her 2026 return.",
    'A reader wanted to know if a hardship withdrawal avoids the 10% penalty.',
    "My benefits rep said hardship withdrawals aren't taxed. Is that right?",
    'The teller assured him he could reverse his Roth conversion.',
    'I was told you can borrow from an IRA for a down payment.',
    'Mike asked me whether he could deduct the drop in his 401(k).',
    'Several readers asked if the IRS takes half of a missed RMD.',
    "My sister's accountant mentioned that she could skip her RMD because she has a Roth "
    '401(k) too.',
    'Reader question: a listener asked me if recharacterizing a conversion is still allowed.',
    'Our branch manager told them they could skip the 10% because they were buying a first '
    'home with 401(k) money.',
    "Forum: my neighbor insists that RMDs still start at 70½. She's wrong; it's 73 now.",
    'A caller wanted to know if she can put her hardship withdrawal back later.',
    'Dear Penny: A coworker swears a 401(k) loan is taxable the day you take it. Is that true?',
    'He was told he could recharacterize his conversion if stocks fell.',
    'Several listeners asked me if the IRA limit is $8,000 this year.',
    # a reported question runs to the clause's end: its commas set off asides
    'One listener asked whether, as a couple filing jointly, they could each write off $3,000 '
    'of capital losses.',
    'He asked whether his Roth IRA, which he opened in 2010, has RMDs at 73.',
    'Several of you asked if, after a hardship withdrawal, you can pay the money back.',
    # professionals' beliefs
    'Many planners assumed the IRA loss write-off would come back in 2026.',
    'Some accountants believed the old IRA-loss deduction would be revived for 2026.',
]
REPORTED_WRONG = [
    ("She can take money from her IRA at 50 because she's a police officer.", 'public-safety-ira'),
    ('Roth IRAs have RMDs now.', 'roth-ira-rmd'),
    ("You can claim the Saver's Match on your 2026 return.", 'savers-match-available-now'),
    ("Hardship withdrawals aren't taxed.", 'hardship-withdrawal-tax-free'),
    ('You can reverse your Roth conversion.', 'conversion-recharacterize'),
    ('You can borrow from an IRA for a down payment.', 'ira-loan'),
    ('As my CPA told me, you can deduct the drop in your 401(k).', 'retirement-loss-deductible'),
    ("My HR rep said hardship withdrawals aren't taxed, and she's right.",
     'hardship-withdrawal-tax-free'),
    ('As our planner explained, Roth IRAs now have RMDs too.', 'roth-ira-rmd'),
    ('They could skip the 10% because they were buying a first home with 401(k) money.',
     'first-home-exception-401k'),
    ('A 401(k) loan is taxable the day you take it.', 'plan-loan-taxable'),
    ('He could recharacterize his conversion if stocks fell.', 'conversion-recharacterize'),
    ('The IRA limit is $8,000 this year.', 'ira-limit'),
    ('As a couple filing jointly, you can each write off $3,000 of capital losses.',
     'capital-loss-limit-per-spouse'),
    ('His Roth IRA, which he opened in 2010, has RMDs at 73.', 'roth-ira-rmd'),
    ('After a hardship withdrawal, you can pay the money back.', 'hardship-withdrawal-repayable'),
    ('The IRA loss write-off comes back in 2026.', 'misc-itemized-return-2026'),
]

AGE_GROUPS = [
    '| Age during 2026 | Base | Catch-up | Total |\n|---|---|---|---|\n| Younger than 50 | '
    '$24,500 | — | $24,500 |\n| 50–59 | $24,500 | $8,000 | $32,500 |\n| 60–63 | $24,500 | '
    '$11,250 | $35,750 |',
    'Under age 50 — Total: $24,500',
    'Savers under 50: $24,500 total for 2026',
    'Age 49 or younger — most you can defer in 2026: $24,500',
    "If you're 45, your total 2026 deferral limit is $24,500.",
    'Ages 50–59 — Total: $32,500',
    '64 and older — Total: $32,500',
    'In 2026, those under 50 can put in $24,500 in total, while 60- to 63-year-olds can reach '
    '$35,750.',
    '## Catch-ups for 2026\n\nWorkers who turn 60, 61, 62 or 63 get a larger catch-up of '
    '$11,250.\n\n| Age | Total you can defer |\n|---|---|\n| Younger than 50 | $24,500 |\n| 50 '
    'to 59 | $32,500 |\n| 60 to 63 | $35,750 |',
    '## Catch-ups for 2026\n\nWorkers who turn 60, 61, 62 or 63 get a larger catch-up of '
    '$11,250.\n\nUnder age 50 — Total: $24,500',
    "## Catch-ups for 2026\n\nIf you're 60 to 63, the catch-up jumps to $11,250 in 2026.\n\n- "
    'Not yet 50: $24,500 in all\n- 50 and over: $32,500 in all',
    '## 401(k) limits 2026\n\nThe super catch-up for ages 60-63 stays at $11,250.\n\nSavers '
    'below 50 can defer a total of $24,500.',
    '## 401(k) limits 2026\n\nThe super catch-up for ages 60-63 stays at $11,250.\n\nAge 64 '
    'and older — Total: $32,500',
    '## 401(k) limits 2026\n\nThe super catch-up for ages 60-63 stays at $11,250.\n\nAges '
    '50–59 — Total: $32,500',
    "Forum: the 60-63 window gets $11,250 extra. Me? I'm 45, so my total for 2026 is just "
    '$24,500.',
    '## 2026 deferral caps\n\nAnyone aged 60 through 63 can add $11,250.\n\nYounger than fifty '
    '— total: $24,500',
    '## 2026 at a glance\n\nAt 60 through 63 you can add $11,250 instead of $8,000.\n\n- Age '
    '49 and under — Total: $24,500\n- Age 50–59 — Total: $32,500',
    '## 2026 at a glance\n\nAt 60 through 63 you can add $11,250 instead of $8,000.\n\nNot yet '
    '50? Your total is $24,500.',
    '## 2026 at a glance\n\nAt 60 through 63 you can add $11,250 instead of $8,000.\n\nSavers '
    'younger than 50 — combined total: $24,500',
    # a cell with a dash for a year has no value for it
    '| Catch-up | 2024 | 2025 | 2026 |\n|---|---|---|---|\n| Ages 60–63 | — | $11,250 | $11,250 |',
    'Extra catch-up, ages 60 to 63 — 2024: –',
]
AGE_GROUPS_WRONG = [
    ('Ages 60–63 — Total: $32,500', 'deferral-total-60-63'),
    ('Savers aged 60 to 63 can defer $32,500 in total for 2026.', 'deferral-total-60-63'),
    ('In 2026, someone aged 61 can put in a total of $34,750.', 'deferral-total-60-63'),
    ('## 401(k) limits 2026\n\nThe super catch-up for ages 60-63 stays at $11,250.\n\nAges '
     '60–63 — Total: $24,500',
     'deferral-total-60-63'),
    ('## 401(k) limits 2026\n\nThe super catch-up for ages 60-63 stays at $11,250.\n\nSo '
     'the 60-63 total for 2026 is $34,750.',
     'deferral-total-60-63'),
    ('## 2026 at a glance\n\nAt 60 through 63 you can add $11,250 instead of $8,000.\n\n- '
     'Ages 60–63 — Total: $32,500',
     'deferral-total-60-63'),
    ('Extra catch-up, ages 60 to 63 — 2024: $11,250', 'catch-up-60-63-before-2025'),
]

DENIALS = [
    "Being in hardship doesn't get you out of the extra 10% if you're under 59½.",
    "A hardship payout won't spare you the 10% early-withdrawal tax.",
    "Qualifying for a hardship withdrawal doesn't exempt you from the 10% penalty.",
    "A washed loss isn't gone; it gets added to the cost basis of the shares you bought back.",
    "The disallowed loss isn't forfeited — it moves into the basis of the replacement shares, "
    'at least in a taxable account.',
    'Recharacterizing a conversion is no longer an option.',
    'Undoing a Roth conversion has been off the table since 2018.',
    'The new teacher deduction has nothing to do with IRA losses.',
    'The IRA loss write-off is off the table for good.',
    '## Wash sales and your IRA\n\nIf your IRA buys the same fund within 30 days, the loss is '
    "disallowed. Normally a washed loss isn't gone, because it's added to the basis of the new "
    'shares.',
    '## Buying back in a Roth\n\nA purchase in your Roth IRA within the window counts as a '
    "wash sale. Ordinarily the disallowed loss isn't lost for good; it shifts into the cost of "
    'the replacement shares.',
    'Q: I rebought the ETF in my IRA. Do I keep the loss?\nA: No. Usually a wash-sale loss '
    "isn't forfeited, since it gets tacked onto your new basis, but an IRA purchase is the "
    'exception.',
    '## IRAs and the wash-sale rule\n\nWith an IRA as the buyer, the loss is gone. In a '
    "typical wash sale, though, the loss isn't lost: it moves into the basis of the shares you "
    'bought back.',
    "A hardship label won't get you off the hook for the extra 10% tax.",
    'Qualifying as a hardship does nothing to shield you from the additional 10%.',
    'Recharacterizing a Roth conversion is no longer possible.',
    'The IRA loss write-off is gone for good, and the new educator deduction has nothing to do '
    'with it.',
    '## Wash sales and IRAs\n\nAn IRA purchase makes the loss vanish. Ordinarily, though, a '
    'washed loss just gets deferred.',
    # a rule said to cease
    'After 59½, the per-conversion clock stops mattering.',
    "Once you turn 59½, each conversion's five-year countdown ceases to apply.",
    'Q: Does the conversion clock matter at 62?\nA: No. Past 59½, the conversion clocks stop '
    'counting for the penalty.',
    'Reached 59½? Then those conversion waiting periods stop applying to you.',
    'Undoing a Roth conversion is out of the question since 2018.',
]
DENIALS_WRONG = [
    ('Hardship status excuses you from the extra 10% tax.', 'hardship-withdrawal-penalty-free'),
    ('A hardship payout spares you the 10% early-withdrawal tax.',
     'hardship-withdrawal-penalty-free'),
    ('You can still recharacterize a conversion.', 'conversion-recharacterize'),
    ('A hardship payout can be rolled into an IRA.', 'hardship-withdrawal-repayable'),
    ('The new teacher deduction also covers IRA losses.', 'educator-carve-out-covers-losses'),
    ('You can write off an IRA loss on Schedule A.', 'ira-loss-misc-deduction-outdated'),
    ('## Wash sales and your IRA\n\nIf your IRA buys the same fund within 30 days, the '
     "washed loss isn't lost; it's added to your IRA's basis.",
     'wash-sale-ira-workaround'),
    ('A hardship label gets you off the hook for the extra 10% tax.',
     'hardship-withdrawal-penalty-free'),
    ('Qualifying as a hardship shields you from the additional 10%.',
     'hardship-withdrawal-penalty-free'),
    ('You can still recharacterize a Roth conversion.', 'conversion-recharacterize'),
    ("Even after 59½, each conversion's five-year clock still applies.",
     'roth-conversion-clock-after-59'),
    ('The five-year conversion clock keeps applying after 59½.', 'roth-conversion-clock-after-59'),
]


@pytest.fixture(scope="module")
def problems(problems_in_body):
    return problems_in_body


@pytest.mark.parametrize("body", HISTORY + TOPIC_HEADINGS + REPORTED + AGE_GROUPS + DENIALS)
def test_correct_sentences_of_the_five_families_draw_no_problem(problems, body):
    assert problems(body) == set()


@pytest.mark.parametrize(("body", "claim"), HISTORY_WRONG + TOPIC_HEADINGS_WRONG
                         + REPORTED_WRONG + AGE_GROUPS_WRONG + DENIALS_WRONG)
def test_the_same_rules_stated_for_today_stay_flagged(problems, body, claim):
    assert claim in problems(body)


@pytest.mark.parametrize(("written", "body"), [
    ("2015-11-02", "A 2015 example: Dana closes all her IRAs for $3,000 less than her basis. "
                   "She can deduct the excess over 2% of AGI on Schedule A."),
    ("2016-03-01", "Example (2016): close every traditional IRA, and the shortfall below your "
                   "basis is deductible on Schedule A."),
])
def test_an_old_page_dating_its_example_in_its_own_year_still_states_the_old_rule(
        db, written, body):
    text = f"---\ntitle: IRA losses\ndate: {written}\n---\n\n{body}\n"
    report = Checker(db).check(read_bytes(text.encode(), "article.md"))
    assert "ira-loss-misc-deduction-outdated" in {f.claim_id for f in report.findings}
