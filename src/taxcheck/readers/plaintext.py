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
from taxcheck.readers.lines import dateline, looks_like_heading, split_lines, stripped_span

_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})[.)]\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:(\d{1,3})[.)]|[-*\u2022])\s+(?=\S)")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
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
        if len(group) == 1 and _BYLINE.match(first.strip()) and len(first.split()) <= 8:
            blocks.append(_block_from_lines(group, "byline"))
            meta.author = meta.author or first.strip()[3:].strip()
            continue
        if len(group) == 1 and (when := dateline(first)):
            blocks.append(_block_from_lines(group, "dateline"))
            meta.date = meta.date or when
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
