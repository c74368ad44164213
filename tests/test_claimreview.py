"""ClaimReview JSON-LD: the claim as stated, the rating scale, schema.org's vocabulary,
only the problems a reviewer stands behind, and serialization that cannot break out."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SEED
from schemaorg_check import claim_review_problems, schema_problems
from taxcheck.documents import ArticleMeta
from taxcheck.readers import read_path
from taxcheck.render.claimreview import (
    claim_review,
    claim_reviewed,
    claim_reviews,
    publishable,
    rating_value,
    script_json,
)
from taxcheck.render.html import numbered_findings

PAGE = "https://money.example/checks/seed.html"
META = ArticleMeta(title="Can you write off 401(k) losses?", author="A. Writer",
                   url="https://news.example/losses", date=dt.date(2025, 4, 1))


@pytest.fixture(scope="module")
def report(checker):
    return checker.check(read_path(str(SEED))).model_copy(update={"meta": META})


def by_claim(report, claim_id):
    return next(f for f in report.findings if f.claim_id == claim_id)


def review_of(finding, report, **options):
    return claim_review(finding, f"{PAGE}#note-1", report,
                        **{"reviewer": "The Money Desk", "published": dt.date(2026, 1, 2),
                           **options})


@pytest.mark.parametrize("verdict, value", [("false", 1), ("outdated", 2), ("misleading", 3),
                                            ("accurate", 4)])
def test_rating_scale_runs_from_false_to_true(verdict, value):
    assert rating_value(verdict) == value


def test_every_review_validates_against_schema_org(report):
    for finding in report.findings:
        review = review_of(finding, report, reviewer_url="https://money.example/")
        assert claim_review_problems(review) == [], finding.claim_id


def test_the_validator_catches_what_schema_org_does_not_allow(report):
    review = review_of(by_claim(report, "retirement-loss-rollover"), report)
    broken = {**review, "verdict": "False", "url": "#note-1",
              "author": {"@type": "Claim", "name": "x"},
              "reviewRating": {**review["reviewRating"], "ratingValue": "one"},
              "itemReviewed": {**review["itemReviewed"], "appearance": {"@type": "Rating"}}}
    problems = claim_review_problems(broken)
    assert "$.verdict: not a property of ClaimReview" in problems
    assert "$.author: a Claim where only ['Organization', 'Person'] may go" in problems
    assert "$.itemReviewed.appearance: a Rating where only ['CreativeWork', 'NoneType'] may go" \
        in problems
    assert "url is not an absolute web address" in problems
    assert "reviewRating needs numbers for worstRating, ratingValue and bestRating" in problems
    assert schema_problems({"@type": "FactCheck"}) == [
        "$: @type 'FactCheck' is not a schema.org type"]


def test_claim_reviewed_is_the_whole_sentence_never_a_fragment(check_text):
    sentence = ("If you max out your 401(k), the limit for 2026 is $23,500, up from $23,000 "
                "in 2025, so plan your contributions early in the year.")
    report = check_text(sentence + "\n")
    figures = [f for f in report.findings if any(s.stage == "number" for s in f.trail)]
    assert figures, "the figure was not checked"
    for finding in figures:
        assert claim_reviewed(finding) == sentence
    wrong = check_text("Plenty of savers ask about it.\n\nYou can roll over your 401k "
                       "losses into an IRA when you change jobs.\n")
    assert claim_reviewed(by_claim(wrong, "retirement-loss-rollover")) == (
        "You can roll over your 401k losses into an IRA when you change jobs.")


def test_the_review_names_the_reviewer_the_article_and_its_author(report):
    review = review_of(by_claim(report, "retirement-loss-rollover"), report,
                       reviewer_url="https://money.example/")
    assert review["url"] == f"{PAGE}#note-1"
    assert review["author"] == {"@type": "Organization", "name": "The Money Desk",
                                "url": "https://money.example/"}
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "A. Writer"}
    assert item["datePublished"] == "2025-04-01"
    assert item["appearance"] == {"@type": "CreativeWork", "url": "https://news.example/losses",
                                  "headline": "Can you write off 401(k) losses?",
                                  "author": {"@type": "Person", "name": "A. Writer"},
                                  "datePublished": "2025-04-01"}
    assert review["datePublished"] == "2026-01-02"
    assert review["reviewRating"]["alternateName"] == "False"


def test_only_the_problems_the_reviewer_stands_behind_are_reviewed(report):
    numbered = numbered_findings(report)
    reviews = claim_reviews(report, numbered, PAGE, reviewer="The Money Desk")
    problems = [(n, f) for n, f in numbered if f.is_problem]
    assert len(reviews) == len(problems) == 5 < len(numbered)
    assert [r["url"] for r in reviews] == [f"{PAGE}#note-{n}" for n, _ in problems]
    assert all(r["reviewRating"]["alternateName"] != "True" for r in reviews)
    unsure = by_claim(report, "retirement-loss-rollover").model_copy(update={"confidence": 0.3})
    assert not publishable(unsure)
    assert not publishable(unsure.model_copy(update={"confidence": 0.95, "suppressed": True}))


def test_a_debunked_myth_is_never_published(check_text):
    myth_report = check_text("A common myth is that you can deduct 401(k) losses on your "
                             "return.\n")
    (finding,) = myth_report.findings
    assert finding.framing == "myth" and not publishable(finding)
    review = review_of(finding, myth_report.model_copy(update={"meta": META}))
    assert "author" not in review["itemReviewed"]  # the article's author did not claim it
    assert review["reviewRating"]["ratingExplanation"].startswith("The article quotes this claim")


def test_only_web_addresses_of_the_reviewer_and_article_are_used(report):
    odd = report.model_copy(update={"meta": META.model_copy(update={"url": "javascript:x"})})
    review = review_of(by_claim(odd, "retirement-loss-rollover"), odd,
                       reviewer_url="data:text/html,x")
    assert "url" not in review["author"]
    assert "url" not in review["itemReviewed"]["appearance"]


def test_script_json_cannot_end_the_script_block_or_open_a_comment():
    data = {"claim": "</script><script>alert(1)</script><!-- & \u2028", "n": [1, "<b>"]}
    text = script_json(data)
    for forbidden in ("<", ">", "&", "\u2028"):
        assert forbidden not in text
    assert json.loads(text) == data
