"""Sidebars of an HTML page that state rules: "Quick facts", "Key takeaways", "At a glance".

A page's ``<aside>`` (or an element named "sidebar", or ``role="complementary"``) is page
furniture to the extractor, and most are: related links, a newsletter box, an author's
bio, a table of contents, a call to action. Some hold the article's rules in brief
("Deadline to redeposit: 60 days"), and a wrong one there misleads a reader as much as one
in the text. A sidebar is read box by box (a box runs from one heading of the sidebar to
the next); a box is kept when, after its furniture is left out, it still has a line of
text (see :func:`sidebar_boxes`). Each kept box is its own section, its heading the
section's heading.

Every check splits names on fixed separators or uses anchored patterns without nested
repetition, so a hostile page costs linear time.
"""

from __future__ import annotations

import re

from taxcheck.readers.htmlsource import HtmlSource, SourceBlock

_FURNITURE_NAMES = frozenset({
    "cta", "toc", "bio", "author", "byline", "teaser", "disclaimer", "disclosure", "legal",
    "popular", "recent", "trending", "recommended", "tags", "categories", "archive",
    "archives", "search", "login", "donate", "follow", "rss", "profile", "contact"})
"""Names of a sidebar box that is furniture beyond what every reader drops (see
:data:`~taxcheck.readers.htmlsource._BOILERPLATE_NAMES`): a call to action, a table of
contents, an author's bio, a disclaimer, lists of posts."""
_NAME_SEPARATOR = re.compile(r"[\s_-]+")
_FURNITURE_HEADING = re.compile(
    r"(?:related\b|keep (?:reading|learning)|read (?:next|more)|more\b"
    r"|you (?:might|may) (?:also )?(?:like|enjoy)|(?:most )?popular"
    r"|most read|recent|similar|trending|recommended|further reading|see also|also (?:read|on)"
    r"|on this page|in this (?:article|guide|post|story)|(?:table of )?contents"
    r"|what you(?:'|\u2019)ll learn|about (?:the author|me|us)\b|meet (?:the|our)\b|share\b"
    r"|follow us|tags\b|categories\b|archives?\b|get (?:our|the)\b|join \d|sign up|subscribe"
    r"|(?:got|have) a (?:money |tax )?question|ready to\b|talk to\b|need (?:help|a)\b"
    r"|(?:popular )?tools\b|calculators?\b)", re.IGNORECASE)
"""A heading over related links, a table of contents, a bio, a sign-up or a call to
action ("Keep reading", "On this page", "About the author", "Ready to open an IRA?")."""
_ABOUT_NAME = re.compile(r"About [A-Z][a-z]+:?$")
"""An author's bio headed by a first name ("About Marcus")."""
_SIGN_UP = re.compile(r"\b(?:subscribe|unsubscribe|sign (?:me )?up|newsletter|in your inbox"
                      r"|no spam)\b", re.IGNORECASE)
"""Words of a newsletter box: a box that has them is a sign-up, whatever else it says."""
_TEASER_LINE = re.compile(r"(?:read|learn|see|view|find out) more\b|continue reading\b",
                          re.IGNORECASE)
"""A link's words that lead elsewhere ("Read more."): a line that opens with them is left out."""


def sidebar_boxes(page: HtmlSource) -> list[list[SourceBlock]]:
    """The boxes of the page's sidebars that state something, in page order, each a list of
    the box's blocks (its heading first, when it has one).

    A box is left out when it is furniture: named as such (:data:`_FURNITURE_NAMES`, or
    anything every reader drops, such as "newsletter" or "related", or inside a form or
    navigation), headed as such (:data:`_FURNITURE_HEADING`), or a sign-up
    (:data:`_SIGN_UP`). Of a box kept, a line that is mostly link text ("Open a Rollover
    IRA") or a teaser's "Read more" is left out, and a box left with no line but its
    heading is dropped."""
    boxes: list[list[SourceBlock]] = []
    current: list[SourceBlock] = []
    sidebar: int | None = None
    for b in page.blocks:
        if b.sidebar is None:
            continue
        if b.sidebar != sidebar or b.kind == "heading":
            boxes.append(current)
            current, sidebar = [], b.sidebar
        current.append(b)
    boxes.append(current)
    return [kept for box in boxes if box and (kept := _kept(box))]


def _kept(box: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks of a box that are kept ([] when the box is furniture)."""
    heading = box[0] if box[0].kind == "heading" else None
    if heading is not None and (_FURNITURE_HEADING.match(heading.text)
                                or _ABOUT_NAME.match(heading.text)):
        return []
    if any(not b.sidebar_only or _furniture_named(b.names) or _SIGN_UP.search(b.text)
           for b in box):
        return []
    lines = [b for b in box if b is not heading and not _mostly_links(b)
             and not _TEASER_LINE.match(b.text)]
    if not lines:
        return []
    return [heading, *lines] if heading is not None else lines


def _furniture_named(names: str) -> bool:
    return any(part in _FURNITURE_NAMES for part in _NAME_SEPARATOR.split(names))


def _mostly_links(block: SourceBlock) -> bool:
    """Half the block's visible text or more is link text (a list of related posts, a
    button)."""
    visible = sum(1 for ch in block.text if not ch.isspace())
    return 2 * block.links >= visible
