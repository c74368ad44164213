"""Cutting JSON Lines corpora into partitions, and reading one partition's records.

The client only lists files and their sizes and cuts each file into byte ranges; the
workers open the files and read their own ranges. A line belongs to the range holding
its first byte, so every record is read exactly once whatever the cut. Records read
here are the same Documents, with the same paths and the same errors (``file:line``),
as :func:`taxcheck.readers.jsonl.iter_records` gives for the whole file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.readers.jsonl import DEFAULT_MAX_RECORD_BYTES, read_record

MIN_PARTITION_BYTES = 1 << 10
MAX_PARTITION_BYTES = 64 << 20
PARTITIONS_PER_WORKER = 4
"""Partitions per worker when the size is chosen automatically (balances the load)."""
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """A byte range of one JSON Lines file, read and checked by one worker task."""

    number: int
    path: str
    """The file as reports name it (as the local engine shows it)."""
    location: str
    """The absolute path the workers open (shared storage on a real cluster)."""
    start: int
    end: int


def auto_partition_bytes(total_bytes: int, workers: int) -> int:
    """A partition size giving each worker a few partitions, within sane bounds."""
    target = total_bytes // max(1, workers * PARTITIONS_PER_WORKER) + 1
    return max(MIN_PARTITION_BYTES, min(MAX_PARTITION_BYTES, target))


def cut(files: list[tuple[str, str, int]], partition_bytes: int) -> list[Partition]:
    """Partitions of ``(path shown, absolute path, size)`` files, in input order."""
    parts: list[Partition] = []
    for shown, location, size in files:
        start = 0
        while start < size or (start == 0 and size == 0):
            end = min(size, start + partition_bytes)
            parts.append(Partition(len(parts), shown, location, start, end))
            if size == 0:
                break
            start = end
    return parts


def _count_lines(handle: BinaryIO, upto: int) -> int:
    """Newlines in the first ``upto`` bytes (the line number before a range)."""
    handle.seek(0)
    count, left = 0, upto
    while left > 0:
        chunk = handle.read(min(_CHUNK, left))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def _read_line(handle: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """One line; when longer than ``max_bytes``, skip its rest and flag it."""
    line = handle.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, False
    while chunk := handle.readline(1 << 16):
        if chunk.endswith(b"\n"):
            break
    return b"", True


def _open_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", where=path, code="TC206")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not a file", where=path, code="TC205")
    if isinstance(exc, PermissionError):
        return InputError("permission denied", where=path, code="TC207")
    return InputError(f"cannot read file ({exc.strerror or exc})", where=path, code="TC207")


def read_partition(part: Partition, *, max_line_bytes: int = DEFAULT_MAX_RECORD_BYTES
                   ) -> Iterator[Document | InputError]:
    """The records whose line starts in the partition's range, or the error of each bad
    one; a file that cannot be opened gives one error (from its first partition only)."""
    try:
        handle = open(part.location, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        if part.start == 0:
            yield _open_error(part.path, exc)
        return
    with handle:
        number = _count_lines(handle, part.start)
        handle.seek(part.start)
        if part.start > 0:
            handle.seek(part.start - 1)
            if handle.read(1) != b"\n":  # the line in progress belongs to the range before
                handle.readline()
                number += 1
        while handle.tell() < part.end:
            line, too_long = _read_line(handle, max_line_bytes)
            if not line and not too_long:
                return
            number += 1
            where = f"{part.path}:{number}"
            if too_long:
                yield InputError(f"record is larger than the {max_line_bytes:,}-byte limit",
                                 where=where, code="TC204")
                continue
            if not line.strip():
                continue
            try:
                yield read_record(line, part.path, number)
            except InputError as exc:
                yield exc


def file_size(location: str) -> int:
    """The size of a file, or 0 when it cannot be read (its partition reports why)."""
    try:
        return os.stat(location).st_size
    except OSError:
        return 0
