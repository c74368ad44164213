"""The pages of a batch: the review of each article and, with ``--publish``, a page per
wrong claim, each carrying exactly one ClaimReview.

Search engines show a fact check's rich result only for a page with a single
ClaimReview, so ``scan --publish`` writes ``claims/<claim-id>/<article>.html`` for each
claim an article gets wrong (the problems the reviewer stands behind, see
:func:`taxcheck.render.claimreview.publishable`); the article's review lists and links
them. Every page's address is derived from ``--base-url`` and its path in ``--out``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin

from taxcheck.atomic import write_atomic
from taxcheck.findings import Finding, Report
from taxcheck.render.claimreview import publishable
from taxcheck.render.html import render_claim_page, render_html
from taxcheck.scan.pages import PAGES_DIR, clean_part

CLAIMS_DIR = "claims"


@dataclass(frozen=True)
class PageOptions:
    """Who reviews the pages, and whether they are published (the scan's options)."""

    reviewer: str | None = None
    reviewer_url: str | None = None
    publish: bool = False
    base_url: str | None = None


def page_address(base_url: str | None, page: str) -> str | None:
    """The web address of ``page`` (a path in the output folder) under ``base_url``."""
    if not base_url:
        return None
    base = base_url if base_url.endswith("/") else base_url + "/"
    return urljoin(base, quote(page, safe="/"))


def relative(from_page: str, to_page: str) -> str:
    """A link from one page of the output folder to another."""
    return "../" * from_page.count("/") + to_page


def claim_page_name(claim_id: str, page: str) -> str:
    """The single-claim page of ``claim_id`` in the article whose review is ``page``."""
    return f"{CLAIMS_DIR}/{clean_part(claim_id)}/{page.removeprefix(PAGES_DIR + '/')}"


def claims_to_publish(report: Report) -> dict[str, list[Finding]]:
    """The article's publishable findings by claim id, each in reading order."""
    out: dict[str, list[Finding]] = {}
    for f in sorted(report.findings, key=Finding.sort_key):
        if publishable(f):
            out.setdefault(f.claim_id, []).append(f)
    return out


def render_pages(report: Report, page: str, options: PageOptions) -> dict[str, str]:
    """The article's review page and, when publishing, its single-claim pages
    (path in the output folder -> HTML), the review first."""
    common = {"reviewer": options.reviewer, "reviewer_url": options.reviewer_url}
    out: dict[str, str] = {}
    links: dict[str, str] = {}
    if options.publish and options.reviewer:
        for claim_id, findings in claims_to_publish(report).items():
            name = claim_page_name(claim_id, page)
            first = findings[0]
            out[name] = render_claim_page(
                report, first, reviewer=options.reviewer,
                reviewer_url=options.reviewer_url,
                page_url=page_address(options.base_url, name) or "",
                article_page=relative(name, page),
                index_url=relative(name, "index.html"), others=len(findings) - 1)
            for f in findings:
                links[f.id] = relative(page, name)
    review = render_html([report], **common, publish=options.publish,
                         page_url=page_address(options.base_url, page),
                         index_url=relative(page, "index.html"), claim_pages=links or None)
    return {page: review, **out}


def write_pages(out_dir: Path, report: Report, page: str, options: PageOptions) -> list[str]:
    """Write the article's pages; returns the single-claim pages written."""
    pages = render_pages(report, page, options)
    for name, html in pages.items():
        write_atomic(out_dir / name, html)
    return [name for name in pages if name != page]
