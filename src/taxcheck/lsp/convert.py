"""From findings to what an editor shows: diagnostics, hovers and code actions.

Findings count lines and columns from 1 in Unicode code points; the protocol counts from
0 in the units the client asked for (UTF-16 unless it chose otherwise), so positions go
through the document's position codec.
"""

from __future__ import annotations

import re

from lsprotocol import types
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition

from taxcheck.findings import SEVERITY_RANK, Finding, Report
from taxcheck.lsp.engine import Problem

SOURCE = "taxcheck"
SEVERITIES = {"error": types.DiagnosticSeverity.Error,
              "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
_WARNING = re.compile(r":(?P<line>\d+): (?P<code>TC\d{3}) (?P<message>.*)$", re.DOTALL)


def position(doc: TextDocument, line: int, column: int) -> types.Position:
    """The client position of a 1-based line and code-point column."""
    return doc.position_to_client_units(ServerTextPosition(max(line - 1, 0), max(column - 1, 0)))


def finding_range(doc: TextDocument, f: Finding) -> types.Range:
    return types.Range(position(doc, f.line, f.column), position(doc, f.end_line, f.end_column))


def shown(f: Finding, min_severity: str) -> bool:
    """Whether a finding is shown: unsuppressed and at least ``min_severity``."""
    return not f.suppressed and SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]


def _verdict(f: Finding) -> str:
    if f.framing == "myth":
        return f"debunked myth ({f.verdict})"
    return "verified" if f.verdict == "accurate" else f.verdict


def diagnostic(doc: TextDocument, f: Finding) -> types.Diagnostic:
    """The diagnostic of one finding: claim id as code, verdict as severity."""
    severity = f.severity if f.framing == "stated" else "info"
    message = f"{_verdict(f)}: {f.message}"
    if f.is_problem and f.correction:
        message += f"\nCorrect: {f.correction}"
    href = f.citations[0].url if f.citations else None
    return types.Diagnostic(
        range=finding_range(doc, f), message=message, severity=SEVERITIES[severity],
        code=f.claim_id, source=SOURCE,
        code_description=types.CodeDescription(href=href) if href else None,
        data={"finding": f.id})


def problem_diagnostic(problem: Problem) -> types.Diagnostic:
    """One diagnostic for a document that could not be checked, on its first line."""
    line = max((problem.line or 1) - 1, 0)
    return types.Diagnostic(
        range=types.Range(types.Position(line, 0), types.Position(line, 0)),
        message=problem.message, severity=types.DiagnosticSeverity.Error, code=problem.code,
        source=SOURCE)


def warning_diagnostics(report: Report) -> list[types.Diagnostic]:
    """Report warnings (``path:line: TCnnn message``) as warnings on their line."""
    out = []
    for warning in report.warnings:
        m = _WARNING.search(warning)
        if m is None:
            continue
        line = int(m.group("line")) - 1
        out.append(types.Diagnostic(
            range=types.Range(types.Position(line, 0), types.Position(line + 1, 0)),
            message=m.group("message"), severity=types.DiagnosticSeverity.Warning,
            code=m.group("code"), source=SOURCE))
    return out


def diagnostics(doc: TextDocument, report: Report, min_severity: str) -> list[types.Diagnostic]:
    """Every shown finding of ``report``, then its warnings."""
    return ([diagnostic(doc, f) for f in report.findings if shown(f, min_severity)]
            + warning_diagnostics(report))


def _md(text: str) -> str:
    """Escape text for Markdown (article and claim text are not markup)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def hover_text(f: Finding) -> str:
    """Markdown for a hover: the verdict, the rule, the correction and the sources."""
    parts = [f"**taxcheck [{f.claim_id}] {_verdict(f)}:** {_md(f.message)}",
             f"**The rule:** {_md(f.rule)}"]
    if f.fix is not None:
        parts.append(f"**Fix:** replace {_md(f.fix.original)} with {_md(f.fix.replacement)}")
    if f.is_problem and f.correction:
        parts.append(f"**Correction:** {_md(f.correction)}")
    if f.citations:
        parts.append("**Sources:**\n" + "\n".join(f"- [{_md(c.title)}]({c.url})"
                                                    for c in f.citations))
    return "\n\n".join(parts)


def contains(f: Finding, line: int, column: int) -> bool:
    """Whether a 1-based line and column lies within the finding's words."""
    return (f.line, f.column) <= (line, column) <= (f.end_line, f.end_column)


def overlaps(f: Finding, first_line: int, last_line: int) -> bool:
    """Whether the finding touches any of the 1-based lines ``first_line..last_line``."""
    return f.line <= last_line and first_line <= f.end_line


def fix_action(doc: TextDocument, f: Finding) -> types.CodeAction | None:
    """Replace the wrong figure with the right one, when the text there is unchanged."""
    fix = f.fix
    if fix is None:
        return None
    rng = types.Range(position(doc, fix.line, fix.column),
                      position(doc, fix.end_line, fix.end_column))
    if doc.text_in_client_range(rng) != fix.original:
        return None
    edit = types.TextEdit(range=rng, new_text=fix.replacement)
    return types.CodeAction(
        title=f"Replace {fix.original} with {fix.replacement} ({f.claim_id})",
        kind=types.CodeActionKind.QuickFix, is_preferred=True,
        edit=types.WorkspaceEdit(changes={doc.uri: [edit]}))


def disable_action(doc: TextDocument, f: Finding) -> types.CodeAction:
    """Insert ``<!-- taxcheck-disable-next-line ID -->`` above the finding's line."""
    lines = doc.lines
    text = lines[f.line - 1] if f.line - 1 < len(lines) else ""
    indent = text[:len(text) - len(text.lstrip(" \t"))]
    comment = f"{indent}<!-- taxcheck-disable-next-line {f.claim_id} -->\n"
    at = types.Position(f.line - 1, 0)
    edit = types.TextEdit(range=types.Range(at, at), new_text=comment)
    return types.CodeAction(
        title=f"Disable {f.claim_id} for this line",
        kind=types.CodeActionKind.QuickFix,
        edit=types.WorkspaceEdit(changes={doc.uri: [edit]}))
