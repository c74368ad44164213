"""Thread fragments that quote another poster and reply to the quote
(tests/data/quote_threads.yaml): plain text, Markdown and HTML. A reply that endorses a wrong
claim (or rejects a right one) is caught when a problem finding of the fragment's fact falls on
the reply's line; every other fragment must stay quiet (a myth framing is no problem).

Run as a script for the table: ``.venv/bin/python tests/quote_threads.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "quote_threads.yaml"
HEADS = {
    "txt": ("Forum: Retirement accounts\nPosted March 2, 2026\n", ""),
    "md": ("# Forum: Retirement accounts\n\nPosted March 2, 2026\n\n", ""),
    "html": ("<html><head><title>Forum: Retirement accounts</title></head><body><article>\n"
             "<h1>Forum: Retirement accounts</h1>\n<p>Posted March 2, 2026</p>\n",
             "</article></body></html>\n"),
}


@dataclass(frozen=True)
class Outcome:
    id: str
    expect: str
    ok: bool
    said: tuple[str, ...]


def passages() -> list[dict]:
    return yaml.safe_load(DATA.read_text())["passages"]


def page(passage: dict) -> str:
    head, tail = HEADS[passage["shape"]]
    return head + passage["text"] + tail


def run(checker: Checker, passage: dict, facts: dict[str, str | None]) -> Outcome:
    text = page(passage)
    report = checker.check(read_bytes(text.encode(), f"page.{passage['shape']}"))
    problems = [f for f in report.findings if f.verdict != "accurate" and f.framing != "myth"]
    said = tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in problems)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], "quiet", not problems, said)
    line = max(i for i, row in enumerate(text.splitlines(), 1) if passage["reply"] in row)
    ok = any(f.line <= line <= f.end_line and facts.get(f.claim_id) == passage["rule"]
             for f in problems)
    return Outcome(passage["id"], "flag", ok, said)


def outcomes(checker: Checker) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages()]


def summary(results: list[Outcome]) -> str:
    rows = [f"{'id':34} {'expect':6} ok   said"]
    rows += [f"{o.id:34} {o.expect:6} {'yes' if o.ok else ' - ':4} {','.join(o.said) or '-'}"
             for o in results]
    wrong = [o for o in results if o.expect == "flag"]
    quiet = [o for o in results if o.expect == "quiet"]
    rows.append(f"caught {sum(o.ok for o in wrong)}/{len(wrong)}, "
                f"quiet ones flagged {sum(not o.ok for o in quiet)}/{len(quiet)}")
    return "\n".join(rows)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims(), tax_year=2026))))
