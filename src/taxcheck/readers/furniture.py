"""Page furniture in plain-text exports: lines that are part of the page, not the article.

A page copied out of a browser keeps its breadcrumbs ("Forums › Taxes › IRAs"), a forum
thread's post headers (a poster's name alone on a line, "Member · Joined: Aug 2021 · Posts:
37", "Reply #2", "#3  Posted: Mar 4, 2025, 9:41 pm"), signatures after a "--" line, rules
("-----") and action bars ("Reply · Quote · Report"). Each is read as a ``furniture`` block:
it states nothing, so the matcher skips it, and it ends the section before it (a forum post
is a section of its own; the thread title stays the topic of every post).

Every check here splits the line on fixed separators or uses anchored patterns without
nested repetition, so a hostile line costs linear time.
"""

from __future__ import annotations

import re
from datetime import date

from taxcheck.readers.lines import dateline

_MAX_LINE = 200
"""Furniture lines are short; a longer line is read as text."""
_CRUMB_SEPARATOR = re.compile(r"\s*[\u203a\u00bb\u2192]\s*|\s+>\s+")
_NAV_SEPARATOR = re.compile(r"\s+\|\s+")
_PART_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022]\s+")
_CRUMB_WORDS = 7
_SENTENCE_END = tuple(".!?;:")
_REPLY_MARKER = re.compile(
    r"^(?:(?:reply|post|comment|message|answer)\s*#\s?\d{1,6}|#\d{1,6})(?=\s|$|[:,])"
    r"\s*[:,\u00b7|]?\s*(?P<rest>.*)$", re.IGNORECASE)
_POSTED = re.compile(r"^(?:posted|replied|answered|commented|asked|edited|last\s+edited)\b",
                     re.IGNORECASE)
_POSTER = re.compile(
    r"^(?:(?:reply|response|answer|comment|post|message)\s+(?:from|by)"
    r"|(?:posted|replied|answered|commented|asked|written)\s+by)\s+@?[\w.\-]{1,32}"
    r"(?:\s+[\w.\-]{1,32})?\s*(?:[:,\u00b7|]\s*(?P<rest>.*))?$", re.IGNORECASE)
"""A post's header naming its poster ("Reply from dave_k", "Posted by Lin M.")."""
_SUBJECT = re.compile(r"^re\s*:\s*\S", re.IGNORECASE)
"""A reply's subject line, the thread's title after "Re:" ("Re: IRA loans")."""
_SUBJECT_WORDS = 14
_STATS = re.compile(
    r"^(?:(?:joined|posts|messages|reputation|likes|karma|location|member\s+since|"
    r"reaction\s+score|points|threads|comments|replies|views)\s*:?\s*\S.{0,30}"
    r"|[\d,.]+k?\s+(?:posts|replies|views|comments|likes|messages|points)"
    r"|comments?\s*\(\d{1,6}\))$", re.IGNORECASE)
_FILED = re.compile(r"^(?:filed\s+under|categories|category|tags|tagged|posted\s+in)\s*:\s*\S",
                    re.IGNORECASE)
"""Where a blog files a post ("Filed under: IRAs, Taxes")."""
_RANK = re.compile(r"^(?:[A-Z][\w-]*\s+){0,2}(?:member|moderator|mod|admin|administrator|"
                   r"contributor|guest|user|poster|newbie|veteran)$", re.IGNORECASE)
_HANDLE = re.compile(r"^@?[A-Za-z0-9][\w.\-]{1,31}$")
_SIGNATURE_START = re.compile(r"^(?:--|\u2014|\u2013\u2013|\u2014\u2014)$")
_RULE = re.compile(r"^[-_=*~\u2014\u2013\u2500#]{3,}$")
_ACTION = re.compile(r"^(?:quick\s+)?(?:reply|quote|report|share|subscribe|like|flag|print|"
                     r"email|save|follow|bookmark|permalink|unsubscribe|upvote|downvote)\b",
                     re.IGNORECASE)
_SIG_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022\u2014\u2013]\s+")
_CREDENTIAL = re.compile(
    r"^(?:(?:EA|CPA|CFPs?|CFP\u00ae|ChFC|CFA|CLU|RICP|JD|MBA|EA/CPA|CPA/PFS)(?:\s*[,/&]\s*|$))+$"
    r"|\b(?:enrolled\s+agent|tax\s+(?:pro|professional|preparer|attorney|adviser|advisor)|"
    r"financial\s+(?:planner|advisor|adviser|coach)|verified|moderator|retired|"
    r"not\s+(?:a|an|your)\s+(?:cpa|ea|lawyer|attorney|pro|professional|tax|financial|"
    r"advisor|adviser|accountant|expert|planner|fiduciary)\b|\d{1,2}\+?\s*(?:yrs|years)(?:\s+in\b.*)?$)"
    r"|^(?!\d+(?:\s|$)).*\bsince\s+(?:'\d\d|\d{4})$"
    r"|^[\"\u201c].*[\"\u201d]$", re.IGNORECASE)
"""A part of a signature that is no name: a credential ("EA", "CFP\u00ae", "Enrolled Agent
since 2009", "verified"), a disclaimer ("not a CPA"), a tenure ("11 yrs", "Boglehead
since '09") or a quoted motto."""
_SIG_NAME = re.compile(r"^(?:@?[A-Za-z0-9][\w.\-]{1,31}|(?:[A-Z][\w.'\-]*\s+){0,2}[A-Z][\w.'\-]*)$")
"""A poster's name or handle opening a signature ("Lisa", "Rick T.", "ledger_lisa")."""
_SIG_PART_WORDS = 14
SIGNATURE_LINES = 3
"""A signature after "--" is at most this many lines."""
_SIGNATURE_WORDS = 30


def _words(part: str) -> int:
    return len(part.split())


def breadcrumb(line: str) -> bool:
    """A trail of short page names ("Forums › Taxes › Retirement Accounts (401k, IRA)",
    "Home > Retirement > Workplace Plans"): three names, or two joined by "›", "»" or "→"."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return False
    parts = [p.strip() for p in _CRUMB_SEPARATOR.split(s)]
    arrows = any(c in s for c in "\u203a\u00bb\u2192")
    if len(parts) < (2 if arrows else 3) or "$" in s:
        return False
    return all(p and _words(p) <= _CRUMB_WORDS and not p.endswith(_SENTENCE_END)
               and (p[0].isupper() or p[0].isdigit()) for p in parts)


def site_nav(line: str) -> bool:
    """A site's name and sections set apart by pipes ("Summit Bank | Learning Center |
    Retirement", "News | Markets | Taxes"): three or more short capitalised names, no
    figures (a lone table row has them)."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE or any(c.isdigit() or c == "$" for c in s):
        return False
    parts = [p.strip() for p in _NAV_SEPARATOR.split(s)]
    return len(parts) >= 3 and all(
        p and _words(p) <= 4 and p[0].isupper() and not p.endswith(_SENTENCE_END)
        for p in parts)


def action_bar(line: str) -> bool:
    """Links under a post or article ("Reply · Quote · Report", "Share: Facebook | X")."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return False
    parts = [p.strip() for p in _PART_SEPARATOR.split(s)]
    if len(parts) < 2 or any(_words(p) > 4 for p in parts) or s.endswith((".", "?", "!")):
        return False
    if parts[0].lower().startswith("share:"):
        return True
    actions = sum(1 for p in parts if _ACTION.match(p))
    return bool(_ACTION.match(parts[0])) and 2 * actions >= len(parts)


def _meta_part(part: str) -> bool:
    return bool(_STATS.match(part) or _RANK.match(part))


def post_meta(line: str) -> bool:
    """A forum post's or thread's header line: "Member · Joined: Aug 2021 · Posts: 37",
    "Posts: 38", "Thread started by kev, Oct 21, 2025 · 14 replies", "Reply #1",
    "#3  Posted: Mar 4, 2025, 9:41 pm", "Posted Mar 4, 2024 at 8:12 PM"."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return False
    if m := _REPLY_MARKER.match(s):
        rest = m.group("rest")
        return not rest or (bool(_POSTED.match(rest) or dateline(rest)) and _words(rest) <= 10)
    if (_POSTED.match(s) and dateline(s)) or (_FILED.match(s) and _words(s) <= 12):
        return True
    parts = [p.strip() for p in _PART_SEPARATOR.split(s)]
    if not any(_meta_part(p) for p in parts):
        return False
    return all(_meta_part(p) or dateline(p) or (
        p.lower().startswith(("started by", "thread started by", "by ")) and _words(p) <= 8)
        for p in parts)


def reply_header(line: str) -> bool:
    """A later post's header naming its poster or repeating the thread's subject ("Reply
    from dave_k", "Posted by Lin M. | Mar 4, 2025", "Re: IRA loans"). Before any text it is
    the page's byline or title, so :func:`furniture_lines` only takes it after text."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return False
    if m := _POSTER.match(s):
        rest = m.group("rest")
        return not rest or bool(dateline(rest) or _meta_part(rest)) or all(
            _CREDENTIAL.search(p) for p in _SIG_SEPARATOR.split(rest.strip())
            for p in p.split(","))
    return bool(_SUBJECT.match(s)) and _words(s) <= _SUBJECT_WORDS


def post_date(line: str) -> date | None:
    """The date a post's header line gives ("#1  Posted: Mar 4, 2025, 9:41 pm")."""
    s = line.strip()
    if m := _REPLY_MARKER.match(s):
        s = m.group("rest")
    if _SUBJECT.match(s) and breadcrumb(s):
        # "Re: IRA loss deduction » Tue Jan 14, 2025 9:02 am": the subject, then the date
        s = _CRUMB_SEPARATOR.split(s)[-1]
    return dateline(s) if s else None


def handle(line: str) -> bool:
    """A user name alone on a line ("quietquant", "Holly_EA")."""
    s = line.strip()
    return bool(_HANDLE.match(s)) and not s.endswith(_SENTENCE_END)


def rule(line: str) -> bool:
    """A line drawn with dashes, underscores or the like ("-----", "* * *" aside)."""
    return bool(_RULE.match(line.strip()))


def signature_start(line: str) -> bool:
    """The "--" line a signature follows."""
    return bool(_SIGNATURE_START.match(line.strip()))


def _signature_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and _words(s) <= _SIGNATURE_WORDS and not rule(s) and not post_meta(s)


def signed(line: str) -> bool:
    """A signature line under a post with no "--" above it: a name, then credentials,
    a tenure or a motto set apart by pipes, dots or dashes ("Lisa | EA, 11 yrs | Nothing
    here is tax advice", "Dave Ruiz, CPA \u2014 verified expert", "Kev | \"Max the
    match\""). It states nothing: no amount, no question."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE or "$" in s or s.endswith("?"):
        return False
    parts = [p.strip() for p in _SIG_SEPARATOR.split(s)]
    if len(parts) < 2 or any(not p or _words(p) > _SIG_PART_WORDS for p in parts):
        return False
    name, _, titles = parts[0].partition(",")
    if not _SIG_NAME.match(name.strip()) or (titles and not _CREDENTIAL.search(titles.strip())):
        return False
    return bool(titles) or any(_CREDENTIAL.search(p) or _CREDENTIAL.search(p.split(",")[0])
                               for p in parts[1:])


_DISCLOSURE = re.compile(
    r"^(?:not\s+(?:fdic|ncua|sipc|federally)[\s-]+insured|no\s+bank\s+guarantee|"
    r"not\s+(?:bank[\s-]+)?guaranteed(?:\s+by\s+(?:the|any)\s+bank)?|may\s+lose\s+value|"
    r"not\s+a\s+(?:bank\s+)?deposit|"
    r"not\s+insured\s+by\s+any\s+(?:federal\s+)?government(?:al)?\s+agency)$",
    re.IGNORECASE)
"""One phrase of a product disclosure ("Not FDIC insured", "No bank guarantee", "May lose
value")."""
_DISCLOSURE_LABEL = re.compile(r"^[^:]{1,40}:\s*")


def disclaimer(line: str) -> bool:
    """A product disclosure line: two or more of its phrases apart by "·", "|" or "•",
    after a label or none ("Brokerage products: Not FDIC insured · No bank guarantee · May
    lose value", "Not FDIC Insured | May Lose Value")."""
    s = line.strip().rstrip(".")
    if not s or len(s) > _MAX_LINE:
        return False
    s = _DISCLOSURE_LABEL.sub("", s, count=1)
    parts = [p.strip().rstrip(".") for p in _PART_SEPARATOR.split(s)]
    return len(parts) >= 2 and all(_DISCLOSURE.match(p) for p in parts)


def _plain_dateline(line: str) -> bool:
    """A dateline a reader keeps as one ("Posted Mar 4, 2024 at 8:12 PM")."""
    return dateline(line) is not None and not _REPLY_MARKER.match(line.strip())


def furniture_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines that are page furniture.

    Datelines stay datelines (they date the page and are skipped too). A user name alone
    on a line counts when the line before or after it is a post's header line; a
    signature is the (at most :data:`SIGNATURE_LINES`) short lines after a "--" line, up
    to a blank line or the next post's header. After the first sentence of a post, a later
    post's header naming its poster or subject (:func:`reply_header`) counts too.
    """
    out: set[int] = set()
    meta = [post_meta(line) for line in lines]
    signature = 0
    text = False
    for i, line in enumerate(lines):
        if signature and _signature_line(line) and not reply_header(line) and not (
                handle(line) and i + 1 < len(lines) and meta[i + 1]):
            out.add(i)
            signature -= 1
            continue
        signature = 0
        if (meta[i] and not _plain_dateline(line)) or breadcrumb(line) or rule(line) or (
                action_bar(line) or disclaimer(line)):
            out.add(i)
        elif signature_start(line):
            out.add(i)
            signature = SIGNATURE_LINES
        elif (handle(line) and ((i > 0 and meta[i - 1]) or (i + 1 < len(lines)
                                                              and meta[i + 1]))) or (
                text and (reply_header(line) or signed(line))):
            out.add(i)
        elif line.rstrip().endswith((".", "!", "?")) and not dateline(line):
            text = True  # a sentence of a post: a page's title or byline ends in none
    return out
