"""Refund deadlines for an amended return, worked out or restated in words of their own.

The refund claim is due 3 years after the original return was filed (an early return counts
as filed on the due date) or 2 years after the tax was paid, whichever is later (the sheet's
``amended-return-refund-deadline``). Two shapes state a wrong deadline without the words the
claims' conditions know:

- a worked deadline that counts the three years from December 31 of the tax year: a return
  for year Y said to be refundable until December 31 (New Year's Eve, "the end of") of Y+3
  ("So for a 2022 return, your last day to ask for money back is December 31, 2025.", a
  table row "2023: December 31, 2026" under "Last day to claim a refund"). No filing or
  payment date makes that day the deadline (a return for Y is filed in Y+1 at the earliest),
  so it is a finding of :data:`YEAR_END_CLAIM` (:func:`worked_year_end`);
- the cut-off of a wrong deadline just stated, told as the point of no return ("After New
  Year's Eve, that refund is gone.", "Miss it and your refund is gone.", "After that the IRS
  won't even look at it."): the sentence before's finding again (:func:`cutoff_follow_ons`).

A question, someone's reported view, a story of the past and a date the sentence denies ("not
December 31, 2025") state nothing here; the same cut-off after a right deadline is quiet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, Block, Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.build import build_finding
from taxcheck.matching.conditions import rule_match
from taxcheck.matching.old_mechanics import statement_blocks

YEAR_END_CLAIM = "amended-return-three-years-from-year-end"
WRONG_DEADLINES = frozenset({
    YEAR_END_CLAIM, "amended-return-two-years-from-filing", "amended-return-extended-due-date",
    "amended-return-early-filing-starts-clock", "worthless-security-three-year-window",
    "seven-year-window-any-item"})
"""Claims whose finding states a wrong refund deadline (a cut-off after it restates it)."""
DEADLINE_CLAIMS = WRONG_DEADLINES | frozenset({
    "amended-return-any-time", "amended-return-early-filing-counts-as-due-date",
    "worthless-security-seven-year-window", "worthless-security-window-from-worthlessness"})
"""Claims whose finding on a sentence already says what it says of the refund deadline."""
LOOK_BACK = 240
"""How many characters before a sentence, in its block, may name the return's year (and
before or after it, a refund)."""
HEADER_CELLS = 12
"""How many table cells back a cell's column header may be."""

_REFUND = re.compile(r"\b(?:refunds?|refunded|money\s+back|1040-?x|amend\w*|overpaid|"
                     r"overpayment)\b", re.IGNORECASE)
"""Words of a refund claim on an old return."""
_RETURN_YEAR = re.compile(
    r"\b((?:19|20)\d\d)(?:['\u2019]s)?\s+(?:tax\s+)?(?:returns?|taxes|refunds?|refund\s+claims?|"
    r"tax\s+year|filing|1040)\b|\b(?:returns?|taxes|tax\s+year|claims?)\s+for\s+"
    r"(?:tax\s+year\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
"""The year a return is for ("a 2022 return", "your 2023 taxes", "refund claim for 2022")."""
_YEAR_END_DATE = re.compile(
    r"\b(?:dec(?:ember|\.)?\s*31(?:st)?,?\s+((?:19|20)\d\d)|(?:the\s+)?(?:end|close|last\s+day)"
    r"\s+of\s+((?:19|20)\d\d)|new\s+year['\u2019]s\s+eve,?\s+((?:19|20)\d\d))", re.IGNORECASE)
"""December 31 of a year, however written ("Dec. 31, 2026", "the end of 2026")."""
_DENIED = re.compile(r"(?:\bnot|\brather\s+than|\binstead\s+of)\s+(?:on\s+|by\s+|until\s+)?"
                     r"(?:the\s+)?$", re.IGNORECASE)
"""What denies the date that follows it ("not December 31, 2025", "rather than the end of")."""
_ROW_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*$")

_CUTOFF = re.compile(
    r"^\W*(?:(?:and|but|so|then)\s+)?(?:after\s+(?:that|this|then|new\s+year['\u2019]s(?:\s+eve)?|"
    r"(?:that|the|this)\s+(?:date|day|deadline)|dec(?:ember|\.)?\s*31)|"
    r"once\s+(?:that|the|this|it)\b|miss\s+(?:it|that|this|the)\b|past\s+(?:that|then)\b|"
    r"beyond\s+that\b|when\s+(?:that|the)\s+(?:date|deadline|day|clock|window)\b)",
    re.IGNORECASE)
"""A sentence that opens on the deadline just stated ("After that", "Miss it", "Once the
clock hits midnight")."""
_GONE = re.compile(
    r"\b(?:gone|lost|forfeit(?:ed)?|out\s+of\s+luck|too\s+late|won['\u2019]t|will\s+not|"
    r"can['\u2019]t|cannot|no\s+(?:refund|longer|luck)|nothing|closes|closed|shuts?|expires?|"
    r"expired|over)\b", re.IGNORECASE)
"""The refund lost past the deadline ("that refund is gone", "the IRS won't even look")."""


def _heading_text(document: Document, index: int) -> str:
    """The text of the nearest heading or title above block ``index``."""
    for block in reversed(document.blocks[:index]):
        if block.kind in HEADING_KINDS or block.kind == "title":
            return block.text
    return ""


def _header_cells(document: Document, index: int) -> str:
    """The table cells just above a cell (where its column's header is)."""
    cells = []
    for block in reversed(document.blocks[max(index - HEADER_CELLS, 0):index]):
        if block.kind != "table_cell":
            break
        cells.append(block.text)
    return " ".join(cells)


def _return_year(block: Block, cand: Candidate) -> int | None:
    """The year of the return the sentence speaks of: named in it, else just before it in its
    block, else the table row's label."""
    before = block.text[max(cand.sentence_start - LOOK_BACK, 0):cand.sentence_start]
    for text in (cand.sentence, before):
        years = [int(a or b) for a, b in _RETURN_YEAR.findall(text)]
        if years:
            return years[-1] if text is before else years[0]
    row = _ROW_YEAR.match(block.row or "")
    return int(row.group(1)) if row else None


def _year_end_years(sentence: str) -> list[int]:
    """The years whose December 31 the sentence gives (not a date it denies)."""
    return [int(next(g for g in m.groups() if g)) for m in _YEAR_END_DATE.finditer(sentence)
            if not _DENIED.search(sentence, max(m.start() - 20, 0), m.start())]


def _states(cand: Candidate) -> bool:
    return not (cand.question or cand.attribution or cand.historical or "?" in cand.sentence)


def _counts_from_year_end(document: Document, index: int, block: Block,
                          cand: Candidate) -> bool:
    """The sentence gives December 31 of the third year after its return's year as the last
    day of a refund claim (see the module's docstring)."""
    if not _states(cand):
        return False
    year = _return_year(block, cand)
    if year is None or year + 3 not in _year_end_years(cand.sentence):
        return False
    around = block.text[max(cand.sentence_start - LOOK_BACK, 0):cand.sentence_end + LOOK_BACK]
    header = _header_cells(document, index) if block.kind == "table_cell" else ""
    return any(_REFUND.search(text) for text in (around, header, _heading_text(document, index)))


def _step(detail: str, source: str) -> Step:
    return Step(stage="context", detail=detail, source=source)


def worked_year_end(document: Document, candidates: Sequence[Sequence[Candidate]],
                    findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Worked deadlines that count three years from the tax year's end, as findings of
    :data:`YEAR_END_CLAIM` (see the module's docstring)."""
    claim = db.by_id.get(YEAR_END_CLAIM)
    if claim is None:
        return []
    said = {(f.block, f.sentence) for f in findings if f.claim_id in DEADLINE_CLAIMS}
    out = []
    for index, block, cands in statement_blocks(document, candidates):
        for cand in cands:
            if (index, cand.sentence) in said or not _counts_from_year_end(
                    document, index, block, cand):
                continue
            step = _step("a deadline on December 31 of the third year after the return's year",
                         "worked-example")
            out.append(build_finding(document, index, block, cand,
                                     rule_match(claim, frozenset(cand.labels)), [step],
                                     db.verifier))
            said.add((index, cand.sentence))
    return out


def _next_sentence(document: Document, candidates: Sequence[Sequence[Candidate]],
                   finding: Finding) -> tuple[int, Candidate] | None:
    """The first clause of the sentence right after ``finding``'s, in its block or as the
    next block's first sentence (a paragraph or list item)."""
    cands = candidates[finding.block]
    index = next((c.sentence_index for c in cands if c.sentence == finding.sentence), None)
    if index is None:
        return None
    later = [c for c in cands if c.sentence_index == index + 1]
    if later:
        return finding.block, later[0]
    if any(c.sentence_index > index for c in cands) or finding.block + 1 >= len(candidates):
        return None
    block = document.blocks[finding.block + 1]
    first = [c for c in candidates[finding.block + 1] if c.sentence_index == 0]
    if block.kind not in ("paragraph", "list_item") or not first:
        return None
    return finding.block + 1, first[0]


def cutoff_follow_ons(document: Document, candidates: Sequence[Sequence[Candidate]],
                      findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """A wrong deadline's cut-off told in the sentence after it, as the deadline's finding
    again (see the module's docstring)."""
    said = {(f.block, f.sentence) for f in findings if f.claim_id in DEADLINE_CLAIMS}
    out = []
    for finding in findings:
        if (finding.claim_id not in WRONG_DEADLINES or not finding.is_problem
                or finding.verdict != "false"):
            continue
        after = _next_sentence(document, candidates, finding)
        if after is None:
            continue
        index, cand = after
        if ((index, cand.sentence) in said or not _states(cand)
                or not _CUTOFF.search(cand.sentence) or not _GONE.search(cand.sentence)):
            continue
        claim = db.by_id[finding.claim_id]
        step = _step("the cut-off of the deadline the sentence before states",
                     "previous-statement")
        out.append(build_finding(document, index, document.blocks[index], cand,
                                 rule_match(claim, frozenset(cand.labels)), [step],
                                 db.verifier))
        said.add((index, cand.sentence))
    return out
