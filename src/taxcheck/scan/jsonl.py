"""JSON Lines input (corpora exported from a CMS), through ``taxcheck.readers.jsonl``."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from taxcheck.errors import InputError
from taxcheck.readers.jsonl import RawRecord, iter_raw_records


def iter_jsonl(path: str, max_bytes: int) -> Iterator[RawRecord | InputError]:
    """Yield each record of a JSON Lines file, parsed but not yet read (a worker reads
    it, under its time limit), or the error that spoiled it.

    A record's path is ``<file>#<id>``. A line over ``max_bytes`` is an error. An error
    that stops the whole file (unreadable) is yielded once, naming the file.
    """
    try:
        yield from iter_raw_records(path, max_bytes=max_bytes)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", where=path, code="TC207")


def estimate_records(path: str) -> int:
    """A quick count of a JSON Lines file's records, for the progress bar."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1  # a pipe or device is reported, never opened
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 1
