"""The scan cache: what checking an article produced, keyed by everything that decides it.

A key is the SHA-256 of the article's content and path, the claim database version,
the taxcheck version and a fingerprint of its code and templates, and the options that
change results (the tax year). An unchanged article under an unchanged database is never
checked twice; a changed claim changes every key, a changed article only its own.

Entries are files ``<dir>/<k[:2]>/<k>.json`` written atomically: a first line of JSON
with the key and the outcome, and a second with the full report (needed only to
render the article's page again, so it is not parsed otherwise). An entry that cannot
be read, does not parse or belongs to another key is deleted and recomputed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from taxcheck import __version__
from taxcheck.resources import data_dir

CACHE_FORMAT = 2
DEFAULT_CACHE_DIR = ".taxcheck-cache"


@cache
def code_fingerprint() -> str:
    """A hash of taxcheck's Python sources and templates, so code changes invalidate entries
    even when the version number stays the same (as it does during development)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    folders = [package]
    with contextlib.suppress(FileNotFoundError):
        folders.append(data_dir("templates"))
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".j2", ".css", ".js") and path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cache_key(content: str, path: str, *, claims_version: str, options: dict[str, Any]) -> str:
    """The key of one article's entry (hex SHA-256)."""
    parts = {"format": CACHE_FORMAT, "content": content, "path": path,
             "claims": claims_version, "taxcheck": __version__, "code": code_fingerprint(),
             "options": options}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class Cache:
    """A folder of cache entries. Safe to share between processes (atomic renames)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.discarded = 0
        """Entries found corrupt and deleted during this run."""

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry stored under ``key``, or None (a corrupt entry is deleted).

        The entry holds ``outcome`` (a dict) and ``report`` (the report's JSON, as bytes,
        or None for an input that could not be checked).
        """
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return None
        head, _, report = raw.partition(b"\n")
        try:
            entry = json.loads(head)
            if not (isinstance(entry, dict) and entry.get("key") == key
                    and entry.get("format") == CACHE_FORMAT
                    and isinstance(entry.get("outcome"), dict)):
                raise ValueError("not an entry for this key")
        except ValueError:
            self.discard(key)
            return None
        entry["report"] = report.strip() or None
        return entry

    def discard(self, key: str) -> None:
        """Delete an entry (it was corrupt)."""
        self.discarded += 1
        self._path(key).unlink(missing_ok=True)

    def put(self, key: str, outcome: dict[str, Any], report: str | None) -> None:
        """Store an entry atomically; a failure to write only costs a recheck next time.

        ``report`` is the report as JSON (one line), or None.
        """
        path = self._path(key)
        body = json.dumps({"format": CACHE_FORMAT, "key": key, "outcome": outcome},
                          ensure_ascii=False, separators=(",", ":"))
        if report is not None:
            body += "\n" + report
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(body)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
