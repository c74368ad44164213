"""The review page: what it shows, and that article text cannot change it (no browser)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from html_dom import Element, parse
from taxcheck.documents import ArticleMeta
from taxcheck.readers import read_path
from taxcheck.render.html import render_html

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PUBLISHED = dt.date(2026, 3, 2)
PUBLISH = {"publish": True, "reviewer": "The Tax Desk", "reviewer_url": "https://desk.example/",
           "page_url": "https://desk.example/reviews/seed.html"}


@pytest.fixture(scope="module")
def seed_report(checker):
    return checker.check(read_path(str(SEED)))


@pytest.fixture(scope="module")
def seed_page(seed_report) -> Element:
    return parse(render_html([seed_report], published=PUBLISHED))


def page_for(checker, path: Path, **options) -> tuple[str, Element]:
    html = render_html([checker.check(read_path(str(path)))], published=PUBLISHED, **options)
    return html, parse(html)


def json_ld(page: Element) -> list[dict]:
    blocks = page.find_all("script", where=lambda e: e.attrs.get("type") == "application/ld+json")
    assert len(blocks) == 1
    return json.loads(blocks[0].raw_text())


def test_header_names_the_article_and_what_it_was_checked_against(seed_page):
    head = seed_page.find("header", cls="review-head")
    assert head.find("h1").text() == ("Maximizing Financial Relief- Can You Write Off 401(k) "
                                      "Losses and Rebuild Your Retirement Fund-")
    facts = {dt_.text(): dt_.parent.find("dd").text() for dt_ in head.find_all("dt")}
    assert facts["Author"] == "liuqiyue"
    assert facts["Checked against"] == "Tax year 2026"
    assert facts["Source file"] == str(SEED)
    assert facts["Reviewed"] == "March 2, 2026"
    assert re.fullmatch(r"taxcheck \S+ · claims \S+", facts["Versions"])
    assert "Published" not in facts  # the seed has no date


def test_summary_counts_verdicts_worst_first(seed_page):
    scores = seed_page.find("ul", cls="scorecard").find_all("li")
    assert [s.find("span", cls="score-label").text() for s in scores] == [
        "False", "Outdated", "Misleading", "Debunked myths", "Verified"]
    assert [s.find("span", cls="score-n").text() for s in scores] == ["5", "0", "0", "0", "4"]
    lede = seed_page.find("p", cls="lede").text()
    assert lede == ("Of the 9 claims taxcheck checked in this article, 5 are false and 4 are "
                    "accurate.")


def test_every_claim_is_highlighted_numbered_and_linked_to_its_note_and_back(seed_page,
                                                                               seed_report):
    refs = seed_page.find_all("a", cls="ref")
    notes = seed_page.find_all("article", cls="note")
    assert [r.attrs["id"] for r in refs] == [f"claim-{n}" for n in range(1, 10)]
    assert [n.attrs["id"] for n in notes] == [f"note-{n}" for n in range(1, 10)]
    findings = sorted(seed_report.findings, key=lambda f: f.start)
    for number, (ref, note, finding) in enumerate(zip(refs, notes, findings, strict=True), 1):
        assert ref.attrs["href"] == f"#note-{number}"
        mark = next(a for a in ref.ancestors() if a.tag == "mark")
        assert finding.text in mark.find("span", cls="hl-text").text()
        key = "myth" if finding.framing == "myth" else finding.verdict
        assert {"hl", f"v-{key}"} <= mark.classes
        # never colour alone: an icon and a spoken label travel with the number
        assert ref.find("use").attrs["href"] == f"#i-{key}"
        assert ref.find("span", cls="ref-n").text() == str(number)
        back = note.find("a", cls="back")
        assert back.attrs["href"] == f"#claim-{number}"
        assert finding.claim_id in note.text()
        assert finding.rule in note.text()


def test_a_wrong_claim_note_has_the_rule_rewrite_sources_and_editor_details(seed_page):
    note = seed_page.by_id("note-4")
    assert note is not None
    assert note.find("span", cls="badge").text() == "False"
    assert note.find("blockquote").text() == ("If you have a traditional IRA, you can roll over "
                                              "your 401k losses into the IRA.")
    fields = {d.text(): d.parent.find("dd").text() for d in note.find_all("dt")}
    assert fields["The claim"].startswith("You can roll 401(k) losses into an IRA")
    assert "losses stay where they are" in fields["Suggested rewrite"]
    assert fields["What is correct"]
    links = [a.attrs["href"] for a in note.find("ul", cls="sources").find_all("a")]
    assert links and all(h.startswith(("https://", "http://")) for h in links)
    # how the match was made is for editors, folded away
    details = note.find("details", cls="editor-details")
    assert details.find("summary").text() == "Editor details"
    trail = {d.text(): d.parent.find("dd").text() for d in details.find_all("dt")}
    assert "rollover" in trail["Why it matched"]
    assert trail["Claim ID"] == "retirement-loss-rollover"
    assert re.fullmatch(r"\d\d% \(high\)", trail["Confidence"])  # a false rule, own words
    assert trail["Line"] == "21"


def test_why_it_matched_is_written_in_words(seed_page):
    note = seed_page.by_id("note-2")
    assert note is not None
    why = note.find("div", cls="why").find("dd").text()
    assert why == "mentions deduct, loss, retirement account; negated by not."


def test_verified_claims_are_labelled_and_can_be_hidden_without_script(seed_page):
    verified = [n for n in seed_page.find_all("article", cls="note") if "v-accurate" in n.classes]
    assert len(verified) == 4
    for note in verified:
        assert note.find("span", cls="badge").text() == "Verified"
        assert "Suggested rewrite" not in note.text()
    toggle = seed_page.by_id("hide-verified")
    assert toggle is not None and toggle.attrs["type"] == "checkbox"
    assert seed_page.find("label", where=lambda e: e.attrs.get("for") == "hide-verified").text() \
        == "Hide verified claims (4)"
    css = seed_page.find("style").raw_text()
    assert "body:has(#hide-verified:checked) .note.v-accurate" in css


def test_claims_on_the_same_words_share_one_highlight_with_a_number_each(check_text):
    report = check_text("You can roll over your 401k losses into an IRA and use them to offset "
                        "capital gains.\n\nA common myth is that you can deduct 401(k) losses "
                        "on your return.\n")
    assert len(report.findings) == 3
    page = parse(render_html([report], published=PUBLISHED))
    marks = page.find_all("mark")
    assert [len(m.find_all("a", cls="ref")) for m in marks] == [2, 1]
    assert {a.attrs["href"] for a in marks[0].find_all("a")} == {"#note-1", "#note-2"}
    myth = page.by_id("note-3")
    assert myth is not None and myth.find("span", cls="badge").text() == "Debunked myth"
    assert "Suggested rewrite" not in myth.text()
    assert page.by_id("hide-verified") is None  # nothing verified, nothing to hide


def test_page_is_one_self_contained_file_with_a_strict_policy(seed_page):
    head = seed_page.find("head")
    first = head.find_all()[1]
    assert first.tag == "meta" and "charset" in first.attrs
    csp_meta = head.find("meta", where=lambda e: e.attrs.get("http-equiv") ==
                         "Content-Security-Policy")
    assert head.find_all().index(csp_meta) < head.find_all().index(head.find("style"))
    policy = dict(d.strip().split(" ", 1) for d in csp_meta.attrs["content"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'none'"
    style = seed_page.find_all("style")
    assert len(style) == 1
    digest = base64.b64encode(hashlib.sha256(style[0].raw_text().encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    assert "@import" not in style[0].raw_text() and "url(" not in style[0].raw_text()
    for element in seed_page.iter():
        assert "src" not in element.attrs and "style" not in element.attrs, element
        assert not (element.tag == "link" and element.attrs.get("rel") == "stylesheet")
        if element.tag == "script":
            assert element.attrs.get("type") == "application/ld+json"


def test_article_text_is_shown_as_text_and_never_becomes_markup(checker):
    html, page = page_for(checker, HOSTILE / "article.txt", **PUBLISH)
    assert [e.attrs.get("type") for e in page.find_all("script")] == ["application/ld+json"]
    assert not page.find_all("img") and not page.find_all("iframe")
    for element in page.iter():
        assert not any(name.startswith("on") for name in element.attrs), element
        href = (element.attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), element
    text = page.find("article").text()
    assert '<script>window.__pwned_script = 1; alert("script")</script>' in text
    assert "<img src=x onerror=" in text
    assert '<a href="javascript:window.__pwned_link=1">Click here</a>' in text
    assert html.startswith("<!doctype html>")


def test_a_closing_script_tag_in_a_claim_cannot_end_the_json_ld(checker):
    html, page = page_for(checker, HOSTILE / "article.txt", **PUBLISH)
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    reviews = json_ld(page)
    texts = [r["claimReviewed"] for r in reviews]
    assert any("</script><script>window.__pwned_claim=1" in t and "<!--" in t for t in texts)


def test_metadata_links_only_to_web_addresses(checker):
    _, page = page_for(checker, HOSTILE / "metadata.md", **PUBLISH)
    facts = {d.text(): d.parent.find("dd") for d in page.find_all("dt")}
    source = facts["Source"]
    assert not source.find_all("a")
    assert source.text().startswith("javascript:window.__pwned_url=1")
    assert facts["Author"].text() == '<img src=x onerror="window.__pwned_author=1">'
    assert page.find("h1").text().endswith("</script><script>window.__pwned_meta_title=1"
                                           "</script><!--")
    review = json_ld(page)[0]
    assert "url" not in review["itemReviewed"]["appearance"]
    assert review["itemReviewed"]["appearance"]["headline"].endswith("<!--")

    report = checker.check(read_path(str(SEED)))
    meta = ArticleMeta(title="T", url="https://example.com/a?b=1&c=2")
    safe = parse(render_html([report.model_copy(update={"meta": meta})], published=PUBLISHED))
    link = safe.find("a", cls="source-link")
    assert link.attrs["href"] == "https://example.com/a?b=1&c=2"
    assert "noreferrer" in link.attrs["rel"]


def test_a_page_for_editors_carries_no_claim_review(seed_page):
    assert seed_page.find_all("script") == []
    assert "Checked automatically by taxcheck" in seed_page.find("footer").text()
    assert "Reviewed by" not in seed_page.find("footer").text()


def test_a_published_page_reviews_only_the_problems(seed_report):
    page = parse(render_html([seed_report], published=PUBLISHED, **PUBLISH))
    reviews = json_ld(page)
    problems = [f for f in seed_report.findings if f.is_problem]
    # the three wrong recommendations and the two headings that announce two of them: each
    # heading is trusted as its section's body (issue 14)
    assert len(reviews) == len(problems) == 5
    assert sorted(f.block_kind for f in problems) == ["heading"] * 2 + ["paragraph"] * 3
    by_url = {r["url"]: r for r in reviews}
    rollover = by_url["https://desk.example/reviews/seed.html#note-4"]
    assert rollover["claimReviewed"] == ("If you have a traditional IRA, you can roll over your "
                                         "401k losses into the IRA.")
    assert rollover["reviewRating"] == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1,
        "alternateName": "False", "ratingExplanation": rollover["reviewRating"][
            "ratingExplanation"]}
    assert rollover["itemReviewed"]["author"] == {"@type": "Person", "name": "liuqiyue"}
    assert rollover["datePublished"] == "2026-03-02"
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"False"}
    for note in page.find_all("article", cls="note"):
        assert note.find_all("details", cls="editor-details") == []
        assert "Suggested rewrite" not in note.text()


def test_reviewer_and_page_address_come_from_the_caller(seed_report):
    page = parse(render_html([seed_report], published=PUBLISHED, **PUBLISH))
    review = json_ld(page)[0]
    assert review["url"].startswith("https://desk.example/reviews/seed.html#note-")
    assert review["author"] == {"@type": "Organization", "name": "The Tax Desk",
                                "url": "https://desk.example/"}
    canonical = page.find("link", where=lambda e: e.attrs.get("rel") == "canonical")
    assert canonical.attrs["href"] == "https://desk.example/reviews/seed.html"
    assert "Reviewed by The Tax Desk" in page.find("footer").text()


@pytest.mark.parametrize("source", [SEED, HOSTILE / "metadata.md"], ids=["txt", "md"])
def test_headings_never_skip_a_level(checker, source):
    _, page = page_for(checker, source)
    levels = [int(e.tag[1]) for e in page.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels


def test_a_report_without_article_text_still_lists_its_notes_without_dead_links(seed_report):
    bare = seed_report.model_copy(update={"blocks": []})
    page = parse(render_html([bare], published=PUBLISHED))
    assert len(page.find_all("article", cls="note")) == 9
    assert not page.find_all("a", cls="ref") and not page.find_all("a", cls="back")
