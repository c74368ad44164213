"""The abolished IRA-loss write-off sent to Schedule D, on an old page that presents it.

A page dated before 2018 that walks through the write-off as available (two or more of its
sentences are stated outdated IRA-loss findings) often offers a second route for filers who
do not itemize, in words that leave the IRA and the closing of every account to the page:
"If you don't itemize, you can list it on Schedule D as a capital loss instead and use it
against your gains", "you can also put the $3,000 on Schedule D instead", "That way it can
offset your capital gains". The write-off was never a capital loss, not even under the old
rule (the sheet's ``ira-loss-basis-recovery-pre-2018``: "the loss is a capital loss on
Schedule D" is its Wrong line), so each is a finding of :data:`CLAIM` (false) when told in the
section of such a finding. A question, a denial ("it can't go on Schedule D"), a story in the
past, someone's reported view, and a block that speaks of a taxable account, a wash sale or
a worthless stock ("Stocks you sell at a loss in a brokerage account ... Report those losses
on Schedule D") state nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, Document
from taxcheck.findings import Finding
from taxcheck.matching.old_conditions import PRESENTING, sections
from taxcheck.matching.old_mechanics import (
    presented_claim,
    procedure_finding,
    statement_blocks,
)
from taxcheck.matching.retries.procedures import says_rule_ended

CLAIM = "ira-loss-closure-capital-loss"
ROUTE = frozenset({"SCHEDULE_D", "IS_CAPITAL_LOSS"})
"""What a clause names when it sends the write-off to Schedule D or calls it a capital loss."""
AGAINST_GAINS = frozenset({"OFFSET", "CAPITAL_GAIN"})
"""The write-off set against capital gains ("it can offset your capital gains")."""
ELSEWHERE = frozenset({"TAXABLE_ACCOUNT", "WASH_SALE", "WORTHLESS", "SELL", "ENDED", "GONE",
                       "BAN", "SUSPENDED", "SUSPENSION", "WENT_AWAY", "RESTORED", "ROLLOVER",
                       "EMPLOYER_PLAN"})
"""What makes a clause (or its block) speak of something else: a taxable account's sale, a
wash sale, a worthless stock, the rule ended, a rollover or a workplace plan."""

_AS_CAPITAL = re.compile(r"\bas\s+(?:an?\s+)?(?:\w+\s+)?capital\s+loss", re.IGNORECASE)
"""The write-off treated as a capital loss ("count the shortfall as a capital loss")."""
_GENERAL = re.compile(r"\bcapital\s+losses\b", re.IGNORECASE)
"""Capital losses in general ("Unused capital losses can be carried forward"): the rule for
a taxable account's losses, not the write-off."""


def _route(cand: Candidate, labels: frozenset[str]) -> frozenset[str]:
    """What of the Schedule D route the clause tells as today's (empty: none)."""
    if cand.question or cand.historical or cand.attribution or "?" in cand.sentence:
        return frozenset()
    if cand.polarity != "affirmed" or labels & ELSEWHERE or says_rule_ended(cand):
        return frozenset()
    if _GENERAL.search(cand.text):
        return frozenset()
    if labels & ROUTE or ("CAPITAL_LOSS" in labels and _AS_CAPITAL.search(cand.text)):
        return labels & (ROUTE | {"CAPITAL_LOSS"})
    return labels & AGAINST_GAINS if labels >= AGAINST_GAINS else frozenset()


def told_schedule_d(document: Document, candidates: Sequence[Sequence[Candidate]],
                    findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The write-off sent to Schedule D on an old page that presents it, as findings of
    :data:`CLAIM` (see the module's docstring)."""
    presented = presented_claim(document, findings, db, CLAIM)
    if presented is None:
        return []
    claim, year = presented
    section = sections(document)
    where = {section[f.block] for f in findings
             if f.claim_id in PRESENTING and f.framing == "stated"}
    said = {(f.block, f.sentence) for f in findings if f.claim_id == CLAIM}
    out = []
    for index, block, cands in statement_blocks(document, candidates,
                                                frozenset({"byline", "dateline", "furniture",
                                                           "title", "table_cell"})):
        if block.kind in HEADING_KINDS or section[index] not in where:
            continue
        elsewhere = False
        for cand in cands:
            labels = db.expand(frozenset(cand.labels))
            elsewhere = elsewhere or bool(labels & ELSEWHERE)
            route = _route(cand, labels)
            if not route or elsewhere or (index, cand.sentence) in said:
                continue
            out.append(procedure_finding(
                document, index, block, cand, claim, route | {"CLOSE_ALL"},
                f"a second route for the write-off the page presents (dated {year})", db,
                shown=route))
            said.add((index, cand.sentence))
    return out
