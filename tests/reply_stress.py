"""The stress set of replies that state a claim only with the question they answer
(tests/data/reply_passages.yaml): forum threads, Q&A columns and FAQ pages, each run as a
plain-text page export (one block a line). A wrong reply is caught when a problem finding
of a claim of the passage's fact falls on the reply's line; a correct twin must stay quiet
(no problem finding anywhere).

Run as a script for the table: ``.venv/bin/python tests/reply_stress.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.findings import Report
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "reply_passages.yaml"
HEAD = "Reader questions on retirement money\nUpdated March 2, 2026\n"


@dataclass(frozen=True)
class Outcome:
    id: str
    family: str
    expect: str
    ok: bool
    said: tuple[str, ...]


def passages(data: Path = DATA) -> list[dict]:
    return yaml.safe_load(data.read_text())["passages"]


def _problems(report: Report) -> list:
    return [f for f in report.findings if f.verdict != "accurate" and f.framing != "myth"]


def _reply_line(text: str, reply: str) -> int:
    lines = (HEAD + text).splitlines()
    return max(i for i, line in enumerate(lines, 1) if reply in line)


def run(checker: Checker, passage: dict, facts: dict[str, str | None]) -> Outcome:
    text = passage["text"]
    report = checker.check(read_bytes((HEAD + text).encode(), "page.txt"))
    problems = _problems(report)
    said = tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in problems)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], passage["family"], "quiet", not problems, said)
    line = _reply_line(text, passage["reply"])
    ok = any(f.line <= line <= f.end_line and facts.get(f.claim_id) == passage["rule"]
             for f in problems)
    return Outcome(passage["id"], passage["family"], "flag", ok, said)


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages(data)]


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
