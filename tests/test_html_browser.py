"""The review and index pages in a real browser (Playwright driving Debian's Chromium).

Skipped with a clear reason when Playwright or Chromium is missing, unless
TAXCHECK_REQUIRE_BROWSER=1 (as in CI), where a missing browser fails the tests.
Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from taxcheck.batch import ArticleEntry, BatchIndex, ClaimArticles
from taxcheck.readers import read_bytes
from taxcheck.render.html import render_html, render_index

pytestmark = pytest.mark.slow  # drives Chromium

CHROMIUM = Path(os.environ.get("TAXCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PUBLISHED = dt.date(2026, 3, 2)
WIDTHS = {"phone": 375, "desktop": 1280}
PUBLISH = {"publish": True, "reviewer": "The Tax Desk", "reviewer_url": "https://desk.example/",
           "page_url": "https://desk.example/reviews/seed.html"}
PAPER = {"light": "rgb(251, 250, 247)", "dark": "rgb(20, 21, 24)"}


def _unavailable(reason: str) -> None:
    if os.environ.get("TAXCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required (TAXCHECK_REQUIRE_BROWSER=1) but {reason}",
                    pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module; Playwright gives it a fresh temporary profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def pages(checker, tmp_path_factory) -> dict[str, Path]:
    """The pages under test, written to files: the seed, two hostile articles, an index."""
    out = tmp_path_factory.mktemp("pages")
    written = {}
    for name, source in [("seed", SEED), ("hostile-article", HOSTILE / "article.txt"),
                         ("hostile-metadata", HOSTILE / "metadata.md")]:
        shown = str(source.relative_to(ROOT))  # the path as a user in the project types it
        report = checker.check(read_bytes(source.read_bytes(), shown))
        path = out / f"{name}.html"
        path.write_text(render_html([report], published=PUBLISHED, index_url="index.html"),
                        encoding="utf-8")
        written[name] = path
        published = out / f"{name}-published.html"
        published.write_text(render_html([report], published=PUBLISHED, index_url="index.html",
                                         **PUBLISH), encoding="utf-8")
        written[f"{name}-published"] = published
    entries = [
        ArticleEntry(path="corpus/clean.md", title="What a Roth conversion means",
                     counts={"accurate": 2}),
        ArticleEntry(path="corpus/seed-401k-losses.txt", title="Can You Write Off 401(k) Losses",
                     page="seed.html",
                     counts={"false": 5, "accurate": 3}),
        ArticleEntry(path="corpus/<b>x</b>.md", title="<img src=x onerror=alert(1)>",
                     page="hostile-article.html", counts={"false": 2, "accurate": 1}),
        ArticleEntry(path="corpus/limits.md", title="A 2026 limits round-up",
                     counts={"outdated": 3, "misleading": 1}),
        ArticleEntry(path="corpus/broken.txt", error="file is binary, not text"),
    ]
    index = BatchIndex(articles=entries, totals={}, taxcheck_version="0.1.0",
                       claims_version="abc123", generated=dt.datetime(2026, 3, 2, 8, 0),
                       top_claims=[ClaimArticles(
                           claim_id="retirement-loss-rollover", verdict="false", count=2,
                           says="You can roll 401(k) losses into an IRA.",
                           articles=["corpus/seed-401k-losses.txt", "corpus/<b>x</b>.md"])])
    written["index"] = out / "index.html"
    written["index"].write_text(render_index(index), encoding="utf-8")
    return written


@dataclass
class Visit:
    """A page open in its own browser context, with what it logged and requested."""

    page: object
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser):
    contexts = []

    def open_page(path: Path, width: int = 1280, *, scheme: str = "light",
                  script: bool = True) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      color_scheme=scheme, java_script_enabled=script,
                                      reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)
        page.on("console", lambda m: seen.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: seen.errors.append(f"page error: {e}"))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: seen.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return seen

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_seed_page_renders_with_its_styles_and_no_console_errors(visit, pages, scheme):
    seen = visit(pages["seed"], scheme=scheme)
    page = seen.page
    assert seen.errors == []
    assert seen.requests == [pages["seed"].as_uri()]  # nothing fetched from anywhere
    # the inline stylesheet was allowed by its hash: the page has its own colours
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == PAPER[scheme]
    assert page.locator("mark.hl").count() == 9
    assert page.locator("article.note").count() == 9
    screenshot(page, f"seed-{scheme}-desktop")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", ["seed", "hostile-article", "hostile-metadata", "index"])
def test_no_horizontal_scroll(visit, pages, name, width):
    page = visit(pages[name], width).page
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{name} scrolls sideways at {width}px ({scroll} > {client})"
    label = {375: "phone", 1280: "desktop"}[width]
    screenshot(page, f"{name}-{label}")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_notes_sit_beside_their_claim_on_desktop_and_below_it_on_a_phone(visit, pages, width):
    page = visit(pages["seed"], width).page
    heading = page.locator(".b-heading").filter(has_text="Contribute to a Traditional IRA")
    heading.evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 24)")
    mark = page.locator("mark.hl").filter(has=page.locator("#claim-4")).bounding_box()
    note = page.locator("#note-4").bounding_box()
    assert mark is not None and note is not None
    if width >= 1024:
        assert note["x"] >= mark["x"] + mark["width"]  # in the margin, to the right
        assert abs(note["y"] - mark["y"]) < 40  # level with its claim
    else:
        assert note["y"] >= mark["y"] + mark["height"]  # right after its paragraph
        assert note["x"] + note["width"] <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"readme-seed-notes-{width}.png"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"readme-seed-top-{width}.png"))


def test_every_highlight_links_to_its_note_and_back(visit, pages):
    page = visit(pages["seed"]).page
    refs = page.locator("a.ref")
    assert refs.count() == 9
    for i in range(refs.count()):
        ref = refs.nth(i)
        number = ref.get_attribute("id").removeprefix("claim-")
        ref.click()
        note = page.locator(f"#note-{number}")
        assert page.evaluate("location.hash") == f"#note-{number}"
        assert note.evaluate("n => n.matches(':target')")
        assert note.evaluate("n => n.getBoundingClientRect().top < innerHeight")
        assert note.locator(".badge").inner_text().strip() != ""
        note.locator("a.back").click()
        assert page.evaluate("location.hash") == f"#claim-{number}"
        assert ref.evaluate("r => r.matches(':target')")
        box = ref.bounding_box()
        assert box is not None and 0 <= box["y"] < 900


def test_notes_are_reachable_by_keyboard_with_a_visible_focus_ring(visit, pages):
    page = visit(pages["seed"]).page
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.textContent,"
                         " document.activeElement.getBoundingClientRect().top]")
    assert skip[0] == "skip" and skip[1] == "Skip to content" and skip[2] >= 0
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "claim-3":
            break
    else:
        pytest.fail("Tab never reached the marker of claim 3")
    ring = page.evaluate("[getComputedStyle(document.activeElement).outlineStyle,"
                         " getComputedStyle(document.activeElement).outlineWidth]")
    assert ring == ["solid", "3px"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#note-3"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article.note')?.id") == "note-3"


def test_verified_claims_can_be_hidden_without_script(visit, pages):
    page = visit(pages["seed"], script=False).page
    verified, wrong = page.locator("article.note.v-accurate"), page.locator("article.note.v-false")
    assert verified.count() == 4 and wrong.count() == 5
    assert verified.first.is_visible()
    page.get_by_text("Hide verified claims (4)").click()
    assert all(not verified.nth(i).is_visible() for i in range(4))
    assert all(wrong.nth(i).is_visible() for i in range(5))
    assert not page.locator("a.ref.v-accurate").first.is_visible()
    assert page.locator("a.ref.v-false").first.is_visible()
    screenshot(page, "seed-verified-hidden")


@pytest.mark.parametrize("name", ["hostile-article", "hostile-metadata",
                                  "hostile-article-published", "hostile-metadata-published"])
def test_no_script_from_the_article_runs(visit, pages, name):
    seen = visit(pages[name])
    page = seen.page
    page.wait_for_timeout(300)
    for link in page.locator("a.ref, a.back").all():
        link.click()
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []
    assert seen.dialogs == []
    assert seen.errors == []
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("script:not([type='application/ld+json'])").count() == 0
    assert page.evaluate("[...document.querySelectorAll('[href]')].filter(e => "
                         "!/^(https?:|#|index\\.html$)/i.test(e.getAttribute('href'))"
                         ").map(e => e.getAttribute('href'))") == []
    if name.startswith("hostile-article"):
        assert page.get_by_text('<script>window.__pwned_script = 1; alert("script")</script>',
                                exact=False).count() == 1


def _json_ld(page) -> list:
    return page.evaluate("[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                         ".map(s => JSON.parse(s.textContent))")


def test_json_ld_parses_and_has_the_claim_review_fields(visit, pages):
    assert _json_ld(visit(pages["seed"]).page) == []  # a page for editors has none
    page = visit(pages["seed-published"]).page
    (reviews,) = _json_ld(page)
    assert len(reviews) == page.locator("article.note.v-false").count() == 5
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] in page.locator("blockquote.note-quote").all_inner_texts()
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"] == "False"
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["name"] == "liuqiyue"
        assert review["author"] == {"@type": "Organization", "name": "The Tax Desk",
                                    "url": "https://desk.example/"}
        assert review["datePublished"] == "2026-03-02"
        assert review["url"].startswith(PUBLISH["page_url"] + "#note-")
        fragment = review["url"].removeprefix(PUBLISH["page_url"])
        assert page.locator(fragment).count() == 1  # "#note-N" is on the page


def test_json_ld_keeps_a_closing_script_tag_as_data(visit, pages):
    page = visit(pages["hostile-article-published"]).page
    (reviews,) = _json_ld(page)
    texts = [r["claimReviewed"] for r in reviews]
    assert any("</script><script>window.__pwned_claim=1" in t for t in texts)
    metadata = visit(pages["hostile-metadata-published"]).page
    (meta_reviews,) = _json_ld(metadata)
    assert meta_reviews[0]["itemReviewed"]["appearance"]["headline"].endswith("</script><!--")


def test_print_layout_puts_notes_under_the_text_and_writes_out_sources(visit, pages):
    page = visit(pages["seed"]).page
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.controls')).display") == \
        "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.row')).display") == "block"
    after = page.evaluate("getComputedStyle(document.querySelector('.sources a'), '::after')"
                          ".content")
    assert "https://" in after or "http://" in after
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "seed-print.pdf"))


def _sort_state(page) -> tuple[list[str], dict[str, str]]:
    titles = page.eval_on_selector_all("table.articles tbody tr .article-title",
                                       "els => els.map(e => e.textContent.trim())")
    sorts = page.eval_on_selector_all(
        "table.articles th[aria-sort]",
        "els => Object.fromEntries(els.map(e => [e.textContent.trim(), "
        "e.getAttribute('aria-sort')]))")
    return titles, sorts


def test_index_is_sorted_by_most_problems_and_sorts_on_click(visit, pages):
    server_order = ["Can You Write Off 401(k) Losses", "A 2026 limits round-up",
                    "<img src=x onerror=alert(1)>", "What a Roth conversion means"]
    plain = visit(pages["index"], script=False)
    assert _sort_state(plain.page) == (server_order, {"Problems": "descending"})
    assert plain.page.locator("th button").count() == 0

    seen = visit(pages["index"])
    page = seen.page
    assert seen.errors == [] and seen.dialogs == []
    assert _sort_state(page)[0] == server_order
    page.get_by_role("button", name="Outdated").click()
    assert _sort_state(page) == (["A 2026 limits round-up", "Can You Write Off 401(k) Losses",
                                  "<img src=x onerror=alert(1)>",
                                  "What a Roth conversion means"], {"Outdated": "descending"})
    page.get_by_role("button", name="Article").click()
    assert _sort_state(page) == (sorted(server_order, key=str.lower), {"Article": "ascending"})
    page.get_by_role("button", name="Article").click()
    assert _sort_state(page)[1] == {"Article": "descending"}
    page.get_by_role("button", name="Problems").focus()
    page.keyboard.press("Enter")
    assert _sort_state(page) == (server_order, {"Problems": "descending"})
    page.get_by_role("link", name="Can You Write Off 401(k) Losses").first.click()
    page.wait_for_load_state("load")
    assert page.url == pages["seed"].as_uri()
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []


_CONTRAST_JS = """
() => {
  const rgb = c => { const m = c.match(/[\\d.]+/g).map(Number);
                     return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = ({r, g, b}) => { const f = v => { v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0.99) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const failures = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width < 2 || box.height < 2 || el.closest('.sr-only')) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    const fg = rgb(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) failures.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} `
                                   + `"${el.textContent.trim().slice(0, 30)}"`);
  }
  return failures;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["seed", "index"])
def test_every_visible_text_reaches_aa_contrast(visit, pages, name, scheme):
    page = visit(pages[name], scheme=scheme).page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(_CONTRAST_JS) == []
