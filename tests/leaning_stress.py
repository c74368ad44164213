"""ctx7's set of claims stated only through their context (tests/data/leaning_claims.yaml):
short follow-ons, replies, body lines under a heading, list items and steps, bare numbers,
table cells, "the same goes for X" and "it still does", each run as a plain-text page export
(one block a line) under a title and a 2026 date. A wrong passage is caught when a problem
finding of one of its claims, with its verdict, overlaps the follow-on's sentence; a correct
twin must stay quiet (no problem finding anywhere).

Run as a script for the table: ``.venv/bin/python tests/leaning_stress.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "leaning_claims.yaml"
HEAD = "Your retirement money questions\nUpdated March 2, 2026\n"


@dataclass(frozen=True)
class Outcome:
    id: str
    family: str
    expect: str
    ok: bool
    said: tuple[str, ...]


def passages(data: Path = DATA) -> list[dict]:
    return yaml.safe_load(data.read_text())["passages"]


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
    problems = [f for f in report.findings if f.verdict != "accurate" and f.framing != "myth"]
    said = tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in problems)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], passage["family"], "quiet", not problems, said)
    start, end = _follow_span(page, passage["follow"])
    verdicts = _verdicts(passage)
    ok = any(f.start < end and start < f.end and f.claim_id in passage["claims"]
             and f.verdict in verdicts for f in problems)
    return Outcome(passage["id"], passage["family"], "flag", ok, said)


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    return [run(checker, p) for p in passages(data)]


def summary(results: list[Outcome]) -> str:
    rows = [f"{'id':34} {'expect':6} ok   said"]
    rows += [f"{o.id:34} {o.expect:6} {'yes' if o.ok else ' - ':4} {','.join(o.said) or '-'}"
             for o in results]
    for family in sorted({o.family for o in results}):
        group = [o for o in results if o.family == family]
        wrong = [o for o in group if o.expect == "flag"]
        twins = [o for o in group if o.expect == "quiet"]
        rows.append(f"  {family}: caught {sum(o.ok for o in wrong)}/{len(wrong)}, "
                    f"twins flagged {sum(not o.ok for o in twins)}/{len(twins)}")
    wrong = [o for o in results if o.expect == "flag"]
    twins = [o for o in results if o.expect == "quiet"]
    rows.append(f"caught {sum(o.ok for o in wrong)}/{len(wrong)}, "
                f"correct twins flagged {sum(not o.ok for o in twins)}/{len(twins)}")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    from taxcheck.claimdb import load_claims

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    print(summary(outcomes(Checker(load_claims(), tax_year=2026), path)))
