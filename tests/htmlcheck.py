"""Helpers for reader tests: what an HTML source slice says, and offset round trips."""

from __future__ import annotations

import html
import re

from taxcheck.documents import Block, Document

_BREAKS = re.compile(r"<(?:br|/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|blockquote|section|article))"
                     r"\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def visible_words(markup: str) -> list[str]:
    """The words a browser shows for an HTML slice (inline tags join, block tags split)."""
    text = _TAG.sub("", _BREAKS.sub(" ", markup))
    return html.unescape(text).translate(_INVISIBLE).split()


def source_slice(document: Document, block: Block) -> str:
    """The source text from a block's first segment to the end of its last one."""
    start = min(s.source_start for s in block.segments)
    end = max(s.source_start + s.length for s in block.segments)
    if document.source.startswith("&", end):  # the block ends in an entity reference
        end = document.source.index(";", end) + 1
    return document.source[start:end]


def assert_segments_verbatim(document: Document) -> None:
    """Every non-empty segment copies its block text unchanged from the source."""
    for block in document.blocks:
        for seg in block.segments:
            if seg.length:
                assert (document.source[seg.source_start:seg.source_start + seg.length]
                        == block.text[seg.text_start:seg.text_start + seg.length]), block.text


def assert_blocks_map_to_their_words(document: Document) -> None:
    """The source under each block's segments shows exactly the block's words."""
    assert_segments_verbatim(document)
    for block in document.blocks:
        assert visible_words(source_slice(document, block)) == block.text.split(), block.text
