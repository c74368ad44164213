"""Publish mode: pages a publisher can post, with ClaimReview search engines accept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke
from html_dom import parse
from schemaorg_check import claim_review_problems
from taxcheck.render.claimreview import PUBLISH_MIN_CONFIDENCE

CORPUS = ROOT / "tests" / "data" / "publish"
BASE = "https://money.example/fact-checks/"
REVIEWER = ("--reviewer", "The Money Desk", "--reviewer-url", "https://money.example/")
ARTICLE_URL = "https://news.example/money/limits-2025"
EDITOR_TRAIL = ("Editor details", "Why it matched", "Claim ID", "Confidence", "Suggested rewrite")


def json_ld(html: str) -> list:
    return [json.loads(s.raw_text()) for s in parse(html).find_all("script")
            if s.attrs.get("type") == "application/ld+json"]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published")
    result = invoke("scan", "tests/data/publish", "--out", str(out), "-j", "1", "--no-cache",
                    "--publish", *REVIEWER, "--base-url", BASE.rstrip("/"), "-q")
    assert result.returncode == 1, result.stderr  # the corpus has false claims
    return out


def findings(out: Path) -> list[dict]:
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_each_wrong_claim_gets_a_page_with_exactly_one_claim_review(published):
    problems = [f for f in findings(published)
                if f["verdict"] != "accurate" and f["framing"] == "stated"
                and not f["suppressed"] and f["confidence"] >= PUBLISH_MIN_CONFIDENCE]
    wrong = {(f["claim_id"], f["page"]) for f in problems}
    pages = sorted(p.relative_to(published).as_posix()
                   for p in (published / "claims").rglob("*.html"))
    assert pages == sorted(f"claims/{claim}/{page.removeprefix('pages/')}"
                           for claim, page in wrong)
    assert "claims/retirement-loss-rollover/tests/data/publish/limits-2025.md.html" in pages
    first: dict[str, str] = {}
    for f in sorted(problems, key=lambda f: f["start"], reverse=True):
        first[f"claims/{f['claim_id']}/{f['page'].removeprefix('pages/')}"] = f["sentence"]
    for name in pages:
        (review,) = json_ld((published / name).read_text(encoding="utf-8"))
        assert isinstance(review, dict)  # one ClaimReview, not a list of them
        assert claim_review_problems(review) == [], name
        assert review["url"] == BASE + name
        assert review["author"] == {"@type": "Organization", "name": "The Money Desk",
                                    "url": "https://money.example/"}
        assert review["reviewRating"]["alternateName"] in {"False", "Outdated", "Misleading"}
        assert review["claimReviewed"] == first[name]  # the whole sentence as stated


def test_a_claim_page_names_the_article_and_links_its_review(published):
    name = "claims/elective-deferral-limit/tests/data/publish/limits-2025.md.html"
    html = (published / name).read_text(encoding="utf-8")
    (review,) = json_ld(html)
    assert review["claimReviewed"] == ("If you fell behind, remember that the 401(k) limit for "
                                       "2025 is $23,000.")
    assert review["reviewRating"]["alternateName"] == "Outdated"
    item = review["itemReviewed"]
    assert item["appearance"]["url"] == ARTICLE_URL
    assert item["author"] == {"@type": "Person", "name": "A. Writer"}
    dom = parse(html)
    assert dom.find("link", where=lambda e: e.attrs.get("rel") == "canonical").attrs[
        "href"] == BASE + name
    back = dom.find("a", where=lambda e: e.text() == "The review of the whole article")
    assert (published / name).parent.joinpath(back.attrs["href"]).resolve() == (
        published / "pages/tests/data/publish/limits-2025.md.html").resolve()
    text = dom.find("main").text()
    assert "$23,000 was the figure for 2024" in text
    assert "IRC §402(g)(1)" in text  # the sources


def test_the_article_review_lists_its_claim_pages_and_carries_no_review_itself(published):
    page = published / "pages/tests/data/publish/limits-2025.md.html"
    dom = parse(page.read_text(encoding="utf-8"))
    assert json_ld(page.read_text(encoding="utf-8")) == []  # the claim pages carry them
    listed = dom.find(cls="claim-pages").find_all("a")
    targets = {(page.parent / a.attrs["href"]).resolve() for a in listed}
    assert targets == {p.resolve() for p in (published / "claims").rglob("limits-2025.md.html")}
    assert len(targets) == 2
    assert {a.text() for a in listed} == {
        "If you fell behind, remember that the 401(k) limit for 2025 is $23,000.",
        "You can roll over your 401k losses into an IRA when you leave your job."}
    assert dom.find("link", where=lambda e: e.attrs.get("rel") == "canonical").attrs[
        "href"] == BASE + "pages/tests/data/publish/limits-2025.md.html"


def test_published_pages_show_readers_no_editor_trail(published):
    for page in [*published.rglob("*.html")]:
        text = parse(page.read_text(encoding="utf-8")).find("body").text()
        for word in EDITOR_TRAIL:
            assert word not in text, f"{word!r} on {page.relative_to(published)}"
        assert "Reviewed by The Money Desk" in text
        assert "Reviewed by taxcheck" not in text


def test_pages_for_editors_keep_the_trail_behind_a_disclosure_and_carry_no_review(tmp_path):
    result = invoke("scan", "tests/data/publish", "--out", str(tmp_path), "-j", "1",
                    "--no-cache", "-q")
    assert result.returncode == 1, result.stderr
    assert not (tmp_path / "claims").exists()
    html = (tmp_path / "pages/tests/data/publish/limits-2025.md.html").read_text(encoding="utf-8")
    assert json_ld(html) == []
    dom = parse(html)
    notes = dom.find_all("article", cls="note")
    assert notes
    for note in notes:
        details = note.find("details", cls="editor-details")
        assert details.find("summary").text() == "Editor details"
        assert "Claim ID" in details.text() and "Confidence" in details.text()
        assert "Why it matched" not in note.text().replace(details.text(), "")
    assert "Checked automatically by taxcheck" in dom.find("footer").text()


def test_check_publish_reviews_the_problems_on_one_page(tmp_path):
    out = tmp_path / "review.html"
    page_url = "https://money.example/fact-checks/limits.html"
    result = invoke("check", "tests/data/publish/limits-2025.md", "--format", "html", "-o",
                    str(out), "--publish", *REVIEWER, "--page-url", page_url)
    assert result.returncode == 1, result.stderr
    (reviews,) = json_ld(out.read_text(encoding="utf-8"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Outdated", "False"]
    assert all(claim_review_problems(r) == [] for r in reviews)
    assert all(r["url"].startswith(page_url + "#note-") for r in reviews)


@pytest.mark.parametrize("args, missing", [
    ((), "--reviewer NAME, --reviewer-url URL and --page-url URL"),
    (("--reviewer", "The Money Desk"), "--reviewer-url URL and --page-url URL"),
    ((*REVIEWER,), "--page-url URL"),
])
def test_check_publish_says_in_one_line_what_is_missing(tmp_path, args, missing):
    result = invoke("check", "tests/data/publish/limits-2025.md", "--format", "html", "-o",
                    str(tmp_path / "x.html"), "--publish", *args)
    assert result.returncode == 2
    assert result.stderr == f"taxcheck: error: --publish needs {missing}: a published review " \
                            "names its reviewer and its address\n"
    assert not (tmp_path / "x.html").exists()


def test_scan_publish_without_a_reviewer_exits_2_and_writes_nothing(tmp_path):
    result = invoke("scan", "tests/data/publish", "--out", str(tmp_path / "out"), "--publish",
                    "--base-url", BASE)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "taxcheck: error: --publish needs --reviewer NAME and --reviewer-url URL: a published "
        "review names its reviewer and its address"]
    assert not (tmp_path / "out").exists()


def test_publish_from_the_configuration_names_the_file(tmp_path):
    (tmp_path / ".taxcheck.toml").write_text('publish = true\nreviewer = "The Money Desk"\n',
                                             encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text((CORPUS / "limits-2025.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", str(article), "--format", "html", "-o", str(tmp_path / "x.html"))
    assert result.returncode == 2
    assert result.stderr == (
        f"taxcheck: error: publish = true ({tmp_path / '.taxcheck.toml'}:1) needs "
        "--reviewer-url URL and --page-url URL: a published review names its reviewer and its "
        "address\n")
    # the linter's own output is not a page: it runs as usual
    lint = invoke("check", str(article))
    assert lint.returncode == 1 and lint.stderr == ""
    assert lint.stdout.rstrip().endswith("1 error, 1 warning, 2 verified claims, "
                                         "1 contradiction in 1 file")


def test_a_rerun_without_publish_removes_the_claim_pages(tmp_path):
    args = ("scan", "tests/data/publish", "--out", str(tmp_path), "-j", "1", "-q")
    invoke(*args, "--publish", *REVIEWER, "--base-url", BASE)
    assert list((tmp_path / "claims").rglob("*.html"))
    keep = tmp_path / "claims" / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    invoke(*args)
    assert not list((tmp_path / "claims").rglob("*.html"))
    assert keep.read_text(encoding="utf-8") == "mine"  # files taxcheck did not write stay
