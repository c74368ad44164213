"""Renderers: each turns a list of reports into the text of one output format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from taxcheck.findings import Report
from taxcheck.render.text import render_concise, render_statistics, render_text

Renderer = Callable[..., str]

_ELSEWHERE = {"render_github": "github", "render_json": "json_", "render_jsonl": "jsonl",
              "render_sarif": "sarif"}
"""Renderers imported when first used: a check prints one format, and each module costs
start-up time."""


def _lazy(name: str) -> Renderer:
    def render(reports: list[Report], **options: object) -> str:
        return getattr(import_module(f"taxcheck.render.{_ELSEWHERE[name]}"), name)(
            reports, **options)

    render.__name__ = render.__qualname__ = name
    return render


def __getattr__(name: str) -> Any:
    if name in _ELSEWHERE:
        return getattr(import_module(f"taxcheck.render.{_ELSEWHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



def render_html(reports: list[Report], **options: object) -> str:
    """:func:`taxcheck.render.html.render_html`, imported when first used (Jinja2 costs
    start-up time that the other formats do not need)."""
    from taxcheck.render.html import render_html as render

    return render(reports, **options)

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "concise": render_concise,
    "json": _lazy("render_json"),
    "html": render_html,
    "sarif": _lazy("render_sarif"),
    "github": _lazy("render_github"),
    "jsonl": _lazy("render_jsonl"),
}
"""Every renderer takes ``(reports, **options)`` and ignores options it does not use
(``min_severity``, ``colour``, ``db``, ``reviewer``)."""

__all__ = ["RENDERERS", "Report", "render_concise", "render_github", "render_html",
           "render_json", "render_jsonl", "render_sarif", "render_statistics", "render_text"]
