"""The tokenizer keeps plan and section names whole before a colon ("457(b): ...")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("line", "claim"), [
    ("457(b): early withdrawals before 59½ cost you the 10% penalty",
     "gov-457-withdrawal-penalized"),
    ("Roth 401(k): you still have to take RMDs starting at 73", "roth-401k-rmd"),
    ("72(t): you can take whatever amount you like before 59½, no penalty", "sepp-any-amount"),
])
def test_a_plan_name_before_a_colon_names_the_plan(check_text, line, claim):
    # spaCy reads "):" as an emoticon; the label line must read as "457(b) ..." does
    assert claim in {f.claim_id for f in check_text("\n" + line + "\n").findings}


def test_the_bracket_before_a_colon_is_a_token_of_its_own(checker):
    assert [t.text for t in checker.nlp.make_doc("457(b): the plan")][:3] == ["457(b", ")", ":"]
