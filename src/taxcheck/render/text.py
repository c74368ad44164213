"""Terminal output: one line per finding, like a linter, then a summary line."""

from __future__ import annotations

import click

from taxcheck.calibration import confidence_word
from taxcheck.findings import SEVERITY_RANK, Finding, Report

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _visible(finding: Finding, min_severity: str) -> bool:
    return not finding.suppressed and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[
        min_severity]


def format_finding(f: Finding, *, colour: bool = False) -> str:
    """``path:line:col: severity [claim-id] message`` and the correction below it."""
    label = f.severity if f.framing == "stated" else "info"
    # a wrong claim's message names its verdict itself ("Says ... — false: ...")
    prefix = "verified: " if f.verdict == "accurate" else (
        "debunked myth: " if f.framing == "myth" else "")
    head = f"{f.path}:{f.line}:{f.column}: "
    sev = click.style(label, fg=_COLOURS[label], bold=True) if colour else label
    lines = [f"{head}{sev} [{f.claim_id}] {prefix}{f.message}"]
    lines.append(f"    text: {f.text}")
    lines.append(f"    confidence: {f.confidence:.2f} ({confidence_word(f.confidence)})")
    if f.verdict != "accurate" and f.framing == "stated":
        lines.append(f"    correct: {f.correction}")
        if f.citations:
            lines.append(f"    source: {f.citations[0].title} <{f.citations[0].url}>")
    return "\n".join(lines)


def format_concise(f: Finding, *, colour: bool = False) -> str:
    """``path:line:col: claim-id [*] verdict: message`` on one line (``[*]``: --fix can
    correct it)."""
    verdict = "verified" if f.verdict == "accurate" else f.verdict
    if f.framing == "myth":
        verdict = f"debunked myth ({f.verdict})"
    label = f.severity if f.framing == "stated" else "info"
    code = click.style(f.claim_id, fg=_COLOURS[label], bold=True) if colour else f.claim_id
    fixable = " [*]" if f.fix is not None else ""
    return f"{f.path}:{f.line}:{f.column}: {code}{fixable} {verdict}: {f.message}"


def summary_line(reports: list[Report]) -> str:
    """One line counting findings across all reports."""
    sev = {"error": 0, "warning": 0}
    verified = myths = 0
    for report in reports:
        for f in report.findings:
            if f.suppressed:
                continue
            if f.framing == "myth":
                myths += 1
            elif f.verdict == "accurate":
                verified += 1
            elif f.severity in sev:
                sev[f.severity] += 1
    files = len(reports)
    contradictions = sum(len(r.visible_contradictions()) for r in reports)
    parts = [f"{sev['error']} error{'s' * (sev['error'] != 1)}",
             f"{sev['warning']} warning{'s' * (sev['warning'] != 1)}",
             f"{verified} verified claim{'s' * (verified != 1)}"]
    if myths:
        parts.append(f"{myths} debunked myth{'s' * (myths != 1)}")
    if contradictions:
        parts.append(f"{contradictions} contradiction{'s' * (contradictions != 1)}")
    below = sum(r.below_confidence for r in reports)
    if below:
        parts.append(f"{below} less confident finding{'s' * (below != 1)} not shown "
                     "(--min-confidence 0 shows them)")
    return f"{', '.join(parts)} in {files} file{'s' * (files != 1)}"


def render_text(reports: list[Report], *, min_severity: str = "warning",
                colour: bool = False, **_: object) -> str:
    """Render findings at or above ``min_severity``, then the summary line."""
    out = []
    for report in reports:
        for f in report.findings:
            if _visible(f, min_severity):
                out.append(format_finding(f, colour=colour))
        if SEVERITY_RANK["warning"] >= SEVERITY_RANK[min_severity]:
            for c, wrong, _ in report.visible_contradictions():
                out.append(f"{wrong.path}:{wrong.line}:{wrong.column}: warning [contradiction] "
                           f"{c.message}")
    out.append(summary_line(reports))
    return "\n".join(out) + "\n"


def render_concise(reports: list[Report], *, min_severity: str = "warning",
                   colour: bool = False, **_: object) -> str:
    """One line per finding at or above ``min_severity``, then the summary line."""
    out = [format_concise(f, colour=colour) for report in reports for f in report.findings
           if _visible(f, min_severity)]
    fixable = sum(1 for r in reports for f in r.findings
                  if _visible(f, min_severity) and f.fix is not None)
    summary = summary_line(reports)
    if fixable:
        summary += f" ({fixable} fixable with --fix)"
    out.append(summary)
    return "\n".join(out) + "\n"


def render_statistics(reports: list[Report], *, min_severity: str = "warning",
                      colour: bool = False, **_: object) -> str:
    """Counts of the shown findings per claim id, most frequent first (as ``ruff
    --statistics``): count, claim id, ``[*]`` when --fix corrects them all, verdict."""
    counts: dict[str, list[Finding]] = {}
    for report in reports:
        for f in report.findings:
            if _visible(f, min_severity):
                counts.setdefault(f.claim_id, []).append(f)
    rows = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not rows:
        return ""
    width = max(len(claim_id) for claim_id, _ in rows)
    out = []
    for claim_id, found in rows:
        verdicts = sorted({"verified" if f.verdict == "accurate" else f.verdict
                           for f in found})
        fixable = "[*]" if all(f.fix is not None for f in found) else "   "
        code = click.style(f"{claim_id:<{width}}", bold=True) if colour else \
            f"{claim_id:<{width}}"
        out.append(f"{len(found):>5}  {code}  {fixable} {', '.join(verdicts)}")
    return "\n".join(out) + "\n"
