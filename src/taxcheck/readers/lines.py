"""Shared helpers for line-based readers: lines with offsets, dates, headings."""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%Y-%m-%d", "%B %Y",
                 "%m/%d/%Y")
_DATELINE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|reviewed)(?:\s+on)?:?\s*)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    r"|(?:\d{4}-\d{2}-\d{2}))\s*$",
    re.IGNORECASE,
)
_FINAL_PUNCT = tuple(".!?:;,")
_BYLINE = re.compile(
    r"^(?:(?:posted|written|reported|edited|compiled|thread\s+started|started)\s+)?by\s+(?=\S)",
    re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022\u2014\u2013-]\s+|\s*\|\s*")
BYLINE_MAX_WORDS = 10


def split_lines(text: str) -> list[tuple[int, str]]:
    """Return ``(offset, line)`` pairs, without the newline characters."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def parse_date(value: str) -> date | None:
    """Parse the common ways articles write a publication date."""
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def dateline(line: str) -> date | None:
    """Return the date if the whole line is a dateline ("Updated March 3, 2025")."""
    m = _DATELINE.match(line.strip())
    return parse_date(m.group("date")) if m else None


def byline_author(line: str) -> str | None:
    """Return who wrote it if the line is a byline ("By Ann Lee", "Posted by Kim | Site")."""
    s = line.strip()
    m = _BYLINE.match(s)
    if not m or len(s.split()) > BYLINE_MAX_WORDS:
        return None
    who = _BYLINE_SEPARATOR.split(s[m.end():])[0].strip()
    return who or None


def byline_date(line: str) -> date | None:
    """The date a byline carries after a separator ("By Ann Lee | March 4, 2024")."""
    for part in _BYLINE_SEPARATOR.split(line.strip())[1:]:
        if when := dateline(part):
            return when
    return None


def looks_like_heading(line: str) -> bool:
    """A short line without final punctuation reads as a section heading."""
    s = line.strip()
    words = s.split()
    return 0 < len(words) <= 12 and len(s) <= 90 and not s.endswith(_FINAL_PUNCT)


def stripped_span(line: str, offset: int) -> tuple[str, int]:
    """Return the line without surrounding whitespace, and where that text starts."""
    lead = len(line) - len(line.lstrip())
    return line.strip(), offset + lead
