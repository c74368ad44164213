"""The abolished pre-2018 IRA-loss write-off on other writers' pages, second pass (issue 12;
session 13, branch oldira2): the second old-pages set (tests/data/ira-loss-old-pages-2/, run by
:mod:`ira_loss_old_pages_2` through the real Checker for tax year 2026).

Pages dated 2012-2017 or undated (``o*``: a plain-text export, HTML with a dated meta, a
Markdown forum thread, a Q&A column, an FAQ with JSON-LD, a listicle with a table, a "Step one
\u2014" guide, a newsletter, a worked example, a plain forum export, a radio transcript, a
glossary, a checklist) present the write-off as available in words other than the first set's:
each such line is flagged with an IRA-loss fact, ``outdated``, or ``false`` where it is wrong
under the old rule too; correct lines stay quiet. Pages dated 2024-2026 (``h*``) tell the same
facts as the past: nothing on them is flagged.
"""

from __future__ import annotations

import pytest

from ira_loss_old_pages import row_ok
from ira_loss_old_pages_2 import counts, history_findings, page_findings, rows, stray
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

ROWS = rows()

STILL_MISSED = frozenset({
    # a hedge on a step the page left to the title ("you may be able to take the loss on
    # your return" after a heading "When a Roth loses money": "a Roth" names no IRA)
    ("o1-export-2014-roth.txt", "you may be able to take the loss on your return"),
    # the grouping by kind in other words: left out, a SEP left open, a spouse's "her
    # accounts"
    ("o1-export-2014-roth.txt", "Your traditional IRAs don't enter into it"),
    ("o2-html-2016-firm.html",
     "If you keep a SEP open from your consulting years, the deduction is off the table"),
    ("o4-qa-column-2013.txt", "Her accounts are tested separately from yours"),
    ("o10-worked-example-2014.html", "Had she also owned a small SEP IRA that she left open"),
    # a step with no procedure open (a heading "When a Roth loses money", a checklist item)
    ("o1-export-2014-roth.txt", "Compare the total you got back with your unrecovered basis"),
    ("o14-checklist-2016.txt", "Total your Forms 8606 to know your basis"),
    # teasers and replies: "relief in the tax code", a vocative inside "There is, Carla, but
    # ...", "Not always." to a statement, an endorsement after a quoted reply, a bare "Yes."
    ("o2-html-2016-firm.html", "There is relief in the tax code for that situation"),
    ("o12-radio-transcript-2017.txt", "There is, Carla, but it's drastic"),
    ("o8-undated-blog.md", "Not always."),
    ("o3-forum-2015-thread.md", "Mike is right about that part"),
    ("o5-faq-2017.html", "Yes."),
    # titles: "The Hidden Tax Break in a Losing IRA" names no deduction (a title that opens
    # the procedure is a finding itself since oldpage, session 14)
    ("o8-undated-blog.md", "The Hidden Tax Break in a Losing IRA"),
    # a warning in the steps' text that names neither the loss nor the rule (the
    # prerequisite "You'll need your Form 8606 for every year you made a nondeductible
    # contribution" is found since yrec3, session 16: it names the after-tax money of the basis)
    ("o7-steps-2012-plain.txt", "A partial withdrawal will not work"),
    # the other account said to stay, by its name ("The rollover can stay.")
    ("o11-forum-2012-plain.txt", "The rollover can stay"),
    # batch 2: a Roth loss said to need the traditional IRAs closed too (flagged outdated, not
    # false); the steps of the test on the same pages are found since aold, session 17
    # (matching/old_mechanics.py)
    ("o17-forum-2017.txt", "you also have to close your traditional IRAs for it to count"),
})
"""Wrong lines still missed (strict xfails: a change that catches one shows)."""

STRAY = frozenset({
    # a glossary's term on its own ("**Miscellaneous itemized deductions.** Deductions on
    # Schedule A that ...") borrows the IRA loss from the entry before
    ("o13-glossary-2013.md", "Miscellaneous itemized deductions."),
    # the false row's sentence, flagged outdated (the row above)
    ("o17-forum-2017.txt", "Careful, you also have to close your traditional IRAs"),
})
"""Problem findings on the old pages that no row expects (the sentence's start)."""

HISTORY_FLAGGED = frozenset({
    # the same glossary dated 2026: the term on its own, and a definition whose only verb is
    # in its relative clause ("Deductions on Schedule A that counted only above 2% of AGI;
    # barred for every year after 2017")
    ("h12-glossary-2026.md", "Miscellaneous itemized deductions."),
    ("h12-glossary-2026.md", "Deductions on Schedule A that counted only above 2%"),
})
"""Findings on the history pages that should not be there (strays still left)."""


@pytest.fixture(scope="module")
def found(checker):
    return page_findings(checker)


def _id(row) -> str:
    return f"{row.page}-{row.words[:40]}-{row.verdict}"


@pytest.mark.parametrize("row", [r for r in ROWS if r.verdict != "quiet"
                                 and (r.page, r.words) not in STILL_MISSED], ids=_id)
def test_a_wrong_line_is_flagged_with_its_fact_and_verdict(found, row):
    assert row_ok(found, row), (row, [f for f in found[row.page] if row.words in f[0]])


@pytest.mark.parametrize("row", [r for r in ROWS if (r.page, r.words) in STILL_MISSED],
                         ids=_id)
@pytest.mark.xfail(strict=True, reason="still missed: see STILL_MISSED")
def test_a_line_still_missed(found, row):
    assert row_ok(found, row)


def test_every_still_missed_entry_names_a_row():
    assert {(r.page, r.words) for r in ROWS} >= STILL_MISSED


@pytest.mark.parametrize("row", [r for r in ROWS if r.verdict == "quiet"], ids=_id)
def test_a_correct_line_stays_quiet(found, row):
    assert row_ok(found, row), [f for f in found[row.page] if row.words in f[0]]


def test_no_other_finding_on_the_old_pages(found):
    extra = {(page, sentence) for page, sentence, _, _ in stray(found)}
    known = {(page, s) for page, s in extra
             if any(page == p and s.startswith(start) for p, start in STRAY)}
    assert extra == known
    assert len(known) == len(STRAY)


def test_the_history_pages_stay_quiet(found):
    flagged = {(page, sentence) for page, sentence, _, _ in history_findings(found)}
    known = {(page, s) for page, s in flagged
             if any(page == p and s.startswith(start) for p, start in HISTORY_FLAGGED)}
    assert flagged == known
    assert len(known) == len(HISTORY_FLAGGED)


def test_the_counts_recorded_in_the_commits(found):
    # batch 1 (o1-o14, h1-h13) and batch 2 (o15-o17, h14-h16)
    c = counts(found)
    assert (c["caught"], c["wrong"]) == (99 - len(STILL_MISSED), 99)
    assert (c["quiet"], c["right"]) == (43, 43)
    assert (c["history_quiet"], c["history_pages"]) == (15, 16)


def _problems(db, text: str, name: str = "p.txt") -> list[tuple[str, str, str]]:
    report = Checker(db, tax_year=2026).check(read_bytes(text.encode(), name))
    return [(f.sentence, f.claim_id, f.verdict) for f in report.findings
            if f.verdict != "accurate" and f.framing == "stated"]


def test_a_thread_title_sets_up_no_case_for_the_first_post(db):
    # the title asks ("deduct it?") over a post's header: the asker's own situation states
    # nothing, on a current page or an old one; the reply that states the rule is flagged
    for year, verdict_wanted in (("2025", None), ("2012", "outdated")):
        text = (f"Investors Hangout \u203a Taxes \u203a IRA took a beating, deduct it?\n"
                f"dave wrote on Mon Mar 10, {year} 8:14 pm\n"
                "My after-tax IRA is down about $4k from what I put in. Can I get a write-off?\n"
                "Re: IRA took a beating, deduct it?\n"
                f"sunny wrote on Mon Mar 10, {year} 9:02 pm\n"
                "Cash out every traditional IRA you own and deduct the shortfall on Schedule A.\n")
        found = _problems(db, text)
        assert not [f for f in found if f[0].startswith("My after-tax IRA")], found
        on_reply = {v for s, _, v in found if s.startswith("Cash out every")}
        assert on_reply == ({verdict_wanted} if verdict_wanted else set()) or (
            verdict_wanted is None and on_reply <= {"false", "outdated"})


@pytest.mark.parametrize(("reply", "flagged"), [
    ("Yes, but it's a big step.", True),
    ("You can, with a catch.", True),
    ("In some cases, yes.", True),
    ("Your brother is onto something.", True),
    ("No. Your brother is remembering an old rule.", False),
    ("Yes, but that was before the 2017 law ended it.", False),
])
def test_a_yes_with_a_catch_answers_the_old_write_off(db, reply, flagged):
    text = ("Ask the Money Doc\nPublished October 6, 2013\n"
            "Q. My brother says I can deduct the loss on my traditional IRA. Is he right?\n"
            f"A. {reply}\n")
    found = [f for f in _problems(db, text) if reply[:12] in f[0]]
    assert bool(found) == flagged, found
    assert all(v == "outdated" for _, _, v in found)
