"""Checklist items marked up as form labels: ``<li><label><input type="checkbox"> Sell the
losers before December 31.</label></li>``.

trafilatura drops every ``<label>`` with its text (it treats labels as form furniture), so a
page's tick-box checklist, often its advice, vanished from the article. A label that holds a
checkbox, or follows one (``<input type="checkbox" id="c1"><label for="c1">...</label>``),
is the item's own text: it is unwrapped (the tags removed, the words kept) before extraction.
Labels of real forms go with their form, which the extractor drops whole."""

from __future__ import annotations

import re

_CHECKBOX = r"<input\b[^<>]*\btype\s*=\s*[\"']?checkbox\b[^<>]*>"
_LABEL_WITH_BOX = re.compile(
    rf"<label\b[^>]*>((?:(?!</?label\b).)*?{_CHECKBOX}(?:(?!</?label\b).)*?)</label\s*>",
    re.IGNORECASE | re.DOTALL)
_LABEL_AFTER_BOX = re.compile(
    rf"({_CHECKBOX}\s*)<label\b[^>]*>((?:(?!</?label\b).)*?)</label\s*>",
    re.IGNORECASE | re.DOTALL)
_BOX = re.compile(_CHECKBOX, re.IGNORECASE)


def unwrap_checklist_labels(html: str) -> str:
    """``html`` with each checklist label's tags (and its checkbox) removed, its text kept."""
    if "checkbox" not in html.lower():
        return html
    html = _LABEL_WITH_BOX.sub(lambda m: _BOX.sub("", m.group(1)), html)
    return _LABEL_AFTER_BOX.sub(lambda m: m.group(2), html)
