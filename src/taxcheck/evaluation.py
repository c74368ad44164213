"""Measure accuracy on a gold-annotated corpus (``taxcheck eval``).

Gold files live in ``CORPUS/gold/<article file name>.yaml`` (format: corpus/README.md).
Each annotation locates one sentence by a verbatim quote and says which fact-sheet
entry (``fact``) or claim (``claim``) it states, with its verdict. A finding matches an
annotation when its sentence contains the quote, its claim rests on the same fact (or
is the same claim) and the verdicts agree.

Scores are kept apart for problems (false, misleading, outdated: what an editor must
fix) and for accurate statements (what taxcheck should recognise as verified).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from taxcheck.calibration import DEFAULT_MIN_CONFIDENCE
from taxcheck.checker import Checker
from taxcheck.errors import InputError, TaxcheckError
from taxcheck.findings import Finding, Report
from taxcheck.readers import read_path
from taxcheck.readers.lines import STEP

GoldVerdict = Literal["false", "misleading", "outdated", "accurate", "myth"]
PROBLEMS = ("false", "misleading", "outdated")


class GoldAnnotation(BaseModel):
    """One checkable sentence of an article, annotated by hand."""

    model_config = ConfigDict(extra="forbid")

    quote: str
    verdict: GoldVerdict
    fact: str | None = None
    claim: str | None = None
    note: str | None = None
    todo: bool = False
    """A known miss: reported, but not counted against the scores."""

    @model_validator(mode="before")
    @classmethod
    def _yaml_false(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("verdict") is False:
            return {**data, "verdict": "false"}
        return data

    @model_validator(mode="after")
    def _names_something(self) -> GoldAnnotation:
        if not self.fact and not self.claim:
            raise ValueError("an annotation needs a 'fact' or a 'claim'")
        return self


class GoldFile(BaseModel):
    """The annotations of one article."""

    model_config = ConfigDict(extra="forbid")

    article: str
    as_of: int | None = None
    annotations: list[GoldAnnotation] = []


class Outcome(BaseModel):
    """A miss or a false alarm, with its sentence, for the report."""

    path: str
    line: int | None = None
    sentence: str
    expected: str | None = None
    """What the gold says of the sentence: the annotation missed, or for a false alarm the
    annotations on its sentence (none: the labeller annotated nothing there)."""
    got: str | None = None
    kind: str | None = None
    """A missed problem's :data:`MISS_KINDS` entry or a false alarm's :data:`ALARM_KINDS`
    entry (none for accurate statements)."""


class Score(BaseModel):
    """Precision, recall and F1 from true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


class Evaluation(BaseModel):
    """Every score taxcheck eval reports."""

    problems: Score = Score()
    accurate: Score = Score()
    min_confidence: float = 0.0
    """The least confidence of a finding scored (0: every finding taxcheck makes)."""
    default_view: Score = Score()
    """Problems scored on the findings `taxcheck check` reports by default (confidence at
    least :data:`~taxcheck.calibration.DEFAULT_MIN_CONFIDENCE`)."""
    per_verdict: dict[str, Score] = {}
    per_claim: dict[str, Score] = {}
    misses: list[Outcome] = []
    false_alarms: list[Outcome] = []
    known_misses: list[Outcome] = []
    miss_kinds: dict[str, int] = {}
    """Problems missed, by what taxcheck said on their sentence (:data:`MISS_KINDS`)."""
    alarm_kinds: dict[str, int] = {}
    """False alarms on problems, by what the gold says of their sentence (:data:`ALARM_KINDS`)."""
    articles: int = 0
    annotations: int = 0
    errors: list[str] = []

    def add(self, other: Evaluation) -> None:
        """Add ``other``'s outcomes to these."""
        self.problems.add(other.problems)
        self.accurate.add(other.accurate)
        self.default_view.add(other.default_view)
        for table, more in ((self.per_verdict, other.per_verdict),
                            (self.per_claim, other.per_claim)):
            for key, score in more.items():
                table.setdefault(key, Score()).add(score)
        for counts, more_counts in ((self.miss_kinds, other.miss_kinds),
                                    (self.alarm_kinds, other.alarm_kinds)):
            for key, n in more_counts.items():
                counts[key] = counts.get(key, 0) + n
        self.misses += other.misses
        self.false_alarms += other.false_alarms
        self.known_misses += other.known_misses
        self.articles += other.articles
        self.annotations += other.annotations
        self.errors += other.errors

    def kinds(self) -> dict[str, dict[str, int]]:
        """The misses and false alarms on problems counted by kind (totals, no sentences)."""
        return {"miss_kinds": {k: self.miss_kinds.get(k, 0) for k in MISS_KINDS},
                "alarm_kinds": {k: self.alarm_kinds.get(k, 0) for k in ALARM_KINDS}}

    def view_dict(self) -> dict:
        """The problems' scores at the default least confidence, and that confidence."""
        return {"min_confidence": DEFAULT_MIN_CONFIDENCE, **self.default_view.as_dict()}

    def as_dict(self) -> dict:
        return {
            **self.problems.as_dict(),
            "accurate": self.accurate.as_dict(),
            "min_confidence": self.min_confidence,
            "default_view": self.view_dict(),
            "per_verdict": {k: v.as_dict() for k, v in sorted(self.per_verdict.items())},
            "per_claim": {k: v.as_dict() for k, v in sorted(self.per_claim.items())},
            "misses": [o.model_dump() for o in self.misses],
            "false_alarms": [o.model_dump() for o in self.false_alarms],
            "known_misses": [o.model_dump() for o in self.known_misses],
            **self.kinds(),
            "articles": self.articles,
            "annotations": self.annotations,
            "errors": self.errors,
        }


_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022\u2013])\s+")
"""A list item's number or bullet, which readers keep out of the item's text: a quote
"5. Harvest inside your IRA, too" matches the item "Harvest inside your IRA, too"."""


_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*_])")
"""Markdown emphasis a gold quote copied from the page ("only runs for the 30 days *after*
you sell"), which the Markdown reader keeps out of the sentence's text (a plain-text page keeps
it: both sides lose it)."""


def _quoted(quote: str) -> str:
    """A gold quote as the sentence holding it is written: without the list marker or the
    step label ("Step 2: Deduct the difference") that readers keep out of the text."""
    return normalise(STEP.sub("", _LIST_MARKER.sub("", quote), count=1))


def holds(quote: str, sentence: str) -> bool:
    """Whether a (normalised) sentence holds a (normalised) gold quote. A quote of a table
    row keeps its cells' pipes ("catch-up, 50 and over | $7,500 | $8,000") while the reader
    states each cell with its row and column ("catch-up, 50 and over - 2026: $8,000"): a
    sentence holds such a quote when it holds the row's first cell and another of its cells.
    A row label asked as a question ("Can you waive the withholding?") loses its "?" when the
    reader puts it before each cell of its row ("can you waive the withholding - answer: no")."""
    if quote in sentence:
        return True
    if quote.endswith("?") and f"{quote[:-1].rstrip()} - " in sentence:
        return True
    if " | " not in quote:
        return False
    first, *rest = (cell.strip() for cell in quote.split(" | "))
    return bool(first) and first in sentence and any(cell and cell in sentence for cell in rest)


def normalise(text: str) -> str:
    """Compare quotes and sentences without caring about spacing, curly quotes or Markdown
    emphasis."""
    text = _EMPHASIS.sub(r"\2", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2014", "-").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def load_gold(path: Path) -> GoldFile:
    """Read one gold file; errors name the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return GoldFile.model_validate(data)
    except OSError as exc:
        raise TaxcheckError(f"cannot read gold file: {exc.strerror}", where=str(path),
                            code="TC401") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise TaxcheckError(f"invalid YAML in gold file: {problem}", where=where,
                            code="TC401") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise TaxcheckError(f"invalid gold file: {loc}: {err['msg']}", where=str(path),
                            code="TC401") from None


Facts = dict[str, tuple[str, ...]]
"""For each claim id, the facts of the sheet it states: its ``fact``, then its
``also_facts`` (empty when it names none)."""


def _claim_keys(finding: Finding, facts: Facts) -> tuple[str, ...]:
    return facts.get(finding.claim_id) or (finding.claim_id,)


def _annotation_key(ann: GoldAnnotation, facts: Facts) -> str:
    if ann.claim:
        return (facts.get(ann.claim) or (ann.claim,))[0]
    return ann.fact or ""


MISS_KINDS = ("unflagged", "other_verdict", "other_fact")
"""What taxcheck said on the sentence of a problem it missed: nothing; the same fact with
another verdict; only other facts."""

ALARM_KINDS = ("on_accurate", "other_verdict", "other_fact", "on_myth", "unannotated")
"""What the gold says of the sentence of a false alarm on a problem: that it states the same
fact accurately; the same fact with another problem verdict; only other facts; the same fact
as a quoted myth; nothing (the sentence states nothing the fact sheet decides, or the
labeller left it out)."""


def _miss_kind(findings: list[Finding], quote: str, key: str, facts: Facts) -> str:
    keys = [k for f in findings if holds(quote, normalise(f.sentence))
            for k in _claim_keys(f, facts)]
    if not keys:
        return "unflagged"
    return "other_verdict" if key in keys else "other_fact"


def _alarm_kind(finding: Finding, gold: GoldFile, facts: Facts) -> str:
    sentence = normalise(finding.sentence)
    keys = _claim_keys(finding, facts)
    said = [(_annotation_key(a, facts), a.verdict) for a in gold.annotations
            if holds(_quoted(a.quote), sentence)]
    if not said:
        return "unannotated"
    verdicts = {verdict for k, verdict in said if k in keys}
    if "accurate" in verdicts:
        return "on_accurate"
    if "myth" in verdicts and not verdicts - {"myth"}:
        return "on_myth"
    return "other_verdict" if verdicts else "other_fact"


def _label(finding: Finding) -> str:
    return "myth" if finding.framing == "myth" else finding.verdict


def _bump(table: dict[str, Score], key: str, field: str) -> None:
    score = table.setdefault(key, Score())
    setattr(score, field, getattr(score, field) + 1)


def _match(findings: list[Finding], used: set[int], quote: str, key: str, verdict: str,
           facts: Facts) -> int | None:
    """The finding an annotation takes: one on its sentence with its verdict whose claim
    rests on its fact, first one whose claim's own ``fact`` it is, then one that names it
    among its ``also_facts`` (so a sentence annotated under two facts keeps a finding for
    each when one claim rests on both)."""
    free = [i for i, f in enumerate(findings) if i not in used and _label(f) == verdict
            and holds(quote, normalise(f.sentence)) and key in _claim_keys(f, facts)]
    own = [i for i in free if _claim_keys(findings[i], facts)[0] == key]
    return (own or free or [None])[0]


def score_report(report: Report, gold: GoldFile, facts: Facts,
                 result: Evaluation, min_confidence: float = 0.0) -> None:
    """Add one article's outcomes to ``result``, scoring the findings whose confidence is at
    least ``min_confidence``."""
    findings = [f for f in report.findings
                if not f.suppressed and f.confidence >= min_confidence]
    used: set[int] = set()
    for ann in gold.annotations:
        quote = _quoted(ann.quote)
        key = _annotation_key(ann, facts)
        match = _match(findings, used, quote, key, ann.verdict, facts)
        if ann.verdict == "myth":
            # A myth is fine unflagged or reported as a debunked myth; never as an error.
            if match is not None:
                used.add(match)
            continue
        group = "problems" if ann.verdict in PROBLEMS else "accurate"
        score = result.problems if group == "problems" else result.accurate
        claim_name = ann.claim or ann.fact or "?"
        if match is not None:
            used.add(match)
            score.tp += 1
            _bump(result.per_verdict, ann.verdict, "tp")
            _bump(result.per_claim, findings[match].claim_id, "tp")
            continue
        outcome = Outcome(path=report.path, sentence=ann.quote,
                          expected=f"{claim_name} ({ann.verdict})",
                          got=", ".join(f"{f.claim_id} ({_label(f)})" for f in findings
                                        if holds(quote, normalise(f.sentence))) or None)
        if ann.todo:
            result.known_misses.append(outcome)
            continue
        score.fn += 1
        if group == "problems":
            kind = _miss_kind(findings, quote, key, facts)
            result.miss_kinds[kind] = result.miss_kinds.get(kind, 0) + 1
            outcome.kind = kind
        _bump(result.per_verdict, ann.verdict, "fn")
        _bump(result.per_claim, claim_name, "fn")
        result.misses.append(outcome)
    # A sentence is annotated once per fact and verdict: further findings that say the same
    # thing about it (two outdated amounts, two claims of one fact) are repeats, not alarms.
    said = {(findings[i].sentence, key, _label(findings[i]))
            for i in used for key in _claim_keys(findings[i], facts)}
    for i, f in enumerate(findings):
        if i in used or f.framing == "myth" or any(
                (f.sentence, key, _label(f)) in said for key in _claim_keys(f, facts)):
            continue
        score = result.problems if f.verdict in PROBLEMS else result.accurate
        score.fp += 1
        kind = None
        if f.verdict in PROBLEMS:
            kind = _alarm_kind(f, gold, facts)
            result.alarm_kinds[kind] = result.alarm_kinds.get(kind, 0) + 1
        _bump(result.per_verdict, f.verdict, "fp")
        _bump(result.per_claim, f.claim_id, "fp")
        sentence = normalise(f.sentence)
        gold_here = [f"{a.claim or a.fact} ({a.verdict})" for a in gold.annotations
                     if holds(_quoted(a.quote), sentence)]
        result.false_alarms.append(Outcome(path=report.path, line=f.line, sentence=f.sentence,
                                           expected=", ".join(gold_here) or None,
                                           got=f"{f.claim_id} ({_label(f)})", kind=kind))


def evaluate(corpus: Path, checker: Checker,
             only: Iterable[str] | None = None, result: Evaluation | None = None,
             gold_dir: Path | None = None, min_confidence: float = 0.0) -> Evaluation:
    """Check every article of ``corpus`` that has a gold file and score the findings.

    Gold files are read from ``gold_dir`` (default ``corpus/gold``); articles are named
    relative to the gold folder's parent. A gold file's ``as_of`` year is the tax year its
    article is checked against (as ``--tax-year`` would), so the verdicts are those of that
    year whatever the article's own date. Scores are added to ``result`` when given.

    The findings scored are those whose confidence is at least ``min_confidence`` (0: every
    finding, whatever the checker's own selection); ``default_view`` scores the problems
    among those `taxcheck check` reports by default.
    """
    gold_dir = gold_dir or corpus / "gold"
    if not gold_dir.is_dir():
        raise TaxcheckError("no gold/ folder with annotations", where=str(corpus), code="TC402")
    facts = {c.id: (c.fact, *c.also_facts) for c in checker.db.claims if c.fact}
    result = result if result is not None else Evaluation()
    result.min_confidence = min_confidence
    wanted = set(only) if only else None
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = load_gold(gold_path)
        if wanted is not None and gold.article not in wanted:
            continue
        article = gold_dir.parent / gold.article
        try:
            document = read_path(str(article))
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        report = checker.check(document, tax_year=gold.as_of)
        result.articles += 1
        result.annotations += len(gold.annotations)
        score_report(report, gold, facts, result, min_confidence)
        view = Evaluation()
        score_report(report, gold, facts, view, DEFAULT_MIN_CONFIDENCE)
        result.default_view.add(view.problems)
    return result


PARTS = ("ours", "blind", "bank", "sealed", "sealed_bank")
"""The parts of an evaluation corpus: ``CORPUS/gold`` (articles written by the team),
``CORPUS/blind/gold`` (written and labelled by authors who never saw the rules or the code),
``CORPUS/bank/gold`` (the phrasing bank: short passages stating each fact of the sheet
rightly and wrongly in many wordings, written the same blind way), and the sealed parts
nobody reads while tuning, of which only totals are shown: ``CORPUS/sealed/gold`` (blind
articles) and ``CORPUS/sealed/bank/gold`` (the bank's held-out half)."""

SEALED_PARTS = ("sealed", "sealed_bank")

class CorpusEvaluation(BaseModel):
    """Scores of the development corpus (the team's and the blind articles) and the sealed
    part, kept apart."""

    development: Evaluation = Evaluation()
    parts: dict[str, Evaluation] = {}

    def as_dict(self) -> dict:
        """The development scores at the top level, each part's totals beside them.

        Each part's totals only (the sealed parts' misses and false alarms are never shown):
        scores, and the misses and false alarms on problems counted by kind.
        """
        out = self.development.as_dict()
        for name, part in self.parts.items():
            totals = {**part.problems.as_dict(), "accurate": part.accurate.as_dict(),
                      "default_view": part.view_dict(), **part.kinds(),
                      "articles": part.articles, "annotations": part.annotations,
                      "errors": len(part.errors)}
            out[name] = totals
        return out


def _part_dirs(corpus: Path) -> dict[str, Path]:
    dirs = {"ours": corpus / "gold", "blind": corpus / "blind" / "gold",
            "bank": corpus / "bank" / "gold", "sealed": corpus / "sealed" / "gold",
            "sealed_bank": corpus / "sealed" / "bank" / "gold"}
    return {name: path for name, path in dirs.items() if path.is_dir()}


def evaluate_corpus(corpus: Path, checker: Checker,
                    only: Iterable[str] | None = None,
                    min_confidence: float = 0.0) -> CorpusEvaluation:
    """Score every part of ``corpus`` (see :data:`PARTS`).

    The development scores are those of the team's, the blind and the bank's articles
    together; the sealed parts are scored on their own and never added to them.
    """
    dirs = _part_dirs(corpus)
    if not dirs:
        raise TaxcheckError("no gold/ folder with annotations", where=str(corpus), code="TC402")
    out = CorpusEvaluation()
    out.development.min_confidence = min_confidence
    for name, gold_dir in dirs.items():
        part = evaluate(corpus, checker, only, gold_dir=gold_dir, min_confidence=min_confidence)
        out.parts[name] = part
        if name not in SEALED_PARTS:
            out.development.add(part)
    return out
