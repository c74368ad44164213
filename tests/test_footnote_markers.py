"""Footnote reference markers on a label or figure (``60–63<sup>2</sup>``, ``60–63[^2]``):
the marker is not part of the words, so "ages 60–63" keeps naming the larger catch-up and
is never read as the age-50 catch-up with a wrong amount."""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes
from taxcheck.readers.footnotes import blank_markers

HTML = ("<!DOCTYPE html><html><head><title>Limits</title></head><body><article>"
        "<h1>Retirement limits for 2026</h1>\n<p>Published January 10, 2026. The numbers savers"
        " ask about most, with notes below the table.</p>\n{body}\n"
        "<p>Notes: 2. Added by SECURE 2.0.</p></article></body></html>")
TABLE = ("<table><thead><tr><th>Limit</th><th>2026</th></tr></thead><tbody>\n"
         "<tr><td>Catch-up, ages 60–63{mark}</td><td>{amount}</td></tr></tbody></table>")


def findings(checker, text: str, name: str) -> set[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode(), name))
    return {(f.claim_id, f.verdict) for f in report.findings if not f.suppressed}


@pytest.mark.parametrize("mark", ["<sup>2</sup>", '<sup><a href="#fn2">2</a></sup>',
                                  "<sup>[2]</sup>", "<sup>*</sup>", "²"])
def test_html_table_row_with_a_marker_is_the_larger_catch_up(checker, mark):
    right = findings(checker, HTML.format(body=TABLE.format(mark=mark, amount="$11,250")),
                     "page.html")
    assert right == {("catch-up-60-63", "accurate")}
    wrong = findings(checker, HTML.format(body=TABLE.format(mark=mark, amount="$10,000")),
                     "page.html")
    assert wrong == {("catch-up-60-63", "false")}


def test_html_list_item_with_a_linked_marker(checker):
    item = '<ul><li>Catch-up, ages 60-63<sup><a href="#fn2">2</a></sup>: {}</li></ul>'
    assert findings(checker, HTML.format(body=item.format("$11,250 in 2026")),
                    "page.html") == {("catch-up-60-63", "accurate")}
    assert findings(checker, HTML.format(body=item.format("$7,500 in 2026")),
                    "page.html") == {("catch-up-60-63", "false")}


@pytest.mark.parametrize(("amount", "verdict"), [("$11,250", "accurate"), ("$8,000", "false")])
def test_markdown_footnote_reference(checker, amount, verdict):
    text = ("---\ntitle: Limits\ndate: 2026-01-10\n---\n\n"
            f"| Limit | 2026 |\n|---|---|\n| Catch-up, ages 60–63[^2] | {amount} |\n\n"
            f"- Catch-up, ages 60–63[^2]: {amount} in 2026\n\n[^2]: Added by SECURE 2.0.\n")
    assert findings(checker, text, "page.md") == {("catch-up-60-63", verdict)}


def test_markers_are_blanked_in_place():
    html = 'ages 60–63<sup><a href="#fn2">2</a></sup> and 1<sup>st</sup>, foot<sup>1</sup>note'
    blanked = blank_markers(html, html=True)
    assert len(blanked) == len(html)
    # a mark inside a word and an ordinal's letters stay
    assert blanked.startswith("ages 60–63 ") and blanked.endswith(
        " and 1<sup>st</sup>, foot<sup>1</sup>note")
    md = "ages 60–63[^2]: $11,250\n[^2]: SECURE 2.0"
    assert blank_markers(md, markdown=True) == "ages 60–63    : $11,250\n[^2]: SECURE 2.0"
    # plain text keeps them: blanks there would open a column gap in a space-aligned table
    assert blank_markers("ages 60–63² — 2026") == "ages 60–63² — 2026"
