"""HTML review pages: the article with checked claims highlighted, and a batch index.

Both pages are single self-contained files: inline CSS (allowed by its hash in the page's
Content-Security-Policy), inline SVG icons, no fonts, images or scripts from anywhere
else. The review page has no script at all; the index page has one small optional script
(click a column to sort), allowed by its hash, and works without it. Everything from the
article is escaped by Jinja2's autoescape; URLs from article metadata become links only
when they are http(s); the ClaimReview JSON-LD is serialized so it cannot end early.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from taxcheck.batch import ArticleEntry, BatchIndex
from taxcheck.calibration import confidence_word
from taxcheck.findings import BlockView, Finding, Report
from taxcheck.render.claimreview import (
    PUBLISH_MIN_CONFIDENCE,
    claim_review,
    claim_reviews,
    claim_text,
    script_json,
)
from taxcheck.render.urls import http_url, link_url
from taxcheck.resources import data_dir

VERDICT_KEYS = ("false", "outdated", "misleading", "myth", "accurate")
"""Verdict keys of the page (a debunked myth apart), worst first."""

LABELS = {"false": "False", "outdated": "Outdated", "misleading": "Misleading",
          "myth": "Debunked myth", "accurate": "Verified"}
PLURALS = {"false": "False", "outdated": "Outdated", "misleading": "Misleading",
           "myth": "Debunked myths", "accurate": "Verified"}
SHORT = {**PLURALS, "myth": "Myths"}
MEANINGS = {
    "false": "The claim contradicts the rule. Correct or remove it before publishing.",
    "outdated": "The claim was right for an earlier tax year but not for the year checked.",
    "misleading": "Part of the claim is right, but it leaves out something that changes "
                  "the answer.",
    "myth": "The article quotes a wrong claim in order to correct it. No change needed.",
    "accurate": "The claim agrees with the rule. Shown as verified; no change needed.",
}
READER_MEANINGS = {
    "false": "The claim contradicts the rule.",
    "outdated": "The claim was right for an earlier tax year but not for the year checked.",
    "misleading": "Part of the claim is right, but it leaves out something that changes "
                  "the answer.",
    "myth": "The article quotes a wrong claim in order to correct it.",
    "accurate": "The claim agrees with the rule.",
}
"""What each verdict means, for readers of a published review."""
STAGES = {"concepts": "mentions", "polarity": "", "context": "", "hedge": "hedged by",
          "framing": "", "number": "", "year": ""}

_CONCEPT = re.compile(r"(?:\b[a-z0-9]+(?:[.-][a-z0-9]+)*/)?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b")
"""A concept label, with the claim id a claim's own label is filed under (``claim-id/LABEL``)."""
_SMALL_WORDS = {"AND", "AT", "BY", "FOR", "IN", "NO", "NOT", "OF", "OFF", "ON", "OR", "OUT",
                "THE", "TO", "UP"}


def verdict_key(finding: Finding) -> str:
    """The page's verdict key of a finding: its verdict, or "myth" when debunked."""
    return "myth" if finding.framing == "myth" else finding.verdict


@dataclass(frozen=True)
class Piece:
    """A run of block text; highlighted when one or more numbered findings cover it."""

    text: str
    refs: tuple[tuple[int, Finding], ...] = ()

    @property
    def key(self) -> str | None:
        """The worst verdict key among the findings that cover this text."""
        keys = {verdict_key(f) for _, f in self.refs}
        return next((k for k in VERDICT_KEYS if k in keys), None)


@dataclass
class Row:
    """Blocks shown side by side with the notes on the claims they contain.

    Consecutive list items share one row, so they stay one list.
    """

    blocks: list[tuple[BlockView, list[Piece]]] = field(default_factory=list)
    notes: list[tuple[int, Finding]] = field(default_factory=list)

    @property
    def is_list(self) -> bool:
        return bool(self.blocks) and self.blocks[0][0].kind == "list_item"

    @property
    def ordered(self) -> bool:
        return self.is_list and self.blocks[0][0].number is not None


@dataclass(frozen=True)
class Asset:
    """A stylesheet or script inlined into a page, with its CSP source expression."""

    text: Markup
    csp: str


@cache
def environment() -> Environment:
    """The Jinja2 environment for taxcheck's templates (autoescape always on).

    Built once per process, like the spaCy pipeline: compiling the templates costs far
    more than rendering a page, and a batch renders thousands.
    """
    env = Environment(loader=FileSystemLoader(str(data_dir("templates"))),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(LABELS=LABELS, PLURALS=PLURALS, SHORT=SHORT, MEANINGS=MEANINGS,
                       READER_MEANINGS=READER_MEANINGS,
                       VERDICT_KEYS=VERDICT_KEYS, http_url=http_url, link_url=link_url,
                       verdict_key=verdict_key, confidence_word=confidence_word,
                       reasons=reasons, quote_parts=quote_parts, claim_text=claim_text)
    return env


@cache
def asset(name: str) -> Asset:
    """A file from templates/ for inlining, with the hash that lets the CSP allow it."""
    text = (data_dir("templates") / name).read_text(encoding="utf-8").strip()
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return Asset(Markup(text), f"'sha256-{digest}'")  # our own file, never article text


def numbered_findings(report: Report, *, publish: bool = False) -> list[tuple[int, Finding]]:
    """Visible findings in reading order, numbered from 1 (one per sentence and claim).

    A page for publishing leaves out the findings matched with low confidence: a reader
    sees only what the reviewer stands behind.
    """
    shown = [f for f in report.findings if not f.suppressed
             and (not publish or f.confidence >= PUBLISH_MIN_CONFIDENCE)]
    return list(enumerate(sorted(shown, key=Finding.sort_key), start=1))


def page_counts(numbered: list[tuple[int, Finding]]) -> dict[str, int]:
    """Findings on the page per verdict key."""
    out = dict.fromkeys(VERDICT_KEYS, 0)
    for _, f in numbered:
        out[verdict_key(f)] += 1
    return out


@dataclass(frozen=True)
class PageContradiction:
    """A contradiction between two notes of the page."""

    message: str
    wrong: int
    right: int
    wrong_finding: Finding
    right_finding: Finding


def page_contradictions(report: Report, numbered: list[tuple[int, Finding]]) -> list[
        PageContradiction]:
    """The article's contradictions whose two sentences both have a note on the page."""
    numbers = {f.id: n for n, f in numbered}
    return [PageContradiction(c.message, numbers[w.id], numbers[r.id], w, r)
            for c, w, r in report.visible_contradictions()
            if w.id in numbers and r.id in numbers]


def block_pieces(text: str, notes: list[tuple[int, Finding]]) -> list[Piece]:
    """Split a block's text into plain and highlighted pieces.

    Findings whose words overlap share one highlight, which carries a numbered marker
    for each of them, so every note has its place in the text.
    """
    spans: list[tuple[int, int, list[tuple[int, Finding]]]] = []
    for number, f in sorted(notes, key=lambda n: (n[1].block_start, n[1].block_end, n[0])):
        start = min(max(f.block_start, 0), len(text))
        end = min(max(f.block_end, start), len(text))
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end), [*spans[-1][2], (number, f)])
        else:
            spans.append((start, end, [(number, f)]))
    pieces: list[Piece] = []
    pos = 0
    for start, end, refs in spans:
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], tuple(sorted(refs, key=lambda r: r[0]))))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces


def rows(report: Report, numbered: list[tuple[int, Finding]]) -> list[Row]:
    """Group the report's blocks into rows, each with the notes on its claims."""
    by_block: dict[int, list[tuple[int, Finding]]] = {}
    for number, f in numbered:
        by_block.setdefault(f.block, []).append((number, f))
    out: list[Row] = []
    for i, block in enumerate(report.blocks):
        notes = by_block.pop(i, [])
        continues_list = (block.kind == "list_item" and out and out[-1].is_list
                          and (block.number is None) == (not out[-1].ordered))
        row = out[-1] if continues_list else Row()
        if not continues_list:
            out.append(row)
        row.blocks.append((block, block_pieces(block.text, notes)))
        row.notes.extend(notes)
    leftover = [n for notes in by_block.values() for n in notes]
    if leftover:  # findings that point past the blocks still get their notes
        out.append(Row(notes=sorted(leftover, key=lambda n: n[0])))
    return out


def _concept_words(label: str) -> str:
    """A concept label in words: CAPITAL_GAIN -> capital gain, ROTH_IRA -> roth IRA; a
    claim's own label without its claim: capital-gain-taxed-twice/TWICE -> twice."""
    return " ".join(part if len(part) <= 3 and part not in _SMALL_WORDS else part.lower()
                    for part in label.rpartition("/")[2].split("_"))


def _humane(detail: str) -> str:
    return _CONCEPT.sub(lambda m: _concept_words(m.group()), detail)


def reasons(finding: Finding) -> list[str]:
    """The trail of a finding as short phrases a reader can follow."""
    out = []
    for step in finding.trail:
        prefix = STAGES.get(step.stage, "")
        text = _humane(step.detail)
        out.append(f"{prefix} {text}" if prefix else text)
    return out


def quote_parts(finding: Finding) -> tuple[str, str, str]:
    """The sentence split around the claim's words: (before, claim, after).

    When the claim is the whole sentence (or cannot be found in it), the claim part
    is empty and the sentence is returned whole as ``before``.
    """
    sentence, text = finding.sentence, finding.text
    at = sentence.find(text) if text else -1
    if at < 0 or text.strip() == sentence.strip():
        return sentence, "", ""
    return sentence[:at], text, sentence[at + len(text):]


def summary_sentence(counts: dict[str, int], checker: str = "taxcheck") -> str:
    """One sentence on what the check found, worst first (``checker``: who checked)."""
    total = sum(counts.get(k, 0) for k in VERDICT_KEYS)
    if not total:
        if checker == "taxcheck":
            return "taxcheck found none of the claims in its database in this article."
        return "This review found no claim to rate in this article."
    phrases = {"false": ("is false", "are false"), "outdated": ("is outdated", "are outdated"),
               "misleading": ("is misleading", "are misleading"),
               "myth": ("is a myth the article debunks", "are myths the article debunks"),
               "accurate": ("is accurate", "are accurate")}
    parts = [f"{counts[k]} {phrases[k][counts[k] != 1]}" for k in VERDICT_KEYS
             if counts.get(k)]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if total == 1:
        return f"{checker.capitalize()} checked one claim in this article: it " \
               f"{joined.split(' ', 1)[1]}."
    return f"Of the {total} claims {checker} checked in this article, {joined}."


def render_html(reports: list[Report], *, reviewer: str | None = None,
                reviewer_url: str | None = None, page_url: str | None = None,
                published: dt.date | None = None, index_url: str | None = None,
                publish: bool = False, claim_pages: dict[str, str] | None = None,
                **_: object) -> str:
    """Render the first report as a self-contained review page.

    Args:
        reviewer: who reviewed the article (footer; the ClaimReview ``author``).
        reviewer_url: the reviewer's web site, when it has one.
        page_url: where the page will be published: a canonical link, and the base of
            the ClaimReview URLs.
        published: the review's publication date (default: today).
        index_url: link back to the batch index (relative), when the page is part of one.
        publish: a page for readers: no editor details, no low-confidence findings, and
            ClaimReview JSON-LD for the problems the reviewer stands behind (with a
            ``page_url``, and unless ``claim_pages`` carry them). Without it, a page for
            editors, with no ClaimReview.
        claim_pages: finding id -> relative link to the page that reviews that claim
            alone (``scan --publish``); the notes and a list link to them.
    """
    report = reports[0]
    numbered = numbered_findings(report, publish=publish)
    counts = page_counts(numbered)
    published = published or dt.date.today()
    canonical = http_url(page_url)
    reviews = []
    if publish and canonical and reviewer and not claim_pages:
        reviews = claim_reviews(report, numbered, canonical, reviewer=reviewer,
                                reviewer_url=reviewer_url, published=published)
    style = asset("report.css")
    template = environment().get_template("report.html.j2")
    page_rows = rows(report, numbered)
    in_text = {n for row in page_rows for _, pieces in row.blocks for p in pieces
               for n, _ in p.refs}
    contradictions = page_contradictions(report, numbered)
    links = {f.id: link_url(claim_pages.get(f.id)) for _, f in numbered} if claim_pages else {}
    return _page(template.render(
        report=report, rows=page_rows, notes=numbered, counts=counts, in_text=in_text,
        heading_base=min(levels_of(report), default=1), publish=publish,
        summary=summary_sentence(counts, "we" if publish else "taxcheck"),
        style=style.text, csp=review_csp(style),
        claim_review_json=Markup(script_json(reviews)) if reviews else None,
        contradictions=contradictions,
        contradicted={c.wrong: c for c in contradictions},
        claim_links={k: v for k, v in links.items() if v},
        reviewer=reviewer, reviewer_url=http_url(reviewer_url),
        canonical=canonical, published=published, index_url=link_url(index_url),
        source_url=http_url(report.meta.url)))


def levels_of(report: Report) -> list[int]:
    """The levels of the report's headings."""
    return [b.level for b in report.blocks if b.kind == "heading"]


def review_csp(style: Asset) -> str:
    """The Content-Security-Policy of a page with no script of its own."""
    return (f"default-src 'none'; style-src {style.csp}; script-src 'none'; img-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def render_claim_page(report: Report, finding: Finding, *, reviewer: str, page_url: str,
                      article_page: str, reviewer_url: str | None = None,
                      published: dt.date | None = None, index_url: str | None = None,
                      others: int = 0) -> str:
    """A page that reviews one claim of an article, with exactly one ClaimReview.

    Args:
        finding: the claim (a publishable problem), as the article first states it.
        page_url: where this page will be published (the ClaimReview ``url``).
        article_page: relative link to the review of the whole article.
        others: how many other sentences of the article make the same claim.
    """
    published = published or dt.date.today()
    canonical = http_url(page_url)
    review = claim_review(finding, canonical or "", report, reviewer=reviewer,
                          reviewer_url=reviewer_url, published=published)
    style = asset("report.css")
    return _page(environment().get_template("claim.html.j2").render(
        report=report, f=finding, key=verdict_key(finding), style=style.text,
        csp=review_csp(style), claim_review_json=Markup(script_json(review)),
        reviewer=reviewer, reviewer_url=http_url(reviewer_url), canonical=canonical,
        published=published, index_url=link_url(index_url),
        article_page=link_url(article_page), others=others,
        source_url=http_url(report.meta.url)))


def _page(html: str) -> str:
    """A rendered page starting with its doctype and ending with one newline."""
    return html.strip() + "\n"


def _problems(entry: ArticleEntry) -> int:
    return sum(entry.counts.get(k, 0) for k in ("false", "outdated", "misleading"))


def index_order(entries: list[ArticleEntry]) -> list[ArticleEntry]:
    """Checked articles, most problems first (false claims break ties), then by title."""
    return sorted((e for e in entries if e.error is None),
                  key=lambda e: (-_problems(e), -e.counts.get("false", 0),
                                 (e.title or e.path).casefold(), e.path))


def render_index(index: BatchIndex, *, reviewer: str | None = None, publish: bool = False,
                 **_: object) -> str:
    """Render the index page of a batch (sorted by most problems; optional click-to-sort).

    ``publish``: the pages are for readers (the footer says so).
    """
    checked = index_order(index.articles)
    failed = [e for e in index.articles if e.error is not None]
    sums = {k: sum(e.counts.get(k, 0) for e in checked) for k in VERDICT_KEYS}
    totals = {k: index.totals.get(k, sums[k]) for k in VERDICT_KEYS}
    pages = {e.path: e for e in index.articles}
    style, script = asset("report.css"), asset("sort.js")
    csp = (f"default-src 'none'; style-src {style.csp}; script-src {script.csp}; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    return _page(environment().get_template("index.html.j2").render(
        index=index, checked=checked, failed=failed, totals=totals, sums=sums, pages=pages,
        problems=_problems, with_problems=sum(1 for e in checked if _problems(e)),
        problem_total=sum(totals[k] for k in ("false", "outdated", "misleading")),
        sum_problems=sum(_problems(e) for e in checked), style=style.text,
        script=script.text, csp=csp, reviewer=reviewer or index.reviewer, publish=publish))
