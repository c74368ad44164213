"""Checking editor buffers: settings per file, checkers kept warm, problems as outcomes.

The language server asks :class:`Engine` to check the text of an open document. The
settings come from the nearest configuration file of the document's path (read again on
every check, so an edited ``.taxcheck.toml`` applies at once); the checker for a set of
claim folders and a selection is built once and reused until a claim file in one of
those folders changes. Nothing here exits the process: a broken configuration, claim
database or document becomes a :class:`Problem` the server shows as one diagnostic.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taxcheck.errors import TaxcheckError

if TYPE_CHECKING:
    from taxcheck.checker import Checker
    from taxcheck.claimdb import ClaimDatabase
    from taxcheck.config import Settings
    from taxcheck.findings import Report

LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}
"""The reader for a document whose path has no known suffix, by LSP language id."""

MAX_CHECKERS = 4
"""Checkers kept at once (one per distinct claim folders and selection)."""


@dataclass(frozen=True)
class Problem:
    """Why a document could not be checked: one line per cause, and the first code."""

    code: str
    message: str
    line: int | None = None
    """The document line the problem is on (1-based), when it is in the document."""


@dataclass(frozen=True)
class Outcome:
    """The result of checking a buffer: a report, or the problem that stopped the check."""

    report: Report | None
    settings: Settings | None
    problem: Problem | None = None


def _claims_signature(folders: tuple[Path, ...]) -> tuple:
    """The claim files of the house folders with their modification times and sizes."""
    out = []
    for folder in folders:
        try:
            files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))
            for p in files:
                st = p.stat()
                out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(folder), None))
    return tuple(out)


def _problem(exc: TaxcheckError) -> Problem:
    errors = getattr(exc, "errors", None) or [exc]
    first = errors[0]
    code = getattr(first, "code", "TC000")
    return Problem(code=code, message="\n".join(str(e) for e in errors))


class Engine:
    """Checks document text with the settings of its path; builds each checker once."""

    def __init__(self, *, min_severity: str | None = None):
        self.min_severity = min_severity
        self._lock = threading.Lock()
        self._checkers: dict[tuple, Checker] = {}
        self._dbs: dict[tuple, ClaimDatabase] = {}


    def settings(self, path: Path) -> Settings:
        from taxcheck.config import load_settings

        overrides = {"min_severity": self.min_severity} if self.min_severity else {}
        return load_settings(path, overrides)

    def _checker(self, settings: Settings) -> Checker:
        from taxcheck.checker import Checker
        from taxcheck.claimdb import load_claims
        from taxcheck.cli.options import selection_errors
        from taxcheck.config import ConfigErrors
        from taxcheck.selection import ClaimSelection

        signature = _claims_signature(settings.claims)
        db_key = (settings.claims, signature)
        if db_key not in self._dbs:
            self._dbs = {db_key: load_claims(settings.claims)}
        db = self._dbs[db_key]
        key = (db_key, settings.enable, settings.disable, settings.min_confidence)
        if key not in self._checkers:
            errors = selection_errors(settings, db)
            if errors:
                raise ConfigErrors(errors)
            if len(self._checkers) >= MAX_CHECKERS:
                self._checkers.pop(next(iter(self._checkers)))
            selection = ClaimSelection(enable=settings.enable, disable=settings.disable,
                                       min_confidence=settings.min_confidence)
            self._checkers[key] = Checker(db, selection=selection)
        return self._checkers[key]

    def check(self, path: Path, text: str, language_id: str | None = None) -> Outcome:
        """Check ``text``, the buffer of the file at ``path`` (which need not exist)."""
        from taxcheck.readers import READERS, read_bytes

        settings = None
        try:
            settings = self.settings(path)
            if not text.strip():
                return Outcome(None, settings)
            suffix = path.suffix.lower()
            if suffix not in READERS:
                suffix = LANGUAGE_SUFFIXES.get(language_id or "", ".txt")
            with self._lock:
                checker = self._checker(settings)
                document = read_bytes(text.encode("utf-8"), str(path), suffix=suffix,
                                      max_bytes=settings.max_bytes)
                report = checker.check(document, tax_year=settings.tax_year)
            return Outcome(report, settings)
        except TaxcheckError as exc:
            return Outcome(None, settings, _problem(exc))
        except Exception as exc:  # a buffer must never crash the server
            return Outcome(None, settings, Problem(
                code="TC000", message=f"{path}: TC000 could not check this document "
                f"({type(exc).__name__}: {exc})"))
