"""Find amounts of money, percentages, ages and tax years in a sentence.

Handles the common spellings: $23,500 / 23,500 dollars / $23.5k / 25k / $1 million /
eleven hundred dollars, 10% / 10 percent / ten percent, age 59½ / 59 1/2 / fifty-nine and
a half, 2025, and years relative to the article's date ("next year": a ``relyear`` of +1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

QuantityKind = Literal["usd", "percent", "age", "year", "relyear"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "fifty-five": 55,
    "fifty-nine": 59, "sixty": 60, "sixty-three": 63, "seventy": 70, "seventy-two": 72,
    "seventy-three": 73, "seventy-five": 75, "hundred": 100,
}
_WORD_NUM = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_HALF = r"(?P<half>\s*½|\s+1/2|\s+and\s+(?:a\s+)?(?:one-)?half)?"

_PATTERNS: list[tuple[QuantityKind, re.Pattern[str]]] = [
    ("usd", re.compile(
        rf"\b(?P<num>{_WORD_NUM})[\s-]+(?P<mult>hundred|thousand)\s+(?:US\s+)?dollars\b",
        re.IGNORECASE)),
    ("usd", re.compile(
        rf"\$\s?(?P<num>{_NUM})(?:\s*(?P<mult>k|K|thousand|million|mil|m|M)\b)?")),
    ("usd", re.compile(rf"\b(?P<num>{_NUM})\s*(?P<mult>thousand|million)?\s+(?:US\s+)?dollars\b",
                       re.IGNORECASE)),
    ("percent", re.compile(rf"\b(?P<num>{_NUM}|{_WORD_NUM})\s*(?:%|percent\b|per\s+cent\b)",
                           re.IGNORECASE)),
    ("age", re.compile(
        # "age: 73", and a label that names the age before its value ("Age when RMDs
        # begin: 73", "Age RMDs start — 2026: 73")
        # and a column header ending in the verb: "... is for the year you turn: 75"
        # "the RMD age is now 75", "SECURE 2.0 raised the RMD age to 75"
        rf"\b(?:age\s+(?:is|was)(?:\s+(?:now|currently|still|officially))?|"
        rf"(?:raised|raises|raise|pushed|bumped|lifted)\s+(?:the|its|their|your)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?age\s+(?:up\s+)?to(?:\s+age)?|"
        rf"age[sd]?(?:\s*[:\u2013\u2014]|\s(?!\d)[^:.!?\n]{{1,60}}?[:=])?|"
        rf"(?:turn(?:s|ed|ing)?|reach(?:es|ed|ing)?)(?:\s*:)?|at|until|till|before|after|"
        rf"(?:rises?|rose|moves?|moved|goes|went|increases?|increased|climbs?|climbed|jumps?|"
        rf"jumped)\s+(?:up\s+)?to(?:\s+age)?)\s+"
        rf"(?P<num>\d{{2}}(?![\d,.]\d|\d)|{_WORD_NUM}){_HALF}"
        r"(?!\s*(?:%|percent|dollars|years? of service))",
        re.IGNORECASE)),
    ("age", re.compile(
        rf"\b(?:until|till|once|when|after|before|by\s+the\s+time)\s+(?:you|they|he|she|we)"
        rf"(?:['\u2019](?:re|s)|\s+(?:are|is|turn|turns|reach|reaches|hit|hits))\s+"
        rf"(?P<num>\d{{2}}(?![\d,.]\d|\d)){_HALF}", re.IGNORECASE)),
    ("age", re.compile(rf"\b(?P<num>\d{{2}}|{_WORD_NUM})(?P<half>½|\s+1/2|\s+and\s+a\s+half)",
                       re.IGNORECASE)),
    ("age", re.compile(r"\b(?P<num>\d{2})(?:\s+(?:or|and)\s+(?:older|over|up))\b", re.IGNORECASE)),
    ("year", re.compile(r"(?<![\d$,.])(?P<num>(?:19[5-9]|20[0-9])\d)(?!\d|,\d|%)")),
    # "that last year", "one last year", "the last year": the final year, not the past one
    ("relyear", re.compile(r"\b(?P<num>this|next|(?<!\bthat )(?<!\bthe )(?<!\bone )"
                           r"(?<!\bits )(?<!\ba )(?<!\btheir )(?<!\byour )(?<!\bher )"
                           r"(?<!\bhis )last|the\s+coming|the\s+current|the\s+new)"
                           r"\s+(?:tax\s+|calendar\s+)?year\b(?!-)", re.IGNORECASE)),
    # colloquial thousands: "three grand", "a grand a month", "ten grand", "eight thousand",
    # "a thousand bucks", "the thousand-dollar draw" (not "a grand total", "three thousand
    # people": a bare "thousand" counts only before punctuation, the end or a small word)
    ("usd", re.compile(
        rf"\b(?:(?P<num>{_WORD_NUM}|\d{{1,3}}|an?|one)[\s-]+)?"
        r"(?:(?P<mult>grand)\b(?!\s+(?:total|jury|slam|prize|piano|canyon|scheme|gesture|old|"
        r"tour|opening|finale|plan|design|master|children|son|daughter|kids?|parents?|stand)\b)"
        r"|(?P<mult2>thousand)(?:[\s-]+(?:dollars?|bucks)\b|(?=\s*(?:[.,;:!?)\u2014\u2013]|$)"
        r"|\s+(?:a|an|per|each|of|in|into|to|for|from|and|or|off|out|on|is|was|plus|with|by|"
        r"if|but|so|that|this|every|max|maximum|total|apiece|tops)\b)))", re.IGNORECASE)),
    # a share given as "half": "hand the IRS half of it", "half the shortfall", "half of
    # whatever you should have taken out", "half of what you didn't take" (50%); or taken
    # with nothing after it: "Miss an RMD and the IRS takes half", "Uncle Sam keeps half."
    ("percent", re.compile(
        r"(?P<taker>(?<=\btakes\s)|(?<=\bkeeps\s)|(?<=\btake\s)|(?<=\bkeep\s)|"
        r"(?<=\bgrabs\s)|(?<=\bgrab\s)|(?<=\btook\s)|(?<=\bkept\s))?"
        r"\b(?P<num>half)(?(taker)(?=\s*(?:[.,;:!?)\u2014\u2013]|$))|"
        r"\s+(?:of\s+)?(?:it|that|what(?:ever)?\s+you|the\s+(?:shortfall|"
        r"missed\s+amount|amount\s+(?:you|that|not)|sum\s+you|money\s+you))\b)",
        re.IGNORECASE)),
    # the age of another group right after an age: "at 73 (75 for anyone born in 1960)",
    # "73, or 75 if you were born in 1960 or later", "73 — or 75 if your birth year is 1960"
    ("age", re.compile(r"\b\d{2}½?\s*(?:\(|[,\u2013\u2014]?\s+or\s+|/)\s*(?P<num>\d{2})"
                       r"(?=\s+(?:for|if|when)\s+(?:you|your|anyone|those|people|someone|savers|"
                       r"workers|owners|they|he|she|born|most|many|some|the)\b)",
                       re.IGNORECASE)),
]
_HINT = re.compile(rf"\d|\$|year|grand|thousand|half|{_WORD_NUM}", re.IGNORECASE)
"""Every pattern needs one of these (a digit, a dollar sign, "year" or a number word):
a sentence without any has no quantity, and most sentences have none."""
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _PATTERNS[0][1]: ("dollar",), _PATTERNS[1][1]: ("$",), _PATTERNS[2][1]: ("dollar",),
    _PATTERNS[3][1]: ("%", "per"), _PATTERNS[6][1]: ("\u00bd", "1/2", "half"),
    _PATTERNS[9][1]: ("year",), _PATTERNS[10][1]: ("grand", "thousand"),
    _PATTERNS[11][1]: ("half",)}
"""Words (lower case) a pattern cannot match without: it is not run on text lacking all."""
_RELATIVE = {"this": 0, "the current": 0, "next": 1, "the coming": 1, "last": -1}
NEW_YEAR = 99
"""``relyear`` value of "the new year": next year late in a year, this year early in it."""
_MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "grand": 1_000, "million": 1_000_000,
                "mil": 1_000_000, "m": 1_000_000, "hundred": 100}
_BEFORE_YEAR = re.compile(r"\b(?:(?:before|prior\s+to|until|through|up\s+to)\s+(?:tax\s+year\s+)?"
                          r"|pre-)$", re.IGNORECASE)
"""Words before a year that make it the last year of a range ("before 2018", "pre-2018")."""
_AFTER_YEAR = re.compile(r"\b(?:(?:after|beyond|later\s+than)\s+(?:tax\s+year\s+)?|post-)$",
                         re.IGNORECASE)
_NAMES_A_LAW = re.compile(
    r"^\s+(?:tax\s+)?(?:law|laws|cuts?|act|ruling|bill|reform|legislation|overhaul|package)\b",
    re.IGNORECASE)
"""A year that names a law or ruling ("the 2017 tax cuts", "a 2008 ruling", "the 2017 tax
overhaul"), not a tax year."""
_OF_A_LAW = re.compile(r"\b(?:act|law|bill|reform)\s+of\s+$", re.IGNORECASE)
"""The words before a year that is part of a law's name ("the SECURE 2.0 Act of 2022", "the
Tax Cuts and Jobs Act of 2017"): the law's, not a tax year."""


@dataclass(frozen=True)
class Quantity:
    """A number stated in the text, with its kind and character span."""

    kind: QuantityKind
    value: float
    start: int
    end: int
    text: str


_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})
"""Letters the case-insensitive patterns accept for ASCII ones ("ſeventy" is "seventy")."""


def _number(raw: str) -> float:
    raw = re.sub(r"\s+", " ", raw.translate(_FOLD).lower())
    if raw in _RELATIVE:
        return float(_RELATIVE[raw])
    if raw == "the new":
        return float(NEW_YEAR)
    if raw in _WORDS:
        return float(_WORDS[raw])
    if raw in ("a", "an"):
        return 1.0
    if raw == "half":
        return 50.0
    return float(raw.replace(",", ""))


_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = frozenset(_PATTERNS[i][1] for i in (1, 2, 5, 7, 8, 12))
"""Patterns whose number is written in digits only: not run on text without a digit."""
_HINT_WORDS = ("year", "grand", "thousand", "half", *_WORDS)
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The four non-ASCII letters a case-insensitive regex matches to ASCII ones ("ſ" to "s")
while ``str.lower`` does not: text holding one is tested with ``_HINT`` itself."""
_NEED_WORDS = tuple(dict.fromkeys(word for needs in _NEEDS.values() for word in needs))
_PLAN = tuple((kind, pattern, pattern in _NEEDS_DIGIT, _NEEDS.get(pattern, ()))
              for kind, pattern in _PATTERNS)
"""Each pattern with whether it needs a digit and the words it needs, looked up once:
hashing a compiled regex hashes its whole program on every call."""


def _applicable(text: str) -> list[tuple[QuantityKind, re.Pattern[str]]]:
    """The patterns that may match ``text`` (see ``_HINT``, ``_NEEDS`` and
    ``_NEEDS_DIGIT``). ``_HINT`` is tested by substring where that is exact (the regex is
    slow): a digit, a dollar sign, or one of its words in the lower-cased text."""
    lower = text.lower()
    digit = _DIGIT.search(text) is not None
    # any(map(str.__contains__ ...)) tests each word without a generator's frame
    if not (digit or "$" in text or any(map(lower.__contains__, _HINT_WORDS))) and not (
            any(map(text.__contains__, _ODD_CASE)) and _HINT.search(text)):
        return []
    held = set(filter(lower.__contains__, _NEED_WORDS))
    return [(kind, pattern) for kind, pattern, digits, needs in _PLAN
            if (digit or not digits) and (not needs or not held.isdisjoint(needs))]


_PLAN_NUMBERS = frozenset({"401", "403", "457"})
"""Digits before a bare "k" that name a plan ("401k"), not thousands of dollars."""
_BARE_K = re.compile(r"(?<![\w$.,])(?P<num>\d{1,3}(?:\.\d+)?)[kK](?![\w(])")
"""Shorthand thousands without a dollar sign ("25k", "7.5K"): run only on the few words
that end in "k" right after a digit (see ``_bare_thousands``)."""


def _bare_thousands(text: str) -> list[tuple[int, int, float]]:
    """Spans and values of amounts written "25k" (no "$"): only words whose "k" follows a
    digit are tested, so a sentence without one costs a character scan."""
    spans: list[tuple[int, int, float]] = []
    lower = text.lower()
    start = 0
    while (at := lower.find("k", start)) >= 0:
        start = at + 1
        if at == 0 or not text[at - 1].isdigit():
            continue
        word_start = at - 1
        while word_start > 0 and (text[word_start - 1].isdigit() or text[word_start - 1] == "."):
            word_start -= 1
        m = _BARE_K.match(text, word_start)
        if m is None or m.group("num") in _PLAN_NUMBERS:
            continue
        spans.append((m.start(), m.end(), float(m.group("num")) * 1_000))
    return spans


def _year_shift(text: str, start: int, end: int) -> int:
    """How far the year at ``text[start:end]`` is from the one it speaks of: "before 2018"
    speaks of 2017 and earlier, "after 2026" of 2027 and later; a possessive year names its
    own ("right after 2025's raise")."""
    if text.startswith(("'s", "\u2019s"), end):
        return 0
    if _BEFORE_YEAR.search(text[:start]):
        return -1
    return 1 if _AFTER_YEAR.search(text[:start]) else 0


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Return the quantities in ``text``; spans are shifted by ``offset``."""
    bare = _bare_thousands(text) if _DIGIT.search(text) is not None else []
    found = [Quantity("usd", value, start + offset, end + offset, text[start:end])
             for start, end, value in bare]
    taken = [(start, end) for start, end, _ in bare]
    for kind, pattern in _applicable(text):
        for m in pattern.finditer(text):
            start, end = m.start("num"), m.end()
            if kind == "usd":
                start = m.start()
            if any(s < end and start < e for s, e in taken):
                continue
            if m.group("num") is None and kind == "usd" and m.group("mult") is not None:
                continue  # "grand" is an amount only after a number ("three grand")
            value = _number(m.group("num") or "one")
            groups = m.groupdict()
            if mult := groups.get("mult") or groups.get("mult2"):
                value *= _MULTIPLIERS[mult.lower()]
            if groups.get("half"):
                value += 0.5
            if kind == "age" and not 18 <= value <= 100:
                continue
            if kind == "year" and (_NAMES_A_LAW.match(text[end:])
                                   or _OF_A_LAW.search(text[max(0, start - 12):start])):
                continue
            if kind == "year":
                value += _year_shift(text, start, end)
            taken.append((start, end))
            found.append(Quantity(kind, value, start + offset, end + offset,
                                  text[start:end]))
    return sorted(found, key=lambda q: q.start)
