"""The text the pipeline reads: the block's text with the same length, made easy to match.

Every change is one character for one character, so offsets into the normalised text are
offsets into the block's text: findings quote the article as written.
"""

from __future__ import annotations

import re

LONG_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
TYPOGRAPHIC = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u201b": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
"""Typographic variants real pages use, mapped to what the lexicons are written in: "can’t"
(U+2019) is "can't", a non-breaking hyphen is a hyphen, a no-break space a space."""


def _blank_long_runs(text: str) -> str:
    """Blank out runs of 64+ non-space characters (no claim hides in them).

    spaCy's tokenizer is quadratic on such runs ("*****..."); spaces of the same length
    keep every offset unchanged.
    """
    # (str.split splits at the characters \s matches: a block whose words are all shorter
    # is not searched, which costs a regex step at every character)
    if len(text) < LONG_RUN or max(map(len, text.split()), default=0) < LONG_RUN:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


_SCARE_QUOTES = re.compile(r"(?<![^\s(])([\"'])([A-Za-z][A-Za-z-]*)\1 (?=[a-z(0-9])")
"""One word set in quotes inside a phrase that goes on after it (the "super" catch-up, a
'hardship' withdrawal): scare quotes, not a quotation."""


def _unquote_words(text: str) -> str:
    """Scare quotes (:data:`_SCARE_QUOTES`) taken out, so that a term with one quoted word
    is still found ("the new \"super\" catch-up" names the 60-63 catch-up). The word moves
    one place on and the freed places are spaces before it, so that one space still joins it
    to the next word of the term (the text keeps its length)."""
    if '"' not in text and "'" not in text:
        return text
    return _SCARE_QUOTES.sub(lambda m: f"  {m.group(2)} ", text)


def pipeline_text(text: str) -> str:
    """``text`` as the pipeline reads it, with every offset unchanged."""
    return _blank_long_runs(_unquote_words(text.translate(TYPOGRAPHIC)))
