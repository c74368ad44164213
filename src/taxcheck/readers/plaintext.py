"""Plain-text reader: recovers title, byline, dateline, headings and numbered items.

Plain-text articles (often copied from web pages) carry their structure in layout
only: the first line is the title, a short line without final punctuation is a
heading, "1." alone on a line numbers the item that follows, and blank lines
separate paragraphs.
"""

from __future__ import annotations

import re
from typing import Any

from taxcheck.documents import ArticleMeta, Block, BlockBuilder, BlockKind, Document
from taxcheck.readers.lines import (
    byline_author,
    byline_date,
    dateline,
    looks_like_heading,
    split_lines,
    stripped_span,
)

_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})[.)]\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:(\d{1,3})[.)]|[-*\u2022])\s+(?=\S)")
_HEADER_LINES = 4
"""A header group (byline, dateline, site or forum line) has at most this many lines."""
_HEADER_LINE_WORDS = 12
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


def _in_header(blocks: list[Block]) -> bool:
    """True while only the title, bylines and datelines have been read."""
    return all(b.kind in ("title", "byline", "dateline") for b in blocks)


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


def _header_line(line: str, meta: ArticleMeta, *, in_header: bool) -> BlockKind:
    """The kind of a header line (byline, dateline); in the header, records author and date."""
    if in_header and (author := byline_author(line)) is not None:
        meta.author = meta.author or author
        meta.date = meta.date or byline_date(line)
        return "byline"
    if when := dateline(line):
        if in_header:
            meta.date = meta.date or when
        return "dateline"
    return "paragraph"


def read_plaintext(text: str, path: str) -> Document:
    """Read a plain-text article into a Document."""
    blocks: list[Block] = []
    meta = ArticleMeta()
    pending_number: int | None = None
    for index, group in enumerate(_paragraphs(text)):
        first = group[0][1]
        if len(group) == 1 and (m := _NUMBER_ONLY.match(first)):
            pending_number = int(m.group(1))
            continue
        if index == 0 and len(group) == 1 and len(first.split()) <= 25:
            blocks.append(_block_from_lines(group, "title"))
            meta.title = blocks[-1].text
            continue
        in_header = _in_header(blocks)
        if len(group) == 1 and ((in_header and byline_author(first) is not None)
                                or dateline(first)):
            kind = _header_line(first, meta, in_header=in_header)
            blocks.append(_block_from_lines(group, kind))
            continue
        if _header_group(group, blocks):
            blocks.extend(_block_from_lines([line], _header_line(line[1], meta, in_header=True))
                          for line in group)
            continue
        if len(group) == 1 and (m := _LIST_ITEM.match(first)) and m.group(2) and (
                looks_like_heading(first[m.end():])):
            # "2. Roll the Losses Into an IRA" on its own: a numbered section heading
            offset = group[0][0] + m.end()
            blocks.append(_block_from_lines([(offset, first[m.end():])], "heading", level=2,
                                            number=int(m.group(2))))
            pending_number = None
            continue
        if all(_LIST_ITEM.match(line) for _, line in group):
            for offset, line in group:
                m = _LIST_ITEM.match(line)
                assert m is not None
                number = int(m.group(2)) if m.group(2) else None
                blocks.append(_block_from_lines([(offset + m.end(), line[m.end():])],
                                                "list_item", number=number))
            pending_number = None
            continue
        if looks_like_heading(first) and (len(group) == 1 or len(first.split()) <= 8):
            heading_extra = {"number": pending_number} if pending_number is not None else {}
            blocks.append(_block_from_lines([group[0]], "heading", level=2, **heading_extra))
            pending_number = None
            group = group[1:]
            if not group:
                continue
        if pending_number is not None:
            blocks.append(_block_from_lines(group, "list_item", number=pending_number))
            pending_number = None
        else:
            blocks.append(_block_from_lines(group, "paragraph"))
    return Document(path=path, source=text, blocks=blocks, meta=meta)
