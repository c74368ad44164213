"""Markdown reader: front matter, ATX headings, lists, quotes and paragraphs.

Inline markup (emphasis, links, inline code, inline HTML) is removed from the block
text while every kept character stays mapped to its place in the source file.
Fenced code blocks and HTML comments carry no prose and are skipped.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from taxcheck.documents import ArticleMeta, Block, BlockBuilder, Document
from taxcheck.readers.footnotes import blank_markers
from taxcheck.readers.furniture import reply_header
from taxcheck.readers.labels import with_word_labels
from taxcheck.readers.lines import (
    byline_author,
    byline_date,
    dateline,
    joins,
    label_value,
    parse_date,
    split_lines,
    table_cell_blocks,
    table_rows,
)

FRONT_MATTER_DEPTH = 20
"""Front matter nested deeper than this is ignored (it is a few flat fields)."""

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})[.)])\s+")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_\n]{1,80}?)\1$")
"""A short line that is bold all through ("**What about an IRA?**"), alone between blank
lines: a section heading written in bold (unless it ends like a salutation, with ","
or ":")."""
RUN_IN = re.compile(
    r"^(\*\*|__)(?P<text>[^*_\n:]{1,40}(?::[^*_\n]{0,40}?)?)\1(?P<colon>:?)\s+(?=\S)")
"""A bold run-in label opening a paragraph ("**Clock #1: tax-free growth.** Before ...",
"**Rule 2:** ..."): a numbered label with a colon is a heading for the text after it."""
RUN_IN_NUMBER = re.compile(r"(?:^|\s)(?:#|No\.\s*)?\d{1,2}(?:$|\s)", re.IGNORECASE)
"""The number of a numbered label ("Clock #1", "Rule 2", "Tip No. 3"), not a year: a bare
"**Fact:**" or "**Bottom line:**" answers or sums up the text around it."""
RUN_IN_WORDS = 8
RUN_IN_LEVEL = 6
"""A run-in label heads its paragraph below every heading of the section."""
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
    import yaml  # here: importing PyYAML is a noticeable part of a small check's start-up

    from taxcheck.yamlshape import check_shape

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
    source, text = text, blank_markers(text, markdown=True)
    meta, body_start = _front_matter(text)
    lines = [(o, line) for o, line in split_lines(text) if o >= body_start]
    reader = _BlockReader(meta, lines)
    reader.read()
    if reader.dates:
        meta.date, meta.date_source = max(reader.dates, key=lambda d: d[0])
    return Document(path=path, source=source, blocks=with_word_labels(reader.blocks),
                    meta=meta)


class _BlockReader:
    """Reads the body's lines into blocks, one line at a time."""

    def __init__(self, meta: ArticleMeta, lines: list[tuple[int, str]]) -> None:
        self.meta = meta
        self.lines = lines
        self.blocks: list[Block] = []
        self.dates: list[tuple[date, str]] = (
            [(meta.date, "front matter date")] if meta.date else [])
        self.tables = dict(table_rows([line for _, line in lines]))
        self.current: BlockBuilder | None = None
        self.current_kind = "paragraph"
        self.current_extra: dict = {}
        self.fence: str | None = None
        self.in_comment = False
        self.last_line = ""
        self.skip_to = -1

    def read(self) -> None:
        for index, (offset, line) in enumerate(self.lines):
            if index < self.skip_to or self._skipped(line):
                continue
            if index in self.tables and not _LIST.match(line):
                self._table(index)
            elif self._post_header(index, line, offset):
                continue
            elif m := _HEADING.match(line):
                self._heading(m.group(2), offset + m.start(2), level=len(m.group(1)))
            elif m := self._bold_heading(index, line):
                lead = len(line) - len(line.lstrip())
                self._heading(m.group("text"), offset + lead + m.start("text"), level=2)
            elif m := _LIST.match(line):
                self._list_item(m, line, offset)
            elif m := _QUOTE.match(line):
                self._quote(line[m.end():], offset + m.end())
            else:
                self._paragraph_line(line, offset)
        self.flush()

    def flush(self) -> None:
        """Close the block being read, if any."""
        if self.current is not None and not self.current.empty:
            block = self.current.build(self.current_kind, **self.current_extra)
            if self.current_kind == "paragraph" and _in_header(self.blocks):
                block = _header_block(block, self.meta, self.dates)
            self.blocks.append(block)
        self.current = None

    def start(self, kind: str, **extra: object) -> BlockBuilder:
        """Close the block being read and start one of ``kind``."""
        self.flush()
        self.current, self.current_kind, self.current_extra = BlockBuilder(), kind, dict(extra)
        return self.current

    def _skipped(self, line: str) -> bool:
        """True for a line that carries no prose: inside or opening a code fence or an HTML
        comment, blank, a rule or a one-line comment (each ends the block being read)."""
        if self.fence:
            if line.strip().startswith(self.fence):
                self.fence = None
            return True
        if self.in_comment:
            self.in_comment = "-->" not in line
            return True
        if m := _FENCE.match(line):
            self.flush()
            self.fence = m.group(1)
            return True
        stripped = line.strip()
        if stripped.startswith("<!--") and "-->" not in stripped:
            self.flush()
            self.in_comment = True
            return True
        if not stripped or _RULE.match(line) or (stripped.startswith("<!--")
                                                 and stripped.endswith("-->")):
            self.flush()
            return True
        return False

    def _table(self, index: int) -> None:
        self.flush()
        self.skip_to = self.tables[index]
        captioned = bool(self.blocks) and self.blocks[-1].kind in ("heading", "title")
        self.blocks.extend(table_cell_blocks(self.lines[index:self.skip_to], add=_add_inline,
                                             captioned=captioned))

    def _post_header(self, index: int, line: str, offset: int) -> bool:
        """A later forum post's header alone on its line, bold, a heading or plain ("**Reply
        from dave_k**", "### Re: IRA loans"), once a post's text was read: page furniture,
        not a heading, so the reply after it still answers the question before it."""
        if self.current is not None or (index + 1 < len(self.lines)
                                        and self.lines[index + 1][1].strip()):
            return False
        if not any(b.kind in ("paragraph", "list_item", "quote") for b in self.blocks):
            return False
        stripped = line.strip()
        text = stripped.lstrip("#").strip().strip("*_").strip()
        if not text or not reply_header(text):
            return False
        builder = self.start("furniture")
        _add_inline(builder, text, offset + line.index(text))
        self.flush()
        return True

    def _bold_heading(self, index: int, line: str) -> re.Match[str] | None:
        """A short line bold all through, alone between blank lines and not ending like a
        salutation (",", ":", ";"): a section heading written in bold."""
        m = _BOLD_LINE.match(line.strip())
        if (m is None or self.current is not None
                or m.group("text").rstrip().endswith((",", ":", ";"))):
            return None
        if index + 1 < len(self.lines) and self.lines[index + 1][1].strip():
            return None
        return m

    def _heading(self, text: str, offset: int, *, level: int) -> None:
        """A heading whose ``text`` starts at ``offset``; the first of level 1 is the title
        unless the front matter gave one."""
        builder = self.start("heading", level=level)
        _add_inline(builder, text, offset)
        self.flush()
        if self.meta.title is None and self.blocks and self.blocks[-1].level == 1:
            self.meta.title = self.blocks[-1].text

    def _list_item(self, m: re.Match[str], line: str, offset: int) -> None:
        builder = self.start("list_item", number=int(m.group(3)) if m.group(3) else None)
        _add_inline(builder, line[m.end():].rstrip(), offset + m.end())
        self.last_line = line[m.end():].strip()

    def _quote(self, content: str, offset: int) -> None:
        """A line of a block quote (``content`` after the marker, at ``offset``)."""
        if self.current is None or self.current_kind != "quote":
            self.start("quote")
        elif content.strip():
            self.current.add_synthetic(" ", offset)
        if content.strip():
            lead = len(content) - len(content.lstrip())
            _add_inline(self.current, content.strip(), offset + lead)  # type: ignore[arg-type]
        else:
            self.flush()

    def _paragraph_line(self, line: str, offset: int) -> None:
        """A plain line: it continues the paragraph when it joins the previous line."""
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if self.current is None or self.current_kind == "quote" or not joins(
                self.last_line, stripped, None, sentences=False):
            if (m := _run_in(stripped)) is not None:
                self._heading(m.group("text").strip(), offset + lead + m.start("text"),
                              level=RUN_IN_LEVEL)
                stripped, lead = stripped[m.end():], lead + m.end()
            self.start("paragraph")
        else:
            self.current.add_synthetic(" ", offset)
        _add_inline(self.current, stripped, offset + lead)  # type: ignore[arg-type]
        self.last_line = stripped


def _run_in(line: str) -> re.Match[str] | None:
    """The bold run-in label opening ``line``, when it is a label: a colon in it or right
    after it, and a few words ("**Rule 2:** ...", "**Tip #3: Roth first.** ...")."""
    m = RUN_IN.match(line)
    if m is None or not (m.group("colon") or ":" in m.group("text")) or not RUN_IN_NUMBER.search(
            m.group("text").split(":")[0]):
        return None
    if label_value(m.group("text") + m.group("colon") + " " + line[m.end():]):
        return None  # "**Catch-up (50+):** $8,000" is a label: value line
    return m if len(m.group("text").split()) <= RUN_IN_WORDS else None


def _in_header(blocks: list[Block]) -> bool:
    """True while only the title, bylines and datelines have been read (the title a page's
    first heading of any level: a CMS export that opens with "## The IRA loss deduction,
    explained" then "*Posted December 1, 2014 ...*")."""
    return all(b.kind in ("byline", "dateline") or (b.kind == "heading" and (
        b.level == 1 or i == 0)) for i, b in enumerate(blocks))


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
