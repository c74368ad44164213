"""Batch scanning: many articles in, review pages, an index and machine outputs out.

See :func:`taxcheck.scan.runner.run_scan`; ``taxcheck scan`` is its command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from taxcheck.scan.runner import ScanOptions, ScanResult, run_scan

__all__ = ["ScanOptions", "ScanResult", "run_scan"]


def __getattr__(name: str) -> Any:
    """Import the runner on first use: ``taxcheck check`` reads its inputs with
    :mod:`taxcheck.scan.inputs` and should not pay for the scan machinery."""
    if name in __all__:
        from taxcheck.scan import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
