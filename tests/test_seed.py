"""The seed article: exactly the three wrong recommendations are flagged."""

from __future__ import annotations

import json
from functools import cache

from conftest import SEED, invoke


@cache
def _reports() -> list:
    result = invoke("check", str(SEED), "--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def _findings():
    reports = _reports()
    assert [r["path"] for r in reports] == [str(SEED)]
    return reports[0]["findings"]


def test_three_wrong_recommendations_are_false():
    findings = _findings()
    false = {(f["claim_id"], f["sentence"]) for f in findings if f["verdict"] == "false"}
    sentences = {s for _, s in false}
    assert "If you have a traditional IRA, you can roll over your 401k losses into the IRA." in (
        sentences)
    assert any(s.startswith("If you have capital gains from the sale of other investments, "
                            "you can use your 401k losses to offset") for s in sentences)
    assert any(s.startswith("If you discover a 401k loss after filing your taxes, you can file "
                            "an amended return") for s in sentences)
    ids = {c for c, _ in false}
    assert {"retirement-loss-rollover", "retirement-loss-offsets-gains",
            "retirement-loss-amended-return"} <= ids


def test_correct_sentences_are_verified_not_flagged():
    findings = _findings()
    by_sentence = {}
    for f in findings:
        by_sentence.setdefault(f["sentence"], set()).add(f["verdict"])
    first = "Unfortunately, the IRS does not allow you to directly write off 401k losses."
    assert by_sentence[first] == {"accurate"}
    second = next(s for s in by_sentence if s.startswith("These losses are considered "
                                                          "non-deductible"))
    assert by_sentence[second] == {"accurate"}


def test_no_other_sentence_gets_an_error():
    allowed = ("If you have a traditional IRA, you can roll over",
               "If you have capital gains from the sale",
               "If you discover a 401k loss after filing",
               # the numbered headings that introduce the same recommendations
               "Use the Loss to Offset Capital Gains", "Amend Your Tax Return")
    for f in _findings():
        if f["severity"] == "error":
            assert f["sentence"].startswith(allowed), f["sentence"]


def test_question_is_not_a_claim():
    for f in _findings():
        assert "?" not in f["sentence"]
        assert not f["sentence"].startswith("Maximizing Financial Relief")


def test_findings_point_at_source_lines():
    source = SEED.read_text(encoding="utf-8")
    lines = source.split("\n")
    for f in _findings():
        assert source[f["start"]:f["end"]] == f["text"]
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["text"][:20])
