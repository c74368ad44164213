"""JSON Lines input (corpora exported from a CMS), through ``taxcheck.readers.jsonl``.

The reader module is imported only when a ``.jsonl`` input is met, so a taxcheck without
it still scans every other format and names each JSON Lines file it could not read.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from taxcheck.documents import Document
from taxcheck.errors import InputError

JSONL_READER = "taxcheck.readers.jsonl"


def iter_jsonl(path: str) -> Iterator[Document | InputError]:
    """Yield each record of a JSON Lines file as a Document, or the error that spoiled it.

    A record's path is ``<file>#<id>``. An error that stops the whole file (unreadable,
    no reader) is yielded once, naming the file.
    """
    try:
        module = importlib.import_module(JSONL_READER)
    except ModuleNotFoundError as exc:
        if exc.name != JSONL_READER:
            raise
        yield InputError("JSON Lines input is not supported by this taxcheck "
                         f"(no module {JSONL_READER})", where=path, code="TC208")
        return
    try:
        yield from module.iter_records(path)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", where=path, code="TC207")


def estimate_records(path: str) -> int:
    """A quick count of a JSON Lines file's records, for the progress bar."""
    try:
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 1
