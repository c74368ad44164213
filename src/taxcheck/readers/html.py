"""HTML reader: the main article of a web page, with every character mapped to the source.

A whole page (one with a doctype, ``<html>``, ``<head>``, ``<title>`` or ``<body>``)
goes through trafilatura, which keeps the article's headings, paragraphs, lists,
quotes and tables and drops navigation, cookie banners, ads, newsletter boxes,
scripts, related-post lists, comments and footers (a page whose only prose is its comment
thread is read from the thread: see :data:`STUB_CHARS`). trafilatura does not say where
its text came from, so each extracted block is found again in the page's visible
text (entity-decoded, whitespace ignored, searching forward from the previous block;
see :func:`~taxcheck.readers.htmlsource.locate`).

An HTML *fragment* (none of those, e.g. an article body exported from a CMS) is all
article: its own headings, paragraphs, list items and quotes are read directly,
minus scripts, forms and navigation. The same direct reading is the fallback when
trafilatura finds no article in a page, or only dumps the page's text as one
paragraph (its last resort on pages with little text), and on a forum thread whose
posts are each an ``<article>`` when trafilatura keeps one post of them
(:func:`_keeps_one_post`).

trafilatura drops headings inside ``<section>`` and ``<header>`` elements; a page
heading it dropped is put back, in page order, when the text under it was extracted
(a ``<header>`` outside ``<article>``/``<main>`` is otherwise boilerplate, but its
section headings, level 2 and below, are the article's).

The page's first ``<h1>`` becomes the ``title`` block (trafilatura sometimes drops it
from the body), or, when every ``<h1>`` is boilerplate, the first one inside a ``<header>``
on a page without ``<article>`` that reads as a headline (not a site name); metadata
comes from :mod:`taxcheck.readers.htmlmeta`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from taxcheck.documents import Block, BlockKind, Document, Segment
from taxcheck.errors import InputError
from taxcheck.readers.checklists import unwrap_checklist_labels
from taxcheck.readers.decoding import decode_text
from taxcheck.readers.footnotes import blank_markers
from taxcheck.readers.htmlmeta import html_meta
from taxcheck.readers.htmlsource import IGNORABLE, HtmlSource, SourceBlock, locate, scan_html
from taxcheck.readers.labels import with_word_labels
from taxcheck.readers.lines import (
    TABLE_DASH,
    amount_label,
    corner_missing,
    header_row,
    no_value,
)
from taxcheck.readers.sidebars import sidebar_boxes

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml import etree

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADING_REND = re.compile(r"h([1-6])$")
_INVISIBLE_CHARS = dict.fromkeys(map(ord, IGNORABLE))


@dataclass
class Extracted:
    """A block of article text as an extractor returned it, not yet mapped to the source."""

    kind: BlockKind
    text: str
    level: int = 0
    number: int | None = None
    row: str | None = None
    column: str | None = None


def read_html_bytes(data: bytes, path: str) -> Document:
    """Decode an HTML file (UTF-8, else the charset its ``<meta>`` declares, else the one
    charset-normalizer finds) and read it."""
    m = _CHARSET.search(data[:4096])
    decoded = decode_text(data, path, m.group(1).decode("ascii") if m else None)
    document = read_html(decoded.text, path)
    document.warnings[:0] = decoded.warnings
    return document


def read_html(text: str, path: str) -> Document:
    """Read the main article of an HTML page (or a fragment) into a Document."""
    source, text = text, blank_markers(text, html=True)
    page = scan_html(text)
    items = _trafilatura_blocks(text) if page.is_page else []
    page_items = None
    if not items:
        items = page_items = _page_blocks(page)
    elif page.is_page and len(_ARTICLE_TAG.findall(text)) >= POSTS:
        direct = _page_blocks(page)
        if _keeps_one_post(direct, items):
            items = page_items = direct
    if page.is_page and _prose_chars(items) < STUB_CHARS:
        # a page whose only prose is its comment thread (a "Comments" page under an article
        # stub, a discussion marked up as comments): the comments are the text the page was
        # saved for
        thread = _trafilatura_blocks(text, comments=True)
        if _prose_chars(thread) > _prose_chars(items):
            items, page_items = thread, None
    # the page's h1, else a headline in a <header> on a page without an article element
    h1 = next((b for b in page.blocks if b.kind == "heading" and b.level == 1
               and not b.boilerplate), None) or next(
        (b for b in page.blocks if b.kind == "heading" and b.level == 1 and b.header_only
         and _headline(b.text)), None)
    placed = _place(page, items, h1, page_items)
    blocks = with_word_labels([block for block, _ in placed + _sidebars(page, placed)])
    if not blocks:
        raise InputError("no article text found in the page", where=path, code="TC201")
    meta = html_meta(page, h1=h1.text if h1 else None)
    return Document(path=path, source=source, blocks=blocks, meta=meta)


_ARTICLE_TAG = re.compile(r"<article\b", re.IGNORECASE)

POSTS = 3
"""``<article>`` elements that make a page a thread of posts (a forum thread, one post each)."""


def _keeps_one_post(direct: list[Extracted], items: list[Extracted]) -> bool:
    """On a thread of posts, the extractor kept one post (the longest, say) and dropped the
    rest: the posts read ``direct``-ly hold half as much prose again as it kept, or more.
    Related-article cards beside an article hold far less than it does."""
    return 2 * _prose_chars(direct) > 3 * _prose_chars(items)


STUB_CHARS = 200
"""Fewer characters of prose than this outside the page's boilerplate: an article stub (a
dateline, a byline, a link back to the article)."""


def _prose_chars(items: list[Extracted]) -> int:
    """How many characters of prose (not headings) the blocks hold."""
    return sum(len(item.text) for item in items if item.kind != "heading")


def _place(page: HtmlSource, items: list[Extracted], h1: SourceBlock | None,
           page_items: list[Extracted] | None = None) -> list[tuple[Block, int | None]]:
    """Map extracted blocks to the source (each with the stream index where it was found);
    the first level-1 heading becomes the title.
    When the blocks come from the extractor (not ``page_items``, the page read directly),
    the page's headings it dropped over text it kept are put back."""
    placed: list[tuple[Extracted, Block, int | None]] = []
    list_items = {b.start: b for b in page.blocks if b.kind == "list_item"}
    cursor = 0
    for item in items:
        found = locate(page, item.text, cursor)
        cursor = found.end
        number = item.number
        if item.kind == "list_item" and found.exact and found.start in list_items:
            number = list_items[found.start].number  # the page's own numbering (<ol start>)
        block = Block(kind=item.kind, text=found.text, segments=found.segments,
                      level=item.level, number=number)
        if item.kind == "table_cell":
            block = _with_context(block, item)
        placed.append((item, block, found.start))
    if items and items is not page_items:
        _restore_headings(page, placed)
    has_h1 = any(item.kind == "heading" and item.level == 1 for item, _, _ in placed)
    first_start = next((start for _, _, start in placed if start is not None), None)
    if h1 is not None and not has_h1:
        # the extractor kept the page's h1 as a paragraph: it is the heading it was
        for i, (item, block, start) in enumerate(placed):
            if start == h1.start and _visible(block.text) == _visible(h1.text):
                placed[i] = (item, block.model_copy(update={"kind": "heading", "level": 1}),
                             start)
                has_h1 = True
                break
    if h1 is not None and not has_h1 and (first_start is None or h1.start < first_start):
        found = locate(page, h1.text, h1.start)
        title = Extracted("heading", h1.text, level=1)
        placed.insert(0, (title, Block(kind="heading", text=found.text, segments=found.segments,
                                       level=1), found.start))
    blocks = [(block, start) for _, block, start in placed]
    for i, (block, start) in enumerate(blocks):
        if block.kind == "heading" and block.level == 1:
            blocks[i] = (block.model_copy(update={"kind": "title"}), start)
            break
    return blocks


_HEADLINE_WORDS = 4
"""The fewest words of an ``<h1>`` in a page's ``<header>`` that is its headline, not the
site's name ("Money Blog"), unless it has a number or asks a question."""


def _headline(text: str) -> bool:
    """Whether an ``<h1>`` in a page's ``<header>`` reads as the article's headline."""
    visible = _visible(text)
    return (len(visible.split()) >= _HEADLINE_WORDS or "?" in visible
            or any(c.isdigit() for c in visible))


def _section_heading(b: SourceBlock) -> bool:
    """A heading of the article's text: outside boilerplate, or a section heading (level 2+)
    in a ``<header>`` on a page without an article element."""
    return b.kind == "heading" and bool(_visible(b.text)) and (
        not b.boilerplate or (b.header_only and b.level >= 2))


def _restore_headings(page: HtmlSource,
                      placed: list[tuple[Extracted, Block, int | None]]) -> None:
    """Put back, in page order, each page heading the extractor dropped (it drops headings
    inside ``<section>`` and ``<header>`` elements) when the text under it was extracted:
    the first block after it that is not a heading lies in an extracted block."""
    if not any(start is not None for _, _, start in placed):
        return
    covered = _coverage([(block, start) for _, block, start in placed])
    blocks = [b for b in page.blocks if _visible(b.text)]
    after: SourceBlock | None = None  # the next block that is not a heading
    restored: list[SourceBlock] = []
    for b in reversed(blocks):
        if not _section_heading(b):
            if b.kind != "heading":
                after = b
            continue
        if (not covered(b.start) and after is not None and not after.boilerplate
                and covered(after.start)):
            restored.append(b)
    headings = []
    for b in reversed(restored):
        found = locate(page, b.text, b.start)
        if found.start is not None:
            headings.append((found.start, (Extracted("heading", b.text, level=b.level), Block(
                kind="heading", text=found.text, segments=found.segments, level=b.level),
                found.start)))
    # each heading goes before the first placed block that starts after it: in one pass,
    # since that block comes no earlier for a heading further down the page
    merged: list[tuple[Extracted, Block, int | None]] = []
    k = 0
    for at, entry in sorted(headings, key=lambda h: h[0]):
        while k < len(placed) and (placed[k][2] is None or placed[k][2] <= at):
            merged.append(placed[k])
            k += 1
        merged.append(entry)
    placed[:] = [*merged, *placed[k:]]


def _coverage(placed: list[tuple[Block, int | None]]) -> Callable[[int], bool]:
    """Whether a stream index lies in one of the ``(block, start)`` blocks found in the page."""
    spans = sorted((start, start + len(_key_of(block.text))) for block, start in placed
                   if start is not None)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end of the spans so far

    def covered(at: int) -> bool:  # a binary search: a page may hold thousands of blocks
        k = bisect_right(starts, at) - 1
        return k >= 0 and at < reach[k]

    return covered


def _sidebars(page: HtmlSource, placed: list[tuple[Block, int | None]]
              ) -> list[tuple[Block, int | None]]:
    """The page's sidebar boxes that state something (:func:`sidebar_boxes`) and that the
    extractor left out, after the article: each box its own section, its heading at the
    level of the article's sections (so the last section's heading does not head it)."""
    boxes = sidebar_boxes(page)
    if not boxes:
        return []
    covered = _coverage(placed)
    top = min((b.level for b, _ in placed if b.kind == "heading" and b.level > 1), default=2)
    out: list[tuple[Block, int | None]] = []
    for box in boxes:
        box = [b for b in box if not covered(b.start)]
        if not any(b.kind != "heading" for b in box):
            continue
        items = _extracted(box)
        for item in items:
            if item.kind == "heading":
                item.level = max(2, min(item.level, top))
        out += _place(page, items, None, items)
    return out


def _key_of(text: str) -> str:
    """The visible characters of a text, as the page's stream holds them."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in IGNORABLE)


def _with_context(block: Block, item: Extracted) -> Block:
    """A table cell read as "row label — column header: value" (the context mapped to the
    cell's first character)."""
    # a row label asked as a question ("Taxable?") reads as the subject of its cells
    prefix = TABLE_DASH.join(p for p in ((item.row or "").rstrip("?"), item.column) if p)
    if not prefix:
        return block
    prefix += ": "
    at = block.to_source(0)
    segments = (Segment(text_start=0, source_start=at, length=0),
                *(s.model_copy(update={"text_start": s.text_start + len(prefix)})
                  for s in block.segments))
    return block.model_copy(update={"text": prefix + block.text, "segments": segments,
                                    "row": item.row, "column": item.column})


# -- trafilatura ------------------------------------------------------------------------------

def load_extractor() -> None:
    """Import the page extractor now. A worker does this before the first HTML page's time
    budget starts: on a loaded machine the import alone can take longer than the budget."""
    import trafilatura  # noqa: F401



def _trafilatura_blocks(text: str, *, comments: bool = False) -> list[Extracted]:
    """The article's blocks as trafilatura extracts them ([] when it finds none);
    ``comments``: the page's comment thread as well."""
    import trafilatura  # imported on the first page read: it takes a while to load

    try:
        result = trafilatura.bare_extraction(
            unwrap_checklist_labels(text), include_comments=comments, include_tables=True,
            include_images=False, include_links=False, include_formatting=False,
            with_metadata=False,
            # recall mode: the precision mode dropped a bullet list after its lead-in on an
            # e-mail newsletter (preheader, logo header, table); on the development pages
            # it adds only that list, a teaser and a table of contents
            favor_recall=True)
    except Exception:  # any extractor failure: read the page directly
        return []
    body = getattr(result, "body", None)
    if body is None:
        return []
    if any("\n" in "".join(p.itertext()) for p in body.iter("p")):
        return []  # its last resort, the page's text in one paragraph: read the page directly
    items: list[Extracted] = []
    _walk(body, items, quoted=False)
    return items


def _inline_text(el: etree._Element) -> str:
    """The text of an element and its inline children (nested lists excluded)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag not in ("list", "table", "graphic"):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _walk(el: etree._Element, out: list[Extracted], *, quoted: bool) -> None:
    for child in el:
        _visit(child, out, quoted=quoted)


def _visit(child: etree._Element, out: list[Extracted], *, quoted: bool) -> None:
    tag = child.tag
    if tag == "head":
        m = _HEADING_REND.match(child.get("rend") or "")
        _emit(out, "heading", _inline_text(child), level=int(m.group(1)) if m else 2)
    elif tag == "p":
        _emit(out, "quote" if quoted else "paragraph", _inline_text(child))
    elif tag == "list" and (child.get("rend") or "").lower() == "dl":
        _definitions(child, out, quoted=quoted)
    elif tag == "list":
        numbered = (child.get("rend") or "").lower() == "ol"
        for n, item in enumerate(child.iterfind("item"), start=1):
            _emit(out, "list_item", _inline_text(item), number=n if numbered else None)
            for sub in item.iterfind("list"):
                _visit(sub, out, quoted=quoted)
    elif tag == "quote":
        if any(c.tag in ("p", "list", "head", "quote") for c in child):
            _emit(out, "quote", " ".join((child.text or "").split()))
            _walk(child, out, quoted=True)
        else:
            _emit(out, "quote", _inline_text(child))
    elif tag == "table":
        _table(child, out)
    elif tag not in ("code", "graphic", "lb"):
        _walk(child, out, quoted=quoted)


def _definitions(dl: etree._Element, out: list[Extracted], *, quoted: bool) -> None:
    """A definition list (``<dl>``): each description read as "term: description", the
    way a table row is, so "Age when RMDs start" / "72" states the RMD age; a term with no
    description after it stays a list item of its own."""
    items = list(dl.iterfind("item"))
    for i, item in enumerate(items):
        rend = (item.get("rend") or "").lower()
        after = (items[i + 1].get("rend") or "").lower() if i + 1 < len(items) else ""
        if rend.startswith("dt") and after.startswith("dd"):
            continue  # the term is read with its description
        before = (items[i - 1].get("rend") or "").lower() if i else ""
        term = _visible(_inline_text(items[i - 1])) if before.startswith("dt") else ""
        if rend.startswith("dd") and term:
            _emit(out, "table_cell", _inline_text(item), row=term.rstrip(":"))
        else:
            _emit(out, "list_item", _inline_text(item))
        for sub in item.iterfind("list"):
            _visit(sub, out, quoted=quoted)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _table(table: etree._Element, out: list[Extracted]) -> None:
    """Each data cell of a table as a ``table_cell`` (its row label and column header
    kept beside it); the first row is the header row, the first column the row labels. A
    first row of data cells (no ``<th>``) that does not read as a header (it states a
    figure: :func:`~taxcheck.readers.lines.header_row`) is a data row under no header."""
    rows = [[_visible(_inline_text(cell)) for cell in row.iterfind("cell")]
            for row in table.iter("row")]
    if _labels_rows(table):
        _label_rows(rows, out)
        return
    heads = [any(cell.get("role") == "head" for cell in row.iterfind("cell"))
             for row in table.iter("row")]
    heads = [h for h, r in zip(heads, rows, strict=True) if any(r)]
    rows = [r for r in rows if any(r)]
    if len(rows) >= 2 and not heads[0] and not header_row(rows[0]):
        rows.insert(0, [""] * len(rows[0]))
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        for r in rows:
            _emit(out, "paragraph", " ".join(c for c in r if c))
        return
    # a caption comes first as a row of one cell ("Contribution limits at a glance"): the
    # header row is the one after it, and a year the caption names ("2024 Roth IRA
    # eligibility") dates the columns that name none
    caption = ""
    while len(rows) > 2 and sum(1 for c in rows[0] if c) == 1 and len(rows[1]) >= 2:
        caption = next(c for c in rows[0] if c)
        rows = rows[1:]
    dated = caption if _YEAR.search(caption) else ""
    header = rows[0]
    shift = corner_missing(len(header), [len(r) for r in rows[1:]])
    for r in rows[1:]:
        for column, value in enumerate(r[1:], start=1):
            name = header[column - shift].rstrip("?") if column - shift < len(header) else ""
            if dated and not _YEAR.search(name):
                name = f"{dated}: {name}" if name else dated
            if not no_value(value):
                label = amount_label(header[0] if not shift else "", r[0])
                out.append(Extracted("table_cell", value, row=label or None,
                                     column=name or None))


def _labels_rows(table: etree._Element) -> bool:
    """A definition table: rows of a label and its value, the label a header cell and the
    value a data cell (``<tr><th>Who qualifies</th><td>...</td></tr>``), with no header
    row naming columns (the extractor keeps the header role of the first row's cells)."""
    rows = [list(row.iterfind("cell")) for row in table.iter("row")]
    rows = [r for r in rows if r]
    if not rows or any(len(r) != 2 for r in rows):
        return False
    label, value = rows[0]
    # a caption the extractor turned into a row of a head cell and an empty one comes
    # before a header row: not a definition
    return (label.get("role") == "head" and value.get("role") != "head"
            and bool(_visible(_inline_text(value)))
            and not any(all(c.get("role") == "head" for c in r) for r in rows))


def _label_rows(rows: list[list[str]], out: list[Extracted]) -> None:
    """Each row of a definition table read as "label: value", as a definition list's
    term and description are (a value alone is a paragraph)."""
    for label, value in rows:
        if label and value and not no_value(value):
            out.append(Extracted("table_cell", value, row=label.rstrip(":?")))
        elif value or label:
            _emit(out, "paragraph", value or label)


def _emit(out: list[Extracted], kind: BlockKind, text: str, *, level: int = 0,
          number: int | None = None, row: str | None = None) -> None:
    text = _visible(text)
    if text:
        out.append(Extracted(kind, text, level, number, row=row))


def _visible(text: str) -> str:
    """Text without invisible characters (soft hyphens, zero-width spaces) or extra spaces."""
    return " ".join(text.translate(_INVISIBLE_CHARS).split())


# -- direct reading -----------------------------------------------------------------------

def _page_blocks(page: HtmlSource) -> list[Extracted]:
    """The page's own blocks outside boilerplate (inside <article>/<main> when it has one)."""
    blocks = [b for b in page.blocks if not b.boilerplate or _section_heading(b)]
    if any(b.in_article for b in blocks):
        blocks = [b for b in blocks if b.in_article]
    return _extracted([b for b in blocks if _visible(b.text)])


def _extracted(blocks: list[SourceBlock]) -> list[Extracted]:
    """The page's own blocks as an extractor's: a table's cells read as a table, a
    definition list's term with its description."""
    out: list[Extracted] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.cell is not None:
            j = i
            while j < len(blocks) and blocks[j].cell is not None and (
                    blocks[j].cell[0] == b.cell[0]):
                j += 1
            _table(_cells_as_table(blocks[i:j]), out)
            i = j
            continue
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.term == "dt" and after is not None and after.term == "dd":
            # a definition list's term is read with its description, as a table row is
            out.append(Extracted("table_cell", _visible(after.text),
                                 row=_visible(b.text).rstrip(":")))
            i += 2
            continue
        out.append(Extracted(b.kind, _visible(b.text), b.level, b.number))
        i += 1
    return out


def _cells_as_table(blocks: list[SourceBlock]) -> etree._Element:
    """The cells of one table, read directly from the page, as an extractor's table."""
    from lxml import etree as tree  # imported only for pages with a table

    table = tree.Element("table")
    rows: dict[int, dict[int, list[str]]] = {}
    heads = set()
    for b in blocks:
        assert b.cell is not None
        rows.setdefault(b.cell[1], {}).setdefault(b.cell[2], []).append(_visible(b.text))
        if b.head:
            heads.add(b.cell[1:])
    for r in sorted(rows):
        row = tree.SubElement(table, "row")
        for c in range(max(rows[r]) + 1):
            cell = tree.SubElement(row, "cell")
            cell.text = " ".join(rows[r].get(c, []))
            if (r, c) in heads:
                cell.set("role", "head")
    return table
