"""Round q's first-contact families in our own words (tests/data/first_contact_q4_n11.yaml):
each page run through the real checker for tax year 2026. A wrong case is caught when a
problem finding of its claim (or of a claim of its fact) with its verdict falls on the
sentence holding its words; a correct case must raise no problem anywhere on the page.

Run as a script for the table: ``.venv/bin/python tests/first_contact_q4_n11.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from passage_runs import Outcome, load, said
from taxcheck.checker import Checker
from taxcheck.findings import Finding
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "first_contact_q4_n11.yaml"




def cases(data: Path = DATA) -> list[dict]:
    return load(data, "cases")


def _problems(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_problem and not f.suppressed]


def run(checker: Checker, case: dict, facts: dict[str, str | None]) -> Outcome:
    name = "page" + case.get("suffix", ".txt")
    report = checker.check(read_bytes(case["text"].encode(), name))
    found = _problems(report.findings)
    if case["expect"] == "quiet":
        return Outcome(case["id"], case["family"], "quiet", not found, said(found))
    want, verdict = case["expect"].split()
    ok = any(case["words"] in f.sentence and f.verdict == verdict
             and want in (f.claim_id, facts.get(f.claim_id)) for f in found)
    return Outcome(case["id"], case["family"], "flag", ok, said(found))


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run(checker, c, facts) for c in cases(data)]


def expects_by_family(cases_: list[dict]) -> dict[str, list[str]]:
    """Each family's expectations ("quiet" or "CLAIM VERDICT"), in the set's order."""
    families: dict[str, list[str]] = {}
    for c in cases_:
        families.setdefault(c["family"], []).append(c["expect"])
    return families


def one_sided_families(cases_: list[dict]) -> list[str]:
    """The families that lack a wrong case or a correct ("quiet") twin."""
    return [family for family, expects in expects_by_family(cases_).items()
            if "quiet" not in expects or all(e == "quiet" for e in expects)]


def assert_as_written(outcome: Outcome, case: dict, not_handled: frozenset[str]) -> None:
    """The case is handled unless listed as not handled yet (so a change that handles one,
    or breaks another, shows)."""
    assert outcome.ok is (case["id"] not in not_handled), (
        f"expected {case['expect']}; said {', '.join(outcome.said) or 'nothing'}")


def summary(results: list[Outcome]) -> str:
    rows = [f"{'id':38} {'expect':6} ok   said"]
    rows += [f"{o.id:38} {o.expect:6} {'yes' if o.ok else ' - ':4} {','.join(o.said) or '-'}"
             for o in results]
    for family in dict.fromkeys(o.family for o in results):
        group = [o for o in results if o.family == family]
        wrong = [o for o in group if o.expect == "flag"]
        right = [o for o in group if o.expect == "quiet"]
        rows.append(f"  {family}: wrong caught {sum(o.ok for o in wrong)}/{len(wrong)}, "
                    f"correct quiet {sum(o.ok for o in right)}/{len(right)}")
    ok = sum(o.ok for o in results)
    rows.append(f"handled {ok}/{len(results)}")
    return "\n".join(rows)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims(), tax_year=2026),
                           Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)))
