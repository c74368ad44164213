"""RMDs from 70½, worked out on an old page that tells that age as today's.

A page dated before 2020 that tells the 70½ rules as current (two or more of its sentences are
already stated findings of :data:`PRESENTING`: RMDs from 70½, no contributions after 70½) goes
on to show how to find the first distribution year in words that leave the RMD to the page:
"Count six months forward from your 70th birthday.", "Add six months to the day you turned
70.", "Start from your 70th birthday plus six months." Each is the 70½ start told as today's
rule (the sheet's ``rmd-starting-age-history``: outdated undated), so each is a finding of
:data:`CLAIM` on such a page. A question, a story in the past, someone's reported view, a
case with its own year or birth date ("born in 1947", "in 2016"), a charitable gift, a
contribution, and the balance the RMD is figured from state nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import Document
from taxcheck.findings import Finding
from taxcheck.matching.old_mechanics import presents, procedure_finding, statement_blocks

CLAIM = "rmd-start-age-70-half"
PRESENTING = frozenset({CLAIM, "ira-contribution-age-70"})
"""The outdated findings that show a page tells the 70½ rules as today's."""
SAME_FACT = frozenset({CLAIM, "rmd-start-age-70-half-history", "rmd-start-age",
                       "rmd-start-age-72", "rmd-start-age-72-history"})
ENDED = 2020
"""The first year the SECURE Act's later start applied: a page dated earlier tells its day's
rule."""
WORKED_OUT = frozenset({"AGE_70_HALF", "SIX_MONTHS"})
"""The half-birthday worked out ("six months past your 70th birthday"): a step of finding
the first year, not a case with 70½ in passing ("still on the payroll at 70½")."""
ELSEWHERE = frozenset({"STILL_WORKING", "BORN_1951_1959", "ROTH_IRA", "EARLY", "PENALTY",
                       "CONVERT", "LOAN", "HARDSHIP", "BENEFICIARY", "QCD", "CONTRIBUTE"})
"""Beside the claim's own exclusions (its first condition's ``none``): what makes a clause
naming 70½ speak of something else."""
_CASE = re.compile(r"\b(?:19|20)\d\d\b|\$\s?\d|\bborn\b", re.IGNORECASE)
"""A case with its own year, amount or birth ("born in 1947 ... 2016"): it may be right."""
_OWN_STORY = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|my|me|mom|dad)\b", re.IGNORECASE)


def _told(cand: Candidate, labels: frozenset[str], elsewhere: frozenset[str]) -> bool:
    """The clause works out 70½ as today's start of RMDs (see the module's docstring)."""
    return (labels >= WORKED_OUT and cand.polarity == "affirmed" and not (
        cand.question or cand.historical or cand.attribution or "?" in cand.sentence
        or labels & elsewhere or _CASE.search(cand.sentence) or _OWN_STORY.search(cand.text)))


def told_rmd_age(document: Document, candidates: Sequence[Sequence[Candidate]],
                 findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """70½ worked out as today's RMD start on an old page that tells it, as findings of
    :data:`CLAIM` (see the module's docstring)."""
    claim = db.by_id.get(CLAIM)
    if claim is None or not claim.when or not presents(document, findings, PRESENTING, ENDED):
        return []
    elsewhere = ELSEWHERE | frozenset(claim.when[0].none)
    said = {(f.block, f.sentence) for f in findings if f.claim_id in SAME_FACT}
    out = []
    for index, block, cands in statement_blocks(document, candidates):
        if block.kind not in ("paragraph", "list_item", "table_cell"):
            continue
        for cand in cands:
            labels = db.expand(frozenset(cand.labels))
            if (index, cand.sentence) in said or not _told(cand, labels, elsewhere):
                continue
            out.append(procedure_finding(
                document, index, block, cand, claim, frozenset({"RMD", "AGE_70_HALF"}),
                "70½ worked out on a page that tells it as today's start of RMDs", db,
                shown=("AGE_70_HALF",)))
            said.add((index, cand.sentence))
    return out
