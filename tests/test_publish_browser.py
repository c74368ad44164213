"""Published pages in Chromium: the article review, a claim's own page and the index of
``scan --publish`` are CSP-clean (no console error, no request), readable on a phone and
in dark mode, and link to each other; a page for editors opens its editor details.

Uses the browser fixtures of test_html_browser (skipped the same way without Chromium).
Screenshots go to test-artifacts/; docs/screenshots/ are made from them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import test_html_browser as chromium
from conftest import ROOT, invoke
from test_html_browser import _CONTRAST_JS, WIDTHS, screenshot

pytestmark = pytest.mark.slow  # drives Chromium

browser = chromium.browser  # the fixtures, shared with test_html_browser
visit = chromium.visit

BASE = "https://money.example/fact-checks/"
ARTICLE = "pages/tests/data/publish/limits-2025.md.html"
CLAIM = "claims/elective-deferral-limit/tests/data/publish/limits-2025.md.html"


def _scan(out: Path, *publish: str) -> Path:
    result = invoke("scan", "tests/data/publish", "--out", str(out), "-j", "1", "--no-cache",
                    "-q", *publish, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _scan(tmp_path_factory.mktemp("site"), "--publish", "--reviewer", "The Money Desk",
                 "--reviewer-url", "https://money.example/", "--base-url", BASE)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    return _scan(tmp_path_factory.mktemp("drafts"))


def _reviews(page) -> list:
    return page.evaluate("[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                         ".map(s => JSON.parse(s.textContent))")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", [ARTICLE, CLAIM, "index.html"])
def test_published_pages_are_csp_clean_readable_and_fit(visit, site, name, width, scheme):
    seen = visit(site / name, width, scheme=scheme)
    page = seen.page
    assert seen.errors == []  # a blocked style or script would be logged as an error
    assert seen.requests == [(site / name).as_uri()]
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{name} scrolls sideways at {width}px"
    assert page.evaluate(_CONTRAST_JS) == []
    assert page.get_by_text("Editor details").count() == 0
    label = {375: "phone", 1280: "desktop"}[width]
    screenshot(page, f"publish-{Path(name).parts[0]}-{label}-{scheme}")


def test_a_claim_page_has_one_review_and_links_the_article_review(visit, site):
    page = visit(site / CLAIM).page
    (review,) = _reviews(page)
    assert review["@type"] == "ClaimReview" and review["url"] == BASE + CLAIM
    assert page.locator("h1").inner_text() == f"“{review['claimReviewed']}”"
    page.get_by_role("link", name="The review of the whole article").click()
    page.wait_for_load_state("load")
    assert page.url == (site / ARTICLE).as_uri()
    assert _reviews(page) == []  # the claim pages carry the reviews
    links = page.locator(".claim-pages a")
    assert links.count() == 2
    links.first.click()
    page.wait_for_load_state("load")
    assert len(_reviews(page)) == 1


def test_an_editor_opens_the_details_and_follows_a_contradiction(visit, drafts):
    page = visit(drafts / ARTICLE, script=False).page
    note = page.locator("article.note.v-outdated")
    details = note.locator("details.editor-details")
    assert not details.locator("dd").first.is_visible()  # folded away by default
    details.locator("summary").click()
    assert details.get_by_text("elective-deferral-limit").is_visible()
    note.locator(".note-contradiction a").click()
    target = page.evaluate("location.hash")
    assert page.locator(f"{target}.v-accurate").count() == 1
    assert page.locator(target).evaluate("n => n.matches(':target')")
    screenshot(page, "drafts-article-details")


def test_readme_screenshots(visit, site, drafts):
    """The pictures in the README and docs/screenshots/ (copied from test-artifacts/)."""
    for width in WIDTHS.values():
        page = visit(drafts / ARTICLE, width).page
        page.screenshot(path=str(ROOT / "test-artifacts" / f"readme-drafts-top-{width}.png"))
        note = page.locator("article.note.v-outdated")
        note.locator("details.editor-details summary").click()
        note.evaluate("n => window.scrollTo(0, n.getBoundingClientRect().top + scrollY - 120)")
        page.screenshot(path=str(ROOT / "test-artifacts" / f"readme-drafts-notes-{width}.png"))
        claim = visit(site / CLAIM, width).page
        claim.screenshot(path=str(ROOT / "test-artifacts" / f"readme-claim-{width}.png"),
                         full_page=True)
