"""Branch dold's families (tests/data/dold_families.yaml, run by :mod:`q5_families`), from
development misses on old pages (d4, a1, v1: dated 2014-2016) that tell two abolished rules
as current in lines that leave the rule to the page: the IRA-closure write-off sent to
Schedule D as a capital loss (wrong even under the old rule,
:mod:`taxcheck.matching.old_schedule_d`), and undoing a Roth conversion told through what it
gets you or as a to-do (:mod:`taxcheck.matching.old_undo`), the write-off weighed as an option
(caught on main already), and "not year by year, but when you cash out" whose exception is
the write-off (:mod:`taxcheck.matching.old_yearly`); and what does not count toward basis told
with "took a deduction for", a definition after any step, no step of the write-off
(:mod:`taxcheck.matching.not_steps`); closing only the losing account dismissed ("Doesn't
work; it's all or nothing", :mod:`taxcheck.matching.old_all_or_none`); a row of related
links split by middle dots (page furniture); and a line that only names the move ("The IRS
calls this a recharacterization.", the claim's NAMED_AS). Twins: the same told as history on
a 2026 page, the write-off denied a capital loss, a taxable account's losses on Schedule D, a
contribution recharacterized, the writer's own story. The ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/dold_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "dold_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # a Q&A reply with one stated finding of the write-off before it: the page gate
    # (old_mechanics.presents) wants two
    "sd-md-qa-reply",
    # "the conversion is gone, and so is the tax bill on it" is read as the accurate "can no
    # longer be recharacterized" ("gone" as a rule ended), which keeps the sentence said
    "ur-md-no-conversion",
    # "(advisers call this a recharacterization)" frames the whole sentence as someone's view
    # (a myth), before this branch's change too
    "nm-md-bracket-aside",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_dold_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _said(checker, text: str, claim: str) -> dict[str, str]:
    report = checker.check(read_bytes(text.encode(), "page.md"), tax_year=2026)
    return {f.sentence: f.verdict for f in report.findings if f.claim_id == claim}


SCHEDULE_D = "ira-loss-closure-capital-loss"
_OLD_LOSS_PAGE = ("# Write off a losing IRA\n*Posted April 2, 2015*\n\nIf you cash out every "
                  "traditional IRA you own for less than your basis, you can deduct the "
                  "difference.\n\n## Claiming it\n\nThe loss goes on Schedule A as a "
                  "miscellaneous itemized deduction above 2% of your AGI. {body}\n")
"""An old page that walks through the write-off (two stated findings open the gate)."""


@pytest.mark.parametrize("body, sentence", [
    ("If you don't itemize, put it on Schedule D as a capital loss instead.",
     "If you don't itemize, put it on Schedule D as a capital loss instead."),
    ("Standard-deduction filers can count it as a capital loss.",
     "Standard-deduction filers can count it as a capital loss."),
    ("That way it can offset your capital gains.", "That way it can offset your capital gains."),
])
def test_old_page_sends_the_write_off_to_schedule_d(checker, body, sentence):
    assert _said(checker, _OLD_LOSS_PAGE.format(body=body), SCHEDULE_D).get(sentence) == "false"


@pytest.mark.parametrize("body, sentence", [
    # denied, asked, capital losses in general, a taxable account's sale
    ("It never goes on Schedule D.", "It never goes on Schedule D."),
    ("Can it go on Schedule D instead?", "Can it go on Schedule D instead?"),
    ("Unused capital losses carry forward to later years.",
     "Unused capital losses carry forward to later years."),
    ("Shares you sell at a loss in a brokerage account go on Schedule D.",
     "Shares you sell at a loss in a brokerage account go on Schedule D."),
])
def test_old_page_other_schedule_d_lines_stay_quiet(checker, body, sentence):
    assert sentence not in _said(checker, _OLD_LOSS_PAGE.format(body=body), SCHEDULE_D)


def test_history_page_is_quiet(checker):
    text = ("# What happened to the IRA loss deduction?\n*Updated February 3, 2026*\n\n"
            "Before 2018 you could deduct the shortfall on Schedule A after cashing out every "
            "IRA. It was never a capital loss. Since 2018 there is nothing to claim.\n")
    assert not _said(checker, text, SCHEDULE_D)


UNDO = "conversion-recharacterize"
_OLD_UNDO_PAGE = ("# Converted before the slide?\n*Published March 9, 2016*\n\n"
                  "If your Roth conversion lost value, you can recharacterize it. The deadline "
                  "to recharacterize a conversion is October 15 of the next year.\n\n{body}\n")
"""An old page that walks through the do-over (two stated findings open the gate)."""


@pytest.mark.parametrize("body", [
    "No conversion, no tax on the lost value.",
    "You would avoid the tax on $8,000 of income that vanished.",
    "Talk to your adviser about recharacterizing before October.",
    "- Consider recharacterizing before the deadline.",
])
def test_old_page_tells_the_undo_through_its_result(checker, body):
    assert _said(checker, _OLD_UNDO_PAGE.format(body=body), UNDO).get(
        body.lstrip("- ")) == "outdated"


@pytest.mark.parametrize("body", [
    # a contribution recharacterized is still allowed; the writer's own story; a question
    "Talk to your adviser about recharacterizing a regular contribution before October.",
    "I paid tax on money that had vanished because I never asked.",
    "Would you save the tax on income that vanished?",
])
def test_old_page_other_undo_lines_stay_quiet(checker, body):
    assert body not in _said(checker, _OLD_UNDO_PAGE.format(body=body), UNDO)


YEARLY = "retirement-loss-not-deductible-yet"
_OLD_YEARLY_PAGE = ("# Can you deduct a falling IRA?\n*Posted October 9, 2014*\n\nIf you cash out "
                    "every traditional IRA you own for less than your basis, the shortfall is a "
                    "miscellaneous itemized deduction. Only the part above 2% of your AGI "
                    "counts.\n\n{body}\n")
"""An old page that walks through the write-off (two stated findings open the gate)."""


def test_old_page_not_yearly_then_the_exception(checker):
    """The exception is the write-off told as today's; the "not yet" stays misleading."""
    body = ("You can't deduct the slide as it happens, but the loss becomes deductible once "
            "you cash out fully.")
    report = checker.check(read_bytes(_OLD_YEARLY_PAGE.format(body=body).encode(), "page.md"),
                           tax_year=2026)
    said = {(f.claim_id, f.verdict) for f in report.findings if f.sentence == body}
    assert said >= {("ira-loss-deduction-outdated", "outdated"), (YEARLY, "misleading")}


@pytest.mark.parametrize("body", [
    # the penalty, not the write-off; a question
    "You can't deduct the slide as it happens, and cashing out early costs a 10% penalty.",
    "You can't deduct the slide as it happens. Can you deduct it once you cash out?",
])
def test_old_page_not_yearly_without_the_exception(checker, body):
    report = checker.check(read_bytes(_OLD_YEARLY_PAGE.format(body=body).encode(), "page.md"),
                           tax_year=2026)
    last = body.split(". ")[-1] if "?" in body else body
    assert not [f for f in report.findings
                if f.claim_id == "ira-loss-deduction-outdated" and last in f.sentence]


_OLD_MISTAKES_PAGE = ("# Deducting a loss in your IRA\n*Posted September 8, 2014*\n\nIf you cash "
                      "out every traditional IRA you own for less than your basis, the shortfall "
                      "is deductible as a miscellaneous itemized deduction. Only the part above "
                      "2% of your AGI counts.\n\n## Mistakes to avoid\n\n{body}\n")
"""An old page that walks through the write-off (two stated findings open the gate)."""


def _outdated_steps(checker, body: str) -> set[str]:
    report = checker.check(read_bytes(_OLD_MISTAKES_PAGE.format(body=body).encode(),
                                      "page.md"), tax_year=2026)
    return {f.sentence for f in report.findings
            if f.claim_id == "ira-loss-deduction-outdated" and f.verdict == "outdated"}


@pytest.mark.parametrize("body, sentence", [
    ("- **Closing just the IRA that fell.** No good; it's all or nothing.",
     "No good; it's all or nothing."),
    ("- Draining one account while another stays open doesn't work.",
     "Draining one account while another stays open doesn't work."),
])
def test_old_page_dismisses_closing_one_account(checker, body, sentence):
    assert sentence in _outdated_steps(checker, body)


@pytest.mark.parametrize("body, sentence", [
    # another subject; history; a question; no single account named
    ("- **Rolling over only part of one IRA.** Doesn't work after 60 days.",
     "Doesn't work after 60 days."),
    ("- Before 2018, closing only one IRA never worked; it was all or nothing.",
     "Before 2018, closing only one IRA never worked; it was all or nothing."),
    ("- Closing just one account: does that work?", "Closing just one account: does that work?"),
    ("- **Guessing at your basis.** Doesn't work; keep your Forms 8606.",
     "Doesn't work; keep your Forms 8606."),
])
def test_old_page_other_dismissals_stay_quiet(checker, body, sentence):
    assert sentence not in _outdated_steps(checker, body)
