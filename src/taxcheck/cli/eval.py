"""``taxcheck eval``: precision and recall on the gold-annotated corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from taxcheck.calibration import DEFAULT_MIN_CONFIDENCE
from taxcheck.checker import Checker
from taxcheck.cli.common import claims_option, fail, load_db
from taxcheck.errors import TaxcheckError
from taxcheck.evaluation import CorpusEvaluation, Evaluation, Score, evaluate_corpus


def _line(name: str, score: Score) -> str:
    return (f"{name:<48} P {score.precision:6.3f}  R {score.recall:6.3f}  F1 {score.f1:6.3f}"
            f"   tp {score.tp:3d}  fp {score.fp:3d}  fn {score.fn:3d}")


PART_NAMES = {"ours": "the team's articles (corpus/gold)",
              "blind": "blind articles (corpus/blind)",
              "bank": "phrasing bank (corpus/bank)",
              "sealed": "sealed blind articles (totals only)",
              "sealed_bank": "sealed phrasing bank (totals only)"}


def _kinds(part: Evaluation) -> str:
    kinds = part.kinds()
    misses = ", ".join(f"{k} {n}" for k, n in kinds["miss_kinds"].items())
    alarms = ", ".join(f"{k} {n}" for k, n in kinds["alarm_kinds"].items())
    return f"    problems missed: {misses}\n    false alarms: {alarms}"


def render_parts(result: CorpusEvaluation) -> str:
    """One block of totals per part of the corpus; the sealed parts show nothing else."""
    out = ["", "by part (problems, then accurate):"]
    for name, part in result.parts.items():
        out += [f"  {PART_NAMES.get(name, name)}: {part.articles} articles, "
                f"{part.annotations} annotations",
                _line("    problems", part.problems), _line("    accurate", part.accurate),
                _line(f"    problems, confidence >= {DEFAULT_MIN_CONFIDENCE:g} (check's default)",
                      part.default_view),
                _kinds(part)]
    return "\n".join(out) + "\n"


def scored_what(min_confidence: float) -> str:
    """Which findings the scores count, and how that differs from what `check` reports."""
    which = ("every finding taxcheck makes" if min_confidence <= 0
             else f"findings with confidence >= {min_confidence:g}")
    return (f"scored: {which} (`taxcheck check` reports those with confidence >= "
            f"{DEFAULT_MIN_CONFIDENCE:g} by default; --min-confidence 0 reports them all)")


def render_evaluation(result: Evaluation) -> str:
    """The human-readable evaluation report."""
    out = [f"{result.articles} articles, {result.annotations} annotations",
           scored_what(result.min_confidence), "",
           _line("problems (false, misleading, outdated)", result.problems),
           _line("accurate (verified)", result.accurate),
           _line(f"problems, confidence >= {DEFAULT_MIN_CONFIDENCE:g} (check's default)",
                 result.default_view), "", "per verdict:"]
    out += [_line(f"  {k}", v) for k, v in sorted(result.per_verdict.items())]
    out += ["", "per claim:"]
    out += [_line(f"  {k}", v) for k, v in sorted(result.per_claim.items())]
    if result.misses:
        out += ["", f"misses ({len(result.misses)}):"]
        out += [f"  {m.path}: expected {m.expected}, got {m.got or 'nothing'}\n"
                f"      {m.sentence}" for m in result.misses]
    if result.false_alarms:
        out += ["", f"false alarms ({len(result.false_alarms)}):"]
        out += [f"  {m.path}:{m.line}: {m.got}, gold {m.expected or 'nothing'}\n"
                f"      {m.sentence}" for m in result.false_alarms]
    if result.known_misses:
        out += ["", f"known misses, not counted ({len(result.known_misses)}):"]
        out += [f"  {m.path}: {m.expected}: {m.sentence}" for m in result.known_misses]
    if result.errors:
        out += ["", "articles that could not be read:", *(f"  {e}" for e in result.errors)]
    return "\n".join(out) + "\n"


@click.command("eval")
@click.argument("corpus", default="corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--article", "articles", multiple=True, metavar="NAME",
              help="Only this article (file name in CORPUS). Repeatable.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              metavar="0-1",
              help="Score only findings at least this confident (0: every finding; "
                   f"`taxcheck check` reports those from {DEFAULT_MIN_CONFIDENCE:g} by default).")
@claims_option
def eval_command(corpus: Path, fmt: str, articles: tuple[str, ...], min_confidence: float,
                 claim_dirs: tuple[Path, ...]) -> None:
    """Measure precision and recall on a gold-annotated CORPUS (default: ./corpus).

    Scores problems (false, misleading, outdated) and accurate claims separately,
    per verdict and per claim, and lists every miss and false alarm with its
    sentence. Gold annotations live in CORPUS/gold/, CORPUS/blind/gold/,
    CORPUS/bank/gold/ (development) and CORPUS/sealed/gold/, CORPUS/sealed/bank/gold/
    (sealed; see corpus/README.md). The development scores cover the first three; each
    sealed part is scored on its own and only its totals are shown.

    Every finding is scored unless --min-confidence says otherwise; the problems among
    those `taxcheck check` reports by default (its --min-confidence) are scored apart on
    the line "check's default" (``default_view`` in JSON).
    """
    db = load_db(claim_dirs)
    try:
        result = evaluate_corpus(corpus, Checker(db), articles or None, min_confidence)
    except TaxcheckError as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(render_evaluation(result.development) + render_parts(result), nl=False)
    sys.exit(0)
