"""Word (.docx) reader: paragraphs with their styles, list numbering and core properties.

Positions: a .docx has no lines, so the Document's ``source`` is the text of the
document's paragraphs, in reading order (body paragraphs, and the paragraphs of table
cells where the table stands), joined by ``"\\n"``; line breaks inside a paragraph
become spaces. A finding's ``line`` is therefore the paragraph number (1-based,
empty paragraphs included) and its ``column`` the character offset in that
paragraph plus one. Headers, footers, footnotes, comments and text boxes are not read.

Kinds: style ``Title`` is the title; ``Heading N`` (or a style based on one) a heading
of level N; ``Quote``/``Intense Quote`` a quote; a paragraph with list numbering
(direct or from its style, e.g. ``List Bullet``, ``List Number``) a list item, numbered
when its numbering format is not a bullet. A "By ..." line and a dateline near the top
are the byline and dateline, as in plain text.

Metadata comes from the core properties: title, author, ``identifier`` when it is a
URL, and the date last modified (else created) unless a dateline gives the date. The
placeholder properties of python-docx's default template are ignored.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from taxcheck.documents import ArticleMeta, Block, BlockBuilder, BlockKind, Document
from taxcheck.errors import InputError
from taxcheck.readers.lines import byline_author, dateline

MAX_UNCOMPRESSED = 200_000_000
"""Refuse packages whose parts unpack to more than this many bytes (zip bombs)."""
MAX_XML_PART = 25_000_000
"""Refuse an XML part (document.xml, styles, ...) that unpacks to more than this: over
two million words, and python-docx needs several times its size to parse it."""

_INFLATE_CHUNK = 1 << 16
_HEADING = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_STAMP = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADER_ZONE = 6
"""Bylines and datelines are looked for among the first paragraphs only."""


def read_docx(data: bytes, path: str) -> Document:
    """Read a Word .docx document into a Document."""
    if not data.strip():
        raise InputError("file is empty", where=path, code="TC201")
    package = _open(data, path)
    paragraphs = list(_paragraphs(package))
    texts = [re.sub(r"[\n\r\v\f]", " ", p.text) for p in paragraphs]
    source = "\n".join(texts)
    if not source.strip():
        raise InputError("document has no text", where=path, code="TC201")
    numbering = _Numbering(package)
    styles = _Styles(package)
    blocks: list[Block] = []
    meta = ArticleMeta()
    offset = 0
    for index, (para, text) in enumerate(zip(paragraphs, texts, strict=True)):
        start, offset = offset, offset + len(text) + 1
        content = text.strip()
        if not content:
            continue
        at = start + len(text) - len(text.lstrip())
        kind, level, number = _kind(para, numbering, styles)
        if kind == "paragraph" and index < _HEADER_ZONE and not _body_started(blocks):
            if (author := byline_author(content)) is not None:
                kind, meta.author = "byline", meta.author or author
            elif when := dateline(content):
                kind, meta.date = "dateline", meta.date or when
        builder = BlockBuilder()
        builder.add(content, at)
        blocks.append(builder.build(kind, level=level, number=number))
    _core_meta(package, meta, blocks)
    return Document(path=path, source=source, blocks=blocks, meta=meta)


def _open(data: bytes, path: str) -> Any:
    try:
        import docx  # optional: imported when a .docx is read
    except ImportError:
        raise InputError("reading .docx files needs python-docx (pip install python-docx)",
                         where=path, code="TC209") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("file is not a .docx document (not a zip archive, or truncated)",
                         where=path, code="TC208")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive, path)
        return docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds on broken packages
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise InputError(f"file is not a readable .docx document ({reason})", where=path,
                         code="TC208") from None


def _check_unpacked_size(archive: zipfile.ZipFile, path: str) -> None:
    """Inflate every member in small pieces, counting what comes out, and refuse the
    package past MAX_UNCOMPRESSED bytes, or an XML part past MAX_XML_PART (python-docx
    parses each whole, at several times its size): the sizes a zip declares may lie
    (zip bombs), so they only serve to refuse early."""
    total = 0
    for info in archive.infolist():
        limit, what = MAX_UNCOMPRESSED - total, "file unpacks"
        if info.filename.lower().endswith((".xml", ".rels")) and limit > MAX_XML_PART:
            limit, what = MAX_XML_PART, f"{info.filename} unpacks"
        size = info.file_size if info.file_size > limit else _inflated_size(archive, info,
                                                                            limit)
        if size > limit:
            cap = MAX_XML_PART if what != "file unpacks" else MAX_UNCOMPRESSED
            raise InputError(f"{what} to more than {cap:,} bytes", where=path, code="TC204")
        total += size


def _inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> int:
    """The bytes a member inflates to, counted up to just past ``limit``."""
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_INFLATE_CHUNK):
            size += len(chunk)
            if size > limit:
                break
    return size


def _paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs in reading order, descending into table cells (merged cells once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            seen: set[int] = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell)


def _body_started(blocks: list[Block]) -> bool:
    return any(b.kind not in ("title", "byline", "dateline") for b in blocks)


class _Styles:
    """The document's paragraph styles, indexed once by id (python-docx looks a style up
    by scanning every style, for every paragraph: minutes on a document of 100,000
    short paragraphs)."""

    def __init__(self, package: Any) -> None:
        self._by_id: dict[str, tuple[str, str | None, Any]] = {}
        self._default: str | None = None
        try:
            root = package.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in root.iter(f"{_W}style"):
            if style.get(f"{_W}type", "paragraph") != "paragraph":
                continue
            style_id = style.get(f"{_W}styleId") or ""
            name = style.find(f"{_W}name")
            based = style.find(f"{_W}basedOn")
            self._by_id.setdefault(style_id, (
                name.get(f"{_W}val", "") if name is not None else "",
                based.get(f"{_W}val") if based is not None else None, style))
            if self._default is None and style.get(f"{_W}default") in ("1", "true", "on"):
                self._default = style_id

    def chain(self, paragraph: Any) -> list[tuple[str, str, Any]]:
        """(name, id, element) of the paragraph's style and the styles it is based on."""
        ref = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = ref.get(f"{_W}val") if ref is not None else None
        if style_id not in self._by_id:
            style_id = self._default
        chain: list[tuple[str, str, Any]] = []
        seen: set[str] = set()
        while style_id is not None and style_id in self._by_id and style_id not in seen \
                and len(chain) < 10:
            seen.add(style_id)
            name, based, element = self._by_id[style_id]
            chain.append((name, style_id, element))
            style_id = based
        return chain


def _kind(para: Any, numbering: _Numbering, styles: _Styles
          ) -> tuple[BlockKind, int, int | None]:
    """Block kind, heading level and list number of a paragraph."""
    chain = styles.chain(para._p)
    for style_name, style_id, _ in chain:
        for name in (style_name, style_id):
            if name.lower() == "title":
                return "title", 1, None
            if m := _HEADING.match(name):
                return "heading", int(m.group(1)), None
            if name.lower().replace(" ", "") in ("quote", "intensequote"):
                return "quote", 0, None
    num = _num_properties(para, chain)
    if num is not None:
        return "list_item", 0, numbering.next_number(*num)
    return "paragraph", 0, None


def _num_properties(para: Any, chain: list[tuple[str, str, Any]]) -> tuple[str, int] | None:
    """The paragraph's (numId, level), directly or from its style chain."""
    candidates = [para._p] + [element for _, _, element in chain]
    for element in candidates:
        num_pr = element.find(f"{_W}pPr/{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        value = num_id.get(f"{_W}val") if num_id is not None else None
        if value in (None, "0"):
            return None  # numId 0 switches numbering off
        level = ilvl.get(f"{_W}val") if ilvl is not None else "0"
        return value, int(level) if level and level.isdigit() else 0
    return None


class _Numbering:
    """Numbering formats of a document and running counters per list and level."""

    def __init__(self, package: Any) -> None:
        self._formats: dict[tuple[str, int], str] = {}
        self._counters: dict[tuple[str, int], int] = {}
        try:
            root = package.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            for lvl in definition.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                ilvl = lvl.get(f"{_W}ilvl") or "0"
                self._formats[(num.get(f"{_W}numId"), int(ilvl) if ilvl.isdigit() else 0)] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal")

    def next_number(self, num_id: str, level: int) -> int | None:
        """The number of the next item of list ``num_id`` at ``level`` (None for bullets)."""
        for key in [k for k in self._counters if k[0] == num_id and k[1] > level]:
            del self._counters[key]
        fmt = self._formats.get((num_id, level), "bullet")
        if fmt in ("bullet", "none"):
            return None
        self._counters[(num_id, level)] = self._counters.get((num_id, level), 0) + 1
        return self._counters[(num_id, level)]


def _core_meta(package: Any, meta: ArticleMeta, blocks: list[Block]) -> None:
    props = package.core_properties
    title = (props.title or "").strip()
    meta.title = title or next((b.text for b in blocks if b.kind == "title"), None)
    author = (props.author or "").strip()
    if author and author != _TEMPLATE_AUTHOR and meta.author is None:
        meta.author = author
    identifier = (props.identifier or "").strip()
    if identifier.startswith(("http://", "https://")):
        meta.url = identifier
    if meta.date is None:
        for stamp in (props.modified, props.created):
            if stamp is not None and _utc(stamp) != _TEMPLATE_STAMP:
                meta.date = stamp.date()
                break


def _utc(stamp: dt.datetime) -> dt.datetime:
    return stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)
