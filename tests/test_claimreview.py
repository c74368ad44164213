"""ClaimReview JSON-LD: the claim, the rating scale, and serialization that cannot break out."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SEED
from taxcheck.documents import ArticleMeta
from taxcheck.findings import Step
from taxcheck.readers import read_path
from taxcheck.render.claimreview import (
    CLAIM_REVIEWED_MAX,
    claim_review,
    claim_reviewed,
    rating_value,
    script_json,
    shorten,
)


@pytest.fixture(scope="module")
def report(checker):
    return checker.check(read_path(str(SEED)))


def by_claim(report, claim_id):
    return next(f for f in report.findings if f.claim_id == claim_id)


@pytest.mark.parametrize("verdict, value", [("false", 1), ("outdated", 2), ("misleading", 3),
                                            ("accurate", 4)])
def test_rating_scale_runs_from_false_to_true(verdict, value):
    assert rating_value(verdict) == value


def test_short_claims_are_kept_and_long_ones_cut_at_a_word():
    assert shorten("  You can   roll losses.\n") == "You can roll losses."
    long = ("If you discover a 401k loss after filing your taxes, you can file an amended "
            "return to claim the loss.")
    short = shorten(long)
    assert len(short) <= CLAIM_REVIEWED_MAX
    assert short == "If you discover a 401k loss after filing your taxes, you can file an…"
    assert long.startswith(short[:-1])


def test_a_claim_about_a_figure_is_quoted_not_summarised_with_its_verdict(report):
    finding = by_claim(report, "retirement-loss-rollover").model_copy(update={
        "message": "$23,000 was the 401(k) limit for 2025; for 2026 it is $24,500.",
        "text": "The 401(k) limit is $23,000.",
        "trail": (Step(stage="number", detail="$23,000 is the 2025 figure"),)})
    assert claim_reviewed(finding) == "The 401(k) limit is $23,000."


def test_the_review_names_the_article_and_its_author_when_known(report):
    meta = ArticleMeta(title="Can you write off 401(k) losses?", author="A. Writer",
                       url="https://news.example/losses", date=dt.date(2025, 4, 1))
    dated = report.model_copy(update={"meta": meta})
    review = claim_review(by_claim(report, "retirement-loss-rollover"), 3, dated,
                          published=dt.date(2026, 1, 2))
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "A. Writer"}
    assert item["datePublished"] == "2025-04-01"
    assert item["appearance"] == {"@type": "CreativeWork", "url": "https://news.example/losses",
                                  "headline": "Can you write off 401(k) losses?",
                                  "author": {"@type": "Person", "name": "A. Writer"},
                                  "datePublished": "2025-04-01"}
    assert review["datePublished"] == "2026-01-02"


def test_a_debunked_myth_is_not_attributed_to_the_article_author(check_text):
    myth_report = check_text("A common myth is that you can deduct 401(k) losses on your "
                             "return.\n")
    myth = myth_report.model_copy(update={"meta": ArticleMeta(author="A. Writer")})
    (finding,) = myth.findings
    assert finding.framing == "myth"
    review = claim_review(finding, 1, myth)
    assert "author" not in review["itemReviewed"]
    assert review["itemReviewed"]["appearance"]["author"]["name"] == "A. Writer"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingExplanation"].startswith("The article quotes this claim")


def test_only_web_addresses_become_review_urls(report):
    finding = by_claim(report, "retirement-loss-rollover")
    review = claim_review(finding, 2, report, page_url="javascript:alert(1)",
                          reviewer_url="data:text/html,x")
    assert review["url"] == "#note-2"
    assert "url" not in review["author"]


def test_script_json_cannot_end_the_script_block_or_open_a_comment():
    data = {"claim": "</script><script>alert(1)</script><!-- & \u2028", "n": [1, "<b>"]}
    text = script_json(data)
    for forbidden in ("<", ">", "&", "\u2028"):
        assert forbidden not in text
    assert json.loads(text) == data
