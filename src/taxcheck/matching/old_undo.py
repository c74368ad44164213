"""Undoing a Roth conversion, told on an old page that presents it as available.

A page dated before 2018 that walks through recharacterizing a conversion (two or more of its
sentences are already stated findings of :data:`CLAIM`) goes on in sentences that leave the
conversion or the undoing to the page: a heading that names the undoing alone ("How to Reverse
Yours", "2. Decide whether to undo it"), the reconversion at the lower price ("Once the
waiting time is over, you can convert once more at the lower price and owe tax on less"), the
tax that goes away with the value ("You won't be taxed on value that has since vanished").
Each is the abolished do-over told as today's rule (no conversion made from 2018 on can be
recharacterized: the sheet's ``roth-conversion-no-recharacterization``), so each is a finding
of :data:`CLAIM` on such a page. A question, a story in the past, someone's reported view, a
regular contribution recharacterized (still allowed), the rule said to end, a loan or a
hardship withdrawal, and the five-year clock state nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, Document
from taxcheck.findings import Finding
from taxcheck.matching.old_mechanics import presents, procedure_finding, statement_blocks
from taxcheck.matching.retries.procedures import says_rule_ended

CLAIM = "conversion-recharacterize"
SAME_FACT = frozenset({CLAIM, "conversion-no-recharacterization",
                       "conversion-recharacterize-before-2018"})
"""Claims whose finding on a sentence already says what it says of undoing a conversion."""
ENDED = 2018
"""The first year whose conversions cannot be undone: a page dated earlier tells its day's
rule."""
ELSEWHERE = frozenset({"REGULAR_CONTRIBUTION", "CONTRIBUTIONS_ONLY", "CONTRIBUTE", "WENT_AWAY",
                       "GONE", "ENDED", "FIVE_YEAR", "conversion-recharacterize/HOLD_UNTIL",
                       "LOAN", "HARDSHIP", "WASH_SALE", "RMD"})
"""What makes such a sentence speak of something else: a contribution recharacterized, the
rule ended, the five-year clock, a loan, a hardship withdrawal, a wash sale, an RMD."""
_AGAIN = re.compile(r"\b(?:convert(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:again|once\s+more)|"
                    r"re-?convert(?:s|ed|ing)?|redo(?:es|ing)?\s+the\s+conversion)\b",
                    re.IGNORECASE)
"""The reconversion ("convert once more", "convert the money again", "reconvert")."""
_LOWER = re.compile(r"\b(?:lower|smaller|less|reduced|cheaper|lower-priced)\b", re.IGNORECASE)
"""At the lower value, for less tax: what the reconversion is for."""
_VANISHED = re.compile(r"\b(?:no\s+longer\s+(?:exists?|there)|(?:has|have)\s+(?:since\s+)?"
                       r"(?:vanished|evaporated|disappeared)|vanished|evaporated|"
                       r"(?:is|isn['\u2019]t|are|aren['\u2019]t)\s+(?:there|around)\s+anymore|"
                       r"(?:is|are)\s+gone|you\s+no\s+longer\s+have)\b", re.IGNORECASE)
"""Value that is gone ("value that no longer exists", "money that has since vanished")."""
VANISHING = frozenset({"ENDED", "GONE", "WENT_AWAY"})
"""What the words of value gone are read as elsewhere (a rule ended)."""
_MONEY = re.compile(r"\b(?:value|money|dollars|worth|income|paper\s+gains?)\b", re.IGNORECASE)
_SPARED = re.compile(r"\b(?:(?:sav|avoid|spar|skip|escap|dodg)\w*(?:\s+\w+){0,3}?\s+tax(?:es)?|"
                     r"tax(?:es)?\s+(?:saved|avoided|spared))\b", re.IGNORECASE)
"""The tax the undoing spares ("save the tax on", "avoid paying tax on", "tax saved on")."""
_SAVE = re.compile(r"\bsav(?:e|es|ed|ing)\b", re.IGNORECASE)
""""Save" (read elsewhere as saving into an account: no contribution here)."""
_UNDONE = re.compile(r"\bno\s+conversion\b|\bconversion\s+(?:is|was)\s+(?:gone|erased|wiped\s+out|"
                     r"undone|void|cancel+ed)\b", re.IGNORECASE)
"""The conversion gone ("No conversion, no tax on it.", "the conversion is gone")."""
_TAX = re.compile(r"\btax(?:es|\s+bill)?\b", re.IGNORECASE)
_ADVICE = re.compile(r"\b(?:ask|talk|speak|check|consult|call)\b[^.;]*?\babout\s+"
                     r"recharacteriz|\b(?:consider|think\s+about|look\s+into)\s+recharacteriz",
                     re.IGNORECASE)
"""The undoing as a to-do ("talk to your preparer about recharacterizing", "consider
recharacterizing"): a "talk to ... about" reads as an embedded question elsewhere."""
_OWN_STORY = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|my|me)\b")
"""The writer's own story ("I reconverted the next January"): what happened, not the rule."""
_DEFINES = re.compile(r"^\W*what\b|\b(?:means?|explained|defined|definition)\b",
                      re.IGNORECASE)
"""A heading over a definition ("What recharacterizing means"): it names the word, it tells
no one to undo anything."""


def _undo_told(cand: Candidate, labels: frozenset[str], heading: bool) -> bool:
    """The clause tells undoing a conversion as today's rule in words that leave the
    conversion or the undoing to the page (see the module's docstring)."""
    if cand.historical or cand.attribution or "?" in cand.sentence or _OWN_STORY.search(
            cand.text):
        return False
    if not heading and _result_told(cand, labels):
        return True
    vanished = cand.polarity != "affirmed" and not heading and _VANISHED.search(cand.text)
    if vanished:  # (the value gone is no rule ended: "value that no longer exists")
        unsaid = replace(cand, sentence=_VANISHED.sub(" ", cand.sentence))
        return not (labels & (ELSEWHERE - VANISHING) or says_rule_ended(unsaid)
                    or cand.question) and "TAXABLE" in labels and bool(
            "CONVERTED_VALUE" in labels or _MONEY.search(cand.text))
    if labels & ELSEWHERE or says_rule_ended(cand):
        return False
    if heading:  # ("How to Undo One": a teaser's words, the page's own undoing)
        return "RECHARACTERIZE" in labels and not _DEFINES.search(cand.text)
    if cand.question or cand.polarity != "affirmed":
        return False
    return "CONVERT" in labels and bool(_AGAIN.search(cand.text)) and bool(
        _LOWER.search(cand.text))


def _result_told(cand: Candidate, labels: frozenset[str]) -> bool:
    """The clause tells the undoing through what it gets you (no tax on value gone, the tax
    saved, no conversion no tax) or as a to-do (see the module's docstring)."""
    unsaid = replace(cand, sentence=_UNDONE.sub(" ", _VANISHED.sub(" ", cand.sentence)))
    if says_rule_ended(unsaid):
        return False
    if _ADVICE.search(cand.text):
        return "RECHARACTERIZE" in labels and not labels & ELSEWHERE
    if cand.question:
        return False
    if _UNDONE.search(cand.text):
        return bool(_TAX.search(cand.text)) and not labels & (ELSEWHERE - VANISHING)
    saved = frozenset({"CONTRIBUTE"}) if _SAVE.search(cand.text) else frozenset()
    return bool(_SPARED.search(cand.text) and _VANISHED.search(cand.text)
                and _MONEY.search(cand.text)) and not labels & (ELSEWHERE - VANISHING - saved)


def told_undo(document: Document, candidates: Sequence[Sequence[Candidate]],
              findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Undoing a conversion told as today's on an old page that presents it, as findings of
    :data:`CLAIM` (see the module's docstring)."""
    claim = db.by_id.get(CLAIM)
    if claim is None or not presents(document, findings, frozenset({CLAIM}), ENDED):
        return []
    said = {(f.block, f.sentence) for f in findings if f.claim_id in SAME_FACT}
    out = []
    for index, block, cands in statement_blocks(document, candidates):
        heading = block.kind in HEADING_KINDS or block.kind == "title"
        for cand in cands:
            labels = db.expand(frozenset(cand.labels))
            if (index, cand.sentence) in said or not _undo_told(cand, labels, heading):
                continue
            out.append(procedure_finding(
                document, index, block, cand, claim, labels & {"CONVERT", "RECHARACTERIZE"},
                "undoing the conversion the page presents "
                f"(dated {document.meta.date.year if document.meta.date else '?'})", db))
            said.add((index, cand.sentence))
    return out
