"""Batch scanning: many articles in, review pages, an index and machine outputs out.

See :func:`taxcheck.scan.runner.run_scan`; ``taxcheck scan`` is its command line.
"""

from __future__ import annotations

from taxcheck.scan.runner import ScanOptions, ScanResult, run_scan

__all__ = ["ScanOptions", "ScanResult", "run_scan"]
