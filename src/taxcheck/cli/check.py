"""``taxcheck check``: check articles like a linter."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from taxcheck.checker import Checker
from taxcheck.cli.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    claims_option,
    load_db,
    write_atomic,
)
from taxcheck.errors import InputError
from taxcheck.findings import SEVERITY_RANK, Report
from taxcheck.readers import DEFAULT_MAX_BYTES, read_path
from taxcheck.render import RENDERERS


def reaches(reports: list[Report], fail_on: str) -> bool:
    """True when any unsuppressed problem finding is at least as severe as ``fail_on``."""
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    return any(f.is_problem and not f.suppressed and SEVERITY_RANK[f.severity] >= floor
               for r in reports for f in r.findings)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the output to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding reaches this severity.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]),
              default="warning", show_default=True,
              help="Least severe finding shown in text output (info shows verified claims).")
@click.option("--tax-year", type=click.IntRange(1990, 2100),
              help="Check figures against this tax year (default: the article's date, "
                   "else this year).")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Refuse inputs larger than this.")
@claims_option
def check(paths: tuple[str, ...], fmt: str, output: Path | None, fail_on: str,
          min_severity: str, tax_year: int | None, max_bytes: int,
          claim_dirs: tuple[Path, ...]) -> None:
    """Check the tax claims in each PATH (.txt, .md, .html/.htm or .docx; - reads stdin).

    Prints ``path:line:col: severity [claim-id] verdict: message`` for every finding,
    the correction below it, and a summary line. Exits 0 when clean, 1 when a finding
    reaches --fail-on, 2 on usage errors, unreadable input or a broken claim database.
    """
    if fmt == "html" and len(paths) > 1:
        raise click.UsageError("--format html renders one article; use `taxcheck scan` for many")
    db = load_db(claim_dirs)
    checker = Checker(db, tax_year=tax_year)
    documents, input_failed = [], False
    for path in paths:
        try:
            documents.append(read_path(path, max_bytes=max_bytes))
        except InputError as exc:
            click.echo(f"taxcheck: error: {exc}", err=True)
            input_failed = True
    reports = list(checker.check_many(documents))
    if reports:
        colour = output is None and fmt == "text" and sys.stdout.isatty()
        text = RENDERERS[fmt](reports, min_severity=min_severity, colour=colour)
        if output is not None:
            write_atomic(output, text)
            click.echo(f"wrote {output}", err=True)
        else:
            click.echo(text, nl=False, color=colour)
    if input_failed:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if reaches(reports, fail_on) else EXIT_CLEAN)
