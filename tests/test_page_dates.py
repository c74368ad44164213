"""Which date and title a page head gives: plain-text browser copies without blank lines
(breadcrumbs, "Last reviewed", reviewer lines, newsletter mastheads, forum threads whose
posts span years), Markdown front matter and HTML metadata. Every head was written for
this test; none is copied from a page."""

from __future__ import annotations

import datetime as dt

import pytest

from taxcheck.readers import read_bytes

D = dt.date

HEADS = [
    ("h.txt", "Home > Retirement > IRAs\nLast reviewed: September 9, 2026\n"
     "Can You Deduct a Loss in a Roth IRA?\nBy Mara Quill\nA Roth loss is not deductible.\n",
     D(2026, 9, 9), "Can You Deduct a Loss in a Roth IRA?"),
    ("h.txt", "Forums \u203a Taxes \u203a Retirement Accounts\nDeducting an IRA loss?\nkev_r\n"
     "Member \u00b7 Joined: 2019 \u00b7 Posts: 41\nPosted Mar 4, 2024 at 8:12 PM\n"
     "My IRA lost money this year. Can I deduct it?\nholly_ea\n"
     "Member \u00b7 Joined: Aug 2012 \u00b7 Posts: 900\nPosted Mar 5, 2025 at 9:02 AM\n"
     "No, you can't deduct a loss in an IRA.\n",
     D(2024, 3, 4), "Deducting an IRA loss?"),
    ("h.txt", "Board index \u00bb Taxes \u00bb Retirement\nIRA loss deduction\n"
     "Re: IRA loss deduction \u00bb Tue Jan 14, 2025 9:02 am\nby quietquant\n"
     "Losses in an IRA are not deductible.\n"
     "Re: IRA loss deduction \u00bb Wed Feb 4, 2026 7:40 pm\nby ledger_lisa\n"
     "Right, nothing to deduct.\n",
     D(2025, 1, 14), "IRA loss deduction"),
    ("h.txt", "Personal Finance Forum\nThread: Hardship withdrawal rules\n"
     "Posted Nov. 14, 2019, 6:12 a.m. ET by saver_sam\nDo I have to take a loan first?\n"
     "Reply #1 \u00b7 Posted Jan 3, 2026, 10:15 pm\nNo, the loan-first rule is gone.\n",
     D(2019, 11, 14), "Thread: Hardship withdrawal rules"),
    ("h.txt", "THE PRUDENT SAVER\nIssue #42 \u2014 November 2012\nYear-End Moves for Your IRA\n"
     "If your IRA lost value, you may be able to deduct the loss.\n",
     D(2012, 11, 1), "Year-End Moves for Your IRA"),
    ("h.txt", "The Year-End Letter, Dec. 2015\nWhat to do about a losing IRA\n"
     "You can deduct an IRA loss if you close every account of that kind.\n",
     D(2015, 12, 1), "What to do about a losing IRA"),
    ("h.txt", "Home > Newsletter > Archive\nIssue 17 \u00b7 March 2011\nYour Retirement Letter\n"
     "You can deduct an IRA loss if you cash out every IRA.\n",
     D(2011, 3, 1), "Your Retirement Letter"),
    ("h.txt", "The Saver's Digest\nVolume 3, Issue 9 \u2022 September 2014\n"
     "Deducting IRA Losses\nYou can deduct an IRA loss as an itemized deduction.\n",
     D(2014, 9, 1), "Deducting IRA Losses"),
    ("h.txt", "Can I Deduct My IRA Loss?\nWritten by Pat Lowe, CPA\n"
     "Reviewed by Jordan Ames, EA on April 2, 2025\nA loss inside an IRA is not deductible.\n",
     D(2025, 4, 2), "Can I Deduct My IRA Loss?"),
    ("h.txt", "Ask the Tax Lady\nIs my 401(k) loss deductible?\n"
     "Originally posted February 11, 2014\nNo, you cannot deduct it.\n",
     D(2014, 2, 11), None),
    ("h.txt", "Northwind Bank | Learn | Retirement\nRolling Over a 401(k) After a Market Drop\n"
     "Published: June 2, 2016\nUpdated March 3, 2024 \u00b7 6 min read\n"
     "A loss inside a 401(k) is not deductible.\n",
     D(2024, 3, 3), "Rolling Over a 401(k) After a Market Drop"),
    # a member's tenure and a copyright line are no page date
    ("h.txt", "Catch-Up Contributions Explained\nBy Ann Lee | Member since 2011\n"
     "Workers 50 and older can add $8,000 to a 401(k).\n"
     "Copyright 2023 Ann Lee. All rights reserved.\n",
     None, "Catch-Up Contributions Explained"),
    ("h.txt", "Money Desk Daily\nCatch-Up Contributions Explained\n\u00a9 2024 Money Desk Daily\n"
     "Workers 50 and older can add $8,000 to a 401(k).\n", None, None),
    ("h.md", "---\ntitle: \"Can you deduct a 401(k) loss?\"\ndate: 2015-04-02\n---\n"
     "# Can you deduct a 401(k) loss?\n\nYou can deduct the loss if you close the account.\n",
     D(2015, 4, 2), "Can you deduct a 401(k) loss?"),
    ("h.md", "# Roth IRA limits for 2025\n\n*Last reviewed: September 9, 2025*\n\n"
     "You can put $7,000 into a Roth IRA.\n", D(2025, 9, 9), "Roth IRA limits for 2025"),
    ("h.html", "<html><head><title>IRA losses</title><script type=\"application/ld+json\">"
     "{\"@type\":\"Article\",\"headline\":\"401(k) limits\",\"datePublished\":\"2013-01-05\"}"
     "</script></head><body><h1>401(k) limits</h1><p>The deferral limit is $17,500.</p>"
     "</body></html>", D(2013, 1, 5), "401(k) limits"),
    ("h.html", "<html><head><title>IRA loss</title></head><body><h1>IRA losses</h1><p>Posted "
     "<time datetime=\"2016-05-01\">May 1, 2016</time></p><p>You can deduct an IRA loss.</p>"
     "</body></html>", D(2016, 5, 1), "IRA losses"),
    # the four-letter "Sept." is no month strptime knows
    ("h.txt", "Money Notes\nUpdated Sept. 3, 2015\nWhat Happens to a Loss in Your IRA\n"
     "A loss inside an IRA can be deducted once every account is emptied.\n",
     D(2015, 9, 3), None),
    ("h.txt", "THE PRUDENT SAVER\nIssue #45 \u2014 Sept. 2015\nRMD Season\n"
     "Your first RMD is due by April 1 after you turn 70\u00bd.\n",
     D(2015, 9, 1), None),
]


@pytest.mark.parametrize(("name", "text", "date", "title"), HEADS)
def test_page_head_gives_date_and_title(name, text, date, title):
    doc = read_bytes(text.encode(), name)
    assert doc.meta.date == date
    if title is not None:
        assert doc.meta.title == title


def test_a_reply_a_year_later_does_not_date_the_thread():
    text = ("Deducting an IRA loss?\nPosted Mar 4, 2024 at 8:12 PM\nCan I deduct it?\n"
            "Posted Mar 5, 2025 at 9:02 AM\nNo.\n")
    assert read_bytes(text.encode(), "t.txt").meta.date == D(2024, 3, 4)


BODY = ("Workers 50 and older can add $8,000 to a 401(k).\n"
        "You can deduct an IRA loss if you close every account.\n")
STAMPS = [
    # what was stamped before the verb, a label and a colon, ordinals, no comma, day-month
    ("Harbor Tax Group\nResources > FAQ > Retirement\nQuestions About IRA Losses\n"
     "Page last updated: March 2012\n\n" + BODY, D(2012, 3, 1)),
    ("Can You Write Off a Losing IRA?\nArticle updated 3/4/2013\n" + BODY, D(2013, 3, 4)),
    ("IRA Loss Deductions\nLast Updated on January 5th, 2014\n" + BODY, D(2014, 1, 5)),
    ("IRA Loss Deductions\nContent last reviewed December 2016\n" + BODY, D(2016, 12, 1)),
    ("IRA Loss Deductions\nDate: 04/15/2013\n" + BODY, D(2013, 4, 15)),
    ("IRA Loss Deductions\nUpdated: Apr 3 2013\n" + BODY, D(2013, 4, 3)),
    ("IRA Loss Deductions\nLast update: 2 Feb 2015\n" + BODY, D(2015, 2, 2)),
    ("THE FAMILY LEDGER\nVol. 3, Issue 12 \u2014 May 2014\nYear-End IRA Moves\n" + BODY,
     D(2014, 5, 1)),
    ("How IRA Losses Work\nBy Sam Ortiz\nReviewed by Carla Mendez, CFP\u00ae on Jan. 8, 2016\n"
     + BODY, D(2016, 1, 8)),
    # a footer that stamps the whole page dates it wherever it stands
    ("IRA Loss Deductions\n" + BODY + "Page Last Reviewed or Updated: 20-Mar-2013\n",
     D(2013, 3, 20)),
    ("IRA Loss Deductions\n" + BODY + "This page was last updated on May 12, 2015.\n",
     D(2015, 5, 12)),
    # a copyright line, a member's join date, a date in the body, a relative date: none
    ("IRA Loss Deductions\n" + BODY + "\u00a9 2011\u20132013 Acme Financial. All rights "
     "reserved.\n", None),
    ("Forums \u203a Retirement\nIRA loss question\nbenny_k\nJoined: 2012\nPosts: 88\n"
     "Can I deduct my IRA loss?\n" + BODY, None),
    ("IRA loss question\nbenny_k | Joined: Mar 2012 | Posts: 88\nCan I deduct my IRA loss?\n"
     + BODY, None),
    ("IRA Loss Deductions\nOn March 3, 2014 the IRS announced new limits.\n" + BODY, None),
    ("IRA Loss Deductions\n" + BODY + "Updated rules took effect on January 1, 2020.\n", None),
    ("IRA Loss Deductions\nLast updated 2 days ago\n" + BODY, None),
]


@pytest.mark.parametrize(("text", "date"), STAMPS)
def test_stamps_date_the_page_and_other_dates_do_not(text, date):
    assert read_bytes(text.encode(), "p.txt").meta.date == date


def test_the_same_stamps_date_a_markdown_page():
    text = "# IRA Losses\n\nPage last updated: March 2012\n\nYou can deduct an IRA loss.\n"
    assert read_bytes(text.encode(), "p.md").meta.date == D(2012, 3, 1)


PAGE = ("<html><head><title>IRA losses</title></head><body><h1>IRA Losses</h1>{top}"
        "<p>You can deduct an IRA loss if you close every account.</p>"
        "<footer>{foot}</footer></body></html>")


@pytest.mark.parametrize(("top", "foot", "date"), [
    ("<p class='meta'>Page last updated: March 2012</p>", "", D(2012, 3, 1)),
    ("<div class='byline'>By Ann Lee | Updated Jan. 4, 2014</div>", "", D(2014, 1, 4)),
    ("", "<p>Page Last Reviewed or Updated: 20-Mar-2013</p><p>\u00a9 2024 Acme</p>",
     D(2013, 3, 20)),
    ("", "<p>Copyright \u00a9 2013 Acme. All rights reserved.</p>", None),
])
def test_an_html_page_without_date_markup_is_dated_by_its_text(top, foot, date):
    doc = read_bytes(PAGE.format(top=top, foot=foot).encode(), "p.html")
    assert doc.meta.date == date
