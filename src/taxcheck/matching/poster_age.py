"""The age or birth year a poster gives of themselves ("I'm 57", "I turned 57 back in March",
"I was born in 1964") earlier on the page: a reply that tells "you" when RMDs start speaks
of the poster's birth cohort, not of everyone ("...since required withdrawals won't start for
you until 73" to someone who is 57 is wrong: anyone under 64 today was born after 1960 and
starts at 75). Issue 12, branch rmd (session 14)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from taxcheck.clauses import Candidate, ConceptMention

YOUNG = "BORN_1960"
"""Born in 1960 or later (RMDs at 75): anyone 18 to 63 in any year from 2024 on."""
BORN_1950 = "BORN_1950"
"""Born July 1949 through 1950 (RMDs began at 72)."""
BORN_1951_1959 = "BORN_1951_1959"
"""Born 1951 through 1959 (RMDs at 73)."""
BORN_BEFORE_JULY_1949 = "BORN_BEFORE_JULY_1949"
"""Born before July 1949 (RMDs began at 70½)."""
COHORTS = frozenset({YOUNG, BORN_1950, BORN_1951_1959, BORN_BEFORE_JULY_1949, "IN_FIFTIES"})
"""The cohort concepts: a clause naming one of its own keeps it."""

_FIRST_PERSON_AGE = re.compile(
    r"\bI\s*(?:'m|\u2019m|\s+am|\s+just\s+turned|\s+turned|\s+recently\s+turned)\s+"
    r"(?:only\s+|just\s+|now\s+)?(1[89]|[2-5][0-9]|6[0-3])\b"
    r"(?!\s*(?:or\b|and\s+(?:up|older|over)|\+|%|-|years?\s+(?:of|into|in)\b))",
    re.IGNORECASE)
"""A poster's own present age under 64 ("I'm 57", "I turned 57 back in March"); not a
threshold ("I'm 55 or older") or a span of time ("I'm 20 years into the job")."""
_FIRST_PERSON_BORN = re.compile(
    r"\bI\s+was\s+born\s+(?:in\s+)?(?:(?:early|late|mid-?)\s*|[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?"
    r"(19\d\d)\b")
"""A poster's own birth year ("I was born in 1964", "I was born in March 1950")."""
_AGE_DIGITS = re.compile(r"[1-6][0-9]")
"""The digits every age :data:`_FIRST_PERSON_AGE` finds begins with."""
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you'll|you\u2019ll|you're|you\u2019re)\b",
                            re.IGNORECASE)
"""A clause told to the reader, the poster of a question or thread."""
_SEVENTIES = re.compile(r"\b7[0-9](?:\u00bd|\.5| 1/2)?\b")
"""An age in the seventies (an RMD starting age)."""


def _cohort(match: re.Match[str]) -> str | None:
    if match.re is _FIRST_PERSON_AGE:
        return YOUNG
    year = int(match.group(1))
    if year >= 1960:
        return YOUNG
    if year == 1950:
        return BORN_1950
    if 1950 < year < 1959:
        return BORN_1951_1959
    return BORN_BEFORE_JULY_1949 if year < 1949 else None


def poster_cohorts(text: str) -> list[tuple[int, str | None]]:
    """Where in the text a poster gives their own age or birth year, and its cohort concept
    (None for 1949, split between two cohorts, and for 1959, which the statute leaves
    unclear), in order."""
    # (each pattern is tried at every character: a text without the two digits of an age
    # or the word "born" is not searched for it)
    found = [*(_FIRST_PERSON_AGE.finditer(text) if _AGE_DIGITS.search(text) else ()),
             *(_FIRST_PERSON_BORN.finditer(text) if "born" in text else ())]
    return sorted((m.end(), _cohort(m)) for m in found)


def with_poster_cohort(text: str, cands: Sequence[Candidate], cohort: str | None
                       ) -> tuple[list[Candidate], str | None]:
    """The block's clauses, each clause told to "you" that states an age in the seventies
    given the cohort of the poster heard last (before it on the page or earlier in its
    block), and the cohort heard last after the block."""
    heard = poster_cohorts(text)
    out = []
    for cand in cands:
        now = next((c for at, c in reversed(heard) if at <= cand.start), cohort) \
            if heard else cohort
        if (now is not None and "AGE_THRESHOLD" in cand.labels
                and not cand.labels & COHORTS and _SECOND_PERSON.search(cand.text)
                and (age := _SEVENTIES.search(cand.text)) is not None):
            at = cand.start + age.start()
            mention = ConceptMention(now, at, at + len(age.group()), age.group())
            cand = replace(cand, concepts=tuple(sorted(
                (*cand.concepts, mention), key=lambda c: (c.start, c.end))))
        out.append(cand)
    return out, (heard[-1][1] if heard else cohort)
