"""Renderers: each turns a list of reports into the text of one output format."""

from __future__ import annotations

from collections.abc import Callable

from taxcheck.findings import Report
from taxcheck.render.github import render_github
from taxcheck.render.json_ import render_json
from taxcheck.render.jsonl import render_jsonl
from taxcheck.render.sarif import render_sarif
from taxcheck.render.text import render_concise, render_statistics, render_text

Renderer = Callable[..., str]


def render_html(reports: list[Report], **options: object) -> str:
    """:func:`taxcheck.render.html.render_html`, imported when first used (Jinja2 costs
    start-up time that the other formats do not need)."""
    from taxcheck.render.html import render_html as render

    return render(reports, **options)

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "html": render_html,
    "sarif": render_sarif,
    "github": render_github,
    "jsonl": render_jsonl,
}
"""Every renderer takes ``(reports, **options)`` and ignores options it does not use
(``min_severity``, ``colour``, ``db``, ``reviewer``)."""

__all__ = ["RENDERERS", "Report", "render_concise", "render_github", "render_html",
           "render_json", "render_jsonl", "render_sarif", "render_statistics", "render_text"]
