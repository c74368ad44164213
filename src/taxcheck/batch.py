"""Models of a batch of checked articles, as shown on the index page and in summary.json."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

VERDICT_KEYS = ("false", "outdated", "misleading", "myth", "accurate")


class ArticleEntry(BaseModel):
    """One input of a batch: its counts by verdict, or why it could not be checked."""

    path: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    page: str | None = None
    """The review page, relative to the index."""
    counts: dict[str, int] = {}
    words: int = 0
    error: str | None = None
    tax_year: int | None = None
    """The tax year the article was checked against."""


class ClaimArticles(BaseModel):
    """A claim that articles get wrong, and which articles make it."""

    claim_id: str
    verdict: str
    says: str
    count: int
    articles: list[str]
    """Paths of the articles (their entries' ``path``)."""
    pages: list[str] = []
    """The review page of each article in ``articles`` (same order), relative to the index."""


class BatchIndex(BaseModel):
    """Everything the index page and summary.json show about a batch."""

    articles: list[ArticleEntry]
    totals: dict[str, int]
    top_claims: list[ClaimArticles]
    taxcheck_version: str
    claims_version: str
    generated: dt.datetime
    reviewer: str | None = None
