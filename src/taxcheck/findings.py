"""Finding and Report: the only things renderers see.

A finding is immutable and carries everything needed to point at the exact words
(block, character offsets in the block and in the source file, line and column),
to explain itself (rule, correction, citations, the trail of decisions) and to be
de-duplicated across runs (a stable id).
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from taxcheck.claimdb.models import Citation, Severity, Verdict
from taxcheck.documents import ArticleMeta, BlockKind

Framing = Literal["stated", "myth"]

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
VERDICT_RANK = {"false": 4, "outdated": 3, "misleading": 2, "accurate": 1}


class Step(BaseModel):
    """One decision on the way to a finding, e.g. a negation cue or an inherited concept."""

    model_config = ConfigDict(frozen=True)

    stage: Literal["concepts", "polarity", "context", "hedge", "framing", "number", "year"]
    detail: str
    """The step in words, for people."""
    labels: tuple[str, ...] = ()
    """What the step is about, for programs: the concepts matched or inherited, the cue
    words of a negation or hedge, the tax year a figure was checked against (for an earlier
    year's amount, then the latest year it held)."""
    source: str | None = None
    """Where inherited concepts came from: ``context`` (earlier sentences), ``section``
    (the title or the section's heading), ``previous-statement``, ``explained-clause``,
    ``procedure`` (a step or worked-example line of an abolished rule stated as available
    earlier in the section), ``answer`` (a reply to the question just asked), ``lead-in`` (the
    sentence ending in a colon that introduces a list item), ``case`` (a question that sets
    up a case just before: "Over 50?"), ``worked-example`` (amounts that work out the rate
    stated just before), ``row`` (another cell of the table row states the same claim with
    the same verdict: the finding stands for the whole row, its labels name the cell's
    column)."""


class Fix(BaseModel):
    """A wrong figure and the one right value that replaces it.

    ``start``/``end`` are offsets in the source file; ``original`` is the text there
    (e.g. ``$23,000``) and ``replacement`` what it becomes (``$24,500``), written the
    way the article wrote the number.
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    original: str
    replacement: str


LOCATION_FIELDS = ("text", "sentence", "line", "column", "end_line", "end_column", "start", "end",
                   "block", "block_kind", "block_start", "block_end")


class Finding(BaseModel):
    """One checked claim in an article."""

    model_config = ConfigDict(frozen=True)

    id: str
    claim_id: str
    verdict: Verdict
    severity: Severity
    confidence: float
    """The share of findings of this kind that were right on articles taxcheck had not been
    tuned on (:mod:`taxcheck.calibration`)."""
    framing: Framing = "stated"
    message: str
    """What the finding says: for a wrong claim, what the article claims and why it is wrong
    ("Says you can roll 401(k) losses into an IRA — false: rolling ..."); for an accurate one,
    the rule it states."""
    says: str = ""
    """What the article claims, in neutral words and without a verdict ("you can roll 401(k)
    losses into an IRA", "the 401(k) limit for 2026 is $23,000")."""
    text: str
    sentence: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    block: int
    block_kind: BlockKind
    block_start: int
    block_end: int
    rule: str
    correction: str
    citations: tuple[Citation, ...]
    trail: tuple[Step, ...] = ()
    suppressed: bool = False
    fix: Fix | None = None
    """For a wrong figure with one right value: the edit that corrects it."""

    @property
    def is_problem(self) -> bool:
        """True for a non-accurate claim stated as true (not a debunked myth)."""
        return self.verdict != "accurate" and self.framing == "stated"

    def sort_key(self) -> tuple:
        return (self.start, -VERDICT_RANK[self.verdict], self.claim_id)

    def location(self) -> dict[str, object]:
        """Where the finding sits: its words, sentence, source span and block."""
        return {name: getattr(self, name) for name in LOCATION_FIELDS}

    def moved_to(self, step: Step, **update: object) -> Finding:
        """This finding's claim and verdict placed elsewhere (``update`` gives at least the new
        ``location()`` fields): a new id for the new sentence, no fix (the old one edits the old
        span), and ``step`` on the trail saying why it moved."""
        moved = self.model_copy(update={**update, "fix": None, "trail": (*self.trail, step)})
        return moved.model_copy(update={
            "id": finding_id(moved.path, moved.claim_id, moved.sentence)})


def finding_id(path: str, claim_id: str, sentence: str) -> str:
    """A stable id: the same claim in the same sentence of the same file."""
    digest = hashlib.sha1(f"{path}\0{claim_id}\0{sentence}".encode()).hexdigest()
    return digest[:16]


class Contradiction(BaseModel):
    """The article states a rule correctly in one place and gets it wrong in another."""

    model_config = ConfigDict(frozen=True)

    fact: str
    accurate: str
    """Id of the finding that states the rule correctly."""
    wrong: str
    """Id of the finding that contradicts it."""
    message: str


class BlockView(BaseModel):
    """The text of a block, for renderers that show the article."""

    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    level: int = 0
    number: int | None = None


class Report(BaseModel):
    """The result of checking one article."""

    path: str
    meta: ArticleMeta = ArticleMeta()
    tax_year: int
    taxcheck_version: str
    claims_version: str
    findings: list[Finding]
    below_confidence: int = 0
    """Unsuppressed findings left out because their confidence is under the run's
    ``min_confidence`` (``--min-confidence 0`` reports them)."""
    blocks: list[BlockView] = []
    contradictions: list[Contradiction] = []
    error: str | None = None
    date_note: str | None = None
    """Set when the article gives no date and no tax year was asked for: "no date found:
    checked against tax year 2026"."""
    warnings: list[str] = []
    """Problems that did not stop the check, e.g. a suppression naming an unknown claim
    (``path:line: TCnnn message``)."""
    concepts: frozenset[str] = Field(default=frozenset(), exclude=True)
    """Every concept the article names (broader concepts included): the claims it can meet.
    Not part of the output formats; scan's cache keeps it to know what a change touches."""
    suppression_names: frozenset[str] = Field(default=frozenset(), exclude=True)
    """The claim ids and topics the article's suppression comments name (not output)."""

    def counts(self) -> dict[str, int]:
        """Number of unsuppressed findings per verdict (myths counted apart), and of
        contradictions."""
        out = {"false": 0, "misleading": 0, "outdated": 0, "accurate": 0, "myth": 0}
        for f in self.findings:
            if not f.suppressed:
                out["myth" if f.framing == "myth" else f.verdict] += 1
        out["contradictions"] = len(self.visible_contradictions())
        return out

    def visible_contradictions(self) -> list[tuple[Contradiction, Finding, Finding]]:
        """Each contradiction with its wrong and its accurate finding, when neither is
        suppressed, in the order of the wrong statements."""
        by_id = {f.id: f for f in self.findings}
        out = []
        for c in self.contradictions:
            wrong, right = by_id.get(c.wrong), by_id.get(c.accurate)
            if wrong is not None and right is not None and not (wrong.suppressed
                                                                 or right.suppressed):
                out.append((c, wrong, right))
        return out

    def worst_severity(self) -> str | None:
        ranks = [SEVERITY_RANK[f.severity] for f in self.findings
                 if f.is_problem and not f.suppressed]
        if not ranks:
            return None
        return {v: k for k, v in SEVERITY_RANK.items()}[max(ranks)]
