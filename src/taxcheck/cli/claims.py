"""``taxcheck claims``: list, show, validate and test the claim database."""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from pathlib import Path

import click

from taxcheck.checker import Checker
from taxcheck.claimdb.models import SCOPE, Claim, Condition, Lexeme, YearRange, local_label
from taxcheck.claimtests import run_examples
from taxcheck.cli.common import EXIT_CLEAN, EXIT_FINDINGS, claims_option, fail, load_db
from taxcheck.cli.options import config_option
from taxcheck.selection import suggestion


@click.group()
def claims() -> None:
    """Inspect and test the claim database.

    Without --claims, the house claim folders are the `claims` of the nearest
    .taxcheck.toml or pyproject.toml [tool.taxcheck] above the current folder (or of
    --config FILE), as for `taxcheck check`.
    """


def _dirs(claim_dirs: tuple[Path, ...], config_file: Path | None) -> tuple[Path, ...]:
    """The claim folders: --claims when given, else the configuration's ``claims``."""
    if claim_dirs:
        return claim_dirs
    from taxcheck.cli.options import fail_config
    from taxcheck.config import load_settings
    from taxcheck.errors import ConfigError

    try:
        return load_settings(Path.cwd(), config_file=config_file).claims
    except ConfigError as exc:
        fail_config(exc)


@claims.command("list")
@click.option("--topic", help="Only claims of this topic.")
@click.option("--verdict", type=click.Choice(["false", "misleading", "outdated", "accurate",
                                              "figure"]),
              help="Only claims with this verdict ('figure' for numeric claims).")
@claims_option
@config_option
def list_claims(topic: str | None, verdict: str | None, claim_dirs: tuple[Path, ...],
                config_file: Path | None) -> None:
    """List claims: id, verdict, topic and what the article says."""
    db = load_db(_dirs(claim_dirs, config_file))
    topics = sorted({c.topic for c in db.claims})
    if topic is not None and topic not in topics:
        fail(f"no topic {topic!r}; topics: {', '.join(topics)}")
    shown = [c for c in db.claims if (topic is None or c.topic == topic)
             and (verdict is None or (c.verdict or "figure") == verdict)]
    for c in sorted(shown, key=lambda c: (c.topic, c.id)):
        click.echo(f"{c.id:<48} {c.verdict or 'figure':<10} {c.topic:<22} {c.says}")
    counts = Counter(c.verdict or "figure" for c in shown)
    click.echo(f"{len(shown)} claims: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items())))


def _years(years: YearRange) -> str:
    if years.from_ is None and years.to is None:
        return "all years"
    if years.to is None:
        return f"{years.from_} onward"
    if years.from_ is None:
        return f"up to {years.to}"
    return f"{years.from_}-{years.to}"


def _block(title: str, text: str) -> None:
    click.echo(f"{title}:")
    click.echo(textwrap.fill(text, width=96, initial_indent="  ", subsequent_indent="  "))


def _names(labels: tuple[str, ...]) -> str:
    """Labels as the claim file writes them (its own terms without the claim's id)."""
    return ", ".join(map(local_label, labels))


def _condition(cond: Condition) -> str:
    parts = [f"all of {_names(cond.all)}" if cond.all else "",
             f"any of {_names(cond.any)}" if cond.any else "",
             f"none of {_names(cond.none)}" if cond.none else "",
             f"{cond.polarity}" if cond.polarity != "any" else "affirmed or negated",
             f"names a year {_years(cond.stated_year)}" if cond.stated_year else "",
             f"amount nearest {local_label(cond.anchor)}" if cond.anchor else "",
             "not mirrored in the denial" if not cond.mirror else ""]
    return "; ".join(p for p in parts if p)


@claims.command("show")
@click.argument("claim_id")
@claims_option
@config_option
def show_claim(claim_id: str, claim_dirs: tuple[Path, ...], config_file: Path | None) -> None:
    """Show everything about one claim."""
    db = load_db(_dirs(claim_dirs, config_file))
    try:
        c = db.claim(claim_id)
    except KeyError:
        fail(f"no claim with id {claim_id!r}{suggestion(claim_id, db)} "
             "(see `taxcheck claims list`)")
    kind = c.verdict or f"numeric, checked against figure {c.figure}"
    click.echo(f"{c.id}  [{kind}]  topic {c.topic}")
    click.echo(f"defined at  {db.locations.get(c.id, '?')}")
    click.echo(f"fact sheet  {c.fact or '-'}    years {_years(c.years)}    "
               f"confidence {c.confidence}    severity {c.severity or 'by verdict'}")
    click.echo("")
    _block("Articles say", c.says)
    if c.negated is not None:
        _block(f"Denied ({c.negated.id}, {c.negated.verdict})", c.negated.says)
    if c.denial_of is not None:
        denied = [p.id for p in db.claims if p.negated is not None and p.negated.id == c.id]
        names = " and ".join(denied or [c.denial_of])
        click.echo(f"(the denial of proposition {names}; its examples are there)")
    if c.history is not None:
        _block(f"Told as the past ({c.history.id}, accurate)", c.history.says)
    if c.history_of is not None:
        click.echo(f"(proposition {c.history_of} told as the past; its examples are there)")
    _block("The rule", c.rule)
    if c.correction:
        _block("Correction", c.correction)
    if c.figure and c.figure in db.figures:
        figure = db.figures[c.figure]
        click.echo(f"Figure {figure.id} ({figure.name}), amount nearest "
                   f"{local_label(c.anchor) if c.anchor else 'the first concept'}:")
        for year in sorted(figure.values):
            click.echo(f"  {year}: {figure.format_year(year)}")
        if figure.note:
            click.echo(textwrap.fill(f"note: {figure.note}", width=96, initial_indent="  ",
                                     subsequent_indent="  "))
    click.echo("Sources:")
    for cite in c.citations:
        click.echo(f"  - {cite.title} <{cite.url}>")
    _show_conditions(c)
    _show_examples(c)


def _show_conditions(c: Claim) -> None:
    click.echo("Matches when a clause has:")
    for cond in c.when:
        click.echo(f"  - {_condition(cond)}")
    if c.negated is not None:
        click.echo(f"Denied ({c.negated.id}) when a clause has a mirrored condition above with "
                   "the opposite polarity" + (", or:" if c.negated.when else ""))
        for cond in c.negated.when:
            click.echo(f"  - {_condition(cond)}")
    if c.terms:
        click.echo("Its own terms (seen by no other claim):")
        for label, lexeme in c.terms.items():
            click.echo(textwrap.fill(f"{local_label(label)}: {_lexeme(lexeme)}", width=96,
                                     initial_indent="  - ", subsequent_indent="    "))


def _lexeme(lexeme: Lexeme) -> str:
    """What a label of a claim's terms lists, in one line."""
    parts = [", ".join(f'"{p}"' for p in (*lexeme.terms, *lexeme.lemmas)),
             f"{len(lexeme.patterns)} token pattern(s)" if lexeme.patterns else "",
             f"includes {_names(lexeme.includes)}" if lexeme.includes else "",
             f"hides {_names(lexeme.hides)}" if lexeme.hides else ""]
    return "; ".join(p for p in parts if p) or lexeme.description


def _show_examples(c: Claim) -> None:
    sections = [("Examples that match:", "+", c.examples.match),
                (f"Examples that deny it ({c.negated.id}):" if c.negated else "", "~",
                 c.examples.negated),
                ("Examples that must not match:", "-", c.examples.no_match)]
    for title, mark, sentences in sections:
        if not sentences:
            continue
        click.echo(title)
        for sentence in sentences:
            click.echo(f"  {mark} {sentence}")


@claims.command("validate")
@claims_option
@config_option
def validate(claim_dirs: tuple[Path, ...], config_file: Path | None) -> None:
    """Check the database: schema, concepts, figures, duplicate ids, citations, examples.

    Prints one line per problem (file:line) and exits 2 when there is any.
    """
    db = load_db(_dirs(claim_dirs, config_file))
    own = sum(SCOPE in label for label in db.concepts)
    click.echo(f"ok: {len(db.claims)} claims, {len(db.figures)} figures, "
               f"{len(db.concepts) - own} concepts and {own} terms of single claims "
               f"(version {db.version})")


@claims.command("test")
@click.argument("claim_ids", nargs=-1, metavar="[ID]...")
@click.option("-v", "--verbose", is_flag=True, help="Also list passing examples.")
@click.option("--tax-year", type=click.IntRange(1990, 2100),
              help="Tax year the examples are checked as of (default: the latest year the "
                   "figure tables cover).")
@claims_option
@config_option
def test(claim_ids: tuple[str, ...], verbose: bool, tax_year: int | None,
         claim_dirs: tuple[Path, ...], config_file: Path | None) -> None:
    """Run each claim's examples through the real pipeline.

    A `match` example must produce a finding for its claim and a `no_match` example
    must not. Prints every failure with the sentence, the expected and the actual
    result; exits 1 when any example fails. Examples that name no year are checked as
    of the latest year the figure tables cover, so the result does not change with the
    calendar.
    """
    db = load_db(_dirs(claim_dirs, config_file))
    if tax_year is None:
        tax_year = max((y for f in db.figures.values() for y in f.values), default=None)
    unknown = sorted(set(claim_ids) - {c.id for c in db.claims})
    if unknown:
        hints = "".join(suggestion(name, db) for name in unknown[:1])
        fail(f"no claim with id {', '.join(unknown)}{hints} (see `taxcheck claims list`)")
    selected = [c for c in db.claims if not claim_ids or c.id in claim_ids]
    results = run_examples(Checker(db, tax_year=tax_year), selected)
    failures = [r for r in results if not r.passed]
    for r in results:
        if not r.passed:
            click.echo(f"FAIL {r.describe()}")
        elif verbose:
            click.echo(f"ok   {r.claim_id} {r.expect}[{r.index}]")
    click.echo(f"{len(results) - len(failures)} passed, {len(failures)} failed "
               f"({len(selected)} claims)")
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
