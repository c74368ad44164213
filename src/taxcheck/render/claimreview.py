"""schema.org ClaimReview JSON-LD: the web's markup for published fact checks.

One ``ClaimReview`` per checked claim on a review page (see docs/html.md). The rating
uses a documented 1-4 scale, worst first, and the verdict in words is what readers see:

=========== =========== ==============
verdict     ratingValue alternateName
=========== =========== ==============
false       1           False
outdated    2           Outdated
misleading  3           Misleading
accurate    4           True
=========== =========== ==============

(``worstRating`` 1, ``bestRating`` 4.) A claim the article quotes only to debunk it (a
"myth") keeps its own rating, but the article's author is not named as its author.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from taxcheck.findings import VERDICT_RANK, Finding, Report
from taxcheck.render.urls import http_url

CLAIM_REVIEWED_MAX = 75
"""Search engines and fact-check aggregators show about this many characters."""

WORST_RATING, BEST_RATING = 1, 4
RATING_NAMES = {"false": "False", "outdated": "Outdated", "misleading": "Misleading",
                "accurate": "True"}
DEFAULT_REVIEWER = "taxcheck"

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def rating_value(verdict: str) -> int:
    """The number for a verdict on the 1 (false) to 4 (true) scale."""
    return BEST_RATING + 1 - VERDICT_RANK[verdict]


def shorten(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """Collapse whitespace and cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def claim_reviewed(finding: Finding) -> str:
    """A short statement of the claim, with no verdict inside.

    For a claim from the database this is the finding's ``says``, a neutral statement
    written by its curators. For a claim about a figure the article's own words are used
    ("$23,000 was the limit for 2025" would carry a verdict).
    """
    numeric = any(step.stage == "number" for step in finding.trail)
    if numeric:
        return shorten(finding.text)
    return shorten(claim_text(finding))


def claim_text(finding: Finding) -> str:
    """What the article claims, as a sentence without a verdict (the finding's ``says``;
    its message when it has none)."""
    if not finding.says:
        return finding.message
    return finding.says[:1].upper() + finding.says[1:] + "."


def claim_review(finding: Finding, number: int, report: Report, *,
                 reviewer: str = DEFAULT_REVIEWER, reviewer_url: str | None = None,
                 page_url: str | None = None,
                 published: dt.date | None = None) -> dict[str, object]:
    """The ClaimReview of one numbered finding on a review page."""
    meta = report.meta
    stated = finding.framing == "stated"
    appearance: dict[str, object] = {"@type": "CreativeWork"}
    if source := http_url(meta.url):
        appearance["url"] = source
    if meta.title:
        appearance["headline"] = meta.title
    item: dict[str, object] = {"@type": "Claim", "text": " ".join(finding.text.split())}
    if meta.author:
        appearance["author"] = {"@type": "Person", "name": meta.author}
        if stated:
            item["author"] = appearance["author"]
    if meta.date:
        appearance["datePublished"] = meta.date.isoformat()
        item["datePublished"] = meta.date.isoformat()
    if len(appearance) > 1:
        item["appearance"] = appearance
    author: dict[str, object] = {"@type": "Organization", "name": reviewer}
    if reviewer_link := http_url(reviewer_url):
        author["url"] = reviewer_link
    explanation = finding.rule
    if not stated:
        explanation = f"The article quotes this claim in order to debunk it. {finding.rule}"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{http_url(page_url) or ''}#note-{number}",
        "claimReviewed": claim_reviewed(finding),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(finding.verdict),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": RATING_NAMES[finding.verdict],
            "ratingExplanation": explanation,
        },
        "itemReviewed": item,
        "author": author,
        "datePublished": (published or dt.date.today()).isoformat(),
    }


def claim_reviews(report: Report, numbered: list[tuple[int, Finding]],
                  **options: object) -> list[dict[str, object]]:
    """ClaimReviews for every numbered finding (options as for :func:`claim_review`)."""
    return [claim_review(f, n, report, **options) for n, f in numbered]  # type: ignore[arg-type]


def script_json(data: object) -> str:
    """JSON for a ``<script type="application/ld+json">`` block that cannot end early.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so neither ``</script>`` nor
    ``<!--`` from article text can appear in the output; JSON parsers read the same data.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)
