"""The Dask worker plugin of ``taxcheck scan --engine dask`` (imports Dask: load it only
when that engine runs)."""

from __future__ import annotations

import hashlib
from typing import Any

from distributed import WorkerPlugin

from taxcheck.claimdb import ClaimDatabase
from taxcheck.selection import ClaimSelection


class CheckerPlugin(WorkerPlugin):
    """A Dask worker plugin: the claim database, shipped once, and one pipeline per worker.

    Registered under a name derived from the claim database and the checking options, so
    runs with other claims on the same cluster get their own; a worker that Dask starts
    to replace a dead one gets the plugin too.
    """

    idempotent = True
    """Registering it again (another run, same claims) keeps the workers' pipelines."""

    def __init__(self, db: ClaimDatabase, tax_year: int | None,
                 selection: ClaimSelection | None = None):
        self.db = db
        self.tax_year = tax_year
        self.selection = selection or ClaimSelection()
        digest = hashlib.sha256(f"{db.version}|{len(db.claims)}|{tax_year}|"
                                f"{self.selection.enable}|{self.selection.disable}|"
                                f"{self.selection.min_confidence}".encode())
        self.name = f"taxcheck-checker-{digest.hexdigest()[:12]}"
        self.checker: Any = None

    def setup(self, worker: Any = None) -> None:
        from taxcheck.checker import Checker

        self.checker = Checker(self.db, tax_year=self.tax_year, selection=self.selection)

    def teardown(self, worker: Any = None) -> None:
        self.checker = None

    def __getstate__(self) -> dict[str, Any]:
        return {"db": self.db, "tax_year": self.tax_year, "selection": self.selection,
                "name": self.name, "checker": None}
