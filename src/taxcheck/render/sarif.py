"""SARIF 2.1.0 output for code-scanning UIs (minimal; see docs/formats)."""

from __future__ import annotations

import json

from taxcheck import __version__
from taxcheck.findings import Report

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(reports: list[Report], **_: object) -> str:
    """Render problem findings of every report as one SARIF run."""
    rules: dict[str, int] = {}
    rule_list: list[dict] = []
    results = []
    for report in reports:
        for f in report.findings:
            if not f.is_problem:
                continue
            if f.claim_id not in rules:
                rules[f.claim_id] = len(rule_list)
                rule_list.append({"id": f.claim_id, "shortDescription": {"text": f.message},
                                  "help": {"text": f.rule}})
            results.append({
                "ruleId": f.claim_id, "ruleIndex": rules[f.claim_id],
                "level": _LEVELS[f.severity], "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column}}}],
                "partialFingerprints": {"taxcheckFinding/v1": f.id},
            })
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
             "runs": [{"tool": {"driver": {"name": "taxcheck", "version": __version__,
                                           "informationUri": "https://example.invalid/taxcheck",
                                           "rules": rule_list}},
                       "results": results}]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
