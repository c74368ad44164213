"""Readers turn input files into :class:`~taxcheck.documents.Document` objects.

One module per format; :data:`READERS` maps a file suffix to its reader. Every
reader is a function ``(source_text, path) -> Document``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.readers.markdown import read_markdown
from taxcheck.readers.plaintext import read_plaintext

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": read_plaintext,
    ".text": read_plaintext,
    ".md": read_markdown,
    ".markdown": read_markdown,
}

DEFAULT_MAX_BYTES = 10_000_000
"""Inputs larger than this (10 MB) are refused unless the limit is raised."""


def decode(data: bytes, path: str) -> str:
    """Decode article bytes as UTF-8 text, refusing binary and empty input."""
    if not data.strip():
        raise InputError("file is empty", where=path, code="TC201")
    if b"\x00" in data[:8192]:
        raise InputError("file is binary, not text", where=path, code="TC202")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file is not UTF-8 text (bad byte at offset {exc.start})",
                         where=path, code="TC203") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def reader_for(path: str, default: str = ".txt") -> Reader:
    """Return the reader for a path's suffix (plain text for unknown suffixes)."""
    return READERS.get(Path(path).suffix.lower(), READERS[default])


def read_bytes(data: bytes, path: str, *, suffix: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article from raw bytes; ``path`` names it in errors and reports."""
    if len(data) > max_bytes:
        raise InputError(f"file is larger than the {max_bytes:,}-byte limit ({len(data):,} bytes)",
                         where=path, code="TC204")
    text = decode(data, path)
    reader = READERS.get(suffix, read_plaintext) if suffix else reader_for(path)
    return reader(text, path)


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article from a file, or from standard input when ``path`` is ``-``."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=max_bytes)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, not a file", where=path, code="TC205")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is larger than the {max_bytes:,}-byte limit ({size:,} bytes)",
                             where=path, code="TC204")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where=path, code="TC206") from None
    except PermissionError:
        raise InputError("permission denied", where=path, code="TC207") from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", where=path, code="TC207") from None
    return read_bytes(data, path, max_bytes=max_bytes)
