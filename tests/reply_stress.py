"""The stress set of replies that state a claim only with the question they answer
(tests/data/reply_passages.yaml): forum threads, Q&A columns and FAQ pages, each run as a
plain-text page export (one block a line). A wrong reply is caught when a problem finding
of a claim of the passage's fact falls on the reply's line; a correct twin must stay quiet
(no problem finding anywhere).

Run as a script for the table: ``.venv/bin/python tests/reply_stress.py``."""

from __future__ import annotations

from pathlib import Path

from passage_runs import Outcome, load, problems, said, summary
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "reply_passages.yaml"
HEAD = "Reader questions on retirement money\nUpdated March 2, 2026\n"




def passages(data: Path = DATA) -> list[dict]:
    return load(data)


def _reply_line(text: str, reply: str) -> int:
    lines = (HEAD + text).splitlines()
    return max(i for i, line in enumerate(lines, 1) if reply in line)


def run(checker: Checker, passage: dict, facts: dict[str, str | None]) -> Outcome:
    text = passage["text"]
    report = checker.check(read_bytes((HEAD + text).encode(), "page.txt"))
    found = problems(report.findings)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], passage["family"], "quiet", not found, said(found))
    line = _reply_line(text, passage["reply"])
    ok = any(f.line <= line <= f.end_line and facts.get(f.claim_id) == passage["rule"]
             for f in found)
    return Outcome(passage["id"], passage["family"], "flag", ok, said(found))


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages(data)]



if __name__ == "__main__":
    import sys

    from taxcheck.claimdb import load_claims

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    print(summary(outcomes(Checker(load_claims(), tax_year=2026), path)))
