"""Fixing wrong figures in article files: plan the edits, show them as a diff, write them.

Only figure findings carry a :class:`~taxcheck.findings.Fix` (one right value, an amount
written in digits). The edits are made in the file's own text: its line endings, byte
order mark and every other character stay as they were, and the file is replaced
atomically with its permissions kept. Word files are never rewritten.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from taxcheck.errors import InputError
from taxcheck.findings import SEVERITY_RANK, Fix, Report

_BOM = "\ufeff"
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class FilePlan:
    """The fixes for one file: its text before and after, and what was left alone."""

    path: str
    before: str
    after: str
    applied: list[Fix] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Why a fix was not made (one line each)."""

    @property
    def changed(self) -> bool:
        return self.before != self.after


def wanted_fixes(report: Report, min_severity: str = "warning") -> list[Fix]:
    """The fixes of the shown, unsuppressed problem findings, one per span.

    Two findings that fix the same amount the same way make one edit; if they disagree,
    the amount is ambiguous and neither is made.
    """
    by_span: dict[tuple[int, int], set[str]] = {}
    fixes: dict[tuple[int, int], Fix] = {}
    for f in report.findings:
        if (f.fix is None or f.suppressed or not f.is_problem
                or SEVERITY_RANK[f.severity] < SEVERITY_RANK[min_severity]):
            continue
        span = (f.fix.start, f.fix.end)
        by_span.setdefault(span, set()).add(f.fix.replacement)
        fixes.setdefault(span, f.fix)
    return [fixes[s] for s in sorted(fixes) if len(by_span[s]) == 1]


def _offset(starts: list[int], line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts):
        return None
    return starts[line - 1] + column - 1


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix], list[str]]:
    """Make ``fixes`` in ``text`` (the file's text as decoded, line endings kept).

    Positions are found by line and column, which line-ending normalisation does not
    change. A fix whose amount is no longer there, or that overlaps an earlier one, is
    skipped. Returns the new text, the fixes made and why the others were not.
    """
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    parts: list[str] = []
    applied: list[Fix] = []
    skipped: list[str] = []
    pos = 0
    for fix in sorted(fixes, key=lambda x: (x.line, x.column)):
        at = _offset(starts, fix.line, fix.column)
        if at is None or at < pos or text[at:at + len(fix.original)] != fix.original:
            skipped.append(f"{fix.line}:{fix.column}: {fix.original!r} is not where it was")
            continue
        parts.append(text[pos:at])
        parts.append(fix.replacement)
        pos = at + len(fix.original)
        applied.append(fix)
    parts.append(text[pos:])
    return "".join(parts), applied, skipped


def plan_file(path: str, report: Report, min_severity: str = "warning") -> FilePlan | None:
    """The fixes for the file at ``path`` (None when it has none to make).

    Raises:
        InputError: the file cannot be rewritten (a Word file, not UTF-8 text, unreadable).
    """
    fixes = wanted_fixes(report, min_severity)
    if not fixes:
        return None
    if Path(path).suffix.lower() == ".docx":
        raise InputError("cannot fix a Word file; fix the figures in Word", where=path,
                         code="TC220")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", where=path,
                         code="TC207") from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("cannot fix a file that is not UTF-8 text", where=path,
                         code="TC220") from None
    bom = _BOM if raw.startswith(_BOM) else ""
    after, applied, skipped = apply_fixes(raw[len(bom):], fixes)
    return FilePlan(path, raw, bom + after, applied, skipped)


def unified_diff(plan: FilePlan) -> str:
    """The plan as a unified diff (``a/PATH`` to ``b/PATH``)."""
    before = plan.before.splitlines(keepends=True)
    after = plan.after.splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{plan.path}", f"b/{plan.path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end "
                   "of file\n")
    return "".join(out)


def write_plan(plan: FilePlan) -> None:
    """Replace the file with its fixed text atomically, keeping its permissions.

    A symbolic link is followed: the file it points to is rewritten, the link stays.
    """
    target = Path(plan.path).resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(plan.after)
        shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
