"""Pages that present the abolished IRA-loss deduction as available: what its section says
of the rule (conditions put as denials, anaphora, announcements, lead-ins, worked examples)
states it too; the same words told as history, or about other things, stay quiet."""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes


def _flagged(checker, text: str) -> dict[str, set[str]]:
    report = checker.check(read_bytes(text.encode(), "page.txt"))
    out: dict[str, set[str]] = {}
    for f in report.findings:
        if f.verdict != "accurate" and not f.suppressed:
            out.setdefault(f.sentence, set()).add(f.claim_id)
    return out


def _holding(flagged: dict[str, set[str]], words: str) -> set[str]:
    return set().union(*(ids for sentence, ids in flagged.items() if words in sentence))


ABOLISHED = {"ira-loss-deduction-outdated", "ira-loss-misc-deduction-outdated"}


@pytest.mark.parametrize("page, sentences", [
    # a Q&A page: a denial under a condition, then a worked example in the next answer
    ("Can I Write Off My IRA Loss?\nUpdated: February 2014\nQ: My IRA is worth less than the "
     "after-tax money I put in. Is there a deduction?\nA: Yes. If you close every traditional "
     "IRA you own and get back less than your basis, you can deduct the shortfall.\nIf you "
     "claim the standard deduction instead of itemizing, the loss does you no good.\nQ: How "
     "big is the loss?\nA: Say you put in $10,000 of nondeductible contributions and receive "
     "$7,000 when you close the accounts. Your loss is $3,000.\n",
     ["If you claim the standard deduction", "Your loss is $3,000."]),
    # a forum post's steps: a denial inside a step keeps the steps going
    ("Re: deducting my IRA loss\nPosted by taxnerd on Jan 9, 2015\nHere's how to do it:\n"
     "1. Cash out all your traditional IRAs in the same year.\n2. If any IRA stays open, you "
     "don't get the loss.\n3. Total the after-tax contributions on your Form 8606s.\n4. "
     "Subtract what you got back; the difference is your loss.\n5. Report it on Schedule A.\n",
     ["If any IRA stays open", "Total the after-tax", "Subtract what you got back",
      "Report it on Schedule A"]),
    # blog prose: conditions on the deduction, "Assuming ..., " keeping its "no" to itself
    ("How to Deduct a Loss in Your IRA\nBy Lee Harmon | March 3, 2016\nYou can deduct a loss "
     "on a traditional IRA once you empty all of your traditional IRAs for less than your "
     "basis.\nUnless you itemize, the write-off won't help you at all.\nIf you're hit by the "
     "AMT, this deduction doesn't count.\nAssuming you have no other miscellaneous deductions, "
     "$2,000 of the loss would be deductible.\n",
     ["Unless you itemize", "If you're hit by the AMT", "Assuming you have no other"]),
    # "Schedule D." ends its sentence; the next one is a claim of its own
    ("IRA Losses: Where They Go on Your Return\nPosted June 2013\nYou can deduct an IRA loss if "
     "you cash out every IRA of the same type for less than your basis. It isn't reported on "
     "Schedule D. It goes on Schedule A with your other miscellaneous deductions.\n",
     ["It goes on Schedule A"]),
    # an announcement and a first step before the sentence that states the rule
    ("Re: IRA down 30% since I rolled it over\nThere's one exception worth knowing about. Move "
     "your old 401(k) into an IRA first. Then empty every IRA you hold for less than your "
     "basis, and the shortfall can be written off on Schedule A.\n",
     ["There's one exception worth knowing about.", "Move your old 401(k) into an IRA first."]),
    # a lead-in to the steps and a sentence naming the rule closely, in prose
    ("How the IRA Loss Write-Off Works\nUpdated May 2016\nYou can deduct a loss on your IRAs "
     "if you close every traditional IRA you own for less than your basis. Your tax preparer "
     "can help with the paperwork. It shows up on Schedule A as a miscellaneous itemized "
     "deduction, above the 2% floor.\nReady to use it? Here's how to take the write-off on "
     "this year's return:\n1. Request a full distribution from each traditional IRA.\n",
     ["Here's how to take the write-off", "Request a full distribution"]),
    # a list of requirements, one of them also stating a correct definition of basis, and a
    # conditional denial after it
    ("Turning an IRA Loss Into a Write-Off\nIssue #12 - November 2014\nThere's a way to "
     "deduct a loss on nondeductible IRA money, but the rules are strict:\n* You must empty all "
     "of your traditional IRAs in one year.\n* What you get back has to come in under your "
     "basis, the after-tax dollars you put in.\nIf you still own any traditional IRA at "
     "year-end, you have no loss to report.\n",
     ["What you get back has to come in", "If you still own any traditional IRA"]),
    # a definite reference to the deduction just described
    ("IRA Losses and Your Return\nPosted April 2015\nYou can deduct an IRA loss once you close "
     "every traditional IRA you own for less than your basis.\nThe write-off is usually small, "
     "but it adds up after a bad decade.\nThis deduction is worth the most to people who "
     "already itemize.\n",
     ["The write-off is usually small", "This deduction is worth the most"]),
])
def test_the_abolished_rule_is_stated_again_in_its_section(checker, page, sentences):
    flagged = _flagged(checker, page)
    for words in sentences:
        assert _holding(flagged, words) & ABOLISHED, (words, flagged)


def test_emptying_the_whole_balance_of_every_ira_is_the_old_loss_test(checker):
    flagged = _flagged(checker, (
        "Taking an IRA loss\nIf you take out the entire balance of all your traditional IRAs "
        "and receive less than your basis, you can deduct the difference.\n"))
    assert flagged and set().union(*flagged.values()) == {"ira-loss-deduction-outdated"}, flagged


@pytest.mark.parametrize("page, words", [
    ("Closing out IRAs at a loss\nPosted March 2011\nYou can deduct an IRA loss once you close "
     "every IRA you own for less than your basis.\nFor this purpose your traditional and Roth "
     "IRAs are treated as one group.\n", "treated as one group"),
    ("Closing out IRAs at a loss\nPosted March 2011\nYou can deduct an IRA loss once you close "
     "every IRA you own for less than your basis.\nThe catch: you have to empty every "
     "traditional IRA and every Roth IRA you have, all in one year.\n", "every Roth IRA"),
])
def test_kinds_counted_as_one_for_the_loss_test_are_wrong_even_then(checker, page, words):
    assert "ira-loss-grouped-across-kinds" in _holding(_flagged(checker, page), words)


@pytest.mark.parametrize("page", [
    # the old rule told as history, its conditions and its worked example in the past
    "The IRA Loss Deduction Is Gone\nBefore 2018, if you closed every traditional IRA you owned "
    "for less than your basis, you could deduct the shortfall. If you took the standard "
    "deduction, the loss did you no good. Say you had put in $10,000 and got back $7,000. "
    "Your loss was $3,000. That deduction ended in 2018, and the 2025 law made the ban "
    "permanent.\n",
    "IRA losses after 2017\nBefore 2018 there was one narrow route. If you closed all your IRAs "
    "for less than your basis, you could deduct the shortfall. That deduction ended in 2018.\n",
    "IRA losses in 2026\nLosses inside an IRA are not deductible, even if you close every "
    "account.\nBefore 2018 there was a narrow exception: you had to empty every IRA of one "
    "kind, and the shortfall below basis went on Schedule A. If you took the standard "
    "deduction, it did nothing for you.\nToday it does not exist, and the 2025 law made that "
    "permanent.\n",
    # stock losses, an IRA's whole balance taken out, and the limit traditional and Roth share
    "Harvesting Losses in a Brokerage Account\nIf you sell a fund at a loss in a taxable "
    "account, you can use the loss against gains and then against up to $3,000 of other "
    "income.\nAssuming you have no gains this year, $3,000 of the loss would be deductible "
    "against your salary.\nA capital loss isn't reported on Schedule A. It goes on Schedule D "
    "with your other sales.\nIf you take out the entire balance of your IRA, the pre-tax part "
    "is taxed as ordinary income.\n",
    "IRA rules\nFor the old loss test, traditional and Roth IRAs were treated as separate "
    "groups.\nYou can contribute to every traditional IRA and every Roth IRA you own, up to the "
    "shared limit.\n",
    # the deduction referred to in the past, and another deduction
    "IRA Losses and Your Return\nBefore 2018 you could deduct an IRA loss once you closed every "
    "traditional IRA you owned for less than your basis.\nThe write-off was usually small. That "
    "deduction ended in 2018.\nThe standard deduction is a flat amount for each filing "
    "status.\n",
    # the requirements told in the past
    "How the Old IRA-Loss Rule Worked\nBefore 2018, the rules were strict:\n* You had to empty "
    "all of your traditional IRAs in one year.\n* What you got back had to come in under your "
    "basis, the after-tax dollars you put in.\nIf you still owned any traditional IRA at "
    "year-end, you had no loss to report. Congress ended the deduction in 2018.\n",
    # an exception and an instruction on other subjects
    "Moving an old 401(k)\nThere's one exception worth knowing about: Roth IRAs have no "
    "required distributions for the owner. Roll your old 401(k) into an IRA. Then pick "
    "low-cost funds.\n",
])
def test_the_same_words_told_as_history_or_of_other_things_stay_quiet(checker, page):
    flagged = _flagged(checker, page)
    assert not [ids for ids in flagged.values() if ids & (ABOLISHED | {
        "ira-loss-grouped-across-kinds", "basis-includes-pretax-money",
        "retirement-loss-deductible"})], flagged


def test_steps_of_another_subject_after_the_rule_are_no_steps(checker):
    flagged = _flagged(checker, (
        "Year-end checklist\nPosted November 2016\nYou can deduct a loss on your IRAs if you "
        "close every traditional IRA you own for less than your basis.\nChanging jobs? Here's "
        "how to move your old 401(k) to an IRA:\n1. Ask your old plan for a direct rollover.\n"
        "2. Pick your investments.\n"))
    assert not [s for s in flagged if "rollover" in s or "investments" in s
                or "Changing jobs" in s or "move your old" in s], flagged


def test_a_readers_question_on_another_kind_of_loss_ends_the_procedure(checker):
    flagged = _flagged(checker, (
        "Ask the Money Desk\nQ: Can I deduct the drop in my IRA?\nA: Only in one narrow "
        "situation. If you close all your IRAs of that kind and receive less than your basis, "
        "the difference is deductible on Schedule A.\nQ: I sold some stock at a loss in my "
        "brokerage account. Can I use it?\nA: Yes. The loss offsets your gains first, and then "
        "up to $3,000 of other income. Your loss is $4,000, so $1,000 carries forward.\n"))
    assert not _holding(flagged, "Your loss is $4,000") & ABOLISHED, flagged
    assert _holding(flagged, "If you close all your IRAs of that kind") & ABOLISHED, flagged


def test_a_denial_under_a_condition_on_the_market_stays_the_correct_rule(checker):
    # under the open procedure, a condition on how the deduction is claimed takes it for
    # granted; a condition on a market drop states that a paper loss is never deductible
    report = checker.check(read_bytes((
        b"IRA losses\nYou can deduct an IRA loss once you close every traditional IRA you own "
        b"for less than your basis.\nIf your IRA fell from $60,000 to $45,000 last year, there "
        b"is nothing to deduct just because of that drop.\n"), "page.txt"))
    said = {f.claim_id for f in report.findings if "just because of that drop" in f.sentence}
    assert said == {"retirement-loss-not-deductible"}, said
