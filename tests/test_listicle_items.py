"""A numbered item of a listicle whose heading points back to the item before ("1. Harvest
capital losses" ... "2. Remember the $3,000 is per person", "2. Double it if you're
married") and names no loss, account or topic of its own goes on with what that item spoke
of: its sentences may leave the loss implied. A numbered heading that only names another
move ("6. Swap, don't repurchase") starts afresh, and the correct twins stay quiet."""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes

LOSS_ITEM = ("Sell a stock that's down and the loss cancels your gains first, then up to "
             "$3,000 of ordinary income.")


def _problems(checker, name: str, text: str) -> set[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode(), name))
    return {(f.claim_id, f.sentence) for f in report.findings
            if f.verdict != "accurate" and f.framing != "myth"}


JOINT_AS_DOUBLE = {"capital-loss-limit-per-spouse", "capital-loss-limit-joint"}
"""The claims that a joint return gets $6,000 of capital losses against income."""

WRONG = [
    ("page.md", "# Tax moves for a down market\n\n## 1. Harvest capital losses\n\n"
     f"{LOSS_ITEM}\n\n## 2. Remember the $3,000 is per person\n\nMarried? Each spouse gets "
     "their own allowance, so a joint return can take $6,000 against salary.\n"),
    ("page.html", "<html><body><h1>Year-end checklist for investors</h1>"
     "<h3>1. Sell the losers</h3><p>Capital losses offset capital gains, and up to $3,000 of "
     "the excess offsets ordinary income.</p><h3>2. Remember the limit is per person</h3>"
     "<p>Married couples each get one, so together you can take $6,000 off your salaries.</p>"
     "<h3>3. Check your withholding</h3></body></html>"),
]
RIGHT = [
    ("page.md", "# Tax moves for a down market\n\n## 1. Harvest capital losses\n\n"
     f"{LOSS_ITEM}\n\n## 2. Married? It's still one allowance\n\nA joint return gets the same "
     "$3,000 against salary, not $6,000.\n"),
    ("page.html", "<html><body><h1>Year-end checklist for investors</h1>"
     "<h3>1. Sell the losers</h3><p>Capital losses offset capital gains, and up to $3,000 of "
     "the excess offsets ordinary income.</p><h3>2. Remember the limit is per return</h3>"
     "<p>Married couples share one, so together you can take only $3,000 off your salaries."
     "</p><h3>3. Check your withholding</h3></body></html>"),
]


@pytest.mark.parametrize(("name", "text"), WRONG)
def test_an_item_that_points_back_keeps_the_loss_of_the_item_before(checker, name, text):
    found = _problems(checker, name, text)
    assert any(claim in JOINT_AS_DOUBLE and "$6,000" in sentence
               for claim, sentence in found), found


@pytest.mark.parametrize(("name", "text"), RIGHT)
def test_the_correct_twin_stays_quiet(checker, name, text):
    assert _problems(checker, name, text) == set()


def test_an_item_that_names_another_move_starts_afresh(checker):
    text = ("# Six tax moves\n\n## 5. Don't rebuy it in your IRA\n\nIf your IRA buys the same "
            "shares within 30 days, the loss is disallowed for good.\n\n## 6. Swap, don't "
            "repurchase\n\nBuy a similar fund that tracks a different index instead. You stay "
            "invested and keep the loss.\n")
    assert not any(claim == "wash-sale-ira-workaround"
                   for claim, _ in _problems(checker, "page.md", text))
