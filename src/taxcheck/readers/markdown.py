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
from taxcheck.readers.lines import parse_date, split_lines
from taxcheck.yamlshape import check_shape

FRONT_MATTER_DEPTH = 20
"""Front matter nested deeper than this is ignored (it is a few flat fields)."""

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})[.)])\s+")
_QUOTE = re.compile(r"^ {0,3}>\s?")
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

    def flush() -> None:
        nonlocal current
        if current is not None and not current.empty:
            blocks.append(current.build(current_kind, **current_extra))
        current = None

    def start(kind: str, **extra: object) -> BlockBuilder:
        nonlocal current, current_kind, current_extra
        flush()
        current, current_kind, current_extra = BlockBuilder(), kind, dict(extra)
        return current

    for offset, line in lines:
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
        if m := _HEADING.match(line):
            builder = start("heading", level=len(m.group(1)))
            _add_inline(builder, m.group(2), offset + m.start(2))
            flush()
            if meta.title is None and blocks and blocks[-1].level == 1:
                meta.title = blocks[-1].text
            continue
        if m := _LIST.match(line):
            builder = start("list_item", number=int(m.group(3)) if m.group(3) else None)
            _add_inline(builder, line[m.end():].rstrip(), offset + m.end())
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
        if current is None:
            start("paragraph")
        else:
            current.add_synthetic(" ", offset)
        _add_inline(current, stripped, offset + lead)  # type: ignore[arg-type]
    flush()
    return Document(path=path, source=text, blocks=blocks, meta=meta)
