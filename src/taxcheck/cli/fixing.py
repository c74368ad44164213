"""``check --fix`` and ``check --diff``: correct wrong figures in the checked files."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from taxcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from taxcheck.errors import InputError
from taxcheck.findings import Report
from taxcheck.fixes import FilePlan, plan_file, unified_diff, write_plan
from taxcheck.readers import read_path

if TYPE_CHECKING:
    from taxcheck.cli.options import CheckerPool, Target


def _figures(n: int) -> str:
    return f"{n} figure{'s' * (n != 1)}"


def fix_files(items: list[tuple[str, Report, str]], *, write: bool) -> tuple[list[FilePlan], bool]:
    """Plan (and with ``write``, make) the fixes of each ``(path, report, min_severity)``.

    Prints one line per file fixed, per fix skipped and per file that cannot be fixed.
    Returns the plans that change a file and whether any file could not be fixed.
    """
    plans: list[FilePlan] = []
    failed = False
    for path, report, min_severity in items:
        try:
            plan = plan_file(path, report, min_severity)
            if plan is None:
                continue
            for reason in plan.skipped:
                click.echo(f"taxcheck: warning: {path}:{reason}; not fixed", err=True)
            if not plan.changed:
                continue
            if write:
                write_plan(plan)
                click.echo(f"fixed {_figures(len(plan.applied))} in {path}", err=True)
            plans.append(plan)
        except InputError as exc:
            click.echo(f"taxcheck: error: {exc}", err=True)
            failed = True
        except OSError as exc:
            click.echo(f"taxcheck: error: {path}: cannot write the fixed file ({exc})",
                       err=True)
            failed = True
    return plans, failed


def print_diff(plans: list[FilePlan]) -> None:
    """Print the plans as unified diffs and a count on standard error."""
    click.echo("".join(unified_diff(p) for p in plans), nl=False)
    count = sum(len(p.applied) for p in plans)
    files = len(plans)
    click.echo(f"would fix {_figures(count)} in {files} file{'s' * (files != 1)}", err=True)


def fix_and_recheck(targets: list[Target], checked: list[tuple[Report, str]],
                    pool: CheckerPool, *, diff: bool, failed: bool = False) -> bool:
    """Fix the checked files (``--fix``) and check the fixed ones again, in ``checked``;
    or print the fixes as a diff and exit (``--diff``: 1 when there is any, 2 on errors).

    ``failed``: whether an input could not be read already. Returns whether any input
    could not be read or fixed.
    """
    items = [(t.path, report, t.settings.min_severity)
             for t, (report, _) in zip(targets, checked, strict=True)]
    plans, fix_failed = fix_files(items, write=not diff)
    failed = failed or fix_failed
    if diff:
        print_diff(plans)
        sys.exit(EXIT_ERROR if failed else EXIT_FINDINGS if plans else EXIT_CLEAN)
    fixed = {p.path for p in plans}
    for i, target in enumerate(targets):
        if target.path in fixed:  # report what is left in the file as it is now
            try:
                document = read_path(target.path, max_bytes=target.settings.max_bytes)
            except InputError as exc:
                click.echo(f"taxcheck: error: {exc}", err=True)
                failed = True
                continue
            checked[i] = (pool.checker(target.settings).check(document), checked[i][1])
    return failed
