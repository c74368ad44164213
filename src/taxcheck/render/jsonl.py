"""JSON Lines output: one finding per line, each carrying its path (see docs/json.md)."""

from __future__ import annotations

import json

from taxcheck.findings import Report


def render_jsonl(reports: list[Report], **_: object) -> str:
    """Render every finding (suppressed ones included, marked) as one JSON object a line."""
    lines = [json.dumps(f.model_dump(mode="json"), ensure_ascii=False)
             for report in reports for f in report.findings]
    return "".join(line + "\n" for line in lines)
