"""``taxcheck claims``: list, show, validate and test the claim database."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from taxcheck.checker import Checker
from taxcheck.claimtests import run_examples
from taxcheck.cli.common import EXIT_CLEAN, EXIT_FINDINGS, claims_option, fail, load_db


@click.group()
def claims() -> None:
    """Inspect and test the claim database."""


@claims.command("list")
@click.option("--topic", help="Only claims of this topic.")
@click.option("--verdict", type=click.Choice(["false", "misleading", "outdated", "accurate",
                                              "figure"]),
              help="Only claims with this verdict ('figure' for numeric claims).")
@claims_option
def list_claims(topic: str | None, verdict: str | None, claim_dirs: tuple[Path, ...]) -> None:
    """List claims: id, verdict, topic and what the article says."""
    db = load_db(claim_dirs)
    shown = [c for c in db.claims if (topic is None or c.topic == topic)
             and (verdict is None or (c.verdict or "figure") == verdict)]
    for c in sorted(shown, key=lambda c: (c.topic, c.id)):
        click.echo(f"{c.id:<48} {c.verdict or 'figure':<10} {c.topic:<22} {c.says}")
    counts = Counter(c.verdict or "figure" for c in shown)
    click.echo(f"{len(shown)} claims: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items())))


@claims.command("show")
@click.argument("claim_id")
@claims_option
def show_claim(claim_id: str, claim_dirs: tuple[Path, ...]) -> None:
    """Show everything about one claim."""
    db = load_db(claim_dirs)
    try:
        c = db.claim(claim_id)
    except KeyError:
        fail(f"no claim with id {claim_id!r} (see `taxcheck claims list`)")
    years = f"{c.years.from_ or '...'}–{c.years.to or 'now'}"
    click.echo(f"{c.id}  [{c.verdict or 'figure: ' + str(c.figure)}]  topic {c.topic}")
    click.echo(f"defined at  {db.locations.get(c.id, '?')}")
    click.echo(f"fact sheet  {c.fact or '-'}    years {years}    confidence {c.confidence}")
    click.echo(f"\nArticles say:\n  {c.says}\nThe rule:\n  {c.rule}\nCorrection:\n  {c.correction}")
    click.echo("Sources:")
    for cite in c.citations:
        click.echo(f"  - {cite.title} <{cite.url}>")
    click.echo("Matches when:")
    for cond in c.when:
        parts = [f"all {list(cond.all)}" if cond.all else "", f"any {list(cond.any)}"
                 if cond.any else "", f"none {list(cond.none)}" if cond.none else "",
                 f"polarity {cond.polarity}"]
        click.echo("  - " + ", ".join(p for p in parts if p))
    click.echo("Examples that match:")
    for s in c.examples.match:
        click.echo(f"  + {s}")
    click.echo("Examples that must not match:")
    for s in c.examples.no_match:
        click.echo(f"  - {s}")


@claims.command("validate")
@claims_option
def validate(claim_dirs: tuple[Path, ...]) -> None:
    """Check the database: schema, concepts, figures, duplicate ids, citations, examples.

    Prints one line per problem (file:line) and exits 2 when there is any.
    """
    db = load_db(claim_dirs)
    click.echo(f"ok: {len(db.claims)} claims, {len(db.figures)} figures, "
               f"{len(db.concepts)} concepts (version {db.version})")


@claims.command("test")
@click.argument("claim_ids", nargs=-1, metavar="[ID]...")
@click.option("-v", "--verbose", is_flag=True, help="Also list passing examples.")
@claims_option
def test(claim_ids: tuple[str, ...], verbose: bool, claim_dirs: tuple[Path, ...]) -> None:
    """Run each claim's examples through the real pipeline.

    A `match` example must produce a finding for its claim and a `no_match` example
    must not. Prints every failure with the sentence, the expected and the actual
    result; exits 1 when any example fails.
    """
    db = load_db(claim_dirs)
    unknown = sorted(set(claim_ids) - {c.id for c in db.claims})
    if unknown:
        fail(f"no claim with id {', '.join(unknown)} (see `taxcheck claims list`)")
    selected = [c for c in db.claims if not claim_ids or c.id in claim_ids]
    results = run_examples(Checker(db), selected)
    failures = [r for r in results if not r.passed]
    for r in results:
        if not r.passed:
            click.echo(f"FAIL {r.describe()}")
        elif verbose:
            click.echo(f"ok   {r.claim_id} {r.expect}[{r.index}]")
    click.echo(f"{len(results) - len(failures)} passed, {len(failures)} failed "
               f"({len(selected)} claims)")
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
