"""The visible text of an HTML source, character by character, with source offsets.

Extraction libraries return the article's text but not where it came from. This
module scans the HTML source once (with the standard library's tokenizer, so
scripts, styles and comments are recognised exactly as a browser would) and keeps:

* the visible text as a stream of non-space characters, entity-decoded, each with
  its offset in the source and the offset of the block element around it, so an
  extracted text run can be found again and mapped back (:func:`locate`);
* the page's own blocks (headings, paragraphs, list items, quotes) with boilerplate
  containers (navigation, footers, forms, cookie banners, ads, comments) marked,
  used for HTML fragments and as a fallback when extraction finds nothing;
* the metadata tags (``<meta>``, ``<link>``, JSON-LD scripts, ``<title>``,
  ``<time>``) that :mod:`taxcheck.readers.htmlmeta` reads.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from taxcheck.documents import BlockKind, Segment

IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff") | frozenset(
    chr(c) for c in (*range(0x00, 0x09), *range(0x0e, 0x1c)))
"""Characters that carry no visible text: extractors may drop them, so matching skips them.
Besides the soft hyphen and the zero-width characters, the C0 control characters that are
not white space (an ESC pasted into a table cell): XML has no place for them, so lxml
refuses a table cell that holds one."""

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                   "meta", "param", "source", "track", "wbr"})
_INVISIBLE = frozenset({"script", "style", "template", "noscript", "title", "svg", "math",
                        "iframe", "object", "select", "textarea"})
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd",
                    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                    "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
                    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form", "button", "menu", "dialog"})
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:cookie|consent|gdpr|banner|newsletter|subscribe|signup|comments?|related|"
    r"share|sharing|social|promo|advert|advertisement|ads?|sponsor|sidebar|popup|modal|"
    r"breadcrumbs?|menu|navigation|masthead|footer|paywall|recirc)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}
_SIDEBAR_NAMES = re.compile(r"sidebar|complementary", re.IGNORECASE)
"""Names of a sidebar container (``<div class="sidebar">``, ``role="complementary"``)."""


@dataclass
class SourceBlock:
    """A block of the page itself: its kind, its text and where its text lies in the stream."""

    kind: BlockKind
    text: str
    start: int
    """Index of the block's first character in :attr:`HtmlSource.chars`."""
    level: int = 0
    number: int | None = None
    boilerplate: bool = False
    in_article: bool = False
    cell: tuple[int, int, int] | None = None
    """(table, row, column) of a table cell's text: the table's number in the page, the
    row's and the cell's index in it."""
    term: str | None = None
    """``dt`` or ``dd`` for a definition list's term or description."""
    head: bool = False
    """A table's header cell (``<th>``)."""
    header_only: bool = False
    """Boilerplate only because it lies in a ``<header>`` outside ``<article>``/``<main>``
    (a section's or the article's header on a page without an article element)."""
    sidebar: int | None = None
    """Source offset of the start tag of the sidebar the block lies in (the outermost
    ``<aside>``, ``role="complementary"`` or element named "sidebar" around it), else None."""
    sidebar_only: bool = False
    """In a sidebar, and boilerplate only because of that: no container around it is named
    or tagged as other furniture (a newsletter box, related links, a form, navigation)."""
    names: str = ""
    """The class, id and role names of the containers from the sidebar inward."""
    links: int = 0
    """How many of the block's visible characters are link text."""


@dataclass
class HtmlSource:
    """What a scan of one HTML source found."""

    source: str
    chars: str = ""
    """Visible text without whitespace: the stream extracted text is matched against."""
    positions: list[int] = field(default_factory=list)
    """Source offset of each character of :attr:`chars`."""
    owners: list[int] = field(default_factory=list)
    """Source offset of the start tag of the block element around each character."""
    boilerplate: bytearray = field(default_factory=bytearray)
    """1 for each character of :attr:`chars` inside a boilerplate container (nav, footer ...)."""
    space_before: bytearray = field(default_factory=bytearray)
    """1 for each character of :attr:`chars` that a browser shows after a space or a break."""
    blocks: list[SourceBlock] = field(default_factory=list)
    metas: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    title: str | None = None
    times: list[str] = field(default_factory=list)
    """``datetime`` attributes of ``<time>`` elements, in page order."""
    is_page: bool = False
    """True for a whole page (a doctype, ``<html>``, ``<head>``, ``<title>`` or ``<body>``)."""

    def owner_at(self, index: int) -> int:
        """The block element around stream character ``index`` (clamped to the stream)."""
        if not self.owners:
            return 0
        return self.owners[min(max(index, 0), len(self.owners) - 1)]


def scan_html(source: str) -> HtmlSource:
    """Scan an HTML source (already decoded, newlines normalised) once."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    return scanner.finish()


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.out = HtmlSource(source=source)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._stack: list[tuple[str, int, bool]] = []  # (tag, start offset, boilerplate)
        self._header_marks: list[bool] = []  # per stack entry: boilerplate only as a <header>
        self._sidebar_marks: list[bool] = []  # per stack entry: a sidebar container
        self._other_marks: list[bool] = []  # per stack entry: furniture other than a sidebar
        self._names: list[str] = []  # per stack entry: its class, id and role names
        self._sidebars = 0
        self._other_boilerplate = 0
        self._link = 0
        self._link_chars = 0
        self._header_boilerplate = 0
        self._invisible = 0
        self._boilerplate = 0
        self._article = 0
        self._ol_counters: list[int | None] = []
        self._block_tag = "body"
        self._block_owner = 0
        self._number: int | None = None
        self._text: list[str] = []
        self._text_start = 0
        self._script: list[str] | None = None
        self._title: list[str] | None = None
        self._chars: list[str] = []
        self._space = False
        self._tables: list[list[int]] = []  # per open <table>: [number, row, column]
        self._table_count = 0

    # -- positions -------------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # -- tags ------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, {k: v or "" for k, v in attrs}, void=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, {k: v or "" for k, v in attrs}, void=True)

    def _start(self, tag: str, attrs: dict[str, str], *, void: bool) -> None:
        offset = self._offset()
        if tag in ("html", "head", "body", "title"):
            self.out.is_page = True
        if tag == "body" and any(name == "head" for name, _, _ in self._stack):
            self._end("head")
        self._collect_meta(tag, attrs)
        if tag in _BLOCK or tag == "br":
            self._flush()
            self._space = True
        if void:
            return
        if tag in ("p", "li", "dt", "dd") and self._stack and self._stack[-1][0] == tag:
            self._end(tag)  # an unclosed <p> or <li> ends at the next one
        names = f"{attrs.get('class', '')} {attrs.get('id', '')} {attrs.get('role', '')}"
        named = tag in _BOILERPLATE_TAGS or bool(_BOILERPLATE_NAMES.search(names))
        header_only = not named and tag == "header" and not self._article
        boilerplate = named or header_only
        sidebar = tag == "aside" or bool(_SIDEBAR_NAMES.search(names))
        other = header_only or (tag in _BOILERPLATE_TAGS and tag != "aside") or bool(
            _BOILERPLATE_NAMES.search(_SIDEBAR_NAMES.sub(" ", names)))
        self._stack.append((tag, offset, boilerplate))
        self._header_marks.append(header_only)
        self._header_boilerplate += header_only
        self._sidebar_marks.append(sidebar)
        self._other_marks.append(other)
        self._names.append(" ".join(names.split()).lower())
        self._sidebars += sidebar
        self._other_boilerplate += other
        self._link += tag == "a"
        self._invisible += tag in _INVISIBLE
        self._boilerplate += boilerplate
        self._article += tag in ("article", "main")
        self._open_list(tag, attrs)
        self._open_cell(tag)
        if tag in _BLOCK:
            self._enter_block(tag, offset)
        self._start_capture(tag, attrs)

    def _open_list(self, tag: str, attrs: dict[str, str]) -> None:
        """Start counting the items of an <ol> (from its start attribute); <ul> has none."""
        if tag == "ol":
            start = attrs.get("start", "1")
            self._ol_counters.append(int(start) if start.strip().isdigit() else 1)
        elif tag == "ul":
            self._ol_counters.append(None)

    def _open_cell(self, tag: str) -> None:
        """Count tables, rows and cells, so a cell's text knows its place."""
        if tag == "table":
            self._table_count += 1
            self._tables.append([self._table_count, -1, -1])
        elif tag == "tr" and self._tables:
            self._tables[-1][1] += 1
            self._tables[-1][2] = -1
        elif tag in ("td", "th") and self._tables:
            self._tables[-1][2] += 1

    def _enter_block(self, tag: str, offset: int) -> None:
        """Make ``tag`` the current block; an <li> of an <ol> takes the next number."""
        self._block_tag, self._block_owner = tag, offset
        if tag == "li":
            self._number = None
            if self._ol_counters and self._ol_counters[-1] is not None:
                self._number = self._ol_counters[-1]
                self._ol_counters[-1] += 1

    def _start_capture(self, tag: str, attrs: dict[str, str]) -> None:
        """Collect the text of a JSON-LD script or of the page's first <title>."""
        if tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self._script = []
        if tag == "title" and self.out.title is None:
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        if any(t == tag for t, _, _ in self._stack):
            self._end(tag)

    def _end(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
            self._space = True
        while self._stack:
            name, _, boilerplate = self._stack.pop()
            self._header_boilerplate -= self._header_marks.pop()
            self._sidebars -= self._sidebar_marks.pop()
            self._other_boilerplate -= self._other_marks.pop()
            self._names.pop()
            self._link -= name == "a"
            self._invisible -= name in _INVISIBLE
            self._boilerplate -= boilerplate
            self._article -= name in ("article", "main")
            if name in ("ol", "ul") and self._ol_counters:
                self._ol_counters.pop()
            if name == "table" and self._tables:
                self._tables.pop()
            if name == "script" and self._script is not None:
                self.out.json_ld.append("".join(self._script))
                self._script = None
            if name == "title" and self._title is not None:
                self.out.title = " ".join("".join(self._title).split()) or None
                self._title = None
            if name == tag:
                break
        for name, offset, _ in reversed(self._stack):
            if name in _BLOCK:
                self._block_tag, self._block_owner = name, offset
                break
        else:
            self._block_tag, self._block_owner = "body", 0

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype"):
            self.out.is_page = True

    # -- text ------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._title is not None:
            self._title.append(data)
        if self._invisible:
            return
        start = self._offset()
        self._add(data, [start + i for i in range(len(data))])

    def handle_entityref(self, name: str) -> None:
        self._reference(name)

    def handle_charref(self, name: str) -> None:
        self._reference(name)

    def _reference(self, name: str) -> None:
        start = self._offset()
        end = start + 1 + len(name)
        if self._source.startswith("#", start + 1):
            end += 1
        if self._source.startswith(";", end):
            end += 1
        raw = self._source[start:end]
        decoded = html.unescape(raw)
        if self._title is not None:
            self._title.append(decoded)
        if self._invisible:
            return
        if decoded == raw:
            self._add(decoded, [start + i for i in range(len(decoded))])
        else:
            self._add(decoded, [start] * len(decoded))

    def _add(self, text: str, offsets: list[int]) -> None:
        out = self.out
        if not self._text:
            self._text_start = len(out.positions)
        self._text.append(text)
        kept: list[str] = []
        for ch, pos in zip(text, offsets, strict=True):
            if ch.isspace():
                self._space = True
            elif ch not in IGNORABLE:
                kept.append(ch)
                out.positions.append(pos)
                out.space_before.append(self._space)
                self._space = False
        if kept:
            if self._link:
                self._link_chars += len(kept)
            self._chars.append("".join(kept))
            out.owners.extend([self._block_owner] * len(kept))
            out.boilerplate.extend([self._boilerplate > 0] * len(kept))

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        links, self._link_chars = self._link_chars, 0
        if not text:
            return
        tag = self._block_tag
        inside = {name for name, _, _ in self._stack}
        kind: BlockKind = "paragraph"
        level = 0
        if tag in _HEADING_LEVEL:
            kind, level = "heading", _HEADING_LEVEL[tag]
        elif tag == "li":
            kind = "list_item"
        elif "blockquote" in inside:
            kind = "quote"
        cell = None
        if self._tables and inside & {"td", "th"}:
            number, row, column = self._tables[-1]
            cell = (number, row, column)
        term = next((name for name, _, _ in reversed(self._stack) if name in ("dt", "dd")),
                    None)
        self.out.blocks.append(SourceBlock(
            kind=kind, text=text, start=self._text_start, level=level,
            number=self._number if kind == "list_item" else None,
            boilerplate=self._boilerplate > 0, in_article=self._article > 0,
            cell=cell, term=term, head=cell is not None and _in_header_cell(self._stack),
            header_only=0 < self._boilerplate == self._header_boilerplate,
            links=links, **self._sidebar_fields()))

    def _sidebar_fields(self) -> dict:
        """Where the text being flushed lies as to the page's sidebars (see
        :attr:`SourceBlock.sidebar`)."""
        if not self._sidebars:
            return {}
        first = self._sidebar_marks.index(True)
        return {"sidebar": self._stack[first][1], "sidebar_only": not self._other_boilerplate,
                "names": " ".join(n for n in self._names[first:] if n)}

    # -- metadata --------------------------------------------------------------------------
    def _collect_meta(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            self.out.metas.append(attrs)
        elif tag == "link":
            self.out.links.append(attrs)
        elif tag == "time" and attrs.get("datetime"):
            self.out.times.append(attrs["datetime"])

    def finish(self) -> HtmlSource:
        while self._stack:
            self._end(self._stack[-1][0])
        self._flush()
        self.out.chars = "".join(self._chars)
        return self.out


def _in_header_cell(stack: list[tuple[str, int, bool]]) -> bool:
    """The innermost table cell open on ``stack`` is a header cell (``<th>``)."""
    return next((name for name, _, _ in reversed(stack) if name in ("td", "th")), "") == "th"


# -- locating extracted text ------------------------------------------------------------------

@dataclass
class Located:
    """One extracted block as found in the page: its text, segments and stream position."""

    text: str
    """The block text; when found exactly, spaced as the page shows it."""
    segments: tuple[Segment, ...]
    start: int | None
    """Stream index of the block's first matched character (None: nothing matched)."""
    end: int
    """Stream index just past the block's last matched character (the new cursor)."""
    exact: bool


def _key(text: str) -> tuple[str, list[int]]:
    """The text's visible characters (no whitespace) and their indices in ``text``."""
    idx = [i for i, ch in enumerate(text) if not ch.isspace() and ch not in IGNORABLE]
    return "".join(text[i] for i in idx), idx


def locate(page: HtmlSource, text: str, cursor: int) -> Located:
    """Find ``text`` (extracted from the page) in the page's stream, from ``cursor`` on.

    The whole text is looked for first (forward from ``cursor``, then anywhere); when
    found, the block text is rebuilt from the page, with spaces where the page shows
    them (extractors sometimes drop or add a space around inline markup). Failing that,
    each word is looked for in turn near the previous match. Characters that are found
    map to their exact source offsets; whitespace maps to the source's whitespace when
    it is the same single character; a word that is not found is anchored where the
    next found word starts (else just where the previous one is), and a block of which
    nothing is found is anchored to the start tag of the element around the cursor.
    """
    key, _ = _key(text)
    found = _find(page, key, cursor)
    if found < 0 and cursor:
        found = _find(page, key, 0)
    exact = found >= 0
    first: int | None = None
    end = cursor
    if exact:
        parts: list[str] = []
        src: list[int | None] = []
        for k in range(found, found + len(key)):
            if k > found and page.space_before[k]:
                parts.append(" ")
                src.append(None)
            parts.append(page.chars[k])
            src.append(page.positions[k])
        text = "".join(parts)
        first, end = found, max(cursor, found + len(key))
    else:
        src = [None] * len(text)
        pos = cursor
        window = max(400, 4 * len(key))
        for word in re.finditer(r"\S+", text):
            wkey, widx = _key(word.group())
            if not wkey:
                continue
            hit = page.chars.find(wkey, pos, pos + window + len(wkey))
            if hit < 0:
                continue
            for k, i in enumerate(widx):
                src[word.start() + i] = page.positions[hit + k]
            first = hit if first is None else first
            pos = end = hit + len(wkey)
    fallback = page.owner_at(first if first is not None else cursor)
    return Located(text=text, segments=_segments(page.source, text, src, fallback), start=first,
                   end=end, exact=exact)


def _find(page: HtmlSource, key: str, start: int) -> int:
    """First occurrence of ``key`` from ``start`` on, outside boilerplate if there is one."""
    if not key:
        return -1
    first = hit = page.chars.find(key, start)
    while hit >= 0 and page.boilerplate[hit]:
        hit = page.chars.find(key, hit + 1)
    return hit if hit >= 0 else first


def _segments(source: str, text: str, src: list[int | None], fallback: int) -> tuple[Segment, ...]:
    """Turn per-character source offsets into verbatim runs and zero-length anchors."""
    _match_whitespace(source, text, src)
    return _runs(source, text, src, _anchors(src, fallback))


def _match_whitespace(source: str, text: str, src: list[int | None]) -> None:
    """Give a whitespace character without an offset the source's one between its neighbours,
    when the source has that same single character there."""
    n = len(text)
    for i, ch in enumerate(text):
        if src[i] is None and ch.isspace() and 0 < i < n - 1:
            before, after = src[i - 1], src[i + 1]
            if (before is not None and after is not None and after == before + 2
                    and source[before + 1] == ch):
                src[i] = before + 1


def _anchors(src: list[int | None], fallback: int) -> list[int]:
    """Each character's source offset; for characters without one, the next found character,
    else the element around the previous one (``fallback`` before any)."""
    n = len(src)
    anchors: list[int] = [0] * n
    following: int | None = None
    for i in range(n - 1, -1, -1):
        if src[i] is not None:
            following = src[i]
        anchors[i] = src[i] if src[i] is not None else (following if following is not None
                                                       else -1)
    last = fallback
    for i in range(n):
        if anchors[i] == -1:
            anchors[i] = last
        elif src[i] is not None:
            last = src[i]  # type: ignore[assignment]
    return anchors


def _runs(source: str, text: str, src: list[int | None], anchors: list[int]
          ) -> tuple[Segment, ...]:
    """Verbatim runs where the text is the source's characters, a zero-length anchor where it
    is not (one per anchor)."""
    segments: list[Segment] = []
    run_start = run_src = -1
    run_len = 0
    synthetic_at: int | None = None

    def close_run() -> None:
        nonlocal run_len
        if run_len:
            segments.append(Segment(text_start=run_start, source_start=run_src, length=run_len))
        run_len = 0

    for i, ch in enumerate(text):
        pos = src[i]
        verbatim = pos is not None and pos < len(source) and source[pos] == ch
        if verbatim:
            synthetic_at = None
            if run_len and pos == run_src + run_len:
                run_len += 1
                continue
            close_run()
            run_start, run_src, run_len = i, pos, 1  # type: ignore[assignment]
            continue
        close_run()
        if synthetic_at != anchors[i]:
            segments.append(Segment(text_start=i, source_start=anchors[i], length=0))
            synthetic_at = anchors[i]
    close_run()
    return tuple(segments)
