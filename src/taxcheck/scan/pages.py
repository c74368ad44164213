"""Names of the review pages: derived from the article's path, unique and stable.

``corpus/a-myths.txt`` gets ``pages/corpus/a-myths.txt.html``; a JSON Lines record
``export.jsonl#42`` gets ``pages/export.jsonl/42.html``. Characters outside
``[A-Za-z0-9._-]`` are replaced, and then a short hash of the whole path is added so
that two paths never share a page, whatever else is in the corpus.
"""

from __future__ import annotations

import hashlib
import re

PAGES_DIR = "pages"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_PART = 80


def clean_part(part: str) -> str:
    """A path part with only ``[A-Za-z0-9._-]`` (never ``..`` or a hidden name)."""
    if part == "..":
        return "up"
    cleaned = _UNSAFE.sub("-", part).strip("-")[:_MAX_PART]
    if cleaned.startswith("."):
        cleaned = "_" + cleaned
    return cleaned or "_"


def page_name(path: str) -> str:
    """The review page of the article at ``path``, relative to the output folder."""
    parts = [p for p in path.replace("\\", "/").replace("#", "/").split("/")
             if p not in ("", ".")]
    cleaned = [clean_part(p) for p in parts] or ["_"]
    if cleaned != parts:
        digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cleaned[-1] = f"{cleaned[-1]}-{digest}"
    return "/".join([PAGES_DIR, *cleaned]) + ".html"


class PageNamer:
    """Hands out page names, guaranteeing no two articles of one run share a page."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def name(self, path: str) -> str:
        candidate = page_name(path)
        folded = candidate.lower()
        stem, n = candidate.removesuffix(".html"), 1
        while folded in self._used:  # e.g. names that differ only in case
            n += 1
            candidate = f"{stem}-{n}.html"
            folded = candidate.lower()
        self._used.add(folded)
        return candidate
