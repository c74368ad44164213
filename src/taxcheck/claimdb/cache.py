"""The compiled claim database, kept between runs so that start-up does not parse YAML.

Loading the claim folders (parsing YAML, validating every claim, checking references)
costs more than anything else a small ``taxcheck check`` does. A successful load is
pickled, with its compiled lookups, to ``<user cache dir>/taxcheck/claimdb/<key>.pickle``,
where the key is a SHA-256 of everything that decides the result: the names and contents
of the YAML files of every claim folder and the folders' paths (so house claims count),
taxcheck's version, the source of the ``claimdb`` package (so a change of the models
during development counts) and the Python and pydantic versions.

A cache file is written atomically (a temporary file renamed into place), so a reader
never sees half of one. One that cannot be read or unpickled, or holds something else, is
ignored and replaced. A load that fails is never cached: its errors are reported every
time. ``$TAXCHECK_CACHE_DIR`` moves the cache (the tests use it); ``$XDG_CACHE_HOME`` is
honoured. The cache is a convenience: when it cannot be written, loading just proceeds.

The cache folder holds pickles, which run code when loaded: like any user cache it must
be writable only by its user (it is created with mode 0700).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from taxcheck import __version__
from taxcheck.claimdb.database import ClaimDatabase
from taxcheck.claimdb.files import read_claim_file
from taxcheck.gcpause import collector_paused

T = TypeVar("T")

CACHE_FORMAT = 1
KEEP = 8
"""Cache files kept; older ones (other databases or versions) are deleted."""


def cache_dir(kind: str = "claimdb") -> Path:
    """The folder compiled databases (or other compiled data: ``kind``) are kept in."""
    if override := os.environ.get("TAXCHECK_CACHE_DIR"):
        return Path(override) / kind
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "taxcheck" / kind


def _source_digest() -> bytes:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def cache_key(folders: Iterable[Path]) -> str | None:
    """The key of a load of ``folders``; None when a folder cannot be read (the loader
    reports that)."""
    import pydantic

    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0{sys.version}\0"
                            f"{pydantic.VERSION}\0".encode())
    digest.update(_source_digest())

    try:
        for folder in folders:
            folder = Path(folder).resolve()
            digest.update(b"\1" + str(folder).encode() + b"\0")
            for path in sorted(folder.glob("*.yaml")):
                data = read_claim_file(path)  # never blocks on a pipe named x.yaml
                if isinstance(data, OSError):
                    return None  # not cached: the loader reports the file
                digest.update(path.name.encode() + b"\0" + data + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def read_pickle(path: Path, kind: type[T]) -> T | None:
    """The ``kind`` object pickled at ``path``; None when there is none or it cannot be
    read (then the file is deleted, to be written again)."""
    try:
        with path.open("rb") as handle, collector_paused():  # (see taxcheck.gcpause)
            value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # unreadable, truncated or from an incompatible version
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return value if isinstance(value, kind) else None


def write_pickle(path: Path, value: object) -> None:
    """Write atomically; give up silently when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".cache.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink()


def cached_load(folders: list[Path], load: Callable[[list[Path]], ClaimDatabase]
                ) -> ClaimDatabase:
    """``load(folders)``, or its result from the cache when nothing it depends on changed."""
    key = cache_key(folders)
    if key is None:
        return load(folders)
    path = cache_dir() / f"{key}.pickle"
    db = read_pickle(path, ClaimDatabase)
    if db is None:
        db = load(folders)
        db.compile()
        write_pickle(path, db)
    return db
