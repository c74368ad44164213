"""The function-word verifier (issue 12): a problem finding's confidence reads how its sentence
is told, not what it is about.

On articles the code had never seen, a wrong rule told in the past ("was", "would", "could")
was right less often than one argued in the present ("you can ..., so ..."); the weights are
fitted on first contact by ``benchmarks/fit_verifier.py`` (docs/accuracy.md, "Session 15,
branch verifier2" and "Session 16, branch verifier3") and hold function words and the
confidence table's features only; the default threshold is the one with the best held-out F0.5.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from tests.conftest import invoke

from taxcheck.calibration import (
    DEFAULT_MIN_CONFIDENCE,
    PROBLEM_WEIGHTS,
    VERIFIER_FILE,
    confidence_of,
    cue_grams,
    read_verifier,
)

ROOT = Path(__file__).resolve().parents[1]
TOPIC_WORDS = {"ira", "iras", "roth", "k", "tax", "taxes", "deduct", "deduction", "deductible",
               "loss", "losses", "limit", "contribution", "penalty", "hardship", "rmd",
               "interest", "amount", "put", "take", "sixty", "fifty", "plan", "income"}
"""Words that name a topic or an amount: none may be a weighed word of the verifier."""

TWINS = [
    # (page shape, suffix, the claim as current, the same claim told as history)
    ("paragraph", ".txt",
     "You can deduct losses in your 401(k) on your tax return.",
     "You could deduct losses in your 401(k) on your tax return, but that was before 2018."),
    ("paragraph, no subject", ".txt",
     "Losses in your 401(k) are deductible on your tax return.",
     "Losses in your 401(k) were deductible on your tax return."),
    ("list item", ".md",
     "Ways to cut the bill:\n\n- You can deduct IRA losses as a miscellaneous itemized "
     "deduction.\n",
     "Ways to cut the bill:\n\n- IRA losses were deductible as a miscellaneous itemized "
     "deduction until 2017.\n"),
    ("Q&A reply", ".txt",
     "Q: Can I write off the drop in my IRA?\n\nA: Yes, so you can deduct the IRA loss on "
     "Schedule A.",
     "Q: Can I write off the drop in my IRA?\n\nA: Back then you could deduct the IRA loss on "
     "Schedule A, and it was worth it."),
    ("forum post", ".txt",
     "Posted by saver42: you can still deduct your IRA loss on Schedule A.",
     "Posted by saver42: my dad would deduct his IRA loss on Schedule A, which was allowed "
     "back then."),
    ("heading", ".md",
     "# IRA notes\n\n## You Can Deduct Your IRA Losses\n\nMore below.\n",
     "# IRA notes\n\n## The IRA Loss Deduction Was Available Until 2017\n\nMore below.\n"),
    ("answer with because", ".txt",
     "You can deduct a loss in a Roth IRA because it is a capital loss.",
     "You could deduct a loss in a Roth IRA because it was a capital loss."),
    ("table-free summary line", ".txt",
     "Bottom line: you can write off IRA losses, so check your basis.",
     "Bottom line: you could write off IRA losses, and that was the old rule."),
]
"""Own paraphrases in real-page shapes (none copied from a page)."""


PLAIN = [
    # (page shape, suffix, a plain wrong statement with no cue word, the claim it states)
    ("sentence", ".txt", "A loss in your IRA offsets capital gains.",
     "retirement-loss-offsets-gains"),
    ("sentence", ".txt", "Roth IRAs require minimum distributions starting at 73.",
     "roth-ira-rmd"),
    ("sentence", ".txt", "Losses inside a 401(k) reduce your taxable income.",
     "retirement-loss-offsets-gains"),
    ("sentence", ".txt", "Anyone can roll a 401(k) loss into an IRA and deduct it.",
     "retirement-loss-rollover"),
    ("list item", ".md", "# Title\n\nWhat to know:\n\n- IRA losses are deductible on Schedule A.\n",
     "ira-loss-misc-deduction-outdated"),
    ("list item", ".md", "# Title\n\nKey facts:\n\n- Roth 401(k) accounts require minimum "
     "distributions at 73.\n", "roth-401k-rmd"),
    ("list item", ".md", "# Title\n\nBefore year end:\n\n- Harvest the losses in your 401(k) "
     "to offset gains.\n", "retirement-loss-offsets-gains"),
    ("table cell", ".md", "# Title\n\n| Account | Rule |\n|---|---|\n| Roth IRA | Take RMDs "
     "from age 73 |\n", "roth-ira-rmd"),
    ("table cell", ".md", "# Title\n\n| Account | Rule |\n|---|---|\n| Traditional IRA | "
     "Losses offset capital gains |\n", "retirement-loss-offsets-gains"),
    pytest.param("table cell", ".md", "# Title\n\n| Account | Rule |\n|---|---|\n| Roth IRA | "
                 "Minimum distributions start at 73 |\n", "roth-ira-rmd",
                 marks=pytest.mark.xfail(strict=True, reason="0.30: the table's hedge-free cell "
                                         "is 0.38, and 'at #' weighs down")),
    ("Q&A reply", ".txt", "Q: Does a drop in my IRA help at tax time?\n\nA: A loss in your IRA "
     "offsets capital gains.", "retirement-loss-offsets-gains"),
    ("sentence", ".txt", "A Roth conversion can be undone by the tax deadline.",
     "conversion-recharacterize"),
]
"""Own paraphrases (none copied from a page): a wrong rule stated plainly, with none of the
words the verifier weighs up ("so", "you can"). The verifier adjusts the confidence table
instead of replacing it, so such a sentence keeps about the table's value and is shown by
default (verifier3, which replaced the table, gave the first two 0.32 and 0.28)."""

HISTORY = [
    ("sentence", ".txt", "IRA losses were deductible on Schedule A until 2017."),
    ("sentence", ".txt", "Roth 401(k) accounts required minimum distributions until 2024."),
    ("list item", ".md", "# Title\n\nWhat changed:\n\n- IRA losses were deductible on "
     "Schedule A until 2017.\n"),
    ("Q&A reply", ".txt", "Q: Could I undo a conversion?\n\nA: A Roth conversion could be "
     "undone by the tax deadline before 2018."),
    ("forum post", ".txt", "Posted by jm_77: back then IRA losses were deductible on "
     "Schedule A."),
]
"""The plain statements' history twins (true of the years they name): not shown by default."""


def _problem(report):
    found = [f for f in report.findings if f.verdict != "accurate" and f.framing == "stated"]
    return found[0] if found else None


def test_the_weights_file_ships_in_the_package_and_names_no_topic_word():
    weights = read_verifier()
    assert VERIFIER_FILE.parent.name == "data" and VERIFIER_FILE.is_file()
    assert weights.intercept == 0.0  # a sentence with no weighed n-gram keeps the table
    assert 50 <= len(weights.ngrams) <= 500
    words = set(weights.function_words)
    assert not words & TOPIC_WORDS
    for gram in weights.ngrams:
        for token in gram.split():
            assert token in words or token in {"w", "#", "?"}, gram
            assert not re.search(r"\d", token), gram
    assert 0 < DEFAULT_MIN_CONFIDENCE == weights.threshold < 1


def _fitter():
    spec = importlib.util.spec_from_file_location(
        "fit_verifier", ROOT / "benchmarks" / "fit_verifier.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # imports no scikit-learn at module level
    return module


@pytest.mark.parametrize("sentence", [
    "You can\u2019t deduct it, so don\u2019t try.",
    "The limit is $24,500 (up $1,000) for 2026?",
    "IT WAS AVAILABLE UNTIL 2017; you\u2018ll see it in 2018's rules.",
    "401(k) losses? Used to be deductible, no longer.",
    "",
])
def test_the_checker_reads_a_sentence_as_the_fitting_script_does(sentence):
    fitter = _fitter()
    weights = read_verifier()
    assert weights.token_pattern == fitter.TOKEN
    assert weights.function_words == frozenset(fitter.FUNCTION_WORDS)
    assert cue_grams(sentence, weights) == fitter.cue_grams(sentence)


@pytest.mark.parametrize("shape, suffix, present, past", TWINS)
def test_a_wrong_rule_told_as_history_is_quiet_or_trusted_less_than_stated_as_current(
        check_text, shape, suffix, present, past):
    """The current claim is shown by default; its history twin is either quiet (read as
    history) or trusted less than it."""
    now = _problem(check_text(present, suffix=suffix))
    then = _problem(check_text(past, suffix=suffix))
    assert now is not None and now.verdict in ("false", "outdated"), shape
    assert DEFAULT_MIN_CONFIDENCE <= now.confidence <= 1.0, shape
    if then is not None:
        assert then.claim_id == now.claim_id, shape
        assert 0.0 <= then.confidence < now.confidence, shape


@pytest.mark.parametrize("shape, suffix, present, past", TWINS)
def test_by_default_the_current_claim_is_shown_and_its_history_twin_is_not(
        request, check_text, shape, suffix, present, past):
    """The editor's default view (:data:`DEFAULT_MIN_CONFIDENCE`): the wrong rule stated as
    current is shown, the same rule told as history is left out."""
    if shape == "paragraph, no subject":
        # "were" is too rare in the fit to weigh (2 rows): the twin keeps about its table
        # value, 0.49 (verifier3, which replaced the table, hid it with every plain sentence)
        request.applymarker(pytest.mark.xfail(strict=True, reason="'were' has no weight"))
    now = _problem(check_text(present, suffix=suffix))
    then = _problem(check_text(past, suffix=suffix))
    assert now is not None and now.confidence >= DEFAULT_MIN_CONFIDENCE, shape
    assert then is None or then.confidence < DEFAULT_MIN_CONFIDENCE, shape


def test_the_deduction_told_as_over_is_not_flagged_as_current(check_text):
    assert _problem(check_text("The deduction was available until 2017.")) is None


def test_min_confidence_still_chooses_what_is_shown(tmp_path):
    article = tmp_path / "history.txt"
    article.write_text("Title\n\n" + TWINS[0][3] + "\n", encoding="utf-8")
    everything = json.loads(invoke("check", str(article), "--min-confidence", "0", "--format",
                                   "json").stdout)
    low = [f for f in everything[0]["findings"] if f["verdict"] == "false"]
    assert low and low[0]["confidence"] < DEFAULT_MIN_CONFIDENCE
    default = json.loads(invoke("check", str(article), "--format", "json").stdout)
    assert not [f for f in default[0]["findings"] if f["verdict"] == "false"]
    assert default[0]["below_confidence"] >= 1
    (tmp_path / ".taxcheck.toml").write_text("min_confidence = 0\n", encoding="utf-8")
    configured = invoke("check", str(article))
    assert "[retirement-loss-deductible]" in configured.stdout


@pytest.mark.parametrize("shape, suffix, text, claim_id", PLAIN)
def test_a_plain_wrong_statement_is_shown_by_default(check_text, shape, suffix, text,
                                                     claim_id):
    found = _problem(check_text(text, suffix=suffix))
    assert found is not None and found.claim_id == claim_id, shape
    assert found.verdict in ("false", "outdated"), shape
    assert found.confidence >= DEFAULT_MIN_CONFIDENCE, (shape, found.confidence)


@pytest.mark.parametrize("shape, suffix, text", HISTORY)
def test_the_plain_statements_history_twin_is_not_shown_by_default(check_text, shape, suffix,
                                                                   text):
    found = _problem(check_text(text, suffix=suffix))
    assert found is None or found.confidence < DEFAULT_MIN_CONFIDENCE, shape


def test_the_words_adjust_the_table_rather_than_replace_it():
    """No weighed n-gram: the table's confidence; "was" lowers it, "so" raises it."""
    weights = read_verifier()
    features = frozenset()
    assert weights.confidence(features, "") == confidence_of(PROBLEM_WEIGHTS, features)
    plain = weights.confidence(features, "IRA losses offset gains.")
    assert weights.confidence(features, "IRA losses was offset gains.") < plain
    assert weights.confidence(features, "IRA losses offset gains, so.") > plain
