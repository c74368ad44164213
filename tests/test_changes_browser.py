"""changes.html (``scan --compare``) in Chromium, like the other pages: its styles load
under its Content-Security-Policy, nothing logs an error or is fetched, nothing from an
article runs, it reads on a phone without sideways scrolling, and each change links to
its note on the article's page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import test_html_browser as shared
from conftest import ROOT
from taxcheck.claimdb import load_claims
from taxcheck.scan import ScanOptions, run_scan
from taxcheck.scan.changes import compare, load_scan, write_changes
from test_html_browser import _CONTRAST_JS, PAPER, WIDTHS, screenshot

pytestmark = pytest.mark.slow  # drives Chromium

browser = shared.browser  # the same fixtures as the other pages' browser tests
visit = shared.visit

FIGURE_YEARS = ROOT / "tests" / "data" / "house-figures"
HOSTILE_TITLE = '<img src=x onerror="window.__pwned_title=1">RMD rules for 2023'
ARTICLES = {
    "rmd-50.txt": f"{HOSTILE_TITLE}\n\nPublished March 3, 2023\n\n"
                  "If you skip an RMD, the IRS charges a 50% penalty.\n",
    "rmd-25.txt": "Missed your RMD?\n\nPublished June 9, 2023\n\n"
                  "Forget your RMD and you will owe an excise tax of 25%.\n\n"
                  "<script>window.__pwned_text = 1</script> Skip an RMD and the IRS takes 50% "
                  "of what you should have withdrawn.\n",
    "caploss.txt": "Capital losses\n\n"
                   "Capital losses can offset an unlimited amount of your ordinary income.\n",
}


@pytest.fixture(scope="module")
def changes_page(db, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("changes")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    cache = root / "cache"
    run_scan(db, ScanOptions(inputs=[str(corpus)], out_dir=root / "before", cache_dir=cache))
    house = load_claims([FIGURE_YEARS])
    out = root / "after"
    run_scan(house, ScanOptions(inputs=[str(corpus)], out_dir=out, cache_dir=cache))
    comparison = compare(load_scan(root / "before"), load_scan(out))
    write_changes(out, comparison, claims_version=house.version)
    assert len(comparison.articles) == 2
    return out / "changes.html"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changes_page_renders_with_its_styles_and_no_console_errors(visit, changes_page,
                                                                    scheme):
    seen = visit(changes_page, scheme=scheme)
    page = seen.page
    assert seen.errors == []
    assert seen.requests == [changes_page.as_uri()]
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == PAPER[scheme]
    assert page.locator("h1").inner_text() == "2 articles changed: 2 newly outdated"
    assert page.locator("ol.changed-articles > li").count() == 2
    screenshot(page, f"changes-{scheme}-desktop")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_changes_page_reads_on_a_phone_without_sideways_scrolling(visit, changes_page, width):
    page = visit(changes_page, width).page
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"changes.html scrolls sideways at {width}px"
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.says'))"
                         ".fontSize)")
    assert font >= 16
    screenshot(page, f"changes-{'phone' if width < 600 else 'desktop'}")


def test_nothing_from_an_article_runs_on_the_changes_page(visit, changes_page):
    seen = visit(changes_page)
    page = seen.page
    page.wait_for_timeout(200)
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []
    assert seen.dialogs == []
    assert page.locator("img, iframe, object, embed, script").count() == 0
    assert page.get_by_text(HOSTILE_TITLE, exact=False).count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changes_page_text_reaches_aa_contrast(visit, changes_page, scheme):
    assert visit(changes_page, scheme=scheme).page.evaluate(_CONTRAST_JS) == []


def test_each_change_links_to_its_note(visit, changes_page):
    seen = visit(changes_page)
    page = seen.page
    links = page.locator("a", has_text="see the note")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == ["pages/corpus/rmd-25.txt.html#note-1",
                     "pages/corpus/rmd-25.txt.html#note-2",
                     "pages/corpus/rmd-50.txt.html#note-1"]
    records = [json.loads(line) for line in
               (changes_page.parent / "changes.jsonl").read_text().splitlines()]
    links.first.click()
    page.wait_for_load_state("load")
    target = page.locator(":target")
    assert target.count() == 1
    # the note is the claim the changes page lists first
    first = records[0]["changes"][0]
    assert first["text"] in target.inner_text()
    assert first["claim_id"] in target.text_content()  # in the note's folded details
    assert seen.errors == []
