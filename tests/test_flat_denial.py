"""A statement the next sentence flatly denies ("... It can't.", "... Not true.", "...
Doesn't work; ...") is a mistake the page knocks down, not the page's claim: it is framed
as a myth. A sentence that goes on after the same words ("It can't be simpler.", "It
doesn't matter how old you are.") denies nothing, and the statement stays the page's."""

from __future__ import annotations

import pytest

from taxcheck.matching.taken_back import takes_back


@pytest.mark.parametrize(("body", "claim"), [
    ("## Common mistakes I see\n\n- Assuming you can deduct a drop in your IRA's value while "
     "the account is open. You can't.", "retirement-loss-deductible"),
    ("## Mistakes to avoid\n\n- Closing only the IRA that lost money. Doesn't work; every IRA "
     "you own counts.", "ira-loss-close-losing-ira-only"),
    ("Conversions get hit with the 10% early withdrawal penalty. Nope.", "conversion-penalized"),
    ("Hardship withdrawals skip the 10% penalty. Not true.", "hardship-withdrawal-penalty-free"),
    ("You can write off 401(k) losses every year. That doesn't work; losses inside the plan "
     "never reach your return.", "retirement-loss-deductible"),
    ("Buying the same fund in your IRA dodges the wash-sale rule. It doesn\u2019t.",
     "wash-sale-ira-workaround"),
    ("Q: Do conversions get the 10% penalty?\n\nA: Conversions get hit with the 10% early "
     "withdrawal penalty. That's a myth.", "conversion-penalized"),
])
def test_a_flatly_denied_statement_is_not_the_pages_claim(problems_in_body, body, claim):
    assert claim not in problems_in_body(body)

@pytest.mark.parametrize(("body", "claim"), [
    ("You can deduct a drop in your IRA's value while the account is open. You can't skip the "
     "paperwork though.", "retirement-loss-deductible"),
    ("Conversions get hit with the 10% early withdrawal penalty. It doesn't matter how old you "
     "are.", "conversion-penalized"),
    ("Hardship withdrawals skip the 10% penalty. That's true for every plan.",
     "hardship-withdrawal-penalty-free"),
    ("You can write off 401(k) losses every year. It can't be simpler.",
     "retirement-loss-deductible"),
    ("Buying the same fund in your IRA dodges the wash-sale rule. It works every time.",
     "wash-sale-ira-workaround"),
])
def test_words_that_go_on_deny_nothing(problems_in_body, body, claim):
    assert claim in problems_in_body(body)

@pytest.mark.parametrize(("after", "denies"), [
    ("It can\u2019t.", True), ("You cannot.", True), ("Wrong.", True),
    ("Doesn't work; every IRA counts.", True), ("That's not true.", True),
    ("It can't be simpler.", False), ("That's true.", False), ("It isn't hard.", False),
    ("Not everyone qualifies.", False),
])
def test_flat_denials(after, denies):
    assert takes_back(after) is denies
