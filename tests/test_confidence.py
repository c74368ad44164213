"""Confidence follows first contact: findings of kinds that were often wrong on articles the
code had never seen say so, and the least confident are left out by default.

The weights are `taxcheck.calibration`'s (measured in docs/accuracy.md, "Session 12, branch
calib", "Session 15, branch calib2"; problems since "Session 15, branch verifier2" through
the function-word verifier, tests/test_verifier.py): an outdated figure or rule was right far
more often than a wrong claim in its own words, and a wrong amount never right for any year
(usually an amount read as another figure's) seldom; context from earlier sentences, a hedge
and a table cell were right less often. Headings and topics are not weighed: the same words
score the same as a heading or a sentence, and for any claim.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.conftest import invoke

from taxcheck.calibration import (
    DEFAULT_MIN_CONFIDENCE,
    confidence_word,
    read_verifier,
    trail_features,
)

OUTDATED = "The 401(k) employee contribution limit for 2026 is $23,500."
NEVER_RIGHT = "The IRA contribution limit for 2026 is $9,000."
NEVER_RIGHT_401K = "The 401(k) employee contribution limit for 2026 is $31,000."
WRONG_RULE = "You can deduct losses in your 401(k) on your tax return."


def _only(report, claim_id: str):
    found = [f for f in report.findings if f.claim_id == claim_id]
    assert len(found) == 1, [(f.claim_id, f.verdict) for f in report.findings]
    return found[0]


def test_an_outdated_figure_is_trusted_more_than_a_wrong_rule_and_a_never_right_amount_least(
        check_text):
    outdated = _only(check_text(OUTDATED), "elective-deferral-limit")
    rule = _only(check_text(WRONG_RULE), "retirement-loss-deductible")
    never = _only(check_text(NEVER_RIGHT), "ira-limit")
    assert (outdated.verdict, rule.verdict, never.verdict) == ("outdated", "false", "false")
    assert min(outdated.confidence, rule.confidence) > never.confidence
    # the same words: an earlier year's figure against an amount that was never the figure
    same_words = _only(check_text(NEVER_RIGHT_401K), "elective-deferral-limit")
    assert same_words.verdict == "false"
    assert outdated.confidence > same_words.confidence
    assert confidence_word(outdated.confidence) == confidence_word(rule.confidence) == "high"
    assert confidence_word(never.confidence) == "low"
    assert never.confidence < DEFAULT_MIN_CONFIDENCE <= min(rule.confidence, outdated.confidence)
    assert same_words.confidence < DEFAULT_MIN_CONFIDENCE


@pytest.mark.parametrize("weaker, text", [
    ("a hedge", "You may be able to deduct losses in your 401(k) on your tax return."),
])
def test_a_claim_read_with_help_is_trusted_less_than_the_same_claim_in_its_own_words(
        check_text, weaker, text):
    plain = _only(check_text(WRONG_RULE), "retirement-loss-deductible")
    helped = _only(check_text(text), "retirement-loss-deductible")
    assert helped.verdict == plain.verdict == "false"
    assert helped.confidence < plain.confidence, weaker


def test_a_claim_whose_account_comes_from_the_sentence_before_is_trusted_less(check_text):
    """The same sentence read without the help would score higher: the verifier weighs the
    trail's earlier sentences below a claim in its own words."""
    text = "Losses in your 401(k) are a sore subject. You can deduct them on your tax return."
    helped = _only(check_text(text), "retirement-loss-deductible")
    features = trail_features(verdict="false", figure=False, level="high", block_kind="paragraph",
                              sources=["context"], hedged=False)
    assert "earlier sentences" in features
    verifier = read_verifier()
    assert helped.confidence == verifier.confidence(features, helped.sentence)
    alone = verifier.confidence(features - {"earlier sentences"}, helped.sentence)
    assert helped.confidence < alone


def test_a_wrong_amount_in_a_table_cell_is_trusted_less_than_in_a_sentence(check_text):
    table = "Limit | 2026\n--- | ---\n401(k) employee deferral | $31,000\n"
    cell = _only(check_text(table, suffix=".md"), "elective-deferral-limit")
    sentence = _only(check_text("The 401(k) employee contribution limit for 2026 is $31,000."),
                     "elective-deferral-limit")
    assert (cell.block_kind, cell.verdict, sentence.verdict) == ("table_cell", "false", "false")
    assert cell.confidence < sentence.confidence


def test_a_wrong_claim_in_a_heading_is_shown_and_trusted_as_in_a_sentence(check_text):
    """No weight for headings: with one, a heading that borrows its account from the text
    before it (the seed article's wrong headings) fell under the default threshold."""
    heading = _only(check_text("# Notes\n\n## Hardship Withdrawals Are Exempt From the 10% "
                               "Early Withdrawal Penalty\n\nWe explain below.\n", suffix=".md"),
                    "hardship-withdrawal-penalty-free")
    sentence = _only(check_text("Hardship withdrawals are exempt from the 10% early withdrawal "
                                "penalty."), "hardship-withdrawal-penalty-free")
    assert (heading.block_kind, heading.verdict, sentence.verdict) == ("heading", "false", "false")
    assert heading.confidence == sentence.confidence
    # shown by default ("exempt from the" weighs up: 0.71, high; verifier3 0.49, medium)
    assert confidence_word(heading.confidence) in ("medium", "high")


def test_a_step_heading_that_borrows_its_account_is_trusted_as_the_body_it_announces(
        check_text):
    """Read alone, the heading borrows its account and is trusted less; its section's body
    states the same wrong claim, so the heading is shown with the body's confidence
    (:mod:`taxcheck.matching.heading_lift`)."""
    listicle = ("What To Do When Your 401(k) Loses Money\n\nMarkets fell and so did many "
                "401k balances.\n\n1. Offset Your Capital Gains With the Loss\n\nIf you have "
                "gains elsewhere, you can use your 401k losses to offset them.\n")
    found = [f for f in check_text(listicle).findings
             if f.claim_id == "retirement-loss-offsets-gains"]
    heading, body = sorted(found, key=lambda f: f.line)
    assert (heading.block_kind, heading.verdict, body.verdict) == ("heading", "false", "false")
    assert DEFAULT_MIN_CONFIDENCE <= heading.confidence == body.confidence


def test_a_wrong_claim_of_the_retirement_loss_write_off_is_trusted_as_another_false_rule(
        check_text):
    """No weight for a claim's topic: it would be close to a rule for one claim. Told in the
    same function words, two false rules of two topics are trusted alike."""
    loss = _only(check_text("401(k) losses are deductible on your tax return."),
                 "retirement-loss-deductible")
    other = _only(check_text("Hardship withdrawals are penalty free on your tax return."),
                  "hardship-withdrawal-penalty-free")
    assert loss.verdict == other.verdict == "false"
    assert loss.confidence == other.confidence


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "limits.txt"
    path.write_text(f"Limits\n\n{OUTDATED}\n\n{NEVER_RIGHT}\n", encoding="utf-8")
    return path


def test_check_leaves_out_the_least_confident_findings_and_says_how_many(tmp_path):
    article = _article(tmp_path)
    shown = invoke("check", str(article), "--tax-year", "2026")
    assert shown.returncode == 1
    assert "[elective-deferral-limit]" in shown.stdout
    assert "[ira-limit]" not in shown.stdout
    assert re.search(r"confidence: 0\.\d\d \(high\)", shown.stdout)
    assert "1 less confident finding not shown (--min-confidence 0 shows them)" in shown.stdout
    everything = invoke("check", str(article), "--tax-year", "2026", "--min-confidence", "0")
    assert "[ira-limit]" in everything.stdout
    assert "not shown" not in everything.stdout
    data = json.loads(invoke("check", str(article), "--tax-year", "2026", "--format",
                             "json").stdout)
    assert [f["claim_id"] for f in data[0]["findings"]] == ["elective-deferral-limit"]
    assert data[0]["below_confidence"] == 1


def test_the_configuration_can_show_every_finding(tmp_path):
    article = _article(tmp_path)
    (tmp_path / ".taxcheck.toml").write_text("min_confidence = 0\n", encoding="utf-8")
    result = invoke("check", str(article), "--tax-year", "2026")
    assert "[ira-limit]" in result.stdout


def test_a_low_confidence_finding_alone_does_not_fail_the_check(tmp_path):
    article = tmp_path / "ira.txt"
    article.write_text(f"Limits\n\n{NEVER_RIGHT}\n", encoding="utf-8")
    assert invoke("check", str(article), "--tax-year", "2026").returncode == 0
    assert invoke("check", str(article), "--tax-year", "2026",
                  "--min-confidence", "0").returncode == 1


def _gold_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    _article(corpus)
    (corpus / "gold" / "limits.txt.yaml").write_text(
        "article: limits.txt\nas_of: 2026\nannotations:\n"
        f'  - quote: "{OUTDATED}"\n    fact: elective-deferral-limit\n    verdict: outdated\n'
        f'  - quote: "{NEVER_RIGHT}"\n    fact: ira-limit-catch-up-and-deadline\n'
        "    verdict: false\n", encoding="utf-8")
    return corpus


def test_eval_scores_every_finding_and_says_what_check_shows_by_default(tmp_path):
    corpus = _gold_corpus(tmp_path)
    text = invoke("eval", str(corpus)).stdout
    assert "scored: every finding taxcheck makes" in text
    data = json.loads(invoke("eval", str(corpus), "--format", "json").stdout)
    assert (data["tp"], data["fp"], data["fn"], data["min_confidence"]) == (2, 0, 0, 0.0)
    view = data["default_view"]
    assert (view["tp"], view["fp"], view["fn"]) == (1, 0, 1)
    assert view["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    strict = json.loads(invoke("eval", str(corpus), "--format", "json",
                               "--min-confidence", str(DEFAULT_MIN_CONFIDENCE)).stdout)
    assert (strict["tp"], strict["fn"]) == (view["tp"], view["fn"])


def test_fix_corrects_only_the_figures_it_reports(tmp_path):
    article = _article(tmp_path)
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\n", encoding="utf-8")
    invoke("check", str(article), "--fix")
    text = article.read_text(encoding="utf-8")
    assert "is $24,500." in text  # the outdated figure, reported: fixed
    assert "is $9,000." in text  # the amount never right for any year, left out: kept
    invoke("check", str(article), "--fix", "--min-confidence", "0")
    assert "is $7,500." in article.read_text(encoding="utf-8")
