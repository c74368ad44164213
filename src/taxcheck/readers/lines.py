"""Shared helpers for line-based readers: lines with offsets, dates, headings."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, datetime

from taxcheck.documents import Block, BlockBuilder
from taxcheck.readers.quotes import quote_line

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%Y-%m-%d", "%B %Y", "%b %Y",
                 "%b. %Y", "%m/%d/%Y", "%B %d %Y", "%b %d %Y", "%b. %d %Y", "%d %b %Y",
                 "%d %b. %Y", "%d-%b-%Y", "%d-%B-%Y")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b|(?<=[a-z.]),(?=\s+\d{4})", re.IGNORECASE)
"""An ordinal's suffix ("January 5th, 2014") and a comma before the year ("5 Jan., 2014")."""
_SEPT = re.compile(r"\bSept(?=\.?\s)", re.IGNORECASE)
"""The four-letter "Sept." that strptime's "%b" does not know ("Updated Sept. 3, 2015")."""
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
"""A weekday before a forum post's date ("Tue Jan 14, 2025"); not part of the date."""
_STAMP = (
    # "Page last updated:", "This page was last reviewed on", "Article updated",
    # "Last reviewed or updated:" (what was stamped, then the stamp's verb)
    r"(?:(?:this\s+)?(?:page|article|post|story|content|entry|guide|faq|information|info)\s+"
    r"(?:was\s+|has\s+been\s+)?)?(?:(?:last|originally|first)\s+)?"
    r"(?:updated|published|posted|reviewed|modified|revised|fact[- ]checked|dated)"
    r"(?:\s+(?:or|and|&|/)\s*(?:updated|reviewed|modified|revised))?(?:\s+on)?:?\s*"
    # "Last update:", "Date:", "Date published:", "Publication date:": a label and a colon
    r"|(?:(?:last|latest)\s+(?:update|revision|review)|sent|date(?:\s+(?:posted|published|updated|"
    r"modified|reviewed))?|(?:publication|published|posted|modified|revision)\s+date)\s*:\s*")
"""The words that say a date stamps the page ("Updated", "Page last updated:")."""
_DAY_MONTH_YEAR = (r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
                   r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4})"
                   r"|(?:\d{1,2}-[A-Z][a-z]{2,8}-\d{4})")
"""A day, month and year in words: "Jan. 5, 2014", "January 5th 2014", "5 Jan 2014",
"20-Mar-2013" (the comma and the ordinal are optional)."""
_DATELINE = re.compile(
    r"^(?:" + _STAMP +
    # "Reviewed by Jordan Ames, EA on April 2, 2025": who reviewed it, then the date
    r"|(?:(?:medically\s+|expert\s+)?reviewed|fact[- ]checked|edited|updated)\s+by\s+"
    r"[^\n]{1,60}?\s+on:?\s+"
    # "dave_in_dayton wrote on Mon Mar 12, 2012 8:14 pm": a post's header, who and when
    r"|[\w.'\u2019-]{1,32}\s+(?:wrote|posted|replied)(?:\s+on)?:?\s+"
    # "Reply from money_mo on Jan 22, 2017", "Answer by pk_tax on ...": a reply's header
    r"|(?:reply|response|answer|comment)\s+(?:#\d+\s+)?(?:from|by)\s+[\w.'\u2019-]{1,32}\s+on\s+"
    # "Transcript, Saturday, February 11, 2017", "Aired May 3, 2016": a broadcast's date
    r"|(?:transcript|aired|broadcast|recorded)(?:\s+on)?[,:]?\s+)?" + _WEEKDAY +
    r"(?P<date>" + _DAY_MONTH_YEAR +
    r"|(?:\d{4}-\d{2}-\d{2})|(?:\d{1,2}/\d{1,2}/\d{4}))"
    # "Posted on 03/14/2016 by Greg Tallis": the author may follow the date
    r"(?:\s+by\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.]*){0,2}"
    # "Posted 04/22/2025 by the Nest Egg Hour team": a named team or desk
    r"|\s+by\s+the\s+(?:[A-Z][\w.'&-]*\s+){1,4}(?:team|staff|editors|desk))?\.?\s*$",
    re.IGNORECASE,
)
_MONTH_DATELINE = re.compile(
    r"^(?:" + _STAMP + r")(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{4})\.?\s*$", re.IGNORECASE)
"""A month and year after "Updated" or the like ("Last reviewed: Feb 2026", "Page last
updated: March 2012")."""
_ISSUE_DATELINE = re.compile(
    r"^(?:(?:vol\.?|volume)\s*\d{1,4}\s*[,\u00b7\u2022|\u2014\u2013-]\s*)?"
    r"(?:issue|no\.|number|edition)\s*#?\s*\d{1,5}\s*(?:--|[,:\u00b7\u2022|\u2014\u2013-])\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s+)?\d{4})\s*$"
    r"|^(?:the\s+)?(?:[\w'\u2019&-]+\s+){0,4}(?:letter|newsletter|bulletin|digest|briefing|"
    r"dispatch|memo|update|edition|issue)\s*[,:\u00b7\u2022|\u2014\u2013-]\s*"
    r"(?:(?:posted|published|updated|dated|sent|mailed)(?:\s+on)?:?\s+)?"
    r"(?P<date2>[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s+)?\d{4})\s*$", re.IGNORECASE)
"""A newsletter's issue line: "Issue #42 \u2014 November 2012", "Volume 3, Issue 9 \u2022
September 2014", "The Year-End Letter, Dec. 2015", "Client Newsletter, Posted November 4,
2014" (an issue's month stands for its date)."""
_BY_TAIL = re.compile(r"\s+by\s+@?[\w.'\u2019-]{1,32}(?:\s+[\w.'\u2019-]{1,32}){0,2}\s*$",
                      re.IGNORECASE)
"""Who posted it, after a post's date and time ("..., 6:12 a.m. ET by saver_sam")."""
_FINAL_PUNCT = tuple(".!?:;,")
_TIME = re.compile(r"(?:,|\s+at)?\s+\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?\s*$",
                   re.IGNORECASE)
"""A time after a post's date ("Posted Mar 4, 2024 at 8:12 PM", "Nov. 14, 2025, 6:12 a.m. ET")."""
_TIME_LINE = 120
"""Only lines this short are searched for a time (keeps the search linear)."""
_BYLINE = re.compile(
    r"^(?:(?:posted|written|reported|edited|compiled|thread\s+started|started)\s+)?by\s+(?=\S)",
    re.IGNORECASE)
_DESK = re.compile(r"^from\s+the\s+desk\s+of\s+\S", re.IGNORECASE)
"""A newsletter's sign-off before its date ("From the desk of Marisol Vega, EA — published
November 28, 2016"): longer than a dateline's short notes, still no sentence."""
_BYLINE_SEPARATOR = re.compile(r"\s+(?:--|[|\u00b7\u2022\u2014\u2013-])\s+|\s*\|\s*")
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
    value = _ORDINAL.sub("", _SEPT.sub("Sep", value.strip()))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


_DATELINE_EXTRA_WORDS = 5
_TRAILING_NOTE = re.compile(
    r"(?<=\d{4}),\s+(?:in|for|from|via|on|at|by)\s+[^.,;:!?\d]{1,40}$", re.IGNORECASE)
"""A short note after a dateline's year, set off by a comma ("Posted December 1, 2014, in our
client newsletter", "Updated May 3, 2024, by the editors")."""


def _date_match(line: str) -> re.Match[str] | None:
    return _DATELINE.match(line) or _MONTH_DATELINE.match(line) or _ISSUE_DATELINE.match(line)


def _matched_date(m: re.Match[str]) -> date | None:
    return parse_date(m.group("date") or m.groupdict().get("date2") or "")


def dateline(line: str) -> date | None:
    """Return the date if the line is a dateline ("Updated March 3, 2025"), alone or with
    short notes beside it ("Updated March 3, 2024 · 6 min read"); the latest date if it
    gives several ("Published May 1, 2023 | Updated March 3, 2024")."""
    line = line.strip()
    if len(line) <= _TIME_LINE and ":" in line:
        line = _TIME.sub("", _BY_TAIL.sub("", line) if _TIME.search(_BY_TAIL.sub("", line))
                         else line)
    m = _date_match(line) or _date_match(_TRAILING_NOTE.sub("", line))
    if m:
        return _matched_date(m)
    parts = [p.strip() for p in _BYLINE_SEPARATOR.split(line.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    found = [when for p in parts if (m := _date_match(p)) and (when := _matched_date(m))]
    others = [p for p in parts if not _date_match(p)]
    if not found or any((len(p.split()) > _DATELINE_EXTRA_WORDS or p.endswith("."))
                        and not (_DESK.match(p) and len(p.split()) <= BYLINE_MAX_WORDS)
                        for p in others):
        return None
    return max(found)


_PAGE_STAMP = re.compile(
    r"^(?:(?:this\s+)?(?:page|article|content)\s+(?:was\s+|has\s+been\s+)?(?:last\s+)?"
    r"(?:updated|reviewed|modified|revised)|(?:last|latest)\s+(?:updated|reviewed|modified|"
    r"revised|update|revision|review))\b", re.IGNORECASE)


def page_stamp(line: str) -> date | None:
    """The date of a line that stamps the whole page wherever it stands, as a footer does
    ("Page Last Reviewed or Updated: 20-Mar-2013", "This page was last updated on May 12,
    2015."): a dateline that says the page, or its last revision, is dated so."""
    s = line.strip()
    return dateline(s) if _PAGE_STAMP.match(s) else None


def byline_author(line: str) -> str | None:
    """Return who wrote it if the line is a byline ("By Ann Lee", "Posted by Kim | Site",
    "Posted by kelso_k on Jan 22, 2017")."""
    s = line.strip()
    m = _BYLINE.match(s)
    if not m or len(s.split()) > BYLINE_MAX_WORDS:
        return None
    who = _BYLINE_SEPARATOR.split(s[m.end():])[0].strip()
    if (on := _ON_DATE.search(who)) and dateline(on.group("date")):
        who = who[:on.start()].strip()
    return who or None


_ON_DATE = re.compile(r"\s+on\s+(?P<date>\S.*)$", re.IGNORECASE)
"""A byline's date after "on" ("Posted by kelso_k on Jan 22, 2017")."""


def byline_date(line: str) -> date | None:
    """The date a byline carries after a separator ("By Ann Lee | March 4, 2024") or after
    "on" ("Posted by kelso_k on Jan 22, 2017")."""
    parts = _BYLINE_SEPARATOR.split(line.strip())
    for part in parts[1:]:
        if when := dateline(part):
            return when
    on = _ON_DATE.search(parts[0])
    return dateline(on.group("date")) if on else None


def looks_like_heading(line: str) -> bool:
    """A short line without final punctuation reads as a section heading."""
    s = line.strip()
    words = s.split()
    return 0 < len(words) <= 12 and len(s) <= 90 and not s.endswith(_FINAL_PUNCT)


_SMALL_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "vs", "vs.", "via", "per", "into", "than", "is"))
_DISPLAY_WORDS = 20


def display_heading(line: str) -> bool:
    """A headline set in Title Case or ALL CAPS ("Can You Deduct a Loss in Your 401(k)?",
    "ROLLED OVER AFTER A CRASH: WHAT NOW", a 15-word post title): up to 20 words, ending
    without punctuation or with "?" / "!", every word but small ones capitalised."""
    s = line.strip()
    words = s.split()
    if not 3 <= len(words) <= _DISPLAY_WORDS or len(s) > 160 or s.endswith(tuple(".:;,")):
        return False
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    if len(lettered) < 3 or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    cores = [w.strip("\"'()\u201c\u201d\u2018\u2019,:;?!") for w in lettered]
    capital = sum(1 for w in cores
                  if w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS)
    return capital == len(lettered)


def stripped_span(line: str, offset: int) -> tuple[str, int]:
    """Return the line without surrounding whitespace, and where that text starts."""
    lead = len(line) - len(line.lstrip())
    return line.strip(), offset + lead


# -- line structure ---------------------------------------------------------------------------

CHECKBOX = r"\[[ xX\u2713\u2714]?\]|[\u2610\u2611\u2612]"
"""A checklist's box ("[ ] Load the new limits", "[x] ...", "\u2610 ..."): a list item's marker."""
BULLET = re.compile(r"^(\s*)(?:(\d{1,3})[.)]|[-*+\u2022\u25aa\u25cf\u25e6]|" + CHECKBOX
                    + r")\s+(?=\S)")
"""A bullet, numbered item or checklist line ("- text", "2. text", "• text", "[ ] text")."""
STEP = re.compile(r"^\s*(?:step|tip|part|rule|no\.)\s*#?(\d{1,3})\s*[:.)\u2013\u2014-]\s*(?=\S)",
                  re.IGNORECASE)
"""A numbered step ("Step 2: Subtract ..."), read as a list item numbered 2."""
_LABEL = re.compile(r"^\s*(?P<label>[^\s:.!?][^:.!?]{0,58}?)\s*:\s+(?P<value>\S.*?)\s*$")
_LABEL_WORDS = 10
_SENTENCE_FINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)\]*_]*\s*$")
_TAB_ROW = re.compile(r"\S\t+\S")
_SPACED_CELL = re.compile(r"[^\s]+(?: [^\s]+)*")
_SPACED_CELLS = re.compile(r"\S(?: {2,}|\t+)(?=\S)")
_CELL_WORDS = 8
"""Cells of a table set out with spaces are short; longer runs are sentences."""
_DANGLING = re.compile(
    r"\b(?:(?-i:a)|an|the|and|or|but|nor|of|for|to|in|on|at|by|with|from|into|than|as|is|are|was|"
    r"were|be|will|can|may|must|that|which|who|your|their|its|our|this|these|if|when|up|"
    r"about|over|under|per|plus|minus)\s*$|[,\u2013\u2014-]\s*$", re.IGNORECASE)
"""A line ending on a word that needs a next one ("... to $24,500 for") goes on below."""
_LABEL_OPEN = re.compile(r"^\s*[A-Z][^:.!?|]{0,40}:\s+\S|^\s*[A-Z][^:!?|]{0,70}\?\s*:\s+\S")
"""A line opening with a short label and a colon ("Roth catch-up trigger: more than ..."),
or with a question set as a label ("Is the $50,000 adjusted for inflation?: No. ...",
"Forgiven?: No.")."""


def label_opening(line: str) -> bool:
    """The line opens with a short label and a colon ("Roth catch-up trigger: more than
    $150,000 ..."), whatever the length of what follows."""
    return bool(_LABEL_OPEN.match(line))
_FIGURE = re.compile(r"\d")
_VALUE_WORDS = 8
"""A label's value is a figure with a few words ("$8,000 (up $500)"), not sentences."""
_NOT_LABELS = ("http", "https", "mailto", "ftp")


_SET_LABEL = re.compile(r"^\s*(?P<label>[^\s:.!?|][^:.!?|\t]{0,58}?)"
                        r"(?:\s+(?:\u2014|\u2013|-|--|=)\s+|\s{3,}|\t+)(?P<value>\S.*?)\s*$")
"""A label set off from its value by a dash, an equals sign or a gap ("Loan limit — $10,000",
"RMD start age<TAB>72"): only a figure counts as its value."""


def label_value(line: str) -> tuple[str, str] | None:
    """The label and value of a "Label: value" line ("Employee deferral: $24,500"); the
    value holds a figure ("Myth 1: The loss harvest" is a heading, not a value). A label
    set off by a dash or a gap ("Maximum plan loan -- $10,000") needs a value that is a
    figure on its own ("Step 2 - Open the account", "Ages 60 - 63" are headings)."""
    m = _LABEL.match(line)
    if not m:
        m = _SET_LABEL.match(line)
        if not m or not _DATA_VALUE.match(m.group("value")) or len(
                m.group("value").split()) > _VALUE_WORDS or (
                m.group("label")[-1:].isdigit() and m.group("value")[:1].isdigit()):
            return None
    label, value = m.group("label"), m.group("value")
    if (len(label.split()) > _LABEL_WORDS or label.lower() in _NOT_LABELS
            or label.endswith(",") or not _FIGURE.search(value)
            or len(value.split()) > _VALUE_WORDS):
        return None
    return label, m.group("value")


_WORD_VALUE_WORDS = 12
"""A fact box's value in words is a phrase ("no, unless you default"), not sentences."""
_NUMBERED_LABEL = re.compile(
    r"^(?:[\w'\u2019-]+\s+){0,2}(?:#\s*|no\.\s*|number\s+)?(?:\d{1,3}|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)$", re.IGNORECASE)
"""A numbered label ("Myth 1", "Mistake #2", "Clock No. 1", "PART ONE"): a heading's."""
_NAV_LABEL = re.compile(
    r"^(?:related(?:\s+\w+)?|see\s+also|also\s+\w+(?:\s+\w+)?|share(?:\s+this)?|sort\s+by|"
    r"from|to|cc|subject|re|thread|topic|tags?|filed\s+under|categor(?:y|ies)|posted\s+in|"
    r"more(?:\s+\w+)?|read\s+more|next|previous|up\s+next|source|sources|photo|image|"
    r"credit|u/\S+|@\S+)$", re.IGNORECASE)
"""Labels of page furniture, links and mail headers ("Related:", "Sort by:", "From:")."""
_LINK_SEPARATORS = re.compile(r"\s[|\u00b7\u2022]\s|\s\|")
_TOPIC_VALUE = re.compile(
    r"^(?:a|an|the|what|which|when|why|how|who|where|whether|your|our|my|this|these|"
    r"here['\u2019]s|inside|everything|all|\w+ing)\b", re.IGNORECASE)
"""A value that names a topic ("a checklist", "the basics", "when it works", "claiming it on
your return", "What You Need to Know"), as a heading's subtitle does."""
_ANSWER_VALUE = re.compile(
    r"^(?:yes|no|none|never|not|nothing|n/?a|always|only|unlimited|allowed|required|"
    r"optional|permitted|prohibited|forbidden|waived|exempt|taxable|tax-free|penalty-free|"
    r"true|false)\b", re.IGNORECASE)
"""A value that answers what its label asks ("Taxable: yes", "Carryback: not allowed")."""
_QUOTES = "\"\u201c\u2018'"


def word_label(line: str) -> tuple[str, str] | None:
    """The label and value of a fact box's line whose value is words, not a figure
    ("Taxable: yes", "Deadline to fix: two years", "Loans allowed: no, it's a prohibited
    transaction"); None for lines that read as headings with a colon: a numbered label
    ("Myth 1: The loss harvest"), links or mail headers ("Related: A | B", "From: ..."), a
    quoted value ("Myth: \u201cYou have to take a loan first.\u201d"), a subtitle naming a
    topic ("Workplace plans: the basics", "The IRA loss deduction: when it works"), one in
    Title Case or capitals, or a question."""
    s = line.strip()
    m = _LABEL.match(s)
    if not m or s.isupper() or s.endswith("?"):
        return None
    label, value = m.group("label").strip(), m.group("value")
    if (len(label.split()) > _LABEL_WORDS or len(value.split()) > _WORD_VALUE_WORDS
            or not (label[:1].isupper() or label[:1].isdigit())
            or label.lower() in _NOT_LABELS or _NUMBERED_LABEL.match(label)
            or _NAV_LABEL.match(label) or value[:1] in _QUOTES
            or _LINK_SEPARATORS.search(value)
            or (_TOPIC_VALUE.match(value) and not _names_amount(label, value))
            or (len(value.split()) > 1 and display_heading(value))):
        return None
    return label, value


_AMOUNT_LABEL = re.compile(r"\b(?:amount|income|portion|part|base|on|to|toward|for|from|of)$",
                           re.IGNORECASE)
_WHAT_CLAUSE = re.compile(r"^what(?:ever)?\s+(?:you|she|he|they|we|i)\b", re.IGNORECASE)


def _names_amount(label: str, value: str) -> bool:
    """A "what" clause after a label that names an amount or wants a noun names the amount,
    not a topic ("Taxable amount: what you originally contributed", "Taxed on: what you put
    in")."""
    return bool(_AMOUNT_LABEL.search(label) and _WHAT_CLAUSE.match(value))


def fact_lines(lines: list[str]) -> set[int]:
    """The indices of lines that are a fact box's "Label: words" statements
    (:func:`word_label`), not headings: the value answers its label ("Taxable: yes",
    "Carryback: not allowed"), or the line stands next to another label line (a fact box
    "Repayment: within five years" / "Counts as income: no")."""
    labelled = [label_value(line) is not None or word_label(line) is not None
                for line in lines]
    out = set()
    for i, line in enumerate(lines):
        pair = word_label(line)
        if pair is None or label_value(line) is not None:
            continue
        beside = (i > 0 and labelled[i - 1]) or (i + 1 < len(lines) and labelled[i + 1])
        if beside or _ANSWER_VALUE.match(pair[1]):
            out.add(i)
    return out


def ends_sentence(line: str) -> bool:
    """True when a line ends with sentence punctuation (a closing quote may follow)."""
    return bool(_SENTENCE_FINAL.search(line))


def table_cells(line: str) -> list[tuple[int, str]] | None:
    """The cells of a table row, each with its offset in the line; None for other lines.

    A row has cells separated by pipes ("a | b | c", optional outer pipes), by tabs, or by
    runs of two or more spaces; it has at least two cells.
    """
    s = line.rstrip()
    if "|" in s:
        inner_start = len(s) - len(s.lstrip())
        if s[inner_start:inner_start + 1] == "|":
            inner_start += 1
        inner_end = len(s) - 1 if s.endswith("|") and len(s) - 1 >= inner_start else len(s)
        cells, at = [], inner_start
        for part in s[inner_start:inner_end].split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append((at + lead, part.strip()))
            at += len(part) + 1
        return cells if len(cells) >= 2 else None
    if _SPACED_CELLS.search(s.strip()):
        cells = [(m.start(), m.group()) for m in _SPACED_CELL.finditer(s)]
        if len(cells) < 2 or ends_sentence(s) or any(
                len(c.split()) > _CELL_WORDS for _, c in cells):
            return None
        return cells
    return None


def is_rule_row(cells: list[tuple[int, str]]) -> bool:
    """A Markdown table's delimiter row ("|---|:--:|")."""
    return all(re.fullmatch(r":?-{2,}:?", c) or not c for _, c in cells) and any(
        c for _, c in cells)


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file was wrapped at, or None when its lines are not wrapped.

    In a wrapped file most lines followed by another line of the same paragraph fill the
    width (within 30 %), and many of them end mid-sentence with the next line going on in
    lower case; a page copied without blank lines has short lines that end where its
    headings, items and sentences end.
    """
    pairs = [(a.rstrip(), b.strip()) for a, b in itertools.pairwise(lines)
             if a.strip() and b.strip()]
    if len(pairs) < 3:
        return None
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = widths[max(int(len(widths) * 0.95) - 1, 0)]
    if width > 110 or width < 30:
        return None
    full = sum(1 for a, _ in pairs if len(a) >= 0.7 * width)
    going_on = sum(1 for a, b in pairs if not ends_sentence(a) and b[:1].islower())
    if full >= 0.5 * len(pairs) and going_on >= max(2, 0.25 * len(pairs)):
        return width
    return None


def line_kind(line: str) -> str:
    """What a line is on its own: ``bullet``, ``step``, ``table``, ``label`` or ``prose``."""
    if STEP.match(line):
        return "step"
    if BULLET.match(line):
        return "bullet"
    if ("|" in line or "\t" in line.strip()) and table_cells(line):
        return "table"
    if label_value(line):
        return "label"
    return "prose"


def joins(previous: str, line: str, width: int | None, *, sentences: bool = True) -> bool:
    """True when ``line`` continues ``previous`` (a soft wrap), False when it starts a block.

    A line break ends a block after a heading-like line, a "Label: value" line, a dateline,
    a finished sentence (unless the file is hard-wrapped and the line fills the width),
    between two lines that each open with a short label and a colon, and before a bullet, a
    step, a table row or a dateline. Lines that end mid-sentence or with
    a colon join the next line. With ``sentences`` False (Markdown, where a line break
    inside a paragraph is a soft break), a finished sentence does not end the block.
    """
    if line_kind(line) in ("bullet", "step", "table") or line_kind(previous) == "table":
        return False
    if quote_line(line) or quote_line(previous):
        return quote_line(line) and previous.lstrip()[:1] == line.lstrip()[:1] == ">"
    if previous.rstrip().endswith(":") and line_kind(previous) != "label":
        return True  # a lead-in goes on ("Mark it down:" / "April 15, 2026")
    if dateline(line) or dateline(previous):
        return False
    if label_opening(previous) and label_opening(line):
        return False  # a list of labelled lines ("Loan: repaid ..." / "Hardship withdrawal: ...")
    first = line.lstrip()[:1]
    continues = first.islower() or first in ",;)%"
    full = width is not None and len(previous.rstrip()) >= 0.7 * width
    if (width is None and not continues and label_opening(previous)
            and looks_like_heading(line) and not _DANGLING.search(previous)):
        return False  # a labelled line, then a heading ("If you leave: roll over ..." / "Hardship")
    if line_kind(previous) == "label" and not full:
        return False
    if line_kind(line) == "label" and (ends_sentence(previous) or looks_like_heading(previous)
                                       or label_opening(previous)):
        return False  # "IRA contribution limit: $7,500" under another "Label: ..." line
    if ends_sentence(previous):
        return not sentences or (full and (continues or not looks_like_heading(line)))
    if full or continues or _DANGLING.search(previous):
        return True
    if display_heading(previous):
        return False  # a long headline ("Why Your Roth Conversion Might Cost More Than ...")
    return not looks_like_heading(previous)


def table_rows(lines: list[str]) -> list[tuple[int, int]]:
    """Runs ``(first, end)`` of two or more consecutive lines that form a table.

    Rows with pipes or tabs count as they are; rows whose cells are only set apart by
    runs of spaces count when every row of the run has the same number of cells.
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        cells = table_cells(lines[i]) if not BULLET.match(lines[i]) else None
        if not cells:
            i += 1
            continue
        marked = "|" in lines[i] or "\t" in lines[i].strip()
        j = i + 1
        while j < len(lines) and (row := table_cells(lines[j])) and (
                ("|" in lines[j] or "\t" in lines[j].strip()) if marked
                else len(row) == len(cells)):
            j += 1
        if j - i >= 2:
            runs.append((i, j))
        i = j
    return runs


TABLE_DASH = " \u2014 "
_NO_VALUE = re.compile(r"^[\s*_`]*(?:[-\u2010-\u2015\u2212]+|n/?a)[\s*_`.]*$", re.IGNORECASE)
"""A cell that holds no value: a dash or "n/a" ("Catch-up, ages 60-63 | — | $11,250": the
rule did not exist that year; "Under 50 | $24,500 | — |": no catch-up). It states
nothing, so it is no ``table_cell``."""


def no_value(cell: str) -> bool:
    """True for an empty cell, a dash or "n/a"."""
    return not cell.strip() or bool(_NO_VALUE.match(cell))
"""Joins a table cell's row label and column header in the statement it is read as."""


_ASKED_LABEL = re.compile(r"^([^?|]{2,60}\?)\s+(?=\S)")
"""A row label asked as a question and the row's first value in one cell ("Paid back? Yes,
through payroll")."""


def _asked_labels(header: int, rows: list[tuple[int, list[tuple[int, str]]]]
                  ) -> list[tuple[int, list[tuple[int, str]]]]:
    """Data rows whose first cell holds both the row label, asked as a question, and the
    first value ("Paid back? Yes, through payroll | No, it can't be repaid" under "Loan |
    Hardship withdrawal"), with the label made a cell of its own: the header then names the
    columns after it (:func:`corner_missing`). Other rows are returned as they are."""
    if not rows or any(len(cells) != header for _, cells in rows):
        return rows
    found = [_ASKED_LABEL.match(cells[0][1]) for _, cells in rows]
    if not all(found):
        return rows
    return [(offset, [(cells[0][0], m.group(1)), (cells[0][0] + m.end(), cells[0][1][m.end():]),
                      *cells[1:]])
            for (offset, cells), m in zip(rows, found, strict=True) if m is not None]


def corner_missing(header: int, rows: list[int]) -> int:
    """1 when a table's header row leaves out the corner cell above the row labels (a
    browser copy of "| 2024 | 2025 | 2026" over "Deferral | $23,000 | $23,500 | $24,500"):
    every data row has one cell more than the header, whose names then belong to the
    columns after the row labels; else 0. ``header`` and ``rows`` are cell counts."""
    return int(header >= 1 and bool(rows) and all(n == header + 1 for n in rows))

Inline = Callable[[BlockBuilder, str, int], None]


def _plain(builder: BlockBuilder, text: str, offset: int) -> None:
    builder.add(text, offset)


def table_cell_blocks(rows: list[tuple[int, str]], add: Inline = _plain,
                      captioned: bool = False) -> list[Block]:
    """The data cells of a table (``(offset, line)`` rows, the first one its header) as
    ``table_cell`` blocks "row label — column header: value".

    The label and header are context added to the statement (mapped to the cell's start),
    so a finding points at the cell; ``add`` adds the cell's own text (Markdown strips its
    inline markup). The first column holds the row labels. The corner cell names what the
    table is about ("SIMPLE plans | 2025 | 2026"): unless a heading right before the table
    (``captioned``) already does, it is read as a heading of the rows, so "Catch-up at 50+"
    is the SIMPLE plans' catch-up.
    """
    cells_of = [(offset, cells) for offset, line in rows if (cells := table_cells(line))]
    parsed = [(offset, cells) for offset, cells in cells_of if not is_rule_row(cells)]
    if len(parsed) < 2:
        return []
    if len(parsed) == len(cells_of) and not header_row([text for _, text in parsed[0][1]]):
        # no header row: the first row is a rule and its figure like the others
        parsed.insert(0, (parsed[0][0], [(at, "") for at, _ in parsed[0][1]]))
    header = [text for _, text in parsed[0][1]]
    parsed[1:] = _asked_labels(len(header), parsed[1:])
    shift = corner_missing(len(header), [len(cells) for _, cells in parsed[1:]])
    blocks = []
    corner = _plain_text(header[0]) if header and not shift else ""
    if corner and not captioned and not any(ch.isdigit() for ch in corner):
        builder = BlockBuilder()
        builder.add_synthetic(corner, parsed[0][0] + parsed[0][1][0][0])
        blocks.append(builder.build("heading", level=6))
    for offset, cells in parsed[1:]:
        label = amount_label(_plain_text(header[0]) if header and not shift else "",
                             _plain_text(cells[0][1]))
        for column, (at, value) in enumerate(cells[1:], start=1):
            if no_value(value):
                continue
            at_header = column - shift
            name = _plain_text(header[at_header]).rstrip("?") if at_header < len(header) else ""
            builder = BlockBuilder()
            # a row label asked as a question ("Taxable?") reads as the subject of its cells
            prefix = TABLE_DASH.join(p for p in (label.rstrip("?"), name) if p)
            if prefix:
                builder.add_synthetic(f"{prefix}: ", offset + at)
            add(builder, value, offset + at)
            if not builder.empty:
                blocks.append(builder.build("table_cell", row=label or None,
                                            column=name or None))
    return blocks


def amount_label(corner: str, label: str) -> str:
    """A row label that is a dollar amount, named by the corner cell above the row labels
    ("$60,000" under "Vested balance" reads "Vested balance $60,000"): the amount is the row's
    case (a worked example's balance or income), which the cells of its row follow from, not
    a figure of its own."""
    if (label.startswith("$") and _DATA_VALUE.match(label) and corner
            and not any(ch.isdigit() for ch in corner)):
        return f"{corner} {label}"
    return label


_DATA_VALUE = re.compile(r"^\W{0,2}(?:\$\s?\d|\d[\d,.]*\s*(?:%|½|percent\b)|\d{2}(?:\.5)?$|"
                         r"\d{1,3}(?:,\d{3})+\b)")
"""A cell that holds a figure (an amount, a rate, an age), not a column header or a year."""


_STATEMENT_CELL_WORDS = 5
"""A cell of at least this many words (and no question) states something: a header names
a column in fewer ("Tax treatment", "When it makes sense")."""


def data_row(cells: list[str]) -> bool:
    """True when a table's first row is data, not a header: its label cell names
    something and every other cell holds a figure ("Salary deferral limit 2026 | $23,000")
    or states something ("Loan | Not taxed if repaid on schedule | Paid back to your own
    account")."""
    values = [c.strip() for c in cells[1:] if c.strip()]
    return bool(cells and cells[0].strip() and values
                and (all(_DATA_VALUE.match(v) for v in values)
                     or all(len(v.split()) >= _STATEMENT_CELL_WORDS and "?" not in v
                            for v in values)))


_STATED_FIGURE = re.compile(
    r"\$\s?\d|\d\s*(?:%|percent\b)|\b\d{1,3}(?:,\d{3})+\b"
    r"|\b\d[\d.]*\s+(?:business\s+|calendar\s+)?(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE)
"""A figure a value states: an amount, a rate, a count of days or years ("$23,500", "20%",
"60 business days"). A column header names a year ("2026"), an age group ("50-59") or a
word ("Limit"), not one of these."""


def header_row(cells: list[str]) -> bool:
    """True when a plain table's first row reads as its header: no :func:`data_row`, and no
    cell after its label states a figure (:data:`_STATED_FIGURE`) unless it asks about one.
    "401(k) deferral | $23,500 | $24,500" and "Rollover deadline | 60 business days" are
    data; "Limit | 2025 | 2026", "Type | Deadline | Withholding" and "Source | Taxed? | 10%
    penalty?" are headers."""
    return not data_row(cells) and not any(
        _STATED_FIGURE.search(c) and not c.rstrip().endswith("?") for c in cells[1:])


def _plain_text(cell: str) -> str:
    """A header or label cell without emphasis markers."""
    return " ".join(re.sub(r"[*_`]+", "", cell).split())
