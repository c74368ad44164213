"""taxcheck eval: a claim whose rule the fact sheet states under two entries (``also_facts``)
matches a gold sentence labelled with either of them; a sentence labelled with a third fact
is still missed, and the finding is still a false alarm there."""

from __future__ import annotations

from pathlib import Path

from taxcheck.evaluation import evaluate

ARTICLE = """Hardship withdrawals

Because it's a hardship, the IRS will waive the 10% early withdrawal penalty.
"""


def _corpus(tmp_path: Path, fact: str) -> Path:
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "hardship.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "hardship.txt.yaml").write_text(
        "article: hardship.txt\nas_of: 2026\nannotations:\n"
        '  - quote: "the IRS will waive the 10% early withdrawal penalty"\n'
        f"    fact: {fact}\n    verdict: false\n", encoding="utf-8")
    return tmp_path


def test_a_claim_counts_for_each_fact_that_states_its_rule(tmp_path, checker):
    claim = checker.db.claim("hardship-withdrawal-penalty-free")
    assert claim.fact == "hardship-withdrawal-still-taxed-and-penalized"
    assert "hardship-withdrawal-mechanics-since-2020" in claim.also_facts
    for fact in (claim.fact, "hardship-withdrawal-mechanics-since-2020"):
        result = evaluate(_corpus(tmp_path, fact), checker)
        assert (result.problems.tp, result.problems.fp, result.problems.fn) == (1, 0, 0), fact


def test_a_fact_the_claim_does_not_state_is_still_a_miss(tmp_path, checker):
    result = evaluate(_corpus(tmp_path, "early-distribution-10pct-additional-tax"), checker)
    assert (result.problems.tp, result.problems.fp, result.problems.fn) == (0, 1, 1)
    assert result.miss_kinds == {"other_fact": 1}


TWO_FACTS = """Retirement losses

Losses in your 401(k) reduce your taxable income for the year, which can put you in a lower bracket.
"""


def test_a_sentence_labelled_under_two_facts_keeps_a_finding_for_each(tmp_path, checker):
    """The bracket claim rests on both entries (its own fact is the bracket entry); the
    offset claim on section A only. Whichever annotation comes first, each takes the finding
    whose own fact it is, so neither is left without one."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "losses.txt").write_text(TWO_FACTS, encoding="utf-8")
    quote = "Losses in your 401(k) reduce your taxable income for the year"
    for order in (("retirement-account-losses-not-deductible",
                   "capital-loss-reduces-taxable-income-not-bracket"),
                  ("capital-loss-reduces-taxable-income-not-bracket",
                   "retirement-account-losses-not-deductible")):
        (tmp_path / "gold" / "losses.txt.yaml").write_text(
            "article: losses.txt\nas_of: 2026\nannotations:\n" + "".join(
                f'  - quote: "{quote}"\n    fact: {fact}\n    verdict: false\n'
                for fact in order), encoding="utf-8")
        result = evaluate(tmp_path, checker)
        assert (result.problems.tp, result.problems.fp, result.problems.fn) == (2, 0, 0), order
