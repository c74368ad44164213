"""ctx7's set of claims stated only through their context (tests/data/leaning_claims.yaml):
short follow-ons, replies, body lines under a heading, list items and steps, bare numbers,
table cells, "the same goes for X" and "it still does", each run as a plain-text page export
(one block a line) under a title and a 2026 date. A wrong passage is caught when a problem
finding of one of its claims, with its verdict, overlaps the follow-on's sentence; a correct
twin must stay quiet (no problem finding anywhere).

Run as a script for the table: ``.venv/bin/python tests/leaning_stress.py``."""

from __future__ import annotations

from pathlib import Path

from passage_runs import Outcome, load, problems, said, summary
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "leaning_claims.yaml"
HEAD = "Your retirement money questions\nUpdated March 2, 2026\n"




def passages(data: Path = DATA) -> list[dict]:
    return load(data)


def _verdicts(passage: dict) -> set[str]:
    verdict = passage["verdict"]
    return {verdict} if isinstance(verdict, str) else set(verdict)


def _follow_span(page: str, follow: str) -> tuple[int, int]:
    """The character span of the follow-on's sentence: from the end of the sentence or line
    before the follow-on substring's last occurrence to the end of its own sentence or line."""
    at = page.rindex(follow)
    start = max(page.rfind(stop, 0, at) for stop in (". ", "? ", "! ", "\n")) + 1
    ends = [i for i in (page.find(stop, at + len(follow)) for stop in (". ", "\n")) if i >= 0]
    return start, min(ends, default=len(page))


def run(checker: Checker, passage: dict) -> Outcome:
    page = HEAD + passage["text"]
    report = checker.check(read_bytes(page.encode(), "page.txt"))
    found = problems(report.findings)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], passage["family"], "quiet", not found, said(found))
    start, end = _follow_span(page, passage["follow"])
    verdicts = _verdicts(passage)
    ok = any(f.start < end and start < f.end and f.claim_id in passage["claims"]
             and f.verdict in verdicts for f in found)
    return Outcome(passage["id"], passage["family"], "flag", ok, said(found))


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    return [run(checker, p) for p in passages(data)]



if __name__ == "__main__":
    import sys

    from taxcheck.claimdb import load_claims

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    print(summary(outcomes(Checker(load_claims(), tax_year=2026), path)))
