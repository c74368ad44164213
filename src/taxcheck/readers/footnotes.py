"""Footnote reference markers, blanked before an article is read.

A page marks a table label or a figure with a footnote reference: ``60–63<sup>2</sup>`` in
HTML, ``60–63[^2]`` or ``60–63²`` in Markdown. Read as text, the
marker glues onto the word before it ("ages 60–632", "age 50+5", "deferrals1"), and an age
range the matcher knows ("60–63") becomes a number it does not. The marker says nothing
about the tax rule, so it is replaced by spaces of the same length: every offset into the
page (lines, columns, finding spans) stays where it was.
"""

from __future__ import annotations

import re

_MARK = r"(?:\d{1,2}|[*\u2020\u2021\u00a7]{1,3}|[a-z])"
"""A footnote's mark: a number, an asterisk, dagger or section sign, or one letter."""

HTML_MARKER = re.compile(
    r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?\s*" + _MARK + r"\s*\]?\s*(?:</a>\s*)?</sup>(?!\w)",
    re.IGNORECASE)
"""``<sup>2</sup>``, ``<sup><a href="#fn2">2</a></sup>``, ``<sup>[2]</sup>``, ``<sup>*</sup>``
at the end of a word (a ``<sup>`` inside a word, "foot<sup>1</sup>note", is part of it)."""

MARKDOWN_MARKER = re.compile(r"(?<=\S)\[\^[\w-]{1,20}\](?!\w)")
"""A Markdown footnote reference after a word (``[^2]``); not the note's own ``[^2]:`` line."""

SUPERSCRIPT_MARKER = re.compile(
    r"(?<=[\w)%+])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}(?!\w)")
"""Superscript digits right after a word, number or bracket (``60–63²``, ``deferrals¹``)."""


def _blank(m: re.Match[str]) -> str:
    # newlines stay: the marker may span lines in HTML source
    return "".join(c if c == "\n" else " " for c in m.group(0))


def blank_markers(text: str, *, html: bool = False, markdown: bool = False) -> str:
    """``text`` with its footnote reference markers replaced by spaces (same length).

    Plain text keeps its markers: there a run of spaces separates the columns of a table
    aligned with spaces, and a blanked marker would open a column gap.
    """
    if html:
        text = HTML_MARKER.sub(_blank, text)
    if markdown:
        text = MARKDOWN_MARKER.sub(_blank, text)
    return SUPERSCRIPT_MARKER.sub(_blank, text) if html or markdown else text
