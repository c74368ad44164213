"""Round a's development false alarms by family (issue 12; session 17, branch aprec).

``tests/data/aprec_families.yaml`` holds whole short pages written from the fact sheet before
any change, each family with right twins that must stay quiet and wrong twins that must still
be flagged: an RMD's deadline ("still due by the end of this year", "before the end of the
current year") is no balance the RMD is figured from (``rmd-shrinks-with-market``'s
CURRENT_VALUE); a belief put in the crowd's mouth ("the common wisdom was that the deduction
would come back") is reported, not stated (cues.yaml ATTRIBUTION); money hurried, rushed or
pushed into a Roth IRA is a move, not the Roth IRA's RMD rule (concepts.yaml MOVE_MONEY); a
lead that names an act as forbidden before its colon ("One thing you can't do: borrow from an
IRA") denies what the colon opens (``nlp.frames.names_forbidden_act``); another deduction
named as the one that came back for 2026 ("The only miscellaneous item that came back is one
for K-12 teachers") is no return of the IRA-loss write-off (``misc-itemized-return-2026``);
cash set aside for a tax bill ("Set aside cash for April") is no contribution (concepts.yaml
CONTRIBUTE), so it is no step of the old six-month freeze before it; loan repayments the
reader can't afford are no repayable hardship withdrawal (``hardship-withdrawal-repayable``'s
AFFORD_REPAYMENTS); a tax bracket's rate ("the 22% bracket") in a worked example is no
penalty rate (``matching.figures``' _BRACKET_AFTER); the year of the law a thing was made by,
told in passing ("created by the 2022 SECURE 2.0 law", "passed in 2022"), is no tax year the
clause speaks of (``matching.years.dates_a_law``); a lead-in that denies a change ("It
doesn't change the tax:") leads into what still holds, and lends its items no denial
(``matching.retries.lead_ins.UNCHANGED``); the room left in a new job's plan after
deferrals in the old one's is the one limit across jobs, not a match taken off it (the
OTHER_JOB_PLAN of ``employer-match-counts-toward-deferral-limit``); an aside "(before any
catch-up)" leaves the catch-up out of its clause (``nlp.candidates._leaves_out``); the
range's upper figure named alone is its top, a cutoff that is right (concepts.yaml
RANGE_WORDS); a quoted post the reply wishes were true ("I wish this were true.", "Sadly,
no.") is rejected, the quote another poster's words (``matching.retries.quoted.stance``).
They run through the real Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/aprec_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from passage_runs import problems
from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.matching.retries.quoted import stance
from taxcheck.matching.years import dates_a_law
from taxcheck.nlp.frames import names_forbidden_act
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "aprec_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "Don't rush it into a Roth IRA to dodge RMDs: a Roth IRA makes you take RMDs at 73 too"
    # (missed before this branch: the clause after the colon is not read as the Roth IRA's RMD)
    "rd-wrong-roth-ira-rmd",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "I put $10,000 into my old plan before switching, so my new 401(k) can only take $14,500
    # more": the ", so" clause that states the remainder is cut from the old plan's clause
    "oj-html-forum",
})
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_aprec_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def test_the_listed_passages_exist():
    assert {p["id"] for p in PASSAGES} >= NOT_CAUGHT | TWIN_FLAGGED


def _said(checker, text: str) -> dict[str, str]:
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    return {f.claim_id: f.verdict for f in report.findings}


@pytest.mark.parametrize("text", [
    "One thing you can't do: borrow from an IRA.",
    "What you can\u2019t do: take a loan from your IRA.",
    "Something the IRS won't let you do: take a loan against your traditional IRA.",
])
def test_a_forbidden_act_named_after_its_colon_is_denied(checker, text):
    said = _said(checker, text)
    assert said.get("ira-no-loans") == "accurate"
    assert "ira-loan" not in said


class _Words:
    def __init__(self, text: str):
        self.words = text.split()
        self.idx = [0] * len(self.words)

    def word(self, i: int) -> str:
        return self.words[i]

    def end_char(self, i: int) -> int:
        return 0


@pytest.mark.parametrize(("lead", "forbidden"), [
    ("One thing you ca n't do :", True),
    ("What you ca n't do :", True),
    ("Something the IRS wo n't let you do :", True),
    ("The one move that is n't allowed :", True),
    ("Do n't bother emptying your other IRAs :", False),  # an order follows
    ("You do n't need to close them all :", False),
])
def test_a_lead_that_names_a_forbidden_act(lead, forbidden):
    words = _Words(lead)
    assert names_forbidden_act(words, 0, len(words.words) - 1) is forbidden


@pytest.mark.parametrize(("text", "flagged"), [
    ("Your second RMD is still due by the end of this year.", False),
    ("Take this year's RMD no later than the end of the current year.", False),
    ("Your RMD is figured from the IRA's value at the end of this year.", True),
])
def test_an_rmd_deadline_is_no_balance(checker, text, flagged):
    found = {f.claim_id for f in problems(
        checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026).findings)}
    assert ("rmd-shrinks-with-market" in found) is flagged


def test_cash_set_aside_for_the_tax_bill_is_no_step_of_the_freeze(checker):
    """The old six-month freeze is flagged on its own step; the next step, about cash for the
    tax bill, is none of it."""
    page = next(p for p in PASSAGES if p["id"] == "sc-html-hardship-steps")
    report = checker.check(read_bytes(page["text"].encode(), "page.html"), tax_year=2026)
    found = problems(report.findings)
    assert any("locked out of contributing" in f.sentence for f in found)
    assert not [f.claim_id for f in found if "Set aside cash" in f.sentence]


@pytest.mark.parametrize(("text", "contributes"), [
    ("Set aside cash for April.", False),
    ("Set aside some money to cover the tax bill.", False),
    ("Workers 50 and older can set aside more in their 401(k)s.", True),
    ("Set aside money in your 401(k) each month.", True),
])
def test_money_set_aside_for_a_bill_is_no_contribution(checker, text, contributes):
    report = checker.check(read_bytes(text.encode(), "page.txt"), tax_year=2026)
    assert ("CONTRIBUTE" in report.concepts) is contributes


@pytest.mark.parametrize(("before", "after", "law"), [
    ("The catch-up, created by the ", " SECURE 2.0 law, stays put", True),
    ("The super catch-up, a SECURE 2.0 change passed in ", ", lets savers", True),
    ("They didn't: the ", " budget law made the ban permanent.", False),  # the law's own act
    ("The limit for ", " is $24,500 under the new law", False),
    ("created by the ", " rules", False),
])
def test_the_year_of_a_law_told_in_passing(before, after, law):
    assert dates_a_law(before, after) is law


@pytest.mark.parametrize(("reply", "taken"), [
    ("I wish this were true. There's no box for it.", "rejects"),
    ("Sadly, no. Once it's out, it's out.", "rejects"),
    ("Unfortunately not. An IRA has no loan feature.", "rejects"),
    ("If only. The 10% applies.", "rejects"),
    ("I wish I'd known sooner: it works.", None),
])
def test_a_reply_that_wishes_the_quote_were_true_rejects_it(reply, taken):
    assert stance(reply) == taken
