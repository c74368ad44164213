"""Every error code taxcheck reports is in the registry, and documented for users."""

from __future__ import annotations

import re
from pathlib import Path

from taxcheck.errors import CODES

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"\bTC\d{3}\b")


def _codes_in(paths) -> set[str]:
    return {code for path in paths for code in CODE.findall(path.read_text(encoding="utf-8"))}


def test_every_code_the_source_reports_is_registered():
    used = _codes_in((ROOT / "src" / "taxcheck").rglob("*.py"))
    assert used - set(CODES) == set(), "register these codes in taxcheck.errors.CODES"


def test_every_registered_code_is_documented_with_its_meaning():
    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [code for code, meaning in CODES.items() if f"| `{code}` | {meaning} |" not in page]
    assert missing == [], "list these codes in docs/errors.md as in taxcheck.errors.CODES"
