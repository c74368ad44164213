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
