"""What the passage-set runners share (tests/leaning_stress.py, reply_stress.py,
q5_families.py, procedure_carry.py, first_contact_q4_n11.py): each runs a set of passages
written in our own words (right and wrong twins, tests/data/*.yaml) through the real Checker
and records, per passage, whether it came out as written and what was said."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.findings import Finding
from taxcheck.readers import read_bytes


@dataclass(frozen=True)
class Outcome:
    """One passage's result: ``ok`` when a wrong passage was caught (``expect`` "flag") or a
    correct one stayed quiet (``expect`` "quiet"); ``said`` lists its problem findings as
    ``claim:verdict@line``."""

    id: str
    family: str
    expect: str
    ok: bool
    said: tuple[str, ...]


def load(data: Path, key: str = "passages") -> list[dict]:
    """The passages (or cases) of a set file."""
    return yaml.safe_load(data.read_text(encoding="utf-8"))[key]


def problems(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that say something is wrong (not accurate, not a debunked myth)."""
    return [f for f in findings if f.verdict != "accurate" and f.framing != "myth"]


def page_problems(checker: Checker, text: str, name: str = "page.txt",
                  tax_year: int = 2026) -> list[tuple[str, str, int]]:
    """A page's problem findings as (claim, verdict, line), checked against ``tax_year``."""
    report = checker.check(read_bytes(text.encode(), name), tax_year=tax_year)
    return [(f.claim_id, f.verdict, f.line) for f in problems(report.findings)]


def page_verdicts(checker: Checker, text: str, name: str = "page.txt") -> list[tuple[str, str]]:
    """A page's problem findings as (claim, verdict), checked against 2026."""
    return [(claim, verdict) for claim, verdict, _ in page_problems(checker, text, name)]


def said(found: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in found)


def summary(results: list[Outcome], width: int = 34) -> str:
    """The table a runner prints as a script: each passage, then per family and in all the
    wrong passages caught and the correct twins flagged."""
    rows = [f"{'id':{width}} {'expect':6} ok   said"]
    rows += [f"{o.id:{width}} {o.expect:6} {'yes' if o.ok else ' - ':4} "
             f"{','.join(o.said) or '-'}" for o in results]
    for family in sorted({o.family for o in results}):
        rows.append(f"  {family}: {_counts([o for o in results if o.family == family])}")
    rows.append(_counts(results, "correct "))
    return "\n".join(rows)


def _counts(group: list[Outcome], twins: str = "") -> str:
    wrong = [o for o in group if o.expect == "flag"]
    right = [o for o in group if o.expect == "quiet"]
    return (f"caught {sum(o.ok for o in wrong)}/{len(wrong)}, "
            f"{twins}twins flagged {sum(not o.ok for o in right)}/{len(right)}")
