"""The batch index page: order, totals, frequent wrong claims, failed inputs, safety."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

import pytest

from html_dom import parse
from taxcheck.batch import ArticleEntry, BatchIndex, ClaimArticles
from taxcheck.render.html import render_index


def sample_index() -> BatchIndex:
    """A small batch: three checked articles, one hostile entry, one that failed."""
    articles = [
        ArticleEntry(path="corpus/clean.md", title="What a Roth conversion means",
                     page="clean.html", counts={"accurate": 2, "myth": 1}),
        ArticleEntry(path="corpus/seed-401k-losses.txt", title="Can You Write Off 401(k) Losses",
                     page="seed-401k-losses.html", counts={"false": 5, "accurate": 3}),
        ArticleEntry(path="corpus/broken.txt", error="file is binary, not text"),
        ArticleEntry(path="corpus/ira-limits.md", title="IRA limits for 2026",
                     url="https://news.example/ira", date=dt.date(2026, 1, 5),
                     page="ira-limits.html", counts={"outdated": 2, "accurate": 4}),
        ArticleEntry(path="corpus/<script>x.txt", title="<img src=x onerror=alert(1)>",
                     url="javascript:alert(2)", page="javascript:alert(3)",
                     counts={"misleading": 1}),
    ]
    top = [ClaimArticles(claim_id="retirement-loss-offsets-gains", verdict="false",
                         says="Losses inside a 401(k) or IRA can offset capital gains.", count=2,
                         articles=["corpus/seed-401k-losses.txt", "corpus/ira-limits.md"])]
    return BatchIndex(articles=articles, totals={"false": 5, "outdated": 2, "misleading": 1,
                                                 "myth": 1, "accurate": 9},
                      top_claims=top, taxcheck_version="0.1.0", claims_version="abc123",
                      generated=dt.datetime(2026, 2, 1, 9, 30), reviewer="The Tax Desk")


@pytest.fixture(scope="module")
def html() -> str:
    return render_index(sample_index())


@pytest.fixture(scope="module")
def page(html):
    return parse(html)


def test_articles_are_listed_with_the_most_problems_first(page):
    rows = page.find("table", cls="articles").find("tbody").find_all("tr")
    titles = [r.find("td").find(cls="article-title").text() for r in rows]
    assert titles == ["Can You Write Off 401(k) Losses", "IRA limits for 2026",
                      "<img src=x onerror=alert(1)>", "What a Roth conversion means"]
    first = [td.text() for td in rows[0].find_all("td")[1:]]
    assert first == ["–", "5", "5", "0", "0", "0", "3"]
    problems = page.find("th", where=lambda e: e.text() == "Problems")
    assert problems.attrs["aria-sort"] == "descending"


def test_totals_and_summary(page):
    totals = [td.text() for td in page.find("tfoot").find_all("td")]
    assert totals == ["Total (4 articles)", "", "8", "5", "2", "1", "1", "9"]
    assert page.find("p", cls="lede").text() == "8 wrong claims in 3 of 4 articles."
    scores = [s.text() for s in page.find("ul", cls="scorecard").find_all("li")]
    assert scores == ["5 False", "2 Outdated", "1 Misleading", "1 Debunked myths", "9 Verified"]
    assert "ReviewerThe Tax Desk" in page.find("dl", cls="facts").text()


def test_frequent_wrong_claims_link_to_the_articles_pages(page):
    item = page.find("ol", cls="top-claims").find("li")
    assert item.find("span", cls="badge").text() == "False"
    assert "in 2 articles" in item.text()
    links = [(a.attrs["href"], a.text()) for a in item.find("ul").find_all("a")]
    assert links == [("seed-401k-losses.html", "Can You Write Off 401(k) Losses"),
                     ("ira-limits.html", "IRA limits for 2026")]


def test_failed_inputs_are_listed_with_their_reasons(page):
    failed = page.find("ul", cls="failed").find_all("li")
    assert [li.text() for li in failed] == ["corpus/broken.txt: file is binary, not text"]
    assert page.find("h1").text() == "4 articles checked, 1 not checked"


def test_untrusted_entries_are_text_and_unsafe_urls_are_not_links(page):
    assert not page.find_all("img")
    hrefs = [e.attrs["href"] for e in page.iter() if "href" in e.attrs]
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert "https://news.example/ira" in hrefs
    scripts = page.find_all("script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].raw_text()


def test_the_only_script_is_the_sort_script_allowed_by_its_hash(page):
    (script,) = page.find_all("script")
    csp = page.find("meta", where=lambda e: e.attrs.get("http-equiv") ==
                    "Content-Security-Policy").attrs["content"]
    policy = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    digest = base64.b64encode(hashlib.sha256(script.raw_text().encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert policy["default-src"] == "'none'"


def test_an_empty_batch_says_so():
    index = BatchIndex(articles=[ArticleEntry(path="a.txt", error="file is empty")], totals={},
                       top_claims=[], taxcheck_version="0.1.0", claims_version="abc",
                       generated=dt.datetime(2026, 2, 1))
    page = parse(render_index(index))
    assert page.find("p", cls="lede").text() == "No article could be checked."
    assert not page.find_all("table")
