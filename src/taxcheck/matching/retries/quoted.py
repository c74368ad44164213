"""A reply to another poster's quoted words decides whether they are the page's claim.

A forum thread or an e-mail reply quotes a claim ("> you can harvest losses in your 401(k)",
``<blockquote>``, "Quote from Dave: ...") and answers it below. The quote is someone else's
words: the reply that endorses it ("Yep, that's how it works.", "This.", "Correct, and ...")
makes it the reply's own claim, flagged on the reply; one that rejects it ("Nope.", "Not true
anymore.") leaves it a quoted myth, and if the quote was right, the reply claims its denial.
A reply that does neither leaves the quote as it was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from taxcheck.documents import STATEMENT_KINDS, Document

Stance = Literal["endorses", "rejects", "past"]

_BUT = r"(?!\s*(?:but|though|except|only|if|sort\s+of|kind\s+of|partly|in\s+part)\b)"
_ENDS = r"(?:\s*[.!,:;\u2014\u2013]|\s*$)"
_IS = r"(?:'s|\u2019s|\s+is|\s+was)"
_SO = r"(?:true|right|correct|so|the\s+(?:rule|case|law))"
_ENDORSES = re.compile(
    r"^\W*(?:(?:yes|yep|yup|yeah|yea|correct|right|exactly|precisely|true|agreed|bingo|"
    r"absolutely|indeed|this|same\s+here|can\s+confirm|confirmed|\+1|"
    r"(?:that|this|it)" + _IS + r"\s+(?:(?:exactly|absolutely|dead|100%)\s+)?"
    r"(?:right|correct|true|how\s+it\s+works)|i\s+(?:agree|can\s+confirm))"
    + _ENDS + _BUT + r")", re.IGNORECASE)
"""A reply that opens by agreeing ("Yep, ...", "This.", "Correct, and ...", "That's right")."""
_REJECTS = re.compile(
    r"^\W*(?:nope|nah|wrong|incorrect|false|careful|disagree|myth|"
    r"no(?=\s*[.!,;:\u2014\u2013])|"
    r"not\s+(?:true|quite|so|really|correct|exactly|anymore|any\s+more|since|after|"
    r"the\s+case)|"
    r"(?:that|this|it)" + _IS + r"\s+(?:not\s+(?:true|right|correct|how\s+it\s+works)|"
    r"(?:just\s+|simply\s+)?(?:wrong|incorrect|false|outdated|old\s+info|a\s+myth))|"
    r"(?:that|this|it)\s+(?:isn't|isn\u2019t|is\s+not|wasn't|wasn\u2019t)\s+"
    r"(?:true|right|correct|how\s+it\s+works)|"
    r"(?:i(?:'m|\u2019m|\s+am)\s+)?afraid\s+not|i\s+disagree|actually,?\s+no|"
    r"(?:also|again)\s+(?:no|nope|wrong|false|not\s+true)|no\s+longer|outdated|old\s+news|"
    r"(?:only\s+)?partly|half[-\s](?:right|true)|"
    r"(?:(?:that|this|it)\s+)?used\s+to\s+be|"
    r"i\s+wish\s+(?:that|this|it)\s+(?:were|was)\s+(?:true|so|the\s+case|right)|if\s+only|"
    r"(?:sadly|unfortunately)\s*,?\s*(?:no|not|nope)|"
    r"(?:that|this|it)\s+(?:was|used\s+to\s+be)\s+(?:true|right|the\s+rule|the\s+case)|"
    r"(?:that|this|it)(?:'s|\u2019s|\s+is)\s+(?:only\s+(?:true|right)|(?:true|right)\s+only))"
    r"\b",
    re.IGNORECASE)
"""A reply that opens by rejecting ("Nope.", "Not true anymore.", "That's wrong, ...", "I wish
this were true.", "Sadly, no."), or by
telling the quote as a rule of the past or of others ("That was true for people born in
1950.", "That used to be good advice.", "Also no.", "Only partly.")."""


_TELLS_PAST = re.compile(
    # a rule said to have ended: "That hasn't been true since 2019.", "Hasn't been the rule
    # since 2018.", "That stopped being true in 2020.", "That has not been the case since 2018."
    r"^\W*(?:(?:(?:that|this|it)\s+)?(?:hasn't|hasn\u2019t|has\s+not)\s+been\s+" + _SO + r"|"
    r"(?:(?:that|this|it)\s+)?(?:stopped|ceased)\s+being\s+" + _SO + r"|"
    # the rule of an earlier year: "They did until 2023.", "It was, until 2023.", "You could,
    # before 2018.", "This was true before 2020", "Only until 2023."
    r"(?:(?:(?:that|this|it|they|you|we)\s+)?(?:did|was|were|could|applied|used\s+to)"
    r"(?:\s+true)?|(?:was\s+)?true|only)\s*,?\s*(?:only\s+)?"
    r"(?:until|till|through|before|prior\s+to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|"
    # "That was last year's number.", "That's the 2025 figure."
    r"(?:that|this|it)" + _IS + r"\s+(?:last\s+year(?:'s|\u2019s)|the\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d(?:'s|\u2019s)|an?\s+old|the\s+old)\s+(?:number|figure|limit|rule|amount))"
    r"\b", re.IGNORECASE)
"""A reply that opens by telling the quote's rule as one that has ended or as an earlier
year's: the quote is another poster's words, and the reply claims neither it nor its denial
(said of a right quote, "You could until 2018" is no claim that you can today)."""


def stance(text: str) -> Stance | None:
    """How a reply's opening words take the quote before it, or None when they do neither."""
    if _REJECTS.match(text):
        return "rejects"
    if _TELLS_PAST.match(text):
        return "past"
    if _ENDORSES.match(text):
        return "endorses"
    return None


_POSTER_HEADER = re.compile(r"^\W*(?:u/)?[\w.-]{2,32}\W*\s*(?:\u00b7|\|)\s*\d+\s+\w+\s+ago\b",
                            re.IGNORECASE)
"""A reply's own header inside a quote ("**u/name** \u00b7 3 days ago"): a threaded comment
set off as a quote, not another poster's words quoted."""
_SENTENCE = re.compile(r".+?(?:[.!?](?=\s|$)|$)", re.DOTALL)


@dataclass(frozen=True)
class QuoteReply:
    """The reply right after a quote, and how it takes the quote."""

    stance: Stance
    index: int
    start: int
    end: int
    """The span of the reply's first sentence in its block."""


def reply_to_quote(document: Document, index: int) -> QuoteReply | None:
    """The reply that endorses or rejects the quote in block ``index``, else None."""
    block = document.blocks[index]
    if _POSTER_HEADER.match(block.text) or index + 1 >= len(document.blocks):
        return None
    after = document.blocks[index + 1]
    if after.kind not in STATEMENT_KINDS or after.kind == "quote":
        return None
    said = stance(after.text)
    if said is None:
        return None
    m = _SENTENCE.match(after.text)
    start = len(after.text) - len(after.text.lstrip())
    end = m.end() if m else len(after.text)
    return QuoteReply(said, index + 1, start, max(end, start + 1))
