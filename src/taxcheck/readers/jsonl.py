"""JSON Lines corpora: one article per line, read one record at a time.

Each non-blank line is a JSON object::

    {"id": "a-17", "text": "...", "url": "https://...", "title": "...", "date": "2025-03-01"}

with either ``text`` (read as Markdown, which covers plain text) or ``html`` (read
with the HTML reader; a fragment or a whole page). ``id``, ``url``, ``title`` and
``date`` are optional; when present they override what the content itself declares
(a date that cannot be parsed is ignored). Each Document's ``path`` is
``"<file>#<id>"``, or ``"<file>#<line number>"`` without an id, and its source
positions are positions in the record's ``text`` or ``html`` string.

:func:`iter_records` streams: it holds one line in memory at a time, so a scan can
process a corpus of any size. A bad record (invalid JSON, not an object, neither
text nor html, too large, not UTF-8) is yielded as an :class:`InputError` naming
``file:line`` and the other records go on.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.readers.html import read_html
from taxcheck.readers.lines import parse_date
from taxcheck.readers.markdown import read_markdown

SUFFIXES = (".jsonl", ".ndjson")
"""Suffixes of JSON Lines corpora."""

DEFAULT_MAX_RECORD_BYTES = 10_000_000
_CHUNK = 1 << 16


def iter_records(path: str | Path, *, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
                 ) -> Iterator[Document | InputError]:
    """Yield a Document for each record of a JSON Lines file, or an InputError for a bad one.

    Raises :class:`InputError` (before yielding anything) when the file itself cannot be
    opened. ``max_bytes`` limits the size of one line.
    """
    return _records(_open(path), str(path), max_bytes, read_record)


def iter_raw_records(path: str | Path, *, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
                     ) -> Iterator[RawRecord | InputError]:
    """Like :func:`iter_records`, but yield each record parsed and checked, not read:
    the article's reader (the slow part) runs when :meth:`RawRecord.document` is
    called, e.g. in a worker process under its time limit."""
    name = str(path)
    return _records(_open(path), name, max_bytes, parse_record)


def _open(path: str | Path) -> BinaryIO:
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer
        handle = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb")
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            handle.close()
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(path)
            raise InputError("is not a regular file (a pipe, socket or device); not read",
                             where=name, code="TC205")
        return handle
    except FileNotFoundError:
        raise InputError("no such file", where=name, code="TC206") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where=name, code="TC205") from None
    except PermissionError:
        raise InputError("permission denied", where=name, code="TC207") from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", where=name, code="TC207") from None


def _records(handle: BinaryIO, name: str, max_bytes: int,
             read: Callable[[bytes, str, int], Any]) -> Iterator[Any]:
    with handle:
        number = 0
        while True:
            line, too_long = _read_line(handle, max_bytes)
            if not line and not too_long:
                return
            number += 1
            where = f"{name}:{number}"
            if too_long:
                yield InputError(f"record is larger than the {max_bytes:,}-byte limit",
                                 where=where, code="TC204")
                continue
            if not line.strip():
                continue
            try:
                yield read(line, name, number)
            except InputError as exc:
                yield exc


def _read_line(handle: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """Read one line; if it is longer than ``max_bytes``, skip the rest and flag it."""
    line = handle.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, False
    while chunk := handle.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            break
    return b"", True


@dataclass(frozen=True)
class RawRecord:
    """One JSON Lines record, parsed and checked but not yet read as an article."""

    path: str
    """The article's path: ``<file>#<id>`` (or ``#<line number>``)."""
    where: str
    """``<file>:<line number>``, for errors."""
    content: str
    is_text: bool
    """True: ``content`` is the record's ``text`` (Markdown); False: its ``html``."""
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def document(self) -> Document:
        """Read the record's content with its reader (raises InputError naming file:line)."""
        reader = read_markdown if self.is_text else read_html
        try:
            document = reader(self.content, self.path)
        except InputError as exc:
            raise InputError(exc.message, where=self.where, code=exc.code) from None
        except RecursionError:
            raise InputError("record is nested too deeply to read", where=self.where,
                             code="TC211") from None
        fields = {"title": self.title, "url": self.url,
                  "date": parse_date(self.date) if self.date else None}
        meta = document.meta.model_copy(update={k: v for k, v in fields.items()
                                                if v is not None})
        return document.model_copy(update={"meta": meta})


def read_record(line: bytes | str, name: str, number: int) -> Document:
    """Read one JSON Lines record (line ``number`` of file ``name``) into a Document."""
    return parse_record(line, name, number).document()


def parse_record(line: bytes | str, name: str, number: int) -> RawRecord:
    """Parse and check one JSON Lines record without reading its content (fast)."""
    where = f"{name}:{number}"
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"record is not UTF-8 text (bad byte at offset {exc.start})",
                             where=where, code="TC203") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", where=where,
                         code="TC210") from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)", where=where, code="TC210") from None
    if not isinstance(record, dict):
        raise InputError(f"record is a JSON {_json_type(record)}, not an object", where=where,
                         code="TC211")
    record_id = record.get("id")
    label = str(record_id).strip() if isinstance(record_id, str | int) else ""
    doc_path = f"{name}#{label or number}"
    text, html = record.get("text"), record.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, not a JSON {_json_type(value)}',
                             where=where, code="TC211")
    is_text = text is not None and bool(text.strip())
    content = text if is_text else html
    if content is None or not content.strip():
        raise InputError('record has no "text" or "html" (or it is empty)', where=where,
                         code="TC211")
    fields = {key: _string(record.get(key)) for key in ("title", "url", "date")}
    for key, value in (("id", label), ("text" if is_text else "html", content), *fields.items()):
        if value and _lone_surrogate(value):
            raise InputError(f'"{key}" holds a lone surrogate (an unpaired \\ud800-\\udfff '
                             "escape): not Unicode text", where=where, code="TC203")
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    return RawRecord(path=doc_path, where=where, content=content, is_text=is_text, **fields)


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _json_type(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number", dict: "object"}.get(type(value), "value")
