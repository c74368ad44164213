"""The procedure-carry set (tests/data/procedure_carry.yaml): what a procedure, a worked
example or a run-in lead carries into the sentences after it. Each passage is a whole page
(plain text, Markdown or HTML) run through the real Checker for tax year 2026. A wrong passage
is caught when a problem finding of one of its facts, with one of its verdicts, covers the
line named by ``line``; a quiet passage has no problem finding on that line.

Run as a script for the table: ``.venv/bin/python tests/procedure_carry.py``."""

from __future__ import annotations

from pathlib import Path

from passage_runs import Outcome, load, problems, said
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "procedure_carry.yaml"




def passages(data: Path = DATA) -> list[dict]:
    return load(data)


def _target_line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def run(checker: Checker, passage: dict, facts: dict[str, str | None]) -> Outcome:
    text = passage["text"]
    report = checker.check(read_bytes(text.encode(), f"page.{passage['suffix']}"))
    line = _target_line(text, passage["line"])
    found = problems(report.findings)
    on_line = [f for f in found if f.line <= line <= f.end_line]
    if passage["expect"] == "quiet":
        ok = not on_line
    else:
        # (YAML reads a bare `false` as a boolean: verdicts are compared as words)
        verdicts = {str(v).lower() for v in passage["verdicts"]}
        ok = any(facts.get(f.claim_id) in passage["facts"] and f.verdict in verdicts
                 for f in on_line)
    return Outcome(passage["id"], passage["family"], passage["expect"], ok, said(found))


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages(data)]


def summary(results: list[Outcome]) -> str:
    rows = [f"{'id':32} {'expect':6} ok   said"]
    rows += [f"{o.id:32} {o.expect:6} {'yes' if o.ok else ' - ':4} {','.join(o.said) or '-'}"
             for o in results]
    for family in sorted({o.family for o in results}):
        group = [o for o in results if o.family == family]
        rows.append(f"  {family}: {sum(o.ok for o in group)}/{len(group)}")
    rows.append(f"handled {sum(o.ok for o in results)}/{len(results)}")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    from taxcheck.claimdb import load_claims

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    print(summary(outcomes(Checker(load_claims(), tax_year=2026), path)))
