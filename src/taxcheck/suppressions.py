"""Inline suppressions: comments in an article that silence findings.

The same HTML comments work in Markdown, HTML and plain text::

    <!-- taxcheck-disable [ID...] -->            from here on (until a matching enable)
    <!-- taxcheck-enable [ID...] -->             ends a disable
    <!-- taxcheck-disable-next-line [ID...] -->  the next line that holds text
    <!-- taxcheck-disable-line [ID...] -->       the line the comment is on

IDs are claim ids or topics, separated by spaces or commas; none means every claim.
Anything after `` -- `` is a note for people. Comments shown as code (inside a
Markdown code fence or a backtick code span) are examples, not directives.
Directives are found in the raw
:attr:`~taxcheck.documents.Document.source`, not in the blocks a reader made, so
they work the same for every reader that keeps the source text (readers drop the
comments from the prose). A suppressed finding is kept, marked ``suppressed``, so
JSON and SARIF can still show it; it counts for nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.findings import Finding
from taxcheck.selection import known_names, suggestion

DirectiveKind = Literal["disable", "enable", "disable-next-line", "disable-line"]
KINDS: tuple[str, ...] = ("disable", "enable", "disable-next-line", "disable-line")

_DIRECTIVE = re.compile(r"<!--\s*taxcheck-(?P<kind>[A-Za-z-]*)(?P<args>.*?)-->", re.DOTALL)
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_SEPARATOR = re.compile(r"[\s,]+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)


@dataclass(frozen=True)
class Directive:
    """One suppression comment.

    Attributes:
        kind: what it does.
        names: claim ids or topics it names (empty: every claim).
        start: its offset in the source.
        line: the line it starts on (1-based).
        target_line: for line directives, the line whose findings it silences.
    """

    kind: DirectiveKind
    names: frozenset[str]
    start: int
    line: int
    target_line: int | None = None

    def covers(self, claim_id: str, topic: str) -> bool:
        return not self.names or claim_id in self.names or topic in self.names


def _has_text(line: str) -> bool:
    return bool(_MARKUP.sub("", line).strip())


def _fenced_ranges(source: str) -> list[tuple[int, int]]:
    """Source ranges inside Markdown code fences (an unclosed fence runs to the end)."""
    ranges = []
    pos = 0
    while m := _FENCE.search(source, pos):
        fence = m.group(1)
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", re.M)
        line_end = source.find("\n", m.end())
        if line_end < 0:
            break
        end = close.search(source, line_end + 1)
        stop = end.end() if end else len(source)
        ranges.append((m.start(), stop))
        pos = stop
    return ranges


def _shown_as_code(source: str, start: int, fenced: list[tuple[int, int]]) -> bool:
    if any(a <= start < b for a, b in fenced):
        return True
    line_start = source.rfind("\n", 0, start) + 1
    return source.count("`", line_start, start) % 2 == 1


def _warning(document: Document, line: int, message: str, code: str) -> str:
    return str(InputError(message, where=f"{document.path}:{line}", code=code))


def parse_directives(document: Document) -> tuple[list[Directive], list[tuple[int, str]]]:
    """Find the suppression comments of a document.

    Returns the directives in source order and ``(line, warning)`` pairs
    (``path:line: TC251 ...``) for comments that start with ``taxcheck-`` but are
    no known directive.
    """
    source = document.source
    lines = source.split("\n")
    directives: list[Directive] = []
    warnings: list[tuple[int, str]] = []
    fenced = _fenced_ranges(source) if "```" in source or "~~~" in source else []
    for m in _DIRECTIVE.finditer(source):
        if _shown_as_code(source, m.start(), fenced):
            continue
        line, _ = document.line_col(m.start())
        kind = m.group("kind").lower()
        if kind not in KINDS:
            close = difflib.get_close_matches(kind, KINDS, n=1)
            hint = f"did you mean 'taxcheck-{close[0]}'? " if close else ""
            warnings.append((line, _warning(
                document, line, f"unknown suppression comment 'taxcheck-{kind}' ({hint}known: "
                f"{', '.join('taxcheck-' + k for k in KINDS)})", "TC251")))
            continue
        args = m.group("args").split("--", 1)[0]
        names = frozenset(n for n in _SEPARATOR.split(args) if n)
        target: int | None = None
        if kind == "disable-line":
            target = line
        elif kind == "disable-next-line":
            end_line, _ = document.line_col(m.end())
            target = next((i + 1 for i in range(end_line, len(lines)) if _has_text(lines[i])),
                          None)
        directives.append(Directive(kind, names, m.start(), line, target))  # type: ignore[arg-type]
    return directives, warnings


def _region_suppressor(regions: Iterable[Directive], offset: int, claim_id: str,
                       topic: str) -> Directive | None:
    """Replay disable/enable comments before ``offset``; the disable comment that turns
    the claim off there, or None when it is on."""
    all_off: Directive | None = None
    off: dict[str, Directive] = {}
    back_on: set[str] = set()
    for d in regions:
        if d.start > offset:
            break
        if d.kind == "disable" and not d.names:
            all_off, off, back_on = d, {}, set()
        elif d.kind == "disable":
            back_on -= d.names
            off.update(dict.fromkeys(d.names, d))
        elif not d.names:
            all_off, off, back_on = None, {}, set()
        else:
            for name in d.names:
                off.pop(name, None)
            back_on |= d.names
    in_names = {claim_id, topic} - {""}
    for name in sorted(in_names & off.keys()):
        return off[name]
    return all_off if all_off is not None and not in_names & back_on else None


def _line_suppressor(lines: Iterable[Directive], f: Finding, topic: str) -> Directive | None:
    for d in lines:
        if d.covers(f.claim_id, topic) and (
                f.line == d.target_line if d.kind == "disable-next-line"
                else f.line <= (d.target_line or 0) <= f.end_line):
            return d
    return None


def _unused(document: Document, directives: list[Directive], used: dict[int, set[str]],
            known: frozenset[str]) -> list[tuple[int, str]]:
    """Warnings (TC252) for disable comments, or names in them, that silence nothing."""
    out = []
    for d in directives:
        if d.kind == "enable":
            continue
        hit = used.get(d.start)
        if not d.names:
            if hit is None:
                out.append((d.line, _warning(
                    document, d.line, f"'taxcheck-{d.kind}' silences nothing here; remove it",
                    "TC252")))
            continue
        for name in sorted((d.names & known) - (hit or set())):
            out.append((d.line, _warning(
                document, d.line, f"'taxcheck-{d.kind} {name}' silences nothing here; "
                "remove it", "TC252")))
    return out


def apply_suppressions(document: Document, findings: list[Finding],
                       db: ClaimDatabase) -> tuple[list[Finding], list[str]]:
    """Mark the findings that the document's suppression comments silence.

    Returns the findings (same order, suppressed ones marked) and warnings for
    malformed comments (TC251), for names that are neither a claim id nor a topic
    (TC250, with the closest known name) and for disable comments that silence nothing
    (TC252, like ruff's unused ``noqa``); none stops the check.
    """
    directives, warnings = parse_directives(document)
    known = known_names(db)
    for d in directives:
        for name in sorted(d.names - known):
            warnings.append((d.line, _warning(
                document, d.line, f"suppression names unknown claim {name!r}"
                f"{suggestion(name, db)} (see `taxcheck claims list`)", "TC250")))
    if not directives:
        return findings, [message for _, message in sorted(warnings, key=lambda w: w[0])]
    topics = {c.id: c.topic for c in db.claims}
    regions = [d for d in directives if d.kind in ("disable", "enable")]
    lines = [d for d in directives if d.target_line is not None]
    used: dict[int, set[str]] = {}
    out = []
    for f in findings:
        topic = topics.get(f.claim_id, "")
        by = _line_suppressor(lines, f, topic) or _region_suppressor(regions, f.start,
                                                                      f.claim_id, topic)
        if by is not None:
            used.setdefault(by.start, set()).update({f.claim_id, topic} & by.names)
        out.append(f.model_copy(update={"suppressed": True}) if by is not None else f)
    warnings.extend(_unused(document, directives, used, known))
    return out, [message for _, message in sorted(warnings, key=lambda w: w[0])]
