"""Verdicts follow the label policy (fact sheet section L; labelling guide, "Adjudicated").

For each family the policy decides, the finding on the fact carries the policy's verdict,
in several page shapes, and nothing of another problem verdict on the same fact:

- an earlier year's table value given as this year's is `outdated`, and `false` only when
  the statement is also wrong in another respect (household AGI as the test);
- an abolished or changed rule stated as current is `outdated` (the pre-2018 IRA-loss
  deduction in any form, RMDs at 70½ or 72, the pre-2015 per-IRA rollover count, the
  pre-2020 hardship rules, the pre-2018 60-day loan offset); told with something wrong even
  under the old rule, it is `false`;
- ordinary simplification is `accurate`; `misleading` only where a typical reader would act
  wrongly, and a lower rate said to reach the rest of the income is `false`.

Every sentence was written for these tests.
"""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes

PROBLEMS = {"false", "misleading", "outdated"}

CASES = [
    # earlier year's figure stated for 2026
    ("The 401(k) deferral limit for 2026 is $23,500.", "elective-deferral-limit", "outdated"),
    ("IRA catch-up for 2026: $1,000", "ira-limit-catch-up-and-deadline", "outdated"),
    ("For 2026 the IRA catch-up is $1,000 and it is adjusted every year for inflation.",
     "ira-limit-catch-up-and-deadline", "outdated"),
    ("For 2026, catch-ups must go in as Roth if your 2025 wages from the employer topped "
     "$145,000.", "roth-catch-up-for-high-earners", "outdated"),
    ("For 2026 the Roth IRA phase-out for single filers runs from $150,000 to $165,000.",
     "table-roth-ira-phaseout", "outdated"),
    ("2026 limits at a glance\nSavers aged 60 to 63 can put in a total of $34,750 for 2026.",
     "contribution-limit-totals-and-scope", "outdated"),
    # ... and also wrong in another respect
    ("For 2026, the Roth catch-up rule kicks in once your household AGI tops $145,000.",
     "roth-catch-up-for-high-earners", "false"),
    # the pre-2018 IRA-loss deduction: outdated in any form, false when wrong under it too
    ("There are limited circumstances where you can claim a loss on your IRA: you must cash "
     "out every traditional IRA you own.", "ira-loss-basis-recovery-pre-2018", "outdated"),
    ("If you close all your IRAs and get back less than your basis, you can deduct the "
     "loss.", "ira-loss-basis-recovery-pre-2018", "outdated"),
    ("If you withdraw everything from all of your Roth IRAs and the total you receive is "
     "less than your contributions, you can claim the difference as a loss.",
     "ira-loss-basis-recovery-pre-2018", "outdated"),
    ("To claim the IRA loss you have to close all your IRAs, traditional and Roth together.",
     "ira-loss-basis-recovery-pre-2018", "false"),
    ("You can deduct the loss if you close just the IRA that lost money.",
     "ira-loss-basis-recovery-pre-2018", "false"),
    ("Before 2018 you could deduct an IRA loss if you closed all your traditional IRAs for "
     "less than your basis.", "ira-loss-basis-recovery-pre-2018", "accurate"),
    # RMD starting ages of earlier law
    ("RMDs start at 70½.", "rmd-starting-age-history", "outdated"),
    ("You have to start RMDs at 72.", "rmd-starting-age-history", "outdated"),
    ("- Required minimum distributions: begin the year you turn 72",
     "rmd-starting-age-history", "outdated"),
    # the once-a-year IRA rollover: per IRA is the pre-2015 reading, per calendar year never
    ("Each IRA you own gets its own once-a-year rollover.",
     "one-ira-rollover-per-12-months", "outdated"),
    ("The one-rollover limit applies to each IRA separately.",
     "one-ira-rollover-per-12-months", "outdated"),
    ("You get one rollover per calendar year for each IRA you own.",
     "one-ira-rollover-per-12-months", "false"),
    # hardship rules before 2020
    ("After a hardship withdrawal you can't contribute to your 401(k) for six months.",
     "hardship-withdrawal-mechanics-since-2020", "outdated"),
    ("Before you can take a hardship withdrawal you must first take out any loan the plan "
     "offers.", "hardship-withdrawal-mechanics-since-2020", "outdated"),
    ("You'll need to show the plan you have no other way to cover it.",
     "hardship-withdrawal-mechanics-since-2020", "accurate"),
    ("The plan will withhold a mandatory 20% from your hardship withdrawal.",
     "hardship-withdrawal-mechanics-since-2020", "false"),
    # the loan offset's 60 days (before 2018)
    ("If you leave your job, you have 60 days to repay your 401(k) loan or it becomes "
     "taxable.", "plan-loan-offset-rollover-deadline", "outdated"),
    # ordinary simplification; misleading only where a reader would act wrongly
    ("A capital loss is when you sell an investment for less than you paid.",
     "capital-loss-uses-adjusted-basis", "accurate"),
    ("A big enough loss can drop you into a lower tax bracket.",
     "capital-loss-reduces-taxable-income-not-bracket", "misleading"),
    ("A loss drops you into a lower bracket, so all of your income is taxed at the lower "
     "rate.", "capital-loss-reduces-taxable-income-not-bracket", "false"),
    ("Knocking income off your return moves you into a lower tax bracket, so the rest of "
     "your income is taxed at the lower rate.",
     "capital-loss-reduces-taxable-income-not-bracket", "false"),
    ("- Harvest a big loss, drop a bracket, and the rest of your pay gets taxed at the lower "
     "rate too", "capital-loss-reduces-taxable-income-not-bracket", "false"),
    ("Q: Does a bigger loss help? A: It can move you into a lower tax bracket, and "
     "everything else you earn gets taxed at the lower rate.",
     "capital-loss-reduces-taxable-income-not-bracket", "false"),
    ("A loss saves tax only on the income it removes; the rest of your income is taxed just "
     "as before.", "capital-loss-reduces-taxable-income-not-bracket", "accurate"),
]


@pytest.fixture(scope="module")
def verdicts_on(checker, db):
    facts = {c.id: {c.fact, *c.also_facts} for c in db.claims if c.fact}

    def run(text: str, fact: str) -> set[str]:
        report = checker.check(read_bytes(f"Title\n\n{text}\n".encode(), "snippet.txt"))
        return {f.verdict for f in report.findings if not f.suppressed
                and f.framing == "stated" and fact in facts.get(f.claim_id, ())}

    return run


@pytest.mark.parametrize(("text", "fact", "verdict"), CASES,
                         ids=[f"{v}-{i}" for i, (_, _, v) in enumerate(CASES)])
def test_the_policy_verdict_and_no_other_problem_verdict(verdicts_on, text, fact, verdict):
    got = verdicts_on(text, fact)
    problems = got & PROBLEMS
    if verdict == "accurate":
        assert not problems, f"{text!r}: {sorted(got)}"
    else:
        assert problems == {verdict}, f"{text!r}: {sorted(got)}"


def test_an_outdated_message_says_what_the_article_claims_first(checker):
    report = checker.check(read_bytes(
        b"Title\n\nIf you close all your IRAs and get back less than your basis, you can "
        b"deduct the loss.\n", "snippet.txt"))
    [finding] = [f for f in report.findings if f.verdict == "outdated"]
    assert finding.message.startswith("Says you can deduct an IRA loss")
    assert "— outdated: " in finding.message
    assert "abolished for 2018 onward" in finding.message
    assert "came back" not in finding.message
