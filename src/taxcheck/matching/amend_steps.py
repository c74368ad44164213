"""A bare instruction that carries on a wrong amendment: a step of a procedure no return allows.

A page that tells the reader to amend a return for something no return allows (a 401(k) or
IRA market loss, an individual's capital loss carried back) often goes on, in the next
sentence of the same paragraph or list item, with an instruction that names none of it:
"Just make sure you have your year-end statements to back up the numbers.", "Start with the
oldest year first.", "Attach your December statements as proof." Such a step presents the
procedure as available, so it is wrong with it (the real-articles guide, section 2): a finding
of the claim the sentence before states, the one of its last clause (preferring the wrong item
itself to the amendment that carries it).

A question, someone's reported view, advice to see a professional, a warning ("Don't bother",
"Skip it") and a sentence with a finding of its own state nothing here; the same instruction
after an amendment that is allowed (a missed carryover, a forgotten credit) is quiet.

A list under a lead-in that says what an amended return can fix or pick up ("Things a 1040-X
can fix:") presents each item as claimable: an item that names a 401(k) or IRA loss ("A
decline in your IRA or 401(k) that you didn't write off at the time") is
:data:`LOSS_CLAIM`'s statement, whatever "not" its relative clause holds; the item's verified
finding that such losses are not deductible (read from that "not") goes
(:func:`fixable_items`). The same item under "Things a 1040-X can't fix:" is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.build import build_finding
from taxcheck.matching.conditions import rule_match

LOSS_CLAIM = "retirement-loss-amended-return"
"""An amended return said to claim a 401(k) or IRA loss."""
LOSS_FACT = "retirement-account-losses-not-deductible"
"""The fact of the verified finding a relative clause's "not" makes of such an item."""
FIRST_YEAR = 2018
"""The first tax year no such loss is deductible (an older page's list told its day's rule)."""
AMENDING_FACT = "amended-return-refund-deadline"
"""The fact of the amendment itself (the vehicle; a step rather carries the wrong item)."""
MAX_WORDS = 20
"""The most words a step has (a longer sentence says something of its own)."""

_AMENDS = re.compile(r"\b(?:amend\w*|1040-?x)\b", re.IGNORECASE)
"""An amendment named in the sentence before."""
_STEP = re.compile(
    r"^\W*(?:(?:then|and|just|also|first|next|finally|now|so)\s*,?\s+)*"
    r"(?:make\s+sure|be\s+sure|don['\u2019]t\s+forget|remember\s+to|start|begin|attach|keep|"
    r"include|use|gather|list|enter|report|send|mail|do|work|fill|add|save|hold\s+on|"
    r"have\s+your|write|sign|note|pull|grab|print|mark|go\s+back)\b", re.IGNORECASE)
"""An instruction ("Just make sure ...", "Start with ...", "Attach ...")."""
_NOT_A_STEP = re.compile(
    r"\b(?:professional|pro|cpa|adviser|advisor|accountant|preparer|consult|talk\s+to|"
    r"don['\u2019]t\s+bother|avoid|skip|instead|never|not)\b|n['\u2019]t\b", re.IGNORECASE)
"""Advice to see someone, a warning or a denial: no step of the procedure."""


def _states(cand: Candidate) -> bool:
    return not (cand.question or cand.attribution or cand.historical or "?" in cand.sentence)


def _is_step(cand: Candidate) -> bool:
    return (_states(cand) and len(cand.sentence.split()) <= MAX_WORDS
            and bool(_STEP.search(cand.sentence)) and not _NOT_A_STEP.search(cand.sentence))


def _carried(findings: Sequence[Finding], db: ClaimDatabase) -> Finding:
    """The finding a step carries on: its last clause's, the wrong item before the amendment."""
    return max(findings, key=lambda f: (f.start, db.by_id[f.claim_id].fact != AMENDING_FACT))


def amendment_steps(document: Document, candidates: Sequence[Sequence[Candidate]],
                    findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Steps that carry on a wrong amendment, as findings of its claim (see the module's
    docstring)."""
    said = {(f.block, f.sentence) for f in findings}
    wrong: dict[tuple[int, str], list[Finding]] = {}
    for f in findings:
        if f.is_problem and f.verdict == "false" and _AMENDS.search(f.sentence):
            wrong.setdefault((f.block, f.sentence), []).append(f)
    out = []
    for (block, sentence), before in wrong.items():
        cands = candidates[block]
        index = next((c.sentence_index for c in cands if c.sentence == sentence), None)
        step = next((c for c in cands if index is not None and c.sentence_index == index + 1),
                    None)
        if step is None or (block, step.sentence) in said or not _is_step(step):
            continue
        carried = _carried(before, db)
        claim = db.by_id[carried.claim_id]
        trail = [Step(stage="context", detail="a step of the amendment the sentence before "
                      "tells", labels=(), source="procedure")]
        out.append(build_finding(document, block, document.blocks[block], step,
                                 rule_match(claim, frozenset(step.labels)), trail, db.verifier))
        said.add((block, step.sentence))
    return out


_FIXES = re.compile(r"\b(?:fix\w*|correct\w*|pick\w*\s+up|claim\w*|recover\w*|add\w*|"
                    r"include\w*|catch\w*)\b", re.IGNORECASE)
"""What a lead-in says an amended return does with the items after it."""
_DENIES = re.compile(r"\b(?:not|never|no|cannot|can['\u2019]t|won['\u2019]t|don['\u2019]t|"
                     r"doesn['\u2019]t|isn['\u2019]t|aren['\u2019]t)\b|n['\u2019]t\b",
                     re.IGNORECASE)
_RELATIVE = re.compile(r"(?<=\w)\s+(?:that|which|you)\b.*$", re.IGNORECASE)
"""An item's relative clause ("that you didn't write off at the time"), whose "not" denies
nothing the list says."""


def _fixes_lead(document: Document, index: int) -> bool:
    """List item ``index`` follows a lead-in that says what an amended return can fix."""
    for block in reversed(document.blocks[:index]):
        if block.kind == "list_item":
            continue
        text = block.text.rstrip()
        return (block.kind == "paragraph" and text.endswith(":") and bool(_AMENDS.search(text))
                and bool(_FIXES.search(text)) and not _DENIES.search(text))
    return False


def _loss_item(cand: Candidate, db: ClaimDatabase) -> bool:
    labels = db.expand(frozenset(cand.labels))
    return ({"RETIREMENT_ACCOUNT", "LOSS"} <= labels and not cand.question
            and not _DENIES.search(_RELATIVE.sub("", cand.text)))


def fixable_items(document: Document, candidates: Sequence[Sequence[Candidate]],
                  findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """``findings`` with each 401(k) or IRA loss listed as what an amended return fixes
    stated as :data:`LOSS_CLAIM`, in place of a verified finding of :data:`LOSS_FACT` on it
    (see the module's docstring)."""
    claim = db.by_id.get(LOSS_CLAIM)
    date = document.meta.date
    if claim is None or (date is not None and date.year < FIRST_YEAR):
        return findings
    out, replaced = [], set()
    for index, cands in enumerate(candidates):
        block = document.blocks[index]
        if block.kind != "list_item" or not _fixes_lead(document, index):
            continue
        for cand in cands:
            if not _loss_item(cand, db) or any(
                    f.block == index and f.sentence == cand.sentence and f.is_problem
                    for f in findings):
                continue
            trail = [Step(stage="context", detail="an item of what the lead-in says an "
                          "amended return can fix", labels=(), source="lead-in")]
            out.append(build_finding(document, index, block, cand,
                                     rule_match(claim, frozenset(cand.labels)), trail,
                                     db.verifier))
            replaced.add((index, cand.sentence))
            break
    kept = [f for f in findings if not ((f.block, f.sentence) in replaced
                                        and db.by_id[f.claim_id].fact == LOSS_FACT
                                        and f.verdict == "accurate")]
    return kept + out
