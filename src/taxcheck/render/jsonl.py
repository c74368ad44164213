"""JSON Lines output: one finding per line, each carrying its path (see docs/json.md)."""

from __future__ import annotations

import json

from taxcheck.findings import Report


def finding_records(report: Report) -> list[str]:
    """Each finding of ``report`` as compact JSON; a wrong statement that the article
    contradicts elsewhere carries ``contradicts``: the ids of the correct statements."""
    contradicts: dict[str, list[str]] = {}
    for c, _, _ in report.visible_contradictions():
        contradicts.setdefault(c.wrong, []).append(c.accurate)
    out = []
    for f in report.findings:
        data = f.model_dump(mode="json")
        if f.id in contradicts:
            data["contradicts"] = contradicts[f.id]
        out.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return out


def render_jsonl(reports: list[Report], **_: object) -> str:
    """Render every finding (suppressed ones included, marked) as one JSON object a line."""
    return "".join(line + "\n" for report in reports for line in finding_records(report))
