"""The families behind round q5's misses and false alarms (tests/data/q5_families.yaml):
whole pages (plain text, Markdown or HTML) checked as `taxcheck eval` checks a gold file,
against tax year 2026 with the page's own date kept. A wrong passage is caught when a
problem finding of a claim resting on the passage's fact, with its verdict, falls on the
sentence that holds the quote; a correct twin must stay quiet (no problem finding).

Run as a script for the table: ``.venv/bin/python tests/q5_families.py``."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.findings import Report
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "q5_families.yaml"
AS_OF = 2026


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


def _squash(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def run(checker: Checker, passage: dict, facts: dict[str, tuple[str, ...]]) -> Outcome:
    name = "page." + passage.get("format", "txt")
    report = checker.check(read_bytes(passage["text"].encode(), name), tax_year=AS_OF)
    problems = _problems(report)
    said = tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in problems)
    if passage["expect"] == "quiet":
        return Outcome(passage["id"], passage["family"], "quiet", not problems, said)
    quote = _squash(passage["quote"])
    ok = any(quote in _squash(f.sentence) and passage["fact"] in facts.get(f.claim_id, ())
             and f.verdict == passage["verdict"] for f in problems)
    return Outcome(passage["id"], passage["family"], "flag", ok, said)


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: (c.fact, *c.also_facts) for c in checker.db.claims}
    return [run(checker, p, facts) for p in passages(data)]


def summary(results: list[Outcome]) -> str:
    rows = [f"{'id':34} {'expect':6} ok   said"]
    rows += [f"{o.id:34} {o.expect:6} {'yes' if o.ok else ' - ':4} {','.join(o.said) or '-'}"
             for o in results]
    for family in dict.fromkeys(o.family for o in results):
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
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims()), Path(sys.argv[1]) if sys.argv[1:] else DATA)))
