"""JSON output: a list of reports, each with its path and findings (see docs/json.md)."""

from __future__ import annotations

import json

from taxcheck.findings import Report


def report_dict(report: Report) -> dict:
    """The JSON form of one report (without the article text)."""
    data = report.model_dump(mode="json", exclude={"blocks"})
    data["counts"] = report.counts()
    return data


def render_json(reports: list[Report], **_: object) -> str:
    """Render reports as a JSON array."""
    return json.dumps([report_dict(r) for r in reports], indent=2, ensure_ascii=False) + "\n"
