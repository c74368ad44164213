"""Turn a match on a clause into a Finding with its location, confidence and trail."""

from __future__ import annotations

import re

from taxcheck.calibration import Verifier, finding_confidence
from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.documents import Block, Document
from taxcheck.findings import Finding, Fix, Step, finding_id
from taxcheck.matching.conditions import Match
from taxcheck.matching.messages import outdated_severity

MYTH_LABELS = ("myth", "myths", "misconception", "misconceptions")
"""Attribution cues by which the writer labels a statement a myth."""
_QUIZ = re.compile(r"\W*(?:or|and|vs\.?|versus)\b", re.IGNORECASE)


def labels_a_myth(cand: Candidate) -> bool:
    """Whether the attribution cue of ``cand`` calls its statement a myth ("Myth:", "a common
    myth is that", "Misconception #2:"), not a quiz that leaves it open ("Myth or fact?").

    A correct rule so labelled is not the article's claim, and the article does not deny
    it either: the myth usually lies in a detail the claim does not cover ("Myth: the new
    $1,000 emergency withdrawal is tax-free"). It gets no finding, so it is neither shown
    as verified nor set against what the article says next; a wrong "Reality: ..." after
    it gets its own error."""
    words = (cand.attribution or "").lower().split()
    if not words or words[-1] not in MYTH_LABELS or "or" in words:
        return False
    at = cand.sentence.lower().find(words[-1])
    return at < 0 or not _QUIZ.match(cand.sentence[at + len(words[-1]):])


def build_fix(document: Document, block: Block, fix: tuple[int, int, str] | None) -> Fix | None:
    """The source edit of a figure fix, when the amount appears verbatim in the source."""
    if fix is None:
        return None
    lo, hi, replacement = fix
    original = block.text[lo:hi]
    start = block.to_source(lo)
    end = block.to_source(max(hi - 1, lo)) + 1
    if document.source[start:end] != original:
        return None  # markup or an entity inside the amount: leave it to people
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(end)
    return Fix(start=start, end=end, line=line, column=column, end_line=end_line,
               end_column=end_column, original=original, replacement=replacement)


def from_procedure(steps: list[Step], match: Match) -> bool:
    """Whether the trail :func:`build_finding` makes of ``steps`` and ``match`` has a step
    of an abolished procedure (only those two parts of the trail can: the steps it adds
    itself come from nowhere or from the section), read without building the Finding."""
    return (any(s.source == "procedure" for s in steps)
            or any(s.source == "procedure" for s in match.steps))


def stated_severity(claim: Claim, verdict: str, document: Document) -> str:
    """The severity of ``claim``'s ``verdict`` stated on ``document``: the claim's own, or an
    outdated rule's by the article's date (:func:`outdated_severity`)."""
    own = claim.severity is not None and claim.verdict == verdict
    if verdict == "outdated" and not own:
        return outdated_severity(document.meta.date)
    return claim.severity_for(verdict)


def build_finding(document: Document, block_index: int, block: Block, cand: Candidate,
             match: Match, steps: list[Step], verifier: Verifier) -> Finding:
    start = block.to_source(cand.start)
    end = block.to_source(max(cand.end - 1, cand.start)) + 1
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(end)
    trail = [Step(stage="concepts", detail=", ".join(sorted(match.concepts)),
                  labels=tuple(sorted(match.concepts)))]
    if cand.negations:
        trail.append(Step(stage="polarity", detail=f"negated by {', '.join(cand.negations)}",
                          labels=cand.negations))
    trail.extend(steps)
    if match.implied:
        trail.append(Step(stage="context", detail=f"{', '.join(sorted(match.implied))} "
                          "from the title or section", labels=tuple(sorted(match.implied)),
                          source="section"))
    if cand.hedges:
        trail.append(Step(stage="hedge", detail=", ".join(cand.hedges), labels=cand.hedges))
    framing = "stated"
    severity = stated_severity(match.claim, match.verdict, document)
    if cand.attribution and match.verdict != "accurate":
        framing = "myth"
        severity = "info"
        trail.append(Step(stage="framing", detail=f"attributed: {cand.attribution}"))
    trail.extend(match.steps)
    return Finding(
        id=finding_id(document.path, match.claim.id,
                      block.text[cand.sentence_start:cand.sentence_end]),
        claim_id=match.claim.id, verdict=match.verdict, severity=severity,  # type: ignore[arg-type]
        confidence=finding_confidence(verdict=match.verdict, claim=match.claim,
                                      block_kind=block.kind, trail=trail,
                                      sentence=block.text[cand.sentence_start:cand.sentence_end],
                                      verifier=verifier),
        framing=framing, message=match.message,
        says=match.says,
        text=block.text[cand.start:cand.end],
        sentence=block.text[cand.sentence_start:cand.sentence_end], path=document.path,
        line=line, column=column,
        end_line=end_line, end_column=end_column, start=start, end=end, block=block_index,
        block_kind=block.kind, block_start=cand.start, block_end=cand.end, rule=match.rule,
        correction=match.correction, citations=match.citations, trail=tuple(trail),
        fix=build_fix(document, block, match.fix) if framing == "stated" else None)

