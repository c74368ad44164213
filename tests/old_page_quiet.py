"""Runner for the oldquiet paraphrase set (issue 12, session 15, branch oldquiet).

Old pages (2012-2017) on the abolished IRA-loss write-off, and today's pages, in real-page
shapes (a Q&A reply, a blog intro, a forum post, a step-by-step guide, a list of steps, a
footer, a link row, a disclaimer). Each case names one line of its page and whether an editor
should see a problem finding on it: a hedged "no" right before the sentence that states the
exception, a definition that stays true inside a step, and page furniture stay quiet; the
exception sentence, a step of the write-off and a title promising it stay flagged.

``python tests/old_page_quiet.py`` prints the cases handled (the figures of the commit
messages).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes


@dataclass(frozen=True)
class Case:
    name: str
    page: str
    """The page's text; its suffix decides the reader."""
    suffix: str
    line: str
    """The start of the sentence checked."""
    flagged: bool
    """Whether it should carry a problem finding (a wrong twin) or stay quiet."""


def _md(date: str, body: str, title: str = "Can you deduct an IRA loss?") -> str:
    return f"---\ntitle: \"{title}\"\ndate: {date}\n---\n\n# {title}\n\n{body}\n"


_HEDGED = {
    "qa-reply": _md("2015-03-02", "**Q: My IRA dropped 30% last year. Can I deduct the loss?**\n\n"
                    "A: Generally the answer is no. But there is one narrow case where you can, "
                    "if you made after-tax contributions."),
    "blog-intro": _md("2013-02-11", "Every spring readers ask whether a sinking IRA gets them a "
                      "tax break. Most of the time, no. However, there is one situation where "
                      "the IRS lets you deduct it, and it is worth a look."),
    "forum": "Re: Deduct my IRA loss?\nPosted by ledger_len on Feb 3, 2016\n\n"
             "Usually not. But there's an exception if you put nondeductible money in and "
             "then cash out every IRA for less than that.\n",
    "standalone": _md("2012-04-02", "**Q. Can I write off the drop in my IRA?**\n\n"
                      "A. In most cases, no. An IRA is a tax shelter, so swings inside it never "
                      "reach your return.\n\nThere is one situation where a loss can be claimed: "
                      "close every IRA and get back less than your basis."),
    "one-sentence": _md("2014-05-05", "Can you deduct it? Usually no, but there is one "
                        "situation where you can, and it surprises people."),
}
_STEPS = {
    "bold-step": _md("2014-10-21", "If you closed every IRA and got back less than your "
                     "basis, the shortfall is deductible.\n\n## How to claim it, step by step\n\n"
                     "**Step 1: Find your basis.** Gather your old tax returns. Your basis is "
                     "the sum of the nondeductible contributions you made. Deductible "
                     "contributions don't count, and neither do earnings.\n\n"
                     "**Step 2: Cash out every IRA you own.** Take it all out in one year.\n\n"
                     "**Step 3: Deduct the shortfall on Schedule A.** Itemize."),
    "list-steps": _md("2016-01-12", "You can deduct an IRA loss once you close all your "
                      "IRAs. Here's how to write off the loss:\n\n"
                      "1. Work out your basis. Only after-tax contributions count toward it.\n"
                      "2. Form 8606 keeps track of those after-tax dollars.\n"
                      "3. Withdraw everything from all of your traditional IRAs.\n"
                      "4. Subtract what you got back from your basis and claim the difference "
                      "as a miscellaneous itemized deduction."),
    "faq-steps": _md("2013-03-30", "An IRA loss is deductible if you cash out for less "
                     "than your after-tax money.\n\n"
                     "## Claiming an IRA loss: how it works\n\n"
                     "First, total the nondeductible contributions you reported on Form 8606. "
                     "If you deducted a contribution, it isn't part of your basis. Then empty "
                     "every traditional IRA. The shortfall goes on Schedule A, subject to the "
                     "2% floor."),
}
_EXAMPLES = {
    "md-list": _md("2014-10-21", "You can deduct the shortfall on Schedule A once every IRA is "
                   "closed.\n\n## Worked example\n\nDana put $8,000 of after-tax money into "
                   "her IRA and cashed it out in 2014.\n\n- Basis: $8,000\n"
                   "- Amount received: $5,000\n- Loss: $3,000\n"
                   "- Deductible after the 2% floor: $1,800"),
    "txt-lines": "Deducting a loss on a closed IRA\nPosted March 3, 2016\n\nIf you cash out "
                 "every IRA for less than your basis, the difference is deductible.\n\n"
                 "Example\nNondeductible contributions: $12,000\nTotal distributed: $9,000\n"
                 "Loss to deduct: $3,000\n",
}
_ADVICE = {
    "faq-list": _md("2016-01-12", "The shortfall can be taken as an itemized deduction if you "
                    "cash out every IRA.\n\nA few things to keep in mind:\n\n"
                    "- Every account has to be emptied, not just the one that dropped.\n"
                    "- Talk to a tax pro first, since cashing out pre-tax money has its own "
                    "cost.\n- Check with your CPA before you sell anything."),
}
_FAQ = {
    "txt": "IRA losses and wash sales: your questions answered\nLast reviewed: Dec 2015\n\n"
           "1. Is there any way to deduct an IRA loss?\n"
           "If you cash out every IRA and get back less than your after-tax money, the "
           "shortfall can be taken as an itemized deduction.\n"
           "2. What is a wash sale?\n"
           "You sell at a loss and buy the same fund within 30 days before or after.\n"
           "If your purchase lands in that window, you can't take the loss right away.\n"
           "3. How do I claim the IRA loss?\n"
           "You need to list the shortfall with your miscellaneous deductions.\n",
    "md": _md("2016-11-02", "1. **Can I write off my IRA loss?**\n\n"
              "Only if you close every IRA for less than your basis; then the shortfall is "
              "deductible.\n\n2. **How long does the wash-sale window last?**\n\n"
              "If you rebuy within the 61 days, you cannot claim the loss yet.",
              title="Year-end questions"),
}
_LETTERS = {
    "md-quote": _md("2026-02-10", "> Dear Ruth: I'm 74 and take RMDs from my traditional IRA. "
                    "I also have a Roth IRA I opened in 2011. Do I need to take money from that "
                    "one too? \u2014 Puzzled in Peoria\n\nDear Puzzled: Yes, your Roth IRA has "
                    "required minimum distributions too.", title="Ask Ruth: RMD questions"),
    "txt": "Money Mailbag\nMarch 4, 2026\n\nI'm 61. I have a Roth 401(k) at work and an old "
           "IRA from a previous job. When do my RMDs start? -- Planning in Portland\n\n"
           "A. At 73 for the IRA, and the Roth 401(k) still requires RMDs too.\n",
}
_TOPIC_TITLES = {
    "list": _md("2026-04-08", "Three readers, three situations.",
                title="My first RMD, a Roth 401(k) and Dad's IRA"),
    "txt": "Your first RMD, your Roth 401(k) & your late mother's IRA\nApril 8, 2026\n\n"
           "This week's mailbag is about taking money out.\n",
    "clause": _md("2026-04-08", "Three readers, three situations.",
                  title="Roth 401(k)s still have RMDs, and so do inherited IRAs"),
}
_FURNITURE = {
    "filed-md": _md("2014-10-21", "You can deduct the loss once every IRA is closed.\n\n"
                    "**Filed under:** IRAs, Deductions, Schedule A · **Comments (9)**"),
    "tags-md": _md("2015-06-01", "The loss goes on Schedule A as a miscellaneous deduction.\n\n"
                   "*Tags: IRA losses, write-offs, Schedule A*"),
    "disclaimer-txt": "Wash sales, your IRA and your losses\n\nSell the losing fund in your "
                      "brokerage account and wait 31 days before you buy it back.\n\n"
                      "Investment products: Not FDIC insured · No bank guarantee · "
                      "May lose value\n",
    "disclaimer-md": _md("2026-01-05", "Wait 31 days before you rebuy in any account, your "
                         "IRA included.\n\nNot FDIC Insured | Not Bank Guaranteed | May Lose "
                         "Value", title="Wash sales and your IRA"),
    "more-from": "Ask Ruth: your RMD questions\n\nMarch 3, 2026\n\nQ. I was born in 1953 "
                 "and my wife in 1962. When do our RMDs start?\n\nA. Yours start at 73; hers at "
                 "75.\n\nMore from Money Matters: "
                 "Should you convert to a Roth after 70? | What to do with an inherited IRA\n",
}
_TITLES = {
    "promise": _md("2016-02-01", "Here's what to do if your IRA lost money.",
                   title="How to write off losses in your retirement accounts"),
}

CASES = [
    Case("hedged no, Q&A reply", _HEDGED["qa-reply"], ".md", "A: Generally the answer", False),
    Case("exception after it, Q&A reply", _HEDGED["qa-reply"], ".md", "But there is one", True),
    Case("hedged no, blog intro", _HEDGED["blog-intro"], ".md", "Most of the time, no", False),
    Case("exception after it, blog intro", _HEDGED["blog-intro"], ".md", "However, there is",
         True),
    Case("hedged no, forum", _HEDGED["forum"], ".txt", "Usually not.", False),
    Case("exception after it, forum", _HEDGED["forum"], ".txt", "But there's an exception", True),
    Case("hedged no standing alone", _HEDGED["standalone"], ".md", "A. In most cases, no", True),
    Case("hedged no with its exception in one sentence", _HEDGED["one-sentence"], ".md",
         "Usually no, but", True),
    Case("basis defined in a bold step", _STEPS["bold-step"], ".md", "Your basis is the sum",
         False),
    Case("what counts, in a bold step", _STEPS["bold-step"], ".md", "Deductible contributions",
         False),
    Case("paperwork in a bold step", _STEPS["bold-step"], ".md", "Gather your old", False),
    Case("a step label", _STEPS["bold-step"], ".md", "Step 2: Cash out", True),
    Case("a step label, Schedule A", _STEPS["bold-step"], ".md", "Step 3: Deduct", True),
    Case("what counts, in a numbered step", _STEPS["list-steps"], ".md", "Only after-tax", False),
    Case("Form 8606 tracks, as a list item", _STEPS["list-steps"], ".md", "Form 8606 keeps",
         False),
    Case("withdraw everything, a numbered step", _STEPS["list-steps"], ".md", "Withdraw", True),
    Case("subtract and claim, a numbered step", _STEPS["list-steps"], ".md", "Subtract", True),
    Case("deducted isn't basis, in prose steps", _STEPS["faq-steps"], ".md",
         "If you deducted a contribution", False),
    Case("empty every IRA, in prose steps", _STEPS["faq-steps"], ".md", "Then empty", True),
    Case("Schedule A floor, in prose steps", _STEPS["faq-steps"], ".md", "The shortfall goes",
         True),
    Case("example input, basis", _EXAMPLES["md-list"], ".md", "Basis: $8,000", False),
    Case("example input, amount received", _EXAMPLES["md-list"], ".md", "Amount received",
         False),
    Case("example result, loss", _EXAMPLES["md-list"], ".md", "Loss: $3,000", True),
    Case("example result, after the floor", _EXAMPLES["md-list"], ".md", "Deductible after",
         True),
    Case("example input, contributions", _EXAMPLES["txt-lines"], ".txt", "Nondeductible contr",
         False),
    Case("example result, loss to deduct", _EXAMPLES["txt-lines"], ".txt", "Loss to deduct", True),
    Case("see a tax pro, list item", _ADVICE["faq-list"], ".md", "Talk to a tax pro", False),
    Case("see your CPA, list item", _ADVICE["faq-list"], ".md", "Check with your CPA", False),
    Case("empty every account, list item", _ADVICE["faq-list"], ".md", "Every account has", True),
    Case("wash-sale window under the FAQ's next question", _FAQ["txt"], ".txt",
         "If your purchase lands", False),
    Case("the write-off under its own FAQ question", _FAQ["txt"], ".txt", "You need to list",
         True),
    Case("wash-sale rebuy under a Markdown FAQ question", _FAQ["md"], ".md", "If you rebuy",
         False),
    Case("a reader's background, signed letter", _LETTERS["md-quote"], ".md", "I also have",
         False),
    Case("the column's wrong reply to the letter", _LETTERS["md-quote"], ".md", "Dear Puzzled",
         True),
    Case("a reader's background, plain-text letter", _LETTERS["txt"], ".txt", "I have a Roth",
         False),
    Case("the column's wrong answer, plain text", _LETTERS["txt"], ".txt", "A. At 73", True),
    Case("a title listing topics, Markdown", _TOPIC_TITLES["list"], ".md", "My first RMD",
         False),
    Case("a title listing topics, plain text", _TOPIC_TITLES["txt"], ".txt", "Your first RMD",
         False),
    Case("a title stating the rule", _TOPIC_TITLES["clause"], ".md", "Roth 401(k)s still", True),
    Case("filed under, Markdown footer", _FURNITURE["filed-md"], ".md", "Filed under", False),
    Case("the claim above the footer", _FURNITURE["filed-md"], ".md", "You can deduct", True),
    Case("tags, Markdown footer", _FURNITURE["tags-md"], ".md", "Tags:", False),
    Case("product disclaimer, plain text", _FURNITURE["disclaimer-txt"], ".txt",
         "Investment products", False),
    Case("product disclaimer, Markdown", _FURNITURE["disclaimer-md"], ".md", "Not FDIC", False),
    Case("link row after 'More from'", _FURNITURE["more-from"], ".txt", "More from", False),
    Case("a title promising the write-off", _TITLES["promise"], ".md", "How to write off", True),
]


def problem_lines(checker: Checker, case: Case) -> list[tuple[str, str]]:
    """The problem findings on the case's sentence: (claim, verdict)."""
    report = checker.check(read_bytes(case.page.encode(), f"page{case.suffix}"))
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.is_problem and f.framing != "myth" and not f.suppressed
            and (f.sentence.lstrip("|# *").startswith(case.line)
                 or f.text.lstrip("|# *").startswith(case.line))]


def handled(checker: Checker, case: Case) -> bool:
    return bool(problem_lines(checker, case)) == case.flagged


def main() -> None:
    from taxcheck.claimdb import load_claims

    checker = Checker(load_claims(), tax_year=2026)
    wrong = [c for c in CASES if c.flagged]
    right = [c for c in CASES if not c.flagged]
    for case in CASES:
        print(("ok  " if handled(checker, case) else "MISS"), case.name,
              problem_lines(checker, case))
    print(f"wrong twins flagged {sum(handled(checker, c) for c in wrong)}/{len(wrong)}, "
          f"right twins quiet {sum(handled(checker, c) for c in right)}/{len(right)}")


if __name__ == "__main__":
    sys.exit(main())
