"""SARIF 2.1.0 output for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer).

One run per call. Each claim that produced a problem finding becomes a rule in
``tool.driver.rules`` (with its rule text, correction and citations as help); each
problem finding becomes a result pointing at the exact words, with a stable
fingerprint. A contradiction (a wrong sentence and a correct one on the same fact) is
a ``contradiction`` result located at both sentences, the wrong one first. Verified
claims and debunked myths are not results. Findings silenced by an inline comment are
results with a ``suppressions`` entry, so dashboards show them as suppressed rather
than fixed. A wrong figure with one right value carries the edit that corrects it as a
``fixes`` entry (the same edit ``taxcheck check --fix`` makes).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from taxcheck import __version__
from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import DEFAULT_SEVERITY, Citation
from taxcheck.findings import Contradiction, Finding, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.invalid/taxcheck"
"""Where users learn about taxcheck (to be replaced by the project's home page)."""
FINGERPRINT_KEY = "taxcheckFinding/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class RuleText:
    """What a SARIF rule says about one claim."""

    claim_id: str
    says: str
    rule: str
    correction: str
    citations: tuple[Citation, ...]
    verdict: str
    severity: str
    topic: str = ""
    confidence: str = "high"


def rule_name(claim_id: str) -> str:
    """A rule's ``name``: the id in PascalCase (``retirement-loss-rollover`` ->
    ``RetirementLossRollover``)."""
    return "".join(part.capitalize() for part in claim_id.replace(".", "-").split("-"))


def artifact_uri(path: str) -> str:
    """A URI reference for an input path: relative paths stay relative (to the
    repository root, as code scanning expects), absolute ones become ``file:`` URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def _rule_text(f: Finding, db: ClaimDatabase | None) -> RuleText:
    claim = None
    if db is not None:
        try:
            claim = db.claim(f.claim_id)
        except KeyError:
            claim = None
    if claim is None:
        return RuleText(f.claim_id, f.message, f.rule, f.correction, f.citations, f.verdict,
                        f.severity)
    verdict = claim.verdict or "figure"
    severity = claim.severity or DEFAULT_SEVERITY.get(verdict, "warning")
    return RuleText(claim.id, claim.says, claim.rule, claim.correction, claim.citations,
                    verdict, severity, claim.topic, claim.confidence)


def _help_text(r: RuleText) -> str:
    sources = "\n".join(f"- {c.title} <{c.url}>" for c in r.citations)
    return (f"Articles say: {r.says}\n\nThe rule: {r.rule}\n\n"
            f"Suggested correction: {r.correction}\n\nSources:\n{sources}\n")


def _md(text: str) -> str:
    """Escape text for Markdown (no markup, no raw HTML)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def _help_markdown(r: RuleText) -> str:
    sources = "\n".join(f"- [{_md(c.title)}]({c.url})" for c in r.citations)
    return (f"**Articles say:** {_md(r.says)}\n\n**The rule:** {_md(r.rule)}\n\n"
            f"**Suggested correction:** {_md(r.correction)}\n\n**Sources:**\n\n{sources}\n")


def _rule(r: RuleText) -> dict:
    tags = ["tax", "fact-check", r.verdict] + ([r.topic] if r.topic else [])
    return {
        "id": r.claim_id,
        "name": rule_name(r.claim_id),
        "shortDescription": {"text": r.says},
        "fullDescription": {"text": r.rule},
        "help": {"text": _help_text(r), "markdown": _help_markdown(r)},
        "helpUri": r.citations[0].url,
        "defaultConfiguration": {"level": LEVELS.get(r.severity, "warning")},
        "properties": {"tags": tags, "precision": r.confidence},
    }


CONTRADICTION_RULE = {
    "id": "contradiction",
    "name": "Contradiction",
    "shortDescription": {"text": "The article states a rule correctly in one place and "
                                 "gets it wrong in another."},
    "fullDescription": {"text": "Two sentences of one article state the same fact (the same "
                                "figure for the same year) differently: one agrees with the "
                                "rule, the other does not."},
    "help": {"text": "Make the wrong sentence agree with the correct one (see the finding on "
                     "the wrong sentence for the rule and its sources).",
             "markdown": "Make the wrong sentence agree with the correct one (see the finding "
                         "on the wrong sentence for the rule and its sources)."},
    "defaultConfiguration": {"level": "warning"},
    "properties": {"tags": ["tax", "fact-check", "contradiction"], "precision": "high"},
}


def _location(f: Finding, message: str | None = None) -> dict:
    location: dict = {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(f.path)},
        "region": {"startLine": f.line, "startColumn": f.column,
                   "endLine": f.end_line, "endColumn": f.end_column,
                   "snippet": {"text": f.text}}}}
    if message:
        location["message"] = {"text": message}
    return location


def _contradiction(c: Contradiction, wrong: Finding, right: Finding, rule_index: int) -> dict:
    """One result for a contradiction, located at both sentences (the wrong one first)."""
    return {
        "ruleId": CONTRADICTION_RULE["id"],
        "ruleIndex": rule_index,
        "level": "warning",
        "message": {"text": c.message},
        "locations": [_location(wrong, f"wrong: {wrong.message}"),
                      _location(right, f"correct: {right.message}")],
        "partialFingerprints": {FINGERPRINT_KEY: f"{c.wrong}-{c.accurate}"},
        "properties": {"fact": c.fact, "wrong": c.wrong, "accurate": c.accurate},
    }


def _result(f: Finding, rule_index: int) -> dict:
    verdict = "verified" if f.verdict == "accurate" else f.verdict
    result: dict = {
        "ruleId": f.claim_id,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f"{verdict}: {f.message} Correct: {f.correction}"},
        "locations": [_location(f)],
        "partialFingerprints": {FINGERPRINT_KEY: f.id},
        "properties": {"verdict": f.verdict, "confidence": f.confidence,
                       "sentence": f.sentence},
    }
    if f.fix is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace {f.fix.original} with {f.fix.replacement}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": artifact_uri(f.path)},
                "replacements": [{
                    "deletedRegion": {"startLine": f.fix.line, "startColumn": f.fix.column,
                                      "endLine": f.fix.end_line,
                                      "endColumn": f.fix.end_column},
                    "insertedContent": {"text": f.fix.replacement}}]}]}]
    if f.suppressed:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
    return result


def sarif_log(reports: list[Report], *, db: ClaimDatabase | None = None) -> dict:
    """The SARIF log of ``reports`` as a dict.

    Args:
        reports: checked articles.
        db: the claim database, for the rules' full text; without it each rule is
            described from its first finding.
    """
    rule_index: dict[str, int] = {}
    rules: list[dict] = []
    results: list[dict] = []
    for report in reports:
        for f in sorted(report.findings, key=Finding.sort_key):
            if not f.is_problem:
                continue
            if f.claim_id not in rule_index:
                rule_index[f.claim_id] = len(rules)
                rules.append(_rule(_rule_text(f, db)))
            results.append(_result(f, rule_index[f.claim_id]))
        for c, wrong, right in report.visible_contradictions():
            if CONTRADICTION_RULE["id"] not in rule_index:
                rule_index[CONTRADICTION_RULE["id"]] = len(rules)
                rules.append(CONTRADICTION_RULE)
            results.append(_contradiction(c, wrong, right, rule_index[CONTRADICTION_RULE["id"]]))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "taxcheck", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(reports: list[Report], *, db: ClaimDatabase | None = None,
                 **_: object) -> str:
    """Render problem findings of every report as one SARIF 2.1.0 run."""
    return json.dumps(sarif_log(reports, db=db), indent=2, ensure_ascii=False) + "\n"
