"""False alarms on correct prose and on sentences that state nothing, by family (issue 12;
tenth session, quiet6).

An own-words set written before any change, in the shapes the round-k correct-only pages drew
alarms in: a worked conversion example's pro-rata share, "lesser of / greater of" rows,
denials with "None of ..." before ", and <new subject>", a loan's default told over two
sentences ("Miss that and the rest is treated as a withdrawal. You'll owe income tax on it."),
a loan offset "wiped out against your account" with a rollover deadline, forum furniture
("Follow-up: I also have a traditional IRA ... with $14k in it") under a loan thread, a
withdrawal after a loan ("What IRAs do have is a first-home break ... You'd still pay income
tax on it"), "the top of these ranges" as a right cutoff, and "take back what you put in".
On main a04ebc8: correct flagged 18/71, wrong twins caught 23/28; after: 2/71 and 23/28 (the
family ``titled`` was added after the first changes and measured on a04ebc8's code too).
"""

from __future__ import annotations

import pytest

FAMILIES: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}

CONV = ("## How a conversion is taxed\n\nWhen you move money from a traditional IRA to a Roth "
        "IRA, the pre-tax part is added to your income. If some of your traditional IRA money "
        "is after-tax, the pro-rata rule spreads it across every IRA you have.\n\n")
FAMILIES["worked"] = (
    [
        CONV + "Convert $20,000 when a tenth of your IRA dollars are basis, and only $2,000 of "
        "it comes over tax-free.",
        CONV + "If you convert $8,000, just 25% of it ($2,000) arrives tax-free.",
        CONV + "- Convert $15,000: $1,500 tax-free, $13,500 taxable",
        CONV + "Example: Dana converts $30,000. Only 10% of that ($3,000) moves over "
        "without tax.",
        CONV + "Say you convert $10,000. Only a fifth of it, $2,000, is tax-free.",
        CONV + "Converting $40,000? Only $4,000 of it would be tax-free, since basis is 10% "
        "of your IRA total.",
        CONV + "So a $12,000 conversion brings only $1,200 over tax-free.",
        CONV + "Of a $5,000 conversion, only 20% ($1,000) is tax-free.",
        CONV + "Step 3: Multiply the amount you convert by that percentage. Only that slice "
        "comes over tax-free.",
    ],
    [
        (CONV + "Convert $20,000 and all $20,000 of it comes over tax-free.",
         "conversion-tax-free"),
        (CONV + "Good news, though: if you convert $8,000, the whole amount arrives tax-free.",
         "conversion-tax-free"),
        (CONV + "Example: Dana converts $30,000 from her traditional IRA, and it moves over "
         "tax-free.", "conversion-tax-free"),
        ("Converting your traditional IRA to a Roth is tax-free.", "conversion-tax-free"),
    ],
)

FAMILIES["lesser"] = (
    [
        "## Penalty exceptions at a glance\n\nDomestic abuse victim — How much: lesser of "
        "$10,500 (2026) or 50% of vested balance",
        "## Penalty exceptions at a glance\n\n- Domestic abuse: the lesser of $10,300 (2025) "
        "or half your vested balance",
        "## Penalty exceptions\n\n| Exception | Cap |\n|---|---|\n| Domestic abuse victim | "
        "Lesser of $10,500 (2026) or 50% of vested balance |",
        "## Borrowing from your plan\n\nHow much: lesser of $50,000 or 50% of vested balance",
        "## Penalty exceptions\n\nEmergency expense — How much: lesser of $1,000 or your "
        "vested balance above $1,000",
        "## Catch-ups\n\nAges 60-63 — Amount: greater of $10,000 or 150% of the regular "
        "catch-up ($11,250 in 2026)",
        "Victims of domestic abuse can take the lesser of $10,500 or half their vested "
        "balance in 2026 without the 10% penalty.",
        "## 2024 rules\n\nIn 2024 a domestic abuse victim could take up to the lesser of "
        "$10,000 or 50% of the vested balance penalty-free.",
    ],
    [
        ("## Penalty exceptions at a glance\n\nDomestic abuse victim — How much: greater of "
         "$10,500 (2026) or 50% of vested balance", "domestic-abuse-greater-of"),
        ("## Borrowing from your plan\n\nHow much: greater of $50,000 or 50% of vested "
         "balance", "plan-loan-greater-of"),
        ("## Penalty exceptions at a glance\n\nDomestic abuse victim — How much: lesser of "
         "$12,000 (2026) or 50% of vested balance", "domestic-abuse-distribution-limit"),
    ],
)

FAMILIES["denial"] = (
    [
        "## What SECURE 2.0 added\n\nNone of the new categories above make an ordinary "
        "hardship withdrawal penalty-free, and most early withdrawals outside them still "
        "owe the 10% on top of income tax.",
        "None of these new exceptions makes a hardship distribution penalty-free, and the "
        "money is still taxed as income.",
        "Neither the emergency withdrawal nor the disaster exception makes a hardship "
        "payout penalty-free, and you still owe income tax on all of it.",
        "No new rule makes a hardship withdrawal penalty-free; it is taxed as ordinary "
        "income, too.",
        "None of this makes a hardship withdrawal tax-free, and the 10% still applies "
        "under 59½.",
        "Not one of those exceptions turns a hardship distribution into a penalty-free one, "
        "and it's all taxable.",
        "None of them makes your hardship money tax-free, and you'll owe income tax plus "
        "the penalty if you're young.",
        "None of the above lets you skip the penalty on a hardship withdrawal, and income "
        "tax applies regardless.",
    ],
    [
        ("All of the new categories above make an ordinary hardship withdrawal "
         "penalty-free, and most early withdrawals outside them still owe the 10%.",
         "hardship-withdrawal-penalty-free"),
        ("Each of these new exceptions makes a hardship distribution tax-free.",
         "hardship-withdrawal-tax-free"),
        ("Hardship withdrawals are penalty-free, and the money isn't taxed either.",
         "hardship-withdrawal-penalty-free"),
    ],
)

LOAN = ("Re: Borrowing from my 401k for a house\n\nPosted 04/19/2025\n\nIf you quit or get "
        "laid off, the plan can call the loan due. Miss that and the rest is treated as a "
        "withdrawal. ")
FAMILIES["conditional"] = (
    [
        LOAN + "You'll owe income tax on it plus the 10% penalty if you're under 59 1/2.",
        LOAN + "Then you owe income tax on it.",
        LOAN + "You would pay tax on that amount, and possibly the 10% penalty.",
        LOAN + "It gets taxed as ordinary income that year.",
        "If you stop repaying your 401(k) loan, the balance is treated as a distribution. "
        "You'll owe income tax on it.",
        "Default on the loan and the IRS treats the unpaid part as a withdrawal. That part "
        "is taxable.",
        "Fall behind on the loan past the grace period and it becomes a deemed distribution. "
        "You'll pay tax on it, plus the penalty if you're under 59½.",
        "A 401(k) loan isn't taxed while you repay it. If you don't repay, though, what's "
        "left is taxed as income.",
    ],
    [
        (LOAN.split("If you quit")[0] + "A 401(k) loan is taxable income. You'll owe income "
         "tax on it the year you borrow.", "plan-loan-taxable"),
        ("Taking a 401(k) loan? You'll owe income tax on the amount you borrow.",
         "plan-loan-taxable"),
        ("401(k) loans are taxed as income even when you repay on time.", "plan-loan-taxable"),
    ],
)

OFFSET_HEAD = "Re: Borrowing from my 401k for a house\n\nPosted 04/19/2025\n\n"
FAMILIES["offset"] = (
    [
        OFFSET_HEAD + "If you leave and the plan wipes out the unpaid balance against your "
        "account (a loan offset), you have until your tax return due date to roll that "
        "amount into an IRA.",
        OFFSET_HEAD + "When you leave, the plan cancels the loan against your balance. That's "
        "an offset, and you can roll the same amount over by your filing deadline, "
        "extensions included.",
        OFFSET_HEAD + "If the plan clears out the loan balance from your account when you "
        "quit, you can still put that amount into an IRA by the due date of your return.",
        "After you separate, the unpaid loan is wiped out against your vested balance; "
        "that offset counts as a distribution unless you roll it over by your tax-filing "
        "deadline.",
        "The plan erased the loan by subtracting it from my account after I left. My CPA "
        "said I have until my return's due date to roll over that amount.",
        "A loan offset happens when the plan wipes out what you still owe using your own "
        "balance; you then have until the tax-filing deadline to roll it over.",
        "They zeroed out the loan against my 401(k) when I was laid off, so I'm rolling "
        "that offset amount into an IRA before my return is due.",
        "If your job ends, the plan can net the loan out of your account balance, and "
        "you have until your tax filing due date to replace that amount in an IRA.",
    ],
    [
        (OFFSET_HEAD + "If you leave, the plan forgives whatever is left on the loan, so you "
         "never pay it back.", "plan-loan-forgiven"),
        ("When you quit, your 401(k) loan is simply wiped out and you owe nothing.",
         "plan-loan-forgiven"),
        (OFFSET_HEAD + "If the plan offsets your loan, you have only 60 days to roll it "
         "over.", "plan-loan-offset-60-days"),
    ],
)

THREAD = ("Re: Borrowing from my 401k for a house\n\nPosted 04/19/2025\n\nYou can borrow up "
          "to half your vested balance from the 401(k), capped at $50,000, and repay it "
          "through payroll.\n\n---\n\njess_in_columbus\n\nPosted 04/19/2025\n\n")
FAMILIES["furniture"] = (
    [
        THREAD + "Follow-up: I also have a traditional IRA from an old job with about $14k "
        "in it. Could I use that instead?",
        THREAD + "Edit: I have a Roth IRA too, about $9k. What about that one?",
        THREAD + "Update: I also have a rollover IRA from my last employer.",
        THREAD + "One more thing: my wife has a traditional IRA with $30k in it.",
        THREAD + "Quick follow-up. I've also got an old IRA sitting at Fidelity with maybe "
        "$20k.",
        THREAD + "PS: I also have a SEP-IRA from freelancing.",
        THREAD + "Thanks all. Also, I have a traditional IRA from a previous job, if that "
        "changes anything.",
        THREAD + "Side note: there's an old IRA of mine at Vanguard with about $11k.",
    ],
    [
        (THREAD + "Follow-up: you can also borrow from a traditional IRA, up to $50,000.",
         "ira-loan"),
        (THREAD + "Edit: my Roth IRA lets me take a loan too, so I'll borrow from that.",
         "ira-loan"),
        (THREAD + "Update: I borrowed $10k from my traditional IRA last year and paid it "
         "back.", "ira-loan"),
    ],
)

IRAHOME = (THREAD + "There's no such thing as an IRA loan. What IRAs do have is a first-home "
           "break: you can take out up to $10,000 over your lifetime for a home without the "
           "10% penalty. ")
FAMILIES["account"] = (
    [
        IRAHOME + "You'd still pay regular income tax on it.",
        IRAHOME + "It's still taxable, though.",
        IRAHOME + "Income tax still applies to that money.",
        IRAHOME + "You still owe ordinary income tax on the withdrawal.",
        "## Traditional IRA deduction ranges\n\nIf you're covered by a workplace plan, the "
        "deduction phases out between $81,000 and $91,000 for single filers in 2026. Once "
        "your income passes the top of these ranges, you can't deduct a traditional IRA "
        "contribution at all, so a Roth IRA may be the better fit.",
        "## Traditional IRA deduction ranges\n\nAbove the top of the range, a traditional "
        "IRA contribution isn't deductible, so a Roth IRA could be a better choice.",
        "## Traditional IRA deduction ranges\n\nEarn above the range and the deduction is "
        "gone entirely, so consider a Roth IRA or a taxable account instead.",
        "## Traditional IRA deduction ranges\n\nOnce you pass $91,000, no deduction is "
        "left, so a Roth IRA might suit you better.",
    ],
    [
        (THREAD + "You can also take a loan from your IRA.", "ira-loan"),
        ("## Roth IRA income limits\n\nIf you earn more than $153,000 as a single filer in "
         "2026, you can't contribute to a Roth IRA at all.", "roth-ira-phaseout-hard-cutoff"),
        (IRAHOME + "And you can borrow from an IRA for it too.", "ira-loan"),
    ],
)

HEALTH = ("## Early withdrawals\n\nWithdrawals before 59½ usually owe a 10% penalty on top of "
          "income tax. ")
FAMILIES["recharacterize"] = (
    [
        HEALTH + "Roth IRAs are friendlier. You can take back what you put in at any age "
        "without tax or penalty; it's the earnings (and recently converted money) that can "
        "get hit.",
        HEALTH + "With a Roth IRA you can take back your contributions whenever you like; "
        "converted money has its own five-year clock.",
        HEALTH + "From a Roth IRA you may take back your own deposits at any time, tax- and "
        "penalty-free.",
        HEALTH + "You can always pull back what you contributed to a Roth IRA; converted "
        "amounts and earnings are different.",
        HEALTH + "Roth contributions can be taken back any time. Conversions less than five "
        "years old may owe the penalty.",
        HEALTH + "Anything you put into a Roth IRA you can take back out, tax-free; recently "
        "converted dollars follow other rules.",
        HEALTH + "In a Roth IRA, you can get back your contributions without tax at any age; "
        "converted money may be penalized for five years.",
        HEALTH + "You can take back Roth IRA contributions at any age. Money you converted "
        "within five years is another story.",
    ],
    [
        ("You can still recharacterize a Roth conversion if the market drops.",
         "conversion-recharacterize"),
        ("Converted to a Roth and the market tanked? You can take the conversion back and "
         "redo it later.", "conversion-recharacterize"),
        ("If your conversion loses value, just undo it before your tax deadline.",
         "conversion-recharacterize"),
    ],
)

TITLED = ("Thread: Using a 401k loan for a down payment?\n\nPosted by jess · 04/18/2025\n\n"
          "I've got about $60k vested at work and we're short on the down payment.\n\n"
          "---\n\nFrugalFrank · 04/18/2025\n\nYou can take up to half of it.\n\n---\n\n")
FAMILIES["titled"] = (
    [
        TITLED + "Follow-up: I also have a traditional IRA from an old job with about $14k in "
        "it. Could I borrow from that instead?",
        TITLED + "Edit: there's also a Roth IRA with maybe $8k in it, if that matters.",
        TITLED + "My husband has a rollover IRA with $30k sitting in it.",
        TITLED + "PS: I have an old 403(b) too, nothing much in it.",
        TITLED + "No such thing as an IRA loan. What IRAs do have is a first-home break: you can "
        "take out up to $10,000 for a home without the 10% penalty. You'd still pay income "
        "tax on it.",
        TITLED + "An IRA can't lend you anything. You can withdraw up to $10,000 for a first "
        "home penalty-free, though. It's still taxable.",
    ],
    [
        (TITLED + "Follow-up: you can borrow from a traditional IRA too, with about $14k in "
         "it.", "ira-loan"),
        (TITLED + "My IRA lets me take a loan, so I'll use that.", "ira-loan"),
        (TITLED + "It's taxable income, so budget for the tax.", "plan-loan-taxable"),
    ],
)


CORRECT = [(family, body) for family, (correct, _) in FAMILIES.items() for body in correct]
WRONG = [(family, body, claim) for family, (_, wrong) in FAMILIES.items()
         for body, claim in wrong]
STILL_FLAGGED = {
    # a worked example listing the taxable and tax-free parts in one item
    "- Convert $15,000: $1,500 tax-free, $13,500 taxable",
    # "take back out" read as undoing
    "Anything you put into a Roth IRA you can take back out",
}
NOT_YET_CAUGHT = {
    "greater of $10,500", "greater of $50,000", "the plan forgives whatever is left",
    "It's taxable income, so budget", "the whole amount arrives tax-free",
}


@pytest.fixture(scope="module")
def problems(problems_in_body):
    return problems_in_body


@pytest.mark.parametrize(("family", "body"), CORRECT)
def test_correct_sentences_of_each_family_draw_no_problem(problems, family, body):
    if any(known in body for known in STILL_FLAGGED):
        pytest.skip("still flagged (left alone, see the module docstring)")
    assert problems(body) == set(), family


@pytest.mark.parametrize(("family", "body", "claim"), WRONG)
def test_their_wrong_twins_stay_flagged(problems, family, body, claim):
    if any(known in body for known in NOT_YET_CAUGHT):
        pytest.skip("not caught before the change either")
    assert claim in problems(body), family
