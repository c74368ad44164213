"""Steps of the abolished IRA-loss write-off under a heading that names them in other words
("The checklist", "A to-do list", "The process", "What to do"), after a heading that sums the
page up ("First, the short version"), and in HTML paragraphs that open with a bold step label
("<p><strong>Step 3: Total what you received.</strong> ...</p>") (issue 12; session 14,
branch urec). Each page is our own paraphrase, not a corpus sentence: every step of a
procedure an old page presents is a finding; a page of today with the same shape is not."""

from __future__ import annotations

import pytest

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes


def _stated(db, text: str, name: str) -> list[tuple[str, str]]:
    report = Checker(db, tax_year=2026).check(read_bytes(text.encode(), name))
    return [(f.sentence, f.verdict) for f in report.findings
            if f.verdict != "accurate" and f.framing == "stated"]


def _md(date: str, title: str, body: str) -> str:
    return f"---\ndate: {date}\n---\n# {title}\n\n{body}"


def _html(date: str, title: str, body: str) -> str:
    return (f'<html><head><title>{title}</title><meta name="date" content="{date}"></head>'
            f"<body><h1>{title}</h1>\n{body}\n</body></html>")


HTML_STEPS = ("<h2>{heading}</h2>\n"
              "<p><strong>Step 1: Find your basis.</strong> Look up your after-tax "
              "contributions.</p>\n"
              "<p><strong>Step 2: Add up the payouts.</strong> Total what the closed accounts "
              "sent you.</p>\n"
              "<p><strong>Step 3: Compare.</strong> Any shortfall below your basis is your "
              "loss.</p>")
LABELS = ("Step 1: Find your basis.", "Step 2: Add up the payouts.", "Step 3: Compare.")


@pytest.mark.parametrize("heading", ["Checklist", "The checklist", "The process"])
def test_each_bold_step_label_of_an_old_html_page_is_a_step(db, heading):
    text = _html("2015-10-01", "Deducting losses in your retirement accounts",
                 HTML_STEPS.format(heading=heading))
    found = _stated(db, text, "old.html")
    for label in LABELS:
        assert (label, "outdated") in found


def test_the_same_labels_on_a_brokerage_page_stay_quiet(db):
    body = ("<h2>Checklist</h2>\n"
            "<p><strong>Step 1: Find your basis.</strong> Look up what you paid.</p>\n"
            "<p><strong>Step 2: Sell.</strong> Sell the losing shares before December 31."
            "</p>\n<p><strong>Step 3: Report it.</strong> List the sale on Form 8949 and "
            "Schedule D.</p>")
    text = _html("2015-10-01", "Deducting losses in your brokerage account", body)
    assert _stated(db, text, "old.html") == []


@pytest.mark.parametrize("heading", ["Your checklist", "A to-do list for tax season",
                                     "The procedure", "What to do"])
def test_a_list_under_a_heading_that_names_the_steps_is_the_procedure(db, heading):
    body = (f"## {heading}\n\n1. Gather every Form 8606 you filed.\n"
            "2. Total the checks.\n")
    found = _stated(db, _md("2014-02-10", "Writing off a losing IRA", body), "old.md")
    assert ("Gather every Form 8606 you filed.", "outdated") in found
    assert ("Total the checks.", "outdated") in found


def test_a_summary_heading_keeps_the_titles_procedure_open(db):
    body = ("## In a nutshell\n\nClose every traditional IRA, then compare the payouts with "
            "your basis.\n")
    found = _stated(db, _md("2014-11-02", "How to write off a losing IRA", body), "old.md")
    assert ("Close every traditional IRA, then compare the payouts with your basis.",
            "outdated") in found


@pytest.mark.parametrize("text,name", [
    (_md("2026-02-01", "Deducting losses in a down market: a checklist",
         "## The checklist\n\n1. Sell the losing fund in your taxable account.\n"
         "2. Wait 31 days before you buy it back.\n"), "today.md"),
    (_md("2026-03-01", "Deducting losses in your IRA",
         "## The short version\n\nYou can't. The write-off ended after 2017.\n\n"
         "## The checklist\n\n1. Rebalance inside the IRA.\n"
         "2. Harvest losses in your brokerage account instead.\n"), "today.md"),
    ("Your 401(k) fell. Now what?\nPosted March 4, 2015\nChecklist\n"
     "- Keep contributing to get the match.\n- Rebalance inside the plan.\n", "old.txt"),
])
def test_checklists_of_other_subjects_or_of_today_stay_quiet(db, text, name):
    assert _stated(db, text, name) == []
