"""taxcheck eval: a sentence is annotated once per fact and verdict.

Two findings that say the same thing about one sentence (two outdated amounts of one fact)
match one annotation; the second is a repeat, not a false alarm. A finding with another
verdict or fact is still a false alarm.
"""

from __future__ import annotations

from pathlib import Path

from taxcheck.evaluation import evaluate
from taxcheck.readers import read_path

ARTICLE = """401(k) limits

By Staff
Updated January 12, 2026

The 401(k) contribution limit is $23,000, plus a $7,500 catch-up.

The IRA contribution limit for 2026 is $7,500.
"""


def _corpus(tmp_path: Path, annotations: str) -> Path:
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "limits.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "limits.txt.yaml").write_text(
        f"article: limits.txt\nas_of: 2026\nannotations:\n{annotations}", encoding="utf-8")
    return tmp_path


def test_two_outdated_amounts_in_one_sentence_match_one_annotation(tmp_path, checker):
    report = checker.check(read_path(str(_corpus(tmp_path, "").joinpath("limits.txt"))))
    assert {(f.claim_id, f.verdict) for f in report.findings
            if "23,000" in f.sentence} == {("elective-deferral-limit", "outdated"),
                                           ("catch-up-limit", "outdated")}
    corpus = _corpus(tmp_path, """\
  - quote: "The 401(k) contribution limit is $23,000"
    fact: elective-deferral-limit
    verdict: outdated
  - quote: "The IRA contribution limit for 2026 is $7,500."
    fact: ira-limit-catch-up-and-deadline
    verdict: accurate
""")
    result = evaluate(corpus, checker)
    assert (result.problems.tp, result.problems.fp, result.problems.fn) == (1, 0, 0)
    assert result.false_alarms == []


def test_a_finding_with_another_verdict_is_still_a_false_alarm(tmp_path, checker):
    corpus = _corpus(tmp_path, """\
  - quote: "The IRA contribution limit for 2026 is $7,500."
    fact: ira-limit-catch-up-and-deadline
    verdict: accurate
""")
    result = evaluate(corpus, checker)
    assert result.problems.fp == 2
    assert {o.got for o in result.false_alarms} == {"elective-deferral-limit (outdated)",
                                                   "catch-up-limit (outdated)"}


def test_a_quote_with_its_step_label_matches_the_step(tmp_path, checker):
    (tmp_path / "gold").mkdir()
    (tmp_path / "steps.txt").write_text(
        "Limits for 2026\nStep 1: Check your pay stub.\n"
        "Step 2: Put up to $23,000 into your 401(k) for 2026.\n", encoding="utf-8")
    (tmp_path / "gold" / "steps.txt.yaml").write_text(
        'article: steps.txt\nas_of: 2026\nannotations:\n'
        '  - quote: "Step 2: Put up to $23,000 into your 401(k) for 2026."\n'
        "    fact: elective-deferral-limit\n    verdict: outdated\n", encoding="utf-8")
    result = evaluate(tmp_path, checker)
    assert (result.problems.tp, result.problems.fn) == (1, 0)


def test_a_quoted_table_row_matches_the_row_as_readers_give_it(tmp_path, checker):
    (tmp_path / "gold").mkdir()
    (tmp_path / "table.md").write_text(
        "# Limits\n\n| Limit | 2026 |\n|---|---|\n| 401(k) deferral | $23,000 |\n",
        encoding="utf-8")
    (tmp_path / "gold" / "table.md.yaml").write_text(
        'article: table.md\nas_of: 2026\nannotations:\n'
        '  - quote: "401(k) deferral | $23,000"\n'
        "    fact: elective-deferral-limit\n    verdict: outdated\n", encoding="utf-8")
    report = checker.check(read_path(str(tmp_path / "table.md")))
    assert [f.sentence for f in report.findings if f.claim_id == "elective-deferral-limit"] \
        == ["401(k) deferral — 2026: $23,000"]
    result = evaluate(tmp_path, checker)
    assert (result.problems.tp, result.problems.fp, result.problems.fn) == (1, 0, 0)


def test_a_false_alarm_names_what_the_gold_says_of_its_sentence(tmp_path, checker):
    corpus = _corpus(tmp_path, """\
  - quote: "The 401(k) contribution limit is $23,000"
    fact: elective-deferral-limit
    verdict: accurate
""")
    result = evaluate(corpus, checker)
    alarms = {(o.got, o.expected, o.kind) for o in result.false_alarms}
    assert ("elective-deferral-limit (outdated)", "elective-deferral-limit (accurate)",
            "on_accurate") in alarms
    assert ("ira-limit (accurate)", None, None) in alarms
