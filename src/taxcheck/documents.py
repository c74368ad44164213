"""The Document: an article as ordered blocks that remember where they came from.

Readers turn a file into a :class:`Document`. Each :class:`Block` holds the plain
text a reader sees (markup removed) and *segments* mapping every character of that
text back to a character offset in the source file, so findings can point at the
exact words in the original file without searching for them again.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["title", "byline", "dateline", "heading", "paragraph", "list_item", "quote"]


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

    def to_source(self, offset: int) -> int:
        """Map a character offset in :attr:`text` to an offset in the source file."""
        starts = [s.text_start for s in self.segments]
        i = max(bisect_right(starts, offset) - 1, 0)
        seg = self.segments[i]
        return seg.source_start + min(max(offset - seg.text_start, 0), max(seg.length, 0))


class ArticleMeta(BaseModel):
    """What is known about the article besides its text."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: dt.date | None = None


class Document(BaseModel):
    """An article read from one source: blocks in reading order, plus metadata."""

    path: str
    source: str = Field(repr=False)
    blocks: list[Block]
    meta: ArticleMeta = ArticleMeta()

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
