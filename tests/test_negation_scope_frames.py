"""Negation that reaches too far or not far enough (issue 12, cues as checked data).

A negated framing clause ("What nobody tells you: ...", "Here's what most savers don't
realize — ...", "It isn't widely known that ...", "Not everyone knows this, but ...") tells
the reader something others miss: its negation stops at the colon, the dash, "that" or
", but", and the claim after it is the writer's own. A negation inside a relative clause
("the IRA loss you never got back") denies that clause's verb, not the main clause. A denial
whose verb is split off by an aside ("You can't, despite what you've heard, roll losses into
an IRA") still reaches across it. Wrong claims in such shapes are flagged with their claim
and verdict; correct ones and true denials stay quiet (or are verified).

A subject that negates ("Nobody can deduct ...", "None of us ...") denies its clause, and
stays in a lead-in before a colon or dash ("Here's the part nobody enjoys: ..."); a weak
"hardly anyone", "few", "rarely" says that some can; a wh-heading that a spaced dash answers
("What most savers don't know - Roth IRA owners must take RMDs") states what follows; a
factive "I didn't realize that X" states X, a verb of saying or believing ("Nobody says that
X") does not.

The lines are in tests/data/negation-scope/*.yaml (frames.yaml by neg6, subjects.yaml by
neg7; written for this test).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from taxcheck.checker import Checker
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "negation-scope"
CASES = [(family, case) for path in sorted(DATA.glob("*.yaml"))
         for family, cases in yaml.safe_load(path.read_text()).items() for case in cases]


@pytest.fixture(scope="module")
def findings_of(db):
    checker = Checker(db)

    def run(line: str) -> set[tuple[str, str]]:
        text = f"---\ntitle: Retirement notes\ndate: 2026-03-02\n---\n\n{line}\n"
        report = checker.check(read_bytes(text.encode(), "article.md"))
        return {(f.claim_id, f.verdict) for f in report.findings}

    return run


@pytest.mark.parametrize(("family", "case"), [
    pytest.param(family, case, id=f"{family}:{case['text'][:48]}",
                 marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)]
                 if case.get("xfail") else [])
    for family, case in CASES])
def test_a_claim_keeps_its_own_polarity_under_a_frame(findings_of, family, case):
    found = findings_of(case["text"])
    if case.get("quiet"):
        assert not {f for f in found if f[1] != "accurate"}, found
    else:
        claim, verdict = case["flag"].split()
        assert (claim, verdict) in found, found
