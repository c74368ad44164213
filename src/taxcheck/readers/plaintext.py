"""Plain-text reader: recovers title, byline, dateline, headings and numbered items.

Plain-text articles (often copied from web pages) carry their structure in layout
only: the first line is the title, a short line without final punctuation is a
heading, "1." alone on a line numbers the item that follows, and blank lines
separate paragraphs. Many have no blank lines at all, so a single line break also
ends a block after a heading-like line, a "Label: value" line or a finished
sentence, and before a bullet, a step or a table row; lines that end mid-sentence
(and the full-width lines of a hard-wrapped file) are joined (see
:func:`~taxcheck.readers.lines.joins`). Table rows become ``table_cell`` blocks.

Page furniture (breadcrumbs, a site's name over the headline, forum post headers, user
names, signatures, rules, action bars; see :mod:`~taxcheck.readers.furniture`) becomes
``furniture`` blocks, so the title is the headline or thread title after them, and a
headline in Title Case or capitals is a heading. The article's date is the latest one
its header lines give ("Updated ...", a byline's date, a thread's first post), up to the
first sentence of the body.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from taxcheck.documents import ArticleMeta, Block, BlockBuilder, BlockKind, Document
from taxcheck.readers.furniture import furniture_lines, post_date, site_nav
from taxcheck.readers.lines import (
    CHECKBOX,
    STEP,
    byline_author,
    byline_date,
    dateline,
    display_heading,
    ends_sentence,
    fact_lines,
    joins,
    label_opening,
    label_value,
    looks_like_heading,
    page_stamp,
    split_lines,
    stripped_span,
    table_cell_blocks,
    table_rows,
    word_label,
    wrap_width,
)
from taxcheck.readers.quotes import bare_header, quote_line, quoted_span

_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})[.)]\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:(\d{1,3})[.)]|[-*\u2022]|" + CHECKBOX + r")\s+(?=\S)")
_HEADER_LINES = 4
"""A header group (byline, dateline, site or forum line) has at most this many lines."""
_HEADER_LINE_WORDS = 12
_TITLE_LABEL = re.compile(r"^(?:thread|topic|subject|re|discussion)\s*:\s*\S", re.IGNORECASE)
"""A forum thread's or a letter's title says what it is ("Thread: ...", "Re: ...")."""
_AMOUNT = re.compile(r"\$\s?\d|\d\s?%")
"""A dollar amount or a rate (a heading may name a year: "What's coming in 2027: ...")."""
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
"""A line that is only an HTML comment (e.g. a suppression) carries no prose."""


def _paragraphs(text: str) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for offset, line in split_lines(text):
        if _COMMENT_LINE.match(line):
            continue
        if line.strip():
            current.append((offset, line))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _block_from_lines(lines: list[tuple[int, str]], kind: BlockKind, **extra: Any) -> Block:
    builder = BlockBuilder()
    for i, (offset, line) in enumerate(lines):
        content, start = stripped_span(line, offset)
        if i:
            builder.add_synthetic(" ", start)
        builder.add(content, start)
    return builder.build(kind, **extra)


def _quote_blocks(group: list[tuple[int, str]]) -> list[Block]:
    """Another poster's words (:mod:`~taxcheck.readers.quotes`), without markers or header:
    one block, or none when the lines hold only markers ("> ")."""
    lines = [(offset + quoted_span(line), line[quoted_span(line):]) for offset, line in group]
    lines = [line for line in lines if line[1].strip()]
    return [_block_from_lines(lines, "quote")] if lines else []


def _in_header(blocks: list[Block]) -> bool:
    """True while only the title, bylines, datelines, page furniture and headline-like
    lines have been read (a site's name over the headline, "Filed under: IRAs"): no
    sentence of the body yet."""
    return all(b.kind in ("title", "byline", "dateline", "furniture", "heading") or (
        b.kind == "paragraph" and (not ends_sentence(b.text) or _header_question(b.text)))
        for b in blocks)


def _header_question(text: str) -> bool:
    """A short question under a column's name is its headline ("Ask the Tax Lady", then
    "Is my 401(k) loss deductible?", then "Originally posted ...")."""
    s = text.strip()
    return (s.endswith("?") and len(s.split()) <= _HEADER_QUESTION_WORDS
            and not _INNER_SENTENCE_END.search(s[:-1]))


_HEADER_QUESTION_WORDS = 15
_INNER_SENTENCE_END = re.compile(r"[.!?]\s")
_POST_DATELINE = re.compile(r"^(?:#\d|(?:reply|post|comment|answer)\s*#|re\s*:|posted\b|"
                            r"replied\b|answered\b|commented\b|[\w.'\u2019-]{1,32}\s+"
                            r"(?:wrote|posted|replied)\b)", re.IGNORECASE)
"""A forum post's header line ("Posted Mar 4, 2024 at 8:12 PM", "Reply #1 \u00b7 Posted ...")."""


def _page_date(line: str, dates: list[tuple[date, str]]) -> bool:
    """Whether a header line's date dates the page: a forum thread is dated by its first
    post, so a later post's date ("Posted Mar 5, 2025", a reply a year on) is not."""
    return not (_POST_DATELINE.match(line.strip())
                and any(_POST_DATELINE.match(source) for _, source in dates))


def _before_title(blocks: list[Block]) -> bool:
    """True while only page furniture (a breadcrumb, a site's name bar) and datelines
    ("Last reviewed: September 9, 2026", "Issue 17 \u00b7 March 2011") have been read."""
    return all(b.kind in ("furniture", "dateline") for b in blocks)


def _header_group(group: list[tuple[int, str]], blocks: list[Block]) -> bool:
    """A short group of byline/dateline lines before the body ("By Ann Lee\\nMay 4, 2024").

    Its other lines must read as labels ("Forum: Personal Finance > Taxes"), not prose.
    """
    if len(group) < 2 or len(group) > _HEADER_LINES or not _in_header(blocks):
        return False
    kinds = [byline_author(line) is not None or dateline(line) is not None
             for _, line in group]
    return any(kinds) and all(
        known or (looks_like_heading(line) and len(line.split()) <= _HEADER_LINE_WORDS)
        for known, (_, line) in zip(kinds, group, strict=True))


def _read_header_group(group: list[tuple[int, str]], blocks: list[Block], meta: ArticleMeta,
                       dates: list[tuple[date, str]], furniture: set[int]) -> None:
    """Add a header group's lines; its first line that is no byline, dateline or page
    furniture is the title when none was read ("DEAR DOLLAR: Your money questions,
    answered")."""
    for line in group:
        kind = _header_line(line[1], meta, dates, in_header=True)
        if kind == "paragraph" and line[0] in furniture:
            kind = "furniture"
        elif kind == "paragraph" and _before_title(blocks):
            kind = "title"
            meta.title = line[1].strip()
        blocks.append(_block_from_lines([line], kind))


def _header_line(line: str, meta: ArticleMeta, dates: list[tuple[date, str]], *,
                 in_header: bool) -> BlockKind:
    """The kind of a header line (byline, dateline); in the header, records author and date."""
    if in_header and (author := byline_author(line)) is not None:
        meta.author = meta.author or author
        if when := byline_date(line):
            dates.append((when, line.strip()))
        return "byline"
    if when := dateline(line):
        if (in_header and _page_date(line, dates)) or page_stamp(line):
            # a footer's "Page last updated: ..." dates the page too
            dates.append((when, line.strip()))
        return "dateline"
    return "paragraph"


def _units(group: list[tuple[int, str]], width: int | None,
           furniture: set[int]) -> list[tuple[str, list]]:
    """A paragraph's lines as units: ``("table", rows)``, ``("furniture", [line])`` (for
    lines whose offsets are in ``furniture``) and ``("lines", lines)``, where the lines of
    a unit are one block (soft-wrapped) and each line break between units ends a block
    (see :func:`~taxcheck.readers.lines.joins`)."""
    runs = dict(table_rows([line for _, line in group]))
    out: list[tuple[str, list]] = []
    current: list[tuple[int, str]] = []
    i = 0
    while i < len(group):
        if group[i][0] in furniture:
            if current:
                out.append(("lines", current))
                current = []
            out.append(("furniture", [group[i]]))
            i += 1
            continue
        if i in runs:
            if current:
                out.append(("lines", current))
                current = []
            out.append(("table", group[i:runs[i]]))
            i = runs[i]
            continue
        if bare_header(group[i][1]) and i + 1 < len(group):
            # "Originally posted by Dave:" and the line it quotes: one quote, on its own
            if current:
                out.append(("lines", current))
            out.append(("lines", group[i:i + 2]))
            current = []
            i += 2
            continue
        if current and not joins(current[-1][1], group[i][1], width):
            out.append(("lines", current))
            current = []
        current.append(group[i])
        i += 1
    if current:
        out.append(("lines", current))
    return out


def _title_like(line: str, alone: bool) -> bool:
    """The first line is the title when it is short and, unless it stands alone, reads as
    a heading, a headline (Title Case, a long post title) or a question (not a sentence
    of the body)."""
    s = line.strip()
    if dateline(s):
        return False  # "Last reviewed: September 9, 2026" under a breadcrumb dates the page
    if _ASKED_LINE.match(s):
        return False  # "Q: I left at 52. Can I use the rule of 55?" opens a reader's question
    return len(s.split()) <= 25 and (alone or looks_like_heading(s) or display_heading(s)
                                     or s.endswith(("?", "!")) or bool(_TITLE_LABEL.match(s)))


def read_plaintext(text: str, path: str) -> Document:
    """Read a plain-text article into a Document."""
    blocks: list[Block] = []
    meta = ArticleMeta()
    dates: list[tuple[date, str]] = []
    width = wrap_width(text.split("\n"))
    lines = split_lines(text)
    furniture = {lines[i][0] for i in furniture_lines([line for _, line in lines])}
    pending_number: int | None = None
    for group in _paragraphs(text):
        if _header_group(group, blocks):
            _read_header_group(group, blocks, meta, dates, furniture)
            continue
        facts = {group[i][0] for i in fact_lines([line for _, line in group])}
        units = _units(group, width, furniture)
        for k, (unit_kind, unit) in enumerate(units):
            if _furniture_unit(unit_kind, unit, blocks, dates):
                continue
            if unit_kind == "table":
                blocks.extend(table_cell_blocks(
                    unit, captioned=bool(blocks) and blocks[-1].kind in ("heading", "title")))
                pending_number = None
                continue
            # a post title is alone on its line when the thread's header lines follow it
            before_furniture = k + 1 < len(units) and units[k + 1][0] == "furniture"
            pending_number = _read_unit(unit, blocks, meta, dates, pending_number,
                                        alone=len(group) == 1 or (
                                            before_furniture and _before_title(blocks)),
                                        facts=facts)
    if dates:
        meta.date, meta.date_source = max(dates, key=lambda d: d[0])
    written = [line for _, line in lines if line.strip()]
    if len(written) <= _SNIPPET_LINES and (
            len(written) < 2 or not _BLANK_LINE.search(text.strip())):
        # a blank line under the first of two lines sets it apart: a page's title
        blocks = _snippet_body(blocks, meta, single=len(blocks) == 1)
    return Document(path=path, source=text, blocks=blocks, meta=meta)


_ASKED_LINE = re.compile(r"^(?:q|question)\s*[:.]\s", re.IGNORECASE)
"""A line that opens a reader's question with its label ("Q: ...", "Question: ..."): the
question of an FAQ or a mailbag, never the page's title, also as a page's first line."""


_SNIPPET_LINES = 2
"""A text of at most this many lines is a snippet (a sentence pasted into the tool, an
editor's short buffer), not a page with a title over its body, unless a blank line sets its
first line apart."""


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _snippet_body(blocks: list[Block], meta: ArticleMeta, *, single: bool) -> list[Block]:
    """A snippet's lines are body text: a lone line, or a line without final punctuation
    that reads as no headline (not Title Case, capitals, a question or a thread label), is
    a paragraph, not the title or a heading ("One rollover per IRA per year" pasted alone
    states that rule). A snippet with a byline, a dateline or page furniture is a page."""
    if any(b.kind in ("byline", "dateline", "furniture") for b in blocks):
        return blocks
    out = []
    for b in blocks:
        s = b.text.strip()
        if b.kind in ("title", "heading") and (single or _ASKED_LINE.match(s) or not (
                display_heading(s) or s.endswith(("?", "!")) or _TITLE_LABEL.match(s))):
            if b.kind == "title":
                meta.title = None
            b = b.model_copy(update={"kind": "paragraph", "level": 0, "number": None})
        out.append(b)
    return out


_MASTHEAD_WORDS = 4
_HEADLINE_WORDS = 5
_SITE_WORD = re.compile(
    r"\b(?:blog|bank|news|wire|daily|weekly|journal|magazine|times|post|digest|center|centre|"
    r"forums?|community|investing|investments|union|insider|report|gazette|learn)\s*$",
    re.IGNORECASE)
"""The last word of a site's name ("The Frugal Accountant Blog", "Money Desk Daily")."""


def _site_name(text: str) -> bool:
    """A short line that names a site, not an article: set in capitals ("THE FRUGAL
    RETIREE"), a name and a section ("Northwind Bank | Learn"), or ending in a word like
    "Blog", "Bank" or "Daily"."""
    s = text.strip()
    if len(s.split()) > _MASTHEAD_WORDS or any(c.isdigit() for c in s):
        return False
    return s.isupper() or " | " in s or bool(_SITE_WORD.search(s))



def _headline_words(line: str, blocks: list[Block]) -> int:
    """The fewest words a headline under a site's name has: any number for a thread's
    title ("Thread: Hardship rules") or right under an issue's dateline ("THE SAVER'S
    DIGEST", "Volume 3, Issue 9 \u2022 September 2014", "Deducting IRA Losses")."""
    if _TITLE_LABEL.match(line) or (blocks and blocks[-1].kind == "dateline"):
        return 2
    return _HEADLINE_WORDS


def _masthead_title(group: list[tuple[int, str]], blocks: list[Block],
                    meta: ArticleMeta) -> bool:
    """A headline in the header under a short site name ("THE FRUGAL RETIREE", then "Posted
    on ...", then "New Rollover Limit, Old Loss Rule: ..."): the headline becomes the title
    and the site's name page furniture. True when the unit was taken as the title."""
    titles = [i for i, b in enumerate(blocks) if b.kind == "title"]
    s = group[0][1].strip()
    if (len(group) != 1 or len(titles) != 1 or not _in_header(blocks)
            or len(s.split()) < _headline_words(s, blocks) or " | " in s
            or not (display_heading(s) or s.endswith("?") or _TITLE_LABEL.match(s))):
        return False
    old = blocks[titles[0]]
    if not _site_name(old.text):
        return False
    blocks[titles[0]] = old.model_copy(update={"kind": "furniture"})
    blocks.append(_block_from_lines(group, "title"))
    meta.title = blocks[-1].text
    return True


def _furniture_unit(unit_kind: str, unit: list, blocks: list[Block],
                    dates: list[tuple[date, str]]) -> bool:
    """Add a unit of page furniture (a site's name bar counts in the header) as a
    ``furniture`` block; a post header's date in the header dates the page."""
    if not (unit_kind == "furniture" or (unit_kind == "lines" and len(unit) == 1
                                         and _in_header(blocks) and site_nav(unit[0][1]))):
        return False
    if _in_header(blocks) and (when := post_date(unit[0][1])) and not any(
            b.kind == "furniture" and post_date(b.text) for b in blocks) and _page_date(
            unit[0][1], dates):
        # the thread's first post dates the page; a reply's date (a later year) does not
        dates.append((when, unit[0][1].strip()))
    blocks.append(_block_from_lines(unit, "furniture"))
    return True


def _list_blocks(group: list[tuple[int, str]], alone: bool) -> list[Block] | None:
    """The blocks of a unit of numbered headings, bullets, numbered items or steps; None
    for other units."""
    first = group[0][1]
    if len(group) == 1 and (m := _LIST_ITEM.match(first)) and m.group(2) and (
            looks_like_heading(first[m.end():])):
        # "2. Roll the Losses Into an IRA" on its own: a numbered section heading
        offset = group[0][0] + m.end()
        return [_block_from_lines([(offset, first[m.end():])], "heading", level=2,
                                  number=int(m.group(2)))]
    if alone and (m := STEP.match(first)) and looks_like_heading(first[m.end():]):
        # "Step 1: Know what the drop means" over a paragraph: a numbered section heading
        return [_block_from_lines(group, "heading", level=2, number=int(m.group(1)))]
    if (m := _LIST_ITEM.match(first) or STEP.match(first)) and not any(
            _LIST_ITEM.match(line) or STEP.match(line) for _, line in group[1:]):
        # a bullet, numbered item or "Step 2:" with its soft-wrapped lines
        digits = m.group(2) if m.re is _LIST_ITEM else m.group(1)
        rest = [(group[0][0] + m.end(), first[m.end():]), *group[1:]]
        return [_block_from_lines(rest, "list_item", number=int(digits) if digits else None)]
    if all(_LIST_ITEM.match(line) for _, line in group):
        out = []
        for offset, line in group:
            m = _LIST_ITEM.match(line)
            assert m is not None
            number = int(m.group(2)) if m.group(2) else None
            out.append(_block_from_lines([(offset + m.end(), line[m.end():])], "list_item",
                                         number=number))
        return out
    return None


def _read_unit(group: list[tuple[int, str]], blocks: list[Block], meta: ArticleMeta,
               dates: list[tuple[date, str]], pending_number: int | None, *,
               alone: bool, facts: frozenset[int] | set[int] = frozenset()) -> int | None:
    """Add the blocks of one unit of lines; return the number a following item takes.
    ``facts`` holds the offsets of a fact box's "Label: words" lines (:func:`fact_lines`)."""
    first = group[0][1]
    if quote_line(first):
        blocks.extend(_quote_blocks(group))
        return None
    if len(group) == 1 and (m := _NUMBER_ONLY.match(first)):
        return int(m.group(1))
    if _before_title(blocks) and len(group) == 1 and _title_like(first, alone):
        blocks.append(_block_from_lines(group, "title"))
        meta.title = blocks[-1].text
        return pending_number
    in_header = _in_header(blocks)
    if len(group) == 1 and ((in_header and byline_author(first) is not None)
                            or dateline(first)):
        kind = _header_line(first, meta, dates, in_header=in_header)
        blocks.append(_block_from_lines(group, kind))
        return pending_number
    if (items := _list_blocks(group, alone)) is not None:
        blocks.extend(items)
        return None
    if len(group) == 1 and (pair := label_value(first)):
        # "Employee deferral: $24,500": a statement whose label names what the value is
        blocks.append(_block_from_lines(group, "paragraph", row=pair[0]))
        return None
    if _masthead_title(group, blocks, meta):
        return pending_number
    # a soft-wrapped first line ("Some people assume a falling IRA is automatically" /
    # "deductible."), and a "Label: value" line too long for a label row ("Catch-up
    # trigger: above $150,000 of 2025 wages at your employer"), are no headings
    wrapped = len(group) > 1 and group[1][1].lstrip()[:1].islower()
    labelled = label_opening(first) and _AMOUNT.search(first) is not None
    if (len(group) == 1 and group[0][0] in facts and not labelled
            and looks_like_heading(first) and (pair := word_label(first))):
        # "Taxable: yes" under "401(k) loans": a statement about what the heading names,
        # not a heading that cuts the label lines after it off from it
        blocks.append(_block_from_lines(group, "paragraph", row=pair[0]))
        return None
    if (looks_like_heading(first) and not wrapped and not labelled
            and (len(group) == 1 or len(first.split()) <= 8)
            ) or (len(group) == 1 and display_heading(first) and not labelled):
        heading_extra = {"number": pending_number} if pending_number is not None else {}
        blocks.append(_block_from_lines([group[0]], "heading", level=2, **heading_extra))
        pending_number = None
        group = group[1:]
        if not group:
            return None
    if pending_number is not None:
        blocks.append(_block_from_lines(group, "list_item", number=pending_number))
    else:
        blocks.append(_block_from_lines(group, "paragraph"))
    return None
