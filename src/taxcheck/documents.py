"""The Document: an article as ordered blocks that remember where they came from.

Readers turn a file into a :class:`Document`. Each :class:`Block` holds the plain
text a reader sees (markup removed) and *segments* mapping every character of that
text back to a character offset in the source file, so findings can point at the
exact words in the original file without searching for them again.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["title", "byline", "dateline", "heading", "paragraph", "list_item", "quote",
                    "table_cell", "furniture"]
"""``table_cell``: one data cell of a table, read as the statement "row label — column
header: value" (:attr:`Block.row` and :attr:`Block.column` hold the two; only the value
comes from the cell, so findings point at it). ``furniture``: a line of the page that is not
the article (a breadcrumb, a forum post's header line, a signature, an action bar); it
states nothing and ends the section before it."""
HEADING_KINDS = {"title", "heading"}
"""Kinds of block that head what follows them."""
STATEMENT_KINDS = {"paragraph", "list_item", "quote", "table_cell"}
"""Kinds of block that make statements."""


def label_line(block: Block) -> bool:
    """A fact box's line: a "Label: value" paragraph or list item ("Taxable: yes",
    "<li><strong>Penalty:</strong> 10%</li>") or a definition ("<dt>Penalty</dt><dd>10%</dd>",
    "<tr><th>Penalty</th><td>10%</td></tr>"): its label is :attr:`Block.row`, and no column
    header names it, as one does a table's cell."""
    return block.row is not None and (
        block.kind in ("paragraph", "list_item")
        or (block.kind == "table_cell" and block.column is None))


class Segment(BaseModel):
    """A run of block text copied unchanged from the source file."""

    model_config = ConfigDict(frozen=True)

    text_start: int
    source_start: int
    length: int


class Block(BaseModel):
    """One structural unit of an article: a heading, paragraph, list item or quote."""

    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    segments: tuple[Segment, ...]
    level: int = 0
    number: int | None = None
    row: str | None = None
    """A table cell's row label ("Catch-up (50+)")."""
    column: str | None = None
    """A table cell's column header ("2026")."""

    def slice(self, start: int, end: int) -> Block:
        """The block's text from ``start`` to ``end``, as a block of the same kind."""
        segments = []
        bounds = [seg.text_start for seg in self.segments[1:]] + [len(self.text)]
        for seg, stop in zip(self.segments, bounds, strict=True):
            lo, hi = max(seg.text_start, start), min(max(stop, seg.text_start + seg.length), end)
            if lo >= hi:
                continue
            skip = lo - seg.text_start
            segments.append(Segment(
                text_start=lo - start, source_start=seg.source_start + min(skip, seg.length),
                length=max(min(seg.length, hi - seg.text_start) - skip, 0)))
        if not segments or segments[0].text_start > 0:
            segments.insert(0, Segment(text_start=0, source_start=self.to_source(start),
                                       length=0))
        return self.model_copy(update={"text": self.text[start:end],
                                       "segments": tuple(segments)})

    def to_source(self, offset: int) -> int:
        """Map a character offset in :attr:`text` to an offset in the source file."""
        segments = self.segments
        if len(segments) == 1:  # (most blocks) one run of the source
            seg = segments[0]
        else:
            starts = [s.text_start for s in segments]
            seg = segments[max(bisect_right(starts, offset) - 1, 0)]
        return seg.source_start + min(max(offset - seg.text_start, 0), max(seg.length, 0))


MAX_BLOCK_CHARS = 10_000
"""Blocks longer than this are checked in pieces (spaCy refuses texts over its
``max_length``, and a long text costs memory in proportion)."""
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def split_long_block(block: Block, limit: int = MAX_BLOCK_CHARS) -> list[Block]:
    """``block`` in pieces of at most ``limit`` characters, cut after a sentence when one
    ends in the last half of a piece, else at a space, else anywhere."""
    if len(block.text) <= limit:
        return [block]
    pieces, start, text = [], 0, block.text
    while len(text) - start > limit:
        window = text[start + limit // 2:start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends:
            cut = start + limit // 2 + ends[-1]
        elif (space := window.rfind(" ")) >= 0:
            cut = start + limit // 2 + space + 1
        else:
            cut = start + limit
        pieces.append(block.slice(start, cut))
        start = cut
    pieces.append(block.slice(start, len(text)))
    return pieces


class ArticleMeta(BaseModel):
    """What is known about the article besides its text."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    """Where :attr:`date` was found ("Updated March 3, 2024", "JSON-LD dateModified")."""


class Document(BaseModel):
    """An article read from one source: blocks in reading order, plus metadata."""

    path: str
    source: str = Field(repr=False)
    blocks: list[Block]
    meta: ArticleMeta = ArticleMeta()
    warnings: list[str] = []
    """Problems reading it that did not stop it (``path: TCnnn message``), e.g. the
    encoding it was decoded from when that was not UTF-8."""

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a source offset."""
        starts = self._line_starts()
        line = bisect_right(starts, source_offset)
        return line, source_offset - starts[line - 1] + 1

    def _line_starts(self) -> list[int]:
        cached = self.__dict__.get("_line_starts_cache")
        if cached is None:
            cached = [0]
            at = self.source.find("\n")
            while at != -1:
                cached.append(at + 1)
                at = self.source.find("\n", at + 1)
            self.__dict__["_line_starts_cache"] = cached
        return cached


class BlockBuilder:
    """Accumulate source slices into block text while recording segments."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def add(self, text: str, source_start: int) -> None:
        """Append ``text``, which appears verbatim at ``source_start`` in the source."""
        if not text:
            return
        self._segments.append(Segment(text_start=self._length, source_start=source_start,
                                      length=len(text)))
        self._parts.append(text)
        self._length += len(text)

    def add_synthetic(self, text: str, source_at: int) -> None:
        """Append text that has no counterpart in the source (e.g. a joining space)."""
        if not text:
            return
        self._segments.append(Segment(text_start=self._length, source_start=source_at, length=0))
        self._parts.append(text)
        self._length += len(text)

    @property
    def empty(self) -> bool:
        return not "".join(self._parts).strip()

    def build(self, kind: BlockKind, **extra: object) -> Block:
        """Return the block; readers add text without surrounding whitespace."""
        return Block(kind=kind, text="".join(self._parts), segments=tuple(self._segments),
                     **extra)
