"""Hostile articles (HTML and Markdown input) through ``taxcheck scan``: their review pages
and the index, loaded in Chromium with JavaScript on, run nothing from the article.

Every injected snippet sets a ``window.__pwned_*`` global, opens a dialog or requests a
URL on ``evil.example``; the tests check that none of that happened.
"""

from __future__ import annotations

import json

import pytest

from taxcheck.scan import ScanOptions, run_scan
from test_html_browser import browser, visit  # noqa: F401  (shared Chromium fixtures)

PAYLOADS = [
    "<script>window.__pwned_script=1;alert('s')</script>",
    "<img src=x onerror=\"window.__pwned_img=1;alert('i')\">",
    "<img src=\"https://evil.example/track.png\">",
    "<a href=\"javascript:window.__pwned_link=1\">javascript:alert(1)</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">data link</a>",
    "<div style=\"width: expression(window.__pwned_css=1); "
    "background:url('https://evil.example/bg.png')\">styled</div>",
    "<svg onload=\"window.__pwned_svg=1\"><script>window.__pwned_svgscript=1</script></svg>",
    "<iframe src=\"https://evil.example/frame\"></iframe>",
    "<object data=\"https://evil.example/x.swf\"></object>",
    "<body onload=\"window.__pwned_body=1\">",
    "<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(1)\">go"
    "</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<link rel=\"stylesheet\" href=\"https://evil.example/s.css\">",
    "<base href=\"https://evil.example/\">",
]
CLAIM = ("You can deduct your 401(k) losses </script><script>window.__pwned_claim=1;"
         "alert('c')</script><!-- on your tax return.")

HTML_ARTICLE = f"""<!doctype html><html><head>
<title>Deducting 401(k) losses <script>window.__pwned_title=1</script></title>
<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;window.__pwned_og=1&lt;/script&gt;">
<meta name="author" content="</script><script>window.__pwned_author=1</script>">
<script type="application/ld+json">{json.dumps({
    "headline": "</script><script>window.__pwned_ld=1</script>", "url": "javascript:alert(1)"})}
</script>
</head><body><article>
<h1>Deducting 401(k) losses {PAYLOADS[0]}</h1>
<p>{CLAIM}</p>
{"".join(f"<p>Paragraph {n}: {p} You cannot deduct losses inside your IRA.</p>"
         for n, p in enumerate(PAYLOADS))}
</article></body></html>
"""

MARKDOWN_ARTICLE = f"""---
title: "Deducting losses </script><script>window.__pwned_fm=1</script>"
url: "javascript:alert(1)"
author: "<img src=x onerror=window.__pwned_fmauthor=1>"
---
# Deducting 401(k) losses {PAYLOADS[0]}

{CLAIM}

[a link](javascript:window.__pwned_mdlink=1) and ![an image](https://evil.example/md.png)
and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

{chr(10).join(f"- {p} You cannot deduct losses inside your IRA." for p in PAYLOADS)}
"""


@pytest.fixture(scope="module")
def scanned(db, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "hostile.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (corpus / "hostile.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (corpus / "<img src=x onerror=alert(1)>.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    out = root / "out"
    run_scan(db, ScanOptions(inputs=[str(corpus)], out_dir=out, cache_dir=None))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["failures"] == []
    return out, [out / a["page"] for a in summary["articles"]]


def test_the_claim_is_still_found_in_the_hostile_articles(scanned):
    out, pages = scanned
    assert len(pages) == 3
    findings = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    files = {json.loads(line)["path"].rsplit("/", 1)[-1] for line in findings}
    assert files == {"hostile.html", "hostile.md", "<img src=x onerror=alert(1)>.md"}


@pytest.mark.slow  # drives Chromium
def test_nothing_from_a_hostile_article_runs_in_chromium(scanned, visit):  # noqa: F811
    out, pages = scanned
    for path in [out / "index.html", *pages]:
        seen = visit(path)
        page = seen.page
        page.wait_for_timeout(200)
        for link in page.locator("a.ref, a.back").all()[:10]:
            link.click()
        pwned = page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))")
        assert pwned == [], path
        assert seen.dialogs == [], path
        assert [u for u in seen.requests if not u.startswith("file://")] == [], path
        assert page.locator("img, iframe, object, embed, form, base, svg script").count() == 0
        own = page.evaluate("[...document.querySelectorAll(\"script:not([type='application/"
                            "ld+json'])\")].map(s => s.textContent)")
        assert not [s for s in own if "pwned" in s or "alert" in s]  # only taxcheck's own
        hrefs = page.evaluate("[...document.querySelectorAll('[href],[src],[action]')]"
                              ".map(e => e.getAttribute('href') || e.getAttribute('src') "
                              "|| e.getAttribute('action'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
        for ld in page.evaluate("[...document.querySelectorAll('script[type=\"application/"
                                "ld+json\"]')].map(s => s.textContent)"):
            json.loads(ld)  # the JSON-LD stays data: a </script> in it did not end it
