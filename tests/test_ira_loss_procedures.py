"""The pre-2018 IRA-loss write-off described in full as available (issue 12 items 1-2, issue
14): a 2014 first-person blog post, a tax firm's numbered how-to, a Q&A column with a worked
example and a bank's plain-text FAQ, written from the fact sheet before any rule was changed
(session 10, loss7), and two correct pages that tell the same rule as history; then (loss8) a
2014 Markdown how-to with "## Step N:" headings, a 2016 forum post mixing the writer's past with
present-tense rules, a Markdown history page with past-tense step headings and a Q&A reply
whose list tells the old steps in the past.

``tests/data/ira-loss-procedures/expected.tsv`` gives, per line, the fact and verdict an editor
expects: each step, condition and worked-example line is ``outdated``; ``false`` where it is
also wrong under the old rule (traditional and Roth grouped, only the losing IRA closed, a
capital loss on Schedule D netted against gains, contributions minus value). ``quiet`` lines
and every line of the correct pages (``c*``) draw no problem finding. Lines the rules still
miss are listed in :data:`STILL_MISSED`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taxcheck.readers import read_bytes, read_path

DATA = Path(__file__).parent / "data" / "ira-loss-procedures"
PROBLEMS = {"false", "misleading", "outdated"}
IRA_LOSS = {"ira-loss-basis-recovery-pre-2018", "ira-loss-deduction-permanently-disallowed"}

ROWS = [tuple(line.split("\t")) for line in
        (DATA / "expected.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")]

STILL_MISSED: set[tuple[str, str]] = {
    # a Markdown how-to's intro and its step heading that names a capital loss (its other
    # "## Step N: ..." headings and their text are steps since session 12, oldira)
    ("w2-howto-numbered-steps.md", "the IRS lets you deduct the part you never got back"),
    ("w2-howto-numbered-steps.md", "Step 5: Claim it as a capital loss"),
}
FLAGGED_CORRECT: set[tuple[str, str]] = set()
HISTORY_FLAGGED: set[str] = set()


@pytest.fixture(scope="module")
def findings(checker, db):
    """Per file, (sentence, facts, verdict) of each problem finding taxcheck reports."""
    facts_of = {c.id: {c.fact, *c.also_facts} for c in db.claims}
    out = {}
    for path in sorted(DATA.iterdir()):
        if path.suffix not in {".txt", ".md"}:
            continue
        report = checker.check(read_path(str(path)))
        out[path.name] = [(f.sentence, facts_of.get(f.claim_id, set()), f.verdict)
                          for f in report.findings
                          if f.verdict in PROBLEMS and not f.suppressed
                          and f.framing == "stated"]
    return out


def caught(found, words: str, fact: str, verdict: str) -> bool:
    facts = IRA_LOSS if fact == "ira-loss" else {fact}
    return any(words in sentence and facts & got and v == verdict
               for sentence, got, v in found)


HISTORY = sorted(p.name for p in DATA.glob("c*"))


def test_the_set_has_six_wrong_pages_and_four_correct_ones():
    names = {row[0] for row in ROWS}
    assert len([n for n in names if n.startswith("w")]) == 6
    assert len(HISTORY) == 4


@pytest.mark.parametrize("name, words, fact, verdict",
                         [r for r in ROWS if r[3] != "quiet" and r[:2] not in STILL_MISSED])
def test_a_line_presenting_the_old_write_off_is_flagged(findings, name, words, fact, verdict):
    assert caught(findings[name], words, fact, verdict), findings[name]


@pytest.mark.parametrize("name, words, fact, verdict",
                         [r for r in ROWS if r[:2] in STILL_MISSED])
@pytest.mark.xfail(strict=True, reason="still missed: see STILL_MISSED")
def test_a_line_still_missed(findings, name, words, fact, verdict):
    assert caught(findings[name], words, fact, verdict)


def _quiet_params():
    for row in ROWS:
        if row[3] == "quiet":
            marks = [pytest.mark.xfail(strict=True, reason="flagged: see FLAGGED_CORRECT")
                     ] if row[:2] in FLAGGED_CORRECT else []
            yield pytest.param(*row[:2], marks=marks)


@pytest.mark.parametrize("name, words", list(_quiet_params()))
def test_a_correct_line_on_the_page_stays_quiet(findings, name, words):
    assert not [f for f in findings[name] if words in f[0]]


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason="see HISTORY_FLAGGED")]
                 if n in HISTORY_FLAGGED else [])
    for n in HISTORY])
def test_the_rule_told_as_history_stays_quiet(findings, name):
    assert findings[name] == []


STEPS = ("IRA losses in 2026\nUpdated 2026\nThe old basis-loss deduction is available again for "
         "your 2026 return.\nStep-by-step\nStep 1: Cash out completely.\n{body}\n"
         "Step 2: Compare what you got with your basis.\n")


def _problems(checker, text: str) -> dict[str, set[str]]:
    report = checker.check(read_bytes(text.encode(), "page.txt"))
    out: dict[str, set[str]] = {}
    for f in report.findings:
        if f.verdict in PROBLEMS and not f.suppressed:
            out.setdefault(f.sentence, set()).add(f.verdict)
    return out


@pytest.mark.parametrize("body", [
    "Take every last dollar out. Leave $50 behind in a forgotten SEP and the deduction is gone.",
    "Empty them all. Forget one small account and the write-off disappears.",
    "Close them all. If you keep even one IRA open, the deduction is gone.",
])
def test_a_conditional_loss_of_the_deduction_is_a_detail_of_the_step(checker, body):
    found = _problems(checker, STEPS.format(body=body))
    assert any("gone" in s or "disappears" in s for s in found)
    assert "outdated" in found.get("Compare what you got with your basis.", set())


@pytest.mark.parametrize("body", [
    "That deduction has been gone since 2018, and the ban is permanent.",
])
def test_the_rule_said_to_be_gone_ends_the_steps(checker, body):
    found = _problems(checker, STEPS.format(body=body))
    assert not [s for s in found if "gone" in s]


HISTORY_PAGE = ("The old IRA loss rules\nUpdated 2026\nThe write-off is gone now. {frame}\n"
                "1. {step}\n")


@pytest.mark.parametrize("frame, step", [
    ("This is how it used to work.", "They had to cash out every traditional IRA, SEP and "
     "SIMPLE included."),
    ("Here is how it used to work, for readers who remember it.",
     "The shortfall below basis went on Schedule A."),
    ("Back then, the way it worked was simple enough.",
     "Taxpayers had to close every traditional IRA they owned."),
])
def test_steps_told_in_the_past_after_a_past_frame_stay_quiet(checker, frame, step):
    assert _problems(checker, HISTORY_PAGE.format(frame=frame, step=step)) == {}


@pytest.mark.parametrize("text", [
    "The IRA loss deduction ended after 2017.\nWorked example from 2013: a retiree with $7,000 "
    "of basis who cashed out for $4,000 deducted a $3,000 loss.\n",
    "Before 2018, closing every traditional IRA for less than your basis gave a deductible "
    "loss.\nIt went on Schedule A as a miscellaneous itemized deduction.\n",
])
def test_an_example_of_an_early_year_or_a_follow_on_in_the_past_stays_quiet(checker, text):
    assert _problems(checker, "IRA loss history\nUpdated 2026\n" + text) == {}


def test_the_same_step_in_the_present_is_flagged(checker):
    text = ("The old IRA loss rules\nUpdated 2026\nYou can deduct an IRA loss if you close all "
            "your traditional IRAs for less than your basis. This is how it works.\n"
            "1. You have to cash out every traditional IRA, SEP and SIMPLE included.\n")
    found = _problems(checker, text)
    assert "outdated" in found.get("You have to cash out every traditional IRA, SEP and SIMPLE "
                                   "included.", set())


@pytest.mark.parametrize("line", [
    "Many readers make the mistake of treating the whole balance as basis.",
    "A common mistake is to count the employer match as basis.",
    "One mistake people make is counting pre-tax deferrals as basis.",
])
def test_a_practice_named_a_mistake_is_not_the_page_claim(checker, line):
    text = f"IRA losses\nUpdated 2026\nYour basis is only your after-tax money.\n{line}\n"
    report = checker.check(read_bytes(text.encode(), "page.txt"))
    assert not [f for f in report.findings if "mistake" in f.sentence and f.verdict in PROBLEMS
                and f.framing == "stated" and not f.suppressed]


def test_a_wrong_basis_put_as_an_instruction_is_still_flagged(checker):
    text = ("IRA losses\nUpdated 2026\nWhen you figure your basis, treat the whole balance "
            "as basis.\n")
    assert _problems(checker, text)
