"""GitHub Actions output: workflow-command annotations and a step-summary table.

Each visible finding becomes one line
``::error file=F,line=L,endLine=E,col=C,endColumn=D,title=T::message``
(``::warning`` and ``::notice`` for the lower severities), most important first,
because a step shows only about ten annotations of each kind; a contradiction is a
``::warning`` at the wrong sentence, after the other warnings. The full list goes to
the Markdown step summary (:func:`render_step_summary`), which the command line
appends to ``$GITHUB_STEP_SUMMARY`` when it is set.
"""

from __future__ import annotations

from taxcheck.findings import SEVERITY_RANK, VERDICT_RANK, Contradiction, Finding, Report
from taxcheck.render.text import summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow-command message: ``%``, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow-command property value: as a message, plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _verdict(f: Finding) -> str:
    if f.framing == "myth":
        return f"debunked myth ({f.verdict})"
    return "verified" if f.verdict == "accurate" else f.verdict


def importance(f: Finding) -> tuple:
    """Sort key: most severe, then most wrong, then most confident, then reading order."""
    return (-SEVERITY_RANK[f.severity], -VERDICT_RANK[f.verdict], -f.confidence, f.path,
            f.start)


def visible_findings(reports: list[Report], min_severity: str) -> list[Finding]:
    """Unsuppressed findings at or above ``min_severity``, most important first."""
    floor = SEVERITY_RANK[min_severity]
    shown = [f for r in reports for f in r.findings
             if not f.suppressed and SEVERITY_RANK[f.severity] >= floor]
    return sorted(shown, key=importance)


def annotation(f: Finding) -> str:
    """One workflow command for a finding."""
    title = f"taxcheck [{f.claim_id}] {_verdict(f)}"
    props = {"file": f.path, "line": f.line, "endLine": f.end_line, "col": f.column,
             "endColumn": f.end_column, "title": title}
    body = f"{f.message}\nText: {f.text}"
    if f.is_problem:
        body += f"\nCorrect: {f.correction}"
        if f.citations:
            body += f"\nSource: {f.citations[0].title} <{f.citations[0].url}>"
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(body)}"


def contradiction_annotation(c: Contradiction, wrong: Finding, right: Finding) -> str:
    """One workflow command for a contradiction, at the wrong sentence."""
    props = {"file": wrong.path, "line": wrong.line, "endLine": wrong.end_line,
             "col": wrong.column, "endColumn": wrong.end_column,
             "title": "taxcheck [contradiction]"}
    body = (f"{c.message}\nWrong (line {wrong.line}): {wrong.sentence}\n"
            f"Correct (line {right.line}): {right.sentence}")
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::warning {joined}::{escape_data(body)}"


def visible_contradictions(reports: list[Report], min_severity: str) -> list[
        tuple[Contradiction, Finding, Finding]]:
    """Contradictions (warnings) when warnings are shown."""
    if SEVERITY_RANK["warning"] < SEVERITY_RANK[min_severity]:
        return []
    return [item for r in reports for item in r.visible_contradictions()]


def render_github(reports: list[Report], *, min_severity: str = "warning",
                  **_: object) -> str:
    """Render annotations, most important first (contradictions, which are warnings,
    after the other warnings), then the summary line."""
    findings = visible_findings(reports, min_severity)
    lines = [annotation(f) for f in findings if f.severity != "info"]
    lines += [contradiction_annotation(*item)
              for item in visible_contradictions(reports, min_severity)]
    lines += [annotation(f) for f in findings if f.severity == "info"]
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Article text as a Markdown table cell: no markup, no raw HTML, one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|~#!":
        text = text.replace(ch, "\\" + ch)
    return text


def render_step_summary(reports: list[Report], *, min_severity: str = "warning") -> str:
    """The full list of findings as Markdown, for ``$GITHUB_STEP_SUMMARY``."""
    findings = visible_findings(reports, min_severity)
    suppressed = sum(f.suppressed for r in reports for f in r.findings)
    out = [f"### taxcheck: {summary_line(reports)}", ""]
    if suppressed:
        out += [f"{suppressed} finding{'s' * (suppressed != 1)} suppressed by inline "
                "comments.", ""]
    if findings:
        out += ["| severity | where | claim | text | correct | source |",
                "|---|---|---|---|---|---|"]
        for f in findings:
            source = (f"[{_cell(f.citations[0].title)}]({f.citations[0].url})"
                      if f.citations and f.is_problem else "")
            correct = _cell(f.correction) if f.is_problem else ""
            out.append(f"| {f.severity} | {_cell(f.path)}:{f.line}:{f.column} | "
                       f"{_cell(f.claim_id)} ({_cell(_verdict(f))}) | {_cell(f.text)} | "
                       f"{correct} | {source} |")
        out.append("")
    contradictions = visible_contradictions(reports, min_severity)
    if contradictions:
        out += ["| contradiction | wrong | correct |", "|---|---|---|"]
        for _, wrong, right in contradictions:
            out.append(f"| {_cell(wrong.path)}:{wrong.line}:{wrong.column} | "
                       f"{_cell(wrong.sentence)} | line {right.line}: {_cell(right.sentence)} |")
        out.append("")
    return "\n".join(out) + "\n"
