"""Which lines of an old IRA-loss page state the rule (issue 12; session 14, branch oldpage).

The third old-pages set (tests/data/ira-loss-old-pages-3/) is a small gold corpus, scored by
``taxcheck eval`` sentence by sentence as the sealed set is: fifteen pages dated 2012-2017 (one
undated) that present the abolished write-off (``o*``: a plain-text export, a bank FAQ in
HTML, a Markdown forum thread, a Q&A column, a Markdown listicle, a table, radio show notes,
a client letter with a lead-in list, a worked example with label-value lines, an undated
how-to with step headings, a checklist, a glossary, a myths page, a CPA's e-mail, a tips post
with details wrong under the old rule too) and twelve pages dated 2024-2026 that tell the same
facts as the past (``h*``). They are labelled by the conventions the development labellers
follow (their gold, counted in docs/accuracy.md): steps, step labels, titles that teach the
write-off, conditions and the result lines of worked examples are annotated; a worked
example's set-up, tables of contents, questions and headings that name nothing are not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taxcheck.checker import Checker
from taxcheck.evaluation import evaluate, load_gold
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "ira-loss-old-pages-3"


@pytest.fixture(scope="module")
def scored(db):
    return evaluate(DATA, Checker(db))


def counts(scored) -> dict[str, int]:
    """Wrong lines of the old pages caught, problem alarms on them, and history pages with a
    problem finding (each scored sentence by sentence, as ``taxcheck eval`` does)."""
    def old(o) -> bool:
        return Path(o.path).name.startswith("o") and o.kind is not None
    wrong = 0
    for gold in sorted((DATA / "gold").glob("o*.yaml")):
        wrong += sum(a.verdict in ("outdated", "false", "misleading") and not a.todo
                     for a in load_gold(gold).annotations)
    missed = [m for m in scored.misses if old(m)]
    return {"wrong": wrong, "caught": wrong - len(missed),
            "alarms": len([a for a in scored.false_alarms if old(a)]),
            "history": len({a.path for a in scored.false_alarms
                            if Path(a.path).name.startswith("h") and a.kind})}


def test_the_counts_recorded_in_the_commits(scored):
    # before oldpage: 52/87 caught, 9 alarms on the old pages, no history page flagged;
    # titles that teach the write-off: 54/87; a worked example's inputs: 9 -> 7 alarms
    # after-tax conditions: 57/87
    # a step that totals the after-tax contributions: 58/87; a speaker's words reported: 60/87;
    # a reply that weighs the move, another itemized deduction: 7 -> 5 alarms;
    # a partial withdrawal and the spouses pooled, false: 62/87, 4 alarms; datelines: 65/87
    # (udev) a statement flatly denied by the next sentence is a myth: 4 -> 3 alarms
    # (yrec, session 16) round y's families (the old test's grouping, the shortfall on
    # Schedule D, basis as every dollar put in): 66/87
    # (aold, session 17) the write-off's mechanics on a page that walks through it: 67/87
    assert counts(scored) == {"wrong": 87, "caught": 67, "alarms": 3, "history": 0}


def _findings(db, text: str, name: str) -> list[tuple[str, str]]:
    report = Checker(db, tax_year=2026).check(read_bytes(text.encode(), name))
    return [(f.sentence, f.verdict) for f in report.findings
            if f.verdict != "accurate" and f.framing == "stated"]


BODY = ("\nIf every traditional IRA you own is paid out and you get back less than your "
        "basis, the difference is deductible.\n")


@pytest.mark.parametrize("title", [
    "How to Take a Tax Loss on Your IRA",
    "5 Things to Know Before You Write Off a Losing IRA",
    "Worked Example: Claiming a Loss on a Closed IRA",
    "Lost Money in Your IRA? Here's How to Write It Off",
])
def test_a_title_that_teaches_the_write_off_on_an_old_page_is_outdated(db, title):
    text = f"{title}\nPosted March 2, 2015 by Ruth Okonkwo\n{BODY}"
    found = _findings(db, text, "old.txt")
    assert (title, "outdated") in found


@pytest.mark.parametrize("title", [
    "Can You Deduct Investment Losses? Stocks, IRAs and Worthless Shares",  # asks, then topics
    "Can You Deduct a Loss in Your IRA?",                                   # asks only
])
def test_a_title_that_only_asks_states_nothing(db, title):
    text = f"{title}\nPosted March 2, 2015 by Ruth Okonkwo\n{BODY}"
    assert not [s for s, _ in _findings(db, text, "old.txt") if s == title]


@pytest.mark.parametrize("title", [
    "How to Take a Tax Loss on Your IRA",
    "How the Old IRA Loss Write-Off Worked (Before 2018)",
])
def test_the_same_title_on_a_current_page_is_no_finding(db, title):
    text = (f"{title}\nPosted March 2, 2025 by Ruth Okonkwo\nThe deduction ended after 2017 "
            "and the 2025 law made that permanent.\n")
    assert not [s for s, _ in _findings(db, text, "new.txt") if s == title]


EXAMPLE = """{title}
Posted March 2, 2015 by Ruth Okonkwo
Dana made nondeductible contributions to one traditional IRA and closed it last year.
{lines}
"""


@pytest.mark.parametrize("line", [
    "Amount distributed: $12,500",
    "AGI: $75,000",
    "Total paid out when she closed the account: $5,400",
    "Adjusted gross income: $80,000",
])
def test_a_worked_examples_inputs_state_nothing(db, line):
    text = EXAMPLE.format(title="Worked Example: Claiming a Loss on a Closed IRA", lines=line)
    assert not [s for s, _ in _findings(db, text, "old.txt") if s == line]


@pytest.mark.parametrize("line", [
    "Loss: $5,500",
    "Deductible loss: $2,500",
    "2% floor: $1,500",
    "Deductible on Schedule A: $4,000",
])
def test_a_worked_examples_result_lines_are_outdated(db, line):
    text = EXAMPLE.format(title="Worked Example: Claiming a Loss on a Closed IRA", lines=line)
    assert (line, "outdated") in _findings(db, text, "old.txt")


OLD_PAGE = """Can You Write Off a Losing IRA?
Posted May 4, 2014 by Ruth Okonkwo
{before}
If you close every traditional IRA you own and get back less than your basis, \
the difference is deductible.
{after}
"""
NEW_PAGE = OLD_PAGE.replace("2014", "2025")

AFTER_TAX_CONDITIONS = [
    "What can count is the after-tax money you never got back.",
    "Only after-tax money creates a loss.",
    "If you put after-tax money into it, you may be able to get something back from the IRS.",
    ("If you made nondeductible contributions and your investments went south, you may be "
     "owed a deduction."),
    "- Money you already paid tax on is what earns the write-off.",
    "Reply: the door opens only for money you already paid tax on.",
    ("A: Yes, if some of what you put in was after-tax money you can claim the part you never "
     "recovered."),
    "Savers who made after-tax contributions can claim the shortfall.",
]


@pytest.mark.parametrize("line", AFTER_TAX_CONDITIONS)
def test_the_write_offs_after_tax_condition_on_an_old_page_is_outdated(db, line):
    said = line.removeprefix("- ").removeprefix("Reply: ").removeprefix("A: ")
    found = _findings(db, OLD_PAGE.format(before=line, after=""), "old.txt")
    assert any(said in s and v == "outdated" for s, v in found), found


HISTORY_TWINS = [
    "Before 2018, what could count was the after-tax money you never got back.",
    "Back then only after-tax money created a loss.",
    ("Until 2018, if you had put after-tax money into it, you might have gotten something "
     "back."),
    "Savers who had made nondeductible contributions used to be owed a deduction.",
    "- Money you had already paid tax on was what earned the write-off, before 2018.",
    ("Reply: the door opened only for money you had already paid tax on, and it closed in "
     "2018."),
    ("A: Not anymore; through 2017 savers with after-tax money could claim the part they never "
     "recovered."),
    "Savers who made after-tax contributions could claim the shortfall until 2018.",
]


@pytest.mark.parametrize("line", HISTORY_TWINS)
def test_the_same_condition_told_as_history_on_a_current_page_is_quiet(db, line):
    text = ("Can You Write Off a Losing IRA?\nPosted May 4, 2025 by Ruth Okonkwo\n"
            f"{line}\nThe deduction was abolished for 2018 on, and the 2025 law made it "
            "permanent.\n")
    found = _findings(db, text, "new.txt")
    assert not [s for s, v in found if s in line], found


@pytest.mark.parametrize("line", [
    "Your basis is the after-tax money you put in.",                 # a definition
    "Your after-tax contributions come out tax-free when you withdraw them.",
    "Did you make after-tax contributions?",                         # a question
])
def test_after_tax_words_that_state_no_condition_stay_quiet_on_an_old_page(db, line):
    found = _findings(db, OLD_PAGE.format(before=line, after=""), "old.txt")
    assert not [s for s, v in found if s == line and v != "accurate"], found


STEPS = """How to Claim a Loss on Your IRA
Posted May 4, 2014 by Ruth Okonkwo
If you close every traditional IRA you own for less than your basis, the shortfall is \
deductible.
{grouping}
Here are the steps:
Step 1 — {first}
Step 2 — Cash out each traditional, SEP and SIMPLE IRA in the same year.
Step 3 — Subtract what you received from your basis.
"""


@pytest.mark.parametrize("first", [
    "Pull your Form 8606 filings and total your nondeductible contributions.",
    "Add up your nondeductible contributions from your Form 8606 records.",
    "Total the after-tax contributions you have not yet taken back.",
    "Gather every Form 8606 and add up your nondeductible contributions.",
])
@pytest.mark.parametrize("grouping", [
    "",
    "Roth IRAs are a separate pool, so a Roth can stay open while you do this.",
])
def test_a_step_that_totals_the_after_tax_contributions_is_a_step_of_the_write_off(
        db, first, grouping):
    # (the grouping told as today's opens the procedure of its own claim, whose rule also
    # speaks of basis: the after-tax contributions are no other subject there)
    found = _findings(db, STEPS.format(first=first, grouping=grouping), "old.txt")
    assert (first, "outdated") in found, found


def test_a_contribution_how_to_stays_quiet(db):
    text = ("How to Catch Up on Your IRA Contributions\nPosted May 4, 2014 by Ruth Okonkwo\n"
            "Step 1 — Total your contributions for the year so far.\n"
            "Step 2 — Add the rest before the April deadline.\n")
    assert _findings(db, text, "old.txt") == []


SHOW = """Money Talk -- Show Notes
Aired Saturday, {date}
Segment 2: "My IRA lost money. Can I deduct it?"
Caller Ben from Akron said his traditional IRA, funded with after-tax money, had lost a third.
{line}
"""


@pytest.mark.parametrize("line", [
    "She explained that he would need to withdraw everything from all of his traditional IRAs, "
    "and that the shortfall below his basis then counts as a deduction.",
    "Rhonda added that the deduction for the IRA loss goes on Schedule A above 2% of AGI.",
    "He noted that every traditional IRA has to be cashed out before the loss is deductible.",
    "Tom stressed that the IRA loss is a miscellaneous itemized deduction on Schedule A.",
    pytest.param(
        "She told him that the IRA loss can be deducted once every traditional IRA is emptied.",
        marks=pytest.mark.xfail(strict=True, reason="'told him' is read as attribution: the "
                                "host's words framed as someone's view (left)")),
])
def test_a_speakers_words_reported_on_old_show_notes_state_the_rule(db, line):
    found = _findings(db, SHOW.format(date="April 7, 2012", line=line), "old.txt")
    assert any(s == line and v in ("outdated", "false") for s, v in found), found


@pytest.mark.parametrize("line", [
    "She explained that until 2017 the IRA loss went on Schedule A above 2% of AGI.",
    "Tom noted that the IRA loss deduction ended after 2017 and is gone for good.",
    "He added that closing every traditional IRA used to give a deduction, before 2018.",
    "She told him that the IRA loss could be deducted on Schedule A back then, but not now.",
])
def test_the_same_speaker_telling_it_as_history_stays_quiet(db, line):
    found = _findings(db, SHOW.format(date="April 5, 2025", line=line), "new.txt")
    assert not [s for s, _ in found if s == line], found


COLUMN = """THE MONEY DESK
Sunday, November 8, 2015
Q: My IRA of after-tax money lost a third. Can I write off the difference?
A: You can. Take every dollar out of all of your traditional IRAs, and if the total is below \
your basis, the shortfall is deductible on Schedule A above 2% of your AGI.
{question} {reply} {after}
"""


@pytest.mark.parametrize(("question", "reply"), [
    ("Is it worth it?", "Rarely, Gerald."),
    ("Does closing them all make sense?", "Seldom."),
    ("Is it worth the hassle?", "Usually not."),
])
def test_a_reply_that_weighs_the_move_states_no_rule(db, question, reply):
    text = COLUMN.format(question=question, reply=reply,
                         after="The deduction is usually small next to the tax on cashing out.")
    found = _findings(db, text, "old.txt")
    assert not [s for s, _ in found if s == reply], found
    assert any(s.startswith("The deduction is usually small") for s, _ in found), found


CHECKLIST = """Year-End Checklist for Retirees
Updated November 3, 2016
Before December 31:
- Underwater IRA with after-tax money in it? Cashing out every traditional IRA by December 31 \
lets you deduct the shortfall below basis on Schedule A.
- {item}
"""


@pytest.mark.parametrize(("item", "flagged"), [
    ("If you itemize, bunch charitable gifts into this year.", False),
    ("Pay your property taxes before December 31 if you itemize.", False),
    ("Claim the IRA shortfall on Schedule A if you itemize.", True),
    ("Remember the 2%-of-AGI floor when you estimate the IRA loss deduction.", True),
])
def test_a_checklist_item_on_another_itemized_deduction_is_no_step(db, item, flagged):
    found = _findings(db, CHECKLIST.format(item=item), "old.txt")
    assert any(s == item for s, _ in found) is flagged, found


TIPS = """Three IRA Loss Tips
Posted August 29, 2016 by Teddy Marchand
The loss on an IRA funded with after-tax money is deductible on Schedule A above 2% of AGI.
{line}
"""


@pytest.mark.parametrize(("line", "verdict"), [
    # wrong under the old rule too: false
    ("Tip: pull out just enough to realize the loss and the deduction is yours.", "false"),
    ("Take out only the amount of the loss and keep the rest invested.", "false"),
    ("You and your spouse add your IRAs together, so both of you have to cash out.", "false"),
    ("Husband and wife combine their IRAs together for the test.", "false"),
    # right under the old rule: outdated
    ("Every traditional IRA you own has to be emptied first.", "outdated"),
    ("Each spouse's IRAs are tested on their own.", "outdated"),
])
def test_a_detail_wrong_under_the_old_rule_too_is_false(db, line, verdict):
    found = _findings(db, TIPS.format(line=line), "old.txt")
    said = line.removeprefix("Tip: ")
    assert {v for s, v in found if said in s} == {verdict}, found


@pytest.mark.parametrize(("line", "when"), [
    ("Volume 9, Issue 11 -- November 2012", "2012-11-01"),          # an issue line, "--"
    ("Keystone Benefits Group -- revised January 15, 2013", "2013-01-15"),
    ("Sent: Tuesday, October 23, 2012", "2012-10-23"),             # an e-mail's header
    ("Posted 04/22/2025 by the Nest Egg Hour team", "2025-04-22"),  # a named team
    ("Posted by the Total Rewards Team", None),                     # no date
    ("Hosts: Gabe Ortiz and Lena Marsh -- Guest: Tom Becker, CFP", None),
])
def test_datelines_of_old_pages(line, when):
    from taxcheck.readers.lines import dateline
    found = dateline(line)
    assert (found.isoformat() if found else None) == when
