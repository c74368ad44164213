"""The changes page of ``scan --compare``: the articles that need an editor, most affected
first, each change with its old and new verdict, its cause and a link to its note.

Self-contained like the index page: inline CSS allowed by its hash, no script at all.
Everything from articles is escaped by Jinja2's autoescape; page links are relative and
checked by :func:`taxcheck.render.urls.link_url`.
"""

from __future__ import annotations

import datetime as dt

from taxcheck import __version__
from taxcheck.render.html import asset, environment
from taxcheck.scan.changes import Comparison

STATUS_KEYS = {"newly false": "false", "newly outdated": "outdated",
               "newly misleading": "misleading", "fixed": "accurate",
               "newly verified": "accurate", "changed": "myth"}
"""The verdict colour and icon each article status is shown with."""


def render_changes(comparison: Comparison, *, claims_version: str,
                   reviewer: str | None = None) -> str:
    """Render changes.html for ``comparison`` (it sits beside index.html)."""
    style = asset("report.css")
    csp = (f"default-src 'none'; style-src {style.csp}; script-src 'none'; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    html = environment().get_template("changes.html.j2").render(
        comparison=comparison, counts=comparison.counts(), line=comparison.line(),
        status_keys=STATUS_KEYS, style=style.text, csp=csp, reviewer=reviewer or "taxcheck",
        taxcheck_version=__version__, claims_version=claims_version,
        generated=dt.datetime.now(dt.UTC).replace(microsecond=0))
    return html.strip() + "\n"
