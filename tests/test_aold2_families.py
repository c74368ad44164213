"""Branch aold2's families (tests/data/aold2_families.yaml, run by :mod:`q5_families`), from
development misses on old pages (t5, y1: dated 2012-2017) that tell two abolished rules as
current: undoing (recharacterizing) a Roth conversion, in headings, steps, table rows, worked
examples and forum replies that leave the conversion or the undoing to the page
(:mod:`taxcheck.matching.old_undo`, and "the required waiting period" read as no story of the
past, :mod:`taxcheck.matching.told_past`); and RMDs from 70 1/2 with the 50% penalty, in steps,
table rows and list items; on an old IRA-loss page, a heading that names the exception with
its basis (:mod:`taxcheck.matching.old_mechanics`) and "misc." abbreviated mid-sentence
(:mod:`taxcheck.nlp.sentences`). Twins: the same told as history on a 2026 page, a regular
contribution recharacterized, someone born before July 1949 starting at 70 1/2, 70 1/2 named
for charitable gifts. The ones not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/aold2_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "aold2_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "(no other misc. deductions)" in a worked example's row: the aside's "no" denies the
    # row's deduction (missed before this branch too; "(no other misc. items)" is caught)
    "ma-txt-table-row",
})
"""Wrong passages still missed."""

TWIN_FLAGGED = frozenset({
    # "A conversion is final: it can no longer be recharacterized." draws both the outdated
    # claim and its denial (on main before this branch; FINAL_WORD read with the colon's
    # clause)
    "ou-required-present-twin",
})
"""Correct twins still flagged."""

UNDO = "conversion-recharacterize"
_OLD_PAGE = ("# Converted before the slide?\n*Published March 9, 2016*\n\n"
             "If your Roth conversion lost value, you can recharacterize it. The deadline to "
             "recharacterize a conversion is October 15 of the next year.\n\n{body}\n")
"""An old page that walks through the do-over (two stated findings open the gate)."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_aold2_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _undo_sentences(checker, body: str) -> set[str]:
    report = checker.check(read_bytes(_OLD_PAGE.format(body=body).encode(), "page.md"),
                           tax_year=2026)
    return {f.sentence for f in report.findings if f.claim_id == UNDO}


@pytest.mark.parametrize("body, sentence", [
    # the page's own steps and headings: the do-over told as today's
    ("## How to reverse yours\n\nYour custodian has a form for it.", "How to reverse yours"),
    ("Once the wait is over, convert the money again at the lower price and owe less tax.",
     "Once the wait is over, convert the money again at the lower price and owe less tax."),
    ("You won't be taxed on value that has since vanished.",
     "You won't be taxed on value that has since vanished."),
])
def test_old_page_tells_the_undo(checker, body, sentence):
    assert sentence in _undo_sentences(checker, body)


@pytest.mark.parametrize("body, sentence", [
    # a contribution recharacterized is still allowed
    ("## How to switch a contribution instead\n\nA regular contribution can be moved too.",
     "How to switch a contribution instead"),
    # a heading over a definition names the word and tells no one to do anything
    ("## What recharacterizing means\n\nThe custodian moves the money back.",
     "What recharacterizing means"),
    # the writer's own story, and a question
    ("I converted again in January at a lower price, and my bill was smaller.",
     "I converted again in January at a lower price, and my bill was smaller."),
    ("Can you convert again later at a lower price?",
     "Can you convert again later at a lower price?"),
    # a loan from the plan, not the conversion
    ("Take a plan loan again at a lower rate and pay less interest.",
     "Take a plan loan again at a lower rate and pay less interest."),
])
def test_old_page_other_lines_stay_quiet(checker, body, sentence):
    assert sentence not in _undo_sentences(checker, body)


def test_a_2026_page_reads_no_heading_as_the_undo(checker):
    text = ("# What changed\n*Updated January 5, 2026*\n\nBefore 2018 you could "
            "recharacterize a conversion.\n\n## How to reverse one today\n\nYou can't.\n")
    report = checker.check(read_bytes(text.encode(), "page.md"), tax_year=2026)
    assert not [f for f in report.findings if f.claim_id == UNDO and f.verdict == "outdated"]


RMD_AGE = "rmd-start-age-70-half"
_OLD_RMD_PAGE = ("# When do RMDs start?\n*Posted May 4, 2016*\n\nRMDs start at 70 1/2. You "
                 "can no longer contribute to a traditional IRA after 70 1/2.\n\n{body}\n")
"""An old page that tells the 70 1/2 rules as today's (two stated findings open the gate)."""


def _rmd_age_sentences(checker, body: str) -> set[str]:
    report = checker.check(read_bytes(_OLD_RMD_PAGE.format(body=body).encode(), "page.md"),
                           tax_year=2026)
    return {f.sentence for f in report.findings
            if f.claim_id == RMD_AGE and f.verdict == "outdated"}


@pytest.mark.parametrize("body, sentence", [
    ("## The half-birthday, explained\n\nCount six months on from your 70th birthday.",
     "Count six months on from your 70th birthday."),
    ("Add six months to the date you turned 70.", "Add six months to the date you turned 70."),
])
def test_old_page_works_out_the_half_birthday(checker, body, sentence):
    assert sentence in _rmd_age_sentences(checker, body)


@pytest.mark.parametrize("body, sentence", [
    # the still-working delay at 70 1/2 is another claim's
    ("If you're still on the job at 70 1/2 and own no part of the company, you can wait.",
     "If you're still on the job at 70 1/2 and own no part of the company, you can wait."),
    # a case with its own birth year may be right
    ("Born in March 1946, Ed hit six months past his 70th birthday in 2016.",
     "Born in March 1946, Ed hit six months past his 70th birthday in 2016."),
    # charitable gifts
    ("A QCD is open to you from six months past your 70th birthday.",
     "A QCD is open to you from six months past your 70th birthday."),
])
def test_old_rmd_page_other_lines_stay_quiet(checker, body, sentence):
    assert sentence not in _rmd_age_sentences(checker, body)


_OLD_LOSS_PAGE = ("# Lost money in your IRA?\n*Posted March 12, 2014*\n\nIf you close every "
                  "traditional IRA and get back less than your basis, you can deduct the loss. "
                  "The loss goes on Schedule A as a miscellaneous itemized deduction.\n\n{body}\n")
"""An old page that walks through the IRA-loss write-off."""


def _loss_findings(checker, body: str, date: str = "March 12, 2014") -> dict[str, set[str]]:
    text = _OLD_LOSS_PAGE.format(body=body).replace("March 12, 2014", date)
    report = checker.check(read_bytes(text.encode(), "page.md"), tax_year=2026)
    found: dict[str, set[str]] = {}
    for f in report.findings:
        found.setdefault(f.sentence, set()).add(f"{f.claim_id}:{f.verdict}")
    return found


def test_old_page_heading_names_the_exception(checker):
    found = _loss_findings(checker, "## The exception: after-tax money\n\nBody text.")
    assert "ira-loss-deduction-outdated:outdated" in found["The exception: after-tax money"]


def test_exception_heading_elsewhere_stays_quiet(checker):
    found = _loss_findings(checker, "## The exception: Roth contributions\n\nBody text.")
    assert "The exception: Roth contributions" not in found
    found = _loss_findings(checker, "## The exception: after-tax money\n\nBody text.",
                           date="March 12, 2026")
    assert not {v for v in found.get("The exception: after-tax money", set())
                if v.endswith(":outdated")}


def test_misc_abbreviation_does_not_end_the_sentence(checker):
    found = _loss_findings(checker, "It counts as a misc. itemized deduction, so itemize.")
    assert "It counts as a misc. itemized deduction, so itemize." in found
    # a capital after it still starts a sentence
    found = _loss_findings(checker, "You may deduct it as misc. It goes on Schedule A.")
    assert "It goes on Schedule A." in found
