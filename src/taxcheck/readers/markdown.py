"""Markdown reader: front matter, ATX headings, lists, quotes and paragraphs.

Inline markup (emphasis, links, inline code, inline HTML) is removed from the block
text while every kept character stays mapped to its place in the source file.
Fenced code blocks and HTML comments carry no prose and are skipped.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from taxcheck.documents import ArticleMeta, Block, BlockBuilder, Document
from taxcheck.readers.lines import (
    byline_author,
    byline_date,
    dateline,
    joins,
    parse_date,
    split_lines,
    table_cell_blocks,
    table_rows,
)
from taxcheck.yamlshape import check_shape

FRONT_MATTER_DEPTH = 20
"""Front matter nested deeper than this is ignored (it is a few flat fields)."""

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})[.)])\s+")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_\n]{1,80}?)\1$")
"""A short line that is bold all through ("**What about an IRA?**"), alone between blank
lines: a section heading written in bold (unless it ends like a salutation, with ","
or ":")."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_INLINE = re.compile(
    r"(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|\[(?P<link>[^\]]+)\]\((?:[^()]|\([^)]*\))*\)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|\\(?P<escaped>[\\`*_{}\[\]()#+\-.!>])"
    r"|(?P<marker>\*\*|__|\*|`|(?<!\w)_|_(?!\w))"
)


def _add_inline(builder: BlockBuilder, text: str, offset: int) -> None:
    """Add ``text`` (found at ``offset``) to ``builder`` with inline markup removed."""
    pos = 0
    for m in _INLINE.finditer(text):
        builder.add(text[pos:m.start()], offset + pos)
        if m.group("link") is not None:
            _add_inline(builder, m.group("link"), offset + m.start("link"))
        elif m.group("escaped") is not None:
            builder.add(m.group("escaped"), offset + m.start("escaped"))
        pos = m.end()
    builder.add(text[pos:], offset + pos)


def _front_matter(text: str) -> tuple[ArticleMeta, int]:
    """Parse YAML front matter; return the metadata and where the body starts."""
    if not text.startswith("---\n"):
        return ArticleMeta(), 0
    end = text.find("\n---", 4)
    if end < 0:
        return ArticleMeta(), 0
    body_start = text.find("\n", end + 4)
    body_start = len(text) if body_start < 0 else body_start + 1
    try:
        # no aliases (a few hundred bytes of them expand to gigabytes), shallow nesting
        check_shape(text[4:end], max_depth=FRONT_MATTER_DEPTH, aliases=False)
        data = yaml.safe_load(text[4:end])
    except (yaml.YAMLError, RecursionError):
        return ArticleMeta(), body_start
    if not isinstance(data, dict):
        return ArticleMeta(), body_start
    raw_date = _scalar(data, "date", "published", "updated")
    when: date | None
    if isinstance(raw_date, datetime):
        when = raw_date.date()
    elif isinstance(raw_date, date):
        when = raw_date
    else:
        when = parse_date(str(raw_date)) if raw_date else None
    title, url, author = (_scalar(data, "title"), _scalar(data, "url", "canonical"),
                          _scalar(data, "author"))
    meta = ArticleMeta(
        title=str(title) if title else None,
        url=str(url) if url else None,
        author=str(author) if author else None,
        date=when,
    )
    return meta, body_start


def _scalar(data: dict, *keys: str) -> object:
    """The first of ``keys`` with a non-empty scalar value (a list or mapping where a
    title or date belongs is ignored, not printed as Python)."""
    for key in keys:
        value = data.get(key)
        if value and isinstance(value, str | int | float | date):
            return value
    return None


def read_markdown(text: str, path: str) -> Document:
    """Read a Markdown article into a Document."""
    meta, body_start = _front_matter(text)
    blocks: list[Block] = []
    lines = [(o, line) for o, line in split_lines(text) if o >= body_start]
    current: BlockBuilder | None = None
    current_kind = "paragraph"
    current_extra: dict = {}
    fence: str | None = None
    in_comment = False
    last_line = ""
    dates: list[tuple[date, str]] = [(meta.date, "front matter date")] if meta.date else []
    tables = dict(table_rows([line for _, line in lines]))
    skip_to = -1

    def flush() -> None:
        nonlocal current
        if current is not None and not current.empty:
            block = current.build(current_kind, **current_extra)
            if current_kind == "paragraph" and _in_header(blocks):
                block = _header_block(block, meta, dates)
            blocks.append(block)
        current = None

    def start(kind: str, **extra: object) -> BlockBuilder:
        nonlocal current, current_kind, current_extra
        flush()
        current, current_kind, current_extra = BlockBuilder(), kind, dict(extra)
        return current

    for index, (offset, line) in enumerate(lines):
        if index < skip_to:
            continue
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if m := _FENCE.match(line):
            flush()
            fence = m.group(1)
            continue
        stripped = line.strip()
        if stripped.startswith("<!--") and "-->" not in stripped:
            flush()
            in_comment = True
            continue
        if not stripped or _RULE.match(line) or (stripped.startswith("<!--")
                                                 and stripped.endswith("-->")):
            flush()
            continue
        if index in tables and not _LIST.match(line):
            flush()
            skip_to = tables[index]
            blocks.extend(table_cell_blocks(lines[index:skip_to], add=_add_inline))
            continue
        if m := _HEADING.match(line):
            builder = start("heading", level=len(m.group(1)))
            _add_inline(builder, m.group(2), offset + m.start(2))
            flush()
            if meta.title is None and blocks and blocks[-1].level == 1:
                meta.title = blocks[-1].text
            continue
        if ((m := _BOLD_LINE.match(stripped)) and current is None
                and not m.group("text").rstrip().endswith((",", ":", ";"))
                and (index + 1 == len(lines) or not lines[index + 1][1].strip())):
            builder = start("heading", level=2)
            _add_inline(builder, m.group("text"), offset + len(line) - len(line.lstrip()) + 2)
            flush()
            continue
        if m := _LIST.match(line):
            builder = start("list_item", number=int(m.group(3)) if m.group(3) else None)
            _add_inline(builder, line[m.end():].rstrip(), offset + m.end())
            last_line = line[m.end():].strip()
            continue
        if m := _QUOTE.match(line):
            content = line[m.end():]
            if current is None or current_kind != "quote":
                start("quote")
            elif content.strip():
                current.add_synthetic(" ", offset + m.end())
            if content.strip():
                lead = len(content) - len(content.lstrip())
                _add_inline(current, content.strip(), offset + m.end() + lead)  # type: ignore[arg-type]
            else:
                flush()
            continue
        lead = len(line) - len(line.lstrip())
        if current is None or current_kind == "quote" or not joins(last_line, stripped, None,
                                                                          sentences=False):
            start("paragraph")
        else:
            current.add_synthetic(" ", offset)
        _add_inline(current, stripped, offset + lead)  # type: ignore[arg-type]
        last_line = stripped
    flush()
    if dates:
        meta.date, meta.date_source = max(dates, key=lambda d: d[0])
    return Document(path=path, source=text, blocks=blocks, meta=meta)


def _in_header(blocks: list[Block]) -> bool:
    """True while only the title, bylines and datelines have been read."""
    return all(b.kind in ("byline", "dateline") or (b.kind == "heading" and b.level == 1)
               for b in blocks)


def _header_block(block: Block, meta: ArticleMeta, dates: list[tuple[date, str]]) -> Block:
    """A paragraph at the top that is a byline or dateline becomes one (and dates the
    article)."""
    if (author := byline_author(block.text)) is not None:
        meta.author = meta.author or author
        if when := byline_date(block.text):
            dates.append((when, block.text))
        return block.model_copy(update={"kind": "byline"})
    if when := dateline(block.text):
        dates.append((when, block.text))
        return block.model_copy(update={"kind": "dateline"})
    return block
