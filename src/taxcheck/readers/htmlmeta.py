"""Article metadata from an HTML page: meta tags, the canonical link and JSON-LD.

Sources, in order of preference for each field:

* title: ``og:title``, JSON-LD ``headline``, ``twitter:title``, then the page's first
  ``<h1>`` and its ``<title>`` (the caller supplies those two);
* URL: ``<link rel="canonical">``, ``og:url``, JSON-LD ``url`` / ``mainEntityOfPage``;
* author: ``<meta name="author">``, JSON-LD ``author`` (names joined with ", "),
  ``article:author`` when it is a name rather than a profile URL;
* date: ``article:published_time``, JSON-LD ``datePublished``, the usual date meta
  names (``date``, ``pubdate``, ``dc.date`` ...), then the first ``<time datetime>``.

JSON-LD objects count when their ``@type`` is an article (``Article``, ``NewsArticle``,
``BlogPosting`` and the other schema.org ``*Article`` / ``*Posting`` types), else a web page
(``FAQPage``, ``QAPage``, ``WebPage`` and the other ``*Page`` types), found at the top
level, in a list, or in an ``@graph``. Malformed JSON-LD is ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from taxcheck.documents import ArticleMeta
from taxcheck.readers.htmlsource import HtmlSource
from taxcheck.readers.lines import byline_author, byline_date, dateline, page_stamp, parse_date

_DATE_NAMES = ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
               "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.date",
               "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time")


_MAX_DEPTH = 20
"""JSON-LD lists and ``@graph``s nested deeper than this are not searched."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _meta_values(page: HtmlSource) -> dict[str, str]:
    """First non-empty ``content`` of each meta tag, keyed by lower-case property/name."""
    values: dict[str, str] = {}
    for attrs in page.metas:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = " ".join(attrs.get("content", "").split())
        if key and content and key not in values:
            values[key] = content
    return values


def _is_article(obj: dict[str, Any]) -> bool:
    types = obj.get("@type", [])
    types = [types] if isinstance(types, str) else types
    return any(isinstance(t, str) and (t.endswith("Article") or t.endswith("Posting"))
               for t in types)


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph", []), depth + 1)


def _is_page(obj: dict[str, Any]) -> bool:
    types = obj.get("@type", [])
    types = [types] if isinstance(types, str) else types
    return any(isinstance(t, str) and t.endswith("Page") for t in types)


def _json_ld_article(page: HtmlSource) -> dict[str, Any]:
    """The first JSON-LD article object; else the first web page object (``FAQPage``,
    ``QAPage``, ``WebPage``: a bank's FAQ dates itself that way)."""
    fallback: dict[str, Any] = {}
    for script in page.json_ld:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):  # malformed, or nested past Python's stack
            continue
        for obj in _objects(data):
            if _is_article(obj):
                return obj
            if not fallback and _is_page(obj):
                fallback = obj
    return fallback


def _names(value: Any, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [_unicode(value.strip())] if value.strip() else []
    if depth > _MAX_DEPTH:
        return []
    if isinstance(value, list):
        return [name for item in value for name in _names(item, depth + 1)]
    if isinstance(value, dict):
        return _names(value.get("name"), depth + 1)
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip():
        return _unicode(" ".join(value.split()))
    return None


def _unicode(text: str) -> str:
    """``text`` with lone surrogates (JSON's unpaired ``\\ud800`` escapes, which no
    output can encode) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _date(*candidates: str | None) -> dt.date | None:
    for value in candidates:
        if value and (when := parse_date(value.strip())):
            return when
    return None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/"))


def html_meta(page: HtmlSource, *, h1: str | None = None) -> ArticleMeta:
    """Return the article metadata a scanned page declares; ``h1`` is its first heading."""
    meta = _meta_values(page)
    ld = _json_ld_article(page)
    canonical = next((link.get("href", "").strip() for link in page.links
                      if "canonical" in link.get("rel", "").lower().split()
                      and link.get("href", "").strip()), None)
    title = (meta.get("og:title") or _text(ld.get("headline")) or meta.get("twitter:title")
             or h1 or page.title)
    url = canonical or meta.get("og:url") or _text(ld.get("url")) or _text(
        ld.get("mainEntityOfPage"))
    ld_authors = _names(ld.get("author"))
    article_author = meta.get("article:author")
    author = (meta.get("author") or (", ".join(ld_authors) if ld_authors else None)
              or (article_author if article_author and not _is_url(article_author) else None))
    date, source = _latest_date(meta, ld, page)
    return ArticleMeta(title=title, url=url, author=author, date=date, date_source=source)


def _latest_date(meta: dict[str, str], ld: dict[str, Any], page: HtmlSource
                 ) -> tuple[dt.date | None, str | None]:
    """The latest of the dates the page declares as published or modified, and where it
    was found; else the first usual date meta name, else the first ``<time datetime>``."""
    declared = [("article:published_time", meta.get("article:published_time")),
                ("JSON-LD datePublished", _text(ld.get("datePublished"))),
                ("article:modified_time", meta.get("article:modified_time")),
                ("JSON-LD dateModified", _text(ld.get("dateModified"))),
                ("og:updated_time", meta.get("og:updated_time"))]
    found = [(when, name) for name, value in declared if value and (when := _date(value))]
    if found:
        return max(found, key=lambda pair: pair[0])
    for name in _DATE_NAMES:
        if when := _date(meta.get(name)):
            return when, f"<meta> {name}"
    if when := _date(*page.times[:1]):
        return when, "<time datetime>"
    return _visible_date(page)


_HEAD_BLOCKS = 6
"""A dateline or a dated byline among this many first blocks of the page dates it."""


def _visible_date(page: HtmlSource) -> tuple[dt.date | None, str | None]:
    """The latest date the page's text gives when no markup does: a dateline or a dated
    byline at the top ("Updated Jan. 4, 2014", "By Ann Lee | Updated Jan. 4, 2014"), or a
    stamp of the whole page anywhere ("Page last reviewed: 20-Mar-2013" in the footer). A
    copyright year or a date in the body is none."""
    found = []
    for i, b in enumerate(page.blocks):
        if b.cell is not None or len(b.text) > _STAMP_CHARS:
            continue
        when = page_stamp(b.text) or (i < _HEAD_BLOCKS and (dateline(b.text) or (
            byline_author(b.text) is not None and byline_date(b.text))))
        if when:
            found.append((when, b.text))
    return max(found, key=lambda pair: pair[0]) if found else (None, None)


_STAMP_CHARS = 120
"""A block longer than this is prose, not a dateline."""
