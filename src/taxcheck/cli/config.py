"""``taxcheck config``: show the effective settings and where each came from."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from taxcheck.cli.common import EXIT_CLEAN, load_db
from taxcheck.cli.options import (
    CHECKING_OPTIONS,
    PUBLISH_OPTIONS,
    apply_options,
    fail_config,
    fail_on_option,
    format_option,
    min_severity_option,
    overrides,
    selection_errors,
    settings_for,
)
from taxcheck.config import ConfigErrors, describe_settings


@click.command("config")
@click.argument("path", required=False, default=".", metavar="[PATH]")
@format_option
@fail_on_option
@min_severity_option
@apply_options(*CHECKING_OPTIONS, *PUBLISH_OPTIONS)
def config(path: str, fmt: str | None, fail_on: str | None, min_severity: str | None,
           config_file: Path | None, tax_year: int | None, claims: tuple[Path, ...],
           enable: tuple[str, ...], disable: tuple[str, ...], min_confidence: float | None,
           max_bytes: int | None, reviewer: str | None, reviewer_url: str | None,
           publish: bool | None) -> None:
    """Show the settings that apply to PATH (a file or folder; default: here).

    Prints each setting with where its value came from: `default`, the
    configuration file and line, or `command line` for the options given here. The
    configuration is the nearest .taxcheck.toml, or pyproject.toml with a
    [tool.taxcheck] table, in PATH's folder or above it. Also checks the extra
    claim folders and the claim ids or topics named by `enable` and `disable`;
    exits 2 with one line per problem.
    """
    cli = overrides(format=fmt, fail_on=fail_on, min_severity=min_severity, tax_year=tax_year,
                    claims=claims, enable=enable, disable=disable,
                    min_confidence=min_confidence, max_bytes=max_bytes, reviewer=reviewer,
                    reviewer_url=reviewer_url, publish=publish)
    settings = settings_for(path, cli, config_file)
    errors = selection_errors(settings, load_db(settings.claims))
    if errors:
        fail_config(ConfigErrors(errors))
    click.echo(describe_settings(settings), nl=False)
    sys.exit(EXIT_CLEAN)
