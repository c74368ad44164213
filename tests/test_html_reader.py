"""The HTML reader keeps the article, drops the page around it, and maps back to the source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from conftest import CORPUS, ROOT, invoke
from htmlcheck import assert_blocks_map_to_their_words, assert_segments_verbatim, visible_words
from taxcheck.documents import Block
from taxcheck.errors import InputError
from taxcheck.readers import READERS, read_bytes, read_path
from taxcheck.readers.htmlsource import locate, scan_html

DATA = ROOT / "tests" / "data"
LISTICLE = DATA / "a-after-the-crash-listicle.html"
LETTER = DATA / "a-dear-penny-wash-sale-ira.html"

BOILERPLATE_XPATH = (
    "//nav | //footer | //aside | //form | //*[@id='comments'] | //*[" + " or ".join(
        f"contains(concat(' ', @class, ' ', @id), '{name}')"
        for name in ("comment", "related", "cookie", "consent", "gdpr", "newsletter", "signup",
                     "ad-", "promo", "sidebar", "breadcrumbs", "masthead", "topbar")) + "]")


def boilerplate_texts(path: Path) -> list[str]:
    """Every sentence-sized text inside the page's navigation, banners, ads, comments ..."""
    tree = lxml_html.fromstring(path.read_bytes())
    texts = set()
    for element in tree.xpath(BOILERPLATE_XPATH):
        for text in element.itertext():
            text = " ".join(text.split())
            if len(text.split()) >= 3:
                texts.add(text)
    return sorted(texts)


def test_html_suffixes_are_registered():
    assert {".html", ".htm", ".docx", ".txt", ".md"} <= set(READERS)


def test_listicle_keeps_title_headings_and_paragraphs_in_order():
    doc = read_path(str(LISTICLE))
    assert doc.blocks[0].kind == "title"
    assert doc.blocks[0].text == "6 Tax Moves to Make After the Market Drop"
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        (2, "1. Deduct Your IRA Losses on Schedule A"),
        (2, "2. Amend Your Return for Last Year's 401(k) Slide"),
        (2, "3. Check for Worthless Stock"),
        (2, "4. Harvest Losses in Your Taxable Account"),
        (2, "5. Use Your 401(k) Losses to Lower Your Bracket"),
        (2, "6. Don't Count on a Smaller RMD"),
        (2, "The bottom line"),
    ]
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("Ouch. If you've looked at your brokerage app")
    assert paragraphs[-1].endswith("run them by a tax pro before you act.")


def test_listicle_metadata_from_meta_tags_and_json_ld():
    meta = read_path(str(LISTICLE)).meta
    assert meta.title == "6 Tax Moves to Make After the Market Drop"
    assert meta.url == "https://moneybuzzly.com/2026/03/6-tax-moves-after-the-market-drop/"
    assert meta.author == "Jordan Pike"
    assert meta.date == dt.date(2026, 3, 9)  # article:published_time, not the URL's month


@pytest.mark.parametrize("path", [LISTICLE, LETTER], ids=lambda p: p.name)
def test_fixture_pages_drop_every_piece_of_boilerplate(path):
    doc = read_path(str(path))
    text = "\n".join(b.text for b in doc.blocks)
    leaked = [t for t in boilerplate_texts(path) if t in text]
    assert leaked == []
    for marker in ("cookie", "ADVERTISEMENT", "Advertisement", "Subscribe", "Privacy Policy",
                   "You might also like", "More from Dear Penny", "thoughts on", "Comments ("):
        assert marker not in text


def test_letter_keeps_its_salutations_headings_and_sign_off():
    doc = read_path(str(LETTER))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("title", "Dear Penny: My Roth IRA Bought the Fund I Just Sold at a Loss. "
                     "Is My Deduction Safe?") in kinds
    assert ("paragraph", "Dear Harvesting,") in kinds
    assert [t for k, t in kinds if k == "heading"] == [
        "What the IRS says", "Why this one hurts more", "How to keep it from happening again",
        "A couple of other things"]
    assert kinds[-1] == ("paragraph", "Penny")
    assert doc.meta.author == "Penny Marchetti" and doc.meta.date == dt.date(2024, 5, 6)
    entity = next(b for b in doc.blocks if "S&P 500" in b.text)  # written S&amp;P in the page
    assert entity.kind == "paragraph"


@pytest.mark.parametrize("path", [LISTICLE, LETTER], ids=lambda p: p.name)
def test_every_block_maps_back_to_the_same_words_in_the_page(path):
    doc = read_path(str(path))
    assert_blocks_map_to_their_words(doc)


def test_block_positions_point_into_the_article_not_the_navigation():
    doc = read_path(str(LETTER))
    kicker = doc.blocks[0]
    assert kicker.text == "Dear Penny"  # also a navigation link, earlier in the page
    line, _ = doc.line_col(kicker.to_source(0))
    assert doc.source.splitlines()[line - 1].strip() == '<p class="kicker">Dear Penny</p>'


def test_findings_in_html_point_at_line_and_column_of_the_page(checker):
    doc = read_path(str(LISTICLE))
    report = checker.check(doc)
    assert report.findings
    lines = doc.source.split("\n")
    for finding in report.findings:
        assert (finding.line, finding.column) == doc.line_col(finding.start)
        assert visible_words(doc.source[finding.start:finding.end]) == finding.text.split()
    heading = next(f for f in report.findings if "Deduct Your IRA Losses" in f.text)
    assert heading.line == 56
    assert lines[55][heading.column - 1:].startswith("Deduct Your IRA Losses on Schedule A")


def test_cli_reports_html_findings_as_path_line_column():
    result = invoke("check", str(LISTICLE.relative_to(ROOT)), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert "tests/data/a-after-the-crash-listicle.html:56:12: error" in result.stdout


def test_fragment_is_read_whole_with_kinds_levels_and_numbers():
    fragment = ("<h2>Rollovers</h2>\n<p>You can <b>roll</b> your 401(k) into an IRA.</p>\n"
                "<ol start=\"3\"><li>Third step<li>Fourth step</ol>\n"
                "<ul><li>A point</li></ul>\n<blockquote><p>Quoted advice.</p></blockquote>\n"
                "<script>var x = '<p>not text</p>';</script>\n"
                "<div class=\"newsletter\"><p>Sign up now for tips.</p></div>\n"
                "<p>AT&amp;T &#8212; and&nbsp;more.</p>")
    doc = read_bytes(fragment.encode(), "cms.html")
    assert [(b.kind, b.level, b.number, b.text) for b in doc.blocks] == [
        ("heading", 2, None, "Rollovers"),
        ("paragraph", 0, None, "You can roll your 401(k) into an IRA."),
        ("list_item", 0, 3, "Third step"),
        ("list_item", 0, 4, "Fourth step"),
        ("list_item", 0, None, "A point"),
        ("quote", 0, None, "Quoted advice."),
        ("paragraph", 0, None, "AT&T — and more."),
    ]
    assert_blocks_map_to_their_words(doc)
    last = doc.blocks[-1]
    dash = last.to_source(last.text.index("—"))
    assert doc.source.startswith("&#8212;", dash)
    more = last.to_source(last.text.index("more"))
    assert doc.source.startswith("more.</p>", more)


def test_entities_inline_markup_and_invisible_characters_in_a_page():
    body = "".join(f"<p>Paragraph {i}: the 401(k) limit is $23,500 for 2025, and you&rsquo;re "
                   "able to save&nbsp;more with catch&shy;up money after age fifty.</p>\n"
                   for i in range(6))
    page = ("<!doctype html><html><head><title>Limits | Site</title></head><body>\n"
            "<nav><a href='/'>Home</a> <a href='/x'>Paragraph 3</a></nav>\n"
            "<article><h1>The <em>New</em> Limits</h1>\n"
            f"<p>An intro with a foot<sup>1</sup>note and a <b>bo</b>ld split word.</p>\n{body}"
            "</article><footer>Copyright notice for the whole site</footer></body></html>")
    doc = read_bytes(page.encode(), "limits.html")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "The New Limits"
    assert doc.meta.title == "The New Limits"  # no meta tags: the first <h1>
    texts = [b.text for b in doc.blocks]
    assert "An intro with a foot1note and a bold split word." in texts
    assert any("you’re able to save more with catchup money" in t for t in texts)
    assert not any("Copyright" in t or t == "Home" for t in texts)
    assert_blocks_map_to_their_words(doc)


def test_a_tiny_page_still_yields_its_text():
    doc = read_bytes(b"<html><body><p>You can deduct 401k losses.</p></body></html>", "t.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph",
                                                      "You can deduct 401k losses.")]
    assert_segments_verbatim(doc)


@pytest.mark.parametrize("data", [b"<html><body></body></html>",
                                  b"<html><body><nav><a href='/'>Home page</a></nav></body></html>",
                                  b"<script>alert(1)</script>"])
def test_a_page_without_article_text_is_a_clear_error(data):
    with pytest.raises(InputError) as info:
        read_bytes(data, "blank.html")
    assert str(info.value) == "blank.html: TC201 no article text found in the page"


def test_declared_charset_is_honoured_and_undeclared_bytes_detected():
    page = ('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 owners can '
            'save \u201cmore\u201d.</p></body></html>').encode("windows-1252")
    doc = read_bytes(page, "latin.html")
    assert doc.blocks[0].text == "Café owners can save “more”." and doc.warnings == []
    undeclared = read_bytes(page.replace(b'<meta charset="windows-1252">', b""), "latin.html")
    assert undeclared.blocks[0].text == "Café owners can save “more”."
    assert undeclared.warnings == ["latin.html: TC260 not UTF-8; decoded as Windows-1252"]


def test_json_ld_graph_authors_and_dates():
    page = """<html><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Site", "url": "https://ex.com/"},
      {"@type": ["NewsArticle"], "headline": "IRA limits for 2025",
       "datePublished": "2025-01-06T07:30:00-05:00", "url": "https://ex.com/ira-limits",
       "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chan"}]}
    ]}</script>
    <script type="application/ld+json">{not json</script>
    <meta property="article:author" content="https://ex.com/authors/ann">
    </head><body><article><h1>Other heading</h1><p>Body text of the article.</p></article>
    </body></html>"""
    meta = read_bytes(page.encode(), "ld.html").meta
    assert meta.title == "IRA limits for 2025"
    assert meta.url == "https://ex.com/ira-limits"
    assert meta.author == "Ann Lee, Bo Chan"
    assert meta.date == dt.date(2025, 1, 6)


def test_meta_tags_win_over_json_ld_and_time_element_is_the_last_resort():
    page = """<html><head><meta property="og:title" content="From og">
    <link rel="canonical" href="https://ex.com/canonical">
    <meta property="og:url" content="https://ex.com/og">
    <script type="application/ld+json">{"@type": "Article", "headline": "From LD",
      "url": "https://ex.com/ld"}</script></head>
    <body><article><p>By Kim <time datetime="2024-02-29">Feb 29</time></p>
    <p>Body text of the article.</p></article></body></html>"""
    meta = read_bytes(page.encode(), "m.html").meta
    assert (meta.title, meta.url, meta.date) == ("From og", "https://ex.com/canonical",
                                                 dt.date(2024, 2, 29))


def test_locate_anchors_words_it_cannot_find_next_to_those_it_can():
    page = scan_html("<div>\n  <p>alpha beta gamma</p>\n</div>")
    found = locate(page, "alpha BETA gamma", 0)
    assert not found.exact
    block = Block(kind="paragraph", text="alpha BETA gamma", segments=found.segments)
    source = page.source
    assert source[block.to_source(0):].startswith("alpha")
    assert source[block.to_source(11):].startswith("gamma")
    assert block.to_source(6) == source.index("gamma")  # BETA: where the next found word is
    nothing = locate(page, "delta", 0)
    assert nothing.start is None
    assert source[nothing.segments[0].source_start:].startswith("<p>")  # the element around


CORPUS_PAGES = sorted(CORPUS.glob("*.html"))


@pytest.mark.skipif(not CORPUS_PAGES, reason="no HTML pages in corpus/")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name)
def test_corpus_pages_keep_the_gold_quotes_and_drop_boilerplate(path):
    doc = read_path(str(path))
    text = " ".join(b.text for b in doc.blocks)
    assert doc.blocks[0].kind in ("title", "paragraph")
    assert any(b.kind == "title" for b in doc.blocks)
    assert doc.meta.title and doc.meta.date and doc.meta.url and doc.meta.author
    assert [t for t in boilerplate_texts(path) if t in text] == []
    gold = CORPUS / "gold" / f"{path.name}.yaml"
    if gold.exists():
        quotes = [a["quote"] for a in yaml.safe_load(gold.read_text())["annotations"]]
        assert [q for q in quotes if q not in text] == []
    assert_blocks_map_to_their_words(doc)


def test_sloppy_markup_still_maps_every_block_to_its_words():
    paragraph = ("<P CLASS=lead>Savers over {age} can add a catch-up of $7,500 to a <A HREF=/x>"
                 "401(k)</A>; in 2025 the limit is <B>$23,500</B>.\n")
    page = ("<HTML><HEAD><TITLE>Limits</TITLE></HEAD><BODY>\n"
            "<!-- a comment with <p>markup</p> inside -->\n<DIV id=main><ARTICLE>\n"
            "<H1>Catch-up rules</H1>\n" + "".join(paragraph.format(age=a) for a in (50, 55, 60)) +
            "<UL><LI>First point about <EM>Roth</EM> money<LI>Second point</UL></SPAN>\n"
            "<P>Stray end tags</I></B> do not <code>break</code> anything.\n"
            "</ARTICLE></DIV></BODY></HTML>")
    doc = read_bytes(page.encode(), "sloppy.html")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert texts[0] == ("title", "Catch-up rules")
    for age in (50, 55, 60):
        assert ("paragraph", f"Savers over {age} can add a catch-up of $7,500 to a 401(k); "
                             "in 2025 the limit is $23,500.") in texts
    assert ("list_item", "First point about Roth money") in texts
    assert ("list_item", "Second point") in texts
    assert ("paragraph", "Stray end tags do not break anything.") in texts
    assert not any("markup" in t for _, t in texts)
    assert_blocks_map_to_their_words(doc)


def test_a_short_page_keeps_its_structure_and_leaves_its_navigation_out():
    page = (b"<html><body><nav><a href='/'>Home</a> <a href='/tax'>Taxes</a></nav>"
            b"<h1>Quick answer</h1><h2>Losses</h2><p>You can deduct 401k losses.</p>"
            b"<ul><li>Keep your statements.</li></ul>"
            b"<footer>All rights reserved by the site.</footer></body></html>")
    doc = read_bytes(page, "short.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Quick answer"), ("heading", "Losses"),
        ("paragraph", "You can deduct 401k losses."), ("list_item", "Keep your statements.")]
    assert_blocks_map_to_their_words(doc)


LINK_LIST = ("<div><ul><li><a href='/a'>Best savings accounts this month</a></li>"
             "<li><a href='/b'>Quiz: what kind of saver are you</a></li></ul></div>")
ARTICLE_DIV = "<div><h1>Limits</h1>" + "".join(
    f"<p>Paragraph {i} explains that the 401(k) deferral limit for 2025 is $23,500, and that "
    "savers aged 50 and over can add a catch-up contribution.</p>" for i in range(4)) + "</div>"


@pytest.mark.parametrize("opening", ["<!DOCTYPE html>", "<title>Limits</title>"])
def test_a_page_without_html_or_body_tags_is_still_a_page(opening):
    doc = read_bytes(f"{opening}\n{ARTICLE_DIV}\n{LINK_LIST}".encode(), "bare.html")
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Limits" and len(texts) == 5  # the list of links is not the article


def test_a_fragment_is_read_whole_even_its_links():
    doc = read_bytes(f"{ARTICLE_DIV}\n{LINK_LIST}".encode(), "fragment.html")
    assert [b.text for b in doc.blocks][-2:] == ["Best savings accounts this month",
                                                 "Quiz: what kind of saver are you"]


# A page without <article>/<main>: the extractor drops headings inside <section> and
# <header> elements; the reader puts each one back above the text under it.
LONG = ("and that is the figure most savers plan around when they set up automatic "
        "transfers at the start of the year.")
HEADED_PAGES = {
    "divs": ("<div class='content'><h2>{h1}</h2><div>{p1}</div><h2>{h2}</h2>"
             "<div>{p2}</div></div>"),
    "sections": "<section><h2>{h1}</h2><p>{p1}</p></section><section><h2>{h2}</h2><p>{p2}</p>"
                "</section>",
    "headers": "<div><header><h2>{h1}</h2></header><p>{p1}</p><header><h2>{h2}</h2></header>"
               "<p>{p2}</p></div>",
    "section-headers": "<section><header><h2>{h1}</h2></header><p>{p1}</p></section>"
                       "<section><header><h2>{h2}</h2></header><p>{p2}</p></section>",
}
HEADINGS = ("Roth IRA income limits", "Required minimum distributions")
TEXTS = (f"Single filers above the phase-out range cannot contribute directly, {LONG}",
         f"Original owners never have to take distributions during their lifetime, {LONG}")


@pytest.mark.parametrize("shape", HEADED_PAGES)
def test_headings_of_a_page_without_an_article_element_are_kept_above_their_text(shape):
    body = HEADED_PAGES[shape].format(h1=HEADINGS[0], p1=TEXTS[0], h2=HEADINGS[1], p2=TEXTS[1])
    page = (f"<html><head><title>Roth basics</title></head><body>{body}"
            "<aside class='sidebar'><h3>Popular posts</h3><ul><li>Ten ways to save</li></ul>"
            "</aside></body></html>")
    doc = read_bytes(page.encode(), f"{shape}.html")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 2, HEADINGS[0]), ("paragraph", 0, TEXTS[0]),
        ("heading", 2, HEADINGS[1]), ("paragraph", 0, TEXTS[1])]
    assert_blocks_map_to_their_words(doc)


def test_headings_in_headers_are_kept_when_the_extractor_finds_nothing():
    page = ("<html><head><title>x</title></head><body><header><h2>Catch-up</h2></header>"
            "<section><h2>Limit</h2><div>$7,000.</div></section></body></html>")
    doc = read_bytes(page.encode(), "tiny.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Catch-up"), ("heading", "Limit"), ("paragraph", "$7,000.")]


def test_a_site_headers_name_and_navigation_stay_out():
    page = ("<html><head><title>Money blog</title></head><body><header><h1>Money Blog</h1>"
            "<nav><a href='/'>Home</a> <a href='/tax'>Tax</a></nav></header>"
            f"<section><header><h2>{HEADINGS[0]}</h2></header><p>{TEXTS[0]}</p></section>"
            "</body></html>")
    doc = read_bytes(page.encode(), "blog.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", HEADINGS[0]), ("paragraph", TEXTS[0])]


def test_a_section_heading_stating_a_wrong_limit_is_checked(checker):
    page = ("<html><head><title>IRA guide</title></head><body><section>"
            "<h2>You can contribute $10,000 to an IRA in 2024</h2>"
            f"<p>Saving early gives the money more time to grow, {LONG}</p></section>"
            "</body></html>")
    report = checker.check(read_bytes(page.encode(), "guide.html"))
    assert [(f.claim_id, f.text) for f in report.findings] == [
        ("ira-limit", "You can contribute $10,000 to an IRA in 2024")]


@pytest.mark.parametrize("headline", [
    "Can you deduct 401(k) losses?",
    "What the 2026 IRA limits mean for you",
    "Why a rollover never turns a loss into a deduction",
])
def test_a_headline_in_the_header_of_a_page_without_an_article_is_its_title(headline):
    page = ("<html><head><title>Money blog | Retirement</title></head><body>"
            f"<header><a href='/'>Home</a><h1>{headline}</h1></header>"
            f"<main><p>{TEXTS[0]}</p></main></body></html>")
    doc = read_bytes(page.encode(), "post.html")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("title", headline)
    assert doc.meta.title == headline


_THREAD = ("<p class='author'>penny_pincher · Feb 2, 2026</p><p>Quick tip from someone who "
           "learned the hard way: a hardship withdrawal skips the 10% penalty, so it can be "
           "cheaper than a loan if you need the money for good. Ask your plan which reasons "
           "it accepts before you apply.</p>")


@pytest.mark.parametrize("thread", [
    f"<div id='comments'><h2>23 comments</h2><article class='comment'>{_THREAD}</article></div>",
    f"<ol class='commentlist'><li class='comment'><div class='comment-content'>{_THREAD}"
    "</div></li></ol>",
])
def test_a_page_whose_only_prose_is_its_comment_thread_is_read_from_it(thread):
    page = ("<!DOCTYPE html><html><head><title>Discussion: hardship money</title></head><body>"
            "<nav><a href='/'>Home</a></nav><h1>Reader discussion: hardship withdrawals</h1>"
            f"<p>Back to the story</p>{thread}</body></html>")
    document = read_bytes(page.encode(), "thread.html")
    assert any("hardship withdrawal skips the 10% penalty" in b.text for b in document.blocks)


def test_an_article_with_a_comment_thread_is_read_without_it():
    page = ("<!DOCTYPE html><html><head><title>Hardship withdrawals</title></head><body>"
            "<article><h1>Hardship withdrawals</h1><p>A hardship withdrawal is taxed as ordinary "
            "income, and before 59½ the 10% additional tax usually applies as well. Plans decide "
            "which needs qualify and may ask you to certify that you have no other money.</p>"
            "</article><section id='comments'><h2>Comments</h2><div class='comment'>"
            f"{_THREAD}</div></section></body></html>")
    document = read_bytes(page.encode(), "article.html")
    assert not any("penny_pincher" in b.text or "cheaper than a loan" in b.text
                   for b in document.blocks)


NEWSLETTER = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Plan Notes - March: Your Savings Plan This Spring</title></head><body>
<div class="preheader">Spring updates to the savings plan, and what to know before you borrow.</div>
<header><img src="logo.png" alt="Acme Tools - Benefits">
<p><a href="#">View online</a> | <a href="#">Benefits site</a></p></header>
<h2>This year's numbers</h2>
<p>Your own paycheck deferrals can go up to $24,500 this year,
and savers 50 or older can add $8,000 more.</p>
<table><tr><th>Limit</th><th>2025</th><th>2026</th></tr>
<tr><td>Deferrals</td><td>$23,500</td><td>$24,500</td></tr>
<tr><td>Catch-up, 50+</td><td>$7,500</td><td>$8,000</td></tr></table>
<p>Reminder: the company match is not counted against your own deferral limit.</p>
<h2>Taking money out while you work</h2>
<p>Emergencies happen. Here is what to expect if you ask for a hardship payout:</p>
<ul><li>The plan will ask you to borrow the largest loan you can get first.</li>
<li>The payout counts as taxable income for the year.</li>
<li>It cannot be put back into the plan later.</li></ul>
<h2>Need help?</h2>
<p>Call the benefits line on weekdays. We can explain the plan but cannot give tax advice.</p>
<footer><p>&#169; 2026 Acme Tools &#183; <a href="#">Unsubscribe</a></p></footer>
</body></html>"""


def test_email_newsletter_keeps_the_list_after_its_lead_in(tmp_path):
    """An HR e-mail laid out with a preheader, a logo header and a table: the extractor's
    precision mode dropped the bullet list under "Here is what to expect ...:" (the claims
    were in it); the list items are read, the footer is not."""
    page = tmp_path / "plan-notes.html"
    page.write_text(NEWSLETTER, encoding="utf-8")
    blocks = read_path(str(page)).blocks
    items = [b.text for b in blocks if b.kind == "list_item"]
    assert "The plan will ask you to borrow the largest loan you can get first." in items
    assert "It cannot be put back into the plan later." in items
    assert not any("Unsubscribe" in b.text for b in blocks)


# -- sidebars (issue 12, session 17) ------------------------------------------------------------
# Own pages: a bank article with a "Quick facts" aside, sidebars of furniture, a sidebar of
# several boxes. A sidebar that states rules is read after the article, box by box.

_ARTICLE = ("<article><h1>Moving an Old 401(k)</h1><h2>Your options</h2><p>Most people ask "
            "the old plan to send the balance straight to an IRA, which takes a form and a "
            "phone call, and the money stays invested the whole time it moves.</p></article>")


def _sidebar_page(sidebar: str, *, inside: bool = False) -> str:
    article = _ARTICLE.replace("</article>", sidebar + "</article>") if inside else _ARTICLE
    return (f"<!DOCTYPE html><html><head><title>Moving an old 401(k)</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><main>{article}{'' if inside else sidebar}</main>"
            "<footer><p>Cedar Bank, Member FDIC.</p></footer></body></html>")


QUICK_FACTS = ("<aside class='sidebar'><h4>Quick facts</h4><ul><li>Deadline to redeposit: 60 "
               "days</li><li>Withholding on a direct rollover: none</li></ul><p><a href='/o'>"
               "Open a Rollover IRA</a></p></aside>")


@pytest.mark.parametrize("inside", [False, True], ids=["after the article", "inside it"])
def test_a_sidebar_of_facts_is_its_own_section_after_the_article(inside):
    doc = read_bytes(_sidebar_page(QUICK_FACTS, inside=inside).encode(), "bank.html")
    assert [(b.kind, b.level, b.text) for b in doc.blocks][-3:] == [
        ("heading", 2, "Quick facts"),  # at the level of the article's sections
        ("list_item", 0, "Deadline to redeposit: 60 days"),
        ("list_item", 0, "Withholding on a direct rollover: none")]
    assert doc.blocks[-1].row == "Withholding on a direct rollover"  # a label line
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 1 and "Deadline" not in paragraphs[0]
    assert "Open a Rollover IRA" not in " ".join(b.text for b in doc.blocks)
    assert_blocks_map_to_their_words(doc)


@pytest.mark.parametrize("sidebar", [
    "<aside class='related'><h3>Related articles</h3><ul><li><a href='/a'>Why you get 60 "
    "business days to roll over</a></li></ul></aside>",
    "<aside><h3>Keep reading</h3><ul><li><a href='/a'>One rollover per IRA account</a></li>"
    "</ul></aside>",
    "<aside><ul><li><a href='/a'>The 20% withheld is a penalty</a></li></ul></aside>",
    "<aside class='newsletter'><h3>Join 9,000 readers</h3><p>Why the loan cap rises with "
    "inflation, each week.</p><form><input type='email'><button>Go</button></form></aside>",
    "<aside><h3>Get our money letter</h3><p>The 401(k) limit is $30,000, we explain. No spam."
    "</p></aside>",
    "<aside class='author-bio'><p>Dana Lee says the 20% withheld is a penalty.</p></aside>",
    "<aside><h3>About the author</h3><p>Dana Lee says the 20% withheld is a penalty.</p>"
    "</aside>",
    "<aside class='toc'><h3>On this page</h3><ul><li>60 business days</li></ul></aside>",
    "<aside class='cta'><h3>Ready to roll over?</h3><p>Open an IRA with $25 today.</p></aside>",
], ids=["related", "keep reading", "links", "newsletter", "sign-up words", "bio", "about",
        "toc", "cta"])
def test_a_sidebar_of_page_furniture_stays_out(sidebar):
    doc = read_bytes(_sidebar_page(sidebar).encode(), "bank.html")
    assert [b.kind for b in doc.blocks] == ["title", "heading", "paragraph"]


def test_a_sidebar_is_read_box_by_box():
    sidebar = ("<div class='sidebar'><div class='box'><h3>At a glance</h3><dl><dt>Loan cap</dt>"
               "<dd>$50,000</dd></dl></div><div class='box related'><h3>More</h3><ul><li>"
               "<a href='/a'>Loans explained</a></li></ul></div><div role='complementary'>"
               "<h3>Last year's limits</h3><p>2025 401(k) deferral limit: $23,500</p></div>"
               "</div>")
    doc = read_bytes(_sidebar_page(sidebar).encode(), "bank.html")
    assert [(b.kind, b.row, b.text) for b in doc.blocks][3:] == [
        ("heading", None, "At a glance"), ("table_cell", "Loan cap", "Loan cap: $50,000"),
        ("heading", None, "Last year's limits"),
        ("paragraph", "2025 401(k) deferral limit", "2025 401(k) deferral limit: $23,500")]
    assert_segments_verbatim(doc)  # a definition's term is context added before its value


@pytest.mark.parametrize("first, header", [
    ("<td>Rollover deadline</td><td>60 business days</td>", None),
    ("<td>Indirect rollover</td><td>60 days to redeposit</td>", None),
    ("<td>Type</td><td>Deadline</td>", "Deadline"),
    ("<th>Rollover deadline</th><th>60 business days</th>", "60 business days")])
def test_a_tables_first_row_of_data_cells_is_its_header_only_when_it_reads_as_one(first,
                                                                                  header):
    page = ("<!DOCTYPE html><html><head><title>Rollovers</title></head><body><article><h1>"
            "Rollover basics</h1><p>What to know before you move money out of an old plan "
            f"into an IRA this year.</p><table><tr>{first}</tr><tr><td>Transfers</td><td>"
            "unlimited</td></tr><tr><td>Withholding</td><td>none</td></tr></table></article>"
            "</body></html>")
    cells = [b for b in read_bytes(page.encode(), "t.html").blocks if b.kind == "table_cell"]
    assert [b.column for b in cells if b.row in ("Transfers", "Withholding")] == [header] * 2
    assert len(cells) == (3 if header is None else 2)
