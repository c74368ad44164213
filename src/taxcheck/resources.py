"""Locate the data shipped with taxcheck (claims/ and templates/)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the shipped data folder ``name`` ("claims" or "templates").

    Inside a wheel the folders live in the package; in a source checkout
    (editable install, tests) they sit at the repository root.
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"taxcheck data folder {name!r} not found next to {_PACKAGE_DIR}")
