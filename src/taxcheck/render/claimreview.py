"""schema.org ClaimReview JSON-LD: the web's markup for published fact checks.

Only pages made for publishing (``--publish``) carry ClaimReview, and only for the
problems the reviewer stands behind (:func:`publishable`); see docs/html.md. The rating
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

from taxcheck.calibration import BANDS
from taxcheck.findings import VERDICT_RANK, Finding, Report
from taxcheck.render.urls import http_url

PUBLISH_MIN_CONFIDENCE = BANDS[-1][0]
"""Least confidence of a finding a published review shows (medium and high, as the default
view: problem findings scored from 0.39 were right 70 % of the time at first contact, every
0.05 band from 0.40 at least 46 %; :data:`taxcheck.calibration.BANDS`)."""

WORST_RATING, BEST_RATING = 1, 4
RATING_NAMES = {"false": "False", "outdated": "Outdated", "misleading": "Misleading",
                "accurate": "True"}

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def rating_value(verdict: str) -> int:
    """The number for a verdict on the 1 (false) to 4 (true) scale."""
    return BEST_RATING + 1 - VERDICT_RANK[verdict]


def publishable(finding: Finding) -> bool:
    """True for a problem the reviewer stands behind: a false, outdated or misleading
    claim the article states (not a myth it debunks), not silenced by a suppression
    comment, matched with medium or high confidence."""
    return (finding.is_problem and not finding.suppressed
            and finding.confidence >= PUBLISH_MIN_CONFIDENCE)


def claim_reviewed(finding: Finding) -> str:
    """The claim as the article states it: the whole sentence it appears in (for a
    table cell, the statement the reader made of the cell and its header), with its
    whitespace collapsed. Never a fragment, and never the database's summary."""
    return " ".join((finding.sentence or finding.text).split())


def claim_text(finding: Finding) -> str:
    """What the article claims, as a sentence without a verdict (the finding's ``says``;
    its message when it has none)."""
    if not finding.says:
        return finding.message
    return finding.says[:1].upper() + finding.says[1:] + "."


def claim_review(finding: Finding, url: str, report: Report, *, reviewer: str,
                 reviewer_url: str | None = None,
                 published: dt.date | None = None) -> dict[str, object]:
    """The ClaimReview of one finding, published at ``url`` (an absolute address, with
    the note's fragment when the page reviews several claims)."""
    meta = report.meta
    stated = finding.framing == "stated"
    appearance: dict[str, object] = {"@type": "CreativeWork"}
    if source := http_url(meta.url):
        appearance["url"] = source
    if meta.title:
        appearance["headline"] = meta.title
    item: dict[str, object] = {"@type": "Claim"}
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
        "url": url,
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


def claim_reviews(report: Report, numbered: list[tuple[int, Finding]], page_url: str,
                  **options: object) -> list[dict[str, object]]:
    """ClaimReviews of the publishable numbered findings of a page at ``page_url``,
    each at its note (options as for :func:`claim_review`)."""
    return [claim_review(f, f"{page_url}#note-{n}", report, **options)  # type: ignore[arg-type]
            for n, f in numbered if publishable(f)]


def script_json(data: object) -> str:
    """JSON for a ``<script type="application/ld+json">`` block that cannot end early.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so neither ``</script>`` nor
    ``<!--`` from article text can appear in the output; JSON parsers read the same data.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)
