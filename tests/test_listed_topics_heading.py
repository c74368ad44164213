"""A heading that lists several accounts names the page's topics (issue 12, borrowed subjects).

A thread titled "RMD age, Roth 401(k), and Mom's inherited IRA" is about three things; a
later "It's lower now." about the RMD penalty does not stand for the Roth 401(k). A heading
that names one account, or an account named in the sentences just before, still lends it.
Paraphrases written for these tests, in several page shapes (forum, Q&A, list, title).
"""

from __future__ import annotations

import pytest

CLAIM = "roth-401k-rmd"


def _claims(check_text, text: str) -> set[str]:
    return {f.claim_id for f in check_text(text, ".md").findings if not f.suppressed}


@pytest.mark.parametrize("text", [
    "# RMD age, Roth 401(k), and Mom's inherited IRA\n\n**Poster1** · Feb 5, 2025\n\n"
    "The penalty for a missed RMD is 50% of what you should have taken.\n\n---\n\n"
    "**Poster2** · Feb 5, 2025\n\nIt's lower now. It's 25% of the shortfall.\n",
    "## Roth 401(k), Roth IRA and inherited IRA rules\n\nQ: When must I take my first RMD?\n"
    "A: It's due by April 1 of the year after you turn 73.\n",
    "# What happens to your IRA and Roth 401(k) at 73\n\nThe first RMD can wait until "
    "April 1 of the next year. It is taxed as ordinary income.\n",
    "# 401(k), Roth 401(k) and IRA FAQ\n\nMy dad is 75 and already takes RMDs.\n"
    "It's 25% if he misses one, 10% if he fixes it fast.\n",
    "Thread: Roth IRA vs Roth 401(k) vs inherited IRA\n\nreply from jim: My mom started RMDs "
    "before she died. It's 10 years to empty it, with annual amounts in the meantime.\n",
])
def test_a_pronoun_does_not_take_one_of_the_accounts_a_heading_lists(check_text, text):
    assert CLAIM not in _claims(check_text, text)


@pytest.mark.parametrize("text", [
    "Roth 401(k) checklist\n- Remember it has required minimum distributions each year\n",
    "Thread: Roth 401(k) withdrawals\n\nreply from jim: it still has RMDs, so move it to a "
    "Roth IRA before 73.\n",
    # several accounts in the title, but the sentence before names the one "it" stands for
    "# Roth IRA vs. Roth 401(k) vs. inherited IRA\n\nMy husband has a Roth 401(k) at work. "
    "It still has RMDs, so he'll roll it into a Roth IRA before 73.\n",
])
def test_a_heading_that_names_one_account_still_lends_it(check_text, text):
    assert CLAIM in _claims(check_text, text)
