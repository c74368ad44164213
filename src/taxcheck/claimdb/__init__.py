"""The claim database: models, loader with file:line errors, and the loaded index."""

from __future__ import annotations

from pathlib import Path

from taxcheck.claimdb.cache import cached_load
from taxcheck.claimdb.database import ClaimDatabase
from taxcheck.claimdb.files import ClaimDatabaseErrors
from taxcheck.resources import data_dir

__all__ = ["ClaimDatabase", "ClaimDatabaseErrors", "builtin_claims_dir", "load_claims"]


def builtin_claims_dir() -> Path:
    """The claim database shipped with taxcheck."""
    return data_dir("claims")


def load_claims(extra: list[Path] | tuple[Path, ...] = ()) -> ClaimDatabase:
    """Load the built-in database plus any extra (house) claim folders.

    A database loaded before from the same files comes from the compiled cache
    (:mod:`taxcheck.claimdb.cache`).
    """
    return cached_load([builtin_claims_dir(), *extra], _parse)


def _parse(folders: list[Path]) -> ClaimDatabase:
    """Parse and validate the claim folders (imported only when the cache has no copy)."""
    from taxcheck.claimdb.loader import load_database

    return load_database(folders)
