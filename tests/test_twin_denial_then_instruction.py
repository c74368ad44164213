"""A denial, then a dash or colon, then an instruction of its own: the denial stays on its
side ("you don't need to empty the others -- close only the account that's down and claim
the loss" says to close one IRA and claim the loss, the old rule's known error; it is not
"IRA losses can't be deducted"). Instructions after a denial elsewhere stay right."""

from __future__ import annotations

import pytest

OLD_PAGE = "Posted March 2014\n\n{body}\n"
NEW_PAGE = "Updated January 2026\n\n{body}\n"


def _verdicts(report) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in report.findings}


@pytest.mark.parametrize("body", [
    "A tip for clients: if just one of your IRAs has tanked, you don't need to empty the "
    "others -- close only that account and claim the loss on it.",
    "You don't have to cash out every IRA — just close the losing one and deduct the "
    "shortfall.",
    "No need to liquidate all your IRAs; shut the one that dropped and write off the loss.",
    "Q: Do I have to close all my IRAs? A: No -- only the one that lost money, and then you "
    "deduct the loss.",
    "- Don't bother emptying your other IRAs: cash out the loser and claim the loss.",
    "You won't have to touch your other accounts -- just empty the IRA that fell and deduct "
    "the difference.",
])
def test_closing_only_the_losing_ira_after_a_denial_is_false(check_text, body):
    found = _verdicts(check_text(OLD_PAGE.format(body=body)))
    assert ("ira-loss-close-losing-ira-only", "false") in found
    assert ("retirement-loss-not-deductible", "accurate") not in found


@pytest.mark.parametrize("body", [
    "You can't pick just one IRA -- close every traditional IRA you own and claim the loss "
    "only if the total you got back is below your basis.",
    "You don't get to close only the losing IRA — every traditional IRA has to be cashed out "
    "before you can deduct the shortfall.",
    "Q: Can I close just the IRA that lost money? A: No -- all of your traditional IRAs must "
    "be emptied before you deduct the loss.",
    "- Don't close only the loser: the loss counts only when every traditional IRA is emptied.",
])
def test_the_old_rule_stated_rightly_is_not_the_close_one_error(check_text, body):
    found = _verdicts(check_text(OLD_PAGE.format(body=body)))
    assert not any(claim == "ira-loss-close-losing-ira-only" for claim, _ in found)


@pytest.mark.parametrize("body", [
    "You can't deduct a loss inside your IRA — use your taxable account for tax-loss "
    "harvesting instead.",
    "Don't cash out your 401(k) to cover the bills: take a plan loan and repay it.",
    "A hardship withdrawal can't be rolled over -- take a loan if you want to put the money "
    "back.",
    "Don't roll over via a check -- move the money in a direct rollover so nothing is "
    "withheld.",
    "Your IRA losses aren't deductible: claim capital losses in your brokerage account "
    "instead.",
    "You don't have to take RMDs from a Roth IRA — leave the money to grow.",
    "You won't owe the 10% penalty on a direct rollover — just move the whole balance.",
    "There's no penalty exception for hardship — pay the 10% if you're under 59½.",
])
def test_an_instruction_after_a_denial_on_another_topic_stays_quiet(check_text, body):
    report = check_text(NEW_PAGE.format(body=body))
    assert [f.claim_id for f in report.findings if f.verdict != "accurate"] == []
