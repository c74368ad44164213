"""Readers turn input files into :class:`~taxcheck.documents.Document` objects.

One module per format; :data:`READERS` maps a file suffix to its reader. Every
registered reader is a function ``(data: bytes, path: str) -> Document`` that decodes
the bytes as its format requires (text formats as UTF-8, HTML also in the charset its
``<meta>`` declares, ``.docx`` as a Word package). The text-level functions
(``read_plaintext``, ``read_markdown``, ``read_html``) take already-decoded text.
JSON Lines corpora are read record by record with
:func:`taxcheck.readers.jsonl.iter_records`.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.readers.decoding import decode, decode_text
from taxcheck.readers.lines import label_value
from taxcheck.readers.markdown import read_markdown
from taxcheck.readers.plaintext import read_plaintext

Reader = Callable[[bytes, str], Document]
TextReader = Callable[[str, str], Document]


def text_reader(read: TextReader) -> Reader:
    """Make a registry reader from a text reader: decode (see :func:`decode_text`), read."""

    def read_decoded(data: bytes, path: str) -> Document:
        decoded = decode_text(data, path)
        document = read(decoded.text, path)
        document.warnings[:0] = decoded.warnings
        return document

    read_decoded.__name__ = read_decoded.__qualname__ = f"{read.__name__}_bytes"
    read_decoded.__doc__ = read.__doc__
    return read_decoded


def read_html_bytes(data: bytes, path: str) -> Document:
    """:func:`taxcheck.readers.html.read_html_bytes`, imported when first used (the HTML
    and Word readers cost start-up time that a check of text or Markdown does not need)."""
    from taxcheck.readers.html import read_html_bytes as read

    return read(data, path)


def read_docx(data: bytes, path: str) -> Document:
    """:func:`taxcheck.readers.docx.read_docx`, imported when first used."""
    from taxcheck.readers.docx import read_docx as read

    return read(data, path)


HTML_SUFFIXES = (".html", ".htm")
"""Suffixes read as HTML pages."""

READERS: dict[str, Reader] = {
    ".txt": text_reader(read_plaintext),
    ".text": text_reader(read_plaintext),
    ".md": text_reader(read_markdown),
    ".markdown": text_reader(read_markdown),
    **dict.fromkeys(HTML_SUFFIXES, read_html_bytes),
    ".docx": read_docx,
}
"""Readers by lower-case file suffix: the formats taxcheck reads."""

DEFAULT_SUFFIX = ".txt"
"""Unknown suffixes are read as plain text."""

DEFAULT_MAX_BYTES = 10_000_000
"""Inputs larger than this (10 MB) are refused unless the limit is raised."""

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_SUFFIX",
    "HTML_SUFFIXES",
    "READERS",
    "Reader",
    "TextReader",
    "check_file_name",
    "decode",
    "decode_text",
    "printable_path",
    "read_bytes",
    "read_file_bytes",
    "read_path",
    "reader_for",
    "text_reader",
]


def reader_for(path: str, default: str = DEFAULT_SUFFIX) -> Reader:
    """Return the reader for a path's suffix (plain text for unknown suffixes)."""
    return READERS.get(Path(path).suffix.lower(), READERS[default])


def read_bytes(data: bytes, path: str, *, suffix: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article from raw bytes; ``path`` names it in errors and reports.

    The reader is chosen by ``suffix`` (e.g. ``".html"``) when given, else by the
    suffix of ``path``; unknown suffixes are read as plain text.
    """
    if len(data) > max_bytes:
        raise InputError(f"file is larger than the {max_bytes:,}-byte limit ({len(data):,} bytes)",
                         where=path, code="TC204")
    reader = READERS.get(suffix.lower(), READERS[DEFAULT_SUFFIX]) if suffix else reader_for(path)
    return with_label_rows(reader(data, path))


def with_label_rows(document: Document) -> Document:
    """Mark "Label: value" paragraphs and list items ("Employee deferral: $24,500") with
    their label (:attr:`Block.row`), whatever the format: the value is a statement about
    what the label and the heading above it name."""
    blocks = [b.model_copy(update={"row": pair[0]})
              if b.kind in ("paragraph", "list_item") and b.row is None
              and (pair := label_value(b.text)) else b
              for b in document.blocks]
    document.blocks = blocks
    return document


def read_file_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an article file; InputError when missing, unreadable or too large."""
    try:
        # O_NONBLOCK: opening a FIFO (named like an article) must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory, not a file", where=path, code="TC205")
            if not stat.S_ISREG(info.st_mode):
                raise InputError("is not a regular file (a pipe, socket or device); not read",
                                 where=path, code="TC205")
            if info.st_size > max_bytes:
                raise InputError(f"file is larger than the {max_bytes:,}-byte limit "
                                 f"({info.st_size:,} bytes)", where=path, code="TC204")
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew while we read it
            raise InputError(f"file is larger than the {max_bytes:,}-byte limit",
                             where=path, code="TC204")
        return data
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where=path, code="TC205") from None
    except FileNotFoundError:
        raise InputError("no such file", where=path, code="TC206") from None
    except PermissionError:
        raise InputError("permission denied", where=path, code="TC207") from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", where=path, code="TC207") from None


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              stdin_name: str | None = None) -> Document:
    """Read an article from a file, or from standard input when ``path`` is ``-``.

    ``stdin_name`` names what standard input holds: its suffix picks the reader and the
    findings are reported under it (else ``<stdin>``, read as plain text).
    """
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(max_bytes + 1), stdin_name or "<stdin>",
                          max_bytes=max_bytes)
    check_file_name(path)
    return read_bytes(read_file_bytes(path, max_bytes), path, max_bytes=max_bytes)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable_path(path: str) -> str:
    """A path on one line: its non-UTF-8 bytes and control characters shown as
    ``\\xNN`` escapes."""
    shown = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", shown)


def check_file_name(path: str) -> None:
    """Raise InputError (TC203) for a file name no report can hold: not UTF-8 (Python
    decodes such bytes as lone surrogates), or with control characters (a line break
    would split the one-line error and the ``path:line:col`` of a finding)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        what = "is not valid UTF-8"
    else:
        if not _CONTROL.search(path):
            return
        what = "holds control characters (a line break?)"
    raise InputError(f"file name {what}; rename the file to check it",
                     where=printable_path(path), code="TC203")
