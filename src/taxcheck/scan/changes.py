"""``scan --compare``: what changed since an earlier scan, article by article, and why.

The earlier scan's outputs are read before the new scan writes anything (the two may be
the same folder): its ``summary.json`` (the articles), ``findings.jsonl`` (their
findings) and ``claimdb.json`` (a snapshot of its claim database). Findings are matched by
their stable id (file, claim, sentence); a change is a finding that appeared, disappeared
or changed verdict. Its cause is what is known to have moved: the claim or its figure
(from the two database snapshots), the article's tax year, else the article itself (or
taxcheck).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from taxcheck.atomic import write_atomic
from taxcheck.errors import InputError
from taxcheck.findings import VERDICT_RANK
from taxcheck.scan.dependencies import (
    SNAPSHOT_FILE,
    Cause,
    DatabaseChanges,
    DatabaseSnapshot,
    diff,
    read_snapshot,
)
from taxcheck.scan.outputs import FINDINGS, SUMMARY

CHANGES_JSONL = "changes.jsonl"
CHANGES_HTML = "changes.html"
PROBLEMS = ("false", "outdated", "misleading")
STATUSES = ("newly false", "newly outdated", "newly misleading", "fixed", "newly verified",
            "changed")
"""An article's status, most in need of an editor first."""
COMPARE_ERROR = "TC240"


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _ArticleRow(_Loose):
    path: str
    title: str | None = None
    page: str | None = None
    error: str | None = None
    tax_year: int | None = None


class _FindingRow(_Loose):
    id: str
    page: str | None = None
    path: str
    claim_id: str
    verdict: str
    framing: str = "stated"
    severity: str
    message: str
    text: str
    line: int
    start: int
    suppressed: bool = False


@dataclass(frozen=True)
class Seen:
    """A finding as the comparison needs it."""

    claim_id: str
    verdict: str
    """The verdict, or ``myth`` for a wrong claim the article debunks."""
    severity: str
    message: str
    text: str
    line: int
    note: str | None
    """The finding's note on its article's page (``pages/x.html#note-3``)."""


@dataclass
class ArticleState:
    path: str
    title: str | None
    page: str | None
    tax_year: int | None
    error: str | None
    findings: dict[str, Seen] = field(default_factory=dict)


@dataclass
class ScanState:
    """One scan's outputs, as the comparison needs them."""

    folder: Path
    articles: dict[str, ArticleState]
    snapshot: DatabaseSnapshot | None


def _fail(path: Path, reason: str) -> InputError:
    return InputError(f"{reason} (is it a `taxcheck scan --out` folder?)", where=str(path),
                      code=COMPARE_ERROR)


def _iter_findings(path: Path) -> Iterator[_FindingRow]:
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        yield _FindingRow.model_validate_json(line)
                    except ValidationError:
                        raise _fail(path, f"line {number} is not a finding") from None
    except FileNotFoundError:
        raise _fail(path, "not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read it: {exc}") from None


def load_scan(folder: Path) -> ScanState:
    """Read a scan's outputs; raise InputError (one line, naming the file) when they are
    missing or malformed."""
    summary_path = folder / SUMMARY
    try:
        data = json.loads(summary_path.read_text(encoding="utf-8"))
        rows = [_ArticleRow.model_validate(a) for a in data["articles"]]
    except FileNotFoundError:
        raise _fail(summary_path, "not found") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError,
            ValidationError) as exc:
        reason = "not a scan summary" if not isinstance(exc, OSError) else f"cannot read: {exc}"
        raise _fail(summary_path, reason) from None
    articles = {r.path: ArticleState(r.path, r.title, r.page, r.tax_year, r.error)
                for r in rows}
    visible: dict[str, list[_FindingRow]] = {}
    for row in _iter_findings(folder / FINDINGS):
        if row.suppressed or row.path not in articles:
            continue
        visible.setdefault(row.path, []).append(row)
    for path, found in visible.items():
        article = articles[path]
        # numbered as the review page numbers its notes (taxcheck.render.html)
        found.sort(key=lambda f: (f.start, -VERDICT_RANK.get(f.verdict, 0), f.claim_id))
        for number, f in enumerate(found, start=1):
            page = f.page or article.page
            article.findings[f.id] = Seen(
                f.claim_id, "myth" if f.framing == "myth" else f.verdict, f.severity,
                f.message, f.text, f.line, f"{page}#note-{number}" if page else None)
    return ScanState(folder, articles, read_snapshot(folder / SNAPSHOT_FILE))


@dataclass(frozen=True)
class FindingChange:
    kind: str
    """``appeared``, ``disappeared`` or ``verdict changed``."""
    claim_id: str
    text: str
    line: int
    old: Seen | None
    new: Seen | None
    causes: tuple[Cause | str, ...]

    def as_dict(self) -> dict[str, Any]:
        now = self.new or self.old
        assert now is not None
        return {"kind": self.kind, "claim_id": self.claim_id, "text": self.text,
                "line": self.line,
                "old_verdict": self.old.verdict if self.old else None,
                "new_verdict": self.new.verdict if self.new else None,
                "message": now.message, "note": self.new.note if self.new else None,
                "causes": [c.as_dict() if isinstance(c, Cause) else {"kind": c}
                           for c in self.causes]}


@dataclass(frozen=True)
class ArticleChange:
    path: str
    title: str | None
    page: str | None
    status: str
    changes: tuple[FindingChange, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "title": self.title, "page": self.page,
                "status": self.status, "changes": [c.as_dict() for c in self.changes]}


@dataclass
class Comparison:
    """The articles that changed, most in need of an editor first, and what moved."""

    previous: Path
    articles: list[ArticleChange]
    database: list[str]
    """The claim database's changes, as text (empty when unchanged or unknown)."""
    database_known: bool
    added: int = 0
    """Articles in this scan only."""
    removed: int = 0
    """Articles in the earlier scan only."""

    def counts(self) -> dict[str, int]:
        out = {status: 0 for status in STATUSES}
        for article in self.articles:
            out[article.status] += 1
        return out

    def line(self) -> str:
        """The terminal summary: "2 articles changed: 1 newly outdated, 1 fixed"."""
        n = len(self.articles)
        parts = [f"{count:,} {status}" for status, count in self.counts().items() if count]
        text = f"{n:,} article{'s' * (n != 1)} changed" + (": " + ", ".join(parts)
                                                            if parts else "")
        extra = [f"{self.added:,} new" if self.added else "",
                 f"{self.removed:,} gone" if self.removed else ""]
        extra = [e for e in extra if e]
        return text + (f" ({', '.join(extra)} since the earlier scan)" if extra else "")


def _status(changes: list[FindingChange]) -> str:
    new_problems = [c.new.verdict for c in changes if c.new and c.new.verdict in PROBLEMS
                    and (c.old is None or VERDICT_RANK.get(c.old.verdict, 0)
                         < VERDICT_RANK[c.new.verdict] or c.old.verdict not in PROBLEMS)]
    if new_problems:
        return "newly " + max(new_problems, key=VERDICT_RANK.__getitem__)
    was_wrong = [c for c in changes if c.old and c.old.verdict in PROBLEMS]
    if was_wrong and all(c.new is None or c.new.verdict not in PROBLEMS for c in was_wrong):
        return "fixed"
    if any(c.new and c.new.verdict == "accurate" for c in changes):
        return "newly verified"
    return "changed"


def _causes(claim_id: str, old: ArticleState, new: ArticleState,
            database: DatabaseChanges | None) -> tuple[Cause | str, ...]:
    causes: list[Cause | str] = []
    if database is not None:
        causes.extend(database.causes.get(claim_id, ()))
    if old.tax_year is not None and new.tax_year is not None and old.tax_year != new.tax_year:
        causes.append(Cause("tax year moved", "tax year", None, str(old.tax_year),
                            str(new.tax_year)))
    if not causes:
        causes.append("the article changed (or taxcheck did)" if database is not None
                      else "unknown (the earlier scan has no claimdb.json)")
    return tuple(causes)


def _article_changes(old: ArticleState, new: ArticleState,
                     database: DatabaseChanges | None) -> list[FindingChange]:
    out = []
    for fid in sorted(old.findings.keys() | new.findings.keys(),
                      key=lambda i: (new.findings.get(i) or old.findings[i]).line):
        was, now = old.findings.get(fid), new.findings.get(fid)
        if was is not None and now is not None and was.verdict == now.verdict:
            continue
        kind = ("appeared" if was is None else "disappeared" if now is None
                else "verdict changed")
        seen = now or was
        assert seen is not None
        out.append(FindingChange(kind, seen.claim_id, seen.text, seen.line, was, now,
                                 _causes(seen.claim_id, old, new, database)))
    return out


def compare(old: ScanState, new: ScanState) -> Comparison:
    """Every article of both scans whose findings differ, most affected first."""
    database = (diff(old.snapshot, new.snapshot)
                if old.snapshot is not None and new.snapshot is not None else None)
    changed = []
    for path, now in new.articles.items():
        was = old.articles.get(path)
        if was is None or was.error or now.error:
            continue
        found = _article_changes(was, now, database)
        if found:
            changed.append(ArticleChange(path, now.title, now.page, _status(found),
                                         tuple(found)))
    changed.sort(key=lambda a: (STATUSES.index(a.status), -len(a.changes),
                                (a.title or a.path).casefold(), a.path))
    return Comparison(old.folder, changed, database.summary() if database else [],
                      database is not None,
                      added=sum(1 for p in new.articles if p not in old.articles),
                      removed=sum(1 for p in old.articles if p not in new.articles))


def write_changes(out_dir: Path, comparison: Comparison, *, claims_version: str,
                  reviewer: str | None = None) -> None:
    """Write changes.jsonl (one line per changed article) and changes.html."""
    from taxcheck.render.changes import render_changes

    lines = "".join(json.dumps(a.as_dict(), ensure_ascii=False) + "\n"
                    for a in comparison.articles)
    write_atomic(out_dir / CHANGES_JSONL, lines)
    write_atomic(out_dir / CHANGES_HTML, render_changes(comparison, claims_version=claims_version,
                                                        reviewer=reviewer))
