"""``taxcheck check``: check articles like a linter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from taxcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail, write_atomic
from taxcheck.cli.fixing import fix_and_recheck
from taxcheck.cli.options import (
    CHECKING_OPTIONS,
    PUBLISH_OPTIONS,
    CheckerPool,
    Target,
    apply_options,
    color_option,
    fail_config,
    fail_on_option,
    format_option,
    min_severity_option,
    overrides,
    page_url_option,
    publish_problem,
    resolve_targets,
    use_colour,
)
from taxcheck.config import Settings
from taxcheck.errors import ConfigError, InputError
from taxcheck.findings import SEVERITY_RANK, Report
from taxcheck.readers import read_path
from taxcheck.render import RENDERERS, render_statistics
from taxcheck.render.urls import http_url
from taxcheck.scan.inputs import InputWalker, SourceError
from taxcheck.timebudget import DEFAULT_TIMEOUT_PER_DOC, Overrun, TimeBudget


def reaches(reports: list[Report], fail_on: str) -> bool:
    """True when any unsuppressed problem finding is at least as severe as ``fail_on``."""
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    return any(f.is_problem and not f.suppressed and SEVERITY_RANK[f.severity] >= floor
               for r in reports for f in r.findings)


def print_warnings(reports: list[Report]) -> None:
    """Print each report's warnings (e.g. a suppression naming an unknown claim)."""
    for report in reports:
        for warning in report.warnings:
            click.echo(f"taxcheck: warning: {warning}", err=True)
        if report.date_note:
            click.echo(f"taxcheck: warning: {report.path}: TC262 {report.date_note}", err=True)


def _inputs(paths: tuple[str, ...]) -> tuple[list[str], bool]:
    """The files to check (folders expanded) and whether any input named nothing; prints
    those errors, and exits 2 when nothing is left to check."""
    files, missing = expand_folders(paths)
    for error in missing:
        click.echo(f"taxcheck: error: {error}", err=True)
    if not files:
        sys.exit(EXIT_ERROR)
    return files, bool(missing)


def expand_folders(paths: tuple[str, ...]) -> tuple[list[str], list[InputError]]:
    """Each folder among ``paths`` replaced by the article files under it (as `scan`
    finds them); files and ``-`` stay as they are. Also returns the folders' errors."""
    out: list[str] = []
    errors: list[InputError] = []
    walker = InputWalker()
    for path in paths:
        if path == "-" or not Path(path).is_dir():
            out.append(path)
            continue
        found = 0
        for source in walker.expand([path]):
            if isinstance(source, SourceError):
                errors.append(source.error)
            elif not source.is_jsonl:
                out.append(source.path)
                found += 1
        if not found:
            errors.append(InputError("no article files in this folder", where=path,
                                     code="TC206"))
    return out, errors


def check_publishing(settings: Settings, publish: bool | None, page_url: str | None) -> None:
    """Exit 2 when a page to publish lacks what it needs.

    ``publish = true`` in the configuration is about review pages: the linter's other
    formats run as usual; ``--publish`` on the command line is always checked.
    """
    if page_url is not None and http_url(page_url) is None:
        raise click.BadParameter("must be an http:// or https:// URL", param_hint="--page-url")
    asked = publish is not None or settings.format == "html"
    if asked and (problem := publish_problem(settings, page_url=page_url)):
        fail(problem)


def page_options(settings: Settings, page_url: str | None) -> dict[str, object]:
    """The options of an HTML review page: who reviewed it, where it goes, for whom."""
    return {"reviewer": settings.reviewer, "reviewer_url": settings.reviewer_url,
            "publish": settings.publish, "page_url": page_url}


def append_step_summary(reports: list[Report], min_severity: str) -> None:
    """Append the Markdown list of findings to ``$GITHUB_STEP_SUMMARY`` when it is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from taxcheck.render.github import render_step_summary

    with open(target, "a", encoding="utf-8") as handle:
        handle.write(render_step_summary(reports, min_severity=min_severity))


def check_targets(targets: list[Target], pool: CheckerPool, timeout: float,
                  stdin_name: str | None = None
                  ) -> tuple[list[tuple[Report, str]], list[Target], bool]:
    """Read and check each target within its time budget: (report, fail-on) of each
    checked one, the targets read, and whether any input failed (already reported)."""
    checked: list[tuple[Report, str]] = []
    read: list[Target] = []
    input_failed = False
    for target in targets:
        checker = pool.checker(target.settings)
        overrun = (f"taxcheck: error: {target.path}: TC213 checking took longer than the "
                   f"{timeout:g}-second limit (--timeout-per-doc)")
        try:
            with TimeBudget(timeout, overrun):
                document = read_path(target.path, max_bytes=target.settings.max_bytes,
                                     stdin_name=stdin_name)
                report = checker.check(document)
            checked.append((report, target.settings.fail_on))
        except InputError as exc:
            click.echo(f"taxcheck: error: {exc}", err=True)
            input_failed = True
        except Overrun:
            click.echo(overrun, err=True)
            input_failed = True
        else:
            read.append(target)
    return checked, read, input_failed


def write_output(output: Path, text: str) -> None:
    """Write ``-o FILE``; a file that cannot be written (read-only, full disk) is one
    line and exit 2."""
    try:
        write_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the output to FILE instead of standard output.")
@fail_on_option
@min_severity_option
@apply_options(*CHECKING_OPTIONS, *PUBLISH_OPTIONS)
@page_url_option
@click.option("--fix", is_flag=True,
              help="Replace wrong figures in the files with the right value for the tax year "
                   "(only figures with one right value, written in digits), then report "
                   "what is left.")
@click.option("--diff", is_flag=True,
              help="Print the --fix changes as a unified diff instead of writing them; exit 1 "
                   "when there is any.")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each claim has (most first) instead of the "
                   "findings.")
@color_option
@click.option("--stdin-filename", metavar="NAME",
              help="Name for the article read from - (standard input): its suffix picks the "
                   "reader and findings are reported under it.")
@click.option("--timeout-per-doc", type=click.FloatRange(0, min_open=True),
              default=DEFAULT_TIMEOUT_PER_DOC, show_default=True, metavar="SECONDS",
              help="Give up on an article (TC213, exit 2) when reading and checking it "
                   "takes longer than this.")
def check(paths: tuple[str, ...], fmt: str | None, output: Path | None, fail_on: str | None,
          min_severity: str | None, config_file: Path | None, tax_year: int | None,
          claims: tuple[Path, ...], enable: tuple[str, ...], disable: tuple[str, ...],
          min_confidence: float | None, max_bytes: int | None, reviewer: str | None,
          reviewer_url: str | None, publish: bool | None, page_url: str | None, fix: bool,
          color: str, statistics: bool, diff: bool, stdin_filename: str | None,
          timeout_per_doc: float) -> None:
    """Check the tax claims in each PATH (.txt, .md, .html/.htm or .docx; - reads stdin).

    A folder is checked file by file: every article under it with one of those suffixes,
    in sorted order, hidden files and folders skipped (JSON Lines corpora are for `taxcheck
    scan`).

    Prints ``path:line:col: severity [claim-id] verdict: message`` for every finding,
    the correction below it, and a summary line. Settings come from the nearest
    .taxcheck.toml or pyproject.toml [tool.taxcheck] above each PATH; options given
    here override them (see `taxcheck config`). Exits 0 when clean, 1 when a finding
    reaches --fail-on, 2 on usage errors, unreadable input, a bad configuration or a
    broken claim database.
    """
    cli = overrides(format=fmt, fail_on=fail_on, min_severity=min_severity, tax_year=tax_year,
                    claims=claims, enable=enable, disable=disable,
                    min_confidence=min_confidence, max_bytes=max_bytes, reviewer=reviewer,
                    reviewer_url=reviewer_url, publish=publish)
    paths, input_failed = _inputs(paths)
    try:
        targets = resolve_targets(paths, cli, config_file)
    except ConfigError as exc:
        fail_config(exc)
    first = targets[0].settings
    check_publishing(first, publish, page_url)
    if (fix or diff) and "-" in paths:
        raise click.UsageError("--fix and --diff rewrite files; they cannot read standard input")
    if first.format == "html" and len(paths) > 1:
        raise click.UsageError("--format html renders one article; use `taxcheck scan` for many")
    pool = CheckerPool()
    checked, read, input_failed = check_targets(targets, pool, timeout_per_doc,
                                                stdin_filename)
    if fix or diff:
        input_failed = fix_and_recheck(read, checked, pool, diff=diff, failed=input_failed)
    reports = [report for report, _ in checked]
    print_warnings(reports)
    if reports:
        colour = first.format in ("text", "concise") and use_colour(
            color, output is None and sys.stdout.isatty())
        render = render_statistics if statistics else RENDERERS[first.format]
        text = render(reports, min_severity=first.min_severity, colour=colour,
                      db=pool.db(first), **page_options(first, page_url))
        if output is not None:
            write_output(output, text)
        else:
            click.echo(text, nl=False, color=colour)
        if first.format == "github":
            append_step_summary(reports, first.min_severity)
    if input_failed:
        sys.exit(EXIT_ERROR)
    failed = any(reaches([report], fail) for report, fail in checked)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)
