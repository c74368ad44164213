"""Another poster's words quoted in a plain-text thread or e-mail reply.

A forum thread copied as text quotes the post it answers with "> " lines, or with a line
that names the poster ("Quote from Dave: ...", "Quoting Dave: ...", "Originally posted by
Dave: ...", "Dave wrote: \u201c...\u201d"). Such a line is its own ``quote`` block: it is never
joined to the reply below it, and whether it is the page's claim is for that reply to say
(see :mod:`taxcheck.matching.retries.quoted`). "Dave wrote:" alone on a line heads Dave's own
post and is no quote.
"""

from __future__ import annotations

import re

QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
"""The marker of an e-mail-style quoted line ("> ...", "> > ...")."""
_OPENING_QUOTE = "\"\u201c"
_QUOTE_HEADER = re.compile(
    r"^\s*(?:(?:quote|quoting|quoted)\s*(?:from|of)?\s*@?[\w.'\u2019 -]{1,40}?"
    r"|originally\s+posted\s+by\s+@?[\w.'\u2019 -]{1,40}?"
    r"|(?:re\s*:\s*)?@?[\w.'\u2019-]{1,32}\s+(?:wrote|said|posted)"
    r"(?=\s*:\s*[" + _OPENING_QUOTE + r"]))\s*:\s*", re.IGNORECASE)
"""A poster named before the words quoted from them ("Quote from Dave:", "Originally posted
by nestegg_ned:", and "Dave wrote:" when quotation marks open the words after it)."""


def quote_line(line: str) -> bool:
    """The line is quoted: it opens with "> " or with a quote header (:data:`_QUOTE_HEADER`)."""
    return (bool(QUOTE_MARK.match(line)) and line.lstrip()[:1] == ">") or bool(
        _QUOTE_HEADER.match(line))


def quoted_span(line: str) -> int:
    """Where the quoted words of a quote line start (after its markers or header)."""
    m = QUOTE_MARK.match(line) if line.lstrip()[:1] == ">" else _QUOTE_HEADER.match(line)
    return m.end() if m else 0


def bare_header(line: str) -> bool:
    """A quote header with the quoted words on the next line ("Originally posted by Dave:")."""
    m = _QUOTE_HEADER.match(line)
    return m is not None and not line[m.end():].strip()
